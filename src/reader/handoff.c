/* The hand-off (handoff.h): NBUF buffers in a ring. The caller fills
 * bufs[given % NBUF] while the consumer thread works through
 * [taken, given); a buffer is free again once taken. Each counter is
 * written by one side only, and each side waits for the other's in a park
 * (ksd_park.h). The consumer's first failure is kept and ends its work; the
 * rest of the ring is dropped. */
#include <stdlib.h>

#include "ksd_err.h"
#include "ksd_park.h"
#include "reader/handoff.h"

#define NBUF  16
#define BATCH 8 /* a sleeping consumer is woken for this many pieces */

struct handoff {
	handoff_fn *out;
	void *ctx;
	bool threaded, started;
	bool parked; /* park was made */
	pthread_t th;
	struct ksd_park park;
	atomic_uint given, taken; /* pieces given and pieces the consumer is done with */
	atomic_bool quit;
	atomic_bool flush; /* the caller waits for every piece to be taken */
	atomic_int rc;     /* the consumer's first status other than KSD_OK */
	size_t fill;       /* bytes in the caller's buffer, not passed on yet */
	size_t lens[NBUF];
	unsigned char bufs[NBUF][HANDOFF_PIECE];
};

struct handoff *handoff_new(handoff_fn *out, void *ctx, bool threaded)
{
	struct handoff *h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	h->out = out;
	h->ctx = ctx;
	atomic_init(&h->given, 0);
	atomic_init(&h->taken, 0);
	atomic_init(&h->quit, false);
	atomic_init(&h->flush, false);
	atomic_init(&h->rc, KSD_OK);
	h->parked = threaded && ksd_park_init(&h->park);
	h->threaded = h->parked; /* without it, the consumer runs here */
	return h;
}

static bool pieces_or_quit(void *arg)
{
	struct handoff *h = arg;
	unsigned queued = atomic_load(&h->given) - atomic_load(&h->taken);
	return queued >= BATCH || (queued > 0 && atomic_load(&h->flush)) || atomic_load(&h->quit);
}

static bool buffer_free(void *arg)
{
	struct handoff *h = arg;
	return atomic_load(&h->given) - atomic_load(&h->taken) < NBUF;
}

static bool all_taken(void *arg)
{
	struct handoff *h = arg;
	return atomic_load(&h->taken) == atomic_load(&h->given);
}

static void *consume(void *arg)
{
	struct handoff *h = arg;
	for (;;) {
		/* Once woken, it takes every piece there is before it waits. */
		if (all_taken(h))
			ksd_park_wait(&h->park, pieces_or_quit, h);
		unsigned t = atomic_load(&h->taken);
		if (t == atomic_load(&h->given))
			return NULL; /* quit, and every piece taken */
		unsigned k = t % NBUF;
		if (atomic_load(&h->rc) == KSD_OK) {
			int rc = h->out(h->ctx, (const char *)h->bufs[k], h->lens[k]);
			if (rc != KSD_OK)
				atomic_store(&h->rc, rc);
		}
		atomic_store(&h->taken, t + 1);
		ksd_park_wake(&h->park);
	}
}

unsigned char *handoff_buffer(struct handoff *h)
{
	return h->bufs[atomic_load_explicit(&h->given, memory_order_relaxed) % NBUF] + h->fill;
}

size_t handoff_room(const struct handoff *h)
{
	return HANDOFF_PIECE - h->fill;
}

/* Passes the caller's buffer on and waits until the next one is free. */
static int pass_on(struct handoff *h)
{
	unsigned g = atomic_load(&h->given);
	h->lens[g % NBUF] = h->fill;
	h->fill = 0;
	atomic_store(&h->given, g + 1);
	if (g + 1 - atomic_load(&h->taken) >= BATCH)
		ksd_park_wake(&h->park);
	ksd_park_wait(&h->park, buffer_free, h);
	return atomic_load(&h->rc);
}

int handoff_give(struct handoff *h, size_t len)
{
	if (len == 0)
		return atomic_load(&h->rc);
	if (!h->threaded) {
		if (atomic_load(&h->rc) == KSD_OK)
			atomic_store(&h->rc, h->out(h->ctx, (const char *)handoff_buffer(h), len));
		return atomic_load(&h->rc);
	}
	if (!h->started) {
		/* No thread to be had: the consumer runs here. */
		if (pthread_create(&h->th, NULL, consume, h) != 0) {
			h->threaded = false;
			return handoff_give(h, len);
		}
		h->started = true;
	}
	/* Pieces go on full: fewer hand-overs. */
	h->fill += len;
	return h->fill == HANDOFF_PIECE ? pass_on(h) : atomic_load(&h->rc);
}

int handoff_drain(struct handoff *h)
{
	if (h->fill > 0 && pass_on(h) != KSD_OK)
		return atomic_load(&h->rc);
	if (h->started) {
		atomic_store(&h->flush, true);
		ksd_park_wake(&h->park);
		ksd_park_wait(&h->park, all_taken, h);
		atomic_store(&h->flush, false);
	}
	return atomic_load(&h->rc);
}

void handoff_free(struct handoff *h)
{
	if (!h)
		return;
	if (h->started) {
		atomic_store(&h->quit, true);
		ksd_park_wake(&h->park);
		pthread_join(h->th, NULL);
	}
	if (h->parked)
		ksd_park_destroy(&h->park);
	free(h);
}
