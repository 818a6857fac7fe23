/* check.h: consistency checks of typed figures against computed ones
 * (domain.md, "Consistency"): declared totals, typed computed fields,
 * davon parts, part-of columns, shares without counts, and the messages
 * that say what disagrees.  Included by calc.c and gen.c. */
#ifndef GEN_CHECK_H
#define GEN_CHECK_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* A typed figure in a field that is computed: errors unless it agrees
 * within rounding with the exact computed value x.  how says where x
 * comes from ("it computes to", "its segments give"). */
void	check_typed(const struct table *t, const struct entry *e, int f,
	    const struct value *typed, struct exact x, const char *how,
	    struct diags *d);
/* A budget summe row's typed total against the running total above it
 * (no value: no row above has one).  With lenient, only a warning, and
 * the disagreement is kept in t's traces. */
void	check_declared(struct table *t, const struct entry *e, int f,
	    const struct value *typed, const struct value *computed,
	    bool lenient, struct diags *d);

/* The checks that need the computed plan: declared totals of
 * instruments, distributions and tables (with lenient kept in their
 * tables' traces); davon parts; part-of; shares. */
void	check_plan(struct plan *p, bool lenient, struct diags *d);

#endif
