/* The repair of a wrong-base migration, as SQL inside the fix's
 * transaction, after its check (repair_check.c): each skipped step redone,
 * its table statements from our SQL where its tables still bear the names
 * it used, its effect on the tables as 020->021 renamed them otherwise, and
 * the functions and triggers of the target version. Every action reads the
 * catalog first, so a second run changes nothing; no record or tombstone is
 * ever deleted. No name from the dump is written inside the dollar quotes:
 * the blocks find the schema as current_schema(). */
#include <string.h>

#include "report/canon.h"
#include "report/catalog_sql.h"
#include "report/repair.h"
#include "report/sqltext.h"

/* A DO block that runs `then` when `guard` finds something to do. */
static void guarded(FILE *out, const char *comment, const char *guard, const char *then)
{
	fprintf(out, "-- %s\nDO $ksd$\nBEGIN\n    IF %s THEN\n%s    END IF;\nEND\n$ksd$;\n",
	        comment, guard, then);
}

/* Whether some of `columns` of `table` is not collated "C" (oid 950). */
#define NOT_COLLATED(table, columns)                                                               \
	"EXISTS (SELECT FROM pg_catalog.pg_attribute a\n"                                          \
	"                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"                       \
	"               WHERE c.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace\n"         \
	"                                        WHERE nspname = pg_catalog.current_schema())\n"   \
	"                 AND c.relname = '" table "' AND a.attname IN (" columns ")\n"            \
	"                 AND a.attcollation <> 950)"

/* The text of our SQL file NAME. */
static const char *canon_sql(const char *name)
{
	for (size_t i = 0; i < ksd_nsql_files; i++)
		if (strcmp(ksd_sql_files[i].name, name) == 0)
			return ksd_sql_files[i].text;
	return NULL;
}

/* Trigger `f` (a KSD_F_TRIGGER row) as version v has it: made again unless
 * it is there with the events, the function and the state Kinto gives it,
 * or dropped where v has none. The events come from the rows about it: on
 * UPDATE unless a row says it fires on UPDATE at other versions only, OF
 * data where a row says so. */
static void trigger_write(FILE *out, const struct ksd_feature *f, int v)
{
	bool want = f->expect & KSD_VBIT(v), update = true, of_data = false;
	for (size_t i = 0; i < ksd_nfeatures; i++) {
		const struct ksd_feature *g = &ksd_features[i];
		if (g->backend != KSD_STORAGE || !g->name || strcmp(g->name, f->name) != 0)
			continue;
		if (g->kind == KSD_F_TRIGGER_UPDATE)
			update = g->expect & KSD_VBIT(v);
		else if (g->kind == KSD_F_TRIGGER_UPDATE_OF)
			of_data = g->expect & KSD_VBIT(v);
	}
	fprintf(out,
	        "-- %s on %s: %s\nDO $ksd$\nBEGIN\n"
	        "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_class\n"
	        "                    WHERE relnamespace = " CURRENT_NS "\n"
	        "                      AND relname = '%s' AND relkind = 'r') THEN\n"
	        "        RETURN;\n    END IF;\n",
	        f->name, f->table, want ? "as this version has it" : "this version has none",
	        f->table);
	if (!want) {
		fprintf(out, "    DROP TRIGGER IF EXISTS %s ON %s;\nEND\n$ksd$;\n", f->name,
		        f->table);
		return;
	}
	fprintf(out,
	        "    IF NOT EXISTS (SELECT FROM pg_catalog.pg_trigger t\n"
	        "                    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
	        "                   WHERE c.relnamespace = " CURRENT_NS "\n"
	        "                     AND c.relname = '%s' AND t.tgname = '%s'\n"
	        "                     AND t.tgtype = %d AND t.tgenabled = 'O'\n"
	        "                     AND t.tgfoid = (SELECT p.oid FROM pg_catalog.pg_proc p\n"
	        "                                      WHERE p.pronamespace = c.relnamespace\n"
	        "                                        AND p.proname = 'bump_timestamp')\n"
	        "                     AND pg_catalog.array_to_string(t.tgattr::pg_catalog.int2[], "
	        "',')\n"
	        "                         = %s) THEN\n"
	        "        DROP TRIGGER IF EXISTS %s ON %s;\n"
	        "        CREATE TRIGGER %s BEFORE INSERT%s ON %s\n"
	        "            FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();\n"
	        "    END IF;\nEND\n$ksd$;\n",
	        f->table, f->name, update ? 23 : 7,
	        of_data ? "(SELECT a.attnum::text FROM pg_catalog.pg_attribute a\n"
	                  "                             WHERE a.attrelid = c.oid AND a.attname = "
	                  "'data')"
	                : "''",
	        f->name, f->table, f->name,
	        !update   ? ""
	        : of_data ? " OR UPDATE OF data"
	                  : " OR UPDATE",
	        f->table);
}

/* KSD_REPAIR_CODE: the functions and triggers of version v, from our SQL;
 * the functions first, so that no trigger calls a body of another
 * version. */
static void code_write(FILE *out, const struct ksd_instance *in, int v)
{
	fprintf(out, "-- The functions and triggers of version %d, as our migrations leave them\n",
	        v);
	for (const struct ksd_canon_function *fn = ksd_canon_functions; fn->name; fn++) {
		const char *file = ksd_canon_body(fn->name, v);
		const char *text = file ? canon_sql(file) : NULL;
		if (text && fn->once) {
			fprintf(
			    out,
			    "DO $ksd$\nBEGIN\n    IF NOT EXISTS (SELECT FROM pg_catalog.pg_proc\n"
			    "                    WHERE pronamespace = " CURRENT_NS "\n"
			    "                      AND proname = '%s') THEN\n",
			    fn->name);
			/* Not indented: the body is stored as written. */
			fputs(text, out);
			fputs("    END IF;\nEND\n$ksd$;\n", out);
			continue;
		}
		if (text) {
			fputs(text, out);
			continue;
		}
		fputs("DROP FUNCTION IF EXISTS ", out);
		sql_ident(out, in->schema->name);
		fprintf(out, ".%s(%s);\n", fn->name, fn->args);
	}
	for (size_t i = 0; i < ksd_nfeatures; i++)
		if (ksd_features[i].backend == KSD_STORAGE && ksd_features[i].kind == KSD_F_TRIGGER)
			trigger_write(out, &ksd_features[i], v);
}

/* `name`, a column of `table` when `table` is not NULL, else a table or an
 * index, as the steps that ran (assumed+1..top) renamed it. */
static void rename_ran(const struct ksd_history *h, const char *table, char *name)
{
	char t[KSD_NAME_CAP];
	snprintf(t, sizeof(t), "%s", table ? table : "");
	for (int j = h->assumed + 1; j <= h->top; j++)
		if (table)
			ksd_step_rename(j, t, name);
		else
			ksd_step_rename(j, name, NULL);
}

/* Our SQL `text`, indented, with the names the steps that ran renamed
 * written as they are now: in each statement the table after TABLE, ON or
 * INTO, its columns, and indexes. Quoted text is copied as it is. */
static void renamed_write(FILE *out, const char *text, const struct ksd_history *h)
{
	char table[KSD_NAME_CAP] = "", prev[KSD_NAME_CAP] = "";
	for (const char *p = text; p && *p;) {
		size_t len =
		    strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
		if (len && !(*p >= '0' && *p <= '9') && len < KSD_NAME_CAP) {
			char word[KSD_NAME_CAP], name[KSD_NAME_CAP];
			snprintf(word, sizeof(word), "%.*s", (int)len, p);
			snprintf(name, sizeof(name), "%s", word);
			if (!strcmp(prev, "TABLE") || !strcmp(prev, "ON") ||
			    !strcmp(prev, "INTO")) {
				snprintf(table, sizeof(table), "%s", word);
				rename_ran(h, NULL, name);
			} else if (strcmp(word, table) == 0) {
				rename_ran(h, NULL, name);
			} else {
				if (*table)
					rename_ran(h, table, name);
				if (strcmp(name, word) == 0)
					rename_ran(h, NULL, name);
			}
			fputs(name, out);
			snprintf(prev, sizeof(prev), "%s", word);
			p += len;
			continue;
		}
		if (!len && (*p == '\'' || *p == '"')) {
			const char *end = strchr(p + 1, *p);
			len = end ? (size_t)(end - p) + 1 : strlen(p);
		} else if (!len) {
			len = 1;
			if (*p == ';')
				table[0] = '\0';
		}
		for (size_t i = 0; i < len; i++)
			fputs(p[i] == '\n' && p[i + 1] ? "\n        " : (char[]){p[i], '\0'}, out);
		p += len;
	}
}

/* KSD_REPAIR_REDO: the table statements of each step Kinto skipped, from
 * our SQL, unless its guard feature shows them done. Kinto's triggers go
 * first (a column a trigger names cannot change type), and the code of the
 * target version makes them again. */
static void redo_write(FILE *out, const struct ksd_history *h)
{
	for (ksd_vset left = h->redo; left; left &= left - 1) {
		int k = ksd_vset_lowest(left);
		const struct ksd_feature *g = &ksd_features[h->guard[k]];
		char name[16];
		snprintf(name, sizeof(name), "migrate-%03d", k);
		fprintf(out,
		        "-- %03d->%03d, which Kinto skipped: its table statements, unless %s is "
		        "%s\nDO $ksd$\nDECLARE\n    t record;\nBEGIN\n    IF %s",
		        k - 1, k, g->label, (g->expect & KSD_VBIT(k)) ? "there" : "gone",
		        (g->expect & KSD_VBIT(k)) ? "NOT " : "");
		sql_feature(out, g);
		fputs(" THEN\n"
		      "        FOR t IN SELECT tg.tgname, c.relname FROM pg_catalog.pg_trigger tg\n"
		      "                   JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid\n"
		      "                  WHERE c.relnamespace = " CURRENT_NS "\n"
		      "                    AND NOT tg.tgisinternal\n"
		      "                    AND tg.tgname IN (",
		      out);
		const char *sep = "";
		for (size_t i = 0; i < ksd_nfeatures; i++)
			if (ksd_features[i].backend == KSD_STORAGE &&
			    ksd_features[i].kind == KSD_F_TRIGGER) {
				fputs(sep, out);
				sql_literal(out, ksd_features[i].name);
				sep = ", ";
			}
		fputs(") LOOP\n"
		      "            EXECUTE pg_catalog.format('DROP TRIGGER %I ON %I', t.tgname, "
		      "t.relname);\n"
		      "        END LOOP;\n",
		      out);
		fputs("        ", out);
		renamed_write(out, canon_sql(name), h);
		fputs("    END IF;\nEND\n$ksd$;\n", out);
	}
}

void repair_write(FILE *out, const struct ksd_instance *in)
{
	enum ksd_repair r = in->history.repairs;
	if (r & KSD_REPAIR_REDO)
		redo_write(out, &in->history);
	if (r & KSD_REPAIR_CODE)
		code_write(out, in, in->history.target);
	if (r & KSD_REPAIR_DELETED_TRIGGER)
		guarded(
		    out,
		    "011, 014: the tombstone trigger as 014 leaves it, on INSERT only (tgtype 7:\n"
		    "-- FOR EACH ROW, BEFORE, INSERT); 011 creates it where cliquet 3.0's "
		    "009->010\n-- did not",
		    "NOT EXISTS (SELECT FROM pg_catalog.pg_trigger t\n"
		    "                    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
		    "                   WHERE c.relnamespace = (SELECT oid FROM "
		    "pg_catalog.pg_namespace\n"
		    "                                            WHERE nspname = "
		    "pg_catalog.current_schema())\n"
		    "                     AND c.relname = 'deleted' AND t.tgname = "
		    "'tgr_deleted_last_modified'\n"
		    "                     AND t.tgtype = 7)",
		    "        DROP TRIGGER IF EXISTS tgr_deleted_last_modified ON deleted;\n"
		    "        CREATE TRIGGER tgr_deleted_last_modified BEFORE INSERT ON deleted\n"
		    "            FOR EACH ROW EXECUTE PROCEDURE bump_timestamp();\n");
	if (r & KSD_REPAIR_DROP_HELPER) {
		fputs("-- 015->016: nothing calls collection_timestamp\nDROP FUNCTION IF EXISTS ",
		      out);
		sql_ident(out, in->schema->name);
		fputs(".collection_timestamp(character varying, character varying);\n", out);
	}
	if (r & KSD_REPAIR_TOMBSTONES)
		guarded(
		    out,
		    "017->018: objects gets the column deleted, and the tombstones of the table\n"
		    "-- deleted become objects rows with deleted = true and their own timestamps\n"
		    "-- (the trigger is held off); a live object with the same id wins. Once the\n"
		    "-- column is there this never runs again.",
		    "NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a\n"
		    "                    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
		    "                   WHERE c.relnamespace = (SELECT oid FROM "
		    "pg_catalog.pg_namespace\n"
		    "                                            WHERE nspname = "
		    "pg_catalog.current_schema())\n"
		    "                     AND c.relname = 'objects' AND a.attname = 'deleted'\n"
		    "                     AND NOT a.attisdropped)",
		    "        ALTER TABLE objects ADD COLUMN deleted boolean DEFAULT false NOT "
		    "NULL;\n"
		    "        ALTER TABLE objects DISABLE TRIGGER tgr_objects_last_modified;\n"
		    "        INSERT INTO objects (id, parent_id, resource_name, last_modified, "
		    "data, "
		    "deleted)\n"
		    "        SELECT id, parent_id, collection_id, last_modified, "
		    "'{\"deleted\": true}'::jsonb, true\n"
		    "          FROM deleted\n"
		    "            ON CONFLICT (id, parent_id, resource_name) DO NOTHING;\n"
		    "        ALTER TABLE objects ENABLE TRIGGER tgr_objects_last_modified;\n");
	if (r & KSD_REPAIR_COLLATE_OBJECTS)
		guarded(
		    out,
		    "018->019: byte-wise order of the objects keys (their indexes are rebuilt)",
		    NOT_COLLATED("objects", "'id', 'parent_id', 'resource_name'"),
		    "        ALTER TABLE objects ALTER COLUMN id TYPE text COLLATE "
		    "pg_catalog.\"C\",\n"
		    "            ALTER COLUMN parent_id TYPE text COLLATE pg_catalog.\"C\",\n"
		    "            ALTER COLUMN resource_name TYPE text COLLATE pg_catalog.\"C\";\n");
	if (r & KSD_REPAIR_COLLATE_TIMESTAMPS)
		guarded(
		    out, "019->020: the same for the timestamps keys",
		    NOT_COLLATED("timestamps", "'parent_id', 'resource_name'"),
		    "        ALTER TABLE timestamps\n"
		    "            ALTER COLUMN parent_id TYPE text COLLATE pg_catalog.\"C\",\n"
		    "            ALTER COLUMN resource_name TYPE text COLLATE pg_catalog.\"C\";\n");
}
