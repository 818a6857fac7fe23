/* output.c: the output formats of a plan and the names of their files. */
#include "output.h"

#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

const char *
output_ext(enum output_format f)
{
	return f == FORMAT_CSV ? ".kennzahlen.csv" : f == FORMAT_XLSX ?
	    ".kennzahlen.xlsx" : f == FORMAT_HTML ? ".html" : ".pdf";
}

enum output_format
output_format_named(const char *word)
{
	static const struct {
		const char		*name;
		enum output_format	 f;
	} names[] = { { "html", FORMAT_HTML }, { "pdf", FORMAT_PDF },
	    { "csv", FORMAT_CSV }, { "xlsx", FORMAT_XLSX } };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(word, names[i].name) == 0)
			return names[i].f;
	return 0;
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
