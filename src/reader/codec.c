/* Archive data through the pull decoder (codec.h). The decoder may leave a
 * few bytes unread until it sees what follows them (a next gzip member or
 * lz4 frame): those wait in `carry` for the next feed. Every piece is
 * decoded into the hand-off's buffers (handoff.h), counts against the cap,
 * and reaches the callback, on a second thread for a table whose rows are
 * only counted. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_unpack.h"
#include "ksd_err.h"
#include "reader/codec.h"
#include "reader/handoff.h"

struct codec {
	enum ksd_compression comp;
	struct unpack *u; /* NULL for uncompressed data */
	uint64_t cap, total;
	codec_out_fn *out;
	void *ctx;
	bool ended;  /* the stream is complete at this point */
	bool failed; /* a stopped codec takes no more input */
	bool fed;    /* some input came */
	char error[128];
	unsigned char carry[UNPACK_LOOKAHEAD];
	size_t ncarry;
	struct handoff *h; /* where decoded pieces go to the callback */
};

/* Stops the codec with "what" or "what: detail". */
static int fail(struct codec *c, const char *what, const char *detail)
{
	snprintf(c->error, sizeof(c->error), "%s%s%s", what, detail ? ": " : "",
	         detail ? detail : "");
	c->failed = true;
	return KSD_FATAL;
}

/* Stops the codec for a fault in the data, once the callback has taken
 * what came before it: a failure of the callback's comes first. */
static int fail_data(struct codec *c, const char *what, const char *detail)
{
	int rc = c->h ? handoff_drain(c->h) : KSD_OK;
	if (rc != KSD_OK) {
		c->failed = true;
		return rc;
	}
	return fail(c, what, detail);
}

/* The decoder's fault, in the words archive data has always had. */
static int stopped(struct codec *c)
{
	if (unpack_cut(c->u))
		return fail_data(c, "compressed data ends in the middle of its stream", NULL);
	const char *what = c->comp == KSD_COMP_LZ4    ? "corrupt LZ4 data"
	                   : c->comp == KSD_COMP_ZSTD ? "corrupt zstd data"
	                                              : "corrupt zlib data";
	const char *why = unpack_reason(c->u);
	return fail_data(c, what, why ? why : unpack_error(c->u));
}

/* Whether n more bytes stay within the cap; counts them. */
static bool within_cap(struct codec *c, size_t n)
{
	if (n > c->cap - c->total)
		return false;
	c->total += n;
	return true;
}

static int bomb(struct codec *c)
{
	char what[80];
	snprintf(what, sizeof(what), "data expands past %llu bytes (a decompression bomb?)",
	         (unsigned long long)c->cap);
	return fail_data(c, what, NULL);
}

/* Passes the n bytes decoded into the hand-off's buffer on. */
static int emit(struct codec *c, size_t n)
{
	if (!within_cap(c, n))
		return bomb(c);
	int rc = handoff_give(c->h, n);
	if (rc != KSD_OK)
		c->failed = true;
	return rc;
}

struct codec *codec_new(enum ksd_compression comp, uint64_t cap, codec_out_fn *out, void *ctx)
{
	struct codec *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->comp = comp;
	c->cap = cap;
	c->out = out;
	c->ctx = ctx;
	if (comp == KSD_COMP_NONE)
		return c;
	/* A table whose rows are only counted is inflated while the last
	 * piece is counted; metadata's (capped) data stays on this thread. */
	c->u = unpack_new(comp);
	c->h = c->u ? handoff_new(out, ctx, cap == UINT64_MAX) : NULL;
	if (!c->h) {
		codec_free(c);
		return NULL;
	}
	return c;
}

void codec_free(struct codec *c)
{
	if (!c)
		return;
	handoff_free(c->h);
	unpack_free(c->u);
	free(c);
}

/* Decodes p[0..n) until it is taken, the stream ends or the decoder waits
 * for what follows; *took says how much was taken. */
static int run(struct codec *c, const unsigned char *p, size_t n, bool last, size_t *took)
{
	*took = 0;
	if (c->ended)
		return n > 0 ? fail_data(c, "data after the end of the compressed stream", NULL)
		             : KSD_OK;
	for (;;) {
		size_t used, made;
		enum unpack_status st =
		    unpack_step(c->u, p + *took, n - *took, last, &used, handoff_buffer(c->h),
		                handoff_room(c->h), &made);
		*took += used;
		if (st == UNPACK_ERROR)
			return stopped(c);
		int rc = emit(c, made);
		if (rc != KSD_OK)
			return rc;
		if (st == UNPACK_END) {
			c->ended = true;
			return *took < n
			           ? fail_data(c, "data after the end of the compressed stream",
			                       NULL)
			           : KSD_OK;
		}
		if (used == 0 && made == 0)
			return KSD_OK;
	}
}

int codec_feed(struct codec *c, const void *in, size_t len)
{
	if (c->failed)
		return KSD_FATAL;
	c->fed |= len > 0;
	if (!c->u) {
		if (!within_cap(c, len))
			return bomb(c);
		int rc = len ? c->out(c->ctx, in, len) : KSD_OK;
		c->failed = rc != KSD_OK;
		return rc;
	}
	const unsigned char *p = in;
	size_t took;
	if (c->ncarry > 0) {
		/* What waited, with enough of the new bytes to tell what follows. */
		size_t k = len < sizeof(c->carry) - c->ncarry ? len : sizeof(c->carry) - c->ncarry;
		memcpy(c->carry + c->ncarry, p, k);
		size_t had = c->ncarry;
		c->ncarry += k;
		int rc = run(c, c->carry, c->ncarry, false, &took);
		if (rc != KSD_OK)
			return rc;
		if (took < had) {
			memmove(c->carry, c->carry + took, c->ncarry - took);
			c->ncarry -= took;
			return KSD_OK; /* all of `in` waits with it */
		}
		c->ncarry = 0;
		p += took - had;
		len -= took - had;
	}
	int rc = run(c, p, len, false, &took);
	if (rc != KSD_OK)
		return rc;
	/* The decoder waits only for fewer than UNPACK_LOOKAHEAD bytes. */
	if (len - took > sizeof(c->carry))
		return fail(c, "corrupt data", "the decoder made no progress");
	memcpy(c->carry, p + took, len - took);
	c->ncarry = len - took;
	return KSD_OK;
}

int codec_end(struct codec *c)
{
	if (c->failed)
		return KSD_FATAL;
	/* No input at all is an empty block, which pg_dump may write. */
	if (!c->u || !c->fed)
		return KSD_OK;
	size_t took;
	int rc = run(c, c->carry, c->ncarry, true, &took);
	if (rc == KSD_OK && (rc = handoff_drain(c->h)) != KSD_OK)
		c->failed = true;
	return rc;
}

const char *codec_error(const struct codec *c)
{
	return c->error;
}

enum ksd_compression codec_sniff(const unsigned char *h, size_t len)
{
	/* The compressions pg_dump writes archive data with; data announcing
	 * any other passes through as raw bytes. */
	enum ksd_compression comp = ksd_detect_compression(h, len);
	return comp == KSD_COMP_GZIP || comp == KSD_COMP_ZSTD || comp == KSD_COMP_LZ4
	           ? comp
	           : KSD_COMP_NONE;
}

static const enum ksd_compression_alg facts[KSD_COMP_COUNT] = {
    [KSD_COMP_GZIP] = KSD_COMPRESSION_GZIP,   [KSD_COMP_ZLIB] = KSD_COMPRESSION_GZIP,
    [KSD_COMP_ZSTD] = KSD_COMPRESSION_ZSTD,   [KSD_COMP_ZSTD_SKIPPABLE] = KSD_COMPRESSION_ZSTD,
    [KSD_COMP_LZ4] = KSD_COMPRESSION_LZ4,     [KSD_COMP_LZ4_LEGACY] = KSD_COMPRESSION_LZ4,
    [KSD_COMP_BZIP2] = KSD_COMPRESSION_BZIP2, [KSD_COMP_XZ] = KSD_COMPRESSION_XZ,
};

enum ksd_compression_alg codec_fact(enum ksd_compression comp)
{
	return facts[comp];
}
