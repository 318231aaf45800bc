/* Migration steps run out of order, as data: what each step does when Kinto
 * re-runs it on a database already past it, what Kinto runs when it starts
 * from a version above the true one, and for each step what it needs, what
 * it creates anew, what it renames and how a repair redoes it after later
 * steps ran without it, and which relations it creates without IF NOT
 * EXISTS (spec §5, §6; Kinto's migration files). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

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

/* Whether row f is a table, column, key or index (not code) step k changes. */
static bool changes_table(int k, const struct ksd_feature *f)
{
	return f->backend == KSD_STORAGE && !ksd_feature_is_code(f) && ksd_step_changes(k, f);
}

/* Whether step k changes a table, column, key or index. */
static bool changes_tables(int k)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (changes_table(k, &ksd_features[i]))
			return true;
	return false;
}

/* Whether step j changes one of the tables, columns, keys or indexes step k
 * changes. A definition that reads otherwise because j renamed its column
 * is no change of j's. */
static bool changes_tables_too(int k, int j)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (changes_table(k, f) &&
		    !(f->expect & KSD_VBIT(j - 1)) != !(f->expect & KSD_VBIT(j)))
			return true;
	}
	return false;
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

/* Which of a column's attributes a row is about (0: none): its type and
 * collation, which ALTER ... TYPE sets together, its default, NOT NULL. */
static int column_kind(enum ksd_feature_kind kind)
{
	switch (kind) {
	case KSD_F_COLUMN_TYPE:
	case KSD_F_COLUMN_COLLATE_C:
		return 1;
	case KSD_F_COLUMN_DEFAULT:
		return 2;
	case KSD_F_COLUMN_NOT_NULL:
		return 3;
	default:
		return 0;
	}
}

/* Whether step j, run after k was skipped, changed an attribute of a column
 * that k changes too (under the names steps k+1..j-1 gave it): k's
 * statements would undo j's. */
static bool same_column(int k, int j)
{
	for (size_t a = 0; a < ksd_nfeatures; a++) {
		const struct ksd_feature *f = &ksd_features[a];
		if (f->backend != KSD_STORAGE || !column_kind(f->kind) || !ksd_step_changes(k, f))
			continue;
		char table[KSD_NAME_CAP], column[KSD_NAME_CAP];
		snprintf(table, sizeof(table), "%s", f->table);
		snprintf(column, sizeof(column), "%s", f->name);
		for (int i = k + 1; i < j; i++)
			ksd_step_rename(i, table, column);
		for (size_t b = 0; b < ksd_nfeatures; b++) {
			const struct ksd_feature *g = &ksd_features[b];
			if (g->backend == KSD_STORAGE &&
			    column_kind(g->kind) == column_kind(f->kind) &&
			    strcmp(g->table, table) == 0 && strcmp(g->name, column) == 0 &&
			    ksd_step_changes(j, g))
				return true;
		}
	}
	return false;
}

enum ksd_redo ksd_step_redo(int k, int from, int to)
{
	if (!changes_tables(k))
		return KSD_REDO_CODE;
	if (!ksd_steps[k].redo)
		return KSD_REDO_NONE;
	for (int j = from + 1; j <= to; j++)
		if (j > k && (changes_tables_too(k, j) || same_column(k, j)))
			return KSD_REDO_NONE;
	return KSD_REDO_TABLES;
}

/* The kinds a repair's guard can read from the live catalog. */
static bool guard_kind(enum ksd_feature_kind kind)
{
	return kind == KSD_F_TABLE || kind == KSD_F_COLUMN || kind == KSD_F_COLUMN_TYPE ||
	       kind == KSD_F_PRIMARY_KEY || kind == KSD_F_CONSTRAINT || kind == KSD_F_INDEX;
}

/* Whether the table feature `f` lives on is there at version v. */
static bool table_at(const struct ksd_feature *f, int v)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *t = &ksd_features[i];
		if (t->backend == KSD_STORAGE && t->kind == KSD_F_TABLE &&
		    strcmp(t->name, f->kind == KSD_F_TABLE ? f->name : f->table) == 0)
			return t->expect & KSD_VBIT(v);
	}
	return false;
}

size_t ksd_step_guard(int k, int target)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		/* A fact some installs may lack (a table that may be dropped)
		 * says nothing of whether k ran. */
		if (f->backend != KSD_STORAGE || !guard_kind(f->kind) || !ksd_step_changes(k, f) ||
		    (f->tolerate & (KSD_VBIT(k - 1) | KSD_VBIT(k) | KSD_VBIT(target))) ||
		    (f->kind != KSD_F_TABLE && !table_at(f, target)))
			continue;
		bool later = false;
		for (int j = k + 1; j <= target && !later; j++)
			later = ksd_step_changes(j, f);
		if (!later)
			return i;
	}
	return ksd_nfeatures;
}

/* Whether feature i is there when step k runs, after steps from+1..k-1:
 * as the last of them that changed it left it, else as the base shows it. */
static bool has(size_t i, int from, int k, int truth, const enum ksd_obs *obs)
{
	const struct ksd_feature *f = &ksd_features[i];
	for (int j = k - 1; j > from; j--)
		if (ksd_step_changes(j, f))
			return f->expect & KSD_VBIT(j);
	return truth ? (f->expect & KSD_VBIT(truth)) != 0 : obs[i] != KSD_OBS_ABSENT;
}

int ksd_run_unmet(int from, int truth, const enum ksd_obs *obs, const struct ksd_step_need **need)
{
	for (int k = from + 1; k <= KSD_STORAGE_MAX; k++) {
		const struct ksd_step *st = &ksd_steps[k];
		for (size_t n = 0; n < sizeof(st->needs) / sizeof(st->needs[0]); n++) {
			if (!st->needs[n].feature)
				continue;
			size_t i = ksd_feature_index(st->needs[n].feature);
			if (i < ksd_nfeatures && !has(i, from, k, truth, obs)) {
				*need = &st->needs[n];
				return k;
			}
		}
	}
	return 0;
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
