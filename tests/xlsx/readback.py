#!/usr/bin/python3
"""readback.py BOOK.xlsx EXPORT.csv: the sheet "Kennzahlen" of the Excel
export holds the rows of the CSV export, wert as a number of the same
value (compared as decimals), the other columns as the same text (without
the CSV's apostrophe before a formula-like text).
Prints the first difference and exits 1."""
import csv, sys
from decimal import Decimal
import openpyxl

book, export = sys.argv[1], sys.argv[2]
ws = openpyxl.load_workbook(book, read_only=True)["Kennzahlen"]
got = [list(r) for r in ws.iter_rows(values_only=True)]
with open(export, encoding="utf-8", newline="") as f:
    want = list(csv.reader(f, delimiter=";"))
if len(got) != len(want):
    sys.exit("%d rows, the CSV export has %d" % (len(got), len(want)))
for n, (g, w) in enumerate(zip(got, want), 1):
    g = (g + [None] * 4)[:4]
    for c in range(4):
        v = g[c]
        if n > 1 and c == 1 and v is not None:
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                sys.exit("row %d: wert %r is not a number" % (n, v))
            ok = w[1] != "" and Decimal(repr(v)) == Decimal(w[1])
        else:
            # A text cell is never run as a formula: the CSV export's
            # apostrophe guard (export.c) is not needed there.
            t = v if v is not None else ""
            ok = t == w[c] or (t[:1] in ("=", "+", "-", "@", "\t", "\r")
                               and "'" + t == w[c])
        if not ok:
            sys.exit("row %d column %d: %r, the CSV export has %r" %
                     (n, c + 1, v, w[c]))
