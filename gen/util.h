/* util.h: allocation wrappers and the growable string buffer.
 * Included by every module of gen. */
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Exit status for a system failure (cli.md): out of memory, unwritable file. */
#define EXIT_SYSTEM 3

/* Prints one line and exits with EXIT_SYSTEM. */
_Noreturn void out_of_memory(void);

/* All allocation goes through these; on failure they print one line and
 * exit with EXIT_SYSTEM, so callers never see NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Grow *array (of *cap elements of size) so that it holds at least need. */
void grow(void *array, size_t *cap, size_t need, size_t size);

/* A growing NUL-terminated string; s is never NULL between buf_init and
 * buf_detach or buf_free.  After those, buf_add works again. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *b);
void	 buf_add(struct buf *b, const char *s, size_t len);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, char c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void	 buf_clear(struct buf *b);
char	*buf_detach(struct buf *b);	/* caller owns the string; b is empty */
void	 buf_free(struct buf *b);

#endif
