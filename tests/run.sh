#!/bin/sh
# The test suite of gen.  Usage: tests/run.sh [--update] GEN:UNIT...
# Runs every check once per build (release, sanitizers) and ends with the
# line "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2

update=no
if [ "${1:-}" = "--update" ]; then
	update=yes
	shift
fi
passed=0
failed=0
skipped=0
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); printf 'FAIL %s: %s\n' "$build" "$*"; }
skip() { skipped=$((skipped + 1)); printf 'SKIP %s: %s\n' "$build" "$*"; }
# check NAME CONDITION...: one test.
check() {
	_what=$1
	shift
	if "$@"; then pass; else fail "$_what"; fi
}

# --- unit tests: the binary prints "ok NAME" or "FAIL NAME: why" ---
run_unit() {
	"$unit" >"$tmp/unit.out" 2>&1
	st=$?
	n_ok=$(grep -c '^ok ' "$tmp/unit.out")
	passed=$((passed + n_ok))
	grep '^FAIL ' "$tmp/unit.out" | while IFS= read -r line; do
		printf 'FAIL %s: unit: %s\n' "$build" "${line#FAIL }"
	done
	n_fail=$(grep -c '^FAIL ' "$tmp/unit.out")
	failed=$((failed + n_fail))
	if [ "$st" -ne 0 ] && [ "$n_fail" -eq 0 ]; then
		fail "unit tests exited with status $st"
		tail -n 5 "$tmp/unit.out"
	fi
}

# --- every figure a seed document prints, read back from the export ---
run_figures() {
	for tsv in tests/figures/*.tsv; do
		name=$(basename "$tsv" .tsv)
		[ -d "input/$name" ] || continue
		rm -rf "$tmp/fig"
		if ! "$gen" -q -f csv -o "$tmp/fig" "input/$name" 2>"$tmp/err"; then
			fail "figures $name: gen failed: $(head -n 3 "$tmp/err")"
			continue
		fi
		# Joins the expected (key, wert) with the export by key.
		out=$(awk -F'\t' -v csv="$tmp/fig/$name.kennzahlen.csv" '
			BEGIN { FS = "\t"
				while ((getline line < csv) > 0) {
					split(line, f, ";")
					wert[f[1]] = f[2]; have[f[1]] = 1
				}
			}
			/^#/ || NF < 2 { next }
			!($1 in have) { print "FAIL " $1 ": no such key"; next }
			wert[$1] != $2 { print "FAIL " $1 ": expected " $2 ", got " wert[$1]; next }
			{ print "ok" }' "$tsv")
		n_ok=$(printf '%s\n' "$out" | grep -c '^ok$')
		passed=$((passed + n_ok))
		printf '%s\n' "$out" | grep '^FAIL' | while IFS= read -r line; do
			printf 'FAIL %s: figures %s: %s\n' "$build" "$name" "${line#FAIL }"
		done
		failed=$((failed + $(printf '%s\n' "$out" | grep -c '^FAIL')))
	done
}

# --- display texts: KEY<TAB>ANZEIGE as the reports print them ---
run_display() {
	while IFS='	' read -r plan key want; do
		case $plan in '#'*|'') continue ;; esac
		got=$(awk -F';' -v k="$key" '$1 == k { print $4 }' \
		    "$tmp/disp/$plan.kennzahlen.csv")
		# The export leads a text a spreadsheet would run as a
		# formula (+1,0 %-Pkt.) with an apostrophe.
		got=${got#\'}
		check "display $key: want '$want', got '$got'" [ "$got" = "$want" ]
	done < tests/display.tsv
}

# --- one case per error class: exact messages, status, nothing written ---
run_errors() {
	for dir in tests/errors/*/; do
		dir=${dir%/}
		name=$(basename "$dir")
		if [ ! -f "$dir/expect" ]; then
			fail "errors/$name: no expect file"
			continue
		fi
		rm -rf "$tmp/err-out"
		timeout 60 "$gen" -f csv -o "$tmp/err-out" $(sed -n 's/^# args: //p' "$dir/expect") \
		    "$dir" >"$tmp/stdout" 2>"$tmp/stderr"
		st=$?
		want_st=$(grep -v '^#' "$dir/expect" | head -n 1)
		grep -v '^#' "$dir/expect" | tail -n +2 >"$tmp/want"
		if [ "$st" != "$want_st" ]; then
			fail "errors/$name: status $st, expected $want_st"
			head -n 5 "$tmp/stderr"
		elif ! cmp -s "$tmp/want" "$tmp/stderr"; then
			fail "errors/$name: messages differ"
			diff "$tmp/want" "$tmp/stderr" | head -n 10
		elif [ "$st" = 1 ] && [ -n "$(ls -A "$tmp/err-out" 2>/dev/null)" ]; then
			fail "errors/$name: output written for a refused plan"
		else
			pass
		fi
	done
}

# --- golden files: exports, pages and tree dumps, byte for byte ---
run_golden() {
	for dir in input/*/; do
		name=$(basename "$dir")
		"$gen" --dump-tree "$dir" >"$tmp/disp/$name.tree" 2>/dev/null
		for f in "$name.kennzahlen.csv" "$name.html" "$name.tree"; do
			if [ "$update" = yes ]; then
				mkdir -p tests/golden
				cp "$tmp/disp/$f" "tests/golden/$f"
				continue
			fi
			check "golden $f differs (make update-golden)" \
			    cmp -s "tests/golden/$f" "$tmp/disp/$f"
		done
	done
}

# --- the pages: Nu HTML Checker, axe-core, phone and desktop widths,
# figures read back; with the release build only (they test the HTML) ---
run_web() {
	vnu=tests/web/node_modules/vnu-jar/build/dist/vnu.jar
	"$gen" -q -f html -t tests/template-logo -o "$tmp/logo-web" \
	    input/ahrweiler-2017 2>/dev/null
	for page in "$tmp"/disp/*.html "$tmp/logo-web/ahrweiler-2017.html"; do
		check "Nu HTML Checker accepts $(basename "$page"): $(java -jar "$vnu" \
		    --errors-only "$page" 2>&1 | head -n 3)" \
		    java -jar "$vnu" --errors-only "$page"
	done
	mkdir -p output/screenshots
	node tests/web/check.mjs "$(pwd)/output/screenshots" "$tmp"/disp/*.html \
	    >"$tmp/web.out" 2>&1
	passed=$((passed + $(grep -c '^ok ' "$tmp/web.out")))
	failed=$((failed + $(grep -c '^FAIL ' "$tmp/web.out")))
	grep -v '^ok ' "$tmp/web.out" | sed "s/^/$build: /"
}

# --- the fuzz corpus and every crash found, replayed under the
# sanitizers (build/replay-TARGET, made by `make test`) ---
run_replay() {
	for t in csv number planxml pipeline plans; do
		replay=build/replay-$t
		[ -x "$replay" ] || { fail "$replay is not built"; continue; }
		dirs=tests/fuzz/corpus/$t
		[ -d "tests/fuzz/crashes/$t" ] && dirs="$dirs tests/fuzz/crashes/$t"
		# shellcheck disable=SC2086
		if "$replay" $dirs >"$tmp/replay.out" 2>"$tmp/replay.err"; then
			pass
		else
			fail "$(cat "$tmp/replay.out")"
			grep -A 12 'ERROR\|runtime error' "$tmp/replay.err" | head -n 20
		fi
	done
}

# --- generated plans (tests/fuzz/plans.sh): 50 fixed seeds end to end
# through the release build (the sanitizers see the plans of the fuzz
# corpus in run_replay) ---
run_plans() {
	if [ ! -x build/plangen ] || [ ! -x build/plancheck ]; then
		fail "build/plangen and build/plancheck are not built"
		return
	fi
	# Same seed, same plan.
	build/plangen 7 "$tmp/pg-a" "$tmp/pg-at" >/dev/null &&
	    build/plangen 7 "$tmp/pg-b" "$tmp/pg-bt" >/dev/null
	check "plangen: seed 7 twice gives two plans" \
	    diff -r "$tmp/pg-a" "$tmp/pg-b"
	rm -rf "$tmp"/pg-*
	if sh tests/fuzz/plans.sh -g "$gen" -k "$tmp/plans-fail" 1 50 \
	    >"$tmp/plans.out" 2>&1; then
		pass
	else
		fail "$(tail -n 1 "$tmp/plans.out")"
		grep '^FAIL' "$tmp/plans.out" | head -n 10
	fi
	run_findings
}

# --- the fixed findings of the plan fuzzer: each folder with a file
# `status` ends with it, and a rendered one passes build/plancheck and
# tests/layout-check.py --plan ---
run_findings() {
	for dir in tests/fuzz/findings/*/; do
		[ -f "$dir/status" ] || continue
		name=$(basename "$dir")
		tpl=
		[ -d "$dir/tpl" ] && tpl="-t $dir/tpl"
		rm -rf "$tmp/fnd"
		# shellcheck disable=SC2086
		timeout 60 "$gen" -q -f html,pdf,csv $tpl -o "$tmp/fnd" \
		    "$dir/plan" 2>"$tmp/fnd.err"
		st=$?
		check "finding $name: status $st, want $(cat "$dir/status")" \
		    [ "$st" = "$(cat "$dir/status")" ]
		[ "$st" = 0 ] || continue
		pdftotext "$tmp/fnd/plan.pdf" "$tmp/fnd/plan.txt" 2>/dev/null
		msg=$(build/plancheck "$tmp/fnd/plan.html" \
		    "$tmp/fnd/plan.kennzahlen.csv" "$tmp/fnd/plan.txt" |
		    grep -v '^ok ' | head -n 1)
		check "finding $name: $msg" [ -z "$msg" ]
		# What plans.sh checks of footnotes and refs, too.
		msg=$(python3 tests/layout-check.py --plan "$tmp/fnd/plan.html" \
		    "$tmp/fnd/plan.pdf" | grep -v '^ok$' | head -n 1)
		check "finding $name: $msg" [ -z "$msg" ]
	done
}

for pair in "$@"; do
	gen=${pair%%:*}
	unit=${pair#*:}
	build=$(basename "$gen")
	rm -rf "$tmp/disp"
	"$gen" -q -f html,pdf,csv -o "$tmp/disp" input/*/ 2>"$tmp/disp.err" ||
	    { fail "examples do not render: $(head -n 3 "$tmp/disp.err")"; }
	if [ "$update" = yes ]; then
		run_golden
		. tests/pdf.sh
		continue
	fi
	run_unit
	run_figures
	run_display
	run_errors
	run_golden
	if [ "$pair" = "$1" ]; then
		run_plans
		run_web
		if sh tests/valgrind.sh >"$tmp/vg.out" 2>&1; then
			pass
		else
			fail "valgrind: $(head -n 20 "$tmp/vg.out")"
		fi
	fi
	. tests/pdf.sh
	. tests/pdfa.sh
	. tests/scripts.sh
	. tests/cycle.sh
	. tests/modules.sh
	. tests/cli.sh
	. tests/manual.sh
	. tests/hostile.sh
	. tests/layout.sh
	. tests/template.sh
	. tests/text.sh
	. tests/lenient.sh
	. tests/meta.sh
	. tests/inserts.sh
	[ "$pair" = "$1" ] && . tests/stress.sh	# release build: big inputs
	. tests/output.sh
	. tests/batch.sh
	. tests/xlsx.sh
	. tests/darunter.sh
	if [ "$pair" = "$1" ]; then
		. tests/concurrency.sh
		. tests/signals.sh
	fi
done
[ "$update" = yes ] || { build=replay; run_replay; }
[ "$update" = yes ] && echo "golden files updated"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
