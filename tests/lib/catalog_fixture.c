/* Test library: the catalog fixture (see catalog_fixture.h). */
#include <check.h>

#include "catalog_fixture.h"

struct ksd_catalog *cat;
struct ksd_dump *dump;

void catalog_setup(void)
{
	cat = ksd_catalog_new();
	dump = ksd_dump_new();
	ck_assert_ptr_nonnull(cat);
	ck_assert_ptr_nonnull(dump);
}

void catalog_teardown(void)
{
	ksd_catalog_free(cat);
	ksd_dump_free(dump);
}
