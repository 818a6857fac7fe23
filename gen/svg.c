/* svg.c: bar, line and pie charts as inline SVG, built with libxml2. */
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "text.h"
#include "util.h"
#include "xmlw.h"

#define SVG_NS		"http://www.w3.org/2000/svg"
#define STYLES		6	/* series styles s1..s6 of the stylesheet */
/* The text scales with the picture: 15 of 440 units still draws it at
 * 12 px on a 390 px phone, where the chart gets 358 px. */
#define WIDTH		440
#define BAR_GUTTER	160	/* at most, for the labels: a third */
#define BAR_GAP		8	/* between labels and plot */
#define BAR_LINE	18	/* one line of a label */
#define BAR_TOP		30	/* the axis' labels above the bars */
#define EM		15	/* the font size of svg text in style.css */


static xmlNodePtr
S_text(xmlNodePtr svg, double x, double y, const char *anchor,
    const char *text)
{
	xmlNodePtr t = xmlw_el(svg, "text", text);

	xmlw_attr(t, "x", "%.1f", x);
	xmlw_attr(t, "y", "%.1f", y);
	if (anchor != NULL)
		xmlw_attr(t, "text-anchor", "%s", anchor);
	return t;
}

static xmlNodePtr
S_line(xmlNodePtr svg, const char *cls, double x1, double y1, double x2,
    double y2)
{
	xmlNodePtr l = xmlw_el(svg, "line", NULL);

	xmlw_attr(l, "class", "%s", cls);
	xmlw_attr(l, "x1", "%.1f", x1);
	xmlw_attr(l, "y1", "%.1f", y1);
	xmlw_attr(l, "x2", "%.1f", x2);
	xmlw_attr(l, "y2", "%.1f", y2);
	return l;
}

static size_t
S_count(const struct doc_node *n, enum doc_type type)
{
	size_t k = 0;

	for (const struct doc_node *c = n->first; c != NULL; c = c->next)
		k += c->type == type;
	return k;
}

/* --- bar --- */

/* The width of s in the stylesheet's font, estimated: the page has no
 * font metrics; Liberation Sans averages little more than half an em. */
static double
S_est(const char *s, size_t len)
{
	size_t chars = 0;

	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return (double)chars * EM * 0.56;
}

static double
S_est_measure(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	return S_est(s, len);
}

struct bar_label {
	xmlNodePtr	 t;
	double		 x, y;
};

static void
S_bar_line(void *ctx, const char *s, size_t len, int n)
{
	struct bar_label *bl = ctx;
	char *line;
	xmlNodePtr sp;

	if (bl->t == NULL)
		return;
	line = xstrndup(s, len);
	sp = xmlw_el(bl->t, "tspan", line);
	xmlw_attr(sp, "x", "%.1f", bl->x);
	xmlw_attr(sp, "y", "%.1f", bl->y + n * BAR_LINE);
	free(line);
}

/* The label broken at blanks to width (text_wrap, as in the PDF), as
 * lines of a <text> ending at x; returns the number of lines (NULL svg:
 * only counts them). */
static int
S_bar_label(xmlNodePtr svg, const char *label, double x, double y,
    double width)
{
	struct bar_label bl = { NULL, x, y };

	if (svg != NULL) {
		bl.t = xmlw_el(svg, "text", NULL);
		xmlw_attr(bl.t, "text-anchor", "end");
	}
	return text_wrap(label, width, S_est_measure, S_bar_line, &bl);
}

/* As in the PDF: labels right-aligned in a gutter left of the plot, the
 * grid behind the bars and never through a label, values beside the bars
 * on white, the plot to the full width; places from chart.c. */
static void
S_bars(xmlNodePtr svg, const struct doc_node *chart)
{
	const struct doc_node *s = chart->first;
	const struct doc_node *first = s != NULL && s->type == DOC_SERIES ?
	    s->first : NULL;
	double label = 0, value = 0, word = 0, gutter, left, plot, zero;
	double y = BAR_TOP;
	double shown = -1;	/* right end of the last tick label */

	for (const struct doc_node *d = first; d != NULL; d = d->next) {
		double lw = S_est(d->source, strlen(d->source));
		double vw = S_est(d->text, strlen(d->text));
		char *nb = text_nbsp(d->source);	/* as S_bar_label breaks */

		label = lw > label ? lw : label;
		value = vw > value ? vw : value;
		for (const char *w = nb; *w != '\0'; w += strspn(w, " ")) {
			size_t n = strcspn(w, " ");

			word = S_est(w, n) > word ? S_est(w, n) : word;
			w += n;
		}
		free(nb);
	}
	/* A third of the width, the longest word at least, at most half. */
	gutter = label < BAR_GUTTER ? label : word > BAR_GUTTER ? word :
	    BAR_GUTTER;
	gutter = gutter < WIDTH / 2 ? gutter : WIDTH / 2;
	left = gutter + BAR_GAP + (chart->frac > 0 ? value + 6 : 0);
	plot = WIDTH - value - 6 - left;
	zero = left + chart->frac * plot;
	for (const struct doc_node *d = first; d != NULL; d = d->next) {
		int lines = S_bar_label(NULL, d->source, 0, 0, gutter);

		y += (lines * BAR_LINE > 22 ? lines * BAR_LINE : 22) + 12;
	}
	xmlw_attr(svg, "viewBox", "0 0 %d %.0f", WIDTH, y + 8);
	/* The axis on top, as in the PDF, where a long chart repeats it on
	 * every page. */
	for (const struct doc_node *t = chart->first; t != NULL; t = t->next)
		if (t->type == DOC_TICK) {
			double x = left + t->frac * plot;
			double w = S_est(t->text, strlen(t->text));
			double at = x + w / 2 > WIDTH ? WIDTH - w : x - w / 2;

			S_line(svg, "grid", x, BAR_TOP - 4, x, y);
			/* Where the labels of the ticks would touch, every
			 * other one stands. */
			if (at < shown + 6)
				continue;
			S_text(svg, at, BAR_TOP - 10, NULL, t->text);
			shown = at + w;
		}
	S_line(svg, "axis", zero, BAR_TOP - 4, zero, y);
	y = BAR_TOP;
	for (const struct doc_node *d = first; d != NULL; d = d->next) {
		int lines = S_bar_label(NULL, d->source, 0, 0, gutter);
		double h = (lines * BAR_LINE > 22 ? lines * BAR_LINE : 22) + 12;
		double mid = y + h / 2, x = left + d->frac * plot;
		double vw = S_est(d->text, strlen(d->text)), vx;
		xmlNodePtr r;

		S_bar_label(svg, d->source, gutter, mid - (lines - 1) *
		    BAR_LINE / 2.0 + 5, gutter);
		r = xmlw_el(svg, "rect", NULL);
		xmlw_attr(r, "class", "bar");
		xmlw_attr(r, "x", "%.1f", x < zero ? x : zero);
		xmlw_attr(r, "y", "%.1f", mid - 8);
		xmlw_attr(r, "width", "%.1f", fabs(x - zero));
		xmlw_attr(r, "height", "16");
		vx = x < zero ? x - 6 - vw : (x > zero ? x : zero) + 6;
		r = xmlw_el(svg, "rect", NULL);
		xmlw_attr(r, "fill", "#fff");
		xmlw_attr(r, "x", "%.1f", vx - 2);
		xmlw_attr(r, "y", "%.1f", mid - 9);
		xmlw_attr(r, "width", "%.1f", vw + 4);
		xmlw_attr(r, "height", "18");
		S_text(svg, vx, mid + 5, NULL, d->text);
		y += h;
	}
}

/* --- line --- */

#define L_LEFT		70.0
#define L_RIGHT		(WIDTH - 15.0)
#define L_TOP		24.0
#define L_BOTTOM	270.0

/* Lines differ in dash as well as colour, in the legend too. */
static const char *const dash[STYLES] = { "none", "8 4", "2 4", "12 4 2 4",
    "4 4", "16 6" };

static void
S_dash(xmlNodePtr line, int style)
{
	xmlw_attr(line, "class", "line s%d", style % STYLES + 1);
	if (style % STYLES != 0)
		xmlw_attr(line, "stroke-dasharray", "%s", dash[style % STYLES]);
}

static void
S_series_line(xmlNodePtr svg, const struct doc_node *s, int style,
    bool marks)
{
	xmlNodePtr pl = xmlw_el(svg, "polyline", NULL);
	struct buf pts;

	buf_init(&pts);
	for (const struct doc_node *d = s->first; d != NULL; d = d->next) {
		double x = L_LEFT + d->place * (L_RIGHT - L_LEFT);
		double y = L_BOTTOM - d->frac * (L_BOTTOM - L_TOP);
		xmlNodePtr c;

		buf_printf(&pts, "%s%.1f,%.1f", pts.len ? " " : "", x, y);
		if (!marks)
			continue;
		c = xmlw_el(svg, "circle", NULL);
		xmlw_attr(c, "class", "s%d", style % STYLES + 1);
		xmlw_attr(c, "cx", "%.1f", x);
		xmlw_attr(c, "cy", "%.1f", y);
		xmlw_attr(c, "r", "4.5");
		if (d->flags & DOC_AXIS_LABEL)
			S_text(svg, x, y - 10, "middle", d->text);
	}
	S_dash(pl, style);
	xmlw_attr(pl, "points", "%s", pts.s);
	buf_free(&pts);
}

static void
S_lines(xmlNodePtr svg, const struct doc_node *chart)
{
	int style = 0;

	xmlw_attr(svg, "viewBox", "0 0 %d %d", WIDTH, (int)L_BOTTOM + 30);
	for (const struct doc_node *t = chart->first; t != NULL; t = t->next)
		if (t->type == DOC_TICK) {
			double y = L_BOTTOM - t->frac * (L_BOTTOM - L_TOP);

			S_line(svg, "grid", L_LEFT, y, L_RIGHT, y);
			S_text(svg, L_LEFT - 8, y + 5, "end", t->text);
		}
	S_line(svg, "axis", L_LEFT, L_BOTTOM - chart->frac *
	    (L_BOTTOM - L_TOP), L_RIGHT, L_BOTTOM - chart->frac *
	    (L_BOTTOM - L_TOP));
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next)
		for (const struct doc_node *d = s->type == DOC_SERIES ? s->first :
		    NULL; d != NULL; d = d->next)
			if (d->flags & DOC_AXIS_NAME)
				S_text(svg, L_LEFT + d->place * (L_RIGHT - L_LEFT),
				    L_BOTTOM + 22, "middle", d->source);
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next)
		if (s->type == DOC_SERIES)
			S_series_line(svg, s, style++,
			    (chart->flags & DOC_CHART_MARKS) != 0);
}

/* --- pie --- */

#define P_CX	150.0
#define P_CY	150.0
#define P_R	130.0

/* The colours chart.c chose for the slices, white lines between them
 * (the stylesheet's .slice stroke). */
static void
S_pie(xmlNodePtr svg, const struct doc_node *chart,
    const unsigned pal[CHART_COLORS])
{
	const struct doc_node *s = chart->first;
	double a = -M_PI / 2;
	int k = 0;

	xmlw_attr(svg, "viewBox", "0 0 300 300");
	xmlw_attr(svg, "class", "pie");
	for (const struct doc_node *d = s != NULL ? s->first : NULL; d != NULL;
	    d = d->next, k++) {
		double b = a + d->frac * 2 * M_PI;
		xmlNodePtr p;

		if (d->frac <= 0)
			continue;
		if (d->frac >= 0.9999) {
			p = xmlw_el(svg, "circle", NULL);
			xmlw_attr(p, "cx", "%.1f", P_CX);
			xmlw_attr(p, "cy", "%.1f", P_CY);
			xmlw_attr(p, "r", "%.1f", P_R);
		} else {
			p = xmlw_el(svg, "path", NULL);
			xmlw_attr(p, "d", "M%.1f,%.1f L%.2f,%.2f A%.1f,%.1f 0 %d 1 "
			    "%.2f,%.2f Z", P_CX, P_CY, P_CX + P_R * cos(a),
			    P_CY + P_R * sin(a), P_R, P_R, b - a > M_PI,
			    P_CX + P_R * cos(b), P_CY + P_R * sin(b));
		}
		xmlw_attr(p, "class", "slice");
		xmlw_attr(p, "fill", "#%06x", chart_color(pal, d));
		a = b;
	}
}

/* --- around the picture --- */

static void
S_legend(xmlNodePtr fig, const struct doc_node *chart,
    const unsigned pal[CHART_COLORS])
{
	xmlNodePtr ul = xmlw_el(fig, "ul", NULL);
	bool pie = (chart->flags & DOC_CHART_PIE) != 0;
	int k = 0;

	xmlw_attr(ul, "class", "legend");
	for (const struct doc_node *s = chart->first; s != NULL; s = s->next) {
		if (s->type != DOC_SERIES)
			continue;
		for (const struct doc_node *d = pie ? s->first : s; d != NULL;
		    d = pie ? d->next : NULL, k++) {
			xmlNodePtr li = xmlw_el(ul, "li", NULL);
			xmlNodePtr key = xmlw_el(li, "svg", NULL), r;
			char *text = pie ? xasprintf("%s: ", d->source) :
			    xstrdup(d->text);

			xmlw_attr(key, "xmlns", SVG_NS);
			xmlw_attr(key, "class", "key");
			xmlw_attr(key, "viewBox", "0 0 14 14");
			xmlw_attr(key, "aria-hidden", "true");
			if (pie) {
				r = xmlw_el(key, "rect", NULL);
				xmlw_attr(r, "fill", "#%06x", chart_color(pal, d));
				xmlw_attr(r, "width", "14");
				xmlw_attr(r, "height", "14");
			} else
				S_dash(S_line(key, "", 0, 7, 14, 7), k);
			xmlw_add_nb(li, text);
			/* The share a left-to-right run of its own, as an
			 * inserted figure (html.c): after a right-to-left
			 * label it would take the label's direction. */
			if (pie)
				xmlw_attr(xmlw_el(li, "span", d->text), "dir",
				    "%s", "ltr");
			free(text);
		}
	}
}

xmlNodePtr
svg_chart(xmlNodePtr parent, const struct doc_node *chart,
    const unsigned pal[CHART_COLORS])
{
	xmlNodePtr fig = xmlw_el(parent, "figure", NULL), svg;

	xmlw_attr(fig, "class", "chart");
	xmlw_attr(fig, "id", "%s", chart->id);
	xmlw_el_nb(fig, "figcaption", chart->text);
	svg = xmlw_el(fig, "svg", NULL);
	xmlw_attr(svg, "xmlns", SVG_NS);
	xmlw_attr(svg, "role", "img");
	xmlw_attr(svg, "aria-labelledby", "%s-titel %s-text", chart->id, chart->id);
	xmlw_attr(xmlw_el(svg, "title", chart->text), "id", "%s-titel", chart->id);
	xmlw_attr(xmlw_el(svg, "desc", chart->alt), "id", "%s-text", chart->id);
	if (chart->flags & DOC_CHART_PIE)
		S_pie(svg, chart, pal);
	else if (chart->flags & DOC_CHART_LINE)
		S_lines(svg, chart);
	else
		S_bars(svg, chart);
	if ((chart->flags & DOC_CHART_PIE) || S_count(chart, DOC_SERIES) > 1)
		S_legend(fig, chart, pal);
	xmlNodeAddContent(parent, (const xmlChar *)"\n");
	return fig;
}
