/*
 * `entente extract`: documents in, entities and relations with their
 * evidence out, as JSON Lines (the contract the scorer reads) or TSV.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "util.h"

static const char usage[] =
	"usage: entente extract [options] FILE|DIR|-...\n"
	"\n"
	"Extract the entities and relations of the documents, streamed one\n"
	"document at a time in path order: a document record, the entities it\n"
	"names (ids e1, e2, ... stable through the output) and its relations\n"
	"with their evidence sentence. The output is the same for any -j, and\n"
	"outputs of separate runs merge with 'entente build --merge'.\n"
	"Directories are searched for .txt, .text, .md, .html, .htm, .xhtml\n"
	"and .xml files; '-' reads standard input.\n"
	"\n"
	"options:\n"
	"  --format FMT        jsonl (default) or tsv\n"
	"  --entities-only     print the entity table (type, mentions, name,\n"
	"                      aliases) for a quick look\n"
	"  --explain           print each relation with the rule that made it,\n"
	"                      its flags and its evidence\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	"  --stats             after the output, print a table on standard error:\n"
	"                      for each document its size, its relations and\n"
	"                      the entities they link\n"
	CLI_JOBS_HELP
	CLI_LIMITS_HELP
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n";

enum { OPT_FORMAT = CLI_OPT_FIRST_PRIVATE, OPT_ENTITIES, OPT_EXPLAIN, OPT_STATS };

/* One row of --stats. */
typedef struct doc_stat {
	char *name;
	size_t bytes, relations, linked;
} doc_stat;

typedef struct extract_job {
	char **operands;
	size_t n_operands;
	const cli_opts *o;
	ent_extract_format format;
	ent_extractor *ex;
	char **paths;
	size_t n_paths;
	ent_stream *stream;
	int stats;
	doc_stat *rows;         /* --stats */
	size_t n_rows, cap_rows;
	ent_map linked_keys;    /* --stats: entities linked anywhere */
	size_t n_linked;
} extract_job;

static int parse_format(const char *s, ent_extract_format *out)
{
	if (!strcmp(s, "jsonl") || !strcmp(s, "json")) {
		*out = ENT_EXTRACT_JSONL;
		return 0;
	}
	if (!strcmp(s, "tsv")) {
		*out = ENT_EXTRACT_TSV;
		return 0;
	}
	return -1;
}

/* ---- --stats: a per-document table on standard error ---- */

static void stat_document(extract_job *job, const ent_document *d)
{
	const ent_corpus *c = &d->corpus;
	char *seen = ent_xcalloc(c->n_entities + 1, 1);
	doc_stat *row;

	ENT_GROW(job->rows, job->cap_rows, job->n_rows + 1);
	row = &job->rows[job->n_rows++];
	row->name = ent_xstrdup(d->name);
	row->bytes = d->bytes;
	row->relations = c->n_relations;
	row->linked = 0;
	for (size_t r = 0; r < c->n_relations; r++)
		for (int end = 0; end < 2; end++) {
			size_t e = end ? c->relations[r].object : c->relations[r].subject;
			if (!seen[e]) {
				seen[e] = 1;
				row->linked++;
				if (!ent_map_get(&job->linked_keys, c->entities[e].key)) {
					ent_map_put(&job->linked_keys, c->entities[e].key, 1);
					job->n_linked++;
				}
			}
		}
	free(seen);
}

/* Each document's size, relations and the distinct entities those
 * relations link; then the totals. O(D + R). */
static void print_stats(const extract_job *job)
{
	size_t width = 8, total = 0, rels = 0;

	for (size_t i = 0; i < job->n_rows; i++) {
		size_t len = strlen(job->rows[i].name);
		if (len > width)
			width = len < 60 ? len : 60;
	}
	fprintf(stderr, "%-*s %12s %9s %7s\n", (int)width, "document", "bytes", "relations",
		"linked");
	for (size_t i = 0; i < job->n_rows; i++) {
		const doc_stat *r = &job->rows[i];
		size_t len = strlen(r->name);
		cli_put_text(stderr, r->name);
		fprintf(stderr, "%*s %12zu %9zu %7zu\n", len < width ? (int)(width - len) : 0, "",
			r->bytes, r->relations, r->linked);
		total += r->bytes;
		rels += r->relations;
	}
	char docs[32];
	snprintf(docs, sizeof(docs), "%zu document%s", job->n_rows, job->n_rows == 1 ? "" : "s");
	fprintf(stderr, "%-*s %12zu %9zu %7zu\n", (int)width, docs, total, rels,
		job->n_linked);
}

/* ---- end of --stats ---- */

/* On the worker thread: the document's records, rendered ahead. */
static void *render_document(const ent_document *d, const void *ctx)
{
	const extract_job *job = ctx;

	return ent_stream_render(d, job->format);
}

static void release_rendered(void *r)
{
	ent_rendered_free(r);
}

/* In path order: the ids filled in, the records written (rendered here
 * when no worker rendered them ahead). */
static ent_status stream_document(ent_document *d, void *prepared, void *ctx, ent_error *err)
{
	extract_job *job = ctx;
	ent_status st = prepared ? ent_stream_write_rendered(job->stream, d, prepared, err)
				 : ent_stream_write(job->stream, d, err);

	if (job->stats)
		stat_document(job, d);
	ent_rendered_free(prepared);
	ent_document_free(d);
	return st;
}

static ent_status write_stream(FILE *fp, const void *ctx, ent_error *err)
{
	static const cli_prepare_hook render = { render_document, release_rendered };
	extract_job *job = (extract_job *)ctx;
	ent_status st;

	job->stream = ent_stream_new(fp, job->format);
	st = cli_each_document(job->ex, job->paths, job->n_paths, job->o, &render,
			       stream_document, job, err);
	if (st == ENT_OK)
		st = ent_stream_finish(job->stream, err);
	ent_stream_free(job->stream);
	job->stream = NULL;
	return st;
}

/* --entities-only: the whole corpus, merged, as a table. */
static ent_status write_table(FILE *fp, const void *ctx, ent_error *err)
{
	extract_job *job = (extract_job *)ctx;
	ent_status st = ENT_OK;

	for (size_t i = 0; i < job->n_paths && st == ENT_OK; i++) {
		ent_document *d;
		st = ent_extract_file(job->ex, job->paths[i], &d, err);
		if (st == ENT_OK)
			ent_extractor_add_document(job->ex, d);
	}
	if (st == ENT_OK)
		st = ent_corpus_write(ent_extractor_corpus(job->ex), job->format, fp, err);
	return st;
}

static int run(extract_job *job)
{
	ent_error err;
	ent_status st;
	int rc = 0;

	ent_error_clear(&err);
	ent_map_init(&job->linked_keys);
	st = cli_prepare(job->operands, job->n_operands, job->o, &job->ex, &job->paths,
			 &job->n_paths, &err);
	if (st == ENT_OK)
		st = cli_write_output(job->o->output,
				      job->format == ENT_EXTRACT_ENTITIES ? write_table : write_stream,
				      job, &err);
	if (st != ENT_OK)
		rc = cli_report(&err);
	else if (job->stats)
		print_stats(job);
	for (size_t i = 0; i < job->n_rows; i++)
		free(job->rows[i].name);
	free(job->rows);
	ent_map_release(&job->linked_keys);
	ent_paths_free(job->paths, job->n_paths);
	ent_extractor_free(job->ex);
	return rc;
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "entities-only", no_argument, NULL, OPT_ENTITIES },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "stats", no_argument, NULL, OPT_STATS },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	ent_extract_format format = ENT_EXTRACT_JSONL;
	extract_job job;
	cli_opts o;
	int c, rc = CLI_CONTINUE, stats = 0;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:", longopts, NULL)) != -1) {
		if (c == OPT_ENTITIES) {
			format = ENT_EXTRACT_ENTITIES;
		} else if (c == OPT_STATS) {
			stats = 1;
		} else if (c == OPT_EXPLAIN) {
			format = ENT_EXTRACT_EXPLAIN;
		} else if (c == OPT_FORMAT) {
			if (parse_format(optarg, &format) != 0)
				rc = cli_usage_error("extract",
						     "unknown format '%s'; use jsonl or tsv",
						     optarg);
		} else {
			rc = cli_common_option(c, argv, &o, "extract", usage);
		}
	}
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("extract", "no input given");
		else {
			memset(&job, 0, sizeof(job));
			job.operands = argv + optind;
			job.n_operands = (size_t)(argc - optind);
			job.o = &o;
			job.format = format;
			job.stats = stats;
			rc = run(&job);
		}
	}
	cli_opts_release(&o);
	return rc;
}
