#!/usr/bin/python3
"""Writes the workbooks of the tests/errors/xlsx-* cases: small hand-made
workbooks (inline strings, one sheet "Budget") with one fault each.  Run
from the top of the repository: /usr/bin/python3 tests/xlsx/make-errors.py
The expect files are kept by hand."""
import os, zipfile

FIXED = (2017, 1, 1, 0, 0, 0)
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
      'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
      'openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="Budget" sheetId="1" r:id="rId1"/>'
      '<sheet name="Notizen" sheetId="2" r:id="rId2"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" '
        'Target="/xl/worksheets/sheet2.xml"/></Relationships>')
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://'
        'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
TAIL = '</sheetData></worksheet>'

def s(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)

def rows(betrag3):
    return (HEAD + '<row r="1">' + s("A1", "position") + s("B1", "betrag") +
            s("C1", "art") + '</row><row r="2">' + s("A2", "Zuweisung") +
            '<c r="B2"><v>1000.5</v></c>' + s("C2", "zugang") +
            '</row><row r="3">' + s("A3", "Insgesamt") + betrag3 +
            s("C3", "summe") + '</row>' + TAIL)

def book(path, sheet1, method=zipfile.ZIP_DEFLATED, members=None):
    members = members or {"xl/workbook.xml": WB,
                          "xl/_rels/workbook.xml.rels": RELS,
                          "xl/worksheets/sheet1.xml": sheet1,
                          "xl/worksheets/sheet2.xml": HEAD + TAIL}
    with zipfile.ZipFile(path, "w", method) as z:
        for name, data in members.items():
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = method
            z.writestr(zi, data)

D = "tests/errors/"
book(D + "xlsx-text-in-number/budget.xlsx", rows(s("B3", "viel")))
book(D + "xlsx-div0/budget.xlsx",
     rows('<c r="B3" t="e"><f>B2/0</f><v>#DIV/0!</v></c>'))
book(D + "xlsx-formula-no-value/budget.xlsx",
     rows('<c r="B3"><f>SUM(B2:B2)</f></c>'))
book(D + "xlsx-missing-sheet/budget.xlsx", rows('<c r="B3"><v>1000.5</v></c>'))
# 84 MB of empty rows (one long text would hit libxml2's own limit
# first): a few kilobytes with bzip2.
book(D + "xlsx-zip-bomb/budget.xlsx",
     HEAD + "<row/>" * (14 << 20) + TAIL, zipfile.ZIP_BZIP2)
book(D + "xlsx-corrupt-zip/budget.xlsx", rows('<c r="B3"><v>1000.5</v></c>'))
with open(D + "xlsx-corrupt-zip/budget.xlsx", "r+b") as f:
    f.truncate(os.path.getsize(f.name) - 30)   # the end of the directory
