/* picture.c: a <figure>'s picture file read from inside the plan folder
 * (io.c's path rules, as for CSV files), decoded whole by image.c, and
 * kept with its data: URL for the page and its pixels for the PDF. */
#include "picture.h"

#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "io.h"
#include "text.h"
#include "util.h"

bool
picture_read(struct pictures *ps, const char *dir, xmlNodePtr n,
    const char *src, const char *file, int line, struct diags *d)
{
	char *path = NULL, *data = NULL, *why;
	enum image_type type = src != NULL ? image_type_of(src) : IMAGE_NONE;
	struct picture *pic;
	struct image img;
	size_t len;
	bool ok = false;

	if (src == NULL)
		return false;
	if (ps->n >= PICTURES_MAX) {
		diag_error(d, file, line, "more than %d <figure> "
		    "elements in one plan", PICTURES_MAX);
		goto out;
	}
	if (type == IMAGE_NONE) {
		diag_error(d, file, line, "<figure> src '%s' is not "
		    "a PNG or JPEG file (.png, .jpg, .jpeg)", QUOTE(src));
		goto out;
	}
	if (src[0] == '\0' || !io_path_inside(dir, src)) {
		diag_error(d, file, line, "<figure> src '%s' leaves "
		    "the plan folder", QUOTE(src));
		goto out;
	}
	path = xasprintf("%s/%s", dir, src);
	if (!io_read_bytes(path, path, PICTURE_FILE_MAX, &data, &len, d))
		goto out;
	if (ps->bytes + len > PICTURES_BYTES_MAX) {
		diag_error(d, file, line, "<figure> src '%s': the "
		    "pictures of the plan have more than %u MB together",
		    QUOTE(src), PICTURES_BYTES_MAX >> 20);
		goto out;
	}
	if (!image_check(data, len, type, &img, &why)) {
		diag_error(d, file, line, "<figure> src '%s' %s",
		    QUOTE(src), why);
		free(why);
		goto out;
	}
	ps->bytes += len;
	grow(&ps->v, &ps->cap, ps->n + 1, sizeof(*ps->v));
	pic = &ps->v[ps->n++];
	*pic = (struct picture){ .node = n, .jpeg = type == IMAGE_JPEG,
	    .width = img.width, .height = img.height };
	pic->uri = image_data_uri(type == IMAGE_JPEG ? "image/jpeg" :
	    "image/png", data, len);
	pic->data = (unsigned char *)data;
	pic->len = len;
	data = NULL;
	ok = true;
out:
	free(data);
	free(path);
	return ok;
}

const struct picture *
picture_of(const struct pictures *ps, xmlNodePtr n)
{
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].node == n)
			return &ps->v[i];
	return NULL;
}

void
pictures_free(struct pictures *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->v[i].data);
		free(ps->v[i].uri);
	}
	free(ps->v);
	memset(ps, 0, sizeof(*ps));
}
