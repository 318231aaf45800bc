/* Deflate in its two wrappers: gzip (plain dumps, directory files; members
 * may follow one another) and zlib (custom-format data blocks; one stream).
 * One engine for both: ISA-L's inflate when the build has libisal (two to
 * three times zlib's speed, bench/results.md), zlib's otherwise, behind one
 * call (engine_call) that the member loop drives. The gzip messages use libarchive's
 * words, so a corrupt dump reads the same whichever engine decoded it; each reason is zlib's
 * wording for the fault, which archive data's messages quote. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef KSD_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#else
#include <zlib.h>
#endif

#include "input/method.h"

struct gz {
	bool gzip;    /* the gzip wrapper, else zlib's */
	bool between; /* a stream ended, the next (gzip only) has not begun */
#ifdef KSD_HAVE_ISAL
	struct inflate_state isal;
#else
	z_stream z;
#endif
};

/* Both engines count in 32 bits. */
static uint32_t clamp32(size_t n)
{
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* What may follow a gzip member and is decoded as the next one: the magic
 * and the deflate method. Anything else is trailing bytes, ignored as
 * libarchive (and gzip -d) ignore them. A zlib stream has no successor. */
static bool next_member(struct gz *g, const unsigned char *p, size_t n)
{
	return g->gzip && n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

/* Between streams: UNPACK_OK to go on decoding (a member begins), UNPACK_END,
 * or, as *wait, a request for more input to tell. */
static enum unpack_status after_stream(struct gz *g, const unsigned char *in, size_t left,
                                       bool last, bool *wait)
{
	*wait = g->gzip && left < 3 && !last;
	if (*wait || !next_member(g, in, left))
		return UNPACK_END;
	g->between = false;
	return UNPACK_OK;
}

/* The common ending of one engine call: UNPACK_OK to return what was made,
 * an error for input that ends mid-stream, or -1 to call the engine again. */
static int settle(struct unpack *u, const struct gz *g, size_t in_len, bool last, size_t used,
                  size_t out_cap, size_t made, bool moved)
{
	if (made == out_cap || (used == in_len && (!last || made > 0)))
		return UNPACK_OK;
	if (used == in_len)
		return unpack_fail_cut(u,
		                       g->gzip ? "truncated gzip input" : "truncated zlib input");
	if (!moved)
		return unpack_fail(
		    u, g->gzip ? "gzip decompression failed" : "zlib decompression failed",
		    "no progress");
	return -1;
}

#ifdef KSD_HAVE_ISAL
static void *engine_open(bool gzip)
{
	struct gz *g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	g->gzip = gzip;
	isal_inflate_init(&g->isal);
	/* gzip: parse the header, check CRC and size; zlib: header and Adler-32. */
	g->isal.crc_flag = gzip ? ISAL_GZIP : ISAL_ZLIB;
	return g;
}

static void engine_close(void *s)
{
	free(s);
}

/* ISA-L's error codes in libarchive's words and zlib's reasons. */
static enum unpack_status isal_fail(struct unpack *u, int r)
{
	switch (r) {
	case ISAL_INVALID_WRAPPER:
		return unpack_fail(u, "invalid gzip header", "incorrect header check");
	case ISAL_UNSUPPORTED_METHOD:
		return unpack_fail(u, "invalid gzip header", "unknown compression method");
	case ISAL_INCORRECT_CHECKSUM:
		return unpack_fail(u, "gzip data does not match its CRC or length",
		                   "incorrect data check");
	case ISAL_INVALID_LOOKBACK:
		return unpack_fail(u, "gzip decompression failed", "invalid distance too far back");
	case ISAL_INVALID_SYMBOL:
		return unpack_fail(u, "gzip decompression failed", "invalid code");
	default:
		return unpack_fail(u, "gzip decompression failed", "invalid block");
	}
}

static void engine_reset(struct gz *g)
{
	isal_inflate_reset(&g->isal);
	g->isal.crc_flag = ISAL_GZIP;
}

static enum unpack_status engine_call(struct unpack *u, struct gz *g, const unsigned char *in,
                                      size_t in_len, unsigned char *out, size_t out_cap,
                                      size_t *used, size_t *made, bool *ended)
{
	struct inflate_state *z = &g->isal;
	z->next_in = (uint8_t *)in;
	z->avail_in = clamp32(in_len);
	z->next_out = out;
	z->avail_out = clamp32(out_cap);
	uint32_t in0 = z->avail_in, out0 = z->avail_out;
	int r = isal_inflate(z);
	/* After an error the counts may be anything: none is trusted. */
	if (r == ISAL_DECOMP_OK && (z->avail_in > in0 || z->avail_out > out0))
		r = ISAL_INVALID_BLOCK;
	if (r != ISAL_DECOMP_OK)
		return isal_fail(u, r);
	*used = in0 - z->avail_in;
	*made = out0 - z->avail_out;
	*ended = z->block_state == ISAL_BLOCK_FINISH;
	return UNPACK_OK;
}
#else
static void *engine_open(bool gzip)
{
	struct gz *g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	g->gzip = gzip;
	/* 15 = 32 KiB window; +16 selects the gzip wrapper. */
	if (inflateInit2(&g->z, gzip ? 15 + 16 : 15) != Z_OK) {
		free(g);
		return NULL;
	}
	return g;
}

static void engine_close(void *s)
{
	struct gz *g = s;
	inflateEnd(&g->z);
	free(g);
}

/* zlib's message in libarchive's words for gzip. */
static enum unpack_status zlib_fail(struct unpack *u, const struct gz *g)
{
	const char *why = g->z.msg ? g->z.msg : "bad stream";
	const char *what = "gzip decompression failed";
	if (!g->gzip)
		what = "zlib decompression failed";
	else if (strstr(why, "header") || strstr(why, "method") || strstr(why, "window"))
		what = "invalid gzip header";
	else if (strstr(why, "check"))
		what = "gzip data does not match its CRC or length";
	return unpack_fail(u, what, why);
}

static void engine_reset(struct gz *g)
{
	inflateReset(&g->z);
}

static enum unpack_status engine_call(struct unpack *u, struct gz *g, const unsigned char *in,
                                      size_t in_len, unsigned char *out, size_t out_cap,
                                      size_t *used, size_t *made, bool *ended)
{
	z_stream *z = &g->z;
	z->next_in = (Bytef *)in;
	z->avail_in = clamp32(in_len);
	z->next_out = out;
	z->avail_out = clamp32(out_cap);
	uInt in0 = z->avail_in, out0 = z->avail_out;
	int r = inflate(z, Z_NO_FLUSH);
	if (r != Z_OK && r != Z_STREAM_END && r != Z_BUF_ERROR)
		return zlib_fail(u, g);
	*used = in0 - z->avail_in;
	*made = out0 - z->avail_out;
	*ended = r == Z_STREAM_END;
	return UNPACK_OK;
}
#endif

/* One engine call after another, each on what is left of the input and the
 * output, a gzip member's end followed by the next member's start. */
static enum unpack_status engine_step(struct unpack *u, const unsigned char *in, size_t in_len,
                                      bool last, size_t *used, unsigned char *out, size_t out_cap,
                                      size_t *made)
{
	struct gz *g = u->s;
	*used = *made = 0;
	for (;;) {
		if (g->between) {
			bool wait;
			if (after_stream(g, in + *used, in_len - *used, last, &wait) != UNPACK_OK)
				return wait ? UNPACK_OK : UNPACK_END;
			engine_reset(g);
		}
		size_t took, gave;
		bool ended;
		enum unpack_status r = engine_call(u, g, in + *used, in_len - *used, out + *made,
		                                   out_cap - *made, &took, &gave, &ended);
		if (r != UNPACK_OK)
			return r;
		*used += took;
		*made += gave;
		if (ended) {
			g->between = true;
			continue;
		}
		int st = settle(u, g, in_len, last, *used, out_cap, *made, took || gave);
		if (st >= 0)
			return (enum unpack_status)st;
	}
}

/* Whichever engine the build has, under one set of names. */
static void *open_gzip(void)
{
	return engine_open(true);
}

static void *open_zlib(void)
{
	return engine_open(false);
}

const struct unpack_method unpack_gzip = {open_gzip, engine_close, engine_step};
const struct unpack_method unpack_zlib = {open_zlib, engine_close, engine_step};
