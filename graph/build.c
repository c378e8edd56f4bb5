/*
 * Building the graph piece by piece. Entities merge by key through an
 * ent_entity_set; relations merge into edges keyed by (subject, relation,
 * object), symmetric ones by the unordered pair. An edge keeps only what
 * merges without order: counts, the set of years and the K smallest
 * evidence records by (doc, line, sentence, rule). Nodes are sorted when
 * the graph is made, so neither the order of the documents nor the way
 * they were split between threads or shards shows in the result.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

typedef struct evidence_rec {
	const char *doc;  /* interned */
	long line;
	char *sentence;
	const char *rule; /* interned */
} evidence_rec;

typedef struct build_edge {
	size_t s, o;      /* entity set indexes */
	ent_rel rel;
	long weight, hedged;
	int *years;       /* sorted, distinct, non-zero */
	size_t n_years, cap_years;
	evidence_rec *ev; /* sorted, at most max_evidence */
	size_t n_ev;
} build_edge;

struct ent_graph_builder {
	size_t max_evidence;
	ent_entity_set *set;
	build_edge *edges;
	size_t n_edges, cap_edges;
	ent_map edge_index; /* "s rel o" -> edge */
	ent_map strings;    /* interned doc names and rules */
	char **string_list;
	size_t n_strings, cap_strings;
	size_t n_docs, n_rels;
};

ent_graph_builder *ent_graph_builder_new(size_t max_evidence)
{
	ent_graph_builder *b = ent_xcalloc(1, sizeof(*b));

	b->max_evidence = max_evidence ? max_evidence : 1;
	b->set = ent_entity_set_new();
	ent_map_init(&b->edge_index);
	ent_map_init(&b->strings);
	return b;
}

void ent_graph_builder_free(ent_graph_builder *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_edges; i++) {
		build_edge *e = &b->edges[i];
		free(e->years);
		for (size_t k = 0; k < e->n_ev; k++)
			free(e->ev[k].sentence);
		free(e->ev);
	}
	free(b->edges);
	for (size_t i = 0; i < b->n_strings; i++)
		free(b->string_list[i]);
	free(b->string_list);
	ent_map_release(&b->edge_index);
	ent_map_release(&b->strings);
	ent_entity_set_free(b->set);
	free(b);
}

static const char *intern(ent_graph_builder *b, const char *s)
{
	size_t *have;

	s = s ? s : "";
	have = ent_map_get(&b->strings, s);
	if (have)
		return b->string_list[*have];
	ENT_GROW(b->string_list, b->cap_strings, b->n_strings + 1);
	b->string_list[b->n_strings] = ent_xstrdup(s);
	ent_map_put(&b->strings, s, b->n_strings);
	return b->string_list[b->n_strings++];
}

void ent_graph_builder_count_document(ent_graph_builder *b)
{
	b->n_docs++;
}

size_t ent_graph_builder_documents(const ent_graph_builder *b)
{
	return b->n_docs;
}

size_t ent_graph_builder_relations(const ent_graph_builder *b)
{
	return b->n_rels;
}

size_t ent_graph_builder_entity(ent_graph_builder *b, const ent_entity *e)
{
	return ent_entity_set_add(b->set, e);
}

static void add_year(build_edge *e, int year)
{
	size_t i = 0;

	if (!year)
		return;
	while (i < e->n_years && e->years[i] < year)
		i++;
	if (i < e->n_years && e->years[i] == year)
		return;
	ENT_GROW(e->years, e->cap_years, e->n_years + 1);
	memmove(e->years + i + 1, e->years + i, (e->n_years - i) * sizeof(*e->years));
	e->years[i] = year;
	e->n_years++;
}

static int evidence_cmp(const evidence_rec *a, const evidence_rec *b)
{
	int c = strcmp(a->doc, b->doc);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	c = strcmp(a->sentence, b->sentence);
	return c ? c : strcmp(a->rule, b->rule);
}

/* Keep `src` if it is among the K smallest; the array stays sorted. Its
 * strings are copied (documents and rules interned) only when kept, so
 * that what the builder holds follows the edges, not the documents. */
static void add_evidence(ent_graph_builder *b, build_edge *e, const ent_evidence *src)
{
	evidence_rec ev = { src->doc ? src->doc : "", src->line,
			    (char *)(src->sentence ? src->sentence : ""),
			    src->rule ? src->rule : "" };
	size_t i = e->n_ev;

	if (!e->ev)
		e->ev = ent_xmalloc(b->max_evidence * sizeof(*e->ev));
	while (i > 0 && evidence_cmp(&ev, &e->ev[i - 1]) < 0)
		i--;
	if (i >= b->max_evidence)
		return;
	if (e->n_ev == b->max_evidence)
		free(e->ev[--e->n_ev].sentence);
	memmove(e->ev + i + 1, e->ev + i, (e->n_ev - i) * sizeof(*e->ev));
	ev.doc = intern(b, ev.doc);
	ev.rule = intern(b, ev.rule);
	ev.sentence = ent_xstrdup(ev.sentence);
	e->ev[i] = ev;
	e->n_ev++;
}

void ent_graph_builder_relation(ent_graph_builder *b, size_t subject,
				size_t object, const ent_relation *r)
{
	char key[80];
	size_t *have, i;
	build_edge *e;

	if (subject == object || (unsigned)r->rel >= ENT_REL_COUNT)
		return;
	if (ent_rel_symmetric(r->rel) && object < subject) {
		size_t t = subject;
		subject = object;
		object = t;
	}
	snprintf(key, sizeof(key), "%zu %d %zu", subject, (int)r->rel, object);
	have = ent_map_get(&b->edge_index, key);
	if (have) {
		i = *have;
	} else {
		ENT_GROW(b->edges, b->cap_edges, b->n_edges + 1);
		i = b->n_edges++;
		memset(&b->edges[i], 0, sizeof(b->edges[i]));
		b->edges[i].s = subject;
		b->edges[i].o = object;
		b->edges[i].rel = r->rel;
		ent_map_put(&b->edge_index, key, i);
	}
	e = &b->edges[i];
	if (e->weight < LONG_MAX)
		e->weight++;
	if ((r->flags & ENT_RELF_HEDGED) && e->hedged < LONG_MAX)
		e->hedged++;
	add_year(e, r->year);
	add_evidence(b, e, &r->ev);
	b->n_rels++;
}

void ent_graph_builder_add(ent_graph_builder *b, const ent_corpus *c)
{
	size_t *idx = ent_xmalloc((c->n_entities + 1) * sizeof(*idx));

	for (size_t i = 0; i < c->n_entities; i++)
		idx[i] = ent_entity_set_add(b->set, &c->entities[i]);
	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *r = &c->relations[i];
		if (r->subject < c->n_entities && r->object < c->n_entities)
			ent_graph_builder_relation(b, idx[r->subject], idx[r->object], r);
	}
	b->n_docs += c->n_documents;
	free(idx);
}

/* ---- making the graph ---- */

static char *dup_or_empty(const char *s)
{
	return ent_xstrdup(s ? s : "");
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

/* A field of a "more" record: tabs and line breaks become spaces. */
static void more_field(ent_buf *b, const char *s)
{
	for (; *s; s++)
		ent_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* Make out from e; with `take`, e's sentences and arrays move or are
 * freed on the way, so that the builder shrinks as the graph grows. */
static void edge_from_build(ent_edge *out, build_edge *e, const size_t *rank, int take)
{
	ent_buf b;

	out->from = rank[e->s];
	out->to = rank[e->o];
	if (ent_rel_symmetric(e->rel) && out->to < out->from) {
		size_t t = out->from;
		out->from = out->to;
		out->to = t;
	}
	out->rel = e->rel;
	out->weight = e->weight;
	out->hedged = e->hedged;
	ent_buf_init(&b);
	for (size_t i = 0; i < e->n_years; i++)
		ent_buf_printf(&b, "%s%d", i ? ";" : "", e->years[i]);
	out->years = ent_buf_detach(&b);
	out->doc = dup_or_empty(e->n_ev ? e->ev[0].doc : "");
	out->line = e->n_ev ? e->ev[0].line : 0;
	if (take && e->n_ev) {
		out->evidence = e->ev[0].sentence;
		e->ev[0].sentence = NULL;
	} else {
		out->evidence = dup_or_empty(e->n_ev ? e->ev[0].sentence : "");
	}
	out->rule = dup_or_empty(e->n_ev ? e->ev[0].rule : "");
	ent_buf_init(&b);
	for (size_t i = 1; i < e->n_ev; i++) {
		if (i > 1)
			ent_buf_addc(&b, '\n');
		more_field(&b, e->ev[i].doc);
		ent_buf_printf(&b, "\t%ld\t", e->ev[i].line);
		more_field(&b, e->ev[i].rule);
		ent_buf_addc(&b, '\t');
		more_field(&b, e->ev[i].sentence);
	}
	out->more = ent_buf_detach(&b);
	if (take) {
		for (size_t i = 0; i < e->n_ev; i++)
			free(e->ev[i].sentence);
		free(e->ev);
		free(e->years);
		e->ev = NULL;
		e->years = NULL;
		e->n_ev = e->n_years = 0;
	}
}

typedef struct ranked {
	const ent_entity *e;
	size_t index;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
	const ent_entity *a = ((const ranked *)pa)->e, *b = ((const ranked *)pb)->e;
	int c;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->key, b->key);
}

static ent_graph *assemble(ent_graph_builder *b, ent_node *nodes, size_t n,
			   const size_t *rank, int take, ent_error *err)
{
	size_t m = b->n_edges;
	ent_edge *edges = ent_xcalloc(m + 1, sizeof(*edges));

	for (size_t i = 0; i < m; i++)
		edge_from_build(&edges[i], &b->edges[i], rank, take);
	if (take) {
		free(b->edges);
		b->edges = NULL;
		b->n_edges = b->cap_edges = 0;
		ent_map_release(&b->edge_index);
		ent_map_init(&b->edge_index);
	}
	return ent_graph_assemble(nodes, n, edges, m, "", err);
}

static ent_graph *make_graph(ent_graph_builder *b, int take, ent_error *err)
{
	size_t n = ent_entity_set_size(b->set);
	ranked *order = ent_xmalloc((n + 1) * sizeof(*order));
	size_t *rank = ent_xmalloc((n + 1) * sizeof(*rank));
	ent_node *nodes = ent_xcalloc(n + 1, sizeof(*nodes));
	ent_graph *g;

	for (size_t i = 0; i < n; i++) {
		order[i].e = ent_entity_set_get(b->set, i);
		order[i].index = i;
	}
	qsort(order, n, sizeof(*order), ranked_cmp);
	for (size_t i = 0; i < n; i++) {
		rank[order[i].index] = i;
		node_from_entity(&nodes[i], order[i].e);
	}
	free(order);
	if (take) {
		/* the nodes are copied out: the entities go before the edges
		 * are made, to keep the peak of memory down */
		ent_entity_set_free(b->set);
		b->set = ent_entity_set_new();
	}
	g = assemble(b, nodes, n, rank, take, err);
	free(rank);
	return g;
}

ent_graph *ent_graph_builder_graph(ent_graph_builder *b, ent_error *err)
{
	return make_graph(b, 0, err);
}

ent_graph *ent_graph_builder_take(ent_graph_builder *b, ent_error *err)
{
	return make_graph(b, 1, err);
}

/* A corpus is already merged: its entities become the nodes as they are,
 * in its order (for an extractor's corpus, the order the builder sorts
 * to), and only its relations go through the builder. */
ent_graph *ent_graph_from_corpus(const ent_corpus *c, ent_error *err)
{
	ent_graph_builder *b;
	ent_node *nodes;
	size_t *rank;
	ent_graph *g;

	for (size_t i = 0; i < c->n_entities; i++)
		if ((unsigned)c->entities[i].type >= ENT_TYPE_COUNT) {
			ent_error_set(err, ENT_ERR_INPUT, "", 0, "entity %zu: type out of range", i);
			return NULL;
		}
	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *r = &c->relations[i];
		if (r->subject >= c->n_entities || r->object >= c->n_entities ||
		    (unsigned)r->rel >= ENT_REL_COUNT) {
			ent_error_set(err, ENT_ERR_INPUT, "", 0,
				      "relation %zu: entity or relation out of range", i);
			return NULL;
		}
	}
	b = ent_graph_builder_new(ENT_EVIDENCE_DEFAULT);
	for (size_t i = 0; i < c->n_relations; i++)
		ent_graph_builder_relation(b, c->relations[i].subject, c->relations[i].object,
					   &c->relations[i]);
	nodes = ent_xcalloc(c->n_entities + 1, sizeof(*nodes));
	rank = ent_xmalloc((c->n_entities + 1) * sizeof(*rank));
	for (size_t i = 0; i < c->n_entities; i++) {
		node_from_entity(&nodes[i], &c->entities[i]);
		rank[i] = i;
	}
	g = assemble(b, nodes, c->n_entities, rank, 1, err);
	free(rank);
	ent_graph_builder_free(b);
	return g;
}
