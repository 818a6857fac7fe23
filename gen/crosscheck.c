/* crosscheck.c: the <check> elements of <data>.  Each side of a check is
 * a sum of terms joined by " + " and " - " (a blank on each side, since
 * keys hold '-'); a term is a key, a German number or "P % * KEY".  The
 * sides are computed exactly (number.h, no floating point) and compared:
 * `equals` within rounding (half a unit of the last decimal of the less
 * precise side, input-format.md "Within rounding"), `at-most` and
 * `at-least` exactly.  A failed check prints both expressions and their
 * values at the <check>'s line. */
#include "crosscheck.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "keys.h"
#include "planxml.h"
#include "text.h"
#include "util.h"

/* "Did you mean" for the first unknown keys only: each suggestion
 * compares the key with every name of a table (up to 100.000 rows). */
#define SUGGEST_MAX 20

/* The attributes that hold expressions: "value", then the comparisons a
 * check may make, in the order of the manual. */
static const char *const sides[] = { "value", "equals", "at-most",
    "at-least", NULL };
static const char *const *const relations = sides + 1;

enum relation { REL_EQUALS, REL_AT_MOST, REL_AT_LEAST };

/* One check being evaluated. */
struct cc {
	const struct plan	*p;
	struct diags		*d;
	int			 line;
	const char		*label;
	size_t			*suggested;	/* unknown keys suggested for */
};

/* A side: its exact value, the decimals of its most precise term and
 * the unit of its keys (UNIT_NUMBER where they differ or there is none). */
struct side {
	const char	*attr;
	const char	*expr;
	struct exact	 x;
	int		 decimals;
	enum unit	 unit;
	bool		 keyed;		/* a key has set unit */
	bool		 literal;	/* a number alone: its value is itself */
};

enum status { ST_OK, ST_ERROR, ST_SKIP };

/* A key's figure.  ST_SKIP where its table or field could not be read:
 * a check would only repeat that error. */
static enum status
S_key(struct cc *c, const char *key, struct value *v, enum unit *unit)
{
	struct figure fig;
	char *near;

	if (!keys_resolve(c->p, key, &fig)) {
		near = *c->suggested < SUGGEST_MAX ? keys_suggest(c->p, key) :
		    NULL;
		(*c->suggested)++;
		if (near != NULL)
			diag_error(c->d, c->p->xml_path, c->line, "check '%s': "
			    "unknown key '%s' (did you mean '%s'?)",
			    QUOTE(c->label), QUOTE(key), QUOTE(near));
		else
			diag_error(c->d, c->p->xml_path, c->line, "check '%s': "
			    "unknown key '%s'", QUOTE(c->label), QUOTE(key));
		free(near);
		return ST_ERROR;
	}
	if (fig.t->broken || (fig.e != NULL && fig.t->bad_field[fig.f]))
		return ST_SKIP;
	*v = figure_value(&fig);
	*unit = figure_unit(&fig);
	if (!v->has) {
		diag_error(c->d, c->p->xml_path, c->line, "check '%s': %s has "
		    "no value", QUOTE(c->label), QUOTE(key));
		return ST_ERROR;
	}
	return ST_OK;
}

static bool
S_has_letter(const char *s)
{
	for (; *s != '\0'; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    *s == '_')
			return true;
	return false;
}

/* A number of the check: German format, any decimals the input allows. */
static bool
S_number(const char *s, struct value *v)
{
	return !S_has_letter(s) && num_parse(s, false, UNIT_NUMBER, v) ==
	    NUM_OK;
}

static void
S_bad_term(struct cc *c, const struct side *s, const char *term)
{
	diag_error(c->d, c->p->xml_path, c->line, "check '%s': '%s' in %s is "
	    "not a key, a number (1.234,5) or P %% * KEY", QUOTE(c->label),
	    QUOTE(term), s->attr);
}

/* Adds the unit of a key to the side's. */
static void
S_unit(struct side *s, enum unit u)
{
	if (!s->keyed)
		s->unit = u;
	else if (s->unit != u)
		s->unit = UNIT_NUMBER;
	s->keyed = true;
}

/* A key or a number: w[0]. */
static enum status
S_simple(struct cc *c, struct side *s, char *const *w, struct exact *x,
    int *scale)
{
	struct value v;
	enum unit u;
	enum status st;

	if (S_has_letter(w[0])) {
		if ((st = S_key(c, w[0], &v, &u)) != ST_OK)
			return st;
		S_unit(s, u);
	} else if (!S_number(w[0], &v)) {
		S_bad_term(c, s, w[0]);
		return ST_ERROR;
	}
	*x = value_exact(&v);
	*scale = v.scale;
	return ST_OK;
}

/* "P % * KEY" (n == 4) or "P% * KEY" (n == 3): P per cent of the key's
 * figure, as precise as the figure. */
static enum status
S_percent_of(struct cc *c, struct side *s, char *const *w, size_t n,
    struct exact *x, int *scale)
{
	char *p = xstrdup(w[0]);
	size_t len = strlen(p);
	struct value pv, kv;
	enum unit u;
	enum status st;
	bool ok;

	ok = n == 4 ? strcmp(w[1], "%") == 0 : len > 1 && p[len - 1] == '%';
	if (n == 3)
		p[len - 1] = '\0';
	ok = ok && strcmp(w[n - 2], "*") == 0 && S_number(p, &pv);
	free(p);
	if (!ok) {
		char *all = xasprintf("%s %s %s%s%s", w[0], w[1], w[2], n == 4 ?
		    " " : "", n == 4 ? w[3] : "");

		S_bad_term(c, s, all);
		free(all);
		return ST_ERROR;
	}
	if ((st = S_key(c, w[n - 1], &kv, &u)) != ST_OK)
		return st;
	S_unit(s, u);
	*scale = kv.scale;
	if (!exact_mul(value_exact(&pv), value_exact(&kv), x) ||
	    !exact_div(*x, (struct exact){ 100, 1 }, x)) {
		diag_error(c->d, c->p->xml_path, c->line, "check '%s': %s is "
		    "beyond the range of the program", QUOTE(c->label),
		    s->attr);
		return ST_ERROR;
	}
	return ST_OK;
}

static bool
S_is_op(const char *w)
{
	return strcmp(w, "+") == 0 || strcmp(w, "-") == 0;
}

/* The words of a term, w[0..n), into s with sign. */
static enum status
S_term(struct cc *c, struct side *s, char *const *w, size_t n, int sign)
{
	struct exact x;
	int scale;
	enum status st;
	bool ok;

	if (n == 1)
		st = S_simple(c, s, w, &x, &scale);
	else if (n == 3 || n == 4)
		st = S_percent_of(c, s, w, n, &x, &scale);
	else {
		char *all;
		struct buf b;

		buf_init(&b);
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i > 0 ? " " : "", w[i]);
		all = buf_detach(&b);
		S_bad_term(c, s, all);
		free(all);
		return ST_ERROR;
	}
	if (st != ST_OK)
		return st;
	if (scale > s->decimals)
		s->decimals = scale;
	ok = sign > 0 ? exact_add(s->x, x, &s->x) : exact_sub(s->x, x, &s->x);
	if (!ok) {
		diag_error(c->d, c->p->xml_path, c->line, "check '%s': %s adds "
		    "up beyond the range of the program", QUOTE(c->label),
		    s->attr);
		return ST_ERROR;
	}
	return ST_OK;
}

/* Splits expr at blanks into *n words in *text (caller frees the array
 * and *text). */
static char **
S_words(const char *expr, size_t *n, char **text)
{
	char *s = xstrdup(expr), **w = xcalloc(strlen(expr) / 2 + 2,
	    sizeof(*w));
	char *save = NULL;

	*n = 0;
	for (char *t = strtok_r(s, " \t\r\n", &save); t != NULL;
	    t = strtok_r(NULL, " \t\r\n", &save))
		w[(*n)++] = t;
	*text = s;
	return w;
}

/* Computes a side: terms between operators, at most
 * CROSSCHECK_TERMS_MAX of them. */
static enum status
S_side(struct cc *c, struct side *s)
{
	size_t n, start = 0, terms = 0;
	char *text, **w = S_words(s->expr, &n, &text);
	enum status st = ST_OK, worst = ST_OK;
	int sign = 1;

	s->x = (struct exact){ 0, 1 };
	s->decimals = 0;
	s->unit = UNIT_NUMBER;
	s->keyed = false;
	for (size_t i = 0; i <= n && worst != ST_ERROR; i++) {
		if (i < n && !S_is_op(w[i]))
			continue;
		if (i == start) {
			diag_error(c->d, c->p->xml_path, c->line, "check '%s': "
			    "%s '%s' is not a sum of terms joined by ' + ' and "
			    "' - '", QUOTE(c->label), s->attr, QUOTE(s->expr));
			worst = ST_ERROR;
			break;
		}
		if (++terms > CROSSCHECK_TERMS_MAX) {
			diag_error(c->d, c->p->xml_path, c->line, "check '%s': "
			    "%s has more than %d terms", QUOTE(c->label),
			    s->attr, CROSSCHECK_TERMS_MAX);
			worst = ST_ERROR;
			break;
		}
		st = S_term(c, s, w + start, i - start, sign);
		if (st > worst)
			worst = st;
		if (i < n)
			sign = w[i][0] == '+' ? 1 : -1;
		start = i + 1;
	}
	s->literal = terms == 1 && !s->keyed;
	free(text);
	free(w);
	return worst;
}

/* A side's value for the message, with decimals; beyond the range of
 * its unit as a plain number while 15 digits hold it. */
static char *
S_show(const struct side *s, int decimals)
{
	struct value r;

	if (!exact_round(s->x, s->unit, decimals, &r) &&
	    !exact_round(s->x, UNIT_NUMBER, decimals, &r))
		return xstrdup("beyond the range of the program");
	r.unit = (uint8_t)s->unit;
	return fmt_display_dup(&r, 0);
}

/* Does the relation hold between a and b? */
static bool
S_holds(enum relation rel, const struct side *a, const struct side *b)
{
	struct exact diff, room;
	int dec = a->decimals < b->decimals ? a->decimals : b->decimals;

	if (!exact_sub(a->x, b->x, &diff))
		return false;	/* too far apart to agree */
	switch (rel) {
	case REL_AT_MOST:
		return exact_sign(diff) <= 0;
	case REL_AT_LEAST:
		return exact_sign(diff) >= 0;
	default:
		if (diff.num < 0)
			diff.num = -diff.num;
		return exact_sub((struct exact){ 1, 2 * num_pow10(dec) }, diff,
		    &room) && exact_sign(room) >= 0;
	}
}

/* Both values as the sides' decimals give them, finer where that would
 * show the same text for values that differ. */
static void
S_fail(struct cc *c, enum relation rel, const struct side *a,
    const struct side *b, bool lenient)
{
	static const char *const how[] = { "but %s is",
	    "more than %s, which is", "less than %s, which is" };
	/* A number alone is its own value: "is 359, not 353". */
	static const char *const how_literal[] = { "not %s", "more than %s",
	    "less than %s" };
	int da = a->decimals, db = b->decimals;
	char *va = S_show(a, da), *vb = S_show(b, db), *tail;

	while (strcmp(va, vb) == 0 && (da < SCALE_MAX || db < SCALE_MAX)) {
		da += da < SCALE_MAX;
		db += db < SCALE_MAX;
		free(va);
		free(vb);
		va = S_show(a, da);
		vb = S_show(b, db);
	}
	tail = b->literal ? xasprintf(how_literal[rel], vb) :
	    xasprintf(how[rel], QUOTE(b->expr));
	diag_add(c->d, lenient ? SEV_WARNING : SEV_ERROR, c->p->xml_path,
	    c->line, "check '%s': %s is %s, %s%s%s", QUOTE(c->label),
	    QUOTE(a->expr), va, tail, b->literal ? "" : " ", b->literal ? "" :
	    vb);
	free(tail);
	free(va);
	free(vb);
}

/* The one relation of n; -1 (reported) if it has none or several. */
static int
S_relation(struct cc *c, xmlNodePtr n, char **expr)
{
	int rel = -1;

	for (int i = 0; relations[i] != NULL; i++) {
		char *v = planxml_prop(n, relations[i]);

		if (v == NULL)
			continue;
		if (rel >= 0) {
			diag_error(c->d, c->p->xml_path, c->line, "check '%s': "
			    "give one of equals, at-most and at-least, not both "
			    "'%s' and '%s'", QUOTE(c->label), relations[rel],
			    relations[i]);
			free(v);
			free(*expr);
			*expr = NULL;
			return -1;
		}
		rel = i;
		*expr = v;
	}
	if (rel < 0)
		diag_error(c->d, c->p->xml_path, c->line, "check '%s': needs one "
		    "of equals, at-most and at-least", QUOTE(c->label));
	return rel;
}

static void
S_check(const struct plan *p, xmlNodePtr n, bool lenient, size_t *suggested,
    struct diags *d)
{
	char *label = planxml_prop(n, "label"), *value = planxml_prop(n,
	    "value"), *other = NULL;
	struct cc c = { .p = p, .d = d, .line = planxml_line(n),
	    .label = label, .suggested = suggested };
	struct side a = { .attr = "value", .expr = value };
	struct side b = { .expr = NULL };
	enum status sa, sb;
	int rel;

	/* planxml reported a missing label or value. */
	if (label == NULL || value == NULL)
		goto out;
	if (label[strspn(label, " \t\r\n")] == '\0') {
		diag_error(d, p->xml_path, c.line, "<check> label is empty; it "
		    "says in the message what the check is about");
		goto out;
	}
	rel = S_relation(&c, n, &other);
	if (rel < 0)
		goto out;
	b.attr = relations[rel];
	b.expr = other;
	sa = S_side(&c, &a);
	sb = S_side(&c, &b);
	if (sa == ST_OK && sb == ST_OK && !S_holds((enum relation)rel, &a, &b))
		S_fail(&c, (enum relation)rel, &a, &b, lenient);
out:
	free(label);
	free(value);
	free(other);
}

static xmlNodePtr
S_data(const struct plan *p)
{
	xmlNodePtr root = p->doc != NULL ? xmlDocGetRootElement(p->doc) : NULL;

	for (xmlNodePtr n = root != NULL ? root->children : NULL; n != NULL;
	    n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->ns == NULL &&
		    strcmp((const char *)n->name, "data") == 0)
			return n;
	return NULL;
}

void
crosscheck_plan(const struct plan *p, bool lenient, struct diags *d)
{
	xmlNodePtr data = S_data(p);
	size_t count = 0, suggested = 0;
	int first = 0;

	for (xmlNodePtr n = data != NULL ? data->children : NULL; n != NULL;
	    n = n->next) {
		if (n->type != XML_ELEMENT_NODE || n->ns != NULL)
			continue;
		if (strcmp((const char *)n->name, "table") == 0 && count > 0)
			diag_error(d, p->xml_path, planxml_line(n), "<table> after "
			    "a <check> (line %d): the checks come after the "
			    "tables", first);
		if (strcmp((const char *)n->name, "check") != 0)
			continue;
		if (count++ == 0)
			first = planxml_line(n);
		if (count > CROSSCHECK_MAX) {
			diag_error(d, p->xml_path, planxml_line(n), "more than "
			    "%d checks", CROSSCHECK_MAX);
			break;
		}
		S_check(p, n, lenient, &suggested, d);
	}
}

void
crosscheck_keys(xmlNodePtr n, void (*each)(const char *key, void *arg),
    void *arg)
{
	for (size_t k = 0; sides[k] != NULL; k++) {
		char *expr = planxml_prop(n, sides[k]), *text, **w;
		size_t nw;

		if (expr == NULL)
			continue;
		w = S_words(expr, &nw, &text);
		for (size_t i = 0; i < nw; i++)
			if (S_has_letter(w[i]))
				each(w[i], arg);
		free(w);
		free(text);
		free(expr);
	}
}
