/* fonts.h: which font draws each character of the print report, and in
 * which order and forms: the template's four faces first, then fallback
 * fonts from Debian packages (fonts-dejavu-core, fonts-wqy-microhei);
 * coverage comes from the fonts' character maps (FreeType).  Right-to-left text is put in visual
 * order and Arabic letters in their joined forms (FriBidi).  Checks the
 * texts of a plan against the fonts before any output is written.
 * Included by pdf.c, gen.c and the tests. */
#ifndef GEN_FONTS_H
#define GEN_FONTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"

/* Fonts 0..3 are the template's faces (regular, bold, italic, bold
 * italic); the fallbacks follow. */
#define FONTS_FACES	4
#define FONTS_MAX	7

struct fonts;

/* The fonts over the template's four face files; nothing is read until a
 * character is asked for. */
struct fonts	*fonts_new(const char *const faces[FONTS_FACES]);
void		 fonts_free(struct fonts *fs);

/* The file of fallback font i (0, 1, …), NULL past the last. */
const char	*fonts_fallback(int i);
/* The file of font k (0 .. FONTS_MAX - 1). */
const char	*fonts_file(const struct fonts *fs, int k);
/* The font that draws cp in face (0..3): the first of the face's chain
 * that has it, or -1 if none has.  A font that cannot be read has
 * nothing. */
int		 fonts_pick(struct fonts *fs, int face, uint32_t cp);

/* The first font of face's chain that has all n characters of v (a
 * character and the marks on it), or -1. */
int		 fonts_pick_cluster(struct fonts *fs, int face, const uint32_t *v,
		    size_t n);
/* The middle of the outline of cp in font k, from its origin, in
 * thousandths of the size: where a mark is centred over its character,
 * which libharu (without the fonts' positioning tables) cannot do. */
long		 fonts_glyph_middle(struct fonts *fs, int k, uint32_t cp);
/* The glyphs the glyph of cp in font k is made of, at any depth, into
 * gids (at most max); their number.  None for a simple glyph. */
size_t		 fonts_components(struct fonts *fs, int k, uint32_t cp,
		    unsigned *gids, size_t max);
/* True if cp is a combining mark (bidirectional type NSM): drawn with
 * no advance over the character before it. */
bool		 fonts_is_mark(uint32_t cp);

/* True if the UTF-8 s[0..len) needs fonts_visual: it holds characters
 * of a right-to-left script. */
bool		 fonts_has_rtl(const char *s, size_t len);
/* True if cp is a bidi isolate mark (LRI, RLI, FSI, PDI), which the
 * layout puts around figures: it orders text, and is not drawn. */
bool		 fonts_is_isolate(uint32_t cp);
/* The characters of the valid UTF-8 s[0..len) as drawn from left to
 * right: right-to-left runs reversed (brackets mirrored), Arabic letters
 * in their presentation forms, isolate marks gone.  *n characters;
 * caller frees. */
uint32_t	*fonts_visual(const char *s, size_t len, size_t *n);

/* The characters a presentation form of fonts_visual stands for, into
 * out (1 or 2 of them; cp itself if it is none): what text extraction is
 * to give.  Two are in the order drawn, alef before lam: extraction
 * reverses a right-to-left line character by character. */
size_t		 fonts_logical(uint32_t cp, uint32_t out[2]);

/* An error at its file and line for each text of the plan (plan.xml, the
 * CSV files, and the programme and previous plans it reads) holding a
 * character that no font of the PDF can draw.  faces as for fonts_new. */
void		 fonts_check_plan(const struct plan *p,
		    const char *const faces[FONTS_FACES], struct diags *d);

#endif
