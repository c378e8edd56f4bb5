/*
 * Private to render/: the thin Graphviz wrapper. It owns the process's one
 * GVC_t, routes every Graphviz message into a buffer instead of stderr,
 * and is the only code that casts our const strings to Graphviz's char *.
 * Not thread-safe (neither is Graphviz).
 */
#ifndef ENT_RENDER_GV_H
#define ENT_RENDER_GV_H

#include <stdio.h>

#include <cgraph.h>

#include "entente/common.h"

/* The two Graphviz contexts, each created on first use and kept for the
 * life of the process. Text is measured either with the built-in metrics
 * of the standard PostScript fonts (SVG: the same bytes on every machine,
 * and no font library whose caches valgrind reports as leaks), or with
 * the installed fonts through pango, which the cairo renderer needs to
 * draw text at all (PNG, PDF). A graph is laid out, rendered and freed
 * with the same one. */
typedef enum ent_gv_text {
	ENT_GV_TEXT_ESTIMATED,
	ENT_GV_TEXT_PANGO
} ent_gv_text;

/* A new empty directed graph named "entente"; never NULL (aborts only when
 * out of memory, like every allocation). Free with ent_gv_close(). */
Agraph_t *ent_gv_open(void);
void ent_gv_close(Agraph_t *g);

/* Create a node, a subgraph or an (anonymous) edge. */
Agnode_t *ent_gv_node(Agraph_t *g, const char *name);
Agraph_t *ent_gv_subgraph(Agraph_t *g, const char *name);
Agedge_t *ent_gv_edge(Agraph_t *g, Agnode_t *tail, Agnode_t *head);

/* Set a plain-string attribute of a graph, node or edge (declaring it
 * with an empty default when new). Values must already be escaped with
 * ent_text_gv_escape() where they come from input. */
void ent_gv_set(void *obj, const char *name, const char *value);
void ent_gv_setf(void *obj, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Declare the default of an attribute for all nodes (AGNODE), edges
 * (AGEDGE) or the root graph (AGRAPH). */
void ent_gv_default(Agraph_t *g, int kind, const char *name, const char *value);

/* An attribute's value, or "" when unset. */
const char *ent_gv_get(void *obj, const char *name);

/* The name of a node or graph. */
const char *ent_gv_name(void *obj);

/* Lay `g` out with `engine`. On failure, ENT_ERR_OUTPUT about `target` with
 * Graphviz's first error message, and no layout is left on `g`. */
ent_status ent_gv_layout(Agraph_t *g, ent_gv_text text, const char *engine,
			 const char *target, ent_error *err);

/* Copy the layout into the graph's attributes (pos, bb, width, height),
 * then free the layout, so that a second pass can start from it. */
void ent_gv_keep_positions(Agraph_t *g, ent_gv_text text);

/* Free the layout of `g` (no-op when none). */
void ent_gv_free_layout(Agraph_t *g, ent_gv_text text);

/* Render a laid-out `g` as `format` ("svg:svg:core", "png:cairo", ...)
 * into memory. The data is freed with ent_gv_free_data(). */
ent_status ent_gv_render(Agraph_t *g, ent_gv_text text, const char *format,
			 char **data, size_t *len, const char *target, ent_error *err);
void ent_gv_free_data(char *data);

/* Copy the first Graphviz warning reported since the last call (""
 * when none) into `buf`, and forget it. Errors are not warnings: they
 * fail the call that reported them. */
void ent_gv_take_warning(char *buf, size_t size);

/* Write `g` as DOT (no layout) to `fp`; a write error is ENT_ERR_OUTPUT. */
ent_status ent_gv_write_dot(Agraph_t *g, FILE *fp, const char *target,
			    ent_error *err);

#endif
