/* The second thread of the .xz decoder (xz.c): it decodes one whole block,
 * already copied out of the input, into a buffer of its own while the
 * calling thread decodes the block before it. Without a thread, the same
 * work runs in turn. Private to src/input. */
#ifndef KSD_INPUT_XZ_WORKER_H
#define KSD_INPUT_XZ_WORKER_H

#include <lzma.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* Touched by the calling thread only while no worker runs, except `stop`. */
struct xz_worker {
	pthread_t tid;
	bool running; /* a thread to join */
	atomic_bool stop;
	lzma_stream s; /* set up for the block before xz_worker_start() */
	const unsigned char *in;
	size_t in_len;
	unsigned char *out;
	size_t out_len, made;
	lzma_ret ret;
};

/* Decodes the `in_len` bytes of `in` into `out` (`out_len`, the block's
 * size): `made` and `ret` tell the outcome once joined. */
void xz_worker_start(struct xz_worker *w, const unsigned char *in, size_t in_len,
                     unsigned char *out, size_t out_len);
/* Waits for a running worker. */
void xz_worker_join(struct xz_worker *w);
/* Tells a running worker to stop, and waits for it. */
void xz_worker_stop(struct xz_worker *w);

#endif
