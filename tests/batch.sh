# Many plans at once: -j, each plan's messages together, the summary of
# failed plans, the progress line on a terminal only, skipping unchanged
# plans, and the index of the whole output folder.  Sourced by run.sh with
# $gen, $tmp, check and status.

case $gen in /*) bgen=$gen ;; *) bgen=$(pwd)/$gen ;; esac
bad1=tests/errors/several-errors
bad2=tests/errors/xml-bomb
rm -rf "$tmp/b"
_st=$(status "$gen" -j 2 -f html,csv -o "$tmp/b" input/*/ "$bad1" "$bad2")
check "batch: the worst status wins (1), got $_st" [ "$_st" = 1 ]
check "batch: the good plans are written" \
    [ -s "$tmp/b/ahrweiler-2017.html" -a -s "$tmp/b/lahn-dill-2019.kennzahlen.csv" ]
{
	"$gen" -f csv -o "$tmp/b-one" "$bad1" 2>&1
	"$gen" -f csv -o "$tmp/b-one" "$bad2" 2>&1
	printf 'gen: 2 of 6 plans failed:\n'
	printf 'gen:   %s (the input has errors)\n' "$bad1" "$bad2"
} >"$tmp/b-want"
# Plans finish in any order, but each one's messages stay together.
check "batch: each plan's messages together, then the summary" sh -c "
	cmp -s '$tmp/b-want' '$tmp/cli.err' || {
	sed -n '/^$(echo "$bad2" | sed 's|/|\\/|g')/p' '$tmp/b-want' >'$tmp/b-2'
	grep -v '^$(echo "$bad2" | sed 's|/|\\/|g')' '$tmp/b-want' >'$tmp/b-1'
	cat '$tmp/b-2' '$tmp/b-1' | cmp -s - '$tmp/cli.err'; }"
check "batch: no progress line when stderr is not a terminal" \
    sh -c "! grep -q '\[[0-9]*/[0-9]*\]' '$tmp/cli.err'"
check "batch: quiet when all goes well" \
    [ "$(status "$gen" -j 2 -f csv -o "$tmp/b-ok" input/*/)" = 0 -a ! -s "$tmp/cli.err" ]
if command -v script >/dev/null; then
	script -qec "'$bgen' -j 2 -f csv --force -o '$tmp/b-ok' input/*/" /dev/null \
	    >"$tmp/b-tty" 2>&1
	check "batch: a progress line on a terminal" grep -q '\[4/4\]' "$tmp/b-tty"
	check "batch: a closing count on a terminal" \
	    grep -q 'gen: 4 plans in .* s: 4 written, 0 unchanged, 0 failed' "$tmp/b-tty"
fi

# Unchanged plans are skipped; a change, a lost output or --force renders.
rm -rf "$tmp/inc" && cp -r input "$tmp/inc-in"
"$gen" -q -f html,pdf,csv -o "$tmp/inc" "$tmp"/inc-in/*/ 2>/dev/null
ls -l --time-style=+%s.%N "$tmp/inc" >"$tmp/inc-before"
sleep 0.01
_st=$(status "$gen" -v -f html,pdf,csv -o "$tmp/inc" "$tmp"/inc-in/*/)
check "unchanged plans are skipped" \
    grep -q 'gen: 4 plans in .*: 0 written, 4 unchanged, 0 failed' "$tmp/cli.err"
ls -l --time-style=+%s.%N "$tmp/inc" | grep -v index.html >"$tmp/inc-after"
check "a skipped plan's outputs are not touched" \
    sh -c "grep -v index.html '$tmp/inc-before' | cmp -s - '$tmp/inc-after'"
echo '# a comment' >>"$tmp/inc-in/me-aktiv-2017/budget.csv"
_st=$(status "$gen" -v -f html,pdf,csv -o "$tmp/inc" "$tmp"/inc-in/*/)
check "a changed CSV renders its plan again" \
    grep -q ': 1 written, 3 unchanged' "$tmp/cli.err"
echo '# a comment' >>"$tmp/inc-in/lahn-dill-2019-amip/foerderung.csv"
_st=$(status "$gen" -v -f html,pdf,csv -o "$tmp/inc" "$tmp"/inc-in/*/)
check "a changed programme renders the Bericht on it too" \
    grep -q ': 2 written, 2 unchanged' "$tmp/cli.err"
rm "$tmp/inc/ahrweiler-2017.pdf"
_st=$(status "$gen" -v -f html,pdf,csv -o "$tmp/inc" "$tmp"/inc-in/*/)
check "a lost output renders its plan again" \
    sh -c "grep -q ': 1 written, 3 unchanged' '$tmp/cli.err' && [ -s '$tmp/inc/ahrweiler-2017.pdf' ]"
rm -rf "$tmp/inc-tpl" && cp -r templates/amip "$tmp/inc-tpl"
_st=$(status "$gen" -v -f html,pdf,csv -o "$tmp/inc" -t "$tmp/inc-tpl" \
    "$tmp"/inc-in/ahrweiler-2017 "$tmp"/inc-in/lahn-dill-2019-amip)
check "the same template from another folder changes nothing" \
    grep -q ': 0 written, 2 unchanged' "$tmp/cli.err"
echo 'h1 { letter-spacing: .01em }' >>"$tmp/inc-tpl/style.css"
_st=$(status "$gen" -v -f html,pdf,csv -o "$tmp/inc" -t "$tmp/inc-tpl" \
    "$tmp"/inc-in/ahrweiler-2017 "$tmp"/inc-in/lahn-dill-2019-amip)
check "a changed template renders again" grep -q ': 2 written, 0 unchanged' "$tmp/cli.err"
_st=$(status "$gen" -v --force -f html,pdf,csv -o "$tmp/inc" "$tmp"/inc-in/*/)
check "--force renders every plan" grep -q ': 4 written, 0 unchanged' "$tmp/cli.err"

# A changed gen renders again: the stamp hashes the build id, which the
# Makefile computes from the sources' contents (no git needed).
_id=$("$gen" --version | sed -n 's/^gen [0-9.]* (build \([0-9a-f]\{16\}\))$/\1/p')
check "--version prints the build id" [ -n "$_id" ]
check "the build id is that of these sources (make, then test)" \
    [ "$_id" = "$(make -s print-build-id 2>/dev/null)" ]
check "the stamp names the build id" \
    grep -q "^# gen [0-9.]* (build $_id)" "$tmp/inc/ahrweiler-2017.stamp"
rm -rf "$tmp/bid" && mkdir "$tmp/bid" && cp -r Makefile gen "$tmp/bid/"
_id1=$(make -s -C "$tmp/bid" print-build-id)
touch "$tmp/bid/gen/calc.c"
_id2=$(make -s -C "$tmp/bid" print-build-id)
echo '/* changed */' >>"$tmp/bid/gen/calc.c"
_id3=$(make -s -C "$tmp/bid" print-build-id)
check "a source's time alone keeps the build id" [ -n "$_id1" -a "$_id1" = "$_id2" ]
check "a changed source changes the build id" [ -n "$_id3" -a "$_id3" != "$_id1" ]
make -s -C "$tmp/bid" -n build/rel/stamp.o >"$tmp/bid.n" 2>&1
make -s -C "$tmp/bid" -p -q build/rel/stamp.o >"$tmp/bid.p" 2>&1
check "stamp.o is built with the build id" grep -q "GEN_BUILD_ID=.*$_id3" "$tmp/bid.n"
check "stamp.o is rebuilt when the build id changes" \
    grep -q '^build/rel/stamp.o: .*build/build-id' "$tmp/bid.p"

# The index covers the whole output folder, earlier runs too.
rm -rf "$tmp/site"
"$gen" -q -f html -o "$tmp/site" input/ahrweiler-2017 2>/dev/null
"$gen" -q -f html,pdf -o "$tmp/site" input/me-aktiv-2017 input/lahn-dill-2019 2>/dev/null
for name in ahrweiler-2017 me-aktiv-2017 lahn-dill-2019; do
	check "the index lists $name" grep -q "href=\"$name.html\"" "$tmp/site/index.html"
done
check "the index links only files that exist" sh -c "
	grep -o 'href=\"[^\"]*\"' '$tmp/site/index.html' | sed 's/href=\"//; s/\"$//' |
	    while read -r f; do [ -f '$tmp/site/'\"\$f\" ] || exit 1; done"
# A folder name with a blank, an umlaut and '#' still links its files.
rm -rf "$tmp/odd" "$tmp/odd-out" && mkdir -p "$tmp/odd"
cp -r input/ahrweiler-2017 "$tmp/odd/Köln 2017#1"
cp -r input/me-aktiv-2017 "$tmp/odd/"
"$gen" -q -f html -o "$tmp/odd-out" "$tmp"/odd/*/ 2>/dev/null
check "the index escapes '#' in a file name" \
    grep -q 'href="K%C3%B6ln%202017%231.html"' "$tmp/odd-out/index.html"
rm -rf "$tmp/odd" "$tmp/odd-out"
rm -rf "$tmp/b" "$tmp/b-one" "$tmp/b-ok" "$tmp/inc" "$tmp/inc-in" "$tmp/inc-tpl" \
    "$tmp/site"
