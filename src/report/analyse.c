/* The analysis entry point: every Kinto instance of a catalog, judged and
 * reported in the chosen form; the exit status is the worst verdict. */
#include <stdlib.h>

#include "ksd_err.h"
#include "ksd_report.h"
#include "report/fix.h"
#include "report/provenance.h"
#include "report/restore.h"
#include "report/sqltext.h"
#include "report/json.h"
#include "report/text.h"
#include "report/words.h"

static void none_found(FILE *out, const char *input, const struct ksd_catalog *cat,
                       const struct ksd_report_opts *opts)
{
	const char *why = cat->any_ddl_seen || cat->any_data_seen
	                      ? "no Kinto tables or Kinto metadata rows in this dump"
	                      : "no table definitions or data in this dump";
	if (opts->sql_only) {
		fputs("-- no fix for '", out);
		sql_comment(out, input);
		fprintf(out, "': %s\n", why);
	} else if (opts->format == KSD_OUT_JSON) {
		fputs("{\"input\": ", out);
		ksd_fput_json(out, input);
		fputs(", \"database\": null, \"schema\": null, \"storage\": null, "
		      "\"permission\": null, \"metadata\": null, \"status\": \"undetermined\", "
		      "\"contradictions\": [], \"fix\": null",
		      out);
		provenance_json(out, cat);
		restore_json(out, cat);
		fprintf(out, ", \"reason\": \"%s\"}\n", why);
	} else {
		char verdict[96];
		words_verdict(verdict, sizeof(verdict), KSD_VERDICT_UNDETERMINED, cat);
		ksd_fput_safe(out, input);
		fprintf(out, ": %s\nverdict      %s\n", why, verdict);
		provenance_text(out, cat, opts->explain);
		restore_text(out, cat);
	}
}

static int status_of(const struct ksd_instance *in)
{
	return in->verdict == KSD_VERDICT_OK    ? KSD_EXIT_OK
	       : in->verdict == KSD_VERDICT_FIX ? KSD_EXIT_FIX
	                                        : KSD_EXIT_UNDETERMINED;
}

int ksd_verdict_status(const struct ksd_catalog *cat, const struct ksd_report_opts *opts)
{
	struct ksd_instance *in;
	size_t n;
	if (!ksd_infer_catalog(cat, opts->assume_version, &in, &n)) {
		fputs("kinto-schema-doctor: error: out of memory during the analysis\n", stderr);
		return KSD_EXIT_UNDETERMINED;
	}
	int status = n ? KSD_EXIT_OK : KSD_EXIT_UNDETERMINED;
	for (size_t i = 0; i < n; i++)
		if (status_of(&in[i]) > status)
			status = status_of(&in[i]);
	free(in);
	return status;
}

int ksd_analyse(FILE *out, const char *input, const struct ksd_catalog *cat,
                const struct ksd_report_opts *opts)
{
	struct ksd_instance *in;
	size_t n;
	if (!ksd_infer_catalog(cat, opts->assume_version, &in, &n)) {
		fputs("kinto-schema-doctor: error: out of memory during the analysis\n", stderr);
		return KSD_EXIT_UNDETERMINED;
	}
	if (n == 0) {
		none_found(out, input, cat, opts);
		return KSD_EXIT_UNDETERMINED;
	}
	int status = KSD_EXIT_OK;
	/* The fix goes to psql: the entries an incomplete archive lacks are
	 * named in a comment. */
	if (opts->sql_only)
		restore_missing_text(out, cat, "-- missing: ", sql_comment);
	for (size_t i = 0; i < n; i++) {
		int s = status_of(&in[i]);
		if (s > status)
			status = s;
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
		} else {
			if (i)
				putc('\n', out);
			text_report(out, input, &in[i], opts);
		}
	}
	free(in);
	return status;
}
