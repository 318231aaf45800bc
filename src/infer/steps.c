/* Migration steps run out of order, as data: what each step does when Kinto
 * re-runs it on a database already past it, what Kinto runs when it starts
 * from a version above the true one, and for each step what it needs, what
 * it creates anew and how a repair redoes it after later steps ran without
 * it, and which relations it creates without IF NOT EXISTS (spec §5, §6;
 * Kinto's migration files). */
#include <stddef.h>

#include "ksd_infer.h"

#define R(a, b) KSD_VRANGE(a, b)
#define V(a)    KSD_VBIT(a)
#define FROM(a) KSD_VFROM(a)

/* Re-running migration step k->k+1 on a database already past it (spec §5).
 * Steps not listed succeed without changing the schema. From 21 on, every
 * step before 020->021 that touches `records` fails: the table is gone. */
const struct ksd_rerun ksd_reruns[] = {
    {1, FROM(21), 0, NULL},
    {2, FROM(3), 0, NULL},
    {3, FROM(21), 0, NULL},
    {4, FROM(5), 0, NULL},
    {5, FROM(21), 0, NULL},
    {6, FROM(7), 0, NULL},
    {7, 0, FROM(9),
     "007->008 drops the triggers and installs the version 8 bump_timestamp (from 21 on, "
     "every insert into objects then fails)"},
    {8, 0, FROM(10), "008->009 reinstalls the version 9 bump_timestamp"},
    {9, FROM(21), R(13, 20), "009->010 reinstalls old bodies and unnarrowed triggers"},
    {10, FROM(21), R(14, 20), "010->011 recreates the triggers without UPDATE OF data"},
    {11, FROM(21), R(18, 20),
     "011->012 deletes the obsolete tombstones that have a twin in records"},
    {12, FROM(21), R(14, 20), "012->013 reinstalls an old body and unnarrowed triggers"},
    {13, FROM(21), 0, NULL},
    {14, FROM(21), R(16, 20), "014->015 recreates the dropped collection_timestamp"},
    {15, FROM(16), 0, NULL},
    {16, FROM(21), 0, NULL},
    {17, FROM(18), 0, NULL},
    {18, FROM(21), 0, NULL},
    {19, FROM(21), 0, NULL},
    {20, FROM(21), 0, NULL},
    {21, 0, V(26), "021->022 reverts the version 26 ORDER BY (slower, not broken)"},
    {23, FROM(24), 0, NULL},
};

const size_t ksd_nreruns = sizeof(ksd_reruns) / sizeof(ksd_reruns[0]);

const struct ksd_rerun *ksd_rerun_step(int step)
{
	for (size_t i = 0; i < ksd_nreruns; i++)
		if (ksd_reruns[i].step == step)
			return &ksd_reruns[i];
	return NULL;
}

/* The failing steps' causes are their needs (ksd_steps below). */
const struct ksd_skip ksd_skips[] = {
    /* 020->021 renames collection_id in records and in timestamps. */
    {R(1, 9), V(20), KSD_RUN_FAIL_FIRST, 20},
    /* 022->023 indexes objects.deleted, a column only 017->018 adds. */
    {R(10, 17), V(22), KSD_RUN_FAIL_FIRST, 22},
    {R(10, 17), R(20, 21), KSD_RUN_FAIL_LATER, 22},
    /* 018->019 and 019->020 add COLLATE "C"; no later step needs it. */
    {R(18, 19), R(19, KSD_STORAGE_MAX - 1), KSD_RUN_SKIP_COLLATION, 0},
    {R(1, 17), R(18, 22), KSD_RUN_SKIP, 22},
};

const size_t ksd_nskips = sizeof(ksd_skips) / sizeof(ksd_skips[0]);

/* What steps install anew: bump_timestamp (CREATE OR REPLACE), the
 * timestamp helper, the triggers (dropped and created again). */
#define BUMP     "bump_timestamp"
#define HELPER   "resource_timestamp|collection_timestamp"
#define TRIGGERS "tgr_records_last_modified|tgr_deleted_last_modified"
#define OBJECTS  "tgr_objects_last_modified"

const struct ksd_step ksd_steps[KSD_STORAGE_MAX + 1] = {
    [3] = {.replaces = HELPER,
           .creates = "idx_records_user_id_resource_name_last_modified|"
                      "idx_deleted_user_id_resource_name_last_modified"},
    /* It renames the unique indexes. */
    [7] = {.replaces = BUMP "|" HELPER,
           .creates = "idx_records_parent_id_collection_id_last_modified|"
                      "idx_deleted_parent_id_collection_id_last_modified"},
    [8] = {.replaces = BUMP "|" HELPER},
    [9] = {.replaces = BUMP},
    [10] = {.replaces = BUMP "|" HELPER "|" TRIGGERS},
    /* 010->011 recreates both triggers; 013->014 narrows them. The records
     * trigger of either is superseded by 021's objects trigger; the one on
     * deleted is redone as 014 leaves it. */
    [11] = {.replaces = TRIGGERS,
            .repair = KSD_REPAIR_DELETED_TRIGGER,
            .repair_reads = "table deleted"},
    /* Data only: it deletes tombstones that have a live twin. A repair
     * never deletes a tombstone, and the twin is harmless (018's merge
     * keeps the live record). */
    [12] = {.data_only = true},
    [13] = {.replaces = BUMP "|" TRIGGERS, .superseded_by = 21},
    [14] = {.replaces = TRIGGERS,
            .repair = KSD_REPAIR_DELETED_TRIGGER,
            .repair_reads = "table deleted"},
    /* Kinto's 014->015 and 016->017 create both triggers again, narrowed;
     * run from a wrong base, that narrows an older tombstone trigger. */
    [15] = {.replaces = BUMP "|" HELPER "|" TRIGGERS, .superseded_by = 21},
    [16] = {.repair = KSD_REPAIR_DROP_HELPER},
    [17] = {.replaces = BUMP "|" TRIGGERS, .superseded_by = 21},
    /* The tombstones come from the table deleted: without it they are
     * lost, and no repair brings them back. */
    [18] = {.repair = KSD_REPAIR_TOMBSTONES, .repair_reads = "table deleted"},
    [19] = {.repair = KSD_REPAIR_COLLATE_OBJECTS},
    [20] = {.repair = KSD_REPAIR_COLLATE_TIMESTAMPS},
    /* It renames records and two of its indexes. */
    [21] = {.replaces = BUMP "|" OBJECTS,
            .creates = "objects|idx_objects_parent_id_resource_name_last_modified|"
                       "idx_objects_last_modified_epoch",
            .needs = {{"records.collection_id column", KSD_CAUSE_NO_COLLECTION_ID},
                      {"table timestamps", KSD_CAUSE_NO_TIMESTAMPS}}},
    [22] = {.replaces = BUMP "|" OBJECTS},
    [23] = {.needs = {{"objects.deleted column", KSD_CAUSE_NO_DELETED_COLUMN,
                       KSD_CAUSE_018_NEVER_RAN}}},
    /* The only index created without IF NOT EXISTS since 020->021. */
    [24] = {.creates = "idx_objects_history_userid_and_resourcename"},
    [26] = {.replaces = BUMP "|" OBJECTS},
};

const struct ksd_step_need *ksd_step_unmet(int step, int truth)
{
	const struct ksd_step *st = &ksd_steps[step];
	for (size_t n = 0; n < sizeof(st->needs) / sizeof(st->needs[0]); n++) {
		if (!st->needs[n].feature)
			continue;
		size_t i = ksd_feature_index(st->needs[n].feature);
		if (i < ksd_nfeatures && !(ksd_features[i].expect & KSD_VBIT(truth)))
			return &st->needs[n];
	}
	return NULL;
}
