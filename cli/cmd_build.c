/*
 * `entente build`: documents in, the knowledge graph out as GraphML, with
 * a one-line summary of what went into it.
 */
#include <stdio.h>

#include "cli.h"

static const char usage[] =
	"usage: entente build [options] FILE|DIR|-... -o GRAPH.graphml\n"
	"\n"
	"Extract the documents and write their knowledge graph as GraphML, to\n"
	"be read by 'entente report', 'query' and 'render'. Without -o the\n"
	"graph goes to standard output.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE   write the graph to FILE\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	"  -q, --quiet         no progress, no summary\n"
	"  -h, --help          show this help\n";

static int run(char **operands, size_t n, const cli_opts *o)
{
	const char *path = o->output ? o->output : "-";
	const ent_corpus *corpus;
	ent_extractor *ex;
	ent_graph *g;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (cli_extract(operands, n, o, &ex, &err) != ENT_OK)
		return cli_report(&err);
	corpus = ent_extractor_corpus(ex);
	g = ent_graph_from_corpus(corpus, &err);
	if (!g) {
		if (err.code == ENT_OK)
			ent_error_set(&err, ENT_ERR_FAIL, "", 0, "cannot build the graph");
		rc = cli_report(&err);
	} else if (ent_graph_write_graphml(g, path, &err) != ENT_OK) {
		rc = cli_report(&err);
	} else if (!o->quiet) {
		fprintf(stderr,
			"entente: %zu document%s, %zu entit%s, %zu relation%s \xe2\x86\x92 %s\n",
			corpus->n_documents, corpus->n_documents == 1 ? "" : "s",
			corpus->n_entities, corpus->n_entities == 1 ? "y" : "ies",
			corpus->n_relations, corpus->n_relations == 1 ? "" : "s",
			path[0] == '-' && !path[1] ? "standard output" : path);
	}
	ent_graph_free(g);
	ent_extractor_free(ex);
	return rc;
}

int cmd_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:", longopts, NULL)) != -1)
		rc = cli_common_option(c, argv, &o, "build", usage);
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("build", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o);
	}
	cli_opts_release(&o);
	return rc;
}
