/* The read-ahead thread of a source over a file or a pipe (source.c): it
 * reads the next buffer while the caller scans the one before, so that the
 * kernel's copy out of the page cache, half the time of a fast scan, runs
 * beside the scan rather than before it. One read is asked for at a time.
 * Private to src/input. */
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
	bool positioned; /* pread() at `off` (a regular file), else read() */
	int stop[2];     /* a pipe: ahead_stop() writes, the thread's poll() hears */
	/* The read asked for and its outcome: each side writes them only
	 * before it hands the state over. */
	unsigned char *dst;
	size_t want;
	uint64_t off;
	ssize_t got; /* -1: `error` says why */
	int error;
};

/* Starts the thread for `fd`: false when none could be started. */
bool ahead_start(struct ahead *a, int fd, bool positioned);
/* Asks for up to `want` bytes into `dst`, from offset `off` when positioned. */
void ahead_ask(struct ahead *a, unsigned char *dst, size_t want, uint64_t off);
/* Waits for the read asked for: its byte count, 0 at the end, -1 with
 * *error set. */
ssize_t ahead_wait(struct ahead *a, int *error);
/* Ends the thread; on a pipe, a wait for bytes under way is cut short. */
void ahead_stop(struct ahead *a);

#endif
