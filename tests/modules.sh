# modules.sh: no two modules of gen/ include each other, directly or
# through others (a cycle makes neither testable nor replaceable alone).
# Sourced by tests/run.sh with the functions check, pass and fail.
cycles=$(for f in gen/*.c gen/*.h; do
	m=$(basename "$f"); m=${m%.?}
	sed -n 's/^#include "\([a-z0-9_]*\)\.h".*/\1/p' "$f" |
	    while read -r x; do [ "$x" != "$m" ] && echo "$m $x"; done
done | sort -u | awk '
	{ edge[$1, $2] = 1; node[$1] = 1; node[$2] = 1 }
	END {
		# reach[a, b]: b is reached from a (Warshall).
		for (k in edge) reach[k] = 1
		for (k in node) for (i in node) if ((i, k) in reach)
			for (j in node) if ((k, j) in reach) reach[i, j] = 1
		for (i in node) for (j in node)
			if (i < j && (i, j) in reach && (j, i) in reach)
				print i "<->" j
	}' | sort)
check "no include cycle among gen/ modules: $cycles" [ -z "$cycles" ]
