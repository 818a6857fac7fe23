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
    [ "$(ls -A "$tmp/keep/out" | tr '\n' ' ')" = "ahrweiler-2017.kennzahlen.csv ahrweiler-2017.stamp " ]
check "an output folder that cannot be made is exit 3" \
    [ "$(status "$gen" -f csv -o /dev/null/x input/ahrweiler-2017)" = 3 ]
check "two plans of one name are exit 2" \
    [ "$(status "$gen" -o "$tmp/x" input/ahrweiler-2017 "$tmp/keep/ahrweiler-2017")" = 2 ]

# A copied template with a logo: the logo is embedded, nothing is fetched.
rm -rf "$tmp/logo"
check "a template with a logo renders" \
    [ "$(status "$gen" -t tests/template-logo -o "$tmp/logo" input/ahrweiler-2017)" = 0 ]
check "the logo is embedded in the page" grep -q \
    '<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0i[^"]*" alt="Logo des Jobcenters Musterstadt">' \
    "$tmp/logo/ahrweiler-2017.html"

# Every wrong option is named, and every usage error has a message.
check "-xq names -x" [ "$(status "$gen" -xq input/ahrweiler-2017)" = 2 ]
check "-xq message ($(head -n 1 "$tmp/cli.err"))" \
    grep -qx "gen: unknown option '-x'" "$tmp/cli.err"
check "--bogus=1 names --bogus" [ "$(status "$gen" --bogus=1)" = 2 ]
check "--bogus=1 message" grep -qx "gen: unknown option '--bogus'" "$tmp/cli.err"
check "-qo without its argument names -o" [ "$(status "$gen" -qo)" = 2 ]
check "-qo message" grep -qx "gen: option '-o' needs an argument" "$tmp/cli.err"
check "--output without its argument" [ "$(status "$gen" --output)" = 2 ]
check "--output message" grep -qx "gen: option '--output' needs an argument" "$tmp/cli.err"
check "-f , is exit 2" [ "$(status "$gen" -f , input/ahrweiler-2017)" = 2 ]
check "-f , message" grep -qx \
    "gen: --format ',' names no format (known: html, pdf, csv, xlsx)" "$tmp/cli.err"
for args in "-f ," "-f xls" "-j 0" "-j x" "-t $tmp/none" "-x" "--jobs" "--ver"; do
	# shellcheck disable=SC2086
	_st=$(status "$gen" $args input/ahrweiler-2017)
	check "usage error '$args': exit 2 with a message, got $_st" \
	    [ "$_st" = 2 -a -s "$tmp/cli.err" ]
done

# Plan folder names that cannot be file names in links (cli.md v2).
rm -rf "$tmp/names" && mkdir -p "$tmp/names"
cp -r input/ahrweiler-2017 "$tmp/names/index"
cp -r input/ahrweiler-2017 "$tmp/names/$(printf 'a\033[31mb')"
check "a plan folder named index is exit 2" \
    [ "$(status "$gen" -o "$tmp/names/o" "$tmp/names/index")" = 2 ]
check "a plan folder named index: its message" grep -qx \
    "gen: $tmp/names/index: a plan folder may not be named 'index' (its page would be the index)" \
    "$tmp/cli.err"
check "a plan folder with a control character is exit 2" \
    [ "$(status "$gen" -o "$tmp/names/o" "$tmp/names/a"*b)" = 2 ]
check "a plan folder with a control character: its message, escaped" grep -qx \
    "gen: $tmp/names/a\\\\x1B\[31mb: the name of a plan folder may not hold a control character" \
    "$tmp/cli.err"
check "a refused plan folder name writes nothing" [ ! -e "$tmp/names/o" ]
rm -rf "$tmp/names"

# A plan without tables (text only) exports an empty figure list: its
# table of tables was a null pointer the sanitizer build stopped at.
rm -rf "$tmp/notab" && mkdir -p "$tmp/notab/p"
printf '%s\n' '<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/>' \
    '<title>T</title><body><section title="S"><p>Nur Text.</p></section></body></plan>' \
    >"$tmp/notab/p/plan.xml"
check "a plan without tables renders html, pdf and csv" \
    [ "$(status "$gen" -f html,pdf,csv -o "$tmp/notab/o" "$tmp/notab/p")" = 0 ]
rm -rf "$tmp/notab"
