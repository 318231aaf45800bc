/* The byte source: peek, read, skip and seek agree on positions, on files
 * and on pipes, and never read past the end. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ksd_source.h"
#include "lib/feed.h"

#define SIZE (3u << 20) /* spans several internal buffers */

static unsigned char byte_at(uint64_t i)
{
	return (unsigned char)(i * 7 + i / 251);
}

static unsigned char *data;

static void setup(void)
{
	data = malloc(SIZE);
	ck_assert_ptr_nonnull(data);
	for (uint64_t i = 0; i < SIZE; i++)
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

/* A file still being written: bytes appended after open are read too. */
START_TEST(next_follows_a_growing_file)
{
	struct ksd_err err;
	ksd_err_clear(&err);
	const char *path = feed_stage(data, SIZE, FEED_FILE);
	struct ksd_source *src = ksd_source_open(path, &err);
	const unsigned char *d;
	size_t len;
	uint64_t off = 0;
	while (off < SIZE) {
		ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE - off, &err), KSD_OK);
		ck_assert_uint_gt(len, 0);
		off += len;
	}
	FILE *f = fopen(path, "ab");
	ck_assert_ptr_nonnull(f);
	fputs("tail", f);
	fclose(f);
	ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE, &err), KSD_OK);
	ck_assert_uint_eq(len, 4);
	ck_assert_mem_eq(d, "tail", 4);
	ck_assert_int_eq(ksd_source_next(src, &d, &len, SIZE, &err), KSD_OK);
	ck_assert_uint_eq(len, 0);
	ksd_source_free(src);
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
	return s;
}
