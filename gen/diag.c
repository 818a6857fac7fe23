/* diag.c: collecting and printing the messages of one plan. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#include "text.h"
#include "util.h"

/* A million bad rows must not produce a million lines. */
#define DIAG_STORED_MAX 200

void
diags_init(struct diags *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
	d->errors = d->warnings = 0;
}

void
diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	diags_init(d);
}

void
diag_add(struct diags *d, enum severity sev, const char *file, int line,
    const char *fmt, ...)
{
	struct diag *m;
	struct buf b;
	va_list ap;

	if (sev == SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= DIAG_STORED_MAX)
		return;
	grow(&d->v, &d->cap, d->n + 1, sizeof(*d->v));
	m = &d->v[d->n++];
	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	/* Every input in a message is quoted with text_excerpt; escaping the
	 * whole message as well keeps a missed one off the terminal raw. */
	m->file = text_escape(file, SIZE_MAX);
	m->line = line;
	m->sev = sev;
	m->msg = text_escape(b.s, SIZE_MAX);
	buf_free(&b);
}

/* All lines in one write, so that plans rendered in parallel do not mix
 * their messages. */
void
diags_print(const struct diags *d, FILE *fp, bool quiet)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *m = &d->v[i];
		const char *sev = m->sev == SEV_ERROR ? "error" : "warning";

		if (quiet && m->sev == SEV_WARNING)
			continue;
		if (m->line > 0)
			buf_printf(&b, "%s:%d: %s: %s\n", m->file, m->line, sev,
			    m->msg);
		else
			buf_printf(&b, "%s: %s: %s\n", m->file, sev, m->msg);
	}
	if (d->errors + d->warnings > d->n && d->n > 0)
		buf_printf(&b, "%s: note: %zu more messages not shown\n",
		    d->v[d->n - 1].file, d->errors + d->warnings - d->n);
	fwrite(b.s, 1, b.len, fp);
	fflush(fp);
	buf_free(&b);
}
