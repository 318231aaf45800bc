/* Test library: a fresh, empty catalog and dump for every test, as a
 * checked fixture (tcase_add_checked_fixture(tc, catalog_setup,
 * catalog_teardown)). */
#ifndef CATALOG_FIXTURE_H
#define CATALOG_FIXTURE_H

#include "ksd_catalog.h"
#include "ksd_dump.h"

/* The current test's catalog and dump, between setup and teardown. */
extern struct ksd_catalog *cat;
extern struct ksd_dump *dump;

void catalog_setup(void);
void catalog_teardown(void);

#endif
