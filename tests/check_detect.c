/* Format detection: content decides, never the name. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "ksd_detect.h"

static const struct {
	const char *head;
	size_t len;
	enum ksd_detected want;
} cases[] = {
    {"", 0, KSD_DET_EMPTY},
    {"PGDMP\x01\x0e\x00\x04\x08\x01", 11, KSD_DET_CUSTOM},
    {"PGDMP\x01\x0e\x00\x04\x08\x03", 11, KSD_DET_ARCHIVE_TOC},
    {"PGDMP\x01\x06\x00\x04\x01", 10, KSD_DET_CUSTOM}, /* before 1.7: no offSize */
    {"PGDMP\x01\x06\x00\x04\x03", 10, KSD_DET_ARCHIVE_TOC},
    {"\x1f\x8b\x08\x00", 4, KSD_DET_COMPRESSED},
    {"\x28\xb5\x2f\xfd", 4, KSD_DET_COMPRESSED},
    {"\x5a\x2a\x4d\x18", 4, KSD_DET_COMPRESSED},
    {"\x04\x22\x4d\x18", 4, KSD_DET_COMPRESSED},
    {"BZh9", 4, KSD_DET_COMPRESSED},
    {"BZhx", 4, KSD_DET_PLAIN},
    {"\xfd\x37\x7a\x58\x5a\x00", 6, KSD_DET_COMPRESSED},
    {"--\n-- PostgreSQL database dump\n--\n", 34, KSD_DET_PLAIN},
    {"--\n-- PostgreSQL database cluster dump\n--\n", 42, KSD_DET_DUMPALL},
    {"--\r\n-- PostgreSQL database cluster dump\r\n", 41, KSD_DET_DUMPALL},
    {"CREATE TABLE t (a int);\n", 24, KSD_DET_PLAIN},
    {"\x00\x01\x02\x03\x04\x05\x06\x07", 8, KSD_DET_BINARY},
};

START_TEST(each_magic_is_recognised)
{
	ck_assert_int_eq(ksd_detect((const unsigned char *)cases[_i].head, cases[_i].len),
	                 cases[_i].want);
}
END_TEST

static void tar_header(unsigned char *h, const char *name, int corrupt)
{
	memset(h, 0, 512);
	strcpy((char *)h, name);
	memcpy(h + 100, "0000600 ", 8);
	memcpy(h + 257,
	       "ustar\0"
	       "00",
	       8);
	unsigned sum = 0;
	memset(h + 148, ' ', 8);
	for (int i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 9, "%07o ", sum + (unsigned)corrupt);
}

/* Any tar: the tar reader looks for toc.dat among its members. */
START_TEST(a_tar_is_recognised_by_checksum_and_magic)
{
	unsigned char h[512];
	tar_header(h, "toc.dat", 0);
	ck_assert_int_eq(ksd_detect(h, sizeof(h)), KSD_DET_TAR);
	tar_header(h, "toc.dat", 1);
	ck_assert_int_ne(ksd_detect(h, sizeof(h)), KSD_DET_TAR);
	tar_header(h, "3385.dat", 0);
	ck_assert_int_eq(ksd_detect(h, sizeof(h)), KSD_DET_TAR);
	tar_header(h, "other.txt", 1);
	ck_assert_int_ne(ksd_detect(h, sizeof(h)), KSD_DET_TAR);
	/* No magic, the checksum right: only pg_dump's old toc.dat first. */
	tar_header(h, "other.txt", -(int)('u' + 's' + 't' + 'a' + 'r' + '0' + '0'));
	memset(h + 257, 0, 8);
	ck_assert_int_ne(ksd_detect(h, sizeof(h)), KSD_DET_TAR);
	tar_header(h, "toc.dat", -(int)('u' + 's' + 't' + 'a' + 'r' + '0' + '0'));
	memset(h + 257, 0, 8);
	ck_assert_int_eq(ksd_detect(h, sizeof(h)), KSD_DET_TAR);
}
END_TEST

Suite *detect_suite(void)
{
	Suite *s = suite_create("detect");
	TCase *tc = tcase_create("magic");
	tcase_add_loop_test(tc, each_magic_is_recognised, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, a_tar_is_recognised_by_checksum_and_magic);
	suite_add_tcase(s, tc);
	return s;
}
