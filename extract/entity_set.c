/*
 * Entities merged across documents by key. Every part keeps weights, not
 * choices: how much each type and each name was seen, and every form. The
 * merged entity is chosen from the weights only when asked, so merging in
 * any order, or in any grouping (threads, shards), gives the same entity.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entente/extract.h"
#include "util.h"

typedef struct weighted {
	char *name;
	size_t weight;
} weighted;

typedef struct set_item {
	char *key;
	size_t type_weight[ENT_TYPE_COUNT];
	weighted *names;      /* candidate canonical names */
	size_t n_names, cap_names;
	ent_map forms;        /* every form seen (names and aliases) */
	char **form_list;     /* the same, for listing */
	size_t n_forms, cap_forms;
	size_t mentions;
	int fresh;            /* `view` is up to date */
	ent_entity view;
	const char **aliases; /* view.aliases */
} set_item;

struct ent_entity_set {
	set_item *items;
	size_t n, cap;
	ent_map by_key;
};

ent_entity_set *ent_entity_set_new(void)
{
	ent_entity_set *s = ent_xcalloc(1, sizeof(*s));

	ent_map_init(&s->by_key);
	return s;
}

void ent_entity_set_free(ent_entity_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		set_item *it = &s->items[i];
		free(it->key);
		for (size_t k = 0; k < it->n_names; k++)
			free(it->names[k].name);
		free(it->names);
		for (size_t k = 0; k < it->n_forms; k++)
			free(it->form_list[k]);
		free(it->form_list);
		ent_map_release(&it->forms);
		free(it->aliases);
	}
	free(s->items);
	ent_map_release(&s->by_key);
	free(s);
}

size_t ent_entity_set_size(const ent_entity_set *s)
{
	return s->n;
}

size_t ent_entity_set_find(const ent_entity_set *s, const char *key)
{
	size_t *i = ent_map_get(&s->by_key, key);

	return i ? *i : SIZE_MAX;
}

static void add_form(set_item *it, const char *form)
{
	if (!form || !*form || ent_map_get(&it->forms, form))
		return;
	ent_map_put(&it->forms, form, it->n_forms);
	ENT_GROW(it->form_list, it->cap_forms, it->n_forms + 1);
	it->form_list[it->n_forms++] = ent_xstrdup(form);
}

static void add_name(set_item *it, const char *name, size_t weight)
{
	for (size_t k = 0; k < it->n_names; k++)
		if (!strcmp(it->names[k].name, name)) {
			it->names[k].weight += weight;
			return;
		}
	ENT_GROW(it->names, it->cap_names, it->n_names + 1);
	it->names[it->n_names].name = ent_xstrdup(name);
	it->names[it->n_names++].weight = weight;
}

size_t ent_entity_set_add(ent_entity_set *s, const ent_entity *e)
{
	const char *key = e->key && *e->key ? e->key : e->name;
	size_t *have = ent_map_get(&s->by_key, key), i, weight = e->mentions + 1;
	set_item *it;

	if (have) {
		i = *have;
	} else {
		ENT_GROW(s->items, s->cap, s->n + 1);
		i = s->n++;
		it = &s->items[i];
		memset(it, 0, sizeof(*it));
		it->key = ent_xstrdup(key);
		ent_map_init(&it->forms);
		ent_map_put(&s->by_key, key, i);
	}
	it = &s->items[i];
	if ((unsigned)e->type < ENT_TYPE_COUNT)
		it->type_weight[e->type] += weight;
	add_name(it, e->name ? e->name : "", weight);
	add_form(it, e->name);
	for (size_t k = 0; k < e->n_aliases; k++)
		add_form(it, e->aliases[k]);
	it->mentions += e->mentions;
	it->fresh = 0;
	return i;
}

/* Does candidate a beat b: more weight, then longer, then smaller? */
static int name_beats(const weighted *a, const weighted *b)
{
	size_t la, lb;

	if (a->weight != b->weight)
		return a->weight > b->weight;
	la = strlen(a->name);
	lb = strlen(b->name);
	if (la != lb)
		return la > lb;
	return strcmp(a->name, b->name) < 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const ent_entity *ent_entity_set_get(ent_entity_set *s, size_t i)
{
	set_item *it = &s->items[i];
	size_t best = 0, n = 0;
	int type = 0;

	if (it->fresh)
		return &it->view;
	for (size_t k = 1; k < it->n_names; k++)
		if (name_beats(&it->names[k], &it->names[best]))
			best = k;
	for (int t = 1; t < ENT_TYPE_COUNT; t++)
		if (it->type_weight[t] > it->type_weight[type])
			type = t;
	free(it->aliases);
	it->aliases = ent_xmalloc((it->n_forms + 1) * sizeof(*it->aliases));
	for (size_t k = 0; k < it->n_forms; k++)
		if (strcmp(it->form_list[k], it->names[best].name))
			it->aliases[n++] = it->form_list[k];
	qsort(it->aliases, n, sizeof(*it->aliases), cmp_str);
	it->view.type = (ent_type)type;
	it->view.name = it->names[best].name;
	it->view.key = it->key;
	it->view.aliases = it->aliases;
	it->view.n_aliases = n;
	it->view.mentions = it->mentions;
	it->fresh = 1;
	return &it->view;
}
