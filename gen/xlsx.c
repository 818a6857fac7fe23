/* xlsx.c: reading a worksheet of an Excel workbook into CSV records. */
#include "xlsx.h"

#include <libxml/xmlreader.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "io.h"
#include "lazylib.h"
#include "text.h"
#include "util.h"

/* The limits of CSV files (csvread.c) hold for a sheet as well. */
#define FILE_MAX_BYTES	(64u * 1024 * 1024)
#define CELL_MAX_CHARS	10000
#define COLUMNS_MAX	200
#define ROWS_MAX	100000
#define CELLS_MAX	2000000
/* A zip bomb is refused by what inflates, whatever its header claims:
 * no member beyond the file size limit, all members read together not
 * beyond twice that. */
#define MEMBER_MAX_BYTES FILE_MAX_BYTES
#define TOTAL_MAX_BYTES	(2 * (size_t)FILE_MAX_BYTES)
#define ENTRIES_MAX	10000
#define SHEETS_MAX	1000
#define STRINGS_MAX	CELLS_MAX
#define NUMFMTS_MAX	10000
/* A shared string longer than a cell may be is cut here; the cell that
 * uses it is refused for its length. */
#define STRING_MAX_BYTES (4 * CELL_MAX_CHARS + 4)
/* Where Excel's binary noise starts: behind 15 significant digits (all
 * Excel computes with, and the most a figure of gen has) and behind 9
 * decimals (input-format.md).  A stored 1606751.4500000002 is 1606751.45. */
#define NOISE_DIGITS	15
#define NOISE_DECIMALS	9
/* More decimals than any column allows (number.h's SCALE_MAX is 6). */
#define SCALE_DECIMALS	7

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* libzip's functions, the library opened at the first workbook. */
#define ZIP_FUNCS(X) X(zip_discard) X(zip_error_fini) X(zip_error_init) \
	X(zip_error_strerror) X(zip_fclose) X(zip_fopen_index) X(zip_fread) \
	X(zip_get_num_entries) X(zip_name_locate) X(zip_open_from_source) \
	X(zip_source_buffer_create) X(zip_source_free) X(zip_strerror)

LAZYLIB(Z, LIBZIP_SO, ZIP_FUNCS)

enum xf_kind { XF_PLAIN, XF_PERCENT, XF_DATE };

/* What a number format shows: its kind and its decimals ("0.0" shows
 * 8 as 8,0, as if the 8,0 had been typed). */
struct xf {
	unsigned char	kind;		/* enum xf_kind */
	unsigned char	decimals;
};

struct numfmt {
	int		id;
	struct xf	xf;
};

/* One workbook while one of its sheets is read. */
struct wb {
	zip_t		*za;
	const char	*shown;
	const char	*sheet;		/* the sheet's name, once known */
	struct diags	*d;
	bool		 decimal_dot;
	size_t		 inflated;	/* bytes read from all members */
	char		**sst;		/* shared strings */
	size_t		 nsst, capsst;
	struct xf	*xf;		/* cell style -> its number format */
	size_t		 nxf, capxf;
	struct numfmt	*fmts;
	size_t		 nfmts, capfmts;
};

/* One member being read through libxml2's reader. */
struct member {
	struct wb	*w;
	zip_file_t	*zf;
	const char	*name;
	size_t		 read;
	bool		 over;		/* inflated beyond the limit */
	bool		 failed;	/* the zip data is damaged */
	bool		 missing;	/* no such member */
};

char *
xlsx_cell_name(int row, int ci)
{
	char col[TEXT_LETTERS];

	if (ci < 0)
		return xasprintf("%d:%d", row, row);
	text_letters((unsigned)ci + 1, 'A', col);
	return xasprintf("%s%d", col, row);
}

bool
xlsx_is_workbook(const char *src)
{
	size_t n = src != NULL ? strlen(src) : 0;

	return n > 5 && strcasecmp(src + n - 5, ".xlsx") == 0;
}

/* An error at a cell (ci < 0: the row; row 0: the workbook). */
static void __attribute__((format(printf, 4, 5)))
S_error(struct wb *w, int row, int ci, const char *fmt, ...)
{
	char *name, *where, *msg;
	va_list ap;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (row <= 0 || w->sheet == NULL) {
		diag_error(w->d, w->shown, 0, "%s", msg);
	} else {
		name = xlsx_cell_name(row, ci);
		where = xasprintf("%s:%s!%s", w->shown, w->sheet, name);
		diag_error(w->d, where, 0, "%s", msg);
		free(where);
		free(name);
	}
	free(msg);
}

static int
S_io_read(void *ctx, char *buf, int len)
{
	struct member *m = ctx;
	zip_int64_t n = Z.zip_fread(m->zf, buf, (zip_uint64_t)len);

	if (n < 0) {
		m->failed = true;
		return -1;
	}
	m->read += (size_t)n;
	m->w->inflated += (size_t)n;
	if (m->read > MEMBER_MAX_BYTES || m->w->inflated > TOTAL_MAX_BYTES) {
		m->over = true;
		return -1;
	}
	return (int)n;
}

/* libxml2 would print its messages; the member's failure is reported
 * once, by S_close. */
static void
S_xml_quiet(void *arg, const char *msg, xmlParserSeverities sev,
    xmlTextReaderLocatorPtr loc)
{
	(void)arg, (void)msg, (void)sev, (void)loc;
}

/* Opens the member name for reading; NULL if it is missing (and then an
 * error if required). */
static xmlTextReaderPtr
S_open(struct wb *w, struct member *m, const char *name, bool required)
{
	zip_int64_t i = Z.zip_name_locate(w->za, name, 0);
	xmlTextReaderPtr r;

	memset(m, 0, sizeof(*m));
	m->w = w;
	m->name = name;
	if (i < 0) {
		m->missing = true;
		if (required)
			S_error(w, 0, 0, "the workbook has no %s (is it an "
			    "Excel workbook?)", QUOTE(name));
		return NULL;
	}
	if ((m->zf = Z.zip_fopen_index(w->za, (zip_uint64_t)i, 0)) == NULL) {
		S_error(w, 0, 0, "%s cannot be read: %s", QUOTE(name),
		    Z.zip_strerror(w->za));
		return NULL;
	}
	r = xmlReaderForIO(S_io_read, NULL, m, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (r == NULL) {
		Z.zip_fclose(m->zf);
		S_error(w, 0, 0, "out of memory");
		return NULL;
	}
	xmlTextReaderSetErrorHandler(r, S_xml_quiet, NULL);
	return r;
}

/* Closes the member; false, with the reason reported, if reading it
 * ended in an error (st < 0). */
static bool
S_close(struct member *m, xmlTextReaderPtr r, int st)
{
	struct wb *w = m->w;

	xmlFreeTextReader(r);
	Z.zip_fclose(m->zf);
	if (st >= 0)
		return true;
	if (m->over && m->read > MEMBER_MAX_BYTES)
		S_error(w, 0, 0, "%s inflates beyond %u MB: refused (a zip "
		    "bomb?)", QUOTE(m->name), (unsigned)(MEMBER_MAX_BYTES >> 20));
	else if (m->over)
		S_error(w, 0, 0, "the members read inflate beyond %u MB "
		    "together: refused (a zip bomb?)",
		    (unsigned)(TOTAL_MAX_BYTES >> 20));
	else if (m->failed)
		S_error(w, 0, 0, "%s is damaged (the zip data does not "
		    "inflate)", QUOTE(m->name));
	else
		S_error(w, 0, 0, "%s is not well-formed XML", QUOTE(m->name));
	return false;
}

static bool
S_is(xmlTextReaderPtr r, const char *name)
{
	const xmlChar *n = xmlTextReaderConstLocalName(r);

	return n != NULL && strcmp((const char *)n, name) == 0;
}

static bool
S_start(xmlTextReaderPtr r, const char *name)
{
	return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
	    S_is(r, name);
}

static bool
S_end(xmlTextReaderPtr r, const char *name)
{
	return (xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT ||
	    (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
	    xmlTextReaderIsEmptyElement(r))) && S_is(r, name);
}

static bool
S_text_node(xmlTextReaderPtr r)
{
	int t = xmlTextReaderNodeType(r);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	    t == XML_READER_TYPE_WHITESPACE ||
	    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static char *
S_attr(xmlTextReaderPtr r, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)name);
}

static void
S_append_text(xmlTextReaderPtr r, struct buf *b, size_t max)
{
	const char *s = (const char *)xmlTextReaderConstValue(r);
	size_t n = s != NULL ? strlen(s) : 0;

	if (b->len + n > max)
		n = b->len < max ? max - b->len : 0;
	buf_add(b, s != NULL ? s : "", n);
}

static int
S_hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ?
	    c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Excel writes a character XML cannot hold as _xHHHH_ (a carriage
 * return as _x000D_), and a text "_x" that looks like one as _x005F_x;
 * decoded in place (UTF-8 is never longer than the escape). */
static void
S_unescape(char *s)
{
	char *out = s;

	while (*s != '\0') {
		unsigned cp = 0;
		int i;

		for (i = 0; s[0] == '_' && s[1] == 'x' && i < 4 &&
		    S_hex(s[2 + i]) >= 0; i++)
			cp = cp * 16 + (unsigned)S_hex(s[2 + i]);
		if (i < 4 || s[6] != '_' || cp == 0 ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			*out++ = *s++;
			continue;
		}
		if (cp < 0x80) {
			*out++ = (char)cp;
		} else if (cp < 0x800) {
			*out++ = (char)(0xC0 | cp >> 6);
			*out++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*out++ = (char)(0xE0 | cp >> 12);
			*out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
			*out++ = (char)(0x80 | (cp & 0x3F));
		}
		s += 7;
	}
	*out = '\0';
}

/* The member of the sheet named want (NULL: the first sheet): its
 * relationship id from workbook.xml, its path from the relationships. */
static char *
S_sheet_rid(struct wb *w, const char *want, char **name)
{
	struct member m;
	xmlTextReaderPtr r = S_open(w, &m, "xl/workbook.xml", true);
	struct buf all;
	char *rid = NULL;
	size_t n = 0;
	int st;

	*name = NULL;
	if (r == NULL)
		return NULL;
	buf_init(&all);
	while ((st = xmlTextReaderRead(r)) == 1 && *name == NULL) {
		char *sn;

		if (!S_start(r, "sheet"))
			continue;
		if (++n > SHEETS_MAX)
			break;
		sn = S_attr(r, "name");
		if (sn != NULL && (want == NULL || strcmp(sn, want) == 0)) {
			rid = (char *)xmlTextReaderGetAttributeNs(r,
			    (const xmlChar *)"id", (const xmlChar *)NS_REL);
			*name = xstrdup(sn);
		} else if (sn != NULL && n <= 20) {
			buf_printf(&all, "%s'%s'", all.len ? ", " : "",
			    QUOTE(sn));
		}
		xmlFree(sn);
	}
	if (!S_close(&m, r, st)) {
		xmlFree(rid);
		rid = NULL;
	} else if (*name == NULL && want != NULL) {
		S_error(w, 0, 0, "the workbook has no sheet '%s' (sheets: %s)",
		    QUOTE(want), all.len ? all.s : "none");
	} else if (*name == NULL) {
		S_error(w, 0, 0, "the workbook has no sheet");
	} else if (rid == NULL) {
		S_error(w, 0, 0, "sheet '%s' has no relationship id",
		    QUOTE(*name));
	}
	buf_free(&all);
	if (rid == NULL) {
		free(*name);
		*name = NULL;
	}
	return rid;
}

/* The member that relationship rid of the workbook points to.  Only a
 * member of that name is looked up: an odd target finds nothing. */
static char *
S_sheet_member(struct wb *w, const char *rid)
{
	struct member m;
	xmlTextReaderPtr r = S_open(w, &m, "xl/_rels/workbook.xml.rels", true);
	char *path = NULL;
	int st;

	if (r == NULL)
		return NULL;
	while ((st = xmlTextReaderRead(r)) == 1 && path == NULL) {
		char *id, *target;

		if (!S_start(r, "Relationship"))
			continue;
		id = S_attr(r, "Id");
		target = S_attr(r, "Target");
		if (id != NULL && target != NULL && strcmp(id, rid) == 0)
			path = target[0] == '/' ? xstrdup(target + 1) :
			    xasprintf("xl/%s", target);
		xmlFree(id);
		xmlFree(target);
	}
	if (!S_close(&m, r, st)) {
		free(path);
		return NULL;
	}
	if (path == NULL)
		S_error(w, 0, 0, "the sheet's relationship '%s' is missing",
		    QUOTE(rid));
	return path;
}

/* Does a format code show a percent or a date, and how many decimals?
 * Quoted text, escaped characters and [colour] sections show nothing;
 * the first section is the format of positive numbers. */
static struct xf
S_code_kind(const char *code)
{
	struct xf xf = { XF_PLAIN, 0 };
	bool date = false, frac = false;

	for (const char *p = code; *p != '\0' && *p != ';'; p++) {
		if (*p == '"') {
			while (p[1] != '\0' && p[1] != '"')
				p++;
			if (p[1] != '\0')
				p++;
		} else if (*p == '\\' && p[1] != '\0') {
			p++;
		} else if (*p == '[') {
			while (p[1] != '\0' && p[1] != ']')
				p++;
		} else if (*p == '%') {
			xf.kind = XF_PERCENT;
		} else if (*p == 'y' || *p == 'Y' || *p == 'd' || *p == 'D') {
			date = true;
		} else if (*p == '.') {
			frac = true;
		} else if (frac && (*p == '0' || *p == '#' || *p == '?') &&
		    xf.decimals < SCALE_DECIMALS) {
			xf.decimals++;
		}
	}
	if (date && xf.kind == XF_PLAIN)
		xf.kind = XF_DATE;
	return xf;
}

/* The built-in formats (ECMA-376 18.8.30) that matter here. */
static struct xf
S_fmt_kind(const struct wb *w, int id)
{
	struct xf xf = { XF_PLAIN, 0 };

	if (id == 2 || id == 4 || id == 7 || id == 8 || id == 10 || id == 11)
		xf.decimals = 2;
	if (id == 9 || id == 10)
		xf.kind = XF_PERCENT;
	if ((id >= 14 && id <= 17) || id == 22)
		xf.kind = XF_DATE;
	for (size_t i = 0; i < w->nfmts; i++)
		if (w->fmts[i].id == id)
			xf = w->fmts[i].xf;
	return xf;
}

/* The number formats of the cell styles (xl/styles.xml, optional). */
static bool
S_styles(struct wb *w)
{
	struct member m;
	xmlTextReaderPtr r = S_open(w, &m, "xl/styles.xml", false);
	bool in_xfs = false;
	int st;

	if (r == NULL)
		return m.missing;
	while ((st = xmlTextReaderRead(r)) == 1) {
		char *id, *code;

		if (S_start(r, "numFmt") && w->nfmts < NUMFMTS_MAX) {
			id = S_attr(r, "numFmtId");
			code = S_attr(r, "formatCode");
			grow(&w->fmts, &w->capfmts, w->nfmts + 1,
			    sizeof(*w->fmts));
			w->fmts[w->nfmts].id = id != NULL ? atoi(id) : -1;
			w->fmts[w->nfmts++].xf = S_code_kind(code != NULL ?
			    code : "");
			xmlFree(id);
			xmlFree(code);
		} else if (S_start(r, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(r);
		} else if (S_end(r, "cellXfs")) {
			in_xfs = false;
		} else if (in_xfs && S_start(r, "xf") && w->nxf < NUMFMTS_MAX) {
			id = S_attr(r, "numFmtId");
			grow(&w->xf, &w->capxf, w->nxf + 1, sizeof(*w->xf));
			w->xf[w->nxf++] = S_fmt_kind(w, id != NULL ? atoi(id) : 0);
			xmlFree(id);
		}
	}
	return S_close(&m, r, st);
}

/* The shared strings (xl/sharedStrings.xml, optional): the text runs of
 * each <si>, without phonetic runs. */
static bool
S_strings(struct wb *w)
{
	struct member m;
	xmlTextReaderPtr r = S_open(w, &m, "xl/sharedStrings.xml", false);
	struct buf b;
	bool in_t = false, in_rph = false, full = false;
	int st;

	if (r == NULL)
		return m.missing;
	buf_init(&b);
	while ((st = xmlTextReaderRead(r)) == 1) {
		if (S_start(r, "si")) {
			buf_clear(&b);
			if (!xmlTextReaderIsEmptyElement(r))
				continue;
		}
		if (S_end(r, "si")) {
			if (w->nsst == STRINGS_MAX) {
				S_error(w, 0, 0, "more than %d shared strings",
				    STRINGS_MAX);
				full = true;
				break;
			}
			grow(&w->sst, &w->capsst, w->nsst + 1, sizeof(char *));
			w->sst[w->nsst] = xstrndup(b.s, b.len);
			S_unescape(w->sst[w->nsst++]);
		} else if (S_start(r, "rPh")) {
			in_rph = !xmlTextReaderIsEmptyElement(r);
		} else if (S_end(r, "rPh")) {
			in_rph = false;
		} else if (S_start(r, "t")) {
			in_t = !xmlTextReaderIsEmptyElement(r);
		} else if (S_end(r, "t")) {
			in_t = false;
		} else if (in_t && !in_rph && S_text_node(r)) {
			S_append_text(r, &b, STRING_MAX_BYTES);
		}
	}
	buf_free(&b);
	return S_close(&m, r, st) && !full;
}

/* A stored number ("-1.5E-3") as the digits of its value, without
 * leading zeros, and the power of ten they are scaled by. */
static bool
S_decimal(const char *s, struct buf *digits, int *exp10)
{
	int e = 0, frac = 0;
	bool any = false;

	buf_clear(digits);
	for (; (*s >= '0' && *s <= '9') || *s == '.'; s++) {
		if (*s == '.') {
			if (frac++ > 0)
				return false;
			continue;
		}
		any = true;
		if (frac > 0)
			e--;
		if (*s != '0' || digits->len > 0)
			buf_putc(digits, *s);
		if (digits->len > 40)
			return false;
	}
	if (!any)
		return false;
	if (*s == 'E' || *s == 'e') {
		char *end;
		long x = strtol(s + 1, &end, 10);

		if (end == s + 1 || x < -40 || x > 40)
			return false;
		e += (int)x;
		s = end;
	}
	*exp10 = e;
	return *s == '\0';
}

/* Rounds the digits half away from zero to what they can mean: Excel
 * computes with 15 significant digits, and a stored double adds noise
 * behind them (1606751.4500000002, 9099250.470000001); no figure has
 * more than NOISE_DECIMALS decimals either (0.30000000000000004). */
static void
S_denoise(struct buf *digits, int *exp10)
{
	size_t cut = digits->len > NOISE_DIGITS ? digits->len - NOISE_DIGITS : 0;
	size_t keep;
	bool up;

	if (*exp10 < -NOISE_DECIMALS &&
	    (size_t)(-NOISE_DECIMALS - *exp10) > cut)
		cut = (size_t)(-NOISE_DECIMALS - *exp10);
	if (cut == 0)
		return;
	if (cut > digits->len) {
		buf_clear(digits);
		*exp10 = 0;
		return;
	}
	keep = digits->len - cut;
	up = digits->s[keep] >= '5';
	digits->s[keep] = '\0';
	digits->len = keep;
	*exp10 += (int)cut;
	for (size_t i = keep; up && i > 0; i--) {
		if (digits->s[i - 1] != '9') {
			digits->s[i - 1]++;
			up = false;
		} else {
			digits->s[i - 1] = '0';
		}
	}
	if (up) {
		char *t = xasprintf("1%s", digits->s);

		buf_clear(digits);
		buf_puts(digits, t);
		free(t);
	}
}

char *
xlsx_number(const char *v, bool percent, int decimals, bool decimal_dot)
{
	bool neg = v[0] == '-';
	struct buf digits, out;
	int e;
	long ipart;

	buf_init(&digits);
	if (!S_decimal(v + neg, &digits, &e)) {
		buf_free(&digits);
		return NULL;
	}
	e += percent ? 2 : 0;
	S_denoise(&digits, &e);
	if (digits.len == 0)
		e = 0;		/* zero, or noise around it */
	while (e < -decimals && digits.len > 0 &&
	    digits.s[digits.len - 1] == '0') {
		digits.s[--digits.len] = '\0';
		e++;
	}
	while (e > -decimals) {	/* shown, so typed */
		buf_putc(&digits, '0');
		e--;
	}
	buf_init(&out);
	if (neg && digits.len > 0)
		buf_putc(&out, '-');
	ipart = (long)digits.len + e;
	if (ipart <= 0)
		buf_putc(&out, '0');
	for (long i = 0; i < ipart; i++)
		buf_putc(&out, i < (long)digits.len ? digits.s[i] : '0');
	if (e < 0) {
		buf_putc(&out, decimal_dot ? '.' : ',');
		for (long i = ipart; i < (long)digits.len; i++)
			buf_putc(&out, i < 0 ? '0' : digits.s[i]);
	}
	buf_free(&digits);
	return buf_detach(&out);
}

/* A date serial (1900 system) as an ISO date. */
static char *
S_date_text(const char *v)
{
	char *end;
	long serial = strtol(v, &end, 10);
	long z, era, doe, yoe, doy, mp, y, m, dd;

	if (end == v || (*end != '\0' && *end != '.') || serial < 1 ||
	    serial > 2958465)
		return NULL;
	/* Excel counts a 29 February 1900 that never was. */
	z = serial + (serial < 61 ? 1 : 0) - 25569 + 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	return xasprintf("%04ld-%02ld-%02ld", y + (m <= 2), m, dd);
}

/* One <c> while it is read. */
struct cell {
	int	 ci;
	char	*type, *style;
	bool	 formula;
	bool	 has_v;
	struct buf v, is;
};

/* The text of a finished cell, or NULL with an error. */
static char *
S_cell_value(struct wb *w, int row, struct cell *c)
{
	const char *t = c->type != NULL ? c->type : "n";
	long s = c->style != NULL ? atol(c->style) : 0;
	struct xf xf = s >= 0 && (size_t)s < w->nxf ? w->xf[s] :
	    (struct xf){ XF_PLAIN, 0 };
	char *text = NULL, *end;
	unsigned long i;

	/* An empty <v> is a saved value only for a formula of text. */
	if (c->formula && (!c->has_v || (c->v.len == 0 &&
	    strcmp(t, "str") != 0))) {
		S_error(w, row, c->ci, "the formula has no saved value: open "
		    "and save the workbook in Excel");
		return NULL;
	}
	if (strcmp(t, "e") == 0) {
		S_error(w, row, c->ci, "the cell holds the error value %s",
		    QUOTE(c->v.s));
		return NULL;
	}
	if (strcmp(t, "inlineStr") == 0) {
		text = xstrndup(c->is.s, c->is.len);
		S_unescape(text);
		return text;
	}
	if (strcmp(t, "s") == 0) {
		i = strtoul(c->v.s, &end, 10);
		if (end != c->v.s && *end == '\0' && i < w->nsst)
			return xstrdup(w->sst[i]);
		S_error(w, row, c->ci, "shared string '%s' does not exist",
		    QUOTE(c->v.s));
		return NULL;
	}
	if (strcmp(t, "n") != 0 || c->v.len == 0)
		return xstrndup(c->v.s, c->v.len);	/* str, b, d */
	if (xf.kind == XF_DATE)
		text = S_date_text(c->v.s);
	if (text == NULL)
		text = xlsx_number(c->v.s, xf.kind == XF_PERCENT, xf.decimals,
		    w->decimal_dot);
	if (text == NULL)
		S_error(w, row, c->ci, "'%s' is not a number", QUOTE(c->v.s));
	return text;
}

/* The column of a reference ("C7" -> 2), or -1. */
static int
S_ref_column(const char *ref)
{
	int c = 0, n = 0;

	for (; *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++)
		c = c * 26 + (*ref - 'A' + 1);
	return n > 0 && n < 4 ? c - 1 : -1;
}

/* The sheet's rows while they are read. */
struct sheet_reader {
	struct wb	*w;
	struct csv_file	*f;
	char		**cells;	/* of the current row, NULL = empty */
	size_t		 ncells, cap;
	int		 row;
	int		 last_ci;
	bool		 over;
};

static void
S_put(struct sheet_reader *s, int ci, char *text)
{
	size_t len = strlen(text), off;
	uint32_t cp;

	if (ci >= COLUMNS_MAX) {
		if (!is_blank(text))
			S_error(s->w, s->row, ci, "more than %d columns",
			    COLUMNS_MAX), s->over = true;
		free(text);
		return;
	}
	if (utf8_count(text, len) > CELL_MAX_CHARS) {
		S_error(s->w, s->row, ci, "the cell is longer than %d "
		    "characters", CELL_MAX_CHARS);
		s->over = true;
		free(text);
		return;
	}
	if (text_forbidden(text, len, &off, &cp))
		S_error(s->w, s->row, ci, "%s U+%04X is not allowed in text",
		    text_forbidden_kind(cp), (unsigned)cp);
	if ((size_t)ci >= s->ncells) {
		grow(&s->cells, &s->cap, (size_t)ci + 1, sizeof(char *));
		while (s->ncells <= (size_t)ci)
			s->cells[s->ncells++] = NULL;
	}
	free(s->cells[ci]);
	s->cells[ci] = text_nfc(text);
	free(text);
}

/* Is the row a comment or empty (csvread.c drops those alike)? */
static bool
S_droppable(char **cells, size_t n)
{
	const char *first = n > 0 && cells[0] != NULL ? cells[0] : "";

	while (*first == ' ')
		first++;
	if (*first == '#')
		return true;
	for (size_t i = 0; i < n; i++)
		if (cells[i] != NULL && !is_blank(cells[i]))
			return false;
	return true;
}

static void
S_end_row(struct sheet_reader *s)
{
	struct csv_file *f = s->f;
	struct csv_record rec = { .line = s->row };
	size_t width;

	if (S_droppable(s->cells, s->ncells) || s->over) {
		for (size_t i = 0; i < s->ncells; i++)
			free(s->cells[i]);
		s->ncells = 0;
		return;
	}
	if (f->nrecs > ROWS_MAX) {	/* the header and ROWS_MAX rows */
		S_error(s->w, s->row, -1, "more than %d rows", ROWS_MAX);
		s->over = true;
	} else if (f->nrecs * (f->nrecs ? f->recs[0].ncells : 1) > CELLS_MAX) {
		S_error(s->w, s->row, -1, "more than %d cells", CELLS_MAX);
		s->over = true;
	}
	width = s->ncells;
	if (f->nrecs > 0 && f->recs[0].ncells > width)
		width = f->recs[0].ncells;
	rec.ncells = width;
	rec.cells = xcalloc(width > 0 ? width : 1, sizeof(char *));
	for (size_t i = 0; i < width; i++)
		rec.cells[i] = i < s->ncells && s->cells[i] != NULL ?
		    s->cells[i] : xstrdup("");
	s->ncells = 0;
	grow(&f->recs, &f->cap, f->nrecs + 1, sizeof(*f->recs));
	f->recs[f->nrecs++] = rec;
}

static void
S_cell_free(struct cell *c)
{
	xmlFree(c->type);
	xmlFree(c->style);
	buf_free(&c->v);
	buf_free(&c->is);
	memset(c, 0, sizeof(*c));
}

/* Starts a <c>: its column from its reference, else the next one. */
static void
S_cell_start(struct sheet_reader *s, xmlTextReaderPtr r, struct cell *c)
{
	char *ref = S_attr(r, "r");
	int ci = ref != NULL ? S_ref_column(ref) : -1;

	S_cell_free(c);
	buf_init(&c->v);
	buf_init(&c->is);
	c->ci = ci >= 0 ? ci : s->last_ci + 1;
	s->last_ci = c->ci;
	c->type = S_attr(r, "t");
	c->style = S_attr(r, "s");
	xmlFree(ref);
}

static void
S_row_start(struct sheet_reader *s, xmlTextReaderPtr r)
{
	char *rn = S_attr(r, "r");
	long n = rn != NULL ? atol(rn) : 0;

	s->row = n > 0 && n <= 1048576 ? (int)n : s->row + 1;
	s->last_ci = -1;
	xmlFree(rn);
}

static bool
S_sheet(struct wb *w, const char *member, struct csv_file *f)
{
	struct member m;
	xmlTextReaderPtr r = S_open(w, &m, member, true);
	struct sheet_reader s = { .w = w, .f = f };
	struct cell c = { 0 };
	enum { IN_NONE, IN_V, IN_IS_T, IN_F } in = IN_NONE;
	bool in_c = false, ok;
	int st;

	if (r == NULL)
		return false;
	buf_init(&c.v);
	buf_init(&c.is);
	while (!s.over && (st = xmlTextReaderRead(r)) == 1) {
		if (S_start(r, "row")) {
			S_row_start(&s, r);
			if (xmlTextReaderIsEmptyElement(r))
				S_end_row(&s);
		} else if (S_end(r, "row")) {
			S_end_row(&s);
		} else if (S_start(r, "c")) {
			S_cell_start(&s, r, &c);
			in_c = !xmlTextReaderIsEmptyElement(r);
		} else if (in_c && S_end(r, "c")) {
			char *text = S_cell_value(w, s.row, &c);

			/* A refused cell reads as empty: the rest of the sheet
			 * is still checked, as a CSV file's is. */
			in_c = false;
			S_put(&s, c.ci, text != NULL ? text : xstrdup(""));
		} else if (in_c && S_start(r, "f")) {
			c.formula = true;
		} else if (in_c && S_start(r, "v")) {
			c.has_v = !xmlTextReaderIsEmptyElement(r);
			in = c.has_v ? IN_V : IN_NONE;
		} else if (in_c && S_start(r, "t")) {
			in = xmlTextReaderIsEmptyElement(r) ? IN_NONE : IN_IS_T;
		} else if (in_c && (S_end(r, "v") || S_end(r, "t"))) {
			in = IN_NONE;
		} else if (in_c && in != IN_NONE && S_text_node(r)) {
			S_append_text(r, in == IN_V ? &c.v : &c.is,
			    STRING_MAX_BYTES);
		}
	}
	if (s.over)
		st = 0;
	S_cell_free(&c);
	for (size_t i = 0; i < s.ncells; i++)
		free(s.cells[i]);
	free(s.cells);
	ok = S_close(&m, r, st) && !s.over;
	if (ok && f->nrecs == 0) {
		S_error(w, 0, 0, "sheet '%s' has no header row", QUOTE(w->sheet));
		ok = false;
	}
	return ok;
}

static void
S_wb_free(struct wb *w)
{
	for (size_t i = 0; i < w->nsst; i++)
		free(w->sst[i]);
	free(w->sst);
	free(w->xf);
	free(w->fmts);
	if (w->za != NULL)
		Z.zip_discard(w->za);
}

/* Opens the container from the bytes read under the file size limit. */
static bool
S_zip_open(struct wb *w, const char *data, size_t len)
{
	const char *missing = Z_missing();
	zip_error_t err;
	zip_source_t *src;

	if (missing != NULL) {
		S_error(w, 0, 0, "Excel workbooks cannot be read here: %s",
		    missing);
		return false;
	}
	Z.zip_error_init(&err);
	src = Z.zip_source_buffer_create(data, len, 0, &err);
	if (src != NULL && (w->za = Z.zip_open_from_source(src, ZIP_RDONLY |
	    ZIP_CHECKCONS, &err)) == NULL)
		Z.zip_source_free(src);
	if (w->za == NULL) {
		S_error(w, 0, 0, "not an Excel workbook (the zip container "
		    "cannot be read: %s)", Z.zip_error_strerror(&err));
		Z.zip_error_fini(&err);
		return false;
	}
	Z.zip_error_fini(&err);
	if (Z.zip_get_num_entries(w->za, 0) > ENTRIES_MAX) {
		S_error(w, 0, 0, "the workbook has more than %d members",
		    ENTRIES_MAX);
		return false;
	}
	return true;
}

bool
xlsx_read_file(const char *path, const char *shown, const char *sheet,
    bool decimal_dot, struct csv_file *out, struct diags *d)
{
	struct wb w = { .shown = shown, .d = d, .decimal_dot = decimal_dot };
	char *data, *rid = NULL, *member = NULL, *name = NULL;
	size_t len;
	bool ok = false;

	memset(out, 0, sizeof(*out));
	if (!io_read_bytes(path, shown, FILE_MAX_BYTES, &data, &len, d))
		return false;
	if (S_zip_open(&w, data, len) &&
	    (rid = S_sheet_rid(&w, sheet, &name)) != NULL &&
	    (member = S_sheet_member(&w, rid)) != NULL &&
	    S_styles(&w) && S_strings(&w)) {
		w.sheet = name;
		ok = S_sheet(&w, member, out);
	}
	S_wb_free(&w);
	free(data);
	xmlFree(rid);
	free(member);
	if (ok)
		out->sheet = name;
	else {
		free(name);
		csv_file_free(out);
	}
	return ok;
}
