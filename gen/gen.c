/* gen.c: one plan from its folder to its outputs: read, compute, check,
 * write. */
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "check.h"
#include "export.h"
#include "io.h"
#include "keys.h"
#include "planxml.h"
#include "tables.h"
#include "util.h"

struct plan *
gen_load(const char *dir, bool lenient, struct diags *d)
{
	struct plan *p = planxml_read(dir, d);

	if (p == NULL)
		return NULL;
	tables_read(p, d);
	calc_plan(p, lenient, d);
	check_plan(p, lenient, d);
	keys_check_body(p, d);
	return p;
}

static bool
S_write_csv(FILE *fp, void *arg)
{
	return export_kennzahlen(fp, arg);
}

static enum gen_status
S_write(const struct plan *p, const struct gen_options *o)
{
	char *name, *err;
	bool ok;

	if (!io_mkdirs(o->outdir)) {
		fprintf(stderr, "gen: %s: cannot create: %s\n", o->outdir,
		    strerror(errno));
		return GEN_SYSTEM;
	}
	if (!(o->formats & FORMAT_CSV))
		return GEN_OK;
	name = xasprintf("%s.kennzahlen.csv", p->name);
	ok = io_write_atomic(o->outdir, name, S_write_csv, (void *)p, &err);
	if (!ok)
		fprintf(stderr, "gen: %s\n", err);
	else if (o->verbose)
		fprintf(stderr, "gen: wrote %s/%s\n", o->outdir, name);
	free(err);
	free(name);
	return ok ? GEN_OK : GEN_SYSTEM;
}

enum gen_status
gen_plan(const char *dir, const struct gen_options *o)
{
	struct diags d;
	struct plan *p;
	enum gen_status st;

	diags_init(&d);
	p = gen_load(dir, o->lenient, &d);
	diags_print(&d, stderr, o->quiet);
	if (p == NULL || d.errors > 0)
		st = GEN_INPUT;
	else if (o->check_only)
		st = GEN_OK;
	else
		st = S_write(p, o);
	plan_free(p);
	diags_free(&d);
	return st;
}
