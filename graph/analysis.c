/*
 * Centrality and the text report. Every measure is taken on the
 * undirected view of the graph: direction collapsed, the edges between
 * two nodes merged into one link whose weight is the sum of theirs (so
 * parallel relations still add to strength and PageRank), self-loops
 * dropped. Betweenness on that simple view counts each pair of nodes once,
 * whatever number of relations joins them.
 *
 * Costs for N nodes, E edges, P linked pairs: the view O(E log E);
 * degree and strength O(P); PageRank (PRPACK) about O(P) per iteration;
 * betweenness (Brandes, BFS) O(N P), the dominant cost on large graphs;
 * components O(N + P).
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "model.h"

/* The undirected, simple, weighted view. */
typedef struct uview {
	igraph_t ig;
	igraph_vector_t weight; /* per link: summed evidence */
	size_t n_links;
} uview;

typedef struct pair {
	size_t a, b;
	long w;
} pair;

static int pair_cmp(const void *pa, const void *pb)
{
	const pair *x = pa, *y = pb;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* Distinct unordered pairs with summed weights; returns their number. */
static size_t collapse(const ent_graph *g, pair *p)
{
	size_t n = 0, k = 0;

	for (size_t e = 0; e < g->n_edges; e++) {
		const ent_edge *ed = &g->edges[e];
		if (ed->from == ed->to)
			continue;
		p[n].a = ed->from < ed->to ? ed->from : ed->to;
		p[n].b = ed->from < ed->to ? ed->to : ed->from;
		p[n++].w = ed->weight;
	}
	qsort(p, n, sizeof(*p), pair_cmp);
	for (size_t i = 0; i < n; i++) {
		if (k > 0 && p[k - 1].a == p[i].a && p[k - 1].b == p[i].b)
			p[k - 1].w += p[i].w;
		else
			p[k++] = p[i];
	}
	return k;
}

/* Build the view, inside an igraph scope. On failure nothing is left to
 * free. */
static ent_status uview_init(uview *u, const ent_graph *g, ent_error *err)
{
	pair *p = ent_xmalloc(g->n_edges * sizeof(*p));
	igraph_vector_int_t ev;
	ent_status st = ENT_OK;

	u->n_links = collapse(g, p);
	if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * u->n_links))) {
		free(p);
		return ent_ig_error(err, ENT_ERR_FAIL, "", "centrality");
	}
	if (igraph_vector_init(&u->weight, (igraph_integer_t)u->n_links)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "centrality");
		goto out;
	}
	for (size_t i = 0; i < u->n_links; i++) {
		VECTOR(ev)[2 * i] = (igraph_integer_t)p[i].a;
		VECTOR(ev)[2 * i + 1] = (igraph_integer_t)p[i].b;
		VECTOR(u->weight)[i] = (double)p[i].w;
	}
	if (igraph_create(&u->ig, &ev, (igraph_integer_t)g->n_nodes,
			  IGRAPH_UNDIRECTED)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "centrality");
		igraph_vector_destroy(&u->weight);
	}
out:
	igraph_vector_int_destroy(&ev);
	free(p);
	return st;
}

static void uview_release(uview *u)
{
	igraph_destroy(&u->ig);
	igraph_vector_destroy(&u->weight);
}

/* Copy an igraph result vector out, or fail. */
static ent_status take(igraph_error_t rc, igraph_vector_t *v, double *dst,
		       size_t n, const char *what, ent_error *err)
{
	if (rc)
		return ent_ig_error(err, ENT_ERR_FAIL, "", what);
	for (size_t i = 0; i < n; i++)
		dst[i] = VECTOR(*v)[i];
	return ENT_OK;
}

/* All four measures on a built view. */
static ent_status measure(const uview *u, ent_centrality *c, ent_error *err)
{
	igraph_integer_t from, to;
	igraph_vector_t v;
	igraph_real_t value;
	ent_status st;

	for (size_t i = 0; i < u->n_links; i++) {
		igraph_edge(&u->ig, (igraph_integer_t)i, &from, &to);
		c->degree[from] += 1;
		c->degree[to] += 1;
		c->strength[from] += VECTOR(u->weight)[i];
		c->strength[to] += VECTOR(u->weight)[i];
	}
	if (igraph_vector_init(&v, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "centrality");
	st = take(igraph_pagerank(&u->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value,
				  igraph_vss_all(), 0, 0.85, &u->weight, NULL),
		  &v, c->pagerank, c->n, "pagerank", err);
	if (st == ENT_OK)
		st = take(igraph_betweenness(&u->ig, &v, igraph_vss_all(), 0, NULL),
			  &v, c->betweenness, c->n, "betweenness", err);
	igraph_vector_destroy(&v);
	return st;
}

/* Centrality and, when `components` is given, the number of connected
 * components and of distinct linked pairs. */
static ent_status analyse(const ent_graph *g, ent_centrality *c,
			  size_t *components, size_t *links, ent_error *err)
{
	size_t n = g->n_nodes;
	ent_ig_scope scope;
	igraph_integer_t no = 0;
	ent_status st;
	uview u;

	c->n = n;
	c->degree = ent_xcalloc(n, sizeof(double));
	c->strength = ent_xcalloc(n, sizeof(double));
	c->pagerank = ent_xcalloc(n, sizeof(double));
	c->betweenness = ent_xcalloc(n, sizeof(double));
	if (components)
		*components = *links = 0;
	/* igraph handles empty graphs unevenly; there is nothing to measure */
	if (n == 0)
		return ENT_OK;
	ent_ig_enter(&scope);
	st = uview_init(&u, g, err);
	if (st == ENT_OK) {
		st = measure(&u, c, err);
		if (st == ENT_OK && components) {
			if (igraph_connected_components(&u.ig, NULL, NULL, &no, IGRAPH_WEAK))
				st = ent_ig_error(err, ENT_ERR_FAIL, "", "components");
			*components = (size_t)no;
			*links = u.n_links;
		}
		uview_release(&u);
	}
	ent_ig_leave(&scope);
	if (st != ENT_OK)
		ent_centrality_release(c);
	return st;
}

ent_status ent_graph_centrality(const ent_graph *g, ent_centrality *out,
				ent_error *err)
{
	return analyse(g, out, NULL, NULL, err);
}

void ent_centrality_release(ent_centrality *c)
{
	if (!c)
		return;
	free(c->degree);
	free(c->strength);
	free(c->pagerank);
	free(c->betweenness);
	memset(c, 0, sizeof(*c));
}

/* ---- report ----------------------------------------------------------- */

typedef struct report {
	FILE *out;
	int bad; /* a write failed */
} report;

static void say(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(report *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vfprintf(r->out, fmt, ap) < 0)
		r->bad = 1;
	va_end(ap);
}

/* One row to rank. The key is the value rounded to 1e-9, so that
 * floating-point noise (PageRank summed in another order) cannot reorder
 * ties; equal keys go by name, then index. */
typedef struct ranked {
	double key;
	const char *name;
	size_t node;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	int c;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

/* The `top` best nodes by `values` (every node when `top` is 0), as a
 * table. O(N log N). */
static void top_table(report *r, const ent_graph *g, const double *values,
		      size_t top, const char *title, const char *head,
		      int decimals)
{
	size_t n = g->n_nodes;
	ranked *order = ent_xmalloc(n * sizeof(*order));
	int vw = (int)strlen(head), tw = 4, rw = 4;

	for (size_t i = 0; i < n; i++) {
		order[i].key = nearbyint(values[i] * 1e9);
		order[i].name = g->nodes[i].name;
		order[i].node = i;
	}
	qsort(order, n, sizeof(*order), ranked_cmp);
	if (top == 0 || top > n)
		top = n;
	for (size_t i = 0; i < top; i++) {
		int w = snprintf(NULL, 0, "%.*f", decimals, values[order[i].node]);
		int t = (int)strlen(ent_type_name(g->nodes[order[i].node].type));
		vw = w > vw ? w : vw;
		tw = t > tw ? t : tw;
	}
	say(r, "\ntop %zu by %s\n", top, title);
	if (top == 0) {
		say(r, "  (no nodes)\n");
		free(order);
		return;
	}
	say(r, "  %*s  %*s  %-*s  %s\n", rw, "rank", vw, head, tw, "type", "name");
	for (size_t i = 0; i < top; i++) {
		const ent_node *nd = &g->nodes[order[i].node];
		say(r, "  %*zu  %*.*f  %-*s  %s\n", rw, i + 1, vw, decimals,
		    values[order[i].node], tw, ent_type_name(nd->type), nd->name);
	}
	free(order);
}

static void summary(report *r, const ent_graph *g, size_t components,
		    size_t links)
{
	size_t types[ENT_TYPE_COUNT] = { 0 }, rels[ENT_REL_COUNT] = { 0 };
	double n = (double)g->n_nodes;
	double density = n > 1 ? 2.0 * (double)links / (n * (n - 1)) : 0.0;

	for (size_t i = 0; i < g->n_nodes; i++)
		types[g->nodes[i].type]++;
	for (size_t i = 0; i < g->n_edges; i++)
		rels[g->edges[i].rel]++;
	say(r, "entente graph report\n\n");
	say(r, "  %-16s %10zu\n", "nodes", g->n_nodes);
	say(r, "  %-16s %10zu\n", "edges", g->n_edges);
	say(r, "  %-16s %10zu\n", "linked pairs", links);
	say(r, "  %-16s %10zu\n", "components", components);
	say(r, "  %-16s %10.4f\n", "density", density);
	say(r, "\nnodes by type\n");
	for (int t = 0; t < ENT_TYPE_COUNT; t++)
		if (types[t])
			say(r, "  %-16s %10zu\n", ent_type_name((ent_type)t), types[t]);
	say(r, "\nedges by relation\n");
	for (int k = 0; k < ENT_REL_COUNT; k++)
		if (rels[k])
			say(r, "  %-16s %10zu\n", ent_rel_name((ent_rel)k), rels[k]);
}

ent_status ent_graph_write_report(const ent_graph *g, size_t top, FILE *out,
				  ent_error *err)
{
	ent_centrality c;
	size_t components, links;
	report r = { out, 0 };
	ent_status st;

	st = analyse(g, &c, &components, &links, err);
	if (st != ENT_OK)
		return st;
	summary(&r, g, components, links);
	top_table(&r, g, c.degree, top, "degree (distinct neighbours)", "degree", 0);
	top_table(&r, g, c.strength, top, "weighted degree (evidence sentences)",
		  "weight", 0);
	top_table(&r, g, c.pagerank, top, "PageRank (damping 0.85, weighted)",
		  "pagerank", 4);
	top_table(&r, g, c.betweenness, top, "betweenness (shortest paths)",
		  "betweenness", 2);
	ent_centrality_release(&c);
	if (r.bad || fflush(out) != 0 || ferror(out))
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0,
				     "cannot write the report");
	return ENT_OK;
}
