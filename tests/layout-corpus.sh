#!/bin/sh
# The print layout's stress corpus: writes one plan folder per case into
# DIR (DIR/CASE/plan.xml ...): the large ones generated here, the small
# ones copied from tests/layout/CASE/.  tests/layout.sh renders each and
# runs tests/layout-check.py on it.  By hand:
#   sh tests/layout-corpus.sh /tmp/corpus && build/gen -f html,pdf /tmp/corpus/cols-70
# Usage: tests/layout-corpus.sh DIR
set -eu
[ $# = 1 ] || { echo "usage: tests/layout-corpus.sh DIR" >&2; exit 2; }
out=$1
here=$(dirname "$0")
mkdir -p "$out"

# plan DIR TITLE: the head of a plan.xml; the caller appends <data> ...
plan_head() {
	printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
	    '<plan report="amip" year="2017"><jobcenter name="Jobcenter Musterstadt" kind="gE"/>' \
	    '<title>Arbeitsmarkt- und Integrationsprogramm 2017</title>'
}

# wide CASE NCOL LABEL ROWS [FIRST]: a kind="table" table of NCOL count
# columns headed "LABEL i", rows FIRST1.. holding row*1000+column.
wide() {
	d=$out/$1
	rm -rf "$d" && mkdir -p "$d"
	{ plan_head
	printf '%s\n' '<data><table name="breit" kind="table" src="breit.csv" title="Breite Tabelle"><column name="name" type="text" label="Merkmal"/>'
	awk -v part=columns -v n="$2" -v label="$3" -f "$here/wide-table.awk"
	printf '%s\n' '</table></data><body><section title="Breite Tabellen"><p>Vor der Tabelle.</p><insert table="breit"/><p>Nach der Tabelle.</p></section></body></plan>'
	} >"$d/plan.xml"
	awk -v part=csv -v n="$2" -v rows="$4" -v first="${5:-}" \
	    -f "$here/wide-table.awk" >"$d/breit.csv"
}

# A table head taller than a page (8 columns, each label 990 characters
# of short words): the layout hung, memory growing without end.
wide head-tall 8 "$(awk 'BEGIN { for (i = 100; i < 265; i++) printf "Kw%d ", i }')" 3

# 40 and 70 columns: every text column got width 0, columns beyond 32
# (HTML) and 64 (PDF) vanished.
wide cols-40 40 "Anzahl der Leistungsberechtigten" 4
wide cols-70 70 "Anzahl" 4

# Words of 10.000 characters in narrow text columns between numbers:
# quadratic time (15 s a row).
d=$out/words-10000
rm -rf "$d" && mkdir -p "$d"
{ plan_head; awk 'BEGIN {
	print "<data><table name=\"lang\" kind=\"table\" src=\"lang.csv\" title=\"Lange Wörter\"><column name=\"name\" type=\"text\"/>"
	for (i = 1; i <= 6; i++) printf "<column name=\"k%d\" type=\"count\"/>\n", i
	print "<column name=\"text\" type=\"text\" label=\"Text\"/>"
	for (i = 7; i <= 10; i++) printf "<column name=\"k%d\" type=\"count\"/>\n", i
	print "</table></data><body><section title=\"Lange Wörter\"><insert table=\"lang\"/></section></body></plan>" }'
} >"$d/plan.xml"
awk 'BEGIN { printf "name"; for (i = 1; i <= 6; i++) printf ";k%d", i; printf ";text"
	for (i = 7; i <= 10; i++) printf ";k%d", i; print ""
	for (r = 1; r <= 3; r++) {
		# Never periodic, so that its pieces read back in one way.
		w = "https://example.org/r" r "/"
		for (i = 1; length(w) < 10000; i++) w = w "q" r "x" i
		w = substr(w, 1, 10000)
		printf "%s", w
		for (i = 1; i <= 6; i++) printf ";%d", r * 1000 + i
		printf ";Zelle%d-%s", r, substr(w, 8)
		for (i = 7; i <= 10; i++) printf ";%d", r * 1000 + i
		print ""
	} }' >"$d/lang.csv"

# series CASE N KIND: a series of N years 1900.. drawn as a KIND chart.
series() {
	d=$out/$1
	rm -rf "$d" && mkdir -p "$d"
	{ plan_head; printf '%s\n' '<data><table name="reihe" kind="series" src="reihe.csv" title="Arbeitslose"/></data>' \
	    "<body><section title=\"Reihe\"><p>Die Reihe:</p><chart table=\"reihe\" field=\"wert\" kind=\"$3\"/><p>Danach.</p></section></body></plan>"; } >"$d/plan.xml"
	awk -v n="$2" 'BEGIN { print "kennzahl;jahr;wert"
		for (y = 1900; y < 1900 + n; y++) printf "Arbeitslose;%d;%d\n", y, 20000 + 7 * (y - 1900) }' \
	    >"$d/reihe.csv"
}
# Bar charts beyond ~31 bars ran off the page; line charts beyond 64
# categories piled them at one x.
series bars-60 60 bar
series line-100 100 line

# Two lines of 100 quarters ("Quartal 1/1990"): long category labels.
d=$out/line-quarters
rm -rf "$d" && mkdir -p "$d"
{ plan_head; printf '%s\n' '<data><table name="reihe" kind="series" src="reihe.csv" title="Bestand und Zugang"/></data>' \
    '<body><section title="Quartale"><chart table="reihe" field="wert" kind="line"/></section></body></plan>'; } >"$d/plan.xml"
awk 'BEGIN { print "kennzahl;jahr;wert"
	for (k = 0; k < 2; k++) for (i = 0; i < 100; i++)
		printf "%s;Quartal %d/%d;%d\n", k ? "Zugang" : "Bestand", i % 4 + 1,
		    1990 + int(i / 4), (k ? 500000 : 1000000) + (k ? 11 : 37) * i * i }' >"$d/reihe.csv"

# 40 bars with labels longer than the gutter.
d=$out/bars-labels
rm -rf "$d" && mkdir -p "$d"
{ plan_head; printf '%s\n' '<data><table name="teile" kind="table" src="teile.csv" title="Lose"><column name="teil" type="text"/><column name="anzahl" type="count"/></table></data>' \
    '<body><section title="Lose"><chart table="teile" field="anzahl" kind="bar"/></section></body></plan>'; } >"$d/plan.xml"
awk 'BEGIN { print "teil;anzahl"
	for (i = 1; i <= 40; i++) printf "Förderung der beruflichen Weiterbildung nach § 81 SGB III, Los %d;%d\n", i, i * 1234 }' \
    >"$d/teile.csv"

# A pie of 70 slices (the legend ran off the page), 130 bars.
d=$out/charts-130
rm -rf "$d" && mkdir -p "$d"
{ plan_head; printf '%s\n' '<data><table name="reihe" kind="series" src="reihe.csv"/>' \
    '<table name="teile" kind="table" src="teile.csv" title="Teile"><column name="teil" type="text"/><column name="anzahl" type="count"/></table>' \
    '</data><body><section title="S"><chart table="reihe" field="wert" kind="bar"/>' \
    '<chart table="teile" field="anzahl" kind="pie"/></section></body></plan>'; } >"$d/plan.xml"
awk 'BEGIN { print "kennzahl;jahr;wert"
	for (y = 1900; y < 2030; y++) printf "Arbeitslose;%d;%d\n", y, 20000 + y }' >"$d/reihe.csv"
awk 'BEGIN { print "teil;anzahl"
	for (i = 1; i <= 70; i++) printf "Teil%d;%d\n", i, 100 + i }' >"$d/teile.csv"

# foot CASE N ROWS COLON STEP: N tables of ROWS rows and a sum, each
# after a paragraph of a growing length (STEP * i words, ending in ":"
# when COLON is yes), so that some of them fall at a page foot (N and
# STEP chosen so that the layout before issue 12 split some).
foot() {
	d=$out/$1
	rm -rf "$d" && mkdir -p "$d"
	awk -v n="$2" -v rows="$3" -v colon="$4" -v step="$5" -v dir="$d" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<plan report=\"amip\" year=\"2017\"><jobcenter name=\"Jobcenter Musterstadt\" kind=\"gE\"/>"
		print "<title>Arbeitsmarkt- und Integrationsprogramm 2017</title><data>"
		for (t = 1; t <= n; t++) {
			printf "<table name=\"t%d\" kind=\"table\" src=\"t%d.csv\" title=\"Budget %d\">", t, t, t
			print "<column name=\"posten\" type=\"text\"/><column name=\"betrag\" type=\"money\" total=\"yes\"/></table>"
			f = dir "/t" t ".csv"
			print "posten;betrag" >f
			for (r = 1; r <= rows; r++)
				printf "Posten %d%s;%d.%03d,00 €\n", t, substr("abcdefghijklmnop", r, 1), t, r >f
			close(f)
		}
		print "</data><body><section title=\"Tabellen am Seitenfuß\">"
		for (t = 1; t <= n; t++) {
			printf "<p>Absatz %d:", t
			for (w = 1; w <= step * t; w++) printf " Wort%d.%d", t, w
			printf "%s</p>\n", colon == "yes" ? " und die Tabelle:" : "."
			printf "<insert table=\"t%d\"/>\n", t
		}
		print "</section></body></plan>"
	}' >"$d/plan.xml"
}
# A 4-row budget (3 rows and the sum) went overleaf with its sum alone.
foot foot-table4 60 3 no 5
# A paragraph ending in ":" was left at the page foot, its table overleaf
# (tables of 12 rows, which may split).
foot foot-colon 24 12 yes 7

# Phrases that must not break, after a growing lead so that each of
# them meets a line end: "§ 16e", "SGB II-Bezug", "ALG I-Beziehende",
# a sign and its number, a number and its unit, the "." after a value.
d=$out/nobreak
rm -rf "$d" && mkdir -p "$d"
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<plan report=\"amip\" year=\"2017\"><jobcenter name=\"Jobcenter Musterstadt\" kind=\"gE\"/>"
	print "<title>Arbeitsmarkt- und Integrationsprogramm 2017</title><data>"
	print "<table name=\"t\" kind=\"table\" src=\"t.csv\" title=\"Werte\"><column name=\"name\" type=\"text\"/><column name=\"betrag\" type=\"money\"/><column name=\"quote\" type=\"percent\"/></table>"
	print "</data><body><section title=\"Zeilenenden\">"
	for (i = 1; i <= 60; i++) {
		printf "<p>"
		for (w = 1; w <= i; w++) printf "ab "
		printf "im SGB II-Bezug nach § 16e SGB II und §§ 16a ff. SGB II, für ALG I-Beziehende und ALG II-Beziehende, "
		printf "%s", "eine Veränderung um −2,1 % bzw. + 3 Plätze, Kosten von 1.234.567 € und "
		print "<value ref=\"t.a.betrag\"/>, dazu <value ref=\"t.a.quote\"/>.</p>"
	}
	print "</section></body></plan>" }' >"$d/plan.xml"
printf 'name;betrag;quote\nA;12.345,67 €;12,5 %%\n' >"$d/t.csv"

# Footnotes: paragraphs of a growing length with 1 to 5 marks each, the
# notes from a few words to the longest allowed (600 characters, in wide
# capitals too), so that marks meet the page foot, where a line goes
# overleaf with its notes; in list items and small print too.
d=$out/footnotes
rm -rf "$d" && mkdir -p "$d"
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<plan report=\"amip\" year=\"2017\"><jobcenter name=\"Jobcenter Musterstadt\" kind=\"gE\"/>"
	print "<title>Arbeitsmarkt- und Integrationsprogramm 2017</title><data>"
	print "<table name=\"t\" kind=\"table\" src=\"t.csv\" title=\"Werte\"><column name=\"name\" type=\"text\"/><column name=\"betrag\" type=\"money\"/></table>"
	print "</data><body><section title=\"Fußnoten\">"
	n = 0
	for (i = 1; i <= 40; i++) {
		printf "<p>Absatz %d:", i
		for (k = 1; k <= i % 5 + 1; k++) {
			for (w = 1; w <= 3 * i; w++) printf " wort%d", w
			n++
			printf " Satz%dx<fn>Note%dx", n, n
			len = (n * 37) % 560
			if (n % 7 == 0)
				for (c = 0; c < 50; c++) printf " WWWWWWWWWW"
			else
				for (c = 0; c < len / 11; c++) printf " Wörter%d", c
			if (n % 5 == 0) printf " mit <a href=\"https://example.org/\">Verweis</a> und <value ref=\"t.a.betrag\"/>"
			printf ".</fn>"
		}
		print ".</p>"
		if (i % 6 == 0) {
			n++
			printf "<ul><li>Punkt Satz%dx<fn>Note%dx im Listenpunkt.</fn> und mehr.</li></ul>\n", n, n
			n++
			printf "<note>Kleindruck Satz%dx<fn>Note%dx in der Anmerkung.</fn>.</note>\n", n, n
			if (i == 12)
				print "<insert table=\"t\"/>"
		}
	}
	print "</section></body></plan>" }' >"$d/plan.xml"
printf 'name;betrag\nA;12.345,67 €\nB;1.001,00 €\n' >"$d/t.csv"

# The most the reader lets one line carry: five marks, each of a note of
# 600 wide capitals; the notes of a line fill most of a page, and the
# line goes overleaf whole with them.
d=$out/footnotes-max
rm -rf "$d" && mkdir -p "$d"
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<plan report=\"amip\" year=\"2017\"><jobcenter name=\"Jobcenter Musterstadt\" kind=\"gE\"/>"
	print "<title>Arbeitsmarkt- und Integrationsprogramm 2017</title><body><section title=\"Lange Fußnoten\">"
	n = 0
	for (b = 1; b <= 2; b++) {
		for (i = 1; i <= 30; i++)
			printf "<p>Absatz %d.%d: ein Satz von gut einer Zeile Länge, damit die Seite voll wird, und noch einige Wörter mehr.</p>\n", b, i
		printf "<p>Zeile"
		for (k = 1; k <= 5; k++) {
			n++
			printf " Satz%dx<fn>Note%dx", n, n
			for (c = 0; c < 59; c++) printf " WWWWWWWWW"
			printf "</fn>"
		}
		print ".</p>"
	}
	print "</section></body></plan>" }' >"$d/plan.xml"

# The small cases, kept as files.
for d in "$here"/layout/*/; do
	c=$(basename "$d")
	rm -rf "${out:?}/$c" && cp -r "$d" "$out/$c"
done
