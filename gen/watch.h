/* watch.h: gen --watch, waiting for a change of a plan or its template.
 * Included by main.c. */
#ifndef GEN_WATCH_H
#define GEN_WATCH_H

#include <stdbool.h>

/* Blocks until a file in plan_dir, a folder in it, or the template folder
 * (NULL: every folder under templates/) changes, and the burst of changes
 * has settled; outdir, wherever it lies, is not watched.  False after a
 * message if it cannot watch. */
bool	 watch_wait(const char *plan_dir, const char *template_dir,
	    const char *outdir);

#endif
