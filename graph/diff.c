/*
 * What changed between two graphs of the same documents (say, before and
 * after a new batch, or two versions of the extractor): entities matched
 * by key, relations by (subject key, relation, object key), and for each
 * whether it appeared, disappeared or changed its count (mentions for an
 * entity, evidence sentences for a relation).
 *
 * Keys, not node indexes, identify things: indexes depend on what else
 * is in a graph, keys are stable across runs. Both sides are reduced to
 * sorted lists and merged, O((N + E) log(N + E)).
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* One entity or relation of one side, with its summed count. */
typedef struct side_item {
	const ent_graph *g;
	size_t node;  /* the entity, or the relation's subject */
	size_t other; /* the relation's object */
	ent_rel rel;
	long count;
} side_item;

static const char *key_of(const side_item *s, int other)
{
	return s->g->nodes[other ? s->other : s->node].key;
}

static int entity_key_cmp(const void *pa, const void *pb)
{
	const side_item *a = pa, *b = pb;
	int c = strcmp(key_of(a, 0), key_of(b, 0));

	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

/* The order of the merged lists: keys only. */
static int side_cmp(const side_item *a, const side_item *b, int relation)
{
	int c = strcmp(key_of(a, 0), key_of(b, 0));

	if (c || !relation)
		return c;
	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	return strcmp(key_of(a, 1), key_of(b, 1));
}

static int relation_key_cmp(const void *pa, const void *pb)
{
	const side_item *a = pa, *b = pb;
	int c = side_cmp(a, b, 1);

	if (c)
		return c;
	if (a->node != b->node)
		return a->node < b->node ? -1 : 1;
	return (a->other > b->other) - (a->other < b->other);
}

/* Sort and merge items with equal keys (counts summed, first kept). */
static size_t sort_merge(side_item *v, size_t n,
			 int (*cmp)(const void *, const void *), int relations)
{
	size_t k = 0;

	if (n)
		qsort(v, n, sizeof(*v), cmp);
	for (size_t i = 0; i < n; i++) {
		if (k > 0 && side_cmp(&v[k - 1], &v[i], relations) == 0)
			v[k - 1].count += v[i].count;
		else
			v[k++] = v[i];
	}
	return k;
}

static side_item *entities_of(const ent_graph *g, size_t *n)
{
	side_item *v = ent_xcalloc(g->n_nodes + 1, sizeof(*v));

	for (size_t i = 0; i < g->n_nodes; i++) {
		v[i].g = g;
		v[i].node = i;
		v[i].count = g->nodes[i].mentions;
	}
	*n = sort_merge(v, g->n_nodes, entity_key_cmp, 0);
	return v;
}

/* Symmetric relations are put in key order, so that A-B and B-A match. */
static side_item *relations_of(const ent_graph *g, size_t *n)
{
	side_item *v = ent_xcalloc(g->n_edges + 1, sizeof(*v));

	for (size_t e = 0; e < g->n_edges; e++) {
		const ent_edge *ed = &g->edges[e];
		size_t s = ed->from, o = ed->to;
		if (ent_rel_symmetric(ed->rel) &&
		    strcmp(g->nodes[s].key, g->nodes[o].key) > 0) {
			s = ed->to;
			o = ed->from;
		}
		v[e].g = g;
		v[e].node = s;
		v[e].other = o;
		v[e].rel = ed->rel;
		v[e].count = ed->weight;
	}
	*n = sort_merge(v, g->n_edges, relation_key_cmp, 1);
	return v;
}

/* The item of a change: strings from `b` when it is there, else `a`. */
static void fill_item(ent_diff_item *d, const side_item *a,
		      const side_item *b, int relation)
{
	const side_item *s = b ? b : a;
	const ent_node *n = &s->g->nodes[s->node];

	memset(d, 0, sizeof(*d));
	d->change = !a ? ENT_CHANGE_ADDED : !b ? ENT_CHANGE_REMOVED : ENT_CHANGE_WEIGHT;
	d->key = n->key;
	d->name = n->name;
	d->type = n->type;
	d->before = a ? a->count : 0;
	d->after = b ? b->count : 0;
	if (relation) {
		const ent_node *o = &s->g->nodes[s->other];
		d->rel = s->rel;
		d->other_key = o->key;
		d->other_name = o->name;
		d->other_type = o->type;
	}
}

/* Merge the sorted sides into the changes; returns their number. */
static size_t merge_sides(const side_item *a, size_t na, const side_item *b,
			  size_t nb, int relation, ent_diff_item **out)
{
	size_t i = 0, j = 0, n = 0;

	*out = ent_xcalloc(na + nb + 1, sizeof(**out));
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : side_cmp(&a[i], &b[j], relation);
		if (c < 0)
			fill_item(&(*out)[n++], &a[i++], NULL, relation);
		else if (c > 0)
			fill_item(&(*out)[n++], NULL, &b[j++], relation);
		else {
			if (a[i].count != b[j].count)
				fill_item(&(*out)[n++], &a[i], &b[j], relation);
			i++;
			j++;
		}
	}
	return n;
}

static int item_cmp(const void *pa, const void *pb)
{
	const ent_diff_item *a = pa, *b = pb;
	int c;

	if (a->change != b->change)
		return a->change < b->change ? -1 : 1;
	if (!a->other_key && a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if ((c = strcmp(a->name, b->name)) != 0 || (c = strcmp(a->key, b->key)) != 0)
		return c;
	if (!a->other_key)
		return 0;
	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	if ((c = strcmp(a->other_name, b->other_name)) != 0)
		return c;
	return strcmp(a->other_key, b->other_key);
}

ent_status ent_graph_diff(const ent_graph *a, const ent_graph *b,
			  ent_diff *out, ent_error *err)
{
	side_item *ea, *eb, *ra, *rb;
	size_t nea, neb, nra, nrb;

	(void)err; /* nothing here can fail but memory, which aborts */
	memset(out, 0, sizeof(*out));
	ea = entities_of(a, &nea);
	eb = entities_of(b, &neb);
	out->n_entities = merge_sides(ea, nea, eb, neb, 0,
				      &out->entities);
	ra = relations_of(a, &nra);
	rb = relations_of(b, &nrb);
	out->n_relations = merge_sides(ra, nra, rb, nrb, 1,
				       &out->relations);
	qsort(out->entities, out->n_entities, sizeof(*out->entities), item_cmp);
	qsort(out->relations, out->n_relations, sizeof(*out->relations), item_cmp);
	free(ea);
	free(eb);
	free(ra);
	free(rb);
	return ENT_OK;
}

void ent_diff_release(ent_diff *d)
{
	if (!d)
		return;
	free(d->entities);
	free(d->relations);
	memset(d, 0, sizeof(*d));
}
