/* The hand-off (handoff.h): NBUF buffers in a ring. The caller fills
 * bufs[given % NBUF] while the consumer thread works through
 * [taken, given); a buffer is free again once taken. The consumer's first
 * failure is kept and ends its work; the rest of the ring is dropped. */
#include <pthread.h>
#include <stdlib.h>

#include "ksd_err.h"
#include "reader/handoff.h"

#define NBUF 4

struct handoff {
	handoff_fn *out;
	void *ctx;
	bool threaded, started;
	bool locks; /* mu and cv were made */
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	unsigned given, taken; /* pieces given and pieces the consumer is done with */
	bool quit;
	int rc; /* the consumer's first status other than KSD_OK */
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
	h->rc = KSD_OK;
	if (threaded && pthread_mutex_init(&h->mu, NULL) == 0) {
		if (pthread_cond_init(&h->cv, NULL) == 0)
			h->locks = true;
		else
			pthread_mutex_destroy(&h->mu);
	}
	h->threaded = h->locks; /* without them, the consumer runs here */
	return h;
}

static void *consume(void *arg)
{
	struct handoff *h = arg;
	pthread_mutex_lock(&h->mu);
	for (;;) {
		while (h->taken == h->given && !h->quit)
			pthread_cond_wait(&h->cv, &h->mu);
		if (h->taken == h->given)
			break;
		unsigned k = h->taken % NBUF;
		bool go = h->rc == KSD_OK;
		pthread_mutex_unlock(&h->mu);
		int rc = go ? h->out(h->ctx, (const char *)h->bufs[k], h->lens[k]) : KSD_OK;
		pthread_mutex_lock(&h->mu);
		if (rc != KSD_OK && h->rc == KSD_OK)
			h->rc = rc;
		h->taken++;
		pthread_cond_broadcast(&h->cv);
	}
	pthread_mutex_unlock(&h->mu);
	return NULL;
}

unsigned char *handoff_buffer(struct handoff *h)
{
	return h->bufs[h->given % NBUF];
}

int handoff_give(struct handoff *h, size_t len)
{
	if (len == 0)
		return h->rc;
	if (!h->threaded) {
		if (h->rc == KSD_OK)
			h->rc = h->out(h->ctx, (const char *)handoff_buffer(h), len);
		return h->rc;
	}
	if (!h->started) {
		/* No thread to be had: the consumer runs here. */
		if (pthread_create(&h->th, NULL, consume, h) != 0) {
			h->threaded = false;
			return handoff_give(h, len);
		}
		h->started = true;
	}
	pthread_mutex_lock(&h->mu);
	h->lens[h->given % NBUF] = len;
	h->given++;
	pthread_cond_broadcast(&h->cv);
	/* The next buffer must be free before it is filled. */
	while (h->given - h->taken == NBUF)
		pthread_cond_wait(&h->cv, &h->mu);
	int rc = h->rc;
	pthread_mutex_unlock(&h->mu);
	return rc;
}

int handoff_drain(struct handoff *h)
{
	if (!h->started)
		return h->rc;
	pthread_mutex_lock(&h->mu);
	while (h->taken != h->given)
		pthread_cond_wait(&h->cv, &h->mu);
	int rc = h->rc;
	pthread_mutex_unlock(&h->mu);
	return rc;
}

void handoff_free(struct handoff *h)
{
	if (!h)
		return;
	if (h->started) {
		pthread_mutex_lock(&h->mu);
		h->quit = true;
		pthread_cond_broadcast(&h->cv);
		pthread_mutex_unlock(&h->mu);
		pthread_join(h->th, NULL);
	}
	if (h->locks) {
		pthread_mutex_destroy(&h->mu);
		pthread_cond_destroy(&h->cv);
	}
	free(h);
}
