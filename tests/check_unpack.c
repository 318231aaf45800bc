/* Our decoders for compressed plain input (input/unpack.c, input/xz.c):
 * gzip, xz, zstd and lz4 round-trip in any slicing of input and output,
 * members and frames concatenate, what may trail them is treated as the
 * other tools treat it, and a cut or changed stream is an error. xz blocks
 * with and without sizes in their headers (on two threads, and on one) say
 * what liblzma's own decoder says, byte for byte and error for error. The
 * gzip cases pass without a test when the build has no ISA-L. */
#include <check.h>
#include <lz4frame.h>
#include <lzma.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "ksd_unpack.h"
#include "ksd_limits.h"
#include "lib/archive_builder.h"
#include "lib/feed.h"

/* LZ4 as the lz4 tool writes it (independent blocks, a content checksum;
 * small blocks here, so that there are several) and as pg_dump's library
 * defaults do (linked blocks, no checksum). */
enum form { GZIP, XZ, XZ_BLOCKS, ZSTD, LZ4, LZ4_LINKED, ZSTD_UNCHECKED, FORMS };

static const enum ksd_compression comp_of[] = {KSD_COMP_GZIP, KSD_COMP_XZ,  KSD_COMP_XZ,
                                               KSD_COMP_ZSTD, KSD_COMP_LZ4, KSD_COMP_LZ4,
                                               KSD_COMP_ZSTD};

/* What a cut stream of each form says. */
static const char *const cut_error[] = {"truncated gzip input",
                                        "Lzma library error: No progress is possible",
                                        "Lzma library error: No progress is possible",
                                        "truncated zstd input",
                                        "truncated lz4 input",
                                        "truncated lz4 input",
                                        "truncated zstd input"};

/* zstd as the zstd tool writes it, with the frame's checksum, or without
 * one (zstd --no-check), when the frame ends with its last block. */
static unsigned char *zstd_bytes(const void *in, size_t len, bool check, size_t *out)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();
	ck_assert(!ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, check)));
	size_t cap = ZSTD_compressBound(len);
	unsigned char *p = malloc(cap);
	*out = ZSTD_compress2(c, p, cap, in, len);
	ck_assert(!ZSTD_isError(*out));
	ZSTD_freeCCtx(c);
	return p;
}

static unsigned char *lz4_bytes(const void *in, size_t len, size_t *out)
{
	LZ4F_preferences_t prefs = {
	    .frameInfo = {.blockSizeID = LZ4F_max64KB,
	                  .blockMode = LZ4F_blockIndependent,
	                  .contentChecksumFlag = LZ4F_contentChecksumEnabled}};
	size_t cap = LZ4F_compressFrameBound(len, &prefs);
	unsigned char *p = malloc(cap);
	*out = LZ4F_compressFrame(p, cap, in, len, &prefs);
	ck_assert(!LZ4F_isError(*out));
	return p;
}

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
	switch (f) {
	case GZIP:
		return ab_compress(AB_GZIP, in, len, out);
	case ZSTD:
	case ZSTD_UNCHECKED:
		return zstd_bytes(in, len, f == ZSTD, out);
	case LZ4:
		return lz4_bytes(in, len, out);
	case LZ4_LINKED:
		return ab_compress(AB_LZ4, in, len, out);
	default:
		return xz_bytes(in, len, f == XZ_BLOCKS, out);
	}
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

/* Decodes z as the byte source does: windows of `slice` bytes, output `cap`
 * bytes at a time. gzip's windows are at least UNPACK_LOOKAHEAD bytes
 * unless the input ends; xz needs no lookahead, so its windows go down to
 * one byte, the harder case. */
static struct result decode(enum ksd_compression comp, const unsigned char *z, size_t zlen,
                            size_t slice, size_t cap)
{
	struct result r = {UNPACK_OK, malloc(1), 0, NULL};
	struct unpack *u = unpack_new(comp);
	ck_assert_ptr_nonnull(u);
	unsigned char *buf = malloc(cap);
	size_t at = 0;
	for (unsigned idle = 0; idle < 3;) {
		size_t least = comp == KSD_COMP_XZ ? 1 : UNPACK_LOOKAHEAD;
		size_t n = slice < least ? least : slice;
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

/* The decoded bytes are text[0..len); frees them. */
static void holds_text(struct result r, const char *text, size_t len)
{
	ck_assert_uint_eq(r.len, len);
	ck_assert(memcmp(r.out, text, len) == 0);
	free(r.out);
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
			holds_text(r, text, len);
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
		ck_assert_str_eq(r.error, cut_error[f]);
		free(r.out);
	}
	free(z);
	free(text);
}
END_TEST

/* A zstd frame cut before its checksum and an lz4 frame cut before its end
 * mark hold all their data; every byte of it comes out before the error,
 * also what the library still held when the output buffer filled. */
START_TEST(a_frame_cut_after_its_data_gives_all_its_data_first)
{
	enum form f = (enum form)_i;
	size_t len = 100000;
	char *text = sample(len);
	size_t zlen;
	unsigned char *z = encode(f, text, len, &zlen);
	struct result r = decode(comp_of[f], z, zlen - (f == ZSTD ? 4 : 8), 1u << 30, 5);
	ck_assert_int_eq(r.st, UNPACK_ERROR);
	ck_assert_str_eq(r.error, cut_error[f]);
	holds_text(r, text, len);
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
	/* The gzip CRC and length, a byte inside the data, the xz check, the
	 * zstd and lz4 checksums and the lz4 end mark. */
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

/* Concatenates n byte strings into one (freed by the caller). */
static unsigned char *join(const unsigned char *const *parts, const size_t *lens, size_t n,
                           size_t *len)
{
	*len = 0;
	for (size_t i = 0; i < n; i++)
		*len += lens[i];
	unsigned char *p = malloc(*len), *at = p;
	for (size_t i = 0; i < n; i++) {
		memcpy(at, parts[i], lens[i]);
		at += lens[i];
	}
	return p;
}

/* Decodes the parts joined at every slicing; the stream must end with
 * `want`, or fail with `error` found after `good` bytes of input. */
static void joined_decodes_as(enum ksd_compression comp, const unsigned char *const *parts,
                              const size_t *lens, size_t n, const char *want, const char *error,
                              size_t good)
{
	size_t len;
	unsigned char *z = join(parts, lens, n, &len);
	for (size_t slice = 1; slice <= len; slice += 1 + slice / 8) {
		struct unpack *u = unpack_new(comp);
		unsigned char out[7];
		size_t at = 0, total = 0;
		enum unpack_status st = UNPACK_OK;
		char got[64] = "";
		while (st == UNPACK_OK) {
			size_t k = slice < UNPACK_LOOKAHEAD ? UNPACK_LOOKAHEAD : slice;
			k = k > len - at ? len - at : k;
			size_t used, made;
			st = unpack_step(u, z + at, k, at + k == len, &used, out, sizeof(out),
			                 &made);
			at += used;
			ck_assert_uint_lt(total + made, sizeof(got));
			memcpy(got + total, out, made);
			total += made;
		}
		if (error) {
			ck_assert_int_eq(st, UNPACK_ERROR);
			ck_assert_str_eq(unpack_error(u), error);
			ck_assert_uint_eq(at, good);
		} else {
			ck_assert_msg(st == UNPACK_END, "slice %zu: %s", slice, unpack_error(u));
			ck_assert_str_eq(got, want);
		}
		unpack_free(u);
	}
	free(z);
}

/* Frames follow one another, skippable frames are passed over, and bytes
 * after a frame that begin none are an error found at the frame's end, as
 * zstd -d and libarchive have it. */
START_TEST(zstd_frames_concatenate_and_trailing_bytes_are_an_error)
{
	size_t a, b;
	unsigned char *f1 = zstd_bytes("first\n", 6, true, &a);
	unsigned char *f2 = zstd_bytes("second\n", 7, false, &b);
	static const unsigned char skip[] = {0x53, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 'x', 'y', 'z'};
	static const unsigned char junk[] = "junk after the frame";
	const unsigned char *two[] = {f1, skip, f2};
	size_t two_len[] = {a, sizeof(skip), b};
	joined_decodes_as(KSD_COMP_ZSTD, two, two_len, 3, "first\nsecond\n", NULL, 0);
	joined_decodes_as(KSD_COMP_ZSTD_SKIPPABLE, two + 1, two_len + 1, 2, "second\n", NULL, 0);
	const unsigned char *trail[] = {f1, junk};
	size_t trail_len[] = {a, sizeof(junk) - 1};
	joined_decodes_as(KSD_COMP_ZSTD, trail, trail_len, 2, NULL,
	                  "invalid zstd data: Unknown frame descriptor", a);
	free(f1);
	free(f2);
}
END_TEST

/* A frame that asks for a window above KSD_ZSTD_WINDOW_LOG_MAX is refused
 * before the decoder allocates it. */
START_TEST(a_zstd_window_above_the_limit_is_refused)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();
	ck_assert(!ZSTD_isError(
	    ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, KSD_ZSTD_WINDOW_LOG_MAX + 1)));
	unsigned char z[256];
	ZSTD_inBuffer in = {"a dump\n", 7, 0};
	ZSTD_outBuffer out = {z, sizeof(z), 0};
	/* Streamed, so the header carries the window rather than the size. */
	ck_assert(!ZSTD_isError(ZSTD_compressStream2(c, &out, &in, ZSTD_e_continue)));
	ck_assert_uint_eq(ZSTD_compressStream2(c, &out, &in, ZSTD_e_end), 0);
	ZSTD_freeCCtx(c);
	const unsigned char *parts[] = {z};
	joined_decodes_as(KSD_COMP_ZSTD, parts, &out.pos, 1, NULL,
	                  "invalid zstd data: Frame requires too much memory for decoding", 0);
}
END_TEST

/* Frames and skippable frames follow one another; other bytes after a
 * frame are ignored, as libarchive ignores them, except a frame of the
 * legacy format, which is refused rather than dropped. */
START_TEST(lz4_frames_concatenate_and_trailing_bytes_are_ignored)
{
	size_t a, b, l;
	unsigned char *f1 = lz4_bytes("first\n", 6, &a);
	unsigned char *f2 = ab_compress(AB_LZ4, "second\n", 7, &b);
	static const unsigned char skip[] = {0x5f, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 'x', 'y'};
	static const unsigned char junk[] = "junk after the frame";
	static const unsigned char legacy[] = {0x02, 0x21, 0x4c, 0x18, 1, 0, 0, 0, 0x10, 'x'};
	const unsigned char *parts[] = {f1, skip, f2, junk};
	size_t lens[] = {a, sizeof(skip), b, sizeof(junk) - 1};
	joined_decodes_as(KSD_COMP_LZ4, parts, lens, 4, "first\nsecond\n", NULL, 0);
	for (l = 1; l < 4; l++) { /* a piece of a magic number */
		lens[3] = l;
		joined_decodes_as(KSD_COMP_LZ4, parts, lens, 4, "first\nsecond\n", NULL, 0);
	}
	const unsigned char *then_legacy[] = {f1, legacy};
	size_t then_legacy_len[] = {a, sizeof(legacy)};
	joined_decodes_as(KSD_COMP_LZ4, then_legacy, then_legacy_len, 2, NULL,
	                  "a legacy lz4 frame after an lz4 frame is not supported", a);
	free(f1);
	free(f2);
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

/* Where the parts of an xz stream built by xz_stream() begin. */
struct xz_map {
	size_t n;          /* blocks */
	size_t header[16]; /* each block's header, data and check */
	size_t data[16];
	size_t check[16];
	size_t text[16]; /* where its bytes begin in the text */
	size_t index, footer, len;
};

/* One xz stream of `block`-byte blocks of text, CRC32-checked; block i has
 * its sizes in its header (as xz -T writes it) where sizes[i % strlen]
 * is 'S', none (as plain xz writes it) where it is 'N'. */
static unsigned char *xz_stream(const char *text, size_t len, size_t block, const char *sizes,
                                struct xz_map *m)
{
	lzma_options_lzma opt;
	ck_assert(!lzma_lzma_preset(&opt, 1));
	lzma_filter f[2] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, NULL}};
	lzma_index *idx = lzma_index_init(NULL);
	size_t cap = len + len / 2 + 4096, pos = LZMA_STREAM_HEADER_SIZE;
	unsigned char *p = malloc(cap);
	lzma_stream_flags fl = {.version = 0, .check = LZMA_CHECK_CRC32};
	ck_assert_int_eq(lzma_stream_header_encode(&fl, p), LZMA_OK);
	memset(m, 0, sizeof(*m));
	for (size_t off = 0; off < len; off += block, m->n++) {
		ck_assert_uint_lt(m->n, 16);
		size_t n = len - off < block ? len - off : block;
		lzma_block b = {.version = 0, .check = LZMA_CHECK_CRC32, .filters = f};
		m->header[m->n] = pos;
		m->text[m->n] = off;
		if (sizes[m->n % strlen(sizes)] == 'S') {
			ck_assert_int_eq(lzma_block_buffer_encode(&b, NULL,
			                                          (const uint8_t *)text + off, n, p,
			                                          &pos, cap),
			                 LZMA_OK);
		} else {
			b.compressed_size = b.uncompressed_size = LZMA_VLI_UNKNOWN;
			ck_assert_int_eq(lzma_block_header_size(&b), LZMA_OK);
			ck_assert_int_eq(lzma_block_header_encode(&b, p + pos), LZMA_OK);
			pos += b.header_size;
			lzma_stream s = LZMA_STREAM_INIT;
			ck_assert_int_eq(lzma_block_encoder(&s, &b), LZMA_OK);
			s.next_in = (const uint8_t *)text + off;
			s.avail_in = n;
			s.next_out = p + pos;
			s.avail_out = cap - pos;
			ck_assert_int_eq(lzma_code(&s, LZMA_FINISH), LZMA_STREAM_END);
			pos = cap - s.avail_out;
			lzma_end(&s);
		}
		m->data[m->n] = m->header[m->n] + b.header_size;
		m->check[m->n] = pos - 4;
		ck_assert_int_eq(
		    lzma_index_append(idx, NULL, lzma_block_unpadded_size(&b), b.uncompressed_size),
		    LZMA_OK);
	}
	m->index = pos;
	ck_assert_int_eq(lzma_index_buffer_encode(idx, p, &pos, cap), LZMA_OK);
	fl.backward_size = lzma_index_size(idx);
	m->footer = pos;
	ck_assert_int_eq(lzma_stream_footer_encode(&fl, p + pos), LZMA_OK);
	m->len = pos + LZMA_STREAM_HEADER_SIZE;
	lzma_index_end(idx, NULL);
	return p;
}

/* What liblzma's own decoder (one thread, streams concatenated, as
 * libarchive sets it up) says of z: its error in libarchive's words, or
 * NULL; the bytes it decoded (at most cap) in out. */
static const char *liblzma_says(const unsigned char *z, size_t zlen, unsigned char *out, size_t cap,
                                size_t *out_len)
{
	lzma_stream s = LZMA_STREAM_INIT;
	ck_assert_int_eq(lzma_stream_decoder(&s, UINT64_MAX, LZMA_CONCATENATED), LZMA_OK);
	s.next_in = z;
	s.avail_in = zlen;
	s.next_out = out;
	s.avail_out = cap;
	lzma_ret r;
	do
		r = lzma_code(&s, LZMA_FINISH);
	while (r == LZMA_OK);
	*out_len = cap - s.avail_out;
	lzma_end(&s);
	switch (r) {
	case LZMA_STREAM_END:
		return NULL;
	case LZMA_DATA_ERROR:
		return "Lzma library error: Corrupted input data";
	case LZMA_BUF_ERROR:
		return "Lzma library error: No progress is possible";
	case LZMA_OPTIONS_ERROR:
		return "Lzma library error: Invalid options";
	case LZMA_FORMAT_ERROR:
		return "Lzma library error: format not recognized";
	default:
		ck_abort_msg("liblzma said %d", r);
		return NULL;
	}
}

/* Our decoder gives liblzma's verdict on z and its bytes, up to where the
 * shorter output ends, and at least the first `least` bytes of text
 * (XZ_THEIRS: as many as liblzma). */
#define XZ_THEIRS SIZE_MAX

static void decodes_as_liblzma(const unsigned char *z, size_t zlen, const char *text,
                               size_t text_len, size_t least, size_t slice, size_t cap,
                               const char *what)
{
	size_t want_len;
	unsigned char *theirs = malloc(text_len + 1);
	const char *want = liblzma_says(z, zlen, theirs, text_len + 1, &want_len);
	if (least == XZ_THEIRS)
		least = want_len;
	struct result r = decode(KSD_COMP_XZ, z, zlen, slice, cap);
	if (!want) {
		ck_assert_msg(r.st == UNPACK_END, "%s, slice %zu cap %zu: %s", what, slice, cap,
		              r.error ? r.error : "not ended");
		ck_assert_uint_eq(r.len, want_len);
	} else {
		ck_assert_msg(r.st == UNPACK_ERROR, "%s, slice %zu cap %zu: no error", what, slice,
		              cap);
		ck_assert_msg(strcmp(r.error, want) == 0, "%s: '%s', liblzma '%s'", what, r.error,
		              want);
	}
	ck_assert_msg(r.len >= least, "%s, slice %zu: %zu bytes out, %zu due", what, slice, r.len,
	              least);
	ck_assert(memcmp(r.out, text, least) == 0);
	ck_assert(memcmp(r.out, theirs, r.len < want_len ? r.len : want_len) == 0);
	free(theirs);
	free(r.out);
}

static const char *const size_patterns[] = {"S", "N", "SSN", "NSS", "SNSSSN"};

START_TEST(xz_blocks_with_and_without_sizes_decode_in_any_slicing)
{
	size_t len = 4000 * 6 + 1234;
	char *text = sample(len);
	struct xz_map m;
	unsigned char *z = xz_stream(text, len, 4000, size_patterns[_i], &m);
	static const size_t slices[] = {1, 2, 3, 7, 16, 333, 4096, 1u << 30};
	static const size_t caps[] = {1, 5, 4096, 1u << 16};
	for (size_t k = 0; k < 8; k++)
		for (size_t c = 0; c < 4; c++) {
			if (slices[k] < 16 && caps[c] < 5)
				continue; /* byte by byte both ways: slow, and nothing new */
			decodes_as_liblzma(z, m.len, text, len, len, slices[k], caps[c],
			                   size_patterns[_i]);
		}
	free(z);
	free(text);
}
END_TEST

/* Streams follow one another after zero padding in fours; padding of
 * another length or bytes that begin no stream are errors, as liblzma
 * says (and so libarchive). */
START_TEST(xz_streams_of_blocks_concatenate_after_padding)
{
	size_t len = 3000 * 5;
	char *text = sample(2 * len);
	struct xz_map m1, m2;
	unsigned char *s1 = xz_stream(text, len, 3000, "SSN", &m1);
	unsigned char *s2 = xz_stream(text + len, len, 3000, "S", &m2);
	static const struct {
		size_t pad;
		const char *tail;
		bool second;
	} cases[] = {{0, "", true},      {4, "", true},     {8, "", true},      {3, "", true},
	             {4, "", false},     {5, "", false},    {0, "junk", false}, {4, "junk", false},
	             {0, "\xfd", false}, {8, "\x01", false}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t tlen = strlen(cases[i].tail);
		size_t zlen = m1.len + cases[i].pad + (cases[i].second ? m2.len : 0) + tlen;
		unsigned char *z = malloc(zlen);
		memcpy(z, s1, m1.len);
		memset(z + m1.len, 0, cases[i].pad);
		if (cases[i].second)
			memcpy(z + m1.len + cases[i].pad, s2, m2.len);
		memcpy(z + zlen - tlen, cases[i].tail, tlen);
		static const size_t slices[] = {1, 5, 4096};
		for (size_t k = 0; k < 3; k++)
			decodes_as_liblzma(z, zlen, text, 2 * len, len, slices[k], 777, "streams");
		free(z);
	}
	free(s1);
	free(s2);
	free(text);
}
END_TEST

/* A changed byte in a block's header, data or check, in the index, the
 * footer or the stream header is the error liblzma reports, after every
 * byte of the blocks before it. */
START_TEST(a_changed_byte_in_any_part_of_xz_reads_as_liblzma_says)
{
	size_t len = 4000 * 5 + 99;
	char *text = sample(len);
	struct xz_map m;
	unsigned char *z = xz_stream(text, len, 4000, size_patterns[_i], &m);
	for (size_t b = 0; b < m.n; b++) {
		size_t at[] = {m.header[b],
		               m.header[b] + 1,
		               m.data[b] - 1,
		               m.data[b] + 3,
		               (m.data[b] + m.check[b]) / 2,
		               m.check[b],
		               m.check[b] + 3};
		for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
			z[at[i]] ^= 0x10;
			decodes_as_liblzma(z, m.len, text, len, m.text[b], 7, 4096, "a block");
			z[at[i]] ^= 0x10;
		}
	}
	size_t at[] = {0, 7, m.index, m.index + 1, m.footer - 2, m.footer, m.footer + 5, m.len - 1};
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		z[at[i]] ^= 0x04;
		decodes_as_liblzma(z, m.len, text, len, at[i] < m.index ? 0 : len, 4096, 65536,
		                   "the container");
		z[at[i]] ^= 0x04;
	}
	free(z);
	free(text);
}
END_TEST

/* Cut anywhere, a stream of blocks is liblzma's error, after every byte
 * liblzma decodes from what is there; never a hang (the test's timeout). */
START_TEST(xz_blocks_cut_anywhere_give_liblzma_s_bytes_then_its_error)
{
	size_t len = 2000 * 4 + 500;
	char *text = sample(len);
	struct xz_map m;
	unsigned char *z = xz_stream(text, len, 2000, size_patterns[_i], &m);
	for (size_t cut = 0; cut < m.len; cut++)
		decodes_as_liblzma(z, cut, text, len, XZ_THEIRS, cut % 2 ? 1 : 4096, 1000, "cut");
	free(z);
	free(text);
}
END_TEST

/* The caller may stop reading anywhere: a worker still decoding is
 * stopped and joined, nothing leaks (valgrind) and nothing races
 * (helgrind, -fsanitize=thread). */
START_TEST(xz_freed_mid_file_stops_its_worker)
{
	size_t len = 6u << 20;
	char *text = sample(len);
	size_t zlen;
	lzma_stream x = LZMA_STREAM_INIT;
	lzma_mt mt = {.threads = 2, .block_size = 1u << 20, .preset = 1, .check = LZMA_CHECK_CRC64};
	ck_assert_int_eq(lzma_stream_encoder_mt(&x, &mt), LZMA_OK);
	unsigned char *z = malloc(len);
	x.next_in = (const uint8_t *)text;
	x.avail_in = len;
	x.next_out = z;
	x.avail_out = len;
	ck_assert_int_eq(lzma_code(&x, LZMA_FINISH), LZMA_STREAM_END);
	zlen = len - x.avail_out;
	lzma_end(&x);
	unsigned char out[65536];
	for (size_t stop = 1; stop < len - (1u << 20); stop += len / 7) {
		struct unpack *u = unpack_new(KSD_COMP_XZ);
		size_t at = 0, got = 0;
		while (got < stop) {
			size_t used, made;
			ck_assert_int_eq(
			    unpack_step(u, z + at, zlen - at, true, &used, out, sizeof(out), &made),
			    UNPACK_OK);
			ck_assert(memcmp(out, text + got, made) == 0);
			at += used;
			got += made;
		}
		unpack_free(u);
	}
	free(z);
	free(text);
}
END_TEST

/* A header may claim any size: a block claiming 1 GiB or 2^62 bytes, first
 * or second of a pair, is decoded alone with nothing allocated for its
 * claim (glibc's count of the heap stays low all along), and the verdict is
 * liblzma's. */
START_TEST(xz_block_sizes_claimed_are_not_allocated_for)
{
	static const struct {
		size_t block;
		bool compressed; /* the compressed size is claimed too */
		lzma_vli size;
	} claims[] = {{1, false, (lzma_vli)1 << 30},
	              {0, false, (lzma_vli)1 << 30},
	              {1, true, (lzma_vli)1 << 62},
	              {0, true, (lzma_vli)1 << 62}};
	struct xz_map m;
	char *text = sample(3000);
	unsigned char *z = xz_stream(text, 3000, 1500, "S", &m);
	size_t k = claims[_i].block;
	lzma_filter f[LZMA_FILTERS_MAX + 1];
	lzma_block b = {.version = 1, .check = LZMA_CHECK_CRC32, .filters = f};
	b.header_size = lzma_block_header_size_decode(z[m.header[k]]);
	ck_assert_int_eq(lzma_block_header_decode(&b, NULL, z + m.header[k]), LZMA_OK);
	b.uncompressed_size = claims[_i].size;
	if (claims[_i].compressed)
		b.compressed_size = claims[_i].size;
	ck_assert_int_eq(lzma_block_header_size(&b), LZMA_OK);
	unsigned char head[LZMA_BLOCK_HEADER_SIZE_MAX];
	ck_assert_int_eq(lzma_block_header_encode(&b, head), LZMA_OK);
	lzma_filters_free(f, NULL);
	size_t len = m.len - (m.data[k] - m.header[k]) + b.header_size;
	unsigned char *y = malloc(len);
	memcpy(y, z, m.header[k]);
	memcpy(y + m.header[k], head, b.header_size);
	memcpy(y + m.header[k] + b.header_size, z + m.data[k], m.len - m.data[k]);
	decodes_as_liblzma(y, len, text, 3000, 0, 4096, 65536, "a claim");
	struct unpack *u = unpack_new(KSD_COMP_XZ);
	unsigned char out[256];
	size_t at = 0, used, made;
	enum unpack_status st;
	do {
		size_t n = len - at < 64 ? len - at : 64;
		st = unpack_step(u, y + at, n, at + n == len, &used, out, sizeof(out), &made);
		at += used;
		struct mallinfo2 mi = mallinfo2();
		ck_assert_uint_lt(mi.uordblks + mi.hblkhd, 64u << 20);
	} while (st == UNPACK_OK);
	unpack_free(u);
	free(y);
	free(z);
	free(text);
}
END_TEST

Suite *unpack_suite(void)
{
	Suite *s = suite_create("unpack");
	TCase *tc = tcase_create("unpack");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, every_form_round_trips_in_any_slicing, GZIP, FORMS);
	tcase_add_test(tc, gzip_members_concatenate_and_trailing_bytes_are_ignored);
	tcase_add_loop_test(tc, a_cut_stream_is_an_error, GZIP, FORMS);
	/* LZ4_LINKED has no checksum: a changed literal decodes. */
	tcase_add_loop_test(tc, a_changed_byte_is_an_error, GZIP, LZ4 + 1);
	tcase_add_loop_test(tc, a_frame_cut_after_its_data_gives_all_its_data_first, ZSTD, LZ4 + 1);
	tcase_add_test(tc, xz_streams_concatenate);
	tcase_add_test(tc, counts_after_a_gzip_error_are_not_trusted);
	tcase_add_test(tc, zstd_frames_concatenate_and_trailing_bytes_are_an_error);
	tcase_add_test(tc, a_zstd_window_above_the_limit_is_refused);
	tcase_add_test(tc, lz4_frames_concatenate_and_trailing_bytes_are_ignored);
	tcase_add_loop_test(tc, xz_blocks_with_and_without_sizes_decode_in_any_slicing, 0, 5);
	tcase_add_test(tc, xz_streams_of_blocks_concatenate_after_padding);
	tcase_add_loop_test(tc, a_changed_byte_in_any_part_of_xz_reads_as_liblzma_says, 0, 5);
	tcase_add_loop_test(tc, xz_blocks_cut_anywhere_give_liblzma_s_bytes_then_its_error, 0, 5);
	tcase_add_test(tc, xz_freed_mid_file_stops_its_worker);
	tcase_add_loop_test(tc, xz_block_sizes_claimed_are_not_allocated_for, 0, 4);
	suite_add_tcase(s, tc);
	return s;
}
