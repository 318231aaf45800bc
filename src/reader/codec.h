/* Streaming decompressors for archive data: one table of none, zlib, gzip,
 * LZ4 frame and zstd frame. Output goes to a callback in pieces, and the
 * total is capped, so a decompression bomb is an error, never a big buffer. */
#ifndef KSD_CODEC_H
#define KSD_CODEC_H

#include <stddef.h>
#include <stdint.h>

enum codec_alg { CODEC_NONE, CODEC_ZLIB, CODEC_GZIP, CODEC_LZ4, CODEC_ZSTD };

/* Receives decompressed bytes; returns KSD_OK or stops the codec with
 * KSD_FATAL/KSD_WARN (the callback then owns the error). */
typedef int codec_out_fn(void *ctx, const char *data, size_t len);

struct codec;

/* NULL when out of memory. `cap` bounds the total output. */
struct codec *codec_new(enum codec_alg alg, uint64_t cap, codec_out_fn *out, void *ctx);
void codec_free(struct codec *c);

/* Feeds compressed bytes. KSD_OK, or the callback's status, or KSD_FATAL
 * with codec_error() saying what is wrong with the stream. */
int codec_feed(struct codec *c, const void *in, size_t len);
/* End of input: KSD_OK when the stream ended exactly here. */
int codec_end(struct codec *c);
const char *codec_error(const struct codec *c);
uint64_t codec_total_out(const struct codec *c);

/* The algorithm of ours the first bytes of a file announce (none when no
 * magic, or one we do not decode), from detect.h's table of magic numbers;
 * CODEC_MAGIC_LEN bytes are enough to tell. */
#define CODEC_MAGIC_LEN 4
enum codec_alg codec_sniff(const unsigned char *head, size_t len);

#endif
