/* Internals shared by the extractor's files: the extractor state, a cursor
 * over one statement's significant tokens, name folding and text rendering. */
#ifndef KSD_SQL_H
#define KSD_SQL_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_catalog.h"
#include "ksd_extract.h"
#include "ksd_token.h"

/* PostgreSQL truncates identifiers to NAMEDATALEN - 1 = 63 bytes. */
#define NAME_MAX_LEN 63
typedef char name_t[NAME_MAX_LEN + 1];

/* Tokens kept for one statement; a longer statement is skipped as partial.
 * Kinto's longest DDL statement has a few hundred. */
#define MAX_TOKENS (1u << 16)

struct textbuf {
	char *p;
	size_t len, cap;
	bool oom;
};

struct ksd_extract {
	struct ksd_catalog *cat;
	char *dbname;     /* NULL: the unnamed database of a plain dump */
	name_t search;    /* first usable schema of search_path, "" when empty */
	name_t ns;        /* ksd_extract_set_namespace, "" when unset */
	bool std_strings; /* standard_conforming_strings */
	struct ksd_token *toks;
	size_t ntoks, captoks;
	struct textbuf out; /* rendering scratch */
	/* The metadata COPY block being read, if any. */
	bool copy_active;
	name_t copy_schema;
	int copy_name_col, copy_value_col; /* -1 when absent */
	char *row;                         /* KSD_MAX_ROW + 1 bytes, lazily */
	struct textbuf vals[2];            /* decoded INSERT name and value */
};

struct cur {
	const struct ksd_token *t;
	size_t n, i;
};

/* Token tests and movement. Keywords compare case-insensitively and only
 * match unquoted identifiers. */
bool parse_is_kw(const struct ksd_token *t, const char *kw);
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

/* A string literal token's value (STRING, ESTRING, or the body of a DOLLAR)
 * into b, NUL-terminated, at most `max` bytes kept; false when out of memory
 * or not a string. */
/* The backslash escape whose letter is s[*at] (\\b \\f \\n \\r \\t, octal, \\x
 * hex; \\v in COPY text, \\u and \\U in E'' strings; any other letter stands
 * for itself) into out; *at moves to its last byte. Returns the bytes
 * written, never more than were read. */
size_t parse_backslash(const char *s, size_t len, size_t *at, bool copy, char *out);

bool parse_string(struct textbuf *b, const struct ksd_token *t, bool std_strings, size_t max);

/* Renders tokens [from, to) into x->out and returns it NUL-terminated, or
 * NULL when out of memory. Types: unquoted words folded to lower case,
 * one space between words and none around punctuation. Expressions: as
 * written, each run of space and comments made one space; with
 * `strip_fn_schema`, "s.f(" becomes "f(". */
const char *parse_render_type(struct ksd_extract *x, const struct cur *c, size_t from, size_t to);
const char *parse_render_expr(struct ksd_extract *x, const struct cur *c, size_t from, size_t to,
                              bool strip_fn_schema);

/* PostgreSQL's choice of an implicit name: name1_name2_label, shortening the
 * longer of name1 and name2 until it fits in 63 bytes. name2 may be "". */
void parse_object_name(name_t out, const char *name1, const char *name2, const char *label);

bool textbuf_put(struct textbuf *b, const char *s, size_t len);
void textbuf_free(struct textbuf *b);

/* The schema an object named with `qual` ("" when unqualified) goes to, found
 * or created; NULL when out of memory. */
struct ksd_schema *extract_schema(struct ksd_extract *x, const char *qual);
/* The same schema when it exists already, else NULL; creates nothing. */
struct ksd_schema *extract_find_schema(struct ksd_extract *x, const char *qual);
const char *extract_schema_name(const struct ksd_extract *x, const char *qual);
struct ksd_database *extract_database(struct ksd_extract *x);

/* The significant tokens of the first statement of sql[0..len) into x->toks,
 * without its ';'; false when there are too many or memory is short. */
bool extract_lex(struct ksd_extract *x, const char *sql, size_t len);

/* Statement handlers over the tokens after the leading keyword(s); KSD_OK
 * or KSD_FATAL (out of memory). */
int table_create(struct ksd_extract *x, struct cur *c);
int table_alter(struct ksd_extract *x, struct cur *c);
int table_create_index(struct ksd_extract *x, struct cur *c, bool unique);
int table_alter_index(struct ksd_extract *x, struct cur *c);
int routine_function(struct ksd_extract *x, struct cur *c);
int routine_trigger(struct ksd_extract *x, struct cur *c);
/* INSERT from its first token on; consumes the lexer up to the ';'. */
int rows_insert(struct ksd_extract *x, struct ksd_lexer *lx);

#endif
