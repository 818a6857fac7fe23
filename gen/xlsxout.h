/* xlsxout.h: the Excel export NAME.kennzahlen.xlsx (cli.md, "-f xlsx"):
 * the sheet "Kennzahlen" with the rows of the CSV export, wert as a
 * number, and a sheet per table with its rows as printed (doctable.c),
 * figures as numbers in a format that shows their display.  Written with libxlsxwriter; the same plan gives the same
 * bytes.  Included by gen.c. */
#ifndef GEN_XLSXOUT_H
#define GEN_XLSXOUT_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

/* Writes the workbook of p to fp; false if it could not be made. */
bool	xlsxout_write(FILE *fp, const struct plan *p);

#endif
