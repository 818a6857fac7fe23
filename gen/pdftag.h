/* pdftag.h: the tagged PDF (PDF/UA-1, PDF/A-1a): what a page draws marked
 * as content of its structure element or as an artifact, and the
 * structure tree from the layout's elements, the parent tree and the
 * link annotations' object references (pdfa.c writes /MarkInfo).  libharu has no
 * tagging calls; this writes through its object API and the page's
 * content stream.  Included by pdf.c. */
#ifndef GEN_PDFTAG_H
#define GEN_PDFTAG_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

struct pdftag;

/* The tagging of the pages pages (in layout order) of document pdf. */
struct pdftag	*pdftag_new(HPDF_Doc pdf, const struct layout *l,
		    HPDF_Page *pages);
/* Before item it of page n is drawn: marks its content as its
 * element's, or as an artifact (an item of element 0). */
void		 pdftag_item(struct pdftag *t, size_t n,
		    const struct lay_item *it);
/* Around the hyphen a line break added, drawn on page n: it reads as
 * nothing, so that text and speech get the whole word. */
void		 pdftag_hyphen(struct pdftag *t, size_t n);
void		 pdftag_hyphen_end(struct pdftag *t, size_t n);
/* After the last item of page n. */
void		 pdftag_page_end(struct pdftag *t, size_t n);
/* The link annotation a of page n belongs to element elem. */
void		 pdftag_annot(struct pdftag *t, size_t n, HPDF_Annotation a,
		    int elem);
/* The structure tree and the catalog's entries; false if libharu
 * refused an object (its error is set). */
bool		 pdftag_finish(struct pdftag *t);
void		 pdftag_free(struct pdftag *t);

#endif
