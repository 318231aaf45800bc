/* Escaping for everything that reaches a terminal or a JSON consumer. Names
 * and values come from untrusted dumps: control bytes, C1 controls, invalid
 * UTF-8 and bidirectional overrides are made visible instead of obeyed. */
#include <stdint.h>
#include <string.h>

#include "ksd_report.h"
#include "util/utf8.h"

/* The well-formed sequence at `s` when it ends by `end`, else 0. */
static size_t next_before(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
	size_t n = utf8_next(s, cp);
	return n <= (size_t)(end - s) ? n : 0;
}

void ksd_fput_safe_n(FILE *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;
	while (s < end) {
		uint32_t cp;
		size_t n = next_before(s, end, &cp);
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
		else if (utf8_dangerous(cp))
			fprintf(out, cp < 0x100 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
		else
			fwrite(s, 1, n, out);
		s += n;
	}
}

void ksd_fput_safe(FILE *out, const char *str)
{
	if (str)
		ksd_fput_safe_n(out, str, strlen(str));
	else
		fputs("(null)", out);
}

void ksd_fput_json_n(FILE *out, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;
	putc('"', out);
	while (s < end) {
		uint32_t cp;
		size_t n = next_before(s, end, &cp);
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
		else if (utf8_dangerous(cp))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s, 1, n, out);
		s += n;
	}
	putc('"', out);
}

void ksd_fput_json(FILE *out, const char *str)
{
	if (str)
		ksd_fput_json_n(out, str, strlen(str));
	else
		fputs("null", out);
}
