# darunter rows, a shares-only total's count, budget="TABLE.ROW" and
# decimals (input-format.md, version 2) as both outputs show them: the
# web page and the print report's text.  Sourced by run.sh with $gen,
# $tmp and check.

rm -rf "$tmp/dr"
mkdir -p "$tmp/dr/p"
cat >"$tmp/dr/p/plan.xml" <<'XML'
<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/><title>T</title>
<data>
<table name="b" kind="budget" src="b.csv"/>
<table name="i" kind="instruments" src="i.csv" budget="b.egt"/>
<table name="alo" kind="distribution" src="alo.csv" decimals="2"/>
<table name="s" kind="distribution" src="s.csv"/>
</data>
<body><section title="S"><insert table="alo"/><insert table="s"/><insert table="i"/></section></body></plan>
XML
printf 'position;id;betrag;art\nEGT;egt;1.000.000;basis\nAbgabe;ab;200.000;abgang\nBudget;budget;;summe\n' >"$tmp/dr/p/b.csv"
printf 'instrument;id;mittel_neufall\nFbW;fbw;250.000\n' >"$tmp/dr/p/i.csv"
printf 'id;merkmal;anzahl;davon;darunter\nalle;Alle;2.000;;\nsgb2;SGB II;1.487;alle;\nrest;Rest;500;;\nm;Männer im SGB II;836;;sgb2\n' >"$tmp/dr/p/alo.csv"
printf 'merkmal;anteil;anzahl;darunter;art;id\nMänner;56,2;;;;m\nFrauen;43,8;;;;f\nLangzeit;40,3;;m;;lz\nInsgesamt;;1.487;;summe;\n' >"$tmp/dr/p/s.csv"
"$gen" -q -f html,pdf -o "$tmp/dr/out" "$tmp/dr/p" 2>"$tmp/dr/err"
check "darunter plan renders: $(head -n 2 "$tmp/dr/err")" [ -s "$tmp/dr/out/p.pdf" ]
h="$tmp/dr/out/p.html"
check "web: darunter rows have the class darunter" \
    [ "$(grep -c '<tr class="darunter indent-' "$h")" = 2 ]
check "web: a share with decimals=\"2\" (836 / 1.487 = 56,22 %)" \
    grep -q '>56,22 %<' "$h"
check "web: the shares-only total shows the count of the whole" \
    grep -q 'data-key="s.gesamt.anzahl" data-value="1487">1.487<' "$h"
pdftotext -layout "$tmp/dr/out/p.pdf" "$tmp/dr/p.txt" 2>/dev/null
check "pdf: the darunter row stands under its base row" \
    sh -c "grep -A2 '^ *SGB II ' '$tmp/dr/p.txt' | grep -q 'Männer im SGB II .*56,22 %'"
check "pdf: two decimals in the total of decimals=\"2\"" \
    grep -q '2.500 *100,00 %' "$tmp/dr/p.txt"
check "pdf: the shares-only total shows the count of the whole" \
    grep -q 'Summe *1.487 *100,0 %' "$tmp/dr/p.txt"
check "pdf: the explicit budget row and the reserve against it" \
    sh -c "grep -q '^ *EGT .*1.000.000 €' '$tmp/dr/p.txt' &&
    grep -q 'Reserve .*750.000 €' '$tmp/dr/p.txt'"
rm -rf "$tmp/dr"
