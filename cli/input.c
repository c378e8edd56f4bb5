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

static ent_status add_documents(ent_extractor *ex, char *const *paths,
				size_t n, const cli_opts *o, ent_error *err)
{
	int progress = !o->quiet && isatty(STDERR_FILENO);
	ent_status st = ENT_OK;

	for (size_t i = 0; i < n && st == ENT_OK; i++) {
		if (progress)
			fprintf(stderr, "\rentente: extracting %zu/%zu docs\xe2\x80\xa6",
				i + 1, n);
		st = ent_extractor_add_file(ex, paths[i], err);
	}
	if (progress)
		fputs("\r\033[K", stderr); /* clear the progress line */
	return st;
}

ent_status cli_extract(char *const *operands, size_t n, const cli_opts *o,
		       ent_extractor **out, ent_error *err)
{
	char **paths = NULL;
	size_t n_paths = 0;
	ent_extractor *ex = NULL;
	ent_status st;

	*out = NULL;
	st = ent_paths_expand((const char *const *)operands, n, &paths,
			      &n_paths, err);
	if (st != ENT_OK)
		return st;
	st = check_output(o, paths, n_paths, err);
	if (st != ENT_OK)
		goto done;
	ex = ent_extractor_new();
	for (size_t i = 0; i < o->n_gazetteers && st == ENT_OK; i++)
		st = ent_extractor_load_gazetteer(ex, o->gazetteers[i], err);
	if (st == ENT_OK)
		st = add_documents(ex, paths, n_paths, o, err);
done:
	ent_paths_free(paths, n_paths);
	if (st != ENT_OK) {
		ent_extractor_free(ex);
		return st;
	}
	*out = ex;
	return ENT_OK;
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
	ent_extractor *ex;
	ent_graph *g;
	ent_status st;

	*out = NULL;
	if (n == 1 && is_graphml(operands[0])) {
		st = check_output(o, operands, 1, err);
		if (st != ENT_OK)
			return st;
		g = ent_graph_read_graphml(operands[0], err);
	} else {
		st = cli_extract(operands, n, o, &ex, err);
		if (st != ENT_OK)
			return st;
		g = ent_graph_from_corpus(ent_extractor_corpus(ex), err);
		ent_extractor_free(ex);
	}
	if (!g)
		return err->code != ENT_OK
			       ? err->code
			       : ent_error_set(err, ENT_ERR_FAIL, operands[0], 0,
					       "cannot build the graph");
	*out = g;
	return ENT_OK;
}
