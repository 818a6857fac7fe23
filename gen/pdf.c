/* pdf.c: the device over libharu and the PDF writer. */
#include "pdf.h"

#include <ctype.h>
#include <hpdf.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fonts.h"
#include "layout.h"
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
 * needed: a single-byte Windows-1252 font (with extra_codes) for nearly
 * all text, and a UTF-8 font for any other character (Greek, say).
 * libharu builds the UTF-8 font from all 65536 code points, which costs
 * more than the rest of a report; the fallbacks draw only with it. */
struct face {
	const char	*name;		/* of the loaded file, in libharu */
	HPDF_Font	 narrow;	/* Windows-1252 */
	HPDF_Font	 wide;		/* UTF-8 */
};

/* Windows-1252 leaves codes undefined; the characters beyond it that the
 * reports print take four of them, so that the single-byte font draws
 * them too.  libharu names them in the font's /Differences ("minus"),
 * from which viewers take the glyph and text extraction the character. */
static const struct {
	unsigned char	 code;
	HPDF_UNICODE	 cp;
} extra_codes[] = {
	{ 0x81, 0x2212 },	/* − minus */
	{ 0x8D, 0x25CF },	/* ● reached */
	{ 0x8F, 0x25CB },	/* ○ not reached */
	{ 0x90, 0x2192 },	/* → */
};

/* The byte of cp in the single-byte font, or -1. */
static int
S_narrow_byte(uint32_t cp)
{
	for (size_t i = 0; i < sizeof(extra_codes) / sizeof(extra_codes[0]);
	    i++)
		if (extra_codes[i].cp == cp)
			return extra_codes[i].code;
	return cp1252_byte(cp);
}

/* Adds extra_codes to libharu's Windows-1252 encoder, before any font
 * uses it.  The encoder's map is public in hpdf_encoder.h. */
static void
S_extend_cp1252(HPDF_Doc pdf)
{
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "CP1252");
	HPDF_BasicEncoderAttr a;

	if (enc == NULL)
		return;
	a = (HPDF_BasicEncoderAttr)enc->attr;
	for (size_t i = 0; i < sizeof(extra_codes) / sizeof(extra_codes[0]);
	    i++) {
		a->unicode_map[extra_codes[i].code] = extra_codes[i].cp;
		a->differences[extra_codes[i].code] = 1;
	}
	a->has_differences = HPDF_TRUE;
}

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
		*font = HPDF_GetFont(dev->pdf, fc->name, wide ? "UTF-8" :
		    "CP1252");
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
	S_extend_cp1252(dev->pdf);
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
	int byte = k < FONTS_FACES ? S_narrow_byte(cp) : -1;

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
	} else
		buf_putc(&r->text, (char)byte);
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
		HPDF_Destination dst = HPDF_Page_CreateDestination(
		    dev->pages[an->page]);

		HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)an->y, 1);
		a = HPDF_Page_CreateLinkAnnot(p, r, dst);
	} else if (it->text != NULL && it->text[0] != '#' &&
	    text_href_safe(it->text)) {
		char *uri = S_uri(it->text);

		a = HPDF_Page_CreateURILinkAnnot(p, r, uri);
		free(uri);
	}
	if (a != NULL) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		pdftag_annot(dev->tag, dev->page, a, it->elem,
		    it->target >= 0 ? l->anchors[it->target].title : it->text);
	}
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

/* libharu draws PNG and JPEG; an SVG logo stays on the web page. */
static void
S_load_logo(struct device *dev, const struct template *tpl)
{
	if (tpl->logo_data == NULL || tpl->logo_mime == NULL)
		return;
	if (strcmp(tpl->logo_mime, "image/png") == 0)
		dev->logo = HPDF_LoadPngImageFromMem(dev->pdf, tpl->logo_data,
		    (HPDF_UINT)tpl->logo_len);
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
	}
}

/* libharu writes its UTF-8 encoding CMap (begincidrange) as the
 * ToUnicode stream of a wide font, which is no ToUnicode map: every wide
 * font gets a map of its drawn characters, each code (the character
 * itself) to the character, and Arabic presentation forms back to the
 * letters typed (fonts_logical), as text extraction is to give them. */
static void
S_to_unicode(struct device *dev, int k)
{
	HPDF_Font font = dev->face[k].wide;
	HPDF_FontAttr attr;
	HPDF_Dict cmap;
	struct buf b, entries;
	int n = 0;

	if (font == NULL)
		return;
	attr = (HPDF_FontAttr)font->attr;
	if ((cmap = HPDF_DictStream_New(font->mmgr, attr->xref)) == NULL)
		return;
	buf_init(&b);
	buf_init(&entries);
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
	    "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
	    "endcodespacerange\n");
	for (uint32_t cp = 0; cp <= 0xFFFF; cp++) {
		uint32_t out[2];
		size_t m;

		if (!(dev->drawn[k][cp >> 3] & (1u << (cp & 7))))
			continue;
		m = fonts_logical(cp, out);
		buf_printf(&entries, "<%04X> <%04X", (unsigned)cp,
		    (unsigned)out[0]);
		if (m == 2)
			buf_printf(&entries, "%04X", (unsigned)out[1]);
		buf_puts(&entries, ">\n");
		if (++n == 100) {
			buf_printf(&b, "100 beginbfchar\n%sendbfchar\n",
			    entries.s);
			buf_clear(&entries);
			n = 0;
		}
	}
	if (n > 0)
		buf_printf(&b, "%d beginbfchar\n%sendbfchar\n", n, entries.s);
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.s,
	    (HPDF_UINT)b.len);
	HPDF_Dict_Add(font, "ToUnicode", cmap);
	buf_free(&b);
	buf_free(&entries);
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
		HPDF_Destination dst;

		if (lv < 1)
			continue;
		o = HPDF_CreateOutline(dev->pdf, parent[lv - 1], a->title, enc);
		dst = HPDF_Page_CreateDestination(dev->pages[a->page]);
		HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)a->y, 1);
		HPDF_Outline_SetDestination(o, dst);
		HPDF_Outline_SetOpened(o, lv == 1 ? HPDF_TRUE : HPDF_FALSE);
		parent[lv] = o;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = parent[lv];
	}
	HPDF_SetPageMode(dev->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* SOURCE_DATE_EPOCH when set, else the plan's date; never the clock. */
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
		    .seconds = tm.tm_sec, .ind = 'Z' };
		return true;
	}
	if (d->date_iso == NULL || sscanf(d->date_iso, "%d-%d-%d", &y, &m,
	    &day) < 2)
		return false;
	*out = (HPDF_Date){ .year = y, .month = m, .day = day, .ind = 'Z' };
	return true;
}

static void
S_info(struct device *dev, const struct doc *d)
{
	char *subject = xasprintf("%s \xE2\x80\x93 %s", d->report, d->jobcenter);
	char *keywords = xasprintf("Jobcenter, SGB II, %s, %d%s%s", d->report,
	    d->year, d->region != NULL ? ", " : "",
	    d->region != NULL ? d->region : "");
	HPDF_Date date;

	HPDF_SetInfoAttr(dev->pdf, HPDF_INFO_TITLE, d->title);
	HPDF_SetInfoAttr(dev->pdf, HPDF_INFO_AUTHOR, d->author != NULL ?
	    d->author : d->jobcenter);
	HPDF_SetInfoAttr(dev->pdf, HPDF_INFO_SUBJECT, subject);
	HPDF_SetInfoAttr(dev->pdf, HPDF_INFO_KEYWORDS, keywords);
	HPDF_SetInfoAttr(dev->pdf, HPDF_INFO_CREATOR, "gen");
	if (S_date(d, &date)) {
		HPDF_SetInfoDateAttr(dev->pdf, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(dev->pdf, HPDF_INFO_MOD_DATE, date);
	}
	free(subject);
	free(keywords);
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
	if (dev.error == 0 && !pdftag_finish(dev.tag) && dev.error == 0)
		dev.error = HPDF_INVALID_OBJECT;
	for (int k = 0; k < FONTS_MAX && dev.error == 0; k++)
		if (dev.drawn[k] != NULL)
			S_to_unicode(&dev, k);
	if (dev.error == 0) {
		S_outline(&dev, l);
		S_info(&dev, d);
	}
	ok = dev.error == 0 && S_save(&dev, data, len);
out:
	if (!ok) {
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
