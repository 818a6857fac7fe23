#!/bin/sh
# Runs each fuzz target for a while (`make fuzz`).
# Usage: tests/fuzz/run.sh SECONDS TARGET...
# New inputs go to build/fuzz-corpus/TARGET; crashes to
# tests/fuzz/crashes/TARGET/, which `make test` replays.
set -u
cd "$(dirname "$0")/../.." || exit 2
time=$1
shift
status=0
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS
for t in "$@"; do
	mkdir -p "build/fuzz-corpus/$t" "tests/fuzz/crashes/$t"
	case $t in
	pipeline) opts="-max_len=131072 -close_fd_mask=2 -timeout=30" ;;
	plans) opts="-max_len=16384 -close_fd_mask=2 -timeout=30" ;;
	planxml) opts="-max_len=65536 -close_fd_mask=2 -timeout=10" ;;
	*) opts="-max_len=8192 -timeout=10" ;;
	esac
	echo "fuzz $t: $time s"
	# shellcheck disable=SC2086
	"build/fuzz-$t" -max_total_time="$time" -rss_limit_mb=4096 $opts \
	    -artifact_prefix="tests/fuzz/crashes/$t/" -print_final_stats=1 \
	    "build/fuzz-corpus/$t" "tests/fuzz/corpus/$t" \
	    2>"build/fuzz-$t.log" || status=1
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|ERROR|^SUMMARY' \
	    "build/fuzz-$t.log" | sed "s/^/  $t: /"
done
exit $status
