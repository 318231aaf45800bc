/* SQL that reads the live catalog of the Kinto schema, found as
 * current_schema(): a repair's guards and its check ask it what is there. */
#include "report/catalog_sql.h"

/* `s`, one of our constants, as an SQL string literal. */
void sql_literal(FILE *out, const char *s)
{
	fputc('\'', out);
	for (; *s; s++)
		fputs(*s == '\'' ? "''" : (char[]){*s, '\0'}, out);
	fputc('\'', out);
}

/* SQL true when fingerprint row f (a kind ksd_step_guard() picks) holds in
 * the current schema: a redone step's guard. */
void sql_feature(FILE *out, const struct ksd_feature *f)
{
	if (f->kind == KSD_F_TABLE || f->kind == KSD_F_INDEX) {
		fputs("EXISTS (SELECT FROM pg_catalog.pg_class WHERE relnamespace = " CURRENT_NS
		      "\n                    AND relname = ",
		      out);
		sql_literal(out, f->name);
		fprintf(out, " AND relkind = '%c')", f->kind == KSD_F_TABLE ? 'r' : 'i');
		return;
	}
	bool column = f->kind == KSD_F_COLUMN || f->kind == KSD_F_COLUMN_TYPE;
	fputs(column
	          ? "EXISTS (SELECT FROM pg_catalog.pg_attribute a\n"
	            "                    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
	            "                   WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attname = "
	          : "EXISTS (SELECT FROM pg_catalog.pg_constraint k\n"
	            "                    JOIN pg_catalog.pg_class c ON c.oid = k.conrelid\n"
	            "                   WHERE k.contype = ",
	      out);
	if (column)
		sql_literal(out, f->name);
	else if (f->kind == KSD_F_PRIMARY_KEY)
		fputs("'p'", out);
	else {
		fputs("k.contype AND k.conname = ", out);
		sql_literal(out, f->name);
	}
	if (f->kind == KSD_F_COLUMN_TYPE) {
		fputs(
		    "\n                     AND pg_catalog.format_type(a.atttypid, a.atttypmod) ~ ",
		    out);
		sql_literal(out, f->pattern);
	}
	fputs("\n                     AND c.relnamespace = " CURRENT_NS "\n"
	      "                     AND c.relname = ",
	      out);
	sql_literal(out, f->table);
	fputc(')', out);
}

/* The version rows "a,b,c" (LPAD order). */
void sql_version_list(char *buf, size_t cap, ksd_vset rows)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (rows & KSD_VBIT(v))
			len += (size_t)snprintf(buf + len, cap - len, "%s%d", len ? "," : "", v);
}

bool sql_feature_kind(enum ksd_feature_kind kind)
{
	return kind == KSD_F_TABLE || kind == KSD_F_INDEX || kind == KSD_F_COLUMN ||
	       kind == KSD_F_COLUMN_TYPE || kind == KSD_F_COLUMN_NOT_NULL ||
	       kind == KSD_F_COLUMN_COLLATE_C || kind == KSD_F_PRIMARY_KEY ||
	       kind == KSD_F_CONSTRAINT;
}

/* The kind of a row as the features query below names it. */
static const char *kind_word(enum ksd_feature_kind kind)
{
	switch (kind) {
	case KSD_F_TABLE:
		return "table";
	case KSD_F_INDEX:
		return "index";
	case KSD_F_PRIMARY_KEY:
		return "primary key";
	case KSD_F_CONSTRAINT:
		return "constraint";
	case KSD_F_COLUMN_TYPE:
		return "type";
	case KSD_F_COLUMN_NOT_NULL:
		return "not null";
	case KSD_F_COLUMN_COLLATE_C:
		return "collate";
	default:
		return "column";
	}
}

static void literal_or_null(FILE *out, const char *s)
{
	if (s)
		sql_literal(out, s);
	else
		fputs("NULL", out);
}

void sql_feature_row(FILE *out, const struct ksd_feature *f)
{
	fputs("(", out);
	sql_literal(out, f->label);
	fprintf(out, ", '%s', ", kind_word(f->kind));
	literal_or_null(out, f->table);
	fputs(", ", out);
	literal_or_null(out, f->name);
	fputs(", ", out);
	literal_or_null(out, f->kind == KSD_F_COLUMN_TYPE ? f->pattern : NULL);
	fputs(")", out);
}

/* The rows of sql_feature_row(), each read from the catalog of the schema
 * whose oid is `ns` (950: the oid of the collation "C" in every release). */
const char sql_features_live_head[] =
    "        SELECT 'feature ' || f.label,\n"
    "               CASE WHEN CASE f.kind\n"
    "                   WHEN 'table' THEN EXISTS (SELECT FROM pg_catalog.pg_class\n"
    "                       WHERE relnamespace = ns AND relname = f.name AND relkind = 'r')\n"
    "                   WHEN 'index' THEN EXISTS (SELECT FROM pg_catalog.pg_class\n"
    "                       WHERE relnamespace = ns AND relname = f.name AND relkind = 'i')\n"
    "                   WHEN 'primary key' THEN EXISTS (SELECT FROM pg_catalog.pg_constraint k\n"
    "                       JOIN pg_catalog.pg_class c ON c.oid = k.conrelid\n"
    "                       WHERE c.relnamespace = ns AND c.relname = f.tbl AND k.contype = 'p')\n"
    "                   WHEN 'constraint' THEN EXISTS (SELECT FROM pg_catalog.pg_constraint k\n"
    "                       JOIN pg_catalog.pg_class c ON c.oid = k.conrelid\n"
    "                       WHERE c.relnamespace = ns AND c.relname = f.tbl AND k.conname = "
    "f.name)\n"
    "                   ELSE EXISTS (SELECT FROM pg_catalog.pg_attribute a\n"
    "                       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n"
    "                       WHERE c.relnamespace = ns AND c.relname = f.tbl AND a.attnum > 0\n"
    "                         AND NOT a.attisdropped AND a.attname = f.name\n"
    "                         AND (f.kind <> 'type'\n"
    "                              OR pg_catalog.format_type(a.atttypid, a.atttypmod) ~ "
    "f.pattern)\n"
    "                         AND (f.kind <> 'not null' OR a.attnotnull)\n"
    "                         AND (f.kind <> 'collate' OR a.attcollation = 950))\n"
    "               END THEN 'present' ELSE 'missing' END\n"
    "          FROM (VALUES";
const char sql_features_live_tail[] = "\n               ) AS f(label, kind, tbl, name, pattern)\n";
