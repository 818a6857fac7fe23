/* text.h: text helpers: encodings, NFC and forbidden characters, quoting
 * input in messages, slugs, trimming, edit distance.
 * Included by the readers (csvread, planxml, tables) and by keys. */
#ifndef GEN_TEXT_H
#define GEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True if s[0..len) is valid UTF-8 (no overlongs, no surrogates).
 * Otherwise *bad is the offset of the first offending byte. */
bool	 utf8_valid(const char *s, size_t len, size_t *bad);
/* An input quoted in a message: the start of s, at most 60 characters,
 * with "…" when it was cut, and control characters, bidirectional
 * controls and bytes that are not UTF-8 written as \t, \x1B, \u202E, so
 * that no input reaches a terminal raw.  Caller frees. */
char	*text_excerpt(const char *s);
/* The same in buf, which holds EXCERPT_SIZE bytes; returns buf. */
#define EXCERPT_SIZE 400
const char *text_excerpt_in(char *buf, const char *s);
/* The excerpt of s in a buffer that lives to the end of the enclosing
 * block: for the arguments of one message. */
#define QUOTE(s) text_excerpt_in((char[EXCERPT_SIZE]){ 0 }, (s))
/* All of s with those characters escaped as in an excerpt, cut after max
 * characters (SIZE_MAX: never); caller frees. */
char	*text_escape(const char *s, size_t max);

/* The first character of the UTF-8 s[0..len) that text may not hold
 * (input-format.md, "Text"): a control character other than tab and line
 * ends, or a bidirectional control.  Sets *off and *cp; false if none. */
bool	 text_forbidden(const char *s, size_t len, size_t *off, uint32_t *cp);
/* What cp, a character text_forbidden found, is, for a message. */
const char *text_forbidden_kind(uint32_t cp);
/* k (1..) as a spreadsheet names its columns, from first ('a' or 'A'):
 * a .. z, aa, ab ..; into buf of TEXT_LETTERS bytes. */
#define TEXT_LETTERS	8
void	 text_letters(unsigned k, char first, char buf[TEXT_LETTERS]);

/* Whether code point c is NFC in any text of such code points alone
 * (Latin up to U+02FF, punctuation and currency signs U+2002-U+20CF):
 * no decomposition, and nothing composes with it (the unit test checks
 * every pair). */
bool	 text_nfc_stable(uint32_t c);
/* The valid UTF-8 s normalised to Unicode NFC (utf8proc).  Caller frees. */
char	*text_nfc(const char *s);
/* True if href is an address a link may have (input-format.md, "Text"):
 * http://, https:// or mailto: with something after it, or "#ID"; none
 * of them with a blank or a control character. */
bool	 text_href_safe(const char *href);
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

/* True if s may be a table name or a row, group or column id, which
 * become parts of keys: a-z, 0-9, '-' and '_', first a letter or digit. */
bool	 text_is_id(const char *s);
/* Is id one the page gives itself (html.c's contents, docbuild.c's
 * anchors of sections, tables and charts)?  A section or chapter may not
 * take it: two elements would share it. */
bool	 text_id_reserved(const char *id);

/* Copy of s without leading and trailing blanks (space, tab, CR, LF, NBSP). */
char	*trim_dup(const char *s);
/* In place: ASCII lower case. */
void	 ascii_lower(char *s);
bool	 is_blank(const char *s);

/* Levenshtein distance, or limit + 1 if it is larger than limit. */
size_t	 edit_distance(const char *a, const char *b, size_t limit);

/* Whether a line must not break at the blank between the words a and b
 * ("§ 16", "SGB II", "ALG I", "− 5", "16,7 %", "3.254 EUR"): the print
 * layout and the web page keep the same words together. */
bool	 text_no_break(const char *a, size_t alen, const char *b,
	    size_t blen);
/* s with the blanks text_no_break keeps as no-break spaces (U+00A0), for
 * the web page.  Caller frees. */
char	*text_nbsp(const char *s);

/* Breaks s at blanks into lines no wider than width as measure says
 * (a word wider than that stands alone), blanks that text_no_break keeps
 * never broken; calls line for each line (its bytes, without the blanks
 * around it; the text has U+00A0 where a blank may not break) and
 * returns the number of lines, at least one. */
int	 text_wrap(const char *s, double width,
	    double (*measure)(void *ctx, const char *s, size_t len),
	    void (*line)(void *ctx, const char *s, size_t len, int n),
	    void *ctx);

#endif
