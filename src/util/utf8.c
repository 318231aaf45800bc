/* UTF-8 decoding and the set of dangerous code points (see utf8.h). */
#include "ksd_utf8.h"

/* The sequence at `s`: a lead byte and its continuation bytes. Returns its
 * length (1-4) with the decoded value in `*cp`, or 0 when `s` starts no such
 * sequence. The value may still be an overlong form, a surrogate or above
 * U+10FFFF: valid() tells. */
static size_t decode(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t n = c < 0x80             ? 1
	           : (c & 0xe0) == 0xc0 ? 2
	           : (c & 0xf0) == 0xe0 ? 3
	           : (c & 0xf8) == 0xf0 ? 4
	                                : 0;
	if (n == 0)
		return 0;
	static const unsigned char lead_bits[] = {0, 0x7f, 0x1f, 0x0f, 0x07};
	uint32_t v = c & lead_bits[n];
	/* A NUL is no continuation byte: a cut sequence stops at the end. */
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
}

/* Whether an `n`-byte sequence decoding to `cp` is well-formed UTF-8. */
static bool valid(uint32_t cp, size_t n)
{
	static const uint32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
	return n >= 1 && n <= 4 && cp >= shortest[n] && cp <= 0x10ffff &&
	       !(cp >= 0xd800 && cp <= 0xdfff);
}

size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
	uint32_t v;
	size_t n = decode(s, &v);
	if (n == 0 || !valid(v, n))
		return 0;
	*cp = v;
	return n;
}

bool utf8_dangerous(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 ||
	       cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}
