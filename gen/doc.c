/* doc.c: nodes of the document tree, the walk over them, the dump and
 * the check of what may contain what. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct doc_node *
doc_node_new(enum doc_type type)
{
	struct doc_node *n = xcalloc(1, sizeof(*n));

	n->type = type;
	return n;
}

struct doc_node *
doc_append(struct doc_node *parent, struct doc_node *child)
{
	child->parent = parent;
	child->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	return child;
}

struct doc_node *
doc_prepend(struct doc_node *parent, struct doc_node *child)
{
	child->parent = parent;
	child->next = parent->first;
	if (parent->first != NULL)
		parent->first->prev = child;
	else
		parent->last = child;
	parent->first = child;
	return child;
}

struct doc_node *
doc_add(struct doc_node *parent, enum doc_type type, const char *text)
{
	struct doc_node *n = doc_node_new(type);

	if (text != NULL)
		n->text = xstrdup(text);
	return doc_append(parent, n);
}

void
doc_node_free(struct doc_node *n)
{
	while (n != NULL) {
		struct doc_node *next = n->next;

		doc_node_free(n->first);
		free(n->text);
		free(n->number);
		free(n->id);
		free(n->key);
		free(n->value);
		free(n->note);
		free(n->source);
		free(n->alt);
		if (n->image != NULL) {
			free(n->image->data);
			free(n->image->uri);
			free(n->image);
		}
		free(n);
		n = next;
	}
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	doc_node_free(d->root);
	free(d->title);
	free(d->report);
	free(d->jobcenter);
	free(d->kind);
	free(d->region);
	free(d->land);
	free(d->author);
	free(d->date);
	free(d->date_iso);
	free(d->description);
	free(d->cover_line);
	free(d->year_text);
	free(d->subtitle);
	free(d->reference);
	free(d->status);
	free(d->head_title);
	free(d);
}

/* Nodes that hold other nodes get an EXIT event. */
static bool
S_container(enum doc_type t)
{
	switch (t) {
	case DOC_TOC_ENTRY:
	case DOC_TEXT:
	case DOC_BREAK:
	case DOC_FIGURE:
	case DOC_CELL:
	case DOC_DATUM:
	case DOC_TICK:
	case DOC_PICTURE:
		return false;
	default:
		return true;
	}
}

void
doc_iter_init(struct doc_iter *it, struct doc_node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = DOC_NONE;
}

enum doc_event
doc_iter_next(struct doc_iter *it)
{
	struct doc_node *cur = it->cur;

	if (cur == NULL) {
		it->cur = it->root;
		return it->ev = it->root != NULL ? DOC_ENTER : DOC_NONE;
	}
	if (it->ev == DOC_ENTER && S_container(cur->type)) {
		if (cur->first == NULL)
			return it->ev = DOC_EXIT;
		it->cur = cur->first;
		return it->ev = DOC_ENTER;
	}
	if (cur == it->root)
		return it->ev = DOC_NONE;
	if (cur->next != NULL) {
		it->cur = cur->next;
		return it->ev = DOC_ENTER;
	}
	it->cur = cur->parent;
	return it->ev = DOC_EXIT;
}

char *
doc_all_text(const struct doc *d)
{
	const char *cover[] = { d->title, d->report, d->jobcenter, d->region,
	    d->land, d->author, d->date, d->subtitle, d->reference,
	    d->head_title };
	struct doc_iter it;
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < sizeof(cover) / sizeof(*cover); i++)
		if (cover[i] != NULL)
			buf_printf(&b, "%s\n", cover[i]);
	doc_iter_init(&it, d->root);
	while (doc_iter_next(&it) != DOC_NONE) {
		const struct doc_node *n = it.cur;
		const char *parts[] = { n->text, n->number, n->note, n->source };

		if (it.ev != DOC_ENTER)
			continue;
		for (size_t i = 0; i < sizeof(parts) / sizeof(*parts); i++)
			if (parts[i] != NULL)
				buf_printf(&b, "%s\n", parts[i]);
	}
	return buf_detach(&b);
}

static const char *const type_names[] = {
	[DOC_DOCUMENT] = "document", [DOC_TOC] = "toc",
	[DOC_TOC_ENTRY] = "toc-entry", [DOC_SECTION] = "section",
	[DOC_PARAGRAPH] = "paragraph", [DOC_NOTE] = "note",
	[DOC_LIST] = "list", [DOC_ITEM] = "item", [DOC_TEXT] = "text",
	[DOC_EMPH] = "emph", [DOC_STRONG] = "strong", [DOC_LINK] = "link",
	[DOC_BREAK] = "break", [DOC_FIGURE] = "figure", [DOC_TABLE] = "table",
	[DOC_ROW] = "row", [DOC_CELL] = "cell", [DOC_CHART] = "chart",
	[DOC_SERIES] = "series", [DOC_DATUM] = "datum", [DOC_TICK] = "tick",
	[DOC_FOOTNOTE] = "footnote",
	[DOC_PICTURE] = "picture",
};

static void
S_flags(FILE *fp, unsigned f)
{
	static const struct { unsigned flag; const char *name; } names[] = {
		{ DOC_ORDERED, "ordered" }, { DOC_ROW_HEAD, "head" },
		{ DOC_ROW_GROUP, "group" }, { DOC_ROW_LABEL, "label" },
		{ DOC_ROW_DAVON, "davon" }, { DOC_ROW_TOTAL, "total" },
		{ DOC_ROW_INFO, "info" }, { DOC_CELL_NUM, "num" },
		{ DOC_CELL_HEAD, "th" }, { DOC_CHART_BAR, "bar" },
		{ DOC_CHART_LINE, "line" }, { DOC_CHART_PIE, "pie" },
		{ DOC_PLAIN, "plain" }, { DOC_ROW_DARUNTER, "darunter" },
		{ DOC_DECORATIVE, "decorative" }, { DOC_REF, "ref" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (f & names[i].flag)
			fprintf(fp, " %s", names[i].name);
}

/* One line: type, flags, then the fields that are set. */
static void
S_dump_node(FILE *fp, const struct doc_node *n, int depth)
{
	fprintf(fp, "%*s%s", depth * 2, "", type_names[n->type]);
	S_flags(fp, n->flags);
	if (n->level != 0)
		fprintf(fp, " level=%d", n->level);
	if (n->number != NULL)
		fprintf(fp, " %s", n->number);
	if (n->key != NULL)
		fprintf(fp, " %s", n->key);
	if (n->value != NULL)
		fprintf(fp, " =%s", n->value);
	if (n->text != NULL)
		fprintf(fp, " \"%s\"", n->text);
	if (n->id != NULL)
		fprintf(fp, " #%s", n->id);
	if (n->note != NULL)
		fprintf(fp, " note=\"%s\"", n->note);
	if (n->source != NULL)
		fprintf(fp, " source=\"%s\"", n->source);
	if (n->min_pages != 0)
		fprintf(fp, " min_pages=%d", n->min_pages);
	if (n->type == DOC_DATUM || n->type == DOC_TICK ||
	    n->type == DOC_CHART)
		fprintf(fp, " at=%.4f", n->frac);
	if (n->image != NULL)
		fprintf(fp, " %s %ux%u width=%.2f", n->image->jpeg ? "jpeg" :
		    "png", n->image->width, n->image->height, n->frac);
	if (n->line > 0)
		fprintf(fp, " (line %d)", n->line);
	fputc('\n', fp);
}

void
doc_dump(FILE *fp, const struct doc *d)
{
	struct doc_iter it;
	int depth = 0;

	fprintf(fp, "cover \"%s\" report=\"%s\" jobcenter=\"%s\" year=%d",
	    d->title, d->report, d->jobcenter, d->year);
	if (d->date != NULL)
		fprintf(fp, " date=\"%s\"", d->date);
	if (d->cover_line != NULL)
		fprintf(fp, " line=\"%s\"", d->cover_line);
	if (d->subtitle != NULL)
		fprintf(fp, " subtitle=\"%s\"", d->subtitle);
	if (d->reference != NULL)
		fprintf(fp, " reference=\"%s\"", d->reference);
	if (d->status != NULL)
		fprintf(fp, " status=\"%s\"", d->status);
	fputc('\n', fp);
	doc_iter_init(&it, d->root);
	while (doc_iter_next(&it) != DOC_NONE) {
		if (it.ev == DOC_EXIT) {
			depth--;
			continue;
		}
		S_dump_node(fp, it.cur, depth);
		if (S_container(it.cur->type))
			depth++;
	}
}

/* The types a node of type t may sit in. */
static bool
S_allowed(enum doc_type t, enum doc_type parent)
{
	switch (t) {
	case DOC_DOCUMENT:
		return false;
	case DOC_TOC:
		return parent == DOC_DOCUMENT;
	case DOC_TOC_ENTRY:
		return parent == DOC_TOC;
	case DOC_SECTION:
		return parent == DOC_DOCUMENT || parent == DOC_SECTION;
	case DOC_TABLE:		/* in a chart: its data (chart.c) */
		return parent == DOC_DOCUMENT || parent == DOC_SECTION ||
		    parent == DOC_CHART;
	case DOC_PARAGRAPH:
	case DOC_NOTE:
	case DOC_CHART:
	case DOC_PICTURE:
		return parent == DOC_DOCUMENT || parent == DOC_SECTION;
	case DOC_LIST:
		return parent == DOC_DOCUMENT || parent == DOC_SECTION ||
		    parent == DOC_ITEM;
	case DOC_ITEM:
		return parent == DOC_LIST;
	case DOC_ROW:
		return parent == DOC_TABLE;
	case DOC_CELL:
		return parent == DOC_ROW;
	case DOC_SERIES:
	case DOC_TICK:
		return parent == DOC_CHART;
	case DOC_DATUM:
		return parent == DOC_SERIES;
	case DOC_FOOTNOTE:
		return parent == DOC_PARAGRAPH || parent == DOC_NOTE ||
		    parent == DOC_ITEM;
	default:	/* inline */
		return parent == DOC_PARAGRAPH || parent == DOC_NOTE ||
		    parent == DOC_ITEM || parent == DOC_EMPH ||
		    parent == DOC_STRONG || parent == DOC_LINK ||
		    parent == DOC_FOOTNOTE;
	}
}

static bool
S_check(const struct doc_node *n, FILE *err)
{
	bool ok = true;

	for (const struct doc_node *c = n->first; c != NULL; c = c->next) {
		if (c->parent != n || !S_allowed(c->type, n->type)) {
			fprintf(err, "gen: internal error: %s inside %s\n",
			    type_names[c->type], type_names[n->type]);
			ok = false;
		}
		ok &= S_check(c, err);
	}
	return ok;
}

bool
doc_check(const struct doc_node *root, FILE *err)
{
	if (root->type != DOC_DOCUMENT) {
		fprintf(err, "gen: internal error: the root is no document\n");
		return false;
	}
	return S_check(root, err);
}
