/* Plain SQL reader (pg_dump -Fp, pg_restore -f scripts, pg_dumpall).
 *
 * A resumable byte-level state machine splits the stream into statements,
 * psql meta-commands and COPY data, whatever the read-buffer boundaries. It
 * knows only enough lexis to find statement ends: quotes, dollar quotes,
 * comments, BEGIN ATOMIC bodies, with src/sql/'s byte classes and rules.
 * Statements go to the extractor whole; COPY data is skipped line by line
 * with memchr, except a metadata table's rows. pg_dump's own comments are
 * looked at: its header and trailer, the TABLE DATA headers that say
 * which tables' data was dumped, and the lines that say where the dump came
 * from (read for a whole dump only, never for an archive's data member). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "ksd_limits.h"
#include "ksd_reader.h"
#include "reader/plain.h"
#include "sql/lexer.h"
#include "sql/split.h"

#define TAG_MAX  128  /* longest dollar-quote tag we honour, dollars included */
#define META_MAX 4096 /* longest psql meta-command line we interpret */
/* Longest pg_dump comment we look at: a TABLE DATA header up to its owner,
 * with a table and a schema name of NAMEDATALEN - 1 = 63 bytes each. */
#define COMMENT_MAX 192
/* Longest INSERT head remembered: "INSERT INTO s.t VALUES " with two quoted
 * names of 63 bytes whose quotes are all doubled. */
#define HEAD_MAX 320

enum lex {
	L_NORMAL,
	L_MAYBE_COMMENT, /* saw '-' or '/': a comment may start */
	L_LINE_COMMENT,
	L_BLOCK_COMMENT,
	L_BLOCK_STAR,  /* in a block comment, after '*' */
	L_BLOCK_SLASH, /* in a block comment, after '/' */
	L_SQUOTE,
	L_SQUOTE_BACKSLASH,
	L_DQUOTE,
	L_DOLLAR_TAG,
	L_DOLLAR_BODY
};

enum mode { M_STMT, M_META, M_COPY_REST, M_COPY_DATA };

/* Bytes that end a run of plain content in some lexical state (see run()). */
enum { K_NL, K_SQUOTE, K_BACKSLASH, K_DQUOTE, K_DOLLAR, K_STAR, K_SLASH, K_STOPS };
static const unsigned char stop_byte[K_STOPS] = {'\n', '\'', '\\', '"', '$', '*', '/'};

struct plain {
	struct ksd_extract *x;
	struct ksd_err *err;
	struct ksd_catalog *cat; /* a whole dump's: where its provenance goes; NULL */
	long line;
	enum mode mode;

	/* statement splitting */
	enum lex lex;
	char pending;     /* the '-' or '/' of L_MAYBE_COMMENT */
	bool significant; /* the statement has begun (not just blanks and comments) */
	long stmt_line;
	struct buf stmt;
	int block_depth;
	bool squote_escapes;
	char tag[TAG_MAX];
	size_t taglen, tagmatch;
	unsigned char prev, prev2;
	char word[8];
	size_t wordlen;
	struct split_body body; /* BEGIN ATOMIC ... END */
	bool first_word;        /* no word of the statement has ended yet */
	bool insert_head;       /* it begins with INSERT: ask at its first '(' */
	bool skipping;          /* an INSERT nobody reads: found the end, kept nothing */
	/* The last head the extractor let us skip, with its '(' (see
	 * skip_known_head()); empty when anything since may change its answer. */
	char skip_head[HEAD_MAX + 1];
	size_t skip_head_len;

	/* pg_dump's own header and trailer comments, to tell a truncated dump,
	 * and its TABLE DATA headers */
	char comment[COMMENT_MAX + 1];
	size_t comment_len;
	int dumps_begun, dumps_complete;

	/* meta-commands and COPY */
	struct buf meta;
	enum ksd_copy_use copy_use;
	long copy_line;
	uint64_t copy_rows; /* data lines of the block so far */
	struct buf row;
	size_t line_len;
	char line_head[3];
	/* KSD_COPY_ENDS: the line's first and last bytes */
	char head[KSD_COPY_HEAD], tail[KSD_COPY_TAIL];
	size_t tail_len;

	/* Where each stop byte next occurs in the buffer being fed (its end when
	 * it does not), NULL when not looked for yet: run() scans any part of a
	 * buffer for a given byte once, however often the state changes. */
	const unsigned char *next_stop[K_STOPS];
};

static void reset_stmt(struct plain *p)
{
	buf_reset(&p->stmt);
	p->significant = false;
	p->lex = L_NORMAL;
	p->wordlen = 0;
	p->body = (struct split_body){0, false};
	p->prev = p->prev2 = 0;
	p->first_word = true;
	p->insert_head = p->skipping = false;
}

/* Statement text, kept unless the statement is being skipped. */
static void keep(struct plain *p, char c)
{
	if (!p->skipping)
		buf_push(&p->stmt, c);
}

static bool starts_with_ci(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* "COPY ... FROM stdin;" — the data follows on the next line. */
static bool is_copy_from_stdin(const char *s, size_t len)
{
	if (!starts_with_ci(s, len, "copy") || len < 4 || lexer_word_byte((unsigned char)s[4]))
		return false;
	while (len > 0 && (s[len - 1] == ';' || lexer_space_byte((unsigned char)s[len - 1])))
		len--;
	return len >= 10 && strncasecmp(s + len - 5, "stdin", 5) == 0 &&
	       lexer_space_byte((unsigned char)s[len - 6]) &&
	       strncasecmp(s + len - 10, "from", 4) == 0;
}

static int finish_stmt(struct plain *p)
{
	const char *s = p->stmt.data;
	size_t len = p->stmt.len;
	int rc = KSD_OK;
	if (p->skipping) {
		reset_stmt(p);
		return KSD_OK;
	}
	p->skip_head_len = 0; /* the extractor's state may change */
	if (p->stmt.oom)
		return ksd_err_at_line(p->err, p->stmt_line, "out of memory");
	if (p->stmt.overflow) {
		ksd_err_at_line(p->err, p->stmt_line, "statement longer than %u bytes skipped",
		                KSD_MAX_STMT);
		rc = KSD_WARN;
	} else if (is_copy_from_stdin(s, len)) {
		ksd_extract_note_data(p->x);
		p->copy_use = ksd_extract_copy_begin(p->x, s, len);
		p->copy_line = p->stmt_line;
		p->copy_rows = 0;
		p->mode = M_COPY_REST;
	} else {
		if (ksd_extract_stmt(p->x, s, len, p->stmt_line, p->err) != KSD_OK)
			rc = KSD_FATAL;
	}
	reset_stmt(p);
	return rc;
}

/* pg_dump heads each table's data with "-- Data for Name: T; Type: TABLE
 * DATA; Schema: S; Owner: O", even when the table is empty: --inserts then
 * writes nothing else, and only this header says the data was dumped. The
 * names are written unquoted. */
static void note_table_data(struct plain *p)
{
	static const char head[] = " Data for Name: ";
	static const char type[] = "; Type: TABLE DATA; Schema: ";
	static const char owner[] = "; Owner: ";
	char *table = p->comment + sizeof(head) - 1;
	p->comment[p->comment_len] = '\0';
	if (p->comment_len < sizeof(head) - 1 || memcmp(p->comment, head, sizeof(head) - 1) != 0)
		return;
	char *type_at = strstr(table, type);
	char *schema = type_at ? type_at + sizeof(type) - 1 : NULL;
	char *owner_at = schema ? strstr(schema, owner) : NULL;
	if (!owner_at)
		return;
	*type_at = *owner_at = '\0';
	p->skip_head_len = 0;
	ksd_extract_table_data(p->x, schema, table);
}

/* Keeps `value` in *field unless an earlier line said it already (each
 * database of a pg_dumpall script repeats them). */
static void keep_first(struct plain *p, const char **field, const char *value, size_t len)
{
	while (len > 0 && value[len - 1] == ' ')
		len--;
	if (!*field && len > 0)
		*field = ksd_catalog_strndup(p->cat, value, len);
}

/* The database a single-database dump names: pg_dump -C's DATABASE entry
 * or a \connect. A pg_dumpall script names several: none is kept. */
static void note_database(struct plain *p, const char *name, size_t len)
{
	if (p->cat->format != KSD_FMT_DUMPALL)
		keep_first(p, &p->cat->prov.database, name, len);
}

/* pg_dump's header comments: "-- Dumped from database version V",
 * "-- Dumped by pg_dump version V", with -v "-- Started on T", and with -C
 * "-- Name: D; Type: DATABASE; Schema: -; Owner: O". */
static bool note_provenance(struct plain *p)
{
	struct ksd_provenance *prov = &p->cat->prov;
	const struct {
		const char *head;
		const char **field;
	} lines[] = {
	    {" Dumped from database version ", &prov->server_version},
	    {" Dumped by pg_dump version ", &prov->pg_dump_version},
	    {" Started on ", &prov->created},
	};
	static const char name[] = " Name: ", type[] = "; Type: DATABASE; Schema: ";
	const char *c = p->comment;
	size_t n = p->comment_len;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		size_t h = strlen(lines[i].head);
		if (n > h && memcmp(c, lines[i].head, h) == 0) {
			keep_first(p, lines[i].field, c + h, n - h);
			return true;
		}
	}
	p->comment[n] = '\0';
	const char *t =
	    n > sizeof(name) - 1 && memcmp(c, name, sizeof(name) - 1) == 0 ? strstr(c, type) : NULL;
	if (!t)
		return false;
	note_database(p, c + sizeof(name) - 1, (size_t)(t - c) - (sizeof(name) - 1));
	return true;
}

/* Every dump pg_dump writes (one per database in a pg_dumpall script) opens
 * with "-- PostgreSQL database dump" and closes with "... dump complete";
 * pg_dumpall wraps them in "... database cluster dump" and its "complete":
 * a missing trailer means the file was cut. */
static void note_comment(struct plain *p)
{
	static const char begin[] = " PostgreSQL database dump";
	static const char done[] = " PostgreSQL database dump complete";
	static const char cluster[] = " PostgreSQL database cluster dump";
	static const char cluster_done[] = " PostgreSQL database cluster dump complete";
	size_t n = p->comment_len;
	while (n > 0 && p->comment[n - 1] == ' ')
		n--;
	if ((n == sizeof(begin) - 1 && memcmp(p->comment, begin, n) == 0) ||
	    (n == sizeof(cluster) - 1 && memcmp(p->comment, cluster, n) == 0))
		p->dumps_begun++;
	else if ((n == sizeof(done) - 1 && memcmp(p->comment, done, n) == 0) ||
	         (n == sizeof(cluster_done) - 1 && memcmp(p->comment, cluster_done, n) == 0))
		p->dumps_complete++;
	else if (!p->cat || !note_provenance(p))
		note_table_data(p);
}

static void begin_significant(struct plain *p)
{
	if (!p->significant) {
		p->significant = true;
		p->stmt_line = p->line;
	}
}

/* Tracks words at the top level, to keep BEGIN ATOMIC ... END whole, and
 * whether the statement is an INSERT. */
static void end_word(struct plain *p)
{
	if (p->wordlen == 0)
		return;
	if (p->first_word)
		p->insert_head = p->wordlen == 6 && strncasecmp(p->word, "insert", 6) == 0;
	p->first_word = false;
	split_word(&p->body, p->word, p->wordlen);
	p->wordlen = 0;
}

/* At an INSERT's first '(' outside quotes its target is known: the
 * extractor's lexer says whether anything reads its rows. Most of an
 * --inserts dump is rows of tables nobody reads; the rest of such a
 * statement is only scanned for its end. */
static void decide_insert(struct plain *p)
{
	p->insert_head = false;
	if (p->body.depth != 0 || p->stmt.overflow || p->stmt.oom ||
	    !ksd_extract_insert_skips(p->x, p->stmt.data, p->stmt.len))
		return;
	p->skipping = true;
	if (p->stmt.len < HEAD_MAX && !memchr(p->stmt.data, '\n', p->stmt.len)) {
		memcpy(p->skip_head, p->stmt.data, p->stmt.len);
		p->skip_head[p->stmt.len] = '(';
		p->skip_head_len = p->stmt.len + 1;
	}
}

/* pg_dump writes a table's INSERTs one after another with the same head: a
 * statement that begins with the bytes of the last head skipped, '('
 * included, gets the same answer without being lexed again, as long as
 * nothing went to the extractor in between. Takes the statement to where
 * decide_insert() left it, just before its '('; returns the bytes used.
 * The bytes before a quote or a '$' are looked at (prev, prev2) only once
 * that '(' went by, so none of the head's need be set again. */
static size_t skip_known_head(struct plain *p, const unsigned char *d, size_t len)
{
	size_t n = p->skip_head_len;
	if (n == 0 || len < n || p->significant || memcmp(d, p->skip_head, n) != 0)
		return 0;
	begin_significant(p);
	p->first_word = false;
	p->skipping = true;
	return n - 1;
}

/* Whether the string a quote opens takes backslash escapes. Right after a
 * string's closing quote (no byte in between moves prev off it) the quote
 * is the second of a doubled one: the same string goes on, E'' or not. */
static bool quote_escapes(const struct plain *p)
{
	if (p->prev == '\'')
		return p->squote_escapes;
	return lexer_quote_escapes(p->prev2, p->prev, ksd_extract_std_strings(p->x));
}

/* One byte of statement text. Returns KSD_OK, KSD_WARN or KSD_FATAL. */
static int stmt_byte(struct plain *p, unsigned char c)
{
	if (c == '\n')
		p->line++;
	switch (p->lex) {
	case L_MAYBE_COMMENT:
		if ((p->pending == '-' && c == '-') || (p->pending == '/' && c == '*')) {
			if (p->significant) {
				keep(p, p->pending);
				keep(p, (char)c);
			}
			if (c == '-') {
				p->lex = L_LINE_COMMENT;
				p->comment_len = 0;
			} else {
				p->lex = L_BLOCK_COMMENT;
				p->block_depth = 1;
			}
			return KSD_OK;
		}
		begin_significant(p);
		keep(p, p->pending);
		p->prev2 = p->prev;
		p->prev = (unsigned char)p->pending;
		p->lex = L_NORMAL;
		if (c == '\n')
			p->line--; /* counted again below */
		return stmt_byte(p, c);
	case L_LINE_COMMENT:
		if (p->significant) {
			keep(p, (char)c);
		} else if (c != '\n' && c != '\r' && p->comment_len < COMMENT_MAX) {
			p->comment[p->comment_len++] = (char)c;
		}
		if (c == '\n') {
			if (!p->significant)
				note_comment(p);
			p->lex = L_NORMAL;
		}
		return KSD_OK;
	case L_BLOCK_COMMENT:
	case L_BLOCK_STAR:
	case L_BLOCK_SLASH:
		if (p->significant)
			keep(p, (char)c);
		if (p->lex == L_BLOCK_STAR && c == '/') {
			p->lex = --p->block_depth ? L_BLOCK_COMMENT : L_NORMAL;
			return KSD_OK;
		}
		if (p->lex == L_BLOCK_SLASH && c == '*') {
			if (p->block_depth < 1000)
				p->block_depth++;
			p->lex = L_BLOCK_COMMENT;
			return KSD_OK;
		}
		p->lex = c == '*' ? L_BLOCK_STAR : c == '/' ? L_BLOCK_SLASH : L_BLOCK_COMMENT;
		return KSD_OK;
	case L_SQUOTE:
		keep(p, (char)c);
		if (c == '\'')
			p->lex = L_NORMAL; /* a doubled quote re-enters at once */
		else if (c == '\\' && p->squote_escapes)
			p->lex = L_SQUOTE_BACKSLASH;
		return KSD_OK;
	case L_SQUOTE_BACKSLASH:
		keep(p, (char)c);
		p->lex = L_SQUOTE;
		return KSD_OK;
	case L_DQUOTE:
		keep(p, (char)c);
		if (c == '"')
			p->lex = L_NORMAL;
		return KSD_OK;
	case L_DOLLAR_TAG:
		if (c == '$' && p->taglen < TAG_MAX) {
			keep(p, (char)c);
			p->tag[p->taglen++] = '$';
			p->tagmatch = 0;
			p->lex = L_DOLLAR_BODY;
			return KSD_OK;
		}
		if (lexer_tag_byte(c, p->taglen == 1) && p->taglen < TAG_MAX - 1) {
			keep(p, (char)c);
			p->tag[p->taglen++] = (char)c;
			return KSD_OK;
		}
		/* Not a dollar quote ($1, or a stray '$'): the byte is ordinary. */
		p->lex = L_NORMAL;
		if (c == '\n')
			p->line--;
		return stmt_byte(p, c);
	case L_DOLLAR_BODY:
		keep(p, (char)c);
		if ((char)c == p->tag[p->tagmatch]) {
			if (++p->tagmatch == p->taglen)
				p->lex = L_NORMAL;
		} else {
			/* '$' occurs in a tag only at its ends, so no deeper fallback. */
			p->tagmatch = c == '$';
		}
		return KSD_OK;
	case L_NORMAL:
		break;
	}

	if (lexer_word_byte(c)) {
		begin_significant(p);
		if (p->wordlen < sizeof(p->word))
			p->word[p->wordlen] = (char)c;
		p->wordlen++;
		keep(p, (char)c);
		p->prev2 = p->prev;
		p->prev = c;
		return KSD_OK;
	}
	if (p->wordlen > sizeof(p->word))
		p->wordlen = 0;
	end_word(p);
	switch (c) {
	case '-':
	case '/':
		p->pending = (char)c;
		p->lex = L_MAYBE_COMMENT;
		return KSD_OK;
	case '\'':
		begin_significant(p);
		p->squote_escapes = quote_escapes(p);
		p->lex = L_SQUOTE;
		break;
	case '"':
		begin_significant(p);
		p->lex = L_DQUOTE;
		break;
	case '$':
		begin_significant(p);
		if (!lexer_word_byte(p->prev)) {
			p->tag[0] = '$';
			p->taglen = 1;
			p->lex = L_DOLLAR_TAG;
		}
		break;
	case ';':
		if (!p->significant)
			return KSD_OK; /* an empty statement */
		if (p->body.depth == 0 || p->skipping) {
			keep(p, ';');
			return finish_stmt(p);
		}
		break;
	case '\\':
		if (!p->significant) {
			p->mode = M_META;
			buf_reset(&p->meta);
			return KSD_OK;
		}
		break;
	default:
		if (lexer_space_byte(c)) {
			if (p->significant)
				keep(p, (char)c);
			p->prev2 = p->prev;
			p->prev = c;
			return KSD_OK;
		}
		begin_significant(p);
		if (c == '(' && p->insert_head)
			decide_insert(p);
		break;
	}
	keep(p, (char)c);
	p->prev2 = p->prev;
	p->prev = c;
	return KSD_OK;
}

/* A run of identifier bytes at the top level: what stmt_byte() does for each
 * of them, done once for the whole run (single bytes are left to it). */
static size_t ident_run(struct plain *p, const unsigned char *d, size_t len)
{
	size_t n = 0;
	while (n < len && lexer_word_byte(d[n]))
		n++;
	if (n < 2)
		return 0;
	begin_significant(p);
	if (p->wordlen < sizeof(p->word)) {
		size_t keep = sizeof(p->word) - p->wordlen;
		memcpy(p->word + p->wordlen, d, keep < n ? keep : n);
	}
	p->wordlen += n;
	buf_append(&p->stmt, d, n);
	p->prev2 = d[n - 2];
	p->prev = d[n - 1];
	return n;
}

/* Whether a byte at the top level of a skipped statement may change the
 * lexical state or end it (quotes, comments, ';'), or is a newline, which
 * is counted. */
static bool skip_stop(unsigned char c)
{
	enum {
		STOPS = 1u << CLS_QUOTE | 1u << CLS_DQUOTE | 1u << CLS_DOLLAR | 1u << CLS_MINUS |
		        1u << CLS_SLASH | 1u << CLS_SEMI
	};
	return c == '\n' || (STOPS >> lexer_class_of(c) & 1u);
}

/* A run of bytes at the top level of a skipped statement that change no
 * state: passed over, remembering the two last for a quote or '$' after. */
static size_t skip_run(struct plain *p, const unsigned char *d, size_t len)
{
	size_t n = 0;
	while (n < len && !skip_stop(d[n]))
		n++;
	if (n >= 2)
		p->prev2 = d[n - 2];
	else if (n == 1)
		p->prev2 = p->prev;
	if (n >= 1)
		p->prev = d[n - 1];
	return n;
}

/* Where stop byte k next occurs in d[0..len), the rest of the buffer being
 * fed (d + len when it does not): looked for once per buffer and kept. */
static const unsigned char *next_stop(struct plain *p, int k, const unsigned char *d, size_t len)
{
	const unsigned char *at = p->next_stop[k];
	if (!at || at < d) {
		at = memchr(d, stop_byte[k], len);
		p->next_stop[k] = at = at ? at : d + len;
	}
	return at;
}

/* A skipped statement's common bytes in one loop: top-level runs and the
 * strings without backslash escapes between them, which are all of an
 * INSERT's values but their ';'. Stops where stmt_byte() must decide (any
 * other quote, a comment, a newline, the end); returns the bytes used.
 * Does what stmt_byte() would to the lexical state, keeping nothing. */
static size_t skip_scan(struct plain *p, const unsigned char *d, size_t len)
{
	size_t i = 0;
	p->wordlen = 0; /* words matter no more: a skipped INSERT has no body */
	for (;;) {
		if (p->lex == L_NORMAL) {
			i += skip_run(p, d + i, len - i);
			if (i == len || d[i] != '\'' || quote_escapes(p))
				return i;
			p->squote_escapes = false;
			p->lex = L_SQUOTE;
			p->prev2 = p->prev;
			p->prev = '\'';
			i++;
		}
		if (p->lex != L_SQUOTE || p->squote_escapes)
			return i;
		const unsigned char *q = next_stop(p, K_SQUOTE, d + i, len - i);
		const unsigned char *nl = next_stop(p, K_NL, d + i, len - i);
		if (nl < q)
			return (size_t)(nl - d); /* counted by stmt_byte() */
		if (q == d + len)
			return len;
		/* The closing quote (a doubled one re-opens at once, as there). */
		p->lex = L_NORMAL;
		i = (size_t)(q - d) + 1;
	}
}

/* Inside a string, a quoted name, a dollar-quoted body or a comment of a
 * begun statement, most bytes change no state: stmt_byte() would only append
 * them. Appends the run of such bytes at d[0..len) in one go (or a run of
 * identifier bytes at the top level) and returns its length; 0: the next
 * byte needs stmt_byte(). Newlines end runs, so line counting stays in one
 * place. */
static size_t run(struct plain *p, const unsigned char *d, size_t len)
{
	unsigned set = 1u << K_NL;
	size_t n = p->skipping ? skip_scan(p, d, len) : 0;
	if (n > 0)
		return n;
	switch (p->lex) {
	case L_SQUOTE:
		set |= 1u << K_SQUOTE | (p->squote_escapes ? 1u << K_BACKSLASH : 0);
		break;
	case L_DQUOTE:
		set |= 1u << K_DQUOTE;
		break;
	case L_DOLLAR_BODY:
		if (p->tagmatch != 0)
			return 0; /* partway through a possible closing tag */
		set |= 1u << K_DOLLAR;
		break;
	case L_BLOCK_COMMENT:
		set |= 1u << K_STAR | 1u << K_SLASH;
		break;
	case L_LINE_COMMENT:
		if (!p->significant)
			return 0; /* pg_dump's own comments are looked at */
		break;
	case L_NORMAL:
		if (p->skipping)
			return skip_run(p, d, len);
		n = skip_known_head(p, d, len);
		return n ? n : ident_run(p, d, len);
	default:
		return 0;
	}
	const unsigned char *stop = d + len;
	for (int k = 0; k < K_STOPS; k++) {
		const unsigned char *at = set & 1u << k ? next_stop(p, k, d, len) : stop;
		if (at < stop)
			stop = at;
	}
	n = (size_t)(stop - d);
	if (n > 0 && !p->skipping && (p->significant || p->lex != L_BLOCK_COMMENT))
		buf_append(&p->stmt, d, n);
	return n;
}

/* One psql argument: 'single' or "double" quoted (quotes doubled inside)
 * or bare; decoded into out (at most cap-1 bytes). */
static void meta_arg(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	if (*s == '"' || *s == '\'') {
		char q = *s++;
		for (; *s && n < cap - 1; s++) {
			if (*s == q && s[1] == q)
				s++;
			else if (*s == q)
				break;
			out[n++] = *s;
		}
	} else {
		while (*s && !isspace((unsigned char)*s) && n < cap - 1)
			out[n++] = *s++;
	}
	out[n] = '\0';
}

/* The dbname of a conninfo string (dbname='it\'s' or dbname=x) into out;
 * false when it names none. */
static bool conninfo_dbname(const char *s, char *out, size_t cap)
{
	const char *key = strstr(s, "dbname=");
	if (!key)
		return false;
	s = key + 7;
	size_t n = 0;
	if (*s == '\'') {
		for (s++; *s && *s != '\'' && n < cap - 1; s++) {
			if (*s == '\\' && s[1])
				s++;
			out[n++] = *s;
		}
	} else {
		while (*s && !isspace((unsigned char)*s) && n < cap - 1)
			out[n++] = *s++;
	}
	out[n] = '\0';
	return true;
}

/* Takes the database name from `\connect db`, `\connect "Odd.Name"` or
 * pg_dumpall's `\connect -reuse-previous=on "dbname='name'"`: like psql, an
 * argument holding '=' is a conninfo string. */
static void meta_connect(struct plain *p, char *arg)
{
	while (*arg == ' ' || *arg == '\t')
		arg++;
	if (strncmp(arg, "-reuse-previous=", 16) == 0) {
		arg += strcspn(arg, " \t");
		while (*arg == ' ' || *arg == '\t')
			arg++;
	}
	char word[META_MAX], name[META_MAX];
	meta_arg(arg, word, sizeof(word));
	if (strchr(word, '=')) {
		if (!conninfo_dbname(word, name, sizeof(name)))
			return;
	} else {
		memcpy(name, word, strlen(word) + 1);
	}
	if (name[0])
		ksd_extract_connect(p->x, name);
	if (name[0] && p->cat)
		note_database(p, name, strlen(name));
}

/* Each meta-command's name once: what restoring the dump asks of psql.
 * Bytes other than printable ASCII become '?'. */
static void note_meta(struct plain *p, const char *m, size_t cmdlen)
{
	struct ksd_provenance *prov = &p->cat->prov;
	/* Kept printable: the restore advice names it as it stands. */
	char name[KSD_META_NAME_MAX];
	if (cmdlen > KSD_META_NAME_MAX)
		cmdlen = KSD_META_NAME_MAX;
	for (size_t i = 0; i < cmdlen; i++)
		name[i] = m[i] < '!' || m[i] > '~' || m[i] == '\\' ? '?' : m[i];
	for (size_t i = 0; i < prov->nmeta; i++)
		if (strlen(prov->meta[i]) == cmdlen && memcmp(prov->meta[i], name, cmdlen) == 0)
			return;
	if (prov->nmeta == KSD_MAX_META_COMMANDS) {
		prov->meta_truncated = true;
		return;
	}
	const char *kept = ksd_catalog_strndup(p->cat, name, cmdlen);
	if (kept)
		prov->meta[prov->nmeta++] = kept;
}

static void finish_meta(struct plain *p)
{
	p->skip_head_len = 0; /* \connect changes the database */
	if (!buf_cstr(&p->meta))
		return;
	char *m = p->meta.data;
	size_t cmdlen = strcspn(m, " \t\r");
	if (p->cat)
		note_meta(p, m, cmdlen);
	if ((cmdlen == 7 && strncmp(m, "connect", 7) == 0) || (cmdlen == 1 && m[0] == 'c')) {
		m[strcspn(m, "\r")] = '\0';
		meta_connect(p, m + cmdlen);
	}
	/* Every other meta-command (\restrict, \unrestrict, \i, \!...) is data to
	 * us: never executed, never interpreted. */
}

/* line_head holds the whole line when it is short enough to be "\.\r". */
static bool copy_line_is_end(const struct plain *p)
{
	return p->line_len <= sizeof(p->line_head) &&
	       ksd_extract_copy_is_end(p->line_head, p->line_len);
}

static void copy_end(struct plain *p)
{
	if (p->copy_use != KSD_COPY_SKIP)
		ksd_extract_copy_end(p->x, p->copy_rows);
}

static int copy_line_done(struct plain *p, bool *ended)
{
	*ended = copy_line_is_end(p);
	if (*ended) {
		copy_end(p);
		p->mode = M_STMT;
		reset_stmt(p);
		return KSD_OK;
	}
	p->copy_rows++;
	if (p->copy_use == KSD_COPY_LINES) {
		if (p->row.oom)
			return ksd_err_at_line(p->err, p->line, "out of memory");
		if (ksd_extract_copy_line(p->x, p->row.data ? p->row.data : "", p->row.len,
		                          p->err) != KSD_OK)
			return KSD_FATAL;
		buf_reset(&p->row);
	} else if (p->copy_use == KSD_COPY_ENDS) {
		if (ksd_extract_copy_ends(p->x, p->head, p->tail, p->tail_len, p->line_len,
		                          p->err) != KSD_OK)
			return KSD_FATAL;
		p->tail_len = 0;
	}
	return KSD_OK;
}

/* KSD_COPY_ENDS: keeps the first bytes of the line and its last ones so far,
 * whatever the buffers cut it into. */
static void keep_ends(struct plain *p, const unsigned char *s, size_t n)
{
	if (p->line_len < KSD_COPY_HEAD) {
		size_t room = KSD_COPY_HEAD - p->line_len;
		memcpy(p->head + p->line_len, s, n < room ? n : room);
	}
	if (n >= KSD_COPY_TAIL) {
		memcpy(p->tail, s + n - KSD_COPY_TAIL, KSD_COPY_TAIL);
		p->tail_len = KSD_COPY_TAIL;
		return;
	}
	size_t keep = p->tail_len < KSD_COPY_TAIL - n ? p->tail_len : KSD_COPY_TAIL - n;
	memmove(p->tail, p->tail + p->tail_len - keep, keep);
	memcpy(p->tail + keep, s, n);
	p->tail_len = keep + n;
}

/* Consumes COPY data from d[0..len); returns bytes used. Lines are found
 * with memchr whatever is wanted of them; only what the extractor asked for
 * (whole lines, or their ends) costs more than a count. */
static size_t copy_data(struct plain *p, const unsigned char *d, size_t len, int *rc)
{
	size_t used = 0;
	while (used < len) {
		const unsigned char *start = d + used;
		const unsigned char *nl = memchr(start, '\n', len - used);
		size_t n = nl ? (size_t)(nl - start) : len - used;
		for (size_t i = 0; i < n && p->line_len + i < 3; i++)
			p->line_head[p->line_len + i] = (char)start[i];
		if (p->copy_use == KSD_COPY_LINES)
			buf_append(&p->row, start, n);
		else if (p->copy_use == KSD_COPY_ENDS)
			keep_ends(p, start, n);
		p->line_len += n;
		used += n;
		if (!nl)
			break;
		used++;
		p->line++;
		bool ended;
		*rc = copy_line_done(p, &ended);
		p->line_len = 0;
		if (*rc != KSD_OK || ended)
			break;
	}
	return used;
}

static int feed(struct plain *p, const unsigned char *d, size_t len)
{
	memset(p->next_stop, 0, sizeof(p->next_stop)); /* a new buffer */
	size_t i = 0;
	int rc = KSD_OK;
	while (i < len) {
		switch (p->mode) {
		case M_STMT: {
			size_t n = run(p, d + i, len - i);
			if (n > 0) {
				i += n;
				break;
			}
			int r = stmt_byte(p, d[i++]);
			if (r == KSD_FATAL)
				return r;
			if (r == KSD_WARN)
				rc = r;
			break;
		}
		case M_META: {
			const unsigned char *nl = memchr(d + i, '\n', len - i);
			size_t n = nl ? (size_t)(nl - (d + i)) : len - i;
			buf_append(&p->meta, d + i, n);
			i += n;
			if (nl) {
				i++;
				p->line++;
				finish_meta(p);
				p->mode = M_STMT;
				reset_stmt(p);
			}
			break;
		}
		case M_COPY_REST: {
			const unsigned char *nl = memchr(d + i, '\n', len - i);
			if (!nl) {
				i = len;
				break;
			}
			i = (size_t)(nl - d) + 1;
			p->line++;
			p->mode = M_COPY_DATA;
			p->line_len = 0;
			buf_reset(&p->row);
			break;
		}
		case M_COPY_DATA: {
			int r = KSD_OK;
			i += copy_data(p, d + i, len - i, &r);
			if (r != KSD_OK)
				return r;
			break;
		}
		}
	}
	return rc;
}

static const char *lex_name(enum lex l)
{
	switch (l) {
	case L_SQUOTE:
	case L_SQUOTE_BACKSLASH:
		return "a quoted string";
	case L_DQUOTE:
		return "a quoted identifier";
	case L_DOLLAR_BODY:
		return "a dollar-quoted string";
	case L_BLOCK_COMMENT:
	case L_BLOCK_STAR:
	case L_BLOCK_SLASH:
		return "a /* comment */";
	default:
		return NULL;
	}
}

/* End of input: whatever is open is either complete enough to use (a last
 * statement without ';') or a truncation to report. */
static int finish(struct plain *p)
{
	switch (p->mode) {
	case M_META:
		/* A last meta-command line may be a cut one: check the trailer. */
		finish_meta(p);
		p->mode = M_STMT;
		reset_stmt(p);
		break;
	case M_COPY_REST:
	case M_COPY_DATA:
		if (p->mode == M_COPY_DATA && p->line_len > 0 && copy_line_is_end(p)) {
			copy_end(p);
			return KSD_OK;
		}
		copy_end(p);
		ksd_err_at_line(p->err, p->copy_line,
		                "unexpected end of input inside the COPY data that starts here");
		return KSD_WARN;
	case M_STMT:
		break;
	}
	if (p->lex == L_MAYBE_COMMENT)
		stmt_byte(p, ' ');
	const char *open = lex_name(p->lex);
	if (open && p->significant) {
		ksd_err_at_line(
		    p->err, p->stmt_line,
		    "unexpected end of input inside %s in the statement that starts here", open);
		return KSD_WARN;
	}
	int rc = KSD_OK;
	if (p->significant && p->lex != L_BLOCK_COMMENT)
		rc = finish_stmt(p);
	if (rc == KSD_OK && p->dumps_begun > p->dumps_complete) {
		ksd_err_at_line(p->err, p->line,
		                "unexpected end of input: no \"PostgreSQL database dump complete\" "
		                "trailer, the dump was cut short");
		rc = KSD_WARN;
	}
	return rc;
}

struct plain *plain_new(struct ksd_extract *x, struct ksd_err *err)
{
	struct plain *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->x = x;
	p->err = err;
	p->line = 1;
	buf_init(&p->stmt, KSD_MAX_STMT);
	buf_init(&p->meta, META_MAX);
	buf_init(&p->row, KSD_MAX_ROW);
	reset_stmt(p);
	return p;
}

void plain_free(struct plain *p)
{
	if (!p)
		return;
	buf_free(&p->stmt);
	buf_free(&p->meta);
	buf_free(&p->row);
	free(p);
}

int plain_feed(struct plain *p, const void *data, size_t len)
{
	return feed(p, data, len);
}

int plain_finish(struct plain *p)
{
	return finish(p);
}

/* A byte of a program's name or path at the start of a message line. */
static bool name_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '-' || c == '.' || c == '/';
}

/* Lines captured with the dump before its first one, when pg_dump's stderr
 * went to the same file: its own messages ("pg_dump: warning: ...",
 * "pg_dump: detail: ..."), libpq's ("WARNING:  ..."), a password prompt.
 * Each begins with a name and a colon, which no SQL statement, comment or
 * meta-command does. Returns how many bytes of `d` such whole lines fill,
 * adding them to *lines. */
static size_t preamble(const unsigned char *d, size_t len, long *lines)
{
	size_t used = 0;
	const unsigned char *nl;
	while ((nl = memchr(d + used, '\n', len - used)) != NULL) {
		size_t i = used, end = (size_t)(nl - d);
		if (i < end && (isalnum(d[i]) || d[i] == '/'))
			while (i < end && name_byte(d[i]))
				i++;
		if (i == used || i == end || d[i] != ':' || (i + 1 < end && d[i + 1] != ' '))
			break;
		used = end + 1;
		(*lines)++;
	}
	return used;
}

int ksd_read_plain(const struct ksd_read *r)
{
	struct plain *p = plain_new(r->x, r->err);
	if (!p)
		return ksd_err_at_offset(r->err, -1, "out of memory");
	p->cat = r->cat;
	int rc = KSD_OK;
	/* Skipped, so that pg_dump's header comments that follow are read as
	 * its comments, not as part of a statement that starts with a message. */
	size_t got;
	const unsigned char *head = ksd_source_peek(r->src, KSD_MAX_PREAMBLE, &got);
	size_t skip = head ? preamble(head, got, &p->line) : 0;
	if (skip && ksd_source_skip(r->src, skip, r->err) != KSD_OK) {
		plain_free(p);
		return KSD_FATAL;
	}
	for (;;) {
		const unsigned char *d;
		size_t len;
		if (ksd_source_next(r->src, &d, &len, SIZE_MAX, r->err) != KSD_OK) {
			rc = KSD_FATAL;
			break;
		}
		int fed = len ? feed(p, d, len) : finish(p);
		if (fed != KSD_OK)
			rc = fed;
		if (len == 0 || fed == KSD_FATAL)
			break;
	}
	plain_free(p);
	return rc;
}
