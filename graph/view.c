/*
 * Views: the part of a graph that the filters every graph command accepts
 * (--types, --relations, --since/--until, --min-weight, --asserted-only,
 * --project countries, --focus/--depth, --top) keep, as a new graph.
 *
 * A view is computed in stages over a `stage`: a subset of the source
 * graph's nodes (by their index there) and a list of edges between them.
 * The stages run in a fixed order: the node and edge filters, then the
 * country projection, then the ego network of the focus, then the N most
 * central nodes; finally the survivors are copied, in the source's node
 * order, into a graph built in one batch by ent_graph_assemble().
 *
 * Nothing here depends on the order of hash tables or on randomness, so
 * the same graph and view always give the same result. Costs for N nodes
 * and E edges: filters O(N + E), focus O(N + E log E), top N one PageRank
 * plus O(N log N); the projection is O(E log E + sum over shared entities
 * of k^2 log) for an entity linked to k countries.
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "model.h"

/* Names listed in the evidence of a projected edge. */
#define SHARED_SHOWN 5
/* How many suggestions an unknown focus name gets. */
#define FOCUS_SUGGESTIONS 3

void ent_view_init(ent_view *v)
{
	memset(v, 0, sizeof(*v));
}

int ent_view_is_identity(const ent_view *v)
{
	/* depth means nothing without a focus */
	return v->types == 0 && v->rels == 0 && v->since == 0 && v->until == 0 &&
	       v->min_weight <= 0 && !v->asserted_only && !v->project_countries &&
	       v->focus == NULL && v->top == 0;
}

/* ---- the stage -------------------------------------------------------- */

typedef struct stage {
	const ent_graph *g;
	unsigned char *keep; /* per node of g */
	ent_edge *edges;     /* endpoints index g's nodes; strings borrowed
			      * from g or from `owned` */
	size_t n_edges;
	char **owned;
	size_t n_owned, cap_owned;
} stage;

static void stage_init(stage *s, const ent_graph *g)
{
	memset(s, 0, sizeof(*s));
	s->g = g;
	s->keep = ent_xmalloc(g->n_nodes + 1);
	memset(s->keep, 1, g->n_nodes + 1);
	s->edges = ent_xmalloc((g->n_edges + 1) * sizeof(*s->edges));
	if (g->n_edges)
		memcpy(s->edges, g->edges, g->n_edges * sizeof(*s->edges));
	s->n_edges = g->n_edges;
}

static void stage_release(stage *s)
{
	for (size_t i = 0; i < s->n_owned; i++)
		free(s->owned[i]);
	free(s->owned);
	free(s->edges);
	free(s->keep);
}

/* Keep `str` alive as long as the stage; returns it. */
static const char *stage_own(stage *s, char *str)
{
	ENT_GROW(s->owned, s->cap_owned, s->n_owned + 1);
	s->owned[s->n_owned++] = str;
	return str;
}

/* Drop the edges with an end that is no longer kept. */
static void stage_prune_edges(stage *s)
{
	size_t m = 0;

	for (size_t e = 0; e < s->n_edges; e++)
		if (s->keep[s->edges[e].from] && s->keep[s->edges[e].to])
			s->edges[m++] = s->edges[e];
	s->n_edges = m;
}

/* ---- years ------------------------------------------------------------ */

typedef struct years {
	int *v;
	size_t n, cap;
} years;

/* Add the years of a ";"-joined list. */
static void years_add(years *y, const char *list)
{
	const char *p = list;

	while (p && *p) {
		char *end;
		long n = strtol(p, &end, 10);
		if (end == p) {
			p++; /* a separator or a stray byte */
			continue;
		}
		if (n > INT_MIN && n < INT_MAX) {
			ENT_GROW(y->v, y->cap, y->n + 1);
			y->v[y->n++] = (int)n;
		}
		p = end;
	}
}

static int int_cmp(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	return (a > b) - (a < b);
}

/* The sorted distinct years, ";"-joined; malloc'ed. Empties `y`. */
static char *years_join(years *y)
{
	ent_buf b;

	if (y->n)
		qsort(y->v, y->n, sizeof(*y->v), int_cmp);
	ent_buf_init(&b);
	ent_buf_add(&b, "", 0);
	for (size_t i = 0; i < y->n; i++)
		if (i == 0 || y->v[i] != y->v[i - 1])
			ent_buf_printf(&b, "%s%d", b.len ? ";" : "", y->v[i]);
	y->n = 0;
	return ent_buf_detach(&b);
}

/* Non-zero when a year of the list lies in [since, until] (0: open). */
static int years_match(const char *list, int since, int until)
{
	years y = { NULL, 0, 0 };
	int hit = 0;

	years_add(&y, list);
	for (size_t i = 0; i < y.n && !hit; i++)
		hit = (since == 0 || y.v[i] >= since) && (until == 0 || y.v[i] <= until);
	free(y.v);
	return hit;
}

/* ---- filters ---------------------------------------------------------- */

static int edge_filter_active(const ent_view *v)
{
	return v->rels || v->since || v->until || v->min_weight > 0 ||
	       v->asserted_only;
}

static int edge_kept(const ent_edge *e, const ent_view *v)
{
	if (v->rels && !(v->rels & (1u << e->rel)))
		return 0;
	if (v->min_weight > 0 && e->weight < v->min_weight)
		return 0;
	if (v->asserted_only && e->hedged >= e->weight)
		return 0;
	if ((v->since || v->until) && !years_match(e->years, v->since, v->until))
		return 0;
	return 1;
}

/* Types, then edges; with an edge filter, nodes left without an edge go.
 * O(N + E). */
static void stage_filter(stage *s, const ent_view *v)
{
	const ent_graph *g = s->g;
	size_t m = 0;

	if (v->types)
		for (size_t i = 0; i < g->n_nodes; i++)
			s->keep[i] = (v->types & (1u << g->nodes[i].type)) != 0;
	for (size_t e = 0; e < s->n_edges; e++) {
		const ent_edge *ed = &s->edges[e];
		if (s->keep[ed->from] && s->keep[ed->to] && edge_kept(ed, v))
			s->edges[m++] = *ed;
	}
	s->n_edges = m;
	if (!edge_filter_active(v))
		return;
	unsigned char *linked = ent_xcalloc(g->n_nodes + 1, 1);
	for (size_t e = 0; e < s->n_edges; e++)
		linked[s->edges[e].from] = linked[s->edges[e].to] = 1;
	for (size_t i = 0; i < g->n_nodes; i++)
		s->keep[i] = s->keep[i] && linked[i];
	free(linked);
}

/* ---- the country projection ------------------------------------------- */

/* Entities through which two countries count as linked. */
static int is_shared_type(ent_type t)
{
	return t == ENT_TYPE_ORGANIZATION || t == ENT_TYPE_AGREEMENT ||
	       t == ENT_TYPE_EVENT || t == ENT_TYPE_PROGRAM;
}

/* One reason for linking countries a < b: an entity both are linked to
 * (shared), or a cooperates_with edge between them (edge). */
typedef struct contrib {
	size_t a, b;
	size_t shared; /* node of g, or SIZE_MAX */
	size_t edge;   /* index in the stage's edges, or SIZE_MAX */
} contrib;

static int contrib_cmp(const void *pa, const void *pb)
{
	const contrib *x = pa, *y = pb;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	if (x->shared != y->shared)
		return x->shared < y->shared ? -1 : 1;
	return (x->edge > y->edge) - (x->edge < y->edge);
}

typedef struct contribs {
	contrib *v;
	size_t n, cap;
} contribs;

static void contrib_push(contribs *c, size_t a, size_t b, size_t shared,
			 size_t edge)
{
	ENT_GROW(c->v, c->cap, c->n + 1);
	c->v[c->n].a = a < b ? a : b;
	c->v[c->n].b = a < b ? b : a;
	c->v[c->n].shared = shared;
	c->v[c->n++].edge = edge;
}

static int is_country(const stage *s, size_t i)
{
	return s->keep[i] && s->g->nodes[i].type == ENT_TYPE_COUNTRY;
}

/* Every reason for linking two countries, sorted by pair. */
static void collect_contribs(const stage *s, const ent_adj *adj, contribs *c)
{
	const ent_graph *g = s->g;
	size_t *countries = ent_xmalloc((g->n_nodes + 1) * sizeof(*countries));

	for (size_t x = 0; x < g->n_nodes; x++) {
		size_t k = 0;
		if (!s->keep[x] || !is_shared_type(g->nodes[x].type))
			continue;
		/* neighbours come sorted, so repeats are adjacent */
		for (size_t j = adj->start[x]; j < adj->start[x + 1]; j++) {
			size_t o = adj->other[j];
			if (is_country(s, o) && (k == 0 || countries[k - 1] != o))
				countries[k++] = o;
		}
		for (size_t i = 0; i < k; i++)
			for (size_t j = i + 1; j < k; j++)
				contrib_push(c, countries[i], countries[j], x, SIZE_MAX);
	}
	for (size_t e = 0; e < s->n_edges; e++) {
		const ent_edge *ed = &s->edges[e];
		if (ed->rel == ENT_REL_COOPERATES_WITH && ed->from != ed->to &&
		    is_country(s, ed->from) && is_country(s, ed->to))
			contrib_push(c, ed->from, ed->to, SIZE_MAX, e);
	}
	free(countries);
	if (c->n)
		qsort(c->v, c->n, sizeof(*c->v), contrib_cmp);
}

/* The first edge between country a and entity x (adjacency order). */
static size_t first_link(const ent_adj *adj, size_t a, size_t x)
{
	for (size_t j = adj->start[a]; j < adj->start[a + 1]; j++)
		if (adj->other[j] == x)
			return adj->edge[j];
	return SIZE_MAX;
}

/* The projected edge of one pair from its reasons run[0..k): shared
 * entities first (by node index), then cooperates_with edges. `mark` is
 * scratch, one entry per node of g, all different from `stamp`. */
static void project_pair(stage *s, const ent_adj *adj, const contrib *run,
			 size_t k, size_t *mark, size_t stamp, ent_edge *out)
{
	const ent_graph *g = s->g;
	size_t a = run[0].a, b = run[0].b, n_shared = 0, first_coop = SIZE_MAX;
	years y = { NULL, 0, 0 };
	ent_buf ev;

	memset(out, 0, sizeof(*out));
	out->from = a;
	out->to = b;
	out->rel = ENT_REL_COOPERATES_WITH;
	ent_buf_init(&ev);
	for (size_t i = 0; i < k; i++) {
		if (run[i].shared != SIZE_MAX) {
			mark[run[i].shared] = stamp;
			if (n_shared < SHARED_SHOWN) {
				ent_buf_adds(&ev, n_shared ? ", " : "shared: ");
				ent_buf_adds(&ev, g->nodes[run[i].shared].name);
			} else if (n_shared == SHARED_SHOWN) {
				ent_buf_adds(&ev, ", ...");
			}
			n_shared++;
			continue;
		}
		const ent_edge *ed = &s->edges[run[i].edge];
		if (first_coop == SIZE_MAX)
			first_coop = run[i].edge;
		out->weight += ed->weight;
		out->hedged += ed->hedged;
		years_add(&y, ed->years);
	}
	out->weight += (long)n_shared;
	/* the years of the links to the shared entities count too */
	for (size_t end = 0; end < 2; end++) {
		size_t c = end ? b : a;
		for (size_t j = adj->start[c]; j < adj->start[c + 1]; j++)
			if (mark[adj->other[j]] == stamp)
				years_add(&y, s->edges[adj->edge[j]].years);
	}
	out->years = stage_own(s, years_join(&y));
	free(y.v);
	if (n_shared) {
		size_t via = first_link(adj, a, run[0].shared);
		const ent_edge *ed = via != SIZE_MAX ? &s->edges[via] : NULL;
		out->evidence = stage_own(s, ent_buf_detach(&ev));
		out->doc = ed ? ed->doc : "";
		out->line = ed ? ed->line : 0;
		out->rule = "project-countries";
	} else {
		const ent_edge *ed = &s->edges[first_coop];
		ent_buf_release(&ev);
		out->evidence = ed->evidence;
		out->doc = ed->doc;
		out->line = ed->line;
		out->rule = ed->rule;
	}
}

/* Replace the stage by its country-country network. */
static void stage_project(stage *s)
{
	const ent_graph *g = s->g;
	contribs c = { NULL, 0, 0 };
	ent_edge *edges = NULL;
	size_t n = 0, cap = 0, *mark;
	ent_adj adj;

	ent_adj_init(&adj, g->n_nodes, s->edges, s->n_edges);
	collect_contribs(s, &adj, &c);
	mark = ent_xcalloc(g->n_nodes + 1, sizeof(*mark));
	for (size_t i = 0, j; i < c.n; i = j) {
		for (j = i + 1; j < c.n && c.v[j].a == c.v[i].a && c.v[j].b == c.v[i].b; j++)
			;
		ENT_GROW(edges, cap, n + 1);
		project_pair(s, &adj, c.v + i, j - i, mark, n + 1, &edges[n]);
		n++;
	}
	free(mark);
	free(c.v);
	ent_adj_release(&adj);
	free(s->edges);
	s->edges = edges ? edges : ent_xmalloc(sizeof(*edges));
	s->n_edges = n;
	for (size_t i = 0; i < g->n_nodes; i++)
		s->keep[i] = is_country(s, i) ? 1 : 0;
}

/* ---- focus ------------------------------------------------------------ */

/* `no entity named 'X'; did you mean: A, B?`, suggesting nodes in view. */
static ent_status unknown_focus(const stage *s, const char *name,
				ent_error *err)
{
	const ent_graph *g = s->g;
	size_t *all = ent_xmalloc((g->n_nodes + 1) * sizeof(*all));
	size_t n = ent_graph_suggest(g, name, all, g->n_nodes), shown = 0;
	ent_buf b;
	ent_status st;

	ent_buf_init(&b);
	ent_buf_printf(&b, "no entity named '%s'", name);
	for (size_t i = 0; i < n && shown < FOCUS_SUGGESTIONS; i++) {
		if (!s->keep[all[i]])
			continue;
		ent_buf_adds(&b, shown++ ? ", " : "; did you mean: ");
		ent_buf_adds(&b, g->nodes[all[i]].name);
	}
	if (shown)
		ent_buf_addc(&b, '?');
	st = ent_error_set(err, ENT_ERR_FAIL, "", 0, "%s", b.data);
	ent_buf_release(&b);
	free(all);
	return st;
}

/* Keep the nodes within `depth` hops of the focus (breadth-first on the
 * undirected view) and the edges among them. O(N + E log E). */
static ent_status stage_focus(stage *s, const ent_view *v, ent_error *err)
{
	const ent_graph *g = s->g;
	long root = ent_graph_find(g, v->focus);
	size_t depth = v->depth ? v->depth : 1, *queue, *dist, head = 0, tail = 0;
	ent_adj adj;

	if (root < 0)
		return unknown_focus(s, v->focus, err);
	if (!s->keep[root])
		return ent_error_set(err, ENT_ERR_FAIL, "", 0,
				     "'%s' is not in the view: the other view options leave it out",
				     g->nodes[root].name);
	ent_adj_init(&adj, g->n_nodes, s->edges, s->n_edges);
	queue = ent_xmalloc((g->n_nodes + 1) * sizeof(*queue));
	dist = ent_xmalloc((g->n_nodes + 1) * sizeof(*dist));
	for (size_t i = 0; i < g->n_nodes; i++)
		dist[i] = SIZE_MAX;
	dist[root] = 0;
	queue[tail++] = (size_t)root;
	while (head < tail) {
		size_t u = queue[head++];
		if (dist[u] >= depth)
			continue;
		for (size_t j = adj.start[u]; j < adj.start[u + 1]; j++) {
			size_t w = adj.other[j];
			if (dist[w] == SIZE_MAX) {
				dist[w] = dist[u] + 1;
				queue[tail++] = w;
			}
		}
	}
	for (size_t i = 0; i < g->n_nodes; i++)
		s->keep[i] = s->keep[i] && dist[i] != SIZE_MAX;
	free(dist);
	free(queue);
	ent_adj_release(&adj);
	stage_prune_edges(s);
	return ENT_OK;
}

/* ---- top N ------------------------------------------------------------ */

typedef struct ranked {
	size_t node;
	long long score; /* PageRank rounded, so that ties are ties */
	const char *name;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	int c;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

typedef struct link2 {
	size_t a, b;
	long w;
} link2;

static int link2_cmp(const void *pa, const void *pb)
{
	const link2 *x = pa, *y = pb;

	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* PageRank of the kept nodes (compact numbering `slot`) on the
 * undirected view, parallel edges summed: damping 0.85, weights =
 * evidence counts, as in the report. */
static ent_status pagerank(const stage *s, const size_t *slot, size_t n,
			   double *pr, ent_error *err)
{
	link2 *l = ent_xmalloc((s->n_edges + 1) * sizeof(*l));
	igraph_vector_int_t ev;
	igraph_vector_t w, out;
	igraph_real_t value;
	ent_ig_scope scope;
	ent_status st = ENT_OK;
	size_t m = 0, k = 0;
	igraph_t ig;

	for (size_t e = 0; e < s->n_edges; e++) {
		size_t a = slot[s->edges[e].from], b = slot[s->edges[e].to];
		if (a == b)
			continue;
		l[m].a = a < b ? a : b;
		l[m].b = a < b ? b : a;
		l[m++].w = s->edges[e].weight;
	}
	if (m)
		qsort(l, m, sizeof(*l), link2_cmp);
	for (size_t i = 0; i < m; i++) {
		if (k && l[k - 1].a == l[i].a && l[k - 1].b == l[i].b)
			l[k - 1].w += l[i].w;
		else
			l[k++] = l[i];
	}
	ent_ig_enter(&scope);
	if (igraph_vector_int_init(&ev, (igraph_integer_t)(2 * k))) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
		goto leave;
	}
	if (igraph_vector_init(&w, (igraph_integer_t)k)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
		goto free_ev;
	}
	for (size_t i = 0; i < k; i++) {
		VECTOR(ev)[2 * i] = (igraph_integer_t)l[i].a;
		VECTOR(ev)[2 * i + 1] = (igraph_integer_t)l[i].b;
		VECTOR(w)[i] = (double)l[i].w;
	}
	if (igraph_create(&ig, &ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
		goto free_w;
	}
	if (igraph_vector_init(&out, 0)) {
		st = ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
	} else {
		if (igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &out, &value,
				    igraph_vss_all(), 0, 0.85, &w, NULL))
			st = ent_ig_error(err, ENT_ERR_FAIL, "", "pagerank");
		else
			for (size_t i = 0; i < n; i++)
				pr[i] = VECTOR(out)[i];
		igraph_vector_destroy(&out);
	}
	igraph_destroy(&ig);
free_w:
	igraph_vector_destroy(&w);
free_ev:
	igraph_vector_int_destroy(&ev);
leave:
	ent_ig_leave(&scope);
	free(l);
	return st;
}

/* Keep the v->top nodes of highest PageRank (ties by name, then index)
 * and the edges among them. */
static ent_status stage_top(stage *s, const ent_view *v, ent_error *err)
{
	const ent_graph *g = s->g;
	size_t n = 0, *slot = ent_xmalloc((g->n_nodes + 1) * sizeof(*slot));
	ranked *r;
	double *pr;
	ent_status st;

	for (size_t i = 0; i < g->n_nodes; i++)
		slot[i] = s->keep[i] ? n++ : SIZE_MAX;
	if (n <= v->top) {
		free(slot);
		return ENT_OK;
	}
	pr = ent_xcalloc(n, sizeof(*pr));
	st = pagerank(s, slot, n, pr, err);
	if (st != ENT_OK) {
		free(pr);
		free(slot);
		return st;
	}
	r = ent_xmalloc(n * sizeof(*r));
	for (size_t i = 0; i < g->n_nodes; i++) {
		if (slot[i] == SIZE_MAX)
			continue;
		r[slot[i]].node = i;
		r[slot[i]].name = g->nodes[i].name;
		/* scores sum to 1: twelve digits separate any real difference
		 * and hide the last-bit noise of the solver */
		r[slot[i]].score = llround(pr[slot[i]] * 1e12);
	}
	qsort(r, n, sizeof(*r), ranked_cmp);
	memset(s->keep, 0, g->n_nodes);
	for (size_t i = 0; i < v->top; i++)
		s->keep[r[i].node] = 1;
	free(r);
	free(pr);
	free(slot);
	stage_prune_edges(s);
	return ENT_OK;
}

/* ---- the result ------------------------------------------------------- */

static char *dup_str(const char *s)
{
	return ent_xstrdup(s ? s : "");
}

/* Copy the kept nodes (in g's order) and the stage's edges into a new
 * graph. */
static ent_graph *stage_assemble(const stage *s, ent_error *err)
{
	const ent_graph *g = s->g;
	size_t n = 0, *slot = ent_xmalloc((g->n_nodes + 1) * sizeof(*slot));
	ent_node *nodes;
	ent_edge *edges;

	for (size_t i = 0; i < g->n_nodes; i++)
		slot[i] = s->keep[i] ? n++ : SIZE_MAX;
	nodes = ent_xcalloc(n + 1, sizeof(*nodes));
	edges = ent_xcalloc(s->n_edges + 1, sizeof(*edges));
	for (size_t i = 0; i < g->n_nodes; i++) {
		ent_node *nd;
		if (slot[i] == SIZE_MAX)
			continue;
		nd = &nodes[slot[i]];
		*nd = g->nodes[i];
		nd->name = dup_str(g->nodes[i].name);
		nd->key = dup_str(g->nodes[i].key);
		nd->aliases = dup_str(g->nodes[i].aliases);
	}
	for (size_t e = 0; e < s->n_edges; e++) {
		const ent_edge *src = &s->edges[e];
		ent_edge *ed = &edges[e];
		*ed = *src;
		ed->from = slot[src->from];
		ed->to = slot[src->to];
		ed->years = dup_str(src->years);
		ed->doc = dup_str(src->doc);
		ed->evidence = dup_str(src->evidence);
		ed->rule = dup_str(src->rule);
		ed->more = dup_str(src->more);
	}
	free(slot);
	return ent_graph_assemble(nodes, n, edges, s->n_edges, "", err);
}

ent_graph *ent_graph_view(const ent_graph *g, const ent_view *v, ent_error *err)
{
	ent_status st = ENT_OK;
	ent_graph *out = NULL;
	stage s;

	stage_init(&s, g);
	stage_filter(&s, v);
	if (v->project_countries)
		stage_project(&s);
	if (v->focus)
		st = stage_focus(&s, v, err);
	if (st == ENT_OK && v->top)
		st = stage_top(&s, v, err);
	if (st == ENT_OK)
		out = stage_assemble(&s, err);
	stage_release(&s);
	return out;
}
