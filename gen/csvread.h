/* csvread.h: CSV files as records of UTF-8 cells (libcsv underneath):
 * encoding and delimiter detection, comment and empty lines dropped.
 * Included by tables.c. */
#ifndef GEN_CSVREAD_H
#define GEN_CSVREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct csv_record {
	int	 line;		/* the line on which the record starts */
	size_t	 ncells;	/* at least the header's: a shorter row is
				   padded with empty cells */
	char	**cells;	/* UTF-8, as read (not trimmed); read only */
};

struct csv_file {
	struct csv_record	*recs;	/* recs[0] is the header */
	size_t			 nrecs, cap;
	char			 delim;
	bool			 cp1252;	/* was read as Windows-1252 */
	char			*sheet;	/* a workbook's sheet (xlsx.c), else NULL */
};

/* Reads the CSV file path (named shown in messages) into out.  Comment
 * lines (first cell starting with '#') and empty lines are dropped.
 * False, with messages in d, if the file cannot be read at all. */
bool	csv_read_file(const char *path, const char *shown, struct csv_file *out,
	    struct diags *d);
/* The same for text already in memory that holds no NUL byte (the file
 * reader refuses those). */
bool	csv_read_text(const char *text, size_t len, const char *shown,
	    struct csv_file *out, struct diags *d);
void	csv_file_free(struct csv_file *f);

#endif
