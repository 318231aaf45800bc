/* The byte source: peek, read, skip and seek agree on positions, on files
 * and on pipes, and never read past the end. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ksd_source.h"
#include "lib/feed.h"

#define SIZE (3u << 20)  /* spans several internal buffers */
#define LONG (24u << 20) /* long enough to be read ahead */

static unsigned char byte_at(uint64_t i)
{
	return (unsigned char)(i * 7 + i / 251);
}

static unsigned char *data;

static void setup(void)
{
	data = malloc(LONG);
	ck_assert_ptr_nonnull(data);
	for (uint64_t i = 0; i < LONG; i++)
		data[i] = byte_at(i);
}

static void teardown(void)
{
	free(data);
}

/* The bytes from a file, or from a pipe on stdin: not seekable. */
static struct ksd_source *open_src(int via_pipe)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	return ksd_source_open(feed_stage(data, SIZE, via_pipe ? FEED_PIPE : FEED_FILE), &err);
}

START_TEST(skip_read_and_tell_agree)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = open_src(_i);
	ck_assert_ptr_nonnull(src);
	ck_assert_int_eq(ksd_source_seekable(src), !_i);
	size_t got;
	const unsigned char *h = ksd_source_peek(src, 16, &got);
	ck_assert_uint_eq(got, 16);
	ck_assert_uint_eq(h[5], byte_at(5));
	ck_assert_uint_eq(ksd_source_tell(src), 0);
	ck_assert_int_eq(ksd_source_skip(src, 1500000, &err), KSD_OK);
	unsigned char b[4];
	ck_assert_int_eq(ksd_source_read_exact(src, b, 4, &err), KSD_OK);
	ck_assert_uint_eq(b[0], byte_at(1500000));
	ck_assert_uint_eq(b[3], byte_at(1500003));
	ck_assert_int_eq(ksd_source_skip(src, SIZE - 1500004 - 1, &err), KSD_OK);
	ck_assert_int_eq(ksd_source_read_exact(src, b, 1, &err), KSD_OK);
	ck_assert_uint_eq(b[0], byte_at(SIZE - 1));
	ck_assert_int_eq(ksd_source_read_exact(src, b, 1, &err), KSD_FATAL);
	ck_assert_str_eq(err.msg, "unexpected end of input (1 more bytes needed)");
	ck_assert_int_eq(err.offset, SIZE);
	ksd_source_free(src);
}
END_TEST

START_TEST(skipping_past_the_end_is_an_error)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = open_src(_i);
	ck_assert_int_eq(ksd_source_skip(src, SIZE + 10, &err), KSD_FATAL);
	ck_assert(strstr(err.msg, "unexpected end of input") != NULL);
	ksd_source_free(src);
}
END_TEST

START_TEST(seek_backwards_on_a_file)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = open_src(0);
	ck_assert_int_eq(ksd_source_skip(src, 2000000, &err), KSD_OK);
	unsigned char b;
	ck_assert_int_eq(ksd_source_seek(src, 10, &err), KSD_OK);
	ck_assert_int_eq(ksd_source_read_exact(src, &b, 1, &err), KSD_OK);
	ck_assert_uint_eq(b, byte_at(10));
	ck_assert_uint_eq(ksd_source_tell(src), 11);
	ck_assert_int_eq(ksd_source_size(src), SIZE);
	ksd_source_free(src);
}
END_TEST

/* Borrowed chunks hold the input's bytes in order, across buffer refills and
 * whatever `max` asks for. */
START_TEST(next_walks_the_whole_input)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = open_src(_i);
	uint64_t off = 0;
	size_t max = 777777;
	for (;;) {
		const unsigned char *d;
		size_t len;
		ck_assert_int_eq(ksd_source_next(src, &d, &len, max, &err), KSD_OK);
		if (len == 0)
			break;
		ck_assert_uint_le(len, max);
		for (size_t k = 0; k < len; k++)
			if (d[k] != byte_at(off + k))
				ck_abort_msg("byte %llu differs", (unsigned long long)(off + k));
		off += len;
		ck_assert_uint_eq(ksd_source_tell(src), off);
		max = max == 777777 ? SIZE : 777777;
	}
	ck_assert_uint_eq(off, SIZE);
	ksd_source_free(src);
}
END_TEST

/* Reads, peeks, skips and seeks after borrowed chunks start where the chunk
 * ended. */
START_TEST(next_then_read_agree)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = open_src(_i);
	const unsigned char *d;
	size_t len;
	unsigned char b[4];
	/* A pipe may hand out less than asked. */
	for (uint64_t left = 100000; left > 0; left -= len) {
		ck_assert_int_eq(ksd_source_next(src, &d, &len, left, &err), KSD_OK);
		ck_assert_uint_gt(len, 0);
	}
	ck_assert_int_eq(ksd_source_read_exact(src, b, 4, &err), KSD_OK);
	ck_assert_uint_eq(b[0], byte_at(100000));
	ck_assert_uint_eq(b[3], byte_at(100003));
	/* Past the first buffer, then borrowing again, then reading again. */
	ck_assert_int_eq(ksd_source_skip(src, 2500000 - 100004, &err), KSD_OK);
	ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE, &err), KSD_OK);
	ck_assert_uint_gt(len, 0);
	ck_assert_uint_eq(d[0], byte_at(2500000));
	uint64_t at = 2500000 + len;
	ck_assert_uint_eq(ksd_source_tell(src), at);
	size_t got;
	const unsigned char *h = ksd_source_peek(src, 3, &got);
	if (at < SIZE) {
		ck_assert_uint_eq(h[0], byte_at(at));
		ck_assert_int_eq(ksd_source_read_exact(src, b, 1, &err), KSD_OK);
		ck_assert_uint_eq(b[0], byte_at(at));
	} else {
		ck_assert_uint_eq(got, 0);
	}
	if (!_i) {
		ck_assert_int_eq(ksd_source_seek(src, 7, &err), KSD_OK);
		ck_assert_int_eq(ksd_source_next(src, &d, &len, 2, &err), KSD_OK);
		ck_assert_uint_eq(len, 2);
		ck_assert_uint_eq(d[0], byte_at(7));
		ck_assert_int_eq(ksd_source_read_exact(src, b, 1, &err), KSD_OK);
		ck_assert_uint_eq(b[0], byte_at(9));
	}
	ksd_source_free(src);
}
END_TEST

static void expect_at(const unsigned char *d, size_t len, uint64_t off)
{
	for (size_t k = 0; k < len; k++)
		if (d[k] != byte_at(off + k))
			ck_abort_msg("byte %llu differs", (unsigned long long)(off + k));
}

/* Borrows chunks from `off` on, checking each, until `until` or the end of
 * input: where it stopped. */
static uint64_t borrow_until(struct ksd_source *src, uint64_t off, uint64_t until)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	const unsigned char *d;
	size_t len = 1;
	while (off < until && len > 0) {
		size_t max = until - off < SIZE ? (size_t)(until - off) : SIZE;
		ck_assert_int_eq(ksd_source_next(src, &d, &len, max, &err), KSD_OK);
		expect_at(d, len, off);
		off += len;
	}
	return off;
}

/* A file still being written: bytes appended after its end was read are
 * read too. `size` bytes are staged and borrowed to their end first. */
static void follow_growing(const unsigned char *bytes, size_t size)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	const char *path = feed_stage(bytes, size, FEED_FILE);
	struct ksd_source *src = ksd_source_open(path, &err);
	ck_assert_uint_eq(borrow_until(src, 0, size), size);
	FILE *f = fopen(path, "ab");
	ck_assert_ptr_nonnull(f);
	fputs("tail", f);
	fclose(f);
	const unsigned char *d;
	size_t len;
	ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE, &err), KSD_OK);
	ck_assert_uint_eq(len, 4);
	ck_assert_mem_eq(d, "tail", 4);
	ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE, &err), KSD_OK);
	ck_assert_uint_eq(len, 0);
	ksd_source_free(src);
}

START_TEST(next_follows_a_growing_file)
{
	follow_growing(data, SIZE);
}
END_TEST

/* Past a few buffers of a long sequential read, a file or a pipe is read
 * ahead by a second thread (input/ahead.h): every call still sees the
 * bytes in order, wherever the swaps of its buffers fall. */

/* A fixed walk through every call of the interface, sizes and seeks drawn
 * from a small generator so that a failure repeats. */
START_TEST(read_ahead_keeps_every_call_in_order)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src =
	    ksd_source_open(feed_stage(data, LONG, _i ? FEED_PIPE : FEED_FILE), &err);
	ck_assert_ptr_nonnull(src);
	static unsigned char buf[1u << 20];
	uint32_t r = 12345;
	uint64_t off = 0;
	while (off < LONG) {
		r = r * 1103515245u + 12345u;
		/* Mostly short, so that many fall across the buffers' seams. */
		size_t n = (r >> 8) % ((r & 7) == 0 ? 700u << 10 : 100u << 10) + 1, got;
		unsigned op = (r >> 24) % 64;
		const unsigned char *d;
		ssize_t k;
		if (op < 24) {
			n %= KSD_SOURCE_PEEK_MAX;
			d = ksd_source_peek(src, n, &got);
			ck_assert_ptr_nonnull(d);
			ck_assert_uint_eq(got, n < LONG - off ? n : LONG - off);
			expect_at(d, got, off);
		} else if (op < 40) {
			ck_assert_int_eq(ksd_source_next(src, &d, &got, n, &err), KSD_OK);
			ck_assert_uint_gt(got, 0);
			expect_at(d, got, off);
			off += got;
		} else if (op < 52) {
			k = ksd_source_read(src, buf, n, &err);
			ck_assert_int_gt(k, 0);
			expect_at(buf, (size_t)k, off);
			off += (uint64_t)k;
		} else if (op < 60) {
			n = n < LONG - off ? n : LONG - off;
			ck_assert_int_eq(ksd_source_skip(src, n, &err), KSD_OK);
			off += n;
		} else if (_i) {
			/* a pipe cannot seek */
		} else if (op < 63) { /* back a little, within what was read */
			uint64_t back = (r >> 4) % 1000;
			off -= back < off ? back : off;
			ck_assert_int_eq(ksd_source_seek(src, off, &err), KSD_OK);
		} else { /* far back or ahead, and now and then to the end */
			off = (r & 0x100) ? LONG - 1 : (uint64_t)(r >> 4) % LONG;
			ck_assert_int_eq(ksd_source_seek(src, off, &err), KSD_OK);
		}
		ck_assert_uint_eq(ksd_source_tell(src), off);
	}
	const unsigned char *d;
	size_t got;
	ck_assert_int_eq(ksd_source_next(src, &d, &got, SIZE, &err), KSD_OK);
	ck_assert_uint_eq(got, 0);
	ksd_source_free(src);
}
END_TEST

/* Borrowing to the end, as the plain reader does: the thread's reads end
 * the input as they should, and a file that grows after its end was read
 * ahead is read on. */
START_TEST(read_ahead_follows_a_growing_file)
{
	follow_growing(data, LONG);
}
END_TEST

/* A seek back to just before a borrowed chunk, right after the read-ahead
 * buffer came in: the byte lies in no buffer now and is read again. */
START_TEST(read_ahead_seeks_back_across_a_swap)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = ksd_source_open(feed_stage(data, LONG, FEED_FILE), &err);
	const unsigned char *d;
	size_t len;
	uint64_t off = 0;
	int backs = 0;
	while (off < LONG) {
		ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE, &err), KSD_OK);
		expect_at(d, len, off);
		/* Once the thread reads ahead (a seek stops it for a while). */
		if ((off > (6u << 20) && backs == 0) || (off > (16u << 20) && backs == 1)) {
			unsigned char b;
			ck_assert_int_eq(ksd_source_seek(src, off - 1, &err), KSD_OK);
			ck_assert_int_eq(ksd_source_read_exact(src, &b, 1, &err), KSD_OK);
			ck_assert_uint_eq(b, byte_at(off - 1));
			ck_assert_int_eq(ksd_source_seek(src, off + len, &err), KSD_OK);
			backs++;
		}
		off += len;
	}
	ck_assert_int_eq(backs, 2);
	ksd_source_free(src);
}
END_TEST

/* A file cut shorter while it is read ends where it was cut: its size at
 * open no longer holds, and no read is asked for again and again. */
START_TEST(read_ahead_ends_a_file_cut_short)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	const char *path = feed_stage(data, LONG, FEED_FILE);
	struct ksd_source *src = ksd_source_open(path, &err);
	uint64_t off = borrow_until(src, 0, 6u << 20);
	FILE *f = fopen(path, "r+b");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(ftruncate(fileno(f), 8u << 20), 0);
	fclose(f);
	off = borrow_until(src, off, UINT64_MAX);
	ck_assert_uint_le(off, LONG);
	ck_assert_uint_ge(off, 8u << 20);
	ksd_source_free(src);
}
END_TEST

static int stall_fd;

/* Writes `len` bytes of data into the pipe, `piece` at a time, resting
 * `rest_us` microseconds after each. */
static void write_slowly(size_t len, size_t piece, long rest_us)
{
	for (size_t at = 0; at < len;) {
		ssize_t n = write(stall_fd, data + at, len - at < piece ? len - at : piece);
		ck_assert_int_gt(n, 0);
		at += (size_t)n;
		if (rest_us)
			nanosleep(&(struct timespec){0, rest_us * 1000}, NULL);
	}
}

static void *write_half(void *arg)
{
	(void)arg;
	write_slowly(LONG / 2, LONG, 0);
	return NULL;
}

static void *write_slow(void *arg)
{
	(void)arg;
	write_slowly(LONG, 64u << 10, 300);
	return NULL;
}

/* Reads the first `len` bytes a writer thread puts into a pipe, through a
 * source; the pipe stays open until the source is freed. */
static void read_pipe(void *(*writer_fn)(void *), uint64_t len)
{
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	stall_fd = p[1];
	pthread_t writer;
	ck_assert_int_eq(pthread_create(&writer, NULL, writer_fn, NULL), 0);
	char name[32];
	snprintf(name, sizeof(name), "/dev/fd/%d", p[0]);
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = ksd_source_open(name, &err);
	ck_assert_ptr_nonnull(src);
	ck_assert_uint_eq(borrow_until(src, 0, len), len);
	pthread_join(writer, NULL);
	ksd_source_free(src);
	close(p[0]);
	close(p[1]);
}

/* A writer slower than the reader: the caller sleeps for the thread's
 * reads, gives it up after a few and reads on in turn, every byte in
 * order. */
START_TEST(read_ahead_gives_way_to_a_slow_pipe)
{
	read_pipe(write_slow, LONG);
}
END_TEST

/* A pipe whose writer stalls, its end never written: the thread waits for
 * bytes, and a caller that stops there is not held up by it (without the
 * thread's stop pipe, this test hangs). */
START_TEST(read_ahead_stops_on_a_stalled_pipe)
{
	read_pipe(write_half, LONG / 2);
}
END_TEST

Suite *source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("source");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, skip_read_and_tell_agree, 0, 2);
	tcase_add_loop_test(tc, skipping_past_the_end_is_an_error, 0, 2);
	tcase_add_test(tc, seek_backwards_on_a_file);
	tcase_add_loop_test(tc, next_walks_the_whole_input, 0, 2);
	tcase_add_loop_test(tc, next_then_read_agree, 0, 2);
	tcase_add_test(tc, next_follows_a_growing_file);
	suite_add_tcase(s, tc);
	tc = tcase_create("read-ahead");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, read_ahead_keeps_every_call_in_order, 0, 2);
	tcase_add_test(tc, read_ahead_follows_a_growing_file);
	tcase_add_test(tc, read_ahead_seeks_back_across_a_swap);
	tcase_add_test(tc, read_ahead_ends_a_file_cut_short);
	tcase_add_test(tc, read_ahead_stops_on_a_stalled_pipe);
	tcase_add_test(tc, read_ahead_gives_way_to_a_slow_pipe);
	suite_add_tcase(s, tc);
	return s;
}
