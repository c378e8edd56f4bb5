/*
 * The legend: one sample node per entity type and one sample edge per
 * relation present in the graph, drawn with the very styles of
 * style.c, plus a note on what sizes mean. Its text is ours, so plain
 * labels are safe. Legend nodes have ids "legend-..." and class "legend".
 *
 * For images the legend is placed after layout, at fixed positions in a
 * framed column right of the drawing (no layout engine keeps a group of
 * disconnected nodes together on its own; clusters would, but leak in
 * dot). In DOT output it is a rank=same column chained by invisible
 * edges, one component that the user's layout places.
 */
#include <stdio.h>
#include <string.h>

#include "gv.h"
#include "scene.h"
#include "style.h"
#include "util.h"

/* Geometry in points (y grows upward, as in Graphviz). */
#define PAD 12.0       /* inside the frame */
#define GAP 36.0       /* between the drawing and the frame */
#define WIDTH 150.0    /* content width */
#define HEAD_H 24.0
#define TYPE_W 104.0
#define TYPE_H 24.0
#define TYPE_STEP 30.0
#define REL_GAP 8.0
#define REL_STEP 20.0
#define LINE_W 52.0    /* sample edge length */
#define ARROW 8.0      /* arrowsize 0.8 */
#define FOOT_H 32.0

typedef struct legend {
	Agraph_t *ag;
	Agraph_t *group; /* DOT: the rank=same group; images: ag */
	int placed;
	double left;     /* content box left edge */
	double y;        /* top of the next entry */
	Agnode_t *prev;  /* DOT: the entry above, chained to the next one */
	ent_buf name;
} legend;

static Agnode_t *entry_node(legend *L, Agraph_t *where, const char *kind,
			    const char *what)
{
	Agnode_t *v;

	ent_buf_clear(&L->name);
	ent_buf_printf(&L->name, "legend-%s%s%s", kind, *what ? "-" : "", what);
	v = ent_gv_node(where, L->name.data);
	ent_gv_set(v, "id", L->name.data);
	ent_gv_set(v, "class", "legend");
	return v;
}

static void place(const legend *L, void *obj, double cx, double cy)
{
	if (L->placed)
		ent_gv_setf(obj, "pos", "%.2f,%.2f!", cx, cy);
}

/* DOT: invisible edges from entry to entry keep the column in order and
 * make the legend one component, which packing keeps in one piece. */
static void chain(legend *L, Agnode_t *v)
{
	if (!L->placed && L->prev)
		ent_gv_set(ent_gv_edge(L->group, L->prev, v), "style", "invis");
	L->prev = v;
}

/* A plain, left-aligned text line of the given height. */
static Agnode_t *text_entry(legend *L, const char *kind, const char *label,
		       const char *font, const char *size, double h)
{
	Agnode_t *v = entry_node(L, L->group, kind, "");

	ent_gv_set(v, "shape", "plaintext");
	ent_gv_set(v, "margin", "0");
	ent_gv_set(v, "label", label);
	ent_gv_set(v, "fontname", font);
	ent_gv_set(v, "fontsize", size);
	ent_gv_set(v, "fixedsize", "true");
	ent_gv_setf(v, "width", "%.3f", WIDTH / 72.0);
	ent_gv_setf(v, "height", "%.3f", h / 72.0);
	place(L, v, L->left + WIDTH / 2, L->y - h / 2);
	chain(L, v);
	L->y -= h;
	return v;
}

static void type_entry(legend *L, ent_type t)
{
	const ent_type_style *st = ent_style_type(t);
	Agnode_t *v = entry_node(L, L->group, "type", ent_type_name(t));

	ent_gv_set(v, "label", ent_type_name(t));
	ent_gv_set(v, "shape", st->shape);
	ent_gv_set(v, "style", st->style);
	ent_gv_set(v, "fillcolor", st->fill);
	ent_gv_set(v, "color", st->pen);
	ent_gv_set(v, "fontcolor", st->fontcolor);
	ent_gv_set(v, "fixedsize", "true");
	ent_gv_setf(v, "width", "%.3f", TYPE_W / 72.0);
	ent_gv_setf(v, "height", "%.3f", TYPE_H / 72.0);
	place(L, v, L->left + TYPE_W / 2, L->y - TYPE_STEP / 2);
	chain(L, v);
	L->y -= TYPE_STEP;
}

static void rel_entry(legend *L, ent_rel r)
{
	const ent_rel_style *st = ent_style_rel(r);
	double y = L->y - REL_STEP / 2, x0 = L->left + 2, x1 = L->left + LINE_W;
	double xe = st->undirected ? x1 : x1 - ARROW;
	Agnode_t *mark = entry_node(L, L->ag, "mark", ent_rel_name(r));
	Agnode_t *label = entry_node(L, L->group, "rel", ent_rel_name(r));
	Agedge_t *e;

	ent_gv_set(mark, "shape", "point");
	ent_gv_set(mark, "width", "0.05");
	ent_gv_set(mark, "color", st->color);
	place(L, mark, x0, y);

	ent_buf_clear(&L->name);
	ent_buf_printf(&L->name, "%s\\l", ent_rel_name(r));
	ent_gv_set(label, "label", L->name.data);
	ent_gv_set(label, "shape", "plaintext");
	ent_gv_set(label, "margin", "0");
	ent_gv_set(label, "fontsize", "10");
	ent_gv_set(label, "fixedsize", "true");
	ent_gv_setf(label, "width", "%.3f", (WIDTH - LINE_W - 6) / 72.0);
	ent_gv_setf(label, "height", "%.3f", (REL_STEP - 2) / 72.0);
	place(L, label, L->left + LINE_W + 6 + (WIDTH - LINE_W - 6) / 2, y);
	chain(L, label);

	e = ent_gv_edge(L->ag, mark, label);
	ent_buf_clear(&L->name);
	ent_buf_printf(&L->name, "legend-edge-%s", ent_rel_name(r));
	ent_gv_set(e, "id", L->name.data);
	ent_gv_set(e, "class", "legend");
	ent_gv_set(e, "color", st->color);
	ent_gv_set(e, "style", st->style);
	ent_gv_set(e, "arrowhead", st->arrowhead);
	ent_gv_set(e, "penwidth", "1.5");
	ent_gv_set(e, "tooltip", ent_rel_name(r));
	if (st->undirected)
		ent_gv_set(e, "dir", "none");
	if (L->placed) {
		/* A straight cubic Bézier; "e," is where the arrowhead ends. */
		double d = (xe - x0) / 3;

		ent_buf_clear(&L->name);
		if (!st->undirected)
			ent_buf_printf(&L->name, "e,%.2f,%.2f ", x1, y);
		ent_buf_printf(&L->name, "%.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f", x0, y,
			       x0 + d, y, x0 + 2 * d, y, xe, y);
		ent_gv_set(e, "pos", L->name.data);
	}
	L->y -= REL_STEP;
}

/* Add the legend; `bb` (llx, lly, urx, ury) places it, NULL leaves it to
 * the layout as a rank=same group. */
static void add_legend(Agraph_t *ag, const ent_graph *g, const double *bb)
{
	unsigned types = 0, rels = 0;
	size_t nt = 0, nr = 0;
	Agnode_t *note;
	legend L;

	for (size_t i = 0; i < ent_graph_node_count(g); i++) {
		unsigned t = (unsigned)ent_graph_node(g, i)->type;
		if (t < ENT_TYPE_COUNT && !(types & (1u << t)))
			types |= 1u << t, nt++;
	}
	for (size_t i = 0; i < ent_graph_edge_count(g); i++) {
		unsigned r = (unsigned)ent_graph_edge(g, i)->rel;
		if (r < ENT_REL_COUNT && !(rels & (1u << r)))
			rels |= 1u << r, nr++;
	}
	if (!nt && !nr)
		return;

	memset(&L, 0, sizeof(L));
	L.ag = ag;
	ent_buf_init(&L.name);
	L.placed = bb != NULL;
	if (L.placed) {
		double h = 2 * PAD + HEAD_H + (double)nt * TYPE_STEP +
			   (nr ? REL_GAP + (double)nr * REL_STEP : 0) + FOOT_H;
		double x = bb[2] + GAP, top = bb[3];
		Agnode_t *frame;

		L.group = ag;
		/* Created first: drawn beneath the entries, never filled so the
		 * sample edges (drawn before all nodes) stay visible. */
		frame = entry_node(&L, ag, "frame", "");
		ent_gv_set(frame, "shape", "box");
		ent_gv_set(frame, "style", "rounded");
		ent_gv_set(frame, "color", "#BBBBBB");
		ent_gv_set(frame, "label", "");
		ent_gv_set(frame, "fixedsize", "true");
		ent_gv_setf(frame, "width", "%.3f", (WIDTH + 2 * PAD) / 72.0);
		ent_gv_setf(frame, "height", "%.3f", h / 72.0);
		place(&L, frame, x + PAD + WIDTH / 2, top - h / 2);
		L.left = x + PAD;
		L.y = top - PAD;
	} else {
		L.group = ent_gv_subgraph(ag, "legend");
		ent_gv_set(L.group, "rank", "same");
	}

	text_entry(&L, "title", "Legend\\l", "Helvetica-Bold", "13", HEAD_H);
	for (unsigned t = 0; t < ENT_TYPE_COUNT; t++)
		if (types & (1u << t))
			type_entry(&L, (ent_type)t);
	if (nr)
		L.y -= REL_GAP;
	for (unsigned r = 0; r < ENT_REL_COUNT; r++)
		if (rels & (1u << r))
			rel_entry(&L, (ent_rel)r);
	note = text_entry(&L, "note", "node size: PageRank\\lline width: evidence count\\l",
			  ENT_STYLE_FONT, "9", FOOT_H);
	ent_gv_set(note, "fontcolor", ENT_STYLE_MUTED);
	ent_buf_release(&L.name);
}

void ent_scene_place_legend(Agraph_t *ag, const ent_graph *g)
{
	double bb[4] = { 0, 0, 0, 0 };

	if (sscanf(ent_gv_get(ag, "bb"), "%lf,%lf,%lf,%lf", &bb[0], &bb[1], &bb[2],
		   &bb[3]) != 4)
		memset(bb, 0, sizeof(bb));
	/* The second pass must measure the drawing again, legend included,
	 * and place the title over all of it. */
	ent_gv_set(ag, "bb", "");
	ent_gv_set(ag, "lp", "");
	add_legend(ag, g, bb);
}

void ent_scene_legend_unplaced(Agraph_t *ag, const ent_graph *g)
{
	add_legend(ag, g, NULL);
}
