/* doctable.c: tables of every kind as rows and cells of the tree. */
#include "doctable.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "text.h"
#include "util.h"

static const struct {
	const char	*field;
	const char	*heading;
} headings[] = {
	{ "betrag", "Betrag" }, { "anteil_basis", "Anteil" },
	{ "eintritte", "Eintritte" }, { "plaetze", "Plätze" },
	{ "mittel_neufall", "Mittel Neufall" },
	{ "mittel_vorbindung", "Vorbindungen" },
	{ "mittel_zusatz", "Zusatzmittel" }, { "mittel_gesamt", "Mittel" },
	{ "kosten_je_eintritt", "Kosten je Eintritt" },
	{ "anteil_budget", "Anteil am Budget" },
	{ "eintritte_ist", "Eintritte Ist" }, { "ausgaben_ist", "Ausgaben Ist" },
	{ "eintritte_vorjahr", "Eintritte Vorjahr" },
	{ "mittel_vorjahr", "Mittel Vorjahr" },
	{ "veraenderung_eintritte", "Veränderung Eintritte" },
	{ "veraenderung_mittel", "Veränderung Mittel" },
	{ "veraenderung_vorjahr", "Veränderung zum Vorjahr" },
	{ "abweichung_eintritte", "Abweichung Eintritte" },
	{ "abweichung_mittel", "Abweichung Mittel" },
	{ "ausschoepfung_eintritte", "Ausschöpfung Eintritte" },
	{ "ausschoepfung_mittel", "Ausschöpfung Mittel" },
	{ "anzahl", "Anzahl" }, { "anteil", "Anteil" },
	{ "vorjahr", "Vorjahr" }, { "veraenderung", "Veränderung" },
	{ "veraenderung_prozent", "Veränderung in %" },
	{ "ist_vorjahr", "Ist Vorjahr" }, { "zaehler", "Zähler" },
	{ "nenner", "Nenner" }, { "veraenderung_punkte", "Veränderung (Pkt.)" },
	{ "zielwert", "Zielwert" }, { "ist", "Ist" },
	{ "abweichung", "Abweichung" }, { "zielerreichung", "Zielerreichung" },
	{ "wert", "Wert" },
};

const char *
doctable_heading(const struct table *t, int f)
{
	const struct field *fd = &t->fields[f];

	if (fd->label != NULL)
		return fd->label;
	if (fd->share_of >= 0)
		return "Anteil";
	for (size_t i = 0; i < sizeof(headings) / sizeof(*headings); i++)
		if (strcmp(headings[i].field, fd->name) == 0)
			return headings[i].heading;
	return fd->name;
}

static char *
S_key(const struct figure *fig)
{
	const struct table *t = fig->t;

	return xasprintf("%s.%s.%s", t->name, fig->e != NULL ? fig->e->id :
	    "plan", fig->e != NULL ? t->fields[fig->f].name : "reserve");
}

void
doctable_set_figure(struct doc_node *n, const struct figure *fig,
    unsigned flags)
{
	struct value v = figure_value(fig);
	struct buf b;

	free(n->text);
	free(n->value);
	free(n->key);
	buf_init(&b);
	figure_display(&b, fig, flags);
	n->text = buf_detach(&b);
	buf_init(&b);
	fmt_machine(&b, &v);
	n->value = buf_detach(&b);
	n->key = S_key(fig);
}

/* --- which columns show --- */

struct layout {
	const struct table	*t;
	/* As many as a CSV file has columns (200), each with its share. */
	int			 fields[400];	/* shown fields, in order */
	int			 nfields;
	int			 textcols[200];	/* shown text columns */
	int			 ntext;
	bool			 operator;	/* budget: + / − column */
	bool			 verdict;	/* targets: erreicht or not */
	bool			 soll_ist;	/* instruments with actuals */
	bool			 compare;	/* the comparison with the year
						   before */
	const char		*label_heading;
	int			 note_cols[3];	/* text shown under the label */
	int			 nnotes;
	/* The columns after the label (and the budget's ±), in order:
	 * the text columns, then the fields; or as columns= names them. */
	struct doctable_col	 slots[600];
	int			 nslots;
};

static bool
S_field_used(const struct table *t, int f)
{
	const struct entry *sets[] = { t->rows, t->groups, t->total };
	const size_t counts[] = { t->nrows, t->ngroups, t->total != NULL };

	for (size_t s = 0; s < 3; s++)
		for (size_t i = 0; i < counts[s]; i++) {
			const struct entry *e = &sets[s][i];

			if (e->val[f].has || (e->note != NULL &&
			    e->note[f] != NULL))
				return true;
		}
	return false;
}

static bool
S_text_used(const struct table *t, int c)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].cells != NULL && t->rows[i].cells[c] != NULL &&
		    t->rows[i].cells[c][0] != '\0')
			return true;
	return false;
}

static int
S_col(const struct table *t, const char *name)
{
	return table_column(t, name);
}

static void
S_add_field(struct layout *l, const char *name)
{
	int f = table_field(l->t, name);

	if (f >= 0 && S_field_used(l->t, f) &&
	    l->nfields < (int)(sizeof(l->fields) / sizeof(l->fields[0])))
		l->fields[l->nfields++] = f;
}

static void
S_add_text(struct layout *l, const char *name)
{
	int c = S_col(l->t, name);

	if (c >= 0 && S_text_used(l->t, c) &&
	    l->ntext < (int)(sizeof(l->textcols) / sizeof(l->textcols[0])))
		l->textcols[l->ntext++] = c;
}

static void
S_add_note(struct layout *l, const char *name)
{
	int c = S_col(l->t, name);

	if (c >= 0 && l->nnotes < 3)
		l->note_cols[l->nnotes++] = c;
}

/* With actuals, Soll beside Ist: Eintritte, then Mittel, each with the
 * Abweichung and the Ausschöpfung. */
static void
S_layout_soll_ist(struct layout *l)
{
	static const char *const order[] = { "eintritte", "eintritte_ist",
	    "abweichung_eintritte", "ausschoepfung_eintritte", "mittel_gesamt",
	    "ausgaben_ist", "abweichung_mittel", "ausschoepfung_mittel", NULL };

	l->soll_ist = true;
	for (const char *const *f = order; *f != NULL; f++)
		S_add_field(l, *f);
}

static void
S_layout_instruments(struct layout *l)
{
	const struct table *t = l->t;
	bool parts = S_field_used(t, table_field(t, "mittel_vorbindung")) ||
	    S_field_used(t, table_field(t, "mittel_zusatz"));
	static const char *const rest[] = { "kosten_je_eintritt",
	    "anteil_budget", "eintritte_ist", "ausgaben_ist",
	    "ausschoepfung_eintritte", "ausschoepfung_mittel", NULL };

	l->label_heading = "Instrument";
	S_add_note(l, "rechtsgrundlage");
	S_add_note(l, "hinweis");
	if (t->actuals) {
		S_layout_soll_ist(l);
		return;
	}
	/* Without Ist figures the plan's columns; an Ist column that holds
	 * notes only still shows them, after the Soll. */
	S_add_field(l, "eintritte");
	S_add_field(l, "plaetze");
	if (parts) {
		S_add_field(l, "mittel_neufall");
		S_add_field(l, "mittel_vorbindung");
		S_add_field(l, "mittel_zusatz");
	}
	S_add_field(l, "mittel_gesamt");
	for (const char *const *f = rest; *f != NULL; f++)
		S_add_field(l, *f);
}

static void
S_layout(struct layout *l, const struct table *t)
{
	memset(l, 0, sizeof(*l));
	l->t = t;
	switch (t->kind) {
	case KIND_BUDGET:
		l->label_heading = "Position";
		l->operator = true;
		S_add_field(l, "betrag");
		S_add_note(l, "hinweis");
		return;
	case KIND_INSTRUMENTS:
		S_layout_instruments(l);
		return;
	case KIND_TARGETS:
		l->label_heading = "Kennzahl";
		break;
	case KIND_SERIES:
		l->label_heading = "Kennzahl";
		l->textcols[l->ntext++] = S_col(t, "jahr");
		break;
	case KIND_DISTRIBUTION:
		l->label_heading = "Merkmal";
		break;
	case KIND_TABLE:
		l->label_heading = "";
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].role == ROLE_LABEL)
				l->label_heading = t->cols[c].label != NULL ?
				    t->cols[c].label : t->cols[c].name;
			else if (t->cols[c].role == ROLE_TEXT)
				S_add_text(l, t->cols[c].name);
		}
		break;
	}
	for (size_t f = 0; f < t->nfields; f++)
		S_add_field(l, t->fields[f].name);
	if (t->kind != KIND_TARGETS)
		return;
	S_add_note(l, "hinweis");
	for (size_t i = 0; i < t->nrows; i++)
		l->verdict |= t->rows[i].reached >= 0;
}

/* The label column's heading: a <column label> of any kind wins. */
static void
S_label_heading(struct layout *l)
{
	const struct table *t = l->t;

	for (size_t c = 0; c < t->ncols; c++)
		if (t->cols[c].role == ROLE_LABEL && t->cols[c].label != NULL)
			l->label_heading = t->cols[c].label;
}

/* The default order: the text columns, then the fields. */
static void
S_default_slots(struct layout *l)
{
	l->nslots = 0;
	for (int i = 0; i < l->ntext; i++)
		l->slots[l->nslots++] = (struct doctable_col){ .text = true,
		    .idx = l->textcols[i] };
	for (int i = 0; i < l->nfields; i++)
		l->slots[l->nslots++] = (struct doctable_col){ .text = false,
		    .idx = l->fields[i] };
}

static bool
S_listed(const struct doctable_col *v, size_t n, bool text, int idx)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].text == text && v[i].idx == idx)
			return true;
	return false;
}

/* columns="a,b,c" (checked before, usage.c): exactly these, in this
 * order; the label column stays first, the notes under it that are not
 * columns of their own stay too. */
static void
S_chosen_slots(struct layout *l, const char *columns)
{
	struct doctable_col v[DOCTABLE_COLUMNS_MAX];
	size_t n = 0;
	int keep = 0;

	if (!doctable_columns(l->t, columns, v, &n, NULL))
		return;				/* refused by the checks */
	l->ntext = l->nfields = l->nslots = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].idx < 0)
			continue;		/* the label column */
		if (v[i].text)
			l->textcols[l->ntext++] = v[i].idx;
		else
			l->fields[l->nfields++] = v[i].idx;
		l->slots[l->nslots++] = v[i];
	}
	for (int i = 0; i < l->nnotes; i++)
		if (!S_listed(v, n, true, l->note_cols[i]))
			l->note_cols[keep++] = l->note_cols[i];
	l->nnotes = keep;
}

/* The layout of one insert: the kind's default or the columns named. */
static void
S_layout_for(struct layout *l, const struct table *t, const char *columns)
{
	S_layout(l, t);
	S_label_heading(l);
	if (columns != NULL)
		S_chosen_slots(l, columns);
	else
		S_default_slots(l);
}

/* --- the columns an insert may name --- */

/* A column columns= may name: the label, a text column (kuerzel,
 * funktion, jahr ...) or any field, input or computed. */
static int
S_nameable_col(const struct table *t, const char *name)
{
	int c = table_column(t, name);

	if (c < 0)
		return -1;
	switch (t->cols[c].role) {
	case ROLE_LABEL:
	case ROLE_TEXT:
	case ROLE_JAHR:
		return c;
	default:
		return -1;
	}
}

/* A message names this many, then "…" (a table may have 200 columns). */
#define KNOWN_MAX 60

static void
S_known_add(struct buf *b, size_t *n, const char *name)
{
	if (*n < KNOWN_MAX)
		buf_printf(b, "%s%s", *n > 0 ? ", " : "", name);
	else if (*n == KNOWN_MAX)
		buf_puts(b, ", \xE2\x80\xA6");
	(*n)++;
}

char *
doctable_known_columns(const struct table *t)
{
	struct buf b;
	size_t n = 0;

	buf_init(&b);
	for (size_t c = 0; c < t->ncols; c++)
		if (S_nameable_col(t, t->cols[c].name) == (int)c)
			S_known_add(&b, &n, t->cols[c].name);
	for (size_t f = 0; f < t->nfields; f++)
		S_known_add(&b, &n, t->fields[f].name);
	return buf_detach(&b);
}

bool
doctable_columns(const struct table *t, const char *spec,
    struct doctable_col out[DOCTABLE_COLUMNS_MAX], size_t *n,
    struct doctable_columns_error *err)
{
	const char *p = spec;

	*n = 0;
	for (;;) {
		size_t len = strcspn(p, ",");
		char *name = xstrndup(p, len), *w = trim_dup(name);
		enum doctable_columns_fault fault = DOCTABLE_COLUMNS_OK;
		struct doctable_col col;
		int c, f;

		free(name);
		ascii_lower(w);
		c = S_nameable_col(t, w);
		f = table_field(t, w);
		/* The label column is idx -1: it always stands first. */
		col = (struct doctable_col){ .text = c >= 0, .idx = c >= 0 &&
		    t->cols[c].role == ROLE_LABEL ? -1 : c >= 0 ? c : f };
		if (c < 0 && f < 0)
			fault = DOCTABLE_COLUMNS_UNKNOWN;
		else if (col.idx < 0 && *n > 0)
			fault = DOCTABLE_COLUMNS_LABEL;
		else if (S_listed(out, *n, col.text, col.idx))
			fault = DOCTABLE_COLUMNS_TWICE;
		else if (*n == DOCTABLE_COLUMNS_MAX)
			fault = DOCTABLE_COLUMNS_MANY;
		if (fault != DOCTABLE_COLUMNS_OK) {
			if (err != NULL) {
				err->fault = fault;
				err->name = w;
			} else
				free(w);
			return false;
		}
		free(w);
		out[(*n)++] = col;
		if (p[len] == '\0')
			return true;
		p += len + 1;
	}
}

void
doctable_shown(const struct table *t, const char *columns, bool *cols,
    bool *fields)
{
	struct layout *l = xcalloc(1, sizeof(*l));

	S_layout_for(l, t, columns);
	for (int i = 0; i < l->nslots; i++)
		if (l->slots[i].text)
			cols[l->slots[i].idx] = true;
		else
			fields[l->slots[i].idx] = true;
	for (int i = 0; i < l->nnotes; i++)
		cols[l->note_cols[i]] = true;
	/* The money parts are in the printed mittel_gesamt, which is the
	 * Neufall alone where the default leaves the parts out. */
	if (t->kind == KIND_INSTRUMENTS &&
	    fields[table_field(t, "mittel_gesamt")]) {
		static const char *const parts[] = { "mittel_neufall",
		    "mittel_vorbindung", "mittel_zusatz", NULL };

		for (const char *const *p = parts; *p != NULL; p++)
			fields[table_field(t, *p)] = true;
	}
	free(l);
}

/* --- rows --- */

static const char *
S_heading_of_col(const struct table *t, int c)
{
	static const struct { const char *col, *heading; } text[] = {
		{ "jahr", "Jahr" }, { "hinweis", "Hinweis" },
	};

	if (t->cols[c].label != NULL)
		return t->cols[c].label;
	for (size_t i = 0; i < sizeof(text) / sizeof(*text); i++)
		if (strcmp(text[i].col, t->cols[c].name) == 0)
			return text[i].heading;
	return t->cols[c].name;
}

static void
S_head_row(struct doc_node *tab, const struct layout *l)
{
	struct doc_node *r = doc_add(tab, DOC_ROW, NULL), *c;
	const struct table *t = l->t;

	r->flags = DOC_ROW_HEAD;
	doc_add(r, DOC_CELL, l->label_heading)->flags = DOC_CELL_HEAD;
	if (l->operator)
		doc_add(r, DOC_CELL, "\xC2\xB1")->flags = DOC_CELL_HEAD;
	for (int i = 0; i < l->nslots; i++) {
		int f = l->slots[i].idx;
		const char *name = l->slots[i].text ? NULL : t->fields[f].name;

		if (l->slots[i].text) {
			doc_add(r, DOC_CELL, S_heading_of_col(t, f))->flags =
			    DOC_CELL_HEAD;
			continue;
		}
		if (t->fields[f].label != NULL)
			c = doc_add(r, DOC_CELL, t->fields[f].label);
		else if (l->soll_ist && (strcmp(name, "eintritte") == 0 ||
		    strcmp(name, "mittel_gesamt") == 0)) {
			c = doc_add(r, DOC_CELL, strcmp(name, "eintritte") == 0 ?
			    "Eintritte Soll" : "Mittel Soll");
		} else if (strcmp(name, "mittel_zusatz") == 0 &&
		    t->zusatz != NULL) {
			char *h = xasprintf("Zusatzmittel (%s)", t->zusatz);

			c = doc_add(r, DOC_CELL, h);
			free(h);
		} else
			c = doc_add(r, DOC_CELL, doctable_heading(t, f));
		c->flags = DOC_CELL_HEAD | DOC_CELL_NUM;
	}
	if (l->verdict)
		doc_add(r, DOC_CELL, "Bewertung")->flags = DOC_CELL_HEAD;
}

static const char *
S_operator(enum art art)
{
	switch (art) {
	case ART_ZUGANG: return "+";
	case ART_ABGANG: return "\xE2\x88\x92";
	case ART_SUMME: return "=";
	default: return "";
	}
}

/* The label cell: the label, and short texts of the row under it. */
static void
S_label_cell(struct doc_node *r, const struct layout *l, const struct entry *e,
    const char *label)
{
	struct doc_node *c = doc_add(r, DOC_CELL, label);
	struct buf note;

	c->flags = DOC_CELL_HEAD;
	if (e == NULL || e->cells == NULL)
		return;
	buf_init(&note);
	for (int i = 0; i < l->nnotes; i++) {
		const char *s = e->cells[l->note_cols[i]];

		if (s != NULL && *s != '\0')
			buf_printf(&note, "%s%s", note.len ? " \xC2\xB7 " : "", s);
	}
	if (note.len > 0)
		c->note = buf_detach(&note);
	buf_free(&note);
}

static struct doc_node *
S_row(struct doc_node *tab, const struct layout *l, const struct entry *e,
    const char *label, unsigned flags, int level)
{
	struct doc_node *r = doc_add(tab, DOC_ROW, NULL);

	r->flags = flags | (e != NULL && e->info ? DOC_ROW_INFO : 0);
	r->level = level;
	r->line = e != NULL ? e->line : 0;
	S_label_cell(r, l, e, label);
	if (l->operator)
		doc_add(r, DOC_CELL, e != NULL ? S_operator(e->art) : "");
	for (int i = 0; i < l->nslots; i++) {
		int k = l->slots[i].idx;

		if (l->slots[i].text) {
			const char *s = e != NULL && e->cells != NULL ?
			    e->cells[k] : NULL;

			doc_add(r, DOC_CELL, s != NULL ? s : "");
		} else if (e != NULL) {
			struct figure fig = { .t = l->t, .e = e, .f = k };
			struct doc_node *c = doc_add(r, DOC_CELL, NULL);

			doctable_set_figure(c, &fig, 0);
			c->flags = DOC_CELL_NUM;
			if (e->note != NULL && e->note[k] != NULL &&
			    e->val[k].has)
				c->note = xstrdup(e->note[k]);
		} else
			doc_add(r, DOC_CELL, "")->flags = DOC_CELL_NUM;
	}
	/* Reached or not, in a word and a shape, never in colour alone. */
	if (l->verdict)
		doc_add(r, DOC_CELL, e == NULL || e->reached < 0 ? "" :
		    e->reached ? "\xE2\x97\x8F erreicht" :
		    "\xE2\x97\x8B nicht erreicht");
	return r;
}

static int
S_depth(const struct table *t, const struct entry *e)
{
	int d = 0;

	for (int p = e->parent; p >= 0 && d < 8; p = t->rows[p].parent)
		d++;
	return d + (e->teil_von >= 0);
}

static void
S_body_row(struct doc_node *tab, const struct layout *l, const struct entry *e)
{
	const struct table *t = l->t;
	unsigned flags = 0;
	int depth = S_depth(t, e);

	if (e->label_row)
		flags = DOC_ROW_LABEL;
	else if (e->darunter)
		flags = DOC_ROW_DARUNTER;
	else if (depth > 0)
		flags = DOC_ROW_DAVON;
	else if (t->kind == KIND_BUDGET && e->art == ART_SUMME)
		flags = DOC_ROW_TOTAL;
	S_row(tab, l, e, e->label, flags, depth);
}

/* The figure in the (empty) cell of field f of a row made without an
 * entry. */
static void
S_set_slot(struct doc_node *r, const struct layout *l, int f,
    const struct figure *fig)
{
	struct doc_node *c = r->first->next;	/* after the label */

	if (l->operator)
		c = c->next;
	for (int i = 0; i < l->nslots && c != NULL; i++, c = c->next)
		if (!l->slots[i].text && l->slots[i].idx == f) {
			doctable_set_figure(c, fig, 0);
			return;
		}
}

/* The budget the plan's money is measured against, and what is left. */
static void
S_reserve_rows(struct doc_node *tab, const struct layout *l)
{
	const struct table *t = l->t;
	int fm = table_field(t, "mittel_gesamt");
	struct doc_node *r;
	struct figure fig = { .t = t, .e = NULL, .f = -1 };
	struct figure bf = { .t = t->budget, .e = t->budget_row };
	bool shown = false;

	for (int i = 0; i < l->nfields; i++)
		shown |= l->fields[i] == fm;
	if (t->budget_row == NULL || !shown || !t->reserve.has)
		return;
	bf.f = table_field(t->budget, "betrag");
	r = S_row(tab, l, NULL, t->budget_row->label, 0, 0);
	S_set_slot(r, l, fm, &bf);
	r = S_row(tab, l, NULL, t->reserve.v < 0 ? "\xC3\x9C" "berplanung" :
	    "Reserve", 0, 0);
	S_set_slot(r, l, fm, &fig);
}

/* The darunter rows of each row, in file order: next[i] is the row
 * after i under the same base, first[b] the first under b; -1 none. */
static void
S_darunter_lists(const struct table *t, int *first, int *next)
{
	int *last = xcalloc(t->nrows + 1, sizeof(*last));

	for (size_t i = 0; i < t->nrows; i++)
		first[i] = next[i] = -1;
	for (size_t i = 0; i < t->nrows; i++) {
		int b = t->rows[i].parent;

		if (!t->rows[i].darunter)
			continue;
		if (first[b] < 0)
			first[b] = (int)i;
		else
			next[last[b]] = (int)i;
		last[b] = (int)i;
	}
	free(last);
}

/* A row and, indented under it, its darunter rows wherever they stand
 * in the file. */
static void
S_row_with_subsets(struct doc_node *tab, const struct layout *l, size_t i,
    const int *first, const int *next)
{
	S_body_row(tab, l, &l->t->rows[i]);
	for (int k = first[i]; k >= 0; k = next[k])
		S_body_row(tab, l, &l->t->rows[k]);
}

static void
S_rows(struct doc_node *tab, const struct layout *l, int only_group)
{
	const struct table *t = l->t;
	bool *shown = xcalloc(t->ngroups + 1, sizeof(*shown));
	int *first = xcalloc(t->nrows + 1, sizeof(*first));
	int *next = xcalloc(t->nrows + 1, sizeof(*next));

	S_darunter_lists(t, first, next);
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];

		if ((only_group >= 0 && e->group != only_group) || e->darunter)
			continue;
		if (only_group < 0 && e->group >= 0 && !shown[e->group]) {
			shown[e->group] = true;
			S_row(tab, l, &t->groups[e->group],
			    t->groups[e->group].label, DOC_ROW_GROUP, 0);
		}
		S_row_with_subsets(tab, l, i, first, next);
	}
	free(shown);
	free(first);
	free(next);
	if (only_group >= 0)
		S_row(tab, l, &t->groups[only_group],
		    t->groups[only_group].label, DOC_ROW_TOTAL, 0);
	else if (t->total != NULL) {
		S_row(tab, l, t->total, t->kind == KIND_DISTRIBUTION ? "Summe" :
		    "Gesamt", DOC_ROW_TOTAL, 0);
		if (t->kind == KIND_INSTRUMENTS && !l->compare)
			S_reserve_rows(tab, l);
	}
}

/* By the table's index of ids: a plan may insert each of thousands of
 * groups. */
static int
S_group_index(const struct table *t, const char *id)
{
	const struct entry *e = table_entry(t, id);

	return e != NULL && e->kind == ENTRY_GROUP ? (int)(e - t->groups) : -1;
}

/* Eintritte and Mittel beside those of the year before, with the
 * change: the year's figures calc computed it from. */
static void
S_compare_table(struct doc_node *parent, const struct table *t, int g)
{
	const char *const fields[] = { "eintritte_vorjahr",
	    t->fields[t->year_eintritte].name, "veraenderung_eintritte",
	    "mittel_vorjahr", t->fields[t->year_mittel].name,
	    "veraenderung_mittel", NULL };
	struct doc_node *tab;
	struct layout l;

	memset(&l, 0, sizeof(l));
	l.t = t;
	l.compare = true;
	l.label_heading = "Instrument";
	for (const char *const *f = fields; *f != NULL; f++)
		S_add_field(&l, *f);
	S_default_slots(&l);
	tab = doc_add(parent, DOC_TABLE, NULL);
	tab->text = xasprintf("%s: Vergleich mit dem Vorjahr", t->title != NULL ?
	    t->title : t->name);
	tab->id = xasprintf("tabelle-%s-vorjahr", t->name);
	S_head_row(tab, &l);
	S_rows(tab, &l, g);
}

char *
doctable_meta(const struct table *t)
{
	if (t->stand != NULL && t->source != NULL)
		return xasprintf("Stand: %s \xC2\xB7 Quelle: %s", t->stand,
		    t->source);
	if (t->stand != NULL)
		return xasprintf("Stand: %s", t->stand);
	if (t->source != NULL)
		return xasprintf("Quelle: %s", t->source);
	return NULL;
}

/* The line under a table, with --lenient also what the plan's declared
 * figures say where they disagree (input-format.md, "--lenient leaves a
 * trace"), those of group g only for a group's insert (g >= 0).  Both
 * writers print it as it stands. */
static char *
S_note(const struct table *t, int g)
{
	char *meta = doctable_meta(t);
	size_t kept = t->ntraces < TABLE_TRACES_MAX ? t->ntraces :
	    TABLE_TRACES_MAX, shown = 0;
	struct buf b;

	if (t->ntraces == 0)
		return meta;
	buf_init(&b);
	if (meta != NULL)
		buf_puts(&b, meta);
	free(meta);
	for (size_t i = 0; i < kept; i++) {
		const struct trace *tr = &t->traces[i];
		char *a, *c;

		if (g >= 0 && tr->group != g)
			continue;
		a = fmt_display_dup(&tr->typed, 0);
		c = fmt_display_dup(&tr->computed, 0);
		buf_printf(&b, "%sHinweis: In der Vorlage steht %s; %s%s.",
		    b.len == 0 ? "" : shown == 0 ? " \xC2\xB7 " : " ", a,
		    tr->computed.has ? "die Summe der Zeilen ist " :
		    "die Zeilen haben keinen Wert", tr->computed.has ? c : "");
		free(a);
		free(c);
		shown++;
	}
	if (g < 0 && t->ntraces > kept)
		buf_printf(&b, " Hinweis: %zu weitere Zahlen der Vorlage weichen "
		    "von der Summe der Zeilen ab.", t->ntraces - kept);
	return b.len > 0 ? buf_detach(&b) : (buf_free(&b), NULL);
}

void
doctable_insert(struct doc_node *parent, const struct table *t,
    const char *group)
{
	doctable_insert_as(parent, t, group, NULL, NULL);
}

void
doctable_insert_as(struct doc_node *parent, const struct table *t,
    const char *group, const char *columns, const char *title)
{
	struct doc_node *tab = doc_add(parent, DOC_TABLE, title != NULL ?
	    title : t->title != NULL ? t->title : t->name);
	struct layout *l = xcalloc(1, sizeof(*l));
	int g = group != NULL ? S_group_index(t, group) : -1;

	tab->id = g >= 0 ? xasprintf("tabelle-%s-%s", t->name, group) :
	    xasprintf("tabelle-%s", t->name);
	tab->note = S_note(t, g);
	S_layout_for(l, t, columns);
	S_head_row(tab, l);
	S_rows(tab, l, g);
	free(l);
	if (t->kind == KIND_INSTRUMENTS &&
	    (S_field_used(t, table_field(t, "eintritte_vorjahr")) ||
	    S_field_used(t, table_field(t, "mittel_vorjahr"))))
		S_compare_table(parent, t, g);
}
