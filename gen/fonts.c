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

static const char *const fallback_files[FONTS_MAX - FONTS_FACES] = {
	DEJAVU "DejaVuSans.ttf",
	DEJAVU "DejaVuSans-Bold.ttf",
};

/* The fonts each face tries, in order, ended by -1: its own, the
 * template's faces it may borrow from, then the fallbacks.  DejaVu Sans
 * ends every chain, so what it or the template's regular face has, every
 * face draws. */
static const int chains[FONTS_FACES][FONTS_MAX + 1] = {
	{ 0, FB_SANS, -1 },
	{ 1, 0, FB_SANS_BOLD, FB_SANS, -1 },
	{ 2, 0, FB_SANS, -1 },
	{ 3, 1, 0, FB_SANS_BOLD, FB_SANS, -1 },
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

/* Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their
 * presentation forms: where FriBidi has work to do. */
static bool
S_rtl(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D &&
	    cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE);
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
	FriBidiParType base = FRIBIDI_PAR_ON;
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
		if (str[i] != FRIBIDI_CHAR_FILL)
			str[k++] = str[i];
	*n = (size_t)k;
	free(types);
	free(brackets);
	free(levels);
	free(joins);
	return str;
}

/* --- the check of a plan's texts --- */

struct check {
	struct fonts	*fs;
	struct diags	*d;
};

/* Line ends stay what they are: the readers make them blanks. */
static bool
S_drawable(struct fonts *fs, uint32_t cp)
{
	if (cp < 0x20)
		return true;
	return fonts_pick(fs, 0, cp) >= 0;
}

/* One error per text: the first character no font has, on its line
 * (first_line, counted on through the text's line ends). */
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

		if ((unsigned char)s[i] < 0x80) {
			line += s[i++] == '\n' && first_line > 0;
			continue;
		}
		cp = utf8_next(s, len, &i);
		if (!S_drawable(c->fs, cp)) {
			char *ex = text_excerpt(s);

			diag_error(c->d, file, line, "no font can draw the "
			    "character U+%04X in '%s'", (unsigned)cp, ex);
			free(ex);
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

static void
S_xml(struct check *c, const char *file, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		long line = xmlGetLineNo(n);
		int ln = line > 0 && line < 1000000000 ? (int)line : 0;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			S_text(c, file, ln, (const char *)n->content);
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
