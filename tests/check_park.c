/* The park (ksd_park.h): two threads handing a token back and forth many
 * times, some hand-overs within the spin and some after the waiter fell
 * asleep, never lose a wake-up (a lost one hangs the test until Check's
 * timeout). */
#include <check.h>
#include <pthread.h>
#include <time.h>

#include "ksd_park.h"

#define ROUNDS 2000

struct ping {
	struct ksd_park park;
	atomic_uint turn; /* even: the first thread's, odd: the second's */
};

static bool odd_turn(void *arg)
{
	return atomic_load(&((struct ping *)arg)->turn) % 2 == 1;
}

static bool even_turn(void *arg)
{
	return atomic_load(&((struct ping *)arg)->turn) % 2 == 0;
}

/* Every 64th hand-over waits past the spin, so the other side sleeps. */
static void pass(struct ping *p, unsigned round)
{
	if (round % 64 == 0)
		nanosleep(&(struct timespec){0, 200000}, NULL);
	atomic_fetch_add(&p->turn, 1);
	ksd_park_wake(&p->park);
}

static void *second(void *arg)
{
	struct ping *p = arg;
	for (unsigned r = 0; r < ROUNDS; r++) {
		ksd_park_wait(&p->park, odd_turn, p);
		pass(p, r);
	}
	return NULL;
}

START_TEST(no_hand_over_is_lost)
{
	struct ping p;
	atomic_init(&p.turn, 0);
	ck_assert(ksd_park_init(&p.park));
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, second, &p), 0);
	for (unsigned r = 0; r < ROUNDS; r++) {
		ksd_park_wait(&p.park, even_turn, &p);
		pass(&p, r + 32);
	}
	pthread_join(t, NULL);
	ck_assert_uint_eq(atomic_load(&p.turn), 2 * ROUNDS);
	ksd_park_destroy(&p.park);
}
END_TEST

Suite *park_suite(void)
{
	Suite *s = suite_create("park");
	TCase *tc = tcase_create("park");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, no_hand_over_is_lost);
	suite_add_tcase(s, tc);
	return s;
}
