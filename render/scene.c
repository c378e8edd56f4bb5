/*
 * The drawing of a knowledge graph as a Graphviz graph. Nodes and edges
 * are added in the graph's own order (nodes in corpus order, edges
 * sorted), every string goes through text.c, and every id is unique, so
 * the same graph always gives the same DOT and the same SVG.
 *
 * Node names are the sanitized ids ("n-CHN"), never input text; the
 * entity's name is only a label. Nothing sets URL, href or target: SVG
 * output does not escape them.
 *
 * Encoding: shape and fill colour give the type (or, when nodes are
 * coloured by community, the shape alone does); label size gives the
 * chosen centrality; line style, colour and arrowhead give the relation
 * and line width the evidence count. Groups are cluster boxes where the
 * engine draws clusters (dot, fdp), fill colours elsewhere.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scene.h"
#include "style.h"
#include "text.h"

/* Caps on clean text, in bytes. Labels stay readable; every attribute
 * stays far below the DOT scanner's 16 KB limit even fully escaped. */
#define CAP_LABEL 160
#define CAP_NAME 300
#define CAP_ALIASES 400
#define CAP_EVIDENCE 500
#define CAP_SHORT 120
#define CAP_TITLE 200
#define CAP_CAPTION 600
#define CAP_KEY 26

const char *const ent_scene_measure_names[3] = { "pagerank", "degree", "betweenness" };
const char *const ent_scene_measure_titles[3] = { "PageRank", "degree", "betweenness" };

/* Make the id in `id` unique in the scene by appending "-2", "-3", ...;
 * the next suffix to try is remembered, so n collisions cost O(n). */
static void unique_id(ent_map *ids, ent_buf *id)
{
	size_t *next = ent_map_get(ids, id->data);
	size_t base = id->len, k;

	if (!next) {
		ent_map_put(ids, id->data, 2);
		return;
	}
	for (k = *next;; k++) {
		id->len = base;
		id->data[base] = '\0';
		ent_buf_printf(id, "-%zu", k);
		if (!ent_map_get(ids, id->data))
			break;
	}
	ent_map_put(ids, id->data, 2);
	*ent_map_getn(ids, id->data, base) = k + 1;
}

/* Append the clean form of `s` to `out`, escaped for a label or, with
 * `tip`, for a tooltip. */
static void add_text(ent_buf *out, ent_buf *tmp, const char *s, size_t cap, int tip)
{
	ent_buf_clear(tmp);
	ent_text_clean(tmp, s, cap);
	if (tip)
		ent_text_gv_escape_tooltip(out, tmp->data);
	else
		ent_text_gv_escape(out, tmp->data);
}

/* A tooltip piece, with every occurrence of `sep` in `s` shown as `with`. */
static void add_list(ent_buf *out, ent_buf *tmp, const char *s, char sep,
		     const char *with, size_t cap)
{
	ent_buf list;

	ent_buf_init(&list);
	for (const char *p = s ? s : ""; *p && list.len < cap * 2; p++) {
		if (*p == sep)
			ent_buf_adds(&list, with);
		else
			ent_buf_addc(&list, *p);
	}
	add_text(out, tmp, list.data ? list.data : "", cap, 1);
	ent_buf_release(&list);
}

static int is_engine(const ent_scene *sc, const char *name)
{
	return !strcmp(sc->o.engine, name);
}

/* Packing many components as polyominoes costs time quadratic in their
 * number (Graphviz 2.42: 2,500 entities in 1,250 pairs, 15 s in pack.c);
 * past this many they are packed as an array of cells instead (0.5 s). */
#define MANY_COMPONENTS 64

/* The connected components of the graph drawn (union-find, O(n + m)). */
static size_t count_components(const ent_graph *g)
{
	size_t n = ent_graph_node_count(g), m = ent_graph_edge_count(g), count = 0;
	size_t *up = ent_xmalloc((n + 1) * sizeof(*up));

	for (size_t i = 0; i < n; i++)
		up[i] = i;
	for (size_t e = 0; e < m; e++) {
		const ent_edge *ed = ent_graph_edge(g, e);
		size_t a = ed->from, b = ed->to;
		while (up[a] != a)
			a = up[a] = up[up[a]];
		while (up[b] != b)
			b = up[b] = up[up[b]];
		if (a != b)
			up[a] = b;
	}
	for (size_t i = 0; i < n; i++)
		count += up[i] == i;
	free(up);
	return count;
}

static void layout_attrs(ent_scene *sc, size_t n, size_t m)
{
	Agraph_t *ag = sc->ag;

	if (count_components(sc->g) > MANY_COMPONENTS)
		ent_gv_set(ag, "packmode", "array");

	if (is_engine(sc, "dot")) {
		/* Labels are wider than tall: ranks as columns pack best.
		 * Components are laid out apart and packed, or every small
		 * component would line up in the first rank; not with clusters,
		 * though: dot 2.42 then reads freed memory while packing
		 * (valgrind, ASan: a crash in gv_postprocess). */
		ent_gv_set(ag, "rankdir", "LR");
		ent_gv_set(ag, "nodesep", "0.22");
		ent_gv_set(ag, "ranksep", "0.7");
		ent_gv_set(ag, "splines", "true");
		if (!sc->o.clusters || sc->o.group == ENT_SCENE_GROUP_NONE)
			ent_gv_set(ag, "pack", "true");
		return;
	}
	/* Force-directed and radial engines: a fixed seed, components laid
	 * out apart and packed, and overlap removal with a margin so that
	 * labels stay apart. Routing splines around nodes costs seconds from
	 * a few hundred nodes on, so larger graphs get straight lines, drawn
	 * beneath the nodes. So do graphs with two relations between the same
	 * two entities: Graphviz 2.42 routes those with a router that leaks
	 * (gts surfaces, about 2 KB per drawing under valgrind); straight
	 * parallel edges are fanned apart. */
	ent_gv_set(ag, "start", "1");
	ent_gv_set(ag, "pack", "true");
	ent_gv_set(ag, "overlap", "prism");
	ent_gv_set(ag, "sep", "+10");
	ent_gv_set(ag, "esep", "+4");
	ent_gv_set(ag, "splines", n + m <= 300 && !sc->parallel ? "true" : "line");
	if (is_engine(sc, "neato")) {
		ent_gv_set(ag, "len", "1.3");
	} else if (is_engine(sc, "fdp")) {
		ent_gv_set(ag, "len", "1.3");
	} else if (is_engine(sc, "sfdp")) {
		ent_gv_set(ag, "K", "1.2");
		ent_gv_set(ag, "repulsiveforce", "1.5");
	} else if (is_engine(sc, "twopi")) {
		ent_gv_set(ag, "ranksep", "1.4");
	} else if (is_engine(sc, "circo")) {
		ent_gv_set(ag, "mindist", "0.4");
	}
}

/* Append the counts line ("5 entities, 4 relations"), escaped. */
static void add_counts(ent_scene *sc, ent_buf *out)
{
	size_t n = ent_graph_node_count(sc->g), m = ent_graph_edge_count(sc->g);

	ent_buf_printf(out, "%zu %s, %zu %s", n, n == 1 ? "entity" : "entities", m,
		       m == 1 ? "relation" : "relations");
}

/* Append each line of `s` (lines split at '\n') cleaned, capped at `cap`
 * bytes, escaped and wrapped at about `width` characters, lines joined by
 * "\n" escapes. */
static void add_lines(ent_scene *sc, ent_buf *out, const char *s, size_t cap,
		      size_t width)
{
	size_t start = out->len;

	while (s && *s) {
		size_t n = strcspn(s, "\n");
		char *line = ent_xstrndup(s, n);

		ent_buf_clear(&sc->b);
		ent_text_clean(&sc->b, line, cap);
		free(line);
		if (sc->b.len) {
			if (out->len > start)
				ent_buf_adds(out, "\\n");
			ent_text_gv_wrap(out, sc->b.data, width);
		}
		s += n;
		s += *s == '\n';
	}
}

void ent_scene_title(ent_scene *sc, ent_buf *out)
{
	add_lines(sc, out, sc->o.title, CAP_TITLE, 80);
}

void ent_scene_caption(ent_scene *sc, ent_buf *out)
{
	size_t start = out->len;

	add_lines(sc, out, sc->o.caption, CAP_CAPTION, 110);
	if (out->len > start)
		ent_buf_adds(out, "\\n");
	add_counts(sc, out);
}

static void graph_attrs(ent_scene *sc, size_t n_linked)
{
	ent_gv_set(sc->ag, "charset", "UTF-8");
	ent_gv_set(sc->ag, "bgcolor", "white");
	ent_gv_set(sc->ag, "pad", "0.3");
	ent_gv_set(sc->ag, "outputorder", "edgesfirst");
	ent_gv_set(sc->ag, "fontname", ENT_STYLE_FONT);
	ent_gv_set(sc->ag, "fontsize", "22");
	ent_gv_set(sc->ag, "fontcolor", ENT_STYLE_TEXT);
	ent_gv_set(sc->ag, "labelloc", "t");
	layout_attrs(sc, n_linked, ent_graph_edge_count(sc->g));

	/* In DOT the label is the title, the caption and the counts. Images
	 * get the title after the first pass (it would take room there) and
	 * the caption in a smaller text of its own (ent_scene_place). */
	if (sc->o.for_dot) {
		ent_buf b;

		ent_buf_init(&b);
		ent_scene_title(sc, &b);
		if (b.len)
			ent_buf_adds(&b, "\\n");
		ent_scene_caption(sc, &b);
		ent_gv_set(sc->ag, "label", b.data);
		ent_buf_release(&b);
	}

	ent_gv_default(sc->ag, AGNODE, "fontname", ENT_STYLE_FONT);
	ent_gv_default(sc->ag, AGNODE, "fontsize", "11");
	ent_gv_default(sc->ag, AGNODE, "fontcolor", ENT_STYLE_TEXT);
	ent_gv_default(sc->ag, AGNODE, "penwidth", "1.2");
	ent_gv_default(sc->ag, AGEDGE, "fontname", ENT_STYLE_FONT);
	ent_gv_default(sc->ag, AGEDGE, "arrowsize", "0.8");
}

/* The size measure of every node; without centrality every node gets
 * the base size rather than failing the drawing. */
static void compute_sizes(ent_scene *sc)
{
	size_t n = ent_graph_node_count(sc->g);
	ent_centrality c;
	ent_error e;
	double *v;

	memset(&c, 0, sizeof(c));
	ent_error_clear(&e);
	if (n == 0 || ent_graph_centrality(sc->g, &c, &e) != ENT_OK || c.n != n) {
		ent_centrality_release(&c);
		return;
	}
	v = sc->o.size_by == ENT_SCENE_DEGREE	    ? c.degree
	    : sc->o.size_by == ENT_SCENE_BETWEENNESS ? c.betweenness
						     : c.pagerank;
	if (v) {
		sc->size = ent_xmalloc(n * sizeof(*sc->size));
		memcpy(sc->size, v, n * sizeof(*sc->size));
		sc->size_min = sc->size_max = v[0];
		for (size_t i = 1; i < n; i++) {
			if (v[i] < sc->size_min)
				sc->size_min = v[i];
			if (v[i] > sc->size_max)
				sc->size_max = v[i];
		}
	}
	ent_centrality_release(&c);
}

static int pair_cmp(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Non-zero when two edges join the same two nodes (in any direction).
 * O(E log E). */
static int has_parallel(const ent_graph *g)
{
	size_t m = ent_graph_edge_count(g), (*p)[2] = ent_xmalloc((m ? m : 1) * sizeof(*p));
	int found = 0;

	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(g, i);

		p[i][0] = e->from < e->to ? e->from : e->to;
		p[i][1] = e->from < e->to ? e->to : e->from;
	}
	qsort(p, m, sizeof(*p), pair_cmp);
	for (size_t i = 1; i < m && !found; i++)
		found = p[i][0] == p[i - 1][0] && p[i][1] == p[i - 1][1];
	free(p);
	return found;
}

/* Which nodes have no relation at all, which types and relations are
 * drawn, the largest weight, and the most central linked node. */
static size_t survey(ent_scene *sc)
{
	size_t n = ent_graph_node_count(sc->g), m = ent_graph_edge_count(sc->g);
	unsigned char *linked = ent_xcalloc(n ? n : 1, 1);
	size_t n_linked = 0;

	sc->root = -1;
	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(sc->g, i);
		unsigned r = (unsigned)e->rel;

		if (e->from >= n || e->to >= n)
			continue;
		linked[e->from] = linked[e->to] = 1;
		if (r < ENT_REL_COUNT)
			sc->rels |= 1u << r;
		if (e->weight > sc->weight_max)
			sc->weight_max = e->weight;
	}
	sc->unlinked = ent_xmalloc((n ? n : 1) * sizeof(*sc->unlinked));
	for (size_t i = 0; i < n; i++) {
		unsigned t = (unsigned)ent_graph_node(sc->g, i)->type;

		if (t < ENT_TYPE_COUNT)
			sc->types |= 1u << t;
		if (!linked[i]) {
			sc->unlinked[sc->n_unlinked++] = i;
			continue;
		}
		n_linked++;
		if (sc->root < 0 || (sc->size && sc->size[i] > sc->size[sc->root]))
			sc->root = (long)i;
	}
	free(linked);
	sc->parallel = has_parallel(sc->g);
	if (sc->o.for_dot)
		sc->n_unlinked = 0; /* the user's layout places them */
	return n_linked;
}

static size_t community(const ent_scene *sc, size_t i)
{
	const ent_communities *c = sc->o.communities;

	return c && i < c->n ? c->membership[i] : (size_t)-1;
}

/* The community key: for each of the largest communities (with linked
 * members), its most central member and how many others it holds. */
static void community_keys(ent_scene *sc)
{
	const ent_communities *c = sc->o.communities;
	size_t n = ent_graph_node_count(sc->g);
	size_t max = sizeof(sc->keys) / sizeof(sc->keys[0]);

	if (sc->o.group != ENT_SCENE_GROUP_COMMUNITY || !c || c->n != n)
		return;
	for (size_t k = 0; k < c->count && sc->n_keys < max; k++) {
		size_t members = 0;
		long best = -1;

		for (size_t i = 0; i < n; i++) {
			if (c->membership[i] != k)
				continue;
			members++;
			if (best < 0 || (sc->size && sc->size[i] > sc->size[best]))
				best = (long)i;
		}
		if (members < 2 || best < 0)
			continue; /* a lone entity: nothing to group */
		ent_scene_key *key = &sc->keys[sc->n_keys++];
		ent_buf_clear(&sc->b);
		ent_text_clean(&sc->b, ent_graph_node(sc->g, (size_t)best)->name, CAP_KEY);
		ent_buf_clear(&sc->a);
		ent_text_gv_escape(&sc->a, sc->b.data);
		snprintf(key->label, sizeof(key->label), "%s +%zu", sc->a.data, members - 1);
		key->group = k;
	}
}

/* The position of community k in the key (its colour), or -1. */
static long key_of(const ent_scene *sc, size_t k)
{
	for (size_t j = 0; j < sc->n_keys; j++)
		if (sc->keys[j].group == k)
			return (long)j;
	return -1;
}

static const char *plural(ent_type t)
{
	static const char *const names[ENT_TYPE_COUNT] = {
		"countries", "organizations", "agreements", "events",
		"programs", "places", "persons",
	};
	return (unsigned)t < ENT_TYPE_COUNT ? names[t] : "other";
}

/* The cluster node `i` belongs in, created on first use, or the root
 * graph when there are no clusters (or the node's group has no box). */
static Agraph_t *cluster_of(ent_scene *sc, size_t i)
{
	const ent_node *v = ent_graph_node(sc->g, i);
	char what[48], name[64];
	Agraph_t *cl;
	long key = -1;

	if (!sc->o.clusters || sc->o.group == ENT_SCENE_GROUP_NONE)
		return sc->ag;
	if (sc->o.group == ENT_SCENE_GROUP_TYPE) {
		snprintf(what, sizeof(what), "%s", ent_type_name(v->type));
	} else {
		key = key_of(sc, community(sc, i));
		if (key < 0)
			return sc->ag;
		snprintf(what, sizeof(what), "community-%ld", key + 1);
	}
	/* Graphviz draws subgraphs named "cluster..." as boxes. */
	snprintf(name, sizeof(name), "cluster_%s", what);
	cl = ent_gv_subgraph(sc->ag, name);
	if (ent_gv_get(cl, "id")[0])
		return cl;
	snprintf(name, sizeof(name), "cluster-%s", what);
	ent_gv_set(cl, "id", name);
	ent_gv_set(cl, "class", "group");
	ent_gv_set(cl, "style", "rounded,filled");
	ent_gv_set(cl, "fontsize", "14");
	ent_gv_set(cl, "labeljust", "l");
	ent_gv_set(cl, "margin", "12");
	if (key >= 0) {
		ent_gv_set(cl, "fillcolor", ent_style_community_bg((size_t)key));
		ent_gv_set(cl, "color", "#AAAAAA");
		ent_gv_set(cl, "label", sc->keys[key].label);
	} else {
		ent_gv_set(cl, "fillcolor", "#F7F7F7");
		ent_gv_set(cl, "color", ent_style_type(v->type)->pen);
		ent_gv_set(cl, "label", plural(v->type));
	}
	return cl;
}

static void node_tooltip(ent_scene *sc, size_t i)
{
	const ent_node *v = ent_graph_node(sc->g, i);

	ent_buf_clear(&sc->a);
	add_text(&sc->a, &sc->b, v->name, CAP_NAME, 1);
	ent_buf_printf(&sc->a, " (%s)", ent_type_name(v->type));
	if (v->aliases && *v->aliases) {
		ent_buf_adds(&sc->a, " \xE2\x80\x94 "); /* — */
		add_list(&sc->a, &sc->b, v->aliases, '|', ", ", CAP_ALIASES);
	}
	ent_buf_printf(&sc->a, "; %ld %s", v->mentions,
		       v->mentions == 1 ? "mention" : "mentions");
	if (sc->size)
		ent_buf_printf(&sc->a, "; %s %.3g", ent_scene_measure_titles[sc->o.size_by],
			       sc->size[i]);
	if (sc->o.group == ENT_SCENE_GROUP_COMMUNITY && community(sc, i) != (size_t)-1)
		ent_buf_printf(&sc->a, "; community %zu", community(sc, i) + 1);
}

Agnode_t *ent_scene_add_node(ent_scene *sc, Agraph_t *where, size_t i)
{
	const ent_node *v = ent_graph_node(sc->g, i);
	const ent_type_style *st = ent_style_type(v->type);
	Agnode_t *node;
	size_t chars, width;

	node = ent_gv_node(where, sc->node_ids[i]);
	ent_gv_set(node, "id", sc->node_ids[i]);
	ent_gv_set(node, "class", ent_type_name(v->type));

	/* Wrap long names to a roughly 4:1 box. */
	ent_buf_clear(&sc->b);
	ent_text_clean(&sc->b, v->name, CAP_LABEL);
	chars = ent_text_chars(sc->b.data);
	width = (size_t)lround(sqrt((double)chars * 8.0));
	ent_buf_clear(&sc->a);
	ent_text_gv_wrap(&sc->a, sc->b.data, width < 14 ? 14 : width);
	ent_gv_set(node, "label", sc->a.data);

	node_tooltip(sc, i);
	ent_gv_set(node, "tooltip", sc->a.data);
	ent_gv_set(node, "shape", st->shape);
	ent_gv_set(node, "style", st->style);
	if (sc->o.group == ENT_SCENE_GROUP_COMMUNITY && !sc->o.clusters) {
		long key = key_of(sc, community(sc, i));

		ent_gv_set(node, "fillcolor", ent_style_community(key < 0 ? (size_t)-1 : (size_t)key));
		ent_gv_set(node, "color", st->pen);
		ent_gv_set(node, "fontcolor", "#000000");
	} else {
		ent_gv_set(node, "fillcolor", st->fill);
		ent_gv_set(node, "color", st->pen);
		ent_gv_set(node, "fontcolor", st->fontcolor);
	}
	ent_gv_set(node, "margin", st->margin);
	ent_gv_setf(node, "fontsize", "%.2f",
		    ent_style_node_fontsize(sc->size ? sc->size[i] - sc->size_min : 0,
					    sc->size_max - sc->size_min));
	if (is_engine(sc, "twopi") && (long)i == sc->root)
		ent_gv_set(node, "root", "true");
	return node;
}

/* Ids first, in graph order, so that they never depend on what is drawn
 * when. */
static void node_ids(ent_scene *sc)
{
	size_t n = ent_graph_node_count(sc->g);

	sc->node_ids = ent_xcalloc(n ? n : 1, sizeof(*sc->node_ids));
	for (size_t i = 0; i < n; i++) {
		const ent_node *v = ent_graph_node(sc->g, i);

		ent_buf_clear(&sc->a);
		ent_text_id(&sc->a, "n-", v->key && *v->key ? v->key : v->name);
		if (sc->a.len == 2)
			ent_buf_printf(&sc->a, "%zu", i + 1);
		unique_id(&sc->ids, &sc->a);
		sc->node_ids[i] = ent_xstrdup(sc->a.data);
	}
}

static void add_nodes(ent_scene *sc)
{
	size_t n = ent_graph_node_count(sc->g), u = 0;

	for (size_t i = 0; i < n; i++) {
		if (u < sc->n_unlinked && sc->unlinked[u] == i) {
			u++; /* set apart, placed after layout */
			continue;
		}
		sc->nodes[i] = ent_scene_add_node(sc, cluster_of(sc, i), i);
	}
}

static void edge_tooltip(ent_scene *sc, const ent_edge *e)
{
	ent_buf_clear(&sc->a);
	add_text(&sc->a, &sc->b, ent_graph_node(sc->g, e->from)->name, CAP_SHORT, 1);
	ent_buf_printf(&sc->a, " %s ", ent_rel_name(e->rel));
	add_text(&sc->a, &sc->b, ent_graph_node(sc->g, e->to)->name, CAP_SHORT, 1);
	ent_buf_printf(&sc->a, "\\n%ld %s", e->weight, e->weight == 1 ? "sentence" : "sentences");
	if (e->years && *e->years) {
		ent_buf_adds(&sc->a, "; ");
		add_list(&sc->a, &sc->b, e->years, ';', ", ", CAP_SHORT);
	}
	if (e->evidence && *e->evidence) {
		ent_buf_adds(&sc->a, "\\n\xE2\x80\x9C"); /* “ */
		add_text(&sc->a, &sc->b, e->evidence, CAP_EVIDENCE, 1);
		ent_buf_adds(&sc->a, "\xE2\x80\x9D"); /* ” */
		if (e->doc && *e->doc) {
			ent_buf_adds(&sc->a, " (");
			add_text(&sc->a, &sc->b, e->doc, CAP_SHORT, 1);
			if (e->line > 0)
				ent_buf_printf(&sc->a, ":%ld", e->line);
			ent_buf_adds(&sc->a, ")");
		}
	}
}

static void add_edges(ent_scene *sc)
{
	size_t n = ent_graph_node_count(sc->g), m = ent_graph_edge_count(sc->g);

	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(sc->g, i);
		const ent_rel_style *st = ent_style_rel(e->rel);
		Agedge_t *edge;

		if (e->from >= n || e->to >= n || !sc->nodes[e->from] || !sc->nodes[e->to])
			continue;
		edge = ent_gv_edge(sc->ag, sc->nodes[e->from], sc->nodes[e->to]);
		ent_buf_clear(&sc->a);
		ent_buf_printf(&sc->a, "e-%s-%s-%s", ent_gv_name(sc->nodes[e->from]) + 2,
			       ent_rel_name(e->rel), ent_gv_name(sc->nodes[e->to]) + 2);
		unique_id(&sc->ids, &sc->a);
		ent_gv_set(edge, "id", sc->a.data);
		ent_gv_set(edge, "class", ent_rel_name(e->rel));
		ent_gv_set(edge, "color", st->color);
		ent_gv_set(edge, "style", st->style);
		ent_gv_set(edge, "arrowhead", st->arrowhead);
		if (st->undirected)
			ent_gv_set(edge, "dir", "none");
		ent_gv_setf(edge, "penwidth", "%.2f", ent_style_penwidth(e->weight));
		edge_tooltip(sc, e);
		ent_gv_set(edge, "tooltip", sc->a.data);
	}
}

void ent_scene_init(ent_scene *sc, const ent_graph *g, const ent_scene_opts *o,
		    ent_gv_text text)
{
	size_t n = ent_graph_node_count(g), n_linked;

	memset(sc, 0, sizeof(*sc));
	sc->g = g;
	sc->o = *o;
	sc->text = text;
	sc->ag = ent_gv_open();
	ent_map_init(&sc->ids);
	ent_buf_init(&sc->a);
	ent_buf_init(&sc->b);
	/* allocated from the start: a cleared buffer is then "", never NULL
	 * (an entity named "" in GraphML reached strlen(NULL)) */
	ent_buf_add(&sc->a, "", 0);
	ent_buf_add(&sc->b, "", 0);
	sc->nodes = ent_xcalloc(n ? n : 1, sizeof(*sc->nodes));

	compute_sizes(sc);
	n_linked = survey(sc);
	community_keys(sc);
	graph_attrs(sc, n_linked);
	if (o->for_dot)
		ent_gv_set(sc->ag, "layout", o->engine);
	node_ids(sc);
	add_nodes(sc);
	add_edges(sc);
	if (o->for_dot)
		ent_scene_legend(sc, NULL, 1.0, NULL);
}

void ent_scene_release(ent_scene *sc)
{
	ent_gv_close(sc->ag);
	for (size_t i = 0; sc->node_ids && i < ent_graph_node_count(sc->g); i++)
		free(sc->node_ids[i]);
	free(sc->node_ids);
	free(sc->nodes);
	free(sc->size);
	free(sc->unlinked);
	ent_buf_release(&sc->a);
	ent_buf_release(&sc->b);
	ent_map_release(&sc->ids);
	memset(sc, 0, sizeof(*sc));
}
