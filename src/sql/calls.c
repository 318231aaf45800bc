/* The server function a SELECT statement calls, as pg_dump writes them:
 * `SELECT pg_catalog.set_config(...)`, `SELECT * FROM
 * pg_catalog.pg_restore_extended_stats(...)`. Kept by name in the dump:
 * loading the dump asks the server to have each (infer/restore.c knows which
 * servers do). Only pg_catalog or unqualified names: a function of the
 * dump's own schemas is created by the dump itself. */
#include <string.h>

#include "sql/stmt.h"

static bool at_star(const struct cur *c)
{
	return parse_at_kind(c, KSD_TOK_OP) && c->t[c->i].len == 1 && c->t[c->i].s[0] == '*';
}

int calls_select(struct ksd_extract *x, struct cur *c)
{
	if (at_star(c)) {
		c->i++;
		if (!parse_accept(c, "from"))
			return KSD_OK;
	}
	name_t schema, fn;
	if (!parse_qname(c, schema, fn) || (schema[0] && strcmp(schema, "pg_catalog") != 0) ||
	    !parse_at_kind(c, KSD_TOK_LPAREN))
		return KSD_OK;
	return ksd_dump_add_call(x->dump, fn) == 0 ? KSD_OK : KSD_FATAL;
}
