/* Escaping for everything that reaches a terminal, a JSON consumer or an XML
 * parser. Names and values come from untrusted dumps: control bytes, C1
 * controls, invalid UTF-8 and bidirectional overrides are made visible
 * instead of obeyed. One walk over the UTF-8; each form says what it writes
 * for an invalid byte and for the code points it does not pass through. */
#include <stdint.h>
#include <string.h>

#include "ksd_report.h"
#include "ksd_utf8.h"

struct form {
	void (*invalid)(FILE *out, unsigned char byte);
	/* Writes the escape of `cp` and returns true, or returns false to have
	 * its bytes written as they are. */
	bool (*escape)(FILE *out, uint32_t cp);
};

/* The well-formed sequence at `s` when it ends by `end`, else 0. */
static size_t next_before(const unsigned char *s, const unsigned char *end, uint32_t *cp)
{
	size_t n = utf8_next(s, cp);
	return n <= (size_t)(end - s) ? n : 0;
}

static void put_form(FILE *out, const char *str, size_t len, const struct form *f)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + len;
	while (s < end) {
		uint32_t cp;
		size_t n = next_before(s, end, &cp);
		if (n == 0) {
			f->invalid(out, *s++);
			continue;
		}
		if (!f->escape(out, cp))
			fwrite(s, 1, n, out);
		s += n;
	}
}

static void safe_invalid(FILE *out, unsigned char byte)
{
	fprintf(out, "\\x%02x", byte);
}

static bool safe_escape(FILE *out, uint32_t cp)
{
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
		return false;
	return true;
}

/* Invalid UTF-8: keep the byte's value, readable as Latin-1. */
static void json_invalid(FILE *out, unsigned char byte)
{
	fprintf(out, "\\u%04x", byte);
}

static bool json_escape(FILE *out, uint32_t cp)
{
	if (cp == '"' || cp == '\\')
		fprintf(out, "\\%c", (char)cp);
	else if (cp == '\n')
		fputs("\\n", out);
	else if (cp == '\t')
		fputs("\\t", out);
	else if (utf8_dangerous(cp))
		fprintf(out, "\\u%04x", (unsigned)cp);
	else
		return false;
	return true;
}

/* XML: the markup characters as entities; the controls, and the two code
 * points XML 1.0 excludes beyond them, as the safe form shows them (XML has
 * no way to carry a C0 control, not even as a character reference). A
 * backslash stays itself, so SQL and the text report, already made safe,
 * read as they are. */
static bool xml_escape(FILE *out, uint32_t cp)
{
	if (cp == '\\')
		return false;
	if (cp == '&')
		fputs("&amp;", out);
	else if (cp == '<')
		fputs("&lt;", out);
	else if (cp == '>')
		fputs("&gt;", out);
	else if (cp == '"')
		fputs("&quot;", out);
	else if (cp == 0xfffe || cp == 0xffff)
		fprintf(out, "\\u%04x", (unsigned)cp);
	else
		return safe_escape(out, cp);
	return true;
}

/* In element text, line breaks and tabs stay as they are. */
static bool xml_lines_escape(FILE *out, uint32_t cp)
{
	return cp != '\n' && cp != '\t' && xml_escape(out, cp);
}

static const struct form safe_form = {safe_invalid, safe_escape},
                         json_form = {json_invalid, json_escape},
                         xml_form = {safe_invalid, xml_escape},
                         xml_lines_form = {safe_invalid, xml_lines_escape};

void ksd_fput_safe_n(FILE *out, const char *str, size_t len)
{
	put_form(out, str, len, &safe_form);
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
	putc('"', out);
	put_form(out, str, len, &json_form);
	putc('"', out);
}

void ksd_fput_json(FILE *out, const char *str)
{
	if (str)
		ksd_fput_json_n(out, str, strlen(str));
	else
		fputs("null", out);
}

void ksd_fput_xml(FILE *out, const char *str, bool lines)
{
	if (str)
		put_form(out, str, strlen(str), lines ? &xml_lines_form : &xml_form);
}
