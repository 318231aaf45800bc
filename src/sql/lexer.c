/* The SQL lexer: a 256-entry byte class table and a switch on the class of
 * the first byte. Bytes >= 0x80 are identifier bytes, so UTF-8 names work
 * without knowing the encoding. */
#include <string.h>

#include "ksd_token.h"
#include "sql/lexer.h"

/* clang-format off */
#define A CLS_ALPHA
const unsigned char lexer_classes[256] = {
	/* 0x00 */ CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL,
	/* 0x08 */ CLS_ILL, CLS_SPACE, CLS_SPACE, CLS_SPACE, CLS_SPACE, CLS_SPACE, CLS_ILL, CLS_ILL,
	/* 0x10 */ CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL,
	/* 0x18 */ CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL, CLS_ILL,
	/*  !"# */ CLS_SPACE, CLS_OP, CLS_DQUOTE, CLS_OP,
	/* $%&' */ CLS_DOLLAR, CLS_OP, CLS_OP, CLS_QUOTE,
	/* ()*+ */ CLS_LPAREN, CLS_RPAREN, CLS_OP, CLS_OP,
	/* ,-./ */ CLS_COMMA, CLS_MINUS, CLS_DOT, CLS_SLASH,
	/* 0-3  */ CLS_DIGIT, CLS_DIGIT, CLS_DIGIT, CLS_DIGIT,
	/* 4-7  */ CLS_DIGIT, CLS_DIGIT, CLS_DIGIT, CLS_DIGIT,
	/* 89:; */ CLS_DIGIT, CLS_DIGIT, CLS_COLON, CLS_SEMI,
	/* <=>? */ CLS_OP, CLS_OP, CLS_OP, CLS_OP,
	/* @ABC */ CLS_OP, A, CLS_BX, A,
	/* DEFG */ A, CLS_E, A, A,
	/* H-O  */ A, A, A, A, A, A, CLS_N, A,
	/* P-W  */ A, A, A, A, A, CLS_U, A, A,
	/* XYZ[ */ CLS_BX, A, A, CLS_LBRACKET,
	/* \]^_ */ CLS_ILL, CLS_RBRACKET, CLS_OP, A,
	/* `abc */ CLS_OP, A, CLS_BX, A,
	/* defg */ A, CLS_E, A, A,
	/* h-o  */ A, A, A, A, A, A, CLS_N, A,
	/* p-w  */ A, A, A, A, A, CLS_U, A, A,
	/* xyz{ */ CLS_BX, A, A, CLS_ILL,
	/* |}~  */ CLS_OP, CLS_ILL, CLS_OP, CLS_ILL,
	/* 0x80 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0x90 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0xa0 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0xb0 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0xc0 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0xd0 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0xe0 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
	/* 0xf0 */ A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A,
};
#undef A
/* clang-format on */

static enum lexer_class cl(char c)
{
	return lexer_class_of((unsigned char)c);
}

/* Word bytes and '$' continue an identifier. */
static bool ident_byte(char c)
{
	return lexer_word_byte((unsigned char)c) || c == '$';
}

static bool op_byte(char c)
{
	enum lexer_class k = cl(c);
	return k == CLS_OP || k == CLS_MINUS || k == CLS_SLASH;
}

/* A quoted run from z[start] (just past the opening quote) to the closing
 * quote q; a doubled quote stays inside and, with `backslash`, '\' escapes
 * the next byte. Returns the token length, or 0 when unterminated. Found
 * with memchr from quote to quote: an INSERT's JSON values are kilobytes. */
static size_t quoted(const char *z, size_t n, size_t start, char q, bool backslash)
{
	size_t i = start;
	const char *p = NULL; /* the next quote at or after i, once looked for */
	while (i < n) {
		/* Looked for again only once passed: a backslash every few bytes
		 * must not rescan the string up to its quote each time. */
		if (!p || p < z + i)
			p = memchr(z + i, q, n - i);
		size_t at = p ? (size_t)(p - z) : n;
		const char *b = backslash ? memchr(z + i, '\\', at - i) : NULL;
		if (b) {
			i = (size_t)(b - z) + 2;
			continue;
		}
		if (!p)
			return 0;
		if (at + 1 < n && z[at + 1] == q) {
			i = at + 2;
			continue;
		}
		return at + 1;
	}
	return 0;
}

static size_t finish_quoted(size_t len, size_t n, enum ksd_tok ok, enum ksd_tok *kind)
{
	*kind = len ? ok : KSD_TOK_ILLEGAL;
	return len ? len : n;
}

static size_t block_comment(const char *z, size_t n, enum ksd_tok *kind)
{
	size_t depth = 1;
	size_t i = 2;
	while (i + 1 < n) {
		if (z[i] == '/' && z[i + 1] == '*') {
			depth++;
			i += 2;
		} else if (z[i] == '*' && z[i + 1] == '/') {
			i += 2;
			if (--depth == 0) {
				*kind = KSD_TOK_BLOCK_COMMENT;
				return i;
			}
		} else {
			i++;
		}
	}
	*kind = KSD_TOK_ILLEGAL;
	return n;
}

static size_t dollar(const char *z, size_t n, enum ksd_tok *kind)
{
	size_t i = 1;
	if (i < n && cl(z[i]) == CLS_DIGIT) {
		while (i < n && cl(z[i]) == CLS_DIGIT)
			i++;
		*kind = KSD_TOK_PARAM;
		return i;
	}
	while (i < n && lexer_tag_byte((unsigned char)z[i], i == 1))
		i++;
	if (i >= n || z[i] != '$') {
		/* A lone '$' (or "$name" with no closing '$') is no token of SQL. */
		*kind = KSD_TOK_ILLEGAL;
		return 1;
	}
	size_t tag = i + 1;
	for (size_t j = tag; j + tag <= n; j++) {
		const char *hit = memchr(z + j, '$', n - j);
		if (!hit || (size_t)(hit - z) + tag > n)
			break;
		j = (size_t)(hit - z);
		if (memcmp(hit, z, tag) == 0) {
			*kind = KSD_TOK_DOLLAR;
			return j + tag;
		}
	}
	*kind = KSD_TOK_ILLEGAL;
	return n;
}

static size_t number(const char *z, size_t n, enum ksd_tok *kind)
{
	size_t i = 0;
	while (i < n && (cl(z[i]) == CLS_DIGIT || z[i] == '_'))
		i++;
	if (i < n && z[i] == '.' && !(i + 1 < n && z[i + 1] == '.')) {
		i++;
		while (i < n && (cl(z[i]) == CLS_DIGIT || z[i] == '_'))
			i++;
	}
	if (i + 1 < n && (z[i] == 'e' || z[i] == 'E')) {
		size_t j = i + 1;
		if (j + 1 < n && (z[j] == '+' || z[j] == '-'))
			j++;
		if (j < n && cl(z[j]) == CLS_DIGIT) {
			i = j;
			while (i < n && cl(z[i]) == CLS_DIGIT)
				i++;
		}
	}
	/* 0x1F, 0o17, and trailing junk stay one token. */
	while (i < n && ident_byte(z[i]) && z[i] != '$')
		i++;
	*kind = KSD_TOK_NUMBER;
	return i;
}

/* PostgreSQL's rule: an operator ends before a comment start, and a
 * multi-byte operator may end in + or - only if it holds one of ~!@#%^&|`?.
 * PostgreSQL refuses operators longer than NAMEDATALEN - 1 bytes; scanning
 * no further keeps a long run of '+' linear (each token would rescan it). */
#define OPER_MAX 63

/* A switch, not strchr: a run of operator bytes tests every byte up to
 * OPER_MAX times. */
static bool op_special(char c)
{
	switch (c) {
	case '~':
	case '!':
	case '@':
	case '#':
	case '%':
	case '^':
	case '&':
	case '|':
	case '`':
	case '?':
		return true;
	default:
		return false;
	}
}

static size_t oper(const char *z, size_t n, enum ksd_tok *kind)
{
	size_t i = 0;
	bool special = false;
	while (i < n && i < OPER_MAX && op_byte(z[i])) {
		if (i > 0 && i + 1 < n &&
		    ((z[i] == '-' && z[i + 1] == '-') || (z[i] == '/' && z[i + 1] == '*')))
			break;
		if (op_special(z[i]))
			special = true;
		i++;
	}
	while (i > 1 && !special && (z[i - 1] == '+' || z[i - 1] == '-'))
		i--;
	*kind = KSD_TOK_OP;
	return i;
}

static size_t ident(const char *z, size_t n, enum ksd_tok *kind)
{
	size_t i = 1;
	while (i < n && ident_byte(z[i]))
		i++;
	*kind = KSD_TOK_IDENT;
	return i;
}

size_t ksd_token_get(const char *z, size_t n, bool std_strings, enum ksd_tok *kind)
{
	size_t i;
	switch (cl(z[0])) {
	case CLS_SPACE:
		for (i = 1; i < n && cl(z[i]) == CLS_SPACE; i++)
			;
		*kind = KSD_TOK_SPACE;
		return i;
	case CLS_E:
		if (n > 1 && z[1] == '\'')
			return finish_quoted(quoted(z, n, 2, '\'', true), n, KSD_TOK_ESTRING, kind);
		return ident(z, n, kind);
	case CLS_BX:
		if (n > 1 && z[1] == '\'')
			return finish_quoted(quoted(z, n, 2, '\'', false), n, KSD_TOK_BITSTRING,
			                     kind);
		return ident(z, n, kind);
	case CLS_N:
		if (n > 1 && z[1] == '\'')
			return finish_quoted(quoted(z, n, 2, '\'', !std_strings), n, KSD_TOK_STRING,
			                     kind);
		return ident(z, n, kind);
	case CLS_U:
		if (n > 2 && z[1] == '&' && z[2] == '\'')
			return finish_quoted(quoted(z, n, 3, '\'', false), n, KSD_TOK_STRING, kind);
		if (n > 2 && z[1] == '&' && z[2] == '"')
			return finish_quoted(quoted(z, n, 3, '"', false), n, KSD_TOK_QIDENT, kind);
		return ident(z, n, kind);
	case CLS_ALPHA:
		return ident(z, n, kind);
	case CLS_DIGIT:
		return number(z, n, kind);
	case CLS_QUOTE:
		return finish_quoted(quoted(z, n, 1, '\'', !std_strings), n, KSD_TOK_STRING, kind);
	case CLS_DQUOTE:
		return finish_quoted(quoted(z, n, 1, '"', false), n, KSD_TOK_QIDENT, kind);
	case CLS_DOLLAR:
		return dollar(z, n, kind);
	case CLS_MINUS:
		if (n > 1 && z[1] == '-') {
			const char *nl = memchr(z, '\n', n);
			*kind = KSD_TOK_LINE_COMMENT;
			return nl ? (size_t)(nl - z) : n;
		}
		return oper(z, n, kind);
	case CLS_SLASH:
		if (n > 1 && z[1] == '*')
			return block_comment(z, n, kind);
		return oper(z, n, kind);
	case CLS_OP:
		return oper(z, n, kind);
	case CLS_COLON:
		*kind = KSD_TOK_OP;
		return n > 1 && (z[1] == ':' || z[1] == '=') ? 2 : 1;
	case CLS_DOT:
		if (n > 1 && cl(z[1]) == CLS_DIGIT)
			return number(z, n, kind);
		*kind = KSD_TOK_DOT;
		return 1;
	case CLS_LPAREN:
		*kind = KSD_TOK_LPAREN;
		return 1;
	case CLS_RPAREN:
		*kind = KSD_TOK_RPAREN;
		return 1;
	case CLS_LBRACKET:
		*kind = KSD_TOK_LBRACKET;
		return 1;
	case CLS_RBRACKET:
		*kind = KSD_TOK_RBRACKET;
		return 1;
	case CLS_COMMA:
		*kind = KSD_TOK_COMMA;
		return 1;
	case CLS_SEMI:
		*kind = KSD_TOK_SEMI;
		return 1;
	case CLS_ILL:
		break;
	}
	*kind = KSD_TOK_ILLEGAL;
	return 1;
}

void ksd_lexer_init(struct ksd_lexer *lx, const char *s, size_t len, bool std_strings)
{
	lx->p = s;
	lx->end = s + len;
	lx->std_strings = std_strings;
}

bool ksd_lexer_next(struct ksd_lexer *lx, struct ksd_token *t)
{
	if (lx->p >= lx->end)
		return false;
	t->s = lx->p;
	t->len = ksd_token_get(lx->p, (size_t)(lx->end - lx->p), lx->std_strings, &t->kind);
	lx->p += t->len;
	return true;
}

bool ksd_lexer_next_sig(struct ksd_lexer *lx, struct ksd_token *t)
{
	while (ksd_lexer_next(lx, t))
		if (t->kind != KSD_TOK_SPACE && t->kind != KSD_TOK_LINE_COMMENT &&
		    t->kind != KSD_TOK_BLOCK_COMMENT)
			return true;
	return false;
}

size_t ksd_token_dollar_tag(const struct ksd_token *t)
{
	if (t->kind != KSD_TOK_DOLLAR || t->len < 2)
		return 0;
	const char *close = memchr(t->s + 1, '$', t->len - 1);
	return close ? (size_t)(close - t->s) + 1 : 0;
}
