/* The statement text's byte-level splitter behind the statement stream
 * (stream.c), private to src/sql/. */
#ifndef KSD_SQL_SPLITTER_H
#define KSD_SQL_SPLITTER_H

#include "ksd_stream.h"

/* Once, before anything else. */
void split_init(struct sql_stream *s);
/* A statement begins: no byte of it seen yet. */
void split_reset(struct sql_stream *s);
/* One byte of statement text; the event it completes. */
enum sql_event split_step(struct sql_stream *s, unsigned char c);
/* The run of bytes at d[0..len) that change no state but what it does
 * itself (0: the next byte needs split_step()). */
size_t split_run(struct sql_stream *s, const unsigned char *d, size_t len);
/* The statement's ';' (or the end of input) went by. */
enum sql_event split_end_stmt(struct sql_stream *s);
/* Before the next byte, what the last event left to do. */
void split_settle(struct sql_stream *s);

#endif
