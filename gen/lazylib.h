/* lazylib.h: libraries opened at their first use instead of at every
 * start.  libzip and libxlsxwriter bring libcrypto and minizip along,
 * and relocating those cost each run of gen 7 million instructions (a
 * thirtieth of a report's PDF), though few plans read or write Excel
 * workbooks.  The handles are kept until the process ends.
 * Included by xlsx.c, xlsxout.c and fontsub.c. */
#ifndef GEN_LAZYLIB_H
#define GEN_LAZYLIB_H

#include <stdbool.h>

/* A library: its soname (the build's, from the Makefile), once tried
 * the handle, and why it or one of its functions is missing. */
struct lazylib {
	const char	*soname;
	bool		 tried;
	void		*handle;
	char		 why[256];	/* "": all is there */
};

/* A function of a library as dlsym finds it, to be cast to its type. */
typedef void (*lazylib_fn)(void);

/* Opens l at the first call: true then if it opened, and its functions
 * are to be looked up; false at later calls, and if it cannot be
 * opened (l->why says why). */
bool		 lazylib_open(struct lazylib *l);

/* The function name of the opened l; NULL, with l->why set, if l has
 * none. */
lazylib_fn	 lazylib_func(struct lazylib *l, const char *name);

/* The functions FUNCS lists (an X-macro: FUNCS(X) is X(f) for each) of
 * the library SONAME, as the members of a static struct NAME with
 * their own types, filled at the first call of NAME_missing(): NULL
 * then, or why the library cannot be used. */
#define LAZYLIB(NAME, SONAME, FUNCS)					\
	static struct { FUNCS(LAZYLIB_MEMBER_) } NAME;			\
	static const char *						\
	NAME##_missing(void)						\
	{								\
		static struct lazylib lib_ = { .soname = SONAME };	\
		__typeof__(NAME) *fns_ = &NAME;				\
									\
		if (lazylib_open(&lib_)) {				\
			FUNCS(LAZYLIB_FILL_)				\
		}							\
		return lib_.why[0] != '\0' ? lib_.why : NULL;		\
	}
#define LAZYLIB_MEMBER_(f)	__typeof__(f) *f;
#define LAZYLIB_FILL_(f)	fns_->f = (__typeof__(fns_->f))lazylib_func(&lib_, #f);

#endif
