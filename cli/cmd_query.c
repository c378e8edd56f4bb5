/*
 * `entente query GRAPH QUERY ...`: questions about entities of the graph,
 * each answered as text or (--json) as JSON:
 *
 *   partners NAME    who NAME cooperates with, how, how often, when
 *   relations NAME   every relation touching NAME (--relation, --direction)
 *   path A B         the shortest chains of relations from A to B
 *   common A B       what A and B are both linked to, by type
 *   ego NAME         NAME's neighbourhood (--depth); GraphML with -o *.graphml
 *
 * The graph source may be several operands, so the query is read from the
 * end: the last two operands are `WORD NAME` for the one-name queries, the
 * last three `WORD A B` for path and common (the one-name reading wins when
 * both fit). The view options narrow the graph before the question.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

static const char usage[] =
	"usage: entente query [options] GRAPH.graphml | FILE|DIR|-... QUERY\n"
	"\n"
	"Answer a question about the graph. QUERY is one of:\n"
	"  partners NAME       the cooperation partners of NAME: for each its type,\n"
	"                      the relations linking them, the number of evidence\n"
	"                      sentences, the years and the first evidence; most\n"
	"                      evidence first\n"
	"  relations NAME      every relation touching NAME: its kind, direction\n"
	"                      (-> NAME is the subject, <- the object, -- either),\n"
	"                      the other entity, evidence count, years and first\n"
	"                      evidence; e.g. who signed an agreement:\n"
	"                      relations AGREEMENT --relation signed --direction in\n"
	"  path A B            up to 3 shortest paths from A to B, ignoring\n"
	"                      direction, each hop with its relation and evidence\n"
	"  common A B          the entities both A and B are linked to, by type\n"
	"  ego NAME            the entities and relations within --depth hops of\n"
	"                      NAME; with -o FILE.graphml, written as GraphML\n"
	"Names are matched by name, alias or key, ignoring case, punctuation and\n"
	"a leading 'the'.\n"
	"\n"
	"options:\n"
	"  --json              print JSON instead of text\n"
	"  --evidence WHICH    partners: first (default), one sentence per partner;\n"
	"                      all, the evidence of every linking relation (the\n"
	"                      graph keeps the first K of each, see 'entente\n"
	"                      build --evidence', and counts the rest)\n"
	"  --relation LIST     relations: only these kinds (comma-separated)\n"
	"  --direction DIR     relations: in, out or both (default)\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	CLI_JOBS_HELP
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n"
	"\n" CLI_VIEW_HELP;

enum { OPT_JSON = CLI_OPT_FIRST_PRIVATE, OPT_EVIDENCE, OPT_RELATION, OPT_DIRECTION };

#define MAX_SUGGESTIONS 3
#define MAX_PATHS 3

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

typedef struct query_kind {
	const char *word;
	size_t n_names;
	int (*answer)(query_ctx *q);
} query_kind;

/* ---- shared output pieces --------------------------------------------- */

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The distinct years of the edges, sorted; malloc'ed. */
static long *edge_years(const ent_graph *g, const size_t *edges, size_t n,
			size_t *n_years)
{
	long *years = NULL;
	size_t cap = 0, len = 0, out = 0;

	for (size_t i = 0; i < n; i++) {
		const char *s = ent_graph_edge(g, edges[i])->years;
		while (s && *s) {
			char *end;
			long y = strtol(s, &end, 10);
			if (end == s) {
				s++; /* skip a separator or stray byte */
				continue;
			}
			ENT_GROW(years, cap, len + 1);
			years[len++] = y;
			s = end;
		}
	}
	if (len)
		qsort(years, len, sizeof(*years), cmp_long);
	for (size_t i = 0; i < len; i++)
		if (out == 0 || years[out - 1] != years[i])
			years[out++] = years[i];
	*n_years = out;
	return years;
}

/* "; year 2020" / "; years 2019, 2020" (text) or "[2019,2020]" (JSON). */
static void put_years(FILE *fp, const ent_graph *g, const size_t *edges,
		      size_t n, int json)
{
	size_t n_years;
	long *years = edge_years(g, edges, n, &n_years);

	if (json)
		fputc('[', fp);
	for (size_t i = 0; i < n_years; i++) {
		if (json)
			fprintf(fp, "%s%ld", i ? "," : "", years[i]);
		else
			fprintf(fp, "%s%ld", i ? ", " : n_years == 1 ? "; year " : "; years ",
				years[i]);
	}
	if (json)
		fputc(']', fp);
	free(years);
}

static void json_entity(FILE *fp, const ent_graph *g, size_t i)
{
	const ent_node *n = ent_graph_node(g, i);

	fputs("{\"name\":", fp);
	cli_json_string(fp, n->name);
	fprintf(fp, ",\"type\":\"%s\",\"key\":", ent_type_name(n->type));
	cli_json_string(fp, n->key);
	fputc('}', fp);
}

/* "Name (type)" */
static void text_entity(FILE *fp, const ent_graph *g, size_t i)
{
	const ent_node *n = ent_graph_node(g, i);

	cli_put_text(fp, n->name);
	fprintf(fp, " (%s)", ent_type_name(n->type));
}

/* The next record kept beyond the first (build --evidence K) at *p, in
 * e->more's "doc TAB line TAB rule TAB sentence" lines: a copy split into
 * f[0..3] (free it), or NULL at the end. A malformed line is skipped. */
static char *more_next(const char **p, char *f[4])
{
	while (*p && **p) {
		const char *nl = strchr(*p, '\n');
		size_t len = nl ? (size_t)(nl - *p) : strlen(*p);
		char *rec = ent_xstrndup(*p, len);
		*p += len + (nl ? 1 : 0);
		f[0] = rec;
		f[1] = f[2] = f[3] = NULL;
		for (int k = 1; k < 4 && f[k - 1]; k++) {
			char *tab = strchr(f[k - 1], '\t');
			if (tab) {
				*tab = '\0';
				f[k] = tab + 1;
			}
		}
		if (f[3])
			return rec;
		free(rec);
	}
	return NULL;
}

/* `,"more":[{"doc":..,"line":..,"rule":..,"sentence":..},...]`: the
 * records the graph kept beyond the first, when it kept any. */
static void json_more(FILE *fp, const ent_edge *e)
{
	const char *p = e->more;
	char *rec, *f[4];
	int n = 0;

	while ((rec = more_next(&p, f)) != NULL) {
		fputs(n++ ? ",{\"doc\":" : ",\"more\":[{\"doc\":", fp);
		cli_json_string(fp, f[0]);
		fprintf(fp, ",\"line\":%ld,\"rule\":", strtol(f[1], NULL, 10));
		cli_json_string(fp, f[2]);
		fputs(",\"sentence\":", fp);
		cli_json_string(fp, f[3]);
		fputc('}', fp);
		free(rec);
	}
	if (n)
		fputc(']', fp);
}

/* `{"doc":..,"line":..,"sentence":..}`, and "more" (json_more). */
static void json_evidence(FILE *fp, const ent_edge *e)
{
	fputs("{\"doc\":", fp);
	cli_json_string(fp, e->doc);
	fprintf(fp, ",\"line\":%ld,\"sentence\":", e->line);
	cli_json_string(fp, e->evidence);
	json_more(fp, e);
	fputc('}', fp);
}

/* "doc:line: sentence\n" after `indent`, for the first evidence and each
 * further one the graph kept (build --evidence K). */
static void text_evidence(FILE *fp, const char *indent, const ent_edge *e)
{
	const char *p = e->more;
	char *rec, *f[4];

	fputs(indent, fp);
	cli_put_text(fp, e->doc);
	if (e->line > 0)
		fprintf(fp, ":%ld", e->line);
	fputs(": ", fp);
	cli_put_text(fp, e->evidence);
	fputc('\n', fp);
	while ((rec = more_next(&p, f)) != NULL) {
		/* under the first: the caller's indent, or that of the
		 * "    [relation] " line the first one ends */
		fputs(*indent ? indent : "      ", fp);
		fputs("  ", fp);
		cli_put_text(fp, f[0]);
		fprintf(fp, ":%s: ", f[1]);
		cli_put_text(fp, f[3]);
		fputc('\n', fp);
		free(rec);
	}
}

/* "; 3 sentences (1 hedged)" */
static void text_count(FILE *fp, const ent_edge *e)
{
	fprintf(fp, "; %ld sentence%s", e->weight, e->weight == 1 ? "" : "s");
	if (e->hedged)
		fprintf(fp, " (%ld hedged)", e->hedged);
}

/* The direction of edge e seen from node i. */
static const char *direction_name(const ent_edge *e, size_t i)
{
	if (ent_rel_symmetric(e->rel))
		return "both";
	return e->from == i ? "out" : "in";
}

static const char *direction_arrow(const ent_edge *e, size_t i)
{
	if (ent_rel_symmetric(e->rel))
		return "--";
	return e->from == i ? "->" : "<-";
}

static void rel_names(FILE *fp, unsigned rels, int json)
{
	const char *sep = "";

	for (int r = 0; r < ENT_REL_COUNT; r++) {
		if (!(rels & (1u << r)))
			continue;
		fprintf(fp, json ? "%s\"%s\"" : "%s%s", sep, ent_rel_name((ent_rel)r));
		sep = json ? "," : ", ";
	}
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

	text_entity(fp, g, p->node);
	fputs(": ", fp);
	rel_names(fp, p->rels, 0);
	fprintf(fp, "; %ld sentence%s", p->evidence, p->evidence == 1 ? "" : "s");
	put_years(fp, g, edges, n_edges, 0);
	fputc('\n', fp);
	for (size_t i = 0; i < (j->q->all_evidence ? n_edges : 1); i++) {
		const ent_edge *e = ent_graph_edge(g, edges[i]);
		fprintf(fp, "    [%s] ", ent_rel_name(e->rel));
		text_evidence(fp, "", e);
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
	rel_names(fp, p->rels, 1);
	fprintf(fp, "],\"evidence_count\":%ld,\"years\":", p->evidence);
	put_years(fp, g, edges, n_edges, 1);
	fputs(",\"evidence\":[", fp);
	for (size_t i = 0; i < (j->q->all_evidence ? n_edges : 1); i++) {
		const ent_edge *e = ent_graph_edge(g, edges[i]);
		fprintf(fp, "%s{\"relation\":\"%s\",\"count\":%ld,\"doc\":",
			i ? "," : "", ent_rel_name(e->rel), e->weight);
		cli_json_string(fp, e->doc);
		fprintf(fp, ",\"line\":%ld,\"sentence\":", e->line);
		cli_json_string(fp, e->evidence);
		json_more(fp, e);
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

static int answer_partners(query_ctx *q)
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
		ent_rel_name(e->rel), direction_name(e, me));
	json_entity(fp, q->g, other);
	fprintf(fp, ",\"evidence_count\":%ld,\"hedged\":%ld,\"years\":", e->weight,
		e->hedged);
	put_years(fp, q->g, &edge, 1, 1);
	fputs(",\"evidence\":", fp);
	json_evidence(fp, e);
	fputc('}', fp);
}

static void text_relation(FILE *fp, const query_ctx *q, size_t edge)
{
	const ent_edge *e = ent_graph_edge(q->g, edge);
	size_t me = q->node[0], other = e->from == me ? e->to : e->from;

	fprintf(fp, "  %s %-16s ", direction_arrow(e, me), ent_rel_name(e->rel));
	text_entity(fp, q->g, other);
	text_count(fp, e);
	put_years(fp, q->g, &edge, 1, 0);
	fputc('\n', fp);
	text_evidence(fp, "      ", e);
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

static int answer_relations(query_ctx *q)
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
	json_entity(fp, g, from);
	fputs(",\"to\":", fp);
	json_entity(fp, g, to);
	fprintf(fp, ",\"relation\":\"%s\",\"direction\":\"%s\",\"evidence_count\":%ld,"
		    "\"hedged\":%ld,\"years\":",
		ent_rel_name(e->rel),
		ent_rel_symmetric(e->rel) ? "both" : e->from == from ? "forward" : "backward",
		e->weight, e->hedged);
	put_years(fp, g, &edge, 1, 1);
	fputs(",\"evidence\":", fp);
	json_evidence(fp, e);
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
	text_count(fp, e);
	put_years(fp, g, &edge, 1, 0);
	fputc('\n', fp);
	text_evidence(fp, "        ", e);
}

static void json_paths(FILE *fp, const path_job *j)
{
	const query_ctx *q = j->q;

	fputs("{\"from\":", fp);
	json_entity(fp, q->g, q->node[0]);
	fputs(",\"to\":", fp);
	json_entity(fp, q->g, q->node[1]);
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

static int answer_path(query_ctx *q)
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
	json_entity(fp, q->g, q->node[0]);
	fputs(",\"b\":", fp);
	json_entity(fp, q->g, q->node[1]);
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
		json_entity(fp, q->g, x);
		fputs(",\"a_relations\":[", fp);
		rel_names(fp, j->rels[0][x], 1);
		fputs("],\"b_relations\":[", fp);
		rel_names(fp, j->rels[1][x], 1);
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
			rel_names(fp, j->rels[0][x], 0);
			fputs(" / ", fp);
			rel_names(fp, j->rels[1][x], 0);
			fputc('\n', fp);
		}
	}
	return ENT_OK;
}

static int answer_common(query_ctx *q)
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
	json_entity(fp, j->q->g, j->q->node[0]);
	fprintf(fp, ",\"depth\":%zu,\"entities\":[", j->depth);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n  " : "\n  ", fp);
		json_entity(fp, e, i);
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
		put_years(fp, e, &i, 1, 1);
		fputs(",\"evidence\":", fp);
		json_evidence(fp, ed);
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
		text_entity(fp, e, i);
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
		text_count(fp, ed);
		put_years(fp, e, &i, 1, 0);
		fputc('\n', fp);
	}
	return ENT_OK;
}

static int is_graphml_name(const char *path)
{
	static const char suffix[] = ".graphml";
	size_t n = path ? strlen(path) : 0, m = sizeof(suffix) - 1;

	return n > m && !ent_strcasecmp(path + n - m, suffix);
}

static int answer_ego(query_ctx *q)
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
	if (is_graphml_name(q->o->output))
		rc = ent_graph_write_graphml(ego, q->o->output, &err) != ENT_OK
			     ? cli_report(&err) : 0;
	else if (cli_write_output(q->o->output, write_ego, &j, &err) != ENT_OK)
		rc = cli_report(&err);
	ent_graph_free(ego);
	return rc;
}

/* ---- names and operands ----------------------------------------------- */

static const query_kind kinds[] = {
	{ "partners", 1, answer_partners },
	{ "relations", 1, answer_relations },
	{ "ego", 1, answer_ego },
	{ "path", 2, answer_path },
	{ "common", 2, answer_common },
};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))

static const query_kind *kind_named(const char *word, size_t n_names)
{
	for (size_t i = 0; i < N_KINDS; i++)
		if (!strcmp(kinds[i].word, word) &&
		    (n_names == 0 || kinds[i].n_names == n_names))
			return &kinds[i];
	return NULL;
}

/* `entente: no entity named 'X'; did you mean: A, B, C?`, or, when the
 * graph has it but the view left it out, says so. */
static int unknown_name(const query_ctx *q, const char *name)
{
	size_t best[MAX_SUGGESTIONS];
	size_t n = ent_graph_suggest(q->g, name, best, MAX_SUGGESTIONS);
	long full = q->full != q->g ? ent_graph_find(q->full, name) : -1;

	fputs("entente: ", stderr);
	if (full >= 0) {
		fputc('\'', stderr);
		cli_put_text(stderr, ent_graph_node(q->full, (size_t)full)->name);
		fputs("' is not in the view: the view options leave it out\n", stderr);
		return ENT_ERR_FAIL;
	}
	fputs("no entity named '", stderr);
	cli_put_text(stderr, name);
	fputc('\'', stderr);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "; did you mean: ", stderr);
		cli_put_text(stderr, ent_graph_node(q->g, best[i])->name);
	}
	fputs(n ? "?\n" : "\n", stderr);
	return ENT_ERR_FAIL;
}

/* Where the query starts in the operands, or NULL after a usage error
 * (*rc set). */
static const query_kind *find_query(char **ops, size_t n, size_t *at, int *rc)
{
	const query_kind *k;

	*rc = 0;
	for (size_t names = 1; names <= 2; names++)
		if (n >= names + 2 && (k = kind_named(ops[n - names - 1], names))) {
			*at = n - names - 1;
			for (size_t i = *at + 1; i < n; i++)
				if (!*ops[i]) {
					*rc = cli_usage_error("query", "the entity name is empty");
					return NULL;
				}
			return k;
		}
	if (n == 0)
		*rc = cli_usage_error("query", "no input given");
	else if ((k = kind_named(ops[n - 1], 0)) ||
		 (n >= 2 && (k = kind_named(ops[n - 2], 2))))
		*rc = cli_usage_error("query", "'%s' needs %s after the graph", k->word,
				      k->n_names == 1 ? "an entity name" : "two entity names");
	else if (n < 3)
		*rc = cli_usage_error("query", "expected GRAPH QUERY NAME, e.g. GRAPH partners NAME");
	else
		*rc = cli_usage_error("query",
				      "unknown query '%s'; use partners, relations, ego, path or common",
				      ops[n - 2]);
	return NULL;
}

static int run(char **operands, size_t n, const cli_opts *o, query_ctx *q)
{
	const query_kind *k;
	ent_graph *g, *view;
	ent_error err;
	size_t at;
	int rc;

	if (!(k = find_query(operands, n, &at, &rc)))
		return rc;
	if ((q->rels || q->dir != ENT_DIR_BOTH) && k->answer != answer_relations)
		return cli_usage_error("query", "--relation and --direction apply to 'relations' only");
	if (is_graphml_name(o->output) && k->answer != answer_ego)
		return cli_usage_error("query", "only 'ego' writes GraphML; name the output otherwise");
	ent_error_clear(&err);
	if (cli_load_graph(operands, at, o, &g, &err) != ENT_OK)
		return cli_report(&err);
	if (!(view = cli_apply_view(g, q->view, &err))) {
		rc = cli_report(&err);
		ent_graph_free(g);
		return rc;
	}
	q->g = view;
	q->full = g;
	q->o = o;
	rc = 0;
	for (size_t i = 0; i < k->n_names && rc == 0; i++) {
		long found;
		q->names[i] = operands[at + 1 + i];
		found = ent_graph_find(view, q->names[i]);
		if (found < 0)
			rc = unknown_name(q, q->names[i]);
		else
			q->node[i] = (size_t)found;
	}
	if (rc == 0)
		rc = k->answer(q);
	if (view != g)
		ent_graph_free(view);
	ent_graph_free(g);
	return rc;
}

static int query_option(int c, query_ctx *q)
{
	if (c == OPT_JSON)
		q->json = 1;
	else if (c == OPT_EVIDENCE && (!strcmp(optarg, "first") || !strcmp(optarg, "all")))
		q->all_evidence = !strcmp(optarg, "all");
	else if (c == OPT_EVIDENCE)
		return cli_usage_error("query", "unknown --evidence '%s'; use first or all",
				       optarg);
	else if (c == OPT_DIRECTION && !strcmp(optarg, "in"))
		q->dir = ENT_DIR_IN;
	else if (c == OPT_DIRECTION && !strcmp(optarg, "out"))
		q->dir = ENT_DIR_OUT;
	else if (c == OPT_DIRECTION && !strcmp(optarg, "both"))
		q->dir = ENT_DIR_BOTH;
	else if (c == OPT_DIRECTION)
		return cli_usage_error("query", "unknown --direction '%s'; use in, out or both",
				       optarg);
	else
		return cli_parse_relations(optarg, "--relation", &q->rels, "query");
	return CLI_CONTINUE;
}

int cmd_query(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "relation", required_argument, NULL, OPT_RELATION },
		{ "direction", required_argument, NULL, OPT_DIRECTION },
		CLI_VIEW_LONGOPTS,
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	query_ctx q;
	ent_view view;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	memset(&q, 0, sizeof(q));
	q.dir = ENT_DIR_BOTH;
	q.view = &view;
	ent_view_init(&view);
	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:", longopts, NULL)) != -1) {
		if (c == OPT_JSON || c == OPT_EVIDENCE || c == OPT_RELATION ||
		    c == OPT_DIRECTION)
			rc = query_option(c, &q);
		else if (CLI_IS_VIEW_OPTION(c))
			rc = cli_view_option(c, optarg, &view, "query");
		else
			rc = cli_common_option(c, argv, &o, "query", usage);
	}
	if (rc == CLI_CONTINUE)
		rc = run(argv + optind, (size_t)(argc - optind), &o, &q);
	cli_opts_release(&o);
	return rc;
}
