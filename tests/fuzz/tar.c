/* libFuzzer harness: the tar reader (libarchive over our byte source, the
 * toc.dat member, member skipping, metadata rows). */
#include "seekable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_seekable(data, size, ksd_read_tar);
}
