/* init.h: gen --init, a new commented plan folder for a report type.
 * Included by main.c. */
#ifndef GEN_INIT_H
#define GEN_INIT_H

#include <stdbool.h>

/* Is kind a report type (amip, planungsdokument, eingliederungsbericht)? */
bool	 init_report_known(const char *kind);
/* Creates dir with plan.xml and the example CSV files; an existing dir is
 * never touched.  Returns the exit status (0, 2 usage, 3 system) after a
 * message. */
int	 init_plan(const char *dir, const char *kind);

#endif
