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

bool
value_in_range(const struct value *v)
{
	int64_t a = v->v < 0 ? -v->v : v->v;

	switch (v->unit) {
	case UNIT_MONEY:
		return a <= MONEY_MAX_CENTS;
	case UNIT_COUNT:
		return a <= COUNT_MAX;
	default:
		return a <= OTHER_MAX;
	}
}

struct exact
value_exact(const struct value *a)
{
	struct exact x = { a->v, num_pow10(a->scale) };

	return x;
}

bool
exact_round(struct exact x, enum unit unit, int scale, struct value *out)
{
	__int128 n = x.num * num_pow10(scale), q, r;
	__int128 lim = unit == UNIT_MONEY ? MONEY_MAX_CENTS
	    : unit == UNIT_COUNT ? COUNT_MAX : OTHER_MAX;

	q = n / x.den;
	r = n % x.den;
	if (r < 0)
		r = -r;
	if (2 * r >= x.den)
		q += n < 0 ? -1 : 1;
	*out = value_none(unit);
	if (q > lim || q < -lim)
		return false;
	out->v = (int64_t)q;
	out->scale = (int8_t)scale;
	out->has = true;
	return true;
}

bool
exact_ratio(const struct value *a, const struct value *b, int64_t mult,
    struct exact *out)
{
	if (b->v == 0)
		return false;
	out->num = (__int128)a->v * num_pow10(b->scale) * mult;
	out->den = (__int128)b->v * num_pow10(a->scale);
	if (out->den < 0) {
		out->num = -out->num;
		out->den = -out->den;
	}
	return true;
}

struct exact
exact_add(struct exact a, struct exact b)
{
	struct exact x;

	if (a.den == b.den) {
		x.num = a.num + b.num;
		x.den = a.den;
	} else {
		x.num = a.num * b.den + b.num * a.den;
		x.den = a.den * b.den;
	}
	return x;
}

struct exact
exact_sub(struct exact a, struct exact b)
{
	b.num = -b.num;
	return exact_add(a, b);
}

struct exact
exact_mul(struct exact a, struct exact b)
{
	struct exact x = { a.num * b.num, a.den * b.den };

	return x;
}

bool
value_agrees(const struct value *t, struct exact x)
{
	int ts = t->typed_scale >= 0 ? t->typed_scale : t->scale;
	__int128 diff = (__int128)t->v * x.den - x.num * num_pow10(t->scale);

	if (diff < 0)
		diff = -diff;
	return diff * 2 * num_pow10(ts) <= x.den * num_pow10(t->scale);
}

bool
sum_add(struct value *sum, const struct value *a)
{
	int64_t m = a->v, s;

	if (!a->has)
		return true;
	if (!sum->has) {
		*sum = *a;
		sum->info = false;
		sum->typed_scale = -1;
		return true;
	}
	while (sum->scale < a->scale) {
		if (__builtin_mul_overflow(sum->v, 10, &sum->v))
			return false;
		sum->scale++;
	}
	for (int k = a->scale; k < sum->scale; k++)
		if (__builtin_mul_overflow(m, 10, &m))
			return false;
	if (__builtin_add_overflow(sum->v, m, &s))
		return false;
	sum->v = s;
	sum->approx |= a->approx;
	return value_in_range(sum);
}
