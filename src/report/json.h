/* The JSON Lines object of one instance. */
#ifndef KSD_REPORT_JSON_H
#define KSD_REPORT_JSON_H

#include <stdio.h>

#include "ksd_infer.h"

void json_report(FILE *out, const char *input, const struct ksd_instance *in);

#endif
