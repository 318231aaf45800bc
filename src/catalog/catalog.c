/* Catalog building and lookup. Strings live in the arena; the object arrays
 * are malloc'd and grow by doubling (util/array.h). */
#include <stdlib.h>
#include <string.h>

#include "ksd_arena.h"
#include "ksd_array.h"
#include "ksd_catalog.h"
#include "ksd_limits.h"

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

struct ksd_catalog *ksd_catalog_new(void)
{
	struct ksd_catalog *cat = calloc(1, sizeof(*cat));
	if (!cat)
		return NULL;
	cat->arena = arena_new();
	if (!cat->arena) {
		free(cat);
		return NULL;
	}
	return cat;
}

static void table_clear(struct ksd_table *t)
{
	for (size_t i = 0; i < t->nconstraints; i++)
		free(t->constraints[i].columns);
	free(t->columns);
	free(t->constraints);
	t->columns = NULL;
	t->constraints = NULL;
	t->ncolumns = t->nconstraints = 0;
}

static void index_clear(struct ksd_index *ix)
{
	free(ix->keys);
	ix->keys = NULL;
	ix->nkeys = 0;
}

static void trigger_clear(struct ksd_trigger *tg)
{
	free(tg->update_columns);
	tg->update_columns = NULL;
	tg->nupdate_columns = 0;
}

static void schema_free(struct ksd_schema *s)
{
	for (size_t i = 0; i < s->ntables; i++)
		table_clear(&s->tables[i]);
	for (size_t i = 0; i < s->nindexes; i++)
		index_clear(&s->indexes[i]);
	for (size_t i = 0; i < s->ntriggers; i++)
		trigger_clear(&s->triggers[i]);
	free(s->tables);
	free(s->indexes);
	free(s->functions);
	free(s->triggers);
	free(s->metadata.rows);
}

void ksd_catalog_free(struct ksd_catalog *cat)
{
	if (!cat)
		return;
	for (size_t d = 0; d < cat->ndatabases; d++) {
		struct ksd_database *db = &cat->databases[d];
		for (size_t i = 0; i < db->nschemas; i++)
			schema_free(&db->schemas[i]);
		free(db->schemas);
		free(db->extensions);
	}
	free(cat->databases);
	arena_free(cat->arena);
	free(cat);
}

const char *ksd_catalog_strdup(struct ksd_catalog *cat, const char *s)
{
	return s ? arena_strndup(cat->arena, s, strlen(s)) : NULL;
}

const char *ksd_catalog_strndup(struct ksd_catalog *cat, const char *s, size_t len)
{
	return s ? arena_strndup(cat->arena, s, len) : NULL;
}

/* Copies `name`; false when a non-NULL name could not be copied. */
static bool dup_name(struct ksd_catalog *cat, const char *name, const char **out)
{
	*out = ksd_catalog_strdup(cat, name);
	return !name || *out;
}

struct ksd_database *ksd_catalog_database(struct ksd_catalog *cat, const char *name)
{
	for (size_t i = 0; i < cat->ndatabases; i++) {
		const char *n = cat->databases[i].name;
		if ((!n && !name) || same(n, name))
			return &cat->databases[i];
	}
	const char *copy;
	if (!dup_name(cat, name, &copy))
		return NULL;
	struct ksd_database *db = APPEND(cat->databases, cat->ndatabases);
	if (db)
		db->name = copy;
	return db;
}

struct ksd_schema *ksd_database_schema(const struct ksd_database *db, const char *name)
{
	for (size_t i = 0; i < db->nschemas; i++)
		if (same(db->schemas[i].name, name))
			return &db->schemas[i];
	return NULL;
}

struct ksd_schema *ksd_catalog_schema(struct ksd_catalog *cat, struct ksd_database *db,
                                      const char *name)
{
	struct ksd_schema *s = ksd_database_schema(db, name);
	if (s)
		return s;
	const char *copy = ksd_catalog_strdup(cat, name);
	if (!copy)
		return NULL;
	s = APPEND(db->schemas, db->nschemas);
	if (s)
		s->name = copy;
	return s;
}

struct ksd_table *ksd_schema_table(const struct ksd_schema *s, const char *name)
{
	for (size_t i = 0; i < s->ntables; i++)
		if (same(s->tables[i].name, name))
			return &s->tables[i];
	return NULL;
}

struct ksd_column *ksd_table_column(const struct ksd_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (same(t->columns[i].name, name))
			return &t->columns[i];
	return NULL;
}

bool ksd_schema_twin_shape(const struct ksd_schema *s)
{
	const struct ksd_table *r = ksd_schema_table(s, "records");
	return r && !ksd_table_column(r, "deleted") && ksd_schema_table(s, "timestamps");
}

struct ksd_index *ksd_schema_index(const struct ksd_schema *s, const char *name)
{
	for (size_t i = 0; i < s->nindexes; i++)
		if (same(s->indexes[i].name, name))
			return &s->indexes[i];
	return NULL;
}

struct ksd_function *ksd_schema_function(const struct ksd_schema *s, const char *name)
{
	for (size_t i = 0; i < s->nfunctions; i++)
		if (same(s->functions[i].name, name))
			return &s->functions[i];
	return NULL;
}

struct ksd_trigger *ksd_schema_trigger(const struct ksd_schema *s, const char *name)
{
	for (size_t i = 0; i < s->ntriggers; i++)
		if (same(s->triggers[i].name, name))
			return &s->triggers[i];
	return NULL;
}

struct ksd_table *ksd_catalog_add_table(struct ksd_catalog *cat, struct ksd_schema *s,
                                        const char *name)
{
	struct ksd_table *t = ksd_schema_table(s, name);
	if (t) {
		table_clear(t);
		return t;
	}
	const char *copy = ksd_catalog_strdup(cat, name);
	if (!copy)
		return NULL;
	t = APPEND(s->tables, s->ntables);
	if (t)
		t->name = copy;
	return t;
}

struct ksd_column *ksd_catalog_add_column(struct ksd_catalog *cat, struct ksd_table *t,
                                          const char *name)
{
	struct ksd_column *c = ksd_table_column(t, name);
	if (c)
		memset(c, 0, sizeof(*c));
	const char *copy = ksd_catalog_strdup(cat, name);
	if (!copy)
		return NULL;
	if (!c)
		c = APPEND(t->columns, t->ncolumns);
	if (c)
		c->name = copy;
	return c;
}

struct ksd_constraint *ksd_catalog_add_constraint(struct ksd_catalog *cat, struct ksd_table *t,
                                                  const char *name, enum ksd_constraint_kind kind,
                                                  const char *const *columns, size_t ncolumns)
{
	if (ncolumns > KSD_MAX_OBJECTS)
		return NULL;
	const char *copy;
	if (!dup_name(cat, name, &copy))
		return NULL;
	const char **cols = calloc(ncolumns ? ncolumns : 1, sizeof(*cols));
	if (!cols)
		return NULL;
	for (size_t i = 0; i < ncolumns; i++) {
		if (!(cols[i] = ksd_catalog_strdup(cat, columns[i]))) {
			free(cols);
			return NULL;
		}
	}
	struct ksd_constraint *c = NULL;
	for (size_t i = 0; name && i < t->nconstraints; i++) {
		if (same(t->constraints[i].name, name)) {
			c = &t->constraints[i];
			free(c->columns);
			break;
		}
	}
	if (!c)
		c = APPEND(t->constraints, t->nconstraints);
	if (!c) {
		free(cols);
		return NULL;
	}
	c->name = copy;
	c->kind = kind;
	c->columns = cols;
	c->ncolumns = ncolumns;
	return c;
}

struct ksd_index *ksd_catalog_add_index(struct ksd_catalog *cat, struct ksd_schema *s,
                                        const char *name)
{
	struct ksd_index *ix = ksd_schema_index(s, name);
	const char *copy = ksd_catalog_strdup(cat, name);
	if (!copy)
		return NULL;
	if (ix)
		index_clear(ix);
	else if (!(ix = APPEND(s->indexes, s->nindexes)))
		return NULL;
	memset(ix, 0, sizeof(*ix));
	ix->name = copy;
	return ix;
}

int ksd_catalog_index_add_key(struct ksd_catalog *cat, struct ksd_index *ix, const char *key)
{
	const char *copy = ksd_catalog_strdup(cat, key);
	if (!copy || !APPEND(ix->keys, ix->nkeys))
		return -1;
	ix->keys[ix->nkeys - 1] = copy;
	return 0;
}

struct ksd_function *ksd_catalog_add_function(struct ksd_catalog *cat, struct ksd_schema *s,
                                              const char *name, const char *args)
{
	struct ksd_function *f = NULL;
	for (size_t i = 0; i < s->nfunctions; i++) {
		if (same(s->functions[i].name, name) &&
		    strcmp(s->functions[i].args ? s->functions[i].args : "", args ? args : "") ==
		        0) {
			f = &s->functions[i];
			break;
		}
	}
	const char *ncopy = ksd_catalog_strdup(cat, name);
	const char *acopy = ksd_catalog_strdup(cat, args ? args : "");
	if (!ncopy || !acopy)
		return NULL;
	if (!f && !(f = APPEND(s->functions, s->nfunctions)))
		return NULL;
	memset(f, 0, sizeof(*f));
	f->name = ncopy;
	f->args = acopy;
	return f;
}

struct ksd_trigger *ksd_catalog_add_trigger(struct ksd_catalog *cat, struct ksd_schema *s,
                                            const char *name, const char *table)
{
	struct ksd_trigger *tg = NULL;
	for (size_t i = 0; i < s->ntriggers; i++) {
		if (same(s->triggers[i].name, name) && same(s->triggers[i].table, table)) {
			tg = &s->triggers[i];
			break;
		}
	}
	const char *ncopy = ksd_catalog_strdup(cat, name);
	const char *tcopy = ksd_catalog_strdup(cat, table);
	if (!ncopy || !tcopy)
		return NULL;
	if (tg)
		trigger_clear(tg);
	else if (!(tg = APPEND(s->triggers, s->ntriggers)))
		return NULL;
	memset(tg, 0, sizeof(*tg));
	tg->name = ncopy;
	tg->table = tcopy;
	return tg;
}

int ksd_catalog_trigger_add_update_column(struct ksd_catalog *cat, struct ksd_trigger *tg,
                                          const char *column)
{
	const char *copy = ksd_catalog_strdup(cat, column);
	if (!copy || !APPEND(tg->update_columns, tg->nupdate_columns))
		return -1;
	tg->update_columns[tg->nupdate_columns - 1] = copy;
	return 0;
}

struct ksd_extension *ksd_catalog_add_extension(struct ksd_catalog *cat, struct ksd_database *db,
                                                const char *name)
{
	for (size_t i = 0; i < db->nextensions; i++)
		if (same(db->extensions[i].name, name))
			return &db->extensions[i];
	const char *copy = ksd_catalog_strdup(cat, name);
	if (!copy)
		return NULL;
	struct ksd_extension *e = APPEND(db->extensions, db->nextensions);
	if (e)
		e->name = copy;
	return e;
}

int ksd_catalog_add_meta_row(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                             const char *value)
{
	struct ksd_metadata *m = &s->metadata;
	m->data_seen = true;
	cat->any_data_seen = true;
	if (m->nrows >= KSD_MAX_META_ROWS) {
		m->truncated = true;
		return 0;
	}
	const char *n, *v;
	if (!dup_name(cat, name, &n) || !dup_name(cat, value, &v))
		return -1;
	struct ksd_meta_row *r = APPEND(m->rows, m->nrows);
	if (!r)
		return -1;
	r->name = n;
	r->value = v;
	return 0;
}

static bool same_n(const char *a, const char *b, size_t len)
{
	return strlen(a) == len && memcmp(a, b, len) == 0;
}

int ksd_catalog_count_resource(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                               size_t len, uint64_t n)
{
	struct ksd_inventory *inv = &s->inventory;
	if (!name || len > KSD_MAX_RESOURCE_NAME || memchr(name, '\0', len)) {
		inv->other += n;
		return 0;
	}
	for (size_t i = 0; i < inv->nresources; i++)
		if (same_n(inv->resources[i].name, name, len)) {
			inv->resources[i].rows += n;
			return 0;
		}
	if (inv->nresources == KSD_MAX_RESOURCES) {
		inv->other += n;
		return 0;
	}
	const char *copy = ksd_catalog_strndup(cat, name, len);
	if (!copy)
		return -1;
	inv->resources[inv->nresources++] = (struct ksd_resource_rows){copy, n};
	return 0;
}

int ksd_catalog_count_internal(struct ksd_catalog *cat, struct ksd_schema *s, const char *parent,
                               size_t plen, const char *name, size_t nlen)
{
	struct ksd_inventory *inv = &s->inventory;
	if (plen > KSD_MAX_RESOURCE_NAME || nlen > KSD_MAX_RESOURCE_NAME ||
	    memchr(parent, '\0', plen) || memchr(name, '\0', nlen))
		return 0;
	for (size_t i = 0; i < inv->ninternal; i++) {
		struct ksd_internal_rows *r = &inv->internal[i];
		if (same_n(r->parent_id, parent, plen) && same_n(r->resource_name, name, nlen)) {
			r->rows++;
			return 0;
		}
	}
	if (inv->ninternal == KSD_MAX_RESOURCES)
		return 0;
	const char *p = ksd_catalog_strndup(cat, parent, plen);
	const char *r = ksd_catalog_strndup(cat, name, nlen);
	if (!p || !r)
		return -1;
	inv->internal[inv->ninternal++] = (struct ksd_internal_rows){p, r, 1};
	return 0;
}

int ksd_catalog_set_twin(struct ksd_catalog *cat, struct ksd_schema *s, const char *const key[3],
                         const size_t len[3])
{
	if (s->twin.found)
		return 0;
	const char *k[3];
	for (int i = 0; i < 3; i++)
		if (!(k[i] = ksd_catalog_strndup(cat, key[i], len[i])))
			return -1;
	s->twin = (struct ksd_twin){true, k[0], k[1], k[2], s->twin.searched};
	return 0;
}

/* Removes element i of an array by shifting the rest down, keeping order. */
static void remove_at(void *arr, size_t *n, size_t i, size_t elem)
{
	char *base = arr;
	memmove(base + i * elem, base + (i + 1) * elem, (*n - i - 1) * elem);
	(*n)--;
}

bool ksd_catalog_drop_table(struct ksd_schema *s, const char *name)
{
	struct ksd_table *t = ksd_schema_table(s, name);
	if (!t)
		return false;
	table_clear(t);
	remove_at(s->tables, &s->ntables, (size_t)(t - s->tables), sizeof(*t));
	/* Indexes and triggers go with their table, as in PostgreSQL. */
	for (size_t i = s->nindexes; i-- > 0;)
		if (same(s->indexes[i].table, name)) {
			index_clear(&s->indexes[i]);
			remove_at(s->indexes, &s->nindexes, i, sizeof(s->indexes[0]));
		}
	for (size_t i = s->ntriggers; i-- > 0;)
		if (same(s->triggers[i].table, name)) {
			trigger_clear(&s->triggers[i]);
			remove_at(s->triggers, &s->ntriggers, i, sizeof(s->triggers[0]));
		}
	return true;
}

bool ksd_catalog_drop_index(struct ksd_schema *s, const char *name)
{
	struct ksd_index *ix = ksd_schema_index(s, name);
	if (!ix)
		return false;
	index_clear(ix);
	remove_at(s->indexes, &s->nindexes, (size_t)(ix - s->indexes), sizeof(*ix));
	return true;
}

bool ksd_catalog_drop_function(struct ksd_schema *s, const char *name)
{
	bool found = false;
	for (size_t i = s->nfunctions; i-- > 0;)
		if (same(s->functions[i].name, name)) {
			remove_at(s->functions, &s->nfunctions, i, sizeof(s->functions[0]));
			found = true;
		}
	return found;
}

bool ksd_catalog_drop_trigger(struct ksd_schema *s, const char *name, const char *table)
{
	for (size_t i = 0; i < s->ntriggers; i++)
		if (same(s->triggers[i].name, name) &&
		    (!table || same(s->triggers[i].table, table))) {
			trigger_clear(&s->triggers[i]);
			remove_at(s->triggers, &s->ntriggers, i, sizeof(s->triggers[0]));
			return true;
		}
	return false;
}
