/* diag.h: the messages of one plan (errors and warnings with file and line).
 * Included by every module that reads or checks input. */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum severity {
	SEV_WARNING,
	SEV_ERROR,
};

struct diag {
	char		*file;	/* as the user named it, e.g. input/x/plan.xml */
	int		 line;	/* 1-based; 0 when the message is about the file */
	enum severity	 sev;
	char		*msg;
};

struct diags {
	struct diag	*v;
	size_t		 n, cap;
	size_t		 errors;	/* counted even beyond the stored limit */
	size_t		 warnings;
};

void	diags_init(struct diags *d);
void	diags_free(struct diags *d);
void	diag_add(struct diags *d, enum severity sev, const char *file, int line,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
#define diag_error(d, file, line, ...) \
	diag_add((d), SEV_ERROR, (file), (line), __VA_ARGS__)
#define diag_warn(d, file, line, ...) \
	diag_add((d), SEV_WARNING, (file), (line), __VA_ARGS__)
/* Writes every message as "file:line: error: msg"; warnings unless quiet. */
void	diags_print(const struct diags *d, FILE *fp, bool quiet);

#endif
