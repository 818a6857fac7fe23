/* gen.c: one plan from its folder to its outputs: read, compute, check,
 * write. */
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "check.h"
#include "crosscheck.h"
#include "docbuild.h"
#include "export.h"
#include "xlsxout.h"
#include "fonts.h"
#include "html.h"
#include "hyph.h"
#include "pdf.h"
#include "site.h"
#include "stamp.h"
#include "io.h"
#include "keys.h"
#include "planxml.h"
#include "tables.h"
#include "template.h"
#include "text.h"
#include "usage.h"
#include "util.h"

/* Tables read, figures computed and checked. */
static void
S_compute(struct plan *p, bool lenient, struct diags *d)
{
	tables_read(p, d);
	calc_plan(p, lenient, d);
	check_plan(p, lenient, d);
}

/* The programme a Bericht reports on is read and computed first: its
 * Soll figures become the Bericht's. */
static void
S_programme(struct plan *p, bool lenient, struct diags *d)
{
	struct plan *prog = planxml_read(p->programme_dir, d);

	if (prog == NULL)
		return;
	if (prog->report == REPORT_EINGLIEDERUNGSBERICHT) {
		diag_error(d, p->xml_path, p->programme_line, "programme '%s' is "
		    "an Eingliederungsbericht, not a programme (amip or "
		    "planungsdokument)", QUOTE(p->programme_dir));
		plan_free(prog);
		return;
	}
	S_compute(prog, lenient, d);
	p->programme = prog;
}

/* The report of the year before, with its own programme; its own
 * previous year is not read (the comparison goes one year back). */
static void
S_previous(struct plan *p, bool lenient, struct diags *d)
{
	struct plan *prev = planxml_read(p->previous_dir, d);

	if (prev == NULL)
		return;
	if (prev->report != p->report || prev->year >= p->year) {
		diag_error(d, p->xml_path, p->previous_line, "previous '%s' is "
		    "not a %s of an earlier year", QUOTE(p->previous_dir),
		    report_name(p->report));
		plan_free(prev);
		return;
	}
	if (prev->programme_dir != NULL)
		S_programme(prev, lenient, d);
	S_compute(prev, lenient, d);
	p->previous = prev;
}

struct plan *
gen_load(const char *dir, bool lenient, struct diags *d)
{
	struct plan *p = planxml_read(dir, d);

	if (p == NULL)
		return NULL;
	if (p->programme_dir != NULL)
		S_programme(p, lenient, d);
	if (p->previous_dir != NULL)
		S_previous(p, lenient, d);
	S_compute(p, lenient, d);
	crosscheck_plan(p, lenient, d);
	keys_check_body(p, d);
	usage_check(p, d);
	return p;
}

static bool
S_write_csv(FILE *fp, void *arg)
{
	return export_kennzahlen(fp, arg);
}

static bool
S_write_xlsx(FILE *fp, void *arg)
{
	return xlsxout_write(fp, arg);
}

/* What the HTML writer needs, through io_render's one argument. */
struct html_job {
	const struct doc	*doc;
	const struct template	*tpl;
};

static bool
S_write_html(FILE *fp, void *arg)
{
	const struct html_job *job = arg;

	return html_write(fp, job->doc, job->tpl);
}

static enum gen_status
S_render_file(struct io_file *f, bool (*write)(FILE *, void *), void *arg)
{
	if (io_render(f, write, arg))
		return GEN_OK;
	fprintf(stderr, "gen: %s: cannot render\n", f->name);
	return GEN_SYSTEM;
}

/* Writes the rendered files of a plan together: all or none. */
static enum gen_status
S_save(const struct gen_options *o, const struct io_file *out, size_t n)
{
	char *err;

	if (!io_mkdirs(o->outdir)) {
		fprintf(stderr, "gen: %s: cannot create: %s\n", o->outdir,
		    strerror(errno));
		return GEN_SYSTEM;
	}
	if (!io_write_files(o->outdir, out, n, &err)) {
		fprintf(stderr, "gen: %s\n", err);
		free(err);
		return GEN_SYSTEM;
	}
	for (size_t i = 0; o->verbose && i < n; i++)
		fprintf(stderr, "gen: wrote %s/%s\n", o->outdir, out[i].name);
	return GEN_OK;
}

static enum gen_status
S_render_pdf(const struct doc *doc, const struct template *tpl,
    struct io_file *f)
{
	char *err, *words = doc_all_text(doc);
	struct hyph *h = hyph_open_for(HYPH_DICT, words);
	bool ok;

	free(words);
	if (h == NULL) {
		fprintf(stderr, "gen: %s: cannot read the hyphenation "
		    "dictionary (Debian package hyphen-de)\n", HYPH_DICT);
		return GEN_SYSTEM;
	}
	ok = pdf_render(doc, tpl, h, (unsigned char **)&f->data, &f->len, &err);
	hyph_close(h);
	if (!ok) {
		fprintf(stderr, "gen: %s: %s\n", f->name, err);
		free(err);
	}
	return ok ? GEN_OK : GEN_SYSTEM;
}

/* Renders every output in memory, then writes them together, so that a
 * failure anywhere leaves the earlier outputs of the plan as they were. */
static enum gen_status
S_write(const struct plan *p, const struct doc *doc,
    const struct template *tpl, const struct gen_options *o,
    const struct stamp *stamp)
{
	struct html_job job = { .doc = doc, .tpl = tpl };
	struct io_file out[5] = { { 0 } };
	enum gen_status st = GEN_OK;
	size_t n = 0;

	if (o->formats & FORMAT_CSV) {
		out[n].name = xasprintf("%s%s", p->name,
		    output_ext(FORMAT_CSV));
		st = S_render_file(&out[n++], S_write_csv, (void *)p);
	}
	if (st == GEN_OK && (o->formats & FORMAT_XLSX)) {
		out[n].name = xasprintf("%s%s", p->name,
		    output_ext(FORMAT_XLSX));
		st = S_render_file(&out[n++], S_write_xlsx, (void *)p);
	}
	if (st == GEN_OK && (o->formats & FORMAT_HTML)) {
		out[n].name = xasprintf("%s%s", p->name,
		    output_ext(FORMAT_HTML));
		st = S_render_file(&out[n++], S_write_html, &job);
	}
	if (st == GEN_OK && (o->formats & FORMAT_PDF)) {
		out[n].name = xasprintf("%s%s", p->name,
		    output_ext(FORMAT_PDF));
		st = S_render_pdf(doc, tpl, &out[n++]);
	}
	if (st == GEN_OK) {
		out[n].name = xasprintf("%s.stamp", p->name);
		out[n].data = stamp_text(stamp);
		out[n].len = strlen(out[n].data);
		n++;
		st = S_save(o, out, n);
	}
	for (size_t i = 0; i < n; i++)
		io_file_free(&out[i]);
	return st;
}

/* Were the outputs in o->formats made from what stamp hashes, and are
 * they all still there? */
static bool
S_up_to_date(const struct gen_options *o, const struct stamp *stamp)
{
	char *path = xasprintf("%s/%s.stamp", o->outdir, stamp->name);
	struct stamp old;
	bool same = false;

	if (stamp_read(path, &old)) {
		same = strcmp(old.hash, stamp->hash) == 0;
		stamp_free(&old);
	}
	free(path);
	for (unsigned f = FORMAT_HTML; same && f <= FORMAT_LAST; f <<= 1)
		if (o->formats & f)
			same = output_exists(o->outdir, stamp->name, f);
	return same;
}

/* Every character of the text is in both outputs or an error, also when
 * only the web page is made: the PDF would lack it.  False with the
 * messages printed. */
static bool
S_drawable(const struct plan *p, const struct template *tpl, struct diags *d,
    bool quiet)
{
	const char *faces[FONTS_FACES];

	for (int f = 0; f < FONTS_FACES; f++)
		faces[f] = pdf_font_file(tpl, f);
	fonts_check_plan(p, faces, d);
	if (d->errors == 0)
		return true;
	diags_print(d, stderr, quiet);
	return false;
}

/* The document tree, when an output or the dump needs one. */
static enum gen_status
S_render(const struct plan *p, const struct gen_options *o, struct diags *d)
{
	struct template *tpl = NULL;
	struct doc *doc = NULL;
	struct stamp stamp = { 0 };
	enum gen_status st = GEN_OK;
	bool writes = !o->dump_tree && !o->check_only;

	if (o->dump_tree || (o->formats & (FORMAT_HTML | FORMAT_PDF))) {
		if ((tpl = template_load(o->template_dir, p->report, d)) == NULL) {
			diags_print(d, stderr, o->quiet);
			return GEN_INPUT;
		}
		if (!S_drawable(p, tpl, d, o->quiet)) {
			template_free(tpl);
			return GEN_INPUT;
		}
	}
	if (writes) {
		stamp_of(&stamp, p, stamp_hash(p, tpl, o->formats, o->lenient),
		    o->formats);
		if (!o->force && S_up_to_date(o, &stamp))
			st = GEN_UNCHANGED;
	}
	if (st == GEN_OK && tpl != NULL) {
		doc = docbuild(p, tpl);
		if (!doc_check(doc->root, stderr))
			st = GEN_SYSTEM;
	}
	if (st == GEN_OK && o->dump_tree)
		doc_dump(stdout, doc);
	else if (st == GEN_OK && writes)
		st = S_write(p, doc, tpl, o, &stamp);
	stamp_free(&stamp);
	doc_free(doc);
	template_free(tpl);
	return st;
}

enum gen_status
gen_plan(const char *dir, const struct gen_options *o)
{
	struct diags d;
	struct plan *p;
	enum gen_status st;
	bool failed;

	diags_init(&d);
	p = gen_load(dir, o->lenient, &d);
	diags_print(&d, stderr, o->quiet);
	failed = p == NULL || d.errors > 0;
	diags_free(&d);
	if (failed)
		st = GEN_INPUT;
	else if (o->list_keys)
		st = keys_print(stdout, p) ? GEN_OK : GEN_SYSTEM;
	else
		st = S_render(p, o, &d);
	plan_free(p);
	diags_free(&d);
	return st;
}


/* What the index writer needs, through io_render's one argument. */
struct index_job {
	const struct stamp	*v;
	size_t			 n;
	const char		*outdir;
};

static bool
S_write_index(FILE *fp, void *arg)
{
	const struct index_job *job = arg;

	return site_write_index(fp, job->v, job->n, job->outdir);
}

enum gen_status
gen_index(const struct gen_options *o)
{
	struct index_job job = { .outdir = o->outdir };
	struct io_file page = { .name = xstrdup("index.html") };
	struct stamp *v = site_reports(o->outdir, &job.n);
	enum gen_status st;

	job.v = v;
	if ((st = S_render_file(&page, S_write_index, &job)) == GEN_OK)
		st = S_save(o, &page, 1);
	io_file_free(&page);
	site_free(v, job.n);
	return st;
}
