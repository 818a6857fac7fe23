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

/* A checked picture.  For a PNG, png holds the same pixels written again
 * as a plain 8-bit PNG (RGB, RGBA, grey or grey with alpha; no palette,
 * no interlace): the PDF is given that, because libharu 2.3.0 aborts on a
 * damaged PNG and reads past the rows of a palette image with fewer than
 * 8 bits and transparency.  A JPEG is given as it is (libharu copies it). */
struct image {
	enum image_type	 type;
	unsigned	 width, height;
	int		 components;	/* JPEG: 1 grey, 3 colour */
	unsigned char	*png;		/* PNG only; owned */
	size_t		 png_len;
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
void	image_free(struct image *img);
/* The file as a data: URL of type mime, so that a page needs no other
 * file (caller frees). */
char	*image_data_uri(const char *mime, const char *data, size_t len);
/* The bytes the PDF embeds of the checked picture img read from *data
 * (len bytes): its PNG written again, or the JPEG file itself.  The
 * caller owns them (*outlen bytes); img->png or *data is set to NULL. */
unsigned char	*image_pdf_bytes(struct image *img, char **data, size_t len,
		    size_t *outlen);

#endif
