/* xlsx.h: one worksheet of an Excel workbook (.xlsx) as the records of a
 * CSV file (csvread.h), so that tables.c reads both alike: the zip
 * container with libzip, its XML members with libxml2's streaming reader.
 * Owns the workbook's limits (zip bombs, entries, cells, shared strings)
 * and the conversion of cell values to the text a CSV cell would hold.
 * Included by tables.c. */
#ifndef GEN_XLSX_H
#define GEN_XLSX_H

#include <stdbool.h>

#include "csvread.h"
#include "diag.h"

/* Reads the sheet named sheet (NULL: the first) of the workbook at path
 * (named shown in messages) into out: records numbered by their row,
 * out->sheet set to the sheet's name.  Numbers are written as the
 * table's number format reads them (decimal_dot: "1234.56", else
 * "1234,56"), exactly as stored; percent cells as percentages; dates as
 * ISO dates.  False, with messages in d, if the sheet cannot be read. */
bool	xlsx_read_file(const char *path, const char *shown, const char *sheet,
	    bool decimal_dot, struct csv_file *out, struct diags *d);

/* The number text v stored in a cell ("1606751.4500000002", "-1.5E-3")
 * as the text of a CSV cell: exact, without exponent, rounded to 15
 * significant digits and 9 decimals (Excel's binary noise), scaled by 100 if percent, with at
 * least decimals decimals.  NULL if v is not a number.  Caller frees. */
char	*xlsx_number(const char *v, bool percent, int decimals,
	    bool decimal_dot);

/* Is src the name of a workbook (ends in .xlsx, any case)? */
bool	xlsx_is_workbook(const char *src);

/* The reference of a cell as Excel names it: column ci (0-based) of row
 * row, "C7"; ci < 0 names the whole row, "7:7".  Caller frees. */
char	*xlsx_cell_name(int row, int ci);

#endif
