/* watch.c: gen --watch (cli.md): waiting with inotify (Linux) for a change
 * of a plan folder (plan.xml, its CSV and xlsx files, its pictures in
 * subfolders) or of the template folders. */
#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
	IN_CREATE | IN_DELETE | IN_ATTRIB)
/* An editor saves in bursts (a temporary file, a rename, attributes):
 * one render after the burst, not one per event. */
#define WATCH_SETTLE_MS 150

/* dir and the folders directly in it (pictures, a template's fonts);
 * a folder that does not exist is left out. */
static bool
S_same(const char *a, const char *b)
{
	struct stat sa, sb;

	return b != NULL && stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The output folder is left out: the render's own files would wake the
 * watch again, without end. */
static void
S_add(int fd, const char *dir, const char *outdir)
{
	DIR *d;
	struct dirent *de;

	if (dir == NULL || S_same(dir, outdir) ||
	    inotify_add_watch(fd, dir, WATCH_EVENTS) == -1)
		return;
	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		char *sub;
		struct stat st;

		if (de->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", dir, de->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode) &&
		    !S_same(sub, outdir))
			inotify_add_watch(fd, sub, WATCH_EVENTS);
		free(sub);
	}
	closedir(d);
}

/* Reads what is there; false on an error. */
static bool
S_drain(int fd)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	struct pollfd p = { .fd = fd, .events = POLLIN };

	while (poll(&p, 1, WATCH_SETTLE_MS) > 0)
		if (read(fd, buf, sizeof(buf)) < 0 && errno != EINTR)
			return false;
	return true;
}

bool
watch_wait(const char *plan_dir, const char *template_dir,
    const char *outdir)
{
	int fd = inotify_init1(IN_CLOEXEC);
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool ok;

	if (fd == -1) {
		fprintf(stderr, "gen: --watch: inotify: %s\n", strerror(errno));
		return false;
	}
	S_add(fd, plan_dir, outdir);
	/* Without -t, the plan's template is one of templates/<report>. */
	S_add(fd, template_dir != NULL ? template_dir : "templates", outdir);
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n > 0)
			break;
		if (n < 0 && errno != EINTR) {
			fprintf(stderr, "gen: --watch: %s\n", strerror(errno));
			close(fd);
			return false;
		}
	}
	ok = S_drain(fd);
	close(fd);
	return ok;
}
