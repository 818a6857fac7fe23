#!/bin/sh
# The speed benchmark (not a test): wall time and peak memory of
# gen -f pdf for each example and for a plan with a 2,000-row table.
# Usage: sh tests/bench.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
runs=${1:-10}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh tests/long-table.sh "$tmp/langtabelle-2000" 2000
for plan in input/ahrweiler-2017 input/me-aktiv-2017 input/lahn-dill-2019 \
    "$tmp/langtabelle-2000"; do
	start=$(date +%s%N)
	i=0
	while [ $i -lt "$runs" ]; do
		build/gen -q -f pdf -o "$tmp/out" "$plan"
		i=$((i + 1))
	done
	end=$(date +%s%N)
	rss=$( { /usr/bin/time -f '%M' build/gen -q -f pdf -o "$tmp/out" "$plan"; } 2>&1 | tail -n 1)
	pages=$(pdfinfo "$tmp/out/$(basename "$plan").pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	printf '%-24s %6.1f ms  %6d KB peak  %4s pages\n' "$(basename "$plan")" \
	    "$(echo "($end - $start) / $runs / 1000000" | bc -l)" "$rss" "$pages"
done
