/* Drift: what in a Kinto schema no Kinto release explains. The fingerprint
 * rows are the only list of Kinto's objects: a table, column, constraint,
 * index, trigger or function that no row names is extra; an index of a
 * row's name but not its definition, or a function whose body markers allow
 * no version, is changed; what the contradictions say is absent is missing;
 * a table no row names is not Kinto's (noted, not drift). Names are judged
 * whatever the version: a Kinto object of the wrong version is a
 * contradiction, already reported, not drift. */
#include <string.h>

#include "infer/drift.h"
#include "infer/infer.h"
#include "ksd_infer.h"

/* The object a row of this kind is about. */
static enum ksd_drift_kind kind_of(enum ksd_feature_kind k)
{
	switch (k) {
	case KSD_F_TABLE:
		return KSD_DRIFT_TABLE;
	case KSD_F_COLUMN:
	case KSD_F_COLUMN_TYPE:
	case KSD_F_COLUMN_DEFAULT:
	case KSD_F_COLUMN_NOT_NULL:
	case KSD_F_COLUMN_COLLATE_C:
		return KSD_DRIFT_COLUMN;
	case KSD_F_PRIMARY_KEY:
	case KSD_F_CONSTRAINT:
		return KSD_DRIFT_CONSTRAINT;
	case KSD_F_INDEX:
		return KSD_DRIFT_INDEX;
	case KSD_F_FUNCTION:
	case KSD_F_IMMUTABLE:
	case KSD_F_BODY:
		return KSD_DRIFT_FUNCTION;
	case KSD_F_TRIGGER:
	case KSD_F_TRIGGER_UPDATE:
	case KSD_F_TRIGGER_UPDATE_OF:
		break;
	}
	return KSD_DRIFT_TRIGGER;
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether a row names this object. A table is Kinto's when a row names it
 * or one of its columns; a primary key, when a row expects one on its table
 * (whatever its name: records_pkey or objects_pkey). */
static bool named(enum ksd_drift_kind kind, const char *table, const char *name, bool pkey)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (kind == KSD_DRIFT_TABLE &&
		    (same(f->table, name) || (f->kind == KSD_F_TABLE && same(f->name, name))))
			return true;
		if (kind_of(f->kind) != kind || kind == KSD_DRIFT_TABLE)
			continue;
		if (kind == KSD_DRIFT_FUNCTION) {
			if (name && ksd_name_in(f->name, name, strlen(name)))
				return true;
		} else if (same(f->table, table) &&
		           (pkey ? f->kind == KSD_F_PRIMARY_KEY : same(f->name, name))) {
			return true;
		}
	}
	return false;
}

static void add(struct ksd_instance *in, enum ksd_drift_kind kind, enum ksd_drift_what what,
                const char *name, const char *table)
{
	if (in->ndrift == KSD_MAX_DRIFT) {
		in->drift_truncated = true;
		return;
	}
	in->drift[in->ndrift++] = (struct ksd_drift){kind, what, name, table};
}

/* The row naming index `name`, ksd_nfeatures when none. */
static size_t index_row(const char *name)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (ksd_features[i].kind == KSD_F_INDEX && same(ksd_features[i].name, name))
			return i;
	return ksd_nfeatures;
}

static void extra(struct ksd_instance *in)
{
	const struct ksd_schema *s = in->schema;
	for (size_t i = 0; i < s->ntables; i++) {
		const struct ksd_table *t = &s->tables[i];
		if (!named(KSD_DRIFT_TABLE, NULL, t->name, false))
			continue;
		for (size_t c = 0; c < t->ncolumns; c++)
			if (!named(KSD_DRIFT_COLUMN, t->name, t->columns[c].name, false))
				add(in, KSD_DRIFT_COLUMN, KSD_DRIFT_EXTRA, t->columns[c].name,
				    t->name);
		for (size_t c = 0; c < t->nconstraints; c++) {
			const struct ksd_constraint *k = &t->constraints[c];
			if (!named(KSD_DRIFT_CONSTRAINT, t->name, k->name,
			           k->kind == KSD_CONS_PRIMARY_KEY))
				add(in, KSD_DRIFT_CONSTRAINT, KSD_DRIFT_EXTRA, k->name, t->name);
		}
	}
	for (size_t i = 0; i < s->nindexes; i++) {
		const struct ksd_index *ix = &s->indexes[i];
		if (ix->table && named(KSD_DRIFT_TABLE, NULL, ix->table, false) &&
		    index_row(ix->name) == ksd_nfeatures)
			add(in, KSD_DRIFT_INDEX, KSD_DRIFT_EXTRA, ix->name, ix->table);
	}
	for (size_t i = 0; i < s->ntriggers; i++) {
		const struct ksd_trigger *tg = &s->triggers[i];
		if (tg->table && named(KSD_DRIFT_TABLE, NULL, tg->table, false) &&
		    !named(KSD_DRIFT_TRIGGER, tg->table, tg->name, false))
			add(in, KSD_DRIFT_TRIGGER, KSD_DRIFT_EXTRA, tg->name, tg->table);
	}
	for (size_t i = 0; i < s->nfunctions; i++)
		if (!named(KSD_DRIFT_FUNCTION, NULL, s->functions[i].name, false))
			add(in, KSD_DRIFT_FUNCTION, KSD_DRIFT_EXTRA, s->functions[i].name, NULL);
}

/* An index of Kinto's name on another table or with another definition; a
 * function whose body rows, taken together, allow no version: no release
 * wrote that body (an edit that keeps every marker is not seen). */
static void changed(struct ksd_instance *in)
{
	const struct ksd_schema *s = in->schema;
	for (size_t i = 0; i < s->nindexes; i++) {
		size_t row = index_row(s->indexes[i].name);
		if (row < ksd_nfeatures && !ksd_index_is_kintos(row, &s->indexes[i]))
			add(in, KSD_DRIFT_INDEX, KSD_DRIFT_CHANGED, s->indexes[i].name,
			    s->indexes[i].table);
	}
	for (size_t i = 0; i < s->nfunctions; i++) {
		const struct ksd_function *fn = &s->functions[i];
		ksd_vset allows = KSD_STORAGE_ALL;
		bool judged = false;
		for (size_t r = 0; r < ksd_nfeatures; r++) {
			const struct ksd_feature *f = &ksd_features[r];
			if (f->kind != KSD_F_BODY || in->obs[r] == KSD_OBS_UNKNOWN ||
			    ksd_function_among(s, f->name) != fn)
				continue;
			judged = true;
			allows &= ksd_feature_allows(f, in->obs[r], in->obs);
		}
		if (judged && !allows)
			add(in, KSD_DRIFT_FUNCTION, KSD_DRIFT_CHANGED, fn->name, NULL);
	}
}

/* The objects the nearest versions have and the schema lacks, when no
 * version matches and no wrong-base history explains it. An index of the
 * name that is there is changed, not missing. */
static void missing(struct ksd_instance *in)
{
	if (in->history.found)
		return;
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		const struct ksd_backend_verdict *bv =
		    f->backend == KSD_STORAGE ? &in->storage : &in->permission;
		enum ksd_feature_kind k = f->kind;
		bool object = k == KSD_F_TABLE || k == KSD_F_COLUMN || k == KSD_F_PRIMARY_KEY ||
		              k == KSD_F_CONSTRAINT || k == KSD_F_INDEX || k == KSD_F_FUNCTION ||
		              k == KSD_F_TRIGGER;
		if (f->backend == KSD_CACHE || !bv->present || bv->candidates || !object ||
		    in->obs[i] != KSD_OBS_ABSENT ||
		    (k == KSD_F_INDEX && ksd_schema_index(in->schema, f->name)))
			continue;
		ksd_vset allows = ksd_feature_allows(f, in->obs[i], in->obs);
		if ((allows & bv->nearest) != bv->nearest)
			add(in, kind_of(k), KSD_DRIFT_MISSING, f->name,
			    k == KSD_F_TABLE || k == KSD_F_FUNCTION ? NULL : f->table);
	}
}

void drift_find(struct ksd_instance *in)
{
	in->ndrift = 0;
	in->drift_truncated = false;
	extra(in);
	changed(in);
	missing(in);
	const struct ksd_schema *s = in->schema;
	for (size_t i = 0; i < s->ntables; i++)
		if (!named(KSD_DRIFT_TABLE, NULL, s->tables[i].name, false))
			add(in, KSD_DRIFT_TABLE, KSD_DRIFT_NOT_KINTO, s->tables[i].name, NULL);
}

const char *drift_clash(const struct ksd_instance *in, const char *names)
{
	for (size_t i = 0; names && i < in->ndrift; i++) {
		const struct ksd_drift *d = &in->drift[i];
		if ((d->kind == KSD_DRIFT_INDEX || d->kind == KSD_DRIFT_TABLE) &&
		    d->what != KSD_DRIFT_MISSING && d->name && !strchr(d->name, '|') &&
		    ksd_name_in(names, d->name, strlen(d->name)))
			return d->name;
	}
	return NULL;
}
