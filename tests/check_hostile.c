/* Regression tests for hostile-input finds (fuzzer crashes and the like):
 * each replays the smallest input that once broke the code, through the
 * same calls, so that the plain, sanitizer and valgrind runs all see it.
 * The raw fuzzer inputs live in tests/fuzz/regress/<harness>/. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_extract.h"
#include "infer/infer.h"
#include "ksd_infer.h"
#include "ksd_report.h"
#include "lib/analyse.h"
#include "ksd_token.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"
#include "reader/plain.h"

/* rows/lpad3-continuation-bytes: Kinto's LPAD order on a value with a run of
 * UTF-8 continuation bytes once overflowed a 16-byte key. */
START_TEST(a_long_run_of_continuation_bytes_sorts_without_overflow)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_FLUSHED);
	char value[64] = "1";
	memset(value + 1, 0x80, 40);
	ks_meta(cat, s, "storage_schema_version", value);
	ks_meta(cat, s, "storage_schema_version", "\xe2\x82\xac\x80\x80\x80\x80\x80\x80");
	struct ksd_instance in;
	ksd_infer_instance(dump, cat, &cat->databases[0], s, 0, &in);
	ck_assert_uint_eq(in.storage.rows, 2);
	ck_assert_int_eq(in.storage.recorded, -1);
	ck_assert_ptr_nonnull(in.storage.recorded_value);
}
END_TEST

/* The same value arriving through a COPY block, to the JSON report. */
START_TEST(a_copy_row_of_broken_utf8_reaches_the_report)
{
	struct ksd_extract *x = ksd_extract_new(cat, dump, false);
	ck_assert_ptr_nonnull(x);
	const char *copy = "COPY public.metadata (name, value) FROM stdin;";
	ck_assert(ksd_extract_copy_begin(x, copy, strlen(copy)));
	struct ksd_err err;
	ksd_err_clear(&err);
	const char line[] =
	    "storage_schema_version\t1\\200\\200\\200\\200\\200\x80\x80\x80\x80\x80";
	ck_assert_int_eq(ksd_extract_copy_line(x, line, sizeof(line) - 1, &err), KSD_OK);
	ksd_extract_copy_end(x, 0);
	ksd_extract_free(x);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct ksd_report_opts o = {.format = KSD_OUT_JSON};
	analyse_catalog(f, "in.sql", dump, cat, &o, false);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "\"1\\u0080\\u0080"));
	free(buf);
}
END_TEST

/* The plain reader on a whole text, in one slice: its status at the end. */
static int read_plain(const char *text, struct ksd_err *err)
{
	struct ksd_extract *x = ksd_extract_new(cat, dump, false);
	ck_assert_ptr_nonnull(x);
	ksd_err_clear(err);
	struct plain *p = plain_new(x, err);
	ck_assert_ptr_nonnull(p);
	int rc = plain_feed(p, text, strlen(text));
	if (rc != KSD_FATAL)
		rc = plain_finish(p);
	plain_free(p);
	ksd_extract_free(x);
	return rc;
}

/* truncation.sh: a dump cut inside its leading \restrict line once ended
 * in meta-command mode, where the trailer check was skipped. */
START_TEST(a_dump_cut_in_a_meta_command_line_is_reported)
{
	struct ksd_err err;
	ck_assert_int_eq(read_plain("--\n-- PostgreSQL database dump\n--\n\n\\restrict Aq", &err),
	                 KSD_WARN);
	ck_assert_ptr_nonnull(strstr(err.msg, "cut short"));
	ck_assert_int_eq(err.line, 5);
}
END_TEST

/* truncation.sh: a pg_dumpall script cut before its first database. */
START_TEST(a_cluster_dump_cut_before_any_database_is_reported)
{
	struct ksd_err err;
	const char *head = "--\n-- PostgreSQL database cluster dump\n--\n\nCREATE ROLE postgres;\n";
	ck_assert_int_eq(read_plain(head, &err), KSD_WARN);
	ck_assert_ptr_nonnull(strstr(err.msg, "cut short"));
	char whole[256];
	snprintf(whole, sizeof(whole),
	         "%s\n--\n-- PostgreSQL database cluster dump complete\n--\n\n", head);
	ck_assert_int_eq(read_plain(whole, &err), KSD_OK);
}
END_TEST

/* archive/bzip2-long-operator-run: a megabyte of '+' made every one-byte
 * token rescan the whole run (quadratic, a fuzzer timeout). An operator is
 * at most 63 bytes, as in PostgreSQL, so no token looks further; a special
 * character past that point no longer keeps a trailing '+' in the token. */
START_TEST(an_operator_token_is_at_most_63_bytes)
{
	char run[200];
	memset(run, '+', sizeof(run));
	enum ksd_tok kind;
	ck_assert_uint_eq(ksd_token_get(run, sizeof(run), true, &kind), 1);
	ck_assert_int_eq(kind, KSD_TOK_OP);
	run[10] = '~';
	ck_assert_uint_eq(ksd_token_get(run, sizeof(run), true, &kind), 63);
	ck_assert_uint_eq(ksd_token_get("<=>~ x", 6, true, &kind), 4);
}
END_TEST

Suite *hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("regress");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_add_test(tc, a_long_run_of_continuation_bytes_sorts_without_overflow);
	tcase_add_test(tc, a_copy_row_of_broken_utf8_reaches_the_report);
	tcase_add_test(tc, a_dump_cut_in_a_meta_command_line_is_reported);
	tcase_add_test(tc, a_cluster_dump_cut_before_any_database_is_reported);
	tcase_add_test(tc, an_operator_token_is_at_most_63_bytes);
	suite_add_tcase(s, tc);
	return s;
}
