/* Format detection from content (see detect.h). Cheap, certain checks
 * first; plain SQL is the fallback. Calls no reader. */
#include <string.h>
#include <sys/stat.h>

#include "ksd_detect.h"

/* Each magic number as a range per byte: lo[i] <= byte i <= hi[i], hi
 * NULL for a fixed byte string. */
static const struct magic {
	size_t len;
	const char *lo, *hi;
} magics[KSD_COMP_COUNT] = {
    [KSD_COMP_GZIP] = {2, "\x1f\x8b", NULL},
    [KSD_COMP_ZSTD] = {4, "\x28\xb5\x2f\xfd", NULL},
    [KSD_COMP_ZSTD_SKIPPABLE] = {4, "\x50\x2a\x4d\x18", "\x5f\x2a\x4d\x18"},
    [KSD_COMP_LZ4] = {4, "\x04\x22\x4d\x18", NULL},
    [KSD_COMP_LZ4_LEGACY] = {4, "\x02\x21\x4c\x18", NULL},
    [KSD_COMP_BZIP2] = {4, "BZh1", "BZh9"}, /* the digit is the block size */
    [KSD_COMP_XZ] = {6, "\xfd\x37\x7a\x58\x5a\x00", NULL},
};

enum ksd_compression ksd_detect_compression(const unsigned char *h, size_t len)
{
	for (size_t c = KSD_COMP_NONE + 1; c < KSD_COMP_COUNT; c++) {
		const struct magic *m = &magics[c];
		if (m->len == 0)
			continue; /* told otherwise (KSD_COMP_ZLIB) */
		const unsigned char *lo = (const unsigned char *)m->lo;
		const unsigned char *hi = (const unsigned char *)(m->hi ? m->hi : m->lo);
		size_t i = 0;
		while (i < m->len && i < len && h[i] >= lo[i] && h[i] <= hi[i])
			i++;
		if (i == m->len)
			return (enum ksd_compression)c;
	}
	return KSD_COMP_NONE;
}

static bool has_prefix(const unsigned char *h, size_t len, const char *magic, size_t n)
{
	return len >= n && memcmp(h, magic, n) == 0;
}

/* A tar header block whose checksum holds, with the ustar magic (POSIX or
 * GNU) or, as pg_dump before 9.3 wrote it, none but member toc.dat. Any
 * member may come first: people re-pack pg_dump's tar files. */
static bool is_tar(const unsigned char *h, size_t len)
{
	if (len < 512 ||
	    (memcmp(h + 257, "ustar", 5) != 0 && strncmp((const char *)h, "toc.dat", 100) != 0))
		return false;
	unsigned long want = 0;
	size_t i = 148;
	while (i < 156 && h[i] == ' ')
		i++;
	for (; i < 156 && h[i] >= '0' && h[i] <= '7'; i++)
		want = want * 8 + (unsigned long)(h[i] - '0');
	unsigned long sum = 0;
	for (i = 0; i < 512; i++)
		sum += (i >= 148 && i < 156) ? ' ' : h[i];
	return sum == want;
}

static bool looks_like_text(const unsigned char *h, size_t len)
{
	size_t bad = 0;
	for (size_t i = 0; i < len; i++)
		if (h[i] == 0 || (h[i] < 0x20 && h[i] != '\n' && h[i] != '\r' && h[i] != '\t' &&
		                  h[i] != '\f' && h[i] != 0x1b))
			bad++;
	return bad == 0 || bad * 100 < len; /* a stray control byte is not binary */
}

enum ksd_detected ksd_detect(const unsigned char *h, size_t len)
{
	if (len == 0)
		return KSD_DET_EMPTY;
	if (has_prefix(h, len, "PGDMP", 5)) {
		/* The format byte moved when offSize was added in archive 1.7. */
		size_t at = len > 6 && h[6] >= 7 ? 10 : 9;
		if (len > at && h[at] == 3)
			return KSD_DET_ARCHIVE_TOC;
		return KSD_DET_CUSTOM;
	}
	if (is_tar(h, len))
		return KSD_DET_TAR;
	if (ksd_detect_compression(h, len) != KSD_COMP_NONE)
		return KSD_DET_COMPRESSED;
	const char *cluster = "--\n-- PostgreSQL database cluster dump";
	const char *cluster_crlf = "--\r\n-- PostgreSQL database cluster dump";
	if (has_prefix(h, len, cluster, strlen(cluster)) ||
	    has_prefix(h, len, cluster_crlf, strlen(cluster_crlf)))
		return KSD_DET_DUMPALL;
	if (looks_like_text(h, len))
		return KSD_DET_PLAIN;
	return KSD_DET_BINARY;
}

bool ksd_detect_directory(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
