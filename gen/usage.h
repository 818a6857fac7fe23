/* usage.h: which columns of its tables a plan uses: the columns="…" of
 * every <insert> checked, and a warning for a column with content that
 * no insert shows and no <value>, <chart> or <check> uses
 * (input-format.md, "Inserting tables").  Included by gen.c. */
#ifndef GEN_USAGE_H
#define GEN_USAGE_H

#include <libxml/hash.h>
#include <stdbool.h>

#include "diag.h"
#include "model.h"

/* Per table of a plan: the text columns and fields something uses. */
struct usage {
	const struct plan	*p;
	bool			**cols;		/* [table][column] */
	bool			**fields;	/* [table][field] */
	xmlHashTablePtr		 seen;		/* inserts whose columns are
						   marked: "TABLE:columns" */
};

/* Checks the inserts' columns= (errors) and, when they are right, warns
 * about the columns nothing uses.  Tables that could not be read are
 * left alone (their own error says enough). */
void	usage_check(const struct plan *p, struct diags *d);

/* The hook for anything else that reads figures by key (a <check>, say):
 * marks the key's field as used; false if key names no figure. */
bool	usage_mark_key(struct usage *u, const char *key);

#endif
