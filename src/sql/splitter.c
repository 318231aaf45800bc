/* The statement stream's splitter (see splitter.h): one byte-level state
 * machine for the statement text (split_step() and the per-state functions
 * under it) and, beside the state changes they shortcut, its fast paths:
 * runs of bytes that change no state (split_run()), identifier runs
 * (ident_run()), the scan of an INSERT nobody reads (skip_scan()) and a
 * head seen before (skip_known_head()). */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "sql/lexer.h"
#include "sql/splitter.h"

static const unsigned char stop_byte[SQL_K_STOPS] = {'\n', '\'', '\\', '"', '$', '*', '/'};

void split_reset(struct sql_stream *s)
{
	buf_reset(&s->stmt);
	s->significant = false;
	s->lex = SQL_L_NORMAL;
	s->wordlen = 0;
	s->body = (struct split_body){0, false};
	s->prev = s->prev2 = 0;
	s->first_word = true;
	s->insert_head = s->skipping = false;
}

/* Statement text, kept unless the statement is being skipped. */
static void keep(struct sql_stream *s, char c)
{
	if (!s->skipping)
		buf_push(&s->stmt, c);
}

static bool starts_with_ci(const char *t, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && strncasecmp(t, prefix, n) == 0;
}

/* "COPY ... FROM stdin;" — the data follows on the next line. */
static bool is_copy_from_stdin(const char *t, size_t len)
{
	if (!starts_with_ci(t, len, "copy") || len < 4 || lexer_word_byte((unsigned char)t[4]))
		return false;
	while (len > 0 && (t[len - 1] == ';' || lexer_space_byte((unsigned char)t[len - 1])))
		len--;
	return len >= 10 && strncasecmp(t + len - 5, "stdin", 5) == 0 &&
	       lexer_space_byte((unsigned char)t[len - 6]) &&
	       strncasecmp(t + len - 10, "from", 4) == 0;
}

/* The statement ended: what it is, to the caller; a skipped one is gone. */
enum sql_event split_end_stmt(struct sql_stream *s)
{
	if (s->skipping) {
		split_reset(s);
		return SQL_EV_NONE;
	}
	s->skip_head_len = 0; /* the extractor's state may change */
	s->reset_due = true;
	if (s->stmt.overflow || s->stmt.oom || !is_copy_from_stdin(s->stmt.data, s->stmt.len))
		return SQL_EV_STMT;
	s->mode = SQL_M_COPY_REST;
	return SQL_EV_COPY;
}

static void begin_significant(struct sql_stream *s)
{
	if (!s->significant) {
		s->significant = true;
		s->stmt_line = s->line;
	}
}

/* Tracks words at the top level, to keep BEGIN ATOMIC ... END whole, and
 * whether the statement is an INSERT. */
static void end_word(struct sql_stream *s)
{
	if (s->wordlen == 0)
		return;
	if (s->first_word)
		s->insert_head = s->wordlen == 6 && strncasecmp(s->word, "insert", 6) == 0;
	s->first_word = false;
	split_word(&s->body, s->word, s->wordlen);
	s->wordlen = 0;
}

/* At an INSERT's first '(' outside quotes its target is known: the
 * extractor's lexer says whether anything reads its rows. Most of an
 * --inserts dump is rows of tables nobody reads; the rest of such a
 * statement is only scanned for its end. */
void sql_stream_insert(struct sql_stream *s)
{
	if (s->body.depth != 0 || s->stmt.overflow || s->stmt.oom ||
	    !ksd_extract_insert_skips(s->x, s->stmt.data, s->stmt.len))
		return;
	s->skipping = true;
	if (s->stmt.len < SQL_HEAD_MAX && !memchr(s->stmt.data, '\n', s->stmt.len)) {
		memcpy(s->skip_head, s->stmt.data, s->stmt.len);
		s->skip_head[s->stmt.len] = '(';
		s->skip_head_len = s->stmt.len + 1;
	}
}

/* pg_dump writes a table's INSERTs one after another with the same head: a
 * statement that begins with the bytes of the last head skipped, '('
 * included, gets the same answer without being lexed again, as long as
 * nothing went to the extractor in between. Takes the statement to where
 * sql_stream_insert() left it, just before its '('; returns the bytes used.
 * The bytes before a quote or a '$' are looked at (prev, prev2) only once
 * that '(' went by, so none of the head's need be set again. */
static size_t skip_known_head(struct sql_stream *s, const unsigned char *d, size_t len)
{
	size_t n = s->skip_head_len;
	if (n == 0 || len < n || s->significant || memcmp(d, s->skip_head, n) != 0)
		return 0;
	begin_significant(s);
	s->first_word = false;
	s->skipping = true;
	return n - 1;
}

/* Whether the string a quote opens takes backslash escapes. Right after a
 * string's closing quote (no byte in between moves prev off it) the quote
 * is the second of a doubled one: the same string goes on, E'' or not. */
static bool quote_escapes(const struct sql_stream *s)
{
	if (s->prev == '\'')
		return s->squote_escapes;
	return lexer_quote_escapes(s->prev2, s->prev, ksd_extract_std_strings(s->x));
}

/* '-' or '/' went by: a comment, or an ordinary byte after all. */
static enum sql_event maybe_comment(struct sql_stream *s, unsigned char c)
{
	if ((s->pending == '-' && c == '-') || (s->pending == '/' && c == '*')) {
		if (s->significant) {
			keep(s, s->pending);
			keep(s, (char)c);
		}
		if (c == '-') {
			s->lex = SQL_L_LINE_COMMENT;
			s->comment_len = 0;
		} else {
			s->lex = SQL_L_BLOCK_COMMENT;
			s->block_depth = 1;
		}
		return SQL_EV_NONE;
	}
	begin_significant(s);
	keep(s, s->pending);
	s->prev2 = s->prev;
	s->prev = (unsigned char)s->pending;
	s->lex = SQL_L_NORMAL;
	if (c == '\n')
		s->line--; /* counted again */
	return split_step(s, c);
}

static enum sql_event comment_byte(struct sql_stream *s, unsigned char c)
{
	if (s->lex == SQL_L_LINE_COMMENT) {
		if (s->significant)
			keep(s, (char)c);
		else if (c != '\n' && c != '\r' && s->comment_len < SQL_COMMENT_MAX)
			s->comment[s->comment_len++] = (char)c;
		if (c != '\n')
			return SQL_EV_NONE;
		s->lex = SQL_L_NORMAL;
		return s->significant ? SQL_EV_NONE : SQL_EV_COMMENT;
	}
	if (s->significant)
		keep(s, (char)c);
	if (s->lex == SQL_L_BLOCK_STAR && c == '/') {
		s->lex = --s->block_depth ? SQL_L_BLOCK_COMMENT : SQL_L_NORMAL;
		return SQL_EV_NONE;
	}
	if (s->lex == SQL_L_BLOCK_SLASH && c == '*') {
		if (s->block_depth < 1000)
			s->block_depth++;
		s->lex = SQL_L_BLOCK_COMMENT;
		return SQL_EV_NONE;
	}
	s->lex = c == '*' ? SQL_L_BLOCK_STAR : c == '/' ? SQL_L_BLOCK_SLASH : SQL_L_BLOCK_COMMENT;
	return SQL_EV_NONE;
}

/* Inside quotes of any kind. */
static enum sql_event quoted_byte(struct sql_stream *s, unsigned char c)
{
	switch (s->lex) {
	case SQL_L_SQUOTE:
		keep(s, (char)c);
		if (c == '\'')
			s->lex = SQL_L_NORMAL; /* a doubled quote re-enters at once */
		else if (c == '\\' && s->squote_escapes)
			s->lex = SQL_L_SQUOTE_BACKSLASH;
		return SQL_EV_NONE;
	case SQL_L_SQUOTE_BACKSLASH:
		keep(s, (char)c);
		s->lex = SQL_L_SQUOTE;
		return SQL_EV_NONE;
	case SQL_L_DQUOTE:
		keep(s, (char)c);
		if (c == '"')
			s->lex = SQL_L_NORMAL;
		return SQL_EV_NONE;
	case SQL_L_DOLLAR_TAG:
		if (c == '$' && s->taglen < SQL_TAG_MAX) {
			keep(s, (char)c);
			s->tag[s->taglen++] = '$';
			s->tagmatch = 0;
			s->lex = SQL_L_DOLLAR_BODY;
			return SQL_EV_NONE;
		}
		if (lexer_tag_byte(c, s->taglen == 1) && s->taglen < SQL_TAG_MAX - 1) {
			keep(s, (char)c);
			s->tag[s->taglen++] = (char)c;
			return SQL_EV_NONE;
		}
		/* Not a dollar quote ($1, or a stray '$'): the byte is ordinary. */
		s->lex = SQL_L_NORMAL;
		if (c == '\n')
			s->line--;
		return split_step(s, c);
	default: /* SQL_L_DOLLAR_BODY */
		keep(s, (char)c);
		if ((char)c == s->tag[s->tagmatch]) {
			if (++s->tagmatch == s->taglen)
				s->lex = SQL_L_NORMAL;
		} else {
			/* '$' occurs in a tag only at its ends, so no deeper fallback. */
			s->tagmatch = c == '$';
		}
		return SQL_EV_NONE;
	}
}

/* A byte at the top level that is not part of a word. */
static enum sql_event normal_byte(struct sql_stream *s, unsigned char c)
{
	switch (c) {
	case '-':
	case '/':
		s->pending = (char)c;
		s->lex = SQL_L_MAYBE_COMMENT;
		return SQL_EV_NONE;
	case '\'':
		begin_significant(s);
		s->squote_escapes = quote_escapes(s);
		s->lex = SQL_L_SQUOTE;
		break;
	case '"':
		begin_significant(s);
		s->lex = SQL_L_DQUOTE;
		break;
	case '$':
		begin_significant(s);
		if (!lexer_word_byte(s->prev)) {
			s->tag[0] = '$';
			s->taglen = 1;
			s->lex = SQL_L_DOLLAR_TAG;
		}
		break;
	case ';':
		if (!s->significant)
			return SQL_EV_NONE; /* an empty statement */
		if (s->body.depth == 0 || s->skipping) {
			keep(s, ';');
			return split_end_stmt(s);
		}
		break;
	case '\\':
		if (!s->significant) {
			s->mode = SQL_M_META;
			s->skip_head_len = 0; /* \connect changes the database */
			return SQL_EV_META;
		}
		break;
	default:
		if (lexer_space_byte(c)) {
			if (s->significant)
				keep(s, (char)c);
			s->prev2 = s->prev;
			s->prev = c;
			return SQL_EV_NONE;
		}
		begin_significant(s);
		if (c == '(' && s->insert_head) {
			/* The '(' is taken once the caller had its say. */
			s->insert_head = false;
			s->insert_due = true;
			return SQL_EV_INSERT;
		}
		break;
	}
	keep(s, (char)c);
	s->prev2 = s->prev;
	s->prev = c;
	return SQL_EV_NONE;
}

/* One byte of statement text. */
enum sql_event split_step(struct sql_stream *s, unsigned char c)
{
	if (c == '\n')
		s->line++;
	switch (s->lex) {
	case SQL_L_MAYBE_COMMENT:
		return maybe_comment(s, c);
	case SQL_L_LINE_COMMENT:
	case SQL_L_BLOCK_COMMENT:
	case SQL_L_BLOCK_STAR:
	case SQL_L_BLOCK_SLASH:
		return comment_byte(s, c);
	case SQL_L_NORMAL:
		break;
	default:
		return quoted_byte(s, c);
	}
	if (lexer_word_byte(c)) {
		begin_significant(s);
		if (s->wordlen < sizeof(s->word))
			s->word[s->wordlen] = (char)c;
		s->wordlen++;
		keep(s, (char)c);
		s->prev2 = s->prev;
		s->prev = c;
		return SQL_EV_NONE;
	}
	if (s->wordlen > sizeof(s->word))
		s->wordlen = 0;
	end_word(s);
	return normal_byte(s, c);
}

/* A run of identifier bytes at the top level: what split_step() does for each of
 * them, done once for the whole run (single bytes are left to it). */
static size_t ident_run(struct sql_stream *s, const unsigned char *d, size_t len)
{
	size_t n = 0;
	while (n < len && lexer_word_byte(d[n]))
		n++;
	if (n < 2)
		return 0;
	begin_significant(s);
	if (s->wordlen < sizeof(s->word)) {
		size_t room = sizeof(s->word) - s->wordlen;
		memcpy(s->word + s->wordlen, d, room < n ? room : n);
	}
	s->wordlen += n;
	buf_append(&s->stmt, d, n);
	s->prev2 = d[n - 2];
	s->prev = d[n - 1];
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

void split_init(struct sql_stream *s)
{
	for (int c = 0; c < 256; c++)
		s->skip_stops[c] = skip_stop((unsigned char)c);
}

/* A run of bytes at the top level of a skipped statement that change no
 * state: passed over (four at a time: --column-inserts repeats a column
 * list in every statement), remembering the two last for a quote or '$'
 * after. */
static size_t skip_run(struct sql_stream *s, const unsigned char *d, size_t len)
{
	const unsigned char *t = s->skip_stops;
	size_t n = 0;
	while (n + 4 <= len && !(t[d[n]] | t[d[n + 1]] | t[d[n + 2]] | t[d[n + 3]]))
		n += 4;
	while (n < len && !t[d[n]])
		n++;
	if (n >= 2)
		s->prev2 = d[n - 2];
	else if (n == 1)
		s->prev2 = s->prev;
	if (n >= 1)
		s->prev = d[n - 1];
	return n;
}

/* Where stop byte k next occurs in d[0..len), the rest of the buffer being
 * used (d + len when it does not): looked for once per buffer and kept. */
static const unsigned char *next_stop(struct sql_stream *s, int k, const unsigned char *d,
                                      size_t len)
{
	const unsigned char *at = s->next_stop[k];
	if (!at || at < d) {
		at = memchr(d, stop_byte[k], len);
		s->next_stop[k] = at = at ? at : d + len;
	}
	return at;
}

#if defined(__SSE2__)
/* The bytes of p[0..64) equal to c, one bit each. */
static inline uint64_t mask64(const unsigned char *p, char c)
{
	const __m128i v = _mm_set1_epi8(c);
	uint64_t m = 0;
	for (int k = 0; k < 4; k++)
		m |= (uint64_t)(uint16_t)_mm_movemask_epi8(
		         _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * k)), v))
		     << (16 * k);
	return m;
}
#endif

/* Inside a string without backslash escapes, from d[0]: the index of its
 * closing quote, or len when d ends first. Doubled quotes stay inside
 * (prev and prev2 then end as the quote, as split_step() leaves them); the
 * newlines passed are counted. A quote that
 * is d's last byte is taken as closing: were it doubled, the next quote
 * opens the same string again. The quotes of each 64 bytes are paired in
 * a mask: the strings of Kinto-shaped INSERTs hold a doubled quote every
 * few dozen bytes, too close for a search per quote. */
static size_t string_end(struct sql_stream *s, const unsigned char *d, size_t len)
{
	size_t i = 0;
#if defined(__SSE2__)
	while (len - i >= 64) {
		uint64_t q = mask64(d + i, '\''), nl = mask64(d + i, '\n');
		size_t step = 64;
		while (q) {
			int b = __builtin_ctzll(q);
			bool pair = b < 63 ? (q >> (b + 1) & 1) : i + 64 < len && d[i + 64] == '\'';
			if (!pair) {
				uint64_t before = nl & ((UINT64_C(1) << b) - 1);
				if (before) /* without popcnt, a call into libgcc */
					s->line += (unsigned)__builtin_popcountll(before);
				return i + (size_t)b;
			}
			s->prev2 = s->prev = '\'';
			if (b == 63) {
				step = 65;
				break;
			}
			q &= ~(UINT64_C(3) << b);
		}
		if (nl)
			s->line += (unsigned)__builtin_popcountll(nl);
		i += step;
	}
#endif
	while (i < len) {
		const unsigned char *q = memchr(d + i, '\'', len - i);
		size_t at = q ? (size_t)(q - d) : len;
		for (const unsigned char *nl = d + i;
		     (nl = memchr(nl, '\n', at - (size_t)(nl - d))) != NULL; nl++)
			s->line++;
		if (!q || at + 1 >= len || d[at + 1] != '\'')
			return at;
		s->prev2 = s->prev = '\'';
		i = at + 2;
	}
	return len;
}

/* A skipped statement's common bytes in one loop: top-level runs and the
 * strings without backslash escapes between them, which are all of an
 * INSERT's values but their ';'. Stops where split_step() must decide (any other
 * quote, a comment, a newline, the end); returns the bytes used. Does what
 * split_step() would to the lexical state, keeping nothing. */
static size_t skip_scan(struct sql_stream *s, const unsigned char *d, size_t len)
{
	size_t i = 0;
	s->wordlen = 0; /* words matter no more: a skipped INSERT has no body */
	for (;;) {
		if (s->lex == SQL_L_NORMAL) {
			i += skip_run(s, d + i, len - i);
			if (i == len || d[i] != '\'' || quote_escapes(s))
				return i;
			s->squote_escapes = false;
			s->lex = SQL_L_SQUOTE;
			s->prev2 = s->prev;
			s->prev = '\'';
			i++;
		}
		if (s->lex != SQL_L_SQUOTE || s->squote_escapes)
			return i;
		size_t end = i + string_end(s, d + i, len - i);
		if (end == len)
			return len;
		/* The closing quote. */
		s->lex = SQL_L_NORMAL;
		i = end + 1;
	}
}

/* A kept string without backslash escapes, up to its closing quote or the
 * end of d, as split_step() would take it. */
static size_t squote_run(struct sql_stream *s, const unsigned char *d, size_t len)
{
	size_t n = string_end(s, d, len);
	if (n > 0 && !s->skipping)
		buf_append(&s->stmt, d, n);
	return n;
}

/* Inside a string, a quoted name, a dollar-quoted body or a comment of a
 * begun statement, most bytes change no state: split_step() would only append
 * them. Appends the run of such bytes at d[0..len) in one go (or a run of
 * identifier bytes at the top level) and returns its length; 0: the next
 * byte needs split_step(). Newlines end runs, so line counting stays in one
 * place. */
size_t split_run(struct sql_stream *s, const unsigned char *d, size_t len)
{
	unsigned set = 1u << SQL_K_NL;
	size_t n = s->skipping ? skip_scan(s, d, len) : 0;
	if (n > 0)
		return n;
	switch (s->lex) {
	case SQL_L_SQUOTE:
		if (!s->squote_escapes)
			return squote_run(s, d, len);
		set |= 1u << SQL_K_SQUOTE | 1u << SQL_K_BACKSLASH;
		break;
	case SQL_L_DQUOTE:
		set |= 1u << SQL_K_DQUOTE;
		break;
	case SQL_L_DOLLAR_BODY:
		if (s->tagmatch != 0)
			return 0; /* partway through a possible closing tag */
		set |= 1u << SQL_K_DOLLAR;
		break;
	case SQL_L_BLOCK_COMMENT:
		set |= 1u << SQL_K_STAR | 1u << SQL_K_SLASH;
		break;
	case SQL_L_LINE_COMMENT:
		if (!s->significant)
			return 0; /* pg_dump's own comments are looked at */
		break;
	case SQL_L_NORMAL:
		if (s->skipping)
			return skip_run(s, d, len);
		n = skip_known_head(s, d, len);
		return n ? n : ident_run(s, d, len);
	default:
		return 0;
	}
	const unsigned char *stop = d + len;
	for (int k = 0; k < SQL_K_STOPS; k++) {
		const unsigned char *at = set & 1u << k ? next_stop(s, k, d, len) : stop;
		if (at < stop)
			stop = at;
	}
	n = (size_t)(stop - d);
	if (n > 0 && !s->skipping && (s->significant || s->lex != SQL_L_BLOCK_COMMENT))
		buf_append(&s->stmt, d, n);
	return n;
}
/* What an event handed out leaves to the statement: the reset after it
 * ended, the '(' of an INSERT head. */
void split_settle(struct sql_stream *s)
{
	if (s->reset_due) {
		s->reset_due = false;
		split_reset(s);
	}
	if (s->insert_due) {
		s->insert_due = false;
		keep(s, '(');
		s->prev2 = s->prev;
		s->prev = '(';
	}
}
