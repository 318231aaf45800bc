/* Kinto's schema history as data: the version sets, the fingerprint rows
 * (every object each version has), the migration steps (what each needs,
 * changes, renames, and what re-running one does), the canonical function
 * bodies, the known plugins, the version table and the names of the columns
 * its rows are read by; with the lookups that only read these tables.
 * Inference (src/infer/) decides with them, the report words and writes
 * them, src/sql/ reads rows by the names; none of those is needed here. */
#ifndef KSD_FACTS_H
#define KSD_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t ksd_vset;

#define KSD_VBIT(v)        ((ksd_vset)1 << (v))
#define KSD_VRANGE(a, b)   ((KSD_VBIT((b) + 1) - 1) & ~(KSD_VBIT(a) - 1))
#define KSD_STORAGE_MAX    26
#define KSD_PERMISSION_MAX 2
#define KSD_STORAGE_ALL    KSD_VRANGE(1, KSD_STORAGE_MAX)
#define KSD_PERMISSION_ALL KSD_VRANGE(1, KSD_PERMISSION_MAX)
#define KSD_VFROM(a)       KSD_VRANGE(a, KSD_STORAGE_MAX) /* version a and every later one */

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

/* The lowest version of the run of consecutive versions that ends at the
 * highest of the set; 0 when it is empty. */
static inline int ksd_vset_run_low(ksd_vset s)
{
	int low = ksd_vset_highest(s);
	while (low > 1 && (s & KSD_VBIT(low - 1)))
		low--;
	return low;
}

/* The unique tombstone index that migration 006->007 renames. */
#define KSD_DELETED_INDEX "idx_deleted_user_id_resource_name_last_modified"

/* KSD_CACHE rows take part in no version (the cache is unversioned): they
 * name Kinto's cache objects, so that they are not drift. */
enum ksd_backend { KSD_STORAGE, KSD_PERMISSION, KSD_CACHE };

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
	/* Index `name` on `table`; with a `pattern`, only when its definition,
	 * "[unique ]method(keys)[where predicate]" normalised, matches it: an
	 * index of Kinto's name but another definition is not Kinto's. */
	KSD_F_INDEX,
	KSD_F_FUNCTION,  /* function `name` */
	KSD_F_IMMUTABLE, /* function `name` is IMMUTABLE */
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
/* The versions a deleted/records twin in the rows rules out. */
extern const ksd_vset ksd_twin_excludes;
#define KSD_MAX_FEATURES 128

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
/* The row of step `step`; NULL when re-running it is harmless everywhere. */
const struct ksd_rerun *ksd_rerun_step(int step);
/* The first data-only step among from+1..to whose re-run over a version of
 * `over` deleted rows no repair brings back (011->012 on 18..20); 0: none. */
int ksd_rerun_lost(int from, int to, ksd_vset over);

/* Why a step fails. */
enum ksd_cause {
	KSD_CAUSE_NONE,
	KSD_CAUSE_LATER_SCHEMA,      /* re-run on a schema already past it */
	KSD_CAUSE_NO_RECORDS,        /* the same from 21 on: records is objects now */
	KSD_CAUSE_NO_DELETED_INDEX,  /* KSD_DELETED_INDEX does not exist */
	KSD_CAUSE_NO_COLLECTION_ID,  /* no collection_id column (before version 7) */
	KSD_CAUSE_NO_TIMESTAMPS,     /* no timestamps table (before version 10) */
	KSD_CAUSE_NO_DELETED_COLUMN, /* objects has no column deleted */
	KSD_CAUSE_018_NEVER_RAN,     /* the same, because migration 018 never ran */
	KSD_CAUSE_EXISTS,            /* it creates an index that exists, not Kinto's (`clash`) */
	KSD_CAUSE_MISSING,           /* it needs feature `missing`, which the schema lacks */
	KSD_CAUSE_DATA_JSON,         /* data is json (before version 6): no btree opclass */
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
	KSD_REPAIR_CODE = 1 << 5, /* the functions and triggers of the target version */
	/* The table statements of the skipped steps in `redo`, from our SQL. */
	KSD_REPAIR_REDO = 1 << 6,
};

/* The file of our SQL (testdata/sql/functions/FILE.sql) that gives Kinto's
 * function `name` the body a migrated database has at version v; NULL when
 * it has no such function then. */
const char *ksd_canon_body(const char *name, int v);
/* The functions ksd_canon_body() knows, with the argument types a DROP
 * names, ending with a NULL name; bump_timestamp first (no trigger may call
 * a body of another version). */
struct ksd_canon_function {
	const char *name, *args;
	/* Its body never changed across versions: a repair makes it only where
	 * it is missing, and keeps a database's own (Kinto's text, not ours). */
	bool once;
};
extern const struct ksd_canon_function ksd_canon_functions[];

/* A feature a step needs, and why it fails without it; `unlisted`, when
 * not KSD_CAUSE_NONE, says so where the skipped step that makes the feature
 * goes unnamed (KSD_RUN_FAIL_FIRST, KSD_RUN_FAIL_LATER). */
struct ksd_step_need {
	const char *feature; /* label in ksd_features */
	enum ksd_cause cause, unlisted;
};

/* Migration step (v-1)->v, indexed by v: what it needs, what it installs
 * anew, and how a repair redoes it once later steps ran without it. */
struct ksd_step {
	struct ksd_step_need needs[2]; /* in the order its statements use them */
	/* Functions and triggers it creates again, "a|b": what an older body
	 * or trigger said is gone. */
	const char *replaces;
	/* A later step that overwrites everything this one changed. */
	int superseded_by;
	bool data_only;           /* changes rows only */
	enum ksd_repair repair;   /* how to redo it after a later step ran */
	const char *repair_reads; /* a feature the repair needs present (label) */
	/* Relations it creates, or renames to, without IF NOT EXISTS, "a|b": an
	 * object already of that name makes it fail. */
	const char *creates;
	/* Its table statements (our SQL, migrate-NNN) can run again after later
	 * steps, on the names those steps left. */
	bool redo;
	bool updates_records; /* it updates every records row, firing its trigger */
	/* What it renames, in order, "old>new|...": a table or an index as
	 * "name>new", a column as "table.column>new". */
	const char *renames;
};
extern const struct ksd_step ksd_steps[KSD_STORAGE_MAX + 1];
/* Whether step k (k-1 -> k) changes what feature f shows: its expectation
 * differs across the step, or the step installs anew what f names. */
bool ksd_step_changes(int k, const struct ksd_feature *f);
/* Whether f is a function or a trigger: what CREATE OR REPLACE and CREATE
 * TRIGGER install, and a repair installs as the target version has it. */
bool ksd_feature_is_code(const struct ksd_feature *f);

/* `table` and, when not NULL, its `column` (each a buffer of
 * KSD_NAME_CAP bytes) as step j's renames leave them; a lone `table` may
 * be an index. */
#define KSD_NAME_CAP 64
void ksd_step_rename(int j, char *table, char *column);

/* Whether the list `names` ("a|b", or NULL) holds the `len` bytes of `name`. */
bool ksd_name_in(const char *names, const char *name, size_t len);
/* The index in ksd_features of the row labelled `label`; ksd_nfeatures when
 * there is none. */
size_t ksd_feature_index(const char *label);
/* Whether the row labelled `label` holds at version v (false when there is
 * no such row). */
bool ksd_feature_holds(const char *label, int v);

/* A plugin whose rows tell its schema version: while rows under
 * `parent_id` keep resource_name `old_resource`, its migration to
 * `old_version` + 1 has not run; once run, they have `new_resource`. */
struct ksd_known_plugin {
	const char *name;
	int current;
	const char *parent_id, *old_resource, *new_resource;
	int old_version;
};
extern const struct ksd_known_plugin ksd_known_plugins[];
extern const size_t ksd_nknown_plugins;

/* What the data readers need of Kinto's names to read its rows; here, below
 * src/sql/ which reads the rows, rather than with inference. The columns of
 * objects, records and deleted that hold a row's id, its parent, its
 * resource name and its tombstone flag, whatever Kinto called them then
 * (user_id and resource_name before version 7, collection_id from 7 to 20). */
enum ksd_row_column {
	KSD_ROW_ID,
	KSD_ROW_PARENT,
	KSD_ROW_RESOURCE,
	KSD_ROW_DELETED,
	KSD_ROW_NCOLUMNS
};
/* The row column a column of that name is; -1 for any other. */
int ksd_row_column(const char *name);
/* The metadata table's two columns, and where Kinto creates them: where a
 * dump that lists no columns has them. */
#define KSD_METADATA_NAME      "name"
#define KSD_METADATA_VALUE     "value"
#define KSD_METADATA_NAME_COL  0
#define KSD_METADATA_VALUE_COL 1

/* The version table: the releases that ship version v and the change its
 * migration made; NULL outside 1..KSD_STORAGE_MAX (1..KSD_PERMISSION_MAX). */
const char *ksd_storage_releases(int v);
const char *ksd_storage_change(int v);
const char *ksd_permission_releases(int v);
const char *ksd_permission_change(int v);

#endif
