/* The history of wrong-base migrations: every flushed hybrid of the spec's
 * §6 explained with its origin range, the steps that ran and the one that
 * fails, and what the repair redoes; no clean version explained as one. */
#include <check.h>
#include <stdio.h>

#include "infer/infer.h"
#include "ksd_infer.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"

/* The version rows `versions` (ending with 0), then created_at: a chain
 * recorded by hand, as the matrix cells have it. */
static void recorded(struct ksd_schema *s, const int *versions)
{
	for (; *versions; versions++) {
		char value[4];
		snprintf(value, sizeof(value), "%d", *versions);
		ks_meta(cat, s, "storage_schema_version", value);
	}
	ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
}

static struct ksd_instance judge(struct ksd_schema *s)
{
	struct ksd_instance in;
	ksd_infer_instance(dump, cat, &cat->databases[0], s, 0, &in);
	return in;
}

/* The origins a hybrid's schema cannot tell apart once 021 and 022 replaced
 * bump_timestamp: 10-13 (010->011 and 011->012 change nothing visible, 013's
 * body is gone), 16/17 (017's body is gone). */
static ksd_vset origins(int truth)
{
	if (truth <= 13)
		return KSD_VRANGE(10, 13);
	if (truth == 16 || truth == 17)
		return KSD_VRANGE(16, 17);
	return KSD_VBIT(truth);
}

START_TEST(a_flushed_hybrid_is_explained_from_its_origin)
{
	int truth = _i;
	struct ksd_instance in = judge(ks_hybrid(cat, truth));
	const struct ksd_history *h = &in.history;
	ck_assert(h->found);
	ck_assert_uint_eq(h->origin, origins(truth));
	ck_assert(h->flushed);
	ck_assert_int_eq(h->assumed, 20);
	ck_assert_int_eq(h->top, truth <= 17 ? 22 : 26);
	ck_assert_int_eq(h->failed, truth <= 17 ? 23 : 0);
	ck_assert_int_eq(h->cause, truth <= 17 ? KSD_CAUSE_NO_DELETED_COLUMN : KSD_CAUSE_NONE);
	ck_assert_int_eq(h->unrepairable, 0);
}
END_TEST

START_TEST(the_repair_redoes_exactly_the_skipped_steps)
{
	int truth = _i;
	struct ksd_instance in = judge(ks_hybrid(cat, truth));
	unsigned want = KSD_REPAIR_COLLATE_TIMESTAMPS;
	int low = truth <= 13 ? 10 : truth == 17 ? 16 : truth;
	if (low < 19)
		want |= KSD_REPAIR_COLLATE_OBJECTS;
	if (low < 18)
		want |= KSD_REPAIR_TOMBSTONES;
	if (low < 16)
		want |= KSD_REPAIR_DROP_HELPER;
	if (low < 14)
		want |= KSD_REPAIR_DELETED_TRIGGER;
	ck_assert_uint_eq(in.history.repairs, want);
}
END_TEST

START_TEST(no_clean_version_is_a_hybrid)
{
	int v = _i;
	struct ksd_instance intact = judge(ks_build(cat, NULL, "public", v, KS_PERM1));
	ck_assert(!intact.history.found);
	struct ksd_instance flushed = judge(ks_build(cat, "flushed", "public", v, KS_FLUSHED));
	ck_assert(!flushed.history.found);
}
END_TEST

START_TEST(rows_from_21_with_created_at_are_no_flush)
{
	struct ksd_schema *s = ks_hybrid(cat, 17);
	ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
	struct ksd_instance in = judge(s);
	ck_assert(!in.history.found);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_UNDETERMINED);
	ck_assert(!in.fix);
}
END_TEST

START_TEST(a_chain_recorded_over_a_gap_assumes_the_recorded_value)
{
	/* Version rows 2..13, then '20' by hand and 21, 22 by Kinto: the rows
	 * under the gap bound the origin from below. */
	struct ksd_schema *s = ks_hybrid(cat, 13);
	char num[16];
	for (int r = 2; r <= 13; r++) {
		snprintf(num, sizeof(num), "%d", r);
		ks_meta(cat, s, "storage_schema_version", num);
	}
	ks_meta(cat, s, "storage_schema_version", "20");
	ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
	struct ksd_instance in = judge(s);
	ck_assert(in.history.found);
	ck_assert(!in.history.flushed);
	ck_assert_int_eq(in.history.assumed, 20);
	ck_assert_int_eq(in.history.top, 22);
	ck_assert_uint_eq(in.history.origin, KSD_VBIT(13));
}
END_TEST

START_TEST(a_version_recorded_by_hand_above_the_truth_is_explained)
{
	/* True 16 or 17, '20' recorded by hand (created_at kept), then 021 and
	 * 022 ran and 023 failed, as in the matrix cell v17-g20. */
	struct ksd_schema *s = ks_hybrid(cat, 17);
	ks_meta(cat, s, "storage_schema_version", "20");
	ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
	struct ksd_instance in = judge(s);
	const struct ksd_history *h = &in.history;
	ck_assert(h->found);
	ck_assert(!h->flushed && !h->rerun);
	ck_assert_int_eq(h->assumed, 20);
	ck_assert_int_eq(h->top, 22);
	ck_assert_uint_eq(h->origin, KSD_VRANGE(16, 17));
	ck_assert_int_eq(h->failed, 23);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
}
END_TEST

START_TEST(steps_rerun_over_a_newer_schema_are_a_history)
{
	/* True 22; '7' recorded by hand; 007->008 and 008->009 re-ran (the
	 * version 9 bodies, the tombstone trigger dropped), 009->010 failed:
	 * explained, and undone by the code of the lowest origin. */
	struct ksd_schema *s = ks_build(cat, NULL, "public", 22, KS_PERM2 | KS_FLUSHED);
	ksd_catalog_drop_trigger(s, "tgr_deleted_last_modified", "deleted");
	ks_body(cat, s, "bump_timestamp", 9);
	ks_body(cat, s, "collection_timestamp", 8);
	recorded(s, (const int[]){7, 8, 9, 0});
	struct ksd_instance in = judge(s);
	const struct ksd_history *h = &in.history;
	ck_assert(h->found);
	ck_assert(h->rerun);
	ck_assert_int_eq(h->assumed, 7);
	ck_assert_int_eq(h->top, 9);
	ck_assert(h->origin & KSD_VBIT(22));
	ck_assert_int_eq(h->failed, 10);
	ck_assert_uint_eq(h->repairs, KSD_REPAIR_CODE);
	ck_assert_int_eq(h->target, ksd_vset_lowest(h->origin));
	ck_assert_int_eq(h->lost, 0);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
	ck_assert_int_eq(in.reason.code, KSD_REASON_RERUN_UNDONE);
}
END_TEST

START_TEST(a_skipped_step_is_redone_as_data_says)
{
	/* 006->007 renames columns: its statements run again after 008..011,
	 * which changed code and made timestamps, and an older step's run
	 * again under the names 007 gave; 009 changes code only. */
	enum ksd_repair after;
	ck_assert_int_eq(ksd_step_redo(7, 8, 11, &after), KSD_REDO_TABLES);
	ck_assert_int_eq(after, KSD_REPAIR_NONE);
	ck_assert_int_eq(ksd_step_redo(4, 5, 17, &after), KSD_REDO_TABLES);
	/* 018->019 gave records.id a collation that 004's ALTER TYPE drops:
	 * 019's repair sets it again on the tables 020->021 renamed; before
	 * them there is no such repair. */
	ck_assert_int_eq(ksd_step_redo(4, 4, 26, &after), KSD_REDO_TABLES);
	ck_assert_int_eq(after, KSD_REPAIR_COLLATE_OBJECTS);
	ck_assert_int_eq(ksd_step_redo(4, 4, 20, &after), KSD_REDO_NONE);
	char table[KSD_NAME_CAP] = "records", column[KSD_NAME_CAP] = "resource_name";
	ksd_step_rename(7, table, column);
	ck_assert_str_eq(column, "collection_id");
	ksd_step_rename(21, table, column);
	ck_assert_str_eq(table, "objects");
	ck_assert_str_eq(column, "resource_name");
	ck_assert_int_eq(ksd_step_redo(9, 12, 17, &after), KSD_REDO_CODE);
	ck_assert_int_eq(ksd_step_redo(23, 24, 26, &after), KSD_REDO_TABLES);
	/* The guard is a fact the step changes and nothing later changes back. */
	ck_assert_str_eq(ksd_features[ksd_step_guard(7, 11)].label, "records.user_id column");
	ck_assert_str_eq(ksd_features[ksd_step_guard(5, 17)].label, "primary key on records");
	ck_assert_str_eq(ksd_features[ksd_step_guard(10, 17)].label, "table timestamps");
	ck_assert_str_eq(ksd_features[ksd_step_guard(24, 26)].label,
	                 "index idx_objects_history_userid_and_resourcename");
	/* 002 changes as_epoch only; 012 changes rows only: no table guard. */
	ck_assert_uint_eq(ksd_step_guard(2, 6), ksd_nfeatures);
	ck_assert_uint_eq(ksd_step_guard(12, 17), ksd_nfeatures);
}
END_TEST

START_TEST(indexes_skipped_by_a_recorded_version_are_redone)
{
	/* True 21, '23' recorded by hand, then 024..026 ran: 022->023's index
	 * never made, 023->024's and 024->025's made; the repair creates it
	 * from our SQL and keeps 26. */
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2 | KS_FLUSHED);
	ck_assert(ksd_catalog_drop_index(s, "idx_objects_resource_name_parent_id_deleted"));
	recorded(s, (const int[]){21, 23, 24, 25, 26, 0});
	struct ksd_instance in = judge(s);
	const struct ksd_history *h = &in.history;
	ck_assert(h->found && !h->rerun);
	ck_assert_int_eq(h->assumed, 23);
	ck_assert_int_eq(h->top, 26);
	ck_assert_int_eq(h->target, 26);
	ck_assert_int_eq(h->unrepairable, 0);
	ck_assert(h->repairs & KSD_REPAIR_REDO);
	ck_assert_uint_eq(h->redo, KSD_VBIT(23));
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
	ck_assert_int_eq(in.reason.code, KSD_REASON_WRONG_BASE);
}
END_TEST

Suite *history_suite(void)
{
	Suite *s = suite_create("history");
	TCase *tc = tcase_create("history");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_add_loop_test(tc, a_flushed_hybrid_is_explained_from_its_origin, 10, 20);
	tcase_add_loop_test(tc, the_repair_redoes_exactly_the_skipped_steps, 10, 20);
	tcase_add_loop_test(tc, no_clean_version_is_a_hybrid, 1, KSD_STORAGE_MAX + 1);
	tcase_add_test(tc, rows_from_21_with_created_at_are_no_flush);
	tcase_add_test(tc, a_chain_recorded_over_a_gap_assumes_the_recorded_value);
	tcase_add_test(tc, a_version_recorded_by_hand_above_the_truth_is_explained);
	tcase_add_test(tc, steps_rerun_over_a_newer_schema_are_a_history);
	tcase_add_test(tc, a_skipped_step_is_redone_as_data_says);
	tcase_add_test(tc, indexes_skipped_by_a_recorded_version_are_redone);
	suite_add_tcase(s, tc);
	return s;
}
