/* The statement handlers extract.c dispatches to, one group per file. Each
 * takes the cursor past its leading keywords and returns KSD_OK or KSD_FATAL
 * (out of memory); a statement it does not understand is skipped. */
#ifndef KSD_SQL_STMT_H
#define KSD_SQL_STMT_H

#include <stdbool.h>

#include "ksd_token.h"
#include "sql/parse.h"
#include "sql/session.h"

/* setting.c: SET, RESET, SELECT set_config(). */
int setting_set(struct ksd_extract *x, struct cur *c);
int setting_reset(struct ksd_extract *x, struct cur *c);
int setting_select(struct ksd_extract *x, struct cur *c);

/* schema.c: CREATE SCHEMA, CREATE EXTENSION, CREATE DATABASE. */
int schema_create(struct ksd_extract *x, struct cur *c);
int schema_create_extension(struct ksd_extract *x, struct cur *c);
int schema_create_database(struct ksd_extract *x, struct cur *c);

/* drop.c: DROP TABLE, INDEX, FUNCTION, TRIGGER, SCHEMA. */
int drop_objects(struct ksd_extract *x, struct cur *c);

/* table.c: CREATE TABLE, ALTER TABLE, CREATE [UNIQUE] INDEX, ALTER INDEX. */
int table_create(struct ksd_extract *x, struct cur *c);
int table_alter(struct ksd_extract *x, struct cur *c);
int table_create_index(struct ksd_extract *x, struct cur *c, bool unique);
int table_alter_index(struct ksd_extract *x, struct cur *c);

/* routine.c: CREATE [OR REPLACE] FUNCTION, CREATE [CONSTRAINT] TRIGGER. */
int routine_function(struct ksd_extract *x, struct cur *c);
int routine_trigger(struct ksd_extract *x, struct cur *c);

/* rows.c: INSERT from its first token on; consumes the lexer up to the ';'
 * rather than keep a long statement's tokens. */
int rows_insert(struct ksd_extract *x, struct ksd_lexer *lx);

#endif
