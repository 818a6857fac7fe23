/* model.c: the schemas of the table kinds, constructors and lookups. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *kind_names[] = {
	[KIND_BUDGET] = "budget",
	[KIND_INSTRUMENTS] = "instruments",
	[KIND_DISTRIBUTION] = "distribution",
	[KIND_TARGETS] = "targets",
	[KIND_SERIES] = "series",
	[KIND_TABLE] = "table",
};

const char *
report_name(enum report r)
{
	switch (r) {
	case REPORT_AMIP:
		return "amip";
	case REPORT_PLANUNGSDOKUMENT:
		return "planungsdokument";
	default:
		return "eingliederungsbericht";
	}
}

const char *
report_title(enum report r)
{
	switch (r) {
	case REPORT_AMIP:
		return "Arbeitsmarkt- und Integrationsprogramm";
	case REPORT_PLANUNGSDOKUMENT:
		return "Planungsdokument";
	default:
		return "Eingliederungsbericht";
	}
}

const char *
kind_name(enum table_kind k)
{
	return kind_names[k];
}

bool
kind_from_name(const char *s, enum table_kind *k)
{
	for (size_t i = 0; i < sizeof(kind_names) / sizeof(*kind_names); i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*k = (enum table_kind)i;
			return true;
		}
	return false;
}

/* One numeric field of a kind's schema. */
struct field_spec {
	const char	*name;
	enum unit	 unit;
	unsigned	 flags;
};

/* Text columns of a kind: name and role. */
struct col_spec {
	const char	*name;
	enum col_role	 role;
	bool		 required;
};

#define IN	FIELD_INPUT
#define CO	FIELD_COMPUTED
#define SU	FIELD_SUMMED
#define SG	FIELD_SIGNED
#define BR	FIELD_BY_ROW

static const struct col_spec budget_cols[] = {
	{ "position", ROLE_LABEL, true }, { "art", ROLE_ART, false },
	{ "hinweis", ROLE_TEXT, false }, { NULL, 0, false },
};
static const struct field_spec budget_fields[] = {
	{ "betrag", UNIT_MONEY, IN }, { "anteil_basis", UNIT_PERCENT, CO },
	{ NULL, 0, 0 },
};

static const struct col_spec instruments_cols[] = {
	{ "gruppe", ROLE_GROUP, false }, { "gruppe_id", ROLE_GROUP_ID, false },
	{ "instrument", ROLE_LABEL, true }, { "kuerzel", ROLE_TEXT, false },
	{ "rechtsgrundlage", ROLE_TEXT, false },
	{ "zielgruppe", ROLE_TEXT, false }, { "funktion", ROLE_TEXT, false },
	{ "hinweis", ROLE_TEXT, false }, { "davon", ROLE_DAVON, false },
	{ "nachrichtlich", ROLE_INFO_FLAG, false }, { "art", ROLE_ART, false },
	{ NULL, 0, false },
};
static const struct field_spec instruments_fields[] = {
	{ "eintritte", UNIT_COUNT, IN | SU },
	{ "plaetze", UNIT_COUNT, IN | SU },
	{ "mittel_neufall", UNIT_MONEY, IN | SU },
	{ "mittel_vorbindung", UNIT_MONEY, IN | SU },
	{ "mittel_zusatz", UNIT_MONEY, IN | SU },
	{ "mittel_gesamt", UNIT_MONEY, CO | SU },
	{ "kosten_je_eintritt", UNIT_MONEY, CO },
	{ "anteil_budget", UNIT_PERCENT, CO },
	{ "eintritte_ist", UNIT_COUNT, IN | SU | FIELD_ACTUAL },
	{ "ausgaben_ist", UNIT_MONEY, IN | SU | FIELD_ACTUAL },
	{ "abweichung_eintritte", UNIT_COUNT, CO | SG },
	{ "abweichung_mittel", UNIT_MONEY, CO | SG },
	{ "eintritte_vorjahr", UNIT_COUNT, CO | SU },
	{ "mittel_vorjahr", UNIT_MONEY, CO | SU },
	{ "veraenderung_eintritte", UNIT_COUNT, CO | SG },
	{ "veraenderung_mittel", UNIT_MONEY, CO | SG },
	{ "ausschoepfung_eintritte", UNIT_PERCENT, CO },
	{ "ausschoepfung_mittel", UNIT_PERCENT, CO },
	{ NULL, 0, 0 },
};

static const struct col_spec distribution_cols[] = {
	{ "merkmal", ROLE_LABEL, true }, { "davon", ROLE_DAVON, false },
	{ "art", ROLE_ART, false }, { "darunter", ROLE_DARUNTER, false },
	{ NULL, 0, false },
};
static const struct field_spec distribution_fields[] = {
	{ "anzahl", UNIT_COUNT, IN | SU },
	{ "anteil", UNIT_PERCENT, IN | CO },
	{ "vorjahr", UNIT_COUNT, IN | SU },
	{ "veraenderung", UNIT_COUNT, CO | SG },
	{ "veraenderung_prozent", UNIT_PERCENT, CO | SG },
	{ NULL, 0, 0 },
};

static const struct col_spec targets_cols[] = {
	{ "kennzahl", ROLE_LABEL, true }, { "typ", ROLE_TYP, false },
	{ "richtung", ROLE_RICHTUNG, false },
	{ "teil_von", ROLE_TEIL_VON, false }, { "hinweis", ROLE_TEXT, false },
	{ NULL, 0, false },
};
static const struct field_spec targets_fields[] = {
	{ "ist_vorjahr", UNIT_COUNT, IN | BR },
	{ "veraenderung", UNIT_PERCENT, IN | SG },
	{ "zaehler", UNIT_NUMBER, IN },
	{ "nenner", UNIT_NUMBER, IN },
	{ "veraenderung_punkte", UNIT_POINTS, IN | SG },
	{ "zielwert", UNIT_COUNT, IN | CO | BR },
	{ "ist", UNIT_COUNT, IN | BR | FIELD_ACTUAL },
	{ "abweichung", UNIT_COUNT, CO | SG | BR },
	{ "zielerreichung", UNIT_PERCENT, CO },
	{ "veraenderung_vorjahr", UNIT_COUNT, CO | SG | BR },
	{ NULL, 0, 0 },
};

static const struct col_spec series_cols[] = {
	{ "kennzahl", ROLE_LABEL, true }, { "jahr", ROLE_JAHR, true },
	{ "einheit", ROLE_EINHEIT, false }, { NULL, 0, false },
};
static const struct field_spec series_fields[] = {
	{ "wert", UNIT_COUNT, IN | BR },
	{ "veraenderung", UNIT_COUNT, CO | SG | BR },
	{ "veraenderung_prozent", UNIT_PERCENT, CO | SG },
	{ NULL, 0, 0 },
};

static const struct col_spec table_cols[] = {
	{ "art", ROLE_ART, false }, { NULL, 0, false },
};

void
model_dump_schema(FILE *f)
{
	static const struct col_spec *const cols[] = {
		[KIND_BUDGET] = budget_cols,
		[KIND_INSTRUMENTS] = instruments_cols,
		[KIND_DISTRIBUTION] = distribution_cols,
		[KIND_TARGETS] = targets_cols,
		[KIND_SERIES] = series_cols, [KIND_TABLE] = table_cols,
	};
	static const struct field_spec *const fields[] = {
		[KIND_BUDGET] = budget_fields,
		[KIND_INSTRUMENTS] = instruments_fields,
		[KIND_DISTRIBUTION] = distribution_fields,
		[KIND_TARGETS] = targets_fields,
		[KIND_SERIES] = series_fields, [KIND_TABLE] = NULL,
	};

	for (size_t k = 0; k < sizeof(kind_names) / sizeof(*kind_names); k++) {
		fprintf(f, "kind %s\n", kind_names[k]);
		fprintf(f, "column %s id\n", kind_names[k]);
		for (const struct col_spec *c = cols[k]; c->name != NULL; c++)
			fprintf(f, "column %s %s\n", kind_names[k], c->name);
		for (const struct field_spec *s = fields[k]; s != NULL &&
		    s->name != NULL; s++) {
			if (s->flags & FIELD_INPUT)
				fprintf(f, "column %s %s\n", kind_names[k],
				    s->name);
			if (s->flags & FIELD_COMPUTED)
				fprintf(f, "computed %s %s\n", kind_names[k],
				    s->name);
		}
	}
}

int
table_add_field(struct table *t, const char *name, enum unit unit,
    unsigned flags)
{
	struct field *f;

	t->fields = xreallocarray(t->fields, t->nfields + 1, sizeof(*f));
	f = &t->fields[t->nfields];
	*f = (struct field){ .name = xstrdup(name), .unit = unit,
	    .flags = flags, .share_of = -1, .part_of = -1 };
	return (int)t->nfields++;
}

int
table_add_column(struct table *t, const char *name, enum col_role role,
    int field)
{
	struct column *c;

	t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof(*c));
	c = &t->cols[t->ncols];
	*c = (struct column){ .name = xstrdup(name), .role = role,
	    .field = field };
	return (int)t->ncols++;
}

/* Every field is a column, and every field may carry a note. */
static void
S_field_columns(struct table *t)
{
	size_t n = t->nfields;

	for (size_t i = 0; i < n; i++) {
		char *note = xasprintf("hinweis_%s", t->fields[i].name);

		table_add_column(t, t->fields[i].name, ROLE_FIELD, (int)i);
		table_add_column(t, note, ROLE_NOTE, (int)i);
		free(note);
	}
}

void
table_schema(struct table *t)
{
	static const struct {
		const struct col_spec	*cols;
		const struct field_spec	*fields;
	} schema[] = {
		[KIND_BUDGET] = { budget_cols, budget_fields },
		[KIND_INSTRUMENTS] = { instruments_cols, instruments_fields },
		[KIND_DISTRIBUTION] = { distribution_cols, distribution_fields },
		[KIND_TARGETS] = { targets_cols, targets_fields },
		[KIND_SERIES] = { series_cols, series_fields },
		[KIND_TABLE] = { table_cols, NULL },
	};
	const struct col_spec *c;
	const struct field_spec *f;

	table_add_column(t, "id", ROLE_ID, -1);
	for (c = schema[t->kind].cols; c->name != NULL; c++) {
		int i = table_add_column(t, c->name, c->role, -1);

		t->cols[i].required = c->required;
	}
	if (t->kind == KIND_TABLE)
		return;
	for (f = schema[t->kind].fields; f->name != NULL; f++)
		table_add_field(t, f->name, f->unit, f->flags);
	S_field_columns(t);
	/* The Soll until calc finds an Ist figure. */
	t->year_eintritte = table_field(t, "eintritte");
	t->year_mittel = table_field(t, "mittel_gesamt");
}

int
table_field(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool
S_counted(const struct entry *e)
{
	return e->kind == ENTRY_ROW && !e->label_row && e->parent < 0;
}

bool
table_sum(const struct table *t, int g, int f, struct value *out,
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

bool
table_sum_exact(const struct table *t, int g, int f, struct exact *out,
    bool *any)
{
	*out = (struct exact){ 0, 1 };
	*any = false;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];
		const struct value *v = &e->val[f];

		if (!S_counted(e) || (g >= 0 && e->group != g) || v->info ||
		    !v->has)
			continue;
		*any = true;
		if (!exact_add(*out, value_exact(v), out))
			return false;
	}
	return true;
}

int
table_column(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

struct entry *
table_entry(const struct table *t, const char *id)
{
	if (t->ids == NULL)
		return NULL;
	return xmlHashLookup(t->ids, (const xmlChar *)id);
}

/* Every insert, value and check looks its table up, and a plan may
 * declare thousands: the index is a cache, filled with the tables
 * appended since the last lookup, the first of a name winning. */
struct table *
plan_table(const struct plan *p, const char *name)
{
	struct plan *cache = (struct plan *)p;

	if (p->table_index == NULL)
		cache->table_index = xmlHashCreate(16);
	for (; p->nindexed < p->ntables; cache->nindexed++)
		(void)xmlHashAddEntry(p->table_index,
		    (const xmlChar *)p->tables[p->nindexed]->name,
		    p->tables[p->nindexed]);
	return xmlHashLookup(p->table_index, (const xmlChar *)name);
}

struct entry *
entry_new(struct table *t, struct entry **array, size_t *n, size_t *cap,
    enum entry_kind kind)
{
	struct entry *e;

	grow(array, cap, *n + 1, sizeof(**array));
	e = &(*array)[(*n)++];
	*e = (struct entry){ .kind = kind, .group = -1, .parent = -1,
	    .teil_von = -1, .row_unit = UNIT_COUNT, .reached = -1 };
	e->val = xcalloc(t->nfields, sizeof(*e->val));
	for (size_t i = 0; i < t->nfields; i++)
		e->val[i] = value_none(t->fields[i].unit);
	return e;
}

enum unit
entry_unit(const struct table *t, const struct entry *e, int f)
{
	const struct field *fd = &t->fields[f];

	if (!(fd->flags & FIELD_BY_ROW))
		return fd->unit;
	/* A change of a percentage is in percentage points. */
	if ((fd->flags & FIELD_SIGNED) && e->row_unit == UNIT_PERCENT)
		return UNIT_POINTS;
	return e->row_unit;
}

static void
S_entry_free(const struct table *t, struct entry *e)
{
	free(e->id);
	free(e->label);
	if (e->cells != NULL)
		for (size_t i = 0; i < t->ncols; i++)
			free(e->cells[i]);
	free(e->cells);
	free(e->val);
	if (e->note != NULL)
		for (size_t i = 0; i < t->nfields; i++)
			free(e->note[i]);
	free(e->note);
}

void
table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows; i++)
		S_entry_free(t, &t->rows[i]);
	for (size_t i = 0; i < t->ngroups; i++)
		S_entry_free(t, &t->groups[i]);
	for (size_t i = 0; i < t->ndeclared; i++)
		S_entry_free(t, &t->declared[i]);
	if (t->total != NULL)
		S_entry_free(t, t->total);
	free(t->rows);
	free(t->groups);
	free(t->declared);
	free(t->total);
	for (size_t i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].label);
	}
	for (size_t i = 0; i < t->nfields; i++) {
		free(t->fields[i].name);
		free(t->fields[i].label);
	}
	free(t->cols);
	free(t->fields);
	free(t->bad_field);
	if (t->ids != NULL)
		xmlHashFree(t->ids, NULL);
	free(t->name);
	free(t->src);
	free(t->path);
	free(t->sheet);
	free(t->title);
	free(t->stand);
	free(t->source);
	free(t->zusatz);
	free(t->budget_name);
	free(t->budget_row_id);
	free(t->group_by);
	free(t);
}

void
plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->ntables; i++)
		table_free(p->tables[i]);
	free(p->tables);
	if (p->table_index != NULL)
		xmlHashFree(p->table_index, NULL);
	plan_free(p->programme);
	free(p->programme_dir);
	plan_free(p->previous);
	free(p->previous_dir);
	pictures_free(&p->pictures);
	if (p->doc != NULL)
		xmlFreeDoc(p->doc);
	free(p->dir);
	free(p->name);
	free(p->xml_path);
	free(p->jc_name);
	free(p->jc_kind);
	free(p->jc_region);
	free(p->jc_land);
	free(p->title);
	free(p->author);
	free(p->subtitle);
	free(p->reference);
	free(p->status);
	free(p);
}
