/* What Kinto >= 12 runs at start-up on a restored database, as data: from the
 * version it reads and the true one, the steps it runs, re-runs or skips, the
 * first to fail and why (an index it creates already there, not Kinto's,
 * among them). The facts about steps live in steps.c. */
#include <stddef.h>

#include "infer/drift.h"
#include "infer/predict.h"
#include "infer/infer.h"
#include "ksd_infer.h"

/* 006->007 renames KSD_DELETED_INDEX, which the fingerprints expect in
 * every version that has it: only the observation (missing_deleted_index)
 * tells a fresh install without it. */
#define RENAMES_DELETED_INDEX 6

/* G < T: the steps re-run up to the first that fails, by the facts of
 * re-runs or for lack of what it needs as the earlier re-runs left it
 * (015->016 drops collection_timestamp, which only 014->015 makes again). */
static void rerun(const struct ksd_instance *in, struct ksd_storage_run *out)
{
	const struct ksd_step_need *n;
	int unmet = ksd_run_unmet(out->from, out->truth, in->obs, &n);
	for (int step = out->from; step < out->truth; step++) {
		const struct ksd_rerun *r = ksd_rerun_step(step);
		if ((r && (r->fails & KSD_VBIT(out->truth))) || step + 1 == unmet) {
			out->fails = step;
			out->cause = KSD_CAUSE_LATER_SCHEMA;
			return;
		}
		if (r && (r->damages & KSD_VBIT(out->truth)))
			out->damages |= KSD_VBIT(step);
	}
}

/* The first step from G+1 (T unknown: on the schema as observed) that
 * lacks what it needs fails; `plain` words its cause where the run names
 * the skipped steps, else the need's `unlisted` cause when it has one. */
static void unmet(const struct ksd_instance *in, bool plain, struct ksd_storage_run *out)
{
	const struct ksd_step_need *n = NULL;
	int k = ksd_run_unmet(out->from, out->truth, in->obs, &n);
	if (!k)
		return;
	out->fails = k - 1;
	out->cause = plain || !n->unlisted ? n->cause : n->unlisted;
	if (out->cause == KSD_CAUSE_MISSING)
		out->missing = n->feature;
}

/* G > T: the steps G+1.. run until one lacks what it needs; when none
 * does, T+1..G were skipped, only COLLATE "C" when their repairs say so. */
static void skip(const struct ksd_instance *in, struct ksd_storage_run *out)
{
	unmet(in, false, out);
	if (out->fails) {
		out->run = out->fails == out->from ? KSD_RUN_FAIL_FIRST : KSD_RUN_FAIL_LATER;
		return;
	}
	out->run = KSD_RUN_SKIP_COLLATION;
	for (int k = out->truth + 1; k <= out->from; k++)
		if (!(ksd_steps[k].repair &
		      (KSD_REPAIR_COLLATE_OBJECTS | KSD_REPAIR_COLLATE_TIMESTAMPS)))
			out->run = KSD_RUN_SKIP;
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

void ksd_predict_storage(const struct ksd_instance *in, enum ksd_version_read read, int from,
                         int truth, struct ksd_storage_run *out)
{
	*out = (struct ksd_storage_run){.read = read, .from = from, .truth = truth};
	if (from < 1 || from > KSD_STORAGE_MAX)
		return;
	if (truth == 0) {
		out->run = KSD_RUN_UNDESCRIBED;
		unmet(in, true, out);
	} else if (from == truth) {
		out->run = truth == KSD_STORAGE_MAX ? KSD_RUN_UP_TO_DATE : KSD_RUN_FORWARD;
		if (out->run == KSD_RUN_FORWARD && in->missing_deleted_index) {
			out->fails = RENAMES_DELETED_INDEX;
			out->cause = KSD_CAUSE_NO_DELETED_INDEX;
		}
	} else if (from < truth) {
		out->run = KSD_RUN_RERUN;
		rerun(in, out);
	} else {
		skip(in, out);
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
		enum ksd_version_read read = ksd_read_storage(in, &st->reads);
		ksd_predict_storage(in, read, st->reads, st->version, &p->storage);
	}
	if (pm->present && pm->version > 0) {
		pm->reads = ksd_read_permission(in);
		ksd_predict_permission(pm->reads, pm->version, &p->permission);
	}
	/* After the fix Kinto reads the version it records (after a repair, the
	 * one it already reads, now true), the permission version is right and
	 * the tombstone index exists. */
	int fixed = in->history.found ? in->history.target : st->version;
	in->after_fix = (struct ksd_prediction){.storage.read = KSD_READ_NONE};
	if (in->fix && p->storage.read != KSD_READ_NONE && fixed > 0) {
		struct ksd_instance done = *in;
		done.missing_deleted_index = false;
		ksd_predict_storage(&done, KSD_READ_RECORDED, fixed, fixed, &in->after_fix.storage);
	}
}
