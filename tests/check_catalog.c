/* Catalog building: find-or-create, replace on redefinition, drops cascade
 * to indexes and triggers, limits hold. */
#include <check.h>
#include <stdio.h>

#include "ksd_catalog.h"
#include "ksd_limits.h"

static struct ksd_catalog *cat;
static struct ksd_schema *pub;

static void setup(void)
{
	cat = ksd_catalog_new();
	ck_assert_ptr_nonnull(cat);
	pub = ksd_catalog_schema(cat, ksd_catalog_database(cat, NULL), "public");
	ck_assert_ptr_nonnull(pub);
}

static void teardown(void)
{
	ksd_catalog_free(cat);
}

START_TEST(databases_and_schemas_are_found_again)
{
	struct ksd_database *a = ksd_catalog_database(cat, "a");
	ck_assert_ptr_eq(ksd_catalog_database(cat, NULL), &cat->databases[0]);
	a = ksd_catalog_database(cat, "a");
	ck_assert_uint_eq(cat->ndatabases, 2);
	ck_assert_str_eq(a->name, "a");
	struct ksd_schema *k = ksd_catalog_schema(cat, a, "kinto");
	ck_assert_ptr_eq(ksd_catalog_schema(cat, a, "kinto"), k);
	ck_assert_ptr_null(ksd_database_schema(a, "public"));
}
END_TEST

START_TEST(a_redefined_table_replaces_the_old_one)
{
	struct ksd_table *t = ksd_catalog_add_table(cat, pub, "records");
	ksd_catalog_add_column(cat, t, "id")->not_null = true;
	ksd_catalog_add_column(cat, t, "data");
	const char *cols[] = {"id"};
	ck_assert_ptr_nonnull(
	    ksd_catalog_add_constraint(cat, t, "records_pkey", KSD_CONS_PRIMARY_KEY, cols, 1));
	t = ksd_catalog_add_table(cat, pub, "records");
	ck_assert_uint_eq(pub->ntables, 1);
	ck_assert_uint_eq(t->ncolumns, 0);
	ck_assert_uint_eq(t->nconstraints, 0);
}
END_TEST

START_TEST(many_objects_grow_the_arrays)
{
	char name[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		struct ksd_table *t = ksd_catalog_add_table(cat, pub, name);
		ck_assert_ptr_nonnull(t);
		ck_assert_ptr_nonnull(ksd_catalog_add_column(cat, t, "c"));
	}
	ck_assert_uint_eq(pub->ntables, 1000);
	ck_assert_str_eq(ksd_schema_table(pub, "t999")->columns[0].name, "c");
	ck_assert_ptr_null(ksd_schema_table(pub, "t1000"));
}
END_TEST

START_TEST(dropping_a_table_drops_its_indexes_and_triggers)
{
	ksd_catalog_add_table(cat, pub, "records");
	ksd_catalog_add_table(cat, pub, "deleted");
	ksd_catalog_add_index(cat, pub, "idx_r")->table = "records";
	ksd_catalog_add_index(cat, pub, "idx_d")->table = "deleted";
	ksd_catalog_add_trigger(cat, pub, "tgr_r", "records");
	ksd_catalog_add_trigger(cat, pub, "tgr_d", "deleted");
	ck_assert(ksd_catalog_drop_table(pub, "records"));
	ck_assert(!ksd_catalog_drop_table(pub, "records"));
	ck_assert_uint_eq(pub->ntables, 1);
	ck_assert_uint_eq(pub->nindexes, 1);
	ck_assert_str_eq(pub->indexes[0].name, "idx_d");
	ck_assert_uint_eq(pub->ntriggers, 1);
	ck_assert_str_eq(pub->triggers[0].name, "tgr_d");
}
END_TEST

START_TEST(functions_are_keyed_by_name_and_arguments)
{
	ksd_catalog_add_function(cat, pub, "f", "a integer");
	ksd_catalog_add_function(cat, pub, "f", "a text");
	ksd_catalog_add_function(cat, pub, "f", "a integer")->body = "again";
	ck_assert_uint_eq(pub->nfunctions, 2);
	ck_assert(ksd_catalog_drop_function(pub, "f"));
	ck_assert_uint_eq(pub->nfunctions, 0);
}
END_TEST

START_TEST(metadata_rows_keep_order_nulls_and_a_cap)
{
	ck_assert_int_eq(ksd_catalog_add_meta_row(cat, pub, "storage_schema_version", "2"), 0);
	ck_assert_int_eq(ksd_catalog_add_meta_row(cat, pub, NULL, "x"), 0);
	ck_assert(pub->metadata.data_seen);
	ck_assert(cat->any_data_seen);
	ck_assert_ptr_null(pub->metadata.rows[1].name);
	for (int i = 0; i < KSD_MAX_META_ROWS + 5; i++)
		ksd_catalog_add_meta_row(cat, pub, "n", "v");
	ck_assert_uint_eq(pub->metadata.nrows, KSD_MAX_META_ROWS);
	ck_assert(pub->metadata.truncated);
	ck_assert_str_eq(pub->metadata.rows[0].value, "2");
}
END_TEST

Suite *catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("catalog");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, databases_and_schemas_are_found_again);
	tcase_add_test(tc, a_redefined_table_replaces_the_old_one);
	tcase_add_test(tc, many_objects_grow_the_arrays);
	tcase_add_test(tc, dropping_a_table_drops_its_indexes_and_triggers);
	tcase_add_test(tc, functions_are_keyed_by_name_and_arguments);
	tcase_add_test(tc, metadata_rows_keep_order_nulls_and_a_cap);
	suite_add_tcase(s, tc);
	return s;
}
