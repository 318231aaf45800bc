/* Functions and triggers: CREATE [OR REPLACE] FUNCTION (arguments, return
 * type, language, volatility, body) and CREATE [CONSTRAINT] TRIGGER. */
#include <stdint.h>
#include <string.h>

#include "ksd_err.h"
#include "ksd_limits.h"
#include "sql/stmt.h"

/* Words that start a function option, ending a RETURNS type or SET value. */
static bool option_kw(const struct ksd_token *t)
{
	static const char *const kws[] = {
	    "language", "immutable", "stable",    "volatile", "strict",    "called", "returns",
	    "security", "external",  "leakproof", "not",      "parallel",  "cost",   "rows",
	    "support",  "set",       "as",        "window",   "transform", "begin",  "return"};
	return parse_is_one_of(t, kws, sizeof(kws) / sizeof(kws[0]));
}

static size_t to_option(const struct cur *c, size_t i)
{
	size_t depth = 0;
	for (; i < c->n; i++) {
		enum ksd_tok k = c->t[i].kind;
		if (k == KSD_TOK_LPAREN)
			depth++;
		else if (k == KSD_TOK_RPAREN && depth > 0)
			depth--;
		else if (depth == 0 && option_kw(&c->t[i]))
			return i;
	}
	return c->n;
}

/* "name type, name type" from the argument list (open, close). */
static const char *render_args(struct ksd_extract *x, const struct cur *c, size_t open,
                               size_t close)
{
	struct buf args;
	buf_init(&args, SIZE_MAX);
	for (size_t i = open + 1; i < close;) {
		size_t comma = parse_next_comma(c, i, close);
		const char *arg = parse_render_type(&x->out, c, i, comma);
		if (!arg)
			break;
		if (args.len > 0)
			buf_append(&args, ", ", 2);
		buf_append(&args, arg, strlen(arg));
		i = comma + 1;
	}
	const char *copy =
	    buf_cstr(&args) && !args.oom ? ksd_catalog_strdup(x->cat, args.data) : NULL;
	buf_free(&args);
	return copy;
}

/* Stores a body, CRLF line ends made LF so that a dump that went through
 * Windows tools reads the same; body_len is the whole body's length. */
static int set_body(struct ksd_extract *x, struct ksd_function *f, const char *s, size_t len)
{
	size_t keep = len < KSD_MAX_BODY ? len : KSD_MAX_BODY;
	char *body = (char *)ksd_catalog_strndup(x->cat, s, keep);
	if (!body)
		return KSD_FATAL;
	size_t o = 0;
	for (size_t i = 0; i < keep; i++)
		if (!(body[i] == '\r' && i + 1 < keep && body[i + 1] == '\n'))
			body[o++] = body[i];
	body[o] = '\0';
	size_t pairs = 0;
	for (const char *p = s; (p = memchr(p, '\r', (size_t)(s + len - p))) != NULL; p++)
		if (p + 1 < s + len && p[1] == '\n')
			pairs++;
	f->body = body;
	f->body_len = len - pairs;
	return KSD_OK;
}

static int literal_body(struct ksd_extract *x, struct ksd_function *f, const struct ksd_token *t)
{
	if (t->kind == KSD_TOK_DOLLAR) {
		size_t tag = ksd_token_dollar_tag(t);
		return set_body(x, f, t->s + tag, t->len - 2 * tag);
	}
	if (!parse_string(&x->out, t, x->std_strings, KSD_MAX_BODY + 1))
		return x->out.oom ? KSD_FATAL : KSD_OK;
	bool cut = x->out.len > KSD_MAX_BODY;
	if (set_body(x, f, x->out.data, x->out.len) != KSD_OK)
		return KSD_FATAL;
	/* A cut body reports its length in the dump. */
	if (cut)
		f->body_len = t->len;
	return KSD_OK;
}

int routine_function(struct ksd_extract *x, struct cur *c)
{
	name_t schema, name;
	if (!parse_qname(c, schema, name) || !parse_at_kind(c, KSD_TOK_LPAREN))
		return KSD_OK;
	size_t open = c->i, close = parse_close(c, open);
	if (close >= c->n)
		return KSD_OK;
	const char *args = render_args(x, c, open, close);
	struct ksd_schema *s = session_schema(x, schema);
	struct ksd_function *f = s && args ? ksd_catalog_add_function(x->cat, s, name, args) : NULL;
	if (!f)
		return KSD_FATAL;
	f->volatility = KSD_VOLATILE;
	c->i = close + 1;
	while (c->i < c->n) {
		const struct ksd_token *t = &c->t[c->i];
		if (parse_accept(c, "returns")) {
			if (parse_at(c, "null")) /* RETURNS NULL ON NULL INPUT */
				continue;
			size_t to = to_option(c, c->i);
			const char *type = parse_render_type(&x->out, c, c->i, to);
			if (!type || !(f->returns = ksd_catalog_strdup(x->cat, type)))
				return KSD_FATAL;
			c->i = to;
		} else if (parse_accept(c, "language")) {
			name_t lang;
			if (parse_at_kind(c, KSD_TOK_STRING)) {
				/* Old dumps quote it: 'plpgsql' folds like a name. */
				const struct ksd_token *q = &c->t[c->i++];
				struct ksd_token bare = {KSD_TOK_IDENT, q->s + 1, q->len - 2};
				if (!parse_name_tok(&bare, lang))
					continue;
			} else if (!parse_name(c, lang)) {
				continue;
			}
			if (!(f->language = ksd_catalog_strdup(x->cat, lang)))
				return KSD_FATAL;
		} else if (parse_accept(c, "immutable")) {
			f->volatility = KSD_IMMUTABLE;
		} else if (parse_accept(c, "stable")) {
			f->volatility = KSD_STABLE;
		} else if (parse_accept(c, "volatile")) {
			f->volatility = KSD_VOLATILE;
		} else if (parse_accept(c, "as")) {
			if (c->i < c->n && literal_body(x, f, &c->t[c->i]) != KSD_OK)
				return KSD_FATAL;
			c->i++;
		} else if (parse_is_kw(t, "begin") || parse_is_kw(t, "return")) {
			/* A SQL-standard body runs to the end of the statement. */
			const struct ksd_token *last = &c->t[c->n - 1];
			size_t len = (size_t)(last->s + last->len - t->s);
			if (set_body(x, f, t->s, len) != KSD_OK)
				return KSD_FATAL;
			c->i = c->n;
		} else if (parse_accept(c, "set")) {
			c->i = to_option(c, c->i + 1);
		} else {
			c->i++;
		}
	}
	return KSD_OK;
}

int routine_trigger(struct ksd_extract *x, struct cur *c)
{
	name_t name, schema, table, fschema, fn;
	if (!parse_name(c, name))
		return KSD_OK;
	enum ksd_trigger_timing timing;
	if (parse_accept(c, "before"))
		timing = KSD_TRG_BEFORE;
	else if (parse_accept(c, "after"))
		timing = KSD_TRG_AFTER;
	else if (parse_accept_words(c, "instead of"))
		timing = KSD_TRG_INSTEAD_OF;
	else
		return KSD_OK;
	unsigned events = 0;
	size_t of_from = 0, of_to = 0;
	do {
		if (parse_accept(c, "insert")) {
			events |= KSD_TRG_INSERT;
		} else if (parse_accept(c, "update")) {
			events |= KSD_TRG_UPDATE;
			if (parse_accept(c, "of")) {
				of_from = c->i;
				while (c->i < c->n && !parse_at(c, "or") && !parse_at(c, "on"))
					c->i++;
				of_to = c->i;
			}
		} else if (parse_accept(c, "delete")) {
			events |= KSD_TRG_DELETE;
		} else if (parse_accept(c, "truncate")) {
			events |= KSD_TRG_TRUNCATE;
		} else {
			return KSD_OK;
		}
	} while (parse_accept(c, "or"));
	if (!parse_accept(c, "on") || !parse_qname(c, schema, table))
		return KSD_OK;
	bool row = false;
	while (c->i < c->n && !parse_at(c, "execute")) {
		if (parse_accept(c, "row"))
			row = true;
		else if (!parse_skip_group(c))
			c->i++;
	}
	if (!parse_accept(c, "execute") ||
	    !(parse_accept(c, "function") || parse_accept(c, "procedure")) ||
	    !parse_qname(c, fschema, fn))
		return KSD_OK;
	struct ksd_schema *s = session_schema(x, schema);
	struct ksd_trigger *tg = s ? ksd_catalog_add_trigger(x->cat, s, name, table) : NULL;
	if (!tg || !(tg->function = ksd_catalog_strdup(x->cat, fn)))
		return KSD_FATAL;
	tg->timing = timing;
	tg->events = events;
	tg->for_each_row = row;
	for (size_t i = of_from; i < of_to; i++) {
		name_t col;
		if (parse_name_tok(&c->t[i], col) &&
		    ksd_catalog_trigger_add_update_column(x->cat, tg, col) != 0)
			return KSD_FATAL;
	}
	return KSD_OK;
}
