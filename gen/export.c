/* export.c: writing the figure list with libcsv's quoting. */
#include "export.h"

#include <csv.h>
#include <string.h>

#include "fmt.h"
#include "keys.h"
#include "util.h"

/* A field, quoted by libcsv only where the reader needs it. */
static bool
S_field(FILE *fp, const char *s, bool last)
{
	bool ok;

	if (strpbrk(s, ";\"\r\n") != NULL)
		ok = csv_fwrite2(fp, s, strlen(s), '"') == 0;
	else
		ok = fputs(s, fp) != EOF;
	return ok && fputc(last ? '\n' : ';', fp) != EOF;
}

bool
export_kennzahlen(FILE *fp, const struct plan *p)
{
	struct keylist l;
	struct buf wert, anzeige;
	bool ok;

	ok = fputs("schluessel;wert;einheit;anzeige\n", fp) != EOF;
	keys_all(p, &l);
	buf_init(&wert);
	buf_init(&anzeige);
	for (size_t i = 0; ok && i < l.n; i++) {
		struct value v = figure_value(&l.v[i].fig);

		buf_clear(&wert);
		buf_clear(&anzeige);
		fmt_machine(&wert, &v);
		figure_display(&anzeige, &l.v[i].fig, 0);
		ok = S_field(fp, l.v[i].key, false) && S_field(fp, wert.s, false)
		    && S_field(fp, fmt_unit_name(figure_unit(&l.v[i].fig)), false)
		    && S_field(fp, anzeige.s, true);
	}
	buf_free(&wert);
	buf_free(&anzeige);
	keylist_free(&l);
	return ok;
}
