/* ALTER TABLE (constraints, columns, renames) and ALTER INDEX on the tables
 * and indexes table.c made. */
#include <stdlib.h>
#include <string.h>

#include "ksd_err.h"
#include "sql/stmt.h"

static void remove_at(void *arr, size_t *n, size_t i, size_t elem)
{
	char *base = arr;
	memmove(base + i * elem, base + (i + 1) * elem, (*n - i - 1) * elem);
	(*n)--;
}

/* DROP COLUMN: constraints over the column go with it, as do indexes whose
 * keys start with it. */
static void drop_column(struct ksd_schema *s, struct ksd_table *t, const char *name)
{
	struct ksd_column *col = ksd_table_column(t, name);
	if (!col)
		return;
	remove_at(t->columns, &t->ncolumns, (size_t)(col - t->columns), sizeof(*col));
	for (size_t i = t->nconstraints; i-- > 0;) {
		struct ksd_constraint *k = &t->constraints[i];
		for (size_t j = 0; j < k->ncolumns; j++) {
			if (strcmp(k->columns[j], name) == 0) {
				free(k->columns);
				remove_at(t->constraints, &t->nconstraints, i, sizeof(*k));
				break;
			}
		}
	}
	size_t len = strlen(name);
	for (size_t i = s->nindexes; i-- > 0;) {
		struct ksd_index *ix = &s->indexes[i];
		if (!ix->table || strcmp(ix->table, t->name) != 0)
			continue;
		for (size_t j = 0; j < ix->nkeys; j++) {
			const char *key = ix->keys[j];
			if (strncmp(key, name, len) == 0 && (key[len] == '\0' || key[len] == ' ')) {
				ksd_catalog_drop_index(s, ix->name);
				break;
			}
		}
	}
}

static struct ksd_constraint *find_constraint(struct ksd_table *t, const char *name)
{
	for (size_t i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].name && strcmp(t->constraints[i].name, name) == 0)
			return &t->constraints[i];
	return NULL;
}

static int rename_table(struct ksd_extract *x, struct ksd_schema *s, struct ksd_table *t,
                        const char *to)
{
	const char *old = t->name;
	if (ksd_schema_table(s, to))
		return KSD_OK; /* PostgreSQL refuses */
	const char *copy = ksd_catalog_strdup(x->cat, to);
	if (!copy)
		return KSD_FATAL;
	for (size_t i = 0; i < s->nindexes; i++)
		if (s->indexes[i].table && strcmp(s->indexes[i].table, old) == 0)
			s->indexes[i].table = copy;
	for (size_t i = 0; i < s->ntriggers; i++)
		if (s->triggers[i].table && strcmp(s->triggers[i].table, old) == 0)
			s->triggers[i].table = copy;
	t->name = copy;
	return KSD_OK;
}

static int rename_column(struct ksd_extract *x, struct ksd_table *t, const char *from,
                         const char *to)
{
	struct ksd_column *col = ksd_table_column(t, from);
	if (!col || ksd_table_column(t, to))
		return KSD_OK;
	const char *copy = ksd_catalog_strdup(x->cat, to);
	if (!copy)
		return KSD_FATAL;
	col->name = copy;
	for (size_t i = 0; i < t->nconstraints; i++)
		for (size_t j = 0; j < t->constraints[i].ncolumns; j++)
			if (strcmp(t->constraints[i].columns[j], from) == 0)
				t->constraints[i].columns[j] = copy;
	return KSD_OK;
}

/* RENAME TO t | RENAME [COLUMN] a TO b | RENAME CONSTRAINT a TO b */
static int alter_rename(struct ksd_extract *x, struct ksd_schema *s, struct ksd_table *t,
                        struct cur *c)
{
	name_t from, to;
	if (parse_accept(c, "to"))
		return parse_name(c, to) ? rename_table(x, s, t, to) : KSD_OK;
	bool constraint = parse_accept(c, "constraint");
	if (!constraint)
		parse_accept(c, "column");
	if (!parse_name(c, from) || !parse_accept(c, "to") || !parse_name(c, to))
		return KSD_OK;
	if (!constraint)
		return rename_column(x, t, from, to);
	struct ksd_constraint *k = find_constraint(t, from);
	if (k && !(k->name = ksd_catalog_strdup(x->cat, to)))
		return KSD_FATAL;
	return KSD_OK;
}

/* ALTER [COLUMN] name ... */
static int alter_column(struct ksd_extract *x, struct ksd_table *t, struct cur *c, size_t end)
{
	name_t name;
	if (!parse_name(c, name))
		return KSD_OK;
	struct ksd_column *col = ksd_table_column(t, name);
	if (!col)
		return KSD_OK;
	if (parse_accept_words(c, "set data type") || parse_accept(c, "type")) {
		static const char *const stop[] = {"collate", "using", NULL};
		size_t to = table_scan_to(c, c->i, end, false, stop);
		const char *type = parse_render_type(&x->out, c, c->i, to);
		if (!type || !(col->type = ksd_catalog_strdup(x->cat, type)))
			return KSD_FATAL;
		c->i = to;
		/* A new type takes its default collation unless one is given. */
		col->collation = NULL;
		name_t schema, coll;
		if (parse_accept(c, "collate") && parse_qname(c, schema, coll) &&
		    !(col->collation = ksd_catalog_strdup(x->cat, coll)))
			return KSD_FATAL;
	} else if (parse_accept_words(c, "set default")) {
		const char *expr = parse_render_expr(&x->out, c, c->i, end, false);
		if (!expr)
			return KSD_FATAL;
		col->default_expr = *expr ? ksd_catalog_strdup(x->cat, expr) : NULL;
		if (*expr && !col->default_expr)
			return KSD_FATAL;
	} else if (parse_accept_words(c, "drop default")) {
		col->default_expr = NULL;
	} else if (parse_accept_words(c, "set not null")) {
		col->not_null = true;
	} else if (parse_accept_words(c, "drop not null")) {
		col->not_null = false;
	}
	return KSD_OK;
}

/* One comma-separated action of ALTER TABLE, tokens [c->i, end). */
static int alter_action(struct ksd_extract *x, struct ksd_schema *s, struct ksd_table *t,
                        struct cur *c, size_t end)
{
	name_t name = "";
	if (parse_accept(c, "add")) {
		if (parse_accept(c, "constraint")) {
			if (!parse_name(c, name))
				return KSD_OK;
			return table_constraint(x, s, t, name, c);
		}
		if (parse_at(c, "primary") || parse_at(c, "unique"))
			return table_constraint(x, s, t, name, c);
		if (parse_at(c, "check") || parse_at(c, "foreign") || parse_at(c, "exclude"))
			return KSD_OK;
		parse_accept(c, "column");
		parse_accept_words(c, "if not exists");
		return table_column(x, t, c, end, true);
	}
	if (parse_accept(c, "drop")) {
		bool constraint = parse_accept(c, "constraint");
		if (!constraint)
			parse_accept(c, "column");
		parse_accept_words(c, "if exists");
		if (!parse_name(c, name))
			return KSD_OK;
		if (!constraint) {
			drop_column(s, t, name);
		} else {
			struct ksd_constraint *k = find_constraint(t, name);
			if (k) {
				free(k->columns);
				remove_at(t->constraints, &t->nconstraints,
				          (size_t)(k - t->constraints), sizeof(*k));
			}
		}
		return KSD_OK;
	}
	if (parse_accept(c, "alter")) {
		parse_accept(c, "column");
		return alter_column(x, t, c, end);
	}
	return KSD_OK;
}

int table_alter(struct ksd_extract *x, struct cur *c)
{
	bool any = parse_accept_words(c, "if exists");
	parse_accept(c, "only");
	if (!any)
		parse_accept_words(c, "if exists");
	name_t schema, name;
	if (!parse_qname(c, schema, name))
		return KSD_OK;
	if (parse_at_kind(c, KSD_TOK_OP) && c->t[c->i].len == 1 && c->t[c->i].s[0] == '*')
		c->i++;
	struct ksd_schema *s = session_find_schema(x, schema);
	struct ksd_table *t = s ? ksd_schema_table(s, name) : NULL;
	if (!t)
		return KSD_OK;
	if (parse_accept(c, "rename"))
		return alter_rename(x, s, t, c);
	while (c->i < c->n) {
		size_t comma = parse_next_comma(c, c->i, c->n);
		struct cur a = {c->t, comma, c->i};
		if (alter_action(x, s, t, &a, comma) != KSD_OK)
			return KSD_FATAL;
		c->i = comma + 1;
	}
	return KSD_OK;
}

/* ALTER INDEX [IF EXISTS] i RENAME TO n; renaming a constraint's index
 * renames the constraint. */
int table_alter_index(struct ksd_extract *x, struct cur *c)
{
	parse_accept_words(c, "if exists");
	name_t schema, name, to;
	if (!parse_qname(c, schema, name) || !parse_accept_words(c, "rename to") ||
	    !parse_name(c, to))
		return KSD_OK;
	struct ksd_schema *s = session_find_schema(x, schema);
	if (!s)
		return KSD_OK;
	const char *copy = ksd_catalog_strdup(x->cat, to);
	if (!copy)
		return KSD_FATAL;
	struct ksd_index *ix = ksd_schema_index(s, name);
	if (ix) {
		if (!ksd_schema_index(s, to))
			ix->name = copy;
		return KSD_OK;
	}
	for (size_t i = 0; i < s->ntables; i++) {
		struct ksd_constraint *k = find_constraint(&s->tables[i], name);
		if (k) {
			k->name = copy;
			break;
		}
	}
	return KSD_OK;
}
