/*
 * `entente export`: the knowledge graph (read from GraphML, or built from
 * documents) in the format another tool reads: GraphML, GEXF for Gephi,
 * node-link JSON for networkx and D3, a CSV pair for Neo4j and
 * spreadsheets, RDF as N-Triples or Turtle. The view options narrow the
 * graph first, as for every command that reads one.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Declared here and in main.c's command table. */
int cmd_export(int argc, char **argv);

static const char usage[] =
	"usage: entente export [options] GRAPH.graphml|FILE|DIR|-... -f FORMAT -o OUT\n"
	"\n"
	"Write the knowledge graph in another tool's format. The input is a\n"
	"graph written by 'entente build', or documents, which are extracted\n"
	"and built in memory.\n"
	"\n"
	"formats (-f; without it, the suffix of -o decides):\n"
	"  graphml             GraphML, as 'entente build' writes it\n"
	"  gexf                GEXF 1.3, for Gephi\n"
	"  json                node-link JSON (networkx's node_link_graph, D3)\n"
	"  csv                 a folder OUT holding nodes.csv and edges.csv\n"
	"                      (RFC 4180; the shape Neo4j's LOAD CSV reads)\n"
	"  nt                  RDF N-Triples, each relation's evidence reified\n"
	"  ttl                 RDF Turtle, the same triples\n"
	"\n"
	"options:\n"
	"  -f, --format FMT    one of the formats above\n"
	"  -o, --output OUT    the file (the folder for csv) to write; '-' or\n"
	"                      none: standard output\n"
	"  --base IRI          RDF: the IRI minted names start with (default\n"
	"                      " ENT_EXPORT_DEFAULT_BASE "; must end in '/', '#' or ':')\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	CLI_JOBS_HELP
	"  -q, --quiet         no progress, no summary\n"
	"  -h, --help          show this help\n"
	"\n" CLI_VIEW_HELP;

enum { OPT_BASE = CLI_OPT_FIRST_PRIVATE };

static int run(char **operands, size_t n, const cli_opts *o, const ent_export_options *eo,
	       const ent_view *view)
{
	const char *path = o->output ? o->output : "-";
	ent_graph *g = NULL, *v = NULL;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (cli_load_graph(operands, n, o, &g, &err) != ENT_OK)
		return cli_report(&err);
	v = cli_apply_view(g, view, &err);
	if (!v)
		rc = cli_report(&err);
	else if (ent_graph_export(v, eo, path, &err) != ENT_OK)
		rc = cli_report(&err);
	else if (!o->quiet)
		fprintf(stderr, "entente: %zu entit%s, %zu relation%s \xe2\x86\x92 %s (%s)\n",
			ent_graph_node_count(v), ent_graph_node_count(v) == 1 ? "y" : "ies",
			ent_graph_edge_count(v), ent_graph_edge_count(v) == 1 ? "" : "s",
			strcmp(path, "-") ? path : "standard output",
			ent_export_format_name(eo->format));
	if (v != g)
		ent_graph_free(v);
	ent_graph_free(g);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "base", required_argument, NULL, OPT_BASE },
		CLI_COMMON_LONGOPTS,
		CLI_VIEW_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	ent_export_options eo = { ENT_EXPORT_COUNT, NULL };
	ent_view view;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	ent_view_init(&view);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:f:", longopts, NULL)) != -1) {
		if (c == 'f') {
			if (ent_export_format_parse(optarg, &eo.format) != 0)
				rc = cli_usage_error("export",
						     "unknown format '%s'; use graphml, gexf, json, "
						     "csv, nt or ttl",
						     optarg);
		} else if (c == OPT_BASE) {
			eo.base = optarg;
		} else if (CLI_IS_VIEW_OPTION(c)) {
			rc = cli_view_option(c, optarg, &view, "export");
		} else {
			rc = cli_common_option(c, argv, &o, "export", usage);
		}
	}
	if (rc == CLI_CONTINUE && eo.format == ENT_EXPORT_COUNT &&
	    (!o.output || ent_export_format_for(o.output, &eo.format) != 0))
		rc = cli_usage_error("export", "no format given: use -f, or an -o ending in "
					       ".graphml, .gexf, .json, .nt or .ttl");
	if (rc == CLI_CONTINUE && eo.format == ENT_EXPORT_CSV &&
	    (!o.output || !strcmp(o.output, "-")))
		rc = cli_usage_error("export", "CSV export writes two files: give a folder with -o");
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("export", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, &eo, &view);
	}
	cli_opts_release(&o);
	return rc;
}
