/* xmlw.c: libxml2 elements and attributes for the page's writers. */
#include "xmlw.h"

#include <stdarg.h>
#include <stdlib.h>

#include "text.h"
#include "util.h"

xmlNodePtr
xmlw_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	/* Added as content, not passed to xmlNewChild: that one would read
	 * "&" as the start of an entity. */
	if (text != NULL)
		xmlNodeAddContent(n, (const xmlChar *)text);
	return n;
}

void
xmlw_add_nb(xmlNodePtr n, const char *text)
{
	char *t = text_nbsp(text);

	xmlNodeAddContent(n, (const xmlChar *)t);
	free(t);
}

xmlNodePtr
xmlw_el_nb(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlw_el(parent, name, NULL);

	if (text != NULL)
		xmlw_add_nb(n, text);
	return n;
}

void
xmlw_attr(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	va_list ap;
	char *value;

	va_start(ap, fmt);
	value = xvasprintf(fmt, ap);
	va_end(ap);
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
	free(value);
}
