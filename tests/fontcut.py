#!/usr/bin/env python3
"""fontcut.py PDF: every embedded TrueType program (FontFile2) is cut
(fontsub.c): its glyph names gone (post version 3), and its hinting
(no fpgm, prep).  Reads the programs with qpdf; prints what is wrong
and exits 1."""
import base64
import json
import subprocess
import sys


def programs(pdf):
    out = subprocess.run(["qpdf", "--json", "--json-stream-data=inline",
                          "--decode-level=generalized", pdf],
                         capture_output=True, check=True).stdout
    objs = json.loads(out)["qpdf"][1]
    for key, obj in objs.items():
        stream = obj.get("stream") if isinstance(obj, dict) else None
        if stream and "/Length1" in stream["dict"]:
            yield key, base64.b64decode(stream["data"])


def tables(font):
    """The tables of a program: tag -> offset."""
    out = {}
    for i in range(int.from_bytes(font[4:6], "big")):
        entry = font[12 + 16 * i:28 + 16 * i]
        out[entry[:4].decode("latin-1")] = int.from_bytes(entry[8:12], "big")
    return out


def post_version(font):
    at = tables(font).get("post")
    return None if at is None else int.from_bytes(font[at:at + 2], "big")


bad = 0
seen = 0
for key, font in programs(sys.argv[1]):
    seen += 1
    if post_version(font) != 3:
        print(f"{key}: post version {post_version(font)}, not 3")
        bad = 1
    hints = sorted(set(tables(font)) & {"fpgm", "prep"})
    if hints:
        print(f"{key}: hinting tables {', '.join(hints)}")
        bad = 1
if seen == 0:
    print("no font program")
    bad = 1
sys.exit(bad)
