/* xlsxout.c: the figure export as an Excel workbook (libxlsxwriter). */
#include "xlsxout.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "doc.h"
#include "doctable.h"
#include "fmt.h"
#include "keys.h"
#include "lazylib.h"
#include "util.h"

/* Sheet names: Excel allows 31 characters; table names are ids, so only
 * their length and "Kennzahlen" (names ignore case) can clash. */
#define SHEET_NAME_MAX	31

/* libxlsxwriter's functions, the library opened at the first workbook. */
#define XLSX_FUNCS(X) X(format_set_bold) X(format_set_num_format) \
	X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) \
	X(workbook_get_worksheet_by_name) X(workbook_new) \
	X(workbook_set_properties) X(worksheet_freeze_panes) \
	X(worksheet_set_column) X(worksheet_write_number) \
	X(worksheet_write_string)

LAZYLIB(W, LIBXLSXWRITER_SO, XLSX_FUNCS)

/* A cell format of the table sheets: a number format and boldness. */
struct cellfmt {
	char		*code;		/* NULL: text */
	bool		 bold;
	lxw_format	*f;
};

/* The workbook's rows while keys_each walks the figures. */
struct sheet {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*bold;
	lxw_format	*num[3][4];	/* [EUR, %, other][decimals] */
	struct cellfmt	*fmts;
	size_t		 nfmts, capfmts;
	lxw_row_t	 row;
	struct buf	 wert, anzeige;
	bool		 ok;
};

/* A German Excel shows "#,##0.00" as 1.234,56: the format code is the
 * same in every language, the separators are the reader's. */
static lxw_format *
S_num_format(struct sheet *s, enum unit u, int decimals)
{
	static const char *const suffix[3] = { " \"€\"", " \"%\"", "" };
	int k = u == UNIT_MONEY ? 0 : u == UNIT_PERCENT ? 1 : 2;
	char code[40];

	if (decimals > 3)
		decimals = 3;
	if (s->num[k][decimals] == NULL) {
		snprintf(code, sizeof(code), "#,##0%s%.*s%s",
		    decimals > 0 ? "." : "", decimals, "000", suffix[k]);
		s->num[k][decimals] = W.workbook_add_format(s->wb);
		W.format_set_num_format(s->num[k][decimals], code);
	}
	return s->num[k][decimals];
}

static void
S_text(struct sheet *s, lxw_col_t col, const char *text)
{
	if (*text != '\0' && W.worksheet_write_string(s->ws, s->row, col, text,
	    NULL) != LXW_NO_ERROR)
		s->ok = false;
}

/* wert as a number: the machine text has at most 15 significant digits
 * (number.h's limits), which a double holds exactly enough that Excel
 * shows the same figure. */
static void
S_figure(const char *key, const struct figure *fig, void *arg)
{
	struct sheet *s = arg;
	struct value v = figure_value(fig);
	const char *dot;
	int decimals;

	if (!s->ok)
		return;
	s->row++;
	buf_clear(&s->wert);
	buf_clear(&s->anzeige);
	fmt_machine(&s->wert, &v);
	figure_display(&s->anzeige, fig, 0);
	S_text(s, 0, key);
	if (s->wert.len > 0) {
		dot = strchr(s->wert.s, '.');
		decimals = dot != NULL ? (int)strlen(dot + 1) : 0;
		if (W.worksheet_write_number(s->ws, s->row, 1,
		    strtod(s->wert.s, NULL), S_num_format(s,
		    figure_unit(fig), decimals)) != LXW_NO_ERROR)
			s->ok = false;
	}
	S_text(s, 2, fmt_unit_name(figure_unit(fig)));
	S_text(s, 3, s->anzeige.s);
}

/* SOURCE_DATE_EPOCH when set, else the plan's date; never the clock
 * (as the PDF's dates, pdf.c). */
static time_t
S_created(const struct plan *p)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct tm tm = { 0 };
	char *end;
	long long e;

	if (epoch != NULL && *epoch != '\0') {
		e = strtoll(epoch, &end, 10);
		if (*end == '\0' && e >= 0)
			return (time_t)e;
	}
	tm.tm_year = (p->date_year > 0 ? p->date_year : p->year > 0 ?
	    p->year : 2000) - 1900;
	tm.tm_mon = p->date_month > 0 ? p->date_month - 1 : 0;
	tm.tm_mday = p->date_day > 0 ? p->date_day : 1;
	return timegm(&tm);
}

static lxw_format *
S_cell_format(struct sheet *s, const char *code, bool bold)
{
	struct cellfmt *c;

	if (code == NULL && !bold)
		return NULL;
	for (size_t i = 0; i < s->nfmts; i++)
		if (s->fmts[i].bold == bold && (code == NULL ?
		    s->fmts[i].code == NULL : s->fmts[i].code != NULL &&
		    strcmp(s->fmts[i].code, code) == 0))
			return s->fmts[i].f;
	grow(&s->fmts, &s->capfmts, s->nfmts + 1, sizeof(*s->fmts));
	c = &s->fmts[s->nfmts++];
	c->code = code != NULL ? xstrdup(code) : NULL;
	c->bold = bold;
	c->f = W.workbook_add_format(s->wb);
	if (bold)
		W.format_set_bold(c->f);
	if (code != NULL)
		W.format_set_num_format(c->f, code);
	return c->f;
}

/* Text of a display around its number, as a quoted part of a format
 * code ("ca. ", " €", ")"); a sign belongs to the number. */
static void
S_quoted(struct buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++)
		if (s[i] != '"')
			buf_putc(b, s[i]);
	buf_putc(b, '"');
}

/* The format that shows a cell's value as its display does: "ca. 28.000
 * €" is "ca. "#,##0" €" with the value 28000. */
static char *
S_display_code(const char *display)
{
	const char *first = strpbrk(display, "0123456789"), *last = first;
	const char *comma, *pre_end;
	struct buf b;

	if (first == NULL)
		return NULL;
	for (const char *p = first; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9')
			last = p;
	pre_end = first;
	while (pre_end > display && (pre_end[-1] == '-' || pre_end[-1] == '+'))
		pre_end--;
	if (pre_end - display >= 3 && memcmp(pre_end - 3, "\xE2\x88\x92", 3) == 0)
		pre_end -= 3;	/* U+2212 MINUS SIGN */
	buf_init(&b);
	if (pre_end > display)
		S_quoted(&b, display, (size_t)(pre_end - display));
	buf_puts(&b, "#,##0");
	comma = memchr(first, ',', (size_t)(last - first));
	if (comma != NULL)	/* the decimals the display shows */
		buf_printf(&b, ".%.*s", (int)(last - comma), "000000");
	if (last[1] != '\0')
		S_quoted(&b, last + 1, strlen(last + 1));
	return buf_detach(&b);
}

static void
S_table_row(struct sheet *s, const struct doc_node *row)
{
	bool bold = (row->flags & (DOC_ROW_HEAD | DOC_ROW_GROUP |
	    DOC_ROW_TOTAL)) != 0;
	lxw_col_t col = 0;

	for (const struct doc_node *c = row->first; c != NULL && s->ok;
	    c = c->next, col++) {
		const char *text = c->text != NULL ? c->text : "";
		char *code = NULL;
		lxw_error e = LXW_NO_ERROR;

		if (c->type != DOC_CELL)
			continue;
		if (c->value != NULL && *c->value != '\0' &&
		    (code = S_display_code(text)) != NULL)
			e = W.worksheet_write_number(s->ws, s->row, col,
			    strtod(c->value, NULL), S_cell_format(s, code, bold));
		else if (*text != '\0')
			e = W.worksheet_write_string(s->ws, s->row, col, text,
			    S_cell_format(s, NULL, bold));
		s->ok &= e == LXW_NO_ERROR;
		free(code);
	}
	s->row++;
}

/* A sheet name for table t not yet taken (names ignore case). */
static char *
S_sheet_name(lxw_workbook *wb, const struct table *t)
{
	char *name = xasprintf("%.*s", SHEET_NAME_MAX, t->name);

	for (int n = 2; strcasecmp(name, "Kennzahlen") == 0 ||
	    W.workbook_get_worksheet_by_name(wb, name) != NULL; n++) {
		char num[16];
		int len = snprintf(num, sizeof(num), "-%d", n);

		free(name);
		name = xasprintf("%.*s%s", SHEET_NAME_MAX - len, t->name, num);
	}
	return name;
}

/* One sheet per table with its rows as the reports print them: the
 * caption, the rows (group and total rows bold), the line under it. */
static void
S_table_sheet(struct sheet *s, const struct table *t)
{
	struct doc_node *root = doc_node_new(DOC_DOCUMENT);
	char *name = S_sheet_name(s->wb, t);

	doctable_insert(root, t, NULL);
	s->ws = W.workbook_add_worksheet(s->wb, name);
	s->row = 0;
	s->ok &= s->ws != NULL;
	for (const struct doc_node *tab = root->first; tab != NULL && s->ok;
	    tab = tab->next) {
		if (tab->type != DOC_TABLE)
			continue;
		if (tab->text != NULL)
			s->ok &= W.worksheet_write_string(s->ws, s->row, 0,
			    tab->text, s->bold) == LXW_NO_ERROR;
		s->row += 2;
		for (const struct doc_node *r = tab->first; r != NULL; r = r->next)
			if (r->type == DOC_ROW)
				S_table_row(s, r);
		if (tab->note != NULL)
			s->ok &= W.worksheet_write_string(s->ws, ++s->row, 0,
			    tab->note, NULL) == LXW_NO_ERROR;
		s->row += 2;
	}
	if (s->ok)
		W.worksheet_set_column(s->ws, 0, 0, 40, NULL);
	free(name);
	doc_node_free(root);
}

static bool
S_make(const char *path, const struct plan *p)
{
	lxw_doc_properties props = { .created = S_created(p) };
	struct sheet s = { .ok = true };
	static const char *const head[4] = { "schluessel", "wert", "einheit",
	    "anzeige" };

	if ((s.wb = W.workbook_new(path)) == NULL)
		return false;
	W.workbook_set_properties(s.wb, &props);
	s.ws = W.workbook_add_worksheet(s.wb, "Kennzahlen");
	s.bold = W.workbook_add_format(s.wb);
	W.format_set_bold(s.bold);
	for (int c = 0; c < 4; c++)
		s.ok &= W.worksheet_write_string(s.ws, 0, (lxw_col_t)c, head[c],
		    s.bold) == LXW_NO_ERROR;
	W.worksheet_set_column(s.ws, 0, 0, 50, NULL);
	W.worksheet_set_column(s.ws, 1, 1, 18, NULL);
	W.worksheet_set_column(s.ws, 3, 3, 24, NULL);
	W.worksheet_freeze_panes(s.ws, 1, 0);
	buf_init(&s.wert);
	buf_init(&s.anzeige);
	keys_each(p, S_figure, &s);
	buf_free(&s.wert);
	buf_free(&s.anzeige);
	for (size_t i = 0; i < p->ntables && s.ok; i++)
		if (!p->tables[i]->broken)
			S_table_sheet(&s, p->tables[i]);
	for (size_t i = 0; i < s.nfmts; i++)
		free(s.fmts[i].code);
	free(s.fmts);
	return W.workbook_close(s.wb) == LXW_NO_ERROR && s.ok;
}

/* libxlsxwriter writes only to a named file: one of our own in the
 * temporary folder, copied into fp and removed. */
bool
xlsxout_write(FILE *fp, const struct plan *p)
{
	const char *dir = getenv("TMPDIR"), *missing = W_missing();
	char chunk[65536], *path;
	size_t n;
	FILE *in;
	bool ok;
	int fd;

	if (missing != NULL) {
		fprintf(stderr, "gen: Excel workbooks cannot be written here: "
		    "%s\n", missing);
		return false;
	}
	path = xasprintf("%s/gen-xlsx-XXXXXX", dir != NULL && *dir ? dir :
	    "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		free(path);
		return false;
	}
	close(fd);
	ok = S_make(path, p) && (in = fopen(path, "rb")) != NULL;
	if (ok) {
		while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
			ok &= fwrite(chunk, 1, n, fp) == n;
		ok &= !ferror(in);
		fclose(in);
	}
	unlink(path);
	free(path);
	return ok;
}
