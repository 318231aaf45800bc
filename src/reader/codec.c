/* One decoder per algorithm behind one interface. Every decoder writes
 * through a fixed scratch buffer and counts its output against the cap. */
#include <lz4frame.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>
#include <zstd.h>

#include "input/detect.h"
#include "ksd_err.h"
#include "reader/codec.h"

#define SCRATCH (64u << 10)

struct codec {
	enum codec_alg alg;
	uint64_t cap, total;
	codec_out_fn *out;
	void *ctx;
	bool ended;  /* the stream (or frame) is complete at this point */
	bool failed; /* a stopped codec takes no more input */
	bool fed;    /* some input came */
	char error[128];
	z_stream z;
	LZ4F_dctx *lz4;
	ZSTD_DCtx *zstd;
	unsigned char buf[SCRATCH];
};

/* Stops the codec with "what" or "what: detail". */
static int fail(struct codec *c, const char *what, const char *detail)
{
	snprintf(c->error, sizeof(c->error), "%s%s%s", what, detail ? ": " : "",
	         detail ? detail : "");
	c->failed = true;
	return KSD_FATAL;
}

/* Passes n bytes of c->buf (or of `p`) to the callback, within the cap. */
static int emit(struct codec *c, const void *p, size_t n)
{
	if (n == 0)
		return KSD_OK;
	if (n > c->cap - c->total) {
		char what[80];
		snprintf(what, sizeof(what), "data expands past %llu bytes (a decompression bomb?)",
		         (unsigned long long)c->cap);
		return fail(c, what, NULL);
	}
	c->total += n;
	int rc = c->out(c->ctx, p, n);
	if (rc != KSD_OK)
		c->failed = true;
	return rc;
}

struct codec *codec_new(enum codec_alg alg, uint64_t cap, codec_out_fn *out, void *ctx)
{
	struct codec *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->alg = alg;
	c->cap = cap;
	c->out = out;
	c->ctx = ctx;
	bool ok = true;
	switch (alg) {
	case CODEC_NONE:
		c->ended = true;
		break;
	case CODEC_ZLIB:
	case CODEC_GZIP:
		/* 15 = 32 KiB window; +16 selects the gzip wrapper. */
		ok = inflateInit2(&c->z, alg == CODEC_GZIP ? 15 + 16 : 15) == Z_OK;
		break;
	case CODEC_LZ4:
		ok = !LZ4F_isError(LZ4F_createDecompressionContext(&c->lz4, LZ4F_VERSION));
		break;
	case CODEC_ZSTD:
		ok = (c->zstd = ZSTD_createDCtx()) != NULL;
		break;
	}
	if (!ok) {
		if (alg == CODEC_ZLIB || alg == CODEC_GZIP)
			inflateEnd(&c->z);
		free(c);
		return NULL;
	}
	return c;
}

void codec_free(struct codec *c)
{
	if (!c)
		return;
	if (c->alg == CODEC_ZLIB || c->alg == CODEC_GZIP)
		inflateEnd(&c->z);
	LZ4F_freeDecompressionContext(c->lz4);
	ZSTD_freeDCtx(c->zstd);
	free(c);
}

static int feed_zlib(struct codec *c, const unsigned char *in, size_t len)
{
	while (len > 0) {
		if (c->ended) {
			/* pg_dump writes one gzip member per file, but a user's
			 * gzip may append more; a zlib stream has exactly one. */
			if (c->alg == CODEC_ZLIB)
				return fail(c, "data after the end of the compressed stream", NULL);
			inflateReset(&c->z);
			c->ended = false;
		}
		uInt chunk = len > (1u << 30) ? 1u << 30 : (uInt)len;
		c->z.next_in = (Bytef *)in;
		c->z.avail_in = chunk;
		c->z.next_out = c->buf;
		c->z.avail_out = SCRATCH;
		int zr = inflate(&c->z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
			return fail(c, "corrupt zlib data", c->z.msg ? c->z.msg : "bad stream");
		size_t used = chunk - c->z.avail_in;
		in += used;
		len -= used;
		size_t produced = SCRATCH - c->z.avail_out;
		if (zr == Z_STREAM_END)
			c->ended = true;
		int rc = emit(c, c->buf, produced);
		if (rc != KSD_OK)
			return rc;
		if (used == 0 && produced == 0 && zr == Z_BUF_ERROR)
			return fail(c, "corrupt zlib data", "no progress");
	}
	return KSD_OK;
}

static int feed_lz4(struct codec *c, const unsigned char *in, size_t len)
{
	while (len > 0) {
		size_t src = len, dst = SCRATCH;
		size_t r = LZ4F_decompress(c->lz4, c->buf, &dst, in, &src, NULL);
		if (LZ4F_isError(r))
			return fail(c, "corrupt LZ4 data", LZ4F_getErrorName(r));
		in += src;
		len -= src;
		c->ended = r == 0; /* 0: a frame is complete; more may follow */
		int rc = emit(c, c->buf, dst);
		if (rc != KSD_OK)
			return rc;
		if (src == 0 && dst == 0)
			return fail(c, "corrupt LZ4 data", "no progress");
	}
	return KSD_OK;
}

static int feed_zstd(struct codec *c, const unsigned char *in, size_t len)
{
	ZSTD_inBuffer ib = {in, len, 0};
	for (;;) {
		ZSTD_outBuffer ob = {c->buf, SCRATCH, 0};
		size_t before = ib.pos;
		size_t r = ZSTD_decompressStream(c->zstd, &ob, &ib);
		if (ZSTD_isError(r))
			return fail(c, "corrupt zstd data", ZSTD_getErrorName(r));
		/* 0: a frame is complete; a call that moves nothing says nothing. */
		if (ib.pos > before || ob.pos > 0)
			c->ended = r == 0;
		int rc = emit(c, c->buf, ob.pos);
		if (rc != KSD_OK)
			return rc;
		/* A full output buffer may leave more inside zstd. */
		if (ib.pos == ib.size && ob.pos < SCRATCH)
			return KSD_OK;
		if (ib.pos == before && ob.pos == 0)
			return fail(c, "corrupt zstd data", "no progress");
	}
}

int codec_feed(struct codec *c, const void *in, size_t len)
{
	if (c->failed)
		return KSD_FATAL;
	c->fed |= len > 0;
	switch (c->alg) {
	case CODEC_NONE:
		return emit(c, in, len);
	case CODEC_ZLIB:
	case CODEC_GZIP:
		return feed_zlib(c, in, len);
	case CODEC_LZ4:
		return feed_lz4(c, in, len);
	case CODEC_ZSTD:
		return feed_zstd(c, in, len);
	}
	return KSD_FATAL;
}

int codec_end(struct codec *c)
{
	if (c->failed)
		return KSD_FATAL;
	/* No input at all is an empty block, which pg_dump may write. */
	if (!c->ended && c->fed)
		return fail(c, "compressed data ends in the middle of its stream", NULL);
	return KSD_OK;
}

const char *codec_error(const struct codec *c)
{
	return c->error;
}

uint64_t codec_total_out(const struct codec *c)
{
	return c->total;
}

/* The compressions pg_dump writes archive data with; data announcing any
 * other passes through as raw bytes. */
static const enum codec_alg by_magic[KSD_COMP_COUNT] = {
    [KSD_COMP_GZIP] = CODEC_GZIP,
    [KSD_COMP_ZSTD] = CODEC_ZSTD,
    [KSD_COMP_LZ4] = CODEC_LZ4,
};

enum codec_alg codec_sniff(const unsigned char *h, size_t len)
{
	return by_magic[ksd_detect_compression(h, len)];
}
