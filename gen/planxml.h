/* planxml.h: reading plan.xml with libxml2 into the plan model: metadata,
 * the list of tables (with the columns of kind "table"), and a structural
 * check of the body.  Included by gen.c. */
#ifndef GEN_PLANXML_H
#define GEN_PLANXML_H

#include <stdio.h>

#include "diag.h"
#include "model.h"

/* Reads dir/plan.xml.  Returns NULL only if the file cannot be parsed at
 * all; otherwise the plan, with every problem reported in d. */
struct plan	*planxml_read(const char *dir, struct diags *d);

/* Line of a node, for messages (libxml2 keeps it since parsing). */
int		 planxml_line(xmlNodePtr node);
/* The value of an attribute of node (caller frees), or NULL. */
char		*planxml_prop(xmlNodePtr node, const char *name);

/* The elements of plan.xml, their attributes, children and enumerated
 * values, one per line, for gen --dump-schema (the manual's coverage
 * test). */
void		 planxml_dump_schema(FILE *f);
#endif
