/* Our own decoders for compressed plain input (see unpack.h): one row per
 * compression in a table indexed like detect.h's magic numbers. Their
 * messages use libarchive's words, so a corrupt dump reads the same
 * whichever path decoded it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef KSD_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "input/unpack.h"
#include "input/xz.h"

struct unpack {
	const struct alg *alg;
	const char *error;
	bool between; /* gzip: a member ended, the next has not begun */
	union {
		struct xz *xz;
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
