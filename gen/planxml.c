/* planxml.c: reading and checking plan.xml. */
#include "planxml.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"
#include "picture.h"
#include "text.h"
#include "util.h"

/* Deepest section nesting accepted (input-format.md, "Limits"). */
#define SECTION_DEPTH_MAX 6
#define PLANXML_MAX_BYTES (16u * 1024 * 1024)
#define ATTRIBUTE_MAX_CHARS 1000
/* One line each on the cover; the status also in the running head. */
#define SUBTITLE_MAX_CHARS 200
#define REFERENCE_MAX_CHARS 80
#define STATUS_MAX_CHARS 40
/* An element or attribute name quoted in a message. */
#define QNAME(s) QUOTE((const char *)(s))
#define PLAN_TABLES_MAX 1000	/* each costs a file and its schema */
/* Footnotes (input-format.md, "Footnotes"): the notes of one line must
 * fit at the foot of one page with the line, so a block holds a few and
 * each is a few lines long. */
#define FN_MAX 500		/* in the document */
#define FN_BLOCK_MAX 5		/* in one <p>, <li> or <note> */
#define FN_CHARS_MAX 600	/* the text of one */

struct reader {
	struct plan	*plan;
	struct diags	*d;
	const char	*file;
	bool		 xml_failed;	/* libxml2 reported an error already */
	int		 footnotes;	/* <fn> read so far */
};

int
planxml_line(xmlNodePtr node)
{
	long line = xmlGetLineNo(node);

	return line > 0 && line < 1000000000 ? (int)line : 0;
}

static bool
S_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

char *
planxml_prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static bool
S_in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/* An attribute is a name, a title or a path: a longer one is refused, and
 * cut, so that no later message quotes all of it. */
static void
S_cut_long_attrs(struct reader *r, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
			/* Its text node, not a lookup by name, which would miss
			 * an attribute with a namespace. */
			xmlNodePtr v = a->children;
			char *ex;

			if (v == NULL || v->type != XML_TEXT_NODE ||
			    v->content == NULL || utf8_count((char *)v->content,
			    strlen((char *)v->content)) <= ATTRIBUTE_MAX_CHARS)
				continue;
			diag_error(r->d, r->file, planxml_line(n), "attribute "
			    "'%s' on <%s> is longer than %d characters",
			    QNAME(a->name), QNAME(n->name), ATTRIBUTE_MAX_CHARS);
			ex = text_excerpt((char *)v->content);
			xmlNodeSetContent(v, (const xmlChar *)ex);
			free(ex);
		}
		S_cut_long_attrs(r, n->children);
	}
}

/* The elements of plan.xml: the attributes each takes (required ones
 * first, counted by nrequired) and the elements it may hold.  Every
 * attribute check and every "unknown element" message reads this table,
 * and gen --dump-schema prints it for the manual's coverage test. */
#define INLINE "em", "strong", "a", "br", "value", "ref"
#define BLOCK "section", "p", "note", "ul", "ol", "insert", "chart", "figure"
static const struct element {
	const char		*name;
	size_t			 nrequired;
	const char *const	*attrs;
	const char *const	*children;
} elements[] = {
	{ "plan", 2, (const char *const[]){ "report", "year", "programme",
	    "previous", NULL }, (const char *const[]){ "jobcenter", "title",
	    "subtitle", "author", "date", "reference", "status", "data",
	    "body", NULL } },
	{ "jobcenter", 1, (const char *const[]){ "name", "kind", "region",
	    "land", NULL }, NULL },
	{ "title", 0, NULL, NULL },
	{ "subtitle", 0, NULL, NULL },
	{ "reference", 0, NULL, NULL },
	{ "status", 0, NULL, NULL },
	{ "author", 0, NULL, NULL },
	{ "date", 0, NULL, NULL },
	{ "data", 0, NULL, (const char *const[]){ "table", "check", NULL } },
	{ "table", 3, (const char *const[]){ "name", "kind", "src", "title",
	    "stand", "source", "decimal", "budget", "zusatz", "group-by",
	    "sheet", "decimals", NULL },
	    (const char *const[]){ "column", NULL } },
	{ "column", 1, (const char *const[]){ "name", "type", "total",
	    "label", "share", "part-of", NULL }, NULL },
	/* Evaluated by crosscheck.c once the tables are computed. */
	{ "check", 2, (const char *const[]){ "label", "value", "equals",
	    "at-most", "at-least", NULL }, NULL },
	{ "body", 0, NULL, (const char *const[]){ BLOCK, "contents", NULL } },
	{ "section", 1, (const char *const[]){ "title", "id", NULL },
	    (const char *const[]){ BLOCK, NULL } },
	{ "p", 0, NULL, (const char *const[]){ INLINE, "fn", NULL } },
	{ "note", 0, NULL, (const char *const[]){ INLINE, "fn", NULL } },
	{ "ul", 0, NULL, (const char *const[]){ "li", NULL } },
	{ "ol", 0, NULL, (const char *const[]){ "li", NULL } },
	{ "li", 0, NULL, (const char *const[]){ INLINE, "fn", "ul", "ol",
	    NULL } },
	{ "em", 0, NULL, (const char *const[]){ INLINE, NULL } },
	{ "strong", 0, NULL, (const char *const[]){ INLINE, NULL } },
	{ "a", 1, (const char *const[]){ "href", NULL },
	    (const char *const[]){ INLINE, NULL } },
	{ "br", 0, NULL, NULL },
	{ "fn", 0, NULL, (const char *const[]){ INLINE, NULL } },
	{ "value", 1, (const char *const[]){ "ref", "format", NULL }, NULL },
	{ "insert", 1, (const char *const[]){ "table", "group", "columns",
	    "title", NULL }, NULL },
	{ "chart", 3, (const char *const[]){ "table", "field", "kind", "id",
	    NULL }, NULL },
	{ "figure", 2, (const char *const[]){ "src", "alt", "id", "title",
	    "source", "stand", "width", "decorative", NULL }, NULL },
	{ "ref", 1, (const char *const[]){ "to", NULL }, NULL },
	{ "contents", 0, (const char *const[]){ "tables", "figures", NULL },
	    NULL },
};
#undef INLINE
#undef BLOCK

/* The values of enumerated attributes, where the checks below and
 * gen --dump-schema both read them. */
static const char *const chart_kinds[] = { "bar", "line", "pie", NULL };
static const char *const jobcenter_kinds[] = { "gE", "zkT", NULL };
static const char *const value_formats[] = { "plain", "bare", NULL };
static const char *const decimals[] = { ".", ",", NULL };
static const char *const share_decimals[] = { "0", "1", "2", "3", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
static const struct { const char *name; enum unit unit; } column_types[] = {
	{ "text", UNIT_NONE }, { "count", UNIT_COUNT },
	{ "number", UNIT_NUMBER }, { "money", UNIT_MONEY },
	{ "percent", UNIT_PERCENT },
};

static const struct element *
S_element(const char *name)
{
	for (size_t i = 0; i < sizeof(elements) / sizeof(*elements); i++)
		if (strcmp(elements[i].name, name) == 0)
			return &elements[i];
	return NULL;
}

/* "a, b, c" of a NULL-terminated list (caller frees). */
static char *
S_join_list(const char *const *list, const char *open, const char *close)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; list != NULL && list[i] != NULL; i++)
		buf_printf(&b, "%s%s%s%s", i > 0 ? ", " : "", open, list[i],
		    close);
	return buf_detach(&b);
}

static void
S_dump_values(FILE *f, const char *el, const char *attr,
    const char *const *v)
{
	fprintf(f, "values %s %s", el, attr);
	for (; *v != NULL; v++)
		fprintf(f, " %s", *v);
	fputc('\n', f);
}

void
planxml_dump_schema(FILE *f)
{
	for (size_t i = 0; i < sizeof(elements) / sizeof(*elements); i++) {
		const struct element *e = &elements[i];

		fprintf(f, "element %s\n", e->name);
		for (size_t k = 0; e->attrs != NULL && e->attrs[k] != NULL; k++)
			fprintf(f, "attribute %s %s%s\n", e->name, e->attrs[k],
			    k < e->nrequired ? " required" : "");
		for (size_t k = 0; e->children != NULL &&
		    e->children[k] != NULL; k++)
			fprintf(f, "child %s %s\n", e->name, e->children[k]);
	}
	fputs("values plan report", f);
	for (int r = REPORT_AMIP; r <= REPORT_EINGLIEDERUNGSBERICHT; r++)
		fprintf(f, " %s", report_name((enum report)r));
	fputs("\nvalues table kind", f);
	for (int k = 0; k <= KIND_TABLE; k++)
		fprintf(f, " %s", kind_name((enum table_kind)k));
	fputs("\nvalues column type", f);
	for (size_t i = 0; i < sizeof(column_types) / sizeof(*column_types);
	    i++)
		fprintf(f, " %s", column_types[i].name);
	fputc('\n', f);
	S_dump_values(f, "jobcenter", "kind", jobcenter_kinds);
	S_dump_values(f, "table", "decimal", decimals);
	S_dump_values(f, "table", "decimals", share_decimals);
	S_dump_values(f, "column", "total", yes_no);
	S_dump_values(f, "column", "share", yes_no);
	S_dump_values(f, "value", "format", value_formats);
	S_dump_values(f, "chart", "kind", chart_kinds);
	S_dump_values(f, "figure", "decorative", yes_no);
	S_dump_values(f, "contents", "tables", yes_no);
	S_dump_values(f, "contents", "figures", yes_no);
}

/* Refuses attributes that n's element does not take, naming those it
 * does, and reports missing required ones. */
static bool
S_check_attrs(struct reader *r, xmlNodePtr n)
{
	const struct element *e = S_element((const char *)n->name);
	const char *const *allowed = e != NULL ? e->attrs : NULL;
	bool ok = true;

	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		/* x:name is not name: the readers never see it. */
		const xmlChar *prefix = a->ns != NULL ? a->ns->prefix : NULL;
		char *known;

		if (a->ns == NULL && allowed != NULL &&
		    S_in_list((const char *)a->name, allowed))
			continue;
		known = S_join_list(allowed, "", "");
		if (known[0] != '\0')
			diag_error(r->d, r->file, planxml_line(n), "unknown "
			    "attribute '%s%s%s' on <%s> (known: %s)", prefix !=
			    NULL ? QNAME(prefix) : "", prefix != NULL ? ":" : "",
			    QNAME(a->name), QNAME(n->name), known);
		else
			diag_error(r->d, r->file, planxml_line(n), "unknown "
			    "attribute '%s%s%s' on <%s> (<%s> takes none)",
			    prefix != NULL ? QNAME(prefix) : "", prefix != NULL ?
			    ":" : "", QNAME(a->name), QNAME(n->name),
			    QNAME(n->name));
		free(known);
		ok = false;
	}
	for (size_t i = 0; e != NULL && i < e->nrequired; i++)
		if (!xmlHasProp(n, (const xmlChar *)e->attrs[i])) {
			diag_error(r->d, r->file, planxml_line(n),
			    "<%s> needs the attribute '%s'", QNAME(n->name),
			    e->attrs[i]);
			ok = false;
		}
	return ok;
}

static void
S_unknown_element(struct reader *r, xmlNodePtr n, xmlNodePtr parent)
{
	const struct element *e = S_element((const char *)parent->name);
	char *known = S_join_list(e != NULL ? e->children : NULL, "<", ">");

	if (S_is(n, "fn") && S_is(parent, "fn"))
		diag_error(r->d, r->file, planxml_line(n), "<fn> may not hold "
		    "another <fn>");
	else if (S_is(n, "fn"))
		diag_error(r->d, r->file, planxml_line(n), "<fn> is not "
		    "allowed in <%s>; a footnote stands directly in <p>, <li> "
		    "or <note>", QNAME(parent->name));
	else if (known[0] != '\0')
		diag_error(r->d, r->file, planxml_line(n), "unknown element "
		    "<%s> in <%s> (allowed there: %s)", QNAME(n->name),
		    QNAME(parent->name), known);
	else
		diag_error(r->d, r->file, planxml_line(n), "unknown element "
		    "<%s> in <%s> (<%s> holds no elements)", QNAME(n->name),
		    QNAME(parent->name), QNAME(parent->name));
	free(known);
}

/* The line of the character at off in text node n, which S_characters
 * gave the line it starts on. */
static int
S_text_line_at(xmlNodePtr n, size_t off)
{
	return planxml_line(n) + line_of_offset((const char *)n->content,
	    off) - 1;
}

/* A message about text names the line of its first visible character. */
static int
S_text_line(xmlNodePtr n)
{
	const char *s = (const char *)n->content;

	return S_text_line_at(n, strspn(s, " \t\r\n"));
}

/* A text node's content made NFC; a control character or bidirectional
 * control in it is an error at its line (input-format.md, "Text").  line
 * is the element's for an attribute's text, else 0. */
static void
S_normalise_text(struct reader *r, xmlNodePtr t, int line)
{
	const char *s = (const char *)t->content;
	size_t off, len;
	uint32_t cp;
	char *nfc;

	if (s == NULL)
		return;
	len = strlen(s);
	if (text_forbidden(s, len, &off, &cp)) {
		if (line == 0)
			line = S_text_line_at(t, off);
		diag_error(r->d, r->file, line, "%s U+%04X is not allowed in "
		    "text", text_forbidden_kind(cp), (unsigned)cp);
	}
	nfc = text_nfc(s);
	if (strcmp(nfc, s) != 0)
		xmlNodeSetContent(t, (const xmlChar *)nfc);
	free(nfc);
}

/* All text and attributes of the plan, before anything reads them.
 * Comments reach no output and are left as they are. */
static void
S_normalise(struct reader *r, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			S_normalise_text(r, n, 0);
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
			for (xmlNodePtr k = a->children; k != NULL; k = k->next)
				if (k->type == XML_TEXT_NODE)
					S_normalise_text(r, k, planxml_line(n));
		S_normalise(r, n->children);
	}
}

/* Text between elements where only elements may stand. */
static bool
S_stray_text(struct reader *r, xmlNodePtr n, xmlNodePtr parent)
{
	if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
		return true;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!is_blank((const char *)n->content))
			diag_error(r->d, r->file, S_text_line(n), "text is not "
			    "allowed directly in <%s>; put it in <p>",
			    QNAME(parent->name));
		return true;
	}
	if (n->type == XML_ENTITY_REF_NODE) {
		diag_error(r->d, r->file, planxml_line(n), "entity reference "
		    "'&%s;' is not allowed; write the character itself",
		    QNAME(n->name));
		return true;
	}
	return false;
}

/* The element's text; it may hold no elements. */
static char *
S_text_only(struct reader *r, xmlNodePtr n)
{
	xmlChar *c;
	char *s;

	for (xmlNodePtr k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE)
			diag_error(r->d, r->file, planxml_line(k),
			    "<%s> may only hold text, not <%s>", QNAME(n->name),
			    QNAME(k->name));
	S_check_attrs(r, n);
	c = xmlNodeGetContent(n);
	s = trim_dup(c != NULL ? (const char *)c : "");
	xmlFree(c);
	return s;
}

static void S_check_block(struct reader *, xmlNodePtr, xmlNodePtr, int);
static void S_check_inline(struct reader *, xmlNodePtr, bool);

/* A footnote: inline text, neither empty nor long; nfn counts those of
 * its block. */
static void
S_check_fn(struct reader *r, xmlNodePtr fn, int *nfn)
{
	xmlChar *c;
	char *text;
	size_t chars;

	S_check_attrs(r, fn);
	S_check_inline(r, fn, false);
	c = xmlNodeGetContent(fn);
	text = trim_dup(c != NULL ? (const char *)c : "");
	xmlFree(c);
	chars = utf8_count(text, strlen(text));
	if (text[0] == '\0')
		diag_error(r->d, r->file, planxml_line(fn), "<fn> is empty; "
		    "write the footnote's text in it");
	else if (chars > FN_CHARS_MAX)
		diag_error(r->d, r->file, planxml_line(fn), "<fn> is longer "
		    "than %d characters (%zu); a footnote must fit at the foot "
		    "of a page", FN_CHARS_MAX, chars);
	free(text);
	if (++*nfn == FN_BLOCK_MAX + 1)
		diag_error(r->d, r->file, planxml_line(fn), "<%s> holds more "
		    "than %d footnotes", QNAME(fn->parent->name), FN_BLOCK_MAX);
	if (++r->footnotes == FN_MAX + 1)
		diag_error(r->d, r->file, planxml_line(fn), "the plan holds "
		    "more than %d footnotes", FN_MAX);
}

static bool S_yes(struct reader *, xmlNodePtr, const char *);

/* A whole percentage 1..100 ("80"), else 0. */
static int
S_percent(const char *s)
{
	int v = 0;

	if (s[0] == '\0' || strlen(s) > 3 || s[strspn(s, "0123456789")] != '\0')
		return 0;
	v = atoi(s);
	return v >= 1 && v <= 100 ? v : 0;
}

/* A link cannot hold a link: a <ref> is one. */
static void
S_check_ref(struct reader *r, xmlNodePtr n)
{
	S_check_attrs(r, n);
	for (xmlNodePtr a = n->parent; a != NULL && a->type ==
	    XML_ELEMENT_NODE; a = a->parent)
		if (S_is(a, "a")) {
			diag_error(r->d, r->file, planxml_line(n), "<ref> may "
			    "not stand inside <a> (it is a link itself)");
			break;
		}
}

/* <figure>: the text alternative, the width, and the picture itself,
 * read and checked here (picture.c). */
static void
S_check_figure(struct reader *r, xmlNodePtr n)
{
	char *alt = planxml_prop(n, "alt"), *w = planxml_prop(n, "width");
	char *dec = planxml_prop(n, "decorative");
	bool decorative = S_yes(r, n, "decorative");
	bool attrs = S_check_attrs(r, n);

	if (dec != NULL && !S_in_list(dec, yes_no))
		;	/* S_yes said so; which alt it needs is open */
	else if (alt != NULL && is_blank(alt) && !decorative)
		diag_error(r->d, r->file, planxml_line(n), "<figure> alt is "
		    "empty: describe the picture for readers who cannot see "
		    "it, or mark a purely decorative one alt=\"\" "
		    "decorative=\"yes\"");
	else if (alt != NULL && !is_blank(alt) && decorative)
		diag_error(r->d, r->file, planxml_line(n), "<figure> is "
		    "decorative=\"yes\" but has an alt text: a decorative "
		    "picture says alt=\"\"");
	if (w != NULL && S_percent(w) == 0)
		diag_error(r->d, r->file, planxml_line(n), "<figure> width "
		    "'%s' is not a whole percentage from 1 to 100", QUOTE(w));
	if (attrs) {
		char *src = planxml_prop(n, "src");

		picture_read(&r->plan->pictures, r->plan->dir, n, src, r->file,
		    planxml_line(n), r->d);
		free(src);
	}
	free(alt);
	free(w);
	free(dec);
}

/* <contents> only as the first element of <body>. */
static void
S_check_contents(struct reader *r, xmlNodePtr body, xmlNodePtr n)
{
	xmlNodePtr first = body->children;

	while (first != NULL && first->type != XML_ELEMENT_NODE)
		first = first->next;
	S_check_attrs(r, n);
	S_yes(r, n, "tables");
	S_yes(r, n, "figures");
	if (first != n)
		diag_error(r->d, r->file, planxml_line(n), "<contents> must be "
		    "the first element of <body>");
}

static void
S_check_inline(struct reader *r, xmlNodePtr parent, bool lists)
{
	int nfn = 0;

	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE
		    || n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
			continue;
		if (S_stray_text(r, n, parent))
			continue;
		if (S_is(n, "em") || S_is(n, "strong")) {
			S_check_attrs(r, n);
			S_check_inline(r, n, false);
		} else if (S_is(n, "a")) {
			S_check_attrs(r, n);
			S_check_inline(r, n, false);
		} else if (S_is(n, "br")) {
			S_check_attrs(r, n);
		} else if (S_is(n, "ref")) {
			S_check_ref(r, n);
		} else if (S_is(n, "value")) {
			S_check_attrs(r, n);
			char *f = planxml_prop(n, "format");
			char *known = S_join_list(value_formats, "", "");
			if (f != NULL && !S_in_list(f, value_formats))
				diag_error(r->d, r->file, planxml_line(n),
				    "<value> format '%s' is unknown (known: "
				    "%s)", QUOTE(f), known);
			free(known);
			free(f);
		} else if (S_is(n, "fn") && (S_is(parent, "p") ||
		    S_is(parent, "li") || S_is(parent, "note"))) {
			S_check_fn(r, n, &nfn);
		} else if (lists && (S_is(n, "ul") || S_is(n, "ol"))) {
			S_check_block(r, parent, n, 0);
		} else
			S_unknown_element(r, n, parent);
	}
}

static void
S_check_list(struct reader *r, xmlNodePtr list)
{
	S_check_attrs(r, list);
	for (xmlNodePtr n = list->children; n != NULL; n = n->next) {
		if (S_stray_text(r, n, list))
			continue;
		if (S_is(n, "li")) {
			S_check_attrs(r, n);
			S_check_inline(r, n, true);
		} else
			S_unknown_element(r, n, list);
	}
}

static void
S_check_section(struct reader *r, xmlNodePtr sec, int depth)
{
	if (depth > SECTION_DEPTH_MAX) {
		diag_error(r->d, r->file, planxml_line(sec), "sections are "
		    "nested more than %d deep", SECTION_DEPTH_MAX);
		return;
	}
	S_check_attrs(r, sec);
	for (xmlNodePtr n = sec->children; n != NULL; n = n->next)
		if (!S_stray_text(r, n, sec))
			S_check_block(r, sec, n, depth);
}

/* One block-level element n inside parent (body, section or li). */
static void
S_check_block(struct reader *r, xmlNodePtr parent, xmlNodePtr n, int depth)
{
	if (S_is(n, "section") && !S_is(parent, "li")) {
		S_check_section(r, n, depth + 1);
	} else if (S_is(n, "p") || S_is(n, "note")) {
		S_check_attrs(r, n);
		S_check_inline(r, n, false);
	} else if (S_is(n, "ul") || S_is(n, "ol")) {
		S_check_list(r, n);
	} else if (S_is(n, "insert")) {
		S_check_attrs(r, n);
	} else if (S_is(n, "figure")) {
		S_check_figure(r, n);
	} else if (S_is(n, "contents") && S_is(parent, "body")) {
		S_check_contents(r, parent, n);
	} else if (S_is(n, "chart")) {
		S_check_attrs(r, n);
		char *k = planxml_prop(n, "kind");
		if (k != NULL && !S_in_list(k, chart_kinds))
			diag_error(r->d, r->file, planxml_line(n), "<chart> kind "
			    "'%s' is unknown (known: bar, line, pie)",
			    QUOTE(k));
		free(k);
	} else
		S_unknown_element(r, n, parent);
}

static void
S_read_body(struct reader *r, xmlNodePtr body)
{
	S_check_attrs(r, body);
	r->plan->body = body;
	for (xmlNodePtr n = body->children; n != NULL; n = n->next)
		if (!S_stray_text(r, n, body))
			S_check_block(r, body, n, 0);
}

static bool
S_parse_date(const char *s, int *y, int *m, int *d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	char tail;
	int n;

	*d = 0;
	n = sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail);
	if (n != 3 && !(n == 2 && strlen(s) == 7))
		return false;
	if (strlen(s) != (n == 3 ? 10u : 7u) || *y < 1900 || *y > 2200 ||
	    *m < 1 || *m > 12)
		return false;
	if (n == 3 && (*d < 1 || *d > days[*m - 1] ||
	    (*m == 2 && *d == 29 && (*y % 4 != 0 ||
	    (*y % 100 == 0 && *y % 400 != 0)))))
		return false;
	return true;
}

static void
S_read_jobcenter(struct reader *r, xmlNodePtr n)
{
	struct plan *p = r->plan;

	S_check_attrs(r, n);
	p->jc_name = planxml_prop(n, "name");
	p->jc_kind = planxml_prop(n, "kind");
	p->jc_region = planxml_prop(n, "region");
	p->jc_land = planxml_prop(n, "land");
	if (p->jc_kind != NULL && !S_in_list(p->jc_kind, jobcenter_kinds))
		diag_error(r->d, r->file, planxml_line(n), "<jobcenter> kind "
		    "'%s' is not one of gE, zkT", QUOTE(p->jc_kind));
	for (xmlNodePtr k = n->children; k != NULL; k = k->next)
		if (!S_stray_text(r, k, n))
			S_unknown_element(r, k, n);
}

static bool
S_yes(struct reader *r, xmlNodePtr n, const char *attr)
{
	char *v = planxml_prop(n, attr);
	bool yes = v != NULL && strcmp(v, "yes") == 0;

	if (v != NULL && !S_in_list(v, yes_no))
		diag_error(r->d, r->file, planxml_line(n), "<%s> %s '%s' is "
		    "not yes or no", QNAME(n->name), attr, QUOTE(v));
	free(v);
	return yes;
}

static bool
S_column_type(const char *s, enum unit *u)
{
	for (size_t i = 0; i < sizeof(column_types) / sizeof(*column_types);
	    i++)
		if (strcmp(s, column_types[i].name) == 0) {
			*u = column_types[i].unit;
			return true;
		}
	return false;
}

/* A <column> of a kind="table" table: a text column or a field. */
static void
S_read_column(struct reader *r, struct table *t, xmlNodePtr n, bool *label)
{
	char *name = planxml_prop(n, "name"), *type = planxml_prop(n, "type");
	char *lbl = planxml_prop(n, "label");
	enum unit u = UNIT_NONE;
	int c, f = -1;

	S_check_attrs(r, n);
	if (name == NULL)
		goto out;
	ascii_lower(name);
	if (!text_is_id(name))
		diag_error(r->d, r->file, planxml_line(n), "column name '%s' may "
		    "only hold a-z, 0-9, '-' and '_', and start with a letter "
		    "or digit", QUOTE(name));
	if (type != NULL && !S_column_type(type, &u))
		diag_error(r->d, r->file, planxml_line(n), "<column> type '%s' "
		    "is unknown (known: text, count, number, money, percent)",
		    QUOTE(type));
	if (table_column(t, name) >= 0) {
		diag_error(r->d, r->file, planxml_line(n), "column '%s' is "
		    "declared twice", QUOTE(name));
		goto out;
	}
	if (u == UNIT_NONE) {
		bool grp = t->group_by != NULL && strcmp(name, t->group_by) == 0;

		c = table_add_column(t, name, grp ? ROLE_GROUP :
		    *label ? ROLE_TEXT : ROLE_LABEL, -1);
		*label = *label || !grp;
		if (S_yes(r, n, "total") || S_yes(r, n, "share") ||
		    xmlHasProp(n, (const xmlChar *)"part-of"))
			diag_error(r->d, r->file, planxml_line(n), "text column "
			    "'%s' cannot have total, share or part-of",
			    QUOTE(name));
	} else {
		char *note = xasprintf("hinweis_%s", name);

		f = table_add_field(t, name, u, FIELD_INPUT |
		    (S_yes(r, n, "total") ? FIELD_TOTAL | FIELD_SUMMED : 0));
		c = table_add_column(t, name, ROLE_FIELD, f);
		table_add_column(t, note, ROLE_NOTE, f);
		free(note);
		if (S_yes(r, n, "share")) {
			char *sh = xasprintf("%s_anteil", name);
			int s = table_add_field(t, sh, UNIT_PERCENT,
			    FIELD_COMPUTED);

			t->fields[s].share_of = f;
			free(sh);
		}
		t->fields[f].label = lbl != NULL ? xstrdup(lbl) : NULL;
	}
	t->cols[c].label = lbl;
	lbl = NULL;
out:
	free(name);
	free(type);
	free(lbl);
}

/* part-of names another numeric column; resolved once all are declared. */
static void
S_resolve_part_of(struct reader *r, struct table *t, xmlNodePtr tab)
{
	for (xmlNodePtr n = tab->children; n != NULL; n = n->next) {
		char *name, *of;
		int f, g;

		if (!S_is(n, "column") || (of = planxml_prop(n, "part-of")) == NULL)
			continue;
		name = planxml_prop(n, "name");
		if (name != NULL)
			ascii_lower(name);
		ascii_lower(of);
		f = name != NULL ? table_field(t, name) : -1;
		g = table_field(t, of);
		if (f >= 0 && (g < 0 || g == f))
			diag_error(r->d, r->file, planxml_line(n), "column '%s': "
			    "part-of '%s' is not another numeric column",
			    QUOTE(name), QUOTE(of));
		else if (f >= 0)
			t->fields[f].part_of = g;
		free(name);
		free(of);
	}
}

/* The text columns that print with a heading of their own: the label,
 * texts such as kuerzel or funktion, a series' jahr. */
static bool
S_printed_role(enum col_role role)
{
	return role == ROLE_LABEL || role == ROLE_TEXT || role == ROLE_JAHR;
}

/* A <column> of a table of another kind than 'table' names a column or
 * field of the kind and gives it a heading (version 2): <column
 * name="eintritte" label="Förderfälle"/>. */
static void
S_label_column(struct reader *r, struct table *t, xmlNodePtr n)
{
	static const char *const only[] = { "type", "total", "share",
	    "part-of", NULL };
	char *name = planxml_prop(n, "name"), *lbl = planxml_prop(n, "label");
	bool typed = false;
	int c, f;

	S_check_attrs(r, n);
	for (size_t i = 0; only[i] != NULL; i++)
		if (xmlHasProp(n, (const xmlChar *)only[i])) {
			diag_error(r->d, r->file, planxml_line(n), "<column> "
			    "attribute '%s' is only for tables of kind 'table' "
			    "(other kinds take name and label)", only[i]);
			typed = true;
		}
	if (name == NULL || typed)	/* a column meant as a new one */
		goto out;
	ascii_lower(name);
	c = table_column(t, name);
	f = table_field(t, name);
	if (c >= 0 && !S_printed_role(t->cols[c].role))
		c = -1;			/* a number: its field's heading */
	if (c < 0 && f < 0) {
		struct buf known;

		buf_init(&known);
		for (size_t i = 0; i < t->ncols; i++)
			if (S_printed_role(t->cols[i].role))
				buf_printf(&known, "%s%s", known.len ? ", " : "",
				    t->cols[i].name);
		for (size_t i = 0; i < t->nfields; i++)
			buf_printf(&known, "%s%s", known.len ? ", " : "",
			    t->fields[i].name);
		diag_error(r->d, r->file, planxml_line(n), "<column> '%s' is "
		    "not a column of kind '%s' (known: %s)", QUOTE(name),
		    kind_name(t->kind), known.s);
		buf_free(&known);
	} else if (lbl != NULL && c >= 0) {
		free(t->cols[c].label);
		t->cols[c].label = lbl;
		lbl = NULL;
	} else if (lbl != NULL) {
		free(t->fields[f].label);
		t->fields[f].label = lbl;
		lbl = NULL;
	}
out:
	free(name);
	free(lbl);
}

static void
S_read_columns(struct reader *r, struct table *t, xmlNodePtr tab)
{
	bool label = false;

	for (xmlNodePtr n = tab->children; n != NULL; n = n->next) {
		if (S_stray_text(r, n, tab))
			continue;
		if (!S_is(n, "column")) {
			S_unknown_element(r, n, tab);
		} else if (t->kind != KIND_TABLE) {
			S_label_column(r, t, n);
		} else
			S_read_column(r, t, n, &label);
	}
	if (t->kind != KIND_TABLE)
		return;
	S_resolve_part_of(r, t, tab);
	if (t->group_by != NULL && table_column(t, t->group_by) < 0)
		diag_error(r->d, r->file, t->xml_line, "group-by '%s' is not a "
		    "declared text column", QUOTE(t->group_by));
}

/* decimals="N": the decimals of a table's computed shares and quotas;
 * budget="TABLE.ROW": the budget row its instruments are measured
 * against (input-format.md, version 2). */
static void
S_table_v2_attrs(struct reader *r, struct table *t, xmlNodePtr n)
{
	char *dec = planxml_prop(n, "decimals"), *dot;

	t->decimals = 1;
	if (dec != NULL && (strlen(dec) != 1 || dec[0] < '0' || dec[0] > '3'))
		diag_error(r->d, r->file, t->xml_line, "<table> decimals '%s' "
		    "is not 0, 1, 2 or 3", QUOTE(dec));
	else if (dec != NULL)
		t->decimals = dec[0] - '0';
	free(dec);
	if (t->budget_name != NULL &&
	    (dot = strchr(t->budget_name, '.')) != NULL) {
		t->budget_row_id = xstrdup(dot + 1);
		*dot = '\0';
	}
}

/* Attributes that only one kind of table takes. */
static void
S_kind_attrs(struct reader *r, struct table *t, xmlNodePtr n)
{
	static const struct { const char *attr; enum table_kind kind; } only[] = {
		{ "budget", KIND_INSTRUMENTS }, { "zusatz", KIND_INSTRUMENTS },
		{ "group-by", KIND_TABLE },
	};

	for (size_t i = 0; i < sizeof(only) / sizeof(*only); i++)
		if (xmlHasProp(n, (const xmlChar *)only[i].attr) &&
		    t->kind != only[i].kind)
			diag_error(r->d, r->file, t->xml_line, "attribute '%s' is "
			    "only for tables of kind '%s'", only[i].attr,
			    kind_name(only[i].kind));
}

static void
S_read_table(struct reader *r, xmlNodePtr n)
{
	struct plan *p = r->plan;
	struct table *t = xcalloc(1, sizeof(*t));
	char *kind = planxml_prop(n, "kind"), *dec = planxml_prop(n, "decimal");

	S_check_attrs(r, n);
	t->xml_line = planxml_line(n);
	t->name = planxml_prop(n, "name");
	t->src = planxml_prop(n, "src");
	t->sheet = planxml_prop(n, "sheet");
	t->title = planxml_prop(n, "title");
	t->stand = planxml_prop(n, "stand");
	t->source = planxml_prop(n, "source");
	t->zusatz = planxml_prop(n, "zusatz");
	t->budget_name = planxml_prop(n, "budget");
	t->group_by = planxml_prop(n, "group-by");
	S_table_v2_attrs(r, t, n);
	if (t->group_by != NULL)
		ascii_lower(t->group_by);
	t->reserve = value_none(UNIT_MONEY);
	/* A table that cannot be read still exists, so that references to
	 * it are not reported as well. */
	t->broken = t->src == NULL || kind == NULL;
	if (kind != NULL && !kind_from_name(kind, &t->kind)) {
		diag_error(r->d, r->file, t->xml_line, "<table> kind '%s' is "
		    "unknown (known: budget, instruments, distribution, "
		    "targets, series, table)", QUOTE(kind));
		t->kind = KIND_TABLE;
		t->broken = true;
	}
	if (dec != NULL && !S_in_list(dec, decimals))
		diag_error(r->d, r->file, t->xml_line, "<table> decimal '%s' is "
		    "not '.' or ','", QUOTE(dec));
	t->decimal_dot = dec != NULL && strcmp(dec, ".") == 0;
	free(kind);
	free(dec);
	if (t->name == NULL) {
		table_free(t);
		return;
	}
	if (!text_is_id(t->name))
		diag_error(r->d, r->file, t->xml_line, "table name '%s' may only "
		    "hold a-z, 0-9, '-' and '_', and start with a letter or "
		    "digit", QUOTE(t->name));
	else if (plan_table(p, t->name) != NULL)
		diag_error(r->d, r->file, t->xml_line, "table '%s' is declared "
		    "twice", QUOTE(t->name));
	t->path = xasprintf("%s/%s", p->dir, t->src != NULL ? t->src : "");
	S_kind_attrs(r, t, n);
	table_schema(t);
	S_read_columns(r, t, n);
	p->tables = xreallocarray(p->tables, p->ntables + 1, sizeof(t));
	p->tables[p->ntables++] = t;
}

/* budget= names no budget table: the budget table nearest to it. */
static void
S_no_budget(struct reader *r, const struct table *t)
{
	const char *near = NULL, *row = t->budget_row_id;
	size_t limit = strlen(t->budget_name) / 3 + 1, d;
	char *name = xasprintf("%s%s%s", t->budget_name, row ? "." : "",
	    row ? row : "");

	if (limit > 4)
		limit = 4;
	for (size_t i = 0; i < r->plan->ntables; i++)
		if (r->plan->tables[i]->kind == KIND_BUDGET && (d =
		    edit_distance(t->budget_name, r->plan->tables[i]->name,
		    limit)) <= limit) {
			near = r->plan->tables[i]->name;
			limit = d;
		}
	if (near != NULL)
		diag_error(r->d, r->file, t->xml_line, "budget '%s' names no "
		    "table of kind 'budget' (did you mean '%s%s%s'?)",
		    QUOTE(name), QUOTE(near), row ? "." : "",
		    row ? QUOTE(row) : "");
	else
		diag_error(r->d, r->file, t->xml_line, "budget '%s' is not a "
		    "table of kind 'budget'", QUOTE(name));
	free(name);
}

static void
S_read_data(struct reader *r, xmlNodePtr data)
{
	S_check_attrs(r, data);
	for (xmlNodePtr n = data->children; n != NULL; n = n->next) {
		if (S_stray_text(r, n, data))
			continue;
		if (S_is(n, "table") && r->plan->ntables == PLAN_TABLES_MAX) {
			diag_error(r->d, r->file, planxml_line(n), "more than "
			    "%d tables", PLAN_TABLES_MAX);
			break;
		} else if (S_is(n, "table"))
			S_read_table(r, n);
		else if (S_is(n, "check"))
			S_check_attrs(r, n);
		else
			S_unknown_element(r, n, data);
	}
	/* The budget attribute names a table that may come later. */
	for (size_t i = 0; i < r->plan->ntables; i++) {
		struct table *t = r->plan->tables[i];

		if (t->budget_name == NULL)
			continue;
		t->budget = plan_table(r->plan, t->budget_name);
		if (t->budget == NULL || t->budget->kind != KIND_BUDGET) {
			S_no_budget(r, t);
			t->budget = NULL;
		}
	}
}

/* dir joined with a relative path, "../" taken off dir's end, so that
 * messages name the programme's files as a user would. */
static char *
S_join(const char *dir, const char *rel)
{
	char *base = xstrdup(dir), *s;

	/* Each leading "../" takes a named folder off the end of dir. */
	while (strncmp(rel, "../", 3) == 0) {
		char *slash = strrchr(base, '/');
		const char *last = slash != NULL ? slash + 1 : base;

		if (*last == '\0' || strcmp(last, ".") == 0 ||
		    strcmp(last, "..") == 0)
			break;
		if (slash != NULL)
			*slash = '\0';
		else
			base[0] = '\0';
		rel += 3;
	}
	s = base[0] != '\0' ? xasprintf("%s/%s", base, rel) : xstrdup(rel);
	free(base);
	return s;
}

/* A plan folder named by attribute attr of <plan>, relative to this one:
 * sets *dir and *line; false if the attribute is absent or wrong. */
static bool
S_folder_attr(struct reader *r, xmlNodePtr root, const char *attr,
    char **dir, int *line)
{
	char *rel = planxml_prop(root, attr);
	bool ok = false;

	if (rel == NULL)
		return false;
	if (rel[0] == '/' || rel[0] == '\0')
		diag_error(r->d, r->file, planxml_line(root), "<plan> %s '%s' is "
		    "not a folder relative to this one", attr, QUOTE(rel));
	else if (!io_folder_near(r->plan->dir, rel))
		diag_error(r->d, r->file, planxml_line(root), "<plan> %s '%s' "
		    "leaves the folder that holds this plan", attr, QUOTE(rel));
	else {
		*dir = S_join(r->plan->dir, rel);
		*line = planxml_line(root);
		ok = true;
	}
	free(rel);
	return ok;
}

/* programme="FOLDER", the programme a Bericht reports on, and
 * previous="FOLDER", the same report a year before. */
static void
S_linked_plans(struct reader *r, xmlNodePtr root)
{
	struct plan *p = r->plan;

	if (S_folder_attr(r, root, "programme", &p->programme_dir,
	    &p->programme_line) && p->report != REPORT_EINGLIEDERUNGSBERICHT) {
		diag_error(r->d, r->file, p->programme_line, "<plan> programme "
		    "is only for a report eingliederungsbericht");
		free(p->programme_dir);
		p->programme_dir = NULL;
	}
	S_folder_attr(r, root, "previous", &p->previous_dir,
	    &p->previous_line);
}

/* year="2019/2020": a programme of two consecutive years; the first is
 * the plan's year (the index sorts by it), both are printed. */
static void
S_year_range(struct reader *r, xmlNodePtr root, const char *year, int first,
    const char *rest)
{
	char *end = NULL;
	long y2 = strtol(rest, &end, 10);

	if (!isdigit((unsigned char)rest[0]) || *end != '\0' || y2 < 1900 ||
	    y2 > 2201)
		diag_error(r->d, r->file, planxml_line(root), "<plan> year '%s' "
		    "is not two years like 2019/2020", QUOTE(year));
	else if (y2 != first + 1)
		diag_error(r->d, r->file, planxml_line(root), "<plan> year '%s': "
		    "the second year must follow the first (%d/%d)",
		    QUOTE(year), first, first + 1);
	else {
		r->plan->year = first;
		r->plan->year_last = (int)y2;
	}
}

static void
S_read_plan_attrs(struct reader *r, xmlNodePtr root)
{
	struct plan *p = r->plan;
	char *rep = planxml_prop(root, "report"), *year = planxml_prop(root, "year");
	char *end = NULL;
	long y;

	S_check_attrs(r, root);
	if (rep != NULL) {
		int i = REPORT_AMIP;

		while (i <= REPORT_EINGLIEDERUNGSBERICHT &&
		    strcmp(rep, report_name((enum report)i)) != 0)
			i++;
		if (i <= REPORT_EINGLIEDERUNGSBERICHT)
			p->report = (enum report)i;
		else
			diag_error(r->d, r->file, planxml_line(root), "<plan> "
			    "report '%s' is not one of amip, planungsdokument, "
			    "eingliederungsbericht", QUOTE(rep));
	}
	if (year != NULL) {
		y = strtol(year, &end, 10);
		if ((*end != '\0' && *end != '/') || y < 1900 || y > 2200 ||
		    !isdigit((unsigned char)year[0]))
			diag_error(r->d, r->file, planxml_line(root), "<plan> "
			    "year '%s' is not a year", QUOTE(year));
		else if (*end == '/')
			S_year_range(r, root, year, (int)y, end + 1);
		else
			p->year = p->year_last = (int)y;
	}
	free(rep);
	free(year);
	S_linked_plans(r, root);
}

/* The ids of the sections under n into ids (id -> the section): each an
 * HTML anchor, so restricted like table names and given once. */
static void
S_section_ids(struct reader *r, xmlNodePtr n, xmlHashTablePtr ids)
{
	for (n = n->children; n != NULL; n = n->next) {
		char *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (S_is(n, "section") && (id = planxml_prop(n, "id")) != NULL) {
			xmlNodePtr first = xmlHashLookup(ids, (xmlChar *)id);

			if (!text_is_id(id))
				diag_error(r->d, r->file, planxml_line(n),
				    "section id '%s' may hold only a-z, 0-9, "
				    "'-' and '_' and must start with a letter "
				    "or digit", QUOTE(id));
			else if (text_id_reserved(id))
				diag_error(r->d, r->file, planxml_line(n),
				    "section id '%s' is one the page gives itself "
				    "(inhalt, kapitel-…, tabelle-…, diagramm-…)",
				    QUOTE(id));
			else if (first != NULL)
				diag_error(r->d, r->file, planxml_line(n),
				    "section id '%s' is given twice (first "
				    "on line %d)", QUOTE(id), planxml_line(first));
			else
				xmlHashAddEntry(ids, (xmlChar *)id, n);
			free(id);
		}
		S_section_ids(r, n, ids);
	}
}

/* The ids of the charts and figures under n into ids, beside the
 * sections': each an HTML anchor and a <ref> target, so restricted like
 * them and given once among them all. */
static void
S_target_ids(struct reader *r, xmlNodePtr n, xmlHashTablePtr ids)
{
	for (n = n->children; n != NULL; n = n->next) {
		xmlNodePtr first;
		char *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		S_target_ids(r, n, ids);
		if ((!S_is(n, "chart") && !S_is(n, "figure")) ||
		    (id = planxml_prop(n, "id")) == NULL)
			continue;
		first = xmlHashLookup(ids, (xmlChar *)id);
		if (!text_is_id(id))
			diag_error(r->d, r->file, planxml_line(n), "<%s> id '%s' "
			    "may hold only a-z, 0-9, '-' and '_' and must start "
			    "with a letter or digit", QNAME(n->name), QUOTE(id));
		else if (text_id_reserved(id))
			diag_error(r->d, r->file, planxml_line(n), "<%s> id '%s' "
			    "is one the page gives itself (inhalt, kapitel-…, "
			    "tabelle-…, diagramm-…)", QNAME(n->name), QUOTE(id));
		else if (first != NULL || plan_table(r->plan, id) != NULL)
			diag_error(r->d, r->file, planxml_line(n), "<%s> id '%s' "
			    "is taken by %s", QNAME(n->name), QUOTE(id), first !=
			    NULL ? "another section, chart or figure" :
			    "a table's name");
		else
			xmlHashAddEntry(ids, (xmlChar *)id, n);
		free(id);
	}
}

struct near_id {
	const char	*want, *best;
	size_t		 dist;
};

static void
S_near_id(void *payload, void *data, const xmlChar *name)
{
	struct near_id *near = data;
	size_t limit = strlen(near->want) / 3 + 1, dist;

	(void)payload;
	dist = edit_distance(near->want, (const char *)name, limit);
	if (dist <= limit && (near->best == NULL || dist < near->dist ||
	    (dist == near->dist && strcmp((const char *)name, near->best) <
	    0))) {
		near->best = (const char *)name;
		near->dist = dist;
	}
}

/* <ref to="ID">: a table's name, or the id of a section, chart or
 * figure that has a number. */
static void
S_check_refs(struct reader *r, xmlNodePtr n, xmlHashTablePtr ids)
{
	for (n = n->children; n != NULL; n = n->next) {
		struct near_id near = { 0 };
		xmlNodePtr target;
		char *to, *dec;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		S_check_refs(r, n, ids);
		if (!S_is(n, "ref") || (to = planxml_prop(n, "to")) == NULL)
			continue;
		target = xmlHashLookup(ids, (xmlChar *)to);
		dec = target != NULL && S_is(target, "figure") ?
		    planxml_prop(target, "decorative") : NULL;
		if (plan_table(r->plan, to) != NULL) {
			/* a table */
		} else if (dec != NULL && strcmp(dec, "yes") == 0)
			diag_error(r->d, r->file, planxml_line(n), "<ref> to '%s' "
			    "names a decorative figure, which has no number",
			    QUOTE(to));
		else if (target == NULL) {
			near.want = to;
			xmlHashScan(ids, S_near_id, &near);
			for (size_t i = 0; i < r->plan->ntables; i++)
				S_near_id(NULL, &near,
				    (xmlChar *)r->plan->tables[i]->name);
			if (near.best != NULL)
				diag_error(r->d, r->file, planxml_line(n), "<ref> "
				    "to '%s' names no section, table, chart or "
				    "figure of the plan (did you mean '%s'?)",
				    QUOTE(to), QUOTE(near.best));
			else
				diag_error(r->d, r->file, planxml_line(n), "<ref> "
				    "to '%s' names no section, table, chart or "
				    "figure of the plan", QUOTE(to));
		}
		free(dec);
		free(to);
	}
}

/* An <a href> leads to the web or to a part of the plan, never to a
 * script, a file or data (input-format.md, "Text"). */
static void
S_check_links(struct reader *r, xmlNodePtr n, xmlHashTablePtr sections)
{
	for (n = n->children; n != NULL; n = n->next) {
		char *href;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		S_check_links(r, n, sections);
		if (!S_is(n, "a") || (href = planxml_prop(n, "href")) == NULL)
			continue;
		if (!text_href_safe(href))
			diag_error(r->d, r->file, planxml_line(n), "<a> href '%s' "
			    "is not an http:, https: or mailto: address, nor "
			    "#ID of a section, table, chart or figure",
			    QUOTE(href));
		else if (href[0] == '#' && plan_table(r->plan, href + 1) ==
		    NULL && xmlHashLookup(sections, (xmlChar *)href + 1) == NULL)
			diag_error(r->d, r->file, planxml_line(n), "<a> href '%s' "
			    "names no section, table, chart or figure of the "
			    "plan", QUOTE(href));
		free(href);
	}
}

/* <subtitle>, <reference>, <status>: one line of text on the cover (the
 * status also in every page's running head), blanks and line breaks
 * made one blank; NULL if empty.  Longer than max characters is an
 * error: the cover and the running head have room for one line. */
static char *
S_meta_text(struct reader *r, xmlNodePtr n, size_t max)
{
	char *s = S_text_only(r, n), *w = s;

	for (const char *c = s; *c != '\0'; c++)
		if (!isspace((unsigned char)*c))
			*w++ = *c;
		else if (w > s && w[-1] != ' ')
			*w++ = ' ';
	*w = '\0';
	if (utf8_count(s, strlen(s)) > max)
		diag_error(r->d, r->file, planxml_line(n), "<%s> is longer "
		    "than %zu characters", QNAME(n->name), max);
	if (*s == '\0' || utf8_count(s, strlen(s)) > max) {
		free(s);
		return NULL;
	}
	return s;
}

/* The children of <plan>: each at most once, some required. */
static void
S_read_plan(struct reader *r, xmlNodePtr root)
{
	static const char *const once[] = { "jobcenter", "title", "author",
	    "date", "data", "body", "subtitle", "reference", "status", NULL };
	struct plan *p = r->plan;
	int seen[9] = { 0 };

	S_read_plan_attrs(r, root);
	for (xmlNodePtr n = root->children; n != NULL; n = n->next) {
		size_t i;

		if (S_stray_text(r, n, root))
			continue;
		for (i = 0; once[i] != NULL && !S_is(n, once[i]); i++)
			continue;
		if (once[i] == NULL) {
			S_unknown_element(r, n, root);
			continue;
		}
		if (seen[i]++) {
			diag_error(r->d, r->file, planxml_line(n), "<%s> appears "
			    "twice in <plan>", QNAME(n->name));
			continue;
		}
		switch (i) {
		case 0: S_read_jobcenter(r, n); break;
		case 1: p->title = S_text_only(r, n); break;
		case 2: p->author = S_text_only(r, n); break;
		case 3: {
			char *s = S_text_only(r, n);

			if (!S_parse_date(s, &p->date_year, &p->date_month,
			    &p->date_day)) {
				diag_error(r->d, r->file, planxml_line(n), "<date> "
				    "'%s' is not a date like 2017-01-16 or "
				    "2016-10", QUOTE(s));
				p->date_year = p->date_month = p->date_day = 0;
			}
			free(s);
			break;
		}
		case 4: S_read_data(r, n); break;
		case 5: S_read_body(r, n); break;
		case 6: p->subtitle = S_meta_text(r, n, SUBTITLE_MAX_CHARS); break;
		case 7: p->reference = S_meta_text(r, n, REFERENCE_MAX_CHARS);
			break;
		default: p->status = S_meta_text(r, n, STATUS_MAX_CHARS); break;
		}
	}
	for (size_t i = 0; i < 9; i++)
		if (!seen[i] && (i == 0 || i == 1 || i == 5))
			diag_error(r->d, r->file, planxml_line(root), "<plan> "
			    "needs a <%s>", once[i]);
	if (p->body != NULL) {
		xmlHashTablePtr sections = xmlHashCreate(64);

		if (sections == NULL)
			out_of_memory();
		S_section_ids(r, p->body, sections);
		S_target_ids(r, p->body, sections);
		S_check_links(r, p->body, sections);
		S_check_refs(r, p->body, sections);
		xmlHashFree(sections, NULL);
	}
}

static char *
S_cut_message(const char *m)
{
	char *t = trim_dup(m), *cut = text_escape(t, 200);

	free(t);
	return cut;
}

/* libxml2's words for what a writer of plan.xml most often gets wrong. */
static char *
S_xml_message(const xmlError *e)
{
	const char *m = e->message != NULL ? e->message : "malformed XML";

	switch (e->code) {
	case XML_ERR_INVALID_CHAR:
		if (e->int1 > 0 && e->int1 < 0x20)
			return xasprintf("control character U+%04X is not allowed "
			    "in text", (unsigned)e->int1);
		if (strstr(m, "attribute value") != NULL)
			return xstrdup("a control character is not allowed in "
			    "an attribute value");
		return S_cut_message(m);
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return xstrdup("'&' must be written as '&amp;'");
	case XML_ERR_UNDECLARED_ENTITY:
		return xasprintf("unknown entity '&%s;': write the character "
		    "itself, or '&' as '&amp;'", e->str1 != NULL ? e->str1 : "");
	default:
		if (strncmp(m, "Excessive depth", 15) == 0)
			return xstrdup("elements are nested more than 256 deep");
		/* It may quote names of any length. */
		return S_cut_message(m);
	}
}

/* Only libxml2's first error: the ones after it follow from it. */
static void
#if LIBXML_VERSION >= 21200	/* libxml2 2.12 made the error const */
S_xml_error(void *arg, const xmlError *e)
#else
S_xml_error(void *arg, xmlErrorPtr e)
#endif
{
	struct reader *r = arg;
	char *msg;

	if (e == NULL || e->level < XML_ERR_ERROR || r->xml_failed)
		return;
	r->xml_failed = true;
	msg = S_xml_message(e);
	diag_error(r->d, r->file, e->line, "%s", msg);
	free(msg);
}

/* The line of a DOCTYPE in the prolog, or 0.  Refused before parsing, so
 * that no entity of it is ever expanded. */
static int
S_doctype_line(const char *text, size_t len)
{
	const char *s = text, *end = text + len, *close;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	for (;;) {
		while (s < end && strchr(" \t\r\n", *s) != NULL)
			s++;
		if (end - s >= 9 && memcmp(s, "<!DOCTYPE", 9) == 0)
			return line_of_offset(text, (size_t)(s - text));
		if (end - s >= 4 && memcmp(s, "<!--", 4) == 0)
			close = strstr(s, "-->");
		else if (end - s >= 2 && memcmp(s, "<?", 2) == 0)
			close = strstr(s, "?>");
		else
			return 0;
		if (close == NULL)
			return 0;
		s = close + 2;
	}
}

/* libxml2 gives a text node the line where its first piece was passed
 * on, which is neither its start nor its end once it holds a non-ASCII
 * character; this gives it the line on which it starts. */
static void
S_characters(void *ctx, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = ctx;
	xmlNodePtr last = ctxt->node != NULL ? ctxt->node->last : NULL;
	bool fresh = last == NULL || last->type != XML_TEXT_NODE;
	long line = ctxt->input != NULL ? ctxt->input->line : 0;

	xmlSAX2Characters(ctx, ch, len);
	if (!fresh || ctxt->node == NULL || (last = ctxt->node->last) == NULL ||
	    last->type != XML_TEXT_NODE)
		return;
	for (int i = 0; i < len; i++)
		line -= ch[i] == '\n';
	if (line > 0)
		last->line = (unsigned short)(line < 65535 ? line : 65535);
}

/* Parses without network, DTD loading or entity expansion: a plan.xml
 * can bring in nothing from outside and cannot blow up. */
static xmlDocPtr
S_parse(struct reader *r, const char *text, size_t len)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr doc = NULL;
	int line;

	if ((line = S_doctype_line(text, len)) > 0) {
		diag_error(r->d, r->file, line, "a DOCTYPE is not allowed in "
		    "plan.xml");
		xmlFreeParserCtxt(ctxt);
		return NULL;
	}
	if (ctxt == NULL) {
		diag_error(r->d, r->file, 0, "out of memory");
		return NULL;
	}
	ctxt->sax->characters = S_characters;
	ctxt->sax->ignorableWhitespace = S_characters;
	xmlSetStructuredErrorFunc(r, S_xml_error);
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, r->file, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (doc != NULL && doc->intSubset != NULL) {
		diag_error(r->d, r->file, 1, "a DOCTYPE is not allowed in "
		    "plan.xml");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

struct plan *
planxml_read(const char *dir, struct diags *d)
{
	struct plan *p = xcalloc(1, sizeof(*p));
	struct reader r = { .plan = p, .d = d };
	char *text;
	size_t len, bad, before = d->errors;
	xmlNodePtr root;

	p->dir = xstrdup(dir);
	for (size_t n = strlen(p->dir); n > 1 && p->dir[n - 1] == '/'; n--)
		p->dir[n - 1] = '\0';
	p->name = io_plan_name(p->dir);
	p->xml_path = xasprintf("%s/plan.xml", p->dir);
	r.file = p->xml_path;
	if (!io_read_file(p->xml_path, p->xml_path, PLANXML_MAX_BYTES, &text,
	    &len, d)) {
		plan_free(p);
		return NULL;
	}
	if (!utf8_valid(text, len, &bad)) {
		diag_error(d, p->xml_path, line_of_offset(text, bad),
		    "not valid UTF-8 (plan.xml must be UTF-8)");
		free(text);
		plan_free(p);
		return NULL;
	}
	p->doc = S_parse(&r, text, len);
	free(text);
	if (p->doc == NULL) {
		if (d->errors == before)
			diag_error(d, p->xml_path, 0, "not a well-formed XML file");
		plan_free(p);
		return NULL;
	}
	root = xmlDocGetRootElement(p->doc);
	if (root == NULL || !S_is(root, "plan")) {
		diag_error(d, p->xml_path, root ? planxml_line(root) : 0,
		    "the root element must be <plan>");
		plan_free(p);
		return NULL;
	}
	S_normalise(&r, root);
	S_cut_long_attrs(&r, root);
	S_read_plan(&r, root);
	return p;
}
