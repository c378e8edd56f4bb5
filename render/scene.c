/*
 * The drawing of a knowledge graph as a Graphviz graph. Nodes and edges
 * are added in the graph's own order (nodes in corpus order, edges
 * sorted), every string goes through text.c, and every id is unique, so
 * the same graph always gives the same DOT and the same SVG.
 *
 * Node names are the sanitized ids ("n-CHN"), never input text; the
 * entity's name is only a label. Nothing sets URL, href or target: SVG
 * output does not escape them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gv.h"
#include "scene.h"
#include "style.h"
#include "text.h"
#include "util.h"

/* Caps on clean text, in bytes. Labels stay readable; every attribute
 * stays far below the DOT scanner's 16 KB limit even fully escaped. */
#define CAP_LABEL 160
#define CAP_NAME 300
#define CAP_ALIASES 400
#define CAP_EVIDENCE 500
#define CAP_SHORT 120
#define CAP_TITLE 200

typedef struct scene {
	Agraph_t *ag;
	const ent_graph *g;
	ent_map ids;      /* every id used -> next suffix to try */
	Agnode_t **nodes; /* per graph node */
	ent_buf a, b;     /* scratch */
} scene;

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

static void layout_attrs(Agraph_t *ag, const char *engine, size_t n, size_t m)
{
	if (!strcmp(engine, "dot")) {
		/* Labels are wider than tall: ranks as columns pack best.
		 * Components are laid out apart and packed, or every isolated
		 * entity would line up in the first rank. */
		ent_gv_set(ag, "rankdir", "LR");
		ent_gv_set(ag, "nodesep", "0.22");
		ent_gv_set(ag, "ranksep", "0.7");
		ent_gv_set(ag, "splines", "true");
		ent_gv_set(ag, "pack", "true");
		return;
	}
	/* Force-directed and radial engines: a fixed seed, and overlap
	 * removal with a margin so that labels stay apart. Routing splines
	 * around nodes grows steeply (150 nodes: 3 s), so only small graphs
	 * get them. */
	ent_gv_set(ag, "start", "1");
	ent_gv_set(ag, "overlap", "prism");
	ent_gv_set(ag, "sep", "+8");
	ent_gv_set(ag, "splines", n + m <= 200 ? "true" : "line");
	if (!strcmp(engine, "neato") || !strcmp(engine, "fdp"))
		ent_gv_set(ag, "len", "1.2");
}

static void graph_attrs(scene *sc, const char *engine, const char *title)
{
	size_t n = ent_graph_node_count(sc->g), m = ent_graph_edge_count(sc->g);

	ent_gv_set(sc->ag, "charset", "UTF-8");
	ent_gv_set(sc->ag, "bgcolor", "white");
	ent_gv_set(sc->ag, "pad", "0.3");
	ent_gv_set(sc->ag, "outputorder", "edgesfirst");
	ent_gv_set(sc->ag, "fontname", ENT_STYLE_FONT);
	ent_gv_set(sc->ag, "fontsize", "20");
	ent_gv_set(sc->ag, "fontcolor", ENT_STYLE_TEXT);
	ent_gv_set(sc->ag, "labelloc", "t");
	layout_attrs(sc->ag, engine, n, m);

	ent_buf_clear(&sc->a);
	if (title && *title) {
		add_text(&sc->a, &sc->b, title, CAP_TITLE, 0);
		if (sc->a.len)
			ent_buf_adds(&sc->a, "\\n");
	}
	ent_buf_printf(&sc->a, "%zu %s, %zu %s", n, n == 1 ? "entity" : "entities",
		       m, m == 1 ? "relation" : "relations");
	ent_gv_set(sc->ag, "label", sc->a.data);

	ent_gv_default(sc->ag, AGNODE, "fontname", ENT_STYLE_FONT);
	ent_gv_default(sc->ag, AGNODE, "fontsize", "11");
	ent_gv_default(sc->ag, AGNODE, "fontcolor", ENT_STYLE_TEXT);
	ent_gv_default(sc->ag, AGNODE, "penwidth", "1.2");
	ent_gv_default(sc->ag, AGEDGE, "fontname", ENT_STYLE_FONT);
	ent_gv_default(sc->ag, AGEDGE, "arrowsize", "0.8");
}

static void node_tooltip(scene *sc, const ent_node *v)
{
	ent_buf_clear(&sc->a);
	add_text(&sc->a, &sc->b, v->name, CAP_NAME, 1);
	ent_buf_printf(&sc->a, " (%s)", ent_type_name(v->type));
	if (v->aliases && *v->aliases) {
		ent_buf_adds(&sc->a, " \xE2\x80\x94 "); /* — */
		add_list(&sc->a, &sc->b, v->aliases, '|', ", ", CAP_ALIASES);
	}
	ent_buf_printf(&sc->a, "; %ld %s", v->mentions,
		       v->mentions == 1 ? "mention" : "mentions");
}

static void add_node(scene *sc, size_t i, double fontsize)
{
	const ent_node *v = ent_graph_node(sc->g, i);
	const ent_type_style *st = ent_style_type(v->type);
	Agnode_t *node;
	size_t chars, width;

	ent_buf_clear(&sc->a);
	ent_text_id(&sc->a, "n-", v->key && *v->key ? v->key : v->name);
	if (sc->a.len == 2)
		ent_buf_printf(&sc->a, "%zu", i + 1);
	unique_id(&sc->ids, &sc->a);
	node = sc->nodes[i] = ent_gv_node(sc->ag, sc->a.data);
	ent_gv_set(node, "id", sc->a.data);
	ent_gv_set(node, "class", ent_type_name(v->type));

	/* Wrap long names to a roughly 4:1 box. */
	ent_buf_clear(&sc->b);
	ent_text_clean(&sc->b, v->name, CAP_LABEL);
	chars = ent_text_chars(sc->b.data);
	width = (size_t)lround(sqrt((double)chars * 8.0));
	ent_buf_clear(&sc->a);
	ent_text_gv_wrap(&sc->a, sc->b.data, width < 14 ? 14 : width);
	ent_gv_set(node, "label", sc->a.data);

	node_tooltip(sc, v);
	ent_gv_set(node, "tooltip", sc->a.data);
	ent_gv_set(node, "shape", st->shape);
	ent_gv_set(node, "style", st->style);
	ent_gv_set(node, "fillcolor", st->fill);
	ent_gv_set(node, "color", st->pen);
	ent_gv_set(node, "fontcolor", st->fontcolor);
	ent_gv_set(node, "margin", st->margin);
	ent_gv_setf(node, "fontsize", "%.1f", fontsize);
}

static void add_nodes(scene *sc)
{
	size_t n = ent_graph_node_count(sc->g);
	ent_centrality c;
	ent_error e;
	double pr_max = 0;
	int have = 0;

	memset(&c, 0, sizeof(c));
	ent_error_clear(&e);
	/* Sizes are a nicety: without centrality every node gets the base
	 * size rather than failing the drawing. */
	if (n > 0 && ent_graph_centrality(sc->g, &c, &e) == ENT_OK && c.pagerank &&
	    c.n == n) {
		have = 1;
		for (size_t i = 0; i < n; i++)
			if (c.pagerank[i] > pr_max)
				pr_max = c.pagerank[i];
	}
	for (size_t i = 0; i < n; i++)
		add_node(sc, i, ent_style_node_fontsize(have ? c.pagerank[i] : 0, pr_max));
	ent_centrality_release(&c);
}

static void edge_tooltip(scene *sc, const ent_edge *e)
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

static void add_edges(scene *sc)
{
	size_t n = ent_graph_node_count(sc->g), m = ent_graph_edge_count(sc->g);

	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(sc->g, i);
		const ent_rel_style *st = ent_style_rel(e->rel);
		Agedge_t *edge;

		if (e->from >= n || e->to >= n)
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

Agraph_t *ent_scene_build(const ent_graph *g, const char *engine,
			  const char *title, int for_dot)
{
	scene sc;
	size_t n = ent_graph_node_count(g);

	memset(&sc, 0, sizeof(sc));
	sc.g = g;
	sc.ag = ent_gv_open();
	ent_map_init(&sc.ids);
	ent_buf_init(&sc.a);
	ent_buf_init(&sc.b);
	sc.nodes = ent_xcalloc(n ? n : 1, sizeof(*sc.nodes));

	graph_attrs(&sc, engine, title);
	if (for_dot)
		ent_gv_set(sc.ag, "layout", engine);
	add_nodes(&sc);
	add_edges(&sc);
	if (for_dot)
		ent_scene_legend_unplaced(sc.ag, g);

	free(sc.nodes);
	ent_buf_release(&sc.a);
	ent_buf_release(&sc.b);
	ent_map_release(&sc.ids);
	return sc.ag;
}
