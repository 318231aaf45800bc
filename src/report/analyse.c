/* The analysis entry point: every Kinto instance of a catalog, judged and
 * reported in the chosen form; the exit status is the worst verdict. */
#include <stdlib.h>
#include <string.h>

#include "ksd_err.h"
#include "report.h"

const char *report_meta_name(enum ksd_meta_state m)
{
	static const char *const names[] = {
	    [KSD_META_INTACT] = "intact",
	    [KSD_META_FLUSHED] = "flushed",
	    [KSD_META_WRONG] = "wrong",
	    [KSD_META_NO_CREATED_AT] = "no-created-at",
	    [KSD_META_MISSING_TABLE] = "missing-table",
	    [KSD_META_NOT_DUMPED] = "not-dumped",
	};
	return names[m];
}

const char *report_status_name(enum ksd_verdict v)
{
	return v == KSD_VERDICT_OK ? "ok" : v == KSD_VERDICT_FIX ? "fix-needed" : "undetermined";
}

void report_vset(char *buf, size_t cap, ksd_vset s)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int v = 1; v <= KSD_STORAGE_MAX && len + 1 < cap; v++) {
		if (!(s & KSD_VBIT(v)))
			continue;
		int w = v;
		while (w < KSD_STORAGE_MAX && (s & KSD_VBIT(w + 1)))
			w++;
		int n = w == v ? snprintf(buf + len, cap - len, "%s%d", len ? ", " : "", v)
		        : w == v + 1
		            ? snprintf(buf + len, cap - len, "%s%d, %d", len ? ", " : "", v, w)
		            : snprintf(buf + len, cap - len, "%s%d-%d", len ? ", " : "", v, w);
		if (n < 0 || (size_t)n >= cap - len)
			break;
		len += (size_t)n;
		v = w;
	}
}

void report_contradiction(char *buf, size_t cap, const struct ksd_instance *in, size_t i)
{
	const struct ksd_feature *f = &ksd_features[i];
	char set[96];
	if (in->obs[i] == KSD_OBS_PRESENT) {
		report_vset(set, sizeof(set), ksd_feature_allows(f, KSD_OBS_PRESENT, in->obs));
		snprintf(buf, cap, "%s: present, found only in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set[0] ? set : "(none)");
	} else {
		ksd_vset all = f->backend == KSD_STORAGE ? KSD_STORAGE_ALL : KSD_PERMISSION_ALL;
		report_vset(set, sizeof(set),
		            ~ksd_feature_allows(f, KSD_OBS_ABSENT, in->obs) & all);
		snprintf(buf, cap, "%s: missing, expected in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set);
	}
}

size_t report_contradictions(const struct ksd_instance *in, size_t *idx, size_t max)
{
	bool seen[KSD_MAX_FEATURES] = {false};
	size_t n = 0;
	const struct ksd_backend_verdict *bvs[] = {&in->storage, &in->permission};
	for (int b = 0; b < 2; b++) {
		const struct ksd_backend_verdict *bv = bvs[b];
		if (!bv->present || bv->candidates)
			continue;
		for (int v = 1; v <= KSD_STORAGE_MAX; v++) {
			if (!(bv->nearest & KSD_VBIT(v)))
				continue;
			size_t found[KSD_MAX_FEATURES];
			size_t k = ksd_contradictions(in, b == 0 ? KSD_STORAGE : KSD_PERMISSION, v,
			                              found, KSD_MAX_FEATURES);
			for (size_t j = 0; j < k; j++)
				if (!seen[found[j]] && n < max) {
					seen[found[j]] = true;
					idx[n++] = found[j];
				}
		}
	}
	/* Back to table order, which groups related features. */
	for (size_t a = 1; a < n; a++)
		for (size_t c = a; c > 0 && idx[c - 1] > idx[c]; c--) {
			size_t t = idx[c];
			idx[c] = idx[c - 1];
			idx[c - 1] = t;
		}
	return n;
}

static void none_found(FILE *out, const char *input, const struct ksd_catalog *cat,
                       const struct ksd_report_opts *opts)
{
	const char *why = cat->any_ddl_seen || cat->any_data_seen
	                      ? "no Kinto tables or Kinto metadata rows in this dump"
	                      : "no table definitions or data in this dump";
	if (opts->sql_only) {
		fputs("-- no fix for '", out);
		fix_comment(out, input);
		fprintf(out, "': %s\n", why);
	} else if (opts->format == KSD_OUT_JSON) {
		fputs("{\"input\": ", out);
		ksd_fput_json(out, input);
		fprintf(out,
		        ", \"database\": null, \"schema\": null, \"storage\": null, "
		        "\"permission\": null, \"metadata\": null, \"status\": \"undetermined\", "
		        "\"contradictions\": [], \"fix\": null, \"reason\": \"%s\"}\n",
		        why);
	} else {
		ksd_fput_safe(out, input);
		fprintf(out, ": %s\nverdict      undetermined (exit 2)\n", why);
	}
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
	for (size_t i = 0; i < n; i++) {
		int s = in[i].verdict == KSD_VERDICT_OK    ? KSD_EXIT_OK
		        : in[i].verdict == KSD_VERDICT_FIX ? KSD_EXIT_FIX
		                                           : KSD_EXIT_UNDETERMINED;
		if (s > status)
			status = s;
		if (opts->sql_only) {
			if (in[i].fix) {
				fix_write(out, input, &in[i], in[i].db->name != NULL);
			} else {
				fputs("-- no fix for '", out);
				fix_comment(out, input);
				fputs("' schema ", out);
				fix_comment(out, in[i].schema->name);
				fputs(in[i].verdict == KSD_VERDICT_OK ? ": nothing to repair"
				                                      : ": undetermined, ",
				      out);
				if (in[i].verdict != KSD_VERDICT_OK)
					fix_comment(out, in[i].reason);
				putc('\n', out);
			}
		} else if (opts->format == KSD_OUT_JSON) {
			report_json(out, input, &in[i]);
		} else {
			if (i)
				putc('\n', out);
			report_text(out, input, &in[i], opts);
		}
	}
	free(in);
	return status;
}
