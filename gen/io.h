/* io.h: files in and out: bounded reading, paths that stay inside the plan
 * folder (checked on the open file, so that no link swapped meanwhile
 * leads out), atomic replacement of outputs, and their temporary files
 * removed on a signal.
 * Included by the readers (planxml, csvread) and the writers. */
#ifndef GEN_IO_H
#define GEN_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Reads a regular file of at most max bytes that has no NUL byte.  The
 * file is opened beneath its folder: the one io_path_inside or
 * io_folder_near accepted path in, else the folder it lies in; a
 * symbolic link leading out of it is refused.
 * Errors go to d under the name shown.  On success *data is NUL-terminated
 * and owned by the caller. */
bool	io_read_file(const char *path, const char *shown, size_t max,
	    char **data, size_t *len, struct diags *d);
/* The same for any bytes (an image): NUL bytes allowed. */
bool	io_read_bytes(const char *path, const char *shown, size_t max,
	    char **data, size_t *len, struct diags *d);

/* Is rel a relative path that stays inside dir (no "..", not absolute,
 * and no symbolic link leading out)?  What does not exist is inside (the
 * reader says it is missing).  If so, dir/rel is remembered, and
 * io_read_file(dir/rel) opens rel beneath dir. */
bool	io_path_inside(const char *dir, const char *rel);

/* Is rel, a folder named from inside the folder dir, within the folder
 * that holds dir ("../x" or "x/y", no further "..", no symbolic link
 * leading out)?  Linked plans may not reach beyond a plan's neighbours. */
bool	io_folder_near(const char *dir, const char *rel);

/* For the tests: resolve paths one component at a time, as on kernels
 * without openat2. */
void	io_resolve_by_walk(bool on);

/* The name of a plan: the base name of its folder ("." and ".." by their
 * real name).  Caller frees. */
char	*io_plan_name(const char *dir);

/* Creates dir and its parents if missing; false with errno set. */
bool	io_mkdirs(const char *dir);

/* Locks the folder dir (flock on the folder itself, so it holds no lock
 * file) for this process and the workers it forks, until the returned
 * descriptor is closed or the process ends.  If another run holds it,
 * calls waiting(dir) once, then waits.  -1 with errno set if dir cannot
 * be opened or locked. */
int	io_lock_folder(const char *dir, void (*waiting)(const char *dir));

/* An output rendered in memory, to be written with the others of its plan. */
struct io_file {
	char	*name;		/* in the output folder */
	char	*data;
	size_t	 len;
};

/* Renders f->data through write(), given a memory stream; false if write
 * fails.  f->name is the caller's. */
bool	io_render(struct io_file *f, bool (*write)(FILE *fp, void *arg),
	    void *arg);
void	io_file_free(struct io_file *f);

/* Writes the n files into dir, each first to a temporary file beside it;
 * only when all are written are they renamed into place, the earlier
 * files kept until the last rename succeeded.  A failure (a full disk, a
 * folder without write permission, a rename refused) leaves none of them
 * and every earlier output untouched; *err then holds a message (caller
 * frees). */
bool	io_write_files(const char *dir, const struct io_file *files, size_t n,
	    char **err);

/* SIGINT, SIGTERM and SIGHUP remove the temporary files of
 * io_write_files, then end the process as before; the renames of
 * io_write_files finish first.  Call once, before forking. */
void	io_catch_signals(void);

#endif
