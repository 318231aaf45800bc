/* The DDL extractor: the one door from every format reader into the catalog.
 * Readers hand it complete SQL statements, psql \connect switches and the rows
 * of COPY blocks; it tokenizes, recognises the statements that matter, tracks
 * the current database and search_path, and fills the catalog. */
#ifndef KSD_EXTRACT_H
#define KSD_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_catalog.h"
#include "ksd_err.h"

struct ksd_extract;

struct ksd_extract *ksd_extract_new(struct ksd_catalog *cat);
void ksd_extract_free(struct ksd_extract *x);

/* One complete statement (the trailing ';' may be present). Unknown statements
 * are skipped silently. `line` is where it starts (0 when not from text) and
 * is only used for messages. Returns KSD_OK, or KSD_FATAL on out of memory. */
int ksd_extract_stmt(struct ksd_extract *x, const char *sql, size_t len, long line,
                     struct ksd_err *err);

/* psql `\connect DB` (name already decoded), or pg_restore's database switch. */
void ksd_extract_connect(struct ksd_extract *x, const char *dbname);

/* The schema unqualified names resolve to: an archive TOC entry's namespace,
 * for archives older than 1.13 whose SQL is unqualified. NULL resets to the
 * dump's own search_path. */
void ksd_extract_set_namespace(struct ksd_extract *x, const char *schema);

/* A `COPY ... FROM stdin;` statement. Returns true when its rows are wanted
 * (the table is a `metadata` table); only then feed its lines. */
bool ksd_extract_copy_begin(struct ksd_extract *x, const char *sql, size_t len);
/* One data line without its newline (a trailing '\r' is tolerated). The
 * terminator line `\.` may be passed too; it ends the block. */
int ksd_extract_copy_line(struct ksd_extract *x, const char *line, size_t len, struct ksd_err *err);
void ksd_extract_copy_end(struct ksd_extract *x);
/* Whether a data line (without its newline, a trailing '\r' tolerated) is
 * the terminator `\.` that ends a COPY block. */
bool ksd_extract_copy_is_end(const char *line, size_t len);

/* standard_conforming_strings as the statements so far have set it: whether
 * a reader splitting statements itself must take a backslash in a '...'
 * string as an escape (off) or as a byte (on). */
bool ksd_extract_std_strings(const struct ksd_extract *x);

/* A COPY block (any table) or INSERT was seen: the dump carries data. */
void ksd_extract_note_data(struct ksd_extract *x);
/* `schema`.`table`'s data was dumped, rows or none: pg_dump's TABLE DATA
 * header in a plain dump, an archive's data entry read whole. For a Kinto
 * metadata table, its rows are known. */
void ksd_extract_table_data(struct ksd_extract *x, const char *schema, const char *table);

#endif
