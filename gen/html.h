/* html.h: the HTML5 writer: one self-contained page per plan, built as a
 * libxml2 tree.  Included by gen.c and site.c. */
#ifndef GEN_HTML_H
#define GEN_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "doc.h"
#include "template.h"

/* A new HTML5 document (<!DOCTYPE html>, <html lang="de">). */
xmlDocPtr	html_new_doc(xmlNodePtr *html);
/* Serializes doc to fp; false on a write error. */
bool		html_save(FILE *fp, xmlDocPtr doc);

/* Writes the page of d in the look of tpl to fp. */
bool	html_write(FILE *fp, const struct doc *d, const struct template *tpl);

#endif
