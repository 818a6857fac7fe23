# meta.sh: the plan's metadata of input format version 2 (a year or two,
# <subtitle>, <reference>, <status>) in both outputs and in the index of an
# output folder.  Sourced by run.sh with $gen, $tmp, check, skip.

mtmp=$tmp/meta
rm -rf "$mtmp" && mkdir -p "$mtmp/in"
# meta_plan NAME YEAR [JOBCENTER]: ahrweiler-2017 as NAME with the year.
meta_plan() {
	cp -r input/ahrweiler-2017 "$mtmp/in/$1"
	sed -i "s|year=\"2017\"|year=\"$2\"|" "$mtmp/in/$1/plan.xml"
}
meta_plan zwei 2019/2020
sed -i 's|  <date>2017-01-16</date>|  <subtitle>Fortschreibung für zwei Jahre</subtitle>\
  <date>2017-01-16</date>\
  <reference>II-1200</reference>\
  <status>Entwurf</status>|' "$mtmp/in/zwei/plan.xml"
meta_plan eins 2019
meta_plan neu 2020
# A long status and title: the running head shortens the title, never
# the status, and the halves do not overprint.
meta_plan lang 2017
sed -i 's|<title>[^<]*</title>|<title>Arbeitsmarkt- und Integrationsprogramm 2017 des gemeinsamen Jobcenters mit sehr langem Namen für den Landkreis</title>\
  <status>Entwurf – nicht zur Veröffentlichung</status>|' \
    "$mtmp/in/lang/plan.xml"
"$gen" -q -f html,pdf -o "$mtmp/out" "$mtmp"/in/*/ 2>"$mtmp/err"
check "plans with metadata render ($(head -n 2 "$mtmp/err"))" \
    [ -f "$mtmp/out/zwei.pdf" -a -f "$mtmp/out/eins.html" ]

# The web page: the status first, the subtitle under the title, the
# Geschäftszeichen with the other lines.
check "the web page starts with the status" grep -q \
    '<header class="cover"><p class="status">Entwurf</p><p class="jobcenter">' \
    "$mtmp/out/zwei.html"
check "the web page shows the subtitle under the title" grep -q \
    '</h1><p class="subtitle">Fortschreibung für zwei Jahre</p>' \
    "$mtmp/out/zwei.html"
check "the web page shows the Geschäftszeichen" grep -q \
    '<p class="meta">Geschäftszeichen: II-1200</p></header>' \
    "$mtmp/out/zwei.html"
check "a plan without them shows none" sh -c "! grep -q \
    'class=\"status\"\\|class=\"subtitle\"\\|Geschäftszeichen' '$mtmp/out/eins.html'"

# The PDF: all three on the cover, the status in the running head.
pdftotext -f 1 -l 1 "$mtmp/out/zwei.pdf" "$mtmp/p1.txt" 2>/dev/null
pdftotext -f 2 -l 2 "$mtmp/out/zwei.pdf" "$mtmp/p2.txt" 2>/dev/null
for want in Entwurf "Fortschreibung für zwei Jahre" "Geschäftszeichen: II-1200"; do
	check "the PDF's cover shows '$want'" grep -qF "$want" "$mtmp/p1.txt"
done
check "page 2's running head has the status before the title" grep -qx \
    'Entwurf · Arbeitsmarkt- und Integrationsprogramm 2017' "$mtmp/p2.txt"
check "the PDF's keywords have the year as written" sh -c \
    "pdfinfo '$mtmp/out/zwei.pdf' 2>/dev/null | grep -q '^Keywords:.*2019/2020'"

pdftotext -f 2 -l 2 "$mtmp/out/lang.pdf" "$mtmp/p2l.txt" 2>/dev/null
check "a long running head keeps the status and shortens the title" grep -qx \
    'Entwurf – nicht zur Veröffentlichung · .*…' "$mtmp/p2l.txt"

# The index: the year as written, sorted by the first year (newest first).
check "the index prints the year as written" \
    grep -q '<td>2019/2020</td>' "$mtmp/out/index.html"
order=$(grep -o '<td>20[0-9/]*</td>' "$mtmp/out/index.html" | tr -d '<>/td' |
    tr '\n' ' ')
check "the index sorts by the first year: $order" \
    [ "$order" = "2020 2019 20192020 2017 " ]
rm -rf "$mtmp"
