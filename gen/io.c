/* io.c: bounded reading, containment of paths, atomic writing. */
#include "io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

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
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) ==
	    -1) {
		diag_error(d, shown, 0, "cannot open: %s", strerror(errno));
		return false;
	}
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

bool
io_path_inside(const char *dir, const char *rel)
{
	char rdir[PATH_MAX], rfile[PATH_MAX];
	char *full;
	const char *p;
	bool ok;
	size_t n;

	if (rel[0] == '/' || rel[0] == '\0')
		return false;
	for (p = rel; *p != '\0'; ) {
		size_t seg = strcspn(p, "/");

		if (seg == 2 && strncmp(p, "..", 2) == 0)
			return false;
		p += seg;
		p += *p == '/';
	}
	full = xasprintf("%s/%s", dir, rel);
	ok = realpath(dir, rdir) != NULL && realpath(full, rfile) != NULL;
	free(full);
	if (!ok)
		return true;	/* does not exist: the reader says so */
	n = strlen(rdir);
	return strncmp(rdir, rfile, n) == 0 && rfile[n] == '/';
}

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

/* Writes f to a new temporary file in dir, named in *tmp. */
static bool
S_write_temp(const char *dir, const struct io_file *f, char **tmp,
    char **err)
{
	mode_t mask;
	int fd;
	bool ok;

	*tmp = xasprintf("%s/.%s.XXXXXX", dir, f->name);
	if ((fd = mkstemp(*tmp)) == -1) {
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

/* Would a rename to dir/name succeed?  Checked for all files before the
 * first is renamed, so that none is replaced unless all can be. */
static bool
S_replaceable(const char *dir, const char *name, char **err)
{
	char *dest = xasprintf("%s/%s", dir, name);
	struct stat st;
	bool ok = lstat(dest, &st) == -1 || !S_ISDIR(st.st_mode);

	if (!ok)
		*err = xasprintf("%s: cannot replace: it is a folder", dest);
	free(dest);
	return ok;
}

bool
io_write_files(const char *dir, const struct io_file *files, size_t n,
    char **err)
{
	char **tmp = xcalloc(n + 1, sizeof(*tmp));
	bool ok = true;
	size_t i;

	*err = NULL;
	for (i = 0; ok && i < n; i++)
		ok = S_write_temp(dir, &files[i], &tmp[i], err) &&
		    S_replaceable(dir, files[i].name, err);
	for (i = 0; ok && i < n; i++) {
		char *dest = xasprintf("%s/%s", dir, files[i].name);

		if (rename(tmp[i], dest) == -1) {
			*err = xasprintf("%s: cannot replace: %s", dest,
			    strerror(errno));
			ok = false;
		} else {
			free(tmp[i]);
			tmp[i] = NULL;
		}
		free(dest);
	}
	for (i = 0; i < n; i++) {
		if (tmp[i] != NULL)
			unlink(tmp[i]);
		free(tmp[i]);
	}
	free(tmp);
	return ok;
}

bool
io_folder_near(const char *dir, const char *rel)
{
	char *parent;
	bool ok;

	if (strncmp(rel, "../", 3) != 0)
		return io_path_inside(dir, rel);
	parent = xasprintf("%s/..", dir);
	ok = io_path_inside(parent, rel + 3);
	free(parent);
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
