/* html.c: the HTML5 writer over the document tree, with libxml2's tree
 * and serializer; charts as inline SVG. */
#include "html.h"

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "svg.h"
#include "util.h"

struct writer {
	const struct doc	*d;
	xmlNodePtr		 body, main;
	xmlNodePtr		 cur;		/* where the walk adds */
};

static xmlNodePtr
S_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (text != NULL)
		xmlNodeAddContent(n, (const xmlChar *)text);
	return n;
}

static void
S_attr(xmlNodePtr n, const char *name, const char *value)
{
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

static void
S_attrf(xmlNodePtr n, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
S_attrf(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	S_attr(n, name, b.s);
	buf_free(&b);
}

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
	xmlNodePtr head = S_el(html, "head", NULL), m;
	char *title = xasprintf("%s \xE2\x80\x93 %s", d->title, d->jobcenter);

	S_attr(S_el(head, "meta", NULL), "charset", "utf-8");
	m = S_el(head, "meta", NULL);
	S_attr(m, "name", "viewport");
	S_attr(m, "content", "width=device-width, initial-scale=1");
	S_el(head, "title", title);
	m = S_el(head, "meta", NULL);
	S_attr(m, "name", "description");
	S_attr(m, "content", d->description);
	if (d->author != NULL) {
		m = S_el(head, "meta", NULL);
		S_attr(m, "name", "author");
		S_attr(m, "content", d->author);
	}
	S_el(head, "style", tpl->css);
	free(title);
}

static void
S_cover(xmlNodePtr page, const struct doc *d, const struct template *tpl)
{
	xmlNodePtr h = S_el(page, "header", NULL), p, img;
	struct buf meta;

	S_attr(h, "class", "cover");
	if (tpl->logo != NULL) {
		p = S_el(h, "p", NULL);
		S_attr(p, "class", "logo");
		img = S_el(p, "img", NULL);
		S_attr(img, "src", tpl->logo);
		S_attr(img, "alt", tpl->logo_alt);
	}
	S_attr(S_el(h, "p", d->jobcenter), "class", "jobcenter");
	S_el(h, "h1", d->title);
	buf_init(&meta);
	buf_puts(&meta, d->report);
	if (d->region != NULL)
		buf_printf(&meta, " \xC2\xB7 %s", d->region);
	if (d->land != NULL)
		buf_printf(&meta, ", %s", d->land);
	if (d->date != NULL)
		buf_printf(&meta, " \xC2\xB7 %s", d->date);
	S_attr(S_el(h, "p", meta.s), "class", "meta");
	if (d->author != NULL)
		S_attr(S_el(h, "p", d->author), "class", "meta");
	buf_free(&meta);
	S_nl(page);
}

/* The contents as nested lists, from the flat TOC entries. */
static void
S_toc(xmlNodePtr page, const struct doc_node *toc)
{
	xmlNodePtr nav = S_el(page, "nav", NULL), h, list[8], li = NULL, a;
	int depth = 1;

	S_attr(nav, "class", "toc");
	S_attr(nav, "aria-labelledby", "inhalt-titel");
	h = S_el(nav, "h2", toc->text);
	S_attr(h, "id", "inhalt-titel");
	list[1] = S_el(nav, "ol", NULL);
	for (const struct doc_node *e = toc->first; e != NULL; e = e->next) {
		int level = e->level < 7 ? e->level : 7;

		while (depth < level && li != NULL) {
			list[depth + 1] = S_el(li, "ol", NULL);
			depth++;
		}
		depth = depth > level ? level : depth;
		li = S_el(list[depth], "li", NULL);
		a = S_el(li, "a", NULL);
		S_attrf(a, "href", "#%s", e->id);
		S_attr(S_el(a, "span", e->number), "class", "num");
		xmlNodeAddContent(a, (const xmlChar *)" ");
		xmlNodeAddContent(a, (const xmlChar *)e->text);
		S_nl(list[depth]);
	}
	S_nl(page);
}

static void
S_footer(xmlNodePtr page, const struct doc *d)
{
	xmlNodePtr f = S_el(page, "footer", NULL);
	char *s = xasprintf("%s \xC2\xB7 %s%s%s", d->jobcenter, d->title,
	    d->date != NULL ? " \xC2\xB7 " : "", d->date != NULL ? d->date : "");

	S_attr(f, "class", "colophon");
	S_el(f, "p", s);
	free(s);
	S_nl(page);
}

/* --- tables --- */

static void
S_cell(xmlNodePtr tr, const struct doc_node *c, bool head_row)
{
	bool th = (c->flags & DOC_CELL_HEAD) != 0;
	xmlNodePtr cell = S_el(tr, th ? "th" : "td", c->text);

	if (th)
		S_attr(cell, "scope", head_row ? "col" : "row");
	if (c->flags & DOC_CELL_NUM)
		S_attr(cell, "class", "num");
	if (c->key != NULL) {
		S_attr(cell, "data-key", c->key);
		S_attr(cell, "data-value", c->value);
	}
	if (c->note != NULL)
		S_attr(S_el(cell, "span", c->note), "class", "note");
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
	if (r->flags & DOC_ROW_INFO)
		buf_puts(&cls, " info");
	if (r->level > 0)
		buf_printf(&cls, " indent-%d", r->level < 3 ? r->level : 3);
	if (cls.len > 0)
		S_attr(tr, "class", cls.s + 1);
	buf_free(&cls);
}

static void
S_table(xmlNodePtr parent, const struct doc_node *t)
{
	xmlNodePtr wrap = S_el(parent, "div", NULL), table, cap, sect = NULL;
	char *cap_id = xasprintf("%s-titel", t->id);
	struct buf meta;

	S_attr(wrap, "class", "table-wrap");
	S_attr(wrap, "id", t->id);
	/* A box that scrolls must be reachable and named for the keyboard. */
	S_attr(wrap, "role", "region");
	S_attr(wrap, "tabindex", "0");
	S_attr(wrap, "aria-labelledby", cap_id);
	table = S_el(wrap, "table", NULL);
	cap = S_el(table, "caption", t->text);
	S_attr(cap, "id", cap_id);
	for (const struct doc_node *r = t->first; r != NULL; r = r->next) {
		bool head = (r->flags & DOC_ROW_HEAD) != 0;
		xmlNodePtr tr;

		if (sect == NULL || (head && r != t->first) ||
		    (!head && strcmp((const char *)sect->name, "thead") == 0))
			sect = S_el(table, head ? "thead" : "tbody", NULL);
		tr = S_el(sect, "tr", NULL);
		S_row_class(tr, r);
		for (const struct doc_node *c = r->first; c != NULL; c = c->next)
			S_cell(tr, c, head);
		S_nl(sect);
	}
	S_nl(parent);
	buf_init(&meta);
	if (t->note != NULL)
		buf_puts(&meta, t->note);
	if (t->source != NULL)
		buf_printf(&meta, "%s%s", meta.len ? " \xC2\xB7 " : "", t->source);
	if (meta.len > 0) {
		S_attr(S_el(parent, "p", meta.s), "class", "table-meta");
		S_nl(parent);
	}
	buf_free(&meta);
	free(cap_id);
}


/* --- the walk --- */

static void
S_section(struct writer *w, const struct doc_node *s)
{
	xmlNodePtr sec = S_el(w->cur, "section", NULL), h;
	int level = s->level + 1 < 6 ? s->level + 1 : 6;
	char hn[3] = { 'h', (char)('0' + level), '\0' };

	S_attrf(sec, "class", "level-%d", s->level);
	S_attr(sec, "aria-labelledby", s->id);
	S_nl(sec);
	h = S_el(sec, hn, NULL);
	S_attr(h, "id", s->id);
	S_attr(S_el(h, "span", s->number), "class", "num");
	xmlNodeAddContent(h, (const xmlChar *)" ");
	xmlNodeAddContent(h, (const xmlChar *)s->text);
	S_nl(sec);
	w->cur = sec;
}

static void
S_figure(xmlNodePtr parent, const struct doc_node *f)
{
	xmlNodePtr d = S_el(parent, "data", f->text);

	S_attr(d, "class", f->flags & DOC_PLAIN ? "fig plain" : "fig");
	S_attr(d, "value", f->value);
	S_attr(d, "data-key", f->key);
	S_attr(d, "data-value", f->value);
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

static bool
S_block(enum doc_type t)
{
	return t == DOC_PARAGRAPH || t == DOC_NOTE || t == DOC_LIST ||
	    t == DOC_ITEM || t == DOC_SECTION;
}

static void
S_enter(struct writer *w, const struct doc_node *n)
{
	const char *el = S_element_of(n);

	switch (n->type) {
	case DOC_SECTION:
		S_section(w, n);
		return;
	case DOC_TEXT:
		xmlNodeAddContent(w->cur, (const xmlChar *)n->text);
		return;
	case DOC_BREAK:
		S_el(w->cur, "br", NULL);
		return;
	case DOC_FIGURE:
		S_figure(w->cur, n);
		return;
	case DOC_TABLE:
		S_table(w->cur, n);
		return;
	case DOC_CHART:
		svg_chart(w->cur, n);
		return;
	default:
		break;
	}
	if (el == NULL)
		return;
	w->cur = S_el(w->cur, el, NULL);
	if (n->type == DOC_NOTE)
		S_attr(w->cur, "class", "note");
	if (n->type == DOC_LINK)
		S_attr(w->cur, "href", n->id != NULL ? n->id : "");
}

static void
S_exit(struct writer *w, const struct doc_node *n)
{
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
			    p->type == DOC_TOC;
		if (inside || n->type == DOC_DOCUMENT || n->type == DOC_TOC)
			continue;
		if (it.ev == DOC_ENTER)
			S_enter(w, n);
		else
			S_exit(w, n);
	}
}

static bool
S_save(FILE *fp, xmlDocPtr doc)
{
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(fp, utf8);

	if (out == NULL)
		return false;
	htmlDocContentDumpFormatOutput(out, doc, "UTF-8", 0);
	return xmlOutputBufferClose(out) >= 0 && !ferror(fp);
}

static xmlDocPtr
S_new_doc(xmlNodePtr *html)
{
	xmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);

	xmlCreateIntSubset(doc, (const xmlChar *)"html", NULL, NULL);
	*html = xmlNewNode(NULL, (const xmlChar *)"html");
	xmlDocSetRootElement(doc, *html);
	S_attr(*html, "lang", "de");
	S_nl(*html);
	return doc;
}

bool
html_write(FILE *fp, const struct doc *d, const struct template *tpl)
{
	struct writer w = { .d = d };
	xmlNodePtr html, page, skip;
	xmlDocPtr doc = S_new_doc(&html);
	bool ok;

	S_head(html, d, tpl);
	S_nl(html);
	w.body = S_el(html, "body", NULL);
	S_nl(w.body);
	skip = S_el(w.body, "a", "Zum Inhalt springen");
	S_attr(skip, "class", "skip");
	S_attr(skip, "href", "#inhalt");
	page = S_el(w.body, "div", NULL);
	S_attr(page, "class", "page");
	S_nl(page);
	S_cover(page, d, tpl);
	if (d->root->first != NULL && d->root->first->type == DOC_TOC &&
	    d->root->first->first != NULL)
		S_toc(page, d->root->first);
	w.main = w.cur = S_el(page, "main", NULL);
	S_attr(w.main, "id", "inhalt");
	S_nl(w.main);
	S_walk(&w);
	S_nl(page);
	S_footer(page, d);
	S_nl(html);
	ok = S_save(fp, doc);
	xmlFreeDoc(doc);
	return ok;
}

bool
html_write_index(FILE *fp, const struct html_index_entry *v, size_t n)
{
	xmlNodePtr html, head, body, main, table, tr, td;
	xmlDocPtr doc = S_new_doc(&html);
	static const char *const heads[] = { "Jobcenter", "Land", "Bericht",
	    "Jahr", "Dateien" };
	bool ok;

	head = S_el(html, "head", NULL);
	S_attr(S_el(head, "meta", NULL), "charset", "utf-8");
	td = S_el(head, "meta", NULL);
	S_attr(td, "name", "viewport");
	S_attr(td, "content", "width=device-width, initial-scale=1");
	S_el(head, "title", "Berichte der Jobcenter");
	S_el(head, "style", "body{font-family:\"Liberation Sans\",Arial,"
	    "sans-serif;margin:1rem;color:#1a1a1a}table{border-collapse:"
	    "collapse}th,td{padding:.3rem .6rem;border-bottom:1px solid #ccc;"
	    "text-align:left}a{color:#1f4e79}"
	    "main{overflow-x:auto}");
	body = S_el(html, "body", NULL);
	main = S_el(body, "main", NULL);
	S_el(main, "h1", "Berichte der Jobcenter");
	table = S_el(main, "table", NULL);
	S_el(table, "caption", "Alle erzeugten Berichte");
	tr = S_el(S_el(table, "thead", NULL), "tr", NULL);
	for (size_t i = 0; i < 5; i++)
		S_attr(S_el(tr, "th", heads[i]), "scope", "col");
	table = S_el(table, "tbody", NULL);
	for (size_t i = 0; i < n; i++) {
		char *year = xasprintf("%d", v[i].year);
		xmlNodePtr a;

		tr = S_el(table, "tr", NULL);
		S_attr(S_el(tr, "th", v[i].jobcenter), "scope", "row");
		S_el(tr, "td", v[i].land != NULL ? v[i].land : "");
		S_el(tr, "td", v[i].report);
		S_el(tr, "td", year);
		td = S_el(tr, "td", NULL);
		if (v[i].html) {
			a = S_el(td, "a", "HTML");
			S_attrf(a, "href", "%s.html", v[i].name);
			S_attrf(a, "aria-label", "%s %d (HTML)", v[i].title,
			    v[i].year);
			xmlNodeAddContent(td, (const xmlChar *)" ");
		}
		if (v[i].pdf) {
			a = S_el(td, "a", "PDF");
			S_attrf(a, "href", "%s.pdf", v[i].name);
			S_attrf(a, "aria-label", "%s %d (PDF)", v[i].title,
			    v[i].year);
			xmlNodeAddContent(td, (const xmlChar *)" ");
		}
		if (v[i].csv) {
			a = S_el(td, "a", "Kennzahlen (CSV)");
			S_attrf(a, "href", "%s.kennzahlen.csv", v[i].name);
			S_attrf(a, "aria-label", "%s %d (Kennzahlen als CSV)",
			    v[i].title, v[i].year);
		}
		S_nl(table);
		free(year);
	}
	ok = S_save(fp, doc);
	xmlFreeDoc(doc);
	return ok;
}
