/* Decisions over the step table (src/facts/steps.c): how a repair redoes a
 * step Kinto skipped once later steps ran without it, the fact that tells
 * whether it already ran, and the first need a run of steps lacks. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"

/* Whether row f is a table, column, key or index (not code) step k changes. */
static bool changes_table(int k, const struct ksd_feature *f)
{
	return f->backend == KSD_STORAGE && !ksd_feature_is_code(f) && ksd_step_changes(k, f);
}

/* Whether step k changes a table, column, key or index. */
static bool changes_tables(int k)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (changes_table(k, &ksd_features[i]))
			return true;
	return false;
}

/* Whether step j changes one of the tables, columns, keys or indexes step k
 * changes. A definition that reads otherwise because j renamed its column
 * is no change of j's. */
static bool changes_tables_too(int k, int j)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (changes_table(k, f) &&
		    !(f->expect & KSD_VBIT(j - 1)) != !(f->expect & KSD_VBIT(j)))
			return true;
	}
	return false;
}

/* Which of a column's attributes a row is about (0: none): its type and
 * collation, which ALTER ... TYPE sets together, its default, NOT NULL. */
static int column_kind(enum ksd_feature_kind kind)
{
	switch (kind) {
	case KSD_F_COLUMN_TYPE:
	case KSD_F_COLUMN_COLLATE_C:
		return 1;
	case KSD_F_COLUMN_DEFAULT:
		return 2;
	case KSD_F_COLUMN_NOT_NULL:
		return 3;
	default:
		return 0;
	}
}

/* Whether step j, run after k was skipped, changed an attribute of a column
 * that k changes too (under the names steps k+1..j-1 gave it): k's
 * statements would undo j's. *collation_only: j changed only collations
 * there (018->019's COLLATE "C"), which ALTER ... TYPE resets. */
static bool same_column(int k, int j, bool *collation_only)
{
	bool same = false;
	*collation_only = true;
	for (size_t a = 0; a < ksd_nfeatures; a++) {
		const struct ksd_feature *f = &ksd_features[a];
		if (f->backend != KSD_STORAGE || !column_kind(f->kind) || !ksd_step_changes(k, f))
			continue;
		char table[KSD_NAME_CAP], column[KSD_NAME_CAP];
		snprintf(table, sizeof(table), "%s", f->table);
		snprintf(column, sizeof(column), "%s", f->name);
		for (int i = k + 1; i < j; i++)
			ksd_step_rename(i, table, column);
		for (size_t b = 0; b < ksd_nfeatures; b++) {
			const struct ksd_feature *g = &ksd_features[b];
			if (g->backend == KSD_STORAGE &&
			    column_kind(g->kind) == column_kind(f->kind) &&
			    strcmp(g->table, table) == 0 && strcmp(g->name, column) == 0 &&
			    ksd_step_changes(j, g)) {
				same = true;
				*collation_only &= g->kind == KSD_F_COLUMN_COLLATE_C;
			}
		}
	}
	return same;
}

enum ksd_redo ksd_step_redo(int k, int from, int to, enum ksd_repair *after)
{
	*after = KSD_REPAIR_NONE;
	if (!changes_tables(k))
		return KSD_REDO_CODE;
	if (!ksd_steps[k].redo)
		return KSD_REDO_NONE;
	enum ksd_repair again = KSD_REPAIR_NONE;
	for (int j = (from > k ? from : k) + 1; j <= to; j++) {
		bool collation_only;
		if (changes_tables_too(k, j))
			return KSD_REDO_NONE;
		if (!same_column(k, j, &collation_only))
			continue;
		/* A collation j set, which k's ALTER ... TYPE resets, comes back
		 * by j's own repair once the tables bear 020->021's names. */
		if (!collation_only || !ksd_steps[j].repair || from >= 21 || to < 21)
			return KSD_REDO_NONE;
		again |= ksd_steps[j].repair;
	}
	*after = again;
	return KSD_REDO_TABLES;
}

/* The kinds a repair's guard can read from the live catalog. */
static bool guard_kind(enum ksd_feature_kind kind)
{
	return kind == KSD_F_TABLE || kind == KSD_F_COLUMN || kind == KSD_F_COLUMN_TYPE ||
	       kind == KSD_F_PRIMARY_KEY || kind == KSD_F_CONSTRAINT || kind == KSD_F_INDEX;
}

/* Whether the table feature `f` lives on is there at version v (or, with
 * `kept`, may be there). */
static bool table_at(const struct ksd_feature *f, int v, bool kept)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *t = &ksd_features[i];
		if (t->backend == KSD_STORAGE && t->kind == KSD_F_TABLE &&
		    strcmp(t->name, f->kind == KSD_F_TABLE ? f->name : f->table) == 0)
			return (t->expect | (kept ? t->tolerate : 0)) & KSD_VBIT(v);
	}
	return false;
}

/* A guard as ksd_step_guard() picks it; `kept` also takes a row of a
 * table the target only may have (a leftover such as deleted from 18 on). */
static size_t guard_of(int k, int target, bool kept)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		/* A fact some installs may lack (a table that may be dropped)
		 * says nothing of whether k ran. */
		if (f->backend != KSD_STORAGE || !guard_kind(f->kind) || !ksd_step_changes(k, f) ||
		    (f->tolerate & (KSD_VBIT(k - 1) | KSD_VBIT(k) | KSD_VBIT(target))) ||
		    (f->kind != KSD_F_TABLE && !table_at(f, target, kept)))
			continue;
		bool later = false;
		for (int j = k + 1; j <= target && !later; j++)
			later = ksd_step_changes(j, f);
		if (!later)
			return i;
	}
	return ksd_nfeatures;
}

size_t ksd_step_guard(int k, int target)
{
	size_t g = guard_of(k, target, false);
	return g < ksd_nfeatures ? g : guard_of(k, target, true);
}

/* Whether feature i is there when step k runs, after steps from+1..k-1:
 * as the last of them that changed it left it, else as the base shows it. */
static bool has(size_t i, int from, int k, int truth, const enum ksd_obs *obs)
{
	const struct ksd_feature *f = &ksd_features[i];
	for (int j = k - 1; j > from; j--)
		if (ksd_step_changes(j, f))
			return f->expect & KSD_VBIT(j);
	return truth ? (f->expect & KSD_VBIT(truth)) != 0 : obs[i] != KSD_OBS_ABSENT;
}

int ksd_run_unmet(int from, int truth, const enum ksd_obs *obs, const struct ksd_step_need **need)
{
	for (int k = from + 1; k <= KSD_STORAGE_MAX; k++) {
		const struct ksd_step *st = &ksd_steps[k];
		for (size_t n = 0; n < sizeof(st->needs) / sizeof(st->needs[0]); n++) {
			if (!st->needs[n].feature)
				continue;
			size_t i = ksd_feature_index(st->needs[n].feature);
			if (i < ksd_nfeatures && !has(i, from, k, truth, obs)) {
				*need = &st->needs[n];
				return k;
			}
		}
	}
	return 0;
}
