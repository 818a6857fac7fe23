/* number.h: figures as scaled integers: parsing typed cells, exact
 * arithmetic and rounding.  Money is always in cents (scale 2).
 * Included by the model and everything that computes or prints figures. */
#ifndef GEN_NUMBER_H
#define GEN_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

enum unit {
	UNIT_NONE,	/* text; never a figure */
	UNIT_MONEY,	/* euros, scale 2 */
	UNIT_COUNT,	/* whole numbers */
	UNIT_PERCENT,	/* shares, quotas, indices */
	UNIT_NUMBER,	/* any other number, decimals as typed */
	UNIT_POINTS,	/* a difference of two percentages */
};

/* The largest amount and count a cell or a sum may hold (input-format.md). */
#define MONEY_MAX_CENTS	INT64_C(99999999999999)
#define COUNT_MAX	INT64_C(999999999)
#define SCALE_MAX	6

/* One figure: v / 10^scale of unit.  has == false means "no value",
 * which is not zero.  typed_scale is the number of decimals the user
 * typed (checks allow half a unit of it), -1 for a computed figure. */
struct value {
	int64_t		v;
	int8_t		scale;
	int8_t		typed_scale;
	uint8_t		unit;		/* enum unit */
	bool		has;
	bool		info;		/* nachrichtlich: in parentheses, never added */
	bool		approx;		/* "ca.": printed with ca. */
};

enum num_status {
	NUM_OK,
	NUM_EMPTY,
	NUM_SYNTAX,		/* not a number */
	NUM_NOT_WHOLE,		/* a count with decimals */
	NUM_TOO_PRECISE,	/* money with more than two decimals */
	NUM_RANGE,		/* beyond MONEY_MAX_CENTS or COUNT_MAX */
};

/* Parses a typed cell ("1.234,56 €", "(22)", "ca. 28.000", "570.240,-").
 * decimal_dot selects the "1234.56" format. */
enum num_status	num_parse(const char *cell, bool decimal_dot, enum unit unit,
		    struct value *out);

/* An exact rational, for results that are rounded only once, with
 * 0 < den <= EXACT_DEN_MAX and num > INT128_MIN; operations return it in
 * lowest terms.  Every operation that makes one checks for overflow and
 * for that bound and returns false beyond (the caller reports it).  Within the input's limits
 * (figures of at most 15 digits, SCALE_MAX decimals) no result comes near
 * either: the largest denominator is a ratio's, 10^21, the largest
 * numerator a target's product, about 10^30.  exact_round and value_agrees
 * divide before they multiply, so they never overflow for an exact within
 * the bound and a value of at most SCALE_MAX decimals. */
struct exact {
	__int128	num;
	__int128	den;	/* > 0 */
};

#define EXACT_DEN_MAX	((__int128)1000000000000000 * 1000000000000000)

/* 10^n for 0 <= n <= 18. */
int64_t		num_pow10(int n);
struct value	value_none(enum unit unit);
/* v / 10^scale; never fails for a value of at most 18 decimals. */
struct exact	value_exact(const struct value *a);
/* Rounds half away from zero to scale (0 to SCALE_MAX) decimals; false if
 * the result is out of the unit's range. */
bool		exact_round(struct exact x, enum unit unit, int scale,
		    struct value *out);
/* a / b * mult; false if b is zero or on overflow. */
bool		exact_ratio(const struct value *a, const struct value *b,
		    int64_t mult, struct exact *out);
/* *out = a + b, a - b, a * b, a / b; false on overflow (and for a / 0). */
bool		exact_add(struct exact a, struct exact b, struct exact *out);
bool		exact_sub(struct exact a, struct exact b, struct exact *out);
bool		exact_mul(struct exact a, struct exact b, struct exact *out);
bool		exact_div(struct exact a, struct exact b, struct exact *out);
/* -1, 0 or 1. */
int		exact_sign(struct exact x);
/* Compares a and b exactly, whatever their scales: -1, 0 or 1. */
int		value_cmp(const struct value *a, const struct value *b);
/* Does the typed figure t agree with x within half a unit of its last
 * typed decimal (input-format.md, "Within rounding")? */
bool		value_agrees(const struct value *t, struct exact x);
/* Is v within the limit of its unit (MONEY_MAX_CENTS, COUNT_MAX)? */
bool		value_in_range(const struct value *v);

/* Running sums: adds a (if it has a value) into sum of the same unit,
 * widening the scale.  False, with sum unchanged, if the sum would leave
 * the range of its unit. */
bool		sum_add(struct value *sum, const struct value *a);

#endif
