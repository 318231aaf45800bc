/* Kinto or not: whether a schema carries Kinto's own signature (signature.c). */
#ifndef KSD_INFER_SIGNATURE_H
#define KSD_INFER_SIGNATURE_H

#include <stdbool.h>

#include "ksd_catalog.h"
#include "ksd_infer.h"

struct signature {
	bool storage;           /* a storage instance: its tables or its rows are Kinto's */
	bool storage_tables;    /* and it has tables of Kinto's storage names */
	bool permission_tables; /* permission tables of Kinto's names and shape, or its row */
};

/* Decides for schema `s`; `why` (when not NULL) gets its first table of a
 * Kinto name, `why->table` staying NULL when there is none. */
void signature_find(const struct ksd_schema *s, struct signature *sig, struct ksd_not_kinto *why);

#endif
