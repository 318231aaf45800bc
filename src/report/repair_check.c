/* The check a fix runs first, inside its transaction: the Kinto schema
 * pinned as the search path, every table of Kinto's locked, then each
 * feature that tells versions apart read from the live catalog and compared
 * with the dump's state and the one the fix leaves; it raises, changing
 * nothing, when the database is neither (another database, or one changed
 * since the dump). No name from the dump is written inside the dollar
 * quotes: the block finds the schema as current_schema(). */
#include <string.h>

#include "ksd_md5.h"

#include "report/catalog_sql.h"
#include "report/repair.h"
#include "report/sqltext.h"

/* A feature the check compares: its name in the messages, the fingerprint
 * row that says how the dump showed it (the state text when present, when
 * absent), and the repair that changes it to `repaired`. */
struct expectation {
	const char *what;
	const char *feature;
	const char *present, *absent;
	enum ksd_repair by;
	const char *repaired;
};

static const struct expectation expectations[] = {
    {"table objects", "table objects", "present", "missing", 0, NULL},
    {"table timestamps", "table timestamps", "present", "missing", 0, NULL},
    {"table deleted", "table deleted", "present", "missing", 0, NULL},
    {"column objects.deleted", "objects.deleted column", "boolean", "missing",
     KSD_REPAIR_TOMBSTONES, "boolean"},
    {"column objects.id", "objects.id collated \"C\"", "text C", "text", KSD_REPAIR_COLLATE_OBJECTS,
     "text C"},
    {"column objects.parent_id", "objects.parent_id collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_OBJECTS, "text C"},
    {"column objects.resource_name", "objects.resource_name collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_OBJECTS, "text C"},
    {"column timestamps.parent_id", "timestamps.parent_id collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_TIMESTAMPS, "text C"},
    {"column timestamps.resource_name", "timestamps.resource_name collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_TIMESTAMPS, "text C"},
    {"function bump_timestamp", "function bump_timestamp", "present", "missing", 0, NULL},
    {"function collection_timestamp", "function collection_timestamp", "present", "missing",
     KSD_REPAIR_DROP_HELPER, "missing"},
    {"trigger tgr_objects_last_modified", "trigger tgr_objects_last_modified", "enabled", "missing",
     0, NULL},
};

static enum ksd_obs observed(const struct ksd_instance *in, const char *label)
{
	size_t i = ksd_feature_index(label);
	return i < ksd_nfeatures ? in->obs[i] : KSD_OBS_UNKNOWN;
}

/* The table of a "column TABLE.NAME" row, or NULL for another row. */
static const char *column_table(const struct expectation *e, char table[KSD_NAME_CAP])
{
	if (strncmp(e->what, "column ", 7) != 0)
		return NULL;
	snprintf(table, KSD_NAME_CAP, "%.*s", (int)strcspn(e->what + 7, "."), e->what + 7);
	return table;
}

/* A feature as the dump showed it; a column the dump lacks is missing,
 * whatever its row says of a table without it. */
static const char *as_read(const struct ksd_instance *in, const struct expectation *e)
{
	char table[KSD_NAME_CAP];
	if (column_table(e, table)) {
		const struct ksd_table *t = ksd_schema_table(in->schema, table);
		if (!t || !ksd_table_column(t, e->what + 8 + strlen(table)))
			return "missing";
	}
	return observed(in, e->feature) == KSD_OBS_PRESENT ? e->present : e->absent;
}

/* The tombstone trigger, in the check's words. */
static const char *trigger_words(bool present, bool on_update)
{
	return !present ? "missing" : on_update ? "insert or update" : "insert";
}

/* As the dump showed it. */
static const char *trigger_as_read(const struct ksd_instance *in)
{
	return trigger_words(observed(in, "trigger tgr_deleted_last_modified") == KSD_OBS_PRESENT,
	                     observed(in, "tgr_deleted_last_modified fires on UPDATE") ==
	                         KSD_OBS_PRESENT);
}

/* One row of the expected list; `first` says whether it opens the list. */
static void expected_row(FILE *out, bool *first, const char *what, const char *as_read,
                         const char *repaired)
{
	fprintf(out, "%s\n        ('%s', '%s', '%s')", *first ? "" : ",", what, as_read,
	        repaired ? repaired : as_read);
	*first = false;
}

/* The catalog as the check compares it: one row per feature. 950 is the
 * oid of the collation "C" in every PostgreSQL release. */
static const char live[] =
    "    WITH live(what, got) AS (\n"
    "        SELECT 'table ' || relname, 'present' FROM pg_catalog.pg_class\n"
    "         WHERE relnamespace = ns AND relkind = 'r'\n"
    "        UNION ALL\n"
    "        SELECT 'column ' || c.relname || '.' || a.attname,\n"
    "               pg_catalog.format_type(a.atttypid, a.atttypmod)\n"
    "               || CASE WHEN a.attcollation = 950 THEN ' C' ELSE '' END\n"
    "          FROM pg_catalog.pg_attribute a\n"
    "          JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
    "         WHERE c.relnamespace = ns AND a.attnum > 0 AND NOT a.attisdropped\n"
    "        UNION ALL\n"
    "        SELECT DISTINCT 'function ' || proname, 'present' FROM pg_catalog.pg_proc\n"
    "         WHERE pronamespace = ns\n"
    "        UNION ALL\n"
    "        SELECT 'trigger ' || t.tgname,\n"
    "               CASE WHEN t.tgenabled <> 'O' THEN 'disabled'\n"
    "                    WHEN c.relname = 'objects' THEN 'enabled'\n"
    "                    WHEN t.tgtype & 16 <> 0 THEN 'insert or update' ELSE 'insert' END\n"
    "          FROM pg_catalog.pg_trigger t\n"
    "          JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
    "         WHERE c.relnamespace = ns AND NOT t.tgisinternal\n"
    "        UNION ALL\n"
    "        SELECT 'index ' || relname, 'present' FROM pg_catalog.pg_class\n"
    "         WHERE relnamespace = ns AND relkind = 'i'\n";

/* The version rows as they are, for a repair (a plain fix checks them in
 * its own block, values that are none ignored). */
static const char live_rows[] =
    "        UNION ALL\n"
    "        SELECT 'storage_schema_version rows',\n"
    "               pg_catalog.string_agg(value, ',' ORDER BY pg_catalog.lpad(value, 3, "
    "'0'), value)\n"
    "          FROM metadata WHERE name = 'storage_schema_version'\n";

/* Where the merge of 018 is still to come: no tombstone may share its
 * collection and timestamp with a live object, as the unique index on them
 * would make the merge drop it. */
static const char clash[] =
    "    IF to_dump IS NULL THEN\n"
    "        SELECT d.id AS tombstone, o.id AS object INTO clash\n"
    "          FROM deleted AS d\n"
    "          JOIN objects AS o ON o.parent_id = d.parent_id\n"
    "           AND o.resource_name = d.collection_id AND o.last_modified = d.last_modified\n"
    "         WHERE NOT EXISTS (SELECT FROM objects AS t WHERE t.id = d.id\n"
    "                              AND t.parent_id = d.parent_id\n"
    "                              AND t.resource_name = d.collection_id)\n"
    "         LIMIT 1;\n"
    "        IF FOUND THEN\n"
    "            RAISE EXCEPTION 'kinto-schema-doctor: tombstone % has the parent, collection "
    "and last_modified of object %, so 018''s merge cannot take it into objects; nothing was "
    "changed',\n"
    "                pg_catalog.regexp_replace(pg_catalog.quote_literal(clash.tombstone), "
    "'[^ -~]', '?', 'g'),\n"
    "                pg_catalog.regexp_replace(pg_catalog.quote_literal(clash.object), "
    "'[^ -~]', '?', 'g');\n"
    "        END IF;\n"
    "    END IF;\n";

/* As version v has it. */
static const char *trigger_at(int v)
{
	return trigger_words(ksd_feature_holds("trigger tgr_deleted_last_modified", v),
	                     ksd_feature_holds("tgr_deleted_last_modified fires on UPDATE", v));
}

/* Whether a step whose table statements the repair runs changes the
 * feature of fingerprint row `label`. */
static bool redone(const struct ksd_history *h, const char *label)
{
	size_t i = ksd_feature_index(label);
	for (ksd_vset left = h->redo; left && i < ksd_nfeatures; left &= left - 1)
		if (ksd_step_changes(ksd_vset_lowest(left), &ksd_features[i]))
			return true;
	return false;
}

/* A feature's state once the repair ran: what the code of the target
 * version gives a function or trigger, else what the repair of `by` leaves,
 * else NULL (as read). */
static const char *repaired_state(const struct ksd_instance *in, const struct expectation *e)
{
	const struct ksd_history *h = &in->history;
	bool code =
	    strncmp(e->feature, "function ", 9) == 0 || strncmp(e->feature, "trigger ", 8) == 0;
	char table[KSD_NAME_CAP], tlabel[2 * KSD_NAME_CAP], clabel[2 * KSD_NAME_CAP];
	if (column_table(e, table)) {
		/* A column a redone step made or changed, or of a table one made:
		 * there at the target when its table and its own row say so. */
		snprintf(tlabel, sizeof(tlabel), "table %s", table);
		snprintf(clabel, sizeof(clabel), "%s column", e->what + 7);
		if (redone(h, tlabel) || redone(h, clabel) || redone(h, e->feature)) {
			bool there = ksd_feature_holds(tlabel, h->target) &&
			             (ksd_feature_index(clabel) >= ksd_nfeatures ||
			              ksd_feature_holds(clabel, h->target));
			return !there                                     ? "missing"
			       : ksd_feature_holds(e->feature, h->target) ? e->present
			                                                  : e->absent;
		}
	}
	size_t i = ksd_feature_index(e->feature);
	bool known = i < ksd_nfeatures && !(ksd_features[i].tolerate & KSD_VBIT(h->target));
	if (((h->repairs & KSD_REPAIR_CODE) && code) || (known && redone(h, e->feature)))
		return ksd_feature_holds(e->feature, h->target) ? e->present : e->absent;
	return (h->repairs & e->by) ? e->repaired : NULL;
}

int repair_records(const struct ksd_instance *in)
{
	return in->history.rerun ? in->history.target : 0;
}

/* Every index of Kinto's name, as the dump has it and as the fix leaves
 * it: what tells apart cells whose version rows and tables are alike. */
static void index_rows(FILE *out, bool *first, const struct ksd_instance *in)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (f->backend != KSD_STORAGE || f->kind != KSD_F_INDEX)
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = ksd_features[j].backend == KSD_STORAGE &&
			       ksd_features[j].kind == KSD_F_INDEX &&
			       strcmp(ksd_features[j].name, f->name) == 0;
		if (seen)
			continue;
		const char *read = ksd_schema_index(in->schema, f->name) ? "present" : "missing";
		const char *left = !redone(&in->history, f->label)                   ? read
		                   : ksd_feature_holds(f->label, in->history.target) ? "present"
		                                                                     : "missing";
		if (in->missing_deleted_index && strcmp(f->name, KSD_DELETED_INDEX) == 0)
			left = "present";
		char what[KSD_NAME_CAP + 8];
		snprintf(what, sizeof(what), "index %s", f->name);
		expected_row(out, first, what, read, left);
	}
}

/* The source of each function of Kinto's as PostgreSQL's md5() sees it,
 * CRLF line ends made LF as the catalog stores a body. */
static const char live_bodies[] =
    "        UNION ALL\n"
    "        SELECT 'body ' || proname,\n"
    "               pg_catalog.md5(pg_catalog.replace(prosrc, pg_catalog.chr(13) || "
    "pg_catalog.chr(10),\n"
    "                                                 pg_catalog.chr(10)))\n"
    "          FROM pg_catalog.pg_proc WHERE pronamespace = ns\n";

/* Each function of Kinto's the dump shows once, by the digest of its
 * source, or missing: the bodies are all that tells 21 from 22 or 25 from
 * 26. A cut body, or a name the dump has twice, is left out. For a plain
 * fix only: a repair installs bodies of its own. */
static void body_rows(FILE *out, bool *first, const struct ksd_instance *in)
{
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *f = &ksd_features[i];
		if (f->backend != KSD_STORAGE || f->kind != KSD_F_FUNCTION)
			continue;
		const struct ksd_function *fn = NULL;
		size_t n = 0;
		for (size_t j = 0; j < in->schema->nfunctions; j++)
			if (strcmp(in->schema->functions[j].name, f->name) == 0 && n++ == 0)
				fn = &in->schema->functions[j];
		char what[KSD_NAME_CAP + 8], hex[KSD_MD5_HEX] = "missing";
		snprintf(what, sizeof(what), "body %s", f->name);
		if (fn && (n > 1 || !fn->body || strlen(fn->body) != fn->body_len))
			continue;
		if (fn)
			ksd_md5_hex(fn->body, fn->body_len, hex);
		expected_row(out, first, what, hex, NULL);
	}
}

/* Whether fingerprint row i is a redone step's guard: its row is written
 * as the guard's. */
static bool is_guard(const struct ksd_history *h, size_t i)
{
	for (ksd_vset left = h->redo; left; left &= left - 1)
		if (h->guard[ksd_vset_lowest(left)] == i)
			return true;
	return false;
}

/* Whether the check reads fingerprint row i beyond the rows above: a kind
 * sql_feature() reads, which the dump shows either way, not an index
 * (index_rows), not an expectation's or a guard's. These tell apart the
 * versions the rows above leave alike (005 from 006 by the type of data,
 * 017 from 018 by records.deleted). */
static bool more(const struct ksd_instance *in, size_t i)
{
	const struct ksd_feature *f = &ksd_features[i];
	if (f->backend != KSD_STORAGE || !sql_feature_kind(f->kind) || f->kind == KSD_F_INDEX ||
	    in->obs[i] == KSD_OBS_UNKNOWN || is_guard(&in->history, i))
		return false;
	for (size_t e = 0; e < sizeof(expectations) / sizeof(expectations[0]); e++)
		if (strcmp(expectations[e].feature, f->label) == 0)
			return false;
	return true;
}

/* One row of the features query, `first` the query's first. */
static void live_feature(FILE *out, bool *first, const struct ksd_feature *f)
{
	fputs(*first ? "\n                   " : ",\n                   ", out);
	sql_feature_row(out, f);
	*first = false;
}

/* A feature's expected row; `left` NULL: what the fix leaves is not
 * compared (a redone step's table statements change it, under the names
 * later steps gave the tables). */
static void feature_row(FILE *out, bool *first, const struct ksd_feature *f, const char *read,
                        const char *left)
{
	fprintf(out, "%s\n        ('feature ' || ", *first ? "" : ",");
	sql_literal(out, f->label);
	fprintf(out, ", '%s', %s%s%s)", read, left ? "'" : "", left ? left : "NULL",
	        left ? "'" : "");
	*first = false;
}

/* The search path, the block's start, the metadata table looked for (where
 * the dump has one) and every table of Kinto's locked. */
static void check_open(FILE *out, const struct ksd_instance *in)
{
	fputs("-- The blocks below find the Kinto schema as current_schema().\nSET LOCAL "
	      "search_path = ",
	      out);
	sql_ident(out, in->schema->name);
	fputs(", pg_temp;\n"
	      "-- The patterns below are read as written, whatever the server's default.\n"
	      "SET LOCAL standard_conforming_strings = on;\n-- Stop, changing nothing, unless this "
	      "is the database in the dump or "
	      "one\n"
	      "-- this script already repaired.\n"
	      "DO $ksd$\nDECLARE\n"
	      "    ns oid := (SELECT oid FROM pg_catalog.pg_namespace\n"
	      "                WHERE nspname = pg_catalog.current_schema());\n"
	      "    t name;\n    to_dump text;\n    to_repaired text;\n    clash record;\nBEGIN\n",
	      out);
	if (in->meta_table)
		fputs(
		    "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_class\n"
		    "                    WHERE relnamespace = ns AND relname = 'metadata') THEN\n"
		    "        RAISE EXCEPTION 'kinto-schema-doctor: the schema of the dump or its "
		    "metadata table is missing: this is not the database in the dump; nothing was "
		    "changed';\n"
		    "    END IF;\n",
		    out);
	else
		fputs("    IF ns IS NULL THEN\n"
		      "        RAISE EXCEPTION 'kinto-schema-doctor: the schema of the dump is "
		      "missing: "
		      "this is not the database in the dump; nothing was changed';\n"
		      "    END IF;\n",
		      out);
	fputs("    -- Hold off every other session until COMMIT, so that what is checked\n"
	      "    -- stays true while the fix runs.\n"
	      "    FOR t IN SELECT relname FROM pg_catalog.pg_class\n"
	      "              WHERE relnamespace = ns AND relkind = 'r'\n"
	      "                AND relname IN ('deleted', 'metadata', 'objects', 'timestamps')\n"
	      "              ORDER BY relname LOOP\n"
	      "        EXECUTE pg_catalog.format('LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE',\n"
	      "                                  pg_catalog.current_schema(), t);\n"
	      "    END LOOP;\n"
	      "    -- Each feature as the catalog shows it, as the dump showed it and as the\n"
	      "    -- fix leaves it.\n",
	      out);
}

/* The live side: the catalog, the guard of each redone step (a repair), the
 * version rows (a repair) or the function bodies (a plain fix). */
static void check_live(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_history *h = &in->history;
	fputs(live, out);
	fputs(h->found ? live_rows : live_bodies, out);
	bool any = h->redo != 0;
	for (size_t i = 0; i < ksd_nfeatures && !any; i++)
		any = more(in, i);
	if (!any)
		return; /* VALUES takes no empty list */
	fputs("        UNION ALL\n", out);
	fputs(sql_features_live_head, out);
	bool first = true;
	for (ksd_vset left = h->redo; left; left &= left - 1)
		live_feature(out, &first, &ksd_features[h->guard[ksd_vset_lowest(left)]]);
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (more(in, i))
			live_feature(out, &first, &ksd_features[i]);
	fputs(sql_features_live_tail, out);
}

void repair_checks(FILE *out, const struct ksd_instance *in)
{
	enum ksd_repair r = in->history.repairs;
	const struct ksd_history *h = &in->history;
	check_open(out, in);
	check_live(out, in);
	fputs("    ), expected(what, dump, repaired) AS (VALUES", out);
	bool first = true;
	if (h->found) {
		ksd_vset after = in->storage.row_versions;
		int record = repair_records(in);
		if (record)
			after = (after & KSD_VRANGE(1, record)) | KSD_VBIT(record);
		char rows[160], repaired[160];
		sql_version_list(rows, sizeof(rows), in->storage.row_versions);
		sql_version_list(repaired, sizeof(repaired), after);
		expected_row(out, &first, "storage_schema_version rows", rows, repaired);
	}
	for (size_t i = 0; i < sizeof(expectations) / sizeof(expectations[0]); i++) {
		const struct expectation *e = &expectations[i];
		expected_row(out, &first, e->what, as_read(in, e), repaired_state(in, e));
	}
	for (ksd_vset left = h->redo; left; left &= left - 1) {
		const struct ksd_feature *g = &ksd_features[h->guard[ksd_vset_lowest(left)]];
		feature_row(out, &first, g,
		            observed(in, g->label) == KSD_OBS_PRESENT ? "present" : "missing",
		            ksd_feature_holds(g->label, h->target) ? "present" : "missing");
	}
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		if (!more(in, i))
			continue;
		const char *read = in->obs[i] == KSD_OBS_PRESENT ? "present" : "missing";
		feature_row(out, &first, &ksd_features[i], read,
		            redone(h, ksd_features[i].label) ? NULL : read);
	}
	index_rows(out, &first, in);
	if (!h->found)
		body_rows(out, &first, in);
	expected_row(out, &first, "trigger tgr_deleted_last_modified", trigger_as_read(in),
	             r & KSD_REPAIR_CODE              ? trigger_at(h->target)
	             : r & KSD_REPAIR_DELETED_TRIGGER ? "insert"
	                                              : NULL);
	fputs(")\n"
	      "    SELECT pg_catalog.string_agg(pg_catalog.format('%s is %s, the dump shows %s',\n"
	      "               e.what, coalesce(l.got, 'missing'), e.dump), '; ')\n"
	      "               FILTER (WHERE coalesce(l.got, 'missing') <> e.dump),\n"
	      "           pg_catalog.string_agg(pg_catalog.format('%s is %s, the fix leaves %s',\n"
	      "               e.what, coalesce(l.got, 'missing'), e.repaired), '; ')\n"
	      "               FILTER (WHERE coalesce(l.got, 'missing') <> e.repaired)\n"
	      "      INTO to_dump, to_repaired\n"
	      "      FROM expected AS e LEFT JOIN live AS l ON l.what = e.what;\n"
	      "    IF to_dump IS NOT NULL AND to_repaired IS NOT NULL THEN\n"
	      "        RAISE EXCEPTION 'kinto-schema-doctor: this is neither the database in the "
	      "dump "
	      "nor one this script repaired (%); nothing was changed',\n"
	      "            CASE WHEN length(to_dump) <= length(to_repaired) THEN to_dump\n"
	      "                 ELSE to_repaired END;\n"
	      "    END IF;\n",
	      out);
	if (r & KSD_REPAIR_TOMBSTONES)
		fputs(clash, out);
	fputs("END\n$ksd$;\n", out);
}
