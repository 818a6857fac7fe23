/* html.h: the HTML5 writer: one self-contained page per plan, built as a
 * libxml2 tree.  Included by gen.c and site.c. */
#ifndef GEN_HTML_H
#define GEN_HTML_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "doc.h"
#include "template.h"

/* An element name with text (may be NULL), appended to parent. */
xmlNodePtr	html_el(xmlNodePtr parent, const char *name, const char *text);
/* An attribute, its value formatted like printf. */
void		html_attr(xmlNodePtr n, const char *name, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* A new HTML5 document (<!DOCTYPE html>, <html lang="de">). */
xmlDocPtr	html_new_doc(xmlNodePtr *html);
/* Serializes doc to fp; false on a write error. */
bool		html_save(FILE *fp, xmlDocPtr doc);

/* Writes the page of d in the look of tpl to fp. */
bool	html_write(FILE *fp, const struct doc *d, const struct template *tpl);

#endif
