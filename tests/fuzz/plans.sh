#!/bin/sh
# Renders generated plans end to end through the real binary and checks
# what a rendered plan must satisfy.  Usage:
#	tests/fuzz/plans.sh [-g GEN] [-k DIR] [-T SECONDS] [-D SECONDS]
#	    [-b BIN] FIRST LAST
# Seeds FIRST..LAST, each one plan of build/plangen (same seed, same
# plan), rendered by GEN (default build/gen-san) to HTML, PDF and export.
# Properties: no crash, hang (-T, default 60 s) or sanitizer report;
# exit 0 or 1; with 1 a "file[:line]: error:" message and nothing
# written, and never for a plan the generator made without an evil
# choice; a plan whose only evil choices are failing <check>s is refused
# with an error naming the check's label, or renders with a warning that
# names it when plangen asks for --lenient; with 0 every figure of the page equals the export and shows
# its anzeige, which is also in the PDF's text (build/plancheck), no
# link of the page has another scheme than http(s), mailto or #, the
# page has an <img> for each <figure>, each footnote stands on the page
# of its mark and each "auf Seite N" of a <ref> names the page of its
# target (tests/layout-check.py --plan); --check
# exits as the render does; every fifth plan rendered again is the same.
# -D stops after that many seconds (a long run); -b names the folder of
# plangen and plancheck (default build; a copy keeps a long run
# reproducible while build/ changes).
# A failure that tests/fuzz/findings/known (grep -E patterns, one a
# line) matches is a known finding: counted, but not a failure.
# A failing plan is kept in DIR (default build/plans-fail)/SEED with its
# messages.  Prints one line per failure and a summary; exits 1 on any.
set -u
cd "$(dirname "$0")/../.." || exit 2
gen=build/gen-san
keep=build/plans-fail
limit=60
duration=0
bin=build
while getopts g:k:T:D:b: o; do
	case $o in
	D) duration=$OPTARG ;;
	b) bin=$OPTARG ;;
	g) gen=$OPTARG ;;
	k) keep=$OPTARG ;;
	T) limit=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: plans.sh [-g GEN] [-k DIR] [-T S] [-D S] [-b BIN] FIRST LAST" >&2; exit 2; }
for b in "$gen" "$bin/plangen" "$bin/plancheck"; do
	[ -x "$b" ] || { echo "plans.sh: $b is not built" >&2; exit 2; }
done
case $gen in /*) ;; *) gen=$(pwd)/$gen ;; esac
ASAN_OPTIONS="exitcode=86:detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="print_stacktrace=1:exitcode=86${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
# S_lines STDERR: each "FILE:LINE: error:" names a line FILE has
# (lines end in \n, \r\n or \r); prints the first message that does not.
S_lines() {
	grep -E '^[^ ]+:[0-9]+: (error|warning): ' "$1" |
	while IFS= read -r msg; do
		file=${msg%%:*}
		rest=${msg#*:}
		line=${rest%%:*}
		[ -f "$file" ] || { printf '%s\n' "$msg"; return 1; }
		max=$(tr '\r' '\n' <"$file" | sed 's/x//' | wc -l)
		have=$(wc -l <"$file")
		[ "$have" -gt "$max" ] && max=$have
		if [ "$line" -lt 1 ] || [ "$line" -gt $((max + 1)) ]; then
			printf '%s (the file has %s lines)\n' "$msg" "$max"
			return 1
		fi
	done
}

# S_check_named SEVERITY STDERR: a message of that severity names a
# generated check's label (plangen labels them "Prüfung N").
S_check_named() {
	grep -q "^[^ ]*:[0-9]*: $1: check 'Prüfung [0-9]" "$2"
}

# S_pictures PLAN HTML: the page has an <img> for each <figure> of the
# plan (and one for the template's logo); prints what differs.
S_pictures() {
	figs=$(grep -o '<figure[ />]' "$1" | wc -l)
	imgs=$(grep -o '<img ' "$2" | wc -l)
	logo=$(grep -o 'class="logo"' "$2" | wc -l)
	if [ "$((imgs - logo))" -ne "$figs" ]; then
		echo "the plan has $figs <figure>s, the page $((imgs - logo)) <img>s"
		return 1
	fi
}

n=0 ok=0 refused=0 bad=0 known=0 maxrss=0 maxseed=
grep -v '^#' tests/fuzz/findings/known >"$w/known"
first=$1
seed=$1
last=$2
start=$(date +%s)
while [ "$seed" -le "$last" ]; do
	if [ "$duration" -gt 0 ] && [ $(($(date +%s) - start)) -ge "$duration" ]; then
		break
	fi
	rm -rf "$w/p" && mkdir -p "$w/p"
	set -- -f html,pdf,csv
	name=plan-$seed
	made=$("$bin/plangen" "$seed" "$w/p/$name" "$w/p/tpl")
	case $made in *template*) set -- "$@" -t "$w/p/tpl" ;; esac
	case $made in *lenient*) set -- "$@" --lenient ;; esac
	/usr/bin/time -f '%e %M' -o "$w/p/time" timeout -k 5 "$limit" \
	    "$gen" -o "$w/p/out" "$@" "$w/p/$name" >"$w/p/stdout" 2>"$w/p/stderr"
	st=$?
	rss=$(awk 'END { print $2 + 0 }' "$w/p/time")
	[ "$rss" -gt "$maxrss" ] && maxrss=$rss maxseed=$seed
	why=
	margin=
	[ -f "$w/p/tpl/template.xml" ] &&
	    margin=$(grep -o ' margin="[^"]*"' "$w/p/tpl/template.xml")
	if [ "$st" -eq 124 ] || [ "$st" -eq 137 ]; then
		why="no end within $limit s$margin"
	elif grep -q 'Sanitizer\|runtime error:' "$w/p/stderr"; then
		why="sanitizer: $(grep -m 1 'ERROR:\|runtime error:' "$w/p/stderr")"
	elif [ "$st" -eq 1 ]; then
		refused=$((refused + 1))
		if ! grep -q '^[^ ]*: error: ' "$w/p/stderr"; then
			why="status 1 without a file:line: error: message"
		elif ! bad_line=$(S_lines "$w/p/stderr"); then
			why="a message names a line its file does not have: $bad_line"
		elif [ -n "$(ls -A "$w/p/out" 2>/dev/null)" ]; then
			why="status 1, but written: $(ls "$w/p/out" | head -n 3 | tr '\n' ' ')"
		else
			case $made in *clean*)
				why="a valid plan is refused: $(head -n 1 "$w/p/stderr")" ;;
			esac
		fi
		# A plan refused only for failing checks names one; with
		# --lenient it renders.
		case $made in *checkfails*)
			case $made in *lenient*)
				why="--lenient, but failing checks refuse it: $(head -n 1 "$w/p/stderr")" ;;
			*)
				S_check_named error "$w/p/stderr" ||
				    why="refused for a failing check, but no message names it: $(head -n 1 "$w/p/stderr")" ;;
			esac
		esac
	elif [ "$st" -ne 0 ]; then
		why="status $st: $(head -n 1 "$w/p/stderr")$margin"
	else
		ok=$((ok + 1))
		o=$w/p/out/$name
		case $made in *checkfails*)
			case $made in *lenient*)
				S_check_named warning "$w/p/stderr" ||
				    why="--lenient: no warning names the failing check" ;;
			*)	why="a plan with a failing check renders" ;;
			esac
		esac
		if [ -n "$why" ]; then
			:
		elif [ ! -s "$o.html" ] || [ ! -s "$o.pdf" ] || [ ! -s "$o.kennzahlen.csv" ]; then
			why="status 0, but an output is missing"
		elif ! timeout 60 pdftotext -enc UTF-8 "$o.pdf" "$w/p/pdf.txt" 2>"$w/p/pdf.err"; then
			why="pdftotext fails: $(head -n 1 "$w/p/pdf.err")"
		elif ! "$bin/plancheck" "$o.html" "$o.kennzahlen.csv" "$w/p/pdf.txt" \
		    >"$w/p/check" 2>&1; then
			# The first failure that is not a known finding.
			why=$(grep -v -E -f "$w/known" "$w/p/check" | head -n 1)
			[ -z "$why" ] && why="known: $(head -n 1 "$w/p/check")"
		elif ! why=$(S_pictures "$w/p/$name/plan.xml" "$o.html"); then
			:
		elif { grep -q 'id="fussnote\.' "$o.html" ||
		    grep -q 'auf Seite' "$w/p/pdf.txt"; } &&
		    ! timeout 60 python3 tests/layout-check.py --plan "$o.html" \
		    "$o.pdf" >"$w/p/check" 2>&1; then
			why="layout-check: $(head -n 1 "$w/p/check")"
		fi
	fi
	# --check answers as the render did; every fifth plan is rendered
	# again, and must come out the same byte for byte.
	if [ -z "$why" ] && [ "$st" -le 1 ]; then
		timeout -k 5 "$limit" "$gen" --check "$@" "$w/p/$name" \
		    >/dev/null 2>"$w/p/check.err"
		cst=$?
		[ "$cst" -ne "$st" ] && why="--check exits $cst, the render $st"
	fi
	if [ -z "$why" ] && [ "$st" -eq 0 ] && [ $((seed % 5)) -eq 0 ]; then
		timeout -k 5 "$limit" "$gen" -o "$w/p/again" "$@" "$w/p/$name" \
		    >/dev/null 2>&1
		for f in html pdf kennzahlen.csv; do
			cmp -s "$w/p/out/$name.$f" "$w/p/again/$name.$f" ||
			    why="rendered twice, $name.$f differs"
		done
	fi
	if [ "$rss" -gt 2000000 ] && [ -z "$why" ]; then
		why="peak memory $((rss / 1024)) MB"
	fi
	case $why in
	known:*) ;;
	*) printf '%s\n' "$why" | grep -q -E -f "$w/known" && why="known: $why" ;;
	esac
	case $why in
	known:*) known=$((known + 1)); why= ;;
	?*) bad=$((bad + 1)); echo "FAIL plan $seed: $why" ;;
	esac
	if [ -n "$why" ]; then
		rm -rf "${keep:?}/$seed" && mkdir -p "$keep/$seed"
		cp -r "$w/p/$name" "$keep/$seed/$name"
		case $made in *template*) cp -r "$w/p/tpl" "$keep/$seed/tpl" ;; esac
		cp "$w/p/stderr" "$keep/$seed/stderr"
		[ -f "$w/p/check" ] && cp "$w/p/check" "$keep/$seed/check"
		printf '%s\n' "$why" >"$keep/$seed/why"
	fi
	rm -f "$w/p/check"
	n=$((n + 1))
	seed=$((seed + 1))
done
echo "plans: seeds $first..$((seed - 1)): $n rendered in $(($(date +%s) - start)) s, $ok with status 0, $refused with 1, $bad failed, $known known findings; peak memory $((maxrss / 1024)) MB (seed $maxseed)"
[ "$bad" -eq 0 ]
