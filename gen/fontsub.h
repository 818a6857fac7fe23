/* fontsub.h: a font program cut to the glyphs a PDF draws, with
 * HarfBuzz's subsetter.  libharu embeds a TrueType font with the glyph
 * outlines it needs but every other table whole: the glyph names of all
 * 2.600 glyphs of Liberation Sans (post, 27 KB), their metrics (hmtx,
 * 10 KB), the hinting.  The cut keeps the glyph numbers, so libharu's
 * widths, maps and content streams stay right.  libharfbuzz-subset is opened at the
 * first cut (lazylib.h).  Included by pdf.c. */
#ifndef GEN_FONTSUB_H
#define GEN_FONTSUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The TrueType font program in (len bytes) cut to the glyphs gids[n]
 * and the characters cps[ncp] (the character map keeps those): a new
 * program in *out (*outlen bytes, caller frees).  False if it cannot
 * be cut (no HarfBuzz, a font it refuses); the program is then used
 * as it is. */
bool	fontsub_cut(const uint8_t *in, size_t len, const uint16_t *gids,
	    size_t n, const uint32_t *cps, size_t ncp, uint8_t **out,
	    size_t *outlen);

#endif
