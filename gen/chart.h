/* chart.h: charts in the document tree: which rows a chart shows, the
 * axis range, tick marks and the place of every value on the axis,
 * computed once for both writers.  Included by docbuild.c. */
#ifndef GEN_CHART_H
#define GEN_CHART_H

#include "doc.h"
#include "model.h"

/* Appends a chart of field over the rows of t (over the years, for a
 * series) to parent; kind is "bar", "line" or "pie". */
void	chart_build(struct doc_node *parent, const struct table *t,
	    const char *field, const char *kind);

#endif
