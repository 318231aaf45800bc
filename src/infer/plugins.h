/* Plugins judged against their rows: what Kinto reads and runs for each, and
 * for the plugins of ksd_known_plugins, whether the data agrees. */
#ifndef KSD_INFER_PLUGINS_H
#define KSD_INFER_PLUGINS_H

#include "ksd_catalog.h"
#include "ksd_infer.h"

/* After metadata_read: fills each plugin's reads, current, data and run,
 * adding a known plugin that has no version row but rows its migration
 * would move (Kinto reads 1 for it). */
void plugins_judge(const struct ksd_schema *s, struct ksd_instance *in);

#endif
