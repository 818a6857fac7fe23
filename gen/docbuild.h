/* docbuild.h: the one document tree of a computed plan, in the structure
 * of its template.  Included by gen.c and the tests. */
#ifndef GEN_DOCBUILD_H
#define GEN_DOCBUILD_H

#include "doc.h"
#include "model.h"
#include "template.h"

struct doc	*docbuild(const struct plan *p, const struct template *t);

#endif
