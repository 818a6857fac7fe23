/* init.c: gen --init (cli.md): a new plan folder for a report type, a
 * commented plan.xml with the type's chapter skeleton and one example CSV
 * file per table kind.  The files render as they are (tests/init.sh). */
#include "init.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "util.h"

/* One example table: its file and the <table> line of plan.xml. */
struct example {
	const char	*file;
	const char	*xml;
	const char	*csv;
};

static const struct example budget = { "budget.csv",
"    <!-- kind=\"budget\": die Finanzkaskade.  Spalten: position, betrag,\n"
"         art (basis, zugang, abgang, summe, nachrichtlich), hinweis. -->\n"
"    <table name=\"budget\" kind=\"budget\" src=\"budget.csv\"\n"
"           title=\"Eingliederungsbudget\" source=\"Zuteilung des BMAS\"/>\n",
"# Die Finanzkaskade: basis und zugang addieren, abgang zieht ab, summe\n"
"# zeigt die laufende Summe (ein dort eingetragener Betrag wird gepr\xc3\xbc" "ft).\n"
"# Die letzte summe-Zeile ist das Budget, auf das sich anteil_budget bezieht.\n"
"id;position;betrag;art;hinweis\n"
"egt;Eingliederungstitel (Zuteilung);10.000.000,00;basis;\n"
"umschichtung;Umschichtung in das Verwaltungsbudget;1.000.000,00;abgang;\n"
"verfuegbar;Verf\xc3\xbc" "gbares Eingliederungsbudget;9.000.000,00;summe;\n"
"esf;ESF-Mittel;(250.000,00);nachrichtlich;nicht im Budget enthalten\n" };

static const struct example instruments = { "instrumente.csv",
"    <!-- kind=\"instruments\": geplante Instrumente.  budget= nennt die\n"
"         Budget-Tabelle, auf deren letzte summe-Zeile sich anteil_budget\n"
"         bezieht. -->\n"
"    <table name=\"instrumente\" kind=\"instruments\" src=\"instrumente.csv\"\n"
"           title=\"Instrumentenplanung\" budget=\"budget\"/>\n",
"# Eine Zeile je Instrument; gruppe fasst zusammen (Summen je Gruppe).\n"
"# Geld in Euro, Eintritte und Pl\xc3\xa4tze als ganze Zahlen; leer = kein Wert.\n"
"# davon = id der Elternzeile (Aufschl\xc3\xbcsselung); hinweis_FELD = Notiz statt Zahl.\n"
"gruppe;instrument;id;eintritte;mittel_neufall;mittel_vorbindung;davon;hinweis_mittel_neufall\n"
"Qualifizierung;F\xc3\xb6rderung der beruflichen Weiterbildung;fbw;300;2.500.000,00;1.200.000,00;;\n"
"Qualifizierung;darunter mit Abschluss;fbw-abschluss;120;1.400.000,00;600.000,00;fbw;\n"
"Aktivierung;Ma\xc3\x9fnahmen bei einem Tr\xc3\xa4ger;mat;900;1.800.000,00;400.000,00;;\n"
"Besch\xc3\xa4" "ftigung;Arbeitsgelegenheiten;agh;250;900.000,00;300.000,00;;\n"
"Besch\xc3\xa4" "ftigung;Teilhabe am Arbeitsmarkt;tam;40;;1.100.000,00;;Einkauf erfolgt im Vorjahr\n" };

/* The Bericht's instruments and targets carry the Ist beside the Soll
 * (with programme= in plan.xml they would carry only the Ist). */
static const struct example instruments_ist = { "instrumente.csv",
"    <!-- kind=\"instruments\": Soll und Ist der Instrumente.  Mit\n"
"         programme=\"../PROGRAMM\" an <plan> k\xc3\xa4me das Soll aus dem Programm\n"
"         und hier st\xc3\xbc" "nde nur das Ist. -->\n"
"    <table name=\"instrumente\" kind=\"instruments\" src=\"instrumente.csv\"\n"
"           title=\"F\xc3\xb6rderung: Soll und Ist\" budget=\"budget\"/>\n",
"# Soll (eintritte, mittel_neufall) und Ist (eintritte_ist, ausgaben_ist).\n"
"# Abweichung und Aussch\xc3\xb6pfung werden berechnet.\n"
"gruppe;instrument;id;eintritte;mittel_neufall;eintritte_ist;ausgaben_ist;hinweis_ausgaben_ist\n"
"Qualifizierung;F\xc3\xb6rderung der beruflichen Weiterbildung;fbw;300;2.500.000,00;280;2.310.000,00;\n"
"Aktivierung;Ma\xc3\x9fnahmen bei einem Tr\xc3\xa4ger;mat;900;1.800.000,00;950;1.750.000,00;\n"
"Besch\xc3\xa4" "ftigung;Arbeitsgelegenheiten;agh;250;900.000,00;210;;Abrechnung liegt noch nicht vor\n" };

static const struct example targets_ist = { "ziele.csv",
"    <!-- kind=\"targets\": Ziele und ihre Erreichung (ist). -->\n"
"    <table name=\"ziele\" kind=\"targets\" src=\"ziele.csv\" title=\"Zielerreichung\"/>\n",
"# typ: quote (%), bestand (Anzahl), summe (Geld), index (%).\n"
"# ist ist der erreichte Wert; abweichung und zielerreichung werden berechnet.\n"
"kennzahl;id;typ;ist_vorjahr;veraenderung;richtung;ist\n"
"Integrationsquote;iq;quote;25,0;2,0;hoch;25,9\n"
"Langzeitleistungsbezieher;lzb;bestand;5.000;-3,0;niedrig;4.870\n" };

static const struct example distribution = { "struktur.csv",
"    <!-- kind=\"distribution\": Anzahlen und Anteile.  stand= und source=\n"
"         werden unter der Tabelle gedruckt. -->\n"
"    <table name=\"struktur\" kind=\"distribution\" src=\"struktur.csv\"\n"
"           title=\"Erwerbsf\xc3\xa4hige Leistungsberechtigte\" stand=\"09/2025\"\n"
"           source=\"Statistik der Bundesagentur f\xc3\xbcr Arbeit\"/>\n",
"# anzahl je Merkmal; anteil und veraenderung werden berechnet.\n"
"# davon = id der Elternzeile: ein Teil von ihr, einger\xc3\xbc" "ckt, nicht mitgez\xc3\xa4hlt.\n"
"# darunter = id der Basiszeile: eine Teilmenge (Teilmengen d\xc3\xbc" "rfen sich\n"
"#   \xc3\xbc" "berschneiden); ihr Anteil ist der an der Basiszeile, nie addiert.\n"
"merkmal;id;anzahl;vorjahr;davon;darunter\n"
"unter 25 Jahre;u25;1.200;1.150;;\n"
"25 bis unter 50 Jahre;u50;4.800;4.900;;\n"
"50 Jahre und \xc3\xa4lter;ue50;2.000;1.950;;\n"
"davon 55 Jahre und \xc3\xa4lter;ue55;1.100;1.000;ue50;\n"
"darunter Frauen;ue50f;1.050;1.020;;ue50\n"
"darunter langzeitarbeitslos;ue50l;1.300;1.280;;ue50\n" };

static const struct example targets = { "ziele.csv",
"    <!-- kind=\"targets\": Zielindikatoren; zielwert wird berechnet, wenn\n"
"         er nicht eingetragen ist. -->\n"
"    <table name=\"ziele\" kind=\"targets\" src=\"ziele.csv\" title=\"Ziele\"/>\n",
"# typ: quote (%), bestand (Anzahl), summe (Geld), index (%).\n"
"# zielwert = ist_vorjahr x (1 + veraenderung / 100), wenn nicht eingetragen.\n"
"# richtung: hoch (mehr ist besser) oder niedrig.\n"
"kennzahl;id;typ;ist_vorjahr;veraenderung;richtung;hinweis\n"
"Integrationsquote;iq;quote;25,0;2,0;hoch;\n"
"Langzeitleistungsbezieher;lzb;bestand;5.000;-3,0;niedrig;\n"
"Summe der Leistungen zum Lebensunterhalt;lul;summe;40.000.000,00;-1,0;niedrig;\n" };

static const struct example series = { "zeitreihe.csv",
"    <!-- kind=\"series\": eine Zeitreihe; ein Diagramm zeigt sie \xc3\xbc" "ber die\n"
"         Jahre. -->\n"
"    <table name=\"zeitreihe\" kind=\"series\" src=\"zeitreihe.csv\"\n"
"           title=\"Bestand an erwerbsf\xc3\xa4higen Leistungsberechtigten\"/>\n",
"# Eine Zeile je Kennzahl und Jahr; einheit: % , \xe2\x82\xac oder leer (Anzahl).\n"
"kennzahl;jahr;wert;einheit\n"
"eLb;2022;8.300;\n"
"eLb;2023;8.100;\n"
"eLb;2024;8.000;\n" };

static const struct example table = { "personal.csv",
"    <!-- kind=\"table\": jede andere Tabelle; die Spalten werden hier\n"
"         deklariert (type text, count, number, money, percent). -->\n"
"    <table name=\"personal\" kind=\"table\" src=\"personal.csv\"\n"
"           title=\"Personal\">\n"
"      <column name=\"bereich\" type=\"text\" label=\"Bereich\"/>\n"
"      <column name=\"stellen\" type=\"number\" total=\"yes\" share=\"yes\"\n"
"              label=\"Stellen (VZ\xc3\x84)\"/>\n"
"    </table>\n",
"# Die Spalten sind in plan.xml deklariert.\n"
"bereich;stellen\n"
"Leistung;60,5\n"
"Markt und Integration;80,0\n"
"Verwaltung;20,25\n" };

/* The chapters of each report type, as its template names them, and what
 * each says it is for; a chapter lists the tables it inserts. */
struct chapter {
	const char	*id, *title, *text;
	const char	*inserts;	/* "name,name", or NULL */
};

static const struct chapter amip[] = {
	{ "einleitung", "Einleitung", "Worum geht es in diesem Programm? "
	    "Das verf\xc3\xbc" "gbare Budget betr\xc3\xa4gt "
	    "<value ref=\"budget.verfuegbar.betrag\"/>.", NULL },
	{ "rahmenbedingungen", "Rahmenbedingungen", "Die Lage am "
	    "Arbeitsmarkt.", "struktur,zeitreihe" },
	{ "finanzen", "Finanzausstattung", "Das Budget und seine "
	    "Verwendung.", "budget" },
	{ "ziele", "Ziele", "Die Zielindikatoren.", "ziele" },
	{ "instrumente", "Leistungen und Ma\xc3\x9fnahmen der aktiven "
	    "Arbeitsf\xc3\xb6rderung", "Geplant sind "
	    "<value ref=\"instrumente.gesamt.eintritte\"/> Eintritte.",
	    "instrumente,personal" },
	{ NULL, NULL, NULL, NULL },
};

static const struct chapter planungsdokument[] = {
	{ "ausblick", "Ausblick und Rahmenbedingungen", "Die Lage am "
	    "Arbeitsmarkt.", "struktur,zeitreihe" },
	{ "strategie", "Strategische Ausrichtung", "Die Schwerpunkte des "
	    "Jahres.", NULL },
	{ "investitionen", "Investitionen", "Das verf\xc3\xbc" "gbare Budget "
	    "betr\xc3\xa4gt <value ref=\"budget.verfuegbar.betrag\"/>.",
	    "budget,instrumente,personal" },
	{ "ziele", "Wirkung und Ziele", "Die Zielindikatoren.", "ziele" },
	{ NULL, NULL, NULL, NULL },
};

static const struct chapter bericht[] = {
	{ "rahmenbedingungen", "Rahmenbedingungen", "Die Lage am "
	    "Arbeitsmarkt.", "struktur" },
	{ "entwicklung", "Entwicklung der Kennzahlen", "Die Kennzahlen "
	    "\xc3\xbc" "ber die Jahre.", "zeitreihe" },
	{ "ziele", "Zielerreichung", "Die Zielindikatoren.", "ziele" },
	{ "foerderung", "F\xc3\xb6rderung: Soll und Ist", "Das verf\xc3\xbc"
	    "gbare Budget betrug <value ref=\"budget.verfuegbar.betrag\"/>.",
	    "budget,instrumente,personal" },
	{ NULL, NULL, NULL, NULL },
};

#define NEXAMPLES 6

static const struct {
	const char		*name;
	const struct chapter	*chapters;
	const struct example	*examples[NEXAMPLES];
} reports[] = {
	{ "amip", amip, { &budget, &instruments, &distribution, &targets,
	    &series, &table } },
	{ "planungsdokument", planungsdokument, { &budget, &instruments,
	    &distribution, &targets, &series, &table } },
	{ "eingliederungsbericht", bericht, { &budget, &instruments_ist,
	    &distribution, &targets_ist, &series, &table } },
};

bool
init_report_known(const char *kind)
{
	for (size_t i = 0; i < sizeof(reports) / sizeof(*reports); i++)
		if (strcmp(reports[i].name, kind) == 0)
			return true;
	return false;
}

static void
S_plan_xml(struct buf *b, const char *kind, const struct chapter *ch,
    const struct example *const *examples)
{
	buf_printf(b,
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<!-- Damit ein Editor Elemente und Attribute vorschl\xc3\xa4gt, hier eine Zeile\n"
"     <?xml-model href=\"PFAD/docs/plan.rng\" type=\"application/xml\"\n"
"       schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
"     einf\xc3\xbcgen (Handbuch, Abschnitt \"Der Editor hilft mit\"). -->\n"
"<!-- Ein Plan: report ist die Berichtsart (amip, planungsdokument,\n"
"     eingliederungsbericht), year das Planjahr.  Das Handbuch erkl\xc3\xa4rt\n"
"     jedes Element: docs/handbuch.md. -->\n"
"<plan report=\"%s\" year=\"2026\">\n"
"  <!-- name ist Pflicht; kind ist gE oder zkT. -->\n"
"  <jobcenter name=\"Jobcenter Musterstadt\" kind=\"gE\"\n"
"             region=\"Landkreis Musterstadt\" land=\"Hessen\"/>\n"
"  <title>Titel des Berichts 2026</title>\n"
"  <author>Name, Funktion</author>\n"
"  <!-- Das Datum auf dem Deckblatt: 2026-01-15 oder 2026-01. -->\n"
"  <date>2026-01-15</date>\n"
"\n"
"  <!-- Die Tabellen: name ist ihr Name in Schl\xc3\xbcsseln\n"
"       (TABELLE.ZEILE.FELD), src die CSV-Datei in diesem Ordner. -->\n"
"  <data>\n", kind);
	for (size_t i = 0; i < NEXAMPLES; i++)
		buf_puts(b, examples[i]->xml);
	buf_puts(b,
"  </data>\n"
"\n"
"  <!-- Der Text: section (Kapitel, mit title und optional id), p, ul/ol\n"
"       mit li, em, strong, a href, br, note; <value ref=\"SCHL\xc3\x9c" "SSEL\"/>\n"
"       druckt eine Zahl, <insert table=\"NAME\"/> eine Tabelle,\n"
"       <chart table=\"NAME\" field=\"FELD\" kind=\"bar|line|pie\"/> ein\n"
"       Diagramm.  Die Kapitel folgen der Vorlage der Berichtsart. -->\n"
"  <body>\n");
	for (; ch->id != NULL; ch++) {
		buf_printf(b, "    <section id=\"%s\" title=\"%s\">\n"
		    "      <p>%s</p>\n", ch->id, ch->title, ch->text);
		if (ch->inserts != NULL) {
			char *list = xstrdup(ch->inserts), *save = NULL;

			for (char *t = strtok_r(list, ",", &save); t != NULL;
			    t = strtok_r(NULL, ",", &save))
				buf_printf(b, "      <insert table=\"%s\"/>\n", t);
			free(list);
		}
		if (ch->inserts != NULL && strstr(ch->inserts, "zeitreihe"))
			buf_puts(b, "      <chart table=\"zeitreihe\" "
			    "field=\"wert\" kind=\"line\"/>\n");
		buf_puts(b, "    </section>\n");
	}
	buf_puts(b, "  </body>\n</plan>\n");
}

/* Writes a new file in dir; false (errno set) if it fails. */
static bool
S_create(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	size_t len = strlen(text), done = 0;
	bool ok = fd != -1;

	while (ok && done < len) {
		ssize_t w = write(fd, text + done, len - done);

		if (w <= 0)
			ok = false;
		else
			done += (size_t)w;
	}
	if (fd != -1 && close(fd) != 0)
		ok = false;
	free(path);
	return ok;
}

static void
S_remove(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);

	unlink(path);
	free(path);
}

int
init_plan(const char *dir, const char *kind)
{
	const struct chapter *ch = NULL;
	const struct example *const *examples = NULL;
	struct buf xml;
	char *parent, *slash;
	bool ok, made = true;

	for (size_t i = 0; i < sizeof(reports) / sizeof(*reports); i++)
		if (strcmp(reports[i].name, kind) == 0) {
			ch = reports[i].chapters;
			examples = reports[i].examples;
		}
	if (ch == NULL) {
		fprintf(stderr, "gen: --report '%s' is unknown (known: amip, "
		    "planungsdokument, eingliederungsbericht)\n", kind);
		return 2;
	}
	/* The folders above it may be new (plaene/ for the first plan);
	 * mkdir of the last refuses an existing one, so nothing in it is
	 * touched. */
	parent = xstrdup(dir);
	if ((slash = strrchr(parent, '/')) != NULL && slash != parent) {
		*slash = '\0';
		made = io_mkdirs(parent);
	}
	free(parent);
	if (!made || mkdir(dir, 0777) == -1) {
		if (errno == EEXIST) {
			fprintf(stderr, "gen: %s: already exists; --init never "
			    "overwrites (choose a new folder)\n", dir);
			return 2;
		}
		fprintf(stderr, "gen: %s: cannot create: %s\n", dir,
		    strerror(errno));
		return 3;
	}
	buf_init(&xml);
	S_plan_xml(&xml, kind, ch, examples);
	ok = S_create(dir, "plan.xml", xml.s);
	buf_free(&xml);
	for (size_t i = 0; ok && i < NEXAMPLES; i++)
		ok = S_create(dir, examples[i]->file, examples[i]->csv);
	if (!ok) {
		int e = errno;

		/* No half plan: the folder is ours, made above. */
		S_remove(dir, "plan.xml");
		for (size_t i = 0; i < NEXAMPLES; i++)
			S_remove(dir, examples[i]->file);
		rmdir(dir);
		fprintf(stderr, "gen: %s: cannot write: %s\n", dir,
		    strerror(e));
		return 3;
	}
	return 0;
}
