/* UTF-8 decoding and the code points a terminal may obey instead of show:
 * the one place that knows them, for the escapers of every report. */
#ifndef KSD_UTF8_H
#define KSD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The sequence at `s`: a lead byte and its continuation bytes. Returns its
 * length (1-4) with the decoded value in `*cp`, or 0 when `s` starts no such
 * sequence. The value may still be an overlong form, a surrogate or above
 * U+10FFFF: utf8_valid() tells. */
size_t utf8_decode(const unsigned char *s, uint32_t *cp);
/* Whether an `n`-byte sequence decoding to `cp` is well-formed UTF-8. */
bool utf8_valid(uint32_t cp, size_t n);
/* Length of the well-formed sequence at `s` and its code point, or 0. */
size_t utf8_next(const unsigned char *s, uint32_t *cp);
/* C0 and C1 controls, DEL, the line and paragraph separators and the bidi
 * embeddings, overrides and isolates: what a terminal or an editor may act on
 * rather than show. */
bool utf8_dangerous(uint32_t cp);

#endif
