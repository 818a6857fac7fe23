# Writes N plan folders like the bundled examples (a budget, an instrument
# mix, a distribution, targets, a series, about fifteen pages of text),
# with figures from a seeded generator: the same N give the same plans.
# Usage: awk -v n=400 -v rows=0 -v out=DIR -f make-plans.awk
# rows > 0 gives every plan an instrument table of that many rows.

# Park-Miller: exact in awk's doubles, the same with every awk.
function rnd(lo, hi) {
	seed = (seed * 16807) % 2147483647
	return lo + seed % (hi - lo + 1)
}
function pick(list, n) { return list[rnd(1, n)] }
# A count or an amount in German notation: 1.234.567
function de(x,    s, r) {
	s = sprintf("%d", x); r = ""
	while (length(s) > 3) { r = "." substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
	return s r
}
function sentence(    k, s, w) {
	s = pick(starts, nstarts)
	for (k = rnd(8, 18); k > 0; k--) {
		w = pick(words, nwords)
		s = s " " w
	}
	return s "."
}
function paragraph(f,    k, s) {
	s = sentence()
	for (k = rnd(3, 6); k > 0; k--)
		s = s " " sentence()
	printf "      <p>%s</p>\n", s > f
}
function plan(i,    dir, f, name, jc, land, year, report, g, k, m, nrow) {
	year = 2017 + i % 4
	report = i % 3 == 0 ? "amip" : i % 3 == 1 ? "planungsdokument" : "eingliederungsbericht"
	jc = pick(kreise, nkreise) "-" pick(kreise, nkreise)
	land = laender[i % 16 + 1]
	name = sprintf("jc-%03d-%d", i, year)
	dir = out "/" name
	system("mkdir -p '" dir "'")

	f = dir "/budget.csv"
	print "id;position;betrag;art" > f
	printf "eglt;Eingliederungstitel;%s €;basis\n", de(rnd(1500000, 40000000)) > f
	printf "bundesprogramm;Mittel aus Bundesprogrammen;%s €;zugang\n", de(rnd(50000, 900000)) > f
	printf "einnahmen;Einnahmen aus dem Forderungseinzug;%s €;zugang\n", de(rnd(5000, 60000)) > f
	printf "umschichtung;Umschichtung in das Verwaltungsbudget;%s €;abgang\n", de(rnd(100000, 900000)) > f
	close(f)

	f = dir "/instrumente.csv"
	if (report == "eingliederungsbericht")
		print "gruppe;instrument;eintritte;mittel_neufall;eintritte_ist;ausgaben_ist" > f
	else
		print "gruppe;instrument;eintritte;mittel_neufall;mittel_vorbindung" > f
	nrow = rows > 0 ? rows : rnd(24, 40)
	for (k = 1; k <= nrow; k++) {
		g = groups[1 + int((k - 1) * ngroups / nrow)]
		m = rnd(20, 2500)
		if (report == "eingliederungsbericht")
			printf "%s;%s %d;%s;%s €;%s;%s €\n", g, pick(instr, ninstr), k, de(m),
			    de(m * rnd(900, 2400)), de(m * rnd(70, 120) / 100), de(m * rnd(800, 2500)) > f
		else
			printf "%s;%s %d;%s;%s €;%s €\n", g, pick(instr, ninstr), k, de(m),
			    de(m * rnd(900, 2400)), de(rnd(0, 400000)) > f
	}
	close(f)

	f = dir "/kunden.csv"
	print "merkmal;anzahl" > f
	for (k = 1; k <= 6; k++)
		printf "%s;%s\n", merkmale[k], de(rnd(100, 6000)) > f
	close(f)

	f = dir "/ziele.csv"
	print "kennzahl;typ;ist_vorjahr;zielwert;richtung" > f
	printf "Integrationsquote;quote;%d,%d %%;%d,%d %%;\n", rnd(18, 30), rnd(0, 9), rnd(19, 31), rnd(0, 9) > f
	printf "Langzeitleistungsbezieher;bestand;%s;%s;niedrig\n", de(rnd(2000, 20000)), de(rnd(2000, 20000)) > f
	printf "Kosten der Unterkunft;summe;;%s €;niedrig\n", de(rnd(5000000, 90000000)) > f
	close(f)

	f = dir "/arbeitsmarkt.csv"
	print "kennzahl;jahr;wert;einheit" > f
	for (k = 0; k < 5; k++)
		printf "Arbeitslose SGB II;%d;%s;\n", year - 5 + k, de(rnd(1500, 30000)) > f
	for (k = 0; k < 5; k++)
		printf "Arbeitslosenquote SGB II;%d;%d,%d %%;%%\n", year - 5 + k, rnd(2, 12), rnd(0, 9) > f
	close(f)

	f = dir "/plan.xml"
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > f
	printf "<plan report=\"%s\" year=\"%d\">\n", report, year > f
	printf "  <jobcenter name=\"Jobcenter %s\" kind=\"%s\" land=\"%s\"/>\n", jc, i % 5 ? "gE" : "zkT", land > f
	printf "  <title>%s %d</title>\n", titles[report], year > f
	printf "  <date>%d-01-15</date>\n", year > f
	print "  <data>" > f
	printf "    <table name=\"budget\" kind=\"budget\" src=\"budget.csv\" title=\"Eingliederungsbudget %d\"/>\n", year > f
	printf "    <table name=\"instrumente\" kind=\"instruments\" src=\"instrumente.csv\" title=\"Instrumentenmix %d\" budget=\"budget\"/>\n", year > f
	print "    <table name=\"kunden\" kind=\"distribution\" src=\"kunden.csv\" title=\"Struktur der erwerbsfähigen Leistungsberechtigten\"/>" > f
	printf "    <table name=\"ziele\" kind=\"targets\" src=\"ziele.csv\" title=\"Ziele %d\"/>\n", year > f
	print "    <table name=\"markt\" kind=\"series\" src=\"arbeitsmarkt.csv\" title=\"Eckdaten des Arbeitsmarkts\"/>" > f
	print "  </data>" > f
	print "  <body>" > f
	for (k = 1; k <= 8; k++) {
		printf "    <section title=\"%s\">\n", chapters[k] > f
		paragraph(f)
		if (k == 2) print "      <insert table=\"markt\"/>" > f
		if (k == 3) { print "      <insert table=\"kunden\"/>" > f; print "      <chart table=\"kunden\" field=\"anzahl\" kind=\"pie\"/>" > f }
		if (k == 4) print "      <insert table=\"ziele\"/>" > f
		if (k == 5) {
			printf "      <p>Insgesamt sind <value ref=\"instrumente.gesamt.eintritte\"/> Eintritte geplant.</p>\n" > f
			print "      <insert table=\"budget\"/>" > f
			print "      <insert table=\"instrumente\"/>" > f
			print "      <chart table=\"instrumente\" field=\"mittel_gesamt\" kind=\"bar\"/>" > f
		}
		paragraph(f); paragraph(f); paragraph(f); paragraph(f)
		print "    </section>" > f
	}
	print "  </body>" > f
	print "</plan>" > f
	close(f)
}
BEGIN {
	seed = 20261122 + rows
	nkreise = split("Ahr Lahn Dill Mosel Eifel Rhein Main Kinzig Werra Fulda Nahe Saar Sieg Ruhr Lippe Ems Weser Aller Leine Oker Elbe Havel Spree Oder Neisse Saale Unstrut Ilm Pleisse Mulde Regen Isar Inn Lech Iller Wertach Neckar Tauber Jagst Kocher", kreise, " ")
	split("Baden-Württemberg|Bayern|Berlin|Brandenburg|Bremen|Hamburg|Hessen|Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz|Saarland|Sachsen|Sachsen-Anhalt|Schleswig-Holstein|Thüringen", laender, "|")
	ngroups = split("I. Integrationsorientierte Instrumente|II. Qualifizierung|III. Beschäftigung schaffende Maßnahmen|IV. Freie Förderung|V. Leistungen an Selbstständige|VI. Bundesprogramme", groups, "|")
	ninstr = split("Förderung der beruflichen Weiterbildung|Eingliederungszuschüsse|Aktivierung und berufliche Eingliederung|Arbeitsgelegenheiten|Einstiegsgeld|Coaching|Teilhabe am Arbeitsmarkt|Eingliederung von Langzeitarbeitslosen|Vermittlungsbudget|Reha-Maßnahmen", instr, "|")
	split("Marktnahe Kunden|Aktivierungskunden|Förderkunden|Betreuungskunden|Integriert, aber hilfebedürftig|Noch nicht zugeordnet", merkmale, "|")
	split("Vorwort|Rahmenbedingungen|Kundenstruktur|Ziele|Budget und Instrumentenmix|Integration von Geflüchteten|Zusammenarbeit mit Partnern|Ausblick", chapters, "|")
	titles["amip"] = "Arbeitsmarkt- und Integrationsprogramm"
	titles["planungsdokument"] = "Planungsdokument"
	titles["eingliederungsbericht"] = "Eingliederungsbericht"
	nstarts = split("Im Jahr|Das Jobcenter|Die Integration|Gemeinsam mit|Für die|Mit dem|Die Zahl der|Auch im", starts, "|")
	nwords = split("Leistungsberechtigten unterstützt Langzeitarbeitslose Arbeitgeber Maßnahmen Förderung Qualifizierung Beschäftigung Integration Netzwerk Region Bedarfsgemeinschaften Vermittlung Eingliederung Kommune Agentur Beratung Fallmanagement Perspektive Jugendliche Alleinerziehende Sprachförderung Ausbildung Weiterbildung Arbeitsmarkt Entwicklung deutlich weiterhin gezielt nachhaltig erfolgreich verstärkt gemeinsam regional die der das und mit für im zum zur auf bei nach von", words, " ")
	for (i = 1; i <= n; i++)
		plan(i)
}
