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
/* The same with the columns="a,b,c" of an <insert> (NULL: the kind's
 * default columns) and its title="…" (NULL: the table's). */
void		 doctable_insert_as(struct doc_node *parent,
		    const struct table *t, const char *group,
		    const char *columns, const char *title);

/* One column an insert shows after the label: text column idx of t, or
 * field idx; idx -1 is the label column itself. */
struct doctable_col {
	bool		 text;
	int		 idx;
};
/* An insert names at most this many columns. */
#define DOCTABLE_COLUMNS_MAX 100
enum doctable_columns_fault {
	DOCTABLE_COLUMNS_OK,
	DOCTABLE_COLUMNS_UNKNOWN,	/* no such column or field */
	DOCTABLE_COLUMNS_LABEL,		/* the label column, not first */
	DOCTABLE_COLUMNS_TWICE,
	DOCTABLE_COLUMNS_MANY,		/* more than DOCTABLE_COLUMNS_MAX */
};
struct doctable_columns_error {
	enum doctable_columns_fault fault;
	char		*name;		/* the column at fault (caller frees) */
};
/* The columns of columns="a,b,c" in order (*n of them); false with *err
 * (if not NULL) at the first that cannot be shown. */
bool		 doctable_columns(const struct table *t, const char *spec,
		    struct doctable_col out[DOCTABLE_COLUMNS_MAX], size_t *n,
		    struct doctable_columns_error *err);
/* "instrument, kuerzel, …, eintritte, …": what columns= may name. */
char		*doctable_known_columns(const struct table *t);
/* Marks the text columns (cols, per column of t) and fields (per field)
 * that an insert with columns (NULL: the default) shows, the texts
 * under the labels included. */
void		 doctable_shown(const struct table *t, const char *columns,
		    bool *cols, bool *fields);
/* The line under t, "Stand: 09/2016 · Quelle: BA", joined here once
 * for both writers; NULL if t names neither (caller frees). */
char		*doctable_meta(const struct table *t);
/* The heading of field f of t: "Eintritte", "Kosten je Eintritt". */
const char	*doctable_heading(const struct table *t, int f);
/* Sets n's text, key and value from the figure (flags of fmt_display). */
void		 doctable_set_figure(struct doc_node *n, const struct figure *fig,
		    unsigned flags);

#endif
