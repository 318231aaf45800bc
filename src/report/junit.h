/* The JUnit testcases of one DUMP's analysis (report/junit.c). */
#ifndef KSD_REPORT_JUNIT_H
#define KSD_REPORT_JUNIT_H

#include "ksd_infer.h"
#include "ksd_report.h"

/* One Kinto instance: passed, or a failure holding the fix or the reason;
 * its text report (with opts->explain, the explained one) as system-out. */
void junit_instance(struct ksd_junit *j, const char *input, const struct ksd_instance *in,
                    const struct ksd_report_opts *opts);
/* No Kinto instance in the dump: a failure saying `why`. */
void junit_none(struct ksd_junit *j, const char *why, const struct ksd_dump *dump);

#endif
