/* The containers objects go into: CREATE SCHEMA, CREATE EXTENSION (and the
 * schema it is created in) and CREATE DATABASE. */
#include "sql/stmt.h"

/* CREATE SCHEMA [IF NOT EXISTS] name, or AUTHORIZATION role alone, which
 * names the schema after the role. */
int schema_create(struct ksd_extract *x, struct cur *c)
{
	parse_accept_words(c, "if not exists");
	name_t name;
	if (parse_accept(c, "authorization")) {
		if (!parse_name(c, name))
			return KSD_OK;
	} else if (!parse_name(c, name)) {
		return KSD_OK;
	}
	struct ksd_database *db = session_database(x);
	return db && ksd_catalog_schema(x->cat, db, name) ? KSD_OK : KSD_FATAL;
}

/* CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE] */
int schema_create_extension(struct ksd_extract *x, struct cur *c)
{
	parse_accept_words(c, "if not exists");
	name_t name, schema = "";
	if (!parse_name(c, name))
		return KSD_OK;
	parse_accept(c, "with");
	while (c->i < c->n) {
		if (parse_accept(c, "schema")) {
			if (!parse_name(c, schema))
				break;
		} else {
			c->i++;
		}
	}
	struct ksd_database *db = session_database(x);
	struct ksd_extension *e = db ? ksd_catalog_add_extension(x->cat, db, name) : NULL;
	if (!e)
		return KSD_FATAL;
	if (schema[0] && !(e->schema = ksd_catalog_strdup(x->cat, schema)))
		return KSD_FATAL;
	return KSD_OK;
}

/* CREATE DATABASE name: pg_dump --create and pg_dumpall write one. */
int schema_create_database(struct ksd_extract *x, struct cur *c)
{
	name_t name;
	if (!parse_name(c, name))
		return KSD_OK;
	return ksd_catalog_database(x->cat, name) ? KSD_OK : KSD_FATAL;
}
