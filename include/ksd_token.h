/* The SQL lexer: one token at a time from a slice of text, never copying and
 * never reading past the slice's end. Bad input (an unterminated string,
 * quote, dollar quote or comment, a stray byte) becomes a KSD_TOK_ILLEGAL
 * token; deciding what is fatal is the caller's business. */
#ifndef KSD_TOKEN_H
#define KSD_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

enum ksd_tok {
	KSD_TOK_SPACE,
	KSD_TOK_LINE_COMMENT,  /* -- to the end of the line, newline excluded */
	KSD_TOK_BLOCK_COMMENT, /* nested slash-star comments */
	KSD_TOK_IDENT,         /* identifier or keyword, unquoted */
	KSD_TOK_QIDENT,        /* "quoted", "" inside; also U&"..." */
	KSD_TOK_STRING,        /* '...' (also N'...', U&'...') */
	KSD_TOK_ESTRING,       /* E'...' with backslash escapes */
	KSD_TOK_BITSTRING,     /* B'...' or X'...' */
	KSD_TOK_DOLLAR,        /* $tag$...$tag$ with any tag, $$ included */
	KSD_TOK_NUMBER,
	KSD_TOK_PARAM, /* $1 */
	KSD_TOK_LPAREN,
	KSD_TOK_RPAREN,
	KSD_TOK_LBRACKET,
	KSD_TOK_RBRACKET,
	KSD_TOK_COMMA,
	KSD_TOK_SEMI,
	KSD_TOK_DOT,
	KSD_TOK_OP,     /* operators, :: and := included */
	KSD_TOK_ILLEGAL /* unterminated literal or comment (to the end), or a stray byte */
};

struct ksd_token {
	enum ksd_tok kind;
	const char *s; /* into the caller's text */
	size_t len;
};

/* Length (>= 1) and kind of the token starting at z[0], n > 0 bytes available.
 * With std_strings false (standard_conforming_strings = off) a backslash
 * escapes the next byte inside ordinary '...' strings too. */
size_t ksd_token_get(const char *z, size_t n, bool std_strings, enum ksd_tok *kind);

struct ksd_lexer {
	const char *p, *end;
	bool std_strings;
};

void ksd_lexer_init(struct ksd_lexer *lx, const char *s, size_t len, bool std_strings);
/* The next token of any kind; false at the end. */
bool ksd_lexer_next(struct ksd_lexer *lx, struct ksd_token *t);
/* The next token that is not whitespace or a comment; false at the end. */
bool ksd_lexer_next_sig(struct ksd_lexer *lx, struct ksd_token *t);

/* Dollar-quote tag length of a KSD_TOK_DOLLAR token ("$body$" -> 6), so that
 * the body is t.s[tag .. t.len - tag). */
size_t ksd_token_dollar_tag(const struct ksd_token *t);

#endif
