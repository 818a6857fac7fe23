# Hostile input too large or too strange to keep in tests/errors: built
# here, each must end within its time with the expected status and first
# message.  Sourced by run.sh with $gen, $tmp, check and status.

case $gen in /*) hgen=$gen ;; *) hgen=$(pwd)/$gen ;; esac
# hostile NAME STATUS FIRST-LINE: runs gen on $tmp/h from inside $tmp.
hostile() {
	_st=$(cd "$tmp" && status timeout 60 "$hgen" -f html,pdf,csv -o h-out h)
	_first=$(head -n 1 "$tmp/cli.err")
	check "hostile $1: status $_st, want $2" [ "$_st" = "$2" ]
	check "hostile $1: first message '$_first', want '$3'" [ "$_first" = "$3" ]
	if [ "$2" = 1 ]; then
		check "hostile $1: nothing written" [ ! -e "$tmp/h-out" ]
	fi
	rm -rf "$tmp/h-out"
}
mkplan() {
	rm -rf "$tmp/h" && mkdir -p "$tmp/h"
	printf '<plan report="amip" year="2017"><jobcenter name="J" kind="gE"/><title>T</title><data><table name="t" kind="instruments" src="t.csv"/></data><body><section title="S"><insert table="t"/></section></body></plan>\n' >"$tmp/h/plan.xml"
	printf 'instrument;eintritte\nA;1\n' >"$tmp/h/t.csv"
}
# rows N: an instruments table of N rows.
rows() {
	awk -v n="$1" 'BEGIN { print "instrument;eintritte;mittel_neufall";
		for (i = 0; i < n; i++) printf "I%d;%d;%d,%02d\n", i, i % 97, i, i % 100 }'
}

mkplan
head -c 104857600 /dev/zero | tr '\0' x >"$tmp/h/t.csv"
hostile "a 100 MB line" 1 "h/t.csv: error: file is too large (100 MB; the limit is 64 MB)"
mkplan
truncate -s 3G "$tmp/h/t.csv"
hostile "a 3 GB file" 1 "h/t.csv: error: file is too large (3072 MB; the limit is 64 MB)"
mkplan
{ printf 'instrument;eintritte\nA;'; head -c 2097152 /dev/zero | tr '\0' 7; echo; } >"$tmp/h/t.csv"
hostile "a 2 MB line" 1 "h/t.csv:2: error: a record is longer than 1 MB (is a quote left open?)"
mkplan
{ printf 'instrument;eintritte\n"A;1\n'; rows 100000; } >"$tmp/h/t.csv"
hostile "a quote left open" 1 "h/t.csv:2: error: a record is longer than 1 MB (is a quote left open?)"
mkplan
rows 1000000 >"$tmp/h/t.csv"
hostile "a million rows" 1 "h/t.csv:100002: error: more than 100000 rows"
mkplan
rows 100000 >"$tmp/h/t.csv"
hostile "100.000 rows, too many cells to print" 1 "h/plan.xml:1: error: the tables and charts of the body print more than 250000 cells"
mkplan
rows 100000 >"$tmp/h/t.csv"
sed -i 's|<insert table="t"/>|<insert table="t"/><chart table="t" field="eintritte" kind="bar"/><insert table="t"/>|' "$tmp/h/plan.xml"
hostile "one table printed three times" 1 "h/plan.xml:1: error: the tables and charts of the body print more than 250000 cells"
mkplan
awk 'BEGIN { printf "<plan report=\"amip\" year=\"2017\"><jobcenter name=\"J\" kind=\"gE\"/><title>T</title><body>";
	for (i = 0; i < 100000; i++) printf "<section title=\"s\">"; print "" }' >"$tmp/h/plan.xml"
hostile "XML nested 100.000 deep" 1 "h/plan.xml:1: error: elements are nested more than 256 deep"
mkplan
awk 'BEGIN { printf "<plan report=\"amip\" year=\"2017\"><!--"; for (i = 0; i < 17000000; i++) printf "x"; print "--></plan>" }' \
    >"$tmp/h/plan.xml"
hostile "a plan.xml of 17 MB" 1 "h/plan.xml: error: file is too large (17 MB; the limit is 16 MB)"
mkplan
cat >"$tmp/h/plan.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE plan [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<plan report="amip" year="2017"><jobcenter name="J"/><title>&g;</title><body/></plan>
XML
hostile "a billion laughs" 1 "h/plan.xml:2: error: a DOCTYPE is not allowed in plan.xml"
mkplan
rm "$tmp/h/t.csv"
mkfifo "$tmp/h/t.csv"
hostile "a FIFO as src" 1 "h/t.csv: error: not a regular file"
mkplan
rm "$tmp/h/plan.xml"
mkfifo "$tmp/h/plan.xml"
hostile "plan.xml a FIFO" 1 "h/plan.xml: error: not a regular file"
mkplan
ln -sf /dev/zero "$tmp/h/t.csv"
hostile "src a link to /dev/zero" 1 "h/plan.xml:1: error: src 't.csv' leaves the plan folder"
mkplan
ln -sf /etc/passwd "$tmp/h/t.csv"
hostile "src a link out of the plan folder" 1 "h/plan.xml:1: error: src 't.csv' leaves the plan folder"
mkplan
rm "$tmp/h/t.csv"
ln -s t.csv "$tmp/h/t.csv"
hostile "src a link to itself" 1 "h/t.csv: error: cannot open: Too many levels of symbolic links"
mkplan
ln -s "$(pwd)/input/ahrweiler-2017" "$tmp/h/prev"
sed -i 's|year="2017"|year="2017" previous="prev"|' "$tmp/h/plan.xml"
hostile "previous a link out of the plan folder" 1 "h/plan.xml:1: error: <plan> previous 'prev' leaves the folder that holds this plan"
# shares N SHARE-A SHARE-B: a distribution of N shares, alternately typed.
shares() {
	mkplan
	sed -i 's|kind="instruments" src="t.csv"|kind="distribution" src="t.csv"|; s|<insert table="t"/>|<p>x</p>|' "$tmp/h/plan.xml"
	awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { print "merkmal;anteil";
		for (i = 0; i < n; i++) printf "M%d;%s\n", i, i % 2 ? b : a }' >"$tmp/h/t.csv"
}
shares 100000 0,001 0,0010
hostile "100.000 shares of three and four decimals adding up to 100" 0 ""
shares 100000 0,002 0,0020
hostile "100.000 shares of three and four decimals adding up to 200" 1 "h/t.csv:1: error: the shares add up to 200,0000 %, not 100 %"
# "did you mean" looks at every row: a few searches a table, not one a row.
mkplan
sed -i 's|kind="instruments"|kind="distribution"|' "$tmp/h/plan.xml"
awk 'BEGIN { print "id;merkmal;anzahl;darunter";
	for (i = 0; i < 100000; i++) printf "r%d;R%d;1;x%d\n", i, i, i + 1 }' >"$tmp/h/t.csv"
hostile "100.000 darunter rows naming near-miss ids" 1 "h/t.csv:2: error: column 'darunter': no row has the id 'x1' (did you mean 'r1'?)"
# figure SRC: a plan whose text shows the picture SRC (in $tmp/h).
figure() {
	mkplan
	sed -i "s|<insert table=\"t\"/>|<figure src=\"$1\" alt=\"Bild\"/>|" "$tmp/h/plan.xml"
}
# A PNG of 30000 by 30000 pixels in 109 KB (template.sh's logo bomb).
figure bomb.png
sed -n '/^H4sIAAAA/,/^B64$/p' tests/template.sh | sed '$d' | base64 -d | gunzip -c >"$tmp/h/bomb.png"
hostile "a PNG bomb as a figure" 1 "h/plan.xml:1: error: <figure> src 'bomb.png' has 30000 by 30000 pixels, more than 25 million"
figure bild.png
mkfifo "$tmp/h/bild.png"
hostile "a FIFO as a figure" 1 "h/bild.png: error: not a regular file"
figure bild.png
ln -s /usr/share/pixmaps/debian-logo.png "$tmp/h/bild.png" 2>/dev/null ||
    ln -s /etc/passwd "$tmp/h/bild.png"
hostile "a figure linked out of the plan folder" 1 "h/plan.xml:1: error: <figure> src 'bild.png' leaves the plan folder"
figure bild.png
head -c 20000000 /dev/zero >"$tmp/h/bild.png"
hostile "a 20 MB figure" 1 "h/bild.png: error: file is too large (20 MB; the limit is 16 MB)"
mkplan
cp tests/pictures/schmuck.png "$tmp/h/bild.png"
awk 'BEGIN { for (i = 0; i < 201; i++) printf "<figure src=\"bild.png\" alt=\"Bild %d\"/>", i }' >"$tmp/h/figs"
sed -i "s|<insert table=\"t\"/>|$(cat "$tmp/h/figs")|" "$tmp/h/plan.xml"
hostile "201 figures" 1 "h/plan.xml:1: error: more than 200 <figure> elements in one plan"
rm -rf "$tmp/h"
