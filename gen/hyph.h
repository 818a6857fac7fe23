/* hyph.h: German hyphenation with libhyphen and the hyphen-de dictionary.
 * Included by layout.c and the tests. */
#ifndef GEN_HYPH_H
#define GEN_HYPH_H

#include <stddef.h>

#define HYPH_DICT "/usr/share/hyphen/hyph_de_DE.dic"

struct hyph;

/* The dictionary at path, with only the patterns that can apply to a
 * word of text (NULL if it cannot be read):
 * libhyphen takes seconds to load the whole German dictionary, and a
 * pattern that is no part of a word can never change how it breaks. */
struct hyph	*hyph_open_for(const char *path, const char *text);
void		 hyph_close(struct hyph *h);

/* The places in the UTF-8 word (byte offsets) after which it may be
 * broken with a hyphen, at most max; the number found.  Words with other
 * characters than letters get none. */
size_t		 hyph_points(struct hyph *h, const char *word, size_t len,
		    size_t *pos, size_t max);

#endif
