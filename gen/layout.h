/* layout.h: the print layout of the document tree on A4 pages: line
 * breaking with hyphenation, lists, tables across pages with repeated
 * heads, charts as vectors, cover, contents, running head and foot.
 * It measures through struct measure and never calls libharu, so it can
 * be tested without writing a PDF.  Included by pdf.c and the tests. */
#ifndef GEN_LAYOUT_H
#define GEN_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "hyph.h"

enum lay_font {
	LF_REGULAR,
	LF_BOLD,
	LF_ITALIC,
	LF_BOLD_ITALIC,
	LF_COUNT,
};

/* The measuring half of the device. */
struct measure {
	/* Width in points of len bytes of UTF-8 s in font f at size. */
	double	(*width)(void *ctx, enum lay_font f, double size,
		    const char *s, size_t len);
	void	 *ctx;
};

enum lay_type {
	LI_TEXT,	/* text at baseline x, y (right: x is the right end) */
	LI_LINE,	/* from x, y to w, h; size = line width; dash */
	LI_RECT,	/* filled, lower left x, y, size w, h */
	LI_POLYGON,	/* filled, pts */
	LI_POLYLINE,	/* stroked, pts; size = line width; dash */
	LI_LINK,	/* rectangle x, y, w, h; to anchor target or URI text */
	LI_LOGO,	/* the logo, fitted into x, y, w, h */
	LI_IMAGE,	/* picture image, lower left x, y, size w, h */
};

/* The roles of the print's structure (a tagged PDF's structure types),
 * built from the document tree in reading order. */
enum lay_role {
	LR_ARTIFACT,	/* element 0: page furniture, no element */
	LR_DOCUMENT,	/* element 1, the root */
	LR_SECT,
	LR_H,		/* level 1..6 */
	LR_P,
	LR_L,
	LR_LI,
	LR_LBL,
	LR_LBODY,
	LR_TABLE,
	LR_THEAD,
	LR_TBODY,
	LR_TR,
	LR_TH,		/* row: a row's head, else a column's */
	LR_TD,
	LR_CAPTION,
	LR_FIGURE,	/* alt: its text alternative */
	LR_LINK,
	LR_TOC,
	LR_TOCI,
	LR_NOTE,
	LR_DIV,		/* a continuation under the document */
};

/* The most kids an element takes (libharu's arrays hold 32767): more
 * go on in a continuation, a sibling of its kind (a second TBody), or a
 * Div under the document. */
#define LAY_ELEM_KIDS	30000

struct lay_elem {
	enum lay_role	 role;
	int		 parent;	/* its element; the root: 0 */
	int		 level;		/* H: 1..6 */
	bool		 row;		/* TH: the head of a row */
	char		*alt;		/* FIGURE */
	int		 nkids;
	int		 cont;		/* its continuation, 0: none */
};

struct lay_item {
	enum lay_type	 type;
	int		 elem;		/* the element its content belongs to;
					   0: an artifact (running head, rules,
					   a repeated head) */
	double		 x, y, w, h;	/* PDF points, y upwards */
	enum lay_font	 font;
	double		 size;
	unsigned	 color;		/* 0xRRGGBB */
	bool		 right;
	int		 dash;		/* 0 solid, 1.. patterns */
	char		*text;
	int		 target;	/* anchor index; -1 none */
	double		*pts;		/* x, y pairs */
	int		 npts;
	const struct doc_image *image;	/* IMAGE: the tree's */
	const struct doc_node *ref;	/* LINK of a <ref>: its node */
};

struct lay_page {
	struct lay_item	*items;
	size_t		 n, cap;
	bool		 landscape;	/* page_h wide and page_w high */
};

/* A place links, the contents and the outline point at. */
struct lay_anchor {
	char		*id;
	char		*title;		/* "1.1. Vorwort" */
	int		 level;		/* 1.. for chapters; 0: no bookmark */
	int		 page;
	double		 y;
};

#define LAY_CHART_COLORS 6

struct lay_params {
	double		 page_w, page_h;
	double		 margin_top, margin_right, margin_bottom, margin_left;
	double		 font_size;	/* body text */
	/* Colours 0xRRGGBB, from the template's stylesheet: */
	unsigned	 accent;	/* headings, rules, links */
	unsigned	 light;		/* table heads, group rows */
	unsigned	 text;
	unsigned	 muted;		/* notes, sources, informational rows */
	unsigned	 chart[LAY_CHART_COLORS];
	bool		 logo;		/* the device can draw a logo */
};

struct layout {
	struct lay_params	 p;
	struct lay_page		*pages;
	size_t			 npages, cap;
	struct lay_anchor	*anchors;
	size_t			 nanchors, capanchors;
	struct lay_elem		*elems;		/* 0: artifact, 1: Document */
	size_t			 nelems, capelems;
};

/* A4 with the margins and sizes of a German report. */
void		 layout_defaults(struct lay_params *p);
struct layout	*layout_build(const struct doc *d, const struct measure *m,
		    struct hyph *h, const struct lay_params *p);
void		 layout_free(struct layout *l);

/* The lines plain text breaks into at width (for tests); caller frees
 * each line and the array. */
char		**layout_break_text(const char *text, double width, double size,
		    const struct measure *m, struct hyph *h, size_t *nlines);

#endif
