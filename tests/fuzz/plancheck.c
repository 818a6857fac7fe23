/* plancheck.c: the properties of a rendered plan that tests/fuzz/plans.sh
 * checks.  Usage: plancheck NAME.html NAME.kennzahlen.csv NAME.pdf.txt
 * (the PDF's text by pdftotext).  Checks that
 *  - every element of the page with data-key names a key of the export,
 *    and its data-value is the export's wert;
 *  - the export's anzeige of every figure the page shows stands in the
 *    page's element and in the PDF's text (blanks, soft hyphens and line
 *    ends ignored: layout breaks lines where it likes); where the text
 *    prints it with format="plain" or "bare", without the unit or bare;
 *  - no cell of the export starts with =, +, -, @, a tab or a CR unless
 *    it is a plain number (a spreadsheet would run it as a formula);
 *  - every link of the page is http(s):, mailto: or #id, and an #id names
 *    an element of the page; ids are unique and hold no blank.
 * Prints one line per failure ("FAIL what") and exits 1 if any. */
#include <csv.h>
#include <libxml/HTMLparser.h>
#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io.h"
#include "util.h"

struct fig {
	char	*wert;
	char	*anzeige;
	bool	 seen;
};

struct reader {
	xmlHashTablePtr	 figs;
	char		*cells[4];
	int		 ncell;
	long		 line;
};

static int failures;

static void
S_fail(const char *fmt, ...)
{
	va_list ap;

	if (++failures > 20)
		return;
	fputs("FAIL ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void
S_cell(void *s, size_t len, void *arg)
{
	struct reader *r = arg;

	if (r->ncell < 4)
		r->cells[r->ncell] = xstrndup(s, len);
	r->ncell++;
}

/* A plain number: -?digits, a '.' and digits. */
static bool
S_plain_number(const char *s)
{
	size_t n;

	s += *s == '-' || *s == '+';
	n = strspn(s, "0123456789");
	if (n == 0)
		return false;
	s += n;
	if (*s == '.')
		s += 1 + strspn(s + 1, "0123456789");
	return *s == '\0';
}

/* A cell a spreadsheet would take for a formula.  gen leads such a
 * display with an apostrophe, which S_unguard takes off again. */
static void
S_formula(const struct reader *r)
{
	for (int i = 0; i < 4 && i < r->ncell; i++) {
		const char *c = r->cells[i];

		if (c == NULL || c[0] == '\0' ||
		    strchr("=+-@\t\r", c[0]) == NULL || S_plain_number(c))
			continue;
		S_fail("export: line %ld: '%.40s' starts like a formula",
		    r->line + 1, c);
	}
}

/* The text the page prints for an anzeige: without the apostrophe that
 * guards a formula-like cell. */
static void
S_unguard(char *s)
{
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r", s[1]) != NULL)
		memmove(s, s + 1, strlen(s));
}

static void
S_record(int c, void *arg)
{
	struct reader *r = arg;

	(void)c;
	S_formula(r);
	if (r->ncell != 4)
		S_fail("export line %ld has %d fields", r->line + 1, r->ncell);
	else if (r->line > 0) {
		struct fig *f = xcalloc(1, sizeof(*f));

		f->wert = r->cells[1];
		f->anzeige = r->cells[3];
		S_unguard(f->anzeige);
		r->cells[1] = r->cells[3] = NULL;
		if (xmlHashAddEntry(r->figs, (xmlChar *)r->cells[0], f) != 0) {
			S_fail("export: key %s twice", r->cells[0]);
			free(f->wert);
			free(f->anzeige);
			free(f);
		}
	}
	for (int i = 0; i < 4 && i < r->ncell; i++)
		free(r->cells[i]);
	memset(r->cells, 0, sizeof(r->cells));
	r->ncell = 0;
	r->line++;
}

static xmlHashTablePtr
S_read_export(const char *path)
{
	struct reader r = { .figs = xmlHashCreate(1024) };
	struct csv_parser p;
	struct diags d;
	char *data;
	size_t len;

	diags_init(&d);
	if (!io_read_bytes(path, path, 256u << 20, &data, &len, &d)) {
		S_fail("cannot read %s", path);
		diags_free(&d);
		return r.figs;
	}
	diags_free(&d);
	csv_init(&p, CSV_APPEND_NULL);
	csv_set_delim(&p, ';');
	if (csv_parse(&p, data, len, S_cell, S_record, &r) != len)
		S_fail("export is not CSV: %s", csv_strerror(csv_error(&p)));
	csv_fini(&p, S_cell, S_record, &r);
	csv_free(&p);
	free(data);
	return r.figs;
}

/* s without blanks, soft hyphens and the other invisible spaces. */
static char *
S_squeeze(const char *s)
{
	static const char *const drop[] = { "\xC2\xA0", "\xC2\xAD",
	    "\xE2\x80\xAF", "\xE2\x80\x89", "\xE2\x80\x8B", "\xE2\x80\x87",
	    "\xE2\x80\x8A", NULL };
	struct buf b;

	buf_init(&b);
	while (*s != '\0') {
		size_t n = 0;

		if (strchr(" \t\r\n\f\v", *s) != NULL) {
			s++;
			continue;
		}
		for (int i = 0; drop[i] != NULL && n == 0; i++)
			if (strncmp(s, drop[i], strlen(drop[i])) == 0)
				n = strlen(drop[i]);
		if (n > 0) {
			s += n;
			continue;
		}
		buf_putc(&b, *s++);
	}
	return buf_detach(&b);
}

/* a as a table cell or format="plain" prints it: without its unit
 * (a squeezed anzeige: "1.234€" is "1.234", "(5%)" is "(5)"). */
static char *
S_plain(const char *a)
{
	static const char *const units[] = { "%-Pkt.", "\xE2\x82\xAC", "%",
	    NULL };
	char *p = xstrdup(a), *at;

	for (int i = 0; units[i] != NULL; i++)
		if ((at = strstr(p, units[i])) != NULL) {
			memmove(at, at + strlen(units[i]),
			    strlen(at + strlen(units[i])) + 1);
			break;
		}
	return p;
}

/* a as format="bare" prints it: the number alone, without "ca.", a
 * leading "+ ", its parentheses, its unit and a note such as "(VBL)"
 * ("ca.(1.234€)" is "1.234", "+2.407,12€(VBL)" is "2.407,12"); a minus
 * stays. */
static char *
S_bare(const char *a)
{
	static const char minus[] = "\xE2\x88\x92";
	const char *p = a;
	struct buf b;

	buf_init(&b);
	while (*p != '\0' && !(*p >= '0' && *p <= '9') && *p != '-' &&
	    strncmp(p, minus, 3) != 0)
		p++;
	if (*p == '-')
		buf_putc(&b, *p++);
	else if (strncmp(p, minus, 3) == 0) {
		buf_puts(&b, minus);
		p += 3;
	}
	while ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',')
		buf_putc(&b, *p++);
	return buf_detach(&b);
}

/* Does hay hold a, with or without its unit, or (a figure that the
 * text prints with a format) bare? */
static bool
S_holds(const char *hay, const char *a, bool plain)
{
	char *p;
	bool yes;

	if (strstr(hay, a) != NULL)
		return true;
	p = S_plain(a);
	yes = strstr(hay, p) != NULL;
	free(p);
	if (!yes && plain) {
		p = S_bare(a);
		yes = strstr(hay, p) != NULL;
		free(p);
	}
	return yes;
}

/* The element's own text: its text children, not a note's span. */
static char *
S_own_text(xmlNodePtr n)
{
	struct buf b;

	buf_init(&b);
	for (xmlNodePtr k = n->children; k != NULL; k = k->next)
		if (k->type == XML_TEXT_NODE && k->content != NULL)
			buf_puts(&b, (const char *)k->content);
	return buf_detach(&b);
}

struct page {
	xmlHashTablePtr	 figs;
	xmlHashTablePtr	 ids;		/* every id of the page */
	xmlHashTablePtr	 targets;	/* every #id a link names */
	const char	*pdf;		/* squeezed, or NULL */
	int		 shown;
	int		 in_chart;	/* inside a <figure class="chart"> */
};

static void
S_link(struct page *pg, xmlNodePtr n)
{
	xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
	const char *h = (const char *)href;

	if (h != NULL && h[0] == '#')
		xmlHashAddEntry(pg->targets, href + 1, pg);
	if (h != NULL && strncmp(h, "https://", 8) != 0 &&
	    strncmp(h, "http://", 7) != 0 && strncmp(h, "mailto:", 7) != 0 &&
	    h[0] != '#')
		S_fail("link: href '%.60s' is not http(s), mailto or #id", h);
	xmlFree(href);
}

static void
S_id(struct page *pg, xmlNodePtr n)
{
	xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");

	if (id == NULL)
		return;
	if (strpbrk((const char *)id, " \t\r\n\f") != NULL || id[0] == '\0')
		S_fail("page: id '%s' is empty or holds a blank", id);
	if (xmlHashAddEntry(pg->ids, id, pg) != 0)
		S_fail("page: id '%s' twice", id);
	xmlFree(id);
}

static void
S_target(void *payload, void *data, const xmlChar *name)
{
	struct page *pg = data;

	(void)payload;
	if (xmlHashLookup(pg->ids, name) == NULL)
		S_fail("page: a link names '#%s', which is no id of the page",
		    name);
}

static void
S_walk(struct page *pg, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *key, *value, *cls = NULL;
		bool chart;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)n->name, "a") == 0)
			S_link(pg, n);
		S_id(pg, n);
		key = xmlGetProp(n, (const xmlChar *)"data-key");
		value = xmlGetProp(n, (const xmlChar *)"data-value");
		if (key != NULL) {
			struct fig *f = xmlHashLookup(pg->figs, key);

			pg->shown++;
			if (f == NULL)
				S_fail("page: key %s is not in the export", key);
			else {
				char *own = S_own_text(n), *a = S_squeeze(f->anzeige);
				char *o = S_squeeze(own);
				xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
				/* format="plain" or "bare" in the text. */
				bool plain = c != NULL && strstr((char *)c, "plain");

				xmlFree(c);

				if (value == NULL || strcmp((char *)value, f->wert) != 0)
					S_fail("page: %s has data-value '%s', the export "
					    "'%s'", key, value ? (char *)value : "(none)",
					    f->wert);
				if (!S_holds(o, a, plain))
					S_fail("page: %s shows '%s', the export's "
					    "anzeige is '%s'", key, own, f->anzeige);
				if (pg->pdf != NULL && !f->seen && a[0] != '\0' &&
				    !S_holds(pg->pdf, a, plain))
					S_fail("pdf%s: %s: '%s' is not in the PDF's "
					    "text", pg->in_chart ? " (chart)" : "", key,
					    f->anzeige);
				f->seen = true;
				free(own);
				free(a);
				free(o);
			}
		}
		xmlFree(key);
		xmlFree(value);
		chart = strcasecmp((const char *)n->name, "figure") == 0 &&
		    (cls = xmlGetProp(n, (const xmlChar *)"class")) != NULL &&
		    strstr((const char *)cls, "chart") != NULL;
		xmlFree(cls);
		cls = NULL;
		pg->in_chart += chart;
		S_walk(pg, n->children);
		pg->in_chart -= chart;
	}
}

static void
S_free_fig(void *p, const xmlChar *name)
{
	struct fig *f = p;

	(void)name;
	free(f->wert);
	free(f->anzeige);
	free(f);
}

int
main(int argc, char **argv)
{
	struct page pg = { 0 };
	htmlDocPtr doc;
	char *pdf = NULL;

	if (argc != 4) {
		fprintf(stderr, "usage: plancheck HTML CSV PDFTEXT\n");
		return 2;
	}
	pg.figs = S_read_export(argv[2]);
	if (strcmp(argv[3], "-") != 0) {
		struct diags d;
		char *text;
		size_t len;

		diags_init(&d);
		if (io_read_bytes(argv[3], argv[3], 256u << 20, &text, &len, &d)) {
			pdf = S_squeeze(text);
			free(text);
		} else
			S_fail("cannot read %s", argv[3]);
		diags_free(&d);
	}
	pg.pdf = pdf;
	doc = htmlReadFile(argv[1], "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE);
	if (doc == NULL)
		S_fail("page: %s cannot be parsed", argv[1]);
	else {
		pg.ids = xmlHashCreate(256);
		pg.targets = xmlHashCreate(64);
		S_walk(&pg, xmlDocGetRootElement(doc));
		xmlHashScan(pg.targets, S_target, &pg);
		xmlHashFree(pg.ids, NULL);
		xmlHashFree(pg.targets, NULL);
	}
	xmlFreeDoc(doc);
	xmlHashFree(pg.figs, S_free_fig);
	free(pdf);
	if (failures > 20)
		printf("FAIL and %d more\n", failures - 20);
	if (failures == 0)
		printf("ok %d figures shown\n", pg.shown);
	return failures > 0;
}
