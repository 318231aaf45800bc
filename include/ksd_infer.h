/* Version inference: the fingerprint table (data), matching it against one
 * schema, and the verdict on one Kinto instance (versions, metadata, what
 * Kinto would do). Versions are bit sets: bit v stands for version v. */
#ifndef KSD_INFER_H
#define KSD_INFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"

typedef uint32_t ksd_vset;

#define KSD_VBIT(v)        ((ksd_vset)1 << (v))
#define KSD_VRANGE(a, b)   ((KSD_VBIT((b) + 1) - 1) & ~(KSD_VBIT(a) - 1))
#define KSD_STORAGE_MAX    26
#define KSD_PERMISSION_MAX 2
#define KSD_STORAGE_ALL    KSD_VRANGE(1, KSD_STORAGE_MAX)
#define KSD_PERMISSION_ALL KSD_VRANGE(1, KSD_PERMISSION_MAX)

/* The lowest and the highest version of a set; 0 when it is empty. */
static inline int ksd_vset_lowest(ksd_vset s)
{
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (s & KSD_VBIT(v))
			return v;
	return 0;
}
static inline int ksd_vset_highest(ksd_vset s)
{
	for (int v = KSD_STORAGE_MAX; v >= 1; v--)
		if (s & KSD_VBIT(v))
			return v;
	return 0;
}

enum ksd_backend { KSD_STORAGE, KSD_PERMISSION };

/* What a fingerprint row looks for. `table` must exist for the row to be
 * judged at all (otherwise the observation is unknown). */
enum ksd_feature_kind {
	KSD_F_TABLE,          /* table `name` */
	KSD_F_COLUMN,         /* column `name` of `table` */
	KSD_F_COLUMN_TYPE,    /* its type matches `pattern` */
	KSD_F_COLUMN_DEFAULT, /* its default matches `pattern` */
	KSD_F_COLUMN_NOT_NULL,
	KSD_F_COLUMN_COLLATE_C,
	KSD_F_PRIMARY_KEY, /* `table` has a primary key, whatever its name */
	KSD_F_CONSTRAINT,  /* constraint `name` on `table` */
	KSD_F_INDEX,       /* index `name` */
	KSD_F_FUNCTION,    /* function `name` */
	KSD_F_IMMUTABLE,   /* function `name` is IMMUTABLE */
	/* The normalised body of the first function of `name` ("a|b": the first
	 * present) matches `pattern`. */
	KSD_F_BODY,
	KSD_F_TRIGGER,           /* trigger `name` on `table` */
	KSD_F_TRIGGER_UPDATE,    /* it fires on UPDATE */
	KSD_F_TRIGGER_UPDATE_OF, /* it fires only on UPDATE OF some columns */
};

struct ksd_feature {
	const char *label; /* unique, shown to the user */
	enum ksd_backend backend;
	enum ksd_feature_kind kind;
	const char *table;
	const char *name;
	const char *pattern; /* PCRE2, on lower-case text */
	ksd_vset expect;     /* versions where a migrated database has it */
	/* Versions where either observation is fine: fresh installs, leftovers
	 * that may be dropped, releases whose exact text is not known. */
	ksd_vset tolerate;
	const char *tolerate_if; /* label of a row that must be present for `tolerate` */
};

extern const struct ksd_feature ksd_features[];
extern const size_t ksd_nfeatures;
#define KSD_MAX_FEATURES 128

enum ksd_obs { KSD_OBS_UNKNOWN, KSD_OBS_ABSENT, KSD_OBS_PRESENT };

/* What happens when migration step `step` (step -> step+1) runs on a database
 * that is really at a version in `fails` (rolled back, Kinto stops) or in
 * `damages` (commits and changes the schema for the worse). */
struct ksd_rerun {
	int step;
	ksd_vset fails, damages;
	const char *effect; /* of the damage */
};
extern const struct ksd_rerun ksd_reruns[];
extern const size_t ksd_nreruns;

/* Observes every fingerprint row in schema `s`. Returns false when out of
 * memory (every observation is then unknown). */
bool ksd_match_schema(const struct ksd_schema *s, enum ksd_obs obs[KSD_MAX_FEATURES]);
/* Lower-cases, strips comments (not inside literals) and collapses spacing,
 * dropping it next to punctuation; `out` gets at most `cap`-1 bytes. */
size_t ksd_normalise_body(const char *body, char *out, size_t cap);

/* Versions a row allows given its observation (all versions when unknown). */
ksd_vset ksd_feature_allows(const struct ksd_feature *f, enum ksd_obs o,
                            const enum ksd_obs obs[KSD_MAX_FEATURES]);

enum ksd_meta_state {
	KSD_META_INTACT,
	KSD_META_FLUSHED,
	KSD_META_WRONG,
	KSD_META_NO_CREATED_AT,
	KSD_META_MISSING_TABLE,
	KSD_META_NOT_DUMPED, /* the dump carries no data: rows unknown */
};

enum ksd_verdict { KSD_VERDICT_OK, KSD_VERDICT_FIX, KSD_VERDICT_UNDETERMINED };

struct ksd_backend_verdict {
	bool present;
	ksd_vset candidates; /* versions no observation contradicts */
	ksd_vset nearest;    /* when none: those with the fewest contradictions */
	unsigned ncontradictions;
	int version;  /* what the fix records; 0 when not certain */
	bool assumed; /* version came from --assume-version */
	/* Kinto's reading of the rows (highest by LPAD(value,3,'0')); 0 when no
	 * row, -1 when the top value is not a number. */
	int recorded;
	const char *recorded_value; /* that top row's value */
	int reads;                  /* the version Kinto would work from: 0 when it fails */
	size_t rows;
	int lowest_row;
	ksd_vset row_versions; /* the version rows' values that are versions */
};

/* Why a migration step fails (the PostgreSQL error it raises). */
enum ksd_step_error {
	KSD_STEP_OK,
	KSD_STEP_NO_COLLECTION_ID,  /* column "collection_id" does not exist */
	KSD_STEP_NO_TIMESTAMPS,     /* relation "timestamps" does not exist */
	KSD_STEP_NO_DELETED_COLUMN, /* column "deleted" does not exist */
};

/* How the effect of a skipped step is redone on a database that a later
 * step already renamed (objects, resource_name). Bits of a mask. */
enum ksd_repair {
	KSD_REPAIR_NONE = 0,
	KSD_REPAIR_DELETED_TRIGGER = 1 << 0,    /* tgr_deleted_last_modified BEFORE INSERT */
	KSD_REPAIR_DROP_HELPER = 1 << 1,        /* collection_timestamp dropped */
	KSD_REPAIR_TOMBSTONES = 1 << 2,         /* objects.deleted, tombstones merged */
	KSD_REPAIR_COLLATE_OBJECTS = 1 << 3,    /* COLLATE "C" on objects' ids */
	KSD_REPAIR_COLLATE_TIMESTAMPS = 1 << 4, /* COLLATE "C" on timestamps' ids */
};

/* A feature a step needs, and the error raised without it. */
struct ksd_step_need {
	const char *feature; /* label in ksd_features */
	enum ksd_step_error error;
};

/* Migration step (v-1)->v, indexed by v. */
struct ksd_step {
	struct ksd_step_need needs[2];
	/* Functions it installs anew, "a|b": what an older body said is gone. */
	const char *replaces;
	/* A later step that overwrites everything this one changed. */
	int superseded_by;
	bool data_only;         /* changes rows only */
	enum ksd_repair repair; /* how to redo it after a later step ran */
};
extern const struct ksd_step ksd_steps[KSD_STORAGE_MAX + 1];

/* A database whose migrations ran from a wrong base: flushed, then read as
 * 20 by Kinto >= 12, or recorded too high by hand, then migrated (spec §6).
 * The schema is then none of the versions, but it is the origin version
 * with the steps assumed+1..top applied over it. */
struct ksd_history {
	bool found;
	ksd_vset origin; /* versions it can have had before: the schema can't tell these */
	int assumed;     /* the version Kinto started from */
	bool flushed;    /* assumed because the metadata was empty (20) */
	int top;         /* the last step that committed: its true version once repaired */
	int failed;      /* the step that fails next (0: none) */
	enum ksd_step_error error;
	enum ksd_repair repairs; /* what the repair redoes, for every origin candidate */
	int unrepairable;        /* a skipped step no repair redoes (0: none) */
};

struct ksd_instance {
	const struct ksd_database *db;
	const struct ksd_schema *schema;
	enum ksd_obs obs[KSD_MAX_FEATURES];
	struct ksd_backend_verdict storage, permission;
	enum ksd_meta_state meta;
	bool meta_table, rows_known, created_at, last_heartbeat;
	size_t duplicates, garbage;
	enum ksd_verdict verdict;
	bool fix; /* a fix can be written */
	/* A fresh cliquet 1.7.0 or 1.8.0 install (version 3-6) lacks the unique
	 * tombstone index that migration 006->007 renames: the fix creates it. */
	bool missing_deleted_index;
	struct ksd_history history;
	char reason[512]; /* why undetermined, or why the recorded version is chosen */
	char kinto[768];  /* what Kinto would do with this database after a restore */
	char notes[768];  /* duplicate or garbage rows, hints, warnings; "; " separated */
};

/* Finds and judges every Kinto instance of the catalog (a schema holding
 * storage or permission tables, or Kinto metadata rows). `*out` is malloc'd
 * (NULL when none). Returns false when out of memory. */
bool ksd_infer_catalog(const struct ksd_catalog *cat, int assume_version, struct ksd_instance **out,
                       size_t *n);
/* Judges one schema as a Kinto instance. */
void ksd_infer_instance(const struct ksd_catalog *cat, const struct ksd_database *db,
                        const struct ksd_schema *s, int assume_version, struct ksd_instance *in);

/* Rows contradicting version v, in table order, for reporting: fills up to
 * `max` indexes into ksd_features and returns the count. */
size_t ksd_contradictions(const struct ksd_instance *in, enum ksd_backend b, int v, size_t *idx,
                          size_t max);

/* The version table (src/report/versions.c). */
const char *ksd_storage_releases(int v);
const char *ksd_storage_change(int v);
const char *ksd_permission_releases(int v);

/* Explains observations that match no version as a wrong-base migration,
 * from the version rows Kinto wrote (`rows`: the values, as a set) and
 * whether created_at is there. False when it does not explain them. */
bool ksd_infer_history(const enum ksd_obs obs[KSD_MAX_FEATURES], ksd_vset rows, bool created_at,
                       struct ksd_history *h);

#endif
