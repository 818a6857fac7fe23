/* plangen-main.c: build/plangen SEED DIR [TPL] writes the plan of SEED
 * into the folder DIR (made if missing) and, when the plan has one, a
 * template into TPL.  Prints "template" then, "clean" when the
 * generator made no evil choice (the plan should render), "lenient" when
 * it is to be rendered with --lenient, "checkfails" when its only evil
 * choices are failing <check>s.  Same seed,
 * same plan.  build/plangen -b FILE DIR [TPL] makes the plan of an input
 * of the fuzz target plans (a crash of it, or one of its corpus). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io.h"
#include "plangen.h"

static void
S_mkdir(const char *dir)
{
	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		perror(dir);
		exit(3);
	}
}

int
main(int argc, char **argv)
{
	struct pg_src src;
	char *end, *data = NULL;
	unsigned long long seed = 0;
	bool bytes = argc > 1 && strcmp(argv[1], "-b") == 0;
	int f;

	argv += bytes;
	argc -= bytes;
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: plangen SEED DIR [TPL]\n"
		    "       plangen -b FILE DIR [TPL]\n");
		return 2;
	}
	if (bytes) {
		struct diags d;
		size_t len;

		diags_init(&d);
		if (!io_read_bytes(argv[1], argv[1], 64u << 20, &data, &len,
		    &d)) {
			fprintf(stderr, "plangen: cannot read %s\n", argv[1]);
			return 2;
		}
		diags_free(&d);
		pg_src_bytes(&src, (const uint8_t *)data, len);
	} else {
		seed = strtoull(argv[1], &end, 10);
		if (*end != '\0' || argv[1][0] == '\0') {
			fprintf(stderr, "plangen: '%s' is not a seed\n", argv[1]);
			return 2;
		}
		pg_src_seed(&src, seed);
	}
	S_mkdir(argv[2]);
	if (argc == 4)
		S_mkdir(argv[3]);
	f = plangen(&src, argv[2], argc == 4 ? argv[3] : NULL);
	if (f & PG_TEMPLATE)
		puts("template");
	if (f & PG_CLEAN)
		puts("clean");
	if (f & PG_LENIENT)
		puts("lenient");
	if (f & PG_CHECK_FAILS)
		puts("checkfails");
	free(data);
	return 0;
}
