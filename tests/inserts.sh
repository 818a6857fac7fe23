# inserts.sh: <insert columns="…" title="…">, <column label> on a table of
# any kind, and the warning about a column nothing uses (input format
# version 2, "Inserting tables").  Sourced by run.sh with $gen, $tmp,
# check, skip.

itmp=$tmp/inserts
rm -rf "$itmp" && mkdir -p "$itmp/ins"
cat >"$itmp/ins/instrumente.csv" <<'EOF'
gruppe;instrument;funktion;eintritte;plaetze;mittel_neufall
Qualifizierung;FbW;Qualifizierung;10;4;50.000,00
Qualifizierung;EGZ;Integration;5;;20.000,00
EOF
cat >"$itmp/ins/plan.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<plan report="amip" year="2017">
  <jobcenter name="Jobcenter Test" kind="gE"/>
  <title>Testplan 2017</title>
  <data>
    <table name="instrumente" kind="instruments" src="instrumente.csv"
           title="Instrumente 2017">
      <column name="eintritte" label="Förderfälle"/>
      <column name="funktion" label="Funktion"/>
      <column name="instrument" label="Maßnahme"/>
    </table>
  </data>
  <body>
    <section title="Test">
      <p>Plätze: <value ref="instrumente.gesamt.plaetze"/>.</p>
      <insert table="instrumente" columns="instrument, funktion,eintritte,mittel_gesamt"
              title="Qualifizierung im Überblick"/>
    </section>
  </body>
</plan>
EOF
"$gen" -f html,pdf -o "$itmp/out" "$itmp/ins" 2>"$itmp/err"
_st=$?
check "columns= renders without a message ($(head -n 1 "$itmp/err"))" \
    [ "$_st" = 0 -a ! -s "$itmp/err" ]
"$gen" --dump-tree "$itmp/ins" >"$itmp/tree" 2>/dev/null
check "the insert shows exactly the columns named, in order, with their labels" \
    sh -c "grep -A5 '^ *table Tabelle 1 \"Tabelle 1: Qualifizierung im Überblick\"' '$itmp/tree' |
    sed -n '3,6p' | sed 's/^ *//' | tr '\n' '|' |
    grep -qx 'cell th \"Maßnahme\"|cell th \"Funktion\"|cell num th \"Förderfälle\"|cell num th \"Mittel\"|'"
check "a text column's cells are in the rows" \
    grep -q '^ *cell "Integration"$' "$itmp/tree"
check "the web page has the insert's title and the labels" sh -c "
    grep -q 'Qualifizierung im Überblick' '$itmp/out/ins.html' &&
    grep -q '<th scope=\"col\"[^>]*>Förderfälle</th>' '$itmp/out/ins.html' &&
    ! grep -q 'Instrumente 2017' '$itmp/out/ins.html'"
pdftotext -layout "$itmp/out/ins.pdf" "$itmp/ins.txt" 2>/dev/null
check "the PDF has the insert's title and the labels" sh -c "
    grep -q 'Qualifizierung im Überblick' '$itmp/ins.txt' &&
    grep -q 'Maßnahme *Funktion *Förderfälle *Mittel' '$itmp/ins.txt'"

# Without the <value>, plaetze has content that nothing uses: a warning
# naming the file and the column, in every mode, and the plan renders.
sed -i 's|<p>Plätze: <value ref="instrumente.gesamt.plaetze"/>.</p>|<p>Text.</p>|' \
    "$itmp/ins/plan.xml"
"$gen" --check "$itmp/ins" 2>"$itmp/err"
check "--check warns about the unused column (status $?)" grep -qx \
    "$itmp/ins/instrumente.csv:1: warning: column 'plaetze' has content, but no <insert> shows it and no <value>, <chart> or <check> uses it" \
    "$itmp/err"
"$gen" -f html -o "$itmp/out2" "$itmp/ins" 2>"$itmp/err"
_st=$?
check "the plan with the warning renders" [ "$_st" = 0 -a -f "$itmp/out2/ins.html" ]
check "one warning, each time the same" sh -c "[ \$(wc -l <'$itmp/err') = 1 ] &&
    '$gen' --check '$itmp/ins' 2>&1 | cmp -s - '$itmp/err'"
rm -rf "$itmp"

# A hostile columns=: more columns than an insert may name.
rm -rf "$itmp" && mkdir -p "$itmp/many"
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<plan report="amip" year="2017">\n'
	printf '  <jobcenter name="Jobcenter Test"/>\n  <title>Viele</title>\n  <data>\n'
	printf '    <table name="t" kind="table" src="t.csv">\n      <column name="name"/>\n'
	for i in $(seq 1 101); do printf '      <column name="c%d" type="count"/>\n' "$i"; done
	printf '    </table>\n  </data>\n  <body>\n    <insert table="t" columns="'
	for i in $(seq 1 101); do printf 'c%d,' "$i"; done | sed 's/,$//'
	printf '"/>\n  </body>\n</plan>\n'
} >"$itmp/many/plan.xml"
{
	printf 'name'; for i in $(seq 1 101); do printf ';c%d' "$i"; done; printf '\n'
	printf 'a'; for i in $(seq 1 101); do printf ';%d' "$i"; done; printf '\n'
} >"$itmp/many/t.csv"
"$gen" -f csv -o "$itmp/many-out" "$itmp/many" 2>"$itmp/err"
_st=$?
check "an insert naming more than 100 columns is refused ($(head -n 1 "$itmp/err"))" \
    sh -c "[ $_st = 1 ] && [ ! -e '$itmp/many-out' ] && grep -q \
    'plan.xml:[0-9]*: error: <insert> columns: more than 100 columns' '$itmp/err'"
rm -rf "$itmp"
