# scripts.sh: text in other scripts (tests/scripts): the PDF draws Greek,
# Cyrillic, Hebrew, Arabic, Chinese, Japanese and Korean with the fallback
# fonts, and text extraction
# gives the words as typed (Hebrew and Arabic in logical order, Arabic
# letters not in their joined forms); combining marks stay.  Sourced by
# run.sh with $gen, $tmp, check, pass and fail.

rm -rf "$tmp/scripts"
if "$gen" -q -f html,pdf -o "$tmp/scripts" tests/scripts >"$tmp/scripts.err" 2>&1
then
	pass
else
	fail "tests/scripts does not render: $(head -n 3 "$tmp/scripts.err")"
fi
pdftotext "$tmp/scripts/scripts.pdf" "$tmp/scripts.txt" 2>"$tmp/scripts.warn"
# The wide fonts' ToUnicode maps are maps (no libharu encoding CMap).
check "scripts.pdf: pdftotext warns: $(head -n 1 "$tmp/scripts.warn")" \
    sh -c "! grep -q 'Syntax Warning' '$tmp/scripts.warn'"
for w in Καλημέρα Здравствуйте 'שלום עולם' 'مرحبا بالعالم' سلام Ελληνικά Русский \
    עברית العربية λόγος слово Άλφα Бета גימל دال 中文 日本語 한국어 汉语 "$(printf 'q\314\207')" \
    "$(printf 'n\314\210')"; do
	check "scripts.pdf gives '$w'" grep -qF "$w" "$tmp/scripts.txt"
done
# The points of pointed Hebrew come out, but poppler puts a mark before
# its letter in right-to-left text: each is looked for on its own.
grep 'Punkten' "$tmp/scripts.txt" >"$tmp/scripts.points"
for w in ש ל ו ם ָ ׁ ֹ; do
	check "scripts.pdf gives the Hebrew letter or point '$w'" \
	    grep -qF "$w" "$tmp/scripts.points"
done
# Text extraction finds a word even where its glyphs are blank: the dark
# pixels inside the box of the word (pdftotext -bbox) show it is drawn.
pdftotext -bbox "$tmp/scripts/scripts.pdf" "$tmp/scripts.bbox" 2>/dev/null
ink() {
	set -- $(awk -v w="$1" '/<page /{ p++ } index($0, ">" w) {
	    gsub(/[^0-9. ]/, " "); print p, int($1), int($2),
	    int($3 - $1 + 1), int($4 - $2 + 1); exit }' "$tmp/scripts.bbox")
	[ $# = 5 ] || { echo 0; return; }
	pdftoppm -r 72 -gray -f "$1" -l "$1" -x "$2" -y "$3" -W "$4" -H "$5" \
	    "$tmp/scripts/scripts.pdf" 2>/dev/null | tail -c $(($4 * $5)) |
	    od -An -tu1 -v | awk '{ for (i = 1; i <= NF; i++) n += $i < 128 }
	    END { print n + 0 }'
}
# (-bbox gives the letters of a right-to-left word in the order drawn.)
for w in 日本語 한국어 Здравствуйте םולש ابحرم; do
	n=$(ink "$w")
	check "scripts.pdf draws '$w' ($n dark pixels)" [ "$n" -gt 10 ]
done
pdffonts "$tmp/scripts/scripts.pdf" >"$tmp/scripts.fonts" 2>/dev/null
for f in DejaVuSans,Book DejaVuSans-Bold WenQuanYiMicroHei; do
	check "scripts.pdf embeds $f" grep -q "$f" "$tmp/scripts.fonts"
done
check "scripts.pdf: no '?' for a character" sh -c "! grep -q '?' '$tmp/scripts.txt'"
# A figure after right-to-left text is a left-to-right run of its own
# (tests/bidi): its minus stays before the number, in the PDF (isolate
# marks while FriBidi orders the line) and in the HTML (dir="ltr").
rm -rf "$tmp/bidi"
"$gen" -q -f html,pdf -o "$tmp/bidi" tests/bidi >/dev/null 2>&1
pdftotext "$tmp/bidi/bidi.pdf" - 2>/dev/null | grep 'Hebräisch' >"$tmp/bidi.txt"
check "bidi.pdf: the figure after Hebrew reads '$(cat "$tmp/bidi.txt")'" \
    grep -q 'עברית.*−750$' "$tmp/bidi.txt"
check "bidi.html: the figure is isolated left-to-right" \
    grep -q '<data class="fig" dir="ltr" value="-750"' "$tmp/bidi/bidi.html"
