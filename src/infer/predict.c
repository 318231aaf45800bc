/* What Kinto >= 12 runs at start-up on a restored database, as data: from the
 * version it reads and the true one, the steps it runs, re-runs or skips, the
 * first to fail and why (an index it creates already there, not Kinto's,
 * among them). The facts about steps live in steps.c. */
#include <stddef.h>

#include "infer/drift.h"
#include "infer/predict.h"
#include "ksd_infer.h"

/* 006->007 renames KSD_DELETED_INDEX; 022->023 indexes objects.deleted. */
#define RENAMES_DELETED_INDEX 6
#define NEEDS_DELETED_COLUMN  22

/* G < T: the steps re-run up to the first that fails. */
static void rerun(struct ksd_storage_run *out)
{
	for (int step = out->from; step < out->truth; step++) {
		const struct ksd_rerun *r = ksd_rerun_step(step);
		if (r && (r->fails & KSD_VBIT(out->truth))) {
			out->fails = step;
			out->cause = KSD_CAUSE_LATER_SCHEMA;
			return;
		}
		if (r && (r->damages & KSD_VBIT(out->truth)))
			out->damages |= KSD_VBIT(step);
	}
}

/* G > T: the first rule of the table that holds the pair. */
static void skip(struct ksd_storage_run *out)
{
	out->run = KSD_RUN_SKIP;
	for (size_t i = 0; i < ksd_nskips; i++) {
		const struct ksd_skip *k = &ksd_skips[i];
		if ((k->truths & KSD_VBIT(out->truth)) && (k->froms & KSD_VBIT(out->from))) {
			out->run = k->run;
			out->fails = k->fails;
			const struct ksd_step_need *n =
			    k->fails ? ksd_step_unmet(k->fails + 1, out->truth) : NULL;
			bool listed = k->run != KSD_RUN_FAIL_FIRST && k->run != KSD_RUN_FAIL_LATER;
			if (n)
				out->cause = listed || !n->unlisted ? n->cause : n->unlisted;
			return;
		}
	}
}

/* A step Kinto runs that creates a relation of a name the schema already
 * gives to something not Kinto's fails there, unless an earlier one fails. */
static void clash(const struct ksd_instance *in, struct ksd_storage_run *out)
{
	if (out->run == KSD_RUN_NONE || out->run == KSD_RUN_UP_TO_DATE ||
	    out->run == KSD_RUN_FAIL_FIRST)
		return;
	for (int k = out->from + 1; k <= KSD_STORAGE_MAX && (!out->fails || k <= out->fails); k++) {
		const char *name = drift_clash(in, ksd_steps[k].creates);
		if (name) {
			out->fails = k - 1;
			out->cause = KSD_CAUSE_EXISTS;
			out->clash = name;
			return;
		}
	}
}

void ksd_predict_storage(const struct ksd_instance *in, enum ksd_read read, int from, int truth,
                         struct ksd_storage_run *out)
{
	*out = (struct ksd_storage_run){.read = read, .from = from, .truth = truth};
	if (from < 1 || from > KSD_STORAGE_MAX)
		return;
	if (truth == 0) {
		const struct ksd_table *o = ksd_schema_table(in->schema, "objects");
		out->run = KSD_RUN_UNDESCRIBED;
		if (o && !ksd_table_column(o, "deleted") && from <= NEEDS_DELETED_COLUMN) {
			out->fails = NEEDS_DELETED_COLUMN;
			out->cause = KSD_CAUSE_NO_DELETED_COLUMN;
		}
	} else if (from == truth) {
		out->run = truth == KSD_STORAGE_MAX ? KSD_RUN_UP_TO_DATE : KSD_RUN_FORWARD;
		if (out->run == KSD_RUN_FORWARD && in->missing_deleted_index) {
			out->fails = RENAMES_DELETED_INDEX;
			out->cause = KSD_CAUSE_NO_DELETED_INDEX;
		}
	} else if (from < truth) {
		out->run = KSD_RUN_RERUN;
		rerun(out);
	} else {
		skip(out);
	}
	clash(in, out);
}

void ksd_predict_permission(int from, int truth, struct ksd_permission_run *out)
{
	*out = (struct ksd_permission_run){.from = from, .truth = truth};
	if (from && from != truth)
		out->run = from < truth ? KSD_RUN_RERUN : KSD_RUN_SKIP;
}

void predict_instance(struct ksd_instance *in)
{
	struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	struct ksd_prediction *p = &in->prediction;
	const struct ksd_schema *s = in->schema;
	*p = (struct ksd_prediction){.storage.read = KSD_READ_NONE};
	if (st->present && (ksd_schema_table(s, "records") || ksd_schema_table(s, "objects"))) {
		enum ksd_read read = ksd_read_storage(in, &st->reads);
		ksd_predict_storage(in, read, st->reads, st->version, &p->storage);
	}
	if (pm->present && pm->version > 0) {
		pm->reads = ksd_read_permission(in);
		ksd_predict_permission(pm->reads, pm->version, &p->permission);
	}
	/* After the fix Kinto reads the version it records (after a repair, the
	 * one it already reads, now true), the permission version is right and
	 * the tombstone index exists. */
	int fixed = in->history.found ? in->history.top : st->version;
	in->after_fix = (struct ksd_prediction){.storage.read = KSD_READ_NONE};
	if (in->fix && p->storage.read != KSD_READ_NONE && fixed > 0) {
		struct ksd_instance done = *in;
		done.missing_deleted_index = false;
		ksd_predict_storage(&done, KSD_READ_RECORDED, fixed, fixed, &in->after_fix.storage);
	}
}
