/* An instance's timeline (struct ksd_event, ksd_infer.h). Private to
 * src/infer. */
#ifndef KSD_INFER_TIMELINE_H
#define KSD_INFER_TIMELINE_H

#include "ksd_infer.h"

/* Fills `ev` (KSD_MAX_EVENTS) and returns the count. */
size_t ksd_infer_timeline(const struct ksd_instance *in, struct ksd_event *ev);

#endif
