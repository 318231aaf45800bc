/* The extractor's session: its life, the switches readers make (database,
 * archive namespace), where unqualified names resolve, and the token store.
 * The statements that change it (SET, COPY) are handled above it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sql/session.h"

struct ksd_extract *ksd_extract_new(struct ksd_catalog *cat, struct ksd_dump *dump, bool count_rows)
{
	struct ksd_extract *x = calloc(1, sizeof(*x));
	if (!x)
		return NULL;
	x->cat = cat;
	x->dump = dump;
	x->count_rows = count_rows;
	x->std_strings = true;
	x->copy_name_col = x->copy_value_col = -1;
	buf_init(&x->out, SIZE_MAX);
	for (int i = 0; i < DATA_NCOLS; i++)
		buf_init(&x->vals[i], SIZE_MAX);
	return x;
}

void ksd_extract_free(struct ksd_extract *x)
{
	if (!x)
		return;
	free(x->dbname);
	free(x->toks);
	free(x->row);
	free(x->twins.pool);
	free(x->twins.slots);
	buf_free(&x->out);
	for (int i = 0; i < DATA_NCOLS; i++)
		buf_free(&x->vals[i]);
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
	x->twins.table[0] = '\0'; /* another database's rows */
}

void ksd_extract_set_namespace(struct ksd_extract *x, const char *schema)
{
	set_name(x->ns, schema);
}

bool ksd_extract_std_strings(const struct ksd_extract *x)
{
	return x->std_strings;
}

void ksd_extract_note_data(struct ksd_extract *x)
{
	x->cat->any_data_seen = true;
}

struct ksd_database *session_database(struct ksd_extract *x)
{
	return ksd_catalog_database(x->cat, x->dbname);
}

const char *session_schema_name(const struct ksd_extract *x, const char *qual)
{
	if (qual && *qual)
		return qual;
	if (x->search[0])
		return x->search;
	if (x->ns[0])
		return x->ns;
	return "public";
}

struct ksd_schema *session_schema(struct ksd_extract *x, const char *qual)
{
	struct ksd_database *db = session_database(x);
	return db ? ksd_catalog_schema(x->cat, db, session_schema_name(x, qual)) : NULL;
}

struct ksd_schema *session_find_schema(struct ksd_extract *x, const char *qual)
{
	for (size_t i = 0; i < x->cat->ndatabases; i++) {
		struct ksd_database *db = &x->cat->databases[i];
		if (db->name == x->dbname ||
		    (db->name && x->dbname && strcmp(db->name, x->dbname) == 0))
			return ksd_database_schema(db, session_schema_name(x, qual));
	}
	return NULL;
}

bool session_push(struct ksd_extract *x, const struct ksd_token *t)
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

bool session_lex(struct ksd_extract *x, const char *sql, size_t len)
{
	struct ksd_lexer lx;
	struct ksd_token t;
	ksd_lexer_init(&lx, sql, len, x->std_strings);
	x->ntoks = 0;
	while (ksd_lexer_next_sig(&lx, &t) && t.kind != KSD_TOK_SEMI)
		if (!session_push(x, &t))
			return false;
	return true;
}
