/*
 * `entente extract`: documents in, entities and relations with their
 * evidence out, as JSON Lines (the contract the scorer reads) or TSV.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

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
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n";

enum { OPT_FORMAT = CLI_OPT_FIRST_PRIVATE, OPT_ENTITIES, OPT_EXPLAIN };

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

static int run(char **operands, size_t n, const cli_opts *o,
	       ent_extract_format format)
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
	ent_extractor_free(ex);
	return 0;
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "entities-only", no_argument, NULL, OPT_ENTITIES },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	ent_extract_format format = ENT_EXTRACT_JSONL;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:", longopts, NULL)) != -1) {
		if (c == OPT_ENTITIES) {
			format = ENT_EXTRACT_ENTITIES;
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
			rc = run(argv + optind, (size_t)(argc - optind), &o, format);
	}
	cli_opts_release(&o);
	return rc;
}
