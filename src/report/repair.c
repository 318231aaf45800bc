/* The repair of a wrong-base migration, as SQL inside the fix's
 * transaction: a check that the database is the one in the dump (or one
 * this script already repaired) that raises and changes nothing otherwise,
 * then each skipped step's effect redone on the renamed tables. Every
 * statement is guarded, so a second run changes nothing; no record or
 * tombstone is ever deleted. */
#include <string.h>

#include "report.h"

/* What the check compares: a name, how the dump showed it (from a feature,
 * "" for the version rows), and what the repair leaves (for the objects a
 * repair in `by` alters). */
struct expectation {
	const char *what;
	const char *feature;
	const char *present, *absent; /* the state text when observed so */
	enum ksd_repair by;
	const char *repaired;
};

static const struct expectation expectations[] = {
    {"table objects", "table objects", "present", "missing", 0, NULL},
    {"table timestamps", "table timestamps", "present", "missing", 0, NULL},
    {"table deleted", "table deleted", "present", "missing", 0, NULL},
    {"objects.deleted", "objects.deleted column", "boolean", "missing", KSD_REPAIR_TOMBSTONES,
     "boolean"},
    {"objects.id", "objects.id collated \"C\"", "text C", "text", KSD_REPAIR_COLLATE_OBJECTS,
     "text C"},
    {"objects.parent_id", "objects.parent_id collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_OBJECTS, "text C"},
    {"objects.resource_name", "objects.resource_name collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_OBJECTS, "text C"},
    {"timestamps.parent_id", "timestamps.parent_id collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_TIMESTAMPS, "text C"},
    {"timestamps.resource_name", "timestamps.resource_name collated \"C\"", "text C", "text",
     KSD_REPAIR_COLLATE_TIMESTAMPS, "text C"},
    {"function collection_timestamp", "function collection_timestamp", "present", "missing",
     KSD_REPAIR_DROP_HELPER, "missing"},
    {"trigger tgr_objects_last_modified", "trigger tgr_objects_last_modified", "present", "missing",
     0, NULL},
};

static enum ksd_obs observed(const struct ksd_instance *in, const char *label)
{
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (strcmp(ksd_features[i].label, label) == 0)
			return in->obs[i];
	return KSD_OBS_UNKNOWN;
}

static void expected_row(FILE *out, bool first, const char *what, const char *as_read,
                         const char *repaired)
{
	fprintf(out, "%s('%s', ARRAY['%s'", first ? "               " : ",\n               ", what,
	        as_read);
	if (repaired && strcmp(repaired, as_read) != 0)
		fprintf(out, ", '%s'", repaired);
	fputs("])", out);
}

/* The tombstone trigger: fires on INSERT, or also on UPDATE, or is gone. */
static const char *trigger_as_read(const struct ksd_instance *in)
{
	if (observed(in, "trigger tgr_deleted_last_modified") != KSD_OBS_PRESENT)
		return "missing";
	return observed(in, "tgr_deleted_last_modified fires on UPDATE") == KSD_OBS_PRESENT
	           ? "insert or update"
	           : "insert";
}

/* One DO block: every object the repair relies on or alters, as the dump
 * showed it or as the repair leaves it, and the version rows as read. What
 * differs is named in the exception, which rolls everything back. */
void repair_checks(FILE *out, const struct ksd_instance *in)
{
	enum ksd_repair r = in->history.repairs;
	fputs("DO $ksd$\nDECLARE\n    schema text := ", out);
	/* Inside the dollar quotes no name from the dump is written as it is,
	 * since it could hold the closing tag: the literal escapes every '$'. */
	fix_literal(out, in->schema->name);
	fputs(";\n    ns oid := (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = schema);\n"
	      "    rows text;\n    differs text;\nBEGIN\n"
	      "    EXECUTE format('SELECT string_agg(value, '','' ORDER BY lpad(value, 3, ''0''), "
	      "value)\n                      FROM %I.metadata"
	      " WHERE name = ''storage_schema_version''', schema)\n"
	      "       INTO rows;\n"
	      "    SELECT string_agg(format('%s is %s, the dump showed %s', e.what,\n"
	      "                             coalesce(g.got, 'missing'), e.ok[1]), '; ')\n"
	      "      INTO differs\n"
	      "      FROM (VALUES\n",
	      out);
	char rows[160] = "";
	size_t len = 0;
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (in->storage.row_versions & KSD_VBIT(v))
			len += (size_t)snprintf(rows + len, sizeof(rows) - len, "%s%d",
			                        len ? "," : "", v);
	expected_row(out, true, "storage_schema_version rows", rows, NULL);
	for (size_t i = 0; i < sizeof(expectations) / sizeof(expectations[0]); i++) {
		const struct expectation *e = &expectations[i];
		enum ksd_obs o = observed(in, e->feature);
		expected_row(out, false, e->what, o == KSD_OBS_PRESENT ? e->present : e->absent,
		             (r & e->by) ? e->repaired : NULL);
	}
	expected_row(out, false, "trigger tgr_deleted_last_modified", trigger_as_read(in),
	             r & KSD_REPAIR_DELETED_TRIGGER ? "insert" : NULL);
	fputs(") AS e(what, ok)\n      LEFT JOIN (\n"
	      "        SELECT 'table ' || relname, 'present' FROM pg_catalog.pg_class\n"
	      "         WHERE relnamespace = ns AND relkind IN ('r', 'p')\n"
	      "        UNION ALL\n"
	      "        SELECT c.relname || '.' || a.attname,\n"
	      "               pg_catalog.format_type(a.atttypid, a.atttypmod)\n"
	      "               || CASE WHEN co.collname = 'C' THEN ' C' ELSE '' END\n"
	      "          FROM pg_catalog.pg_attribute a\n"
	      "          JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
	      "          LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation\n"
	      "         WHERE c.relnamespace = ns AND a.attnum > 0 AND NOT a.attisdropped\n"
	      "        UNION ALL\n"
	      "        SELECT DISTINCT 'function ' || proname, 'present' FROM pg_catalog.pg_proc\n"
	      "         WHERE pronamespace = ns\n"
	      "        UNION ALL\n"
	      "        SELECT 'trigger ' || t.tgname,\n"
	      "               CASE WHEN c.relname = 'objects' THEN 'present'\n"
	      "                    WHEN t.tgtype & 16 <> 0 THEN 'insert or update' ELSE 'insert' "
	      "END\n"
	      "          FROM pg_catalog.pg_trigger t\n"
	      "          JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
	      "         WHERE c.relnamespace = ns AND NOT t.tgisinternal\n"
	      "        UNION ALL\n"
	      "        SELECT 'storage_schema_version rows', rows\n"
	      "      ) AS g(what, got) ON g.what = e.what\n"
	      "     WHERE NOT coalesce(g.got, 'missing') = ANY (e.ok);\n"
	      "    IF differs IS NOT NULL THEN\n"
	      "        RAISE EXCEPTION 'kinto-schema-doctor: not the database in the dump (%); "
	      "nothing was changed', differs;\n"
	      "    END IF;\nEND\n$ksd$;\n",
	      out);
}

static void on(FILE *out, const struct ksd_instance *in, const char *table)
{
	fix_ident(out, in->schema->name);
	fprintf(out, ".%s", table);
}

void repair_write(FILE *out, const struct ksd_instance *in)
{
	enum ksd_repair r = in->history.repairs;
	if (r & KSD_REPAIR_DELETED_TRIGGER) {
		fputs("-- 013->014: tombstones are stamped only when written\n"
		      "DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON ",
		      out);
		on(out, in, "deleted");
		fputs(";\nCREATE TRIGGER tgr_deleted_last_modified BEFORE INSERT ON ", out);
		on(out, in, "deleted");
		fputs("\n    FOR EACH ROW EXECUTE PROCEDURE ", out);
		on(out, in, "bump_timestamp");
		fputs("();\n", out);
	}
	if (r & KSD_REPAIR_DROP_HELPER) {
		fputs("-- 015->016: nothing calls collection_timestamp\nDROP FUNCTION IF EXISTS ",
		      out);
		on(out, in, "collection_timestamp");
		fputs("(character varying, character varying);\n", out);
	}
	if (r & KSD_REPAIR_TOMBSTONES) {
		fputs("-- 017->018: the deleted flag, and the tombstones merged with their own "
		      "timestamps\nALTER TABLE ",
		      out);
		on(out, in, "objects");
		fputs(" ADD COLUMN IF NOT EXISTS deleted boolean DEFAULT false NOT NULL;\nALTER "
		      "TABLE ",
		      out);
		on(out, in, "objects");
		fputs(" DISABLE TRIGGER tgr_objects_last_modified;\n"
		      "INSERT INTO ",
		      out);
		on(out, in, "objects");
		fputs(" (id, parent_id, resource_name, last_modified, data, deleted)\n"
		      "SELECT id, parent_id, collection_id, last_modified, '{\"deleted\": "
		      "true}'::jsonb, "
		      "true\n  FROM ",
		      out);
		on(out, in, "deleted");
		fputs("\nON CONFLICT DO NOTHING;\nALTER TABLE ", out);
		on(out, in, "objects");
		fputs(" ENABLE TRIGGER tgr_objects_last_modified;\n", out);
	}
	if (r & KSD_REPAIR_COLLATE_OBJECTS) {
		fputs("-- 018->019: byte-wise order of the object ids\nALTER TABLE ", out);
		on(out, in, "objects");
		fputs(" ALTER COLUMN id TYPE text COLLATE \"C\",\n"
		      "    ALTER COLUMN parent_id TYPE text COLLATE \"C\",\n"
		      "    ALTER COLUMN resource_name TYPE text COLLATE \"C\";\n",
		      out);
	}
	if (r & KSD_REPAIR_COLLATE_TIMESTAMPS) {
		fputs("-- 019->020: the same for timestamps\nALTER TABLE ", out);
		on(out, in, "timestamps");
		fputs(" ALTER COLUMN parent_id TYPE text COLLATE \"C\",\n"
		      "    ALTER COLUMN resource_name TYPE text COLLATE \"C\";\n",
		      out);
	}
}
