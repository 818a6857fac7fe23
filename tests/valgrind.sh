#!/bin/sh
# Runs gen and the unit tests under valgrind; fails on any error or leak.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for cmd in "build/gen -q -j 1 -f html,pdf,csv -o $tmp input/ahrweiler-2017 input/me-aktiv-2017 input/lahn-dill-2019" \
    "build/gen --dump-tree input/lahn-dill-2019" \
    "build/gen -q -f csv -o $tmp tests/errors/me-aktiv-printed-total" "build/unit"; do
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    --suppressions=tests/valgrind.supp \
	    $cmd >/dev/null 2>"$tmp/vg.err" || [ $? -ne 99 ] || { cat "$tmp/vg.err"; exit 1; }
	echo "valgrind clean: $cmd"
done
