/* The report of one dump's result (ksd_infer) in the chosen form: each Kinto
 * instance as text, JSON, JUnit or the SQL fix, or why there is none. */
#include <stdlib.h>

#include "ksd_err.h"
#include "ksd_report.h"
#include "report/fix.h"
#include "report/provenance.h"
#include "report/restore.h"
#include "report/sqltext.h"
#include "report/json.h"
#include "report/junit.h"
#include "report/text.h"
#include "report/words.h"

/* The schemas that hold a table of Kinto's name without Kinto's signature,
 * for JSON: where, the table, Kinto's columns for it and those it has. */
static void not_kinto_json(FILE *out, const struct ksd_not_kinto *nk, size_t n)
{
	fputs(", \"not_kinto\": [", out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", {\"database\": " : "{\"database\": ", out);
		ksd_fput_json(out, nk[i].db->name);
		fputs(", \"schema\": ", out);
		ksd_fput_json(out, nk[i].schema->name);
		fputs(", \"table\": ", out);
		ksd_fput_json(out, nk[i].table);
		for (int has = 0; has < 2; has++) {
			fputs(has ? "], \"has\": [" : ", \"kinto_columns\": [", out);
			const char *sep = "";
			for (unsigned c = 0; nk[i].columns[c]; c++)
				if (!has || (nk[i].has & (1u << c))) {
					fprintf(out, "%s\"%s\"", sep, nk[i].columns[c]);
					sep = ", ";
				}
		}
		fputs("]}", out);
	}
	putc(']', out);
}

/* Why no instance was found: the schemas whose tables only bear Kinto's
 * names, each with its sentence, else the dump holds none of its names. */
static void no_kinto_why(char *why, size_t cap, const struct ksd_catalog *cat,
                         const struct ksd_not_kinto *nk, size_t n, size_t shown)
{
	if (n == 0) {
		snprintf(why, cap, "%s",
		         cat->any_ddl_seen || cat->any_data_seen
		             ? "no Kinto tables or Kinto metadata rows in this dump"
		             : "no table definitions or data in this dump");
		return;
	}
	size_t len = (size_t)snprintf(why, cap, "no Kinto: ");
	for (size_t i = 0; i < shown && len < cap; i++) {
		char one[WORDS_NOT_KINTO_MAX];
		words_not_kinto(one, sizeof(one), &nk[i], true);
		len += (size_t)snprintf(why + len, cap - len, "%s%s", i ? "; " : "", one);
	}
	if (n > shown && len < cap)
		snprintf(why + len, cap - len, "; %zu more schemas like them", n - shown);
}

static void none_found(FILE *out, const char *input, const struct ksd_dump *dump,
                       const struct ksd_catalog *cat, const struct ksd_result *res,
                       const struct ksd_report_opts *opts)
{
	const struct ksd_not_kinto *nk = res->not_kinto;
	size_t n = res->nnot_kinto;
	size_t shown = n < KSD_MAX_NOT_KINTO ? n : KSD_MAX_NOT_KINTO;
	char why[KSD_MAX_NOT_KINTO * WORDS_NOT_KINTO_MAX + 64];
	no_kinto_why(why, sizeof(why), cat, nk, n, shown);
	if (opts->sql_only) {
		fputs("-- no fix for '", out);
		sql_comment(out, input);
		fputs("': ", out);
		sql_comment(out, why);
		putc('\n', out);
	} else if (opts->format == KSD_OUT_JSON) {
		fputs("{\"input\": ", out);
		ksd_fput_json(out, input);
		fputs(", \"database\": null, \"schema\": null, \"storage\": null, "
		      "\"permission\": null, \"metadata\": null, \"status\": \"undetermined\", "
		      "\"contradictions\": [], \"fix\": null",
		      out);
		provenance_json(out, dump);
		restore_json(out, dump, &res->restore);
		fputs(", \"reason\": ", out);
		ksd_fput_json(out, why);
		not_kinto_json(out, nk, shown);
		fputs("}\n", out);
	} else if (opts->format == KSD_OUT_JUNIT) {
		junit_none(opts->junit, why, dump);
	} else {
		char verdict[96];
		words_verdict(verdict, sizeof(verdict), KSD_VERDICT_UNDETERMINED, dump);
		ksd_fput_safe(out, input);
		fputs(": ", out);
		ksd_fput_safe(out, why);
		fprintf(out, "\nverdict      %s\n", verdict);
		provenance_text(out, dump, opts->explain);
		restore_text(out, dump, &res->restore);
	}
}

void ksd_analyse(FILE *out, const char *input, const struct ksd_dump *dump,
                 const struct ksd_catalog *cat, const struct ksd_result *res,
                 const struct ksd_report_opts *opts)
{
	const struct ksd_instance *in = res->in;
	size_t n = res->n;
	if (n == 0) {
		none_found(out, input, dump, cat, res, opts);
		return;
	}
	/* The fix goes to psql: the entries an incomplete archive lacks are
	 * named in a comment. */
	if (opts->sql_only)
		restore_missing_text(out, dump, "-- missing: ", sql_comment);
	for (size_t i = 0; i < n; i++) {
		if (opts->sql_only) {
			if (in[i].fix) {
				fix_write(out, input, &in[i], in[i].db->name != NULL);
			} else {
				fputs("-- no fix for '", out);
				sql_comment(out, input);
				fputs("' schema ", out);
				sql_comment(out, in[i].schema->name);
				fputs(in[i].verdict == KSD_VERDICT_OK ? ": nothing to repair"
				                                      : ": undetermined, ",
				      out);
				if (in[i].verdict != KSD_VERDICT_OK) {
					char reason[WORDS_REASON_MAX];
					words_reason(reason, sizeof(reason), &in[i].reason);
					sql_comment(out, reason);
				}
				putc('\n', out);
			}
		} else if (opts->format == KSD_OUT_JSON) {
			json_report(out, input, &in[i]);
		} else if (opts->format == KSD_OUT_JUNIT) {
			junit_instance(opts->junit, input, &in[i], opts);
		} else {
			if (i)
				putc('\n', out);
			text_report(out, input, &in[i], opts);
		}
	}
}
