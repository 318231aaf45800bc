/* The tar reader: a real pg_dump 15 tar from a file and from a pipe, cut at
 * many places; hostile member order, sizes and names. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/archive_builder.h"
#include "ksd_limits.h"
#include "lib/feed.h"

START_TEST(a_real_tar_is_read_from_a_file_and_a_pipe)
{
	size_t len;
	unsigned char *data = feed_fixture_bytes("tiny.tar", &len);
	struct feed_result r = feed_read(KSD_FMT_TAR, data, len, _i ? FEED_PIPE : FEED_FILE);
	ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
	ck_assert_uint_eq(feed_public_rows(r.cat), 3);
	ck_assert_uint_eq(r.dump->ntoc, 13);
	feed_free(&r);
	free(data);
}
END_TEST

/* Anywhere before the end-of-archive blocks: an error, never a crash. A
 * cut inside those blocks loses nothing and is accepted. */
START_TEST(a_real_tar_cut_before_its_end_is_an_error)
{
	size_t len;
	unsigned char *data = feed_fixture_bytes("tiny.tar", &len);
	for (size_t cut = 0; cut + 512 < len; cut += 61) {
		struct feed_result r = feed_read(KSD_FMT_TAR, data, cut, FEED_FILE);
		ck_assert_msg(r.rc == KSD_FATAL || r.rc == KSD_WARN, "cut at %zu: rc %d", cut,
		              r.rc);
		ck_assert_msg(r.err.set, "cut at %zu: no message", cut);
		feed_free(&r);
	}
	free(data);
}
END_TEST

static struct ab tar_with(const char *first, const char *data_name, const char *data,
                          size_t data_len)
{
	struct ab toc = ab_dir_toc("20.dat");
	struct ab b = {0};
	if (strcmp(first, "toc.dat") != 0)
		ab_tar_member(&b, first, "x", 1);
	ab_tar_member(&b, "toc.dat", toc.p, toc.len);
	ab_tar_member(&b, "30.dat", "\\.\n\n\n", 5);
	if (data_name)
		ab_tar_member(&b, data_name, data, data_len);
	ab_tar_member(&b, "restore.sql", "--\n", 3);
	ab_tar_end(&b);
	free(toc.p);
	return b;
}

START_TEST(members_are_found_by_the_toc_file_name)
{
	struct ab b = tar_with("toc.dat", "20.dat", AB_ROWS, strlen(AB_ROWS));
	struct feed_result r = feed_read(KSD_FMT_TAR, b.p, b.len, FEED_FILE);
	ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
	ck_assert_uint_eq(feed_public_rows(r.cat), 2);
	feed_free(&r);
	free(b.p);
}
END_TEST

START_TEST(hostile_tars_fail_with_a_message)
{
	struct ab b;
	const char *want;
	switch (_i) {
	case 0:
		b = (struct ab){0};
		ab_tar_member(&b, "dump.sql", "--\n", 3);
		ab_tar_member(&b, "20.dat", AB_ROWS, strlen(AB_ROWS));
		ab_tar_end(&b);
		want = "no toc.dat member in this tar archive: not a pg_dump tar archive";
		break;
	case 1:
		/* Readable, but incomplete: the metadata's data member is missing. */
		b = tar_with("toc.dat", NULL, NULL, 0);
		want = "the data of 1 TOC entry is missing: 20.dat (public.metadata)";
		break;
	case 2:
		b = tar_with("toc.dat", "20.dat", AB_ROWS, strlen(AB_ROWS));
		/* The data member's size field made huge (octal, 11 digits). */
		for (size_t at = 0; at + 512 <= b.len; at += 512)
			if (memcmp(b.p + at, "20.dat", 7) == 0) {
				memcpy(b.p + at + 124, "77777777777", 11);
				unsigned sum = 0;
				memset(b.p + at + 148, ' ', 8);
				for (int i = 0; i < 512; i++)
					sum += b.p[at + i];
				char field[9];
				snprintf(field, sizeof(field), "%07o ", sum);
				memcpy(b.p + at + 148, field, 8);
			}
		want = "";
		break;
	default:
		b = tar_with("toc.dat", "20.dat", "x\n", 2);
		b.p[148] ^= 1; /* toc.dat's checksum */
		want = "";
		break;
	}
	struct feed_result r = feed_read(KSD_FMT_TAR, b.p, b.len, FEED_FILE);
	ck_assert_msg(_i == 1 ? r.rc == KSD_INCOMPLETE : r.rc == KSD_FATAL || r.rc == KSD_WARN,
	              "case %d: rc %d", _i, r.rc);
	ck_assert_msg(r.err.set && strstr(r.err.msg, want) != NULL, "case %d: %s", _i, r.err.msg);
	feed_free(&r);
	free(b.p);
}
END_TEST

/* A tar of the members `order` names, in that order: t toc.dat, m the
 * metadata's 20.dat (`mlen` bytes: AB_ROWS, padded with blank lines), r the
 * records' 30.dat, s restore.sql, x README. */
static struct ab tar_in_order(const char *order, size_t mlen)
{
	struct ab toc = ab_dir_toc("20.dat");
	char *rows = malloc(mlen);
	ck_assert_ptr_nonnull(rows);
	memset(rows, '\n', mlen);
	memcpy(rows, AB_ROWS, strlen(AB_ROWS));
	struct ab b = {0};
	for (const char *c = order; *c; c++)
		switch (*c) {
		case 't':
			ab_tar_member(&b, "toc.dat", toc.p, toc.len);
			break;
		case 'm':
			ab_tar_member(&b, "20.dat", rows, mlen);
			break;
		case 'r':
			ab_tar_member(&b, "30.dat", "\\.\n\n\n", 5);
			break;
		case 's':
			ab_tar_member(&b, "restore.sql", "--\n", 3);
			break;
		default:
			ab_tar_member(&b, "README", "re-packed\n", 10);
			break;
		}
	ab_tar_end(&b);
	free(toc.p);
	free(rows);
	return b;
}

/* Re-packed tars are read as pg_restore reads them, toc.dat found among the
 * members, from a file (a second pass) or a pipe (members kept); how they
 * are laid out is recorded. */
static const struct {
	const char *order;
	unsigned layout;
} orders[] = {
    {"tmrs", 0},
    {"tmrsx", 0},
    {"stmr", KSD_TAR_TOC_NOT_FIRST},
    {"xmrst", KSD_TAR_TOC_NOT_FIRST | KSD_TAR_DATA_BEFORE_TOC},
    {"rsmt", KSD_TAR_TOC_NOT_FIRST | KSD_TAR_DATA_BEFORE_TOC | KSD_TAR_DATA_OUT_OF_ORDER},
    {"mtr", KSD_TAR_TOC_NOT_FIRST | KSD_TAR_DATA_BEFORE_TOC},
    {"rtm", KSD_TAR_TOC_NOT_FIRST | KSD_TAR_DATA_BEFORE_TOC | KSD_TAR_DATA_OUT_OF_ORDER},
    {"trms", KSD_TAR_DATA_OUT_OF_ORDER},
};

START_TEST(members_in_any_order_are_read)
{
	struct ab b = tar_in_order(orders[_i / 2].order, strlen(AB_ROWS));
	struct feed_result r =
	    feed_read(KSD_FMT_UNKNOWN, b.p, b.len, _i % 2 ? FEED_PIPE : FEED_FILE);
	ck_assert_msg(r.rc == KSD_OK, "%s: %s", orders[_i / 2].order, r.err.msg);
	ck_assert_uint_eq(feed_public_rows(r.cat), 2);
	ck_assert_uint_eq(r.dump->archive.tar_layout, orders[_i / 2].layout);
	feed_free(&r);
	free(b.p);
}
END_TEST

/* A stream cannot go back: a metadata member before toc.dat is kept only
 * when it is small; a larger one is a partial result naming it, while the
 * same file is read whole. Memory stays bounded either way. */
START_TEST(a_stream_keeps_only_small_early_members)
{
	struct ab b = tar_in_order("rmts", KSD_MAX_TAR_KEPT + 1);
	struct feed_result r = feed_read(KSD_FMT_UNKNOWN, b.p, b.len, FEED_PIPE);
	ck_assert_int_eq(r.rc, KSD_WARN);
	ck_assert_msg(strstr(r.err.msg, "member 20.dat of TOC entry 20 came before toc.dat in "
	                                "this stream and was too large to keep") != NULL,
	              "%s", r.err.msg);
	ck_assert(r.dump->partial);
	feed_free(&r);
	r = feed_read(KSD_FMT_UNKNOWN, b.p, b.len, FEED_FILE);
	ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
	ck_assert_uint_eq(feed_public_rows(r.cat), 2);
	feed_free(&r);
	free(b.p);
}
END_TEST

/* A TOC without data entries (pg_dump -s) has nothing to put in TOC order:
 * found by the tar fuzzer (regress/tar/toc-without-data-entries). */
START_TEST(a_toc_without_data_entries_is_read)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/pg15/mig-v17-schema-only.tar",
	         getenv("KSD_TESTDATA") ? getenv("KSD_TESTDATA") : "testdata");
	struct feed_result r = feed_read_path(path);
	ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
	ck_assert_uint_eq(r.dump->archive.tar_layout, 0);
	feed_free(&r);
}
END_TEST

Suite *tar_suite(void)
{
	Suite *s = suite_create("tar");
	TCase *tc = tcase_create("tar");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, a_real_tar_is_read_from_a_file_and_a_pipe, 0, 2);
	tcase_add_test(tc, a_real_tar_cut_before_its_end_is_an_error);
	tcase_add_test(tc, members_are_found_by_the_toc_file_name);
	tcase_add_loop_test(tc, hostile_tars_fail_with_a_message, 0, 4);
	tcase_add_loop_test(tc, members_in_any_order_are_read, 0,
	                    2 * sizeof(orders) / sizeof(orders[0]));
	tcase_add_test(tc, a_stream_keeps_only_small_early_members);
	tcase_add_test(tc, a_toc_without_data_entries_is_read);
	suite_add_tcase(s, tc);
	return s;
}
