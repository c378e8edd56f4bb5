/*
 * The graph model: nodes and merged edges held as plain C arrays (what the
 * rest of entente reads), mirrored by a directed igraph graph (what the
 * analyses run on) and indexed by normalised name for lookups.
 *
 * Building from a corpus merges every relation with the same (subject,
 * relation, object) into one edge: weight counts them, years collects
 * their distinct non-zero years, and the first in corpus order is kept as
 * the evidence shown, and hedged counts those stated only as intention or
 * proposal. Symmetric relations are stored with from < to;
 * self-loops carry no information and are dropped. Sorting makes the
 * whole construction O(R log R) for R relations, independent of the
 * order the extractor produced.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "model.h"

/* One relation of the corpus, oriented and numbered for merging. */
typedef struct rel_ref {
	size_t from;
	size_t to;
	ent_rel rel;
	size_t pos; /* index in the corpus: earlier evidence first */
} rel_ref;

static int rel_ref_cmp(const void *pa, const void *pb)
{
	const rel_ref *a = pa, *b = pb;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

static int int_cmp(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	return (a > b) - (a < b);
}

static char *dup_or_empty(const char *s)
{
	return ent_xstrdup(s ? s : "");
}

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

/* Aliases are stored "|"-joined, so a '|' inside one would split it. */
static char *join_aliases(const ent_entity *e)
{
	ent_buf b;

	ent_buf_init(&b);
	for (size_t i = 0; i < e->n_aliases; i++) {
		const char *a = e->aliases[i];
		if (!a || !*a)
			continue;
		if (b.len)
			ent_buf_addc(&b, '|');
		for (; *a; a++)
			ent_buf_addc(&b, *a == '|' ? ' ' : *a);
	}
	return ent_buf_detach(&b);
}

static void node_from_entity(ent_node *n, const ent_entity *e)
{
	n->name = dup_or_empty(e->name);
	n->key = dup_or_empty(e->key);
	n->type = e->type;
	n->aliases = join_aliases(e);
	n->mentions = e->mentions > (size_t)LONG_MAX ? LONG_MAX : (long)e->mentions;
}

/* The sorted, ";"-joined distinct non-zero years of run[0..k). */
static char *join_years(const ent_corpus *c, const rel_ref *run, size_t k)
{
	int *years = ent_xmalloc(k * sizeof(*years));
	size_t n = 0;
	ent_buf b;

	for (size_t i = 0; i < k; i++)
		if (c->relations[run[i].pos].year != 0)
			years[n++] = c->relations[run[i].pos].year;
	qsort(years, n, sizeof(*years), int_cmp);
	ent_buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && years[i] == years[i - 1])
			continue;
		ent_buf_printf(&b, "%s%d", b.len ? ";" : "", years[i]);
	}
	free(years);
	return ent_buf_detach(&b);
}

/* One edge from a run of k equal (from, to, rel) references, the first
 * being the earliest in the corpus. */
static void edge_from_run(ent_edge *e, const ent_corpus *c,
			  const rel_ref *run, size_t k)
{
	const ent_evidence *ev = &c->relations[run[0].pos].ev;

	e->from = run[0].from;
	e->to = run[0].to;
	e->rel = run[0].rel;
	e->weight = k > (size_t)LONG_MAX ? LONG_MAX : (long)k;
	e->hedged = 0;
	for (size_t i = 0; i < k && e->hedged < e->weight; i++)
		e->hedged += (c->relations[run[i].pos].flags & ENT_RELF_HEDGED) != 0;
	e->years = join_years(c, run, k);
	e->doc = dup_or_empty(ev->doc);
	e->line = ev->line;
	e->evidence = dup_or_empty(ev->sentence);
	e->rule = dup_or_empty(ev->rule);
}

/* Orient and check the corpus relations; self-loops are left out.
 * Returns the number kept, or (size_t)-1 after filling `err`. */
static size_t collect_relations(const ent_corpus *c, rel_ref *refs,
				ent_error *err)
{
	size_t n = 0;

	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *r = &c->relations[i];
		size_t a = r->subject, b = r->object;
		if (a >= c->n_entities || b >= c->n_entities ||
		    (unsigned)r->rel >= ENT_REL_COUNT) {
			ent_error_set(err, ENT_ERR_INPUT, "", 0,
				      "relation %zu: entity or relation out of range", i);
			return (size_t)-1;
		}
		if (a == b)
			continue;
		if (ent_rel_symmetric(r->rel) && a > b) {
			size_t t = a;
			a = b;
			b = t;
		}
		refs[n].from = a;
		refs[n].to = b;
		refs[n].rel = r->rel;
		refs[n].pos = i;
		n++;
	}
	return n;
}

ent_graph *ent_graph_from_corpus(const ent_corpus *c, ent_error *err)
{
	rel_ref *refs;
	ent_node *nodes;
	ent_edge *edges;
	size_t n_refs, n_edges = 0;

	for (size_t i = 0; i < c->n_entities; i++)
		if ((unsigned)c->entities[i].type >= ENT_TYPE_COUNT) {
			ent_error_set(err, ENT_ERR_INPUT, "", 0,
				      "entity %zu: type out of range", i);
			return NULL;
		}
	refs = ent_xmalloc(c->n_relations * sizeof(*refs));
	n_refs = collect_relations(c, refs, err);
	if (n_refs == (size_t)-1) {
		free(refs);
		return NULL;
	}
	qsort(refs, n_refs, sizeof(*refs), rel_ref_cmp);

	nodes = ent_xcalloc(c->n_entities, sizeof(*nodes));
	for (size_t i = 0; i < c->n_entities; i++)
		node_from_entity(&nodes[i], &c->entities[i]);
	edges = ent_xcalloc(n_refs, sizeof(*edges));
	for (size_t i = 0, j; i < n_refs; i = j) {
		for (j = i + 1; j < n_refs && refs[j].from == refs[i].from &&
				refs[j].to == refs[i].to && refs[j].rel == refs[i].rel;
		     j++)
			;
		edge_from_run(&edges[n_edges++], c, refs + i, j - i);
	}
	free(refs);
	return ent_graph_assemble(nodes, c->n_entities, edges, n_edges, "", err);
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
