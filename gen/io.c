/* io.c: bounded reading, containment of paths, atomic writing, the lock
 * of the output folder, and temporary files removed on a signal.
 *
 * Every input is opened relative to a descriptor of its folder, and the
 * path below it is resolved by the kernel in one step (openat2 with
 * RESOLVE_BENEATH) or, on kernels before 5.6, one component at a time
 * with O_NOFOLLOW: a symbolic link that is swapped while gen runs can
 * never make it read a file outside the folder.  The folder of a path is
 * the one io_path_inside or io_folder_near vouched for it, else the
 * folder the file lies in. */
#define _GNU_SOURCE
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

#include "text.h"
#include "util.h"

#define SYMLINKS_MAX	40	/* as the kernel's path walk */
#define VOUCH_DEPTH	8	/* folders vouched for inside vouched ones */

/* --- which folder a path is confined to --- */

/* A path that io_path_inside or io_folder_near accepted: path names rel
 * beneath the folder dir, and is read as that. */
struct vouch {
	char	*path, *dir, *rel;
};

static struct vouch *S_vouched;
static size_t S_nvouched, S_capvouched;
static bool S_no_openat2;

static const struct vouch *
S_find(const char *path)
{
	for (size_t i = S_nvouched; i-- > 0; )
		if (strcmp(S_vouched[i].path, path) == 0)
			return &S_vouched[i];
	return NULL;
}

/* The newest word on a path counts: its reader asked last. */
static void
S_vouch(char *path, const char *dir, const char *rel)
{
	const struct vouch *v = S_find(path);

	if (v != NULL && strcmp(v->dir, dir) == 0) {
		free(path);
		return;
	}
	grow(&S_vouched, &S_capvouched, S_nvouched + 1, sizeof(*S_vouched));
	S_vouched[S_nvouched++] = (struct vouch){ .path = path,
	    .dir = xstrdup(dir), .rel = xstrdup(rel) };
}

void
io_resolve_by_walk(bool on)
{
	S_no_openat2 = on;
}

/* One name in the folder dirfd, never through a symbolic link: ELOOP or
 * ENOTDIR if it is one. */
static int
S_open_name(int dirfd, const char *name, int flags)
{
	int fd = openat(dirfd, name, flags | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;

	/* O_PATH | O_NOFOLLOW opens a link itself. */
	if (fd != -1 && (flags & O_PATH) && fstat(fd, &st) == 0 &&
	    S_ISLNK(st.st_mode)) {
		close(fd);
		errno = ELOOP;
		return -1;
	}
	return fd;
}

/* Opens rel beneath root one component at a time, each with O_NOFOLLOW;
 * a symbolic link is read and its target walked in its place, so links
 * that stay beneath root work and those that leave it fail with EXDEV. */
static int
S_walk(int root, const char *rel, int flags)
{
	int *fds = NULL, fd = -1, links = 0, err = 0;
	size_t top = 0, cap = 0;
	char *todo = xstrdup(rel), *p = todo, target[PATH_MAX];

	grow(&fds, &cap, 1, sizeof(*fds));
	if ((fds[0] = openat(root, ".", O_PATH | O_DIRECTORY | O_CLOEXEC)) == -1)
		err = errno;
	while (err == 0 && fd == -1) {
		size_t len;
		char *rest, *name;
		bool last, dots;
		ssize_t n;

		while (*p == '/')
			p++;
		len = strcspn(p, "/");
		for (rest = p + len; *rest == '/'; rest++)
			continue;
		last = *rest == '\0';
		name = xstrndup(p, len);
		p = rest;
		dots = strcmp(name, "..") == 0;
		if (len == 0 || dots || strcmp(name, ".") == 0) {
			if (dots && top == 0)
				err = EXDEV;
			else if (dots)
				close(fds[top--]);
			if (err == 0 && last &&
			    (fd = openat(fds[top], ".", flags | O_CLOEXEC)) == -1)
				err = errno;
		} else if ((fd = S_open_name(fds[top], name, last ? flags :
		    O_PATH | O_DIRECTORY)) != -1) {
			if (!last) {
				grow(&fds, &cap, ++top + 1, sizeof(*fds));
				fds[top] = fd;
				fd = -1;
			}
		} else if ((errno == ELOOP || errno == ENOTDIR) &&
		    (n = readlinkat(fds[top], name, target,
		    sizeof(target) - 1)) >= 0) {
			char *next;

			target[n] = '\0';
			err = ++links > SYMLINKS_MAX ? ELOOP : n == 0 ? ENOENT :
			    target[0] == '/' ? EXDEV : 0;
			next = xasprintf("%s%s%s", target, *rest ? "/" : "", rest);
			free(todo);
			p = todo = next;
		} else
			err = errno;
		free(name);
	}
	for (size_t i = 0; i <= top && fds[0] != -1; i++)
		close(fds[i]);
	free(fds);
	free(todo);
	errno = err;
	return err != 0 ? -1 : fd;
}

/* Opens rel beneath root with flags: EXDEV if it leads out. */
static int
S_beneath(int root, const char *rel, int flags)
{
#ifdef SYS_openat2
	struct open_how how = { .flags = (unsigned)(flags | O_CLOEXEC),
	    .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS };
	long fd = -1;

	for (int tries = 0; !S_no_openat2 && tries < 16; tries++) {
		fd = syscall(SYS_openat2, root, rel, &how, sizeof(how));
		/* EAGAIN: a rename raced the walk; the kernel asks again. */
		if (fd >= 0 || errno != EAGAIN)
			break;
	}
	if (!S_no_openat2 && (fd >= 0 || (errno != ENOSYS && errno != EPERM)))
		return (int)fd;
	if (fd == -1 && errno == ENOSYS)
		S_no_openat2 = true;
#endif
	return S_walk(root, rel, flags | O_CLOEXEC);
}

/* A descriptor of the folder dir: beneath the folder that vouched for
 * it, if one did. */
static int
S_open_dir(const char *dir, int depth)
{
	const struct vouch *v = depth < VOUCH_DEPTH ? S_find(dir) : NULL;
	int root, fd;

	if (v == NULL)
		return open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if ((root = S_open_dir(v->dir, depth + 1)) == -1)
		return -1;
	fd = S_beneath(root, v->rel, O_PATH | O_DIRECTORY);
	close(root);
	return fd;
}

/* Opens the file path beneath its folder. */
static int
S_open_in(const char *path, int flags)
{
	const struct vouch *v = S_find(path);
	const char *slash = strrchr(path, '/');
	char *dir;
	const char *rel;
	int root, fd, err;

	if (v != NULL) {
		dir = xstrdup(v->dir);
		rel = v->rel;
	} else if (slash == NULL) {
		dir = xstrdup(".");
		rel = path;
	} else {
		dir = slash == path ? xstrdup("/") :
		    xstrndup(path, (size_t)(slash - path));
		rel = slash + 1;
	}
	if ((root = S_open_dir(dir, 0)) == -1) {
		free(dir);
		return -1;
	}
	fd = S_beneath(root, rel, flags);
	err = errno;
	close(root);
	free(dir);
	errno = err;
	return fd;
}

/* --- reading --- */

bool
io_read_file(const char *path, const char *shown, size_t max, char **data,
    size_t *len, struct diags *d)
{
	if (!io_read_bytes(path, shown, max, data, len, d))
		return false;
	if (strlen(*data) != *len) {
		diag_error(d, shown, line_of_offset(*data, strlen(*data)),
		    "NUL byte in text: this is not a text file");
		free(*data);
		*data = NULL;
		return false;
	}
	return true;
}

bool
io_read_bytes(const char *path, const char *shown, size_t max, char **data,
    size_t *len, struct diags *d)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	int fd;

	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	if ((fd = S_open_in(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1) {
		if (errno == EXDEV)
			diag_error(d, shown, 0, "cannot open: a symbolic link "
			    "leads out of its folder");
		else
			diag_error(d, shown, 0, "cannot open: %s",
			    strerror(errno));
		return false;
	}
	/* What was opened, not what the name showed before. */
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_error(d, shown, 0, "not a regular file");
		close(fd);
		return false;
	}
	if ((size_t)st.st_size > max) {
		diag_error(d, shown, 0, "file is too large (%lld MB; the limit "
		    "is %zu MB)", ((long long)st.st_size + (1 << 20) - 1) >> 20,
		    max >> 20);
		close(fd);
		return false;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			diag_error(d, shown, 0, "cannot read: %s",
			    n == 0 ? "file shrank while reading" : strerror(errno));
			free(buf);
			close(fd);
			return false;
		}
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*data = buf;
	*len = got;
	return true;
}

/* Is rel free of ".." and relative? */
static bool
S_plain_rel(const char *rel)
{
	if (rel[0] == '/' || rel[0] == '\0')
		return false;
	for (const char *p = rel; *p != '\0'; ) {
		size_t seg = strcspn(p, "/");

		if (seg == 2 && strncmp(p, "..", 2) == 0)
			return false;
		p += seg;
		p += *p == '/';
	}
	return true;
}

/* Does rel lead out of dir?  What does not exist does not (the reader
 * says it is missing). */
static bool
S_leads_out(const char *dir, const char *rel)
{
	int root = S_open_dir(dir, 0), fd;
	bool out;

	if (root == -1)
		return false;
	fd = S_beneath(root, rel, O_PATH);
	out = fd == -1 && errno == EXDEV;
	if (fd != -1)
		close(fd);
	close(root);
	return out;
}

bool
io_path_inside(const char *dir, const char *rel)
{
	if (!S_plain_rel(rel) || S_leads_out(dir, rel))
		return false;
	S_vouch(xasprintf("%s/%s", dir, rel), dir, rel);
	return true;
}

bool
io_folder_near(const char *dir, const char *rel)
{
	size_t len = strlen(dir), n;
	const char *last;
	char *parent;

	if (strncmp(rel, "../", 3) != 0)
		return io_path_inside(dir, rel);
	rel += 3;
	/* The folder that holds dir: by name, as the reader joins it, if
	 * dir ends in one ("a/b/../x" is read as "a/x"). */
	while (len > 1 && dir[len - 1] == '/')
		len--;
	for (last = dir + len; last > dir && last[-1] != '/'; last--)
		continue;
	n = (size_t)(dir + len - last);
	if (n == 0 || (n == 1 && last[0] == '.') ||
	    (n == 2 && strncmp(last, "..", 2) == 0))
		parent = xasprintf("%.*s/..", (int)len, dir);
	else if (last == dir)
		parent = xstrdup(".");
	else
		parent = xstrndup(dir, last - dir == 1 ? 1 :
		    (size_t)(last - dir - 1));
	if (!S_plain_rel(rel) || S_leads_out(parent, rel)) {
		free(parent);
		return false;
	}
	S_vouch(xasprintf("%s/../%s", dir, rel), parent, rel);
	if (strcmp(parent, ".") == 0)
		S_vouch(xstrdup(rel), parent, rel);
	else
		S_vouch(xasprintf("%s%s%s", parent, strcmp(parent, "/") == 0 ?
		    "" : "/", rel), parent, rel);
	free(parent);
	return true;
}

/* --- writing --- */

bool
io_mkdirs(const char *dir)
{
	char *p = xstrdup(dir);
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			ok = false;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return ok;
}

/* Locks fd, waiting if need be; false with errno set. */
static bool
S_flock(int fd, const char *dir, void (*waiting)(const char *dir))
{
	int r;

	if ((r = flock(fd, LOCK_EX | LOCK_NB)) == -1 && errno == EWOULDBLOCK) {
		waiting(dir);
		while ((r = flock(fd, LOCK_EX)) == -1 && errno == EINTR)
			continue;
	}
	return r == 0;
}

int
io_lock_folder(const char *dir, void (*waiting)(const char *dir))
{
	for (;;) {
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), err;
		struct stat held, now;

		if (fd == -1)
			return -1;
		if (!S_flock(fd, dir, waiting)) {
			err = errno;
			close(fd);
			errno = err;
			return -1;
		}
		/* The run before may have removed the folder it made and left
		 * empty: then the lock is on a folder that is gone. */
		if (fstat(fd, &held) == 0 && stat(dir, &now) == 0 &&
		    held.st_dev == now.st_dev && held.st_ino == now.st_ino)
			return fd;
		close(fd);
		if (!io_mkdirs(dir))
			return -1;
	}
}

bool
io_render(struct io_file *f, bool (*write)(FILE *fp, void *arg), void *arg)
{
	FILE *fp = open_memstream(&f->data, &f->len);
	bool ok;

	if (fp == NULL)
		out_of_memory();
	ok = write(fp, arg) && fflush(fp) == 0 && !ferror(fp);
	if (fclose(fp) != 0)
		ok = false;
	return ok;
}

void
io_file_free(struct io_file *f)
{
	free(f->name);
	free(f->data);
	*f = (struct io_file){ 0 };
}

/* --- temporary files and signals --- */

/* The temporary files of io_write_files now on disk, for the signal
 * handler.  Changed only while the signals are blocked, so the handler
 * always sees a whole list. */
static char **S_temps;
static size_t S_ntemps, S_captemps;

static void
S_block(sigset_t *old)
{
	sigset_t fatal;

	sigemptyset(&fatal);
	sigaddset(&fatal, SIGINT);
	sigaddset(&fatal, SIGTERM);
	sigaddset(&fatal, SIGHUP);
	sigprocmask(SIG_BLOCK, &fatal, old);
}

static void
S_unblock(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

/* Only async-signal-safe calls: unlink, signal, raise. */
static void
S_on_signal(int sig)
{
	for (size_t i = 0; i < S_ntemps; i++)
		unlink(S_temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);	/* delivered when the handler returns */
}

void
io_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa = { .sa_handler = S_on_signal }, old;

	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		/* A signal ignored by whoever started gen (nohup) stays so. */
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

/* Removes path from the handler's list; signals are blocked. */
static void
S_forget_temp(const char *path)
{
	for (size_t i = 0; i < S_ntemps; i++)
		if (S_temps[i] == path) {
			S_temps[i] = S_temps[--S_ntemps];
			return;
		}
}

/* Writes all of data to fd. */
static bool
S_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* Writes f to a new temporary file in dir, named in *tmp, which stays on
 * the handler's list until io_write_files removes it. */
static bool
S_write_temp(const char *dir, const struct io_file *f, char **tmp,
    char **err)
{
	sigset_t old;
	mode_t mask;
	int fd;
	bool ok;

	*tmp = xasprintf("%s/.%s.XXXXXX", dir, f->name);
	S_block(&old);
	if ((fd = mkstemp(*tmp)) != -1) {
		grow(&S_temps, &S_captemps, S_ntemps + 1, sizeof(*S_temps));
		S_temps[S_ntemps++] = *tmp;
	}
	S_unblock(&old);
	if (fd == -1) {
		*err = xasprintf("%s/%s: cannot create: %s", dir, f->name,
		    strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return false;
	}
	/* mkstemp makes 0600; an output is as readable as any new file. */
	mask = umask(0);
	umask(mask);
	ok = fchmod(fd, 0666 & ~mask) == 0 && S_write_all(fd, f->data, f->len);
	if (close(fd) != 0)
		ok = false;
	if (!ok)
		*err = xasprintf("%s/%s: cannot write: %s", dir, f->name,
		    strerror(errno));
	return ok;
}

/* Would a rename to dest succeed?  Checked for all files before the
 * first is renamed, for a clear message. */
static bool
S_replaceable(const char *dest, char **err)
{
	struct stat st;
	bool ok = lstat(dest, &st) == -1 || !S_ISDIR(st.st_mode);

	if (!ok)
		*err = xasprintf("%s: cannot replace: it is a folder", dest);
	return ok;
}

/* How one output is replaced: its earlier file kept as bak (a hard
 * link, or the file itself moved aside where links are not possible). */
struct swap {
	char	*bak;		/* NULL: there was no earlier file */
	bool	 moved, renamed;
};

static bool
S_backup(const char *dest, const char *tmp, struct swap *s, char **err)
{
	s->bak = xasprintf("%s~", tmp);
	if (link(dest, s->bak) == 0)
		return true;
	if (errno != ENOENT && rename(dest, s->bak) == 0) {
		s->moved = true;
		return true;
	}
	if (errno != ENOENT)
		*err = xasprintf("%s: cannot replace: %s", dest, strerror(errno));
	free(s->bak);
	s->bak = NULL;
	return errno == ENOENT;
}

/* Puts dest back as it was before S_replace_all. */
static void
S_undo(const char *dest, const struct swap *s, char **err)
{
	char *both;

	if ((s->bak != NULL ? rename(s->bak, dest) : unlink(dest)) == 0)
		return;
	both = xasprintf("%s (and %s could not be put back: %s)", *err, dest,
	    strerror(errno));
	free(*err);
	*err = both;
}

/* Renames the n temporary files onto dest, all or none: each earlier
 * output is kept first, and put back if a later rename fails.  A
 * renamed tmp[i] is freed and set to NULL.  Signals are blocked. */
static bool
S_replace_all(char **dest, char **tmp, size_t n, char **err)
{
	struct swap *s = xcalloc(n + 1, sizeof(*s));
	bool ok = true;
	size_t i;

	for (i = 0; ok && i < n; i++)
		ok = S_backup(dest[i], tmp[i], &s[i], err);
	for (i = 0; ok && i < n; i++) {
		if (rename(tmp[i], dest[i]) == 0)
			s[i].renamed = true;
		else {
			*err = xasprintf("%s: cannot replace: %s", dest[i],
			    strerror(errno));
			ok = false;
		}
	}
	for (i = 0; i < n; i++) {
		if (!ok && (s[i].renamed || s[i].moved))
			S_undo(dest[i], &s[i], err);
		else if (s[i].bak != NULL)
			unlink(s[i].bak);
		free(s[i].bak);
		if (s[i].renamed) {
			S_forget_temp(tmp[i]);
			free(tmp[i]);
			tmp[i] = NULL;
		}
	}
	free(s);
	return ok;
}

bool
io_write_files(const char *dir, const struct io_file *files, size_t n,
    char **err)
{
	char **tmp = xcalloc(n + 1, sizeof(*tmp));
	char **dest = xcalloc(n + 1, sizeof(*dest));
	sigset_t old;
	bool ok = true;
	size_t i;

	*err = NULL;
	for (i = 0; i < n; i++)
		dest[i] = xasprintf("%s/%s", dir, files[i].name);
	for (i = 0; ok && i < n; i++)
		ok = S_write_temp(dir, &files[i], &tmp[i], err) &&
		    S_replaceable(dest[i], err);
	/* A signal now would leave some outputs new and others old. */
	S_block(&old);
	if (ok)
		ok = S_replace_all(dest, tmp, n, err);
	for (i = 0; i < n; i++) {
		if (tmp[i] != NULL) {
			unlink(tmp[i]);
			S_forget_temp(tmp[i]);
		}
		free(tmp[i]);
		free(dest[i]);
	}
	S_unblock(&old);
	free(tmp);
	free(dest);
	return ok;
}

char *
io_plan_name(const char *dir)
{
	size_t len = strlen(dir), n;
	const char *s;
	char real[PATH_MAX];

	while (len > 1 && dir[len - 1] == '/')
		len--;
	for (s = dir + len; s > dir && s[-1] != '/'; s--)
		continue;
	/* "." names no plan; its real folder does. */
	n = (size_t)(dir + len - s);
	if (((n == 1 && s[0] == '.') || (n == 2 && strncmp(s, "..", 2) == 0))
	    && realpath(dir, real) != NULL && strcmp(real, "/") != 0)
		return xstrdup(strrchr(real, '/') + 1);
	return xstrndup(s, n);
}
