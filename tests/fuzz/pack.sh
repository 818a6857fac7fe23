#!/bin/sh
# Packs a plan folder into one pipeline fuzz input (see pipeline.c):
# plan.xml, then each CSV file after a line "--- NAME".
# Usage: tests/fuzz/pack.sh PLAN_DIR >FILE
set -eu
cat "$1/plan.xml"
for f in "$1"/*.csv; do
	[ -f "$f" ] || continue
	printf -- '--- %s\n' "$(basename "$f")"
	cat "$f"
done
