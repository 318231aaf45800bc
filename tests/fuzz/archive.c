/* libFuzzer harness: a whole dump file through format detection and its
 * reader (custom, tar, compressed or plain), then the analysis and the TOC
 * listing. The input is a file read by path, as the tool reads a dump. */
#include <stdint.h>
#include <stdio.h>

#include "ksd_report.h"
#include "lib/analyse.h"
#include "lib/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!sink && !(sink = fopen("/dev/null", "w")))
		return 0;
	feed_count_rows = size & 1; /* JSON counts every table's rows */
	struct feed_result r = feed_read(KSD_FMT_UNKNOWN, data, size, FEED_FILE);
	if (r.rc != KSD_FATAL) {
		struct ksd_report_opts o = {.format = size & 1 ? KSD_OUT_JSON : KSD_OUT_TEXT};
		analyse_catalog(sink, "fuzz", r.dump, r.cat, &o, false);
		ksd_list_toc(sink, "fuzz", r.dump);
	}
	feed_free(&r);
	return 0;
}
