/*
 * Private to graph/: the undirected view every analysis runs on, and the
 * analyses themselves on a built view, so that the report builds the view
 * once and computes measures, communities and structure from it. All of
 * these must be called between ent_ig_enter() and ent_ig_leave().
 */
#ifndef ENT_GRAPH_ANALYSIS_H
#define ENT_GRAPH_ANALYSIS_H

#include <igraph/igraph.h>

#include "entente/report.h"

/* Direction dropped, the edges between two nodes merged into one link
 * whose weight is their summed evidence, self-loops left out. Vertex i is
 * node i of the graph. */
typedef struct ent_uview {
	igraph_t ig;
	igraph_vector_t weight; /* per link */
	size_t n_nodes;
	size_t n_links;
} ent_uview;

/* On failure nothing is left to release. O(E log E). */
ent_status ent_uview_init(ent_uview *u, const ent_graph *g, ent_error *err);
void ent_uview_release(ent_uview *u);

/* Nodes and links grouped by connected component (a counting sort):
 * component c holds nodes[nstart[c]..nstart[c+1]) and links
 * links[lstart[c]..lstart[c+1]); local[v] is v's place in its component.
 * O(N + P). Release with ent_groups_release(). */
typedef struct ent_groups {
	size_t count;
	size_t *memb, *nodes, *nstart, *links, *lstart, *local;
} ent_groups;

ent_status ent_groups_init(ent_groups *gr, const ent_uview *u, ent_error *err);
void ent_groups_release(ent_groups *gr);

/* The endpoints of link i (a < b). */
void ent_uview_link(const ent_uview *u, size_t i, size_t *a, size_t *b);

/* The measures of ent_graph_measures() (`o` may be NULL). */
ent_status ent_uview_measures(const ent_uview *u, const ent_measure_opts *o,
			      ent_measures *out, ent_error *err);

/* The communities of ent_graph_communities(); `g` gives the names that
 * break ties between communities of one size. Multilevel up to
 * ENT_COMMUNITY_MULTILEVEL_MAX nodes, Leiden above (see structure.c). */
ent_status ent_uview_communities(const ent_uview *u, const ent_graph *g,
				 ent_communities *out, ent_error *err);

/* "multilevel" or "leiden": the method used on a graph of that size. */
const char *ent_community_method(size_t n_nodes, size_t n_links);

/* What the report says about the shape of the graph. */
typedef struct ent_structure {
	size_t components;      /* connected components, isolated nodes included */
	size_t largest;         /* nodes in the largest component */
	size_t diameter;        /* of the largest component, in hops */
	int diameter_exact;     /* 0: a lower bound from four BFS sweeps */
	size_t core_k;          /* the innermost core is the core_k-core */
	size_t *core;           /* its members, ascending */
	size_t n_core;
	size_t *brokers;        /* articulation points, ascending */
	size_t n_brokers;
} ent_structure;

/* Components, diameter (exact when the largest component has at most
 * ENT_PATH_EXACT_MAX nodes or `exact` is set: O(N P) on it; otherwise a
 * double-sweep lower bound, O(P)), coreness O(P) and articulation points
 * O(N + P). Release with ent_structure_release(). */
ent_status ent_uview_structure(const ent_uview *u, int exact,
			       ent_structure *s, ent_error *err);
void ent_structure_release(ent_structure *s);

#endif
