/* output.h: the output formats of a plan and the names of their files
 * (NAME.html, NAME.pdf, NAME.kennzahlen.csv, NAME.kennzahlen.xlsx).  Included by gen.h and
 * site.c, which both need them; site.c never includes gen.h. */
#ifndef GEN_OUTPUT_H
#define GEN_OUTPUT_H

#include <stdbool.h>

enum output_format {
	FORMAT_HTML = 1,
	FORMAT_PDF = 2,
	FORMAT_CSV = 4,
	FORMAT_XLSX = 8,	/* NAME.kennzahlen.xlsx */
	FORMAT_LAST = FORMAT_XLSX,
};

/* The file name of a plan's output ends in this: NAME.kennzahlen.csv. */
/* The format a -f word names ("html", "pdf", "csv", "xlsx"), or 0. */
enum output_format output_format_named(const char *word);
const char	*output_ext(enum output_format f);
/* Is dir/NAME + output_ext(f) a regular file? */
bool		 output_exists(const char *dir, const char *name,
		    enum output_format f);

#endif
