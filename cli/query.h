/*
 * Private to `entente query` (cmd_query.c, query_answer.c, query_out.c):
 * the state of one query, the questions it can ask, and the output pieces
 * the answers share.
 */
#ifndef ENT_CLI_QUERY_H
#define ENT_CLI_QUERY_H

#include <stdio.h>

#include "cli.h"

/* Everything a query needs; `node` holds its resolved names. */
typedef struct query_ctx {
	const ent_graph *g;    /* the view the question is asked of */
	const ent_graph *full; /* the graph before the view */
	const cli_opts *o;
	const ent_view *view;
	int json;
	int all_evidence;
	unsigned rels;         /* --relation, 0 for all */
	ent_direction dir;     /* --direction */
	const char *names[2];  /* as given */
	size_t node[2];        /* as found in g */
} query_ctx;

/* The questions (query_answer.c): each writes its answer to q->o->output
 * and returns the exit status, having reported any error. */
int query_answer_partners(query_ctx *q);
int query_answer_relations(query_ctx *q);
int query_answer_path(query_ctx *q);
int query_answer_common(query_ctx *q);
int query_answer_ego(query_ctx *q);

/* Output pieces (query_out.c). */

/* "; year 2020" / "; years 2019, 2020" (text) or "[2019,2020]" (JSON):
 * the distinct years of the edges. */
void query_put_years(FILE *fp, const ent_graph *g, const size_t *edges,
		     size_t n, int json);
/* {"name":..,"type":..,"key":..} */
void query_json_entity(FILE *fp, const ent_graph *g, size_t i);
/* "Name (type)" */
void query_text_entity(FILE *fp, const ent_graph *g, size_t i);
/* `,"more":[...]`: the evidence the graph kept beyond the first, if any. */
void query_json_more(FILE *fp, const ent_edge *e);
/* `{"doc":..,"line":..,"sentence":..}` and "more". */
void query_json_evidence(FILE *fp, const ent_edge *e);
/* "doc:line: sentence" lines after `indent`, the first evidence and more. */
void query_text_evidence(FILE *fp, const char *indent, const ent_edge *e);
/* "; 3 sentences (1 hedged)" */
void query_text_count(FILE *fp, const ent_edge *e);
/* The direction of edge e seen from node i: "in", "out" or "both"; and
 * as an arrow, "<-", "->" or "--". */
const char *query_direction_name(const ent_edge *e, size_t i);
const char *query_direction_arrow(const ent_edge *e, size_t i);
/* The relation kinds in the bit set `rels`, comma-separated (JSON:
 * quoted). */
void query_rel_names(FILE *fp, unsigned rels, int json);
/* Does the output path end in ".graphml" (any case)? */
int query_is_graphml_name(const char *path);

#endif
