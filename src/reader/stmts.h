/* The consumer of a statement stream that scripts and archive data members
 * share: statements to the extractor, COPY data lines counted or read as
 * the extractor asks, INSERTs nobody reads skipped. Comments and psql
 * meta-command lines are a script's (reader/plain.c); without a hook for
 * them they are passed over, never interpreted. */
#ifndef KSD_READER_STMTS_H
#define KSD_READER_STMTS_H

#include <stddef.h>
#include <stdint.h>

#include "ksd_err.h"
#include "ksd_extract.h"
#include "ksd_stream.h"
#include "ksd_buf.h"

struct stmts {
	struct sql_stream s;
	struct ksd_extract *x;
	struct ksd_err *err;
	enum ksd_copy_use copy_use;
	long copy_line;
	uint64_t copy_rows; /* data lines of the block so far */
	struct buf row;     /* KSD_COPY_LINES: the line so far */
	/* KSD_COPY_ENDS: the line's first and last bytes so far */
	char head[KSD_COPY_HEAD], tail[KSD_COPY_TAIL];
	size_t tail_len;
};

/* Comments and meta-command lines (SQL_EV_COMMENT, SQL_EV_META*): bytes
 * d[0..n) as the stream handed them out. KSD_OK, KSD_WARN or KSD_FATAL. */
typedef int stmts_hook(void *ctx, enum sql_event ev, const unsigned char *d, size_t n);

void stmts_init(struct stmts *st, struct ksd_extract *x, struct ksd_err *err);
void stmts_free(struct stmts *st);
/* Feeds one buffer; KSD_OK, KSD_WARN (something skipped) or KSD_FATAL. */
int stmts_feed(struct stmts *st, const void *data, size_t len, stmts_hook *hook, void *ctx);
/* End of input: a last statement, or a truncation reported; *open says
 * what was left open. */
int stmts_finish(struct stmts *st, stmts_hook *hook, void *ctx, enum sql_open *open);

#endif
