/*
 * Centrality, communities and structure, all on igraph. Every analysis
 * runs on the undirected view of the graph: direction collapsed, the
 * edges between two nodes merged into one link whose weight is the sum of
 * theirs (so parallel relations still add to strength, PageRank,
 * eigenvector centrality and modularity), self-loops dropped. Path
 * measures (betweenness, closeness, diameter) count hops on that simple
 * view, so each pair of nodes is counted once whatever number of
 * relations joins them.
 *
 * This file holds the view and the six measures; structure.c the
 * communities and the shape of the graph.
 *
 * Costs for N nodes, E edges, P linked pairs: the view O(E log E);
 * degree and strength O(P); PageRank (PRPACK) and eigenvector (ARPACK)
 * about O(P) per iteration. Betweenness (Brandes) and harmonic closeness
 * run one BFS per source, O(N P) for all N sources: above
 * ENT_PATH_EXACT_MAX nodes they use K sampled sources, O(K P).
 *
 * The sources are drawn by our own generator with a fixed seed, so that
 * one graph always gives one answer.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "ig.h"
#include "model.h"

#define SAMPLE_SEED UINT64_C(0x656e74656e746521)
#define DISTANCE_CHUNK 16 /* BFS sources per igraph_distances() call */

/* ---- names ------------------------------------------------------------ */

static const char *const measure_names[ENT_MEASURE_COUNT] = {
	"degree", "strength", "betweenness", "closeness", "pagerank", "eigenvector"
};

const char *ent_measure_name(ent_measure m)
{
	return (unsigned)m < ENT_MEASURE_COUNT ? measure_names[m] : "?";
}

int ent_measure_parse(const char *name, ent_measure *out)
{
	for (int m = 0; m < ENT_MEASURE_COUNT; m++)
		if (!ent_strcasecmp(name, measure_names[m])) {
			*out = (ent_measure)m;
			return 0;
		}
	if (!ent_strcasecmp(name, "weighted_degree")) {
		*out = ENT_MEASURE_STRENGTH;
		return 0;
	}
	if (!ent_strcasecmp(name, "harmonic")) {
		*out = ENT_MEASURE_CLOSENESS;
		return 0;
	}
	return -1;
}

int ent_path_mode_parse(const char *name, ent_path_mode *out)
{
	static const char *const names[] = { "auto", "exact", "sampled", "off" };

	for (int i = 0; i < 4; i++)
		if (!ent_strcasecmp(name, names[i])) {
			*out = (ent_path_mode)i;
			return 0;
		}
	return -1;
}

void ent_measure_opts_init(ent_measure_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->measures = ENT_MEASURES_ALL;
	o->betweenness = ENT_PATH_AUTO;
	o->closeness = ENT_PATH_AUTO;
	o->sources = ENT_PATH_SOURCES;
}

/* ---- the undirected view ---------------------------------------------- */

typedef struct pair {
	size_t a, b;
	double w;
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
		p[n++].w = (double)ed->weight;
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

ent_status ent_uview_init(ent_uview *u, const ent_graph *g, ent_error *err)
{
	pair *p = ent_xmalloc(g->n_edges * sizeof(*p));
	igraph_vector_int_t ev;
	ent_status st = ENT_OK;

	u->n_nodes = g->n_nodes;
	u->n_links = collapse(g, p);
	if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * u->n_links))) {
		free(p);
		return ent_ig_error(err, ENT_ERR_FAIL, "", "analysis");
	}
	if (igraph_vector_init(&u->weight, (igraph_integer_t)u->n_links)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "analysis");
		goto out;
	}
	for (size_t i = 0; i < u->n_links; i++) {
		VECTOR(ev)[2 * i] = (igraph_integer_t)p[i].a;
		VECTOR(ev)[2 * i + 1] = (igraph_integer_t)p[i].b;
		VECTOR(u->weight)[i] = p[i].w;
	}
	if (igraph_create(&u->ig, &ev, (igraph_integer_t)g->n_nodes,
			  IGRAPH_UNDIRECTED)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "analysis");
		igraph_vector_destroy(&u->weight);
	}
out:
	igraph_vector_int_destroy(&ev);
	free(p);
	return st;
}

void ent_uview_release(ent_uview *u)
{
	igraph_destroy(&u->ig);
	igraph_vector_destroy(&u->weight);
}

void ent_uview_link(const ent_uview *u, size_t i, size_t *a, size_t *b)
{
	igraph_integer_t from, to;

	igraph_edge(&u->ig, (igraph_integer_t)i, &from, &to);
	*a = (size_t)from;
	*b = (size_t)to;
}

/* ---- sources of the sampled path measures ----------------------------- */

static uint64_t splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static int size_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return (a > b) - (a < b);
}

/* k distinct nodes of n, ascending, the same for the same (n, k): a
 * partial Fisher-Yates shuffle with a fixed seed. O(n). */
static size_t *sample_sources(size_t n, size_t k)
{
	size_t *p = ent_xmalloc(n * sizeof(*p));
	uint64_t state = SAMPLE_SEED;

	for (size_t i = 0; i < n; i++)
		p[i] = i;
	for (size_t i = 0; i < k; i++) {
		size_t j = i + (size_t)(splitmix64(&state) % (n - i));
		size_t t = p[i];
		p[i] = p[j];
		p[j] = t;
	}
	qsort(p, k, sizeof(*p), size_cmp);
	return p;
}

/* The number of BFS sources a path measure runs from: n when exact, K
 * when sampled, 0 when off. */
static size_t path_sources(ent_path_mode mode, size_t n, size_t k)
{
	size_t sampled = k < n ? k : n;

	switch (mode) {
	case ENT_PATH_OFF:
		return 0;
	case ENT_PATH_EXACT:
		return n;
	case ENT_PATH_SAMPLED:
		return sampled;
	default:
		return n <= ENT_PATH_EXACT_MAX ? n : sampled;
	}
}

/* ---- the measures ----------------------------------------------------- */

static void degree_strength(const ent_uview *u, double *deg, double *str)
{
	for (size_t i = 0; i < u->n_links; i++) {
		size_t a, b;
		ent_uview_link(u, i, &a, &b);
		if (deg) {
			deg[a] += 1;
			deg[b] += 1;
		}
		if (str) {
			str[a] += VECTOR(u->weight)[i];
			str[b] += VECTOR(u->weight)[i];
		}
	}
}

static ent_status pagerank(const ent_uview *u, double *out, ent_error *err)
{
	igraph_vector_t v;
	igraph_real_t value;
	ent_status st = ENT_OK;

	if (igraph_vector_init(&v, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
	if (igraph_pagerank(&u->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value,
			    igraph_vss_all(), 0, 0.85, &u->weight, NULL))
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
	else
		for (size_t i = 0; i < u->n_nodes; i++)
			out[i] = VECTOR(v)[i];
	igraph_vector_destroy(&v);
	return st;
}

/* Betweenness from the k sources src (all nodes when k == n). From a
 * sample, a node outside it sees K of the N - 1 other sources, one inside
 * it K - 1: each count is scaled by (N - 1) / that number, which makes
 * the estimate unbiased. */
static ent_status betweenness(const ent_uview *u, const size_t *src,
			      const char *in_src, size_t k, double *out,
			      ent_error *err)
{
	size_t n = u->n_nodes;
	igraph_vector_int_t sv;
	igraph_vector_t v;
	igraph_error_t rc;

	if (igraph_vector_init(&v, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "betweenness");
	if (k >= n) {
		rc = igraph_betweenness(&u->ig, &v, igraph_vss_all(), 0, NULL);
	} else if ((rc = igraph_vector_int_init(&sv, (igraph_integer_t)k)) ==
		   IGRAPH_SUCCESS) {
		for (size_t i = 0; i < k; i++)
			VECTOR(sv)[i] = (igraph_integer_t)src[i];
		rc = igraph_betweenness_subset(&u->ig, &v, igraph_vss_all(), 0,
					       igraph_vss_vector(&sv),
					       igraph_vss_all(), NULL);
		igraph_vector_int_destroy(&sv);
	}
	if (rc) {
		igraph_vector_destroy(&v);
		return ent_ig_error(err, ENT_ERR_FAIL, "", "betweenness");
	}
	for (size_t i = 0; i < n; i++) {
		double seen = k >= n ? (double)n - 1 : (double)k - (in_src[i] ? 1 : 0);
		out[i] = seen > 0 ? VECTOR(v)[i] * ((double)n - 1) / seen : 0;
	}
	igraph_vector_destroy(&v);
	return ENT_OK;
}

/* Harmonic closeness, normalised: the mean of 1/d(v, u) over the other
 * nodes, unreachable ones counting 0. From a sample, the mean is over the
 * sources other than v: d is symmetric, so one BFS from each source gives
 * its distance to every node. */
static ent_status closeness(const ent_uview *u, const size_t *src,
			    const char *in_src, size_t k, double *out,
			    ent_error *err)
{
	size_t n = u->n_nodes;
	igraph_vector_int_t sv;
	igraph_matrix_t d;
	igraph_vector_t v;
	ent_status st = ENT_OK;

	if (n < 2)
		return ENT_OK; /* no other node: 0 */
	if (k >= n) {
		if (igraph_vector_init(&v, 0))
			return ent_ig_error(err, ENT_ERR_FAIL, "", "closeness");
		if (igraph_harmonic_centrality(&u->ig, &v, igraph_vss_all(),
					       IGRAPH_ALL, NULL, 1))
			st = ent_ig_error(err, ENT_ERR_FAIL, "", "closeness");
		else
			for (size_t i = 0; i < n; i++)
				out[i] = VECTOR(v)[i];
		igraph_vector_destroy(&v);
		return st;
	}
	if (igraph_matrix_init(&d, 0, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "closeness");
	if (igraph_vector_int_init(&sv, 0)) {
		igraph_matrix_destroy(&d);
		return ent_ig_error(err, ENT_ERR_FAIL, "", "closeness");
	}
	for (size_t first = 0; first < k && st == ENT_OK; first += DISTANCE_CHUNK) {
		size_t rows = k - first < DISTANCE_CHUNK ? k - first : DISTANCE_CHUNK;
		if (igraph_vector_int_resize(&sv, (igraph_integer_t)rows)) {
			st = ent_ig_error(err, ENT_ERR_FAIL, "", "closeness");
			break;
		}
		for (size_t r = 0; r < rows; r++)
			VECTOR(sv)[r] = (igraph_integer_t)src[first + r];
		if (igraph_distances(&u->ig, &d, igraph_vss_vector(&sv),
				     igraph_vss_all(), IGRAPH_ALL)) {
			st = ent_ig_error(err, ENT_ERR_FAIL, "", "closeness");
			break;
		}
		for (size_t i = 0; i < n; i++)
			for (size_t r = 0; r < rows; r++) {
				double dist = MATRIX(d, r, i);
				if (dist > 0 && isfinite(dist))
					out[i] += 1.0 / dist;
			}
	}
	for (size_t i = 0; st == ENT_OK && i < n; i++) {
		double seen = (double)k - (in_src[i] ? 1 : 0);
		out[i] = seen > 0 ? out[i] / seen : 0;
	}
	igraph_vector_int_destroy(&sv);
	igraph_matrix_destroy(&d);
	return st;
}

/* Scaled eigenvector centrality of one connected graph with at least one
 * link, and its leading eigenvalue. */
static ent_status eigen_one(const igraph_t *ig, const igraph_vector_t *w,
			    double *out, double *lambda, ent_error *err)
{
	igraph_vector_t v;
	igraph_real_t value = 0;
	ent_status st = ENT_OK;

	if (igraph_vector_init(&v, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "eigenvector");
	if (igraph_eigenvector_centrality(ig, &v, &value, 0, 1, w, NULL)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "eigenvector");
	} else {
		for (igraph_integer_t i = 0; i < igraph_vector_size(&v); i++)
			out[i] = VECTOR(v)[i] > 0 ? VECTOR(v)[i] : 0;
		*lambda = value;
	}
	igraph_vector_destroy(&v);
	return st;
}

/* One component of at least three nodes, as its own igraph graph: c
 * nodes and the links links[0..l); local[] maps a node to its place. */
static ent_status eigen_component(const ent_uview *u, size_t c,
				  const size_t *links, size_t l,
				  const size_t *local, double *x, double *lambda,
				  ent_error *err)
{
	igraph_vector_int_t ev;
	igraph_vector_t w;
	igraph_t sub;
	ent_status st = ENT_ERR_FAIL;

	if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * l)))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "eigenvector");
	if (igraph_vector_init(&w, (igraph_integer_t)l)) {
		igraph_vector_int_destroy(&ev);
		return ent_ig_error(err, ENT_ERR_FAIL, "", "eigenvector");
	}
	for (size_t i = 0; i < l; i++) {
		size_t a, b;
		ent_uview_link(u, links[i], &a, &b);
		VECTOR(ev)[2 * i] = (igraph_integer_t)local[a];
		VECTOR(ev)[2 * i + 1] = (igraph_integer_t)local[b];
		VECTOR(w)[i] = VECTOR(u->weight)[links[i]];
	}
	if (igraph_create(&sub, &ev, (igraph_integer_t)c, IGRAPH_UNDIRECTED)) {
		ent_ig_error(err, ENT_ERR_FAIL, "", "eigenvector");
	} else {
		st = eigen_one(&sub, &w, x, lambda, err);
		igraph_destroy(&sub);
	}
	igraph_vector_destroy(&w);
	igraph_vector_int_destroy(&ev);
	return st;
}

void ent_groups_release(ent_groups *gr)
{
	free(gr->memb);
	free(gr->nodes);
	free(gr->nstart);
	free(gr->links);
	free(gr->lstart);
	free(gr->local);
}

ent_status ent_groups_init(ent_groups *gr, const ent_uview *u, ent_error *err)
{
	size_t n = u->n_nodes, a, b, *fill;
	igraph_vector_int_t memb;
	igraph_integer_t no;

	memset(gr, 0, sizeof(*gr));
	if (igraph_vector_int_init(&memb, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "components");
	if (igraph_connected_components(&u->ig, &memb, NULL, &no, IGRAPH_WEAK)) {
		igraph_vector_int_destroy(&memb);
		return ent_ig_error(err, ENT_ERR_FAIL, "", "components");
	}
	gr->count = (size_t)no;
	gr->memb = ent_xmalloc(n * sizeof(size_t));
	gr->nodes = ent_xmalloc(n * sizeof(size_t));
	gr->local = ent_xmalloc(n * sizeof(size_t));
	gr->nstart = ent_xcalloc(gr->count + 1, sizeof(size_t));
	gr->links = ent_xmalloc(u->n_links * sizeof(size_t));
	gr->lstart = ent_xcalloc(gr->count + 1, sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		gr->memb[i] = (size_t)VECTOR(memb)[i];
		gr->nstart[gr->memb[i] + 1]++;
	}
	igraph_vector_int_destroy(&memb);
	for (size_t c = 0; c < gr->count; c++)
		gr->nstart[c + 1] += gr->nstart[c];
	fill = ent_xmalloc((gr->count + 1) * sizeof(size_t));
	memcpy(fill, gr->nstart, (gr->count + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		size_t c = gr->memb[i];
		gr->local[i] = fill[c] - gr->nstart[c];
		gr->nodes[fill[c]++] = i;
	}
	for (size_t i = 0; i < u->n_links; i++) {
		ent_uview_link(u, i, &a, &b);
		gr->lstart[gr->memb[a] + 1]++;
	}
	for (size_t c = 0; c < gr->count; c++)
		gr->lstart[c + 1] += gr->lstart[c];
	memcpy(fill, gr->lstart, (gr->count + 1) * sizeof(size_t));
	for (size_t i = 0; i < u->n_links; i++) {
		ent_uview_link(u, i, &a, &b);
		gr->links[fill[gr->memb[a]]++] = i;
	}
	free(fill);
	return ENT_OK;
}

/* Eigenvector centrality per component, weighted by the component's
 * leading eigenvalue over the largest (see report.h). A component of two
 * nodes needs no solver: both score 1 and the eigenvalue is the link's
 * weight. */
static ent_status eigenvector(const ent_uview *u, double *out, ent_error *err)
{
	size_t n = u->n_nodes;
	double *lambda, *x, top = 0;
	ent_status st = ENT_OK;
	ent_groups gr;

	if (n == 0 || u->n_links == 0)
		return ENT_OK; /* no links: every node is isolated, 0 */
	st = ent_groups_init(&gr, u, err);
	if (st != ENT_OK)
		return st;
	if (gr.count == 1) {
		ent_groups_release(&gr);
		return eigen_one(&u->ig, &u->weight, out, &top, err);
	}
	lambda = ent_xcalloc(gr.count, sizeof(double));
	x = ent_xcalloc(n, sizeof(double));
	for (size_t c = 0; c < gr.count && st == ENT_OK; c++) {
		size_t c0 = gr.nstart[c], size = gr.nstart[c + 1] - c0;
		size_t l0 = gr.lstart[c], nl = gr.lstart[c + 1] - l0;
		if (size == 2) {
			x[c0] = x[c0 + 1] = 1;
			lambda[c] = VECTOR(u->weight)[gr.links[l0]];
		} else if (size > 2) {
			st = eigen_component(u, size, gr.links + l0, nl, gr.local,
					     x + c0, &lambda[c], err);
		}
		if (lambda[c] > top)
			top = lambda[c];
	}
	for (size_t c = 0; c < gr.count && st == ENT_OK && top > 0; c++)
		for (size_t j = gr.nstart[c]; j < gr.nstart[c + 1]; j++)
			out[gr.nodes[j]] = x[j] * lambda[c] / top;
	free(x);
	free(lambda);
	ent_groups_release(&gr);
	return st;
}

static ent_status path_measures(const ent_uview *u, const ent_measure_opts *o,
				ent_measures *m, ent_error *err)
{
	size_t n = u->n_nodes, k = o->sources ? o->sources : ENT_PATH_SOURCES;
	size_t kb = path_sources(o->betweenness, n, k);
	size_t kc = path_sources(o->closeness, n, k);
	int want_b = (o->measures & (1u << ENT_MEASURE_BETWEENNESS)) &&
		     o->betweenness != ENT_PATH_OFF;
	int want_c = (o->measures & (1u << ENT_MEASURE_CLOSENESS)) &&
		     o->closeness != ENT_PATH_OFF;
	size_t *src = NULL;
	char *in_src = NULL;
	ent_status st = ENT_OK;

	if ((want_b && kb < n) || (want_c && kc < n)) {
		/* one sample for both: the same K sources */
		src = sample_sources(n, k);
		in_src = ent_xcalloc(n, 1);
		for (size_t i = 0; i < k; i++)
			in_src[src[i]] = 1;
	}
	if (want_b) {
		m->value[ENT_MEASURE_BETWEENNESS] = ent_xcalloc(n, sizeof(double));
		m->sources[ENT_MEASURE_BETWEENNESS] = kb < n ? kb : 0;
		st = betweenness(u, src, in_src, kb, m->value[ENT_MEASURE_BETWEENNESS],
				 err);
	}
	if (want_c && st == ENT_OK) {
		m->value[ENT_MEASURE_CLOSENESS] = ent_xcalloc(n, sizeof(double));
		m->sources[ENT_MEASURE_CLOSENESS] = kc < n ? kc : 0;
		st = closeness(u, src, in_src, kc, m->value[ENT_MEASURE_CLOSENESS], err);
	}
	free(src);
	free(in_src);
	return st;
}

ent_status ent_uview_measures(const ent_uview *u, const ent_measure_opts *o,
			      ent_measures *m, ent_error *err)
{
	ent_measure_opts def;
	size_t n = u->n_nodes;
	ent_status st = ENT_OK;

	ent_measure_opts_init(&def);
	if (o) {
		def = *o;
		if (!def.measures) /* 0 means all */
			def.measures = ENT_MEASURES_ALL;
	}
	o = &def;
	memset(m, 0, sizeof(*m));
	m->n = n;
	for (int i = ENT_MEASURE_DEGREE; i <= ENT_MEASURE_STRENGTH; i++)
		if (o->measures & (1u << i))
			m->value[i] = ent_xcalloc(n, sizeof(double));
	degree_strength(u, m->value[ENT_MEASURE_DEGREE],
			m->value[ENT_MEASURE_STRENGTH]);
	if (n > 0 && (o->measures & (1u << ENT_MEASURE_PAGERANK))) {
		m->value[ENT_MEASURE_PAGERANK] = ent_xcalloc(n, sizeof(double));
		st = pagerank(u, m->value[ENT_MEASURE_PAGERANK], err);
	}
	if (st == ENT_OK && (o->measures & (1u << ENT_MEASURE_EIGENVECTOR))) {
		m->value[ENT_MEASURE_EIGENVECTOR] = ent_xcalloc(n, sizeof(double));
		st = eigenvector(u, m->value[ENT_MEASURE_EIGENVECTOR], err);
	}
	if (st == ENT_OK)
		st = path_measures(u, o, m, err);
	if (st != ENT_OK)
		ent_measures_release(m);
	return st;
}

void ent_measures_release(ent_measures *m)
{
	if (!m)
		return;
	for (int i = 0; i < ENT_MEASURE_COUNT; i++)
		free(m->value[i]);
	memset(m, 0, sizeof(*m));
}

ent_status ent_graph_measures(const ent_graph *g, const ent_measure_opts *o,
			      ent_measures *out, ent_error *err)
{
	ent_ig_scope scope;
	ent_status st;
	ent_uview u;

	memset(out, 0, sizeof(*out));
	ent_ig_enter(&scope);
	st = ent_uview_init(&u, g, err);
	if (st == ENT_OK) {
		st = ent_uview_measures(&u, o, out, err);
		ent_uview_release(&u);
	}
	ent_ig_leave(&scope);
	return st;
}

/* The four measures of graph.h: betweenness in the automatic mode, so
 * that drawing a large graph (which wants PageRank) stays fast. */
ent_status ent_graph_centrality(const ent_graph *g, ent_centrality *out,
				ent_error *err)
{
	ent_measure_opts o;
	ent_measures m;
	ent_status st;

	ent_measure_opts_init(&o);
	o.measures = 1u << ENT_MEASURE_DEGREE | 1u << ENT_MEASURE_STRENGTH |
		     1u << ENT_MEASURE_PAGERANK | 1u << ENT_MEASURE_BETWEENNESS;
	memset(out, 0, sizeof(*out));
	st = ent_graph_measures(g, &o, &m, err);
	if (st != ENT_OK)
		return st;
	out->n = m.n;
	out->degree = m.value[ENT_MEASURE_DEGREE];
	out->strength = m.value[ENT_MEASURE_STRENGTH];
	out->pagerank = m.value[ENT_MEASURE_PAGERANK];
	out->betweenness = m.value[ENT_MEASURE_BETWEENNESS];
	if (!out->pagerank) /* no nodes */
		out->pagerank = ent_xcalloc(1, sizeof(double));
	return ENT_OK;
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
