/* The schema catalog: what a dump defines, whatever its format.
 * databases > schemas > tables, indexes, functions, triggers, metadata rows,
 * and what Kinto's table data holds (inventory, twins). Filled only through
 * the extractor (ksd_extract.h); the dump's own facts, such as its format,
 * provenance and TOC, are in ksd_dump.h. Every string is owned by the catalog
 * (copied into its arena) and stays valid until ksd_catalog_free(). Names are
 * stored normalised: unquoted identifiers folded to lower case, quoted ones
 * kept exactly, without the quotes. */
#ifndef KSD_CATALOG_H
#define KSD_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_limits.h"

struct ksd_column {
	const char *name;
	const char *type;         /* as written, normalised spacing: "character varying(128)" */
	const char *collation;    /* bare collation name ("C"), NULL when none */
	const char *default_expr; /* as written ("false", "'{}'::jsonb"), NULL when none */
	bool not_null;
};

enum ksd_constraint_kind { KSD_CONS_PRIMARY_KEY, KSD_CONS_UNIQUE };

struct ksd_constraint {
	const char *name; /* NULL when the dump left it unnamed */
	enum ksd_constraint_kind kind;
	const char **columns;
	size_t ncolumns;
};

struct ksd_table {
	const char *name;
	struct ksd_column *columns;
	size_t ncolumns;
	struct ksd_constraint *constraints;
	size_t nconstraints;
	/* Its data, when the read counts rows (count_rows): whether the dump
	 * holds it (a TABLE DATA header, a COPY block, INSERTs, an archive's
	 * data entry read whole) and how many rows it has. */
	bool data_dumped;
	uint64_t rows;
};

struct ksd_index {
	const char *name;
	const char *table;
	bool unique;
	const char *method; /* "btree" when the dump says nothing */
	/* One entry per index key, as written between the parentheses, with
	 * schema qualification of function calls removed and spacing normalised:
	 * "last_modified DESC", "as_epoch(last_modified)", "(data -> 'user_id'::text)". */
	const char **keys;
	size_t nkeys;
	const char *predicate; /* WHERE clause text without the WHERE, or NULL */
};

enum ksd_volatility { KSD_VOLATILE, KSD_STABLE, KSD_IMMUTABLE };

struct ksd_function {
	const char *name;
	/* Argument list as "name type, name type" with types normalised
	 * ("uid character varying, resource character varying"). */
	const char *args;
	const char *returns; /* "trigger", "bigint", "timestamp without time zone" */
	const char *language;
	enum ksd_volatility volatility;
	const char *body; /* verbatim, at most KSD_MAX_BODY bytes */
	size_t body_len;  /* length of the body in the dump (may exceed stored) */
};

enum ksd_trigger_event {
	KSD_TRG_INSERT = 1,
	KSD_TRG_UPDATE = 2,
	KSD_TRG_DELETE = 4,
	KSD_TRG_TRUNCATE = 8
};

enum ksd_trigger_timing { KSD_TRG_BEFORE, KSD_TRG_AFTER, KSD_TRG_INSTEAD_OF };

struct ksd_trigger {
	const char *name;
	const char *table;
	enum ksd_trigger_timing timing;
	unsigned events;             /* ksd_trigger_event bits */
	const char **update_columns; /* UPDATE OF a, b */
	size_t nupdate_columns;
	bool for_each_row;
	const char *function; /* unqualified function name */
};

struct ksd_meta_row {
	const char *name;  /* NULL for a SQL NULL */
	const char *value; /* NULL for a SQL NULL */
};

/* One `metadata` table's rows, in dump order. */
struct ksd_metadata {
	bool data_seen; /* a COPY block or INSERT for it was present */
	struct ksd_meta_row *rows;
	size_t nrows;
	bool truncated; /* more than KSD_MAX_META_ROWS rows */
};

/* Rows of `objects` or `records` under one resource_name (collection_id
 * before version 21): bucket, collection, record, history... */
struct ksd_resource_rows {
	const char *name;
	uint64_t rows;
};

/* What the rows of `objects`/`records` and `deleted` hold, counted while
 * they stream past: per resource name (at most KSD_MAX_RESOURCES names; the
 * rest, and names longer than KSD_MAX_RESOURCE_NAME, go to `other`) and
 * the tombstones (their rows with deleted = true; before version 18 the
 * rows of `deleted`). */
struct ksd_inventory {
	struct ksd_resource_rows resources[KSD_MAX_RESOURCES];
	size_t nresources;
	uint64_t other;
	uint64_t tombstones;
	/* Rows under an internal parent, parent_id `__name__` (kinto-attachment's
	 * `__attachments__`), per (parent_id, resource_name): the same caps. */
	struct ksd_internal_rows {
		const char *parent_id, *resource_name;
		uint64_t rows;
	} internal[KSD_MAX_RESOURCES];
	size_t ninternal;
};

/* A `deleted` row whose (id, parent_id, collection_id) is also a `records`
 * row's: migration 011->012 deletes such twins. Looked for only while the
 * schema has the twin shape (ksd_schema_twin_shape), among the first
 * KSD_MAX_TWIN_KEYS rows of the table whose data comes first. */
enum { KSD_TWIN_RECORDS = 1, KSD_TWIN_DELETED = 2 };
struct ksd_twin {
	bool found;
	const char *id, *parent_id, *collection_id; /* the first twin found */
	/* KSD_TWIN_* of each table whose data the dump held while the schema
	 * had the twin shape: without both, a twin cannot be found. */
	unsigned searched;
};

struct ksd_schema {
	const char *name;
	struct ksd_table *tables;
	size_t ntables;
	struct ksd_index *indexes;
	size_t nindexes;
	struct ksd_function *functions;
	size_t nfunctions;
	struct ksd_trigger *triggers;
	size_t ntriggers;
	struct ksd_metadata metadata;
	struct ksd_inventory inventory; /* filled when the read counts rows */
	struct ksd_twin twin;
};

struct ksd_extension {
	const char *name;
	const char *schema; /* WITH SCHEMA x, or NULL */
};

struct ksd_database {
	const char *name; /* NULL for a single-database dump that does not say */
	struct ksd_schema *schemas;
	size_t nschemas;
	struct ksd_extension *extensions;
	size_t nextensions;
};

struct ksd_catalog {
	bool any_data_seen; /* some table data (COPY/INSERT) was present */
	bool any_ddl_seen;  /* some CREATE TABLE was present */
	struct ksd_database *databases;
	size_t ndatabases;
	struct ksd_arena *arena; /* private */
};

struct ksd_catalog *ksd_catalog_new(void);
void ksd_catalog_free(struct ksd_catalog *cat);

/* Copies into the catalog's arena; NULL in, NULL out. */
const char *ksd_catalog_strdup(struct ksd_catalog *cat, const char *s);
const char *ksd_catalog_strndup(struct ksd_catalog *cat, const char *s, size_t len);

/* Find or create. `name` NULL means the unnamed database of a plain dump. */
struct ksd_database *ksd_catalog_database(struct ksd_catalog *cat, const char *name);
struct ksd_schema *ksd_catalog_schema(struct ksd_catalog *cat, struct ksd_database *db,
                                      const char *name);

/* Add objects. A table, index, function or trigger with the same name (and,
 * for functions, the same args) as an existing one replaces it: hand-written
 * scripts drop and recreate. Returns NULL when out of memory or over
 * KSD_MAX_OBJECTS. The returned pointer is valid until the next add of the same kind. */
struct ksd_table *ksd_catalog_add_table(struct ksd_catalog *cat, struct ksd_schema *s,
                                        const char *name);
struct ksd_column *ksd_catalog_add_column(struct ksd_catalog *cat, struct ksd_table *t,
                                          const char *name);
struct ksd_constraint *ksd_catalog_add_constraint(struct ksd_catalog *cat, struct ksd_table *t,
                                                  const char *name, enum ksd_constraint_kind kind,
                                                  const char *const *columns, size_t ncolumns);
struct ksd_index *ksd_catalog_add_index(struct ksd_catalog *cat, struct ksd_schema *s,
                                        const char *name);
/* Appends a key to an index (copied). */
int ksd_catalog_index_add_key(struct ksd_catalog *cat, struct ksd_index *ix, const char *key);
struct ksd_function *ksd_catalog_add_function(struct ksd_catalog *cat, struct ksd_schema *s,
                                              const char *name, const char *args);
struct ksd_trigger *ksd_catalog_add_trigger(struct ksd_catalog *cat, struct ksd_schema *s,
                                            const char *name, const char *table);
int ksd_catalog_trigger_add_update_column(struct ksd_catalog *cat, struct ksd_trigger *tg,
                                          const char *column);
struct ksd_extension *ksd_catalog_add_extension(struct ksd_catalog *cat, struct ksd_database *db,
                                                const char *name);
/* name/value may be NULL (SQL NULL). Marks data_seen. */
int ksd_catalog_add_meta_row(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                             const char *value);
/* The inventory: `n` rows under resource name name[0..len) (NULL: not
 * known, counted with `other`); one row under an internal parent; the
 * first deleted/records twin, key = (id, parent_id, collection_id).
 * 0, or -1 when out of memory. */
int ksd_catalog_count_resource(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                               size_t len, uint64_t n);
int ksd_catalog_count_internal(struct ksd_catalog *cat, struct ksd_schema *s, const char *parent,
                               size_t plen, const char *name, size_t nlen);
int ksd_catalog_set_twin(struct ksd_catalog *cat, struct ksd_schema *s, const char *const key[3],
                         const size_t len[3]);

/* Removal, for DROP statements in hand-written scripts. Return true if found. */
bool ksd_catalog_drop_table(struct ksd_schema *s, const char *name);
bool ksd_catalog_drop_index(struct ksd_schema *s, const char *name);
bool ksd_catalog_drop_function(struct ksd_schema *s, const char *name);
bool ksd_catalog_drop_trigger(struct ksd_schema *s, const char *name, const char *table);

/* Lookups; NULL when absent. */
struct ksd_table *ksd_schema_table(const struct ksd_schema *s, const char *name);
struct ksd_column *ksd_table_column(const struct ksd_table *t, const char *name);
struct ksd_index *ksd_schema_index(const struct ksd_schema *s, const char *name);
/* Versions 10..17: `records` without its deleted column, and `timestamps`;
 * only there does a deleted/records twin tell versions apart. */
bool ksd_schema_twin_shape(const struct ksd_schema *s);
/* First function of that name, whatever its arguments. */
struct ksd_function *ksd_schema_function(const struct ksd_schema *s, const char *name);
struct ksd_trigger *ksd_schema_trigger(const struct ksd_schema *s, const char *name);
struct ksd_schema *ksd_database_schema(const struct ksd_database *db, const char *name);

#endif
