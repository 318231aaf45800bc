/* The words shared by the reports: names of states, version sets, the
 * contradictions behind an instance no version describes, and the English of
 * inference's codes (reasons, notes, predictions, drift). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ksd_err.h"
#include "report/words.h"

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
		snprintf(buf, cap, "%s (exit %d)", names[v], ksd_verdict_exit(v));
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
		words_vset(set, sizeof(set), in->allows[i]);
		snprintf(buf, cap, "%s: present, found only in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set[0] ? set : "(none)");
	} else {
		ksd_vset all = f->backend == KSD_STORAGE ? KSD_STORAGE_ALL : KSD_PERMISSION_ALL;
		words_vset(set, sizeof(set), ~in->allows[i] & all);
		snprintf(buf, cap, "%s: missing, expected in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set);
	}
}

void words_add(char *buf, size_t cap, const char *fmt, ...)
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

void words_origins(char *buf, size_t cap, ksd_vset s)
{
	int low = ksd_vset_lowest(s), high = ksd_vset_highest(s);
	if ((s & ~(KSD_VBIT(low) | KSD_VBIT(high))) == 0 && low != high) {
		words_add(buf, cap, "%d or %d", low, high);
		return;
	}
	char set[96];
	words_vset(set, sizeof(set), s);
	words_add(buf, cap, "%s", set);
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
		words_add(
		    buf, cap,
		    "no storage version matches the schema; nearest %s with %u contradiction%s",
		    set, r->count, r->count == 1 ? "" : "s");
		break;
	case KSD_REASON_NOT_HARMLESS:
		words_add(
		    buf, cap,
		    "storage versions %s are all possible and recording the lowest would not be "
		    "harmless",
		    set);
		break;
	case KSD_REASON_RECORDED_LOOK_ALIKE:
		words_add(buf, cap,
		          "versions %s look the same in a schema; the recorded %d is one of them",
		          set, r->version);
		break;
	case KSD_REASON_WRONG_BASE:
		words_add(buf, cap, "migrations ran on a version ");
		words_origins(buf, cap, r->versions);
		words_add(
		    buf, cap,
		    " schema from a wrong base; the repair redoes what they skipped, making it "
		    "the version %d that Kinto reads",
		    r->version);
		break;
	case KSD_REASON_NO_REPAIR:
		words_add(
		    buf, cap,
		    "migrations ran from a wrong base, skipping %03d->%03d, which no repair redoes",
		    r->version - 1, r->version);
		break;
	case KSD_REASON_RERUN_UNDONE:
	case KSD_REASON_RERUN_NO_REPAIR:
		words_add(buf, cap, "migrations from %03d->%03d re-ran on a version ", r->count - 1,
		          r->count);
		words_origins(buf, cap, r->versions);
		if (r->code == KSD_REASON_RERUN_UNDONE)
			words_add(
			    buf, cap,
			    " schema; the repair puts back the functions and triggers of version "
			    "%d "
			    "and records it",
			    r->version);
		else
			words_add(buf, cap, " schema, and no repair undoes what they did");
		break;
	case KSD_REASON_LOWEST_LOOK_ALIKE:
		words_add(
		    buf, cap,
		    "versions %s look the same in a schema; %d is recorded because re-running "
		    "migrations %03d->%03d..%03d->%03d on a later one changes nothing",
		    set, low, low, low + 1, high - 1, high);
		break;
	default:
		words_add(buf, cap, "%s", reason_words[r->code]);
	}
	if (r->assumed)
		words_add(buf, cap, "; version %d assumed as asked", r->assumed);
}

static void note(char *buf, size_t cap, const struct ksd_instance *in, enum ksd_note n)
{
	switch (n) {
	case KSD_NOTE_DUPLICATES:
		words_add(buf, cap, "%zu duplicate metadata row%s", in->duplicates,
		          in->duplicates == 1 ? "" : "s");
		break;
	case KSD_NOTE_GARBAGE:
		words_add(buf, cap,
		          "%zu metadata row%s Kinto does not write (unknown name or value)",
		          in->garbage, in->garbage == 1 ? "" : "s");
		break;
	case KSD_NOTE_ASSUME_CONTRADICTS:
		words_add(buf, cap, "--assume-version %d contradicts the schema",
		          in->storage.version);
		break;
	case KSD_NOTE_TWIN_UNREAD: {
		ksd_vset c = in->storage.candidates;
		char kept[96], out[96];
		words_vset(kept, sizeof(kept), c & ~ksd_twin_excludes);
		words_vset(out, sizeof(out), c & ksd_twin_excludes);
		unsigned searched = in->schema->twin.searched;
		bool records = !(searched & KSD_TWIN_RECORDS),
		     deleted = !(searched & KSD_TWIN_DELETED);
		words_add(
		    buf, cap,
		    "only table rows tell %s from %s (a deleted row with a twin in records rules "
		    "out "
		    "%s), and this dump lacks those of %s%s%s: add%s%s to pg_dump",
		    kept, out, out, deleted ? "deleted" : "", deleted && records ? " and " : "",
		    records ? "records" : "", deleted ? " --table=deleted" : "",
		    records ? " --table=records" : "");
		break;
	}
	default:
		words_add(buf, cap, "%s", note_words[n]);
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
		words_add(j->buf, j->cap, "; ");
	words_add(j->buf, j->cap, "%s", words);
}

void words_notes(char *buf, size_t cap, const struct ksd_instance *in)
{
	buf[0] = '\0';
	struct joined j = {buf, cap};
	words_each_note(in, join, &j);
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
			words_add(buf, cap, "%s%s", sep, nk->columns[i]);
			sep = ", ";
		}
}

void words_not_kinto(char *buf, size_t cap, const struct ksd_not_kinto *nk, bool place)
{
	buf[0] = '\0';
	if (place && nk->db && nk->db->name)
		words_add(buf, cap, "database %s, ", nk->db->name);
	if (place)
		words_add(buf, cap, "schema %s: ", nk->schema->name);
	words_add(buf, cap, "a table named %s, but ", nk->table);
	if (nk->has) {
		words_add(buf, cap, "only ");
		column_list(buf, cap, nk, nk->has);
		words_add(buf, cap, " of ");
	} else {
		words_add(buf, cap, "none of ");
	}
	words_add(buf, cap, "Kinto's columns (");
	column_list(buf, cap, nk, ~0u);
	words_add(buf, cap, ")%s",
	          nk->backend != KSD_STORAGE ? ""
	          : nk->has                  ? " and none of its functions"
	                                     : " or functions");
}
