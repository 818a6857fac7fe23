/* check.c: typed figures against computed ones, and parts against wholes. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "fmt.h"
#include "text.h"
#include "util.h"

static int
S_default_scale(enum unit u)
{
	return u == UNIT_MONEY ? 2 : (u == UNIT_PERCENT || u == UNIT_POINTS) ?
	    1 : 0;
}

/* The computed value for a message: exact where it has few decimals
 * ("2.251,975"), else rounded two places finer than the typed figure. */
static char *
S_show_exact(struct exact x, const struct value *typed)
{
	int base = S_default_scale(typed->unit);
	int ts = typed->typed_scale >= 0 ? typed->typed_scale : typed->scale;
	int scale = ts + 2 > base ? ts + 2 : base;
	struct value r;

	if (scale > SCALE_MAX)
		scale = SCALE_MAX;
	if (!exact_round(x, typed->unit, scale, &r))
		return xstrdup("a figure beyond the range");
	while (r.scale > base && r.v % 10 == 0) {
		r.v /= 10;
		r.scale--;
	}
	if (typed->unit == UNIT_MONEY && r.scale < 2) {
		for (; r.scale < 2; r.scale++)
			r.v *= 10;
	}
	return fmt_display_dup(&r, 0);
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
S_none_declared(const struct table *t, const struct entry *e, int f,
    bool lenient, struct diags *d)
{
	if (S_spoiled(t, f))
		return;
	diag_add(d, lenient ? SEV_WARNING : SEV_ERROR, t->path, e->line,
	    "%s '%s': %s is given, but no row %shas one",
	    e->kind == ENTRY_DECLARED ? "declared total" : "row",
	    QUOTE(e->label), QUOTE(t->fields[f].name),
	    e->kind == ENTRY_DECLARED ? "" : "above ");
}

static void
S_mismatch(const struct table *t, const struct entry *e, int f,
    const struct value *typed, struct exact x, const char *how,
    enum severity sev, struct diags *d)
{
	char *a, *b;

	if (S_spoiled(t, f) || value_agrees(typed, x))
		return;
	a = fmt_display_dup(typed, 0);
	b = S_show_exact(x, typed);
	diag_add(d, sev, t->path, e->line, "%s '%s': %s is %s, but %s %s",
	    e->kind == ENTRY_DECLARED ? "declared total" : "row",
	    QUOTE(e->label), QUOTE(t->fields[f].name), a, how, b);
	free(a);
	free(b);
}

void
check_typed(const struct table *t, const struct entry *e, int f,
    const struct value *typed, struct exact x, const char *how,
    struct diags *d)
{
	S_mismatch(t, e, f, typed, x, how, SEV_ERROR, d);
}

void
check_declared(const struct table *t, const struct entry *e, int f,
    const struct value *typed, const struct value *computed, bool lenient,
    struct diags *d)
{
	if (!computed->has)
		S_none_declared(t, e, f, lenient, d);
	else
		S_mismatch(t, e, f, typed, value_exact(computed),
		    "the rows above add up to", lenient ? SEV_WARNING :
		    SEV_ERROR, d);
}

/* The computed figure a declared total is compared with: the group's or
 * the total's, or the plain sum where the table does not print one. */
static bool
S_declared_target(const struct table *t, const struct entry *e, int f,
    struct value *out)
{
	const struct entry *target = e->group >= 0 ? &t->groups[e->group] :
	    t->total;

	if (target != NULL && target->val[f].has) {
		*out = target->val[f];
		return true;
	}
	if (t->fields[f].unit == UNIT_PERCENT || (t->fields[f].flags &
	    FIELD_COMPUTED))
		return false;
	return calc_sum(t, e->group, f, out, NULL) && out->has;
}

static void
S_declared(const struct table *t, bool lenient, struct diags *d)
{
	for (size_t i = 0; i < t->ndeclared; i++) {
		const struct entry *e = &t->declared[i];
		const char *how = e->group >= 0 ? "the rows of its group add up "
		    "to" : "all rows add up to";

		if (e->art == ART_SUMME && e->group < 0)
			continue;	/* already refused while reading */
		for (size_t f = 0; f < t->nfields; f++) {
			struct value c;

			if (!e->val[f].has)
				continue;
			if (!S_declared_target(t, e, (int)f, &c)) {
				S_none_declared(t, e, (int)f, lenient, d);
				continue;
			}
			S_mismatch(t, e, (int)f, &e->val[f], value_exact(&c), how,
			    lenient ? SEV_WARNING : SEV_ERROR, d);
		}
	}
}

static int
S_compare(const struct value *a, const struct value *b)
{
	struct exact x = exact_sub(value_exact(a), value_exact(b));

	return x.num < 0 ? -1 : x.num > 0;
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
		if (t->rows[i].parent >= 0)
			start[t->rows[i].parent + 1]++;
	for (size_t i = 0; i < t->nrows; i++)
		start[i + 1] += start[i];
	for (size_t i = 0; i < t->nrows; i++) {
		int p = t->rows[i].parent;

		if (p >= 0)
			order[start[p] + fill[p]++] = i;
	}
	for (size_t p = 0; p < t->nrows; p++) {
		const struct entry *pe = &t->rows[p];

		for (size_t f = 0; start[p] < start[p + 1] && f < t->nfields; f++) {
			struct value sum = value_none(t->fields[f].unit);
			char *a, *b;

			if (!(t->fields[f].flags & FIELD_SUMMED) ||
			    !pe->val[f].has || S_spoiled(t, (int)f))
				continue;
			for (size_t k = start[p]; k < start[p + 1]; k++) {
				const struct value *v = &t->rows[order[k]].val[f];

				if (!v->info)
					sum_add(&sum, v);
			}
			if (!sum.has || S_compare(&sum, &pe->val[f]) <= 0)
				continue;
			a = fmt_display_dup(&sum, 0);
			b = fmt_display_dup(&pe->val[f], 0);
			diag_error(d, t->path, pe->line, "row '%s': its davon rows "
			    "add up to %s in %s, more than its own %s",
			    QUOTE(pe->label), a, QUOTE(t->fields[f].name), b);
			free(a);
			free(b);
		}
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
			    S_compare(&e->val[f], &e->val[w]) <= 0)
				continue;
			a = fmt_display_dup(&e->val[f], 0);
			b = fmt_display_dup(&e->val[w], 0);
			diag_error(d, t->path, e->line, "row '%s': %s (%s) is more "
			    "than %s (%s)", QUOTE(e->label),
			    QUOTE(t->fields[f].name), a,
			    QUOTE(t->fields[w].name), b);
			free(a);
			free(b);
		}
	}
}

/* Shares typed without counts add up to 100 within the rounding of
 * each share: half a unit of its last decimal, summed. */
static void
S_shares(const struct table *t, struct diags *d)
{
	int fa = table_field(t, "anteil"), fn = table_field(t, "anzahl");
	struct exact sum = { 0, 1 }, slack = { 0, 1 };
	bool any = false;

	if (t->total == NULL || t->total->val[fn].has || S_spoiled(t, fa))
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct value *v = &t->rows[i].val[fa];
		struct exact half = { 1, 2 };

		if (t->rows[i].parent >= 0 || !v->has || v->info)
			continue;
		any = true;
		sum = exact_add(sum, value_exact(v));
		for (int k = 0; k < v->typed_scale; k++)
			half.den *= 10;
		slack = exact_add(slack, half);
	}
	if (!any)
		return;
	{
		struct exact off = exact_sub(sum, (struct exact){ 100, 1 });
		struct exact limit = slack;

		if (off.num < 0)
			off.num = -off.num;
		if (off.num * limit.den <= limit.num * off.den)
			return;
	}
	{
		struct value shown = t->total->val[fa];
		char *s = fmt_display_dup(&shown, 0);

		diag_error(d, t->path, t->header_line, "the shares add up to %s, "
		    "not 100 %%", s);
		free(s);
	}
}

void
check_plan(const struct plan *p, bool lenient, struct diags *d)
{
	for (size_t i = 0; i < p->ntables; i++) {
		const struct table *t = p->tables[i];

		S_declared(t, lenient, d);
		S_davon(t, d);
		S_part_of(t, d);
		if (t->kind == KIND_DISTRIBUTION)
			S_shares(t, d);
	}
}
