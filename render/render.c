/*
 * ent_render(): choose the format and the layout engine, build the
 * drawing (scene.c), and write it atomically.
 *
 * DOT is written as built, without layout, for users to run Graphviz on.
 * Images take two passes: the chosen engine lays out the graph, the
 * positions are kept as attributes, the legend is added beside them at
 * fixed positions, and the "nop2" engine (which moves nothing and keeps
 * every routed edge) produces the final drawing. Output goes to a
 * temporary file renamed into place, so a failure leaves no file.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "entente/render.h"
#include "gv.h"
#include "scene.h"
#include "util.h"

/* dot's cost grows steeply (150 nodes ~1 s, 250 nodes ~20 s, see the
 * sharp-edges notes); above these sizes the automatic choice is sfdp. */
#define AUTO_DOT_MAX_NODES 150
#define AUTO_DOT_MAX_EDGES 450

/* Beyond this even sfdp takes minutes and the drawing is unreadable:
 * write DOT instead. */
#define LAYOUT_MAX_NODES 20000

static const struct format {
	const char *name;
	const char *gv; /* Graphviz renderer; NULL: DOT without layout */
	ent_gv_text text;
} formats[] = {
	{ "svg", "svg:svg:core", ENT_GV_TEXT_ESTIMATED },
	{ "png", "png:cairo", ENT_GV_TEXT_PANGO },
	{ "pdf", "pdf:cairo", ENT_GV_TEXT_PANGO },
	{ "dot", NULL, ENT_GV_TEXT_ESTIMATED },
};

static const char *const engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };

static const struct format *find_format(const char *name)
{
	if (!ent_strcasecmp(name, "gv"))
		name = "dot";
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!ent_strcasecmp(name, formats[i].name))
			return &formats[i];
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

static const char *pick_engine(const ent_graph *g, const char *asked)
{
	if (asked) {
		for (size_t i = 0; i < sizeof(engines) / sizeof(engines[0]); i++)
			if (!strcmp(asked, engines[i]))
				return engines[i];
		return NULL;
	}
	if (ent_graph_node_count(g) <= AUTO_DOT_MAX_NODES &&
	    ent_graph_edge_count(g) <= AUTO_DOT_MAX_EDGES)
		return "dot";
	return "sfdp";
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

/* Lay out in two passes (see the top of the file) and render. */
static ent_status draw(Agraph_t *ag, const ent_graph *g, const char *engine,
		       const struct format *fmt, const char *path, ent_error *err)
{
	char *data = NULL;
	size_t len = 0;
	ent_status st;

	st = ent_gv_layout(ag, fmt->text, engine, path, err);
	if (st != ENT_OK)
		return st;
	ent_gv_keep_positions(ag, fmt->text);
	ent_scene_place_legend(ag, g);
	st = ent_gv_layout(ag, fmt->text, "nop2", path, err);
	if (st != ENT_OK)
		return st;
	st = ent_gv_render(ag, fmt->text, fmt->gv, &data, &len, path, err);
	ent_gv_free_layout(ag, fmt->text);
	if (st != ENT_OK)
		return st;
	if (!strcmp(fmt->name, "pdf"))
		pdf_blank_dates(data, len);
	st = write_bytes(data, len, path, err);
	ent_gv_free_data(data);
	return st;
}

ent_status ent_render(const ent_graph *g, const ent_render_options *opt,
		      const char *path, ent_error *err)
{
	static const ent_render_options defaults = { NULL, NULL, NULL };
	const struct format *fmt;
	const char *name, *engine;
	Agraph_t *ag;
	ent_status st;

	if (!opt)
		opt = &defaults;
	if (!g || !path || !*path)
		return ent_error_set(err, ENT_ERR_USAGE, "", 0, "no graph or output path");
	name = opt->format ? opt->format : ent_render_format_for(path);
	if (!name)
		return ent_error_set(err, ENT_ERR_USAGE, "", 0,
				     "cannot tell the output format of '%s': use -T", path);
	fmt = find_format(name);
	if (!fmt)
		return ent_error_set(err, ENT_ERR_USAGE, path, 0,
				     "unknown output format '%s' (use svg, png, pdf or dot)",
				     name);
	engine = pick_engine(g, opt->layout);
	if (!engine)
		return ent_error_set(err, ENT_ERR_USAGE, path, 0,
				     "unknown layout '%s' (use dot, neato, fdp, sfdp, circo or twopi)",
				     opt->layout);
	if (fmt->gv && ent_graph_node_count(g) > LAYOUT_MAX_NODES)
		return ent_error_set(err, ENT_ERR_LIMIT, path, 0,
				     "%zu entities are too many to lay out (limit %d): "
				     "write DOT (-T dot) and run sfdp on it",
				     ent_graph_node_count(g), LAYOUT_MAX_NODES);

	ag = ent_scene_build(g, engine, opt->title, fmt->gv == NULL);
	if (fmt->gv)
		st = draw(ag, g, engine, fmt, path, err);
	else
		st = write_dot(ag, path, err);
	ent_gv_close(ag);
	return st;
}
