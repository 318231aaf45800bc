/* Where a ';' does not end a statement: inside a SQL-standard routine body,
 * BEGIN ATOMIC ... END, semicolons end the body's own statements, not the
 * CREATE FUNCTION or PROCEDURE around it, and CASE ... END pairs nest in it.
 * Shared by the extractor, which splits token by token, and the plain
 * reader, which splits byte by byte. Public because the statement stream's
 * state (ksd_stream.h), which the readers hold, carries one. */
#ifndef KSD_SQL_SPLIT_H
#define KSD_SQL_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

struct split_body {
	size_t depth; /* 0: outside any body, a ';' ends the statement */
	bool after_begin;
};

/* The next word (unquoted identifier, outside strings and comments) of the
 * statement; start from a zeroed struct split_body for each statement. */
void split_word(struct split_body *b, const char *w, size_t len);

#endif
