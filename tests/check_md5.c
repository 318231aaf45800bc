/* The digest the fix's check compares with PostgreSQL's md5(): the RFC's
 * vectors and the lengths where the padding takes one block or two. */
#include <check.h>
#include <string.h>

#include "ksd_md5.h"

static const struct {
	size_t len;
	char fill; /* 0: the bytes 0..255 over and over */
	const char *hex;
} vectors[] = {
    {0, 'a', "d41d8cd98f00b204e9800998ecf8427e"},  {55, 'a', "ef1772b6dff9a122358552954ad0df65"},
    {56, 'a', "3b0c8ac703f828b04c6c197006d17218"}, {64, 'a', "014842d480b571495a4a0363793f7367"},
    {1024, 0, "b2ea9f7fcea831a4a63b213f41a8855b"},
};

START_TEST(md5_matches_known_digests)
{
	unsigned char data[1024];
	for (size_t i = 0; i < vectors[_i].len; i++)
		data[i] = vectors[_i].fill ? (unsigned char)vectors[_i].fill : (unsigned char)i;
	char hex[KSD_MD5_HEX];
	ksd_md5_hex(data, vectors[_i].len, hex);
	ck_assert_str_eq(hex, vectors[_i].hex);
}
END_TEST

START_TEST(md5_of_abc)
{
	char hex[KSD_MD5_HEX];
	ksd_md5_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "900150983cd24fb0d6963f7d28e17f72");
}
END_TEST

Suite *md5_suite(void)
{
	Suite *s = suite_create("md5");
	TCase *tc = tcase_create("digest");
	tcase_add_loop_test(tc, md5_matches_known_digests, 0,
	                    (int)(sizeof(vectors) / sizeof(vectors[0])));
	tcase_add_test(tc, md5_of_abc);
	suite_add_tcase(s, tc);
	return s;
}
