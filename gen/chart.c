/* chart.c: axis ranges, ticks and places of values, the x place of a
 * line chart's categories, and the colour and luminance of each pie slice:
 * every decision the two writers then only draw. */
#include "chart.h"

#include <libxml/hash.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doctable.h"
#include "fmt.h"
#include "keys.h"
#include "text.h"
#include "util.h"

#define TICKS_WANTED 4
/* The x axis of a line chart in ems of its text: the web page's 355 of
 * 440 units at 15 (the print's 412 pt at 7 pt has more room). */
#define AXIS_EMS 23.0

/* The axis works at the finest scale of its values, in 128 bits: a
 * figure of 15 digits at scale 0 beside one of SCALE_MAX decimals is
 * 10^21 there, beyond 64 bits.  Doubles only place things. */
typedef __int128 wide;

/* Mantissa of v at scale (>= v's, and at most SCALE_MAX). */
static wide
S_at_scale(const struct value *v, int scale)
{
	return (wide)v->v * num_pow10(scale - v->scale);
}

/* The smallest 1, 2 or 5 times a power of ten that is >= x. */
static wide
S_nice_step(wide x)
{
	wide p = 1;

	if (x < 1)
		return 1;
	for (;;) {
		if (p >= x)
			return p;
		if (2 * p >= x)
			return 2 * p;
		if (5 * p >= x)
			return 5 * p;
		p *= 10;
	}
}

/* A tick at m / 10^scale, printed exactly, without the decimals that are
 * zero ("20 %", not "20,0 %"; money keeps its cents).  Then it fits 64
 * bits, for figures in range (|mantissa| <= 10^15): the axis runs from
 * at most a step below the least value to a step above the greatest and
 * includes 0, and a step d * 10^k (d = 1, 2, 5) is at most 2.5 times a
 * quarter of the range, so no tick is beyond 2.25 times the largest
 * |value| (plus 2.5 units).  If 10^k >= 10^scale, the tick has no
 * decimals left (cents for money): below 2.25 * 10^15 (* 100).  Else the
 * range is below 4 steps < 2 * 10^scale, and so are the ticks' mantissas. */
static void
S_tick(struct doc_node *chart, wide m, int scale, enum unit unit,
    double frac)
{
	struct value v = { .scale = (int8_t)scale, .unit = (uint8_t)unit,
	    .has = true, .typed_scale = -1 };
	struct doc_node *t;
	struct buf b;

	while (v.scale > (unit == UNIT_MONEY ? 2 : 0) && m % 10 == 0) {
		m /= 10;
		v.scale--;
	}
	if (m > INT64_MAX || m < -INT64_MAX)
		return;		/* see above: not for figures in range */
	v.v = (int64_t)m;
	buf_init(&b);
	fmt_display(&b, &v, FMT_PLAIN);
	t = doc_add(chart, DOC_TICK, b.s);
	buf_clear(&b);
	fmt_machine(&b, &v);
	t->value = buf_detach(&b);
	t->frac = frac;
}

const unsigned chart_default_palette[CHART_COLORS] = { 0x1F4E79, 0xB34700,
    0x3B6E22, 0x6A3D9A, 0x8A6D00, 0xA3243B };

static double
S_channel(unsigned c)
{
	double x = (double)(c & 0xFF) / 255;

	return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
}

static double
S_lum(unsigned rgb)
{
	return 0.2126 * S_channel(rgb >> 16) + 0.7152 * S_channel(rgb >> 8) +
	    0.0722 * S_channel(rgb);
}

double
chart_contrast(unsigned a, unsigned b)
{
	double x = S_lum(a) + 0.05, y = S_lum(b) + 0.05;

	return x > y ? x / y : y / x;
}

static unsigned
S_mix(unsigned c, unsigned to, double a)
{
	unsigned r = 0;

	for (int sh = 0; sh <= 16; sh += 8) {
		double x = (double)((c >> sh) & 0xFF), y = (double)((to >> sh) &
		    0xFF);

		r |= (unsigned)lround(x + (y - x) * a) << sh;
	}
	return r;
}

unsigned
chart_color(const unsigned pal[CHART_COLORS], const struct doc_node *d)
{
	unsigned c = pal[d->color % CHART_COLORS];
	unsigned to = S_lum(c) > d->lum ? 0x000000 : 0xFFFFFF;
	double lo = 0, hi = 1;

	/* Luminance moves monotonically towards black or white. */
	for (int i = 0; i < 24; i++) {
		double mid = (lo + hi) / 2, l = S_lum(S_mix(c, to, mid));

		if (to == 0 ? l > d->lum : l < d->lum)
			lo = mid;
		else
			hi = mid;
	}
	return S_mix(c, to, hi);
}

/* Neighbouring slices alternate dark and light; an odd number of slices
 * closes the circle with one of middle luminance, and the dark and light
 * ones go further apart to leave it 3:1 on both sides: (0.19 + 0.05) /
 * (0.02 + 0.05) = 3.4, (0.75 + 0.05) / (0.19 + 0.05) = 3.3. */
static void
S_pie_colors(struct doc_node *series)
{
	size_t n = 0, k = 0;

	/* Slices of share 0 are not drawn: their neighbours meet. */
	for (struct doc_node *d = series->first; d != NULL; d = d->next)
		n += d->frac > 0;
	for (struct doc_node *d = series->first; d != NULL; d = d->next) {
		d->color = (int)(k % CHART_COLORS);
		if (n % 2 == 0 || n == 1)
			d->lum = k % 2 == 0 ? 0.08 : 0.45;
		else
			d->lum = k + 1 == n ? 0.19 : k % 2 == 0 ? 0.02 : 0.75;
		k += d->frac > 0;
	}
}

static void
S_pie(struct doc_node *chart, const struct value *vals, size_t n, int scale)
{
	struct doc_node *d = chart->first != NULL ? chart->first->first : NULL;
	wide total = 0;

	/* 100.000 values of at most 2^63 * 10^6: below 2^100. */
	for (size_t i = 0; i < n; i++)
		total += S_at_scale(&vals[i], scale);
	for (size_t i = 0; i < n && d != NULL; i++, d = d->next)
		d->frac = total > 0 ? (double)S_at_scale(&vals[i], scale) /
		    (double)total : 0;
	if (chart->first != NULL)
		S_pie_colors(chart->first);
}

static void
S_scale(struct doc_node *chart, const struct value *vals, size_t n)
{
	int scale = 0;
	wide lo = 0, hi = 0, step, first, last;
	enum unit unit = n > 0 ? vals[0].unit : UNIT_COUNT;
	size_t i = 0;
	double span;

	for (size_t k = 0; k < n; k++)
		if (vals[k].scale > scale)
			scale = vals[k].scale;
	if (chart->flags & DOC_CHART_PIE) {
		S_pie(chart, vals, n, scale);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		wide m = S_at_scale(&vals[k], scale);

		lo = m < lo ? m : lo;
		hi = m > hi ? m : hi;
	}
	/* |lo|, hi < 2^63 * 10^6 < 2^83: nothing below overflows. */
	step = S_nice_step((hi - lo + TICKS_WANTED - 1) / TICKS_WANTED);
	first = lo < 0 ? -((-lo + step - 1) / step) * step : 0;
	last = hi > 0 ? (hi + step - 1) / step * step : step;
	span = (double)(last - first);
	for (struct doc_node *s = chart->first; s != NULL; s = s->next)
		for (struct doc_node *d = s->first; d != NULL && i < n;
		    d = d->next, i++)
			d->frac = (double)(S_at_scale(&vals[i], scale) - first) /
			    span;
	chart->frac = (double)-first / span;
	for (wide m = first; m <= last; m += step)
		S_tick(chart, m, scale, unit, (double)(m - first) / span);
}

static const char *
S_unit_text(enum unit u)
{
	switch (u) {
	case UNIT_MONEY: return "\xE2\x82\xAC";
	case UNIT_PERCENT: return "%";
	case UNIT_POINTS: return "%-Pkt.";
	default: return "";
	}
}

/* Rows a chart shows: counted rows with a value of their own. */
static bool
S_charted(const struct table *t, const struct entry *e, int f, bool pie)
{
	const struct value *v = &e->val[f];

	if (e->label_row || e->parent >= 0 || !v->has || v->info)
		return false;
	if (t->kind == KIND_BUDGET && e->art == ART_SUMME)
		return false;
	return !pie || v->v >= 0;
}

static void
S_datum(struct doc_node *series, const struct table *t, const struct entry *e,
    int f, const char *label)
{
	struct figure fig = { .t = t, .e = e, .f = f };
	struct doc_node *d = doc_add(series, DOC_DATUM, NULL);

	doctable_set_figure(d, &fig, 0);
	/* The label goes to source: text holds the figure's display. */
	d->source = xstrdup(label);
}

/* Roughly how many ems of axis label text s takes (a digit is about
 * 0.55 em in the fonts of both writers). */
static double
S_ems(const char *s)
{
	return 0.55 * (double)utf8_count(s, strlen(s));
}

/* Every datum's category and its x place, by first appearance of its
 * label; which categories the x axis names (every k-th, so that names
 * never overlap and no point moves) and whether the values stand at
 * their points: with one line whose every category is named.  Otherwise
 * the print shows the chart's data table.  Points are marked where every
 * category is named: closer, the marks would merge into a band. */
static void
S_categories(struct doc_node *chart)
{
	/* category -> its number + 1: a series of 20.000 periods */
	xmlHashTablePtr cat = xmlHashCreate(0);
	size_t n = 0, nseries = 0, step;
	double need = 0;
	bool *named, values;

	for (struct doc_node *s = chart->first; s != NULL; s = s->next) {
		nseries += s->type == DOC_SERIES;
		for (struct doc_node *d = s->type == DOC_SERIES ? s->first :
		    NULL; d != NULL; d = d->next) {
			size_t k = (size_t)(uintptr_t)xmlHashLookup(cat,
			    (const xmlChar *)d->source);

			if (k == 0) {
				k = ++n;
				(void)xmlHashAddEntry(cat,
				    (const xmlChar *)d->source, (void *)(uintptr_t)k);
			}
			d->level = (int)(k - 1);
			need = fmax(need, fmax(S_ems(d->source), S_ems(d->text)));
		}
	}
	step = (size_t)ceil((double)n * (need + 1) / AXIS_EMS);
	step = step > 0 ? step : 1;
	values = nseries == 1 && step == 1;
	if (!values && (chart->flags & DOC_CHART_LINE))
		chart->flags |= DOC_CHART_DATA;
	if (step == 1 && (chart->flags & DOC_CHART_LINE))
		chart->flags |= DOC_CHART_MARKS;
	named = xcalloc(n + 1, sizeof(*named));
	for (struct doc_node *s = chart->first; s != NULL; s = s->next)
		for (struct doc_node *d = s->type == DOC_SERIES ? s->first :
		    NULL; d != NULL; d = d->next) {
			d->place = (d->level + 0.5) / (double)n;
			if (values)
				d->flags |= DOC_AXIS_LABEL;
			if (d->level % step == 0 && !named[d->level])
				d->flags |= DOC_AXIS_NAME;
			named[d->level] = true;
		}
	chart->level = (int)n;
	free(named);
	xmlHashFree(cat, NULL);
}

/* The chart's data as a table, its last child: the web page's table
 * beside the picture, and the print's where not every value stands on
 * the chart.  The series' column only if there are several. */
static void
S_data_table(struct doc_node *chart)
{
	struct doc_node *t = doc_add(chart, DOC_TABLE, "Daten zum Diagramm"),
	    *r = doc_add(t, DOC_ROW, NULL);
	bool several = chart->first != NULL && chart->first->next != NULL &&
	    chart->first->next->type == DOC_SERIES;

	t->id = xasprintf("%s-daten", chart->id);
	r->flags = DOC_ROW_HEAD;
	if (several)
		doc_add(r, DOC_CELL, "Reihe")->flags = DOC_CELL_HEAD;
	doc_add(r, DOC_CELL, "Bezeichnung")->flags = DOC_CELL_HEAD;
	doc_add(r, DOC_CELL, "Wert")->flags = DOC_CELL_HEAD | DOC_CELL_NUM;
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next)
		for (const struct doc_node *d = s->type == DOC_SERIES ?
		    s->first : NULL; d != NULL; d = d->next) {
			struct doc_node *x;

			r = doc_add(t, DOC_ROW, NULL);
			if (several)
				doc_add(r, DOC_CELL, s->text);
			doc_add(r, DOC_CELL, d->source)->flags = DOC_CELL_HEAD;
			x = doc_add(r, DOC_CELL, d->text);
			x->flags = DOC_CELL_NUM;
			x->key = xstrdup(d->key);
			x->value = xstrdup(d->value);
		}
}

/* The description a screen reader gives, on the web page and in the
 * tagged PDF: every label with its figure. */
static char *
S_desc(const struct doc_node *chart)
{
	struct buf b;
	const char *kind = chart->flags & DOC_CHART_PIE ? "Kreisdiagramm" :
	    chart->flags & DOC_CHART_LINE ? "Liniendiagramm" : "Balkendiagramm";

	buf_init(&b);
	buf_printf(&b, "%s.", kind);
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next) {
		if (s->type != DOC_SERIES)
			continue;
		buf_printf(&b, " %s:", s->text);
		for (const struct doc_node *d = s->first; d != NULL; d = d->next)
			buf_printf(&b, " %s %s%s", d->source, d->text,
			    d->next != NULL ? ";" : ".");
	}
	return buf_detach(&b);
}

struct doc_node *
chart_build(struct doc_node *parent, const struct table *t, const char *field,
    const char *kind)
{
	struct doc_node *c = doc_add(parent, DOC_CHART, NULL), *s = NULL;
	int f = table_field(t, field), jahr = table_column(t, "jahr");
	struct value *vals = xcalloc(t->nrows + 1, sizeof(*vals));
	bool pie = strcmp(kind, "pie") == 0;
	size_t n = 0;

	c->flags = pie ? DOC_CHART_PIE : strcmp(kind, "line") == 0 ?
	    DOC_CHART_LINE : DOC_CHART_BAR;
	c->id = xasprintf("diagramm-%s-%s", t->name, field);
	c->text = t->kind == KIND_SERIES ? xstrdup(t->title != NULL ? t->title :
	    t->name) : xasprintf("%s: %s", t->title != NULL ? t->title :
	    t->name, doctable_heading(t, f));
	for (size_t i = 0; i < t->nrows; i++) {
		const struct entry *e = &t->rows[i];

		if (!S_charted(t, e, f, pie))
			continue;
		/* A series draws one line per Kennzahl, over its years. */
		if (t->kind == KIND_SERIES) {
			if (s == NULL || strcmp(s->text, e->label) != 0)
				s = doc_add(c, DOC_SERIES, e->label);
			S_datum(s, t, e, f, e->cells[jahr]);
		} else {
			if (s == NULL)
				s = doc_add(c, DOC_SERIES, doctable_heading(t, f));
			S_datum(s, t, e, f, e->label);
		}
		vals[n++] = e->val[f];
	}
	c->source = xstrdup(S_unit_text(n > 0 ? vals[0].unit :
	    t->fields[f].unit));
	/* The axis labels go without unit; the title names it. */
	if (*c->source != '\0' && !pie) {
		char *title = xasprintf("%s (in %s)", c->text, c->source);

		free(c->text);
		c->text = title;
	}
	c->note = doctable_meta(t);
	S_scale(c, vals, n);
	S_categories(c);
	c->alt = S_desc(c);
	S_data_table(c);
	free(vals);
	return c;
}
