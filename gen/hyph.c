/* hyph.c: hyphenation points of German words with libhyphen. */
#include "hyph.h"

#include <hyphen.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
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
};

/* Longest pattern of the German dictionary is 35 letters. */
#define PATTERN_MAX 40
/* hyph_de_DE.dic has about a million bytes. */
#define DICT_MAX (16u * 1024 * 1024)

void
hyph_close(struct hyph *h)
{
	if (h == NULL)
		return;
	if (h->dict != NULL)
		hnj_hyphen_free(h->dict);
	free(h);
}

/* The dictionary is ISO-8859-1 and lower case: a word of other letters
 * than those of Latin-1 has no hyphenation points.  out has room for
 * len bytes. */
static bool
S_latin1_lower(const char *word, size_t len, char *out, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)word;
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned c = s[i];

		if (c >= 0x80) {
			if ((c != 0xC2 && c != 0xC3) || i + 1 == len ||
			    (s[i + 1] & 0xC0) != 0x80)
				return false;
			c = (c & 0x1F) << 6 | (s[++i] & 0x3F);
		}
		if ((c >= 'A' && c <= 'Z') ||
		    (c >= 0xC0 && c <= 0xDE && c != 0xD7))
			c += 32;
		else if (!((c >= 'a' && c <= 'z') || (c >= 0xDF && c != 0xF7)))
			return false;
		out[n++] = (char)c;
	}
	*outlen = n;
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
	    !S_latin1_lower(word, len, latin, &llen))
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

static bool
S_letter_at(const unsigned char *s, size_t *n)
{
	if ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')) {
		*n = 1;
		return true;
	}
	/* U+00C0..U+00FF but the signs of multiplication and division. */
	if ((s[0] == 0xC3) && (s[1] & 0xC0) == 0x80 && s[1] != 0x97 &&
	    s[1] != 0xB7) {
		*n = 2;
		return true;
	}
	return false;
}

/* A set of 64-bit hashes: the words seen (exact, so that a long document
 * does not lose words).  cap is a power of two. */
struct hset {
	uint64_t	*v;
	size_t		 n, cap;
};

#define FNV_OFFSET	UINT64_C(14695981039346656037)
#define FNV_PRIME	UINT64_C(1099511628211)

static void
S_hset_add(struct hset *h, uint64_t x)
{
	size_t i;

	x |= 1;		/* 0 marks an empty slot */
	if (2 * (h->n + 1) > h->cap) {
		struct hset bigger = { .cap = h->cap ? 2 * h->cap : 4096 };

		bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
		for (size_t k = 0; k < h->cap; k++)
			if (h->v[k] != 0)
				S_hset_add(&bigger, h->v[k]);
		free(h->v);
		*h = bigger;
	}
	for (i = x & (h->cap - 1); h->v[i] != 0; i = (i + 1) & (h->cap - 1))
		if (h->v[i] == x)
			return;
	h->v[i] = x;
	h->n++;
}

/* Has the word been seen before?  A report repeats most of its words. */
static bool
S_seen(struct hset *words, const char *w, size_t len)
{
	uint64_t x = FNV_OFFSET;
	size_t n = words->n;

	for (size_t i = 0; i < len; i++)
		x = (x ^ (unsigned char)w[i]) * FNV_PRIME;
	S_hset_add(words, x);
	return words->n == n;
}

/* The hashes of the pieces of the document's words, as a Bloom filter of
 * 32 bits per piece and two probes: small enough to stay in the cache
 * while 78.000 patterns are looked up.  A false hit only keeps a pattern
 * that is not needed, never drops one that is. */
struct bloom {
	uint64_t	*bits;
	uint64_t	 mask;		/* number of bits - 1 */
};

static bool
S_bloom_has(const struct bloom *b, uint64_t x)
{
	uint64_t i = x & b->mask, k = (x >> 32) & b->mask;

	return (b->bits[i >> 6] >> (i & 63) & 1) &&
	    (b->bits[k >> 6] >> (k & 63) & 1);
}

static void
S_bloom_add(struct bloom *b, uint64_t x)
{
	uint64_t i = x & b->mask, k = (x >> 32) & b->mask;

	b->bits[i >> 6] |= UINT64_C(1) << (i & 63);
	b->bits[k >> 6] |= UINT64_C(1) << (k & 63);
}

static void
S_bloom_init(struct bloom *b, const uint64_t *v, size_t n)
{
	uint64_t nbits = 4096;

	while (nbits < 32 * (uint64_t)n)
		nbits *= 2;
	b->bits = xcalloc(nbits / 64, sizeof(*b->bits));
	b->mask = nbits - 1;
	for (size_t i = 0; i < n; i++)
		S_bloom_add(b, v[i]);
}

/* Every piece of ".word." of every word of text that could be hyphenated,
 * up to PATTERN_MAX: the filter that pattern lines must pass. */
static void
S_pieces(const char *text, struct bloom *filter)
{
	const unsigned char *s = (const unsigned char *)text;
	struct hset words = { 0 };
	uint64_t *v = NULL;
	size_t n = 0, cap = 0;

	while (*s != '\0') {
		const unsigned char *start = s;
		char latin[WORD_MAX + 3];
		size_t len, m;

		while (*s != '\0' && S_letter_at(s, &m))
			s += m;
		if (s == start) {
			s++;
			continue;
		}
		if ((size_t)(s - start) > WORD_MAX ||
		    !S_latin1_lower((const char *)start, (size_t)(s - start),
		    latin + 1, &len) || len < LEFT_MIN + RIGHT_MIN ||
		    S_seen(&words, latin + 1, len))
			continue;
		latin[0] = '.';
		latin[len + 1] = '.';
		for (size_t i = 0; i < len + 2; i++) {
			uint64_t x = FNV_OFFSET;

			for (size_t k = i; k < len + 2 && k - i < PATTERN_MAX; k++) {
				x = (x ^ (unsigned char)latin[k]) * FNV_PRIME;
				grow(&v, &cap, n + 1, sizeof(*v));
				v[n++] = x;
			}
		}
	}
	free(words.v);
	S_bloom_init(filter, v, n);
	free(v);
}

/* How the filter reads a byte of a pattern line. */
enum { PAT_LETTER, PAT_DIGIT, PAT_END };

/* The lines of the dictionary that text may need, onto kept: the first
 * (the encoding), those in capitals (settings), and the patterns whose
 * letters (digits dropped, the part after '/' too) may be a piece of
 * some word.  One pass of few instructions a byte: the dictionary has a
 * million bytes and most reports need a hundredth of its lines. */
static void
S_filter(const char *dict, const struct bloom *filter, struct buf *kept)
{
	static const unsigned char class[256] = {
		['0'] = PAT_DIGIT, ['1'] = PAT_DIGIT, ['2'] = PAT_DIGIT,
		['3'] = PAT_DIGIT, ['4'] = PAT_DIGIT, ['5'] = PAT_DIGIT,
		['6'] = PAT_DIGIT, ['7'] = PAT_DIGIT, ['8'] = PAT_DIGIT,
		['9'] = PAT_DIGIT, ['\0'] = PAT_END, ['\n'] = PAT_END,
		['\r'] = PAT_END, ['/'] = PAT_END,
	};
	const char *p = dict + strcspn(dict, "\r\n");

	p += strspn(p, "\r\n");
	buf_add(kept, dict, (size_t)(p - dict));
	while (*p != '\0') {
		const char *line = p;
		uint64_t x = FNV_OFFSET;
		bool keep;
		unsigned char c;

		for (; class[c = (unsigned char)*p] != PAT_END; p++)
			if (class[c] == PAT_LETTER)
				x = (x ^ c) * FNV_PRIME;
		keep = (*line >= 'A' && *line <= 'Z') ||
		    (*line != '#' && S_bloom_has(filter, x));
		while (*p != '\0' && *p != '\n' && *p != '\r')
			p++;
		while (*p == '\n' || *p == '\r')
			p++;
		if (keep)
			buf_add(kept, line, (size_t)(p - line));
	}
}

struct hyph *
hyph_open_for(const char *path, const char *text)
{
	struct hyph *h;
	struct bloom filter;
	struct buf kept;
	FILE *in, *mem;
	char *dict;
	size_t len;

	if ((in = fopen(path, "r")) == NULL)
		return NULL;
	/* The dictionary is read whole: a million bytes, in one go. */
	dict = xmalloc(DICT_MAX + 1);
	len = fread(dict, 1, DICT_MAX, in);
	fclose(in);
	dict[len] = '\0';
	S_pieces(text, &filter);
	buf_init(&kept);
	S_filter(dict, &filter, &kept);
	free(dict);
	free(filter.bits);
	h = xcalloc(1, sizeof(*h));
	mem = fmemopen(kept.s, kept.len, "r");
	if (mem != NULL) {
		h->dict = hnj_hyphen_load_file(mem);
		fclose(mem);
	}
	buf_free(&kept);
	if (h->dict == NULL) {
		hyph_close(h);
		return NULL;
	}
	return h;
}
