/* text.h: byte-level text helpers: encodings, slugs, trimming, edit distance.
 * Included by the readers (csvread, planxml, tables) and by keys. */
#ifndef GEN_TEXT_H
#define GEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..len) is valid UTF-8 (no overlongs, no surrogates).
 * Otherwise *bad is the offset of the first offending byte. */
bool	 utf8_valid(const char *s, size_t len, size_t *bad);
/* The start of s, at most 60 characters, with "…" when it was cut: an
 * input quoted in a message.  Caller frees. */
char	*text_excerpt(const char *s);
/* The character of the UTF-8 s[0..len) at *i; *i moves past it.  A
 * sequence cut short by len gives what it has. */
uint32_t utf8_next(const char *s, size_t len, size_t *i);
/* The number of characters in the valid UTF-8 s of len bytes. */
size_t	 utf8_count(const char *s, size_t len);

/* Windows-1252 to UTF-8.  Returns NULL and sets *bad to the offset of the
 * first byte that Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
char	*cp1252_to_utf8(const char *s, size_t len, size_t *bad);
/* The Windows-1252 byte of code point cp, or -1 if it has none. */
int	 cp1252_byte(uint32_t cp);

/* The line (1-based) on which offset off of s lies; s is NUL-terminated. */
int	 line_of_offset(const char *s, size_t off);

/* Row id from a label (input-format.md): lower case, umlauts transcribed,
 * other runs become one '-'.  Caller frees; may return "". */
char	*slugify(const char *label);

/* Copy of s without leading and trailing blanks (space, tab, CR, LF, NBSP). */
char	*trim_dup(const char *s);
/* In place: ASCII lower case. */
void	 ascii_lower(char *s);
bool	 is_blank(const char *s);

/* Levenshtein distance, or limit + 1 if it is larger than limit. */
size_t	 edit_distance(const char *a, const char *b, size_t limit);

#endif
