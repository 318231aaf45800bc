/* The extractor's front: splits what it is given into statements, keeps the
 * session state a dump changes as it goes (database, search_path,
 * standard_conforming_strings) and dispatches on the leading keywords.
 * Statements it does not know are skipped without keeping their tokens. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ksd_limits.h"
#include "sql.h"

struct ksd_extract *ksd_extract_new(struct ksd_catalog *cat)
{
	struct ksd_extract *x = calloc(1, sizeof(*x));
	if (!x)
		return NULL;
	x->cat = cat;
	x->std_strings = true;
	x->copy_name_col = x->copy_value_col = -1;
	return x;
}

void ksd_extract_free(struct ksd_extract *x)
{
	if (!x)
		return;
	free(x->dbname);
	free(x->toks);
	free(x->row);
	textbuf_free(&x->out);
	textbuf_free(&x->vals[0]);
	textbuf_free(&x->vals[1]);
	free(x);
}

static void set_name(name_t dst, const char *src)
{
	size_t n = src ? strlen(src) : 0;
	if (n > NAME_MAX_LEN)
		n = NAME_MAX_LEN;
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

void ksd_extract_connect(struct ksd_extract *x, const char *dbname)
{
	char *copy = dbname ? strdup(dbname) : NULL;
	if (dbname && !copy)
		return; /* keep the old database rather than lose the name */
	free(x->dbname);
	x->dbname = copy;
	/* A new session: settings back to the server defaults. */
	x->search[0] = '\0';
	x->std_strings = true;
}

void ksd_extract_set_namespace(struct ksd_extract *x, const char *schema)
{
	set_name(x->ns, schema);
}

void ksd_extract_note_data(struct ksd_extract *x)
{
	x->cat->any_data_seen = true;
}

struct ksd_database *extract_database(struct ksd_extract *x)
{
	return ksd_catalog_database(x->cat, x->dbname);
}

const char *extract_schema_name(const struct ksd_extract *x, const char *qual)
{
	if (qual && *qual)
		return qual;
	if (x->search[0])
		return x->search;
	if (x->ns[0])
		return x->ns;
	return "public";
}

struct ksd_schema *extract_schema(struct ksd_extract *x, const char *qual)
{
	struct ksd_database *db = extract_database(x);
	return db ? ksd_catalog_schema(x->cat, db, extract_schema_name(x, qual)) : NULL;
}

struct ksd_schema *extract_find_schema(struct ksd_extract *x, const char *qual)
{
	for (size_t i = 0; i < x->cat->ndatabases; i++) {
		struct ksd_database *db = &x->cat->databases[i];
		if (db->name == x->dbname ||
		    (db->name && x->dbname && strcmp(db->name, x->dbname) == 0))
			return ksd_database_schema(db, extract_schema_name(x, qual));
	}
	return NULL;
}

/* The first schema of a search_path value that objects could be created in:
 * "$user" names a schema we cannot know, so it is passed over. */
static void search_path_item(struct ksd_extract *x, const char *item, size_t len)
{
	while (len > 0 && (*item == ' ' || *item == '\t'))
		item++, len--;
	while (len > 0 && (item[len - 1] == ' ' || item[len - 1] == '\t'))
		len--;
	if (x->search[0] || len == 0)
		return;
	name_t name;
	if (*item == '"' && len >= 2) {
		struct ksd_token t = {KSD_TOK_QIDENT, item, len};
		if (!parse_name_tok(&t, name))
			return;
	} else {
		struct ksd_token t = {KSD_TOK_IDENT, item, len};
		if (!parse_name_tok(&t, name))
			return;
	}
	if (strcmp(name, "$user") != 0)
		strcpy(x->search, name);
}

/* The value list of SET search_path, from the token after TO or =. */
static int search_path_value(struct ksd_extract *x, struct cur *c)
{
	x->search[0] = '\0';
	for (; c->i < c->n && !x->search[0]; c->i++) {
		const struct ksd_token *t = &c->t[c->i];
		if (t->kind == KSD_TOK_STRING || t->kind == KSD_TOK_ESTRING) {
			if (!parse_string(&x->out, t, x->std_strings, 4096))
				return KSD_FATAL;
			/* A quoted value may itself be a list: 'a, b'. */
			const char *p = x->out.p;
			while (*p && !x->search[0]) {
				size_t n = strcspn(p, ",");
				search_path_item(x, p, n);
				p += n + (p[n] == ',');
			}
		} else if (t->kind == KSD_TOK_IDENT || t->kind == KSD_TOK_QIDENT) {
			if (parse_is_kw(t, "default"))
				break;
			search_path_item(x, t->s, t->len);
		}
	}
	return KSD_OK;
}

/* SET [SESSION|LOCAL] name {TO|=} value[, ...] */
static int stmt_set(struct ksd_extract *x, struct cur *c)
{
	if (!parse_accept(c, "session"))
		parse_accept(c, "local");
	bool path = parse_accept(c, "search_path");
	bool stdstr = !path && parse_accept(c, "standard_conforming_strings");
	if (!path && !stdstr)
		return KSD_OK;
	if (!parse_accept(c, "to")) {
		if (!parse_at_kind(c, KSD_TOK_OP) || c->t[c->i].len != 1 || c->t[c->i].s[0] != '=')
			return KSD_OK;
		c->i++;
	}
	if (path)
		return search_path_value(x, c);
	if (c->i < c->n) {
		const struct ksd_token *t = &c->t[c->i];
		const char *v = t->s;
		size_t n = t->len;
		if (t->kind == KSD_TOK_STRING && n >= 2)
			v++, n -= 2;
		x->std_strings = !((n == 3 && strncasecmp(v, "off", 3) == 0) ||
		                   (n == 5 && strncasecmp(v, "false", 5) == 0));
	}
	return KSD_OK;
}

/* SELECT pg_catalog.set_config('search_path', 'value', false) */
static int stmt_select(struct ksd_extract *x, struct cur *c)
{
	name_t schema, fn;
	if (!parse_qname(c, schema, fn) || strcmp(fn, "set_config") != 0 ||
	    (schema[0] && strcmp(schema, "pg_catalog") != 0) ||
	    !parse_accept_kind(c, KSD_TOK_LPAREN) || !parse_at_kind(c, KSD_TOK_STRING))
		return KSD_OK;
	if (!parse_string(&x->out, &c->t[c->i], x->std_strings, 64))
		return KSD_FATAL;
	if (strcmp(x->out.p, "search_path") != 0)
		return KSD_OK;
	c->i++;
	if (!parse_accept_kind(c, KSD_TOK_COMMA) || !parse_at_kind(c, KSD_TOK_STRING))
		return KSD_OK;
	struct cur value = {c->t + c->i, 1, 0};
	return search_path_value(x, &value);
}

static int create_schema(struct ksd_extract *x, struct cur *c)
{
	parse_accept_words(c, "if not exists");
	name_t name;
	if (parse_accept(c, "authorization")) {
		if (!parse_name(c, name))
			return KSD_OK;
	} else if (!parse_name(c, name)) {
		return KSD_OK;
	}
	struct ksd_database *db = extract_database(x);
	return db && ksd_catalog_schema(x->cat, db, name) ? KSD_OK : KSD_FATAL;
}

/* CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE] */
static int create_extension(struct ksd_extract *x, struct cur *c)
{
	parse_accept_words(c, "if not exists");
	name_t name, schema = "";
	if (!parse_name(c, name))
		return KSD_OK;
	parse_accept(c, "with");
	while (c->i < c->n) {
		if (parse_accept(c, "schema")) {
			if (!parse_name(c, schema))
				break;
		} else {
			c->i++;
		}
	}
	struct ksd_database *db = extract_database(x);
	struct ksd_extension *e = db ? ksd_catalog_add_extension(x->cat, db, name) : NULL;
	if (!e)
		return KSD_FATAL;
	if (schema[0] && !(e->schema = ksd_catalog_strdup(x->cat, schema)))
		return KSD_FATAL;
	return KSD_OK;
}

static int create_database(struct ksd_extract *x, struct cur *c)
{
	name_t name;
	if (!parse_name(c, name))
		return KSD_OK;
	return ksd_catalog_database(x->cat, name) ? KSD_OK : KSD_FATAL;
}

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
		return create_schema(x, c);
	if (parse_accept(c, "extension"))
		return create_extension(x, c);
	if (parse_accept(c, "database"))
		return create_database(x, c);
	/* Temporary and unlogged tables are tables of the dump too. */
	if (!parse_accept(c, "global"))
		parse_accept(c, "local");
	if (!parse_accept(c, "temporary") && !parse_accept(c, "temp"))
		parse_accept(c, "unlogged");
	if (parse_accept(c, "table"))
		return table_create(x, c);
	return KSD_OK;
}

/* DROP SCHEMA s CASCADE empties it; without CASCADE PostgreSQL refuses a
 * schema that still holds objects. */
static void drop_schema(struct ksd_schema *s, bool cascade)
{
	bool empty = !s->ntables && !s->nindexes && !s->nfunctions && !s->ntriggers;
	if (!cascade && !empty)
		return;
	while (s->ntables)
		ksd_catalog_drop_table(s, s->tables[s->ntables - 1].name);
	while (s->nindexes)
		ksd_catalog_drop_index(s, s->indexes[s->nindexes - 1].name);
	while (s->nfunctions)
		ksd_catalog_drop_function(s, s->functions[s->nfunctions - 1].name);
	while (s->ntriggers)
		ksd_catalog_drop_trigger(s, s->triggers[s->ntriggers - 1].name, NULL);
	s->metadata.nrows = 0;
	s->metadata.data_seen = false;
	s->metadata.truncated = false;
}

/* DROP {TABLE|INDEX|FUNCTION|TRIGGER|SCHEMA} ...: hand-written migrations
 * drop and recreate objects. */
static int stmt_drop(struct ksd_extract *x, struct cur *c)
{
	enum { TABLE, INDEX, FUNCTION, TRIGGER, SCHEMA } what;
	if (parse_accept(c, "table"))
		what = TABLE;
	else if (parse_accept(c, "index"))
		what = INDEX;
	else if (parse_accept(c, "function"))
		what = FUNCTION;
	else if (parse_accept(c, "trigger"))
		what = TRIGGER;
	else if (parse_accept(c, "schema"))
		what = SCHEMA;
	else
		return KSD_OK;
	if (what == INDEX)
		parse_accept(c, "concurrently");
	parse_accept_words(c, "if exists");
	bool cascade = c->n > 0 && parse_is_kw(&c->t[c->n - 1], "cascade");
	while (c->i < c->n) {
		name_t schema, name;
		if (!parse_qname(c, schema, name))
			return KSD_OK;
		if (what == TRIGGER) {
			name_t tschema, table;
			if (!parse_accept(c, "on") || !parse_qname(c, tschema, table))
				return KSD_OK;
			struct ksd_schema *s = extract_find_schema(x, tschema);
			if (s)
				ksd_catalog_drop_trigger(s, name, table);
			return KSD_OK;
		}
		struct ksd_schema *s = extract_find_schema(x, what == SCHEMA ? name : schema);
		if (s && what == TABLE)
			ksd_catalog_drop_table(s, name);
		else if (s && what == INDEX)
			ksd_catalog_drop_index(s, name);
		else if (s && what == FUNCTION)
			ksd_catalog_drop_function(s, name);
		else if (s)
			drop_schema(s, cascade);
		parse_skip_group(c); /* a function's argument types */
		if (!parse_accept_kind(c, KSD_TOK_COMMA))
			break;
	}
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

static bool push_token(struct ksd_extract *x, const struct ksd_token *t)
{
	if (x->ntoks == x->captoks) {
		if (x->captoks >= MAX_TOKENS)
			return false;
		size_t cap = x->captoks ? x->captoks * 2 : 256;
		struct ksd_token *p = realloc(x->toks, cap * sizeof(*p));
		if (!p)
			return false;
		x->toks = p;
		x->captoks = cap;
	}
	x->toks[x->ntoks++] = *t;
	return true;
}

bool extract_lex(struct ksd_extract *x, const char *sql, size_t len)
{
	struct ksd_lexer lx;
	struct ksd_token t;
	ksd_lexer_init(&lx, sql, len, x->std_strings);
	x->ntoks = 0;
	while (ksd_lexer_next_sig(&lx, &t) && t.kind != KSD_TOK_SEMI)
		if (!push_token(x, &t))
			return false;
	return true;
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

/* Within CREATE FUNCTION/PROCEDURE, a SQL-standard body BEGIN ATOMIC ... END
 * holds semicolons (and CASE ... END pairs) that do not end the statement. */
struct atomic {
	bool routine;
	size_t depth;
};

static void track_atomic(struct atomic *a, const struct ksd_extract *x, const struct ksd_token *t)
{
	if (x->ntoks <= 4 && (parse_is_kw(t, "function") || parse_is_kw(t, "procedure")) &&
	    x->ntoks >= 1 && parse_is_kw(&x->toks[0], "create"))
		a->routine = true;
	if (!a->routine || t->kind != KSD_TOK_IDENT)
		return;
	if (parse_is_kw(t, "begin") || (a->depth > 0 && parse_is_kw(t, "case")))
		a->depth++;
	else if (a->depth > 0 && parse_is_kw(t, "end"))
		a->depth--;
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
		return stmt_drop(x, &c);
	case K_SET:
		return stmt_set(x, &c);
	case K_SELECT:
		return stmt_select(x, &c);
	case K_RESET:
		if (parse_accept(&c, "search_path") || parse_accept(&c, "all"))
			x->search[0] = '\0';
		return KSD_OK;
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
		struct atomic atomic = {false, 0};
		bool overflow = false;
		x->ntoks = 0;
		do {
			if (t.kind == KSD_TOK_SEMI && atomic.depth == 0)
				break;
			if (kind == K_SKIP || overflow)
				continue;
			track_atomic(&atomic, x, &t);
			if (!push_token(x, &t))
				overflow = true;
		} while (ksd_lexer_next_sig(&lx, &t));
		if (overflow) {
			x->cat->partial = true;
			continue;
		}
		if (kind != K_SKIP && dispatch(x, kind) != KSD_OK)
			return ksd_err_at_line(err, line, "out of memory");
		/* SET standard_conforming_strings changes how the rest lexes. */
		lx.std_strings = x->std_strings;
	}
	return KSD_OK;
}
