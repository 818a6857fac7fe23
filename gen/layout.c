/* layout.c: pages from the document tree.  Blocks become boxes of fixed
 * height with their items; pagination places the boxes, honouring what
 * must stay together; then the items go onto pages with the running head
 * and foot. */
#include "layout.h"

#include <assert.h>
#include <libxml/hash.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "text.h"
#include "util.h"

#define MM		(72.0 / 25.4)
#define LEADING		1.4	/* line height / font size */
#define DEFAULT_TEXT	0x1A1A1A
#define RULE_GRAY	0xBBBBBB
#define INDENT		14.0	/* a list level, a davon level */
#define CELL_PAD	3.0
#define HYPH_MAX	32
#define FN_SIZE		8.0	/* footnotes at the foot of a page */
#define FN_RULE		9.0	/* the short rule above them, with its gap */

/* --- boxes --- */

/* A piece of a page of fixed height; items are placed relative to its
 * top (y downwards) until pagination fixes where the box stands. */
struct box {
	double		 h;
	double		 space;		/* above; dropped at the top of a page */
	bool		 keep_next;	/* no page break after this box */
	bool		 divisible;	/* a tall row: may be cut between lines */
	bool		 landscape;	/* goes on a landscape page */
	int		 table;		/* table number, -1 if none */
	int		 row;		/* 0: caption and head of the table */
	int		 anchor;	/* anchor set here, -1 if none */
	int		 block;		/* its block of the body, 1.. */
	/* Text may move up before a figure to fill a page. */
	enum { BK_OTHER, BK_TEXT, BK_FIGURE } kind;
	struct lay_page	 items;
	/* The notes of the footnotes whose marks the box (a line) holds:
	 * they go at the foot of its page, relative to their top here;
	 * each note's anchor and top. */
	struct lay_page	 notes;
	double		 notes_h;
	int		*fn_anchor;
	double		*fn_top;
	size_t		 nfn;
	int		 page;
	double		 top;
	double		 at;		/* y on its page before it */
};

struct boxes {
	struct box	*v;
	size_t		 n, cap;
};

struct ctx {
	const struct measure	*m;
	struct hyph		*hy;
	struct layout		*l;
	double			 x0, width;	/* text column */
	bool			 landscape;	/* boxes made for a landscape page */
	/* The structure: the element new blocks go into, the one text
	 * lines belong to, and the one a table's rows go into (0: none,
	 * an artifact, as in a repeated head). */
	int			 parent, tag, rows;
	size_t			 turned;	/* the first of them */
	struct boxes		*out;
	struct boxes		 heads;		/* a table's repeated head, by table */
	int			 ntables;
	int			 nblocks;
	const struct doc	*doc;
	xmlHashTablePtr		 ref_pages;	/* S_link_chunks */
};

/* The height of a page: a landscape page is an A4 page turned. */
static double
S_page_h(const struct lay_params *p, bool landscape)
{
	return landscape ? p->page_w : p->page_h;
}

/* The width of the text column. */
static double
S_text_w(const struct lay_params *p, bool landscape)
{
	return (landscape ? p->page_h : p->page_w) - p->margin_left -
	    p->margin_right;
}

static double
S_text_h(const struct lay_params *p, bool landscape)
{
	return S_page_h(p, landscape) - p->margin_top - p->margin_bottom;
}

static struct lay_item *
S_item(struct lay_page *p, enum lay_type type)
{
	struct lay_item *it;

	grow(&p->items, &p->cap, p->n + 1, sizeof(*p->items));
	it = &p->items[p->n++];
	memset(it, 0, sizeof(*it));
	it->type = type;
	it->target = -1;
	it->color = DEFAULT_TEXT;
	return it;
}

static void
S_page_free(struct lay_page *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].text);
		free(p->items[i].pts);
	}
	free(p->items);
}

static struct box *
S_box(struct boxes *b, double h, double space)
{
	struct box *x;

	grow(&b->v, &b->cap, b->n + 1, sizeof(*b->v));
	x = &b->v[b->n++];
	memset(x, 0, sizeof(*x));
	x->h = h;
	x->space = space;
	x->table = -1;
	x->anchor = -1;
	return x;
}

/* The last item of p first: a marker or a number, added after the text
 * it stands before, is read before it. */
static void
S_to_front(struct lay_page *p)
{
	struct lay_item last;

	if (p->n < 2)
		return;
	last = p->items[p->n - 1];
	memmove(&p->items[1], &p->items[0], (p->n - 1) * sizeof(*p->items));
	p->items[0] = last;
}

static void
S_text(struct lay_page *p, double x, double y, enum lay_font f, double size,
    unsigned color, const char *s, size_t len)
{
	struct lay_item *it = S_item(p, LI_TEXT);

	it->x = x;
	it->y = y;
	it->font = f;
	it->size = size;
	it->color = color;
	it->text = xstrndup(s, len);
}

static void
S_rule(struct lay_page *p, double x1, double y, double x2, double width,
    unsigned color)
{
	struct lay_item *it = S_item(p, LI_LINE);

	it->x = x1;
	it->y = y;
	it->w = x2;
	it->h = y;
	it->size = width;
	it->color = color;
}

static void
S_fill(struct lay_page *p, double x, double y, double w, double h,
    unsigned color)
{
	struct lay_item *it = S_item(p, LI_RECT);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->color = color;
}

static int
S_anchor(struct layout *l, const char *id, const char *title, int level)
{
	struct lay_anchor *a;

	grow(&l->anchors, &l->capanchors, l->nanchors + 1, sizeof(*a));
	a = &l->anchors[l->nanchors];
	a->id = xstrdup(id != NULL ? id : "");
	a->title = xstrdup(title != NULL ? title : "");
	a->level = level;
	a->page = 0;
	a->y = 0;
	return (int)l->nanchors++;
}

/* A new element of the structure under parent; its number. */
static int
S_elem(struct ctx *c, enum lay_role role, int parent)
{
	struct layout *l = c->l;

	while (parent > 0 && l->elems[parent].cont != 0)
		parent = l->elems[parent].cont;
	if (parent > 0 && l->elems[parent].nkids >= LAY_ELEM_KIDS) {
		int gp = l->elems[parent].parent, cont = gp > 0 ?
		    S_elem(c, l->elems[parent].role, gp) :
		    S_elem(c, LR_DIV, parent);

		l->elems[parent].cont = cont;
		parent = cont;
	}
	if (parent > 0)
		l->elems[parent].nkids++;
	grow(&l->elems, &l->capelems, l->nelems + 1, sizeof(*l->elems));
	l->elems[l->nelems] = (struct lay_elem){ .role = role,
	    .parent = parent };
	return (int)l->nelems++;
}

/* Gives the items of p from index from on that belong to no element yet
 * the element e: text only, or with all, the graphics too (a figure). */
static void
S_claim_items(struct lay_page *p, size_t from, int e, bool all)
{
	for (size_t i = from; i < p->n; i++)
		if (p->items[i].elem == 0 && (all || p->items[i].type ==
		    LI_TEXT || p->items[i].type == LI_LINK))
			p->items[i].elem = e;
}

/* The same for the boxes of the flow from first on. */
static void
S_claim(struct ctx *c, size_t first, int e, bool all)
{
	for (size_t i = first; i < c->out->n; i++)
		S_claim_items(&c->out->v[i].items, 0, e, all);
}

/* The isolate marks around a figure (S_put_figure) take no room,
 * whatever the device makes of them: they are measured as nothing. */
static double
S_w(const struct ctx *c, enum lay_font f, double size, const char *s,
    size_t len)
{
	double w = 0;
	size_t i = 0, start = 0;

	for (; i + 3 <= len; i++)
		if (memcmp(s + i, "\xE2\x81\xA6", 3) == 0 ||
		    memcmp(s + i, "\xE2\x81\xA9", 3) == 0) {
			if (i > start)
				w += c->m->width(c->m->ctx, f, size, s + start,
				    i - start);
			start = i + 3;
			i += 2;
		}
	if (len > start)
		w += c->m->width(c->m->ctx, f, size, s + start, len - start);
	return w;
}

/* --- words and lines --- */

/* A run of text without a break opportunity inside, except hyphenation
 * points of a single word. */
struct chunk {
	const char	*s;
	size_t		 len;
	enum lay_font	 font;
	bool		 space_before;
	bool		 whole;		/* never broken (a figure, a head word) */
	bool		 figure;	/* a figure: isolated for the bidi order */
	bool		 newline;	/* a forced break before it */
	bool		 glue;		/* no break before it (S_glue) */
	bool		 ragged;	/* hyphenated only where it does not
					   fit a line of its own (a cell) */
	int		 link;		/* link number, -1 none */
};

struct chunks {
	struct chunk	*v;
	size_t		 n, cap;
	char		**links;	/* hrefs, by link number */
	size_t		 nlinks, caplinks;
	/* By link number, the footnote a link is the mark of, else NULL;
	 * the marks' texts. */
	const struct doc_node **fn;
	size_t		 capfn;
	char		**own;
	size_t		 nown, capown;
	const struct doc_node **refs;	/* the <ref> of a link, or NULL */
	size_t		 caprefs;
	xmlHashTablePtr	 ref_pages;	/* S_ref_key -> " auf Seite 12" */
};

struct seg {
	char		*text;
	enum lay_font	 font;
	double		 x, w;
	int		 link;
};

struct line {
	struct seg	*segs;
	size_t		 n, cap;
	double		 width;
	bool		 hyphen;	/* ends in a hyphen the break added */
	bool		 blank;		/* broken at a blank (or a forced
					   break): words end there */
};

struct lines {
	struct line	*v;
	size_t		 n, cap;
};

static void
S_chunk(struct chunks *cs, const char *s, size_t len, enum lay_font f,
    bool space, bool whole, int link)
{
	struct chunk *c;

	grow(&cs->v, &cs->cap, cs->n + 1, sizeof(*cs->v));
	c = &cs->v[cs->n++];
	*c = (struct chunk){ .s = s, .len = len, .font = f,
	    .space_before = space, .whole = whole, .link = link };
}

static enum lay_font
S_font_with(enum lay_font f, enum doc_type t)
{
	if (t == DOC_EMPH)
		return f == LF_BOLD || f == LF_BOLD_ITALIC ? LF_BOLD_ITALIC :
		    LF_ITALIC;
	return f == LF_ITALIC || f == LF_BOLD_ITALIC ? LF_BOLD_ITALIC :
	    LF_BOLD;
}

/* A unit stays on the line of its number: "825.795 €", "2,1 %". */
static bool
S_unit(const char *s, size_t n)
{
	return (n == 3 && strncmp(s, "\xE2\x82\xAC", 3) == 0) ||
	    (n == 1 && *s == '%') || (n >= 1 && *s == '%' && strchr(".,;:)",
	    s[1]) != NULL) || (n >= 3 && strncmp(s, "\xE2\x82\xAC", 3) == 0 &&
	    strchr(".,;:)", s[3]) != NULL);
}

/* Whether no line may break between chunk a and chunk b that follows
 * it: "§ 16", "SGB II", "ALG I", "− 5", "3.254 €", "16,7 %", and never
 * before punctuation (the "." after an inserted figure). */
static bool
S_glued(const struct chunk *a, const struct chunk *b)
{
	if (b->newline || b->len == 0 || a->len == 0)
		return false;
	if (!b->space_before || strchr(".,;:!?)", b->s[0]) != NULL)
		return true;
	return text_no_break(a->s, a->len, b->s, b->len);
}

/* Marks the chunks no line may break before. */
static void
S_glue(struct chunks *cs)
{
	for (size_t i = 1; i < cs->n; i++)
		cs->v[i].glue = S_glued(&cs->v[i - 1], &cs->v[i]);
}

/* The width of chunk i and the chunks glued to it; *end is the first
 * chunk after them. */
static double
S_group_width(const struct ctx *c, const struct chunks *cs, size_t i,
    double size, size_t *end)
{
	double w = S_w(c, cs->v[i].font, size, cs->v[i].s, cs->v[i].len);
	size_t j = i + 1;

	for (; j < cs->n && cs->v[j].glue; j++)
		w += S_w(c, cs->v[j].font, size, cs->v[j].s, cs->v[j].len) +
		    (cs->v[j].space_before ? S_w(c, cs->v[j].font, size, " ",
		    1) : 0);
	*end = j;
	return w;
}

/* Splits text at blanks; space tells whether a blank came before. */
static void
S_split(struct chunks *cs, const char *s, enum lay_font f, int link,
    bool *space)
{
	const char *start = s;

	while (*s != '\0') {
		size_t n;
		struct chunk *prev = cs->n > 0 ? &cs->v[cs->n - 1] : NULL;

		if (*s == ' ') {
			*space = true;
			s++;
			continue;
		}
		n = strcspn(s, " ");
		if (prev != NULL && s - 1 > start && prev->s + prev->len == s - 1 &&
		    S_unit(s, n))
			prev->len += n + 1;
		else
			S_chunk(cs, s, n, f, *space, false, link);
		*space = false;
		s += n;
	}
}

static void S_inline(struct chunks *, const struct doc_node *, enum lay_font,
    int, bool *);
static char *S_superscript(size_t);

/* A new link number for href; fn: the footnote it marks, ref: the <ref>
 * it is, or NULL. */
static int
S_link(struct chunks *cs, char *href, const struct doc_node *fn,
    const struct doc_node *ref)
{
	grow(&cs->links, &cs->caplinks, cs->nlinks + 1, sizeof(*cs->links));
	grow(&cs->fn, &cs->capfn, cs->nlinks + 1, sizeof(*cs->fn));
	grow(&cs->refs, &cs->caprefs, cs->nlinks + 1, sizeof(*cs->refs));
	cs->links[cs->nlinks] = href;
	cs->fn[cs->nlinks] = fn;
	cs->refs[cs->nlinks] = ref;
	return (int)cs->nlinks++;
}

/* A footnote's mark: its number raised, glued to the word before it,
 * a link to the note. */
static void
S_fn_mark(struct chunks *cs, const struct doc_node *fn, bool *space)
{
	char *mark = S_superscript((size_t)strtoul(fn->number, NULL, 10)),
	    *href = xasprintf("#%s", fn->id);

	grow(&cs->own, &cs->capown, cs->nown + 2, sizeof(*cs->own));
	cs->own[cs->nown++] = mark;
	cs->own[cs->nown++] = href;
	S_chunk(cs, mark, strlen(mark), LF_REGULAR, false, true,
	    S_link(cs, href, fn, NULL));
	*space = false;
}

/* The key of a <ref>'s link in the pages of the pass before. */
static void
S_ref_key(const struct doc_node *n, char key[32])
{
	snprintf(key, 32, "%p", (const void *)n);
}

/* A link's text; a <ref>'s followed by the page of its target where that
 * is another page, as the pass before found them (layout_build). */
static void
S_link_chunks(struct chunks *cs, const struct doc_node *n, enum lay_font f,
    bool *space)
{
	int k = S_link(cs, n->id, NULL, n->flags & DOC_REF ? n : NULL);
	const char *page;
	char key[32];

	S_inline(cs, n, f, k, space);
	if (!(n->flags & DOC_REF) || cs->ref_pages == NULL)
		return;
	S_ref_key(n, key);
	if ((page = xmlHashLookup(cs->ref_pages, (xmlChar *)key)) != NULL)
		S_split(cs, page, f, k, space);
}

/* The inline nodes from first up to stop (NULL: to the end). */
static void
S_inline_run(struct chunks *cs, const struct doc_node *first,
    const struct doc_node *stop, enum lay_font f, int link, bool *space)
{
	for (const struct doc_node *n = first; n != stop; n = n->next) {
		switch (n->type) {
		case DOC_TEXT:
			S_split(cs, n->text, f, link, space);
			break;
		case DOC_FIGURE:
			S_chunk(cs, n->text, strlen(n->text), f, *space, true, link);
			cs->v[cs->n - 1].figure = true;
			*space = false;
			break;
		case DOC_BREAK:
			S_chunk(cs, "", 0, f, false, true, link);
			cs->v[cs->n - 1].newline = true;
			break;
		case DOC_EMPH:
		case DOC_STRONG:
			S_inline(cs, n, S_font_with(f, n->type), link, space);
			break;
		case DOC_LINK:
			S_link_chunks(cs, n, f, space);
			break;
		case DOC_FOOTNOTE:
			S_fn_mark(cs, n, space);
			break;
		default:
			break;
		}
	}
}

static void
S_inline(struct chunks *cs, const struct doc_node *parent, enum lay_font f,
    int link, bool *space)
{
	S_inline_run(cs, parent->first, NULL, f, link, space);
}

static void
S_chunks_free(struct chunks *cs)
{
	free(cs->v);
	free(cs->links);
	free(cs->fn);
	for (size_t i = 0; i < cs->nown; i++)
		free(cs->own[i]);
	free(cs->own);
	free(cs->refs);
}

static struct line *
S_new_line(struct lines *ls)
{
	grow(&ls->v, &ls->cap, ls->n + 1, sizeof(*ls->v));
	memset(&ls->v[ls->n], 0, sizeof(ls->v[0]));
	return &ls->v[ls->n++];
}

/* Adds text of width w to the line, joining it to the last segment of
 * the same font and link. */
static void
S_put_w(const struct ctx *c, struct line *ln, const char *s, size_t len,
    double w, enum lay_font f, int link, bool space, double size)
{
	struct seg *sg = ln->n > 0 ? &ln->segs[ln->n - 1] : NULL;
	double sw = space ? S_w(c, f, size, " ", 1) : 0;

	if (sg != NULL && sg->font == f && sg->link == link) {
		size_t old = strlen(sg->text);

		sg->text = xreallocarray(sg->text, old + len + 2, 1);
		if (space)
			sg->text[old++] = ' ';
		memcpy(sg->text + old, s, len);
		sg->text[old + len] = '\0';
		sg->w += sw + w;
	} else {
		grow(&ln->segs, &ln->cap, ln->n + 1, sizeof(*ln->segs));
		sg = &ln->segs[ln->n++];
		sg->x = ln->width + sw;
		sg->w = w;
		sg->font = f;
		sg->link = link;
		sg->text = xstrndup(s, len);
	}
	ln->width += sw + w;
}

static void
S_put(const struct ctx *c, struct line *ln, const char *s, size_t len,
    enum lay_font f, int link, bool space, double size)
{
	S_put_w(c, ln, s, len, S_w(c, f, size, s, len), f, link, space, size);
}

/* A figure goes into the line between LRI and PDI (U+2066, U+2069): the
 * PDF orders each line by the bidi algorithm, and a figure after
 * right-to-left text would take its direction ("740.186-").  The marks
 * are not measured; pdf.c draws them as nothing. */
static void
S_put_figure(const struct ctx *c, struct line *ln, const char *s,
    size_t len, enum lay_font f, int link, bool space, double size)
{
	char *iso = xasprintf("\xE2\x81\xA6%.*s\xE2\x81\xA9", (int)len, s);

	S_put_w(c, ln, iso, strlen(iso), S_w(c, f, size, s, len), f, link,
	    space, size);
	free(iso);
}

/* pos moved forward onto the start of a character (or the end). */
static size_t
S_boundary(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* The longest head of s, ending on a character, not wider than room.
 * Galloping, then bisecting over prefix widths: a word of n bytes costs
 * about n log n to cut, never n squared (a URL in a narrow column). */
static size_t
S_fit(const struct ctx *c, enum lay_font f, double size, const char *s,
    size_t len, double room)
{
	size_t lo = 0, hi, step = 16;

	for (;;) {
		hi = S_boundary(s, len, lo + step);
		if (!(S_w(c, f, size, s, hi) <= room))
			break;
		lo = hi;
		if (hi == len)
			return len;
		step *= 2;
	}
	for (;;) {	/* lo fits, hi does not */
		size_t mid = S_boundary(s, len, lo + (hi - lo) / 2);

		if (mid <= lo)
			mid = S_boundary(s, len, lo + 1);
		if (mid >= hi)
			return lo;
		if (S_w(c, f, size, s, mid) <= room)
			lo = mid;
		else
			hi = mid;
	}
}

/* The longest hyphenated head of the chunk that fits in room, as a byte
 * count (0: none).  Only plain words; the letters of a word ending in
 * punctuation are hyphenated all the same. */
static size_t
S_hyphen_head(const struct ctx *c, const struct chunk *ch, double room,
    double size)
{
	size_t pos[HYPH_MAX], n, best = 0, letters = ch->len, fit;

	if (ch->whole || c->hy == NULL)
		return 0;
	while (letters > 0 && strchr(".,;:!?)\"", ch->s[letters - 1]) != NULL)
		letters--;
	/* No head longer than what fits without its dash. */
	fit = S_fit(c, ch->font, size, ch->s, ch->len, room);
	n = hyph_points(c->hy, ch->s, letters, pos, HYPH_MAX);
	for (size_t i = n; i-- > 0 && best == 0; ) {
		char *head;

		if (pos[i] > fit)
			continue;
		head = xasprintf("%.*s-", (int)pos[i], ch->s);
		if (S_w(c, ch->font, size, head, pos[i] + 1) <= room)
			best = pos[i];
		free(head);
	}
	/* A word already holding a hyphen breaks after it too. */
	for (size_t i = fit < letters ? fit : letters; i-- > 1; )
		if (ch->s[i] == '-' && i + 1 < letters && i + 1 > best &&
		    i + 1 <= fit) {
			best = i + 1;
			break;
		}
	return best;
}

/* Where a chunk wider than a whole line must be cut: as many whole
 * characters as fit, at least one. */
static size_t
S_force_cut(const struct ctx *c, const struct chunk *ch, double room,
    double size)
{
	size_t cut = S_fit(c, ch->font, size, ch->s, ch->len, room);

	return cut > 0 ? cut : S_boundary(ch->s, ch->len, 1);
}

/* First fit, with hyphenation where a word does not fit and the line
 * would otherwise stay loose (or the word is longer than a line). */
static void
S_break(const struct ctx *c, struct chunks *cs, double width,
    double size, struct lines *out)
{
	struct line *ln = S_new_line(out);
	size_t group_end = 0;

	S_glue(cs);

	for (size_t i = 0; i < cs->n; i++) {
		struct chunk ch = cs->v[i];

		if (ch.newline) {
			ln->blank = true;
			ln = S_new_line(out);
			continue;
		}
		/* Glued chunks go to the next line together, unless together
		 * they are wider than a line: then they break as words. */
		if (i >= group_end) {
			double gw = S_group_width(c, cs, i, size, &group_end);
			double sw = ch.space_before && ln->n > 0 ?
			    S_w(c, ch.font, size, " ", 1) : 0;

			if (group_end > i + 1 && ln->n > 0 &&
			    ln->width + sw + gw > width + 0.01 && gw <= width) {
				ln->blank = ch.space_before;
				ln = S_new_line(out);
			}
		}
		for (;;) {
			bool space = ch.space_before && ln->n > 0;
			double sw = space ? S_w(c, ch.font, size, " ", 1) : 0;
			double room = width - ln->width - sw;
			size_t cut;

			/* A little slack: sums and differences of widths
			 * need not round alike. */
			if (S_fit(c, ch.font, size, ch.s, ch.len, room + 0.01) ==
			    ch.len) {
				(ch.figure ? S_put_figure : S_put)(c, ln, ch.s,
				    ch.len, ch.font, ch.link, space, size);
				break;
			}
			cut = (ln->width < 0.85 * width && !ch.ragged) ||
			    ln->n == 0 ? S_hyphen_head(c, &ch, room, size) : 0;
			if (cut > 0) {
				bool dash = ch.s[cut - 1] != '-';

				S_put(c, ln, ch.s, cut, ch.font, ch.link, space, size);
				if (dash)
					S_put(c, ln, "-", 1, ch.font, ch.link, false,
					    size);
				ln->hyphen = dash;
			} else if (ln->n == 0) {
				cut = S_force_cut(c, &ch, width, size);
				S_put(c, ln, ch.s, cut, ch.font, ch.link, false,
				    size);
			}
			if (cut >= ch.len && ln->n > 0)
				break;
			ch.s += cut;
			ch.len -= cut;
			ch.space_before = cut == 0 && ch.space_before;
			ln->blank = ch.space_before;
			ln = S_new_line(out);
		}
	}
}

static void
S_lines_free(struct lines *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		for (size_t k = 0; k < ls->v[i].n; k++)
			free(ls->v[i].segs[k].text);
		free(ls->v[i].segs);
	}
	free(ls->v);
	memset(ls, 0, sizeof(*ls));
}

/* Lines as a reader extracts them: a line broken at a blank ends in one
 * (with more, the last line too: text follows), a hyphen the break added
 * is a soft hyphen (U+00AD, drawn as the hyphen), a word cut or broken
 * after its own hyphen goes on without either, so that text and speech
 * get whole words. */
static void
S_mark_breaks(struct lines *ls, bool more)
{
	for (size_t i = 0; i + (more ? 0 : 1) < ls->n; i++) {
		struct seg *sg = ls->v[i].n > 0 ? &ls->v[i].segs[ls->v[i].n - 1] :
		    NULL;
		size_t len;
		char *t;

		if (sg == NULL)
			continue;
		len = strlen(sg->text);
		if (ls->v[i].hyphen && len > 0 && sg->text[len - 1] == '-')
			t = xasprintf("%.*s\xC2\xAD", (int)(len - 1), sg->text);
		else if (ls->v[i].blank || i + 1 == ls->n)
			t = xasprintf("%s ", sg->text);
		else
			continue;
		free(sg->text);
		sg->text = t;
	}
}

char **
layout_break_text(const char *text, double width, double size,
    const struct measure *m, struct hyph *h, size_t *nlines)
{
	struct ctx c = { .m = m, .hy = h };
	struct chunks cs = { 0 };
	struct lines ls = { 0 };
	bool space = false;
	char **v;

	S_split(&cs, text, LF_REGULAR, -1, &space);
	S_break(&c, &cs, width, size, &ls);
	v = xcalloc(ls.n + 1, sizeof(*v));
	for (size_t i = 0; i < ls.n; i++) {
		struct buf b;

		buf_init(&b);
		for (size_t k = 0; k < ls.v[i].n; k++)
			buf_printf(&b, "%s%s", k ? " " : "", ls.v[i].segs[k].text);
		v[i] = buf_detach(&b);
	}
	*nlines = ls.n;
	S_lines_free(&ls);
	S_chunks_free(&cs);
	return v;
}

/* --- text blocks --- */

static double
S_ascent(double size)
{
	return size * (0.8 + (LEADING - 1) / 2);
}

/* Links over a line's segments; "#id" is resolved when pages are made.
 * Each link is an element of its own under the line's (made when first
 * met, in le by link number), its text and its annotation in it. */
static void
S_line_links(struct ctx *c, struct lay_page *p, const struct line *ln,
    const struct chunks *cs, double x, double h, int *le)
{
	/* The line's texts, one a segment, before the links added here. */
	size_t first = p->n - ln->n;

	for (size_t k = 0; k < ln->n; k++) {
		const struct seg *sg = &ln->segs[k];
		struct lay_item *it;

		if (sg->link < 0 || cs->links[sg->link] == NULL)
			continue;
		if (le[sg->link] == 0 && c->tag != 0)
			le[sg->link] = S_elem(c, LR_LINK, c->tag);
		p->items[first + k].elem = le[sg->link];
		it = S_item(p, LI_LINK);
		it->x = x + sg->x;
		it->y = 0;
		it->w = sg->w;
		it->h = h;
		it->text = xstrdup(cs->links[sg->link]);
		it->elem = le[sg->link];
		it->ref = cs->refs != NULL ? cs->refs[sg->link] : NULL;
	}
}

/* --- footnotes --- */

static void S_line_boxes(struct ctx *, struct lines *, const struct chunks *,
    double, double, unsigned, double);

/* Item it moved down by dy. */
static void
S_move_item(struct lay_item *it, double dy)
{
	it->y += dy;
	if (it->type == LI_LINE)
		it->h += dy;
	for (int k = 0; k < it->npts; k++)
		it->pts[2 * k + 1] += dy;
}

/* The note of footnote fn, "³ Text", across the text column in small
 * print, as line boxes at the end of to, the first with the note's
 * anchor: a Note element in the structure under the element of the
 * mark's line, read after that line. */
static void
S_fn_note(struct ctx *c, const struct doc_node *fn, struct boxes *to)
{
	struct boxes *save = c->out;
	struct chunks cs = { 0 };
	struct lines ls = { 0 };
	int tag = c->tag;
	bool blank = true;
	char *mark = S_superscript((size_t)strtoul(fn->number, NULL, 10));
	size_t first = to->n;

	c->tag = S_elem(c, LR_NOTE, tag != 0 ? tag : c->parent);
	c->out = to;
	S_chunk(&cs, mark, strlen(mark), LF_REGULAR, false, true, -1);
	S_inline(&cs, fn, LF_REGULAR, -1, &blank);
	S_break(c, &cs, c->width, FN_SIZE, &ls);
	S_line_boxes(c, &ls, &cs, c->x0, FN_SIZE, c->l->p.text, 0);
	c->out = save;
	c->tag = tag;
	to->v[first].anchor = S_anchor(c->l, fn->id, fn->alt, 0);
	S_lines_free(&ls);
	S_chunks_free(&cs);
	free(mark);
}

/* The note lines in notes as the notes of box b, one under the other. */
static void
S_fn_to_foot(struct box *b, struct boxes *notes)
{
	for (size_t k = 0; k < notes->n; k++) {
		struct box *n = &notes->v[k];

		if (n->anchor >= 0) {
			b->fn_anchor = xreallocarray(b->fn_anchor, b->nfn + 1,
			    sizeof(*b->fn_anchor));
			b->fn_top = xreallocarray(b->fn_top, b->nfn + 1,
			    sizeof(*b->fn_top));
			b->fn_anchor[b->nfn] = n->anchor;
			b->fn_top[b->nfn++] = b->notes_h;
		}
		for (size_t j = 0; j < n->items.n; j++) {
			struct lay_item *it = S_item(&b->notes, LI_TEXT);

			*it = n->items.items[j];
			S_move_item(it, b->notes_h);
		}
		n->items.n = 0;
		b->notes_h += n->h;
		S_page_free(&n->items);
	}
}

/* The notes of the footnotes marked in line ln, box i: at the foot of
 * its page, or, where they would not fit on a page with it (a template's
 * small text area), in the text after it, in small print. */
static void
S_fn_notes(struct ctx *c, size_t i, const struct line *ln,
    const struct chunks *cs)
{
	struct boxes notes = { 0 };
	double h = 0;

	for (size_t k = 0; cs != NULL && k < ln->n; k++)
		if (ln->segs[k].link >= 0 && cs->fn[ln->segs[k].link] != NULL)
			S_fn_note(c, cs->fn[ln->segs[k].link], &notes);
	for (size_t k = 0; k < notes.n; k++)
		h += notes.v[k].h;
	if (notes.n > 0 && c->out->v[i].h + FN_RULE + h <=
	    S_text_h(&c->l->p, c->landscape))
		S_fn_to_foot(&c->out->v[i], &notes);
	else
		for (size_t k = 0; k < notes.n; k++) {
			struct box *b = S_box(c->out, 0, 0);

			*b = notes.v[k];
			b->space = k == 0 ? 3 : 0;
		}
	free(notes.v);
}

/* One box per line, at least one; the first two and the last two lines
 * of a block stay together (no orphans, no widows).  No pointer to a box
 * is returned: the next box may move them all. */
static void
S_line_boxes(struct ctx *c, struct lines *ls, const struct chunks *cs,
    double x, double size, unsigned color, double space)
{
	double lh = size * LEADING;
	int *le = cs != NULL ? xcalloc(cs->nlinks + 1, sizeof(int)) : NULL;

	S_mark_breaks(ls, false);
	for (size_t i = 0; i < ls->n; i++) {
		struct box *b = S_box(c->out, lh, i == 0 ? space : 0);
		const struct line *ln = &ls->v[i];

		for (size_t k = 0; k < ln->n; k++) {
			S_text(&b->items, x + ln->segs[k].x, S_ascent(size),
			    ln->segs[k].font, size, ln->segs[k].link >= 0 ?
			    c->l->p.accent : color, ln->segs[k].text,
			    strlen(ln->segs[k].text));
			b->items.items[b->items.n - 1].elem = c->tag;
		}
		if (cs != NULL)
			S_line_links(c, &b->items, ln, cs, x, lh, le);
		b->keep_next = (i == 0 && ls->n > 1) ||
		    (ls->n >= 2 && i == ls->n - 2);
		S_fn_notes(c, c->out->n - 1, ln, cs);
	}
	if (ls->n == 0)
		S_box(c->out, 0, space);
	free(le);
}

/* The inline nodes from first up to stop (NULL: to the end) broken at
 * width, as boxes. */
static void
S_text_run(struct ctx *c, const struct doc_node *first,
    const struct doc_node *stop, double x, double width, double size,
    enum lay_font f, unsigned color, double space)
{
	struct chunks cs = { 0 };
	struct lines ls = { 0 };
	bool blank = false;

	cs.ref_pages = c->ref_pages;
	S_inline_run(&cs, first, stop, f, -1, &blank);
	S_break(c, &cs, width, size, &ls);
	S_line_boxes(c, &ls, &cs, x, size, color, space);
	S_lines_free(&ls);
	S_chunks_free(&cs);
}

static void
S_text_block(struct ctx *c, const struct doc_node *n, double x, double width,
    double size, enum lay_font f, unsigned color, double space)
{
	S_text_run(c, n->first, NULL, x, width, size, f, color, space);
}

/* Plain text broken at width, as boxes. */
static void
S_plain(struct ctx *c, const char *text, double x, double width, double size,
    enum lay_font f, unsigned color, double space)
{
	struct chunks cs = { 0 };
	struct lines ls = { 0 };
	bool blank = false;

	S_split(&cs, text, f, -1, &blank);
	S_break(c, &cs, width, size, &ls);
	S_line_boxes(c, &ls, NULL, x, size, color, space);
	S_lines_free(&ls);
	S_chunks_free(&cs);
}

/* Plain text broken at blanks only: headings and titles are not
 * hyphenated. */
static void
S_plain_words(struct ctx *c, const char *text, double x, double width,
    double size, enum lay_font f, unsigned color, double space)
{
	struct hyph *hy = c->hy;

	c->hy = NULL;
	S_plain(c, text, x, width, size, f, color, space);
	c->hy = hy;
}

/* The widest word of s: the narrowest a wrapping column may be, and
 * into *line the width of s on one line. */
static double
S_widest_word(const struct ctx *c, const char *s, enum lay_font f, double size,
    double *line)
{
	double best = 0;

	*line = S_w(c, f, size, s, strlen(s));
	while (*s != '\0') {
		size_t n = strcspn(s, " ");
		double w = S_w(c, f, size, s, n);

		best = w > best ? w : best;
		s += n + (s[n] == ' ');
	}
	return best;
}

/* The narrowest width up to width at which text takes no more lines
 * than at width, so that its lines come out of about equal length
 * ("Arbeitsmarkt- und / Integrationsprogramm 2017"). */
static double
S_balanced_width(struct ctx *c, const char *text, double width, double size,
    enum lay_font f)
{
	struct hyph *hy = c->hy;
	double line, word = S_widest_word(c, text, f, size, &line);
	double lo = word > width / 2 ? word : width / 2, hi = width;
	size_t want = 0;

	c->hy = NULL;
	for (int k = 0; k < 16; k++) {
		double w = k == 0 ? width : (lo + hi) / 2;
		struct chunks cs = { 0 };
		struct lines ls = { 0 };
		bool blank = false;
		size_t n;

		S_split(&cs, text, f, -1, &blank);
		S_break(c, &cs, w, size, &ls);
		n = ls.n;
		S_lines_free(&ls);
		S_chunks_free(&cs);
		if (k == 0)
			want = n;
		else if (n <= want)
			hi = w;
		else
			lo = w;
	}
	c->hy = hy;
	return hi;
}

/* Each item's marker as the tree decided it, right-aligned before the
 * text; the item's text before, between and after its nested lists in
 * their order. */
static void
S_list(struct ctx *c, const struct doc_node *list, double x, double width)
{
	double size = c->l->p.font_size, gap = size * 0.4, ind = INDENT, in;
	int parent = c->parent, l;

	for (const struct doc_node *it = list->first; it != NULL; it = it->next)
		if (it->number != NULL) {
			double w = S_w(c, LF_REGULAR, size, it->number,
			    strlen(it->number));

			ind = w + gap > ind ? w + gap : ind;
		}
	/* Lists nested deeper than two thirds of the line indent no more
	 * (their text would leave the page): a deeper list stands as its
	 * parent. */
	in = width - ind >= c->width / 3 ? ind : 0;
	l = S_elem(c, LR_L, c->parent);
	for (const struct doc_node *it = list->first; it != NULL;
	    it = it->next) {
		size_t before = c->out->n;
		const struct doc_node *run = it->first;
		int li = S_elem(c, LR_LI, l), lbl = it->number != NULL ?
		    S_elem(c, LR_LBL, li) : 0, body = S_elem(c, LR_LBODY, li);

		for (const struct doc_node *n = it->first; ; n = n->next) {
			if (n != NULL && n->type != DOC_LIST)
				continue;
			c->tag = body;
			if (run != n || (n == NULL && c->out->n == before))
				S_text_run(c, run, n, x + ind, width - ind,
				    size, LF_REGULAR, c->l->p.text, 3);
			c->tag = 0;
			if (n == NULL)
				break;
			c->parent = body;
			S_list(c, n, x + in, width - in);
			c->parent = parent;
			run = n->next;
		}
		if (it->number != NULL && c->out->n > before) {
			struct lay_page *p = &c->out->v[before].items;

			S_text(p, x + ind - gap - S_w(c, LF_REGULAR, size,
			    it->number, strlen(it->number)), S_ascent(size),
			    LF_REGULAR, size, c->l->p.text, it->number,
			    strlen(it->number));
			p->items[p->n - 1].elem = lbl;
			S_to_front(p);
		}
	}
}

static void
S_heading(struct ctx *c, const struct doc_node *s)
{
	static const double sizes[] = { 0, 15, 12.5, 11, 10.5, 10.5, 10.5, 10.5 };
	double size = sizes[s->level < 7 ? s->level : 7];
	char *title = xasprintf("%s %s", s->number, s->text);
	size_t first = c->out->n;

	c->tag = S_elem(c, LR_H, c->parent);
	c->l->elems[c->tag].level = s->level + 1 < 6 ? s->level + 1 : 6;
	S_plain_words(c, title, c->x0, c->width, size, LF_BOLD,
	    c->l->p.accent, s->level == 1 ? 22 : 14);
	/* A heading stays with what follows it. */
	for (size_t i = first; i < c->out->n; i++)
		c->out->v[i].keep_next = true;
	c->out->v[first].anchor = S_anchor(c->l, s->id, title, s->level);
	c->tag = 0;
	free(title);
}

/* --- tables --- */

#define TABLE_SIZES	2
#define NOTE_SIZE	7.0	/* notes in cells: never smaller */

struct tcol {
	double		 w;
	double		 tail;		/* widest figure part from its comma on */
	bool		 num;
	bool		 cut;		/* too narrow: numbers wrap too */
};

static enum lay_font
S_row_font(const struct doc_node *r, const struct doc_node *cell)
{
	if (r->flags & (DOC_ROW_HEAD | DOC_ROW_GROUP | DOC_ROW_TOTAL))
		return LF_BOLD;
	if (r->flags & DOC_ROW_LABEL)
		return LF_ITALIC;
	/* A subset's label in italics, as on the web page. */
	if ((r->flags & DOC_ROW_DARUNTER) && cell == r->first)
		return LF_ITALIC;
	return LF_REGULAR;
}

/* A figure a number cell shows: it holds a digit and no word (a
 * note written into a number cell, "Kalkulation auf Basis ...", wraps
 * like text instead of widening its column to one long line). */
static bool
S_figure(const struct doc_node *r, const struct doc_node *x)
{
	bool digit = false;
	int letters = 0;

	if (!(x->flags & DOC_CELL_NUM) || (r->flags & DOC_ROW_HEAD))
		return false;
	for (const char *s = x->text; *s != '\0'; s++) {
		bool alpha = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');

		digit |= *s >= '0' && *s <= '9';
		letters = alpha ? letters + 1 : 0;
		if (letters > 3)
			return false;
	}
	return digit;
}

/* The byte where a figure's decimal comma stands, or where it would
 * stand: after its last digit.  Figures of a column line up there. */
static size_t
S_decimal(const char *s)
{
	size_t n = strlen(s), at = n;

	for (size_t i = 0; i < n; i++) {
		bool d = s[i] >= '0' && s[i] <= '9';

		if (s[i] == ',' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
		    s[i + 1] >= '0' && s[i + 1] <= '9')
			return i;
		if (d)
			at = i + 1;
	}
	return at;
}


/* The preferred (longest line) and the least width (longest unbreakable
 * piece: a word, a whole figure) of every column at size, as CSS's
 * automatic table layout measures them; figures are measured as they
 * stand aligned on their comma. */
static void
S_col_widths(const struct ctx *c, const struct doc_node *t, struct tcol *col,
    size_t ncol, double size, double *natural, double *minw)
{
	double *head = xcalloc(ncol + 1, sizeof(double));

	for (size_t j = 0; j < ncol; j++) {
		natural[j] = minw[j] = 0;
		col[j].tail = 0;
	}
	for (const struct doc_node *r = t->first; r != NULL; r = r->next) {
		size_t j = 0;

		for (const struct doc_node *x = r->first; x != NULL && j < ncol;
		    x = x->next, j++) {
			enum lay_font f = S_row_font(r, x);
			double indent = j == 0 ? r->level * INDENT / 1.5 : 0;
			double w, mw, nw = 0, nmw = 0;

			col[j].num |= (x->flags & DOC_CELL_NUM) != 0;
			if (S_figure(r, x)) {
				size_t at = S_decimal(x->text);
				double hw = S_w(c, f, size, x->text, at);
				double tw = S_w(c, f, size, x->text + at,
				    strlen(x->text + at));

				head[j] = hw > head[j] ? hw : head[j];
				col[j].tail = tw > col[j].tail ? tw : col[j].tail;
				w = mw = hw + tw;
			} else {
				mw = S_widest_word(c, x->text, f, size, &w);
				/* A word longer than a third of a line (a URL)
				 * is cut rather than widen its column. */
				if (mw > c->width / 3)
					mw = c->width / 3;
			}
			/* A note wraps under its figure: only its widest
			 * word widens the column. */
			if (x->note != NULL)
				nmw = S_widest_word(c, x->note, LF_REGULAR,
				    NOTE_SIZE, &nw);
			w += indent;
			mw = (mw > nmw ? mw : nmw) + indent;
			natural[j] = w > natural[j] ? w : natural[j];
			minw[j] = mw > minw[j] ? mw : minw[j];
		}
	}
	for (size_t j = 0; j < ncol; j++) {
		double fig = head[j] + col[j].tail;

		minw[j] = fig > minw[j] ? fig : minw[j];
		natural[j] = minw[j] > natural[j] ? minw[j] : natural[j];
		natural[j] += 2 * CELL_PAD + (col[j].num ? 6 : 0);
		minw[j] += 2 * CELL_PAD + (col[j].num ? 6 : 0);
	}
	free(head);
}

/* Shares spare room out over columns that want more than their least
 * width, as water fills vessels: a column that lacks less than an even
 * share gets its whole line ("Dezember 2015" stays on one line), the
 * rest is shared in proportion to what the others lack, so the widest
 * text gets most.  Leaves the widths in natural. */
static void
S_share(double *natural, const double *minw, size_t ncol, double spare)
{
	bool *done = xcalloc(ncol + 1, sizeof(bool));
	size_t left = ncol;
	bool moved = true;
	double lack = 0;

	while (moved && left > 0) {
		moved = false;
		for (size_t j = 0; j < ncol; j++)
			if (!done[j] && natural[j] - minw[j] <= spare / left) {
				spare -= natural[j] - minw[j];
				done[j] = moved = true;
				left--;
			}
	}
	for (size_t j = 0; j < ncol; j++)
		lack += done[j] ? 0 : natural[j] - minw[j];
	for (size_t j = 0; j < ncol; j++)
		if (!done[j])
			natural[j] = minw[j] + (natural[j] - minw[j]) * spare / lack;
	free(done);
}

/* Column widths at size, as CSS's automatic table layout sets them: a
 * table whose lines all fit takes its natural width; otherwise every
 * column gets its least width and S_share gives out the room left.  False if the least widths do not fit; with
 * squeeze, every column then gets a share of its least width, and words
 * and numbers are cut to fit it. */
static bool
S_columns(const struct ctx *c, const struct doc_node *t, struct tcol *col,
    size_t ncol, double size, bool squeeze)
{
	double *natural = xcalloc(ncol + 1, sizeof(double)),
	    *minw = xcalloc(ncol + 1, sizeof(double)), sum_nat = 0, sum_min = 0;
	bool ok = true;

	S_col_widths(c, t, col, ncol, size, natural, minw);
	for (size_t j = 0; j < ncol; j++) {
		sum_nat += natural[j];
		sum_min += minw[j];
	}
	if (sum_nat > c->width && sum_min <= c->width)
		S_share(natural, minw, ncol, c->width - sum_min);
	for (size_t j = 0; j < ncol; j++) {
		if (sum_min <= c->width)
			col[j].w = natural[j];
		else {
			ok = false;
			if (squeeze) {
				col[j].w = minw[j] * c->width / sum_min;
				col[j].cut = true;
			}
		}
	}
	free(natural);
	free(minw);
	return ok;
}

/* Lines of a cell's text in a column of width w; whole: words are never
 * hyphenated (a head breaks at blanks only). */
static void
S_cell_lines(const struct ctx *c, const char *text, enum lay_font f,
    double size, double w, bool whole, bool more, struct lines *ls)
{
	struct chunks cs = { 0 };
	bool blank = false;

	S_split(&cs, text, f, -1, &blank);
	for (size_t i = 0; i < cs.n; i++) {
		cs.v[i].whole |= whole;
		cs.v[i].ragged = true;
	}
	S_break(c, &cs, w, size, ls);
	S_chunks_free(&cs);
	S_mark_breaks(ls, more);
}

struct tstyle {
	double		 size;
	double		 note_size;
};

/* Draws the cell x of row r into page at left, top; returns its height.
 * A figure stands on one line with its decimal comma where the column's
 * commas stand. */
static double
S_cell(const struct ctx *c, struct lay_page *p, const struct doc_node *r,
    const struct doc_node *x, const struct tcol *col, double left,
    const struct tstyle *st, bool first)
{
	enum lay_font f = S_row_font(r, x);
	unsigned color = r->flags & DOC_ROW_INFO ? c->l->p.muted :
	    c->l->p.text;
	double indent = first ? r->level * INDENT / 1.5 : 0;
	double inner = col->w - 2 * CELL_PAD - indent, y = CELL_PAD, shift = 0;
	struct lines ls = { 0 };
	bool right = col->num, figure = S_figure(r, x) && !col->cut;

	if (figure) {
		const char *tail = x->text + S_decimal(x->text);

		shift = col->tail - S_w(c, f, st->size, tail, strlen(tail));
	}
	S_cell_lines(c, x->text, f, st->size, figure ? 1e9 : inner,
	    (r->flags & DOC_ROW_HEAD) != 0, x->note != NULL, &ls);
	for (size_t i = 0; i < ls.n; i++, y += st->size * LEADING) {
		const struct line *ln = &ls.v[i];
		double lx = right ? left + col->w - CELL_PAD - shift - ln->width :
		    left + CELL_PAD + indent;

		for (size_t k = 0; k < ln->n; k++)
			S_text(p, lx + ln->segs[k].x, y + S_ascent(st->size),
			    ln->segs[k].font, st->size, color, ln->segs[k].text,
			    strlen(ln->segs[k].text));
	}
	S_lines_free(&ls);
	if (x->note != NULL) {
		S_cell_lines(c, x->note, LF_REGULAR, st->note_size, inner, false,
		    false, &ls);
		for (size_t i = 0; i < ls.n; i++, y += st->note_size * LEADING)
			S_text(p, right ? left + col->w - CELL_PAD - ls.v[i].width :
			    left + CELL_PAD + indent, y + S_ascent(st->note_size),
			    LF_REGULAR, st->note_size, c->l->p.muted,
			    ls.v[i].segs[0].text, strlen(ls.v[i].segs[0].text));
		S_lines_free(&ls);
	}
	return y + CELL_PAD;
}

/* The tint of group rows: a quarter of the head's, so that a group
 * reads as part of the body, not as a second head. */
static unsigned
S_lighter(unsigned rgb)
{
	unsigned out = 0;

	for (int sh = 0; sh <= 16; sh += 8)
		out |= ((((rgb >> sh) & 0xFF) + 3 * 0xFF) / 4) << sh;
	return out;
}

/* One row as a box: cells, background, rules.  The head has the tint
 * and a strong rule under it; a group row is bold on a lighter tint. */
/* The element of cell x of row r, under the row's tr: a head's cells,
 * and a heading cell of the body (a chart's data), are TH. */
static int
S_cell_elem(struct ctx *c, int tr, const struct doc_node *r,
    const struct doc_node *x)
{
	bool head = (r->flags & DOC_ROW_HEAD) != 0;
	int e = S_elem(c, head || (x->flags & DOC_CELL_HEAD) ? LR_TH : LR_TD,
	    tr);

	c->l->elems[e].row = !head;
	return e;
}

static struct box *
S_row(struct ctx *c, struct boxes *to, const struct doc_node *r,
    const struct tcol *col, size_t ncol, const struct tstyle *st)
{
	struct box *b = S_box(to, 0, 0);
	struct lay_page cells = { 0 };
	double left = c->x0, h = 0;
	size_t j = 0;

	int tr = c->rows != 0 ? S_elem(c, LR_TR, c->rows) : 0;

	for (const struct doc_node *x = r->first; x != NULL && j < ncol;
	    x = x->next, j++) {
		size_t from = cells.n;
		double ch = S_cell(c, &cells, r, x, &col[j], left, st, j == 0);

		if (tr != 0)
			S_claim_items(&cells, from, S_cell_elem(c, tr, r, x),
			    false);
		h = ch > h ? ch : h;
		left += col[j].w;
	}
	if (r->flags & DOC_ROW_HEAD)
		S_fill(&b->items, c->x0, 0, left - c->x0, h, c->l->p.light);
	else if (r->flags & DOC_ROW_GROUP)
		S_fill(&b->items, c->x0, 0, left - c->x0, h,
		    S_lighter(c->l->p.light));
	for (size_t i = 0; i < cells.n; i++)
		*S_item(&b->items, LI_TEXT) = cells.items[i];
	free(cells.items);
	if (r->flags & DOC_ROW_TOTAL)
		S_rule(&b->items, c->x0, 0, left, 1.0, c->l->p.accent);
	S_rule(&b->items, c->x0, h, left, r->flags & DOC_ROW_HEAD ? 1.0 : 0.3,
	    r->flags & DOC_ROW_HEAD ? c->l->p.accent : RULE_GRAY);
	b->h = h;
	return b;
}

/* The top and the bottom of the line a text item of a cell stands on. */
static double
S_line_top(const struct lay_item *it)
{
	return it->y - S_ascent(it->size);
}

static double
S_line_bottom(const struct lay_item *it)
{
	return S_line_top(it) + it->size * LEADING;
}

/* Where a row may be cut at or above want: between lines of every cell,
 * through none; want itself if a line alone is taller. */
static double
S_cut(const struct lay_page *items, double from, double want)
{
	double cut = want;
	bool moved = true;

	while (moved) {
		moved = false;
		for (size_t i = 0; i < items->n; i++) {
			const struct lay_item *it = &items->items[i];

			if (it->type == LI_TEXT && S_line_top(it) > from &&
			    S_line_top(it) < cut && cut < S_line_bottom(it)) {
				cut = S_line_top(it);
				moved = true;
			}
		}
	}
	return cut > from ? cut : want;
}

/* Moves the part of item it that lies in [from, to) of its row into
 * slice, at the slice's top. */
static void
S_slice_item(struct lay_page *slice, struct lay_item *it, double from,
    double to)
{
	struct lay_item *o;
	double top, bottom;

	switch (it->type) {
	case LI_TEXT:
		if (S_line_top(it) < from || S_line_top(it) >= to)
			return;
		o = S_item(slice, LI_TEXT);
		*o = *it;
		o->y -= from;
		it->text = NULL;	/* the slice owns it now */
		break;
	case LI_LINE:		/* a rule across the row, at its top or foot */
		if (it->y < from || it->y > to || (it->y == from && from > 0))
			return;
		o = S_item(slice, LI_LINE);
		*o = *it;
		o->y -= from;
		o->h -= from;
		break;
	case LI_RECT:
		top = it->y > from ? it->y : from;
		bottom = it->y + it->h < to ? it->y + it->h : to;
		if (bottom <= top)
			return;
		o = S_item(slice, LI_RECT);
		*o = *it;
		o->y = top - from;
		o->h = bottom - top;
		break;
	default:
		break;
	}
}

/* Cuts box i of bx at height at: the part below goes into a new box right
 * after it, which keeps the table and row, so that a page it starts
 * repeats the head. */
static void
S_divide(struct boxes *bx, size_t i, double at)
{
	struct lay_page items;
	struct box *b, *rest;

	grow(&bx->v, &bx->cap, bx->n + 1, sizeof(*bx->v));
	memmove(&bx->v[i + 2], &bx->v[i + 1],
	    (bx->n - i - 1) * sizeof(*bx->v));
	bx->n++;
	b = &bx->v[i];
	rest = &bx->v[i + 1];
	items = b->items;
	*rest = *b;
	memset(&b->items, 0, sizeof(b->items));
	memset(&rest->items, 0, sizeof(rest->items));
	/* The notes stay with the first part (a divided row has none). */
	memset(&rest->notes, 0, sizeof(rest->notes));
	rest->notes_h = 0;
	rest->fn_anchor = NULL;
	rest->fn_top = NULL;
	rest->nfn = 0;
	for (size_t k = 0; k < items.n; k++) {
		S_slice_item(&b->items, &items.items[k], 0, at);
		S_slice_item(&rest->items, &items.items[k], at, b->h);
	}
	S_page_free(&items);
	rest->h = b->h - at;
	rest->space = 0;
	rest->anchor = -1;
	b->h = at;
	b->keep_next = false;
}

/* A row taller than room, the last box of bx, as boxes of at most room
 * each, cut between lines: a cell's text goes on under the head that the
 * next page repeats, none of it runs past the foot of a page.  The parts
 * stay divisible: the first may be cut again to fill the page it starts
 * on. */
static void
S_split_row(struct boxes *bx, double room)
{
	size_t i = bx->n - 1;

	/* Each cut leaves a part of at most room, and at least one line. */
	assert(room > 0);
	for (; bx->v[i].h > room; i++) {
		double at = S_cut(&bx->v[i].items, 0, room);

		assert(at > 0 && at < bx->v[i].h);
		bx->v[i].divisible = true;
		S_divide(bx, i, at);
	}
	bx->v[i].divisible = true;
}

/* The caption and the head, in one box, again at the top of every page
 * the table goes on to; boxes of heads are numbered as the tables. */
static void
S_repeat_head(struct ctx *c, const struct doc_node *t, const struct tcol *col,
    size_t ncol, const struct tstyle *st)
{
	struct boxes tmp = { 0 }, *save = c->out;
	char *cont = xasprintf("%s (Fortsetzung)", t->text);
	struct box *hb;

	c->out = &tmp;
	S_plain(c, cont, c->x0, c->width, 9, LF_BOLD, c->l->p.text, 0);
	if (t->first != NULL)
		S_row(c, &tmp, t->first, col, ncol, st);
	c->out = save;
	hb = S_box(&c->heads, 0, 0);
	for (size_t i = 0; i < tmp.n; i++) {
		for (size_t n = 0; n < tmp.v[i].items.n; n++) {
			struct lay_item *it = S_item(&hb->items, LI_TEXT);

			*it = tmp.v[i].items.items[n];
			it->y += hb->h;
			if (it->type == LI_LINE)
				it->h += hb->h;
		}
		free(tmp.v[i].items.items);
		hb->h += tmp.v[i].h;
	}
	free(tmp.v);
	free(cont);
}

/* Nothing smaller: a table that does not fit at 8 pt is set in parts. */
static const double table_sizes[TABLE_SIZES] = { 8.5, 8 };

static size_t
S_ncol(const struct doc_node *t)
{
	size_t n = 0;

	for (const struct doc_node *x = t->first ? t->first->first : NULL;
	    x != NULL; x = x->next)
		n++;
	return n;
}

struct tnotes;
static void	S_table_one(struct ctx *, const struct doc_node *,
		    const struct tnotes *);

/* Whether no page may break after body row bi of nbody (head rows: any
 * bi) whose total row is body row total (-1: none).  A table of up to 8
 * rows is never split; a split leaves at least three rows on either side
 * and the total with the two rows before it. */
static bool
S_keep_row(bool head, int bi, int nbody, int total)
{
	return head || nbody <= 8 || bi < 2 || bi >= nbody - 3 ||
	    (total >= 0 && bi >= total - 2 && bi < total);
}

/* The rows of table t (its number id) as boxes, a row taller than room
 * cut; in the structure, head rows under THead, the others under
 * TBody of the element table. */
static void
S_table_rows(struct ctx *c, const struct doc_node *t, const struct tcol *col,
    size_t ncol, const struct tstyle *st, int id, double room, int table)
{
	int nbody = 0, bi = 0, total = -1, k = 0, thead = 0, tbody = 0;

	for (const struct doc_node *r = t->first; r != NULL; r = r->next)
		if (!(r->flags & DOC_ROW_HEAD)) {
			if (r->flags & DOC_ROW_TOTAL)
				total = nbody;
			nbody++;
		}
	for (const struct doc_node *r = t->first; r != NULL;
	    r = r->next, k++) {
		bool head = r->flags & DOC_ROW_HEAD;
		struct box *b;

		if (head && thead == 0)
			thead = S_elem(c, LR_THEAD, table);
		if (!head && tbody == 0)
			tbody = S_elem(c, LR_TBODY, table);
		c->rows = head ? thead : tbody;
		b = S_row(c, c->out, r, col, ncol, st);
		b->table = id;
		b->row = k;
		b->keep_next = r->next != NULL && S_keep_row(head, bi, nbody,
		    total);
		bi += !head;
		if (b->h > room)
			S_split_row(c->out, room);
	}
	c->rows = 0;
}

/* A copy of table t with title (taken over): its first column and
 * columns [from, to), the stand and source line with meta. */
static struct doc_node *
S_table_copy(const struct doc_node *t, size_t from, size_t to, char *title,
    bool meta)
{
	struct doc_node *p = doc_node_new(DOC_TABLE);

	p->line = t->line;
	p->text = title;
	if (meta) {
		p->note = t->note != NULL ? xstrdup(t->note) : NULL;
		p->source = t->source != NULL ? xstrdup(t->source) : NULL;
	}
	for (const struct doc_node *r = t->first; r != NULL; r = r->next) {
		struct doc_node *pr = doc_add(p, DOC_ROW, NULL);
		size_t j = 0;

		pr->flags = r->flags;
		pr->level = r->level;
		for (const struct doc_node *x = r->first; x != NULL;
		    x = x->next, j++) {
			struct doc_node *px;

			if (j != 0 && (j < from || j >= to))
				continue;
			px = doc_add(pr, DOC_CELL, x->text);
			px->flags = x->flags;
			px->note = x->note != NULL ? xstrdup(x->note) : NULL;
		}
	}
	return p;
}

/* --- notes out of number cells --- */

/* The notes taken out of a table's number cells, numbered in the order
 * they first appear; the same text keeps its number. */
struct tnotes {
	char		**v;
	size_t		 n, cap;
	xmlHashTablePtr	 index;		/* text -> number */
};

/* n in superscript digits: "¹", "¹²". */
static char *
S_superscript(size_t n)
{
	static const char *const sup[10] = { "\xE2\x81\xB0", "\xC2\xB9",
	    "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB4", "\xE2\x81\xB5",
	    "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8",
	    "\xE2\x81\xB9" };
	char digits[24];
	struct buf b;

	snprintf(digits, sizeof(digits), "%zu", n);
	buf_init(&b);
	for (const char *d = digits; *d != '\0'; d++)
		buf_puts(&b, sup[*d - '0']);
	return buf_detach(&b);
}

/* The marker of note text, numbered anew if the table has none yet. */
static char *
S_note_marker(struct tnotes *nt, const char *text)
{
	size_t k = (size_t)(uintptr_t)xmlHashLookup(nt->index,
	    (const xmlChar *)text);

	if (k == 0) {
		grow(&nt->v, &nt->cap, nt->n + 1, sizeof(*nt->v));
		nt->v[nt->n++] = xstrdup(text);
		k = nt->n;
		(void)xmlHashAddEntry(nt->index, (const xmlChar *)text,
		    (void *)(uintptr_t)k);
	}
	return S_superscript(k);
}

static void
S_tnotes_free(struct tnotes *nt)
{
	for (size_t i = 0; i < nt->n; i++)
		free(nt->v[i]);
	free(nt->v);
	xmlHashFree(nt->index, NULL);
}

/* The width a number column needs for itself: its widest figure or head
 * word.  A note more than twice as long would wrap into a tall cell. */
static double
S_own_width(const struct ctx *c, const struct doc_node *t, size_t j,
    double size)
{
	double own = 30, line;

	for (const struct doc_node *r = t->first; r != NULL; r = r->next) {
		const struct doc_node *x = r->first;
		double w = 0;

		for (size_t k = 0; x != NULL && k < j; k++)
			x = x->next;
		if (x == NULL || !(x->flags & DOC_CELL_NUM))
			continue;
		if (r->flags & DOC_ROW_HEAD)
			w = S_widest_word(c, x->text, LF_BOLD, size, &line);
		else if (S_figure(r, x))
			w = S_w(c, S_row_font(r, x), size, x->text,
			    strlen(x->text));
		own = w > own ? w : own;
	}
	return own;
}

/* Moves each note of a number cell that would wrap into more than two
 * lines out under the table, leaving its number in the cell (a note
 * written in place of a figure, or beside one).  Changes the copy t. */
static void
S_move_notes(const struct ctx *c, struct doc_node *t, struct tnotes *nt)
{
	size_t j = 0;
	double size = table_sizes[TABLE_SIZES - 1];

	for (const struct doc_node *x = t->first->first; x != NULL;
	    x = x->next, j++) {
		double room = 2 * S_own_width(c, t, j, size);

		for (struct doc_node *r = t->first; r != NULL; r = r->next) {
			struct doc_node *y = r->first;
			char *mark, *text;

			for (size_t k = 0; y != NULL && k < j; k++)
				y = y->next;
			if (y == NULL || !(y->flags & DOC_CELL_NUM) ||
			    (r->flags & DOC_ROW_HEAD))
				continue;
			if (y->note != NULL && S_w(c, LF_REGULAR, NOTE_SIZE,
			    y->note, strlen(y->note)) > room) {
				mark = S_note_marker(nt, y->note);
				text = xasprintf("%s\xC2\xA0%s", y->text, mark);
				free(y->note);
				y->note = NULL;
			} else if (!S_figure(r, y) && S_w(c, LF_REGULAR, size,
			    y->text, strlen(y->text)) > room) {
				mark = S_note_marker(nt, y->text);
				text = xstrdup(mark);
			} else
				continue;
			free(mark);
			free(y->text);
			y->text = text;
		}
	}
}

/* The notes under the table, each after its number. */
static void
S_table_notes(struct ctx *c, const struct tnotes *nt)
{
	for (size_t i = 0; i < nt->n; i++) {
		char *mark = S_superscript(i + 1),
		    *line = xasprintf("%s %s", mark, nt->v[i]);

		c->out->v[c->out->n - 1].keep_next = true;
		c->tag = S_elem(c, LR_NOTE, c->parent);
		S_plain(c, line, c->x0, c->width, 7.5, LF_REGULAR,
		    c->l->p.muted, i == 0 ? 4 : 0);
		c->tag = 0;
		free(line);
		free(mark);
	}
}

/* Whether columns 1.. of least widths minw go into nparts parts of
 * about as many columns each, each part with column 0 again. */
static bool
S_parts_fit(const double *minw, size_t ncol, size_t nparts, double width)
{
	size_t per = (ncol - 1 + nparts - 1) / nparts;

	for (size_t from = 1; from < ncol; from += per) {
		double used = minw[0];

		for (size_t j = from; j < from + per && j < ncol; j++)
			used += minw[j];
		if (used > width && per > 1)
			return false;
	}
	return true;
}

/* Whether boxes are made for a landscape page from now on: a table too
 * wide for the text column is set across a turned page, if the
 * template's margins leave one of at least 100 mm. */
static bool
S_turn(struct ctx *c)
{
	const struct lay_params *p = &c->l->p;

	if (c->landscape || S_text_h(p, true) < 100 * MM)
		return false;
	c->landscape = true;
	c->width = S_text_w(p, true);
	c->turned = c->out->n;
	return true;
}

/* Back to upright pages; the boxes made since S_turn are landscape. */
static void
S_unturn(struct ctx *c)
{
	const struct lay_params *p = &c->l->p;

	for (size_t i = c->turned; i < c->out->n; i++)
		c->out->v[i].landscape = true;
	c->landscape = false;
	c->width = S_text_w(p, false);
}

/* A table too wide for the page at the smallest size goes into parts
 * one under the other, each with the first column again and about as
 * many columns as the others, so that no column is lost and none is cut
 * narrower than its widest word. */
static void
S_table_set(struct ctx *c, const struct doc_node *t, const struct tnotes *nt)
{
	size_t ncol = S_ncol(t), nparts = 1;
	struct tcol *col = xcalloc(ncol + 1, sizeof(*col));
	double *natural = xcalloc(ncol + 1, sizeof(double)),
	    *minw = xcalloc(ncol + 1, sizeof(double));
	bool fits = ncol <= 2 ||
	    S_columns(c, t, col, ncol, table_sizes[TABLE_SIZES - 1], false);

	if (!fits && S_turn(c)) {
		S_table_set(c, t, nt);
		S_unturn(c);
		free(natural);
		free(minw);
		free(col);
		return;
	}

	if (!fits) {
		size_t per, part = 1;

		S_col_widths(c, t, col, ncol, table_sizes[TABLE_SIZES - 1],
		    natural, minw);
		/* One column a part always goes: a part too wide even so is
		 * squeezed by S_table_one. */
		while (!S_parts_fit(minw, ncol, nparts, c->width))
			nparts++;
		per = (ncol - 1 + nparts - 1) / nparts;
		nparts = (ncol - 1 + per - 1) / per;
		for (size_t from = 1; from < ncol; from += per) {
			size_t to = from + per < ncol ? from + per : ncol;
			struct doc_node *p = S_table_copy(t, from, to,
			    xasprintf("%s (Teil %zu von %zu)", t->text, part,
			    nparts), part == nparts);

			S_table_one(c, p, part++ == nparts ? nt : NULL);
			doc_node_free(p);
		}
	}
	free(natural);
	free(minw);
	free(col);
	if (fits)
		S_table_one(c, t, nt);
}

/* Long notes of number cells go under the table first; then the table
 * is set, in parts if it is too wide. */
static void
S_table(struct ctx *c, const struct doc_node *t)
{
	struct doc_node *own;
	struct tnotes nt = { .index = xmlHashCreate(0) };

	if (t->first == NULL) {
		S_table_set(c, t, NULL);
		xmlHashFree(nt.index, NULL);
		return;
	}
	own = S_table_copy(t, 1, S_ncol(t), xstrdup(t->text), true);
	S_move_notes(c, own, &nt);
	S_table_set(c, nt.n > 0 ? own : t, &nt);
	doc_node_free(own);
	S_tnotes_free(&nt);
}

static void
S_table_one(struct ctx *c, const struct doc_node *t, const struct tnotes *nt)
{
	size_t ncol = S_ncol(t);
	struct tcol *col = xcalloc(ncol + 1, sizeof(*col));
	struct tstyle st;
	int id = c->ntables++, table;
	double room, text_h;
	int k;

	for (k = 0; k < TABLE_SIZES - 1 &&
	    !S_columns(c, t, col, ncol, table_sizes[k], false); k++)
		continue;
	if (k == TABLE_SIZES - 1)
		S_columns(c, t, col, ncol, table_sizes[k], true);
	st = (struct tstyle){ .size = table_sizes[k], .note_size = NOTE_SIZE };
	c->rows = 0;	/* the repeated head is page furniture */
	S_repeat_head(c, t, col, ncol, &st);
	/* A row may fill a page under its caption and head, twice over:
	 * once as they stand first, once as the next page repeats them.  A
	 * head taller than a third of the page is not repeated: the rows
	 * get the whole page, and the head itself is cut like a row. */
	text_h = S_text_h(&c->l->p, c->landscape);
	if (c->heads.v[id].h > text_h / 3) {
		S_page_free(&c->heads.v[id].items);
		memset(&c->heads.v[id].items, 0, sizeof(c->heads.v[id].items));
		c->heads.v[id].h = 0;
	}
	room = text_h - 2 * c->heads.v[id].h;
	table = S_elem(c, LR_TABLE, c->parent);
	{
		size_t first = c->out->n;

		c->tag = S_elem(c, LR_CAPTION, table);
		S_plain(c, t->text, c->x0, c->width, 9, LF_BOLD, c->l->p.text, 12);
		c->tag = 0;
		for (size_t i = first; i < c->out->n; i++)
			c->out->v[i].keep_next = true;
	}
	S_table_rows(c, t, col, ncol, &st, id, room, table);
	if (nt != NULL)
		S_table_notes(c, nt);
	if (t->note != NULL) {
		c->out->v[c->out->n - 1].keep_next = true;
		c->tag = S_elem(c, LR_P, c->parent);
		S_plain(c, t->note, c->x0, c->width, 7.5, LF_REGULAR,
		    c->l->p.muted, 2);
		c->tag = 0;
	}
	free(col);
}

/* --- charts --- */


static struct lay_item *
S_poly(struct lay_page *p, enum lay_type type, const double *pts, int n)
{
	struct lay_item *it = S_item(p, type);

	it->pts = xcalloc((size_t)n * 2, sizeof(double));
	memcpy(it->pts, pts, (size_t)n * 2 * sizeof(double));
	it->npts = n;
	return it;
}

static void
S_right_text(struct lay_page *p, double x, double y, double size,
    const char *s, unsigned color)
{
	S_text(p, x, y, LF_REGULAR, size, color, s, strlen(s));
	p->items[p->n - 1].right = true;
}

static void
S_center_text(const struct ctx *c, struct lay_page *p, double x, double y,
    double size, const char *s)
{
	double w = S_w(c, LF_REGULAR, size, s, strlen(s));

	S_text(p, x - w / 2, y, LF_REGULAR, size, c->l->p.text, s, strlen(s));
}

#define BAR_SIZE	7.5	/* labels and values of a bar chart */
#define BAR_GAP		6	/* between the gutter and the plot */
#define BAR_LINE	9	/* one line of a label */

/* Where a bar chart stands: the labels right-aligned in a gutter left of
 * the plot, as wide as the longest label up to a third of the text (the
 * longest word at least), the values beside the bars, and between them
 * the plot to the full text width.  The places come from chart.c. */
struct bar_frame {
	double	 gutter;	/* right end of the labels */
	double	 left, plot;	/* the value axis: its x and length */
	double	 value_w;	/* the widest value */
};

static struct bar_frame
S_bar_frame(const struct ctx *c, const struct doc_node *chart)
{
	const struct doc_node *s = chart->first;
	struct bar_frame f = { 0 };
	double label = 0, word = 0, right;

	for (const struct doc_node *d = s != NULL && s->type == DOC_SERIES ?
	    s->first : NULL; d != NULL; d = d->next) {
		double lw, ww = S_widest_word(c, d->source, LF_REGULAR,
		    BAR_SIZE, &lw);
		double vw = S_w(c, LF_REGULAR, BAR_SIZE, d->text,
		    strlen(d->text));

		label = lw > label ? lw : label;
		word = ww > word ? ww : word;
		f.value_w = vw > f.value_w ? vw : f.value_w;
	}
	if (label > c->width / 3)
		label = word > c->width / 3 ? word : c->width / 3;
	if (label > c->width / 2)
		label = c->width / 2;
	f.gutter = c->x0 + label;
	/* Room for the values of negative bars left of the plot too. */
	f.left = f.gutter + BAR_GAP + (chart->frac > 0 ? f.value_w + 4 : 0);
	right = c->x0 + c->width - f.value_w - 4;
	f.plot = right - f.left;
	return f;
}

/* The grid behind the bars over a box of height h: ticks and zero. */
static void
S_bar_grid(struct ctx *c, struct box *b, const struct doc_node *chart,
    const struct bar_frame *f, double h)
{
	for (const struct doc_node *t = chart->first; t != NULL; t = t->next)
		if (t->type == DOC_TICK) {
			double x = f->left + t->frac * f->plot;

			S_rule(&b->items, x, 0, x, 0.3, RULE_GRAY);
			b->items.items[b->items.n - 1].h = h;
		}
	S_rule(&b->items, f->left + chart->frac * f->plot, 0, f->left +
	    chart->frac * f->plot, 0.6, c->l->p.muted);
	b->items.items[b->items.n - 1].h = h;
}

/* The tick labels over the plot, at y, none beyond the text column;
 * where two would touch, the second is left out (its line stays). */
static void
S_bar_ticks(struct ctx *c, struct lay_page *p, const struct doc_node *chart,
    const struct bar_frame *f, double y)
{
	double shown = -1e9;

	for (const struct doc_node *t = chart->first; t != NULL; t = t->next)
		if (t->type == DOC_TICK) {
			double w = S_w(c, LF_REGULAR, 7, t->text,
			    strlen(t->text));
			double x = f->left + t->frac * f->plot - w / 2;

			if (x + w > c->x0 + c->width)
				x = c->x0 + c->width - w;
			if (x < shown + 4)
				continue;
			S_text(p, x, y, LF_REGULAR, 7, c->l->p.text, t->text,
			    strlen(t->text));
			shown = x + w;
		}
}

struct bar_label {
	struct ctx	*c;
	struct lay_page	*p;
	double		 right, y;
};

static double
S_bar_measure(void *ctx, const char *s, size_t len)
{
	return S_w(((struct bar_label *)ctx)->c, LF_REGULAR, BAR_SIZE, s, len);
}

static void
S_bar_line(void *ctx, const char *s, size_t len, int n)
{
	struct bar_label *bl = ctx;

	if (bl->p == NULL)
		return;
	S_text(bl->p, bl->right, bl->y + n * BAR_LINE, LF_REGULAR, BAR_SIZE,
	    bl->c->l->p.text, s, len);
	bl->p->items[bl->p->n - 1].right = true;
}

/* The label broken at blanks to the gutter, each line right-aligned at
 * its end, from baseline y; returns the number of lines (NULL p: only
 * counts them).  The web page breaks it alike (text_wrap). */
static int
S_bar_label(struct ctx *c, struct lay_page *p, const char *s, double right,
    double width, double y)
{
	struct bar_label bl = { c, p, right, y };

	return text_wrap(s, width, S_bar_measure, S_bar_line, &bl);
}

/* The repeated axis of a bar chart: its title and the tick labels, on top
 * of every page the bars go on to, as a table's head. */
static int
S_bar_head(struct ctx *c, const struct doc_node *chart,
    const struct bar_frame *f)
{
	struct boxes tmp = { 0 }, *save = c->out;
	char *cont = xasprintf("%s (Fortsetzung)", chart->text);
	struct box *hb = S_box(&c->heads, 0, 0);
	int id = c->ntables++;

	c->out = &tmp;
	S_plain(c, cont, c->x0, c->width, 9, LF_BOLD, c->l->p.text, 0);
	c->out = save;
	hb = &c->heads.v[id];
	for (size_t i = 0; i < tmp.n; i++) {
		for (size_t n = 0; n < tmp.v[i].items.n; n++) {
			struct lay_item *it = S_item(&hb->items, LI_TEXT);

			*it = tmp.v[i].items.items[n];
			it->y += hb->h;
		}
		free(tmp.v[i].items.items);
		hb->h += tmp.v[i].h;
	}
	free(tmp.v);
	free(cont);
	S_bar_ticks(c, &hb->items, chart, f, hb->h + 9);
	hb->h += 14;
	return id;
}

/* A box a bar, so that a chart taller than a page goes on on the next
 * one as a table does, under its axis repeated; the grid first, so that
 * it stays behind the bars, and never left of the plot, where the labels
 * stand. */
static void
S_bars(struct ctx *c, const struct doc_node *chart)
{
	const struct doc_node *s = chart->first;
	struct bar_frame f = S_bar_frame(c, chart);
	double zero = f.left + chart->frac * f.plot;
	int id = S_bar_head(c, chart, &f), row = 1;
	struct box *b;
	size_t k = 0;

	/* The axis on top: where the bars go on, the next page repeats it
	 * in the same place. */
	b = S_box(c->out, 14, 4);
	b->table = id;
	b->keep_next = true;
	S_bar_ticks(c, &b->items, chart, &f, 9);
	for (const struct doc_node *d = s != NULL && s->type == DOC_SERIES ?
	    s->first : NULL; d != NULL; d = d->next, k++) {
		double x = f.left + d->frac * f.plot;
		double vw = S_w(c, LF_REGULAR, BAR_SIZE, d->text,
		    strlen(d->text)), vx, h, mid;
		int lines = S_bar_label(c, NULL, d->source, f.gutter,
		    f.gutter - c->x0, 0);

		h = (lines * BAR_LINE > 12 ? lines * BAR_LINE : 12) + 6;
		mid = h / 2;
		b = S_box(c->out, h, 0);
		b->table = id;
		b->row = row++;
		S_bar_grid(c, b, chart, &f, h);
		S_bar_label(c, &b->items, d->source, f.gutter, f.gutter - c->x0,
		    mid - (lines - 1) * BAR_LINE / 2.0 + 2.5);
		S_fill(&b->items, x < zero ? x : zero, mid - 4.5, fabs(x - zero),
		    9, c->l->p.chart[0]);
		/* The value beside the bar's end, on white over the grid. */
		vx = x < zero ? x - 4 - vw : (x > zero ? x : zero) + 4;
		S_fill(&b->items, vx - 1, mid - 4.5, vw + 2, 9, 0xFFFFFF);
		S_text(&b->items, vx, mid + 2.5, LF_REGULAR, BAR_SIZE,
		    c->l->p.text, d->text, strlen(d->text));
		/* The first two bars stay with the axis, the last two
		 * together. */
		b->keep_next = k == 0 || (d->next != NULL &&
		    d->next->next == NULL);
	}
	c->out->v[c->out->n - 1].h += 6;
}

/* Every point at the place of its category (chart.c numbers them); the
 * axis names the categories chart.c marks, fewer where there are many. */
static void
S_lines_chart(struct ctx *c, const struct doc_node *chart)
{
	size_t bi = c->out->n;	/* the plot's box; a line of legend a box */
	struct box *b = S_box(c->out, 0, 4);
	double left = c->x0 + 45, right = c->x0 + c->width - 10;
	double top = 10, bottom = 160, y;
	int style = 0;

	for (const struct doc_node *t = chart->first; t != NULL; t = t->next)
		if (t->type == DOC_TICK) {
			y = bottom - t->frac * (bottom - top);
			S_rule(&b->items, left, y, right, 0.3, RULE_GRAY);
			S_right_text(&b->items, left - 5, y + 2.5, 7, t->text,
			    c->l->p.text);
		}
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next)
		for (const struct doc_node *d = s->type == DOC_SERIES ? s->first :
		    NULL; d != NULL; d = d->next)
			if (d->flags & DOC_AXIS_NAME)
				S_center_text(c, &b->items, left + d->place *
				    (right - left), bottom + 12, 7, d->source);
	b->h = bottom + 16;
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next) {
		double *pts;
		int n = 0;
		unsigned color = c->l->p.chart[style % LAY_CHART_COLORS];
		struct lay_item *it;

		if (s->type != DOC_SERIES)
			continue;
		for (const struct doc_node *d = s->first; d != NULL; d = d->next)
			n++;
		pts = xcalloc((size_t)n * 2 + 2, sizeof(double));
		n = 0;
		for (const struct doc_node *d = s->first; d != NULL;
		    d = d->next, n++) {
			double px = left + d->place * (right - left);
			double py = bottom - d->frac * (bottom - top);

			pts[2 * n] = px;
			pts[2 * n + 1] = py;
			if (chart->flags & DOC_CHART_MARKS)
				S_fill(&b->items, px - 2.5, py - 2.5, 5, 5, color);
			if (d->flags & DOC_AXIS_LABEL)
				S_center_text(c, &b->items, px, py - 6, 7, d->text);
		}
		it = S_poly(&b->items, LI_POLYLINE, pts, n);
		free(pts);
		it->size = 1.8;
		it->color = color;
		it->dash = style;
		/* The legend: the line as drawn, and the name. */
		b = S_box(c->out, 12, 0);
		y = 10;
		it = S_item(&b->items, LI_LINE);
		it->x = left;
		it->y = y - 3;
		it->w = left + 24;
		it->h = y - 3;
		it->size = 1.8;
		it->color = color;
		it->dash = style;
		S_text(&b->items, left + 30, y, LF_REGULAR, 7.5, c->l->p.text,
		    s->text, strlen(s->text));
		style++;
		b = &c->out->v[bi];
	}
	/* The plot stays with the first line of its legend. */
	b->keep_next = c->out->n > bi + 1;
	c->out->v[c->out->n - 1].h += 10;
}

/* A white line between slices, from the centre out, as the page's
 * stroke of the slices. */
static void
S_pie_edge(struct lay_page *p, double cx, double cy, double r, double a)
{
	struct lay_item *it = S_item(p, LI_LINE);

	it->x = cx;
	it->y = cy;
	it->w = cx + r * cos(a);
	it->h = cy + r * sin(a);
	it->size = 1.5;
	it->color = 0xFFFFFF;
}

/* The pie with as much of its legend as stands beside it; the rest of
 * the legend a box a line, so that it may go on on the next page.  The
 * colours are those chart.c chose: neighbours differ 3:1. */
static void
S_pie(struct ctx *c, const struct doc_node *chart)
{
	const struct doc_node *s = chart->first;
	double cx = c->x0 + 80, cy = 80, r = 72, a = -M_PI / 2, ly = 12;
	size_t bi = c->out->n, lb = bi;	/* the pie's box, the legend's */
	int slices = 0;

	S_box(c->out, 2 * r + 16, 4);
	for (const struct doc_node *d = s != NULL ? s->first : NULL; d != NULL;
	    d = d->next) {
		double pts[2 * 80], bnd = a + d->frac * 2 * M_PI;
		int n = 0, steps = (int)ceil(d->frac * 72) + 1;
		unsigned color = chart_color(c->l->p.chart, d);
		struct box *b = &c->out->v[bi];
		char *label;

		pts[n++] = cx;
		pts[n++] = cy;
		for (int i = 0; i <= steps && n < 2 * 80; i++) {
			double t = a + (bnd - a) * i / steps;

			pts[n++] = cx + r * cos(t);
			pts[n++] = cy + r * sin(t);
		}
		if (d->frac > 0) {
			S_poly(&b->items, LI_POLYGON, pts, n / 2)->color = color;
			slices++;
		}
		a = bnd;
		if (lb != bi || ly + 4 > 2 * r + 16) {
			lb = c->out->n;
			b = S_box(c->out, 13, 0);
			ly = 8;
		}
		b = &c->out->v[lb];
		S_fill(&b->items, c->x0 + 175, ly - 7, 8, 8, color);
		/* The figure isolated, as in a paragraph (S_put_figure). */
		label = xasprintf("%s: \xE2\x81\xA6%s\xE2\x81\xA9", d->source,
		    d->text);
		S_text(&b->items, c->x0 + 188, ly, LF_REGULAR, 8, c->l->p.text,
		    label, strlen(label));
		free(label);
		ly += 13;
	}
	a = -M_PI / 2;
	for (const struct doc_node *d = s != NULL && slices > 1 ? s->first :
	    NULL; d != NULL; d = d->next) {
		if (d->frac > 0)
			S_pie_edge(&c->out->v[bi].items, cx, cy, r, a);
		a += d->frac * 2 * M_PI;
	}
}

static void
S_chart(struct ctx *c, const struct doc_node *chart)
{
	size_t first = c->out->n, drawn;
	double h = 0;
	/* A figure with its text alternative; its caption the title. */
	int fig = S_elem(c, LR_FIGURE, c->parent);

	c->l->elems[fig].alt = xstrdup(chart->alt != NULL ? chart->alt :
	    chart->text);
	c->tag = S_elem(c, LR_CAPTION, fig);
	S_plain(c, chart->text, c->x0, c->width, 9, LF_BOLD, c->l->p.text, 12);
	c->tag = 0;
	for (size_t i = first; i < c->out->n; i++)
		c->out->v[i].keep_next = true;
	drawn = c->out->n;
	if (chart->flags & DOC_CHART_PIE)
		S_pie(c, chart);
	else if (chart->flags & DOC_CHART_LINE)
		S_lines_chart(c, chart);
	else
		S_bars(c, chart);
	S_claim(c, drawn, fig, true);
	if (chart->note != NULL) {
		c->out->v[c->out->n - 1].keep_next = true;
		c->tag = S_elem(c, LR_P, c->parent);
		S_plain(c, chart->note, c->x0, c->width, 7.5, LF_REGULAR,
		    c->l->p.muted, 2);
		c->tag = 0;
	}
	/* A chart that fits on a page is never cut. */
	for (size_t i = first; i < c->out->n; i++)
		h += c->out->v[i].h + c->out->v[i].space;
	if (h <= S_text_h(&c->l->p, false))
		for (size_t i = first; i + 1 < c->out->n; i++)
			c->out->v[i].keep_next = true;
	/* The values the chart could not show, in its data table. */
	if ((chart->flags & DOC_CHART_DATA) && chart->last != NULL &&
	    chart->last->type == DOC_TABLE)
		S_table(c, chart->last);
}

/* A picture of the plan: as wide as the tree says, or its size at 150
 * dpi, never wider than the text nor taller than a page leaves room for
 * its caption; kept with its caption under it and the line under that.
 * A Figure with its text alternative, or an artifact if decorative. */
static void
S_picture(struct ctx *c, const struct doc_node *n)
{
	const struct doc_image *im = n->image;
	size_t first = c->out->n;
	double w, h, most = S_text_h(&c->l->p, false) - 80;
	int fig = 0;
	struct lay_item *it;
	struct box *b;

	if (im == NULL || im->width == 0 || im->height == 0)
		return;
	w = n->frac > 0 ? n->frac * c->width : im->width * 72.0 / 150;
	w = w < c->width ? w : c->width;
	h = w * im->height / im->width;
	if (h > most) {
		w *= most / h;
		h = most;
	}
	if (!(n->flags & DOC_DECORATIVE)) {
		fig = S_elem(c, LR_FIGURE, c->parent);
		c->l->elems[fig].alt = xstrdup(n->alt != NULL ? n->alt : "");
	}
	b = S_box(c->out, h, 6);
	it = S_item(&b->items, LI_IMAGE);
	it->x = c->x0;
	it->w = w;
	it->h = h;
	it->image = im;
	it->elem = fig;
	if (n->text != NULL) {
		c->tag = S_elem(c, LR_CAPTION, fig);
		S_plain(c, n->text, c->x0, c->width, 9, LF_BOLD, c->l->p.text, 4);
		c->tag = 0;
	}
	if (n->note != NULL) {
		c->tag = S_elem(c, LR_P, c->parent);
		S_plain(c, n->note, c->x0, c->width, 7.5, LF_REGULAR,
		    c->l->p.muted, 2);
		c->tag = 0;
	}
	for (size_t i = first; i + 1 < c->out->n; i++)
		c->out->v[i].keep_next = true;
}

/* --- the flow of the body --- */

/* The boxes from first on as one block of kind k. */
static void
S_mark(struct ctx *c, size_t first, int k)
{
	c->nblocks++;
	for (size_t i = first; i < c->out->n; i++) {
		c->out->v[i].block = c->nblocks;
		c->out->v[i].kind = k;
	}
}

/* Whether the text of n ends in a colon. */
static bool
S_ends_colon(const struct doc_node *n)
{
	while (n->last != NULL && n->type != DOC_TEXT && n->type != DOC_FIGURE) {
		n = n->last;
		/* A footnote's mark after the colon: the text before it. */
		while (n->type == DOC_FOOTNOTE && n->prev != NULL)
			n = n->prev;
	}
	if (n->text == NULL || (n->type != DOC_TEXT && n->type != DOC_FIGURE))
		return false;
	for (size_t k = strlen(n->text); k-- > 0; )
		if (n->text[k] != ' ' && n->text[k] != '\n')
			return n->text[k] == ':';
	return false;
}

static void	S_blocks(struct ctx *, const struct doc_node *);

/* A chapter: a Sect of the structure, its heading and its blocks. */
static void
S_section(struct ctx *c, const struct doc_node *n, size_t first)
{
	int parent = c->parent;

	c->parent = S_elem(c, LR_SECT, parent);
	S_heading(c, n);
	S_mark(c, first, BK_OTHER);
	S_blocks(c, n);
	c->parent = parent;
}

static void
S_blocks(struct ctx *c, const struct doc_node *parent)
{
	double size = c->l->p.font_size;

	for (const struct doc_node *n = parent->first; n != NULL; n = n->next) {
		size_t first = c->out->n;

		switch (n->type) {
		case DOC_SECTION:
			S_section(c, n, first);
			continue;
		case DOC_PARAGRAPH:
			c->tag = S_elem(c, LR_P, c->parent);
			S_text_block(c, n, c->x0, c->width, size, LF_REGULAR,
			    c->l->p.text, 6);
			c->tag = 0;
			break;
		case DOC_NOTE:
			c->tag = S_elem(c, LR_P, c->parent);
			S_text_block(c, n, c->x0, c->width, size - 2, LF_REGULAR,
			    c->l->p.muted, 4);
			c->tag = 0;
			break;
		case DOC_LIST:
			S_list(c, n, c->x0, c->width);
			break;
		case DOC_TABLE:
			S_table(c, n);
			break;
		case DOC_CHART:
			S_chart(c, n);
			break;
		case DOC_PICTURE:
			S_picture(c, n);
			break;
		default:
			break;
		}
		S_mark(c, first, n->type == DOC_PARAGRAPH || n->type ==
		    DOC_LIST ? BK_TEXT : n->type == DOC_TABLE || n->type ==
		    DOC_CHART || n->type == DOC_PICTURE ? BK_FIGURE : BK_OTHER);
		/* Where links, <ref>s and the lists of tables and figures
		 * lead (no bookmark); a link's text for readers names it. */
		if ((n->type == DOC_TABLE || n->type == DOC_CHART ||
		    n->type == DOC_PICTURE) && n->id != NULL &&
		    c->out->n > first && c->out->v[first].anchor < 0)
			c->out->v[first].anchor = S_anchor(c->l, n->id,
			    n->text != NULL ? n->text : n->number != NULL ?
			    n->number : "Bild", 0);
		/* A paragraph ending in ":" introduces what follows. */
		if (n->type == DOC_PARAGRAPH && c->out->n > first &&
		    S_ends_colon(n))
			c->out->v[c->out->n - 1].keep_next = true;
	}
}

/* The right end of the text on a box's last line. */
static double
S_text_end(const struct ctx *c, const struct lay_page *items)
{
	double end = 0;

	for (size_t i = 0; i < items->n; i++) {
		const struct lay_item *it = &items->items[i];
		double e;

		if (it->type != LI_TEXT || it->right)
			continue;
		e = it->x + S_w(c, it->font, it->size, it->text,
		    strlen(it->text));
		end = e > end ? e : end;
	}
	return end;
}

/* Dots from the end of a contents entry's title to its page number,
 * drawn from the right so that the dots of all entries stand in line. */
static void
S_leader(struct lay_page *p, double from, double to, double y)
{
	struct lay_item *it;

	if (to - from < 6)
		return;
	it = S_item(p, LI_LINE);
	it->x = to;
	it->y = y;
	it->w = from;
	it->h = y;
	it->size = 0.8;
	it->color = RULE_GRAY;
	it->dash = 2;
}

#define TOC_NUMBER	34.0	/* room for "4.12." */
#define TOC_PAGE	30.0	/* room for the page number */

/* One entry of the contents: number, title broken at blanks, dot leader
 * and page number on its last line (filled in when the pages of the body
 * are known), each line a link to the chapter. */
static void
S_toc_entry(struct ctx *c, const struct doc_node *e, double numw, bool list)
{
	double size = c->l->p.font_size, lh = size * LEADING;
	double x = c->x0 + (e->level - 1) * INDENT;
	double right = c->x0 + c->width;
	enum lay_font f = e->level == 1 && !list ? LF_BOLD : LF_REGULAR;
	size_t first = c->out->n;
	struct box *b;
	struct lay_item *it;
	char *num;

	/* A TOCI holding a link: number, title and page, and its annotations. */
	c->tag = S_elem(c, LR_LINK, S_elem(c, LR_TOCI, c->parent));
	S_plain_words(c, e->text, x + numw, right - TOC_PAGE - x - numw,
	    size, f, c->l->p.text, e->level == 1 && !list ? 6 : 1);
	num = xasprintf("%s ", e->number);	/* read apart from the title */
	S_text(&c->out->v[first].items, x, S_ascent(size), f, size,
	    c->l->p.text, num, strlen(num));
	S_to_front(&c->out->v[first].items);
	free(num);
	for (size_t i = first; i < c->out->n; i++) {
		it = S_item(&c->out->v[i].items, LI_LINK);
		it->x = c->x0;
		it->w = c->width;
		it->h = lh;
		it->text = xasprintf("#%s", e->id);
		c->out->v[i].keep_next = i + 1 < c->out->n;
	}
	b = &c->out->v[c->out->n - 1];
	S_leader(&b->items, S_text_end(c, &b->items) + 4, right -
	    S_w(c, f, size, "000", 3) - 4, S_ascent(size));
	it = S_item(&b->items, LI_TEXT);
	it->x = right;
	it->y = S_ascent(size);
	it->font = f;
	it->size = size;
	it->color = c->l->p.text;
	it->right = true;
	it->text = xasprintf("#%s", e->id);	/* becomes the page */
	it->target = -2;
	S_claim(c, first, c->tag, false);
	c->tag = 0;
}

static void
S_toc(struct ctx *c, const struct doc_node *toc)
{
	int parent = c->parent;
	double numw = TOC_NUMBER;

	/* Its heading as the web page's: a chapter's level. */
	c->tag = S_elem(c, LR_H, parent);
	c->l->elems[c->tag].level = 2;
	S_plain(c, toc->text, c->x0, c->width, 15, LF_BOLD, c->l->p.accent,
	    toc->id != NULL ? 20 : 0);
	c->parent = S_elem(c, LR_TOC, parent);
	/* A list of tables or figures (it has an id): numbers such as
	 * "Tabelle 12:" take the room of the widest. */
	for (const struct doc_node *e = toc->first; toc->id != NULL &&
	    e != NULL; e = e->next) {
		double w = S_w(c, LF_REGULAR, c->l->p.font_size, e->number,
		    strlen(e->number)) + 6;

		numw = w > numw ? w : numw;
	}
	for (const struct doc_node *e = toc->first; e != NULL; e = e->next)
		S_toc_entry(c, e, numw, toc->id != NULL);
	c->parent = parent;
	c->tag = 0;
}

/* --- pagination --- */

/* A table's head placed again at the top of a page. */
struct placed_head {
	int		 table;
	int		 page;
	double		 top;
};

struct pager {
	struct placed_head	*v;
	size_t			 n, cap;
};

/* Cuts the divisible box i of bx to the height left on the page, if three
 * lines or more fit there. */
static bool
S_fill_page(struct boxes *bx, size_t i, double left)
{
	double at = S_cut(&bx->v[i].items, 0, left);

	if (at < 3 * 8.5 * LEADING || at >= bx->v[i].h)
		return false;
	S_divide(bx, i, at);
	return true;
}

/* If box i, the first of a figure that does not fit in the gap left on
 * its page, would leave more than most empty, moves the whole text
 * blocks that follow the figure and fit into the gap before it; true if
 * it moved any.  The figure only ever moves on, so this ends. */
static bool
S_float(struct boxes *bx, size_t i, double gap, double most)
{
	size_t e = i, k, end;
	double used = 0;
	struct box *tmp;

	if (gap <= most || bx->v[i].kind != BK_FIGURE ||
	    (i > 0 && bx->v[i - 1].block == bx->v[i].block))
		return false;
	while (e < bx->n && bx->v[e].block == bx->v[i].block)
		e++;
	for (k = e; k < bx->n && bx->v[k].kind == BK_TEXT; k = end) {
		double h = 0;

		for (end = k; end < bx->n && bx->v[end].block == bx->v[k].block;
		    end++)
			h += bx->v[end].h + bx->v[end].space;
		if (used + h > gap || bx->v[end - 1].keep_next)
			break;
		used += h;
	}
	if (k == e)
		return false;
	tmp = xcalloc(e - i, sizeof(*tmp));
	memcpy(tmp, &bx->v[i], (e - i) * sizeof(*tmp));
	memmove(&bx->v[i], &bx->v[e], (k - e) * sizeof(*tmp));
	memcpy(&bx->v[i + (k - e)], tmp, (e - i) * sizeof(*tmp));
	free(tmp);
	return true;
}

/* Pagination sees the flow as blocks: the boxes of one paragraph, list,
 * heading, table or chart share a block number.  A block may split
 * between two of its boxes where the first does not keep with the next,
 * or inside a divisible box (a tall row) between lines; a part that
 * begins a page under a table's or a bar chart's head gets that head
 * again.  Keep rules between blocks (a heading, a caption, a paragraph
 * ending in ":") are the keep flag of a block's last box. */

/* The room the notes of a box take at the foot of a page whose notes
 * already take foot: theirs, and the rule over the first. */
static double
S_fn_room(double foot, const struct box *b)
{
	return b->notes_h > 0 ? b->notes_h + (foot > 0 ? 0 : FN_RULE) : 0;
}

/* The foot the notes of boxes [i, e) take. */
static double
S_fn_foot(const struct boxes *bx, size_t i, size_t e)
{
	double foot = 0;

	for (; i < e; i++)
		foot += S_fn_room(foot, &bx->v[i]);
	return foot;
}

/* The end of the block box i belongs to. */
static size_t
S_block_end(const struct boxes *bx, size_t i)
{
	size_t e = i + 1;

	while (e < bx->n && bx->v[e].block == bx->v[i].block)
		e++;
	return e;
}

/* Where the block [i, e) splits so that its part before goes into room:
 * after the last box that fits and may be left by a break, or inside a
 * divisible box that fills the room with three lines or more; i if no
 * part fits.  Fresh (the page holds nothing else of the flow): keep rules
 * give way, and if not even the first box fits it stands alone, over
 * the foot, which the size limits of rows, charts and footnotes make
 * never happen.  A line with footnote marks goes only where their notes
 * fit too, at the foot of the page, above those it has (foot). */
static size_t
S_split_at(struct boxes *bx, size_t i, size_t e, double room, bool fresh,
    double foot)
{
	double used = 0;
	size_t cut = i;

	for (size_t k = i; k < e; k++) {
		struct box *b = &bx->v[k];
		double space = k == i && fresh ? 0 : b->space;
		double fn = S_fn_room(foot, b);

		if (used + space + b->h + foot + fn > room) {
			if (b->divisible && S_fill_page(bx, k, room - foot -
			    used - space))
				cut = k + 1;
			break;
		}
		used += space + b->h;
		foot += fn;
		/* The last box's keep binds it to the next block, not here. */
		if (!b->keep_next || fresh || k + 1 == e)
			cut = k + 1;
	}
	if (cut == i && fresh)
		cut = i + 1;
	assert(cut <= e && (cut > i || !fresh));
	return cut;
}

/* The first of the boxes before i on its page that must go with it to
 * the next page (a heading, a caption, a paragraph ending in ":"),
 * unless together they would not fit on a page or they are all the page
 * holds: moved, they would stand alone there as here. */
static size_t
S_keep_chain(const struct boxes *bx, size_t i, size_t page_start,
    double page)
{
	size_t j = i;
	double chain = bx->v[i].h;

	while (j > page_start && bx->v[j - 1].keep_next) {
		j--;
		chain += bx->v[j].h;
	}
	return j > page_start && chain <= page ? j : i;
}

struct pen {
	int		 page;
	double		 y, top, bottom;
	double		 foot;		/* the notes at the foot of the page */
	bool		 land;
	size_t		 page_start;	/* the first box on the page */
};

/* Turns to a new page for box i, with its table's or chart's head
 * repeated if it continues one. */
static void
S_new_page(const struct ctx *c, struct boxes *bx, size_t i, struct pen *pn,
    struct pager *pg)
{
	const struct box *b = &bx->v[i];

	pn->page++;
	pn->y = pn->top;
	pn->foot = 0;
	pn->land = b->landscape;
	pn->bottom = pn->top + S_text_h(&c->l->p, pn->land);
	pn->page_start = i;
	if (b->table >= 0 && b->row > 0 && i > 0 &&
	    bx->v[i - 1].table == b->table) {
		grow(&pg->v, &pg->cap, pg->n + 1, sizeof(*pg->v));
		pg->v[pg->n++] = (struct placed_head){ b->table, pn->page,
		    pn->y };
		pn->y += c->heads.v[b->table].h;
	}
}

/* Places boxes [i, k) one under the other from the pen on. */
static void
S_place(struct boxes *bx, size_t i, size_t k, struct pen *pn)
{
	for (; i < k; i++) {
		struct box *b = &bx->v[i];

		b->page = pn->page;
		b->top = pn->y + (i == pn->page_start ? 0 : b->space);
		pn->y = b->top + b->h;
		pn->foot += S_fn_room(pn->foot, b);
	}
}

/* Gives every box a page and a place, from page first on; returns the
 * number of pages used.  Each step places a block or its part that fits,
 * or turns the page; a fresh page always takes a part, so this ends. */
static int
S_paginate(const struct ctx *c, struct boxes *bx, int first,
    struct pager *pg)
{
	const struct lay_params *p = &c->l->p;
	struct pen pn = { .page = first, .y = p->margin_top,
	    .top = p->margin_top, .bottom = p->margin_top + S_text_h(p, false) };
	size_t i = 0, floats = 0;

	while (i < bx->n) {
		size_t e = S_block_end(bx, i), k = i;
		bool fresh = i == pn.page_start;

		bx->v[i].at = pn.y;
		/* A landscape table begins a page and ends one. */
		if (bx->v[i].landscape != pn.land && fresh) {
			pn.land = bx->v[i].landscape;
			pn.bottom = pn.top + S_text_h(p, pn.land);
		}
		if (bx->v[i].landscape == pn.land)
			k = S_split_at(bx, i, e, pn.bottom - pn.y, fresh,
			    pn.foot);
		S_place(bx, i, k, &pn);
		if (k == e) {
			i = k;
			continue;
		}
		if (k == i) {
			double at;

			k = S_keep_chain(bx, i, pn.page_start, pn.bottom - pn.top);
			at = bx->v[k].at;
			/* Rather than leave more than a third of the page
			 * empty, text that follows the figure fills it. */
			if (!pn.land && floats < bx->n && S_float(bx, k,
			    pn.bottom - at, (pn.bottom - pn.top) / 3)) {
				floats++;
				pn.y = at;
				pn.foot = S_fn_foot(bx, pn.page_start, k);
				i = k;
				continue;
			}
		}
		S_new_page(c, bx, k, &pn, pg);
		i = k;
	}
	return pn.page - first + 1;
}

/* Whether the document has a contents page: the tree says from how many
 * pages on (a short document is read through faster than its contents). */
static bool
S_has_toc(const struct doc *d, int pages)
{
	const struct doc_node *toc = d->root->first;

	return toc != NULL && toc->type == DOC_TOC && pages >= toc->min_pages;
}

/* Moves the paginated body on by n pages, behind the contents. */
static void
S_shift(struct boxes *bx, struct pager *pg, int n)
{
	for (size_t i = 0; i < bx->n; i++)
		bx->v[i].page += n;
	for (size_t i = 0; i < pg->n; i++)
		pg->v[i].page += n;
}

/* --- pages --- */

static struct lay_page *
S_page(struct layout *l, int n)
{
	while (l->npages <= (size_t)n) {
		grow(&l->pages, &l->cap, l->npages + 1, sizeof(*l->pages));
		memset(&l->pages[l->npages++], 0, sizeof(*l->pages));
	}
	return &l->pages[n];
}

/* Moves the items of a box onto its page, in PDF coordinates. */
static void
S_emit(struct layout *l, struct lay_page *items, int page, double top)
{
	struct lay_page *pg = S_page(l, page);
	double H = S_page_h(&l->p, pg->landscape);

	for (size_t i = 0; i < items->n; i++) {
		struct lay_item *it = S_item(pg, LI_TEXT);

		*it = items->items[i];
		switch (it->type) {
		case LI_LINE:
			it->y = H - (top + it->y);
			it->h = H - (top + it->h);
			break;
		case LI_RECT:
		case LI_LINK:
		case LI_IMAGE:
			it->y = H - (top + it->y + it->h);
			break;
		case LI_POLYGON:
		case LI_POLYLINE:
			for (int k = 0; k < it->npts; k++)
				it->pts[2 * k + 1] = H - (top + it->pts[2 * k + 1]);
			break;
		default:
			it->y = H - (top + it->y);
			break;
		}
	}
	items->n = 0;
}

/* The notes of box b at the foot of its page, under those of the page
 * before them (*used of the page's foot, which takes foot): a short rule
 * over the first, page furniture.  They are drawn right after the line
 * that marks them, so that they are read after it. */
static void
S_emit_notes(struct layout *l, struct box *b, double foot, double *used)
{
	double bottom = l->p.margin_top + S_text_h(&l->p, b->landscape),
	    top = bottom - foot + *used;
	struct lay_page rule = { 0 };

	if (*used == 0) {
		S_rule(&rule, l->p.margin_left, top + FN_RULE / 3,
		    l->p.margin_left + 40 * MM, 0.5, l->p.muted);
		S_emit(l, &rule, b->page, 0);
		free(rule.items);
		top += FN_RULE;
		*used += FN_RULE;
	}
	for (size_t k = 0; k < b->nfn; k++) {
		struct lay_anchor *a = &l->anchors[b->fn_anchor[k]];

		a->page = b->page;
		a->y = S_page_h(&l->p, b->landscape) - top - b->fn_top[k] + 4;
	}
	S_emit(l, &b->notes, b->page, top);
	*used += b->notes_h;
}

static void
S_emit_boxes(struct layout *l, struct boxes *bx)
{
	int pages = 0;
	double *foot, *used;

	for (size_t i = 0; i < bx->n; i++)
		pages = bx->v[i].page >= pages ? bx->v[i].page + 1 : pages;
	foot = xcalloc((size_t)pages + 1, sizeof(*foot));
	used = xcalloc((size_t)pages + 1, sizeof(*used));
	for (size_t i = 0; i < bx->n; i++)
		foot[bx->v[i].page] += S_fn_room(foot[bx->v[i].page], &bx->v[i]);
	for (size_t i = 0; i < bx->n; i++) {
		struct box *b = &bx->v[i];

		S_page(l, b->page)->landscape = b->landscape;
		if (b->anchor >= 0) {
			l->anchors[b->anchor].page = b->page;
			l->anchors[b->anchor].y = S_page_h(&l->p, b->landscape) -
			    b->top + 4;
		}
		S_emit(l, &b->items, b->page, b->top);
		if (b->nfn > 0)
			S_emit_notes(l, b, foot[b->page], &used[b->page]);
	}
	free(foot);
	free(used);
}

/* The anchors by id, the first of an id winning: a contents entry or
 * link per section would make a linear search quadratic. */
static xmlHashTablePtr
S_anchor_index(const struct layout *l)
{
	xmlHashTablePtr h = xmlHashCreate((int)l->nanchors + 1);

	for (size_t i = 0; i < l->nanchors; i++)
		(void)xmlHashAddEntry(h, (const xmlChar *)l->anchors[i].id,
		    (void *)(uintptr_t)(i + 1));
	return h;
}

static int
S_find_anchor(xmlHashTablePtr h, const char *id)
{
	void *v = xmlHashLookup(h, (const xmlChar *)id);

	return v != NULL ? (int)((uintptr_t)v - 1) : -1;
}

/* Internal links and the contents' page numbers, now that every anchor
 * has its page. */
static void
S_resolve(struct layout *l)
{
	xmlHashTablePtr h = S_anchor_index(l);

	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++) {
			struct lay_item *it = &l->pages[p].items[i];
			int a;

			if (it->text == NULL || it->text[0] != '#' ||
			    (it->type != LI_LINK && it->target != -2))
				continue;
			a = S_find_anchor(h, it->text + 1);
			if (it->type == LI_LINK) {
				it->target = a;
				if (a < 0)
					it->w = 0;	/* dropped by the writer */
				continue;
			}
			/* Right-aligned, the blank before the number takes no
			 * room; a reader gets the number apart from the title. */
			free(it->text);
			it->text = a >= 0 ? xasprintf(" %d", l->anchors[a].page +
			    1) : xstrdup("");
			it->target = -1;
		}
	xmlHashFree(h, NULL);
}

/* A line under the cover's title, if there is one. */
static void
S_cover_line(struct ctx *c, const char *text, double space)
{
	if (text == NULL)
		return;
	c->tag = S_elem(c, LR_P, c->parent);
	S_plain(c, text, c->x0, c->width, 11, LF_REGULAR, c->l->p.muted,
	    space);
}

static void
S_cover(struct ctx *c, const struct doc *d)
{
	const struct lay_params *p = &c->l->p;
	struct lay_page *pg = S_page(c->l, 0);
	struct boxes bx = { 0 };
	struct boxes *save = c->out;
	double y = p->page_h * 0.32, size = 26, line;

	c->out = &bx;
	if (d->status != NULL) {
		c->tag = S_elem(c, LR_P, c->parent);
		S_plain(c, d->status, c->x0, c->width, 13, LF_BOLD, p->accent,
		    0);
	}
	c->tag = S_elem(c, LR_P, c->parent);
	S_plain(c, d->jobcenter, c->x0, c->width, 13, LF_BOLD, p->text,
	    d->status != NULL ? 8 : 0);
	/* Smaller rather than break a word of the title. */
	while (size > 16 && S_widest_word(c, d->title, LF_BOLD, size, &line) >
	    c->width)
		size -= 2;
	c->tag = S_elem(c, LR_H, c->parent);
	c->l->elems[c->tag].level = 1;
	S_plain_words(c, d->title, c->x0, S_balanced_width(c, d->title,
	    c->width, size, LF_BOLD), size, LF_BOLD, p->accent, 12);
	if (d->subtitle != NULL) {
		c->tag = S_elem(c, LR_P, c->parent);
		S_plain_words(c, d->subtitle, c->x0, c->width, 15, LF_REGULAR,
		    p->text, 6);
	}
	S_cover_line(c, d->cover_line, 18);
	S_cover_line(c, d->date, 4);
	S_cover_line(c, d->author, 4);
	S_cover_line(c, d->reference, 4);
	c->tag = 0;
	c->out = save;
	if (p->logo) {
		struct lay_item *it = S_item(pg, LI_LOGO);

		it->x = c->x0;
		it->y = p->page_h - p->margin_top - 60;
		it->w = 180;
		it->h = 60;
	}
	S_rule(pg, c->x0, p->page_h - y + 30, c->x0 + c->width, 3,
	    p->accent);
	for (size_t i = 0; i < bx.n; i++) {
		y += bx.v[i].space;
		S_emit(c->l, &bx.v[i].items, 0, y);
		y += bx.v[i].h;
		free(bx.v[i].items.items);
	}
	free(bx.v);
}

/* s, or as many of its words as fit room with "…" after them (a word
 * cut if the first does not fit). */
static char *
S_shorten(const struct ctx *c, const char *s, double size, double room)
{
	size_t n = strlen(s), cut;

	if (S_w(c, LF_REGULAR, size, s, n) <= room)
		return xstrdup(s);
	room -= S_w(c, LF_REGULAR, size, "\xE2\x80\xA6", 3);
	cut = room > 0 ? S_fit(c, LF_REGULAR, size, s, n, room) : 0;
	for (size_t k = cut; k > 0; k--)
		if (s[k] == ' ') {
			cut = k;
			break;
		}
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	return xasprintf("%.*s\xE2\x80\xA6", (int)cut, s);
}

/* The running head's halves, jobcenter and title (after the status, which
 * shortening keeps), each shortened to its
 * share of width where together they would overprint. */
static void
S_head_halves(const struct ctx *c, const struct doc *d, double width,
    char **left, char **title)
{
	const char *right = d->head_title != NULL ? d->head_title : d->title;
	double gap = 24, wl = S_w(c, LF_REGULAR, 7.5, d->jobcenter,
	    strlen(d->jobcenter)), wt = S_w(c, LF_REGULAR, 7.5, right,
	    strlen(right)), half = (width - gap) / 2;

	if (wl + wt + gap > width) {
		if (wl <= half)
			wt = width - gap - wl;
		else if (wt <= half)
			wl = width - gap - wt;
		else
			wl = wt = half;
	}
	*left = S_shorten(c, d->jobcenter, 7.5, wl);
	*title = S_shorten(c, right, 7.5, wt);
}

/* Jobcenter and title on top of every page but the cover, "Seite X von
 * Y" at its foot. */
static void
S_running(struct ctx *c, const struct doc *d)
{
	const struct lay_params *p = &c->l->p;
	size_t n = c->l->npages;

	for (size_t i = 1; i < n; i++) {
		struct lay_page *pg = &c->l->pages[i];
		double ytop = S_page_h(p, pg->landscape) - p->margin_top + 22;
		double right = c->x0 + S_text_w(p, pg->landscape);
		char *foot = xasprintf("Seite %zu von %zu", i + 1, n);
		char *left, *title;

		S_head_halves(c, d, right - c->x0, &left, &title);
		S_text(pg, c->x0, ytop, LF_REGULAR, 7.5, p->muted, left,
		    strlen(left));
		S_right_text(pg, right, ytop, 7.5, title, p->muted);
		S_rule(pg, c->x0, ytop - 5, right, 0.5, RULE_GRAY);
		S_right_text(pg, right, p->margin_bottom - 24, 8, foot,
		    p->muted);
		free(foot);
		free(left);
		free(title);
	}
}

/* The repeated heads where pagination put them. */
static void
S_emit_heads(struct ctx *c, const struct pager *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		struct lay_page copy = { 0 };
		const struct lay_page *src = &c->heads.v[pg->v[i].table].items;

		for (size_t k = 0; k < src->n; k++) {
			struct lay_item *it = S_item(&copy, LI_TEXT);

			*it = src->items[k];
			it->text = src->items[k].text != NULL ?
			    xstrdup(src->items[k].text) : NULL;
			it->pts = NULL;
			it->elem = 0;	/* repeated: page furniture */
		}
		S_emit(c->l, &copy, pg->v[i].page, pg->v[i].top);
		free(copy.items);
	}
}

static void
S_boxes_free(struct boxes *bx)
{
	for (size_t i = 0; i < bx->n; i++) {
		S_page_free(&bx->v[i].items);
		S_page_free(&bx->v[i].notes);
		free(bx->v[i].fn_anchor);
		free(bx->v[i].fn_top);
	}
	free(bx->v);
}

void
layout_defaults(struct lay_params *p)
{
	*p = (struct lay_params){ .page_w = 210 * MM, .page_h = 297 * MM,
	    .margin_top = 25 * MM, .margin_right = 20 * MM,
	    .margin_bottom = 22 * MM, .margin_left = 25 * MM,
	    .font_size = 10, .accent = 0x1F4E79, .light = 0xE8EEF5,
	    .text = DEFAULT_TEXT, .muted = 0x555555,
	    };
	_Static_assert(LAY_CHART_COLORS == CHART_COLORS, "one palette");
	memcpy(p->chart, chart_default_palette, sizeof(p->chart));
}

static struct layout *
S_build(const struct doc *d, const struct measure *m, struct hyph *h,
    const struct lay_params *p, xmlHashTablePtr ref_pages)
{
	struct layout *l = xcalloc(1, sizeof(*l));
	struct boxes toc = { 0 }, body = { 0 };
	struct pager pg = { 0 };
	struct ctx c = { .m = m, .hy = h, .l = l, .doc = d,
	    .ref_pages = ref_pages };
	size_t first_toc, end_toc;
	int nbody, ntoc;

	l->p = *p;
	(void)S_elem(&c, LR_ARTIFACT, 0);
	c.parent = S_elem(&c, LR_DOCUMENT, 0);
	c.x0 = p->margin_left;
	c.width = S_text_w(p, false);
	S_cover(&c, d);
	/* The contents first, so that its elements come before the body's
	 * in the structure; dropped if the document is short. */
	first_toc = l->nelems;
	/* The contents, then the lists of tables and figures (docbuild.c). */
	for (const struct doc_node *t = d->root->first; t != NULL &&
	    t->type == DOC_TOC; t = t->next) {
		c.out = &toc;
		S_toc(&c, t);
	}
	end_toc = l->nelems;
	c.out = &body;
	S_blocks(&c, d->root);
	nbody = S_paginate(&c, &body, 1, &pg);
	if (S_has_toc(d, 1 + nbody)) {
		ntoc = S_paginate(&c, &toc, 1, &pg);
		S_shift(&body, &pg, ntoc);
	} else {
		S_boxes_free(&toc);
		memset(&toc, 0, sizeof(toc));
		for (size_t i = first_toc; i < end_toc; i++)
			l->elems[i].role = LR_ARTIFACT;
	}
	S_emit_boxes(l, &toc);
	S_emit_boxes(l, &body);
	S_emit_heads(&c, &pg);
	S_resolve(l);
	S_running(&c, d);
	S_boxes_free(&toc);
	S_boxes_free(&body);
	S_boxes_free(&c.heads);
	free(pg.v);
	return l;
}

static void
S_free_text(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/* " auf Seite 12" for each <ref> whose target stands on another page
 * than the ref's first line; NULL if the document has no ref. */
static xmlHashTablePtr
S_ref_pages(const struct layout *l)
{
	xmlHashTablePtr h = NULL, seen = NULL;

	for (size_t p = 0; p < l->npages; p++)
		for (size_t i = 0; i < l->pages[p].n; i++) {
			const struct lay_item *it = &l->pages[p].items[i];
			char key[32];
			int tp;

			if (it->type != LI_LINK || it->ref == NULL)
				continue;
			if (h == NULL && ((h = xmlHashCreate(16)) == NULL ||
			    (seen = xmlHashCreate(16)) == NULL))
				out_of_memory();
			S_ref_key(it->ref, key);
			if (xmlHashAddEntry(seen, (xmlChar *)key, (void *)1) != 0)
				continue;	/* its first line decides */
			if (it->target < 0 || (tp = l->anchors[it->target].page) ==
			    (int)p)
				continue;
			if (xmlHashAddEntry(h, (xmlChar *)key, xasprintf(
			    " auf Seite %d", tp + 1)) != 0)
				out_of_memory();
		}
	if (seen != NULL)
		xmlHashFree(seen, NULL);
	return h;
}

struct same {
	xmlHashTablePtr	 other;
	bool		 same;
};

static void
S_compare(void *payload, void *data, const xmlChar *name)
{
	struct same *s = data;
	const char *o = xmlHashLookup(s->other, name);

	s->same &= o != NULL && strcmp(o, payload) == 0;
}

static bool
S_same_pages(xmlHashTablePtr a, xmlHashTablePtr b)
{
	struct same s = { b, true };

	if (a == NULL || b == NULL)
		return a == b;
	if (xmlHashSize(a) != xmlHashSize(b))
		return false;
	xmlHashScan(a, S_compare, &s);
	return s.same;
}

/* The pages a <ref> names change the text that is paginated: the layout
 * is made again with the pages of the pass before, until they stay the
 * same (a few passes; the last one stands if they never do). */
#define REF_PASSES 4

struct layout *
layout_build(const struct doc *d, const struct measure *m, struct hyph *h,
    const struct lay_params *p)
{
	struct layout *l = S_build(d, m, h, p, NULL);
	xmlHashTablePtr used = NULL, found;

	for (int pass = 0; pass < REF_PASSES; pass++) {
		found = S_ref_pages(l);
		if (found == NULL || (used == NULL && xmlHashSize(found) == 0) ||
		    (used != NULL && S_same_pages(used, found))) {
			if (found != NULL)
				xmlHashFree(found, S_free_text);
			break;
		}
		layout_free(l);
		l = S_build(d, m, h, p, found);
		if (used != NULL)
			xmlHashFree(used, S_free_text);
		used = found;
	}
	if (used != NULL)
		xmlHashFree(used, S_free_text);
	return l;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->npages; i++)
		S_page_free(&l->pages[i]);
	free(l->pages);
	for (size_t i = 0; i < l->nanchors; i++) {
		free(l->anchors[i].id);
		free(l->anchors[i].title);
	}
	free(l->anchors);
	for (size_t i = 0; i < l->nelems; i++)
		free(l->elems[i].alt);
	free(l->elems);
	free(l);
}
