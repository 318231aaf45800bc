/* The statement handlers extract.c dispatches to, one group per file. Each
 * takes the cursor past its leading keywords and returns KSD_OK or KSD_FATAL
 * (out of memory); a statement it does not understand is skipped. */
#ifndef KSD_SQL_STMT_H
#define KSD_SQL_STMT_H

#include <stdbool.h>
#include <stdint.h>

#include "ksd_token.h"
#include "sql/parse.h"
#include "sql/session.h"

/* setting.c: SET, RESET, SELECT set_config(). */
int setting_set(struct ksd_extract *x, struct cur *c);
int setting_reset(struct ksd_extract *x, struct cur *c);
int setting_select(struct ksd_extract *x, struct cur *c);

/* calls.c: the server function a SELECT calls, recorded in the dump. */
int calls_select(struct ksd_extract *x, struct cur *c);

/* schema.c: CREATE SCHEMA, CREATE EXTENSION, CREATE DATABASE. */
int schema_create(struct ksd_extract *x, struct cur *c);
int schema_create_extension(struct ksd_extract *x, struct cur *c);
int schema_create_database(struct ksd_extract *x, struct cur *c);

/* drop.c: DROP TABLE, INDEX, FUNCTION, TRIGGER, SCHEMA. */
int drop_objects(struct ksd_extract *x, struct cur *c);

/* table.c: CREATE TABLE, CREATE [UNIQUE] INDEX; a table constraint (after
 * any CONSTRAINT `name`, "" when none) and a column definition up to `end`
 * from the cursor, which ALTER TABLE ... ADD shares (`keep_existing`: an
 * existing column of that name is left alone). */
int table_create(struct ksd_extract *x, struct cur *c);
int table_create_index(struct ksd_extract *x, struct cur *c, bool unique);
int table_constraint(struct ksd_extract *x, struct ksd_schema *s, struct ksd_table *t,
                     const char *name, struct cur *c);
int table_column(struct ksd_extract *x, struct ksd_table *t, struct cur *c, size_t end,
                 bool keep_existing);
/* The first token in [i, end) at depth 0 that is one of `extra`
 * (NULL-terminated) or, with `column_words`, a word that ends a column's
 * type or default; else end. */
size_t table_scan_to(const struct cur *c, size_t i, size_t end, bool column_words,
                     const char *const *extra);

/* alter.c: ALTER TABLE, ALTER INDEX. */
int table_alter(struct ksd_extract *x, struct cur *c);
int table_alter_index(struct ksd_extract *x, struct cur *c);

/* routine.c: CREATE [OR REPLACE] FUNCTION, CREATE [CONSTRAINT] TRIGGER. */
int routine_function(struct ksd_extract *x, struct cur *c);
int routine_trigger(struct ksd_extract *x, struct cur *c);

/* data.c: the data of tables other than metadata (see session.h). */
struct data_field {
	const char *s; /* decoded, not NUL-terminated */
	size_t len;
	bool known; /* false: NULL, or not read */
};
/* A table's data begins: which columns (the `nkept` first of `cols`, of
 * `ncols`; ncols 0: the table's own) and what to do with its rows. */
enum ksd_copy_use data_begin(struct ksd_extract *x, const char *schema, const char *table,
                             const name_t *cols, size_t nkept, size_t ncols);
/* One row's DATA_* fields; KSD_OK or KSD_FATAL (out of memory). */
int data_row(struct ksd_extract *x, const struct data_field f[DATA_NCOLS]);
/* The data ended after `rows` rows. */
void data_end(struct ksd_extract *x, uint64_t rows);
/* The table's data is in the dump (its count starts at 0). */
void data_dumped(struct ksd_extract *x, const char *schema, const char *table);

/* rows.c: INSERT from its first token on; consumes the lexer up to the ';'
 * rather than keep a long statement's tokens. */
int rows_insert(struct ksd_extract *x, struct ksd_lexer *lx);

#endif
