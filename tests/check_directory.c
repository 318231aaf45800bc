/* The directory reader: real pg_dump 15 directories, user-compressed toc.dat
 * and data files told by magic bytes, and hostile ones: unsafe file names,
 * missing files, a bomb, a toc.dat cut short. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/archive_builder.h"
#include "lib/feed.h"

static char *dir;

static void setup(void)
{
	dir = feed_dir_new();
}

static void teardown(void)
{
	feed_dir_free(dir);
}

START_TEST(real_directories_are_read)
{
	static const char *const names[] = {"tiny.dir", "tiny-z0.dir"};
	char path[512];
	feed_fixture(path, sizeof(path), names[_i]);
	struct feed_result r = feed_read_path(path);
	ck_assert_msg(r.rc == KSD_OK, "%s", r.err.msg);
	ck_assert_int_eq(r.dump->format, KSD_FMT_DIRECTORY);
	ck_assert_uint_eq(feed_public_rows(r.cat), 3);
	ck_assert_str_eq(r.dump->prov.database, "tiny");
	ck_assert_int_eq(r.dump->archive.format, 3);
	feed_free(&r);
}
END_TEST

/* Data in every compression, under a bare or suffixed name: the magic
 * bytes decide, not the name. toc.dat itself may be gzipped by a user. */
START_TEST(compression_is_told_by_magic_bytes)
{
	static const struct {
		enum ab_comp comp;
		const char *name;
		bool gzip_toc;
	} cases[] = {
	    {AB_NONE, "20.dat", false},    {AB_GZIP, "20.dat.gz", false},
	    {AB_GZIP, "20.dat", true},     {AB_LZ4, "20.dat.lz4", false},
	    {AB_ZSTD, "20.dat.zst", true}, {AB_ZSTD, "20.dat", false},
	};
	struct ab toc = ab_dir_toc("20.dat");
	if (cases[_i].gzip_toc) {
		size_t zlen;
		unsigned char *z = ab_compress(AB_GZIP, toc.p, toc.len, &zlen);
		feed_dir_put(dir, "toc.dat.gz", z, zlen);
		free(z);
	} else {
		feed_dir_put(dir, "toc.dat", toc.p, toc.len);
	}
	size_t zlen;
	unsigned char *z = ab_compress(cases[_i].comp, AB_ROWS, strlen(AB_ROWS), &zlen);
	feed_dir_put(dir, cases[_i].name, z, zlen);
	feed_dir_put(dir, "30.dat", "", 0); /* the other table's, never read */
	struct feed_result r = feed_read_path(dir);
	ck_assert_msg(r.rc == KSD_OK, "case %d: %s", _i, r.err.msg);
	ck_assert_uint_eq(feed_public_rows(r.cat), 2);
	ck_assert(r.cat->any_data_seen);
	feed_free(&r);
	free(z);
	free(toc.p);
}
END_TEST

START_TEST(unsafe_file_names_are_refused)
{
	static const char *const names[] = {"../20.dat", "/etc/passwd", "20.dat/../x", "x.dat",
	                                    "20.dat.gz"};
	struct ab toc = ab_dir_toc(names[_i]);
	feed_dir_put(dir, "toc.dat", toc.p, toc.len);
	feed_dir_put(dir, "20.dat", AB_ROWS, strlen(AB_ROWS));
	feed_dir_put(dir, "30.dat", "", 0);
	struct feed_result r = feed_read_path(dir);
	ck_assert_int_eq(r.rc, KSD_WARN);
	ck_assert_msg(strstr(r.err.msg, "which is not <digits>.dat: refused") != NULL, "%s",
	              r.err.msg);
	ck_assert_uint_eq(feed_public_rows(r.cat), 0);
	ck_assert_ptr_nonnull(
	    ksd_schema_table(ksd_database_schema(&r.cat->databases[0], "public"), "metadata"));
	feed_free(&r);
	free(toc.p);
}
END_TEST

/* A data file missing, wanted or not: the archive is incomplete, its
 * schema whole (not partial), and the catalog names what is missing. */
START_TEST(a_missing_data_file_makes_the_archive_incomplete)
{
	struct ab toc = ab_dir_toc("20.dat");
	feed_dir_put(dir, "toc.dat", toc.p, toc.len);
	/* One data file always there: with none, an uncompressed toc.dat is a
	 * tar archive's taken out alone (refused as such). */
	if (_i == 0)
		feed_dir_put(dir, "30.dat", "", 0);
	else
		feed_dir_put(dir, "20.dat", AB_ROWS, strlen(AB_ROWS));
	struct feed_result r = feed_read_path(dir);
	ck_assert_int_eq(r.rc, KSD_INCOMPLETE);
	ck_assert_str_eq(r.err.msg, _i == 0 ? "the data of 1 TOC entry is missing: 20.dat "
	                                      "(public.metadata)"
	                                    : "the data of 1 TOC entry is missing: 30.dat "
	                                      "(public.records)");
	ck_assert(!r.dump->partial);
	ck_assert_int_eq(r.dump->archive.missing, KSD_MISSING_FILES);
	ck_assert_uint_eq(r.dump->archive.nmissing, 1);
	ck_assert(ksd_dump_table_data_missing(r.dump, "public", "records") == (_i == 1));
	ck_assert(ksd_dump_table_data_missing(r.dump, "public", "metadata") == (_i == 0));
	ck_assert_uint_eq(feed_public_rows(r.cat), _i == 0 ? 0 : 2);
	feed_free(&r);
	free(toc.p);
}
END_TEST

/* A tar archive's toc.dat is byte for byte a -Z0 directory archive's: taken
 * out alone, none of the data files it names is beside it. */
START_TEST(a_tar_archives_toc_alone_is_refused_as_such)
{
	struct ab toc = ab_dir_toc("20.dat");
	feed_dir_put(dir, "toc.dat", toc.p, toc.len);
	struct feed_result r = feed_read_path(dir);
	ck_assert_int_eq(r.rc, KSD_FATAL);
	ck_assert_str_eq(r.err.msg,
	                 "this toc.dat belongs to a tar archive; give the .tar file (none "
	                 "of the 2 data files its TOC names is beside it)");
	ck_assert_str_eq(r.err.member, "toc.dat");
	feed_free(&r);
	free(toc.p);
}
END_TEST

/* A FIFO would block the reader and a device would never end. */
START_TEST(only_regular_data_files_are_opened)
{
	struct ab toc = ab_dir_toc("20.dat");
	feed_dir_put(dir, "toc.dat", toc.p, toc.len);
	feed_dir_put(dir, "30.dat", "", 0);
	char path[256];
	snprintf(path, sizeof(path), "%s/20.dat", dir);
	if (_i == 0)
		ck_assert_int_eq(mkfifo(path, 0600), 0);
	else
		ck_assert_int_eq(symlink("/dev/zero", path), 0);
	feed_dir_put(dir, "30.dat", "", 0);
	struct feed_result r = feed_read_path(dir);
	ck_assert_int_eq(r.rc, KSD_INCOMPLETE);
	ck_assert_str_eq(r.err.msg, "the data of 1 TOC entry is missing: 20.dat (public.metadata)");
	feed_free(&r);
	free(toc.p);
}
END_TEST

START_TEST(a_bomb_in_a_data_file_is_stopped)
{
	struct ab toc = ab_dir_toc("20.dat");
	feed_dir_put(dir, "toc.dat", toc.p, toc.len);
	size_t n = (80u << 20), zlen;
	char *big = malloc(n);
	memset(big, 'a', n);
	unsigned char *z = ab_compress(AB_ZSTD, big, n, &zlen);
	free(big);
	feed_dir_put(dir, "20.dat.zst", z, zlen);
	struct feed_result r = feed_read_path(dir);
	ck_assert_int_eq(r.rc, KSD_WARN);
	ck_assert_msg(strstr(r.err.msg, "a decompression bomb") != NULL, "%s", r.err.msg);
	ck_assert_str_eq(r.err.member, "20.dat.zst");
	feed_free(&r);
	free(z);
	free(toc.p);
}
END_TEST

START_TEST(a_toc_cut_anywhere_is_an_error)
{
	size_t len;
	unsigned char *data = feed_fixture_bytes("tiny-z0.dir/toc.dat", &len);
	for (size_t cut = 0; cut < len; cut += 3) {
		feed_dir_put(dir, "toc.dat", data, cut);
		struct feed_result r = feed_read_path(dir);
		ck_assert_msg(r.rc == KSD_FATAL || r.rc == KSD_WARN, "cut at %zu: rc %d", cut,
		              r.rc);
		ck_assert_msg(r.err.set, "cut at %zu: no message", cut);
		feed_free(&r);
	}
	free(data);
}
END_TEST

START_TEST(a_directory_without_toc_is_refused)
{
	struct feed_result r = feed_read_path(dir);
	ck_assert_int_eq(r.rc, KSD_FATAL);
	ck_assert_msg(strstr(r.err.msg, "no toc.dat") != NULL, "%s", r.err.msg);
	feed_free(&r);
}
END_TEST

Suite *directory_suite(void)
{
	Suite *s = suite_create("directory");
	TCase *tc = tcase_create("directory");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, real_directories_are_read, 0, 2);
	tcase_add_loop_test(tc, compression_is_told_by_magic_bytes, 0, 6);
	tcase_add_loop_test(tc, unsafe_file_names_are_refused, 0, 5);
	tcase_add_loop_test(tc, a_missing_data_file_makes_the_archive_incomplete, 0, 2);
	tcase_add_test(tc, a_tar_archives_toc_alone_is_refused_as_such);
	tcase_add_loop_test(tc, only_regular_data_files_are_opened, 0, 2);
	tcase_add_test(tc, a_bomb_in_a_data_file_is_stopped);
	tcase_add_test(tc, a_toc_cut_anywhere_is_an_error);
	tcase_add_test(tc, a_directory_without_toc_is_refused);
	suite_add_tcase(s, tc);
	return s;
}
