/* unit.c: unit tests of the engine's modules: numbers, formats, slugs,
 * CSV dialects, rounding, and the computations of every table kind.
 * Prints "ok NAME" or "FAIL NAME: why" per test; run by tests/run.sh. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jpeglib.h>
#include <libxml/HTMLparser.h>
#include <png.h>

#include "chart.h"
#include "csvread.h"
#include "diag.h"
#include "fmt.h"
#include "fonts.h"
#include "fontsub.h"
#include "gen.h"
#include "doc.h"
#include "docbuild.h"
#include "doctable.h"
#include "html.h"
#include "hyph.h"
#include "lazylib.h"
#include "image.h"
#include "io.h"
#include "keys.h"
#include "layout.h"
#include "number.h"
#include "template.h"
#include "text.h"
#include "ttf.h"
#include "util.h"
#include "xlsx.h"

static int failures;

static void
report(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("ok %s\n", name);
		return;
	}
	failures++;
	printf("FAIL %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void
eq_str(const char *name, const char *got, const char *want)
{
	report(strcmp(got, want) == 0, name, "got '%s', want '%s'", got, want);
}

/* --- numbers --- */

static void
parse_ok(const char *cell, bool dot, enum unit u, const char *machine,
    const char *display)
{
	struct value v;
	enum num_status st = num_parse(cell, dot, u, &v);
	struct buf m, d;
	char name[128];

	snprintf(name, sizeof(name), "parse '%s'", cell);
	if (st != NUM_OK) {
		report(false, name, "status %d", st);
		return;
	}
	buf_init(&m);
	buf_init(&d);
	fmt_machine(&m, &v);
	fmt_display(&d, &v, 0);
	report(strcmp(m.s, machine) == 0 && strcmp(d.s, display) == 0, name,
	    "got '%s' / '%s', want '%s' / '%s'", m.s, d.s, machine, display);
	buf_free(&m);
	buf_free(&d);
}

static void
parse_bad(const char *cell, bool dot, enum unit u, enum num_status want)
{
	struct value v;
	enum num_status st = num_parse(cell, dot, u, &v);
	char name[128];

	snprintf(name, sizeof(name), "parse refuses '%s'", cell);
	report(st == want && !v.has, name, "status %d, want %d", st, want);
}

static void
test_parse(void)
{
	parse_ok("1.234.567,89", false, UNIT_MONEY, "1234567.89",
	    "1.234.567,89 €");
	parse_ok("2.708.996 €", false, UNIT_MONEY, "2708996.00", "2.708.996 €");
	parse_ok("570.240,-", false, UNIT_MONEY, "570240.00", "570.240 €");
	parse_ok("12 EUR", false, UNIT_MONEY, "12.00", "12 €");
	parse_ok("+ 28.000 €", false, UNIT_MONEY, "28000.00", "28.000 €");
	parse_ok("- 400.000 €", false, UNIT_MONEY, "-400000.00",
	    "\xE2\x88\x92" "400.000 €");
	parse_ok("\xE2\x88\x92" "400", false, UNIT_MONEY, "-400.00",
	    "\xE2\x88\x92" "400 €");
	parse_ok("(995.011,33 €)", false, UNIT_MONEY, "995011.33",
	    "(995.011,33 €)");
	parse_ok("(22)", false, UNIT_COUNT, "22", "(22)");
	parse_ok("(-22)", false, UNIT_COUNT, "-22", "(\xE2\x88\x92" "22)");
	parse_ok("ca. 28.000", false, UNIT_MONEY, "28000.00", "ca. 28.000 €");
	parse_ok("16,7", false, UNIT_PERCENT, "16.7", "16,7 %");
	parse_ok("12,98 %", false, UNIT_PERCENT, "12.98", "12,98 %");
	parse_ok("13,5%", false, UNIT_PERCENT, "13.5", "13,5 %");
	parse_ok("4178", false, UNIT_COUNT, "4178", "4.178");
	parse_ok("12,0", false, UNIT_COUNT, "12", "12");
	parse_ok("12,5", false, UNIT_NUMBER, "12.5", "12,5");
	parse_ok("1234.56", true, UNIT_MONEY, "1234.56", "1.234,56 €");
	parse_ok("1,234.5", true, UNIT_NUMBER, "1234.5", "1.234,5");
	parse_ok("999.999.999.999,99", false, UNIT_MONEY, "999999999999.99",
	    "999.999.999.999,99 €");
	parse_ok("999.999.999", false, UNIT_COUNT, "999999999", "999.999.999");
	parse_ok(" \xC2\xA0" "7.338 ", false, UNIT_COUNT, "7338", "7.338");
	parse_bad("12,5", false, UNIT_COUNT, NUM_NOT_WHOLE);
	parse_bad("1,234", false, UNIT_MONEY, NUM_TOO_PRECISE);
	parse_bad("abc", false, UNIT_MONEY, NUM_SYNTAX);
	parse_bad("1.5", false, UNIT_NUMBER, NUM_SYNTAX);
	parse_bad("1.23.456", false, UNIT_COUNT, NUM_SYNTAX);
	parse_bad("12,", false, UNIT_MONEY, NUM_SYNTAX);
	parse_bad("1,5", true, UNIT_NUMBER, NUM_SYNTAX);
	parse_bad("", false, UNIT_MONEY, NUM_EMPTY);
	parse_bad("  ", false, UNIT_COUNT, NUM_EMPTY);
	parse_bad("1.000.000.000.000", false, UNIT_MONEY, NUM_RANGE);
	parse_bad("1.000.000.000", false, UNIT_COUNT, NUM_RANGE);
	parse_bad("99999999999999999999", false, UNIT_NUMBER, NUM_RANGE);
	/* Found by fuzzing: a negative mantissa overflowed on scaling. */
	parse_bad("-423441234412342235", false, UNIT_MONEY, NUM_RANGE);
}

/* --- rounding --- */

static void
round_case(const char *name, __int128 num, __int128 den, enum unit u,
    int scale, const char *want)
{
	struct exact x = { num, den };
	struct value v;
	struct buf b;

	buf_init(&b);
	if (exact_round(x, u, scale, &v))
		fmt_machine(&b, &v);
	eq_str(name, b.s, want);
	buf_free(&b);
}

static void
test_rounding(void)
{
	round_case("round 2.251,975 to a count", 2251975, 1000, UNIT_COUNT, 0,
	    "2252");
	round_case("round half up", 5, 10, UNIT_COUNT, 0, "1");
	round_case("round half away from zero", -5, 10, UNIT_COUNT, 0, "-1");
	round_case("round 1,25 to one decimal", 125, 100, UNIT_PERCENT, 1, "1.3");
	round_case("round -1,25 to one decimal", -125, 100, UNIT_PERCENT, 1,
	    "-1.3");
	round_case("round 1,2499", 12499, 10000, UNIT_PERCENT, 1, "1.2");
	round_case("round the half cent", 5, 1000, UNIT_MONEY, 2, "0.01");
	round_case("round the negative half cent", -5, 1000, UNIT_MONEY, 2,
	    "-0.01");
	round_case("round below the half cent", 4999, 1000000, UNIT_MONEY, 2,
	    "0.00");
	round_case("Kosten je Eintritt 543.000 / 164", 54300000, 16400,
	    UNIT_MONEY, 2, "3310.98");
	round_case("share 562 / 4178", 56200, 4178, UNIT_PERCENT, 1, "13.5");
	round_case("share 2294 / 4178", 229400, 4178, UNIT_PERCENT, 1, "54.9");
	round_case("money beyond the range", (__int128)1 << 100, 1, UNIT_MONEY,
	    2, "");
}

static void
test_agrees(void)
{
	struct value t;

	num_parse("2.252", false, UNIT_COUNT, &t);
	report(value_agrees(&t, (struct exact){ 2251975, 1000 }),
	    "2.252 agrees with 2.251,975", "disagrees");
	num_parse("2.253", false, UNIT_COUNT, &t);
	report(!value_agrees(&t, (struct exact){ 2251975, 1000 }),
	    "2.253 disagrees with 2.251,975", "agrees");
	num_parse("13,5", false, UNIT_PERCENT, &t);
	report(value_agrees(&t, (struct exact){ 56200, 4178 }),
	    "13,5 agrees with 562/4178", "disagrees");
	num_parse("14", false, UNIT_PERCENT, &t);
	report(!value_agrees(&t, (struct exact){ 56200, 4178 }),
	    "14 disagrees with 13,45", "agrees");
	num_parse("47.562.696", false, UNIT_MONEY, &t);
	report(!value_agrees(&t, (struct exact){ 4756266900, 100 }),
	    "47.562.696 disagrees with 47.562.669", "agrees");
}

/* --- exact arithmetic at the limits of the input --- */

#define NUM15	INT64_C(999999999999999)	/* the largest other figure */
#define P10(n)	((__int128)num_pow10(n))

static void
i128_str(char *buf, size_t size, __int128 x)
{
	char tmp[48];
	unsigned __int128 u = x < 0 ? -(unsigned __int128)x : (unsigned __int128)x;
	size_t n = 0;

	do
		tmp[n++] = (char)('0' + (int)(u % 10));
	while ((u /= 10) != 0 && n < sizeof(tmp) - 1);
	if (x < 0)
		tmp[n++] = '-';
	for (size_t i = 0; i < n && i + 1 < size; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n < size ? n : size - 1] = '\0';
}

/* ok and x as "num/den", or "overflow". */
static void
exact_is(const char *name, bool ok, struct exact x, const char *want)
{
	char n[48], d[48], got[100];

	i128_str(n, sizeof(n), x.num);
	i128_str(d, sizeof(d), x.den);
	snprintf(got, sizeof(got), "%s/%s", n, d);
	eq_str(name, ok ? got : "overflow", want);
}

static struct value
val(int64_t v, int scale, enum unit u)
{
	struct value x = { .v = v, .scale = (int8_t)scale, .typed_scale =
	    (int8_t)scale, .unit = (uint8_t)u, .has = true };

	return x;
}

static void
test_exact_sums(void)
{
	struct exact s = { 0, 1 }, m = { 0, 1 }, h = { 0, 1 }, x;
	struct value a = val(NUM15, 0, UNIT_NUMBER), b = val(NUM15, 6,
	    UNIT_NUMBER), mm = val(MONEY_MAX_CENTS, 2, UNIT_MONEY);
	bool ok = true, okm = true, okh = true;

	for (int i = 0; i < 40; i++)
		ok &= exact_add(s, value_exact(&(struct value){ .v = i % 2 ? 405 :
		    40, .scale = (int8_t)(1 + i % 2) }), &s);
	exact_is("40 shares of one and two decimals add up to 161", ok, s,
	    "161/1");
	s = (struct exact){ 0, 1 };
	for (int i = 0; i < 100000; i++) {
		ok &= exact_add(s, value_exact(i % 2 ? &b : &a), &s);
		okm &= exact_add(m, value_exact(&mm), &m);
		okh &= exact_add(h, (struct exact){ 1, 2 * P10(6) }, &h);
	}
	exact_is("100.000 figures of 15 digits, scale 0 and 6, add up", ok, s,
	    "1000000999999998999999/20");
	exact_is("100.000 of the largest amount add up", okm, m,
	    "99999999999999000/1");
	exact_is("100.000 half units of the sixth decimal add up", okh, h,
	    "1/20");
	ok = exact_sub(value_exact(&mm), value_exact(&(struct value){
	    .v = -MONEY_MAX_CENTS, .scale = 2 }), &x);
	exact_is("largest amount minus the smallest", ok, x,
	    "99999999999999/50");
	ok = exact_sub(value_exact(&(struct value){ .v = -NUM15 }),
	    value_exact(&b), &x);
	exact_is("-10^15 minus 10^9 at six decimals", ok, x,
	    "-1000000999999998999999/1000000");
	ok = exact_add((struct exact){ (__int128)1 << 126, 1 },
	    (struct exact){ (__int128)1 << 126, 1 }, &x);
	exact_is("a sum beyond 2^127 is refused", ok, x, "overflow");
	ok = exact_add((struct exact){ 1, EXACT_DEN_MAX },
	    (struct exact){ 1, EXACT_DEN_MAX - 1 }, &x);
	exact_is("a common denominator beyond the bound is refused", ok, x,
	    "overflow");
	ok = exact_sub((struct exact){ -(((__int128)1 << 126) - 1) * 2 - 1, 1 },
	    (struct exact){ 2, 1 }, &x);
	exact_is("a difference below -2^127 is refused", ok, x, "overflow");
}

static void
test_exact_products(void)
{
	struct value ivj = val(NUM15, 6, UNIT_PERCENT), zero = val(0, 0,
	    UNIT_COUNT), mm = val(MONEY_MAX_CENTS, 2, UNIT_MONEY);
	struct exact x;
	bool ok;

	/* ist_vorjahr * (1 + veraenderung / 100), both 10^9 at 6 decimals */
	ok = exact_div(value_exact(&ivj), (struct exact){ 100, 1 }, &x) &&
	    exact_add(x, (struct exact){ 1, 1 }, &x) &&
	    exact_mul(value_exact(&ivj), x, &x);
	exact_is("the largest target product", ok, x,
	    "1000000099999997999999900000001/100000000000000");
	ok = exact_ratio(&mm, &(struct value){ .v = 1, .scale = 6 }, 100, &x);
	exact_is("largest amount / 0,000001 * 100", ok, x,
	    "99999999999999000000/1");
	ok = exact_ratio(&(struct value){ .v = 1 }, &(struct value){
	    .v = COUNT_MAX }, 100, &x);
	exact_is("1 / 999.999.999 * 100", ok, x, "100/999999999");
	ok = exact_ratio(&(struct value){ .v = -NUM15, .scale = 6 },
	    &(struct value){ .v = -1, .scale = 6 }, 100, &x);
	exact_is("a ratio of two negative figures", ok, x,
	    "99999999999999900/1");
	ok = exact_ratio(&mm, &zero, 100, &x);
	exact_is("a ratio over zero has none", ok, x, "overflow");
	ok = exact_div(value_exact(&mm), (struct exact){ 0, 1 }, &x);
	exact_is("a division by zero has none", ok, x, "overflow");
	ok = exact_mul((struct exact){ P10(18) * 100, 1 },
	    (struct exact){ P10(18) * 100, 1 }, &x);
	exact_is("a product beyond 2^127 is refused", ok, x, "overflow");
	ok = exact_mul((struct exact){ 1, P10(16) }, (struct exact){ 1,
	    P10(15) }, &x);
	exact_is("a denominator beyond 10^30 is refused", ok, x, "overflow");
	ok = exact_mul((struct exact){ 3, P10(16) }, (struct exact){ P10(16),
	    7 }, &x);
	exact_is("products are cross-reduced", ok, x, "3/7");
}

static void
test_exact_round(void)
{
	__int128 big = (__int128)1 << 126;

	round_case("round the largest amount", MONEY_MAX_CENTS, 100,
	    UNIT_MONEY, 2, "999999999999.99");
	round_case("round half a cent above the largest amount",
	    2 * MONEY_MAX_CENTS + 1, 200, UNIT_MONEY, 2, "");
	round_case("round 20 billion euros to four decimals", P10(12) * 2, 100,
	    UNIT_MONEY, 4, "20000000000.0000");
	round_case("round the largest count at six decimals", COUNT_MAX, 1,
	    UNIT_COUNT, 6, "999999999.000000");
	round_case("round 2^126 / 3 (no overflow)", big, 3, UNIT_PERCENT, 6, "");
	round_case("round -2^126 / 3 (no overflow)", -big, 3, UNIT_PERCENT, 6,
	    "");
	round_case("round one half over 10^30", P10(15) * P10(14) * 5,
	    EXACT_DEN_MAX, UNIT_COUNT, 0, "1");
	round_case("round minus one half over 10^30", -P10(15) * P10(14) * 5,
	    EXACT_DEN_MAX, UNIT_COUNT, 0, "-1");
	round_case("round just below one half over 10^30",
	    P10(15) * P10(14) * 5 - 1, EXACT_DEN_MAX, UNIT_COUNT, 0, "0");
	round_case("round 1,2345675 over 10^30 to six decimals",
	    (__int128)12345675 * P10(15) * P10(8), EXACT_DEN_MAX, UNIT_PERCENT,
	    6, "1.234568");
	round_case("round a ratio of 10^21 % to one decimal", P10(18) * 1000, 1,
	    UNIT_PERCENT, 1, "");
	round_case("round to more decimals than SCALE_MAX", 1, 1, UNIT_NUMBER,
	    SCALE_MAX + 1, "");
	report(exact_sign((struct exact){ -big, 1 }) < 0 &&
	    exact_sign((struct exact){ 0, 1 }) == 0 &&
	    exact_sign((struct exact){ 1, EXACT_DEN_MAX }) > 0, "exact_sign",
	    "wrong sign");
}

static void
test_agrees_limits(void)
{
	struct value t = val(MONEY_MAX_CENTS, 2, UNIT_MONEY);
	/* The largest amount and half a cent over 10^24: near 2^120. */
	__int128 den = P10(12) * P10(12), half = P10(12) * P10(9) * 5;
	__int128 at = (__int128)MONEY_MAX_CENTS * P10(11) * P10(11);
	struct value neg = { .v = -(NUM15 - 999999), .scale = 6,
	    .typed_scale = 0, .unit = UNIT_PERCENT, .has = true };
	struct value a = val(NUM15, 0, UNIT_NUMBER), b = val(1, 6, UNIT_NUMBER),
	    c = val(NUM15, 6, UNIT_NUMBER), mm = val(MONEY_MAX_CENTS, 2,
	    UNIT_MONEY);

	report(value_agrees(&t, (struct exact){ at + half, den }),
	    "the largest amount agrees half a cent above, over 10^24",
	    "disagrees");
	report(!value_agrees(&t, (struct exact){ at + half + 1, den }),
	    "the largest amount disagrees just beyond half a cent", "agrees");
	report(!value_agrees(&t, (struct exact){ -at - half, den }),
	    "the largest amount disagrees with its negative", "agrees");
	report(value_agrees(&neg, (struct exact){ -(__int128)9999999994999999,
	    P10(7) }), "-999.999.999 (typed whole) agrees with -999.999.999,4999999",
	    "disagrees");
	report(!value_agrees(&neg, (struct exact){ -(__int128)9999999995000001,
	    P10(7) }), "-999.999.999 disagrees with -999.999.999,5000001",
	    "agrees");
	report(!value_agrees(&c, (struct exact){ (__int128)1 << 126, 3 }) &&
	    !value_agrees(&c, (struct exact){ -((__int128)1 << 126), 1 }),
	    "a figure disagrees with one beyond 2^120 (no overflow)", "agrees");
	t = val(0, 0, UNIT_COUNT);
	report(value_agrees(&t, (struct exact){ 1, EXACT_DEN_MAX }),
	    "0 agrees with 10^-30", "disagrees");
	t = val(5000001, 6, UNIT_PERCENT);
	report(!value_agrees(&t, (struct exact){
	    (__int128)203113817728671 * (P10(8) + 506514724121565), P10(14) }),
	    "5,000001 % disagrees with a product near 10^15 %", "agrees");
	{
		struct value z = val(0, 0, UNIT_NUMBER), p1 = val(15, 1,
		    UNIT_NUMBER), p6 = val(1500000, 6, UNIT_NUMBER),
		    mn = val(-MONEY_MAX_CENTS, 2, UNIT_MONEY),
		    i0 = val(INT64_MAX, 0, UNIT_NUMBER),
		    i18 = val(INT64_MAX, 18, UNIT_NUMBER);

		report(value_cmp(&a, &c) > 0 && value_cmp(&c, &a) < 0 &&
		    value_cmp(&b, &z) > 0 && value_cmp(&p1, &p6) == 0 &&
		    value_cmp(&mm, &mn) > 0 && value_cmp(&i0, &i18) > 0,
		    "value_cmp at the limits", "wrong order");
	}
}

/* A figure within the limits, often at them: xorshift, deterministic. */
static struct value
random_figure(uint64_t *state)
{
	static const int64_t edge[] = { NUM15, 1, 0, MONEY_MAX_CENTS, COUNT_MAX };
	uint64_t x = *state;
	struct value v;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*state = x;
	v = val(x % 3 == 0 ? edge[(x >> 8) % 5] : (int64_t)((x >> 11) % NUM15),
	    (int)((x >> 4) % (SCALE_MAX + 1)), UNIT_NUMBER);
	if (x & 1 << 20)
		v.v = -v.v;
	return v;
}

/* Every computation calc.c makes, on random figures within the limits:
 * none may overflow, and each must undo exactly. */
static void
test_exact_random(void)
{
	uint64_t state = 88172645463325252u;
	int failed = 0, n = 0;

	for (int i = 0; i < 200000 && failed == 0; i++, n++) {
		struct value a = random_figure(&state), b = random_figure(&state);
		struct exact x, y, z, ea = value_exact(&a), eb = value_exact(&b);

		/* a + b - b, a - b + b, a * b / b, ratio, change, target */
		failed += !exact_add(ea, eb, &x) || !exact_sub(x, eb, &y) ||
		    !exact_sub(y, ea, &z) || z.num != 0;
		failed += !exact_sub(ea, eb, &x) || !exact_add(x, eb, &y) ||
		    !exact_sub(y, ea, &z) || z.num != 0;
		if (b.v == 0)
			continue;
		failed += !exact_ratio(&a, &b, 100, &x) || !exact_mul(x, eb, &y) ||
		    !exact_div(y, (struct exact){ 100, 1 }, &z) ||
		    !exact_sub(z, ea, &z) || z.num != 0;
		failed += !exact_sub(ea, eb, &x) || !exact_div(x, eb, &x) ||
		    !exact_mul(x, (struct exact){ 100, 1 }, &x);
		failed += !exact_div(eb, (struct exact){ 100, 1 }, &x) ||
		    !exact_add(x, (struct exact){ 1, 1 }, &x) ||
		    !exact_mul(ea, x, &x) || x.den > P10(15);
		/* Beyond the range or not, answered without overflow (UBSan). */
		(void)value_agrees(&b, x);
		failed += !value_agrees(&a, ea);
	}
	report(failed == 0, "200.000 random computations within the limits",
	    "failed after %d", n);
}

static void
test_sum_limits(void)
{
	struct value mm = val(MONEY_MAX_CENTS, 2, UNIT_MONEY), s = mm;
	struct value a = val(NUM15, 0, UNIT_NUMBER), b = val(1, 6, UNIT_NUMBER);
	struct value c = val(9999, 0, UNIT_COUNT), n = value_none(UNIT_COUNT);
	bool ok = true;

	report(!sum_add(&s, &mm) && s.v == MONEY_MAX_CENTS && s.scale == 2,
	    "a sum beyond the largest amount is refused, unchanged",
	    "%lld at scale %d", (long long)s.v, s.scale);
	s = a;
	report(!sum_add(&s, &b) && s.v == NUM15 && s.scale == 0,
	    "10^15 + 0,000001 is refused, the sum unchanged",
	    "%lld at scale %d", (long long)s.v, s.scale);
	s = val(-MONEY_MAX_CENTS, 2, UNIT_MONEY);
	report(sum_add(&s, &mm) && s.v == 0, "smallest + largest amount", "");
	for (int i = 0; i < 100000; i++)
		ok &= sum_add(&n, &c);
	report(ok && n.v == 999900000, "100.000 counts of 9.999 add up",
	    "%lld", (long long)n.v);
	s = val(COUNT_MAX, 0, UNIT_COUNT);
	c = val(1, 0, UNIT_COUNT);
	report(!sum_add(&s, &c) && s.v == COUNT_MAX,
	    "999.999.999 + 1 is refused", "");
}

/* --- formats --- */

static void
disp(const char *name, struct value v, unsigned flags, const char *want)
{
	char *s = fmt_display_dup(&v, flags);

	eq_str(name, s, want);
	free(s);
}

static void
test_formats(void)
{
	struct value m = { .v = 325454600, .scale = 2, .unit = UNIT_MONEY,
	    .has = true };
	struct value c = { .v = -188, .unit = UNIT_COUNT, .has = true };
	struct value pp = { .v = -3, .scale = 1, .unit = UNIT_POINTS,
	    .has = true };
	struct value none = value_none(UNIT_MONEY);
	char *d;

	disp("money without cents", m, 0, "3.254.546 €");
	m.v = 331098;
	disp("money with cents", m, 0, "3.310,98 €");
	disp("money plain", m, FMT_PLAIN, "3.310,98");
	m.approx = m.info = true;
	disp("money bare: no ca., no parentheses", m, FMT_BARE, "3.310,98");
	disp("money nachrichtlich, ca.", m, 0, "(ca. 3.310,98 \xE2\x82\xAC)");
	m.approx = m.info = false;
	m.v = 5;
	disp("five cents", m, 0, "0,05 €");
	disp("a negative change", c, FMT_SIGNED, "\xE2\x88\x92" "188");
	c.v = 188;
	disp("a positive change", c, FMT_SIGNED, "+188");
	disp("a positive count", c, 0, "188");
	c.v = 1000;
	disp("four digits grouped", c, 0, "1.000");
	disp("percentage points", pp, FMT_SIGNED, "\xE2\x88\x92" "0,3 %-Pkt.");
	disp("no value", none, 0, "\xE2\x80\x93");
	d = fmt_date(2017, 1, 16);
	eq_str("date", d, "16. Januar 2017");
	free(d);
	d = fmt_date(2016, 10, 0);
	eq_str("month", d, "Oktober 2016");
	free(d);
	d = fmt_date(2017, 3, 1);
	eq_str("date in März", d, "1. März 2017");
	free(d);
}

/* --- slugs and text --- */

static void
slug(const char *label, const char *want)
{
	char *s = slugify(label);
	char name[160];

	snprintf(name, sizeof(name), "slug '%s'", label);
	eq_str(name, s, want);
	free(s);
}

/* text_nfc's fast path: every pair of code points it takes as stable is
 * NFC as it stands (utf8proc, which the slow path uses, agrees). */
static void
test_nfc_stable(void)
{
	uint32_t *v = xcalloc(0x300 + 0xD0, sizeof(*v));
	size_t n = 0, bad = 0;

	for (uint32_t c = 1; c < 0x2100; c++)
		if (text_nfc_stable(c))
			v[n++] = c;
	for (size_t a = 0; a < n && bad == 0; a++)
		for (size_t b = 0; b < n && bad == 0; b++) {
			utf8proc_uint8_t in[16], *out;
			utf8proc_ssize_t k = utf8proc_encode_char((int32_t)v[a], in);

			k += utf8proc_encode_char((int32_t)v[b], in + k);
			in[k] = '\0';
			out = utf8proc_NFC(in);
			bad += out == NULL || strcmp((char *)out, (char *)in) != 0;
			free(out);
		}
	report(bad == 0 && n > 900, "text: the NFC fast path's characters are "
	    "NFC in every pair", "%zu of %zu", bad, n);
	free(v);
}

static void
test_text(void)
{
	test_nfc_stable();
	size_t bad = 0;
	char *s;

	slug("Förderung der beruflichen Weiterbildung",
	    "foerderung-der-beruflichen-weiterbildung");
	slug("Straße", "strasse");
	slug("ÄÖÜäöü", "aeoeueaeoeue");
	slug("  --A--b  ", "a-b");
	slug("§ 16i SGB II", "16i-sgb-ii");
	slug("I. Integrationsorientierte Instrumente",
	    "i-integrationsorientierte-instrumente");
	slug("Café", "caf");
	slug("!!!", "");
	report(utf8_valid("K\xC3\xB6ln", 5, NULL), "utf-8 valid", "refused");
	report(!utf8_valid("K\xF6ln", 4, &bad) && bad == 1, "utf-8 invalid",
	    "accepted or wrong offset %zu", bad);
	report(!utf8_valid("\xC0\xAF", 2, NULL), "utf-8 overlong refused",
	    "accepted");
	report(!utf8_valid("\xED\xA0\x80", 3, NULL), "utf-8 surrogate refused",
	    "accepted");
	s = cp1252_to_utf8("K\xF6ln \x80", 6, &bad);
	eq_str("windows-1252 to utf-8", s != NULL ? s : "(null)",
	    "K\xC3\xB6ln \xE2\x82\xAC");
	free(s);
	s = cp1252_to_utf8("a\x81", 2, &bad);
	report(s == NULL && bad == 1, "windows-1252 undefined byte", "accepted");
	free(s);
	report(edit_distance("verfugbar", "verfuegbar", 3) == 1,
	    "edit distance 1", "wrong");
	report(edit_distance("abc", "xyz123", 2) == 3, "edit distance limit",
	    "wrong");
}

/* --- text that reaches messages and outputs (input-format.md, "Text") --- */

static void
excerpt_is(const char *name, const char *s, const char *want)
{
	char *got = text_excerpt(s);

	eq_str(name, got, want);
	free(got);
}

/* The cell of line 2, column 1 of a CSV text, and its one message. */
static void
csv_cell_is(const char *name, const char *text, const char *cell,
    const char *msg, int line)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = csv_read_text(text, strlen(text), "t.csv", &f, &d) &&
	    f.nrecs == 2 && strcmp(f.recs[1].cells[0], cell) == 0 &&
	    (msg == NULL ? d.n == 0 : d.n == 1 && d.v[0].line == line &&
	    strcmp(d.v[0].msg, msg) == 0);
	report(ok, name, "cell '%s', %zu messages: %d: %s",
	    f.nrecs == 2 ? f.recs[1].cells[0] : "?", d.n,
	    d.n > 0 ? d.v[0].line : 0, d.n > 0 ? d.v[0].msg : "");
	csv_file_free(&f);
	diags_free(&d);
}

static void
test_text_safety(void)
{
	char long_s[200], *s;
	size_t off = 0;
	uint32_t cp = 0;
	struct diags d;

	memset(long_s, 'a', sizeof(long_s) - 1);
	long_s[sizeof(long_s) - 1] = '\0';
	excerpt_is("excerpt: short text as it is", "Förderung", "Förderung");
	excerpt_is("excerpt: cut after 60 characters", long_s,
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…");
	excerpt_is("excerpt: ESC, tab and line ends escaped",
	    "a\x1b[31m\tb\r\n", "a\\x1B[31m\\tb\\r\\n");
	excerpt_is("excerpt: bidirectional controls and C1 escaped",
	    "x\xe2\x80\xaey\xc2\x85\xe2\x81\xa6", "x\\u202Ey\\u0085\\u2066");
	excerpt_is("excerpt: bytes that are not UTF-8 escaped", "K\xf6ln\xc3",
	    "K\\xF6ln\\xC3");
	memset(long_s, 0x1b, 70);
	long_s[70] = '\0';
	excerpt_is("excerpt: an escape is never cut", long_s,
	    "\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B\\x1B"
	    "\\x1B\\x1B…");
	diags_init(&d);
	diag_error(&d, "t\x1b.csv", 1, "'%s'", "\x1b[2J");
	eq_str("diag: a message never holds a raw ESC", d.v[0].msg,
	    "'\\x1B[2J'");
	eq_str("diag: nor a file name", d.v[0].file, "t\\x1B.csv");
	diags_free(&d);

	report(!text_forbidden("a\tb\r\nc", 6, &off, &cp),
	    "forbidden: tab and line ends are text", "refused U+%04X", cp);
	report(text_forbidden("ab\xe2\x80\xae", 5, &off, &cp) && off == 2 &&
	    cp == 0x202E, "forbidden: U+202E", "not found");
	report(text_forbidden("\x7f", 1, &off, &cp) && cp == 0x7F,
	    "forbidden: DEL", "not found");
	s = text_nfc("Fo\xcc\x88rderung");
	eq_str("nfc: combining diaeresis composed", s, "F\xc3\xb6rderung");
	free(s);

	report(text_href_safe("https://www.arbeitsagentur.de/") &&
	    text_href_safe("HTTP://example.org") &&
	    text_href_safe("mailto:info@example.org") && text_href_safe("#ziele"),
	    "href: http, https, mailto and #ID", "refused");
	report(!text_href_safe("javascript:alert(1)") &&
	    !text_href_safe("JaVaScRiPt:alert(1)") &&
	    !text_href_safe(" https://x.example") &&
	    !text_href_safe("java\tscript:x") && !text_href_safe("data:,x") &&
	    !text_href_safe("bericht.html") && !text_href_safe("//x.example") &&
	    !text_href_safe("https:") && !text_href_safe("#") &&
	    !text_href_safe("https://x.example/\x1b"),
	    "href: anything else refused", "accepted");
	report(text_is_id("zuweisung") && text_is_id("16i") &&
	    text_is_id("a_b-c") && !text_is_id("") && !text_is_id("-a") &&
	    !text_is_id("_a") && !text_is_id("Zuweisung") &&
	    !text_is_id("rest.2017") && !text_is_id("a b"),
	    "ids: a-z, 0-9, - and _, first a letter or digit", "wrong");

	csv_cell_is("csv: a cell is NFC", "a;b\nFo\xcc\x88rderung;1\n",
	    "F\xc3\xb6rderung", NULL, 0);
	csv_cell_is("csv: ESC in a cell is an error at its line",
	    "a;b\n\"x\ny\x1b\";1\n", "x\ny\x1b",
	    "control character U+001B is not allowed in text", 3);
}

/* --- CSV dialects --- */

static bool
csv_is(const char *text, size_t ncells_first, const char *cell, int line)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = csv_read_text(text, strlen(text), "t.csv", &f, &d) &&
	    f.nrecs >= 2 && f.recs[0].ncells == ncells_first &&
	    strcmp(f.recs[1].cells[1], cell) == 0 && f.recs[1].line == line;
	if (d.errors == 0 && f.nrecs > 0)
		csv_file_free(&f);
	diags_free(&d);
	return ok;
}

static bool
csv_refuses(const char *text, const char *want)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = !csv_read_text(text, strlen(text), "t.csv", &f, &d) && d.n == 1 &&
	    strstr(d.v[0].msg, want) != NULL;
	if (!ok && d.n > 0)
		printf("# got: %d: %s\n", d.v[0].line, d.v[0].msg);
	diags_free(&d);
	return ok;
}

/* Does the last record of text start on line? */
static bool
csv_last_line(const char *text, int line)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = csv_read_text(text, strlen(text), "t.csv", &f, &d) &&
	    f.recs[f.nrecs - 1].line == line;
	if (d.errors == 0 && f.nrecs > 0)
		csv_file_free(&f);
	diags_free(&d);
	return ok;
}

/* Does every record of text have ncells cells, the last one empty? */
static bool
csv_padded(const char *text, size_t ncells)
{
	struct csv_file f;
	struct diags d;
	bool ok;

	diags_init(&d);
	ok = csv_read_text(text, strlen(text), "t.csv", &f, &d);
	for (size_t i = 0; ok && i < f.nrecs; i++)
		ok = f.recs[i].ncells == ncells && (i == 0 ||
		    *f.recs[i].cells[ncells - 1] == '\0');
	if (d.errors == 0 && f.nrecs > 0)
		csv_file_free(&f);
	diags_free(&d);
	return ok;
}

static void
test_csv(void)
{
	report(csv_is("a;b;c\n1;2;3\n", 3, "2", 2), "csv semicolon", "");
	report(csv_is("a,b,c\r\n1,2,3\r\n", 3, "2", 2), "csv comma, CRLF", "");
	report(csv_is("a\tb\tc\n1\t2 x\t3\n", 3, "2 x", 2), "csv tab", "");
	report(csv_is("\xEF\xBB\xBF" "a;b\n1;x\n", 2, "x", 2), "csv BOM", "");
	report(csv_is("a;b\n1;\"x;\"\"y\"\"\"\n", 2, "x;\"y\"", 2),
	    "csv quoting", "");
	report(csv_is("a;b\n1;\"two\nlines\"\n2;z\n", 2, "two\nlines", 2),
	    "csv quoted newline", "");
	report(csv_is("# comment \"quoted\n\n a;b\n#x;y\n\n1;K\xF6ln\n", 2,
	    "K\xC3\xB6ln", 6), "csv comments, empty lines, Windows-1252", "");
	report(csv_is("a;b,c\n1;2,5\n", 2, "2,5", 2),
	    "csv German decimals with ';'", "");
	report(csv_refuses("a;b\n1;\"open\n", "never closed"),
	    "csv unclosed quote", "");
	report(csv_refuses("a;b\n1;\"x\"y\n", "malformed quoting"),
	    "csv malformed quote", "");
	report(csv_refuses("a;b\n1;\x81\n", "neither UTF-8"),
	    "csv undefined Windows-1252 byte", "");
	report(csv_refuses("# only a comment\n", "no header"),
	    "csv without header", "");
	report(csv_is("a;b\n1;x", 2, "x", 2), "csv last line without its end",
	    "");
	report(csv_last_line("a\n\nx", 3), "csv last line of one character",
	    "");
	report(csv_padded("a;b;c\nx;1\ny\n\"z\";\"\"\n", 3),
	    "csv short rows padded to the header", "");
}

/* --- computations of every table kind, through whole plans --- */

static char tmpdir[64];
static const char *load_budget;	/* b.csv for load(); NULL: the default */

static void
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "w");

	if (fp != NULL) {
		fputs(text, fp);
		fclose(fp);
	}
	free(path);
}

/* A plan with one table of the given kind over the given CSV text. */
static struct plan *
load(const char *kind, const char *attrs, const char *csv, struct diags *d)
{
	char *xml = xasprintf("<plan report=\"amip\" year=\"2017\">"
	    "<jobcenter name=\"JC\"/><title>T</title><data>"
	    "<table name=\"b\" kind=\"budget\" src=\"b.csv\"/>"
	    "<table name=\"t\" kind=\"%s\" src=\"t.csv\" %s</data>"
	    "<body><p>x</p></body></plan>", kind, attrs);

	write_file("plan.xml", xml);
	write_file("b.csv", load_budget != NULL ? load_budget :
	    "position;betrag;art\nEGT;1.000.000;basis\nBudget;;summe\n");
	write_file("t.csv", csv);
	free(xml);
	diags_init(d);
	return gen_load(tmpdir, false, d);
}

static void
expect(struct plan *p, const char *key, const char *wert,
    const char *anzeige)
{
	struct figure fig;
	struct buf m, a;
	char name[160];

	snprintf(name, sizeof(name), "figure %s", key);
	if (p == NULL || !keys_resolve(p, key, &fig)) {
		report(false, name, "no such key");
		return;
	}
	buf_init(&m);
	buf_init(&a);
	{
		struct value v = figure_value(&fig);

		fmt_machine(&m, &v);
	}
	figure_display(&a, &fig, 0);
	report(strcmp(m.s, wert) == 0 && strcmp(a.s, anzeige) == 0, name,
	    "got '%s' / '%s', want '%s' / '%s'", m.s, a.s, wert, anzeige);
	buf_free(&m);
	buf_free(&a);
}

static void
done(struct plan *p, struct diags *d, const char *name)
{
	report(d->errors == 0, name, "%zu errors, first: %s", d->errors,
	    d->n ? d->v[0].msg : "");
	plan_free(p);
	diags_free(d);
}

static void
test_budget(void)
{
	struct diags d;
	struct plan *p = load("budget", "/>",
	    "position;betrag;art;id\n"
	    "Zuteilung;45.901.872,00;basis;egt\n"
	    "Umschichtung;7.162.197,41;abgang;um\n"
	    "Sonderzuteilung;200.000,00;zugang;sz\n"
	    "Ausgabemittel;38.939.674,59;summe;aus\n"
	    "Vorbindungen;15.061.179,43;abgang;vb\n"
	    "ESF;(500.000);nachrichtlich;esf\n"
	    "Neufallbudget;;summe;neu\n", &d);

	expect(p, "t.aus.betrag", "38939674.59", "38.939.674,59 €");
	expect(p, "t.neu.betrag", "23878495.16", "23.878.495,16 €");
	expect(p, "t.esf.betrag", "500000.00", "(500.000 €)");
	expect(p, "t.um.anteil_basis", "15.6", "15,6 %");
	expect(p, "t.egt.anteil_basis", "100.0", "100,0 %");
	done(p, &d, "budget plan without errors");
}

static void
test_instruments(void)
{
	struct diags d;
	struct plan *p = load("instruments", "budget=\"b\" zusatz=\"VBL\"/>",
	    "gruppe;instrument;id;eintritte;mittel_neufall;mittel_vorbindung;"
	    "mittel_zusatz;davon;nachrichtlich;eintritte_ist;ausgaben_ist\n"
	    "A;FbW;fbw;164;543.000;;;;;150;500.000\n"
	    "A;davon Frauen;fbw-f;80;200.000;;;fbw;;;\n"
	    "A;Sub-heading;sub;;;;;;;;\n"
	    "A;EGZ;egz;85;300.000,50;100.000;1.606.751,45;;;;\n"
	    "B;ESF;esf;(22);(995.011,33);;;;;;\n"
	    "B;Land;land;10;50.000;;;;x;;\n"
	    "B;AGH;agh;15;ca. 60.000;;;;;;\n", &d);

	expect(p, "t.fbw.kosten_je_eintritt", "3310.98", "3.310,98 €");
	expect(p, "t.fbw.anteil_budget", "54.3", "54,3 %");
	expect(p, "t.fbw.ausschoepfung_eintritte", "91.5", "91,5 %");
	expect(p, "t.fbw.ausschoepfung_mittel", "92.1", "92,1 %");
	expect(p, "t.egz.mittel_gesamt", "2006751.95", "2.006.751,95 €");
	expect(p, "t.egz.mittel_zusatz", "1606751.45",
	    "+ 1.606.751,45 € (VBL)");
	expect(p, "t.a.eintritte", "249", "249");
	expect(p, "t.a.mittel_gesamt", "2549751.95", "2.549.751,95 €");
	expect(p, "t.sub.eintritte", "", "\xE2\x80\x93");
	expect(p, "t.esf.mittel_gesamt", "995011.33", "(995.011,33 €)");
	expect(p, "t.esf.kosten_je_eintritt", "45227.79", "(45.227,79 €)");
	expect(p, "t.land.eintritte", "10", "(10)");
	expect(p, "t.b.eintritte", "15", "15");
	expect(p, "t.b.mittel_gesamt", "60000.00", "ca. 60.000 €");
	expect(p, "t.gesamt.eintritte", "264", "264");
	expect(p, "t.gesamt.mittel_gesamt", "2609751.95", "ca. 2.609.751,95 €");
	expect(p, "t.gesamt.ausgaben_ist", "500000.00", "500.000 €");
	expect(p, "t.plan.reserve", "-1609751.95", "ca. \xE2\x88\x92"
	    "1.609.751,95 €");
	done(p, &d, "instruments plan without errors");
}

/* The year's figures and the budget, decided once in the model: a note
 * in an Ist column is no Ist figure. */
static void
test_year_figures(void)
{
	struct diags d;
	struct plan *p = load("instruments", "budget=\"b\"/>",
	    "instrument;eintritte;mittel_neufall;hinweis_eintritte_ist\n"
	    "FbW;10;1.000;liegt noch nicht vor\n", &d);
	const struct table *t = p != NULL ? plan_table(p, "t") : NULL;
	const struct table *b = p != NULL ? plan_table(p, "b") : NULL;

	report(t != NULL && !t->actuals && t->year_eintritte ==
	    table_field(t, "eintritte") && t->year_mittel ==
	    table_field(t, "mittel_gesamt"), "a note in an Ist column is no Ist",
	    "actuals %d", t != NULL ? t->actuals : -1);
	report(t != NULL && b != NULL && t->budget_row == &b->rows[b->nrows - 1],
	    "the budget is the budget table's last summe row", "not it");
	done(p, &d, "instruments plan with an Ist note without errors");
	p = load("instruments", "/>", "instrument;eintritte;ausgaben_ist\n"
	    "FbW;10;900\n", &d);
	t = p != NULL ? plan_table(p, "t") : NULL;
	report(t != NULL && t->actuals && t->year_eintritte ==
	    table_field(t, "eintritte_ist") && t->year_mittel ==
	    table_field(t, "ausgaben_ist") && t->budget_row == NULL,
	    "an Ist figure makes the Ist the year's", "not so");
	done(p, &d, "instruments plan with an Ist figure without errors");
}

static void
test_distribution(void)
{
	struct diags d;
	struct plan *p = load("distribution", "/>",
	    "merkmal;anzahl;vorjahr;davon;id;anteil;art\n"
	    "marktnah;562;600;;mn;13,5;\n"
	    "Nicht marktnah;2.294;2.200;;;;\n"
	    "davon U25;300;;nicht-marktnah;;;\n"
	    "Rest;1.322;;;;;\n"
	    "Summe;4178;;;;;summe\n", &d);

	expect(p, "t.mn.anteil", "13.5", "13,5 %");
	expect(p, "t.nicht-marktnah.anteil", "54.9", "54,9 %");
	expect(p, "t.davon-u25.anteil", "7.2", "7,2 %");
	expect(p, "t.mn.veraenderung", "-38", "\xE2\x88\x92" "38");
	expect(p, "t.mn.veraenderung_prozent", "-6.3", "\xE2\x88\x92" "6,3 %");
	expect(p, "t.gesamt.anzahl", "4178", "4.178");
	expect(p, "t.gesamt.anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.vorjahr", "2800", "2.800");
	done(p, &d, "distribution plan without errors");

	p = load("distribution", "/>", "merkmal;anteil\n1 Person;54,2\n"
	    "2 Personen;18,7\n3;11,6\n4;8,2\n5+;7,3\n", &d);
	expect(p, "t.gesamt.anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.anzahl", "", "\xE2\x80\x93");
	done(p, &d, "shares without counts add up");
}

/* darunter rows (input-format.md, version 2): shares of their base row,
 * never summed; decimals="2"; a shares-only table's count of the whole. */
static void
test_darunter(void)
{
	struct diags d;
	struct plan *p = load("distribution", "decimals=\"2\"/>",
	    "id;merkmal;anzahl;anteil;davon;darunter\n"
	    "alle;Alle;2.000;;;\n"
	    "sgb2;SGB II;1.487;;alle;\n"
	    "m;Männer;836;;;sgb2\n"
	    "u25;Unter 25;128;8,6;;sgb2\n"
	    "rest;Rest;500;;;\n", &d);

	/* 836 / 1.487 = 56,2206 %; 128 / 1.487 = 8,6079 % (typed 8,6) */
	expect(p, "t.m.anteil", "56.22", "56,22 %");
	expect(p, "t.u25.anteil", "8.61", "8,61 %");
	/* 2.000 + 500: neither davon nor darunter rows are added */
	expect(p, "t.gesamt.anzahl", "2500", "2.500");
	expect(p, "t.gesamt.anteil", "100.00", "100,00 %");
	expect(p, "t.alle.anteil", "80.00", "80,00 %");
	expect(p, "t.sgb2.anteil", "59.48", "59,48 %");
	done(p, &d, "darunter rows with counts, decimals 2");

	p = load("distribution", "/>",
	    "id;merkmal;anteil;anzahl;darunter;art\n"
	    "m;Männer;56,2;;;\n"
	    "f;Frauen;43,8;;;\n"
	    "lz;Langzeit;40,3;;m;\n"
	    "ges;Insgesamt;;1.487;;summe\n", &d);
	/* 56,2 + 43,8 = 100: the darunter share is not part of it */
	expect(p, "t.gesamt.anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.anzahl", "1487", "1.487");
	expect(p, "t.lz.anteil", "40.3", "40,3 %");
	done(p, &d, "shares only: darunter shares apart, the whole's count");
}

/* darunter rows stand under their base row in file order, wherever the
 * file has them, marked as such in the tree. */
static void
test_darunter_tree(void)
{
	struct diags d;
	struct plan *p = load("distribution", "/>",
	    "id;merkmal;anzahl;darunter\n"
	    "a;A;100;\nb;B;50;\nb1;B eins;10;b\na1;A eins;60;a\n"
	    "a2;A zwei;70;a\n", &d);
	struct doc_node *root = doc_node_new(DOC_DOCUMENT);
	const char *want[] = { "A", "A eins", "A zwei", "B", "B eins",
	    "Summe" };
	const unsigned flag[] = { 0, DOC_ROW_DARUNTER, DOC_ROW_DARUNTER, 0,
	    DOC_ROW_DARUNTER, DOC_ROW_TOTAL };
	size_t k = 0;
	bool ok = p != NULL;

	if (p != NULL)
		doctable_insert(root, plan_table(p, "t"), NULL);
	for (const struct doc_node *r = root->first != NULL ?
	    root->first->first : NULL; ok && r != NULL; r = r->next) {
		if (r->type != DOC_ROW || (r->flags & DOC_ROW_HEAD))
			continue;
		ok = k < 6 && strcmp(r->first->text, want[k]) == 0 &&
		    (r->flags & (DOC_ROW_DARUNTER | DOC_ROW_TOTAL |
		    DOC_ROW_DAVON)) == flag[k] &&
		    r->level == (flag[k] == DOC_ROW_DARUNTER);
		k++;
	}
	report(ok && k == 6, "darunter rows under their base, in file order",
	    "row %zu differs", k);
	/* 60 + 70 > 100 is no error: subsets overlap */
	expect(p, "t.gesamt.anzahl", "150", "150");
	expect(p, "t.a2.anteil", "70.0", "70,0 %");
	doc_node_free(root);
	done(p, &d, "overlapping darunter rows without errors");
}

/* budget="b.egt": the budget row instruments are measured against. */
static void
test_budget_row(void)
{
	struct diags d;
	struct plan *p;

	load_budget = "position;id;betrag;art\n"
	    "EGT;egt;1.000.000;basis\nAbgabe;ab;200.000;abgang\n"
	    "Budget;budget;;summe\n";
	p = load("instruments", "budget=\"b.egt\" decimals=\"0\"/>",
	    "instrument;id;mittel_neufall\nFbW;fbw;250.000\n", &d);
	/* 250.000 / 1.000.000, not / 800.000 (the summe row: 31,25 %) */
	expect(p, "t.fbw.anteil_budget", "25", "25 %");
	expect(p, "t.plan.reserve", "750000.00", "750.000 €");
	done(p, &d, "an explicit budget row");
	p = load("instruments", "budget=\"b\"/>",
	    "instrument;id;mittel_neufall\nFbW;fbw;250.000\n", &d);
	/* 250.000 / 800.000 = 31,25 %: half away from zero */
	expect(p, "t.fbw.anteil_budget", "31.3", "31,3 %");
	expect(p, "t.plan.reserve", "550000.00", "550.000 €");
	done(p, &d, "budget=\"b\": the last summe row (800.000)");
	load_budget = NULL;
}

static void
test_targets(void)
{
	struct diags d;
	struct plan *p = load("targets", "/>",
	    "kennzahl;id;typ;ist_vorjahr;veraenderung;veraenderung_punkte;"
	    "zaehler;nenner;zielwert;teil_von;richtung;ist\n"
	    "LZB;lzb;bestand;2.155;4,5;;;;;;niedrig;2.200\n"
	    "IQ;iq;quote;;;;;;22,4;;;22,0\n"
	    "IQ ohne;iqo;quote;23,0;1,5;;4.669;20.000;;iq;;\n"
	    "IQ Flucht;iqf;quote;;;;260;2.003;;iq;;\n"
	    "Quote;q;quote;28,8;;0,2;;;;;;\n"
	    "K1;k1;summe;1.000.000;-2,5;;;;;;niedrig;\n", &d);

	expect(p, "t.lzb.zielwert", "2252", "2.252");
	expect(p, "t.lzb.abweichung", "-52", "\xE2\x88\x92" "52");
	expect(p, "t.lzb.zielerreichung", "102.4", "102,4 %");
	expect(p, "t.iq.zielwert", "22.4", "22,4 %");
	expect(p, "t.iq.abweichung", "-0.4", "\xE2\x88\x92" "0,4 %-Pkt.");
	expect(p, "t.iq.zielerreichung", "98.2", "98,2 %");
	expect(p, "t.iqo.zielwert", "23.3", "23,3 %");
	expect(p, "t.iqf.zielwert", "13.0", "13,0 %");
	expect(p, "t.q.zielwert", "29.0", "29,0 %");
	expect(p, "t.k1.zielwert", "975000.00", "975.000 €");
	done(p, &d, "targets plan without errors");
}

static void
test_series(void)
{
	struct diags d;
	struct plan *p = load("series", "/>",
	    "kennzahl;jahr;wert;einheit\n"
	    "LZB;2018;7.526;\nLZB;2019;7.338;\n"
	    "IQ;2017;23,5;%\nIQ;2018;24,5;%\nIQ;2019;24,2;%\n"
	    "K1;2018;1.000.000,50;€\nK1;2019;900.000;€\n", &d);

	expect(p, "t.lzb-2019.veraenderung", "-188", "\xE2\x88\x92" "188");
	expect(p, "t.lzb-2019.veraenderung_prozent", "-2.5",
	    "\xE2\x88\x92" "2,5 %");
	expect(p, "t.lzb-2018.veraenderung", "", "\xE2\x80\x93");
	expect(p, "t.iq-2018.veraenderung", "1.0", "+1,0 %-Pkt.");
	expect(p, "t.iq-2019.veraenderung", "-0.3", "\xE2\x88\x92"
	    "0,3 %-Pkt.");
	expect(p, "t.iq-2019.veraenderung_prozent", "", "\xE2\x80\x93");
	expect(p, "t.k1-2019.veraenderung", "-100000.50",
	    "\xE2\x88\x92" "100.000,50 €");
	expect(p, "t.k1-2019.veraenderung_prozent", "-10.0",
	    "\xE2\x88\x92" "10,0 %");
	done(p, &d, "series plan without errors");
}

static void
test_table(void)
{
	struct diags d;
	struct plan *p = load("table", "group-by=\"bereich\">"
	    "<column name=\"bereich\"/><column name=\"stelle\"/>"
	    "<column name=\"vze\" type=\"number\" total=\"yes\" share=\"yes\"/>"
	    "<column name=\"frauen\" type=\"count\" part-of=\"kinder\"/>"
	    "<column name=\"kinder\" type=\"count\" total=\"yes\"/>"
	    "</table>",
	    "bereich;stelle;vze;kinder;frauen;art\n"
	    "Kommune;Kommunal;12,5;10;4;\n"
	    "BA;BA-Stelle;65;20;20;\n"
	    "BA;Projekt;4,25;;;\n"
	    "BA;;69,25;;;summe\n"
	    ";;81,75;30;;gesamt\n", &d);

	expect(p, "t.kommunal.vze_anteil", "15.3", "15,3 %");
	expect(p, "t.gesamt.vze", "81.75", "81,75");
	expect(p, "t.ba.vze", "69.25", "69,25");
	expect(p, "t.ba.vze_anteil", "84.7", "84,7 %");
	expect(p, "t.gesamt.vze_anteil", "100.0", "100,0 %");
	expect(p, "t.gesamt.kinder", "30", "30");
	expect(p, "t.gesamt.frauen", "", "\xE2\x80\x93");
	done(p, &d, "table plan without errors");
}

/* The ticks of a chart of field x of table t, joined by blanks; the place
 * of its first datum in *frac. */
static char *
chart_ticks(const struct plan *p, const char *kind, double *frac)
{
	struct doc_node *root = doc_node_new(DOC_SECTION), *c;
	struct buf b;

	buf_init(&b);
	*frac = -1;
	if (p != NULL) {
		chart_build(root, plan_table(p, "t"), "x", kind);
		c = root->first;
		for (const struct doc_node *n = c->first; n != NULL; n = n->next)
			if (n->type == DOC_TICK)
				buf_printf(&b, "%s%s", b.len > 0 ? " " : "", n->text);
		if (c->first != NULL && c->first->first != NULL)
			*frac = c->first->first->frac;
	}
	doc_node_free(root);
	return buf_detach(&b);
}

/* Charts and computations at the limits of the input. */
static void
test_limits(void)
{
	const char *cols = "><column name=\"name\"/><column name=\"x\" "
	    "type=\"number\"/></table>";
	struct diags d;
	struct plan *p = load("table", cols, "name;x\nA;999.999.999.999.999\n"
	    "B;-999.999.999.999.999\nC;0,000001\n", &d);
	double frac;
	char *s = chart_ticks(p, "bar", &frac);

	eq_str("chart ticks of 15 digits beside six decimals", s,
	    "\xE2\x88\x92" "1.000.000.000.000.000 \xE2\x88\x92"
	    "500.000.000.000.000 0 500.000.000.000.000 1.000.000.000.000.000");
	report(frac > 0.999 && frac <= 1, "chart place of 10^15 at the limit",
	    "%g", frac);
	free(s);
	done(p, &d, "a table of 15 digits beside six decimals");
	p = load("table", cols, "name;x\nA;999.999.999.999.999\nC;0,000001\n",
	    &d);
	s = chart_ticks(p, "pie", &frac);
	report(frac > 0.999 && frac <= 1, "pie share of 10^15 beside 10^-6",
	    "%g", frac);
	free(s);
	done(p, &d, "a pie of 15 digits beside six decimals");
	p = load("table", "><column name=\"name\"/><column name=\"x\" "
	    "type=\"number\" share=\"yes\"/></table>", "name;x\n"
	    "A;999.999.999\nC;0,000001\n", &d);
	expect(p, "t.a.x_anteil", "100.0", "100,0 %");
	expect(p, "t.c.x_anteil", "0.0", "0,0 %");
	done(p, &d, "shares of 999.999.999 beside 0,000001");
	p = load("table", "><column name=\"name\"/><column name=\"x\" "
	    "type=\"money\"/></table>", "name;x\nA;999.999.999.999,99\n"
	    "B;-999.999.999.999,99\n", &d);
	s = chart_ticks(p, "bar", &frac);
	eq_str("chart ticks of the largest amounts", s, "\xE2\x88\x92"
	    "1.000.000.000.000 \xE2\x88\x92" "500.000.000.000 0 "
	    "500.000.000.000 1.000.000.000.000");
	free(s);
	done(p, &d, "a table of the largest amounts");
	p = load("distribution", "/>", "merkmal;anzahl;vorjahr\n"
	    "A;999.999.999;1\n", &d);
	expect(p, "t.a.veraenderung_prozent", "99999999800.0",
	    "+99.999.999.800,0 %");
	done(p, &d, "a change of 999.999.999 over 1");
	p = load("targets", "/>", "kennzahl;id;typ;zaehler;nenner;ist_vorjahr;"
	    "veraenderung\nQ;q;quote;0,000001;999.999.999.999.999;;\n"
	    "S;s;summe;;;999.999.999.999,99;-99,999999\n", &d);
	expect(p, "t.q.zielwert", "0.0", "0,0 %");
	expect(p, "t.s.zielwert", "10000.00", "10.000 €");
	done(p, &d, "targets at the limits");
}

static void	test_chart_pie_contrast(void);
static void	test_drawn_once(void);

static void
test_computations(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/gen-unit-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		report(false, "computations", "no temporary folder");
		return;
	}
	test_budget();
	test_instruments();
	test_year_figures();
	test_distribution();
	test_darunter();
	test_darunter_tree();
	test_budget_row();
	test_targets();
	test_series();
	test_table();
	test_limits();
	test_chart_pie_contrast();
	test_drawn_once();
	{
		const char *files[] = { "plan.xml", "b.csv", "t.csv", "r.csv" };

		for (size_t i = 0; i < 4; i++) {
			char *path = xasprintf("%s/%s", tmpdir, files[i]);

			unlink(path);
			free(path);
		}
		rmdir(tmpdir);
	}
}

/* --- layout, without a PDF --- */

/* Every character half as wide as the font is large. */
static double
fake_width(void *ctx, enum lay_font f, double size, const char *s, size_t len)
{
	size_t chars = 0;

	(void)ctx;
	(void)f;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return (double)chars * size / 2;
}

static const struct measure fake = { .width = fake_width };

static void
expect_lines(const char *name, const char *text, double width,
    struct hyph *h, const char *const *want)
{
	size_t n, k = 0;
	char **lines = layout_break_text(text, width, 10, &fake, h, &n);
	struct buf got;

	buf_init(&got);
	for (size_t i = 0; i < n; i++)
		buf_printf(&got, "%s|", lines[i]);
	while (want[k] != NULL && k < n && strcmp(want[k], lines[k]) == 0)
		k++;
	report(want[k] == NULL && k == n, name, "got %s", got.s);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	buf_free(&got);
}

static struct doc *
small_doc(void)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->title = xstrdup("Titel");
	d->report = xstrdup("Bericht");
	d->jobcenter = xstrdup("Jobcenter");
	d->root = doc_node_new(DOC_DOCUMENT);
	return d;
}

static struct doc_node *
add_section(struct doc_node *parent, const char *title, const char *id)
{
	struct doc_node *s = doc_add(parent, DOC_SECTION, title);

	s->number = xstrdup("1.");
	s->id = xstrdup(id);
	s->level = 1;
	return s;
}

/* The HTML writer drops an address the reader would have refused. */
static void
test_html_links(void)
{
	struct doc *d = small_doc();
	struct doc_node *p = doc_add(add_section(d->root, "Eins", "eins"),
	    DOC_PARAGRAPH, NULL), *a;
	struct template *tpl;
	struct diags dg;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	diags_init(&dg);
	tpl = template_load("templates/amip", REPORT_AMIP, &dg);
	if (tpl == NULL) {
		report(false, "html: links", "templates/amip does not load");
		doc_free(d);
		diags_free(&dg);
		return;
	}
	a = doc_add(p, DOC_LINK, NULL);
	a->id = xstrdup("javascript:alert(1)");
	doc_add(a, DOC_TEXT, "böse");
	a = doc_add(p, DOC_LINK, NULL);
	a->id = xstrdup("https://example.org/");
	doc_add(a, DOC_TEXT, "gut");
	fp = open_memstream(&out, &len);
	html_write(fp, d, tpl);
	fclose(fp);
	report(strstr(out, "javascript") == NULL && strstr(out, "<a>böse</a>"),
	    "html: a javascript: address is dropped", "written");
	report(strstr(out, "<a href=\"https://example.org/\">gut</a>") != NULL,
	    "html: an https: address is kept", "dropped");
	free(out);
	template_free(tpl);
	doc_free(d);
	diags_free(&dg);
}

/* Whether item it reads text: a line but the last ends in a blank
 * (for readers of the PDF, S_mark_breaks). */
static bool
reads(const struct lay_item *it, const char *text)
{
	size_t n = strlen(text);

	return it->type == LI_TEXT && strncmp(it->text, text, n) == 0 &&
	    (it->text[n] == '\0' || strcmp(it->text + n, " ") == 0);
}

static int
page_of_text(const struct layout *l, const char *text)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++)
			if (reads(&l->pages[p].items[i], text))
				return (int)p;
	return -1;
}

/* With n one-line paragraphs before it, the heading "B" and the first
 * line after it share a page; true if the heading had to move. */
static bool
heading_case(int n, bool *together)
{
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a"), *b;
	struct lay_params p;
	struct layout *l;
	bool moved;
	int pb, pf, pl;

	for (int i = 0; i < n; i++)
		doc_add(doc_add(a, DOC_PARAGRAPH, NULL), DOC_TEXT, "Fuellzeile");
	b = add_section(d->root, "B", "b");
	doc_add(doc_add(b, DOC_PARAGRAPH, NULL), DOC_TEXT, "Erste Zeile nach B");
	layout_defaults(&p);
	l = layout_build(d, &fake, NULL, &p);
	pb = l->anchors[1].page;
	pf = page_of_text(l, "Erste Zeile nach B");
	pl = -1;	/* the page of the last filler line */
	for (size_t k = l->npages; k-- > 0 && pl < 0; )
		for (size_t i = 0; i < l->pages[k].n && pl < 0; i++)
			if (l->pages[k].items[i].type == LI_TEXT &&
			    strcmp(l->pages[k].items[i].text, "Fuellzeile") == 0)
				pl = (int)k;
	*together = pb == pf;
	moved = pb > pl;
	layout_free(l);
	doc_free(d);
	return moved;
}

/* Links find their anchor by id, the first of an id where two share
 * one (the anchors are looked up in a hash table, not one by one). */
static void
test_anchor_lookup(void)
{
	struct doc *d = small_doc();
	struct doc_node *para, *link;
	struct lay_params p;
	struct layout *l;
	bool right = true;
	int links = 0;

	add_section(d->root, "A", "a");
	for (int i = 0; i < 500; i++) {
		char *id = xasprintf("s%d", i);

		add_section(d->root, "S", id);
		free(id);
	}
	add_section(d->root, "A again", "a");
	para = doc_add(d->root->last, DOC_PARAGRAPH, NULL);
	for (int i = 0; i < 500; i += 7) {
		link = doc_add(para, DOC_LINK, NULL);
		link->id = xasprintf("#s%d", i);
		doc_add(link, DOC_TEXT, "Link ");
	}
	link = doc_add(para, DOC_LINK, NULL);
	link->id = xstrdup("#a");
	doc_add(link, DOC_TEXT, "A");
	layout_defaults(&p);
	l = layout_build(d, &fake, NULL, &p);
	for (size_t k = 0; k < l->npages; k++)
		for (size_t i = 0; i < l->pages[k].n; i++) {
			const struct lay_item *it = &l->pages[k].items[i];

			if (it->type != LI_LINK)
				continue;
			links++;
			right &= it->target >= 0 && strcmp(l->anchors[it->target].id,
			    it->text + 1) == 0 && (strcmp(it->text, "#a") != 0 ||
			    it->target == 0);
		}
	report(right && links == 73, "links find their anchor, the first of an id",
	    "%d links", links);
	layout_free(l);
	doc_free(d);
}

/* A document of n sections of k lines each, with a contents list. */
static struct layout *
toc_layout(int n, int k)
{
	struct doc *d = small_doc();
	struct doc_node *toc = doc_add(d->root, DOC_TOC, "Inhalt");
	struct lay_params p;
	struct layout *l;

	toc->min_pages = 4;

	for (int i = 0; i < n; i++) {
		char *id = xasprintf("s%d", i);
		struct doc_node *s = add_section(d->root, "Kapitel", id),
		    *e = doc_add(toc, DOC_TOC_ENTRY, "Kapitel");

		e->number = xstrdup("1.");
		e->id = xstrdup(id);
		e->level = 1;
		for (int j = 0; j < k; j++)
			doc_add(doc_add(s, DOC_PARAGRAPH, NULL), DOC_TEXT, "Zeile");
		free(id);
	}
	layout_defaults(&p);
	l = layout_build(d, &fake, NULL, &p);
	doc_free(d);
	return l;
}

/* No contents page below four pages; above, every entry has its dot
 * leader and the page its chapter starts on, and the body follows the
 * contents. */
static void
test_layout_toc(void)
{
	struct layout *l = toc_layout(2, 10);
	int leaders = 0, numbers = 0;
	bool right = true;

	report(l->npages == 2 && page_of_text(l, "Inhalt") < 0,
	    "a document of two pages has no contents page", "%zu pages, "
	    "contents on page %d", l->npages, page_of_text(l, "Inhalt"));
	layout_free(l);
	l = toc_layout(6, 60);
	for (size_t i = 0; i < l->pages[1].n; i++) {
		const struct lay_item *it = &l->pages[1].items[i];

		leaders += it->type == LI_LINE && it->dash == 2;
		if (it->type == LI_TEXT && it->right && it->size == l->p.font_size) {
			int want = l->anchors[numbers].page + 1;

			right &= atoi(it->text) == want && want > 2;
			numbers++;
		}
	}
	report(page_of_text(l, "Inhalt") == 1 && leaders == 6 && numbers == 6 &&
	    right, "contents with dot leaders and the pages of the chapters",
	    "page %d, %d leaders, %d page numbers", page_of_text(l, "Inhalt"),
	    leaders, numbers);
	layout_free(l);
}

/* An item outside the page box, or NULL. */
static const struct lay_item *
outside(const struct layout *l, size_t *page)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++) {
			const struct lay_item *it = &l->pages[p].items[i];
			bool turned = l->pages[p].landscape;
			double W = turned ? l->p.page_h : l->p.page_w;
			double H = turned ? l->p.page_w : l->p.page_h;
			double w = it->type == LI_TEXT ? fake_width(NULL, it->font,
			    it->size, it->text, strlen(it->text)) : 0;
			bool out = it->x < 0 || it->y < 0 || it->y > H ||
			    (!it->right && it->x + w > W + 0.5);

			for (int k = 0; k < it->npts; k++)
				out |= it->pts[2 * k] < 0 || it->pts[2 * k] > W ||
				    it->pts[2 * k + 1] < 0 || it->pts[2 * k + 1] > H;
			if (it->type == LI_RECT)
				out |= it->y + it->h > H || it->x + it->w > W + 0.5;
			if (out) {
				*page = p;
				return it;
			}
		}
	return NULL;
}

/* s without the isolate marks the layout puts around figures (U+2066,
 * U+2069), which the PDF draws as nothing.  Caller frees. */
static char *
unmarked(const char *s)
{
	char *t = xstrdup(s), *w = t;

	for (const char *r = s; *r != '\0'; )
		if (strncmp(r, "\xE2\x81\xA6", 3) == 0 ||
		    strncmp(r, "\xE2\x81\xA9", 3) == 0)
			r += 3;
		else
			*w++ = *r++;
	*w = '\0';
	return t;
}

/* How many text items of the layout read text. */
static int
count_text(const struct layout *l, const char *text)
{
	int n = 0;

	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++) {
			const struct lay_item *it = &l->pages[p].items[i];
			char *t;

			if (it->type != LI_TEXT)
				continue;
			t = unmarked(it->text);
			n += strstr(t, text) != NULL;
			free(t);
		}
	return n;
}

static void
add_chart(struct doc_node *parent, unsigned kind, int n)
{
	struct doc_node *c = doc_add(parent, DOC_CHART, "Diagramm"), *s;

	c->flags = kind;
	s = doc_add(c, DOC_SERIES, "Reihe");
	for (int i = 0; i < n; i++) {
		char label[32], value[32];
		struct doc_node *d;

		snprintf(label, sizeof(label), "J%d", i);
		snprintf(value, sizeof(value), "v%d", i);
		d = doc_add(s, DOC_DATUM, value);
		d->source = xstrdup(label);
		d->frac = kind == DOC_CHART_PIE ? 1.0 / n : (double)i / n;
		d->level = i;
		d->place = (i + 0.5) / n;
		d->flags |= DOC_AXIS_LABEL | DOC_AXIS_NAME;
	}
	c->level = n;
	doc_add(c, DOC_TICK, "0")->frac = 0;
	doc_add(c, DOC_TICK, "100")->frac = 1;
}

/* ncol columns with heads of words words each, rows rows. */
static void
add_table(struct doc_node *parent, int ncol, int words, int rows,
    const char *first)
{
	struct doc_node *t = doc_add(parent, DOC_TABLE, "Tabelle");

	for (int r = 0; r <= rows; r++) {
		struct doc_node *row = doc_add(t, DOC_ROW, NULL);

		row->flags = r == 0 ? DOC_ROW_HEAD : 0;
		for (int j = 0; j < ncol; j++) {
			struct buf b;
			struct doc_node *x;

			buf_init(&b);
			if (r == 0)
				for (int k = 0; k < words; k++)
					buf_printf(&b, "%sKopf%d", k ? " " : "", j);
			else if (j == 0)
				buf_printf(&b, "%s%d", first, r);
			else
				buf_printf(&b, "c%d.%d", r, j);
			x = doc_add(row, DOC_CELL, b.s);
			x->flags = j > 0 ? DOC_CELL_NUM : 0;
			buf_free(&b);
		}
	}
}

/* text_wrap's measure for tests: one unit a character. */
static double
wrap_chars(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	return (double)utf8_count(s, len);
}

static void
wrap_line(void *ctx, const char *s, size_t len, int n)
{
	(void)n;
	buf_add(ctx, s, len);
	buf_putc(ctx, '|');
}

/* --- line breaking and keep rules of the print layout --- */

/* The first page a text item containing text stands on, -1 if none. */
static int
page_with(const struct layout *l, const char *text)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++)
			if (l->pages[p].items[i].type == LI_TEXT &&
			    strstr(l->pages[p].items[i].text, text) != NULL)
				return (int)p;
	return -1;
}

/* Whether some text item on page p (all pages: -1), in bold if bold,
 * ends in a hyphen. */
static bool
hyphenated(const struct layout *l, int p, bool bold)
{
	for (size_t k = 0; k < l->npages; k++)
		for (size_t i = 0; i < l->pages[k].n && (p < 0 ||
		    (int)k == p); i++) {
			const struct lay_item *it = &l->pages[k].items[i];
			size_t n = it->type == LI_TEXT ? strlen(it->text) : 0;

			/* a hyphen the break added is a soft one */
			if (n > 1 && (it->text[n - 1] == '-' || (n > 2 &&
			    strcmp(it->text + n - 2, "\xC2\xAD") == 0)) &&
			    (!bold || it->font == LF_BOLD))
				return true;
		}
	return false;
}

static struct doc_node *
add_para(struct doc_node *parent, const char *text)
{
	return doc_add(doc_add(parent, DOC_PARAGRAPH, NULL), DOC_TEXT, text);
}

/* A table of rows body rows labelled "Zeile1".., body row total (1..)
 * the total, 0 none. */
static void
add_numbered_rows(struct doc_node *parent, int rows, int total)
{
	struct doc_node *t = doc_add(parent, DOC_TABLE, "Tabellentitel");

	for (int r = 0; r <= rows; r++) {
		struct doc_node *row = doc_add(t, DOC_ROW, NULL);
		char label[32];

		snprintf(label, sizeof(label), r == 0 ? "Merkmal" : "Zeile%d|",
		    r);
		row->flags = r == 0 ? DOC_ROW_HEAD : r == total ?
		    DOC_ROW_TOTAL : 0;
		doc_add(row, DOC_CELL, label);
		doc_add(row, DOC_CELL, r == 0 ? "Anzahl" : "12")->flags =
		    DOC_CELL_NUM;
	}
}

static int
row_page(const struct layout *l, int r)
{
	char label[32];

	snprintf(label, sizeof(label), "Zeile%d|", r);
	return page_with(l, label);
}

/* n filler lines, then what add puts; the layout. */
static struct layout *
keep_case(int n, void (*add)(struct doc_node *), struct hyph *h)
{
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a");
	struct lay_params p;
	struct layout *l;

	for (int i = 0; i < n; i++)
		add_para(a, "Fuellzeile");
	add(a);
	layout_defaults(&p);
	l = layout_build(d, &fake, h, &p);
	doc_free(d);
	return l;
}

static void add_short(struct doc_node *a) { add_numbered_rows(a, 8, 8); }
static void add_long(struct doc_node *a) { add_numbered_rows(a, 20, 15); }
static void
add_colon(struct doc_node *a)
{
	add_para(a, "Die Zahlen im Einzelnen:");
	add_numbered_rows(a, 20, 0);
}
static void add_bars(struct doc_node *a) { add_chart(a, DOC_CHART_BAR, 8); }

/* A chart that does not fit under n filler lines, text after it. */
static void
add_float(struct doc_node *a)
{
	add_chart(a, DOC_CHART_BAR, 12);
	for (int i = 0; i < 12; i++)
		add_para(a, i == 11 ? "Danach" : "Nachtext");
}

static void
test_layout_keep(void)
{
	bool short_whole = true, long_ok = true, total_ok = true, colon = true,
	    caption = true, chart_caption = true, floated = false,
	    order = true;
	int long_split = 0;

	for (int n = 20; n < 75; n++) {
		struct layout *l = keep_case(n, add_short, NULL);

		for (int r = 2; r <= 8; r++)
			short_whole &= row_page(l, r) == row_page(l, 1);
		short_whole &= page_with(l, "Tabellentitel") == row_page(l, 1);
		layout_free(l);
		l = keep_case(n, add_long, NULL);
		{
			int first = row_page(l, 1), last = row_page(l, 20), a = 0,
			    b = 0;

			for (int r = 1; r <= 20; r++) {
				a += row_page(l, r) == first;
				b += row_page(l, r) == last;
			}
			long_split += first != last;
			long_ok &= first == last || (a >= 3 && b >= 3);
			total_ok &= row_page(l, 15) == row_page(l, 14) &&
			    row_page(l, 15) == row_page(l, 13);
			caption &= page_with(l, "Tabellentitel") == first;
		}
		layout_free(l);
		l = keep_case(n, add_colon, NULL);
		colon &= page_with(l, "Einzelnen:") == page_with(l,
		    "Tabellentitel") && page_with(l, "Tabellentitel") ==
		    row_page(l, 1);
		layout_free(l);
		l = keep_case(n, add_bars, NULL);
		chart_caption &= page_with(l, "Diagramm") == page_with(l, "J0");
		layout_free(l);
	}
	report(short_whole, "layout: a table of 8 rows is never split",
	    "split");
	report(long_split > 0 && long_ok,
	    "layout: a split leaves 3 rows or more on either side",
	    "%d splits", long_split);
	report(total_ok, "layout: the total stays with the two rows before it",
	    "separated");
	report(colon, "layout: a paragraph ending in a colon stays with its table",
	    "separated");
	report(caption && chart_caption,
	    "layout: captions stay with their table and chart", "separated");
	for (int n = 25; n < 60; n++) {
		struct layout *l = keep_case(n, add_float, NULL);
		int chart = page_with(l, "Diagramm");

		/* A page before the chart holds text from after it. */
		floated |= page_with(l, "Nachtext") < chart;
		order &= page_with(l, "Danach") >= page_with(l, "Nachtext") &&
		    chart == page_with(l, "J11");
		layout_free(l);
	}
	report(floated && order,
	    "layout: text after a chart fills the gap the chart leaves",
	    floated ? "order broken" : "never filled");
}

/* The cover title at 26 pt (13 pt a character here, 34 a line). */
static struct layout *
cover_case(const char *title, struct hyph *h)
{
	struct doc *d = small_doc();
	struct lay_params p;
	struct layout *l;

	free(d->title);
	d->title = xstrdup(title);
	layout_defaults(&p);
	l = layout_build(d, &fake, h, &p);
	doc_free(d);
	return l;
}

static void
add_heading_long(struct doc_node *a)
{
	struct doc_node *s = doc_add(a, DOC_SECTION, "Förderung der "
	    "Eingliederungszuschüsse Eingliederungszuschüsse");

	s->number = xstrdup("1.1.");
	s->id = xstrdup("b");
	s->level = 1;
	add_para(s, "Text");
}

static void
add_figure_dot(struct doc_node *a)
{
	struct doc_node *p = doc_add(a, DOC_PARAGRAPH, NULL);
	char text[128];

	/* 81 characters, a blank, the figure: the line (93 characters)
	 * is full. */
	memset(text, 'x', 81);
	text[81] = ' ';
	text[82] = '\0';
	memcpy(text, "Das ", 4);
	doc_add(p, DOC_TEXT, text);
	doc_add(p, DOC_FIGURE, "3.254.546 \xE2\x82\xAC");
	doc_add(p, DOC_TEXT, ". Weiter im Text.");
}

/* Number columns whose heads are wider than their numbers, beside a
 * label column of long text (as "Ist Vorjahr" over "28,8 %"). */
static void
add_long_heads(struct doc_node *a)
{
	static const char *const head[] = { "Kennzahl", "Ist Vorjahr",
	    "Veränderung", "Veränderung (Pkt.)", "Zielwert", "Ist Vorjahr" };
	struct doc_node *t = doc_add(a, DOC_TABLE, "Tabellentitel");

	for (int r = 0; r < 4; r++) {
		struct doc_node *row = doc_add(t, DOC_ROW, NULL);

		row->flags = r == 0 ? DOC_ROW_HEAD : 0;
		for (int j = 0; j < 6; j++)
			doc_add(row, DOC_CELL, r == 0 ? head[j] : j == 0 ?
			    "Vermeidung Langzeitbezug (> 24 Monate) mit "
			    "Flüchtlingen und weitere Worte" : "28,8 %")->flags =
			    j > 0 ? DOC_CELL_NUM : 0;
	}
}

static void
test_layout_typo(void)
{
	struct hyph *h = hyph_open_for(HYPH_DICT,
	    "Eingliederungszuschüsse Integrationsprogramm Förderung Jahresbericht "
	    "Vorjahr Veränderung");
	struct layout *l;

	expect_lines("no break after \xC2\xA7", "Förderungen nach \xC2\xA7 16i",
	    95, NULL, (const char *[]){ "Förderungen nach",
	    "\xC2\xA7 16i", NULL });
	expect_lines("no break after \xC2\xA7\xC2\xA7",
	    "gemäß der \xC2\xA7\xC2\xA7 16 ff.",
	    65, NULL, (const char *[]){ "gemäß der",
	    "\xC2\xA7\xC2\xA7 16 ff.", NULL });
	expect_lines("no break inside SGB II", "Leistungen nach SGB II",
	    100, NULL, (const char *[]){ "Leistungen nach", "SGB II", NULL });
	expect_lines("no break inside SGB III", "Leistungen nach SGB III.",
	    100, NULL, (const char *[]){ "Leistungen nach", "SGB III.", NULL });
	expect_lines("no break inside ALG I", "Bezug von ALG I", 70, NULL,
	    (const char *[]){ "Bezug von", "ALG I", NULL });
	expect_lines("no break between a sign and its number",
	    "Veränderung um \xE2\x88\x92 5", 85, NULL, (const char *[]){
	    "Veränderung um", "\xE2\x88\x92 5", NULL });
	expect_lines("no break between a number and its unit",
	    "Kosten von 3.254 EUR", 85, NULL, (const char *[]){ "Kosten von",
	    "3.254 EUR", NULL });
	expect_lines("no break between a number and %", "Anteil von 16,7 %",
	    80, NULL, (const char *[]){ "Anteil von", "16,7 %", NULL });
	expect_lines("no break before punctuation", "Der Wert ist 5 .",
	    75, NULL, (const char *[]){ "Der Wert ist", "5 .", NULL });
	expect_lines("glued words wider than a line break as words",
	    "\xC2\xA7 Eingliederungszuschuesse", 50, NULL, (const char *[]){
	    "\xC2\xA7", "Einglieder", "ungszuschu", "esse", NULL });
	{
		char *t = text_nbsp("nach \xC2\xA7 16 SGB II, ALG I und 16,7 % "
		    "bei \xE2\x88\x92 5 im SGB des Jahres 2017 und  SGB III");

		eq_str("the web page keeps the same words together", t,
		    "nach \xC2\xA7\xC2\xA0" "16 SGB\xC2\xA0II, ALG\xC2\xA0I und "
		    "16,7\xC2\xA0% bei \xE2\x88\x92\xC2\xA0" "5 im SGB des Jahres "
		    "2017 und  SGB\xC2\xA0III");
		free(t);
		t = text_nbsp("(\xC2\xA7 1 Abs. 1) (SGB II) SGB II-Bezug "
		    "II/SGB II ALG I-Bezug GSGB II");
		eq_str("no break after a bracket before \xC2\xA7 or SGB, nor in "
		    "SGB II-Bezug", t, "(\xC2\xA7\xC2\xA0" "1 Abs. 1) "
		    "(SGB\xC2\xA0II) SGB\xC2\xA0II-Bezug II/SGB\xC2\xA0II "
		    "ALG\xC2\xA0I-Bezug GSGB II");
		free(t);
	}
	{
		struct buf b;
		int n;

		buf_init(&b);
		n = text_wrap("  Hilfen nach \xC2\xA7 16i SGB II "
		    "Langzeitarbeitslosenprogramm ", 8, wrap_chars, wrap_line,
		    &b);
		eq_str("bar labels wrap at blanks, never inside a no-break "
		    "group, a long word alone", b.s, "Hilfen|nach|\xC2\xA7\xC2\xA0"
		    "16i|SGB\xC2\xA0II|Langzeitarbeitslosenprogramm|");
		report(n == 5, "text_wrap counts its lines", "%d", n);
		buf_free(&b);
	}
	l = keep_case(1, add_figure_dot, NULL);
	report(count_text(l, "\xE2\x82\xAC.") == 1,
	    "no line begins with the \".\" after a figure", "split");
	layout_free(l);
	l = keep_case(1, add_heading_long, h);
	report(!hyphenated(l, -1, false) &&
	    page_with(l, "Eingliederungszuschüsse") > 0,
	    "headings are not hyphenated", "hyphenated");
	layout_free(l);
	l = keep_case(1, add_long_heads, h);
	report(!hyphenated(l, -1, true), "table heads are not hyphenated",
	    "hyphenated");
	layout_free(l);
	l = cover_case("Arbeitsmarkt- und Integrationsprogramm 2017", h);
	report(!hyphenated(l, 0, false) &&
	    page_of_text(l, "Arbeitsmarkt- und") == 0 &&
	    page_of_text(l, "Integrationsprogramm 2017") == 0,
	    "the cover title is not hyphenated", "hyphenated");
	layout_free(l);
	l = cover_case("Jahresbericht über die Förderung der Arbeit 2017", h);
	report(page_of_text(l, "Jahresbericht über die") == 0 &&
	    page_of_text(l, "Förderung der Arbeit 2017") == 0,
	    "the cover title breaks balanced", "unbalanced");
	layout_free(l);
	hyph_close(h);
}

/* Whatever the content, layout_build ends, nothing lies outside the
 * page, and every datum and cell is on some page. */
static void
test_layout_bounds(void)
{
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a");
	struct lay_params p;
	struct layout *l;
	const struct lay_item *it;
	size_t page = 0;
	struct buf word;
	int missing = 0;

	buf_init(&word);
	for (int i = 0; i < 3000; i++)
		buf_printf(&word, "%c", 'a' + i % 26);
	add_chart(a, DOC_CHART_BAR, 80);
	add_chart(a, DOC_CHART_PIE, 90);
	add_chart(a, DOC_CHART_LINE, 150);
	add_table(a, 3, 200, 4, "z");	/* a head taller than a page */
	add_table(a, 70, 2, 3, "z");	/* too wide for the page */
	add_table(a, 6, 1, 3, word.s);	/* a word longer than a page */
	{	/* lists nested 100 deep */
		struct doc_node *list = doc_add(a, DOC_LIST, NULL);

		for (int i = 0; i < 100; i++) {
			struct doc_node *item = doc_add(list, DOC_ITEM, NULL);

			doc_add(item, DOC_TEXT, "Punkt mit etwas Text");
			list = doc_add(item, DOC_LIST, NULL);
		}
	}
	layout_defaults(&p);
	l = layout_build(d, &fake, NULL, &p);
	it = outside(l, &page);
	report(it == NULL, "layout: no item outside the page",
	    "page %zu: type %d at %.0f, %.0f: %s", page + 1,
	    it != NULL ? (int)it->type : 0, it != NULL ? it->x : 0,
	    it != NULL ? it->y : 0, it != NULL && it->text ? it->text : "");
	for (int i = 0; i < 80; i++) {
		char v[32];

		snprintf(v, sizeof(v), "J%d", i);
		missing += count_text(l, v) < 3;	/* bar, slice, axis */
	}
	for (int r = 1; r <= 3; r++)
		for (int j = 1; j < 70; j++) {
			char v[32];

			snprintf(v, sizeof(v), "c%d.%d", r, j);
			missing += count_text(l, v) == 0;
		}
	report(missing == 0, "layout: every bar, slice and column on a page",
	    "%d missing", missing);
	buf_free(&word);
	layout_free(l);
	doc_free(d);
}

/* A table of rows of cells; "|" separates cells, a leading "#" marks
 * the head row, "*" a group row; cells after the first are numbers. */
static struct doc_node *
add_rows(struct doc_node *parent, const char *const *rows)
{
	struct doc_node *t = doc_add(parent, DOC_TABLE, "Tabelle");

	for (; *rows != NULL; rows++) {
		struct doc_node *row = doc_add(t, DOC_ROW, NULL);
		const char *s = *rows;
		int j = 0;

		row->flags = *s == '#' ? DOC_ROW_HEAD : *s == '*' ?
		    DOC_ROW_GROUP : 0;
		s += *s == '#' || *s == '*';
		for (;; j++) {
			size_t n = strcspn(s, "|");
			char *cell = xstrndup(s, n);

			doc_add(row, DOC_CELL, cell)->flags = j > 0 ?
			    DOC_CELL_NUM : 0;
			free(cell);
			if (s[n] == '\0')
				break;
			s += n + 1;
		}
	}
	return t;
}

static const struct lay_item *
find_item(const struct layout *l, const char *text)
{
	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++)
			if (reads(&l->pages[p].items[i], text))
				return &l->pages[p].items[i];
	return NULL;
}

static double
right_end(const struct lay_item *it)
{
	return it->x + fake_width(NULL, it->font, it->size, it->text,
	    strlen(it->text));
}

/* Whether every page of the table stands turned, after the text before
 * it, and the text before and after it (which may move up to fill the
 * page) on upright pages; the number of parts into *parts. */
static bool
landscape_case(int ncol, double margin, int *parts)
{
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a");
	struct lay_params p;
	struct layout *l;
	bool right = true;
	int before, after, first = -1;

	doc_add(doc_add(a, DOC_PARAGRAPH, NULL), DOC_TEXT, "Davor");
	add_table(a, ncol, 1, 3, "z");
	doc_add(doc_add(a, DOC_PARAGRAPH, NULL), DOC_TEXT, "Danach");
	layout_defaults(&p);
	p.margin_top = p.margin_bottom = margin;
	l = layout_build(d, &fake, NULL, &p);
	before = page_of_text(l, "Davor");
	after = page_of_text(l, "Danach");
	for (size_t k = 0; k < l->npages; k++)
		for (size_t i = 0; i < l->pages[k].n; i++) {
			const struct lay_item *it = &l->pages[k].items[i];

			if (it->type != LI_TEXT || strncmp(it->text, "c1.", 3) != 0)
				continue;
			first = first < 0 ? (int)k : first;
			right &= l->pages[k].landscape && (int)k > before;
		}
	*parts = count_text(l, "(Teil 1 von");
	right &= first > before && before >= 0 && after >= 0 &&
	    !l->pages[before].landscape && !l->pages[after].landscape;
	layout_free(l);
	doc_free(d);
	return right;
}

/* A table too wide for the text column at 8 pt goes across a landscape
 * page of its own, in parts only if it is too wide for that too; not if
 * the template's margins leave a turned page too low. */
static void
test_layout_landscape(void)
{
	int parts;
	bool turned = landscape_case(18, 25 * 72 / 25.4, &parts);

	report(turned && parts == 0, "table: too wide upright, whole on a "
	    "landscape page", "turned %d, parts %d", turned, parts);
	turned = landscape_case(40, 25 * 72 / 25.4, &parts);
	report(turned && parts == 1, "table: too wide for a landscape page, "
	    "in parts on landscape pages", "turned %d, parts %d", turned,
	    parts);
	turned = landscape_case(18, 60 * 72 / 25.4, &parts);
	report(!turned && parts == 1, "table: margins too tall for a landscape "
	    "page, in parts upright", "turned %d, parts %d", turned, parts);
}

/* Column widths like CSS's automatic table layout, heads that break at
 * blanks only, the 8 pt floor, figures aligned on the decimal comma. */
static void
test_layout_tables(void)
{
	struct hyph *h = hyph_open_for(HYPH_DICT,
	    "Anteil Budget Vorjahr Anzahl Kinder");
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a"), *t;
	struct lay_params p;
	struct layout *l;
	const struct lay_item *x, *y;
	bool small = false, hyphen = false;
	int parts = 0, heads = 0;
	double gap;

	add_rows(a, (const char *const[]){
	    "#Instrument|Anteil am Budget|Ist Vorjahr|Anzahl der Kinder|Mittel",
	    "Förderung der beruflichen Weiterbildung von Arbeitslosen mit "
	    "Bildungsgutscheinen nach dem SGB III|16,7 %|164|12|3.310,98 €",
	    "speziell für Flüchtlinge|5,7 %|85|3|2.675 €", NULL });
	add_rows(a, (const char *const[]){ "#Merkmal|Anzahl", "männlich|43",
	    NULL });
	add_rows(a, (const char *const[]){ "#Kennzahl|Ist",
	    "Eintritte gesamt|Kalkulation auf Basis des Vorjahresvolumens "
	    "und der Planung der Agentur für Arbeit im Landkreis", NULL });
	add_rows(a, (const char *const[]){ "#Kennzahl|Eintritte", "AGH|1.554",
	    NULL });
	a->last->last->last->note = xstrdup("Kalkulation auf Basis des "
	    "Vorjahresvolumens");
	add_table(a, 30, 2, 3, "z");
	t = a->last;
	t->first->next->first->next->note = xstrdup("Anmerkung");
	layout_defaults(&p);
	l = layout_build(d, &fake, h, &p);
	for (size_t k = 0; k < l->npages; k++)
		for (size_t i = 0; i < l->pages[k].n; i++) {
			const struct lay_item *it = &l->pages[k].items[i];

			if (it->type != LI_TEXT)
				continue;
			small |= (strncmp(it->text, "Kopf", 4) == 0 ||
			    strncmp(it->text, "c1.", 3) == 0) && it->size < 8;
			small |= strcmp(it->text, "Anmerkung") == 0 &&
			    it->size < 7;
			hyphen |= it->font == LF_BOLD &&
			    it->text[strlen(it->text) - 1] == '-';
			parts += strstr(it->text, "(Teil 1 von") != NULL;
			heads += strcmp(it->text, "Kopf29") == 0 ||
			    strcmp(it->text, "Kopf29 Kopf29") == 0;
		}
	report(!hyphen && find_item(l, "Anteil am Budget") != NULL,
	    "table: a head breaks at blanks only, never hyphenated",
	    "a head hyphenated");
	x = find_item(l, "43");
	report(x != NULL && right_end(x) < p.margin_left +
	    (p.page_w - p.margin_left - p.margin_right) / 2,
	    "table: a narrow table takes its natural width", "at %.0f",
	    x != NULL ? right_end(x) : 0);
	report(!small && parts > 0 && heads > 0,
	    "table: none below 8 pt (notes 7 pt), a wide table in parts",
	    "small %d, parts %d, whole heads %d", small, parts, heads);
	x = find_item(l, "3.310,98 €");
	y = find_item(l, "2.675 €");
	/* ",98" is three characters of the fake font */
	gap = x != NULL && y != NULL ? right_end(x) - right_end(y) -
	    3 * x->size / 2 : 1;
	report(gap < 0.01 && gap > -0.01,
	    "table: figures align on the decimal comma",
	    "ends %.2f, %.2f", x != NULL ? right_end(x) : 0,
	    y != NULL ? right_end(y) : 0);
	report(find_item(l, "Eintritte gesamt") != NULL,
	    "table: a note in a number cell leaves the label its line",
	    "label broken");
	report(find_item(l, "\xC2\xB9") != NULL &&
	    find_item(l, "1.554\xC2\xA0\xC2\xB9") != NULL &&
	    count_text(l, "\xC2\xB9 Kalkulation auf Basis des Vorjahresvolumens")
	    == 2 && find_item(l, "Anmerkung") != NULL,
	    "table: a long note of a number cell goes under the table, "
	    "numbered; a short one stays", "not moved");
	report(find_item(l, "Anzahl der Kinder") != NULL &&
	    find_item(l, "Ist Vorjahr") != NULL &&
	    find_item(l, "speziell für Flüchtlinge") != NULL,
	    "table: short heads keep their line, the long label wraps",
	    "a short cell wrapped");
	layout_free(l);
	doc_free(d);
	hyph_close(h);
}

/* The left end of text item it as drawn by the fake measure. */
static double
item_left(const struct lay_item *it)
{
	double w = fake_width(NULL, it->font, it->size, it->text,
	    strlen(it->text));

	return it->right ? it->x - w : it->x;
}

/* A bar chart of n bars with long labels, through the fake measure: the
 * labels stand left of the axis, the grid and every bar, right-aligned;
 * the plot reaches to the values at the right of the text column; a page
 * the bars go on to repeats the axis. */
static void
test_chart_bars(void)
{
	struct doc *d = small_doc();
	struct doc_node *a = add_section(d->root, "A", "a"), *c, *s;
	struct lay_params p;
	struct layout *l;
	double x0, right;
	int clash = 0, bar_pages = 0, axis_pages = 0, wrapped = 0, over = 0;
	double grid_max = 0;

	c = doc_add(a, DOC_CHART, "Balken");
	c->flags = DOC_CHART_BAR;
	s = doc_add(c, DOC_SERIES, "Reihe");
	for (int i = 0; i < 90; i++) {
		char label[64], value[32];
		struct doc_node *x;

		snprintf(label, sizeof(label), i % 3 ? "Lab%d" :
		    "Lang Lang Lang Lang Lang Lang Lang Lang Lang Lang%d", i);
		snprintf(value, sizeof(value), "%d.000 €", i);
		x = doc_add(s, DOC_DATUM, value);
		x->source = xstrdup(label);
		x->frac = (double)i / 90;
	}
	doc_add(c, DOC_TICK, "0")->frac = 0;
	doc_add(c, DOC_TICK, "Mitte")->frac = 0.5;
	doc_add(c, DOC_TICK, "Ende")->frac = 1;
	layout_defaults(&p);
	x0 = p.margin_left;
	right = p.page_w - p.margin_right;
	l = layout_build(d, &fake, NULL, &p);
	for (size_t pg = 0; pg < l->npages; pg++) {
		const struct lay_page *P = &l->pages[pg];
		double plot_left = 1e9;
		bool bars = false, axis = false;

		/* The plot: vertical lines and the bars. */
		for (size_t i = 0; i < P->n; i++) {
			const struct lay_item *it = &P->items[i];

			if (it->type == LI_LINE && it->x == it->w &&
			    it->y != it->h) {
				plot_left = it->x < plot_left ? it->x : plot_left;
				grid_max = it->x > grid_max ? it->x : grid_max;
			}
			if (it->type == LI_RECT && it->color == p.chart[0]) {
				bars = true;
				plot_left = it->x < plot_left ? it->x : plot_left;
			}
			if (it->type == LI_TEXT && strcmp(it->text, "Ende") == 0)
				axis = true;
		}
		for (size_t i = 0; i < P->n; i++) {
			const struct lay_item *it = &P->items[i];
			double w;

			if (it->type != LI_TEXT || (strncmp(it->text, "Lab", 3) &&
			    strncmp(it->text, "Lang", 4)))
				continue;
			w = fake_width(NULL, it->font, it->size, it->text,
			    strlen(it->text));
			wrapped += strncmp(it->text, "Lang", 4) == 0 &&
			    strcspn(it->text, "0123456789") == strlen(it->text);
			clash += !it->right || item_left(it) < x0 - 0.01 ||
			    item_left(it) + w > plot_left - 1;
		}
		/* The grid behind the bars: no line drawn after a bar
		 * crosses it. */
		for (size_t i = 0; i < P->n; i++) {
			const struct lay_item *r = &P->items[i];

			if (r->type != LI_RECT || r->color != p.chart[0])
				continue;
			for (size_t j = i + 1; j < P->n; j++) {
				const struct lay_item *g = &P->items[j];

				double lo = g->y < g->h ? g->y : g->h;
				double hi = g->y < g->h ? g->h : g->y;

				over += g->type == LI_LINE && g->x == g->w &&
				    g->x > r->x && g->x < r->x + r->w &&
				    lo < r->y + r->h && hi > r->y;
			}
		}
		bar_pages += bars;
		axis_pages += bars && axis;
	}
	report(clash == 0, "bar chart: labels right-aligned left of axis, "
	    "grid and bars", "%d labels clash", clash);
	report(over == 0, "bar chart: the grid behind the bars",
	    "%d lines over bars", over);
	report(wrapped > 0, "bar chart: long labels wrap in their gutter",
	    "none wrapped");
	report(grid_max > right - 60, "bar chart: the plot spans the text "
	    "width", "ends at %.0f of %.0f", grid_max, right);
	report(bar_pages > 1 && axis_pages == bar_pages, "bar chart: every "
	    "page of bars has its axis", "%d of %d pages", axis_pages,
	    bar_pages);
	layout_free(l);
	doc_free(d);
}

/* Neighbouring slices of a pie, the last beside the first, differ at
 * least 3:1 in contrast, for any number of slices (some of share 0,
 * not drawn) and the templates' palettes or a pale one. */
static void
test_chart_pie_contrast(void)
{
	static const unsigned pals[][CHART_COLORS] = {
	    { 0x1F4E79, 0xB34700, 0x3B6E22, 0x6A3D9A, 0x8A6D00, 0xA3243B },
	    { 0x2E5E3E, 0xB34700, 0x3B6E22, 0x6A3D9A, 0x8A6D00, 0xA3243B },
	    { 0xFFEE88, 0xEEEEEE, 0xFFDD00, 0xCCCCCC, 0xAADDFF, 0xFFFFFF } };
	double worst = 21;
	int pairs = 0;
	struct diags dg;

	for (int n = 1; n <= 13; n++) {
		struct buf csv;
		struct plan *p;
		struct doc_node *root = doc_node_new(DOC_SECTION);
		const struct doc_node *first, *prev;

		buf_init(&csv);
		buf_printf(&csv, "name;x\n");
		for (int i = 0; i < n; i++)
			buf_printf(&csv, "R%d;%d\n", i, i % 4 == 2 ? 0 : i + 1);
		p = load("table", "><column name=\"name\"/><column name=\"x\" "
		    "type=\"count\"/></table>", csv.s, &dg);
		buf_free(&csv);
		if (p == NULL) {
			report(false, "pie contrast: plan", "n %d: %s", n,
			    dg.n ? dg.v[0].msg : "");
			doc_node_free(root);
			continue;
		}
		chart_build(root, plan_table(p, "t"), "x", "pie");
		for (size_t k = 0; k < sizeof(pals) / sizeof(pals[0]); k++) {
			first = prev = NULL;
			for (const struct doc_node *x = root->first->first->first;
			    x != NULL; x = x->next) {
				if (x->frac <= 0)
					continue;
				if (prev != NULL) {
					double r = chart_contrast(chart_color(
					    pals[k], prev), chart_color(pals[k], x));

					worst = r < worst ? r : worst;
					pairs++;
				} else
					first = x;
				prev = x;
			}
			if (first != NULL && prev != first) {
				double r = chart_contrast(chart_color(pals[k],
				    prev), chart_color(pals[k], first));

				worst = r < worst ? r : worst;
			}
		}
		doc_node_free(root);
		done(p, &dg, "pie contrast plan");
	}
	report(pairs > 100 && worst >= 3, "pie: neighbouring slices at least "
	    "3:1", "%.2f:1 over %d pairs", worst, pairs);
	report(chart_contrast(0xFFFFFF, 0x000000) > 20.99 &&
	    chart_contrast(0x1F4E79, 0x1F4E79) == 1, "WCAG contrast formula",
	    "%.2f", chart_contrast(0xFFFFFF, 0x000000));
}

/* A missing library or function is told, not called. */
static void
test_lazylib(void)
{
	struct lazylib none = { .soname = "libgen-none.so.0" };
	struct lazylib zip = { .soname = LIBZIP_SO };
	lazylib_fn f = NULL, g = NULL;

	report(!lazylib_open(&none) && strstr(none.why, "libgen-none") != NULL,
	    "a missing library says why", "%s", none.why);
	if (lazylib_open(&zip)) {
		f = lazylib_func(&zip, "zip_strerror");
		g = lazylib_func(&zip, "zip_no_such_function");
	}
	report(f != NULL && g == NULL && strstr(zip.why,
	    "zip_no_such_function") != NULL && !lazylib_open(&zip),
	    "a library opens once; a missing function says why", "%s",
	    zip.why);
}

/* hyph_points HYPH WORD WANT: the word with a '-' at each point. */
static void
expect_points(struct hyph *h, const char *word, const char *want)
{
	size_t pos[16], n = hyph_points(h, word, strlen(word), pos, 16);
	struct buf got;
	size_t at = 0;

	buf_init(&got);
	for (size_t i = 0; i < n; i++) {
		buf_add(&got, word + at, pos[i] - at);
		buf_putc(&got, '-');
		at = pos[i];
	}
	buf_puts(&got, word + at);
	report(strcmp(got.s, want) == 0, want, "got %s", got.s);
	buf_free(&got);
}

/* The dictionary is Latin-1: capitals and umlauts are looked up, a word
 * with other letters is left whole. */
static void
test_hyph(void)
{
	struct hyph *h = hyph_open_for(HYPH_DICT,
	    "ÜBERGANGSGELD Übergangsgeld Łódźer Teil÷ung Großküche");

	expect_points(h, "ÜBERGANGSGELD", "ÜBER-GANGS-GELD");
	expect_points(h, "Übergangsgeld", "Über-gangs-geld");
	expect_points(h, "Großküche", "Groß-kü-che");
	expect_points(h, "Łódźer", "Łódźer");
	expect_points(h, "Teil÷ung", "Teil÷ung");
	hyph_close(h);
}

static void
test_layout(void)
{
	struct hyph *h = hyph_open_for(HYPH_DICT,
	    "Eingliederungszuschüsse Langzeitleistungsbezieher");
	bool all_together = true, some_moved = false;

	expect_lines("lines break at blanks for the width",
	    "Das ist ein kurzer Satz mit einigen Wörtern", 50, NULL,
	    (const char *[]){ "Das ist", "ein kurzer", "Satz mit", "einigen",
	    "Wörtern", NULL });
	report(h != NULL, "hyphenation dictionary hyphen-de", "not found");
	expect_lines("a long compound word is hyphenated",
	    "Eingliederungszuschüsse", 60, h, (const char *[]){
	    "Eingliede-", "rungszu-", "schüsse", NULL });
	expect_lines("hyphenation fills a loose line",
	    "die Langzeitleistungsbezieher", 90, h, (const char *[]){
	    "die Langzeitleis-", "tungsbezieher", NULL });
	expect_lines("a word without a hyphenation point is cut by force",
	    "xxxxxxxxxxxxxxxxxxxx", 50, h, (const char *[]){ "xxxxxxxxxx",
	    "xxxxxxxxxx", NULL });
	for (int n = 30; n < 80; n++) {
		bool together;

		some_moved |= heading_case(n, &together);
		all_together &= together;
	}
	report(all_together, "a heading stays on the page of its first line",
	    "separated");
	report(some_moved, "a heading at the foot of a page moves to the next",
	    "never moved");
	test_layout_toc();
	test_layout_landscape();
	hyph_close(h);
}

/* --- pictures and fonts of a template --- */

/* check_image NAME DATA LEN TYPE WANT: image_check's verdict, "" for a
 * picture it accepts. */
static void
check_image(const char *name, const void *data, size_t len,
    enum image_type t, const char *want)
{
	struct image img;
	char *why;

	if (image_check(data, len, t, &img, &why))
		eq_str(name, "", want);
	else
		eq_str(name, why, want);
	free(why);
}

static unsigned long
crc32_of(const unsigned char *p, size_t n)
{
	unsigned long c = 0xFFFFFFFFul;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320ul ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xFFFFFFFFul;
}

static void
put32(unsigned char *p, unsigned long v)
{
	p[0] = v >> 24 & 0xFF;
	p[1] = v >> 16 & 0xFF;
	p[2] = v >> 8 & 0xFF;
	p[3] = v & 0xFF;
}

/* A JPEG of w by h pixels in memory, baseline or arithmetic-coded. */
static unsigned char *
make_jpeg(unsigned w, unsigned h, bool arith, bool cmyk, unsigned long *len)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr e;
	int k = cmyk ? 4 : 3;
	unsigned char *out = NULL, *row = xcalloc(w, (size_t)k);

	c.err = jpeg_std_error(&e);
	jpeg_create_compress(&c);
	*len = 0;
	jpeg_mem_dest(&c, &out, len);
	c.image_width = w;
	c.image_height = h;
	c.input_components = k;
	c.in_color_space = cmyk ? JCS_CMYK : JCS_RGB;
	jpeg_set_defaults(&c);
	c.arith_code = arith;
	jpeg_start_compress(&c, TRUE);
	for (unsigned y = 0; y < h; y++) {
		for (unsigned x = 0; x < w * (unsigned)k; x++)
			row[x] = (unsigned char)(x * 7 + y * 13);
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	return out;
}

static void
test_image(void)
{
	png_image pi = { .version = PNG_IMAGE_VERSION, .width = 40,
	    .height = 20, .format = PNG_FORMAT_RGB };
	unsigned char pixels[40 * 20 * 3], png[4096], *jpeg;
	png_alloc_size_t n = sizeof(png);
	unsigned long jlen;
	struct image img;
	char *why;

	memset(pixels, 0x7F, sizeof(pixels));
	report(png_image_write_to_memory(&pi, png, &n, 0, pixels, 0, NULL),
	    "image: a PNG is written", "%s", pi.message);
	report(image_check(png, n, IMAGE_PNG, &img, &why) && img.width == 40 &&
	    img.height == 20, "image: a whole PNG is taken",
	    "%s", why != NULL ? why : "wrong size");
	free(why);
	check_image("image: a PNG cut short", png, n - 30, IMAGE_PNG,
	    "is not a complete PNG image (libpng: read beyond end of data)");
	check_image("image: a PNG without its IEND", png, n - 12, IMAGE_PNG,
	    "is not a complete PNG image (libpng: no IEND chunk at the end)");
	check_image("image: a PNG is not a JPEG", png, n, IMAGE_JPEG,
	    "is not a JPEG image");
	/* IHDR (width, height at 16) says 5001 by 5000: refused unread. */
	put32(png + 16, 5001);
	put32(png + 20, 5000);
	put32(png + 29, crc32_of(png + 12, 17));
	check_image("image: a PNG of more than 25 million pixels", png, n,
	    IMAGE_PNG, "has 5001 by 5000 pixels, more than 25 million");
	check_image("image: text is not a PNG", "hello\n", 6, IMAGE_PNG,
	    "is not a PNG image");
	jpeg = make_jpeg(64, 32, false, false, &jlen);
	check_image("image: a whole JPEG is taken", jpeg, jlen, IMAGE_JPEG, "");
	check_image("image: a JPEG cut short", jpeg, jlen / 2, IMAGE_JPEG,
	    "is not a complete JPEG image (libjpeg: Premature end of JPEG "
	    "file)");
	free(jpeg);
	jpeg = make_jpeg(64, 32, true, false, &jlen);
	check_image("image: an arithmetic-coded JPEG", jpeg, jlen, IMAGE_JPEG,
	    "is arithmetic-coded, which web browsers do not show");
	free(jpeg);
	jpeg = make_jpeg(64, 32, false, true, &jlen);
	check_image("image: a CMYK JPEG (a logo too: the PDF is PDF/A)", jpeg,
	    jlen, IMAGE_JPEG, "is a CMYK JPEG, which the PDF/A report cannot "
	    "hold; save it as RGB");
	free(jpeg);
}

/* The table tag of a TrueType program, its bytes at *at (0: none). */
static size_t
sfnt_table(const uint8_t *f, size_t len, const char *tag, size_t *at)
{
	size_t n = len < 12 ? 0 : (size_t)(f[4] << 8 | f[5]);

	for (size_t i = 0; i < n && 12 + 16 * (i + 1) <= len; i++) {
		const uint8_t *e = f + 12 + 16 * i;

		if (memcmp(e, tag, 4) == 0) {
			*at = (size_t)e[8] << 24 | (size_t)e[9] << 16 |
			    (size_t)e[10] << 8 | e[11];
			return (size_t)e[12] << 24 | (size_t)e[13] << 16 |
			    (size_t)e[14] << 8 | e[15];
		}
	}
	*at = 0;
	return 0;
}

/* A cut keeps the glyph numbers (maxp counts up to the last glyph kept,
 * B, 37) and drops the glyph names (post version 3). */
static void
test_fontsub(void)
{
	const char *path = "/usr/share/fonts/truetype/liberation2/"
	    "LiberationSans-Regular.ttf";
	static const uint16_t gids[] = { 0, 36, 37 };	/* .notdef A B */
	static const uint32_t cps[] = { 'A', 'B' };
	struct diags d;
	char *data;
	uint8_t *cut = NULL;
	size_t len, cutlen = 0, at, atc, post;
	bool ok;

	diags_init(&d);
	if (!io_read_bytes(path, path, TTF_FILE_MAX, &data, &len, &d)) {
		report(false, "fontsub: Liberation Sans", "cannot read %s", path);
		diags_free(&d);
		return;
	}
	ok = fontsub_cut((const uint8_t *)data, len, gids, 3, cps, 2, &cut,
	    &cutlen);
	report(ok && cutlen < len / 10, "fontsub: a cut is a tenth of the font",
	    "%zu of %zu bytes", cutlen, len);
	if (ok) {
		sfnt_table(cut, cutlen, "maxp", &atc);
		sfnt_table(cut, cutlen, "post", &post);
		report(atc != 0 && (cut[atc + 4] << 8 | cut[atc + 5]) == 38 &&
		    post != 0 && cut[post + 1] == 3,
		    "fontsub: the glyph numbers stay, the glyph names go",
		    "maxp or post");
		report(sfnt_table(cut, cutlen, "fpgm", &at) == 0,
		    "fontsub: the hinting goes", "fpgm is there");
	}
	free(cut);
	free(data);
	diags_free(&d);
}

static void
test_ttf(void)
{
	const char *path = "/usr/share/fonts/truetype/liberation2/"
	    "LiberationSans-Regular.ttf";
	struct diags d;
	char *data, *why;
	size_t len;

	diags_init(&d);
	if (!io_read_bytes(path, path, TTF_FILE_MAX, &data, &len, &d)) {
		report(false, "ttf: Liberation Sans", "cannot read %s", path);
		diags_free(&d);
		return;
	}
	report(ttf_check(data, len, &why), "ttf: Liberation Sans is taken",
	    "%s", why);
	free(why);
	ttf_check(data, 100000, &why);
	eq_str("ttf: a font cut short", why != NULL ? why : "", "is cut short "
	    "or damaged (a table lies beyond its end)");
	free(why);
	ttf_check(data, 1000, &why);
	eq_str("ttf: the first KB of a font", why != NULL ? why : "",
	    "is not a TrueType font (FreeType cannot read it)");
	free(why);
	free(data);
	diags_free(&d);
}

/* --- files: paths beneath their folder, by openat2 and by the walk --- */

/* What reading path gives: its text, or its message. */
static char *
read_result(const char *path)
{
	struct diags d;
	char *data, *r;
	size_t len;

	diags_init(&d);
	if (io_read_file(path, path, 1 << 20, &data, &len, &d))
		r = data;
	else
		r = xstrdup(d.n > 0 ? d.v[0].msg : "?");
	diags_free(&d);
	return r;
}

static void
read_is(const char *name, const char *path, const char *want)
{
	char *got = read_result(path);

	eq_str(name, got, want);
	free(got);
}

static void
link_at(const char *dir, const char *target, const char *at)
{
	char *p = xasprintf("%s/%s", dir, at);

	if (symlink(target, p) != 0)
		perror(p);
	free(p);
}

static void
test_io_mode(const char *top, const char *mode)
{
	char *d = xasprintf("%s/%s", top, mode), name[80], *p;
	static const char *const mk[] = { "", "/sub", "/sub/deep" };
	FILE *fp;

	for (size_t i = 0; i < 3; i++) {
		p = xasprintf("%s%s", d, mk[i]);
		mkdir(p, 0777);
		free(p);
	}
	p = xasprintf("%s/a.csv", d);
	if ((fp = fopen(p, "w")) != NULL) {
		fputs("IN", fp);
		fclose(fp);
	}
	free(p);
#define LINK(target, at) link_at(d, target, at)
	LINK("../a.csv", "sub/l");
	LINK("../../a.csv", "sub/deep/l");
	LINK("sub", "sdir");
	LINK("/etc/passwd", "abs");
	LINK("../outside.txt", "up");
	LINK("sub/../../outside.txt", "up2");
	LINK("loop", "loop");
	LINK("..", "sub/parent");
#undef LINK
	p = xasprintf("%s/outside.txt", top);
	if ((fp = fopen(p, "w")) != NULL) {
		fputs("OUT", fp);
		fclose(fp);
	}
	free(p);

#define IS(what, cond) do { snprintf(name, sizeof(name), "io %s: %s", mode, \
	what); report(cond, name, "wrong"); } while (0)
	IS("a file is inside", io_path_inside(d, "a.csv"));
	IS("a link inside is inside", io_path_inside(d, "sub/l"));
	IS("a link through a linked folder", io_path_inside(d, "sdir/deep/l"));
	IS("an absolute link leads out", !io_path_inside(d, "abs"));
	IS("a link to ../ leads out", !io_path_inside(d, "up"));
	IS("a link through sub/.. leads out", !io_path_inside(d, "up2"));
	IS("a link up to the folder, then out", !io_path_inside(d,
	    "sub/parent/up"));
	IS("a missing file is inside", io_path_inside(d, "none.csv"));
	IS("a folder near", io_folder_near(d, "../" "outside.txt") &&
	    !io_folder_near(d, "../../x"));
#undef IS
#define READ(what, rel, want) do { snprintf(name, sizeof(name), \
	"io %s: read %s", mode, what); p = xasprintf("%s/%s", d, rel); \
	read_is(name, p, want); free(p); } while (0)
	READ("a file", "a.csv", "IN");
	/* Not vouched for: its folder is sub/, and the link leaves it. */
	READ("a link out of its own folder", "sub/deep/l",
	    "cannot open: a symbolic link leads out of its folder");
	READ("a link out", "up", "cannot open: a symbolic link leads out of "
	    "its folder");
	READ("an absolute link", "abs", "cannot open: a symbolic link leads "
	    "out of its folder");
	READ("a loop", "loop", "cannot open: Too many levels of symbolic links");
	READ("a missing file", "none", "cannot open: No such file or directory");
	READ("a folder", "sub", "not a regular file");
	io_path_inside(d, "sub/deep/l");
	io_path_inside(d, "sdir/l");
	READ("a vouched link inside", "sub/deep/l", "IN");
	READ("a vouched link through a linked folder", "sdir/l", "IN");
#undef READ
	free(d);
}

static void
test_io(void)
{
	char top[] = "/tmp/gen-unit-io.XXXXXX";
	char *cmd;

	if (mkdtemp(top) == NULL) {
		report(false, "io", "mkdtemp failed");
		return;
	}
	test_io_mode(top, "openat2");
	io_resolve_by_walk(true);
	test_io_mode(top, "walk");
	io_resolve_by_walk(false);
	cmd = xasprintf("rm -rf '%s'", top);
	if (system(cmd) != 0)
		report(false, "io: cleanup", "%s failed", cmd);
	free(cmd);
}

/* The fonts of the print report: which draws what, and the order and
 * forms of right-to-left text. */
static void
test_fonts(void)
{
	const char *const faces[FONTS_FACES] = {
	    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
	    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
	    "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf",
	    "/usr/share/fonts/truetype/liberation2/LiberationSans-BoldItalic.ttf" };
	struct fonts *fs = fonts_new(faces);
	/* "ab שלום": the Hebrew word reversed after the Latin. */
	uint32_t want_he[] = { 'a', 'b', ' ', 0x05DD, 0x05D5, 0x05DC, 0x05E9 };
	/* "لا": lam with alef, one ligature. */
	uint32_t out[2];
	size_t n;
	uint32_t *v = fonts_visual("ab \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", 11,
	    &n);

	report(fonts_pick(fs, 0, 'a') == 0 && fonts_pick(fs, 0, 0x3B1) == 0,
	    "the template's font draws Latin and Greek", "picked %d, %d",
	    fonts_pick(fs, 0, 'a'), fonts_pick(fs, 0, 0x3B1));
	report(fonts_pick(fs, 0, 0x0627) == FONTS_FACES &&
	    fonts_pick(fs, 1, 0x0627) == FONTS_FACES + 1,
	    "DejaVu Sans draws Arabic, its bold face bold Arabic",
	    "picked %d, %d", fonts_pick(fs, 0, 0x0627), fonts_pick(fs, 1,
	    0x0627));
	{
		unsigned gids[64];
		size_t k = fonts_components(fs, FONTS_FACES + 2, 0xD55C, gids,
		    64);
		bool big = false;

		for (size_t i = 0; i < k; i++)
			big |= gids[i] > 32767;
		report(fonts_pick(fs, 0, 0xD55C) == FONTS_FACES + 2 && big,
		    "WenQuanYi draws Korean, from glyphs libharu would not "
		    "embed", "picked %d, %zu components",
		    fonts_pick(fs, 0, 0xD55C), k);
	}
	report(fonts_pick(fs, 0, 0x1F600) < 0 && fonts_pick(fs, 3, 0x0F40) < 0,
	    "no font draws an emoji or Tibetan", "picked %d, %d",
	    fonts_pick(fs, 0, 0x1F600), fonts_pick(fs, 3, 0x0F40));
	report(n == 7 && memcmp(v, want_he, sizeof(want_he)) == 0,
	    "Hebrew in a line is drawn right to left", "%zu characters", n);
	free(v);
	/* An isolated figure, then Hebrew: the run stays left to right
	 * (finding bidi-run-after-figure). */
	v = fonts_visual("\xE2\x81\xA6(1 %)\xE2\x81\xA9 \xD7\xA9\xD7\x9C "
	    "ca.", 20, &n);
	report(n == 12 && v[0] == '(' && v[6] == 0x05DC && v[11] == '.',
	    "a run that begins with a figure before Hebrew stays left to "
	    "right", "%zu characters, first U+%04X", n, n > 0 ?
	    (unsigned)v[0] : 0u);
	free(v);
	v = fonts_visual("\xD9\x84\xD8\xA7", 4, &n);
	report(n == 1 && v[0] == 0xFEFB, "lam and alef are drawn as one "
	    "ligature", "%zu characters, U+%04X", n, (unsigned)v[0]);
	report(n == 1 && fonts_logical(v[0], out) == 2 && out[0] == 0x0627 &&
	    out[1] == 0x0644, "the ligature is extracted as alef and lam, "
	    "in the order drawn", "not");
	free(v);
	report(fonts_is_mark(0x0301) && !fonts_is_mark('e'),
	    "a combining accent is a mark", "not");
	fonts_free(fs);
}

/* --- decided once in the tree, drawn alike by both writers --- */

struct drawn {
	struct doc	*d;
	char		*html;
	struct layout	*l;
};

/* Renders the plan body (with one table t of stand and source over
 * t.csv, and with series a series table r of that CSV) through both
 * writers.  False if it does not load. */
static bool
drawn_series(struct drawn *dr, const char *body, const char *series)
{
	char *xml = xasprintf("<plan report=\"amip\" year=\"2017\">"
	    "<jobcenter name=\"JC\" region=\"Kreis K\" land=\"Land L\"/>"
	    "<title>T</title><date>2017-01-16</date><data>"
	    "<table name=\"t\" kind=\"table\" src=\"t.csv\" title=\"Tab\" "
	    "stand=\"09/2016\" source=\"BA\"><column name=\"name\" "
	    "type=\"text\"/><column name=\"k\" type=\"count\"/></table>%s"
	    "</data><body>%s</body></plan>", series != NULL ? "<table "
	    "name=\"r\" kind=\"series\" src=\"r.csv\" title=\"Reihe\"/>" : "",
	    body);
	struct template *tpl;
	struct lay_params lp;
	struct diags dg;
	struct plan *p;
	size_t len = 0;
	FILE *fp;

	memset(dr, 0, sizeof(*dr));
	write_file("plan.xml", xml);
	write_file("t.csv", "name;k\nA;1\nB;2\n");
	if (series != NULL)
		write_file("r.csv", series);
	free(xml);
	diags_init(&dg);
	p = gen_load(tmpdir, false, &dg);
	tpl = template_load("templates/amip", REPORT_AMIP, &dg);
	if (p != NULL && tpl != NULL && dg.errors == 0) {
		dr->d = docbuild(p, tpl);
		fp = open_memstream(&dr->html, &len);
		html_write(fp, dr->d, tpl);
		fclose(fp);
		layout_defaults(&lp);
		dr->l = layout_build(dr->d, &fake, NULL, &lp);
	}
	plan_free(p);
	template_free(tpl);
	diags_free(&dg);
	return dr->d != NULL;
}

static bool
drawn(struct drawn *dr, const char *body)
{
	return drawn_series(dr, body, NULL);
}

static void
drawn_free(struct drawn *dr)
{
	doc_free(dr->d);
	free(dr->html);
	layout_free(dr->l);
}

static int
count_str(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *s = hay; (s = strstr(s, needle)) != NULL; s++)
		n++;
	return n;
}

/* s with runs of blanks as one space, none at the ends, appended to out
 * with "|" when not empty. */
static void
put_line(struct buf *out, const char *s)
{
	struct buf b;
	bool space = false;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, *s);
	}
	if (b.len > 0)
		buf_printf(out, "%s|", b.s);
	buf_free(&b);
}

/* The lines of the page's lists as a reader sees them: an item's marker
 * (from its style) before its text, the text after a nested list on a
 * line of its own. */
static void
html_list_lines(xmlNodePtr n, struct buf *out)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		struct buf line;
		xmlChar *style;
		const char *q;

		if (c->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)c->name, "nav") == 0)
			continue;
		if (strcmp((const char *)c->name, "li") != 0) {
			html_list_lines(c, out);
			continue;
		}
		buf_init(&line);
		style = xmlGetProp(c, (const xmlChar *)"style");
		if (style != NULL && (q = strchr((char *)style, '\'')) != NULL)
			buf_printf(&line, "%.*s ", (int)strcspn(q + 1, "'"),
			    q + 1);
		xmlFree(style);
		for (xmlNodePtr k = c->children; k != NULL; k = k->next) {
			xmlChar *t;

			if (k->type == XML_ELEMENT_NODE &&
			    (strcmp((const char *)k->name, "ul") == 0 ||
			    strcmp((const char *)k->name, "ol") == 0)) {
				put_line(out, line.s);
				buf_clear(&line);
				html_list_lines(k, out);
				continue;
			}
			t = xmlNodeGetContent(k);
			buf_puts(&line, (const char *)t);
			xmlFree(t);
		}
		put_line(out, line.s);
		buf_free(&line);
	}
}

static char *
html_lines(const char *html)
{
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	struct buf out;

	buf_init(&out);
	buf_puts(&out, "");
	if (doc != NULL)
		html_list_lines(xmlDocGetRootElement(doc), &out);
	xmlFreeDoc(doc);
	return buf_detach(&out);
}

static int
item_order(const void *a, const void *b)
{
	const struct lay_item *x = *(const struct lay_item *const *)a;
	const struct lay_item *y = *(const struct lay_item *const *)b;

	if (x->y > y->y + 0.01 || x->y < y->y - 0.01)
		return x->y > y->y ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

/* The text lines of the layout, top to bottom, each left to right. */
static char *
layout_lines(const struct layout *l)
{
	struct buf out;

	buf_init(&out);
	buf_puts(&out, "");
	for (size_t p = 0; p < l->npages; p++) {
		const struct lay_item **v = xcalloc(l->pages[p].n + 1,
		    sizeof(*v));
		size_t n = 0;
		struct buf line;

		for (size_t i = 0; i < l->pages[p].n; i++)
			if (l->pages[p].items[i].type == LI_TEXT)
				v[n++] = &l->pages[p].items[i];
		qsort(v, n, sizeof(*v), item_order);
		buf_init(&line);
		for (size_t i = 0; i < n; i++) {
			char *t = unmarked(v[i]->text);

			if (i > 0 && item_order(&v[i - 1], &v[i]) != 0 &&
			    (v[i - 1]->y > v[i]->y + 0.01 ||
			    v[i - 1]->y < v[i]->y - 0.01)) {
				put_line(&out, line.s);
				buf_clear(&line);
			}
			buf_printf(&line, "%s ", t);
			free(t);
		}
		put_line(&out, line.s);
		buf_free(&line);
		free(v);
	}
	return buf_detach(&out);
}

/* Nested lists: the tree numbers the items ("1.", "a)", "(1)", "•",
 * "–"), and both writers show those markers, and the text before and
 * after a nested list, in the same order. */
static void
test_nested_lists(void)
{
	static const char want[] = "1. Eins vor|a) Eins-eins vor|"
	    "\xE2\x80\xA2 Punkt A|\xE2\x80\xA2 Punkt B|Eins-eins nach|"
	    "b) Eins-zwei|(1) Tief eins|Eins nach|2. Zwei|"
	    "\xE2\x80\xA2 Strich X|\xE2\x80\x93 Tief Y|\xE2\x80\xA2 Oben|"
	    "1. Unten eins|Oben nach|";
	static const struct {
		bool		 ordered;
		int		 depth, k;
		const char	*want;
	} mk[] = {
		{ true, 1, 1, "1." }, { true, 2, 1, "a)" }, { true, 3, 1, "(1)" },
		{ true, 4, 2, "2." }, { true, 2, 26, "z)" },
		{ true, 2, 27, "aa)" }, { true, 2, 702, "zz)" },
		{ true, 2, 703, "aaa)" }, { false, 1, 1, "\xE2\x80\xA2" },
		{ false, 2, 1, "\xE2\x80\x93" }, { false, 3, 5, "\xE2\x80\xA2" },
	};
	struct drawn dr;
	char *h, *p;

	if (!drawn(&dr, "<section title=\"Listen\"><ol>"
	    "<li>Eins vor <ol><li>Eins-eins vor <ul><li>Punkt A</li>"
	    "<li>Punkt B</li></ul> Eins-eins nach</li>"
	    "<li>Eins-zwei <ol><li>Tief eins</li></ol></li></ol>"
	    " Eins nach</li>"
	    "<li>Zwei <ul><li>Strich X <ul><li>Tief Y</li></ul></li></ul></li>"
	    "</ol><ul><li>Oben <ol><li>Unten eins</li></ol> Oben nach</li></ul>"
	    "</section><section title=\"Zwei\"><p>x</p></section>")) {
		report(false, "lists: nested", "the plan does not load");
		return;
	}
	h = html_lines(dr.html);
	p = layout_lines(dr.l);
	report(strcmp(h, want) == 0, "lists: the page shows the tree's markers "
	    "in order", "got %s", h);
	report(strstr(p, want) != NULL, "lists: the print shows the tree's "
	    "markers in order", "got %s", p);
	free(h);
	free(p);
	drawn_free(&dr);
	for (size_t i = 0; i < sizeof(mk) / sizeof(*mk); i++) {
		char *got = docbuild_marker(mk[i].ordered, mk[i].depth, mk[i].k);

		eq_str("lists: marker", got, mk[i].want);
		free(got);
	}
}

/* The "Stand · Quelle" line is joined in the tree and printed as it
 * stands, under the table and under a chart not right under its table. */
static void
test_table_meta(void)
{
	static const char line[] = "Stand: 09/2016 \xC2\xB7 Quelle: BA";
	struct drawn dr;
	const struct doc_node *t = NULL;
	char *p;

	if (!drawn(&dr, "<section title=\"S\"><insert table=\"t\"/>"
	    "<chart table=\"t\" field=\"k\" kind=\"bar\"/><p>x</p>"
	    "<chart table=\"t\" field=\"k\" kind=\"bar\"/></section>")) {
		report(false, "meta: stand and source", "the plan does not load");
		return;
	}
	for (t = dr.d->root->first; t != NULL && t->type != DOC_SECTION; )
		t = t->next;
	t = t != NULL ? t->first : NULL;
	report(t != NULL && t->type == DOC_TABLE && t->note != NULL &&
	    strcmp(t->note, line) == 0 && t->source == NULL,
	    "meta: the tree joins stand and source", "table note '%s'",
	    t != NULL && t->note != NULL ? t->note : "(none)");
	p = xasprintf("<p class=\"table-meta\">%s</p>", line);
	report(count_str(dr.html, p) == 2, "meta: the page prints the line "
	    "under the table and the second chart", "%d times",
	    count_str(dr.html, p));
	report(count_text(dr.l, line) == 2, "meta: the print prints the line "
	    "under the table and the second chart", "%d times",
	    count_text(dr.l, line));
	free(p);
	drawn_free(&dr);
}

/* The line chart's decisions, chart.c's: with one line whose every
 * category is named, values and marks at the points; with many
 * categories the names thinned so that they never overlap, no marks, and
 * the data table printed under the chart; with two lines, the table. */
static void
test_line_decisions(void)
{
	static const char body[] = "<section title=\"S\"><chart table=\"r\" "
	    "field=\"wert\" kind=\"line\"/></section>";
	struct buf csv;
	struct drawn dr;
	const struct doc_node *ch;
	int named = 0, values = 0;
	double last = -1, gap = 1;

	buf_init(&csv);
	buf_puts(&csv, "kennzahl;jahr;wert\n");
	for (int y = 1920; y < 2020; y++)
		buf_printf(&csv, "A;%d;%d\n", y, 1000 + y);
	if (!drawn_series(&dr, body, csv.s)) {
		report(false, "line chart of 100 years", "does not load");
		buf_free(&csv);
		return;
	}
	for (ch = dr.d->root->first; ch != NULL && ch->type != DOC_CHART; )
		ch = ch->type == DOC_SECTION ? ch->first : ch->next;
	for (const struct doc_node *d = ch != NULL ? ch->first->first : NULL;
	    d != NULL; d = d->next) {
		values += (d->flags & DOC_AXIS_LABEL) != 0;
		if (d->flags & DOC_AXIS_NAME) {
			gap = last >= 0 && d->place - last < gap ? d->place - last :
			    gap;
			last = d->place;
			named++;
		}
	}
	/* A name "1920" is about 2.2 ems and a blank; the axis 23 ems. */
	report(ch != NULL && named > 1 && named <= 7 && gap * 23 >= 3.2 &&
	    values == 0 && (ch->flags & DOC_CHART_DATA) &&
	    !(ch->flags & DOC_CHART_MARKS) && count_text(dr.l,
	    "Daten zum Diagramm") >= 1 && count_text(dr.l, "3.019") == 1 &&
	    count_text(dr.l, "2.920") == 1,
	    "line chart of 100 years: names apart, values in the printed table",
	    "%d named, gap %.3f, %d values, flags %x", named, gap, values,
	    ch != NULL ? ch->flags : 0);
	drawn_free(&dr);
	buf_free(&csv);
	if (drawn_series(&dr, body, "kennzahl;jahr;wert\nA;2017;5\nA;2018;7\n")) {
		ch = dr.d->root->first->type == DOC_SECTION ?
		    dr.d->root->first->first : dr.d->root->first->next->first;
		report(ch != NULL && ch->type == DOC_CHART &&
		    (ch->flags & DOC_CHART_MARKS) &&
		    !(ch->flags & DOC_CHART_DATA) &&
		    count_text(dr.l, "Daten zum Diagramm") == 0,
		    "line chart of 2 years: values and marks at the points, "
		    "no table printed", "flags %x", ch != NULL ? ch->flags : 0);
	}
	drawn_free(&dr);
	if (drawn_series(&dr, body, "kennzahl;jahr;wert\nA;2017;5\nA;2018;7\n"
	    "B;2017;3\nB;2018;4\n")) {
		report(count_text(dr.l, "Daten zum Diagramm") == 1 &&
		    count_text(dr.l, "Reihe") >= 1,
		    "line chart of two lines: the data table printed, with "
		    "its lines named", "not printed");
	}
	drawn_free(&dr);
}

/* The print's structure for a tagged PDF: every element where the
 * document tree has it, every text of the body in an element, the
 * running head and foot none. */
static void
test_layout_structure(void)
{
	static const char body[] = "<section title=\"Eins\"><p>Text mit "
	    "<a href=\"https://example.org/\">Link</a>:</p><ul><li>a"
	    "<ol><li>b</li></ol></li></ul><insert table=\"t\"/>"
	    "<chart table=\"t\" field=\"k\" kind=\"bar\"/></section>";
	static const char *const want[] = { "Document", "Sect", "H", "P",
	    "Link", "L", "LI", "Lbl", "LBody", "Table", "Caption", "THead",
	    "TBody", "TR", "TH", "TD", "Figure" };
	static const char *const names[] = { "Artifact", "Document", "Sect",
	    "H", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody",
	    "TR", "TH", "TD", "Caption", "Figure", "Link", "TOC", "TOCI",
	    "Note" };
	struct drawn dr;
	bool have[sizeof(names) / sizeof(*names)] = { false }, ok = true;
	int untagged = 0, furniture = 0, nested = 0;

	if (!drawn(&dr, body)) {
		report(false, "structure", "does not load");
		return;
	}
	for (size_t i = 1; i < dr.l->nelems; i++) {
		const struct lay_elem *e = &dr.l->elems[i];

		have[e->role] = true;
		ok &= e->parent < (int)i && (i == 1) == (e->role == LR_DOCUMENT);
		nested += e->role == LR_L &&
		    dr.l->elems[e->parent].role == LR_LBODY;
		ok &= e->role != LR_FIGURE || (e->alt != NULL &&
		    strstr(e->alt, "Balkendiagramm") != NULL);
		ok &= e->role != LR_H || (e->level >= 1 && e->level <= 6);
	}
	for (size_t k = 0; k < sizeof(want) / sizeof(*want); k++)
		for (size_t r = 0; r < sizeof(names) / sizeof(*names); r++)
			if (strcmp(names[r], want[k]) == 0 && !have[r]) {
				ok = false;
				fprintf(stderr, "no %s\n", want[k]);
			}
	for (size_t pg = 0; pg < dr.l->npages; pg++)
		for (size_t i = 0; i < dr.l->pages[pg].n; i++) {
			const struct lay_item *it = &dr.l->pages[pg].items[i];
			bool furn = it->y > dr.l->p.page_h - dr.l->p.margin_top ||
			    it->y < dr.l->p.margin_bottom;

			if (it->type != LI_TEXT)
				continue;
			furniture += furn && it->elem != 0;
			untagged += !furn && it->elem == 0;
		}
	report(ok && nested == 1 && untagged == 0 && furniture == 0,
	    "structure: the elements of the tree, every text of the body in "
	    "one, the running head in none", "ok %d, nested %d, untagged %d, "
	    "furniture tagged %d", ok, nested, untagged, furniture);
	drawn_free(&dr);
}

/* Whether there is a contents list is the tree's: none for a body
 * without chapters or with one, then neither writer draws one. */
static void
test_contents(void)
{
	static const struct {
		const char	*body;
		bool		 toc;
	} cases[] = {
		{ "<p>Nur Text.</p>", false },
		{ "<section title=\"Eins\"><p>x</p></section>", false },
		{ "<section title=\"Eins\"><p>x</p></section>"
		  "<section title=\"Zwei\"><p>y</p></section>", true },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct drawn dr;
		const struct doc_node *toc;
		bool tree, page, print;

		if (!drawn(&dr, cases[i].body)) {
			report(false, "contents", "case %zu does not load", i);
			continue;
		}
		toc = dr.d->root->first;
		tree = toc != NULL && toc->type == DOC_TOC;
		page = strstr(dr.html, "<nav class=\"toc\"") != NULL;
		print = count_text(dr.l, "Inhalt") > 0;
		/* On paper, from min_pages pages on (test_layout_toc). */
		report(tree == cases[i].toc && page == tree && print == (tree &&
		    dr.l->npages >= (size_t)toc->min_pages),
		    "contents: the tree decides, both writers follow",
		    "case %zu: tree %d, page %d, print %d", i, tree, page,
		    print);
		report(!tree || toc->min_pages == 4, "contents: min_pages 4",
		    "%d", tree ? toc->min_pages : 0);
		drawn_free(&dr);
	}
}

/* The line under the cover title is joined in the tree; the date
 * follows on a line of its own, on the page as in print. */
static void
test_cover_line(void)
{
	static const char line[] = "Arbeitsmarkt- und Integrationsprogramm "
	    "\xC2\xB7 Kreis K, Land L";
	struct drawn dr;
	char *h, *p;

	if (!drawn(&dr, "<section title=\"S\"><p>x</p></section>")) {
		report(false, "cover: line", "the plan does not load");
		return;
	}
	report(dr.d->cover_line != NULL && strcmp(dr.d->cover_line, line) == 0,
	    "cover: the tree joins the line under the title", "'%s'",
	    dr.d->cover_line != NULL ? dr.d->cover_line : "(none)");
	h = xasprintf("<p class=\"meta\">%s</p><p class=\"meta\">16. Januar "
	    "2017</p>", line);
	p = layout_lines(dr.l);
	report(strstr(dr.html, h) != NULL, "cover: the page draws the line, "
	    "then the date", "not in the page");
	report(count_text(dr.l, line) == 1 && strstr(p, "|16. Januar 2017|") !=
	    NULL, "cover: the print draws the line, then the date", "got %s", p);
	free(h);
	free(p);
	drawn_free(&dr);
}

static void
test_drawn_once(void)
{
	test_cover_line();
	test_nested_lists();
	test_table_meta();
	test_contents();
	test_line_decisions();
	test_layout_structure();
}

/* --- Excel cells: the stored decimal text, never a double --- */

static void
xlsx_num(const char *v, bool percent, int decimals, bool dot, const char *want)
{
	char *got = xlsx_number(v, percent, decimals, dot);
	char name[80];

	snprintf(name, sizeof(name), "xlsx_number %s%s", v, percent ? " %" : "");
	if (want == NULL)
		report(got == NULL, name, "got '%s', want none", got);
	else
		eq_str(name, got != NULL ? got : "(none)", want);
	free(got);
}

static void
test_xlsx_numbers(void)
{
	xlsx_num("1606751.45", false, 0, false, "1606751,45");
	xlsx_num("1606751.4500000002", false, 0, false, "1606751,45");
	xlsx_num("0.30000000000000004", false, 0, true, "0.3");
	xlsx_num("12.345000000001", false, 0, false, "12,345");
	xlsx_num("9099250.470000001", false, 0, false, "9099250,47");
	xlsx_num("8468852.529999999", false, 0, false, "8468852,53");
	xlsx_num("99999999999999.98", false, 0, false, "100000000000000");
	xlsx_num("123456789012.345", false, 0, false, "123456789012,345");
	xlsx_num("1.0000000000000002E+20", false, 0, false,
	    "100000000000000000000");
	xlsx_num("0.000000000600", false, 0, false, "0,000000001");
	xlsx_num("0.99999999999999989", false, 0, false, "1");
	xlsx_num("-4E2", false, 0, false, "-400");
	xlsx_num("1.5E-3", false, 0, false, "0,0015");
	xlsx_num("25575625", false, 0, false, "25575625");
	xlsx_num("0.167", true, 0, false, "16,7");
	xlsx_num("0.16699999999999998", true, 1, false, "16,7");
	xlsx_num("0.17", true, 1, false, "17,0");
	xlsx_num("8", false, 1, false, "8,0");
	xlsx_num("0", false, 2, false, "0,00");
	xlsx_num("-0.0000000001", false, 0, false, "0");
	xlsx_num("1E+41", false, 0, false, NULL);
	xlsx_num("12abc", false, 0, false, NULL);
	xlsx_num("1.2.3", false, 0, false, NULL);
	xlsx_num("", false, 0, false, NULL);
	for (size_t i = 0; i < 6; i++) {
		static const struct { int ci; const char *want; } names[] = {
			{ 0, "A7" }, { 25, "Z7" }, { 26, "AA7" }, { 701, "ZZ7" },
			{ 702, "AAA7" }, { -1, "7:7" } };
		char *got = xlsx_cell_name(7, names[i].ci);

		eq_str("xlsx_cell_name", got, names[i].want);
		free(got);
	}
}

int
main(void)
{
	test_parse();
	test_rounding();
	test_agrees();
	test_exact_sums();
	test_exact_products();
	test_exact_round();
	test_agrees_limits();
	test_exact_random();
	test_sum_limits();
	test_formats();
	test_text();
	test_text_safety();
	test_html_links();
	test_csv();
	test_computations();
	test_lazylib();
	test_hyph();
	test_layout();
	test_layout_tables();
	test_layout_bounds();
	test_chart_bars();
	test_layout_typo();
	test_layout_keep();
	test_image();
	test_ttf();
	test_fontsub();
	test_io();
	test_fonts();
	test_anchor_lookup();
	test_xlsx_numbers();
	return failures > 0;
}
