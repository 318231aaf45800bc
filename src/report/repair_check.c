/* The check a repair runs first, inside the fix's transaction: the Kinto
 * schema pinned as the search path, every table of Kinto's locked, then
 * each feature the repair looks at read from the live catalog and compared
 * with the dump's state and the repaired one; it raises, changing nothing,
 * when the database is neither (another database, or one changed since the
 * dump). No name from the dump is written inside the dollar quotes: the
 * block finds the schema as current_schema(). */
#include <string.h>

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

static void expected_row(FILE *out, const char *what, const char *as_read, const char *repaired)
{
	fprintf(out, ",\n        ('%s', '%s', '%s')", what, as_read, repaired ? repaired : as_read);
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
    "         WHERE relnamespace = ns AND relkind = 'i'\n"
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

/* Every index of Kinto's name, as the dump has it and as the repair leaves
 * it: what tells apart cells whose version rows and tables are alike. */
static void index_rows(FILE *out, const struct ksd_instance *in)
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
		fprintf(out, ",\n        ('index %s', '%s', '%s')", f->name, read, left);
	}
}

void repair_checks(FILE *out, const struct ksd_instance *in)
{
	enum ksd_repair r = in->history.repairs;
	fputs("-- The blocks below find the Kinto schema as current_schema().\nSET LOCAL "
	      "search_path = ",
	      out);
	sql_ident(out, in->schema->name);
	fputs(
	    ", pg_temp;\n-- Stop, changing nothing, unless this is the database in the dump or "
	    "one\n"
	    "-- this script already repaired.\n"
	    "DO $ksd$\nDECLARE\n"
	    "    ns oid := (SELECT oid FROM pg_catalog.pg_namespace\n"
	    "                WHERE nspname = pg_catalog.current_schema());\n"
	    "    t name;\n    to_dump text;\n    to_repaired text;\n    clash record;\nBEGIN\n"
	    "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_class\n"
	    "                    WHERE relnamespace = ns AND relname = 'metadata') THEN\n"
	    "        RAISE EXCEPTION 'kinto-schema-doctor: the schema of the dump or its metadata "
	    "table is missing: this is not the database in the dump; nothing was changed';\n"
	    "    END IF;\n"
	    "    -- Hold off every other session until COMMIT, so that what is checked\n"
	    "    -- stays true while the repair runs.\n"
	    "    FOR t IN SELECT relname FROM pg_catalog.pg_class\n"
	    "              WHERE relnamespace = ns AND relkind = 'r'\n"
	    "                AND relname IN ('deleted', 'metadata', 'objects', 'timestamps')\n"
	    "              ORDER BY relname LOOP\n"
	    "        EXECUTE pg_catalog.format('LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE',\n"
	    "                                  pg_catalog.current_schema(), t);\n"
	    "    END LOOP;\n"
	    "    -- Each feature as the catalog shows it, as the dump showed it and as the\n"
	    "    -- repair leaves it.\n",
	    out);
	fputs(live, out);
	const struct ksd_history *h = &in->history;
	for (ksd_vset left = h->redo; left; left &= left - 1) {
		const struct ksd_feature *g = &ksd_features[h->guard[ksd_vset_lowest(left)]];
		fputs("        UNION ALL\n        SELECT 'feature ' || ", out);
		sql_literal(out, g->label);
		fputs(",\n               CASE WHEN ", out);
		sql_feature(out, g);
		fputs(" THEN 'present' ELSE 'missing' END\n", out);
	}
	fputs("    ), expected(what, dump, repaired) AS (VALUES\n", out);
	ksd_vset after = in->storage.row_versions;
	int record = repair_records(in);
	if (record)
		after = (after & KSD_VRANGE(1, record)) | KSD_VBIT(record);
	char rows[160], repaired[160];
	sql_version_list(rows, sizeof(rows), in->storage.row_versions);
	sql_version_list(repaired, sizeof(repaired), after);
	fprintf(out, "        ('storage_schema_version rows', '%s', '%s')", rows, repaired);
	for (size_t i = 0; i < sizeof(expectations) / sizeof(expectations[0]); i++) {
		const struct expectation *e = &expectations[i];
		expected_row(out, e->what, as_read(in, e), repaired_state(in, e));
	}
	for (ksd_vset left = h->redo; left; left &= left - 1) {
		const struct ksd_feature *g = &ksd_features[h->guard[ksd_vset_lowest(left)]];
		fputs(",\n        ('feature ' || ", out);
		sql_literal(out, g->label);
		fprintf(out, ", '%s', '%s')",
		        observed(in, g->label) == KSD_OBS_PRESENT ? "present" : "missing",
		        ksd_feature_holds(g->label, h->target) ? "present" : "missing");
	}
	index_rows(out, in);
	expected_row(out, "trigger tgr_deleted_last_modified", trigger_as_read(in),
	             r & KSD_REPAIR_CODE              ? trigger_at(h->target)
	             : r & KSD_REPAIR_DELETED_TRIGGER ? "insert"
	                                              : NULL);
	fputs(
	    ")\n"
	    "    SELECT pg_catalog.string_agg(pg_catalog.format('%s is %s, the dump shows %s',\n"
	    "               e.what, coalesce(l.got, 'missing'), e.dump), '; ')\n"
	    "               FILTER (WHERE coalesce(l.got, 'missing') <> e.dump),\n"
	    "           pg_catalog.string_agg(pg_catalog.format('%s is %s, the repair leaves %s',\n"
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
