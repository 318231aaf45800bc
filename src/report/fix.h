/* The corrective SQL of one instance. */
#ifndef KSD_REPORT_FIX_H
#define KSD_REPORT_FIX_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_infer.h"

/* The corrective script; `connect` adds a psql \connect to a named database.
 * Nothing is written when the instance has no fix. */
void fix_write(FILE *out, const char *input, const struct ksd_instance *in, bool connect);
/* The same script without \connect, malloc'd; NULL when no fix. */
char *fix_string(const char *input, const struct ksd_instance *in);

#endif
