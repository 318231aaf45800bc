/* Fingerprint rows against one schema, and the versions each observation
 * allows. Function bodies are compared as normalised text with PCRE2, so
 * comments, spacing, case and pg_dump's rendering do not matter; each
 * pattern is compiled once per process. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "infer/infer.h"
#include "ksd_infer.h"
#include "ksd_limits.h"

static bool punct(char c)
{
	return c && strchr("(),;=<>:+*/|", c) != NULL;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

struct out {
	char *p;
	size_t len, cap;
	bool pending; /* whitespace or a comment was skipped */
};

static void emit(struct out *o, char c)
{
	if (o->len + 1 >= o->cap)
		return;
	if (o->pending && o->len > 0 && !punct(c) && !punct(o->p[o->len - 1]))
		o->p[o->len++] = ' ';
	o->pending = false;
	if (o->len + 1 < o->cap)
		o->p[o->len++] = lower(c);
}

size_t ksd_normalise_body(const char *body, char *out, size_t cap)
{
	struct out o = {out, 0, cap, false};
	if (cap == 0)
		return 0;
	const char *s = body;
	while (*s) {
		if (space(*s)) {
			o.pending = true;
			s++;
		} else if (s[0] == '-' && s[1] == '-') {
			while (*s && *s != '\n')
				s++;
			o.pending = true;
		} else if (s[0] == '/' && s[1] == '*') {
			int depth = 0;
			do {
				if (s[0] == '/' && s[1] == '*')
					depth++, s += 2;
				else if (s[0] == '*' && s[1] == '/')
					depth--, s += 2;
				else
					s++;
			} while (*s && depth > 0);
			o.pending = true;
		} else if (*s == '\'' || *s == '"') {
			/* Literals and quoted names keep their comment-like text; a
			 * doubled quote stays inside. */
			char q = *s;
			emit(&o, *s++);
			while (*s) {
				if (*s == q && s[1] == q) {
					emit(&o, *s++);
					emit(&o, *s++);
				} else if (*s == q) {
					emit(&o, *s++);
					break;
				} else {
					emit(&o, *s++);
				}
			}
		} else {
			emit(&o, *s++);
		}
	}
	out[o.len] = '\0';
	return o.len;
}

static pcre2_code *codes[KSD_MAX_FEATURES];
static bool compiled[KSD_MAX_FEATURES];
static pcre2_match_context *mctx;

/* The row's compiled pattern, or NULL when it does not compile (a bug in the
 * table, caught by the unit tests) or memory is short. */
static pcre2_code *pattern(size_t i)
{
	if (!compiled[i]) {
		int errcode;
		PCRE2_SIZE erroff;
		compiled[i] = true;
		codes[i] = pcre2_compile((PCRE2_SPTR)ksd_features[i].pattern, PCRE2_ZERO_TERMINATED,
		                         0, &errcode, &erroff, NULL);
	}
	if (!mctx) {
		/* Our patterns are simple; the cap only guards against a body
		 * crafted to make one of them backtrack for ever. */
		mctx = pcre2_match_context_create(NULL);
		if (mctx) {
			pcre2_set_match_limit(mctx, 1000000);
			pcre2_set_depth_limit(mctx, 10000);
		}
	}
	return codes[i];
}

/* PRESENT or ABSENT when the pattern of row i matched or not; UNKNOWN when it
 * could not be run. */
static enum ksd_obs search(size_t i, const char *text, size_t len)
{
	pcre2_code *re = pattern(i);
	if (!re)
		return KSD_OBS_UNKNOWN;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	if (!md)
		return KSD_OBS_UNKNOWN;
	int rc = pcre2_match(re, (PCRE2_SPTR)text, len, 0, 0, md, mctx);
	pcre2_match_data_free(md);
	if (rc >= 0)
		return KSD_OBS_PRESENT;
	return rc == PCRE2_ERROR_NOMATCH ? KSD_OBS_ABSENT : KSD_OBS_UNKNOWN;
}

/* Short catalog strings (types, defaults) normalised like bodies. */
static enum ksd_obs search_short(size_t i, const char *text)
{
	char buf[1024];
	if (!text)
		return KSD_OBS_ABSENT;
	if (strlen(text) >= sizeof(buf))
		return KSD_OBS_UNKNOWN;
	size_t len = ksd_normalise_body(text, buf, sizeof(buf));
	return search(i, buf, len);
}

static const struct ksd_trigger *trigger_on(const struct ksd_schema *s, const char *name,
                                            const char *table)
{
	for (size_t i = 0; i < s->ntriggers; i++)
		if (strcmp(s->triggers[i].name, name) == 0 &&
		    (!table || (s->triggers[i].table && strcmp(s->triggers[i].table, table) == 0)))
			return &s->triggers[i];
	return NULL;
}

const struct ksd_function *ksd_function_among(const struct ksd_schema *s, const char *names)
{
	char name[64];
	const char *p = names;
	while (*p) {
		size_t n = strcspn(p, "|");
		if (n < sizeof(name)) {
			memcpy(name, p, n);
			name[n] = '\0';
			const struct ksd_function *f = ksd_schema_function(s, name);
			if (f)
				return f;
		}
		p += n;
		if (*p == '|')
			p++;
	}
	return NULL;
}

static bool collated_c(const char *coll)
{
	return coll && (strcmp(coll, "C") == 0 || strcmp(coll, "pg_catalog.C") == 0 ||
	                strcmp(coll, "pg_catalog.\"C\"") == 0 || strcmp(coll, "\"C\"") == 0);
}

struct bodies {
	const struct ksd_function *fn[8];
	char *text[8];
	size_t len[8];
	size_t n;
	bool oom;
};

/* The normalised body of f, computed once per schema. */
static const char *normalised(struct bodies *b, const struct ksd_function *f, size_t *len)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->fn[i] == f) {
			*len = b->len[i];
			return b->text[i];
		}
	if (b->n == sizeof(b->fn) / sizeof(b->fn[0]))
		return NULL;
	size_t in = strlen(f->body);
	char *t = malloc(in + 1);
	if (!t) {
		b->oom = true;
		return NULL;
	}
	b->fn[b->n] = f;
	b->text[b->n] = t;
	b->len[b->n] = ksd_normalise_body(f->body, t, in + 1);
	*len = b->len[b->n];
	return b->text[b->n++];
}

static enum ksd_obs observe(size_t i, const struct ksd_schema *s, struct bodies *bodies)
{
	const struct ksd_feature *f = &ksd_features[i];
	const struct ksd_table *t = NULL;
	if (f->table && !(t = ksd_schema_table(s, f->table)))
		return KSD_OBS_UNKNOWN;
	const struct ksd_column *c = NULL;
	const struct ksd_function *fn = NULL;
	const struct ksd_trigger *tg = NULL;
	switch (f->kind) {
	case KSD_F_TABLE:
		return ksd_schema_table(s, f->name) ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	case KSD_F_COLUMN:
		return t && ksd_table_column(t, f->name) ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	case KSD_F_COLUMN_TYPE:
	case KSD_F_COLUMN_DEFAULT:
	case KSD_F_COLUMN_NOT_NULL:
	case KSD_F_COLUMN_COLLATE_C:
		if (!t || !(c = ksd_table_column(t, f->name)))
			return KSD_OBS_UNKNOWN;
		if (f->kind == KSD_F_COLUMN_TYPE)
			return c->type ? search_short(i, c->type) : KSD_OBS_UNKNOWN;
		if (f->kind == KSD_F_COLUMN_DEFAULT)
			return search_short(i, c->default_expr);
		if (f->kind == KSD_F_COLUMN_NOT_NULL)
			return c->not_null ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
		return collated_c(c->collation) ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	case KSD_F_PRIMARY_KEY:
		for (size_t k = 0; t && k < t->nconstraints; k++)
			if (t->constraints[k].kind == KSD_CONS_PRIMARY_KEY)
				return KSD_OBS_PRESENT;
		return KSD_OBS_ABSENT;
	case KSD_F_CONSTRAINT:
		for (size_t k = 0; t && k < t->nconstraints; k++)
			if (t->constraints[k].name && strcmp(t->constraints[k].name, f->name) == 0)
				return KSD_OBS_PRESENT;
		return KSD_OBS_ABSENT;
	case KSD_F_INDEX: {
		const struct ksd_index *ix = ksd_schema_index(s, f->name);
		return ix && ksd_index_is_kintos(i, ix) ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	}
	case KSD_F_FUNCTION:
		return ksd_schema_function(s, f->name) ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	case KSD_F_IMMUTABLE:
		if (!(fn = ksd_schema_function(s, f->name)))
			return KSD_OBS_UNKNOWN;
		return fn->volatility == KSD_IMMUTABLE ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	case KSD_F_BODY: {
		if (!(fn = ksd_function_among(s, f->name)) || !fn->body || !*fn->body)
			return KSD_OBS_UNKNOWN;
		size_t len;
		const char *text = normalised(bodies, fn, &len);
		if (!text)
			return KSD_OBS_UNKNOWN;
		enum ksd_obs o = search(i, text, len);
		/* A cut body proves nothing by what it lacks. */
		if (o == KSD_OBS_ABSENT && fn->body_len > strlen(fn->body))
			return KSD_OBS_UNKNOWN;
		return o;
	}
	case KSD_F_TRIGGER:
		return trigger_on(s, f->name, f->table) ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
	case KSD_F_TRIGGER_UPDATE:
	case KSD_F_TRIGGER_UPDATE_OF:
		if (!(tg = trigger_on(s, f->name, f->table)))
			return KSD_OBS_UNKNOWN;
		if (f->kind == KSD_F_TRIGGER_UPDATE)
			return tg->events & KSD_TRG_UPDATE ? KSD_OBS_PRESENT : KSD_OBS_ABSENT;
		return (tg->events & KSD_TRG_UPDATE) && tg->nupdate_columns > 0 ? KSD_OBS_PRESENT
		                                                                : KSD_OBS_ABSENT;
	}
	return KSD_OBS_UNKNOWN;
}

/* "[unique ]method(keys)[where predicate]", normalised as bodies are, into
 * `buf`; false when it does not fit. */
static bool index_definition(const struct ksd_index *ix, char *buf, size_t cap, size_t *len)
{
	char raw[1024];
	size_t n = 0;
	int w = snprintf(raw, sizeof(raw), "%s%s (", ix->unique ? "unique " : "",
	                 ix->method ? ix->method : "btree");
	for (size_t k = 0; w > 0 && (size_t)w < sizeof(raw) - n && k < ix->nkeys; k++) {
		n += (size_t)w;
		w = snprintf(raw + n, sizeof(raw) - n, "%s%s", k ? ", " : "", ix->keys[k]);
	}
	if (w > 0 && (size_t)w < sizeof(raw) - n) {
		n += (size_t)w;
		w = snprintf(raw + n, sizeof(raw) - n, ")%s%s", ix->predicate ? " where " : "",
		             ix->predicate ? ix->predicate : "");
	}
	if (w < 0 || (size_t)w >= sizeof(raw) - n)
		return false;
	*len = ksd_normalise_body(raw, buf, cap);
	return true;
}

bool ksd_index_is_kintos(size_t feature, const struct ksd_index *ix)
{
	const struct ksd_feature *f = &ksd_features[feature];
	if (f->table && (!ix->table || strcmp(ix->table, f->table) != 0))
		return false;
	if (!f->pattern)
		return true;
	char def[1024];
	size_t len;
	/* A definition too long to compare is not one of Kinto's short ones. */
	return index_definition(ix, def, sizeof(def), &len) &&
	       search(feature, def, len) == KSD_OBS_PRESENT;
}

bool ksd_match_schema(const struct ksd_schema *s, enum ksd_obs obs[KSD_MAX_FEATURES])
{
	struct bodies bodies = {.n = 0};
	for (size_t i = 0; i < ksd_nfeatures; i++)
		obs[i] = observe(i, s, &bodies);
	for (size_t i = 0; i < bodies.n; i++)
		free(bodies.text[i]);
	if (bodies.oom) {
		for (size_t i = 0; i < ksd_nfeatures; i++)
			obs[i] = KSD_OBS_UNKNOWN;
		return false;
	}
	return true;
}

ksd_vset ksd_feature_allows(const struct ksd_feature *f, enum ksd_obs o,
                            const enum ksd_obs obs[KSD_MAX_FEATURES])
{
	ksd_vset all = f->backend == KSD_STORAGE ? KSD_STORAGE_ALL : KSD_PERMISSION_ALL;
	ksd_vset tol = f->tolerate;
	if (f->tolerate_if) {
		size_t j = ksd_feature_index(f->tolerate_if);
		if (j == ksd_nfeatures || obs[j] != KSD_OBS_PRESENT)
			tol = 0;
	}
	switch (o) {
	case KSD_OBS_PRESENT:
		return (f->expect | tol) & all;
	case KSD_OBS_ABSENT:
		return (~f->expect | tol) & all;
	default:
		return all;
	}
}
