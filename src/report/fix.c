/* The corrective SQL: one transaction per instance, schema-qualified,
 * guarded so that a second run changes nothing. Names from the dump are only
 * ever written as quoted identifiers (or sanitised comment text); every
 * literal is our own. */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The code point of the UTF-8 sequence at s and its length in *n; *n is 0
 * when s starts no well-formed sequence. */
static uint32_t code_point(const unsigned char *s, size_t *n)
{
	*n = (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	if (*n == 0)
		return 0;
	uint32_t cp = *n == 2 ? s[0] & 0x1f : *n == 3 ? s[0] & 0x0f : s[0] & 0x07;
	for (size_t i = 1; i < *n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*n = 0;
			return 0;
		}
		cp = cp << 6 | (s[i] & 0x3f);
	}
	return cp;
}

/* Length of a valid UTF-8 sequence at s that a terminal shows as text, else 0. */
static size_t printable_utf8(const unsigned char *s)
{
	if (s[0] >= 0x20 && s[0] < 0x7f)
		return 1;
	size_t n;
	uint32_t cp = code_point(s, &n);
	static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
	if (n == 0 || cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
	    cp <= 0x9f || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return n;
}

void fix_comment(FILE *out, const char *s)
{
	if (!s) {
		fputs("(none)", out);
		return;
	}
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = printable_utf8(p);
		/* A backslash could start a psql meta-command in a careless client. */
		if (n == 0 || *p == '\\') {
			putc('?', out);
			p++;
		} else {
			fwrite(p, 1, n, out);
			p += n;
		}
	}
}

/* A quoted identifier. A name holding control or formatting characters is
 * written as U&"..." with those characters as \XXXX escapes, so that the
 * script shown on a terminal cannot drive it. Bytes that are not UTF-8 (a
 * LATIN1 dump's names) stay as they are: only their own encoding says what
 * they mean. */
void fix_ident(FILE *out, const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	bool plain = true;
	for (const unsigned char *p = s; *p && plain;) {
		size_t n = printable_utf8(p);
		if (n == 0)
			code_point(p, &n);
		plain = printable_utf8(p) > 0 || (*p >= 0x80 && n == 0);
		p += n ? n : 1;
	}
	fputs(plain ? "\"" : "U&\"", out);
	while (*s) {
		size_t n = printable_utf8(s);
		if (n > 0) {
			if (*s == '"' || (!plain && *s == '\\'))
				putc(*s, out);
			fwrite(s, 1, n, out);
			s += n;
			continue;
		}
		uint32_t cp = *s < 0x80 ? *s : code_point(s, &n);
		if (*s < 0x80)
			n = 1;
		if (n == 0) {
			putc(*s++, out); /* not UTF-8: kept as it is */
			continue;
		}
		fprintf(out, cp > 0xffff ? "\\+%06" PRIX32 : "\\%04" PRIX32, cp);
		s += n;
	}
	putc('"', out);
}

void fix_table(FILE *out, const struct ksd_instance *in)
{
	fix_ident(out, in->schema->name);
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
	fix_table(out, in);
	fprintf(out,
	        "\n WHERE name = '%s'\n   AND (value IS NULL OR value !~ '^[0-9]{1,3}$'"
	        " OR lpad(value, 3, '0') > '%03d');\n",
	        name, v);
}

static void insert_version(FILE *out, const struct ksd_instance *in, const char *name, int v)
{
	fputs("INSERT INTO ", out);
	fix_table(out, in);
	fprintf(out, " (name, value)\nSELECT '%s', '%d'\n WHERE NOT EXISTS (SELECT 1 FROM ", name,
	        v);
	fix_table(out, in);
	fprintf(out, "\n                   WHERE name = '%s' AND lpad(value, 3, '0') = '%03d');\n",
	        name, v);
}

static void header(FILE *out, const char *input, const struct ksd_instance *in)
{
	char set[96];
	fputs("-- kinto-schema-doctor " KSD_VERSION " fix for '", out);
	fix_comment(out, input);
	fputs("'", out);
	if (in->db->name) {
		fputs(", database ", out);
		fix_comment(out, in->db->name);
	}
	fputs(", schema ", out);
	fix_comment(out, in->schema->name);
	fputs("\n", out);
	if (in->storage.present && in->storage.version) {
		report_vset(set, sizeof(set), in->storage.candidates);
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
	fprintf(out, "\n-- metadata: %s", report_meta_name(in->meta));
	if (in->storage.recorded_value) {
		fputs(", top storage row '", out);
		fix_comment(out, in->storage.recorded_value);
		fputs("'", out);
	}
	fputs(in->created_at ? "" : ", no created_at", out);
	if (in->kinto[0]) {
		fputs("\n-- without it Kinto ", out);
		fix_comment(out, in->kinto);
	}
	if (in->reason[0]) {
		fputs("\n-- ", out);
		fix_comment(out, in->reason);
	}
	fputs("\n-- Safe to run twice: every statement is guarded.\n", out);
}

void fix_write(FILE *out, const char *input, const struct ksd_instance *in, bool connect)
{
	if (!in->fix)
		return;
	header(out, input, in);
	if (connect && in->db->name)
		connect_line(out, in->db->name);
	fputs("BEGIN;\n", out);
	bool repair = in->history.found && !in->history.unrepairable;
	if (repair)
		repair_checks(out, in);
	if (!in->meta_table) {
		fputs("CREATE TABLE IF NOT EXISTS ", out);
		fix_table(out, in);
		fputs(" (\n    name character varying(128) NOT NULL,\n"
		      "    value character varying(512) NOT NULL\n);\n",
		      out);
	}
	const struct ksd_backend_verdict *st = &in->storage, *pm = &in->permission;
	/* Rows Kinto already reads right stay as they are. */
	if (st->present && st->version && !(st->rows && st->recorded == st->version)) {
		delete_above(out, in, "storage_schema_version", st->version);
		insert_version(out, in, "storage_schema_version", st->version);
		if (!in->created_at) {
			fputs("INSERT INTO ", out);
			fix_table(out, in);
			fputs(" (name, value)\nSELECT 'created_at', now()::text\n"
			      " WHERE NOT EXISTS (SELECT 1 FROM ",
			      out);
			fix_table(out, in);
			fputs(" WHERE name = 'created_at');\n", out);
		}
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
		fputs("CREATE UNIQUE INDEX IF NOT EXISTS "
		      "idx_deleted_user_id_resource_name_last_modified"
		      "\n    ON ",
		      out);
		fix_ident(out, in->schema->name);
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
