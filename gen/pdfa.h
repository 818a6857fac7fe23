/* pdfa.h: what makes the print report an archival PDF (PDF/A-1) around
 * the pages pdf.c draws: PDF 1.4, the sRGB output intent, the document
 * info and the XMP metadata in step, the catalog's language and viewer
 * preferences, and a trailer /ID taken from the content.  libharu 2.3.0
 * writes none of these usably (README.md, "PDF/A"); they go in through
 * its object API.  Included by pdf.c. */
#ifndef GEN_PDFA_H
#define GEN_PDFA_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>

/* The output intent's profile (Debian package icc-profiles-free). */
#define PDFA_ICC_PROFILE "/usr/share/color/icc/sRGB.icc"

struct pdfa_meta {
	const char	*title, *author, *subject, *keywords, *creator;
	const char	*lang;		/* BCP 47, "de-DE" */
	bool		 has_date;
	HPDF_Date	 date;		/* creation and modification, UTC */
	/* Every page's content is marked and the structure tree written:
	 * the file then claims PDF/A-1a and PDF/UA-1 and says /Marked. */
	bool		 tagged;
};

/* Before the first page: the PDF version PDF/A-1 is built on. */
void	pdfa_begin(HPDF_Doc pdf);

/* After the last page is drawn, before saving: the document info, the
 * metadata, the output intent, the catalog entries and the /ID over the
 * npages pages' content.  False with a message in *err (caller frees)
 * if the profile cannot be read; libharu's own errors go to its error
 * handler. */
bool	pdfa_finish(HPDF_Doc pdf, const struct pdfa_meta *m,
	    const HPDF_Page *pages, size_t npages, char **err);

#endif
