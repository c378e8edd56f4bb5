/*
 * The graph model: nodes and merged edges held as plain C arrays (what the
 * rest of entente reads), mirrored by a directed igraph graph (what the
 * analyses run on) and indexed by normalised name for lookups.
 * Graphs are made by build.c (from documents) and graphml.c (from a
 * file); both end in ent_graph_assemble().
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "model.h"

void ent_graph_items_free(ent_node *nodes, size_t n_nodes, ent_edge *edges,
			  size_t n_edges)
{
	for (size_t i = 0; i < n_nodes; i++) {
		free((void *)nodes[i].name);
		free((void *)nodes[i].key);
		free((void *)nodes[i].aliases);
	}
	for (size_t i = 0; i < n_edges; i++) {
		free((void *)edges[i].years);
		free((void *)edges[i].doc);
		free((void *)edges[i].evidence);
		free((void *)edges[i].rule);
		free((void *)edges[i].more);
	}
	free(nodes);
	free(edges);
}

int ent_alias_next(const char *aliases, size_t *pos, const char **s,
		   size_t *len)
{
	const char *p = aliases + *pos;

	while (*p == '|')
		p++;
	if (!*p)
		return 0;
	*s = p;
	*len = strcspn(p, "|");
	*pos = (size_t)(p - aliases) + *len;
	return 1;
}

/* An edge and its position before sorting, so that the sort is stable. */
typedef struct edge_pos {
	ent_edge e;
	size_t pos;
} edge_pos;

static int edge_pos_cmp(const void *pa, const void *pb)
{
	const edge_pos *a = pa, *b = pb;

	if (a->e.from != b->e.from)
		return a->e.from < b->e.from ? -1 : 1;
	if (a->e.to != b->e.to)
		return a->e.to < b->e.to ? -1 : 1;
	if (a->e.rel != b->e.rel)
		return a->e.rel < b->e.rel ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

static void sort_edges(ent_edge *edges, size_t n)
{
	edge_pos *tmp = ent_xmalloc(n * sizeof(*tmp));

	for (size_t i = 0; i < n; i++) {
		tmp[i].e = edges[i];
		tmp[i].pos = i;
	}
	qsort(tmp, n, sizeof(*tmp), edge_pos_cmp);
	for (size_t i = 0; i < n; i++)
		edges[i] = tmp[i].e;
	free(tmp);
}

/* Index one normalised form unless an earlier (higher priority) entry
 * already claimed it. */
static void index_add(ent_map *m, const char *s, size_t len, size_t node)
{
	char *raw = ent_xstrndup(s, len);
	char *norm = ent_name_norm(raw);

	if (*norm && !ent_map_get(m, norm))
		ent_map_put(m, norm, node);
	free(norm);
	free(raw);
}

/* Names win over keys, keys over aliases, and lower indexes within each,
 * so that a lookup answers the same node whatever else shares a form. */
static void build_index(ent_graph *g)
{
	ent_map_init(&g->index);
	for (size_t i = 0; i < g->n_nodes; i++)
		index_add(&g->index, g->nodes[i].name, strlen(g->nodes[i].name), i);
	for (size_t i = 0; i < g->n_nodes; i++)
		index_add(&g->index, g->nodes[i].key, strlen(g->nodes[i].key), i);
	for (size_t i = 0; i < g->n_nodes; i++) {
		const char *s;
		size_t len, pos = 0;
		while (ent_alias_next(g->nodes[i].aliases, &pos, &s, &len))
			index_add(&g->index, s, len, i);
	}
}

/* The directed igraph mirror, created in one batch (igraph_add_edge in a
 * loop is quadratic). */
static ent_status build_igraph(ent_graph *g, const char *file, ent_error *err)
{
	igraph_vector_int_t ev;
	ent_ig_scope scope;
	ent_status st = ENT_OK;

	if (g->n_nodes > (size_t)IGRAPH_INTEGER_MAX / 2 ||
	    g->n_edges > (size_t)IGRAPH_INTEGER_MAX / 4)
		return ent_error_set(err, ENT_ERR_LIMIT, file, 0,
				     "graph too large for igraph");
	ent_ig_enter(&scope);
	if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->n_edges))) {
		st = ent_ig_error(err, ENT_ERR_FAIL, file, "cannot build graph");
		goto out;
	}
	for (size_t e = 0; e < g->n_edges; e++) {
		VECTOR(ev)[2 * e] = (igraph_integer_t)g->edges[e].from;
		VECTOR(ev)[2 * e + 1] = (igraph_integer_t)g->edges[e].to;
	}
	if (igraph_create(&g->ig, &ev, (igraph_integer_t)g->n_nodes,
			  IGRAPH_DIRECTED))
		st = ent_ig_error(err, ENT_ERR_FAIL, file, "cannot build graph");
	igraph_vector_int_destroy(&ev);
out:
	ent_ig_leave(&scope);
	return st;
}

ent_graph *ent_graph_assemble(ent_node *nodes, size_t n_nodes,
			      ent_edge *edges, size_t n_edges,
			      const char *file, ent_error *err)
{
	ent_graph *g = ent_xcalloc(1, sizeof(*g));

	sort_edges(edges, n_edges);
	g->nodes = nodes;
	g->n_nodes = n_nodes;
	g->edges = edges;
	g->n_edges = n_edges;
	if (build_igraph(g, file, err) != ENT_OK) {
		ent_graph_items_free(nodes, n_nodes, edges, n_edges);
		free(g);
		return NULL;
	}
	build_index(g);
	return g;
}

void ent_graph_free(ent_graph *g)
{
	if (!g)
		return;
	igraph_destroy(&g->ig);
	ent_map_release(&g->index);
	ent_graph_items_free(g->nodes, g->n_nodes, g->edges, g->n_edges);
	free(g);
}

size_t ent_graph_node_count(const ent_graph *g)
{
	return g->n_nodes;
}

size_t ent_graph_edge_count(const ent_graph *g)
{
	return g->n_edges;
}

const ent_node *ent_graph_node(const ent_graph *g, size_t i)
{
	return &g->nodes[i];
}

const ent_edge *ent_graph_edge(const ent_graph *g, size_t i)
{
	return &g->edges[i];
}

/* ---- undirected adjacency --------------------------------------------- */

typedef struct adj_item {
	size_t other;
	size_t edge;
} adj_item;

static int adj_item_cmp(const void *pa, const void *pb)
{
	const adj_item *a = pa, *b = pb;

	if (a->other != b->other)
		return a->other < b->other ? -1 : 1;
	return (a->edge > b->edge) - (a->edge < b->edge);
}

/* Counting sort into buckets, then each bucket sorted: O(N + E log d). */
void ent_adj_init(ent_adj *a, size_t n_nodes, const ent_edge *edges,
		  size_t n_edges)
{
	adj_item *items;
	size_t *fill;

	a->n = n_nodes;
	a->start = ent_xcalloc(n_nodes + 1, sizeof(*a->start));
	for (size_t e = 0; e < n_edges; e++) {
		if (edges[e].from == edges[e].to)
			continue;
		a->start[edges[e].from + 1]++;
		a->start[edges[e].to + 1]++;
	}
	for (size_t v = 0; v < n_nodes; v++)
		a->start[v + 1] += a->start[v];
	items = ent_xmalloc((a->start[n_nodes] + 1) * sizeof(*items));
	fill = ent_xmalloc((n_nodes + 1) * sizeof(*fill));
	memcpy(fill, a->start, (n_nodes + 1) * sizeof(*fill));
	for (size_t e = 0; e < n_edges; e++) {
		size_t f = edges[e].from, t = edges[e].to;
		if (f == t)
			continue;
		items[fill[f]].other = t;
		items[fill[f]++].edge = e;
		items[fill[t]].other = f;
		items[fill[t]++].edge = e;
	}
	for (size_t v = 0; v < n_nodes; v++)
		qsort(items + a->start[v], a->start[v + 1] - a->start[v],
		      sizeof(*items), adj_item_cmp);
	a->other = ent_xmalloc((a->start[n_nodes] + 1) * sizeof(*a->other));
	a->edge = ent_xmalloc((a->start[n_nodes] + 1) * sizeof(*a->edge));
	for (size_t k = 0; k < a->start[n_nodes]; k++) {
		a->other[k] = items[k].other;
		a->edge[k] = items[k].edge;
	}
	free(fill);
	free(items);
}

void ent_adj_release(ent_adj *a)
{
	free(a->start);
	free(a->other);
	free(a->edge);
	a->start = a->other = a->edge = NULL;
	a->n = 0;
}
