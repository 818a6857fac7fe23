#!/usr/bin/python3
"""Builds tests/xlsx/me-aktiv/ from input/me-aktiv-2017: one workbook with a
sheet per table (numbers as numeric cells, the plan's percent columns as
percent-formatted fractions, the cells of 'summe' rows as SUM formulas with
their saved values) and a plan.xml that reads it.

openpyxl writes formulas without a saved value, so the values are put into
the sheet XML afterwards.  Run from the top of the repository:
    /usr/bin/python3 tests/xlsx/make-workbook.py
"""
import csv, io, os, re, sys, zipfile
from decimal import Decimal
import openpyxl
from openpyxl.utils import get_column_letter

SRC = "input/me-aktiv-2017"
OUT = "tests/xlsx/me-aktiv"
BOOK = "me-aktiv-2017.xlsx"
NUM = re.compile(r"^-?(0|[1-9]\d{0,2}(\.\d{3})+|[1-9]\d*)(,\d+)?$")
FIXED = (2017, 1, 1, 0, 0, 0)

plan = open(os.path.join(SRC, "plan.xml"), encoding="utf-8").read()
percent = {}
for m in re.finditer(r'<table name="([^"]+)"[^>]*?(?:/>|>.*?</table>)', plan, re.S):
    percent[m.group(1)] = set(re.findall(
        r'<column name="([^"]+)" type="percent"', m.group(0)))

wb = openpyxl.Workbook()
wb.remove(wb.active)
formulas = {}          # sheet index -> {cell ref: saved value}
for m in re.finditer(r'<table name="([^"]+)"[^>]*?src="([^"]+)"', plan):
    name, src = m.group(1), m.group(2)
    ws = wb.create_sheet(name)
    saved = formulas.setdefault(len(wb.sheetnames), {})
    header, art, first = None, None, None
    text = open(os.path.join(SRC, src), encoding="utf-8").read()
    for r, row in enumerate(csv.reader(io.StringIO(text), delimiter=";"), 1):
        if header is None and row and not row[0].startswith("#"):
            header = [h.strip().lower() for h in row]
            art = header.index("art") if "art" in header else None
            first = r + 1
            ws.append(row)
            continue
        if header is None or not row or row[0].startswith("#"):
            ws.append(row)
            continue
        is_sum = art is not None and row[art].strip() == "summe"
        for c, cell in enumerate(row, 1):
            col = header[c - 1] if c <= len(header) else ""
            ref = "%s%d" % (get_column_letter(c), r)
            if not NUM.match(cell.strip()) or col in ("id", "jahr"):
                ws[ref] = cell
                continue
            v = Decimal(cell.strip().replace(".", "").replace(",", "."))
            decimals = -v.as_tuple().exponent
            shown = "0" + ("." + "0" * decimals if decimals else "")
            if col in percent.get(name, ()):
                ws[ref] = v / 100
                ws[ref].number_format = shown + "%"
            elif is_sum:
                letter = get_column_letter(c)
                ws[ref] = "=SUM(%s%d:%s%d)" % (letter, first, letter, r - 1)
                saved[ref] = v
            else:
                ws[ref] = int(v) if decimals == 0 else float(v)
                if decimals:
                    ws[ref].number_format = shown
wb.properties.created = wb.properties.modified = __import__("datetime").datetime(*FIXED)
os.makedirs(OUT, exist_ok=True)
raw = io.BytesIO()
wb.save(raw)

# The saved values of the formulas, and fixed member dates.
zin = zipfile.ZipFile(raw)
with zipfile.ZipFile(os.path.join(OUT, BOOK), "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        m = re.match(r"xl/worksheets/sheet(\d+)\.xml$", info.filename)
        if m and formulas.get(int(m.group(1))):
            xml = data.decode("utf-8")
            for ref, v in formulas[int(m.group(1))].items():
                xml, n = re.subn(r'(<c r="%s"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v>\s*</v>)?' % ref,
                                 r"\g<1><v>%s</v>" % v, xml)
                assert n == 1, ref
            data = xml.encode("utf-8")
        zi = zipfile.ZipInfo(info.filename, FIXED)
        zi.compress_type = zipfile.ZIP_DEFLATED
        zout.writestr(zi, data)

out = re.sub(r'src="([^"]+)\.csv"', r'src="%s" sheet="\1"' % BOOK, plan)
open(os.path.join(OUT, "plan.xml"), "w", encoding="utf-8").write(out)
