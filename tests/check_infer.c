/* Inference against catalogs built from the fact sheet: every version
 * migrated and flushed, fresh installs, the look-alikes, the hybrids, the
 * metadata states; each fingerprint row seen present and absent. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"
#include "lib/catalog_fixture.h"
#include "lib/kinto_schema.h"
#include "report/fix.h"
#include "report/words.h"
#include "report/kinto.h"

/* The words of an instance's reason, as the reports show them. */
static const char *reason_of(const struct ksd_instance *in)
{
	static char buf[WORDS_REASON_MAX];
	words_reason(buf, sizeof(buf), &in->reason);
	return buf;
}

static const char *kinto_of(const struct ksd_instance *in)
{
	static char buf[WORDS_KINTO_MAX];
	words_kinto(buf, sizeof(buf), &in->prediction);
	return buf;
}

static const char *notes_of(const struct ksd_instance *in)
{
	static char buf[WORDS_NOTES_MAX];
	words_notes(buf, sizeof(buf), in);
	return buf;
}

static struct ksd_instance judge(struct ksd_schema *s, int assume)
{
	struct ksd_instance in;
	ksd_infer_instance(dump, cat, &cat->databases[0], s, assume, &in);
	return in;
}

/* The candidates the spec allows for a migrated version v. */
static ksd_vset expected(int v)
{
	if (v <= 2)
		return KSD_VRANGE(1, 2);
	if (v >= 10 && v <= 12)
		return KSD_VRANGE(10, 12);
	return KSD_VBIT(v);
}

static int lowest(ksd_vset s)
{
	for (int v = 1; v <= 26; v++)
		if (s & KSD_VBIT(v))
			return v;
	return 0;
}

static void dump_contradictions(const struct ksd_instance *in, int v)
{
	size_t idx[KSD_MAX_FEATURES];
	size_t n = ksd_contradictions(in, KSD_STORAGE, v, idx, KSD_MAX_FEATURES);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "  v%d contradicted by: %s\n", v, ksd_features[idx[i]].label);
}

START_TEST(every_migrated_version_is_found_and_intact)
{
	int v = _i;
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", v, KS_PERM2), 0);
	if (in.storage.candidates != expected(v))
		dump_contradictions(&in, v);
	ck_assert_uint_eq(in.storage.candidates, expected(v));
	/* Among look-alikes, the recorded version is kept. */
	ck_assert_int_eq(in.storage.version, v);
	ck_assert_int_eq(in.permission.version, 2);
	ck_assert_int_eq(in.meta, KSD_META_INTACT);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
	ck_assert(!in.fix);
}
END_TEST

START_TEST(every_flushed_version_needs_the_lowest_candidate)
{
	int v = _i;
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", v, KS_FLUSHED), 0);
	ck_assert_uint_eq(in.storage.candidates, expected(v));
	ck_assert_int_eq(in.storage.version, lowest(expected(v)));
	ck_assert_int_eq(in.meta, KSD_META_FLUSHED);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
	ck_assert(in.fix);
	ck_assert_int_eq(in.storage.reads, 20);
	ck_assert_ptr_nonnull(strstr(kinto_of(&in), "guesses 20"));
	if (v >= 10 && v <= 17)
		ck_assert_msg(strstr(kinto_of(&in), "022->023 fails"), "%s", kinto_of(&in));
	if (v == 18 || v == 19)
		ck_assert_msg(strstr(kinto_of(&in), "COLLATE"), "%s", kinto_of(&in));
	if (lowest(expected(v)) != v || v == 1)
		ck_assert_msg(strstr(reason_of(&in), "look the same"), "%d: %s", v, reason_of(&in));
}
END_TEST

static const int fresh_versions[] = {1,  3,  6,  7,  8,  10, 11, 13, 14, 15,
                                     17, 18, 19, 20, 21, 22, 23, 24, 25, 26};

START_TEST(fresh_installs_are_tolerated)
{
	int v = fresh_versions[_i];
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", v, KS_FRESH | KS_PERM1), 0);
	if (in.storage.candidates != expected(v))
		dump_contradictions(&in, v);
	ck_assert_uint_eq(in.storage.candidates, expected(v));
	ck_assert_int_eq(in.permission.version, 1);
	/* Fresh 3 and 6 lack the tombstone index that 006->007 renames. */
	bool broken = v == 3 || v == 6;
	ck_assert_int_eq(in.meta, KSD_META_INTACT);
	ck_assert_int_eq(in.verdict, broken ? KSD_VERDICT_FIX : KSD_VERDICT_OK);
	ck_assert_int_eq(in.missing_deleted_index, broken);
	if (broken) {
		ck_assert_msg(strstr(kinto_of(&in), "006->007 fails"), "%s", kinto_of(&in));
		char *fix = fix_string("t", &in);
		ck_assert_ptr_nonnull(fix);
		ck_assert_msg(strstr(fix, "CREATE UNIQUE INDEX IF NOT EXISTS "
		                          "idx_deleted_user_id_resource_name_last_modified\n"
		                          "    ON \"public\".deleted (user_id, resource_name, "
		                          "last_modified DESC);"),
		              "%s", fix);
		/* The version rows are checked, never changed. */
		ck_assert_msg(!strstr(fix, "metadata\n WHERE name = 'storage_schema_version'") &&
		                  !strstr(fix, "SELECT 'storage_schema_version'"),
		              "%s", fix);
		free(fix);
	}
}
END_TEST

START_TEST(the_cliquet_1_3_schema_is_exactly_1)
{
	struct ksd_instance in =
	    judge(ks_build(cat, NULL, "public", 1, KS_FRESH | KS_V1_VARIANT), 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VBIT(1));
	ck_assert_int_eq(in.meta, KSD_META_INTACT);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
	ck_assert_ptr_nonnull(strstr(notes_of(&in), "last_heartbeat"));
}
END_TEST

START_TEST(version_10_without_triggers_is_exactly_10)
{
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", 10, KS_CLIQUET_300), 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VBIT(10));
}
END_TEST

START_TEST(the_cliquet_2_13_eight_is_8_or_9)
{
	struct ksd_instance in =
	    judge(ks_build(cat, NULL, "public", 8, KS_FRESH | KS_CLIQUET_213), 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VRANGE(8, 9));
	ck_assert_int_eq(in.storage.version, 8);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
}
END_TEST

START_TEST(a_dropped_deleted_table_is_tolerated_from_21)
{
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", 24, KS_DROP_DELETED), 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VBIT(24));
}
END_TEST

START_TEST(hybrids_need_a_repair_and_keep_every_contradiction)
{
	int truth = _i;
	struct ksd_instance in = judge(ks_hybrid(cat, truth), 0);
	ck_assert_uint_eq(in.storage.candidates, 0);
	ck_assert_int_eq(in.storage.version, 0);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
	ck_assert(in.fix);
	ck_assert(in.history.found);
	size_t idx[KSD_MAX_FEATURES];
	bool deleted = false, collate_objects = false, collate_ts = false, stale = false;
	for (int v = 1; v <= 26; v++) {
		if (!(in.storage.nearest & KSD_VBIT(v)))
			continue;
		size_t n = ksd_contradictions(&in, KSD_STORAGE, v, idx, KSD_MAX_FEATURES);
		for (size_t i = 0; i < n; i++) {
			const char *l = ksd_features[idx[i]].label;
			deleted |= strcmp(l, "objects.deleted column") == 0;
			collate_objects |= strcmp(l, "objects.id collated \"C\"") == 0;
			collate_ts |= strcmp(l, "timestamps.parent_id collated \"C\"") == 0;
			stale |= strcmp(l, "function collection_timestamp") == 0;
		}
	}
	ck_assert(deleted == (truth < 18));
	ck_assert(collate_objects == (truth < 19));
	ck_assert(collate_ts);
	ck_assert(stale == (truth <= 15));
	if (truth <= 17)
		ck_assert_msg(strstr(kinto_of(&in), "022->023 fails"), "%s", kinto_of(&in));
	ck_assert_int_eq(in.meta, KSD_META_FLUSHED);
}
END_TEST

START_TEST(assume_version_gives_a_fix_for_a_hybrid)
{
	struct ksd_instance in = judge(ks_hybrid(cat, 17), 17);
	ck_assert_int_eq(in.storage.version, 17);
	ck_assert(in.storage.assumed);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
	ck_assert(in.fix);
}
END_TEST

START_TEST(a_wrong_guess_is_wrong)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 17, 0);
	ks_meta(cat, s, "storage_schema_version", "19");
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.storage.version, 17);
	ck_assert_int_eq(in.storage.recorded, 19);
	ck_assert_int_eq(in.meta, KSD_META_WRONG);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
	ck_assert_msg(strstr(kinto_of(&in), "runs 019->020..021->022 on a version 17 schema"), "%s",
	              kinto_of(&in));
}
END_TEST

/* Kinto starts from G above the true T and runs G->G+1.. until a step's SQL
 * cannot apply (Kinto's migration files, and replayed on PostgreSQL 15):
 * each row's `fails` is that step's source version, 0 when all commit. */
static const struct {
	int t_lo, t_hi, g_lo, g_hi, fails;
} skipped_runs[] = {
    {1, 2, 3, 6, 6},      /* 006->007 renames an index 002->003 makes */
    {1, 6, 7, 11, 11},    /* 011->012 joins on parent_id */
    {1, 6, 12, 14, 17},   /* 017->018 inserts parent_id */
    {1, 6, 15, 15, 15},   /* 015->016 drops collection_timestamp */
    {1, 6, 16, 17, 17},   /* 017->018 inserts parent_id */
    {1, 6, 18, 18, 18},   /* 018->019 alters parent_id */
    {3, 4, 5, 6, 17},     /* 017->018's ON CONFLICT needs the primary key */
    {1, 9, 19, 19, 19},   /* 019->020 alters timestamps */
    {7, 9, 17, 18, 19},   /* 018->019 commits, then 019->020 */
    {1, 9, 20, 20, 20},   /* 020->021 renames collection_id, timestamps */
    {10, 17, 18, 20, 22}, /* 022->023 indexes objects.deleted */
    {5, 5, 6, 6, 23},     /* 023->024 indexes data->'user_id' of json data */
    {1, 20, 21, 25, 0},   /* the first step needs objects: fails at G */
    {18, 19, 19, 20, 0},  /* only COLLATE "C" skipped */
    {21, 25, 22, 26, 0},
};

START_TEST(a_run_from_above_fails_where_the_sql_cannot_apply)
{
	for (size_t r = 0; r < sizeof(skipped_runs) / sizeof(skipped_runs[0]); r++)
		for (int t = skipped_runs[r].t_lo; t <= skipped_runs[r].t_hi; t++) {
			struct ksd_instance in = judge(ks_build(cat, NULL, "public", t, 0), 0);
			for (int g = skipped_runs[r].g_lo; g <= skipped_runs[r].g_hi; g++) {
				if (g <= t)
					continue;
				struct ksd_storage_run run;
				ksd_predict_storage(&in, KSD_READ_RECORDED, g, t, &run);
				int want = skipped_runs[r].fails;
				if (t <= 20 && g >= 21)
					want = g;
				ck_assert_msg(run.fails == want, "T=%d G=%d: fails %d, not %d", t,
				              g, run.fails, want);
				ck_assert_msg(!want || run.run == (want == g ? KSD_RUN_FAIL_FIRST
				                                             : KSD_RUN_FAIL_LATER),
				              "T=%d G=%d: run %d", t, g, run.run);
			}
		}
}
END_TEST

START_TEST(a_too_low_version_reruns_migrations)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 22, KS_FLUSHED);
	ks_meta(cat, s, "storage_schema_version", "7");
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.meta, KSD_META_WRONG);
	ck_assert_msg(strstr(kinto_of(&in), "007->008 drops the triggers"), "%s", kinto_of(&in));
	ck_assert_msg(strstr(kinto_of(&in), "009->010 fails"), "%s", kinto_of(&in));
}
END_TEST

/* The first step that fails when Kinto re-runs from G on a true T, as the
 * matrix of real runs (testdata/matrix) measured it: 003->004 from 7 (no
 * user_id), 005->006 from 14 (a trigger names data), 015->016 unless
 * 014->015 made collection_timestamp again. */
START_TEST(a_rerun_fails_where_the_real_runs_failed)
{
	static const struct {
		int truth, from, fails;
	} runs[] = {{7, 3, 3},    {6, 3, 4},    {16, 5, 5},   {13, 5, 6},
	            {18, 15, 15}, {18, 14, 17}, {20, 14, 17}, {20, 15, 15}};
	for (size_t r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
		struct ksd_schema *s = ks_build(cat, NULL, "public", runs[r].truth, KS_PERM1);
		struct ksd_instance in = judge(s, 0);
		struct ksd_storage_run run;
		ksd_predict_storage(&in, KSD_READ_RECORDED, runs[r].from, runs[r].truth, &run);
		ck_assert_msg(run.fails == runs[r].fails, "T=%d G=%d: fails %d, not %d",
		              runs[r].truth, runs[r].from, run.fails, runs[r].fails);
	}
}
END_TEST

START_TEST(lpad_order_reads_10_above_9)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 10, KS_FLUSHED);
	ks_meta(cat, s, "storage_schema_version", "9");
	ks_meta(cat, s, "storage_schema_version", "10");
	ks_meta(cat, s, "storage_schema_version", "9");
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.storage.recorded, 10);
	ck_assert_uint_eq(in.duplicates, 1);
	ck_assert_int_eq(in.meta, KSD_META_NO_CREATED_AT);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
}
END_TEST

START_TEST(a_garbage_top_row_is_wrong)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	ks_meta(cat, s, "storage_schema_version", "abc");
	ks_meta(cat, s, "something", "else");
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.storage.recorded, -1);
	ck_assert_str_eq(in.storage.recorded_value, "abc");
	ck_assert_uint_eq(in.garbage, 2);
	ck_assert_int_eq(in.meta, KSD_META_WRONG);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
}
END_TEST

START_TEST(plugin_rows_are_read_as_kinto_reads_them)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	ks_meta(cat, s, "attachment_schema_version", "1");
	ks_meta(cat, s, "other_schema_version", "9");
	ks_meta(cat, s, "attachment_schema_version", "2");
	ks_meta(cat, s, "other_schema_version", "10");
	ks_meta(cat, s, "bad_schema_version", "x");
	ks_meta(cat, s, "_schema_version", "3");
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.nplugins, 3);
	ck_assert_uint_eq(in.plugins[0].name_len, strlen("attachment"));
	ck_assert_str_eq(in.plugins[0].row, "attachment_schema_version");
	ck_assert_int_eq(in.plugins[0].recorded, 2);
	ck_assert_str_eq(in.plugins[0].recorded_value, "2");
	ck_assert_str_eq(in.plugins[1].row, "other_schema_version");
	ck_assert_int_eq(in.plugins[1].recorded, 10);
	ck_assert_str_eq(in.plugins[2].row, "bad_schema_version");
	ck_assert_int_eq(in.plugins[2].recorded, -1);
	ck_assert_str_eq(in.plugins[2].recorded_value, "x");
	/* Plugin rows leave the storage and permission verdicts alone. */
	ck_assert_int_eq(in.storage.recorded, 26);
	ck_assert_int_eq(in.permission.recorded, 2);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
}
END_TEST

START_TEST(a_twin_rules_out_12_but_only_where_the_schema_allowed_it)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 12, KS_FLUSHED);
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VRANGE(10, 12));
	ck_assert(!in.twin_narrowed);
	s->twin = (struct ksd_twin){true, "a", "/b", "record", KSD_TWIN_RECORDS | KSD_TWIN_DELETED};
	in = judge(s, 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VRANGE(10, 11));
	ck_assert(in.twin_narrowed);
	ck_assert_int_eq(in.storage.version, 10);
	/* At 13 nothing is left to narrow: the candidates stand. */
	struct ksd_schema *s13 = ks_build(cat, "other", "public", 13, 0);
	s13->twin =
	    (struct ksd_twin){true, "a", "/b", "record", KSD_TWIN_RECORDS | KSD_TWIN_DELETED};
	ksd_infer_instance(dump, cat, &cat->databases[1], s13, 0, &in);
	ck_assert_uint_eq(in.storage.candidates, KSD_VBIT(13));
	ck_assert(!in.twin_narrowed);
}
END_TEST

START_TEST(the_tables_whose_rows_would_decide_are_noted_when_missing)
{
	unsigned note = KSD_NOTE_BIT(KSD_NOTE_TWIN_UNREAD);
	struct ksd_schema *s = ks_build(cat, NULL, "public", 12, KS_FLUSHED);
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VRANGE(10, 12));
	ck_assert_uint_eq(in.notes & note, note);
	s->twin.searched = KSD_TWIN_DELETED;
	in = judge(s, 0);
	ck_assert_uint_eq(in.notes & note, note);
	/* Both read and no twin: the range stands, and nothing is missing. */
	s->twin.searched = KSD_TWIN_RECORDS | KSD_TWIN_DELETED;
	in = judge(s, 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VRANGE(10, 12));
	ck_assert_uint_eq(in.notes & note, 0);
	/* At 13 no row could narrow anything. */
	struct ksd_schema *s13 = ks_build(cat, "other", "public", 13, 0);
	ksd_infer_instance(dump, cat, &cat->databases[1], s13, 0, &in);
	ck_assert_uint_eq(in.notes & note, 0);
}
END_TEST

/* kinto-attachment's rows in objects, as the inventory counts them. */
static void attachment_rows(struct ksd_schema *s, const char *resource, uint64_t n)
{
	ksd_schema_table(s, "objects")->data_dumped = true;
	for (uint64_t i = 0; i < n; i++)
		ck_assert_int_eq(ksd_catalog_count_internal(cat, s, "__attachments__", 15, resource,
		                                            strlen(resource)),
		                 0);
}

START_TEST(kinto_attachment_data_against_its_version_row)
{
	/* Recorded 2, rows never moved: Kinto runs nothing, the data is at 1. */
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	ks_meta(cat, s, "kinto_attachment_schema_version", "2");
	attachment_rows(s, "", 3);
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.nplugins, 1);
	ck_assert_int_eq(in.plugins[0].reads, 2);
	ck_assert_int_eq(in.plugins[0].current, 2);
	ck_assert(in.plugins[0].data_known);
	ck_assert_int_eq(in.plugins[0].data_version, 1);
	ck_assert_uint_eq(in.plugins[0].unmoved, 3);
	ck_assert_int_eq(in.plugins[0].run, KSD_PLUGIN_RUN_UP_TO_DATE);
}
END_TEST

START_TEST(kinto_attachment_without_a_row_reads_1)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	attachment_rows(s, "", 2);
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.nplugins, 1);
	ck_assert_str_eq(in.plugins[0].row, "kinto_attachment");
	ck_assert_int_eq(in.plugins[0].recorded, 0);
	ck_assert_int_eq(in.plugins[0].reads, 1);
	ck_assert_int_eq(in.plugins[0].data_version, 1);
	ck_assert_int_eq(in.plugins[0].run, KSD_PLUGIN_RUN_MIGRATE);
	/* Moved rows and '2': agreed, up to date; no rows: not listed. */
	struct ksd_schema *s2 = ks_build(cat, "moved", "public", 26, 0);
	ks_meta(cat, s2, "kinto_attachment_schema_version", "2");
	attachment_rows(s2, "attachments", 1);
	ksd_infer_instance(dump, cat, &cat->databases[1], s2, 0, &in);
	ck_assert_int_eq(in.plugins[0].data_version, 2);
	ck_assert_int_eq(in.plugins[0].run, KSD_PLUGIN_RUN_UP_TO_DATE);
	struct ksd_schema *s3 = ks_build(cat, "none", "public", 26, 0);
	ksd_infer_instance(dump, cat, &cat->databases[2], s3, 0, &in);
	ck_assert_uint_eq(in.nplugins, 0);
}
END_TEST

START_TEST(storage_and_permission_rows_are_no_plugins)
{
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", 26, KS_PERM2), 0);
	ck_assert_uint_eq(in.nplugins, 0);
	ck_assert_str_eq(notes_of(&in), "");
}
END_TEST

START_TEST(plugins_past_the_cap_are_noted)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	char name[32];
	for (int i = 0; i <= KSD_MAX_PLUGINS; i++) {
		snprintf(name, sizeof(name), "p%d_schema_version", i);
		ks_meta(cat, s, name, "1");
	}
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.nplugins, KSD_MAX_PLUGINS);
	ck_assert_ptr_nonnull(strstr(notes_of(&in), "more plugin version rows than are kept"));
}
END_TEST

START_TEST(created_at_without_rows_means_1)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 1, 0);
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.meta, KSD_META_INTACT);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_OK);
	s = ks_build(cat, NULL, "other", 5, KS_FLUSHED);
	ks_meta(cat, s, "created_at", "2020-01-01 00:00:00+00");
	in = judge(s, 0);
	ck_assert_int_eq(in.meta, KSD_META_FLUSHED);
	ck_assert_msg(strstr(kinto_of(&in), "assumes 1") && strstr(kinto_of(&in), "002->003 fails"),
	              "%s", kinto_of(&in));
}
END_TEST

START_TEST(a_missing_metadata_table_needs_one)
{
	struct ksd_instance in = judge(ks_build(cat, NULL, "public", 14, KS_NO_META), 0);
	ck_assert_int_eq(in.meta, KSD_META_MISSING_TABLE);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
}
END_TEST

START_TEST(a_schema_only_dump_leaves_metadata_unknown)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 14, KS_FLUSHED);
	s->metadata.data_seen = false;
	cat->any_data_seen = false;
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.storage.version, 14);
	ck_assert_int_eq(in.meta, KSD_META_NOT_DUMPED);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_UNDETERMINED);
}
END_TEST

START_TEST(a_data_only_dump_is_undetermined)
{
	struct ksd_schema *s = ksd_catalog_schema(cat, ksd_catalog_database(cat, NULL), "public");
	ks_meta(cat, s, "storage_schema_version", "17");
	struct ksd_instance *all;
	size_t n;
	ck_assert(ksd_infer_catalog(dump, cat, 0, &all, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(all[0].verdict, KSD_VERDICT_UNDETERMINED);
	ck_assert_ptr_nonnull(strstr(reason_of(&all[0]), "data-only"));
	free(all);
}
END_TEST

START_TEST(each_schema_and_database_is_an_instance)
{
	ks_build(cat, "a", "public", 26, 0);
	ks_build(cat, "a", "kinto", 17, KS_FLUSHED);
	ks_build(cat, "b", "public", 20, 0);
	struct ksd_schema *other = ksd_catalog_schema(cat, ksd_catalog_database(cat, "b"), "app");
	ksd_catalog_add_table(cat, other, "users");
	struct ksd_instance *all;
	size_t n;
	ck_assert(ksd_infer_catalog(dump, cat, 0, &all, &n));
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(all[1].schema->name, "kinto");
	ck_assert_int_eq(all[1].verdict, KSD_VERDICT_FIX);
	ck_assert_str_eq(all[2].db->name, "b");
	free(all);
}
END_TEST

START_TEST(no_kinto_is_no_instance)
{
	struct ksd_schema *s = ksd_catalog_schema(cat, ksd_catalog_database(cat, NULL), "public");
	ksd_catalog_add_table(cat, s, "metadata");
	ks_meta(cat, s, "foo", "bar");
	struct ksd_instance *all;
	size_t n;
	ck_assert(ksd_infer_catalog(dump, cat, 0, &all, &n));
	ck_assert_uint_eq(n, 0);
	free(all);
}
END_TEST

START_TEST(permission_v2_without_its_row_needs_a_fix)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, KS_PERM2);
	for (size_t i = 0; i < s->metadata.nrows; i++)
		if (strcmp(s->metadata.rows[i].name, "permission_schema_version") == 0)
			s->metadata.rows[i].name = "x_schema_version";
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.permission.version, 2);
	ck_assert_int_eq(in.meta, KSD_META_FLUSHED);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_FIX);
}
END_TEST

START_TEST(a_partial_dump_gives_no_fix)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 17, KS_FLUSHED);
	dump->partial = true;
	struct ksd_instance in = judge(s, 0);
	ck_assert_int_eq(in.verdict, KSD_VERDICT_UNDETERMINED);
	ck_assert(!in.fix);
}
END_TEST

/* Each row: a version where it must be present and one where it must be
 * absent, observed on the built catalog. */
static enum ksd_obs observe_at(size_t row, int v, unsigned flags, int hybrid)
{
	struct ksd_catalog *c = ksd_catalog_new();
	struct ksd_catalog *saved = cat;
	cat = c;
	struct ksd_schema *s =
	    hybrid ? ks_hybrid(c, hybrid) : ks_build(c, NULL, "public", v, flags);
	cat = saved;
	enum ksd_obs obs[KSD_MAX_FEATURES];
	ck_assert(ksd_match_schema(s, obs));
	ksd_catalog_free(c);
	return obs[row];
}

/* When no database in the history lacks it, the row's object is taken away
 * from a positive case instead. */
static void remove_object(const struct ksd_feature *f, struct ksd_schema *s)
{
	struct ksd_table *t = f->table ? ksd_schema_table(s, f->table) : NULL;
	switch (f->kind) {
	case KSD_F_INDEX:
		ck_assert(ksd_catalog_drop_index(s, f->name));
		break;
	case KSD_F_FUNCTION:
		ck_assert(ksd_catalog_drop_function(s, f->name));
		break;
	case KSD_F_TRIGGER:
		ck_assert(ksd_catalog_drop_trigger(s, f->name, f->table));
		break;
	case KSD_F_TRIGGER_UPDATE_OF:
		for (size_t i = 0; i < s->ntriggers; i++)
			if (strcmp(s->triggers[i].name, f->name) == 0)
				s->triggers[i].nupdate_columns = 0;
		break;
	case KSD_F_CONSTRAINT:
		for (size_t i = 0; t && i < t->nconstraints; i++)
			t->constraints[i].name = "renamed";
		break;
	case KSD_F_PRIMARY_KEY:
		for (size_t i = 0; t && i < t->nconstraints; i++)
			t->constraints[i].kind = KSD_CONS_UNIQUE;
		break;
	case KSD_F_COLUMN:
		ck_assert_ptr_nonnull(ksd_table_column(t, f->name));
		ksd_table_column(t, f->name)->name = "renamed";
		break;
	case KSD_F_COLUMN_TYPE: /* objects.data as json, 005->006 skipped */
		ck_assert_ptr_nonnull(ksd_table_column(t, f->name));
		ksd_table_column(t, f->name)->type = "json";
		break;
	default:
		ck_abort_msg("%s: no negative case", f->label);
	}
}

START_TEST(every_fingerprint_row_has_a_positive_and_a_negative_case)
{
	const struct ksd_feature *f = &ksd_features[_i];
	static const unsigned variants[] = {0, KS_FRESH, KS_FRESH | KS_V1_VARIANT, KS_CLIQUET_300,
	                                    KS_DROP_DELETED};
	int pos = 0;
	unsigned pos_flags = 0;
	bool neg = false;
	if (f->backend == KSD_CACHE) {
		pos = 26;
		pos_flags = KS_CACHE;
		ck_assert_int_eq(observe_at(_i, 26, KS_CACHE, 0), KSD_OBS_PRESENT);
		neg = observe_at(_i, 26, 0, 0) == KSD_OBS_ABSENT;
	} else if (f->backend == KSD_PERMISSION) {
		pos = 26;
		pos_flags = KS_PERM2;
		ck_assert_int_eq(observe_at(_i, 26, KS_PERM2, 0), KSD_OBS_PRESENT);
		neg = f->expect == KSD_VBIT(2) && observe_at(_i, 26, KS_PERM1, 0) == KSD_OBS_ABSENT;
		if (!neg && f->kind == KSD_F_TABLE)
			neg = observe_at(_i, 26, 0, 0) == KSD_OBS_ABSENT;
	} else {
		/* Present in a migrated database where the spec says it is, or
		 * in a fresh install where only those have it. */
		ksd_vset where = f->expect ? f->expect : f->tolerate;
		unsigned flags = f->expect ? 0 : KS_FRESH;
		for (int v = 1; v <= 26 && !pos; v++)
			if ((where & KSD_VBIT(v)) && observe_at(_i, v, flags, 0) == KSD_OBS_PRESENT)
				pos = v, pos_flags = flags;
		for (size_t k = 0; k < sizeof(variants) / sizeof(variants[0]) && !neg; k++)
			for (int v = 1; v <= 26 && !neg; v++)
				neg = observe_at(_i, v, variants[k], 0) == KSD_OBS_ABSENT;
		for (int h = 10; h <= 19 && !neg; h++)
			neg = observe_at(_i, 0, 0, h) == KSD_OBS_ABSENT;
	}
	ck_assert_msg(pos, "%s: never present", f->label);
	if (!neg) {
		enum ksd_obs obs[KSD_MAX_FEATURES];
		struct ksd_schema *s = ks_build(cat, NULL, "public", pos, pos_flags);
		remove_object(f, s);
		ck_assert(ksd_match_schema(s, obs));
		neg = obs[_i] == KSD_OBS_ABSENT;
	}
	ck_assert_msg(neg, "%s: never absent", f->label);
}
END_TEST

START_TEST(normalising_strips_comments_and_spacing)
{
	char out[256];
	ksd_normalise_body("  IF  NEW.x -- note ) \n /* a /* nested */ b */ = ( 'A -- b' ) ;\n",
	                   out, sizeof(out));
	ck_assert_str_eq(out, "if new.x=('a -- b');");
	ksd_normalise_body("X", out, 1);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(a_cut_body_proves_nothing_by_absence)
{
	struct ksd_schema *s = ks_build(cat, NULL, "public", 26, 0);
	struct ksd_function *f = ksd_schema_function(s, "bump_timestamp");
	f->body = "DECLARE previous BIGINT;";
	f->body_len = 5000;
	struct ksd_instance in = judge(s, 0);
	ck_assert_uint_eq(in.storage.candidates, KSD_VRANGE(25, 26));
}
END_TEST

Suite *infer_suite(void)
{
	Suite *s = suite_create("infer");
	TCase *tc = tcase_create("infer");
	tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, every_migrated_version_is_found_and_intact, 1, 27);
	tcase_add_loop_test(tc, every_flushed_version_needs_the_lowest_candidate, 1, 27);
	tcase_add_loop_test(tc, fresh_installs_are_tolerated, 0,
	                    sizeof(fresh_versions) / sizeof(fresh_versions[0]));
	tcase_add_test(tc, the_cliquet_1_3_schema_is_exactly_1);
	tcase_add_test(tc, version_10_without_triggers_is_exactly_10);
	tcase_add_test(tc, the_cliquet_2_13_eight_is_8_or_9);
	tcase_add_test(tc, a_dropped_deleted_table_is_tolerated_from_21);
	tcase_add_loop_test(tc, hybrids_need_a_repair_and_keep_every_contradiction, 10, 20);
	tcase_add_test(tc, assume_version_gives_a_fix_for_a_hybrid);
	tcase_add_test(tc, a_wrong_guess_is_wrong);
	tcase_add_test(tc, a_run_from_above_fails_where_the_sql_cannot_apply);
	tcase_add_test(tc, a_too_low_version_reruns_migrations);
	tcase_add_test(tc, a_rerun_fails_where_the_real_runs_failed);
	tcase_add_test(tc, lpad_order_reads_10_above_9);
	tcase_add_test(tc, a_garbage_top_row_is_wrong);
	tcase_add_test(tc, plugin_rows_are_read_as_kinto_reads_them);
	tcase_add_test(tc, storage_and_permission_rows_are_no_plugins);
	tcase_add_test(tc, a_twin_rules_out_12_but_only_where_the_schema_allowed_it);
	tcase_add_test(tc, the_tables_whose_rows_would_decide_are_noted_when_missing);
	tcase_add_test(tc, kinto_attachment_data_against_its_version_row);
	tcase_add_test(tc, kinto_attachment_without_a_row_reads_1);
	tcase_add_test(tc, plugins_past_the_cap_are_noted);
	tcase_add_test(tc, created_at_without_rows_means_1);
	tcase_add_test(tc, a_missing_metadata_table_needs_one);
	tcase_add_test(tc, a_schema_only_dump_leaves_metadata_unknown);
	tcase_add_test(tc, a_data_only_dump_is_undetermined);
	tcase_add_test(tc, each_schema_and_database_is_an_instance);
	tcase_add_test(tc, no_kinto_is_no_instance);
	tcase_add_test(tc, permission_v2_without_its_row_needs_a_fix);
	tcase_add_test(tc, a_partial_dump_gives_no_fix);
	tcase_add_loop_test(tc, every_fingerprint_row_has_a_positive_and_a_negative_case, 0,
	                    (int)ksd_nfeatures);
	tcase_add_test(tc, normalising_strips_comments_and_spacing);
	tcase_add_test(tc, a_cut_body_proves_nothing_by_absence);
	suite_add_tcase(s, tc);
	return s;
}
