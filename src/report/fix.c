/* The corrective SQL: one transaction per instance, schema-qualified,
 * guarded so that a second run changes nothing. Names from the dump are only
 * ever written as quoted identifiers (or sanitised comment text); every
 * literal is our own. */
#include <stdlib.h>
#include <string.h>

#include "report/catalog_sql.h"
#include "report/fix.h"
#include "report/repair.h"
#include "report/sqltext.h"
#include "report/words.h"
#include "report/kinto.h"
#include "report/history.h"

static void table(FILE *out, const struct ksd_instance *in)
{
	sql_ident(out, in->schema->name);
	fputs(".metadata", out);
}

/* psql's \connect with a conninfo string (so that no database name can be
 * read as options). psql reads the argument like an SQL identifier: inside
 * "..." quotes are doubled and nothing else is special, so a control byte
 * leaves the quotes for a '\ooo' escape and the line stays printable text. */
static void connect_line(FILE *out, const char *db)
{
	fputs("\\connect -reuse-previous=on \"dbname='", out);
	for (const unsigned char *p = (const unsigned char *)db; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			fprintf(out, "\"'\\%03o'\"", *p);
			continue;
		}
		if (*p == '\'' || *p == '\\')
			putc('\\', out); /* the conninfo value's own escape */
		if (*p == '"')
			putc('"', out);
		putc(*p, out);
	}
	fputs("'\"\n", out);
}

static void delete_above(FILE *out, const struct ksd_instance *in, const char *name, int v)
{
	fputs("DELETE FROM ", out);
	table(out, in);
	fprintf(out,
	        "\n WHERE name = '%s'\n   AND (value IS NULL OR value !~ '^[0-9]{1,3}$'"
	        " OR lpad(value, 3, '0') > '%03d');\n",
	        name, v);
}

static void insert_version(FILE *out, const struct ksd_instance *in, const char *name, int v)
{
	fputs("INSERT INTO ", out);
	table(out, in);
	fprintf(out, " (name, value)\nSELECT '%s', '%d'\n WHERE NOT EXISTS (SELECT 1 FROM ", name,
	        v);
	table(out, in);
	fprintf(out, "\n                   WHERE name = '%s' AND lpad(value, 3, '0') = '%03d');\n",
	        name, v);
}

static void header(FILE *out, const char *input, const struct ksd_instance *in)
{
	char set[96];
	fputs("-- kinto-schema-doctor " KSD_VERSION " fix for '", out);
	sql_comment(out, input);
	fputs("'", out);
	if (in->db->name) {
		fputs(", database ", out);
		sql_comment(out, in->db->name);
	}
	fputs(", schema ", out);
	sql_comment(out, in->schema->name);
	fputs("\n", out);
	if (in->storage.present && in->storage.version) {
		words_vset(set, sizeof(set), in->storage.candidates);
		fprintf(out, "-- found: storage schema version %d", in->storage.version);
		if (in->storage.assumed)
			fputs(" (assumed by --assume-version)", out);
		else if (set[0])
			fprintf(out, " (candidates %s)", set);
	}
	if (in->permission.present && in->permission.version)
		fprintf(out, "%spermission schema version %d",
		        in->storage.present && in->storage.version ? ", " : "-- found: ",
		        in->permission.version);
	char words[WORDS_KINTO_MAX];
	words_history(words, WORDS_HISTORY_MAX, &in->history);
	if (words[0]) {
		fputs("\n-- history: ", out);
		sql_comment(out, words);
	}
	fprintf(out, "\n-- metadata: %s", words_meta_name(in->meta));
	if (in->storage.recorded_value) {
		fputs(", top storage row '", out);
		sql_comment(out, in->storage.recorded_value);
		fputs("'", out);
	}
	fputs(in->created_at ? "" : ", no created_at", out);
	words_kinto(words, sizeof(words), &in->prediction);
	if (words[0]) {
		fputs("\n-- without it Kinto ", out);
		sql_comment(out, words);
	}
	words_kinto(words, sizeof(words), &in->after_fix);
	if (words[0]) {
		fputs("\n-- with it Kinto ", out);
		sql_comment(out, words);
	}
	words_reason(words, WORDS_REASON_MAX, &in->reason);
	if (words[0]) {
		fputs("\n-- ", out);
		sql_comment(out, words);
	}
	if (in->notes & KSD_NOTE_BIT(KSD_NOTE_LOST_TOMBSTONES)) {
		words_note(words, sizeof(words), in, KSD_NOTE_LOST_TOMBSTONES);
		fputs("\n-- ", out);
		sql_comment(out, words);
	}
	if (in->history.found)
		fputs("\n-- It stops, changing nothing, unless this is the database in the dump or "
		      "one"
		      "\n-- it already repaired.",
		      out);
	else
		fputs("\n-- It stops, changing nothing, unless the schema is the dump's and the "
		      "version\n-- rows are the dump's or the ones it leaves.",
		      out);
	fputs("\n-- Safe to run twice: every statement is guarded.\n", out);
}

/* The fix's check: the storage version rows (each version once, values
 * that are none ignored) are as the dump showed them or as the fix, which
 * records `record`, leaves them; else it raises, changing nothing. */
static void rows_check(FILE *out, const struct ksd_instance *in, int record)
{
	ksd_vset read = in->storage.row_versions, left = read;
	if (record)
		left = (read & KSD_VRANGE(1, record)) | KSD_VBIT(record);
	char dump[160], fixed[160];
	sql_version_list(dump, sizeof(dump), read);
	sql_version_list(fixed, sizeof(fixed), left);
	fputs("-- Stop, changing nothing, unless the version rows are as the dump showed\n"
	      "-- them or as this fix leaves them, and created_at is there if it was.\nDO "
	      "$ksd$\nDECLARE\n    got text;\nBEGIN\n"
	      "    SELECT pg_catalog.array_to_string(ARRAY(\n"
	      "               SELECT DISTINCT v FROM (\n"
	      "                   SELECT CASE WHEN value ~ '^[0-9]{1,3}$' THEN value::int END\n"
	      "                     FROM ",
	      out);
	table(out, in);
	fprintf(out,
	        "\n                    WHERE name = 'storage_schema_version') AS r(v)\n"
	        "                WHERE v BETWEEN 1 AND %d ORDER BY 1), ',') INTO got;\n"
	        "    IF got NOT IN ('%s', '%s') THEN\n"
	        "        RAISE EXCEPTION 'kinto-schema-doctor: the storage version rows read %%, "
	        "the dump shows %s: this is not the database in the dump; nothing was changed',\n"
	        "            got;\n    END IF;\n",
	        KSD_STORAGE_MAX, dump, fixed, *dump ? dump : "none");
	/* The fix never removes created_at: where the dump shows it, a database
	 * without it is another one (a flushed twin). */
	if (in->created_at) {
		fputs("    IF NOT EXISTS (SELECT 1 FROM ", out);
		table(out, in);
		fputs(
		    " WHERE name = 'created_at') THEN\n"
		    "        RAISE EXCEPTION 'kinto-schema-doctor: there is no created_at row, the "
		    "dump shows one: this is not the database in the dump; nothing was changed';\n"
		    "    END IF;\n",
		    out);
	}
	fputs("END\n$ksd$;\n", out);
}

void fix_write(FILE *out, const char *input, const struct ksd_instance *in, bool connect)
{
	if (!in->fix)
		return;
	header(out, input, in);
	if (connect && in->db->name)
		connect_line(out, in->db->name);
	fputs("BEGIN;\n", out);
	bool repair = in->history.found;
	const struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	/* Rows Kinto already reads right stay as they are; after a repair, as
	 * repair_records() says (the check holds them as read or as left). */
	bool rows = st->present && st->version && !(st->rows && st->recorded == st->version);
	int record = rows ? st->version : repair ? repair_records(in) : 0;
	/* A plain fix changes the version rows only: its check holds them as
	 * read or as left, then the schema as read, which tells this database
	 * from its neighbours with the same rows (a version apart). */
	if (!repair && in->meta_table)
		rows_check(out, in, record);
	repair_checks(out, in);
	if (!in->meta_table) {
		fputs("CREATE TABLE IF NOT EXISTS ", out);
		table(out, in);
		fputs(" (\n    name character varying(128) NOT NULL,\n"
		      "    value character varying(512) NOT NULL\n);\n",
		      out);
	}
	if (record) {
		delete_above(out, in, "storage_schema_version", record);
		insert_version(out, in, "storage_schema_version", record);
	}
	if ((rows || repair) && !in->created_at) {
		fputs("INSERT INTO ", out);
		table(out, in);
		fputs(" (name, value)\nSELECT 'created_at', now()::text\n"
		      " WHERE NOT EXISTS (SELECT 1 FROM ",
		      out);
		table(out, in);
		fputs(" WHERE name = 'created_at');\n", out);
	}
	if (pm->present && pm->version) {
		delete_above(out, in, "permission_schema_version", pm->version);
		/* Version 1 never had a row: Kinto reads 1 from the tables. */
		if (pm->version > 1)
			insert_version(out, in, "permission_schema_version", pm->version);
	}
	if (repair)
		repair_write(out, in);
	if (in->missing_deleted_index) {
		fputs("CREATE UNIQUE INDEX IF NOT EXISTS " KSD_DELETED_INDEX "\n    ON ", out);
		sql_ident(out, in->schema->name);
		fputs(".deleted (user_id, resource_name, last_modified DESC);\n", out);
	}
	fputs("COMMIT;\n", out);
}

char *fix_string(const char *input, const struct ksd_instance *in)
{
	if (!in->fix)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	fix_write(f, input, in, false);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
