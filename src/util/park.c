/* Spin, then sleep (ksd_park.h). A sleeper counts itself before it looks
 * at its condition again under the mutex, and a waker stores its change
 * before it looks at the count: with both sequentially consistent, either
 * the sleeper sees the change or the waker sees the sleeper and takes the
 * mutex, which the sleeper holds until it is waiting. */
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define relax() _mm_pause()
#else
#define relax() ((void)0)
#endif

#include <time.h>

#include "ksd_park.h"

/* Some tens of microseconds: about the time to read or decode the next
 * buffer, and short enough not to matter on a busy machine. */
#define SPIN_NS 50000

bool ksd_park_init(struct ksd_park *p)
{
	atomic_init(&p->sleepers, 0);
	if (pthread_mutex_init(&p->mu, NULL) != 0)
		return false;
	if (pthread_cond_init(&p->cv, NULL) != 0) {
		pthread_mutex_destroy(&p->mu);
		return false;
	}
	return true;
}

void ksd_park_destroy(struct ksd_park *p)
{
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
}

/* Nanoseconds on the monotonic clock. */
static long long now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

long long ksd_park_wait(struct ksd_park *p, ksd_park_ready_fn *ready, void *arg)
{
	long long start = 0;
	for (unsigned i = 0;; i++) {
		if (ready(arg))
			return start ? now() - start : 0;
		if (i % 64 == 0) {
			long long t = now();
			if (!start)
				start = t;
			else if (t - start > SPIN_NS)
				break;
		}
		relax();
	}
	pthread_mutex_lock(&p->mu);
	atomic_fetch_add(&p->sleepers, 1);
	while (!ready(arg))
		pthread_cond_wait(&p->cv, &p->mu);
	atomic_fetch_sub(&p->sleepers, 1);
	pthread_mutex_unlock(&p->mu);
	return now() - start;
}

void ksd_park_wake(struct ksd_park *p)
{
	if (atomic_load(&p->sleepers) == 0)
		return;
	pthread_mutex_lock(&p->mu);
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}
