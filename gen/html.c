/* html.c: the HTML5 writer over the document tree, with libxml2's tree
 * and serializer; charts as inline SVG. */
#include "html.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "svg.h"
#include "text.h"
#include "util.h"
#include "xmlw.h"

struct writer {
	const struct doc	*d;
	xmlNodePtr		 body, main;
	xmlNodePtr		 cur;		/* where the walk adds */
	const struct doc_node	*loose;		/* the first node under the
						   root whose footnotes no
						   list has yet */
	unsigned		 palette[CHART_COLORS];
};

/* A line break in the source, so that golden files diff by line. */
static void
S_nl(xmlNodePtr parent)
{
	xmlNodeAddContent(parent, (const xmlChar *)"\n");
}

/* --- head, cover, contents, footer --- */

static void
S_head(xmlNodePtr html, const struct doc *d, const struct template *tpl)
{
	xmlNodePtr head = xmlw_el(html, "head", NULL), m;
	char *title = xasprintf("%s \xE2\x80\x93 %s", d->title, d->jobcenter);

	xmlw_attr(xmlw_el(head, "meta", NULL), "charset", "utf-8");
	m = xmlw_el(head, "meta", NULL);
	xmlw_attr(m, "name", "%s", "viewport");
	xmlw_attr(m, "content", "%s", "width=device-width, initial-scale=1");
	xmlw_el(head, "title", title);
	m = xmlw_el(head, "meta", NULL);
	xmlw_attr(m, "name", "%s", "description");
	xmlw_attr(m, "content", "%s", d->description);
	if (d->author != NULL) {
		m = xmlw_el(head, "meta", NULL);
		xmlw_attr(m, "name", "%s", "author");
		xmlw_attr(m, "content", "%s", d->author);
	}
	xmlw_el(head, "style", tpl->css);
	free(title);
}

static void
S_cover(xmlNodePtr page, const struct doc *d, const struct template *tpl)
{
	xmlNodePtr h = xmlw_el(page, "header", NULL), p, img;

	xmlw_attr(h, "class", "%s", "cover");
	/* First on the page: a reader sees it before the title. */
	if (d->status != NULL)
		xmlw_attr(xmlw_el_nb(h, "p", d->status), "class", "status");
	if (tpl->logo != NULL) {
		p = xmlw_el(h, "p", NULL);
		xmlw_attr(p, "class", "%s", "logo");
		img = xmlw_el(p, "img", NULL);
		xmlw_attr(img, "src", "%s", tpl->logo);
		xmlw_attr(img, "alt", "%s", tpl->logo_alt);
	}
	xmlw_attr(xmlw_el(h, "p", d->jobcenter), "class", "jobcenter");
	xmlw_el_nb(h, "h1", d->title);
	if (d->subtitle != NULL)
		xmlw_attr(xmlw_el_nb(h, "p", d->subtitle), "class", "subtitle");
	if (d->cover_line != NULL)
		xmlw_attr(xmlw_el_nb(h, "p", d->cover_line), "class", "meta");
	if (d->date != NULL)
		xmlw_attr(xmlw_el(h, "p", d->date), "class", "meta");
	if (d->author != NULL)
		xmlw_attr(xmlw_el(h, "p", d->author), "class", "meta");
	if (d->reference != NULL)
		xmlw_attr(xmlw_el(h, "p", d->reference), "class", "meta");
	S_nl(page);
}

/* The contents as nested lists, from the flat TOC entries. */
static void
S_toc(xmlNodePtr page, const struct doc_node *toc)
{
	xmlNodePtr nav = xmlw_el(page, "nav", NULL), h, list[8], li = NULL, a;
	int depth = 1;

	xmlw_attr(nav, "class", "%s", "toc");
	/* A list of tables or figures has an id of its own. */
	xmlw_attr(nav, "aria-labelledby", "%s-titel", toc->id != NULL ?
	    toc->id : "inhalt");
	h = xmlw_el_nb(nav, "h2", toc->text);
	xmlw_attr(h, "id", "%s-titel", toc->id != NULL ? toc->id : "inhalt");
	list[1] = xmlw_el(nav, "ol", NULL);
	for (const struct doc_node *e = toc->first; e != NULL; e = e->next) {
		int level = e->level < 7 ? e->level : 7;

		while (depth < level && li != NULL) {
			list[depth + 1] = xmlw_el(li, "ol", NULL);
			depth++;
		}
		depth = depth > level ? level : depth;
		li = xmlw_el(list[depth], "li", NULL);
		a = xmlw_el(li, "a", NULL);
		xmlw_attr(a, "href", "#%s", e->id);
		xmlw_attr(xmlw_el(a, "span", e->number), "class", "num");
		xmlNodeAddContent(a, (const xmlChar *)" ");
		xmlw_add_nb(a, e->text);
		S_nl(list[depth]);
	}
	S_nl(page);
}

static void
S_footer(xmlNodePtr page, const struct doc *d)
{
	xmlNodePtr f = xmlw_el(page, "footer", NULL);
	char *s = xasprintf("%s \xC2\xB7 %s%s%s", d->jobcenter, d->title,
	    d->date != NULL ? " \xC2\xB7 " : "", d->date != NULL ? d->date : "");

	xmlw_attr(f, "class", "%s", "colophon");
	xmlw_el(f, "p", s);
	free(s);
	S_nl(page);
}

/* --- tables --- */

static void
S_cell(xmlNodePtr tr, const struct doc_node *c, bool head_row)
{
	bool th = (c->flags & DOC_CELL_HEAD) != 0;
	/* A figure stays as the export writes it (no-break by the
	 * stylesheet); a label gets the no-break spaces. */
	xmlNodePtr cell = c->key != NULL ? xmlw_el(tr, th ? "th" : "td",
	    c->text) : xmlw_el_nb(tr, th ? "th" : "td", c->text);

	if (th)
		xmlw_attr(cell, "scope", "%s", head_row ? "col" : "row");
	if (c->flags & DOC_CELL_NUM)
		xmlw_attr(cell, "class", "%s", "num");
	if (c->key != NULL) {
		xmlw_attr(cell, "data-key", "%s", c->key);
		xmlw_attr(cell, "data-value", "%s", c->value);
	}
	if (c->note != NULL)
		xmlw_attr(xmlw_el_nb(cell, "span", c->note), "class", "note");
}

static void
S_row_class(xmlNodePtr tr, const struct doc_node *r)
{
	struct buf cls;

	buf_init(&cls);
	if (r->flags & DOC_ROW_GROUP)
		buf_puts(&cls, " group");
	if (r->flags & DOC_ROW_TOTAL)
		buf_puts(&cls, " total");
	if (r->flags & DOC_ROW_LABEL)
		buf_puts(&cls, " label");
	if (r->flags & DOC_ROW_DAVON)
		buf_puts(&cls, " davon");
	if (r->flags & DOC_ROW_DARUNTER)
		buf_puts(&cls, " darunter");
	if (r->flags & DOC_ROW_INFO)
		buf_puts(&cls, " info");
	if (r->level > 0)
		buf_printf(&cls, " indent-%d", r->level < 3 ? r->level : 3);
	if (cls.len > 0)
		xmlw_attr(tr, "class", "%s", cls.s + 1);
	buf_free(&cls);
}

/* The rows of t into table: heads into thead, the rest into tbody. */
static void
S_rows(xmlNodePtr table, const struct doc_node *t)
{
	xmlNodePtr sect = NULL;

	for (const struct doc_node *r = t->first; r != NULL; r = r->next) {
		bool head = (r->flags & DOC_ROW_HEAD) != 0;
		xmlNodePtr tr;

		if (sect == NULL || (head && r != t->first) ||
		    (!head && strcmp((const char *)sect->name, "thead") == 0))
			sect = xmlw_el(table, head ? "thead" : "tbody", NULL);
		tr = xmlw_el(sect, "tr", NULL);
		S_row_class(tr, r);
		for (const struct doc_node *c = r->first; c != NULL; c = c->next)
			S_cell(tr, c, head);
		S_nl(sect);
	}
}

/* The table and its notes in a block as wide as the table, up to the page
 * (wider than the text); the table scrolls in a box of its own where even
 * that is too narrow. */
static void
S_table(xmlNodePtr parent, const struct doc_node *t)
{
	xmlNodePtr block = xmlw_el(parent, "div", NULL), wrap, table, cap;
	char *cap_id = xasprintf("%s-titel", t->id);

	xmlw_attr(block, "class", "%s", "table-block");
	wrap = xmlw_el(block, "div", NULL);
	xmlw_attr(wrap, "class", "%s", "table-wrap");
	xmlw_attr(wrap, "id", "%s", t->id);
	/* A box that scrolls must be reachable and named for the keyboard. */
	xmlw_attr(wrap, "role", "%s", "region");
	xmlw_attr(wrap, "tabindex", "%s", "0");
	xmlw_attr(wrap, "aria-labelledby", "%s", cap_id);
	table = xmlw_el(wrap, "table", NULL);
	cap = xmlw_el_nb(table, "caption", t->text);
	xmlw_attr(cap, "id", "%s", cap_id);
	S_rows(table, t);
	S_nl(block);
	if (t->note != NULL) {
		xmlw_attr(xmlw_el_nb(block, "p", t->note), "class", "table-meta");
		S_nl(block);
	}
	S_nl(parent);
	free(cap_id);
}


/* The chart's data table (chart.c) under its picture, folded. */
static void
S_chart_data(xmlNodePtr fig, const struct doc_node *chart)
{
	const struct doc_node *t = chart->last;
	xmlNodePtr det;

	if (t == NULL || t->type != DOC_TABLE)
		return;
	det = xmlw_el(fig, "details", NULL);
	xmlw_el(det, "summary", t->text);
	S_rows(xmlw_el(det, "table", NULL), t);
}

/* A picture of the plan, embedded (the page stays one file), as wide as
 * the tree says or at its size at 150 dpi, never wider than the text.  A
 * decorative one has an empty alt and no caption. */
static void
S_picture(xmlNodePtr parent, const struct doc_node *n)
{
	xmlNodePtr fig = xmlw_el(parent, "figure", NULL), img;

	xmlw_attr(fig, "class", "%s", n->flags & DOC_DECORATIVE ?
	    "picture decorative" : "picture");
	xmlw_attr(fig, "id", "%s", n->id);
	img = xmlw_el(fig, "img", NULL);
	xmlw_attr(img, "src", "%s", n->image->uri);
	xmlw_attr(img, "alt", "%s", n->alt != NULL ? n->alt : "");
	xmlw_attr(img, "width", "%u", n->image->width);
	xmlw_attr(img, "height", "%u", n->image->height);
	if (n->frac > 0)
		xmlw_attr(img, "style", "width: %d%%; height: auto",
		    (int)(n->frac * 100 + 0.5));
	else
		xmlw_attr(img, "style", "width: %.2fpx; max-width: 100%%; "
		    "height: auto", n->image->width * 96.0 / 150);
	if (n->text != NULL)
		xmlw_el_nb(fig, "figcaption", n->text);
	S_nl(parent);
	if (n->note != NULL) {
		xmlw_attr(xmlw_el_nb(parent, "p", n->note), "class",
		    "picture-meta");
		S_nl(parent);
	}
}

/* --- the walk --- */

static void
S_section(struct writer *w, const struct doc_node *s)
{
	xmlNodePtr sec = xmlw_el(w->cur, "section", NULL), h;
	int level = s->level + 1 < 6 ? s->level + 1 : 6;
	char hn[3] = { 'h', (char)('0' + level), '\0' };

	xmlw_attr(sec, "class", "level-%d", s->level);
	xmlw_attr(sec, "aria-labelledby", "%s", s->id);
	S_nl(sec);
	h = xmlw_el(sec, hn, NULL);
	xmlw_attr(h, "id", "%s", s->id);
	xmlw_attr(xmlw_el(h, "span", s->number), "class", "num");
	xmlNodeAddContent(h, (const xmlChar *)" ");
	xmlw_add_nb(h, s->text);
	S_nl(sec);
	w->cur = sec;
}

/* dir isolates the figure as a left-to-right run: after right-to-left
 * text its minus would otherwise stand after the number. */
static void
S_figure(xmlNodePtr parent, const struct doc_node *f)
{
	xmlNodePtr d = xmlw_el(parent, "data", f->text);

	xmlw_attr(d, "class", "%s", f->flags & DOC_PLAIN ? "fig plain" : "fig");
	xmlw_attr(d, "dir", "%s", "ltr");
	xmlw_attr(d, "value", "%s", f->value);
	xmlw_attr(d, "data-key", "%s", f->key);
	xmlw_attr(d, "data-value", "%s", f->value);
}

static const char *
S_element_of(const struct doc_node *n)
{
	switch (n->type) {
	case DOC_PARAGRAPH:
	case DOC_NOTE:
		return "p";
	case DOC_LIST:
		return n->flags & DOC_ORDERED ? "ol" : "ul";
	case DOC_ITEM:
		return "li";
	case DOC_EMPH:
		return "em";
	case DOC_STRONG:
		return "strong";
	case DOC_LINK:
		return "a";
	default:
		return NULL;
	}
}

/* The item's marker as the tree decided it, "a)" or "–", whatever the
 * browser would number or the stylesheet say. */
static void
S_marker(xmlNodePtr li, const char *marker)
{
	struct buf css;

	buf_init(&css);
	buf_puts(&css, "list-style-type: '");
	for (const char *s = marker; *s != '\0'; s++)
		if (*s == '\'' || *s == '\\' || (unsigned char)*s < 0x20)
			buf_printf(&css, "\\%x ", (unsigned char)*s);
		else
			buf_putc(&css, *s);
	buf_puts(&css, " '");
	xmlw_attr(li, "style", "%s", css.s);
	buf_free(&css);
}

static bool
S_block(enum doc_type t)
{
	return t == DOC_PARAGRAPH || t == DOC_NOTE || t == DOC_LIST ||
	    t == DOC_ITEM || t == DOC_SECTION;
}

/* --- footnotes --- */

/* The mark: a link to the note that a screen reader reads as "Fußnote
 * 3", and the place the note links back to. */
static void
S_fn_mark(xmlNodePtr parent, const struct doc_node *fn)
{
	xmlNodePtr a = xmlw_el(xmlw_el(parent, "sup", NULL), "a", fn->number);

	xmlw_attr(a->parent, "class", "%s", "fn");
	xmlw_attr(a, "id", "%s", fn->key);
	xmlw_attr(a, "href", "#%s", fn->id);
	xmlw_attr(a, "role", "%s", "doc-noteref");
	xmlw_attr(a, "aria-label", "%s", fn->alt);
}

static void S_enter(struct writer *, const struct doc_node *);
static void S_exit(struct writer *, const struct doc_node *);

/* One note of the list: its text, then the link back to its mark. */
static void
S_fn_note(struct writer *w, xmlNodePtr ol, const struct doc_node *fn)
{
	xmlNodePtr li = xmlw_el(ol, "li", NULL), back, cur = w->cur;
	struct doc_iter it;

	xmlw_attr(li, "id", "%s", fn->id);
	w->cur = li;
	doc_iter_init(&it, (struct doc_node *)fn);
	while (doc_iter_next(&it) != DOC_NONE)
		if (it.cur != fn && it.ev == DOC_ENTER)
			S_enter(w, it.cur);
		else if (it.cur != fn)
			S_exit(w, it.cur);
	w->cur = cur;
	xmlNodeAddContent(li, (const xmlChar *)" ");
	back = xmlw_el(li, "a", "\xE2\x86\x91");
	xmlw_attr(back, "class", "%s", "fn-back");
	xmlw_attr(back, "href", "#%s", fn->key);
	xmlw_attr(back, "role", "%s", "doc-backlink");
	xmlw_attr(back, "aria-label", "Zur\xC3\xBC" "ck zum Text der %s",
	    fn->alt);
	S_nl(ol);
}

/* The notes of the footnotes under the nodes from first up to stop
 * (NULL: to the end), in their order, as a numbered list at the end of
 * out; with loose, but for those of chapters. */
static void
S_fn_list(struct writer *w, xmlNodePtr out, const struct doc_node *first,
    const struct doc_node *stop, bool loose)
{
	xmlNodePtr ol = NULL;

	for (const struct doc_node *n = first; n != stop; n = n->next) {
		struct doc_iter it;

		if (loose && n->type == DOC_SECTION)
			continue;
		doc_iter_init(&it, (struct doc_node *)n);
		while (doc_iter_next(&it) != DOC_NONE) {
			if (it.ev != DOC_ENTER || it.cur->type != DOC_FOOTNOTE)
				continue;
			if (ol == NULL) {
				ol = xmlw_el(out, "ol", NULL);
				xmlw_attr(ol, "class", "%s", "footnotes");
				xmlw_attr(ol, "start", "%s", it.cur->number);
				S_nl(ol);
				S_nl(out);
			}
			S_fn_note(w, ol, it.cur);
		}
	}
}

/* A chapter's footnotes end it; those of text outside chapters stand
 * before the next chapter, or at the end. */
static void
S_fn_loose(struct writer *w, const struct doc_node *upto)
{
	S_fn_list(w, w->cur, w->loose, upto, true);
	w->loose = upto != NULL ? upto->next : NULL;
}

static void
S_enter(struct writer *w, const struct doc_node *n)
{
	const char *el = S_element_of(n);

	switch (n->type) {
	case DOC_SECTION:
		if (n->level == 1)
			S_fn_loose(w, n);
		S_section(w, n);
		return;
	case DOC_TEXT:
		xmlw_add_nb(w->cur, n->text);
		return;
	case DOC_BREAK:
		xmlw_el(w->cur, "br", NULL);
		return;
	case DOC_FIGURE:
		S_figure(w->cur, n);
		return;
	case DOC_FOOTNOTE:
		S_fn_mark(w->cur, n);
		return;
	case DOC_TABLE:
		S_table(w->cur, n);
		return;
	case DOC_PICTURE:
		S_picture(w->cur, n);
		return;
	case DOC_CHART:
		S_chart_data(svg_chart(w->cur, n, w->palette), n);
		if (n->note != NULL) {
			xmlw_attr(xmlw_el_nb(w->cur, "p", n->note), "class",
			    "%s", "table-meta");
			S_nl(w->cur);
		}
		return;
	default:
		break;
	}
	if (el == NULL)
		return;
	w->cur = xmlw_el(w->cur, el, NULL);
	if (n->type == DOC_NOTE)
		xmlw_attr(w->cur, "class", "%s", "note");
	if (n->type == DOC_ITEM && n->number != NULL)
		S_marker(w->cur, n->number);
	/* The reader refuses other addresses; a link that gets here anyway
	 * stays text rather than run a script. */
	if (n->type == DOC_LINK && n->id != NULL && text_href_safe(n->id))
		xmlw_attr(w->cur, "href", "%s", n->id);
}

static void
S_exit(struct writer *w, const struct doc_node *n)
{
	if (n->type == DOC_SECTION && n->level == 1)
		S_fn_list(w, w->cur, n, n->next, false);
	if (S_element_of(n) == NULL && n->type != DOC_SECTION)
		return;
	w->cur = w->cur->parent;
	if (S_block(n->type))
		S_nl(w->cur);
}

static void
S_walk(struct writer *w)
{
	struct doc_iter it;

	doc_iter_init(&it, w->d->root);
	while (doc_iter_next(&it) != DOC_NONE) {
		const struct doc_node *n = it.cur;
		bool inside = false;

		/* Tables, charts and the contents are written whole. */
		for (const struct doc_node *p = n->parent; p != NULL; p = p->parent)
			inside |= p->type == DOC_TABLE || p->type == DOC_CHART ||
			    p->type == DOC_TOC || p->type == DOC_FOOTNOTE;
		if (inside || n->type == DOC_DOCUMENT || n->type == DOC_TOC)
			continue;
		if (it.ev == DOC_ENTER)
			S_enter(w, n);
		else
			S_exit(w, n);
	}
	S_fn_loose(w, NULL);
}

bool
html_save(FILE *fp, xmlDocPtr doc)
{
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(fp, utf8);

	if (out == NULL)
		return false;
	htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 0);
	return xmlOutputBufferClose(out) >= 0 && !ferror(fp);
}

xmlDocPtr
html_new_doc(xmlNodePtr *html)
{
	xmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);

	xmlCreateIntSubset(doc, (const xmlChar *)"html", NULL, NULL);
	*html = xmlNewNode(NULL, (const xmlChar *)"html");
	xmlDocSetRootElement(doc, *html);
	xmlw_attr(*html, "lang", "%s", "de");
	S_nl(*html);
	return doc;
}

bool
html_write(FILE *fp, const struct doc *d, const struct template *tpl)
{
	struct writer w = { .d = d };
	xmlNodePtr html, page, skip;
	xmlDocPtr doc = html_new_doc(&html);
	bool ok;

	/* The slices' colours as in the PDF: the template's, or the
	 * defaults. */
	for (int i = 0; i < CHART_COLORS; i++)
		w.palette[i] = tpl->has_color[4 + i] ? tpl->color[4 + i] :
		    chart_default_palette[i];
	S_head(html, d, tpl);
	S_nl(html);
	w.body = xmlw_el(html, "body", NULL);
	S_nl(w.body);
	skip = xmlw_el(w.body, "a", "Zum Inhalt springen");
	xmlw_attr(skip, "class", "%s", "skip");
	xmlw_attr(skip, "href", "%s", "#inhalt");
	page = xmlw_el(w.body, "div", NULL);
	xmlw_attr(page, "class", "%s", "page");
	S_nl(page);
	S_cover(page, d, tpl);
	for (const struct doc_node *t = d->root->first; t != NULL &&
	    t->type == DOC_TOC; t = t->next)
		S_toc(page, t);
	w.main = w.cur = xmlw_el(page, "main", NULL);
	w.loose = d->root->first;
	xmlw_attr(w.main, "id", "%s", "inhalt");
	S_nl(w.main);
	S_walk(&w);
	S_nl(page);
	S_footer(page, d);
	S_nl(html);
	ok = html_save(fp, doc);
	xmlFreeDoc(doc);
	return ok;
}

/* The files of one report, each a link named for screen readers. */
