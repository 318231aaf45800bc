/* A byte source over a file, stdin, or a decompressing stream.
 * Readers pull bytes, skip (seeking when the source allows it) and peek at
 * the head for format detection. All reads go through a fixed buffer (two
 * once a long read of a file or a pipe is read ahead on a second thread):
 * memory does not depend on the input size. */
#ifndef KSD_SOURCE_H
#define KSD_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "ksd_err.h"

struct ksd_source;

/* Opens `path` read-only ("-" = stdin). `display` names it in messages. */
struct ksd_source *ksd_source_open(const char *path, struct ksd_err *err);
void ksd_source_free(struct ksd_source *src);

/* Wraps `inner` in a decompressor: the one decoder interface for gzip
 * (ISA-L, or zlib), xz (two threads), zstd and lz4 frames, see
 * input/unpack.h; libarchive's raw format for what has no decoder there
 * (bzip2, a legacy lz4 frame). `inner` must outlive the result and is freed
 * by its owner. */
struct ksd_source *ksd_source_decompress(struct ksd_source *inner, struct ksd_err *err);

/* Reads the current entry of the caller's libarchive reader (a tar member):
 * no seeking, `size` from the entry header (-1 if unknown). `ar` is not freed. */
struct archive;
struct ksd_source *ksd_source_archive_entry(struct archive *ar, const char *name, long long size,
                                            struct ksd_err *err);

/* Returns a pointer to at least `want` bytes at the current position without
 * consuming them; *got tells how many are there (fewer at end of input).
 * `want` must not exceed KSD_SOURCE_PEEK_MAX. NULL on read error. */
#define KSD_SOURCE_PEEK_MAX 65536
const unsigned char *ksd_source_peek(struct ksd_source *src, size_t want, size_t *got);

/* Up to `len` bytes; 0 at end of input; -1 on error (err filled). */
ssize_t ksd_source_read(struct ksd_source *src, void *buf, size_t len, struct ksd_err *err);

/* Borrow the next buffered bytes (at most `max`) and consume them: zero-copy
 * streaming for the plain reader. *len 0 means end of input. KSD_OK/KSD_FATAL. */
int ksd_source_next(struct ksd_source *src, const unsigned char **data, size_t *len, size_t max,
                    struct ksd_err *err);

/* Exactly `len` bytes or an error naming the offset ("unexpected end"). */
int ksd_source_read_exact(struct ksd_source *src, void *buf, size_t len, struct ksd_err *err);

/* Skip `n` bytes: seeks when possible, otherwise reads and discards. */
int ksd_source_skip(struct ksd_source *src, uint64_t n, struct ksd_err *err);

/* Absolute seek; KSD_FATAL (without touching err) when not seekable. */
int ksd_source_seek(struct ksd_source *src, uint64_t offset, struct ksd_err *err);
bool ksd_source_seekable(const struct ksd_source *src);
/* Whether, since the last seek, a read or skip failed because the input
 * ended: a cut file, told apart from a corrupt one. */
bool ksd_source_ran_out(const struct ksd_source *src);

uint64_t ksd_source_tell(const struct ksd_source *src);
/* Size in bytes when known (regular file, uncompressed), else -1. */
long long ksd_source_size(const struct ksd_source *src);
/* Bytes actually read from the underlying file or pipe (for the benchmark). */
uint64_t ksd_source_bytes_read(const struct ksd_source *src);
const char *ksd_source_name(const struct ksd_source *src);

/* Called after each read from a file or pipe with the bytes read so far and
 * the size (-1 when unknown); for a progress display. NULL turns it off. */
typedef void ksd_progress_fn(const char *name, uint64_t done, long long total);
void ksd_source_set_progress(ksd_progress_fn *fn);

#endif
