/* SQL that reads the live catalog of the Kinto schema, found as
 * current_schema(). */
#ifndef KSD_REPORT_CATALOG_SQL_H
#define KSD_REPORT_CATALOG_SQL_H

#include <stdio.h>

#include "ksd_infer.h"

/* The oid of the Kinto schema. */
#define CURRENT_NS                                                                                 \
	"(SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = pg_catalog.current_schema())"

/* `s`, one of our constants, as an SQL string literal. */
void sql_literal(FILE *out, const char *s);
/* SQL true when fingerprint row f (a kind ksd_step_guard() picks: a table,
 * a column or its type, a primary key, a constraint, an index) holds. */
void sql_feature(FILE *out, const struct ksd_feature *f);
/* The versions of `rows` as "a,b,c", in order: how the checks render the
 * version rows. */
void sql_version_list(char *buf, size_t cap, ksd_vset rows);

#endif
