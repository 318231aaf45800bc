/* Nothing from a dump can drive a terminal or break JSON. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"

/* What `put` writes for `in` is `want`. */
static void expect_render(void (*put)(FILE *, const char *), const char *in, const char *want)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	put(f, in);
	fclose(f);
	ck_assert_str_eq(out, want);
	free(out);
}

static const struct {
	const char *in, *safe, *json, *xml;
} cases[] = {
    {"plain", "plain", "\"plain\"", "plain"},
    {"a\nb\tc", "a\\nb\\tc", "\"a\\nb\\tc\"", "a\\nb\\tc"},
    {"\x1b[31mred", "\\x1b[31mred", "\"\\u001b[31mred\"", "\\x1b[31mred"},
    {"q\"uo'te\\", "q\"uo'te\\\\", "\"q\\\"uo'te\\\\\"", "q&quot;uo'te\\"},
    {"caf\xc3\xa9", "caf\xc3\xa9", "\"caf\xc3\xa9\"", "caf\xc3\xa9"},
    {"bad\xff", "bad\\xff", "\"bad\\u00ff\"", "bad\\xff"},
    {"c1\xc2\x9b", "c1\\x9b", "\"c1\\u009b\"", "c1\\x9b"},
    {"bidi\xe2\x80\xae", "bidi\\u202e", "\"bidi\\u202e\"", "bidi\\u202e"},
    {"del\x7f", "del\\x7f", "\"del\\u007f\"", "del\\x7f"},
    {"<a&b>]]>", "<a&b>]]>", "\"<a&b>]]>\"", "&lt;a&amp;b&gt;]]&gt;"},
    {"nc\xef\xbf\xbe\xef\xbf\xbf", "nc\xef\xbf\xbe\xef\xbf\xbf", "\"nc\xef\xbf\xbe\xef\xbf\xbf\"",
     "nc\\ufffe\\uffff"},
};

START_TEST(safe_text_escapes_controls)
{
	expect_render(ksd_fput_safe, cases[_i].in, cases[_i].safe);
}
END_TEST

START_TEST(json_strings_are_valid)
{
	expect_render(ksd_fput_json, cases[_i].in, cases[_i].json);
}
END_TEST

static void put_xml(FILE *out, const char *s)
{
	ksd_fput_xml(out, s, false);
}

static void put_xml_lines(FILE *out, const char *s)
{
	ksd_fput_xml(out, s, true);
}

START_TEST(xml_text_is_well_formed_and_visible)
{
	expect_render(put_xml, cases[_i].in, cases[_i].xml);
}
END_TEST

START_TEST(xml_element_text_keeps_lines_and_tabs)
{
	expect_render(put_xml_lines, "a\nb\tc\r\x1b<", "a\nb\tc\\r\\x1b&lt;");
	expect_render(put_xml, NULL, "");
}
END_TEST

START_TEST(null_is_json_null)
{
	expect_render(ksd_fput_json, NULL, "null");
}
END_TEST

Suite *escape_suite(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("escape");
	size_t n = sizeof(cases) / sizeof(cases[0]);
	tcase_add_loop_test(tc, safe_text_escapes_controls, 0, n);
	tcase_add_loop_test(tc, json_strings_are_valid, 0, n);
	tcase_add_loop_test(tc, xml_text_is_well_formed_and_visible, 0, n);
	tcase_add_test(tc, xml_element_text_keeps_lines_and_tabs);
	tcase_add_test(tc, null_is_json_null);
	suite_add_tcase(s, tc);
	return s;
}
