/* A growable byte buffer with a hard cap: appends past the cap are dropped
 * and remembered, so a hostile input can never grow it without bound. */
#ifndef KSD_BUF_H
#define KSD_BUF_H

#include <stdbool.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len, cap, max;
	bool overflow; /* something was dropped */
	bool oom;
};

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
/* Appends what fits under the cap; false only when out of memory. */
bool buf_append(struct buf *b, const void *p, size_t len);
bool buf_push(struct buf *b, char c);
/* NUL-terminates (not counted in len); false when out of memory. */
bool buf_cstr(struct buf *b);

#endif
