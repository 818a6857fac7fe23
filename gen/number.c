/* number.c: parsing typed figures, exact arithmetic and rounding. */
#include "number.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

/* Other numbers (percent, plain) keep at most 15 significant digits,
 * so that products of two of them stay exact in 128 bits. */
#define OTHER_MAX INT64_C(999999999999999)

int64_t
num_pow10(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

static bool
S_strip_prefix(char **s, const char *prefix)
{
	size_t n = strlen(prefix);

	if (strncasecmp(*s, prefix, n) != 0)
		return false;
	*s += n;
	for (;;) {
		if (**s == ' ')
			(*s)++;
		else if (strncmp(*s, "\xC2\xA0", 2) == 0)
			*s += 2;
		else
			return true;
	}
}

/* Removes trailing blanks and unit suffixes; returns the new length. */
static size_t
S_strip_suffixes(char *s, size_t len)
{
	static const char *suffixes[] = { "\xE2\x82\xAC", "EUR", "%", " ",
	    "\t", "\xC2\xA0", ",-", ".-" };
	bool again = true;

	while (again) {
		again = false;
		for (size_t i = 0; i < sizeof(suffixes) / sizeof(*suffixes); i++) {
			size_t n = strlen(suffixes[i]);

			if (len >= n && strncasecmp(s + len - n, suffixes[i], n) == 0
			    && len > n) {
				len -= n;
				s[len] = '\0';
				again = true;
			}
		}
	}
	return len;
}

/* Digits with thousands groups and a decimal part, e.g. 1.234.567,89. */
static enum num_status
S_parse_digits(const char *s, char thousands, char decimal, int64_t *mant,
    int *scale)
{
	int64_t m = 0;
	int digits = 0, group = -1, frac = -1;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++digits > 18)
				return NUM_RANGE;
			m = m * 10 + (*s - '0');
			if (frac >= 0)
				frac++;
			else if (group >= 0)
				group++;
		} else if (*s == thousands && frac < 0 && digits > 0 &&
		    (group < 0 ? digits <= 3 : group == 3)) {
			group = 0;
		} else if (*s == decimal && frac < 0 && digits > 0 &&
		    (group < 0 || group == 3)) {
			frac = 0;
		} else
			return NUM_SYNTAX;
	}
	if (digits == 0 || frac == 0 || (frac < 0 && group >= 0 && group != 3))
		return NUM_SYNTAX;
	*mant = m;
	*scale = frac < 0 ? 0 : frac;
	return NUM_OK;
}

/* Brings a parsed mantissa to the unit's scale. */
static enum num_status
S_fit_unit(enum unit unit, int64_t m, int scale, struct value *out)
{
	int want = unit == UNIT_MONEY ? 2 : unit == UNIT_COUNT ? 0 : scale;
	int typed = scale;

	while (scale > want && m % 10 == 0) {
		m /= 10;
		scale--;
	}
	if (scale > want)
		return unit == UNIT_COUNT ? NUM_NOT_WHOLE : NUM_TOO_PRECISE;
	if (scale > SCALE_MAX)
		return NUM_TOO_PRECISE;
	if (m > OTHER_MAX || m < -OTHER_MAX)
		return NUM_RANGE;
	m *= num_pow10(want - scale);
	out->v = m;
	out->scale = (int8_t)want;
	out->typed_scale = (int8_t)(typed < want ? typed : want);
	out->unit = (uint8_t)unit;
	out->has = true;
	return value_in_range(out) ? NUM_OK : NUM_RANGE;
}

enum num_status
num_parse(const char *cell, bool decimal_dot, enum unit unit,
    struct value *out)
{
	char *buf = trim_dup(cell), *s = buf;
	size_t len;
	bool neg = false;
	int64_t mant;
	int scale;
	enum num_status st;

	*out = value_none(unit);
	if (*s == '\0') {
		free(buf);
		return NUM_EMPTY;
	}
	out->approx = S_strip_prefix(&s, "ca.");
	len = strlen(s);
	if (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
		out->info = true;
		s[--len] = '\0';
		s++;
		len--;
		while (*s == ' ')
			s++, len--;
		if (!out->approx)
			out->approx = S_strip_prefix(&s, "ca.");
		len = strlen(s);
	}
	len = S_strip_suffixes(s, len);
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	else if (strncmp(s, "\xE2\x88\x92", 3) == 0) {
		neg = true;
		s += 3;
	}
	while (*s == ' ')
		s++;
	st = decimal_dot ? S_parse_digits(s, ',', '.', &mant, &scale)
	    : S_parse_digits(s, '.', ',', &mant, &scale);
	if (st == NUM_OK)
		st = S_fit_unit(unit, neg ? -mant : mant, scale, out);
	free(buf);
	if (st != NUM_OK)
		out->has = false;
	return st;
}

struct value
value_none(enum unit unit)
{
	struct value v = { .unit = (uint8_t)unit, .typed_scale = -1,
	    .scale = unit == UNIT_MONEY ? 2 : 0 };

	return v;
}

/* The largest mantissa at scale (0 to SCALE_MAX): money and counts are
 * limited in value, at any scale; other figures to 15 digits. */
static int64_t
S_limit(enum unit unit, int scale)
{
	switch (unit) {
	case UNIT_MONEY:
		return scale >= 2 ? MONEY_MAX_CENTS * num_pow10(scale - 2) :
		    MONEY_MAX_CENTS / num_pow10(2 - scale);
	case UNIT_COUNT:
		return COUNT_MAX * num_pow10(scale);
	default:
		return OTHER_MAX;
	}
}

bool
value_in_range(const struct value *v)
{
	int64_t lim = S_limit(v->unit, v->scale);

	return v->v <= lim && v->v >= -lim;
}

/* --- exact rationals --- */

typedef unsigned __int128 u128;

#define I128_MIN ((__int128)((u128)1 << 127))

static u128
S_abs(__int128 x)
{
	return x < 0 ? -(u128)x : (u128)x;
}

static __int128
S_gcd(__int128 a, __int128 b)
{
	u128 x = S_abs(a), y = S_abs(b);

	while (y != 0) {
		u128 r = x % y;

		x = y;
		y = r;
	}
	return (__int128)x;
}

/* num / den in lowest terms, within the bounds of struct exact. */
static bool
S_make(__int128 num, __int128 den, struct exact *out)
{
	__int128 g;

	if (den == 0 || num == I128_MIN || den == I128_MIN)
		return false;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	g = S_gcd(num, den);
	num /= g;
	den /= g;
	if (den > EXACT_DEN_MAX)
		return false;
	out->num = num;
	out->den = den;
	return true;
}

struct exact
value_exact(const struct value *a)
{
	struct exact x = { a->v, num_pow10(a->scale) };

	return x;
}

int
exact_sign(struct exact x)
{
	return (x.num > 0) - (x.num < 0);
}

bool
exact_add(struct exact a, struct exact b, struct exact *out)
{
	__int128 g = S_gcd(a.den, b.den), l, n1, n2, n;

	/* Over the least common denominator: decimals of different scales
	 * keep the larger scale instead of multiplying the two. */
	if (__builtin_mul_overflow(a.den, b.den / g, &l) ||
	    __builtin_mul_overflow(a.num, b.den / g, &n1) ||
	    __builtin_mul_overflow(b.num, a.den / g, &n2) ||
	    __builtin_add_overflow(n1, n2, &n))
		return false;
	return S_make(n, l, out);
}

bool
exact_sub(struct exact a, struct exact b, struct exact *out)
{
	if (__builtin_sub_overflow((__int128)0, b.num, &b.num))
		return false;
	return exact_add(a, b, out);
}

bool
exact_mul(struct exact a, struct exact b, struct exact *out)
{
	__int128 g1 = S_gcd(a.num, b.den), g2 = S_gcd(b.num, a.den), n, d;

	/* Cross-reduced first, so that no factor is larger than needed. */
	if (__builtin_mul_overflow(a.num / g1, b.num / g2, &n) ||
	    __builtin_mul_overflow(a.den / g2, b.den / g1, &d))
		return false;
	return S_make(n, d, out);
}

bool
exact_div(struct exact a, struct exact b, struct exact *out)
{
	struct exact inv = { b.den, b.num };

	if (b.num == 0 || b.num == I128_MIN)
		return false;
	if (inv.den < 0) {
		inv.num = -inv.num;
		inv.den = -inv.den;
	}
	return exact_mul(a, inv, out);
}

bool
exact_ratio(const struct value *a, const struct value *b, int64_t mult,
    struct exact *out)
{
	struct exact m = { mult, 1 }, x;

	return b->v != 0 && exact_mul(value_exact(a), m, &x) &&
	    exact_div(x, value_exact(b), out);
}

/* x * 10^scale as q + r / x.den with |r| < x.den, r of the sign of x.
 * Divides first: the integer part cannot overflow unless the result is
 * beyond any figure, and the remainder times 10^SCALE_MAX stays below
 * EXACT_DEN_MAX * 10^6 = 10^36 < 2^127. */
static bool
S_scaled(struct exact x, int scale, __int128 *q, __int128 *r)
{
	__int128 p = num_pow10(scale), ip, fp;

	if (scale < 0 || scale > SCALE_MAX ||
	    __builtin_mul_overflow(x.num / x.den, p, &ip) ||
	    __builtin_mul_overflow(x.num % x.den, p, &fp) ||
	    __builtin_add_overflow(ip, fp / x.den, q))
		return false;
	*r = fp % x.den;
	return true;
}

bool
exact_round(struct exact x, enum unit unit, int scale, struct value *out)
{
	__int128 q, r, lim;

	*out = value_none(unit);
	if (!S_scaled(x, scale, &q, &r))
		return false;
	lim = S_limit(unit, scale);
	/* |r| < den <= EXACT_DEN_MAX: doubling it cannot overflow. */
	if (2 * S_abs(r) >= (u128)x.den)
		q += r < 0 ? -1 : 1;
	if (q > lim || q < -lim)
		return false;
	out->v = (int64_t)q;
	out->scale = (int8_t)scale;
	out->has = true;
	return true;
}

int
value_cmp(const struct value *a, const struct value *b)
{
	int s = a->scale > b->scale ? a->scale : b->scale;
	/* At most 2^63 * 10^18 < 2^127. */
	__int128 x = (__int128)a->v * num_pow10(s - a->scale);
	__int128 y = (__int128)b->v * num_pow10(s - b->scale);

	return (x > y) - (x < y);
}

bool
value_agrees(const struct value *t, struct exact x)
{
	int s = t->scale, ts = t->typed_scale >= 0 && t->typed_scale < s ?
	    t->typed_scale : s;
	__int128 q, r, k, w;

	/* x * 10^s = q + r / den.  When that does not fit, x is beyond any
	 * figure t can hold, so they differ. */
	if (!S_scaled(x, s, &q, &r) || __builtin_sub_overflow(t->v, q, &k))
		return false;
	/* |t - x| * 10^s = |k - r / den| <= w / 2, with |r / den| < 1. */
	w = num_pow10(s - ts);
	if (S_abs(k) > (u128)w + 1)
		return false;
	/* Now |k| <= 10^6 + 1: k * den stays below 2^121. */
	return 2 * S_abs(k * x.den - r) <= (u128)(w * x.den);
}

bool
sum_add(struct value *sum, const struct value *a)
{
	struct value s;
	int64_t m = a->v;

	if (!a->has)
		return true;
	if (!sum->has) {
		*sum = *a;
		sum->info = false;
		sum->typed_scale = -1;
		return true;
	}
	s = *sum;
	for (; s.scale < a->scale; s.scale++)
		if (__builtin_mul_overflow(s.v, 10, &s.v))
			return false;
	for (int k = a->scale; k < s.scale; k++)
		if (__builtin_mul_overflow(m, 10, &m))
			return false;
	if (__builtin_add_overflow(s.v, m, &s.v) || !value_in_range(&s))
		return false;
	s.approx |= a->approx;
	*sum = s;
	return true;
}
