/* fault.c: an LD_PRELOAD library for tests/signals.sh that makes the
 * system calls of io_write_files fail or pause, as a full disk or a slow
 * one would, at a chosen moment.
 *   GEN_FAULT_RENAME=SUFFIX  a rename onto a name ending in SUFFIX fails
 *   GEN_FAULT_PAUSE=CALL     the first fchmod or rename waits
 *                            GEN_FAULT_SLEEP seconds (default 3), after
 *                            creating the file GEN_FAULT_MARK */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void
pause_at(const char *call)
{
	static int paused;
	const char *want = getenv("GEN_FAULT_PAUSE");
	const char *mark = getenv("GEN_FAULT_MARK");
	const char *secs = getenv("GEN_FAULT_SLEEP");
	struct timespec ts = { secs != NULL ? atoi(secs) : 3, 0 };

	if (paused || want == NULL || strcmp(want, call) != 0)
		return;
	paused = 1;
	if (mark != NULL)
		close(open(mark, O_WRONLY | O_CREAT, 0644));
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		continue;
}

int
rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	const char *suffix = getenv("GEN_FAULT_RENAME");
	size_t n = strlen(to);

	if (real == NULL)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT,
		    "rename");
	if (suffix != NULL && n >= strlen(suffix) &&
	    strcmp(to + n - strlen(suffix), suffix) == 0) {
		errno = EIO;
		return -1;
	}
	pause_at("rename");
	return real(from, to);
}

int
fchmod(int fd, mode_t mode)
{
	static int (*real)(int, mode_t);

	if (real == NULL)
		real = (int (*)(int, mode_t))dlsym(RTLD_NEXT, "fchmod");
	pause_at("fchmod");
	return real(fd, mode);
}
