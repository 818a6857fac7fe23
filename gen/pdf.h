/* pdf.h: the print report: the device over libharu (fonts, measuring,
 * drawing, links, outline, document info) and the writer that puts the
 * layout of the document tree into a PDF.  Included by gen.c. */
#ifndef GEN_PDF_H
#define GEN_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "hyph.h"
#include "template.h"

/* The TrueType file of face 0..3 (regular, bold, italic, bold italic):
 * the template's, or Liberation Sans. */
const char	*pdf_font_file(const struct template *tpl, int face);

/* The PDF of d in memory (caller frees *data), or false with a message
 * in *err (caller frees). */
bool	pdf_render(const struct doc *d, const struct template *tpl,
	    struct hyph *h, unsigned char **data, size_t *len, char **err);

#endif
