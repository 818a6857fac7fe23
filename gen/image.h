/* image.h: checking a PNG or JPEG picture completely before it is used
 * (the template's logo, a plan's figures).  Included by template.c and picture.c. */
#ifndef GEN_IMAGE_H
#define GEN_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

/* The most pixels (width × height) a picture may have (input-format.md). */
#define IMAGE_PIXELS_MAX 25000000u

enum image_type {
	IMAGE_NONE,
	IMAGE_PNG,
	IMAGE_JPEG,
};

/* A checked picture: decoded whole once, so that the PDF writer, which
 * decodes it again (a PNG with libpng, flattened onto white: PDF/A-1 has
 * no transparency; a JPEG is copied by libharu), meets no surprise. */
struct image {
	enum image_type	 type;
	unsigned	 width, height;
	int		 components;	/* JPEG: 1 grey, 3 colour */
};

/* The type a file name promises: .png, .jpg or .jpeg in any case. */
enum image_type	 image_type_of(const char *name);
/* The name of a type for messages: "PNG", "JPEG". */
const char	*image_type_name(enum image_type t);

/* Decodes the whole file as a picture of type t: false with *why (caller
 * frees; it completes "'x.png' ...") if it is not such a picture, is cut
 * short or damaged, has more than IMAGE_PIXELS_MAX pixels, or is a CMYK
 * JPEG (the PDF is PDF/A with an sRGB output intent). */
bool	image_check(const void *data, size_t len, enum image_type t,
	    struct image *img, char **why);
/* The file as a data: URL of type mime, so that a page needs no other
 * file (caller frees). */
char	*image_data_uri(const char *mime, const char *data, size_t len);

#endif
