/* template.c: reading a template folder.  A template is input like a
 * plan: every number, font, picture and the stylesheet are checked here,
 * before the writers use them. */
#include "template.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image.h"
#include "io.h"
#include "planxml.h"
#include "text.h"
#include "ttf.h"
#include "util.h"

#define TEMPLATE_FILE_MAX (4u * 1024 * 1024)
#define CHAPTERS_MAX	100

/* The print page is A4.  The margins must leave room for a table with
 * its repeated head on every page: below about 80 by 100 mm the layout
 * can find no place for a row. */
#define PAGE_W_MM	210.0
#define PAGE_H_MM	297.0
#define MARGIN_MIN_MM	5.0
#define MARGIN_MAX_MM	100.0
#define TEXT_W_MIN_MM	80.0
#define TEXT_H_MIN_MM	100.0

static bool
S_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* templates/REPORT beside the working folder, else beside the program
 * (build/gen finds ../templates), so gen works from any folder. */
static char *
S_default_dir(enum report r)
{
	char exe[PATH_MAX];
	char *dir = xasprintf("templates/%s", report_name(r)), *slash;
	ssize_t n;

	if (S_is_dir(dir))
		return dir;
	free(dir);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return xasprintf("templates/%s", report_name(r));
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		*slash = '\0';
	return xasprintf("%s/../templates/%s", exe, report_name(r));
}

/* A file of the template folder, named by an attribute; *path is its
 * name for messages (caller frees). */
static char *
S_read(struct template *t, xmlNodePtr n, const char *file, size_t *len,
    bool text, char **path, struct diags *d)
{
	char *src = planxml_prop(n, "src"), *data = NULL;

	*path = NULL;
	if (src == NULL || !io_path_inside(t->dir, src)) {
		diag_error(d, file, planxml_line(n), "<%s> needs a src inside "
		    "the template folder", n->name);
		free(src);
		return NULL;
	}
	*path = xasprintf("%s/%s", t->dir, src);
	if (!(text ? io_read_file : io_read_bytes)(*path, *path,
	    TEMPLATE_FILE_MAX, &data, len, d))
		data = NULL;
	free(src);
	return data;
}

/* A chapter's id is its HTML id: a name, different from the others. */
static bool
S_chapter_id(const struct template *t, const char *id)
{
	if (!isalpha((unsigned char)id[0]) || id[strspn(id, "abcdefghijklmno"
	    "pqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")] != '\0')
		return false;
	for (size_t i = 0; i + 1 < t->nchapters; i++)
		if (t->chapters[i].id != NULL &&
		    strcmp(t->chapters[i].id, id) == 0)
			return false;
	return true;
}

static void
S_chapter(struct template *t, xmlNodePtr n, const char *file,
    struct diags *d)
{
	struct chapter *c;
	char *ex;

	t->chapters = xreallocarray(t->chapters, t->nchapters + 1,
	    sizeof(*t->chapters));
	c = &t->chapters[t->nchapters++];
	memset(c, 0, sizeof(*c));
	c->id = planxml_prop(n, "id");
	c->title = planxml_prop(n, "title");
	if (c->id == NULL || c->title == NULL)
		diag_error(d, file, planxml_line(n), "<chapter> needs id and "
		    "title");
	else if (!S_chapter_id(t, c->id)) {
		ex = text_excerpt(c->id);
		diag_error(d, file, planxml_line(n), "<chapter> id '%s' is "
		    "not a new name of letters, digits, '-' and '_' (it is the "
		    "chapter's anchor in the page)", ex);
		free(ex);
	} else if (text_id_reserved(c->id)) {
		ex = text_excerpt(c->id);
		diag_error(d, file, planxml_line(n), "<chapter> id '%s' is one "
		    "the page gives itself (inhalt, kapitel-…, tabelle-…, "
		    "diagramm-…)", ex);
		free(ex);
	}
	for (xmlNodePtr k = n->children; k != NULL; k = k->next) {
		char *kind;
		enum table_kind tk;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		kind = planxml_prop(k, "kind");
		if (strcmp((const char *)k->name, "insert") != 0 || kind == NULL ||
		    !kind_from_name(kind, &tk) ||
		    c->ninserts == CHAPTER_INSERTS_MAX)
			diag_error(d, file, planxml_line(k), "<chapter> holds only "
			    "<insert kind=\"...\"/> of a table kind");
		else
			c->inserts[c->ninserts++] = tk;
		free(kind);
	}
}

/* A size as the template writes it: digits with a decimal point, nothing
 * else ("nan", "1e9", "-3" and "0x10" are not sizes). */
static bool
S_size(const char *s, double *v)
{
	size_t n = strspn(s, "0123456789"), frac = 0;

	if (n == 0 || n > 4)
		return false;
	if (s[n] == '.' && (frac = strspn(s + n + 1, "0123456789")) == 0)
		return false;
	*v = strtod(s, NULL);
	return s[n + (frac > 0 ? frac + 1 : 0)] == '\0';
}

/* margin: four sizes apart by blanks, top right bottom left. */
static bool
S_margins(const char *s, double m[4])
{
	char *copy = xstrdup(s), *tok, *save = NULL;
	int k = 0;
	bool ok = true;

	for (tok = strtok_r(copy, " \t\r\n", &save); tok != NULL && ok;
	    tok = strtok_r(NULL, " \t\r\n", &save))
		ok = k < 4 && S_size(tok, &m[k++]);
	free(copy);
	return ok && k == 4;
}

/* <page margin="25 20 22 25" font-size="10"/>: top, right, bottom, left
 * in millimetres.  A margin the layout cannot fill a page within is
 * refused here: the PDF's pagination would never end. */
static void
S_page(struct template *t, xmlNodePtr n, const char *file, struct diags *d)
{
	char *margin = planxml_prop(n, "margin"), *size = planxml_prop(n, "font-size");
	char *ex = NULL;
	struct page_spec *p = &t->page;
	int line = planxml_line(n);
	double m[4];

	if (margin != NULL) {
		ex = text_excerpt(margin);
		if (!S_margins(margin, m))
			diag_error(d, file, line, "<page> margin '%s' is not "
			    "four sizes in millimetres (top right bottom left)",
			    ex);
		else if (m[0] < MARGIN_MIN_MM || m[1] < MARGIN_MIN_MM ||
		    m[2] < MARGIN_MIN_MM || m[3] < MARGIN_MIN_MM ||
		    m[0] > MARGIN_MAX_MM || m[1] > MARGIN_MAX_MM ||
		    m[2] > MARGIN_MAX_MM || m[3] > MARGIN_MAX_MM)
			diag_error(d, file, line, "<page> margin '%s': each "
			    "margin is from %g to %g mm", ex, MARGIN_MIN_MM,
			    MARGIN_MAX_MM);
		else if (PAGE_W_MM - m[1] - m[3] < TEXT_W_MIN_MM ||
		    PAGE_H_MM - m[0] - m[2] < TEXT_H_MIN_MM)
			diag_error(d, file, line, "<page> margin '%s' leaves "
			    "a text area of %g by %g mm on the A4 page; it "
			    "must be at least %g by %g mm", ex,
			    PAGE_W_MM - m[1] - m[3], PAGE_H_MM - m[0] - m[2],
			    TEXT_W_MIN_MM, TEXT_H_MIN_MM);
		else {
			p->margin_top = m[0];
			p->margin_right = m[1];
			p->margin_bottom = m[2];
			p->margin_left = m[3];
		}
		free(ex);
	}
	if (size != NULL && (!S_size(size, &p->font_size) ||
	    p->font_size < 6 || p->font_size > 16)) {
		ex = text_excerpt(size);
		diag_error(d, file, line, "<page> font-size '%s' is not a "
		    "size from 6 to 16 points", ex);
		p->font_size = 0;
		free(ex);
	}
	free(margin);
	free(size);
}

/* A font file read without waiting (a FIFO) and checked by FreeType:
 * false with a message at the <fonts> element. */
static bool
S_font_ok(const char *path, const char *attr, const char *v,
    const char *file, int line, struct diags *d)
{
	struct diags io;
	char *data, *why = NULL, *ex = text_excerpt(v);
	size_t len;
	bool ok = false;

	diags_init(&io);
	if (io_read_bytes(path, path, TTF_FILE_MAX, &data, &len, &io)) {
		if (!ttf_check(data, len, &why))
			diag_error(d, file, line, "<fonts> %s '%s' %s", attr,
			    ex, why);
		ok = why == NULL;
		free(data);
	} else
		diag_error(d, file, line, "<fonts> %s '%s': %s", attr, ex,
		    io.n > 0 ? io.v[0].msg : "cannot be read");
	diags_free(&io);
	free(why);
	free(ex);
	return ok;
}

/* <fonts regular="..." bold="..." italic="..." bold-italic="..."/>: TTF
 * files, absolute (a Debian font package) or inside the template. */
static void
S_fonts(struct template *t, xmlNodePtr n, const char *file, struct diags *d)
{
	static const char *const attr[4] = { "regular", "bold", "italic",
	    "bold-italic" };
	int line = planxml_line(n);

	for (int i = 0; i < 4; i++) {
		char *v = planxml_prop(n, attr[i]), *path = NULL, *ex;

		if (v == NULL)
			diag_error(d, file, line, "<fonts> needs the "
			    "attribute '%s'", attr[i]);
		else if (v[0] == '/')
			path = xstrdup(v);
		else if (io_path_inside(t->dir, v))
			path = xasprintf("%s/%s", t->dir, v);
		else {
			ex = text_excerpt(v);
			diag_error(d, file, line, "<fonts> %s '%s' "
			    "leaves the template folder", attr[i], ex);
			free(ex);
		}
		if (path != NULL && S_font_ok(path, attr[i], v, file, line, d))
			t->fonts[i] = path;
		else
			free(path);
		free(v);
	}
}

const char *const template_color_names[TEMPLATE_COLORS] = { "--accent",
    "--accent-light", "--text", "--muted", "--chart-1", "--chart-2",
    "--chart-3", "--chart-4", "--chart-5", "--chart-6" };

/* The colour properties of the stylesheet into t: the first setting of
 * each counts.  Each must be #rrggbb, or the PDF would silently look
 * other than the page. */
static bool
S_css_colors(struct template *t, const char *css, const char *path,
    struct diags *d)
{
	bool ok = true;

	for (size_t i = 0; i < TEMPLATE_COLORS; i++) {
		const char *name = template_color_names[i];
		size_t n = strlen(name);

		for (const char *s = css; (s = strstr(s, name)) != NULL;
		    s += n) {
			const char *v = s + n;
			char *val, *ex;

			/* Not the end of a longer name: "--x-accent". */
			if (s > css && (isalnum((unsigned char)s[-1]) ||
			    s[-1] == '-'))
				continue;
			v += strspn(v, " \t");
			if (*v++ != ':')
				continue;
			v += strspn(v, " \t");
			if (v[0] == '#' && strspn(v + 1,
			    "0123456789abcdefABCDEF") == 6) {
				unsigned c;

				if (!t->has_color[i] &&
				    sscanf(v + 1, "%6x", &c) == 1)
					t->color[i] = c;
				t->has_color[i] = true;
				continue;
			}
			val = xstrndup(v, strcspn(v, ";}\r\n"));
			ex = text_excerpt(val);
			diag_error(d, path, line_of_offset(css, (size_t)(s - css)),
			    "%s '%s' is not a colour #rrggbb (the PDF takes its "
			    "colours from it)", name, ex);
			free(ex);
			free(val);
			ok = false;
		}
	}
	return ok;
}

/* The stylesheet stands in the page's <style> element as raw text: a
 * "</style" would end the element there and make the rest markup. */
static bool
S_css_ok(struct template *t, const char *css, size_t len, const char *path,
    struct diags *d)
{
	static const char *const bad[] = { "</style", "<!--", "<script" };
	size_t off;

	if (!utf8_valid(css, len, &off)) {
		diag_error(d, path, line_of_offset(css, off), "not valid UTF-8 "
		    "(the stylesheet must be UTF-8)");
		return false;
	}
	for (const char *s = css; (s = strchr(s, '<')) != NULL; s++)
		for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
			if (strncasecmp(s, bad[k], strlen(bad[k])) == 0) {
				char *found = xstrndup(s, strlen(bad[k]));

				diag_error(d, path, line_of_offset(css,
				    (size_t)(s - css)), "'%s' cannot stand in "
				    "a stylesheet: the page holds it in a "
				    "<style> element", found);
				free(found);
				return false;
			}
	return S_css_colors(t, css, path, d);
}

/* Is an href of an SVG logo harmless: a place inside the logo or an
 * embedded picture? */
static bool
S_svg_href(const char *v)
{
	return v[0] == '#' || strncmp(v, "data:image/png;", 15) == 0 ||
	    strncmp(v, "data:image/jpeg;", 16) == 0;
}

static bool
S_has_script_uri(const char *v)
{
	for (; *v != '\0'; v++)
		if (strncasecmp(v, "javascript:", 11) == 0)
			return true;
	return false;
}

/* The first thing of the SVG element n and below it that could run or
 * fetch something, as a message; NULL if none. */
static char *
S_svg_bad(xmlNodePtr n, int *line)
{
	char *why = NULL;

	for (; n != NULL && why == NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		*line = planxml_line(n);
		if (strcasecmp((const char *)n->name, "script") == 0 ||
		    strcasecmp((const char *)n->name, "foreignObject") == 0)
			return xasprintf("<%s> is not allowed in an SVG logo",
			    n->name);
		for (xmlAttrPtr a = n->properties; a != NULL && why == NULL;
		    a = a->next) {
			const char *an = (const char *)a->name;
			char *v = (char *)xmlNodeGetContent((xmlNodePtr)a), *ex;

			ex = text_excerpt(v != NULL ? v : "");
			if (strncasecmp(an, "on", 2) == 0)
				why = xasprintf("attribute '%s' is not allowed in "
				    "an SVG logo (no script)", an);
			else if (strcasecmp(an, "href") == 0 && v != NULL &&
			    !S_svg_href(v))
				why = xasprintf("href '%s' is not allowed in an "
				    "SVG logo: it may point only inside it "
				    "('#...') or hold a PNG or JPEG data: URI", ex);
			else if (v != NULL && S_has_script_uri(v))
				why = xasprintf("'%s' is not allowed in an SVG "
				    "logo (no script)", ex);
			free(ex);
			xmlFree(v);
		}
		if (why == NULL)
			why = S_svg_bad(n->children, line);
	}
	return why;
}

/* An SVG logo stands in the page as <img src="data:image/svg+xml;...">,
 * where no script runs and nothing is fetched; script and outside links
 * are refused anyway, so that the file is harmless wherever it is
 * opened. */
static bool
S_svg_ok(const char *data, size_t len, const char *path, struct diags *d)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlNodePtr root;
	char *why = NULL;
	const char *dtd = strstr(data, "<!DOCTYPE");
	int line = 0;

	/* Refused before parsing: no entity of it is ever expanded. */
	if (dtd != NULL || (dtd = strstr(data, "<!ENTITY")) != NULL) {
		diag_error(d, path, line_of_offset(data, (size_t)(dtd - data)),
		    "a DOCTYPE is not allowed in an SVG logo");
		return false;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		out_of_memory();
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || !ctxt->wellFormed) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char *m = trim_dup(e != NULL && e->message != NULL ?
		    e->message : "malformed");

		diag_error(d, path, e != NULL ? e->line : 0, "not well-formed "
		    "XML (libxml2: %s)", m);
		free(m);
	} else if ((root = xmlDocGetRootElement(doc)) == NULL ||
	    strcmp((const char *)root->name, "svg") != 0)
		diag_error(d, path, root != NULL ? planxml_line(root) : 0,
		    "not an SVG picture: the root must be <svg>");
	else if ((why = S_svg_bad(root, &line)) != NULL)
		diag_error(d, path, line, "%s", why);
	else {
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return true;
	}
	free(why);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return false;
}

/* <logo src="..." alt="...">: SVG for the page only, PNG or JPEG also on
 * the PDF's cover; each checked whole before either writer sees it. */
static void
S_logo(struct template *t, xmlNodePtr n, const char *file, struct diags *d)
{
	char *src = planxml_prop(n, "src"), *ex, *data, *path, *why;
	const char *ext = src != NULL ? strrchr(src, '.') : NULL;
	bool svg = ext != NULL && strcasecmp(ext, ".svg") == 0;
	enum image_type type = src != NULL ? image_type_of(src) : IMAGE_NONE;
	struct image img;
	size_t len;

	if (src != NULL && !svg && type == IMAGE_NONE) {
		ex = text_excerpt(src);
		diag_error(d, file, planxml_line(n), "<logo> src '%s' is not an "
		    "SVG, PNG or JPEG file (.svg, .png, .jpg)", ex);
		free(ex);
		free(src);
		return;
	}
	if ((data = S_read(t, n, file, &len, svg, &path, d)) == NULL)
		goto out;
	if (svg) {
		if (S_svg_ok(data, len, path, d)) {
			t->logo = image_data_uri("image/svg+xml", data, len);
			t->logo_mime = xstrdup("image/svg+xml");
		}
	} else if (!image_check(data, len, type, &img, &why)) {
		ex = text_excerpt(src);
		diag_error(d, file, planxml_line(n), "<logo> src '%s' %s", ex,
		    why);
		free(ex);
		free(why);
	} else {
		t->logo_mime = xstrdup(type == IMAGE_PNG ? "image/png" :
		    "image/jpeg");
		t->logo = image_data_uri(t->logo_mime, data, len);
		t->logo_data = (unsigned char *)data;
		t->logo_len = len;
		data = NULL;
	}
	if (t->logo != NULL) {
		t->logo_alt = planxml_prop(n, "alt");
		if (t->logo_alt == NULL)
			t->logo_alt = xstrdup("Logo");
	}
	free(data);
out:
	free(path);
	free(src);
}

/* Each of these elements stands at most once (a second would silently
 * win, or leak what the first gave). */
static const char *const single[] = { "page", "fonts", "style", "logo" };
#define SEEN_MANY	(1u << 8)	/* "more than 100 chapters" said */

static void
S_element(struct template *t, xmlNodePtr n, const char *file,
    unsigned *seen, struct diags *d)
{
	const char *name = (const char *)n->name;
	char *data, *path;
	size_t len;

	for (unsigned i = 0; i < sizeof(single) / sizeof(single[0]); i++)
		if (strcmp(name, single[i]) == 0) {
			if (*seen & 1u << i) {
				diag_error(d, file, planxml_line(n), "<%s> "
				    "appears twice in <template>", name);
				return;
			}
			*seen |= 1u << i;
		}
	if (strcmp(name, "page") == 0) {
		S_page(t, n, file, d);
	} else if (strcmp(name, "fonts") == 0) {
		S_fonts(t, n, file, d);
	} else if (strcmp(name, "chapter") == 0) {
		if (t->nchapters < CHAPTERS_MAX)
			S_chapter(t, n, file, d);
		else if (!(*seen & SEEN_MANY)) {
			diag_error(d, file, planxml_line(n), "more than %d "
			    "chapters", CHAPTERS_MAX);
			*seen |= SEEN_MANY;
		}
	} else if (strcmp(name, "style") == 0) {
		data = S_read(t, n, file, &len, true, &path, d);
		if (data != NULL && S_css_ok(t, data, len, path, d))
			t->css = data;
		else
			free(data);
		free(path);
	} else if (strcmp(name, "logo") == 0) {
		S_logo(t, n, file, d);
	} else
		diag_error(d, file, planxml_line(n), "unknown element <%s> in "
		    "<template>", name);
}

/* libxml2's first error: the ones after it follow from it. */
static void
S_first_error(void *arg, xmlErrorPtr e)
{
	xmlError *first = arg;

	if (e != NULL && e->level >= XML_ERR_ERROR && first->code == 0)
		xmlCopyError(e, first);
}

struct template *
template_load(const char *dir, enum report r, struct diags *d)
{
	struct template *t = xcalloc(1, sizeof(*t));
	char *file;
	char *text;
	const char *dtd;
	size_t len, before = d->errors;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;
	xmlError first = { 0 };
	unsigned seen = 0;

	t->dir = dir != NULL ? xstrdup(dir) : S_default_dir(r);
	file = xasprintf("%s/template.xml", t->dir);
	if (io_read_file(file, file, TEMPLATE_FILE_MAX, &text, &len, d) &&
	    (dtd = strstr(text, "<!DOCTYPE")) != NULL) {
		/* Refused before parsing: no entity of it is expanded. */
		diag_error(d, file, line_of_offset(text, (size_t)(dtd - text)),
		    "a DOCTYPE is not allowed in template.xml");
		free(text);
	} else if (d->errors == before) {
		xmlSetStructuredErrorFunc(&first, S_first_error);
		doc = xmlReadMemory(text, (int)len, file, "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		xmlSetStructuredErrorFunc(NULL, NULL);
		free(text);
	}
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (doc != NULL && (root == NULL ||
	    strcmp((const char *)root->name, "template") != 0 ||
	    doc->intSubset != NULL))
		diag_error(d, file, 0, "not a template: the root must be "
		    "<template>, without DOCTYPE");
	else if (doc == NULL && d->errors == before) {
		char *m = trim_dup(first.message != NULL ? first.message :
		    "malformed");

		diag_error(d, file, first.line, "not well-formed XML "
		    "(libxml2: %s)", m);
		free(m);
	}
	else if (root != NULL) {
		t->name = planxml_prop(root, "name");
		for (xmlNodePtr n = root->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE)
				S_element(t, n, file, &seen, d);
	}
	if (t->name == NULL)
		t->name = xstrdup("");
	if (t->css == NULL)
		t->css = xstrdup("");
	xmlFreeDoc(doc);
	xmlResetError(&first);
	free(file);
	if (d->errors > before) {
		template_free(t);
		return NULL;
	}
	return t;
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nchapters; i++) {
		free(t->chapters[i].id);
		free(t->chapters[i].title);
	}
	free(t->chapters);
	for (int i = 0; i < 4; i++)
		free(t->fonts[i]);
	free(t->dir);
	free(t->name);
	free(t->css);
	free(t->logo);
	free(t->logo_alt);
	free(t->logo_data);
	free(t->logo_mime);
	free(t);
}
