/* plangen-main.c: build/plangen SEED DIR [TPL]: writes the plan of SEED
 * into the folder DIR (made if missing) and, when the plan has one, a
 * template into TPL.  Prints "template" then, and "clean" when the
 * generator made no evil choice (the plan should render).  Same seed,
 * same plan. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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
	char *end;
	unsigned long long seed;
	int f;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: plangen SEED DIR [TPL]\n");
		return 2;
	}
	seed = strtoull(argv[1], &end, 10);
	if (*end != '\0') {
		fprintf(stderr, "plangen: '%s' is not a seed\n", argv[1]);
		return 2;
	}
	S_mkdir(argv[2]);
	if (argc == 4)
		S_mkdir(argv[3]);
	pg_src_seed(&src, seed);
	f = plangen(&src, argv[2], argc == 4 ? argv[3] : NULL);
	if (f & PG_TEMPLATE)
		puts("template");
	if (f & PG_CLEAN)
		puts("clean");
	return 0;
}
