/* Where one of two threads waits for the other's progress (the read-ahead
 * of input/ahead.c, the hand-off of reader/handoff.c). A wait spins a while
 * on the caller's condition before it sleeps, and a wake-up costs a system
 * call only when a thread sleeps: both sides are usually microseconds
 * apart, and a sleep and a wake-up per buffer cost a tenth of a fast
 * scan's time. */
#ifndef KSD_PARK_H
#define KSD_PARK_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

struct ksd_park {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	atomic_int sleepers;
};

/* False when the mutex or the condition cannot be made. */
bool ksd_park_init(struct ksd_park *p);
void ksd_park_destroy(struct ksd_park *p);

/* Whether what the caller waits for is there. It must read what the other
 * thread changes with sequentially consistent atomic loads: that is what
 * keeps a wake-up from being lost. */
typedef bool ksd_park_ready_fn(void *arg);

/* Returns once ready(arg) holds: about how many nanoseconds it waited
 * (0 when ready at once). */
long long ksd_park_wait(struct ksd_park *p, ksd_park_ready_fn *ready, void *arg);
/* Called after a sequentially consistent atomic store that may make the
 * other thread's condition hold. */
void ksd_park_wake(struct ksd_park *p);

#endif
