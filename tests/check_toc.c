/* Archive primitives and header: sign-magnitude ints of 4 and 8 bytes, NULL
 * versus empty strings, lengths past the end, offset flags and widths, the
 * version and size checks, pg_restore's default selection, file names. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/archive_builder.h"
#include "lib/feed.h"
#include "ksd_extract.h"
#include "ksd_limits.h"
#include "ksd_source.h"
#include "reader/toc.h"
#include "reader/toc_data.h"

struct fixture {
	struct ksd_source *src;
	struct ksd_dump *dump;
	struct ksd_catalog *cat;
	struct ksd_err err;
	struct toc t;
};

/* A toc reader over `b`'s bytes, with b's version and sizes. */
static void open_toc(struct fixture *f, const struct ab *b)
{
	ksd_err_clear(&f->err);
	f->src = ksd_source_open(feed_stage(b->p, b->len, FEED_FILE), &f->err);
	ck_assert_ptr_nonnull(f->src);
	f->dump = ksd_dump_new();
	f->cat = ksd_catalog_new();
	f->t = (struct toc){.src = f->src,
	                    .err = &f->err,
	                    .dump = f->dump,
	                    .vmin = b->vmin,
	                    .int_size = b->int_size,
	                    .off_size = b->off_size,
	                    .custom = true};
}

static void close_toc(struct fixture *f)
{
	ksd_source_free(f->src);
	ksd_dump_free(f->dump);
	ksd_catalog_free(f->cat);
}

START_TEST(ints_are_sign_magnitude_least_significant_first)
{
	static const unsigned char bytes[] = {
	    0, 5,    0,    0,    0,    /* 5 */
	    1, 1,    0,    0,    0,    /* -1, not two's complement */
	    1, 0,    0,    0,    0,    /* -0 is 0 */
	    7, 2,    1,    0,    0,    /* any non-zero sign byte: -258 */
	    0, 0xff, 0xff, 0xff, 0x7f, /* INT32_MAX */
	};
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_raw(&b, bytes, sizeof(bytes));
	struct fixture f;
	open_toc(&f, &b);
	static const int64_t want[] = {5, -1, 0, -258, INT32_MAX};
	for (size_t i = 0; i < 5; i++) {
		int64_t v;
		ck_assert_int_eq(toc_read_int(&f.t, &v), KSD_OK);
		ck_assert_int_eq(v, want[i]);
	}
	int64_t v;
	ck_assert_int_eq(toc_read_int(&f.t, &v), KSD_FATAL);
	ck_assert_str_eq(f.err.msg, "unexpected end of input (5 more bytes needed)");
	ck_assert_int_eq(f.err.offset, 25);
	close_toc(&f);
	free(b.p);
}
END_TEST

START_TEST(eight_byte_ints_and_archive_1_0_without_sign_byte)
{
	struct ab b = {NULL, 0, 0, 14, 8, 8};
	ab_int(&b, 5000000000LL);
	ab_int(&b, -7);
	/* A magnitude past INT64_MAX is refused, not wrapped. */
	ab_byte(&b, 0);
	for (int i = 0; i < 8; i++)
		ab_byte(&b, 0xff);
	struct fixture f;
	open_toc(&f, &b);
	int64_t v;
	ck_assert_int_eq(toc_read_int(&f.t, &v), KSD_OK);
	ck_assert_int_eq(v, 5000000000LL);
	ck_assert_int_eq(toc_read_int(&f.t, &v), KSD_OK);
	ck_assert_int_eq(v, -7);
	ck_assert_int_eq(toc_read_int(&f.t, &v), KSD_FATAL);
	ck_assert_str_eq(f.err.msg, "integer out of range");
	ck_assert_int_eq(f.err.offset, 18);
	close_toc(&f);
	free(b.p);

	struct ab old = {NULL, 0, 0, 0, 4, 4};
	ab_int(&old, 300);
	ck_assert_uint_eq(old.len, 4);
	open_toc(&f, &old);
	ck_assert_int_eq(toc_read_int(&f.t, &v), KSD_OK);
	ck_assert_int_eq(v, 300);
	close_toc(&f);
	free(old.p);
}
END_TEST

START_TEST(null_and_empty_strings_differ)
{
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_str(&b, NULL);
	ab_str(&b, "");
	ab_str(&b, "abc");
	ab_raw(&b, "\1\0\0\0\0", 5); /* length -0: empty, as pg_restore reads it */
	struct fixture f;
	open_toc(&f, &b);
	char *s;
	ck_assert_int_eq(toc_read_str(&f.t, &s, 100, "s"), KSD_OK);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(toc_read_str(&f.t, &s, 100, "s"), KSD_OK);
	ck_assert_str_eq(s, "");
	free(s);
	ck_assert_int_eq(toc_read_str(&f.t, &s, 100, "s"), KSD_OK);
	ck_assert_str_eq(s, "abc");
	free(s);
	ck_assert_int_eq(toc_read_str(&f.t, &s, 100, "s"), KSD_OK);
	ck_assert_str_eq(s, "");
	free(s);
	close_toc(&f);
	free(b.p);
}
END_TEST

START_TEST(string_lengths_past_the_end_or_absurd_are_refused)
{
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_int(&b, 50);
	ab_raw(&b, "short", 5);
	struct fixture f;
	open_toc(&f, &b);
	char *s = (char *)1;
	ck_assert_int_eq(toc_read_str(&f.t, &s, 1000, "tag"), KSD_FATAL);
	ck_assert_ptr_null(s);
	ck_assert_str_eq(f.err.msg, "tag of 50 bytes runs past the end (5 left)");
	ck_assert_int_eq(f.err.offset, 0);
	close_toc(&f);
	free(b.p);

	struct ab big = {NULL, 0, 0, 14, 4, 8};
	ab_int(&big, INT32_MAX);
	open_toc(&f, &big);
	ck_assert_int_eq(toc_read_str(&f.t, &s, KSD_MAX_TOC_STR, "definition"), KSD_FATAL);
	ck_assert_msg(strstr(f.err.msg, "definition of 2147483647 bytes (limit") != NULL, "%s",
	              f.err.msg);
	close_toc(&f);
	free(big.p);
}
END_TEST

START_TEST(offset_flags_and_widths)
{
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_off(&b, 2, 0x123456789aULL);
	ab_off(&b, 1, 0);
	ab_off(&b, 3, 0);
	ab_off(&b, 4, 0);
	struct fixture f;
	open_toc(&f, &b);
	int flag;
	uint64_t pos;
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_int_eq(flag, TOC_POS_SET);
	ck_assert_uint_eq(pos, 0x123456789aULL);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_int_eq(flag, TOC_POS_NOT_SET);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_int_eq(flag, TOC_NO_DATA);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_FATAL);
	ck_assert_str_eq(f.err.msg, "data offset flag 4 (1, 2 or 3 expected)");
	ck_assert_int_eq(f.err.offset, 27);
	close_toc(&f);
	free(b.p);

	/* Wider than 8 bytes: the high bytes must be zero. */
	struct ab w = {NULL, 0, 0, 14, 4, 12};
	ab_off(&w, 2, 77);
	ab_byte(&w, 2);
	for (int i = 0; i < 12; i++)
		ab_byte(&w, i == 10);
	open_toc(&f, &w);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_uint_eq(pos, 77);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_FATAL);
	ck_assert_str_eq(f.err.msg, "data offset wider than 64 bits");
	close_toc(&f);
	free(w.p);

	/* Before 1.7 an offset is an int: negative unset, 0 no data. */
	struct ab old = {NULL, 0, 0, 6, 4, 4};
	ab_int(&old, -1);
	ab_int(&old, 0);
	ab_int(&old, 4242);
	open_toc(&f, &old);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_int_eq(flag, TOC_POS_NOT_SET);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_int_eq(flag, TOC_NO_DATA);
	ck_assert_int_eq(toc_read_offset(&f.t, &flag, &pos), KSD_OK);
	ck_assert_int_eq(flag, TOC_POS_SET);
	ck_assert_uint_eq(pos, 4242);
	close_toc(&f);
	free(old.p);
}
END_TEST

/* Header variants: each must fail with the message fragment given. */
static const struct {
	int vmaj, vmin, int_size, off_size, format, comp;
	const char *msg; /* NULL: accepted */
} heads[] = {
    {1, 14, 4, 8, 1, -1, NULL},
    {1, 16, 4, 8, 1, 3, NULL},
    {1, 16, 8, 8, 1, 0, NULL},
    {1, 14, 4, 16, 1, -1, NULL},
    {1, 17, 4, 8, 1, 0, "archive version 1.17 is not supported"},
    {2, 0, 4, 8, 1, 0, "archive version 2.0 is not supported"},
    {1, 14, 2, 8, 1, -1, "integer size 2 (4 or 8 expected)"},
    {1, 14, 16, 8, 1, -1, "integer size 16 (4 or 8 expected)"},
    {1, 14, 4, 5, 1, -1, "offset size 5 (4 or 8 expected)"},
    {1, 14, 4, 8, 3, -1, "archive format byte 3, expected 1 (custom)"},
    {1, 15, 4, 8, 1, 4, "unknown compression algorithm 4"},
};

START_TEST(header_versions_and_sizes_are_checked)
{
	struct ab b = {NULL, 0, 0, heads[_i].vmin, heads[_i].int_size, heads[_i].off_size};
	if (heads[_i].int_size != 4 && heads[_i].int_size != 8)
		b.int_size = 4; /* the rest of the header cannot be written in it */
	ab_head(&b, heads[_i].format, heads[_i].comp);
	b.p[5] = (unsigned char)heads[_i].vmaj;
	if (heads[_i].int_size != b.int_size)
		b.p[8] = (unsigned char)heads[_i].int_size;
	ab_int(&b, 0); /* no TOC entries */
	struct fixture f;
	open_toc(&f, &b);
	int rc = toc_read_head(&f.t, TOC_FMT_CUSTOM);
	if (!heads[_i].msg) {
		ck_assert_msg(rc == KSD_OK, "case %d: %s", _i, f.err.msg);
		ck_assert_str_eq(f.dump->prov.database, "kinto");
		ck_assert_str_eq(f.dump->prov.pg_dump_version, "15.18 (test)");
		ck_assert_str_eq(f.dump->prov.created, "2026-01-02 03:04:05");
	} else {
		ck_assert_int_eq(rc, KSD_FATAL);
		ck_assert_msg(strstr(f.err.msg, heads[_i].msg) != NULL, "case %d: %s", _i,
		              f.err.msg);
	}
	close_toc(&f);
	free(b.p);
}
END_TEST

START_TEST(toc_counts_are_bounded)
{
	static const int64_t counts[] = {-1, INT32_MAX, 1000};
	for (size_t i = 0; i < 3; i++) {
		struct ab b = {NULL, 0, 0, 14, 4, 8};
		ab_head(&b, 1, -1);
		ab_int(&b, counts[i]);
		ab_raw(&b, "more bytes", 10);
		struct fixture f;
		open_toc(&f, &b);
		ck_assert_int_eq(toc_read_head(&f.t, TOC_FMT_CUSTOM), KSD_FATAL);
		ck_assert_msg(strstr(f.err.msg, "TOC entries (limit") != NULL, "%s", f.err.msg);
		close_toc(&f);
		free(b.p);
	}
}
END_TEST

START_TEST(versions_gate_the_header_fields)
{
	struct ab b = {NULL, 0, 0, _i, 4, 4};
	ab_head(&b, 1, _i >= 15 ? 1 : _i >= 2 ? 0 : -1);
	ab_int(&b, 0);
	struct fixture f;
	open_toc(&f, &b);
	ck_assert_msg(toc_read_head(&f.t, TOC_FMT_CUSTOM) == KSD_OK, "1.%d: %s", _i, f.err.msg);
	ck_assert_uint_eq(ksd_source_tell(f.src), b.len);
	ck_assert_int_eq(f.dump->archive.vmin, _i);
	ck_assert_int_eq(f.t.alg, _i < 2 || _i >= 15 ? KSD_COMP_ZLIB : KSD_COMP_NONE);
	if (_i >= 4)
		ck_assert_str_eq(f.dump->prov.database, "kinto");
	else
		ck_assert_ptr_null(f.dump->prov.database);
	if (_i >= 10)
		ck_assert_str_eq(f.dump->prov.server_version, "15.18 (test)");
	else
		ck_assert_ptr_null(f.dump->prov.server_version);
	close_toc(&f);
	free(b.p);
}
END_TEST

START_TEST(default_selection_matches_pg_restore)
{
	ck_assert(!toc_selected("ENCODING", "ENCODING", "SET client_encoding = 'UTF8';", false));
	ck_assert(!toc_selected("SEARCHPATH", "SEARCHPATH", "SELECT 1;", false));
	ck_assert(!toc_selected("DATABASE", "kinto", "CREATE DATABASE kinto;", false));
	ck_assert(!toc_selected("COMMENT", "DATABASE kinto", "COMMENT ON DATABASE kinto;", false));
	ck_assert(toc_selected("COMMENT", "SCHEMA public", "COMMENT ON SCHEMA public;", false));
	ck_assert(toc_selected("TABLE", "t", "CREATE TABLE t ();", false));
	ck_assert(!toc_selected("SCHEMA", "public", "", false)); /* no definition */
	ck_assert(!toc_selected("SCHEMA", "public", NULL, false));
	ck_assert(toc_selected("TABLE DATA", "t", NULL, true));
	ck_assert(toc_selected("SEQUENCE SET", "s", "SELECT setval('s', 1);", false));
	ck_assert(toc_selected("BLOB", "16462", "SELECT pg_catalog.lo_create('16462');", false));
	ck_assert(!toc_selected("<Init>", "Max OID", "x", false));
}
END_TEST

START_TEST(only_digit_dat_file_names_are_valid)
{
	ck_assert(toc_valid_file("3351.dat"));
	ck_assert(toc_valid_file("0.dat"));
	ck_assert(!toc_valid_file(".dat"));
	ck_assert(!toc_valid_file("../3351.dat"));
	ck_assert(!toc_valid_file("/etc/3351.dat"));
	ck_assert(!toc_valid_file("3351.dat.gz"));
	ck_assert(!toc_valid_file("3351.dat/x"));
	ck_assert(!toc_valid_file("blobs.toc"));
	ck_assert(!toc_valid_file(""));
}
END_TEST

/* A member's bytes arrive in chunks as small as libarchive or a pipe
 * gives them: the magic number is told across chunks, and the rows of every
 * compression land whatever the slicing. */
static const size_t chunk_sizes[] = {1, 3, 4, 4096};
static const enum ab_comp member_comps[] = {AB_NONE, AB_GZIP, AB_LZ4, AB_ZSTD};

struct chunked {
	struct ksd_source *src;
	struct ksd_err *err;
	size_t chunk;
};

static ssize_t read_chunked(void *ctx, void *buf, size_t cap)
{
	struct chunked *c = ctx;
	return ksd_source_read(c->src, buf, cap < c->chunk ? cap : c->chunk, c->err);
}

START_TEST(member_data_is_read_in_any_slicing)
{
	enum ab_comp comp = member_comps[_i / 4];
	size_t zlen;
	unsigned char *z = ab_compress(comp, AB_ROWS, strlen(AB_ROWS), &zlen);
	struct fixture f;
	struct ab b = {.vmin = 14, .int_size = 4, .off_size = 8};
	b.p = z;
	b.len = zlen;
	open_toc(&f, &b);
	struct ksd_extract *x = ksd_extract_new(f.cat, f.dump, false);
	f.t.x = x;
	struct toc_want w = {.dump_id = 7, .copy_stmt = AB_COPY};
	struct chunked c = {f.src, &f.err, chunk_sizes[_i % 4]};
	int rc = toc_data_read_member(&f.t, &w, "7.dat", f.src, read_chunked, &c);
	ck_assert_msg(rc == KSD_OK, "%s", f.err.msg);
	ksd_extract_free(x);
	const struct ksd_schema *s = ksd_database_schema(&f.cat->databases[0], "public");
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->metadata.nrows, 2);
	ck_assert_str_eq(s->metadata.rows[0].name, "storage_schema_version");
	ck_assert_str_eq(s->metadata.rows[0].value, "20");
	ck_assert_str_eq(s->metadata.rows[1].name, "permission_schema_version");
	close_toc(&f);
	free(z);
}
END_TEST

/* A member cut inside its compressed stream is an error at its offset. */
START_TEST(cut_member_data_names_member_and_offset)
{
	size_t zlen;
	unsigned char *z = ab_compress(AB_ZSTD, AB_ROWS, strlen(AB_ROWS), &zlen);
	struct fixture f;
	struct ab b = {.p = z, .len = zlen - 3, .vmin = 14, .int_size = 4, .off_size = 8};
	open_toc(&f, &b);
	struct ksd_extract *x = ksd_extract_new(f.cat, f.dump, false);
	f.t.x = x;
	struct toc_want w = {.dump_id = 7, .copy_stmt = AB_COPY};
	struct chunked c = {f.src, &f.err, 4096};
	ck_assert_int_ne(toc_data_read_member(&f.t, &w, "7.dat", f.src, read_chunked, &c), KSD_OK);
	ck_assert(f.err.set);
	ck_assert_str_eq(f.err.member, "7.dat");
	ksd_extract_free(x);
	close_toc(&f);
	free(z);
}
END_TEST

Suite *toc_suite(void)
{
	Suite *s = suite_create("toc");
	TCase *tc = tcase_create("primitives");
	tcase_add_test(tc, ints_are_sign_magnitude_least_significant_first);
	tcase_add_test(tc, eight_byte_ints_and_archive_1_0_without_sign_byte);
	tcase_add_test(tc, null_and_empty_strings_differ);
	tcase_add_test(tc, string_lengths_past_the_end_or_absurd_are_refused);
	tcase_add_test(tc, offset_flags_and_widths);
	tcase_add_loop_test(tc, header_versions_and_sizes_are_checked, 0,
	                    (int)(sizeof(heads) / sizeof(heads[0])));
	tcase_add_test(tc, toc_counts_are_bounded);
	tcase_add_loop_test(tc, versions_gate_the_header_fields, 0, TOC_VMIN_MAX + 1);
	tcase_add_test(tc, default_selection_matches_pg_restore);
	tcase_add_test(tc, only_digit_dat_file_names_are_valid);
	tcase_add_loop_test(tc, member_data_is_read_in_any_slicing, 0, 16);
	tcase_add_test(tc, cut_member_data_names_member_and_offset);
	suite_add_tcase(s, tc);
	return s;
}
