# Hostile templates too large or too strange to keep in tests/errors (a
# FIFO, a decompression bomb, a cut system font): built here, each must end
# within its time with the expected status and first message.  Sourced by
# run.sh with $gen, $tmp, check and status (cli.sh).

case $gen in /*) tgen=$gen ;; *) tgen=$(pwd)/$gen ;; esac
# mktpl: a copy of the PNG test template as $tmp/t, the plan as $tmp/p.
mktpl() {
	rm -rf "$tmp/t" "$tmp/t-out" && cp -r tests/template-png "$tmp/t"
	[ -d "$tmp/p" ] || cp -r input/ahrweiler-2017 "$tmp/p"
}
# hostile_tpl NAME STATUS FIRST-LINE: renders $tmp/p with $tmp/t.
hostile_tpl() {
	_st=$(cd "$tmp" && status timeout 30 "$tgen" -f html,pdf -t t -o t-out p)
	_first=$(head -n 1 "$tmp/cli.err")
	check "template $1: status $_st, want $2" [ "$_st" = "$2" ]
	check "template $1: first message '$_first', want '$3'" [ "$_first" = "$3" ]
	if [ "$2" = 1 ]; then
		check "template $1: nothing written" [ ! -e "$tmp/t-out" ]
	fi
}

# A PNG of 30000 by 30000 pixels in 109 KB (kept gzipped): libharu took
# 12 s and 120 MB for it (3 GB as 8-bit).
mktpl
base64 -d >"$tmp/bomb.gz" <<'B64'
H4sIAAAAAAACA+3cr0pDYRjA4TNckME2DSJoEQSz0SI4mbqBjCGzCSomg1GxbSgGk7sPQZMXYBC8
A/+AsK4YDCbn9JzLOO/zwBe+D05548vhd9lubZRLM6UkScrNRn0rSY4X01P4f0haOw/TSeF6s1mv
dU5fP+4L6Wuv/3v7OZ5+AAAAAORa7+V8LFsRzI2e1tvbAAAAQN7tVyvFbCnwsztbMw4AAADIvYvl
pYnsD4Gv7lHROAAAACD3pr4HK9ku4HF0N9kxDwAAAMi9Z8EAAAAACEUwAAAAAGIRDAAAAIBYBAMA
AAAgGMEAAAAAiEUwAAAAAGIRDAAAAIBYBAMAAAAgGMEAAAAAiEUwAAAAAGIRDAAAAIBYBAMAAAAg
GMEAAAAAiEUwAAAAAGIRDAAAAIBYBAMAAAAgGMEAAAAAiEUwAAAAAGIRDAAAAIBYBAMAAAAgGMEA
AAAAiOWwWmmku4DisPt21c7WAgAA5N1g/uQ9KSwM+wfprbnWqt+s7p39AY7OSR6FqwEA
B64
gunzip -c "$tmp/bomb.gz" >"$tmp/t/logo.png"
hostile_tpl "a PNG bomb as logo" 1 "t/template.xml:14: error: <logo> src 'logo.png' has 30000 by 30000 pixels, more than 25 million"
mktpl
rm "$tmp/t/logo.png" && mkfifo "$tmp/t/logo.png"
hostile_tpl "a FIFO as logo" 1 "t/logo.png: error: not a regular file"
mktpl
mkfifo "$tmp/t/regular.ttf"
sed -i 's|regular="[^"]*"|regular="regular.ttf"|' "$tmp/t/template.xml"
hostile_tpl "a FIFO as font" 1 "t/template.xml:12: error: <fonts> regular 'regular.ttf': not a regular file"
mktpl
head -c 100000 /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf >"$tmp/t/regular.ttf"
sed -i 's|regular="[^"]*"|regular="regular.ttf"|' "$tmp/t/template.xml"
hostile_tpl "a cut font" 1 "t/template.xml:12: error: <fonts> regular 'regular.ttf' is cut short or damaged (a table lies beyond its end)"
mktpl
printf 'not a font\n' >"$tmp/t/regular.ttf"
sed -i 's|regular="[^"]*"|regular="regular.ttf"|' "$tmp/t/template.xml"
hostile_tpl "a text file as font" 1 "t/template.xml:12: error: <fonts> regular 'regular.ttf' is not a TrueType font (FreeType cannot read it)"
mktpl
sed -i 's|bold="[^"]*"|bold="/dev/zero"|' "$tmp/t/template.xml"
hostile_tpl "/dev/zero as font" 1 "t/template.xml:12: error: <fonts> bold '/dev/zero': not a regular file"
mktpl
awk 'BEGIN { print "<template report=\"amip\" name=\"T\">";
	for (i = 1; i <= 100000; i++) printf "<chapter id=\"c%d\" title=\"C\"/>\n", i
	print "</template>" }' >"$tmp/t/template.xml"
hostile_tpl "100.000 chapters" 1 "t/template.xml:102: error: more than 100 chapters"
mktpl
hostile_tpl "the PNG test template" 0 ""
rm -rf "$tmp/t" "$tmp/t-out" "$tmp/p" "$tmp/bomb.gz"
