/* The SQL lexer's byte classes, for code that reads SQL byte by byte without
 * tokenizing it (the statement stream's splitter): one table, so that
 * both agree on which bytes make a word, a space or a dollar-quote tag, and
 * on which strings take backslash escapes. The tokens are ksd_token.h's. */
#ifndef KSD_SQL_LEXER_H
#define KSD_SQL_LEXER_H

#include <stdbool.h>

enum lexer_class {
	CLS_ILL,   /* stray byte: NUL, control, backslash, braces */
	CLS_SPACE, /* space \t \n \v \f \r */
	/* CLS_ALPHA to CLS_DIGIT are the word bytes, kept in one run. */
	CLS_ALPHA, /* identifier start: letters, _, bytes >= 0x80 */
	CLS_E,     /* e E: E'...' */
	CLS_BX,    /* b B x X: bit strings */
	CLS_N,     /* n N: national strings */
	CLS_U,     /* u U: U&'...' and U&"..." */
	CLS_DIGIT,
	CLS_QUOTE,  /* ' */
	CLS_DQUOTE, /* " */
	CLS_DOLLAR,
	CLS_MINUS,
	CLS_SLASH,
	CLS_OP, /* other operator bytes */
	CLS_COLON,
	CLS_LPAREN,
	CLS_RPAREN,
	CLS_LBRACKET,
	CLS_RBRACKET,
	CLS_COMMA,
	CLS_SEMI,
	CLS_DOT
};

/* Each byte's enum lexer_class, indexed by its unsigned value. */
extern const unsigned char lexer_classes[256];

static inline enum lexer_class lexer_class_of(unsigned char c)
{
	return (enum lexer_class)lexer_classes[c];
}

/* Letters, digits, _ and bytes >= 0x80 (UTF-8 names need no decoding). An
 * identifier may also hold '$' after its first byte. */
static inline bool lexer_word_byte(unsigned char c)
{
	enum lexer_class k = lexer_class_of(c);
	return k >= CLS_ALPHA && k <= CLS_DIGIT;
}

static inline bool lexer_space_byte(unsigned char c)
{
	return lexer_class_of(c) == CLS_SPACE;
}

/* A byte of a dollar-quote tag: a word byte, but no digit first ($1 is a
 * parameter). */
static inline bool lexer_tag_byte(unsigned char c, bool first)
{
	enum lexer_class k = lexer_class_of(c);
	return k >= CLS_ALPHA && k <= (first ? CLS_U : CLS_DIGIT);
}

/* Whether a '...' string takes backslash escapes, told from the two bytes
 * before its opening quote: an E'...' string always (the E a word of its
 * own), any other ('...', N'...') only with standard_conforming_strings off.
 * PostgreSQL refuses U&'...' when it is off, so no dump has that case. */
static inline bool lexer_quote_escapes(unsigned char before2, unsigned char before,
                                       bool std_strings)
{
	return !std_strings || (lexer_class_of(before) == CLS_E && !lexer_word_byte(before2));
}

#endif
