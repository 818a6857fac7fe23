# cli.sh: command-line behaviour of cli.md; sourced by tests/run.sh with
# $gen, $tmp, $build and the functions check, pass and fail.

not() { ! "$@"; }
abs_gen=$(cd "$(dirname "$gen")" && pwd)/$(basename "$gen")

# status CMD...: runs CMD with stdout and stderr to files; prints status.
status() {
	"$@" >"$tmp/cli.out" 2>"$tmp/cli.err"
	echo $?
}

check "--version" [ "$(status "$gen" --version)" = 0 ]
check "--version prints the version" grep -q '^gen [0-9]' "$tmp/cli.out"
check "--help" [ "$(status "$gen" --help)" = 0 ]
check "--help prints the usage" grep -q '^usage: gen' "$tmp/cli.out"
check "unknown option is exit 2" [ "$(status "$gen" --bogus)" = 2 ]
check "unknown option message" grep -q "^gen: unknown option '--bogus'" \
    "$tmp/cli.err"
check "unknown format is exit 2" [ "$(status "$gen" -f xls input/*/)" = 2 ]
check "unknown format message" grep -q "^gen: unknown format 'xls'" \
    "$tmp/cli.err"
check "bad --jobs is exit 2" [ "$(status "$gen" -j 0 input/*/)" = 2 ]
check "missing option argument is exit 2" [ "$(status "$gen" -o)" = 2 ]
check "missing template is exit 2" \
    [ "$(status "$gen" -t "$tmp/none" input/*/)" = 2 ]
check "missing plan folder is exit 1" \
    [ "$(status "$gen" -o "$tmp/x" "$tmp/no-such-plan")" = 1 ]
check "missing plan folder message" grep -q \
    "no-such-plan/plan.xml: error: cannot open: No such file or directory" \
    "$tmp/cli.err"

rm -rf "$tmp/chk"
check "--check succeeds" [ "$(status "$gen" --check -o "$tmp/chk" input/*/)" = 0 ]
check "--check writes nothing" [ ! -e "$tmp/chk" ]

# Same input, same bytes; and -j gives the same files as one job.
rm -rf "$tmp/r1" "$tmp/r2"
"$gen" -q -j 1 -o "$tmp/r1" input/*/ 2>/dev/null
"$gen" -q -j 2 -o "$tmp/r2" input/*/ 2>/dev/null
check "two runs give the same bytes (-j 1 and -j 2)" diff -r "$tmp/r1" "$tmp/r2"
for name in ahrweiler-2017 me-aktiv-2017 lahn-dill-2019; do
	check "index.html links $name" grep -q "href=\"$name.html\"" "$tmp/r1/index.html"
done
check "one plan renders" [ "$(status "$gen" -o "$tmp/one" input/ahrweiler-2017)" = 0 ]
check "one plan gets no index.html" [ ! -e "$tmp/one/index.html" ]
rm -rf "$tmp/dump"
check "--dump-tree prints the tree" \
    [ "$(status "$gen" --dump-tree -o "$tmp/dump" input/ahrweiler-2017)" = 0 ]
check "--dump-tree writes nothing" [ ! -e "$tmp/dump" ]
check "a template folder without template.xml is exit 1" \
    [ "$(status "$gen" -t "$tmp" -o "$tmp/x" input/ahrweiler-2017)" = 1 ]

# Without arguments: the bundled examples under input/, into output/.
rm -rf "$tmp/bundle" && mkdir -p "$tmp/bundle" && cp -r input "$tmp/bundle/"
check "no arguments renders input/" \
    [ "$( cd "$tmp/bundle" && status "$abs_gen" )" = 0 ]
check "no arguments writes the page and the PDF into output/" \
    [ -s "$tmp/bundle/output/ahrweiler-2017.html" -a -s "$tmp/bundle/output/ahrweiler-2017.pdf" ]
check "no arguments and no input/ is exit 2" \
    [ "$( cd "$tmp" && mkdir -p empty && cd empty && status "$abs_gen" )" = 2 ]

# A failed run never replaces a good earlier output.
rm -rf "$tmp/keep" && mkdir -p "$tmp/keep"
cp -r input/ahrweiler-2017 "$tmp/keep/"
"$gen" -q -f csv -o "$tmp/keep/out" "$tmp/keep/ahrweiler-2017" 2>/dev/null
cp "$tmp/keep/out/ahrweiler-2017.kennzahlen.csv" "$tmp/keep/good.csv"
sed -i 's/^\(marktnah;[^;]*;\)562/\1abc/' "$tmp/keep/ahrweiler-2017/kundenstruktur.csv"
check "a broken plan is exit 1" \
    [ "$(status "$gen" -f csv -o "$tmp/keep/out" "$tmp/keep/ahrweiler-2017")" = 1 ]
check "a broken plan keeps the earlier output" \
    cmp -s "$tmp/keep/good.csv" "$tmp/keep/out/ahrweiler-2017.kennzahlen.csv"
check "no temporary file is left" \
    [ "$(ls -A "$tmp/keep/out")" = "ahrweiler-2017.kennzahlen.csv" ]
check "an output folder that cannot be made is exit 3" \
    [ "$(status "$gen" -f csv -o /dev/null/x input/ahrweiler-2017)" = 3 ]
check "two plans of one name are exit 2" \
    [ "$(status "$gen" -o "$tmp/x" input/ahrweiler-2017 "$tmp/keep/ahrweiler-2017")" = 2 ]

# Hostile input: never a crash or a hang, always a clear error.
hostile() {
	name=$1
	want=$2
	st=$(status timeout 60 "$gen" -f csv -o "$tmp/h-out" "$tmp/h")
	check "hostile $name: status $st, want $want" [ "$st" = "$want" ]
}
mkplan() {
	rm -rf "$tmp/h" && mkdir -p "$tmp/h"
	printf '<plan report="amip" year="2017"><jobcenter name="J"/><title>T</title><data><table name="t" kind="instruments" src="t.csv"/></data><body><p>x</p></body></plan>\n' >"$tmp/h/plan.xml"
}
mkplan
awk 'BEGIN { srand(1); for (i = 0; i < 20000; i++) printf "%c", int(rand() * 256) }' \
    >"$tmp/h/plan.xml"
hostile "binary plan.xml" 1
mkplan
awk 'BEGIN { printf "<plan report=\"amip\" year=\"2017\"><jobcenter name=\"J\"/><title>T</title><body>";
	for (i = 0; i < 100000; i++) printf "<section title=\"s\">"; print "" }' >"$tmp/h/plan.xml"
hostile "deeply nested XML" 1
mkplan
cat >"$tmp/h/plan.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE plan [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<plan report="amip" year="2017"><jobcenter name="J"/><title>&g;</title><body/></plan>
XML
hostile "XML bomb" 1
mkplan
cat >"$tmp/h/plan.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE plan [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<plan report="amip" year="2017"><jobcenter name="J"/><title>&x;</title><body/></plan>
XML
hostile "external entity" 1
check "external entity is not read" not grep -q "root:" "$tmp/cli.err"
mkplan
awk 'BEGIN { printf "instrument;eintritte\n"; for (i = 0; i < 20000000; i++) printf "x"; print ";1" }' \
    >"$tmp/h/t.csv"
hostile "a 20 MB line" 0
mkplan
awk 'BEGIN { print "instrument;eintritte;mittel_neufall";
	for (i = 0; i < 200000; i++) printf "I%d;%d;%d,%02d\n", i, i % 97, i, i % 100 }' \
    >"$tmp/h/t.csv"
hostile "200.000 rows" 0
check "200.000 rows: total Eintritte" \
    grep -q '^t.gesamt.eintritte;9599419;' "$tmp/h-out/h.kennzahlen.csv"
mkplan
printf 'instrument;eintritte\nA;1\n' >"$tmp/h/t.csv"
sed -i 's|src="t.csv"|src="../../etc/passwd"|' "$tmp/h/plan.xml"
hostile "src leaving the plan folder" 1
mkplan
ln -s /etc/passwd "$tmp/h/t.csv"
hostile "a symbolic link out of the plan folder" 1
rm -rf "$tmp/h" "$tmp/h-out"

# A copied template with a logo: the logo is embedded, nothing is fetched.
rm -rf "$tmp/logo"
check "a template with a logo renders" \
    [ "$(status "$gen" -t tests/template-logo -o "$tmp/logo" input/ahrweiler-2017)" = 0 ]
check "the logo is embedded in the page" grep -q \
    '<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0i[^"]*" alt="Logo des Jobcenters Musterstadt">' \
    "$tmp/logo/ahrweiler-2017.html"
