/* usage.c: the columns of a plan's tables that something uses.  Each
 * <insert> shows the columns doctable chooses for it (its columns="…",
 * checked here, or the kind's default), each <value> and <chart> uses a
 * field, each <check> the keys in its expressions; a table the body does
 * not insert is shown by the template with its default columns.  A
 * column of a file with content that none of them uses is a warning: a
 * figure typed for nothing is most often one forgotten in the text. */
#include "usage.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doctable.h"
#include "crosscheck.h"
#include "keys.h"
#include "planxml.h"
#include "text.h"
#include "util.h"

static int
S_index(const struct usage *u, const struct table *t)
{
	for (size_t i = 0; i < u->p->ntables; i++)
		if (u->p->tables[i] == t)
			return (int)i;
	return -1;
}

bool
usage_mark_key(struct usage *u, const char *key)
{
	struct figure fig;
	int i;

	if (!keys_resolve(u->p, key, &fig))
		return false;
	if (fig.e != NULL && fig.f >= 0 && (i = S_index(u, fig.t)) >= 0)
		u->fields[i][fig.f] = true;
	return true;
}

static void
S_column_error(const struct plan *p, struct diags *d, xmlNodePtr n,
    const struct table *t, const struct doctable_columns_error *e)
{
	char *known;

	switch (e->fault) {
	case DOCTABLE_COLUMNS_UNKNOWN:
		known = doctable_known_columns(t);
		diag_error(d, p->xml_path, planxml_line(n), "<insert> columns: "
		    "table '%s' has no column '%s' (known: %s)", t->name,
		    QUOTE(e->name), known);
		free(known);
		break;
	case DOCTABLE_COLUMNS_LABEL:
		diag_error(d, p->xml_path, planxml_line(n), "<insert> columns: "
		    "'%s' names the rows and can only stand first",
		    QUOTE(e->name));
		break;
	case DOCTABLE_COLUMNS_TWICE:
		diag_error(d, p->xml_path, planxml_line(n), "<insert> columns: "
		    "'%s' is named twice", QUOTE(e->name));
		break;
	default:
		diag_error(d, p->xml_path, planxml_line(n), "<insert> columns: "
		    "more than %d columns", DOCTABLE_COLUMNS_MAX);
		break;
	}
}

/* True the first time table i is inserted with these columns (NULL:
 * the default): choosing them reads every row, and a plan may insert
 * one large table thousands of times. */
static bool
S_first(struct usage *u, int i, const char *columns)
{
	char *k = xasprintf("%d%c%s", i, columns != NULL ? ':' : '-',
	    columns != NULL ? columns : "");
	bool first = xmlHashLookup(u->seen, (const xmlChar *)k) == NULL;

	if (first && xmlHashAddEntry(u->seen, (const xmlChar *)k, u) != 0)
		out_of_memory();
	free(k);
	return first;
}

/* An <insert>: its columns checked, those it shows marked.  Returns
 * false on an error in columns=. */
static bool
S_insert(struct usage *u, struct diags *d, xmlNodePtr n)
{
	char *name = planxml_prop(n, "table"), *columns;
	const struct table *t = name != NULL ? plan_table(u->p, name) : NULL;
	struct doctable_col v[DOCTABLE_COLUMNS_MAX];
	struct doctable_columns_error e = { 0 };
	size_t nv;
	bool ok = true;
	int i;

	free(name);
	if (t == NULL || t->broken || (i = S_index(u, t)) < 0)
		return true;		/* keys.c reports an unknown table */
	columns = planxml_prop(n, "columns");
	if (columns != NULL && !doctable_columns(t, columns, v, &nv, &e)) {
		S_column_error(u->p, d, n, t, &e);
		ok = false;
	} else if (S_first(u, i, columns)) {
		doctable_shown(t, columns, u->cols[i], u->fields[i]);
	}
	free(e.name);
	free(columns);
	return ok;
}

static void
S_mark(const char *key, void *arg)
{
	(void)usage_mark_key(arg, key);
}

static void
S_chart(struct usage *u, xmlNodePtr n)
{
	char *name = planxml_prop(n, "table"), *field = planxml_prop(n, "field");
	const struct table *t = name != NULL ? plan_table(u->p, name) : NULL;
	int i, f;

	if (t != NULL && field != NULL && (i = S_index(u, t)) >= 0 &&
	    (f = table_field(t, field)) >= 0)
		u->fields[i][f] = true;
	free(name);
	free(field);
}

static bool
S_walk(struct usage *u, struct diags *d, xmlNodePtr parent, bool *inserted)
{
	bool ok = true;

	for (xmlNodePtr n = parent->children; n != NULL; n = n->next) {
		const char *el = (const char *)n->name;
		char *s;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(el, "insert") == 0) {
			const struct table *t;

			ok &= S_insert(u, d, n);
			s = planxml_prop(n, "table");
			if (s != NULL && (t = plan_table(u->p, s)) != NULL &&
			    S_index(u, t) >= 0)
				inserted[S_index(u, t)] = true;
			free(s);
		} else if (strcmp(el, "value") == 0) {
			if ((s = planxml_prop(n, "ref")) != NULL)
				(void)usage_mark_key(u, s);
			free(s);
		} else if (strcmp(el, "chart") == 0)
			S_chart(u, n);
		else if (strcmp(el, "check") == 0)
			crosscheck_keys(n, S_mark, u);
		else
			ok &= S_walk(u, d, n, inserted);
	}
	return ok;
}

/* Text in a column, a number or a note in a field's: in some row. */
static bool
S_has_content(const struct table *t, const struct column *c, size_t ci)
{
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];

		if (c->role == ROLE_TEXT && e->cells != NULL &&
		    e->cells[ci] != NULL && e->cells[ci][0] != '\0')
			return true;
		if (c->role == ROLE_FIELD && e->val[c->field].has)
			return true;
		if (c->role == ROLE_NOTE && e->note != NULL &&
		    e->note[c->field] != NULL)
			return true;
	}
	return false;
}

static void
S_warn(const struct usage *u, struct diags *d, size_t i)
{
	const struct table *t = u->p->tables[i];

	for (size_t c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];
		bool used;

		if (!col->in_file || (col->role != ROLE_TEXT &&
		    col->role != ROLE_FIELD && col->role != ROLE_NOTE))
			continue;
		used = col->role == ROLE_TEXT ? u->cols[i][c] :
		    u->fields[i][col->field];
		if (!used && S_has_content(t, col, c))
			diag_warn(d, t->path, t->header_line, "column '%s' has "
			    "content, but no <insert> shows it and no <value>, "
			    "<chart> or <check> uses it", col->name);
	}
}

void
usage_check(const struct plan *p, struct diags *d)
{
	struct usage u = { .p = p };
	bool *inserted = xcalloc(p->ntables + 1, sizeof(*inserted));
	xmlNodePtr data = NULL;
	bool ok = true;

	if ((u.seen = xmlHashCreate(64)) == NULL)
		out_of_memory();
	u.cols = xcalloc(p->ntables + 1, sizeof(*u.cols));
	u.fields = xcalloc(p->ntables + 1, sizeof(*u.fields));
	for (size_t i = 0; i < p->ntables; i++) {
		u.cols[i] = xcalloc(p->tables[i]->ncols + 1, sizeof(bool));
		u.fields[i] = xcalloc(p->tables[i]->nfields + 1, sizeof(bool));
	}
	if (p->body != NULL)
		ok = S_walk(&u, d, p->body, inserted);
	if (p->doc != NULL && xmlDocGetRootElement(p->doc) != NULL)
		for (data = xmlDocGetRootElement(p->doc)->children;
		    data != NULL; data = data->next)
			if (data->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)data->name, "data") == 0)
				(void)S_walk(&u, d, data, inserted);
	for (size_t i = 0; i < p->ntables; i++)
		if (!inserted[i] && !p->tables[i]->broken)
			doctable_shown(p->tables[i], NULL, u.cols[i],
			    u.fields[i]);
	for (size_t i = 0; ok && d->errors == 0 && i < p->ntables; i++)
		if (!p->tables[i]->broken)
			S_warn(&u, d, i);
	for (size_t i = 0; i < p->ntables; i++) {
		free(u.cols[i]);
		free(u.fields[i]);
	}
	free(u.cols);
	free(u.fields);
	free(inserted);
	xmlHashFree(u.seen, NULL);
}
