/* number.c: fuzz target for the number parser.  The first byte picks the
 * unit and the decimal mark, the rest is the cell.  Whatever parses must
 * survive the export's machine format unchanged. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "fuzz.h"
#include "number.h"
#include "util.h"

static bool
S_same(const struct value *a, const struct value *b)
{
	struct exact x = value_exact(a), y = value_exact(b);

	return x.num * y.den == y.num * x.den;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum unit units[] = { UNIT_MONEY, UNIT_COUNT,
	    UNIT_PERCENT, UNIT_NUMBER, UNIT_POINTS };
	struct value v, back;
	struct buf machine;
	enum unit u;
	char *cell;

	if (size == 0 || size > 256)
		return 0;
	u = units[data[0] % 5];
	cell = xstrndup((const char *)data + 1, size - 1);
	if (strlen(cell) == size - 1 &&
	    num_parse(cell, data[0] & 8, u, &v) == NUM_OK && v.has) {
		if (!value_in_range(&v))
			abort();
		buf_init(&machine);
		fmt_machine(&machine, &v);
		if (num_parse(machine.s, true, u, &back) != NUM_OK ||
		    !S_same(&v, &back))
			abort();
		free(fmt_display_dup(&v, 0));
		buf_free(&machine);
	}
	free(cell);
	return 0;
}
