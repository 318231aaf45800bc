/* The .xz container decoded by us, so that two blocks decode at once within
 * KSD_XZ_THREADS_MEM (ksd_limits.h); liblzma does each block's work. Same
 * pull-style contract as unpack_step (unpack.h): streams may be
 * concatenated, UNPACK_END at the end of the input's xz data, and bytes
 * decoded before an error are all handed out before the error is told. */
#ifndef KSD_INPUT_XZ_H
#define KSD_INPUT_XZ_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_unpack.h"

struct xz;

/* NULL when out of memory. */
struct xz *xz_new(void);
/* Stops and joins a worker still decoding, so it may come mid-file. */
void xz_free(struct xz *x);

enum unpack_status xz_step(struct xz *x, const unsigned char *in, size_t in_len, bool last,
                           size_t *used, unsigned char *out, size_t out_cap, size_t *made);
/* In libarchive's words, as its xz filter would say it. */
const char *xz_error(const struct xz *x);

#endif
