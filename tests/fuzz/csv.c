/* csv.c: fuzz target for the CSV reader (encoding, delimiter, quoting,
 * comments, limits). */
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_file f;
	struct diags d;

	if (memchr(data, '\0', size) != NULL)
		return 0;	/* refused before: io_read_file */
	diags_init(&d);
	if (csv_read_text((const char *)data, size, "fuzz.csv", &f, &d)) {
		/* Every record kept has a line and cells, the header first. */
		if (f.nrecs == 0 || f.recs[0].line < 1)
			abort();
		/* No record is shorter than the header. */
		for (size_t i = 1; i < f.nrecs; i++)
			if (f.recs[i].ncells < f.recs[0].ncells)
				abort();
		csv_file_free(&f);
	} else if (d.errors == 0)
		abort();	/* a refusal always says why */
	diags_free(&d);
	return 0;
}
