/* The one decoder interface, for compressed plain input (the byte source)
 * and archive data (custom-format blocks, directory files) alike, one file
 * per method (method.h): gzip and zlib's wrapper through ISA-L's inflate
 * (zlib's in a build without libisal, gzip.c), zstd and lz4 frames through
 * their libraries' streaming decoders, and xz on two threads (xz.c). Keyed
 * by detect.h's compressions; one without a decoder here (bzip2, a legacy
 * lz4 frame) is left to libarchive. Pull-style: the caller hands in what it
 * has buffered and gets decoded bytes back, so nothing here reads or
 * allocates per call. */
#ifndef KSD_INPUT_UNPACK_H
#define KSD_INPUT_UNPACK_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_detect.h"

/* unpack_step wants at least this many input bytes unless the input ends
 * sooner: enough to tell a further gzip member from trailing bytes. */
#define UNPACK_LOOKAHEAD 16

enum unpack_status { UNPACK_OK, UNPACK_END, UNPACK_ERROR };

struct unpack;

/* Whether this build decodes `comp` itself. */
bool unpack_supports(enum ksd_compression comp);
/* NULL when out of memory or `comp` is not supported. */
struct unpack *unpack_new(enum ksd_compression comp);
void unpack_free(struct unpack *u);

/* Decodes from in[0..in_len) into out[0..out_cap): *used input bytes taken,
 * *made output bytes written. `last`: the input ends after in_len bytes.
 * UNPACK_END once the stream is complete (bytes after it are left alone);
 * UNPACK_ERROR with unpack_error() saying what is wrong, *used then
 * about where: the input before it decoded without fault. */
enum unpack_status unpack_step(struct unpack *u, const unsigned char *in, size_t in_len, bool last,
                               size_t *used, unsigned char *out, size_t out_cap, size_t *made);
const char *unpack_error(const struct unpack *u);
/* The library's own words for what is wrong (zlib's wording for deflate),
 * or NULL when it has none: archive data's messages quote it. */
const char *unpack_reason(const struct unpack *u);
/* Whether the error is that the input ended inside the stream. */
bool unpack_cut(const struct unpack *u);

#endif
