/* The inventory of a schema's rows (--list, JSON rows/resources/tombstones):
 * what the catalog counted while the data streamed past. */
#ifndef KSD_REPORT_INVENTORY_H
#define KSD_REPORT_INVENTORY_H

#include <stdio.h>

#include "ksd_catalog.h"
#include "ksd_infer.h"

/* --list: a table's "rows N" line, and the schema's resources and tombstones. */
void inventory_list_table(FILE *out, const struct ksd_table *t);
void inventory_list_schema(FILE *out, const struct ksd_schema *s);

/* JSON: `, "rows": {...}, "resources": {...}, "resources_other": N,
 * "tombstones": N, "created_at_value": "..."`. */
void inventory_json(FILE *out, const struct ksd_instance *in);

#endif
