/* Test library: the Kinto schema builder (see kinto_schema.h). The helpers
 * below add one object each and fail the test when the catalog refuses it. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "kinto_schema.h"

static void ks_col(struct ksd_catalog *cat, struct ksd_table *t, const char *name, const char *type,
                   const char *def, bool not_null, bool collate)
{
	struct ksd_column *c = ksd_catalog_add_column(cat, t, name);
	ck_assert_ptr_nonnull(c);
	c->type = ksd_catalog_strdup(cat, type);
	c->default_expr = ksd_catalog_strdup(cat, def);
	c->not_null = not_null;
	c->collation = collate ? ksd_catalog_strdup(cat, "C") : NULL;
}

/* `keys` as pg_dump lists them, ", " between them; `where` the predicate. */
static void ks_index_where(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                           const char *table, bool unique, const char *keys, const char *where)
{
	struct ksd_index *ix = ksd_catalog_add_index(cat, s, name);
	ck_assert_ptr_nonnull(ix);
	ix->table = ksd_catalog_strdup(cat, table);
	ix->unique = unique;
	ix->method = "btree";
	ix->predicate = ksd_catalog_strdup(cat, where);
	for (const char *k = keys; *k;) {
		const char *end = strstr(k, ", ");
		size_t len = end ? (size_t)(end - k) : strlen(k);
		char key[128];
		ck_assert_uint_lt(len, sizeof(key));
		memcpy(key, k, len);
		key[len] = '\0';
		ck_assert_int_eq(ksd_catalog_index_add_key(cat, ix, key), 0);
		k += len + (end ? 2 : 0);
	}
}

static void ks_index(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                     const char *table, bool unique, const char *keys)
{
	ks_index_where(cat, s, name, table, unique, keys, NULL);
}

static void ks_function(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                        const char *args, const char *returns, bool immutable, const char *body)
{
	struct ksd_function *f = ksd_catalog_add_function(cat, s, name, args);
	ck_assert_ptr_nonnull(f);
	f->returns = ksd_catalog_strdup(cat, returns);
	f->language = "plpgsql";
	f->volatility = immutable ? KSD_IMMUTABLE : KSD_VOLATILE;
	f->body = ksd_catalog_strdup(cat, body);
	f->body_len = strlen(body);
}

static void ks_trigger(struct ksd_catalog *cat, struct ksd_schema *s, const char *name,
                       const char *table, bool update, bool of_data)
{
	struct ksd_trigger *tg = ksd_catalog_add_trigger(cat, s, name, table);
	ck_assert_ptr_nonnull(tg);
	tg->timing = KSD_TRG_BEFORE;
	tg->events = KSD_TRG_INSERT | (update ? KSD_TRG_UPDATE : 0);
	tg->for_each_row = true;
	tg->function = "bump_timestamp";
	if (of_data)
		ck_assert_int_eq(ksd_catalog_trigger_add_update_column(cat, tg, "data"), 0);
}

/* bump_timestamp as each version writes it: the marker tokens of spec §2.2,
 * with comments that would mislead a matcher that did not strip them. */
static const char *ks_bump(int v, bool tombstones)
{
	static char b[2048];
	if (v <= 6)
		return "BEGIN\n  -- clock_timestamp() is not used here\n"
		       "  NEW.last_modified := resource_timestamp(NEW.user_id, "
		       "NEW.resource_name);\n"
		       "  IF NEW.last_modified < localtimestamp THEN NULL; END IF;\n"
		       "  RETURN NEW;\nEND;\n";
	if (v <= 9)
		return v == 7
		           ? "BEGIN\n  NEW.last_modified := collection_timestamp(NEW.parent_id, "
		             "NEW.collection_id);\n  PERFORM localtimestamp;\n  RETURN NEW;\nEND;\n"
		       : v == 8
		           ? "BEGIN\n  /* localtimestamp was used before */ NEW.last_modified := "
		             "collection_timestamp(NEW.parent_id,NEW.collection_id);\n"
		             "  PERFORM clock_timestamp();\n  RETURN NEW;\nEND;\n"
		           : "BEGIN\n  IF NEW.last_modified IS NULL THEN\n"
		             "    NEW.last_modified := collection_timestamp( NEW.parent_id , "
		             "NEW.collection_id );\n  END IF;\n  PERFORM clock_timestamp();\n"
		             "  RETURN NEW;\nEND;\n";
	if (v <= 16) {
		snprintf(
		    b, sizeof(b),
		    "DECLARE previous TIMESTAMP; current TIMESTAMP;\nBEGIN\n"
		    "  SELECT last_modified INTO previous\n    FROM timestamps\n"
		    "   WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id;\n"
		    "  current := clock_timestamp();\n"
		    "  IF NEW.last_modified IS NULL%s THEN\n    NEW.last_modified := current;\n"
		    "  ELSE\n    current := NEW.last_modified;\n  END IF;\n%s"
		    "  RETURN NEW;\nEND;\n",
		    v >= 13 ? " OR (previous IS NOT NULL AND\n     as_epoch(NEW.last_modified)  =  "
		              "as_epoch(previous))"
		            : "",
		    v >= 15
		        ? "  INSERT INTO timestamps (parent_id, collection_id, last_modified)\n"
		          "  VALUES (NEW.parent_id, NEW.collection_id, current)\n"
		          "  ON CONFLICT (parent_id, collection_id)\n  DO UPDATE SET "
		          "last_modified = current;\n"
		        : "  WITH upsert AS (\n    UPDATE timestamps SET last_modified = current\n"
		          "     WHERE parent_id = NEW.parent_id RETURNING *)\n"
		          "  INSERT INTO timestamps SELECT NEW.parent_id, NEW.collection_id, "
		          "current\n   WHERE NOT EXISTS (SELECT * FROM upsert);\n");
		return b;
	}
	if (v <= 20) {
		snprintf(b, sizeof(b),
		         "DECLARE previous TIMESTAMP; current TIMESTAMP;\nBEGIN\n"
		         "  WITH existing_timestamps AS (\n"
		         "    (SELECT last_modified FROM records WHERE parent_id = NEW.parent_id\n"
		         "      ORDER BY last_modified DESC LIMIT 1)\n%s"
		         "    UNION (SELECT last_modified FROM timestamps WHERE parent_id = "
		         "NEW.parent_id))\n"
		         "  SELECT MAX(last_modified) INTO previous FROM existing_timestamps;\n"
		         "  current := clock_timestamp();\n"
		         "  IF NEW.last_modified IS NULL OR (previous IS NOT NULL AND "
		         "as_epoch(NEW.last_modified) = as_epoch(previous)) THEN\n"
		         "    NEW.last_modified := current;\n  END IF;\n  RETURN NEW;\nEND;\n",
		         tombstones
		             ? "    UNION (SELECT last_modified FROM deleted WHERE parent_id = "
		               "NEW.parent_id\n      ORDER BY last_modified DESC LIMIT 1)\n"
		             : "");
		return b;
	}
	snprintf(b, sizeof(b),
	         "DECLARE previous %s; current %s;\nBEGIN\n"
	         "  WITH existing_timestamps AS (\n"
	         "    (SELECT last_modified FROM objects WHERE parent_id = NEW.parent_id\n"
	         "       AND resource_name = NEW.resource_name\n"
	         "      ORDER BY %s DESC LIMIT 1)\n"
	         "    UNION (SELECT last_modified FROM timestamps WHERE parent_id = "
	         "NEW.parent_id))\n"
	         "  SELECT MAX(last_modified) INTO previous FROM existing_timestamps;\n"
	         "  current := clock_timestamp();\n"
	         "  IF NEW.last_modified IS NULL OR (previous IS NOT NULL AND "
	         "as_epoch(NEW.last_modified) = %s) THEN\n"
	         "    NEW.last_modified := %s;\n  END IF;\n  RETURN NEW;\nEND;\n",
	         v >= 22 ? "BIGINT" : "TIMESTAMP", v >= 22 ? "BIGINT" : "TIMESTAMP",
	         v >= 22 && v <= 25 ? "as_epoch(last_modified)" : "last_modified",
	         v >= 22 ? "previous" : "as_epoch(previous)",
	         v >= 22 ? "from_epoch(current)" : "current");
	return b;
}

/* resource_timestamp (1-6) / collection_timestamp (7-15). */
static const char *ks_helper(int v)
{
	if (v <= 2)
		return "DECLARE ts TIMESTAMP;\nBEGIN\n  SELECT COALESCE(MAX(last_modified), "
		       "localtimestamp) INTO ts FROM records\n   WHERE user_id = uid;\n"
		       "  RETURN ts;\nEND;\n";
	if (v <= 9)
		return v <= 7
		           ? "DECLARE ts TIMESTAMP;\nBEGIN\n  SELECT last_modified INTO ts FROM "
		             "records\n   ORDER BY last_modified DESC\n   LIMIT 1;\n"
		             "  IF ts IS NULL THEN ts := localtimestamp; END IF;\n  RETURN "
		             "ts;\nEND;\n"
		           : "DECLARE ts TIMESTAMP;\nBEGIN\n  SELECT last_modified INTO ts FROM "
		             "records\n   ORDER BY last_modified DESC LIMIT 1;\n"
		             "  IF ts IS NULL THEN ts := clock_timestamp(); END IF;\n  RETURN ts;\n"
		             "END;\n";
	if (v <= 14)
		return "DECLARE ts TIMESTAMP;\nBEGIN\n  SELECT last_modified INTO ts FROM "
		       "timestamps\n"
		       "   WHERE parent_id = uid;\n  IF ts IS NULL THEN\n    ts := "
		       "clock_timestamp();\n"
		       "    INSERT INTO timestamps VALUES (uid, resource, ts);\n  END IF;\n"
		       "  RETURN ts;\nEND;\n";
	return "DECLARE ts TIMESTAMP;\nBEGIN\n  WITH create_if_missing AS (\n"
	       "    INSERT INTO timestamps VALUES (uid, resource, clock_timestamp())\n"
	       "    ON CONFLICT (parent_id, collection_id) DO NOTHING RETURNING last_modified),\n"
	       "  get_or_create AS (SELECT last_modified FROM create_if_missing\n"
	       "    UNION SELECT last_modified FROM timestamps WHERE parent_id = uid)\n"
	       "  SELECT last_modified INTO ts FROM get_or_create;\n  RETURN ts;\nEND;\n";
}

void ks_meta(struct ksd_catalog *cat, struct ksd_schema *s, const char *name, const char *value)
{
	ck_assert_int_eq(ksd_catalog_add_meta_row(cat, s, name, value), 0);
}

struct ksd_schema *ks_build(struct ksd_catalog *cat, const char *db, const char *name, int v,
                            unsigned flags)
{
	bool fresh = flags & KS_FRESH;
	bool variant = flags & KS_V1_VARIANT;
	struct ksd_schema *s = ksd_catalog_schema(cat, ksd_catalog_database(cat, db), name);
	ck_assert_ptr_nonnull(s);
	cat->any_ddl_seen = true;
	cat->any_data_seen = true;
	const char *main = v <= 20 ? "records" : "objects";
	bool has_deleted = v <= 17 || (!fresh && !(v >= 21 && (flags & KS_DROP_DELETED)));
	const char *coll = v <= 6 ? "resource_name" : v <= 20 ? "collection_id" : "resource_name";
	const char *parent = v <= 6 ? "user_id" : "parent_id";
	const char *idtype = v <= 3 ? "uuid" : "text";
	const char *texttype = v <= 3 ? "character varying(256)" : "text";

	struct ksd_table *t = ksd_catalog_add_table(cat, s, main);
	ck_assert_ptr_nonnull(t);
	ks_col(cat, t, "id", idtype, v <= 3 ? "public.uuid_generate_v4()" : NULL, true, v >= 19);
	ks_col(cat, t, parent, texttype, NULL, true, v >= 19);
	ks_col(cat, t, coll, texttype, NULL, true, v >= 19);
	ks_col(cat, t, "last_modified", "timestamp without time zone", NULL, true, false);
	ks_col(cat, t, "data", v <= 5 ? "json" : "jsonb", v <= 5 ? "'{}'::json" : "'{}'::jsonb",
	       true, false);
	if (v >= 18)
		ks_col(cat, t, "deleted", "boolean", fresh ? NULL : "false", true, false);
	const char *key3[] = {"id", parent, coll};
	const char *key4[] = {"id", parent, coll, "last_modified"};
	if (v <= 2)
		ck_assert_ptr_nonnull(ksd_catalog_add_constraint(
		    cat, t, "records_id_user_id_resource_name_last_modified_key", KSD_CONS_UNIQUE,
		    key4, 4));
	if (v >= 5)
		ck_assert_ptr_nonnull(ksd_catalog_add_constraint(
		    cat, t, v >= 21 && fresh ? "objects_pkey" : "records_pkey",
		    KSD_CONS_PRIMARY_KEY, key3, 3));

	if (has_deleted) {
		t = ksd_catalog_add_table(cat, s, "deleted");
		ck_assert_ptr_nonnull(t);
		const char *dcoll = v <= 6 ? "resource_name" : "collection_id";
		ks_col(cat, t, "id", idtype, NULL, v >= 5, false);
		ks_col(cat, t, parent, texttype, NULL, true, false);
		ks_col(cat, t, dcoll, texttype, NULL, true, false);
		ks_col(cat, t, "last_modified", "timestamp without time zone", NULL, true, false);
		const char *dkey3[] = {"id", parent, dcoll};
		const char *dkey4[] = {"id", parent, dcoll, "last_modified"};
		if (v <= 2)
			ck_assert_ptr_nonnull(ksd_catalog_add_constraint(
			    cat, t, "deleted_id_user_id_resource_name_last_modified_key",
			    KSD_CONS_UNIQUE, dkey4, 4));
		if (v >= 5)
			ck_assert_ptr_nonnull(ksd_catalog_add_constraint(
			    cat, t, "deleted_pkey", KSD_CONS_PRIMARY_KEY, dkey3, 3));
	}
	if (v >= 10) {
		t = ksd_catalog_add_table(cat, s, "timestamps");
		ck_assert_ptr_nonnull(t);
		ks_col(cat, t, "parent_id", "text", NULL, true, v >= 20);
		ks_col(cat, t, v <= 20 ? "collection_id" : "resource_name", "text", NULL, true,
		       v >= 20);
		ks_col(cat, t, "last_modified", "timestamp without time zone", NULL, true, false);
		const char *tkey[] = {"parent_id", v <= 20 ? "collection_id" : "resource_name"};
		ck_assert_ptr_nonnull(ksd_catalog_add_constraint(cat, t, "timestamps_pkey",
		                                                 KSD_CONS_PRIMARY_KEY, tkey, 2));
	}
	if (!(flags & KS_NO_META)) {
		t = ksd_catalog_add_table(cat, s, "metadata");
		ck_assert_ptr_nonnull(t);
		ks_col(cat, t, "name", "character varying(128)", NULL, true, false);
		ks_col(cat, t, "value", "character varying(512)", NULL, true, false);
	}

	/* Indexes. */
	if (v <= 4) {
		static const char *const cols[] = {"user_id", "resource_name", "last_modified",
		                                   "id"};
		char n[64];
		for (int i = 0; i < 4; i++) {
			snprintf(n, sizeof(n), "idx_records_%s", cols[i]);
			ks_index(cat, s, n, "records", false, cols[i]);
			snprintf(n, sizeof(n), "idx_deleted_%s", cols[i]);
			ks_index(cat, s, n, "deleted", i == 3, cols[i]);
		}
	}
	if (!(variant && v == 1)) {
		ks_index(cat, s,
		         v <= 20 ? "idx_records_last_modified_epoch"
		                 : "idx_objects_last_modified_epoch",
		         main, false, "as_epoch(last_modified)");
		if (has_deleted)
			ks_index(cat, s, "idx_deleted_last_modified_epoch", "deleted", false,
			         "as_epoch(last_modified)");
	}
	if (v >= 3 && v <= 6) {
		ks_index(cat, s, "idx_records_user_id_resource_name_last_modified", "records", true,
		         "user_id, resource_name, last_modified DESC");
		if (!(fresh && (v == 3 || v == 6)))
			ks_index(cat, s, "idx_deleted_user_id_resource_name_last_modified",
			         "deleted", true, "user_id, resource_name, last_modified DESC");
	}
	if (v >= 7 && v <= 20)
		ks_index(cat, s, "idx_records_parent_id_collection_id_last_modified", "records",
		         true, "parent_id, collection_id, last_modified DESC");
	if (v >= 7 && has_deleted)
		ks_index(cat, s, "idx_deleted_parent_id_collection_id_last_modified", "deleted",
		         true, "parent_id, collection_id, last_modified DESC");
	if (v >= 21)
		ks_index(cat, s, "idx_objects_parent_id_resource_name_last_modified", "objects",
		         true, "parent_id, resource_name, last_modified DESC");
	if (v >= 23)
		ks_index(cat, s, "idx_objects_resource_name_parent_id_deleted", "objects", false,
		         "resource_name, parent_id, deleted");
	if (v >= 24)
		ks_index_where(cat, s, "idx_objects_history_userid_and_resourcename", "objects",
		               false,
		               "((data -> 'user_id'::text)), ((data -> 'resource_name'::text))",
		               "(resource_name = 'history'::text)");
	if (v >= 25)
		ks_index_where(cat, s, "idx_objects_parent_id_record_last_modified", "objects",
		               false, "parent_id, last_modified DESC",
		               "(resource_name = 'record'::text)");

	/* Functions. The cliquet 2.13 "8" ships the version 9 bodies. */
	int bodyv = (flags & KS_CLIQUET_213) ? 9 : v;
	ks_function(cat, s, "as_epoch", "ts timestamp without time zone", "bigint", !variant,
	            "BEGIN RETURN (EXTRACT(EPOCH FROM ts) * 1000)::BIGINT; END;");
	ks_function(cat, s, "bump_timestamp", "", "trigger", false,
	            ks_bump(bodyv, has_deleted && v <= 20));
	if (v <= 6)
		ks_function(cat, s, "resource_timestamp",
		            "uid character varying, resource character varying",
		            "timestamp without time zone", false, ks_helper(v));
	else if (v <= 15)
		ks_function(cat, s, "collection_timestamp",
		            "uid character varying, resource character varying",
		            "timestamp without time zone", false, ks_helper(bodyv));
	if (bodyv >= 9)
		ks_function(cat, s, "from_epoch", "epoch bigint", "timestamp without time zone",
		            true, "BEGIN RETURN to_timestamp(epoch / 1000.0); END;");

	/* Triggers. */
	bool trig = v <= 7 || (v >= 10 && !(flags & KS_CLIQUET_300)) ||
	            (fresh && (v == 8 || v == 9)) || (flags & KS_CLIQUET_213);
	if (v <= 20 && trig)
		ks_trigger(cat, s, "tgr_records_last_modified", "records", true, v >= 14);
	if (has_deleted && trig)
		ks_trigger(cat, s, "tgr_deleted_last_modified", "deleted", v < 14, false);
	if (v >= 21)
		ks_trigger(cat, s, "tgr_objects_last_modified", "objects", true, true);

	/* Permission tables. */
	if (flags & (KS_PERM1 | KS_PERM2)) {
		bool p2 = flags & KS_PERM2;
		t = ksd_catalog_add_table(cat, s, "user_principals");
		ks_col(cat, t, "user_id", "text", NULL, true, p2);
		ks_col(cat, t, "principal", "text", NULL, true, false);
		const char *ukey[] = {"user_id", "principal"};
		ck_assert_ptr_nonnull(ksd_catalog_add_constraint(cat, t, "user_principals_pkey",
		                                                 KSD_CONS_PRIMARY_KEY, ukey, 2));
		t = ksd_catalog_add_table(cat, s, "access_control_entries");
		ks_col(cat, t, "object_id", "text", NULL, true, p2);
		ks_col(cat, t, "permission", "text", NULL, true, false);
		ks_col(cat, t, "principal", "text", NULL, true, false);
		const char *akey[] = {"object_id", "permission", "principal"};
		ck_assert_ptr_nonnull(ksd_catalog_add_constraint(
		    cat, t, "access_control_entries_pkey", KSD_CONS_PRIMARY_KEY, akey, 3));
		ks_index(cat, s, "idx_access_control_entries_object_id", "access_control_entries",
		         false, "object_id");
		ks_index(cat, s, "idx_access_control_entries_permission", "access_control_entries",
		         false, "permission");
		ks_index(cat, s, "idx_access_control_entries_principal", "access_control_entries",
		         false, "principal");
	}

	/* The cache (spec §4): unversioned. */
	if (flags & KS_CACHE) {
		t = ksd_catalog_add_table(cat, s, "cache");
		ks_col(cat, t, "key", "character varying(256)", NULL, true, false);
		ks_col(cat, t, "value", "text", NULL, true, false);
		ks_col(cat, t, "ttl", "timestamp without time zone", NULL, false, false);
		const char *ckey[] = {"key"};
		ck_assert_ptr_nonnull(ksd_catalog_add_constraint(cat, t, "cache_pkey",
		                                                 KSD_CONS_PRIMARY_KEY, ckey, 1));
		ks_index(cat, s, "idx_cache_ttl", "cache", false, "ttl");
		ks_function(cat, s, "sec2ttl", "seconds double precision",
		            "timestamp without time zone", false,
		            "BEGIN IF seconds IS NULL THEN RETURN NULL; END IF; "
		            "RETURN now() + make_interval(secs => seconds); END;");
	}

	/* Metadata rows: created_at and one row per migration (spec §1.1). */
	if (!(flags & (KS_NO_META | KS_FLUSHED))) {
		if (!(flags & KS_NO_CREATED_AT))
			ks_meta(cat, s, "created_at", "2026-11-24 14:07:38.032559+00");
		if (variant)
			ks_meta(cat, s, "last_heartbeat", "");
		int first = fresh ? v : 2;
		if ((flags & KS_CLIQUET_213))
			first = fresh ? 8 : 2;
		char num[16];
		for (int r = first; r <= v; r++) {
			if (r == 1)
				continue;
			snprintf(num, sizeof(num), "%d", r);
			ks_meta(cat, s, "storage_schema_version", num);
		}
		if (flags & KS_PERM2)
			ks_meta(cat, s, "permission_schema_version", "2");
	}
	if (flags & KS_FLUSHED)
		s->metadata.data_seen = true;
	return s;
}

struct ksd_schema *ks_hybrid(struct ksd_catalog *cat, int truth)
{
	/* The parts 020->021 and later do not touch are the truth's; the rest is
	 * rebuilt as a version 22 (or 26) database would have it, minus what
	 * migrations 018-020 would have added. */
	int reached = truth <= 17 ? 22 : 26;
	struct ksd_catalog *tmp = ksd_catalog_new();
	ck_assert_ptr_nonnull(tmp);
	struct ksd_schema *old = ks_build(tmp, NULL, "public", truth, KS_FLUSHED);
	struct ksd_schema *s = ks_build(cat, NULL, "public", reached, KS_FLUSHED);
	struct ksd_table *o = ksd_schema_table(s, "objects");
	for (size_t i = 0; i < o->ncolumns; i++) {
		if (truth < 19)
			o->columns[i].collation = NULL;
		if (truth < 18 && strcmp(o->columns[i].name, "deleted") == 0)
			o->ncolumns = i; /* last column */
	}
	struct ksd_table *ts = ksd_schema_table(s, "timestamps");
	for (size_t i = 0; i < ts->ncolumns; i++)
		ts->columns[i].collation = NULL;
	if (truth < 18) {
		ksd_catalog_drop_index(s, "idx_objects_resource_name_parent_id_deleted");
	}
	/* The deleted table, its indexes and trigger stay as the truth had them. */
	ksd_catalog_drop_table(s, "deleted");
	struct ksd_table *od = ksd_schema_table(old, "deleted");
	struct ksd_table *d = ksd_catalog_add_table(cat, s, "deleted");
	for (size_t i = 0; i < od->ncolumns; i++)
		ks_col(cat, d, od->columns[i].name, od->columns[i].type,
		       od->columns[i].default_expr, od->columns[i].not_null,
		       od->columns[i].collation != NULL);
	const char *dk[] = {"id", "parent_id", "collection_id"};
	ksd_catalog_add_constraint(cat, d, "deleted_pkey", KSD_CONS_PRIMARY_KEY, dk, 3);
	ks_index(cat, s, "idx_deleted_last_modified_epoch", "deleted", false,
	         "as_epoch(last_modified)");
	ks_index(cat, s, "idx_deleted_parent_id_collection_id_last_modified", "deleted", true,
	         "parent_id, collection_id, last_modified DESC");
	ks_trigger(cat, s, "tgr_deleted_last_modified", "deleted", truth < 14, false);
	if (truth <= 15)
		ks_function(cat, s, "collection_timestamp",
		            "uid character varying, resource character varying",
		            "timestamp without time zone", false, ks_helper(truth));
	ks_meta(cat, s, "storage_schema_version", "21");
	ks_meta(cat, s, "storage_schema_version", "22");
	if (reached == 26)
		for (int r = 23; r <= 26; r++) {
			char num[16];
			snprintf(num, sizeof(num), "%d", r);
			ks_meta(cat, s, "storage_schema_version", num);
		}
	ksd_catalog_free(tmp);
	return s;
}

void ks_body(struct ksd_catalog *cat, struct ksd_schema *s, const char *name, int v)
{
	bool bump = strcmp(name, "bump_timestamp") == 0;
	const char *body = bump ? ks_bump(v, v <= 20) : ks_helper(v);
	struct ksd_function *f = ksd_schema_function(s, name);
	if (!f) {
		ks_function(cat, s, name, "uid character varying, resource character varying",
		            "timestamp without time zone", false, body);
		return;
	}
	f->body = ksd_catalog_strdup(cat, body);
	f->body_len = strlen(body);
}
