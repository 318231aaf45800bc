/* Migration steps run out of order, as data: what each step does when Kinto
 * re-runs it on a database already past it, what Kinto runs when it starts
 * from a version above the true one, and for each step what it needs, what
 * it creates anew, what it renames and whether a repair can run its table
 * statements again, which relations it creates without IF NOT EXISTS, and
 * each function's body by version (spec §5, §6; Kinto's migration files). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ksd_facts.h"

#define R(a, b) KSD_VRANGE(a, b)
#define V(a)    KSD_VBIT(a)
#define FROM(a) KSD_VFROM(a)

/* Re-running migration step k->k+1 on a database already past it (spec §5).
 * Steps not listed succeed without changing the schema. From 21 on, every
 * step before 020->021 that touches `records` fails: the table is gone. */
const struct ksd_rerun ksd_reruns[] = {
    {1, FROM(21), 0, NULL},
    {2, FROM(3), 0, NULL},
    /* From 7 on user_id is parent_id. */
    {3, FROM(7), 0, NULL},
    {4, FROM(5), 0, NULL},
    /* From 14 the records trigger fires on UPDATE OF data, and PostgreSQL
     * cannot change the type of a column a trigger names. */
    {5, FROM(14), 0, NULL},
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

int ksd_rerun_lost(int from, int to, ksd_vset over)
{
	for (int k = from + 1; k <= to; k++) {
		const struct ksd_rerun *r = ksd_rerun_step(k - 1);
		if (ksd_steps[k].data_only && r && (r->damages & over))
			return k;
	}
	return 0;
}

/* What steps install anew: bump_timestamp (CREATE OR REPLACE), the
 * timestamp helper, the triggers (dropped and created again). */
#define BUMP     "bump_timestamp"
#define HELPER   "resource_timestamp|collection_timestamp"
#define TRIGGERS "tgr_records_last_modified|tgr_deleted_last_modified"
#define OBJECTS  "tgr_objects_last_modified"
/* A need whose cause reads the same whether the run names the skipped
 * steps or not (no `unlisted` cause). */
#define NEED(f, c)                                                                                 \
	{                                                                                          \
		.feature = (f), .cause = (c)                                                       \
	}

const struct ksd_step ksd_steps[KSD_STORAGE_MAX + 1] = {
    [3] = {.replaces = HELPER,
           .redo = true,
           .creates = "idx_records_user_id_resource_name_last_modified|"
                      "idx_deleted_user_id_resource_name_last_modified"},
    [4] = {.redo = true},
    [5] = {.redo = true},
    [6] = {.redo = true},
    /* It renames the unique indexes. */
    [7] = {.replaces = BUMP "|" HELPER,
           .redo = true,
           .renames = "records.resource_name>collection_id|records.user_id>parent_id|"
                      "deleted.resource_name>collection_id|deleted.user_id>parent_id|"
                      "idx_records_user_id_resource_name_last_modified>"
                      "idx_records_parent_id_collection_id_last_modified|"
                      "idx_deleted_user_id_resource_name_last_modified>"
                      "idx_deleted_parent_id_collection_id_last_modified",
           .needs = {NEED("index idx_records_user_id_resource_name_last_modified",
                          KSD_CAUSE_MISSING)},
           .creates = "idx_records_parent_id_collection_id_last_modified|"
                      "idx_deleted_parent_id_collection_id_last_modified"},
    [8] = {.replaces = BUMP "|" HELPER},
    [9] = {.replaces = BUMP},
    [10] = {.replaces = BUMP "|" HELPER "|" TRIGGERS, .redo = true},
    /* 010->011 recreates both triggers; 013->014 narrows them. The records
     * trigger of either is superseded by 021's objects trigger; the one on
     * deleted is redone as 014 leaves it. */
    [11] = {.replaces = TRIGGERS,
            .repair = KSD_REPAIR_DELETED_TRIGGER,
            .repair_reads = "table deleted"},
    /* Data only: it deletes tombstones that have a live twin. A repair
     * never deletes a tombstone, and the twin is harmless (018's merge
     * keeps the live record). */
    [12] = {.data_only = true, .needs = {NEED("deleted.parent_id column", KSD_CAUSE_MISSING)}},
    [13] = {.replaces = BUMP "|" TRIGGERS, .superseded_by = 21},
    [14] = {.replaces = TRIGGERS,
            .repair = KSD_REPAIR_DELETED_TRIGGER,
            .repair_reads = "table deleted"},
    /* Kinto's 014->015 and 016->017 create both triggers again, narrowed;
     * run from a wrong base, that narrows an older tombstone trigger. */
    [15] = {.replaces = BUMP "|" HELPER "|" TRIGGERS, .superseded_by = 21},
    [16] = {.repair = KSD_REPAIR_DROP_HELPER,
            .needs = {NEED("function collection_timestamp", KSD_CAUSE_MISSING)}},
    [17] = {.replaces = BUMP "|" TRIGGERS, .superseded_by = 21},
    /* The tombstones come from the table deleted: without it they are
     * lost, and no repair brings them back. */
    [18] = {.repair = KSD_REPAIR_TOMBSTONES,
            .redo = true,
            .updates_records = true,
            .repair_reads = "table deleted",
            .needs = {NEED("records.parent_id column", KSD_CAUSE_MISSING),
                      NEED("primary key on records", KSD_CAUSE_MISSING)}},
    [19] = {.repair = KSD_REPAIR_COLLATE_OBJECTS,
            .redo = true,
            .needs = {NEED("records.parent_id column", KSD_CAUSE_MISSING)}},
    [20] = {.repair = KSD_REPAIR_COLLATE_TIMESTAMPS,
            .redo = true,
            .needs = {NEED("table timestamps", KSD_CAUSE_NO_TIMESTAMPS)}},
    /* It renames records and two of its indexes. */
    [21] = {.replaces = BUMP "|" OBJECTS,
            .renames = "records>objects|objects.collection_id>resource_name|"
                       "timestamps.collection_id>resource_name|"
                       "idx_records_parent_id_collection_id_last_modified>"
                       "idx_objects_parent_id_resource_name_last_modified|"
                       "idx_records_last_modified_epoch>idx_objects_last_modified_epoch",
            .creates = "objects|idx_objects_parent_id_resource_name_last_modified|"
                       "idx_objects_last_modified_epoch",
            .needs = {NEED("records.collection_id column", KSD_CAUSE_NO_COLLECTION_ID),
                      NEED("table timestamps", KSD_CAUSE_NO_TIMESTAMPS)}},
    [22] = {.replaces = BUMP "|" OBJECTS, .needs = {NEED("table objects", KSD_CAUSE_MISSING)}},
    [23] = {.redo = true,
            .needs = {NEED("table objects", KSD_CAUSE_MISSING),
                      {.feature = "objects.deleted column",
                       .cause = KSD_CAUSE_NO_DELETED_COLUMN,
                       .unlisted = KSD_CAUSE_018_NEVER_RAN}}},
    /* The only index created without IF NOT EXISTS since 020->021. Its
     * keys are data->'user_id' and data->'resource_name': json, where
     * 005->006 never ran, has no btree operator class for them. */
    [24] = {.creates = "idx_objects_history_userid_and_resourcename",
            .redo = true,
            .needs = {NEED("table objects", KSD_CAUSE_MISSING),
                      NEED("objects.data is jsonb", KSD_CAUSE_DATA_JSON)}},
    [25] = {.redo = true, .needs = {NEED("table objects", KSD_CAUSE_MISSING)}},
    [26] = {.replaces = BUMP "|" OBJECTS, .needs = {NEED("table objects", KSD_CAUSE_MISSING)}},
};

/* Whether `names` ("a|b") holds one of the '|'-separated names of `which`. */
static bool names_one_of(const char *names, const char *which)
{
	for (const char *w = which; *w;) {
		size_t len = strcspn(w, "|");
		if (ksd_name_in(names, w, len))
			return true;
		w += len + (w[len] == '|');
	}
	return false;
}

bool ksd_feature_is_code(const struct ksd_feature *f)
{
	return f->kind == KSD_F_FUNCTION || f->kind == KSD_F_IMMUTABLE || f->kind == KSD_F_BODY ||
	       f->kind == KSD_F_TRIGGER || f->kind == KSD_F_TRIGGER_UPDATE ||
	       f->kind == KSD_F_TRIGGER_UPDATE_OF;
}

/* Whether step k renames a column of `table` that index definition
 * pattern `def` names: the definition reads otherwise after it. */
static bool renames_column_in(int k, const char *table, const char *def)
{
	size_t len = strlen(table);
	for (const char *r = ksd_steps[k].renames; r && *r; r += strcspn(r, "|"), r += *r == '|') {
		if (strncmp(r, table, len) != 0 || r[len] != '.')
			continue;
		char column[KSD_NAME_CAP];
		snprintf(column, sizeof(column), "%.*s", (int)strcspn(r + len + 1, ">"),
		         r + len + 1);
		if (strstr(def, column))
			return true;
	}
	return false;
}

bool ksd_step_changes(int k, const struct ksd_feature *f)
{
	bool before = f->expect & KSD_VBIT(k - 1), after = f->expect & KSD_VBIT(k);
	if (before != after || (f->kind == KSD_F_INDEX && f->pattern && f->table &&
	                        renames_column_in(k, f->table, f->pattern)))
		return true;
	/* CREATE OR REPLACE and CREATE TRIGGER make what they name anew; the
	 * helper's new name does not drop its old one. */
	if (f->kind == KSD_F_IMMUTABLE || !ksd_feature_is_code(f) || !ksd_steps[k].replaces ||
	    !names_one_of(ksd_steps[k].replaces, f->name))
		return false;
	return f->kind != KSD_F_FUNCTION || after;
}

void ksd_step_rename(int j, char *table, char *column)
{
	for (const char *r = ksd_steps[j].renames; r && *r;) {
		size_t len = strcspn(r, "|"), old = strcspn(r, ">");
		const char *dot = memchr(r, '.', old);
		size_t tlen = dot ? (size_t)(dot - r) : old;
		bool match = strlen(table) == tlen && strncmp(table, r, tlen) == 0 &&
		             (dot ? column && strlen(column) == old - tlen - 1 &&
		                        strncmp(column, dot + 1, old - tlen - 1) == 0
		                  : true);
		if (match && old < len)
			snprintf(dot ? column : table, KSD_NAME_CAP, "%.*s", (int)(len - old - 1),
			         r + old + 1);
		r += len + (r[len] == '|');
	}
}

/* Each function's body by version in a migrated database (fresh installs
 * of 3 and 18-20 differ), as our migrations install it. */
static const struct {
	const char *name;
	ksd_vset versions;
	const char *file;
} canon_bodies[] = {
    {"bump_timestamp", R(1, 6), "bump_timestamp-001"},
    {"bump_timestamp", V(7), "bump_timestamp-007"},
    {"bump_timestamp", V(8), "bump_timestamp-008"},
    {"bump_timestamp", V(9), "bump_timestamp-009"},
    {"bump_timestamp", R(10, 12), "bump_timestamp-010"},
    {"bump_timestamp", R(13, 14), "bump_timestamp-013"},
    {"bump_timestamp", R(15, 16), "bump_timestamp-015"},
    {"bump_timestamp", R(17, 20), "bump_timestamp-017"},
    {"bump_timestamp", V(21), "bump_timestamp-021"},
    {"bump_timestamp", R(22, 25), "bump_timestamp-022"},
    {"bump_timestamp", V(26), "bump_timestamp-026"},
    {"resource_timestamp", R(1, 2), "resource_timestamp-001"},
    {"resource_timestamp", R(3, 6), "resource_timestamp-003"},
    {"collection_timestamp", V(7), "collection_timestamp-007"},
    {"collection_timestamp", R(8, 9), "collection_timestamp-008"},
    {"collection_timestamp", R(10, 14), "collection_timestamp-010"},
    {"collection_timestamp", V(15), "collection_timestamp-015"},
    {"as_epoch", KSD_STORAGE_ALL, "as_epoch"},
    {"from_epoch", FROM(9), "from_epoch"},
};

const struct ksd_canon_function ksd_canon_functions[] = {
    {"bump_timestamp", "", false},
    {"resource_timestamp", "character varying, character varying", false},
    {"collection_timestamp", "character varying, character varying", false},
    {"as_epoch", "timestamp without time zone", true},
    {"from_epoch", "bigint", true},
    {NULL, NULL, false},
};

const char *ksd_canon_body(const char *name, int v)
{
	for (size_t i = 0; i < sizeof(canon_bodies) / sizeof(canon_bodies[0]); i++)
		if (strcmp(canon_bodies[i].name, name) == 0 && (canon_bodies[i].versions & V(v)))
			return canon_bodies[i].file;
	return NULL;
}
