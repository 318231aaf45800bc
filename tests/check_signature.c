/* Kinto or not (src/infer/signature.c): a schema with a table of Kinto's
 * name is an instance only with Kinto's signature; otherwise it is named
 * with the sentence that says why. Each way in and each way out is a case. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"
#include "report/words.h"

struct sig_case {
	const char *what;
	const char *table;    /* NULL: none of Kinto's names */
	const char *columns;  /* its columns, space-separated */
	const char *function; /* a function of the schema, or NULL */
	const char *trigger;  /* "name table", or NULL */
	const char *row;      /* a metadata row's name, or NULL */
	bool kinto;           /* an instance is found */
	const char *why;      /* the sentence when not (NULL: no table to name) */
};

static const struct sig_case cases[] = {
    {"a file store's objects", "objects", "id bucket_id name owner metadata", NULL, NULL, NULL,
     false,
     "schema public: a table named objects, but none of Kinto's columns (parent_id, "
     "resource_name, data, last_modified) or functions"},
    {"a clinic's records with its own bump_timestamp", "records",
     "id patient_id kind data last_modified", "bump_timestamp", "records_bump records", NULL, false,
     "schema public: a table named records, but only data, last_modified of Kinto's columns "
     "(parent_id, collection_id, data, last_modified) and none of its functions"},
    {"a content system's deleted with its own metadata rows", "deleted",
     "id source_table deleted_at payload", NULL, NULL, "retention_days", false,
     "schema public: a table named deleted, but none of Kinto's columns (parent_id, "
     "collection_id, last_modified) or functions"},
    {"created_at does not make another application's records Kinto's", "records", "id data", NULL,
     NULL, "created_at", false,
     "schema public: a table named records, but only data of Kinto's columns (parent_id, "
     "collection_id, data, last_modified) and none of its functions"},
    {"Kinto's trigger name on another table", "objects", "id name", NULL,
     "tgr_objects_last_modified files", NULL, false,
     "schema public: a table named objects, but none of Kinto's columns (parent_id, "
     "resource_name, data, last_modified) or functions"},
    {"an application's user_principals", "user_principals", "id name", NULL, NULL, NULL, false,
     "schema public: a table named user_principals, but none of Kinto's columns (user_id, "
     "principal)"},
    {"no table of Kinto's name", NULL, NULL, NULL, NULL, NULL, false, NULL},
    {"version 1 records without metadata", "records", "id user_id resource_name last_modified data",
     NULL, NULL, NULL, true, NULL},
    {"objects without metadata (a damaged Kinto)", "objects",
     "id parent_id resource_name last_modified data deleted", NULL, NULL, NULL, true, NULL},
    {"three of objects' four columns", "objects", "id parent_id resource_name last_modified", NULL,
     NULL, NULL, true, NULL},
    {"a tombstone table alone", "deleted", "id parent_id collection_id last_modified", NULL, NULL,
     NULL, true, NULL},
    {"Kinto's as_epoch beside an odd objects", "objects", "id name", "as_epoch", NULL, NULL, true,
     NULL},
    {"Kinto's trigger on objects", "objects", "id name", NULL, "tgr_objects_last_modified objects",
     NULL, true, NULL},
    {"a storage version row", "objects", "id name", NULL, NULL, "storage_schema_version", true,
     NULL},
    {"cliquet's last_heartbeat row", "records", "id", NULL, NULL, "last_heartbeat", true, NULL},
    {"created_at alone, no table defined (data-only)", NULL, NULL, NULL, NULL, "created_at", true,
     NULL},
    {"Kinto's user_principals", "user_principals", "user_id principal", NULL, NULL, NULL, true,
     NULL},
    {"Kinto's access_control_entries", "access_control_entries", "object_id permission principal",
     NULL, NULL, NULL, true, NULL},
};

static struct ksd_schema *build(const struct sig_case *c)
{
	struct ksd_schema *s = ksd_catalog_schema(cat, ksd_catalog_database(cat, NULL), "public");
	cat->any_ddl_seen = true;
	if (c->table) {
		struct ksd_table *t = ksd_catalog_add_table(cat, s, c->table);
		char cols[128];
		snprintf(cols, sizeof(cols), "%s", c->columns);
		for (char *save, *col = strtok_r(cols, " ", &save); col;
		     col = strtok_r(NULL, " ", &save))
			ck_assert_ptr_nonnull(ksd_catalog_add_column(cat, t, col));
	}
	if (c->function)
		ck_assert_ptr_nonnull(ksd_catalog_add_function(cat, s, c->function, ""));
	if (c->trigger) {
		char name[64];
		const char *table = strchr(c->trigger, ' ') + 1;
		snprintf(name, sizeof(name), "%.*s", (int)(table - 1 - c->trigger), c->trigger);
		ck_assert_ptr_nonnull(ksd_catalog_add_trigger(cat, s, name, table));
	}
	if (c->row)
		ks_meta(cat, s, c->row, "17");
	return s;
}

START_TEST(kinto_is_told_by_its_signature_not_a_table_name)
{
	const struct sig_case *c = &cases[_i];
	struct ksd_schema *s = build(c);
	struct ksd_instance *all;
	size_t n;
	ck_assert(ksd_infer_catalog(dump, cat, 0, &all, &n));
	free(all);
	ck_assert_msg(n == (c->kinto ? 1u : 0u), "%s: %zu instances", c->what, n);
	struct ksd_not_kinto nk;
	bool named = ksd_schema_not_kinto(s, &nk);
	ck_assert_msg(named == (c->why != NULL), "%s: named %d", c->what, named);
	struct ksd_not_kinto list[KSD_MAX_NOT_KINTO];
	ck_assert_uint_eq(ksd_not_kinto(cat, list, KSD_MAX_NOT_KINTO), named ? 1 : 0);
	if (!named)
		return;
	char why[WORDS_NOT_KINTO_MAX];
	words_not_kinto(why, sizeof(why), &list[0], true);
	ck_assert_str_eq(why, c->why);
}
END_TEST

START_TEST(a_pg_dumpall_file_names_the_database_and_lists_are_capped)
{
	for (int i = 0; i < KSD_MAX_NOT_KINTO + 2; i++) {
		char db[16];
		snprintf(db, sizeof(db), "app%d", i);
		struct ksd_schema *s =
		    ksd_catalog_schema(cat, ksd_catalog_database(cat, db), "storage");
		ksd_catalog_add_table(cat, s, "objects");
	}
	struct ksd_not_kinto list[KSD_MAX_NOT_KINTO];
	ck_assert_uint_eq(ksd_not_kinto(cat, list, KSD_MAX_NOT_KINTO), KSD_MAX_NOT_KINTO + 2);
	char why[WORDS_NOT_KINTO_MAX];
	words_not_kinto(why, sizeof(why), &list[1], true);
	ck_assert_str_eq(why, "database app1, schema storage: a table named objects, but none of "
	                      "Kinto's columns (parent_id, resource_name, data, last_modified) or "
	                      "functions");
	words_not_kinto(why, sizeof(why), &list[1], false);
	ck_assert_str_eq(why, "a table named objects, but none of Kinto's columns (parent_id, "
	                      "resource_name, data, last_modified) or functions");
}
END_TEST

START_TEST(a_kinto_beside_another_application_is_the_only_instance)
{
	ks_build(cat, NULL, "public", 26, KS_PERM2);
	struct ksd_schema *other =
	    ksd_catalog_schema(cat, ksd_catalog_database(cat, NULL), "storage");
	ksd_catalog_add_column(cat, ksd_catalog_add_table(cat, other, "objects"), "bucket_id");
	struct ksd_instance *all;
	size_t n;
	ck_assert(ksd_infer_catalog(dump, cat, 0, &all, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(all[0].schema->name, "public");
	ck_assert_int_eq(all[0].verdict, KSD_VERDICT_OK);
	free(all);
}
END_TEST

Suite *signature_suite(void)
{
	Suite *s = suite_create("signature");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_add_loop_test(tc, kinto_is_told_by_its_signature_not_a_table_name, 0,
	                    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, a_pg_dumpall_file_names_the_database_and_lists_are_capped);
	tcase_add_test(tc, a_kinto_beside_another_application_is_the_only_instance);
	suite_add_tcase(s, tc);
	return s;
}
