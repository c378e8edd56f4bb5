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

/* Room for the notes of one rendering (see ent_render_info). */
#define ENT_RENDER_MAX_NOTES 6
#define ENT_RENDER_NOTE_SIZE 240

/* What a rendering did, or will do (ent_render_check()): the choices made
 * for the caller and what the caller should tell the user. The library
 * prints nothing; the CLI prints each note as a warning. */
typedef struct ent_render_info {
	const char *format;   /* "svg", "png", "pdf" or "dot" (static string) */
	const char *engine;   /* layout engine used (static string) */
	int engine_auto;      /* chosen by size and shape, not asked for */
	int clusters;         /* clusters drawn as subgraphs */
	int community_colours; /* fill colour shows the community, not the type */
	size_t communities;   /* communities found (--cluster community) */
	size_t unlinked;      /* entities without relations, set apart in a grid */
	size_t n_notes;
	char notes[ENT_RENDER_MAX_NOTES][ENT_RENDER_NOTE_SIZE];
	char graphviz[ENT_RENDER_NOTE_SIZE]; /* Graphviz's first warning, or "" */
} ent_render_info;

typedef struct ent_render_options {
	const char *format; /* "svg", "dot", "png", "pdf"; NULL: from the path */
	const char *layout; /* "dot", "neato", "fdp", "sfdp", "circo", "twopi"; NULL: auto */
	const char *title;  /* NULL: no title */
	/* Fields below were added later; zero keeps the earlier behaviour. */
	const char *caption; /* what was drawn (sources, filters), a line under
			      * the title; the counts are always added */
	const char *size_by; /* node size: "pagerank" (NULL), "degree" or
			      * "betweenness" */
	const char *cluster; /* NULL, "community" or "type": group nodes in
			      * clusters (dot, fdp) or, for the other engines,
			      * colour them by community */
	unsigned timeout;    /* seconds for layout and rendering; 0: no limit.
			      * With a limit the work runs in a forked child
			      * that is killed when time is up (Graphviz cannot
			      * be interrupted): ENT_ERR_FAIL, "layout took
			      * longer than N s; ...", no output. The child
			      * also takes Graphviz 2.42's own leaks with it
			      * (dot packing and clusters, sfdp and twopi
			      * overlap removal: tens of KB per drawing), which
			      * a 0 keeps in this process. */
	ent_render_info *info; /* optional: filled with what was done */
} ent_render_options;

/* Lay out and write `g` to `path` ("-" is standard output) atomically.
 * Images: entities without relations are set apart in a grid under the
 * drawing; a legend (types, communities, relations, line width, label
 * size, with their ranges) goes right of it and the title, caption and
 * counts above. DOT: written without layout, every node in graph order,
 * title, caption and counts in the graph label. Graphviz errors become
 * the error's text, its first warning opt->info->graphviz. On failure no
 * output file is left. */
ent_status ent_render(const ent_graph *g, const ent_render_options *opt,
		      const char *path, ent_error *err);

/* Check the options against `g` and `path` without drawing: the errors
 * ent_render() would report before any work (unknown format, layout,
 * size or cluster; too large to lay out), and in `info` the choices it
 * would make with notes worth telling the user (an automatic engine on a
 * large graph, a slow engine asked for a large graph, clusters an engine
 * cannot draw). Cheap: no layout, no centrality. */
ent_status ent_render_check(const ent_graph *g, const ent_render_options *opt,
			    const char *path, ent_render_info *info,
			    ent_error *err);

/* Above this many linked entities the automatic layout is sfdp, with a
 * note; below it dot for small or hierarchical graphs, fdp for clusters
 * by type, neato for the rest. */
#define ENT_RENDER_LARGE 300

/* The format a path implies ("svg" for "x.svg"), or NULL. */
const char *ent_render_format_for(const char *path);

#ifdef __cplusplus
}
#endif
#endif
