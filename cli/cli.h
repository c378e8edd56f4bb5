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
} cli_opts;

/* getopt_long codes of the shared long-only options. */
enum { CLI_OPT_GAZETTEER = 0x100, CLI_OPT_FIRST_PRIVATE = 0x110 };

/* Long options every command accepts; append them to a command's table
 * with CLI_COMMON_LONGOPTS and "hqo:" to its short options. */
#define CLI_COMMON_LONGOPTS                                        \
	{ "help", no_argument, NULL, 'h' },                        \
	{ "quiet", no_argument, NULL, 'q' },                       \
	{ "gazetteer", required_argument, NULL, CLI_OPT_GAZETTEER }, \
	{ "output", required_argument, NULL, 'o' }

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

/* Extract every document the operands name (files, directories, "-") into
 * a new extractor, with progress on a terminal. An output path equal to
 * one of the documents is a usage error. On success *out is the extractor
 * (free with ent_extractor_free()); on failure *out is NULL. */
ent_status cli_extract(char *const *operands, size_t n, const cli_opts *o,
		       ent_extractor **out, ent_error *err);

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

#endif
