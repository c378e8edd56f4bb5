/*
 * Private to render/: how each entity type and relation looks, and how
 * centrality and evidence become sizes. One table, so that the drawing
 * and its legend can never disagree.
 */
#ifndef ENT_RENDER_STYLE_H
#define ENT_RENDER_STYLE_H

#include "entente/common.h"

typedef struct ent_type_style {
	const char *shape;
	const char *style;     /* Graphviz style list, always "filled..." */
	const char *fill;      /* fill colour */
	const char *pen;       /* border colour */
	const char *fontcolor; /* the darker of black/white on `fill` */
	const char *margin;    /* label margin, inches: slanted shapes need less */
} ent_type_style;

typedef struct ent_rel_style {
	const char *color;
	const char *style;     /* solid, dashed, dotted, bold */
	const char *arrowhead; /* Graphviz arrow shape at the object's end */
	int undirected;        /* drawn without arrows (dir=none) */
} ent_rel_style;

/* Styles of a type or relation; an out-of-range value gets a neutral
 * grey style rather than undefined behaviour (GraphML may carry one). */
const ent_type_style *ent_style_type(ent_type type);
const ent_rel_style *ent_style_rel(ent_rel rel);

/* Font size (points) of a node whose PageRank is `pr`, the largest in the
 * graph being `pr_max`: 11 to 24, by the square root of the ratio so that
 * area, not width, follows centrality. */
double ent_style_node_fontsize(double pr, double pr_max);

/* Pen width of an edge with `weight` evidence sentences: 1 for one,
 * growing with the logarithm, capped at 6. */
double ent_style_penwidth(long weight);

/* Fonts and neutral colours shared by the drawing and the legend. */
#define ENT_STYLE_FONT "Helvetica"
#define ENT_STYLE_TEXT "#222222"
#define ENT_STYLE_MUTED "#666666"

#endif
