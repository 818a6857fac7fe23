#!/bin/sh
# Runs gen and the unit tests under valgrind: the examples to all three
# outputs, again unchanged and with other formats, the tree dump, a
# workbook in and out, every case of the error corpus, the unit tests.
# Fails on any invalid access or leak.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clean=0
vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect \
	    --suppressions=tests/valgrind.supp "$@" >/dev/null 2>"$tmp/vg.err" ||
	    [ $? -ne 99 ] || { echo "valgrind: $*"; cat "$tmp/vg.err"; exit 1; }
	clean=$((clean + 1))
}
vg build/gen -q -j 1 -f html,pdf,csv -o "$tmp/out" input/*/
vg build/gen -q -f html,pdf,csv -o "$tmp/out" input/ahrweiler-2017
vg build/gen -q -f html,csv -o "$tmp/out" input/ahrweiler-2017
vg build/gen --dump-tree input/lahn-dill-2019
# A workbook read and one written: libzip and libxlsxwriter are opened
# at their first use (lazylib.c).
vg build/gen -q -f csv,xlsx -o "$tmp/xl" tests/xlsx/me-aktiv
# A 4-bit palette PNG with transparency: libharu read past its rows.
vg build/gen -q -f pdf -t tests/template-png -o "$tmp/png" input/ahrweiler-2017
for dir in tests/errors/*/; do
	vg build/gen -q -f html,pdf,csv -o "$tmp/err" "$dir"
done
vg build/unit
echo "valgrind clean: $clean runs (examples, tree, $(ls -d tests/errors/*/ | wc -l) error cases, unit tests)"
