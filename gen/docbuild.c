/* docbuild.c: building the document tree from the computed plan: cover,
 * chapters in the template's structure, text with figures, tables of
 * every kind, charts, table of contents. */
#include "docbuild.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chart.h"
#include "doctable.h"
#include "fmt.h"
#include "keys.h"
#include "picture.h"
#include "planxml.h"
#include "text.h"
#include "util.h"

#define LEVEL_MAX 6

struct builder {
	const struct plan	*p;
	const struct template	*tpl;
	struct doc		*doc;
	bool			*inserted;	/* per table of p */
	xmlHashTablePtr		 index;		/* table name -> index + 1 */
	int			 counter[LEVEL_MAX + 1];
	int			 footnotes;	/* numbered so far */
	/* What a <ref> may name: table name -> its first DOC_TABLE; id of
	 * a section, chart or figure -> its node. */
	xmlHashTablePtr		 ref_tables, ref_ids;
	int			 npictures;	/* anchors of those without id */
};

/* The first node of name in h (ids are unique; a table's first insert
 * is the one a <ref> leads to). */
static void
S_target(xmlHashTablePtr h, const char *name, struct doc_node *n)
{
	if (name != NULL && n != NULL)
		(void)xmlHashAddEntry(h, (const xmlChar *)name, n);
}

/* By name: a plan may insert each of thousands of tables. */
static int
S_table_index(const struct builder *b, const struct table *t)
{
	void *v = xmlHashLookup(b->index, (const xmlChar *)t->name);

	return v != NULL ? (int)((uintptr_t)v - 1) : -1;
}

static bool
S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

/* --- inline text --- */

/* Runs of blanks become one space, as in any typeset text. */
static char *
S_collapse(const char *s)
{
	struct buf b;
	bool space = false;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = true;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, *s);
	}
	if (space)
		buf_putc(&b, ' ');
	return buf_detach(&b);
}

static void S_inline(struct builder *, struct doc_node *, xmlNodePtr);
static void S_footnote(struct builder *, struct doc_node *, xmlNodePtr);

static void
S_value(struct builder *b, struct doc_node *parent, xmlNodePtr n)
{
	char *ref = planxml_prop(n, "ref"), *format = planxml_prop(n, "format");
	struct figure fig;
	struct doc_node *f;
	bool plain = format != NULL && strcmp(format, "plain") == 0;
	bool bare = format != NULL && strcmp(format, "bare") == 0;

	if (ref != NULL && keys_resolve(b->p, ref, &fig)) {
		f = doc_add(parent, DOC_FIGURE, NULL);
		doctable_set_figure(f, &fig, plain ? FMT_PLAIN : bare ?
		    FMT_BARE : 0);
		f->flags = plain || bare ? DOC_PLAIN : 0;
		f->line = planxml_line(n);
	}
	free(ref);
	free(format);
}

/* A link's address; "#NAME" of a table leads to the table's anchor. */
static char *
S_href(struct builder *b, xmlNodePtr n)
{
	char *href = planxml_prop(n, "href"), *anchor;

	if (href == NULL || href[0] != '#' || plan_table(b->p, href + 1) == NULL)
		return href;
	anchor = xasprintf("#tabelle-%s", href + 1);
	free(href);
	return anchor;
}

static void
S_inline_node(struct builder *b, struct doc_node *parent, xmlNodePtr n)
{
	struct doc_node *d;
	char *s;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		s = S_collapse((const char *)n->content);
		if (*s != '\0')
			doc_add(parent, DOC_TEXT, s);
		free(s);
	} else if (S_is(n, "em") || S_is(n, "strong")) {
		d = doc_add(parent, S_is(n, "em") ? DOC_EMPH : DOC_STRONG, NULL);
		S_inline(b, d, n);
	} else if (S_is(n, "a")) {
		d = doc_add(parent, DOC_LINK, NULL);
		d->id = S_href(b, n);
		S_inline(b, d, n);
	} else if (S_is(n, "br")) {
		doc_add(parent, DOC_BREAK, NULL);
	} else if (S_is(n, "ref")) {
		/* Its text and address once every number is known (S_refs). */
		d = doc_add(parent, DOC_LINK, NULL);
		d->flags = DOC_REF;
		d->key = planxml_prop(n, "to");
		d->line = planxml_line(n);
	} else if (S_is(n, "value")) {
		S_value(b, parent, n);
	} else if (S_is(n, "fn")) {
		S_footnote(b, parent, n);
	}
}

static void S_list(struct builder *, struct doc_node *, xmlNodePtr);
static void S_trim(struct doc_node *);

/* A footnote's number is decided here, once, in the order of the text;
 * both its anchors are made from it. */
static void
S_footnote(struct builder *b, struct doc_node *parent, xmlNodePtr n)
{
	struct doc_node *d, *t = parent->last;
	size_t len;

	/* The mark follows its word: "3,8 %³", never "3,8 % ³". */
	if (t != NULL && t->type == DOC_TEXT && (len = strlen(t->text)) > 0 &&
	    t->text[len - 1] == ' ')
		t->text[len - 1] = '\0';
	/* Two marks in a row would read as one number ("¹²" is twelve): a
	 * comma between them, "¹,²", in both outputs. */
	if (t != NULL && t->type == DOC_TEXT && t->text[0] == '\0' &&
	    t->prev != NULL && t->prev->type == DOC_FOOTNOTE) {
		free(t->text);
		t->text = xstrdup(",");
	} else if (t != NULL && t->type == DOC_FOOTNOTE)
		doc_add(parent, DOC_TEXT, ",");
	d = doc_add(parent, DOC_FOOTNOTE, NULL);
	b->footnotes++;
	d->line = planxml_line(n);
	d->number = xasprintf("%d", b->footnotes);
	d->id = xasprintf("fussnote.%d", b->footnotes);
	d->key = xasprintf("fussnote.%d.zeichen", b->footnotes);
	d->alt = xasprintf("Fu\xC3\x9Fnote %d", b->footnotes);
	S_inline(b, d, n);
	S_trim(d);
}

static void
S_inline(struct builder *b, struct doc_node *parent, xmlNodePtr x)
{
	for (xmlNodePtr n = x->children; n != NULL; n = n->next) {
		if (S_is(n, "ul") || S_is(n, "ol"))
			S_list(b, parent, n);
		else
			S_inline_node(b, parent, n);
	}
}

/* No space at the start or end of a block. */
static void
S_trim(struct doc_node *block)
{
	struct doc_node *t;
	size_t len;

	if ((t = block->first) != NULL && t->type == DOC_TEXT &&
	    t->text[0] == ' ')
		memmove(t->text, t->text + 1, strlen(t->text));
	if ((t = block->last) != NULL && t->type == DOC_TEXT &&
	    (len = strlen(t->text)) > 0 && t->text[len - 1] == ' ')
		t->text[len - 1] = '\0';
	/* The text before and after a nested list stands as a block of its
	 * own. */
	for (t = block->first; t != NULL; t = t->next) {
		struct doc_node *x;

		if (t->type != DOC_LIST)
			continue;
		if ((x = t->prev) != NULL && x->type == DOC_TEXT &&
		    (len = strlen(x->text)) > 0 && x->text[len - 1] == ' ')
			x->text[len - 1] = '\0';
		if ((x = t->next) != NULL && x->type == DOC_TEXT &&
		    x->text[0] == ' ')
			memmove(x->text, x->text + 1, strlen(x->text));
	}
	for (t = block->first; t != NULL; ) {
		struct doc_node *next = t->next;

		if (t->type == DOC_TEXT && t->text[0] == '\0') {
			if (t->prev != NULL)
				t->prev->next = next;
			else
				block->first = next;
			if (next != NULL)
				next->prev = t->prev;
			else
				block->last = t->prev;
			t->next = NULL;
			doc_node_free(t);
		}
		t = next;
	}
}

static struct doc_node *
S_text_block(struct builder *b, struct doc_node *parent, enum doc_type type,
    xmlNodePtr x)
{
	struct doc_node *d = doc_add(parent, type, NULL);

	d->line = planxml_line(x);
	S_inline(b, d, x);
	S_trim(d);
	return d;
}

/* Item k (1..) of a list at depth (1..) among the lists of its kind it
 * sits in: ordered "1.", "a)", "(1)", unordered "•", "–", and round
 * again below.  Caller frees. */
char *
docbuild_marker(bool ordered, int depth, int k)
{
	char letters[TEXT_LETTERS];

	if (!ordered)
		return xstrdup(depth % 2 == 1 ? "\xE2\x80\xA2" : "\xE2\x80\x93");
	switch ((depth - 1) % 3) {
	case 0:
		return xasprintf("%d.", k);
	case 1:		/* a .. z, aa, ab .. */
		text_letters(k > 0 ? (unsigned)k : 1, 'a', letters);
		return xasprintf("%s)", letters);
	default:
		return xasprintf("(%d)", k);
	}
}

/* The markers are decided here, once: the writers draw the item's
 * number as it stands. */
static void
S_list(struct builder *b, struct doc_node *parent, xmlNodePtr x)
{
	struct doc_node *l = doc_add(parent, DOC_LIST, NULL), *it;
	bool ordered = S_is(x, "ol");
	int depth = 1, k = 0;

	l->flags = ordered ? DOC_ORDERED : 0;
	l->line = planxml_line(x);
	for (const struct doc_node *p = parent; p != NULL; p = p->parent)
		if (p->type == DOC_LIST &&
		    ((p->flags & DOC_ORDERED) != 0) == ordered)
			depth++;
	l->level = depth;
	for (xmlNodePtr n = x->children; n != NULL; n = n->next)
		if (S_is(n, "li")) {
			it = S_text_block(b, l, DOC_ITEM, n);
			it->number = docbuild_marker(ordered, depth, ++k);
		}
}

/* A table inserted, with an <insert>'s columns="…" and title="…"
 * (version 2; NULL: the kind's columns, the table's title); the first
 * insert of a table is where a <ref> to it leads. */
static void
S_table(struct builder *b, struct doc_node *parent, const struct table *t,
    const char *group, const char *columns, const char *title)
{
	struct doc_node *before = parent->last;

	b->inserted[S_table_index(b, t)] = true;
	doctable_insert_as(parent, t, group, columns, title);
	S_target(b->ref_tables, t->name, before != NULL ? before->next :
	    parent->first);
}

/* An <insert> element's table. */
static void
S_table_as(struct builder *b, struct doc_node *parent, const struct table *t,
    const char *group, xmlNodePtr n)
{
	char *columns = planxml_prop(n, "columns");
	char *title = planxml_prop(n, "title");

	S_table(b, parent, t, group, columns, title);
	free(columns);
	free(title);
}

/* A chart right under the table it draws goes without the "Stand ·
 * Quelle" line: the table's line just above names both. */
static void
S_chart(struct builder *b, struct doc_node *parent, const struct table *t,
    const char *field, const char *kind, const char *chart_id)
{
	const struct doc_node *prev = parent->last;
	char *id = xasprintf("tabelle-%s", t->name);
	struct doc_node *c;

	c = chart_build(parent, t, field, kind);
	if (chart_id != NULL) {	/* the plan's: a link or <ref> target */
		free(c->id);
		c->id = xstrdup(chart_id);
		S_target(b->ref_ids, chart_id, c);
	}
	if (prev != NULL && prev->type == DOC_TABLE && prev->id != NULL &&
	    strcmp(prev->id, id) == 0) {
		free(c->note);
		c->note = NULL;
	}
	free(id);
}

/* A <figure>: the picture planxml.c read and checked, its caption (the
 * number comes with the others, S_number), its text alternative, and its
 * width as a part of the text's. */
static void
S_picture(struct builder *b, struct doc_node *parent, xmlNodePtr n)
{
	const struct picture *pic = picture_of(&b->p->pictures, n);
	char *id, *width, *stand, *source, *dec;
	struct doc_node *f;

	if (pic == NULL)
		return;
	f = doc_add(parent, DOC_PICTURE, NULL);
	f->line = planxml_line(n);
	if ((id = planxml_prop(n, "id")) != NULL) {
		f->id = id;
		S_target(b->ref_ids, id, f);
	} else
		f->id = xasprintf("diagramm-bild-%d", b->npictures + 1);
	b->npictures++;
	if ((width = planxml_prop(n, "width")) != NULL)
		f->frac = atoi(width) / 100.0;	/* 1..100 (planxml.c) */
	free(width);
	if ((dec = planxml_prop(n, "decorative")) != NULL &&
	    strcmp(dec, "yes") == 0)
		f->flags |= DOC_DECORATIVE;
	free(dec);
	if (!(f->flags & DOC_DECORATIVE)) {
		f->text = planxml_prop(n, "title");
		f->alt = planxml_prop(n, "alt");
		stand = planxml_prop(n, "stand");
		source = planxml_prop(n, "source");
		if (stand != NULL || source != NULL)
			f->note = xasprintf("%s%s%s%s%s", stand != NULL ?
			    "Stand: " : "", stand != NULL ? stand : "",
			    stand != NULL && source != NULL ? " \xC2\xB7 " : "",
			    source != NULL ? "Quelle: " : "", source != NULL ?
			    source : "");
		free(stand);
		free(source);
	}
	f->image = xcalloc(1, sizeof(*f->image));
	*f->image = (struct doc_image){ .jpeg = pic->jpeg, .width = pic->width,
	    .height = pic->height, .len = pic->len,
	    .data = xmalloc(pic->len), .uri = xstrdup(pic->uri) };
	memcpy(f->image->data, pic->data, pic->len);
}

/* --- sections --- */

static void S_blocks(struct builder *, struct doc_node *, xmlNodePtr, int);

static void
S_block(struct builder *b, struct doc_node *parent, xmlNodePtr n, int level)
{
	char *a, *c, *k, *id;
	const struct table *t;

	if (S_is(n, "section")) {
		S_blocks(b, parent, n, level + 1);
	} else if (S_is(n, "p")) {
		S_text_block(b, parent, DOC_PARAGRAPH, n);
	} else if (S_is(n, "note")) {
		S_text_block(b, parent, DOC_NOTE, n);
	} else if (S_is(n, "ul") || S_is(n, "ol")) {
		S_list(b, parent, n);
	} else if (S_is(n, "insert")) {
		a = planxml_prop(n, "table");
		c = planxml_prop(n, "group");
		if ((t = plan_table(b->p, a)) != NULL)
			S_table_as(b, parent, t, c, n);
		free(a);
		free(c);
	} else if (S_is(n, "chart")) {
		a = planxml_prop(n, "table");
		c = planxml_prop(n, "field");
		k = planxml_prop(n, "kind");
		id = planxml_prop(n, "id");
		if ((t = plan_table(b->p, a)) != NULL)
			S_chart(b, parent, t, c, k, id);
		free(a);
		free(c);
		free(k);
		free(id);
	} else if (S_is(n, "figure")) {
		S_picture(b, parent, n);
	}
}

/* A new numbered section at level (1 = chapter). */
static struct doc_node *
S_section(struct builder *b, struct doc_node *parent, const char *title,
    const char *id, int level)
{
	struct doc_node *s = doc_add(parent, DOC_SECTION, title);
	struct buf num, anchor;

	b->counter[level]++;
	for (int k = level + 1; k <= LEVEL_MAX; k++)
		b->counter[k] = 0;
	buf_init(&num);
	buf_init(&anchor);
	buf_puts(&anchor, "kapitel");
	for (int k = 1; k <= level; k++) {
		buf_printf(&num, "%d.", b->counter[k]);
		buf_printf(&anchor, "-%d", b->counter[k]);
	}
	s->number = buf_detach(&num);
	s->id = id != NULL ? xstrdup(id) : buf_detach(&anchor);
	buf_free(&anchor);
	s->level = level;
	return s;
}

/* The section x at level, with its content; level 0 is the body. */
static void
S_blocks(struct builder *b, struct doc_node *parent, xmlNodePtr x, int level)
{
	struct doc_node *s = parent;

	if (level > 0) {
		char *title = planxml_prop(x, "title"), *id = planxml_prop(x, "id");

		s = S_section(b, parent, title, id, level);
		s->line = planxml_line(x);
		S_target(b->ref_ids, id, s);
		free(title);
		free(id);
	}
	for (xmlNodePtr n = x->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			S_block(b, s, n, level);
}

/* Tables of the chapter's kinds that nothing has inserted yet. */
static void
S_auto_inserts(struct builder *b, struct doc_node *sec, const struct chapter *c)
{
	for (int k = 0; k < c->ninserts; k++)
		for (size_t i = 0; i < b->p->ntables; i++) {
			const struct table *t = b->p->tables[i];

			if (t->kind == c->inserts[k] && !b->inserted[i])
				S_table(b, sec, t, NULL, NULL, NULL);
		}
}

static bool
S_has_auto_inserts(const struct builder *b, const struct chapter *c)
{
	for (int k = 0; k < c->ninserts; k++)
		for (size_t i = 0; i < b->p->ntables; i++)
			if (b->p->tables[i]->kind == c->inserts[k] &&
			    !b->inserted[i])
				return true;
	return false;
}

static const struct chapter *
S_match(const struct template *tpl, xmlNodePtr sec, bool *used)
{
	char *id = planxml_prop(sec, "id"), *title = planxml_prop(sec, "title");
	const struct chapter *m = NULL;

	for (size_t i = 0; i < tpl->nchapters && m == NULL; i++) {
		const struct chapter *c = &tpl->chapters[i];

		if (!used[i] && ((id != NULL && strcmp(id, c->id) == 0) ||
		    (title != NULL && strcasecmp(title, c->title) == 0))) {
			used[i] = true;
			m = c;
		}
	}
	free(id);
	free(title);
	return m;
}

/* Marks the tables the body inserts itself. */
static void
S_mark_inserted(struct builder *b, xmlNodePtr x)
{
	for (xmlNodePtr n = x->children; n != NULL; n = n->next) {
		if (S_is(n, "insert")) {
			char *name = planxml_prop(n, "table");
			const struct table *t = plan_table(b->p, name);

			if (t != NULL)
				b->inserted[S_table_index(b, t)] = true;
			free(name);
		} else if (n->type == XML_ELEMENT_NODE)
			S_mark_inserted(b, n);
	}
}

/* The plan's chapters in its order, each given the tables of its
 * template chapter that the text does not insert itself.  A plan without
 * chapters gets the template's, with the tables of their kinds. */
static void
S_body(struct builder *b, struct doc_node *root)
{
	const struct template *tpl = b->tpl;
	bool *used = xcalloc(tpl->nchapters + 1, sizeof(*used));
	xmlNodePtr body = b->p->body;
	bool chapters = false;

	if (body != NULL)
		S_mark_inserted(b, body);
	for (xmlNodePtr n = body != NULL ? body->children : NULL; n != NULL;
	    n = n->next) {
		const struct chapter *c;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!S_is(n, "section")) {
			S_block(b, root, n, 0);
			continue;
		}
		chapters = true;
		c = S_match(tpl, n, used);
		S_blocks(b, root, n, 1);
		if (c != NULL)
			S_auto_inserts(b, root->last, c);
	}
	for (size_t i = 0; i < tpl->nchapters; i++) {
		const struct chapter *c = &tpl->chapters[i];

		if (chapters || !S_has_auto_inserts(b, c))
			continue;
		S_auto_inserts(b, S_section(b, root, c->title, c->id, 1), c);
	}
	free(used);
}

/* A contents list of one entry leads only to the heading on the next
 * page, one of none nowhere: a document gets one from two entries on. */
#define TOC_MIN_ENTRIES	2
/* A document shorter than this reads in a glance; a contents page would
 * be a quarter of it (the print layout obeys; layout.c). */
#define TOC_MIN_PAGES	4

static void
S_toc(struct doc_node *toc, const struct doc_node *parent)
{
	for (const struct doc_node *s = parent->first; s != NULL; s = s->next) {
		struct doc_node *e;

		if (s->type != DOC_SECTION)
			continue;
		e = doc_add(toc, DOC_TOC_ENTRY, s->text);
		e->number = xstrdup(s->number);
		e->id = xstrdup(s->id);
		e->level = s->level;
		if (s->level < 3)
			S_toc(toc, s);
	}
}

/* The year as written, subtitle, Geschäftszeichen and status: joined
 * here once for both writers (input-format.md, "Plan metadata"). */
static void
S_cover_meta(struct doc *d, const struct plan *p)
{
	d->year_text = p->year_last > p->year ? xasprintf("%d/%d", p->year,
	    p->year_last) : xasprintf("%d", p->year);
	d->subtitle = p->subtitle != NULL ? xstrdup(p->subtitle) : NULL;
	d->reference = p->reference != NULL ?
	    xasprintf("Gesch\xC3\xA4" "ftszeichen: %s", p->reference) : NULL;
	d->status = p->status != NULL ? xstrdup(p->status) : NULL;
	d->head_title = p->status != NULL ? xasprintf("%s \xC2\xB7 %s",
	    p->status, d->title) : xstrdup(d->title);
}

static void
S_cover(struct doc *d, const struct plan *p, const struct template *tpl)
{
	d->title = xstrdup(p->title != NULL ? p->title : "");
	d->report = xstrdup(tpl->name);
	d->jobcenter = xstrdup(p->jc_name != NULL ? p->jc_name : "");
	d->kind = p->jc_kind != NULL ? xstrdup(p->jc_kind) : NULL;
	d->region = p->jc_region != NULL ? xstrdup(p->jc_region) : NULL;
	d->land = p->jc_land != NULL ? xstrdup(p->jc_land) : NULL;
	d->author = p->author != NULL ? xstrdup(p->author) : NULL;
	d->year = p->year;
	S_cover_meta(d, p);
	if (p->date_year > 0) {
		d->date = fmt_date(p->date_year, p->date_month, p->date_day);
		d->date_iso = p->date_day > 0 ? xasprintf("%04d-%02d-%02d",
		    p->date_year, p->date_month, p->date_day) :
		    xasprintf("%04d-%02d", p->date_year, p->date_month);
	}
	d->cover_line = xasprintf("%s%s%s%s%s", d->report, d->region != NULL ?
	    " \xC2\xB7 " : "", d->region != NULL ? d->region : "",
	    d->land != NULL ? ", " : "", d->land != NULL ? d->land : "");
	d->description = xasprintf("%s \xE2\x80\x93 %s%s%s%s%s", d->title,
	    d->jobcenter, d->region != NULL ? ", " : "",
	    d->region != NULL ? d->region : "", d->land != NULL ? ", " : "",
	    d->land != NULL ? d->land : "");
}

/* A table or chart inserted twice would give the page one id twice: the
 * second and later get "-2", "-3", ...; links and the contents keep
 * reaching the first.  Hashes, since a plan may insert one table
 * thousands of times. */
static void
S_unique_ids(struct doc_node *root)
{
	xmlHashTablePtr taken = xmlHashCreate(64), next = xmlHashCreate(64);
	struct doc_iter it;

	if (taken == NULL || next == NULL)
		out_of_memory();
	doc_iter_init(&it, root);
	while (doc_iter_next(&it) != DOC_NONE) {
		struct doc_node *x = it.cur;
		uintptr_t k;
		char *base;

		if (it.ev != DOC_ENTER || x->id == NULL ||
		    (x->type != DOC_TABLE && x->type != DOC_CHART &&
		    x->type != DOC_PICTURE && x->type != DOC_SECTION))
			continue;
		if (x->type != DOC_SECTION &&
		    xmlHashLookup(taken, (xmlChar *)x->id) != NULL) {
			base = x->id;
			k = (uintptr_t)xmlHashLookup(next, (xmlChar *)base);
			for (k = k > 2 ? k : 2, x->id = NULL; x->id == NULL ||
			    xmlHashLookup(taken, (xmlChar *)x->id) != NULL; k++) {
				free(x->id);
				x->id = xasprintf("%s-%ju", base, (uintmax_t)k);
			}
			if (xmlHashUpdateEntry(next, (xmlChar *)base,
			    (void *)k, NULL) != 0)
				out_of_memory();
			free(base);
		}
		if (xmlHashAddEntry(taken, (xmlChar *)x->id, x) != 0 &&
		    x->type != DOC_SECTION)
			out_of_memory();
	}
	xmlHashFree(taken, NULL);
	xmlHashFree(next, NULL);
}

/* --- numbers, references, lists of tables and figures --- */

/* An entry of a list of tables or figures: the title as it stood, the
 * number, the anchor. */
static void
S_list_entry(struct doc_node *list, const struct doc_node *n,
    const char *title)
{
	struct doc_node *e;

	if (list == NULL)
		return;
	e = doc_add(list, DOC_TOC_ENTRY, title != NULL ? title : "");
	e->number = xasprintf("%s:", n->number);
	e->id = xstrdup(n->id);
	e->level = 1;
}

/* Tables, and charts and figures together, numbered through the
 * document in their order; the caption begins with the number
 * ("Tabelle 3: Budget"), so that both writers print it as it stands.  A
 * chart's data table is part of its chart; a decorative picture has no
 * number. */
static void
S_number(struct doc_node *root, struct doc_node *tables,
    struct doc_node *figures)
{
	struct doc_iter it;
	int ntab = 0, nfig = 0;

	doc_iter_init(&it, root);
	while (doc_iter_next(&it) != DOC_NONE) {
		struct doc_node *n = it.cur;
		bool table = n->type == DOC_TABLE && n->parent->type != DOC_CHART;
		char *title;

		if (it.ev != DOC_ENTER || !(table || n->type == DOC_CHART ||
		    (n->type == DOC_PICTURE && !(n->flags & DOC_DECORATIVE))))
			continue;
		n->number = table ? xasprintf("Tabelle %d", ++ntab) :
		    xasprintf("Abbildung %d", ++nfig);
		title = n->text;
		n->text = title != NULL && title[0] != '\0' ? xasprintf("%s: %s",
		    n->number, title) : xstrdup(n->number);
		S_list_entry(table ? tables : figures, n, title);
		free(title);
	}
}

/* Each <ref> becomes a link to its target, reading "Abschnitt 2.1",
 * "Tabelle 3" or "Abbildung 2" (the print adds the page, layout.c).  A
 * table that no chapter shows is named by its title, unlinked. */
static void
S_refs(struct builder *b, struct doc_node *root)
{
	struct doc_iter it;

	doc_iter_init(&it, root);
	while (doc_iter_next(&it) != DOC_NONE) {
		struct doc_node *n = it.cur, *t;
		const struct table *tab;
		char *text = NULL;
		size_t len;

		if (it.ev != DOC_ENTER || n->type != DOC_LINK ||
		    !(n->flags & DOC_REF) || n->key == NULL || n->first != NULL)
			continue;
		if ((t = xmlHashLookup(b->ref_tables, (xmlChar *)n->key)) ==
		    NULL)
			t = xmlHashLookup(b->ref_ids, (xmlChar *)n->key);
		if (t != NULL && t->type == DOC_SECTION) {
			len = strlen(t->number);
			text = xasprintf("Abschnitt %.*s", (int)(len > 0 &&
			    t->number[len - 1] == '.' ? len - 1 : len),
			    t->number);
		} else if (t != NULL && t->number != NULL)
			text = xstrdup(t->number);
		if (text != NULL)
			n->id = xasprintf("#%s", t->id);
		else if ((tab = plan_table(b->p, n->key)) != NULL)
			text = xstrdup(tab->title != NULL ? tab->title :
			    tab->name);
		else
			text = xstrdup(n->key);
		doc_add(n, DOC_TEXT, text);
		free(text);
		free(n->key);
		n->key = NULL;
	}
}

/* <contents tables="yes" figures="yes"/>, the first element of <body>:
 * which lists follow the contents. */
static void
S_contents_attrs(const struct plan *p, bool *tables, bool *figures)
{
	xmlNodePtr n = p->body != NULL ? p->body->children : NULL;
	char *v;

	*tables = *figures = false;
	while (n != NULL && n->type != XML_ELEMENT_NODE)
		n = n->next;
	if (n == NULL || !S_is(n, "contents"))
		return;
	*tables = (v = planxml_prop(n, "tables")) != NULL &&
	    strcmp(v, "yes") == 0;
	free(v);
	*figures = (v = planxml_prop(n, "figures")) != NULL &&
	    strcmp(v, "yes") == 0;
	free(v);
}

static struct doc_node *
S_list_node(bool wanted, const char *title, const char *id)
{
	struct doc_node *l;

	if (!wanted)
		return NULL;
	l = doc_node_new(DOC_TOC);
	l->text = xstrdup(title);
	l->id = xstrdup(id);
	return l;
}

/* The lists go after the contents; one without entries is left out. */
static void
S_add_lists(struct doc_node *root, struct doc_node *toc,
    struct doc_node **lists, size_t n)
{
	while (n-- > 0) {
		if (lists[n] == NULL)
			continue;
		if (lists[n]->first == NULL) {
			doc_node_free(lists[n]);
			continue;
		}
		if (toc != NULL)
			toc->min_pages = 0;	/* asked for: always a page */
		doc_prepend(root, lists[n]);
	}
}

struct doc *
docbuild(const struct plan *p, const struct template *tpl)
{
	struct builder b = { .p = p, .tpl = tpl };
	struct doc *d = xcalloc(1, sizeof(*d));
	struct doc_node *toc = doc_node_new(DOC_TOC), *lists[2];
	bool want_tables, want_figures;
	int entries = 0;

	S_contents_attrs(p, &want_tables, &want_figures);
	lists[0] = S_list_node(want_tables, "Tabellenverzeichnis",
	    "inhalt-tabellen");
	lists[1] = S_list_node(want_figures, "Abbildungsverzeichnis",
	    "inhalt-abbildungen");
	b.doc = d;
	b.ref_tables = xmlHashCreate(64);
	b.ref_ids = xmlHashCreate(64);
	if (b.ref_tables == NULL || b.ref_ids == NULL)
		out_of_memory();
	b.inserted = xcalloc(p->ntables + 1, sizeof(*b.inserted));
	b.index = xmlHashCreate((int)p->ntables + 1);
	for (size_t i = 0; i < p->ntables; i++)
		(void)xmlHashAddEntry(b.index, (const xmlChar *)p->tables[i]->name,
		    (void *)(uintptr_t)(i + 1));	/* the first of a name */
	S_cover(d, p, tpl);
	d->root = doc_node_new(DOC_DOCUMENT);
	S_body(&b, d->root);
	S_unique_ids(d->root);
	S_number(d->root, lists[0], lists[1]);
	S_refs(&b, d->root);
	S_toc(toc, d->root);
	for (const struct doc_node *e = toc->first; e != NULL; e = e->next)
		entries++;
	if (entries < TOC_MIN_ENTRIES) {
		doc_node_free(toc);
		toc = NULL;
	} else {
		toc->text = xstrdup("Inhalt");
		toc->min_pages = TOC_MIN_PAGES;
	}
	S_add_lists(d->root, toc, lists, 2);
	if (toc != NULL)
		doc_prepend(d->root, toc);
	free(b.inserted);
	xmlHashFree(b.index, NULL);
	xmlHashFree(b.ref_tables, NULL);
	xmlHashFree(b.ref_ids, NULL);
	return d;
}
