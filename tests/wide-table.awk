# wide-table.awk: the wide tables of the layout tests (layout.sh,
# layout-corpus.sh), a kind="table" table of n count columns.
#   awk -v part=columns -v n=N -v label=L: its <column> elements, headed
#     "L 1" .. "L N";
#   awk -v part=csv -v n=N -v rows=R [-v first=F]: its CSV file, rows
#     named F1 .. FR (default Zeile) holding row * 1000 + column.
BEGIN {
	if (part == "columns") {
		for (i = 1; i <= n; i++)
			printf "<column name=\"k%d\" type=\"count\" label=\"%s %d\"/>\n", i, label, i
		exit
	}
	if (first == "")
		first = "Zeile"
	printf "name"; for (i = 1; i <= n; i++) printf ";k%d", i; print ""
	for (r = 1; r <= rows; r++) {
		printf "%s%d", first, r
		for (i = 1; i <= n; i++) printf ";%d", r * 1000 + i
		print ""
	}
}
