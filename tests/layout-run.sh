#!/bin/sh
# Renders the layout stress corpus (tests/layout-corpus.sh) and the
# bundled examples with GEN into DIR/CASE/ and DIR/out/CASE.{html,pdf},
# each within 10 seconds, and checks them with tests/layout-check.py
# against tests/layout-known.  Prints its lines (ok, known, FAIL).
# Usage: tests/layout-run.sh GEN DIR      e.g. build/gen /tmp/layout
set -u
[ $# = 2 ] || { echo "usage: tests/layout-run.sh GEN DIR" >&2; exit 2; }
cd "$(dirname "$0")/.." || exit 2
case $1 in /*) g=$1 ;; *) g=$(pwd)/$1 ;; esac
d=$2
rm -rf "$d/corpus" "$d/out" && mkdir -p "$d/out" || exit 3
sh tests/layout-corpus.sh "$d/corpus" || exit 3
cp -r input/*/ "$d/corpus/" || exit 3
: >"$d/cases.tsv"
for c in "$d"/corpus/*/; do
	c=$(basename "$c")
	timeout 10 "$g" -q -f html,pdf -o "$d/out" "$d/corpus/$c" >/dev/null 2>&1
	printf '%s\t%s\t10\t%s\t%s\n' "$c" $? "$d/out/$c.html" "$d/out/$c.pdf" >>"$d/cases.tsv"
done
python3 tests/layout-check.py tests/layout-known "$d/cases.tsv"
