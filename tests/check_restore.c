/* Restore readiness from the dump's facts: the bound each archive
 * version, compression, tar layout and psql meta-command sets, and how
 * releases are written. */
#include <check.h>
#include <string.h>

#include "infer/restore.h"
#include "report/words.h"
#include "report/restore.h"

static bool has(const struct ksd_restore *r, enum ksd_need code, const char *name)
{
	for (size_t i = 0; i < r->nneeds; i++)
		if (r->needs[i].code == code &&
		    (!name || (r->needs[i].name && strcmp(r->needs[i].name, name) == 0)))
			return true;
	return false;
}

static const struct {
	int vmin;
	enum ksd_compression_alg compression;
	int min_version;
	bool releases;
} archives[] = {
    {9, KSD_COMPRESSION_GZIP, 0, false},      {12, KSD_COMPRESSION_GZIP, 90000, false},
    {13, KSD_COMPRESSION_NONE, 90300, true},  {14, KSD_COMPRESSION_GZIP, 120000, false},
    {15, KSD_COMPRESSION_LZ4, 160000, false}, {16, KSD_COMPRESSION_ZSTD, 170000, false},
};

START_TEST(each_archive_version_sets_the_oldest_pg_restore)
{
	struct ksd_dump *dump = ksd_dump_new();
	dump->format = KSD_FMT_CUSTOM;
	dump->archive.vmaj = 1;
	dump->archive.vmin = archives[_i].vmin;
	dump->archive.compression = archives[_i].compression;
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	ck_assert_int_eq(r.program, KSD_PROG_PG_RESTORE);
	ck_assert(r.restorable);
	ck_assert_int_eq(r.min_version, archives[_i].min_version);
	ck_assert_int_eq(r.releases != NULL, archives[_i].releases);
	ck_assert_int_eq(has(&r, KSD_NEED_COMPRESSION, NULL),
	                 archives[_i].compression == KSD_COMPRESSION_LZ4 ||
	                     archives[_i].compression == KSD_COMPRESSION_ZSTD);
	ksd_dump_free(dump);
}
END_TEST

START_TEST(psql_meta_commands_are_named)
{
	struct ksd_dump *dump = ksd_dump_new();
	dump->format = KSD_FMT_PLAIN;
	static const char *const names[] = {"connect", "restrict", "unrestrict",
	                                    "!",       "ir",       "gexec"};
	for (size_t i = 0; i < 6; i++)
		dump->prov.meta[dump->prov.nmeta++] = names[i];
	dump->prov.pg_dump_version = "17.6 (Debian 17.6-1)";
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	ck_assert_int_eq(r.program, KSD_PROG_PSQL);
	ck_assert_int_eq(r.min_version, 130000);
	ck_assert_int_eq(r.releases[0], 130022);
	ck_assert_int_eq(r.server_min, 170000);
	ck_assert(has(&r, KSD_NEED_RESTRICT, NULL));
	ck_assert(has(&r, KSD_NEED_SHELL, "!"));
	ck_assert(has(&r, KSD_NEED_INCLUDE, "ir"));
	ck_assert(has(&r, KSD_NEED_META, "gexec"));
	ck_assert(!has(&r, KSD_NEED_META, "connect"));
	ck_assert_uint_eq(r.nneeds, 5); /* \restrict once, and the server */
	ksd_dump_free(dump);
}
END_TEST

START_TEST(tar_layouts_and_wrapped_files)
{
	struct ksd_dump *dump = ksd_dump_new();
	dump->format = KSD_FMT_TAR;
	dump->archive.vmin = 14;
	dump->archive.tar_layout = KSD_TAR_TOC_NOT_FIRST;
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	ck_assert(r.restorable);
	ck_assert_uint_eq(r.nexcept, 4);
	ck_assert_int_eq(r.except[1], 170000);
	dump->archive.tar_layout |= KSD_TAR_DATA_OUT_OF_ORDER;
	ksd_infer_restore(dump, &r);
	ck_assert(!r.restorable);
	ck_assert(has(&r, KSD_NEED_DATA_ORDER, NULL));
	dump->archive.tar_layout = 0;
	dump->compression = KSD_COMPRESSION_GZIP;
	ksd_infer_restore(dump, &r);
	ck_assert(!r.restorable);
	ck_assert(has(&r, KSD_NEED_UNWRAP, NULL));
	ck_assert_int_eq(r.needs[0].compression, KSD_COMPRESSION_GZIP);
	ksd_dump_free(dump);
}
END_TEST

/* An archive missing data: not restorable, whatever else it needs, and
 * the need says what pg_restore fails on for that kind. */
START_TEST(an_incomplete_archive_is_not_restorable)
{
	static const struct {
		enum ksd_dump_format format;
		enum ksd_missing_kind kind;
		const char *fails;
	} kinds[] = {
	    {KSD_FMT_DIRECTORY, KSD_MISSING_FILES, "could not open input file"},
	    {KSD_FMT_TAR, KSD_MISSING_MEMBERS, "in tar archive"},
	    {KSD_FMT_CUSTOM, KSD_MISSING_CUT, "end of file"},
	};
	struct ksd_dump *dump = ksd_dump_new();
	dump->format = kinds[_i].format;
	dump->archive.vmaj = 1;
	dump->archive.vmin = 14;
	ck_assert_int_eq(ksd_dump_add_toc(dump, &(struct ksd_toc_entry){.dump_id = 7,
	                                                                .desc = "TABLE DATA",
	                                                                .schema = "public",
	                                                                .tag = "records",
	                                                                .has_data = true}),
	                 0);
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	ck_assert(r.restorable);
	ck_assert(!has(&r, KSD_NEED_COMPLETE, NULL));
	ksd_dump_data_missing(dump, 0, kinds[_i].kind);
	ksd_dump_data_missing(dump, 0, kinds[_i].kind); /* once per entry */
	ck_assert_uint_eq(dump->archive.nmissing, 1);
	ck_assert(ksd_dump_table_data_missing(dump, "public", "records"));
	ck_assert(!ksd_dump_table_data_missing(dump, "other", "records"));
	ksd_infer_restore(dump, &r);
	ck_assert(!r.restorable);
	ck_assert_int_eq(r.min_version, 120000);
	ck_assert(has(&r, KSD_NEED_COMPLETE, NULL));
	char words[WORDS_RESTORE_MAX];
	for (size_t i = 0; i < r.nneeds; i++)
		if (r.needs[i].code == KSD_NEED_COMPLETE)
			words_restore_need(words, sizeof(words), &r.needs[i]);
	ck_assert_msg(strstr(words, kinds[_i].fails) != NULL, "%s", words);
	ck_assert_msg(strstr(words, "pg_restore -L") != NULL, "%s", words);
	ksd_dump_free(dump);
}
END_TEST

/* pg_dump 19's extended statistics need a 19 server, and pg_restore 19 to
 * leave them out; a dump that sets standard_conforming_strings off cannot
 * go into 19. */
START_TEST(statistics_and_std_strings_bound_the_server)
{
	struct ksd_dump *dump = ksd_dump_new();
	dump->format = _i ? KSD_FMT_CUSTOM : KSD_FMT_PLAIN;
	dump->archive.vmin = 16;
	dump->prov.pg_dump_version = "18.6 (Debian 18.6-3)";
	ck_assert_int_eq(ksd_dump_add_call(dump, "set_config"), 0);
	ck_assert_int_eq(ksd_dump_add_call(dump, "pg_restore_extended_stats"), 0);
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	ck_assert_int_eq(r.server_min, 190000);
	ck_assert_int_eq(r.server_max, 0);
	ck_assert(has(&r, KSD_NEED_FUNCTION, "pg_restore_extended_stats"));
	ck_assert(!has(&r, KSD_NEED_FUNCTION, "set_config"));
	char buf[WORDS_RESTORE_MAX];
	for (size_t i = 0; i < r.nneeds; i++)
		if (r.needs[i].code == KSD_NEED_FUNCTION) {
			ck_assert(!r.needs[i].entry == !_i);
			words_restore_need(buf, sizeof(buf), &r.needs[i]);
			ck_assert_ptr_nonnull(strstr(buf, "into a server 19 or later"));
			ck_assert_int_eq(strstr(buf, "pg_restore 19 --no-statistics") != NULL, _i);
		}
	dump->prov.std_strings_off = true;
	dump->prov.ncalls = 0;
	ksd_infer_restore(dump, &r);
	ck_assert_int_eq(r.server_min, 180000);
	ck_assert_int_eq(r.server_max, 180000);
	ck_assert(has(&r, KSD_NEED_STD_STRINGS_OFF, NULL));
	words_restore_need(buf, sizeof(buf), &r.needs[r.nneeds - 1]);
	ck_assert_str_eq(buf, "it sets standard_conforming_strings off, which a server 19 or later "
	                      "refuses (\"non-standard string literals are not supported\"): into "
	                      "a server 18 or older");
	ksd_dump_free(dump);
}
END_TEST

START_TEST(releases_are_written_as_postgresql_does)
{
	static const struct {
		int v;
		const char *s;
	} cases[] = {{90322, "9.3.22"}, {90300, "9.3"}, {80000, "8.0"},
	             {130022, "13.22"}, {170000, "17"}, {180000, "18"}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[16];
		words_pg_release(buf, sizeof(buf), cases[i].v);
		ck_assert_str_eq(buf, cases[i].s);
	}
}
END_TEST

Suite *restore_suite(void)
{
	Suite *s = suite_create("restore");
	TCase *tc = tcase_create("restore");
	tcase_add_loop_test(tc, each_archive_version_sets_the_oldest_pg_restore, 0,
	                    sizeof(archives) / sizeof(archives[0]));
	tcase_add_test(tc, psql_meta_commands_are_named);
	tcase_add_test(tc, tar_layouts_and_wrapped_files);
	tcase_add_loop_test(tc, an_incomplete_archive_is_not_restorable, 0, 3);
	tcase_add_loop_test(tc, statistics_and_std_strings_bound_the_server, 0, 2);
	tcase_add_test(tc, releases_are_written_as_postgresql_does);
	suite_add_tcase(s, tc);
	return s;
}
