/* plangen.h: a generator of whole plan folders (plan.xml, one CSV file
 * per table, sometimes a template folder) for fuzzing with plans instead
 * of bytes.  Every choice it makes comes from a pg_src: libFuzzer's bytes
 * (so that libFuzzer can steer it; an exhausted input makes every later
 * choice the plainest one) or a seeded PRNG (same seed, same plan). */
#ifndef GEN_PLANGEN_H
#define GEN_PLANGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pg_src {
	const uint8_t	*data;		/* NULL: the PRNG */
	size_t		 len, pos;
	uint64_t	 state;
};

void	 pg_src_bytes(struct pg_src *s, const uint8_t *data, size_t len);
void	 pg_src_seed(struct pg_src *s, uint64_t seed);
/* A choice in [0, n); 0 once the bytes are used up. */
uint32_t pg_pick(struct pg_src *s, uint32_t n);

/* What plangen returns. */
enum {
	PG_TEMPLATE = 1,	/* it wrote a template into tpl */
	PG_CLEAN = 2,		/* it made no evil choice: the plan is valid */
	PG_LENIENT = 4,		/* render it with --lenient */
	PG_CHECK_FAILS = 8,	/* its only evil choices are <check>s that
				 * fail: it is refused (a warning with
				 * --lenient) naming "check 'Prüfung N" */
};

/* Writes a plan into the existing folder dir, and a template into the
 * existing folder tpl when it decides to (tpl may be NULL: never).
 * Returns PG_ flags. */
int	 plangen(struct pg_src *s, const char *dir, const char *tpl);

#endif
