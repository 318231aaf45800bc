/* The words shared by the reports: names of states, version sets, the
 * contradictions behind an instance no version describes, and the English of
 * inference's codes (reasons, notes, predictions, drift). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ksd_err.h"
#include "report/words.h"

int verdict_exit(enum ksd_verdict v)
{
	static const int exits[] = {
	    [KSD_VERDICT_OK] = KSD_EXIT_OK,
	    [KSD_VERDICT_FIX] = KSD_EXIT_FIX,
	    [KSD_VERDICT_UNDETERMINED] = KSD_EXIT_UNDETERMINED,
	};
	return exits[v];
}

void words_verdict(char *buf, size_t cap, enum ksd_verdict v, const struct ksd_dump *dump)
{
	static const char *const names[] = {
	    [KSD_VERDICT_OK] = "consistent",
	    [KSD_VERDICT_FIX] = "fix needed",
	    [KSD_VERDICT_UNDETERMINED] = "undetermined",
	};
	if (dump->archive.nmissing)
		snprintf(buf, cap, "%s, but the archive is incomplete (exit %d)", names[v],
		         KSD_EXIT_INPUT);
	else
		snprintf(buf, cap, "%s (exit %d)", names[v], verdict_exit(v));
}

const char *words_meta_name(enum ksd_meta_state m)
{
	static const char *const names[] = {
	    [KSD_META_INTACT] = "intact",
	    [KSD_META_FLUSHED] = "flushed",
	    [KSD_META_WRONG] = "wrong",
	    [KSD_META_NO_CREATED_AT] = "no-created-at",
	    [KSD_META_MISSING_TABLE] = "missing-table",
	    [KSD_META_NOT_DUMPED] = "not-dumped",
	};
	return names[m];
}

const char *words_format_name(enum ksd_dump_format f)
{
	static const char *const names[] = {
	    [KSD_FMT_UNKNOWN] = "unknown",
	    [KSD_FMT_PLAIN] = "plain",
	    [KSD_FMT_DUMPALL] = "pg_dumpall",
	    [KSD_FMT_CUSTOM] = "custom",
	    [KSD_FMT_TAR] = "tar",
	    [KSD_FMT_DIRECTORY] = "directory",
	};
	return names[f];
}

const char *words_compression_name(enum ksd_compression_alg c)
{
	static const char *const names[] = {
	    [KSD_COMPRESSION_NONE] = "none",   [KSD_COMPRESSION_GZIP] = "gzip",
	    [KSD_COMPRESSION_LZ4] = "lz4",     [KSD_COMPRESSION_ZSTD] = "zstd",
	    [KSD_COMPRESSION_BZIP2] = "bzip2", [KSD_COMPRESSION_XZ] = "xz",
	};
	return names[c];
}

const char *words_status_name(enum ksd_verdict v)
{
	return v == KSD_VERDICT_OK ? "ok" : v == KSD_VERDICT_FIX ? "fix-needed" : "undetermined";
}

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

void words_vset(char *buf, size_t cap, ksd_vset s)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int v = 1; v <= KSD_STORAGE_MAX && len + 1 < cap; v++) {
		if (!(s & KSD_VBIT(v)))
			continue;
		int w = v;
		while (w < KSD_STORAGE_MAX && (s & KSD_VBIT(w + 1)))
			w++;
		int n = w == v ? snprintf(buf + len, cap - len, "%s%d", len ? ", " : "", v)
		        : w == v + 1
		            ? snprintf(buf + len, cap - len, "%s%d, %d", len ? ", " : "", v, w)
		            : snprintf(buf + len, cap - len, "%s%d-%d", len ? ", " : "", v, w);
		if (n < 0 || (size_t)n >= cap - len)
			break;
		len += (size_t)n;
		v = w;
	}
}

void words_contradiction(char *buf, size_t cap, const struct ksd_instance *in, size_t i)
{
	const struct ksd_feature *f = &ksd_features[i];
	char set[96];
	if (in->obs[i] == KSD_OBS_PRESENT) {
		words_vset(set, sizeof(set), ksd_feature_allows(f, KSD_OBS_PRESENT, in->obs));
		snprintf(buf, cap, "%s: present, found only in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set[0] ? set : "(none)");
	} else {
		ksd_vset all = f->backend == KSD_STORAGE ? KSD_STORAGE_ALL : KSD_PERMISSION_ALL;
		words_vset(set, sizeof(set), ~ksd_feature_allows(f, KSD_OBS_ABSENT, in->obs) & all);
		snprintf(buf, cap, "%s: missing, expected in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set);
	}
}

size_t words_contradictions(const struct ksd_instance *in, size_t *idx, size_t max)
{
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
				if (!seen[found[j]] && n < max) {
					seen[found[j]] = true;
					idx[n++] = found[j];
				}
		}
	}
	/* Back to table order, which groups related features. */
	for (size_t a = 1; a < n; a++)
		for (size_t c = a; c > 0 && idx[c - 1] > idx[c]; c--) {
			size_t t = idx[c];
			idx[c] = idx[c - 1];
			idx[c - 1] = t;
		}
	return n;
}

/* Appends to the text in `buf` what fits: a text that reaches `cap` is cut. */
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

/* The reasons and notes that carry no numbers. */
static const char *const reason_words[] = {
    [KSD_REASON_NO_STORAGE_TABLES] = "the storage tables are missing from this schema",
    [KSD_REASON_DATA_ONLY] = "data-only dump: the schema is missing",
    [KSD_REASON_NO_PERMISSION_MATCH] = "no permission version matches the schema",
    [KSD_REASON_PARTIAL] = "the dump is incomplete, so missing objects prove nothing",
    [KSD_REASON_NO_DATA] = "the dump holds no table data, so the metadata rows are unknown",
    [KSD_REASON_META_MISSING] =
        "the archive lost the metadata table's data, so the metadata rows are unknown",
    [KSD_REASON_DELETED_INDEX] =
        "the metadata is right, but migration 006->007 needs index " KSD_DELETED_INDEX,
};

/* A note may hold "; ", which the JSON report reads as two. */
static const char *const note_words[] = {
    [KSD_NOTE_OUT_OF_MEMORY] = "out of memory while matching; every feature is unknown",
    [KSD_NOTE_TRUNCATED] = "metadata has more rows than are kept; the rest were not read",
    [KSD_NOTE_PERMISSION_ROW] = "a permission_schema_version row but no permission tables here",
    [KSD_NOTE_NO_CREATED_AT] = "no created_at row: harmless while a version row exists",
    [KSD_NOTE_LAST_HEARTBEAT] = "last_heartbeat row: a cliquet 1.2-1.3 version 1 schema",
    [KSD_NOTE_DELETED_INDEX] = "index " KSD_DELETED_INDEX
                               " is missing (a fresh cliquet 1.7.0 or 1.8.0 install): migration "
                               "006->007 fails without it, so the fix creates it",
    [KSD_NOTE_PLUGINS_TRUNCATED] =
        "more plugin version rows than are kept; the rest are not listed",
    [KSD_NOTE_LOST_TOMBSTONES] =
        "the version rows say 011->012 re-ran over this schema before the dump and emptied "
        "the obsolete table deleted of the tombstones records already holds (017->018 copied "
        "them): Kinto reads them from there, but no repair brings the rows of deleted back "
        "(an earlier backup holds them)",
};

/* "17", "16 or 17", "10-13". */
static void origin_words(char *buf, size_t cap, ksd_vset s)
{
	int low = ksd_vset_lowest(s), high = ksd_vset_highest(s);
	if ((s & ~(KSD_VBIT(low) | KSD_VBIT(high))) == 0 && low != high) {
		add(buf, cap, "%d or %d", low, high);
		return;
	}
	char set[96];
	words_vset(set, sizeof(set), s);
	add(buf, cap, "%s", set);
}

void words_reason(char *buf, size_t cap, const struct ksd_reason *r)
{
	char set[96];
	words_vset(set, sizeof(set), r->versions);
	int low = r->version, high = ksd_vset_highest(r->versions);
	buf[0] = '\0';
	switch (r->code) {
	case KSD_REASON_NONE:
		return;
	case KSD_REASON_NO_STORAGE_MATCH:
		add(buf, cap,
		    "no storage version matches the schema; nearest %s with %u contradiction%s",
		    set, r->count, r->count == 1 ? "" : "s");
		break;
	case KSD_REASON_NOT_HARMLESS:
		add(buf, cap,
		    "storage versions %s are all possible and recording the lowest would not be "
		    "harmless",
		    set);
		break;
	case KSD_REASON_RECORDED_LOOK_ALIKE:
		add(buf, cap,
		    "versions %s look the same in a schema; the recorded %d is one of them", set,
		    r->version);
		break;
	case KSD_REASON_WRONG_BASE:
		add(buf, cap, "migrations ran on a version ");
		origin_words(buf, cap, r->versions);
		add(buf, cap,
		    " schema from a wrong base; the repair redoes what they skipped, making it "
		    "the version %d that Kinto reads",
		    r->version);
		break;
	case KSD_REASON_NO_REPAIR:
		add(buf, cap,
		    "migrations ran from a wrong base, skipping %03d->%03d, which no repair redoes",
		    r->version - 1, r->version);
		break;
	case KSD_REASON_RERUN_UNDONE:
	case KSD_REASON_RERUN_NO_REPAIR:
		add(buf, cap, "migrations from %03d->%03d re-ran on a version ", r->count - 1,
		    r->count);
		origin_words(buf, cap, r->versions);
		if (r->code == KSD_REASON_RERUN_UNDONE)
			add(buf, cap,
			    " schema; the repair puts back the functions and triggers of version "
			    "%d "
			    "and records it",
			    r->version);
		else
			add(buf, cap, " schema, and no repair undoes what they did");
		break;
	case KSD_REASON_LOWEST_LOOK_ALIKE:
		add(buf, cap,
		    "versions %s look the same in a schema; %d is recorded because re-running "
		    "migrations %03d->%03d..%03d->%03d on a later one changes nothing",
		    set, low, low, low + 1, high - 1, high);
		break;
	default:
		add(buf, cap, "%s", reason_words[r->code]);
	}
	if (r->assumed)
		add(buf, cap, "; version %d assumed as asked", r->assumed);
}

static void note(char *buf, size_t cap, const struct ksd_instance *in, enum ksd_note n)
{
	switch (n) {
	case KSD_NOTE_DUPLICATES:
		add(buf, cap, "%zu duplicate metadata row%s", in->duplicates,
		    in->duplicates == 1 ? "" : "s");
		break;
	case KSD_NOTE_GARBAGE:
		add(buf, cap, "%zu metadata row%s Kinto does not write (unknown name or value)",
		    in->garbage, in->garbage == 1 ? "" : "s");
		break;
	case KSD_NOTE_ASSUME_CONTRADICTS:
		add(buf, cap, "--assume-version %d contradicts the schema", in->storage.version);
		break;
	case KSD_NOTE_TWIN_UNREAD: {
		ksd_vset c = in->storage.candidates;
		char kept[96], out[96];
		words_vset(kept, sizeof(kept), c & ~ksd_twin_excludes);
		words_vset(out, sizeof(out), c & ksd_twin_excludes);
		unsigned searched = in->schema->twin.searched;
		bool records = !(searched & KSD_TWIN_RECORDS),
		     deleted = !(searched & KSD_TWIN_DELETED);
		add(buf, cap,
		    "only table rows tell %s from %s (a deleted row with a twin in records rules "
		    "out "
		    "%s), and this dump lacks those of %s%s%s: add%s%s to pg_dump",
		    kept, out, out, deleted ? "deleted" : "", deleted && records ? " and " : "",
		    records ? "records" : "", deleted ? " --table=deleted" : "",
		    records ? " --table=records" : "");
		break;
	}
	default:
		add(buf, cap, "%s", note_words[n]);
	}
}

void words_note(char *buf, size_t cap, const struct ksd_instance *in, enum ksd_note n)
{
	buf[0] = '\0';
	note(buf, cap, in, n);
}

void words_each_note(const struct ksd_instance *in, void (*each)(const char *words, void *ctx),
                     void *ctx)
{
	for (enum ksd_note n = KSD_NOTE_OUT_OF_MEMORY; n <= KSD_NOTE_TWIN_UNREAD; n++) {
		if (!(in->notes & KSD_NOTE_BIT(n)))
			continue;
		char buf[WORDS_NOTES_MAX];
		buf[0] = '\0';
		note(buf, sizeof(buf), in, n);
		each(buf, ctx);
	}
}

struct joined {
	char *buf;
	size_t cap;
};

static void join(const char *words, void *ctx)
{
	struct joined *j = ctx;
	if (j->buf[0])
		add(j->buf, j->cap, "; ");
	add(j->buf, j->cap, "%s", words);
}

void words_notes(char *buf, size_t cap, const struct ksd_instance *in)
{
	buf[0] = '\0';
	struct joined j = {buf, cap};
	words_each_note(in, join, &j);
}

/* How a step fails, after "<step> fails ". */
static const char *const cause_words[] = {
    [KSD_CAUSE_NONE] = "",
    [KSD_CAUSE_LATER_SCHEMA] = "and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_RECORDS] = "(no table records) and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_DELETED_INDEX] = "because index " KSD_DELETED_INDEX " does not exist",
    [KSD_CAUSE_NO_COLLECTION_ID] =
        "(no collection_id column) and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_TIMESTAMPS] = "(no timestamps table) and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_DELETED_COLUMN] = "because objects has no column deleted",
    [KSD_CAUSE_018_NEVER_RAN] = "because objects has no column deleted (migration 018 never ran)",
    [KSD_CAUSE_DATA_JSON] = "(data is json, not jsonb: its index has no btree operator class) and "
                            "is rolled back, Kinto stops there",
};

/* How Kinto reads the version, before what it then runs. */
static const char *const read_words[] = {
    [KSD_READ_NONE] = "",
    [KSD_READ_NO_TABLE] = "its version query fails: there is no metadata table",
    [KSD_READ_NO_DATA] = "cannot tell: the dump holds no table data",
    [KSD_READ_CREATED_AT] = "finds created_at but no version row, assumes 1; ",
    [KSD_READ_GUESS] = "finds no version row and no created_at, warns and guesses 20; ",
    [KSD_READ_NOT_A_NUMBER] = "fails: the top storage_schema_version value is not a number",
    [KSD_READ_RECORDED] = "",
};

static void storage_words(char *buf, size_t cap, const struct ksd_storage_run *r)
{
	int g = r->from, t = r->truth, f = r->fails, max = KSD_STORAGE_MAX;
	const char *cause =
	    r->cause < sizeof(cause_words) / sizeof(cause_words[0]) ? cause_words[r->cause] : "";
	char named[256];
	if (r->cause == KSD_CAUSE_MISSING) {
		snprintf(named, sizeof(named), "(no %s) and is rolled back, Kinto stops there",
		         r->missing ? r->missing : "");
		cause = named;
	} else if (r->cause == KSD_CAUSE_EXISTS) {
		/* A name from the dump: the callers escape what they print. */
		snprintf(named, sizeof(named),
		         "because %s already exists, not as Kinto creates it: rolled back, Kinto "
		         "stops there",
		         r->clash ? r->clash : "");
		cause = named;
	}
	if (r->read == KSD_READ_TOO_NEW)
		add(buf, cap, "reads %d, newer than any Kinto release it knows; ", g);
	else
		add(buf, cap, "%s", read_words[r->read]);
	switch (r->run) {
	case KSD_RUN_NONE:
		break;
	case KSD_RUN_UP_TO_DATE:
		add(buf, cap, "finds version %d: up to date, runs nothing", t);
		break;
	case KSD_RUN_FORWARD:
		if (f)
			add(buf, cap,
			    "finds version %d and runs migrations from %d: %03d->%03d fails %s", t,
			    t + 1, f, f + 1, cause);
		else
			add(buf, cap, "finds version %d and runs migrations %d..%d normally", t,
			    t + 1, max);
		break;
	case KSD_RUN_RERUN:
		add(buf, cap, "re-runs migrations %03d->%03d..%03d->%03d on a version %d schema", g,
		    g + 1, t - 1, t, t);
		for (int step = g; step < t; step++)
			if (r->damages & KSD_VBIT(step))
				add(buf, cap, "; %s", ksd_rerun_step(step)->effect);
		if (f)
			add(buf, cap, ": %03d->%03d fails %s", f, f + 1, cause);
		else if (t == max)
			add(buf, cap, "; each succeeds without changing the schema");
		else
			add(buf, cap, "; then runs %d..%d", t + 1, max);
		break;
	case KSD_RUN_FAIL_FIRST:
		add(buf, cap, "runs %03d->%03d on a version %d schema: it fails %s", f, f + 1, t,
		    cause);
		break;
	case KSD_RUN_FAIL_LATER:
		if (f == g + 1)
			add(buf, cap,
			    "runs %03d->%03d on a version %d schema: it succeeds, then %03d->%03d "
			    "fails %s, leaving a hybrid that no version describes",
			    g, g + 1, t, f, f + 1, cause);
		else
			add(buf, cap,
			    "runs %03d->%03d..%03d->%03d on a version %d schema: they succeed, "
			    "then %03d->%03d fails %s, leaving a hybrid that no version describes",
			    g, g + 1, f - 1, f, t, f, f + 1, cause);
		break;
	case KSD_RUN_SKIP_COLLATION:
		add(buf, cap,
		    "completes to %d, but migration%s %d..%d (COLLATE \"C\" on the id columns) "
		    "never run%s",
		    max, g > t + 1 ? "s" : "", t + 1, g, g > t + 1 ? "" : "s");
		break;
	case KSD_RUN_SKIP:
		add(buf, cap, "skips migrations %d..%d", t + 1, g);
		for (int v = t + 1; v <= g; v++)
			add(buf, cap, "%s%d: %s", v == t + 1 ? " (" : "; ", v,
			    ksd_storage_change(v));
		add(buf, cap, ")%s", g < max ? ", then runs the later ones on it" : "");
		break;
	case KSD_RUN_UNDESCRIBED:
		if (f)
			add(buf, cap, "runs migrations from %d: %03d->%03d fails %s", g + 1, f,
			    f + 1, cause);
		else if (g == max)
			add(buf, cap, "reads %d and runs nothing", g);
		else
			add(buf, cap,
			    "reads %d and runs migrations %d..%d on a schema no version describes",
			    g, g + 1, max);
		break;
	}
}

void words_kinto(char *buf, size_t cap, const struct ksd_prediction *p)
{
	const struct ksd_permission_run *pm = &p->permission;
	buf[0] = '\0';
	storage_words(buf, cap, &p->storage);
	if (pm->run == KSD_RUN_NONE)
		return;
	add(buf, cap, "%spermission: reads %d", buf[0] ? "; " : "", pm->from);
	if (pm->run == KSD_RUN_RERUN)
		add(buf, cap, " and re-runs 001->002 (harmless, adds the row)");
	else
		add(buf, cap, " and skips 001->002: COLLATE \"C\" never applied");
}

const char *words_error(enum ksd_cause c)
{
	static const char *const errors[] = {
	    [KSD_CAUSE_NO_COLLECTION_ID] = "column \"collection_id\" does not exist",
	    [KSD_CAUSE_NO_TIMESTAMPS] = "relation \"timestamps\" does not exist",
	    [KSD_CAUSE_NO_RECORDS] = "relation \"records\" does not exist",
	    [KSD_CAUSE_NO_DELETED_COLUMN] = "column \"deleted\" does not exist",
	    [KSD_CAUSE_018_NEVER_RAN] = "column \"deleted\" does not exist",
	    [KSD_CAUSE_DATA_JSON] =
	        "data type json has no default operator class for access method \"btree\"",
	};
	return c < sizeof(errors) / sizeof(errors[0]) ? errors[c] : NULL;
}

void words_history(char *buf, size_t cap, const struct ksd_history *h)
{
	buf[0] = '\0';
	if (!h->found)
		return;
	add(buf, cap, "storage version ");
	origin_words(buf, cap, h->origin);
	if (h->flushed)
		add(buf, cap, " when flushed; Kinto >= 12 assumed 20");
	else
		add(buf, cap, " when %d was recorded; Kinto assumed %d", h->assumed, h->assumed);
	add(buf, cap, " and ran ");
	for (int k = h->assumed + 1; k <= h->top; k++)
		add(buf, cap, "%s%03d->%03d", k > h->assumed + 1 ? ", " : "", k - 1, k);
	if (h->failed && words_error(h->cause))
		add(buf, cap, "; %03d->%03d fails: %s", h->failed - 1, h->failed,
		    words_error(h->cause));
	else if (h->failed && h->cause == KSD_CAUSE_MISSING)
		add(buf, cap, "; %03d->%03d fails: no %s", h->failed - 1, h->failed, h->missing);
	else if (h->failed)
		add(buf, cap, "; %03d->%03d fails on the newer schema", h->failed - 1, h->failed);
	else
		add(buf, cap, "; every step committed");
	if (h->restamped)
		add(buf, cap,
		    "; %03d->%03d rewrote every record under the version %d trigger, which stamped "
		    "each with the time of that run: their own last_modified times are lost (an "
		    "earlier backup holds them)",
		    h->restamped - 1, h->restamped, ksd_vset_lowest(h->origin));
	if (h->lost)
		add(buf, cap,
		    "; %03d->%03d deleted rows of the obsolete table deleted that no repair brings "
		    "back (records holds their tombstones; an earlier backup holds the rows)",
		    h->lost - 1, h->lost);
}

void words_pg_release(char *buf, size_t cap, int v)
{
	if (v >= 100000)
		snprintf(buf, cap, v % 10000 ? "%d.%d" : "%d", v / 10000, v % 10000);
	else
		snprintf(buf, cap, v % 100 ? "%d.%d.%d" : "%d.%d", v / 10000, v / 100 % 100,
		         v % 100);
}

/* "13.22, 14.19, 18 or later" of a 0-terminated list, or "12 or later". */
static void releases_or_later(char *buf, size_t cap, int first, const int *releases)
{
	char r[16];
	buf[0] = '\0';
	for (size_t i = 0; releases && releases[i]; i++) {
		words_pg_release(r, sizeof(r), releases[i]);
		add(buf, cap, "%s%s", i ? ", " : "", r);
	}
	if (!releases) {
		words_pg_release(r, sizeof(r), first);
		add(buf, cap, "%s", r);
	}
	add(buf, cap, " or later");
}

void words_restore_bound(char *buf, size_t cap, const struct ksd_restore *r)
{
	char bound[256] = "of any release";
	if (r->min_version)
		releases_or_later(bound, sizeof(bound), r->min_version, r->releases);
	buf[0] = '\0';
	add(buf, cap, "%s%s %s", r->restorable ? "" : "not as it is; then ",
	    r->program == KSD_PROG_PSQL ? "psql" : "pg_restore", bound);
	for (size_t i = 0; i < r->nexcept; i++) {
		char m[16];
		words_pg_release(m, sizeof(m), r->except[i]);
		add(buf, cap, "%s%s", i ? ", " : ", but not ", m);
	}
}

void words_restore_need(char *buf, size_t cap, const struct ksd_restore_need *n)
{
	switch (n->code) {
	case KSD_NEED_ARCHIVE:
		snprintf(buf, cap, "archive 1.%d", n->vmin);
		return;
	case KSD_NEED_COMPRESSION: {
		const char *c = words_compression_name(n->compression);
		char v[16];
		words_pg_release(v, sizeof(v), n->version);
		snprintf(buf, cap, "%s-compressed data: a pg_restore %s or later built with %s", c,
		         v, c);
		return;
	}
	case KSD_NEED_UNWRAP:
		snprintf(buf, cap,
		         "the whole file is %s-compressed: decompress it first, neither psql nor "
		         "pg_restore reads it so",
		         words_compression_name(n->compression));
		return;
	case KSD_NEED_RESTRICT:
		snprintf(buf, cap,
		         "\\restrict lines, which an older psql takes for invalid commands "
		         "(and stops at with ON_ERROR_STOP)");
		return;
	case KSD_NEED_SHELL:
		snprintf(buf, cap,
		         "\\! runs shell commands on the restoring host: read them first");
		return;
	case KSD_NEED_INCLUDE:
		snprintf(buf, cap, "\\%s reads another file, which must be there", n->name);
		return;
	case KSD_NEED_META:
		snprintf(buf, cap, "\\%s, a meta-command pg_dump does not write", n->name);
		return;
	case KSD_NEED_TOC_NOT_FIRST:
		snprintf(
		    buf, cap,
		    "toc.dat is not the tar's first member: pg_restore 17 refuses such a file "
		    "(\"precedes toc.dat\"), 13, 18 and 19 crashed on one; unpack it (tar -xf) "
		    "and give pg_restore the directory");
		return;
	case KSD_NEED_SERVER: {
		char v[16];
		words_pg_release(v, sizeof(v), n->version);
		snprintf(buf, cap,
		         "written by pg_dump %s: into a server %s or later (an older one may "
		         "reject some of it)",
		         v, v);
		return;
	}
	case KSD_NEED_COMPLETE: {
		/* What pg_restore (13 to 18) says when it meets the first of them. */
		static const char *const fails[] = {
		    [KSD_MISSING_FILES] = "could not open input file",
		    [KSD_MISSING_MEMBERS] = "could not find header for file ... in tar archive",
		    [KSD_MISSING_CUT] = "could not read from input file: end of file",
		};
		static const char *const items[] = {
		    [KSD_MISSING_FILES] = "data file",
		    [KSD_MISSING_MEMBERS] = "tar member",
		    [KSD_MISSING_CUT] = "data block",
		};
		snprintf(buf, cap,
		         "incomplete: %s%zu %s%s missing (listed under `missing`), and pg_restore "
		         "stops at the first (\"%s\"); only the rest restores, with pg_restore -L "
		         "and a list that leaves their TOC entries out",
		         n->missing == KSD_MISSING_CUT ? "the file ends inside its data, " : "",
		         n->count, items[n->missing], n->count == 1 ? "" : "s", fails[n->missing]);
		return;
	}
	case KSD_NEED_FUNCTION: {
		char v[16];
		words_pg_release(v, sizeof(v), n->version);
		if (n->entry)
			snprintf(
			    buf, cap,
			    "%s entries call %s: into a server %s or later, or leave them out "
			    "with pg_restore %s --no-statistics (an older pg_restore restores them "
			    "all the same)",
			    n->entry, n->name, v, v);
		else
			snprintf(buf, cap, "its SQL calls %s: into a server %s or later", n->name,
			         v);
		return;
	}
	case KSD_NEED_STD_STRINGS_OFF: {
		char v[16], last[16];
		words_pg_release(v, sizeof(v), n->version);
		words_pg_release(last, sizeof(last), n->version - 10000);
		snprintf(
		    buf, cap,
		    "it sets standard_conforming_strings off, which a server %s or later refuses "
		    "(\"non-standard string literals are not supported\"): into a server %s or "
		    "older",
		    v, last);
		return;
	}
	case KSD_NEED_DATA_ORDER:
		snprintf(buf, cap,
		         "the tar's data members are not in TOC order: pg_restore reads forward "
		         "only and cannot restore them; unpack it (tar -xf) and give pg_restore "
		         "the directory");
		return;
	}
	buf[0] = '\0';
}

const char *words_event_name(enum ksd_event_kind k)
{
	static const char *const names[] = {
	    [KSD_EV_INSTALL] = "install", [KSD_EV_STEP] = "step",   [KSD_EV_FLUSH] = "flush",
	    [KSD_EV_GUESS] = "guess",     [KSD_EV_FAILS] = "fails", [KSD_EV_DUMP] = "dump",
	};
	return names[k];
}

void words_event(char *buf, size_t cap, const struct ksd_event *e)
{
	char v[32] = "a value that is no number";
	if (e->version > 0)
		snprintf(v, sizeof(v), "%d", e->version);
	switch (e->kind) {
	case KSD_EV_INSTALL:
		snprintf(buf, cap,
		         e->fresh ? "fresh install of version %s (one version row)"
		                  : "install at version 1 (created_at), then a chain of steps",
		         v);
		return;
	case KSD_EV_STEP:
		snprintf(buf, cap, "version row %s%s", v,
		         e->wrong_base ? ": a step run on the wrong base" : "");
		return;
	case KSD_EV_FLUSH:
		snprintf(buf, cap, "flush: the version rows were emptied");
		return;
	case KSD_EV_GUESS:
		snprintf(buf, cap, "kinto migrate starts from version %s", v);
		return;
	case KSD_EV_FAILS:
		snprintf(buf, cap, "the step to %s fails on the result", v);
		return;
	case KSD_EV_DUMP:
		snprintf(buf, cap, "pg_dump");
		return;
	}
	buf[0] = '\0';
}
void words_plugin_data(char *buf, size_t cap, const struct ksd_plugin *p)
{
	buf[0] = '\0';
	if (!p->data_known || !p->current)
		return;
	if (!p->data_version)
		snprintf(buf, cap, "no rows of its data say its version");
	else if (p->unmoved)
		snprintf(buf, cap, "its data is at %d: %" PRIu64 " rows its migration %d->%d moves",
		         p->data_version, p->unmoved, p->data_version, p->data_version + 1);
	else
		snprintf(buf, cap, "its data is at %d", p->data_version);
}

void words_plugin_kinto(char *buf, size_t cap, const struct ksd_plugin *p)
{
	switch (p->run) {
	case KSD_PLUGIN_RUN_UNKNOWN:
		buf[0] = '\0';
		break;
	case KSD_PLUGIN_RUN_FAILS:
		snprintf(buf, cap, "fails to read its version: the top value is not a number");
		break;
	case KSD_PLUGIN_RUN_MIGRATE:
		snprintf(buf, cap, "reads %d and migrates it to %d", p->reads, p->current);
		break;
	case KSD_PLUGIN_RUN_UP_TO_DATE:
		if (p->data_known && p->data_version && p->data_version < p->reads)
			snprintf(buf, cap,
			         "reads %d and runs nothing: the %" PRIu64
			         " rows stay where version %d no longer looks",
			         p->reads, p->unmoved, p->current);
		else
			snprintf(buf, cap, "reads %d and runs nothing", p->reads);
		break;
	case KSD_PLUGIN_RUN_TOO_NEW:
		snprintf(buf, cap, "reads %d, newer than its release's %d, and runs nothing",
		         p->reads, p->current);
		break;
	}
}

/* The columns of `nk` whose bit in `mask` is set, ", " between them. */
static void column_list(char *buf, size_t cap, const struct ksd_not_kinto *nk, unsigned mask)
{
	const char *sep = "";
	for (unsigned i = 0; nk->columns[i]; i++)
		if (mask & (1u << i)) {
			add(buf, cap, "%s%s", sep, nk->columns[i]);
			sep = ", ";
		}
}

void words_not_kinto(char *buf, size_t cap, const struct ksd_not_kinto *nk, bool place)
{
	buf[0] = '\0';
	if (place && nk->db && nk->db->name)
		add(buf, cap, "database %s, ", nk->db->name);
	if (place)
		add(buf, cap, "schema %s: ", nk->schema->name);
	add(buf, cap, "a table named %s, but ", nk->table);
	if (nk->has) {
		add(buf, cap, "only ");
		column_list(buf, cap, nk, nk->has);
		add(buf, cap, " of ");
	} else {
		add(buf, cap, "none of ");
	}
	add(buf, cap, "Kinto's columns (");
	column_list(buf, cap, nk, ~0u);
	add(buf, cap, ")%s",
	    nk->backend != KSD_STORAGE ? ""
	    : nk->has                  ? " and none of its functions"
	                               : " or functions");
}
