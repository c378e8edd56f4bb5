/* Small helpers shared by the extraction tests. */
#ifndef ENT_TEST_HELPERS_H
#define ENT_TEST_HELPERS_H

#include "entente/extract.h"

/* Extract `text` as one document; the extractor is freed with
 * ent_extractor_free(). Fails the test when extraction fails. */
ent_extractor *th_extract(const char *text);

/* The entity of that type whose name or an alias is `name`, or -1. */
long th_entity(const ent_corpus *c, ent_type type, const char *name);
/* Any type. */
long th_named(const ent_corpus *c, const char *name);

/* Is there a relation subject -rel-> object (names or aliases)? For
 * symmetric relations either order. Returns its index + 1, or 0. */
size_t th_relation(const ent_corpus *c, const char *subject, ent_rel rel,
		   const char *object);

/* Number of relations of that kind. */
size_t th_count(const ent_corpus *c, ent_rel rel);

/* How much slower than a plain build this run is: 1, or 25 under
 * valgrind (ENTENTE_VALGRIND=1), where code runs 20 to 50 times slower.
 * Multiply wall-clock limits by it, so that they still tell linear from
 * quadratic there. */
double th_time_scale(void);

/* Remove a file or a whole directory tree (cli_run.c). */
void remove_tree(const char *path);

/* Non-zero when [s, s+len) is exactly one JSON value (json_check.c). */
int th_json_valid(const char *s, size_t len);

#endif
