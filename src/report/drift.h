/* Drift in the reports: the objects no Kinto release explains. */
#ifndef KSD_REPORT_DRIFT_H
#define KSD_REPORT_DRIFT_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_infer.h"

/* A drift item's kind ("index") and what it is ("extra", "missing",
 * "changed"; not for a table that is not Kinto's), as JSON spells them; why
 * it is so. */
const char *words_drift_kind(enum ksd_drift_kind k);
const char *words_drift_what(enum ksd_drift_what w);
const char *words_drift_why(enum ksd_drift_what w);
/* Text: a "drift" line counting them; with `explain`, one line each and
 * the tables that are not Kinto's. Nothing when there are none. */
void drift_text(FILE *out, const struct ksd_instance *in, bool explain);
/* JSON: `, "drift": [...], "drift_truncated": bool, "other_tables": [...]`. */
void drift_json(FILE *out, const struct ksd_instance *in);

#endif
