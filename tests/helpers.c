/* Helpers for the extraction tests: extract a string, find entities and
 * relations by name. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

ent_extractor *th_extract(const char *text)
{
	ent_extractor *ex = ent_extractor_new();
	ent_error err;

	ent_error_clear(&err);
	ck_assert_msg(ent_extractor_add_text(ex, "test.txt", text, strlen(text), &err) == ENT_OK,
		      "extraction failed: %s", err.msg);
	return ex;
}

static int has_name(const ent_entity *e, const char *name)
{
	if (!strcmp(e->name, name))
		return 1;
	for (size_t i = 0; i < e->n_aliases; i++)
		if (!strcmp(e->aliases[i], name))
			return 1;
	return 0;
}

long th_entity(const ent_corpus *c, ent_type type, const char *name)
{
	for (size_t i = 0; i < c->n_entities; i++)
		if (c->entities[i].type == type && has_name(&c->entities[i], name))
			return (long)i;
	return -1;
}

long th_named(const ent_corpus *c, const char *name)
{
	for (size_t i = 0; i < c->n_entities; i++)
		if (has_name(&c->entities[i], name))
			return (long)i;
	return -1;
}

size_t th_relation(const ent_corpus *c, const char *subject, ent_rel rel,
		   const char *object)
{
	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *r = &c->relations[i];
		if (r->rel != rel)
			continue;
		const ent_entity *s = &c->entities[r->subject], *o = &c->entities[r->object];
		if ((has_name(s, subject) && has_name(o, object)) ||
		    (ent_rel_symmetric(rel) && has_name(s, object) && has_name(o, subject)))
			return i + 1;
	}
	return 0;
}

size_t th_count(const ent_corpus *c, ent_rel rel)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n_relations; i++)
		n += c->relations[i].rel == rel;
	return n;
}

double th_time_scale(void)
{
	const char *v = getenv("ENTENTE_VALGRIND");

	return v && !strcmp(v, "1") ? 25.0 : 1.0;
}
