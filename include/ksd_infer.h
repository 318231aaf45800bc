/* Inference's results and its one entry point: ksd_infer() turns a dump's
 * catalog, with the fact tables (ksd_facts.h), into a struct ksd_result
 * computed once: each Kinto instance's versions, metadata state, verdict,
 * reasons, notes, history, what Kinto would do, drift and timeline; the
 * schemas that only bear Kinto's names; the restore facts. All codes and
 * numbers, which src/report/ renders and puts into words. Inference's own
 * steps are private (src/infer/infer.h). */
#ifndef KSD_INFER_H
#define KSD_INFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"
#include "ksd_dump.h"
#include "ksd_err.h"
#include "ksd_facts.h"
#include "ksd_limits.h"

enum ksd_obs { KSD_OBS_UNKNOWN, KSD_OBS_ABSENT, KSD_OBS_PRESENT };

/* What Kinto runs at start-up, from the version it reads (G, `from`) on a
 * database really at version T (`truth`). */
enum ksd_run {
	KSD_RUN_NONE,       /* nothing predicted: no version read, or one too new */
	KSD_RUN_UP_TO_DATE, /* G = T = KSD_STORAGE_MAX: runs nothing */
	KSD_RUN_FORWARD,    /* G = T: runs T+1.. normally, unless step `fails` fails */
	/* G < T: re-runs G..T-1, committing the `damages` steps, until step
	 * `fails` fails (rolled back, Kinto stops); else runs T+1.. */
	KSD_RUN_RERUN,
	KSD_RUN_FAIL_FIRST, /* G > T: the first step it runs (`fails` = G) fails */
	/* G > T: G..fails-1 succeed, then `fails` fails: a hybrid no version
	 * describes is left behind. */
	KSD_RUN_FAIL_LATER,
	KSD_RUN_SKIP_COLLATION, /* G > T: completes, but COLLATE "C" steps T+1..G never run */
	KSD_RUN_SKIP,           /* G > T: skips T+1..G, then runs the rest */
	KSD_RUN_UNDESCRIBED,    /* T unknown: runs G+1.. on a schema no version describes */
};

enum ksd_meta_state {
	KSD_META_INTACT,
	KSD_META_FLUSHED,
	KSD_META_WRONG,
	KSD_META_NO_CREATED_AT,
	KSD_META_MISSING_TABLE,
	KSD_META_NOT_DUMPED, /* the dump carries no data: rows unknown */
};

enum ksd_verdict { KSD_VERDICT_OK, KSD_VERDICT_FIX, KSD_VERDICT_UNDETERMINED };

/* Why a verdict is undetermined, or why the version recorded is the one
 * chosen; the report words it. */
enum ksd_reason_code {
	KSD_REASON_NONE,
	/* Undetermined: */
	KSD_REASON_NO_STORAGE_TABLES, /* storage rows, but the tables are not in the schema */
	KSD_REASON_DATA_ONLY,         /* the same in a dump without any definitions */
	KSD_REASON_NO_STORAGE_MATCH,  /* `versions` are the nearest, with `count` contradictions */
	KSD_REASON_NOT_HARMLESS,      /* `versions` all match; recording the lowest may harm */
	KSD_REASON_NO_PERMISSION_MATCH,
	KSD_REASON_PARTIAL,         /* the dump is incomplete: absence proves nothing */
	KSD_REASON_NO_DATA,         /* no table data: the metadata rows are unknown */
	KSD_REASON_META_MISSING,    /* the archive lost the metadata table's data: rows unknown */
	KSD_REASON_NO_REPAIR,       /* a wrong-base migration skipped step `version`, which no
	                             * repair redoes */
	KSD_REASON_RERUN_UNDONE,    /* steps from `count` re-ran over a version `versions`
	                             * schema; the repair puts back the code of `version` */
	KSD_REASON_RERUN_NO_REPAIR, /* steps from `count` re-ran over the newer schema of
	                             * `versions`, and no repair undoes them */
	/* The version chosen among look-alikes (`versions`): */
	KSD_REASON_RECORDED_LOOK_ALIKE, /* the recorded `version` is one of them */
	KSD_REASON_LOWEST_LOOK_ALIKE, /* their lowest, `version`: re-running the rest is harmless */
	/* The metadata is right, but migration 006->007 needs KSD_DELETED_INDEX. */
	KSD_REASON_DELETED_INDEX,
	/* Migrations ran from a wrong base (origins `versions`); the repair makes
	 * the schema the `version` Kinto reads. */
	KSD_REASON_WRONG_BASE,
};

struct ksd_reason {
	enum ksd_reason_code code;
	ksd_vset versions;
	unsigned count;
	int version;
	int assumed; /* undetermined, but this version was assumed as asked; 0 when not */
};

/* Remarks beside the verdict, each at most once, reported in this order;
 * their numbers are the instance's own fields. */
enum ksd_note {
	KSD_NOTE_OUT_OF_MEMORY,      /* matching failed: every feature is unknown */
	KSD_NOTE_DUPLICATES,         /* `duplicates` rows repeat an earlier one */
	KSD_NOTE_GARBAGE,            /* `garbage` rows Kinto does not write */
	KSD_NOTE_TRUNCATED,          /* more metadata rows than the catalog keeps */
	KSD_NOTE_PERMISSION_ROW,     /* a permission version row, no permission tables */
	KSD_NOTE_ASSUME_CONTRADICTS, /* the assumed storage.version contradicts the schema */
	KSD_NOTE_NO_CREATED_AT,      /* harmless while a version row exists */
	KSD_NOTE_LAST_HEARTBEAT,     /* a cliquet 1.2-1.3 version 1 schema */
	KSD_NOTE_DELETED_INDEX,      /* KSD_DELETED_INDEX is missing: the fix creates it */
	KSD_NOTE_PLUGINS_TRUNCATED,  /* more plugin names than KSD_MAX_PLUGINS */
	KSD_NOTE_LOST_TOMBSTONES,    /* 011->012 re-ran over 18..20 before the dump */
	/* Only the rows of deleted and records could narrow the storage
	 * candidates (a twin), and the dump lacks those of one or both. */
	KSD_NOTE_TWIN_UNREAD,
};
#define KSD_NOTE_BIT(n) (1u << (n))

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
	ksd_vset row_versions; /* the values of the rows that are versions */
};

/* What Kinto does with a plugin's schema at start-up (its migrate_schema). */
enum ksd_plugin_run {
	KSD_PLUGIN_RUN_UNKNOWN,    /* not a plugin whose releases are known here */
	KSD_PLUGIN_RUN_UP_TO_DATE, /* reads the current version: runs nothing */
	KSD_PLUGIN_RUN_MIGRATE,    /* reads an older one: migrates to `current` */
	KSD_PLUGIN_RUN_TOO_NEW,    /* reads a newer one: runs nothing */
	KSD_PLUGIN_RUN_FAILS,      /* the top value is not a number: int() fails */
};

/* A plugin's version rows (`<name>_schema_version`, Kinto >= 26.1), read as
 * Kinto reads its own: the highest by LPAD(value,3,'0'), and 1 without a
 * row. For a plugin of ksd_known_plugins, what its rows in the data say. */
struct ksd_plugin {
	const char *row;            /* the row's name (a known plugin without a row: its
	                             * name); the plugin's name is its start */
	size_t name_len;            /* the bytes before "_schema_version" */
	int recorded;               /* the top value as a number; 0 no row; -1 not a number */
	const char *recorded_value; /* that top row's value (NULL for a SQL NULL) */
	int reads;                  /* the version Kinto works from; 0 when it fails */
	int current;                /* the newest release's version; 0 unknown plugin */
	bool data_known;            /* its rows were counted (--list, JSON, --explain) */
	int data_version;           /* the version its rows are at; 0 when they don't say */
	uint64_t unmoved;           /* rows its next migration would move */
	enum ksd_plugin_run run;
};

/* A database whose migrations ran from a wrong base: flushed, then read as
 * 20 by Kinto >= 12, or recorded too high by hand, then migrated (spec §6).
 * Its schema is none of the versions, but the origin version with the steps
 * assumed+1..top applied over it. */
struct ksd_history {
	bool found;
	ksd_vset origin; /* the versions it can have had before: the schema can't tell these */
	int assumed;     /* the version Kinto started from */
	bool flushed;    /* assumed because the metadata was empty (20) */
	int top;         /* the last step that committed: its true version once repaired */
	int target;      /* the version recorded once repaired: top, or the origin after re-runs */
	/* Kinto assumed a version below the origin: steps assumed+1..top ran
	 * again over a newer schema (origin > assumed). */
	bool rerun;
	/* A data-only step re-run over the newer schema that deleted rows no
	 * repair brings back (011->012 on 18..20: the tombstones with a live
	 * twin), 0 when none. */
	int lost;
	/* A step that ran and rewrote every records row under an older
	 * trigger that stamps each with the clock (017->018's UPDATE under the
	 * version 7 one): their own last_modified are gone, 0 when none. */
	int restamped;
	int failed; /* the step that fails next (0: none) */
	enum ksd_cause cause;
	const char *missing;     /* KSD_CAUSE_MISSING: the label of the feature */
	enum ksd_repair repairs; /* what the repair redoes, for every origin candidate */
	ksd_vset redo;           /* KSD_REPAIR_REDO: the steps whose table statements run */
	/* For each step k of `redo`, the fingerprint row (index) whose state
	 * tells whether its table statements already ran. */
	size_t guard[KSD_STORAGE_MAX + 1];
	int unrepairable; /* a skipped step no repair redoes (0: none) */
};

/* How Kinto reads its storage version at start-up. */
enum ksd_version_read {
	KSD_READ_NONE,         /* not predicted: no storage tables here */
	KSD_READ_NO_TABLE,     /* its query fails: there is no metadata table */
	KSD_READ_NO_DATA,      /* cannot tell: the dump holds no table data */
	KSD_READ_CREATED_AT,   /* created_at but no version row: assumes 1 */
	KSD_READ_GUESS,        /* neither: warns and guesses 20 */
	KSD_READ_NOT_A_NUMBER, /* the top value is not a number: fails */
	KSD_READ_RECORDED,     /* the top row's value */
	KSD_READ_TOO_NEW,      /* the top row's value, above any release it knows */
};

/* What Kinto would do with the storage schema, as data. */
struct ksd_storage_run {
	enum ksd_version_read read;
	int from;  /* the version it starts from; 0 when the read fails */
	int truth; /* the true version; 0 when not known */
	enum ksd_run run;
	int fails; /* the step (fails -> fails+1) that fails; 0 when none */
	enum ksd_cause cause;
	ksd_vset damages; /* KSD_RUN_RERUN: bit k when step k -> k+1 commits damage */
	/* KSD_CAUSE_EXISTS: the name in the way, in the catalog. */
	const char *clash;
	const char *missing; /* KSD_CAUSE_MISSING: the label of the feature */
};

/* And with the permission schema: from < truth re-runs 001->002 (harmless),
 * from > truth skips it; `run` is KSD_RUN_NONE when nothing differs. */
struct ksd_permission_run {
	int from, truth;
	enum ksd_run run; /* KSD_RUN_NONE, KSD_RUN_RERUN or KSD_RUN_SKIP */
};

struct ksd_prediction {
	struct ksd_storage_run storage;
	struct ksd_permission_run permission;
};

/* Drift: what in a Kinto schema no Kinto release explains. Kinto's objects
 * are those the fingerprint rows name; what matches no version is named by
 * the contradictions. */
enum ksd_drift_kind {
	KSD_DRIFT_TABLE,
	KSD_DRIFT_COLUMN,
	KSD_DRIFT_CONSTRAINT,
	KSD_DRIFT_INDEX,
	KSD_DRIFT_FUNCTION,
	KSD_DRIFT_TRIGGER,
};

enum ksd_drift_what {
	KSD_DRIFT_EXTRA,     /* on a Kinto table (or, a function, in the schema); no row names it */
	KSD_DRIFT_MISSING,   /* a contradiction: the nearest version has it, the schema not */
	KSD_DRIFT_CHANGED,   /* Kinto's name, but no release's index or function body */
	KSD_DRIFT_NOT_KINTO, /* a table of the schema that no row names: not drift */
};

struct ksd_drift {
	enum ksd_drift_kind kind;
	enum ksd_drift_what what;
	const char *name; /* in the catalog or the fingerprint table; NULL: an unnamed constraint */
	const char *table; /* the table it belongs to; NULL for tables and functions */
};

/* Restore readiness: which program restores a dump and the oldest
 * PostgreSQL release of it that can, from what the catalog says of the file
 * (archive version, compression, tar layout, data missing from an archive,
 * a plain dump's psql meta-commands, the server functions it calls and its
 * standard_conforming_strings), as codes and release numbers. */
/* Releases as PG_VERSION_NUM: 90322 is 9.3.22, 130022 is 13.22, 170000 is
 * the major release 17. */
#define KSD_PG_MAJOR(v) ((v) >= 100000 ? (v) / 10000 * 10000 : (v) / 100 * 100)

enum ksd_restore_program { KSD_PROG_PSQL, KSD_PROG_PG_RESTORE };

/* What restoring the file asks for, each with its reason. */
enum ksd_need {
	KSD_NEED_ARCHIVE,     /* archive 1.`vmin`: a pg_restore that knows it */
	KSD_NEED_COMPRESSION, /* `compression` data: pg_restore `version` or later built with it */
	KSD_NEED_UNWRAP,      /* the whole file is `compression`-ed: decompress it first */
	KSD_NEED_RESTRICT,    /* \restrict lines: psql of August 2025 or later */
	KSD_NEED_SHELL,       /* \! runs a shell command on the restoring host */
	KSD_NEED_INCLUDE,     /* \`name` reads another file */
	KSD_NEED_META,        /* \`name`, a meta-command pg_dump does not write */
	KSD_NEED_TOC_NOT_FIRST, /* a tar member precedes toc.dat: some releases refuse it */
	KSD_NEED_DATA_ORDER, /* tar data members out of TOC order: unpack, restore the directory */
	KSD_NEED_SERVER,     /* pg_dump `version` wrote it: a server of that major or later */
	KSD_NEED_COMPLETE,   /* `count` entries' data is `missing`: pg_restore fails on it */
	KSD_NEED_FUNCTION,   /* its SQL calls `name`, which servers before `version` lack */
	KSD_NEED_STD_STRINGS_OFF, /* it sets standard_conforming_strings off: servers from
	                           * `version` on refuse it */
};

struct ksd_restore_need {
	enum ksd_need code;
	int vmin;    /* KSD_NEED_ARCHIVE */
	int version; /* KSD_NEED_SERVER, KSD_NEED_COMPRESSION: a major, PG_VERSION_NUM */
	enum ksd_compression_alg compression; /* KSD_NEED_COMPRESSION, KSD_NEED_UNWRAP */
	/* KSD_NEED_FUNCTION: the function; otherwise the meta-command's name, from
	 * the catalog. */
	const char *name;
	/* KSD_NEED_FUNCTION in an archive: the TOC entry type whose SQL calls
	 * it, which pg_restore `version` and later take for statistics (and
	 * leave out with --no-statistics); NULL otherwise. */
	const char *entry;
	enum ksd_missing_kind missing; /* KSD_NEED_COMPLETE */
	size_t count;                  /* KSD_NEED_COMPLETE */
	/* KSD_NEED_ARCHIVE, KSD_NEED_RESTRICT: the first release of each major
	 * from the oldest on that has what is needed, 0-terminated. */
	const int *releases;
};

#define KSD_RESTORE_MAX_NEEDS 12

struct ksd_restore {
	enum ksd_restore_program program;
	/* Restorable as it is: false when a step comes first (decompressing,
	 * unpacking a tar), or when data is missing, which `needs` names. */
	bool restorable;
	/* The oldest release that restores it once that is done: a major (its
	 * .0), or with `releases` the first of each major; 0 when no release
	 * bound is known. */
	int min_version;
	const int *releases;
	/* The oldest server major its SQL is meant for (pg_dump's, or the first
	 * with a function it calls); 0: unknown. */
	int server_min;
	/* The newest server major that takes its SQL; 0: no bound known. */
	int server_max;
	/* Majors from min_version on that fail on this file all the same. */
	int except[4];
	size_t nexcept;
	struct ksd_restore_need needs[KSD_RESTORE_MAX_NEEDS];
	size_t nneeds;
};

/* An instance's timeline: what its metadata rows, the history of a
 * wrong-base migration and the dump itself say happened, in order, as
 * codes and numbers. */
enum ksd_event_kind {
	KSD_EV_INSTALL, /* created_at: `fresh` at `version` (one row or none), or a chain from 1 */
	KSD_EV_STEP,    /* a version row: the step to `version`, `wrong_base` after a guess */
	KSD_EV_FLUSH,   /* the rows were emptied */
	KSD_EV_GUESS,   /* Kinto started from `version` (20 after a flush, or as recorded) */
	KSD_EV_FAILS,   /* the step to `version` fails on the result */
	KSD_EV_DUMP,    /* the dump was taken */
};

struct ksd_event {
	enum ksd_event_kind kind;
	const char *time; /* as the dump spells it; NULL when it does not say */
	int version;      /* -1: a row that is not a number */
	bool fresh, wrong_base;
};

/* The most events kept: version rows beyond it are left out. */
#define KSD_MAX_EVENTS 64

struct ksd_instance {
	const struct ksd_dump *dump;       /* the dump it is in */
	const struct ksd_restore *restore; /* the dump's, in the result */
	const struct ksd_database *db;
	const struct ksd_schema *schema;
	enum ksd_obs obs[KSD_MAX_FEATURES];
	struct ksd_backend_verdict storage, permission;
	enum ksd_meta_state meta;
	bool meta_table, rows_known, created_at, last_heartbeat;
	const char *created_at_value; /* the first created_at row's (NULL: SQL NULL or none) */
	/* The schema's deleted/records twin (schema->twin) ruled out
	 * ksd_twin_excludes from the storage candidates the schema allowed. */
	bool twin_narrowed;
	size_t duplicates, garbage;
	struct ksd_plugin plugins[KSD_MAX_PLUGINS]; /* in order of their first row */
	size_t nplugins;
	enum ksd_verdict verdict;
	bool fix; /* a fix can be written */
	/* A fresh cliquet 1.7.0 or 1.8.0 install (version 3-6) lacks the unique
	 * tombstone index that migration 006->007 renames: the fix creates it. */
	bool missing_deleted_index;
	struct ksd_history history; /* found only where no version matches */
	struct ksd_reason reason;
	struct ksd_prediction prediction; /* what Kinto would do after a restore */
	struct ksd_prediction after_fix;  /* and once the fix has run (read NONE: no fix) */
	unsigned notes;                   /* KSD_NOTE_BIT of each enum ksd_note */
	/* Extra, then changed, then missing, then the tables not Kinto's. */
	struct ksd_drift drift[KSD_MAX_DRIFT];
	size_t ndrift;
	bool drift_truncated; /* more than KSD_MAX_DRIFT */
	/* The versions each fingerprint row allows as observed (--explain). */
	ksd_vset allows[KSD_MAX_FEATURES];
	/* The rows that contradict the nearest versions of a backend without
	 * candidates, each once, in table order. */
	size_t contradiction[KSD_MAX_FEATURES];
	size_t ncontradictions;
	struct ksd_event events[KSD_MAX_EVENTS]; /* the timeline */
	size_t nevents;
};

/* A schema that holds a table of Kinto's name but not Kinto's signature
 * (signature.c): no Kinto version row, too few of Kinto's columns on its
 * tables of Kinto's names, none of Kinto's functions or triggers. The first
 * such table stands for the rest. */
struct ksd_not_kinto {
	const struct ksd_database *db;
	const struct ksd_schema *schema;
	enum ksd_backend backend; /* the table's */
	const char *table;
	const char *const *columns; /* Kinto's for that table (its current names), NULL-ended */
	unsigned has;               /* bit i: the table has columns[i] */
};

/* Everything the report shows of one dump, computed once (ksd_infer). */
struct ksd_result {
	struct ksd_instance *in; /* malloc'd, NULL when none */
	size_t n;
	/* Every schema that holds a table of Kinto's name without Kinto's
	 * signature, in catalog order; malloc'd, NULL when none. */
	struct ksd_not_kinto *not_kinto;
	size_t nnot_kinto;
	struct ksd_restore restore; /* each instance points here */
	int status;                 /* the worst exit status of the instances (KSD_EXIT_*) */
};

/* The exit status of a verdict. */
static inline int ksd_verdict_exit(enum ksd_verdict v)
{
	return v == KSD_VERDICT_OK    ? KSD_EXIT_OK
	       : v == KSD_VERDICT_FIX ? KSD_EXIT_FIX
	                              : KSD_EXIT_UNDETERMINED;
}

/* Infers all `*r` holds from the catalog and the dump's facts. `*r` must stay where it is while
 * it is read (the instances point into it); ksd_result_free() releases it.
 * False when out of memory: then `*r` holds no instance and the status is
 * KSD_EXIT_UNDETERMINED. */
bool ksd_infer(const struct ksd_dump *dump, const struct ksd_catalog *cat, int assume_version,
               struct ksd_result *r);
void ksd_result_free(struct ksd_result *r);

#endif
