/*
 * Private to graph/export*.c: the names every export gives nodes and
 * edges, text cleaning, and the writers of the larger formats.
 */
#ifndef ENT_GRAPH_EXPORT_H
#define ENT_GRAPH_EXPORT_H

#include <stdio.h>

#include "entente/graph.h"
#include "util.h"

/* Node ids and edge keys, the same in every format. A node's id is its
 * key (stable across runs, so exports of different corpora join), or
 * "node-N" when the key is empty or already taken. An edge's key tells it
 * from the other edges between the same two nodes: its relation, with
 * "-2", "-3" ... on a repeat (only a hand-edited GraphML file has one). */
typedef struct ent_export_names {
	char **node;
	char **edge;
	size_t n_nodes, n_edges;
} ent_export_names;

void ent_export_names_init(ent_export_names *nm, const ent_graph *g);
void ent_export_names_release(ent_export_names *nm);

/* Append `s` to `b` with invalid UTF-8 and the non-characters U+FFFE and
 * U+FFFF as U+FFFD and, when `controls` is set, every C0 and C1 control
 * character (tab and newline included) as a space: what XML 1.0 and a
 * spreadsheet accept. */
void ent_export_clean(ent_buf *b, const char *s, int controls);

/* The years of an edge ("2019;2021") one by one: call with *pos = 0,
 * then until it returns 0. Entries that are not whole numbers are
 * skipped. */
int ent_export_next_year(const char *years, size_t *pos, long *year);

/* export_gexf.c: GEXF 1.3 through libxml2's xmlTextWriter. */
ent_status ent_export_gexf(const ent_graph *g, const ent_export_names *nm, FILE *fp,
			   ent_error *err);

/* export_rdf.c: N-Triples (turtle 0) or Turtle (1). `base` is checked. */
ent_status ent_export_rdf(const ent_graph *g, const ent_export_names *nm, const char *base,
			  int turtle, FILE *fp, ent_error *err);

#endif
