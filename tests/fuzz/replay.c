/* replay.c: runs a fuzz target over files and folders of inputs, without
 * libFuzzer: how `make test` replays the corpus and every crash found.
 * Usage: replay-TARGET PATH...; prints "ok replay NAME: N inputs". */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "io.h"
#include "util.h"

static size_t runs;

static int
S_one(const char *path)
{
	struct diags d;
	char *data;
	size_t len;
	bool ok;

	diags_init(&d);
	ok = io_read_bytes(path, path, 64u << 20, &data, &len, &d);
	diags_free(&d);
	if (!ok) {
		fprintf(stderr, "replay: %s: cannot read\n", path);
		return 1;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	runs++;
	return 0;
}

static int
S_path(const char *path)
{
	struct dirent **list;
	struct stat st;
	int n, bad = 0;

	if (stat(path, &st) == -1) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return S_one(path);
	/* Sorted, so that a failure names the same input every time. */
	if ((n = scandir(path, &list, NULL, alphasort)) == -1) {
		perror(path);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			char *sub = xasprintf("%s/%s", path, list[i]->d_name);

			bad |= S_one(sub);
			free(sub);
		}
		free(list[i]);
	}
	free(list);
	return bad;
}

int
main(int argc, char **argv)
{
	int bad = 0;

	for (int i = 1; i < argc; i++)
		bad |= S_path(argv[i]);
	printf("%s replay %s: %zu inputs\n", bad ? "FAIL" : "ok",
	    strrchr(argv[0], '-') ? strrchr(argv[0], '-') + 1 : argv[0], runs);
	return bad;
}
