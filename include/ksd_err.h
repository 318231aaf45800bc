/* Status codes, exit codes and the error record that core code fills. */
#ifndef KSD_ERR_H
#define KSD_ERR_H

#include <stdarg.h>

/* Returned by every core function that can fail. Core code never prints. */
enum ksd_status {
	KSD_OK = 0,
	KSD_WARN = 1, /* result is partial; err says why */
	/* An archive read whole, but data its TOC names is missing (the
	 * catalog marks which): not partial, but an error all the same. */
	KSD_INCOMPLETE = 2,
	KSD_FATAL = -1 /* nothing usable; err says why */
};

/* Process exit codes: stable, documented in --help and the man page. */
enum ksd_exit {
	KSD_EXIT_OK = 0,           /* metadata agrees with the schema */
	KSD_EXIT_FIX = 1,          /* a fix is needed (and was printed) */
	KSD_EXIT_UNDETERMINED = 2, /* no Kinto schema, ambiguous or contradictory */
	KSD_EXIT_USAGE = 3,
	KSD_EXIT_INPUT = 4 /* unreadable or corrupt input */
};

#define KSD_ERR_MSG_MAX 256

/* Where in the input the problem is: a line for text, an offset for binary. */
struct ksd_err {
	int set;
	long line;          /* 1-based; 0 when not a text position */
	long long offset;   /* byte offset; -1 when unknown */
	const char *member; /* archive member or file inside a directory, or NULL */
	char msg[KSD_ERR_MSG_MAX];
};

void ksd_err_clear(struct ksd_err *err);

/* Records the first error only; later calls keep the first. Returns KSD_FATAL
 * so that a failing path is one `return ksd_err_at(...)`. */
int ksd_err_at_line(struct ksd_err *err, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int ksd_err_at_offset(struct ksd_err *err, long long offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
