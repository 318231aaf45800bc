/* libFuzzer harness: the metadata row decoder. The first byte picks the
 * form and the report. COPY form: COPY headers, other statements (a
 * CREATE TABLE metadata sets the column order) and, inside a block, data
 * lines up to `\.`; input not starting with a capital letter starts inside
 * a block. INSERT form: statements split after ";\n". The catalog is then
 * analysed, so decoded values also reach the report writers and the fix. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ksd_catalog.h"
#include "ksd_extract.h"
#include "ksd_report.h"
#include "lib/analyse.h"

static const char default_copy[] = "COPY public.metadata (name, value) FROM stdin;";

/* Outside a block a statement runs to ";\n" (a COPY header may span lines
 * in a quoted name); inside one, data lines run to "\n". */
static void copy_form(struct ksd_extract *x, const char *s, size_t len, struct ksd_err *err)
{
	bool in_block = false;
	if (len == 0 || s[0] < 'A' || s[0] > 'Z')
		in_block =
		    ksd_extract_copy_begin(x, default_copy, strlen(default_copy)) != KSD_COPY_SKIP;
	while (len > 0) {
		const char *end = in_block ? memchr(s, '\n', len) : memmem(s, len, ";\n", 2);
		size_t n = end ? (size_t)(end - s) + !in_block : len;
		if (in_block) {
			ksd_extract_copy_line(x, s, n, err);
			in_block = !(n >= 2 && s[0] == '\\' && s[1] == '.');
		} else if (!(in_block = ksd_extract_copy_begin(x, s, n) != KSD_COPY_SKIP)) {
			ksd_extract_stmt(x, s, n, 0, err);
		}
		n += end != NULL;
		s += n;
		len -= n;
	}
	if (in_block)
		ksd_extract_copy_end(x, 0);
}

static void insert_form(struct ksd_extract *x, const char *s, size_t len, struct ksd_err *err)
{
	while (len > 0) {
		const char *end = memmem(s, len, ";\n", 2);
		size_t n = end ? (size_t)(end - s) + 1 : len;
		ksd_extract_stmt(x, s, n, 0, err);
		s += n;
		len -= n;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink && !(sink = fopen("/dev/null", "w")))
		return 0;
	if (size == 0)
		return 0;
	unsigned mode = data[0];
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_dump *dump = ksd_dump_new();
	struct ksd_extract *x = ksd_extract_new(cat, dump, false);
	struct ksd_err err;
	ksd_err_clear(&err);
	if (mode & 1)
		insert_form(x, (const char *)data + 1, size - 1, &err);
	else
		copy_form(x, (const char *)data + 1, size - 1, &err);
	struct ksd_report_opts o = {
	    .format = (mode & 2) ? KSD_OUT_JSON : KSD_OUT_TEXT,
	    .sql_only = (mode & 4) != 0,
	    .explain = (mode & 8) != 0,
	    .assume_version = (mode >> 4) & 1 ? 26 : 0,
	};
	analyse_catalog(sink, "fuzz", dump, cat, &o, false);
	ksd_extract_free(x);
	ksd_catalog_free(cat);
	ksd_dump_free(dump);
	return 0;
}
