/* template.h: a report type's template folder (templates/README.md): its
 * stylesheet, logo and chapter skeleton.  Included by gen.c, docbuild.c
 * and the writers. */
#ifndef GEN_TEMPLATE_H
#define GEN_TEMPLATE_H

#include "diag.h"
#include "model.h"

#define CHAPTER_INSERTS_MAX 6

/* --accent, --accent-light, --text, --muted, --chart-1 .. --chart-6: the
 * custom properties of style.css the PDF takes its colours from, so that
 * page and print look alike. */
#define TEMPLATE_COLORS 10
extern const char *const template_color_names[TEMPLATE_COLORS];

/* A chapter of the skeleton: a plan without that chapter still gets it
 * when tables of the listed kinds are left to insert. */
struct chapter {
	char		*id;
	char		*title;
	enum table_kind	 inserts[CHAPTER_INSERTS_MAX];
	int		 ninserts;
};

/* The print page: margins in millimetres, the body text's size in
 * points; 0 where the template leaves the default. */
struct page_spec {
	double		 margin_top, margin_right, margin_bottom, margin_left;
	double		 font_size;
};

struct template {
	char		*dir;
	struct page_spec page;
	char		*fonts[4];	/* TTF paths: regular, bold, italic,
					   bold italic; NULL: Liberation Sans */
	char		*name;		/* "Arbeitsmarkt- und Integrationsprogramm" */
	char		*css;		/* the stylesheet's text */
	/* The colours the print report takes from the stylesheet, in the
	 * order of template_color_names; has_color false where it sets none. */
	unsigned	 color[TEMPLATE_COLORS];	/* 0xRRGGBB */
	bool		 has_color[TEMPLATE_COLORS];
	char		*logo;		/* data: URI of the logo, or NULL */
	char		*logo_alt;
	unsigned char	*logo_data;	/* the file, for the PDF's cover */
	size_t		 logo_len;
	char		*logo_mime;
	struct chapter	*chapters;
	size_t		 nchapters;
};

/* Reads dir/template.xml (dir NULL: templates/REPORT, looked up beside the
 * working folder, then beside the program).  NULL with messages in d. */
struct template	*template_load(const char *dir, enum report r, struct diags *d);
void		 template_free(struct template *t);

#endif
