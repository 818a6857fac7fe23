/* xlsxout.c: the figure export as an Excel workbook (libxlsxwriter). */
#include "xlsxout.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fmt.h"
#include "keys.h"
#include "util.h"

/* The workbook's rows while keys_each walks the figures. */
struct sheet {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	lxw_format	*bold;
	lxw_format	*num[3][4];	/* [EUR, %, other][decimals] */
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
		s->num[k][decimals] = workbook_add_format(s->wb);
		format_set_num_format(s->num[k][decimals], code);
	}
	return s->num[k][decimals];
}

static void
S_text(struct sheet *s, lxw_col_t col, const char *text)
{
	if (*text != '\0' && worksheet_write_string(s->ws, s->row, col, text,
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
		if (worksheet_write_number(s->ws, s->row, 1,
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

static bool
S_make(const char *path, const struct plan *p)
{
	lxw_doc_properties props = { .created = S_created(p) };
	struct sheet s = { .ok = true };
	static const char *const head[4] = { "schluessel", "wert", "einheit",
	    "anzeige" };

	if ((s.wb = workbook_new(path)) == NULL)
		return false;
	workbook_set_properties(s.wb, &props);
	s.ws = workbook_add_worksheet(s.wb, "Kennzahlen");
	s.bold = workbook_add_format(s.wb);
	format_set_bold(s.bold);
	for (int c = 0; c < 4; c++)
		s.ok &= worksheet_write_string(s.ws, 0, (lxw_col_t)c, head[c],
		    s.bold) == LXW_NO_ERROR;
	worksheet_set_column(s.ws, 0, 0, 50, NULL);
	worksheet_set_column(s.ws, 1, 1, 18, NULL);
	worksheet_set_column(s.ws, 3, 3, 24, NULL);
	worksheet_freeze_panes(s.ws, 1, 0);
	buf_init(&s.wert);
	buf_init(&s.anzeige);
	keys_each(p, S_figure, &s);
	buf_free(&s.wert);
	buf_free(&s.anzeige);
	return workbook_close(s.wb) == LXW_NO_ERROR && s.ok;
}

/* libxlsxwriter writes only to a named file: one of our own in the
 * temporary folder, copied into fp and removed. */
bool
xlsxout_write(FILE *fp, const struct plan *p)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/gen-xlsx-XXXXXX", dir != NULL && *dir ?
	    dir : "/tmp");
	char chunk[65536];
	size_t n;
	FILE *in;
	bool ok;
	int fd = mkstemp(path);

	if (fd < 0) {
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
