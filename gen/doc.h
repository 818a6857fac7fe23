/* doc.h: the document tree both writers read: chapters, paragraphs with
 * inline figures, lists, tables, charts, the cover and the table of
 * contents.  Every figure arrives here formatted, with its key and machine
 * value beside the display text; writers never compute or format one.
 * Included by docbuild.c, html.c, (later) pdf.c and the tests. */
#ifndef GEN_DOC_H
#define GEN_DOC_H

#include <stdbool.h>
#include <stdio.h>

enum doc_type {
	DOC_DOCUMENT,	/* the root; cover data in struct doc */
	DOC_TOC,	/* table of contents: DOC_TOC_ENTRY children, at
			   least two (docbuild.c: none for fewer, and
			   then neither writer draws a contents list);
			   min_pages */
	DOC_TOC_ENTRY,	/* text title, number, id target, level */
	DOC_SECTION,	/* text title, number "2.1.", id anchor, level 1.. */
	DOC_PARAGRAPH,
	DOC_NOTE,	/* a small-print line */
	DOC_LIST,	/* flags DOC_ORDERED; level: its depth among
			   the lists of its kind around it (1..) */
	DOC_ITEM,	/* number: its marker, "1.", "a)", "(1)", "•",
			   "–", decided by docbuild.c and drawn as it
			   stands; inline content and nested LISTs, in
			   their order (text, list, text) */
	DOC_TEXT,	/* text */
	DOC_EMPH,
	DOC_STRONG,
	DOC_LINK,	/* href in id; internal when it starts with '#' */
	DOC_BREAK,
	DOC_FIGURE,	/* an inline figure: text display, key, value */
	DOC_TABLE,	/* text caption, id anchor, note: the line under it */
	DOC_ROW,	/* flags DOC_ROW_*, level indent */
	DOC_CELL,	/* text display, key, value, note; flags DOC_CELL_* */
	DOC_CHART,	/* text title, id anchor, flags DOC_CHART_*, unit,
			   note: the line under it */
	DOC_SERIES,	/* text name: one line of a line chart, or the bars */
	DOC_DATUM,	/* text display, source label, key, value, frac */
	DOC_TICK,	/* an axis mark of a chart: value, display */
	DOC_FOOTNOTE,	/* inline in PARAGRAPH, NOTE, ITEM: the mark and
			   the note's text (its inline children); number:
			   "3", through the document; id: the note's
			   anchor "fussnote.3"; key: the mark's anchor
			   "fussnote.3.zeichen" (no plan id has a dot);
			   alt: what the mark's link says, "Fußnote 3" */
	DOC_PICTURE,	/* a <figure> of the plan: text caption (NULL if
			   decorative), number "Abbildung 2", id anchor,
			   alt, note: the line under it, frac: width as a
			   part of the text width (0: natural size),
			   image; flags DOC_DECORATIVE */
};

enum doc_flags {
	DOC_ORDERED = 1 << 0,		/* LIST */
	DOC_ROW_HEAD = 1 << 1,		/* ROW: the header row */
	DOC_ROW_GROUP = 1 << 2,		/* ROW: a group with its sums */
	DOC_ROW_LABEL = 1 << 3,		/* ROW: a sub-heading inside a group */
	DOC_ROW_DAVON = 1 << 4,		/* ROW: a breakdown of the row above */
	DOC_ROW_TOTAL = 1 << 5,		/* ROW: Summe / Gesamt */
	DOC_ROW_INFO = 1 << 6,		/* ROW: nachrichtlich */
	DOC_CELL_NUM = 1 << 7,		/* CELL: a number, right-aligned */
	DOC_CELL_HEAD = 1 << 8,		/* CELL: a heading (th) */
	DOC_CHART_BAR = 1 << 9,
	DOC_CHART_LINE = 1 << 10,
	DOC_CHART_PIE = 1 << 11,
	DOC_PLAIN = 1 << 12,		/* FIGURE: shown without its unit */
	DOC_AXIS_LABEL = 1 << 13,	/* DATUM: its value stands at its
					   point */
	DOC_AXIS_NAME = 1 << 14,	/* DATUM: the one that names its
					   category on the x axis */
	DOC_CHART_DATA = 1 << 15,	/* CHART: not every value stands on
					   the chart; print its data table
					   (its last child) under it */
	DOC_CHART_MARKS = 1 << 16,	/* CHART (line): a mark at every
					   point; they stand apart */
	DOC_ROW_DARUNTER = 1 << 17,	/* ROW: a subset of the row above
					   (darunter), never added up */
	DOC_DECORATIVE = 1 << 18,	/* PICTURE: an artifact, no alt */
	DOC_REF = 1 << 19,		/* LINK: a <ref>; the print adds the
					   target's page (layout.c) */
};

/* A checked picture (image.c) as both writers need it: the file for
 * the PDF, and as a data: URL for the page. */
struct doc_image {
	bool		 jpeg;
	unsigned	 width, height;	/* pixels */
	unsigned char	*data;		/* the PNG or JPEG file */
	size_t		 len;
	char		*uri;		/* data: URL of the file */
};

struct doc_node {
	enum doc_type	 type;
	struct doc_node	*parent, *first, *last, *prev, *next;
	int		 line;		/* in plan.xml or the CSV; 0 if made */
	unsigned	 flags;		/* enum doc_flags */
	int		 level;		/* SECTION, TOC_ENTRY, LIST depth;
					   ROW indent;
					   DATUM: its category (x place);
					   CHART: the number of categories */
	char		*text;		/* display text, title or label */
	char		*number;	/* SECTION, TOC_ENTRY: "2.1."; ITEM:
					   its marker, "a)"; TABLE, CHART,
					   PICTURE: "Tabelle 3", "Abbildung
					   2" (its text begins with it) */
	char		*id;		/* anchor (SECTION, TABLE, CHART) or href */
	char		*key;		/* FIGURE, CELL, DATUM: the figure's key */
	char		*value;		/* machine value; "" for no value */
	char		*note;		/* CELL: note; TABLE, CHART: the line
					   under it, "Stand: 09/2016 · Quelle:
					   BA", as the writers print it */
	char		*source;	/* CHART: unit ("€", "%");
					   DATUM: its category's label */
	char		*alt;		/* CHART: its text alternative, every label
					   with its figure (chart.c) */
	double		 frac;		/* DATUM, TICK: place on the value axis,
					   0..1 (pie: share of the whole);
					   CHART: place of zero */
	double		 place;		/* DATUM of a line chart: its category's
					   place on the x axis, 0..1 */
	int		 color;		/* DATUM of a pie: its palette index */
	double		 lum;		/* DATUM of a pie: the luminance its
					   colour is set to (chart.c) */
	struct doc_image *image;	/* PICTURE; owned */
	int		 min_pages;	/* TOC: the print layout sets the
					   contents page only in a document
					   of at least this many pages,
					   counting cover and body, not the
					   contents itself; the web page,
					   which has no pages, always
					   shows the list */
};

/* The cover and what every page names. */
struct doc {
	struct doc_node	*root;
	char		*title;
	char		*report;	/* "Arbeitsmarkt- und Integrationsprogramm" */
	char		*jobcenter, *kind, *region, *land;
	char		*author;
	char		*date;		/* "16. Januar 2017", or NULL */
	char		*date_iso;	/* "2017-01-16", or NULL */
	int		 year;
	char		*description;	/* one sentence for search engines */
	char		*cover_line;	/* under the cover title, joined here
					   for both writers: "Arbeitsmarkt-
					   und Integrationsprogramm ·
					   Landkreis Ahrweiler, Rheinland-
					   Pfalz"; date and author follow
					   on lines of their own */
	char		*year_text;	/* "2017", "2019/2020": as written */
	char		*subtitle;	/* a second title line, or NULL */
	char		*reference;	/* "Geschäftszeichen: II-1200", or
					   NULL */
	char		*status;	/* "Entwurf": on the cover, on top
					   of the web page, in the running
					   head; or NULL */
	char		*head_title;	/* the running head's right half:
					   "Entwurf · " and the title */
};

struct doc_node	*doc_node_new(enum doc_type type);
/* Appends child to parent; returns child. */
struct doc_node	*doc_append(struct doc_node *parent, struct doc_node *child);
/* Makes child the first child of parent; returns child. */
struct doc_node	*doc_prepend(struct doc_node *parent, struct doc_node *child);
/* A new node of type with text (copied, may be NULL), appended. */
struct doc_node	*doc_add(struct doc_node *parent, enum doc_type type,
		    const char *text);
void		 doc_node_free(struct doc_node *n);
void		 doc_free(struct doc *d);

/* Walks the tree depth-first: ENTER for every node, EXIT after the
 * children of a node that may have children. */
enum doc_event {
	DOC_NONE,
	DOC_ENTER,
	DOC_EXIT,
};

struct doc_iter {
	struct doc_node	*root, *cur;
	enum doc_event	 ev;
};

void		 doc_iter_init(struct doc_iter *it, struct doc_node *root);
enum doc_event	 doc_iter_next(struct doc_iter *it);

/* Every text of the document in one string (caller frees): the words a
 * layout may have to hyphenate. */
char		*doc_all_text(const struct doc *d);

/* The debug dump of gen --dump-tree, one node a line, like mandoc -Ttree. */
void		 doc_dump(FILE *fp, const struct doc *d);
/* Checks what may contain what; false (with a message) if broken. */
bool		 doc_check(const struct doc_node *root, FILE *err);

#endif
