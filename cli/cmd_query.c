/*
 * `entente query GRAPH partners NAME`: who an entity cooperates with, how
 * (relation kinds), how often (evidence sentences), when (years), and the
 * sentence that says so, as text or as a JSON array.
 *
 * The graph source may be several operands, so the query itself is read
 * from the end: the last two operands are `partners NAME`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

static const char usage[] =
	"usage: entente query [options] GRAPH.graphml | FILE|DIR|-... partners NAME\n"
	"\n"
	"List the cooperation partners of the entity NAME (a name, alias or\n"
	"key, matched ignoring case, punctuation and a leading 'the'): for each\n"
	"its type, the relations linking them, the number of evidence\n"
	"sentences, the years given and the first evidence with its document\n"
	"and line. Partners are sorted by evidence, most first.\n"
	"\n"
	"options:\n"
	"  --json              print a JSON array instead of text\n"
	"  --evidence WHICH    first (default): one sentence per partner;\n"
	"                      all: the first sentence of every linking relation\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n";

enum { OPT_JSON = CLI_OPT_FIRST_PRIVATE, OPT_EVIDENCE };

#define MAX_SUGGESTIONS 3

typedef struct query_job {
	const ent_graph *g;
	size_t node;
	const ent_partner *partners;
	size_t n_partners;
	const size_t *incident; /* edges touching `node` */
	size_t n_incident;
	int json;
	int all_evidence;
} query_job;

/* The edges shown for a partner: every edge between the pair, and the
 * partner's first edge when the link is a shared action (an edge to a
 * third entity). Returns a malloc'ed array, first edge first. */
static size_t *partner_edges(const query_job *q, const ent_partner *p,
			     size_t *n)
{
	size_t *edges = NULL, cap = 0, len = 0;

	ENT_GROW(edges, cap, 1);
	edges[len++] = p->first_edge;
	for (size_t i = 0; i < q->n_incident; i++) {
		const ent_edge *e = ent_graph_edge(q->g, q->incident[i]);
		if (q->incident[i] == p->first_edge)
			continue;
		if (e->from == p->node || e->to == p->node) {
			ENT_GROW(edges, cap, len + 1);
			edges[len++] = q->incident[i];
		}
	}
	*n = len;
	return edges;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

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

static void rel_names(FILE *fp, unsigned rels, int json)
{
	const char *sep = "";

	for (int r = 0; r < ENT_REL_COUNT; r++) {
		if (!(rels & (1u << r)))
			continue;
		if (json)
			fprintf(fp, "%s\"%s\"", sep, ent_rel_name((ent_rel)r));
		else
			fprintf(fp, "%s%s", sep, ent_rel_name((ent_rel)r));
		sep = json ? "," : ", ";
	}
}

static void text_partner(FILE *fp, const query_job *q, const ent_partner *p,
			 const size_t *edges, size_t n_edges, const long *years,
			 size_t n_years)
{
	const ent_node *node = ent_graph_node(q->g, p->node);

	cli_put_text(fp, node->name);
	fprintf(fp, " (%s): ", ent_type_name(node->type));
	rel_names(fp, p->rels, 0);
	fprintf(fp, "; %ld sentence%s", p->evidence, p->evidence == 1 ? "" : "s");
	for (size_t i = 0; i < n_years; i++)
		fprintf(fp, "%s%ld", i ? ", " : n_years == 1 ? "; year " : "; years ",
			years[i]);
	fputc('\n', fp);
	for (size_t i = 0; i < (q->all_evidence ? n_edges : 1); i++) {
		const ent_edge *e = ent_graph_edge(q->g, edges[i]);
		fprintf(fp, "    [%s] ", ent_rel_name(e->rel));
		cli_put_text(fp, e->doc);
		if (e->line > 0)
			fprintf(fp, ":%ld", e->line);
		fputs(": ", fp);
		cli_put_text(fp, e->evidence);
		fputc('\n', fp);
	}
}

static void json_partner(FILE *fp, const query_job *q, const ent_partner *p,
			 const size_t *edges, size_t n_edges, const long *years,
			 size_t n_years)
{
	const ent_node *node = ent_graph_node(q->g, p->node);

	fputs("{\"name\":", fp);
	cli_json_string(fp, node->name);
	fprintf(fp, ",\"type\":\"%s\",\"key\":", ent_type_name(node->type));
	cli_json_string(fp, node->key);
	fputs(",\"relations\":[", fp);
	rel_names(fp, p->rels, 1);
	fprintf(fp, "],\"evidence_count\":%ld,\"years\":[", p->evidence);
	for (size_t i = 0; i < n_years; i++)
		fprintf(fp, "%s%ld", i ? "," : "", years[i]);
	fputs("],\"evidence\":[", fp);
	for (size_t i = 0; i < (q->all_evidence ? n_edges : 1); i++) {
		const ent_edge *e = ent_graph_edge(q->g, edges[i]);
		fprintf(fp, "%s{\"relation\":\"%s\",\"count\":%ld,\"doc\":",
			i ? "," : "", ent_rel_name(e->rel), e->weight);
		cli_json_string(fp, e->doc);
		fprintf(fp, ",\"line\":%ld,\"sentence\":", e->line);
		cli_json_string(fp, e->evidence);
		fputc('}', fp);
	}
	fputs("]}", fp);
}

static ent_status write_partners(FILE *fp, const void *ctx, ent_error *err)
{
	const query_job *q = ctx;
	const char *name = ent_graph_node(q->g, q->node)->name;

	(void)err;
	if (q->json)
		fputc('[', fp);
	else if (q->n_partners == 0) {
		cli_put_text(fp, name);
		fputs(" has no cooperation partners in this graph.\n", fp);
	} else {
		fputs("Cooperation partners of ", fp);
		cli_put_text(fp, name);
		fprintf(fp, " (%zu):\n", q->n_partners);
	}
	for (size_t i = 0; i < q->n_partners; i++) {
		const ent_partner *p = &q->partners[i];
		size_t n_edges, n_years;
		size_t *edges = partner_edges(q, p, &n_edges);
		long *years = edge_years(q->g, edges, n_edges, &n_years);

		if (q->json) {
			fputs(i ? ",\n  " : "\n  ", fp);
			json_partner(fp, q, p, edges, n_edges, years, n_years);
		} else {
			text_partner(fp, q, p, edges, n_edges, years, n_years);
		}
		free(years);
		free(edges);
	}
	if (q->json)
		fputs(q->n_partners ? "\n]\n" : "]\n", fp);
	return ENT_OK;
}

/* `entente: no entity named 'X'; did you mean: A, B, C?` */
static int unknown_name(const ent_graph *g, const char *name)
{
	size_t best[MAX_SUGGESTIONS];
	size_t n = ent_graph_suggest(g, name, best, MAX_SUGGESTIONS);

	fputs("entente: no entity named '", stderr);
	cli_put_text(stderr, name);
	fputc('\'', stderr);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "; did you mean: ", stderr);
		cli_put_text(stderr, ent_graph_node(g, best[i])->name);
	}
	fputs(n ? "?\n" : "\n", stderr);
	return ENT_ERR_FAIL;
}

static int answer(const ent_graph *g, const char *name, const cli_opts *o,
		  int json, int all_evidence)
{
	query_job q;
	ent_partner *partners = NULL;
	size_t *incident = NULL, cap = 0, n_partners = 0;
	long found = ent_graph_find(g, name);
	ent_error err;
	int rc = 0;

	if (found < 0)
		return unknown_name(g, name);
	ent_error_clear(&err);
	memset(&q, 0, sizeof(q));
	q.g = g;
	q.node = (size_t)found;
	q.json = json;
	q.all_evidence = all_evidence;
	for (size_t i = 0; i < ent_graph_edge_count(g); i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		if (e->from == q.node || e->to == q.node) {
			ENT_GROW(incident, cap, q.n_incident + 1);
			incident[q.n_incident++] = i;
		}
	}
	q.incident = incident;
	if (ent_graph_partners(g, q.node, &partners, &n_partners, &err) != ENT_OK)
		rc = cli_report(&err);
	else {
		q.partners = partners;
		q.n_partners = n_partners;
		if (cli_write_output(o->output, write_partners, &q, &err) != ENT_OK)
			rc = cli_report(&err);
	}
	free(partners);
	free(incident);
	return rc;
}

static int run(char **operands, size_t n, const cli_opts *o, int json,
	       int all_evidence)
{
	ent_graph *g;
	ent_error err;
	int rc;

	if (n < 3)
		return cli_usage_error("query", n == 0 ? "no input given"
						       : "expected GRAPH partners NAME");
	if (strcmp(operands[n - 2], "partners") != 0)
		return cli_usage_error("query", "unknown query '%s'; use 'partners NAME'",
				       operands[n - 2]);
	if (!*operands[n - 1])
		return cli_usage_error("query", "the entity name is empty");
	ent_error_clear(&err);
	if (cli_load_graph(operands, n - 2, o, &g, &err) != ENT_OK)
		return cli_report(&err);
	rc = answer(g, operands[n - 1], o, json, all_evidence);
	ent_graph_free(g);
	return rc;
}

int cmd_query(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int json = 0, all_evidence = 0;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:", longopts, NULL)) != -1) {
		if (c == OPT_JSON)
			json = 1;
		else if (c == OPT_EVIDENCE && !strcmp(optarg, "first"))
			all_evidence = 0;
		else if (c == OPT_EVIDENCE && !strcmp(optarg, "all"))
			all_evidence = 1;
		else if (c == OPT_EVIDENCE)
			rc = cli_usage_error("query",
					     "unknown --evidence '%s'; use first or all",
					     optarg);
		else
			rc = cli_common_option(c, argv, &o, "query", usage);
	}
	if (rc == CLI_CONTINUE)
		rc = run(argv + optind, (size_t)(argc - optind), &o, json,
			 all_evidence);
	cli_opts_release(&o);
	return rc;
}
