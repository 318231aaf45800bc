/* The human report of one instance. */
#ifndef KSD_REPORT_TEXT_H
#define KSD_REPORT_TEXT_H

#include <stdio.h>

#include "ksd_infer.h"
#include "ksd_report.h"

void text_report(FILE *out, const char *input, const struct ksd_instance *in,
                 const struct ksd_report_opts *opts);

#endif
