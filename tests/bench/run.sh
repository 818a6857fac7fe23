#!/bin/sh
# make bench: renders 400 generated plans to HTML + PDF + CSV with -j 2,
# then again unchanged; times the bundled examples one process each; and
# a growth series of instrument tables of 100, 1.000 and 10.000 rows.
# Writes docs/benchmarks.md.  Usage: tests/bench/run.sh [N]
set -eu
cd "$(dirname "$0")/../.."
n=${1:-400}
gen=build/gen
work=build/bench
out=docs/benchmarks.md
rm -rf "$work" && mkdir -p "$work"

# median and maximum of the numbers on stdin
stats() { sort -n | awk '{ v[NR] = $1 } END {
	printf "%s %s\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }
# wall seconds of a command, to the millisecond
wall() {
	t0=$(date +%s%N)
	"$@"
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

echo "bench: $n plans" >&2
awk -v n="$n" -v rows=0 -v out="$work/plans" -f tests/bench/make-plans.awk
ms_all=$(wall $gen -v -j 2 -f html,pdf,csv -o "$work/out" "$work"/plans/*/ 2>"$work/all.log")
grep -c ': written in' "$work/all.log" | grep -qx "$n" ||
    { echo "bench: not every plan was written" >&2; tail "$work/all.log" >&2; exit 1; }
set -- $(sed -n 's/.*: written in \([0-9]*\) ms.*/\1/p' "$work/all.log" | stats)
plan_med=$1 plan_max=$2
set -- $(sed -n 's/.*, peak \([0-9]*\) kB/\1/p' "$work/all.log" | stats)
mem_med=$1 mem_max=$2
ms_again=$(wall $gen -v -j 2 -f html,pdf,csv -o "$work/out" "$work"/plans/*/ 2>"$work/again.log")
grep -q ": 0 written, $n unchanged" "$work/again.log" ||
    { echo "bench: the second run rendered again" >&2; exit 1; }
size() { du -cb "$work"/out/*"$1" | tail -n 1 | cut -f 1; }
kb() { echo $(( $1 / $n / 1024 )); }
html=$(size .html) pdf=$(size .pdf) csv=$(size .kennzahlen.csv)

# One example, one process, all three outputs: 21 runs each, the median;
# into an empty folder, and over the outputs of the run before.
examples=""
for plan in input/ahrweiler-2017 input/me-aktiv-2017 input/lahn-dill-2019; do
	for i in $(seq 21); do
		rm -rf "$work/one"
		wall $gen -q -f html,pdf,csv -o "$work/one" "$plan"
	done >"$work/one.ms"
	set -- $(stats <"$work/one.ms")
	fresh="$1 ms | $2 ms"
	for i in $(seq 21); do
		wall $gen -q --force -f html,pdf,csv -o "$work/one" "$plan"
	done >"$work/one.ms"
	set -- $(stats <"$work/one.ms")
	peak=$(/usr/bin/time -f %M $gen -q --force -f html,pdf,csv -o "$work/one" "$plan" 2>&1 >/dev/null)
	examples="$examples| $(basename "$plan") | $fresh | $1 ms | $((peak / 1024)) MB |
"
done

# Growth: one plan with instrument tables of 100, 1.000 and 10.000 rows.
growth=""
for rows in 100 1000 10000; do
	awk -v n=1 -v rows="$rows" -v out="$work/rows-$rows" -f tests/bench/make-plans.awk
	rm -rf "$work/one"
	for i in 1 2 3; do
		wall $gen -q --force -f html,pdf,csv -o "$work/one" "$work/rows-$rows"/*/
	done >"$work/rows.ms"
	set -- $(stats <"$work/rows.ms")
	peak=$(/usr/bin/time -f %M $gen -q --force -f html,pdf,csv -o "$work/one" \
	    "$work/rows-$rows"/*/ 2>&1 >/dev/null)
	pages=$(pdfinfo "$work"/one/*.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
	growth="$growth| $rows | $1 ms | $((peak / 1024)) MB | $pages |
"
	eval "ms_$rows=$1 kb_$rows=$peak"
done

cpu=$(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
# What stands below the line "<!-- by hand -->" (measures made by hand,
# side by side) is kept.
kept=$(sed -n '/^<!-- by hand -->$/,$p' "$out" 2>/dev/null || true)
cat >"$out" <<MD
# Benchmarks

Measured by \`make bench\` (tests/bench/run.sh) on $(date -u +%Y-%m-%d), gen
$($gen --version | cut -d' ' -f2) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'):
$(nproc) cores ($cpu), $mem, $(. /etc/os-release && echo "$PRETTY_NAME").
Times are wall clock.

## $n plans

$n generated plan folders (tests/bench/make-plans.awk: a budget, an
instrument mix of 24 to 40 rows, a distribution with a chart, targets, a
series, eight chapters of text; 14 to 28 pages), rendered to HTML, PDF and
CSV with \`gen -j 2\`:

| | |
|---|---|
| all $n plans | $ms_all ms |
| per plan, median / maximum | $plan_med ms / $plan_max ms |
| peak memory per worker, median / maximum | $((mem_med / 1024)) MB / $((mem_max / 1024)) MB |
| again, all unchanged (skipped by their stamps) | $ms_again ms |
| output per plan: HTML / PDF / CSV | $(kb $html) kB / $(kb $pdf) kB / $(kb $csv) kB |

## One example, one process

\`gen -f html,pdf,csv\` on one bundled example, a new process each time
(21 runs): into an empty folder, and over the outputs of the run before,
where ext4 writes the new files out before it lets them replace the old
ones (auto_da_alloc, triggered by the rename of every output):

| plan | median | maximum | median, replacing | peak memory |
|---|---|---|---|---|
$examples
## Growth with the size of a table

One generated plan whose instrument table has 100, 1.000 and 10.000 rows
(the median of three runs, HTML + PDF + CSV):

| rows | time | peak memory | pages |
|---|---|---|---|
$growth
From 1.000 to 10.000 rows the time grows $(awk -v a="$ms_1000" -v b="$ms_10000" 'BEGIN { printf "%.1f", b / a }')-fold and the
memory $(awk -v a="$kb_1000" -v b="$kb_10000" 'BEGIN { printf "%.1f", b / a }')-fold.
MD
[ -z "$kept" ] || printf '\n%s\n' "$kept" >>"$out"
cat "$out"
