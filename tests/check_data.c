/* Table data beyond metadata (src/sql/data.c through the plain reader): rows
 * counted only when the catalog asks, objects/records read at their line
 * ends whatever the read buffers cut, INSERTs counted, and the deleted/records
 * twin looked for only at versions 10..17. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_extract.h"
#include "reader/plain.h"
#include "reader/stmts.h"

static const char schema_v26[] =
    "CREATE TABLE public.objects (id text NOT NULL, parent_id text NOT NULL,\n"
    " resource_name text NOT NULL, data jsonb, last_modified timestamp NOT NULL,\n"
    " deleted boolean NOT NULL);\n"
    "CREATE TABLE public.metadata (name character varying(128), value character "
    "varying(512));\n";

static const char schema_v11[] =
    "CREATE TABLE public.records (id text NOT NULL, parent_id text NOT NULL,\n"
    " collection_id text NOT NULL, data jsonb, last_modified timestamp NOT NULL);\n"
    "CREATE TABLE public.deleted (id text NOT NULL, parent_id text NOT NULL,\n"
    " collection_id text NOT NULL, last_modified timestamp NOT NULL);\n"
    "CREATE TABLE public.timestamps (parent_id text NOT NULL, collection_id text NOT NULL,\n"
    " last_modified timestamp NOT NULL);\n";

/* Reads `ddl` then `data` with a fresh catalog: data[0..cut) in one piece,
 * the rest in pieces of `step` bytes. */
static struct ksd_catalog *read_pieces(const char *ddl, const char *data, size_t cut, size_t step,
                                       bool count)
{
	struct ksd_catalog *cat = ksd_catalog_new();
	struct ksd_dump *dump = ksd_dump_new();
	ck_assert_ptr_nonnull(cat);
	ck_assert_ptr_nonnull(dump);
	struct ksd_extract *x = ksd_extract_new(cat, dump, count);
	struct ksd_err err;
	ksd_err_clear(&err);
	struct plain *p = plain_new(x, &err);
	ck_assert_ptr_nonnull(p);
	size_t len = strlen(data);
	char *copy = malloc(len + 1);
	memcpy(copy, data, len + 1);
	ck_assert_int_eq(plain_feed(p, ddl, strlen(ddl)), KSD_OK);
	ck_assert_int_eq(plain_feed(p, copy, cut), KSD_OK);
	for (size_t i = cut, n; i < len; i += n) {
		n = len - i < step ? len - i : step;
		ck_assert_int_eq(plain_feed(p, copy + i, n), KSD_OK);
	}
	ck_assert_int_eq(plain_finish(p), KSD_OK);
	free(copy);
	plain_free(p);
	ksd_extract_free(x);
	ksd_dump_free(dump);
	return cat;
}

/* Reads `ddl` then `data` (split at `cut`) with a fresh catalog. */
static struct ksd_catalog *read_split(const char *ddl, const char *data, size_t cut, bool count)
{
	return read_pieces(ddl, data, cut, SIZE_MAX, count);
}

static const struct ksd_schema *pub(const struct ksd_catalog *cat)
{
	ck_assert_uint_ge(cat->ndatabases, 1);
	const struct ksd_schema *s = ksd_database_schema(&cat->databases[0], "public");
	ck_assert_ptr_nonnull(s);
	return s;
}

static uint64_t resource(const struct ksd_schema *s, const char *name)
{
	for (size_t i = 0; i < s->inventory.nresources; i++)
		if (strcmp(s->inventory.resources[i].name, name) == 0)
			return s->inventory.resources[i].rows;
	return 0;
}

/* A long data column between the resource and the deleted columns: they
 * are found at the line's two ends. */
static char *objects_copy(void)
{
	static const char head[] = "COPY public.objects (id, parent_id, resource_name, data, "
	                           "last_modified, deleted) FROM stdin;\n";
	size_t big = 5000;
	char *s = malloc(sizeof(head) + 4 * (big + 200) + 16);
	char *o = s + sprintf(s, "%s", head);
	const char *const rows[][3] = {
	    {"/buckets/b", "record", "f"},
	    {"/buckets/b", "record", "t"},
	    {"/buckets", "bucket", "f"},
	    {"__attachments__", "", "f"},
	};
	for (size_t i = 0; i < 4; i++) {
		o += sprintf(o, "r%zu\t%s\t%s\t{\"k\": \"", i, rows[i][0], rows[i][1]);
		memset(o, i == 1 ? 'x' : 'y', i == 1 ? big : 10);
		o += i == 1 ? big : 10;
		o += sprintf(o, "\"}\t2026-01-01 00:00:00\t%s\n", rows[i][2]);
	}
	strcpy(o, "\\.\n");
	return s;
}

START_TEST(rows_are_counted_at_every_buffer_cut)
{
	char *data = objects_copy();
	size_t len = strlen(data);
	for (size_t cut = 0; cut <= len; cut += cut < 200 || cut > len - 200 ? 1 : 97) {
		struct ksd_catalog *cat = read_split(schema_v26, data, cut, true);
		const struct ksd_schema *s = pub(cat);
		const struct ksd_table *t = ksd_schema_table(s, "objects");
		ck_assert(t->data_dumped);
		ck_assert_uint_eq(t->rows, 4);
		ck_assert_uint_eq(resource(s, "record"), 2);
		ck_assert_uint_eq(resource(s, "bucket"), 1);
		ck_assert_uint_eq(resource(s, ""), 1);
		ck_assert_uint_eq(s->inventory.other, 0);
		ck_assert_uint_eq(s->inventory.tombstones, 1);
		ck_assert_uint_eq(s->inventory.ninternal, 1);
		ck_assert_str_eq(s->inventory.internal[0].parent_id, "__attachments__");
		ck_assert_str_eq(s->inventory.internal[0].resource_name, "");
		ck_assert(!ksd_schema_table(s, "metadata")->data_dumped);
		ksd_catalog_free(cat);
	}
	free(data);
}
END_TEST

static void same_inventory(const struct ksd_schema *a, const struct ksd_schema *b)
{
	const struct ksd_inventory *i = &a->inventory, *j = &b->inventory;
	ck_assert_uint_eq(ksd_schema_table(a, "objects")->rows,
	                  ksd_schema_table(b, "objects")->rows);
	ck_assert_uint_eq(i->nresources, j->nresources);
	for (size_t k = 0; k < i->nresources; k++) {
		ck_assert_str_eq(i->resources[k].name, j->resources[k].name);
		ck_assert_uint_eq(i->resources[k].rows, j->resources[k].rows);
	}
	ck_assert_uint_eq(i->other, j->other);
	ck_assert_uint_eq(i->tombstones, j->tombstones);
	ck_assert_uint_eq(i->ninternal, j->ninternal);
	for (size_t k = 0; k < i->ninternal; k++) {
		ck_assert_str_eq(i->internal[k].parent_id, j->internal[k].parent_id);
		ck_assert_str_eq(i->internal[k].resource_name, j->internal[k].resource_name);
		ck_assert_uint_eq(i->internal[k].rows, j->internal[k].rows);
	}
}

/* Lines that lie whole in a buffer are read where they lie, many at a
 * time (ksd_extract_copy_rows); what they say must be what the same lines
 * say read a byte at a time: a '\r' before the newline, escapes in the
 * resource name, a tab too few or too many, an empty line, a line longer
 * than the kept head, a parent past it, and a "\.\r" end. */
START_TEST(lines_read_in_place_say_what_they_say_cut)
{
	static const char head[] = "COPY public.objects (id, parent_id, resource_name, data, "
	                           "last_modified, deleted) FROM stdin;\n"
	                           "1\t/b\trecord\t{}\t2026-01-01\tt\r\n"
	                           "2\t/b\trec\\tord\t{}\t2026-01-01\tf\n"
	                           "3\t__x__\thistory\n"
	                           "\n"
	                           "4\t__x__\trecord\t{}\t2026-01-01\tt\t9\n"
	                           "5\t/b\tlong\t{\"k\": \"";
	size_t big = 2000;
	char *data = malloc(sizeof(head) + 2 * big + 200);
	char *o = data + sprintf(data, "%s", head);
	memset(o, 'x', big);
	o += big;
	o += sprintf(o, "\"}\t2026-01-01\tt\n6\t");
	memset(o, 'p', big);
	o += big;
	strcpy(o, "\tbig\t{}\t2026-01-01\tf\n7\t\\\\b\tr\\\\\t{}\t2026-01-01\ttrue\n\\.\r\n");
	/* A byte at a time: no line lies whole in a buffer, so every one is
	 * read through its kept ends. */
	struct ksd_catalog *ref = read_pieces(schema_v26, data, 0, 1, true);
	ck_assert_uint_eq(ksd_schema_table(pub(ref), "objects")->rows, 8);
	ck_assert_uint_eq(resource(pub(ref), "rec\tord"), 1);
	ck_assert_uint_ge(pub(ref)->inventory.tombstones, 3);
	size_t len = strlen(data);
	for (size_t cut = 0; cut <= len; cut += cut < 300 || cut > len - 300 ? 1 : 53) {
		struct ksd_catalog *cat = read_split(schema_v26, data, cut, true);
		same_inventory(pub(cat), pub(ref));
		ksd_catalog_free(cat);
	}
	ksd_catalog_free(ref);
	free(data);
}
END_TEST

START_TEST(nothing_is_counted_unless_asked)
{
	char *data = objects_copy();
	struct ksd_catalog *cat = read_split(schema_v26, data, 10, false);
	const struct ksd_schema *s = pub(cat);
	ck_assert(!ksd_schema_table(s, "objects")->data_dumped);
	ck_assert_uint_eq(ksd_schema_table(s, "objects")->rows, 0);
	ck_assert_uint_eq(s->inventory.nresources, 0);
	ck_assert_uint_eq(s->inventory.tombstones, 0);
	ksd_catalog_free(cat);
	free(data);
}
END_TEST

START_TEST(resource_names_past_the_cap_are_counted_together)
{
	size_t n = KSD_MAX_RESOURCES + 5;
	char *data = malloc(200 + n * 80);
	char *o = data + sprintf(data, "COPY public.objects (id, parent_id, resource_name, data, "
	                               "last_modified, deleted) FROM stdin;\n");
	for (size_t i = 0; i < n; i++)
		o += sprintf(o, "r\tp\tname%zu\t{}\t2026-01-01\tf\n", i);
	strcpy(o, "\\.\n");
	struct ksd_catalog *cat = read_split(schema_v26, data, 0, true);
	const struct ksd_schema *s = pub(cat);
	ck_assert_uint_eq(s->inventory.nresources, KSD_MAX_RESOURCES);
	ck_assert_uint_eq(s->inventory.other, 5);
	ck_assert_uint_eq(ksd_schema_table(s, "objects")->rows, n);
	ksd_catalog_free(cat);
	free(data);
}
END_TEST

START_TEST(insert_rows_are_counted)
{
	static const char data[] =
	    "INSERT INTO public.objects (id, parent_id, resource_name, data, last_modified, "
	    "deleted) VALUES ('a', '/b', 'record', '{\"x\": \"(,)\"}', '2026-01-01', true), "
	    "('b', '/b', 'record', '{}', '2026-01-01', false);\n"
	    "INSERT INTO public.objects VALUES ('c', '/', 'bucket', '{}', '2026-01-01', false);\n"
	    "-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: k\n";
	struct ksd_catalog *cat = read_split(schema_v26, data, 0, true);
	const struct ksd_schema *s = pub(cat);
	ck_assert_uint_eq(ksd_schema_table(s, "objects")->rows, 3);
	ck_assert_uint_eq(resource(s, "record"), 2);
	ck_assert_uint_eq(resource(s, "bucket"), 1);
	ck_assert_uint_eq(s->inventory.tombstones, 1);
	/* An empty table with its TABLE DATA header: dumped, no rows. */
	ck_assert(ksd_schema_table(s, "metadata")->data_dumped);
	ck_assert_uint_eq(ksd_schema_table(s, "metadata")->rows, 0);
	ksd_catalog_free(cat);
}
END_TEST

/* A skipped INSERT's answer is remembered for the same head only until the
 * next statement the extractor reads: here the table it names appears. */
START_TEST(a_skipped_insert_head_is_asked_again_after_a_statement)
{
	static const char data[] = "INSERT INTO public.late VALUES (1);\n"
	                           "INSERT INTO public.late VALUES (2);\n"
	                           "CREATE TABLE public.late (x integer);\n"
	                           "INSERT INTO public.late VALUES (3);\n"
	                           "INSERT INTO public.late VALUES (4), (5);\n";
	for (size_t cut = 0; cut < sizeof(data) - 1; cut++) {
		struct ksd_catalog *cat = read_split(schema_v26, data, cut, true);
		ck_assert_uint_eq(ksd_schema_table(pub(cat), "late")->rows, 3);
		ksd_catalog_free(cat);
	}
}
END_TEST

/* Skipped INSERTs (nobody reads public.skipped) with doubled quotes, a ';'
 * and a "''" across every cut, and long runs of column names: the rows of
 * the table after them are all counted, and the objects' resource runs
 * (record, record, history, record) and the tombstone at a short line's
 * end are read whatever the cut. */
START_TEST(skipped_inserts_with_doubled_quotes_end_where_they_end)
{
	static const char data[] =
	    "INSERT INTO public.skipped (a_long_column_name, another_long_one) VALUES "
	    "('it''s; ''quoted'' '''' x', 'don''t'), ('''', '');\n"
	    "INSERT INTO public.skipped (a_long_column_name, another_long_one) VALUES "
	    "('a'';', '''b''');\n"
	    "INSERT INTO public.late VALUES (1);\n"
	    "COPY public.objects (id, parent_id, resource_name, data, last_modified, deleted) "
	    "FROM stdin;\n"
	    "1\t/b\trecord\t{}\t2026-01-01\tf\n"
	    "2\t/b\trecord\t{}\t2026-01-01\tt\n"
	    "3\t/b\thistory\t{}\t2026-01-01\tf\n"
	    "4\t/b\trecord\t{}\t2026-01-01\tf\n"
	    "\\.\n";
	static const char ddl[] = "CREATE TABLE public.late (x integer);\n";
	char *both = malloc(sizeof(schema_v26) + sizeof(ddl));
	memcpy(both, schema_v26, sizeof(schema_v26) - 1);
	memcpy(both + sizeof(schema_v26) - 1, ddl, sizeof(ddl));
	for (size_t cut = 0; cut < sizeof(data) - 1; cut++) {
		struct ksd_catalog *cat = read_split(both, data, cut, true);
		ck_assert_uint_eq(ksd_schema_table(pub(cat), "late")->rows, 1);
		ck_assert_uint_eq(ksd_schema_table(pub(cat), "objects")->rows, 4);
		ck_assert_uint_eq(resource(pub(cat), "record"), 3);
		ck_assert_uint_eq(resource(pub(cat), "history"), 1);
		ck_assert_uint_eq(pub(cat)->inventory.tombstones, 1);
		ksd_catalog_free(cat);
	}
	free(both);
}
END_TEST

static const char twin_rows[] =
    "COPY public.deleted (id, parent_id, collection_id, last_modified) FROM stdin;\n"
    "gone\t/b/c\trecord\t2026-01-01\n"
    "back\t/b/c\trecord\t2026-01-01\n"
    "\\.\n"
    "COPY public.records (id, parent_id, collection_id, data, last_modified) FROM stdin;\n"
    "kept\t/b/c\trecord\t{}\t2026-01-01\n"
    "back\t/b/c\trecord\t{}\t2026-01-01\n"
    "\\.\n";

START_TEST(a_twin_is_found_at_10_to_17_even_uncounted)
{
	struct ksd_catalog *cat = read_split(schema_v11, twin_rows, 0, false);
	const struct ksd_twin *tw = &pub(cat)->twin;
	ck_assert(tw->found);
	ck_assert_str_eq(tw->id, "back");
	ck_assert_str_eq(tw->parent_id, "/b/c");
	ck_assert_str_eq(tw->collection_id, "record");
	ksd_catalog_free(cat);
}
END_TEST

START_TEST(the_twin_tables_whose_rows_were_there_are_recorded)
{
	struct ksd_catalog *cat = read_split(schema_v11, twin_rows, 0, false);
	ck_assert_uint_eq(pub(cat)->twin.searched, KSD_TWIN_RECORDS | KSD_TWIN_DELETED);
	ksd_catalog_free(cat);
	char *deleted_only =
	    strndup(twin_rows, strstr(twin_rows, "COPY public.records") - twin_rows);
	cat = read_split(schema_v11, deleted_only, 0, false);
	ck_assert_uint_eq(pub(cat)->twin.searched, KSD_TWIN_DELETED);
	ksd_catalog_free(cat);
	free(deleted_only);
	cat = read_split(schema_v11, "", 0, false);
	ck_assert_uint_eq(pub(cat)->twin.searched, 0);
	ksd_catalog_free(cat);
}
END_TEST

START_TEST(no_twin_without_the_same_key)
{
	char *data = strdup(twin_rows);
	char *b = strstr(strstr(data, "COPY public.records"), "back");
	b[0] = 'B'; /* a different id */
	struct ksd_catalog *cat = read_split(schema_v11, data, 0, true);
	ck_assert(!pub(cat)->twin.found);
	ck_assert_uint_eq(pub(cat)->inventory.tombstones, 2);
	ksd_catalog_free(cat);
	free(data);
}
END_TEST

START_TEST(no_twin_is_looked_for_once_records_has_deleted)
{
	char ddl[sizeof(schema_v11) + 64];
	strcpy(ddl, schema_v11);
	strcat(ddl, "ALTER TABLE public.records ADD COLUMN deleted boolean;\n");
	struct ksd_catalog *cat = read_split(ddl, twin_rows, 0, false);
	ck_assert(!pub(cat)->twin.found);
	ksd_catalog_free(cat);
}
END_TEST

START_TEST(from_18_the_deleted_leftovers_are_no_more_tombstones)
{
	char ddl[sizeof(schema_v11) + 64];
	strcpy(ddl, schema_v11);
	strcat(ddl, "ALTER TABLE public.records ADD COLUMN deleted boolean;\n");
	static const char data[] =
	    "COPY public.deleted (id, parent_id, collection_id, last_modified) FROM stdin;\n"
	    "gone\t/b/c\trecord\t2026-01-01\n"
	    "\\.\n"
	    "COPY public.records (id, parent_id, collection_id, data, last_modified, deleted) "
	    "FROM stdin;\n"
	    "gone\t/b/c\trecord\t{}\t2026-01-01\tt\n"
	    "kept\t/b/c\trecord\t{}\t2026-01-01\tf\n"
	    "\\.\n";
	struct ksd_catalog *cat = read_split(ddl, data, 0, true);
	ck_assert_uint_eq(pub(cat)->inventory.tombstones, 1);
	ck_assert_uint_eq(ksd_schema_table(pub(cat), "deleted")->rows, 1);
	ksd_catalog_free(cat);
}
END_TEST

/* An archive's data member is read for data only (reader/stmts.c with no
 * script hook): a \connect there is passed over, where a script's switches
 * database; the rows around it are counted all the same. */
START_TEST(a_data_member_interprets_no_meta_command)
{
	static const char data[] = "\\connect other\n"
	                           "CREATE TABLE public.x (a int);\n"
	                           "INSERT INTO public.objects VALUES ('a', '/b', 'record', '{}', "
	                           "'2024-01-01', false);\n"
	                           "-- PostgreSQL database dump\n"
	                           "\\connect other\n";
	for (int script = 0; script < 2; script++) {
		struct ksd_catalog *cat = ksd_catalog_new();
		struct ksd_dump *dump = ksd_dump_new();
		ck_assert_ptr_nonnull(cat);
		ck_assert_ptr_nonnull(dump);
		struct ksd_extract *x = ksd_extract_new(cat, dump, true);
		struct ksd_err err;
		ksd_err_clear(&err);
		struct plain *p = plain_new(x, &err);
		ck_assert_int_eq(plain_feed(p, schema_v26, strlen(schema_v26)), KSD_OK);
		if (script) {
			ck_assert_int_eq(plain_feed(p, data, strlen(data)), KSD_OK);
			/* no dump trailer after the header comment */
			ck_assert_int_eq(plain_finish(p), KSD_WARN);
		} else {
			struct stmts st;
			stmts_init(&st, x, &err);
			enum sql_open open;
			ck_assert_int_eq(stmts_feed(&st, data, strlen(data), NULL, NULL), KSD_OK);
			ck_assert_int_eq(stmts_finish(&st, NULL, NULL, &open), KSD_OK);
			ck_assert_int_eq(open, SQL_OPEN_NONE);
			stmts_free(&st);
			ck_assert_int_eq(plain_finish(p), KSD_OK);
		}
		ck_assert_uint_eq(cat->ndatabases, (script ? 2u : 1u));
		if (!script)
			ck_assert_uint_eq(resource(pub(cat), "record"), 1);
		plain_free(p);
		ksd_extract_free(x);
		ksd_catalog_free(cat);
		ksd_dump_free(dump);
	}
}
END_TEST

Suite *data_suite(void)
{
	Suite *s = suite_create("data");
	TCase *tc = tcase_create("data");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rows_are_counted_at_every_buffer_cut);
	tcase_add_test(tc, lines_read_in_place_say_what_they_say_cut);
	tcase_add_test(tc, nothing_is_counted_unless_asked);
	tcase_add_test(tc, resource_names_past_the_cap_are_counted_together);
	tcase_add_test(tc, insert_rows_are_counted);
	tcase_add_test(tc, a_skipped_insert_head_is_asked_again_after_a_statement);
	tcase_add_test(tc, a_twin_is_found_at_10_to_17_even_uncounted);
	tcase_add_test(tc, the_twin_tables_whose_rows_were_there_are_recorded);
	tcase_add_test(tc, no_twin_without_the_same_key);
	tcase_add_test(tc, no_twin_is_looked_for_once_records_has_deleted);
	tcase_add_test(tc, from_18_the_deleted_leftovers_are_no_more_tombstones);
	tcase_add_test(tc, a_data_member_interprets_no_meta_command);
	tcase_add_test(tc, skipped_inserts_with_doubled_quotes_end_where_they_end);
	suite_add_tcase(s, tc);
	return s;
}
