# cycle.sh: the annual cycle, a Bericht on its programme; sourced by
# tests/run.sh with $gen, $tmp and the functions check, pass and fail.
# A Soll changed in the programme shows in the Bericht's export, page and
# PDF, with its Abweichung and Ausschöpfung.

rm -rf "$tmp/cycle" && mkdir -p "$tmp/cycle"
cp -r input/lahn-dill-2019 input/lahn-dill-2019-amip "$tmp/cycle/"
sed -i 's/^16i;\(.*\);Teilhabe am Arbeitsmarkt;\(.*\);100;/16i;\1;Teilhabe am Arbeitsmarkt;\2;120;/' \
    "$tmp/cycle/lahn-dill-2019-amip/foerderung.csv"
"$gen" -q -f csv,html,pdf -o "$tmp/cycle/out" "$tmp/cycle/lahn-dill-2019" 2>/dev/null
csv=$tmp/cycle/out/lahn-dill-2019.kennzahlen.csv
for want in "foerderung.16i.eintritte;120;" "foerderung.16i.abweichung_eintritte;-30;" \
    "foerderung.16i.ausschoepfung_eintritte;75.0;" "foerderung.gesamt.eintritte;135;" \
    "foerderung.gesamt.ausschoepfung_eintritte;75.6;"; do
	check "changed Soll: export has $want" grep -q "^$want" "$csv"
done
check "changed Soll: the page shows Soll 120" grep -q \
    'data-key="foerderung.16i.eintritte" data-value="120">120<' \
    "$tmp/cycle/out/lahn-dill-2019.html"
check "changed Soll: the page shows Ausschöpfung 75,0 %" grep -q \
    'data-key="foerderung.16i.ausschoepfung_eintritte" data-value="75.0">75,0 %<' \
    "$tmp/cycle/out/lahn-dill-2019.html"
pdftotext -layout "$tmp/cycle/out/lahn-dill-2019.pdf" "$tmp/cycle/pdf.txt" 2>/dev/null
check "changed Soll: the PDF shows 120, 90, −30 and 75,0 %" grep -q \
    "Teilhabe am Arbeitsmarkt  *120  *90  *−30  *75,0 %" "$tmp/cycle/pdf.txt"
check "the Bericht says a target is not reached" grep -q \
    "○ nicht erreicht" "$tmp/cycle/out/lahn-dill-2019.html"
check "the Bericht says a target is reached" grep -q \
    "● erreicht" "$tmp/cycle/out/lahn-dill-2019.html"

# previous="../lahn-dill-2018": the change to the year before.
cp -r tests/previous/lahn-dill-2018 "$tmp/cycle/"
sed -i 's|programme="../lahn-dill-2019-amip"|programme="../lahn-dill-2019-amip" previous="../lahn-dill-2018"|' \
    "$tmp/cycle/lahn-dill-2019/plan.xml"
rm -rf "$tmp/cycle/out2"
check "a Bericht with its previous year renders" [ "$("$gen" -q -f csv,html,pdf \
    -o "$tmp/cycle/out2" "$tmp/cycle/lahn-dill-2019" 2>/dev/null; echo $?)" = 0 ]
csv=$tmp/cycle/out2/lahn-dill-2019.kennzahlen.csv
for want in "foerderung.16i.eintritte_vorjahr;0;" "foerderung.16i.veraenderung_eintritte;90;" \
    "foerderung.16e.veraenderung_eintritte;-8;" "foerderung.gesamt.eintritte_vorjahr;20;" \
    "ziele.lzb.veraenderung_vorjahr;-188;" "ziele.iq.veraenderung_vorjahr;-0.3;"; do
	check "previous year: export has $want" grep -q "^$want" "$csv"
done
check "previous year: the page has the comparison table" grep -q \
    'id="tabelle-foerderung-vorjahr"' "$tmp/cycle/out2/lahn-dill-2019.html"
pdftotext -layout "$tmp/cycle/out2/lahn-dill-2019.pdf" "$tmp/cycle/pdf2.txt" 2>/dev/null
check "previous year: the PDF has the comparison" grep -q \
    "Vergleich mit dem Vorjahr" "$tmp/cycle/pdf2.txt"
sed -i 's|year="2018"|year="2019"|' "$tmp/cycle/lahn-dill-2018/plan.xml"
check "a previous report of the same year is refused" [ "$("$gen" -q -f csv \
    -o "$tmp/cycle/out3" "$tmp/cycle/lahn-dill-2019" 2>/dev/null; echo $?)" = 1 ]

# The year's figures are the Ist only where the table has an Ist figure: a
# note in hinweis_eintritte_ist is none.  The comparison with the year
# before then prints the Soll, from which the change is computed, and
# every printed change is the difference of the figures beside it.
rm -rf "$tmp/notes" && mkdir -p "$tmp/notes/prev" "$tmp/notes/plan"
for y in 2016 2017; do
	d=$tmp/notes/plan
	[ $y = 2016 ] && d=$tmp/notes/prev
	prev=' previous="../prev"'
	[ $y = 2016 ] && prev=
	cat >"$d/plan.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<plan report="amip" year="$y"$prev>
  <jobcenter name="Jobcenter Test" kind="gE"/>
  <title>Programm $y</title>
  <data><table name="mix" kind="instruments" src="mix.csv" title="Mix $y"/></data>
  <body><section title="Mix"><insert table="mix"/></section></body>
</plan>
XML
done
printf 'id;instrument;eintritte;mittel_neufall\nagh;AGH;100;500.000\nfbw;FbW;50;250.000\n' \
    >"$tmp/notes/prev/mix.csv"
printf 'id;instrument;eintritte;mittel_neufall;hinweis_eintritte_ist\nagh;AGH;120;600.000;liegt noch nicht vor\nfbw;FbW;40;200.000;\n' \
    >"$tmp/notes/plan/mix.csv"
rm -rf "$tmp/notes/out"
"$gen" -q -f csv,html -o "$tmp/notes/out" "$tmp/notes/plan" 2>/dev/null
# Per row of the comparison: Vorjahr, the year's figure, the change.
bad=$(awk '/id="tabelle-mix-vorjahr"/, /<\/table>/' "$tmp/notes/out/plan.html" |
    awk '/<td/ {
	n = split($0, td, "<td")
	for (i = 2; i <= n; i++) {
		key[i] = td[i]; sub(/.*data-key="/, "", key[i]); sub(/".*/, "", key[i])
		val[i] = td[i]; sub(/.*data-value="/, "", val[i]); sub(/".*/, "", val[i])
	}
	for (i = 2; i <= n; i++) {
		if (key[i] !~ /\.veraenderung_(eintritte|mittel)$/ || val[i] == "")
			continue
		if (i < 4 || key[i - 2] !~ /_vorjahr$/ || val[i - 1] == "" ||
		    val[i - 1] - val[i - 2] != val[i] + 0)
			print key[i] " beside " key[i - 1] "=" val[i - 1]
	}
    }' | head -n 1)
check "a note in hinweis_eintritte_ist is no Ist: the comparison prints the Soll it computes from${bad:+: $bad}" \
    [ -z "$bad" ]
check "a note in hinweis_eintritte_ist is no Ist: the page compares with the year before" \
    grep -q 'id="tabelle-mix-vorjahr"' "$tmp/notes/out/plan.html"
check "a note in hinweis_eintritte_ist is no Ist: the export's change is from the Soll" \
    grep -q '^mix.agh.veraenderung_eintritte;20;' "$tmp/notes/out/plan.kennzahlen.csv"
check "a note in hinweis_eintritte_ist is no Ist: the page shows the note" \
    grep -q 'liegt noch nicht vor' "$tmp/notes/out/plan.html"
