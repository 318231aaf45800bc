/* The words shared by the reports (text, JSON and the SQL fix's comments). */
#ifndef KSD_REPORT_WORDS_H
#define KSD_REPORT_WORDS_H

#include <stddef.h>

#include "ksd_infer.h"

const char *words_meta_name(enum ksd_meta_state m);
const char *words_status_name(enum ksd_verdict v);
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
/* The notes, "; " between them; they fit WORDS_NOTES_MAX. */
#define WORDS_NOTES_MAX 768
void words_notes(char *buf, size_t cap, const struct ksd_instance *in);
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

/* The PostgreSQL error a failing step raises, or NULL. */
const char *words_error(enum ksd_cause c);
/* How migrations from a wrong base made the schema: "storage version 17
 * when flushed; Kinto >= 12 assumed 20 and ran 020->021, 021->022;
 * 022->023 fails: column "deleted" does not exist"; "" when they did not. */
#define WORDS_HISTORY_MAX 512
void words_history(char *buf, size_t cap, const struct ksd_history *h);

#endif
