/* The block decoders: every algorithm round-trips in any slicing, stops at
 * its output cap, and tells a truncated or corrupt stream from a whole one. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "lib/archive_builder.h"
#include "ksd_err.h"
#include "reader/codec.h"

struct sink {
	char *p;
	size_t len;
};

static int collect(void *ctx, const char *data, size_t len)
{
	struct sink *s = ctx;
	s->p = realloc(s->p, s->len + len);
	memcpy(s->p + s->len, data, len);
	s->len += len;
	return KSD_OK;
}

/* A gzip file (not a zlib stream), as pg_dump -Fd writes NNNN.dat.gz. */
static unsigned char *gzip_bytes(const void *in, size_t len, size_t *out)
{
	z_stream z = {0};
	ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&z, len);
	unsigned char *p = malloc(cap);
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	z.next_out = p;
	z.avail_out = (uInt)cap;
	ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	*out = cap - z.avail_out;
	deflateEnd(&z);
	return p;
}

/* What archive data comes in, uncompressed first. */
static const enum ksd_compression algs[] = {KSD_COMP_NONE, KSD_COMP_ZLIB, KSD_COMP_GZIP,
                                            KSD_COMP_LZ4, KSD_COMP_ZSTD};
#define NALGS (sizeof(algs) / sizeof(algs[0]))

static unsigned char *encode(enum ksd_compression alg, const void *in, size_t len, size_t *out)
{
	static const enum ab_comp map[KSD_COMP_COUNT] = {[KSD_COMP_NONE] = AB_NONE,
	                                                 [KSD_COMP_ZLIB] = AB_ZLIB,
	                                                 [KSD_COMP_LZ4] = AB_LZ4,
	                                                 [KSD_COMP_ZSTD] = AB_ZSTD};
	if (alg == KSD_COMP_GZIP)
		return gzip_bytes(in, len, out);
	return ab_compress(map[alg], in, len, out);
}

static char *sample(size_t len)
{
	char *p = malloc(len);
	for (size_t i = 0; i < len; i++)
		p[i] = (char)("metadata\tvalue\n"[i % 15] + (i / 4096) % 3);
	return p;
}

START_TEST(every_algorithm_round_trips_in_any_slicing)
{
	enum ksd_compression alg = algs[_i];
	size_t len = 300000;
	char *text = sample(len);
	size_t zlen;
	unsigned char *z = encode(alg, text, len, &zlen);
	static const size_t slices[] = {1, 7, 4096, 1u << 30};
	for (size_t k = 0; k < 4; k++) {
		if (slices[k] == 1 && zlen > 20000)
			continue; /* byte by byte only where it stays quick */
		struct sink s = {0};
		/* Capped: on this thread; uncapped: on the hand-off's. */
		struct codec *c = codec_new(alg, k % 2 ? UINT64_MAX : 1u << 20, collect, &s);
		ck_assert_ptr_nonnull(c);
		for (size_t at = 0; at < zlen; at += slices[k]) {
			size_t n = zlen - at < slices[k] ? zlen - at : slices[k];
			ck_assert_int_eq(codec_feed(c, z + at, n), KSD_OK);
		}
		ck_assert_msg(codec_end(c) == KSD_OK, "algorithm %d: %s", (int)alg, codec_error(c));
		ck_assert_uint_eq(s.len, len);
		ck_assert(memcmp(s.p, text, len) == 0);
		codec_free(c);
		free(s.p);
	}
	free(z);
	free(text);
}
END_TEST

START_TEST(output_past_the_cap_is_a_bomb)
{
	enum ksd_compression alg = algs[_i];
	size_t len = 4u << 20;
	char *zeros = calloc(1, len);
	size_t zlen;
	unsigned char *z = encode(alg, zeros, len, &zlen);
	struct sink s = {0};
	struct codec *c = codec_new(alg, 65536, collect, &s);
	ck_assert_int_eq(codec_feed(c, z, zlen), KSD_FATAL);
	ck_assert_str_eq(codec_error(c), "data expands past 65536 bytes (a decompression bomb?)");
	ck_assert_uint_le(s.len, 65536);
	ck_assert_int_eq(codec_feed(c, z, 1), KSD_FATAL); /* stays stopped */
	codec_free(c);
	free(s.p);
	free(z);
	free(zeros);
}
END_TEST

START_TEST(a_cut_stream_is_not_whole)
{
	enum ksd_compression alg = algs[_i];
	char *text = sample(5000);
	size_t zlen;
	unsigned char *z = encode(alg, text, 5000, &zlen);
	for (size_t cut = 1; cut < zlen; cut += 1 + zlen / 50) {
		struct sink s = {0};
		struct codec *c = codec_new(alg, 1u << 20, collect, &s);
		int rc = codec_feed(c, z, cut);
		if (rc == KSD_OK)
			rc = codec_end(c);
		ck_assert_msg(rc == KSD_FATAL, "algorithm %d cut at %zu of %zu", (int)alg, cut,
		              zlen);
		ck_assert(codec_error(c)[0]);
		codec_free(c);
		free(s.p);
	}
	free(z);
	free(text);
}
END_TEST

START_TEST(gzip_members_concatenate_but_a_zlib_stream_is_one)
{
	size_t a, b;
	unsigned char *g1 = gzip_bytes("first\n", 6, &a);
	unsigned char *g2 = gzip_bytes("second\n", 7, &b);
	struct sink s = {0};
	struct codec *c = codec_new(KSD_COMP_GZIP, 100, collect, &s);
	ck_assert_int_eq(codec_feed(c, g1, a), KSD_OK);
	ck_assert_int_eq(codec_feed(c, g2, b), KSD_OK);
	ck_assert_int_eq(codec_end(c), KSD_OK);
	ck_assert_uint_eq(s.len, 13);
	ck_assert(memcmp(s.p, "first\nsecond\n", 13) == 0);
	codec_free(c);
	free(s.p);
	free(g1);
	free(g2);

	size_t zlen;
	unsigned char *z = ab_compress(AB_ZLIB, "x", 1, &zlen);
	s = (struct sink){0};
	c = codec_new(KSD_COMP_ZLIB, 100, collect, &s);
	ck_assert_int_eq(codec_feed(c, z, zlen), KSD_OK);
	ck_assert_int_eq(codec_feed(c, "junk", 4), KSD_FATAL);
	ck_assert_str_eq(codec_error(c), "data after the end of the compressed stream");
	codec_free(c);
	free(s.p);
	free(z);
}
END_TEST

static int refuse_first(void *ctx, const char *data, size_t len)
{
	(void)data;
	(void)len;
	return ++*(int *)ctx == 1 ? KSD_WARN : KSD_OK;
}

/* The callback's failure, told on whichever thread it ran, stops the codec
 * and is what the codec returns. */
START_TEST(a_callback_failure_stops_the_codec)
{
	size_t len = 1u << 20;
	char *text = sample(len);
	size_t zlen;
	unsigned char *z = encode(algs[_i], text, len, &zlen);
	int calls = 0;
	struct codec *c = codec_new(algs[_i], UINT64_MAX, refuse_first, &calls);
	int rc = codec_feed(c, z, zlen);
	if (rc == KSD_OK)
		rc = codec_end(c);
	ck_assert_int_eq(rc, KSD_WARN);
	ck_assert_int_eq(calls, 1); /* nothing after the failure */
	ck_assert_str_eq(codec_error(c), "");
	ck_assert_int_eq(codec_feed(c, z, 1), KSD_FATAL); /* stays stopped */
	codec_free(c);
	free(z);
	free(text);
}
END_TEST

START_TEST(no_input_is_an_empty_block)
{
	for (size_t i = 0; i < NALGS; i++) {
		struct sink s = {0};
		struct codec *c = codec_new(algs[i], 100, collect, &s);
		ck_assert_int_eq(codec_end(c), KSD_OK);
		ck_assert_uint_eq(s.len, 0);
		codec_free(c);
	}
}
END_TEST

START_TEST(magic_bytes_name_the_algorithm)
{
	ck_assert_int_eq(codec_sniff((const unsigned char *)"\x1f\x8b\x08", 3), KSD_COMP_GZIP);
	ck_assert_int_eq(codec_sniff((const unsigned char *)"\x28\xb5\x2f\xfd", 4), KSD_COMP_ZSTD);
	ck_assert_int_eq(codec_sniff((const unsigned char *)"\x04\x22\x4d\x18", 4), KSD_COMP_LZ4);
	ck_assert_int_eq(codec_sniff((const unsigned char *)"storage\t1\n", 10), KSD_COMP_NONE);
	ck_assert_int_eq(codec_sniff((const unsigned char *)"\x1f", 1), KSD_COMP_NONE);
	ck_assert_int_eq(codec_sniff(NULL, 0), KSD_COMP_NONE);
}
END_TEST

Suite *codec_suite(void)
{
	Suite *s = suite_create("codec");
	TCase *tc = tcase_create("codec");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, every_algorithm_round_trips_in_any_slicing, 0, NALGS);
	tcase_add_loop_test(tc, output_past_the_cap_is_a_bomb, 0, NALGS);
	tcase_add_loop_test(tc, a_cut_stream_is_not_whole, 1, NALGS);
	tcase_add_test(tc, gzip_members_concatenate_but_a_zlib_stream_is_one);
	tcase_add_loop_test(tc, a_callback_failure_stops_the_codec, 1, NALGS);
	tcase_add_test(tc, no_input_is_an_empty_block);
	tcase_add_test(tc, magic_bytes_name_the_algorithm);
	suite_add_tcase(s, tc);
	return s;
}
