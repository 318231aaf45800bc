/* libFuzzer harness: the plain reader with the tokenizer and DDL extractor
 * behind it, fed in two slices split where the first byte says; its high
 * bit says whether rows are counted (the table data read at its ends), the
 * next whether the bytes are read as an archive's data member (the
 * statement stream without the script's meta-commands and comments). */
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"
#include "ksd_extract.h"
#include "reader/plain.h"
#include "reader/stmts.h"

/* As toc_data.c reads a data member. */
static void data_member(struct ksd_extract *x, struct ksd_err *err, const uint8_t *d, size_t split,
                        size_t len)
{
	struct stmts st;
	stmts_init(&st, x, err);
	enum sql_open open;
	if (stmts_feed(&st, d, split, NULL, NULL) != KSD_FATAL &&
	    stmts_feed(&st, d + split, len - split, NULL, NULL) != KSD_FATAL)
		stmts_finish(&st, NULL, NULL, &open);
	stmts_free(&st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t split = data[0] % size;
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_dump *dump = ksd_dump_new();
	struct ksd_extract *x = ksd_extract_new(cat, dump, data[0] & 0x80);
	struct ksd_err err;
	ksd_err_clear(&err);
	if (data[0] & 0x40) {
		data_member(x, &err, data + 1, split, size - 1);
	} else {
		struct plain *p = plain_new(x, &err);
		if (plain_feed(p, data + 1, split) != KSD_FATAL &&
		    plain_feed(p, data + 1 + split, size - 1 - split) != KSD_FATAL)
			plain_finish(p);
		plain_free(p);
	}
	ksd_extract_free(x);
	ksd_catalog_free(cat);
	ksd_dump_free(dump);
	return 0;
}
