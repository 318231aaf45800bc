/* Test library: a catalog inferred and reported as the tool does it
 * (ksd_infer, then ksd_analyse or ksd_list_catalog), for the suites and the
 * fuzz harnesses alike. */
#ifndef ANALYSE_H
#define ANALYSE_H

#include <stdio.h>

#include "ksd_report.h"

/* Writes the report of `dump` and its `cat` to `out` (--list with `list`) and returns the
 * exit status the tool gives it. */
int analyse_catalog(FILE *out, const char *input, const struct ksd_dump *dump,
                    const struct ksd_catalog *cat, const struct ksd_report_opts *o, bool list);

#endif
