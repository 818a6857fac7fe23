#!/bin/sh
# organigramm.sh: draws organigramm.png, the organisation chart of the
# Kommunales Jobcenter Lahn-Dill (plan.xml, chapter 1), from the SVG
# below with headless Chromium, at 1200 by 600 pixels (8 by 4 inches at
# 150 dpi).  Run from any folder: sh input/lahn-dill-2019/bilder/organigramm.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
box() {	# x y w h fill text [second line]
	printf '<rect x="%s" y="%s" width="%s" height="%s" rx="8" fill="%s" stroke="#1F4E79" stroke-width="3"/>\n' "$1" "$2" "$3" "$4" "$5"
	if [ $# -ge 7 ]; then
		printf '<text x="%s" y="%s">%s</text><text x="%s" y="%s" class="s">%s</text>\n' \
		    $(($1 + $3 / 2)) $(($2 + $4 / 2 - 6)) "$6" $(($1 + $3 / 2)) $(($2 + $4 / 2 + 24)) "$7"
	else
		printf '<text x="%s" y="%s">%s</text>\n' $(($1 + $3 / 2)) $(($2 + $4 / 2 + 9)) "$6"
	fi
}
line() { printf '<path d="%s" fill="none" stroke="#1F4E79" stroke-width="3"/>\n' "$1"; }
{
	echo '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
	echo 'html,body{margin:0;background:#fff}'
	echo 'text{font:bold 26px "DejaVu Sans",sans-serif;fill:#1A1A1A;text-anchor:middle}'
	echo 'text.s{font-weight:normal;font-size:20px}</style></head><body>'
	echo '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600" viewBox="0 0 1200 600">'
	line 'M600 150 V250 M150 250 H1050 M150 250 V330 M600 250 V330 M1050 250 V330'
	line 'M380 90 H450 M750 90 H820'
	box 450 30 300 120 '#E8EEF5' 'Vorstand' '(zwei Vorstände)'
	box 40 40 340 100 '#FFFFFF' 'Verwaltungsrat' 'Sozialdezernent'
	box 820 40 340 100 '#FFFFFF' 'Fachbeirat' 'berät und unterstützt'
	box 20 330 260 120 '#E8EEF5' 'Leistung' 'Aufgabentandems'
	box 440 330 320 120 '#E8EEF5' 'Vermittlung' 'und Fallmanagement'
	box 900 330 280 120 '#E8EEF5' 'Regionale Teams' 'Wetzlar, Dillenburg'
	box 240 490 720 90 '#FFFFFF' 'Sozialintegrative Leistungen' '§ 16a SGB II, im Auftrag: Lahn-Dill-Kreis'
	line 'M150 450 V470 H1050 V450 M600 450 V490'
	echo '</svg></body></html>'
} >"$tmp/o.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size=1200,600 \
    --screenshot="$tmp/o.png" "file://$tmp/o.html" >/dev/null 2>&1
mv "$tmp/o.png" "$here/organigramm.png"
