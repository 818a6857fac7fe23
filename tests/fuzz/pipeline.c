/* pipeline.c: fuzz target for a whole plan folder to all three outputs.
 * The input is plan.xml, then any number of files, each introduced by a
 * line "--- NAME" (tests/fuzz/pack.sh writes seeds so):
 *
 *	<plan ...>...</plan>
 *	--- budget.csv
 *	position;betrag;art
 */
#define _GNU_SOURCE	/* memmem */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "gen.h"
#include "util.h"

#define MARK "\n--- "

/* A file name of the container: no path, nothing hidden. */
static bool
S_name_ok(const char *s, size_t n)
{
	if (n == 0 || n > 40 || s[0] == '.')
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-.") >= n;
}

/* Writes the files of the container into dir. */
static void
S_unpack(const char *dir, const char *s, size_t len)
{
	const char *end = s + len, *name = "plan.xml";
	size_t name_len = strlen(name);

	for (;;) {
		const char *mark = memmem(s, (size_t)(end - s), MARK, 5);
		const char *stop = mark != NULL ? mark + 1 : end;
		char *fn;

		if (S_name_ok(name, name_len)) {
			fn = xstrndup(name, name_len);
			fuzz_write(dir, fn, s, (size_t)(stop - s));
			free(fn);
		}
		if (mark == NULL)
			return;
		name = mark + 5;
		s = memchr(name, '\n', (size_t)(end - name));
		if (s == NULL)
			return;
		name_len = (size_t)(s - name);
		s++;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *dir, *plan, *out;
	struct gen_options o = { .formats = FORMAT_HTML | FORMAT_PDF |
	    FORMAT_CSV, .quiet = true, .force = true };
	enum gen_status st;

	if (dir == NULL) {
		dir = fuzz_tmpdir();
		plan = xasprintf("%s/plan", dir);
		out = xasprintf("%s/out", dir);
	}
	fuzz_clean(dir);
	if (mkdir(plan, 0777) == -1)
		abort();
	S_unpack(plan, (const char *)data, size);
	o.outdir = out;
	st = gen_plan(plan, &o);
	if (st != GEN_OK && st != GEN_INPUT)
		abort();	/* a system failure, with a writable scratch */
	return 0;
}
