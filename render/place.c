/*
 * Placing what the layout engine should not place, after the first
 * layout pass (render.c): the entities that have no relation at all, in a
 * grid under the drawing, one row group per type, instead of scattered
 * around it where they would take most of the space; the legend to the
 * right; the caption (what was drawn, and the counts) above; the title
 * above all. Legend, caption and title are scaled with the drawing, so
 * that they stay readable when a large drawing is shown whole.
 *
 * Grid nodes are measured by Graphviz itself (a "nop2" pass over a
 * scratch graph of the same context, every node at the origin), so their
 * boxes are exact whatever the fonts. Cost O(U) for U unlinked nodes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "scene.h"
#include "style.h"

/* Points. */
#define GAP 36.0          /* between blocks (scaled) */
#define CELL_GAP 10.0     /* between grid nodes */
#define MIN_GRID_W 480.0
#define SCALE_FROM 1400.0 /* drawings larger than this get a larger legend */
#define SCALE_MAX 8.0

typedef struct box {
	double llx, lly, urx, ury;
} box;

static int box_empty(const box *b)
{
	return !(b->urx > b->llx) && !(b->ury > b->lly);
}

static void box_add(box *b, const box *c)
{
	if (box_empty(c))
		return;
	if (box_empty(b)) {
		*b = *c;
		return;
	}
	b->llx = fmin(b->llx, c->llx);
	b->lly = fmin(b->lly, c->lly);
	b->urx = fmax(b->urx, c->urx);
	b->ury = fmax(b->ury, c->ury);
}

/* Width and height (points) of each unlinked node, measured by Graphviz.
 * On a measuring failure, a generous estimate from the label. */
static void measure(ent_scene *sc, double *w, double *h)
{
	Agraph_t *m = ent_gv_open();
	Agnode_t **v = ent_xcalloc(sc->n_unlinked, sizeof(*v));
	ent_error err;

	ent_gv_default(m, AGNODE, "fontname", ENT_STYLE_FONT);
	ent_gv_default(m, AGNODE, "penwidth", "1.2");
	for (size_t k = 0; k < sc->n_unlinked; k++) {
		v[k] = ent_scene_add_node(sc, m, sc->unlinked[k]);
		ent_gv_set(v[k], "pos", "0,0");
	}
	ent_error_clear(&err);
	if (ent_gv_layout(m, sc->text, "nop2", "", &err) == ENT_OK) {
		ent_gv_keep_positions(m, sc->text);
		for (size_t k = 0; k < sc->n_unlinked; k++) {
			w[k] = 72.0 * atof(ent_gv_get(v[k], "width"));
			h[k] = 72.0 * atof(ent_gv_get(v[k], "height"));
		}
	}
	for (size_t k = 0; k < sc->n_unlinked; k++) {
		if (w[k] > 0 && h[k] > 0)
			continue;
		w[k] = 0.6 * 11 * (double)strlen(ent_gv_get(v[k], "label")) + 20;
		h[k] = 40;
	}
	free(v);
	ent_gv_close(m);
}

/* The grid of unlinked nodes, its top left corner at (x, top), about
 * `width` wide; returns its box. */
static box grid(ent_scene *sc, double x, double top, double width, double k)
{
	size_t n = sc->n_unlinked;
	double *w = ent_xcalloc(n, sizeof(*w)), *h = ent_xcalloc(n, sizeof(*h));
	double area = 0, cx = x, row_h = 0, y, right = x;
	int prev_type = -1;
	box b = { x, top, x, top };
	Agnode_t *head;

	measure(sc, w, h);
	for (size_t i = 0; i < n; i++)
		area += (w[i] + CELL_GAP) * (h[i] + CELL_GAP);
	width = fmax(width, fmax(MIN_GRID_W, 1.6 * sqrt(area)));

	head = ent_gv_node(sc->ag, "unlinked-heading");
	ent_gv_set(head, "id", "unlinked-heading");
	ent_gv_set(head, "class", "legend");
	ent_gv_set(head, "shape", "plaintext");
	ent_gv_set(head, "margin", "0");
	ent_gv_set(head, "fontname", "Helvetica-Bold");
	ent_gv_setf(head, "fontsize", "%.1f", 14 * k);
	ent_gv_setf(head, "label", "Entities without relations (%zu)\\l", n);
	ent_gv_set(head, "fontcolor", ENT_STYLE_MUTED);
	ent_gv_setf(head, "width", "%.3f", width / 72.0);
	ent_gv_setf(head, "height", "%.3f", 22 * k / 72.0);
	ent_gv_set(head, "fixedsize", "true");
	ent_gv_setf(head, "pos", "%.2f,%.2f", x + width / 2, top - 11 * k);
	y = top - 22 * k - CELL_GAP;

	for (size_t i = 0; i < n; i++) {
		size_t node = sc->unlinked[i];
		int type = (int)ent_graph_node(sc->g, node)->type;
		Agnode_t *v;

		/* A new row for each type, and when the row is full. */
		if (cx > x && (type != prev_type || cx + w[i] > x + width)) {
			y -= row_h + (type != prev_type ? 2 * CELL_GAP : CELL_GAP);
			cx = x;
			row_h = 0;
		}
		prev_type = type;
		v = sc->nodes[node] = ent_scene_add_node(sc, sc->ag, node);
		ent_gv_setf(v, "pos", "%.2f,%.2f", cx + w[i] / 2, y - h[i] / 2);
		cx += w[i] + CELL_GAP;
		right = fmax(right, cx - CELL_GAP);
		row_h = fmax(row_h, h[i]);
	}
	b.lly = y - row_h;
	b.urx = fmax(right, x + width);
	free(w);
	free(h);
	return b;
}

/* The caption centred over the drawing, its bottom at `bottom`. */
static void caption(ent_scene *sc, double cx, double bottom, double k)
{
	ent_buf text;
	size_t lines = 1;
	Agnode_t *v;

	ent_buf_init(&text);
	ent_scene_caption(sc, &text);
	for (const char *p = text.data; (p = strstr(p, "\\n")) != NULL; p += 2)
		lines++;
	v = ent_gv_node(sc->ag, "caption");
	ent_gv_set(v, "id", "caption");
	ent_gv_set(v, "class", "legend");
	ent_gv_set(v, "shape", "plaintext");
	ent_gv_set(v, "margin", "0");
	ent_gv_set(v, "label", text.data);
	ent_gv_set(v, "fontcolor", ENT_STYLE_MUTED);
	ent_gv_setf(v, "fontsize", "%.1f", 13 * k);
	ent_gv_setf(v, "pos", "%.2f,%.2f", cx, bottom + (double)lines * 13 * k * 0.6 + 2);
	ent_buf_release(&text);
}

void ent_scene_place(ent_scene *sc)
{
	box main = { 0, 0, 0, 0 }, all, legend;
	double k, title_k;

	if (sscanf(ent_gv_get(sc->ag, "bb"), "%lf,%lf,%lf,%lf", &main.llx, &main.lly,
		   &main.urx, &main.ury) != 4)
		memset(&main, 0, sizeof(main));
	k = fmax(main.urx - main.llx, main.ury - main.lly) / SCALE_FROM;
	k = k < 1 ? 1 : k > SCALE_MAX ? SCALE_MAX : k;
	all = main;
	if (sc->n_unlinked) {
		double top = box_empty(&main) ? 0 : main.lly - GAP * k;
		box g = grid(sc, main.llx, top, main.urx - main.llx, k);

		box_add(&all, &g);
	}
	{
		double at[4] = { all.llx, all.lly, all.urx, all.ury };
		double out[4] = { 0, 0, 0, 0 };

		ent_scene_legend(sc, at, k, out);
		legend = (box){ out[0], out[1], out[2], out[3] };
		box_add(&all, &legend);
	}
	caption(sc, (all.llx + all.urx) / 2, all.ury + 12 * k, k);

	/* The title is the graph label, which the second pass places above
	 * everything; the pass measures the drawing again. */
	title_k = fmin(k, 2.5);
	if (sc->o.title && *sc->o.title) {
		ent_buf t;

		ent_buf_init(&t);
		ent_scene_title(sc, &t);
		ent_gv_set(sc->ag, "label", t.data);
		ent_gv_setf(sc->ag, "fontsize", "%.1f", 22 * title_k);
		ent_buf_release(&t);
	}
	ent_gv_set(sc->ag, "bb", "");
	ent_gv_set(sc->ag, "lp", "");
}
