/* entente test suite: one Check suite per module, run by check_main.c. */
#ifndef ENT_TESTS_H
#define ENT_TESTS_H

#include <check.h>

Suite *suite_common(void);
Suite *suite_text(void);
Suite *suite_gazetteer(void);
Suite *suite_recognize(void);
Suite *suite_relate(void);
Suite *suite_graph(void);
Suite *suite_analysis(void);
Suite *suite_render(void);
Suite *suite_cli(void);
Suite *suite_quality(void);
Suite *suite_export(void);
Suite *suite_view(void);
Suite *suite_scale(void);
Suite *suite_fuzzregress(void);
Suite *suite_robust(void);

/* Path of ../shared relative to the repository root, where the white paper
 * and its gold annotation live (CI has it too). */
#define ENT_SHARED_DIR "../shared"

#endif
