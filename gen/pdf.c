/* pdf.c: the device over libharu and the PDF writer. */
#include "pdf.h"

#include <ctype.h>
#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <png.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fonts.h"
#include "fontsub.h"
#include "layout.h"
#include "pdfa.h"
#include "pdftag.h"
#include "text.h"
#include "util.h"

#define FONT_DIR "/usr/share/fonts/truetype/liberation2/"

static const char *const font_files[LF_COUNT] = {
	[LF_REGULAR] = FONT_DIR "LiberationSans-Regular.ttf",
	[LF_BOLD] = FONT_DIR "LiberationSans-Bold.ttf",
	[LF_ITALIC] = FONT_DIR "LiberationSans-Italic.ttf",
	[LF_BOLD_ITALIC] = FONT_DIR "LiberationSans-BoldItalic.ttf",
};

/* Widths of the characters measured so far, in thousandths of the font
 * size; -1 until asked.  Summing them gives what HPDF_Font_TextWidth
 * gives, without its slow glyph lookup for every character. */
#define WIDTH_CACHE 0x3000

/* A font (fonts.h: a template's face or a fallback) is drawn with two
 * libharu fonts over one embedded font file, each made when first
 * needed: a single-byte WinAnsiEncoding font for nearly all text, and a
 * UTF-8 font for any other character (Greek, say, or the minus sign).
 * PDF/A-1 (6.3.7) allows a TrueType font no other single-byte encoding,
 * not even WinAnsiEncoding with /Differences.  The fallbacks draw only
 * with the UTF-8 font. */
struct face {
	const char	*name;		/* of the loaded file, in libharu */
	HPDF_Font	 narrow;	/* WinAnsiEncoding */
	HPDF_Font	 wide;		/* UTF-8 */
	uint16_t	 narrow_cp[256];	/* drawn: code to character */
};

/* libharu's errors are sticky: the first one is the one to report. */
struct device {
	HPDF_Doc	 pdf;
	struct fonts	*fonts;
	struct face	 face[FONTS_MAX];
	int16_t		 widths[LF_COUNT][WIDTH_CACHE];
	int8_t		 picks[LF_COUNT][WIDTH_CACHE];	/* -2 until asked */
	uint8_t		*drawn[FONTS_MAX];	/* bits: characters drawn wide */
	HPDF_Page	*pages;
	size_t		 page;		/* the number of the page drawn */
	struct pdftag	*tag;
	HPDF_Image	 logo;
	/* Every item's content marked and the structure tree written: the
	 * file then claims PDF/A-1a and PDF/UA-1 (pdfa.h). */
	bool		 tagged;
	HPDF_STATUS	 error;
	HPDF_STATUS	 detail;
};

static void
S_error(HPDF_STATUS error, HPDF_STATUS detail, void *arg)
{
	struct device *dev = arg;

	if (dev->error == 0) {
		dev->error = error;
		dev->detail = detail;
	}
}

/* A font file into libharu: of a collection (.ttc), the first font. */
static const char *
S_load(struct device *dev, const char *file)
{
	size_t n = strlen(file);

	if (n > 4 && strcmp(file + n - 4, ".ttc") == 0)
		return HPDF_LoadTTFontFromFile2(dev->pdf, file, 0, HPDF_TRUE);
	return HPDF_LoadTTFontFromFile(dev->pdf, file, HPDF_TRUE);
}

/* libharu makes a UTF-8 font by looking up all 65536 code points in the
 * font's character map, for widths and a CIDToGIDMap of the whole font:
 * a sixth of a report's time, for each face that draws a minus sign.
 * S_wide_trim writes both anew for the characters drawn, so the font is
 * made over a map of the blank alone, the font's own map put back at
 * once (libharu measures and subsets with it). */
static HPDF_Font
S_make_wide(struct device *dev, const char *name)
{
	HPDF_FontDef def = HPDF_GetFontDef(dev->pdf, name);
	HPDF_TTFontDefAttr tt;
	HPDF_TTF_CmapRange own;
	HPDF_UINT16 ends[2] = { 0x20, 0xFFFF }, starts[2] = { 0x20, 0xFFFF };
	HPDF_UINT16 offsets[2] = { 0, 0 };
	HPDF_INT16 deltas[2] = { 0, 1 };
	HPDF_UINT16 blank;
	HPDF_Font font;

	if (def == NULL || def->type != HPDF_FONTDEF_TYPE_TRUETYPE)
		return HPDF_GetFont(dev->pdf, name, "UTF-8");
	tt = (HPDF_TTFontDefAttr)def->attr;
	if (tt->cmap.format != 4 || (blank = HPDF_TTFontDef_GetGlyphid(def,
	    0x20)) == 0)
		return HPDF_GetFont(dev->pdf, name, "UTF-8");
	own = tt->cmap;
	deltas[0] = (HPDF_INT16)(blank - 0x20);
	tt->cmap.seg_count_x2 = 4;
	tt->cmap.end_count = ends;
	tt->cmap.start_count = starts;
	tt->cmap.id_delta = deltas;
	tt->cmap.id_range_offset = offsets;
	font = HPDF_GetFont(dev->pdf, name, "UTF-8");
	tt->cmap = own;
	return font;
}

/* Font k of fonts.h, narrow or wide. */
static HPDF_Font
S_font(struct device *dev, int k, bool wide)
{
	struct face *fc = &dev->face[k];
	HPDF_Font *font = wide ? &fc->wide : &fc->narrow;

	if (fc->name == NULL && (fc->name = S_load(dev, fonts_file(dev->fonts,
	    k))) == NULL)
		return NULL;
	if (*font == NULL)
		*font = wide ? S_make_wide(dev, fc->name) :
		    HPDF_GetFont(dev->pdf, fc->name, "WinAnsiEncoding");
	return *font;
}

/* The font that draws cp in face f.  The check before rendering
 * (fonts_check_plan) leaves no character of the input without one; any
 * other shows the face's .notdef. */
static int
S_pick(struct device *dev, enum lay_font f, uint32_t cp)
{
	int k;

	if (cp < WIDTH_CACHE && dev->picks[f][cp] != -2)
		return dev->picks[f][cp];
	if ((k = fonts_pick(dev->fonts, (int)f, cp)) < 0)
		k = (int)f;
	if (cp < WIDTH_CACHE)
		dev->picks[f][cp] = (int8_t)k;
	return k;
}

/* Any character's width, from the font file of the font that draws it
 * (the narrow font measures any character its file has). */
static int
S_char_width(struct device *dev, enum lay_font f, uint32_t cp)
{
	HPDF_Font font;

	if (cp < WIDTH_CACHE && dev->widths[f][cp] >= 0)
		return dev->widths[f][cp];
	if ((font = S_font(dev, S_pick(dev, f, cp), false)) == NULL)
		return 0;
	if (cp >= WIDTH_CACHE)
		return HPDF_Font_GetUnicodeWidth(font, (HPDF_UNICODE)cp);
	dev->widths[f][cp] = (int16_t)HPDF_Font_GetUnicodeWidth(font,
	    (HPDF_UNICODE)cp);
	return dev->widths[f][cp];
}

/* The characters of s from left to right as drawn (fonts_visual), the
 * isolate marks around figures left out. */
static uint32_t *
S_chars(const char *s, size_t len, size_t *n)
{
	uint32_t *v;

	if (fonts_has_rtl(s, len))
		return fonts_visual(s, len, n);
	v = xreallocarray(NULL, len + 1, sizeof(*v));
	*n = 0;
	for (size_t i = 0; i < len; ) {
		uint32_t cp = utf8_next(s, len, &i);

		if (!fonts_is_isolate(cp))
			v[(*n)++] = cp;
	}
	return v;
}

/* The font of the cluster at v[i], a character and the marks after it,
 * which ends at *end.  A cluster is drawn in one font: the marks sit on
 * their character, and libharu, which skips a text of no width, draws
 * them. */
static int
S_cluster(struct device *dev, enum lay_font f, const uint32_t *v, size_t n,
    size_t i, size_t *end)
{
	size_t e = i + 1;
	int k;

	while (e < n && fonts_is_mark(v[e]))
		e++;
	*end = e;
	if (e == i + 1 || (k = fonts_pick_cluster(dev->fonts, (int)f, v + i,
	    e - i)) < 0)
		return S_pick(dev, f, v[i]);
	return k;
}

/* The width of cp in font k, drawn in face f. */
static long
S_width_in(struct device *dev, enum lay_font f, int k, uint32_t cp)
{
	HPDF_Font font;

	if (k == S_pick(dev, f, cp))
		return S_char_width(dev, f, cp);
	font = S_font(dev, k, false);
	return font != NULL ? HPDF_Font_GetUnicodeWidth(font,
	    (HPDF_UNICODE)cp) : 0;
}

/* The width of the characters v as drawn, cluster by cluster. */
static long
S_clusters_width(struct device *dev, enum lay_font f, const uint32_t *v,
    size_t n)
{
	long total = 0;

	for (size_t i = 0, end; i < n; i = end) {
		int k = S_cluster(dev, f, v, n, i, &end);

		for (size_t j = i; j < end; j++)
			total += S_width_in(dev, f, k, v[j]);
	}
	return total;
}

/* Text is measured as it is drawn: Arabic letters take other forms, and
 * other widths, where they join; a mark is drawn in its character's
 * font. */
static double
S_width(void *arg, enum lay_font f, double size, const char *str, size_t len)
{
	struct device *dev = arg;
	long total = 0;
	uint32_t *v;
	size_t n;

	if (fonts_has_rtl(str, len))
		goto slow;
	for (size_t i = 0; i < len; ) {
		uint32_t cp = utf8_next(str, len, &i);

		if (fonts_is_mark(cp))
			goto slow;
		if (!fonts_is_isolate(cp))
			total += S_char_width(dev, f, cp);
	}
	return total * size / 1000.0;
slow:
	v = S_chars(str, len, &n);
	total = S_clusters_width(dev, f, v, n);
	free(v);
	return total * size / 1000.0;
}

const char *
pdf_font_file(const struct template *tpl, int face)
{
	return tpl->fonts[face] != NULL ? tpl->fonts[face] : font_files[face];
}

static bool
S_open(struct device *dev, const struct template *tpl)
{
	const char *faces[LF_COUNT];

	memset(dev->widths, 0xFF, sizeof(dev->widths));
	memset(dev->picks, -2, sizeof(dev->picks));
	for (int f = 0; f < LF_COUNT; f++)
		faces[f] = pdf_font_file(tpl, f);
	dev->fonts = fonts_new(faces);
	dev->pdf = HPDF_New(S_error, dev);
	if (dev->pdf == NULL)
		return false;
	HPDF_SetCompressionMode(dev->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(dev->pdf);
	HPDF_SetCurrentEncoder(dev->pdf, "UTF-8");
	pdfa_begin(dev->pdf);
	return dev->error == 0;
}

static void
S_rgb_fill(HPDF_Page p, unsigned c)
{
	HPDF_Page_SetRGBFill(p, (c >> 16 & 0xFF) / 255.0f,
	    (c >> 8 & 0xFF) / 255.0f, (c & 0xFF) / 255.0f);
}

static void
S_rgb_stroke(HPDF_Page p, unsigned c)
{
	HPDF_Page_SetRGBStroke(p, (c >> 16 & 0xFF) / 255.0f,
	    (c >> 8 & 0xFF) / 255.0f, (c & 0xFF) / 255.0f);
}

static void
S_dash(HPDF_Page p, int dash)
{
	static const HPDF_UINT16 pat[][4] = { { 0 }, { 6, 3 }, { 1, 3 },
	    { 8, 3, 1, 3 }, { 3, 3 }, { 10, 4 } };
	static const HPDF_UINT npat[] = { 0, 2, 2, 4, 2, 2 };
	int k = dash % 6;

	HPDF_Page_SetDash(p, k ? pat[k] : NULL, npat[k], 0);
}

static void
S_show(struct device *dev, HPDF_Page p, const struct lay_item *it, int k,
    bool wide, const char *run)
{
	HPDF_Font font = S_font(dev, k, wide);

	if (font == NULL)
		return;
	HPDF_Page_SetFontAndSize(p, font, (HPDF_REAL)it->size);
	HPDF_Page_ShowText(p, run);
}

/* Text as libharu needs it: valid UTF-8 without characters beyond the
 * Basic Multilingual Plane (which it would turn into blanks).  The check
 * of the input (fonts_check_plan) lets neither reach here. */
static char *
S_clean(const char *s)
{
	struct buf b;

	buf_init(&b);
	if (!utf8_valid(s, strlen(s), NULL)) {
		buf_puts(&b, "?");
		return buf_detach(&b);
	}
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0xF0) {
			buf_putc(&b, '?');
			s += 3;
		} else
			buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

/* cp (of the Basic Multilingual Plane) in UTF-8. */
static void
S_put_utf8(struct buf *b, uint32_t cp)
{
	char u[3];

	if (cp < 0x80) {
		buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, u, 2);
		return;
	}
	u[0] = (char)(0xE0 | cp >> 12);
	u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	u[2] = (char)(0x80 | (cp & 0x3F));
	buf_add(b, u, 3);
}

/* Text of one font and encoding gathered for one ShowText, at x from
 * the start of the item (thousandths of the size, as all widths here). */
struct run {
	struct buf	 text;
	int		 font;
	bool		 wide;
	long		 x, w;
};

/* Where the text position is: libharu moves the start of the line (at)
 * with MoveTextPos; a text shown from there ends at cur, -1 when not
 * known (after a mark). */
struct pen {
	long		 at, cur;
};

static void
S_flush(struct device *dev, HPDF_Page p, const struct lay_item *it,
    struct run *r, struct pen *pen)
{
	if (r->text.len == 0)
		return;
	if (r->x != pen->cur) {
		HPDF_Page_MoveTextPos(p, (HPDF_REAL)((r->x - pen->at) *
		    it->size / 1000.0), 0);
		pen->at = r->x;
	}
	S_show(dev, p, it, r->font, r->wide, r->text.s);
	pen->cur = r->x + r->w;
	buf_clear(&r->text);
}

/* libharu embeds the glyphs a composite glyph is made of only where
 * their numbers are below 32768 and one level deep (its
 * CheckCompositGryph): a larger font (Chinese, Korean) would show
 * blanks.  Marks them all used in its table of glyphs. */
static void
S_components(struct device *dev, int k, uint32_t cp)
{
	HPDF_Font font;
	HPDF_TTFontDefAttr def;
	unsigned gids[64];
	size_t n = fonts_components(dev->fonts, k, cp, gids, 64);

	if (n == 0 || (font = S_font(dev, k, true)) == NULL)
		return;
	def = (HPDF_TTFontDefAttr)((HPDF_FontAttr)font->attr)->fontdef->attr;
	for (size_t i = 0; i < n; i++)
		if (gids[i] < def->num_glyphs)
			def->glyph_tbl.flgs[gids[i]] = 1;
}

/* Notes cp drawn in the wide font k, for its ToUnicode map and its
 * glyphs. */
static void
S_drawn(struct device *dev, int k, uint32_t cp)
{
	if (dev->drawn[k] == NULL)
		dev->drawn[k] = xcalloc(0x10000 / 8, 1);
	if (!(dev->drawn[k][cp >> 3] & (1u << (cp & 7))))
		S_components(dev, k, cp);
	dev->drawn[k][cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

/* Adds cp to the run, beginning a new one where font or encoding change. */
static void
S_add(struct device *dev, HPDF_Page p, const struct lay_item *it,
    struct run *r, struct pen *pen, int k, uint32_t cp, long w)
{
	int byte = k < FONTS_FACES ? cp1252_byte(cp) : -1;

	if (r->text.len > 0 && (k != r->font || (byte < 0) != r->wide))
		S_flush(dev, p, it, r, pen);
	if (r->text.len == 0) {
		r->x += r->w;
		r->w = 0;
	}
	r->font = k;
	r->wide = byte < 0;
	if (r->wide) {
		S_put_utf8(&r->text, cp);
		S_drawn(dev, k, cp);
	} else {
		buf_putc(&r->text, (char)byte);
		dev->face[k].narrow_cp[byte] = (uint16_t)cp;
	}
	r->w += w;
}

/* The marks of a cluster, each shown alone over the middle of its
 * character (at x, w wide).  libharu skips a text of no width: a hair of
 * character spacing makes the mark's width more than none. */
static void
S_marks(struct device *dev, HPDF_Page p, const struct lay_item *it,
    struct pen *pen, int k, const uint32_t *v, size_t n, long x, long w)
{
	struct run r = { .font = k, .wide = true };

	buf_init(&r.text);
	for (size_t j = 0; j < n; j++) {
		r.x = x + w / 2 - fonts_glyph_middle(dev->fonts, k, v[j]);
		S_put_utf8(&r.text, v[j]);
		S_drawn(dev, k, v[j]);
		HPDF_Page_SetCharSpace(p, 0.01f);
		S_flush(dev, p, it, &r, pen);
		HPDF_Page_SetCharSpace(p, 0);
		pen->cur = -1;
	}
	buf_free(&r.text);
}

/* Shows s from the current text position in runs, each in the font that
 * has its clusters (narrow where it can). */
static void
S_show_runs(struct device *dev, HPDF_Page p, const struct lay_item *it,
    const char *s)
{
	struct run r = { .font = -1 };
	struct pen pen = { 0, 0 };
	size_t n;
	uint32_t *v = S_chars(s, strlen(s), &n);

	buf_init(&r.text);
	for (size_t i = 0, end; i < n; i = end) {
		int k = S_cluster(dev, it->font, v, n, i, &end);
		long w = S_width_in(dev, it->font, k, v[i]), x;

		S_add(dev, p, it, &r, &pen, k, v[i], w);
		if (end == i + 1)
			continue;
		x = r.x + r.w - w;
		S_flush(dev, p, it, &r, &pen);
		S_marks(dev, p, it, &pen, k, v + i + 1, end - i - 1, x, w);
		for (size_t j = i + 1; j < end; j++)
			r.w += S_width_in(dev, it->font, k, v[j]);
	}
	S_flush(dev, p, it, &r, &pen);
	buf_free(&r.text);
	free(v);
}

/* A soft hyphen ending the text is the hyphen a line break added: drawn
 * as a hyphen, read as nothing (an empty /ActualText), so that the word
 * comes out whole. */
static void
S_draw_text(struct device *dev, HPDF_Page p, const struct lay_item *it)
{
	char *s = S_clean(it->text);
	double x = it->x;
	size_t len = strlen(s);
	bool shy = len >= 2 && strcmp(s + len - 2, "\xC2\xAD") == 0;

	if (shy)
		s[len -= 2] = '\0';
	if (len == 0 && !shy) {
		free(s);
		return;
	}
	if (it->right)
		x -= S_width(dev, it->font, it->size, s, len) + (shy ?
		    S_width(dev, it->font, it->size, "-", 1) : 0);
	HPDF_Page_BeginText(p);
	S_rgb_fill(p, it->color);
	HPDF_Page_MoveTextPos(p, (HPDF_REAL)x, (HPDF_REAL)it->y);
	if (len > 0)
		S_show_runs(dev, p, it, s);
	if (shy) {
		pdftag_hyphen(dev->tag, dev->page);
		S_show_runs(dev, p, it, "-");
		pdftag_hyphen_end(dev->tag, dev->page);
	}
	HPDF_Page_EndText(p);
	free(s);
}

static void
S_path(HPDF_Page p, const struct lay_item *it)
{
	HPDF_Page_MoveTo(p, (HPDF_REAL)it->pts[0], (HPDF_REAL)it->pts[1]);
	for (int k = 1; k < it->npts; k++)
		HPDF_Page_LineTo(p, (HPDF_REAL)it->pts[2 * k],
		    (HPDF_REAL)it->pts[2 * k + 1]);
}

/* URIs go into the PDF raw: non-ASCII must be percent-encoded. */
static char *
S_uri(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x21 || c >= 0x7F)
			buf_printf(&b, "%%%02X", c);
		else
			buf_putc(&b, (char)c);
	}
	return buf_detach(&b);
}

/* A destination at the anchor's height, the reader's zoom kept, written
 * into the link or bookmark that uses it: PDFBox's Preflight reads no
 * destination that is an object of its own, as libharu's
 * HPDF_Page_CreateDestination makes it. */
static HPDF_Destination
S_dest(struct device *dev, const struct lay_anchor *an)
{
	HPDF_MMgr mmgr = dev->pdf->mmgr;
	HPDF_Array dst = HPDF_Array_New(mmgr);

	if (dst == NULL)
		return NULL;
	dst->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
	HPDF_Array_Add(dst, dev->pages[an->page]);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_AddReal(dst, 0);
	HPDF_Array_AddReal(dst, (HPDF_REAL)an->y);
	HPDF_Array_Add(dst, HPDF_Null_New(mmgr));
	return dst;
}

/* PDF/A-1 (6.5.3) wants annotations printed (/F 4: Print); PDF/UA a
 * text for each. */
static void
S_annot_frame(struct device *dev, HPDF_Annotation a, const char *text)
{
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	HPDF_Dict_AddNumber(a, "F", 4);
	HPDF_Dict_Add(a, "Contents", HPDF_String_New(dev->pdf->mmgr, text,
	    HPDF_GetEncoder(dev->pdf, "UTF-8")));
}

static void
S_link(struct device *dev, const struct layout *l, HPDF_Page p,
    const struct lay_item *it)
{
	HPDF_Rect r = { (HPDF_REAL)it->x, (HPDF_REAL)it->y,
	    (HPDF_REAL)(it->x + it->w), (HPDF_REAL)(it->y + it->h) };
	HPDF_Annotation a = NULL;

	if (it->w <= 0)
		return;
	if (it->target >= 0) {
		const struct lay_anchor *an = &l->anchors[it->target];
		char *text = an->title != NULL ? xstrdup(an->title) :
		    xasprintf("Seite %d", an->page + 1);

		if ((a = HPDF_Page_CreateLinkAnnot(p, r, S_dest(dev, an))) !=
		    NULL)
			S_annot_frame(dev, a, text);
		free(text);
	} else if (it->text != NULL && it->text[0] != '#' &&
	    text_href_safe(it->text)) {
		char *uri = S_uri(it->text);

		if ((a = HPDF_Page_CreateURILinkAnnot(p, r, uri)) != NULL)
			S_annot_frame(dev, a, it->text);
		free(uri);
	}
	if (a != NULL)
		pdftag_annot(dev->tag, dev->page, a, it->elem);
}

/* The logo fitted into its box, kept in proportion, at its top left. */
static void
S_logo(struct device *dev, HPDF_Page p, const struct lay_item *it)
{
	double w, h, scale;

	if (dev->logo == NULL)
		return;
	w = HPDF_Image_GetWidth(dev->logo);
	h = HPDF_Image_GetHeight(dev->logo);
	if (w <= 0 || h <= 0)
		return;
	scale = it->w / w < it->h / h ? it->w / w : it->h / h;
	HPDF_Page_DrawImage(p, dev->logo, (HPDF_REAL)it->x,
	    (HPDF_REAL)(it->y + it->h - h * scale), (HPDF_REAL)(w * scale),
	    (HPDF_REAL)(h * scale));
}

/* A PNG as RGB over white: PDF/A-1 (6.4) allows no transparency, and
 * libharu would give an image with alpha a soft mask.  The template or
 * the plan checked the picture (image.c), so libpng fails only without
 * memory. */
static HPDF_Image
S_load_png(struct device *dev, const unsigned char *data, size_t len)
{
	png_image img = { .version = PNG_IMAGE_VERSION };
	png_color white = { 255, 255, 255 };
	HPDF_Image out = NULL;
	unsigned char *rgb;

	if (!png_image_begin_read_from_memory(&img, data, len))
		return NULL;
	img.format = PNG_FORMAT_RGB;
	rgb = xmalloc(PNG_IMAGE_SIZE(img));
	if (png_image_finish_read(&img, &white, rgb, 0, NULL))
		out = HPDF_LoadRawImageFromMem(dev->pdf, rgb, img.width,
		    img.height, HPDF_CS_DEVICE_RGB, 8);
	png_image_free(&img);
	free(rgb);
	return out;
}

/* A picture of the plan in its box, loaded where it is drawn (each
 * stands once in the document). */
static void
S_image(struct device *dev, HPDF_Page p, const struct lay_item *it)
{
	const struct doc_image *im = it->image;
	HPDF_Image img;

	if (im == NULL)
		return;
	img = im->jpeg ? HPDF_LoadJpegImageFromMem(dev->pdf, im->data,
	    (HPDF_UINT)im->len) : S_load_png(dev, im->data, im->len);
	if (img != NULL)
		HPDF_Page_DrawImage(p, img, (HPDF_REAL)it->x, (HPDF_REAL)it->y,
		    (HPDF_REAL)it->w, (HPDF_REAL)it->h);
}

/* libharu draws PNG and JPEG; an SVG logo stays on the web page. */
static void
S_load_logo(struct device *dev, const struct template *tpl)
{
	if (tpl->logo_data == NULL || tpl->logo_mime == NULL)
		return;
	if (strcmp(tpl->logo_mime, "image/png") == 0)
		dev->logo = S_load_png(dev, tpl->logo_data, tpl->logo_len);
	else if (strcmp(tpl->logo_mime, "image/jpeg") == 0)
		dev->logo = HPDF_LoadJpegImageFromMem(dev->pdf, tpl->logo_data,
		    (HPDF_UINT)tpl->logo_len);
}

static void
S_draw(struct device *dev, const struct layout *l, HPDF_Page p,
    const struct lay_item *it)
{
	switch (it->type) {
	case LI_TEXT:
		S_draw_text(dev, p, it);
		break;
	case LI_LINE:
		HPDF_Page_SetLineWidth(p, (HPDF_REAL)it->size);
		S_rgb_stroke(p, it->color);
		S_dash(p, it->dash);
		HPDF_Page_MoveTo(p, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
		HPDF_Page_LineTo(p, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		HPDF_Page_Stroke(p);
		S_dash(p, 0);
		break;
	case LI_RECT:
		S_rgb_fill(p, it->color);
		HPDF_Page_Rectangle(p, (HPDF_REAL)it->x, (HPDF_REAL)it->y,
		    (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		HPDF_Page_Fill(p);
		break;
	case LI_POLYGON:
		S_rgb_fill(p, it->color);
		S_path(p, it);
		HPDF_Page_ClosePath(p);
		HPDF_Page_Fill(p);
		break;
	case LI_POLYLINE:
		HPDF_Page_SetLineWidth(p, (HPDF_REAL)it->size);
		S_rgb_stroke(p, it->color);
		S_dash(p, it->dash);
		S_path(p, it);
		HPDF_Page_Stroke(p);
		S_dash(p, 0);
		break;
	case LI_LINK:
		S_link(dev, l, p, it);
		break;
	case LI_LOGO:
		S_logo(dev, p, it);
		break;
	case LI_IMAGE:
		S_image(dev, p, it);
		break;
	}
}

/* A ToUnicode CMap being written: codes of 1 or 2 bytes, each to the
 * characters text extraction is to give. */
struct cmap {
	struct buf	 b, entries;
	int		 bytes, n;
};

static void
S_cmap_begin(struct cmap *c, int bytes)
{
	buf_init(&c->b);
	buf_init(&c->entries);
	c->bytes = bytes;
	c->n = 0;
	buf_printf(&c->b, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
	    "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n1 begincodespacerange\n%s\n"
	    "endcodespacerange\n", bytes == 1 ? "<00> <FF>" : "<0000> <FFFF>");
}

/* A block of bfchar holds at most 100 entries. */
static void
S_cmap_flush(struct cmap *c)
{
	if (c->n == 0)
		return;
	buf_printf(&c->b, "%d beginbfchar\n%sendbfchar\n", c->n, c->entries.s);
	buf_clear(&c->entries);
	c->n = 0;
}

/* code to out[0..m) (characters of the Basic Multilingual Plane). */
static void
S_cmap_add(struct cmap *c, unsigned code, const uint32_t *out, size_t m)
{
	buf_printf(&c->entries, c->bytes == 1 ? "<%02X> <" : "<%04X> <",
	    code);
	for (size_t i = 0; i < m; i++)
		buf_printf(&c->entries, "%04X", (unsigned)out[i]);
	buf_puts(&c->entries, ">\n");
	if (++c->n == 100)
		S_cmap_flush(c);
}

/* The map into the stream of cmap, which becomes the font's ToUnicode. */
static void
S_cmap_end(struct cmap *c, HPDF_Font font, HPDF_Dict cmap)
{
	S_cmap_flush(c);
	buf_puts(&c->b, "endcmap\nCMapName currentdict /CMap defineresource "
	    "pop\nend\nend\n");
	if (cmap != NULL) {
		cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
		HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)c->b.s,
		    (HPDF_UINT)c->b.len);
		HPDF_Dict_Add(font, "ToUnicode", cmap);
	}
	buf_free(&c->b);
	buf_free(&c->entries);
}

/* libharu writes its UTF-8 encoding CMap (begincidrange) as the
 * ToUnicode stream of a wide font, which is no ToUnicode map: its
 * stream gets a map of the drawn characters instead, each code (the
 * character itself) to the character, and Arabic presentation forms
 * back to the letters typed (fonts_logical), as text extraction is to
 * give them. */
static void
S_wide_to_unicode(struct device *dev, int k)
{
	HPDF_Font font = dev->face[k].wide;
	HPDF_Dict cmap;
	struct cmap c;
	static const char *const keys[] = { "Type", "CMapName",
	    "CIDSystemInfo", "WMode" };

	cmap = ((HPDF_FontAttr)font->attr)->cmap_stream;
	if (cmap == NULL)
		return;
	HPDF_MemStream_FreeData(cmap->stream);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		HPDF_Dict_RemoveElement(cmap, keys[i]);
	S_cmap_begin(&c, 2);
	for (uint32_t cp = 0; cp <= 0xFFFF; cp++) {
		uint32_t out[2];

		if (dev->drawn[k][cp >> 3] & (1u << (cp & 7)))
			S_cmap_add(&c, cp, out, fonts_logical(cp, out));
	}
	S_cmap_end(&c, font, cmap);
}

/* The narrow fonts' codes name their glyphs through WinAnsiEncoding,
 * which readers know; PDF/UA and PDF/A-1a want a ToUnicode map all the
 * same. */
static void
S_narrow_to_unicode(struct device *dev, int k)
{
	HPDF_Font font = dev->face[k].narrow;
	struct cmap c;
	bool any = false;

	if (font == NULL)
		return;
	S_cmap_begin(&c, 1);
	for (unsigned code = 0; code < 256; code++) {
		uint32_t cp = dev->face[k].narrow_cp[code];

		if (cp != 0) {
			S_cmap_add(&c, code, &cp, 1);
			any = true;
		}
	}
	S_cmap_end(&c, font, any ? HPDF_DictStream_New(font->mmgr,
	    ((HPDF_FontAttr)font->attr)->xref) : NULL);
}

/* The glyph of each drawn character of wide font k up to max (a CID is
 * the character); 0 for the others, which the pages do not use. */
static void
S_cid_gids(struct device *dev, int k, uint16_t *gids, uint32_t max)
{
	HPDF_FontDef def = ((HPDF_FontAttr)dev->face[k].wide->attr)->fontdef;

	for (uint32_t c = 0; c <= max; c++)
		gids[c] = dev->drawn[k][c >> 3] & (1u << (c & 7)) ?
		    HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)c) : 0;
}

/* The widths (/W) and the CIDToGIDMap of a wide font, for the
 * characters drawn (a code is its character): libharu made them for a
 * map of the blank (S_make_wide); for all 65536 code points they would
 * be some 150 KB for a single minus sign. */
static void
S_wide_trim(struct device *dev, int k, const uint16_t *gids, uint32_t max)
{
	HPDF_FontAttr attr = (HPDF_FontAttr)dev->face[k].wide->attr;
	HPDF_Dict map = attr->map_stream;
	HPDF_Array w = HPDF_Array_New(dev->pdf->mmgr), run = NULL;
	uint8_t *bytes = xmalloc(2 * ((size_t)max + 1));

	for (uint32_t c = 0; c <= max; c++) {
		bytes[2 * c] = (uint8_t)(gids[c] >> 8);
		bytes[2 * c + 1] = (uint8_t)gids[c];
	}
	if (map != NULL) {
		HPDF_MemStream_FreeData(map->stream);
		HPDF_Stream_Write(map->stream, bytes, 2 * (max + 1));
	}
	free(bytes);
	if (w == NULL)
		return;
	for (uint32_t c = 0; c <= max; c++) {
		HPDF_INT16 width;

		if (!(dev->drawn[k][c >> 3] & (1u << (c & 7)))) {
			run = NULL;
			continue;
		}
		width = HPDF_TTFontDef_GetGidWidth(attr->fontdef, gids[c]);
		if (run == NULL) {
			HPDF_Array_AddNumber(w, (HPDF_INT32)c);
			if ((run = HPDF_Array_New(dev->pdf->mmgr)) == NULL ||
			    HPDF_Array_Add(w, run) != HPDF_OK)
				return;
		}
		HPDF_Array_AddNumber(run, width);
	}
	HPDF_Dict_Add(attr->descendant_font, "W", w);
}

/* PDF/A-1 (6.3.5) wants the descriptor of a subset CIDFont to list the
 * CIDs its font program has (/CIDSet).  libharu makes the descriptor,
 * and the subset, only while saving: its own hook for that
 * (before_write_fn) is run here, after the last glyph is drawn, the
 * narrow font's first (it writes the fuller descriptor), and the save
 * finds the descriptor made. */
static void
S_cid_set(struct device *dev, int k, const uint16_t *gids, uint32_t max)
{
	struct face *fc = &dev->face[k];
	HPDF_FontDef def = ((HPDF_FontAttr)fc->wide->attr)->fontdef;
	HPDF_TTFontDefAttr tt = (HPDF_TTFontDefAttr)def->attr;
	HPDF_Dict set;
	uint8_t *bits;
	size_t len = max / 8 + 1;

	if ((fc->narrow != NULL && fc->narrow->before_write_fn(fc->narrow) !=
	    HPDF_OK) || fc->wide->before_write_fn(fc->wide) != HPDF_OK ||
	    def->descriptor == NULL || (set = HPDF_DictStream_New(
	    fc->wide->mmgr, ((HPDF_FontAttr)fc->wide->attr)->xref)) == NULL)
		return;
	bits = xcalloc(len, 1);
	/* CID 0, .notdef, is always there. */
	bits[0] = 0x80;
	for (uint32_t c = 1; c <= max; c++)
		if (gids[c] != 0 && gids[c] < tt->num_glyphs &&
		    tt->glyph_tbl.flgs[gids[c]])
			bits[c >> 3] |= (uint8_t)(0x80u >> (c & 7));
	set->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_Write(set->stream, bits, (HPDF_UINT)len);
	HPDF_Dict_Add(def->descriptor, "CIDSet", set);
	free(bits);
}

/* A wide font made ready for saving: its ToUnicode map, its tables cut
 * to what was drawn, its CIDSet. */
static void
S_wide_finish(struct device *dev, int k)
{
	uint32_t max = 0;
	uint16_t *gids;

	if (dev->face[k].wide == NULL || dev->drawn[k] == NULL)
		return;
	S_wide_to_unicode(dev, k);
	for (uint32_t c = 0; c <= 0xFFFF; c++)
		if (dev->drawn[k][c >> 3] & (1u << (c & 7)))
			max = c;
	gids = xcalloc((size_t)max + 1, sizeof(*gids));
	S_cid_gids(dev, k, gids, max);
	S_wide_trim(dev, k, gids, max);
	S_cid_set(dev, k, gids, max);
	free(gids);
}

/* The bytes of a libharu memory stream, in one piece (caller frees). */
static uint8_t *
S_stream_bytes(HPDF_Stream s, size_t *len)
{
	HPDF_UINT n = HPDF_MemStream_GetBufCount(s);
	struct buf b;

	buf_init(&b);
	for (HPDF_UINT k = 0; k < n; k++) {
		HPDF_UINT got;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, k, &got);

		if (p != NULL)
			buf_add(&b, (const char *)p, got);
	}
	*len = b.len;
	return (uint8_t *)buf_detach(&b);
}

/* The characters face k draws: the character map of the cut program
 * keeps them. */
static uint32_t *
S_face_chars(const struct device *dev, int k, size_t *n)
{
	uint32_t *v = xreallocarray(NULL, 256 + 0x10000, sizeof(*v));

	*n = 0;
	for (int code = 0; code < 256; code++)
		if (dev->face[k].narrow_cp[code] != 0)
			v[(*n)++] = dev->face[k].narrow_cp[code];
	for (uint32_t c = 0; dev->drawn[k] != NULL && c <= 0xFFFF; c++)
		if (dev->drawn[k][c >> 3] & (1u << (c & 7)))
			v[(*n)++] = c;
	return v;
}

/* Face k's font program cut to the glyphs drawn (fontsub.h).  libharu
 * makes the program only while saving: its hook (before_write_fn) is
 * run here, as for the CIDSet, and the save finds the program made. */
static void
S_font_cut(struct device *dev, int k)
{
	struct face *fc = &dev->face[k];
	HPDF_Font font = fc->narrow != NULL ? fc->narrow : fc->wide;
	HPDF_FontDef def;
	HPDF_TTFontDefAttr tt;
	HPDF_Dict file;
	uint8_t *prog, *cut;
	uint16_t *gids;
	uint32_t *chars;
	size_t len, cutlen, n = 0, nchars;

	if (font == NULL || font->before_write_fn(font) != HPDF_OK)
		return;
	def = ((HPDF_FontAttr)font->attr)->fontdef;
	if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE || def->descriptor ==
	    NULL || (file = HPDF_Dict_GetItem(def->descriptor, "FontFile2",
	    HPDF_OCLASS_DICT)) == NULL)
		return;
	tt = (HPDF_TTFontDefAttr)def->attr;
	gids = xreallocarray(NULL, tt->num_glyphs + 1, sizeof(*gids));
	for (unsigned g = 0; g < tt->num_glyphs; g++)
		if (g == 0 || tt->glyph_tbl.flgs[g])
			gids[n++] = (uint16_t)g;
	prog = S_stream_bytes(file->stream, &len);
	chars = S_face_chars(dev, k, &nchars);
	if (fontsub_cut(prog, len, gids, n, chars, nchars, &cut, &cutlen)) {
		HPDF_MemStream_FreeData(file->stream);
		HPDF_Stream_Write(file->stream, cut, (HPDF_UINT)cutlen);
		HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)cutlen);
		free(cut);
	}
	free(prog);
	free(chars);
	free(gids);
}

/* Bookmarks for every chapter, nested as the chapters are. */
static void
S_outline(struct device *dev, const struct layout *l)
{
	HPDF_Outline parent[8] = { NULL };
	HPDF_Encoder enc = HPDF_GetEncoder(dev->pdf, "UTF-8");

	for (size_t i = 0; i < l->nanchors; i++) {
		const struct lay_anchor *a = &l->anchors[i];
		int lv = a->level < 7 ? a->level : 7;
		HPDF_Outline o;

		if (lv < 1)
			continue;
		o = HPDF_CreateOutline(dev->pdf, parent[lv - 1], a->title, enc);
		HPDF_Outline_SetDestination(o, S_dest(dev, a));
		HPDF_Outline_SetOpened(o, lv == 1 ? HPDF_TRUE : HPDF_FALSE);
		parent[lv] = o;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = parent[lv];
	}
	HPDF_SetPageMode(dev->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* SOURCE_DATE_EPOCH when set, else the plan's date; never the clock.
 * UTC, written "+00'00'": libharu writes 'Z' as "Z00'00'", in which
 * Preflight sees no time zone, and so a date other than the XMP's. */
static bool
S_date(const struct doc *d, HPDF_Date *out)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	int y = 0, m = 1, day = 1;

	memset(out, 0, sizeof(*out));
	if (epoch != NULL && *epoch != '\0') {
		time_t t = (time_t)strtoll(epoch, NULL, 10);
		struct tm tm;

		if (gmtime_r(&t, &tm) == NULL)
			return false;
		*out = (HPDF_Date){ .year = tm.tm_year + 1900,
		    .month = tm.tm_mon + 1, .day = tm.tm_mday,
		    .hour = tm.tm_hour, .minutes = tm.tm_min,
		    .seconds = tm.tm_sec, .ind = '+' };
		return true;
	}
	if (d->date_iso == NULL || sscanf(d->date_iso, "%d-%d-%d", &y, &m,
	    &day) < 2)
		return false;
	*out = (HPDF_Date){ .year = y, .month = m, .day = day, .ind = '+' };
	return true;
}

/* The document info and its metadata, as PDF/A wants them (pdfa.c). */
static bool
S_info(struct device *dev, const struct doc *d, size_t npages, char **err)
{
	char *subject = xasprintf("%s \xE2\x80\x93 %s", d->report, d->jobcenter);
	char *keywords = xasprintf("Jobcenter, SGB II, %s, %s%s%s", d->report,
	    d->year_text, d->region != NULL ? ", " : "",
	    d->region != NULL ? d->region : "");
	struct pdfa_meta m = { .title = d->title, .author = d->author !=
	    NULL ? d->author : d->jobcenter, .subject = subject,
	    .keywords = keywords, .creator = "gen", .lang = "de-DE",
	    .tagged = dev->tagged };
	bool ok;

	m.has_date = S_date(d, &m.date);
	ok = pdfa_finish(dev->pdf, &m, dev->pages, npages, err);
	free(subject);
	free(keywords);
	return ok;
}

static bool
S_save(struct device *dev, unsigned char **data, size_t *len)
{
	HPDF_UINT32 size, got = 0;

	if (HPDF_SaveToStream(dev->pdf) != HPDF_OK)
		return false;
	size = HPDF_GetStreamSize(dev->pdf);
	*data = xmalloc(size + 1);
	HPDF_ResetStream(dev->pdf);
	while (got < size) {
		HPDF_UINT32 n = size - got;
		HPDF_STATUS st = HPDF_ReadFromStream(dev->pdf, *data + got, &n);

		got += n;
		if (st == HPDF_STREAM_EOF || n == 0)
			break;
		if (st != HPDF_OK)
			return false;
	}
	*len = got;
	dev->error = got == size ? dev->error : HPDF_STREAM_EOF;
	return dev->error == 0;
}

_Static_assert(4 + LAY_CHART_COLORS == TEMPLATE_COLORS,
    "the template's colours are the four of the page and the chart's");

/* The stylesheet's colours over the defaults: the print report takes
 * them from the web page's stylesheet, so the two look alike. */
static void
S_colors(const struct template *tpl, struct lay_params *p)
{
	unsigned *slot[TEMPLATE_COLORS] = { &p->accent, &p->light, &p->text,
	    &p->muted };

	for (int i = 0; i < LAY_CHART_COLORS; i++)
		slot[4 + i] = &p->chart[i];
	for (int i = 0; i < TEMPLATE_COLORS; i++)
		if (tpl->has_color[i])
			*slot[i] = tpl->color[i];
}

/* The page of the template over the defaults. */
static void
S_params(const struct template *tpl, struct lay_params *p)
{
	const struct page_spec *s = &tpl->page;
	const double mm = 72.0 / 25.4;

	layout_defaults(p);
	S_colors(tpl, p);
	if (s->margin_top > 0) {
		p->margin_top = s->margin_top * mm;
		p->margin_right = s->margin_right * mm;
		p->margin_bottom = s->margin_bottom * mm;
		p->margin_left = s->margin_left * mm;
	}
	if (s->font_size > 0)
		p->font_size = s->font_size;
}

bool
pdf_render(const struct doc *d, const struct template *tpl, struct hyph *h,
    unsigned char **data, size_t *len, char **err)
{
	struct device dev = { 0 };
	struct measure m = { .width = S_width, .ctx = &dev };
	struct lay_params params;
	struct layout *l = NULL;
	bool ok = false;

	*data = NULL;
	*err = NULL;
	if (!S_open(&dev, tpl))
		goto out;
	S_load_logo(&dev, tpl);
	S_params(tpl, &params);
	params.logo = dev.logo != NULL;
	l = layout_build(d, &m, h, &params);
	dev.pages = xcalloc(l->npages + 1, sizeof(*dev.pages));
	for (size_t i = 0; i < l->npages && dev.error == 0; i++) {
		dev.pages[i] = HPDF_AddPage(dev.pdf);
		bool turned = l->pages[i].landscape;

		HPDF_Page_SetWidth(dev.pages[i], (HPDF_REAL)(turned ?
		    params.page_h : params.page_w));
		HPDF_Page_SetHeight(dev.pages[i], (HPDF_REAL)(turned ?
		    params.page_w : params.page_h));
	}
	dev.tag = pdftag_new(dev.pdf, l, dev.pages);
	for (size_t i = 0; i < l->npages && dev.error == 0; i++) {
		dev.page = i;
		for (size_t k = 0; k < l->pages[i].n; k++) {
			pdftag_item(dev.tag, i, &l->pages[i].items[k]);
			S_draw(&dev, l, dev.pages[i], &l->pages[i].items[k]);
		}
		pdftag_page_end(dev.tag, i);
	}
	dev.tagged = true;
	if (dev.error == 0 && !pdftag_finish(dev.tag) && dev.error == 0)
		dev.error = HPDF_INVALID_OBJECT;
	for (int k = 0; k < FONTS_MAX && dev.error == 0; k++) {
		S_wide_finish(&dev, k);
		S_narrow_to_unicode(&dev, k);
		S_font_cut(&dev, k);
	}
	if (dev.error == 0) {
		S_outline(&dev, l);
		if (!S_info(&dev, d, l->npages, err))
			goto out;
	}
	ok = dev.error == 0 && S_save(&dev, data, len);
out:
	if (!ok) {
		if (*err == NULL)
			*err = xasprintf("libharu error 0x%04X (detail %u)",
			    (unsigned)dev.error, (unsigned)dev.detail);
		free(*data);
		*data = NULL;
	}
	pdftag_free(dev.tag);
	layout_free(l);
	free(dev.pages);
	if (dev.pdf != NULL)
		HPDF_Free(dev.pdf);
	fonts_free(dev.fonts);
	for (int k = 0; k < FONTS_MAX; k++)
		free(dev.drawn[k]);
	return ok;
}
