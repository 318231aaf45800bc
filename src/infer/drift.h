/* Drift: the objects of one Kinto schema that no Kinto release explains. */
#ifndef KSD_INFER_DRIFT_H
#define KSD_INFER_DRIFT_H

#include "ksd_infer.h"

/* Fills in->drift from the schema and its observations (after scoring: the
 * missing objects follow the nearest versions and the history). */
void drift_find(struct ksd_instance *in);
/* The name of a drift index or table that the list `names` ("a|b") holds:
 * a relation a migration cannot create again. NULL when none. */
const char *drift_clash(const struct ksd_instance *in, const char *names);

#endif
