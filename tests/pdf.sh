# pdf.sh: the print report; sourced by tests/run.sh with $gen, $tmp,
# $build, $update and the functions check, pass and fail.  The examples'
# PDFs are in $tmp/disp.

# pdftotext without poppler's warning about libharu's ToUnicode maps.
text_of() {
	pdftotext "$@" 2>/dev/null
}

pdf_example() {
	name=$1
	pdf=$tmp/disp/$name.pdf
	info=$(pdfinfo "$pdf" 2>/dev/null)
	pages=$(printf '%s\n' "$info" | sed -n 's/^Pages: *//p')
	check "qpdf --check $name.pdf" sh -c "qpdf --check '$pdf' >/dev/null"
	check "$name.pdf: every font embedded" sh -c "pdffonts '$pdf' 2>/dev/null |
	    tail -n +3 | awk '{ if (\$(NF-4) != \"yes\") bad = 1 } END { exit bad }'"
	cut=$(python3 tests/fontcut.py "$pdf" 2>&1)
	check "$name.pdf: the font programs cut (no glyph names): $cut" \
	    [ -z "$cut" ]
	check "$name.pdf: A4 pages" sh -c "printf '%s\n' \"\$1\" |
	    grep -q 'Page size: *595.276 x 841.89 pts (A4)'" sh "$info"
	while IFS='	' read -r plan field want; do
		[ "$plan" = "$name" ] || continue
		check "$name.pdf: $field is '$want'" sh -c "printf '%s\n' \"\$1\" |
		    grep -qx '$field: *$want'" sh "$info"
	done < tests/pdf-info.tsv
	text_of -layout "$pdf" "$tmp/$name.txt"
	check "$name.pdf: 'Seite 2 von $pages'" grep -q "Seite 2 von $pages" "$tmp/$name.txt"
	grep '^section level=1 ' "$tmp/disp/$name.tree" | sed 's/^[^"]*"\([^"]*\)".*/\1/' |
	    while IFS= read -r title; do echo "$title"; done >"$tmp/$name.titles"
	while IFS= read -r title; do
		check "$name.pdf shows the chapter '$title'" \
		    grep -qF "$title" "$tmp/$name.txt"
	done <"$tmp/$name.titles"
	while IFS='	' read -r plan key want; do
		[ "$plan" = "$name" ] || continue
		check "$name.pdf shows $key as '$want'" grep -qF "$want" "$tmp/$name.txt"
	done < tests/display.tsv
	gold=tests/golden/$name.pdf.txt
	if [ "$update" = yes ]; then
		cp "$tmp/$name.txt" "$gold"
	else
		check "golden $name.pdf.txt differs (make update-golden)" \
		    cmp -s "$gold" "$tmp/$name.txt"
	fi
	[ "$pdf_first" = yes ] && pdf_pages "$name" "$pdf" "$pages"
}

# pdf_pages NAME PDF PAGES: every page as a picture at 60 dpi,
# tests/pages/NAME-NN.png, byte for byte.  Without anti-aliasing: a
# fifth of the size, and still what a reader would see moved.
pdf_pages() {
	rm -rf "$tmp/pg" && mkdir -p "$tmp/pg"
	pdftoppm -r 60 -aa no -aaVector no -png "$2" "$tmp/pg/p" 2>/dev/null
	_n=1
	while [ "$_n" -le "$3" ]; do
		_f=$(ls "$tmp/pg" | sed -n "s/^p-0*$_n\.png$/&/p")
		[ -n "$_f" ] && mv "$tmp/pg/$_f" "$tmp/pg/$1-$(printf %02d "$_n").png"
		_n=$((_n + 1))
	done
	if [ "$update" = yes ]; then
		mkdir -p tests/pages
		rm -f tests/pages/"$1"-[0-9][0-9].png
		cp "$tmp/pg/$1"-*.png tests/pages/
		return
	fi
	_have=$(ls tests/pages/"$1"-[0-9][0-9].png 2>/dev/null | wc -l)
	check "golden pages of $1.pdf: $3 pages, tests/pages has $_have (make update-golden)" \
	    [ "$_have" = "$3" ]
	for _f in "$tmp/pg/$1"-*.png; do
		_b=$(basename "$_f")
		_p=${_b##*-}
		check "golden page tests/pages/$_b differs: page ${_p%.png} of $1.pdf looks different (make update-golden)" \
		    cmp -s "tests/pages/$_b" "$_f"
	done
}

pdf_first=no	# the pictures with the first build only
[ "$pair" = "$1" ] && pdf_first=yes
for dir in input/*/; do
	pdf_example "$(basename "$dir")"
done

# A table longer than a page: its head again on the next page.
if [ "$update" != yes ]; then
	sh tests/long-table.sh "$tmp/lang" 300
	check "a 300-row table renders" [ "$("$gen" -q -f pdf -o "$tmp/lang-out" 2>/dev/null \
	    "$tmp/lang"; echo $?)" = 0 ]
	text_of -layout -f 4 -l 4 "$tmp/lang-out/lang.pdf" "$tmp/lang4.txt"
	check "the table goes on with '(Fortsetzung)' on page 4" \
	    grep -q "Instrumentenmix 2025 (Fortsetzung)" "$tmp/lang4.txt"
	check "the head row is repeated on page 4" \
	    grep -q "Instrument  *Eintritte  *Mittel" "$tmp/lang4.txt"
	# A row taller than a page goes on under the repeated head, none of
	# it past the foot (text there would be lost from the page).
	rm -rf "$tmp/tall" && mkdir -p "$tmp/tall"
	printf '%s\n' '<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/><title>T</title>' \
	    '<data><table name="t" kind="table" src="t.csv" title="Lange Zelle"><column name="titel" type="text"/><column name="text" type="text"/></table></data>' \
	    '<body><section title="S"><insert table="t"/><p>Danach.</p></section></body></plan>' >"$tmp/tall/plan.xml"
	awk 'BEGIN { printf "titel;text\nA;"; for (i = 0; i < 700; i++) printf "Wort%d ", i; print ""; print "B;kurz" }' \
	    >"$tmp/tall/t.csv"
	"$gen" -q -f pdf -o "$tmp/tall-out" "$tmp/tall" 2>/dev/null
	check "a row taller than a page: all of its 700 words are on the pages" sh -c \
	    "[ \$(pdftotext '$tmp/tall-out/tall.pdf' - 2>/dev/null | grep -o 'Wort[0-9]*' | sort -u | wc -l) = 700 ]"
	check "a row taller than a page goes on under '(Fortsetzung)'" sh -c \
	    "pdftotext '$tmp/tall-out/tall.pdf' - 2>/dev/null | grep -q 'Lange Zelle (Fortsetzung)'"
	check "a row taller than a page begins under its head, not on a page of its own" sh -c "
	    for pg in 1 2 3 4 5 6; do
		pdftotext -f \$pg -l \$pg '$tmp/tall-out/tall.pdf' - 2>/dev/null >'$tmp/tall.pg'
		if grep -qx 'Tabelle 1: Lange Zelle' '$tmp/tall.pg'; then grep -q 'Wort0 ' '$tmp/tall.pg'; exit; fi
	    done; exit 1"
	# The print report takes its colours from the template's stylesheet.
	rm -rf "$tmp/red" && cp -r templates/amip "$tmp/red"
	sed -i 's/--accent-light: #[0-9a-f]*/--accent-light: #ff0000/; s/--chart-1: #[0-9a-f]*/--chart-1: #00ff00/' \
	    "$tmp/red/style.css"
	"$gen" -q -f pdf -t "$tmp/red" -o "$tmp/red-out" input/ahrweiler-2017 2>/dev/null
	qpdf --qdf --object-streams=disable "$tmp/red-out/ahrweiler-2017.pdf" "$tmp/red.qdf" 2>/dev/null
	check "a template's --accent-light fills the table heads in the PDF" \
	    grep -aqx '1 0 0 rg' "$tmp/red.qdf"
	check "a template's --chart-1 colours the first series in the PDF" \
	    grep -aqx '0 1 0 rg' "$tmp/red.qdf"
	"$gen" -q -f pdf -t tests/template-logo -o "$tmp/serif" input/ahrweiler-2017
	check "a template names other fonts: they are embedded" sh -c \
	    "pdffonts '$tmp/serif/ahrweiler-2017.pdf' 2>/dev/null | grep -q 'LiberationSerif.*yes *yes'"
	check "a template sets other margins: the text column is wider" sh -c \
	    "[ \$(pdfinfo '$tmp/serif/ahrweiler-2017.pdf' 2>/dev/null | sed -n 's/^Pages: *//p') -lt \
	    \$(pdfinfo '$tmp/disp/ahrweiler-2017.pdf' 2>/dev/null | sed -n 's/^Pages: *//p') ]"
	"$gen" -q -f pdf -t tests/template-png -o "$tmp/png" input/ahrweiler-2017
	check "a PNG logo stands on the PDF's cover" sh -c \
	    "pdfimages -list '$tmp/png/ahrweiler-2017.pdf' 2>/dev/null | grep -q '^ *1 .* 120 *40 '"
	SOURCE_DATE_EPOCH=1700000000 "$gen" -q -f pdf -o "$tmp/sde" input/ahrweiler-2017
	check "SOURCE_DATE_EPOCH sets the PDF's date" sh -c \
	    "pdfinfo '$tmp/sde/ahrweiler-2017.pdf' 2>/dev/null | grep -q 'CreationDate: .*Nov 14 .*2023'"
	check "without it, the plan's date" sh -c \
	    "pdfinfo '$tmp/disp/ahrweiler-2017.pdf' 2>/dev/null | grep -q 'CreationDate: .*Jan 16 .*2017'"
	# Footnotes (input-format.md, "Footnotes"): the mark raised after its
	# word, the note at the foot of the same page; on the web page a link
	# to the note at the chapter's end, and one back.
	for _fn in '3,8 %¹.|¹ Bezogen auf alle zivilen Erwerbspersonen.' \
	    '2156²|² Jahresdurchschnittswert, Stand 12/2016;'; do
		check "ahrweiler-2017.pdf: '${_fn%%|*}' and '${_fn#*|}' on one page" sh -c '
		    awk -v mark="$1" -v note="$2" "BEGIN { RS = \"\\f\" }
			index(\$0, mark) && index(\$0, note) { found = 1 }
			END { exit !found }" "$3"' sh "${_fn%%|*}" "${_fn#*|}" \
		    "$tmp/ahrweiler-2017.txt"
	done
	_page=$tmp/disp/ahrweiler-2017.html
	check "ahrweiler-2017.html: the mark 1 links to its note" grep -q \
	    '<sup class="fn"><a id="fussnote.1.zeichen" href="#fussnote.1" role="doc-noteref" aria-label="Fußnote 1">1</a></sup>' "$_page"
	check "ahrweiler-2017.html: the note 1 at its chapter's end, linked back" grep -q \
	    '<li id="fussnote.1">Bezogen auf alle zivilen Erwerbspersonen. <a class="fn-back" href="#fussnote.1.zeichen"' "$_page"
	# Pictures, numbers, cross-references and the lists of tables and
	# figures (tests/pictures): the page a <ref> names is the target's.
	"$gen" -q -f html,pdf -o "$tmp/pic" tests/pictures
	check "tests/pictures renders" [ -f "$tmp/pic/pictures.pdf" ]
	text_of -layout "$tmp/pic/pictures.pdf" "$tmp/pic.txt"
	check "a <ref> prints the number and the page of each target" grep -Eq \
	    'Siehe Abschnitt 2 auf Seite [0-9]+, Tabelle 1 auf Seite [0-9]+, Abbildung 1 auf Seite [0-9]+ und Abbildung 2 auf Seite [0-9]+\.' \
	    "$tmp/pic.txt"
	check "a <ref> to a figure on its own page names no page" \
	    grep -q 'oben Abbildung 2; das Foto\.' "$tmp/pic.txt"
	for ref in 'Tabelle 1:Tabelle 1: Das Budget' 'Abbildung 2:Abbildung 2: Ein Foto' \
	    'Abschnitt 1:1. Eins'; do
		n=$(sed -n "s/.*${ref%%:*} auf Seite \([0-9]*\).*/\1/p" "$tmp/pic.txt" | head -n 1)
		check "'${ref%%:*} auf Seite $n': '${ref#*:}' stands on page $n" sh -c \
		    "pdftotext -f '$n' -l '$n' '$tmp/pic/pictures.pdf' - 2>/dev/null | grep -qx '${ref#*:}'"
	done
	check "the lists of tables and figures, with pages" sh -c \
	    "grep -q '^Tabellenverzeichnis' '$tmp/pic.txt' && grep -Eq '^Abbildung 2: Ein Foto +[0-9]+\$' '$tmp/pic.txt'"
	check "the JPEG at its size and the decorative PNG are drawn" sh -c \
	    "pdfimages -list '$tmp/pic/pictures.pdf' 2>/dev/null | grep -q ' 600 *300 .* jpeg ' &&
	    pdfimages -list '$tmp/pic/pictures.pdf' 2>/dev/null | grep -q ' 60 *30 .* image '"
	python3 tests/pdfua.py "$tmp/pic/pictures.pdf" "$tmp/pic/pictures.html" >"$tmp/pic.ua"
	check "tests/pictures: the tagged PDF: $(grep -v '^ok' "$tmp/pic.ua" | head -n 2)" \
	    sh -c "! grep -qv '^ok' '$tmp/pic.ua'"
	for want in '<img src="data:image/jpeg;base64,' 'alt="Ein Organigramm als Foto"' \
	    '<figure class="picture decorative" id="diagramm-bild-1"><img src="data:image/png' \
	    '<figcaption>Abbildung 2: Ein Foto</figcaption>' '<a href="#foto">Abbildung 2</a>' \
	    '<a href="#mittel">Abbildung 1</a>' '<a href="#zwei">Abschnitt 2</a>' \
	    '<a href="#tabelle-budget">Tabelle 1</a>' 'Tabelle 1: Das Budget</caption>' \
	    '<h2 id="inhalt-abbildungen-titel">Abbildungsverzeichnis</h2>'; do
		check "tests/pictures page: $want" grep -qF "$want" "$tmp/pic/pictures.html"
	done
fi
