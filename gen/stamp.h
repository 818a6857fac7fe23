/* stamp.h: the stamp beside a plan's outputs (NAME.stamp): a hash of all
 * they were made from (gen's version and build, the options, every input file, the
 * template, and the fonts and hyphenation patterns of the system), and
 * the plan's metadata for the index of the output folder.  Included by
 * gen.c, site.c and main.c. */
#ifndef GEN_STAMP_H
#define GEN_STAMP_H

#include <stdbool.h>

#include "model.h"
#include "template.h"

struct stamp {
	char	*hash;		/* 32 hex digits */
	unsigned formats;	/* enum output_format */
	char	*name;		/* of the outputs: NAME.html ... */
	char	*report;	/* "Eingliederungsbericht" */
	char	*jobcenter, *land, *title;	/* land may be NULL */
	int	 year;	/* the first year: the index sorts by it */
	char	*year_text;	/* "2019/2020", as written */
};

/* gen's version; a stamp holds it and the build id. */
#define GEN_VERSION "0.1.0"

/* The id of this build of gen: a hash of its sources (Makefile). */
const char *stamp_build_id(void);

/* The hash of everything p's outputs in formats are made from.  Caller
 * frees. */
char	*stamp_hash(const struct plan *p, const struct template *tpl,
	    unsigned formats, bool lenient);

/* A new stamp of p with hash (which it takes over). */
void	 stamp_of(struct stamp *s, const struct plan *p, char *hash,
	    unsigned formats);

/* The stamp as a file: "key value" lines.  Caller frees. */
char	*stamp_text(const struct stamp *s);

/* Reads the stamp at path; false if it is missing or not a stamp. */
bool	 stamp_read(const char *path, struct stamp *s);

void	 stamp_free(struct stamp *s);

#endif
