/* planxml.c: fuzz target for the plan.xml reader (libxml2 underneath):
 * the input is written as plan.xml of a scratch plan folder. */
#include <stdlib.h>

#include "fuzz.h"
#include "planxml.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *dir;
	struct diags d;
	struct plan *p;

	if (dir == NULL)
		dir = fuzz_tmpdir();
	fuzz_write(dir, "plan.xml", data, size);
	diags_init(&d);
	p = planxml_read(dir, &d);
	if (p == NULL && d.errors == 0)
		abort();	/* a refusal always says why */
	plan_free(p);
	diags_free(&d);
	return 0;
}
