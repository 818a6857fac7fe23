/* plangen.c: whole plan folders from a stream of choices (plangen.h).
 *
 * The plans are mostly valid, so that the properties of a rendered plan
 * are tested, and hostile in a measured way: each plan draws an "evil"
 * rate (0 for about a third of the plans) with which it misspells keys,
 * gets declared totals wrong, writes numbers past the limits, short rows,
 * odd encodings, unknown columns, deep sections, links of any scheme,
 * characters no font has, and templates with strange pages and colours.
 * Of version 2 it writes darunter rows, <check>s, budget rows, decimals,
 * year ranges, cover lines, insert columns and titles, column labels,
 * format="bare", figures with the PNG and JPEG files it draws (libpng,
 * libjpeg: the same bytes for the same seed), chart ids, <ref>s,
 * <contents> and footnotes.  The generator keeps what it wrote (tables,
 * row ids, groups, fields, the values of some keys, ids of sections,
 * charts and figures), so that <value>, <insert>, <chart>, <check> and
 * <ref> mostly name what exists, and checks hold. */
#include "plangen.h"

#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jpeglib.h>
#include <png.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

#define MAX_TABLES	8
#define MAX_ROWS	600

/* --- the source of choices --- */

void
pg_src_bytes(struct pg_src *s, const uint8_t *data, size_t len)
{
	*s = (struct pg_src){ .data = data, .len = len };
}

static uint64_t S_next(struct pg_src *);

void
pg_src_seed(struct pg_src *s, uint64_t seed)
{
	/* A hashed start, so that the sequences of seeds n and n + 1 are
	 * not the same sequence shifted by one. */
	*s = (struct pg_src){ .state = seed };
	s->state = S_next(s) ^ 0x5DEECE66Du;
}

/* splitmix64: small, good enough, the same on every machine. */
static uint64_t
S_next(struct pg_src *s)
{
	uint64_t z = (s->state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

uint32_t
pg_pick(struct pg_src *s, uint32_t n)
{
	uint32_t v = 0;
	int bytes = n <= 256 ? 1 : n <= 65536 ? 2 : 4;

	if (n <= 1)
		return 0;
	if (s->data == NULL)
		return (uint32_t)(S_next(s) % n);
	for (int i = 0; i < bytes && s->pos < s->len; i++)
		v = v << 8 | s->data[s->pos++];
	return v % n;
}

/* --- what has been generated --- */

enum kind { K_BUDGET, K_INSTRUMENTS, K_DISTRIBUTION, K_TARGETS, K_SERIES,
	K_TABLE, K_COUNT };

static const char *const kind_names[] = { "budget", "instruments",
	"distribution", "targets", "series", "table" };

/* The fields of each kind, input and computed: what keys and charts name. */
static const char *const kind_fields[K_COUNT][20] = {
	{ "betrag", "anteil_basis" },
	{ "eintritte", "plaetze", "mittel_neufall", "mittel_vorbindung",
	  "mittel_zusatz", "mittel_gesamt", "kosten_je_eintritt",
	  "anteil_budget", "eintritte_ist", "ausgaben_ist",
	  "ausschoepfung_eintritte", "ausschoepfung_mittel" },
	{ "anzahl", "anteil", "vorjahr", "veraenderung",
	  "veraenderung_prozent" },
	{ "ist_vorjahr", "veraenderung", "zaehler", "nenner",
	  "veraenderung_punkte", "zielwert", "ist", "abweichung",
	  "zielerreichung" },
	{ "wert", "veraenderung", "veraenderung_prozent" },
	{ NULL },
};

struct tab {
	char		 name[40];
	enum kind	 kind;
	char		*rows[MAX_ROWS];	/* ids */
	int		 up[MAX_ROWS];		/* davon parent + 1, or 0 */
	int		 nrows;
	char		*groups[16];
	int		 ngroups;
	char		*fields[24];		/* of a kind="table" */
	int		 nfields;
	bool		 total;			/* it has a row "gesamt" */
	const char	*texts[8];		/* text columns an insert may name */
	int		 ntexts;
	struct known {				/* keys with a value written */
		char		*key;
		long long	 v;		/* in units of the decimals */
		int		 dec;
	}		 known[32];
	int		 nknown;
	struct buf	 sum;			/* "T.a.anzahl + T.b.anzahl …": */
	int		 nsum;			/* equals T.gesamt.anzahl */
};

/* The label column of each kind: the one an insert's columns= may name
 * first. */
static const char *const label_names[] = { "position", "instrument",
	"merkmal", "kennzahl", "kennzahl", "bezeichnung" };

struct pg {
	struct pg_src	*s;
	const char	*dir;
	int		 evil;		/* per mille of the choices */
	int		 nevil;		/* evil (or risky) choices made */
	bool		 dot;		/* the current CSV uses decimal="." */
	char		 delim;
	struct tab	 tabs[MAX_TABLES];
	int		 ntabs;
	int		 nfiles;
	int		 nids;		/* sections with an id: kap-1 ... */
	int		 report;	/* 0 amip, 1 planungsdokument, 2 bericht */
	bool		 fixed_report;	/* report is set: do not draw it */
	struct pg	*programme;	/* a Bericht's programme, generated */
	int		 nchecks;	/* <check>s written, for their labels */
	int		 nfails;	/* evil choices that were failing checks */
	char		 targets[64][16];	/* ids of charts and numbered
					 * figures, for <ref> and #ID */
	int		 ntargets;
	int		 nfigures;	/* <figure>s written: bild-1 ... */
	int		 ncharts;	/* <chart id>s written: abb-1 ... */
	int		 npictures;	/* picture files written */
	char		 last_picture[40];	/* the last one's src */
	int		 fn_block;	/* <fn>s in the current p, li or note;
					 * -1 where none may stand */
	int		 nfn;		/* <fn>s written */
	bool		 glued;		/* a word before: a mark may follow */
};

static uint32_t
S_pick(struct pg *g, uint32_t n)
{
	return pg_pick(g->s, n);
}

/* True with pct per cent; false once the bytes are used up. */
static bool
S_chance(struct pg *g, unsigned pct)
{
	return S_pick(g, 100) >= 100 - pct;
}

static bool
S_evil(struct pg *g)
{
	bool yes = g->evil > 0 && S_pick(g, 1000) >= 1000u - (unsigned)g->evil;

	g->nevil += yes;
	return yes;
}

/* A choice that a valid plan may make, but that may make it invalid
 * (values at the limits add up to more): counted like an evil one. */
static bool
S_risky(struct pg *g, unsigned pct)
{
	bool yes = S_chance(g, pct);

	g->nevil += yes;
	return yes;
}

static const char *
S_one(struct pg *g, const char *const *list, size_t n)
{
	return list[S_pick(g, (uint32_t)n)];
}
#define ONE(g, list) S_one(g, list, sizeof(list) / sizeof(*(list)))

static void
S_write(struct pg *g, const char *dir, const char *name, const char *data,
    size_t len)
{
	fuzz_write(dir, name, data, len);
	g->nfiles++;
}

/* --- text --- */

static const char *const words[] = {
	"Förderung", "Maßnahme", "Eingliederung", "der", "die", "und", "für",
	"Integrationsquote", "Langzeitleistungsbezieher", "Jobcenter",
	"Bildungsgutschein", "Arbeitsgelegenheiten", "Übergang", "Straße",
	"Qualifizierung", "eLb", "U25", "§ 16i SGB II", "50 %", "„Zitat“",
	"–", "Ausbildung", "Träger", "Beschäftigung", "2017", "Kunden",
	"mit", "im", "Teilhabe", "Ü50", "Alleinerziehende", "(AE)", "€",
	"Geschäftsführung", "Vermittlung", "ca.", "z. B.", "d. h.", "Ärztin",
	"Öffentlichkeit", "GROSS", "ẞ", "&", "<b>", "\"", "'", ";", ",",
};

/* Rarer words: long, foreign, invisible, or text that means something
 * elsewhere (a formula, markup, a format). */
static const char *const odd_words[] = {
	"Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellung",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	"https://www.example.org/ein/sehr/langer/pfad/ohne/leerzeichen/zum/umbrechen?x=1&y=2",
	"Ελληνικά", "Кириллица", "العربية", "עברית", "e\xCC\x81t\xC3\xA9",
	"A\xC2\xA0\x42", "Soft\xC2\xADhyphen", "zero\xE2\x80\x8Bwidth",
	"=SUMME(A1:A9)", "+49 30 1234", "-Minus", "@ref",
	"<script>alert(1)</script>", "ﬁ Ligatur",
	"\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", "%s%n%d", "   ", "tab\there",
};

/* Words that a plan must not hold, or that no font may have. */
static const char *const bad_words[] = {
	"\xE2\x80\xAE\x62idi", "ctl\x01\x63har", "中文", "😀", "x\r\ny",
	"\xEF\xBF\xBF", "\xF0\x9D\x94\x84", "",
};

/* Words of plain text into b, raw UTF-8. */
static void
S_text(struct pg *g, struct buf *b, int maxwords)
{
	int n = 1 + (int)S_pick(g, (uint32_t)maxwords);

	for (int i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(b, ' ');
		if (S_evil(g) && S_chance(g, 5))
			buf_puts(b, ONE(g, bad_words));
		else if (S_chance(g, 1))
			buf_puts(b, ONE(g, odd_words));
		else
			buf_puts(b, ONE(g, words));
	}
}

static char *
S_text_dup(struct pg *g, int maxwords)
{
	struct buf b;

	buf_init(&b);
	S_text(g, &b, maxwords);
	return buf_detach(&b);
}

/* The id gen gives a label: its slug after NFC, as gen reads it. */
static char *
S_slug(const char *label)
{
	char *nfc = text_nfc(label), *slug = slugify(nfc);

	free(nfc);
	return slug;
}

/* A label that slugs to something unique: words and a number. */
static char *
S_label(struct pg *g, int i)
{
	struct buf b;

	buf_init(&b);
	S_text(g, &b, 3);
	buf_printf(&b, " %d", i + 1);
	return buf_detach(&b);
}

/* A group's label: never the slug of a row's. */
static char *
S_group_label(struct pg *g, int i)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "Gruppe ");
	S_text(g, &b, 2);
	buf_printf(&b, " %d", i + 1);
	return buf_detach(&b);
}

static void
S_xml_escape(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s);
		}
}

/* --- numbers --- */

enum unit { U_COUNT, U_MONEY, U_PERCENT, U_NUMBER };

/* A whole number with German (or English) thousands separators. */
static void
S_digits(struct pg *g, struct buf *b, unsigned long long v, bool group)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%llu", v);

	for (int i = 0; i < n; i++) {
		if (group && i > 0 && (n - i) % 3 == 0)
			buf_putc(b, g->dot ? ',' : '.');
		buf_putc(b, tmp[i]);
	}
}

/* v in the unit's smallest step (cents, tenths of a per cent, ...), with
 * the decimals given; as a user would type it. */
static void
S_number(struct pg *g, struct buf *b, long long v, int decimals,
    enum unit u)
{
	unsigned long long a = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
	unsigned long long scale = 1;
	bool group = S_chance(g, 60);

	for (int i = 0; i < decimals; i++)
		scale *= 10;
	if (v < 0)
		buf_putc(b, '-');
	S_digits(g, b, a / scale, group);
	if (decimals > 0) {
		if (u == U_MONEY && a % scale == 0 && !g->dot && S_chance(g, 10))
			buf_puts(b, ",-");
		else if (u != U_MONEY || a % scale != 0 || S_chance(g, 50))
			buf_printf(b, "%c%0*llu", g->dot ? '.' : ',', decimals,
			    a % scale);
	}
	if (u == U_MONEY && S_chance(g, 40))
		buf_puts(b, S_chance(g, 80) ? " €" : " EUR");
	if (u == U_PERCENT && S_chance(g, 50))
		buf_puts(b, S_chance(g, 80) ? " %" : "%");
}

/* A value of the unit: mostly ordinary, sometimes at or past the limits. */
static long long
S_amount(struct pg *g, enum unit u)
{
	static const long long count_edge[] = { 0, 1, 999999999, 1000000000,
	    999999998, 500000000 };
	static const long long money_edge[] = { 0, 1, 99999999999999LL,
	    100000000000000LL, 50000000000000LL, 99999999999999LL / 3 };

	/* Past the limits (odd entries) only when evil. */
	if (S_risky(g, 1) || S_evil(g)) {
		int i = (int)S_pick(g, 6);

		if (i == 3 && !S_evil(g))
			i = 2;
		return u == U_MONEY ? money_edge[i] : count_edge[i];
	}
	switch (u) {
	case U_COUNT:
		return S_chance(g, 70) ? S_pick(g, 2000) : S_pick(g, 3000000);
	case U_MONEY:
		return S_chance(g, 50) ? (long long)S_pick(g, 100000) * 100 :
		    (long long)S_pick(g, 1000000000) * (S_chance(g, 50) ? 1 : 100);
	case U_PERCENT:
		return S_pick(g, 1000);
	default:
		return S_pick(g, 100000);
	}
}

static int
S_decimals(enum unit u)
{
	return u == U_MONEY ? 2 : u == U_PERCENT ? 1 : 0;
}

/* A cell with value v: plain, sometimes "(…)" or "ca.", sometimes broken. */
static void
S_cell_number(struct pg *g, struct buf *b, long long v, enum unit u,
    bool info)
{
	if (S_evil(g)) {
		static const char *const bad[] = { "12,5", "1.2.3", "abc", "1e5",
		    "--3", "12,345", "(12", "ca.", "0x10", "∞", "1 000",
		    "99999999999999999999999", "-0", "+5", "( 22 )", "ca. (3)" };

		buf_puts(b, ONE(g, bad));
		return;
	}
	if (info)
		buf_putc(b, '(');
	else if (S_chance(g, 3))
		buf_puts(b, "ca. ");
	S_number(g, b, v, S_decimals(u), u);
	if (info)
		buf_putc(b, ')');
}

/* --- CSV files --- */

struct csv {
	struct buf	 out;
	int		 ncols;
	int		 col;		/* cells written on this line */
	const char	*eol;
	bool		 short_rows;
};

static void
S_csv_begin(struct pg *g, struct csv *c)
{
	static const char delims[] = { ';', ';', ';', ';', ';', ',', '\t' };

	buf_init(&c->out);
	c->ncols = c->col = 0;
	g->delim = delims[S_pick(g, sizeof(delims))];
	c->eol = S_evil(g) ? (S_chance(g, 50) ? "\r" : "\r\n") :
	    S_chance(g, 20) ? "\r\n" : "\n";
	c->short_rows = S_chance(g, 15) || S_evil(g);
	if (S_chance(g, 10))
		buf_puts(&c->out, "\xEF\xBB\xBF");
	if (S_chance(g, 15)) {
		buf_puts(&c->out, "# ");
		S_text(g, &c->out, 6);
		buf_puts(&c->out, c->eol);
	}
}

static void
S_csv_cell(struct pg *g, struct csv *c, const char *s)
{
	if (c->col++ > 0)
		buf_putc(&c->out, g->delim);
	if (strchr(s, g->delim) != NULL || strpbrk(s, "\"\r\n") != NULL ||
	    (s[0] == '#' && c->col == 1) || S_chance(g, 3)) {
		buf_putc(&c->out, '"');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				buf_putc(&c->out, '"');
			buf_putc(&c->out, *s);
		}
		buf_putc(&c->out, '"');
	} else
		buf_puts(&c->out, s);
}

static void
S_csv_end_line(struct pg *g, struct csv *c)
{
	/* A short row, as Excel writes it: empty cells at the end left
	 * off.  Evil: a cell with content left off, or one too many. */
	if (c->short_rows && c->col > 1 && S_chance(g, 50))
		while (c->col > 1 && c->out.len > 0 &&
		    c->out.s[c->out.len - 1] == g->delim) {
			c->out.s[--c->out.len] = '\0';
			c->col--;
		}
	if (c->short_rows && c->col > 1 && S_evil(g)) {
		char *p = c->out.s + c->out.len;

		while (p > c->out.s && p[-1] != g->delim && p[-1] != '\n' &&
		    p[-1] != '\r')
			p--;
		if (p > c->out.s && p[-1] == g->delim) {
			c->out.len = (size_t)(p - 1 - c->out.s);
			c->out.s[c->out.len] = '\0';
		}
	} else if (c->short_rows && S_evil(g))
		buf_putc(&c->out, g->delim);
	buf_puts(&c->out, c->eol);
	c->col = 0;
	if (S_chance(g, 4))
		buf_puts(&c->out, c->eol);
	if (S_chance(g, 3)) {
		buf_puts(&c->out, "#");
		S_text(g, &c->out, 4);
		buf_puts(&c->out, c->eol);
	}
}

static void
S_csv_header(struct pg *g, struct csv *c, const char *const *names, int n)
{
	for (int i = 0; i < n; i++) {
		char *h = xstrdup(names[i]);

		if (S_chance(g, 5))
			h[0] = (char)(h[0] >= 'a' && h[0] <= 'z' ? h[0] - 32 : h[0]);
		if (S_chance(g, 3)) {
			char *t = xasprintf(" %s ", h);
			free(h);
			h = t;
		}
		if (S_evil(g) && S_chance(g, 20) && strlen(h) > 3)
			h[strlen(h) - 2] = 'x';	/* a typo: an unknown column */
		S_csv_cell(g, c, h);
		free(h);
	}
	c->ncols = n;
	if (S_chance(g, 5))
		S_csv_cell(g, c, "#quelle");
	S_csv_end_line(g, c);
}

/* Windows-1252 for the characters it has; false if some are missing. */
static bool
S_to_cp1252(const char *s, size_t len, struct buf *out)
{
	static const struct { uint32_t cp; unsigned char b; } hi[] = {
		{ 0x20AC, 0x80 }, { 0x201A, 0x82 }, { 0x201E, 0x84 },
		{ 0x2026, 0x85 }, { 0x2018, 0x91 }, { 0x2019, 0x92 },
		{ 0x201C, 0x93 }, { 0x201D, 0x94 }, { 0x2013, 0x96 },
		{ 0x2014, 0x97 },
	};
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		uint32_t cp;
		size_t i;

		if (p[0] < 0x80) {
			buf_putc(out, (char)*p++);
			continue;
		}
		if ((p[0] & 0xE0) == 0xC0 && end - p >= 2) {
			cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
			p += 2;
		} else if ((p[0] & 0xF0) == 0xE0 && end - p >= 3) {
			cp = (uint32_t)(p[0] & 0x0F) << 12 |
			    (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
			p += 3;
		} else
			return false;
		if (cp >= 0xA0 && cp <= 0xFF) {
			buf_putc(out, (char)cp);
			continue;
		}
		for (i = 0; i < sizeof(hi) / sizeof(*hi) && hi[i].cp != cp; i++)
			continue;
		if (i == sizeof(hi) / sizeof(*hi))
			return false;
		buf_putc(out, (char)hi[i].b);
	}
	return true;
}

static void
S_csv_finish(struct pg *g, struct csv *c, const char *file)
{
	struct buf w;

	buf_init(&w);
	if (S_chance(g, 15) && S_to_cp1252(c->out.s, c->out.len, &w)) {
		if (S_evil(g))
			buf_putc(&w, (char)0x81);	/* undefined in 1252 */
		S_write(g, g->dir, file, w.s, w.len);
	} else {
		if (S_evil(g) && c->out.len > 0) {
			/* A byte broken somewhere: NUL, a lone quote, a bad
			 * UTF-8 sequence. */
			static const char bad[] = { '\0', '"', (char)0xC3, ';' };
			c->out.s[S_pick(g, (uint32_t)c->out.len)] =
			    bad[S_pick(g, sizeof(bad))];
		}
		S_write(g, g->dir, file, c->out.s, c->out.len);
	}
	buf_free(&w);
	buf_free(&c->out);
}


/* --- rows: cells by column name, written in the header's order --- */

#define MAX_COLS 32

struct row {
	const char	*names[MAX_COLS];
	int		 n;
	char		*cell[MAX_COLS];
};

static int
S_col(const struct row *r, const char *name)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->names[i], name) == 0)
			return i;
	return -1;
}

static bool
S_has(const struct row *r, const char *name)
{
	return S_col(r, name) >= 0;
}

/* Sets a cell; the value is taken over (dropped without its column). */
static void
S_set(struct row *r, const char *name, char *value)
{
	int i = S_col(r, name);

	if (i < 0) {
		free(value);
		return;
	}
	free(r->cell[i]);
	r->cell[i] = value;
}

static char *
S_num(struct pg *g, long long v, enum unit u, bool info)
{
	struct buf b;

	buf_init(&b);
	S_cell_number(g, &b, v, u, info);
	return buf_detach(&b);
}

/* Columns: the required ones, each optional one with its chance. */
static void
S_columns(struct pg *g, struct row *r, const char *const *req,
    const char *const *opt, const unsigned *pct)
{
	r->n = 0;
	for (; *req != NULL; req++)
		r->names[r->n++] = *req;
	for (int i = 0; opt[i] != NULL && r->n < MAX_COLS; i++)
		if (S_chance(g, pct[i]))
			r->names[r->n++] = opt[i];
	/* The order of columns is free: shuffled now and then. */
	if (S_chance(g, 20))
		for (int i = r->n - 1; i > 0; i--) {
			int j = (int)S_pick(g, (uint32_t)i + 1);
			const char *t = r->names[i];

			r->names[i] = r->names[j];
			r->names[j] = t;
		}
	/* A comment column first would make the header a comment line. */
	if (r->n > 1 && r->names[0][0] == '#') {
		const char *t = r->names[0];

		r->names[0] = r->names[r->n - 1];
		r->names[r->n - 1] = t;
	}
	memset(r->cell, 0, sizeof(r->cell));
}

static void
S_put_row(struct pg *g, struct csv *c, struct row *r)
{
	for (int i = 0; i < r->n; i++) {
		S_csv_cell(g, c, r->cell[i] != NULL ? r->cell[i] : "");
		free(r->cell[i]);
		r->cell[i] = NULL;
	}
	S_csv_end_line(g, c);
}

static void
S_add_row(struct tab *t, char *id)
{
	if (t->nrows < MAX_ROWS)
		t->rows[t->nrows++] = id;
	else
		free(id);
}

/* Notes that key TABLE.ROW.FIELD has value v (dec decimals), so that a
 * <check> can compute what holds.  Only values written as plain figures
 * (not "(…)") of rows with a usable id. */
static void
S_know(struct tab *t, const char *row, const char *field, long long v,
    int dec)
{
	struct known *k;

	if (t->nknown == 32 || row == NULL)
		return;
	k = &t->known[t->nknown++];
	k->key = xasprintf("%s.%s.%s", t->name, row, field);
	k->v = v;
	k->dec = dec;
}

/* The printed text columns of a row's header: what columns= may name. */
static void
S_note_texts(struct tab *t, const struct row *r)
{
	static const char *const texts[] = { "kuerzel", "rechtsgrundlage",
	    "zielgruppe", "funktion", "hinweis", "jahr" };

	for (int i = 0; i < r->n; i++)
		for (size_t k = 0; k < sizeof(texts) / sizeof(*texts); k++)
			if (strcmp(r->names[i], texts[k]) == 0 && t->ntexts < 8)
				t->texts[t->ntexts++] = texts[k];
}

/* The last row's id, or NULL when the table is full. */
static const char *
S_last_id(const struct tab *t, int i)
{
	return i < MAX_ROWS && i < t->nrows ? t->rows[i] : NULL;
}

static int
S_rows(struct pg *g)
{
	if (S_chance(g, 3) && (g->evil > 0 || S_chance(g, 10)))
		return 100 + (int)S_pick(g, 400);
	return (int)S_pick(g, 12) + (S_chance(g, 90) ? 1 : 0);
}

/* The row's id, as a key will name it: explicit or the label's slug. */
static char *
S_id(struct pg *g, struct row *r, const char *label, int i)
{
	if (S_has(r, "id")) {
		char *id;

		if (S_evil(g) && S_chance(g, 30))
			id = xstrdup(S_chance(g, 50) ? "gesamt" :
			    S_chance(g, 50) ? "Bad Id!" : "r1");
		else
			id = xasprintf("r%d", i + 1);
		S_set(r, "id", xstrdup(id));
		return id;
	}
	return S_slug(label);
}

static char *
S_hint(struct pg *g, unsigned pct)
{
	static const char *const formulas[] = { "=SUMME(A1:A9)",
	    "@ref", "+49 30 1234", "-Minus", "=1+1" };

	if (!S_chance(g, pct))
		return NULL;
	/* Now and then a note that a spreadsheet would take for a
	 * formula, or a long one. */
	if (S_chance(g, 3))
		return xstrdup(ONE(g, formulas));
	return S_text_dup(g, S_chance(g, 2) ? 800 : 6);
}

static void
S_budget(struct pg *g, struct tab *t, struct csv *c)
{
	static const char *const req[] = { "position", NULL };
	static const char *const opt[] = { "id", "betrag", "art", "hinweis",
	    "hinweis_betrag", NULL };
	static const unsigned pct[] = { 50, 95, 85, 40, 15 };
	struct row r;
	int n = S_rows(g);
	long long run = 0;
	bool any = false;

	S_columns(g, &r, req, opt, pct);
	S_note_texts(t, &r);
	S_csv_header(g, c, r.names, r.n);
	for (int i = 0; i < n; i++) {
		static const char *const arts[] = { "zugang", "zugang", "abgang",
		    "summe", "nachrichtlich", "", "Zugang" };
		const char *art = i == 0 ? "basis" : ONE(g, arts);
		char *label = S_label(g, i);
		long long v = S_amount(g, U_MONEY);

		S_add_row(t, S_id(g, &r, label, i));
		S_set(&r, "position", label);
		if (strcmp(art, "summe") == 0) {
			/* A typed total needs an amount above it. */
			if (S_chance(g, 60) && (any || S_evil(g)))
				S_set(&r, "betrag", S_num(g, S_evil(g) ? run + 1 :
				    run, U_MONEY, false));
		} else {
			bool info = strcmp(art, "nachrichtlich") == 0;

			if (strcmp(art, "abgang") == 0 && v > run && !S_evil(g))
				v = run > 0 ? run / 2 : 0;
			if (!info && S_has(&r, "betrag") && !S_chance(g, 5)) {
				run += strcmp(art, "abgang") == 0 ? -v : v;
				any = true;
			} else
				v = -1;
			if (v >= 0 && !info)
				S_know(t, S_last_id(t, i), "betrag", v, 2);
			if (v >= 0 || (info && S_chance(g, 50)))
				S_set(&r, "betrag", S_num(g, v < 0 ?
				    S_amount(g, U_MONEY) : v, U_MONEY, info &&
				    S_chance(g, 50)));
		}
		S_set(&r, "art", xstrdup(S_evil(g) ? "plus" : art));
		S_set(&r, "hinweis", S_hint(g, 30));
		S_set(&r, "hinweis_betrag", S_hint(g, 10));
		S_put_row(g, c, &r);
	}
}

/* Sums of the counted rows of one group, for declared totals. */
struct sums {
	long long	 v[6];
	bool		 any[6];
};

static void
S_instruments(struct pg *g, struct tab *t, struct csv *c, bool *zusatz)
{
	static const char *const req[] = { "instrument", NULL };
	static const char *const opt[] = { "id", "gruppe", "gruppe_id",
	    "kuerzel", "rechtsgrundlage", "zielgruppe", "funktion", "hinweis",
	    "eintritte", "plaetze", "mittel_neufall", "mittel_vorbindung",
	    "mittel_zusatz", "davon", "nachrichtlich", "art",
	    "hinweis_eintritte", "hinweis_mittel_neufall", "eintritte_ist",
	    "ausgaben_ist", "#kommentar", NULL };
	unsigned pct[] = { 50, 60, 10, 25, 25, 20, 20, 25, 85, 30, 85, 30, 20,
	    35, 20, 45, 15, 15, 10, 10, 5 };
	static const char *const num[] = { "eintritte", "plaetze",
	    "mittel_neufall", "mittel_vorbindung", "mittel_zusatz",
	    "eintritte_ist" };
	static const enum unit units[] = { U_COUNT, U_COUNT, U_MONEY, U_MONEY,
	    U_MONEY, U_COUNT };
	struct row r;
	int ngroups, n = S_rows(g), i = 0;
	struct sums total = { { 0 }, { 0 } };
	long long (*vals)[6] = xcalloc((size_t)n + 1, sizeof(*vals));
	int *parent = xcalloc((size_t)n + 1, sizeof(int));

	if (g->report == 2)
		pct[18] = pct[19] = 80;
	S_columns(g, &r, req, opt, pct);
	S_note_texts(t, &r);
	*zusatz = S_has(&r, "mittel_zusatz");
	S_csv_header(g, c, r.names, r.n);
	ngroups = S_has(&r, "gruppe") ? 1 + (int)S_pick(g, 4) : 1;
	for (int gi = 0; gi < ngroups; gi++) {
		char *glabel = S_has(&r, "gruppe") ? S_group_label(g, gi) : NULL;
		char *gid = glabel == NULL ? NULL : S_has(&r, "gruppe_id") ?
		    xasprintf("g%d", gi + 1) : S_slug(glabel);
		int per = gi == ngroups - 1 ? n - i : (int)S_pick(g,
		    (uint32_t)(n - i) + 1);
		int first = i;
		struct sums gs = { { 0 }, { 0 } };

		if (gid != NULL && t->ngroups < 16 && per > 0)
			t->groups[t->ngroups++] = xstrdup(gid);
		for (int k = 0; k < per; k++, i++) {
			char *label = S_label(g, i);
			bool info_row = S_has(&r, "nachrichtlich") &&
			    S_chance(g, 10);
			bool info_money = !info_row && S_chance(g, 5);
			bool label_row = S_chance(g, 8);

			parent[i] = -1;
			if (S_has(&r, "davon") && i > first && S_chance(g, 30))
				parent[i] = first + (int)S_pick(g,
				    (uint32_t)(i - first));
			S_add_row(t, S_id(g, &r, label, i));
			if (i < MAX_ROWS)
				t->up[i] = parent[i] + 1;
			S_set(&r, "instrument", label);
			if (glabel != NULL)
				S_set(&r, "gruppe", xstrdup(glabel));
			if (gid != NULL && S_has(&r, "gruppe_id"))
				S_set(&r, "gruppe_id", xstrdup(gid));
			if (parent[i] >= 0)
				S_set(&r, "davon", xstrdup(S_evil(g) &&
				    S_chance(g, 20) ? "nirgends" :
				    t->rows[parent[i]]));
			for (int f = 0; f < 6 && !label_row; f++) {
				long long v = S_amount(g, units[f]);

				if (!S_has(&r, num[f]) || S_chance(g, 10))
					continue;
				if (parent[i] >= 0 && !S_evil(g)) {
					/* What the parent has left for its
					 * children: they never exceed it. */
					long long left = vals[parent[i]][f];

					for (int j = parent[i] + 1; j < i; j++)
						if (parent[j] == parent[i])
							left -= vals[j][f];
					v = left > 0 ? (long long)S_pick(g,
					    left < 1000000000 ? (uint32_t)left + 1 :
					    1000000000u) : 0;
				}
				vals[i][f] = v;
				S_set(&r, num[f], S_num(g, v, units[f],
				    info_money && units[f] == U_MONEY &&
				    !(S_evil(g) && f == 2)));
				if (!info_row && !info_money)
					S_know(t, S_last_id(t, i), num[f], v,
					    S_decimals(units[f]));
				if (parent[i] < 0 && !info_row &&
				    !(info_money && units[f] == U_MONEY)) {
					gs.v[f] += v;
					gs.any[f] = true;
				}
			}
			if (info_row)
				S_set(&r, "nachrichtlich", xstrdup(S_evil(g) ?
				    "vielleicht" : S_chance(g, 50) ? "x" : "ja"));
			S_set(&r, "kuerzel", S_hint(g, 50));
			S_set(&r, "rechtsgrundlage", S_chance(g, 50) ?
			    xstrdup("§ 16 SGB II i.V.m. § 45 SGB III") : NULL);
			S_set(&r, "zielgruppe", S_hint(g, 40));
			S_set(&r, "funktion", S_hint(g, 40));
			S_set(&r, "hinweis", S_hint(g, 30));
			S_set(&r, "hinweis_eintritte", S_hint(g, 15));
			S_set(&r, "hinweis_mittel_neufall", S_hint(g, 15));
			S_set(&r, "#kommentar", S_hint(g, 30));
			S_put_row(g, c, &r);
		}
		/* A declared total of the group, right or (evil) wrong. */
		if (glabel != NULL && S_has(&r, "art") && S_chance(g, 50) &&
		    (per > 0 || S_evil(g))) {
			S_set(&r, "instrument", xasprintf("Summe %s", glabel));
			S_set(&r, "gruppe", xstrdup(glabel));
			if (S_has(&r, "gruppe_id"))
				S_set(&r, "gruppe_id", xstrdup(gid));
			S_set(&r, "art", xstrdup("summe"));
			for (int f = 0; f < 6; f++)
				if (gs.any[f] && S_chance(g, 70))
					S_set(&r, num[f], S_num(g, gs.v[f] +
					    (S_evil(g) ? 1 : 0), units[f], false));
			S_put_row(g, c, &r);
		}
		for (int f = 0; f < 6; f++) {
			total.v[f] += gs.v[f];
			total.any[f] |= gs.any[f];
		}
		free(glabel);
		free(gid);
	}
	if (S_has(&r, "art") && S_chance(g, 40)) {
		S_set(&r, "instrument", xstrdup("Insgesamt"));
		S_set(&r, "art", xstrdup("gesamt"));
		for (int f = 0; f < 6; f++)
			if (total.any[f] && S_chance(g, 70))
				S_set(&r, num[f], S_num(g, total.v[f] +
				    (S_evil(g) ? 1 : 0), units[f], false));
		S_put_row(g, c, &r);
	}
	free(vals);
	free(parent);
}

/* n shares in tenths of a per cent that add up to 100,0. */
static void
S_shares(struct pg *g, long long *v, int n)
{
	long long left = 1000;

	for (int i = 0; i < n; i++) {
		v[i] = i == n - 1 ? left : (long long)S_pick(g,
		    (uint32_t)(left / (n - i) * 2 + 1));
		if (v[i] > left)
			v[i] = left;
		left -= v[i];
	}
}

/* darunter rows (version 2): subsets of a base row that is no subset
 * itself, never counted, with a count up to the base's or a typed share
 * of it (0 to 100 %).  Evil: more than the base, the row itself, an
 * unknown id, a darunter row as the base, a share above 100 %. */
static void
S_distribution(struct pg *g, struct tab *t, struct csv *c)
{
	static const char *const req[] = { "merkmal", NULL };
	static const char *const opt[] = { "id", "anzahl", "anteil", "vorjahr",
	    "davon", "art", "hinweis_anzahl", "darunter", NULL };
	unsigned pct[] = { 40, 100, 0, 30, 30, 40, 10, 25 };
	bool shares = S_chance(g, 30);
	struct row r;
	int n = S_rows(g), m = 0, k = 0;
	long long *v = xcalloc((size_t)n + 1, sizeof(*v)), sum = 0;
	long long *sv = xcalloc((size_t)n + 1, sizeof(*sv));
	long long *prev = xcalloc((size_t)n + 1, sizeof(*prev));
	bool counted = false;
	int *parent = xcalloc((size_t)n + 1, sizeof(int));
	int *sub = xcalloc((size_t)n + 1, sizeof(int));

	if (shares) {
		/* The anzahl column only for the total row's count. */
		pct[1] = 30;
		pct[2] = 100;
		pct[4] = S_evil(g) ? 30 : 0;
	}
	S_columns(g, &r, req, opt, pct);
	S_note_texts(t, &r);
	S_csv_header(g, c, r.names, r.n);
	/* Which rows are subsets, first: the shares of the others add up.
	 * A base row stands before its subsets where they have counts (no
	 * more than the base's), anywhere where they have shares. */
	for (int i = 0; i < n; i++)
		sub[i] = S_has(&r, "darunter") && (i > 0 || shares) &&
		    S_chance(g, 30) ? n : -1;
	for (int i = 0; i < n; i++) {
		int before = shares ? n : i;

		for (int tries = 0; sub[i] == n && tries < 4; tries++) {
			int j = before > 0 ? (int)S_pick(g, (uint32_t)before) : i;

			/* A later row's id is known before its label with
			 * an id column only. */
			if (j != i && (j < i || S_has(&r, "id")) &&
			    (sub[j] < 0 || S_evil(g)))
				sub[i] = j;
		}
		if (sub[i] == n)
			sub[i] = -1;
		m += sub[i] < 0;
	}
	if (shares)
		S_shares(g, sv, m);
	for (int i = 0; i < n; i++) {
		char *label = S_label(g, i);

		parent[i] = -1;
		if (sub[i] < 0 && S_has(&r, "davon") && i > 0 &&
		    S_chance(g, 30)) {
			int p = (int)S_pick(g, (uint32_t)i);

			if (sub[p] < 0)
				parent[i] = p;
		}
		S_add_row(t, S_id(g, &r, label, i));
		S_set(&r, "merkmal", label);
		if (parent[i] >= 0)
			S_set(&r, "davon", xstrdup(t->rows[parent[i]]));
		if (sub[i] >= 0) {
			/* A later base row's id, as S_id will make it. */
			char *to = sub[i] < i ? xstrdup(t->rows[sub[i]]) :
			    xasprintf("r%d", sub[i] + 1);

			if (S_evil(g)) {
				free(to);
				to = xstrdup(S_chance(g, 50) ? t->rows[i] :
				    "nirgends");
			}
			S_set(&r, "darunter", to);
		}
		if (!shares) {
			long long x = S_amount(g, U_COUNT);

			if (parent[i] >= 0 && !S_evil(g)) {
				long long left = v[parent[i]];

				for (int j = parent[i] + 1; j < i; j++)
					if (parent[j] == parent[i])
						left -= v[j];
				x = left > 0 ? (long long)S_pick(g, left <
				    1000000000 ? (uint32_t)left + 1 :
				    1000000000u) : 0;
			}
			if (sub[i] >= 0) {
				long long b = v[sub[i]];

				x = S_evil(g) ? b + 1 + (long long)S_pick(g, 10) :
				    (long long)S_pick(g, b < 1000000000 ?
				    (uint32_t)b + 1 : 1000000000u);
			}
			bool info = S_chance(g, 3);

			v[i] = x;
			if (!S_chance(g, 5)) {
				S_set(&r, "anzahl", S_num(g, x, U_COUNT, info));
				if (!info)
					S_know(t, S_last_id(t, i), "anzahl", x, 0);
				if (!info && parent[i] < 0 && sub[i] < 0 &&
				    i < MAX_ROWS) {
					if (t->nsum++ == 0)
						buf_init(&t->sum);
					buf_printf(&t->sum, "%s%s.%s.anzahl",
					    t->nsum > 1 ? " + " : "", t->name,
					    t->rows[i]);
				}
				counted |= parent[i] < 0 && sub[i] < 0 && !info;
				if (parent[i] < 0 && sub[i] < 0 && !info)
					sum += x;
			} else
				v[i] = 0;
		} else {
			long long x;
			struct buf b;

			if (sub[i] >= 0)
				x = S_evil(g) ? 1001 + (long long)S_pick(g, 100) :
				    (long long)S_pick(g, 1001);
			else
				x = sv[k++] + (S_evil(g) ? 50 : 0);
			buf_init(&b);
			/* Whole shares now and then: "18" as the documents
			 * print them when they add up. */
			if (x % 10 == 0 && S_chance(g, 50))
				S_number(g, &b, x / 10, 0, U_PERCENT);
			else
				S_number(g, &b, x, 1, U_PERCENT);
			S_set(&r, "anteil", buf_detach(&b));
		}
		if (S_chance(g, 80)) {
			long long y = S_amount(g, U_COUNT);

			/* davon rows never exceed their parent: last year
			 * neither. */
			if (parent[i] >= 0 && !S_evil(g)) {
				long long left = prev[parent[i]];

				for (int j = parent[i] + 1; j < i; j++)
					if (parent[j] == parent[i])
						left -= prev[j];
				y = left > 0 ? (long long)S_pick(g, left <
				    1000000000 ? (uint32_t)left + 1 :
				    1000000000u) : 0;
			}
			prev[i] = y;
			S_set(&r, "vorjahr", S_num(g, y, U_COUNT, false));
		}
		S_set(&r, "hinweis_anzahl", S_hint(g, 10));
		S_put_row(g, c, &r);
	}
	if (S_has(&r, "art") && S_chance(g, 50)) {
		S_set(&r, "merkmal", xstrdup("Summe"));
		S_set(&r, "art", xstrdup("summe"));
		/* Counts: the sum of the rows, evil: wrong.  Shares only
		 * (version 2): the count of the whole, any. */
		if (shares && S_has(&r, "anzahl") && S_chance(g, 70)) {
			long long x = S_amount(g, U_COUNT);

			S_set(&r, "anzahl", S_num(g, x, U_COUNT, false));
			S_know(t, "gesamt", "anzahl", x, 0);
		} else if ((!shares && counted) || S_evil(g))
			S_set(&r, "anzahl", S_num(g, sum + (S_evil(g) ? 1 : 0),
			    U_COUNT, false));
		S_put_row(g, c, &r);
	}
	if (!shares && counted)
		S_know(t, "gesamt", "anzahl", sum, 0);
	free(v);
	free(sv);
	free(prev);
	free(parent);
	free(sub);
}

static void
S_percent_cell(struct pg *g, struct row *r, const char *col, long long v,
    int decimals)
{
	struct buf b;

	buf_init(&b);
	S_number(g, &b, v, decimals, U_PERCENT);
	S_set(r, col, buf_detach(&b));
}

static void
S_targets(struct pg *g, struct tab *t, struct csv *c)
{
	static const char *const req[] = { "kennzahl", NULL };
	static const char *const opt[] = { "id", "typ", "ist_vorjahr",
	    "veraenderung", "zaehler", "nenner", "veraenderung_punkte",
	    "zielwert", "teil_von", "richtung", "ist", "hinweis", NULL };
	unsigned pct[] = { 60, 85, 70, 60, 35, 35, 30, 50, 20, 30, 25, 40 };
	static const char *const typs[] = { "bestand", "quote", "summe",
	    "index", "" };
	struct row r;
	int n = S_rows(g);
	int combined = -1;	/* a quote row that segments may point at */

	if (g->report == 2)
		pct[10] = 80;
	S_columns(g, &r, req, opt, pct);
	S_note_texts(t, &r);
	S_csv_header(g, c, r.names, r.n);
	for (int i = 0; i < n; i++) {
		char *label = S_label(g, i);
		const char *typ = S_has(&r, "typ") ? ONE(g, typs) : "";
		bool pc = strcmp(typ, "quote") == 0 || strcmp(typ, "index") == 0;
		bool money = strcmp(typ, "summe") == 0;
		enum unit u = pc ? U_PERCENT : money ? U_MONEY : U_COUNT;
		int mode = (int)S_pick(g, 6);
		char *id;

		id = S_id(g, &r, label, i);
		S_add_row(t, id);
		S_set(&r, "kennzahl", label);
		S_set(&r, "typ", xstrdup(S_evil(g) ? "quota" : typ));
		if (mode == 0 && S_has(&r, "ist_vorjahr") &&
		    S_has(&r, "veraenderung")) {
			S_set(&r, "ist_vorjahr", S_num(g, S_amount(g, u), u,
			    false));
			S_percent_cell(g, &r, "veraenderung",
			    (long long)S_pick(g, 200) - 100, 1);
		} else if (mode == 1 && pc && S_has(&r, "ist_vorjahr") &&
		    S_has(&r, "veraenderung_punkte")) {
			S_set(&r, "ist_vorjahr", S_num(g, S_pick(g, 900), u,
			    false));
			S_percent_cell(g, &r, "veraenderung_punkte",
			    (long long)S_pick(g, 40) - 20, 1);
		} else if (mode == 2 && strcmp(typ, "quote") == 0 &&
		    S_has(&r, "zaehler") && S_has(&r, "nenner")) {
			long long den = 1 + S_pick(g, 100000);

			S_set(&r, "zaehler", S_num(g, (long long)S_pick(g,
			    (uint32_t)den + 1), U_COUNT, false));
			S_set(&r, "nenner", S_num(g, S_evil(g) ? 0 : den,
			    U_COUNT, false));
			if (S_has(&r, "teil_von") && combined >= 0 &&
			    S_chance(g, 60))
				S_set(&r, "teil_von", xstrdup(t->rows[combined]));
		} else if (mode == 3 && S_has(&r, "zielwert")) {
			S_set(&r, "zielwert", S_num(g, S_amount(g, u), u,
			    false));
		} else if (mode == 4 && strcmp(typ, "quote") == 0) {
			combined = t->nrows - 1;
		} else
			S_set(&r, "hinweis", xstrdup("Kein Zielwert definiert"));
		/* A typed target beside a computable one: mostly wrong. */
		if (S_evil(g) && S_has(&r, "zielwert"))
			S_set(&r, "zielwert", S_num(g, S_amount(g, u), u, false));
		if (S_chance(g, g->report == 2 ? 70 : 20))
			S_set(&r, "ist", S_num(g, S_amount(g, u), u, false));
		if (S_chance(g, 30))
			S_set(&r, "richtung", xstrdup(S_chance(g, 50) ?
			    "niedrig" : "hoch"));
		S_set(&r, "hinweis", S_hint(g, 20));
		S_put_row(g, c, &r);
	}
}

static void
S_series(struct pg *g, struct tab *t, struct csv *c)
{
	static const char *const req[] = { "kennzahl", "jahr", NULL };
	static const char *const opt[] = { "id", "wert", "einheit", NULL };
	static const unsigned pct[] = { 15, 95, 60 };
	static const char *const units[] = { "", "%", "€", "EUR" };
	struct row r;
	int nk = 1 + (int)S_pick(g, 4), i = 0;

	S_columns(g, &r, req, opt, pct);
	S_note_texts(t, &r);
	S_csv_header(g, c, r.names, r.n);
	for (int k = 0; k < nk; k++) {
		char *name = S_label(g, k);
		const char *einheit = S_has(&r, "einheit") ? ONE(g, units) : "";
		enum unit u = einheit[0] == '%' ? U_PERCENT : einheit[0] == '\0'
		    ? U_COUNT : U_MONEY;
		int ny = (int)S_pick(g, S_chance(g, 5) ? 60 : 8) + 1;
		int y0 = 2010 + (int)S_pick(g, 10);

		for (int y = 0; y < ny; y++, i++) {
			char *jahr;
			char *slug, *ys;

			switch (S_pick(g, 6)) {
			case 0: jahr = xasprintf("Juni %d", y0 + y); break;
			case 1: jahr = xasprintf("%02d/%d", 1 + y % 12, y0 + y);
				break;
			case 2: jahr = xasprintf("%d/%d", y0 + y, y0 + y + 1);
				break;
			default: jahr = xasprintf("%d", y0 + y);
			}
			if (S_has(&r, "id")) {
				S_add_row(t, xasprintf("r%d", i + 1));
				S_set(&r, "id", xasprintf("r%d", i + 1));
			} else {
				slug = S_slug(name);
				ys = S_slug(jahr);
				S_add_row(t, xasprintf("%s-%s", slug, ys));
				free(slug);
				free(ys);
			}
			S_set(&r, "kennzahl", xstrdup(name));
			S_set(&r, "jahr", jahr);
			if (!S_chance(g, 10))
				S_set(&r, "wert", S_num(g, S_amount(g, u), u,
				    false));
			S_set(&r, "einheit", xstrdup(S_evil(g) ? "Stück" :
			    einheit));
			S_put_row(g, c, &r);
		}
		free(name);
	}
}

/* A kind="table": its columns are declared in plan.xml (into x). */
static void
S_table(struct pg *g, struct tab *t, struct csv *c, struct buf *x)
{
	static const char *const types[] = { "count", "number", "money",
	    "percent" };
	static const char *const textnames[] = { "bezeichnung", "gruppe",
	    "beschreibung" };
	static const char *const numnames[] = { "anzahl", "vze", "betrag",
	    "quote", "kinder" };
	static const enum unit units[] = { U_COUNT, U_NUMBER, U_MONEY,
	    U_PERCENT };
	int ntext = 1 + (int)S_pick(g, 3);
	int nnum = S_evil(g) ? 0 : 1 + (int)S_pick(g, 5);
	int type[5], decimals[5], partof[5];
	bool share;
	bool total[5], grouped = ntext > 1 && S_chance(g, 30);
	bool art = S_chance(g, 30), ids = S_chance(g, 30);
	struct row r;
	int n = S_rows(g);
	long long sums[16][5] = { { 0 } }, all[5] = { 0 };
	long long (*vals)[5] = xcalloc((size_t)n + 1, sizeof(*vals));
	char *glabels[16] = { NULL };
	bool used[16] = { false };
	int ng = grouped ? 1 + (int)S_pick(g, 4) : 1;

	if (grouped)
		buf_puts(x, " group-by=\"gruppe\"");
	buf_puts(x, ">\n");
	r.n = 0;
	if (ids)
		r.names[r.n++] = "id";
	for (int i = 0; i < ntext; i++) {
		r.names[r.n++] = textnames[i];
		buf_printf(x, "      <column name=\"%s\" type=\"text\"%s/>\n",
		    textnames[i], S_chance(g, 50) ? " label=\"Text\"" : "");
	}
	for (int i = 0; i < nnum; i++) {
		type[i] = (int)S_pick(g, 4);
		decimals[i] = type[i] == 1 ? (int)S_pick(g, 4) : S_decimals(
		    units[type[i]]);
		total[i] = S_chance(g, 60);
		partof[i] = i > 0 && type[i] == type[i - 1] &&
		    decimals[i] == decimals[i - 1] && S_chance(g, 30) ? i - 1 : -1;
		r.names[r.n++] = numnames[i];
		if (t->nfields < 24)
			t->fields[t->nfields++] = xstrdup(numnames[i]);
		share = S_chance(g, 20);
		t->total |= total[i];
		buf_printf(x, "      <column name=\"%s\" type=\"%s\"%s%s",
		    numnames[i], S_evil(g) ? "float" : types[type[i]],
		    total[i] ? " total=\"yes\"" : "",
		    share ? " share=\"yes\"" : "");
		if (partof[i] >= 0)
			buf_printf(x, " part-of=\"%s\"", numnames[partof[i]]);
		if (S_chance(g, 40)) {
			buf_puts(x, " label=\"");
			char *l = S_text_dup(g, 3);
			S_xml_escape(x, l);
			free(l);
			buf_putc(x, '"');
		}
		buf_puts(x, "/>\n");
		if (share) {
			char *sh = xasprintf("%s_anteil", numnames[i]);
			if (t->nfields < 24)
				t->fields[t->nfields++] = sh;
			else
				free(sh);
		}
	}
	if (art)
		r.names[r.n++] = "art";
	memset(r.cell, 0, sizeof(r.cell));
	S_csv_header(g, c, r.names, r.n);
	for (int gi = 0; gi < ng; gi++)
		glabels[gi] = S_group_label(g, gi);
	for (int i = 0; i < n; i++) {
		char *label = S_label(g, i);
		int gi = (int)S_pick(g, (uint32_t)ng);

		used[gi] = true;

		S_add_row(t, S_id(g, &r, label, i));
		S_set(&r, "bezeichnung", label);
		if (grouped)
			S_set(&r, "gruppe", xstrdup(glabels[gi]));
		S_set(&r, "beschreibung", S_hint(g, 60));
		for (int f = 0; f < nnum; f++) {
			long long v = S_amount(g, units[type[f]]);
			struct buf b;

			if (S_chance(g, 8))
				continue;
			if (partof[f] >= 0 && !S_evil(g))
				v = vals[i][partof[f]] > 0 ? (long long)S_pick(g,
				    vals[i][partof[f]] < 1000000000 ?
				    (uint32_t)vals[i][partof[f]] + 1 :
				    1000000000u) : 0;
			if (decimals[f] == 3 && v > 1000000000000LL)
				v /= 1000;
			vals[i][f] = v;
			sums[gi][f] += v;
			all[f] += v;
			buf_init(&b);
			if (S_chance(g, 3))
				buf_puts(&b, "ca. ");
			S_number(g, &b, v, decimals[f], units[type[f]]);
			S_set(&r, numnames[f], buf_detach(&b));
		}
		S_put_row(g, c, &r);
	}
	/* Declared totals: per group and of all, right or (evil) wrong. */
	for (int gi = 0; art && gi < ng; gi++) {
		if (!grouped || !S_chance(g, 50) || (!used[gi] && !S_evil(g)))
			continue;
		S_set(&r, "bezeichnung", xasprintf("Summe %d", gi + 1));
		S_set(&r, "gruppe", xstrdup(glabels[gi]));
		S_set(&r, "art", xstrdup("summe"));
		for (int f = 0; f < nnum; f++)
			if (total[f] && sums[gi][f] != 0 &&
			    decimals[f] == S_decimals(units[type[f]]))
				S_set(&r, numnames[f], S_num(g, sums[gi][f] +
				    (S_evil(g) ? 1 : 0), units[type[f]], false));
		S_put_row(g, c, &r);
	}
	if (art && S_chance(g, 50)) {
		S_set(&r, "bezeichnung", xstrdup("Insgesamt"));
		S_set(&r, "art", xstrdup("gesamt"));
		for (int f = 0; f < nnum; f++)
			if (total[f] && all[f] != 0 &&
			    decimals[f] == S_decimals(units[type[f]]))
				S_set(&r, numnames[f], S_num(g, all[f] +
				    (S_evil(g) ? 1 : 0), units[type[f]], false));
		S_put_row(g, c, &r);
	}
	for (int gi = 0; gi < ng; gi++) {
		if (grouped && used[gi] && t->ngroups < 16)
			t->groups[t->ngroups++] = S_slug(glabels[gi]);
		free(glabels[gi]);
	}
	free(vals);
}

/* --- plan.xml --- */

static void
S_attr_text(struct pg *g, struct buf *x, const char *name, int maxwords)
{
	char *s = S_text_dup(g, maxwords);

	buf_printf(x, " %s=\"", name);
	S_xml_escape(x, s);
	buf_putc(x, '"');
	free(s);
}

/* A Bericht's tables of Ist figures, one for each instruments and targets
 * table of its programme, with a line for each of its rows. */
static void
S_ist_tables(struct pg *g, struct buf *x)
{
	const struct pg *p = g->programme;

	for (int i = 0; i < p->ntabs && g->ntabs < MAX_TABLES; i++) {
		const struct tab *pt = &p->tabs[i];
		struct tab *t;
		struct csv c;
		char file[32];
		bool instr = pt->kind == K_INSTRUMENTS;

		if (pt->kind != K_INSTRUMENTS && pt->kind != K_TARGETS)
			continue;
		t = &g->tabs[g->ntabs++];
		*t = (struct tab){ .kind = pt->kind };
		snprintf(t->name, sizeof(t->name), "%s", pt->name);
		snprintf(file, sizeof(file), "ist%d.csv", i + 1);
		buf_printf(x, "    <table name=\"%s\" kind=\"%s\" src=\"%s\"/>\n",
		    t->name, kind_names[t->kind], file);
		g->dot = false;
		S_csv_begin(g, &c);
		S_csv_cell(g, &c, "id");
		S_csv_cell(g, &c, instr ? "eintritte_ist" : "ist");
		if (instr)
			S_csv_cell(g, &c, "ausgaben_ist");
		/* Evil: a Soll figure typed here, where it is refused. */
		if (S_evil(g))
			S_csv_cell(g, &c, instr ? "eintritte" : "zielwert");
		S_csv_end_line(g, &c);
		long long ist[MAX_ROWS][2] = { { 0 } };

		for (int k = 0; k < pt->nrows; k++) {
			if (S_evil(g))
				continue;	/* a row of the programme left out */
			S_csv_cell(g, &c, S_evil(g) ? "keine-zeile" : pt->rows[k]);
			S_add_row(t, xstrdup(pt->rows[k]));
			for (int f = 0; f < (instr ? 2 : 1); f++) {
				long long v = (long long)S_pick(g, 500);
				int up = pt->up[k] - 1;
				char *cell;

				/* davon rows: never more than the parent has
				 * left, in the Ist as in the Soll. */
				if (up >= 0) {
					long long left = ist[up][f];

					for (int j = up + 1; j < k; j++)
						if (pt->up[j] - 1 == up)
							left -= ist[j][f];
					v = left > 0 ? (long long)S_pick(g,
					    (uint32_t)left + 1) : 0;
				}
				ist[k][f] = v;
				cell = S_num(g, f == 1 ? v * 100 : v, f == 1 ?
				    U_MONEY : U_COUNT, false);
				S_csv_cell(g, &c, cell);
				free(cell);
			}
			S_csv_end_line(g, &c);
		}
		S_csv_finish(g, &c, file);
	}
}

/* --- checks across tables (version 2) --- */

/* v (in units of dec decimals) as a German number: "-1.234,50" is
 * written "0 - 1.234,50", since a term has no sign. */
static void
S_literal(struct buf *b, long long v, int dec)
{
	unsigned long long a = v < 0 ? -(unsigned long long)v :
	    (unsigned long long)v, scale = 1;
	char tmp[32];
	int n;

	for (int i = 0; i < dec; i++)
		scale *= 10;
	if (v < 0)
		buf_puts(b, "0 - ");
	n = snprintf(tmp, sizeof(tmp), "%llu", a / scale);
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, '.');
		buf_putc(b, tmp[i]);
	}
	if (dec > 0)
		buf_printf(b, ",%0*llu", dec, a % scale);
}

static long long
S_scale(long long v, int from, int to)
{
	for (; from < to; from++)
		v *= 10;
	return v;
}

/* All keys with a known value, of every table. */
static int
S_pool(struct pg *g, const struct known **pool, int max)
{
	int n = 0;

	for (int i = 0; i < g->ntabs; i++)
		for (int k = 0; k < g->tabs[i].nknown && n < max; k++)
			pool[n++] = &g->tabs[i].known[k];
	return n;
}

/* One <check>: mostly one that holds, computed from the values the
 * generator wrote; evil: an unknown key, no or two relations, a term
 * that is none, or one that fails (counted apart: a plan whose only evil
 * choices are failing checks must name them). */
static void
S_check(struct pg *g, struct buf *x, const struct known **pool, int np,
    bool force)
{
	struct buf a, b;
	const char *rel = "equals";
	int what = np > 0 ? (int)S_pick(g, 5) : 4;
	int before = g->nevil;
	bool fail = force ? (g->nevil++, true) : S_evil(g);

	buf_init(&a);
	buf_init(&b);
	if (what < 2 && !fail && S_chance(g, 30)) {
		/* A distribution's total equals the sum of its rows, key by
		 * key (up to CROSSCHECK_TERMS_MAX = 100 terms and 1000
		 * characters; evil: more). */
		const struct tab *t = NULL;

		for (int i = 0, k = (int)S_pick(g, (uint32_t)g->ntabs + 1);
		    i < g->ntabs; i++)
			if (g->tabs[(i + k) % g->ntabs].nsum > 0)
				t = &g->tabs[(i + k) % g->ntabs];
		/* Attributes hold 1000 characters at most. */
		if (t != NULL && ((t->nsum <= 100 && t->sum.len <= 1000) ||
		    S_evil(g))) {
			buf_printf(&a, "%s.gesamt.anzahl", t->name);
			buf_puts(&b, t->sum.s);
			what = -1;
		}
	}
	if (what == -1) {
		/* written above */
	} else if (what == 0 || what == 1) {
		/* A sum of keys equals (at most) its value. */
		int nt = 1 + (int)S_pick(g, 3), dec = 0;
		const struct known *t[3];
		int sign[3];
		long long sum = 0;

		for (int i = 0; i < nt; i++) {
			t[i] = pool[S_pick(g, (uint32_t)np)];
			sign[i] = i > 0 && S_chance(g, 25) ? -1 : 1;
			if (t[i]->dec > dec)
				dec = t[i]->dec;
		}
		for (int i = 0; i < nt; i++) {
			sum += sign[i] * S_scale(t[i]->v, t[i]->dec, dec);
			buf_printf(&a, "%s%s", i == 0 ? "" : sign[i] > 0 ?
			    " + " : " - ", t[i]->key);
		}
		/* Fails: one unit of the last decimal off. */
		if (what == 1) {
			rel = "at-most";
			sum += fail ? -1 : (long long)S_pick(g, 1000);
		} else if (fail)
			sum += 1;
		g->nfails += fail;
		S_literal(&b, sum, dec);
	} else if (what == 2 || what == 3) {
		/* P per cent of a key, P at most 100: at most the key.
		 * Evil: P above 100 and the key less one, which fails. */
		const struct known *k = pool[S_pick(g, (uint32_t)np)];
		int p = (int)S_pick(g, 1001);
		struct buf t;

		if (fail) {
			p += 1001;
			g->nfails++;
		}
		buf_printf(&a, "%d,%d%s * %s", p / 10, p % 10, S_chance(g, 50) ?
		    " %" : "%", k->key);
		buf_printf(&b, "%s%s", k->key, fail ? " - 1" : "");
		rel = "at-most";
		if (what == 3) {
			t = a;
			a = b;
			b = t;
			rel = "at-least";
		}
	} else {
		/* Numbers alone. */
		long long v = (long long)S_pick(g, 100000), w = v;

		S_literal(&a, v, 1);
		rel = S_chance(g, 50) ? "at-least" : "equals";
		if (rel[1] == 't')
			w -= (long long)S_pick(g, 100);
		if (fail) {
			w = v + 1 + (long long)S_pick(g, 100);
			g->nfails++;
		}
		S_literal(&b, w, 1);
	}
	g->nchecks++;
	buf_printf(x, "    <check label=\"Prüfung %d", g->nchecks);
	if (S_chance(g, 30)) {
		char *l = S_text_dup(g, 4);

		buf_putc(x, ' ');
		S_xml_escape(x, l);
		free(l);
	}
	buf_puts(x, "\"");
	if (g->nevil == before && S_evil(g)) {
		/* Broken in its form. */
		static const char *const bad[] = { "nirgends.zeile.wert",
		    "1,2,3", "a+b", "% * x", "12 %", "+ 1", "1 +", "",
		    "99.999.999.999.999.999 % * 1", "0,0000000001 % * 1",
		    "100 % * 100 % * 1", "1 - - 1", "1e9", "1.000.000.000.000.000.000",
		    "999.999.999.999.999 + 999.999.999.999.999 + 999.999.999.999.999" };

		switch (S_pick(g, 4)) {
		case 0:
			buf_printf(x, " value=\"%s\" equals=\"1\"/>\n",
			    ONE(g, bad));
			break;
		case 1:
			buf_puts(x, " value=\"");
			S_xml_escape(x, a.s);
			buf_puts(x, "\"/>\n");
			break;
		case 2:
			buf_puts(x, " value=\"");
			S_xml_escape(x, a.s);
			buf_puts(x, "\" equals=\"");
			S_xml_escape(x, b.s);
			buf_puts(x, "\" at-most=\"1\"/>\n");
			break;
		default:
			/* A typo in a key. */
			if (a.len > 3)
				a.s[S_pick(g, (uint32_t)a.len)] = 'q';
			buf_puts(x, " value=\"");
			S_xml_escape(x, a.s);
			buf_printf(x, "\" %s=\"", rel);
			S_xml_escape(x, b.s);
			buf_puts(x, "\"/>\n");
		}
	} else {
		buf_puts(x, " value=\"");
		S_xml_escape(x, a.s);
		buf_printf(x, "\" %s=\"", rel);
		S_xml_escape(x, b.s);
		buf_puts(x, "\"/>\n");
	}
	buf_free(&a);
	buf_free(&b);
}

static void
S_checks(struct pg *g, struct buf *x)
{
	const struct known *pool[256];
	int np = S_pool(g, pool, 256), n, fail;

	if (!S_chance(g, 40))
		return;
	n = 1 + (int)S_pick(g, 5);
	/* Now and then one that fails whatever the evil rate: a plan
	 * otherwise clean must be refused naming it. */
	fail = S_chance(g, 15) ? (int)S_pick(g, (uint32_t)n) : -1;
	for (int i = 0; i < n; i++)
		S_check(g, x, pool, np, i == fail);
}

/* budget="TABLE" or (version 2) budget="TABLE.ROW"; evil: a row that
 * is none. */
static const char *S_field(struct pg *, const struct tab *);

static void
S_budget_attr(struct pg *g, const struct tab *b, struct buf *attrs)
{
	if (S_evil(g) && S_chance(g, 30))
		buf_printf(attrs, " budget=\"%s.nirgends\"", b->name);
	else if (b->nrows > 0 && S_chance(g, 40))
		buf_printf(attrs, " budget=\"%s.%s\"", b->name,
		    b->rows[S_pick(g, (uint32_t)b->nrows)]);
	else
		buf_printf(attrs, " budget=\"%s\"", b->name);
}

/* <column name label> for a kind other than 'table' (version 2): a
 * heading for its label, a text column or a field.  Evil: a column the
 * kind does not have, or a type, which only kind 'table' takes. */
static void
S_column_labels(struct pg *g, const struct tab *t, struct buf *x)
{
	int n = 1 + (int)S_pick(g, 3);

	for (int i = 0; i < n; i++) {
		const char *name = S_chance(g, 20) ? label_names[t->kind] :
		    t->ntexts > 0 && S_chance(g, 20) ?
		    t->texts[S_pick(g, (uint32_t)t->ntexts)] : S_field(g, t);
		bool evil = S_evil(g);

		buf_printf(x, "      <column name=\"%s\"", evil &&
		    S_chance(g, 50) ? "spalte" : name);
		if (evil && S_chance(g, 50))
			buf_puts(x, " type=\"count\"");
		if (S_chance(g, 85))
			S_attr_text(g, x, "label", 3);
		buf_puts(x, "/>\n");
	}
}

static void
S_tables(struct pg *g, struct buf *x)
{
	static const char *const decimals[] = { "0", "1", "2", "3" };
	static const char *const bad_decimals[] = { "4", "-1", "1.5", "",
	    "zwei" };
	int n = 1 + (int)S_pick(g, 6);
	int budget = -1;

	buf_puts(x, "  <data>\n");
	for (int i = 0; i < n && g->ntabs < MAX_TABLES; i++) {
		struct tab *t = &g->tabs[g->ntabs++];
		struct csv c;
		char file[64];
		bool zusatz = false;
		struct buf attrs;

		t->kind = (enum kind)S_pick(g, K_COUNT);
		/* With a programme, the Soll tables come from it. */
		if (g->programme != NULL && (t->kind == K_INSTRUMENTS ||
		    t->kind == K_TARGETS))
			t->kind = K_DISTRIBUTION;
		t->total = t->kind == K_INSTRUMENTS ||
		    t->kind == K_DISTRIBUTION;
		snprintf(t->name, sizeof(t->name), "%s%d", kind_names[t->kind]
		    + (S_chance(g, 50) ? 0 : 2), i + 1);
		if (S_evil(g) && S_chance(g, 10))
			snprintf(t->name, sizeof(t->name), "Tab %d", i);
		snprintf(file, sizeof(file), "t%d.csv", i + 1);
		g->dot = S_chance(g, 10);
		buf_printf(x, "    <table name=\"%s\" kind=\"%s\" src=\"%s\"",
		    t->name, S_evil(g) && S_chance(g, 10) ? "liste" :
		    kind_names[t->kind], S_evil(g) && S_chance(g, 10) ?
		    "../t1.csv" : file);
		if (S_chance(g, 80))
			S_attr_text(g, x, "title", 6);
		if (S_chance(g, 30))
			buf_puts(x, " stand=\"09/2016\"");
		if (S_chance(g, 30))
			S_attr_text(g, x, "source", 5);
		if (g->dot)
			buf_puts(x, " decimal=\".\"");
		else if (S_chance(g, 5))
			buf_puts(x, " decimal=\",\"");
		S_csv_begin(g, &c);
		buf_init(&attrs);
		switch (t->kind) {
		case K_BUDGET:
			S_budget(g, t, &c);
			budget = g->ntabs - 1;
			break;
		case K_INSTRUMENTS:
			S_instruments(g, t, &c, &zusatz);
			if (zusatz)
				buf_puts(&attrs, " zusatz=\"VBL\"");
			if (budget >= 0 && S_chance(g, 70))
				S_budget_attr(g, &g->tabs[budget], &attrs);
			break;
		case K_DISTRIBUTION: S_distribution(g, t, &c); break;
		case K_TARGETS: S_targets(g, t, &c); break;
		case K_SERIES: S_series(g, t, &c); break;
		default: break;
		}
		if (S_chance(g, 20))
			buf_printf(&attrs, " decimals=\"%s\"", S_evil(g) ?
			    ONE(g, bad_decimals) : ONE(g, decimals));
		buf_puts(x, attrs.s);
		buf_free(&attrs);
		if (t->kind == K_TABLE)
			S_table(g, t, &c, x);	/* writes the rest of the tag */
		if (t->kind == K_TABLE)
			buf_puts(x, "    </table>\n");
		else if (S_chance(g, 15)) {
			buf_puts(x, ">\n");
			S_column_labels(g, t, x);
			buf_puts(x, "    </table>\n");
		} else
			buf_puts(x, "/>\n");
		S_csv_finish(g, &c, file);
	}
	if (g->programme != NULL)
		S_ist_tables(g, x);
	S_checks(g, x);
	buf_puts(x, "  </data>\n");
}

/* A field of t's kind, or of its declared columns. */
static const char *
S_field(struct pg *g, const struct tab *t)
{
	int n = 0;

	if (t->kind == K_TABLE)
		return t->nfields > 0 ? t->fields[S_pick(g,
		    (uint32_t)t->nfields)] : "anzahl";
	while (n < 20 && kind_fields[t->kind][n] != NULL)
		n++;
	return kind_fields[t->kind][S_pick(g, (uint32_t)n)];
}

/* A key: mostly one that exists, sometimes misspelled.  False (and text
 * written instead) if there is none to name. */
static bool
S_key(struct pg *g, struct buf *x)
{
	const struct tab *t;
	struct buf k;
	int what;

	if (g->ntabs == 0) {
		buf_puts(x, "keine.zeile.wert");
		return true;
	}
	t = &g->tabs[S_pick(g, (uint32_t)g->ntabs)];
	if (t->nrows == 0 && !t->total && !S_evil(g)) {
		buf_puts(x, "keine Zahl");
		return false;
	}
	buf_init(&k);
	what = (int)S_pick(g, 10);
	if (t->kind == K_INSTRUMENTS && what == 9)
		buf_printf(&k, "%s.plan.reserve", t->name);
	else if (what >= 7 && t->ngroups > 0)
		buf_printf(&k, "%s.%s.%s", t->name, t->groups[S_pick(g,
		    (uint32_t)t->ngroups)], S_field(g, t));
	else if ((what >= 7 && t->total) || t->nrows == 0)
		buf_printf(&k, "%s.gesamt.%s", t->name, S_field(g, t));
	else
		buf_printf(&k, "%s.%s.%s", t->name, t->rows[S_pick(g,
		    (uint32_t)t->nrows)], S_field(g, t));
	if (S_evil(g) && k.len > 2) {
		/* A typo: a letter dropped or changed. */
		size_t at = S_pick(g, (uint32_t)k.len);

		if (S_chance(g, 50))
			memmove(k.s + at, k.s + at + 1, k.len - at);
		else
			k.s[at] = 'q';
	}
	S_xml_escape(x, k.s);
	buf_free(&k);
	return true;
}

static void
S_href(struct pg *g, struct buf *x)
{
	static const char *const ok[] = { "https://www.example.org/",
	    "http://example.org/a?b=1&c=2", "mailto:info@example.org",
	    "https://example.org/\xC3\xA4", "https://x" };
	char id[32];
	static const char *const bad[] = { "javascript:alert(1)",
	    "JavaScript:alert(document.cookie)", " javascript:alert(1)",
	    "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
	    "file:///etc/passwd", "vbscript:msgbox", "bericht.html", "//evil",
	    "", "#", "mailto:", "https://" };

	/* #kap-N names a section with an id (one that comes later too);
	 * evil: one that no section has. */
	if (!S_evil(g) && g->ntargets > 0 && S_chance(g, 10)) {
		snprintf(id, sizeof(id), "#%s", g->targets[S_pick(g,
		    (uint32_t)g->ntargets)]);
		S_xml_escape(x, id);
	} else if (!S_evil(g) && g->nids > 0 && S_chance(g, 30)) {
		snprintf(id, sizeof(id), "#kap-%d", 1 + (int)S_pick(g,
		    (uint32_t)g->nids));
		S_xml_escape(x, id);
	} else if (S_evil(g))
		S_xml_escape(x, S_chance(g, 30) ? "#nirgends" : ONE(g, bad));
	else
		S_xml_escape(x, ONE(g, ok));
}

static void S_block(struct pg *g, struct buf *x, int depth, bool in_li);
static void S_ref(struct pg *, struct buf *);
static void S_fn(struct pg *, struct buf *);
static void S_target_id(struct pg *, struct buf *, const char *, int, bool);

static void
S_value(struct pg *g, struct buf *x)
{
	struct buf k;

	buf_init(&k);
	if (!S_key(g, &k)) {
		buf_puts(x, k.s);
		buf_free(&k);
		return;
	}
	buf_printf(x, "<value ref=\"%s\"", k.s);
	buf_free(&k);
	if (S_chance(g, 15))
		buf_printf(x, " format=\"%s\"", S_evil(g) ? "nackt" :
		    S_chance(g, 50) ? "bare" : "plain");
	buf_puts(x, "/>");
}

static void
S_inline(struct pg *g, struct buf *x, int depth, bool in_a)
{
	int n = 1 + (int)S_pick(g, 6);

	for (int i = 0; i < n; i++) {
		char *s;

		int fn = g->fn_block;

		switch (S_pick(g, 15)) {
		case 0: case 1: case 2:
			S_value(g, x);
			break;
		case 3:
			if (depth < 4) {
				const char *e = S_chance(g, 50) ? "em" : "strong";
				buf_printf(x, "<%s>", e);
				g->fn_block = -1;
				S_inline(g, x, depth + 1, in_a);
				g->fn_block = fn;
				buf_printf(x, "</%s>", e);
				/* Glued as its last item left it. */
				buf_putc(x, ' ');
				continue;
			}
			/* FALLTHROUGH */
		case 4:
			if (depth < 4 && (!in_a || S_evil(g))) {
				buf_puts(x, "<a href=\"");
				S_href(g, x);
				buf_puts(x, "\">");
				g->fn_block = -1;
				S_inline(g, x, depth + 1, true);
				g->fn_block = fn;
				buf_puts(x, "</a>");
				buf_putc(x, ' ');
				continue;
			}
			/* FALLTHROUGH */
		case 12:
			/* A <ref> is a link: in an <a> only when evil. */
			if (!in_a || S_evil(g)) {
				S_ref(g, x);
				break;
			}
			/* FALLTHROUGH */
		case 13: case 14:
			/* A mark follows a word (else a reader sees "¹"
			 * alone, and so does tests/layout-check.py). */
			if (g->fn_block >= 0 ? g->glued : S_chance(g, 10)) {
				size_t before = x->len;

				S_fn(g, x);
				if (x->len == before)
					continue;	/* none: glued as it was */
				break;
			}
			/* FALLTHROUGH */
		case 5:
			if (S_chance(g, 30)) {
				buf_puts(x, "<br/>");
				g->glued = false;
				buf_putc(x, ' ');
				continue;
			}
			/* FALLTHROUGH */
		default:
			/* XML's other ways of writing text. */
			if (S_chance(g, 3)) {
				static const char *const forms[] = {
				    "&#228;&#xFC;&#x20AC;", "<!-- Kommentar -->",
				    "<![CDATA[a < b & c]]>", "&amp;&lt;&gt;",
				    "<?pi daten?>", "&#xAD;&#xA0;" };
				static const char *const bad[] = { "&#x202E;",
				    "&#1;", "&nbsp;", "&#xFFFE;", "&#x1F600;" };

				buf_puts(x, S_evil(g) ? ONE(g, bad) :
				    ONE(g, forms));
			}
			s = S_text_dup(g, 25);
			S_xml_escape(x, s);
			free(s);
		}
		g->glued = true;
		buf_putc(x, ' ');
	}
}

static void
S_list(struct pg *g, struct buf *x, int depth)
{
	const char *e = S_chance(g, 50) ? "ul" : "ol";
	int n = 1 + (int)S_pick(g, 5);

	buf_printf(x, "<%s>\n", e);
	for (int i = 0; i < n; i++) {
		buf_puts(x, "<li>");
		g->fn_block = 0;
		g->glued = false;
		S_inline(g, x, 0, false);
		g->fn_block = -1;
		if (depth < 8 && S_chance(g, 15))
			S_list(g, x, depth + 1);
		buf_puts(x, "</li>\n");
	}
	buf_printf(x, "</%s>\n", e);
}

/* columns="…" (version 2): the label first or not at all, then text
 * columns and fields of the kind, each once.  Evil: an unknown column,
 * one twice, the label not first. */
static void
S_insert_columns(struct pg *g, const struct tab *t, struct buf *x)
{
	const char *names[8];
	int n = 0, want = 1 + (int)S_pick(g, 5);

	if (S_chance(g, 50))
		names[n++] = label_names[t->kind];
	for (int tries = 0; tries < 12 && n < want; tries++) {
		const char *c = t->ntexts > 0 && S_chance(g, 30) ?
		    t->texts[S_pick(g, (uint32_t)t->ntexts)] : S_field(g, t);
		bool dup = false;

		for (int i = 0; i < n; i++)
			dup |= strcmp(names[i], c) == 0;
		if (!dup)
			names[n++] = c;
	}
	if (S_evil(g)) {
		static const char *const bad[] = { "spalte", "", " ",
		    "eintritte,eintritte", "instrument" };

		if (S_chance(g, 50) && n > 0)
			names[S_pick(g, (uint32_t)n)] = ONE(g, bad);
		else if (n < 8) {
			names[n] = n > 0 ? names[0] : "spalte";
			n++;
		}
	}
	buf_puts(x, " columns=\"");
	for (int i = 0; i < n; i++)
		buf_printf(x, "%s%s%s", i > 0 ? "," : "", i > 0 &&
		    S_chance(g, 20) ? " " : "", names[i]);
	buf_puts(x, "\"");
}

static void
S_insert(struct pg *g, struct buf *x)
{
	const struct tab *t = g->ntabs > 0 ?
	    &g->tabs[S_pick(g, (uint32_t)g->ntabs)] : NULL;

	buf_printf(x, "<insert table=\"%s\"", t == NULL || (S_evil(g) &&
	    S_chance(g, 20)) ? "unbekannt" : t->name);
	if (t != NULL && t->ngroups > 0 && S_chance(g, 30))
		buf_printf(x, " group=\"%s\"", t->groups[S_pick(g,
		    (uint32_t)t->ngroups)]);
	else if (S_evil(g) && S_chance(g, 10))
		buf_puts(x, " group=\"keine-gruppe\"");
	if (t != NULL && S_chance(g, 25))
		S_insert_columns(g, t, x);
	if (S_chance(g, 15))
		S_attr_text(g, x, "title", 5);
	buf_puts(x, "/>\n");
}

/* Without an evil choice a chart is one gen draws: a series (which may
 * hold several Kennzahlen) only as lines, a pie only of a distribution's
 * counts, which are never negative. */
static void
S_chart(struct pg *g, struct buf *x)
{
	static const char *const kinds[] = { "bar", "line", "pie" };
	const char *kind, *field;
	const struct tab *t;

	if (g->ntabs == 0)
		return;
	t = &g->tabs[S_pick(g, (uint32_t)g->ntabs)];
	field = S_evil(g) && S_chance(g, 20) ? "feld" : S_field(g, t);
	kind = S_evil(g) && S_chance(g, 10) ? "donut" : ONE(g, kinds);
	if (!S_evil(g)) {
		if (t->kind == K_SERIES)
			kind = "line";
		else if (strcmp(kind, "pie") == 0 && t->kind == K_DISTRIBUTION)
			field = "anzahl";
		else if (strcmp(kind, "pie") == 0)
			kind = "bar";
	}
	buf_printf(x, "<chart table=\"%s\" field=\"%s\" kind=\"%s\"",
	    t->name, field, kind);
	if (S_chance(g, 50))
		S_target_id(g, x, "abb", ++g->ncharts, true);
	buf_puts(x, "/>\n");
}

/* --- version 2: pictures and figures --- */

/* CRC-32 of a PNG chunk, so that a patched header is still whole. */
static uint32_t
S_crc32(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
	}
	return c ^ 0xFFFFFFFFu;
}

static void
S_be(unsigned char *p, uint32_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

/* w × h pixels of c components: a gradient with stripes, drawn. */
static unsigned char *
S_pixels(struct pg *g, unsigned w, unsigned h, unsigned c)
{
	size_t n = (size_t)w * h * c;
	unsigned char *px = xmalloc(n);
	unsigned a = S_pick(g, 256), b = 1 + S_pick(g, 16);

	for (size_t i = 0; i < n; i++) {
		size_t x = i / c % w, y = i / c / w;

		px[i] = (unsigned char)(a + x * b + y * (i % c + 1) * 3 +
		    (x / 8 % 2) * 90);
	}
	return px;
}

/* A PNG of gray, gray and alpha, RGB or RGBA (libpng writes the same
 * bytes for the same pixels). */
static void
S_png(struct pg *g, unsigned w, unsigned h, struct buf *out)
{
	static const png_uint_32 formats[] = { PNG_FORMAT_GRAY, PNG_FORMAT_GA,
	    PNG_FORMAT_RGB, PNG_FORMAT_RGBA };
	png_image pi;
	png_alloc_size_t len = 0;
	unsigned char *px;
	void *mem;

	memset(&pi, 0, sizeof(pi));
	pi.version = PNG_IMAGE_VERSION;
	pi.width = w;
	pi.height = h;
	pi.format = formats[S_pick(g, 4)];
	px = S_pixels(g, w, h, PNG_IMAGE_PIXEL_CHANNELS(pi.format));
	if (!png_image_write_get_memory_size(pi, len, 0, px, 0, NULL)) {
		fprintf(stderr, "plangen: libpng: %s\n", pi.message);
		abort();
	}
	mem = xmalloc(len);
	if (!png_image_write_to_memory(&pi, mem, &len, 0, px, 0, NULL)) {
		fprintf(stderr, "plangen: libpng: %s\n", pi.message);
		abort();
	}
	buf_add(out, mem, len);
	free(mem);
	free(px);
}

/* A JPEG of 1, 3 or (evil) 4 components; evil: arithmetic-coded. */
static void
S_jpeg(struct pg *g, unsigned w, unsigned h, int comps, bool arith,
    struct buf *out)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *mem = NULL, *px, *row;
	unsigned long len = 0;

	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &len);
	c.image_width = w;
	c.image_height = h;
	c.input_components = comps;
	c.in_color_space = comps == 1 ? JCS_GRAYSCALE : comps == 3 ? JCS_RGB :
	    JCS_CMYK;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 10 + (int)S_pick(g, 90), TRUE);
	if (S_chance(g, 20))
		jpeg_simple_progression(&c);
	c.arith_code = arith;
	px = S_pixels(g, w, h, (unsigned)comps);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		row = px + (size_t)c.next_scanline * w * (unsigned)comps;
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	buf_add(out, (char *)mem, len);
	free(mem);
	free(px);
}

/* A header that claims w × h pixels: the IHDR of a PNG (its CRC made
 * right), the SOF of a JPEG. */
static void
S_claim_size(struct buf *b, bool jpeg, uint32_t w, uint32_t h)
{
	unsigned char *p = (unsigned char *)b->s;

	if (!jpeg && b->len >= 33) {
		S_be(p + 16, w, 4);
		S_be(p + 20, h, 4);
		S_be(p + 29, S_crc32(p + 12, 17), 4);
		return;
	}
	for (size_t i = 2; i + 9 < b->len; i++)
		if (p[i] == 0xFF && (p[i + 1] == 0xC0 || p[i + 1] == 0xC2 ||
		    p[i + 1] == 0xC9 || p[i + 1] == 0xCA)) {
			S_be(p + i + 5, h > 65535 ? 65535 : h, 2);
			S_be(p + i + 7, w > 65535 ? 65535 : w, 2);
			return;
		}
}

/* The size of a picture: mostly small, sometimes a line, a pixel, or
 * taller than a page at 150 dpi. */
static void
S_picture_size(struct pg *g, unsigned *w, unsigned *h)
{
	switch (S_pick(g, 10)) {
	case 0:
		*w = 1;
		*h = 1;
		break;
	case 1:
		*w = 800 + S_pick(g, 1200);
		*h = 1 + S_pick(g, 4);
		break;
	case 2:
		*w = 1 + S_pick(g, 40);
		*h = 1200 + S_pick(g, 1600);
		break;
	case 3:
		*w = 400 + S_pick(g, 800);
		*h = 300 + S_pick(g, 600);
		break;
	default:
		*w = 8 + S_pick(g, 240);
		*h = 8 + S_pick(g, 180);
	}
}

enum { PIC_OK, PIC_TRUNCATED, PIC_WRONG_TYPE, PIC_CMYK, PIC_HUGE,
	PIC_ARITH, PIC_EMPTY, PIC_COUNT };

/* A picture file in the plan's folder bilder/; its src into x.  Evil
 * files are cut short, of the other type, CMYK or arithmetic-coded
 * JPEGs, claim more than 25 million pixels, or are empty. */
static void
S_picture(struct pg *g, struct buf *x, int how)
{
	char name[40], *dir;
	bool jpeg = S_chance(g, 40);
	unsigned w, h;
	struct buf b;

	buf_init(&b);
	S_picture_size(g, &w, &h);
	if (jpeg || how == PIC_CMYK || how == PIC_ARITH) {
		jpeg = true;
		S_jpeg(g, w, h, how == PIC_CMYK ? 4 : S_chance(g, 30) ? 1 : 3,
		    how == PIC_ARITH, &b);
	} else
		S_png(g, w, h, &b);
	if (how == PIC_TRUNCATED)
		b.len = S_chance(g, 50) ? b.len / 2 : b.len - 1 - S_pick(g,
		    b.len > 20 ? 20 : (uint32_t)b.len - 1);
	else if (how == PIC_HUGE) {
		static const uint32_t sides[][2] = { { 5001, 5000 },
		    { 65535, 65535 }, { 100000, 1000 }, { 0x7FFFFFFF, 1 },
		    { 0, 10 } };
		const uint32_t *s = sides[S_pick(g, 5)];

		S_claim_size(&b, jpeg, s[0], s[1]);
	} else if (how == PIC_EMPTY)
		b.len = 0;
	if (g->npictures++ == 0) {
		dir = xasprintf("%s/bilder", g->dir);
		if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
			perror(dir);
			abort();
		}
		free(dir);
	}
	snprintf(name, sizeof(name), "bilder/b%d%s", g->npictures,
	    how == PIC_WRONG_TYPE ? (jpeg ? ".png" : ".jpg") : jpeg ?
	    (S_chance(g, 20) ? ".JPEG" : ".jpg") : S_chance(g, 10) ? ".PNG" :
	    ".png");
	S_write(g, g->dir, name, b.s, b.len);
	snprintf(g->last_picture, sizeof(g->last_picture), "%s", name);
	buf_puts(x, name);
	buf_free(&b);
}

static void
S_target(struct pg *g, const char *id)
{
	if (g->ntargets < (int)(sizeof(g->targets) / sizeof(*g->targets)))
		snprintf(g->targets[g->ntargets++], sizeof(*g->targets), "%s",
		    id);
}

/* An id for a chart or figure: prefix-N, kept as a <ref> target.  Evil:
 * one the page takes, a table's name, a section's, or not an id. */
static void
S_target_id(struct pg *g, struct buf *x, const char *prefix, int n,
    bool keep)
{
	char id[16];

	if (S_evil(g)) {
		static const char *const bad[] = { "Bad Id", "inhalt",
		    "tabelle-1", "diagramm-2", "kapitel-1", "", "-x", "kap-1",
		    "bild-1", "abb-1" };

		buf_printf(x, " id=\"%s\"", g->ntabs > 0 && S_chance(g, 20) ?
		    g->tabs[0].name : ONE(g, bad));
		return;
	}
	snprintf(id, sizeof(id), "%s-%d", prefix, n);
	buf_printf(x, " id=\"%s\"", id);
	if (keep)
		S_target(g, id);
}

/* <figure>: a picture with its text alternative, caption, source and
 * width; sometimes decorative.  Evil: a bad file (S_picture), a path
 * that leaves the folder or names nothing, no alt, an alt on a
 * decorative one or an empty one on another, a width out of range. */
static void
S_figure(struct pg *g, struct buf *x)
{
	static const char *const outside[] = { "../bild.png",
	    "/etc/bild.png", "bilder/../../bild.png", "", "bilder/fehlt.png",
	    "bilder", "bild.gif", "bild.svg", "bilder/b1.png.txt" };
	static const char *const bad_widths[] = { "0", "101", "50%", "abc",
	    "-5", "", "1000", "50.5", " 50" };
	int how = PIC_OK;
	bool decorative = S_chance(g, 10), alt = true;

	if (S_evil(g))
		how = 1 + (int)S_pick(g, PIC_COUNT - 1);
	buf_puts(x, "<figure");
	g->nfigures++;
	if (S_chance(g, 80)) {
		S_target_id(g, x, decorative ? "deko" : "bild", g->nfigures,
		    !decorative);
	}
	buf_puts(x, " src=\"");
	if (S_evil(g))
		buf_puts(x, ONE(g, outside));
	else if (g->npictures > 0 && S_chance(g, 10))
		/* One file, two figures. */
		buf_puts(x, g->last_picture);
	else
		S_picture(g, x, how);
	buf_puts(x, "\"");
	if (S_evil(g))
		alt = false;
	else if (decorative) {
		if (S_evil(g))
			S_attr_text(g, x, "alt", 3);
		else
			buf_puts(x, " alt=\"\"");
		buf_puts(x, " decorative=\"yes\"");
	} else if (S_evil(g))
		buf_puts(x, S_chance(g, 50) ? " alt=\"\"" : " alt=\"  \"");
	else {
		/* Never blank: "Bild" and words. */
		char *t = S_text_dup(g, 20);

		buf_puts(x, " alt=\"Bild ");
		S_xml_escape(x, t);
		buf_putc(x, '"');
		free(t);
	}
	if (alt && !decorative && S_chance(g, 10))
		buf_puts(x, " decorative=\"no\"");
	if (S_evil(g) && S_chance(g, 20))
		buf_puts(x, " decorative=\"ja\"");
	if (S_chance(g, 60))
		S_attr_text(g, x, "title", 8);
	if (S_chance(g, 40))
		S_attr_text(g, x, "source", 4);
	if (S_chance(g, 20))
		buf_puts(x, " stand=\"09/2016\"");
	if (S_evil(g))
		buf_printf(x, " width=\"%s\"", ONE(g, bad_widths));
	else if (S_chance(g, 40))
		buf_printf(x, " width=\"%d\"", S_chance(g, 20) ? (S_chance(g,
		    50) ? 1 : 100) : 1 + (int)S_pick(g, 100));
	buf_puts(x, "/>\n");
}

/* --- version 2: references, footnotes, lists of tables and figures --- */

/* <ref to="…"/>: a section with an id, a table, a chart or a numbered
 * figure of the plan; evil: a misspelt one, one that is nowhere, a
 * decorative figure, a link in a link. */
static void
S_ref(struct pg *g, struct buf *x)
{
	int n = g->nids + g->ntabs + g->ntargets;
	char id[48];
	int i;

	if (S_evil(g)) {
		static const char *const bad[] = { "nirgends", "deko-1", "",
		    "Kap-1", "bild-0", "inhalt" };

		buf_printf(x, "<ref to=\"%s\"/>", ONE(g, bad));
		return;
	}
	if (n == 0) {
		buf_puts(x, "siehe oben");
		return;
	}
	i = (int)S_pick(g, (uint32_t)n);
	if (i < g->nids)
		snprintf(id, sizeof(id), "kap-%d", i + 1);
	else if ((i -= g->nids) < g->ntabs)
		snprintf(id, sizeof(id), "%s", g->tabs[i].name);
	else
		snprintf(id, sizeof(id), "%s", g->targets[i - g->ntabs]);
	if (S_evil(g) && strlen(id) > 2)
		id[S_pick(g, (uint32_t)strlen(id))] = 'q';
	buf_printf(x, "<ref to=\"%s\"/>", id);
}

/* The text of a footnote: words, em, strong, a link, a value, a break,
 * a reference, up to max characters of text (what gen counts). */
static void
S_fn_text(struct pg *g, struct buf *x, size_t max)
{
	size_t chars = 0;
	bool text = false;

	while (chars < max) {
		char *s;
		size_t n;
		int what = text && chars + 16 < max ? (int)S_pick(g, 10) : 0;

		if (what == 1 || what == 2 || what == 4) {
			struct buf v;

			/* Text where there is nothing to name: counted. */
			buf_init(&v);
			if (what == 4)
				S_ref(g, &v);
			else
				S_value(g, &v);
			if (v.s[0] != '<')
				chars += utf8_count(v.s, v.len);
			buf_puts(x, v.s);
			buf_free(&v);
			buf_putc(x, ' ');
			chars++;
			continue;
		}
		if (what == 3) {
			buf_puts(x, "<br/>");
			continue;
		}
		s = S_text_dup(g, 6);
		n = utf8_count(s, strlen(s)) + 1;
		if (chars + n > max) {
			/* Filled up to the limit with short words. */
			size_t k = max - chars - 1 > 30 ? 30 : max - chars - 1;

			free(s);
			if (max - chars < 2 && text)
				break;
			s = xstrdup(k == 0 ? "x" : "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
			s[k == 0 ? 1 : k] = '\0';
			n = strlen(s) + 1;
		}
		if (what == 5 || what == 6)
			buf_puts(x, what == 5 ? "<em>" : "<strong>");
		else if (what == 7) {
			buf_puts(x, "<a href=\"");
			S_href(g, x);
			buf_puts(x, "\">");
		}
		S_xml_escape(x, s);
		if (what == 5 || what == 6)
			buf_puts(x, what == 5 ? "</em>" : "</strong>");
		else if (what == 7)
			buf_puts(x, "</a>");
		buf_putc(x, ' ');
		chars += n;
		text = true;
		free(s);
	}
}

#define FN_BLOCK	5	/* gen's limits: in one p, li or note */
#define FN_PLAN		500	/* in the plan */
#define FN_CHARS	600	/* the text of one */

/* <fn>: mostly short, sometimes up to the limit; sometimes two on one
 * word.  Evil: empty, longer than the limit, one in it, more in the
 * block or the plan than allowed; where none may stand (in em, strong,
 * a), one anyway. */
static void
S_fn(struct pg *g, struct buf *x)
{
	int twice = S_chance(g, 15) ? 2 : 1;

	if (g->fn_block < 0 || (g->fn_block >= FN_BLOCK || g->nfn >= FN_PLAN)) {
		if (S_evil(g)) {
			buf_puts(x, "<fn>Fehl am Platz</fn>");
			g->nfn++;
		}
		return;
	}
	for (int i = 0; i < twice && g->fn_block < FN_BLOCK; i++) {
		int saved = g->fn_block;

		g->fn_block = -1;
		buf_puts(x, "<fn>");
		if (S_evil(g)) {
			static const char *const bad[] = { "", " ", "<br/>",
			    "<value ref=\"x.y.z\"/>", "<fn>innen</fn>",
			    "a<fn>b</fn>", "<!-- -->", "<p>Absatz</p>" };

			if (S_chance(g, 30))
				S_fn_text(g, x, FN_CHARS + 2 + S_pick(g, 300));
			else
				buf_puts(x, ONE(g, bad));
		} else
			S_fn_text(g, x, S_chance(g, 10) ? FN_CHARS + 1 :
			    S_chance(g, 30) ? 60 + S_pick(g, 300) :
			    1 + S_pick(g, 60));
		buf_puts(x, "</fn>");
		g->fn_block = saved + 1;
		g->nfn++;
	}
}

/* More footnotes than a plan may hold, in blocks that may hold them. */
static void
S_fn_flood(struct buf *x)
{
	buf_puts(x, "<section title=\"Fußnoten\">\n");
	for (int i = 0; i < FN_PLAN / FN_BLOCK + 1; i++) {
		buf_puts(x, "<p>Text");
		for (int k = 0; k < FN_BLOCK; k++)
			buf_puts(x, "<fn>Fußnote.</fn>");
		buf_puts(x, "</p>\n");
	}
	buf_puts(x, "</section>\n");
}

/* <contents tables="…" figures="…"/>; evil: an unknown value. */
static void
S_contents(struct pg *g, struct buf *x)
{
	static const char *const bad[] = { "ja", "", "YES", "1", "true" };
	static const char *const attrs[] = { "tables", "figures" };

	buf_puts(x, "<contents");
	for (int i = 0; i < 2; i++)
		if (S_chance(g, 80))
			buf_printf(x, " %s=\"%s\"", attrs[i], S_evil(g) ?
			    ONE(g, bad) : S_chance(g, 80) ? "yes" : "no");
	buf_puts(x, "/>\n");
}

static void
S_section(struct pg *g, struct buf *x, int depth)
{
	int n = 1 + (int)S_pick(g, 5);

	buf_puts(x, "<section");
	S_attr_text(g, x, "title", 6);
	if (S_evil(g)) {
		static const char *const bad[] = { "Bad Id!", "inhalt",
		    "inhalt-titel", "kap 1", "" };

		buf_printf(x, " id=\"%s\"", ONE(g, bad));
	} else if (S_chance(g, 20))
		buf_printf(x, " id=\"kap-%d\"", ++g->nids);
	buf_puts(x, ">\n");
	for (int i = 0; i < n; i++)
		S_block(g, x, depth, false);
	buf_puts(x, "</section>\n");
}

static void
S_block(struct pg *g, struct buf *x, int depth, bool in_li)
{
	switch (S_pick(g, 23)) {
	case 20: case 21:
		S_figure(g, x);
		break;
	case 22:
		/* Evil: a footnote or a list of tables in a section. */
		if (S_evil(g)) {
			if (S_chance(g, 50))
				buf_puts(x, "<fn>Fußnote im Abschnitt</fn>\n");
			else
				S_contents(g, x);
			break;
		}
		/* FALLTHROUGH */
	case 0: case 1: case 2: case 3:
		/* Six levels are allowed; a seventh is evil. */
		if ((depth < 6 || (depth == 6 && S_evil(g))) && !in_li) {
			S_section(g, x, depth + 1);
			break;
		}
		/* FALLTHROUGH */
	case 4: case 5:
		S_insert(g, x);
		break;
	case 6: case 7:
		S_chart(g, x);
		break;
	case 8: case 9:
		S_list(g, x, 0);
		break;
	case 10:
		buf_puts(x, "<note>");
		g->fn_block = 0;
		g->glued = false;
		S_inline(g, x, 2, false);
		g->fn_block = -1;
		buf_puts(x, "</note>\n");
		break;
	case 11:
		if (S_evil(g)) {
			buf_puts(x, S_chance(g, 50) ? "Text ohne p\n" :
			    "<div>unbekannt</div>\n");
			break;
		}
		/* FALLTHROUGH */
	default:
		buf_puts(x, "<p>");
		g->fn_block = 0;
		g->glued = false;
		S_inline(g, x, 0, false);
		g->fn_block = -1;
		buf_puts(x, "</p>\n");
	}
}

static void
S_body(struct pg *g, struct buf *x)
{
	int n = (int)S_pick(g, 6);

	bool later = false;

	buf_puts(x, "  <body>\n");
	if (S_chance(g, 30)) {
		/* Evil: after the first element. */
		if (n > 0 && S_evil(g))
			later = true;
		else
			S_contents(g, x);
	}
	if (S_chance(g, 20)) {
		/* No chapters: the template's are used. */
		for (int i = 0; i < n; i++)
			buf_puts(x, "<p>Text.</p>\n");
	} else
		for (int i = 0; i < n + 1; i++)
			S_section(g, x, 1);
	if (later)
		S_contents(g, x);
	if (S_evil(g) && S_chance(g, 3))
		S_fn_flood(x);
	buf_puts(x, "  </body>\n");
}

/* <NAME>text</NAME> on a line of its own, at most max characters (the
 * cover has one line for it); evil: longer. */
static void
S_element_text(struct pg *g, struct buf *x, const char *name, int maxwords,
    size_t max)
{
	char *s = S_text_dup(g, maxwords);

	if (utf8_count(s, strlen(s)) > max && !S_evil(g)) {
		free(s);
		s = xstrdup("Entwurf");
	} else if (S_evil(g) && S_chance(g, 10)) {
		char *t = xasprintf("%s %0*d", s, (int)max, 0);

		free(s);
		s = t;
	}

	buf_printf(x, "  <%s>", name);
	S_xml_escape(x, s);
	buf_printf(x, "</%s>\n", name);
	free(s);
}

static void
S_head(struct pg *g, struct buf *x)
{
	static const char *const reports[] = { "amip", "planungsdokument",
	    "eingliederungsbericht" };
	static const char *const dates[] = { "2017-01-16", "2016-10",
	    "2020-02-29", "2017-12-31" };
	static const char *const bad_dates[] = { "2017-02-30", "16.01.2017",
	    "2017", "1899-01-01" };
	static const char *const bad_years[] = { "20x7", "1800", "2019/2021",
	    "2200", "", "2020/2019", "2019/20", "2019 / 2020", "2019/" };

	if (!g->fixed_report)
		g->report = (int)S_pick(g, 3);
	buf_puts(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	if (S_chance(g, 20))
		buf_puts(x, "<!-- erzeugt von plangen -->\n");
	buf_printf(x, "<plan report=\"%s\"%s year=\"", reports[g->report],
	    g->programme != NULL ? " programme=\"programm\"" : "");
	if (S_evil(g))
		buf_puts(x, ONE(g, bad_years));
	else if (S_chance(g, 20)) {
		int y = 2010 + (int)S_pick(g, 15);

		buf_printf(x, "%d/%d", y, y + 1);	/* version 2 */
	} else
		buf_printf(x, "%d", 2010 + (int)S_pick(g, 15));
	buf_puts(x, "\">\n  <jobcenter");
	S_attr_text(g, x, "name", 4);
	if (S_chance(g, 70))
		buf_printf(x, " kind=\"%s\"", S_evil(g) ? "AöR" :
		    S_chance(g, 50) ? "gE" : "zkT");
	if (S_chance(g, 50))
		S_attr_text(g, x, "region", 3);
	if (S_chance(g, 50))
		S_attr_text(g, x, "land", 2);
	buf_puts(x, "/>\n");
	if (!(S_evil(g) && S_chance(g, 10))) {
		char *s = S_text_dup(g, 12);

		buf_puts(x, "  <title>");
		S_xml_escape(x, s);
		buf_puts(x, "</title>\n");
		free(s);
	}
	if (S_chance(g, 30))
		S_element_text(g, x, "subtitle", 8, 200);
	if (S_chance(g, 50)) {
		char *s = S_text_dup(g, 5);

		buf_puts(x, "  <author>");
		S_xml_escape(x, s);
		buf_puts(x, "</author>\n");
		free(s);
	}
	if (S_chance(g, 60))
		buf_printf(x, "  <date>%s</date>\n", S_evil(g) ?
		    ONE(g, bad_dates) : ONE(g, dates));
	if (S_chance(g, 30))
		S_element_text(g, x, "reference", 3, 80);
	if (S_chance(g, 30))
		S_element_text(g, x, "status", 2, 40);
}

/* --- the template variant --- */

static void
S_color(struct pg *g, struct buf *b)
{
	static const char *const bad[] = { "#fff", "red", "#12345g",
	    "#1234567", "", "#", "rgb(1,2,3)", "#FFFFFF", "var(--accent)" };

	if (S_evil(g))
		buf_puts(b, ONE(g, bad));
	else
		buf_printf(b, "#%06x", (unsigned)S_pick(g, 0x1000000));
}

static void
S_template(struct pg *g, const char *tpl)
{
	static const char *const kinds[] = { "budget", "instruments",
	    "distribution", "targets", "series", "table" };
	static const char *const bad_margins[] = { "-10 20 22 25",
	    "200 200 200 200", "nan nan nan nan", "inf 0 0 0",
	    "1e308 1e308 1e308 1e308", "0 0 0 0", "abc", "10 10 10",
	    "148 105 148 105", "0 300 0 0" };
	static const char *const bad_sizes[] = { "nan", "inf", "5.9", "16.01",
	    "1e1", "6", "16", "-10" };
	static const char *const colors[] = { "--accent", "--accent-light",
	    "--text", "--muted", "--chart-1", "--chart-2", "--chart-3",
	    "--chart-4", "--chart-5", "--chart-6" };
	const char *const reports[] = { "amip", "planungsdokument",
	    "eingliederungsbericht" };
	struct buf x, css;
	int nch = (int)S_pick(g, 6);

	buf_init(&x);
	buf_init(&css);
	buf_printf(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<template report=\"%s\"", reports[g->report]);
	S_attr_text(g, &x, "name", 5);
	buf_puts(&x, ">\n  <style src=\"style.css\"/>\n  <page");
	if (S_chance(g, 80)) {
		if (S_evil(g))
			buf_printf(&x, " margin=\"%s\"", ONE(g, bad_margins));
		else
			buf_printf(&x, " margin=\"%d %d %d %d\"",
			    5 + (int)S_pick(g, 46), 5 + (int)S_pick(g, 46),
			    5 + (int)S_pick(g, 46), 5 + (int)S_pick(g, 46));
	}
	if (S_chance(g, 70)) {
		if (S_evil(g))
			buf_printf(&x, " font-size=\"%s\"", ONE(g, bad_sizes));
		else
			buf_printf(&x, " font-size=\"%d.%d\"",
			    6 + (int)S_pick(g, 10), (int)S_pick(g, 10));
	}
	buf_puts(&x, "/>\n");
	if (S_chance(g, 20)) {
		static const char logo[] = "<svg xmlns=\"http://www.w3.org/"
		    "2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
		    "height=\"10\"/></svg>\n";

		buf_puts(&x, "  <logo src=\"logo.svg\" alt=\"Logo\"/>\n");
		S_write(g, tpl, "logo.svg", logo, sizeof(logo) - 1);
	}
	for (int i = 0; i < nch; i++) {
		int nins = (int)S_pick(g, 4);

		buf_printf(&x, "  <chapter id=\"kap-%d\"", i + 1);
		S_attr_text(g, &x, "title", 4);
		buf_puts(&x, ">\n");
		for (int k = 0; k < nins; k++)
			buf_printf(&x, "    <insert kind=\"%s\"/>\n",
			    ONE(g, kinds));
		buf_puts(&x, "  </chapter>\n");
	}
	buf_puts(&x, "</template>\n");
	buf_puts(&css, ":root {\n");
	for (size_t i = 0; i < sizeof(colors) / sizeof(*colors); i++)
		if (S_chance(g, 80)) {
			buf_printf(&css, "  %s: ", colors[i]);
			S_color(g, &css);
			buf_puts(&css, ";\n");
		}
	buf_puts(&css, "}\nbody { font-family: sans-serif; }\n");
	if (S_evil(g) && S_chance(g, 20))
		buf_puts(&css, "</style><script>alert(1)</script>\n");
	S_write(g, tpl, "template.xml", x.s, x.len);
	S_write(g, tpl, "style.css", css.s, css.len);
	buf_free(&x);
	buf_free(&css);
}

static void
S_free_tabs(struct pg *g)
{
	for (int i = 0; i < g->ntabs; i++) {
		struct tab *t = &g->tabs[i];

		for (int k = 0; k < t->nrows; k++)
			free(t->rows[k]);
		for (int k = 0; k < t->ngroups; k++)
			free(t->groups[k]);
		for (int k = 0; k < t->nfields; k++)
			free(t->fields[k]);
		for (int k = 0; k < t->nknown; k++)
			free(t->known[k].key);
		if (t->nsum > 0)
			buf_free(&t->sum);
	}
}

/* plan.xml and the tables of one plan into g->dir. */
static void
S_plan(struct pg *g)
{
	struct buf x;

	buf_init(&x);
	g->fn_block = -1;
	S_head(g, &x);
	S_tables(g, &x);
	S_body(g, &x);
	buf_puts(&x, "</plan>\n");
	S_write(g, g->dir, "plan.xml", x.s, x.len);
	buf_free(&x);
}

int
plangen(struct pg_src *s, const char *dir, const char *tpl)
{
	static const int evils[] = { 0, 0, 0, 0, 1, 2, 5, 10, 30 };
	struct pg g = { .s = s, .dir = dir, .fixed_report = true };
	struct pg prog = { .s = s, .fixed_report = true };
	char *pdir = NULL;
	int with_tpl, lenient;

	g.evil = evils[pg_pick(s, sizeof(evils) / sizeof(*evils))];
	g.report = (int)S_pick(&g, 3);
	/* A Bericht on a programme in its folder programm/: the programme
	 * has the Soll of its instruments and targets, the Bericht the Ist. */
	if (g.report == 2 && S_chance(&g, 30)) {
		pdir = xasprintf("%s/programm", dir);
		if (mkdir(pdir, 0777) == -1) {
			perror(pdir);
			abort();
		}
		prog.dir = pdir;
		prog.evil = g.evil;
		S_plan(&prog);
		g.programme = &prog;
		g.nevil += prog.nevil;
	}
	S_plan(&g);
	with_tpl = tpl != NULL && S_chance(&g, 25) ? PG_TEMPLATE : 0;
	if (with_tpl)
		S_template(&g, tpl);
	lenient = S_chance(&g, 10) ? PG_LENIENT : 0;
	S_free_tabs(&g);
	S_free_tabs(&prog);
	free(pdir);
	return with_tpl | lenient | (g.nevil == 0 ? PG_CLEAN : 0) |
	    (g.nevil > 0 && g.nevil == g.nfails ? PG_CHECK_FAILS : 0);
}
