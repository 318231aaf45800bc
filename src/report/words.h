/* The verdict's words, shared by the reports (text, JSON, JUnit and the SQL
 * fix's comments): the verdict, metadata state, reasons, notes and
 * contradictions, the plugins, what is not Kinto, the names of formats;
 * and the helpers every topic's words use. Each other topic's words sit with
 * its renderer (drift.h, history.h, kinto.h, restore.h, timeline.c). */
#ifndef KSD_REPORT_WORDS_H
#define KSD_REPORT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_infer.h"

const char *words_meta_name(enum ksd_meta_state m);
/* The verdict line's words and the exit status they lead to: "fix needed
 * (exit 1)"; an incomplete archive exits 4 whatever the verdict, and says so. */
void words_verdict(char *buf, size_t cap, enum ksd_verdict v, const struct ksd_dump *dump);
const char *words_status_name(enum ksd_verdict v);
/* "plain", "pg_dumpall", "custom", "tar", "directory" */
const char *words_format_name(enum ksd_dump_format f);
/* "none", "gzip", "lz4", "zstd", "bzip2", "xz" */
const char *words_compression_name(enum ksd_compression_alg c);
/* "1-3, 7" */
void words_vset(char *buf, size_t cap, ksd_vset s);
/* Appends "17", "16 or 17", "10-13" to the text in `buf`. */
void words_origins(char *buf, size_t cap, ksd_vset s);
/* Appends to the text in `buf` what fits: a text that reaches `cap` is cut. */
void words_add(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* One contradiction: "<feature>: missing, expected in versions 18-26". */
void words_contradiction(char *buf, size_t cap, const struct ksd_instance *in, size_t feature);

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

#endif
