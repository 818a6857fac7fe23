#!/usr/bin/env python3
"""pdfua.py PDF HTML: the tagged PDF's structure against the web page.

Reads the structure with `pdfinfo -struct-text`, the catalog and the
structure elements with `qpdf --json`, the words with `pdftotext`, and
prints one line per check: "ok WHAT" or "FAIL WHAT: why".  The checks:
tagged; /MarkInfo and a structure tree; the headings in the order and at
the levels of the web page's; the table and chart captions in the web
page's order; every table with TH and TD; every chart and picture a Figure with /Alt;
the web page's lists as L/LI; no running head or page number in the
structure; at least 99 % of the body's words inside it.
"""
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

NBSP = re.compile("[\u00a0\u202f\u2009\u2066\u2067\u2068\u2069]")


MARK = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+")


def norm(s):
    return " ".join(NBSP.sub(" ", s).split())


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout


class Node:
    def __init__(self, role, depth):
        self.role, self.depth, self.kids, self.texts = role, depth, [], []

    def text(self):
        return "".join(self.texts + [k.text() for k in self.kids])

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()


def struct_text(pdf):
    """`pdfinfo -struct-text` of pdf.  Poppler draws the page again for
    every marked content and sets up the output intent's colour profile
    each time (15 s for an example); a copy without the intent (its key
    renamed in qpdf's QDF form, offsets unchanged) reads the same."""
    with tempfile.TemporaryDirectory() as d:
        qdf = os.path.join(d, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf],
                       capture_output=True)
        with open(qdf, "rb") as f:
            data = f.read().replace(b"/OutputIntents", b"/OutputIntentX")
        with open(qdf, "wb") as f:
            f.write(data)
        return run("pdfinfo", "-struct-text", qdf)


def struct_tree(pdf):
    """The elements of `pdfinfo -struct-text` as a tree of Nodes."""
    root, stack = Node("root", -1), []
    stack.append(root)
    for line in struct_text(pdf).splitlines():
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if not body:
            continue
        while len(stack) > 1 and stack[-1].depth >= depth:
            stack.pop()
        if body.startswith('"') and body.endswith('"'):
            stack[-1].texts.append(body[1:-1])
        elif re.match(r"^[A-Z][A-Za-z0-9]*( |:|$)", body):
            n = Node(body.split()[0].rstrip(":"), depth)
            stack[-1].kids.append(n)
            stack.append(n)
    return root


class Page(html.parser.HTMLParser):
    """The web page's headings, captions, lists and charts in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.heads, self.caps = [], [], []
        self.lists = self.charts = 0
        self.grab = None

    def hidden(self):
        return any(t in ("nav", "details", "svg", "head") for t, _ in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("br", "meta", "link", "img", "input", "hr", "col", "wbr"):
            return
        self.stack.append((tag, a))
        if self.hidden():
            return
        # A chapter's footnotes are a list on the web page, Note
        # elements at the feet of the printed pages.
        if tag in ("ul", "ol") and not {"legend", "footnotes"} & \
                set((a.get("class") or "").split()):
            self.lists += 1
        cls = (a.get("class") or "").split()
        if tag == "figure" and ("chart" in cls or "picture" in cls) and \
                "decorative" not in cls:
            self.charts += 1
        if re.fullmatch("h[1-6]", tag) or tag in ("caption", "figcaption"):
            self.grab = [tag, len(self.stack), ""]

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if self.grab and len(self.stack) < self.grab[1]:
                g, self.grab = self.grab, None
                if g[0].startswith("h"):
                    self.heads.append((int(g[0][1]), norm(g[2])))
                else:
                    self.caps.append(norm(g[2]))
            if t == tag:
                break

    def handle_data(self, data):
        if self.grab:
            self.grab[2] += data


def catalog(pdf):
    objs = json.loads(run("qpdf", "--json", pdf))["qpdf"][1]
    root = objs["trailer"]["value"]["/Root"]
    return objs, objs["obj:" + root]["value"]


def body_words(pdf):
    """The distinct words of the pages but their foot ("Seite X von Y";
    the running head's words are the cover's)."""
    words = set()
    for l in run("pdftotext", pdf, "-").splitlines():
        if not re.fullmatch(r"\s*Seite \d+ von \d+\s*", l):
            words.update(norm(l).split())
    return words


def report(ok, what, why=""):
    print(("ok %s" % what) if ok else ("FAIL %s: %s" % (what, why)))


def strip_part(c):
    return re.sub(r" \(Teil \d+ von \d+\)$", "", c)


def main():
    pdf, page_file = sys.argv[1], sys.argv[2]
    name = pdf.rsplit("/", 1)[-1]
    page = Page()
    with open(page_file, encoding="utf-8") as f:
        page.feed(f.read())
    tree = struct_tree(pdf)
    nodes = list(tree.walk())[1:]

    report("Tagged:          yes" in run("pdfinfo", pdf), name + ": tagged")
    objs, cat = catalog(pdf)
    report(cat.get("/MarkInfo", {}).get("/Marked") is True and
           "/StructTreeRoot" in cat, name + ": /MarkInfo and a structure tree",
           str({k: cat.get(k) for k in ("/MarkInfo", "/StructTreeRoot")}))

    heads = [(int(n.role[1]), norm(n.text())) for n in nodes
             if re.fullmatch("H[1-6]", n.role)]
    # The contents and its lists of tables and figures are a nav on the
    # web page.
    lists = ("Inhalt", "Tabellenverzeichnis", "Abbildungsverzeichnis")
    want = [h for h in page.heads if h[1] not in lists]
    have = [h for h in heads if h[1] not in lists]
    report(have == want, name + ": headings as on the web page",
           next(("%s against %s" % (a, b) for a, b in zip(have, want) if a != b),
                "%d against %d" % (len(have), len(want))))

    caps = []
    for n in nodes:
        c = norm(n.text())
        # A table in parts is one caption on the web page.
        if n.role == "Caption" and c != "Daten zum Diagramm" and \
                not re.search(r" \(Teil ([2-9]|\d\d+) von \d+\)$", c):
            caps.append(strip_part(c))
    report(caps == page.caps, name + ": captions as on the web page",
           next(("%r against %r" % (a, b) for a, b in zip(caps, page.caps)
                 if a != b), "%d against %d" % (len(caps), len(page.caps))))

    tables = [n for n in nodes if n.role == "Table"]
    bad = [strip_part(norm(k.text())) for t in tables for k in t.kids[:1]
           if not any(x.role == "TH" for x in t.walk()) or
           not any(x.role == "TD" for x in t.walk())]
    report(not bad, name + ": every table with TH and TD",
           "%d tables, without: %s" % (len(tables), bad[:3]))

    figs = [v["value"] for v in objs.values() if isinstance(v.get("value"), dict)
            and v["value"].get("/S") == "/Figure"]
    report(len(figs) == page.charts and all("/Alt" in f for f in figs),
           name + ": every chart and picture a Figure with /Alt",
           "%d figures for %d charts, %d without /Alt" % (len(figs),
               page.charts, sum("/Alt" not in f for f in figs)))

    lists = sum(n.role == "L" for n in nodes)
    items = sum(n.role == "LI" for n in nodes)
    report(lists == page.lists and (lists == 0 or items >= lists),
           name + ": lists as L and LI", "%d L, %d LI for %d lists" %
           (lists, items, page.lists))

    text = " ".join(norm(n.text()) for n in tree.kids)
    report(not re.search(r"Seite \d+ von \d+", text),
           name + ": no page number in the structure", "found")

    inside = set()
    for n in nodes:
        inside.update(norm("".join(n.texts)).split())
    # A continued table's caption is repeated as page furniture.
    body = body_words(pdf) - {"(Fortsetzung)"}
    # A chart's labels run together in its Figure; its /Alt reads them.
    # pdftotext joins a word broken after its own hyphen ("Rheinland-
    # Pfalz") without it; a running head cut with "…" is page furniture.
    figures = " ".join(norm(n.text()) for n in nodes if n.role == "Figure")
    joined = {w.replace("-", "") for w in inside}
    # A word longer than a line (a URL) is cut without a hyphen: pdftotext
    # gives its pieces, the structure the whole word.
    whole = "\n".join(norm("".join(n.texts)) for n in nodes)
    # A footnote's mark is a Link of its own after its word: "3,8 %¹."
    # is "3,8 %." in the paragraph and "¹" in the Link.
    body = {MARK.sub("", w) or w for w in body}
    # A link's last word and the punctuation after it ("Seite 5,") are
    # kids of different elements.
    missing = sorted(w for w in body - inside if w not in figures and
                     w.replace("-", "") not in joined and
                     w.rstrip(".,;:!?") not in inside and
                     not w.endswith("…") and w not in whole)
    share = 1 - len(missing) / max(len(body), 1)
    report(share >= 0.99, name + ": 99 % of the body's words in the structure",
           "%.1f %%, missing %s" % (100 * share, missing[:8]))


if __name__ == "__main__":
    main()
