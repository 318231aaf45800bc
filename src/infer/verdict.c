/* From observations to a verdict: the versions no row contradicts (or the
 * nearest ones), the metadata read exactly as Kinto reads it, and what Kinto
 * would do with the database after a restore. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_infer.h"

static const char STORAGE_ROW[] = "storage_schema_version";
static const char PERMISSION_ROW[] = "permission_schema_version";
#define DELETED_INDEX "idx_deleted_user_id_resource_name_last_modified"

static size_t feature_index(const char *label)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (strcmp(ksd_features[i].label, label) == 0)
			return i;
	return ksd_nfeatures;
}

ksd_vset ksd_feature_allows(const struct ksd_feature *f, enum ksd_obs o,
                            const enum ksd_obs obs[KSD_MAX_FEATURES])
{
	ksd_vset all = f->backend == KSD_STORAGE ? KSD_STORAGE_ALL : KSD_PERMISSION_ALL;
	ksd_vset tol = f->tolerate;
	if (f->tolerate_if) {
		size_t j = feature_index(f->tolerate_if);
		if (j == ksd_nfeatures || obs[j] != KSD_OBS_PRESENT)
			tol = 0;
	}
	switch (o) {
	case KSD_OBS_PRESENT:
		return (f->expect | tol) & all;
	case KSD_OBS_ABSENT:
		return (~f->expect | tol) & all;
	default:
		return all;
	}
}

static int lowest(ksd_vset s)
{
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (s & KSD_VBIT(v))
			return v;
	return 0;
}

static int highest(ksd_vset s)
{
	for (int v = KSD_STORAGE_MAX; v >= 1; v--)
		if (s & KSD_VBIT(v))
			return v;
	return 0;
}

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

static const struct ksd_rerun *rerun(int step)
{
	for (size_t i = 0; i < ksd_nreruns; i++)
		if (ksd_reruns[i].step == step)
			return &ksd_reruns[i];
	return NULL;
}

/* Whether recording `low` is harmless whichever of `set` is the truth: the
 * migrations Kinto then re-runs neither fail nor damage. */
static bool harmless_from(int low, ksd_vset set)
{
	for (int t = low + 1; t <= KSD_STORAGE_MAX; t++) {
		if (!(set & KSD_VBIT(t)))
			continue;
		for (int k = low; k < t; k++) {
			const struct ksd_rerun *r = rerun(k);
			if (r && ((r->fails | r->damages) & KSD_VBIT(t)))
				return false;
		}
	}
	return true;
}

/* PostgreSQL's lpad(value, 3, '0') on UTF-8 text: characters, not bytes.
 * A character has at most 3 continuation bytes, even in broken UTF-8. */
static void lpad3(const char *v, char out[16])
{
	size_t chars = 0, bytes = 0;
	while (v[bytes] && chars < 3) {
		bytes++;
		for (int k = 0; k < 3 && ((unsigned char)v[bytes] & 0xc0) == 0x80; k++)
			bytes++;
		chars++;
	}
	size_t pad = 3 - chars;
	memset(out, '0', pad);
	memcpy(out + pad, v, bytes);
	out[pad + bytes] = '\0';
}

/* Python's int() as Kinto applies it to the value: surrounding spaces, a
 * sign, digits with single underscores between them. -1 when it raises. */
static int python_int(const char *v)
{
	const char *p = v;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	bool neg = *p == '-';
	if (*p == '+' || *p == '-')
		p++;
	long n = 0;
	bool digit = false;
	while ((*p >= '0' && *p <= '9') || (*p == '_' && digit && p[1] >= '0' && p[1] <= '9')) {
		if (*p != '_') {
			n = n * 10 + (*p - '0');
			if (n > 1000000)
				n = 1000000;
		}
		digit = *p != '_';
		p++;
	}
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p || !digit)
		return -1;
	return neg ? (n == 0 ? 0 : -1) : (int)n;
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static void add(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add(char *buf, size_t cap, const char *fmt, ...)
{
	size_t len = strlen(buf);
	if (len + 1 >= cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, cap - len, fmt, ap);
	va_end(ap);
}

static void note(struct ksd_instance *in, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void note(struct ksd_instance *in, const char *fmt, ...)
{
	size_t len = strlen(in->notes);
	if (len && len + 3 < sizeof(in->notes)) {
		strcpy(in->notes + len, "; ");
		len += 2;
	}
	if (len + 1 >= sizeof(in->notes))
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(in->notes + len, sizeof(in->notes) - len, fmt, ap);
	va_end(ap);
}

/* Kinto's reading of one backend's rows: the first row by LPAD(value,3,'0')
 * descending, ties in dump order. */
static void read_rows(const struct ksd_metadata *m, const char *name,
                      struct ksd_backend_verdict *bv)
{
	char best[16] = "", key[16];
	const struct ksd_meta_row *top = NULL;
	bv->lowest_row = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct ksd_meta_row *r = &m->rows[i];
		if (!same(r->name, name))
			continue;
		bv->rows++;
		if (!r->value) {
			/* NULL sorts first in a descending ORDER BY. */
			if (!top || top->value)
				top = r;
			continue;
		}
		int v = python_int(r->value);
		if (v > 0 && (bv->lowest_row == 0 || v < bv->lowest_row))
			bv->lowest_row = v;
		if (v > 0 && v <= KSD_STORAGE_MAX)
			bv->row_versions |= KSD_VBIT(v);
		if (top && !top->value)
			continue;
		lpad3(r->value, key);
		if (!top || strcmp(key, best) > 0) {
			top = r;
			strcpy(best, key);
		}
	}
	if (!top)
		return;
	bv->recorded_value = top->value;
	bv->recorded = top->value ? python_int(top->value) : -1;
	if (bv->recorded == 0)
		bv->recorded = -1;
}

static bool known_name(const char *n)
{
	size_t len = n ? strlen(n) : 0;
	static const char suffix[] = "_schema_version";
	return same(n, STORAGE_ROW) || same(n, PERMISSION_ROW) || same(n, "created_at") ||
	       same(n, "last_heartbeat") ||
	       (len > sizeof(suffix) - 1 && strcmp(n + len - (sizeof(suffix) - 1), suffix) == 0);
}

static void read_metadata(const struct ksd_catalog *cat, const struct ksd_schema *s,
                          struct ksd_instance *in)
{
	const struct ksd_metadata *m = &s->metadata;
	in->meta_table = ksd_schema_table(s, "metadata") != NULL;
	in->rows_known = m->data_seen || m->nrows > 0 || (cat->any_data_seen && in->meta_table);
	read_rows(m, STORAGE_ROW, &in->storage);
	read_rows(m, PERMISSION_ROW, &in->permission);
	/* Duplicates are checked among the first rows only: Kinto writes a few
	 * dozen, and a hostile dump must not cost a quadratic scan. */
	size_t dup_scan = m->nrows < 2000 ? m->nrows : 2000;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct ksd_meta_row *r = &m->rows[i];
		if (same(r->name, "created_at"))
			in->created_at = true;
		if (same(r->name, "last_heartbeat"))
			in->last_heartbeat = true;
		bool version_row = same(r->name, STORAGE_ROW) || same(r->name, PERMISSION_ROW);
		if (!known_name(r->name) || !r->value || (version_row && python_int(r->value) <= 0))
			in->garbage++;
		for (size_t j = 0; i < dup_scan && j < i; j++)
			if (same(m->rows[j].name, r->name) && same(m->rows[j].value, r->value)) {
				in->duplicates++;
				break;
			}
	}
	if (in->duplicates)
		note(in, "%zu duplicate metadata row%s", in->duplicates,
		     in->duplicates == 1 ? "" : "s");
	if (in->garbage)
		note(in, "%zu metadata row%s Kinto does not write (unknown name or value)",
		     in->garbage, in->garbage == 1 ? "" : "s");
	if (m->truncated)
		note(in, "metadata has more rows than are kept; the rest were not read");
}

static void range_text(char *buf, size_t cap, ksd_vset s)
{
	buf[0] = '\0';
	for (int v = 1; v <= KSD_STORAGE_MAX; v++) {
		if (!(s & KSD_VBIT(v)))
			continue;
		int w = v;
		while (w < KSD_STORAGE_MAX && (s & KSD_VBIT(w + 1)))
			w++;
		add(buf, cap, "%s%d", buf[0] ? ", " : "", v);
		if (w > v)
			add(buf, cap, "%s%d", w == v + 1 ? ", " : "-", w);
		v = w;
	}
}

/* What Kinto >= 12 does when it starts from `g` on a database really at `t`. */
static void predict_storage(struct ksd_instance *in, int g, int t)
{
	char *k = in->kinto;
	size_t cap = sizeof(in->kinto);
	if (g == t) {
		if (t == KSD_STORAGE_MAX)
			add(k, cap, "finds version %d: up to date, runs nothing", t);
		else if (in->missing_deleted_index)
			add(k, cap,
			    "finds version %d and runs migrations from %d: 006->007 fails because "
			    "index " DELETED_INDEX " does not exist",
			    t, t + 1);
		else
			add(k, cap, "finds version %d and runs migrations %d..%d normally", t,
			    t + 1, KSD_STORAGE_MAX);
		return;
	}
	if (g < t) {
		add(k, cap, "re-runs migrations %03d->%03d..%03d->%03d on a version %d schema", g,
		    g + 1, t - 1, t, t);
		for (int step = g; step < t; step++) {
			const struct ksd_rerun *r = rerun(step);
			if (r && (r->fails & KSD_VBIT(t))) {
				add(k, cap,
				    ": %03d->%03d fails and is rolled back, Kinto stops there",
				    step, step + 1);
				return;
			}
			if (r && (r->damages & KSD_VBIT(t)))
				add(k, cap, "; %s", r->effect);
		}
		if (t == KSD_STORAGE_MAX)
			add(k, cap, "; each succeeds without changing the schema");
		else
			add(k, cap, "; then runs %d..%d", t + 1, KSD_STORAGE_MAX);
		return;
	}
	/* g > t: the migrations t+1..g are skipped. */
	if (t <= 9 && g == 20) {
		add(k, cap,
		    "runs 020->021 on a version %d schema: it fails (%s) and is rolled back, "
		    "Kinto stops there",
		    t, t < 7 ? "no collection_id column" : "no timestamps table");
	} else if (t >= 10 && t <= 17 && g >= 20 && g <= 22) {
		add(k, cap,
		    "runs %03d->%03d..%03d->%03d on a version %d schema: they succeed, then "
		    "022->023 fails because objects has no column deleted (migration 018 never "
		    "ran), "
		    "leaving a hybrid that no version describes",
		    g, g + 1, 21, 22, t);
		if (g == 22)
			snprintf(
			    k, cap,
			    "runs 022->023 on a version %d schema: it fails because objects has "
			    "no column deleted (migration 018 never ran)",
			    t);
	} else if (t >= 18 && t <= 19 && g < KSD_STORAGE_MAX) {
		add(k, cap,
		    "completes to %d, but migration%s %d..%d (COLLATE \"C\" on the id columns) "
		    "never run%s",
		    KSD_STORAGE_MAX, g > t + 1 ? "s" : "", t + 1, g, g > t + 1 ? "" : "s");
	} else {
		add(k, cap, "skips migrations %d..%d", t + 1, g);
		for (int v = t + 1; v <= g && v <= KSD_STORAGE_MAX; v++) {
			const char *c = ksd_storage_change(v);
			if (c)
				add(k, cap, "%s%d: %s", v == t + 1 ? " (" : "; ", v, c);
		}
		if (t < 18 && g >= 18 && g < 23)
			add(k, cap, "), then 022->023 fails because objects has no column deleted");
		else
			add(k, cap, ")%s",
			    g < KSD_STORAGE_MAX ? ", then runs the later ones on it" : "");
	}
}

/* The cliquet 1.7.0 and 1.8.0 schema.sql created the records index twice and
 * the tombstone one never (spec §3); 006->007 renames it and fails. */
static void check_deleted_index(struct ksd_instance *in)
{
	int t = in->storage.version;
	in->missing_deleted_index = t >= 3 && t <= 6 && ksd_schema_table(in->schema, "deleted") &&
	                            !ksd_schema_index(in->schema, DELETED_INDEX);
	if (!in->missing_deleted_index)
		return;
	note(in, "index " DELETED_INDEX " is missing (a fresh cliquet 1.7.0 or 1.8.0 install): "
	         "migration 006->007 fails without it, so the fix creates it");
	if (in->verdict == KSD_VERDICT_OK) {
		in->verdict = KSD_VERDICT_FIX;
		snprintf(
		    in->reason, sizeof(in->reason),
		    "the metadata is right, but migration 006->007 needs index " DELETED_INDEX);
	}
	in->fix = in->verdict == KSD_VERDICT_FIX;
}

static void predict(struct ksd_instance *in)
{
	char *k = in->kinto;
	size_t cap = sizeof(in->kinto);
	struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	const struct ksd_schema *s = in->schema;
	bool storage_tables = ksd_schema_table(s, "records") || ksd_schema_table(s, "objects");
	if (st->present && storage_tables) {
		int g = 0;
		if (!in->meta_table) {
			add(k, cap, "its version query fails: there is no metadata table");
		} else if (!in->rows_known) {
			add(k, cap, "cannot tell: the dump holds no table data");
		} else if (st->rows == 0 && in->created_at) {
			g = 1;
			add(k, cap, "finds created_at but no version row, assumes 1; ");
		} else if (st->rows == 0) {
			g = 20;
			add(k, cap,
			    "finds no version row and no created_at, warns and guesses 20; ");
		} else if (st->recorded < 0) {
			add(k, cap, "fails: the top storage_schema_version value is not a number");
		} else {
			g = st->recorded;
			if (g > KSD_STORAGE_MAX)
				add(k, cap, "reads %d, newer than any Kinto release it knows; ", g);
		}
		st->reads = g;
		int t = st->version;
		if (g > 0 && g <= KSD_STORAGE_MAX && t > 0) {
			predict_storage(in, g, t);
		} else if (g > 0 && g <= KSD_STORAGE_MAX) {
			const struct ksd_table *o = ksd_schema_table(s, "objects");
			if (o && !ksd_table_column(o, "deleted") && g < 23)
				add(k, cap,
				    "runs migrations from %d: 022->023 fails because objects has "
				    "no "
				    "column deleted",
				    g + 1);
			else if (g == KSD_STORAGE_MAX)
				add(k, cap, "reads %d and runs nothing", g);
			else
				add(k, cap,
				    "reads %d and runs migrations %d..%d on a schema no "
				    "version describes",
				    g, g + 1, KSD_STORAGE_MAX);
		}
	}
	if (pm->present && pm->version > 0) {
		int r = pm->recorded > 0                         ? pm->recorded
		        : ksd_schema_table(s, "user_principals") ? 1
		                                                 : 0;
		pm->reads = r;
		if (r && r != pm->version) {
			add(k, cap, "%spermission: reads %d", k[0] ? "; " : "", r);
			if (r < pm->version)
				add(k, cap, " and re-runs 001->002 (harmless, adds the row)");
			else
				add(k, cap, " and skips 001->002: COLLATE \"C\" never applied");
		}
	}
}

static bool has_table(const struct ksd_schema *s, const char *const *names)
{
	for (; *names; names++)
		if (ksd_schema_table(s, *names))
			return true;
	return false;
}

static const char *const storage_tables[] = {"records", "objects", "deleted", NULL};
static const char *const permission_tables[] = {"user_principals", "access_control_entries", NULL};

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

void ksd_infer_instance(const struct ksd_catalog *cat, const struct ksd_database *db,
                        const struct ksd_schema *s, int assume_version, struct ksd_instance *in)
{
	memset(in, 0, sizeof(*in));
	in->db = db;
	in->schema = s;
	struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	if (!ksd_match_schema(s, in->obs))
		note(in, "out of memory while matching; every feature is unknown");
	read_metadata(cat, s, in);
	bool st_tables = has_table(s, storage_tables);
	bool pm_tables = has_table(s, permission_tables);
	st->present = st_tables || st->rows > 0 || in->created_at || in->last_heartbeat;
	pm->present = pm_tables;
	if (pm->rows && !pm_tables)
		note(in, "a permission_schema_version row but no permission tables here");

	const char *undetermined = NULL;
	char why[sizeof(in->reason)] = "";
	if (st->present && !st_tables) {
		undetermined = cat->any_ddl_seen ? "the storage tables are missing from this schema"
		                                 : "data-only dump: the schema is missing";
	} else if (st->present) {
		score(in, KSD_STORAGE, st);
		int low = lowest(st->candidates);
		char set[96];
		range_text(set, sizeof(set), st->candidates ? st->candidates : st->nearest);
		/* --assume-version overrides the schema: no history then. */
		if (!st->candidates && assume_version <= 0)
			ksd_infer_history(in->obs, st->row_versions, in->created_at, &in->history);
		bool repairable = in->history.found && !in->history.unrepairable;
		if (!st->candidates && repairable) {
			snprintf(in->reason, sizeof(in->reason),
			         "migrations ran from a wrong base; the repair redoes the skipped "
			         "steps");
		} else if (!st->candidates) {
			snprintf(why, sizeof(why),
			         "no storage version matches the schema; nearest %s with %u "
			         "contradiction%s",
			         set, st->ncontradictions, st->ncontradictions == 1 ? "" : "s");
			undetermined = why;
		} else if (count(st->candidates) > 1 && !harmless_from(low, st->candidates)) {
			snprintf(why, sizeof(why),
			         "storage versions %s are all possible and recording the lowest "
			         "would not be harmless",
			         set);
			undetermined = why;
		} else {
			st->version = low;
			bool recorded_fits = st->recorded > 0 && st->recorded <= KSD_STORAGE_MAX &&
			                     (st->candidates & KSD_VBIT(st->recorded));
			if (count(st->candidates) > 1 && recorded_fits) {
				/* The rows narrow what the schema cannot tell. */
				st->version = st->recorded;
				snprintf(
				    in->reason, sizeof(in->reason),
				    "versions %s look the same in a schema; the recorded %d is "
				    "one of them",
				    set, st->recorded);
			} else if (count(st->candidates) > 1) {
				snprintf(
				    in->reason, sizeof(in->reason),
				    "versions %s look the same in a schema; %d is recorded because "
				    "re-running migrations %03d->%03d..%03d->%03d on a later one "
				    "changes nothing",
				    set, low, low, low + 1, highest(st->candidates) - 1,
				    highest(st->candidates));
			}
		}
	}
	if (pm->present) {
		score(in, KSD_PERMISSION, pm);
		if (count(pm->candidates) == 1)
			pm->version = lowest(pm->candidates);
		else if (!undetermined)
			undetermined = "no permission version matches the schema";
	}
	if (!undetermined && cat->partial)
		undetermined = "the dump is incomplete, so missing objects prove nothing";
	if (!undetermined && in->meta_table && !in->rows_known)
		undetermined = "the dump holds no table data, so the metadata rows are unknown";
	if (assume_version > 0 && st->present) {
		if (st_tables && st->candidates && !(st->candidates & KSD_VBIT(assume_version)))
			note(in, "--assume-version %d contradicts the schema", assume_version);
		st->version = assume_version;
		st->assumed = true;
	}

	/* Metadata state: storage first, then permission. */
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

	if (undetermined && !st->assumed) {
		in->verdict = KSD_VERDICT_UNDETERMINED;
		if (!in->reason[0] || undetermined != why)
			snprintf(in->reason, sizeof(in->reason), "%s", undetermined);
	} else if (in->meta == KSD_META_INTACT || in->meta == KSD_META_NO_CREATED_AT) {
		in->verdict = KSD_VERDICT_OK;
	} else {
		in->verdict = KSD_VERDICT_FIX;
		in->fix = true;
	}
	if (undetermined && st->assumed && !in->reason[0])
		add(in->reason, sizeof(in->reason), "%s; version %d assumed as asked", undetermined,
		    st->version);
	if (in->meta == KSD_META_NO_CREATED_AT)
		note(in, "no created_at row: harmless while a version row exists");
	if (in->last_heartbeat && (st->candidates & KSD_VBIT(1)))
		note(in, "last_heartbeat row: a cliquet 1.2-1.3 version 1 schema");
	check_deleted_index(in);
	predict(in);
}

/* Cheap test before the full judgement: Kinto tables or Kinto rows. */
static bool maybe_kinto(const struct ksd_schema *s)
{
	if (has_table(s, storage_tables) || has_table(s, permission_tables))
		return true;
	for (size_t i = 0; i < s->metadata.nrows; i++) {
		const char *n = s->metadata.rows[i].name;
		if (same(n, STORAGE_ROW) || same(n, PERMISSION_ROW) || same(n, "created_at") ||
		    same(n, "last_heartbeat"))
			return true;
	}
	return false;
}

bool ksd_infer_catalog(const struct ksd_catalog *cat, int assume_version, struct ksd_instance **out,
                       size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	for (size_t d = 0; d < cat->ndatabases; d++) {
		const struct ksd_database *db = &cat->databases[d];
		for (size_t i = 0; i < db->nschemas; i++) {
			const struct ksd_schema *s = &db->schemas[i];
			if (!maybe_kinto(s))
				continue;
			struct ksd_instance probe;
			ksd_infer_instance(cat, db, s, assume_version, &probe);
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
