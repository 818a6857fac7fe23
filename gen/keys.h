/* keys.h: the keys of figures (TABLE.ROW.FIELD): resolving them, "did you
 * mean" suggestions, the checks of the body's references, a figure's
 * display text, and the sorted list of all figures for the export.
 * Included by gen.c, export.c and (later) the document tree. */
#ifndef GEN_KEYS_H
#define GEN_KEYS_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "util.h"

/* One figure: field f of entry e, or the plan level (e NULL, f -1). */
struct figure {
	const struct table	*t;
	const struct entry	*e;
	int			 f;
};

bool		 keys_resolve(const struct plan *p, const char *key,
		    struct figure *out);
/* The existing key closest to a mistyped one, or NULL (caller frees). */
char		*keys_suggest(const struct plan *p, const char *key);
/* <value ref>, <insert> and <chart> name things that exist, and the
 * body stays within the limits of what it may print (README, "Hostile
 * input"). */
void		 keys_check_body(const struct plan *p, struct diags *d);

struct value	 figure_value(const struct figure *fig);
enum unit	 figure_unit(const struct figure *fig);
/* The text the reports print for the figure (a note where it has no
 * number); flags as for fmt_display. */
void		 figure_display(struct buf *out, const struct figure *fig,
		    unsigned flags);

/* Calls fn for every key of the plan in bytewise order of the keys,
 * without building them all at once (a table may have a million rows). */
void		 keys_each(const struct plan *p,
		    void (*fn)(const char *key, const struct figure *fig,
		    void *arg), void *arg);

/* gen --keys (cli.md): every key with its display text, KEY<TAB>ANZEIGE,
 * one per line, sorted; a tab or line end in the text becomes a blank.
 * False if writing failed. */
bool		 keys_print(FILE *fp, const struct plan *p);
#endif
