/*
 * Private to graph/: the layout of ent_graph and the one constructor that
 * both the corpus builder and the GraphML reader end in.
 */
#ifndef ENT_GRAPH_MODEL_H
#define ENT_GRAPH_MODEL_H

#include <igraph/igraph.h>

#include "entente/graph.h"
#include "util.h"

struct ent_graph {
	ent_node *nodes; /* strings malloc'ed, owned */
	size_t n_nodes;
	ent_edge *edges; /* strings malloc'ed, owned; sorted (from, to, rel) */
	size_t n_edges;
	igraph_t ig;     /* directed; vertex i = nodes[i], edge e = edges[e] */
	ent_map index;   /* normalised name, key or alias -> node */
};

/* Take over `nodes` and `edges` (arrays and strings), sort the edges,
 * build the igraph graph in one batch and the lookup index. Edge
 * endpoints must be in range. On failure everything is freed, `err` is
 * filled (ENT_ERR_FAIL, about `file`) and NULL returned. */
ent_graph *ent_graph_assemble(ent_node *nodes, size_t n_nodes,
			      ent_edge *edges, size_t n_edges,
			      const char *file, ent_error *err);

/* Free arrays whose strings are owned (as ent_graph_assemble takes). */
void ent_graph_items_free(ent_node *nodes, size_t n_nodes, ent_edge *edges,
			  size_t n_edges);

/* The aliases of a node one by one: call with *pos = 0, then until it
 * returns 0; each alias is (*s, *len). */
int ent_alias_next(const char *aliases, size_t *pos, const char **s,
		   size_t *len);

/* The undirected adjacency of an edge list over n nodes: the neighbours
 * of node v are other[k] through edge[k] for k in [start[v], start[v+1]),
 * sorted by neighbour then edge, one entry per edge (parallel edges
 * repeat the neighbour); self-loops are left out. Endpoints must be below
 * n_nodes. Release with ent_adj_release(). */
typedef struct ent_adj {
	size_t n;
	size_t *start; /* n + 1 entries */
	size_t *other;
	size_t *edge;
} ent_adj;

void ent_adj_init(ent_adj *a, size_t n_nodes, const ent_edge *edges,
		  size_t n_edges);
void ent_adj_release(ent_adj *a);

#endif
