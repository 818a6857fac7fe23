/* fuzz.h: the entry point every fuzz target defines (libFuzzer's), and
 * what the targets share.  A target is built twice: with clang's
 * libFuzzer for `make fuzz`, and with replay.c for `make test`, which
 * runs it over the kept corpus under ASan and UBSan. */
#ifndef GEN_FUZZ_H
#define GEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fresh private folder for files a target must write (caller frees
 * the name); aborts if none can be made, as a fuzz target may. */
char	*fuzz_tmpdir(void);
/* Removes the files in dir and in its subfolders, three levels deep. */
void	 fuzz_clean(const char *dir);
/* Writes len bytes to dir/name; aborts on failure. */
void	 fuzz_write(const char *dir, const char *name, const void *data,
	    size_t len);

#endif
