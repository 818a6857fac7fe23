/* export.h: the open-data export NAME.kennzahlen.csv (cli.md): every
 * figure, sorted by key, as schluessel;wert;einheit;anzeige.
 * Included by gen.c. */
#ifndef GEN_EXPORT_H
#define GEN_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"

/* Writes the export of p to fp. */
bool	export_kennzahlen(FILE *fp, const struct plan *p);

#endif
