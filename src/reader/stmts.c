/* Statements and COPY data into the extractor (see stmts.h). COPY lines
 * are found with memchr whatever is wanted of them: by the stream, or, for
 * lines read at their ends that lie whole in a buffer, by the extractor
 * many at a time; only what the extractor asked for (whole lines, or their
 * ends) costs more than a count. */
#include <string.h>

#include "ksd_limits.h"
#include "reader/stmts.h"

void stmts_init(struct stmts *st, struct ksd_extract *x, struct ksd_err *err)
{
	memset(st, 0, sizeof(*st));
	st->x = x;
	st->err = err;
	sql_stream_init(&st->s, x);
	buf_init(&st->row, KSD_MAX_ROW);
}

void stmts_free(struct stmts *st)
{
	sql_stream_free(&st->s);
	buf_free(&st->row);
}

static int statement(struct stmts *st)
{
	struct sql_stream *s = &st->s;
	if (s->stmt.oom)
		return ksd_err_at_line(st->err, s->stmt_line, "out of memory");
	if (s->stmt.overflow) {
		ksd_err_at_line(st->err, s->stmt_line, "statement longer than %u bytes skipped",
		                KSD_MAX_STMT);
		return KSD_WARN;
	}
	if (ksd_extract_stmt(st->x, s->stmt.data, s->stmt.len, s->stmt_line, st->err) != KSD_OK)
		return KSD_FATAL;
	return KSD_OK;
}

static void copy_begin(struct stmts *st)
{
	struct sql_stream *s = &st->s;
	ksd_extract_note_data(st->x);
	st->copy_use = ksd_extract_copy_begin(st->x, s->stmt.data, s->stmt.len);
	st->copy_line = s->stmt_line;
	st->copy_rows = 0;
	buf_reset(&st->row);
}

static void copy_end(struct stmts *st)
{
	if (st->copy_use != KSD_COPY_SKIP)
		ksd_extract_copy_end(st->x, st->copy_rows);
}

/* KSD_COPY_ENDS: keeps the first bytes of the line and its last ones so far,
 * whatever the buffers cut it into; `before` bytes of it came earlier. */
static void keep_ends(struct stmts *st, const unsigned char *d, size_t n, size_t before)
{
	if (before < KSD_COPY_HEAD) {
		size_t room = KSD_COPY_HEAD - before;
		memcpy(st->head + before, d, n < room ? n : room);
	}
	if (n >= KSD_COPY_TAIL) {
		memcpy(st->tail, d + n - KSD_COPY_TAIL, KSD_COPY_TAIL);
		st->tail_len = KSD_COPY_TAIL;
		return;
	}
	size_t keep = st->tail_len < KSD_COPY_TAIL - n ? st->tail_len : KSD_COPY_TAIL - n;
	memmove(st->tail, st->tail + st->tail_len - keep, keep);
	memcpy(st->tail + keep, d, n);
	st->tail_len = keep + n;
}

/* Bytes d[0..n) of the current COPY line, which is s->line_len long so far
 * with them. */
static void row_text(struct stmts *st, const unsigned char *d, size_t n)
{
	if (st->copy_use == KSD_COPY_LINES)
		buf_append(&st->row, d, n);
	else if (st->copy_use == KSD_COPY_ENDS)
		keep_ends(st, d, n, st->s.line_len - n);
}

/* The end of a COPY line whose last bytes are d[0..n). A line that lies
 * whole in them (most do) is looked at where it is, not copied. */
static int row_done(struct stmts *st, const unsigned char *d, size_t n)
{
	size_t len = st->s.line_len;
	if (st->copy_use == KSD_COPY_ENDS && len == n) {
		st->copy_rows++;
		size_t tail = len < KSD_COPY_TAIL ? len : KSD_COPY_TAIL;
		if (ksd_extract_copy_ends(st->x, (const char *)d, (const char *)d + len - tail,
		                          tail, len, st->err) != KSD_OK)
			return KSD_FATAL;
		return KSD_OK;
	}
	row_text(st, d, n);
	st->copy_rows++;
	if (st->copy_use == KSD_COPY_LINES) {
		if (st->row.oom)
			return ksd_err_at_line(st->err, st->s.line, "out of memory");
		if (ksd_extract_copy_line(st->x, st->row.data ? st->row.data : "", st->row.len,
		                          st->err) != KSD_OK)
			return KSD_FATAL;
		buf_reset(&st->row);
	} else if (st->copy_use == KSD_COPY_ENDS) {
		if (ksd_extract_copy_ends(st->x, st->head, st->tail, st->tail_len, st->s.line_len,
		                          st->err) != KSD_OK)
			return KSD_FATAL;
		st->tail_len = 0;
	}
	return KSD_OK;
}

/* One event of the stream for bytes d[0..n). */
static int event(struct stmts *st, enum sql_event ev, const unsigned char *d, size_t n,
                 stmts_hook *hook, void *ctx)
{
	switch (ev) {
	case SQL_EV_NONE:
		return KSD_OK;
	case SQL_EV_STMT:
		return statement(st);
	case SQL_EV_COPY:
		copy_begin(st);
		sql_stream_rows_only(&st->s, st->copy_use == KSD_COPY_SKIP ||
		                                 st->copy_use == KSD_COPY_COUNT);
		return KSD_OK;
	case SQL_EV_ROWS:
		st->copy_rows += st->s.rows;
		return KSD_OK;
	case SQL_EV_INSERT:
		sql_stream_insert(&st->s);
		return KSD_OK;
	case SQL_EV_ROW_TEXT:
		row_text(st, d, n);
		return KSD_OK;
	case SQL_EV_ROW:
		return row_done(st, d, n - 1);
	case SQL_EV_COPY_END:
		row_text(st, d, n - 1);
		copy_end(st);
		return KSD_OK;
	case SQL_EV_COMMENT:
	case SQL_EV_META:
	case SQL_EV_META_TEXT:
	case SQL_EV_META_END:
		break;
	}
	return hook ? hook(ctx, ev, d, n) : KSD_OK;
}

/* KSD_COPY_ENDS: the whole lines at d[0..len), at a line's start, read by
 * the extractor where they lie, without an event per line; the bytes they
 * fill (*used). */
static int whole_rows(struct stmts *st, const unsigned char *d, size_t len, size_t *used)
{
	uint64_t rows = 0;
	*used = 0;
	if (st->copy_use != KSD_COPY_ENDS || !sql_stream_at_row(&st->s))
		return KSD_OK;
	int rc = ksd_extract_copy_rows(st->x, (const char *)d, len, used, &rows, st->err);
	st->copy_rows += rows;
	sql_stream_rows_taken(&st->s, rows);
	return rc;
}

int stmts_feed(struct stmts *st, const void *data, size_t len, stmts_hook *hook, void *ctx)
{
	const unsigned char *d = data;
	size_t i = 0;
	int rc = KSD_OK;
	sql_stream_buffer(&st->s);
	while (i < len) {
		size_t took;
		if (whole_rows(st, d + i, len - i, &took) == KSD_FATAL)
			return KSD_FATAL;
		if ((i += took) == len)
			break;
		enum sql_event ev;
		size_t n = sql_stream_get(&st->s, d + i, len - i, &ev);
		int r = event(st, ev, d + i, n, hook, ctx);
		i += n;
		if (r == KSD_FATAL)
			return r;
		if (r == KSD_WARN)
			rc = r;
	}
	return rc;
}

int stmts_finish(struct stmts *st, stmts_hook *hook, void *ctx, enum sql_open *open)
{
	enum sql_event ev;
	int rc = KSD_OK;
	while ((*open = sql_stream_end(&st->s, &ev)) == SQL_OPEN_NONE && ev != SQL_EV_NONE) {
		rc = event(st, ev, NULL, 0, hook, ctx);
		if (rc != KSD_OK)
			return rc;
	}
	switch (*open) {
	case SQL_OPEN_NONE:
		break;
	case SQL_OPEN_COPY_END:
		copy_end(st);
		break;
	case SQL_OPEN_COPY:
		copy_end(st);
		ksd_err_at_line(st->err, st->copy_line,
		                "unexpected end of input inside the COPY data that starts here");
		return KSD_WARN;
	case SQL_OPEN_QUOTE:
		ksd_err_at_line(
		    st->err, st->s.stmt_line,
		    "unexpected end of input inside %s in the statement that starts here",
		    sql_stream_open_name(&st->s));
		return KSD_WARN;
	}
	return rc;
}
