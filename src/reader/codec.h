/* Archive data through the one decoder interface (input/unpack.h): the
 * compressed bytes of a custom-format data block or a directory file are
 * fed in any slicing, and the decoded bytes go to a callback in pieces,
 * read in place. The total is capped, so a decompression bomb is an error,
 * never a big buffer. */
#ifndef KSD_CODEC_H
#define KSD_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "ksd_detect.h"
#include "ksd_dump.h"

/* Receives decompressed bytes; returns KSD_OK or stops the codec with
 * KSD_FATAL/KSD_WARN (the callback then owns the error). For uncapped
 * compressed data it runs on a thread of its own until codec_end returns
 * or codec_free does, and its failure may be told a few pieces late: free
 * the codec before looking at what the callback left. */
typedef int codec_out_fn(void *ctx, const char *data, size_t len);

struct codec;

/* NULL when out of memory. `comp`: KSD_COMP_NONE, _ZLIB, _GZIP, _LZ4 or
 * _ZSTD. `cap` bounds the total output. */
struct codec *codec_new(enum ksd_compression comp, uint64_t cap, codec_out_fn *out, void *ctx);
void codec_free(struct codec *c);

/* Feeds compressed bytes. KSD_OK, or the callback's status, or KSD_FATAL
 * with codec_error() saying what is wrong with the stream. */
int codec_feed(struct codec *c, const void *in, size_t len);
/* End of input: KSD_OK when the stream ended exactly here. */
int codec_end(struct codec *c);
const char *codec_error(const struct codec *c);

/* The compression of ours the first bytes of a file announce (none when no
 * magic, or one pg_dump does not write data with), from detect.h's table;
 * CODEC_MAGIC_LEN bytes are enough to tell. */
#define CODEC_MAGIC_LEN 4
enum ksd_compression codec_sniff(const unsigned char *head, size_t len);

/* What the dump calls a compression: zlib streams are what pg_dump -Z
 * calls gzip, a zstd skippable frame and a legacy lz4 frame are zstd and
 * lz4. */
enum ksd_compression_alg codec_fact(enum ksd_compression comp);

#endif
