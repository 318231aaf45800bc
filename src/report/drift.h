/* Drift in the reports: the objects no Kinto release explains. */
#ifndef KSD_REPORT_DRIFT_H
#define KSD_REPORT_DRIFT_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_infer.h"

/* Text: a "drift" line counting them; with `explain`, one line each and
 * the tables that are not Kinto's. Nothing when there are none. */
void drift_text(FILE *out, const struct ksd_instance *in, bool explain);
/* JSON: `, "drift": [...], "drift_truncated": bool, "other_tables": [...]`. */
void drift_json(FILE *out, const struct ksd_instance *in);

#endif
