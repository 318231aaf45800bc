/* The history of wrong-base migrations: every flushed hybrid of the spec's
 * §6 explained with its origin range, the steps that ran and the one that
 * fails, and what the repair redoes; no clean version explained as one. */
#include <check.h>
#include <stdio.h>

#include "ksd_infer.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"

static struct ksd_instance judge(struct ksd_schema *s)
{
	struct ksd_instance in;
	ksd_infer_instance(cat, &cat->databases[0], s, 0, &in);
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
	ks_meta(cat, s, "storage_schema_version", "7");
	ks_meta(cat, s, "storage_schema_version", "8");
	ks_meta(cat, s, "storage_schema_version", "9");
	ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
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
	suite_add_tcase(s, tc);
	return s;
}
