/*
 * `entente render`: the knowledge graph drawn by Graphviz, in the format
 * the output's name implies (or -T), styled by entity type, relation and
 * centrality, optionally reduced by the shared view options first. A
 * caption says what was drawn; the library's notes on its choices (a
 * large graph, an engine that cannot draw clusters) become warnings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

/* Images of more entities than this are not drawn whole by accident: the
 * most central ones are drawn, with a warning, unless --top or --focus
 * says what to draw. (sfdp lays out 1,500 entities in a few seconds, but
 * a drawing of them is already hard to read.) */
#define AUTO_TOP 1500
#define DEFAULT_TIMEOUT 60
#define MAX_TIMEOUT 86400

static const char usage[] =
	"usage: entente render [options] GRAPH.graphml | FILE|DIR|-... -o OUT.svg\n"
	"\n"
	"Draw the knowledge graph with Graphviz. The format follows the output's\n"
	"name (.svg, .png, .pdf, .dot) unless -T is given; without -o the\n"
	"drawing goes to standard output (SVG unless -T says otherwise).\n"
	"Images of more than 1500 entities show the 1500 of highest PageRank\n"
	"unless --top or --focus is given.\n"
	"\n"
	"options:\n"
	"  -o, --output FILE   write the drawing to FILE\n"
	"  -T, --format FMT    svg, png, pdf or dot\n"
	"  --layout ENGINE     dot, neato, fdp, sfdp, circo or twopi (default:\n"
	"                      dot for small or hierarchical graphs, neato up to\n"
	"                      300 linked entities, sfdp beyond)\n"
	"  --size MEASURE      label size by pagerank (default), degree or\n"
	"                      betweenness\n"
	"  --cluster BY        community or type: boxes around each group (dot,\n"
	"                      fdp); other layouts colour nodes by community\n"
	"  --title TEXT        a title above the graph\n"
	"  --timeout SECONDS   give up a layout after SECONDS (default 60; 0: never)\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	CLI_JOBS_HELP
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n"
	"\n" CLI_VIEW_HELP;

enum {
	OPT_LAYOUT = CLI_OPT_FIRST_PRIVATE,
	OPT_TITLE,
	OPT_SIZE,
	OPT_CLUSTER,
	OPT_TIMEOUT
};

static const char *const formats[] = { "svg", "png", "pdf", "dot", NULL };
static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp",
				       "circo", "twopi", NULL };
static const char *const sizes[] = { "pagerank", "degree", "betweenness", NULL };
static const char *const clusters[] = { "community", "type", NULL };

typedef struct render_cmd {
	cli_opts o;
	ent_view view;
	ent_render_options opt;
	ent_render_info info;
	char **operands;
	size_t n_operands;
} render_cmd;

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

static void warn(const char *msg)
{
	fputs("entente: warning: ", stderr);
	cli_put_text(stderr, msg);
	fputc('\n', stderr);
}

/* ", " between the parts of a caption line. */
static void part(ent_buf *b, size_t start)
{
	if (b->len > start)
		ent_buf_adds(b, "; ");
}

static void add_bits(ent_buf *b, unsigned bits, int types)
{
	int n = types ? ENT_TYPE_COUNT : ENT_REL_COUNT, first = 1;

	for (int i = 0; i < n; i++) {
		if (!(bits & (1u << i)))
			continue;
		ent_buf_adds(b, first ? "" : ", ");
		ent_buf_adds(b, types ? ent_type_name((ent_type)i) : ent_rel_name((ent_rel)i));
		first = 0;
	}
}

/* What the view kept, in words: "around China, 1 hop; types country". */
static void describe_view(ent_buf *b, const ent_graph *whole, const ent_view *v,
			  size_t auto_top)
{
	size_t start = b->len;

	if (v->project_countries)
		ent_buf_adds(b, "country network");
	if (v->types) {
		part(b, start);
		ent_buf_adds(b, "types ");
		add_bits(b, v->types, 1);
	}
	if (v->rels) {
		part(b, start);
		ent_buf_adds(b, "relations ");
		add_bits(b, v->rels, 0);
	}
	if (v->since || v->until) {
		part(b, start);
		if (v->since && v->until)
			ent_buf_printf(b, "years %d\xE2\x80\x93%d", v->since, v->until);
		else if (v->since)
			ent_buf_printf(b, "from %d", v->since);
		else
			ent_buf_printf(b, "up to %d", v->until);
	}
	if (v->min_weight > 1) {
		part(b, start);
		ent_buf_printf(b, "at least %ld sentences per relation", v->min_weight);
	}
	if (v->asserted_only) {
		part(b, start);
		ent_buf_adds(b, "asserted relations only");
	}
	if (v->focus) {
		part(b, start);
		long i = ent_graph_find(whole, v->focus);

		ent_buf_printf(b, "around %s, %zu %s",
			       i >= 0 ? ent_graph_node(whole, (size_t)i)->name : v->focus,
			       v->depth ? v->depth : 1,
			       v->depth > 1 ? "hops" : "hop");
	}
	if (v->top || auto_top) {
		part(b, start);
		ent_buf_printf(b, "top %zu by PageRank", v->top ? v->top : auto_top);
	}
}

/* The caption: where the graph came from, and what the view kept of it. */
static char *make_caption(const render_cmd *rc, const ent_graph *whole, size_t auto_top)
{
	ent_buf b;

	ent_buf_init(&b);
	for (size_t i = 0; i < rc->n_operands && i < 3; i++) {
		const char *s = rc->operands[i], *slash = strrchr(s, '/');

		/* a file by its name, a directory as given */
		if (slash && slash[1])
			s = slash + 1;
		ent_buf_adds(&b, i ? ", " : "");
		ent_buf_adds(&b, strcmp(s, "-") ? s : "standard input");
	}
	if (rc->n_operands > 3)
		ent_buf_printf(&b, " and %zu more", rc->n_operands - 3);
	if (!ent_view_is_identity(&rc->view) || auto_top) {
		ent_buf_adds(&b, "\n");
		describe_view(&b, whole, &rc->view, auto_top);
		ent_buf_printf(&b, " (of %zu entities, %zu relations)",
			       ent_graph_node_count(whole), ent_graph_edge_count(whole));
	}
	return ent_buf_detach(&b);
}

/* The view the user asked for, then, for an image of a graph too large to
 * read, the AUTO_TOP most central entities. *auto_top says whether. */
static ent_status apply_views(render_cmd *rc, ent_graph *whole, ent_graph **out,
			      size_t *auto_top, ent_error *err)
{
	ent_graph *g = cli_apply_view(whole, &rc->view, err);
	ent_view top;

	*auto_top = 0;
	*out = g;
	if (!g)
		return err->code != ENT_OK ? err->code : ENT_ERR_FAIL;
	if (!strcmp(rc->opt.format, "dot") || rc->view.top || rc->view.focus ||
	    ent_graph_node_count(g) <= AUTO_TOP)
		return ENT_OK;
	ent_view_init(&top);
	top.top = AUTO_TOP;
	*out = ent_graph_view(g, &top, err);
	if (g != whole)
		ent_graph_free(g);
	if (!*out)
		return err->code != ENT_OK ? err->code : ENT_ERR_FAIL;
	*auto_top = AUTO_TOP;
	return ENT_OK;
}

static int draw(render_cmd *rc, ent_graph *whole)
{
	const char *path = rc->o.output ? rc->o.output : "-";
	ent_graph *g = NULL;
	char *caption = NULL;
	size_t auto_top = 0;
	ent_error err;
	ent_status st;
	int status = 0, progress;

	ent_error_clear(&err);
	if (apply_views(rc, whole, &g, &auto_top, &err) != ENT_OK)
		return cli_report(&err);
	if (auto_top) {
		char msg[200];

		snprintf(msg, sizeof(msg),
			 "%zu entities are too many to draw legibly: drawing the %zu of highest "
			 "PageRank (use --top N or --focus NAME to choose)",
			 ent_graph_node_count(whole), auto_top);
		warn(msg);
	}
	caption = make_caption(rc, whole, auto_top);
	rc->opt.caption = caption;
	rc->opt.info = &rc->info;
	if (ent_render_check(g, &rc->opt, path, &rc->info, &err) != ENT_OK) {
		status = cli_report(&err);
		goto done;
	}
	for (size_t i = 0; i < rc->info.n_notes; i++)
		warn(rc->info.notes[i]);
	progress = !rc->o.quiet && isatty(STDERR_FILENO) && strcmp(rc->info.format, "dot");
	if (progress)
		fprintf(stderr, "\rentente: laying out %zu entities with %s\xe2\x80\xa6",
			ent_graph_node_count(g), rc->info.engine);
	st = ent_render(g, &rc->opt, path, &err);
	if (progress)
		fputs("\r\033[K", stderr); /* clear the progress line */
	if (st != ENT_OK) {
		status = cli_report(&err);
		goto done;
	}
	if (rc->info.graphviz[0]) {
		char msg[ENT_RENDER_NOTE_SIZE + 16];

		snprintf(msg, sizeof(msg), "Graphviz: %s", rc->info.graphviz);
		warn(msg);
	}
done:
	free(caption);
	if (g != whole)
		ent_graph_free(g);
	return status;
}

static int run(render_cmd *rc)
{
	const char *path = rc->o.output ? rc->o.output : "-";
	ent_graph *g;
	ent_error err;
	int status;

	if ((status = choose_format(&rc->o, &rc->opt)) != 0)
		return status;
	if (!strcmp(path, "-") && isatty(STDOUT_FILENO) &&
	    (!strcmp(rc->opt.format, "png") || !strcmp(rc->opt.format, "pdf")))
		return cli_usage_error("render",
				       "not writing %s to a terminal; use -o FILE",
				       rc->opt.format);
	ent_error_clear(&err);
	if (cli_load_graph(rc->operands, rc->n_operands, &rc->o, &g, &err) != ENT_OK)
		return cli_report(&err);
	status = draw(rc, g);
	ent_graph_free(g);
	return status;
}

static int timeout_option(const char *arg, ent_render_options *opt)
{
	char *end;
	long v;

	v = strtol(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end || v < 0 || v > MAX_TIMEOUT)
		return cli_usage_error("render",
				       "--timeout needs a number of seconds from 0 to %d, not '%s'",
				       MAX_TIMEOUT, arg);
	opt->timeout = (unsigned)v;
	return CLI_CONTINUE;
}

static int render_option(int c, ent_render_options *opt)
{
	static const struct {
		int c;
		const char *name;
		const char *const *values;
		const char *hint;
	} checked[] = {
		{ 'T', "format", formats, "svg, png, pdf or dot" },
		{ OPT_LAYOUT, "layout", layouts, "dot, neato, fdp, sfdp, circo or twopi" },
		{ OPT_SIZE, "size", sizes, "pagerank, degree or betweenness" },
		{ OPT_CLUSTER, "cluster", clusters, "community or type" },
	};

	for (size_t i = 0; i < sizeof(checked) / sizeof(checked[0]); i++)
		if (c == checked[i].c && !one_of(optarg, checked[i].values))
			return cli_usage_error("render", "unknown %s '%s'; use %s",
					       checked[i].name, optarg, checked[i].hint);
	switch (c) {
	case 'T':
		opt->format = optarg;
		break;
	case OPT_LAYOUT:
		opt->layout = optarg;
		break;
	case OPT_SIZE:
		opt->size_by = optarg;
		break;
	case OPT_CLUSTER:
		opt->cluster = optarg;
		break;
	case OPT_TIMEOUT:
		return timeout_option(optarg, opt);
	default:
		opt->title = optarg;
	}
	return CLI_CONTINUE;
}

int cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'T' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ "cluster", required_argument, NULL, OPT_CLUSTER },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		CLI_VIEW_LONGOPTS,
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	render_cmd rc;
	int c, status = CLI_CONTINUE;

	memset(&rc, 0, sizeof(rc));
	cli_opts_init(&rc.o);
	ent_view_init(&rc.view);
	rc.opt.timeout = DEFAULT_TIMEOUT;
	optind = 1;
	opterr = 0;
	while (status == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:T:", longopts, NULL)) != -1) {
		if (c == 'T' || (c >= OPT_LAYOUT && c <= OPT_TIMEOUT))
			status = render_option(c, &rc.opt);
		else if (CLI_IS_VIEW_OPTION(c))
			status = cli_view_option(c, optarg, &rc.view, "render");
		else
			status = cli_common_option(c, argv, &rc.o, "render", usage);
	}
	if (status == CLI_CONTINUE) {
		rc.operands = argv + optind;
		rc.n_operands = (size_t)(argc - optind);
		if (optind >= argc)
			status = cli_usage_error("render", "no input given");
		else
			status = run(&rc);
	}
	cli_opts_release(&rc.o);
	return status;
}
