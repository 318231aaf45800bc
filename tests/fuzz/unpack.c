/* libFuzzer harness: the one decoder interface (gzip and zlib's wrapper
 * through ISA-L or zlib, xz in blocks on two threads with streams
 * concatenated, zstd, lz4), stepped as the byte source steps them. Input: a
 * mode byte (bits 1-7: the window and output sizes; bit 0: a stream without
 * a magic number is zlib's, as custom-format data blocks are), then the
 * compressed stream, whose magic number chooses the decoder as the byte
 * source's detection does. Every run must end (decoded, or an error with a
 * message) and never read or write out of bounds. */
#include <stdint.h>
#include <stdlib.h>

#include "ksd_unpack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	enum ksd_compression comp = ksd_detect_compression(data + 1, size - 1);
	if (comp == KSD_COMP_NONE && (data[0] & 1))
		comp = KSD_COMP_ZLIB;
	if (!unpack_supports(comp))
		return 0;
	size_t slice = UNPACK_LOOKAHEAD + ((size_t)(data[0] >> 1) << 6);
	size_t cap = 1 + ((size_t)(data[0] >> 1) << 9);
	data++;
	size--;
	struct unpack *u = unpack_new(comp);
	unsigned char *out = malloc(cap);
	if (!u || !out)
		goto done;
	size_t at = 0, total = 0;
	for (unsigned idle = 0;;) {
		size_t n = size - at < slice ? size - at : slice;
		size_t used, made;
		enum unpack_status st =
		    unpack_step(u, data + at, n, at + n == size, &used, out, cap, &made);
		if (used > n || made > cap)
			abort();
		at += used;
		total += made;
		if (st == UNPACK_ERROR && !unpack_error(u)[0])
			abort();
		/* A stream stops somewhere; a decoder that neither reads nor
		 * writes three times running would spin in the byte source. */
		idle = used || made ? 0 : idle + 1;
		if (st != UNPACK_OK || idle == 3 || total > (64u << 20))
			break;
	}
done:
	free(out);
	unpack_free(u);
	return 0;
}
