/* Kinto or not. objects, records and deleted are common table names (a file
 * store's objects, a clinic's records), so a name is no evidence: a schema
 * is a Kinto instance only when it carries Kinto's own signature, one of
 *  - a row only Kinto writes in its metadata table: a version row, or
 *    cliquet's last_heartbeat; created_at as well, unless the schema has a
 *    table of Kinto's storage names without Kinto's shape (created_at is a
 *    common row name);
 *  - a table of Kinto's name with enough of the columns Kinto gives it
 *    (spec 2.1 and 4): all but one of four, all of two or three;
 *  - beside a table of a storage name, Kinto's function as_epoch (every
 *    version has it) or Kinto's trigger on that table. bump_timestamp is a
 *    common name for a trigger function, so it proves nothing.
 * A Kinto that lost its metadata table keeps its columns and functions; a
 * data-only dump, which defines no table, keeps its version rows. */
#include <string.h>

#include "infer/metadata.h"
#include "infer/signature.h"

static const char *const objects_columns[] = {"parent_id", "resource_name", "data", "last_modified",
                                              NULL};
static const char *const records_columns[] = {"parent_id", "collection_id", "data", "last_modified",
                                              NULL};
static const char *const deleted_columns[] = {"parent_id", "collection_id", "last_modified", NULL};
/* Their names before version 7, by position (migration 006->007 renamed them). */
static const char *const before_7[] = {"user_id", "resource_name", NULL, NULL};
static const char *const principals_columns[] = {"user_id", "principal", NULL};
static const char *const aces_columns[] = {"object_id", "permission", "principal", NULL};

static const struct shape {
	const char *table;
	enum ksd_backend backend;
	const char *const *columns;
	const char *const *old_names; /* NULL: never renamed */
	unsigned need;                /* how many of them make the table Kinto's */
	const char *trigger;          /* Kinto's trigger on it, NULL: none */
} shapes[] = {
    {"objects", KSD_STORAGE, objects_columns, NULL, 3, "tgr_objects_last_modified"},
    {"records", KSD_STORAGE, records_columns, before_7, 3, "tgr_records_last_modified"},
    {"deleted", KSD_STORAGE, deleted_columns, before_7, 3, "tgr_deleted_last_modified"},
    {"user_principals", KSD_PERMISSION, principals_columns, NULL, 2, NULL},
    {"access_control_entries", KSD_PERMISSION, aces_columns, NULL, 3, NULL},
};

/* Which of the shape's columns table `t` has, as bits. */
static unsigned columns_had(const struct ksd_table *t, const struct shape *sh)
{
	unsigned has = 0;
	for (unsigned i = 0; sh->columns[i]; i++)
		if (ksd_table_column(t, sh->columns[i]) ||
		    (sh->old_names && sh->old_names[i] && ksd_table_column(t, sh->old_names[i])))
			has |= 1u << i;
	return has;
}

static unsigned bits(unsigned x)
{
	unsigned n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static bool kinto_trigger(const struct ksd_schema *s, const struct shape *sh)
{
	const struct ksd_trigger *tg = sh->trigger ? ksd_schema_trigger(s, sh->trigger) : NULL;
	return tg && tg->table && strcmp(tg->table, sh->table) == 0;
}

void signature_find(const struct ksd_schema *s, struct signature *sig, struct ksd_not_kinto *why)
{
	bool named[2] = {false, false}, shaped[2] = {false, false};
	if (why)
		memset(why, 0, sizeof(*why));
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		const struct shape *sh = &shapes[i];
		const struct ksd_table *t = ksd_schema_table(s, sh->table);
		if (!t)
			continue;
		unsigned has = columns_had(t, sh);
		int b = sh->backend == KSD_STORAGE ? 0 : 1;
		named[b] = true;
		shaped[b] = shaped[b] || bits(has) >= sh->need || kinto_trigger(s, sh);
		if (why && !why->table)
			*why = (struct ksd_not_kinto){.schema = s,
			                              .backend = sh->backend,
			                              .table = sh->table,
			                              .columns = sh->columns,
			                              .has = has};
	}
	unsigned rows = metadata_kinto_rows(&s->metadata);
	bool kinto_function = ksd_schema_function(s, "as_epoch") != NULL;
	sig->storage = (rows & (METADATA_STORAGE_ROW | METADATA_LAST_HEARTBEAT)) ||
	               (named[0] && (shaped[0] || kinto_function)) ||
	               ((rows & METADATA_CREATED_AT) && !named[0]);
	sig->storage_tables = sig->storage && named[0];
	sig->permission_tables = named[1] && (shaped[1] || (rows & METADATA_PERMISSION_ROW));
}

bool ksd_schema_not_kinto(const struct ksd_schema *s, struct ksd_not_kinto *out)
{
	struct signature sig;
	signature_find(s, &sig, out);
	return out->table && !sig.storage && !sig.permission_tables;
}

size_t ksd_not_kinto(const struct ksd_catalog *cat, struct ksd_not_kinto *out, size_t max)
{
	size_t n = 0;
	for (size_t d = 0; d < cat->ndatabases; d++) {
		const struct ksd_database *db = &cat->databases[d];
		for (size_t i = 0; i < db->nschemas; i++) {
			struct ksd_not_kinto nk;
			if (!ksd_schema_not_kinto(&db->schemas[i], &nk))
				continue;
			nk.db = db;
			if (n < max)
				out[n] = nk;
			n++;
		}
	}
	return n;
}
