/* libFuzzer harness: a directory-format dump. The input is toc.dat, then
 * any number of "\nKSD-FILE:NAME\n" markers, each followed by that file's
 * bytes (NNNN.dat, NNNN.dat.gz...). The files are written to a private
 * temporary directory that is then read as the tool reads a directory. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ksd_catalog.h"
#include "ksd_reader.h"
#include "ksd_report.h"

#define MARKER    "\nKSD-FILE:"
#define MAX_FILES 16
#define MAX_NAME  40

static char dir[4096];
static char names[MAX_FILES][MAX_NAME + 1];
static size_t nnames;

static void clean(void)
{
	char path[sizeof(dir) + MAX_NAME + 2];
	for (size_t i = 0; i < nnames; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	nnames = 0;
}

static void remove_dir(void)
{
	clean();
	rmdir(dir);
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
	if (nnames == MAX_FILES || !safe_name(name, nlen))
		return;
	memcpy(names[nnames], name, nlen);
	names[nnames][nlen] = '\0';
	char path[sizeof(dir) + MAX_NAME + 2];
	snprintf(path, sizeof(path), "%s/%s", dir, names[nnames++]);
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, len, f);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");
		snprintf(dir, sizeof(dir), "%s/ksd-fuzz-dir.XXXXXX", tmp && *tmp ? tmp : P_tmpdir);
		if (!mkdtemp(dir) || !(sink = fopen("/dev/null", "w"))) {
			dir[0] = '\0';
			return 0;
		}
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
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_err err;
	ksd_err_clear(&err);
	if (ksd_read_dump(dir, cat, &err) != KSD_FATAL) {
		struct ksd_report_opts o = {.format = KSD_OUT_JSON};
		ksd_analyse(sink, dir, cat, &o);
		ksd_list_toc(sink, dir, cat);
	}
	ksd_catalog_free(cat);
	clean();
	return 0;
}
