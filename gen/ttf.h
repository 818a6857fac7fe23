/* ttf.h: checking a TrueType font file before libharu embeds it.
 * Included by template.c. */
#ifndef GEN_TTF_H
#define GEN_TTF_H

#include <stdbool.h>
#include <stddef.h>

/* The largest font file read. */
#define TTF_FILE_MAX (32u << 20)

/* Is data a whole TrueType font that libharu can embed and that draws
 * German text?  False with *why (caller frees; it completes
 * "'x.ttf' ...") if not. */
bool	ttf_check(const void *data, size_t len, char **why);

#endif
