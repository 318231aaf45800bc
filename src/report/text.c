/* The human report: one screen per Kinto instance, and with --explain every
 * feature with what was observed and the versions it allows. */
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"
#include "report/drift.h"
#include "report/fix.h"
#include "report/provenance.h"
#include "report/restore.h"
#include "report/timeline.h"
#include "report/text.h"
#include "report/words.h"
#include "report/kinto.h"
#include "report/history.h"

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
		words_vset(set, sizeof(set), bv->candidates);
		fprintf(out, "one of %s\n", set);
	} else if (bv->nearest) {
		words_vset(set, sizeof(set), bv->nearest);
		fprintf(out, "no version matches; nearest %s (%u contradiction%s)\n", set,
		        bv->ncontradictions, bv->ncontradictions == 1 ? "" : "s");
	} else {
		fputs("unknown\n", out);
	}
	if (bv->candidates && bv->candidates != KSD_VBIT(bv->version)) {
		words_vset(set, sizeof(set), bv->candidates);
		fprintf(out, "%-12s %s\n", "", set);
	}
}

static void metadata_line(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_backend_verdict *st = &in->storage;
	fprintf(out, "%-12s %s", "metadata", words_meta_name(in->meta));
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

/* "attachment 2, other '2.x'": each plugin's name and the version Kinto
 * reads (1 without a row), the raw value when it is not a number; with the
 * data read, what a known plugin's rows say. */
static void plugins_line(FILE *out, const struct ksd_instance *in)
{
	if (!in->nplugins)
		return;
	fprintf(out, "%-12s ", "plugins");
	for (size_t k = 0; k < in->nplugins; k++) {
		const struct ksd_plugin *p = &in->plugins[k];
		fputs(k ? ", " : "", out);
		ksd_fput_safe_n(out, p->row, p->name_len);
		if (p->recorded > 0) {
			fprintf(out, " %d", p->recorded);
		} else if (p->recorded == 0) {
			fputs(" 1 (no version row)", out);
		} else if (p->recorded_value) {
			fputs(" '", out);
			ksd_fput_safe(out, p->recorded_value);
			putc('\'', out);
		} else {
			fputs(" NULL", out);
		}
		char data[WORDS_PLUGIN_MAX], kinto[WORDS_PLUGIN_MAX];
		words_plugin_data(data, sizeof(data), p);
		words_plugin_kinto(kinto, sizeof(kinto), p);
		if (data[0])
			fprintf(out, " (%s; Kinto %s)", data, kinto);
	}
	putc('\n', out);
}

/* The rows that narrowed what the schema allows, named. */
static void row_evidence(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_twin *tw = &in->schema->twin;
	if (!tw->found)
		return;
	char v[96];
	words_vset(v, sizeof(v), ksd_twin_excludes);
	fputs("rows         a deleted row has a twin in records: id '", out);
	ksd_fput_safe(out, tw->id);
	fputs("', parent_id '", out);
	ksd_fput_safe(out, tw->parent_id);
	fputs("', collection_id '", out);
	ksd_fput_safe(out, tw->collection_id);
	fprintf(out, "'; rules out %s%s\n", v,
	        in->twin_narrowed ? "" : " (the schema already did)");
}

static void explain(FILE *out, const struct ksd_instance *in, const struct ksd_report_opts *o)
{
	row_evidence(out, in);
	fputs("features     (observed; versions that have it; versions it allows)\n", out);
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		const struct ksd_backend_verdict *bv =
		    f->backend == KSD_STORAGE ? &in->storage : &in->permission;
		if (!bv->present || f->backend == KSD_CACHE)
			continue;
		ksd_vset allows = in->allows[i];
		int v = bv->version ? bv->version : 0;
		ksd_vset judge = v ? KSD_VBIT(v) : bv->candidates ? bv->candidates : bv->nearest;
		bool bad = in->obs[i] != KSD_OBS_UNKNOWN && (allows & judge) != judge;
		char expect[96], allowed[96];
		words_vset(expect, sizeof(expect), f->expect);
		words_vset(allowed, sizeof(allowed), allows);
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

/* A labelled line of the report, when there is something to say. */
static void line(FILE *out, const char *label, const char *words)
{
	if (!words[0])
		return;
	fprintf(out, "%-12s ", label);
	ksd_fput_safe(out, words);
	putc('\n', out);
}

void text_report(FILE *out, const char *input, const struct ksd_instance *in,
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
	plugins_line(out, in);
	fprintf(out, "%-12s ", "verdict");
	color(out, o,
	      in->verdict == KSD_VERDICT_OK    ? GREEN
	      : in->verdict == KSD_VERDICT_FIX ? YELLOW
	                                       : RED);
	char verdict[96];
	words_verdict(verdict, sizeof(verdict), in->verdict, in->dump);
	fputs(verdict, out);
	color(out, o, RESET);
	putc('\n', out);
	/* Each fits the largest; each is cut where it always was. */
	char words[WORDS_KINTO_MAX];
	_Static_assert(WORDS_KINTO_MAX >= WORDS_REASON_MAX && WORDS_KINTO_MAX >= WORDS_NOTES_MAX &&
	                   WORDS_KINTO_MAX >= WORDS_HISTORY_MAX,
	               "the words buffer holds every kind");
	words_reason(words, WORDS_REASON_MAX, &in->reason);
	line(out, "why", words);
	for (size_t i = 0; i < in->ncontradictions; i++) {
		char buf[512];
		words_contradiction(buf, sizeof(buf), in, in->contradiction[i]);
		fprintf(out, "%-12s ", i ? "" : "contradicts");
		color(out, o, RED);
		ksd_fput_safe(out, buf);
		color(out, o, RESET);
		putc('\n', out);
	}
	words_history(words, WORDS_HISTORY_MAX, &in->history);
	line(out, "history", words);
	words_kinto(words, sizeof(words), &in->prediction);
	line(out, "Kinto would", words);
	words_kinto(words, sizeof(words), &in->after_fix);
	line(out, "after fix", words);
	words_notes(words, sizeof(words), in);
	line(out, "notes", words);
	provenance_text(out, in->dump, o->explain);
	restore_text(out, in->dump, in->restore);
	drift_text(out, in, o->explain);
	if (o->explain)
		explain(out, in, o);
	if (o->explain)
		timeline_text(out, in);
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
