/* The read-ahead thread of a source over a file or a pipe (source.c): it
 * reads the next buffer while the caller scans the one before, so that the
 * kernel's copy out of the page cache, half the time of a fast scan, runs
 * beside the scan rather than before it. One read is asked for at a time,
 * with read(2): the descriptor's offset stays where the caller's own reads
 * go on. Private to src/input. */
#ifndef KSD_INPUT_AHEAD_H
#define KSD_INPUT_AHEAD_H

#include <stdint.h>
#include <sys/types.h>

#include "ksd_park.h"

struct ahead {
	pthread_t tid;
	struct ksd_park park;
	atomic_int state; /* IDLE, ASKED, DONE or QUIT (ahead.c) */
	int fd;
	bool may_stall; /* a pipe or the like: waited for in poll() */
	int stop[2];    /* then a pipe: ahead_stop() writes, the thread's poll() hears */
	/* The read asked for and its outcome: each side writes them only
	 * before it hands the state over. */
	unsigned char *dst;
	size_t want;
	ssize_t got; /* -1: `error` says why */
	int error;
	long long read_cpu; /* the thread's CPU time for the read, in ns */
};

/* Starts the thread for `fd`: false when none could be started. */
bool ahead_start(struct ahead *a, int fd, bool may_stall);
/* Asks for up to `want` bytes into `dst`. */
void ahead_ask(struct ahead *a, unsigned char *dst, size_t want);
/* Waits for the read asked for: its byte count, 0 at the end, -1 with
 * *error set. *waited: how long the caller waited for it; *read_cpu: the
 * thread's CPU time for it (both in ns). */
ssize_t ahead_wait(struct ahead *a, int *error, long long *waited, long long *read_cpu);
/* Ends the thread; where it may stall, a wait for bytes under way is cut
 * short. */
void ahead_stop(struct ahead *a);

#endif
