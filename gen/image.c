/* image.c: a PNG (libpng) or JPEG (libjpeg-turbo) decoded completely
 * before use, so that a damaged file or a decompression bomb is an input
 * error instead of an abort, a hang or gigabytes of memory later. */
#include "image.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jpeglib.h>
#include <libxml/xmlwriter.h>
#include <png.h>

#include "util.h"

/* A progressive JPEG may have any number of scans, each a pass over the
 * whole picture; libjpeg-turbo's own tools stop at 500. */
#define JPEG_SCANS_MAX 500

enum image_type
image_type_of(const char *name)
{
	const char *ext = strrchr(name, '.');

	if (ext == NULL)
		return IMAGE_NONE;
	if (strcasecmp(ext, ".png") == 0)
		return IMAGE_PNG;
	if (strcasecmp(ext, ".jpg") == 0 || strcasecmp(ext, ".jpeg") == 0)
		return IMAGE_JPEG;
	return IMAGE_NONE;
}

const char *
image_type_name(enum image_type t)
{
	return t == IMAGE_PNG ? "PNG" : t == IMAGE_JPEG ? "JPEG" : "picture";
}

static bool
S_too_many(unsigned w, unsigned h, char **why)
{
	if ((uint64_t)w * h <= IMAGE_PIXELS_MAX)
		return false;
	*why = xasprintf("has %u by %u pixels, more than %u million",
	    w, h, IMAGE_PIXELS_MAX / 1000000);
	return true;
}

/* libpng's simplified API: errors end in its own setjmp, warnings are
 * kept quiet in pi.message, nothing is printed. */
static bool
S_png(const void *data, size_t len, struct image *img, char **why)
{
	png_image pi;
	void *pixels = NULL;
	bool ok = false;

	memset(&pi, 0, sizeof(pi));
	pi.version = PNG_IMAGE_VERSION;
	if (len < 8 || png_sig_cmp(data, 0, 8) != 0) {
		*why = xstrdup("is not a PNG image");
		return false;
	}
	if (!png_image_begin_read_from_memory(&pi, data, len))
		goto bad;
	if (S_too_many(pi.width, pi.height, why)) {
		png_image_free(&pi);
		return false;
	}
	img->width = pi.width;
	img->height = pi.height;
	pi.format = (pi.format & PNG_FORMAT_FLAG_COLOR ? PNG_FORMAT_RGB :
	    PNG_FORMAT_GRAY) | (pi.format & PNG_FORMAT_FLAG_ALPHA);
	pixels = xmalloc(PNG_IMAGE_SIZE(pi));
	if (!png_image_finish_read(&pi, NULL, pixels, 0, NULL))
		goto bad;
	/* libpng stops after the pixels; a whole file ends with IEND. */
	if (len < 20 || memcmp((const char *)data + len - 12,
	    "\0\0\0\0IEND\xAE\x42\x60\x82", 12) != 0) {
		strcpy(pi.message, "no IEND chunk at the end");
		goto bad;
	}
	ok = true;
	goto out;
bad:
	*why = xasprintf("is not a complete PNG image (libpng: %s)",
	    pi.message[0] != '\0' ? pi.message : "unknown error");
out:
	png_image_free(&pi);
	free(pixels);
	return ok;
}

struct jpeg_fail {
	struct jpeg_error_mgr		 mgr;
	struct jpeg_progress_mgr	 progress;
	jmp_buf				 jump;
	char				 msg[JMSG_LENGTH_MAX];
};

static _Noreturn void
S_jpeg_exit(j_common_ptr c)
{
	struct jpeg_fail *f = (struct jpeg_fail *)c->err;

	(*c->err->format_message)(c, f->msg);
	longjmp(f->jump, 1);
}

/* A warning ("Premature end of JPEG file", "Corrupt JPEG data") means
 * that part of the picture is missing: an error here.  Trace messages
 * (level > 0) are dropped. */
static void
S_jpeg_message(j_common_ptr c, int level)
{
	if (level < 0)
		S_jpeg_exit(c);
}

static void
S_jpeg_progress(j_common_ptr c)
{
	j_decompress_ptr d = (j_decompress_ptr)c;
	struct jpeg_fail *f = (struct jpeg_fail *)c->err;

	if (d->input_scan_number > JPEG_SCANS_MAX) {
		snprintf(f->msg, sizeof(f->msg), "more than %d scans",
		    JPEG_SCANS_MAX);
		longjmp(f->jump, 1);
	}
}

/* Decodes every scan at an eighth of the size: the whole entropy-coded
 * data is read and checked, at a fraction of the work. */
static bool
S_jpeg(const void *data, size_t len, struct image *img, char **why)
{
	struct jpeg_decompress_struct d;
	struct jpeg_fail f;
	/* volatile: set after the setjmp, freed after the longjmp */
	JSAMPROW volatile row = NULL;
	JSAMPROW r;

	if (len < 3 || memcmp(data, "\xFF\xD8\xFF", 3) != 0) {
		*why = xstrdup("is not a JPEG image");
		return false;
	}
	memset(&d, 0, sizeof(d));
	d.err = jpeg_std_error(&f.mgr);
	f.mgr.error_exit = S_jpeg_exit;
	f.mgr.emit_message = S_jpeg_message;
	f.progress.progress_monitor = S_jpeg_progress;
	f.msg[0] = '\0';
	if (setjmp(f.jump)) {
		*why = xasprintf("is not a complete JPEG image (libjpeg: %s)",
		    f.msg);
		goto fail;
	}
	jpeg_create_decompress(&d);
	d.progress = &f.progress;
	jpeg_mem_src(&d, data, (unsigned long)len);
	if (jpeg_read_header(&d, TRUE) != JPEG_HEADER_OK) {
		*why = xstrdup("is not a complete JPEG image (no picture)");
		goto fail;
	}
	if (S_too_many(d.image_width, d.image_height, why))
		goto fail;
	/* libharu takes the colour space from the number of components;
	 * browsers show no arithmetic-coded JPEG. */
	if (d.num_components != 1 && d.num_components != 3 &&
	    d.num_components != 4) {
		*why = xasprintf("has %d colour components (1, 3 or 4 can be "
		    "shown)", d.num_components);
		goto fail;
	}
	/* PDF/A-1 with an sRGB output intent holds no CMYK picture
	 * (Preflight 2.4.2). */
	if (d.num_components == 4) {
		*why = xstrdup("is a CMYK JPEG, which the PDF/A report cannot "
		    "hold; save it as RGB");
		goto fail;
	}
	if (d.arith_code) {
		*why = xstrdup("is arithmetic-coded, which web browsers do "
		    "not show");
		goto fail;
	}
	img->width = d.image_width;
	img->height = d.image_height;
	img->components = d.num_components;
	d.scale_num = 1;
	d.scale_denom = 8;
	d.dct_method = JDCT_IFAST;
	jpeg_start_decompress(&d);
	row = r = xmalloc((size_t)d.output_width *
	    (size_t)d.output_components);
	while (d.output_scanline < d.output_height)
		jpeg_read_scanlines(&d, &r, 1);
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	free(row);
	return true;
fail:
	jpeg_destroy_decompress(&d);
	free(row);
	return false;
}

bool
image_check(const void *data, size_t len, enum image_type t,
    struct image *img, char **why)
{
	memset(img, 0, sizeof(*img));
	*why = NULL;
	img->type = t;
	if (t == IMAGE_PNG)
		return S_png(data, len, img, why);
	if (t == IMAGE_JPEG)
		return S_jpeg(data, len, img, why);
	*why = xstrdup("is neither PNG nor JPEG");
	return false;
}

/* base64 by libxml2's writer. */
char *
image_data_uri(const char *mime, const char *data, size_t len)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	const char *b64;
	struct buf uri;
	size_t len64;

	xmlTextWriterStartElement(w, (const xmlChar *)"x");
	xmlTextWriterWriteBase64(w, data, 0, (int)len);
	xmlTextWriterEndElement(w);
	xmlFreeTextWriter(w);
	/* The buffer holds <x>BASE64</x>, the base64 broken into lines. */
	b64 = (const char *)xmlBufferContent(buf) + 3;
	len64 = (size_t)xmlBufferLength(buf) - 7;
	buf_init(&uri);
	buf_printf(&uri, "data:%s;base64,", mime);
	for (size_t i = 0; i < len64; i++)
		if (b64[i] != '\r' && b64[i] != '\n')
			buf_putc(&uri, b64[i]);
	xmlBufferFree(buf);
	return buf_detach(&uri);
}
