/* From observations to a verdict: the versions no row contradicts (or the
 * nearest ones), the version a fix records, the state of the metadata, and
 * the reasons and notes, as codes. The rows come from metadata.c and what
 * Kinto would do from predict.c. */
#include <stdlib.h>
#include <string.h>

#include "infer/drift.h"
#include "infer/metadata.h"
#include "infer/plugins.h"
#include "infer/predict.h"
#include "infer/signature.h"
#include "infer/timeline.h"
#include "infer/infer.h"
#include "ksd_infer.h"

static int count(ksd_vset s)
{
	int n = 0;
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		n += (s & KSD_VBIT(v)) != 0;
	return n;
}

static void score(struct ksd_instance *in, enum ksd_backend b, struct ksd_backend_verdict *bv)
{
	int max = b == KSD_STORAGE ? KSD_STORAGE_MAX : KSD_PERMISSION_MAX;
	unsigned best = ~0u;
	bv->candidates = bv->nearest = 0;
	for (int v = 1; v <= max; v++) {
		unsigned n = 0;
		for (size_t i = 0; i < ksd_nfeatures; i++)
			if (ksd_features[i].backend == b &&
			    !(ksd_feature_allows(&ksd_features[i], in->obs[i], in->obs) &
			      KSD_VBIT(v)))
				n++;
		if (n == 0)
			bv->candidates |= KSD_VBIT(v);
		if (n < best) {
			best = n;
			bv->nearest = 0;
		}
		if (n == best)
			bv->nearest |= KSD_VBIT(v);
	}
	bv->ncontradictions = best;
}

size_t ksd_contradictions(const struct ksd_instance *in, enum ksd_backend b, int v, size_t *idx,
                          size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < ksd_nfeatures && n < max; i++)
		if (ksd_features[i].backend == b &&
		    !(ksd_feature_allows(&ksd_features[i], in->obs[i], in->obs) & KSD_VBIT(v)))
			idx[n++] = i;
	return n;
}

/* What --explain and the contradictions show: the versions each row allows
 * as observed, and the rows that contradict the nearest versions of a
 * backend no version matches, each once, in table order (which groups
 * related rows). */
static void explain_rows(struct ksd_instance *in)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		in->allows[i] = ksd_feature_allows(&ksd_features[i], in->obs[i], in->obs);
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
				if (!seen[found[j]]) {
					seen[found[j]] = true;
					in->contradiction[n++] = found[j];
				}
		}
	}
	for (size_t a = 1; a < n; a++)
		for (size_t c = a; c > 0 && in->contradiction[c - 1] > in->contradiction[c]; c--) {
			size_t t = in->contradiction[c];
			in->contradiction[c] = in->contradiction[c - 1];
			in->contradiction[c - 1] = t;
		}
	in->ncontradictions = n;
}

/* Whether recording `low` is harmless whichever of `set` is the truth: the
 * migrations Kinto then re-runs neither fail nor damage. */
static bool harmless_from(int low, ksd_vset set)
{
	for (int t = low + 1; t <= KSD_STORAGE_MAX; t++) {
		if (!(set & KSD_VBIT(t)))
			continue;
		for (int k = low; k < t; k++) {
			const struct ksd_rerun *r = ksd_rerun_step(k);
			if (r && ((r->fails | r->damages) & KSD_VBIT(t)))
				return false;
		}
	}
	return true;
}

/* The cliquet 1.7.0 and 1.8.0 schema.sql created the records index twice and
 * the tombstone one never (spec §3); 006->007 renames it and fails. */
static void check_deleted_index(struct ksd_instance *in)
{
	int t = in->storage.version;
	in->missing_deleted_index = t >= 3 && t <= 6 && ksd_schema_table(in->schema, "deleted") &&
	                            !ksd_schema_index(in->schema, KSD_DELETED_INDEX);
	if (!in->missing_deleted_index)
		return;
	in->notes |= KSD_NOTE_BIT(KSD_NOTE_DELETED_INDEX);
	if (in->verdict == KSD_VERDICT_OK) {
		in->verdict = KSD_VERDICT_FIX;
		in->reason = (struct ksd_reason){.code = KSD_REASON_DELETED_INDEX};
	}
	in->fix = in->verdict == KSD_VERDICT_FIX;
}

static enum ksd_meta_state storage_state(const struct ksd_instance *in)
{
	const struct ksd_backend_verdict *st = &in->storage;
	if (!in->meta_table)
		return KSD_META_MISSING_TABLE;
	if (!in->rows_known)
		return KSD_META_NOT_DUMPED;
	int g = st->rows ? st->recorded : in->created_at ? 1 : 0;
	ksd_vset ok = st->version ? (st->assumed ? KSD_VBIT(st->version) : st->candidates) : 0;
	if (st->rows == 0 && !(g == 1 && (ok & KSD_VBIT(1))))
		return KSD_META_FLUSHED;
	if (ok && (g <= 0 || g > KSD_STORAGE_MAX || !(ok & KSD_VBIT(g))))
		return KSD_META_WRONG;
	if (!ok) {
		/* No version describes the schema: a flush shows as rows that
		 * start at 21 without created_at (spec §6). */
		if (!in->created_at && st->lowest_row >= 21)
			return KSD_META_FLUSHED;
		return KSD_META_WRONG;
	}
	return in->created_at || st->rows == 0 ? KSD_META_INTACT : KSD_META_NO_CREATED_AT;
}

/* Rows deleted before the dump by a data-only step re-run over this
 * version: the version rows run from a value recorded below it to one
 * still below it, through that step (011->012 on 18..20). */
static void lost_rows(struct ksd_instance *in)
{
	ksd_vset rows = in->storage.row_versions;
	int v = in->storage.version, top = ksd_vset_highest(rows);
	if (v && top && top < v && ksd_rerun_lost(ksd_vset_run_low(rows), top, KSD_VBIT(v)))
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_LOST_TOMBSTONES);
}

/* The storage versions of an instance with Kinto's storage tables: the
 * candidates the schema and its rows allow, the history of a schema none
 * matches, and the version a fix records; `*undetermined` gets why there is
 * none. */
static void judge_storage(struct ksd_instance *in, int assume_version,
                          struct ksd_reason *undetermined)
{
	struct ksd_backend_verdict *st = &in->storage;
	const struct ksd_schema *s = in->schema;
	score(in, KSD_STORAGE, st);
	/* The rows tell what the schema cannot (spec 2.3). */
	bool twin_decides =
	    (st->candidates & ksd_twin_excludes) && (st->candidates & ~ksd_twin_excludes);
	if (s->twin.found && twin_decides) {
		st->candidates &= ~ksd_twin_excludes;
		in->twin_narrowed = true;
	} else if (twin_decides && ksd_schema_twin_shape(s) &&
	           s->twin.searched != (KSD_TWIN_RECORDS | KSD_TWIN_DELETED)) {
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_TWIN_UNREAD);
	}
	int low = ksd_vset_lowest(st->candidates);
	/* A schema no version matches may be one migrated from a wrong
	 * base; --assume-version overrides the schema, and so that too. */
	struct ksd_history *h = &in->history;
	if (!st->candidates && assume_version <= 0)
		ksd_infer_history(in->obs, st->row_versions, in->created_at, h);
	if (!st->candidates && h->found && !h->unrepairable) {
		in->reason = (struct ksd_reason){.code = h->rerun ? KSD_REASON_RERUN_UNDONE
		                                                  : KSD_REASON_WRONG_BASE,
		                                 .versions = h->origin,
		                                 .version = h->target,
		                                 .count = h->assumed + 1};
	} else if (!st->candidates && h->found) {
		*undetermined = (struct ksd_reason){.code = h->rerun ? KSD_REASON_RERUN_NO_REPAIR
		                                                     : KSD_REASON_NO_REPAIR,
		                                    .versions = h->origin,
		                                    .version = h->unrepairable,
		                                    .count = h->assumed + 1};
	} else if (!st->candidates) {
		*undetermined = (struct ksd_reason){.code = KSD_REASON_NO_STORAGE_MATCH,
		                                    .versions = st->nearest,
		                                    .count = st->ncontradictions};
	} else if (count(st->candidates) > 1 && !harmless_from(low, st->candidates)) {
		*undetermined = (struct ksd_reason){.code = KSD_REASON_NOT_HARMLESS,
		                                    .versions = st->candidates};
	} else {
		st->version = low;
		bool recorded_fits = st->recorded > 0 && st->recorded <= KSD_STORAGE_MAX &&
		                     (st->candidates & KSD_VBIT(st->recorded));
		if (count(st->candidates) > 1 && recorded_fits) {
			/* The rows narrow what the schema cannot tell. */
			st->version = st->recorded;
			in->reason = (struct ksd_reason){.code = KSD_REASON_RECORDED_LOOK_ALIKE,
			                                 .versions = st->candidates,
			                                 .version = st->recorded};
		} else if (count(st->candidates) > 1) {
			in->reason = (struct ksd_reason){.code = KSD_REASON_LOWEST_LOOK_ALIKE,
			                                 .versions = st->candidates,
			                                 .version = low};
		}
	}
}

/* The metadata's state: the storage rows' first, then the permission
 * rows'. */
static void meta_state(struct ksd_instance *in, bool st_tables)
{
	const struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	in->meta = KSD_META_INTACT;
	if (st->present && st_tables)
		in->meta = storage_state(in);
	else if (st->present && st->rows == 0)
		in->meta = KSD_META_FLUSHED;
	bool pm_mismatch = false;
	if (pm->present && pm->version) {
		int r = pm->recorded > 0 ? pm->recorded : pm->recorded < 0 ? -1 : 1;
		pm_mismatch = in->rows_known && in->meta_table && r != pm->version;
		if (!in->meta_table && pm->version == 2 && !(st->present && st_tables))
			in->meta = KSD_META_MISSING_TABLE;
		else if (pm_mismatch &&
		         (in->meta == KSD_META_INTACT || in->meta == KSD_META_NO_CREATED_AT))
			in->meta = pm->recorded == 0 ? KSD_META_FLUSHED : KSD_META_WRONG;
	}
}

void ksd_infer_instance(const struct ksd_dump *dump, const struct ksd_catalog *cat,
                        const struct ksd_database *db, const struct ksd_schema *s,
                        int assume_version, struct ksd_instance *in)
{
	memset(in, 0, sizeof(*in));
	in->dump = dump;
	in->db = db;
	in->schema = s;
	struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	if (!ksd_match_schema(s, in->obs))
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_OUT_OF_MEMORY);
	metadata_read(cat, s, in);
	plugins_judge(s, in);
	/* Kinto's signature, not a table name, makes an instance. */
	struct signature sig;
	signature_find(s, &sig, NULL);
	bool st_tables = sig.storage_tables;
	bool pm_tables = sig.permission_tables;
	st->present = sig.storage;
	pm->present = pm_tables;
	if (pm->rows && !pm_tables)
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_PERMISSION_ROW);

	struct ksd_reason undetermined = {.code = KSD_REASON_NONE};
	if (st->present && !st_tables) {
		undetermined.code =
		    cat->any_ddl_seen ? KSD_REASON_NO_STORAGE_TABLES : KSD_REASON_DATA_ONLY;
	} else if (st->present) {
		judge_storage(in, assume_version, &undetermined);
	}
	if (pm->present) {
		score(in, KSD_PERMISSION, pm);
		if (count(pm->candidates) == 1)
			pm->version = ksd_vset_lowest(pm->candidates);
		else if (!undetermined.code)
			undetermined.code = KSD_REASON_NO_PERMISSION_MATCH;
	}
	if (!undetermined.code && dump->partial)
		undetermined.code = KSD_REASON_PARTIAL;
	if (!undetermined.code && in->meta_table && !in->rows_known)
		undetermined.code = ksd_dump_table_data_missing(dump, s->name, "metadata")
		                        ? KSD_REASON_META_MISSING
		                        : KSD_REASON_NO_DATA;
	if (assume_version > 0 && st->present) {
		if (st_tables && st->candidates && !(st->candidates & KSD_VBIT(assume_version)))
			in->notes |= KSD_NOTE_BIT(KSD_NOTE_ASSUME_CONTRADICTS);
		st->version = assume_version;
		st->assumed = true;
	}

	meta_state(in, st_tables);

	if (undetermined.code && !st->assumed) {
		in->verdict = KSD_VERDICT_UNDETERMINED;
		in->reason = undetermined;
	} else if (in->meta == KSD_META_INTACT || in->meta == KSD_META_NO_CREATED_AT) {
		in->verdict = KSD_VERDICT_OK;
	} else {
		in->verdict = KSD_VERDICT_FIX;
		in->fix = true;
	}
	if (undetermined.code && st->assumed && !in->reason.code) {
		in->reason = undetermined;
		in->reason.assumed = st->version;
	}
	if (in->meta == KSD_META_NO_CREATED_AT)
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_NO_CREATED_AT);
	if (in->last_heartbeat && (st->candidates & KSD_VBIT(1)))
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_LAST_HEARTBEAT);
	check_deleted_index(in);
	lost_rows(in);
	drift_find(in);
	predict_instance(in);
	explain_rows(in);
	in->nevents = ksd_infer_timeline(in, in->events);
}

bool ksd_infer_catalog(const struct ksd_dump *dump, const struct ksd_catalog *cat,
                       int assume_version, struct ksd_instance **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	for (size_t d = 0; d < cat->ndatabases; d++) {
		const struct ksd_database *db = &cat->databases[d];
		for (size_t i = 0; i < db->nschemas; i++) {
			const struct ksd_schema *s = &db->schemas[i];
			struct signature sig;
			signature_find(s, &sig, NULL);
			if (!sig.storage && !sig.permission_tables)
				continue;
			struct ksd_instance probe;
			ksd_infer_instance(dump, cat, db, s, assume_version, &probe);
			if (!probe.storage.present && !probe.permission.present)
				continue;
			if (*n == cap) {
				size_t ncap = cap ? cap * 2 : 4;
				struct ksd_instance *bigger = realloc(*out, ncap * sizeof(**out));
				if (!bigger) {
					free(*out);
					*out = NULL;
					*n = 0;
					return false;
				}
				*out = bigger;
				cap = ncap;
			}
			(*out)[(*n)++] = probe;
		}
	}
	return true;
}
