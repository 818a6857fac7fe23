/* doctable.h: the rendered form of a table of any kind in the document
 * tree: which columns show, header, group, davon, label, total and
 * informational rows, with every cell's display text, key and value.
 * Included by docbuild.c and chart.c. */
#ifndef GEN_DOCTABLE_H
#define GEN_DOCTABLE_H

#include "doc.h"
#include "keys.h"
#include "model.h"

/* Appends the table t (or only its group with id group) to parent. */
void		 doctable_insert(struct doc_node *parent, const struct table *t,
		    const char *group);
/* The line under t, "Stand: 09/2016 · Quelle: BA", joined here once
 * for both writers; NULL if t names neither (caller frees). */
char		*doctable_meta(const struct table *t);
/* The heading of field f of t: "Eintritte", "Kosten je Eintritt". */
const char	*doctable_heading(const struct table *t, int f);
/* Sets n's text, key and value from the figure (flags of fmt_display). */
void		 doctable_set_figure(struct doc_node *n, const struct figure *fig,
		    unsigned flags);

#endif
