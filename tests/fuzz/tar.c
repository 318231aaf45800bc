/* libFuzzer harness: the tar reader (libarchive over our byte source, the
 * toc.dat member, member skipping, metadata rows), over the input as a
 * seekable file. */
#include <stdint.h>

#include "lib/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_result r = feed_read(KSD_FMT_TAR, data, size, FEED_FILE);
	feed_free(&r);
	return 0;
}
