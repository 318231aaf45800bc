/* Test helper: a fresh, empty catalog for every test, as a checked fixture
 * (tcase_add_checked_fixture(tc, catalog_setup, catalog_teardown)). */
#ifndef CATALOG_FIXTURE_H
#define CATALOG_FIXTURE_H

#include <check.h>

#include "ksd_catalog.h"

static struct ksd_catalog *cat;

static void catalog_setup(void)
{
	cat = ksd_catalog_new();
	ck_assert_ptr_nonnull(cat);
}

static void catalog_teardown(void)
{
	ksd_catalog_free(cat);
}

#endif
