/* What a dump is, told by its content and never by its name: the first
 * bytes, or stat for a directory archive. The lowest layer of reading: the
 * reader layer asks it, it calls no reader. */
#ifndef KSD_INPUT_DETECT_H
#define KSD_INPUT_DETECT_H

#include <stdbool.h>
#include <stddef.h>

/* What the first bytes say. Compressed inputs are reported as such; the
 * caller wraps the source and detects again. */
enum ksd_detected {
	KSD_DET_EMPTY,
	KSD_DET_BINARY, /* nothing we know */
	KSD_DET_PLAIN,
	KSD_DET_DUMPALL,
	KSD_DET_CUSTOM,
	KSD_DET_ARCHIVE_TOC, /* a bare toc.dat (format byte 3) */
	KSD_DET_TAR,
	KSD_DET_COMPRESSED,
	KSD_DET_DIRECTORY /* said by ksd_detect_directory, never by bytes */
};

enum ksd_detected ksd_detect(const unsigned char *head, size_t len);

/* Whether `path` is a directory ("-", stdin, never is). */
bool ksd_detect_directory(const char *path);

/* The one list of compressions, for the byte source, custom-format data
 * blocks and directory files alike: those whose magic numbers we know,
 * from one table, and zlib's wrapper, which pg_dump's archive header names
 * (it has no magic number worth trusting). */
enum ksd_compression {
	KSD_COMP_NONE,
	KSD_COMP_GZIP,
	KSD_COMP_ZSTD,
	KSD_COMP_ZSTD_SKIPPABLE, /* a zstd skippable frame first */
	KSD_COMP_LZ4,            /* an LZ4 frame */
	KSD_COMP_LZ4_LEGACY,
	KSD_COMP_BZIP2,
	KSD_COMP_XZ,
	KSD_COMP_ZLIB, /* never detected */
	KSD_COMP_COUNT
};

enum ksd_compression ksd_detect_compression(const unsigned char *head, size_t len);

#endif
