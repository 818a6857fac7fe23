/* svg.h: charts of the document tree as inline SVG for the HTML page, with
 * a text alternative, a legend and the data as a table.
 * Included by html.c. */
#ifndef GEN_SVG_H
#define GEN_SVG_H

#include <libxml/tree.h>

#include "doc.h"

/* Appends the chart as <figure> to parent and returns it, for the
 * chart's data table; pal: the template's chart colours (chart.h). */
xmlNodePtr	svg_chart(xmlNodePtr parent, const struct doc_node *chart,
		    const unsigned pal[6]);

#endif
