/* xmlw.h: builds libxml2 element trees: elements, attributes, text.  The
 * small helpers the page (html.c), its charts (svg.c) and the index
 * (site.c) share, so that none of them includes another's header for
 * them.  Included by html.c, svg.c and site.c. */
#ifndef GEN_XMLW_H
#define GEN_XMLW_H

#include <libxml/tree.h>

/* An element name with text (may be NULL), appended to parent. */
xmlNodePtr	xmlw_el(xmlNodePtr parent, const char *name, const char *text);
/* The same, and text appended to a node, with the blanks that must not
 * break ("§ 16i", "SGB II", "16,7 %") as no-break spaces: the page keeps
 * the words together that the print report does (text_no_break). */
xmlNodePtr	xmlw_el_nb(xmlNodePtr parent, const char *name, const char *text);
void		xmlw_add_nb(xmlNodePtr n, const char *text);
/* An attribute, its value formatted like printf. */
void		xmlw_attr(xmlNodePtr n, const char *name, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

#endif
