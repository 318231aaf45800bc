/* The custom-format reader: every archive version with its metadata rows,
 * every compression, recorded and unset offsets, pipes; hostile archives
 * (bad blocks, bombs, foreign offsets) and a real one cut at every byte. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "lib/archive_builder.h"
#include "lib/feed.h"

static const struct ksd_schema *schema(const struct ksd_catalog *cat, const char *name)
{
	if (cat->ndatabases != 1)
		return NULL;
	return ksd_database_schema(&cat->databases[0], name);
}

static void assert_rows(const struct feed_result *r, const char *ns, const char *version)
{
	ck_assert_msg(r->rc == KSD_OK, "rc %d: %s", r->rc, r->err.msg);
	const struct ksd_schema *s = schema(r->cat, ns);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(ksd_schema_table(s, "metadata"));
	ck_assert_uint_eq(s->metadata.nrows, 2);
	ck_assert_str_eq(s->metadata.rows[0].name, "storage_schema_version");
	ck_assert_str_eq(s->metadata.rows[0].value, version);
	ck_assert(r->cat->any_data_seen);
}

START_TEST(every_archive_version_yields_table_and_rows)
{
	int vmin = _i;
	/* Before 1.2 gzip is implied; before 1.3 there is no COPY statement,
	 * so the data is INSERTs. */
	enum ab_comp comp = vmin < 2 || vmin % 2 ? AB_ZLIB : AB_NONE;
	const char *payload = vmin >= 3
	                          ? AB_ROWS
	                          : "INSERT INTO public.metadata VALUES ('storage_schema_version', "
	                            "'20');\nINSERT INTO public.metadata VALUES "
	                            "('permission_schema_version', '1');\n";
	for (int flag = 1; flag <= 2; flag++) {
		struct ab b = ab_custom(vmin, 4, vmin >= 7 ? 8 : 4, comp, flag, payload);
		struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, FEED_FILE);
		assert_rows(&r, "public", "20");
		ck_assert_uint_eq(r.dump->ntoc, 2);
		ck_assert_int_eq(r.dump->toc[1].dump_id, 20);
		ck_assert_str_eq(r.dump->toc[1].desc, "TABLE DATA");
		ck_assert(r.dump->toc[1].selected);
		feed_free(&r);
		free(b.p);
	}
}
END_TEST

START_TEST(every_compression_with_and_without_offsets_and_from_a_pipe)
{
	enum ab_comp comp = (enum ab_comp)(_i % 4);
	int flag = 1 + (_i / 4) % 2;
	enum feed_via via = _i >= 8 ? FEED_PIPE : FEED_FILE;
	struct ab b = ab_custom(16, 4, 8, comp, flag, AB_ROWS);
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, via);
	assert_rows(&r, "public", "20");
	feed_free(&r);
	free(b.p);
}
END_TEST

START_TEST(eight_byte_ints_are_read)
{
	struct ab b = ab_custom(14, 8, 8, AB_ZLIB, 2, AB_ROWS);
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, FEED_FILE);
	assert_rows(&r, "public", "20");
	feed_free(&r);
	free(b.p);
}
END_TEST

/* Before 1.13 the SQL is unqualified: the entry's namespace places it. */
START_TEST(unqualified_sql_goes_to_the_entry_namespace)
{
	struct ab b = {NULL, 0, 0, 12, 4, 8};
	ab_head(&b, 1, 0);
	ab_int(&b, 2);
	struct ab_entry table =
	    ab_table_entry(1, "CREATE TABLE metadata (\n    name character varying(128) NOT NULL,\n"
	                      "    value character varying(512) NOT NULL\n);\n");
	table.ns = "kinto";
	table.owner = "k";
	struct ab_entry data = {.id = 2,
	                        .had_dumper = 1,
	                        .tag = "metadata",
	                        .desc = "TABLE DATA",
	                        .copy = "COPY metadata (name, value) FROM stdin;\n",
	                        .ns = "kinto",
	                        .owner = "k",
	                        .flag = 1};
	ab_entry(&b, &table);
	ab_entry(&b, &data);
	ab_block(&b, 2, AB_ROWS, strlen(AB_ROWS), 7);
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, FEED_FILE);
	assert_rows(&r, "kinto", "20");
	ck_assert_ptr_null(schema(r.cat, "public"));
	feed_free(&r);
	free(b.p);
}
END_TEST

/* A second statement in one definition is seen too. */
START_TEST(definitions_with_several_statements)
{
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_head(&b, 1, 0);
	ab_int(&b, 1);
	struct ab_entry table =
	    ab_table_entry(1, "CREATE TABLE public.a (x integer);\n"
	                      "CREATE TABLE public.b (y text);\n"
	                      "ALTER TABLE ONLY public.b ALTER COLUMN y SET NOT NULL;\n");
	table.owner = "k";
	ab_entry(&b, &table);
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, FEED_FILE);
	ck_assert_int_eq(r.rc, KSD_OK);
	const struct ksd_schema *s = schema(r.cat, "public");
	ck_assert_ptr_nonnull(ksd_schema_table(s, "a"));
	struct ksd_table *t = ksd_schema_table(s, "b");
	ck_assert_ptr_nonnull(t);
	ck_assert(ksd_table_column(t, "y")->not_null);
	ck_assert(!r.cat->any_data_seen);
	feed_free(&r);
	free(b.p);
}
END_TEST

/* Archives that must fail, with a message naming the problem. */
struct hostile {
	const char *name;
	const char *msg;
	int rc;
};

static const struct hostile hostiles[] = {
    {"dump id 0", "TOC entry with dump id 0", KSD_FATAL},
    {"string past EOF", "runs past the end", KSD_FATAL},
    {"offset flag 9", "data offset flag 9", KSD_WARN}, /* the first entry is kept */
    {"offset past EOF",
     "the file ends inside its data: the data of 1 TOC entry is missing: "
     "public.metadata",
     KSD_INCOMPLETE},
    {"offset at another block", "block offset points at another block (TOC entry 20)", KSD_WARN},
    {"negative chunk", "bad chunk length (TOC entry 20)", KSD_WARN},
    {"bad block type", "unknown data block type (TOC entry 30)", KSD_WARN},
    {"bomb", "a decompression bomb", KSD_WARN},
    {"corrupt zlib", "corrupt zlib data", KSD_WARN},
    {"zlib cut", "ends in the middle of its stream", KSD_WARN},
    {"trailing zlib", "data after the end of the compressed stream", KSD_WARN},
    {"block missing", "the data of 1 TOC entry is missing: public.records", KSD_INCOMPLETE},
};

/* An archive whose only entry is the metadata data, its block holding the
 * zlib bytes `z` as is (damaged or not) in chunks of `chunk`. */
static struct ab zlib_block_archive(const unsigned char *z, size_t zlen, size_t chunk)
{
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_head(&b, 1, -1);
	ab_int(&b, 1);
	struct ab_entry data = ab_data_entry(20, "metadata", AB_COPY);
	data.flag = 1;
	ab_entry(&b, &data);
	ab_block(&b, 20, z, zlen, chunk);
	return b;
}

static struct ab hostile_archive(int i)
{
	uint64_t block;
	struct ab b = ab_custom_at(14, 4, 8, AB_ZLIB, 2, AB_ROWS, &block);
	const char *name = hostiles[i].name;
	/* The first entry's dump id (10) follows the header and the count. */
	struct ab h = {NULL, 0, 0, 14, 4, 8};
	ab_head(&h, 1, -1);
	size_t head = h.len + 5;
	free(h.p);
	ck_assert_int_eq(b.p[head + 1], 10);
	if (strcmp(name, "dump id 0") == 0) {
		b.p[head + 1] = 0;
	} else if (strcmp(name, "string past EOF") == 0) {
		b.len = head + 40;
		/* the tableoid string's length, made larger than the rest */
		b.p[head + 10 + 1] = 200;
	} else if (strcmp(name, "offset flag 9") == 0 || strcmp(name, "offset past EOF") == 0 ||
	           strcmp(name, "offset at another block") == 0) {
		/* The data entry's offset (flag + 8 bytes) ends the TOC. */
		size_t pos = block - 9;
		ck_assert_int_eq(b.p[pos], 2);
		if (strcmp(name, "offset flag 9") == 0)
			b.p[pos] = 9;
		else if (strcmp(name, "offset past EOF") == 0)
			b.p[pos + 2] = 0x7f;
		else {
			/* Point it at a second block with another id. */
			uint64_t off = b.len;
			for (int k = 0; k < 8; k++)
				b.p[pos + 1 + k] = (unsigned char)(off >> (8 * k));
			ab_block(&b, 21, "x", 1, 1);
		}
	} else if (strcmp(name, "negative chunk") == 0) {
		b.p[block + 6] = 1; /* after type and dump id: the first chunk length's sign */
	} else if (strcmp(name, "bad block type") == 0 || strcmp(name, "block missing") == 0) {
		/* Unset offsets and a second data entry: the blocks are walked. */
		free(b.p);
		b = (struct ab){NULL, 0, 0, 14, 4, 8};
		ab_head(&b, 1, 0);
		ab_int(&b, 2);
		struct ab_entry other =
		    ab_data_entry(30, "records", "COPY public.records FROM stdin;\n");
		other.flag = 1;
		struct ab_entry data = ab_data_entry(20, "metadata", AB_COPY);
		data.flag = 1;
		ab_entry(&b, &other);
		ab_entry(&b, &data);
		if (strcmp(name, "bad block type") == 0) {
			size_t at = b.len;
			ab_block(&b, 30, "a\n\\.\n", 5, 100);
			b.p[at] = 2;
		}
		ab_block(&b, 20, AB_ROWS, strlen(AB_ROWS), 100);
	} else if (strcmp(name, "bomb") == 0) {
		size_t n = KSD_MAX_BLOCK_OUT + (1u << 20);
		char *zeros = calloc(1, n);
		free(b.p);
		size_t zlen;
		unsigned char *z = ab_compress(AB_ZLIB, zeros, n, &zlen);
		free(zeros);
		b = zlib_block_archive(z, zlen, 4096);
		free(z);
	} else {
		/* The zlib payload, rebuilt damaged. */
		size_t zlen;
		unsigned char *z = ab_compress(AB_ZLIB, AB_ROWS, strlen(AB_ROWS), &zlen);
		if (strcmp(name, "corrupt zlib") == 0)
			z[3] ^= 0xff;
		else if (strcmp(name, "zlib cut") == 0)
			zlen -= 6;
		else
			z[zlen++] = 'x'; /* room: compressBound exceeds the output */
		free(b.p);
		b = zlib_block_archive(z, zlen, 5);
		free(z);
	}
	return b;
}

START_TEST(hostile_archives_fail_with_a_located_message)
{
	struct ab b = hostile_archive(_i);
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, FEED_FILE);
	ck_assert_msg(r.rc == hostiles[_i].rc, "%s: rc %d: %s", hostiles[_i].name, r.rc, r.err.msg);
	ck_assert_msg(strstr(r.err.msg, hostiles[_i].msg) != NULL, "%s: %s", hostiles[_i].name,
	              r.err.msg);
	ck_assert_msg(r.err.offset >= 0 && r.err.offset <= (long long)b.len, "%s: offset %lld",
	              hostiles[_i].name, r.err.offset);
	feed_free(&r);
	free(b.p);
}
END_TEST

/* A real pg_dump 15 archive cut at every byte: always an error, never a
 * crash, and never a silent success. */
START_TEST(a_real_archive_cut_at_every_byte_is_an_error)
{
	static const char *const names[] = {"tiny.custom", "tiny-pipe.custom", "tiny-z0.custom"};
	size_t len;
	unsigned char *data = feed_fixture_bytes(names[_i], &len);
	struct feed_result whole = feed_read(KSD_FMT_CUSTOM, data, len, FEED_FILE);
	ck_assert_msg(whole.rc == KSD_OK, "%s: %s", names[_i], whole.err.msg);
	ck_assert_uint_eq(schema(whole.cat, "public")->metadata.nrows, 3);
	feed_free(&whole);
	for (size_t cut = 0; cut < len; cut++) {
		struct feed_result r = feed_read(KSD_FMT_CUSTOM, data, cut, FEED_FILE);
		ck_assert_msg(r.rc == KSD_FATAL || r.rc == KSD_WARN || r.rc == KSD_INCOMPLETE,
		              "%s cut at %zu: rc %d", names[_i], cut, r.rc);
		ck_assert_msg(r.err.set && r.err.msg[0], "%s cut at %zu: no message", names[_i],
		              cut);
		feed_free(&r);
	}
	free(data);
}
END_TEST

/* pg_dump 17+ writing to a redirected stdout: offsets unset in the TOC, and
 * a rewritten copy with offsets after the data. A copy that agrees is used
 * (the big block before the metadata block is never read); one that does
 * not is ignored and the blocks are walked. */
static struct ab with_toc_copy(int damage)
{
	size_t big_len = 3u << 20;
	char *big = malloc(big_len);
	for (size_t i = 0; i < big_len; i++)
		big[i] = (char)('a' + i % 26);
	struct ab b = {NULL, 0, 0, 16, 4, 8};
	ab_head(&b, 1, 0);
	uint64_t pos[2] = {0, 0};
	for (int pass = 0; pass < 2; pass++) {
		ab_int(&b, damage == 1 && pass ? 3 : 2);
		struct ab_entry other =
		    ab_data_entry(30, "records", "COPY public.records FROM stdin;\n");
		other.flag = pass ? 2 : 1;
		other.pos = pos[0];
		struct ab_entry data = ab_data_entry(20, "metadata", AB_COPY);
		data.flag = pass ? 2 : 1;
		data.pos = pos[1];
		if (damage == 2 && pass)
			data.pos = pos[0]; /* the copy points at the wrong block */
		ab_entry(&b, &other);
		ab_entry(&b, &data);
		if (pass == 0) {
			pos[0] = b.len;
			ab_block(&b, 30, big, big_len, 4096);
			pos[1] = b.len;
			ab_block(&b, 20, AB_ROWS, strlen(AB_ROWS), 100);
		}
	}
	free(big);
	return b;
}

START_TEST(a_trailing_toc_copy_gives_the_offsets)
{
	struct ab b = with_toc_copy(_i);
	struct feed_result r = feed_read(KSD_FMT_CUSTOM, b.p, b.len, FEED_FILE);
	if (_i == 2) {
		ck_assert_int_eq(r.rc, KSD_WARN);
		ck_assert_str_eq(r.err.msg, "block offset points at another block (TOC entry 20)");
	} else {
		ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
		const struct ksd_schema *s = schema(r.cat, "public");
		ck_assert_uint_eq(s->metadata.nrows, 2);
		ck_assert_str_eq(s->metadata.rows[0].value, "20");
		if (_i == 0)
			ck_assert_msg(r.bytes_read < (1u << 20), "%llu bytes read",
			              (unsigned long long)r.bytes_read);
		else
			ck_assert_uint_gt(r.bytes_read, 3u << 20); /* walked */
	}
	feed_free(&r);
	free(b.p);
}
END_TEST

Suite *custom_suite(void)
{
	Suite *s = suite_create("custom");
	TCase *tc = tcase_create("custom");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, every_archive_version_yields_table_and_rows, 0, 17);
	tcase_add_loop_test(tc, every_compression_with_and_without_offsets_and_from_a_pipe, 0, 16);
	tcase_add_test(tc, eight_byte_ints_are_read);
	tcase_add_test(tc, unqualified_sql_goes_to_the_entry_namespace);
	tcase_add_test(tc, definitions_with_several_statements);
	tcase_add_loop_test(tc, hostile_archives_fail_with_a_located_message, 0,
	                    (int)(sizeof(hostiles) / sizeof(hostiles[0])));
	tcase_add_loop_test(tc, a_real_archive_cut_at_every_byte_is_an_error, 0, 3);
	tcase_add_loop_test(tc, a_trailing_toc_copy_gives_the_offsets, 0, 3);
	suite_add_tcase(s, tc);
	return s;
}
