/*
 * The legend: what every visual channel of the drawing means. One sample
 * node per entity type drawn (shape and colour), one swatch per
 * community when colour shows communities, one sample edge per relation
 * drawn (colour, line style, arrowhead), then line width and label size,
 * each with the range of values it spans, all drawn with the very styles
 * of style.c. Its text is ours (community names excepted, which scene.c
 * escapes), so plain labels are safe. Legend nodes have ids "legend-..."
 * and class "legend".
 *
 * For images the legend is placed after layout, at fixed positions in a
 * framed column right of the drawing, scaled with the drawing so that it
 * stays readable when a large drawing is shown whole (no layout engine
 * keeps a group of disconnected nodes together on its own; clusters
 * would, but leak in dot). In DOT output it is a rank=same column chained
 * by invisible edges, one component that the user's layout places.
 */
#include <stdio.h>
#include <string.h>

#include "gv.h"
#include "scene.h"
#include "style.h"
#include "util.h"

/* Geometry in points at scale 1 (y grows upward, as in Graphviz). */
#define PAD 12.0       /* inside the frame */
#define GAP 36.0       /* between the drawing and the frame */
#define WIDTH 180.0    /* content width */
#define HEAD_H 24.0
#define SUB_H 20.0     /* a section heading */
#define TYPE_W 104.0
#define TYPE_H 24.0
#define TYPE_STEP 30.0
#define SWATCH_STEP 20.0
#define SECTION_GAP 8.0
#define REL_STEP 20.0
#define LINE_W 52.0    /* sample edge length */
#define ARROW 8.0      /* arrowsize 0.8 */
#define SIZE_H 34.0    /* the label size samples */
#define NOTE_H 16.0

typedef struct legend {
	ent_scene *sc;
	Agraph_t *ag;
	Agraph_t *group; /* DOT: the rank=same group; images: ag */
	int placed;
	double k;        /* scale */
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

static void size_box(const legend *L, Agnode_t *v, double w, double h)
{
	ent_gv_set(v, "fixedsize", "true");
	ent_gv_setf(v, "width", "%.3f", w * L->k / 72.0);
	ent_gv_setf(v, "height", "%.3f", h * L->k / 72.0);
}

static void font(const legend *L, Agnode_t *v, const char *face, double size)
{
	if (face)
		ent_gv_set(v, "fontname", face);
	ent_gv_setf(v, "fontsize", "%.1f", size * L->k);
}

/* DOT: invisible edges from entry to entry keep the column in order and
 * make the legend one component, which packing keeps in one piece. */
static void chain(legend *L, Agnode_t *v)
{
	if (!L->placed && L->prev)
		ent_gv_set(ent_gv_edge(L->group, L->prev, v), "style", "invis");
	L->prev = v;
}

/* A plain, left-aligned text block of the given height; `label` is
 * escaped, its lines end with "\l". */
static Agnode_t *text_entry(legend *L, const char *kind, const char *label,
			    const char *face, double size, double h)
{
	Agnode_t *v = entry_node(L, L->group, kind, "");

	ent_gv_set(v, "shape", "plaintext");
	ent_gv_set(v, "margin", "0");
	ent_gv_set(v, "label", label);
	font(L, v, face, size);
	size_box(L, v, WIDTH, h);
	place(L, v, L->left + WIDTH * L->k / 2, L->y - h * L->k / 2);
	chain(L, v);
	L->y -= h * L->k;
	return v;
}

static void type_entry(legend *L, ent_type t)
{
	const ent_type_style *st = ent_style_type(t);
	Agnode_t *v = entry_node(L, L->group, "type", ent_type_name(t));
	int plain = L->sc->o.group == ENT_SCENE_GROUP_COMMUNITY && !L->sc->o.clusters;

	ent_gv_set(v, "label", ent_type_name(t));
	ent_gv_set(v, "shape", st->shape);
	ent_gv_set(v, "style", st->style);
	ent_gv_set(v, "fillcolor", plain ? ENT_STYLE_PLAIN_FILL : st->fill);
	ent_gv_set(v, "color", st->pen);
	ent_gv_set(v, "fontcolor", plain ? "#000000" : st->fontcolor);
	font(L, v, NULL, 11);
	size_box(L, v, TYPE_W, TYPE_H);
	place(L, v, L->left + TYPE_W * L->k / 2, L->y - TYPE_STEP * L->k / 2);
	chain(L, v);
	L->y -= TYPE_STEP * L->k;
}

/* A colour swatch and the community's name. */
static void community_entry(legend *L, size_t j)
{
	double y = L->y - SWATCH_STEP * L->k / 2;
	Agnode_t *box, *label;
	char what[32];

	snprintf(what, sizeof(what), "%zu", j + 1);
	box = entry_node(L, L->group, "community", what);
	ent_gv_set(box, "shape", "box");
	ent_gv_set(box, "style", "filled");
	ent_gv_set(box, "label", "");
	ent_gv_set(box, "color", "#888888");
	ent_gv_set(box, "fillcolor", ent_style_community(j));
	size_box(L, box, 22, 13);
	place(L, box, L->left + 11 * L->k, y);
	chain(L, box);

	label = entry_node(L, L->group, "community-name", what);
	ent_gv_set(label, "shape", "plaintext");
	ent_gv_set(label, "margin", "0");
	ent_buf_clear(&L->name);
	ent_buf_printf(&L->name, "%s\\l", L->sc->keys[j].label);
	ent_gv_set(label, "label", L->name.data);
	font(L, label, NULL, 10);
	size_box(L, label, WIDTH - 30, SWATCH_STEP - 2);
	place(L, label, L->left + (30 + (WIDTH - 30) / 2) * L->k, y);
	chain(L, label);
	L->y -= SWATCH_STEP * L->k;
}

/* A straight sample edge from x0 to x1 at height y, in the style `st`,
 * between two invisible points; `what` names it. */
static Agedge_t *sample_edge(legend *L, const char *what, const ent_rel_style *st,
			     double x0, double x1, double y, double penwidth)
{
	double xe = st->undirected ? x1 : x1 - ARROW * L->k;
	Agnode_t *a = entry_node(L, L->ag, "mark", what);
	Agnode_t *b;
	Agedge_t *e;
	char end[64];

	ent_gv_set(a, "shape", "point");
	ent_gv_set(a, "width", "0.01");
	ent_gv_set(a, "style", "invis");
	snprintf(end, sizeof(end), "%s-end", what);
	b = entry_node(L, L->ag, "mark", end);
	ent_gv_set(b, "shape", "point");
	ent_gv_set(b, "width", "0.01");
	ent_gv_set(b, "style", "invis");
	place(L, a, x0, y);
	place(L, b, x1, y);

	e = ent_gv_edge(L->ag, a, b);
	ent_buf_clear(&L->name);
	ent_buf_printf(&L->name, "legend-edge-%s", what);
	ent_gv_set(e, "id", L->name.data);
	ent_gv_set(e, "class", "legend");
	ent_gv_set(e, "color", st->color);
	ent_gv_set(e, "style", st->style);
	ent_gv_set(e, "arrowhead", st->arrowhead);
	ent_gv_setf(e, "arrowsize", "%.2f", 0.8 * L->k);
	ent_gv_setf(e, "penwidth", "%.2f", penwidth * L->k);
	ent_gv_set(e, "tooltip", what);
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
	return e;
}

/* A label right of a sample line. */
static void sample_label(legend *L, const char *kind, const char *what,
			 const char *text, double x, double w, double y, double h)
{
	Agnode_t *label = entry_node(L, L->group, kind, what);

	ent_gv_set(label, "label", text);
	ent_gv_set(label, "shape", "plaintext");
	ent_gv_set(label, "margin", "0");
	font(L, label, NULL, 10);
	size_box(L, label, w, h);
	place(L, label, x + w * L->k / 2, y);
	chain(L, label);
}

/* DOT: a point and an edge in the relation's style to its label; the
 * user's layout draws the sample. */
static void rel_sample_unplaced(legend *L, ent_rel r, Agnode_t *label)
{
	const ent_rel_style *st = ent_style_rel(r);
	Agnode_t *mark = entry_node(L, L->ag, "mark", ent_rel_name(r));
	Agedge_t *e;

	ent_gv_set(mark, "shape", "point");
	ent_gv_set(mark, "width", "0.05");
	ent_gv_set(mark, "color", st->color);
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
}

static void rel_entry(legend *L, ent_rel r)
{
	double y = L->y - REL_STEP * L->k / 2;
	const char *what = ent_rel_name(r);
	char text[64];

	if (L->placed)
		sample_edge(L, what, ent_style_rel(r), L->left + 2 * L->k,
			    L->left + LINE_W * L->k, y, 1.5);
	snprintf(text, sizeof(text), "%s\\l", what);
	sample_label(L, "rel", what, text, L->left + (LINE_W + 6) * L->k,
		     WIDTH - LINE_W - 6, y, REL_STEP - 2);
	if (!L->placed)
		rel_sample_unplaced(L, r, L->prev);
	L->y -= REL_STEP * L->k;
}

/* Line width: a thin and a thick sample, with their evidence counts. */
static void width_entries(legend *L)
{
	static const ent_rel_style grey = { "#666666", "solid", "none", 1 };
	long w[2] = { 1, L->sc->weight_max };
	char text[64], what[16];

	for (int i = 0; i < 2; i++) {
		double y = L->y - REL_STEP * L->k / 2;

		snprintf(what, sizeof(what), "width-%d", i + 1);
		sample_edge(L, what, &grey, L->left + 2 * L->k, L->left + LINE_W * L->k, y,
			    ent_style_penwidth(w[i]));
		snprintf(text, sizeof(text), "%ld %s\\l", w[i], w[i] == 1 ? "sentence" : "sentences");
		sample_label(L, "width-label", what + 6, text, L->left + (LINE_W + 6) * L->k,
			     WIDTH - LINE_W - 6, y, REL_STEP - 2);
		L->y -= REL_STEP * L->k;
	}
}

/* Label size: "Aa" at the smallest and the largest size, with values. */
static void size_entries(legend *L)
{
	const ent_scene *sc = L->sc;
	double v[2] = { sc->size_min, sc->size_max };
	double font_px[2] = { ENT_STYLE_FONT_MIN, ENT_STYLE_FONT_MAX };
	double y = L->y - SIZE_H * L->k / 2;
	char text[48], what[16];

	for (int i = 0; i < 2; i++) {
		double x = L->left + (i ? WIDTH / 2 : 0) * L->k;
		Agnode_t *aa;

		snprintf(what, sizeof(what), "%d", i + 1);
		aa = entry_node(L, L->group, "size", what);
		ent_gv_set(aa, "shape", "plaintext");
		ent_gv_set(aa, "margin", "0");
		ent_gv_set(aa, "label", "Aa");
		font(L, aa, NULL, font_px[i]);
		size_box(L, aa, 34, SIZE_H - 4);
		place(L, aa, x + 17 * L->k, y);
		chain(L, aa);
		snprintf(text, sizeof(text), "%.3g\\l", v[i]);
		sample_label(L, "size-value", what, text, x + 36 * L->k, WIDTH / 2 - 38, y,
			     SIZE_H - 4);
	}
	L->y -= SIZE_H * L->k;
}

static void heading(legend *L, const char *kind, const char *text)
{
	char label[160];

	snprintf(label, sizeof(label), "%s\\l", text);
	text_entry(L, kind, label, "Helvetica-Bold", 10, SUB_H);
}

static size_t count_bits(unsigned x)
{
	size_t n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static int colours_communities(const ent_scene *sc)
{
	return sc->o.group == ENT_SCENE_GROUP_COMMUNITY && !sc->o.clusters && sc->n_keys;
}

static int has_sizes(const ent_scene *sc)
{
	return sc->size && sc->size_max > sc->size_min;
}

/* The height of the placed legend's content, at scale 1. */
static double content_height(const ent_scene *sc)
{
	size_t nt = count_bits(sc->types), nr = count_bits(sc->rels);
	size_t nk = sc->n_keys < ENT_STYLE_COMMUNITIES ? sc->n_keys : ENT_STYLE_COMMUNITIES;
	double h = HEAD_H + (double)nt * TYPE_STEP;

	if (colours_communities(sc))
		h += SECTION_GAP + SUB_H + (double)nk * SWATCH_STEP +
		     (sc->n_keys > nk ? NOTE_H : 0);
	if (sc->o.clusters && sc->o.group != ENT_SCENE_GROUP_NONE)
		h += NOTE_H;
	if (nr)
		h += SECTION_GAP + SUB_H + (double)nr * REL_STEP;
	if (nr && sc->weight_max > 1)
		h += SECTION_GAP + SUB_H + 2 * REL_STEP;
	if (has_sizes(sc))
		h += SECTION_GAP + SUB_H + SIZE_H;
	return h;
}

/* The unplaced legend of DOT output says in words what the placed one
 * shows with samples. */
static void dot_notes(legend *L)
{
	const ent_scene *sc = L->sc;
	char text[160];

	if (sc->rels && sc->weight_max > 1) {
		snprintf(text, sizeof(text), "line width: evidence sentences (1 to %ld)\\l",
			 sc->weight_max);
		text_entry(L, "width", text, ENT_STYLE_FONT, 9, NOTE_H);
	}
	if (has_sizes(sc)) {
		snprintf(text, sizeof(text), "label size: %s (%.3g to %.3g)\\l",
			 ent_scene_measure_titles[sc->o.size_by], sc->size_min, sc->size_max);
		text_entry(L, "size", text, ENT_STYLE_FONT, 9, NOTE_H);
	}
}

static void add_entries(legend *L)
{
	ent_scene *sc = L->sc;
	char text[128];

	text_entry(L, "title", "Legend\\l", "Helvetica-Bold", 13, HEAD_H);
	for (unsigned t = 0; t < ENT_TYPE_COUNT; t++)
		if (sc->types & (1u << t))
			type_entry(L, (ent_type)t);
	if (colours_communities(sc)) {
		size_t nk = sc->n_keys < ENT_STYLE_COMMUNITIES ? sc->n_keys : ENT_STYLE_COMMUNITIES;

		L->y -= SECTION_GAP * L->k;
		heading(L, "communities", "colour: community");
		for (size_t j = 0; j < nk; j++)
			community_entry(L, j);
		if (sc->n_keys > nk || sc->n_keys < sc->o.communities->count)
			text_entry(L, "community-others", "grey: smaller communities\\l",
				   ENT_STYLE_FONT, 9, NOTE_H);
	}
	if (sc->o.clusters && sc->o.group != ENT_SCENE_GROUP_NONE) {
		snprintf(text, sizeof(text), "boxes: %s\\l",
			 sc->o.group == ENT_SCENE_GROUP_TYPE ? "entity types" : "communities");
		text_entry(L, "clusters", text, ENT_STYLE_FONT, 9, NOTE_H);
	}
	if (sc->rels) {
		L->y -= SECTION_GAP * L->k;
		heading(L, "relations", "relations");
		for (unsigned r = 0; r < ENT_REL_COUNT; r++)
			if (sc->rels & (1u << r))
				rel_entry(L, (ent_rel)r);
	}
	if (!L->placed) {
		dot_notes(L);
		return;
	}
	if (sc->rels && sc->weight_max > 1) {
		L->y -= SECTION_GAP * L->k;
		heading(L, "widths", "line width: evidence");
		width_entries(L);
	}
	if (has_sizes(sc)) {
		L->y -= SECTION_GAP * L->k;
		snprintf(text, sizeof(text), "label size: %s",
			 ent_scene_measure_titles[sc->o.size_by]);
		heading(L, "sizes", text);
		size_entries(L);
	}
}

void ent_scene_legend(ent_scene *sc, const double *bb, double scale, double *out)
{
	legend L;

	if (!sc->types && !sc->rels)
		return;
	memset(&L, 0, sizeof(L));
	L.sc = sc;
	L.ag = sc->ag;
	L.k = bb ? scale : 1.0;
	L.placed = bb != NULL;
	ent_buf_init(&L.name);
	if (L.placed) {
		double h = (2 * PAD + content_height(sc)) * L.k;
		double w = (WIDTH + 2 * PAD) * L.k;
		double x = bb[2] + GAP * L.k, top = bb[3];
		Agnode_t *frame;

		L.group = sc->ag;
		/* Created first: drawn beneath the entries, never filled so the
		 * sample edges (drawn before all nodes) stay visible. */
		frame = entry_node(&L, sc->ag, "frame", "");
		ent_gv_set(frame, "shape", "box");
		ent_gv_set(frame, "style", "rounded");
		ent_gv_set(frame, "color", "#BBBBBB");
		ent_gv_set(frame, "label", "");
		ent_gv_set(frame, "fixedsize", "true");
		ent_gv_setf(frame, "width", "%.3f", w / 72.0);
		ent_gv_setf(frame, "height", "%.3f", h / 72.0);
		place(&L, frame, x + w / 2, top - h / 2);
		L.left = x + PAD * L.k;
		L.y = top - PAD * L.k;
		if (out) {
			out[0] = x;
			out[1] = top - h;
			out[2] = x + w;
			out[3] = top;
		}
	} else {
		L.group = ent_gv_subgraph(sc->ag, "legend");
		ent_gv_set(L.group, "rank", "same");
	}
	add_entries(&L);
	ent_buf_release(&L.name);
}
