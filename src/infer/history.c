/* How a schema that matches no version got there: migrations that ran from
 * a wrong base. A database really at version V (the origin) is read as
 * version G (20 after a flush, 1 with created_at only, or a value recorded
 * by hand), and steps G+1..top run on it. Above V, steps V+1..G are
 * skipped; below it, steps G+1..top run again over a newer schema. Either
 * way each feature looks as the last of the steps that ran and changed it
 * left it, and as at V otherwise. The origins whose model every
 * observation allows are the candidates; the skipped steps say what a
 * repair must redo. */
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"

/* Whether every observation fits version `origin` with steps assumed+1..top
 * applied over it. */
static bool explains(const enum ksd_obs obs[KSD_MAX_FEATURES], int origin, int assumed, int top)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (f->backend != KSD_STORAGE)
			continue;
		int as = origin;
		for (int k = top; k > assumed && as == origin; k--)
			if (ksd_step_changes(k, f))
				as = k;
		/* A body read from the first of two names present may be the
		 * origin's old helper, which a step installing the new name left
		 * in place. */
		ksd_vset fits = KSD_VBIT(as);
		if (f->kind == KSD_F_BODY && strchr(f->name, '|'))
			fits |= KSD_VBIT(origin);
		if (!(ksd_feature_allows(f, obs[i], obs) & fits))
			return false;
	}
	return true;
}

/* The step after `top`, when the schema lacks what it needs or, re-run,
 * fails on the newer schema. */
static void next_failure(const enum ksd_obs obs[KSD_MAX_FEATURES], struct ksd_history *h)
{
	if (h->top >= KSD_STORAGE_MAX)
		return;
	const struct ksd_rerun *r = h->rerun ? ksd_rerun_step(h->top) : NULL;
	if (r && (r->fails & h->origin) == h->origin) {
		h->failed = h->top + 1;
		h->cause = (h->origin & KSD_VFROM(21)) == h->origin ? KSD_CAUSE_NO_RECORDS
		                                                    : KSD_CAUSE_LATER_SCHEMA;
		return;
	}
	const struct ksd_step *st = &ksd_steps[h->top + 1];
	for (size_t n = 0; n < sizeof(st->needs) / sizeof(st->needs[0]); n++) {
		if (!st->needs[n].feature)
			continue;
		size_t i = ksd_feature_index(st->needs[n].feature);
		if (i < ksd_nfeatures && obs[i] == KSD_OBS_ABSENT) {
			h->failed = h->top + 1;
			h->cause = st->needs[n].cause;
			h->missing = st->needs[n].feature;
			return;
		}
	}
}

/* What redoing steps origin+1..assumed takes, once assumed+1..top ran:
 * after 020->021 renamed the tables, each repair acts on the new names and
 * on what it reads; else a step that changed code only is undone by the
 * code of the target version, and one whose tables no later step changed
 * (but for renaming them) runs its table statements again. */
static void plan_repair(const enum ksd_obs obs[KSD_MAX_FEATURES], int origin, struct ksd_history *h)
{
	bool renamed = h->assumed < 21 && h->top >= 21;
	for (int k = origin + 1; k <= h->assumed; k++) {
		const struct ksd_step *st = &ksd_steps[k];
		size_t reads =
		    st->repair_reads ? ksd_feature_index(st->repair_reads) : ksd_nfeatures;
		bool readable =
		    !st->repair_reads || (reads < ksd_nfeatures && obs[reads] == KSD_OBS_PRESENT);
		enum ksd_repair after;
		size_t guard;
		enum ksd_redo redo = ksd_step_redo(k, h->assumed, h->top, &after);
		if (st->repair && renamed && readable)
			h->repairs |= st->repair;
		else if (st->data_only ||
		         (st->superseded_by > h->assumed && st->superseded_by <= h->top))
			continue;
		else if (redo == KSD_REDO_CODE)
			h->repairs |= KSD_REPAIR_CODE;
		else if (redo == KSD_REDO_TABLES &&
		         (guard = ksd_step_guard(k, h->top)) < ksd_nfeatures) {
			h->repairs |= KSD_REPAIR_REDO | KSD_REPAIR_CODE | after;
			h->redo |= KSD_VBIT(k);
			h->guard[k] = guard;
		} else if (!h->unrepairable)
			h->unrepairable = k;
	}
}

/* After re-runs: what they changed is code (bodies, triggers; every step
 * that would alter a table fails on the newer schema), so the functions
 * and triggers of the lowest origin undo them, and that origin is recorded.
 * Kinto then runs its steps up to any higher candidate, which must be
 * harmless there; else the schema cannot tell which code to put back. */
static void plan_undo(struct ksd_history *h)
{
	int low = ksd_vset_lowest(h->origin);
	for (ksd_vset left = h->origin & (h->origin - 1); left; left &= left - 1) {
		int v = ksd_vset_lowest(left);
		for (int step = low; step < v; step++) {
			const struct ksd_rerun *r = ksd_rerun_step(step);
			if (r && ((r->fails | r->damages) & KSD_VBIT(v))) {
				h->unrepairable = h->assumed + 1;
				return;
			}
		}
	}
	h->target = low;
	h->repairs = KSD_REPAIR_CODE;
	h->lost = ksd_rerun_lost(h->assumed, h->top, h->origin);
}

/* The origins in lo..hi (other than `assumed`) that explain the
 * observations. */
static ksd_vset origins(const enum ksd_obs obs[KSD_MAX_FEATURES], int lo, int hi, int assumed,
                        int top)
{
	ksd_vset found = 0;
	for (int v = lo; v <= hi; v++)
		if (v != assumed && explains(obs, v, assumed, top))
			found |= KSD_VBIT(v);
	return found;
}

/* Where the version rows say Kinto started: rows from 21 without created_at
 * are a flush and a guessed 20; a row over a gap was recorded by hand. The
 * rows under a hand-recorded one were written by steps that really ran, so
 * the last of them is the origin, unless the schema says otherwise. A row
 * recorded one above the truth leaves no gap: each row of the chain is then
 * tried as the recorded one, and the one that explains the schema alone is
 * taken. */
static bool start(const enum ksd_obs obs[KSD_MAX_FEATURES], ksd_vset rows, bool created_at,
                  struct ksd_history *h)
{
	int top = ksd_vset_highest(rows), low = ksd_vset_run_low(rows);
	ksd_vset below = rows & (KSD_VBIT(low) - 1);
	h->top = top;
	if (!created_at && !below && low == 21) {
		h->flushed = true;
		h->assumed = 20;
		h->origin = origins(obs, 1, 19, 20, top);
	} else if (below && top > low) {
		int last = ksd_vset_highest(below);
		h->assumed = low;
		h->origin = origins(obs, last, last, low, top);
		if (!h->origin)
			h->origin = origins(obs, last, low - 1, low, top);
	} else if (!below && top > low) {
		for (int g = low + 1; g < top; g++)
			if (origins(obs, g - 1, g - 1, g, top)) {
				if (h->origin)
					return false; /* two ways: the schema can't tell */
				h->assumed = g;
				h->origin = KSD_VBIT(g - 1);
			}
	}
	/* Else the lowest row was recorded by hand over a chain that starts
	 * there, or a first step failed on it: the origin lies below (steps
	 * skipped) or above (steps re-run). */
	if (!h->origin && !below && !h->flushed && top > 0) {
		h->assumed = low;
		h->origin = origins(obs, 1, low - 1, low, top);
		if (!h->origin) {
			h->origin = origins(obs, top + 1, KSD_STORAGE_MAX, low, top);
			h->rerun = h->origin != 0;
		}
	}
	return h->origin != 0;
}

/* A step that ran and updated every records row while the records trigger
 * was an older one that stamps each row with the clock, whatever it held:
 * the trigger and body as the last step before it that installed them
 * left them, else as the lowest origin had them. */
static void restamps(struct ksd_history *h)
{
	int at = ksd_vset_lowest(h->origin);
	for (int j = h->assumed + 1; j <= h->top && !h->restamped; j++) {
		if (ksd_steps[j].updates_records &&
		    ksd_feature_holds("trigger tgr_records_last_modified", at) &&
		    !ksd_feature_holds(
		        "bump_timestamp keeps a supplied last_modified (IS NULL guard)", at))
			h->restamped = j;
		if (ksd_steps[j].replaces)
			at = j;
	}
}

bool ksd_infer_history(const enum ksd_obs obs[KSD_MAX_FEATURES], ksd_vset rows, bool created_at,
                       struct ksd_history *h)
{
	memset(h, 0, sizeof(*h));
	if (!start(obs, rows, created_at, h)) {
		memset(h, 0, sizeof(*h));
		return false;
	}
	h->found = true;
	next_failure(obs, h);
	if (!h->rerun)
		restamps(h);
	h->target = h->top;
	if (h->rerun)
		plan_undo(h);
	for (ksd_vset left = h->rerun ? 0 : h->origin; left; left &= left - 1)
		plan_repair(obs, ksd_vset_lowest(left), h);
	return true;
}
