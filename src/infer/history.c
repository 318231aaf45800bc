/* How a schema that matches no version got there: migrations that ran from
 * a wrong base. The model is the spec's §6 sequence made general: a
 * database really at version V is read as version G > V (20 after a flush,
 * or a value recorded by hand), so steps V+1..G never run and steps
 * G+1..top run on the wrong base. Each feature then looks as at version top
 * when one of those steps changed it, and as at V otherwise. The origins V
 * whose model every observation allows are the candidates; the skipped
 * steps say what a repair must redo. */
#include <string.h>

#include "ksd_infer.h"

/* Whether every observation fits version `origin` with steps assumed+1..top
 * applied over it. */
static bool explains(const enum ksd_obs obs[KSD_MAX_FEATURES], int origin, int assumed, int top)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (f->backend != KSD_STORAGE)
			continue;
		bool changed = false;
		for (int k = assumed + 1; k <= top && !changed; k++)
			changed = ksd_step_changes(k, f);
		int as = changed ? top : origin;
		if (!(ksd_feature_allows(f, obs[i], obs) & KSD_VBIT(as)))
			return false;
	}
	return true;
}

/* The step after `top`, when the schema lacks what it needs. */
static void next_failure(const enum ksd_obs obs[KSD_MAX_FEATURES], struct ksd_history *h)
{
	if (h->top >= KSD_STORAGE_MAX)
		return;
	const struct ksd_step *st = &ksd_steps[h->top + 1];
	for (size_t n = 0; n < sizeof(st->needs) / sizeof(st->needs[0]); n++) {
		if (!st->needs[n].feature)
			continue;
		size_t i = ksd_feature_index(st->needs[n].feature);
		if (i < ksd_nfeatures && obs[i] == KSD_OBS_ABSENT) {
			h->failed = h->top + 1;
			h->cause = st->needs[n].cause;
			return;
		}
	}
}

/* What redoing steps origin+1..assumed takes, once assumed+1..top ran:
 * each repair acts on the renamed tables and on what it reads. */
static void plan_repair(const enum ksd_obs obs[KSD_MAX_FEATURES], int origin, struct ksd_history *h)
{
	bool renamed = h->assumed < 21 && h->top >= 21;
	for (int k = origin + 1; k <= h->assumed; k++) {
		const struct ksd_step *st = &ksd_steps[k];
		size_t reads =
		    st->repair_reads ? ksd_feature_index(st->repair_reads) : ksd_nfeatures;
		bool readable =
		    !st->repair_reads || (reads < ksd_nfeatures && obs[reads] == KSD_OBS_PRESENT);
		if (st->repair && renamed && readable)
			h->repairs |= st->repair;
		else if (st->data_only ||
		         (st->superseded_by > h->assumed && st->superseded_by <= h->top))
			continue;
		else if (!h->unrepairable)
			h->unrepairable = k;
	}
}

/* The origins in lo..hi (below `assumed`) that explain the observations. */
static ksd_vset origins(const enum ksd_obs obs[KSD_MAX_FEATURES], int lo, int hi, int assumed,
                        int top)
{
	ksd_vset found = 0;
	for (int v = lo; v <= hi && v < assumed; v++)
		if (explains(obs, v, assumed, top))
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
	int top = ksd_vset_highest(rows), low = top;
	while (low > 1 && (rows & KSD_VBIT(low - 1)))
		low--;
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
	return h->origin != 0;
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
	for (ksd_vset left = h->origin; left; left &= left - 1)
		plan_repair(obs, ksd_vset_lowest(left), h);
	return true;
}
