/* tables.c: reading the CSV files of a plan's tables into rows. */
#include "tables.h"

#include <stdarg.h>
#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvread.h"
#include "fmt.h"
#include "io.h"
#include "text.h"
#include "util.h"
#include "xlsx.h"

/* Header cells that map to no column of the table. */
#define COL_IGNORED	(-1)	/* a '#' comment column */
#define COL_UNNAMED	(-2)	/* no name: must stay empty */

struct loader {
	struct plan	*plan;
	struct table	*t;
	struct diags	*d;
	int		*map;		/* header cell -> column */
	size_t		 nmap;
	xmlHashTablePtr	 gids;		/* group id -> index + 1 */
	size_t		 errors_before;
	size_t		 cell_errors;	/* only spoil their own field */
	const struct table *soll;	/* the programme's table, or NULL */
	size_t		 suggested;	/* "did you mean" searches so far */
};

static void
S_error_v(struct diags *d, enum severity sev, const struct table *t, int line,
    int ci, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap), *cell, *where;

	if (t->sheet == NULL || !xlsx_is_workbook(t->src) || line <= 0) {
		diag_add(d, sev, t->path, line, "%s", msg);
	} else {
		cell = xlsx_cell_name(line, ci);
		where = xasprintf("%s:%s!%s", t->path, t->sheet, cell);
		diag_add(d, sev, where, 0, "%s", msg);
		free(where);
		free(cell);
	}
	free(msg);
}

void
table_diag(struct diags *d, enum severity sev, const struct table *t, int line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_error_v(d, sev, t, line, -1, fmt, ap);
	va_end(ap);
}

static void __attribute__((format(printf, 3, 4)))
S_error(struct loader *L, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_error_v(L->d, SEV_ERROR, L->t, line, -1, fmt, ap);
	va_end(ap);
}

/* A message about the cell of column col in row line. */
static void __attribute__((format(printf, 4, 5)))
S_cell_error(struct loader *L, int line, const char *col, const char *fmt, ...)
{
	int c = table_column(L->t, col), ci = -1;
	va_list ap;

	for (size_t i = 0; c >= 0 && i < L->nmap && ci < 0; i++)
		if (L->map[i] == c)
			ci = (int)i;
	va_start(ap, fmt);
	S_error_v(L->d, SEV_ERROR, L->t, line, ci, fmt, ap);
	va_end(ap);
}

static int
S_role_col(const struct table *t, enum col_role role)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (t->cols[i].role == role)
			return (int)i;
	return -1;
}

static const char *
S_cell(const struct entry *e, const struct table *t, enum col_role role)
{
	int c = S_role_col(t, role);

	return c >= 0 && e->cells[c] != NULL ? e->cells[c] : "";
}

/* The known columns, for the message about an unknown one. */
static char *
S_known_columns(const struct table *t)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < t->ncols; i++) {
		if (t->cols[i].role == ROLE_NOTE)
			continue;
		buf_printf(&b, "%s%s", b.len ? ", " : "", t->cols[i].name);
	}
	buf_puts(&b, ", hinweis_FIELD");
	return buf_detach(&b);
}

/* False if a required column is missing. */
static bool
S_header(struct loader *L, const struct csv_record *h)
{
	struct table *t = L->t;
	bool complete = true;

	t->header_line = h->line;
	L->nmap = h->ncells;
	L->map = xcalloc(h->ncells, sizeof(*L->map));
	for (size_t i = 0; i < h->ncells; i++) {
		char *name = trim_dup(h->cells[i]);
		int c;

		ascii_lower(name);
		if (name[0] == '#')
			c = COL_IGNORED;
		else if (name[0] == '\0')
			c = COL_UNNAMED;
		else if ((c = table_column(t, name)) < 0) {
			char *known = S_known_columns(t);
			char *ex = text_excerpt(name);

			S_error(L, h->line, "unknown column '%s' "
			    "(known: %s)", ex, known);
			free(ex);
			free(known);
			c = COL_IGNORED;
		}
		for (size_t k = 0; c >= 0 && k < i; k++)
			if (L->map[k] == c) {
				S_error(L, h->line, "column '%s' "
				    "appears twice", QUOTE(name));
				c = COL_IGNORED;
			}
		L->map[i] = c;
		if (c >= 0)
			t->cols[c].in_file = true;	/* usage.c */
		free(name);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		bool found = false;

		for (size_t i = 0; i < L->nmap; i++)
			found |= L->map[i] == (int)c;
		/* A Bericht's rows take their names from the programme. */
		if (t->cols[c].required && !found && (L->soll == NULL ||
		    t->cols[c].role != ROLE_LABEL)) {
			S_error(L, h->line, "the required column "
			    "'%s' is missing", QUOTE(t->cols[c].name));
			complete = false;
		}
	}
	return complete;
}

static bool
S_yes_no(const char *s, bool *yes)
{
	static const char *const yes_words[] = { "x", "ja", "j", "1", "yes", NULL };
	static const char *const no_words[] = { "", "nein", "0", "no", "n", NULL };

	for (const char *const *w = yes_words; *w != NULL; w++)
		if (strcasecmp(s, *w) == 0)
			return *yes = true;
	for (const char *const *w = no_words; *w != NULL; w++)
		if (strcasecmp(s, *w) == 0) {
			*yes = false;
			return true;
		}
	return false;
}

/* A word from a fixed list, or an error naming the list. */
static int
S_word(struct loader *L, int line, const char *col, const char *s,
    const char *const *words, int fallback)
{
	char *ex;
	struct buf list;

	if (*s == '\0')
		return fallback;
	for (int i = 0; words[i] != NULL; i++)
		if (*words[i] != '\0' && strcasecmp(s, words[i]) == 0)
			return i;
	buf_init(&list);
	for (int i = 0; words[i] != NULL; i++)
		if (*words[i] != '\0')
			buf_printf(&list, "%s%s", list.len ? ", " : "", words[i]);
	ex = text_excerpt(s);
	S_cell_error(L, line, col, "column '%s': '%s' is not one of %s",
	    QUOTE(col), ex, list.s);
	free(ex);
	buf_free(&list);
	return fallback;
}

static enum art
S_art(struct loader *L, int line, const char *s)
{
	static const char *const budget[] = { "", "basis", "zugang", "abgang",
	    "summe", "nachrichtlich", NULL };
	static const char *const totals[] = { "", "", "", "", "summe", "",
	    "gesamt", NULL };

	enum art art;

	if (L->t->kind == KIND_BUDGET)
		return (enum art)S_word(L, line, "art", s, budget, ART_ZUGANG);
	art = (enum art)S_word(L, line, "art", s, totals, ART_NONE);
	/* A distribution has no groups: its summe is the grand total. */
	if (L->t->kind == KIND_DISTRIBUTION && art == ART_SUMME)
		art = ART_GESAMT;
	return art;
}

/* A cell that could not be read: its field is not computed or checked. */
static void
S_bad_cell(struct loader *L, int f)
{
	L->cell_errors++;
	L->t->bad_field[f] = L->t->any_bad_field = true;
}

/* Text that starts with a letter, "ca." aside: words ("k.A.", "liegt
 * noch nicht vor"), not a mistyped figure. */
static bool
S_has_letter(const char *cell)
{
	const unsigned char *s = (const unsigned char *)cell;

	while (*s == ' ')
		s++;
	if (strncmp((const char *)s, "ca", 2) == 0 && (s[2] == '.' ||
	    s[2] == ' '))
		return false;
	return isalpha(*s) || *s >= 0xC3;	/* ä, ö, ü and beyond */
}

static void
S_number_error(struct loader *L, int line, int f, const char *col,
    const char *cell, enum num_status st, enum unit unit)
{
	char *ex = text_excerpt(cell);

	S_bad_cell(L, f);
	switch (st) {
	case NUM_NOT_WHOLE:
		S_cell_error(L, line, col, "column '%s': '%s' is not a whole "
		    "number", QUOTE(col), ex);
		break;
	case NUM_TOO_PRECISE:
		S_cell_error(L, line, col, "column '%s': '%s' has more than "
		    "%s decimals", QUOTE(col), ex,
		    unit == UNIT_MONEY ? "two" : "six");
		break;
	case NUM_RANGE:
		S_cell_error(L, line, col, "column '%s': '%s' is beyond the "
		    "limit of %s", QUOTE(col), ex, fmt_limit(unit));
		break;
	default:
		/* Words where a figure belongs are a note ("liegt noch nicht
		 * vor"): its column is the one to teach. */
		if (S_has_letter(cell))
			S_cell_error(L, line, col, "column '%s': '%s' is not "
			    "a number; a note in place of a number goes in the "
			    "column 'hinweis_%s'", QUOTE(col), ex, QUOTE(col));
		else
			S_cell_error(L, line, col, "column '%s': '%s' is not "
			    "a number (format: %s)", QUOTE(col), ex,
			    L->t->decimal_dot ? "1234.56" : "1.234,56");
		break;
	}
	free(ex);
}

/* A number of people, places or cases cannot be negative; a change or a
 * Kennzahl whose unit each row gives can. */
static bool
S_never_negative(const struct field *fd)
{
	return fd->unit == UNIT_COUNT && (fd->flags & FIELD_INPUT) &&
	    !(fd->flags & (FIELD_SIGNED | FIELD_BY_ROW));
}

/* The typed cell of a numeric column into its value, or an error. */
static void
S_number(struct loader *L, struct entry *e, int line,
    const struct column *col, const char *cell)
{
	const struct field *fd = &L->t->fields[col->field];
	struct value *v = &e->val[col->field];
	enum unit u = entry_unit(L->t, e, col->field);
	enum num_status st = num_parse(cell, L->t->decimal_dot, u, v);
	char *ex;

	if (st != NUM_OK && st != NUM_EMPTY) {
		S_number_error(L, line, col->field, col->name, cell, st, u);
	} else if (v->has && v->v < 0 && S_never_negative(fd)) {
		ex = text_excerpt(cell);
		S_cell_error(L, line, col->name, "column '%s': '%s' is "
		    "negative; a count cannot be", QUOTE(col->name), ex);
		free(ex);
		S_bad_cell(L, col->field);
		v->has = false;
	}
}

static void
S_not_yes_no(struct loader *L, int line, const char *col, const char *cell)
{
	char *ex = text_excerpt(cell);

	S_cell_error(L, line, col, "column '%s': '%s' is not yes or no "
	    "(x, ja, nein, ...)", QUOTE(col), ex);
	free(ex);
}

/* Text columns that decide how the row's numbers are read. */
static void
S_row_kind(struct loader *L, struct entry *e)
{
	static const char *const typ[] = { "bestand", "quote", "summe", "index",
	    NULL };
	static const char *const richtung[] = { "hoch", "niedrig", NULL };
	static const char *const einheit[] = { "", "%", "\xE2\x82\xAC", "EUR",
	    "Anzahl", NULL };
	static const enum unit typ_unit[] = { UNIT_COUNT, UNIT_PERCENT,
	    UNIT_MONEY, UNIT_PERCENT };
	static const enum unit einheit_unit[] = { UNIT_COUNT, UNIT_PERCENT,
	    UNIT_MONEY, UNIT_MONEY, UNIT_COUNT };
	struct table *t = L->t;
	bool yes;
	int i;

	switch (t->kind) {
	case KIND_TARGETS:
		e->typ = (enum target_type)S_word(L, e->line, "typ",
		    S_cell(e, t, ROLE_TYP), typ, TARGET_BESTAND);
		e->row_unit = typ_unit[e->typ];
		e->low_is_better = S_word(L, e->line, "richtung",
		    S_cell(e, t, ROLE_RICHTUNG), richtung, 0) == 1;
		break;
	case KIND_SERIES:
		i = S_word(L, e->line, "einheit", S_cell(e, t, ROLE_EINHEIT),
		    einheit, 0);
		e->row_unit = einheit_unit[i];
		break;
	case KIND_INSTRUMENTS:
		if (!S_yes_no(S_cell(e, t, ROLE_INFO_FLAG), &yes))
			S_not_yes_no(L, e->line, "nachrichtlich",
			    S_cell(e, t, ROLE_INFO_FLAG));
		else
			e->info = yes;
		break;
	case KIND_BUDGET:
		e->info = e->art == ART_NACHRICHTLICH;
		break;
	default:
		break;
	}
}

static void
S_set_note(struct table *t, struct entry *e, int f, char *text)
{
	if (e->note == NULL)
		e->note = xcalloc(t->nfields, sizeof(*e->note));
	free(e->note[f]);
	e->note[f] = text;
}

/* Parses the numbers of a row; raw cells of numbers are dropped after. */
static void
S_row_numbers(struct loader *L, struct entry *e)
{
	struct table *t = L->t;

	for (size_t c = 0; c < t->ncols; c++) {
		const struct column *col = &t->cols[c];
		char *cell = e->cells[c];

		if (cell == NULL || (col->role != ROLE_FIELD &&
		    col->role != ROLE_NOTE))
			continue;
		e->cells[c] = NULL;
		if (col->role == ROLE_NOTE) {
			if (*cell != '\0')
				S_set_note(t, e, col->field, cell);
			else
				free(cell);
			continue;
		}
		S_number(L, e, e->line, col, cell);
		if (e->info)
			e->val[col->field].info = e->val[col->field].has;
		free(cell);
	}
}

static bool
S_has_any(const struct table *t, const struct entry *e, bool notes)
{
	for (size_t f = 0; f < t->nfields; f++)
		if (e->val[f].has || (notes && e->note != NULL &&
		    e->note[f] != NULL))
			return true;
	return false;
}

/* Money parts are all counted or all informational (input-format.md). */
static void
S_check_info_mix(struct loader *L, const struct entry *e)
{
	static const char *const parts[] = { "mittel_neufall",
	    "mittel_vorbindung", "mittel_zusatz", NULL };
	bool info = false, plain = false;

	if (L->t->kind != KIND_INSTRUMENTS)
		return;
	for (const char *const *p = parts; *p != NULL; p++) {
		const struct value *v = &e->val[table_field(L->t, *p)];

		info |= v->has && v->info;
		plain |= v->has && !v->info;
	}
	if (info && plain)
		S_error(L, e->line, "row '%s' mixes "
		    "nachrichtlich (...) and counted amounts; split the row",
		    QUOTE(e->label));
}

static bool
S_is_declared(const struct table *t, enum art art)
{
	return t->kind != KIND_BUDGET && (art == ART_SUMME || art == ART_GESAMT);
}

static void
S_row(struct loader *L, const struct csv_record *rec)
{
	struct table *t = L->t;
	char **cells = xcalloc(t->ncols, sizeof(*cells));
	struct entry *e;
	enum art art = ART_NONE;
	int art_col = S_role_col(t, ROLE_ART), label_col;

	for (size_t i = 0; i < rec->ncells; i++) {
		int c = i < L->nmap ? L->map[i] : COL_UNNAMED;

		if (c >= 0) {
			cells[c] = trim_dup(rec->cells[i]);
		} else if (c == COL_UNNAMED && !is_blank(rec->cells[i])) {
			char *ex = text_excerpt(rec->cells[i]);

			S_error(L, rec->line, "cell %zu '%s' "
			    "stands in a column without a name in the header",
			    i + 1, ex);
			free(ex);
		}
	}
	if (art_col >= 0 && cells[art_col] != NULL)
		art = S_art(L, rec->line, cells[art_col]);
	else if (t->kind == KIND_BUDGET)
		art = ART_ZUGANG;
	if (S_is_declared(t, art))
		e = entry_new(t, &t->declared, &t->ndeclared, &t->capdeclared,
		    ENTRY_DECLARED);
	else
		e = entry_new(t, &t->rows, &t->nrows, &t->caprows, ENTRY_ROW);
	e->line = rec->line;
	e->art = art;
	e->cells = cells;
	label_col = S_role_col(t, ROLE_LABEL);
	e->label = xstrdup(label_col >= 0 && cells[label_col] != NULL ?
	    cells[label_col] : "");
	S_row_kind(L, e);
	S_row_numbers(L, e);
	S_check_info_mix(L, e);
	if (t->kind == KIND_INSTRUMENTS && e->kind == ENTRY_ROW)
		e->label_row = !S_has_any(t, e, true);
	/* A series point without its jahr has no place on the axis. */
	for (size_t c = 0; c < t->ncols && e->kind == ENTRY_ROW; c++)
		if (t->cols[c].required && (cells[c] == NULL ||
		    *cells[c] == '\0'))
			S_error(L, e->line, "column '%s' is empty",
			    QUOTE(t->cols[c].name));
}

/* The group of a row or declared total; -1 if it names none. */
static int
S_group(struct loader *L, struct entry *e, bool create)
{
	struct table *t = L->t;
	const char *label = S_cell(e, t, ROLE_GROUP);
	const char *given = S_cell(e, t, ROLE_GROUP_ID);
	char *gid = *given != '\0' ? xstrdup(given) : slugify(label);
	void *found;
	int g = -1;

	if (*label == '\0' && *given == '\0')
		goto out;
	if (*gid == '\0') {
		S_error(L, e->line, "group '%s' has no id; add "
		    "a gruppe_id", QUOTE(label));
		goto out;
	}

	if ((found = xmlHashLookup(L->gids, (xmlChar *)gid)) != NULL) {
		g = (int)((intptr_t)found - 1);
		if (*label != '\0' && strcmp(label, t->groups[g].label) != 0)
			S_error(L, e->line, "group id '%s' names "
			    "two groups: '%s' and '%s'", QUOTE(gid),
			    QUOTE(t->groups[g].label), QUOTE(label));
	} else if (create) {
		struct entry *ge = entry_new(t, &t->groups, &t->ngroups,
		    &t->capgroups, ENTRY_GROUP);

		if (!text_is_id(gid))
			S_error(L, e->line, "group id '%s' may "
			    "only hold a-z, 0-9, '-' and '_', and start with a "
			    "letter or digit", QUOTE(gid));

		ge->id = xstrdup(gid);
		ge->label = xstrdup(*label != '\0' ? label : gid);
		g = (int)t->ngroups - 1;
		xmlHashAddEntry(L->gids, (xmlChar *)gid, (void *)(intptr_t)(g + 1));
	} else
		S_error(L, e->line, "declared total for group "
		    "'%s', which has no rows",
		    QUOTE(*label != '\0' ? label : gid));
out:
	free(gid);
	return g;
}

static void
S_groups(struct loader *L)
{
	struct table *t = L->t;
	int gc = S_role_col(t, ROLE_GROUP);

	if (gc >= 0) {
		L->gids = xmlHashCreate(16);
		for (size_t i = 0; i < t->nrows; i++)
			t->rows[i].group = S_group(L, &t->rows[i], true);
	}
	for (size_t i = 0; i < t->ndeclared; i++) {
		struct entry *e = &t->declared[i];

		if (e->art != ART_SUMME)
			continue;
		if (gc < 0) {
			S_error(L, e->line, "a 'summe' row totals "
			    "a group, but this table has no groups; use "
			    "'gesamt'");
			continue;
		}
		e->group = S_group(L, e, false);
		if (e->group < 0 && !*S_cell(e, t, ROLE_GROUP) &&
		    !*S_cell(e, t, ROLE_GROUP_ID))
			S_error(L, e->line, "a 'summe' row needs "
			    "the group it totals (column '%s')",
			    QUOTE(t->cols[gc].name));
	}
}

/* A row's id when it has no id column (input-format.md, "Ids"). */
static char *
S_derived_id(const struct table *t, const struct entry *e, size_t index)
{
	if (t->kind == KIND_SERIES) {
		char *k = slugify(e->label), *j = slugify(S_cell(e, t, ROLE_JAHR));
		char *id = xasprintf("%s-%s", k, j);

		free(k);
		free(j);
		return id;
	}
	if (t->kind == KIND_TABLE && S_role_col(t, ROLE_LABEL) < 0)
		return xasprintf("%zu", index + 1);
	return slugify(e->label);
}

static void
S_ids(struct loader *L)
{
	struct table *t = L->t;

	t->ids = xmlHashCreate((int)(t->nrows + t->ngroups + 1));
	for (size_t g = 0; g < t->ngroups; g++)
		xmlHashAddEntry(t->ids, (xmlChar *)t->groups[g].id, &t->groups[g]);
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i], *other;
		const char *given = S_cell(e, t, ROLE_ID);
		bool derived = *given == '\0';

		e->id = derived ? S_derived_id(t, e, i) : xstrdup(given);
		if (!text_is_id(e->id)) {
			S_error(L, e->line, derived ? "row '%s' "
			    "has no id: its label gives none; add an id" :
			    "id '%s' may only hold a-z, 0-9, '-' and '_', and "
			    "start with a letter or digit",
			    QUOTE(derived ? e->label : e->id));
			continue;
		}
		if (strcmp(e->id, "gesamt") == 0 || strcmp(e->id, "plan") == 0) {
			S_error(L, e->line, "row id '%s' is "
			    "reserved; give the row another id", QUOTE(e->id));
			continue;
		}
		if (xmlHashAddEntry(t->ids, (xmlChar *)e->id, e) == 0)
			continue;
		other = xmlHashLookup(t->ids, (xmlChar *)e->id);
		if (other->kind == ENTRY_GROUP)
			S_error(L, e->line, "row id '%s' is also "
			    "the id of a group; give the row another id",
			    QUOTE(e->id));
		else
			S_error(L, e->line, "duplicate row id "
			    "'%s' (first on line %d)", QUOTE(e->id),
			    other->line);
	}
}

static int
S_link(struct loader *L, struct entry *e, enum col_role role, const char *col)
{
	const char *id = S_cell(e, L->t, role);
	struct entry *to;

	if (*id == '\0')
		return -1;
	to = table_entry(L->t, id);
	if (to == NULL || to->kind != ENTRY_ROW) {
		S_error(L, e->line, "column '%s': no row has "
		    "the id '%s'", QUOTE(col), QUOTE(id));
		return -1;
	}
	if (to == e) {
		S_error(L, e->line, "column '%s': the row "
		    "names itself", QUOTE(col));
		return -1;
	}
	return (int)(to - L->t->rows);
}

/* Near-miss searches a table may cost: each looks at up to every row. */
#define SUGGEST_MAX	16

const char *
tables_near_row(const struct table *t, const char *id, const char *except)
{
	size_t limit = strlen(id) / 3 + 1, best_d = SIZE_MAX;
	const char *best = NULL;

	if (limit > 4)
		limit = 4;
	for (size_t i = 0; i < t->nrows; i++) {
		size_t d;

		if (t->rows[i].id == NULL || strcmp(t->rows[i].id, id) == 0 ||
		    (except != NULL && strcmp(t->rows[i].id, except) == 0))
			continue;
		d = edit_distance(id, t->rows[i].id, limit);
		if (d <= limit && d < best_d) {
			best = t->rows[i].id;
			best_d = d;
			limit = d;
		}
	}
	return best;
}

/* The base row of e's darunter cell: a row that is no subset itself;
 * -1 after an error or without one.  davon and darunter exclude each
 * other: a row is a part of its parent or a subset of it. */
static int
S_darunter_base(struct loader *L, const struct entry *e)
{
	const char *id = S_cell(e, L->t, ROLE_DARUNTER), *near;
	const struct entry *to;

	if (*id == '\0')
		return -1;
	to = table_entry(L->t, id);
	if (to == NULL || to->kind != ENTRY_ROW) {
		near = L->suggested++ < SUGGEST_MAX ?
		    tables_near_row(L->t, id, e->id) : NULL;
		if (near != NULL)
			S_error(L, e->line, "column 'darunter': no row has the "
			    "id '%s' (did you mean '%s'?)", QUOTE(id),
			    QUOTE(near));
		else
			S_error(L, e->line, "column 'darunter': no row has the "
			    "id '%s'", QUOTE(id));
	} else if (to == e)
		S_error(L, e->line, "column 'darunter': the row names itself");
	else if (*S_cell(to, L->t, ROLE_DARUNTER) != '\0')
		S_error(L, e->line, "column 'darunter': '%s' is a darunter row "
		    "itself; name its base row '%s'", QUOTE(id),
		    QUOTE(S_cell(to, L->t, ROLE_DARUNTER)));
	else if (e->parent >= 0)
		S_error(L, e->line, "row '%s' has both davon and darunter; "
		    "a row is either a part or a subset", QUOTE(e->label));
	else
		return (int)(to - L->t->rows);
	return -1;
}

/* davon chains must end: a walk with marks finds a loop in linear time. */
static void
S_davon_loops(struct loader *L)
{
	struct table *t = L->t;
	size_t *mark = xcalloc(t->nrows, sizeof(*mark));

	for (size_t i = 0; i < t->nrows; i++) {
		size_t k = i;

		while (mark[k] == 0 && t->rows[k].parent >= 0) {
			mark[k] = i + 1;
			k = (size_t)t->rows[k].parent;
		}
		if (mark[k] == i + 1) {
			S_error(L, t->rows[k].line, "the davon chain "
			    "of row '%s' loops", QUOTE(t->rows[k].id));
			t->rows[k].parent = -1;
		}
		mark[k] = mark[k] ? mark[k] : i + 1;
	}
	free(mark);
}

static void
S_links(struct loader *L)
{
	struct table *t = L->t;

	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];

		e->parent = S_link(L, e, ROLE_DAVON, "davon");
		e->teil_von = S_link(L, e, ROLE_TEIL_VON, "teil_von");
	}
	S_davon_loops(L);
	for (size_t i = 0; i < t->nrows; i++) {
		int b = S_darunter_base(L, &t->rows[i]);

		if (b >= 0) {
			t->rows[i].parent = b;
			t->rows[i].darunter = true;
		}
	}
	/* A subset's parts would be neither counted nor a subset. */
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];

		if (e->parent >= 0 && !e->darunter &&
		    t->rows[e->parent].darunter) {
			S_error(L, e->line, "column 'davon': '%s' is a darunter "
			    "row, which has no davon rows",
			    QUOTE(t->rows[e->parent].id));
			e->parent = -1;
		}
	}
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		const struct entry *c;

		if (e->teil_von < 0)
			continue;
		c = &t->rows[e->teil_von];
		if ((c->typ != TARGET_QUOTE && c->typ != TARGET_INDEX) ||
		    c->teil_von >= 0) {
			S_error(L, e->line, "column 'teil_von': "
			    "'%s' is not a combined quote", QUOTE(c->id));
			e->teil_von = -1;
		}
	}
}

/* A budget's art carries the sign: amounts are written positive. */
static void
S_budget_rules(struct loader *L)
{
	struct table *t = L->t;
	int fb = table_field(t, "betrag");

	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];

		if (e->art == ART_ABGANG && e->val[fb].has && e->val[fb].v < 0)
			S_error(L, e->line, "'%s': an 'abgang' "
			    "amount is written positive; the art subtracts it",
			    QUOTE(e->label));
	}
}

/* Figures that only some target types or series rows may have. */
static void
S_row_rules(struct loader *L)
{
	struct table *t = L->t;
	int fz = table_field(t, "zaehler"), fn = table_field(t, "nenner");
	int fp = table_field(t, "veraenderung_punkte");

	if (t->kind == KIND_BUDGET)
		S_budget_rules(L);
	if (t->kind != KIND_TARGETS)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];
		bool pct = e->typ == TARGET_QUOTE || e->typ == TARGET_INDEX;

		if (!pct && (e->val[fz].has || e->val[fn].has || e->val[fp].has))
			S_error(L, e->line, "row '%s': zaehler, "
			    "nenner and veraenderung_punkte are only for typ "
			    "quote or index", QUOTE(e->label));
	}
}

static void
S_series_units(struct loader *L)
{
	struct table *t = L->t;
	xmlHashTablePtr first;

	if (t->kind != KIND_SERIES)
		return;
	first = xmlHashCreate(16);
	for (size_t i = 0; i < t->nrows; i++) {
		struct entry *e = &t->rows[i];
		struct entry *f = xmlHashLookup(first, (xmlChar *)e->label);

		if (f == NULL)
			xmlHashAddEntry(first, (xmlChar *)e->label, e);
		else if (f->row_unit != e->row_unit)
			S_error(L, e->line, "Kennzahl '%s' changes "
			    "its einheit", QUOTE(e->label));
	}
	xmlHashFree(first, NULL);
}

static void
S_total(struct table *t)
{
	size_t n = 0, cap = 0;
	bool any = t->kind == KIND_INSTRUMENTS || t->kind == KIND_DISTRIBUTION;

	for (size_t f = 0; f < t->nfields; f++)
		any |= (t->fields[f].flags & FIELD_TOTAL) != 0;
	if (any) {
		t->total = entry_new(t, &t->total, &n, &cap, ENTRY_TOTAL);
		t->total->id = xstrdup("gesamt");
		t->total->label = xstrdup("Gesamt");
		xmlHashAddEntry(t->ids, (xmlChar *)"gesamt", t->total);
	}
}

/* --- a Bericht that reports on a programme --- */

/* The programme's table with the Soll figures of t: for instruments and
 * targets, of the same name and kind. */
static const struct table *
S_soll_table(const struct plan *p, const struct table *t, struct diags *d)
{
	const struct table *s;

	if (p->programme == NULL || (t->kind != KIND_INSTRUMENTS &&
	    t->kind != KIND_TARGETS))
		return NULL;
	s = plan_table(p->programme, t->name);
	if (s == NULL || s->kind != t->kind) {
		diag_error(d, p->xml_path, t->xml_line, "the programme %s has no "
		    "table '%s' of kind '%s' to take the Soll from",
		    p->programme->xml_path, QUOTE(t->name), kind_name(t->kind));
		return NULL;
	}
	return s->broken ? NULL : s;
}

/* The programme's rows, with everything but the Ist figures. */
static void
S_copy_soll(struct loader *L)
{
	struct table *t = L->t;
	const struct table *s = L->soll;

	for (size_t i = 0; i < s->nrows; i++) {
		const struct entry *from = &s->rows[i];
		struct entry *e = entry_new(t, &t->rows, &t->nrows, &t->caprows,
		    ENTRY_ROW);

		e->label = xstrdup(from->label);
		e->art = from->art;
		e->label_row = from->label_row;
		e->info = from->info;
		e->typ = from->typ;
		e->low_is_better = from->low_is_better;
		e->row_unit = from->row_unit;
		e->cells = xcalloc(t->ncols, sizeof(*e->cells));
		for (size_t c = 0; c < t->ncols; c++)
			if (from->cells != NULL && from->cells[c] != NULL)
				e->cells[c] = xstrdup(from->cells[c]);
		for (size_t f = 0; f < t->nfields; f++) {
			if (t->fields[f].flags & FIELD_ACTUAL ||
			    !(t->fields[f].flags & FIELD_INPUT))
				continue;
			e->val[f] = from->val[f];
			if (from->note != NULL && from->note[f] != NULL)
				S_set_note(t, e, (int)f, xstrdup(from->note[f]));
		}
	}
}

/* One cell of an Ist line: Ist figures and their notes are read, texts
 * replace the programme's, a Soll figure is refused. */
static void
S_ist_cell(struct loader *L, struct entry *e, const char *id,
    const struct column *col, char *cell, int line)
{
	struct table *t = L->t;

	if (*cell == '\0')
		return;
	if (col->role == ROLE_TEXT) {
		free(e->cells[col - t->cols]);
		e->cells[col - t->cols] = xstrdup(cell);
	} else if (col->role == ROLE_LABEL && strcmp(cell, e->label) != 0) {
		S_error(L, line, "row '%s' is called '%s' in the "
		    "programme %s", QUOTE(id), QUOTE(e->label), L->soll->path);
	} else if ((col->role == ROLE_FIELD || col->role == ROLE_NOTE) &&
	    !(t->fields[col->field].flags & FIELD_ACTUAL)) {
		S_error(L, line, "column '%s': the Soll comes from "
		    "the programme %s; type it there", QUOTE(col->name),
		    L->soll->path);
	} else if (col->role == ROLE_NOTE) {
		S_set_note(t, e, col->field, xstrdup(cell));
	} else if (col->role == ROLE_FIELD) {
		S_number(L, e, line, col, cell);
		e->val[col->field].info |= e->info;
	}
}

/* A line of a Bericht with a programme: the Ist of the programme's row
 * with the same id.  Declared totals are read as in any table. */
static void
S_ist_row(struct loader *L, const struct csv_record *rec)
{
	struct table *t = L->t;
	int idc = S_role_col(t, ROLE_ID), lc = S_role_col(t, ROLE_LABEL);
	char *id = NULL;
	const struct entry *in_soll;
	struct entry *e;

	for (size_t i = 0; i < rec->ncells && i < L->nmap; i++) {
		char *art;
		bool declared;

		if (L->map[i] < 0 || t->cols[L->map[i]].role != ROLE_ART)
			continue;
		art = trim_dup(rec->cells[i]);
		declared = S_is_declared(t, S_art(L, rec->line, art));
		free(art);
		if (declared) {
			S_row(L, rec);
			return;
		}
	}
	for (size_t i = 0; i < rec->ncells && i < L->nmap && id == NULL; i++)
		if (L->map[i] == idc && !is_blank(rec->cells[i]))
			id = trim_dup(rec->cells[i]);
	for (size_t i = 0; i < rec->ncells && i < L->nmap && id == NULL; i++)
		if (L->map[i] == lc && !is_blank(rec->cells[i]))
			id = slugify(rec->cells[i]);
	in_soll = id != NULL ? table_entry(L->soll, id) : NULL;
	if (in_soll == NULL || in_soll->kind != ENTRY_ROW) {
		S_error(L, rec->line, "the programme %s has no row "
		    "'%s'", L->soll->path, QUOTE(id != NULL ? id : ""));
		free(id);
		return;
	}
	e = &t->rows[in_soll - L->soll->rows];
	if (e->line != 0)
		S_error(L, rec->line, "row '%s' is reported twice "
		    "(first on line %d)", QUOTE(id), e->line);
	e->line = rec->line;
	for (size_t i = 0; i < rec->ncells && i < L->nmap; i++) {
		char *cell;

		if (L->map[i] < 0)
			continue;
		cell = trim_dup(rec->cells[i]);
		S_ist_cell(L, e, id, &t->cols[L->map[i]], cell, rec->line);
		free(cell);
	}
	free(id);
}

/* Every row of the programme with Soll figures needs its Ist. */
static void
S_unreported(struct loader *L)
{
	struct table *t = L->t;

	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].line == 0 && !t->rows[i].label_row)
			S_error(L, t->header_line, "row '%s' of the "
			    "programme %s (line %d) has no line here",
			    QUOTE(L->soll->rows[i].id), L->soll->path,
			    L->soll->rows[i].line);
}

static void
S_read_table(struct plan *p, struct table *t, struct diags *d)
{
	struct loader L = { .plan = p, .t = t, .d = d,
	    .errors_before = d->errors, .soll = S_soll_table(p, t, d) };
	struct csv_file f;
	bool unreadable = t->broken;

	t->bad_field = xcalloc(t->nfields, sizeof(*t->bad_field));
	t->broken = true;
	if (unreadable)
		goto links;	/* plan.xml said why */
	if (!io_path_inside(p->dir, t->src))
		diag_error(d, p->xml_path, t->xml_line, "src '%s' leaves the "
		    "plan folder", QUOTE(t->src));
	else if (t->sheet != NULL && !xlsx_is_workbook(t->src))
		diag_error(d, p->xml_path, t->xml_line, "sheet '%s' names a "
		    "sheet of an Excel workbook, but src '%s' is no .xlsx",
		    QUOTE(t->sheet), QUOTE(t->src));
	else if (xlsx_is_workbook(t->src) ? xlsx_read_file(t->path, t->path,
	    t->sheet, t->decimal_dot, &f, d) : csv_read_file(t->path, t->path,
	    &f, d)) {
		if (t->sheet == NULL && f.sheet != NULL)
			t->sheet = xstrdup(f.sheet);
		/* Without a required column, every row would only repeat it. */
		if (L.soll != NULL)
			S_copy_soll(&L);
		if (S_header(&L, &f.recs[0]))
			for (size_t i = 1; i < f.nrecs; i++)
				(L.soll != NULL ? S_ist_row : S_row)(&L, &f.recs[i]);
		if (L.soll != NULL)
			S_unreported(&L);
		csv_file_free(&f);
	}
links:
	S_groups(&L);
	S_ids(&L);
	S_total(t);
	S_links(&L);
	S_row_rules(&L);
	S_series_units(&L);
	free(L.map);
	if (L.gids != NULL)
		xmlHashFree(L.gids, NULL);
	t->broken = unreadable || d->errors > L.errors_before + L.cell_errors;
}


/* What the tables of a plan may hold together, in cells and figures:
 * one file of the most cells with its figures and a part of a second,
 * a few hundred megabytes of model. */
#define PLAN_CELLS_MAX 6000000

void
tables_read(struct plan *p, struct diags *d)
{
	size_t cells = 0;

	for (size_t i = 0; i < p->ntables; i++) {
		struct table *t = p->tables[i];

		if (cells > PLAN_CELLS_MAX && !t->broken) {
			diag_error(d, p->xml_path, t->xml_line, "the tables "
			    "before '%s' hold more than %d cells", t->name,
			    PLAN_CELLS_MAX);
			for (size_t k = i; k < p->ntables; k++)
				p->tables[k]->broken = true;	/* unread */
		}
		S_read_table(p, t, d);
		cells += t->nrows * (t->ncols + t->nfields);
	}
}
