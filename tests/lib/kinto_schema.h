/* Test library: the catalog pg_dump would yield for a Kinto database at a given
 * storage version, built from the fact sheet's cumulative state (migrated
 * step by step), with the fresh-install and historical variants as flags.
 * An executable restatement of the spec; bodies carry the spec's marker
 * tokens in text of our own. */
#ifndef KINTO_SCHEMA_H
#define KINTO_SCHEMA_H

#include "ksd_catalog.h"

enum {
	KS_FRESH = 1,         /* installed fresh at this version (schema.sql) */
	KS_V1_VARIANT = 2,    /* cliquet 1.2-1.3 version 1 */
	KS_CLIQUET_300 = 4,   /* 10 migrated by cliquet 3.0.0-3.1.2: no triggers */
	KS_CLIQUET_213 = 8,   /* cliquet 2.13-2.15 "8": version 9 schema with triggers */
	KS_DROP_DELETED = 16, /* 21+: the obsolete deleted table dropped by hand */
	KS_NO_META = 32,      /* no metadata table */
	KS_FLUSHED = 64,      /* metadata emptied */
	KS_PERM1 = 128,       /* permission tables at version 1 */
	KS_PERM2 = 256,       /* permission tables at version 2 (with its row) */
	KS_NO_CREATED_AT = 512,
	KS_CACHE = 1024, /* the cache backend's table in the same schema */
};

/* Adds a metadata row to `s`. */
void ks_meta(struct ksd_catalog *cat, struct ksd_schema *s, const char *name, const char *value);

/* The schema `name` of database `db` at storage version v. */
struct ksd_schema *ks_build(struct ksd_catalog *cat, const char *db, const char *name, int v,
                            unsigned flags);

/* Function `name` (bump_timestamp or a timestamp helper) of `s` with the
 * body version v installs, added when missing: what a re-run step leaves. */
void ks_body(struct ksd_catalog *cat, struct ksd_schema *s, const char *name, int v);

/* A flushed database of true version `truth` (10..19) after Kinto >= 12
 * guessed 20 and ran the migrations from 021 on until one failed (spec §6). */
struct ksd_schema *ks_hybrid(struct ksd_catalog *cat, int truth);

#endif
