/* The DDL extractor: the one door from every format reader into the catalog.
 * Readers hand it complete SQL statements, psql \connect switches and the rows
 * of COPY blocks; it tokenizes, recognises the statements that matter, tracks
 * the current database and search_path, and fills the catalog. What the
 * statements say of the dump itself (the server functions it calls,
 * standard_conforming_strings, what it had to skip) goes to the dump. */
#ifndef KSD_EXTRACT_H
#define KSD_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"
#include "ksd_dump.h"
#include "ksd_err.h"

struct ksd_extract;

/* count_rows: count every table's rows and the inventory (the read's
 * option); otherwise only metadata rows and the twins' keys are read. */
struct ksd_extract *ksd_extract_new(struct ksd_catalog *cat, struct ksd_dump *dump,
                                    bool count_rows);
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

/* What a reader does with the lines of a COPY block. Every use but SKIP
 * counts them and gives the count to ksd_extract_copy_end. */
enum ksd_copy_use {
	KSD_COPY_SKIP,  /* skip them unread */
	KSD_COPY_LINES, /* feed each whole to ksd_extract_copy_line (metadata) */
	KSD_COPY_COUNT, /* count them only */
	/* feed each line's first KSD_COPY_HEAD and last KSD_COPY_TAIL bytes to
	 * ksd_extract_copy_ends: the columns around a long data column */
	KSD_COPY_ENDS,
};
#define KSD_COPY_HEAD 1024
#define KSD_COPY_TAIL 128

/* A `COPY ... FROM stdin;` statement: what to do with its lines. A metadata
 * table's are wanted whole; others are counted when rows are counted,
 * and objects/records/deleted read at their ends for the inventory and the
 * deleted/records twins. */
enum ksd_copy_use ksd_extract_copy_begin(struct ksd_extract *x, const char *sql, size_t len);
/* One data line without its newline (a trailing '\r' is tolerated). The
 * terminator line `\.` may be passed too; it ends the block. */
int ksd_extract_copy_line(struct ksd_extract *x, const char *line, size_t len, struct ksd_err *err);
/* One data line of `len` bytes given by its ends: head = its first
 * min(len, KSD_COPY_HEAD) bytes, tail = its last tail_len (<= KSD_COPY_TAIL)
 * bytes. KSD_OK, or KSD_FATAL when out of memory. */
int ksd_extract_copy_ends(struct ksd_extract *x, const char *head, const char *tail,
                          size_t tail_len, size_t len, struct ksd_err *err);
/* Whole data lines at data[0..len) of a KSD_COPY_ENDS block, each read where
 * it lies as ksd_extract_copy_ends would read it, up to the terminator line
 * or a line without its newline: *used is the bytes they fill, *rows how
 * many they are. KSD_OK, or KSD_FATAL when out of memory. */
int ksd_extract_copy_rows(struct ksd_extract *x, const char *data, size_t len, size_t *used,
                          uint64_t *rows, struct ksd_err *err);
/* The block ended after `lines` data lines (the terminator not counted). */
void ksd_extract_copy_end(struct ksd_extract *x, uint64_t lines);
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
 * metadata table, its rows are known; any table's count starts at 0. */
void ksd_extract_table_data(struct ksd_extract *x, const char *schema, const char *table);

/* The head of an INSERT, from INSERT up to the first '(' outside quotes
 * ("INSERT INTO s.t " or "INSERT INTO s.t VALUES "): true when none of its
 * rows is read (not metadata's, not counted), so that the statement stream may
 * skip the rest of the statement unread; the dump is then marked as
 * carrying data. False for any other head: the statement goes in whole. */
bool ksd_extract_insert_skips(struct ksd_extract *x, const char *head, size_t len);

/* Whether an archive reader must read `schema`.`table`'s data (beside the
 * metadata table's, always read): when rows are counted, or for the
 * twins of a schema at 10..17. Asked after the TOC's SQL went in. */
bool ksd_extract_wants_data(struct ksd_extract *x, const char *schema, const char *table);

#endif
