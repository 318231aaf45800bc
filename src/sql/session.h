/* The extractor's session, below every statement handler: the state a dump
 * changes as it goes (database, search_path, standard_conforming_strings,
 * the COPY block being read), where unqualified names resolve, and the
 * store of one statement's tokens. */
#ifndef KSD_SQL_SESSION_H
#define KSD_SQL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"
#include "ksd_extract.h"
#include "ksd_facts.h"
#include "ksd_token.h"
#include "sql/parse.h"
#include "ksd_buf.h"

/* Tokens kept for one statement; a longer statement is skipped as partial.
 * Kinto's longest DDL statement has a few hundred. */
#define MAX_TOKENS (1u << 16)

/* The columns of a table's data that data.c reads: objects/records/deleted,
 * Kinto's row columns (ksd_facts.h). */
enum {
	DATA_ID = KSD_ROW_ID,
	DATA_PARENT = KSD_ROW_PARENT,
	DATA_RESOURCE = KSD_ROW_RESOURCE,
	DATA_DELETED = KSD_ROW_DELETED,
	DATA_NCOLS = KSD_ROW_NCOLUMNS
};

/* The table whose data (a COPY block, an INSERT) is being read. */
struct data_block {
	enum ksd_copy_use use;
	name_t schema, table;
	int col[DATA_NCOLS]; /* positions; -1 when absent */
	size_t ncols;
	bool inventory;  /* count resources, tombstones, internal parents */
	bool twin;       /* keep or probe (id, parent_id, collection_id) keys */
	bool tombstones; /* every row is a tombstone: the `deleted` table */
	/* Per block, for the rows: the columns read from each line (-1: not
	 * read), the highest of them, and the schema. */
	int want[DATA_NCOLS];
	int want_max;
	int order[DATA_NCOLS]; /* the DATA_* read, by column */
	int nwant;
	struct ksd_schema *s;
	/* Rows of one resource name in a row, counted here and handed to the
	 * catalog when another name (or the block's end) comes. */
	char run_name[KSD_MAX_RESOURCE_NAME];
	size_t run_len;
	bool run_known;
	uint64_t run_rows;
};

/* Keys of the first of `deleted` and `records` whose data came, in one
 * schema, probed by the other's rows: an open-addressing set over a pool,
 * both malloc'd on first use, bounded by KSD_MAX_TWIN_KEYS. */
struct twin_keys {
	name_t schema, table; /* "" when none */
	char *pool;
	size_t used, n;
	uint32_t *slots; /* 1 + offset into pool; 0 when free */
};

struct ksd_extract {
	struct ksd_catalog *cat;
	/* Where what statements say of the dump itself goes, and the read's
	 * option (ksd_extract_new). */
	struct ksd_dump *dump;
	bool count_rows;
	char *dbname;     /* NULL: the unnamed database of a plain dump */
	name_t search;    /* first usable schema of search_path, "" when empty */
	name_t ns;        /* ksd_extract_set_namespace, "" when unset */
	bool std_strings; /* standard_conforming_strings */
	struct ksd_token *toks;
	size_t ntoks, captoks;
	struct buf out; /* rendering scratch */
	/* The metadata COPY block being read, if any. */
	bool copy_active;
	name_t copy_schema;
	int copy_name_col, copy_value_col; /* -1 when absent */
	char *row;                         /* KSD_MAX_ROW + 1 bytes, lazily */
	struct buf vals[DATA_NCOLS];       /* decoded INSERT values: name and value, or DATA_* */
	struct data_block data;            /* the table data being read (data.c) */
	struct twin_keys twins;
};

/* The schema an object named with `qual` ("" when unqualified) goes to, found
 * or created; NULL when out of memory. */
struct ksd_schema *session_schema(struct ksd_extract *x, const char *qual);
/* The same schema when it exists already, else NULL; creates nothing. */
struct ksd_schema *session_find_schema(struct ksd_extract *x, const char *qual);
const char *session_schema_name(const struct ksd_extract *x, const char *qual);
struct ksd_database *session_database(struct ksd_extract *x);

/* Appends one token to x->toks; false when there are MAX_TOKENS already or
 * memory is short. */
bool session_push(struct ksd_extract *x, const struct ksd_token *t);
/* The significant tokens of the first statement of sql[0..len) into x->toks,
 * without its ';'; false when there are too many or memory is short. */
bool session_lex(struct ksd_extract *x, const char *sql, size_t len);

#endif
