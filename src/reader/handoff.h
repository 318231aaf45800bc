/* Decoded archive data handed to its consumer (the row counter) on a
 * second thread, so that the next piece is inflated while this one is
 * counted (bench/results.md). A few fixed buffers go round: memory does not
 * grow with the data. Without a thread the consumer is called at once. */
#ifndef KSD_HANDOFF_H
#define KSD_HANDOFF_H

#include <stdbool.h>
#include <stddef.h>

#define HANDOFF_PIECE (64u << 10)

typedef int handoff_fn(void *ctx, const char *data, size_t len);

struct handoff;

/* NULL when out of memory. `threaded`: the consumer runs on a thread of
 * its own from the first piece on, until handoff_drain or handoff_free. */
struct handoff *handoff_new(handoff_fn *out, void *ctx, bool threaded);
/* Waits for the consumer, then joins its thread. */
void handoff_free(struct handoff *h);

/* Where the next bytes go: handoff_room() of them, the caller's until it
 * gives them. */
unsigned char *handoff_buffer(struct handoff *h);
size_t handoff_room(const struct handoff *h);
/* Gives `len` bytes of that buffer: with a thread, they are passed on once
 * HANDOFF_PIECE bytes are together, or at handoff_drain. KSD_OK, or the
 * status with which the consumer stopped (then it takes nothing more),
 * which may be told a few pieces late. */
int handoff_give(struct handoff *h, size_t len);
/* Passes on what was given and waits until the consumer has taken every
 * piece: KSD_OK or its status. */
int handoff_drain(struct handoff *h);

#endif
