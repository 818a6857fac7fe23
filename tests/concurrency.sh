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

# Two runs into one output folder at once, 50 rounds: run A renders
# plans p1-p12 and a, run B the same names with other content, and b,
# with other options.  Each plan's page, export and stamp must come from
# one run (byte for byte as that run alone writes them), and the index
# must list every plan.
cdir=$tmp/conc
shared=$(seq -f p%g 12)
rm -rf "$cdir" && mkdir -p "$cdir"
for run in A B; do
	for p in $shared "$(echo $run | tr AB ab)"; do
		mkdir -p "$cdir/$run/$p"
		printf '<plan report="amip" year="2017"><jobcenter name="J %s" kind="gE"/><title>Lauf %s</title><data><table name="t" kind="instruments" src="t.csv"/></data><body><section title="S"><insert table="t"/></section></body></plan>\n' \
		    "$p" "$run" >"$cdir/$run/$p/plan.xml"
		printf 'instrument;eintritte\nLauf %s;%s\n' "$run" \
		    "$([ $run = A ] && echo 11 || echo 22)" >"$cdir/$run/$p/t.csv"
	done
done
runA() { "$cgen" -q -j 2 -f html,csv -o "$1" "$cdir"/A/*/ 2>>"$cdir/errA"; }
runB() { "$cgen" -q -j 3 --force -f html,csv -o "$1" "$cdir"/B/*/ 2>>"$cdir/errB"; }
runA "$cdir/refA" && runB "$cdir/refB"
_mixed=0 _lost=0
for _round in $(seq 50); do
	rm -rf "$cdir/o"
	runA "$cdir/o" & _a=$!
	runB "$cdir/o" & _b=$!
	wait "$_a" "$_b"
	for p in $shared; do
		_from=
		for run in A B; do
			cmp -s "$cdir/o/$p.html" "$cdir/ref$run/$p.html" &&
			cmp -s "$cdir/o/$p.kennzahlen.csv" "$cdir/ref$run/$p.kennzahlen.csv" &&
			cmp -s "$cdir/o/$p.stamp" "$cdir/ref$run/$p.stamp" && _from=$run
		done
		[ -n "$_from" ] || _mixed=$((_mixed + 1))
	done
	for p in $shared a b; do
		grep -q "href=\"$p.html\"" "$cdir/o/index.html" || _lost=$((_lost + 1))
	done
done
# A run waits while another holds the folder.
rm -rf "$cdir/w" && mkdir -p "$cdir/w"
flock "$cdir/w" sleep 1.5 & _holder=$!
sleep 0.3
"$cgen" -f html,csv -o "$cdir/w" "$cdir/A/a" 2>"$cdir/w-err" & _waiter=$!
sleep 0.6
check "concurrent runs: the second waits for the first" \
    [ ! -e "$cdir/w/a.html" ]
wait "$_holder" "$_waiter"
check "concurrent runs: then it writes" [ -s "$cdir/w/a.html" ]
check "concurrent runs: and says it waited" grep -qx \
    "gen: $cdir/w: waiting for another run into this folder" "$cdir/w-err"
check "concurrent runs: both succeed ($(head -n 2 "$cdir/errA" "$cdir/errB"))" \
    [ ! -s "$cdir/errA" -a ! -s "$cdir/errB" ]
check "concurrent runs: $_mixed plans with outputs of two runs" [ "$_mixed" = 0 ]
check "concurrent runs: $_lost plans missing from the index" [ "$_lost" = 0 ]
rm -rf "$cdir"
