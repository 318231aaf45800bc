/* libFuzzer harness: a whole dump file through format detection and its
 * reader (custom, tar, compressed or plain), then the analysis and the TOC
 * listing. The input is written to a memory file that is read by path, as
 * the tool reads a dump. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ksd_catalog.h"
#include "ksd_reader.h"
#include "ksd_report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	static int fd = -1;
	static char path[64];
	if (fd < 0) {
		if ((fd = memfd_create("ksd-fuzz-archive", 0)) < 0 ||
		    !(sink = fopen("/dev/null", "w")))
			return 0;
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_err err;
	ksd_err_clear(&err);
	if (ksd_read_dump(path, cat, &err) != KSD_FATAL) {
		struct ksd_report_opts o = {.format = size & 1 ? KSD_OUT_JSON : KSD_OUT_TEXT};
		ksd_analyse(sink, path, cat, &o);
		ksd_list_toc(sink, path, cat);
	}
	ksd_catalog_free(cat);
	return 0;
}
