/*
 * Private interface of the command-line front end: the options every
 * command shares, error reporting in the house format, and the two ways of
 * getting data in (documents to a corpus, documents or GraphML to a graph)
 * so that no command re-implements them.
 */
#ifndef ENT_CLI_H
#define ENT_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "entente/entente.h"

/* Options shared by the commands. */
typedef struct cli_opts {
	int quiet;               /* -q: no summary, no progress */
	const char *output;      /* -o FILE, NULL when not given */
	const char **gazetteers; /* --gazetteer FILE, in command-line order */
	size_t n_gazetteers;
	int jobs;                /* -j N: extraction threads; 0 = one per core */
	ent_limits limits;       /* --max-doc-mb, --max-sentence-words,
				  * --max-list; 0 = default */
} cli_opts;

/* getopt_long codes of the shared long-only options. */
enum {
	CLI_OPT_GAZETTEER = 0x100,
	CLI_OPT_MAX_DOC,
	CLI_OPT_MAX_SENTENCE,
	CLI_OPT_MAX_LIST,
	CLI_OPT_FIRST_PRIVATE = 0x110
};

/* Long options every command accepts; append them to a command's table
 * with CLI_COMMON_LONGOPTS and "hqo:j:" to its short options. */
#define CLI_COMMON_LONGOPTS                                        \
	{ "help", no_argument, NULL, 'h' },                        \
	{ "quiet", no_argument, NULL, 'q' },                       \
	{ "gazetteer", required_argument, NULL, CLI_OPT_GAZETTEER }, \
	{ "output", required_argument, NULL, 'o' },                \
	{ "jobs", required_argument, NULL, 'j' },                  \
	{ "max-doc-mb", required_argument, NULL, CLI_OPT_MAX_DOC }, \
	{ "max-sentence-words", required_argument, NULL, CLI_OPT_MAX_SENTENCE }, \
	{ "max-list", required_argument, NULL, CLI_OPT_MAX_LIST }

/* The commands, one file each. argv[0] is the command name. */
int cmd_extract(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_render(int argc, char **argv);

/* Returned by cli_common_option() when parsing goes on. */
#define CLI_CONTINUE (-1)

void cli_opts_init(cli_opts *o);
void cli_opts_release(cli_opts *o);

/* Handle an option that getopt_long() returned and the command did not
 * claim: -h (prints `usage`, returns 0), -q, -o, --gazetteer (return
 * CLI_CONTINUE), unknown options and missing values (report them, return
 * 2). `cmd` names the command in the hint. */
int cli_common_option(int c, char *const argv[], cli_opts *o,
		      const char *cmd, const char *usage);

/* Report a usage error as one line with a hint; returns ENT_ERR_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print `entente: FILE[:LINE]: reason` (or `entente: reason`) for `err`
 * and return its exit code (1 if `err` holds no error). A write to a pipe
 * whose reader has gone exits 4 without a message. */
int cli_report(const ent_error *err);

/* Non-zero when standard output is a pipe whose reader has gone, as in
 * `entente extract ... | head`: the reader wanted no more, which is no
 * news to report (the exit status still says 4). */
int cli_stdout_reader_gone(void);

/* Print `entente: ` and the message; returns `code`. */
int cli_fail(ent_status code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The help lines of the limits, for extract and build. */
#define CLI_LIMITS_HELP \
	"  --max-doc-mb N      refuse documents over N MB (default 256; exit 5)\n" \
	"  --max-sentence-words N\n" \
	"                      read at most N words of a sentence (default 2000)\n" \
	"  --max-list N        relate at most N names listed on one side of a\n" \
	"                      relation (default 32, at most 256); cuts are\n" \
	"                      reported as warnings\n"

/* The help line of -j, for commands that extract. */
#define CLI_JOBS_HELP \
	"  -j, --jobs N        extract on N threads (default: one per core);\n" \
	"                      the output is the same for every N\n"

/* Extract the documents `paths` names on o->jobs threads and hand each
 * result to `take`, in the order of `paths` whatever the threads do, with
 * progress on a terminal. `prepare`, when given, runs on the worker
 * thread right after a document is extracted (it must only read `ctx`);
 * what it returns is handed to `take` with the document, and freed by
 * `release` if the run stops before `take` gets it. `take` owns both.
 * `take` may get NULL for any document (with one thread, and for the
 * documents the calling thread extracted itself while it waited): it
 * must then do that work itself.
 * The first failure (of a document, in path order, or of `take`)
 * stops the run. At most a few documents per thread are in memory. */
typedef void *(*cli_prepare_document)(const ent_document *d, const void *ctx);
typedef struct cli_prepare_hook {
	cli_prepare_document run;
	void (*release)(void *prepared);
} cli_prepare_hook;
typedef ent_status (*cli_take_document)(ent_document *d, void *prepared, void *ctx,
					ent_error *err);
ent_status cli_each_document(const ent_extractor *ex, char *const *paths, size_t n,
			     const cli_opts *o, const cli_prepare_hook *prepare,
			     cli_take_document take, void *ctx, ent_error *err);

/* Expand the operands into document paths, refuse an output that is one
 * of them, and make an extractor with the --gazetteer files loaded. */
ent_status cli_prepare(char *const *operands, size_t n, const cli_opts *o,
		       ent_extractor **ex, char ***paths, size_t *n_paths,
		       ent_error *err);

/* Extract every document the operands name (files, directories, "-") into
 * a new extractor, with progress on a terminal. An output path equal to
 * one of the documents is a usage error. On success *out is the extractor
 * (free with ent_extractor_free()); on failure *out is NULL. */
ent_status cli_extract(char *const *operands, size_t n, const cli_opts *o,
		       ent_extractor **out, ent_error *err);

/* Extract every document the operands name into the builder `b`, each
 * document released once merged (memory follows the graph). */
ent_status cli_build_graph(char *const *operands, size_t n, const cli_opts *o,
			   ent_graph_builder *b, ent_error *err);

/* The graph the operands name: a single GraphML file (by its suffix or its
 * first bytes) is read, anything else is extracted and built in memory.
 * On success *out is the graph (free with ent_graph_free()). */
ent_status cli_load_graph(char *const *operands, size_t n, const cli_opts *o,
			  ent_graph **out, ent_error *err);

/* Write to `path` ("-" or NULL: standard output) through `write`,
 * atomically: on any failure the file is left untouched. */
typedef ent_status (*cli_writer)(FILE *fp, const void *ctx, ent_error *err);
ent_status cli_write_output(const char *path, cli_writer write,
			    const void *ctx, ent_error *err);

/* Write `s` as a JSON string literal: quotes, backslashes and control
 * characters escaped, invalid UTF-8 replaced by U+FFFD. */
void cli_json_string(FILE *fp, const char *s);

/* Write `s` for a human: control characters (which could drive the
 * terminal) become '?'. */
void cli_put_text(FILE *fp, const char *s);

/* ---- view options: one parser for every command that reads a graph ----
 *
 * A command appends CLI_VIEW_LONGOPTS to its getopt_long table, keeps an
 * ent_view (ent_view_init), passes every code for which
 * CLI_IS_VIEW_OPTION(c) holds to cli_view_option(), appends
 * CLI_VIEW_HELP to its usage, and runs its work on
 * cli_apply_view(graph, &view, &err). A command whose own --top means
 * something else uses CLI_VIEW_FILTER_LONGOPTS (everything but --top). */
enum {
	CLI_OPT_VIEW_TYPES = 0x180,
	CLI_OPT_VIEW_RELATIONS,
	CLI_OPT_VIEW_SINCE,
	CLI_OPT_VIEW_UNTIL,
	CLI_OPT_VIEW_MIN_WEIGHT,
	CLI_OPT_VIEW_ASSERTED_ONLY,
	CLI_OPT_VIEW_PROJECT,
	CLI_OPT_VIEW_FOCUS,
	CLI_OPT_VIEW_DEPTH,
	CLI_OPT_VIEW_TOP
};

#define CLI_IS_VIEW_OPTION(c) \
	((c) >= CLI_OPT_VIEW_TYPES && (c) <= CLI_OPT_VIEW_TOP)

#define CLI_VIEW_FILTER_LONGOPTS                                           \
	{ "types", required_argument, NULL, CLI_OPT_VIEW_TYPES },          \
	{ "relations", required_argument, NULL, CLI_OPT_VIEW_RELATIONS },  \
	{ "since", required_argument, NULL, CLI_OPT_VIEW_SINCE },          \
	{ "until", required_argument, NULL, CLI_OPT_VIEW_UNTIL },          \
	{ "min-weight", required_argument, NULL, CLI_OPT_VIEW_MIN_WEIGHT }, \
	{ "asserted-only", no_argument, NULL, CLI_OPT_VIEW_ASSERTED_ONLY }, \
	{ "project", required_argument, NULL, CLI_OPT_VIEW_PROJECT },      \
	{ "focus", required_argument, NULL, CLI_OPT_VIEW_FOCUS },          \
	{ "depth", required_argument, NULL, CLI_OPT_VIEW_DEPTH }

#define CLI_VIEW_LONGOPTS \
	CLI_VIEW_FILTER_LONGOPTS, { "top", required_argument, NULL, CLI_OPT_VIEW_TOP }

/* The help lines of the view options (without --top: CLI_VIEW_TOP_HELP). */
#define CLI_VIEW_FILTER_HELP                                                     \
	"view options (applied in this order: filters, projection, focus, top):\n" \
	"  --types LIST        keep entities of these types (comma-separated:\n"   \
	"                      country, organization, agreement, event,\n"          \
	"                      program, place, person)\n"                          \
	"  --relations LIST    keep relations of these kinds (cooperates_with,\n"  \
	"                      signed, launched, adopted, hosted, participated_in,\n" \
	"                      member_of, held_in, part_of)\n"                     \
	"  --since YEAR        keep relations with a year from YEAR on\n"          \
	"  --until YEAR        keep relations with a year up to YEAR; with either,\n" \
	"                      relations without a year are left out\n"            \
	"  --min-weight N      keep relations with at least N evidence sentences\n" \
	"  --asserted-only     leave out relations only ever stated as intentions\n" \
	"                      or proposals (hedged)\n"                            \
	"  --project countries\n"                                                  \
	"                      the country network: two countries linked by the\n" \
	"                      agreements, organizations, events and programs\n"   \
	"                      they share, plus their direct cooperation\n"        \
	"  --focus NAME        keep the neighbourhood of NAME\n"                    \
	"  --depth K           its radius in hops (default 1)\n"
#define CLI_VIEW_TOP_HELP \
	"  --top N             keep the N entities of highest PageRank\n"
#define CLI_VIEW_HELP CLI_VIEW_FILTER_HELP CLI_VIEW_TOP_HELP

/* Handle the view option `c` (CLI_IS_VIEW_OPTION) with its argument:
 * returns CLI_CONTINUE, or reports a usage error naming `cmd` and returns
 * ENT_ERR_USAGE. --types and --relations accumulate. `arg` must outlive
 * the view (getopt's optarg does). */
int cli_view_option(int c, const char *arg, ent_view *v, const char *cmd);

/* A comma-separated list of relation names (as --relations takes) added
 * to the bit set *bits; `opt` names the option in a usage error. Returns
 * CLI_CONTINUE or ENT_ERR_USAGE. */
int cli_parse_relations(const char *arg, const char *opt, unsigned *bits,
			const char *cmd);

/* The view of `g`: g itself when `v` keeps everything, else a new graph
 * (free it, and g, with ent_graph_free()). NULL with `err` filled when
 * the view cannot be made (an unknown --focus name is ENT_ERR_FAIL). */
ent_graph *cli_apply_view(ent_graph *g, const ent_view *v, ent_error *err);

/* ---- diff ---- */
int cmd_diff(int argc, char **argv);

#endif
