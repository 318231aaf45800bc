/* libFuzzer harness: the custom-format reader (header, TOC, block walk or
 * seek, decompression, metadata rows; with an odd size every table's rows
 * counted, on the decoder's second thread), over the input as a seekable
 * file. */
#include <stdint.h>

#include "lib/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	feed_count_rows = size & 1; /* every table's data decoded and counted */
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, data, size, FEED_FILE);
	feed_free(&r);
	return 0;
}
