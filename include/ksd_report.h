/* From a dump's facts, its catalog and its result (ksd_infer.h) to what the
 * user sees: the --list catalog dump, and the report (text, JSON, JUnit or
 * SQL). The report renders the result; it infers nothing. */
#ifndef KSD_REPORT_H
#define KSD_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "ksd_catalog.h"
#include "ksd_dump.h"
#include "ksd_infer.h"

enum ksd_output_format { KSD_OUT_TEXT, KSD_OUT_JSON, KSD_OUT_JUNIT };

/* The JUnit XML document being built: one testsuite per DUMP, written at the
 * end, since its root carries the totals of every suite. */
struct ksd_junit;

struct ksd_report_opts {
	enum ksd_output_format format;
	bool sql_only;           /* --sql: only the corrective script */
	bool explain;            /* --explain: every feature, observed vs expected */
	int assume_version;      /* --assume-version N, 0 when not given */
	bool color;              /* colour the text report */
	struct ksd_junit *junit; /* KSD_OUT_JUNIT: where the testcases go */
};

/* --list: the dump's format, then every database, schema, table... in the
 * catalog, a schema that is not Kinto's (in `res`) said so. --list --toc:
 * the archive's TOC entries, pg_restore -l style. */
void ksd_list_catalog(FILE *out, const char *input, const struct ksd_dump *dump,
                      const struct ksd_catalog *cat, const struct ksd_result *res);
void ksd_list_toc(FILE *out, const char *input, const struct ksd_dump *dump);

/* Reports every Kinto instance of the result, or why there is none. */
void ksd_analyse(FILE *out, const char *input, const struct ksd_dump *dump,
                 const struct ksd_catalog *cat, const struct ksd_result *res,
                 const struct ksd_report_opts *opts);

/* NULL when out of memory. */
struct ksd_junit *ksd_junit_new(void);
/* Starts the testsuite of the DUMP `input`: ksd_analyse and ksd_junit_error
 * add to it. False when out of memory. */
bool ksd_junit_suite(struct ksd_junit *j, const char *input);
/* An error testcase in the current suite: the DUMP could not be read
 * (`partial`: not all of it, and what was read is analysed too); `msg` says
 * where and why. */
void ksd_junit_error(struct ksd_junit *j, const char *msg, bool partial);
/* Writes the whole document. False when it could not be built (out of
 * memory) or written. */
bool ksd_junit_write(FILE *out, struct ksd_junit *j);
void ksd_junit_free(struct ksd_junit *j);

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
/* Writes `s` as XML character data, fit for an attribute value in double
 * quotes: markup characters as entities, controls and invalid UTF-8 as
 * ksd_fput_safe shows them (XML 1.0 cannot carry most control characters
 * at all), a backslash as itself. With `lines`, for element text, line
 * breaks and tabs are kept. NULL writes nothing. */
void ksd_fput_xml(FILE *out, const char *s, bool lines);

#endif
