/* hyph.c: hyphenation points of German words with libhyphen. */
#include "hyph.h"

#include <hyphen.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Breaks leave at least this many letters on the line and carry at least
 * this many to the next (the dictionary sets none). */
#define LEFT_MIN	2
#define RIGHT_MIN	3
#define WORD_MAX	100

struct hyph {
	HyphenDict	*dict;
	iconv_t		 to_latin1;
};

struct hyph *
hyph_open(const char *path)
{
	struct hyph *h = xcalloc(1, sizeof(*h));

	h->dict = hnj_hyphen_load(path);
	h->to_latin1 = iconv_open("ISO-8859-1", "UTF-8");
	if (h->dict == NULL || h->to_latin1 == (iconv_t)-1) {
		if (h->dict != NULL)
			hnj_hyphen_free(h->dict);
		free(h);
		return NULL;
	}
	return h;
}

void
hyph_close(struct hyph *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	iconv_close(h->to_latin1);
	free(h);
}

/* The dictionary is ISO-8859-1 and lower case. */
static bool
S_latin1_lower(struct hyph *h, const char *word, size_t len, char *out,
    size_t *outlen)
{
	char *in = (char *)word, *o = out;
	size_t inleft = len, outleft = WORD_MAX;

	iconv(h->to_latin1, NULL, NULL, NULL, NULL);
	if (iconv(h->to_latin1, &in, &inleft, &o, &outleft) == (size_t)-1)
		return false;
	*outlen = (size_t)(o - out);
	for (size_t i = 0; i < *outlen; i++) {
		unsigned char c = (unsigned char)out[i];

		if (c >= 'A' && c <= 'Z')
			out[i] = (char)(c + 32);
		else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
			out[i] = (char)(c + 32);
		else if (!((c >= 'a' && c <= 'z') || c >= 0xDF))
			return false;
	}
	return true;
}

size_t
hyph_points(struct hyph *h, const char *word, size_t len, size_t *pos,
    size_t max)
{
	char latin[WORD_MAX + 1], hyphens[WORD_MAX + 6];
	char **rep = NULL;
	int *rpos = NULL, *cut = NULL;
	size_t n = 0, llen, byte = 0;

	if (h == NULL || len == 0 || len > WORD_MAX ||
	    !S_latin1_lower(h, word, len, latin, &llen))
		return 0;
	latin[llen] = '\0';
	if (hnj_hyphen_hyphenate3(h->dict, latin, (int)llen, hyphens, NULL,
	    &rep, &rpos, &cut, LEFT_MIN, RIGHT_MIN, LEFT_MIN, RIGHT_MIN) != 0)
		return 0;
	/* Letter i of the Latin-1 word ends at some byte of the UTF-8 one. */
	for (size_t i = 0; i < llen && n < max; i++) {
		byte += (unsigned char)latin[i] < 0x80 ? 1 : 2;
		if (hyphens[i] & 1 && (rep == NULL || rep[i] == NULL))
			pos[n++] = byte;
	}
	if (rep != NULL) {
		for (size_t i = 0; i < llen; i++)
			free(rep[i]);
		free(rep);
	}
	free(rpos);
	free(cut);
	return n;
}
