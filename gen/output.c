/* output.c: the output formats of a plan and the names of their files. */
#include "output.h"

#include <sys/stat.h>
#include <stdlib.h>

#include "util.h"

const char *
output_ext(enum output_format f)
{
	return f == FORMAT_CSV ? ".kennzahlen.csv" : f == FORMAT_HTML ?
	    ".html" : ".pdf";
}

bool
output_exists(const char *dir, const char *name, enum output_format f)
{
	char *path = xasprintf("%s/%s%s", dir, name, output_ext(f));
	struct stat st;
	bool ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);

	free(path);
	return ok;
}
