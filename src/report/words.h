/* The words shared by the reports (text, JSON and the SQL fix's comments). */
#ifndef KSD_REPORT_WORDS_H
#define KSD_REPORT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "infer/restore.h"
#include "infer/timeline.h"
#include "ksd_infer.h"

const char *words_meta_name(enum ksd_meta_state m);
/* The verdict line's words and the exit status they lead to: "fix needed
 * (exit 1)"; an incomplete archive exits 4 whatever the verdict, and says so. */
void words_verdict(char *buf, size_t cap, enum ksd_verdict v, const struct ksd_dump *dump);
/* The exit status a verdict leads to (KSD_EXIT_OK, _FIX or _UNDETERMINED). */
int verdict_exit(enum ksd_verdict v);
const char *words_status_name(enum ksd_verdict v);
/* "plain", "pg_dumpall", "custom", "tar", "directory" */
const char *words_format_name(enum ksd_dump_format f);
/* "none", "gzip", "lz4", "zstd", "bzip2", "xz" */
const char *words_compression_name(enum ksd_compression_alg c);
/* A drift item's kind ("index") and what it is ("extra", "missing",
 * "changed"; not for a table that is not Kinto's), as JSON spells them; why
 * it is so. */
const char *words_drift_kind(enum ksd_drift_kind k);
const char *words_drift_what(enum ksd_drift_what w);
const char *words_drift_why(enum ksd_drift_what w);
/* "1-3, 7" */
void words_vset(char *buf, size_t cap, ksd_vset s);
/* One contradiction: "<feature>: missing, expected in versions 18-26". */
void words_contradiction(char *buf, size_t cap, const struct ksd_instance *in, size_t feature);
/* Indexes of every feature contradicting the nearest versions, for instances
 * no version describes; returns the count (0 otherwise). */
size_t words_contradictions(const struct ksd_instance *in, size_t *idx, size_t max);

/* The words of inference's codes, cut at `cap`: "" when there is nothing to
 * say. A reason fits WORDS_REASON_MAX. */
#define WORDS_REASON_MAX 512
void words_reason(char *buf, size_t cap, const struct ksd_reason *r);
/* Note n, whether it applies or not. */
void words_note(char *buf, size_t cap, const struct ksd_instance *in, enum ksd_note n);
/* The notes, "; " between them; they fit WORDS_NOTES_MAX. */
#define WORDS_NOTES_MAX 768
void words_notes(char *buf, size_t cap, const struct ksd_instance *in);
/* Each note that applies, in order, one call of `each` per note: for lists
 * that keep them apart (a note's own words may hold "; "). */
void words_each_note(const struct ksd_instance *in, void (*each)(const char *words, void *ctx),
                     void *ctx);
/* What Kinto would do; a long list of skipped changes is cut at
 * WORDS_KINTO_MAX, as it always was. */
#define WORDS_KINTO_MAX 768
void words_kinto(char *buf, size_t cap, const struct ksd_prediction *p);

/* A known plugin's data ("its data is at 1: 3 rows its migration 1->2
 * moves"; "" when not read or not known) and what Kinto does with it;
 * each fits WORDS_PLUGIN_MAX. */
#define WORDS_PLUGIN_MAX 192
void words_plugin_data(char *buf, size_t cap, const struct ksd_plugin *p);
void words_plugin_kinto(char *buf, size_t cap, const struct ksd_plugin *p);

/* Why a schema is no Kinto instance: "schema storage: a table named objects,
 * but none of Kinto's columns (parent_id, resource_name, data, last_modified)
 * or functions" ("database d, schema s: " for a pg_dumpall file); without
 * that place when `place` is false. Names are the dump's, unescaped. */
#define WORDS_NOT_KINTO_MAX 512
void words_not_kinto(char *buf, size_t cap, const struct ksd_not_kinto *nk, bool place);

/* The PostgreSQL error a failing step raises, or NULL. */
const char *words_error(enum ksd_cause c);
/* How migrations from a wrong base made the schema: "storage version 17
 * when flushed; Kinto >= 12 assumed 20 and ran 020->021, 021->022;
 * 022->023 fails: column "deleted" does not exist"; "" when they did not. */
#define WORDS_HISTORY_MAX 512
void words_history(char *buf, size_t cap, const struct ksd_history *h);

/* A PostgreSQL release (PG_VERSION_NUM): "9.3.22", "9.3", "13.22", "17". */
void words_pg_release(char *buf, size_t cap, int v);
/* Restore readiness: the releases that restore the file, and each need.
 * Only our words and names the plain reader kept printable (meta-commands)
 * or libarchive's filter names. A line fits WORDS_RESTORE_MAX. */
#define WORDS_RESTORE_MAX 1024
void words_restore_bound(char *buf, size_t cap, const struct ksd_restore *r);
void words_restore_need(char *buf, size_t cap, const struct ksd_restore_need *n);

/* A timeline event, without its time: "install, a chain from version 1",
 * "step to 21 (on the wrong base)". */
void words_event(char *buf, size_t cap, const struct ksd_event *e);
/* Its name in JSON: install, step, flush, guess, fails, dump. */
const char *words_event_name(enum ksd_event_kind k);

#endif
