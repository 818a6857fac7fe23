/* model.h: the plan as read and computed: metadata, tables with their
 * columns, fields, rows, groups and totals.  Every figure is a struct value
 * in an entry's val[] at the index of its field.
 * Included by the readers, calc, check, keys and the writers. */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "number.h"
#include "picture.h"

enum report {
	REPORT_AMIP,
	REPORT_PLANUNGSDOKUMENT,
	REPORT_EINGLIEDERUNGSBERICHT,
};

enum table_kind {
	KIND_BUDGET,
	KIND_INSTRUMENTS,
	KIND_DISTRIBUTION,
	KIND_TARGETS,
	KIND_SERIES,
	KIND_TABLE,
};

/* What a CSV column means to its table. */
enum col_role {
	ROLE_ID,
	ROLE_LABEL,		/* the row's label; required */
	ROLE_TEXT,		/* printed text (kuerzel, hinweis, ...) */
	ROLE_GROUP,		/* instruments: gruppe; table: the group-by column */
	ROLE_GROUP_ID,
	ROLE_ART,
	ROLE_DAVON,
	ROLE_INFO_FLAG,		/* instruments: nachrichtlich yes/no */
	ROLE_TYP,		/* targets */
	ROLE_RICHTUNG,		/* targets */
	ROLE_TEIL_VON,		/* targets */
	ROLE_JAHR,		/* series */
	ROLE_EINHEIT,		/* series */
	ROLE_FIELD,		/* a number: field */
	ROLE_NOTE,		/* hinweis_FIELD: a note for field */
	ROLE_DARUNTER,		/* distribution: the base row of a subset */
};

struct column {
	char		*name;		/* lower case, as in the header */
	enum col_role	 role;
	int		 field;		/* ROLE_FIELD, ROLE_NOTE: index; else -1 */
	bool		 required;
	char		*label;		/* the column's heading (<column label>) */
	bool		 in_file;	/* in the header of the file read */
};

enum field_flags {
	FIELD_INPUT = 1,	/* typed in normal rows */
	FIELD_COMPUTED = 2,	/* computed; a typed value is checked */
	FIELD_SUMMED = 4,	/* groups and totals add it up */
	FIELD_SIGNED = 8,	/* a change: shown with its sign */
	FIELD_BY_ROW = 16,	/* unit from the row (targets typ, series einheit) */
	FIELD_TOTAL = 32,	/* kind table: total="yes" */
	FIELD_ACTUAL = 64,	/* an Ist figure: a Bericht with a programme
				   types only these */
};

/* A figure every row, group and total of a table has (and a key names). */
struct field {
	char		*name;
	enum unit	 unit;		/* for FIELD_BY_ROW, the default */
	unsigned	 flags;
	int		 share_of;	/* COL_anteil: the field it shares; -1 */
	int		 part_of;	/* must not exceed this field; -1 */
	char		*label;		/* kind table: heading */
};

enum art {
	ART_NONE,
	ART_BASIS,
	ART_ZUGANG,
	ART_ABGANG,
	ART_SUMME,
	ART_NACHRICHTLICH,
	ART_GESAMT,
};

enum target_type {
	TARGET_BESTAND,
	TARGET_QUOTE,
	TARGET_SUMME,
	TARGET_INDEX,
};

enum entry_kind {
	ENTRY_ROW,
	ENTRY_GROUP,
	ENTRY_TOTAL,
	ENTRY_DECLARED,		/* art summe/gesamt: checked, never printed */
};

/* A row, a group or the total: anything whose figures have keys. */
struct entry {
	char		*id;
	char		*label;
	int		 line;		/* source line; 0 if computed */
	enum entry_kind	 kind;
	enum art	 art;
	bool		 label_row;	/* no number and no note: a sub-heading */
	bool		 info;		/* all figures nachrichtlich */
	int		 group;		/* index in table groups; -1 */
	int		 parent;	/* davon: index of the parent row; -1 */
	bool		 darunter;	/* parent is the base row of this
					   subset: never summed, its own
					   shares (input-format.md) */
	int		 teil_von;	/* targets: index of the combined row; -1 */
	enum target_type typ;		/* targets */
	bool		 low_is_better;	/* targets: richtung niedrig */
	int		 reached;	/* targets: 1 erreicht, 0 nicht, -1 open */
	enum unit	 row_unit;	/* FIELD_BY_ROW fields of this row */
	char		**cells;	/* text per column; NULL where none */
	struct value	*val;		/* per field */
	char		**note;		/* per field hinweis_FIELD; NULL if none */
};

/* A declared figure that disagrees with the computed one, kept with
 * --lenient so that the table shows both (check.c, doctable.c;
 * input-format.md, "--lenient leaves a trace"). */
struct trace {
	int		 group;		/* the declared row's group; -1 */
	struct value	 typed;
	struct value	 computed;	/* no value: no row has one */
};

/* Traces a table keeps; the rest are counted (one line under the table
 * says how many more there are). */
#define TABLE_TRACES_MAX 10

struct table {
	char		*name;
	enum table_kind	 kind;
	char		*src;
	char		*path;		/* plan dir + src, as messages show it */
	char		*sheet;		/* of a workbook src: as named, or the
					   first sheet's name once read */
	char		*title, *stand, *source;
	char		*zusatz;	/* instruments: the source of mittel_zusatz */
	char		*budget_name;	/* instruments: the budget table */
	char		*budget_row_id;	/* of budget="TABLE.ROW"; NULL: the
					   last summe row */
	int		 decimals;	/* of computed shares and quotas */
	struct table	*budget;
	char		*group_by;	/* kind table */
	bool		 decimal_dot;
	int		 xml_line;	/* of <table> in plan.xml */
	int		 header_line;
	bool		 broken;	/* reading failed: its checks would
					   only repeat the error */
	bool		*bad_field;	/* per field: a cell did not parse */
	bool		 any_bad_field;

	struct column	*cols;
	size_t		 ncols;
	struct field	*fields;
	size_t		 nfields;

	struct entry	*rows;
	size_t		 nrows, caprows;
	struct entry	*groups;
	size_t		 ngroups, capgroups;
	struct entry	*total;		/* NULL if the kind has none */
	struct entry	*declared;	/* art summe/gesamt rows */
	size_t		 ndeclared, capdeclared;
	struct value	 reserve;	/* instruments: plan level */
	/* Instruments, decided once in calc.c and read by every writer: the
	 * year's Eintritte and Mittel are the Ist where the table has an Ist
	 * figure (a note is none), else the Soll; the budget is the
	 * budget table's last summe row. */
	bool		 actuals;
	int		 year_eintritte, year_mittel;	/* fields */
	const struct entry *budget_row;	/* NULL if none */

	xmlHashTablePtr	 ids;		/* id -> struct entry * (rows, groups) */
	struct trace	 traces[TABLE_TRACES_MAX];	/* --lenient */
	size_t		 ntraces;	/* all, also those beyond the kept */
};

struct plan {
	char		*dir;		/* as given */
	char		*name;		/* the folder's base name */
	char		*xml_path;	/* dir/plan.xml */
	xmlDocPtr	 doc;		/* kept: the body is read by the tree */
	xmlNodePtr	 body;
	enum report	 report;
	int		 year;		/* the first year */
	int		 year_last;	/* year + 1 for "2019/2020", else year */
	char		*jc_name, *jc_kind, *jc_region, *jc_land;
	char		*title, *author;
	char		*subtitle, *reference, *status;	/* NULL if none */
	int		 date_year, date_month, date_day;	/* 0 if none */
	struct table	**tables;
	size_t		 ntables;
	xmlHashTablePtr	 table_index;	/* name -> table: plan_table's cache */
	size_t		 nindexed;	/* tables in it so far */
	char		*programme_dir;	/* the programme a Bericht reports on */
	int		 programme_line;
	struct plan	*programme;	/* read, computed; owned */
	char		*previous_dir;	/* the same report a year before */
	int		 previous_line;
	struct plan	*previous;	/* read, computed; owned */
	struct pictures	 pictures;	/* of the <figure> elements */
};

const char	*report_name(enum report r);
/* "Arbeitsmarkt- und Integrationsprogramm" */
const char	*report_title(enum report r);
const char	*kind_name(enum table_kind k);
bool		 kind_from_name(const char *s, enum table_kind *k);

/* Sets up the columns and fields of a table of kind k (not KIND_TABLE,
 * whose columns come from plan.xml). */
void		 table_schema(struct table *t);
/* Every kind, its columns and computed fields, one per line, for gen
 * --dump-schema (the manual's coverage test). */
void		 model_dump_schema(FILE *f);
int		 table_field(const struct table *t, const char *name);
int		 table_column(const struct table *t, const char *name);
/* The sum of field f over the counted rows of group g (-1: all groups):
 * normal rows, no davon rows, no informational values.  No value if no
 * row has one.  False if the sum leaves the range of its unit; then *at
 * (if at is not NULL) is the row at which it did. */
bool		 table_sum(const struct table *t, int g, int f,
		    struct value *out, const struct entry **at);
/* The same sum exactly, with no limit but the arithmetic's (which 100.000
 * rows of the largest figures stay far below): *any is false if no row
 * has a value.  False on overflow. */
bool		 table_sum_exact(const struct table *t, int g, int f,
		    struct exact *out, bool *any);
/* A row, group, "gesamt" entry of t by id; NULL if none. */
struct entry	*table_entry(const struct table *t, const char *id);
struct table	*plan_table(const struct plan *p, const char *name);

/* Adds a field (kind table) or column; returns its index. */
int		 table_add_field(struct table *t, const char *name,
		    enum unit unit, unsigned flags);
int		 table_add_column(struct table *t, const char *name,
		    enum col_role role, int field);

/* A new entry with all fields empty, appended to the array. */
struct entry	*entry_new(struct table *t, struct entry **array, size_t *n,
		    size_t *cap, enum entry_kind kind);
/* The unit of field f in entry e (FIELD_BY_ROW resolved). */
enum unit	 entry_unit(const struct table *t, const struct entry *e, int f);

void		 table_free(struct table *t);
void		 plan_free(struct plan *p);

#endif
