#!/usr/bin/python3
"""layout-check.py: invariants that hold for any good print layout.

Usage: layout-check.py KNOWN MANIFEST, or layout-check.py --self-test
(each invariant finds its defect on made-up pages).
MANIFEST has one case a line: NAME<TAB>STATUS<TAB>SECONDS<TAB>HTML<TAB>PDF,
where STATUS is gen's exit status under `timeout` (124: it ran out of
time).  KNOWN (tests/layout-known) lists failures that today's layout is
known to have: "CASE INVARIANT why".  Prints one line per case and
invariant: "ok CASE INVARIANT", "known CASE INVARIANT: what" or
"FAIL CASE INVARIANT: what"; a known failure that holds now is a FAIL
too, so that the list stays as short as the truth.

The invariants, read from the HTML (what the document holds) and from
`pdftotext -raw -bbox` (the PDF's words, in drawing order, with boxes):
  time     gen finished with status 0 within its time.
  content  every word of every printed table cell and caption, and every
           figure (an element with data-key), stands in the PDF's text;
           every figure of a cell as often as the cells hold it.
  inside   every word box lies inside the page's media box.
  overlap  no two word boxes overlap by more than TOL points each way.
  size     no text is smaller than 7 pt.
  hyphen   no word of a heading, a table head or the cover title is
           hyphenated (broken after an added "-" at a line end).
  keep     a table of up to 8 body rows has its first and last rows on
           one page; a paragraph ending in ":" stands on the page where
           the table or chart after it starts.
  nobreak  no line ends after "§", inside "SGB II" or "ALG I", between a
           sign and its number or a number and its unit, or before
           punctuation.
  footnote every footnote of the web page (li id="fussnote.N") stands
           once in the PDF, a line beginning with its raised number and
           its first word, on a page where a word ends in its mark.
  ref      (only with --plan HTML PDF, for tests/fuzz/plans.sh, with
           footnote) every "Tabelle 3 auf Seite 12" of a <ref> names a
           page that shows the caption "Tabelle 3" or the heading "2.1".
Text is compared after normalising what the two outputs write
differently on purpose: no-break and thin spaces are blanks, the bidi
marks and soft hyphens are nothing, apostrophes are "'".
"""
import html.parser
import os
import re
import subprocess
import sys

TOL = 0.5		# points two boxes may overlap, or a box leave the page
MIN_PT = 7.0		# the smallest text size
# pdftotext's word box is the font's ascent + descent times the size:
# for Liberation Sans (regular and bold) 0.905 + 0.212 = 1.117.  Measured
# on a table's 8,5 pt cell (9,486 pt high) and a 7 pt note in a cell
# (7,812 pt high): both 1,116.
BOX_PER_PT = 1.116
KEEP_ROWS = 8

SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u2002\u2003\t\n\r"), " ")
DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200e\u200f\u2066\u2067\u2068\u2069"
    "\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"), None)
QUOTES = dict.fromkeys(map(ord, "\u2019\u2018\u02bc\u00b4\u0060"), "'")
HYPHENS = re.compile("[-\u2010\u2011\\s]+")


def norm(s):
    return s.translate(SPACES).translate(DROP).translate(QUOTES)


def squeeze(s):
    """No blanks and no hyphens: where a line ends is the layout's choice."""
    return HYPHENS.sub("", norm(s))


def words(s):
    return norm(s).split()


NUMBER = re.compile("\\(?[\u2212+-]?\\d[\\d.,]{0,18}\\)?")


class Page(html.parser.HTMLParser):
    """What the page holds: cells, captions, figures, heads, tables and
    the paragraphs ending in ":" before a table or chart."""

    VOID = {"br", "meta", "link", "img", "input", "hr", "col", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []			# (tag, attrs)
        self.cells = []			# texts of printed table cells and captions
        self.figures = []		# texts of data-key elements
        self.heads = []			# (what, text): headings, table heads, cover
        self.tables = []		# [rows], a row is [cell texts]
        self.colons = []		# (paragraph text, caption of what follows)
        self.grab = []			# open collectors: [tag, depth, kind, text]
        self.last_p = None		# the last closed <p>'s text, until a sibling
        self.pending = None		# a colon paragraph waiting for its table

    def hidden(self):
        for tag, attrs in self.stack:
            if tag in ("details", "nav", "svg", "head", "style", "script"):
                return True
        return False

    def inside(self, tag, cls=None):
        for t, a in self.stack:
            if t == tag and (cls is None or cls in (a.get("class") or "").split()):
                return True
        return False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("br", "span", "p", "div", "li"):
            self.handle_data(" ")	# a line or a note of its own
        if tag in self.VOID:
            return
        self.stack.append((tag, a))
        depth = len(self.stack)
        hidden = self.hidden()
        if "data-key" in a:
            self.grab.append([tag, depth, "figure", ""])
        if hidden:
            return
        if tag == "table":
            self.tables.append([])
            if self.pending is not None:
                self.grab.append([tag, depth, "pending-table", ""])
        elif tag == "figure" and self.pending is not None:
            self.grab.append([tag, depth, "pending-figure", ""])
        elif tag == "tr" and self.tables and not self.inside("thead"):
            self.tables[-1].append([])
        if tag in ("th", "td"):
            kind = "head" if self.inside("thead") else "cell"
            self.grab.append([tag, depth, kind, ""])
        elif tag in ("caption", "figcaption"):
            self.grab.append([tag, depth, "caption", ""])
        elif re.fullmatch("h[1-6]", tag):
            self.grab.append([tag, depth, "heading", ""])
        elif tag == "p" and not self.inside("table") and not self.inside("figure"):
            self.grab.append([tag, depth, "p", ""])
        if tag in ("p", "div", "ul", "ol", "section", "h2", "h3", "h4", "h5", "h6") \
                and self.pending is not None and self.pending[1] is None:
            # Something else came between the ":" and a table or chart.
            if not (tag == "div" and "table-wrap" in (a.get("class") or "")):
                self.pending = None

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            depth = len(self.stack) + 1
            done = [g for g in self.grab if g[1] == depth]
            self.grab = [g for g in self.grab if g[1] != depth]
            for g in done:
                self.closed(g[2], g[3])
            if t == tag:
                break

    def closed(self, kind, text):
        text = " ".join(words(text))
        if kind == "figure":
            if text:
                self.figures.append(text)
        elif kind == "cell":
            self.cells.append(text)
            if self.tables and self.tables[-1]:
                self.tables[-1][-1].append(text)
        elif kind == "head":
            self.cells.append(text)
            self.heads.append(("table head", text))
        elif kind == "caption":
            self.cells.append(text)
            if self.pending is not None and self.pending[1] is None:
                self.pending[1] = text
                self.colons.append(tuple(self.pending))
                self.pending = None
        elif kind == "heading":
            self.heads.append(("cover" if self.inside("header", "cover") else "heading", text))
        elif kind == "p":
            self.pending = [text, None] if text.endswith(":") else None
        elif kind in ("pending-table", "pending-figure"):
            self.pending = None

    def handle_data(self, data):
        for g in self.grab:
            g[3] += data


BBOX_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
BBOX_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
                       r'xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')


def pdf_pages(pdf):
    """[(width, height, [(x0, y0, x1, y1, text)])] in drawing order."""
    out = subprocess.run(["pdftotext", "-raw", "-bbox", pdf, "-"],
                         capture_output=True, text=True).stdout
    pages = []
    for line in out.splitlines():
        m = BBOX_PAGE.search(line)
        if m:
            pages.append((float(m[1]), float(m[2]), []))
            continue
        m = BBOX_WORD.search(line)
        if m and pages:
            t = html.unescape(m[5])
            pages[-1][2].append((float(m[1]), float(m[2]), float(m[3]),
                                 float(m[4]), norm(t)))
    return pages


def lines_of(ws):
    """Line numbers of a page's words: a new line where the baseline moves."""
    out, n, prev = [], 0, None
    for w in ws:
        if prev is not None and abs(w[3] - prev[3]) > 1.0:
            n += 1
        out.append(n)
        prev = w
    return out


class Case:
    def __init__(self, name, known, out):
        self.name, self.known, self.out = name, known, out

    def report(self, inv, problems):
        key = (self.name, inv)
        if problems:
            what = "; ".join(problems[:4])
            if len(problems) > 4:
                what += "; and %d more" % (len(problems) - 4)
            if key in self.known:
                self.out.append("known %s %s: %s" % (self.name, inv, what))
            else:
                self.out.append("FAIL %s %s: %s" % (self.name, inv, what))
        elif key in self.known:
            self.out.append("FAIL %s %s: holds now: take it out of tests/layout-known"
                            % (self.name, inv))
        else:
            self.out.append("ok %s %s" % (self.name, inv))


def in_pieces(s, stream):
    """s drawn in pieces, in order, other text between them: a cell
    that goes on overleaf under the running head and the table's head."""
    pos = 0
    for w in stream:
        if w == s[pos:]:
            return True
        # A short word between the pieces ("2" of "Teil 2 von 3") is
        # taken for a piece only where it ends s.
        if len(w) >= 4 and s.startswith(w, pos):
            pos += len(w)
    return False


def check_content(pg, pages):
    stream = [squeeze(w[4]) for _, _, ws in pages for w in ws]
    text = "".join(stream)
    miss = []
    for t in pg.cells + pg.figures:
        for w in t.split():
            s = squeeze(w)
            if s and s not in text and not in_pieces(s, stream):
                miss.append("'%s' (of '%s')" % (w[:40], t[:60]))
                break
    # Figures never break: each as often in the PDF as in the cells that
    # show one (a figure with its unit or a short note, at most three
    # words).  A long note's words need only be there: the print numbers
    # it once under its table for all the cells it stands in.
    have = {}
    for _, _, ws in pages:
        for w in ws:
            have[w[4]] = have.get(w[4], 0) + 1
    want = {}
    for t in pg.cells:
        if len(t.split()) > 3:
            continue
        for w in t.split():
            if NUMBER.fullmatch(w):
                want[w] = want.get(w, 0) + 1
    for w, n in sorted(want.items()):
        if have.get(w, 0) < n:
            miss.append("'%s' %d times in the cells, %d in the PDF"
                        % (w[:40], n, have.get(w, 0)))
    return miss


SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074"
                            "\u2075\u2076\u2077\u2078\u2079")
SUP_RUN = re.compile("[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+$")
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
FN_NOTE = re.compile(r'<li id="fussnote\.(\d+)">(.*?)</li>', re.S)


def footnotes(page_html):
    """{N: the first word of footnote N} of the web page."""
    out = {}
    for m in FN_NOTE.finditer(page_html):
        ws = words(html.unescape(re.sub("<[^>]*>", " ", m[2])))
        if ws:
            out[int(m[1])] = ws[0]
    return out


def check_footnote(notes, pages):
    bad = []
    for n, first in sorted(notes.items()):
        sup = str(n).translate(SUPERSCRIPT)
        marks, at = set(), []
        for i, (_, _, ws) in enumerate(pages, 1):
            for k, w in enumerate(ws):
                t = w[4].rstrip(".,;:)!?")
                # Marks in a row stand apart by commas: "Satz¹,²".
                for j, piece in enumerate(t.split(",")):
                    m = SUP_RUN.search(piece)
                    if m and m[0] == sup and (m.start() > 0 or j > 0):
                        marks.add(i)
                nxt = ws[k + 1][4] if k + 1 < len(ws) else ""
                # The first word may be broken: with a hyphen, or
                # without one where it is longer than the line; a
                # right-to-left one comes out of pdftotext as drawn.
                if t == sup and (nxt == first or nxt.endswith("-") and
                                 first.startswith(nxt[:-1]) or
                                 len(nxt) >= 20 and first.startswith(nxt) or
                                 RTL.search(first) and RTL.search(nxt)):
                    at.append(i)
        if len(at) != 1:
            bad.append("footnote %d: its note %d times in the PDF" % (n, len(at)))
        elif at[0] not in marks:
            bad.append("footnote %d: its note on page %d, its mark on %s" %
                       (n, at[0], sorted(marks) or "none"))
    return bad


REF_KINDS = ("Tabelle", "Abbildung", "Abschnitt")


def check_ref(pages):
    """Every "Tabelle 3 auf Seite 12" (a <ref>'s text in the print) names
    the page that holds its target: the caption "Tabelle 3" or the
    heading "2.1"."""
    bad = []
    for i, (_, _, ws) in enumerate(pages, 1):
        t = [w[4] for w in ws]
        for k in range(len(t) - 4):
            if not (t[k] in REF_KINDS and t[k + 2] == "auf" and
                    t[k + 3] == "Seite"):
                continue
            num = t[k + 1]
            page = re.match(r"\d+", t[k + 4])
            if not page:
                continue
            m = int(page[0])
            if not 1 <= m <= len(pages):
                bad.append("page %d: '%s %s auf Seite %d': no such page"
                           % (i, t[k], num, m))
                continue
            there = [w[4] for w in pages[m - 1][2]]
            if t[k] == "Abschnitt":
                ok = num in there or num + "." in there
            else:
                ok = any(there[j] == t[k] and there[j + 1].rstrip(":") == num
                         and not (j + 3 < len(there) and there[j + 2] == "auf"
                                  and there[j + 3] == "Seite")
                         for j in range(len(there) - 1))
            if not ok:
                bad.append("page %d: '%s %s auf Seite %d', but page %d does "
                           "not show it" % (i, t[k], num, m, m))
    return bad


def check_inside(pages):
    bad = []
    for i, (pw, ph, ws) in enumerate(pages, 1):
        for x0, y0, x1, y1, t in ws:
            if x0 < -TOL or y0 < -TOL or x1 > pw + TOL or y1 > ph + TOL:
                bad.append("page %d: '%s' at %.1f,%.1f-%.1f,%.1f" %
                           (i, t[:30], x0, y0, x1, y1))
    return bad


def check_overlap(pages):
    bad = []
    for i, (_, _, ws) in enumerate(pages, 1):
        order = sorted(ws, key=lambda w: w[0])
        active = []
        for w in order:
            active = [a for a in active if a[2] - w[0] > TOL]
            for a in active:
                if min(a[3], w[3]) - max(a[1], w[1]) > TOL:
                    bad.append("page %d: '%s' over '%s' at %.1f,%.1f" %
                               (i, a[4][:30], w[4][:30], w[0], w[1]))
            active.append(w)
    return bad


def check_size(pages):
    bad = []
    for i, (_, _, ws) in enumerate(pages, 1):
        for x0, y0, x1, y1, t in ws:
            pt = (y1 - y0) / BOX_PER_PT
            if pt < MIN_PT - 0.05:
                bad.append("page %d: '%s' at %.1f pt" % (i, t[:30], pt))
    return bad


SECTION_NUMBER = re.compile(r"^\d+(\.\d+)*\.? ")


class Lines:
    """Who stands next to a word on its baseline: within a word space
    (0,6 of the size; a space is 0,28) it goes on the same line, further
    away is another cell or column."""

    def __init__(self, ws):
        self.by = {}
        for w in ws:
            self.by.setdefault(round(w[3]), []).append(w)

    def near(self, w, right):
        gap = 0.6 * (w[3] - w[1]) / BOX_PER_PT
        for y in (round(w[3]) - 1, round(w[3]), round(w[3]) + 1):
            for o in self.by.get(y, []):
                if o is w or abs(o[3] - w[3]) > 1.0:
                    continue
                d = o[0] - w[2] if right else w[0] - o[2]
                if -TOL <= d <= gap:
                    return True
        return False


def line_breaks(ws, li, ahead):
    """The places where a line breaks in the drawing order ws (li: its
    Lines): k, m and the words a = ws[k], which ends a line, and b =
    ws[m], which begins a lower one, at most ahead words later."""
    for k in range(len(ws) - 1):
        a = ws[k]
        if li.near(a, True):
            continue	# a ends no line
        for m in range(k + 1, min(k + 1 + ahead, len(ws))):
            b = ws[m]
            if b[3] <= a[3] + 1.0 or li.near(b, False):
                continue	# b begins no lower line
            yield k, m, a, b


def check_hyphen(pg, pages):
    """A word of a head broken across lines: "Bud-" (an added hyphen)
    or "Grundsicherungsträgergemeinsch" (none) ends a line, "get" or "aft"
    begins a lower one soon after in the drawing (the contents page draws
    the entry's number and page between them), the rest of the head's
    words stand around them, and the head is a line or block of its own
    (running text would go on).  A break after a hyphen of the word
    itself ("Musterstadt-" "Nordwestkreis") is no hyphenation."""
    heads = {}
    for what, t in pg.heads:
        # The contents page sets the number apart: match the title.
        m = SECTION_NUMBER.match(t)
        num = m.group(0).strip() if m else None
        hw = t[m.end():].split() if m else t.split()
        for j, w in enumerate(hw):
            heads.setdefault(w, []).append((what, hw, j, num))
    bad = []
    for i, (_, _, ws) in enumerate(pages, 1):
        li = Lines(ws)
        for k, m, a, b in line_breaks(ws, li, 4):
            t = a[4][:-1] + b[4] if a[4].endswith("-") else a[4] + b[4]
            for what, hw, j, num in heads.get(t, []):
                before, after = hw[:j], hw[j + 1:]
                st = k - len(before)
                e = m + 1 + len(after)
                if st < 0 or e > len(ws):
                    continue
                if [w[4] for w in ws[st:k]] != before or \
                        [w[4] for w in ws[m + 1:e]] != after:
                    continue
                first = ws[st]
                if st > 0 and ws[st - 1][4] == num:
                    first = ws[st - 1]	# the heading's number
                if li.near(first, False) or li.near(ws[e - 1], True):
                    continue	# running text around it
                bad.append("page %d: %s '%s' as '%s %s'" %
                           (i, what, " ".join(hw)[:60], a[4], b[4]))
    return bad


ROMAN = re.compile(r"^(I{1,3}|IV|VI{0,3}|IX|XI{0,2})([-/,.;:)]|$)")
SIGN = {"+", "-", "\u2212", "\u00b1"}
UNIT = re.compile(r"^(€|%|%-Pkt\.?|Prozent|EUR|VZÄ)([,.;:)]*)$")
PUNCT = re.compile(r"^[.,;:!?)\]]")
FIGURE_END = re.compile(r"\d$")


def check_nobreak(pages):
    """Where a line must not break: after "§" or "§§", inside "SGB II"
    or "ALG I", between a sign and its number, between a number and its
    unit, before punctuation (a lone "." on a line)."""
    bad = []
    for i, (_, _, ws) in enumerate(pages, 1):
        for _, _, a, b in line_breaks(ws, Lines(ws), 1):
            x, y = a[4], b[4]
            why = None
            if x in ("§", "§§"):
                why = "after '%s'" % x
            elif x in ("SGB", "ALG") and ROMAN.match(y):
                why = "inside '%s %s'" % (x, y)
            elif x in SIGN and y[:1].isdigit():
                why = "between a sign and its number"
            elif FIGURE_END.search(x) and UNIT.match(y):
                why = "between a number and its unit"
            elif PUNCT.match(y):
                why = "before punctuation"
            if why:
                bad.append("page %d: %s: '%s' | '%s'" % (i, why, x, y))
    return bad


def check_keep(pg, pages):
    texts = [squeeze("".join(w[4] for w in ws)) for _, _, ws in pages]

    def on(s):
        s = squeeze(s)
        return {i for i, t in enumerate(texts) if s and s in t}

    def row_pages(row):
        p = on(row[0]) if row else set()
        rest = [c for c in row[1:] if squeeze(c)]
        if rest:
            p &= set().union(*(on(c) for c in rest))
        return p

    bad = []
    for rows in pg.tables:
        rows = [r for r in rows if r]
        if not rows or len(rows) > KEEP_ROWS:
            continue
        first, last = row_pages(rows[0]), row_pages(rows[-1])
        if first and last and not (first & last):
            bad.append("the table of %d rows '%s' … '%s' on pages %s and %s" %
                       (len(rows), " ".join(rows[0])[:40], " ".join(rows[-1])[:40],
                        ",".join(str(p + 1) for p in sorted(first)),
                        ",".join(str(p + 1) for p in sorted(last))))
    for para, caption in pg.colons:
        tail = " ".join(para.split()[-8:])
        ps, cs = on(tail), on(caption)
        if not ps or not cs:
            continue
        p = min(ps)
        after = [c for c in cs if c >= p]
        if after and min(after) != p:
            bad.append("'…%s' on page %d, '%s' on page %d" %
                       (tail[-40:], p + 1, caption[:40], min(after) + 1))
    return bad


def self_test():
    """Each invariant catches the defect it is for, on made-up pages
    (a word is W(x, y, text): 5 pt a character, 10 pt high)."""
    def W(x, y, t, h=BOX_PER_PT * 10):
        return (x, y, x + 5 * len(t), y + h, t)
    pg = Page()
    pg.feed('<header class="cover"><h1>Arbeitsmarkt- und Integrationsprogramm'
            ' 2017</h1></header><main><h2><span class="num">1.</span> Budget</h2>'
            '<p>Vorher:</p><div class="table-wrap"><table><caption>Budget 1'
            '</caption><thead><tr><th>Posten</th><th>Anteil am Budget</th></tr>'
            '</thead><tbody><tr><th>Amt</th><td>1.001</td></tr><tr><th>Bund</th>'
            '<td>2.002<span class="note">ca.</span></td></tr><tr class="total">'
            '<th>Gesamt</th><td>3.003</td></tr></tbody></table></div>'
            '<p>Das Bud-</p></main>')
    p1 = (595, 842, [W(70, 100, "Arbeitsmarkt-"), W(140, 100, "und"),
                     W(70, 130, "Integrationspro-"), W(70, 160, "gramm"),
                     W(103, 160, "2017"), W(70, 700, "Vorher:"),
                     W(70, 760, "Budget"), W(103, 760, "1"), W(70, 780, "Posten"),
                     W(170, 780, "Anteil"), W(203, 780, "am"), W(216, 780, "Bud-"),
                     W(170, 795, "get"), W(70, 810, "Amt"), W(100, 810, "1.001")])
    p2 = (595, 842, [W(70, 100, "Bund"), W(100, 100, "2.002"), W(100, 108, "ca."),
                     W(70, 120, "Gesamt"), W(120, 120, "3.003"),
                     W(590, 300, "raus"), W(70, 400, "klein", h=6),
                     W(70, 500, "Das"), W(88, 500, "Bud-"), W(70, 520, "get"),
                     W(88, 520, "wird"), W(70, 600, "im"), W(85, 600, "SGB"),
                     W(70, 615, "II-Bezug"), W(120, 615, "nach"), W(145, 615, "§"),
                     W(70, 630, "16i.")])
    want = {
        "content": (check_content(pg, [p1]), ["2.002"]),
        "inside": (check_inside([p1, p2]), ["'raus'"]),
        "overlap": (check_overlap([p1, p2]), ["'2.002' over 'ca.'"]),
        "size": (check_size([p1, p2]), ["'klein'"]),
        "hyphen": (check_hyphen(pg, [p1, p2]), ["Integrationspro- gramm", "Bud- get'"]),
        "keep": (check_keep(pg, [p1, p2]), ["3 rows"]),
        "nobreak": (check_nobreak([p1, p2]), ["'SGB' | 'II-Bezug'", "after '§'"]),
        "footnote": (check_footnote(
            footnotes('<ol class="footnotes"><li id="fussnote.1">Erste.</li>'
                      '<li id="fussnote.2">Zweite <em>Note</em>.</li></ol>'),
            [(595, 842, [W(70, 100, "Text\u00b9."), W(70, 700, "\u00b9"),
                         W(80, 700, "Erste."), W(70, 300, "Satz\u00b2")]),
             (595, 842, [W(70, 700, "\u00b2"), W(80, 700, "Zweite")])]),
            ["footnote 2: its note on page 2, its mark on [1]"]),
        "ref": (check_ref(
            [(595, 842, [W(70, 100, "siehe"), W(90, 100, "Tabelle"),
                         W(120, 100, "2"), W(130, 100, "auf"),
                         W(145, 100, "Seite"), W(170, 100, "2,"),
                         W(70, 120, "Tabelle"), W(100, 120, "1:")]),
             (595, 842, [W(70, 100, "Tabelle"), W(100, 100, "1"),
                         W(110, 100, "auf"), W(130, 100, "Seite"),
                         W(150, 100, "1."), W(70, 300, "Tabelle"),
                         W(100, 300, "3:")])]),
            ["'Tabelle 2 auf Seite 2', but page 2"]),
    }
    bad = 0
    for inv, (got, needles) in sorted(want.items()):
        for n in needles:
            if not any(n in g for g in got):
                print("FAIL self-test %s: does not find %s in %s" % (inv, n, got))
                bad += 1
    if len(want["hyphen"][0]) != 2:
        print("FAIL self-test hyphen: running text taken for a head: %s" % want["hyphen"][0])
        bad += 1
    if not bad:
        print("ok self-test")
    return bad


def main():
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(1 if self_test() else 0)
    if sys.argv[1:2] == ["--plan"] and len(sys.argv) == 4:
        # Of one rendered plan (tests/fuzz/plans.sh): footnote and ref.
        with open(sys.argv[2], encoding="utf-8") as f:
            page_html = f.read()
        pages = pdf_pages(sys.argv[3])
        bad = ["footnote: " + b for b in
               check_footnote(footnotes(page_html), pages)]
        bad += ["ref: " + b for b in check_ref(pages)]
        print("\n".join(bad[:4]) if bad else "ok")
        sys.exit(1 if bad else 0)
    known = set()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                p = line.split()
                known.add((p[0], p[1]))
    out = []
    with open(sys.argv[2], encoding="utf-8") as f:
        manifest = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    for name, status, secs, htmlf, pdf in manifest:
        c = Case(name, known, out)
        c.report("time", [] if status == "0" else
                 ["status %s (124: more than %s s)" % (status, secs)])
        if status != "0":
            continue
        if not (os.path.isfile(htmlf) and os.path.isfile(pdf)):
            c.report("content", ["no %s or no %s" % (htmlf, pdf)])
            continue
        pg = Page()
        with open(htmlf, encoding="utf-8") as f:
            page_html = f.read()
        pg.feed(page_html)
        pages = pdf_pages(pdf)
        c.report("content", check_content(pg, pages))
        c.report("inside", check_inside(pages))
        c.report("overlap", check_overlap(pages))
        c.report("size", check_size(pages))
        c.report("hyphen", check_hyphen(pg, pages))
        c.report("nobreak", check_nobreak(pages))
        c.report("keep", check_keep(pg, pages))
        c.report("footnote", check_footnote(footnotes(page_html), pages))
    for (name, inv) in sorted(known):
        if name not in {m[0] for m in manifest}:
            out.append("FAIL %s %s: in tests/layout-known, but no such case" % (name, inv))
    print("\n".join(out))


if __name__ == "__main__":
    main()
