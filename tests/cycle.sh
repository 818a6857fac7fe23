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
