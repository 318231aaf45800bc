/* Nothing from a dump can drive a terminal or break JSON. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"

static char *render(void (*put)(FILE *, const char *), const char *in)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	put(f, in);
	fclose(f);
	return out;
}

static const struct {
	const char *in, *safe, *json;
} cases[] = {
    {"plain", "plain", "\"plain\""},
    {"a\nb\tc", "a\\nb\\tc", "\"a\\nb\\tc\""},
    {"\x1b[31mred", "\\x1b[31mred", "\"\\u001b[31mred\""},
    {"q\"uo'te\\", "q\"uo'te\\\\", "\"q\\\"uo'te\\\\\""},
    {"caf\xc3\xa9", "caf\xc3\xa9", "\"caf\xc3\xa9\""},
    {"bad\xff", "bad\\xff", "\"bad\\u00ff\""},
    {"c1\xc2\x9b", "c1\\x9b", "\"c1\\u009b\""},
    {"bidi\xe2\x80\xae", "bidi\\u202e", "\"bidi\\u202e\""},
    {"del\x7f", "del\\x7f", "\"del\\u007f\""},
};

START_TEST(safe_text_escapes_controls)
{
	char *s = render(ksd_fput_safe, cases[_i].in);
	ck_assert_str_eq(s, cases[_i].safe);
	free(s);
}
END_TEST

START_TEST(json_strings_are_valid)
{
	char *s = render(ksd_fput_json, cases[_i].in);
	ck_assert_str_eq(s, cases[_i].json);
	free(s);
}
END_TEST

START_TEST(null_is_json_null)
{
	char *s = render(ksd_fput_json, NULL);
	ck_assert_str_eq(s, "null");
	free(s);
}
END_TEST

Suite *escape_suite(void)
{
	Suite *s = suite_create("escape");
	TCase *tc = tcase_create("escape");
	size_t n = sizeof(cases) / sizeof(cases[0]);
	tcase_add_loop_test(tc, safe_text_escapes_controls, 0, n);
	tcase_add_loop_test(tc, json_strings_are_valid, 0, n);
	tcase_add_test(tc, null_is_json_null);
	suite_add_tcase(s, tc);
	return s;
}
