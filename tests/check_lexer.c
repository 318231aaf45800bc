/* The SQL lexer: every token kind, the tricky edges of each, and that no
 * input, cut anywhere, is read past its end. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_token.h"

struct want {
	enum ksd_tok kind;
	const char *text;
};

struct lex_case {
	const char *in;
	bool std_strings;
	struct want toks[8]; /* every token, spaces and comments included */
};

#define T(k, s)                                                                                    \
	{                                                                                          \
		KSD_TOK_##k, s                                                                     \
	}

static const struct lex_case cases[] = {
    {"create TABLE public.t1",
     true,
     {T(IDENT, "create"), T(SPACE, " "), T(IDENT, "TABLE"), T(SPACE, " "), T(IDENT, "public"),
      T(DOT, "."), T(IDENT, "t1")}},
    {"\"a\"\"b\" \"\"", true, {T(QIDENT, "\"a\"\"b\""), T(SPACE, " "), T(QIDENT, "\"\"")}},
    {"'it''s' ''", true, {T(STRING, "'it''s'"), T(SPACE, " "), T(STRING, "''")}},
    /* A backslash is ordinary in a standard string... */
    {"'a\\' 'b'", true, {T(STRING, "'a\\'"), T(SPACE, " "), T(STRING, "'b'")}},
    /* ...and escapes with standard_conforming_strings off. */
    {"'a\\' 'c'", false, {T(STRING, "'a\\' '"), T(IDENT, "c"), T(ILLEGAL, "'")}},
    /* E'\\'' does not end at the doubled quote: it is unterminated. */
    {"E'\\\\'' x", true, {T(ILLEGAL, "E'\\\\'' x")}},
    {"E'\\\\''' x", true, {T(ESTRING, "E'\\\\'''"), T(SPACE, " "), T(IDENT, "x")}},
    {"E'\\\\' x", true, {T(ESTRING, "E'\\\\'"), T(SPACE, " "), T(IDENT, "x")}},
    {"E'\\'' x", true, {T(ESTRING, "E'\\''"), T(SPACE, " "), T(IDENT, "x")}},
    {"e'a\\'b''c'", true, {T(ESTRING, "e'a\\'b''c'")}},
    {"B'0101' X'1F' b x",
     true,
     {T(BITSTRING, "B'0101'"), T(SPACE, " "), T(BITSTRING, "X'1F'"), T(SPACE, " "), T(IDENT, "b"),
      T(SPACE, " "), T(IDENT, "x")}},
    {"N'abc' U&'d\\0061' U&\"x\"",
     true,
     {T(STRING, "N'abc'"), T(SPACE, " "), T(STRING, "U&'d\\0061'"), T(SPACE, " "),
      T(QIDENT, "U&\"x\"")}},
    {"$$ a ' \" -- $$;", true, {T(DOLLAR, "$$ a ' \" -- $$"), T(SEMI, ";")}},
    {"$_$ $$ $_$", true, {T(DOLLAR, "$_$ $$ $_$")}},
    {"$a$ x $b$ y $a$ z", true, {T(DOLLAR, "$a$ x $b$ y $a$"), T(SPACE, " "), T(IDENT, "z")}},
    {"$body$\n\\.\n$body$", true, {T(DOLLAR, "$body$\n\\.\n$body$")}},
    {"$a$ $A$ unterminated", true, {T(ILLEGAL, "$a$ $A$ unterminated")}},
    {"$1 $23::int",
     true,
     {T(PARAM, "$1"), T(SPACE, " "), T(PARAM, "$23"), T(OP, "::"), T(IDENT, "int")}},
    {"$x y", true, {T(ILLEGAL, "$"), T(IDENT, "x"), T(SPACE, " "), T(IDENT, "y")}},
    {"a$b$ c", true, {T(IDENT, "a$b$"), T(SPACE, " "), T(IDENT, "c")}},
    {"42 3.14 .5 1e10 2.5E-3 0x1F 1_000",
     true,
     {T(NUMBER, "42"), T(SPACE, " "), T(NUMBER, "3.14"), T(SPACE, " "), T(NUMBER, ".5"),
      T(SPACE, " "), T(NUMBER, "1e10"), T(SPACE, " ")}},
    {"2.5E-3 0x1F 1_000",
     true,
     {T(NUMBER, "2.5E-3"), T(SPACE, " "), T(NUMBER, "0x1F"), T(SPACE, " "), T(NUMBER, "1_000")}},
    {"(a, b)[1];",
     true,
     {T(LPAREN, "("), T(IDENT, "a"), T(COMMA, ","), T(SPACE, " "), T(IDENT, "b"), T(RPAREN, ")"),
      T(LBRACKET, "["), T(NUMBER, "1")}},
    {"x::jsonb->>'k' <> a := b",
     true,
     {T(IDENT, "x"), T(OP, "::"), T(IDENT, "jsonb"), T(OP, "->>"), T(STRING, "'k'"), T(SPACE, " "),
      T(OP, "<>"), T(SPACE, " ")}},
    {"a:=b :c",
     true,
     {T(IDENT, "a"), T(OP, ":="), T(IDENT, "b"), T(SPACE, " "), T(OP, ":"), T(IDENT, "c")}},
    /* PostgreSQL drops a trailing + or - from an operator like =-. */
    {"=-1 @-1", true, {T(OP, "="), T(OP, "-"), T(NUMBER, "1"), T(SPACE, " "), T(OP, "@-")}},
    {"a--b\nc", true, {T(IDENT, "a"), T(LINE_COMMENT, "--b"), T(SPACE, "\n"), T(IDENT, "c")}},
    {"+-- c", true, {T(OP, "+"), T(LINE_COMMENT, "-- c")}},
    {"/* a /* b */ c */d", true, {T(BLOCK_COMMENT, "/* a /* b */ c */"), T(IDENT, "d")}},
    {"*/* x */", true, {T(OP, "*"), T(BLOCK_COMMENT, "/* x */")}},
    {"/* a /* b */ c", true, {T(ILLEGAL, "/* a /* b */ c")}},
    {"/*/", true, {T(ILLEGAL, "/*/")}},
    {"'open", true, {T(ILLEGAL, "'open")}},
    {"\"open", true, {T(ILLEGAL, "\"open")}},
    {"E'\\'", true, {T(ILLEGAL, "E'\\'")}},
    {"a;\r\nb", true, {T(IDENT, "a"), T(SEMI, ";"), T(SPACE, "\r\n"), T(IDENT, "b")}},
    {"-- no newline", true, {T(LINE_COMMENT, "-- no newline")}},
    {"-- crlf\r\nx", true, {T(LINE_COMMENT, "-- crlf\r"), T(SPACE, "\n"), T(IDENT, "x")}},
    {"'a\\.b'", true, {T(STRING, "'a\\.b'")}},
    {"\\. {x}",
     true,
     {T(ILLEGAL, "\\"), T(DOT, "."), T(SPACE, " "), T(ILLEGAL, "{"), T(IDENT, "x"),
      T(ILLEGAL, "}")}},
    {"caf\xc3\xa9 \xff", true, {T(IDENT, "caf\xc3\xa9"), T(SPACE, " "), T(IDENT, "\xff")}},
    {"a\x01", true, {T(IDENT, "a"), T(ILLEGAL, "\x01")}},
};

static const char *kind_name(enum ksd_tok k)
{
	static const char *names[] = {
	    "SPACE",     "LINE_COMMENT", "BLOCK_COMMENT", "IDENT", "QIDENT", "STRING", "ESTRING",
	    "BITSTRING", "DOLLAR",       "NUMBER",        "PARAM", "LPAREN", "RPAREN", "LBRACKET",
	    "RBRACKET",  "COMMA",        "SEMI",          "DOT",   "OP",     "ILLEGAL"};
	return (size_t)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}

START_TEST(tokens_have_the_expected_kinds_and_extents)
{
	const struct lex_case *c = &cases[_i];
	size_t len = strlen(c->in);
	/* An exact-size heap copy, so that ASan catches any read past the end. */
	char *in = malloc(len ? len : 1);
	ck_assert_ptr_nonnull(in);
	memcpy(in, c->in, len);
	struct ksd_lexer lx;
	ksd_lexer_init(&lx, in, len, c->std_strings);
	struct ksd_token t;
	for (size_t k = 0; k < 8 && c->toks[k].text; k++) {
		ck_assert_msg(ksd_lexer_next(&lx, &t), "case %d: token %zu missing", _i, k);
		ck_assert_msg(t.kind == c->toks[k].kind && t.len == strlen(c->toks[k].text) &&
		                  memcmp(t.s, c->toks[k].text, t.len) == 0,
		              "case %d token %zu: got %s '%.*s', want %s '%s'", _i, k,
		              kind_name(t.kind), (int)t.len, t.s, kind_name(c->toks[k].kind),
		              c->toks[k].text);
	}
	free(in);
}
END_TEST

/* Every prefix of every case: tokens tile the input exactly, are never
 * empty, and nothing is read past the end (checked by ASan). */
START_TEST(every_prefix_is_tiled_without_overread)
{
	const struct lex_case *c = &cases[_i];
	size_t full = strlen(c->in);
	for (size_t len = 0; len <= full; len++) {
		char *in = malloc(len ? len : 1);
		ck_assert_ptr_nonnull(in);
		memcpy(in, c->in, len);
		struct ksd_lexer lx;
		ksd_lexer_init(&lx, in, len, c->std_strings);
		struct ksd_token t;
		size_t at = 0;
		while (ksd_lexer_next(&lx, &t)) {
			ck_assert_ptr_eq(t.s, in + at);
			ck_assert_uint_ge(t.len, 1);
			at += t.len;
		}
		ck_assert_uint_eq(at, len);
		free(in);
	}
}
END_TEST

START_TEST(significant_tokens_skip_spaces_and_comments)
{
	const char *sql = "  -- c\n/* x */ CREATE /* y */\r\n\tTABLE";
	struct ksd_lexer lx;
	ksd_lexer_init(&lx, sql, strlen(sql), true);
	struct ksd_token t;
	ck_assert(ksd_lexer_next_sig(&lx, &t));
	ck_assert_int_eq(t.kind, KSD_TOK_IDENT);
	ck_assert_uint_eq(t.len, 6);
	ck_assert(ksd_lexer_next_sig(&lx, &t));
	ck_assert_uint_eq(t.len, 5);
	ck_assert(!ksd_lexer_next_sig(&lx, &t));
}
END_TEST

START_TEST(dollar_tag_length_gives_the_body)
{
	const char *sql = "$body$ BEGIN $$ END $body$";
	struct ksd_lexer lx;
	ksd_lexer_init(&lx, sql, strlen(sql), true);
	struct ksd_token t;
	ck_assert(ksd_lexer_next(&lx, &t));
	ck_assert_int_eq(t.kind, KSD_TOK_DOLLAR);
	ck_assert_uint_eq(ksd_token_dollar_tag(&t), 6);
	ck_assert_uint_eq(t.len, strlen(sql));
	struct ksd_token plain = {KSD_TOK_IDENT, "x", 1};
	ck_assert_uint_eq(ksd_token_dollar_tag(&plain), 0);
}
END_TEST

/* Random bytes from a fixed seed: never a zero-length token, never a read
 * past the end, always the whole input consumed. */
START_TEST(random_bytes_never_break_the_lexer)
{
	unsigned seed = 12345;
	static const char alphabet[] = "$'\"-/*\\eEbBxX_aZ09.:;()[], \r\n\t\x01\x80";
	for (int round = 0; round < 2000; round++) {
		size_t len = (size_t)(round % 64);
		char *in = malloc(len ? len : 1);
		ck_assert_ptr_nonnull(in);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		struct ksd_lexer lx;
		ksd_lexer_init(&lx, in, len, round & 1);
		struct ksd_token t;
		size_t at = 0;
		while (ksd_lexer_next(&lx, &t)) {
			ck_assert_uint_ge(t.len, 1);
			at += t.len;
		}
		ck_assert_uint_eq(at, len);
		free(in);
	}
}
END_TEST

Suite *lexer_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc = tcase_create("tokens");
	int n = (int)(sizeof(cases) / sizeof(cases[0]));
	tcase_add_loop_test(tc, tokens_have_the_expected_kinds_and_extents, 0, n);
	tcase_add_loop_test(tc, every_prefix_is_tiled_without_overread, 0, n);
	tcase_add_test(tc, significant_tokens_skip_spaces_and_comments);
	tcase_add_test(tc, dollar_tag_length_gives_the_body);
	tcase_add_test(tc, random_bytes_never_break_the_lexer);
	suite_add_tcase(s, tc);
	return s;
}
