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
 *
 * This file reads the options and operands and finds the names; the
 * questions are answered in query_answer.c, with the output pieces of
 * query_out.c (query.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
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

typedef struct query_kind {
	const char *word;
	size_t n_names;
	int (*answer)(query_ctx *q);
} query_kind;

/* ---- names and operands ----------------------------------------------- */

static const query_kind kinds[] = {
	{ "partners", 1, query_answer_partners },
	{ "relations", 1, query_answer_relations },
	{ "ego", 1, query_answer_ego },
	{ "path", 2, query_answer_path },
	{ "common", 2, query_answer_common },
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
	if ((q->rels || q->dir != ENT_DIR_BOTH) && k->answer != query_answer_relations)
		return cli_usage_error("query", "--relation and --direction apply to 'relations' only");
	if (query_is_graphml_name(o->output) && k->answer != query_answer_ego)
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
