/* UTF-8 decoding and the code points a terminal may obey instead of show:
 * the one place that knows them, for the escapers of every report. */
#ifndef KSD_UTF8_H
#define KSD_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length of the well-formed sequence at `s` and its code point, or 0 (no
 * sequence, or an overlong form, a surrogate or a value above U+10FFFF). */
size_t utf8_next(const unsigned char *s, uint32_t *cp);
/* C0 and C1 controls, DEL, the line and paragraph separators and the bidi
 * embeddings, overrides and isolates: what a terminal or an editor may act on
 * rather than show. */
bool utf8_dangerous(uint32_t cp);

#endif
