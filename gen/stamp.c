/* stamp.c: stamps, with xxHash (XXH3, 128 bits) over the inputs. */
#include "stamp.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "fonts.h"
#include "hyph.h"
#include "io.h"
#include "pdf.h"
#include "pdfa.h"
#include "util.h"

/* The Makefile hashes the sources into it: a gen without it could not
 * tell its stamps from those of another build. */
#ifndef GEN_BUILD_ID
#error "GEN_BUILD_ID is not defined: build gen with make"
#endif

const char *
stamp_build_id(void)
{
	return GEN_BUILD_ID;
}

/* Adds a named field: its length first, so that no two lists of fields
 * hash alike. */
static void
S_field(XXH3_state_t *st, const char *name, const void *data, size_t len)
{
	size_t n = strlen(name);

	XXH3_128bits_update(st, &n, sizeof(n));
	XXH3_128bits_update(st, name, n);
	XXH3_128bits_update(st, &len, sizeof(len));
	XXH3_128bits_update(st, data, len);
}

/* A file's contents under the name it has in its folder.  A file that
 * cannot be read adds its name only: the plan read it, so it changed
 * since, and the next run sees the difference. */
static void
S_file(XXH3_state_t *st, const char *name, const char *path)
{
	struct diags d;
	char *data;
	size_t len;

	diags_init(&d);
	if (io_read_bytes(path, path, 64u << 20, &data, &len, &d)) {
		S_field(st, name, data, len);
		free(data);
	} else
		S_field(st, name, "", 0);
	diags_free(&d);
}

static void
S_plan(XXH3_state_t *st, const struct plan *p)
{
	S_file(st, "plan.xml", p->xml_path);
	for (size_t i = 0; i < p->ntables; i++)
		if (p->tables[i]->src != NULL)
			S_file(st, p->tables[i]->src, p->tables[i]->path);
	if (p->programme != NULL)
		S_plan(st, p->programme);
	if (p->previous != NULL)
		S_plan(st, p->previous);
}

static int
S_by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* A file of the system (a font, the hyphenation patterns) by its name,
 * size and time: a Debian update renders again, and 400 plans do not
 * each read megabytes to find that nothing changed. */
static void
S_system_file(XXH3_state_t *st, const char *path)
{
	struct stat sb;
	long long v[3] = { 0, 0, 0 };

	if (stat(path, &sb) == 0) {
		v[0] = (long long)sb.st_size;
		v[1] = (long long)sb.st_mtim.tv_sec;
		v[2] = (long long)sb.st_mtim.tv_nsec;
	}
	S_field(st, path, v, sizeof(v));
}

/* Every file of the template's folder, and the fonts it draws with. */
static void
S_template(XXH3_state_t *st, const struct template *tpl)
{
	struct dirent **list;
	int n = scandir(tpl->dir, &list, NULL, S_by_name);

	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", tpl->dir, list[i]->d_name);

		if (list[i]->d_name[0] != '.')
			S_file(st, list[i]->d_name, path);
		free(path);
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	for (int f = 0; f < 4; f++)
		S_system_file(st, pdf_font_file(tpl, f));
	for (int i = 0; fonts_fallback(i) != NULL; i++)
		S_system_file(st, fonts_fallback(i));
	S_system_file(st, HYPH_DICT);
	S_system_file(st, PDFA_ICC_PROFILE);
}

char *
stamp_hash(const struct plan *p, const struct template *tpl,
    unsigned formats, bool lenient)
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_hash_t h;

	if (st == NULL)
		out_of_memory();
	XXH3_128bits_reset(st);
	/* The version stays for years; the build changes with any source. */
	S_field(st, "gen", GEN_VERSION, strlen(GEN_VERSION));
	S_field(st, "build", GEN_BUILD_ID, strlen(GEN_BUILD_ID));
	S_field(st, "formats", &formats, sizeof(formats));
	S_field(st, "lenient", &lenient, sizeof(lenient));
	S_plan(st, p);
	if (tpl != NULL)
		S_template(st, tpl);
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	return xasprintf("%016llx%016llx", (unsigned long long)h.high64,
	    (unsigned long long)h.low64);
}

void
stamp_of(struct stamp *s, const struct plan *p, char *hash, unsigned formats)
{
	*s = (struct stamp){
		.hash = hash, .formats = formats, .name = xstrdup(p->name),
		.report = xstrdup(report_title(p->report)),
		.jobcenter = xstrdup(p->jc_name != NULL ? p->jc_name : p->name),
		.land = p->jc_land != NULL ? xstrdup(p->jc_land) : NULL,
		.title = xstrdup(p->title != NULL ? p->title : p->name),
		.year = p->year,
		.year_text = p->year_last > p->year ? xasprintf("%d/%d",
		    p->year, p->year_last) : xasprintf("%d", p->year),
	};
}

/* Values are one line each: a line break in a title becomes a blank. */
static void
S_line(struct buf *b, const char *key, const char *value)
{
	buf_printf(b, "%s ", key);
	for (; *value != '\0'; value++)
		buf_putc(b, *value == '\n' || *value == '\r' ? ' ' : *value);
	buf_putc(b, '\n');
}

char *
stamp_text(const struct stamp *s)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "# gen " GEN_VERSION " (build " GEN_BUILD_ID "): what the "
	    "outputs of this plan were made from\n");
	S_line(&b, "hash", s->hash);
	buf_printf(&b, "formats %u\n", s->formats);
	S_line(&b, "name", s->name);
	S_line(&b, "report", s->report);
	S_line(&b, "year", s->year_text != NULL ? s->year_text : "");
	S_line(&b, "jobcenter", s->jobcenter);
	if (s->land != NULL)
		S_line(&b, "land", s->land);
	S_line(&b, "title", s->title);
	return buf_detach(&b);
}

/* Sets the field key names from value. */
static void
S_set(struct stamp *s, const char *key, const char *value)
{
	char **text[] = { &s->hash, &s->name, &s->report, &s->jobcenter,
	    &s->land, &s->title };
	static const char *const names[] = { "hash", "name", "report",
	    "jobcenter", "land", "title" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(key, names[i]) == 0) {
			free(*text[i]);
			*text[i] = xstrdup(value);
		}
	if (strcmp(key, "formats") == 0)
		s->formats = (unsigned)strtoul(value, NULL, 10);
	else if (strcmp(key, "year") == 0) {
		/* "2019/2020" of a two-year programme: the first year. */
		s->year = (int)strtol(value, NULL, 10);
		free(s->year_text);
		s->year_text = xstrdup(value);
	}
}

bool
stamp_read(const char *path, struct stamp *s)
{
	struct diags d;
	char *text, *line, *next;
	size_t len;
	bool ok;

	memset(s, 0, sizeof(*s));
	diags_init(&d);
	ok = io_read_file(path, path, 1u << 20, &text, &len, &d);
	diags_free(&d);
	if (!ok)
		return false;
	for (line = text; *line != '\0'; line = next) {
		char *sp;

		next = line + strcspn(line, "\n");
		if (*next != '\0')
			*next++ = '\0';
		if (*line != '#' && (sp = strchr(line, ' ')) != NULL) {
			*sp = '\0';
			S_set(s, line, sp + 1);
		}
	}
	free(text);
	/* The name makes file names: a stamp naming another folder is not
	 * one gen wrote. */
	if (s->hash == NULL || s->name == NULL || s->report == NULL ||
	    s->jobcenter == NULL || s->title == NULL ||
	    strchr(s->name, '/') != NULL || s->name[0] == '.') {
		stamp_free(s);
		return false;
	}
	return true;
}

void
stamp_free(struct stamp *s)
{
	free(s->hash);
	free(s->name);
	free(s->report);
	free(s->jobcenter);
	free(s->land);
	free(s->title);
	free(s->year_text);
	memset(s, 0, sizeof(*s));
}
