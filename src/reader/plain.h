/* The plain reader: a script (statements, meta-commands, pg_dump comments,
 * COPY data), fed any slicing of the input. */
#ifndef KSD_PLAIN_H
#define KSD_PLAIN_H

#include <stddef.h>

#include "ksd_err.h"
#include "ksd_extract.h"

struct plain;

struct plain *plain_new(struct ksd_extract *x, struct ksd_err *err);
void plain_free(struct plain *p);
/* Feeds the next bytes; KSD_OK, KSD_WARN (something skipped) or KSD_FATAL. */
int plain_feed(struct plain *p, const void *data, size_t len);
/* End of input: flushes a last statement or reports a truncation. */
int plain_finish(struct plain *p);

#endif
