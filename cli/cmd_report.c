/*
 * `entente report`: the graph's summary, its most central entities by six
 * measures, its communities, innermost core and brokers, as text, CSV,
 * JSON or Markdown, over the whole graph or the view the filters choose.
 * The work is ent_graph_report(); this file turns the command line into
 * its options. The report's own --top counts rows, so the view's --top
 * (keep the N most central entities) is not offered here.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "entente/report.h"

static const char usage[] =
	"usage: entente report [options] GRAPH.graphml | FILE|DIR|-...\n"
	"\n"
	"Print the graph's summary (nodes and edges by type and relation,\n"
	"components, density, diameter), the most central entities by degree,\n"
	"strength (evidence-weighted degree), betweenness, harmonic closeness,\n"
	"PageRank and eigenvector centrality, the communities (multilevel\n"
	"modularity), the innermost k-core and the brokers (articulation\n"
	"points). The graph is read from a GraphML file written by 'entente\n"
	"build', or built in memory from documents.\n"
	"\n"
	"options:\n"
	"  --format FMT        text (default), csv, json or markdown\n"
	"  --top N             list N entities per measure and N communities\n"
	"                      (default 10)\n"
	"  --members N         list N members per community (default 5)\n"
	"  --measures LIST     the measure tables to show, comma-separated:\n"
	"                      degree,strength,betweenness,closeness,pagerank,\n"
	"                      eigenvector (default all)\n"
	"  --betweenness MODE  auto (default: exact up to 5000 nodes, else\n"
	"                      sampled), exact, sampled or off\n"
	"  --no-betweenness    the same as --betweenness off\n"
	"  --closeness MODE    auto, exact, sampled or off, as --betweenness\n"
	"  --sources K         sources of a sampled measure (default 256)\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	CLI_JOBS_HELP
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n"
	"\n" CLI_VIEW_FILTER_HELP;

enum {
	OPT_TOP = CLI_OPT_FIRST_PRIVATE,
	OPT_FORMAT,
	OPT_MEMBERS,
	OPT_MEASURES,
	OPT_BETWEENNESS,
	OPT_NO_BETWEENNESS,
	OPT_CLOSENESS,
	OPT_SOURCES
};

#define MAX_COUNT 1000000

typedef struct report_job {
	const ent_graph *graph;
	const ent_report_opts *opts;
} report_job;

static ent_status write_report(FILE *fp, const void *ctx, ent_error *err)
{
	const report_job *job = ctx;

	return ent_graph_report(job->graph, job->opts, fp, err);
}

static int parse_count(const char *s, size_t *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > MAX_COUNT)
		return -1;
	*out = v;
	return 0;
}

/* "degree,pagerank" into a bit set; -1 names the first bad item. */
static int parse_measures(const char *s, unsigned *out)
{
	char *copy = strdup(s), *save = NULL, *tok;
	int rc = 0;

	if (!copy)
		return -1;
	*out = 0;
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		ent_measure m;
		if (ent_measure_parse(tok, &m) != 0) {
			rc = -1;
			break;
		}
		*out |= 1u << m;
	}
	free(copy);
	return rc == 0 && *out ? 0 : -1;
}

static int run(char **operands, size_t n, const cli_opts *o,
	       const ent_report_opts *ro, const ent_view *view)
{
	report_job job;
	ent_graph *whole, *g;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (cli_load_graph(operands, n, o, &whole, &err) != ENT_OK)
		return cli_report(&err);
	g = cli_apply_view(whole, view, &err);
	if (!g) {
		ent_graph_free(whole);
		return cli_report(&err);
	}
	job.graph = g;
	job.opts = ro;
	if (cli_write_output(o->output, write_report, &job, &err) != ENT_OK)
		rc = cli_report(&err);
	if (g != whole)
		ent_graph_free(g);
	ent_graph_free(whole);
	return rc;
}

/* One option of this command; CLI_CONTINUE or an exit code. */
static int report_option(int c, ent_report_opts *ro)
{
	switch (c) {
	case OPT_TOP:
		if (parse_count(optarg, &ro->top) != 0)
			return cli_usage_error("report", "--top needs a number from 1 to %d, not '%s'",
					       MAX_COUNT, optarg);
		return CLI_CONTINUE;
	case OPT_MEMBERS:
		if (parse_count(optarg, &ro->members) != 0)
			return cli_usage_error("report", "--members needs a number from 1 to %d, not '%s'",
					       MAX_COUNT, optarg);
		return CLI_CONTINUE;
	case OPT_SOURCES:
		if (parse_count(optarg, &ro->measure.sources) != 0)
			return cli_usage_error("report", "--sources needs a number from 1 to %d, not '%s'",
					       MAX_COUNT, optarg);
		return CLI_CONTINUE;
	case OPT_FORMAT:
		if (ent_report_format_parse(optarg, &ro->format) != 0)
			return cli_usage_error("report", "unknown format '%s' (text, csv, json, markdown)",
					       optarg);
		return CLI_CONTINUE;
	case OPT_MEASURES:
		if (parse_measures(optarg, &ro->measure.measures) != 0)
			return cli_usage_error("report", "--measures takes degree, strength, betweenness, "
					       "closeness, pagerank, eigenvector; not '%s'", optarg);
		return CLI_CONTINUE;
	case OPT_BETWEENNESS:
	case OPT_CLOSENESS:
		if (ent_path_mode_parse(optarg, c == OPT_BETWEENNESS ? &ro->measure.betweenness
								      : &ro->measure.closeness) != 0)
			return cli_usage_error("report", "--%s takes auto, exact, sampled or off, not '%s'",
					       c == OPT_BETWEENNESS ? "betweenness" : "closeness",
					       optarg);
		return CLI_CONTINUE;
	case OPT_NO_BETWEENNESS:
		ro->measure.betweenness = ENT_PATH_OFF;
		return CLI_CONTINUE;
	default:
		return -2; /* not ours */
	}
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "top", required_argument, NULL, OPT_TOP },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "members", required_argument, NULL, OPT_MEMBERS },
		{ "measures", required_argument, NULL, OPT_MEASURES },
		{ "betweenness", required_argument, NULL, OPT_BETWEENNESS },
		{ "no-betweenness", no_argument, NULL, OPT_NO_BETWEENNESS },
		{ "closeness", required_argument, NULL, OPT_CLOSENESS },
		{ "sources", required_argument, NULL, OPT_SOURCES },
		CLI_VIEW_FILTER_LONGOPTS,
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	ent_report_opts ro;
	ent_view view;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	ent_report_opts_init(&ro);
	ent_view_init(&view);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:", longopts, NULL)) != -1) {
		if (CLI_IS_VIEW_OPTION(c))
			rc = cli_view_option(c, optarg, &view, "report");
		else if ((rc = report_option(c, &ro)) == -2)
			rc = cli_common_option(c, argv, &o, "report", usage);
	}
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("report", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, &ro, &view);
	}
	cli_opts_release(&o);
	return rc;
}
