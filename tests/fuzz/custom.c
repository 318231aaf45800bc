/* libFuzzer harness: the custom-format reader (header, TOC, block walk or
 * seek, decompression, metadata rows). */
#include "seekable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_seekable(data, size, ksd_read_custom);
}
