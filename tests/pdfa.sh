# pdfa.sh: every PDF gen writes is a PDF/A-1b file (Apache PDFBox
# Preflight), with the catalog, metadata and fonts PDF/A and PDF/UA want.
# Sourced by tests/run.sh with $gen, $tmp, $pair and check, pass, fail,
# skip; the examples' PDFs are in $tmp/disp.  Preflight and the stress
# corpus with the release build only (one JVM over all files, ~5 s).

# The catalog, the XMP metadata and the trailer (tests/pdfa.py), and every
# font embedded with a ToUnicode map.
pdfa_catalog() {
	qpdf --json --json-stream-data=inline "$1" 2>/dev/null |
	    python3 tests/pdfa.py "$(basename "$1")" >"$tmp/pdfa.out" 2>&1
	passed=$((passed + $(grep -c '^ok ' "$tmp/pdfa.out")))
	check "pdfa.py read $(basename "$1"): $(grep -v '^ok \|^FAIL ' "$tmp/pdfa.out" | head -n 2)" \
	    grep -q '^ok ' "$tmp/pdfa.out"
	grep '^FAIL ' "$tmp/pdfa.out" | while IFS= read -r _l; do
		printf 'FAIL %s: pdfa: %s\n' "$build" "${_l#FAIL }"
	done
	failed=$((failed + $(grep -c '^FAIL ' "$tmp/pdfa.out")))
	check "$(basename "$1"): every font embedded with a ToUnicode map: $(pdffonts "$1" 2>/dev/null |
	    tail -n +3 | awk '$(NF-4) != "yes" || $(NF-2) != "yes" { printf "%s ", $1 }')" \
	    sh -c "pdffonts '$1' 2>/dev/null | tail -n +3 |
	    awk '{ if (\$(NF-4) != \"yes\" || \$(NF-2) != \"yes\") bad = 1 } END { exit bad }'"
}

rm -rf "$tmp/pdfa" && mkdir -p "$tmp/pdfa"
# Text beyond Windows-1252 (wide fonts, fallbacks, right to left), a
# palette PNG with transparency as the logo, and a plan's pictures (a
# JPEG, a decorative PNG) with links to tables, charts and pictures.
"$gen" -q -f pdf -o "$tmp/pdfa" tests/bidi tests/fuzz/findings/pdf-utf8-text/plan \
    tests/pictures
"$gen" -q -f pdf -t tests/template-png -o "$tmp/pdfa/png" input/ahrweiler-2017
for _f in "$tmp"/disp/*.pdf "$tmp/pdfa/bidi.pdf" "$tmp/pdfa/plan.pdf" \
    "$tmp/pdfa/pictures.pdf" "$tmp/pdfa/png/ahrweiler-2017.pdf"; do
	pdfa_catalog "$_f"
done

if [ "$pair" = "$1" ]; then
	_pf=/usr/share/java
	if [ ! -f "$_pf/preflight.jar" ] || ! command -v java >/dev/null 2>&1; then
		skip "Preflight: no $_pf/preflight.jar or java (tests/setup.sh --test)"
	else
		sh tests/layout-corpus.sh "$tmp/pdfa/corpus" >/dev/null
		for _c in "$tmp"/pdfa/corpus/*/; do
			timeout 20 "$gen" -q -f pdf -o "$tmp/pdfa/corpus-out" "$_c" 2>/dev/null
		done
		ls "$tmp"/disp/*.pdf "$tmp"/pdfa/*.pdf "$tmp"/pdfa/png/*.pdf \
		    "$tmp"/pdfa/corpus-out/*.pdf >"$tmp/pdfa/list" 2>/dev/null
		check "Preflight: the stress corpus rendered ($(ls "$tmp"/pdfa/corpus/ | wc -l) plans, $(ls "$tmp"/pdfa/corpus-out/*.pdf 2>/dev/null | wc -l) PDFs)" \
		    [ "$(ls "$tmp"/pdfa/corpus/ | wc -l)" = "$(ls "$tmp"/pdfa/corpus-out/*.pdf 2>/dev/null | wc -l)" ]
		# Group mode: one JVM, one XML report beside the list.
		java -cp "$_pf/preflight.jar:$_pf/pdfbox2.jar:$_pf/fontbox2.jar:$_pf/xmpbox.jar:$_pf/commons-logging.jar:$_pf/javax.activation.jar:$_pf/jaxb-api.jar" \
		    org.apache.pdfbox.preflight.Validator_A1b xml group "$tmp/pdfa/list" \
		    >/dev/null 2>"$tmp/pdfa/pf.err"
		python3 - "$tmp/pdfa/list.preflight.xml" "$(wc -l <"$tmp/pdfa/list")" \
		    >"$tmp/pdfa.out" 2>&1 <<'EOF'
import sys, xml.etree.ElementTree as ET
try:
    r = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError) as e:
    sys.exit(f"FAIL Preflight wrote no report: {e}")
seen = 0
for p in r.findall("preflight"):
    seen += 1
    errs = [f"{e.findtext('code')} {e.findtext('details')[:120]}"
            for e in p.iter("error")]
    ok = p.findtext("isValid") == "true" and not errs
    print(("ok " if ok else "FAIL ") + f"Preflight: {p.get('name')} is PDF/A-1b"
          + ("" if ok else f": {len(errs)} kinds of error: " + "; ".join(errs[:3])))
if seen != int(sys.argv[2]):
    print(f"FAIL Preflight: {seen} of {sys.argv[2]} files checked")
EOF
		passed=$((passed + $(grep -c '^ok ' "$tmp/pdfa.out")))
		check "Preflight ran: $(grep -v '^ok \|^FAIL ' "$tmp/pdfa.out" | head -n 2)$(head -n 2 "$tmp/pdfa/pf.err")" \
		    grep -q '^ok \|^FAIL ' "$tmp/pdfa.out"
		grep '^FAIL ' "$tmp/pdfa.out" | while IFS= read -r _l; do
			printf 'FAIL %s: %s\n' "$build" "${_l#FAIL }"
		done
		failed=$((failed + $(grep -c '^FAIL ' "$tmp/pdfa.out")))
	fi
fi
rm -rf "$tmp/pdfa" "$tmp/pdfa.out"
