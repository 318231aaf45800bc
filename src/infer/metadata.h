/* Reading a schema's metadata rows as Kinto reads them. */
#ifndef KSD_INFER_METADATA_H
#define KSD_INFER_METADATA_H

#include <stdbool.h>

#include "ksd_catalog.h"
#include "ksd_infer.h"

/* Fills the instance's metadata facts from schema `s`: whether the table and
 * its rows are known, created_at and last_heartbeat, the storage and
 * permission rows (Kinto's reading of them, their count, the lowest), the
 * plugins' version rows, the duplicate and garbage counts and the notes they call for. */
void metadata_read(const struct ksd_catalog *cat, const struct ksd_schema *s,
                   struct ksd_instance *in);
/* The rows Kinto writes that `m` holds, as METADATA_* bits. */
enum {
	METADATA_STORAGE_ROW = 1,
	METADATA_PERMISSION_ROW = 2,
	METADATA_CREATED_AT = 4,
	METADATA_LAST_HEARTBEAT = 8,
};
unsigned metadata_kinto_rows(const struct ksd_metadata *m);
/* The storage version rows of `m` in dump order, each as Kinto's int()
 * reads it (-1: not a number), at most `max`; returns how many there are.
 * *created_at gets the created_at row's value (NULL: none). */
size_t metadata_storage_rows(const struct ksd_metadata *m, int *out, size_t max,
                             const char **created_at);

#endif
