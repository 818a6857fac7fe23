/* text.c: text helpers: encodings, NFC and forbidden characters, quoting
 * input in messages, slugs, trimming, edit distance. */
#include "text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "util.h"

/* Characters that a message never shows raw: controls, and those that
 * reorder a terminal's text or break its lines. */
static bool
S_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	    cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* s escaped into b, at most max characters of it, then "…" if s goes on.
 * An escape is never cut. */
static void
S_escape(struct buf *b, const char *s, size_t max)
{
	size_t len = strlen(s), i = 0, chars = 0;
	char esc[16];

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		size_t start = i, w;
		uint32_t cp;

		if (i + n > len || !utf8_valid(s + i, n, NULL)) {
			snprintf(esc, sizeof(esc), "\\x%02X", c);
			i++;
		} else if (S_unsafe(cp = utf8_next(s, len, &i))) {
			snprintf(esc, sizeof(esc), cp == '\t' ? "\\t" :
			    cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : cp < 0x80 ?
			    "\\x%02X" : "\\u%04X", (unsigned)cp);
		} else
			esc[0] = '\0';
		w = esc[0] != '\0' ? strlen(esc) : 1;
		if (chars + w > max) {
			buf_puts(b, "…");
			return;
		}
		chars += w;
		if (esc[0] != '\0')
			buf_puts(b, esc);
		else
			buf_add(b, s + start, i - start);
	}
}

const char *
text_excerpt_in(char *out, const char *s)
{
	struct buf b;

	buf_init(&b);
	S_escape(&b, s, 60);
	memcpy(out, b.s, b.len + 1);
	buf_free(&b);
	return out;
}

char *
text_excerpt(const char *s)
{
	char out[EXCERPT_SIZE];

	return xstrdup(text_excerpt_in(out, s));
}

char *
text_escape(const char *s, size_t max)
{
	struct buf b;

	buf_init(&b);
	S_escape(&b, s, max);
	return buf_detach(&b);
}

static bool
S_forbidden(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
	    (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

bool
text_forbidden(const char *s, size_t len, size_t *off, uint32_t *cp)
{
	for (size_t i = 0; i < len; ) {
		size_t at = i;
		uint32_t c = utf8_next(s, len, &i);

		if (S_forbidden(c)) {
			*off = at;
			*cp = c;
			return true;
		}
	}
	return false;
}

const char *
text_forbidden_kind(uint32_t cp)
{
	return cp >= 0x202A ? "bidirectional control" : "control character";
}

void
text_letters(unsigned k, char first, char buf[TEXT_LETTERS])
{
	size_t n = 0;

	for (; k > 0 && n < TEXT_LETTERS - 1; k = (k - 1) / 26)
		buf[n++] = (char)(first + (k - 1) % 26);
	for (size_t i = 0; i < n / 2; i++) {
		char t = buf[i];

		buf[i] = buf[n - 1 - i];
		buf[n - 1 - i] = t;
	}
	buf[n] = '\0';
}

bool
text_nfc_stable(uint32_t c)
{
	return c < 0x300 || (c >= 0x2002 && c <= 0x20CF);
}

char *
text_nfc(const char *s)
{
	utf8proc_uint8_t *n;
	size_t len = strlen(s), i = 0;
	char *out;

	/* Text of these characters alone is NFC already (German text is;
	 * normalising every text of a plan took a sixth of a render). */
	while (i < len && text_nfc_stable(utf8_next(s, len, &i)))
		continue;
	if (i >= len)
		return xstrdup(s);
	/* NULL only without memory: s is valid UTF-8. */
	if ((n = utf8proc_NFC((const utf8proc_uint8_t *)s)) == NULL)
		out_of_memory();
	out = xstrdup((const char *)n);
	free(n);
	return out;
}

uint32_t
utf8_next(const char *str, size_t len, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t cp = s[*i];
	size_t n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;

	if (n > 1)
		cp &= 0x3F >> (n - 1);
	for (size_t k = 1; k < n && *i + k < len; k++)
		cp = cp << 6 | (s[*i + k] & 0x3F);
	*i += n;
	return cp;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

bool
utf8_valid(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t n;
		uint32_t cp, min;

		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3, cp = c & 0x07, min = 0x10000;
		} else
			goto fail;
		if (len - i <= n)
			goto fail;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n + 1;
	}
	return true;
fail:
	if (bad != NULL)
		*bad = i;
	return false;
}

/* Code points of 0x80..0x9F in Windows-1252; 0 = undefined. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static void
S_put_utf8(struct buf *b, uint32_t cp)
{
	char u[3];

	if (cp < 0x80) {
		buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, u, 2);
	} else {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, u, 3);
	}
}

int
cp1252_byte(uint32_t cp)
{
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (cp1252_high[i] != 0 && cp1252_high[i] == cp)
			return 0x80 + i;
	return -1;
}

char *
cp1252_to_utf8(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < len; i++) {
		uint32_t cp = s[i];

		if (cp >= 0x80 && cp < 0xA0) {
			cp = cp1252_high[cp - 0x80];
			if (cp == 0) {
				*bad = i;
				buf_free(&b);
				return NULL;
			}
		}
		S_put_utf8(&b, cp);
	}
	return buf_detach(&b);
}

int
line_of_offset(const char *s, size_t off)
{
	int line = 1;

	/* LF, CRLF and a lone CR ("CSV (Macintosh)") each end a line. */
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n'))
			line++;
	return line;
}

bool
text_href_safe(const char *href)
{
	static const char *const schemes[] = { "#", "http://", "https://",
	    "mailto:" };

	for (size_t i = 0; i < sizeof(schemes) / sizeof(*schemes); i++) {
		size_t n = strlen(schemes[i]);

		if (strncasecmp(href, schemes[i], n) != 0 || href[n] == '\0')
			continue;
		for (const char *p = href; *p != '\0'; p++)
			if ((unsigned char)*p <= 0x20 || *p == 0x7F)
				return false;
		return true;
	}
	return false;
}

/* Transcriptions of the Latin-1 letters a German label may contain. */
static const char *
S_translit(uint32_t cp)
{
	switch (cp) {
	case 0xE4: case 0xC4: return "ae";
	case 0xF6: case 0xD6: return "oe";
	case 0xFC: case 0xDC: return "ue";
	case 0xDF: case 0x1E9E: return "ss";
	default: return NULL;
	}
}

/* Decodes one UTF-8 sequence at *p (input already validated). */
static uint32_t
S_next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t cp;
	int n;

	if (s[0] < 0x80)
		n = 0, cp = s[0];
	else if ((s[0] & 0xE0) == 0xC0)
		n = 1, cp = s[0] & 0x1F;
	else if ((s[0] & 0xF0) == 0xE0)
		n = 2, cp = s[0] & 0x0F;
	else
		n = 3, cp = s[0] & 0x07;
	for (int k = 1; k <= n && s[k] != '\0'; k++)
		cp = cp << 6 | (s[k] & 0x3F);
	for (*p = s + 1; **p != '\0' && (**p & 0xC0) == 0x80; (*p)++)
		continue;
	return cp;
}

char *
slugify(const char *label)
{
	const unsigned char *p = (const unsigned char *)label;
	struct buf b;
	bool dash = false;

	buf_init(&b);
	while (*p != '\0') {
		uint32_t cp = S_next_cp(&p);
		const char *t = S_translit(cp);
		char c = 0;

		if (cp >= 'A' && cp <= 'Z')
			c = (char)(cp - 'A' + 'a');
		else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			c = (char)cp;
		if (c == 0 && t == NULL) {
			dash = true;
			continue;
		}
		if (dash && b.len > 0)
			buf_putc(&b, '-');
		dash = false;
		if (t != NULL)
			buf_puts(&b, t);
		else
			buf_putc(&b, c);
	}
	return buf_detach(&b);
}

bool
text_id_reserved(const char *id)
{
	static const char *const prefix[] = { "kapitel-", "tabelle-",
	    "diagramm-", "inhalt-", NULL };

	if (strcmp(id, "inhalt") == 0)
		return true;
	for (const char *const *p = prefix; *p != NULL; p++)
		if (strncmp(id, *p, strlen(*p)) == 0)
			return true;
	return false;
}

bool
text_is_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-' || *s == '_'))
			return false;
	return true;
}

static bool
S_blank_at(const char *s, size_t *n)
{
	if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
		*n = 1;
		return true;
	}
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
		*n = 2;
		return true;
	}
	return false;
}

char *
trim_dup(const char *s)
{
	size_t n, len, end = 0;

	while (S_blank_at(s, &n))
		s += n;
	len = strlen(s);
	for (size_t i = 0; i < len; ) {
		if (S_blank_at(s + i, &n)) {
			i += n;
		} else {
			i++;
			end = i;
		}
	}
	return xstrndup(s, end);
}

void
ascii_lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

bool
is_blank(const char *s)
{
	size_t n;

	while (S_blank_at(s, &n))
		s += n;
	return *s == '\0';
}

size_t
edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row, result;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	row = xcalloc(lb + 1, sizeof(*row));
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit) {
			free(row);
			return limit + 1;
		}
	}
	result = row[lb];
	free(row);
	return result > limit ? limit + 1 : result;
}

/* Whether s (n bytes) is the word w, perhaps followed by punctuation. */
static bool
S_word_is(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncmp(s, w, k) == 0 && (n == k ||
	    strchr(".,;:)", s[k]) != NULL);
}

/* A Roman number as in "SGB II", "ALG I", "SGB XII", "SGB II-Bezug". */
static bool
S_roman(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && strchr("IVX", s[k]) != NULL)
		k++;
	return k > 0 && k <= 4 && (k == n || strchr(".,;:)-/", s[k]) != NULL);
}

/* Whether the word a (alen bytes) ends in w after a bracket, quote or
 * slash, if anything: "(§", "(SGB", "II/SGB". */
static bool
S_ends_in(const char *a, size_t alen, const char *w)
{
	size_t k = strlen(w);

	return alen >= k && strncmp(a + alen - k, w, k) == 0 &&
	    (alen == k || !isalnum((unsigned char)a[alen - k - 1]));
}

bool
text_no_break(const char *a, size_t alen, const char *b, size_t blen)
{
	static const char *const units[] = { "\xE2\x82\xAC", "%", "EUR",
	    "Mio.", "Mrd.", "Tsd.", "%-Pkt.", "Pkt.", "Monate", "Jahre" };
	unsigned char d0 = blen > 0 ? (unsigned char)b[0] : 0;
	unsigned char last = alen > 0 ? (unsigned char)a[alen - 1] : 0;

	if (alen == 0 || blen == 0)
		return false;
	if (S_ends_in(a, alen, "\xC2\xA7"))
		return true;
	if ((S_ends_in(a, alen, "SGB") || S_ends_in(a, alen, "ALG")) &&
	    S_roman(b, blen))
		return true;
	if (((alen == 1 && (*a == '+' || *a == '-')) || (alen == 2 &&
	    strncmp(a, "\xC2\xB1", 2) == 0) || (alen == 3 &&
	    strncmp(a, "\xE2\x88\x92", 3) == 0)) && d0 >= '0' && d0 <= '9')
		return true;
	if (last < '0' || last > '9')
		return false;
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (S_word_is(b, blen, units[k]))
			return true;
	return false;
}

char *
text_nbsp(const char *s)
{
	struct buf out;
	const char *prev = NULL;
	size_t prevlen = 0;

	buf_init(&out);
	while (*s != '\0') {
		size_t blanks = strspn(s, " "), n;

		n = strcspn(s + blanks, " ");
		if (blanks == 1 && prev != NULL && n > 0 &&
		    text_no_break(prev, prevlen, s + 1, n))
			buf_add(&out, "\xC2\xA0", 2);
		else
			buf_add(&out, s, blanks);
		buf_add(&out, s + blanks, n);
		prev = s + blanks;
		prevlen = n;
		s += blanks + n;
	}
	return buf_detach(&out);
}

int
text_wrap(const char *s, double width,
    double (*measure)(void *ctx, const char *s, size_t len),
    void (*line)(void *ctx, const char *s, size_t len, int n), void *ctx)
{
	char *nb = text_nbsp(s);
	const char *p = nb;
	int lines = 0;

	while (*p == ' ')
		p++;
	while (*p != '\0') {
		size_t take = strcspn(p, " ");

		while (p[take] == ' ') {
			size_t more = take + 1 + strcspn(p + take + 1, " ");

			if (measure(ctx, p, more) > width + 0.01)
				break;
			take = more;
		}
		while (take > 0 && p[take - 1] == ' ')
			take--;
		if (line != NULL)
			line(ctx, p, take, lines);
		lines++;
		p += take;
		while (*p == ' ')
			p++;
	}
	free(nb);
	return lines > 0 ? lines : 1;
}
