/* Escaping for everything that reaches a terminal or a JSON consumer. Names
 * and values come from untrusted dumps: control bytes, C1 controls, invalid
 * UTF-8 and bidirectional overrides are made visible instead of obeyed. */
#include <stdint.h>
#include <string.h>

#include "ksd_report.h"

/* Length of the valid UTF-8 sequence at s (1..4) and its code point, or 0. */
static size_t utf8_seq(const unsigned char *s, uint32_t *cp)
{
	unsigned char c = s[0];
	size_t n;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		n = 2, v = c & 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3, v = c & 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

/* Code points a terminal or editor may act on rather than show. */
static bool dangerous(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 ||
	       cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void ksd_fput_safe(FILE *out, const char *str)
{
	if (!str) {
		fputs("(null)", out);
		return;
	}
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		uint32_t cp;
		size_t n = utf8_seq(s, &cp);
		if (n == 0) {
			fprintf(out, "\\x%02x", *s++);
			continue;
		}
		if (cp == '\\')
			fputs("\\\\", out);
		else if (cp == '\n')
			fputs("\\n", out);
		else if (cp == '\t')
			fputs("\\t", out);
		else if (cp == '\r')
			fputs("\\r", out);
		else if (dangerous(cp))
			fprintf(out, cp < 0x100 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
		else
			fwrite(s, 1, n, out);
		s += n;
	}
}

void ksd_fput_json(FILE *out, const char *str)
{
	if (!str) {
		fputs("null", out);
		return;
	}
	const unsigned char *s = (const unsigned char *)str;
	putc('"', out);
	while (*s) {
		uint32_t cp;
		size_t n = utf8_seq(s, &cp);
		if (n == 0) {
			/* Invalid UTF-8: keep the byte's value, readable as Latin-1. */
			fprintf(out, "\\u%04x", *s++);
			continue;
		}
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (cp == '\n')
			fputs("\\n", out);
		else if (cp == '\t')
			fputs("\\t", out);
		else if (dangerous(cp))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s, 1, n, out);
		s += n;
	}
	putc('"', out);
}
