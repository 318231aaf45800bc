/* Reports: JSON Lines valid whatever the names hold, the fields issue 3
 * lists, the text screen, --sql, --versions and the exit status. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_err.h"
#include "ksd_infer.h"
#include "ksd_limits.h"
#include "ksd_report.h"
#include "lib/analyse.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"

static char *run(const struct ksd_report_opts *o, int *status)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	*status = analyse_catalog(f, "in.sql", dump, cat, o, false);
	fclose(f);
	return buf;
}

/* A strict JSON checker, enough to prove every line parses. */
static const char *value(const char *p);

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return p;
}

static const char *string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
						return NULL;
				p += 4;
			} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
		p++;
	}
	return p + 1;
}

static const char *value(const char *p)
{
	p = ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		p = ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				if (!(p = string(ws(p))) || *(p = ws(p)) != ':')
					return NULL;
				p++;
			}
			if (!(p = value(p)))
				return NULL;
			p = ws(p);
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				return NULL;
		}
	}
	if (*p == '"')
		return string(p);
	if (strncmp(p, "null", 4) == 0 || strncmp(p, "true", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	if (*p == '-' || (*p >= '0' && *p <= '9')) {
		p += *p == '-';
		while (*p >= '0' && *p <= '9')
			p++;
		return p;
	}
	return NULL;
}

static void assert_json_lines(const char *out, size_t expect)
{
	size_t n = 0;
	for (const char *line = out; *line; n++) {
		const char *end = value(line);
		ck_assert_msg(end && *end == '\n', "not JSON: %s", line);
		line = end + 1;
	}
	ck_assert_uint_eq(n, expect);
}

START_TEST(json_lines_hold_the_issue_fields)
{
	ks_build(cat, NULL, "public", 17, KS_FLUSHED | KS_PERM2);
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_FIX);
	assert_json_lines(out, 1);
	static const char *const fields[] = {
	    "{\"input\": \"in.sql\", \"database\": null, \"schema\": \"public\"",
	    "\"storage\": {\"version\": 17, \"candidates\": [17]",
	    "\"recorded\": null",
	    "\"releases\": \"Kinto 7.6.0\"",
	    "\"permission\": {\"version\": 2, \"candidates\": [2]",
	    "\"metadata\": \"flushed\"",
	    "\"status\": \"fix-needed\"",
	    "\"contradictions\": []",
	    "\"fix\": \"-- kinto-schema-doctor",
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		ck_assert_msg(strstr(out, fields[i]), "lacks %s: %s", fields[i], out);
	free(out);
}
END_TEST

/* A note whose own words hold "; " stays one item of the JSON list. */
START_TEST(json_notes_are_whole)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 17, 0);
	for (int i = 0; i <= KSD_MAX_META_ROWS; i++)
		ks_meta(cat, s, "storage_schema_version", "17");
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	int status;
	char *out = run(&o, &status);
	assert_json_lines(out, 1);
	ck_assert_msg(
	    strstr(out, "\"metadata has more rows than are kept; the rest were not read\""),
	    "note cut in two: %s", out);
	free(out);
}
END_TEST

START_TEST(json_stays_valid_with_hostile_names)
{
	ks_build(cat, "d\"b\\\n\x01\xff", "s\"c\\h\te\x1b[2Jma\xc3", 17, KS_FLUSHED);
	/* A hybrid with created_at: no flush explains it, so it stays undetermined. */
	ks_meta(cat, ks_hybrid(cat, 12), "created_at", "2026-11-24 14:07:38.032559+00");
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_UNDETERMINED);
	assert_json_lines(out, 2);
	ck_assert_ptr_nonnull(strstr(out, "\"status\": \"undetermined\""));
	ck_assert_ptr_nonnull(
	    strstr(out, "objects.deleted column: missing, expected in versions 18-26"));
	free(out);
}
END_TEST

START_TEST(the_text_screen_says_where_what_and_how_to_fix)
{
	ks_build(cat, "kinto", "public", 17, KS_FLUSHED);
	struct ksd_report_opts o = {.format = KSD_OUT_TEXT};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_FIX);
	static const char *const parts[] = {
	    "in.sql: database kinto, schema public\n",
	    "storage      version 17 (Kinto 7.6.0)\n",
	    "metadata     flushed",
	    "verdict      fix needed (exit 1)\n",
	    "Kinto would  finds no version row",
	    "022->023 fails",
	    "fix (also: --sql)\n    -- kinto-schema-doctor",
	    "    BEGIN;\n",
	};
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		ck_assert_msg(strstr(out, parts[i]), "lacks %s: %s", parts[i], out);
	ck_assert_ptr_null(strchr(out, '\x1b'));
	free(out);
}
END_TEST

START_TEST(kinto_attachment_data_is_reported_against_its_row)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	ks_meta(cat, s, "kinto_attachment_schema_version", "2");
	ksd_schema_table(s, "objects")->data_dumped = true;
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(ksd_catalog_count_internal(cat, s, "__attachments__", 15, "", 0),
		                 0);
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	int status;
	char *out = run(&o, &status);
	const char *want =
	    "\"reads\": 2, \"current\": 2, \"data_version\": 1, \"unmoved_rows\": 3, "
	    "\"agrees\": false, \"kinto\": \"reads 2 and runs nothing: the 3 rows stay "
	    "where version 2 no longer looks\"}]";
	ck_assert_msg(strstr(out, want), "lacks %s: %s", want, out);
	free(out);
	o = (struct ksd_report_opts){.format = KSD_OUT_TEXT, .explain = true};
	out = run(&o, &status);
	want =
	    "plugins      kinto_attachment 2 (its data is at 1: 3 rows its migration 1->2 moves; "
	    "Kinto reads 2 and runs nothing: the 3 rows stay where version 2 no longer looks)\n";
	ck_assert_msg(strstr(out, want), "lacks %s: %s", want, out);
	free(out);
}
END_TEST

START_TEST(plugins_are_listed_escaped)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	ks_meta(cat, s, "attachment_schema_version", "1");
	ks_meta(cat, s, "attachment_schema_version", "2");
	ks_meta(cat, s, "e\"v\\i\x1b[2Jl\xc3_schema_version", "x\n");
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_OK);
	assert_json_lines(out, 1);
	const char *want =
	    "\"plugins\": [{\"name\": \"attachment\", \"recorded\": 2, "
	    "\"recorded_value\": \"2\", \"reads\": 2, \"current\": null, \"data_version\": null, "
	    "\"unmoved_rows\": null, \"agrees\": null, \"kinto\": null}, "
	    "{\"name\": \"e\\\"v\\\\i\\u001b[2Jl\\u00c3\", \"recorded\": null, "
	    "\"recorded_value\": \"x\\n\", \"reads\": null, \"current\": null, "
	    "\"data_version\": null, \"unmoved_rows\": null, \"agrees\": null, "
	    "\"kinto\": \"fails to read its version: the top value is not a number\"}]";
	ck_assert_msg(strstr(out, want), "lacks %s: %s", want, out);
	free(out);
	o.format = KSD_OUT_TEXT;
	out = run(&o, &status);
	want = "plugins      attachment 2, e\"v\\\\i\\x1b[2Jl\\xc3 'x\\n'\n";
	ck_assert_msg(strstr(out, want), "lacks %s: %s", want, out);
	ck_assert_ptr_null(strchr(out, '\x1b'));
	free(out);
}
END_TEST

START_TEST(no_plugins_no_line_and_an_empty_list)
{
	ks_build(cat, NULL, "public", 26, 0);
	struct ksd_report_opts o = {.format = KSD_OUT_TEXT};
	int status;
	char *out = run(&o, &status);
	ck_assert_ptr_null(strstr(out, "plugins"));
	free(out);
	o.format = KSD_OUT_JSON;
	out = run(&o, &status);
	ck_assert_ptr_nonnull(strstr(out, "\"plugins\": [], "));
	free(out);
}
END_TEST

START_TEST(text_never_passes_control_bytes)
{
	ks_build(cat, "x\x1b]0;owned\x07", "s\x1b[31m\r", 26, KS_FLUSHED);
	struct ksd_report_opts o = {.format = KSD_OUT_TEXT, .explain = true};
	int status;
	char *out = run(&o, &status);
	for (const char *p = out; *p; p++)
		ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\n', "control byte %02x",
		              (unsigned char)*p);
	ck_assert_ptr_nonnull(strstr(out, "features "));
	ck_assert_ptr_nonnull(strstr(out, "table objects"));
	free(out);
}
END_TEST

START_TEST(explain_marks_the_contradicting_features)
{
	ks_meta(cat, ks_hybrid(cat, 17), "created_at", "2026-11-24 14:07:38.032559+00");
	struct ksd_report_opts o = {.format = KSD_OUT_TEXT, .explain = true, .color = true};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_UNDETERMINED);
	ck_assert_ptr_nonnull(strstr(out, "!! absent   objects.deleted column"));
	ck_assert_ptr_nonnull(strstr(out, "contradicts  "));
	ck_assert_ptr_nonnull(strstr(out, "\x1b[31m"));
	free(out);
}
END_TEST

START_TEST(sql_only_prints_only_sql)
{
	ks_build(cat, "a", "public", 26, 0);
	ks_build(cat, "b", "public", 12, KS_FLUSHED);
	struct ksd_report_opts o = {.sql_only = true};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_FIX);
	ck_assert_ptr_nonnull(
	    strstr(out, "-- no fix for 'in.sql' schema public: nothing to repair\n"));
	ck_assert_ptr_nonnull(strstr(out, "\\connect -reuse-previous=on \"dbname='b'\"\nBEGIN;\n"));
	for (const char *line = out; *line;) {
		ck_assert_msg(line[0] == '-' || line[0] == '\\' ||
		                  (line[0] >= 'A' && line[0] <= 'Z') || line[0] == ' ' ||
		                  line[0] == ')' || line[0] == '$',
		              "not SQL: %s", line);
		line = strchr(line, '\n') + 1;
	}
	free(out);
}
END_TEST

START_TEST(no_kinto_says_so)
{
	struct ksd_schema *s = ksd_catalog_schema(cat, ksd_catalog_database(cat, NULL), "public");
	ksd_catalog_add_table(cat, s, "users");
	cat->any_ddl_seen = true;
	struct ksd_report_opts o = {.format = KSD_OUT_TEXT};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_UNDETERMINED);
	ck_assert_ptr_nonnull(strstr(out, "no Kinto tables"));
	free(out);
	o.format = KSD_OUT_JSON;
	out = run(&o, &status);
	assert_json_lines(out, 1);
	free(out);
}
END_TEST

START_TEST(the_worst_instance_sets_the_status)
{
	ks_build(cat, "a", "public", 26, 0);
	ks_build(cat, "b", "public", 20, 0);
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	int status;
	char *out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_OK);
	free(out);
	ks_build(cat, "c", "public", 20, KS_FLUSHED);
	out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_FIX);
	free(out);
	ks_meta(cat, ks_hybrid(cat, 19), "created_at", "2026-11-24 14:07:38.032559+00");
	out = run(&o, &status);
	ck_assert_int_eq(status, KSD_EXIT_UNDETERMINED);
	assert_json_lines(out, 4);
	free(out);
}
END_TEST

START_TEST(the_version_table_covers_every_version)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ksd_print_versions(f);
	fclose(f);
	char row[16];
	for (int v = 1; v <= 26; v++) {
		snprintf(row, sizeof(row), "\n%3d  ", v);
		ck_assert_msg(strstr(buf, row), "no row %d", v);
		ck_assert_ptr_nonnull(ksd_storage_releases(v));
		ck_assert_ptr_nonnull(ksd_storage_change(v));
	}
	ck_assert_ptr_nonnull(strstr(buf, "Permission schema versions"));
	ck_assert_ptr_nonnull(strstr(buf, "Kinto 25.0.0"));
	ck_assert_ptr_nonnull(strstr(buf, "Kinto 8.1.2"));
	free(buf);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_add_test(tc, json_lines_hold_the_issue_fields);
	tcase_add_test(tc, json_stays_valid_with_hostile_names);
	tcase_add_test(tc, json_notes_are_whole);
	tcase_add_test(tc, plugins_are_listed_escaped);
	tcase_add_test(tc, kinto_attachment_data_is_reported_against_its_row);
	tcase_add_test(tc, no_plugins_no_line_and_an_empty_list);
	tcase_add_test(tc, the_text_screen_says_where_what_and_how_to_fix);
	tcase_add_test(tc, text_never_passes_control_bytes);
	tcase_add_test(tc, explain_marks_the_contradicting_features);
	tcase_add_test(tc, sql_only_prints_only_sql);
	tcase_add_test(tc, no_kinto_says_so);
	tcase_add_test(tc, the_worst_instance_sets_the_status);
	tcase_add_test(tc, the_version_table_covers_every_version);
	suite_add_tcase(s, tc);
	return s;
}
