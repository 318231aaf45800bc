/* libFuzzer harness: a directory-format dump. The input is toc.dat, then
 * any number of "\nKSD-FILE:NAME\n" markers, each followed by that file's
 * bytes (NNNN.dat, NNNN.dat.gz...). The files are written to a private
 * temporary directory that is then read as the tool reads a directory. */
#define _GNU_SOURCE /* memmem */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"
#include "lib/analyse.h"
#include "lib/feed.h"

#define MARKER    "\nKSD-FILE:"
#define MAX_FILES 16
#define MAX_NAME  40

static char *dir;
static size_t nfiles;

static void remove_dir(void)
{
	feed_dir_free(dir);
}

/* File names stay inside the directory: letters, digits, '.', '_', '-'. */
static bool safe_name(const char *s, size_t len)
{
	if (len == 0 || len > MAX_NAME || s[0] == '.')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && !(s[i] >= 'a' && s[i] <= 'z') &&
		    !(s[i] >= 'A' && s[i] <= 'Z') && s[i] != '.' && s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

static void put(const char *name, size_t nlen, const uint8_t *data, size_t len)
{
	if (nfiles == MAX_FILES || !safe_name(name, nlen))
		return;
	char file[MAX_NAME + 1];
	memcpy(file, name, nlen);
	file[nlen] = '\0';
	feed_dir_put(dir, file, data, len);
	nfiles++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!dir) {
		if (!(sink = fopen("/dev/null", "w")))
			return 0;
		dir = feed_dir_new();
		atexit(remove_dir);
	}
	const char *name = "toc.dat";
	size_t nlen = strlen(name);
	const uint8_t *p = data, *end = data + size;
	for (;;) {
		const uint8_t *m = memmem(p, (size_t)(end - p), MARKER, strlen(MARKER));
		put(name, nlen, p, m ? (size_t)(m - p) : (size_t)(end - p));
		if (!m)
			break;
		name = (const char *)m + strlen(MARKER);
		const uint8_t *nl = memchr(name, '\n', (size_t)(end - (const uint8_t *)name));
		if (!nl)
			break;
		nlen = (size_t)(nl - (const uint8_t *)name);
		p = nl + 1;
	}
	feed_count_rows = size & 1; /* every table's data decoded and counted */
	struct feed_result r = feed_read_path(dir);
	if (r.rc != KSD_FATAL) {
		struct ksd_report_opts o = {.format = KSD_OUT_JSON};
		analyse_catalog(sink, dir, r.dump, r.cat, &o, false);
		ksd_list_toc(sink, dir, r.dump);
	}
	feed_free(&r);
	feed_dir_clear(dir);
	nfiles = 0;
	return 0;
}
