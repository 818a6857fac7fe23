/* crosscheck.h: the <check> elements of <data> (input-format.md, "Checks
 * across tables"): sums of figures of different tables compared with each
 * other, exactly.  Included by gen.c and usage.c. */
#ifndef GEN_CROSSCHECK_H
#define GEN_CROSSCHECK_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* At most this many <check>s in a plan and terms on a side of one: each
 * term costs a key lookup and an exact product.  (An attribute holds at
 * most 1.000 characters, planxml.c.) */
#define CROSSCHECK_MAX		1000
#define CROSSCHECK_TERMS_MAX	100

/* Evaluates every <check> of the computed plan p; a failed one is an
 * error at its line, with lenient a warning. */
void	crosscheck_plan(const struct plan *p, bool lenient, struct diags *d);

/* Calls each(key, arg) for every key the expressions of the <check>
 * element n name (usage.c: the columns a check uses). */
void	crosscheck_keys(xmlNodePtr n, void (*each)(const char *key,
	    void *arg), void *arg);

#endif
