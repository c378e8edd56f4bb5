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

/* Font size (points) of a node whose centrality is `v`, the largest in
 * the drawing being `v_max`: ENT_STYLE_FONT_MIN to ENT_STYLE_FONT_MAX, by
 * the square root of the ratio so that area, not width, follows
 * centrality. Rounded to a quarter point, so that noise in the last bits
 * of a centrality cannot change the output. */
double ent_style_node_fontsize(double v, double v_max);
#define ENT_STYLE_FONT_MIN 11.0
#define ENT_STYLE_FONT_MAX 24.0

/* Fill colour of community `k` (0 is the largest) when nodes are coloured
 * by community: ENT_STYLE_COMMUNITIES distinct light colours, under which
 * black text stays readable, then a neutral grey for all the others.
 * `ent_style_community_bg` is a paler tint of the same, for cluster boxes. */
#define ENT_STYLE_COMMUNITIES 11
const char *ent_style_community(size_t k);
const char *ent_style_community_bg(size_t k);

/* Fill of a type's shape when colour means something else (communities). */
#define ENT_STYLE_PLAIN_FILL "#FFFFFF"

/* Pen width of an edge with `weight` evidence sentences: 1 for one,
 * growing with the logarithm, capped at 6. */
double ent_style_penwidth(long weight);

/* Fonts and neutral colours shared by the drawing and the legend. */
#define ENT_STYLE_FONT "Helvetica"
#define ENT_STYLE_TEXT "#222222"
#define ENT_STYLE_MUTED "#666666"

#endif
