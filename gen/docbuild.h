/* docbuild.h: the one document tree of a computed plan, in the structure
 * of its template.  Included by gen.c and the tests. */
#ifndef GEN_DOCBUILD_H
#define GEN_DOCBUILD_H

#include "doc.h"
#include "model.h"
#include "template.h"

struct doc	*docbuild(const struct plan *p, const struct template *t);
/* The marker of item k (1..) of a list at depth (1..) among the lists
 * of its kind: "1.", "a)", "•", "–" (caller frees). */
char		*docbuild_marker(bool ordered, int depth, int k);

#endif
