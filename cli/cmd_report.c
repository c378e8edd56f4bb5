/*
 * `entente report`: the graph's summary and its most central entities by
 * degree, strength, PageRank and betweenness, as a text table.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char usage[] =
	"usage: entente report [options] GRAPH.graphml | FILE|DIR|-...\n"
	"\n"
	"Print the graph's size and the most central entities by degree,\n"
	"strength (evidence-weighted degree), PageRank and betweenness. The\n"
	"graph is read from a GraphML file written by 'entente build', or\n"
	"built in memory from documents.\n"
	"\n"
	"options:\n"
	"  --top N             list N entities per measure (default 10)\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n";

enum { OPT_TOP = CLI_OPT_FIRST_PRIVATE };

#define DEFAULT_TOP 10
#define MAX_TOP 100000

typedef struct report_job {
	const ent_graph *graph;
	size_t top;
} report_job;

static ent_status write_report(FILE *fp, const void *ctx, ent_error *err)
{
	const report_job *job = ctx;

	return ent_graph_write_report(job->graph, job->top, fp, err);
}

static int parse_count(const char *s, size_t *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > MAX_TOP)
		return -1;
	*out = v;
	return 0;
}

static int run(char **operands, size_t n, const cli_opts *o, size_t top)
{
	report_job job;
	ent_graph *g;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (cli_load_graph(operands, n, o, &g, &err) != ENT_OK)
		return cli_report(&err);
	job.graph = g;
	job.top = top;
	if (cli_write_output(o->output, write_report, &job, &err) != ENT_OK)
		rc = cli_report(&err);
	ent_graph_free(g);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "top", required_argument, NULL, OPT_TOP },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	size_t top = DEFAULT_TOP;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:", longopts, NULL)) != -1) {
		if (c == OPT_TOP) {
			if (parse_count(optarg, &top) != 0)
				rc = cli_usage_error("report",
						     "--top needs a number from 1 to %d, not '%s'",
						     MAX_TOP, optarg);
		} else {
			rc = cli_common_option(c, argv, &o, "report", usage);
		}
	}
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("report", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, top);
	}
	cli_opts_release(&o);
	return rc;
}
