/* site.c: the index page of an output folder. */
#include "site.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "output.h"
#include "util.h"
#include "xmlw.h"

#define NO_LAND "Land nicht angegeben"

/* Search and sort, added by the script: without it the page is the
 * grouped table, complete and usable. */
static const char script[] =
"(function () {\n"
"  var table = document.getElementById('berichte');\n"
"  var search = document.getElementById('suche');\n"
"  var count = document.getElementById('treffer');\n"
"  var heads = table.tHead.rows[0].cells;\n"
"  var each = function (list, f) { Array.prototype.forEach.call(list, f); };\n"
"  var rows = function (body) {\n"
"    return Array.prototype.filter.call(body.rows, function (r) {\n"
"      return !r.classList.contains('land'); });\n"
"  };\n"
"  document.getElementById('werkzeuge').hidden = false;\n"
"  search.addEventListener('input', function () {\n"
"    var words = search.value.toLowerCase().split(/\\s+/), shown = 0;\n"
"    each(table.tBodies, function (body) {\n"
"      var land = body.rows[0].textContent, any = false;\n"
"      rows(body).forEach(function (r) {\n"
"        var text = (land + ' ' + r.textContent).toLowerCase();\n"
"        r.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });\n"
"        if (!r.hidden) { any = true; shown++; }\n"
"      });\n"
"      body.hidden = !any;\n"
"    });\n"
"    count.textContent = shown === 1 ? '1 Bericht' : shown + ' Berichte';\n"
"  });\n"
"  each(heads, function (th, col) {\n"
"    if (col === heads.length - 1) return;\n"
"    var button = document.createElement('button');\n"
"    button.type = 'button';\n"
"    button.textContent = th.textContent;\n"
"    th.textContent = '';\n"
"    th.appendChild(button);\n"
"    button.addEventListener('click', function () {\n"
"      var up = th.getAttribute('aria-sort') !== 'ascending';\n"
"      each(heads, function (h) { h.removeAttribute('aria-sort'); });\n"
"      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');\n"
"      each(table.tBodies, function (body) {\n"
"        rows(body).sort(function (a, b) {\n"
"          var c = a.cells[col].textContent.localeCompare(\n"
"            b.cells[col].textContent, 'de', { numeric: true });\n"
"          return up ? c : -c;\n"
"        }).forEach(function (r) { body.appendChild(r); });\n"
"      });\n"
"    });\n"
"  });\n"
"})();\n";

static const char style[] =
"body{font-family:\"Liberation Sans\",Arial,sans-serif;margin:1rem;"
"color:#1a1a1a;line-height:1.4}"
"main{max-width:60rem;margin:0 auto}"
"table{border-collapse:collapse;width:100%}"
"th,td{padding:.35rem .5rem;border-bottom:1px solid #ccc;text-align:left;"
"vertical-align:top}"
"tr.land th{background:#e8eef5;font-size:1.05rem;padding-top:.6rem}"
"thead th{border-bottom:2px solid #1f4e79}"
"thead button{font:inherit;font-weight:bold;border:0;background:none;"
"padding:0;cursor:pointer;color:inherit}"
"thead button::after{content:\" \\2195\";color:#666}"
"a{color:#1f4e79;margin-right:.6rem;white-space:nowrap}"
"#werkzeuge{margin:1rem 0}#suche{font:inherit;padding:.3rem;width:16rem;"
"max-width:100%}"
".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
"clip:rect(0 0 0 0);white-space:nowrap}"
"@media (max-width:40rem){th,td{padding:.3rem .25rem;font-size:.9rem;"
"hyphens:auto}td a{display:block;white-space:normal;margin:0 0 .3rem}}";

/* The year as the plan wrote it ("2019/2020"); a stamp of an older gen
 * holds the number only. */
static const char *
S_year(const struct stamp *s)
{
	return s->year_text != NULL ? s->year_text : "";
}

static int
S_cmp(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : NO_LAND, b != NULL ? b : NO_LAND);
}

static int
S_by_place(const void *x, const void *y)
{
	const struct stamp *a = x, *b = y;
	int c = S_cmp(a->land, b->land);

	if (c == 0)
		c = strcmp(a->jobcenter, b->jobcenter);
	if (c == 0)
		c = b->year - a->year;		/* the newest first, a
						   two-year plan by its
						   first year */
	if (c == 0)
		c = strcmp(a->report, b->report);
	return c != 0 ? c : strcmp(a->name, b->name);
}

struct stamp *
site_reports(const char *dir, size_t *n)
{
	struct stamp *v = NULL;
	size_t cap = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	*n = 0;
	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char *path;

		if (len <= 6 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 6, ".stamp") != 0)
			continue;
		grow(&v, &cap, *n + 1, sizeof(*v));
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stamp_read(path, &v[*n]) &&
		    output_exists(dir, v[*n].name, FORMAT_HTML))
			(*n)++;
		else
			stamp_free(&v[*n]);
		free(path);
	}
	if (d != NULL)
		closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), S_by_place);
	return v;
}

void
site_free(struct stamp *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		stamp_free(&v[i]);
	free(v);
}

/* The address of NAME + ext.  libxml2 escapes what a URL may not hold
 * when it writes the page, but leaves '%', '#' and '?', which a folder
 * name may hold and which would end the file name in a link, and ':',
 * which would make a folder "javascript:alert(1)" a scheme. */
static char *
S_href(const char *name, const char *ext)
{
	struct buf b;

	buf_init(&b);
	for (const char *p = name; *p != '\0'; p++)
		if (strchr("%#?:", *p) != NULL)
			buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			buf_putc(&b, *p);
	buf_puts(&b, ext);
	return buf_detach(&b);
}

/* The links of one report; each names the report for screen readers,
 * which list links out of their rows. */
static void
S_links(xmlNodePtr td, const struct stamp *s, const char *outdir)
{
	static const struct {
		enum output_format	 f;
		const char	*text;
	} files[] = { { FORMAT_HTML, "Bericht" }, { FORMAT_PDF, "PDF" },
	    { FORMAT_CSV, "Kennzahlen (CSV)" },
	    { FORMAT_XLSX, "Kennzahlen (Excel)" } };

	for (size_t k = 0; k < sizeof(files) / sizeof(*files); k++) {
		xmlNodePtr a;
		char *label, *href;

		if (!output_exists(outdir, s->name, files[k].f))
			continue;
		a = xmlw_el(td, "a", files[k].text);
		href = S_href(s->name, output_ext(files[k].f));
		xmlw_attr(a, "href", "%s", href);
		free(href);
		label = xasprintf(" – %s, %s %s", s->jobcenter, s->report,
		    S_year(s));
		xmlw_attr(xmlw_el(a, "span", label), "class", "vh");
		free(label);
		xmlNodeAddContent(td, (const xmlChar *)"\n");
	}
}

static void
S_head(xmlNodePtr html)
{
	xmlNodePtr head = xmlw_el(html, "head", NULL), meta;

	xmlw_attr(xmlw_el(head, "meta", NULL), "charset", "utf-8");
	meta = xmlw_el(head, "meta", NULL);
	xmlw_attr(meta, "name", "%s", "viewport");
	xmlw_attr(meta, "content", "%s", "width=device-width, initial-scale=1");
	xmlw_el(head, "title", "Berichte der Jobcenter");
	xmlw_el(head, "style", style);
}

/* The search box, shown by the script. */
static void
S_tools(xmlNodePtr main)
{
	xmlNodePtr div = xmlw_el(main, "div", NULL), input;

	xmlw_attr(div, "id", "werkzeuge");
	xmlw_attr(div, "hidden", "hidden");
	xmlw_attr(xmlw_el(div, "label", "Suchen: "), "for", "suche");
	input = xmlw_el(div, "input", NULL);
	xmlw_attr(input, "type", "search");
	xmlw_attr(input, "id", "suche");
	xmlw_attr(input, "placeholder", "Jobcenter, Land, Jahr …");
	div = xmlw_el(div, "p", NULL);
	xmlw_attr(div, "id", "treffer");
	xmlw_attr(div, "role", "status");
}

static size_t
S_jobcenters(const struct stamp *v, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += i == 0 || S_cmp(v[i].land, v[i - 1].land) != 0 ||
		    strcmp(v[i].jobcenter, v[i - 1].jobcenter) != 0;
	return k;
}

static void
S_table(xmlNodePtr main, const struct stamp *v, size_t n, const char *outdir)
{
	static const char *const heads[] = { "Jobcenter", "Bericht", "Jahr",
	    "Dateien" };
	xmlNodePtr table = xmlw_el(main, "table", NULL), tr, body = NULL;

	xmlw_attr(table, "id", "berichte");
	xmlw_el(table, "caption", "Alle Berichte, nach Land und Jobcenter");
	tr = xmlw_el(xmlw_el(table, "thead", NULL), "tr", NULL);
	for (size_t i = 0; i < 4; i++)
		xmlw_attr(xmlw_el(tr, "th", heads[i]), "scope", "col");
	for (size_t i = 0; i < n; i++) {

		if (i == 0 || S_cmp(v[i].land, v[i - 1].land) != 0) {
			body = xmlw_el(table, "tbody", NULL);
			tr = xmlw_el(body, "tr", NULL);
			xmlw_attr(tr, "class", "land");
			tr = xmlw_el(tr, "th", v[i].land != NULL ? v[i].land :
			    NO_LAND);
			xmlw_attr(tr, "scope", "rowgroup");
			xmlw_attr(tr, "colspan", "4");
		}
		tr = xmlw_el(body, "tr", NULL);
		xmlw_attr(xmlw_el(tr, "th", v[i].jobcenter), "scope", "row");
		xmlw_el(tr, "td", v[i].report);
		xmlw_el(tr, "td", S_year(&v[i]));
		S_links(xmlw_el(tr, "td", NULL), &v[i], outdir);
		xmlNodeAddContent(body, (const xmlChar *)"\n");
	}
}

bool
site_write_index(FILE *fp, const struct stamp *v, size_t n, const char *outdir)
{
	xmlNodePtr html, body, main;
	xmlDocPtr doc = html_new_doc(&html);
	char *count;
	bool ok;

	S_head(html);
	body = xmlw_el(html, "body", NULL);
	main = xmlw_el(body, "main", NULL);
	xmlw_el(main, "h1", "Berichte der Jobcenter");
	count = xasprintf("%zu %s von %zu %s.", n, n == 1 ? "Bericht" :
	    "Berichte", S_jobcenters(v, n), S_jobcenters(v, n) == 1 ?
	    "Jobcenter" : "Jobcentern");
	xmlw_el(main, "p", count);
	free(count);
	S_tools(main);
	S_table(main, v, n, outdir);
	xmlw_el(body, "script", script);
	ok = html_save(fp, doc);
	xmlFreeDoc(doc);
	return ok;
}
