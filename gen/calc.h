/* calc.h: every computed figure of a plan (domain.md, "Computations"):
 * budget cascades, instrument sums and derived fields, shares, target
 * values, series changes, table totals.  Included by gen.c. */
#ifndef GEN_CALC_H
#define GEN_CALC_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* Computes every table of p.  Typed figures that disagree with computed
 * ones are reported through check.c; with lenient, declared totals that
 * disagree are warnings. */
void	calc_plan(struct plan *p, bool lenient, struct diags *d);

#endif
