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
	"Extract the entities and relations of the documents: entities first\n"
	"(ids e1, e2, ...), then relations with their evidence sentence.\n"
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
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n";

enum { OPT_FORMAT = CLI_OPT_FIRST_PRIVATE, OPT_ENTITIES, OPT_EXPLAIN, OPT_STATS };

typedef struct extract_job {
	const ent_corpus *corpus;
	ent_extract_format format;
} extract_job;

static ent_status write_corpus(FILE *fp, const void *ctx, ent_error *err)
{
	const extract_job *job = ctx;

	return ent_corpus_write(job->corpus, job->format, fp, err);
}

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

/* The documents the operands name, as evidence names them, with their
 * size, relations and the distinct entities those relations link; then
 * the totals. O(D + R). */
static void print_stats(char **operands, size_t n, const ent_corpus *c)
{
	char **paths;
	size_t np, width = 8, all_linked = 0;
	ent_map row, seen;
	ent_error err;

	ent_error_clear(&err);
	if (ent_paths_expand((const char *const *)operands, n, &paths, &np, &err) != ENT_OK)
		return; /* extraction expanded them a moment ago */
	long *rels = ent_xcalloc(np + 1, sizeof(*rels)), *linked = ent_xcalloc(np + 1, sizeof(*linked));
	ent_map_init(&row);
	ent_map_init(&seen);
	for (size_t i = 0; i < np; i++) {
		const char *name = strcmp(paths[i], "-") ? paths[i] : "(stdin)";
		ent_map_put(&row, name, i);
		if (strlen(name) > width)
			width = strlen(name) < 60 ? strlen(name) : 60;
	}
	for (size_t r = 0; r < c->n_relations; r++) {
		const ent_relation *rel = &c->relations[r];
		size_t *k = ent_map_get(&row, rel->ev.doc);
		if (!k)
			continue;
		rels[*k]++;
		for (int end = 0; end < 2; end++) {
			size_t e = end ? rel->object : rel->subject;
			char key[64];
			snprintf(key, sizeof(key), "%zu %zu", *k, e);
			if (!ent_map_get(&seen, key)) {
				ent_map_put(&seen, key, 1);
				linked[*k]++;
			}
			snprintf(key, sizeof(key), "all %zu", e);
			if (!ent_map_get(&seen, key)) {
				ent_map_put(&seen, key, 1);
				all_linked++;
			}
		}
	}
	long long total = 0;
	fprintf(stderr, "%-*s %12s %9s %7s\n", (int)width, "document", "bytes", "relations", "linked");
	for (size_t i = 0; i < np; i++) {
		const char *name = strcmp(paths[i], "-") ? paths[i] : "(stdin)";
		size_t len = strlen(name);
		struct stat sb;
		cli_put_text(stderr, name);
		fprintf(stderr, "%*s", len < width ? (int)(width - len) : 0, "");
		if (strcmp(paths[i], "-") && stat(paths[i], &sb) == 0) {
			fprintf(stderr, " %12lld", (long long)sb.st_size);
			total += (long long)sb.st_size;
		} else {
			fprintf(stderr, " %12s", "-");
		}
		fprintf(stderr, " %9ld %7ld\n", rels[i], linked[i]);
	}
	char docs[32];
	snprintf(docs, sizeof(docs), "%zu document%s", np, np == 1 ? "" : "s");
	fprintf(stderr, "%-*s %12lld %9zu %7zu\n", (int)width, docs, total, c->n_relations,
		all_linked);
	ent_map_release(&row);
	ent_map_release(&seen);
	free(rels);
	free(linked);
	ent_paths_free(paths, np);
}

/* ---- end of --stats ---- */

static int run(char **operands, size_t n, const cli_opts *o,
	       ent_extract_format format, int stats)
{
	ent_extractor *ex;
	extract_job job;
	ent_error err;

	ent_error_clear(&err);
	if (cli_extract(operands, n, o, &ex, &err) != ENT_OK)
		return cli_report(&err);
	job.corpus = ent_extractor_corpus(ex);
	job.format = format;
	if (cli_write_output(o->output, write_corpus, &job, &err) != ENT_OK) {
		ent_extractor_free(ex);
		return cli_report(&err);
	}
	if (stats)
		print_stats(operands, n, job.corpus);
	ent_extractor_free(ex);
	return 0;
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
	cli_opts o;
	int c, rc = CLI_CONTINUE, stats = 0;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:", longopts, NULL)) != -1) {
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
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, format, stats);
	}
	cli_opts_release(&o);
	return rc;
}
