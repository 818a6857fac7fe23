/* main.c: the command line of gen (cli.md): options, the list of plan
 * folders and their names, and the lock of the output folder for the
 * whole run. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "batch.h"
#include "gen.h"
#include "init.h"
#include "io.h"
#include "keys.h"
#include "planxml.h"
#include "stamp.h"
#include "util.h"
#include "watch.h"

#define JOBS_MAX 256

static const char usage_text[] =
    "usage: gen [OPTIONS] PLAN_DIR...\n"
    "\n"
    "Reads plan folders (plan.xml and CSV files), computes and checks every\n"
    "figure, and writes the reports.  Without PLAN_DIR, renders the plans\n"
    "under input/.\n"
    "\n"
    "  -o, --output DIR     where outputs go (default: output)\n"
    "  -f, --format LIST    comma-separated: html, pdf, csv, xlsx\n"
    "                       (default: html,pdf)\n"
    "  -t, --template DIR   a template folder (default: templates/<report>)\n"
    "      --check          read, compute and check only; write nothing\n"
    "      --lenient        disagreeing declared totals are warnings\n"
    "  -j, --jobs N         plans rendered in parallel (default: cores)\n"
    "      --force          render plans whose outputs are up to date too\n"
    "  -q, --quiet          errors only\n"
    "  -v, --verbose        also name every file written, and each plan's\n"
    "                       time and peak memory\n"
    "      --dump-tree      print the document tree; write nothing\n"
    "      --keys           print every key and its text; write nothing\n"
    "      --watch          render again whenever the plan or template changes\n"
    "      --init DIR --report KIND\n"
    "                       create a commented plan folder DIR for KIND\n"
    "                       (amip, planungsdokument, eingliederungsbericht)\n"
    "      --version        print the version\n"
    "      --help           print this help\n"
    "\n"
    "Exit status: 0 written, 1 input errors, 2 wrong usage, 3 system failure.\n";

static int
S_usage_error(const char *fmt, const char *arg)
{
	fputs("gen: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'gen --help'.\n", stderr);
	return GEN_USAGE;
}

static bool
S_formats(const char *list, unsigned *out)
{
	char *copy = xstrdup(list), *save = NULL;
	bool ok = true;

	*out = 0;
	for (char *w = strtok_r(copy, ",", &save); w != NULL && ok;
	    w = strtok_r(NULL, ",", &save)) {
		if (output_format_named(w) != 0)
			*out |= output_format_named(w);
		else {
			ok = false;
			S_usage_error("unknown format '%s' (known: html, pdf, "
			    "csv, xlsx)", w);
		}
	}
	free(copy);
	if (ok && *out == 0) {
		ok = false;
		S_usage_error("--format '%s' names no format (known: html, "
		    "pdf, csv, xlsx)", list);
	}
	return ok;
}

static int
S_by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The bundled examples: every folder under input/ with a plan.xml. */
static char **
S_bundled(size_t *n)
{
	DIR *dir = opendir("input");
	struct dirent *de;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (dir == NULL)
		return NULL;
	while ((de = readdir(dir)) != NULL) {
		char *path, *xml;
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("input/%s", de->d_name);
		xml = xasprintf("%s/plan.xml", path);
		if (stat(xml, &st) == 0) {
			grow(&v, &cap, *n + 1, sizeof(*v));
			v[(*n)++] = path;
		} else
			free(path);
		free(xml);
	}
	closedir(dir);
	qsort(v, *n, sizeof(*v), S_by_name);
	return v;
}

/* dir with its control characters as \xNN, for a message. */
static char *
S_shown(const char *dir)
{
	struct buf b;

	buf_init(&b);
	for (const unsigned char *s = (const unsigned char *)dir; *s; s++)
		if (*s < 0x20 || *s == 0x7f)
			buf_printf(&b, "\\x%02X", *s);
		else if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) {
			buf_printf(&b, "\\xC2\\x%02X", s[1]);
			s++;
		} else
			buf_putc(&b, (char)*s);
	return buf_detach(&b);
}

/* A control character, C0, DEL or C1 (U+0080-U+009F in UTF-8)? */
static bool
S_has_control(const char *name)
{
	for (const unsigned char *s = (const unsigned char *)name; *s; s++)
		if (*s < 0x20 || *s == 0x7f || (s[0] == 0xC2 && s[1] >= 0x80 &&
		    s[1] <= 0x9F))
			return true;
	return false;
}

/* Plan names become file names in links (cli.md): "index" is the index's
 * own page, and a control character has no place in a link.  Two plans
 * of the same name would overwrite each other's outputs. */
static bool
S_check_names(char **dirs, size_t n)
{
	char **names = xcalloc(n + 1, sizeof(*names));
	bool ok = true;

	for (size_t i = 0; i < n; i++)
		names[i] = io_plan_name(dirs[i]);
	for (size_t i = 0; i < n && ok; i++) {
		char *shown = S_shown(dirs[i]);

		if (strcmp(names[i], "index") == 0) {
			fprintf(stderr, "gen: %s: a plan folder may not be named "
			    "'index' (its page would be the index)\n", shown);
			ok = false;
		} else if (S_has_control(names[i])) {
			fprintf(stderr, "gen: %s: the name of a plan folder may not "
			    "hold a control character\n", shown);
			ok = false;
		}
		free(shown);
	}
	for (size_t i = 0; i < n && ok; i++)
		for (size_t k = 0; k < i && ok; k++)
			if (strcmp(names[i], names[k]) == 0) {
				fprintf(stderr, "gen: %s and %s have the same name; "
				    "their outputs would collide\n", dirs[k], dirs[i]);
				ok = false;
			}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ok;
}

/* Several plans in worker processes (batch.c); one, or the trees of
 * several one after the other, in this process.  The exit status is the
 * worst of all plans. */
static int
S_run(char **dirs, size_t n, const struct gen_options *o, long jobs)
{
	int worst = GEN_OK;

	/* The dump and the keys go to stdout, one plan after the other. */
	if (n > 1 && !o->dump_tree && !o->list_keys)
		return batch_run(dirs, n, o, jobs);
	for (size_t i = 0; i < n; i++) {
		struct timespec t0, t1;
		struct rusage ru;
		int st;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		st = gen_plan(dirs[i], o);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		/* As batch.c says it for each worker (README, "-v"); the
		 * peak is this process's. */
		if (o->verbose && getrusage(RUSAGE_SELF, &ru) == 0)
			fprintf(stderr, "gen: %s: %s in %.0f ms, peak %ld kB\n",
			    dirs[i], st == GEN_UNCHANGED ? "unchanged" : st ==
			    GEN_OK ? "written" : "failed",
			    (double)(t1.tv_sec - t0.tv_sec) * 1000 +
			    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
			    ru.ru_maxrss);
		if (st != GEN_UNCHANGED && st > worst)
			worst = st;
	}
	return worst;
}

/* The option getopt_long stopped at, as written: "-x" from a group such
 * as "-xq" (optind still points at the group then), else the long
 * option "--name" without its "=value". */
static const char *
S_option_name(char *argv[], int optopt, char *buf)
{
	const char *arg = argv[optind - 1];

	if (optopt != 0 && strncmp(arg, "--", 2) != 0) {
		snprintf(buf, 3, "-%c", optopt);
		return buf;
	}
	snprintf(buf, 64, "%.*s", (int)strcspn(arg, "="), arg);
	return buf;
}

/* What the command line asks for beyond rendering. */
struct cli {
	const char	*init_dir;	/* --init DIR */
	const char	*report;	/* --report KIND */
	bool		 watch;
};

static int
S_options(int argc, char *argv[], struct gen_options *o, long *jobs,
    struct cli *cli)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "template", required_argument, NULL, 't' },
		{ "check", no_argument, NULL, 'C' },
		{ "lenient", no_argument, NULL, 'L' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ "dump-tree", no_argument, NULL, 'T' },
		{ "force", no_argument, NULL, 'F' },
		{ "keys", no_argument, NULL, 'K' },
		{ "watch", no_argument, NULL, 'W' },
		{ "init", required_argument, NULL, 'I' },
		{ "report", required_argument, NULL, 'R' },
		/* Not in --help: for the manual's coverage test. */
		{ "dump-schema", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	struct stat sb;
	char *end, opt[64];
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:f:t:j:qv", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->outdir = optarg; break;
		case 'f':
			if (!S_formats(optarg, &o->formats))
				return GEN_USAGE;
			break;
		case 't':
			if (stat(optarg, &sb) == -1 || !S_ISDIR(sb.st_mode))
				return S_usage_error("template folder '%s' not "
				    "found", optarg);
			o->template_dir = optarg;
			break;
		case 'C': o->check_only = true; break;
		case 'L': o->lenient = true; break;
		case 'j':
			*jobs = strtol(optarg, &end, 10);
			if (*end != '\0' || *jobs < 1 || *jobs > JOBS_MAX)
				return S_usage_error("--jobs '%s' is not a number "
				    "from 1 to 256", optarg);
			break;
		case 'q': o->quiet = true; break;
		case 'T': o->dump_tree = true; break;
		case 'F': o->force = true; break;
		case 'K': o->list_keys = true; break;
		case 'W': cli->watch = true; break;
		case 'I': cli->init_dir = optarg; break;
		case 'R': cli->report = optarg; break;
		case 'S':
			planxml_dump_schema(stdout);
			model_dump_schema(stdout);
			return fflush(stdout) == 0 ? GEN_OK : GEN_SYSTEM;
		case 'v': o->verbose = true; break;
		case 'V':
			printf("gen " GEN_VERSION " (build %s)\n",
			    stamp_build_id());
			return GEN_OK;
		case 'h':
			fputs(usage_text, stdout);
			return GEN_OK;
		case ':':
			return S_usage_error("option '%s' needs an argument",
			    S_option_name(argv, optopt, opt));
		default:
			return S_usage_error("unknown option '%s'",
			    S_option_name(argv, optopt, opt));
		}
	}
	if (cli->report != NULL && cli->init_dir == NULL)
		return S_usage_error("%s needs --init DIR", "--report");
	if (cli->init_dir != NULL && cli->report == NULL)
		return S_usage_error("%s needs --report KIND (amip, "
		    "planungsdokument, eingliederungsbericht)", "--init");
	if (cli->init_dir != NULL && optind < argc)
		return S_usage_error("--init takes no plan folder ('%s')",
		    argv[optind]);
	if (cli->init_dir != NULL)
		return init_plan(cli->init_dir, cli->report);
	if (cli->watch && argc - optind != 1)
		return S_usage_error("%s works with exactly one plan folder",
		    "--watch");
	if (cli->watch && (o->list_keys || o->dump_tree || o->check_only))
		return S_usage_error("%s renders; it does not go with --keys, "
		    "--dump-tree or --check", "--watch");
	return -1;
}

static bool quiet;

static void
S_waiting(const char *dir)
{
	if (!quiet)
		fprintf(stderr, "gen: %s: waiting for another run into this "
		    "folder\n", dir);
}

/* Runs into one output folder one after the other (cli.md): the lock is
 * held from the first stamp read to the index written.  A folder made
 * only for this run goes again if nothing was written into it.  Returns
 * the lock, or -1 after a message. */
static int
S_lock(const struct gen_options *o, bool *made)
{
	struct stat st;
	int fd;

	*made = stat(o->outdir, &st) == -1;
	if (!io_mkdirs(o->outdir)) {
		fprintf(stderr, "gen: %s: cannot create: %s\n", o->outdir,
		    strerror(errno));
		return -1;
	}
	if ((fd = io_lock_folder(o->outdir, S_waiting)) == -1)
		fprintf(stderr, "gen: %s: cannot lock: %s\n", o->outdir,
		    strerror(errno));
	return fd;
}

static void
S_unlock(const struct gen_options *o, int fd, bool made)
{
	if (made)
		rmdir(o->outdir);	/* only if empty */
	close(fd);
}

/* --watch: render, then again after every change, until interrupted.
 * Each render takes the folder's lock for itself, so that another run
 * into the folder is not held up while this one waits. */
static int
S_watch(char *dir, struct gen_options *o, long jobs)
{
	for (;;) {
		bool made = false;
		int lock = S_lock(o, &made), st;
		char when[16];
		time_t now = time(NULL);

		if (lock == -1)
			return GEN_SYSTEM;
		st = S_run(&dir, 1, o, jobs);
		S_unlock(o, lock, made);
		strftime(when, sizeof(when), "%H:%M:%S", localtime(&now));
		fprintf(stderr, "gen: %s: rendered at %s (%s); waiting for "
		    "changes (Ctrl-C ends)\n", dir, when, st == GEN_OK ||
		    st == GEN_UNCHANGED ? "written" : "not written");
		/* Each change renders, also one that gives back an earlier
		 * state whose stamp still lies in the folder. */
		o->force = true;
		if (!watch_wait(dir, o->template_dir, o->outdir))
			return GEN_SYSTEM;
	}
}

int
main(int argc, char *argv[])
{
	struct gen_options o = { .outdir = "output",
	    .formats = FORMAT_HTML | FORMAT_PDF };
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	char **dirs, **bundled = NULL;
	size_t ndirs;
	int st, lock = -1;
	bool made = false;
	struct cli cli = { 0 };

	/* Past a file size limit (ulimit -f) a write fails with EFBIG and
	 * gen says so, instead of being killed half-way. */
	signal(SIGXFSZ, SIG_IGN);
	io_catch_signals();
	if ((st = S_options(argc, argv, &o, &jobs, &cli)) >= 0)
		return st;
	quiet = o.quiet;
	/* Once, before any worker is forked. */
	xmlInitParser();
	dirs = argv + optind;
	ndirs = (size_t)(argc - optind);
	if (ndirs == 0) {
		if ((bundled = S_bundled(&ndirs)) == NULL || ndirs == 0) {
			fputs("gen: no plan folders given, and none under "
			    "input/\n", stderr);
			free(bundled);
			return GEN_USAGE;
		}
		dirs = bundled;
	}
	if (!S_check_names(dirs, ndirs))
		st = GEN_USAGE;
	else if (cli.watch)
		st = S_watch(dirs[0], &o, jobs);
	else if (!o.check_only && !o.dump_tree && !o.list_keys &&
	    (lock = S_lock(&o, &made)) == -1)
		st = GEN_SYSTEM;
	else
		st = S_run(dirs, ndirs, &o, jobs);
	if (ndirs > 1 && st != GEN_USAGE && lock != -1 &&
	    (o.formats & FORMAT_HTML)) {
		int ist = gen_index(&o);

		st = ist > st ? ist : st;
	}
	if (lock != -1)
		S_unlock(&o, lock, made);
	for (size_t i = 0; bundled != NULL && i < ndirs; i++)
		free(bundled[i]);
	free(bundled);
	xmlCleanupParser();
	return st;
}
