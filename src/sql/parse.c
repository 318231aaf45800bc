/* Cursor movement, PostgreSQL name folding, literal decoding and the two
 * renderings (types, expressions) the catalog stores. */
#include <string.h>
#include <strings.h>

#include "sql/parse.h"

bool parse_is_kw(const struct ksd_token *t, const char *kw)
{
	size_t n = strlen(kw);
	return t->kind == KSD_TOK_IDENT && t->len == n && strncasecmp(t->s, kw, n) == 0;
}

bool parse_is_one_of(const struct ksd_token *t, const char *const *kws, size_t n)
{
	if (t->kind != KSD_TOK_IDENT)
		return false;
	for (size_t i = 0; i < n; i++)
		if (parse_is_kw(t, kws[i]))
			return true;
	return false;
}

bool parse_at(const struct cur *c, const char *kw)
{
	return c->i < c->n && parse_is_kw(&c->t[c->i], kw);
}

bool parse_at_kind(const struct cur *c, enum ksd_tok kind)
{
	return c->i < c->n && c->t[c->i].kind == kind;
}

bool parse_accept(struct cur *c, const char *kw)
{
	if (!parse_at(c, kw))
		return false;
	c->i++;
	return true;
}

bool parse_accept_kind(struct cur *c, enum ksd_tok kind)
{
	if (!parse_at_kind(c, kind))
		return false;
	c->i++;
	return true;
}

bool parse_accept_words(struct cur *c, const char *words)
{
	size_t i = c->i;
	const char *w = words;
	while (*w) {
		size_t n = strcspn(w, " ");
		if (i >= c->n || c->t[i].kind != KSD_TOK_IDENT || c->t[i].len != n ||
		    strncasecmp(c->t[i].s, w, n) != 0)
			return false;
		i++;
		w += n;
		while (*w == ' ')
			w++;
	}
	c->i = i;
	return true;
}

size_t parse_close(const struct cur *c, size_t i)
{
	size_t depth = 0;
	for (; i < c->n; i++) {
		enum ksd_tok k = c->t[i].kind;
		if (k == KSD_TOK_LPAREN || k == KSD_TOK_LBRACKET)
			depth++;
		else if ((k == KSD_TOK_RPAREN || k == KSD_TOK_RBRACKET) && depth > 0 &&
		         --depth == 0)
			return i;
	}
	return c->n;
}

bool parse_skip_group(struct cur *c)
{
	if (!parse_at_kind(c, KSD_TOK_LPAREN))
		return false;
	size_t close = parse_close(c, c->i);
	c->i = close < c->n ? close + 1 : c->n;
	return true;
}

size_t parse_next_comma(const struct cur *c, size_t i, size_t end)
{
	size_t depth = 0;
	for (; i < end; i++) {
		enum ksd_tok k = c->t[i].kind;
		if (k == KSD_TOK_LPAREN || k == KSD_TOK_LBRACKET)
			depth++;
		else if ((k == KSD_TOK_RPAREN || k == KSD_TOK_RBRACKET) && depth > 0)
			depth--;
		else if (k == KSD_TOK_COMMA && depth == 0)
			return i;
	}
	return end;
}

/* Cuts s to at most 63 bytes without splitting a UTF-8 character. */
static size_t clip(const char *s, size_t len)
{
	if (len <= NAME_MAX_LEN)
		return len;
	len = NAME_MAX_LEN;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	return len;
}

bool parse_name_tok(const struct ksd_token *t, name_t out)
{
	size_t n = 0;
	if (t->kind == KSD_TOK_IDENT) {
		n = clip(t->s, t->len);
		for (size_t i = 0; i < n; i++) {
			char ch = t->s[i];
			out[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
	} else if (t->kind == KSD_TOK_QIDENT) {
		const char *s = t->s, *end = t->s + t->len - 1;
		s += *s == '"' ? 1 : 3; /* "x" or U&"x" */
		char tmp[2 * NAME_MAX_LEN + 2];
		size_t m = 0;
		for (; s < end && m < sizeof(tmp); s++) {
			tmp[m++] = *s;
			if (*s == '"')
				s++; /* the second of a doubled quote */
		}
		n = clip(tmp, m);
		memcpy(out, tmp, n);
	} else {
		return false;
	}
	out[n] = '\0';
	return n > 0 && memchr(out, '\0', n) == NULL;
}

bool parse_name(struct cur *c, name_t out)
{
	if (c->i >= c->n || !parse_name_tok(&c->t[c->i], out))
		return false;
	c->i++;
	return true;
}

bool parse_qname(struct cur *c, name_t schema, name_t name)
{
	name_t parts[3];
	size_t n = 0;
	if (!parse_name(c, parts[n++]))
		return false;
	while (n < 3 && c->i + 1 < c->n && c->t[c->i].kind == KSD_TOK_DOT &&
	       parse_name_tok(&c->t[c->i + 1], parts[n])) {
		c->i += 2;
		n++;
	}
	strcpy(name, parts[n - 1]);
	strcpy(schema, n > 1 ? parts[n - 2] : "");
	return true;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* One code point as UTF-8 into out (4 bytes room); returns bytes written. */
static size_t utf8(unsigned long cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (cp > 0x10ffff)
		cp = 0xfffd;
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t parse_backslash(const char *s, size_t len, size_t *at, bool copy, char *out)
{
	size_t i = *at;
	char ch = s[i];
	size_t o = 1;
	switch (ch) {
	case 'b':
		out[0] = '\b';
		break;
	case 'f':
		out[0] = '\f';
		break;
	case 'n':
		out[0] = '\n';
		break;
	case 'r':
		out[0] = '\r';
		break;
	case 't':
		out[0] = '\t';
		break;
	case 'v':
		out[0] = copy ? '\v' : 'v';
		break;
	case 'x': {
		int v = 0, d = 0;
		while (d < 2 && i + 1 < len && hexval(s[i + 1]) >= 0)
			v = v * 16 + hexval(s[++i]), d++;
		out[0] = d ? (char)v : 'x';
		break;
	}
	case 'u':
	case 'U': {
		size_t want = ch == 'u' ? 4 : 8, d = 0;
		unsigned long cp = 0;
		while (!copy && d < want && i + 1 + d < len && hexval(s[i + 1 + d]) >= 0)
			cp = cp * 16 + (unsigned long)hexval(s[i + 1 + d]), d++;
		if (d == want) {
			i += d;
			/* 1 + want + 1 source bytes >= 6 >= 4 written. */
			o = utf8(cp, out);
		} else {
			out[0] = ch;
		}
		break;
	}
	default:
		if (ch >= '0' && ch <= '7') {
			int v = ch - '0', d = 1;
			while (d < 3 && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7')
				v = v * 8 + (s[++i] - '0'), d++;
			out[0] = (char)v;
		} else {
			out[0] = ch;
		}
	}
	*at = i;
	return o;
}

/* Decodes the inside of a quoted literal: doubled quotes, and with
 * `backslash` the escapes of E'...' strings. Output is never longer. */
static size_t unquote(const char *s, size_t len, bool backslash, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch == '\'' && i + 1 < len && s[i + 1] == '\'') {
			out[o++] = '\'';
			i++;
		} else if (ch == '\\' && backslash && i + 1 < len) {
			i++;
			o += parse_backslash(s, len, &i, false, out + o);
		} else {
			out[o++] = ch;
		}
	}
	return o;
}

bool parse_string(struct buf *b, const struct ksd_token *t, bool std_strings, size_t max)
{
	const char *s = t->s;
	size_t len = t->len;
	bool backslash = false;
	buf_reset(b);
	switch (t->kind) {
	case KSD_TOK_DOLLAR: {
		size_t tag = ksd_token_dollar_tag(t);
		s += tag;
		len -= 2 * tag;
		return buf_append(b, s, len < max ? len : max) && buf_cstr(b);
	}
	case KSD_TOK_ESTRING:
		backslash = true;
		s++, len--;
		break;
	case KSD_TOK_STRING:
		if (*s == 'U' || *s == 'u') {
			s += 2, len -= 2;
		} else {
			backslash = !std_strings;
			if (*s == 'N' || *s == 'n')
				s++, len--;
		}
		break;
	default:
		return false;
	}
	s++, len -= 2; /* the quotes */
	if (len > max)
		len = max;
	/* Decoded in place: the output is never longer, and each byte is
	 * written only after the bytes it comes from were read. */
	if (!buf_append(b, s, len))
		return false;
	b->len = unquote(b->data, len, backslash, b->data);
	return buf_cstr(b);
}

static bool wordish(enum ksd_tok k)
{
	return k == KSD_TOK_IDENT || k == KSD_TOK_QIDENT || k == KSD_TOK_NUMBER ||
	       k == KSD_TOK_STRING || k == KSD_TOK_ESTRING || k == KSD_TOK_BITSTRING ||
	       k == KSD_TOK_PARAM || k == KSD_TOK_DOLLAR;
}

const char *parse_render_type(struct buf *b, const struct cur *c, size_t from, size_t to)
{
	buf_reset(b);
	for (size_t i = from; i < to && i < c->n; i++) {
		const struct ksd_token *t = &c->t[i];
		if (i > from && wordish(t->kind) &&
		    (wordish(c->t[i - 1].kind) || c->t[i - 1].kind == KSD_TOK_RPAREN ||
		     c->t[i - 1].kind == KSD_TOK_RBRACKET))
			buf_push(b, ' ');
		size_t at = b->len;
		buf_append(b, t->s, t->len);
		if (t->kind == KSD_TOK_IDENT && !b->oom)
			for (size_t k = at; k < b->len; k++)
				if (b->data[k] >= 'A' && b->data[k] <= 'Z')
					b->data[k] = (char)(b->data[k] - 'A' + 'a');
	}
	return buf_cstr(b) && !b->oom ? b->data : NULL;
}

const char *parse_render_expr(struct buf *b, const struct cur *c, size_t from, size_t to,
                              bool strip_fn_schema)
{
	buf_reset(b);
	bool gap = false;
	for (size_t i = from; i < to && i < c->n; i++) {
		const struct ksd_token *t = &c->t[i];
		if (i > from && t->s != c->t[i - 1].s + c->t[i - 1].len)
			gap = true;
		if (strip_fn_schema && i + 3 < to &&
		    (t->kind == KSD_TOK_IDENT || t->kind == KSD_TOK_QIDENT) &&
		    c->t[i + 1].kind == KSD_TOK_DOT &&
		    (c->t[i + 2].kind == KSD_TOK_IDENT || c->t[i + 2].kind == KSD_TOK_QIDENT) &&
		    c->t[i + 3].kind == KSD_TOK_LPAREN) {
			i++; /* the dot; the gap before the schema carries over */
			continue;
		}
		if (gap && b->len > 0)
			buf_push(b, ' ');
		gap = false;
		buf_append(b, t->s, t->len);
	}
	return buf_cstr(b) && !b->oom ? b->data : NULL;
}

void parse_object_name(name_t out, const char *name1, const char *name2, const char *label)
{
	size_t n1 = strlen(name1), n2 = strlen(name2);
	size_t overhead = strlen(label) + 1 + (n2 ? 1 : 0);
	size_t avail = NAME_MAX_LEN - overhead;
	while (n1 + n2 > avail) {
		if (n1 > n2)
			n1--;
		else
			n2--;
	}
	while (n1 > 0 && ((unsigned char)name1[n1] & 0xc0) == 0x80)
		n1--;
	while (n2 > 0 && n2 < strlen(name2) && ((unsigned char)name2[n2] & 0xc0) == 0x80)
		n2--;
	size_t o = 0;
	memcpy(out, name1, n1);
	o += n1;
	if (n2) {
		out[o++] = '_';
		memcpy(out + o, name2, n2);
		o += n2;
	}
	out[o++] = '_';
	memcpy(out + o, label, strlen(label));
	o += strlen(label);
	out[o] = '\0';
}
