/* LZ4 frames (skippable ones passed over by liblz4) one after another, in
 * plain dumps and in pg_dump 16+'s archive data; as in libarchive, bytes
 * after a frame that begin none are ignored. Frames of the legacy format
 * are decoded by libarchive when they come first (source.c), and refused
 * after a frame rather than silently dropped. */
#include <lz4frame.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_detect.h"
#include "input/method.h"

struct lz {
	LZ4F_dctx *d;
	bool between; /* a frame ended, the next has not begun */
};

static void *lz_open(void)
{
	struct lz *z = calloc(1, sizeof(*z));
	if (z && LZ4F_isError(LZ4F_createDecompressionContext(&z->d, LZ4F_VERSION))) {
		free(z);
		return NULL;
	}
	return z;
}

static void lz_close(void *s)
{
	struct lz *z = s;
	LZ4F_freeDecompressionContext(z->d);
	free(z);
}

static enum unpack_status lz_fail(struct unpack *u, size_t r)
{
	/* liblz4 names its errors after their codes, whose enum is not in its
	 * stable interface. */
	const char *name = LZ4F_getErrorName(r);
	return unpack_fail(
	    u, strstr(name, "hecksum") ? "lz4 stream checksum error" : "malformed lz4 data", name);
}

static enum unpack_status lz_step(struct unpack *u, const unsigned char *in, size_t in_len,
                                  bool last, size_t *used, unsigned char *out, size_t out_cap,
                                  size_t *made)
{
	struct lz *z = u->s;
	*used = *made = 0;
	/* Inside a frame liblz4 is called even without input: it may hold
	 * output back when the last call's output buffer was full. */
	while (*made < out_cap && (*used < in_len || !z->between)) {
		if (z->between) {
			size_t left = in_len - *used;
			if (left < 4 && !last)
				return UNPACK_OK; /* the caller brings more input */
			/* detect.h's magic numbers; a skippable frame reads as zstd's. */
			enum ksd_compression next = ksd_detect_compression(in + *used, left);
			if (next == KSD_COMP_LZ4_LEGACY)
				return unpack_fail(
				    u, "a legacy lz4 frame after an lz4 frame is not supported",
				    NULL);
			if (next != KSD_COMP_LZ4 && next != KSD_COMP_ZSTD_SKIPPABLE)
				return UNPACK_END;
			z->between = false;
		}
		size_t dst = out_cap - *made, src = in_len - *used;
		size_t r = LZ4F_decompress(z->d, out + *made, &dst, in + *used, &src, NULL);
		if (LZ4F_isError(r))
			return lz_fail(u, r);
		*used += src;
		*made += dst;
		z->between = r == 0; /* liblz4 is ready for the next frame */
		if (src == 0 && dst == 0)
			break;
	}
	if (*made > 0 || *used < in_len || !last)
		return UNPACK_OK;
	return z->between ? UNPACK_END : unpack_fail_cut(u, "truncated lz4 input");
}

const struct unpack_method unpack_lz4 = {lz_open, lz_close, lz_step};
