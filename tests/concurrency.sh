# Races: symbolic links swapped while gen reads, and runs into one
# output folder at the same time.  Sourced by run.sh for the release
# build with $gen, $tmp, check and status.

case $gen in /*) cgen=$gen ;; *) cgen=$(pwd)/$gen ;; esac
rc=$tmp/race
rm -rf "$rc" && mkdir -p "$rc/h" "$rc/tpl"
printf '<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/><title>T</title><data><table name="t" kind="instruments" src="t.csv"/></data><body><section title="S"><insert table="t"/></section></body></plan>\n' \
    >"$rc/h/plan.xml"
printf 'instrument;eintritte\nInnen;1\n' >"$rc/h/in.csv"
printf 'instrument;eintritte\nDRAUSSEN;7\n' >"$rc/out.csv"
cp templates/amip/template.xml "$rc/tpl/"
printf '/* innen */ body { margin: 0 }\n' >"$rc/tpl/in.css"
printf '/* DRAUSSEN */ body { margin: 0 }\n' >"$rc/out.css"

# flip DIR NAME INSIDE OUTSIDE: swaps the link DIR/NAME between a file in
# DIR and one outside it, as fast as rename goes, until killed.
flip() {
	perl -e 'my ($d, $n, $in, $out) = @ARGV; chdir $d or die;
		for (;;) { for my $t ($in, $out) {
			symlink($t, ".flip") or die; rename(".flip", $n) or die; } }' "$@" &
	flipper=$!
}
# race NAME: renders $rc/h 200 times; no page may show the outside file.
race() {
	_leaks=0
	for _i in $(seq 200); do
		rm -rf "$rc/o"
		"$cgen" -q -f html -t "$rc/tpl" -o "$rc/o" "$rc/h" 2>/dev/null
		grep -qs DRAUSSEN "$rc/o/h.html" && _leaks=$((_leaks + 1))
	done
	kill "$flipper"
	wait "$flipper" 2>/dev/null
	check "race: $1: the outside file in $_leaks of 200 pages" [ "$_leaks" = 0 ]
}
cp "$rc/tpl/in.css" "$rc/tpl/style.css"
flip "$rc/h" t.csv in.csv ../out.csv
race "a CSV src swapped to a file outside"
ln -sf in.csv "$rc/h/t.csv"
flip "$rc/tpl" style.css in.css ../out.css
race "style.css swapped to a file outside"
ln -sf in.css "$rc/tpl/style.css"

# A plan.xml or template.xml that is a link out is refused like a src.
cp -r "$rc/h" "$rc/h2" && mv "$rc/h2/plan.xml" "$rc/plan.xml"
ln -s ../plan.xml "$rc/h2/plan.xml"
_st=$(status "$cgen" -f html -o "$rc/o" "$rc/h2")
check "race: plan.xml a link out is exit 1, got $_st" [ "$_st" = 1 ]
check "race: plan.xml a link out: its message" grep -qx \
    "$rc/h2/plan.xml: error: cannot open: a symbolic link leads out of its folder" \
    "$tmp/cli.err"
mv "$rc/plan.xml" "$rc/h2/in.xml" && ln -sf in.xml "$rc/h2/plan.xml"
_st=$(status "$cgen" -f html -o "$rc/o" "$rc/h2")
check "race: plan.xml a link inside is read, got $_st" [ "$_st" = 0 ]
mv "$rc/tpl/template.xml" "$rc/template.xml"
ln -s ../template.xml "$rc/tpl/template.xml"
_st=$(status "$cgen" -f html -t "$rc/tpl" -o "$rc/o" "$rc/h")
check "race: template.xml a link out is exit 1, got $_st" [ "$_st" = 1 ]
check "race: template.xml a link out: its message" grep -qx \
    "$rc/tpl/template.xml: error: cannot open: a symbolic link leads out of its folder" \
    "$tmp/cli.err"
rm -rf "$rc"
