/* fontsub.c: font programs cut with HarfBuzz's subsetter. */
#include "fontsub.h"

#include <hb-subset.h>
#include <limits.h>
#include <string.h>

#include "lazylib.h"
#include "util.h"

#define HB_FUNCS(X) X(hb_blob_create) X(hb_blob_destroy) \
	X(hb_blob_get_data) X(hb_face_create) X(hb_face_destroy) \
	X(hb_face_reference_blob) X(hb_set_add) X(hb_subset_input_create_or_fail) \
	X(hb_subset_input_destroy) X(hb_subset_input_glyph_set) \
	X(hb_subset_input_set_flags) X(hb_subset_input_unicode_set) \
	X(hb_subset_or_fail)

LAZYLIB(H, LIBHARFBUZZ_SUBSET_SO, HB_FUNCS)

/* The glyph numbers stay (RETAIN_GIDS); the glyph names go (post
 * becomes version 3), and so does the hinting: PDF viewers (poppler,
 * pdf.js, PDFium, MuPDF) draw the outlines without it, and the pages
 * render pixel for pixel the same; it was a tenth of the file. */
static hb_subset_input_t *
S_input(const uint16_t *gids, size_t n, const uint32_t *cps, size_t ncp)
{
	hb_subset_input_t *in = H.hb_subset_input_create_or_fail();
	hb_set_t *glyphs, *chars;

	if (in == NULL)
		return NULL;
	H.hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
	    HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	glyphs = H.hb_subset_input_glyph_set(in);
	chars = H.hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < n; i++)
		H.hb_set_add(glyphs, gids[i]);
	for (size_t i = 0; i < ncp; i++)
		H.hb_set_add(chars, cps[i]);
	return in;
}

bool
fontsub_cut(const uint8_t *in, size_t len, const uint16_t *gids, size_t n,
    const uint32_t *cps, size_t ncp, uint8_t **out, size_t *outlen)
{
	hb_blob_t *blob, *cut;
	hb_face_t *face, *sub = NULL;
	hb_subset_input_t *input;
	const char *data;
	unsigned int got = 0;

	*out = NULL;
	if (len > UINT_MAX || H_missing() != NULL)
		return false;
	blob = H.hb_blob_create((const char *)in, (unsigned int)len,
	    HB_MEMORY_MODE_READONLY, NULL, NULL);
	face = H.hb_face_create(blob, 0);
	if ((input = S_input(gids, n, cps, ncp)) != NULL) {
		sub = H.hb_subset_or_fail(face, input);
		H.hb_subset_input_destroy(input);
	}
	if (sub != NULL) {
		cut = H.hb_face_reference_blob(sub);
		data = H.hb_blob_get_data(cut, &got);
		if (got > 0 && got < len) {
			*out = xmalloc(got);
			memcpy(*out, data, got);
			*outlen = got;
		}
		H.hb_blob_destroy(cut);
		H.hb_face_destroy(sub);
	}
	H.hb_face_destroy(face);
	H.hb_blob_destroy(blob);
	return *out != NULL;
}
