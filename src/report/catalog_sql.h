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
/* SQL true when fingerprint row f (a kind ksd_step_guard() picks: a
 * table, a column or its type, a primary key, a constraint, an index)
 * holds; an index is looked for by its name alone. */
void sql_feature(FILE *out, const struct ksd_feature *f);
/* Whether the features query below reads a row of this kind: those of
 * sql_feature(), NOT NULL and collation "C" (not a function's body or a
 * trigger's events). */
bool sql_feature_kind(enum ksd_feature_kind kind);
/* Fingerprint row f as a row of the features query: (label, kind, table,
 * name, the type's pattern). */
void sql_feature_row(FILE *out, const struct ksd_feature *f);
/* The features query of a check, around its rows: 'feature LABEL' and
 * present or missing, each row read as sql_feature() reads it (NOT NULL
 * and the collation too), in the schema whose oid is the block's `ns`. */
extern const char sql_features_live_head[], sql_features_live_tail[];
/* The versions of `rows` as "a,b,c", in order: how the checks render the
 * version rows. */
void sql_version_list(char *buf, size_t cap, ksd_vset rows);

#endif
