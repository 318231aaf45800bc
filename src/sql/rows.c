/* The rows of `metadata` tables: COPY text-format lines and INSERT ...
 * VALUES statements (--inserts, --column-inserts, --rows-per-insert), and
 * pg_dump's TABLE DATA headers, which say a table was dumped even when it
 * has no rows. Every other table's data only marks that the dump carries
 * data. */
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "sql/stmt.h"

/* Where name and value sit in a row: from the column list when given, else
 * from the table definition, else Kinto's (name, value). */
static void meta_columns(struct ksd_extract *x, const char *schema, const struct cur *c,
                         size_t open, size_t close, int *name_col, int *value_col)
{
	*name_col = *value_col = -1;
	if (open < close) {
		int k = 0;
		for (size_t i = open + 1; i < close; k++) {
			size_t comma = parse_next_comma(c, i, close);
			name_t col;
			if (parse_name_tok(&c->t[i], col)) {
				if (strcmp(col, KSD_METADATA_NAME) == 0)
					*name_col = k;
				else if (strcmp(col, KSD_METADATA_VALUE) == 0)
					*value_col = k;
			}
			i = comma + 1;
		}
		return;
	}
	struct ksd_database *db = session_database(x);
	struct ksd_schema *s = db ? ksd_database_schema(db, session_schema_name(x, schema)) : NULL;
	struct ksd_table *t = s ? ksd_schema_table(s, "metadata") : NULL;
	if (!t || t->ncolumns == 0) {
		*name_col = KSD_METADATA_NAME_COL;
		*value_col = KSD_METADATA_VALUE_COL;
		return;
	}
	for (size_t i = 0; i < t->ncolumns && i < 1024; i++) {
		if (strcmp(t->columns[i].name, KSD_METADATA_NAME) == 0)
			*name_col = (int)i;
		else if (strcmp(t->columns[i].name, KSD_METADATA_VALUE) == 0)
			*value_col = (int)i;
	}
}

void ksd_extract_table_data(struct ksd_extract *x, const char *schema, const char *table)
{
	ksd_extract_note_data(x);
	data_dumped(x, schema, table);
	if (strcmp(table, "metadata") != 0)
		return;
	int name_col, value_col;
	struct cur none = {NULL, 0, 0};
	meta_columns(x, schema, &none, 0, 0, &name_col, &value_col);
	if (name_col < 0 && value_col < 0)
		return; /* some other table called metadata */
	struct ksd_schema *s = session_schema(x, schema);
	if (s)
		s->metadata.data_seen = true;
	else
		x->dump->partial = true;
}

/* Columns of a data block whose names data.c is given: its DATA_* columns
 * sit among the first ones in every Kinto table. */
#define KEPT_COLUMNS 64

/* The column list c->t(open..close) into cols (the first KEPT_COLUMNS);
 * returns how many columns it has. */
static size_t column_list(const struct cur *c, size_t open, size_t close, name_t cols[KEPT_COLUMNS])
{
	size_t n = 0;
	for (size_t i = open + 1; i < close; n++) {
		size_t comma = parse_next_comma(c, i, close);
		if (n < KEPT_COLUMNS && !parse_name_tok(&c->t[i], cols[n]))
			cols[n][0] = '\0';
		i = comma + 1;
	}
	return n;
}

enum ksd_copy_use ksd_extract_copy_begin(struct ksd_extract *x, const char *sql, size_t len)
{
	ksd_extract_note_data(x);
	x->copy_active = false;
	x->data.use = KSD_COPY_SKIP;
	if (!session_lex(x, sql, len))
		return KSD_COPY_SKIP;
	struct cur c = {x->toks, x->ntoks, 0};
	name_t schema, table;
	if (!parse_accept(&c, "copy") || !parse_qname(&c, schema, table))
		return KSD_COPY_SKIP;
	bool meta = strcmp(table, "metadata") == 0;
	size_t open = c.i, close = c.i;
	if (parse_at_kind(&c, KSD_TOK_LPAREN)) {
		close = parse_close(&c, open);
		if (close >= c.n)
			return KSD_COPY_SKIP;
	}
	/* pg_dump only writes the default text format; rows in any other
	 * would be misread, so they are left out and the result is partial. */
	for (size_t i = close; i < c.n; i++) {
		if (parse_is_kw(&c.t[i], "csv") || parse_is_kw(&c.t[i], "binary") ||
		    parse_is_kw(&c.t[i], "delimiter") || parse_is_kw(&c.t[i], "null") ||
		    parse_is_kw(&c.t[i], "format")) {
			x->dump->partial = true;
			return KSD_COPY_SKIP;
		}
	}
	name_t cols[KEPT_COLUMNS];
	size_t ncols = open < close ? column_list(&c, open, close, cols) : 0;
	enum ksd_copy_use use = data_begin(x, schema, table, (const name_t *)cols,
	                                   ncols < KEPT_COLUMNS ? ncols : KEPT_COLUMNS, ncols);
	if (!meta)
		return use;
	meta_columns(x, schema, &c, open, close, &x->copy_name_col, &x->copy_value_col);
	if (x->copy_name_col < 0 && x->copy_value_col < 0)
		return use; /* some other table called metadata */
	if (!x->row && !(x->row = malloc(KSD_MAX_ROW + 1))) {
		x->dump->partial = true;
		return use;
	}
	struct ksd_schema *s = session_schema(x, schema);
	if (!s) {
		x->dump->partial = true;
		return use;
	}
	/* An empty block still says the table was dumped, and empty. */
	s->metadata.data_seen = true;
	strcpy(x->copy_schema, session_schema_name(x, schema));
	x->copy_active = true;
	return KSD_COPY_LINES;
}

/* Decodes one COPY text field s[0..len) into out; returns bytes written
 * (never more than len). */
static size_t copy_field(const char *s, size_t len, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\\' || i + 1 == len) {
			out[o++] = s[i];
			continue;
		}
		i++;
		o += parse_backslash(s, len, &i, true, out + o);
	}
	return o;
}

int ksd_extract_copy_line(struct ksd_extract *x, const char *line, size_t len, struct ksd_err *err)
{
	if (!x->copy_active)
		return KSD_OK;
	if (ksd_extract_copy_is_end(line, len)) {
		x->copy_active = false; /* the reader's ksd_extract_copy_end counts */
		return KSD_OK;
	}
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len > KSD_MAX_ROW)
		len = KSD_MAX_ROW;
	const char *field[2] = {NULL, NULL};
	char *o = x->row;
	int k = 0;
	for (size_t start = 0; start <= len; k++) {
		const char *tab = memchr(line + start, '\t', len - start);
		size_t end = tab ? (size_t)(tab - line) : len;
		int want = k == x->copy_name_col ? 0 : k == x->copy_value_col ? 1 : -1;
		if (want >= 0 &&
		    !(end - start == 2 && line[start] == '\\' && line[start + 1] == 'N')) {
			size_t n = copy_field(line + start, end - start, o);
			o[n] = '\0';
			field[want] = o;
			o += n + 1;
		}
		start = end + 1;
	}
	struct ksd_schema *s = session_schema(x, x->copy_schema);
	if (!s || ksd_catalog_add_meta_row(x->cat, s, field[0], field[1]) != 0)
		return ksd_err_at_line(err, 0, "out of memory");
	return KSD_OK;
}

void ksd_extract_copy_end(struct ksd_extract *x, uint64_t lines)
{
	x->copy_active = false;
	data_end(x, lines);
}

/* A one-token lookahead over the lexer, for statements too long to keep. */
struct stream {
	struct ksd_lexer *lx;
	struct ksd_token t;
	bool have;
};

static bool peek(struct stream *st)
{
	if (!st->have)
		st->have = ksd_lexer_next_sig(st->lx, &st->t);
	return st->have;
}

static void advance(struct stream *st)
{
	st->have = false;
}

static bool accept_kw(struct stream *st, const char *kw)
{
	if (!peek(st) || !parse_is_kw(&st->t, kw))
		return false;
	advance(st);
	return true;
}

static bool accept_kind(struct stream *st, enum ksd_tok kind)
{
	if (!peek(st) || st->t.kind != kind)
		return false;
	advance(st);
	return true;
}

static void skip_statement(struct stream *st)
{
	while (peek(st) && st->t.kind != KSD_TOK_SEMI)
		advance(st);
	advance(st);
}

/* One value expression, to the ',' or ')' that ends it at depth 0. Keeps
 * its text in b (decoded when it is a string literal); *null for NULL. */
static bool value(struct ksd_extract *x, struct stream *st, struct buf *b, bool keep, bool *null)
{
	size_t depth = 0;
	const char *first = NULL, *last_end = NULL;
	struct ksd_token lead = {KSD_TOK_ILLEGAL, NULL, 0};
	while (peek(st)) {
		enum ksd_tok k = st->t.kind;
		if (k == KSD_TOK_SEMI ||
		    (depth == 0 && (k == KSD_TOK_COMMA || k == KSD_TOK_RPAREN)))
			break;
		if (k == KSD_TOK_LPAREN)
			depth++;
		else if (k == KSD_TOK_RPAREN)
			depth--;
		if (!first) {
			first = st->t.s;
			lead = st->t;
		}
		last_end = st->t.s + st->t.len;
		advance(st);
	}
	*null = false;
	if (!keep)
		return true;
	buf_reset(b);
	if (!first || parse_is_kw(&lead, "null") || parse_is_kw(&lead, "default")) {
		*null = true;
		return true;
	}
	if (lead.kind == KSD_TOK_STRING || lead.kind == KSD_TOK_ESTRING)
		return parse_string(b, &lead, x->std_strings, KSD_MAX_ROW);
	/* Numbers, booleans, and expressions a hand-written script may use:
	 * their text is the best we can say. */
	size_t len = (size_t)(last_end - first);
	return buf_append(b, first, len < KSD_MAX_ROW ? len : KSD_MAX_ROW) && buf_cstr(b);
}

/* The DATA_* values of each row of a table's INSERT into data.c. */
static int data_rows(struct ksd_extract *x, struct stream *st, uint64_t *rows)
{
	const struct data_block *d = &x->data;
	while (accept_kind(st, KSD_TOK_LPAREN)) {
		struct data_field f[DATA_NCOLS] = {{NULL, 0, false}};
		for (int k = 0;; k++) {
			int want = -1;
			for (int j = 0; j < DATA_NCOLS && d->use == KSD_COPY_ENDS; j++)
				if (d->col[j] == k)
					want = j;
			bool isnull;
			struct buf *b = &x->vals[want < 0 ? 0 : want];
			if (!value(x, st, b, want >= 0, &isnull))
				return KSD_FATAL;
			if (want >= 0 && !isnull)
				f[want] = (struct data_field){b->data, b->len, true};
			if (!accept_kind(st, KSD_TOK_COMMA))
				break;
		}
		if (!accept_kind(st, KSD_TOK_RPAREN))
			break; /* cut or malformed: no row */
		(*rows)++;
		if (d->use == KSD_COPY_ENDS && data_row(x, f) != KSD_OK)
			return KSD_FATAL;
		if (!accept_kind(st, KSD_TOK_COMMA))
			break;
	}
	return KSD_OK;
}

/* INTO and the table's name, [[database.]schema.]table, into parts; the
 * number of parts, 0 when the statement names no table. */
static size_t insert_target(struct stream *st, name_t parts[3])
{
	size_t n = 0;
	if (!accept_kw(st, "into") || !peek(st) || !parse_name_tok(&st->t, parts[n++]))
		return 0;
	advance(st);
	while (n < 3 && accept_kind(st, KSD_TOK_DOT) && peek(st) &&
	       parse_name_tok(&st->t, parts[n])) {
		advance(st);
		n++;
	}
	return n;
}

/* Whether an INSERT into schema.table carries rows we read. */
static bool insert_wanted(struct ksd_extract *x, const char *schema, const char *table)
{
	return strcmp(table, "metadata") == 0 || ksd_extract_wants_data(x, schema, table);
}

bool ksd_extract_insert_skips(struct ksd_extract *x, const char *head, size_t len)
{
	struct ksd_lexer lx;
	ksd_lexer_init(&lx, head, len, x->std_strings);
	struct stream st = {&lx, {KSD_TOK_ILLEGAL, NULL, 0}, false};
	name_t parts[3];
	if (!accept_kw(&st, "insert"))
		return false;
	size_t n = insert_target(&st, parts);
	accept_kw(&st, "values");
	if (n == 0 || peek(&st) || insert_wanted(x, n > 1 ? parts[n - 2] : "", parts[n - 1]))
		return false;
	ksd_extract_note_data(x);
	return true;
}

int rows_insert(struct ksd_extract *x, struct ksd_lexer *lx)
{
	struct stream st = {lx, {KSD_TOK_ILLEGAL, NULL, 0}, false};
	ksd_extract_note_data(x);
	name_t parts[3];
	size_t n = insert_target(&st, parts);
	if (n == 0) {
		skip_statement(&st);
		return KSD_OK;
	}
	const char *schema = n > 1 ? parts[n - 2] : "", *table = parts[n - 1];
	bool meta = strcmp(table, "metadata") == 0;
	if (!insert_wanted(x, schema, table)) {
		skip_statement(&st); /* as fast as before anything was counted */
		return KSD_OK;
	}
	if (accept_kw(&st, "as"))
		advance(&st);
	name_t cols[KEPT_COLUMNS];
	size_t ncols = 0;
	if (accept_kind(&st, KSD_TOK_LPAREN)) {
		bool named = false;
		for (; peek(&st) && st.t.kind != KSD_TOK_RPAREN && st.t.kind != KSD_TOK_SEMI;
		     advance(&st)) {
			if (st.t.kind == KSD_TOK_COMMA) {
				named = false;
			} else if (!named) {
				if (ncols < KEPT_COLUMNS && !parse_name_tok(&st.t, cols[ncols]))
					cols[ncols][0] = '\0';
				ncols++;
				named = true;
			}
		}
		accept_kind(&st, KSD_TOK_RPAREN);
	}
	int name_col = -1, value_col = -1;
	if (meta && ncols) {
		for (size_t k = 0; k < ncols && k < KEPT_COLUMNS; k++) {
			if (strcmp(cols[k], KSD_METADATA_NAME) == 0)
				name_col = (int)k;
			else if (strcmp(cols[k], KSD_METADATA_VALUE) == 0)
				value_col = (int)k;
		}
	} else if (meta) {
		struct cur none = {NULL, 0, 0};
		meta_columns(x, schema, &none, 0, 0, &name_col, &value_col);
	}
	if (accept_kw(&st, "overriding")) {
		advance(&st);
		advance(&st);
	}
	enum ksd_copy_use use = data_begin(x, schema, table, (const name_t *)cols,
	                                   ncols < KEPT_COLUMNS ? ncols : KEPT_COLUMNS, ncols);
	if (!accept_kw(&st, "values") ||
	    (meta ? name_col < 0 && value_col < 0 && use == KSD_COPY_SKIP : use == KSD_COPY_SKIP)) {
		data_end(x, 0);
		skip_statement(&st);
		return KSD_OK;
	}
	uint64_t rows = 0;
	if (!meta || (name_col < 0 && value_col < 0)) {
		int rc = data_rows(x, &st, &rows);
		data_end(x, rows);
		skip_statement(&st);
		return rc;
	}
	struct ksd_schema *s = session_schema(x, schema);
	if (!s)
		return KSD_FATAL;
	s->metadata.data_seen = true;
	while (accept_kind(&st, KSD_TOK_LPAREN)) {
		bool null[2] = {true, true};
		for (int k = 0;; k++) {
			int want = k == name_col ? 0 : k == value_col ? 1 : -1;
			bool isnull;
			if (!value(x, &st, &x->vals[want < 0 ? 0 : want], want >= 0, &isnull))
				return KSD_FATAL;
			if (want >= 0)
				null[want] = isnull;
			if (!accept_kind(&st, KSD_TOK_COMMA))
				break;
		}
		if (!accept_kind(&st, KSD_TOK_RPAREN))
			break; /* cut or malformed: no row */
		rows++;
		/* Re-find the schema: adding rows never moves schemas, but be safe. */
		if (!(s = session_schema(x, schema)) ||
		    ksd_catalog_add_meta_row(x->cat, s, null[0] ? NULL : x->vals[0].data,
		                             null[1] ? NULL : x->vals[1].data) != 0)
			return KSD_FATAL;
		if (!accept_kind(&st, KSD_TOK_COMMA))
			break;
	}
	data_end(x, rows);
	skip_statement(&st);
	return KSD_OK;
}
