/* fmt.c: German display formats and the machine format of figures. */
#include "fmt.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#define MINUS_SIGN	"\xE2\x88\x92"	/* U+2212, as typeset reports print it */
#define EN_DASH		"\xE2\x80\x93"	/* "no value" */

/* Integer part with '.' between groups of three digits. */
static void
S_grouped(struct buf *out, uint64_t n)
{
	char digits[24];
	int len = snprintf(digits, sizeof(digits), "%" PRIu64, n);

	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_putc(out, '.');
		buf_putc(out, digits[i]);
	}
}

/* |v| with its decimals, or none when decimals is 0 (callers only drop
 * decimals that are zero). */
static void
S_digits(struct buf *out, const struct value *v, int decimals, char sep,
    bool group)
{
	uint64_t a = v->v < 0 ? -(uint64_t)v->v : (uint64_t)v->v;
	uint64_t p = (uint64_t)num_pow10(v->scale);
	uint64_t ip = a / p, frac = a % p;

	if (group)
		S_grouped(out, ip);
	else
		buf_printf(out, "%" PRIu64, ip);
	if (decimals > 0)
		buf_printf(out, "%c%0*" PRIu64, sep, v->scale, frac);
}

static const char *
S_suffix(enum unit unit)
{
	switch (unit) {
	case UNIT_MONEY:
		return " \xE2\x82\xAC";
	case UNIT_PERCENT:
		return " %";
	case UNIT_POINTS:
		return " %-Pkt.";
	default:
		return "";
	}
}

void
fmt_display(struct buf *out, const struct value *v, unsigned flags)
{
	int decimals = v->scale;

	if (!v->has) {
		buf_puts(out, EN_DASH);
		return;
	}
	if (v->unit == UNIT_MONEY && v->v % 100 == 0)
		decimals = 0;
	if (v->info && !(flags & FMT_BARE))
		buf_putc(out, '(');
	if (v->approx && !(flags & FMT_BARE))
		buf_puts(out, "ca. ");
	if (v->v < 0)
		buf_puts(out, MINUS_SIGN);
	else if ((flags & FMT_SIGNED) && v->v > 0)
		buf_putc(out, '+');
	S_digits(out, v, decimals, ',', true);
	if (!(flags & (FMT_PLAIN | FMT_BARE)))
		buf_puts(out, S_suffix(v->unit));
	if (v->info && !(flags & FMT_BARE))
		buf_putc(out, ')');
}

char *
fmt_display_dup(const struct value *v, unsigned flags)
{
	struct buf b;

	buf_init(&b);
	fmt_display(&b, v, flags);
	return buf_detach(&b);
}

void
fmt_machine(struct buf *out, const struct value *v)
{
	if (!v->has)
		return;
	if (v->v < 0)
		buf_putc(out, '-');
	S_digits(out, v, v->scale, '.', false);
}

const char *
fmt_unit_name(enum unit unit)
{
	switch (unit) {
	case UNIT_MONEY:
		return "EUR";
	case UNIT_PERCENT:
		return "%";
	case UNIT_COUNT:
		return "Anzahl";
	default:
		return "";
	}
}

const char *
fmt_limit(enum unit unit)
{
	switch (unit) {
	case UNIT_MONEY:
		return "999.999.999.999,99 \xE2\x82\xAC";
	case UNIT_COUNT:
		return "999.999.999";
	default:
		return "999.999.999.999.999";
	}
}

char *
fmt_date(int year, int month, int day)
{
	static const char *months[] = { "Januar", "Februar", "März", "April",
	    "Mai", "Juni", "Juli", "August", "September", "Oktober",
	    "November", "Dezember" };

	if (month < 1 || month > 12)
		return xasprintf("%d", year);
	if (day == 0)
		return xasprintf("%s %d", months[month - 1], year);
	return xasprintf("%d. %s %d", day, months[month - 1], year);
}
