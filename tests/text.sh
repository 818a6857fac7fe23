# Text that reaches the published files (input-format.md, "Text"): links
# in index.html, cells of the figure export, NFC.  Sourced by run.sh with
# $gen, $tmp and check.

# tplan DIR CSV: a plan with one instruments table t.csv holding CSV.
tplan() {
	mkdir -p "$1"
	printf '<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/><title>T</title><data><table name="t" kind="instruments" src="t.csv"/></data><body><section title="S"><insert table="t"/></section></body></plan>\n' >"$1/plan.xml"
	printf '%s' "$2" >"$1/t.csv"
}

# A folder name that reads as a scheme gives a relative link.
rm -rf "$tmp/tx"
tplan "$tmp/tx/javascript:alert(1)" 'instrument;eintritte
A;1
'
tplan "$tmp/tx/a\\\\b" 'instrument;eintritte
A;1
'
"$gen" -q -f html,csv -o "$tmp/tx/out" "$tmp/tx/javascript:alert(1)" \
    "$tmp/tx/a\\\\b" 2>/dev/null
check "index: a folder javascript:alert(1) gives a relative link" grep -q \
    'href="javascript%3Aalert(1).html"' "$tmp/tx/out/index.html"
check "index: backslashes in a folder name are escaped" grep -q \
    'href="a%5C%5Cb.html"' "$tmp/tx/out/index.html"
check "index: no link has a scheme" [ -z "$(grep -o 'href="[^"]*"' \
    "$tmp/tx/out/index.html" | grep -v '^href="[^":/\\]*"$')" ]

# No cell of the export starts with = + - @ unless it is a plain number:
# notes (printed where a figure has no value) and signed display texts.
rm -rf "$tmp/tx"
tplan "$tmp/tx/f" 'instrument;eintritte;hinweis_eintritte;mittel_neufall
A;1;;-188
B;;"=HYPERLINK(""http://x.example"";""klick"")";
C;;@SUM(1+1);
D;;-2+3;
E;;+cmd|x;
F;;-;
G;;+2.049.242;
'
"$gen" -q -f csv -o "$tmp/tx/out" "$tmp/tx/f" 2>/dev/null
csv=$tmp/tx/out/f.kennzahlen.csv
check "export: a note =HYPERLINK(...) is led by an apostrophe" grep -q \
    "^t.b.eintritte;;Anzahl;\"'=HYPERLINK(" "$csv"
check "export: -188 stays a plain number" grep -q '^t.a.mittel_neufall;-188.00;' "$csv"
check "export: a German number with a sign is led by an apostrophe" grep -q \
    "^t.g.eintritte;;Anzahl;'+2.049.242$" "$csv"
check "export: no cell starts a formula" [ -z "$(awk -F';' '{
	for (i = 1; i <= NF; i++) {
		c = $i; sub(/^"/, "", c)
		if (c ~ /^[=+@\t\r-]/ && c !~ /^[+-]?[0-9]+(\.[0-9]+)?$/) print
	} }' "$csv")" ]

# Text is NFC in the outputs: "Förderung" written with a combining
# diaeresis in plan.xml and in a cell comes out with the composed "ö".
rm -rf "$tmp/tx"
tplan "$tmp/tx/n" "$(printf 'instrument;eintritte\nFo\314\210rderung A;1\n')
"
sed -i "s|<title>T</title>|<title>$(printf 'Fo\314\210rderplan')</title>|" "$tmp/tx/n/plan.xml"
"$gen" -q -f html -o "$tmp/tx/out" "$tmp/tx/n" 2>/dev/null
check "NFC: plan.xml text is composed" grep -q '<h1[^>]*>Förderplan' "$tmp/tx/out/n.html"
check "NFC: a cell is composed" grep -q 'Förderung A' "$tmp/tx/out/n.html"
check "NFC: nothing decomposed is left" [ -z "$(grep "$(printf 'o\314\210')" "$tmp/tx/out/n.html")" ]
rm -rf "$tmp/tx"
