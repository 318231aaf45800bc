/* From a catalog to what the user sees: the --list catalog dump, and the
 * analysis (inference + text / JSON / SQL report). */
#ifndef KSD_REPORT_H
#define KSD_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_catalog.h"

enum ksd_output_format { KSD_OUT_TEXT, KSD_OUT_JSON };

struct ksd_report_opts {
	enum ksd_output_format format;
	bool sql_only;      /* --sql: only the corrective script */
	bool explain;       /* --explain: every feature, observed vs expected */
	int assume_version; /* --assume-version N, 0 when not given */
	bool color;         /* colour the text report */
};

/* --list: every database, schema, table... in the catalog. With `toc`,
 * the archive's TOC entries pg_restore -l style instead. */
void ksd_list_catalog(FILE *out, const char *input, const struct ksd_catalog *cat);
void ksd_list_toc(FILE *out, const char *input, const struct ksd_catalog *cat);

/* Infers, diagnoses and reports every Kinto instance in the catalog. Returns
 * the worst exit code of its instances (KSD_EXIT_OK, _FIX or _UNDETERMINED). */
int ksd_analyse(FILE *out, const char *input, const struct ksd_catalog *cat,
                const struct ksd_report_opts *opts);

/* The status ksd_analyse returns, without a report: --list exits with it,
 * so that every form gives one answer. */
int ksd_verdict_status(const struct ksd_catalog *cat, const struct ksd_report_opts *opts);

/* --versions: the table of schema versions, releases and changes. */
void ksd_print_versions(FILE *out);

/* Writes `s` for a human: control bytes and terminal escapes become visible
 * escapes (\n, \x1b...), so nothing from a dump can drive the terminal. */
void ksd_fput_safe(FILE *out, const char *s);
/* Writes `s` as a JSON string literal, quotes included; NULL as null. */
void ksd_fput_json(FILE *out, const char *s);
/* The same for the first `len` bytes of `s`, a prefix of a string. */
void ksd_fput_safe_n(FILE *out, const char *s, size_t len);
void ksd_fput_json_n(FILE *out, const char *s, size_t len);

#endif
