/* keys.c: keys of figures: resolving, suggesting, listing; the checks of
 * the body's references and of the work it asks for (printed cells,
 * elements, sections), before anything is built. */
#include "keys.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "planxml.h"
#include "text.h"

/* Cells printed by all inserts and charts together.  HTML, PDF and CSV
 * take about 10 us and 1,4 kB per printed cell (docs/benchmarks.md), so
 * the largest report stays within seconds and a gigabyte. */
#define PRINTED_CELLS_MAX 250000

/* Existing names compared with unknown ones per plan, for "did you
 * mean": each costs up to a microsecond; past the budget, messages go
 * without a suggestion (a plan with thousands of unknown keys has other
 * problems). */
#define SUGGEST_BUDGET 2000000

/* Elements of the body and sections among them: each section costs a
 * heading, a contents entry, an anchor and a bookmark (about 10 kB),
 * each link an annotation of the PDF (about 6 kB). */
#define BODY_ELEMENTS_MAX 50000
#define SECTIONS_MAX 10000

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
	size_t		*budget;	/* comparisons left; NULL: unbounded */
};

/* The edit distance of a and b if at most limit, else limit + 1: only
 * the band of width 2 * limit + 1 around the diagonal can hold it, and
 * names are short, so the rows live on the stack. */
static size_t
S_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), inf = limit + 1;
	size_t row[257];

	if ((la > lb ? la - lb : lb - la) > limit)
		return inf;
	if (lb >= sizeof(row) / sizeof(*row))
		return edit_distance(a, b, limit);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j <= limit ? j : inf;
	for (size_t i = 1; i <= la; i++) {
		size_t lo = i > limit ? i - limit : 1;
		size_t hi = i + limit < lb ? i + limit : lb;
		size_t diag = row[lo - 1], left = lo == 1 && i <= limit ? i : inf;
		size_t best = left;

		if (lo == 1)
			row[0] = left;
		for (size_t j = lo; j <= hi; j++) {
			size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (left + 1 < v)
				v = left + 1;
			if (v > inf)
				v = inf;
			diag = up;
			row[j] = left = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return inf;
	}
	return row[lb] <= limit ? row[lb] : inf;
}

static void
S_consider(struct nearest *n, const char *cand)
{
	size_t limit = strlen(n->want) / 3 + 1, d;

	if (n->budget != NULL && (*n->budget)-- == 0) {
		*n->budget = 0;
		return;
	}
	if (limit > 4)
		limit = 4;
	if (n->best != NULL && n->dist - 1 < limit)
		limit = n->dist - 1;
	d = S_distance(n->want, cand, limit);
	if (d <= limit && (n->best == NULL || d < n->dist)) {
		n->best = cand;
		n->dist = d;
	}
}

static const char *
S_near_row(const struct table *t, const char *id, size_t *budget)
{
	struct nearest n = { .want = id, .budget = budget };

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
S_near_field(const struct table *t, const char *row, const char *field,
    size_t *budget)
{
	struct nearest n = { .want = field, .budget = budget };

	if (strcmp(row, "plan") == 0 && S_has_plan_level(t)) {
		S_consider(&n, "reserve");
		return n.best;
	}
	for (size_t i = 0; i < t->nfields; i++)
		S_consider(&n, t->fields[i].name);
	return n.best;
}

static char *
S_suggest(const struct plan *p, const char *key, size_t *budget)
{
	struct nearest n;
	const struct table *t;
	const char *row, *field;
	char *part[3], *s = NULL;

	if (!S_split(key, part))
		return NULL;
	n = (struct nearest){ .want = part[0], .budget = budget };
	for (size_t i = 0; i < p->ntables; i++)
		S_consider(&n, p->tables[i]->name);
	if ((t = plan_table(p, part[0])) == NULL && n.best != NULL)
		t = plan_table(p, n.best);
	if (t != NULL && (row = S_near_row(t, part[1], budget)) != NULL &&
	    (field = S_near_field(t, row, part[2], budget)) != NULL)
		s = xasprintf("%s.%s.%s", t->name, row, field);
	free(part[0]);
	return s;
}

char *
keys_suggest(const struct plan *p, const char *key)
{
	return S_suggest(p, key, NULL);
}

/* Without a near name, the message lists the known ones (known, may be
 * NULL or empty), so that the author can choose. */
static void
S_unknown_of(const struct plan *p, struct diags *d, xmlNodePtr n,
    const char *what, const char *name, const char *suggestion,
    const char *known)
{
	if (suggestion != NULL)
		diag_error(d, p->xml_path, planxml_line(n), "unknown %s '%s' "
		    "(did you mean '%s'?)", what, QUOTE(name),
		    QUOTE(suggestion));
	else if (known != NULL && known[0] != '\0')
		diag_error(d, p->xml_path, planxml_line(n), "unknown %s '%s' "
		    "(known: %s)", what, QUOTE(name), known);
	else
		diag_error(d, p->xml_path, planxml_line(n), "unknown %s '%s'",
		    what, QUOTE(name));
}

static void
S_unknown(const struct plan *p, struct diags *d, xmlNodePtr n,
    const char *what, const char *name, const char *suggestion)
{
	S_unknown_of(p, d, n, what, name, suggestion, NULL);
}

/* "a, b, c" of up to 30 names, "…" after them. */
static void
S_known_add(struct buf *b, size_t *n, const char *name)
{
	if (*n < 30)
		buf_printf(b, "%s%s", *n > 0 ? ", " : "", name);
	else if (*n == 30)
		buf_puts(b, ", …");
	(*n)++;
}

/* References are checked whether or not the attribute was given: a
 * missing one is reported by planxml. */
static char *
S_prop(xmlNodePtr n, const char *name)
{
	char *s = planxml_prop(n, name);

	return s != NULL ? s : xstrdup("");
}

/* What printing a table once costs, worked out on its first use. */
struct cost {
	bool		 known;
	size_t		 width;		/* cells in a row, at most */
	size_t		*group_rows;	/* rows per group */
};

/* The walk over the body: its references checked, its printed cells
 * counted before anything is built (--check stops there too). */
struct walk {
	const struct plan	*p;
	struct diags		*d;
	xmlHashTablePtr		 index;		/* table name -> index + 1 */
	struct cost		*cost;		/* per table */
	bool			*inserted;	/* per table: by the body */
	size_t			 cells;
	xmlNodePtr		 over;		/* the first print past the limit */
	size_t			 budget;	/* of S_consider */
	size_t			 elements, sections;
	xmlNodePtr		 too_many;	/* the first element past them */
};

static int
S_index(const struct walk *w, const char *name)
{
	void *v = xmlHashLookup(w->index, (const xmlChar *)name);

	return v != NULL ? (int)((uintptr_t)v - 1) : -1;
}

static bool
S_filled(const struct table *t, size_t f)
{
	const struct entry *sets[] = { t->rows, t->groups, t->total };
	const size_t counts[] = { t->nrows, t->ngroups, t->total != NULL };

	for (size_t s = 0; s < 3; s++)
		for (size_t i = 0; i < counts[s]; i++)
			if (sets[s][i].val[f].has || (sets[s][i].note != NULL &&
			    sets[s][i].note[f] != NULL))
				return true;
	return false;
}

static bool
S_text_filled(const struct table *t, size_t c)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].cells != NULL && t->rows[i].cells[c] != NULL &&
		    t->rows[i].cells[c][0] != '\0')
			return true;
	return false;
}

/* The widest row doctable can make of t: the label, up to 8 text
 * columns and 32 figures that some entry fills; the instruments'
 * comparison with the year before, a second table of the same rows,
 * adds its 7 columns. */
static size_t
S_width(const struct table *t)
{
	size_t text = 0, fields = 0;
	int f;

	for (size_t c = 0; c < t->ncols; c++)
		text += t->cols[c].role == ROLE_TEXT && S_text_filled(t, c);
	for (size_t i = 0; i < t->nfields; i++)
		fields += S_filled(t, i);
	if (t->kind == KIND_SERIES)
		text++;
	fields = 1 + (text < 8 ? text : 8) + (fields < 32 ? fields : 32);
	if (t->kind == KIND_INSTRUMENTS &&
	    (((f = table_field(t, "eintritte_vorjahr")) >= 0 && S_filled(t, f)) ||
	    ((f = table_field(t, "mittel_vorjahr")) >= 0 && S_filled(t, f))))
		fields += 7;
	return fields;
}

static struct cost *
S_cost(struct walk *w, int i)
{
	struct cost *c = &w->cost[i];
	const struct table *t = w->p->tables[i];

	if (!c->known) {
		c->known = true;
		c->width = S_width(t);
		c->group_rows = xcalloc(t->ngroups + 1, sizeof(*c->group_rows));
		for (size_t r = 0; r < t->nrows; r++)
			if (t->rows[r].group >= 0 &&
			    (size_t)t->rows[r].group < t->ngroups)
				c->group_rows[t->rows[r].group]++;
	}
	return c;
}

/* The cells one insert (of group, if not NULL) or chart prints: its
 * rows with a head, the group and total rows and the reserve. */
static size_t
S_cells(struct walk *w, int i, const char *group, bool chart)
{
	const struct table *t = w->p->tables[i];
	struct cost *c = S_cost(w, i);
	const struct entry *g;

	/* A label and a bar or point per row, and the drawing itself,
	 * about as much as 60 cells (11.000 small charts took 930 MB). */
	if (chart)
		return 2 * t->nrows + 60;
	if (group == NULL)
		return c->width * (t->nrows + t->ngroups + 5);
	g = table_entry(t, group);
	if (g == NULL || g->kind != ENTRY_GROUP)
		return 0;			/* an unknown group: an error */
	return c->width * (c->group_rows[g - t->groups] + 2);
}

static void
S_count(struct walk *w, xmlNodePtr n, int i, const char *group, bool chart)
{
	if (i < 0 || w->over != NULL)
		return;
	w->cells += S_cells(w, i, group, chart);
	if (w->cells > PRINTED_CELLS_MAX)
		w->over = n;
}

/* NULL if the table does not exist or could not be read (its own
 * error says enough). */
static const struct table *
S_table_ref(struct walk *w, xmlNodePtr n)
{
	const struct plan *p = w->p;
	char *name = S_prop(n, "table");
	const struct table *t = plan_table(p, name);
	struct nearest near = { .want = name, .budget = &w->budget };

	if (t == NULL && *name != '\0') {
		struct buf known;
		size_t nk = 0;

		buf_init(&known);
		for (size_t i = 0; i < p->ntables; i++) {
			S_consider(&near, p->tables[i]->name);
			S_known_add(&known, &nk, p->tables[i]->name);
		}
		S_unknown_of(p, w->d, n, "table", name, near.best, known.s);
		buf_free(&known);
	}
	free(name);
	return t != NULL && !t->broken ? t : NULL;
}

static const struct table *
S_table_prefix(const struct walk *w, const char *name, size_t len)
{
	char *s = xstrndup(name, len);
	int i = S_index(w, s);

	free(s);
	return i >= 0 ? w->p->tables[i] : NULL;
}

static void
S_check_value(struct walk *w, xmlNodePtr n)
{
	char *ref = S_prop(n, "ref"), *sug;
	const char *dot = strchr(ref, '.');
	const struct table *t = dot != NULL ?
	    S_table_prefix(w, ref, (size_t)(dot - ref)) : NULL;
	struct figure fig;

	if (*ref != '\0' && (t == NULL || !t->broken) &&
	    !keys_resolve(w->p, ref, &fig)) {
		sug = S_suggest(w->p, ref, &w->budget);
		S_unknown(w->p, w->d, n, "key", ref, sug);
		free(sug);
	}
	free(ref);
}

static void
S_check_insert(struct walk *w, xmlNodePtr n)
{
	const struct table *t = S_table_ref(w, n);
	char *g = NULL;
	struct nearest near;
	const struct entry *e;

	if (t != NULL && xmlHasProp(n, (const xmlChar *)"group")) {
		g = S_prop(n, "group");
		near = (struct nearest){ .want = g, .budget = &w->budget };
		if ((e = table_entry(t, g)) == NULL || e->kind != ENTRY_GROUP) {
			struct buf known;
			size_t nk = 0;

			buf_init(&known);
			for (size_t i = 0; i < t->ngroups; i++) {
				S_consider(&near, t->groups[i].id);
				S_known_add(&known, &nk, t->groups[i].id);
			}
			S_unknown_of(w->p, w->d, n, "group", g, near.best,
			    known.s);
			buf_free(&known);
		}
	}
	if (t != NULL)
		S_count(w, n, S_index(w, t->name), g, false);
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
S_check_chart(struct walk *w, xmlNodePtr n)
{
	const struct table *t = S_table_ref(w, n);
	char *f;

	if (t == NULL)
		return;
	f = S_prop(n, "field");
	if (*f != '\0' && table_field(t, f) < 0) {
		struct nearest near = { .want = f, .budget = &w->budget };
		struct buf known;
		size_t nk = 0;

		buf_init(&known);
		for (size_t i = 0; i < t->nfields; i++) {
			S_consider(&near, t->fields[i].name);
			S_known_add(&known, &nk, t->fields[i].name);
		}
		S_unknown_of(w->p, w->d, n, "field", f, near.best, known.s);
		buf_free(&known);
	} else if (*f != '\0') {
		char *k = S_prop(n, "kind");

		S_check_chart_data(w->p, w->d, n, t, table_field(t, f), k);
		free(k);
	}
	S_count(w, n, S_index(w, t->name), NULL, true);
	free(f);
}

static void
S_walk(struct walk *w, xmlNodePtr parent)
{
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (w->too_many == NULL) {
			w->sections += strcmp((const char *)n->name,
			    "section") == 0;
			if (++w->elements > BODY_ELEMENTS_MAX ||
			    w->sections > SECTIONS_MAX)
				w->too_many = n;
		}
		if (strcmp((const char *)n->name, "value") == 0)
			S_check_value(w, n);
		else if (strcmp((const char *)n->name, "insert") == 0)
			S_check_insert(w, n);
		else if (strcmp((const char *)n->name, "chart") == 0)
			S_check_chart(w, n);
		else
			S_walk(w, n);
	}
}

/* Marks the tables that the body inserts: the template's chapters
 * print each of the others once (docbuild's auto inserts). */
static void
S_mark(struct walk *w, xmlNodePtr parent)
{
	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		char *name;
		int i;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "insert") == 0) {
			name = S_prop(n, "table");
			if ((i = S_index(w, name)) >= 0)
				w->inserted[i] = true;
			free(name);
		} else
			S_mark(w, n);
	}
}

/* Each <insert> and <chart> prints its table again, and a group insert
 * its group: the cells they print together are bounded, so that a small
 * plan.xml cannot make a report of millions of cells out of one large
 * table. */
void
keys_check_body(const struct plan *p, struct diags *d)
{
	struct walk w = { .p = p, .d = d, .budget = SUGGEST_BUDGET };
	int line = 0;

	w.index = xmlHashCreate((int)p->ntables + 1);
	w.cost = xcalloc(p->ntables + 1, sizeof(*w.cost));
	w.inserted = xcalloc(p->ntables + 1, sizeof(*w.inserted));
	for (size_t i = 0; i < p->ntables; i++)
		(void)xmlHashAddEntry(w.index, (const xmlChar *)p->tables[i]->name,
		    (void *)(uintptr_t)(i + 1));	/* the first of a name */
	if (p->body != NULL) {
		S_walk(&w, p->body);
		S_mark(&w, p->body);
	}
	if (w.too_many != NULL)
		diag_error(d, p->xml_path, planxml_line(w.too_many), "the body "
		    "has more than %d %s", w.sections > SECTIONS_MAX ?
		    SECTIONS_MAX : BODY_ELEMENTS_MAX, w.sections > SECTIONS_MAX ?
		    "sections" : "elements");
	if (w.over != NULL)
		line = planxml_line(w.over);
	for (size_t i = 0; i < p->ntables && line == 0; i++)
		if (!w.inserted[i] && !p->tables[i]->broken &&
		    (w.cells += S_cells(&w, (int)i, NULL, false)) >
		    PRINTED_CELLS_MAX)
			line = p->tables[i]->xml_line;
	if (line != 0)
		diag_error(d, p->xml_path, line, "the tables and charts of the "
		    "body print more than %d cells", PRINTED_CELLS_MAX);
	for (size_t i = 0; i < p->ntables; i++)
		free(w.cost[i].group_rows);
	free(w.cost);
	free(w.inserted);
	xmlHashFree(w.index, NULL);
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
	/* A bare figure is the number alone, without the source either. */
	bool zusatz = fig->e != NULL && !(flags & FMT_BARE) &&
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

	if (p->ntables > 0) {	/* a plan without tables has no array */
		memcpy(tables, p->tables, p->ntables * sizeof(*tables));
		qsort(tables, p->ntables, sizeof(*tables), S_by_table);
	}
	buf_init(&key);
	for (size_t i = 0; i < p->ntables; i++)
		S_table_keys(tables[i], &key, fn, arg);
	buf_free(&key);
	free(tables);
}

struct key_printer {
	FILE		*fp;
	struct buf	 text;
	bool		 ok;
};

static void
S_print_key(const char *key, const struct figure *fig, void *arg)
{
	struct key_printer *kp = arg;

	buf_clear(&kp->text);
	figure_display(&kp->text, fig, 0);
	for (char *c = kp->text.s; *c != '\0'; c++)
		if (*c == '\t' || *c == '\n' || *c == '\r')
			*c = ' ';
	if (kp->ok && fprintf(kp->fp, "%s\t%s\n", key, kp->text.s) < 0)
		kp->ok = false;
}

bool
keys_print(FILE *fp, const struct plan *p)
{
	struct key_printer kp = { .fp = fp, .ok = true };

	buf_init(&kp.text);
	keys_each(p, S_print_key, &kp);
	buf_free(&kp.text);
	return kp.ok && fflush(fp) == 0;
}
