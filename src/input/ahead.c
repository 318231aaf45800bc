/* The read-ahead thread (ahead.h): the caller and the thread hand one read
 * back and forth through `state`. A pipe is read only once poll() says it
 * has bytes or has ended, and the same poll() watches a pipe of our own
 * that ahead_stop() writes to: a caller that stops early does not wait for
 * a pipe whose writer has stalled. (Cancelling the thread inside its read
 * did the same, but leaves a sanitizer's stack records behind.) */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
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

/* Whether the input can be read without waiting; false when told to stop. */
static bool readable(const struct ahead *a)
{
	struct pollfd p[2] = {{.fd = a->fd, .events = POLLIN},
	                      {.fd = a->stop[0], .events = POLLIN}};
	while (poll(p, 2, -1) < 0)
		if (errno != EINTR)
			return true; /* let the read say what is wrong */
	return !p[1].revents;
}

/* The calling thread's CPU time in ns. */
static long long thread_cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void *work(void *arg)
{
	struct ahead *a = arg;
	for (;;) {
		ksd_park_wait(&a->park, asked_or_quit, a);
		if (atomic_load(&a->state) == QUIT)
			return NULL;
		if (a->may_stall && !readable(a))
			return NULL;
		long long cpu = thread_cpu();
		ssize_t n;
		do
			n = read(a->fd, a->dst, a->want);
		while (n < 0 && errno == EINTR);
		a->read_cpu = thread_cpu() - cpu;
		a->error = n < 0 ? errno : 0;
		a->got = n;
		int asked = ASKED;
		if (!atomic_compare_exchange_strong(&a->state, &asked, DONE))
			return NULL; /* told to quit while it read */
		ksd_park_wake(&a->park);
	}
}

bool ahead_start(struct ahead *a, int fd, bool may_stall)
{
	a->fd = fd;
	a->may_stall = may_stall;
	atomic_init(&a->state, IDLE);
	a->stop[0] = a->stop[1] = -1;
	if (may_stall && pipe2(a->stop, O_CLOEXEC) != 0)
		return false;
	if (ksd_park_init(&a->park)) {
		if (pthread_create(&a->tid, NULL, work, a) == 0)
			return true;
		ksd_park_destroy(&a->park);
	}
	if (may_stall) {
		close(a->stop[0]);
		close(a->stop[1]);
	}
	return false;
}

void ahead_ask(struct ahead *a, unsigned char *dst, size_t want)
{
	a->dst = dst;
	a->want = want;
	atomic_store(&a->state, ASKED);
	ksd_park_wake(&a->park);
}

ssize_t ahead_wait(struct ahead *a, int *error, long long *waited, long long *read_cpu)
{
	*waited = ksd_park_wait(&a->park, not_asked, a);
	*read_cpu = a->read_cpu;
	atomic_store(&a->state, IDLE);
	*error = a->error;
	return a->got;
}

void ahead_stop(struct ahead *a)
{
	atomic_store(&a->state, QUIT);
	ksd_park_wake(&a->park);
	if (a->may_stall) {
		ssize_t w;
		do
			w = write(a->stop[1], "", 1);
		while (w < 0 && errno == EINTR);
	}
	pthread_join(a->tid, NULL);
	ksd_park_destroy(&a->park);
	if (a->may_stall) {
		close(a->stop[0]);
		close(a->stop[1]);
	}
}
