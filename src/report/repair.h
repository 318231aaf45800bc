/* The repair of a database whose migrations ran from a wrong base. */
#ifndef KSD_REPORT_REPAIR_H
#define KSD_REPORT_REPAIR_H

#include <stdio.h>

#include "ksd_infer.h"

/* The Kinto schema pinned as the search path for the transaction, then
 * the check that stops, changing nothing, unless the database is the one in
 * the dump or one this script fixed: a repair's, or a plain fix's after its
 * version rows' check. Right after BEGIN. */
void repair_checks(FILE *out, const struct ksd_instance *in);
/* The version the repair records, the rows above it deleted: the origin
 * after re-runs; 0 when the rows stay as they are (Kinto already reads the
 * version they say, true once repaired). */
int repair_records(const struct ksd_instance *in);
/* The effect of each skipped step, redone. */
void repair_write(FILE *out, const struct ksd_instance *in);

#endif
