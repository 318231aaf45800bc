/* The read-ahead thread (ahead.h): the caller and the thread hand one read
 * back and forth through `state`. The thread can be cancelled only inside
 * its read: a caller that stops early does not wait on a pipe whose writer
 * has stalled. */
#include <errno.h>
#include <unistd.h>

#include "input/ahead.h"

enum { IDLE, ASKED, DONE, QUIT };

static bool asked_or_quit(void *arg)
{
	int s = atomic_load(&((struct ahead *)arg)->state);
	return s == ASKED || s == QUIT;
}

static bool not_asked(void *arg)
{
	return atomic_load(&((struct ahead *)arg)->state) != ASKED;
}

static void *work(void *arg)
{
	struct ahead *a = arg;
	int was;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &was);
	for (;;) {
		ksd_park_wait(&a->park, asked_or_quit, a);
		if (atomic_load(&a->state) == QUIT)
			return NULL;
		ssize_t n;
		pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &was);
		do
			n = a->positioned ? pread(a->fd, a->dst, a->want, (off_t)a->off)
			                  : read(a->fd, a->dst, a->want);
		while (n < 0 && errno == EINTR);
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &was);
		a->error = n < 0 ? errno : 0;
		a->got = n;
		int asked = ASKED;
		if (!atomic_compare_exchange_strong(&a->state, &asked, DONE))
			return NULL; /* told to quit while it read */
		ksd_park_wake(&a->park);
	}
}

bool ahead_start(struct ahead *a, int fd, bool positioned)
{
	a->fd = fd;
	a->positioned = positioned;
	atomic_init(&a->state, IDLE);
	if (!ksd_park_init(&a->park))
		return false;
	if (pthread_create(&a->tid, NULL, work, a) != 0) {
		ksd_park_destroy(&a->park);
		return false;
	}
	return true;
}

void ahead_ask(struct ahead *a, unsigned char *dst, size_t want, uint64_t off)
{
	a->dst = dst;
	a->want = want;
	a->off = off;
	atomic_store(&a->state, ASKED);
	ksd_park_wake(&a->park);
}

ssize_t ahead_wait(struct ahead *a, int *error)
{
	ksd_park_wait(&a->park, not_asked, a);
	atomic_store(&a->state, IDLE);
	*error = a->error;
	return a->got;
}

void ahead_stop(struct ahead *a)
{
	atomic_store(&a->state, QUIT);
	ksd_park_wake(&a->park);
	pthread_cancel(a->tid);
	pthread_join(a->tid, NULL);
	ksd_park_destroy(&a->park);
}
