/* fonts.c: the fonts that draw each character, bidirectional order and
 * Arabic shaping, and the check of a plan's texts against the fonts. */
#include "fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fribidi.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define DEJAVU "/usr/share/fonts/truetype/dejavu/"
#define FB_SANS		4
#define FB_SANS_BOLD	5
#define FB_CJK		6

/* The first font of a collection (.ttc) is the one meant. */
static const char *const fallback_files[FONTS_MAX - FONTS_FACES] = {
	DEJAVU "DejaVuSans.ttf",
	DEJAVU "DejaVuSans-Bold.ttf",
	"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
};

/* The fonts each face tries, in order, ended by -1: its own, the
 * template's faces it may borrow from, then the fallbacks: DejaVu Sans,
 * then WenQuanYi Micro Hei for Chinese, Japanese and Korean (no bold).
 * Every chain ends with the regular fallbacks, so what they or the
 * template's regular face have, every face draws. */
static const int chains[FONTS_FACES][FONTS_MAX + 1] = {
	{ 0, FB_SANS, FB_CJK, -1 },
	{ 1, 0, FB_SANS_BOLD, FB_SANS, FB_CJK, -1 },
	{ 2, 0, FB_SANS, FB_CJK, -1 },
	{ 3, 1, 0, FB_SANS_BOLD, FB_SANS, FB_CJK, -1 },
};

struct fonts {
	const char	*file[FONTS_MAX];
	FT_Library	 ft;
	FT_Face		 face[FONTS_MAX];
	bool		 tried[FONTS_MAX];
};

struct fonts *
fonts_new(const char *const faces[FONTS_FACES])
{
	struct fonts *fs = xcalloc(1, sizeof(*fs));

	for (int k = 0; k < FONTS_FACES; k++)
		fs->file[k] = faces[k];
	for (int k = FONTS_FACES; k < FONTS_MAX; k++)
		fs->file[k] = fallback_files[k - FONTS_FACES];
	return fs;
}

void
fonts_free(struct fonts *fs)
{
	if (fs == NULL)
		return;
	for (int k = 0; k < FONTS_MAX; k++)
		if (fs->face[k] != NULL)
			FT_Done_Face(fs->face[k]);
	if (fs->ft != NULL)
		FT_Done_FreeType(fs->ft);
	free(fs);
}

const char *
fonts_fallback(int i)
{
	return i >= 0 && i < FONTS_MAX - FONTS_FACES ? fallback_files[i] : NULL;
}

const char *
fonts_file(const struct fonts *fs, int k)
{
	return fs->file[k];
}

/* Font k, opened when first asked for; NULL if it cannot be read. */
static FT_Face
S_face(struct fonts *fs, int k)
{
	if (fs->tried[k])
		return fs->face[k];
	fs->tried[k] = true;
	if (fs->ft == NULL && FT_Init_FreeType(&fs->ft) != 0) {
		fs->ft = NULL;
		return NULL;
	}
	if (FT_New_Face(fs->ft, fs->file[k], 0, &fs->face[k]) != 0)
		fs->face[k] = NULL;
	else if (FT_Select_Charmap(fs->face[k], FT_ENCODING_UNICODE) != 0) {
		FT_Done_Face(fs->face[k]);
		fs->face[k] = NULL;
	}
	return fs->face[k];
}

/* libharu draws only the Basic Multilingual Plane; a blank needs no
 * glyph (libharu draws it from the font's width alone). */
int
fonts_pick(struct fonts *fs, int face, uint32_t cp)
{
	if (cp > 0xFFFF)
		return -1;
	for (const int *k = chains[face]; *k >= 0; k++) {
		FT_Face f = S_face(fs, *k);

		if (f != NULL && FT_Get_Char_Index(f, cp) != 0)
			return *k;
	}
	return -1;
}

int
fonts_pick_cluster(struct fonts *fs, int face, const uint32_t *v, size_t n)
{
	for (const int *k = chains[face]; *k >= 0; k++) {
		FT_Face f = S_face(fs, *k);
		size_t i = 0;

		while (f != NULL && i < n && v[i] <= 0xFFFF &&
		    FT_Get_Char_Index(f, v[i]) != 0)
			i++;
		if (f != NULL && i == n)
			return *k;
	}
	return -1;
}

long
fonts_glyph_middle(struct fonts *fs, int k, uint32_t cp)
{
	FT_Face f = S_face(fs, k);
	FT_Glyph_Metrics *m;

	if (f == NULL || f->units_per_EM == 0 ||
	    FT_Load_Char(f, cp, FT_LOAD_NO_SCALE) != 0)
		return 0;
	m = &f->glyph->metrics;
	return (long)((m->horiBearingX + m->width / 2) * 1000 /
	    f->units_per_EM);
}

/* Appends the components of glyph gid to gids[*n..max), depth levels
 * down. */
static void
S_components(FT_Face f, unsigned gid, unsigned *gids, size_t *n, size_t max,
    int depth)
{
	size_t from = *n;
	FT_UInt count;

	if (depth == 0 || FT_Load_Glyph(f, gid, FT_LOAD_NO_SCALE |
	    FT_LOAD_NO_RECURSE) != 0 ||
	    f->glyph->format != FT_GLYPH_FORMAT_COMPOSITE)
		return;
	count = f->glyph->num_subglyphs;
	for (FT_UInt i = 0; i < count && *n < max; i++) {
		FT_Int index, x, y;
		FT_UInt flags;
		FT_Matrix m;

		if (FT_Get_SubGlyph_Info(f->glyph, i, &index, &flags, &x, &y,
		    &m) == 0)
			gids[(*n)++] = (unsigned)index;
	}
	for (size_t i = from, end = *n; i < end; i++)
		S_components(f, gids[i], gids, n, max, depth - 1);
}

size_t
fonts_components(struct fonts *fs, int k, uint32_t cp, unsigned *gids,
    size_t max)
{
	FT_Face f = S_face(fs, k);
	size_t n = 0;

	if (f != NULL)
		S_components(f, FT_Get_Char_Index(f, cp), gids, &n, max, 4);
	return n;
}

bool
fonts_is_mark(uint32_t cp)
{
	return cp >= 0x0300 && fribidi_get_bidi_type(cp) == FRIBIDI_TYPE_NSM;
}

/* Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their
 * presentation forms: where FriBidi has work to do. */
static bool
S_rtl(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D &&
	    cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
}

bool
fonts_is_isolate(uint32_t cp)
{
	return cp >= 0x2066 && cp <= 0x2069;
}

bool
fonts_has_rtl(const char *s, size_t len)
{
	for (size_t i = 0; i < len; ) {
		if ((unsigned char)s[i] < 0xD6) {
			i++;
			continue;
		}
		if (S_rtl(utf8_next(s, len, &i)))
			return true;
	}
	return false;
}

uint32_t *
fonts_visual(const char *s, size_t len, size_t *n)
{
	FriBidiChar *str = xreallocarray(NULL, len + 1, sizeof(*str));
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiArabicProp *joins;
	/* The page is German, left to right, as the HTML's: a run that
	 * begins with Hebrew is not turned around as a whole. */
	FriBidiParType base = FRIBIDI_PAR_LTR;
	FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
	FriBidiStrIndex m = 0, k = 0;

	for (size_t i = 0; i < len; )
		str[m++] = utf8_next(s, len, &i);
	*n = (size_t)m;
	if (m == 0)
		return str;
	types = xreallocarray(NULL, (size_t)m, sizeof(*types));
	brackets = xreallocarray(NULL, (size_t)m, sizeof(*brackets));
	levels = xreallocarray(NULL, (size_t)m, sizeof(*levels));
	joins = xreallocarray(NULL, (size_t)m, sizeof(*joins));
	fribidi_get_bidi_types(str, m, types);
	fribidi_get_bracket_types(str, m, types, brackets);
	/* FriBidi fails only when it cannot allocate. */
	if (fribidi_get_par_embedding_levels_ex(types, brackets, m, &base,
	    levels) == 0)
		out_of_memory();
	fribidi_get_joining_types(str, m, joins);
	fribidi_join_arabic(types, m, levels, joins);
	fribidi_shape(flags, levels, m, joins, str);
	if (fribidi_reorder_line(flags, types, m, 0, base, levels, str,
	    NULL) == 0)
		out_of_memory();
	/* A ligature (lam with alef) leaves a filler where its second
	 * letter was. */
	for (FriBidiStrIndex i = 0; i < m; i++)
		if (str[i] != FRIBIDI_CHAR_FILL && !fonts_is_isolate(str[i]))
			str[k++] = str[i];
	*n = (size_t)k;
	free(types);
	free(brackets);
	free(levels);
	free(joins);
	return str;
}

/* What the presentation forms of Arabic stand for, found by shaping each
 * letter where it stands alone, begins, continues and ends a word (a
 * tatweel beside it), and lam with each alef: FriBidi has no map back. */
#define PRES_FIRST	0xFB50
#define PRES_LAST	0xFEFF

static uint32_t pres[PRES_LAST - PRES_FIRST + 1][2];
static bool pres_made;

static void
S_shape_rtl(FriBidiChar *str, FriBidiStrIndex n)
{
	FriBidiCharType types[4];
	FriBidiLevel levels[4];
	FriBidiArabicProp joins[4];

	fribidi_get_bidi_types(str, n, types);
	for (FriBidiStrIndex i = 0; i < n; i++)
		levels[i] = 1;
	fribidi_get_joining_types(str, n, joins);
	fribidi_join_arabic(types, n, levels, joins);
	fribidi_shape(FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, levels, n,
	    joins, str);
}

static void
S_pres_add(FriBidiChar form, uint32_t a, uint32_t b)
{
	if (form >= PRES_FIRST && form <= PRES_LAST &&
	    pres[form - PRES_FIRST][0] == 0) {
		pres[form - PRES_FIRST][0] = a;
		pres[form - PRES_FIRST][1] = b;
	}
}

static void
S_pres_make(void)
{
	static const uint32_t alefs[] = { 0x0622, 0x0623, 0x0625, 0x0627 };
	const FriBidiChar tat = 0x0640;

	for (uint32_t c = 0x0620; c <= 0x06FF; c++) {
		FriBidiChar ctx[4][3] = { { c }, { c, tat }, { tat, c, tat },
		    { tat, c } };
		const FriBidiStrIndex len[4] = { 1, 2, 3, 2 }, at[4] = { 0, 0,
		    1, 1 };

		for (int k = 0; k < 4; k++) {
			S_shape_rtl(ctx[k], len[k]);
			S_pres_add(ctx[k][at[k]], c, 0);
		}
	}
	for (size_t i = 0; i < sizeof(alefs) / sizeof(alefs[0]); i++) {
		FriBidiChar alone[2] = { 0x0644, alefs[i] };
		FriBidiChar end[3] = { tat, 0x0644, alefs[i] };

		S_shape_rtl(alone, 2);
		S_shape_rtl(end, 3);
		/* FriBidi puts the ligature where the alef was. */
		S_pres_add(alone[1], alefs[i], 0x0644);
		S_pres_add(end[2], alefs[i], 0x0644);
	}
	pres_made = true;
}

size_t
fonts_logical(uint32_t cp, uint32_t out[2])
{
	out[0] = cp;
	if (cp < PRES_FIRST || cp > PRES_LAST)
		return 1;
	if (!pres_made)
		S_pres_make();
	if (pres[cp - PRES_FIRST][0] == 0)
		return 1;
	out[0] = pres[cp - PRES_FIRST][0];
	out[1] = pres[cp - PRES_FIRST][1];
	return out[1] != 0 ? 2 : 1;
}

/* --- the check of a plan's texts --- */

struct check {
	struct fonts	*fs;
	struct diags	*d;
	const char	*file;		/* of the last error */
	int		 line;
};

/* Line ends stay what they are: the readers make them blanks. */
static bool
S_drawable(struct fonts *fs, uint32_t cp)
{
	if (cp < 0x20)
		return true;
	return fonts_pick(fs, 0, cp) >= 0;
}

/* The text around the character at s[at], on one line. */
static char *
S_excerpt(const char *s, size_t at)
{
	struct buf b;
	size_t from = at, n = 0, lead;
	char *ex;

	while (from > 0 && n < 24)
		n += ((unsigned char)s[--from] & 0xC0) != 0x80;
	buf_init(&b);
	if (from > 0)
		buf_puts(&b, "\xE2\x80\xA6");
	lead = b.len;
	for (s += from; *s != '\0'; s++) {
		if (strchr(" \t\r\n", *s) == NULL)
			buf_putc(&b, *s);
		else if (b.len > lead && b.s[b.len - 1] != ' ')
			buf_putc(&b, ' ');
	}
	ex = text_excerpt(b.s);
	buf_free(&b);
	return ex;
}

/* One error per text: the first character no font has, on its line
 * (the text begins on first_line). */
static void
S_text(struct check *c, const char *file, int first_line, const char *s)
{
	size_t len, i = 0;
	int line = first_line;

	if (s == NULL)
		return;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		size_t start = i;

		if ((unsigned char)s[i] < 0x80) {
			line += s[i++] == '\n' && first_line > 0;
			continue;
		}
		cp = utf8_next(s, len, &i);
		if (!S_drawable(c->fs, cp)) {
			char *ex;

			/* A label is a cell too: one error a line. */
			if (c->file == file && c->line == line && line > 0)
				return;
			ex = S_excerpt(s, start);
			diag_error(c->d, file, line, "no font can draw the "
			    "character U+%04X in '%s'", (unsigned)cp, ex);
			free(ex);
			c->file = file;
			c->line = line;
			return;
		}
	}
}

/* The attributes of plan.xml that are printed. */
static bool
S_printed_attr(const xmlChar *name)
{
	static const char *const names[] = { "title", "label", "name",
	    "region", "land", "kind", "stand", "source", NULL };

	for (const char *const *n = names; *n != NULL; n++)
		if (strcmp((const char *)name, *n) == 0)
			return true;
	return false;
}

/* planxml.c gave every text node the line on which it starts. */
static int
S_text_line(xmlNodePtr n)
{
	long line = xmlGetLineNo(n);

	return line > 0 && line < 1000000000 ? (int)line : 0;
}

static void
S_xml(struct check *c, const char *file, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		long line = xmlGetLineNo(n);
		int ln = line > 0 && line < 1000000000 ? (int)line : 0;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			S_text(c, file, S_text_line(n),
			    (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
			xmlChar *v;

			if (!S_printed_attr(a->name))
				continue;
			v = xmlNodeListGetString(n->doc, a->children, 1);
			S_text(c, file, ln, (const char *)v);
			xmlFree(v);
		}
		S_xml(c, file, n->children);
	}
}

static void
S_entry(struct check *c, const struct table *t, const struct entry *e)
{
	S_text(c, t->path, e->line, e->label);
	for (size_t k = 0; e->cells != NULL && k < t->ncols; k++)
		S_text(c, t->path, e->line, e->cells[k]);
	for (size_t k = 0; e->note != NULL && k < t->nfields; k++)
		S_text(c, t->path, e->line, e->note[k]);
}

static void
S_plan(struct check *c, const struct plan *p)
{
	if (p->doc != NULL)
		S_xml(c, p->xml_path, xmlDocGetRootElement(p->doc));
	for (size_t i = 0; i < p->ntables; i++) {
		const struct table *t = p->tables[i];

		for (size_t k = 0; k < t->nrows; k++)
			S_entry(c, t, &t->rows[k]);
		for (size_t k = 0; k < t->ngroups; k++)
			S_entry(c, t, &t->groups[k]);
		if (t->total != NULL)
			S_entry(c, t, t->total);
	}
	if (p->programme != NULL)
		S_plan(c, p->programme);
	if (p->previous != NULL)
		S_plan(c, p->previous);
}

void
fonts_check_plan(const struct plan *p, const char *const faces[FONTS_FACES],
    struct diags *d)
{
	struct check c = { .fs = fonts_new(faces), .d = d };

	S_plan(&c, p);
	fonts_free(c.fs);
}
