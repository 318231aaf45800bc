/* The .xz decoder's second thread (xz_worker.h). */
#include "input/xz_worker.h"

/* The worker looks at its stop flag this often (bytes of output). */
#define WORK_SLICE (1u << 20)

static void *work(void *arg)
{
	struct xz_worker *w = arg;
	w->s.next_in = w->in;
	w->s.avail_in = w->in_len;
	w->s.next_out = w->out;
	lzma_ret r = LZMA_OK;
	while (r == LZMA_OK && !atomic_load_explicit(&w->stop, memory_order_relaxed)) {
		size_t left = w->out_len - (size_t)(w->s.next_out - w->out);
		w->s.avail_out = left < WORK_SLICE ? left : WORK_SLICE;
		r = lzma_code(&w->s, LZMA_FINISH); /* no progress twice: LZMA_BUF_ERROR */
	}
	w->made = (size_t)(w->s.next_out - w->out);
	w->ret = r;
	return NULL;
}

void xz_worker_start(struct xz_worker *w, const unsigned char *in, size_t in_len,
                     unsigned char *out, size_t out_len)
{
	w->in = in;
	w->in_len = in_len;
	w->out = out;
	w->out_len = out_len;
	atomic_store(&w->stop, false);
	w->running = pthread_create(&w->tid, NULL, work, w) == 0;
	if (!w->running)
		work(w); /* no thread: the same work, in turn */
}

void xz_worker_join(struct xz_worker *w)
{
	if (w->running) {
		pthread_join(w->tid, NULL);
		w->running = false;
	}
}

void xz_worker_stop(struct xz_worker *w)
{
	if (w->running)
		atomic_store(&w->stop, true);
	xz_worker_join(w);
}
