/* The statement stream: a resumable byte-level splitter of SQL text into
 * statements, pg_dump comment lines, psql meta-command lines and COPY data,
 * pulled one event at a time (in the manner of a tokenizer's "next token"):
 * the caller hands it the rest of a buffer and gets back how many bytes it
 * used and what, if anything, those bytes completed. It knows only enough
 * lexis to find statement ends: quotes, dollar quotes, comments, BEGIN
 * ATOMIC bodies, with lexer.h's byte classes and rules. */
#ifndef KSD_SQL_STREAM_H
#define KSD_SQL_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_extract.h"
#include "ksd_split.h"
#include "ksd_buf.h"

#define SQL_TAG_MAX 128 /* longest dollar-quote tag honoured, dollars included */
/* Longest pg_dump comment kept: a TABLE DATA header up to its owner, with
 * a table and a schema name of NAMEDATALEN - 1 = 63 bytes each. */
#define SQL_COMMENT_MAX 192
/* Longest INSERT head remembered: "INSERT INTO s.t VALUES " with two quoted
 * names of 63 bytes whose quotes are all doubled. */
#define SQL_HEAD_MAX 320

/* What the bytes used completed. Where an event ends a line, the bytes used
 * end with its '\n' and the ones before it are the line's last. */
enum sql_event {
	SQL_EV_NONE,   /* nothing yet: hand over the rest */
	SQL_EV_STMT,   /* a statement ended: s->stmt, from line s->stmt_line */
	SQL_EV_COPY,   /* the statement is COPY ... FROM stdin: data lines follow */
	SQL_EV_INSERT, /* an INSERT's first '(': sql_stream_insert() may skip it */
	/* a "--" line outside any statement: s->comment, s->comment_len */
	SQL_EV_COMMENT,
	SQL_EV_META,      /* a '\' where a statement would start: a psql line follows */
	SQL_EV_META_TEXT, /* bytes of that line */
	SQL_EV_META_END,  /* its end */
	SQL_EV_ROW_TEXT,  /* bytes of a COPY data line */
	SQL_EV_ROW,       /* a data line's end: s->line_len bytes long */
	SQL_EV_ROWS,      /* s->rows whole data lines (sql_stream_rows_only) */
	SQL_EV_COPY_END   /* the "\." line's end: back to statements */
};

/* What the end of input leaves open (sql_stream_end). */
enum sql_open {
	SQL_OPEN_NONE,
	SQL_OPEN_COPY,     /* a statement's COPY data without its "\." line */
	SQL_OPEN_COPY_END, /* the "\." line without a newline: complete */
	SQL_OPEN_QUOTE     /* a string, name, body or comment: sql_stream_open_name */
};

enum sql_lex {
	SQL_L_NORMAL,
	SQL_L_MAYBE_COMMENT, /* saw '-' or '/': a comment may start */
	SQL_L_LINE_COMMENT,
	SQL_L_BLOCK_COMMENT,
	SQL_L_BLOCK_STAR,  /* in a block comment, after '*' */
	SQL_L_BLOCK_SLASH, /* in a block comment, after '/' */
	SQL_L_SQUOTE,
	SQL_L_SQUOTE_BACKSLASH,
	SQL_L_DQUOTE,
	SQL_L_DOLLAR_TAG,
	SQL_L_DOLLAR_BODY
};

enum sql_mode { SQL_M_STMT, SQL_M_META, SQL_M_COPY_REST, SQL_M_COPY_DATA, SQL_M_ENDED };

/* Bytes that end a run of plain content in some lexical state. */
enum {
	SQL_K_NL,
	SQL_K_SQUOTE,
	SQL_K_BACKSLASH,
	SQL_K_DQUOTE,
	SQL_K_DOLLAR,
	SQL_K_STAR,
	SQL_K_SLASH,
	SQL_K_STOPS
};

struct sql_stream {
	struct ksd_extract *x; /* asked about strings' escapes and INSERT heads */
	long line;             /* of the next byte */
	long stmt_line;        /* where the current statement began */
	struct buf stmt;       /* its text, unless it is being skipped */
	char comment[SQL_COMMENT_MAX + 1];
	size_t comment_len;
	size_t line_len; /* of the current (or, at SQL_EV_ROW, the ended) COPY line */
	size_t rows;     /* at SQL_EV_ROWS */
	bool rows_only;  /* COPY lines are only counted */

	enum sql_mode mode;
	enum sql_lex lex;
	bool reset_due;   /* an event handed the statement out: reset before more */
	bool insert_due;  /* SQL_EV_INSERT handed out before its '(' was taken */
	bool row_due;     /* SQL_EV_ROW handed out: a new line begins */
	char pending;     /* the '-' or '/' of SQL_L_MAYBE_COMMENT */
	bool significant; /* the statement has begun (not just blanks and comments) */
	int block_depth;
	bool squote_escapes;
	char tag[SQL_TAG_MAX];
	size_t taglen, tagmatch;
	unsigned char prev, prev2;
	char word[8];
	size_t wordlen;
	struct split_body body; /* BEGIN ATOMIC ... END */
	bool first_word;        /* no word of the statement has ended yet */
	bool insert_head;       /* it begins with INSERT: stop at its first '(' */
	bool skipping;          /* an INSERT nobody reads: find its end, keep nothing */
	/* The last head the extractor let us skip, with its '('; empty when
	 * anything since may change its answer. */
	char skip_head[SQL_HEAD_MAX + 1];
	size_t skip_head_len;
	char line_head[3];             /* a COPY line's first bytes: is it "\."? */
	unsigned char skip_stops[256]; /* the bytes a skipped statement stops at */

	/* Where each stop byte next occurs in the buffer being used (its end
	 * when it does not), NULL when not looked for yet: any part of a buffer
	 * is scanned for a given byte once, however often the state changes. */
	const unsigned char *next_stop[SQL_K_STOPS];
};

void sql_stream_init(struct sql_stream *s, struct ksd_extract *x);
void sql_stream_free(struct sql_stream *s);
/* A new buffer: call before the first sql_stream_get of each. */
void sql_stream_buffer(struct sql_stream *s);
/* Uses bytes of d[0..len) (len > 0), the rest of the current buffer, up to
 * and including the first that completes something; returns how many
 * (possibly 0 with an event) and sets *ev. */
size_t sql_stream_get(struct sql_stream *s, const unsigned char *d, size_t len, enum sql_event *ev);
/* At SQL_EV_INSERT: asks the extractor whether anything reads the rows;
 * when not, the rest of the statement is only scanned for its end. */
void sql_stream_insert(struct sql_stream *s);
/* At SQL_EV_COPY: whether the block's lines are only counted; then whole
 * lines come many at a time, as SQL_EV_ROWS. */
void sql_stream_rows_only(struct sql_stream *s, bool only);
/* Whether the next byte begins a COPY data line (the "\." line included). */
bool sql_stream_at_row(struct sql_stream *s);
/* At a COPY data line's start: `rows` whole lines were taken by the
 * caller, without their bytes being handed here. */
void sql_stream_rows_taken(struct sql_stream *s, uint64_t rows);
/* Anything the extractor was told may change its answer for a head. */
void sql_stream_forget_head(struct sql_stream *s);
/* End of input, called until *ev is SQL_EV_NONE: each call hands out what
 * the end completes (a meta-command line's SQL_EV_META_END, a last
 * statement without ';' as SQL_EV_STMT or SQL_EV_COPY), then the last says
 * what is left open. */
enum sql_open sql_stream_end(struct sql_stream *s, enum sql_event *ev);
/* For SQL_OPEN_QUOTE: "a quoted string" and the like. */
const char *sql_stream_open_name(const struct sql_stream *s);

#endif
