/*
 * Questions asked of a built graph: which node a name means (exact, via
 * the normalised index built with the graph), which names come close when
 * none matches, who a node's partners are, which relations touch it, the
 * shortest paths between two nodes and the neighbours two nodes share.
 */
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "model.h"

long ent_graph_find(const ent_graph *g, const char *name)
{
	char *norm;
	size_t *hit;

	if (!name)
		return -1;
	norm = ent_name_norm(name);
	hit = *norm ? ent_map_get(&g->index, norm) : NULL;
	free(norm);
	return hit ? (long)*hit : -1;
}

/* Names longer than this are cut before comparing, which bounds one
 * comparison at O(LEV_MAX^2) whatever the input. */
#define LEV_MAX 256

/* Levenshtein distance on bytes, two rows: O(|a| |b|) time. */
static size_t levenshtein(const char *a, size_t la, const char *b, size_t lb)
{
	size_t row[2][LEV_MAX + 1];

	la = la < LEV_MAX ? la : LEV_MAX;
	lb = lb < LEV_MAX ? lb : LEV_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t *prev = row[(i - 1) & 1], *cur = row[i & 1];
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t best = sub < del ? sub : del;
			cur[j] = best < ins ? best : ins;
		}
	}
	return row[la & 1][lb];
}

static size_t distance_to(const char *q, size_t lq, const char *s, size_t len)
{
	char *raw = ent_xstrndup(s, len);
	char *norm = ent_name_norm(raw);
	size_t d = levenshtein(q, lq, norm, strlen(norm));

	free(norm);
	free(raw);
	return d;
}

typedef struct scored {
	size_t node;
	size_t dist;
	const char *name;
} scored;

static int scored_cmp(const void *pa, const void *pb)
{
	const scored *a = pa, *b = pb;
	int c;

	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

/* O(N * A * L^2) for N nodes with A names each of length L (capped). */
size_t ent_graph_suggest(const ent_graph *g, const char *name, size_t *out,
			 size_t max)
{
	char *q;
	size_t lq, n = g->n_nodes;
	scored *s;

	if (!name || max == 0 || n == 0)
		return 0;
	q = ent_name_norm(name);
	lq = strlen(q);
	s = ent_xmalloc(n * sizeof(*s));
	for (size_t i = 0; i < n; i++) {
		const ent_node *nd = &g->nodes[i];
		const char *a;
		size_t len, pos = 0;
		s[i].node = i;
		s[i].name = nd->name;
		s[i].dist = distance_to(q, lq, nd->name, strlen(nd->name));
		while (ent_alias_next(nd->aliases, &pos, &a, &len)) {
			size_t d = distance_to(q, lq, a, len);
			if (d < s[i].dist)
				s[i].dist = d;
		}
	}
	qsort(s, n, sizeof(*s), scored_cmp);
	if (max > n)
		max = n;
	for (size_t i = 0; i < max; i++)
		out[i] = s[i].node;
	free(s);
	free(q);
	return max;
}

/* ---- partners --------------------------------------------------------- */

typedef struct link {
	size_t other;
	size_t edge;
} link;

static int link_cmp(const void *pa, const void *pb)
{
	const link *a = pa, *b = pb;

	if (a->other != b->other)
		return a->other < b->other ? -1 : 1;
	return (a->edge > b->edge) - (a->edge < b->edge);
}

typedef struct named_partner {
	ent_partner p;
	const char *name;
} named_partner;

static int partner_cmp(const void *pa, const void *pb)
{
	const named_partner *a = pa, *b = pb;
	int c;

	if (a->p.evidence != b->p.evidence)
		return a->p.evidence > b->p.evidence ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return (a->p.node > b->p.node) - (a->p.node < b->p.node);
}

/* The edges at node i as (other end, edge), self-loops left out, sorted
 * so that each neighbour's edges are adjacent. */
static ent_status incident_links(const ent_graph *g, size_t i, link **links,
				 size_t *n, ent_error *err)
{
	igraph_vector_int_t eids;
	ent_ig_scope scope;
	ent_status st = ENT_OK;

	*links = NULL;
	*n = 0;
	ent_ig_enter(&scope);
	if (igraph_vector_int_init(&eids, 0)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "cannot list edges");
		goto leave;
	}
	if (igraph_incident(&g->ig, &eids, (igraph_integer_t)i, IGRAPH_ALL)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "cannot list edges");
		goto out;
	}
	*links = ent_xmalloc((size_t)igraph_vector_int_size(&eids) * sizeof(**links));
	for (igraph_integer_t k = 0; k < igraph_vector_int_size(&eids); k++) {
		const ent_edge *e = &g->edges[VECTOR(eids)[k]];
		size_t other = e->from == i ? e->to : e->from;
		if (other == i)
			continue;
		(*links)[*n].other = other;
		(*links)[(*n)++].edge = (size_t)VECTOR(eids)[k];
	}
	qsort(*links, *n, sizeof(**links), link_cmp);
out:
	igraph_vector_int_destroy(&eids);
leave:
	ent_ig_leave(&scope);
	return st;
}

/* One neighbour's edges links[0..k): a partner when one is cooperation. */
static int make_partner(const ent_graph *g, const link *links, size_t k,
			ent_partner *p)
{
	int found = 0;

	memset(p, 0, sizeof(*p));
	p->node = links[0].other;
	for (size_t j = 0; j < k; j++) {
		const ent_edge *e = &g->edges[links[j].edge];
		p->rels |= 1u << e->rel;
		if (e->rel != ENT_REL_COOPERATES_WITH)
			continue;
		p->evidence += e->weight;
		/* links are in edge order, so ">" keeps the lowest on ties */
		if (!found || e->weight > g->edges[p->first_edge].weight)
			p->first_edge = links[j].edge;
		found = 1;
	}
	return found;
}

/* O(d log d) for a node of degree d. */
ent_status ent_graph_partners(const ent_graph *g, size_t i,
			      ent_partner **out, size_t *n, ent_error *err)
{
	link *links;
	size_t n_links, count = 0;
	named_partner *np;

	*out = NULL;
	*n = 0;
	if (i >= g->n_nodes)
		return ent_error_set(err, ENT_ERR_FAIL, "", 0, "no node %zu", i);
	if (incident_links(g, i, &links, &n_links, err) != ENT_OK)
		return ENT_ERR_FAIL;
	np = ent_xmalloc(n_links * sizeof(*np));
	for (size_t a = 0, b; a < n_links; a = b) {
		for (b = a + 1; b < n_links && links[b].other == links[a].other; b++)
			;
		if (make_partner(g, links + a, b - a, &np[count].p)) {
			np[count].name = g->nodes[np[count].p.node].name;
			count++;
		}
	}
	qsort(np, count, sizeof(*np), partner_cmp);
	if (count) {
		*out = ent_xmalloc(count * sizeof(**out));
		for (size_t k = 0; k < count; k++)
			(*out)[k] = np[k].p;
	}
	*n = count;
	free(np);
	free(links);
	return ENT_OK;
}

/* ---- relations -------------------------------------------------------- */

/* The direction of edge e seen from node i: 0 out, 1 in, 2 symmetric. */
static int direction_rank(const ent_edge *e, size_t i)
{
	if (ent_rel_symmetric(e->rel))
		return 2;
	return e->from == i ? 0 : 1;
}

typedef struct rel_item {
	size_t edge;
	ent_rel rel;
	int dir;
	const char *other;
} rel_item;

static int rel_item_cmp(const void *pa, const void *pb)
{
	const rel_item *a = pa, *b = pb;
	int c;

	if (a->rel != b->rel)
		return a->rel < b->rel ? -1 : 1;
	if (a->dir != b->dir)
		return a->dir < b->dir ? -1 : 1;
	c = strcmp(a->other, b->other);
	if (c)
		return c;
	return (a->edge > b->edge) - (a->edge < b->edge);
}

ent_status ent_graph_relations(const ent_graph *g, size_t i, unsigned rels,
			       ent_direction dir, size_t **edges, size_t *n,
			       ent_error *err)
{
	link *links;
	size_t n_links, count = 0;
	rel_item *items;

	*edges = NULL;
	*n = 0;
	if (i >= g->n_nodes)
		return ent_error_set(err, ENT_ERR_FAIL, "", 0, "no node %zu", i);
	if (incident_links(g, i, &links, &n_links, err) != ENT_OK)
		return ENT_ERR_FAIL;
	items = ent_xmalloc((n_links + 1) * sizeof(*items));
	for (size_t k = 0; k < n_links; k++) {
		const ent_edge *e = &g->edges[links[k].edge];
		int d = direction_rank(e, i);
		if (rels && !(rels & (1u << e->rel)))
			continue;
		if ((d == 0 && !(dir & ENT_DIR_OUT)) || (d == 1 && !(dir & ENT_DIR_IN)))
			continue;
		items[count].edge = links[k].edge;
		items[count].rel = e->rel;
		items[count].dir = d;
		items[count++].other = g->nodes[links[k].other].name;
	}
	qsort(items, count, sizeof(*items), rel_item_cmp);
	if (count) {
		*edges = ent_xmalloc(count * sizeof(**edges));
		for (size_t k = 0; k < count; k++)
			(*edges)[k] = items[k].edge;
	}
	*n = count;
	free(items);
	free(links);
	return ENT_OK;
}

/* ---- shortest paths --------------------------------------------------- */

/* Hop distance of every node to `b` (SIZE_MAX: unreachable). O(N + E). */
static size_t *distances_to(const ent_adj *adj, size_t b)
{
	size_t n = adj->n, head = 0, tail = 0;
	size_t *dist = ent_xmalloc((n + 1) * sizeof(*dist));
	size_t *queue = ent_xmalloc((n + 1) * sizeof(*queue));

	for (size_t i = 0; i < n; i++)
		dist[i] = SIZE_MAX;
	dist[b] = 0;
	queue[tail++] = b;
	while (head < tail) {
		size_t u = queue[head++];
		for (size_t j = adj->start[u]; j < adj->start[u + 1]; j++)
			if (dist[adj->other[j]] == SIZE_MAX) {
				dist[adj->other[j]] = dist[u] + 1;
				queue[tail++] = adj->other[j];
			}
	}
	free(queue);
	return dist;
}

typedef struct step_choice {
	size_t *next; /* the neighbours one hop closer to b, by name */
	size_t n;
	size_t pos;
} step_choice;

typedef struct name_idx {
	size_t node;
	const char *name;
} name_idx;

static int name_idx_cmp(const void *pa, const void *pb)
{
	const name_idx *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);

	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

/* The distinct neighbours of u one hop closer to the target. */
static void closer_neighbours(const ent_graph *g, const ent_adj *adj,
			      const size_t *dist, size_t u, step_choice *c)
{
	size_t cap = adj->start[u + 1] - adj->start[u] + 1, k = 0;
	name_idx *tmp = ent_xmalloc(cap * sizeof(*tmp));

	for (size_t j = adj->start[u]; j < adj->start[u + 1]; j++) {
		size_t w = adj->other[j];
		if (dist[w] + 1 != dist[u] || (k && tmp[k - 1].node == w))
			continue;
		tmp[k].node = w;
		tmp[k++].name = g->nodes[w].name;
	}
	qsort(tmp, k, sizeof(*tmp), name_idx_cmp);
	c->next = ent_xmalloc((k + 1) * sizeof(*c->next));
	for (size_t i = 0; i < k; i++)
		c->next[i] = tmp[i].node;
	c->n = k;
	c->pos = 0;
	free(tmp);
}

/* The heaviest edge between u and w, the lowest index on ties. */
static size_t best_edge(const ent_graph *g, const ent_adj *adj, size_t u,
			size_t w)
{
	size_t best = SIZE_MAX;

	for (size_t j = adj->start[u]; j < adj->start[u + 1]; j++)
		if (adj->other[j] == w &&
		    (best == SIZE_MAX || g->edges[adj->edge[j]].weight > g->edges[best].weight))
			best = adj->edge[j];
	return best;
}

static void path_record(const ent_graph *g, const ent_adj *adj,
			const step_choice *c, size_t a, size_t len,
			ent_graph_path *p)
{
	p->len = len;
	p->nodes = ent_xmalloc((len + 1) * sizeof(*p->nodes));
	p->edges = ent_xmalloc((len + 1) * sizeof(*p->edges));
	p->nodes[0] = a;
	for (size_t k = 0; k < len; k++) {
		p->nodes[k + 1] = c[k].next[c[k].pos];
		p->edges[k] = best_edge(g, adj, p->nodes[k], p->nodes[k + 1]);
	}
}

/* Every node closer to b has a neighbour closer still, so the listing
 * never backtracks out of a dead end: the next path is found by moving
 * the deepest step that has another choice, then going down greedily. */
static size_t list_paths(const ent_graph *g, const ent_adj *adj,
			 const size_t *dist, size_t a, size_t max,
			 ent_graph_path *out)
{
	size_t len = dist[a], found = 0;
	step_choice *c = ent_xcalloc(len + 1, sizeof(*c));
	size_t depth = 0, u = a;

	for (;;) {
		/* go down from step `depth` at node u */
		for (; depth < len; depth++) {
			if (!c[depth].next)
				closer_neighbours(g, adj, dist, u, &c[depth]);
			u = c[depth].next[c[depth].pos];
		}
		path_record(g, adj, c, a, len, &out[found++]);
		if (found == max)
			break;
		/* back up to the deepest step with another choice */
		while (depth > 0 && c[depth - 1].pos + 1 >= c[depth - 1].n) {
			depth--;
			free(c[depth].next);
			c[depth].next = NULL;
		}
		if (depth == 0)
			break;
		c[depth - 1].pos++;
		u = c[depth - 1].next[c[depth - 1].pos];
	}
	for (size_t k = 0; k < len; k++)
		free(c[k].next);
	free(c);
	return found;
}

ent_status ent_graph_paths(const ent_graph *g, size_t a, size_t b,
			   size_t max, ent_graph_path **paths, size_t *n,
			   ent_error *err)
{
	ent_adj adj;
	size_t *dist;

	*paths = NULL;
	*n = 0;
	if (a >= g->n_nodes || b >= g->n_nodes)
		return ent_error_set(err, ENT_ERR_FAIL, "", 0, "no node %zu",
				     a >= g->n_nodes ? a : b);
	if (max == 0)
		return ENT_OK;
	ent_adj_init(&adj, g->n_nodes, g->edges, g->n_edges);
	dist = distances_to(&adj, b);
	if (dist[a] != SIZE_MAX) {
		*paths = ent_xcalloc(max, sizeof(**paths));
		*n = list_paths(g, &adj, dist, a, max, *paths);
	}
	free(dist);
	ent_adj_release(&adj);
	return ENT_OK;
}

void ent_graph_paths_release(ent_graph_path *paths, size_t n)
{
	for (size_t i = 0; paths && i < n; i++) {
		free(paths[i].nodes);
		free(paths[i].edges);
	}
	free(paths);
}

/* ---- common neighbours ------------------------------------------------ */

typedef struct typed_node {
	size_t node;
	ent_type type;
	const char *name;
} typed_node;

static int typed_node_cmp(const void *pa, const void *pb)
{
	const typed_node *a = pa, *b = pb;
	int c;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

ent_status ent_graph_common(const ent_graph *g, size_t a, size_t b,
			    size_t **nodes, size_t *n, ent_error *err)
{
	link *la = NULL, *lb = NULL;
	size_t na, nb, count = 0;
	unsigned char *seen;
	typed_node *t;

	*nodes = NULL;
	*n = 0;
	if (a >= g->n_nodes || b >= g->n_nodes)
		return ent_error_set(err, ENT_ERR_FAIL, "", 0, "no node %zu",
				     a >= g->n_nodes ? a : b);
	if (incident_links(g, a, &la, &na, err) != ENT_OK)
		return ENT_ERR_FAIL;
	if (incident_links(g, b, &lb, &nb, err) != ENT_OK) {
		free(la);
		return ENT_ERR_FAIL;
	}
	seen = ent_xcalloc(g->n_nodes + 1, 1);
	t = ent_xmalloc((nb + 1) * sizeof(*t));
	for (size_t k = 0; k < na; k++)
		seen[la[k].other] = 1;
	for (size_t k = 0; k < nb; k++) {
		size_t o = lb[k].other;
		if (seen[o] != 1 || o == a || o == b)
			continue;
		seen[o] = 2; /* once, whatever the number of edges */
		t[count].node = o;
		t[count].type = g->nodes[o].type;
		t[count++].name = g->nodes[o].name;
	}
	qsort(t, count, sizeof(*t), typed_node_cmp);
	if (count) {
		*nodes = ent_xmalloc(count * sizeof(**nodes));
		for (size_t k = 0; k < count; k++)
			(*nodes)[k] = t[k].node;
	}
	*n = count;
	free(t);
	free(seen);
	free(la);
	free(lb);
	return ENT_OK;
}
