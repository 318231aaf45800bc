/* An instance's timeline (struct ksd_event, ksd_infer.h): --explain lines and the JSON
 * array `timeline`. */
#ifndef KSD_REPORT_TIMELINE_H
#define KSD_REPORT_TIMELINE_H

#include <stdio.h>

#include "ksd_infer.h"

void timeline_text(FILE *out, const struct ksd_instance *in);
/* `, "timeline": [...]`, to follow another member of the instance's object. */
void timeline_json(FILE *out, const struct ksd_instance *in);

#endif
