/* tables.h: reading the CSV file (or sheet) of every table of a plan into rows:
 * header, typed cells, ids, groups, davon and teil_von links.
 * Included by gen.c. */
#ifndef GEN_TABLES_H
#define GEN_TABLES_H

#include "diag.h"
#include "model.h"

/* Reads every table of p; problems go to d.  A table that cannot be read
 * keeps no rows. */
void	tables_read(struct plan *p, struct diags *d);
/* A message about row line of t: at file:line, or for a sheet of a
 * workbook at file.xlsx:Sheet!7:7 (input-format.md, "Excel workbooks"). */
void	table_diag(struct diags *d, enum severity sev, const struct table *t,
	    int line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* The row id of t nearest to a mistyped id (a few edits away), not
 * except (may be NULL), or NULL: for "did you mean". */
const char *tables_near_row(const struct table *t, const char *id,
	    const char *except);

#endif
