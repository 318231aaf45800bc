/* Restore readiness (infer/restore.h) in the text report and as the JSON
 * object `restore`. */
#ifndef KSD_REPORT_RESTORE_H
#define KSD_REPORT_RESTORE_H

#include <stdio.h>

#include "ksd_dump.h"

/* For an incomplete archive, one line: `label`, then the entries whose data
 * is missing, each name written by `put` (the terminal's escaping, or an SQL
 * comment's); nothing for a whole one. */
void restore_missing_text(FILE *out, const struct ksd_dump *dump, const char *label,
                          void (*put)(FILE *, const char *));
/* The `restore` line, and the `missing` line under it. */
void restore_text(FILE *out, const struct ksd_dump *dump);
/* `, "restore": {...}`, to follow another member of the instance's object. */
void restore_json(FILE *out, const struct ksd_dump *dump);

#endif
