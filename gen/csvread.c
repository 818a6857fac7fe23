/* csvread.c: reading CSV files with libcsv. */
#include "csvread.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "text.h"
#include "util.h"

/* Far beyond any real plan table, and small enough that a file built to
 * exhaust gen is refused after bounded work. */
#define CSV_MAX_BYTES	(64u * 1024 * 1024)
#define RECORD_MAX_BYTES (1 << 20)
#define CELL_MAX_CHARS	10000
#define COLUMNS_MAX	200
#define ROWS_MAX	100000
#define CELLS_MAX	2000000	/* rows x columns: the model's size */

/* State shared with libcsv's callbacks while one file is parsed. */
struct reader {
	struct csv_file	*file;
	struct csv_record cur;
	size_t		 cap;
	int		 start_line;	/* line of the record being read; 0 = none */
	size_t		 record_bytes;	/* read so far of that record */
	const char	*shown;
	struct diags	*d;
	bool		 over;		/* a limit was passed: stop */
};

/* Refuses the rest of the file once a limit is passed. */
static void __attribute__((format(printf, 2, 0)))
S_over(struct reader *r, const char *what, int limit)
{
	if (!r->over)
		diag_error(r->d, r->shown, r->start_line, what, limit);
	r->over = true;
}

/* The line of byte off of a cell of the record being read: quoted cells
 * before it may span lines. */
static int
S_cell_line(const struct reader *r, const char *cell, size_t off)
{
	int line = r->start_line;

	for (size_t i = 0; i < r->cur.ncells; i++)
		line += line_of_offset(r->cur.cells[i],
		    strlen(r->cur.cells[i])) - 1;
	return line + line_of_offset(cell, off) - 1;
}

/* A cell as the rest of gen sees it: NFC, and refused where it holds a
 * control character or a bidirectional control (input-format.md,
 * "Text"). */
static char *
S_cell_text(struct reader *r, const char *s, size_t len)
{
	char *raw = xstrndup(s, len), *cell;
	size_t off;
	uint32_t cp;

	if (text_forbidden(raw, len, &off, &cp))
		diag_error(r->d, r->shown, S_cell_line(r, raw, off), "%s U+%04X "
		    "is not allowed in text", text_forbidden_kind(cp),
		    (unsigned)cp);
	cell = text_nfc(raw);
	free(raw);
	return cell;
}

static void
S_field(void *s, size_t len, void *arg)
{
	struct reader *r = arg;
	char *cell;

	if (r->cur.ncells == COLUMNS_MAX)
		S_over(r, "more than %d columns", COLUMNS_MAX);
	else if (utf8_count(s, len) > CELL_MAX_CHARS)
		S_over(r, "a cell is longer than %d characters",
		    CELL_MAX_CHARS);
	if (r->over)
		return;
	cell = S_cell_text(r, s != NULL ? s : "", len);
	grow(&r->cur.cells, &r->cap, r->cur.ncells + 1, sizeof(char *));
	r->cur.cells[r->cur.ncells++] = cell;
}

static bool
S_droppable(const struct csv_record *rec)
{
	const char *first;

	if (rec->ncells == 0)
		return true;
	first = rec->cells[0];
	while (*first == ' ')
		first++;
	if (*first == '#')
		return true;
	for (size_t i = 0; i < rec->ncells; i++)
		if (!is_blank(rec->cells[i]))
			return false;
	return true;
}

/* The cell that pads a short record: one for all, never freed, so that
 * a short file under a wide header costs a pointer a cell. */
static char S_padding[1];

/* Excel drops the trailing delimiters of a row whose last cells are
 * empty: those cells are empty, not missing, and no reader of a record
 * has to ask. */
static void
S_pad(struct reader *r, size_t width)
{
	if (r->cur.ncells >= width)
		return;
	grow(&r->cur.cells, &r->cap, width, sizeof(char *));
	while (r->cur.ncells < width)
		r->cur.cells[r->cur.ncells++] = S_padding;
}

static void
S_record_free(struct csv_record *rec)
{
	for (size_t i = 0; i < rec->ncells; i++)
		if (rec->cells[i] != S_padding)
			free(rec->cells[i]);
	free(rec->cells);
}

static void
S_record(int c, void *arg)
{
	struct reader *r = arg;
	struct csv_file *f = r->file;

	(void)c;
	r->cur.line = r->start_line;
	if (!r->over && !S_droppable(&r->cur) && f->nrecs > ROWS_MAX)
		S_over(r, "more than %d rows", ROWS_MAX);
	else if (!r->over && !S_droppable(&r->cur) &&
	    f->nrecs * r->cur.ncells > CELLS_MAX)
		S_over(r, "more than %d cells", CELLS_MAX);
	r->start_line = 0;
	r->record_bytes = 0;
	if (r->over || S_droppable(&r->cur)) {
		S_record_free(&r->cur);
	} else {
		if (f->nrecs > 0)
			S_pad(r, f->recs[0].ncells);
		grow(&f->recs, &f->cap, f->nrecs + 1, sizeof(*f->recs));
		f->recs[f->nrecs++] = r->cur;
	}
	memset(&r->cur, 0, sizeof(r->cur));
	r->cap = 0;
}

/* Only the space is a blank around unquoted fields: a tab may be the
 * delimiter, and NBSP is trimmed later with the other blanks. */
static int
S_is_space(unsigned char c)
{
	return c == ' ';
}

/* The length of the line at s with its end: LF, CRLF, or a lone CR as
 * "CSV (Macintosh)" writes it. */
static size_t
S_line_len(const char *s, const char *end)
{
	const char *p = s;

	while (p < end && *p != '\n' && *p != '\r')
		p++;
	if (p + 1 < end && p[0] == '\r' && p[1] == '\n')
		p++;
	return p < end ? (size_t)(p + 1 - s) : (size_t)(end - s);
}

/* The delimiter is the most frequent of ; tab , on the header line,
 * outside quotes; ties go to German Excel's ';'. */
static char
S_detect_delim(const char *text, size_t len)
{
	const char *p = text, *end = text + len;

	for (;;) {
		const char *eol = p + S_line_len(p, end);
		const char *q = p;
		size_t n[3] = { 0, 0, 0 };
		bool quoted = false;

		while (q < eol && (*q == ' ' || *q == '\r' || *q == '\n'))
			q++;
		if (q == eol || *q == '#') {
			if (eol == end)
				return ';';
			p = eol;
			continue;
		}
		for (; q < eol; q++) {
			if (*q == '"')
				quoted = !quoted;
			else if (!quoted)
				n[0] += *q == ';', n[1] += *q == '\t', n[2] += *q == ',';
		}
		if (n[0] >= n[1] && n[0] >= n[2])
			return n[0] > 0 || (n[1] == 0 && n[2] == 0) ? ';' : '\t';
		return n[1] >= n[2] ? '\t' : ',';
	}
}

/* Makes text UTF-8: strips a BOM, or converts from Windows-1252. */
static char *
S_decode(const char *text, size_t *len, const char *shown, bool *cp1252,
    struct diags *d)
{
	size_t bad;
	char *out;

	*cp1252 = false;
	if (*len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		*len -= 3;
	}
	if (utf8_valid(text, *len, NULL))
		return xstrndup(text, *len);
	if ((out = cp1252_to_utf8(text, *len, &bad)) == NULL) {
		diag_error(d, shown, line_of_offset(text, bad), "byte 0x%02X is "
		    "neither UTF-8 nor a Windows-1252 character",
		    (unsigned char)text[bad]);
		return NULL;
	}
	*cp1252 = true;
	*len = strlen(out);
	return out;
}

/* A line starting with '#' between records is a comment; libcsv never
 * sees it, so its quotes cannot confuse the parser. */
static bool
S_comment_line(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	return i < n && s[i] == '#';
}

/* Feeds libcsv one physical line at a time, so that every record knows
 * the line it starts on. */
static bool
S_parse(struct csv_parser *p, struct reader *r, const char *text, size_t len,
    const char *shown, struct diags *d)
{
	const char *s = text, *end = text + len;
	int line = 1;

	for (; s < end; line++) {
		size_t n = S_line_len(s, end);
		bool empty = s[0] == '\n' || s[0] == '\r';

		if (r->start_line == 0 && S_comment_line(s, n)) {
			s += n;
			continue;
		}
		if (r->start_line == 0 && !empty)
			r->start_line = line;
		if ((r->record_bytes += n) > (size_t)RECORD_MAX_BYTES)
			S_over(r, "a record is longer than %d MB (is a quote "
			    "left open?)", RECORD_MAX_BYTES >> 20);
		if (r->over)
			return false;
		if (csv_parse(p, s, n, S_field, S_record, r) != n) {
			diag_error(d, shown, r->start_line ? r->start_line : line,
			    "malformed quoting: a field that holds a quote must "
			    "be put in quotes, with the quote doubled (\"\")");
			return false;
		}
		if (r->over)
			return false;
		s += n;
	}
	if (csv_fini(p, S_field, S_record, r) != 0) {
		diag_error(d, shown, r->start_line,
		    "a quoted field is never closed");
		return false;
	}
	return !r->over;
}

bool
csv_read_text(const char *raw, size_t len, const char *shown,
    struct csv_file *out, struct diags *d)
{
	struct csv_parser p;
	struct reader r = { .file = out, .shown = shown, .d = d };
	char *text;
	bool ok;

	memset(out, 0, sizeof(*out));
	if ((text = S_decode(raw, &len, shown, &out->cp1252, d)) == NULL)
		return false;
	out->delim = S_detect_delim(text, len);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		free(text);
		diag_error(d, shown, 0, "out of memory");
		return false;
	}
	csv_set_delim(&p, (unsigned char)out->delim);
	/* libcsv grows a field by this much at a time: a small step makes a
	 * long field cost quadratic time. */
	csv_set_blk_size(&p, 1u << 20);
	csv_set_space_func(&p, S_is_space);
	ok = S_parse(&p, &r, text, len, shown, d);
	S_record_free(&r.cur);
	csv_free(&p);
	free(text);
	if (ok && out->nrecs == 0) {
		diag_error(d, shown, 0, "the file has no header line");
		ok = false;
	}
	if (!ok)
		csv_file_free(out);
	return ok;
}

bool
csv_read_file(const char *path, const char *shown, struct csv_file *out,
    struct diags *d)
{
	char *raw;
	size_t len;
	bool ok;

	memset(out, 0, sizeof(*out));
	if (!io_read_file(path, shown, CSV_MAX_BYTES, &raw, &len, d))
		return false;
	ok = csv_read_text(raw, len, shown, out, d);
	free(raw);
	return ok;
}

void
csv_file_free(struct csv_file *f)
{
	for (size_t i = 0; i < f->nrecs; i++)
		S_record_free(&f->recs[i]);
	free(f->recs);
	free(f->sheet);
	memset(f, 0, sizeof(*f));
}
