/* Restore readiness (struct ksd_restore, ksd_infer.h) from the dump's
 * facts of the file. Private to src/infer. */
#ifndef KSD_INFER_RESTORE_H
#define KSD_INFER_RESTORE_H

#include "ksd_infer.h"

void ksd_infer_restore(const struct ksd_dump *dump, struct ksd_restore *out);

#endif
