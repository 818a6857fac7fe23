/* fmt.h: every German display format and the machine format of figures.
 * The one place that turns a value into text; writers never format. */
#ifndef GEN_FMT_H
#define GEN_FMT_H

#include "number.h"
#include "util.h"

enum fmt_flags {
	FMT_SIGNED = 1,		/* a change: "+188" as well as "−188" */
	FMT_PLAIN = 2,		/* no unit: "3.254.546" instead of "3.254.546 €" */
	FMT_BARE = 4,		/* the number alone: no unit, no "ca.", no
				   parentheses (<value format="bare">) */
};

/* German display text: "1.234.567,89 €", "16,7 %", "(22)", "ca. 28.000 €",
 * "–" for no value. */
void		 fmt_display(struct buf *out, const struct value *v, unsigned flags);
char		*fmt_display_dup(const struct value *v, unsigned flags);
/* Machine text for the export: "1234567.89", "-2.5", "" for no value. */
void		 fmt_machine(struct buf *out, const struct value *v);
/* The export's einheit: "EUR", "%", "Anzahl" or "". */
const char	*fmt_unit_name(enum unit unit);
/* The largest figure of a unit, as messages name it. */
const char	*fmt_limit(enum unit unit);
/* "16. Januar 2017" from 2017-01-16, "Oktober 2016" for day 0. */
char		*fmt_date(int year, int month, int day);

#endif
