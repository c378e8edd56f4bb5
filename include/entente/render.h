/*
 * entente — rendering: a knowledge graph to DOT, SVG, PNG or PDF through
 * Graphviz (cgraph and gvc), styled by entity type, relation and
 * centrality.
 */
#ifndef ENTENTE_RENDER_H
#define ENTENTE_RENDER_H

#include "common.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_render_options {
	const char *format; /* "svg", "dot", "png", "pdf"; NULL: from the path */
	const char *layout; /* "dot", "neato", "fdp", "sfdp", "circo", "twopi"; NULL: auto */
	const char *title;  /* NULL: no title */
} ent_render_options;

/* Lay out and write `g` to `path` ("-" is standard output) atomically.
 * Graphviz messages become the error's text. */
ent_status ent_render(const ent_graph *g, const ent_render_options *opt,
		      const char *path, ent_error *err);

/* The format a path implies ("svg" for "x.svg"), or NULL. */
const char *ent_render_format_for(const char *path);

#ifdef __cplusplus
}
#endif
#endif
