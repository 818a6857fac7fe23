/* batch.h: many plan folders at once: worker processes, each plan's
 * messages kept together, a progress line on a terminal, and a summary
 * of the plans that failed.  Included by main.c. */
#ifndef GEN_BATCH_H
#define GEN_BATCH_H

#include <stddef.h>

#include "gen.h"

/* Renders the n plans in dirs with up to jobs worker processes.  Returns
 * the worst status of all plans (GEN_UNCHANGED counts as GEN_OK). */
enum gen_status	batch_run(char **dirs, size_t n, const struct gen_options *o,
		    long jobs);

#endif
