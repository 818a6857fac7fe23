/* calc.c: computing every derived figure of a plan, exactly. */
#include "calc.h"

#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "fmt.h"
#include "tables.h"
#include "text.h"
#include "util.h"

struct calc {
	const struct plan *p;
	struct table	*t;
	const struct table *prev;	/* the same table a year before */
	struct diags	*d;
	bool		 lenient;
	bool		 range_reported;	/* one range error a table */
};

static int
F(const struct table *t, const char *name)
{
	return table_field(t, name);
}

/* what: "the running total", "the sum of eintritte", "mittel_gesamt". */
static void
S_range_error(struct calc *c, const struct entry *e, const char *what,
    enum unit unit)
{
	if (c->range_reported)
		return;
	c->range_reported = true;
	table_diag(c->d, SEV_ERROR, c->t, e->line ? e->line : c->t->header_line,
	    "'%s': %s is beyond the limit of %s", QUOTE(e->label), what,
	    fmt_limit(unit));
}

/* Stores the exact result x, rounded to scale, in field f of e.  A value
 * typed into that field is checked against x first.  ok is false when x
 * could not be computed (an overflow): reported like a result beyond the
 * range, never stored. */
static void
S_store(struct calc *c, struct entry *e, int f, bool ok, struct exact x,
    int scale, bool info, bool approx)
{
	struct value *cur = &e->val[f], r;

	if (!ok || !exact_round(x, entry_unit(c->t, e, f), scale, &r)) {
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
	struct exact x = { 0, 1 };

	if (a->has && b->has && b->v != 0)
		S_store(c, e, f, exact_ratio(a, b, mult, &x), x, scale,
		    a->info || b->info, a->approx || b->approx);
}

/* Field f of e = a - b, at the finer of their scales. */
static void
S_difference(struct calc *c, struct entry *e, int f, const struct value *a,
    const struct value *b)
{
	struct exact x = { 0, 1 };

	if (a->has && b->has)
		S_store(c, e, f, exact_sub(value_exact(a), value_exact(b), &x),
		    x, a->scale > b->scale ? a->scale : b->scale,
		    a->info || b->info, a->approx || b->approx);
}

/* table_sum, reporting a sum beyond the range at the row it left it. */
static bool
S_sum(struct calc *c, const struct entry *e, int g, int f, struct value *out)
{
	const struct entry *at = e;
	char *what;

	if (table_sum(c->t, g, f, out, &at))
		return true;
	what = xasprintf("the sum of %s", c->t->fields[f].name);
	S_range_error(c, at, what, c->t->fields[f].unit);
	free(what);
	return false;
}

static void
S_set_sums(struct calc *c, struct entry *e, int g)
{
	struct table *t = c->t;

	for (size_t f = 0; f < t->nfields; f++)
		if (t->fields[f].flags & FIELD_SUMMED)
			S_sum(c, e, g, (int)f, &e->val[f]);
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
		    c->t->decimals);
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
	bool info = e->info, ok = true;
	int fg = F(c->t, "mittel_gesamt");

	for (size_t i = 0; i < 3; i++) {
		const struct value *v = &e->val[F(c->t, parts[i])];

		ok &= sum_add(&sum, v);
		info |= v->has && v->info;
	}
	if (sum.has)
		S_store(c, e, fg, ok, value_exact(&sum), 2, info, sum.approx);
}

static void
S_instrument_derived(struct calc *c, struct entry *e, const struct value *budget)
{
	const struct table *t = c->t;
	const struct value *mg = &e->val[F(t, "mittel_gesamt")];
	const struct value *ein = &e->val[F(t, "eintritte")];

	S_ratio(c, e, F(t, "kosten_je_eintritt"), mg, ein, 1, 2);
	S_ratio(c, e, F(t, "anteil_budget"), mg, budget, 100, t->decimals);
	S_ratio(c, e, F(t, "ausschoepfung_eintritte"),
	    &e->val[F(t, "eintritte_ist")], ein, 100, c->t->decimals);
	S_ratio(c, e, F(t, "ausschoepfung_mittel"),
	    &e->val[F(t, "ausgaben_ist")], mg, 100, c->t->decimals);
	S_difference(c, e, F(t, "abweichung_eintritte"),
	    &e->val[F(t, "eintritte_ist")], ein);
	S_difference(c, e, F(t, "abweichung_mittel"),
	    &e->val[F(t, "ausgaben_ist")], mg);
	S_difference(c, e, F(t, "veraenderung_eintritte"),
	    &e->val[t->year_eintritte], &e->val[F(t, "eintritte_vorjahr")]);
	S_difference(c, e, F(t, "veraenderung_mittel"), &e->val[t->year_mittel],
	    &e->val[F(t, "mittel_vorjahr")]);
}

/* A year's figures of an instruments table: the Ist where it has an Ist
 * figure, else the Soll.  A note in an Ist column (Ist "liegt noch nicht
 * vor") is no figure: a change computed from it would be no change. */
static void
S_year_fields(struct table *t)
{
	int ei = F(t, "eintritte_ist"), ai = F(t, "ausgaben_ist");

	t->actuals = false;
	for (size_t i = 0; i < t->nrows; i++)
		t->actuals |= t->rows[i].val[ei].has || t->rows[i].val[ai].has;
	t->year_eintritte = t->actuals ? ei : F(t, "eintritte");
	t->year_mittel = t->actuals ? ai : F(t, "mittel_gesamt");
}

/* The budget an instruments table is measured against: the row its
 * budget="TABLE.ROW" names, else its budget table's last summe row. */
static const struct entry *
S_the_budget(struct calc *c, const struct table *b)
{
	const char *id = c->t->budget_row_id, *near;
	const struct entry *e;

	if (b != NULL && id != NULL) {
		if ((e = table_entry(b, id)) != NULL && e->kind == ENTRY_ROW)
			return e;
		if (b->broken)
			return NULL;
		if ((near = tables_near_row(b, id, NULL)) != NULL)
			diag_error(c->d, c->p->xml_path, c->t->xml_line,
			    "unknown budget row '%s.%s' (did you mean "
			    "'%s.%s'?)", b->name, QUOTE(id), b->name,
			    QUOTE(near));
		else
			diag_error(c->d, c->p->xml_path, c->t->xml_line,
			    "unknown budget row '%s.%s'", b->name, QUOTE(id));
		return NULL;
	}
	for (size_t i = b != NULL ? b->nrows : 0; i-- > 0; )
		if (b->rows[i].art == ART_SUMME)
			return &b->rows[i];
	return NULL;
}

/* The figures of the same rows a year before (computed before this
 * plan, with its own year's fields). */
static void
S_instruments_before(struct calc *c)
{
	struct table *t = c->t;

	if (c->prev == NULL)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		const struct entry *p = e->id != NULL ?
		    table_entry(c->prev, e->id) : NULL;

		if (p == NULL || p->kind != ENTRY_ROW || e->label_row)
			continue;
		e->val[F(t, "eintritte_vorjahr")] = p->val[c->prev->year_eintritte];
		e->val[F(t, "mittel_vorjahr")] = p->val[c->prev->year_mittel];
	}
}

static void
S_instruments(struct calc *c)
{
	struct table *t = c->t;
	struct value budget;
	const struct value *total;

	t->budget_row = S_the_budget(c, t->budget);
	budget = t->budget_row != NULL ?
	    t->budget_row->val[F(t->budget, "betrag")] : value_none(UNIT_MONEY);
	for (size_t i = 0; i < t->nrows; i++)
		if (!t->rows[i].label_row)
			S_mittel_gesamt(c, &t->rows[i]);
	S_year_fields(t);
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
	struct exact diff, x = { 0, 1 };
	bool ok;

	if (!now->has || !prev->has)
		return;
	S_difference(c, e, fv, now, prev);
	if (now->unit == UNIT_PERCENT || prev->v == 0)
		return;
	ok = exact_sub(value_exact(now), value_exact(prev), &diff) &&
	    exact_div(diff, value_exact(prev), &x) &&
	    exact_mul(x, (struct exact){ 100, 1 }, &x);
	S_store(c, e, F(t, "veraenderung_prozent"), ok, x, c->t->decimals,
	    e->val[fv].info, e->val[fv].approx);
}

/* A declared total's anzahl where the rows give shares only: the count
 * of the whole, printed in the total row and never checked. */
static void
S_whole_count(struct table *t, int fn)
{
	for (size_t i = 0; i < t->ndeclared && !t->total->val[fn].has; i++)
		if (t->declared[i].val[fn].has)
			t->total->val[fn] = t->declared[i].val[fn];
}

static void
S_distribution(struct calc *c)
{
	struct table *t = c->t;
	int fn = F(t, "anzahl"), fa = F(t, "anteil"), fv = F(t, "vorjahr");
	struct entry *tot = t->total;
	struct value hundred = { .v = 100 * num_pow10(t->decimals),
	    .scale = (int8_t)t->decimals, .typed_scale = -1,
	    .unit = UNIT_PERCENT, .has = true };

	S_set_sums(c, tot, -1);
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		/* A darunter row is a share of its base row. */
		const struct entry *base = e->darunter ? &t->rows[e->parent] :
		    tot;

		S_ratio(c, e, fa, &e->val[fn], &base->val[fn], 100,
		    t->decimals);
		S_changes(c, e, &e->val[fn], &e->val[fv]);
	}
	if (tot->val[fn].has)
		tot->val[fa] = hundred;
	else if (!table_sum(t, -1, fa, &tot->val[fa], NULL))
		S_range_error(c, tot, "the sum of anteil", UNIT_PERCENT);
	S_whole_count(t, fn);
	S_changes(c, tot, &tot->val[fn], &tot->val[fv]);
}

/* --- targets --- */

struct segments {
	struct value	 zaehler, nenner;
	bool		 complete;	/* every segment has both */
	bool		 any;
	const char	*over;		/* the field whose sum left the range */
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
		if (!sum_add(&s->zaehler, &e->val[fz]))
			s->over = "zaehler";
		if (!sum_add(&s->nenner, &e->val[fn]))
			s->over = "nenner";
	}
}

/* The target value from each source the row has (has[k]), exactly (ok[k]
 * false on an overflow), in the order of input-format.md, "targets". */
static void
S_target_sources(const struct table *t, const struct entry *e,
    const struct segments *seg, bool has[4], bool ok[4], struct exact x[4])
{
	const struct value *ivj = &e->val[F(t, "ist_vorjahr")];
	const struct value *ver = &e->val[F(t, "veraenderung")];
	const struct value *pp = &e->val[F(t, "veraenderung_punkte")];
	const struct value *zae = &e->val[F(t, "zaehler")];
	const struct value *nen = &e->val[F(t, "nenner")];

	for (int k = 0; k < 4; k++)
		x[k] = (struct exact){ 0, 1 };
	/* ist_vorjahr * (1 + veraenderung / 100) */
	has[0] = ivj->has && ver->has;
	ok[0] = has[0] && exact_div(value_exact(ver),
	    (struct exact){ 100, 1 }, &x[0]) && exact_add(x[0],
	    (struct exact){ 1, 1 }, &x[0]) && exact_mul(value_exact(ivj), x[0],
	    &x[0]);
	has[1] = ivj->has && pp->has;
	ok[1] = has[1] && exact_add(value_exact(ivj), value_exact(pp), &x[1]);
	has[2] = zae->has && nen->has && nen->v != 0;
	ok[2] = has[2] && exact_ratio(zae, nen, 100, &x[2]);
	has[3] = seg->any && seg->complete &&
	    (seg->over != NULL || seg->nenner.v != 0);
	ok[3] = has[3] && seg->over == NULL &&
	    exact_ratio(&seg->zaehler, &seg->nenner, 100, &x[3]);
}

/* A target value from each source the row has, checked against a typed
 * one or stored in order (input-format.md, "targets"). */
static void
S_target_value(struct calc *c, struct entry *e, const struct segments *seg)
{
	const struct table *t = c->t;
	int fz = F(t, "zielwert");
	struct value typed = e->val[fz];
	struct exact x[4];
	const char *how[4] = { "ist_vorjahr and veraenderung give",
	    "ist_vorjahr and veraenderung_punkte give",
	    "zaehler and nenner give", "its segments give" };
	bool has[4], ok[4];
	int scale = e->typ == TARGET_BESTAND ? 0 : e->typ == TARGET_SUMME ? 2 :
	    c->t->decimals;

	S_target_sources(t, e, seg, has, ok, x);
	for (int k = 0; k < 4; k++) {
		if (!has[k])
			continue;
		if (!ok[k] && k == 3 && seg->over != NULL) {
			char *what = xasprintf("the sum of %s over its segments",
			    seg->over);

			S_range_error(c, e, what, UNIT_NUMBER);
			free(what);
		} else if (!ok[k])
			S_range_error(c, e, "zielwert", entry_unit(t, e, fz));
		else if (typed.has)
			check_typed(t, e, fz, &typed, x[k], how[k], c->d);
		else if (!e->val[fz].has)
			S_store(c, e, fz, true, x[k], scale, false, false);
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
			int d = value_cmp(ist, ziel);

			e->reached = e->low_is_better ? d <= 0 : d >= 0;
		}
		if (e->low_is_better)
			S_ratio(c, e, F(t, "zielerreichung"), ziel, ist, 100,
			    c->t->decimals);
		else
			S_ratio(c, e, F(t, "zielerreichung"), ist, ziel, 100,
			    c->t->decimals);
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
	struct value hundred = { .v = 100 * num_pow10(t->decimals),
	    .scale = (int8_t)t->decimals, .typed_scale = -1,
	    .unit = UNIT_PERCENT, .has = true };

	for (size_t g = 0; g < t->ngroups; g++)
		S_set_sums(c, &t->groups[g], (int)g);
	if (t->total != NULL)
		S_set_sums(c, t->total, -1);
	for (size_t f = 0; f < t->nfields; f++) {
		int s = t->fields[f].share_of;
		struct value grand, part;

		if (s < 0 || !S_sum(c, t->rows, -1, s, &grand))
			continue;
		for (size_t i = 0; i < t->nrows; i++)
			S_ratio(c, &t->rows[i], (int)f, &t->rows[i].val[s],
			    &grand, 100, c->t->decimals);
		for (size_t g = 0; g < t->ngroups; g++)
			if (S_sum(c, &t->groups[g], (int)g, s, &part))
				S_ratio(c, &t->groups[g], (int)f, &part, &grand,
				    100, c->t->decimals);
		if (t->total != NULL && grand.has && grand.v != 0)
			t->total->val[f] = hundred;
	}
}

void
calc_plan(struct plan *p, bool lenient, struct diags *d)
{
	struct calc c = { .p = p, .d = d, .lenient = lenient };

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
