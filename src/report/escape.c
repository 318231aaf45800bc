/* Escaping for everything that reaches a terminal or a JSON consumer. Names
 * and values come from untrusted dumps: control bytes, C1 controls, invalid
 * UTF-8 and bidirectional overrides are made visible instead of obeyed. */
#include <stdint.h>

#include "ksd_report.h"
#include "util/utf8.h"

void ksd_fput_safe(FILE *out, const char *str)
{
	if (!str) {
		fputs("(null)", out);
		return;
	}
	const unsigned char *s = (const unsigned char *)str;
	while (*s) {
		uint32_t cp;
		size_t n = utf8_next(s, &cp);
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
		size_t n = utf8_next(s, &cp);
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
