# manual.sh: the plan authors' manual (docs/handbuch.md), the man page
# (docs/gen.1), the schema (docs/plan.rng) and the commands that help a
# plan's author (--init, --keys, --watch, -v).  Sourced by tests/run.sh
# with $gen, $tmp, $build and the functions check, pass and fail.

not() { ! "$@"; }
status() {
	"$@" >"$tmp/cli.out" 2>"$tmp/cli.err"
	echo $?
}

# --- the manual names exactly what the code knows ---
# The reference chapters mark names in a checkable way: a heading
# "### `<ELEMENT>`" with rows "| `ATTRIBUTE` |", a heading
# "### Tabellenart `KIND`" with the tables "#### Spalten" and
# "#### Berechnete Felder", each row "| `NAME` |".
manual_names() {
	awk '
	/^## / { el = ""; kind = ""; part = "" }
	/^### `<[a-z-]+>`/ {
		el = $0; sub(/^### `</, "", el); sub(/>`.*/, "", el)
		kind = ""; print "element " el; next
	}
	/^### Tabellenart `[a-z]+`/ {
		kind = $0; sub(/^### Tabellenart `/, "", kind); sub(/`.*/, "", kind)
		el = ""; part = ""; print "kind " kind; next
	}
	/^### / { el = ""; kind = "" }
	/^#### Spalten/ { part = "column" }
	/^#### Berechnete Felder/ { part = "computed" }
	/^\| `[a-z_-]+` *\|/ {
		name = $0; sub(/^\| `/, "", name); sub(/`.*/, "", name)
		if (el != "") print "attribute " el " " name
		else if (kind != "" && part != "") print part " " kind " " name
	}' docs/handbuch.md | sort -u
}
"$gen" --dump-schema 2>/dev/null | sed 's/ required$//' |
    grep -E '^(element|attribute|kind|column|computed) ' | sort -u >"$tmp/schema.code"
manual_names >"$tmp/schema.manual"
check "gen --dump-schema lists elements and kinds" \
    grep -q '^kind instruments$' "$tmp/schema.code"
missing=$(comm -23 "$tmp/schema.code" "$tmp/schema.manual" | tr '\n' ',')
extra=$(comm -13 "$tmp/schema.code" "$tmp/schema.manual" | tr '\n' ',')
check "the manual names every element, attribute, kind, column and computed field (missing: $missing)" \
    [ -z "$missing" ]
check "the manual names nothing the code lacks (unknown: $extra)" [ -z "$extra" ]
# Each enumerated value of an attribute stands, backticked, in its row.
awk '
	/^## / { el = "" }
	/^### `<[a-z-]+>`/ { el = $0; sub(/^### `</, "", el); sub(/>`.*/, "", el); next }
	/^### / { el = "" }
	el != "" && /^\| `[a-z_-]+` *\|/ {
		name = $0; sub(/^\| `/, "", name); sub(/`.*/, "", name)
		print el " " name "\t" $0
	}' docs/handbuch.md >"$tmp/schema.rows"
"$gen" --dump-schema 2>/dev/null | sed -n 's/^values //p' |
    while read -r el attr vals; do
	for v in $vals; do
		grep "^$el $attr	" "$tmp/schema.rows" | grep -qF "\`$v\`" ||
		    echo "$el/$attr=$v"
	done
done >"$tmp/schema.values"
check "the manual gives every value of every attribute (missing: $(tr '\n' ' ' <"$tmp/schema.values"))" \
    [ ! -s "$tmp/schema.values" ]

# --- the man page ---
if command -v mandoc >/dev/null 2>&1; then
	check "mandoc -Tlint docs/gen.1 is clean: $(mandoc -Tlint -Wall docs/gen.1 2>&1 | head -n 3)" \
	    [ -z "$(mandoc -Tlint -Wall docs/gen.1 2>&1)" ]
	# Every long option of --help is in the man page.
	tr -d '\\' <docs/gen.1 >"$tmp/gen.1.plain"
	for opt in $("$gen" --help | grep -o -- '--[a-z-]*' | sort -u); do
		check "gen.1 documents $opt" grep -qF -- "Fl -${opt#--}" "$tmp/gen.1.plain"
	done
else
	skip "mandoc is not installed (tests/setup.sh --test)"
fi

# --- the schema: every bundled plan valid, broken ones not ---
if command -v xmllint >/dev/null 2>&1; then
	for p in input/*/plan.xml; do
		check "$p validates against docs/plan.rng" \
		    xmllint --noout --relaxng docs/plan.rng "$p"
	done
	# The schema knows the elements and attributes gen knows.
	rng_names() {
		xmllint --xpath "//*[local-name()='$1']/@name" docs/plan.rng |
		    tr ' ' '\n' | sed -n 's/^name="\(.*\)"$/\1/p' | sort -u
	}
	check "docs/plan.rng has gen's elements" [ "$(rng_names element)" = \
	    "$("$gen" --dump-schema | awk '$1 == "element" { print $2 }' | sort -u)" ]
	check "docs/plan.rng has gen's attributes" [ "$(rng_names attribute)" = \
	    "$("$gen" --dump-schema | awk '$1 == "attribute" { print $3 }' | sort -u)" ]
	for d in xml-unknown-element xml-no-body xml-table-kind \
	    xml-unknown-attribute xml-title-twice fn-place; do
		check "tests/errors/$d is invalid under docs/plan.rng" not \
		    xmllint --noout --relaxng docs/plan.rng "tests/errors/$d/plan.xml"
	done
else
	skip "xmllint is not installed (libxml2-utils)"
fi 2>/dev/null

# --- --init: a plan that renders as created, never overwritten ---
for kind in amip planungsdokument eingliederungsbericht; do
	d="$tmp/init-$kind"
	rm -rf "$d" "$tmp/init-out"
	check "--init --report $kind" [ "$(status "$gen" --init "$d" --report "$kind")" = 0 ]
	check "--init $kind renders with exit 0 and no message" \
	    [ "$(status "$gen" -f html,pdf,csv -o "$tmp/init-out" "$d")" = 0 ]
	check "--init $kind: no message" [ ! -s "$tmp/cli.err" ]
	command -v xmllint >/dev/null 2>&1 && check "--init $kind validates" \
	    xmllint --noout --relaxng docs/plan.rng "$d/plan.xml" 2>/dev/null
	before=$(cd "$d" && ls -l --time-style=+%s.%N && cat ./*)
	check "a second --init into $kind is exit 2" \
	    [ "$(status "$gen" --init "$d" --report "$kind")" = 2 ]
	check "a second --init changes nothing" \
	    [ "$before" = "$(cd "$d" && ls -l --time-style=+%s.%N && cat ./*)" ]
done
check "--init creates the folders above the plan's" \
    [ "$(status "$gen" --init "$tmp/init-new-$build/plaene/p" --report amip)" = 0 ]
check "--init with an unknown report is exit 2" \
    [ "$(status "$gen" --init "$tmp/init-x" --report bogus)" = 2 ]
check "--init without --report is exit 2" \
    [ "$(status "$gen" --init "$tmp/init-y")" = 2 ]
check "--init with an unknown report creates nothing" [ ! -e "$tmp/init-x" ]

# --- --keys: the export's keys and texts, nothing written ---
rm -rf "$tmp/keys-out"
"$gen" -q -f csv -o "$tmp/keys-out" input/ahrweiler-2017 2>/dev/null
check "--keys is exit 0" [ "$(status "$gen" --keys -o "$tmp/keys-none" input/ahrweiler-2017)" = 0 ]
check "--keys writes nothing" [ ! -e "$tmp/keys-none" ]
cut -f1 "$tmp/cli.out" >"$tmp/keys.keys"
tail -n +2 "$tmp/keys-out/ahrweiler-2017.kennzahlen.csv" | cut -d';' -f1 >"$tmp/keys.csv"
check "--keys lists the export's keys in its order" cmp -s "$tmp/keys.keys" "$tmp/keys.csv"
check "--keys: KEY<TAB>ANZEIGE" grep -q "$(printf '^budget.verfuegbar.betrag\t')" "$tmp/cli.out"

# --- -v: each plan's time and peak memory, one plan too ---
rm -rf "$tmp/v-out"
status "$gen" -v -f csv -o "$tmp/v-out" input/ahrweiler-2017 >/dev/null
check "-v names time and peak memory of one plan" grep -Eq \
    '^gen: input/ahrweiler-2017: written in [0-9]+ ms, peak [0-9]+ kB$' "$tmp/cli.err"

# --- --watch: a change renders again (bounded) ---
w="$tmp/watch-plan"
rm -rf "$w" "$tmp/watch-out"
"$gen" --init "$w" --report amip 2>/dev/null
timeout 60 "$gen" --watch -f csv -o "$tmp/watch-out" "$w" 2>"$tmp/watch.err" &
wpid=$!
n=0
while [ $n -lt 100 ] && ! grep -q 'rendered at' "$tmp/watch.err" 2>/dev/null; do
	sleep 0.1; n=$((n + 1))
done
check "--watch renders first" grep -q '^budget.esf.betrag;250000.00;' \
    "$tmp/watch-out/watch-plan.kennzahlen.csv"
sed 's/^esf;ESF-Mittel;(250.000,00)/esf;ESF-Mittel;(300.000,00)/' \
    "$w/budget.csv" >"$w/budget.tmp" && mv "$w/budget.tmp" "$w/budget.csv"
n=0
while [ $n -lt 150 ] && ! grep -q '^budget.esf.betrag;300000.00;' \
    "$tmp/watch-out/watch-plan.kennzahlen.csv" 2>/dev/null; do
	sleep 0.1; n=$((n + 1))
done
check "--watch renders again after a change" grep -q \
    '^budget.esf.betrag;300000.00;' "$tmp/watch-out/watch-plan.kennzahlen.csv"
check "--watch prints a line per render" [ "$(grep -c 'rendered at' "$tmp/watch.err")" -ge 2 ]
kill "$wpid" 2>/dev/null
wait "$wpid" 2>/dev/null
check "--watch with two plans is exit 2" \
    [ "$(status "$gen" --watch input/ahrweiler-2017 input/me-aktiv-2017)" = 2 ]
# An output folder inside the plan folder does not wake the watch.
rm -rf "$tmp/watch-in"
"$gen" --init "$tmp/watch-in" --report amip 2>/dev/null
timeout 3 "$gen" --watch -f csv -o "$tmp/watch-in/out" "$tmp/watch-in" \
    2>"$tmp/watch-in.err"
check "--watch does not watch its own output folder" \
    [ "$(grep -c 'rendered at' "$tmp/watch-in.err")" = 1 ]
check "--keys with two plans prints both" [ "$("$gen" --keys \
    input/ahrweiler-2017 input/me-aktiv-2017 2>/dev/null | cut -d. -f1 |
    sort -u | wc -l)" -gt 10 ]
