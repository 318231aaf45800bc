/* Our own SQL for the functions a repair installs
 * (testdata/sql/functions/NAME.sql), embedded at build time by
 * scripts/embed-sql: a repair prints Kinto's objects as our migrations build
 * them, never as a dump showed them. */
#ifndef KSD_REPORT_CANON_H
#define KSD_REPORT_CANON_H

#include <stddef.h>

struct ksd_sql_file {
	const char *name; /* NAME of testdata/sql/functions/NAME.sql */
	const char *text;
};
extern const struct ksd_sql_file ksd_sql_files[];
extern const size_t ksd_nsql_files;

#endif
