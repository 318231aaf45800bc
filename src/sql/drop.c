/* DROP TABLE, INDEX, FUNCTION, TRIGGER and SCHEMA: hand-written migrations
 * drop and recreate objects, and the catalog must forget what they drop. */
#include "sql/stmt.h"

/* DROP SCHEMA s CASCADE empties it; without CASCADE PostgreSQL refuses a
 * schema that still holds objects. */
static void drop_schema(struct ksd_schema *s, bool cascade)
{
	bool empty = !s->ntables && !s->nindexes && !s->nfunctions && !s->ntriggers;
	if (!cascade && !empty)
		return;
	while (s->ntables)
		ksd_catalog_drop_table(s, s->tables[s->ntables - 1].name);
	while (s->nindexes)
		ksd_catalog_drop_index(s, s->indexes[s->nindexes - 1].name);
	while (s->nfunctions)
		ksd_catalog_drop_function(s, s->functions[s->nfunctions - 1].name);
	while (s->ntriggers)
		ksd_catalog_drop_trigger(s, s->triggers[s->ntriggers - 1].name, NULL);
	s->metadata.nrows = 0;
	s->metadata.data_seen = false;
	s->metadata.truncated = false;
}

/* DROP {TABLE|INDEX [CONCURRENTLY]|FUNCTION|TRIGGER|SCHEMA} [IF EXISTS]
 * name[, ...] [CASCADE]; a trigger is named with ON table. */
int drop_objects(struct ksd_extract *x, struct cur *c)
{
	enum { TABLE, INDEX, FUNCTION, TRIGGER, SCHEMA } what;
	if (parse_accept(c, "table"))
		what = TABLE;
	else if (parse_accept(c, "index"))
		what = INDEX;
	else if (parse_accept(c, "function"))
		what = FUNCTION;
	else if (parse_accept(c, "trigger"))
		what = TRIGGER;
	else if (parse_accept(c, "schema"))
		what = SCHEMA;
	else
		return KSD_OK;
	if (what == INDEX)
		parse_accept(c, "concurrently");
	parse_accept_words(c, "if exists");
	bool cascade = c->n > 0 && parse_is_kw(&c->t[c->n - 1], "cascade");
	while (c->i < c->n) {
		name_t schema, name;
		if (!parse_qname(c, schema, name))
			return KSD_OK;
		if (what == TRIGGER) {
			name_t tschema, table;
			if (!parse_accept(c, "on") || !parse_qname(c, tschema, table))
				return KSD_OK;
			struct ksd_schema *s = session_find_schema(x, tschema);
			if (s)
				ksd_catalog_drop_trigger(s, name, table);
			return KSD_OK;
		}
		struct ksd_schema *s = session_find_schema(x, what == SCHEMA ? name : schema);
		if (s && what == TABLE)
			ksd_catalog_drop_table(s, name);
		else if (s && what == INDEX)
			ksd_catalog_drop_index(s, name);
		else if (s && what == FUNCTION)
			ksd_catalog_drop_function(s, name);
		else if (s)
			drop_schema(s, cascade);
		parse_skip_group(c); /* a function's argument types */
		if (!parse_accept_kind(c, KSD_TOK_COMMA))
			break;
	}
	return KSD_OK;
}
