/*
 * Private to render/: the Graphviz graph that draws a knowledge graph —
 * styled nodes and edges with ids and tooltips, groups (clusters or
 * community colours), the title and caption, the layout settings of an
 * engine, and the legend.
 */
#ifndef ENT_RENDER_SCENE_H
#define ENT_RENDER_SCENE_H

#include <cgraph.h>

#include "entente/graph.h"
#include "gv.h"
#include "util.h"

/* What nodes are grouped by. */
typedef enum ent_scene_group {
	ENT_SCENE_GROUP_NONE,
	ENT_SCENE_GROUP_TYPE,
	ENT_SCENE_GROUP_COMMUNITY
} ent_scene_group;

/* Node size measures (the order of ent_scene_measure_names). */
typedef enum ent_scene_measure {
	ENT_SCENE_PAGERANK,
	ENT_SCENE_DEGREE,
	ENT_SCENE_BETWEENNESS
} ent_scene_measure;

typedef struct ent_scene_opts {
	const char *engine;     /* "dot", "sfdp", ... */
	const char *title;      /* NULL: none */
	const char *caption;    /* NULL: none; the counts follow it */
	ent_scene_measure size_by;
	ent_scene_group group;
	int clusters;           /* groups as cluster subgraphs, else (community)
				 * as fill colours; type groups need clusters */
	const ent_communities *communities; /* ENT_SCENE_GROUP_COMMUNITY */
	int for_dot;            /* written as DOT, not laid out (see below) */
} ent_scene_opts;

/* One entry of the community key: a colour (or cluster) and its label. */
typedef struct ent_scene_key {
	size_t group;           /* community number */
	char label[160];        /* "China +22", escaped */
} ent_scene_key;

/* The drawing and what its legend and placement need to know. */
typedef struct ent_scene {
	Agraph_t *ag;
	const ent_graph *g;
	ent_scene_opts o;
	ent_gv_text text;       /* how the graph's text is measured */
	unsigned types, rels;   /* bit sets of what is drawn */
	double *size;           /* the size measure per node, NULL if unknown */
	double size_min, size_max; /* over the nodes drawn, when size */
	long weight_max;        /* largest evidence count of an edge */
	long root;              /* most central linked node, -1 if none */
	int parallel;           /* two edges join the same two nodes */
	ent_scene_key keys[16]; /* community key (colours or clusters) */
	size_t n_keys;
	size_t *unlinked;       /* nodes with no relation, in graph order */
	size_t n_unlinked;      /* set apart (images) */
	Agnode_t **nodes;       /* per graph node; NULL while not in ag */
	char **node_ids;        /* per graph node: its unique SVG id */
	ent_map ids;            /* every id used */
	ent_buf a, b;           /* scratch */
} ent_scene;

extern const char *const ent_scene_measure_names[3];
extern const char *const ent_scene_measure_titles[3];

/* Build the drawing of `g` into `sc` (caller-allocated; release with
 * ent_scene_release(), which closes the Graphviz graph).
 *
 * With `for_dot`, the result is meant to be written as DOT for the user
 * to lay out: the engine is recorded in the `layout` attribute, title,
 * caption and counts form the graph label, every node is included and
 * the legend is a rank=same group.
 *
 * Otherwise the drawing is meant for ent_scene_place() after a first
 * layout: nodes without any relation are left out of the layout (they
 * are set apart in a grid later), and so are the legend and caption. */
void ent_scene_init(ent_scene *sc, const ent_graph *g, const ent_scene_opts *o,
		    ent_gv_text text);
void ent_scene_release(ent_scene *sc);

/* Add node `i` of the graph to `where` (the scene's graph or a graph of
 * the same context used to measure nodes), styled; returns it. */
Agnode_t *ent_scene_add_node(ent_scene *sc, Agraph_t *where, size_t i);

/* Append the title, cleaned, escaped and wrapped ("" when none). */
void ent_scene_title(ent_scene *sc, ent_buf *out);

/* Append the caption lines and the counts ("5 entities, 4 relations"),
 * escaped, joined by "\n" escapes. */
void ent_scene_caption(ent_scene *sc, ent_buf *out);

/* After a layout kept with ent_gv_keep_positions(): place, at fixed
 * positions, the unlinked nodes in a grid below the drawing, the legend
 * to its right and the caption above, all scaled to the drawing's size,
 * so that a "nop2" pass (which keeps every position and edge) renders it
 * all. */
void ent_scene_place(ent_scene *sc);

/* The legend (legend.c). `bb` is where the drawing is (llx, lly, urx,
 * ury, points); the legend goes to its right, scaled by `scale`, and its
 * box is returned in `out`. With `bb` NULL, for DOT output, it is a
 * rank=same group, unplaced. */
void ent_scene_legend(ent_scene *sc, const double *bb, double scale, double *out);

#endif
