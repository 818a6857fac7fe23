/* site.h: index.html of an output folder: every report whose stamp and
 * page are there, grouped by Land and jobcenter, searchable and sortable
 * by a small inline script, a plain grouped table without it.  Included
 * by gen.c. */
#ifndef GEN_SITE_H
#define GEN_SITE_H

#include <stdbool.h>
#include <stdio.h>

#include "stamp.h"

/* The stamps of the reports in dir whose page exists, sorted by Land,
 * jobcenter, year and report; *n of them.  Caller frees with
 * site_free. */
struct stamp	*site_reports(const char *dir, size_t *n);
void		 site_free(struct stamp *v, size_t n);

/* Writes the index of the n reports v to fp. */
bool		 site_write_index(FILE *fp, const struct stamp *v, size_t n,
		    const char *outdir);

#endif
