/* pdftag.c: marked content and the structure tree of a tagged PDF.
 * Every run of a page's content is marked as content of its element
 * (BDC with an MCID) or as an artifact; the structure elements are made
 * from the layout's when the pages are done, their kids in the order the
 * pages draw them, with a parent tree from MCIDs and link annotations
 * back to their elements. */
#include "pdftag.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* What an element holds, in the order of its key: marked content, a
 * link annotation, or an element. */
struct kid {
	unsigned long	 key;		/* drawing order; an element: its first */
	enum { K_MCR, K_OBJR, K_ELEM } type;
	size_t		 page;
	int		 n;		/* MCID, or element number */
	HPDF_Annotation	 annot;
};

struct kids {
	struct kid	*v;
	size_t		 n, cap;
};

/* The element of each MCID of a page. */
struct marks {
	int		*v;
	size_t		 n, cap;
};

struct annot {
	HPDF_Annotation	 a;
	int		 elem;
	size_t		 page;
};

struct pdftag {
	HPDF_Doc		 pdf;
	const struct layout	*l;
	HPDF_Page		*pages;
	struct kids		*kids;		/* by element */
	struct marks		*marks;		/* by page */
	struct annot		*annots;
	size_t			 nannots, capannots;
	unsigned long		 seq;
	int			 open;		/* -1: none, 0: an artifact */
	HPDF_Dict		*objs;		/* by element, when finished */
	HPDF_Dict		 scope[2];	/* a TH's /A: column, row */
};

static const char *const role_names[] = {
	[LR_ARTIFACT] = "Artifact", [LR_DOCUMENT] = "Document",
	[LR_SECT] = "Sect", [LR_H] = "H", [LR_P] = "P", [LR_L] = "L",
	[LR_LI] = "LI", [LR_LBL] = "Lbl", [LR_LBODY] = "LBody",
	[LR_TABLE] = "Table", [LR_THEAD] = "THead", [LR_TBODY] = "TBody",
	[LR_TR] = "TR", [LR_TH] = "TH", [LR_TD] = "TD",
	[LR_CAPTION] = "Caption", [LR_FIGURE] = "Figure", [LR_LINK] = "Link",
	[LR_TOC] = "TOC", [LR_TOCI] = "TOCI", [LR_NOTE] = "Note",
	[LR_DIV] = "Div",
};

/* The structure type of element e: "H2" for a heading of level 2. */
static void
S_type(const struct lay_elem *e, char *buf, size_t len)
{
	if (e->role == LR_H)
		snprintf(buf, len, "H%d", e->level);
	else
		snprintf(buf, len, "%s", role_names[e->role]);
}

/* Element e, if it stands in the structure (a dropped contents page's
 * do not), else 0. */
static int
S_live(const struct pdftag *t, int e)
{
	return e > 0 && (size_t)e < t->l->nelems &&
	    t->l->elems[e].role != LR_ARTIFACT ? e : 0;
}

static void
S_kid(struct kids *k, struct kid kid)
{
	grow(&k->v, &k->cap, k->n + 1, sizeof(*k->v));
	k->v[k->n++] = kid;
}

static void
S_write(struct pdftag *t, size_t n, const char *s)
{
	HPDF_Page page = t->pages[n];

	HPDF_Stream_WriteStr(((HPDF_PageAttr)page->attr)->stream, s);
}

/* Bytes of a text string libharu takes (HPDF_LIMIT_MAX_STRING_LEN):
 * the text alternative of a chart of 30.000 bars is longer. */
#define TEXT_MAX	65000

/* s as a PDF text string: UTF-16BE after its byte order mark, cut with
 * "…" where it would be longer than TEXT_MAX. */
static HPDF_Binary
S_text_string(HPDF_MMgr mmgr, const char *s)
{
	size_t len = strlen(s), i = 0, n = 2;
	unsigned char *b = xcalloc(4 * len + 8, 1);
	HPDF_Binary r;

	b[0] = 0xFE;
	b[1] = 0xFF;
	while (i < len) {
		uint32_t c = utf8_next(s, len, &i);

		if (n + 6 > TEXT_MAX) {
			c = 0x2026;
			i = len;
		}

		if (c >= 0x10000) {
			c -= 0x10000;
			b[n++] = (unsigned char)(0xD8 | (c >> 18));
			b[n++] = (unsigned char)(c >> 10);
			b[n++] = (unsigned char)(0xDC | ((c >> 8) & 3));
			b[n++] = (unsigned char)c;
		} else {
			b[n++] = (unsigned char)(c >> 8);
			b[n++] = (unsigned char)c;
		}
	}
	r = HPDF_Binary_New(mmgr, b, (HPDF_UINT)n);
	free(b);
	return r;
}

struct pdftag *
pdftag_new(HPDF_Doc pdf, const struct layout *l, HPDF_Page *pages)
{
	struct pdftag *t = xcalloc(1, sizeof(*t));

	t->pdf = pdf;
	t->l = l;
	t->pages = pages;
	t->kids = xcalloc(l->nelems + 1, sizeof(*t->kids));
	t->marks = xcalloc(l->npages + 1, sizeof(*t->marks));
	t->open = -1;
	return t;
}

/* Begins a sequence of page n's content: of element e's, or an
 * artifact's (0). */
static void
S_open(struct pdftag *t, size_t n, int e)
{
	struct marks *m = &t->marks[n];
	char buf[64];

	t->open = e;
	if (e == 0) {
		S_write(t, n, "/Artifact BMC\n");
		return;
	}
	S_type(&t->l->elems[e], buf, 16);
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
	    " <</MCID %zu>> BDC\n", m->n);
	S_write(t, n, "/");
	S_write(t, n, buf);
	S_kid(&t->kids[e], (struct kid){ .key = t->seq++, .type = K_MCR,
	    .page = n, .n = (int)m->n });
	grow(&m->v, &m->cap, m->n + 1, sizeof(*m->v));
	m->v[m->n++] = e;
}

void
pdftag_item(struct pdftag *t, size_t n, const struct lay_item *it)
{
	int want = S_live(t, it->elem);

	if (it->type == LI_LINK || want == t->open)
		return;
	pdftag_page_end(t, n);
	S_open(t, n, want);
}

/* The hyphen a line break added is no content: an artifact that reads
 * as nothing (/ActualText), between two sequences of its element, not
 * nested in one (readers of the structure stop at a nested sequence). */
void
pdftag_hyphen(struct pdftag *t, size_t n)
{
	S_write(t, n, t->open > 0 ? "EMC\n/Artifact <</ActualText <FEFF>>> "
	    "BDC\n" : "/Span <</ActualText <FEFF>>> BDC\n");
}

void
pdftag_hyphen_end(struct pdftag *t, size_t n)
{
	int open = t->open;

	S_write(t, n, "EMC\n");
	if (open > 0) {
		t->open = -1;
		S_open(t, n, open);
	}
}

void
pdftag_page_end(struct pdftag *t, size_t n)
{
	if (t->open >= 0)
		S_write(t, n, "EMC\n");
	t->open = -1;
}

void
pdftag_annot(struct pdftag *t, size_t n, HPDF_Annotation a, int elem)
{
	elem = S_live(t, elem);
	if (elem == 0)
		return;
	S_kid(&t->kids[elem], (struct kid){ .key = t->seq++, .type = K_OBJR,
	    .page = n, .annot = a });
	grow(&t->annots, &t->capannots, t->nannots + 1, sizeof(*t->annots));
	t->annots[t->nannots++] = (struct annot){ a, elem, n };
}

/* --- the structure tree --- */

/* The key of every element: its first kid's, or, holding nothing, the
 * key of the element before it under the same parent (so that an empty
 * cell keeps its place in its row). */
static unsigned long *
S_first_keys(const struct pdftag *t)
{
	size_t n = t->l->nelems;
	unsigned long *fk = xcalloc(n + 1, sizeof(*fk)),
	    *last = xcalloc(n + 1, sizeof(*last));

	for (size_t i = 0; i < n; i++) {
		fk[i] = last[i] = ULONG_MAX;
		for (size_t k = 0; k < t->kids[i].n; k++)
			if (t->kids[i].v[k].key < fk[i])
				fk[i] = t->kids[i].v[k].key;
	}
	for (size_t i = n; i-- > 2; ) {
		int p = t->l->elems[i].parent;

		if (S_live(t, (int)i) && fk[i] < fk[p])
			fk[p] = fk[i];
	}
	for (size_t i = 2; i < n; i++) {
		int p = t->l->elems[i].parent;

		if (!S_live(t, (int)i))
			continue;
		if (fk[i] == ULONG_MAX)
			fk[i] = last[p] != ULONG_MAX ? last[p] : fk[p];
		last[p] = fk[i];
	}
	free(last);
	return fk;
}

static int
S_kid_cmp(const void *a, const void *b)
{
	const struct kid *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* A kid of an element's /K: an element, an MCID of the element's own
 * page (pg) as a number, an MCR of another page or an OBJR. */
static void *
S_kid_obj(struct pdftag *t, const struct kid *k, size_t pg)
{
	HPDF_Dict d;

	if (k->type == K_ELEM)
		return t->objs[k->n];
	if (k->type == K_MCR && k->page == pg)
		return HPDF_Number_New(t->pdf->mmgr, k->n);
	d = HPDF_Dict_New(t->pdf->mmgr);
	if (d == NULL)
		return NULL;
	HPDF_Dict_AddName(d, "Type", k->type == K_MCR ? "MCR" : "OBJR");
	HPDF_Dict_Add(d, "Pg", t->pages[k->page]);
	if (k->type == K_MCR)
		HPDF_Dict_AddNumber(d, "MCID", k->n);
	else
		HPDF_Dict_Add(d, "Obj", k->annot);
	return d;
}

/* The entries of element i's dictionary but its kids. */
static void
S_elem_entries(struct pdftag *t, size_t i, HPDF_Dict parent)
{
	const struct lay_elem *e = &t->l->elems[i];
	HPDF_Dict d = t->objs[i], a;
	HPDF_MMgr mmgr = t->pdf->mmgr;
	char type[16], id[32];

	/* /Type is optional: a table's cells are the most objects. */
	S_type(e, type, sizeof(type));
	HPDF_Dict_AddName(d, "S", type);
	HPDF_Dict_Add(d, "P", parent);
	if (e->role == LR_FIGURE && e->alt != NULL)
		HPDF_Dict_Add(d, "Alt", S_text_string(mmgr, e->alt));
	if (e->role == LR_TH && (a = t->scope[e->row]) != NULL)
		HPDF_Dict_Add(d, "A", a);
	if (e->role == LR_NOTE) {
		snprintf(id, sizeof(id), "anm-%zu", i);
		HPDF_Dict_Add(d, "ID", HPDF_String_New(mmgr, id, NULL));
	}
}

/* The two attribute objects a TH points to: /Scope /Column and /Row. */
static bool
S_scopes(struct pdftag *t)
{
	for (int k = 0; k < 2; k++) {
		HPDF_Dict a = HPDF_Dict_New(t->pdf->mmgr);

		if (a == NULL || HPDF_Xref_Add(t->pdf->xref, a) != HPDF_OK)
			return false;
		HPDF_Dict_AddName(a, "O", "Table");
		HPDF_Dict_AddName(a, "Scope", k ? "Row" : "Column");
		t->scope[k] = a;
	}
	return true;
}

/* Element i's /K in reading order, with /Pg the page of its first
 * marked content, whose MCIDs are then plain numbers; one kid stands
 * alone (the most elements are a cell of one line). */
static bool
S_elem_kids(struct pdftag *t, size_t i)
{
	struct kids *ks = &t->kids[i];
	size_t pg = SIZE_MAX;
	HPDF_Array k;
	bool ok = true;

	if (ks->n > 1)
		qsort(ks->v, ks->n, sizeof(struct kid), S_kid_cmp);
	for (size_t j = 0; j < ks->n && pg == SIZE_MAX; j++)
		if (ks->v[j].type == K_MCR)
			pg = ks->v[j].page;
	if (pg != SIZE_MAX)
		HPDF_Dict_Add(t->objs[i], "Pg", t->pages[pg]);
	if (ks->n == 1)
		return HPDF_Dict_Add(t->objs[i], "K", S_kid_obj(t, &ks->v[0],
		    pg)) == HPDF_OK;
	k = HPDF_Array_New(t->pdf->mmgr);
	ok = k != NULL && HPDF_Dict_Add(t->objs[i], "K", k) == HPDF_OK;
	for (size_t j = 0; j < ks->n && ok; j++)
		ok = HPDF_Array_Add(k, S_kid_obj(t, &ks->v[j], pg)) == HPDF_OK;
	return ok;
}

/* Every live element as an indirect dictionary, its kids sorted. */
static bool
S_elements(struct pdftag *t, HPDF_Dict root)
{
	size_t n = t->l->nelems;
	unsigned long *fk = S_first_keys(t);
	bool ok = true;

	t->objs = xcalloc(n + 1, sizeof(*t->objs));
	for (size_t i = 1; i < n && ok; i++)
		if (S_live(t, (int)i)) {
			t->objs[i] = HPDF_Dict_New(t->pdf->mmgr);
			ok = t->objs[i] != NULL &&
			    HPDF_Xref_Add(t->pdf->xref, t->objs[i]) == HPDF_OK;
		}
	for (size_t i = 2; i < n && ok; i++)
		if (S_live(t, (int)i))
			S_kid(&t->kids[t->l->elems[i].parent], (struct kid){
			    .key = fk[i], .type = K_ELEM, .n = (int)i });
	ok = ok && S_scopes(t);
	for (size_t i = 1; i < n && ok; i++)
		if (S_live(t, (int)i)) {
			S_elem_entries(t, i, i == 1 ? root :
			    t->objs[t->l->elems[i].parent]);
			ok = S_elem_kids(t, i);
		}
	free(fk);
	return ok;
}

#define TREE_LEAF 2000	/* number tree entries in one leaf */

/* The parent tree: key n (a page's /StructParents) to the elements of
 * its MCIDs, key npages + j to the element of annotation j; a number
 * tree of leaves, so that no array grows past libharu's limit. */
static HPDF_Dict
S_parent_tree(struct pdftag *t)
{
	HPDF_MMgr mmgr = t->pdf->mmgr;
	size_t np = t->l->npages, total = np + t->nannots;
	HPDF_Dict tree = HPDF_Dict_New(mmgr), leaf = NULL;
	HPDF_Array kids = HPDF_Array_New(mmgr), nums = NULL;
	bool ok = tree != NULL && kids != NULL &&
	    HPDF_Xref_Add(t->pdf->xref, tree) == HPDF_OK &&
	    HPDF_Dict_Add(tree, "Kids", kids) == HPDF_OK;

	for (size_t key = 0; key < total && ok; key++) {
		if (key % TREE_LEAF == 0) {
			HPDF_Array lim = HPDF_Array_New(mmgr);

			leaf = HPDF_Dict_New(mmgr);
			nums = HPDF_Array_New(mmgr);
			ok = leaf != NULL && nums != NULL && lim != NULL &&
			    HPDF_Xref_Add(t->pdf->xref, leaf) == HPDF_OK &&
			    HPDF_Array_Add(kids, leaf) == HPDF_OK &&
			    HPDF_Dict_Add(leaf, "Nums", nums) == HPDF_OK &&
			    HPDF_Dict_Add(leaf, "Limits", lim) == HPDF_OK;
			if (!ok)
				break;
			HPDF_Array_AddNumber(lim, (HPDF_INT32)key);
			HPDF_Array_AddNumber(lim, (HPDF_INT32)(key + TREE_LEAF <
			    total ? key + TREE_LEAF - 1 : total - 1));
		}
		HPDF_Array_AddNumber(nums, (HPDF_INT32)key);
		if (key < np) {
			HPDF_Array a = HPDF_Array_New(mmgr);

			ok = a != NULL && HPDF_Array_Add(nums, a) == HPDF_OK;
			for (size_t m = 0; ok && m < t->marks[key].n; m++)
				ok = HPDF_Array_Add(a,
				    t->objs[t->marks[key].v[m]]) == HPDF_OK;
		} else
			ok = HPDF_Array_Add(nums,
			    t->objs[t->annots[key - np].elem]) == HPDF_OK;
	}
	return ok ? tree : NULL;
}

/* /StructParents on every page, /StructParent on every link, and /Tabs
 * /S where a page has links (the tab order follows the structure). */
static void
S_page_keys(struct pdftag *t)
{
	size_t np = t->l->npages;

	for (size_t i = 0; i < np; i++)
		HPDF_Dict_AddNumber(t->pages[i], "StructParents", (HPDF_INT32)i);
	for (size_t j = 0; j < t->nannots; j++) {
		HPDF_Dict_AddNumber(t->annots[j].a, "StructParent",
		    (HPDF_INT32)(np + j));
		HPDF_Dict_AddName(t->pages[t->annots[j].page], "Tabs", "S");
	}
}

bool
pdftag_finish(struct pdftag *t)
{
	HPDF_Dict root = HPDF_Dict_New(t->pdf->mmgr), tree;

	if (root == NULL || t->l->nelems < 2 ||
	    HPDF_Xref_Add(t->pdf->xref, root) != HPDF_OK ||
	    !S_elements(t, root) || (tree = S_parent_tree(t)) == NULL)
		return false;
	S_page_keys(t);
	HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
	HPDF_Dict_Add(root, "K", t->objs[1]);
	HPDF_Dict_Add(root, "ParentTree", tree);
	HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
	    (HPDF_INT32)(t->l->npages + t->nannots));
	HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", root);
	return HPDF_Error_GetCode(&t->pdf->error) == HPDF_OK;
}

void
pdftag_free(struct pdftag *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->l->nelems; i++)
		free(t->kids[i].v);
	for (size_t i = 0; i < t->l->npages; i++)
		free(t->marks[i].v);
	free(t->kids);
	free(t->marks);
	free(t->annots);
	free(t->objs);
	free(t);
}
