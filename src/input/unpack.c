/* The decoders behind unpack.h, one method per file (method.h): a table
 * indexed like detect.h's compressions, and the calls that go through it. */
#include <stdlib.h>

#include "input/method.h"

static const struct unpack_method *const methods[KSD_COMP_COUNT] = {
    [KSD_COMP_GZIP] = &unpack_gzip, [KSD_COMP_ZLIB] = &unpack_zlib,
    [KSD_COMP_ZSTD] = &unpack_zstd, [KSD_COMP_ZSTD_SKIPPABLE] = &unpack_zstd,
    [KSD_COMP_LZ4] = &unpack_lz4,   [KSD_COMP_XZ] = &unpack_xz,
};

bool unpack_supports(enum ksd_compression comp)
{
	return methods[comp] != NULL;
}

struct unpack *unpack_new(enum ksd_compression comp)
{
	if (!unpack_supports(comp))
		return NULL;
	struct unpack *u = calloc(1, sizeof(*u));
	if (!u)
		return NULL;
	u->m = methods[comp];
	if (!(u->s = u->m->open())) {
		free(u);
		return NULL;
	}
	return u;
}

void unpack_free(struct unpack *u)
{
	if (!u)
		return;
	u->m->close(u->s);
	free(u);
}

enum unpack_status unpack_step(struct unpack *u, const unsigned char *in, size_t in_len, bool last,
                               size_t *used, unsigned char *out, size_t out_cap, size_t *made)
{
	return u->m->step(u, in, in_len, last, used, out, out_cap, made);
}

const char *unpack_error(const struct unpack *u)
{
	return u->error;
}

const char *unpack_reason(const struct unpack *u)
{
	return u->reason;
}

bool unpack_cut(const struct unpack *u)
{
	return u->cut;
}
