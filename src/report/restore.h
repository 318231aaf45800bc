/* Restore readiness (infer/restore.h) in the text report and as the JSON
 * object `restore`. */
#ifndef KSD_REPORT_RESTORE_H
#define KSD_REPORT_RESTORE_H

#include <stdio.h>

#include "ksd_catalog.h"

/* The `restore` line. */
void restore_text(FILE *out, const struct ksd_catalog *cat);
/* `, "restore": {...}`, to follow another member of the instance's object. */
void restore_json(FILE *out, const struct ksd_catalog *cat);

#endif
