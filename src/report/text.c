/* The human report: one screen per Kinto instance, and with --explain every
 * feature with what was observed and the versions it allows. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define GREEN  "\033[32m"
#define YELLOW "\033[33m"
#define RED    "\033[31m"
#define BOLD   "\033[1m"
#define RESET  "\033[0m"

static void color(FILE *out, const struct ksd_report_opts *o, const char *code)
{
	if (o->color)
		fputs(code, out);
}

static void backend_line(FILE *out, const char *what, const struct ksd_backend_verdict *bv,
                         bool storage)
{
	char set[96];
	fprintf(out, "%-12s ", what);
	if (!bv->present) {
		fputs("none here\n", out);
		return;
	}
	if (bv->version) {
		const char *r = storage ? ksd_storage_releases(bv->version)
		                        : ksd_permission_releases(bv->version);
		fprintf(out, "version %d%s (%s)\n", bv->version, bv->assumed ? ", assumed" : "",
		        r ? r : "");
	} else if (bv->candidates) {
		report_vset(set, sizeof(set), bv->candidates);
		fprintf(out, "one of %s\n", set);
	} else if (bv->nearest) {
		report_vset(set, sizeof(set), bv->nearest);
		fprintf(out, "no version matches; nearest %s (%u contradiction%s)\n", set,
		        bv->ncontradictions, bv->ncontradictions == 1 ? "" : "s");
	} else {
		fputs("unknown\n", out);
	}
	if (bv->candidates && bv->candidates != KSD_VBIT(bv->version)) {
		report_vset(set, sizeof(set), bv->candidates);
		fprintf(out, "%-12s %s\n", "", set);
	}
}

static void metadata_line(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_backend_verdict *st = &in->storage;
	fprintf(out, "%-12s %s", "metadata", report_meta_name(in->meta));
	if (in->meta_table && in->rows_known) {
		if (st->rows) {
			fputs(": Kinto reads '", out);
			ksd_fput_safe(out, st->recorded_value);
			fprintf(out, "' from %zu storage row%s", st->rows,
			        st->rows == 1 ? "" : "s");
		} else if (st->present) {
			fputs(": no storage_schema_version row", out);
		}
		if (st->present)
			fputs(in->created_at ? ", created_at present" : ", no created_at", out);
		if (in->permission.rows) {
			fputs("; permission row '", out);
			ksd_fput_safe(out, in->permission.recorded_value);
			putc('\'', out);
		}
	}
	putc('\n', out);
}

static void explain(FILE *out, const struct ksd_instance *in, const struct ksd_report_opts *o)
{
	fputs("features     (observed; versions that have it; versions it allows)\n", out);
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		const struct ksd_backend_verdict *bv =
		    f->backend == KSD_STORAGE ? &in->storage : &in->permission;
		if (!bv->present)
			continue;
		ksd_vset allows = ksd_feature_allows(f, in->obs[i], in->obs);
		int v = bv->version ? bv->version : 0;
		ksd_vset judge = v ? KSD_VBIT(v) : bv->candidates ? bv->candidates : bv->nearest;
		bool bad = in->obs[i] != KSD_OBS_UNKNOWN && (allows & judge) != judge;
		char expect[96], allowed[96];
		report_vset(expect, sizeof(expect), f->expect);
		report_vset(allowed, sizeof(allowed), allows);
		color(out, o, bad ? RED : "");
		fprintf(out, "  %s %-8s %-70s has %-10s allows %s%s\n", bad ? "!!" : "  ",
		        in->obs[i] == KSD_OBS_PRESENT  ? "present"
		        : in->obs[i] == KSD_OBS_ABSENT ? "absent"
		                                       : "unknown",
		        f->label, expect[0] ? expect : "-", allowed[0] ? allowed : "-",
		        f->tolerate ? " (tolerant)" : "");
		color(out, o, bad ? RESET : "");
	}
}

void report_text(FILE *out, const char *input, const struct ksd_instance *in,
                 const struct ksd_report_opts *o)
{
	color(out, o, BOLD);
	ksd_fput_safe(out, input);
	if (in->db->name) {
		fputs(": database ", out);
		ksd_fput_safe(out, in->db->name);
	}
	fputs(in->db->name ? ", schema " : ": schema ", out);
	ksd_fput_safe(out, in->schema->name);
	color(out, o, RESET);
	putc('\n', out);
	backend_line(out, "storage", &in->storage, true);
	backend_line(out, "permission", &in->permission, false);
	metadata_line(out, in);
	fprintf(out, "%-12s ", "verdict");
	color(out, o,
	      in->verdict == KSD_VERDICT_OK    ? GREEN
	      : in->verdict == KSD_VERDICT_FIX ? YELLOW
	                                       : RED);
	fputs(in->verdict == KSD_VERDICT_OK    ? "consistent (exit 0)"
	      : in->verdict == KSD_VERDICT_FIX ? "fix needed (exit 1)"
	                                       : "undetermined (exit 2)",
	      out);
	color(out, o, RESET);
	putc('\n', out);
	if (in->reason[0]) {
		fprintf(out, "%-12s ", "why");
		ksd_fput_safe(out, in->reason);
		putc('\n', out);
	}
	size_t idx[KSD_MAX_FEATURES];
	size_t n = report_contradictions(in, idx, KSD_MAX_FEATURES);
	for (size_t i = 0; i < n; i++) {
		char buf[512];
		report_contradiction(buf, sizeof(buf), in, idx[i]);
		fprintf(out, "%-12s ", i ? "" : "contradicts");
		color(out, o, RED);
		ksd_fput_safe(out, buf);
		color(out, o, RESET);
		putc('\n', out);
	}
	if (in->history.found) {
		fprintf(out, "%-12s ", "history");
		report_history(out, &in->history);
		putc('\n', out);
	}
	if (in->kinto[0]) {
		fprintf(out, "%-12s ", "Kinto would");
		ksd_fput_safe(out, in->kinto);
		putc('\n', out);
	}
	if (in->notes[0]) {
		fprintf(out, "%-12s ", "notes");
		ksd_fput_safe(out, in->notes);
		putc('\n', out);
	}
	if (o->explain)
		explain(out, in, o);
	if (in->fix) {
		color(out, o, BOLD);
		fputs("fix (also: --sql)", out);
		color(out, o, RESET);
		putc('\n', out);
		char *sql = fix_string(input, in);
		if (sql) {
			/* Shown through the terminal escaper: a quoted name may hold
			 * control bytes, which only --sql writes raw. */
			for (char *line = strtok(sql, "\n"); line; line = strtok(NULL, "\n")) {
				fputs("    ", out);
				ksd_fput_safe(out, line);
				putc('\n', out);
			}
			free(sql);
		}
	}
}
