# scripts.sh: text in other scripts (tests/scripts): the PDF draws Greek,
# Cyrillic, Hebrew and Arabic with the fallback fonts, and text extraction
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
pdftotext "$tmp/scripts/scripts.pdf" "$tmp/scripts.txt" 2>/dev/null
for w in Καλημέρα Здравствуйте 'שלום עולם' 'مرحبا بالعالم' سلام Ελληνικά Русский \
    עברית العربية λόγος слово Άλφα Бета גימל دال "$(printf 'q\314\207')" \
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
check "scripts.pdf embeds DejaVu Sans and DejaVu Sans Bold" sh -c \
    "pdffonts '$tmp/scripts/scripts.pdf' 2>/dev/null | grep -q 'DejaVuSans,Book' &&
    pdffonts '$tmp/scripts/scripts.pdf' 2>/dev/null | grep -q 'DejaVuSans-Bold'"
check "scripts.pdf: no '?' for a character" sh -c "! grep -q '?' '$tmp/scripts.txt'"
