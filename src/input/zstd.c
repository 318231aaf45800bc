/* zstd frames, as the zstd tool writes them one after another (skippable
 * frames included, which libzstd passes over) and as pg_dump 16+ writes
 * archive data; bytes after a frame that begin none are an error, as in
 * libarchive and zstd -d. The window is capped (KSD_ZSTD_WINDOW_LOG_MAX). */
#include <stdio.h>
#include <stdlib.h>
#include <zstd.h>

#include "input/method.h"
#include "ksd_limits.h"

struct zs {
	ZSTD_DCtx *d;
	bool in_frame; /* a frame has begun and not ended */
};

static void *zs_open(void)
{
	struct zs *z = calloc(1, sizeof(*z));
	if (!z)
		return NULL;
	z->d = ZSTD_createDCtx();
	z->in_frame = true; /* the first frame is due: no input is a cut one */
	if (!z->d || ZSTD_isError(ZSTD_DCtx_setParameter(z->d, ZSTD_d_windowLogMax,
	                                                 KSD_ZSTD_WINDOW_LOG_MAX))) {
		ZSTD_freeDCtx(z->d);
		free(z);
		return NULL;
	}
	return z;
}

static void zs_close(void *s)
{
	struct zs *z = s;
	ZSTD_freeDCtx(z->d);
	free(z);
}

static enum unpack_status zs_step(struct unpack *u, const unsigned char *in, size_t in_len,
                                  bool last, size_t *used, unsigned char *out, size_t out_cap,
                                  size_t *made)
{
	struct zs *z = u->s;
	ZSTD_inBuffer ib = {in, in_len, 0};
	ZSTD_outBuffer ob = {out, out_cap, 0};
	*used = *made = 0;
	/* One call stops at a frame's end; the next begins the next frame.
	 * Between frames an empty input is not passed in (libzstd would take
	 * the call as the start of another); inside one it may be, for output
	 * libzstd holds back when the last call's output buffer was full. */
	while (ob.pos < ob.size && (ib.pos < ib.size || z->in_frame)) {
		size_t in0 = ib.pos, out0 = ob.pos;
		size_t r = ZSTD_decompressStream(z->d, &ob, &ib);
		if (ZSTD_isError(r)) {
			*used = in0; /* the error's offset: where the failing call began */
			snprintf(u->why, sizeof(u->why), "invalid zstd data: %s",
			         ZSTD_getErrorName(r));
			return unpack_fail(u, u->why, ZSTD_getErrorName(r));
		}
		z->in_frame = r != 0;
		if (ib.pos == in0 && ob.pos == out0)
			break;
	}
	*used = ib.pos;
	*made = ob.pos;
	if (ob.pos > 0 || ib.pos < ib.size || !last)
		return UNPACK_OK;
	return z->in_frame ? unpack_fail_cut(u, "truncated zstd input") : UNPACK_END;
}

const struct unpack_method unpack_zstd = {zs_open, zs_close, zs_step};
