/* Helpers over one statement's significant tokens, shared by every statement
 * handler: a cursor, PostgreSQL name folding, literal decoding and the two
 * renderings the catalog stores. They know nothing of the extractor's state. */
#ifndef KSD_SQL_PARSE_H
#define KSD_SQL_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_token.h"
#include "ksd_buf.h"

/* PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes. */
#define NAME_MAX_LEN 63
typedef char name_t[NAME_MAX_LEN + 1];

struct cur {
	const struct ksd_token *t;
	size_t n, i;
};

/* Token tests and movement. Keywords compare case-insensitively and only
 * match unquoted identifiers. */
bool parse_is_kw(const struct ksd_token *t, const char *kw);
/* Whether t is one of the `n` keywords `kws`. */
bool parse_is_one_of(const struct ksd_token *t, const char *const *kws, size_t n);
bool parse_at(const struct cur *c, const char *kw);
bool parse_at_kind(const struct cur *c, enum ksd_tok kind);
bool parse_accept(struct cur *c, const char *kw);
/* Space-separated words, all or nothing: parse_accept_words(c, "if not exists"). */
bool parse_accept_words(struct cur *c, const char *words);
bool parse_accept_kind(struct cur *c, enum ksd_tok kind);
/* Past a parenthesised group when at '(' (true), or does nothing (false). */
bool parse_skip_group(struct cur *c);
/* Index of the ')' matching the '(' at i, or c->n when unbalanced. */
size_t parse_close(const struct cur *c, size_t i);
/* Index of the next ',' at depth 0 in [i, end), or end. */
size_t parse_next_comma(const struct cur *c, size_t i, size_t end);

/* A name token folded like PostgreSQL; false when not a name. */
bool parse_name_tok(const struct ksd_token *t, name_t out);
bool parse_name(struct cur *c, name_t out);
/* [db.][schema.]name; schema is "" when unqualified. */
bool parse_qname(struct cur *c, name_t schema, name_t name);

/* The backslash escape whose letter is s[*at] (\\b \\f \\n \\r \\t, octal, \\x
 * hex; \\v in COPY text, \\u and \\U in E'' strings; any other letter stands
 * for itself) into out; *at moves to its last byte. Returns the bytes
 * written, never more than were read, and reads them all before writing:
 * out may point into s, at or before the backslash. */
size_t parse_backslash(const char *s, size_t len, size_t *at, bool copy, char *out);

/* A string literal token's value (STRING, ESTRING, or the body of a DOLLAR)
 * into b, NUL-terminated, at most `max` bytes kept; false when out of memory
 * or not a string. */
bool parse_string(struct buf *b, const struct ksd_token *t, bool std_strings, size_t max);

/* Renders tokens [from, to) into b and returns it NUL-terminated, or NULL
 * when out of memory. Types: unquoted words folded to lower case, one space
 * between words and none around punctuation. Expressions: as written, each
 * run of space and comments made one space; with `strip_fn_schema`, "s.f("
 * becomes "f(". */
const char *parse_render_type(struct buf *b, const struct cur *c, size_t from, size_t to);
const char *parse_render_expr(struct buf *b, const struct cur *c, size_t from, size_t to,
                              bool strip_fn_schema);

/* PostgreSQL's choice of an implicit name: name1_name2_label, shortening the
 * longer of name1 and name2 until it fits in 63 bytes. name2 may be "". */
void parse_object_name(name_t out, const char *name1, const char *name2, const char *label);

#endif
