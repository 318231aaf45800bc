/* Our own decoders for compressed plain input (see unpack.h): one row per
 * compression in a table indexed like detect.h's magic numbers. gzip's and
 * xz's messages use libarchive's words, so a corrupt dump reads the same
 * whichever path decoded it (a build without ISA-L leaves gzip to
 * libarchive); zstd and lz4 have no other path here. */
#include <lz4frame.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#ifdef KSD_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "input/unpack.h"
#include "input/xz.h"
#include "ksd_limits.h"

struct unpack {
	const struct alg *alg;
	const char *error;
	bool between;  /* gzip, lz4: a member or frame ended, the next has not begun */
	bool in_frame; /* zstd: a frame has begun and not ended */
	char why[96];  /* a message with the library's own reason in it */
	union {
		struct xz *xz;
		ZSTD_DCtx *zstd;
		LZ4F_dctx *lz4;
#ifdef KSD_HAVE_ISAL
		struct inflate_state gz;
#endif
	} s;
};

static enum unpack_status fail(struct unpack *u, const char *why)
{
	u->error = why;
	return UNPACK_ERROR;
}

#ifdef KSD_HAVE_ISAL
/* ISA-L's inflate counts in 32 bits. */
static uint32_t clamp32(size_t n)
{
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

static bool gz_init(struct unpack *u)
{
	isal_inflate_init(&u->s.gz);
	u->s.gz.crc_flag = ISAL_GZIP; /* parse the header, check CRC and size */
	return true;
}

static void gz_end(struct unpack *u)
{
	(void)u;
}

/* What may follow a gzip member and is decoded as the next one: the magic
 * and the deflate method. Anything else is trailing bytes, ignored as
 * libarchive (and gzip -d) ignore them. */
static bool gz_member_follows(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

static enum unpack_status gz_step(struct unpack *u, const unsigned char *in, size_t in_len,
                                  bool last, size_t *used, unsigned char *out, size_t out_cap,
                                  size_t *made)
{
	struct inflate_state *z = &u->s.gz;
	*used = *made = 0;
	for (;;) {
		if (u->between) {
			size_t left = in_len - *used;
			if (left < 3 && !last)
				return UNPACK_OK; /* the caller brings more input */
			if (!gz_member_follows(in + *used, left))
				return UNPACK_END;
			isal_inflate_reset(z);
			z->crc_flag = ISAL_GZIP;
			u->between = false;
		}
		z->next_in = (uint8_t *)(in + *used);
		z->avail_in = clamp32(in_len - *used);
		z->next_out = out + *made;
		z->avail_out = clamp32(out_cap - *made);
		uint32_t in0 = z->avail_in, out0 = z->avail_out;
		int r = isal_inflate(z);
		/* After an error the counts may be anything: none is trusted. */
		if (r == ISAL_DECOMP_OK && (z->avail_in > in0 || z->avail_out > out0))
			r = ISAL_INVALID_BLOCK;
		switch (r) {
		case ISAL_DECOMP_OK:
			*used += in0 - z->avail_in;
			*made += out0 - z->avail_out;
			break;
		case ISAL_INVALID_WRAPPER:
		case ISAL_UNSUPPORTED_METHOD:
			return fail(u, "invalid gzip header");
		case ISAL_INCORRECT_CHECKSUM:
			return fail(u, "gzip data does not match its CRC or length");
		default:
			return fail(u, "gzip decompression failed");
		}
		if (z->block_state == ISAL_BLOCK_FINISH) {
			u->between = true;
			continue;
		}
		if (*made == out_cap || (*used == in_len && (!last || *made > 0)))
			return UNPACK_OK;
		if (*used == in_len)
			return fail(u, "truncated gzip input");
		if (z->avail_in == in0 && z->avail_out == out0)
			return fail(u, "gzip decompression failed");
	}
}
#endif

/* zstd frames follow one another as the zstd tool writes them (skippable
 * frames included, which libzstd passes over); bytes after a frame that
 * begin none are an error, as in libarchive and zstd -d. */
static bool zstd_init(struct unpack *u)
{
	u->s.zstd = ZSTD_createDCtx();
	u->in_frame = true; /* the first frame is due: no input is a cut one */
	return u->s.zstd && !ZSTD_isError(ZSTD_DCtx_setParameter(u->s.zstd, ZSTD_d_windowLogMax,
	                                                         KSD_ZSTD_WINDOW_LOG_MAX));
}

static void zstd_end(struct unpack *u)
{
	ZSTD_freeDCtx(u->s.zstd);
}

static enum unpack_status zstd_step(struct unpack *u, const unsigned char *in, size_t in_len,
                                    bool last, size_t *used, unsigned char *out, size_t out_cap,
                                    size_t *made)
{
	ZSTD_inBuffer ib = {in, in_len, 0};
	ZSTD_outBuffer ob = {out, out_cap, 0};
	*used = *made = 0;
	/* One call stops at a frame's end; the next begins the next frame.
	 * Between frames an empty input is not passed in (libzstd would take
	 * the call as the start of another); inside one it may be, for output
	 * libzstd holds back when the last call's output buffer was full. */
	while (ob.pos < ob.size && (ib.pos < ib.size || u->in_frame)) {
		size_t in0 = ib.pos, out0 = ob.pos;
		size_t r = ZSTD_decompressStream(u->s.zstd, &ob, &ib);
		if (ZSTD_isError(r)) {
			*used = in0; /* the error's offset: where the failing call began */
			snprintf(u->why, sizeof(u->why), "invalid zstd data: %s",
			         ZSTD_getErrorName(r));
			return fail(u, u->why);
		}
		u->in_frame = r != 0;
		if (ib.pos == in0 && ob.pos == out0)
			break;
	}
	*used = ib.pos;
	*made = ob.pos;
	if (ob.pos > 0 || ib.pos < ib.size || !last)
		return UNPACK_OK;
	return u->in_frame ? fail(u, "truncated zstd input") : UNPACK_END;
}

/* LZ4 frames (skippable ones passed over by liblz4) follow one another; as
 * in libarchive, bytes after a frame that begin none are ignored. Frames
 * of the legacy format are decoded by libarchive when they come first, and
 * refused after a frame rather than silently dropped. */
static bool lz4_init(struct unpack *u)
{
	return !LZ4F_isError(LZ4F_createDecompressionContext(&u->s.lz4, LZ4F_VERSION));
}

static void lz4_end(struct unpack *u)
{
	LZ4F_freeDecompressionContext(u->s.lz4);
}

static const char *lz4_why(size_t r)
{
	/* liblz4 names its errors after their codes, whose enum is not in its
	 * stable interface. */
	if (strstr(LZ4F_getErrorName(r), "hecksum"))
		return "lz4 stream checksum error";
	return "malformed lz4 data";
}

static enum unpack_status lz4_step(struct unpack *u, const unsigned char *in, size_t in_len,
                                   bool last, size_t *used, unsigned char *out, size_t out_cap,
                                   size_t *made)
{
	*used = *made = 0;
	/* Inside a frame liblz4 is called even without input: it may hold
	 * output back when the last call's output buffer was full. */
	while (*made < out_cap && (*used < in_len || !u->between)) {
		if (u->between) {
			size_t left = in_len - *used;
			if (left < 4 && !last)
				return UNPACK_OK; /* the caller brings more input */
			/* detect.h's magic numbers; a skippable frame reads as zstd's. */
			enum ksd_compression next = ksd_detect_compression(in + *used, left);
			if (next == KSD_COMP_LZ4_LEGACY)
				return fail(
				    u, "a legacy lz4 frame after an lz4 frame is not supported");
			if (next != KSD_COMP_LZ4 && next != KSD_COMP_ZSTD_SKIPPABLE)
				return UNPACK_END;
			u->between = false;
		}
		size_t dst = out_cap - *made, src = in_len - *used;
		size_t r = LZ4F_decompress(u->s.lz4, out + *made, &dst, in + *used, &src, NULL);
		if (LZ4F_isError(r))
			return fail(u, lz4_why(r));
		*used += src;
		*made += dst;
		u->between = r == 0; /* liblz4 is ready for the next frame */
		if (src == 0 && dst == 0)
			break;
	}
	if (*made > 0 || *used < in_len || !last)
		return UNPACK_OK;
	return u->between ? UNPACK_END : fail(u, "truncated lz4 input");
}

static bool xz_init(struct unpack *u)
{
	u->s.xz = xz_new();
	return u->s.xz != NULL;
}

static void xz_end(struct unpack *u)
{
	xz_free(u->s.xz);
}

static enum unpack_status xz_run(struct unpack *u, const unsigned char *in, size_t in_len,
                                 bool last, size_t *used, unsigned char *out, size_t out_cap,
                                 size_t *made)
{
	enum unpack_status st = xz_step(u->s.xz, in, in_len, last, used, out, out_cap, made);
	return st == UNPACK_ERROR ? fail(u, xz_error(u->s.xz)) : st;
}

static const struct alg {
	bool (*init)(struct unpack *u);
	void (*end)(struct unpack *u);
	enum unpack_status (*step)(struct unpack *u, const unsigned char *in, size_t in_len,
	                           bool last, size_t *used, unsigned char *out, size_t out_cap,
	                           size_t *made);
} algs[KSD_COMP_COUNT] = {
#ifdef KSD_HAVE_ISAL
    [KSD_COMP_GZIP] = {gz_init, gz_end, gz_step},
#endif
    [KSD_COMP_ZSTD] = {zstd_init, zstd_end, zstd_step},
    [KSD_COMP_ZSTD_SKIPPABLE] = {zstd_init, zstd_end, zstd_step},
    [KSD_COMP_LZ4] = {lz4_init, lz4_end, lz4_step},
    [KSD_COMP_XZ] = {xz_init, xz_end, xz_run},
};

bool unpack_supports(enum ksd_compression comp)
{
	return algs[comp].step != NULL;
}

struct unpack *unpack_new(enum ksd_compression comp)
{
	if (!unpack_supports(comp))
		return NULL;
	struct unpack *u = calloc(1, sizeof(*u));
	if (!u)
		return NULL;
	u->alg = &algs[comp];
	if (!u->alg->init(u)) {
		free(u);
		return NULL;
	}
	return u;
}

void unpack_free(struct unpack *u)
{
	if (!u)
		return;
	u->alg->end(u);
	free(u);
}

enum unpack_status unpack_step(struct unpack *u, const unsigned char *in, size_t in_len, bool last,
                               size_t *used, unsigned char *out, size_t out_cap, size_t *made)
{
	return u->alg->step(u, in, in_len, last, used, out, out_cap, made);
}

const char *unpack_error(const struct unpack *u)
{
	return u->error;
}
