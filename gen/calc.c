/* calc.c: computing every derived figure of a plan, exactly. */
#include "calc.h"

#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "fmt.h"
#include "text.h"
#include "util.h"

/* Decimals of computed shares and quotas (input-format.md). */
#define SHARE_SCALE 1

struct calc {
	struct table	*t;
	const struct table *prev;	/* the same table a year before */
	struct diags	*d;
	bool		 lenient;
	bool		 range_reported;	/* one range error a table */
	int		 year_e, year_m;	/* the year's Eintritte, Mittel */
};

static int
F(const struct table *t, const char *name)
{
	return table_field(t, name);
}

static bool
S_counted(const struct entry *e)
{
	return e->kind == ENTRY_ROW && !e->label_row && e->parent < 0;
}

bool
calc_sum(const struct table *t, int g, int f, struct value *out,
    const struct entry **at)
{
	*out = value_none(t->fields[f].unit);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];
		const struct value *v = &e->val[f];

		if (!S_counted(e) || (g >= 0 && e->group != g) || v->info)
			continue;
		if (!sum_add(out, v)) {
			if (at != NULL)
				*at = e;
			return false;
		}
	}
	return true;
}

struct value
calc_budget_amount(const struct table *b)
{
	int f = table_field(b, "betrag");

	for (size_t i = b->nrows; i-- > 0; )
		if (b->rows[i].art == ART_SUMME)
			return b->rows[i].val[f];
	return value_none(UNIT_MONEY);
}

/* what: "the running total", "the sum of eintritte", "mittel_gesamt". */
static void
S_range_error(struct calc *c, const struct entry *e, const char *what,
    enum unit unit)
{
	if (c->range_reported)
		return;
	c->range_reported = true;
	diag_error(c->d, c->t->path, e->line ? e->line : c->t->header_line,
	    "'%s': %s is beyond the limit of %s", QUOTE(e->label), what,
	    fmt_limit(unit));
}

/* Stores the exact result x, rounded to scale, in field f of e.  A value
 * typed into that field is checked against x first. */
static void
S_store(struct calc *c, struct entry *e, int f, struct exact x, int scale,
    bool info, bool approx)
{
	struct value *cur = &e->val[f], r;

	if (!exact_round(x, entry_unit(c->t, e, f), scale, &r)) {
		S_range_error(c, e, c->t->fields[f].name, entry_unit(c->t, e, f));
		return;
	}
	r.info = info;
	r.approx = approx;
	if (cur->has)
		check_typed(c->t, e, f, cur, x, "it computes to", c->d);
	*cur = r;
}

/* Field f of e = a / b * mult, when both have values and b is not 0. */
static void
S_ratio(struct calc *c, struct entry *e, int f, const struct value *a,
    const struct value *b, int64_t mult, int scale)
{
	struct exact x;

	if (a->has && b->has && exact_ratio(a, b, mult, &x))
		S_store(c, e, f, x, scale, a->info || b->info,
		    a->approx || b->approx);
}

/* Field f of e = a - b, at the finer of their scales. */
static void
S_difference(struct calc *c, struct entry *e, int f, const struct value *a,
    const struct value *b)
{
	if (a->has && b->has)
		S_store(c, e, f, exact_sub(value_exact(a), value_exact(b)),
		    a->scale > b->scale ? a->scale : b->scale,
		    a->info || b->info, a->approx || b->approx);
}

static void
S_set_sums(struct calc *c, struct entry *e, int g)
{
	struct table *t = c->t;

	for (size_t f = 0; f < t->nfields; f++) {
		const struct entry *at = e;
		char *what;

		if (!(t->fields[f].flags & FIELD_SUMMED) ||
		    calc_sum(t, g, (int)f, &e->val[f], &at))
			continue;
		what = xasprintf("the sum of %s", t->fields[f].name);
		S_range_error(c, at, what, t->fields[f].unit);
		free(what);
	}
}

/* --- budget --- */

static void
S_budget_row(struct calc *c, struct entry *e, struct value *run)
{
	int fb = F(c->t, "betrag");
	struct value *v = &e->val[fb], neg = *v;

	neg.v = -neg.v;
	switch (e->art) {
	case ART_BASIS:
	case ART_ZUGANG:
	case ART_ABGANG:
		if (v->has && !v->info && !sum_add(run, e->art == ART_ABGANG ?
		    &neg : v))
			S_range_error(c, e, "the running total", UNIT_MONEY);
		break;
	case ART_SUMME:
		if (v->has)
			check_declared(c->t, e, fb, v, run, c->lenient, c->d);
		if (run->has)
			*v = *run;
		break;
	default:
		break;
	}
}

static void
S_budget(struct calc *c)
{
	struct table *t = c->t;
	int fb = F(t, "betrag"), fa = F(t, "anteil_basis");
	struct value run = value_none(UNIT_MONEY), basis = run;

	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];

		if (e->art == ART_BASIS && !basis.has)
			basis = e->val[fb];
		S_budget_row(c, e, &run);
	}
	for (size_t i = 0; i < t->nrows; i++)
		S_ratio(c, &t->rows[i], fa, &t->rows[i].val[fb], &basis, 100,
		    SHARE_SCALE);
}

/* --- instruments --- */

/* Neufall + Vorbindung + Zusatz; a row's own figures, informational
 * ones included (they make the result informational). */
static void
S_mittel_gesamt(struct calc *c, struct entry *e)
{
	static const char *const parts[] = { "mittel_neufall",
	    "mittel_vorbindung", "mittel_zusatz" };
	struct value sum = value_none(UNIT_MONEY);
	bool info = e->info;
	int fg = F(c->t, "mittel_gesamt");

	for (size_t i = 0; i < 3; i++) {
		const struct value *v = &e->val[F(c->t, parts[i])];

		if (!sum_add(&sum, v))
			S_range_error(c, e, "mittel_gesamt", UNIT_MONEY);
		info |= v->has && v->info;
	}
	if (sum.has)
		S_store(c, e, fg, value_exact(&sum), 2, info, sum.approx);
}

static void
S_instrument_derived(struct calc *c, struct entry *e, const struct value *budget)
{
	const struct table *t = c->t;
	const struct value *mg = &e->val[F(t, "mittel_gesamt")];
	const struct value *ein = &e->val[F(t, "eintritte")];

	S_ratio(c, e, F(t, "kosten_je_eintritt"), mg, ein, 1, 2);
	S_ratio(c, e, F(t, "anteil_budget"), mg, budget, 100, SHARE_SCALE);
	S_ratio(c, e, F(t, "ausschoepfung_eintritte"),
	    &e->val[F(t, "eintritte_ist")], ein, 100, SHARE_SCALE);
	S_ratio(c, e, F(t, "ausschoepfung_mittel"),
	    &e->val[F(t, "ausgaben_ist")], mg, 100, SHARE_SCALE);
	S_difference(c, e, F(t, "abweichung_eintritte"),
	    &e->val[F(t, "eintritte_ist")], ein);
	S_difference(c, e, F(t, "abweichung_mittel"),
	    &e->val[F(t, "ausgaben_ist")], mg);
	S_difference(c, e, F(t, "veraenderung_eintritte"), &e->val[c->year_e],
	    &e->val[F(t, "eintritte_vorjahr")]);
	S_difference(c, e, F(t, "veraenderung_mittel"), &e->val[c->year_m],
	    &e->val[F(t, "mittel_vorjahr")]);
}

/* A year's figures of an instruments table: the Ist where it has any,
 * else the Soll. */
static void
S_year_fields(const struct table *t, int *fe, int *fm)
{
	int ei = F(t, "eintritte_ist"), ai = F(t, "ausgaben_ist");
	bool ist = false;

	for (size_t i = 0; i < t->nrows; i++)
		ist |= t->rows[i].val[ei].has || t->rows[i].val[ai].has;
	*fe = ist ? ei : F(t, "eintritte");
	*fm = ist ? ai : F(t, "mittel_gesamt");
}

/* The figures of the same rows a year before. */
static void
S_instruments_before(struct calc *c)
{
	struct table *t = c->t;
	int pe, pm;

	if (c->prev == NULL)
		return;
	S_year_fields(c->prev, &pe, &pm);
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		const struct entry *p = e->id != NULL ?
		    table_entry(c->prev, e->id) : NULL;

		if (p == NULL || p->kind != ENTRY_ROW || e->label_row)
			continue;
		e->val[F(t, "eintritte_vorjahr")] = p->val[pe];
		e->val[F(t, "mittel_vorjahr")] = p->val[pm];
	}
}

static void
S_instruments(struct calc *c)
{
	struct table *t = c->t;
	struct value budget = t->budget != NULL ?
	    calc_budget_amount(t->budget) : value_none(UNIT_MONEY);
	const struct value *total;

	for (size_t i = 0; i < t->nrows; i++)
		if (!t->rows[i].label_row)
			S_mittel_gesamt(c, &t->rows[i]);
	S_year_fields(t, &c->year_e, &c->year_m);
	S_instruments_before(c);
	for (size_t i = 0; i < t->nrows; i++)
		if (!t->rows[i].label_row)
			S_instrument_derived(c, &t->rows[i], &budget);
	for (size_t g = 0; g < t->ngroups; g++) {
		S_set_sums(c, &t->groups[g], (int)g);
		S_instrument_derived(c, &t->groups[g], &budget);
	}
	S_set_sums(c, t->total, -1);
	S_instrument_derived(c, t->total, &budget);
	total = &t->total->val[F(t, "mittel_gesamt")];
	if (budget.has && total->has) {
		t->reserve = budget;
		t->reserve.v -= total->v;
		t->reserve.approx |= total->approx;
		t->reserve.typed_scale = -1;
		if (!value_in_range(&t->reserve))
			t->reserve = value_none(UNIT_MONEY);
	}
}

/* --- distribution --- */

/* veraenderung = now - prev, and for counts and money also in percent
 * of prev. */
static void
S_changes(struct calc *c, struct entry *e, const struct value *now,
    const struct value *prev)
{
	const struct table *t = c->t;
	int fv = F(t, "veraenderung");
	struct exact diff, p, x;

	if (!now->has || !prev->has)
		return;
	S_difference(c, e, fv, now, prev);
	if (now->unit == UNIT_PERCENT || prev->v == 0)
		return;
	diff = exact_sub(value_exact(now), value_exact(prev));
	p = value_exact(prev);
	x.num = diff.num * p.den * 100;
	x.den = diff.den * p.num;
	if (x.den < 0) {
		x.num = -x.num;
		x.den = -x.den;
	}
	S_store(c, e, F(t, "veraenderung_prozent"), x, SHARE_SCALE,
	    e->val[fv].info, e->val[fv].approx);
}

static void
S_distribution(struct calc *c)
{
	struct table *t = c->t;
	int fn = F(t, "anzahl"), fa = F(t, "anteil"), fv = F(t, "vorjahr");
	struct entry *tot = t->total;
	struct value hundred = { .v = 1000, .scale = 1, .typed_scale = -1,
	    .unit = UNIT_PERCENT, .has = true };

	S_set_sums(c, tot, -1);
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];

		S_ratio(c, e, fa, &e->val[fn], &tot->val[fn], 100, SHARE_SCALE);
		S_changes(c, e, &e->val[fn], &e->val[fv]);
	}
	if (tot->val[fn].has)
		tot->val[fa] = hundred;
	else if (!calc_sum(t, -1, fa, &tot->val[fa], NULL))
		S_range_error(c, tot, "the sum of anteil", UNIT_PERCENT);
	S_changes(c, tot, &tot->val[fn], &tot->val[fv]);
}

/* --- targets --- */

struct segments {
	struct value	 zaehler, nenner;
	bool		 complete;	/* every segment has both */
	bool		 any;
};

static void
S_segments(const struct table *t, struct segments *seg)
{
	int fz = F(t, "zaehler"), fn = F(t, "nenner");

	for (size_t i = 0; i < t->nrows; i++) {
		seg[i].zaehler = value_none(UNIT_NUMBER);
		seg[i].nenner = value_none(UNIT_NUMBER);
		seg[i].complete = true;
	}
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];
		struct segments *s;

		if (e->teil_von < 0)
			continue;
		s = &seg[e->teil_von];
		s->any = true;
		s->complete &= e->val[fz].has && e->val[fn].has;
		s->complete &= sum_add(&s->zaehler, &e->val[fz]) &&
		    sum_add(&s->nenner, &e->val[fn]);
	}
}

/* A target value from each source the row has, checked against a typed
 * one or stored in order (input-format.md, "targets"). */
static void
S_target_value(struct calc *c, struct entry *e, const struct segments *seg)
{
	const struct table *t = c->t;
	int fz = F(t, "zielwert"), fi = F(t, "ist_vorjahr");
	const struct value *ivj = &e->val[fi];
	const struct value *ver = &e->val[F(t, "veraenderung")];
	const struct value *pp = &e->val[F(t, "veraenderung_punkte")];
	const struct value *zae = &e->val[F(t, "zaehler")];
	const struct value *nen = &e->val[F(t, "nenner")];
	struct value typed = e->val[fz];
	struct exact x[4];
	const char *how[4] = { "ist_vorjahr and veraenderung give",
	    "ist_vorjahr and veraenderung_punkte give",
	    "zaehler and nenner give", "its segments give" };
	bool ok[4];
	int scale = e->typ == TARGET_BESTAND ? 0 : e->typ == TARGET_SUMME ? 2 :
	    SHARE_SCALE;

	ok[0] = ivj->has && ver->has;
	if (ok[0]) {
		struct exact f = { (__int128)value_exact(ver).den * 100 + ver->v,
		    (__int128)value_exact(ver).den * 100 };

		x[0] = exact_mul(value_exact(ivj), f);
	}
	ok[1] = ivj->has && pp->has;
	if (ok[1])
		x[1] = exact_add(value_exact(ivj), value_exact(pp));
	ok[2] = zae->has && nen->has && exact_ratio(zae, nen, 100, &x[2]);
	ok[3] = seg->any && seg->complete &&
	    exact_ratio(&seg->zaehler, &seg->nenner, 100, &x[3]);
	for (int k = 0; k < 4; k++) {
		if (!ok[k])
			continue;
		if (typed.has)
			check_typed(t, e, fz, &typed, x[k], how[k], c->d);
		else if (!e->val[fz].has)
			S_store(c, e, fz, x[k], scale, false, false);
	}
}

static void
S_targets(struct calc *c)
{
	struct table *t = c->t;
	struct segments *seg = xcalloc(t->nrows, sizeof(*seg));
	int fz = F(t, "zielwert"), fi = F(t, "ist");

	S_segments(t, seg);
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		const struct value *ziel = &e->val[fz], *ist = &e->val[fi];

		S_target_value(c, e, &seg[i]);
		S_difference(c, e, F(t, "abweichung"), ist, ziel);
		if (c->prev != NULL && e->id != NULL) {
			const struct entry *p = table_entry(c->prev, e->id);

			if (p != NULL && p->kind == ENTRY_ROW)
				S_difference(c, e, F(t, "veraenderung_vorjahr"), ist,
				    &p->val[fi]);
		}
		/* Reached: at least the target, or at most it when lower is
		 * better; judged on the target as printed. */
		if (ist->has && ziel->has) {
			struct exact x = exact_sub(value_exact(ist),
			    value_exact(ziel));

			e->reached = e->low_is_better ? x.num <= 0 : x.num >= 0;
		}
		if (e->low_is_better)
			S_ratio(c, e, F(t, "zielerreichung"), ziel, ist, 100,
			    SHARE_SCALE);
		else
			S_ratio(c, e, F(t, "zielerreichung"), ist, ziel, 100,
			    SHARE_SCALE);
	}
	free(seg);
}

/* --- series --- */

static void
S_series(struct calc *c)
{
	struct table *t = c->t;
	xmlHashTablePtr last = xmlHashCreate(16);
	int fw = F(t, "wert");

	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		struct entry *prev = xmlHashLookup(last, (xmlChar *)e->label);

		if (prev != NULL && prev->row_unit == e->row_unit)
			S_changes(c, e, &e->val[fw], &prev->val[fw]);
		xmlHashUpdateEntry(last, (xmlChar *)e->label, e, NULL);
	}
	xmlHashFree(last, NULL);
}

/* --- kind table --- */

static void
S_table(struct calc *c)
{
	struct table *t = c->t;
	struct value hundred = { .v = 1000, .scale = 1, .typed_scale = -1,
	    .unit = UNIT_PERCENT, .has = true };

	for (size_t g = 0; g < t->ngroups; g++)
		S_set_sums(c, &t->groups[g], (int)g);
	if (t->total != NULL)
		S_set_sums(c, t->total, -1);
	for (size_t f = 0; f < t->nfields; f++) {
		int s = t->fields[f].share_of;
		struct value grand, part;

		if (s < 0 || !calc_sum(t, -1, s, &grand, NULL))
			continue;
		for (size_t i = 0; i < t->nrows; i++)
			S_ratio(c, &t->rows[i], (int)f, &t->rows[i].val[s],
			    &grand, 100, SHARE_SCALE);
		for (size_t g = 0; g < t->ngroups; g++)
			if (calc_sum(t, (int)g, s, &part, NULL))
				S_ratio(c, &t->groups[g], (int)f, &part, &grand,
				    100, SHARE_SCALE);
		if (t->total != NULL && grand.has && grand.v != 0)
			t->total->val[f] = hundred;
	}
}

void
calc_plan(struct plan *p, bool lenient, struct diags *d)
{
	struct calc c = { .d = d, .lenient = lenient };

	/* Budgets first: instruments refer to them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < p->ntables; i++) {
			c.t = p->tables[i];
			c.prev = p->previous != NULL ?
			    plan_table(p->previous, c.t->name) : NULL;
			if (c.prev != NULL && c.prev->kind != c.t->kind)
				c.prev = NULL;
			c.range_reported = false;
			if ((c.t->kind == KIND_BUDGET) != (pass == 0))
				continue;
			switch (c.t->kind) {
			case KIND_BUDGET: S_budget(&c); break;
			case KIND_INSTRUMENTS: S_instruments(&c); break;
			case KIND_DISTRIBUTION: S_distribution(&c); break;
			case KIND_TARGETS: S_targets(&c); break;
			case KIND_SERIES: S_series(&c); break;
			case KIND_TABLE: S_table(&c); break;
			}
		}
}
