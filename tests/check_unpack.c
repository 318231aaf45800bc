/* Our decoders for compressed plain input (input/unpack.c): gzip and xz
 * round-trip in any slicing of input and output, gzip members concatenate
 * while trailing bytes are ignored, and a cut or changed stream is an
 * error. The gzip cases pass without a test when the build has no ISA-L. */
#include <check.h>
#include <lzma.h>
#include <stdlib.h>
#include <string.h>

#include "input/unpack.h"
#include "lib/archive_builder.h"
#include "lib/feed.h"

enum form { GZIP, XZ, XZ_BLOCKS };

static const enum ksd_compression comp_of[] = {KSD_COMP_GZIP, KSD_COMP_XZ, KSD_COMP_XZ};

/* xz in one block, or in 64 KiB blocks on two threads as xz -T2 writes
 * them (the sizes in the block headers let the decoder use threads). */
static unsigned char *xz_bytes(const void *in, size_t len, bool blocks, size_t *out)
{
	lzma_stream x = LZMA_STREAM_INIT;
	lzma_mt mt = {
	    .threads = 2, .block_size = 64u << 10, .preset = 1, .check = LZMA_CHECK_CRC64};
	if (blocks)
		ck_assert_int_eq(lzma_stream_encoder_mt(&x, &mt), LZMA_OK);
	else
		ck_assert_int_eq(lzma_easy_encoder(&x, 1, LZMA_CHECK_CRC64), LZMA_OK);
	size_t cap = lzma_stream_buffer_bound(len) + (len >> 4) + 4096;
	unsigned char *p = malloc(cap);
	x.next_in = in;
	x.avail_in = len;
	x.next_out = p;
	x.avail_out = cap;
	ck_assert_int_eq(lzma_code(&x, LZMA_FINISH), LZMA_STREAM_END);
	*out = cap - x.avail_out;
	lzma_end(&x);
	return p;
}

static unsigned char *encode(enum form f, const void *in, size_t len, size_t *out)
{
	if (f == GZIP)
		return ab_compress(AB_GZIP, in, len, out);
	return xz_bytes(in, len, f == XZ_BLOCKS, out);
}

static char *sample(size_t len)
{
	char *p = malloc(len);
	for (size_t i = 0; i < len; i++)
		p[i] = (char)("COPY public.objects\t{\"a\": 1}\n"[i % 29] + (i / 5000) % 7);
	return p;
}

struct result {
	enum unpack_status st;
	char *out;
	size_t len;
	const char *error;
};

/* Decodes z as the byte source does: windows of `slice` bytes (at least
 * UNPACK_LOOKAHEAD unless the input ends), output `cap` bytes at a time. */
static struct result decode(enum ksd_compression comp, const unsigned char *z, size_t zlen,
                            size_t slice, size_t cap)
{
	struct result r = {UNPACK_OK, malloc(1), 0, NULL};
	struct unpack *u = unpack_new(comp);
	ck_assert_ptr_nonnull(u);
	unsigned char *buf = malloc(cap);
	size_t at = 0;
	for (unsigned idle = 0; idle < 3;) {
		size_t n = slice < UNPACK_LOOKAHEAD ? UNPACK_LOOKAHEAD : slice;
		if (n > zlen - at)
			n = zlen - at;
		size_t used, made;
		r.st = unpack_step(u, z + at, n, at + n == zlen, &used, buf, cap, &made);
		ck_assert_uint_le(used, n);
		ck_assert_uint_le(made, cap);
		at += used;
		r.out = realloc(r.out, r.len + made + 1);
		memcpy(r.out + r.len, buf, made);
		r.len += made;
		if (r.st != UNPACK_OK)
			break;
		idle = used || made ? 0 : idle + 1; /* no progress is a bug */
	}
	ck_assert_msg(r.st != UNPACK_OK, "no progress at %zu of %zu", at, zlen);
	if (r.st == UNPACK_ERROR)
		r.error = unpack_error(u);
	free(buf);
	unpack_free(u);
	return r;
}

START_TEST(every_form_round_trips_in_any_slicing)
{
	enum form f = (enum form)_i;
	if (!unpack_supports(comp_of[f]))
		return;
	size_t len = 150000; /* three xz blocks */
	char *text = sample(len);
	size_t zlen;
	unsigned char *z = encode(f, text, len, &zlen);
	static const size_t slices[] = {1, 7, 4096, 1u << 30};
	static const size_t caps[] = {5, 333, 65536};
	for (size_t k = 0; k < 4; k++)
		for (size_t c = 0; c < 3; c++) {
			if ((slices[k] == 1 && zlen > 20000) || (caps[c] == 5 && slices[k] < 4096))
				continue; /* byte by byte only where it stays quick */
			struct result r = decode(comp_of[f], z, zlen, slices[k], caps[c]);
			ck_assert_msg(r.st == UNPACK_END, "form %d slice %zu cap %zu: %s", f,
			              slices[k], caps[c], r.error ? r.error : "not ended");
			ck_assert_uint_eq(r.len, len);
			ck_assert(memcmp(r.out, text, len) == 0);
			free(r.out);
		}
	free(z);
	free(text);
}
END_TEST

/* As libarchive's gzip filter: a further member is decoded, bytes that do
 * not begin one are left alone. */
START_TEST(gzip_members_concatenate_and_trailing_bytes_are_ignored)
{
	if (!unpack_supports(KSD_COMP_GZIP))
		return;
	size_t a, b;
	unsigned char *g1 = ab_compress(AB_GZIP, "first\n", 6, &a);
	unsigned char *g2 = ab_compress(AB_GZIP, "second\n", 7, &b);
	static const char *const tails[] = {"", "junk after the member", "\x1f", "\x1f\x8b",
	                                    "\0\0\0"};
	for (size_t t = 0; t < 6; t++) {
		const char *tail = t < 5 ? tails[t] : NULL;
		size_t tlen = tail ? (t == 4 ? 3 : strlen(tail)) : b;
		unsigned char *z = malloc(a + tlen);
		memcpy(z, g1, a);
		memcpy(z + a, tail ? (const void *)tail : g2, tlen);
		const char *want = tail ? "first\n" : "first\nsecond\n";
		for (size_t slice = 1; slice <= a + tlen; slice++) {
			struct result r = decode(KSD_COMP_GZIP, z, a + tlen, slice, 4);
			ck_assert_msg(r.st == UNPACK_END, "tail %zu slice %zu: %s", t, slice,
			              r.error ? r.error : "");
			ck_assert_uint_eq(r.len, strlen(want));
			ck_assert(memcmp(r.out, want, r.len) == 0);
			free(r.out);
		}
		free(z);
	}
	free(g1);
	free(g2);
}
END_TEST

START_TEST(a_cut_stream_is_an_error)
{
	enum form f = (enum form)_i;
	if (!unpack_supports(comp_of[f]))
		return;
	size_t len = 200000;
	char *text = sample(len);
	size_t zlen;
	unsigned char *z = encode(f, text, len, &zlen);
	for (size_t cut = 0; cut < zlen; cut += 1 + (cut < 64 || zlen - cut < 64 ? 0 : zlen / 40)) {
		struct result r = decode(comp_of[f], z, cut, 4096, 65536);
		ck_assert_msg(r.st == UNPACK_ERROR, "form %d cut at %zu of %zu", f, cut, zlen);
		ck_assert_str_eq(r.error, f == GZIP
		                              ? "truncated gzip input"
		                              : "Lzma library error: No progress is possible");
		free(r.out);
	}
	free(z);
	free(text);
}
END_TEST

/* libarchive does not check a gzip member's CRC; we do, as gzip -d does. */
START_TEST(a_changed_byte_is_an_error)
{
	enum form f = (enum form)_i;
	if (!unpack_supports(comp_of[f]))
		return;
	size_t len = 100000;
	char *text = sample(len);
	size_t zlen;
	unsigned char *z = encode(f, text, len, &zlen);
	/* The gzip CRC and length, a byte inside the data, the xz check. */
	size_t at[] = {zlen - 8, zlen - 1, zlen / 2, f == GZIP ? zlen - 5 : zlen - 20};
	for (size_t i = 0; i < 4; i++) {
		z[at[i]] ^= 0x21;
		struct result r = decode(comp_of[f], z, zlen, 4096, 65536);
		ck_assert_msg(r.st == UNPACK_ERROR, "form %d byte %zu of %zu", f, at[i], zlen);
		free(r.out);
		z[at[i]] ^= 0x21;
	}
	free(z);
	free(text);
}
END_TEST

START_TEST(xz_streams_concatenate)
{
	size_t a, b;
	unsigned char *x1 = xz_bytes("first\n", 6, false, &a);
	unsigned char *x2 = xz_bytes("second\n", 7, true, &b);
	unsigned char *z = malloc(a + b + 4);
	memcpy(z, x1, a);
	memset(z + a, 0, 4); /* stream padding */
	memcpy(z + a + 4, x2, b);
	struct result r = decode(KSD_COMP_XZ, z, a + b + 4, 5, 3);
	ck_assert_int_eq(r.st, UNPACK_END);
	ck_assert_uint_eq(r.len, 13);
	ck_assert(memcmp(r.out, "first\nsecond\n", 13) == 0);
	free(r.out);
	free(z);
	free(x1);
	free(x2);
}
END_TEST

/* unpack/gzip-counts-after-an-error (a fuzzer find): ISA-L's input count
 * after an invalid back-reference said more bytes were left than given,
 * and the byte source would have stepped back out of its buffer. The
 * harness's mode byte 4: windows of 144 bytes, 1025 output bytes a step. */
START_TEST(counts_after_a_gzip_error_are_not_trusted)
{
	if (!unpack_supports(KSD_COMP_GZIP))
		return;
	size_t len;
	unsigned char *p =
	    feed_fixture_bytes("../../tests/fuzz/regress/unpack/gzip-counts-after-an-error", &len);
	ck_assert_uint_eq(p[0], 4);
	struct result r = decode(KSD_COMP_GZIP, p + 1, len - 1, 144, 1025);
	ck_assert_int_eq(r.st, UNPACK_ERROR);
	ck_assert_str_eq(r.error, "gzip decompression failed");
	free(r.out);
	free(p);
}
END_TEST

Suite *unpack_suite(void)
{
	Suite *s = suite_create("unpack");
	TCase *tc = tcase_create("unpack");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, every_form_round_trips_in_any_slicing, GZIP, XZ_BLOCKS + 1);
	tcase_add_test(tc, gzip_members_concatenate_and_trailing_bytes_are_ignored);
	tcase_add_loop_test(tc, a_cut_stream_is_an_error, GZIP, XZ_BLOCKS + 1);
	tcase_add_loop_test(tc, a_changed_byte_is_an_error, GZIP, XZ_BLOCKS + 1);
	tcase_add_test(tc, xz_streams_concatenate);
	tcase_add_test(tc, counts_after_a_gzip_error_are_not_trusted);
	suite_add_tcase(s, tc);
	return s;
}
