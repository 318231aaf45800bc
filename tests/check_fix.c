/* The corrective SQL: guarded statements in one transaction, the exact
 * version, names quoted whatever they hold, comments that cannot be left. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"
#include "report/fix.h"

static char *fix_for(struct ksd_schema *s, int assume, const char *input, bool connect)
{
	struct ksd_instance in;
	const struct ksd_database *db = NULL;
	for (size_t d = 0; d < cat->ndatabases; d++)
		for (size_t i = 0; i < cat->databases[d].nschemas; i++)
			if (&cat->databases[d].schemas[i] == s)
				db = &cat->databases[d];
	ksd_infer_instance(dump, cat, db, s, assume, &in);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	fix_write(f, input, &in, connect);
	fclose(f);
	return buf;
}

/* Every line outside the SQL proper is a comment, and comments hold no
 * control bytes or backslashes. */
static void assert_comments_are_closed(const char *sql)
{
	for (const char *line = sql; *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (len >= 2 && line[0] == '-' && line[1] == '-')
			for (size_t i = 0; i < len; i++)
				ck_assert_msg((unsigned char)line[i] >= 0x20 && line[i] != 0x7f &&
				                  line[i] != '\\',
				              "comment byte %zu of: %.*s", i, (int)len, line);
		line += len + (nl != NULL);
	}
}

START_TEST(a_flushed_database_gets_its_version_and_created_at)
{
	char *sql = fix_for(ks_build(cat, NULL, "public", 17, KS_FLUSHED), 0, "dump.sql", false);
	ck_assert_ptr_nonnull(strstr(sql, "-- kinto-schema-doctor "));
	ck_assert_ptr_nonnull(strstr(sql, "'dump.sql'"));
	ck_assert_ptr_nonnull(strstr(sql, "\nBEGIN;\n"));
	ck_assert_ptr_nonnull(strstr(sql, "COMMIT;\n"));
	ck_assert_ptr_nonnull(strstr(sql, "INSERT INTO \"public\".metadata (name, value)\n"
	                                  "SELECT 'storage_schema_version', '17'\n"
	                                  " WHERE NOT EXISTS"));
	ck_assert_ptr_nonnull(strstr(sql, "lpad(value, 3, '0') = '017'"));
	ck_assert_ptr_nonnull(strstr(sql, "SELECT 'created_at', now()::text"));
	ck_assert_ptr_null(strstr(sql, "CREATE TABLE"));
	ck_assert_ptr_null(strstr(sql, "\\connect"));
	assert_comments_are_closed(sql);
	free(sql);
}
END_TEST

START_TEST(a_wrong_version_is_deleted_before_the_right_one_goes_in)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 17, 0);
	ks_meta(cat, s, "storage_schema_version", "19");
	char *sql = fix_for(s, 0, "x", false);
	char *del = strstr(sql, "DELETE FROM \"public\".metadata\n WHERE name = "
	                        "'storage_schema_version'");
	char *ins = strstr(sql, "SELECT 'storage_schema_version', '17'");
	ck_assert_ptr_nonnull(del);
	ck_assert_ptr_nonnull(ins);
	ck_assert(del < ins);
	ck_assert_ptr_nonnull(strstr(del, "lpad(value, 3, '0') > '017'"));
	ck_assert_ptr_nonnull(strstr(del, "value !~ '^[0-9]{1,3}$'"));
	/* created_at is there: not touched, and a database without it is
	 * not the one in the dump. */
	ck_assert_ptr_null(strstr(sql, "SELECT 'created_at'"));
	ck_assert_ptr_nonnull(strstr(sql, "there is no created_at row, the dump shows one"));
	free(sql);
}
END_TEST

/* The digest a plain fix expects of a function's source, "" when none. */
static void body_digest(const char *sql, const char *name, char hex[33])
{
	char row[64];
	snprintf(row, sizeof(row), "('body %s', '", name);
	const char *at = strstr(sql, row);
	snprintf(hex, 33, "%.32s", at ? at + strlen(row) : "");
}

/* Versions 21 and 22 differ by bump_timestamp's body alone: a plain fix
 * checks the schema as well as the version rows, so that 22's fix refuses
 * a version 21 database whose rows look the same. */
START_TEST(a_plain_fix_checks_the_schema_that_tells_its_version)
{
	char *sql21 = fix_for(ks_build(cat, NULL, "a", 21, KS_FLUSHED), 0, "x", false);
	char *sql22 = fix_for(ks_build(cat, NULL, "b", 22, KS_FLUSHED), 0, "x", false);
	char hex21[33], hex22[33];
	body_digest(sql21, "bump_timestamp", hex21);
	body_digest(sql22, "bump_timestamp", hex22);
	ck_assert_uint_eq(strlen(hex21), 32);
	ck_assert_uint_eq(strlen(hex22), 32);
	ck_assert_str_ne(hex21, hex22);
	const char *check = strstr(sql22, "this is neither the database in the dump");
	const char *insert = strstr(sql22, "INSERT INTO");
	ck_assert_ptr_nonnull(check);
	ck_assert_ptr_nonnull(insert);
	ck_assert(check < insert);
	ck_assert_ptr_nonnull(strstr(sql22, "('index idx_objects_resource_name_parent_id_deleted', "
	                                    "'missing', 'missing')"));
	free(sql21);
	free(sql22);
}
END_TEST

START_TEST(look_alikes_record_the_lowest)
{
	char *sql = fix_for(ks_build(cat, NULL, "public", 12, KS_FLUSHED), 0, "x", false);
	ck_assert_ptr_nonnull(strstr(sql, "SELECT 'storage_schema_version', '10'"));
	ck_assert_ptr_nonnull(strstr(sql, "look the same"));
	free(sql);
}
END_TEST

START_TEST(a_missing_table_is_created)
{
	char *sql =
	    fix_for(ks_build(cat, NULL, "public", 26, KS_NO_META | KS_PERM2), 0, "x", false);
	ck_assert_ptr_nonnull(strstr(sql, "CREATE TABLE IF NOT EXISTS \"public\".metadata (\n"));
	ck_assert_ptr_nonnull(strstr(sql, "SELECT 'permission_schema_version', '2'"));
	free(sql);
}
END_TEST

static size_t occurrences(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

START_TEST(a_hybrid_gets_one_checked_transaction_that_deletes_nothing)
{
	char *sql = fix_for(ks_hybrid(cat, _i), 0, "x", false);
	ck_assert_uint_eq(occurrences(sql, "BEGIN;\n"), 1);
	ck_assert_uint_eq(occurrences(sql, "COMMIT;\n"), 1);
	const char *check = strstr(sql, "DO $ksd$");
	ck_assert_ptr_nonnull(check);
	ck_assert_ptr_nonnull(strstr(
	    sql, "RAISE EXCEPTION 'kinto-schema-doctor: this is neither the database in the dump"));
	/* The check comes before anything that changes the database. */
	const char *first[] = {"ALTER TABLE", "DROP ", "INSERT INTO", "DELETE FROM"};
	for (size_t i = 0; i < sizeof(first) / sizeof(first[0]); i++) {
		const char *at = strstr(sql, first[i]);
		ck_assert_msg(!at || at > check, "%s before the check", first[i]);
	}
	ck_assert_ptr_null(strstr(sql, "DELETE FROM \"public\".objects"));
	ck_assert_ptr_null(strstr(sql, "DELETE FROM \"public\".deleted"));
	ck_assert_ptr_null(strstr(sql, "TRUNCATE"));
	/* The column and the merge come once: behind the column's absence. */
	ck_assert(!strstr(sql, "ADD COLUMN") || strstr(sql, "a.attname = 'deleted'"));
	ck_assert(!strstr(sql, "INSERT INTO \"public\".objects") ||
	          strstr(sql, "ON CONFLICT DO NOTHING"));
	ck_assert(!strstr(sql, "DROP FUNCTION") || strstr(sql, "DROP FUNCTION IF EXISTS"));
	ck_assert_msg((strstr(sql, "ADD COLUMN") != NULL) == (_i < 18), "%s", sql);
	free(sql);
}
END_TEST

START_TEST(a_hostile_schema_name_stays_out_of_the_dollar_quotes)
{
	struct ksd_schema *s = ks_hybrid(cat, _i);
	s->name = "k$ksd$'; DROP TABLE x; --";
	char *sql = fix_for(s, 0, "x", false);
	ck_assert_ptr_nonnull(
	    strstr(sql, "SET LOCAL search_path = \"k$ksd$'; DROP TABLE x; --\", pg_temp;\n"));
	/* Every block ends at its own closing tag: no name is inside one. */
	size_t blocks = 0;
	for (const char *p = sql; (p = strstr(p, "DO $ksd$\n")); blocks++) {
		const char *end = strstr(p + strlen("DO $ksd$\n"), "$ksd$");
		ck_assert_ptr_nonnull(end);
		ck_assert_int_eq(strncmp(end - strlen("END\n"), "END\n$ksd$;\n", 11), 0);
		for (const char *q = p; q < end; q++)
			ck_assert_msg(strncmp(q, "k$", 2) != 0, "the name inside a block");
		p = end + strlen("$ksd$;\n");
	}
	ck_assert_uint_ge(blocks, 2);
	free(sql);
}
END_TEST

START_TEST(nothing_is_written_without_certainty)
{
	/* Rows from 21 with created_at: no flush, no known history. */
	struct ksd_schema *s = ks_hybrid(cat, 17);
	ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
	char *sql = fix_for(s, 0, "x", false);
	ck_assert_str_eq(sql, "");
	free(sql);
	sql = fix_for(ksd_database_schema(&cat->databases[0], "public"), 17, "x", false);
	ck_assert_ptr_nonnull(strstr(sql, "assumed by --assume-version"));
	ck_assert_ptr_nonnull(strstr(sql, "lpad(value, 3, '0') > '017'"));
	free(sql);
}
END_TEST

START_TEST(nothing_is_written_for_a_consistent_database)
{
	char *sql = fix_for(ks_build(cat, NULL, "public", 20, 0), 0, "x", false);
	ck_assert_str_eq(sql, "");
	free(sql);
}
END_TEST

START_TEST(hostile_names_stay_quoted)
{
	const char *evil = "we\"ird'; DROP TABLE x; --\n\\! rm -rf /\x1b[31m";
	char *sql = fix_for(ks_build(cat, "d\"b'\\x", evil, 17, KS_FLUSHED), 0,
	                    "in\nput */ \\! touch pwned\x1b]0;", true);
	/* Control characters become U& escapes: the script cannot drive a
	 * terminal, and PostgreSQL reads back the very same name. */
	ck_assert_ptr_nonnull(strstr(sql, "INSERT INTO U&\"we\"\"ird'; DROP TABLE x; --\\000A\\\\! "
	                                  "rm -rf /\\001B[31m\".metadata"));
	for (const char *p = sql; *p; p++)
		ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\n', "control byte %d in the fix",
		              *p);
	ck_assert_ptr_nonnull(
	    strstr(sql, "\\connect -reuse-previous=on \"dbname='d\"\"b\\'\\\\x'\"\n"));
	/* The header's input line stayed one comment line. */
	ck_assert_ptr_nonnull(strstr(sql, "fix for 'in?put */ ?! touch pwned?]0;'"));
	assert_comments_are_closed(sql);
	free(sql);
}
END_TEST

START_TEST(names_without_control_characters_are_plain_quoted)
{
	char *sql =
	    fix_for(ks_build(cat, NULL, "caf\xc3\xa9 \"x\" \\y", 17, KS_FLUSHED), 0, "x", false);
	ck_assert_ptr_nonnull(strstr(sql, "INSERT INTO \"caf\xc3\xa9 \"\"x\"\" \\y\".metadata"));
	free(sql);
	/* A C1 control character and a bidi override are escaped too. */
	sql = fix_for(ks_build(cat, NULL,
	                       "a\xc2\x9b"
	                       "b\xe2\x80\xae"
	                       "c",
	                       17, KS_FLUSHED),
	              0, "x", false);
	ck_assert_ptr_nonnull(strstr(sql, "INSERT INTO U&\"a\\009Bb\\202Ec\".metadata"));
	free(sql);
}
END_TEST

START_TEST(malformed_utf8_keeps_its_bytes)
{
	/* An overlong "/" and an overlong NUL, a surrogate, a value past
	 * U+10FFFF: no character, so no escape that would name another schema
	 * (or one PostgreSQL rejects); a control beside them is still escaped. */
	static const char *const names[][2] = {
	    {"k\xc0\xafto", "INSERT INTO \"k\xc0\xafto\".metadata"},
	    {"a\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80z",
	     "INSERT INTO \"a\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80z\".metadata"},
	    {"b\xc0\x9b\x1b", "INSERT INTO U&\"b\xc0\x9b\\001B\".metadata"},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *sql =
		    fix_for(ks_build(cat, NULL, names[i][0], 17, KS_FLUSHED), 0, "x", false);
		ck_assert_msg(strstr(sql, names[i][1]) != NULL, "name %zu: %s", i, sql);
		free(sql);
	}
}
END_TEST

START_TEST(a_database_name_with_a_line_break_is_escaped_for_psql)
{
	char *sql = fix_for(ks_build(cat, "a\nb", "public", 17, KS_FLUSHED), 0, "x", true);
	/* psql reads '\012' as the newline; the line itself stays one line. */
	ck_assert_ptr_nonnull(
	    strstr(sql, "\\connect -reuse-previous=on \"dbname='a\"'\\012'\"b'\"\nBEGIN;\n"));
	free(sql);
}
END_TEST

START_TEST(a_v1_permission_only_drops_a_wrong_row)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM1);
	ks_meta(cat, s, "permission_schema_version", "2");
	char *sql = fix_for(s, 0, "x", false);
	ck_assert_ptr_nonnull(strstr(sql, "WHERE name = 'permission_schema_version'"));
	ck_assert_ptr_nonnull(strstr(sql, "> '001'"));
	ck_assert_ptr_null(strstr(sql, "SELECT 'permission_schema_version'"));
	free(sql);
}
END_TEST

Suite *fix_suite(void)
{
	Suite *s = suite_create("fix");
	TCase *tc = tcase_create("fix");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_add_test(tc, a_flushed_database_gets_its_version_and_created_at);
	tcase_add_test(tc, a_wrong_version_is_deleted_before_the_right_one_goes_in);
	tcase_add_test(tc, a_plain_fix_checks_the_schema_that_tells_its_version);
	tcase_add_test(tc, look_alikes_record_the_lowest);
	tcase_add_test(tc, a_missing_table_is_created);
	tcase_add_loop_test(tc, a_hybrid_gets_one_checked_transaction_that_deletes_nothing, 10, 20);
	tcase_add_loop_test(tc, a_hostile_schema_name_stays_out_of_the_dollar_quotes, 10, 20);
	tcase_add_test(tc, nothing_is_written_without_certainty);
	tcase_add_test(tc, nothing_is_written_for_a_consistent_database);
	tcase_add_test(tc, hostile_names_stay_quoted);
	tcase_add_test(tc, names_without_control_characters_are_plain_quoted);
	tcase_add_test(tc, malformed_utf8_keeps_its_bytes);
	tcase_add_test(tc, a_database_name_with_a_line_break_is_escaped_for_psql);
	tcase_add_test(tc, a_v1_permission_only_drops_a_wrong_row);
	suite_add_tcase(s, tc);
	return s;
}
