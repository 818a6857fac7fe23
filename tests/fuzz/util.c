/* util.c: scratch folders for the fuzz targets that go through files. */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char *
fuzz_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = xasprintf("%s/gen-fuzz.XXXXXX", base ? base : "/tmp");

	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	return dir;
}

static void
S_clean(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char *path;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth > 0)
				S_clean(path, depth - 1);
			rmdir(path);
		} else
			unlink(path);
		free(path);
	}
	closedir(d);
}

void
fuzz_clean(const char *dir)
{
	/* Deep enough for a plan's programm/bilder/. */
	S_clean(dir, 3);
}

void
fuzz_write(const char *dir, const char *name, const void *data, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror(path);
		abort();
	}
	free(path);
}
