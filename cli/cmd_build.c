/*
 * `entente build`: documents in, the knowledge graph out as GraphML, with
 * a one-line summary of what went into it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: entente build [options] FILE|DIR|-... -o GRAPH.graphml\n"
	"       entente build --merge [options] SHARD.jsonl... -o GRAPH.graphml\n"
	"\n"
	"Extract the documents and write their knowledge graph as GraphML, to\n"
	"be read by 'entente report', 'query' and 'render'. Without -o the\n"
	"graph goes to standard output. Documents are read one at a time, so\n"
	"memory follows the size of the graph, not of the corpus.\n"
	"\n"
	"With --merge the operands are the JSON Lines of 'entente extract'\n"
	"(shards extracted anywhere, in any split and order; '-' reads standard\n"
	"input): the graph is the one a single build of all their documents\n"
	"gives, byte for byte.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE   write the graph to FILE\n"
	"  --merge             merge extraction shards instead of documents\n"
	"  --evidence K        keep the first K evidence sentences of each edge\n"
	"                      (default 1)\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	CLI_JOBS_HELP
	CLI_LIMITS_HELP
	"  -q, --quiet         no progress, no summary\n"
	"  -h, --help          show this help\n";

enum { OPT_MERGE = CLI_OPT_FIRST_PRIVATE, OPT_EVIDENCE };

static ent_status merge_shards(char **operands, size_t n, const cli_opts *o,
			       ent_graph_builder *b, ent_error *err)
{
	ent_status st = ENT_OK;

	for (size_t i = 0; i < n && st == ENT_OK; i++) {
		if (o->output && strcmp(operands[i], "-") && !strcmp(o->output, operands[i]))
			return ent_error_set(err, ENT_ERR_USAGE, o->output, 0,
					     "output file is also an input");
		st = ent_graph_builder_read_jsonl(b, operands[i], err);
	}
	return st;
}

static int run(char **operands, size_t n, const cli_opts *o, int merge, size_t evidence)
{
	const char *path = o->output ? o->output : "-";
	ent_graph_builder *b = ent_graph_builder_new(evidence);
	ent_graph *g = NULL;
	ent_error err;
	ent_status st;
	int rc = 0;

	ent_error_clear(&err);
	st = merge ? merge_shards(operands, n, o, b, &err) : cli_build_graph(operands, n, o, b, &err);
	if (st == ENT_OK)
		g = ent_graph_builder_take(b, &err);
	if (st != ENT_OK || !g) {
		if (err.code == ENT_OK)
			ent_error_set(&err, ENT_ERR_FAIL, "", 0, "cannot build the graph");
		rc = cli_report(&err);
	} else if (ent_graph_write_graphml(g, path, &err) != ENT_OK) {
		rc = cli_report(&err);
	} else if (!o->quiet) {
		size_t docs = ent_graph_builder_documents(b), rels = ent_graph_builder_relations(b);
		size_t ents = ent_graph_node_count(g);
		fprintf(stderr,
			"entente: %zu document%s, %zu entit%s, %zu relation%s \xe2\x86\x92 %s\n",
			docs, docs == 1 ? "" : "s", ents, ents == 1 ? "y" : "ies",
			rels, rels == 1 ? "" : "s",
			path[0] == '-' && !path[1] ? "standard output" : path);
	}
	ent_graph_free(g);
	ent_graph_builder_free(b);
	return rc;
}

int cmd_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	cli_opts o;
	int c, rc = CLI_CONTINUE, merge = 0;
	size_t evidence = ENT_EVIDENCE_DEFAULT;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:", longopts, NULL)) != -1) {
		if (c == OPT_MERGE) {
			merge = 1;
		} else if (c == OPT_EVIDENCE) {
			char *end;
			long k = strtol(optarg, &end, 10);
			if (end == optarg || *end || k < 1 || k > 1000)
				rc = cli_usage_error("build", "option '--evidence' needs a "
						     "number from 1 to 1000, not '%s'", optarg);
			evidence = (size_t)k;
		} else {
			rc = cli_common_option(c, argv, &o, "build", usage);
		}
	}
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("build", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, merge, evidence);
	}
	cli_opts_release(&o);
	return rc;
}
