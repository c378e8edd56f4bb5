/*
 * `entente render`: the knowledge graph drawn by Graphviz, in the format
 * the output's name implies (or -T), styled by entity type, relation and
 * centrality.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
	"usage: entente render [options] GRAPH.graphml | FILE|DIR|-... -o OUT.svg\n"
	"\n"
	"Draw the knowledge graph with Graphviz. The format follows the output's\n"
	"name (.svg, .png, .pdf, .dot) unless -T is given; without -o the\n"
	"drawing goes to standard output (SVG unless -T says otherwise).\n"
	"\n"
	"options:\n"
	"  -o, --output FILE   write the drawing to FILE\n"
	"  -T, --format FMT    svg, png, pdf or dot\n"
	"  --layout ENGINE     dot, neato, fdp, sfdp, circo or twopi\n"
	"                      (default: chosen by the graph's size)\n"
	"  --title TEXT        a title above the graph\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n";

enum { OPT_LAYOUT = CLI_OPT_FIRST_PRIVATE, OPT_TITLE };

static const char *const formats[] = { "svg", "png", "pdf", "dot", NULL };
static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp",
				       "circo", "twopi", NULL };

static int one_of(const char *s, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* Settle the format before any work, so that a bad name is a usage
 * error and not a failure after a long layout. */
static int choose_format(const cli_opts *o, ent_render_options *opt)
{
	if (opt->format)
		return 0;
	if (!o->output || !strcmp(o->output, "-")) {
		opt->format = "svg";
		return 0;
	}
	opt->format = ent_render_format_for(o->output);
	if (!opt->format)
		return cli_usage_error("render",
				       "cannot tell the format of '%s'; name it .svg, .png, .pdf or .dot, or use -T",
				       o->output);
	return 0;
}

static int run(char **operands, size_t n, const cli_opts *o,
	       ent_render_options *opt)
{
	const char *path = o->output ? o->output : "-";
	ent_graph *g;
	ent_error err;
	int rc;

	if ((rc = choose_format(o, opt)) != 0)
		return rc;
	if (!strcmp(path, "-") && isatty(STDOUT_FILENO) &&
	    (!strcmp(opt->format, "png") || !strcmp(opt->format, "pdf")))
		return cli_usage_error("render",
				       "not writing %s to a terminal; use -o FILE",
				       opt->format);
	ent_error_clear(&err);
	if (cli_load_graph(operands, n, o, &g, &err) != ENT_OK)
		return cli_report(&err);
	rc = 0;
	if (ent_render(g, opt, path, &err) != ENT_OK)
		rc = cli_report(&err);
	ent_graph_free(g);
	return rc;
}

static int render_option(int c, ent_render_options *opt)
{
	if (c == 'T' && !one_of(optarg, formats))
		return cli_usage_error("render",
				       "unknown format '%s'; use svg, png, pdf or dot",
				       optarg);
	if (c == OPT_LAYOUT && !one_of(optarg, layouts))
		return cli_usage_error("render",
				       "unknown layout '%s'; use dot, neato, fdp, sfdp, circo or twopi",
				       optarg);
	if (c == 'T')
		opt->format = optarg;
	else if (c == OPT_LAYOUT)
		opt->layout = optarg;
	else
		opt->title = optarg;
	return CLI_CONTINUE;
}

int cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'T' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "title", required_argument, NULL, OPT_TITLE },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	ent_render_options opt = { NULL, NULL, NULL };
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:T:", longopts, NULL)) != -1) {
		if (c == 'T' || c == OPT_LAYOUT || c == OPT_TITLE)
			rc = render_option(c, &opt);
		else
			rc = cli_common_option(c, argv, &o, "render", usage);
	}
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("render", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, &opt);
	}
	cli_opts_release(&o);
	return rc;
}
