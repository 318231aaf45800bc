/* The storage migration steps as data: for each step (to-1)->to, what a
 * database needs for it to run, the error PostgreSQL raises when that is
 * missing, the functions it replaces wholesale, and how its effect is redone
 * on a database whose migrations ran from a wrong base (spec §5, §6). */
#include "ksd_infer.h"

/* What steps install anew: bump_timestamp (CREATE OR REPLACE), the
 * timestamp helper, the triggers (dropped and created again). */
#define BUMP     "bump_timestamp"
#define HELPER   "resource_timestamp|collection_timestamp"
#define TRIGGERS "tgr_records_last_modified|tgr_deleted_last_modified"
#define OBJECTS  "tgr_objects_last_modified"

const struct ksd_step ksd_steps[KSD_STORAGE_MAX + 1] = {
    [3] = {.replaces = HELPER},
    [7] = {.replaces = BUMP "|" HELPER},
    [8] = {.replaces = BUMP "|" HELPER},
    [9] = {.replaces = BUMP},
    [10] = {.replaces = BUMP "|" HELPER "|" TRIGGERS},
    /* 010->011 recreates both triggers; 013->014 narrows them. The records
     * trigger of either is superseded by 021's objects trigger; the one on
     * deleted is redone as 014 leaves it. */
    [11] = {.replaces = TRIGGERS, .repair = KSD_REPAIR_DELETED_TRIGGER},
    /* Data only: it deletes tombstones that have a live twin. A repair
     * never deletes a tombstone, and the twin is harmless (018's merge
     * keeps the live record). */
    [12] = {.data_only = true},
    [13] = {.replaces = BUMP "|" TRIGGERS, .superseded_by = 21},
    [14] = {.replaces = TRIGGERS, .repair = KSD_REPAIR_DELETED_TRIGGER},
    /* Kinto's 014->015 and 016->017 create both triggers again, narrowed;
     * run from a wrong base, that narrows an older tombstone trigger. */
    [15] = {.replaces = BUMP "|" HELPER "|" TRIGGERS, .superseded_by = 21},
    [16] = {.repair = KSD_REPAIR_DROP_HELPER},
    [17] = {.replaces = BUMP "|" TRIGGERS, .superseded_by = 21},
    [18] = {.repair = KSD_REPAIR_TOMBSTONES},
    [19] = {.repair = KSD_REPAIR_COLLATE_OBJECTS},
    [20] = {.repair = KSD_REPAIR_COLLATE_TIMESTAMPS},
    [21] = {.replaces = BUMP "|" OBJECTS,
            .needs = {{"records.collection_id column", KSD_STEP_NO_COLLECTION_ID},
                      {"table timestamps", KSD_STEP_NO_TIMESTAMPS}}},
    [22] = {.replaces = BUMP "|" OBJECTS},
    [23] = {.needs = {{"objects.deleted column", KSD_STEP_NO_DELETED_COLUMN}}},
    [26] = {.replaces = BUMP "|" OBJECTS},
};
