/*
 * Getting data in, once for every command: operands are expanded into
 * documents and extracted (with progress on a terminal), or, when the only
 * operand is a GraphML file, read back as a graph. Here too the output is
 * refused when it would overwrite one of the inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

/* How many leading bytes are searched for "<graphml". */
#define SNIFF_BYTES 1024

/* Non-zero when writing `out` would overwrite the input `in`. */
static int same_file(const char *out, const char *in)
{
	struct stat so, si;

	if (!strcmp(in, "-"))
		return 0;
	if (!strcmp(out, in))
		return 1;
	if (stat(out, &so) != 0 || stat(in, &si) != 0)
		return 0;
	return so.st_dev == si.st_dev && so.st_ino == si.st_ino;
}

static ent_status check_output(const cli_opts *o, char *const *inputs,
			       size_t n, ent_error *err)
{
	if (!o->output || !strcmp(o->output, "-"))
		return ENT_OK;
	for (size_t i = 0; i < n; i++)
		if (same_file(o->output, inputs[i]))
			return ent_error_set(err, ENT_ERR_USAGE, o->output, 0,
					     "output file is also an input");
	for (size_t i = 0; i < o->n_gazetteers; i++)
		if (same_file(o->output, o->gazetteers[i]))
			return ent_error_set(err, ENT_ERR_USAGE, o->output, 0,
					     "output file is also a gazetteer");
	return ENT_OK;
}

ent_status cli_prepare(char *const *operands, size_t n, const cli_opts *o,
		       ent_extractor **ex, char ***paths, size_t *n_paths,
		       ent_error *err)
{
	ent_status st;

	*ex = NULL;
	st = ent_paths_expand((const char *const *)operands, n, paths, n_paths, err);
	if (st != ENT_OK)
		return st;
	st = check_output(o, *paths, *n_paths, err);
	if (st == ENT_OK) {
		*ex = ent_extractor_new();
		ent_extractor_set_limits(*ex, &o->limits);
		for (size_t i = 0; i < o->n_gazetteers && st == ENT_OK; i++)
			st = ent_extractor_load_gazetteer(*ex, o->gazetteers[i], err);
	}
	if (st != ENT_OK) {
		ent_extractor_free(*ex);
		ent_paths_free(*paths, *n_paths);
		*ex = NULL;
		*paths = NULL;
		*n_paths = 0;
	}
	return st;
}

static ent_status to_corpus(ent_document *d, void *prepared, void *ctx, ent_error *err)
{
	(void)prepared;
	(void)err;
	ent_extractor_add_document(ctx, d);
	return ENT_OK;
}

ent_status cli_extract(char *const *operands, size_t n, const cli_opts *o,
		       ent_extractor **out, ent_error *err)
{
	char **paths;
	size_t n_paths;
	ent_extractor *ex;
	ent_status st;

	*out = NULL;
	st = cli_prepare(operands, n, o, &ex, &paths, &n_paths, err);
	if (st != ENT_OK)
		return st;
	st = cli_each_document(ex, paths, n_paths, o, NULL, to_corpus, ex, err);
	ent_paths_free(paths, n_paths);
	if (st != ENT_OK) {
		ent_extractor_free(ex);
		return st;
	}
	*out = ex;
	return ENT_OK;
}

static ent_status to_builder(ent_document *d, void *prepared, void *ctx, ent_error *err)
{
	(void)prepared;
	(void)err;
	ent_graph_builder_add(ctx, &d->corpus);
	ent_document_free(d);
	return ENT_OK;
}

ent_status cli_build_graph(char *const *operands, size_t n, const cli_opts *o,
			   ent_graph_builder *b, ent_error *err)
{
	char **paths;
	size_t n_paths;
	ent_extractor *ex;
	ent_status st;

	st = cli_prepare(operands, n, o, &ex, &paths, &n_paths, err);
	if (st != ENT_OK)
		return st;
	st = cli_each_document(ex, paths, n_paths, o, NULL, to_builder, b, err);
	ent_paths_free(paths, n_paths);
	ent_extractor_free(ex);
	return st;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !ent_strcasecmp(s + n - m, suffix);
}

/* A regular file named *.graphml or starting with a <graphml element. */
static int is_graphml(const char *path)
{
	static const char tag[] = "<graphml";
	char head[SNIFF_BYTES];
	struct stat st;
	size_t len;
	FILE *fp;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	if (has_suffix(path, ".graphml"))
		return 1;
	fp = fopen(path, "rb");
	if (!fp)
		return 0;
	len = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	for (size_t i = 0; i + sizeof(tag) - 1 <= len; i++)
		if (!memcmp(head + i, tag, sizeof(tag) - 1))
			return 1;
	return 0;
}

ent_status cli_load_graph(char *const *operands, size_t n, const cli_opts *o,
			  ent_graph **out, ent_error *err)
{
	ent_graph *g;
	ent_status st;

	*out = NULL;
	if (n == 1 && is_graphml(operands[0])) {
		st = check_output(o, operands, 1, err);
		if (st != ENT_OK)
			return st;
		g = ent_graph_read_graphml(operands[0], err);
	} else {
		ent_graph_builder *b = ent_graph_builder_new(ENT_EVIDENCE_DEFAULT);
		st = cli_build_graph(operands, n, o, b, err);
		g = st == ENT_OK ? ent_graph_builder_graph(b, err) : NULL;
		ent_graph_builder_free(b);
		if (st != ENT_OK)
			return st;
	}
	if (!g)
		return err->code != ENT_OK
			       ? err->code
			       : ent_error_set(err, ENT_ERR_FAIL, operands[0], 0,
					       "cannot build the graph");
	*out = g;
	return ENT_OK;
}
