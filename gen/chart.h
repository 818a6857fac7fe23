/* chart.h: charts in the document tree: which rows a chart shows, the
 * axis range, tick marks and the place of every value on the axis, the
 * pie slices' colours, computed once for both writers.  Included by
 * docbuild.c, layout.c, svg.c and html.c. */
#ifndef GEN_CHART_H
#define GEN_CHART_H

#include "doc.h"
#include "model.h"

/* Appends a chart of field over the rows of t (over the years, for a
 * series) to parent and returns it; kind is "bar", "line" or "pie".  Its
 * note is t's "Stand · Quelle" line. */
struct doc_node	*chart_build(struct doc_node *parent, const struct table *t,
		    const char *field, const char *kind);

/* The chart colours: --chart-1 .. --chart-6 of the template, the
 * defaults where it sets none. */
#define CHART_COLORS 6
extern const unsigned chart_default_palette[CHART_COLORS];

/* The colour of a pie's datum: its palette colour mixed with black or
 * white to the luminance chart.c chose for it, so that neighbouring
 * slices differ at least 3:1 (WCAG) in the PDF and on the page alike. */
unsigned	chart_color(const unsigned pal[CHART_COLORS],
		    const struct doc_node *d);
/* The WCAG contrast ratio of two 0xRRGGBB colours, 1 .. 21. */
double		chart_contrast(unsigned a, unsigned b);

#endif
