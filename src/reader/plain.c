/* Plain SQL reader (pg_dump -Fp, pg_restore -f scripts, pg_dumpall): the
 * script around the statement stream (sql/stream.h, consumed by
 * reader/stmts.c). What only a script has is read here: psql meta-commands
 * (\connect names the database), pg_dump's own comments (its header and
 * trailer, to tell a truncated dump; the TABLE DATA headers that say which
 * tables' data was dumped; the lines that say where the dump came from) and
 * the messages pg_dump may have left before the first line. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_buf.h"
#include "ksd_limits.h"
#include "ksd_reader.h"
#include "reader/plain.h"
#include "reader/stmts.h"

#define META_MAX 4096 /* longest psql meta-command line we interpret */

struct plain {
	struct stmts st;
	struct ksd_err *err;
	struct ksd_dump *dump; /* a whole dump's: where its provenance goes; NULL */
	struct buf meta;
	/* pg_dump's own header and trailer comments, to tell a truncated dump */
	int dumps_begun, dumps_complete;
};

/* pg_dump heads each table's data with "-- Data for Name: T; Type: TABLE
 * DATA; Schema: S; Owner: O", even when the table is empty: --inserts then
 * writes nothing else, and only this header says the data was dumped. The
 * names are written unquoted. */
static void note_table_data(struct plain *p)
{
	static const char head[] = " Data for Name: ";
	static const char type[] = "; Type: TABLE DATA; Schema: ";
	static const char owner[] = "; Owner: ";
	struct sql_stream *s = &p->st.s;
	char *table = s->comment + sizeof(head) - 1;
	s->comment[s->comment_len] = '\0';
	if (s->comment_len < sizeof(head) - 1 || memcmp(s->comment, head, sizeof(head) - 1) != 0)
		return;
	char *type_at = strstr(table, type);
	char *schema = type_at ? type_at + sizeof(type) - 1 : NULL;
	char *owner_at = schema ? strstr(schema, owner) : NULL;
	if (!owner_at)
		return;
	*type_at = *owner_at = '\0';
	sql_stream_forget_head(s);
	ksd_extract_table_data(p->st.x, schema, table);
}

/* Keeps `value` in *field unless an earlier line said it already (each
 * database of a pg_dumpall script repeats them). */
static void keep_first(struct plain *p, const char **field, const char *value, size_t len)
{
	while (len > 0 && value[len - 1] == ' ')
		len--;
	if (!*field && len > 0)
		*field = ksd_dump_strndup(p->dump, value, len);
}

/* The database a single-database dump names: pg_dump -C's DATABASE entry
 * or a \connect. A pg_dumpall script names several: none is kept. */
static void note_database(struct plain *p, const char *name, size_t len)
{
	if (p->dump->format != KSD_FMT_DUMPALL)
		keep_first(p, &p->dump->prov.database, name, len);
}

/* pg_dump's header comments: "-- Dumped from database version V",
 * "-- Dumped by pg_dump version V", with -v "-- Started on T", and with -C
 * "-- Name: D; Type: DATABASE; Schema: -; Owner: O". */
static bool note_provenance(struct plain *p)
{
	struct ksd_provenance *prov = &p->dump->prov;
	const struct {
		const char *head;
		const char **field;
	} lines[] = {
	    {" Dumped from database version ", &prov->server_version},
	    {" Dumped by pg_dump version ", &prov->pg_dump_version},
	    {" Started on ", &prov->created},
	};
	static const char name[] = " Name: ", type[] = "; Type: DATABASE; Schema: ";
	char *c = p->st.s.comment;
	size_t n = p->st.s.comment_len;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		size_t h = strlen(lines[i].head);
		if (n > h && memcmp(c, lines[i].head, h) == 0) {
			keep_first(p, lines[i].field, c + h, n - h);
			return true;
		}
	}
	c[n] = '\0';
	const char *t =
	    n > sizeof(name) - 1 && memcmp(c, name, sizeof(name) - 1) == 0 ? strstr(c, type) : NULL;
	if (!t)
		return false;
	note_database(p, c + sizeof(name) - 1, (size_t)(t - c) - (sizeof(name) - 1));
	return true;
}

/* Every dump pg_dump writes (one per database in a pg_dumpall script) opens
 * with "-- PostgreSQL database dump" and closes with "... dump complete";
 * pg_dumpall wraps them in "... database cluster dump" and its "complete":
 * a missing trailer means the file was cut. */
static void note_comment(struct plain *p)
{
	static const char begin[] = " PostgreSQL database dump";
	static const char done[] = " PostgreSQL database dump complete";
	static const char cluster[] = " PostgreSQL database cluster dump";
	static const char cluster_done[] = " PostgreSQL database cluster dump complete";
	const char *c = p->st.s.comment;
	size_t n = p->st.s.comment_len;
	while (n > 0 && c[n - 1] == ' ')
		n--;
	if ((n == sizeof(begin) - 1 && memcmp(c, begin, n) == 0) ||
	    (n == sizeof(cluster) - 1 && memcmp(c, cluster, n) == 0))
		p->dumps_begun++;
	else if ((n == sizeof(done) - 1 && memcmp(c, done, n) == 0) ||
	         (n == sizeof(cluster_done) - 1 && memcmp(c, cluster_done, n) == 0))
		p->dumps_complete++;
	else if (!p->dump || !note_provenance(p))
		note_table_data(p);
}

/* One psql argument: 'single' or "double" quoted (quotes doubled inside)
 * or bare; decoded into out (at most cap-1 bytes). */
static void meta_arg(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	if (*s == '"' || *s == '\'') {
		char q = *s++;
		for (; *s && n < cap - 1; s++) {
			if (*s == q && s[1] == q)
				s++;
			else if (*s == q)
				break;
			out[n++] = *s;
		}
	} else {
		while (*s && !isspace((unsigned char)*s) && n < cap - 1)
			out[n++] = *s++;
	}
	out[n] = '\0';
}

/* The dbname of a conninfo string (dbname='it\'s' or dbname=x) into out;
 * false when it names none. */
static bool conninfo_dbname(const char *s, char *out, size_t cap)
{
	const char *key = strstr(s, "dbname=");
	if (!key)
		return false;
	s = key + 7;
	size_t n = 0;
	if (*s == '\'') {
		for (s++; *s && *s != '\'' && n < cap - 1; s++) {
			if (*s == '\\' && s[1])
				s++;
			out[n++] = *s;
		}
	} else {
		while (*s && !isspace((unsigned char)*s) && n < cap - 1)
			out[n++] = *s++;
	}
	out[n] = '\0';
	return true;
}

/* Takes the database name from `\connect db`, `\connect "Odd.Name"` or
 * pg_dumpall's `\connect -reuse-previous=on "dbname='name'"`: like psql, an
 * argument holding '=' is a conninfo string. */
static void meta_connect(struct plain *p, char *arg)
{
	while (*arg == ' ' || *arg == '\t')
		arg++;
	if (strncmp(arg, "-reuse-previous=", 16) == 0) {
		arg += strcspn(arg, " \t");
		while (*arg == ' ' || *arg == '\t')
			arg++;
	}
	char word[META_MAX], name[META_MAX];
	meta_arg(arg, word, sizeof(word));
	if (strchr(word, '=')) {
		if (!conninfo_dbname(word, name, sizeof(name)))
			return;
	} else {
		memcpy(name, word, strlen(word) + 1);
	}
	if (name[0])
		ksd_extract_connect(p->st.x, name);
	if (name[0] && p->dump)
		note_database(p, name, strlen(name));
}

/* Each meta-command's name once: what restoring the dump asks of psql.
 * Bytes other than printable ASCII become '?'. */
static void note_meta(struct plain *p, const char *m, size_t cmdlen)
{
	struct ksd_provenance *prov = &p->dump->prov;
	/* Kept printable: the restore advice names it as it stands. */
	char name[KSD_META_NAME_MAX];
	if (cmdlen > KSD_META_NAME_MAX)
		cmdlen = KSD_META_NAME_MAX;
	for (size_t i = 0; i < cmdlen; i++)
		name[i] = m[i] < '!' || m[i] > '~' || m[i] == '\\' ? '?' : m[i];
	for (size_t i = 0; i < prov->nmeta; i++)
		if (strlen(prov->meta[i]) == cmdlen && memcmp(prov->meta[i], name, cmdlen) == 0)
			return;
	if (prov->nmeta == KSD_MAX_META_COMMANDS) {
		prov->meta_truncated = true;
		return;
	}
	const char *kept = ksd_dump_strndup(p->dump, name, cmdlen);
	if (kept)
		prov->meta[prov->nmeta++] = kept;
}

static void finish_meta(struct plain *p)
{
	if (!buf_cstr(&p->meta))
		return;
	char *m = p->meta.data;
	size_t cmdlen = strcspn(m, " \t\r");
	if (p->dump)
		note_meta(p, m, cmdlen);
	if ((cmdlen == 7 && strncmp(m, "connect", 7) == 0) || (cmdlen == 1 && m[0] == 'c')) {
		m[strcspn(m, "\r")] = '\0';
		meta_connect(p, m + cmdlen);
	}
	/* Every other meta-command (\restrict, \unrestrict, \i, \!...) is data to
	 * us: never executed, never interpreted. */
}

/* What only a script has: its comments and meta-command lines. */
static int script_event(void *ctx, enum sql_event ev, const unsigned char *d, size_t n)
{
	struct plain *p = ctx;
	switch (ev) {
	case SQL_EV_COMMENT:
		note_comment(p);
		break;
	case SQL_EV_META:
		buf_reset(&p->meta);
		break;
	case SQL_EV_META_TEXT:
		buf_append(&p->meta, d, n);
		break;
	case SQL_EV_META_END:
		if (n > 0)
			buf_append(&p->meta, d, n - 1);
		finish_meta(p);
		break;
	default:
		break;
	}
	return KSD_OK;
}

static int feed(struct plain *p, const unsigned char *d, size_t len)
{
	return stmts_feed(&p->st, d, len, script_event, p);
}

/* End of input: whatever is open is either complete enough to use (a last
 * statement without ';') or a truncation to report. */
static int finish(struct plain *p)
{
	enum sql_open open;
	int rc = stmts_finish(&p->st, script_event, p, &open);
	if (rc == KSD_OK && open == SQL_OPEN_NONE && p->dumps_begun > p->dumps_complete) {
		ksd_err_at_line(p->err, p->st.s.line,
		                "unexpected end of input: no \"PostgreSQL database dump complete\" "
		                "trailer, the dump was cut short");
		rc = KSD_WARN;
	}
	return rc;
}

struct plain *plain_new(struct ksd_extract *x, struct ksd_err *err)
{
	struct plain *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->err = err;
	stmts_init(&p->st, x, err);
	buf_init(&p->meta, META_MAX);
	return p;
}

void plain_free(struct plain *p)
{
	if (!p)
		return;
	stmts_free(&p->st);
	buf_free(&p->meta);
	free(p);
}

int plain_feed(struct plain *p, const void *data, size_t len)
{
	return feed(p, data, len);
}

int plain_finish(struct plain *p)
{
	return finish(p);
}

/* A byte of a program's name or path at the start of a message line. */
static bool name_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '-' || c == '.' || c == '/';
}

/* Lines captured with the dump before its first one, when pg_dump's stderr
 * went to the same file: its own messages ("pg_dump: warning: ...",
 * "pg_dump: detail: ..."), libpq's ("WARNING:  ..."), a password prompt.
 * Each begins with a name and a colon, which no SQL statement, comment or
 * meta-command does. Returns how many bytes of `d` such whole lines fill,
 * adding them to *lines. */
static size_t preamble(const unsigned char *d, size_t len, long *lines)
{
	size_t used = 0;
	const unsigned char *nl;
	while ((nl = memchr(d + used, '\n', len - used)) != NULL) {
		size_t i = used, end = (size_t)(nl - d);
		if (i < end && (isalnum(d[i]) || d[i] == '/'))
			while (i < end && name_byte(d[i]))
				i++;
		if (i == used || i == end || d[i] != ':' || (i + 1 < end && d[i + 1] != ' '))
			break;
		used = end + 1;
		(*lines)++;
	}
	return used;
}

int ksd_read_plain(const struct ksd_read *r)
{
	struct plain *p = plain_new(r->x, r->err);
	if (!p)
		return ksd_err_at_offset(r->err, -1, "out of memory");
	p->dump = r->dump;
	int rc = KSD_OK;
	/* Skipped, so that pg_dump's header comments that follow are read as
	 * its comments, not as part of a statement that starts with a message. */
	size_t got;
	const unsigned char *head = ksd_source_peek(r->src, KSD_MAX_PREAMBLE, &got);
	size_t skip = head ? preamble(head, got, &p->st.s.line) : 0;
	if (skip && ksd_source_skip(r->src, skip, r->err) != KSD_OK) {
		plain_free(p);
		return KSD_FATAL;
	}
	for (;;) {
		const unsigned char *d;
		size_t len;
		if (ksd_source_next(r->src, &d, &len, SIZE_MAX, r->err) != KSD_OK) {
			rc = KSD_FATAL;
			break;
		}
		int fed = len ? feed(p, d, len) : finish(p);
		if (fed != KSD_OK)
			rc = fed;
		if (len == 0 || fed == KSD_FATAL)
			break;
	}
	plain_free(p);
	return rc;
}
