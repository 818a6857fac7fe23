/* picture.h: the pictures of a plan's <figure> elements, read from the
 * plan folder and checked whole (image.c) while plan.xml is read, so that
 * the document tree gets only pictures both writers can use.
 * Included by model.h (a plan holds its pictures), planxml.c and
 * docbuild.c. */
#ifndef GEN_PICTURE_H
#define GEN_PICTURE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* The most <figure> elements a plan may have, and the most bytes of
 * picture files all together (each is read, decoded and embedded in both
 * outputs). */
#define PICTURES_MAX		200
#define PICTURE_FILE_MAX	(16u << 20)
#define PICTURES_BYTES_MAX	(64u << 20)

struct picture {
	xmlNodePtr	 node;		/* its <figure> */
	bool		 jpeg;
	unsigned	 width, height;	/* pixels */
	unsigned char	*data;		/* the PNG written again, or the JPEG */
	size_t		 len;
	char		*uri;		/* the file as a data: URL */
};

struct pictures {
	struct picture	*v;
	size_t		 n, cap;
	size_t		 bytes;		/* of the files read */
};

/* Reads and checks src, the picture of <figure> n, a path inside the
 * plan folder dir, into ps; messages at file:line.  False, with an
 * error, if it cannot be used. */
bool	picture_read(struct pictures *ps, const char *dir, xmlNodePtr n,
	    const char *src, const char *file, int line, struct diags *d);
/* The picture of <figure> n, NULL if none was read. */
const struct picture *picture_of(const struct pictures *ps, xmlNodePtr n);
void	pictures_free(struct pictures *ps);

#endif
