/* export.c: writing the figure list with libcsv's quoting. */
#include "export.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "keys.h"
#include "util.h"

/* Whether a spreadsheet program would run s as a formula: it starts
 * with = + - @, a tab or a CR, and is not a plain number in the export's
 * machine format, such as -188 or -2.5 (input-format.md, "Text").  A
 * German display ("+1.234,5", "+6,5 %") is not plain: which of its
 * separators a spreadsheet takes for the decimal point depends on its
 * language, so it may read it as a formula. */
static bool
S_formula_like(const char *s)
{
	const char *p = s + (*s == '+' || *s == '-');
	size_t n = strspn(p, "0123456789");

	if (*s == '\0' || strchr("=+-@\t\r", *s) == NULL)
		return false;
	if (n == 0)
		return true;
	p += n;
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		p += 1 + strspn(p + 1, "0123456789");
	return *p != '\0';
}

/* A field, quoted by libcsv only where the reader needs it, and led by
 * an apostrophe where it would otherwise be run as a formula. */
static bool
S_field(FILE *fp, const char *s, bool last)
{
	bool guard = S_formula_like(s), ok;
	char *g = guard ? xasprintf("'%s", s) : NULL;

	if (g != NULL)
		s = g;
	if (strpbrk(s, ";\"\r\n") != NULL)
		ok = csv_fwrite2(fp, s, strlen(s), '"') == 0;
	else
		ok = fputs(s, fp) != EOF;
	free(g);
	return ok && fputc(last ? '\n' : ';', fp) != EOF;
}

struct writer {
	FILE		*fp;
	struct buf	 wert, anzeige;
	bool		 ok;
};

static void
S_figure(const char *key, const struct figure *fig, void *arg)
{
	struct writer *w = arg;
	struct value v = figure_value(fig);

	if (!w->ok)
		return;
	buf_clear(&w->wert);
	buf_clear(&w->anzeige);
	fmt_machine(&w->wert, &v);
	figure_display(&w->anzeige, fig, 0);
	w->ok = S_field(w->fp, key, false) && S_field(w->fp, w->wert.s, false)
	    && S_field(w->fp, fmt_unit_name(figure_unit(fig)), false)
	    && S_field(w->fp, w->anzeige.s, true);
}

bool
export_kennzahlen(FILE *fp, const struct plan *p)
{
	struct writer w = { .fp = fp };

	w.ok = fputs("schluessel;wert;einheit;anzeige\n", fp) != EOF;
	buf_init(&w.wert);
	buf_init(&w.anzeige);
	keys_each(p, S_figure, &w);
	buf_free(&w.wert);
	buf_free(&w.anzeige);
	return w.ok;
}
