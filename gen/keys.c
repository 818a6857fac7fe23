/* keys.c: keys of figures: resolving, suggesting, listing. */
#include "keys.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "planxml.h"
#include "text.h"

/* Rows printed by all inserts and charts together: twice the largest table
 * a plan may have.  The three outputs take about 60 ms per 1.000 rows. */
#define PRINTED_ROWS_MAX 200000

/* Splits "a.b.c" into three parts (caller frees *parts[0]); false if the
 * key has not exactly three non-empty parts. */
static bool
S_split(const char *key, char *parts[3])
{
	char *s = xstrdup(key), *d1, *d2;

	parts[0] = s;
	if ((d1 = strchr(s, '.')) == NULL || (d2 = strchr(d1 + 1, '.')) == NULL
	    || strchr(d2 + 1, '.') != NULL || d1 == s || d2 == d1 + 1 ||
	    d2[1] == '\0') {
		free(s);
		parts[0] = NULL;
		return false;
	}
	*d1 = *d2 = '\0';
	parts[1] = d1 + 1;
	parts[2] = d2 + 1;
	return true;
}

static bool
S_has_plan_level(const struct table *t)
{
	return t->kind == KIND_INSTRUMENTS;
}

bool
keys_resolve(const struct plan *p, const char *key, struct figure *out)
{
	char *part[3];
	bool ok = false;

	if (!S_split(key, part))
		return false;
	out->t = plan_table(p, part[0]);
	if (out->t == NULL)
		goto done;
	if (strcmp(part[1], "plan") == 0 && S_has_plan_level(out->t)) {
		out->e = NULL;
		out->f = -1;
		ok = strcmp(part[2], "reserve") == 0;
		goto done;
	}
	out->e = table_entry(out->t, part[1]);
	out->f = table_field(out->t, part[2]);
	ok = out->e != NULL && out->f >= 0;
done:
	free(part[0]);
	return ok;
}

/* Keeps the closest candidate within a distance that still looks like
 * a typing error. */
struct nearest {
	const char	*want;
	const char	*best;
	size_t		 dist;
};

static void
S_consider(struct nearest *n, const char *cand)
{
	size_t limit = strlen(n->want) / 3 + 1, d;

	if (limit > 4)
		limit = 4;
	if (n->best != NULL && n->dist - 1 < limit)
		limit = n->dist - 1;
	d = edit_distance(n->want, cand, limit);
	if (d <= limit && (n->best == NULL || d < n->dist)) {
		n->best = cand;
		n->dist = d;
	}
}

static const char *
S_near_row(const struct table *t, const char *id)
{
	struct nearest n = { .want = id };

	if (table_entry(t, id) != NULL ||
	    (strcmp(id, "plan") == 0 && S_has_plan_level(t)))
		return id;
	for (size_t i = 0; i < t->nrows; i++)
		S_consider(&n, t->rows[i].id);
	for (size_t i = 0; i < t->ngroups; i++)
		S_consider(&n, t->groups[i].id);
	if (t->total != NULL)
		S_consider(&n, "gesamt");
	if (S_has_plan_level(t))
		S_consider(&n, "plan");
	return n.best;
}

static const char *
S_near_field(const struct table *t, const char *row, const char *field)
{
	struct nearest n = { .want = field };

	if (strcmp(row, "plan") == 0 && S_has_plan_level(t)) {
		S_consider(&n, "reserve");
		return n.best;
	}
	for (size_t i = 0; i < t->nfields; i++)
		S_consider(&n, t->fields[i].name);
	return n.best;
}

char *
keys_suggest(const struct plan *p, const char *key)
{
	struct nearest n;
	const struct table *t;
	const char *row, *field;
	char *part[3], *s = NULL;

	if (!S_split(key, part))
		return NULL;
	n = (struct nearest){ .want = part[0] };
	for (size_t i = 0; i < p->ntables; i++)
		S_consider(&n, p->tables[i]->name);
	if ((t = plan_table(p, part[0])) == NULL && n.best != NULL)
		t = plan_table(p, n.best);
	if (t != NULL && (row = S_near_row(t, part[1])) != NULL &&
	    (field = S_near_field(t, row, part[2])) != NULL)
		s = xasprintf("%s.%s.%s", t->name, row, field);
	free(part[0]);
	return s;
}

static void
S_unknown(const struct plan *p, struct diags *d, xmlNodePtr n,
    const char *what, const char *name, const char *suggestion)
{
	if (suggestion != NULL)
		diag_error(d, p->xml_path, planxml_line(n), "unknown %s '%s' "
		    "(did you mean '%s'?)", what, name, suggestion);
	else
		diag_error(d, p->xml_path, planxml_line(n), "unknown %s '%s'",
		    what, name);
}

/* References are checked whether or not the attribute was given: a
 * missing one is reported by planxml. */
static char *
S_prop(xmlNodePtr n, const char *name)
{
	char *s = planxml_prop(n, name);

	return s != NULL ? s : xstrdup("");
}

/* NULL if the table does not exist or could not be read (its own
 * error says enough). */
static const struct table *
S_table_ref(const struct plan *p, struct diags *d, xmlNodePtr n)
{
	char *name = S_prop(n, "table");
	const struct table *t = plan_table(p, name);
	struct nearest near = { .want = name };

	if (t == NULL && *name != '\0') {
		for (size_t i = 0; i < p->ntables; i++)
			S_consider(&near, p->tables[i]->name);
		S_unknown(p, d, n, "table", name, near.best);
	}
	free(name);
	return t != NULL && !t->broken ? t : NULL;
}

static const struct table *
S_table_prefix(const struct plan *p, const char *name, size_t len)
{
	for (size_t i = 0; i < p->ntables; i++)
		if (strncmp(p->tables[i]->name, name, len) == 0 &&
		    p->tables[i]->name[len] == '\0')
			return p->tables[i];
	return NULL;
}

static void
S_check_value(const struct plan *p, struct diags *d, xmlNodePtr n)
{
	char *ref = S_prop(n, "ref"), *sug;
	const char *dot = strchr(ref, '.');
	const struct table *t = dot != NULL ?
	    S_table_prefix(p, ref, (size_t)(dot - ref)) : NULL;
	struct figure fig;

	if (*ref != '\0' && (t == NULL || !t->broken) &&
	    !keys_resolve(p, ref, &fig)) {
		sug = keys_suggest(p, ref);
		S_unknown(p, d, n, "key", ref, sug);
		free(sug);
	}
	free(ref);
}

static void
S_check_insert(const struct plan *p, struct diags *d, xmlNodePtr n)
{
	const struct table *t = S_table_ref(p, d, n);
	char *g;
	struct nearest near;
	bool found = false;

	if (t == NULL || !xmlHasProp(n, (const xmlChar *)"group"))
		return;
	g = S_prop(n, "group");
	near = (struct nearest){ .want = g };
	for (size_t i = 0; i < t->ngroups; i++) {
		found |= strcmp(t->groups[i].id, g) == 0;
		S_consider(&near, t->groups[i].id);
	}
	if (!found)
		S_unknown(p, d, n, "group", g, near.best);
	free(g);
}

/* What a bar or pie chart could not show: the writers draw one bar or
 * slice a row, of one series, and no slice for a negative value. */
static void
S_check_chart_data(const struct plan *p, struct diags *d, xmlNodePtr n,
    const struct table *t, int f, const char *kind)
{
	bool pie = strcmp(kind, "pie") == 0;
	const char *first = NULL;

	if (!pie && strcmp(kind, "bar") != 0)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];
		char *a, *b;

		if (e->label_row || e->parent >= 0 || !e->val[f].has ||
		    e->val[f].info)
			continue;
		if (pie && e->val[f].v < 0) {
			a = text_excerpt(e->id);
			diag_error(d, p->xml_path, planxml_line(n), "a pie chart "
			    "cannot show the negative value of row '%s' (use "
			    "kind=\"bar\")", a);
			free(a);
			return;
		}
		if (t->kind != KIND_SERIES)
			continue;
		if (first == NULL)
			first = e->label;
		else if (strcmp(first, e->label) != 0) {
			a = text_excerpt(first);
			b = text_excerpt(e->label);
			diag_error(d, p->xml_path, planxml_line(n), "a %s chart "
			    "shows one Kennzahl, but table '%s' has several "
			    "('%s', '%s'); use kind=\"line\"", kind, t->name,
			    a, b);
			free(a);
			free(b);
			return;
		}
	}
}

static void
S_check_chart(const struct plan *p, struct diags *d, xmlNodePtr n)
{
	const struct table *t = S_table_ref(p, d, n);
	char *f;

	if (t == NULL)
		return;
	f = S_prop(n, "field");
	if (*f != '\0' && table_field(t, f) < 0) {
		struct nearest near = { .want = f };

		for (size_t i = 0; i < t->nfields; i++)
			S_consider(&near, t->fields[i].name);
		S_unknown(p, d, n, "field", f, near.best);
	} else if (*f != '\0') {
		char *k = S_prop(n, "kind");

		S_check_chart_data(p, d, n, t, table_field(t, f), k);
		free(k);
	}
	free(f);
}

static void
S_walk(const struct plan *p, struct diags *d, xmlNodePtr parent)
{
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "value") == 0)
			S_check_value(p, d, n);
		else if (strcmp((const char *)n->name, "insert") == 0)
			S_check_insert(p, d, n);
		else if (strcmp((const char *)n->name, "chart") == 0)
			S_check_chart(p, d, n);
		else
			S_walk(p, d, n);
	}
}

/* Each <insert> and <chart> prints its whole table again: the rows they
 * print together are bounded, so that a small plan.xml cannot make a
 * report of millions of rows out of one large table. */
static xmlNodePtr
S_too_many_rows(const struct plan *p, xmlNodePtr parent, size_t *rows)
{
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		const struct table *t = NULL;
		xmlNodePtr over;
		char *name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "insert") == 0 ||
		    strcmp((const char *)n->name, "chart") == 0) {
			name = S_prop(n, "table");
			t = plan_table(p, name);
			free(name);
		}
		if (t != NULL && (*rows += t->nrows) > PRINTED_ROWS_MAX)
			return n;
		if ((over = S_too_many_rows(p, n, rows)) != NULL)
			return over;
	}
	return NULL;
}

void
keys_check_body(const struct plan *p, struct diags *d)
{
	size_t rows = 0;
	xmlNodePtr n;

	if (p->body == NULL)
		return;
	S_walk(p, d, p->body);
	if ((n = S_too_many_rows(p, p->body, &rows)) != NULL)
		diag_error(d, p->xml_path, planxml_line(n), "the tables and "
		    "charts of the body print more than %d rows",
		    PRINTED_ROWS_MAX);
}

struct value
figure_value(const struct figure *fig)
{
	if (fig->e == NULL)
		return fig->t->reserve;
	return fig->e->val[fig->f];
}

enum unit
figure_unit(const struct figure *fig)
{
	if (fig->e == NULL)
		return UNIT_MONEY;
	return entry_unit(fig->t, fig->e, fig->f);
}

void
figure_display(struct buf *out, const struct figure *fig, unsigned flags)
{
	struct value v = figure_value(fig);
	const struct table *t = fig->t;
	const char *note = fig->e != NULL && fig->e->note != NULL ?
	    fig->e->note[fig->f] : NULL;
	bool zusatz = fig->e != NULL &&
	    strcmp(t->fields[fig->f].name, "mittel_zusatz") == 0 && v.has;

	if (!v.has && note != NULL) {
		buf_puts(out, note);
		return;
	}
	if (fig->e != NULL && (t->fields[fig->f].flags & FIELD_SIGNED))
		flags |= FMT_SIGNED;
	/* Money from another source reads "+ 1.606.751,45 € (VBL)". */
	if (zusatz)
		buf_puts(out, "+ ");
	fmt_display(out, &v, flags);
	if (zusatz && t->zusatz != NULL)
		buf_printf(out, " (%s)", t->zusatz);
}

/* Bytewise order of "a." against "b.": names and ids hold no '.', so
 * this orders the keys that start with them. */
static int
S_dotted_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		unsigned char ca = *a != '\0' ? (unsigned char)*a : '.';
		unsigned char cb = *b != '\0' ? (unsigned char)*b : '.';

		if (ca != cb)
			return ca - cb;
		if (*a == '\0' || *b == '\0')
			return 0;
	}
}

/* An entry of a table, or NULL for its plan level, under its id. */
struct keyed_entry {
	const char		*id;
	const struct entry	*e;
};

static int
S_by_id(const void *a, const void *b)
{
	return S_dotted_cmp(((const struct keyed_entry *)a)->id,
	    ((const struct keyed_entry *)b)->id);
}

/* The fields of t in order of their names (a table has few). */
static int *
S_field_order(const struct table *t)
{
	int *order = xcalloc(t->nfields, sizeof(*order));

	for (size_t i = 0; i < t->nfields; i++) {
		size_t k = i;

		for (; k > 0 && strcmp(t->fields[order[k - 1]].name,
		    t->fields[i].name) > 0; k--)
			order[k] = order[k - 1];
		order[k] = (int)i;
	}
	return order;
}

static int
S_by_table(const void *a, const void *b)
{
	return S_dotted_cmp((*(struct table *const *)a)->name,
	    (*(struct table *const *)b)->name);
}

static size_t
S_entries(const struct table *t, struct keyed_entry *v)
{
	size_t n = 0;

	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].id != NULL)
			v[n++] = (struct keyed_entry){ t->rows[i].id, &t->rows[i] };
	for (size_t i = 0; i < t->ngroups; i++)
		v[n++] = (struct keyed_entry){ t->groups[i].id, &t->groups[i] };
	if (t->total != NULL)
		v[n++] = (struct keyed_entry){ t->total->id, t->total };
	if (S_has_plan_level(t))
		v[n++] = (struct keyed_entry){ "plan", NULL };
	qsort(v, n, sizeof(*v), S_by_id);
	return n;
}

static void
S_table_keys(const struct table *t, struct buf *key,
    void (*fn)(const char *, const struct figure *, void *), void *arg)
{
	struct keyed_entry *v = xcalloc(t->nrows + t->ngroups + 2, sizeof(*v));
	int *order = S_field_order(t);
	size_t n = S_entries(t, v);

	for (size_t i = 0; i < n; i++) {
		struct figure fig = { .t = t, .e = v[i].e, .f = -1 };

		for (size_t k = 0; k < (v[i].e != NULL ? t->nfields : 1); k++) {
			if (v[i].e != NULL)
				fig.f = order[k];
			buf_clear(key);
			buf_printf(key, "%s.%s.%s", t->name, v[i].id,
			    v[i].e != NULL ? t->fields[fig.f].name : "reserve");
			fn(key->s, &fig, arg);
		}
	}
	free(v);
	free(order);
}

void
keys_each(const struct plan *p,
    void (*fn)(const char *, const struct figure *, void *), void *arg)
{
	struct table **tables = xcalloc(p->ntables, sizeof(*tables));
	struct buf key;

	memcpy(tables, p->tables, p->ntables * sizeof(*tables));
	qsort(tables, p->ntables, sizeof(*tables), S_by_table);
	buf_init(&key);
	for (size_t i = 0; i < p->ntables; i++)
		S_table_keys(tables[i], &key, fn, arg);
	buf_free(&key);
	free(tables);
}
