/* The table of Kinto schema versions as data: the releases that ship each
 * one and what its migration changed. "transit" versions were only passed
 * through on the way to a later one. */
#include "ksd_facts.h"

struct version {
	const char *releases;
	const char *change;
};

static const struct version storage[KSD_STORAGE_MAX + 1] = {
    [1] = {"cliquet 1.4.0-1.6.0 (1.2-1.3: variant); Kinto 0.1-0.2",
           "base schema: records and deleted, uuid ids, json data"},
    [2] = {"transit (cliquet 1.7.0)", "as_epoch made IMMUTABLE, epoch indexes recreated"},
    [3] = {"cliquet 1.7.0; Kinto 0.2.x",
           "4-column UNIQUE constraints replaced by unique (user_id, resource_name, "
           "last_modified DESC) indexes"},
    [4] = {"transit (cliquet 1.8.0)", "ids become text, uuid default and extension dropped"},
    [5] = {"transit (cliquet 1.8.0)", "single-column indexes dropped, primary keys added"},
    [6] = {"cliquet 1.8.0; Kinto 0.2.2", "records.data becomes jsonb"},
    [7] = {"cliquet 2.0.0; Kinto 1.0.0",
           "user_id -> parent_id, resource_name -> collection_id; collection_timestamp"},
    [8] = {"cliquet 2.11.0; Kinto 1.9.0", "clock_timestamp() in the bodies; both triggers dropped"},
    [9] = {"transit (cliquet 3.0.0)", "from_epoch; bump_timestamp keeps a supplied timestamp"},
    [10] = {"cliquet 3.0.0; Kinto 2.0.0",
            "timestamps table; triggers recreated (not by cliquet 3.0.0-3.1.2)"},
    [11] = {"cliquet 3.1.3; Kinto 2.1.1, 3.0.0", "triggers recreated"},
    [12] = {"transit (Kinto 3.2.2)", "data only: tombstones with a live twin deleted"},
    [13] = {"Kinto 3.2.2", "bump_timestamp also bumps an equal supplied timestamp"},
    [14] = {"Kinto 5.0.0", "triggers narrowed: records UPDATE OF data, deleted INSERT only"},
    [15] = {"Kinto 6.0.0", "ON CONFLICT upserts (PostgreSQL 9.5+)"},
    [16] = {"transit (Kinto 7.6.0)", "collection_timestamp dropped"},
    [17] = {"Kinto 7.6.0", "bump_timestamp takes the newest of records, deleted and timestamps"},
    [18] = {"Kinto 7.6.2, 8.0.0",
            "records.deleted column; tombstones copied into records (deleted kept)"},
    [19] = {"Kinto 8.1.0", "COLLATE \"C\" on records id, parent_id, collection_id"},
    [20] = {"Kinto 8.1.1 (target through 11.2.1)",
            "COLLATE \"C\" on timestamps parent_id, collection_id"},
    [21] = {"Kinto 12.0.0",
            "records -> objects, collection_id -> resource_name, new objects trigger"},
    [22] = {"Kinto 13.6.6, 14.0.0", "bump_timestamp works in BIGINT milliseconds"},
    [23] = {"Kinto 20.3.0", "index idx_objects_resource_name_parent_id_deleted"},
    [24] = {"Kinto 23.2.0", "partial index idx_objects_history_userid_and_resourcename"},
    [25] = {"Kinto 23.2.1", "partial index idx_objects_parent_id_record_last_modified"},
    [26] = {"Kinto 25.0.0", "bump_timestamp orders by raw last_modified"},
};

static const struct version permission[KSD_PERMISSION_MAX + 1] = {
    [1] = {"cliquet 2.0 (indexes from 2.7.0) - Kinto 8.1.1",
           "user_principals, access_control_entries; no version row"},
    [2] = {"Kinto 8.1.2", "COLLATE \"C\" on user_principals.user_id and "
                          "access_control_entries.object_id; version row '2'"},
};

const char *ksd_storage_releases(int v)
{
	return v >= 1 && v <= KSD_STORAGE_MAX ? storage[v].releases : NULL;
}

const char *ksd_storage_change(int v)
{
	return v >= 1 && v <= KSD_STORAGE_MAX ? storage[v].change : NULL;
}

const char *ksd_permission_releases(int v)
{
	return v >= 1 && v <= KSD_PERMISSION_MAX ? permission[v].releases : NULL;
}

const char *ksd_permission_change(int v)
{
	return v >= 1 && v <= KSD_PERMISSION_MAX ? permission[v].change : NULL;
}
