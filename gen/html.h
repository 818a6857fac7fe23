/* html.h: the HTML5 writer: one self-contained page per plan, and the
 * index of several, built as a libxml2 tree.  Included by gen.c. */
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

/* Writes the page of d in the look of tpl to fp. */
bool	html_write(FILE *fp, const struct doc *d, const struct template *tpl);

/* One line of the index: a report and the files written for it. */
struct html_index_entry {
	char	*jobcenter, *land, *report, *title, *name;
	int	 year;
	bool	 html, pdf, csv;
};

bool	html_write_index(FILE *fp, const struct html_index_entry *v, size_t n);

#endif
