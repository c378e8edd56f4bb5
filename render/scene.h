/*
 * Private to render/: the Graphviz graph that draws a knowledge graph —
 * styled nodes and edges with ids and tooltips, the title, the layout
 * settings of an engine, and the legend.
 */
#ifndef ENT_RENDER_SCENE_H
#define ENT_RENDER_SCENE_H

#include <cgraph.h>

#include "entente/graph.h"

/* Build the drawing of `g` for layout `engine` ("dot", "sfdp", ...),
 * titled `title` (NULL: counts only). With `for_dot`, the result is meant
 * to be written as DOT for the user to lay out: the engine is recorded in
 * the `layout` attribute and the legend is included as a rank=same group.
 * Otherwise the legend is left out, to be placed after layout with
 * ent_scene_place_legend(). Free with ent_gv_close(). */
Agraph_t *ent_scene_build(const ent_graph *g, const char *engine,
			  const char *title, int for_dot);

/* After a layout kept with ent_gv_keep_positions(): add the legend of `g`
 * at fixed positions to the right of the drawing, so that a "nop2" pass
 * (which keeps every position and edge) can render it all. */
void ent_scene_place_legend(Agraph_t *ag, const ent_graph *g);

/* For DOT output: add the legend of `g` as a rank=same group, unplaced. */
void ent_scene_legend_unplaced(Agraph_t *ag, const ent_graph *g);

#endif
