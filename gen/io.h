/* io.h: files in and out: bounded reading, paths that stay inside the plan
 * folder, and atomic replacement of outputs.
 * Included by the readers (planxml, csvread) and the writers. */
#ifndef GEN_IO_H
#define GEN_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Reads a regular file of at most max bytes that has no NUL byte.
 * Errors go to d under the name shown.  On success *data is NUL-terminated
 * and owned by the caller. */
bool	io_read_file(const char *path, const char *shown, size_t max,
	    char **data, size_t *len, struct diags *d);
/* The same for any bytes (an image): NUL bytes allowed. */
bool	io_read_bytes(const char *path, const char *shown, size_t max,
	    char **data, size_t *len, struct diags *d);

/* Is rel a relative path that stays inside dir (no "..", not absolute,
 * and no symbolic link leading out)?  dir/rel must exist. */
bool	io_path_inside(const char *dir, const char *rel);

/* Is rel, a folder named from inside the folder dir, within the folder
 * that holds dir ("../x" or "x/y", no further "..", no symbolic link
 * leading out)?  Linked plans may not reach beyond a plan's neighbours. */
bool	io_folder_near(const char *dir, const char *rel);

/* The name of a plan: the base name of its folder ("." and ".." by their
 * real name).  Caller frees. */
char	*io_plan_name(const char *dir);

/* Creates dir and its parents if missing; false with errno set. */
bool	io_mkdirs(const char *dir);

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
 * only when all are written are they renamed into place.  A failure (a
 * full disk, a folder without write permission) leaves none of them and
 * every earlier output untouched; *err then holds a message (caller
 * frees). */
bool	io_write_files(const char *dir, const struct io_file *files, size_t n,
	    char **err);

#endif
