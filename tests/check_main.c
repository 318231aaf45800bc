/* One runner for every suite; suites.h is generated from tests/check_*.c. */
#include <check.h>
#include <stdlib.h>

#define KSD_SUITE(name) Suite *name##_suite(void);
#include "suites.h"
#undef KSD_SUITE

int main(void)
{
	SRunner *sr = srunner_create(NULL);
#define KSD_SUITE(name) srunner_add_suite(sr, name##_suite());
#include "suites.h"
#undef KSD_SUITE
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
