#!/bin/sh
# Writes a plan folder with an instruments table of N rows (default 2000)
# into DIR: for the test of tables across pages and for the benchmark.
set -eu
dir=$1
rows=${2:-2000}
mkdir -p "$dir"
cat >"$dir/plan.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<plan report="amip" year="2025">
  <jobcenter name="Jobcenter Langtabelle" kind="gE" region="Testkreis" land="Hessen"/>
  <title>Arbeitsmarkt- und Integrationsprogramm 2025</title>
  <author>Testbetrieb</author>
  <date>2025-01-15</date>
  <data>
    <table name="instrumente" kind="instruments" src="instrumente.csv"
           title="Instrumentenmix 2025"/>
  </data>
  <body>
    <section title="Instrumente">
      <p>Eine lange Tabelle über viele Seiten.</p>
      <insert table="instrumente"/>
    </section>
  </body>
</plan>
XML
awk -v n="$rows" 'BEGIN {
	print "gruppe;instrument;eintritte;mittel_neufall"
	for (i = 1; i <= n; i++)
		printf "Gruppe %d;Maßnahme Nummer %d zur Eingliederung;%d;%d,%02d\n",
		    int((i - 1) / 100) + 1, i, i % 97, i * 37, i % 100
}' >"$dir/instrumente.csv"
