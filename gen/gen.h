/* gen.h: the library entry: one plan folder from reading to written
 * outputs.  Included by main.c and the tests. */
#ifndef GEN_GEN_H
#define GEN_GEN_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"
#include "output.h"

/* Exit statuses of cli.md. */
enum gen_status {
	GEN_OK = 0,
	GEN_INPUT = 1,		/* the input has errors; nothing was written */
	GEN_USAGE = 2,
	GEN_SYSTEM = 3,		/* a file could not be written */
	/* Not an exit status: the outputs are up to date, nothing was
	 * rendered.  The command line exits with GEN_OK for it. */
	GEN_UNCHANGED = 10,
};

struct gen_options {
	const char	*outdir;
	const char	*template_dir;	/* NULL: templates/<report> */
	unsigned	 formats;	/* enum output_format */
	bool		 check_only;
	bool		 lenient;
	bool		 quiet;
	bool		 verbose;
	bool		 dump_tree;	/* print the document tree, write nothing */
	bool		 force;		/* render even if the stamp is unchanged */
	bool		 list_keys;	/* --keys: print the keys, write nothing */
};

/* Reads, computes and checks the plan in dir; NULL if plan.xml could not
 * be parsed.  Problems go to d. */
struct plan	*gen_load(const char *dir, bool lenient, struct diags *d);

/* gen_load, then the outputs; messages go to stderr. */
enum gen_status	 gen_plan(const char *dir, const struct gen_options *o);

/* index.html of the output folder: every report with a stamp and a page
 * there, from this run or an earlier one. */
enum gen_status	 gen_index(const struct gen_options *o);

#endif
