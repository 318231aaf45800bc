/* What each decoder file (gzip.c, zstd.c, lz4.c, xz.c) gives unpack.c, and
 * the state they share: one method per file behind unpack.h's one
 * interface. Private to src/input. */
#ifndef KSD_INPUT_METHOD_H
#define KSD_INPUT_METHOD_H

#include "ksd_unpack.h"

struct unpack {
	const struct unpack_method *m;
	void *s; /* the method's own state */
	const char *error;
	const char *reason; /* the library's words, or NULL */
	bool cut;           /* the error is that the input ended mid-stream */
	char why[96];       /* a message with the library's own reason in it */
};

struct unpack_method {
	/* The method's state, or NULL when out of memory. */
	void *(*open)(void);
	void (*close)(void *s);
	/* unpack_step's contract (unpack.h), the state in u->s. */
	enum unpack_status (*step)(struct unpack *u, const unsigned char *in, size_t in_len,
	                           bool last, size_t *used, unsigned char *out, size_t out_cap,
	                           size_t *made);
};

/* Each file's method; NULL-free: a build without a method's library does
 * not define it. */
extern const struct unpack_method unpack_gzip, unpack_zlib, unpack_zstd, unpack_lz4, unpack_xz;

/* Stops the stream: `error` in libarchive's words (the byte source's),
 * `reason` the library's own (archive data's), NULL when it has none.
 * Inline, so that the method files call nothing in unpack.c, which calls
 * them. */
static inline enum unpack_status unpack_fail(struct unpack *u, const char *error,
                                             const char *reason)
{
	u->error = error;
	u->reason = reason;
	return UNPACK_ERROR;
}

/* The input ended inside the stream. */
static inline enum unpack_status unpack_fail_cut(struct unpack *u, const char *error)
{
	u->cut = true;
	return unpack_fail(u, error, NULL);
}

#endif
