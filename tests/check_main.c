/*
 * Runs every suite and closes with Check's summary line. A suite that is
 * declared but not linked in is a failure, never a silent skip.
 */
#include <stdio.h>
#include <stdlib.h>

#include "tests.h"

#define SUITES(X) X(common) X(text) X(gazetteer) X(recognize) X(relate) \
	X(graph) X(analysis) X(render) X(cli) X(quality) X(export) \
	X(view) X(scale) X(fuzzregress) X(robust)

#define WEAK(name) Suite *suite_##name(void) __attribute__((weak));
SUITES(WEAK)

int main(void)
{
	SRunner *sr = srunner_create(NULL);
	int missing = 0, failed;

#define ADD(name)                                                          \
	if (suite_##name)                                                  \
		srunner_add_suite(sr, suite_##name());                     \
	else {                                                             \
		fprintf(stderr, "check_entente: suite '%s' is missing\n", #name); \
		missing++;                                                 \
	}
	SUITES(ADD)
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 && missing == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
