/* ttf.c: a font file checked with FreeType before libharu embeds it.
 * libharu reads a cut or foreign font without a word and writes a PDF
 * without its text; FreeType says what is wrong first. */
#include "ttf.h"

#include <string.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include "util.h"

/* The tables libharu reads or copies into the PDF (TrueType outlines:
 * libharu embeds no CFF). */
static const struct {
	FT_ULong	 tag;
	const char	*name;
} tables[] = {
	{ TTAG_head, "head" }, { TTAG_hhea, "hhea" }, { TTAG_maxp, "maxp" },
	{ TTAG_hmtx, "hmtx" }, { TTAG_loca, "loca" }, { TTAG_glyf, "glyf" },
	{ TTAG_cmap, "cmap" }, { TTAG_name, "name" }, { TTAG_OS2, "OS/2" },
	{ TTAG_post, "post" },
};

/* Characters every report prints. */
static const struct {
	FT_ULong	 cp;
	const char	*shown;
} chars[] = {
	{ 'A', "A" }, { 0xE4, "\xC3\xA4" }, { 0x20AC, "\xE2\x82\xAC" },
};

/* libharu maps characters with the Windows Unicode (BMP) character map. */
static bool
S_unicode_map(FT_Face f)
{
	for (int i = 0; i < f->num_charmaps; i++)
		if (f->charmaps[i]->platform_id == 3 &&
		    f->charmaps[i]->encoding_id == 1)
			return FT_Set_Charmap(f, f->charmaps[i]) == 0;
	return false;
}

static char *
S_face(FT_Face f, const unsigned char *data)
{
	FT_ULong n, ntables = 0;

	if (f->num_faces != 1 || memcmp(data, "ttcf", 4) == 0)
		return xstrdup("is a font collection; name a single .ttf file");
	if (!FT_IS_SFNT(f))
		return xstrdup("is not a TrueType font");
	/* FreeType leaves out a table that lies beyond the end of the file;
	 * the header counts them all. */
	if (FT_Sfnt_Table_Info(f, 0, NULL, &ntables) != 0 ||
	    ntables != (FT_ULong)(data[4] << 8 | data[5]))
		return xstrdup("is cut short or damaged (a table lies beyond "
		    "its end)");
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		n = 0;
		if (FT_Load_Sfnt_Table(f, tables[i].tag, 0, NULL, &n) != 0 ||
		    n == 0)
			return xasprintf("is not a TrueType font that can be "
			    "embedded (no '%s' table)", tables[i].name);
	}
	if (!S_unicode_map(f))
		return xstrdup("has no Unicode character map");
	for (size_t i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
		FT_UInt g = FT_Get_Char_Index(f, chars[i].cp);

		if (g == 0)
			return xasprintf("has no glyph for '%s'",
			    chars[i].shown);
		if (FT_Load_Glyph(f, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING |
		    FT_LOAD_NO_BITMAP) != 0)
			return xasprintf("is cut short or damaged (the glyph "
			    "for '%s' cannot be read)", chars[i].shown);
	}
	return NULL;
}

bool
ttf_check(const void *data, size_t len, char **why)
{
	FT_Library lib;
	FT_Face f;

	*why = NULL;
	if (FT_Init_FreeType(&lib) != 0)
		out_of_memory();
	if (len < 12 || FT_New_Memory_Face(lib, data, (FT_Long)len, 0, &f) != 0)
		*why = xstrdup("is not a TrueType font (FreeType cannot read "
		    "it)");
	else {
		*why = S_face(f, data);
		FT_Done_Face(f);
	}
	FT_Done_FreeType(lib);
	return *why == NULL;
}
