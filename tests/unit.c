/* unit.c: unit tests of the engine's modules: numbers, formats, slugs,
 * CSV dialects, rounding, and the computations of every table kind.
 * Prints "ok NAME" or "FAIL NAME: why" per test; run by tests/run.sh. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvread.h"
#include "fmt.h"
#include "gen.h"
#include "doc.h"
#include "hyph.h"
#include "keys.h"
#include "layout.h"
#include "number.h"
#include "text.h"
#include "util.h"

static int failures;

static void
report(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("ok %s\n", name);
		return;
	}
	failures++;
	printf("FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void
eq_str(const char *name, const char *got, const char *want)
{
	report(strcmp(got, want) == 0, name, "got '%s', want '%s'", got, want);
}

/* --- numbers --- */

static void
parse_ok(const char *cell, bool dot, enum unit u, const char *machine,
    const char *display)
{
	struct value v;
	enum num_status st = num_parse(cell, dot, u, &v);
	struct buf m, d;
	char name[128];

	snprintf(name, sizeof(name), "parse '%s'", cell);
	if (st != NUM_OK) {
		report(false, name, "status %d", st);
		return;
	}
	buf_init(&m);
	buf_init(&d);
	fmt_machine(&m, &v);
	fmt_display(&d, &v, 0);
	report(strcmp(m.s, machine) == 0 && strcmp(d.s, display) == 0, name,
	    "got '%s' / '%s', want '%s' / '%s'", m.s, d.s, machine, display);
	buf_free(&m);
	buf_free(&d);
}

static void
parse_bad(const char *cell, bool dot, enum unit u, enum num_status want)
{
	struct value v;
	enum num_status st = num_parse(cell, dot, u, &v);
	char name[128];

	snprintf(name, sizeof(name), "parse refuses '%s'", cell);
	report(st == want && !v.has, name, "status %d, want %d", st, want);
}

static void
test_parse(void)
{
	parse_ok("1.234.567,89", false, UNIT_MONEY, "1234567.89",
	    "1.234.567,89 €");
	parse_ok("2.708.996 €", false, UNIT_MONEY, "2708996.00", "2.708.996 €");
	parse_ok("570.240,-", false, UNIT_MONEY, "570240.00", "570.240 €");
	parse_ok("12 EUR", false, UNIT_MONEY, "12.00", "12 €");
	parse_ok("+ 28.000 €", false, UNIT_MONEY, "28000.00", "28.000 €");
	parse_ok("- 400.000 €", false, UNIT_MONEY, "-400000.00",
	    "\xE2\x88\x92" "400.000 €");
	parse_ok("\xE2\x88\x92" "400", false, UNIT_MONEY, "-400.00",
	    "\xE2\x88\x92" "400 €");
	parse_ok("(995.011,33 €)", false, UNIT_MONEY, "995011.33",
	    "(995.011,33 €)");
	parse_ok("(22)", false, UNIT_COUNT, "22", "(22)");
	parse_ok("(-22)", false, UNIT_COUNT, "-22", "(\xE2\x88\x92" "22)");
	parse_ok("ca. 28.000", false, UNIT_MONEY, "28000.00", "ca. 28.000 €");
	parse_ok("16,7", false, UNIT_PERCENT, "16.7", "16,7 %");
	parse_ok("12,98 %", false, UNIT_PERCENT, "12.98", "12,98 %");
	parse_ok("13,5%", false, UNIT_PERCENT, "13.5", "13,5 %");
	parse_ok("4178", false, UNIT_COUNT, "4178", "4.178");
	parse_ok("12,0", false, UNIT_COUNT, "12", "12");
	parse_ok("12,5", false, UNIT_NUMBER, "12.5", "12,5");
	parse_ok("1234.56", true, UNIT_MONEY, "1234.56", "1.234,56 €");
	parse_ok("1,234.5", true, UNIT_NUMBER, "1234.5", "1.234,5");
	parse_ok("999.999.999.999,99", false, UNIT_MONEY, "999999999999.99",
	    "999.999.999.999,99 €");
	parse_ok("999.999.999", false, UNIT_COUNT, "999999999", "999.999.999");
	parse_ok(" \xC2\xA0" "7.338 ", false, UNIT_COUNT, "7338", "7.338");
	parse_bad("12,5", false, UNIT_COUNT, NUM_NOT_WHOLE);
	parse_bad("1,234", false, UNIT_MONEY, NUM_TOO_PRECISE);
	parse_bad("abc", false, UNIT_MONEY, NUM_SYNTAX);
	parse_bad("1.5", false, UNIT_NUMBER, NUM_SYNTAX);
	parse_bad("1.23.456", false, UNIT_COUNT, NUM_SYNTAX);
	parse_bad("12,", false, UNIT_MONEY, NUM_SYNTAX);
	parse_bad("1,5", true, UNIT_NUMBER, NUM_SYNTAX);
	parse_bad("", false, UNIT_MONEY, NUM_EMPTY);
	parse_bad("  ", false, UNIT_COUNT, NUM_EMPTY);
	parse_bad("1.000.000.000.000", false, UNIT_MONEY, NUM_RANGE);
	parse_bad("1.000.000.000", false, UNIT_COUNT, NUM_RANGE);
	parse_bad("99999999999999999999", false, UNIT_NUMBER, NUM_RANGE);
	/* Found by fuzzing: a negative mantissa overflowed on scaling. */
	parse_bad("-423441234412342235", false, UNIT_MONEY, NUM_RANGE);
}

/* --- rounding --- */

static void
round_case(const char *name, __int128 num, __int128 den, enum unit u,
    int scale, const char *want)
{
	struct exact x = { num, den };
	struct value v;
	struct buf b;

	buf_init(&b);
	if (exact_round(x, u, scale, &v))
		fmt_machine(&b, &v);
	eq_str(name, b.s, want);
	buf_free(&b);
}

static void
test_rounding(void)
{
	round_case("round 2.251,975 to a count", 2251975, 1000, UNIT_COUNT, 0,
	    "2252");
	round_case("round half up", 5, 10, UNIT_COUNT, 0, "1");
	round_case("round half away from zero", -5, 10, UNIT_COUNT, 0, "-1");
	round_case("round 1,25 to one decimal", 125, 100, UNIT_PERCENT, 1, "1.3");
	round_case("round -1,25 to one decimal", -125, 100, UNIT_PERCENT, 1,
	    "-1.3");
	round_case("round 1,2499", 12499, 10000, UNIT_PERCENT, 1, "1.2");
	round_case("round the half cent", 5, 1000, UNIT_MONEY, 2, "0.01");
	round_case("round the negative half cent", -5, 1000, UNIT_MONEY, 2,
	    "-0.01");
	round_case("round below the half cent", 4999, 1000000, UNIT_MONEY, 2,
	    "0.00");
	round_case("Kosten je Eintritt 543.000 / 164", 54300000, 16400,
	    UNIT_MONEY, 2, "3310.98");
	round_case("share 562 / 4178", 56200, 4178, UNIT_PERCENT, 1, "13.5");
	round_case("share 2294 / 4178", 229400, 4178, UNIT_PERCENT, 1, "54.9");
	round_case("money beyond the range", (__int128)1 << 100, 1, UNIT_MONEY,
	    2, "");
}

static void
test_agrees(void)
{
	struct value t;

	num_parse("2.252", false, UNIT_COUNT, &t);
	report(value_agrees(&t, (struct exact){ 2251975, 1000 }),
	    "2.252 agrees with 2.251,975", "disagrees");
	num_parse("2.253", false, UNIT_COUNT, &t);
	report(!value_agrees(&t, (struct exact){ 2251975, 1000 }),
	    "2.253 disagrees with 2.251,975", "agrees");
	num_parse("13,5", false, UNIT_PERCENT, &t);
	report(value_agrees(&t, (struct exact){ 56200, 4178 }),
	    "13,5 agrees with 562/4178", "disagrees");
	num_parse("14", false, UNIT_PERCENT, &t);
	report(!value_agrees(&t, (struct exact){ 56200, 4178 }),
	    "14 disagrees with 13,45", "agrees");
	num_parse("47.562.696", false, UNIT_MONEY, &t);
	report(!value_agrees(&t, (struct exact){ 4756266900, 100 }),
	    "47.562.696 disagrees with 47.562.669", "agrees");
}

/* --- formats --- */

static void
disp(const char *name, struct value v, unsigned flags, const char *want)
{
	char *s = fmt_display_dup(&v, flags);

	eq_str(name, s, want);
	free(s);
}

static void
test_formats(void)
{
	struct value m = { .v = 325454600, .scale = 2, .unit = UNIT_MONEY,
	    .has = true };
	struct value c = { .v = -188, .unit = UNIT_COUNT, .has = true };
	struct value pp = { .v = -3, .scale = 1, .unit = UNIT_POINTS,
	    .has = true };
	struct value none = value_none(UNIT_MONEY);
	char *d;

	disp("money without cents", m, 0, "3.254.546 €");
	m.v = 331098;
	disp("money with cents", m, 0, "3.310,98 €");
	disp("money plain", m, FMT_PLAIN, "3.310,98");
	m.v = 5;
	disp("five cents", m, 0, "0,05 €");
	disp("a negative change", c, FMT_SIGNED, "\xE2\x88\x92" "188");
	c.v = 188;
	disp("a positive change", c, FMT_SIGNED, "+188");
	disp("a positive count", c, 0, "188");
	c.v = 1000;
	disp("four digits grouped", c, 0, "1.000");
	disp("percentage points", pp, FMT_SIGNED, "\xE2\x88\x92" "0,3 %-Pkt.");
	disp("no value", none, 0, "\xE2\x80\x93");
	d = fmt_date(2017, 1, 16);
	eq_str("date", d, "16. Januar 2017");
	free(d);
	d = fmt_date(2016, 10, 0);
	eq_str("month", d, "Oktober 2016");
	free(d);
	d = fmt_date(2017, 3, 1);
	eq_str("date in März", d, "1. März 2017");
	free(d);
}

/* --- slugs and text --- */

static void
slug(const char *label, const char *want)
{
	char *s = slugify(label);
	char name[160];

	snprintf(name, sizeof(name), "slug '%s'", label);
	eq_str(name, s, want);
	free(s);
}

static void
test_text(void)
{
	size_t bad = 0;
	char *s;

	slug("Förderung der beruflichen Weiterbildung",
	    "foerderung-der-beruflichen-weiterbildung");
	slug("Straße", "strasse");
	slug("ÄÖÜäöü", "aeoeueaeoeue");
	slug("  --A--b  ", "a-b");
	slug("§ 16i SGB II", "16i-sgb-ii");
	slug("I. Integrationsorientierte Instrumente",
	    "i-integrationsorientierte-instrumente");
	slug("Café", "caf");
	slug("!!!", "");
	report(utf8_valid("K\xC3\xB6ln", 5, NULL), "utf-8 valid", "refused");
	report(!utf8_valid("K\xF6ln", 4, &bad) && bad == 1, "utf-8 invalid",
	    "accepted or wrong offset %zu", bad);
	report(!utf8_valid("\xC0\xAF", 2, NULL), "utf-8 overlong refused",
	    "accepted");
	report(!utf8_valid("\xED\xA0\x80", 3, NULL), "utf-8 surrogate refused",
	    "accepted");
	s = cp1252_to_utf8("K\xF6ln \x80", 6, &bad);
	eq_str("windows-1252 to utf-8", s != NULL ? s : "(null)",
	    "K\xC3\xB6ln \xE2\x82\xAC");
	free(s);
	s = cp1252_to_utf8("a\x81", 2, &bad);
	report(s == NULL && bad == 1, "windows-1252 undefined byte", "accepted");
	free(s);
	report(edit_distance("verfugbar", "verfuegbar", 3) == 1,
	    "edit distance 1", "wrong");
	report(edit_distance("abc", "xyz123", 2) == 3, "edit distance limit",
	    "wrong");
}

/* --- CSV dialects --- */

static bool
csv_is(const char *text, size_t ncells_first, const char *cell, int line)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = csv_read_text(text, strlen(text), "t.csv", &f, &d) &&
	    f.nrecs >= 2 && f.recs[0].ncells == ncells_first &&
	    strcmp(f.recs[1].cells[1], cell) == 0 && f.recs[1].line == line;
	if (d.errors == 0 && f.nrecs > 0)
		csv_file_free(&f);
	diags_free(&d);
	return ok;
}

static bool
csv_refuses(const char *text, const char *want)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = !csv_read_text(text, strlen(text), "t.csv", &f, &d) && d.n == 1 &&
	    strstr(d.v[0].msg, want) != NULL;
	if (!ok && d.n > 0)
		printf("# got: %d: %s\n", d.v[0].line, d.v[0].msg);
	diags_free(&d);
	return ok;
}

/* Does the last record of text start on line? */
static bool
csv_last_line(const char *text, int line)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = csv_read_text(text, strlen(text), "t.csv", &f, &d) &&
	    f.recs[f.nrecs - 1].line == line;
	if (d.errors == 0 && f.nrecs > 0)
		csv_file_free(&f);
	diags_free(&d);
	return ok;
}

static void
test_csv(void)
{
	report(csv_is("a;b;c\n1;2;3\n", 3, "2", 2), "csv semicolon", "");
	report(csv_is("a,b,c\r\n1,2,3\r\n", 3, "2", 2), "csv comma, CRLF", "");
	report(csv_is("a\tb\tc\n1\t2 x\t3\n", 3, "2 x", 2), "csv tab", "");
	report(csv_is("\xEF\xBB\xBF" "a;b\n1;x\n", 2, "x", 2), "csv BOM", "");
	report(csv_is("a;b\n1;\"x;\"\"y\"\"\"\n", 2, "x;\"y\"", 2),
	    "csv quoting", "");
	report(csv_is("a;b\n1;\"two\nlines\"\n2;z\n", 2, "two\nlines", 2),
	    "csv quoted newline", "");
	report(csv_is("# comment \"quoted\n\n a;b\n#x;y\n\n1;K\xF6ln\n", 2,
	    "K\xC3\xB6ln", 6), "csv comments, empty lines, Windows-1252", "");
	report(csv_is("a;b,c\n1;2,5\n", 2, "2,5", 2),
	    "csv German decimals with ';'", "");
	report(csv_refuses("a;b\n1;\"open\n", "never closed"),
	    "csv unclosed quote", "");
	report(csv_refuses("a;b\n1;\"x\"y\n", "malformed quoting"),
	    "csv malformed quote", "");
	report(csv_refuses("a;b\n1;\x81\n", "neither UTF-8"),
	    "csv undefined Windows-1252 byte", "");
	report(csv_refuses("# only a comment\n", "no header"),
	    "csv without header", "");
	report(csv_is("a;b\n1;x", 2, "x", 2), "csv last line without its end",
	    "");
	report(csv_last_line("a\n\nx", 3), "csv last line of one character",
	    "");
}

/* --- computations of every table kind, through whole plans --- */

static char tmpdir[64];

static void
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "w");

	if (fp != NULL) {
		fputs(text, fp);
		fclose(fp);
	}
	free(path);
}

/* A plan with one table of the given kind over the given CSV text. */
static struct plan *
load(const char *kind, const char *attrs, const char *csv, struct diags *d)
{
	char *xml = xasprintf("<plan report=\"amip\" year=\"2017\">"
	    "<jobcenter name=\"JC\"/><title>T</title><data>"
	    "<table name=\"b\" kind=\"budget\" src=\"b.csv\"/>"
	    "<table name=\"t\" kind=\"%s\" src=\"t.csv\" %s</data>"
	    "<body><p>x</p></body></plan>", kind, attrs);

	write_file("plan.xml", xml);
	write_file("b.csv", "position;betrag;art\nEGT;1.000.000;basis\n"
	    "Budget;;summe\n");
	write_file("t.csv", csv);
	free(xml);
	diags_init(d);
	return gen_load(tmpdir, false, d);
}

static void
expect(struct plan *p, const char *key, const char *wert,
    const char *anzeige)
{
	struct figure fig;
	struct buf m, a;
	char name[160];

	snprintf(name, sizeof(name), "figure %s", key);
	if (p == NULL || !keys_resolve(p, key, &fig)) {
		report(false, name, "no such key");
		return;
	}
	buf_init(&m);
	buf_init(&a);
	{
		struct value v = figure_value(&fig);

		fmt_machine(&m, &v);
	}
	figure_display(&a, &fig, 0);
	report(strcmp(m.s, wert) == 0 && strcmp(a.s, anzeige) == 0, name,
	    "got '%s' / '%s', want '%s' / '%s'", m.s, a.s, wert, anzeige);
	buf_free(&m);
	buf_free(&a);
}

static void
done(struct plan *p, struct diags *d, const char *name)
{
	report(d->errors == 0, name, "%zu errors, first: %s", d->errors,
	    d->n ? d->v[0].msg : "");
	plan_free(p);
	diags_free(d);
}

static void
test_budget(void)
{
	struct diags d;
	struct plan *p = load("budget", "/>",
	    "position;betrag;art;id\n"
	    "Zuteilung;45.901.872,00;basis;egt\n"
	    "Umschichtung;7.162.197,41;abgang;um\n"
	    "Sonderzuteilung;200.000,00;zugang;sz\n"
	    "Ausgabemittel;38.939.674,59;summe;aus\n"
	    "Vorbindungen;15.061.179,43;abgang;vb\n"
	    "ESF;(500.000);nachrichtlich;esf\n"
	    "Neufallbudget;;summe;neu\n", &d);

	expect(p, "t.aus.betrag", "38939674.59", "38.939.674,59 €");
	expect(p, "t.neu.betrag", "23878495.16", "23.878.495,16 €");
	expect(p, "t.esf.betrag", "500000.00", "(500.000 €)");
	expect(p, "t.um.anteil_basis", "15.6", "15,6 %");
	expect(p, "t.egt.anteil_basis", "100.0", "100,0 %");
	done(p, &d, "budget plan without errors");
}

static void
test_instruments(void)
{
	struct diags d;
	struct plan *p = load("instruments", "budget=\"b\" zusatz=\"VBL\"/>",
	    "gruppe;instrument;id;eintritte;mittel_neufall;mittel_vorbindung;"
	    "mittel_zusatz;davon;nachrichtlich;eintritte_ist;ausgaben_ist\n"
	    "A;FbW;fbw;164;543.000;;;;;150;500.000\n"
	    "A;davon Frauen;fbw-f;80;200.000;;;fbw;;;\n"
	    "A;Sub-heading;sub;;;;;;;;\n"
	    "A;EGZ;egz;85;300.000,50;100.000;1.606.751,45;;;;\n"
	    "B;ESF;esf;(22);(995.011,33);;;;;;\n"
	    "B;Land;land;10;50.000;;;;x;;\n"
	    "B;AGH;agh;15;ca. 60.000;;;;;;\n", &d);

	expect(p, "t.fbw.kosten_je_eintritt", "3310.98", "3.310,98 €");
	expect(p, "t.fbw.anteil_budget", "54.3", "54,3 %");
	expect(p, "t.fbw.ausschoepfung_eintritte", "91.5", "91,5 %");
	expect(p, "t.fbw.ausschoepfung_mittel", "92.1", "92,1 %");
	expect(p, "t.egz.mittel_gesamt", "2006751.95", "2.006.751,95 €");
	expect(p, "t.egz.mittel_zusatz", "1606751.45",
	    "+ 1.606.751,45 € (VBL)");
	expect(p, "t.a.eintritte", "249", "249");
	expect(p, "t.a.mittel_gesamt", "2549751.95", "2.549.751,95 €");
	expect(p, "t.sub.eintritte", "", "\xE2\x80\x93");
	expect(p, "t.esf.mittel_gesamt", "995011.33", "(995.011,33 €)");
	expect(p, "t.esf.kosten_je_eintritt", "45227.79", "(45.227,79 €)");
	expect(p, "t.land.eintritte", "10", "(10)");
	expect(p, "t.b.eintritte", "15", "15");
	expect(p, "t.b.mittel_gesamt", "60000.00", "ca. 60.000 €");
	expect(p, "t.gesamt.eintritte", "264", "264");
	expect(p, "t.gesamt.mittel_gesamt", "2609751.95", "ca. 2.609.751,95 €");
	expect(p, "t.gesamt.ausgaben_ist", "500000.00", "500.000 €");
	expect(p, "t.plan.reserve", "-1609751.95", "ca. \xE2\x88\x92"
	    "1.609.751,95 €");
	done(p, &d, "instruments plan without errors");
}

static void
test_distribution(void)
{
	struct diags d;
	struct plan *p = load("distribution", "/>",
	    "merkmal;anzahl;vorjahr;davon;id;anteil;art\n"
	    "marktnah;562;600;;mn;13,5;\n"
	    "Nicht marktnah;2.294;2.200;;;;\n"
	    "davon U25;300;;nicht-marktnah;;;\n"
	    "Rest;1.322;;;;;\n"
	    "Summe;4178;;;;;summe\n", &d);

	expect(p, "t.mn.anteil", "13.5", "13,5 %");
	expect(p, "t.nicht-marktnah.anteil", "54.9", "54,9 %");
	expect(p, "t.davon-u25.anteil", "7.2", "7,2 %");
	expect(p, "t.mn.veraenderung", "-38", "\xE2\x88\x92" "38");
	expect(p, "t.mn.veraenderung_prozent", "-6.3", "\xE2\x88\x92" "6,3 %");
	expect(p, "t.gesamt.anzahl", "4178", "4.178");
	expect(p, "t.gesamt.anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.vorjahr", "2800", "2.800");
	done(p, &d, "distribution plan without errors");

	p = load("distribution", "/>", "merkmal;anteil\n1 Person;54,2\n"
	    "2 Personen;18,7\n3;11,6\n4;8,2\n5+;7,3\n", &d);
	expect(p, "t.gesamt.anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.anzahl", "", "\xE2\x80\x93");
	done(p, &d, "shares without counts add up");
}

static void
test_targets(void)
{
	struct diags d;
	struct plan *p = load("targets", "/>",
	    "kennzahl;id;typ;ist_vorjahr;veraenderung;veraenderung_punkte;"
	    "zaehler;nenner;zielwert;teil_von;richtung;ist\n"
	    "LZB;lzb;bestand;2.155;4,5;;;;;;niedrig;2.200\n"
	    "IQ;iq;quote;;;;;;22,4;;;22,0\n"
	    "IQ ohne;iqo;quote;23,0;1,5;;4.669;20.000;;iq;;\n"
	    "IQ Flucht;iqf;quote;;;;260;2.003;;iq;;\n"
	    "Quote;q;quote;28,8;;0,2;;;;;;\n"
	    "K1;k1;summe;1.000.000;-2,5;;;;;;niedrig;\n", &d);

	expect(p, "t.lzb.zielwert", "2252", "2.252");
	expect(p, "t.lzb.abweichung", "-52", "\xE2\x88\x92" "52");
	expect(p, "t.lzb.zielerreichung", "102.4", "102,4 %");
	expect(p, "t.iq.zielwert", "22.4", "22,4 %");
	expect(p, "t.iq.abweichung", "-0.4", "\xE2\x88\x92" "0,4 %-Pkt.");
	expect(p, "t.iq.zielerreichung", "98.2", "98,2 %");
	expect(p, "t.iqo.zielwert", "23.3", "23,3 %");
	expect(p, "t.iqf.zielwert", "13.0", "13,0 %");
	expect(p, "t.q.zielwert", "29.0", "29,0 %");
	expect(p, "t.k1.zielwert", "975000.00", "975.000 €");
	done(p, &d, "targets plan without errors");
}

static void
test_series(void)
{
	struct diags d;
	struct plan *p = load("series", "/>",
	    "kennzahl;jahr;wert;einheit\n"
	    "LZB;2018;7.526;\nLZB;2019;7.338;\n"
	    "IQ;2017;23,5;%\nIQ;2018;24,5;%\nIQ;2019;24,2;%\n"
	    "K1;2018;1.000.000,50;€\nK1;2019;900.000;€\n", &d);

	expect(p, "t.lzb-2019.veraenderung", "-188", "\xE2\x88\x92" "188");
	expect(p, "t.lzb-2019.veraenderung_prozent", "-2.5",
	    "\xE2\x88\x92" "2,5 %");
	expect(p, "t.lzb-2018.veraenderung", "", "\xE2\x80\x93");
	expect(p, "t.iq-2018.veraenderung", "1.0", "+1,0 %-Pkt.");
	expect(p, "t.iq-2019.veraenderung", "-0.3", "\xE2\x88\x92"
	    "0,3 %-Pkt.");
	expect(p, "t.iq-2019.veraenderung_prozent", "", "\xE2\x80\x93");
	expect(p, "t.k1-2019.veraenderung", "-100000.50",
	    "\xE2\x88\x92" "100.000,50 €");
	expect(p, "t.k1-2019.veraenderung_prozent", "-10.0",
	    "\xE2\x88\x92" "10,0 %");
	done(p, &d, "series plan without errors");
}

static void
test_table(void)
{
	struct diags d;
	struct plan *p = load("table", "group-by=\"bereich\">"
	    "<column name=\"bereich\"/><column name=\"stelle\"/>"
	    "<column name=\"vze\" type=\"number\" total=\"yes\" share=\"yes\"/>"
	    "<column name=\"frauen\" type=\"count\" part-of=\"kinder\"/>"
	    "<column name=\"kinder\" type=\"count\" total=\"yes\"/>"
	    "</table>",
	    "bereich;stelle;vze;kinder;frauen;art\n"
	    "Kommune;Kommunal;12,5;10;4;\n"
	    "BA;BA-Stelle;65;20;20;\n"
	    "BA;Projekt;4,25;;;\n"
	    "BA;;69,25;;;summe\n"
	    ";;81,75;30;;gesamt\n", &d);

	expect(p, "t.kommunal.vze_anteil", "15.3", "15,3 %");
	expect(p, "t.gesamt.vze", "81.75", "81,75");
	expect(p, "t.ba.vze", "69.25", "69,25");
	expect(p, "t.ba.vze_anteil", "84.7", "84,7 %");
	expect(p, "t.gesamt.vze_anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.kinder", "30", "30");
	expect(p, "t.gesamt.frauen", "", "\xE2\x80\x93");
	done(p, &d, "table plan without errors");
}

static void
test_computations(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/gen-unit-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		report(false, "computations", "no temporary folder");
		return;
	}
	test_budget();
	test_instruments();
	test_distribution();
	test_targets();
	test_series();
	test_table();
	{
		const char *files[] = { "plan.xml", "b.csv", "t.csv" };

		for (size_t i = 0; i < 3; i++) {
			char *path = xasprintf("%s/%s", tmpdir, files[i]);

			unlink(path);
			free(path);
		}
		rmdir(tmpdir);
	}
}

/* --- layout, without a PDF --- */

/* Every character half as wide as the font is large. */
static double
fake_width(void *ctx, enum lay_font f, double size, const char *s, size_t len)
{
	size_t chars = 0;

	(void)ctx;
	(void)f;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return (double)chars * size / 2;
}

static const struct measure fake = { .width = fake_width };

static void
expect_lines(const char *name, const char *text, double width,
    struct hyph *h, const char *const *want)
{
	size_t n, k = 0;
	char **lines = layout_break_text(text, width, 10, &fake, h, &n);
	struct buf got;

	buf_init(&got);
	for (size_t i = 0; i < n; i++)
		buf_printf(&got, "%s|", lines[i]);
	while (want[k] != NULL && k < n && strcmp(want[k], lines[k]) == 0)
		k++;
	report(want[k] == NULL && k == n, name, "got %s", got.s);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	buf_free(&got);
}

static struct doc *
small_doc(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->title = xstrdup("Titel");
	d->report = xstrdup("Bericht");
	d->jobcenter = xstrdup("Jobcenter");
	d->root = doc_node_new(DOC_DOCUMENT);
	return d;
}

static struct doc_node *
add_section(struct doc_node *parent, const char *title, const char *id)
{
	struct doc_node *s = doc_add(parent, DOC_SECTION, title);

	s->number = xstrdup("1.");
	s->id = xstrdup(id);
	s->level = 1;
	return s;
}

static int
page_of_text(const struct layout *l, const char *text)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++)
			if (l->pages[p].items[i].type == LI_TEXT &&
			    strcmp(l->pages[p].items[i].text, text) == 0)
				return (int)p;
	return -1;
}

/* With n one-line paragraphs before it, the heading "B" and the first
 * line after it share a page; true if the heading had to move. */
static bool
heading_case(int n, bool *together)
{
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a"), *b;
	struct lay_params p;
	struct layout *l;
	bool moved;
	int pb, pf, pl;

	for (int i = 0; i < n; i++)
		doc_add(doc_add(a, DOC_PARAGRAPH, NULL), DOC_TEXT, "Fuellzeile");
	b = add_section(d->root, "B", "b");
	doc_add(doc_add(b, DOC_PARAGRAPH, NULL), DOC_TEXT, "Erste Zeile nach B");
	layout_defaults(&p);
	l = layout_build(d, &fake, NULL, &p);
	pb = l->anchors[1].page;
	pf = page_of_text(l, "Erste Zeile nach B");
	pl = -1;	/* the page of the last filler line */
	for (size_t k = l->npages; k-- > 0 && pl < 0; )
		for (size_t i = 0; i < l->pages[k].n && pl < 0; i++)
			if (l->pages[k].items[i].type == LI_TEXT &&
			    strcmp(l->pages[k].items[i].text, "Fuellzeile") == 0)
				pl = (int)k;
	*together = pb == pf;
	moved = pb > pl;
	layout_free(l);
	doc_free(d);
	return moved;
}

/* Links find their anchor by id, the first of an id where two share
 * one (the anchors are looked up in a hash table, not one by one). */
static void
test_anchor_lookup(void)
{
	struct doc *d = small_doc();
	struct doc_node *para, *link;
	struct lay_params p;
	struct layout *l;
	bool right = true;
	int links = 0;

	add_section(d->root, "A", "a");
	for (int i = 0; i < 500; i++) {
		char *id = xasprintf("s%d", i);

		add_section(d->root, "S", id);
		free(id);
	}
	add_section(d->root, "A again", "a");
	para = doc_add(d->root->last, DOC_PARAGRAPH, NULL);
	for (int i = 0; i < 500; i += 7) {
		link = doc_add(para, DOC_LINK, NULL);
		link->id = xasprintf("#s%d", i);
		doc_add(link, DOC_TEXT, "Link ");
	}
	link = doc_add(para, DOC_LINK, NULL);
	link->id = xstrdup("#a");
	doc_add(link, DOC_TEXT, "A");
	layout_defaults(&p);
	l = layout_build(d, &fake, NULL, &p);
	for (size_t k = 0; k < l->npages; k++)
		for (size_t i = 0; i < l->pages[k].n; i++) {
			const struct lay_item *it = &l->pages[k].items[i];

			if (it->type != LI_LINK)
				continue;
			links++;
			right &= it->target >= 0 && strcmp(l->anchors[it->target].id,
			    it->text + 1) == 0 && (strcmp(it->text, "#a") != 0 ||
			    it->target == 0);
		}
	report(right && links == 73, "links find their anchor, the first of an id",
	    "%d links", links);
	layout_free(l);
	doc_free(d);
}

static void
test_layout(void)
{
	struct hyph *h = hyph_open_for(HYPH_DICT,
	    "Eingliederungszuschüsse Langzeitleistungsbezieher");
	bool all_together = true, some_moved = false;

	expect_lines("lines break at blanks for the width",
	    "Das ist ein kurzer Satz mit einigen Wörtern", 50, NULL,
	    (const char *[]){ "Das ist", "ein kurzer", "Satz mit", "einigen",
	    "Wörtern", NULL });
	report(h != NULL, "hyphenation dictionary hyphen-de", "not found");
	expect_lines("a long compound word is hyphenated",
	    "Eingliederungszuschüsse", 60, h, (const char *[]){
	    "Eingliede-", "rungszu-", "schüsse", NULL });
	expect_lines("hyphenation fills a loose line",
	    "die Langzeitleistungsbezieher", 90, h, (const char *[]){
	    "die Langzeitleis-", "tungsbezieher", NULL });
	expect_lines("a word without a hyphenation point is cut by force",
	    "xxxxxxxxxxxxxxxxxxxx", 50, h, (const char *[]){ "xxxxxxxxxx",
	    "xxxxxxxxxx", NULL });
	for (int n = 30; n < 80; n++) {
		bool together;

		some_moved |= heading_case(n, &together);
		all_together &= together;
	}
	report(all_together, "a heading stays on the page of its first line",
	    "separated");
	report(some_moved, "a heading at the foot of a page moves to the next",
	    "never moved");
	hyph_close(h);
}

int
main(void)
{
	test_parse();
	test_rounding();
	test_agrees();
	test_formats();
	test_text();
	test_csv();
	test_computations();
	test_layout();
	test_anchor_lookup();
	return failures > 0;
}
