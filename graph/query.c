/*
 * Questions asked of a built graph: which node a name means (exact, via
 * the normalised index built with the graph), which names come close when
 * none matches, and who a node's partners are.
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
