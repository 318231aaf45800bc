/* What text from a dump becomes in the SQL we print: comment text that
 * cannot end the comment or drive a terminal, and quoted identifiers. */
#include <inttypes.h>
#include <stdint.h>

#include "report/sqltext.h"
#include "ksd_utf8.h"

/* Length of the sequence at s if a terminal shows it as text, else 0. */
static size_t printable(const unsigned char *s)
{
	uint32_t cp;
	size_t n = utf8_next(s, &cp);
	return n && !utf8_dangerous(cp) ? n : 0;
}

void sql_comment(FILE *out, const char *s)
{
	if (!s) {
		fputs("(none)", out);
		return;
	}
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = printable(p);
		/* A backslash could start a psql meta-command in a careless client. */
		if (n == 0 || *p == '\\') {
			putc('?', out);
			p++;
		} else {
			fwrite(p, 1, n, out);
			p += n;
		}
	}
}

/* A quoted identifier. A name holding control or formatting characters is
 * written as U&"..." with those characters as \XXXX escapes, so that the
 * script shown on a terminal cannot drive it. Bytes that are not UTF-8 (a
 * LATIN1 dump's names) stay as they are: only their own encoding says what
 * they mean. So do overlong forms, surrogates and values past U+10FFFF: an
 * escape of the value they would decode to names another schema (C0 AF is
 * no "/"), where the bytes name this one, or make a UTF-8 server refuse. */
void sql_ident(FILE *out, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	/* Plain unless some character does not print: a control or a
	 * formatting character. */
	bool plain = true;
	for (const unsigned char *p = s; *p && plain;) {
		uint32_t cp;
		size_t n = utf8_next(p, &cp);
		plain = n == 0 || !utf8_dangerous(cp);
		p += n ? n : 1;
	}
	fputs(plain ? "\"" : "U&\"", out);
	while (*s) {
		size_t n = printable(s);
		if (n > 0) {
			if (*s == '"' || (!plain && *s == '\\'))
				putc(*s, out);
			fwrite(s, 1, n, out);
			s += n;
			continue;
		}
		uint32_t cp;
		n = utf8_next(s, &cp);
		if (n == 0) {
			putc(*s++, out); /* not UTF-8: kept as it is */
			continue;
		}
		fprintf(out, cp > 0xffff ? "\\+%06" PRIX32 : "\\%04" PRIX32, cp);
		s += n;
	}
	putc('"', out);
}
