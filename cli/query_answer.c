/*
 * The questions of `entente query`, each asked of the view in a query_ctx
 * whose names are already found: partners, relations, path, common and
 * ego. Each gathers its answer from the graph library, then writes it
 * through cli_write_output() as text or JSON with the pieces of
 * query_out.c, and returns the command's exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "util.h"

#define MAX_PATHS 3

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* ---- partners --------------------------------------------------------- */

typedef struct partners_job {
	const query_ctx *q;
	const ent_partner *partners;
	size_t n_partners;
	size_t *incident; /* edges touching the node */
	size_t n_incident;
} partners_job;

/* The edges shown for a partner: every edge between the pair, and the
 * partner's first edge when the link is a shared action (an edge to a
 * third entity). Returns a malloc'ed array, first edge first. */
static size_t *partner_edges(const partners_job *j, const ent_partner *p,
			     size_t *n)
{
	size_t *edges = NULL, cap = 0, len = 0;

	ENT_GROW(edges, cap, 1);
	edges[len++] = p->first_edge;
	for (size_t i = 0; i < j->n_incident; i++) {
		const ent_edge *e = ent_graph_edge(j->q->g, j->incident[i]);
		if (j->incident[i] == p->first_edge)
			continue;
		if (e->from == p->node || e->to == p->node) {
			ENT_GROW(edges, cap, len + 1);
			edges[len++] = j->incident[i];
		}
	}
	*n = len;
	return edges;
}

static void text_partner(FILE *fp, const partners_job *j, const ent_partner *p,
			 const size_t *edges, size_t n_edges)
{
	const ent_graph *g = j->q->g;

	query_text_entity(fp, g, p->node);
	fputs(": ", fp);
	query_rel_names(fp, p->rels, 0);
	fprintf(fp, "; %ld sentence%s", p->evidence, p->evidence == 1 ? "" : "s");
	query_put_years(fp, g, edges, n_edges, 0);
	fputc('\n', fp);
	for (size_t i = 0; i < (j->q->all_evidence ? n_edges : 1); i++) {
		const ent_edge *e = ent_graph_edge(g, edges[i]);
		fprintf(fp, "    [%s] ", ent_rel_name(e->rel));
		query_text_evidence(fp, "", e);
	}
}

static void json_partner(FILE *fp, const partners_job *j, const ent_partner *p,
			 const size_t *edges, size_t n_edges)
{
	const ent_graph *g = j->q->g;
	const ent_node *node = ent_graph_node(g, p->node);

	fputs("{\"name\":", fp);
	cli_json_string(fp, node->name);
	fprintf(fp, ",\"type\":\"%s\",\"key\":", ent_type_name(node->type));
	cli_json_string(fp, node->key);
	fputs(",\"relations\":[", fp);
	query_rel_names(fp, p->rels, 1);
	fprintf(fp, "],\"evidence_count\":%ld,\"years\":", p->evidence);
	query_put_years(fp, g, edges, n_edges, 1);
	fputs(",\"evidence\":[", fp);
	for (size_t i = 0; i < (j->q->all_evidence ? n_edges : 1); i++) {
		const ent_edge *e = ent_graph_edge(g, edges[i]);
		fprintf(fp, "%s{\"relation\":\"%s\",\"count\":%ld,\"doc\":",
			i ? "," : "", ent_rel_name(e->rel), e->weight);
		cli_json_string(fp, e->doc);
		fprintf(fp, ",\"line\":%ld,\"sentence\":", e->line);
		cli_json_string(fp, e->evidence);
		query_json_more(fp, e);
		fputc('}', fp);
	}
	fputs("]}", fp);
}

static ent_status write_partners(FILE *fp, const void *ctx, ent_error *err)
{
	const partners_job *j = ctx;
	const char *name = ent_graph_node(j->q->g, j->q->node[0])->name;

	(void)err;
	if (j->q->json)
		fputc('[', fp);
	else if (j->n_partners == 0) {
		cli_put_text(fp, name);
		fputs(" has no cooperation partners in this graph.\n", fp);
	} else {
		fputs("Cooperation partners of ", fp);
		cli_put_text(fp, name);
		fprintf(fp, " (%zu):\n", j->n_partners);
	}
	for (size_t i = 0; i < j->n_partners; i++) {
		const ent_partner *p = &j->partners[i];
		size_t n_edges;
		size_t *edges = partner_edges(j, p, &n_edges);

		if (j->q->json) {
			fputs(i ? ",\n  " : "\n  ", fp);
			json_partner(fp, j, p, edges, n_edges);
		} else {
			text_partner(fp, j, p, edges, n_edges);
		}
		free(edges);
	}
	if (j->q->json)
		fputs(j->n_partners ? "\n]\n" : "]\n", fp);
	return ENT_OK;
}

int query_answer_partners(query_ctx *q)
{
	partners_job j;
	ent_partner *partners = NULL;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	memset(&j, 0, sizeof(j));
	j.q = q;
	if (ent_graph_relations(q->g, q->node[0], 0, ENT_DIR_BOTH, &j.incident,
				&j.n_incident, &err) != ENT_OK ||
	    ent_graph_partners(q->g, q->node[0], &partners, &j.n_partners,
			       &err) != ENT_OK)
		rc = cli_report(&err);
	else {
		/* evidence in edge order, as the graph stores it */
		if (j.n_incident)
			qsort(j.incident, j.n_incident, sizeof(*j.incident), cmp_size);
		j.partners = partners;
		if (cli_write_output(q->o->output, write_partners, &j, &err) != ENT_OK)
			rc = cli_report(&err);
	}
	free(partners);
	free(j.incident);
	return rc;
}

/* ---- relations -------------------------------------------------------- */

typedef struct list_job {
	const query_ctx *q;
	const size_t *items; /* edges or nodes */
	size_t n;
} list_job;

static void json_relation(FILE *fp, const query_ctx *q, size_t edge)
{
	const ent_edge *e = ent_graph_edge(q->g, edge);
	size_t me = q->node[0], other = e->from == me ? e->to : e->from;

	fprintf(fp, "{\"relation\":\"%s\",\"direction\":\"%s\",\"other\":",
		ent_rel_name(e->rel), query_direction_name(e, me));
	query_json_entity(fp, q->g, other);
	fprintf(fp, ",\"evidence_count\":%ld,\"hedged\":%ld,\"years\":", e->weight,
		e->hedged);
	query_put_years(fp, q->g, &edge, 1, 1);
	fputs(",\"evidence\":", fp);
	query_json_evidence(fp, e);
	fputc('}', fp);
}

static void text_relation(FILE *fp, const query_ctx *q, size_t edge)
{
	const ent_edge *e = ent_graph_edge(q->g, edge);
	size_t me = q->node[0], other = e->from == me ? e->to : e->from;

	fprintf(fp, "  %s %-16s ", query_direction_arrow(e, me), ent_rel_name(e->rel));
	query_text_entity(fp, q->g, other);
	query_text_count(fp, e);
	query_put_years(fp, q->g, &edge, 1, 0);
	fputc('\n', fp);
	query_text_evidence(fp, "      ", e);
}

static ent_status write_relations(FILE *fp, const void *ctx, ent_error *err)
{
	const list_job *j = ctx;
	const query_ctx *q = j->q;
	const char *name = ent_graph_node(q->g, q->node[0])->name;

	(void)err;
	if (q->json) {
		fputc('[', fp);
		for (size_t i = 0; i < j->n; i++) {
			fputs(i ? ",\n  " : "\n  ", fp);
			json_relation(fp, q, j->items[i]);
		}
		fputs(j->n ? "\n]\n" : "]\n", fp);
		return ENT_OK;
	}
	cli_put_text(fp, name);
	if (j->n == 0) {
		fprintf(fp, " has no relations%s in this graph.\n",
			q->rels || q->dir != ENT_DIR_BOTH ? " of that kind and direction" : "");
		return ENT_OK;
	}
	fprintf(fp, ": %zu relation%s (-> as subject, <- as object, -- symmetric)\n",
		j->n, j->n == 1 ? "" : "s");
	for (size_t i = 0; i < j->n; i++)
		text_relation(fp, q, j->items[i]);
	return ENT_OK;
}

int query_answer_relations(query_ctx *q)
{
	list_job j = { q, NULL, 0 };
	size_t *edges = NULL;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (ent_graph_relations(q->g, q->node[0], q->rels, q->dir, &edges, &j.n,
				&err) != ENT_OK)
		rc = cli_report(&err);
	else {
		j.items = edges;
		if (cli_write_output(q->o->output, write_relations, &j, &err) != ENT_OK)
			rc = cli_report(&err);
	}
	free(edges);
	return rc;
}

/* ---- path ------------------------------------------------------------- */

typedef struct path_job {
	const query_ctx *q;
	const ent_graph_path *paths;
	size_t n;
} path_job;

static void json_hop(FILE *fp, const ent_graph *g, size_t from, size_t to,
		     size_t edge)
{
	const ent_edge *e = ent_graph_edge(g, edge);

	fputs("{\"from\":", fp);
	query_json_entity(fp, g, from);
	fputs(",\"to\":", fp);
	query_json_entity(fp, g, to);
	fprintf(fp, ",\"relation\":\"%s\",\"direction\":\"%s\",\"evidence_count\":%ld,"
		    "\"hedged\":%ld,\"years\":",
		ent_rel_name(e->rel),
		ent_rel_symmetric(e->rel) ? "both" : e->from == from ? "forward" : "backward",
		e->weight, e->hedged);
	query_put_years(fp, g, &edge, 1, 1);
	fputs(",\"evidence\":", fp);
	query_json_evidence(fp, e);
	fputc('}', fp);
}

/* "A --[rel]--> B", "A <--[rel]-- B" or "A --[rel]-- B", then evidence. */
static void text_hop(FILE *fp, const ent_graph *g, size_t from, size_t to,
		     size_t edge)
{
	const ent_edge *e = ent_graph_edge(g, edge);
	int sym = ent_rel_symmetric(e->rel), fwd = e->from == from;

	fputs("    ", fp);
	cli_put_text(fp, ent_graph_node(g, from)->name);
	fprintf(fp, " %s[%s]%s ", !sym && !fwd ? "<--" : "--", ent_rel_name(e->rel),
		!sym && fwd ? "-->" : "--");
	cli_put_text(fp, ent_graph_node(g, to)->name);
	query_text_count(fp, e);
	query_put_years(fp, g, &edge, 1, 0);
	fputc('\n', fp);
	query_text_evidence(fp, "        ", e);
}

static void json_paths(FILE *fp, const path_job *j)
{
	const query_ctx *q = j->q;

	fputs("{\"from\":", fp);
	query_json_entity(fp, q->g, q->node[0]);
	fputs(",\"to\":", fp);
	query_json_entity(fp, q->g, q->node[1]);
	if (j->n)
		fprintf(fp, ",\"hops\":%zu,\"paths\":[", j->paths[0].len);
	else
		fputs(",\"hops\":null,\"paths\":[", fp);
	for (size_t i = 0; i < j->n; i++) {
		const ent_graph_path *p = &j->paths[i];
		fputs(i ? ",\n  [" : "\n  [", fp);
		for (size_t k = 0; k < p->len; k++) {
			fputs(k ? ",\n   " : "\n   ", fp);
			json_hop(fp, q->g, p->nodes[k], p->nodes[k + 1], p->edges[k]);
		}
		fputs("]", fp);
	}
	fputs(j->n ? "\n]}\n" : "]}\n", fp);
}

static ent_status write_paths(FILE *fp, const void *ctx, ent_error *err)
{
	const path_job *j = ctx;
	const query_ctx *q = j->q;
	const char *a = ent_graph_node(q->g, q->node[0])->name;
	const char *b = ent_graph_node(q->g, q->node[1])->name;

	(void)err;
	if (q->json) {
		json_paths(fp, j);
		return ENT_OK;
	}
	if (j->n == 0) {
		fputs("No path between ", fp);
		cli_put_text(fp, a);
		fputs(" and ", fp);
		cli_put_text(fp, b);
		fputs(" in this graph.\n", fp);
		return ENT_OK;
	}
	if (j->paths[0].len == 0) {
		cli_put_text(fp, a);
		fputs(" and ", fp);
		cli_put_text(fp, b);
		fputs(" are the same entity.\n", fp);
		return ENT_OK;
	}
	fputs("Shortest path", fp);
	fputs(j->n == 1 ? " from " : "s from ", fp);
	cli_put_text(fp, a);
	fputs(" to ", fp);
	cli_put_text(fp, b);
	fprintf(fp, ": %zu hop%s", j->paths[0].len, j->paths[0].len == 1 ? "" : "s");
	if (j->n == MAX_PATHS)
		fprintf(fp, " (the first %d)", MAX_PATHS);
	fputs("\n", fp);
	for (size_t i = 0; i < j->n; i++) {
		const ent_graph_path *p = &j->paths[i];
		fprintf(fp, "  path %zu:\n", i + 1);
		for (size_t k = 0; k < p->len; k++)
			text_hop(fp, q->g, p->nodes[k], p->nodes[k + 1], p->edges[k]);
	}
	return ENT_OK;
}

int query_answer_path(query_ctx *q)
{
	path_job j = { q, NULL, 0 };
	ent_graph_path *paths = NULL;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (ent_graph_paths(q->g, q->node[0], q->node[1], MAX_PATHS, &paths, &j.n,
			    &err) != ENT_OK)
		rc = cli_report(&err);
	else {
		j.paths = paths;
		if (cli_write_output(q->o->output, write_paths, &j, &err) != ENT_OK)
			rc = cli_report(&err);
	}
	ent_graph_paths_release(paths, j.n);
	return rc;
}

/* ---- common ----------------------------------------------------------- */

typedef struct common_job {
	const query_ctx *q;
	const size_t *nodes; /* sorted by type, then name */
	size_t n;
	unsigned *rels[2];   /* per node: relations from node[0] / node[1] */
} common_job;

/* The relation kinds between `me` and each node, as bit sets. */
static ent_status link_kinds(const ent_graph *g, size_t me, unsigned *out,
			     ent_error *err)
{
	size_t *edges, n;

	if (ent_graph_relations(g, me, 0, ENT_DIR_BOTH, &edges, &n, err) != ENT_OK)
		return ENT_ERR_FAIL;
	for (size_t i = 0; i < n; i++) {
		const ent_edge *e = ent_graph_edge(g, edges[i]);
		out[e->from == me ? e->to : e->from] |= 1u << e->rel;
	}
	free(edges);
	return ENT_OK;
}

static void json_common(FILE *fp, const common_job *j)
{
	const query_ctx *q = j->q;

	fputs("{\"a\":", fp);
	query_json_entity(fp, q->g, q->node[0]);
	fputs(",\"b\":", fp);
	query_json_entity(fp, q->g, q->node[1]);
	fputs(",\"common\":[", fp);
	for (size_t i = 0; i < j->n; i++) {
		size_t x = j->nodes[i];
		ent_type t = ent_graph_node(q->g, x)->type;
		if (i == 0 || ent_graph_node(q->g, j->nodes[i - 1])->type != t)
			fprintf(fp, "%s\n  {\"type\":\"%s\",\"entities\":[",
				i ? "]}," : "", ent_type_name(t));
		else
			fputc(',', fp);
		fputs("\n    {\"entity\":", fp);
		query_json_entity(fp, q->g, x);
		fputs(",\"a_relations\":[", fp);
		query_rel_names(fp, j->rels[0][x], 1);
		fputs("],\"b_relations\":[", fp);
		query_rel_names(fp, j->rels[1][x], 1);
		fputs("]}", fp);
	}
	fputs(j->n ? "]}\n]}\n" : "]}\n", fp);
}

static ent_status write_common(FILE *fp, const void *ctx, ent_error *err)
{
	const common_job *j = ctx;
	const query_ctx *q = j->q;
	const char *a = ent_graph_node(q->g, q->node[0])->name;
	const char *b = ent_graph_node(q->g, q->node[1])->name;

	(void)err;
	if (q->json) {
		json_common(fp, j);
		return ENT_OK;
	}
	cli_put_text(fp, a);
	fputs(" and ", fp);
	cli_put_text(fp, b);
	if (j->n == 0) {
		fputs(" are linked to no common entity in this graph.\n", fp);
		return ENT_OK;
	}
	fprintf(fp, " are both linked to %zu entit%s:\n", j->n, j->n == 1 ? "y" : "ies");
	for (size_t i = 0, k; i < j->n; i = k) {
		ent_type t = ent_graph_node(q->g, j->nodes[i])->type;
		for (k = i; k < j->n && ent_graph_node(q->g, j->nodes[k])->type == t; k++)
			;
		fprintf(fp, "  %s (%zu):\n", ent_type_name(t), k - i);
		for (size_t m = i; m < k; m++) {
			size_t x = j->nodes[m];
			fputs("    ", fp);
			cli_put_text(fp, ent_graph_node(q->g, x)->name);
			fputs(": ", fp);
			query_rel_names(fp, j->rels[0][x], 0);
			fputs(" / ", fp);
			query_rel_names(fp, j->rels[1][x], 0);
			fputc('\n', fp);
		}
	}
	return ENT_OK;
}

int query_answer_common(query_ctx *q)
{
	size_t n_nodes = ent_graph_node_count(q->g), *nodes = NULL;
	common_job j = { q, NULL, 0, { NULL, NULL } };
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	j.rels[0] = ent_xcalloc(n_nodes + 1, sizeof(unsigned));
	j.rels[1] = ent_xcalloc(n_nodes + 1, sizeof(unsigned));
	if (ent_graph_common(q->g, q->node[0], q->node[1], &nodes, &j.n, &err) != ENT_OK ||
	    link_kinds(q->g, q->node[0], j.rels[0], &err) != ENT_OK ||
	    link_kinds(q->g, q->node[1], j.rels[1], &err) != ENT_OK)
		rc = cli_report(&err);
	else {
		j.nodes = nodes;
		if (cli_write_output(q->o->output, write_common, &j, &err) != ENT_OK)
			rc = cli_report(&err);
	}
	free(nodes);
	free(j.rels[0]);
	free(j.rels[1]);
	return rc;
}

/* ---- ego -------------------------------------------------------------- */

typedef struct ego_job {
	const query_ctx *q;
	const ent_graph *ego;
	size_t depth;
} ego_job;

static void json_ego(FILE *fp, const ego_job *j)
{
	const ent_graph *e = j->ego;
	size_t n = ent_graph_node_count(e), m = ent_graph_edge_count(e);

	fputs("{\"center\":", fp);
	query_json_entity(fp, j->q->g, j->q->node[0]);
	fprintf(fp, ",\"depth\":%zu,\"entities\":[", j->depth);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n  " : "\n  ", fp);
		query_json_entity(fp, e, i);
	}
	fputs(n ? "\n],\"relations\":[" : "],\"relations\":[", fp);
	for (size_t i = 0; i < m; i++) {
		const ent_edge *ed = ent_graph_edge(e, i);
		fputs(i ? ",\n  {\"subject\":" : "\n  {\"subject\":", fp);
		cli_json_string(fp, ent_graph_node(e, ed->from)->name);
		fprintf(fp, ",\"relation\":\"%s\",\"object\":", ent_rel_name(ed->rel));
		cli_json_string(fp, ent_graph_node(e, ed->to)->name);
		fprintf(fp, ",\"evidence_count\":%ld,\"hedged\":%ld,\"years\":",
			ed->weight, ed->hedged);
		query_put_years(fp, e, &i, 1, 1);
		fputs(",\"evidence\":", fp);
		query_json_evidence(fp, ed);
		fputc('}', fp);
	}
	fputs(m ? "\n]}\n" : "]}\n", fp);
}

static ent_status write_ego(FILE *fp, const void *ctx, ent_error *err)
{
	const ego_job *j = ctx;
	const ent_graph *e = j->ego;
	size_t n = ent_graph_node_count(e), m = ent_graph_edge_count(e);

	(void)err;
	if (j->q->json) {
		json_ego(fp, j);
		return ENT_OK;
	}
	fputs("Neighbourhood of ", fp);
	cli_put_text(fp, ent_graph_node(j->q->g, j->q->node[0])->name);
	fprintf(fp, " within %zu hop%s: %zu entit%s, %zu relation%s\n", j->depth,
		j->depth == 1 ? "" : "s", n, n == 1 ? "y" : "ies", m, m == 1 ? "" : "s");
	if (m == 0)
		fputs("It has no relations in this graph.\n", fp);
	fputs("entities:\n", fp);
	for (size_t i = 0; i < n; i++) {
		fputs("  ", fp);
		query_text_entity(fp, e, i);
		fputc('\n', fp);
	}
	if (m)
		fputs("relations:\n", fp);
	for (size_t i = 0; i < m; i++) {
		const ent_edge *ed = ent_graph_edge(e, i);
		fputs("  ", fp);
		cli_put_text(fp, ent_graph_node(e, ed->from)->name);
		fprintf(fp, " %s ", ent_rel_name(ed->rel));
		cli_put_text(fp, ent_graph_node(e, ed->to)->name);
		query_text_count(fp, ed);
		query_put_years(fp, e, &i, 1, 0);
		fputc('\n', fp);
	}
	return ENT_OK;
}

int query_answer_ego(query_ctx *q)
{
	ego_job j = { q, NULL, q->view->depth ? q->view->depth : 1 };
	ent_graph *ego;
	ent_error err;
	ent_view v;
	int rc = 0;

	ent_error_clear(&err);
	ent_view_init(&v);
	v.focus = q->names[0]; /* found as node[0] in this very graph */
	v.depth = j.depth;
	ego = ent_graph_view(q->g, &v, &err);
	if (!ego)
		return cli_report(&err);
	j.ego = ego;
	if (query_is_graphml_name(q->o->output))
		rc = ent_graph_write_graphml(ego, q->o->output, &err) != ENT_OK
			     ? cli_report(&err) : 0;
	else if (cli_write_output(q->o->output, write_ego, &j, &err) != ENT_OK)
		rc = cli_report(&err);
	ent_graph_free(ego);
	return rc;
}
