/* Where a dump came from (struct ksd_provenance and the archive header), in
 * the text report and as the JSON object `dump`. */
#ifndef KSD_REPORT_PROVENANCE_H
#define KSD_REPORT_PROVENANCE_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_dump.h"

/* The `dump` line; with `explain`, a line per field after it. */
void provenance_text(FILE *out, const struct ksd_dump *dump, bool explain);
/* `, "dump": {...}`, to follow another member of the instance's object. */
void provenance_json(FILE *out, const struct ksd_dump *dump);

#endif
