/* calc.h: every computed figure of a plan (domain.md, "Computations"):
 * budget cascades, instrument sums and derived fields, shares, target
 * values, series changes, table totals.  Included by gen.c and check.c. */
#ifndef GEN_CALC_H
#define GEN_CALC_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* Computes every table of p.  Typed figures that disagree with computed
 * ones are reported through check.c; with lenient, declared totals that
 * disagree are warnings. */
void	calc_plan(struct plan *p, bool lenient, struct diags *d);

/* The sum of field f over the counted rows of group g (-1: all groups):
 * normal rows, no davon rows, no informational values.  No value if no
 * row has one.  False if the sum leaves the range of its unit; then *at
 * (if at is not NULL) is the row at which it did. */
bool	calc_sum(const struct table *t, int g, int f, struct value *out,
	    const struct entry **at);

/* The same sum exactly, with no limit but the arithmetic's (which 100.000
 * rows of the largest figures stay far below): *any is false if no row
 * has a value.  False on overflow. */
bool	calc_sum_exact(const struct table *t, int g, int f, struct exact *out,
	    bool *any);

#endif
