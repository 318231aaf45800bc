/* JSON Lines: one object per Kinto instance. Fields:
 *   input, database (null for a single-database dump), schema;
 *   storage / permission (null when the instance has none):
 *     version     the version the fix records (null when not certain),
 *     candidates  versions no observed feature contradicts,
 *     nearest     when there are none: the versions with fewest contradictions,
 *     recorded    Kinto's reading of the rows (highest by LPAD(value,3,'0'));
 *                 for storage without rows but with created_at, 1 as Kinto assumes;
 *                 null when there is no row or the top value is not a number,
 *     recorded_value  that top row's text, reads  the version Kinto would start
 *                 from after a restore (storage: 20 when it guesses; null when its
 *                 query fails), assumed  from --assume-version,
 *     releases    the releases that shipped the version (storage) or candidates;
 *   metadata: intact | flushed | wrong | no-created-at | missing-table | not-dumped;
 *   created_at, duplicates, garbage: what the metadata rows hold;
 *   plugins: each `<name>_schema_version` row's plugin but storage and
 *     permission: name, recorded (as for storage; null when not a number),
 *     recorded_value;
 *   status: ok | fix-needed | undetermined;  reason;  kinto: what Kinto would do;
 *   kinto_after_fix: what Kinto does once the fix has run (null without one);
 *   contradictions: every feature contradicting the nearest versions;
 *   notes: [str];  history: how migrations from a wrong base made the
 *   schema (origin, assumed, applied, failed, error, lost, restamped), or
 *   null;
 *   drift: [{kind, name, table, what}] (extra | changed | missing),
 *   drift_truncated, other_tables: [str] (see report/drift.c);
 *   fix: the SQL script or null. */
#include <inttypes.h>
#include <stdlib.h>

#include "ksd_report.h"
#include "report/drift.h"
#include "report/fix.h"
#include "report/inventory.h"
#include "report/json.h"
#include "report/provenance.h"
#include "report/restore.h"
#include "report/timeline.h"
#include "report/words.h"
#include "report/kinto.h"
#include "report/history.h"

static void int_or_null(FILE *out, int v)
{
	if (v > 0)
		fprintf(out, "%d", v);
	else
		fputs("null", out);
}

static void vset(FILE *out, ksd_vset s)
{
	putc('[', out);
	bool first = true;
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (s & KSD_VBIT(v)) {
			fprintf(out, first ? "%d" : ", %d", v);
			first = false;
		}
	putc(']', out);
}

static void releases(FILE *out, const struct ksd_backend_verdict *bv, bool storage)
{
	char buf[1024] = "";
	size_t len = 0;
	ksd_vset s = bv->version ? KSD_VBIT(bv->version) : bv->candidates;
	for (int v = 1; v <= KSD_STORAGE_MAX && len + 1 < sizeof(buf); v++) {
		if (!(s & KSD_VBIT(v)))
			continue;
		const char *r = storage ? ksd_storage_releases(v) : ksd_permission_releases(v);
		int n = snprintf(buf + len, sizeof(buf) - len, "%s%s", len ? "; " : "", r ? r : "");
		if (n < 0)
			break;
		len += (size_t)n;
	}
	ksd_fput_json(out, buf[0] ? buf : NULL);
}

static void backend(FILE *out, const struct ksd_instance *in, const struct ksd_backend_verdict *bv,
                    bool storage)
{
	if (!bv->present) {
		fputs("null", out);
		return;
	}
	fputs("{\"version\": ", out);
	int_or_null(out, bv->version);
	fputs(", \"candidates\": ", out);
	vset(out, bv->candidates);
	fputs(", \"nearest\": ", out);
	vset(out, bv->candidates ? 0 : bv->nearest);
	fputs(", \"recorded\": ", out);
	int rec = bv->recorded;
	if (storage && bv->rows == 0 && in->created_at)
		rec = 1;
	int_or_null(out, rec);
	fputs(", \"recorded_value\": ", out);
	ksd_fput_json(out, bv->recorded_value);
	fputs(", \"reads\": ", out);
	int_or_null(out, bv->reads);
	fprintf(out, ", \"assumed\": %s, \"releases\": ", bv->assumed ? "true" : "false");
	releases(out, bv, storage);
	putc('}', out);
}

/* What Kinto reads and does, and for a known plugin whose rows were read,
 * the version its data is at and whether the recorded one agrees. */
static void plugin_data(FILE *out, const struct ksd_plugin *p)
{
	fputs(", \"reads\": ", out);
	int_or_null(out, p->reads);
	fputs(", \"current\": ", out);
	int_or_null(out, p->current);
	bool known = p->data_known && p->current;
	fputs(", \"data_version\": ", out);
	int_or_null(out, known ? p->data_version : 0);
	fputs(", \"unmoved_rows\": ", out);
	if (known)
		fprintf(out, "%" PRIu64, p->unmoved);
	else
		fputs("null", out);
	fprintf(out, ", \"agrees\": %s",
	        !known || !p->data_version    ? "null"
	        : p->data_version == p->reads ? "true"
	                                      : "false");
	char kinto[WORDS_PLUGIN_MAX];
	words_plugin_kinto(kinto, sizeof(kinto), p);
	fputs(", \"kinto\": ", out);
	ksd_fput_json(out, kinto[0] ? kinto : NULL);
}

/* [{"name", "recorded", "recorded_value", "reads", "current", "data_version",
 * "unmoved_rows", "agrees", "kinto"}] for each plugin. */
static void plugins(FILE *out, const struct ksd_instance *in)
{
	putc('[', out);
	for (size_t k = 0; k < in->nplugins; k++) {
		const struct ksd_plugin *p = &in->plugins[k];
		fputs(k ? ", {\"name\": " : "{\"name\": ", out);
		ksd_fput_json_n(out, p->row, p->name_len);
		fputs(", \"recorded\": ", out);
		int_or_null(out, p->recorded);
		fputs(", \"recorded_value\": ", out);
		ksd_fput_json(out, p->recorded_value);
		plugin_data(out, p);
		putc('}', out);
	}
	putc(']', out);
}

/* [{"rows", "id", "parent_id", "collection_id", "rules_out", "narrowed"}]:
 * the rows that narrowed what the schema allows. */
static void evidence(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_twin *tw = &in->schema->twin;
	if (!tw->found) {
		fputs("[]", out);
		return;
	}
	fputs("[{\"rows\": \"deleted-twin-in-records\", \"id\": ", out);
	ksd_fput_json(out, tw->id);
	fputs(", \"parent_id\": ", out);
	ksd_fput_json(out, tw->parent_id);
	fputs(", \"collection_id\": ", out);
	ksd_fput_json(out, tw->collection_id);
	fputs(", \"rules_out\": ", out);
	vset(out, ksd_twin_excludes);
	fprintf(out, ", \"narrowed\": %s}]", in->twin_narrowed ? "true" : "false");
}

/* How migrations from a wrong base made the schema; null when they did not. */
/* A JSON array being written: items after the first get a comma. */
struct list {
	FILE *out;
	bool first;
};

static void list_item(const char *words, void *ctx)
{
	struct list *l = ctx;
	if (!l->first)
		fputs(", ", l->out);
	ksd_fput_json(l->out, words);
	l->first = false;
}

static void history(FILE *out, const struct ksd_history *h)
{
	if (!h->found) {
		fputs("null", out);
		return;
	}
	int single = h->origin & (h->origin - 1) ? 0 : ksd_vset_lowest(h->origin);
	fputs("{\"origin\": {\"version\": ", out);
	int_or_null(out, single);
	fputs(", \"candidates\": ", out);
	vset(out, h->origin);
	fprintf(out, "}, \"assumed\": %d, \"applied\": ", h->assumed);
	vset(out, KSD_VRANGE(h->assumed + 1, h->top));
	fputs(", \"failed\": ", out);
	int_or_null(out, h->failed);
	fputs(", \"error\": ", out);
	ksd_fput_json(out, h->failed ? words_error(h->cause) : NULL);
	fputs(", \"missing\": ", out);
	ksd_fput_json(out, h->failed && h->cause == KSD_CAUSE_MISSING ? h->missing : NULL);
	fputs(", \"lost\": ", out);
	int_or_null(out, h->lost);
	fputs(", \"restamped\": ", out);
	int_or_null(out, h->restamped);
	putc('}', out);
}

void json_report(FILE *out, const char *input, const struct ksd_instance *in)
{
	fputs("{\"input\": ", out);
	ksd_fput_json(out, input);
	fputs(", \"database\": ", out);
	ksd_fput_json(out, in->db->name);
	fputs(", \"schema\": ", out);
	ksd_fput_json(out, in->schema->name);
	fputs(", \"storage\": ", out);
	backend(out, in, &in->storage, true);
	fputs(", \"permission\": ", out);
	backend(out, in, &in->permission, false);
	fprintf(out,
	        ", \"metadata\": \"%s\", \"created_at\": %s, \"duplicates\": %zu, "
	        "\"garbage\": %zu, \"status\": \"%s\"",
	        words_meta_name(in->meta), in->created_at ? "true" : "false", in->duplicates,
	        in->garbage, words_status_name(in->verdict));
	fputs(", \"plugins\": ", out);
	plugins(out, in);
	inventory_json(out, in);
	fputs(", \"evidence\": ", out);
	evidence(out, in);
	fputs(", \"reason\": ", out);
	char reason[WORDS_REASON_MAX];
	words_reason(reason, sizeof(reason), &in->reason);
	ksd_fput_json(out, reason[0] ? reason : NULL);
	fputs(", \"kinto\": ", out);
	char kinto[WORDS_KINTO_MAX];
	words_kinto(kinto, sizeof(kinto), &in->prediction);
	ksd_fput_json(out, kinto[0] ? kinto : NULL);
	fputs(", \"kinto_after_fix\": ", out);
	words_kinto(kinto, sizeof(kinto), &in->after_fix);
	ksd_fput_json(out, kinto[0] ? kinto : NULL);
	fputs(", \"contradictions\": [", out);
	for (size_t i = 0; i < in->ncontradictions; i++) {
		char buf[512];
		words_contradiction(buf, sizeof(buf), in, in->contradiction[i]);
		if (i)
			fputs(", ", out);
		ksd_fput_json(out, buf);
	}
	fputs("], \"notes\": [", out);
	struct list notes = {out, true};
	words_each_note(in, list_item, &notes);
	fputs("], \"history\": ", out);
	history(out, &in->history);
	provenance_json(out, in->dump);
	restore_json(out, in->dump, in->restore);
	timeline_json(out, in);
	drift_json(out, in);
	fputs(", \"fix\": ", out);
	char *fix = fix_string(input, in);
	ksd_fput_json(out, fix);
	free(fix);
	fputs("}\n", out);
}
