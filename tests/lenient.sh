# lenient.sh: --lenient leaves a trace (input-format.md): a declared
# figure that disagrees is shown under its table in the web page and the
# PDF, while the computed figure stays the one printed and exported; and
# <value format="bare"> prints the number alone.  The plan is
# tests/errors/lenient-trace (its warnings are pinned there).  Sourced by
# run.sh with $gen, $tmp and check.

lt=$tmp/lenient
rm -rf "$lt"
"$gen" -q --lenient -f html,pdf,csv -o "$lt" tests/errors/lenient-trace \
    2>/dev/null
check "lenient: a plan with disagreeing totals renders with --lenient" \
    [ -f "$lt/lenient-trace.pdf" ]
pdftotext "$lt/lenient-trace.pdf" "$lt/pdf.txt" 2>/dev/null
# The PDF's text may break a note across lines: compare it joined.
tr '\n' ' ' <"$lt/pdf.txt" | tr -s ' ' >"$lt/pdf.line"
# The page's text without tags, no-break spaces as blanks.
sed 's/<[^>]*>//g; s/\xC2\xA0/ /g' "$lt/lenient-trace.html" >"$lt/html.txt"
for note in \
    'Stand: 12/2016 · Hinweis: In der Vorlage steht 1.234.576,89 €; die Summe der Zeilen ist 1.234.567,89 €.' \
    'Hinweis: In der Vorlage steht 353; die Summe der Zeilen ist 359.'; do
	check "lenient: the page shows '$note'" grep -qF "$note" \
	    "$lt/html.txt"
	check "lenient: the PDF shows '$note'" grep -qF "$note" "$lt/pdf.line"
done
# Under the instruments table and under the insert of its group q, not
# under the budget.
check "lenient: the group's note under both inserts of its table" [ "$(grep -o \
    'In der Vorlage steht 353;' "$lt/lenient-trace.html" | wc -l)" -eq 2 ]
check "lenient: the budget's note under the budget only" [ "$(grep -o \
    'In der Vorlage steht 1.234.576,89' "$lt/lenient-trace.html" | wc -l)" -eq 1 ]
# The computed figures are printed and exported, not the typed ones.
check "lenient: the export has the computed total" grep -q \
    '^budget\.summe\.betrag;1234567\.89;' "$lt/lenient-trace.kennzahlen.csv"
check "lenient: the export has the computed group sum" grep -q \
    '^massnahmen\.q\.eintritte;359;' "$lt/lenient-trace.kennzahlen.csv"
check "lenient: the page prints the computed total" grep -q \
    'data-key="budget.summe.betrag"[^>]*>1.234.567,89' "$lt/lenient-trace.html"
# format="bare": the number without unit, "ca." and parentheses.
for f in "$lt/html.txt" "$lt/pdf.line"; do
	check "bare: $(basename "$f") prints 'ca. 398.496 Euro (gedruckt: (ca. 398.496 €))'" \
	    grep -qF 'ca. 398.496 Euro (gedruckt: (ca. 398.496 €))' "$f"
done
# Without --lenient nothing is written, and no run leaves a note.
rm -rf "$lt/strict"
"$gen" -q -f html -o "$lt/strict" tests/errors/lenient-trace 2>/dev/null
check "lenient: without --lenient the plan is refused" \
    [ ! -e "$lt/strict/lenient-trace.html" ]
