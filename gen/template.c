/* template.c: reading a template folder. */
#include "template.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "planxml.h"
#include "text.h"
#include "util.h"

#define TEMPLATE_FILE_MAX (4u * 1024 * 1024)

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

/* A file of the template folder, named by an attribute. */
static char *
S_read(struct template *t, xmlNodePtr n, const char *file, size_t *len,
    bool text, struct diags *d)
{
	char *src = planxml_prop(n, "src"), *path, *data = NULL;

	if (src == NULL || !io_path_inside(t->dir, src)) {
		diag_error(d, file, planxml_line(n), "<%s> needs a src inside "
		    "the template folder", n->name);
		free(src);
		return NULL;
	}
	path = xasprintf("%s/%s", t->dir, src);
	if (!(text ? io_read_file : io_read_bytes)(path, path,
	    TEMPLATE_FILE_MAX, &data, len, d))
		data = NULL;
	free(path);
	free(src);
	return data;
}

/* The logo as a data: URI, base64 by libxml2's writer, so the page needs
 * no other file. */
static char *
S_data_uri(const char *src, const char *data, size_t len)
{
	const char *ext = strrchr(src, '.');
	const char *mime = ext == NULL ? "application/octet-stream" :
	    strcmp(ext, ".svg") == 0 ? "image/svg+xml" :
	    strcmp(ext, ".png") == 0 ? "image/png" :
	    strcmp(ext, ".jpg") == 0 || strcmp(ext, ".jpeg") == 0 ?
	    "image/jpeg" : "application/octet-stream";
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	const char *b64;
	struct buf uri;
	size_t len64;

	xmlTextWriterStartElement(w, (const xmlChar *)"x");
	xmlTextWriterWriteBase64(w, data, 0, (int)len);
	xmlTextWriterEndElement(w);
	xmlFreeTextWriter(w);
	/* The buffer holds <x>BASE64</x>, the base64 broken into lines. */
	b64 = (const char *)xmlBufferContent(buf) + 3;
	len64 = (size_t)xmlBufferLength(buf) - 7;
	buf_init(&uri);
	buf_printf(&uri, "data:%s;base64,", mime);
	for (size_t i = 0; i < len64; i++)
		if (b64[i] != '\r' && b64[i] != '\n')
			buf_putc(&uri, b64[i]);
	xmlBufferFree(buf);
	return buf_detach(&uri);
}

static void
S_chapter(struct template *t, xmlNodePtr n, const char *file,
    struct diags *d)
{
	struct chapter *c;

	t->chapters = xreallocarray(t->chapters, t->nchapters + 1,
	    sizeof(*t->chapters));
	c = &t->chapters[t->nchapters++];
	memset(c, 0, sizeof(*c));
	c->id = planxml_prop(n, "id");
	c->title = planxml_prop(n, "title");
	if (c->id == NULL || c->title == NULL)
		diag_error(d, file, planxml_line(n), "<chapter> needs id and "
		    "title");
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

/* <page margin="25 20 22 25" font-size="10"/>: top, right, bottom, left
 * in millimetres. */
static void
S_page(struct template *t, xmlNodePtr n, const char *file, struct diags *d)
{
	char *margin = planxml_prop(n, "margin"), *size = planxml_prop(n, "font-size");
	struct page_spec *p = &t->page;

	if (margin != NULL && sscanf(margin, "%lf %lf %lf %lf", &p->margin_top,
	    &p->margin_right, &p->margin_bottom, &p->margin_left) != 4)
		diag_error(d, file, planxml_line(n), "<page> margin '%s' is not "
		    "four sizes in millimetres (top right bottom left)", margin);
	if (size != NULL && (sscanf(size, "%lf", &p->font_size) != 1 ||
	    p->font_size < 6 || p->font_size > 16))
		diag_error(d, file, planxml_line(n), "<page> font-size '%s' is "
		    "not a size from 6 to 16 points", size);
	free(margin);
	free(size);
}

/* <fonts regular="..." bold="..." italic="..." bold-italic="..."/>: TTF
 * files, absolute (a Debian font package) or inside the template. */
static void
S_fonts(struct template *t, xmlNodePtr n, const char *file, struct diags *d)
{
	static const char *const attr[4] = { "regular", "bold", "italic",
	    "bold-italic" };

	for (int i = 0; i < 4; i++) {
		char *v = planxml_prop(n, attr[i]);

		if (v == NULL)
			diag_error(d, file, planxml_line(n), "<fonts> needs the "
			    "attribute '%s'", attr[i]);
		else if (v[0] == '/')
			t->fonts[i] = v;
		else if (io_path_inside(t->dir, v)) {
			t->fonts[i] = xasprintf("%s/%s", t->dir, v);
			free(v);
		} else {
			diag_error(d, file, planxml_line(n), "<fonts> %s '%s' "
			    "leaves the template folder", attr[i], v);
			free(v);
		}
	}
}

static void
S_element(struct template *t, xmlNodePtr n, const char *file,
    struct diags *d)
{
	const char *name = (const char *)n->name;
	char *data, *src;
	size_t len;

	if (strcmp(name, "page") == 0) {
		S_page(t, n, file, d);
	} else if (strcmp(name, "fonts") == 0) {
		S_fonts(t, n, file, d);
	} else if (strcmp(name, "chapter") == 0) {
		S_chapter(t, n, file, d);
	} else if (strcmp(name, "style") == 0) {
		if ((data = S_read(t, n, file, &len, true, d)) != NULL) {
			free(t->css);
			t->css = data;
		}
	} else if (strcmp(name, "logo") == 0) {
		if ((data = S_read(t, n, file, &len, false, d)) == NULL)
			return;
		src = planxml_prop(n, "src");
		t->logo = S_data_uri(src, data, len);
		t->logo_alt = planxml_prop(n, "alt");
		if (t->logo_alt == NULL)
			t->logo_alt = xstrdup("Logo");
		t->logo_mime = xstrndup(t->logo + 5, strcspn(t->logo + 5, ";"));
		t->logo_data = (unsigned char *)data;
		t->logo_len = len;
		free(src);
	} else
		diag_error(d, file, planxml_line(n), "unknown element <%s> in "
		    "<template>", name);
}

struct template *
template_load(const char *dir, enum report r, struct diags *d)
{
	struct template *t = xcalloc(1, sizeof(*t));
	char *file;
	char *text;
	size_t len, before = d->errors;
	xmlDocPtr doc = NULL;
	xmlNodePtr root;

	t->dir = dir != NULL ? xstrdup(dir) : S_default_dir(r);
	file = xasprintf("%s/template.xml", t->dir);
	if (io_read_file(file, file, TEMPLATE_FILE_MAX, &text, &len, d)) {
		doc = xmlReadMemory(text, (int)len, file, "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		free(text);
	}
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (doc != NULL && (root == NULL ||
	    strcmp((const char *)root->name, "template") != 0 ||
	    doc->intSubset != NULL))
		diag_error(d, file, 0, "not a template: the root must be "
		    "<template>, without DOCTYPE");
	else if (doc == NULL && d->errors == before)
		diag_error(d, file, 0, "not well-formed XML");
	else if (root != NULL) {
		t->name = planxml_prop(root, "name");
		for (xmlNodePtr n = root->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE)
				S_element(t, n, file, d);
	}
	if (t->name == NULL)
		t->name = xstrdup("");
	if (t->css == NULL)
		t->css = xstrdup("");
	xmlFreeDoc(doc);
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
