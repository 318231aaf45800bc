/* The statements that change how the rest of a dump reads: SET search_path
 * and standard_conforming_strings, pg_dump's SELECT set_config() for the
 * search_path, and RESET. */
#include <string.h>
#include <strings.h>

#include "sql/stmt.h"

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
			const char *p = x->out.data;
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
int setting_set(struct ksd_extract *x, struct cur *c)
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
		if (!x->std_strings)
			x->dump->prov.std_strings_off = true;
	}
	return KSD_OK;
}

/* SELECT pg_catalog.set_config('search_path', 'value', false) */
int setting_select(struct ksd_extract *x, struct cur *c)
{
	name_t schema, fn;
	if (!parse_qname(c, schema, fn) || strcmp(fn, "set_config") != 0 ||
	    (schema[0] && strcmp(schema, "pg_catalog") != 0) ||
	    !parse_accept_kind(c, KSD_TOK_LPAREN) || !parse_at_kind(c, KSD_TOK_STRING))
		return KSD_OK;
	if (!parse_string(&x->out, &c->t[c->i], x->std_strings, 64))
		return KSD_FATAL;
	if (strcmp(x->out.data, "search_path") != 0)
		return KSD_OK;
	c->i++;
	if (!parse_accept_kind(c, KSD_TOK_COMMA) || !parse_at_kind(c, KSD_TOK_STRING))
		return KSD_OK;
	struct cur value = {c->t + c->i, 1, 0};
	return search_path_value(x, &value);
}

/* RESET search_path | RESET ALL */
int setting_reset(struct ksd_extract *x, struct cur *c)
{
	if (parse_accept(c, "search_path") || parse_accept(c, "all"))
		x->search[0] = '\0';
	return KSD_OK;
}
