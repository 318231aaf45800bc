/* Test library: the catalog fixture (see catalog_fixture.h). */
#include <check.h>

#include "catalog_fixture.h"

struct ksd_catalog *cat;

void catalog_setup(void)
{
	cat = ksd_catalog_new();
	ck_assert_ptr_nonnull(cat);
}

void catalog_teardown(void)
{
	ksd_catalog_free(cat);
}
