/* The plain reader: statements, meta-commands and COPY blocks come out the
 * same whatever the read-buffer boundaries; truncations are reported. */
#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"
#include "lib/analyse.h"
#include "reader/plain.h"
#include "lib/feed.h"

static const char dump[] = "--\n-- PostgreSQL database dump\n--\n\n"
                           "\\restrict abcDEF123\n\n"
                           "SET standard_conforming_strings = on;\n"
                           "SELECT pg_catalog.set_config('search_path', '', false);\n"
                           "/* a /* nested */ comment; with a semicolon */\n"
                           "CREATE TABLE public.metadata (\n"
                           "    name character varying(128) NOT NULL,\n"
                           "    value character varying(512) NOT NULL\n"
                           ");\n"
                           "CREATE FUNCTION public.f() RETURNS trigger\n"
                           "    LANGUAGE plpgsql\n"
                           "    AS $a$ BEGIN -- it's; $b$ not the end $b$\n"
                           "  RAISE NOTICE 'x;y'; RETURN NEW; END; $a$;\n"
                           "CREATE TABLE public.\"odd\"\"name\" (\"semi;colon\" text);\n"
                           "INSERT INTO public.other VALUES (E'\\\\''; \\.', '\\.');\n"
                           "COPY public.records (id, data) FROM stdin;\n"
                           "a\t{\"k\": \"\\\\.\"}\n"
                           "\\\\.\n"
                           "b\t;CREATE TABLE public.not_a_table (x int);\n"
                           "\\.\n"
                           "COPY public.metadata (name, value) FROM stdin;\n"
                           "created_at\t2026-11-24 14:07:38.032559+00\n"
                           "storage_schema_version\t17\n"
                           "weird\ttab\\there\\\\back\\N\n"
                           "\\.\n"
                           "\\connect other_db\n"
                           "CREATE TABLE public.in_other (x integer);\n"
                           "\n--\n-- PostgreSQL database dump complete\n--\n\n"
                           "\\unrestrict abcDEF123\n";

/* Runs the reader over `text` cut into slices of `step` bytes (0: whole);
 * returns the catalog, the dump's facts in *d, the reader's status in *rc
 * and its error in *err. */
static struct ksd_catalog *read_catalog(const char *text, size_t len, size_t step,
                                        struct ksd_dump **d, int *rc, struct ksd_err *err)
{
	struct ksd_catalog *cat = ksd_catalog_new();
	*d = ksd_dump_new();
	struct ksd_extract *x = ksd_extract_new(cat, *d, false);
	ksd_err_clear(err);
	struct plain *p = plain_new(x, err);
	*rc = KSD_OK;
	for (size_t at = 0; at < len;) {
		size_t n = step && len - at > step ? step : len - at;
		int r = plain_feed(p, text + at, n);
		if (r != KSD_OK)
			*rc = r;
		at += n;
	}
	int r = plain_finish(p);
	if (r != KSD_OK)
		*rc = r;
	plain_free(p);
	ksd_extract_free(x);
	return cat;
}

/* read_catalog(), rendered as --list with the reader's error. */
static char *read_in_slices(const char *text, size_t len, size_t step, int *rc)
{
	struct ksd_err err;
	struct ksd_dump *d;
	struct ksd_catalog *cat = read_catalog(text, len, step, &d, rc, &err);
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);
	analyse_catalog(f, "t", d, cat, &(struct ksd_report_opts){0}, true);
	if (err.set)
		fprintf(f, "error line %ld: %s\n", err.line, err.msg);
	fclose(f);
	ksd_catalog_free(cat);
	ksd_dump_free(d);
	return out;
}

START_TEST(the_whole_dump_is_understood)
{
	int rc;
	char *out = read_in_slices(dump, strlen(dump), 0, &rc);
	ck_assert_int_eq(rc, KSD_OK);
	ck_assert_msg(strstr(out, "table metadata\n"), "%s", out);
	ck_assert_msg(strstr(out, "table odd\"name\n      column semi;colon text"), "%s", out);
	ck_assert_msg(strstr(out, "function f() returns trigger"), "%s", out);
	ck_assert_msg(!strstr(out, "not_a_table"), "COPY data was parsed: %s", out);
	ck_assert_msg(strstr(out, "metadata rows: 3\n"
	                          "      created_at = 2026-11-24 14:07:38.032559+00\n"
	                          "      storage_schema_version = 17\n"
	                          "      weird = tab\\there\\\\backN\n"),
	              "%s", out);
	ck_assert_msg(strstr(out, "database other_db\n  schema public\n    table in_other"), "%s",
	              out);
	free(out);
}
END_TEST

/* `text` read whole, which every slicing into 1 to `steps` bytes must give
 * again, with the reader's status `want`; the caller frees it. */
static char *same_in_every_slicing(const char *text, size_t steps, int want)
{
	int rc;
	size_t len = strlen(text);
	char *whole = read_in_slices(text, len, 0, &rc);
	ck_assert_int_eq(rc, want);
	for (size_t step = 1; step <= steps; step++) {
		char *sliced = read_in_slices(text, len, step, &rc);
		ck_assert_int_eq(rc, want);
		ck_assert_msg(strcmp(whole, sliced) == 0, "step %zu:\n%s\n---\n%s", step, sliced,
		              whole);
		free(sliced);
	}
	return whole;
}

START_TEST(every_slicing_gives_the_same_catalog)
{
	free(same_in_every_slicing(dump, 64, KSD_OK));
}
END_TEST

START_TEST(crlf_line_endings_are_the_same_as_lf)
{
	size_t len = strlen(dump);
	char *crlf = malloc(len * 2 + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (dump[i] == '\n')
			crlf[n++] = '\r';
		crlf[n++] = dump[i];
	}
	int rc;
	char *a = read_in_slices(dump, len, 0, &rc);
	char *b = read_in_slices(crlf, n, 7, &rc);
	ck_assert_int_eq(rc, KSD_OK);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	free(crlf);
}
END_TEST

START_TEST(a_last_statement_without_newline_counts)
{
	const char *sql = "CREATE TABLE public.t (a integer);\nCREATE TABLE public.u (b text)";
	int rc;
	char *out = read_in_slices(sql, strlen(sql), 0, &rc);
	ck_assert_int_eq(rc, KSD_OK);
	ck_assert_msg(strstr(out, "table u\n      column b text"), "%s", out);
	free(out);
}
END_TEST

static const struct {
	const char *sql, *message;
	long line;
} truncated[] = {
    {"CREATE TABLE t (a text DEFAULT 'abc", "inside a quoted string", 1},
    {"\n\nCREATE FUNCTION f() AS $$ BEGIN", "inside a dollar-quoted string", 3},
    {"CREATE TABLE \"t", "inside a quoted identifier", 1},
    {"SELECT 1; SELECT /* /* */", "inside a /* comment */", 1},
    {"COPY public.metadata (name, value) FROM stdin;\nstorage_schema_version\t1\n",
     "inside the COPY data", 1},
    {"--\n-- PostgreSQL database dump\n--\nSELECT 1;\n", "dump was cut short", 5},
};

START_TEST(truncation_is_reported_with_its_line)
{
	int rc;
	char *out = read_in_slices(truncated[_i].sql, strlen(truncated[_i].sql), 0, &rc);
	ck_assert_int_eq(rc, KSD_WARN);
	ck_assert_msg(strstr(out, truncated[_i].message), "%s", out);
	char line[64];
	snprintf(line, sizeof(line), "error line %ld:", truncated[_i].line);
	ck_assert_msg(strstr(out, line), "%s", out);
	free(out);
}
END_TEST

/* The splitter reads strings as the extractor's lexer will: with
 * standard_conforming_strings off a backslash escapes a quote, and a
 * \connect starts a session with it on again, where 'a\' ends at its second
 * quote. Either way the statement after is found. */
static const char *const std_strings_dumps[] = {
    "SET standard_conforming_strings = off;\n"
    "INSERT INTO public.metadata VALUES ('it\\'s; here', 'v');\n"
    "CREATE TABLE public.after (a integer);\n",
    "SET standard_conforming_strings = off;\n"
    "\\connect other\n"
    "INSERT INTO public.metadata VALUES ('a\\', 'b');\n"
    "CREATE TABLE public.after (a integer);\n",
};

START_TEST(strings_follow_standard_conforming_strings)
{
	const char *sql = std_strings_dumps[_i];
	int rc;
	char *out = read_in_slices(sql, strlen(sql), 0, &rc);
	ck_assert_msg(strstr(out, "table after"), "%s", out);
	free(out);
}
END_TEST

/* Inside strings, quoted names, dollar bodies and comments the reader copies
 * whole runs of bytes: every byte still reaches the extractor and every line
 * still counts, whatever the slicing. */
static const char runs_dump[] =
    "--\n-- PostgreSQL database dump\n--\n"
    "CREATE TABLE public.metadata (name character varying(128) NOT NULL,\n"
    "    value character varying(512) NOT NULL);\n"
    "SET standard_conforming_strings = off;\n"
    "INSERT INTO public.metadata VALUES ('storage_schema_version', 'a\\'b''c;\n"
    "d');\n"
    "SET standard_conforming_strings = on;\n"
    "INSERT INTO public.metadata VALUES (E'e\\\\', 'f\\');\n"
    "CREATE FUNCTION public.bump_timestamp() RETURNS trigger\n"
    "    LANGUAGE plpgsql AS $body$\n"
    "BEGIN -- it's; $x$ \"q\n"
    "  /* ; */ RETURN NEW; $bod $body END;\n"
    "$body$;\n"
    "CREATE TABLE public.\"new\n"
    "line\" (a integer /* x ' */ -- y \"\n"
    ");\n";

static const char runs_body[] = "\nBEGIN -- it's; $x$ \"q\n"
                                "  /* ; */ RETURN NEW; $bod $body END;\n";

START_TEST(runs_keep_every_byte_and_line)
{
	size_t len = strlen(runs_dump);
	for (size_t step = 0; step <= 40; step++) {
		struct ksd_catalog *cat = ksd_catalog_new();
		struct ksd_dump *d = ksd_dump_new();
		struct ksd_extract *x = ksd_extract_new(cat, d, false);
		struct ksd_err err;
		ksd_err_clear(&err);
		struct plain *p = plain_new(x, &err);
		for (size_t at = 0; at < len;) {
			size_t n = step && len - at > step ? step : len - at;
			ck_assert_int_eq(plain_feed(p, runs_dump + at, n), KSD_OK);
			at += n;
		}
		/* No trailer: the error names the last line, counted through
		 * every string, body and comment. */
		ck_assert_int_eq(plain_finish(p), KSD_WARN);
		ck_assert_int_eq(err.line, 19);
		plain_free(p);
		ksd_extract_free(x);
		ck_assert_uint_eq(cat->ndatabases, 1);
		struct ksd_schema *s = ksd_database_schema(&cat->databases[0], "public");
		ck_assert_ptr_nonnull(s);
		struct ksd_function *f = ksd_schema_function(s, "bump_timestamp");
		ck_assert_ptr_nonnull(f);
		ck_assert_uint_eq(f->body_len, strlen(runs_body));
		ck_assert_mem_eq(f->body, runs_body, f->body_len);
		ck_assert_ptr_nonnull(ksd_schema_table(s, "new\nline"));
		ck_assert_uint_eq(s->metadata.nrows, 2);
		ck_assert_str_eq(s->metadata.rows[0].value, "a'b'c;\nd");
		ck_assert_str_eq(s->metadata.rows[1].name, "e\\");
		ck_assert_str_eq(s->metadata.rows[1].value, "f\\");
		ksd_catalog_free(cat);
		ksd_dump_free(d);
	}
}
END_TEST

/* Whitespace is the C locale's (vertical tab and form feed included) and
 * UTF-8 bytes belong to identifiers and dollar-quote tags. */
START_TEST(c_locale_classes)
{
	const char *sql = "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS $\xc3\xa9$ "
	                  "SELECT 1; CREATE TABLE public.bad (x integer); $\xc3\xa9$;\f\v"
	                  "CREATE\vTABLE\fpublic.t\xc3\xa9st\r(a integer);\n"
	                  "SELECT $1;CREATE TABLE public.u (b text);\v\n"
	                  "SELECT 'open";
	int rc;
	char *out = read_in_slices(sql, strlen(sql), 3, &rc);
	ck_assert_int_eq(rc, KSD_WARN);
	ck_assert_msg(strstr(out, "function f() returns int language sql volatile, body 48 bytes"),
	              "%s", out);
	ck_assert_msg(!strstr(out, "table bad"), "%s", out);
	ck_assert_msg(strstr(out, "table t\xc3\xa9st\n      column a integer"), "%s", out);
	ck_assert_msg(strstr(out, "table u\n      column b text"), "%s", out);
	/* The blank line before the last statement is not part of it. */
	ck_assert_msg(strstr(out, "error line 3: unexpected end of input inside a quoted string"),
	              "%s", out);
	free(out);
}
END_TEST

/* Keywords are recognised whatever the slicing, so BEGIN ATOMIC bodies stay
 * whole, and an E before a quote means escapes only when it stands alone;
 * a doubled quote inside an E'' string keeps its escapes. */
START_TEST(words_survive_any_slicing)
{
	const char *sql = "CREATE FUNCTION public.g() RETURNS int LANGUAGE sql\n"
	                  "BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END;\n"
	                  "CREATE TABLE public.after_atomic (x int);\n"
	                  "SELECT aE'x\\'; CREATE TABLE public.t1 (a int);\n"
	                  "SELECT E'x\\'; y'; CREATE TABLE public.t2 (a int);\n"
	                  "SELECT notbegin atomic; CREATE TABLE public.t3 (a int);\n"
	                  "SELECT E'a''\\'; CREATE TABLE public.bad (a int); b';\n"
	                  "CREATE TABLE public.t4 (a int);\n";
	for (size_t step = 0; step <= 24; step++) {
		int rc;
		char *out = read_in_slices(sql, strlen(sql), step, &rc);
		ck_assert_int_eq(rc, KSD_OK);
		ck_assert_msg(strstr(out, "function g() returns int language sql volatile, body 60 "
		                          "bytes"),
		              "step %zu: %s", step, out);
		ck_assert_msg(strstr(out, "table after_atomic"), "step %zu: %s", step, out);
		ck_assert_msg(strstr(out, "table t1"), "step %zu: %s", step, out);
		ck_assert_msg(strstr(out, "table t2"), "step %zu: %s", step, out);
		ck_assert_msg(strstr(out, "table t3"), "step %zu: %s", step, out);
		ck_assert_msg(strstr(out, "table t4") && !strstr(out, "table bad"), "step %zu: %s",
		              step, out);
		free(out);
	}
}
END_TEST

/* Readers hand over the same buffer again with new bytes in it: nothing the
 * splitter learnt about the old bytes may apply to the new ones. */
START_TEST(a_reused_buffer_is_read_afresh)
{
	static const char *parts[] = {"SELECT 'open string without its end",
	                              "x'; CREATE TABLE public.t (a int);\n"
	                              "CREATE TABLE public.u (b int);\n"};
	char buf[128];
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_dump *d = ksd_dump_new();
	struct ksd_extract *x = ksd_extract_new(cat, d, false);
	struct ksd_err err;
	ksd_err_clear(&err);
	struct plain *p = plain_new(x, &err);
	for (size_t i = 0; i < 2; i++) {
		memset(buf, '.', sizeof(buf));
		memcpy(buf, parts[i], strlen(parts[i]));
		ck_assert_int_eq(plain_feed(p, buf, strlen(parts[i])), KSD_OK);
	}
	ck_assert_int_eq(plain_finish(p), KSD_OK);
	plain_free(p);
	ksd_extract_free(x);
	struct ksd_schema *s = ksd_database_schema(&cat->databases[0], "public");
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(ksd_schema_table(s, "t"));
	ck_assert_ptr_nonnull(ksd_schema_table(s, "u"));
	ksd_catalog_free(cat);
	ksd_dump_free(d);
}
END_TEST

/* INSERTs into tables nobody reads are scanned for their end only: it is
 * found where the whole statement's lexis puts it, whatever the slicing, and
 * the statements kept around them are read as before. */
static const char inserts[] =
    "SET standard_conforming_strings = on;\n"
    "CREATE TABLE public.metadata (name character varying(128), value character varying(512));\n"
    "INSERT INTO public.other VALUES ('a;b', 'it''s; x', E'\\'; y', 'multi\nline;', 1);\n"
    "INSERT INTO public.other VALUES (/* ; ' */ 2, -- ; '\n 3, $q$;'$q$, \"x;y\");\n"
    "INSERT INTO public.other (\"semi;colon\", b) VALUES ('z', 4);\n"
    "INSERT INTO public.metadata VALUES ('storage_schema_version', '14');\n"
    "INSERT INTO public.other VALUES ('E', e'\\'''; x'), (E'x', 5), (ee'', 6);\n"
    "SET standard_conforming_strings = off;\n"
    "INSERT INTO public.other VALUES ('back\\'slash; still', 7);\n"
    "INSERT INTO public.other VALUES ('back\\'slash; still', 8);\n"
    "INSERT INTO public.metadata VALUES ('created_at', 'x\\'y');\n"
    "CREATE TABLE public.after (a integer);\n"
    "INSERT INTO public.other VALUES ('open\n";

START_TEST(skipped_inserts_end_where_their_statement_ends)
{
	char *whole = same_in_every_slicing(inserts, 48, KSD_WARN);
	ck_assert_msg(strstr(whole, "metadata rows: 2\n"
	                            "      storage_schema_version = 14\n"
	                            "      created_at = x'y\n"),
	              "%s", whole);
	ck_assert_msg(strstr(whole, "table after\n      column a integer"), "%s", whole);
	ck_assert_msg(strstr(whole, "error line 15: unexpected end of input inside a quoted "
	                            "string"),
	              "%s", whole);
	free(whole);
}
END_TEST

/* Only statements that are read are held to KSD_MAX_STMT: a longer INSERT
 * into a table nobody reads is passed over without a warning. */
START_TEST(a_skipped_insert_may_be_any_length)
{
	static const char head[] = "INSERT INTO public.other VALUES ('";
	static const char tail[] = "');\nCREATE TABLE public.after (a integer);\n";
	size_t n = KSD_MAX_STMT + 16, len = strlen(head) + n + strlen(tail);
	char *sql = malloc(len + 1);
	ck_assert_ptr_nonnull(sql);
	memcpy(sql, head, strlen(head));
	memset(sql + strlen(head), 'x', n);
	strcpy(sql + strlen(head) + n, tail);
	int rc;
	char *out = read_in_slices(sql, len, 1 << 16, &rc);
	ck_assert_int_eq(rc, KSD_OK);
	ck_assert_msg(strstr(out, "table after") && !strstr(out, "error"), "%s", out);
	free(out);
	free(sql);
}
END_TEST

static const struct {
	const char *line, *db;
} connects[] = {
    {"\\connect plain_name\n", "plain_name"},
    {"\\c short\n", "short"},
    {"\\connect \"p26.3.1\"\n", "p26.3.1"},
    {"\\connect \"with \"\"quote\"\n", "with \"quote"},
    {"\\connect -reuse-previous=on \"dbname='it\\'s here'\"\n", "it's here"},
    {"\\connect -reuse-previous=on \"dbname='dq\"\"x'\"\n", "dq\"x"},
};

START_TEST(every_connect_form_names_its_database)
{
	char sql[256];
	snprintf(sql, sizeof(sql), "%sCREATE TABLE public.t (a integer);\n", connects[_i].line);
	int rc;
	char *out = read_in_slices(sql, strlen(sql), 0, &rc);
	char want[128];
	snprintf(want, sizeof(want), "database %s\n  schema public\n    table t\n",
	         connects[_i].db);
	ck_assert_msg(strstr(out, want), "%s", out);
	free(out);
}
END_TEST

/* An --inserts dump of an empty metadata table: only pg_dump's TABLE DATA
 * header says its data was dumped. */
#define META_TABLE                                                                                 \
	"CREATE TABLE kinto.metadata (name character varying(128), value character "               \
	"varying(512));\n"
static const struct {
	const char *sql;
	bool any_data, meta_data;
} headers[] = {
    {META_TABLE "--\n-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: k\n--\n",
     true, true},
    {META_TABLE "-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: -\r\n", true,
     true},
    {META_TABLE "-- Data for Name: records; Type: TABLE DATA; Schema: kinto; Owner: k\n", true,
     false},
    /* some other table called metadata */
    {"CREATE TABLE kinto.metadata (id integer);\n"
     "-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: k\n",
     true, false},
    /* another schema's metadata */
    {META_TABLE "-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: k\n", true,
     false},
    /* no header: a schema-only dump */
    {META_TABLE "--\n-- Name: metadata; Type: TABLE; Schema: kinto; Owner: k\n--\n", false, false},
    /* the words elsewhere than at the start of a comment of their own */
    {META_TABLE
     "-- see Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: k\n"
     "/*\n Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: k\n*/\n"
     "SELECT 1 -- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: k\n;\n"
     "SELECT '\n-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: k\n';\n",
     false, false},
    /* cut before the owner */
    {META_TABLE "-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto\n", false, false},
};

START_TEST(a_table_data_header_says_the_data_was_dumped)
{
	size_t len = strlen(headers[_i].sql);
	for (size_t step = 0; step < 8; step++) {
		int rc;
		struct ksd_err err;
		struct ksd_dump *d;
		struct ksd_catalog *cat = read_catalog(headers[_i].sql, len, step, &d, &rc, &err);
		ck_assert_int_eq(rc, KSD_OK);
		struct ksd_schema *s = ksd_database_schema(&cat->databases[0], "kinto");
		ck_assert_ptr_nonnull(s);
		ck_assert_msg(cat->any_data_seen == headers[_i].any_data, "step %zu", step);
		ck_assert_msg(s->metadata.data_seen == headers[_i].meta_data, "step %zu", step);
		ck_assert_uint_eq(s->metadata.nrows, 0);
		ksd_catalog_free(cat);
		ksd_dump_free(d);
	}
}
END_TEST

/* pg_dump -v -C's header says where the dump came from; a pg_dumpall
 * script names several databases, so none is its own. */
static const struct {
	const char *sql;
	const char *created, *database, *server, *pg_dump;
	const char *meta; /* the meta-command names, ' ' between */
} provenances[] = {
    {"--\n-- PostgreSQL database dump\n--\n\n\\restrict k\n\n"
     "-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)\n"
     "-- Dumped by pg_dump version 17.6\n\n-- Started on 2026-12-02 04:00:01 UTC\n\n"
     "--\n-- Name: kinto; Type: DATABASE; Schema: -; Owner: postgres\n--\n\n"
     "CREATE DATABASE kinto;\n\\unrestrict k\n\\connect -reuse-previous=on \"dbname='kinto'\"\n"
     "\\restrict k\n-- Dumped from database version 9.6\n\\unrestrict k\n"
     "-- PostgreSQL database dump complete\n",
     "2026-12-02 04:00:01 UTC", "kinto", "15.18 (Debian 15.18-0+deb12u1)", "17.6",
     "restrict unrestrict connect"},
    /* pg_restore -f of an archive made with -C: only \connect names it */
    {"--\n-- PostgreSQL database dump\n--\n\n\\connect kinto2\n\\i x.sql\n\\! true\n"
     "-- PostgreSQL database dump complete\n",
     NULL, "kinto2", NULL, NULL, "connect i !"},
    {"--\n-- PostgreSQL database cluster dump\n--\n\n\\connect template1\n"
     "-- Dumped from database version 15.18\n-- Dumped by pg_dump version 15.18\n"
     "--\n-- Name: k; Type: DATABASE; Schema: -; Owner: postgres\n--\n\\connect k\n"
     "-- PostgreSQL database cluster dump complete\n",
     NULL, NULL, "15.18", "15.18", "connect"},
    /* pg_dump's stderr captured before its output: its messages and
     * libpq's are skipped, the header is read */
    {"pg_dump: warning: there are circular foreign-key constraints on this table:\n"
     "pg_dump: detail: objects\n"
     "/usr/lib/postgresql/15/bin/pg_dump: hint: You might not be able to restore the dump\n"
     "WARNING:  server notice\n"
     "--\n-- PostgreSQL database dump\n--\n\n"
     "-- Dumped from database version 15.18\n-- Dumped by pg_dump version 15.18\n"
     "SET x = 1;\n-- PostgreSQL database dump complete\n",
     NULL, NULL, "15.18", "15.18", ""},
    /* a line without a name and a colon ends them: the rest is read as is */
    {"pg_dump: warning: x\nnot a message\n-- Dumped by pg_dump version 15.18\n;\n", NULL, NULL,
     NULL, NULL, ""},
    /* the words inside a statement or a string are not pg_dump's comments */
    {"SELECT 1 -- Dumped by pg_dump version 1\n;\n"
     "SELECT '\n-- Dumped from database version 2\n';\n",
     NULL, NULL, NULL, NULL, ""},
};

static void assert_str_or_null(const char *got, const char *want)
{
	if (want)
		ck_assert_str_eq(got, want);
	else
		ck_assert_ptr_null(got);
}

START_TEST(the_dump_header_says_where_it_came_from)
{
	struct feed_result r =
	    feed_read(KSD_FMT_UNKNOWN, provenances[_i].sql, strlen(provenances[_i].sql), FEED_FILE);
	ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
	const struct ksd_provenance *p = &r.dump->prov;
	assert_str_or_null(p->created, provenances[_i].created);
	assert_str_or_null(p->database, provenances[_i].database);
	assert_str_or_null(p->server_version, provenances[_i].server);
	assert_str_or_null(p->pg_dump_version, provenances[_i].pg_dump);
	char names[256] = "";
	for (size_t i = 0; i < p->nmeta; i++) {
		strcat(names, i ? " " : "");
		strcat(names, p->meta[i]);
	}
	ck_assert_str_eq(names, provenances[_i].meta);
	feed_free(&r);
}
END_TEST

START_TEST(leading_messages_are_skipped_within_a_bound_and_counted_as_lines)
{
	static const char header[] =
	    "-- Dumped by pg_dump version 15.18\nCREATE TABLE t (a text);\n"
	    "SELECT 'cut\n";
	static const char message[] = "pg_dump: warning: a line\n";
	for (int past = 0; past < 2; past++) {
		size_t n = (KSD_MAX_PREAMBLE / (sizeof(message) - 1)) + (size_t)past;
		size_t len = n * (sizeof(message) - 1) + sizeof(header) - 1;
		char *sql = malloc(len + 1);
		ck_assert_ptr_nonnull(sql);
		for (size_t i = 0; i < n; i++)
			memcpy(sql + i * (sizeof(message) - 1), message, sizeof(message) - 1);
		memcpy(sql + n * (sizeof(message) - 1), header, sizeof(header));
		struct feed_result r = feed_read(KSD_FMT_UNKNOWN, sql, len, FEED_FILE);
		/* Within the bound the header is read and the cut string is
		 * reported on its own line; past it, the file is read as it is. */
		if (past) {
			ck_assert_ptr_null(r.dump->prov.pg_dump_version);
		} else {
			ck_assert_str_eq(r.dump->prov.pg_dump_version, "15.18");
			ck_assert_int_eq(r.rc, KSD_WARN);
			ck_assert_int_eq(r.err.line, (long)n + 3);
		}
		feed_free(&r);
		free(sql);
	}
}
END_TEST

START_TEST(meta_command_names_are_bounded)
{
	char sql[4096] = "";
	for (int i = 0; i < KSD_MAX_META_COMMANDS + 3; i++)
		sprintf(sql + strlen(sql), "\\cmd%d arg\n", i);
	strcat(sql, "\\");
	memset(sql + strlen(sql), 'x', 100);
	struct feed_result r = feed_read(KSD_FMT_UNKNOWN, sql, strlen(sql), FEED_FILE);
	ck_assert_uint_eq(r.dump->prov.nmeta, KSD_MAX_META_COMMANDS);
	ck_assert(r.dump->prov.meta_truncated);
	ck_assert_str_eq(r.dump->prov.meta[KSD_MAX_META_COMMANDS - 1], "cmd15");
	feed_free(&r);
}
END_TEST

Suite *plain_suite(void)
{
	Suite *s = suite_create("plain");
	TCase *tc = tcase_create("plain");
	tcase_add_test(tc, the_whole_dump_is_understood);
	tcase_add_test(tc, every_slicing_gives_the_same_catalog);
	tcase_add_test(tc, crlf_line_endings_are_the_same_as_lf);
	tcase_add_test(tc, a_last_statement_without_newline_counts);
	tcase_add_loop_test(tc, truncation_is_reported_with_its_line, 0,
	                    sizeof(truncated) / sizeof(truncated[0]));
	tcase_add_loop_test(tc, strings_follow_standard_conforming_strings, 0,
	                    sizeof(std_strings_dumps) / sizeof(std_strings_dumps[0]));
	tcase_add_test(tc, runs_keep_every_byte_and_line);
	tcase_add_test(tc, c_locale_classes);
	tcase_add_test(tc, words_survive_any_slicing);
	tcase_add_test(tc, a_reused_buffer_is_read_afresh);
	tcase_add_test(tc, skipped_inserts_end_where_their_statement_ends);
	tcase_add_test(tc, a_skipped_insert_may_be_any_length);
	tcase_add_loop_test(tc, every_connect_form_names_its_database, 0,
	                    sizeof(connects) / sizeof(connects[0]));
	tcase_add_loop_test(tc, a_table_data_header_says_the_data_was_dumped, 0,
	                    sizeof(headers) / sizeof(headers[0]));
	tcase_add_loop_test(tc, the_dump_header_says_where_it_came_from, 0,
	                    sizeof(provenances) / sizeof(provenances[0]));
	tcase_add_test(tc, leading_messages_are_skipped_within_a_bound_and_counted_as_lines);
	tcase_add_test(tc, meta_command_names_are_bounded);
	suite_add_tcase(s, tc);
	return s;
}
