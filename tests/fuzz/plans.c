/* plans.c: fuzz target that turns libFuzzer's bytes into a whole plan
 * folder with plangen.c (so mutations change tables, keys, numbers and
 * text, not bytes of a file) and renders it to all three outputs.
 * Properties checked in process: status 0 or 1, no sanitizer report, a
 * refused plan (status 1) leaves the output folder empty, a rendered one
 * has its outputs there, and a plan the generator made without evil
 * choices is not refused.  The finer
 * ones (figures of page, export and PDF agree) are tests/fuzz/plans.sh's. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "gen.h"
#include "plangen.h"
#include "util.h"

/* Number of entries of a folder other than "." and "..". */
static int
S_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *dir, *plan, *tpl, *out;
	struct gen_options o = { .formats = FORMAT_HTML | FORMAT_PDF |
	    FORMAT_CSV, .quiet = true, .force = true };
	struct pg_src src;
	enum gen_status st;
	int made;

	if (dir == NULL) {
		dir = fuzz_tmpdir();
		plan = xasprintf("%s/plan", dir);
		tpl = xasprintf("%s/tpl", dir);
		out = xasprintf("%s/out", dir);
	}
	fuzz_clean(dir);	/* plan/programm/bilder/ too */
	if (mkdir(plan, 0777) == -1 || mkdir(tpl, 0777) == -1)
		abort();
	pg_src_bytes(&src, data, size);
	made = plangen(&src, plan, tpl);
	o.template_dir = made & PG_TEMPLATE ? tpl : NULL;
	o.lenient = (made & PG_LENIENT) != 0;
	o.outdir = out;
	st = gen_plan(plan, &o);
	if (st != GEN_OK && st != GEN_INPUT)
		abort();	/* a system failure, with a writable scratch */
	if (st == GEN_INPUT && S_entries(out) > 0) {
		fprintf(stderr, "plans: a refused plan wrote into %s\n", out);
		abort();
	}
	if (st == GEN_INPUT && (made & PG_CLEAN)) {
		fprintf(stderr, "plans: a plan made without evil choices is "
		    "refused\n");
		abort();
	}
	if (st == GEN_OK && S_entries(out) < 3) {
		fprintf(stderr, "plans: a rendered plan wrote %d files\n",
		    S_entries(out));
		abort();
	}
	return 0;
}
