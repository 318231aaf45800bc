/* The statement stream's pull interface (see stream.h): each call hands
 * the bytes to the mode they belong to: statement text to the splitter
 * (splitter.c), meta-command lines and COPY data split into lines with
 * memchr here. */
#include <string.h>

#include "ksd_limits.h"
#include "sql/splitter.h"
#include "ksd_stream.h"

void sql_stream_init(struct sql_stream *s, struct ksd_extract *x)
{
	memset(s, 0, sizeof(*s));
	s->x = x;
	s->line = 1;
	buf_init(&s->stmt, KSD_MAX_STMT);
	split_init(s);
	split_reset(s);
}

void sql_stream_free(struct sql_stream *s)
{
	buf_free(&s->stmt);
}

void sql_stream_buffer(struct sql_stream *s)
{
	memset(s->next_stop, 0, sizeof(s->next_stop));
}

void sql_stream_forget_head(struct sql_stream *s)
{
	s->skip_head_len = 0;
}

/* What an event handed out leaves to do before the next byte. */
static void settle(struct sql_stream *s)
{
	split_settle(s);
	if (s->row_due) {
		s->row_due = false;
		s->line_len = 0;
	}
}

void sql_stream_rows_only(struct sql_stream *s, bool only)
{
	s->rows_only = only;
}

bool sql_stream_at_row(struct sql_stream *s)
{
	settle(s);
	return s->mode == SQL_M_COPY_DATA && s->line_len == 0;
}

void sql_stream_rows_taken(struct sql_stream *s, uint64_t rows)
{
	s->line += (long)rows;
}

/* Whole lines of a block whose lines are only counted, up to its "\."
 * line or the last newline here: one memchr a line, one event for all. */
static size_t copy_rows(struct sql_stream *s, const unsigned char *d, size_t len)
{
	size_t i = 0;
	const unsigned char *nl;
	s->rows = 0;
	while (i < len && (nl = memchr(d + i, '\n', len - i)) != NULL) {
		size_t n = (size_t)(nl - (d + i));
		if (n <= sizeof(s->line_head) && ksd_extract_copy_is_end((const char *)d + i, n))
			break;
		s->rows++;
		i += n + 1;
	}
	s->line += (long)s->rows;
	return i;
}

/* A line of COPY data (or what of it is here). */
static size_t copy_line(struct sql_stream *s, const unsigned char *d, size_t len,
                        enum sql_event *ev)
{
	if (s->rows_only && s->line_len == 0) {
		size_t used = copy_rows(s, d, len);
		if (s->rows > 0) {
			*ev = SQL_EV_ROWS;
			return used;
		}
	}
	const unsigned char *nl = memchr(d, '\n', len);
	size_t n = nl ? (size_t)(nl - d) : len;
	for (size_t i = 0; i < n && s->line_len + i < sizeof(s->line_head); i++)
		s->line_head[s->line_len + i] = (char)d[i];
	s->line_len += n;
	if (!nl) {
		*ev = SQL_EV_ROW_TEXT;
		return n;
	}
	s->line++;
	/* line_head holds the whole line when it is short enough to be "\.\r". */
	if (s->line_len <= sizeof(s->line_head) &&
	    ksd_extract_copy_is_end(s->line_head, s->line_len)) {
		s->mode = SQL_M_STMT;
		s->reset_due = true;
		*ev = SQL_EV_COPY_END;
	} else {
		*ev = SQL_EV_ROW;
	}
	s->row_due = true;
	return n + 1;
}

/* The rest of a line: a meta-command's, or the COPY statement's. */
static size_t rest_of_line(struct sql_stream *s, const unsigned char *d, size_t len,
                           enum sql_event *ev)
{
	const unsigned char *nl = memchr(d, '\n', len);
	bool meta = s->mode == SQL_M_META;
	if (!nl) {
		*ev = meta ? SQL_EV_META_TEXT : SQL_EV_NONE;
		return len;
	}
	s->line++;
	if (meta) {
		s->mode = SQL_M_STMT;
		s->reset_due = true;
		*ev = SQL_EV_META_END;
	} else {
		s->mode = SQL_M_COPY_DATA;
		s->line_len = 0;
	}
	return (size_t)(nl - d) + 1;
}

size_t sql_stream_get(struct sql_stream *s, const unsigned char *d, size_t len, enum sql_event *ev)
{
	settle(s);
	*ev = SQL_EV_NONE;
	switch (s->mode) {
	case SQL_M_META:
	case SQL_M_COPY_REST:
		return rest_of_line(s, d, len, ev);
	case SQL_M_COPY_DATA:
		return copy_line(s, d, len, ev);
	case SQL_M_STMT:
	case SQL_M_ENDED:
		break;
	}
	size_t i = 0;
	while (i < len) {
		size_t n = split_run(s, d + i, len - i);
		if (n > 0) {
			i += n;
			continue;
		}
		*ev = split_step(s, d[i++]);
		if (*ev != SQL_EV_NONE)
			return i;
	}
	return i;
}

const char *sql_stream_open_name(const struct sql_stream *s)
{
	switch (s->lex) {
	case SQL_L_SQUOTE:
	case SQL_L_SQUOTE_BACKSLASH:
		return "a quoted string";
	case SQL_L_DQUOTE:
		return "a quoted identifier";
	case SQL_L_DOLLAR_BODY:
		return "a dollar-quoted string";
	case SQL_L_BLOCK_COMMENT:
	case SQL_L_BLOCK_STAR:
	case SQL_L_BLOCK_SLASH:
		return "a /* comment */";
	default:
		return NULL;
	}
}

enum sql_open sql_stream_end(struct sql_stream *s, enum sql_event *ev)
{
	settle(s);
	*ev = SQL_EV_NONE;
	switch (s->mode) {
	case SQL_M_ENDED:
		return SQL_OPEN_NONE;
	case SQL_M_META:
		/* A last meta-command line may be a cut one. */
		s->mode = SQL_M_STMT;
		s->reset_due = true;
		*ev = SQL_EV_META_END;
		return SQL_OPEN_NONE;
	case SQL_M_COPY_REST:
	case SQL_M_COPY_DATA: {
		bool ended = s->mode == SQL_M_COPY_DATA && s->line_len > 0 &&
		             s->line_len <= sizeof(s->line_head) &&
		             ksd_extract_copy_is_end(s->line_head, s->line_len);
		s->mode = SQL_M_ENDED;
		return ended ? SQL_OPEN_COPY_END : SQL_OPEN_COPY;
	}
	case SQL_M_STMT:
		break;
	}
	s->mode = SQL_M_ENDED;
	if (s->lex == SQL_L_MAYBE_COMMENT)
		split_step(s, ' ');
	if (sql_stream_open_name(s) && s->significant)
		return SQL_OPEN_QUOTE;
	if (s->significant && s->lex != SQL_L_BLOCK_COMMENT)
		*ev = split_end_stmt(s);
	s->mode = SQL_M_ENDED; /* a last COPY statement has no data to wait for */
	return SQL_OPEN_NONE;
}
