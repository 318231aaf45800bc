/* Drift in the text and JSON reports: each object no Kinto release explains
 * (extra, changed, missing) by kind, name and table, and apart from them the
 * tables of the schema that are not Kinto's. Names come from the dump and
 * go through the escapers. */
#include "ksd_report.h"
#include "report/drift.h"
#include "report/words.h"

const char *words_drift_kind(enum ksd_drift_kind k)
{
	static const char *const names[] = {
	    [KSD_DRIFT_TABLE] = "table",           [KSD_DRIFT_COLUMN] = "column",
	    [KSD_DRIFT_CONSTRAINT] = "constraint", [KSD_DRIFT_INDEX] = "index",
	    [KSD_DRIFT_FUNCTION] = "function",     [KSD_DRIFT_TRIGGER] = "trigger",
	};
	return names[k];
}

const char *words_drift_what(enum ksd_drift_what w)
{
	static const char *const names[] = {
	    [KSD_DRIFT_EXTRA] = "extra",
	    [KSD_DRIFT_MISSING] = "missing",
	    [KSD_DRIFT_CHANGED] = "changed",
	};
	return names[w];
}

const char *words_drift_why(enum ksd_drift_what w)
{
	static const char *const why[] = {
	    [KSD_DRIFT_EXTRA] = "no Kinto release creates it",
	    [KSD_DRIFT_MISSING] = "the nearest version has it",
	    [KSD_DRIFT_CHANGED] = "Kinto's name, but no release's definition or body",
	    [KSD_DRIFT_NOT_KINTO] = "not Kinto's, no Kinto storage or permission schema has it",
	};
	return why[w];
}

static size_t count(const struct ksd_instance *in, enum ksd_drift_what what)
{
	size_t n = 0;
	for (size_t i = 0; i < in->ndrift; i++)
		n += in->drift[i].what == what;
	return n;
}

/* "extra index idx_x on objects: why", "table t: why" */
static void text_item(FILE *out, const struct ksd_drift *d)
{
	if (d->what != KSD_DRIFT_NOT_KINTO)
		fprintf(out, "%s ", words_drift_what(d->what));
	fprintf(out, "%s ", words_drift_kind(d->kind));
	if (d->name)
		ksd_fput_safe(out, d->name);
	else
		fputs("(primary key)", out);
	if (d->table) {
		fputs(" on ", out);
		ksd_fput_safe(out, d->table);
	}
	fprintf(out, ": %s\n", words_drift_why(d->what));
}

void drift_text(FILE *out, const struct ksd_instance *in, bool explain)
{
	static const enum ksd_drift_what order[] = {KSD_DRIFT_EXTRA, KSD_DRIFT_CHANGED,
	                                            KSD_DRIFT_MISSING, KSD_DRIFT_NOT_KINTO};
	if (!in->ndrift)
		return;
	fprintf(out, "%-12s ", "drift");
	const char *sep = "";
	for (size_t w = 0; w < sizeof(order) / sizeof(order[0]); w++) {
		size_t n = count(in, order[w]);
		if (!n)
			continue;
		if (order[w] == KSD_DRIFT_NOT_KINTO)
			fprintf(out, "%s%zu table%s not Kinto's", sep, n, n == 1 ? "" : "s");
		else
			fprintf(out, "%s%zu %s", sep, n, words_drift_what(order[w]));
		sep = ", ";
	}
	fprintf(out, "%s%s\n", in->drift_truncated ? ", more not listed" : "",
	        explain ? "" : " (--explain lists them)");
	if (!explain)
		return;
	for (size_t w = 0; w < sizeof(order) / sizeof(order[0]); w++)
		for (size_t i = 0; i < in->ndrift; i++)
			if (in->drift[i].what == order[w]) {
				fprintf(out, "%-12s ", "");
				text_item(out, &in->drift[i]);
			}
}

void drift_json(FILE *out, const struct ksd_instance *in)
{
	fputs(", \"drift\": [", out);
	const char *sep = "";
	for (size_t i = 0; i < in->ndrift; i++) {
		const struct ksd_drift *d = &in->drift[i];
		if (d->what == KSD_DRIFT_NOT_KINTO)
			continue;
		fprintf(out, "%s{\"kind\": \"%s\", \"name\": ", sep, words_drift_kind(d->kind));
		ksd_fput_json(out, d->name);
		fputs(", \"table\": ", out);
		ksd_fput_json(out, d->table);
		fprintf(out, ", \"what\": \"%s\"}", words_drift_what(d->what));
		sep = ", ";
	}
	fprintf(out, "], \"drift_truncated\": %s, \"other_tables\": [",
	        in->drift_truncated ? "true" : "false");
	sep = "";
	for (size_t i = 0; i < in->ndrift; i++)
		if (in->drift[i].what == KSD_DRIFT_NOT_KINTO) {
			fputs(sep, out);
			ksd_fput_json(out, in->drift[i].name);
			sep = ", ";
		}
	putc(']', out);
}
