/* Runs an archive reader that needs a seekable source over the fuzz input:
 * the bytes go to one temporary file, reopened through /dev/fd so that each
 * run starts at offset 0 with the reader's own buffering. */
#ifndef KSD_FUZZ_SEEKABLE_H
#define KSD_FUZZ_SEEKABLE_H

#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "ksd_catalog.h"
#include "ksd_extract.h"
#include "ksd_reader.h"
#include "ksd_source.h"

static inline int fuzz_seekable(const uint8_t *data, size_t size, ksd_reader_fn *read)
{
	static FILE *f;
	if (!f && !(f = tmpfile()))
		return 0;
	int fd = fileno(f);
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return 0;
	char path[32];
	snprintf(path, sizeof(path), "/dev/fd/%d", fd);
	struct ksd_err err;
	ksd_err_clear(&err);
	struct ksd_source *src = ksd_source_open(path, &err);
	if (!src)
		return 0;
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_extract *x = ksd_extract_new(cat);
	read(&(struct ksd_read){.src = src, .x = x, .cat = cat, .err = &err});
	ksd_extract_free(x);
	ksd_catalog_free(cat);
	ksd_source_free(src);
	return 0;
}

#endif
