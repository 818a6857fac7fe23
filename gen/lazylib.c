/* lazylib.c: libraries opened at their first use. */
#include "lazylib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

bool
lazylib_open(struct lazylib *l)
{
	if (l->tried)
		return false;
	l->tried = true;
	if ((l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL)) == NULL)
		snprintf(l->why, sizeof(l->why), "%s", dlerror());
	return l->handle != NULL;
}

lazylib_fn
lazylib_func(struct lazylib *l, const char *name)
{
	void *sym = dlsym(l->handle, name);
	lazylib_fn f;

	if (sym == NULL && l->why[0] == '\0')
		snprintf(l->why, sizeof(l->why), "%s", dlerror());
	/* POSIX makes the conversion work; C has no cast for it. */
	memcpy(&f, &sym, sizeof(f));
	return f;
}
