/* tables.h: reading the CSV file of every table of a plan into rows:
 * header, typed cells, ids, groups, davon and teil_von links.
 * Included by gen.c. */
#ifndef GEN_TABLES_H
#define GEN_TABLES_H

#include "diag.h"
#include "model.h"

/* Reads every table of p; problems go to d.  A table that cannot be read
 * keeps no rows. */
void	tables_read(struct plan *p, struct diags *d);

#endif
