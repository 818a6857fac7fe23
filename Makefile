# gen: report generator for jobcenter plans.  See README.md.

CC	?= cc
OPT	?= -O2 -g
WARN	 = -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE
XML_CFLAGS != xml2-config --cflags 2>/dev/null || echo -I/usr/include/libxml2
FONT_CFLAGS != pkg-config --cflags freetype2 fribidi 2>/dev/null || \
	echo -I/usr/include/freetype2 -I/usr/include/fribidi
HB_CFLAGS != pkg-config --cflags harfbuzz 2>/dev/null || echo -I/usr/include/harfbuzz
# libzip, libxlsxwriter and libharfbuzz-subset are opened at their first
# use (lazylib.h), by the names of the libraries the build finds.
SONAME	 = objdump -p `$(CC) -print-file-name=lib$(1).so` | \
	   awk '$$1 == "SONAME" { print $$2 }'
LIBZIP_SO != $(call SONAME,zip)
LIBXLSXWRITER_SO != $(call SONAME,xlsxwriter)
LIBHARFBUZZ_SUBSET_SO != $(call SONAME,harfbuzz-subset)
LAZY	 = -DLIBZIP_SO='"$(LIBZIP_SO)"' \
	   -DLIBXLSXWRITER_SO='"$(LIBXLSXWRITER_SO)"' \
	   -DLIBHARFBUZZ_SUBSET_SO='"$(LIBHARFBUZZ_SUBSET_SO)"'
CFLAGS	 = $(OPT) $(WARN) $(XML_CFLAGS) $(FONT_CFLAGS) $(HB_CFLAGS) $(LAZY)
LIBS	 = -lxml2 -lcsv -lhpdf -lhyphen -lxxhash -lpng -ljpeg -lfreetype \
	   -lfribidi -lutf8proc -ldl -lm
SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer

MODULES	 = util diag text number fmt io csvread model planxml tables calc \
	   check crosscheck keys usage export image picture ttf template doc \
	   doctable chart docbuild xmlw svg html hyph fonts layout pdftag pdfa pdf \
	   stamp output site gen batch init watch lazylib fontsub xlsx xlsxout
HEADERS	 = $(wildcard gen/*.h)

# The build id: a hash of the sources and this file.  Every stamp holds
# it, so that a changed gen renders the plans an older one rendered
# instead of skipping them (stamp.c); `gen --version` prints it.  No git:
# a copy of the sources builds alike.  build/build-id changes only when
# the id does, and the objects that use the id depend on it.
ID_SOURCES = Makefile $(sort $(wildcard gen/*.c gen/*.h))
BUILD_ID != sha256sum $(ID_SOURCES) 2>/dev/null | sha256sum | cut -c1-16
ID_OBJS	 = build/rel/stamp.o build/san/stamp.o build/fz/stamp.o

REL_OBJS = $(MODULES:%=build/rel/%.o)
SAN_OBJS = $(MODULES:%=build/san/%.o)
FUZZ_OBJS = $(MODULES:%=build/fz/%.o)

# Fuzz targets (tests/fuzz): libFuzzer with clang for `make fuzz`; the
# same targets replay the kept corpus under the sanitizers in `make test`.
FUZZ_TARGETS = csv number planxml pipeline plans
FUZZ_TIME ?= 60
FUZZ_CC	 = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
REPLAYS	 = $(FUZZ_TARGETS:%=build/replay-%)

all: build/gen

build/gen: $(REL_OBJS) build/rel/main.o
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

build/gen-san: $(SAN_OBJS) build/san/main.o
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LIBS)

build/unit: $(REL_OBJS) build/rel/unit.o
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

build/unit-san: $(SAN_OBJS) build/san/unit.o
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LIBS)

build/replay-%: $(SAN_OBJS) tests/fuzz/%.c tests/fuzz/util.c tests/fuzz/replay.c tests/fuzz/fuzz.h
	$(CC) $(CFLAGS) $(SAN) -Igen -Itests/fuzz -o $@ $(SAN_OBJS) \
	    tests/fuzz/$*.c tests/fuzz/util.c tests/fuzz/replay.c $(LIBS)

# The plans target and its tools also take the plan generator.
PLANGEN	 = tests/fuzz/plangen.c tests/fuzz/plangen.h
build/replay-plans: $(SAN_OBJS) tests/fuzz/plans.c tests/fuzz/util.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(PLANGEN)
	$(CC) $(CFLAGS) $(SAN) -Igen -Itests/fuzz -o $@ $(SAN_OBJS) \
	    tests/fuzz/plans.c tests/fuzz/plangen.c tests/fuzz/util.c \
	    tests/fuzz/replay.c $(LIBS)

build/fuzz-plans: $(FUZZ_OBJS) tests/fuzz/plans.c tests/fuzz/util.c tests/fuzz/fuzz.h $(PLANGEN)
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -Igen -Itests/fuzz \
	    -o $@ $(FUZZ_OBJS) tests/fuzz/plans.c tests/fuzz/plangen.c \
	    tests/fuzz/util.c $(LIBS)

# build/plangen SEED DIR [TPL] writes one plan; build/plancheck checks
# what gen made of it (tests/fuzz/plans.sh).
build/plangen: $(REL_OBJS) tests/fuzz/plangen-main.c tests/fuzz/util.c $(PLANGEN)
	$(CC) $(CFLAGS) -Igen -Itests/fuzz -o $@ tests/fuzz/plangen-main.c \
	    tests/fuzz/plangen.c tests/fuzz/util.c $(REL_OBJS) $(LIBS)

build/plancheck: $(REL_OBJS) tests/fuzz/plancheck.c
	$(CC) $(CFLAGS) -Igen -o $@ tests/fuzz/plancheck.c $(REL_OBJS) $(LIBS)

build/fuzz-%: $(FUZZ_OBJS) tests/fuzz/%.c tests/fuzz/util.c tests/fuzz/fuzz.h
	$(FUZZ_CC) $(CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -Igen -Itests/fuzz \
	    -o $@ $(FUZZ_OBJS) tests/fuzz/$*.c tests/fuzz/util.c $(LIBS)

build/fz/%.o: gen/%.c $(HEADERS) | build/fz
	@echo "  CC FUZZ $@"
	@$(FUZZ_CC) $(CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c -o $@ $<

build/rel/%.o: gen/%.c $(HEADERS) | build/rel
	@echo "  CC      $@"
	@$(CC) $(CFLAGS) -c -o $@ $<

build/san/%.o: gen/%.c $(HEADERS) | build/san
	@echo "  CC SAN  $@"
	@$(CC) $(CFLAGS) $(SAN) -c -o $@ $<

build/rel/unit.o: tests/unit.c $(HEADERS) | build/rel
	@echo "  CC      $@"
	@$(CC) $(CFLAGS) -Igen -c -o $@ $<

build/san/unit.o: tests/unit.c $(HEADERS) | build/san
	@echo "  CC SAN  $@"
	@$(CC) $(CFLAGS) $(SAN) -Igen -c -o $@ $<

build/rel build/san build/fz:
	mkdir -p $@

$(ID_OBJS): build/build-id
$(ID_OBJS): CFLAGS += -DGEN_BUILD_ID=\"$(BUILD_ID)\"

build/build-id: FORCE
	@test -n '$(BUILD_ID)' || { echo 'make: the build id needs sha256sum' >&2; exit 1; }
	@mkdir -p build
	@echo '$(BUILD_ID)' | cmp -s - $@ || echo '$(BUILD_ID)' >$@

print-build-id:
	@echo '$(BUILD_ID)'

# Installs what is missing (Debian), builds, renders the bundled examples.
run: setup
	$(MAKE) build/gen
	build/gen -f html,pdf,csv

setup:
	@sh tests/setup.sh

test:
	@sh tests/setup.sh --test
	$(MAKE) build/gen build/unit build/gen-san build/unit-san $(REPLAYS) \
	    build/plangen build/plancheck
	sh tests/run.sh build/gen:build/unit build/gen-san:build/unit-san

# Runs each fuzz target for FUZZ_TIME seconds; crashes land in
# tests/fuzz/crashes/TARGET/ (keep them: make test replays them).
fuzz:
	@sh tests/setup.sh --fuzz
	$(MAKE) $(FUZZ_TARGETS:%=build/fuzz-%)
	sh tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

# Accepts deliberate changes of the golden files.
update-golden: build/gen
	sh tests/run.sh --update build/gen:build/unit

# Renders 400 generated plans and more; writes docs/benchmarks.md.
bench: build/gen
	sh tests/bench/run.sh

valgrind: build/gen build/unit
	sh tests/valgrind.sh

clean:
	rm -rf build

FORCE:

.PHONY: all run setup test update-golden valgrind bench fuzz clean \
	print-build-id FORCE
