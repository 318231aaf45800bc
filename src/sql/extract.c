/* The extractor's front: splits what it is given into statements (keeping
 * BEGIN ATOMIC bodies whole) and dispatches each on its leading keywords to
 * the handlers of stmt.h. Statements it does not know are skipped without
 * keeping their tokens. */
#include "ksd_split.h"
#include "sql/stmt.h"

static int stmt_create(struct ksd_extract *x, struct cur *c)
{
	bool replace = parse_accept_words(c, "or replace");
	if (!replace && parse_accept(c, "unique")) {
		if (parse_accept(c, "index"))
			return table_create_index(x, c, true);
		return KSD_OK;
	}
	if (parse_accept(c, "index"))
		return table_create_index(x, c, false);
	if (parse_accept(c, "function"))
		return routine_function(x, c);
	parse_accept(c, "constraint");
	if (parse_accept(c, "trigger"))
		return routine_trigger(x, c);
	if (replace)
		return KSD_OK;
	if (parse_accept(c, "schema"))
		return schema_create(x, c);
	if (parse_accept(c, "extension"))
		return schema_create_extension(x, c);
	if (parse_accept(c, "database"))
		return schema_create_database(x, c);
	/* Temporary and unlogged tables are tables of the dump too. */
	if (!parse_accept(c, "global"))
		parse_accept(c, "local");
	if (!parse_accept(c, "temporary") && !parse_accept(c, "temp"))
		parse_accept(c, "unlogged");
	if (parse_accept(c, "table"))
		return table_create(x, c);
	return KSD_OK;
}

static int stmt_alter(struct ksd_extract *x, struct cur *c)
{
	if (parse_accept(c, "table"))
		return table_alter(x, c);
	if (parse_accept(c, "index"))
		return table_alter_index(x, c);
	return KSD_OK;
}

enum kind { K_SKIP, K_CREATE, K_ALTER, K_DROP, K_SET, K_SELECT, K_RESET };

static enum kind classify(const struct ksd_token *t)
{
	static const struct {
		const char *kw;
		enum kind kind;
	} table[] = {{"create", K_CREATE}, {"alter", K_ALTER},   {"drop", K_DROP},
	             {"set", K_SET},       {"select", K_SELECT}, {"reset", K_RESET}};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (parse_is_kw(t, table[i].kw))
			return table[i].kind;
	return K_SKIP;
}

/* Only CREATE FUNCTION or PROCEDURE can hold a BEGIN ATOMIC body. */
struct atomic {
	bool routine;
	struct split_body body;
};

static void track_atomic(struct atomic *a, const struct ksd_extract *x, const struct ksd_token *t)
{
	if (x->ntoks <= 4 && (parse_is_kw(t, "function") || parse_is_kw(t, "procedure")) &&
	    x->ntoks >= 1 && parse_is_kw(&x->toks[0], "create"))
		a->routine = true;
	if (a->routine && t->kind == KSD_TOK_IDENT)
		split_word(&a->body, t->s, t->len);
}

static int dispatch(struct ksd_extract *x, enum kind kind)
{
	struct cur c = {x->toks, x->ntoks, 1};
	switch (kind) {
	case K_CREATE:
		return stmt_create(x, &c);
	case K_ALTER:
		return stmt_alter(x, &c);
	case K_DROP:
		return drop_objects(x, &c);
	case K_SET:
		return setting_set(x, &c);
	case K_SELECT: {
		struct cur call = c;
		if (calls_select(x, &call) != KSD_OK)
			return KSD_FATAL;
		return setting_select(x, &c);
	}
	case K_RESET:
		return setting_reset(x, &c);
	case K_SKIP:
		break;
	}
	return KSD_OK;
}

int ksd_extract_stmt(struct ksd_extract *x, const char *sql, size_t len, long line,
                     struct ksd_err *err)
{
	struct ksd_lexer lx;
	ksd_lexer_init(&lx, sql, len, x->std_strings);
	struct ksd_token t;
	while (ksd_lexer_next_sig(&lx, &t)) {
		if (t.kind == KSD_TOK_SEMI)
			continue;
		if (parse_is_kw(&t, "insert")) {
			if (rows_insert(x, &lx) != KSD_OK)
				return ksd_err_at_line(err, line, "out of memory");
			continue;
		}
		enum kind kind = classify(&t);
		struct atomic atomic = {false, {0, false}};
		bool overflow = false;
		x->ntoks = 0;
		do {
			if (t.kind == KSD_TOK_SEMI && atomic.body.depth == 0)
				break;
			if (kind == K_SKIP || overflow)
				continue;
			track_atomic(&atomic, x, &t);
			if (!session_push(x, &t))
				overflow = true;
		} while (ksd_lexer_next_sig(&lx, &t));
		if (overflow) {
			x->dump->partial = true;
			continue;
		}
		if (kind != K_SKIP && dispatch(x, kind) != KSD_OK)
			return ksd_err_at_line(err, line, "out of memory");
		/* SET standard_conforming_strings changes how the rest lexes. */
		lx.std_strings = x->std_strings;
	}
	return KSD_OK;
}
