/* batch.c: many plans in worker processes.  A plan's messages go through
 * a pipe to the parent, which prints them together when the plan is
 * done, so that the messages of plans rendered at once never mix and
 * the progress line can be cleared before them. */
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

struct worker {
	pid_t		 pid;
	int		 fd;		/* the read end of its stderr */
	size_t		 plan;
	struct buf	 msgs;
	struct timespec	 start;
};

struct batch {
	char			**dirs;
	size_t			 n, next, done, unchanged;
	const struct gen_options *o;
	int			*status;	/* per plan; -1 while running */
	struct worker		*w;
	size_t			 nw;
	bool			 progress;	/* a line on a terminal */
	struct timespec		 start;
};

static double
S_since(const struct timespec *start)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - start->tv_sec) +
	    (double)(t.tv_nsec - start->tv_nsec) / 1e9;
}

/* "[12/400] input/x-2017, input/y-2017  3.2 s" over the previous line:
 * the plans being rendered, cut to stay on one line of a terminal. */
static void
S_progress(const struct batch *b)
{
	struct buf names;
	char *shown;

	if (!b->progress)
		return;
	buf_init(&names);
	for (size_t i = 0; i < b->nw; i++)
		buf_printf(&names, "%s%s", i > 0 ? ", " : "",
		    b->dirs[b->w[i].plan]);
	shown = text_excerpt(names.s);
	fprintf(stderr, "\r\033[K[%zu/%zu] %s  %.1f s", b->done, b->n, shown,
	    S_since(&b->start));
	fflush(stderr);
	free(shown);
	buf_free(&names);
}

static void
S_clear_progress(const struct batch *b)
{
	if (b->progress)
		fputs("\r\033[K", stderr);
}

/* Forks the worker for plan b->next into w. */
static bool
S_start(struct batch *b, struct worker *w)
{
	pid_t parent = getpid();
	int fds[2];

	if (pipe(fds) == -1)
		return false;
	fflush(NULL);
	if ((w->pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (w->pid == 0) {
		/* A killed parent ends its workers (SIGTERM: they remove their
		 * temporary files); it may have died before the call. */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) == -1 || getppid() != parent)
			_exit(GEN_SYSTEM);
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		close(fds[1]);
		_exit(gen_plan(b->dirs[b->next], b->o));
	}
	close(fds[1]);
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	w->fd = fds[0];
	w->plan = b->next++;
	clock_gettime(CLOCK_MONOTONIC, &w->start);
	buf_init(&w->msgs);
	b->status[w->plan] = -1;
	return true;
}

/* The worker's pipe closed: collects its status and prints its messages. */
static void
S_finish(struct batch *b, struct worker *w)
{
	struct rusage ru = { 0 };
	int ws = 0, st = GEN_SYSTEM;
	pid_t r;

	close(w->fd);
	while ((r = wait4(w->pid, &ws, 0, &ru)) == -1 && errno == EINTR)
		;
	if (r == -1)
		buf_printf(&w->msgs, "gen: %s: the worker is lost: %s\n",
		    b->dirs[w->plan], strerror(errno));
	else if (WIFEXITED(ws))
		st = WEXITSTATUS(ws);
	else
		buf_printf(&w->msgs, "gen: %s: the worker was killed by "
		    "signal %d\n", b->dirs[w->plan], WTERMSIG(ws));
	/* What the benchmark reads: each plan's time and peak memory. */
	if (b->o->verbose)
		buf_printf(&w->msgs, "gen: %s: %s in %.0f ms, peak %ld kB\n",
		    b->dirs[w->plan], st == GEN_UNCHANGED ? "unchanged" : st ==
		    GEN_OK ? "written" : "failed", S_since(&w->start) * 1000,
		    ru.ru_maxrss);
	if (st == GEN_UNCHANGED) {
		b->unchanged++;
		st = GEN_OK;
	}
	b->status[w->plan] = st;
	b->done++;
	if (w->msgs.len > 0) {
		S_clear_progress(b);
		fwrite(w->msgs.s, 1, w->msgs.len, stderr);
	}
	buf_free(&w->msgs);
	*w = b->w[--b->nw];
	S_progress(b);
}

/* Reads what the workers have written; finishes those that are done. */
static bool
S_poll(struct batch *b)
{
	struct pollfd *p = xcalloc(b->nw, sizeof(*p));
	char chunk[4096];

	for (size_t i = 0; i < b->nw; i++)
		p[i] = (struct pollfd){ .fd = b->w[i].fd, .events = POLLIN };
	if (poll(p, b->nw, -1) == -1 && errno != EINTR) {
		free(p);
		return false;
	}
	/* From the end: S_finish moves the last worker into slot i. */
	for (size_t i = b->nw; i-- > 0; ) {
		ssize_t got;

		if (p[i].revents == 0)
			continue;
		got = read(b->w[i].fd, chunk, sizeof(chunk));
		if (got > 0)
			buf_add(&b->w[i].msgs, chunk, (size_t)got);
		else if (got == 0 || errno != EINTR)
			S_finish(b, &b->w[i]);
	}
	free(p);
	return true;
}

/* One line per failed plan, in the order given. */
static void
S_summary(const struct batch *b)
{
	static const char *const why[] = { [GEN_INPUT] = "the input has "
	    "errors", [GEN_USAGE] = "wrong usage", [GEN_SYSTEM] = "a system "
	    "failure" };
	size_t failed = 0;

	for (size_t i = 0; i < b->n; i++)
		failed += b->status[i] != GEN_OK;
	if (b->progress || b->o->verbose)
		fprintf(stderr, "gen: %zu plans in %.1f s: %zu written, %zu "
		    "unchanged, %zu failed\n", b->n, S_since(&b->start),
		    b->n - failed - b->unchanged, b->unchanged, failed);
	if (failed == 0)
		return;
	fprintf(stderr, "gen: %zu of %zu plans failed:\n", failed, b->n);
	for (size_t i = 0; i < b->n; i++)
		if (b->status[i] != GEN_OK)
			fprintf(stderr, "gen:   %s (%s)\n", b->dirs[i],
			    b->status[i] > 0 && b->status[i] <= GEN_SYSTEM ?
			    why[b->status[i]] : "not rendered");
}

enum gen_status
batch_run(char **dirs, size_t n, const struct gen_options *o, long jobs)
{
	struct batch b = { .dirs = dirs, .n = n, .o = o,
	    .progress = !o->quiet && isatty(STDERR_FILENO) };
	int worst = GEN_OK;

	b.status = xcalloc(n, sizeof(*b.status));
	for (size_t i = 0; i < n; i++)
		b.status[i] = -1;	/* not rendered (yet) */
	b.w = xcalloc((size_t)jobs, sizeof(*b.w));
	clock_gettime(CLOCK_MONOTONIC, &b.start);
	while (b.next < n || b.nw > 0) {
		if (b.next < n && b.nw < (size_t)jobs) {
			if (!S_start(&b, &b.w[b.nw])) {
				S_clear_progress(&b);
				fprintf(stderr, "gen: %s: cannot start a worker: "
				    "%s\n", dirs[b.next], strerror(errno));
				b.status[b.next++] = GEN_SYSTEM;
				b.done++;
			} else {
				b.nw++;
				S_progress(&b);
			}
			continue;
		}
		if (!S_poll(&b))
			break;
	}
	S_clear_progress(&b);
	S_summary(&b);
	for (size_t i = 0; i < n; i++)
		if (b.status[i] < 0 || b.status[i] > worst)
			worst = b.status[i] < 0 ? GEN_SYSTEM : b.status[i];
	free(b.status);
	free(b.w);
	return worst;
}
