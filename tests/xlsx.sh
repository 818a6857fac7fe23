# Excel workbooks: ME-aktiv read from one workbook gives the figures of
# its CSV files key for key; the Excel export reads back (openpyxl) as
# the CSV export and is the same bytes on a second run.  The workbook
# error cases are in tests/errors/xlsx-*.  Sourced by run.sh with $gen,
# $tmp, check and skip.

xpy=python3
[ -x /usr/bin/python3 ] && xpy=/usr/bin/python3	# Debian's openpyxl
rm -rf "$tmp/xl-csv" "$tmp/xl-book" "$tmp/xl-again"
"$gen" -q -f csv -o "$tmp/xl-csv" input/me-aktiv-2017 2>"$tmp/xl.err"
"$gen" -q -f csv,xlsx -o "$tmp/xl-book" tests/xlsx/me-aktiv 2>>"$tmp/xl.err"
check "xlsx: ME-aktiv from its workbook gives the figures of its CSV files: $(head -n 3 "$tmp/xl.err"; diff "$tmp/xl-csv/me-aktiv-2017.kennzahlen.csv" "$tmp/xl-book/me-aktiv.kennzahlen.csv" 2>&1 | head -n 5)" \
    cmp -s "$tmp/xl-csv/me-aktiv-2017.kennzahlen.csv" \
    "$tmp/xl-book/me-aktiv.kennzahlen.csv"
if "$xpy" -c 'import openpyxl' 2>/dev/null; then
	check "xlsx: the sheet Kennzahlen equals the CSV export: $("$xpy" tests/xlsx/readback.py "$tmp/xl-book/me-aktiv.kennzahlen.xlsx" "$tmp/xl-book/me-aktiv.kennzahlen.csv" 2>&1 | tail -n 1)" \
	    "$xpy" tests/xlsx/readback.py "$tmp/xl-book/me-aktiv.kennzahlen.xlsx" \
	    "$tmp/xl-book/me-aktiv.kennzahlen.csv"
else
	skip "xlsx: no openpyxl (Debian python3-openpyxl)"
fi
sleep 2	# a clock in the workbook would now differ
"$gen" -q -f xlsx -o "$tmp/xl-again" tests/xlsx/me-aktiv 2>/dev/null
check "xlsx: the Excel export is the same bytes on a second run" \
    cmp -s "$tmp/xl-book/me-aktiv.kennzahlen.xlsx" \
    "$tmp/xl-again/me-aktiv.kennzahlen.xlsx"
