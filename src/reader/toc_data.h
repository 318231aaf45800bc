/* The data sink of the archive readers: a wanted table's data (metadata's,
 * or one the extractor asks for),
 * from a custom data block or a tar or directory member, decompressed and
 * fed to the extractor as rows. Built on toc.h, which knows nothing of it. */
#ifndef KSD_TOC_DATA_H
#define KSD_TOC_DATA_H

#include <stddef.h>
#include <sys/types.h>

#include "ksd_source.h"
#include "reader/toc.h"

/* A wanted table's data stream (decompressed), fed in any slicing. */
struct toc_data;
struct toc_data *toc_data_begin(struct toc *t, const struct toc_want *w);
/* How much the data may decompress to: a metadata table's is capped (a
 * bomb, see KSD_MAX_BLOCK_OUT); another table's streams past in constant
 * memory, counted, whatever its size. */
uint64_t toc_data_cap(const struct toc_want *w);
/* codec_out_fn-compatible. */
int toc_data_feed(void *data, const char *buf, size_t len);
/* Ends the stream; a cut COPY block is a KSD_WARN naming `offset`. */
int toc_data_end(struct toc_data *d, long long offset);
void toc_data_free(struct toc_data *d);

/* Reads a tar or directory member holding a wanted table's data, its
 * compression told by its first bytes. `read` fills at most `cap` bytes,
 * returns 0 at the end, or -1 after setting t->err. Messages give offsets
 * in `src` and name `member`. KSD_OK, KSD_WARN (partial) or KSD_FATAL. */
typedef ssize_t toc_data_read_fn(void *ctx, void *buf, size_t cap);
int toc_data_read_member(struct toc *t, const struct toc_want *w, const char *member,
                         struct ksd_source *src, toc_data_read_fn *read, void *ctx);

#endif
