/* The fingerprint table as data: one row per observable fact of Kinto's schema
 * history, with the versions where a step-by-step migrated database shows it
 * and the versions where a fresh install, a leftover or an unknown release
 * text may show it or not. Patterns run on normalised text: lower case,
 * comments gone, spacing collapsed and dropped next to ( ) , ; = < > : + * / |.
 * Together the rows name every table, column, key, index (with its
 * definition), function and trigger Kinto creates: what none names is drift
 * (drift.c). */
#include <string.h>

#include "ksd_facts.h"

#define R(a, b) KSD_VRANGE(a, b)
#define V(a)    KSD_VBIT(a)
#define ALL     KSD_STORAGE_ALL
#define FROM(a) KSD_VFROM(a)
#define P_ALL   KSD_PERMISSION_ALL

#define S KSD_STORAGE
#define P KSD_PERMISSION
#define C KSD_CACHE

/* Both triggers are absent at 8-9 (migration 007->008 dropped them) but a
 * fresh cliquet 2.11-2.15 install has them, and cliquet 3.0.0-3.1.2 migrated
 * to 10 without recreating them. */
#define TRIGGERS_GONE   R(8, 10)
#define RECORDS_TRIGGER "trigger tgr_records_last_modified"
#define HELPER          "resource_timestamp|collection_timestamp"
/* Index definitions, as ksd_index_is_kintos() renders them: parentheses
 * around expressions and casts vary between pg_dump releases. */
#define EPOCH "^btree\\(\\(*as_epoch\\(last_modified\\)\\)*\\)$"
#define HISTORY                                                                                    \
	"^btree\\(\\(*data ?->'user_id'(::text)?\\)*,\\(*data ?->'resource_name'(::text)?\\)*\\)"  \
	"where\\(*resource_name='history'(::text)?\\)*$"
#define RECORD                                                                                     \
	"^btree\\(parent_id,last_modified desc\\)where\\(*resource_name='record'(::text)?\\)*$"

const struct ksd_feature ksd_features[] = {
    /* Tables. */
    {"table records", S, KSD_F_TABLE, NULL, "records", NULL, R(1, 20), 0, NULL},
    {"table objects", S, KSD_F_TABLE, NULL, "objects", NULL, FROM(21), 0, NULL},
    /* Fresh 18+ installs have no `deleted`; from 21 it may be dropped. */
    {"table deleted", S, KSD_F_TABLE, NULL, "deleted", NULL, R(1, 17), FROM(18), NULL},
    {"table timestamps", S, KSD_F_TABLE, NULL, "timestamps", NULL, FROM(10), 0, NULL},

    /* records / objects columns. */
    {"records.id is uuid", S, KSD_F_COLUMN_TYPE, "records", "id", "^uuid$", R(1, 3), 0, NULL},
    {"records.id defaults to uuid_generate_v4()", S, KSD_F_COLUMN_DEFAULT, "records", "id",
     "uuid_generate_v4\\(", R(1, 3), 0, NULL},
    {"records.user_id column", S, KSD_F_COLUMN, "records", "user_id", NULL, R(1, 6), 0, NULL},
    {"records.user_id is character varying(256)", S, KSD_F_COLUMN_TYPE, "records", "user_id",
     "^(character varying|varchar)\\(256\\)$", R(1, 3), 0, NULL},
    {"records.resource_name column", S, KSD_F_COLUMN, "records", "resource_name", NULL, R(1, 6), 0,
     NULL},
    {"records.parent_id column", S, KSD_F_COLUMN, "records", "parent_id", NULL, R(7, 20), 0, NULL},
    {"records.collection_id column", S, KSD_F_COLUMN, "records", "collection_id", NULL, R(7, 20), 0,
     NULL},
    {"records.data is jsonb", S, KSD_F_COLUMN_TYPE, "records", "data", "^jsonb$", FROM(6), 0, NULL},
    {"records.last_modified column", S, KSD_F_COLUMN, "records", "last_modified", NULL, R(1, 20), 0,
     NULL},
    {"records.deleted column", S, KSD_F_COLUMN, "records", "deleted", NULL, FROM(18), 0, NULL},
    /* Migrated databases have DEFAULT false, fresh installs none. */
    {"records.deleted defaults to false", S, KSD_F_COLUMN_DEFAULT, "records", "deleted", "^false$",
     FROM(18), FROM(18), NULL},
    {"records.id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "records", "id", NULL, FROM(19), 0,
     NULL},
    {"records.parent_id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "records", "parent_id", NULL,
     FROM(19), 0, NULL},
    {"records.collection_id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "records", "collection_id",
     NULL, FROM(19), 0, NULL},
    {"objects.deleted column", S, KSD_F_COLUMN, "objects", "deleted", NULL, FROM(18), 0, NULL},
    {"objects.last_modified column", S, KSD_F_COLUMN, "objects", "last_modified", NULL, FROM(21), 0,
     NULL},
    {"objects.data column", S, KSD_F_COLUMN, "objects", "data", NULL, FROM(21), 0, NULL},
    /* 020->021 renames records with its columns: data stays as 005->006 left it. */
    {"objects.data is jsonb", S, KSD_F_COLUMN_TYPE, "objects", "data", "^jsonb$", FROM(6), 0, NULL},
    {"objects.deleted defaults to false", S, KSD_F_COLUMN_DEFAULT, "objects", "deleted", "^false$",
     FROM(18), FROM(18), NULL},
    {"objects.id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "objects", "id", NULL, FROM(19), 0,
     NULL},
    {"objects.parent_id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "objects", "parent_id", NULL,
     FROM(19), 0, NULL},
    {"objects.resource_name collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "objects", "resource_name",
     NULL, FROM(19), 0, NULL},

    /* deleted (tombstones) columns. */
    {"deleted.id is uuid", S, KSD_F_COLUMN_TYPE, "deleted", "id", "^uuid$", R(1, 3), 0, NULL},
    {"deleted.id NOT NULL", S, KSD_F_COLUMN_NOT_NULL, "deleted", "id", NULL, FROM(5), 0, NULL},
    {"deleted.user_id column", S, KSD_F_COLUMN, "deleted", "user_id", NULL, R(1, 6), 0, NULL},
    {"deleted.parent_id column", S, KSD_F_COLUMN, "deleted", "parent_id", NULL, FROM(7), 0, NULL},
    {"deleted.resource_name column", S, KSD_F_COLUMN, "deleted", "resource_name", NULL, R(1, 6), 0,
     NULL},
    {"deleted.collection_id column", S, KSD_F_COLUMN, "deleted", "collection_id", NULL, FROM(7), 0,
     NULL},
    {"deleted.last_modified column", S, KSD_F_COLUMN, "deleted", "last_modified", NULL, ALL, 0,
     NULL},

    /* timestamps columns. */
    {"timestamps.collection_id column", S, KSD_F_COLUMN, "timestamps", "collection_id", NULL,
     R(10, 20), 0, NULL},
    {"timestamps.resource_name column", S, KSD_F_COLUMN, "timestamps", "resource_name", NULL,
     FROM(21), 0, NULL},
    {"timestamps.last_modified column", S, KSD_F_COLUMN, "timestamps", "last_modified", NULL,
     FROM(10), 0, NULL},

    /* metadata columns, at every version. */
    {"metadata.name column", S, KSD_F_COLUMN, "metadata", "name", NULL, ALL, 0, NULL},
    {"metadata.value column", S, KSD_F_COLUMN, "metadata", "value", NULL, ALL, 0, NULL},
    {"timestamps.parent_id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "timestamps", "parent_id",
     NULL, FROM(20), 0, NULL},
    {"timestamps.collection_id collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "timestamps",
     "collection_id", NULL, FROM(20), 0, NULL},
    {"timestamps.resource_name collated \"C\"", S, KSD_F_COLUMN_COLLATE_C, "timestamps",
     "resource_name", NULL, FROM(20), 0, NULL},

    /* Constraints. */
    {"constraint records_id_user_id_resource_name_last_modified_key", S, KSD_F_CONSTRAINT,
     "records", "records_id_user_id_resource_name_last_modified_key", NULL, R(1, 2), 0, NULL},
    {"constraint deleted_id_user_id_resource_name_last_modified_key", S, KSD_F_CONSTRAINT,
     "deleted", "deleted_id_user_id_resource_name_last_modified_key", NULL, R(1, 2), 0, NULL},
    {"primary key on records", S, KSD_F_PRIMARY_KEY, "records", NULL, NULL, FROM(5), 0, NULL},
    {"primary key on deleted", S, KSD_F_PRIMARY_KEY, "deleted", NULL, NULL, FROM(5), 0, NULL},
    /* A migrated objects table keeps records_pkey (see the next row). */
    {"primary key on objects", S, KSD_F_PRIMARY_KEY, "objects", NULL, NULL, FROM(21), 0, NULL},
    {"primary key on timestamps", S, KSD_F_PRIMARY_KEY, "timestamps", NULL, NULL, FROM(10), 0,
     NULL},
    /* A fresh install names it objects_pkey; a migrated one keeps records_pkey. */
    {"primary key named objects_pkey (fresh install)", S, KSD_F_CONSTRAINT, "objects",
     "objects_pkey", NULL, 0, FROM(21), NULL},

    /* Indexes. */
    {"index idx_records_id", S, KSD_F_INDEX, "records", "idx_records_id", "^btree\\(id\\)$",
     R(1, 4), 0, NULL},
    {"index idx_records_user_id", S, KSD_F_INDEX, "records", "idx_records_user_id",
     "^btree\\(user_id\\)$", R(1, 4), 0, NULL},
    {"index idx_records_resource_name", S, KSD_F_INDEX, "records", "idx_records_resource_name",
     "^btree\\(resource_name\\)$", R(1, 4), 0, NULL},
    {"index idx_records_last_modified", S, KSD_F_INDEX, "records", "idx_records_last_modified",
     "^btree\\(last_modified\\)$", R(1, 4), 0, NULL},
    {"index idx_deleted_id", S, KSD_F_INDEX, "deleted", "idx_deleted_id", "^unique btree\\(id\\)$",
     R(1, 4), 0, NULL},
    {"index idx_deleted_user_id", S, KSD_F_INDEX, "deleted", "idx_deleted_user_id",
     "^btree\\(user_id\\)$", R(1, 4), 0, NULL},
    {"index idx_deleted_resource_name", S, KSD_F_INDEX, "deleted", "idx_deleted_resource_name",
     "^btree\\(resource_name\\)$", R(1, 4), 0, NULL},
    {"index idx_deleted_last_modified", S, KSD_F_INDEX, "deleted", "idx_deleted_last_modified",
     "^btree\\(last_modified\\)$", R(1, 4), 0, NULL},
    /* The cliquet 1.2-1.3 version 1 schema has no epoch indexes. */
    {"index idx_records_last_modified_epoch", S, KSD_F_INDEX, "records",
     "idx_records_last_modified_epoch", EPOCH, R(1, 20), V(1), NULL},
    {"index idx_deleted_last_modified_epoch", S, KSD_F_INDEX, "deleted",
     "idx_deleted_last_modified_epoch", EPOCH, FROM(1), V(1), NULL},
    {"index idx_records_user_id_resource_name_last_modified", S, KSD_F_INDEX, "records",
     "idx_records_user_id_resource_name_last_modified",
     "^unique btree\\(user_id,resource_name,last_modified desc\\)$", R(3, 6), 0, NULL},
    /* Fresh 3 and 6 lack it (their schema.sql recreated the records index). */
    {"index " KSD_DELETED_INDEX, S, KSD_F_INDEX, "deleted", KSD_DELETED_INDEX,
     "^unique btree\\(user_id,resource_name,last_modified desc\\)$", R(3, 6), R(3, 6), NULL},
    {"index idx_records_parent_id_collection_id_last_modified", S, KSD_F_INDEX, "records",
     "idx_records_parent_id_collection_id_last_modified",
     "^unique btree\\(parent_id,collection_id,last_modified desc\\)$", R(7, 20), 0, NULL},
    {"index idx_deleted_parent_id_collection_id_last_modified", S, KSD_F_INDEX, "deleted",
     "idx_deleted_parent_id_collection_id_last_modified",
     "^unique btree\\(parent_id,collection_id,last_modified desc\\)$", FROM(7), 0, NULL},
    {"index idx_objects_parent_id_resource_name_last_modified", S, KSD_F_INDEX, "objects",
     "idx_objects_parent_id_resource_name_last_modified",
     "^unique btree\\(parent_id,resource_name,last_modified desc\\)$", FROM(21), 0, NULL},
    {"index idx_objects_last_modified_epoch", S, KSD_F_INDEX, "objects",
     "idx_objects_last_modified_epoch", EPOCH, FROM(21), 0, NULL},
    {"index idx_objects_resource_name_parent_id_deleted", S, KSD_F_INDEX, "objects",
     "idx_objects_resource_name_parent_id_deleted", "^btree\\(resource_name,parent_id,deleted\\)$",
     FROM(23), 0, NULL},
    {"index idx_objects_history_userid_and_resourcename", S, KSD_F_INDEX, "objects",
     "idx_objects_history_userid_and_resourcename", HISTORY, FROM(24), 0, NULL},
    {"index idx_objects_parent_id_record_last_modified", S, KSD_F_INDEX, "objects",
     "idx_objects_parent_id_record_last_modified", RECORD, FROM(25), 0, NULL},

    /* Functions. */
    {"function as_epoch", S, KSD_F_FUNCTION, NULL, "as_epoch", NULL, ALL, 0, NULL},
    /* Not IMMUTABLE in the cliquet 1.2-1.3 version 1 schema. */
    {"as_epoch is IMMUTABLE", S, KSD_F_IMMUTABLE, NULL, "as_epoch", NULL, FROM(2), V(1), NULL},
    {"function bump_timestamp", S, KSD_F_FUNCTION, NULL, "bump_timestamp", NULL, ALL, 0, NULL},
    {"function resource_timestamp", S, KSD_F_FUNCTION, NULL, "resource_timestamp", NULL, R(1, 6), 0,
     NULL},
    {"function collection_timestamp", S, KSD_F_FUNCTION, NULL, "collection_timestamp", NULL,
     R(7, 15), 0, NULL},
    /* cliquet 2.13-2.15 installed the version 9 schema, with triggers, as "8". */
    {"function from_epoch", S, KSD_F_FUNCTION, NULL, "from_epoch", NULL, FROM(9), V(8),
     RECORDS_TRIGGER},

    /* Triggers. */
    {RECORDS_TRIGGER, S, KSD_F_TRIGGER, "records", "tgr_records_last_modified", NULL,
     R(1, 7) | R(11, 20), TRIGGERS_GONE, NULL},
    {"tgr_records_last_modified fires only on UPDATE OF data", S, KSD_F_TRIGGER_UPDATE_OF,
     "records", "tgr_records_last_modified", NULL, FROM(14), 0, NULL},
    {"trigger tgr_deleted_last_modified", S, KSD_F_TRIGGER, "deleted", "tgr_deleted_last_modified",
     NULL, R(1, 7) | FROM(11), TRIGGERS_GONE | FROM(18), NULL},
    {"tgr_deleted_last_modified fires on UPDATE", S, KSD_F_TRIGGER_UPDATE, "deleted",
     "tgr_deleted_last_modified", NULL, R(1, 13), 0, NULL},
    {"trigger tgr_objects_last_modified", S, KSD_F_TRIGGER, "objects", "tgr_objects_last_modified",
     NULL, FROM(21), 0, NULL},
    {"tgr_objects_last_modified fires only on UPDATE OF data", S, KSD_F_TRIGGER_UPDATE_OF,
     "objects", "tgr_objects_last_modified", NULL, FROM(21), 0, NULL},

    /* bump_timestamp body markers. */
    {"bump_timestamp calls resource_timestamp(user_id, resource_name)", S, KSD_F_BODY, NULL,
     "bump_timestamp", "resource_timestamp\\(new\\.user_id,new\\.resource_name\\)", R(1, 6), 0,
     NULL},
    {"bump_timestamp calls collection_timestamp(parent_id, collection_id)", S, KSD_F_BODY, NULL,
     "bump_timestamp", "collection_timestamp\\(new\\.parent_id,new\\.collection_id\\)", R(7, 9), 0,
     NULL},
    {"bump_timestamp uses localtimestamp", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\blocaltimestamp\\b", R(1, 7), 0, NULL},
    {"bump_timestamp uses clock_timestamp()", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bclock_timestamp\\(\\)", FROM(8), 0, NULL},
    {"bump_timestamp keeps a supplied last_modified (IS NULL guard)", S, KSD_F_BODY, NULL,
     "bump_timestamp", "\\bif new\\.last_modified is null\\b", FROM(9), V(8), RECORDS_TRIGGER},
    {"bump_timestamp reads timestamps", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bfrom timestamps\\b", FROM(10), 0, NULL},
    {"bump_timestamp upserts with WITH upsert AS (UPDATE timestamps", S, KSD_F_BODY, NULL,
     "bump_timestamp", "\\bwith upsert as ?\\(update timestamps\\b", R(10, 14), 0, NULL},
    {"bump_timestamp compares as_epoch(NEW.last_modified) = as_epoch(previous)", S, KSD_F_BODY,
     NULL, "bump_timestamp", "as_epoch\\(new\\.last_modified\\)=as_epoch\\(previous\\)", R(13, 21),
     0, NULL},
    {"bump_timestamp upserts with ON CONFLICT (parent_id, collection_id)", S, KSD_F_BODY, NULL,
     "bump_timestamp", "\\bon conflict ?\\(parent_id,collection_id\\) ?do update\\b", R(15, 16), 0,
     NULL},
    {"bump_timestamp uses the existing_timestamps CTE", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bexisting_timestamps\\b", FROM(17), 0, NULL},
    {"bump_timestamp reads records", S, KSD_F_BODY, NULL, "bump_timestamp", "\\bfrom records\\b",
     R(17, 20), 0, NULL},
    /* Fresh 18-20 installs lack the tombstone branch. */
    {"bump_timestamp reads tombstones from deleted", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bfrom deleted\\b", R(17, 20), R(18, 20), NULL},
    {"bump_timestamp reads objects", S, KSD_F_BODY, NULL, "bump_timestamp", "\\bfrom objects\\b",
     FROM(21), 0, NULL},
    {"bump_timestamp works in BIGINT milliseconds", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bprevious (bigint|numeric)\\b", FROM(22), 0, NULL},
    {"bump_timestamp orders by as_epoch(last_modified)", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\border by as_epoch\\(last_modified\\) ?desc\\b", R(22, 25), 0, NULL},
    {"bump_timestamp orders objects by raw last_modified", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bfrom objects where [^;]*?order by last_modified desc\\b", V(21) | V(26), 0, NULL},
    {"bump_timestamp assigns from_epoch(current)", S, KSD_F_BODY, NULL, "bump_timestamp",
     "\\bfrom_epoch\\(current\\)", FROM(22), 0, NULL},

    /* resource_timestamp / collection_timestamp body markers. */
    {"timestamp helper takes MAX(last_modified)", S, KSD_F_BODY, NULL, HELPER,
     "\\bmax\\(last_modified\\)", R(1, 2), 0, NULL},
    {"timestamp helper takes the newest row (ORDER BY ... LIMIT 1)", S, KSD_F_BODY, NULL, HELPER,
     "\\border by [a-z_.]*last_modified desc limit 1\\b", R(3, 9), 0, NULL},
    {"timestamp helper falls back to localtimestamp", S, KSD_F_BODY, NULL, HELPER,
     "\\blocaltimestamp\\b", R(3, 7), R(1, 2), NULL},
    {"timestamp helper falls back to clock_timestamp()", S, KSD_F_BODY, NULL, HELPER,
     "\\bclock_timestamp\\(\\)", R(8, 15), 0, NULL},
    {"timestamp helper reads timestamps", S, KSD_F_BODY, NULL, HELPER, "\\bfrom timestamps\\b",
     R(10, 15), 0, NULL},
    {"timestamp helper upserts with create_if_missing", S, KSD_F_BODY, NULL, HELPER,
     "\\bcreate_if_missing\\b", V(15), 0, NULL},

    /* Permission backend. Its indexes date from cliquet 2.7.0. */
    {"table user_principals", P, KSD_F_TABLE, NULL, "user_principals", NULL, P_ALL, 0, NULL},
    {"table access_control_entries", P, KSD_F_TABLE, NULL, "access_control_entries", NULL, P_ALL, 0,
     NULL},
    {"user_principals.user_id collated \"C\"", P, KSD_F_COLUMN_COLLATE_C, "user_principals",
     "user_id", NULL, V(2), 0, NULL},
    {"access_control_entries.object_id collated \"C\"", P, KSD_F_COLUMN_COLLATE_C,
     "access_control_entries", "object_id", NULL, V(2), 0, NULL},
    {"user_principals.principal column", P, KSD_F_COLUMN, "user_principals", "principal", NULL,
     P_ALL, 0, NULL},
    {"access_control_entries.permission column", P, KSD_F_COLUMN, "access_control_entries",
     "permission", NULL, P_ALL, 0, NULL},
    {"access_control_entries.principal column", P, KSD_F_COLUMN, "access_control_entries",
     "principal", NULL, P_ALL, 0, NULL},
    {"primary key on user_principals", P, KSD_F_PRIMARY_KEY, "user_principals", NULL, NULL, P_ALL,
     0, NULL},
    {"primary key on access_control_entries", P, KSD_F_PRIMARY_KEY, "access_control_entries", NULL,
     NULL, P_ALL, 0, NULL},
    {"index idx_access_control_entries_object_id", P, KSD_F_INDEX, "access_control_entries",
     "idx_access_control_entries_object_id", "^btree\\(object_id\\)$", P_ALL, V(1), NULL},
    {"index idx_access_control_entries_permission", P, KSD_F_INDEX, "access_control_entries",
     "idx_access_control_entries_permission", "^btree\\(permission\\)$", P_ALL, V(1), NULL},
    {"index idx_access_control_entries_principal", P, KSD_F_INDEX, "access_control_entries",
     "idx_access_control_entries_principal", "^btree\\(principal\\)$", P_ALL, V(1), NULL},

    /* Cache: unversioned, the same shape since cliquet 1.2 (the versions are
     * not used). It may live in the storage database. */
    {"table cache", C, KSD_F_TABLE, NULL, "cache", NULL, ALL, 0, NULL},
    {"cache.key column", C, KSD_F_COLUMN, "cache", "key", NULL, ALL, 0, NULL},
    {"cache.value column", C, KSD_F_COLUMN, "cache", "value", NULL, ALL, 0, NULL},
    {"cache.ttl column", C, KSD_F_COLUMN, "cache", "ttl", NULL, ALL, 0, NULL},
    {"primary key on cache", C, KSD_F_PRIMARY_KEY, "cache", NULL, NULL, ALL, 0, NULL},
    {"index idx_cache_ttl", C, KSD_F_INDEX, "cache", "idx_cache_ttl", "^btree\\(ttl\\)$", ALL, 0,
     NULL},
    {"function sec2ttl", C, KSD_F_FUNCTION, NULL, "sec2ttl", NULL, ALL, 0, NULL},
};

const size_t ksd_nfeatures = sizeof(ksd_features) / sizeof(ksd_features[0]);

/* A `deleted` row with a twin in `records` (spec 2.3): migration 011->012
 * deleted every such tombstone, and only 017->018's copy of the tombstones
 * into records makes twins again, so one rules out 12..17. */
const ksd_vset ksd_twin_excludes = R(12, 17);

_Static_assert(sizeof(ksd_features) / sizeof(ksd_features[0]) <= KSD_MAX_FEATURES,
               "raise KSD_MAX_FEATURES");

bool ksd_name_in(const char *names, const char *name, size_t len)
{
	for (const char *n = names; n && *n;) {
		size_t nlen = strcspn(n, "|");
		if (nlen == len && strncmp(n, name, len) == 0)
			return true;
		n += nlen + (n[nlen] == '|');
	}
	return false;
}

size_t ksd_feature_index(const char *label)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (strcmp(ksd_features[i].label, label) == 0)
			return i;
	return ksd_nfeatures;
}

bool ksd_feature_holds(const char *label, int v)
{
	size_t i = ksd_feature_index(label);
	return i < ksd_nfeatures && (ksd_features[i].expect & KSD_VBIT(v));
}
