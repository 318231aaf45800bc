/* Drift against catalogs built from the fact sheet: none at any version,
 * fresh or migrated or hybrid, with or without the cache; each hand-made object named as extra, a
 * changed index or body as changed, a dropped one as missing, another table
 * as not Kinto's; an index in the way of a migration in the prediction. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"
#include "report/words.h"
#include "report/kinto.h"
#include "report/drift.h"

static struct ksd_instance judge(struct ksd_schema *s)
{
	struct ksd_instance in;
	ksd_infer_instance(dump, cat, &cat->databases[0], s, 0, &in);
	return in;
}

/* "extra index x on t", one line per item, for failure messages. */
static const char *listed(const struct ksd_instance *in)
{
	static char buf[2048];
	buf[0] = '\0';
	for (size_t i = 0; i < in->ndrift; i++) {
		const struct ksd_drift *d = &in->drift[i];
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof(buf) - len, "%s %s %s on %s; ",
		         d->what == KSD_DRIFT_NOT_KINTO ? "not-kinto" : words_drift_what(d->what),
		         words_drift_kind(d->kind), d->name ? d->name : "-",
		         d->table ? d->table : "-");
	}
	return buf;
}

/* The one drift item of `in`, which must be the only one. */
static const struct ksd_drift *only(const struct ksd_instance *in)
{
	ck_assert_msg(in->ndrift == 1, "expected one drift item: %s", listed(in));
	return &in->drift[0];
}

static const unsigned variants[] = {
    0, KS_FRESH, KS_FRESH | KS_V1_VARIANT, KS_CLIQUET_300, KS_DROP_DELETED, KS_CLIQUET_213};

START_TEST(no_version_fresh_or_migrated_drifts)
{
	int v = _i / 6 + 1;
	unsigned flags = variants[_i % 6] |
	                 (v >= 21  ? KS_PERM2
	                  : v >= 7 ? KS_PERM1
	                           : 0) |
	                 (v % 2 ? KS_CACHE : 0);
	/* The cliquet variants exist at their own versions only. */
	if (((flags & KS_CLIQUET_300) && v != 10) || ((flags & KS_CLIQUET_213) && v != 8))
		return;
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", v, flags));
	ck_assert_msg(in.ndrift == 0, "version %d flags %u: %s", v, flags, listed(&in));
}
END_TEST

START_TEST(no_hybrid_drifts)
{
	struct ksd_instance in = judge(ks_hybrid(cat, _i));
	ck_assert(in.history.found);
	ck_assert_msg(in.ndrift == 0, "hybrid %d: %s", (int)_i, listed(&in));
}
END_TEST

START_TEST(a_hand_made_index_column_trigger_and_function_are_extra)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	struct ksd_index *ix = ksd_catalog_add_index(cat, s, "idx_objects_by_author");
	ix->table = "objects";
	ck_assert_int_eq(ksd_catalog_index_add_key(cat, ix, "(data -> 'author'::text)"), 0);
	struct ksd_table *t = ksd_schema_table(s, "objects");
	ck_assert_ptr_nonnull(ksd_catalog_add_column(cat, t, "note"));
	const char *cols[] = {"id"};
	ck_assert_ptr_nonnull(
	    ksd_catalog_add_constraint(cat, t, "objects_id_key", KSD_CONS_UNIQUE, cols, 1));
	struct ksd_trigger *tg = ksd_catalog_add_trigger(cat, s, "audit", "objects");
	tg->function = "audit_row";
	struct ksd_function *f = ksd_catalog_add_function(cat, s, "audit_row", "");
	f->body = "BEGIN RETURN NEW; END;";
	struct ksd_instance in = judge(s);
	ck_assert_int_eq(in.storage.version, 26);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
	ck_assert_msg(in.ndrift == 5, "%s", listed(&in));
	ck_assert_str_eq(listed(&in), "extra column note on objects; "
	                              "extra constraint objects_id_key on objects; "
	                              "extra index idx_objects_by_author on objects; "
	                              "extra trigger audit on objects; "
	                              "extra function audit_row on -; ");
}
END_TEST

START_TEST(another_table_is_not_kintos_and_its_objects_are_no_drift)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	struct ksd_table *t = ksd_catalog_add_table(cat, s, "audit_log");
	ck_assert_ptr_nonnull(ksd_catalog_add_column(cat, t, "at"));
	struct ksd_index *ix = ksd_catalog_add_index(cat, s, "audit_log_at");
	ix->table = "audit_log";
	ck_assert_int_eq(ksd_catalog_index_add_key(cat, ix, "at"), 0);
	struct ksd_instance in = judge(s);
	const struct ksd_drift *d = only(&in);
	ck_assert_int_eq(d->what, KSD_DRIFT_NOT_KINTO);
	ck_assert_int_eq(d->kind, KSD_DRIFT_TABLE);
	ck_assert_str_eq(d->name, "audit_log");
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
}
END_TEST

/* On a 23 database, an index of the name 023->024 creates (without IF NOT
 * EXISTS) but on other keys: not Kinto's 24 index, so still 23, and the
 * migration Kinto runs next fails on it. */
START_TEST(an_index_named_like_kintos_with_other_keys_is_changed_and_breaks_024)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 23, KS_PERM2);
	struct ksd_index *ix =
	    ksd_catalog_add_index(cat, s, "idx_objects_history_userid_and_resourcename");
	ix->table = "objects";
	ck_assert_int_eq(ksd_catalog_index_add_key(cat, ix, "resource_name"), 0);
	struct ksd_instance in = judge(s);
	ck_assert_int_eq(in.storage.version, 23);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
	const struct ksd_drift *d = only(&in);
	ck_assert_int_eq(d->what, KSD_DRIFT_CHANGED);
	ck_assert_int_eq(d->kind, KSD_DRIFT_INDEX);
	ck_assert_int_eq(in.prediction.storage.run, KSD_RUN_FORWARD);
	ck_assert_int_eq(in.prediction.storage.fails, 23);
	ck_assert_int_eq(in.prediction.storage.cause, KSD_CAUSE_EXISTS);
	ck_assert_str_eq(in.prediction.storage.clash,
	                 "idx_objects_history_userid_and_resourcename");
	char words[WORDS_KINTO_MAX];
	words_kinto(words, sizeof(words), &in.prediction);
	ck_assert_msg(strstr(words, "023->024 fails because "
	                            "idx_objects_history_userid_and_resourcename already exists"),
	              "%s", words);
}
END_TEST

START_TEST(a_hand_edited_body_no_release_wrote_is_changed)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	struct ksd_function *f = ksd_schema_function(s, "bump_timestamp");
	/* The version 26 body with its assignment written by hand. */
	char body[2048];
	snprintf(body, sizeof(body), "%s", f->body);
	char *at = strstr(body, "from_epoch(current)");
	ck_assert_ptr_nonnull(at);
	memcpy(at, "to_timestamp(current", strlen("to_timestamp(current"));
	f->body = ksd_catalog_strdup(cat, body);
	struct ksd_instance in = judge(s);
	const struct ksd_drift *d = only(&in);
	ck_assert_int_eq(d->what, KSD_DRIFT_CHANGED);
	ck_assert_int_eq(d->kind, KSD_DRIFT_FUNCTION);
	ck_assert_str_eq(d->name, "bump_timestamp");
}
END_TEST

/* What a wrong-base history explains is not drift (see no_hybrid_drifts);
 * the permission schema has no such history. */
START_TEST(a_dropped_index_is_missing)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	ck_assert(ksd_catalog_drop_index(s, "idx_access_control_entries_principal"));
	struct ksd_instance in = judge(s);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_UNDETERMINED);
	ck_assert_int_eq(in.storage.version, 26);
	const struct ksd_drift *d = only(&in);
	ck_assert_int_eq(d->what, KSD_DRIFT_MISSING);
	ck_assert_int_eq(d->kind, KSD_DRIFT_INDEX);
	ck_assert_str_eq(d->name, "idx_access_control_entries_principal");
	ck_assert_str_eq(d->table, "access_control_entries");
}
END_TEST

START_TEST(drift_past_the_cap_is_counted)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	struct ksd_table *t = ksd_schema_table(s, "objects");
	for (int i = 0; i < KSD_MAX_DRIFT + 3; i++) {
		char name[16];
		snprintf(name, sizeof(name), "c%d", i);
		ck_assert_ptr_nonnull(ksd_catalog_add_column(cat, t, name));
	}
	struct ksd_instance in = judge(s);
	ck_assert_uint_eq(in.ndrift, KSD_MAX_DRIFT);
	ck_assert(in.drift_truncated);
}
END_TEST

Suite *drift_suite(void)
{
	Suite *s = suite_create("drift");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_add_loop_test(tc, no_version_fresh_or_migrated_drifts, 0, 26 * 6);
	tcase_add_loop_test(tc, no_hybrid_drifts, 10, 20);
	tcase_add_test(tc, a_hand_made_index_column_trigger_and_function_are_extra);
	tcase_add_test(tc, another_table_is_not_kintos_and_its_objects_are_no_drift);
	tcase_add_test(tc, an_index_named_like_kintos_with_other_keys_is_changed_and_breaks_024);
	tcase_add_test(tc, a_hand_edited_body_no_release_wrote_is_changed);
	tcase_add_test(tc, a_dropped_index_is_missing);
	tcase_add_test(tc, drift_past_the_cap_is_counted);
	suite_add_tcase(s, tc);
	return s;
}
