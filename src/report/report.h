/* Shared by the analysis reports: text, JSON Lines and the SQL fix. */
#ifndef KSD_REPORT_INTERNAL_H
#define KSD_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_infer.h"
#include "ksd_report.h"

const char *report_meta_name(enum ksd_meta_state m);
const char *report_status_name(enum ksd_verdict v);
/* "1-3, 7" */
void report_vset(char *buf, size_t cap, ksd_vset s);
/* One contradiction: "<feature>: absent, expected in 18-26". */
void report_contradiction(char *buf, size_t cap, const struct ksd_instance *in, size_t feature);
/* Indexes of every feature contradicting the nearest versions, for instances
 * no version describes; returns the count (0 otherwise). */
size_t report_contradictions(const struct ksd_instance *in, size_t *idx, size_t max);

/* The corrective script; `connect` adds a psql \connect to a named database.
 * Nothing is written when the instance has no fix. */
void fix_write(FILE *out, const char *input, const struct ksd_instance *in, bool connect);
/* The same script without \connect, malloc'd; NULL when no fix. */
char *fix_string(const char *input, const struct ksd_instance *in);
/* A quoted identifier; the instance's metadata table. */
void fix_ident(FILE *out, const char *name);
void fix_table(FILE *out, const struct ksd_instance *in);
/* The repair of a wrong-base migration: first the check that the database
 * is the one in the dump, then the statements. */
void repair_checks(FILE *out, const struct ksd_instance *in);
void repair_write(FILE *out, const struct ksd_instance *in);
/* `s` for a `--` SQL comment: printable text only, never a line break. */
void fix_comment(FILE *out, const char *s);

/* A wrong-base migration: the PostgreSQL error of a failing step; the
 * history in words; the JSON `history` value (null when none). */
const char *report_step_error(enum ksd_step_error e);
void report_history(FILE *out, const struct ksd_history *h);
void report_history_json(FILE *out, const struct ksd_history *h);

void report_text(FILE *out, const char *input, const struct ksd_instance *in,
                 const struct ksd_report_opts *opts);
void report_json(FILE *out, const char *input, const struct ksd_instance *in);

#endif
