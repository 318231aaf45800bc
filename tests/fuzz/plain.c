/* libFuzzer harness: the plain reader with the tokenizer and DDL extractor
 * behind it, fed in two slices split where the first byte says; its high
 * bit says whether rows are counted (the table data read at its ends). */
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"
#include "ksd_extract.h"
#include "reader/plain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t split = data[0] % size;
	struct ksd_catalog *cat = ksd_catalog_new();
	cat->count_rows = data[0] & 0x80;
	struct ksd_extract *x = ksd_extract_new(cat);
	struct ksd_err err;
	ksd_err_clear(&err);
	struct plain *p = plain_new(x, &err);
	if (plain_feed(p, data + 1, split) != KSD_FATAL &&
	    plain_feed(p, data + 1 + split, size - 1 - split) != KSD_FATAL)
		plain_finish(p);
	plain_free(p);
	ksd_extract_free(x);
	ksd_catalog_free(cat);
	return 0;
}
