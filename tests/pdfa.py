#!/usr/bin/env python3
"""pdfa.py: the catalog, metadata and trailer of gen's PDFs, as PDF/A-1
and PDF/UA want them, read from `qpdf --json --json-stream-data=inline`.
Usage: qpdf --json --json-stream-data=inline F.pdf | python3 tests/pdfa.py NAME
Prints "ok NAME: WHAT" or "FAIL NAME: WHAT" lines."""
import base64
import json
import sys
import xml.etree.ElementTree as ET

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def main():
    name = sys.argv[1]
    j = json.load(sys.stdin)
    meta, objs = j["qpdf"]
    results = []

    def check(what, ok):
        results.append(("ok" if ok else "FAIL", what))

    def obj(ref):
        return objs.get("obj:" + ref, {}) if isinstance(ref, str) else {}

    def value(ref):
        o = obj(ref)
        return o.get("value", o.get("stream", {}).get("dict", {}))

    def text(v):
        return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v

    trailer = objs["trailer"]["value"]
    root = value(trailer["/Root"])
    info = value(trailer.get("/Info", ""))
    check("PDF 1.4", meta["pdfversion"] == "1.4")
    ids = trailer.get("/ID", [])
    check("trailer /ID: two strings of 16 bytes",
          len(ids) == 2 and all(i.startswith("b:") and len(i) == 34
                                for i in ids))
    check("/Lang (de-DE)", root.get("/Lang") == "u:de-DE")
    prefs = root.get("/ViewerPreferences", {})
    if isinstance(prefs, str):
        prefs = value(prefs)
    check("/ViewerPreferences << /DisplayDocTitle true >>",
          prefs.get("/DisplayDocTitle") is True)
    intents = root.get("/OutputIntents", [])
    check("one /GTS_PDFA1 output intent with an RGB profile",
          len(intents) == 1 and intents[0].get("/S") == "/GTS_PDFA1" and
          value(intents[0].get("/DestOutputProfile")).get("/N") == 3)
    md = obj(root.get("/Metadata", ""))
    st = md.get("stream", {})
    check("XMP metadata stream /Type /Metadata /Subtype /XML, unfiltered",
          st.get("dict", {}).get("/Subtype") == "/XML" and
          "/Filter" not in st.get("dict", {}))
    try:
        xmp = ET.fromstring(base64.b64decode(st.get("data", "")))
    except ET.ParseError:
        xmp = ET.Element("none")
    check("XMP is well-formed", xmp.tag != "none")

    def prop(path):
        e = xmp.find(".//" + path, NS)
        return e.text if e is not None else None

    part, conf = prop("pdfaid:part"), prop("pdfaid:conformance")
    tagged = "/MarkInfo" in root
    check("XMP pdfaid:part 1", part == "1")
    check("XMP pdfaid:conformance B, or A once tagged (/MarkInfo)",
          conf == ("A" if tagged else "B"))
    check("XMP pdfuaid:part 1 exactly when tagged",
          (prop("pdfuaid:part") == "1") == tagged)
    check("XMP dc:title is the info's /Title",
          prop("dc:title/rdf:Alt/rdf:li") == text(info.get("/Title")))
    check("XMP dc:creator is the info's /Author",
          prop("dc:creator/rdf:Seq/rdf:li") == text(info.get("/Author")))
    check("XMP pdf:Producer is the info's /Producer",
          prop("pdf:Producer") == text(info.get("/Producer")))
    annots = [o["value"] for o in objs.values()
              if isinstance(o.get("value"), dict) and
              o["value"].get("/Subtype") == "/Link"]
    check("every link printed (/F 4) with /Contents",
          all(a.get("/F") == 4 and text(a.get("/Contents", "")) != ""
              for a in annots))
    check("every link's destination in the link",
          all(not isinstance(a.get("/Dest", []), str) for a in annots))
    for status, what in results:
        print(f"{status} {name}: {what}")


main()
