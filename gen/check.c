/* check.c: typed figures against computed ones, and parts against wholes. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "tables.h"
#include "text.h"
#include "util.h"

static int
S_default_scale(enum unit u)
{
	return u == UNIT_MONEY ? 2 : (u == UNIT_PERCENT || u == UNIT_POINTS) ?
	    1 : 0;
}

/* The computed value for a message: exact where it has few decimals
 * ("2.251,975"), else rounded two places finer than the typed figure
 * (fewer where 15 digits would not hold it; beyond the range of its unit
 * too, as long as they do).  False if not even 15 digits hold it. */
static bool
S_exact_value(struct exact x, const struct value *typed, struct value *out)
{
	int base = S_default_scale(typed->unit);
	int ts = typed->typed_scale >= 0 ? typed->typed_scale : typed->scale;
	int scale = ts + 2 > base ? ts + 2 : base;
	struct value r;

	if (scale > SCALE_MAX)
		scale = SCALE_MAX;
	while (!exact_round(x, typed->unit, scale, &r) &&
	    !exact_round(x, UNIT_NUMBER, scale, &r))
		if (--scale < 0)
			return false;
	r.unit = typed->unit;
	while (r.scale > base && r.v % 10 == 0) {
		r.v /= 10;
		r.scale--;
	}
	if (typed->unit == UNIT_MONEY && r.scale < 2) {
		for (; r.scale < 2; r.scale++)
			r.v *= 10;
	}
	*out = r;
	return true;
}

static char *
S_show_exact(struct exact x, const struct value *typed)
{
	struct value r;

	if (!S_exact_value(x, typed, &r))
		return xasprintf("%s%s", exact_sign(x) > 0 ? "more than " :
		    "less than \xE2\x88\x92", fmt_limit(typed->unit));
	return fmt_display_dup(&r, 0);
}

/* With --lenient, a declared figure that disagrees stays visible under
 * its table: the first TABLE_TRACES_MAX are kept, all are counted. */
static void
S_trace(struct table *t, const struct entry *e, const struct value *typed,
    const struct value *computed)
{
	if (t->ntraces < TABLE_TRACES_MAX)
		t->traces[t->ntraces] = (struct trace){ .group = e->group,
		    .typed = *typed, .computed = *computed };
	t->ntraces++;
}

static void
S_trace_exact(struct table *t, const struct entry *e,
    const struct value *typed, struct exact x)
{
	struct value r;

	/* Beyond even 15 digits, the warning says so; a trace could not. */
	if (S_exact_value(x, typed, &r))
		S_trace(t, e, typed, &r);
}

/* A check of field f would only repeat a reading error: the table could
 * not be read, a cell of f did not parse, or f is computed from fields of
 * which one did not. */
static bool
S_spoiled(const struct table *t, int f)
{
	return t->broken || t->bad_field[f] || (t->any_bad_field &&
	    (t->fields[f].flags & FIELD_COMPUTED));
}

static void
S_none_declared(struct table *t, const struct entry *e, int f,
    bool lenient, struct diags *d)
{
	struct value none = value_none(t->fields[f].unit);

	if (S_spoiled(t, f))
		return;
	if (lenient)
		S_trace(t, e, &e->val[f], &none);
	table_diag(d, lenient ? SEV_WARNING : SEV_ERROR, t, e->line,
	    "%s '%s': %s is given, but no row %shas one",
	    e->kind == ENTRY_DECLARED ? "declared total" : "row",
	    QUOTE(e->label), QUOTE(t->fields[f].name),
	    e->kind == ENTRY_DECLARED ? "" : "above ");
}

/* True if the typed figure disagrees (and was reported). */
static bool
S_mismatch(const struct table *t, const struct entry *e, int f,
    const struct value *typed, struct exact x, const char *how,
    enum severity sev, struct diags *d)
{
	char *a, *b;

	if (S_spoiled(t, f) || value_agrees(typed, x))
		return false;
	a = fmt_display_dup(typed, 0);
	b = S_show_exact(x, typed);
	table_diag(d, sev, t, e->line, "%s '%s': %s is %s, but %s %s",
	    e->kind == ENTRY_DECLARED ? "declared total" : "row",
	    QUOTE(e->label), QUOTE(t->fields[f].name), a, how, b);
	free(a);
	free(b);
	return true;
}

void
check_typed(const struct table *t, const struct entry *e, int f,
    const struct value *typed, struct exact x, const char *how,
    struct diags *d)
{
	S_mismatch(t, e, f, typed, x, how, SEV_ERROR, d);
}

void
check_declared(struct table *t, const struct entry *e, int f,
    const struct value *typed, const struct value *computed, bool lenient,
    struct diags *d)
{
	if (!computed->has)
		S_none_declared(t, e, f, lenient, d);
	else if (S_mismatch(t, e, f, typed, value_exact(computed),
	    "the rows above add up to", lenient ? SEV_WARNING : SEV_ERROR, d) &&
	    lenient)
		S_trace(t, e, typed, computed);
}

/* The computed figure a declared total is compared with: the group's or
 * the total's, or the plain sum where the table does not print one (exact:
 * where it is beyond the range, the declared figure disagrees with it).
 * 1 if there is one, 0 if not, -1 on overflow. */
static int
S_declared_target(const struct table *t, const struct entry *e, int f,
    struct exact *out)
{
	const struct entry *target = e->group >= 0 ? &t->groups[e->group] :
	    t->total;
	bool any;

	if (target != NULL && target->val[f].has) {
		*out = value_exact(&target->val[f]);
		return 1;
	}
	if (t->fields[f].unit == UNIT_PERCENT || (t->fields[f].flags &
	    FIELD_COMPUTED))
		return 0;
	if (!table_sum_exact(t, e->group, f, out, &any))
		return -1;
	return any;
}

static void
S_declared(struct table *t, bool lenient, struct diags *d)
{
	for (size_t i = 0; i < t->ndeclared; i++) {
		const struct entry *e = &t->declared[i];
		const char *how = e->group >= 0 ? "the rows of its group add up "
		    "to" : "all rows add up to";

		if (e->art == ART_SUMME && e->group < 0)
			continue;	/* already refused while reading */
		for (size_t f = 0; f < t->nfields; f++) {
			struct exact c;
			int has;

			if (!e->val[f].has)
				continue;
			has = S_declared_target(t, e, (int)f, &c);
			if (has == 0)
				S_none_declared(t, e, (int)f, lenient, d);
			else if (has < 0)
				table_diag(d, SEV_ERROR, t, e->line, "declared total "
				    "'%s': the rows of %s add up beyond the range "
				    "of the program", e->label, t->fields[f].name);
			else if (S_mismatch(t, e, (int)f, &e->val[f], c, how,
			    lenient ? SEV_WARNING : SEV_ERROR, d) && lenient)
				S_trace_exact(t, e, &e->val[f], c);
		}
	}
}

/* The sum of field f over the rows kids (indices into t's rows), exact so
 * that no partial sum leaves the range (100.000 rows of 10^15 at 10^-6 stay
 * below 10^27), for display; NULL when it is not more than pe's. */
static char *
S_davon_sum(const struct table *t, const struct entry *pe, int f,
    const size_t *kids, size_t n)
{
	struct exact sum = { 0, 1 }, diff;
	struct value shown;
	bool any = false, approx = false, ok = true;
	int scale = 0;

	for (size_t k = 0; k < n; k++) {
		const struct value *v = &t->rows[kids[k]].val[f];

		if (!v->has || v->info)
			continue;
		any = true;
		approx |= v->approx;
		scale = v->scale > scale ? v->scale : scale;
		ok &= exact_add(sum, value_exact(v), &sum);
	}
	if (!ok || !exact_sub(sum, value_exact(&pe->val[f]), &diff))
		return xstrdup("a figure beyond the range");
	if (!any || exact_sign(diff) <= 0)
		return NULL;
	/* Beyond the range of its unit, it is shown as long as 15 digits
	 * hold it; it is more than the parent, so beyond means above. */
	if (!exact_round(sum, t->fields[f].unit, scale, &shown) &&
	    !exact_round(sum, UNIT_NUMBER, scale, &shown))
		return xasprintf("more than %s", fmt_limit(t->fields[f].unit));
	shown.unit = (uint8_t)t->fields[f].unit;
	shown.approx = approx;
	return fmt_display_dup(&shown, 0);
}

static void
S_davon_field(const struct table *t, const struct entry *pe, int f,
    const size_t *kids, size_t n, struct diags *d)
{
	char *a = S_davon_sum(t, pe, f, kids, n), *b;

	if (a == NULL)
		return;
	b = fmt_display_dup(&pe->val[f], 0);
	table_diag(d, SEV_ERROR, t, pe->line, "row '%s': its davon rows add up to %s "
	    "in %s, more than its own %s", QUOTE(pe->label), a,
	    QUOTE(t->fields[f].name), b);
	free(a);
	free(b);
}

/* The davon rows of a parent never add up to more than the parent.
 * Children are bucketed by parent first, so this stays linear. */
static void
S_davon(const struct table *t, struct diags *d)
{
	size_t *start = xcalloc(t->nrows + 1, sizeof(*start));
	size_t *order = xcalloc(t->nrows, sizeof(*order));
	size_t *fill = xcalloc(t->nrows, sizeof(*fill));

	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].parent >= 0 && !t->rows[i].darunter)
			start[t->rows[i].parent + 1]++;
	for (size_t i = 0; i < t->nrows; i++)
		start[i + 1] += start[i];
	for (size_t i = 0; i < t->nrows; i++) {
		int p = t->rows[i].parent;

		if (p >= 0 && !t->rows[i].darunter)
			order[start[p] + fill[p]++] = i;
	}
	for (size_t p = 0; p < t->nrows; p++) {
		const struct entry *pe = &t->rows[p];

		for (size_t f = 0; start[p] < start[p + 1] && f < t->nfields; f++)
			if ((t->fields[f].flags & FIELD_SUMMED) &&
			    pe->val[f].has && !S_spoiled(t, (int)f))
				S_davon_field(t, pe, (int)f, order + start[p],
				    start[p + 1] - start[p], d);
	}
	free(start);
	free(order);
	free(fill);
}

static void
S_part_of(const struct table *t, struct diags *d)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];

		for (size_t f = 0; f < t->nfields; f++) {
			int w = t->fields[f].part_of;
			char *a, *b;

			if (w < 0 || !e->val[f].has || !e->val[w].has ||
			    S_spoiled(t, (int)f) || S_spoiled(t, w) ||
			    value_cmp(&e->val[f], &e->val[w]) <= 0)
				continue;
			a = fmt_display_dup(&e->val[f], 0);
			b = fmt_display_dup(&e->val[w], 0);
			table_diag(d, SEV_ERROR, t, e->line, "row '%s': %s (%s) is more "
			    "than %s (%s)", QUOTE(e->label),
			    QUOTE(t->fields[f].name), a,
			    QUOTE(t->fields[w].name), b);
			free(a);
			free(b);
		}
	}
}

/* The sum of the shares of t's top-level rows and its slack, the half
 * units of their last typed decimals summed.  Over the least common
 * denominator (2 * 10^SCALE_MAX at most), 100.000 shares of 15 digits
 * stay below 10^27.  False on overflow, else *any if a row has a share. */
static bool
S_share_sum(const struct table *t, int fa, struct exact *sum,
    struct exact *slack, bool *any)
{
	*sum = *slack = (struct exact){ 0, 1 };
	*any = false;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct value *v = &t->rows[i].val[fa];
		struct exact half = { 1, 2 * num_pow10(v->typed_scale > 0 ?
		    v->typed_scale : 0) };

		if (t->rows[i].parent >= 0 || !v->has || v->info)
			continue;
		*any = true;
		if (!exact_add(*sum, value_exact(v), sum) ||
		    !exact_add(*slack, half, slack))
			return false;
	}
	return true;
}

/* Shares typed without counts add up to 100 within the rounding of
 * each share: half a unit of its last decimal, summed. */
static void
S_shares(const struct table *t, struct diags *d)
{
	int fa = table_field(t, "anteil"), fn = table_field(t, "anzahl");
	struct exact sum, slack, off, room;
	struct value counts;
	bool any;
	char *s;

	/* Where the rows give counts, the shares are computed from them
	 * (the total's anzahl may be a declared count of the whole). */
	if (t->total == NULL || !table_sum(t, -1, fn, &counts, NULL) ||
	    counts.has || S_spoiled(t, fa))
		return;
	if (S_share_sum(t, fa, &sum, &slack, &any)) {
		if (!any)
			return;
		if (exact_sub(sum, (struct exact){ 100, 1 }, &off)) {
			off.num = off.num < 0 ? -off.num : off.num;
			if (exact_sub(slack, off, &room) && exact_sign(room) >= 0)
				return;
		}
	}
	/* The total is beyond the range when the sum is: reported there. */
	if (!t->total->val[fa].has)
		return;
	s = fmt_display_dup(&t->total->val[fa], 0);
	table_diag(d, SEV_ERROR, t, t->header_line, "the shares add up to %s, "
	    "not 100 %%", s);
	free(s);
}

/* A darunter row is a subset of its base row: never more than it, and a
 * typed share of it between 0 and 100 %. */
static void
S_darunter(const struct table *t, struct diags *d)
{
	int fa = table_field(t, "anteil"), fn = table_field(t, "anzahl");
	struct value hundred = { .v = 100, .unit = UNIT_PERCENT, .has = true };

	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i], *b;
		const struct value *a = &e->val[fa];
		char *x, *y;

		if (!e->darunter)
			continue;
		b = &t->rows[e->parent];
		if (e->val[fn].has && b->val[fn].has && !S_spoiled(t, fn) &&
		    value_cmp(&e->val[fn], &b->val[fn]) > 0) {
			x = fmt_display_dup(&e->val[fn], 0);
			y = fmt_display_dup(&b->val[fn], 0);
			table_diag(d, SEV_ERROR, t, e->line,
			    "darunter row '%s': anzahl is %s, more than the %s "
			    "of its base row '%s'", QUOTE(e->label), x, y,
			    QUOTE(b->label));
			free(x);
			free(y);
		}
		/* A share not computed from counts is as typed. */
		if (!(e->val[fn].has && b->val[fn].has) && a->has &&
		    !S_spoiled(t, fa) &&
		    (a->v < 0 || value_cmp(a, &hundred) > 0)) {
			x = fmt_display_dup(a, 0);
			table_diag(d, SEV_ERROR, t, e->line,
			    "darunter row '%s': anteil is %s, not between 0 and "
			    "100 %%", QUOTE(e->label), x);
			free(x);
		}
	}
}

void
check_plan(struct plan *p, bool lenient, struct diags *d)
{
	for (size_t i = 0; i < p->ntables; i++) {
		struct table *t = p->tables[i];

		S_declared(t, lenient, d);
		S_davon(t, d);
		S_part_of(t, d);
		if (t->kind == KIND_DISTRIBUTION) {
			S_shares(t, d);
			S_darunter(t, d);
		}
	}
}
