/*
 * ent_render(): check the options, choose the format and the layout
 * engine, build the drawing (scene.c), and write it atomically.
 *
 * DOT is written as built, without layout, for users to run Graphviz on.
 * Images take two passes: the chosen engine lays out the graph, the
 * positions are kept as attributes, the unlinked entities, legend and
 * caption are added around them at fixed positions (place.c), and the
 * "nop2" engine (which moves nothing and keeps every routed edge)
 * produces the final drawing. With a time limit both passes and the
 * rendering run in a child process (bounded.c). Output goes to a
 * temporary file renamed into place, so a failure leaves no file.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "entente/render.h"
#include "bounded.h"
#include "gv.h"
#include "scene.h"
#include "util.h"

/* dot's cost grows steeply (150 nodes ~1 s, 250 nodes ~20 s, see the
 * sharp-edges notes): the automatic choice uses it only up to here. */
#define AUTO_DOT_MAX_NODES 150
#define AUTO_DOT_MAX_EDGES 450
/* "Small": dot's tidy columns read well whatever the graph's shape. */
#define SMALL_NODES 20
#define SMALL_EDGES 30
/* A hub with more neighbours than this makes dot's columns too tall. */
#define DOT_MAX_DEGREE 25

/* Beyond this even sfdp takes minutes and the drawing is unreadable:
 * write DOT instead. */
#define LAYOUT_MAX_NODES 20000

/* Above these sizes an engine asked for by name is slow (seconds to
 * minutes, see the layout cost table in the sharp-edges notes). */
static const struct engine {
	const char *name;
	size_t slow_from;
	int clusters; /* draws cluster subgraphs */
} engines[] = {
	{ "dot", 150, 1 },   { "neato", 1500, 0 }, { "fdp", 1000, 1 },
	{ "sfdp", 20000, 0 }, { "circo", 500, 0 }, { "twopi", 5000, 0 },
};

static const struct format {
	const char *name;
	const char *gv; /* Graphviz renderer; NULL: DOT without layout */
	ent_gv_text text;
	const char *max_size; /* Graphviz "size": larger drawings shrink */
} formats[] = {
	{ "svg", "svg:svg:core", ENT_GV_TEXT_ESTIMATED, NULL },
	/* 50 in at 96 dpi: at most 4800 px a side, about 90 MB to draw */
	{ "png", "png:cairo", ENT_GV_TEXT_PANGO, "50,50" },
	{ "pdf", "pdf:cairo", ENT_GV_TEXT_PANGO, "200,200" },
	{ "dot", NULL, ENT_GV_TEXT_ESTIMATED, NULL },
};

static const struct format *find_format(const char *name)
{
	if (!ent_strcasecmp(name, "gv"))
		name = "dot";
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!ent_strcasecmp(name, formats[i].name))
			return &formats[i];
	return NULL;
}

static const struct engine *find_engine(const char *name)
{
	for (size_t i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
		if (!strcmp(name, engines[i].name))
			return &engines[i];
	return NULL;
}

const char *ent_render_format_for(const char *path)
{
	static const char *const ext[][2] = {
		{ ".svg", "svg" }, { ".dot", "dot" }, { ".gv", "dot" },
		{ ".png", "png" }, { ".pdf", "pdf" },
	};
	const char *dot, *slash;

	if (!path)
		return NULL;
	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash) || dot == path || dot[-1] == '/')
		return NULL;
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++)
		if (!ent_strcasecmp(dot, ext[i][0]))
			return ext[i][1];
	return NULL;
}

static void note(ent_render_info *info, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void note(ent_render_info *info, const char *fmt, ...)
{
	va_list ap;

	if (info->n_notes >= ENT_RENDER_MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(info->notes[info->n_notes++], ENT_RENDER_NOTE_SIZE, fmt, ap);
	va_end(ap);
}

/* The shape of the part of the graph that is laid out. */
typedef struct shape {
	size_t linked;   /* nodes with at least one relation */
	size_t edges;
	size_t directed; /* edges of a relation with a direction */
	size_t max_degree;
} shape;

static shape measure_shape(const ent_graph *g)
{
	size_t n = ent_graph_node_count(g), m = ent_graph_edge_count(g);
	size_t *deg = ent_xcalloc(n ? n : 1, sizeof(*deg));
	shape s = { 0, m, 0, 0 };

	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(g, i);

		if (e->from >= n || e->to >= n)
			continue;
		deg[e->from]++;
		if (e->to != e->from)
			deg[e->to]++;
		s.directed += !ent_rel_symmetric(e->rel);
	}
	for (size_t i = 0; i < n; i++) {
		s.linked += deg[i] > 0;
		if (deg[i] > s.max_degree)
			s.max_degree = deg[i];
	}
	free(deg);
	return s;
}

/* dot for small graphs and for hierarchical ones (mostly directed
 * relations, no huge hub); fdp for clusters by type (communities look
 * better as colours in neato: fdp's community boxes drift apart on long
 * edges); neato up to ENT_RENDER_LARGE entities, sfdp beyond. */
static const char *auto_engine(const shape *s, const char *cluster)
{
	int small = s->linked <= SMALL_NODES && s->edges <= SMALL_EDGES;
	int hierarchical = s->linked <= AUTO_DOT_MAX_NODES &&
			   s->edges <= AUTO_DOT_MAX_EDGES && 3 * s->directed >= 2 * s->edges &&
			   s->max_degree <= DOT_MAX_DEGREE;

	if (small || hierarchical)
		return "dot";
	if (s->linked > ENT_RENDER_LARGE)
		return "sfdp";
	return cluster && !strcmp(cluster, "type") ? "fdp" : "neato";
}

/* Settle format, engine and grouping; fill `info`. */
static ent_status plan(const ent_graph *g, const ent_render_options *opt,
		       const char *path, ent_render_info *info, ent_error *err)
{
	const struct engine *eng;
	const char *name;
	shape s;

	memset(info, 0, sizeof(*info));
	if (!g || !path || !*path)
		return ent_error_set(err, ENT_ERR_USAGE, "", 0, "no graph or output path");
	name = opt->format ? opt->format : ent_render_format_for(path);
	if (!name)
		return ent_error_set(err, ENT_ERR_USAGE, "", 0,
				     "cannot tell the output format of '%s': use -T", path);
	if (!find_format(name))
		return ent_error_set(err, ENT_ERR_USAGE, path, 0,
				     "unknown output format '%s' (use svg, png, pdf or dot)",
				     name);
	info->format = find_format(name)->name;
	if (opt->layout && !find_engine(opt->layout))
		return ent_error_set(err, ENT_ERR_USAGE, path, 0,
				     "unknown layout '%s' (use dot, neato, fdp, sfdp, circo or twopi)",
				     opt->layout);
	if (opt->size_by && strcmp(opt->size_by, "pagerank") && strcmp(opt->size_by, "degree") &&
	    strcmp(opt->size_by, "betweenness"))
		return ent_error_set(err, ENT_ERR_USAGE, path, 0,
				     "unknown size '%s' (use pagerank, degree or betweenness)",
				     opt->size_by);
	if (opt->cluster && strcmp(opt->cluster, "community") && strcmp(opt->cluster, "type"))
		return ent_error_set(err, ENT_ERR_USAGE, path, 0,
				     "unknown clustering '%s' (use community or type)",
				     opt->cluster);
	if (strcmp(info->format, "dot") && ent_graph_node_count(g) > LAYOUT_MAX_NODES)
		return ent_error_set(err, ENT_ERR_LIMIT, path, 0,
				     "%zu entities are too many to lay out (limit %d): "
				     "write DOT (-T dot) and run sfdp on it",
				     ent_graph_node_count(g), LAYOUT_MAX_NODES);

	s = measure_shape(g);
	info->engine_auto = opt->layout == NULL;
	eng = find_engine(opt->layout ? opt->layout : auto_engine(&s, opt->cluster));
	info->engine = eng->name;
	if (info->engine_auto && s.linked > ENT_RENDER_LARGE)
		note(info, "%zu linked entities: layout sfdp, fast but untidy at this size; "
			   "--top N or --focus NAME draw fewer", s.linked);
	if (!info->engine_auto && s.linked > eng->slow_from)
		note(info, "%s is slow on %zu entities (minutes from about %zu); sfdp is much faster",
		     eng->name, s.linked, eng->slow_from);
	if (opt->cluster) {
		int community = !strcmp(opt->cluster, "community");

		info->clusters = eng->clusters;
		info->community_colours = community && !eng->clusters;
		if (!eng->clusters && info->engine_auto && community)
			note(info, "the automatic layout (%s) draws no clusters: nodes are coloured "
				   "by community instead (--layout dot or fdp draws boxes)",
			     eng->name);
		else if (!eng->clusters)
			note(info, community
					   ? "%s cannot draw clusters: nodes are coloured by community instead"
					   : "%s cannot draw clusters, and colour shows the type already: "
					     "--cluster type changes nothing",
			     eng->name);
	}
	return ENT_OK;
}

ent_status ent_render_check(const ent_graph *g, const ent_render_options *opt,
			    const char *path, ent_render_info *info,
			    ent_error *err)
{
	static const ent_render_options defaults;
	ent_render_info scratch;

	return plan(g, opt ? opt : &defaults, path, info ? info : &scratch, err);
}

static ent_status write_bytes(const char *data, size_t len, const char *path,
			      ent_error *err)
{
	ent_ofile of;

	if (ent_ofile_open(&of, path, err) != ENT_OK)
		return ENT_ERR_OUTPUT;
	if (len > 0 && fwrite(data, 1, len, of.fp) != len) {
		ent_error_set(err, ENT_ERR_OUTPUT, path, 0, "write error: %s",
			      strerror(errno));
		ent_ofile_abort(&of);
		return ENT_ERR_OUTPUT;
	}
	return ent_ofile_commit(&of, err);
}

static ent_status write_dot(Agraph_t *ag, const char *path, ent_error *err)
{
	ent_ofile of;

	if (ent_ofile_open(&of, path, err) != ENT_OK)
		return ENT_ERR_OUTPUT;
	if (ent_gv_write_dot(ag, of.fp, path, err) != ENT_OK) {
		ent_ofile_abort(&of);
		return ENT_ERR_OUTPUT;
	}
	return ent_ofile_commit(&of, err);
}

/* Cairo (1.16) stamps PDFs with the time of rendering. Blank the date
 * out with spaces, which PDF dictionaries allow and which keep every byte
 * offset of the cross-reference table valid: same graph, same bytes. */
static void pdf_blank_dates(char *data, size_t len)
{
	static const char *const keys[] = { "/CreationDate", "/ModDate" };

	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		size_t n = strlen(keys[k]);

		for (size_t i = 0; i + n < len; i++) {
			size_t end = i + n;

			if (memcmp(data + i, keys[k], n) != 0)
				continue;
			while (end < len && end < i + n + 64 && data[end] != ')')
				end++;
			if (end < len && data[end] == ')')
				memset(data + i, ' ', end + 1 - i);
		}
	}
}

/* An image job: the scene built in this process, laid out and rendered
 * here or in a child. */
typedef struct image_job {
	ent_scene *sc;
	const struct format *fmt;
	const char *path;
} image_job;

static ent_status draw_image(void *ctx, ent_buf *out, ent_render_info *info,
			     ent_error *err)
{
	image_job *job = ctx;
	ent_scene *sc = job->sc;
	ent_gv_text text = job->fmt->text;
	char *data = NULL;
	size_t len = 0;
	ent_status st;

	ent_gv_take_warning(NULL, 0);
	st = ent_gv_layout(sc->ag, text, sc->o.engine, job->path, err);
	if (st != ENT_OK)
		return st;
	ent_gv_keep_positions(sc->ag, text);
	ent_scene_place(sc);
	if (job->fmt->max_size)
		ent_gv_set(sc->ag, "size", job->fmt->max_size);
	st = ent_gv_layout(sc->ag, text, "nop2", job->path, err);
	if (st != ENT_OK)
		return st;
	st = ent_gv_render(sc->ag, text, job->fmt->gv, &data, &len, job->path, err);
	ent_gv_free_layout(sc->ag, text);
	if (st != ENT_OK)
		return st;
	if (!strcmp(job->fmt->name, "pdf"))
		pdf_blank_dates(data, len);
	ent_buf_add(out, data, len);
	ent_gv_free_data(data);
	if (info)
		ent_gv_take_warning(info->graphviz, sizeof(info->graphviz));
	return ENT_OK;
}

static ent_scene_measure measure_of(const char *name)
{
	for (int i = 0; i < 3; i++)
		if (name && !strcmp(name, ent_scene_measure_names[i]))
			return (ent_scene_measure)i;
	return ENT_SCENE_PAGERANK;
}

ent_status ent_render(const ent_graph *g, const ent_render_options *opt,
		      const char *path, ent_error *err)
{
	static const ent_render_options defaults;
	ent_render_info local, *info;
	ent_communities comm;
	ent_scene_opts so;
	ent_scene sc;
	ent_status st;

	if (!opt)
		opt = &defaults;
	info = opt->info ? opt->info : &local;
	st = plan(g, opt, path, info, err);
	if (st != ENT_OK)
		return st;

	memset(&comm, 0, sizeof(comm));
	memset(&so, 0, sizeof(so));
	so.engine = info->engine;
	so.title = opt->title;
	so.caption = opt->caption;
	so.size_by = measure_of(opt->size_by);
	so.for_dot = !strcmp(info->format, "dot");
	so.clusters = info->clusters;
	if (opt->cluster && !strcmp(opt->cluster, "type"))
		so.group = info->clusters ? ENT_SCENE_GROUP_TYPE : ENT_SCENE_GROUP_NONE;
	else if (opt->cluster) {
		st = ent_graph_communities(g, &comm, err);
		if (st != ENT_OK)
			return st;
		so.group = ENT_SCENE_GROUP_COMMUNITY;
		so.communities = &comm;
		info->communities = comm.count;
	}

	ent_scene_init(&sc, g, &so, find_format(info->format)->text);
	info->unlinked = sc.n_unlinked;
	if (so.for_dot) {
		st = write_dot(sc.ag, path, err);
	} else {
		image_job job = { &sc, find_format(info->format), path };
		ent_render_info child = *info;
		ent_buf out;

		ent_buf_init(&out);
		st = ent_bounded_run(opt->timeout, draw_image, &job, &out, &child, path, err);
		memcpy(info->graphviz, child.graphviz, sizeof(info->graphviz));
		if (st == ENT_OK)
			st = write_bytes(out.data, out.len, path, err);
		ent_buf_release(&out);
	}
	ent_scene_release(&sc);
	if (so.communities)
		ent_communities_release(&comm);
	return st;
}
