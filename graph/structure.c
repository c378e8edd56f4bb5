/*
 * Communities and the shape of the graph, on the undirected view of
 * analysis.c: modularity communities, components, the diameter of the
 * largest component, the innermost k-core and the articulation points.
 *
 * Communities come from the multilevel (Louvain) method up to
 * ENT_COMMUNITY_MULTILEVEL_MAX nodes. igraph 0.10.2's multilevel makes
 * passes for as long as modularity grows at all (it has no tolerance,
 * igraph issue #463), and on a large graph without clear communities that
 * is hundreds of passes: 80 s on a 100,000-node preferential-attachment
 * graph, where the Leiden method (modularity objective, two iterations)
 * takes under a tenth of that and finds a higher modularity. So larger
 * graphs use Leiden.
 *
 * Costs for N nodes, P linked pairs: components, coreness and
 * articulation points O(N + P); Leiden about O(P) per iteration; the
 * exact diameter one BFS per node of the largest component, O(N P), so
 * above ENT_PATH_EXACT_MAX nodes it is bounded from below by a few BFS
 * sweeps.
 *
 * Both community methods visit nodes in a random order: igraph's default
 * RNG is seeded with a fixed seed right before, so that one graph always
 * gives one partition.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "ig.h"
#include "model.h"

#define COMMUNITY_SEED 1648
#define LEIDEN_BETA 0.01     /* randomness of the refinement (igraph's default) */
#define LEIDEN_ITERATIONS 2
#define SWEEPS 4 /* BFS sweeps bounding a large diameter */

static int size_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return (a > b) - (a < b);
}

/* ---- communities ------------------------------------------------------ */

typedef struct community {
	size_t id;         /* igraph's label */
	size_t size;
	const char *first; /* smallest member name */
} community;

static int community_cmp(const void *pa, const void *pb)
{
	const community *a = pa, *b = pb;
	int c;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	c = strcmp(a->first, b->first);
	if (c)
		return c;
	return (a->id > b->id) - (a->id < b->id);
}

/* Relabel igraph's communities: largest first, ties by smallest member
 * name. O(N + C log C). */
static void relabel(const ent_graph *g, const igraph_vector_int_t *memb,
		    ent_communities *out)
{
	size_t n = g->n_nodes, count = 0, *label;
	community *cs;

	for (size_t i = 0; i < n; i++)
		if ((size_t)VECTOR(*memb)[i] + 1 > count)
			count = (size_t)VECTOR(*memb)[i] + 1;
	cs = ent_xcalloc(count, sizeof(*cs));
	for (size_t c = 0; c < count; c++)
		cs[c].id = c;
	for (size_t i = 0; i < n; i++) {
		community *c = &cs[VECTOR(*memb)[i]];
		c->size++;
		if (!c->first || strcmp(g->nodes[i].name, c->first) < 0)
			c->first = g->nodes[i].name;
	}
	for (size_t c = 0; c < count; c++)
		if (!cs[c].first)
			cs[c].first = ""; /* igraph leaves no label unused; be safe */
	qsort(cs, count, sizeof(*cs), community_cmp);
	label = ent_xmalloc(count * sizeof(*label));
	for (size_t c = 0; c < count; c++)
		label[cs[c].id] = c;
	out->membership = ent_xmalloc(n * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		out->membership[i] = label[VECTOR(*memb)[i]];
	out->count = 0;
	for (size_t c = 0; c < count; c++)
		out->count += cs[c].size > 0;
	free(label);
	free(cs);
}

const char *ent_community_method(size_t n_nodes, size_t n_links)
{
	return n_links > 0 && n_nodes > ENT_COMMUNITY_MULTILEVEL_MAX ? "leiden"
								      : "multilevel";
}

/* Leiden optimising modularity: node weights are strengths and the
 * resolution 1 / (2 m), m the total link weight. */
static igraph_error_t leiden(const ent_uview *u, igraph_vector_int_t *memb)
{
	igraph_vector_t strength;
	igraph_integer_t clusters;
	igraph_real_t quality, total = 0;
	igraph_error_t rc;

	for (size_t i = 0; i < u->n_links; i++)
		total += VECTOR(u->weight)[i];
	rc = igraph_vector_init(&strength, 0);
	if (rc)
		return rc;
	rc = igraph_strength(&u->ig, &strength, igraph_vss_all(), IGRAPH_ALL,
			     IGRAPH_LOOPS, &u->weight);
	if (!rc)
		rc = igraph_community_leiden(&u->ig, &u->weight, &strength,
					     1.0 / (2.0 * total), LEIDEN_BETA, 0,
					     LEIDEN_ITERATIONS, memb, &clusters,
					     &quality);
	igraph_vector_destroy(&strength);
	return rc;
}

ent_status ent_uview_communities(const ent_uview *u, const ent_graph *g,
				 ent_communities *out, ent_error *err)
{
	igraph_vector_int_t memb;
	igraph_real_t q = 0;
	igraph_error_t rc;
	ent_status st = ENT_OK;

	memset(out, 0, sizeof(*out));
	out->n = u->n_nodes;
	if (u->n_nodes == 0)
		return ENT_OK;
	if (igraph_vector_int_init(&memb, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "communities");
	igraph_rng_seed(igraph_rng_default(), COMMUNITY_SEED);
	if (!strcmp(ent_community_method(u->n_nodes, u->n_links), "leiden"))
		rc = leiden(u, &memb);
	else
		rc = igraph_community_multilevel(&u->ig, &u->weight, 1.0, &memb,
						 NULL, NULL);
	if (rc || igraph_modularity(&u->ig, &memb, &u->weight, 1.0, 0, &q)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "communities");
	} else {
		relabel(g, &memb, out);
		/* without links modularity is 0/0: call it 0 */
		out->modularity = isfinite(q) ? q : 0;
	}
	igraph_vector_int_destroy(&memb);
	return st;
}

ent_status ent_graph_communities(const ent_graph *g, ent_communities *out,
				 ent_error *err)
{
	ent_ig_scope scope;
	ent_status st;
	ent_uview u;

	memset(out, 0, sizeof(*out));
	ent_ig_enter(&scope);
	st = ent_uview_init(&u, g, err);
	if (st == ENT_OK) {
		st = ent_uview_communities(&u, g, out, err);
		ent_uview_release(&u);
	}
	ent_ig_leave(&scope);
	return st;
}

void ent_communities_release(ent_communities *c)
{
	if (!c)
		return;
	free(c->membership);
	memset(c, 0, sizeof(*c));
}

/* ---- structure -------------------------------------------------------- */

/* BFS from `from`: the farthest reachable node (lowest index on ties)
 * and its distance. */
static ent_status sweep(const ent_uview *u, size_t from, igraph_matrix_t *d,
			size_t *far, size_t *dist, ent_error *err)
{
	if (igraph_distances(&u->ig, d, igraph_vss_1((igraph_integer_t)from),
			     igraph_vss_all(), IGRAPH_ALL))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "diameter");
	*far = from;
	*dist = 0;
	for (size_t i = 0; i < u->n_nodes; i++) {
		double x = MATRIX(*d, 0, i);
		if (isfinite(x) && x > (double)*dist) {
			*dist = (size_t)x;
			*far = i;
		}
	}
	return ENT_OK;
}

/* A lower bound on the diameter of the component of `start`: repeated
 * double sweeps, each BFS starting where the last one ended farthest.
 * Exact on trees, and usually on real networks. O(SWEEPS P). */
static ent_status diameter_bound(const ent_uview *u, size_t start,
				 size_t *out, ent_error *err)
{
	igraph_matrix_t d;
	size_t at = start, far = start, dist = 0;
	ent_status st = ENT_OK;

	*out = 0;
	if (igraph_matrix_init(&d, 0, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "diameter");
	for (int i = 0; i < SWEEPS && st == ENT_OK; i++) {
		st = sweep(u, at, &d, &far, &dist, err);
		if (dist > *out)
			*out = dist;
		at = far;
	}
	igraph_matrix_destroy(&d);
	return st;
}

/* The exact diameter of the component holding nodes[0..c). */
static ent_status diameter_exact(const ent_uview *u, const size_t *nodes,
				 size_t c, size_t *out, ent_error *err)
{
	igraph_vector_int_t vs;
	igraph_real_t d = 0;
	igraph_t sub;
	ent_status st = ENT_OK;

	*out = 0;
	if (c < 2)
		return ENT_OK;
	if (c == u->n_nodes) {
		if (igraph_diameter(&u->ig, &d, NULL, NULL, NULL, NULL, 0, 1))
			return ent_ig_error(err, ENT_ERR_FAIL, "", "diameter");
		*out = (size_t)d;
		return ENT_OK;
	}
	if (igraph_vector_int_init(&vs, (igraph_integer_t)c))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "diameter");
	for (size_t i = 0; i < c; i++)
		VECTOR(vs)[i] = (igraph_integer_t)nodes[i];
	if (igraph_induced_subgraph(&u->ig, &sub, igraph_vss_vector(&vs),
				    IGRAPH_SUBGRAPH_AUTO)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "diameter");
	} else {
		if (igraph_diameter(&sub, &d, NULL, NULL, NULL, NULL, 0, 1))
			st = ent_ig_error(err, ENT_ERR_FAIL, "", "diameter");
		*out = (size_t)d;
		igraph_destroy(&sub);
	}
	igraph_vector_int_destroy(&vs);
	return st;
}

static ent_status components(const ent_uview *u, int exact, ent_structure *s,
			     ent_error *err)
{
	size_t best = 0, start = 0, maxdeg = 0;
	ent_status st;
	ent_groups gr;

	st = ent_groups_init(&gr, u, err);
	if (st != ENT_OK)
		return st;
	s->components = gr.count;
	for (size_t c = 0; c < gr.count; c++)
		if (gr.nstart[c + 1] - gr.nstart[c] > s->largest) {
			s->largest = gr.nstart[c + 1] - gr.nstart[c];
			best = c;
		}
	if (s->largest <= ENT_PATH_EXACT_MAX || exact) {
		st = diameter_exact(u, gr.nodes + gr.nstart[best], s->largest,
				    &s->diameter, err);
	} else {
		/* start from the best-linked node of the component */
		start = gr.nodes[gr.nstart[best]];
		for (size_t j = gr.nstart[best]; j < gr.nstart[best + 1]; j++) {
			igraph_integer_t deg;
			if (igraph_degree_1(&u->ig, &deg, (igraph_integer_t)gr.nodes[j],
					    IGRAPH_ALL, 0) == IGRAPH_SUCCESS &&
			    (size_t)deg > maxdeg) {
				maxdeg = (size_t)deg;
				start = gr.nodes[j];
			}
		}
		s->diameter_exact = 0;
		st = diameter_bound(u, start, &s->diameter, err);
	}
	ent_groups_release(&gr);
	return st;
}

static ent_status cores_and_brokers(const ent_uview *u, ent_structure *s,
				    ent_error *err)
{
	igraph_vector_int_t v;
	ent_status st = ENT_OK;

	if (igraph_vector_int_init(&v, 0))
		return ent_ig_error(err, ENT_ERR_FAIL, "", "coreness");
	if (igraph_coreness(&u->ig, &v, IGRAPH_ALL)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "coreness");
		goto out;
	}
	for (size_t i = 0; i < u->n_nodes; i++)
		if ((size_t)VECTOR(v)[i] > s->core_k)
			s->core_k = (size_t)VECTOR(v)[i];
	s->core = ent_xmalloc(u->n_nodes * sizeof(size_t));
	for (size_t i = 0; i < u->n_nodes; i++)
		if ((size_t)VECTOR(v)[i] == s->core_k)
			s->core[s->n_core++] = i;
	if (igraph_articulation_points(&u->ig, &v)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "articulation points");
		goto out;
	}
	s->n_brokers = (size_t)igraph_vector_int_size(&v);
	s->brokers = ent_xmalloc(s->n_brokers * sizeof(size_t));
	for (size_t i = 0; i < s->n_brokers; i++)
		s->brokers[i] = (size_t)VECTOR(v)[i];
	qsort(s->brokers, s->n_brokers, sizeof(size_t), size_cmp);
out:
	igraph_vector_int_destroy(&v);
	return st;
}

ent_status ent_uview_structure(const ent_uview *u, int exact,
			       ent_structure *s, ent_error *err)
{
	ent_status st;

	memset(s, 0, sizeof(*s));
	s->diameter_exact = 1; /* until a bound replaces it */
	st = components(u, exact, s, err);
	if (st == ENT_OK)
		st = cores_and_brokers(u, s, err);
	if (st != ENT_OK)
		ent_structure_release(s);
	return st;
}

void ent_structure_release(ent_structure *s)
{
	free(s->core);
	free(s->brokers);
	memset(s, 0, sizeof(*s));
}
