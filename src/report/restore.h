/* Restore readiness (struct ksd_restore, ksd_infer.h) in the text report and as the JSON
 * object `restore`. */
#ifndef KSD_REPORT_RESTORE_H
#define KSD_REPORT_RESTORE_H

#include <stdio.h>

#include "ksd_dump.h"
#include "ksd_infer.h"

/* A PostgreSQL release (PG_VERSION_NUM): "9.3.22", "9.3", "13.22", "17". */
void words_pg_release(char *buf, size_t cap, int v);
/* Restore readiness: the releases that restore the file, and each need.
 * Only our words and names the plain reader kept printable (meta-commands)
 * or libarchive's filter names. A line fits WORDS_RESTORE_MAX. */
#define WORDS_RESTORE_MAX 1024
void words_restore_bound(char *buf, size_t cap, const struct ksd_restore *r);
void words_restore_need(char *buf, size_t cap, const struct ksd_restore_need *n);
/* For an incomplete archive, one line: `label`, then the entries whose data
 * is missing, each name written by `put` (the terminal's escaping, or an SQL
 * comment's); nothing for a whole one. */
void restore_missing_text(FILE *out, const struct ksd_dump *dump, const char *label,
                          void (*put)(FILE *, const char *));
/* The `restore` line, and the `missing` line under it. */
void restore_text(FILE *out, const struct ksd_dump *dump, const struct ksd_restore *r);
/* `, "restore": {...}`, to follow another member of the instance's object. */
void restore_json(FILE *out, const struct ksd_dump *dump, const struct ksd_restore *r);

#endif
