/* Tables and indexes: CREATE TABLE (columns, inline and table constraints)
 * and CREATE INDEX; alter.c changes them. */
#include <stdlib.h>
#include <string.h>

#include "ksd_err.h"
#include "sql/stmt.h"

/* PostgreSQL allows 32 key columns; a longer list is cut there. */
#define MAX_KEY_COLUMNS 32

/* Words that end a column's type or default expression at depth 0. */
static bool column_kw(const struct ksd_token *t)
{
	static const char *const kws[] = {"collate",    "not",        "null",       "default",
	                                  "constraint", "primary",    "unique",     "check",
	                                  "references", "generated",  "deferrable", "initially",
	                                  "storage",    "compression"};
	return parse_is_one_of(t, kws, sizeof(kws) / sizeof(kws[0]));
}

/* First index in [i, end) at depth 0 that is a column keyword or one of
 * `extra` (NULL-terminated), else end. */
size_t table_scan_to(const struct cur *c, size_t i, size_t end, bool column_words,
                     const char *const *extra)
{
	size_t depth = 0;
	for (; i < end; i++) {
		const struct ksd_token *t = &c->t[i];
		if (t->kind == KSD_TOK_LPAREN || t->kind == KSD_TOK_LBRACKET) {
			depth++;
		} else if (t->kind == KSD_TOK_RPAREN || t->kind == KSD_TOK_RBRACKET) {
			if (depth > 0)
				depth--;
		} else if (depth == 0) {
			if (column_words && column_kw(t))
				return i;
			for (size_t k = 0; extra && extra[k]; k++)
				if (parse_is_kw(t, extra[k]))
					return i;
		}
	}
	return end;
}

struct keycols {
	name_t col[MAX_KEY_COLUMNS];
	const char *ptr[MAX_KEY_COLUMNS];
	size_t n;
};

/* "(a, b DESC, c)" at the cursor: the leading name of each entry. */
static bool key_columns(struct cur *c, struct keycols *k)
{
	k->n = 0;
	if (!parse_at_kind(c, KSD_TOK_LPAREN))
		return false;
	size_t close = parse_close(c, c->i);
	size_t i = c->i + 1;
	while (i < close) {
		size_t comma = parse_next_comma(c, i, close);
		if (k->n < MAX_KEY_COLUMNS && parse_name_tok(&c->t[i], k->col[k->n])) {
			k->ptr[k->n] = k->col[k->n];
			k->n++;
		}
		i = comma + 1;
	}
	c->i = close < c->n ? close + 1 : c->n;
	return true;
}

/* PostgreSQL's implicit name part for key columns: joined with '_'. */
static void join_columns(char *out, size_t cap, const char *const *cols, size_t n)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && o < cap - 1; i++) {
		if (o > 0)
			out[o++] = '_';
		size_t len = strlen(cols[i]);
		if (len > cap - 1 - o)
			len = cap - 1 - o;
		memcpy(out + o, cols[i], len);
		o += len;
		out[o] = '\0';
	}
}

static void set_not_null(struct ksd_table *t, const struct keycols *k)
{
	for (size_t i = 0; i < k->n; i++) {
		struct ksd_column *col = ksd_table_column(t, k->col[i]);
		if (col)
			col->not_null = true;
	}
}

/* Adds a PRIMARY KEY or UNIQUE constraint; `name` "" for the implicit one. */
static int add_key(struct ksd_extract *x, struct ksd_table *t, const char *name, bool primary,
                   const struct keycols *k)
{
	name_t implicit;
	if (!name[0]) {
		char cols[NAME_MAX_LEN + 2];
		join_columns(cols, sizeof(cols), k->ptr, k->n);
		parse_object_name(implicit, t->name, primary ? "" : cols, primary ? "pkey" : "key");
		name = implicit;
	}
	if (!ksd_catalog_add_constraint(
	        x->cat, t, name, primary ? KSD_CONS_PRIMARY_KEY : KSD_CONS_UNIQUE, k->ptr, k->n))
		return KSD_FATAL;
	if (primary)
		set_not_null(t, k);
	return KSD_OK;
}

/* PRIMARY KEY or UNIQUE ... USING INDEX i: the index becomes the
 * constraint's. */
static int key_using_index(struct ksd_extract *x, struct ksd_schema *s, struct ksd_table *t,
                           const char *name, bool primary, struct cur *c)
{
	name_t ixname;
	if (!parse_name(c, ixname))
		return KSD_OK;
	struct ksd_index *ix = ksd_schema_index(s, ixname);
	if (!ix)
		return KSD_OK;
	struct keycols k = {.n = 0};
	for (size_t i = 0; i < ix->nkeys && k.n < MAX_KEY_COLUMNS; i++) {
		size_t n = strcspn(ix->keys[i], " ");
		struct ksd_token tok = {KSD_TOK_IDENT, ix->keys[i], n};
		if (ix->keys[i][0] == '"')
			tok.kind = KSD_TOK_QIDENT;
		if (parse_name_tok(&tok, k.col[k.n])) {
			k.ptr[k.n] = k.col[k.n];
			k.n++;
		}
	}
	int rc = add_key(x, t, name[0] ? name : ixname, primary, &k);
	ksd_catalog_drop_index(s, ixname);
	return rc;
}

/* A table constraint from the cursor (after any CONSTRAINT name). Only
 * PRIMARY KEY and UNIQUE are kept. */
int table_constraint(struct ksd_extract *x, struct ksd_schema *s, struct ksd_table *t,
                     const char *name, struct cur *c)
{
	bool primary = parse_accept_words(c, "primary key");
	if (!primary && !parse_accept(c, "unique"))
		return KSD_OK;
	if (parse_accept(c, "nulls")) {
		parse_accept(c, "not");
		parse_accept(c, "distinct");
	}
	if (parse_accept_words(c, "using index"))
		return key_using_index(x, s, t, name, primary, c);
	struct keycols k;
	if (!key_columns(c, &k))
		return KSD_OK;
	return add_key(x, t, name, primary, &k);
}

/* A column definition from the cursor up to `end`. An existing column of
 * the same name is left alone when `keep_existing`. */
int table_column(struct ksd_extract *x, struct ksd_table *t, struct cur *c, size_t end,
                 bool keep_existing)
{
	name_t name;
	if (!parse_name(c, name))
		return KSD_OK;
	if (keep_existing && ksd_table_column(t, name))
		return KSD_OK;
	size_t type_end = table_scan_to(c, c->i, end, true, NULL);
	const char *type = parse_render_type(&x->out, c, c->i, type_end);
	struct ksd_column *col = ksd_catalog_add_column(x->cat, t, name);
	if (!type || !col)
		return KSD_FATAL;
	size_t idx = (size_t)(col - t->columns);
	if (*type && !(col->type = ksd_catalog_strdup(x->cat, type)))
		return KSD_FATAL;
	c->i = type_end;
	name_t cname = "";
	while (c->i < end) {
		if (parse_accept(c, "constraint")) {
			if (!parse_name(c, cname))
				cname[0] = '\0';
		} else if (parse_accept_words(c, "not null")) {
			t->columns[idx].not_null = true;
		} else if (parse_accept(c, "collate")) {
			name_t schema, coll;
			if (parse_qname(c, schema, coll) &&
			    !(t->columns[idx].collation = ksd_catalog_strdup(x->cat, coll)))
				return KSD_FATAL;
		} else if (parse_accept(c, "default")) {
			size_t from = c->i;
			size_t to = from < end ? table_scan_to(c, from + 1, end, true, NULL) : end;
			const char *expr = parse_render_expr(&x->out, c, from, to, false);
			if (!expr)
				return KSD_FATAL;
			t->columns[idx].default_expr =
			    *expr ? ksd_catalog_strdup(x->cat, expr) : NULL;
			if (*expr && !t->columns[idx].default_expr)
				return KSD_FATAL;
			c->i = to;
		} else if (parse_at(c, "primary") || parse_at(c, "unique")) {
			bool primary = parse_accept_words(c, "primary key");
			if (!primary) {
				c->i++;
				if (parse_accept(c, "nulls")) {
					parse_accept(c, "not");
					parse_accept(c, "distinct");
				}
			}
			struct keycols k = {.n = 1};
			strcpy(k.col[0], name);
			k.ptr[0] = k.col[0];
			if (add_key(x, t, cname, primary, &k) != KSD_OK)
				return KSD_FATAL;
			cname[0] = '\0';
		} else if (parse_accept(c, "generated")) {
			/* BY DEFAULT AS IDENTITY is no column default. */
			parse_accept_words(c, "by default");
		} else if (parse_accept(c, "references")) {
			/* ON DELETE SET NULL / SET DEFAULT are the key's, not the column's. */
			while (c->i < end && !parse_at(c, "constraint") &&
			       !parse_at(c, "primary") && !parse_at(c, "unique") &&
			       !parse_at(c, "check") && !parse_at(c, "collate") &&
			       !parse_at(c, "default") &&
			       !(parse_at(c, "not") && c->i + 1 < end &&
			         parse_is_kw(&c->t[c->i + 1], "null"))) {
				if (parse_accept(c, "set"))
					c->i++;
				else if (!parse_skip_group(c))
					c->i++;
			}
		} else if (!parse_skip_group(c)) {
			c->i++;
		}
	}
	return KSD_OK;
}

int table_create(struct ksd_extract *x, struct cur *c)
{
	bool if_not_exists = parse_accept_words(c, "if not exists");
	name_t schema, name;
	if (!parse_qname(c, schema, name) || !parse_at_kind(c, KSD_TOK_LPAREN))
		return KSD_OK; /* AS SELECT, PARTITION OF, OF type */
	struct ksd_schema *s = session_schema(x, schema);
	if (!s)
		return KSD_FATAL;
	x->cat->any_ddl_seen = true;
	if (if_not_exists && ksd_schema_table(s, name))
		return KSD_OK;
	struct ksd_table *t = ksd_catalog_add_table(x->cat, s, name);
	if (!t)
		return KSD_FATAL;
	size_t close = parse_close(c, c->i);
	size_t i = c->i + 1;
	while (i < close) {
		size_t comma = parse_next_comma(c, i, close);
		struct cur e = {c->t, comma, i};
		int rc = KSD_OK;
		name_t cname = "";
		if (parse_accept(&e, "constraint")) {
			if (parse_name(&e, cname))
				rc = table_constraint(x, s, t, cname, &e);
		} else if (parse_at(&e, "primary") || parse_at(&e, "unique")) {
			rc = table_constraint(x, s, t, cname, &e);
		} else if (!parse_at(&e, "check") && !parse_at(&e, "foreign") &&
		           !parse_at(&e, "exclude") && !parse_at(&e, "like")) {
			rc = table_column(x, t, &e, comma, false);
		}
		if (rc != KSD_OK)
			return rc;
		i = comma + 1;
	}
	return KSD_OK;
}

/* The name part PostgreSQL derives from one index key: the column, the
 * function called, or "expr". */
static void key_name(const struct cur *c, size_t from, size_t to, name_t out)
{
	if (from < to && parse_name_tok(&c->t[from], out)) {
		if (from + 2 < to && c->t[from + 1].kind == KSD_TOK_DOT &&
		    c->t[from + 3 < to ? from + 3 : from].kind == KSD_TOK_LPAREN)
			parse_name_tok(&c->t[from + 2], out);
		return;
	}
	strcpy(out, "expr");
}

int table_create_index(struct ksd_extract *x, struct cur *c, bool unique)
{
	parse_accept(c, "concurrently");
	bool if_not_exists = parse_accept_words(c, "if not exists");
	name_t ixschema, name = "", schema, table, method = "btree";
	if (!parse_at(c, "on") && !parse_qname(c, ixschema, name))
		return KSD_OK;
	if (!parse_accept(c, "on"))
		return KSD_OK;
	parse_accept(c, "only");
	if (!parse_qname(c, schema, table))
		return KSD_OK;
	if (parse_accept(c, "using") && !parse_name(c, method))
		return KSD_OK;
	if (!parse_at_kind(c, KSD_TOK_LPAREN))
		return KSD_OK;
	size_t open = c->i, close = parse_close(c, open);
	if (close >= c->n)
		return KSD_OK;
	struct ksd_schema *s = session_schema(x, schema);
	if (!s)
		return KSD_FATAL;
	if (!name[0]) {
		char cols[NAME_MAX_LEN + 2] = "";
		const char *parts[MAX_KEY_COLUMNS];
		name_t names[MAX_KEY_COLUMNS];
		size_t n = 0;
		for (size_t i = open + 1; i < close && n < MAX_KEY_COLUMNS;) {
			size_t comma = parse_next_comma(c, i, close);
			key_name(c, i, comma, names[n]);
			parts[n] = names[n];
			n++;
			i = comma + 1;
		}
		join_columns(cols, sizeof(cols), parts, n);
		parse_object_name(name, table, cols, "idx");
	}
	if (if_not_exists && ksd_schema_index(s, name))
		return KSD_OK;
	struct ksd_index *ix = ksd_catalog_add_index(x->cat, s, name);
	if (!ix || !(ix->table = ksd_catalog_strdup(x->cat, table)) ||
	    !(ix->method = ksd_catalog_strdup(x->cat, method)))
		return KSD_FATAL;
	ix->unique = unique;
	for (size_t i = open + 1; i < close;) {
		size_t comma = parse_next_comma(c, i, close);
		const char *key = parse_render_expr(&x->out, c, i, comma, true);
		if (!key || ksd_catalog_index_add_key(x->cat, ix, key) != 0)
			return KSD_FATAL;
		i = comma + 1;
	}
	c->i = close + 1;
	while (c->i < c->n && !parse_at(c, "where"))
		if (!parse_skip_group(c))
			c->i++;
	if (parse_accept(c, "where")) {
		const char *pred = parse_render_expr(&x->out, c, c->i, c->n, true);
		if (!pred || (*pred && !(ix->predicate = ksd_catalog_strdup(x->cat, pred))))
			return KSD_FATAL;
	}
	return KSD_OK;
}
