/*
 * entente's entry point: the command table, the global options (--version,
 * --help) and the final check that standard output was really written.
 * Everything else lives in one cmd_<name>.c per command.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

typedef struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

int cmd_export(int argc, char **argv); /* cli/cmd_export.c */

static const command commands[] = {
	{ "extract", cmd_extract, "extract entities and relations as JSON Lines or TSV" },
	{ "build", cmd_build, "build the knowledge graph and write it as GraphML" },
	{ "report", cmd_report, "print the graph summary and the most central entities" },
	{ "query", cmd_query, "ask the graph: partners, relations, path, common, ego" },
	{ "render", cmd_render, "draw the graph as SVG, PNG, PDF or DOT" },
	{ "export", cmd_export, "write the graph as GraphML, GEXF, JSON, CSV or RDF" },
	{ "diff", cmd_diff, "compare two graphs: what was added, removed or changed" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_help(void)
{
	printf("usage: entente [--version] [-h | --help] <command> [options] [operands]\n"
	       "\n"
	       "Turn policy documents into a knowledge graph of who cooperates with\n"
	       "whom, with the sentence that says so.\n"
	       "\n"
	       "commands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		printf("   %-9s %s\n", commands[i].name, commands[i].summary);
	printf("\n"
	       "Inputs are files, directories (searched for .txt, .text, .md, .html,\n"
	       ".htm, .xhtml and .xml) or '-' for standard input; a single .graphml\n"
	       "file is read as a graph written by 'entente build'.\n"
	       "\n"
	       "See 'entente <command> -h' for a command's options, or entente(1).\n");
}

static const command *find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* `entente help [COMMAND]`: the overview, or the command's own -h. */
static int run_help(int argc, char **argv)
{
	const command *cmd;
	char *sub[3];

	if (argc < 2) {
		print_help();
		return 0;
	}
	cmd = find_command(argv[1]);
	if (!cmd)
		return cli_fail(ENT_ERR_USAGE,
				"'%s' is not an entente command. See 'entente --help'.",
				argv[1]);
	sub[0] = argv[1];
	sub[1] = "-h";
	sub[2] = NULL;
	return cmd->run(2, sub);
}

/* Data goes to standard output, so a failed write there (a full disk, a
 * closed pipe) must change the exit status. */
static int close_stdout(int rc)
{
	int bad = ferror(stdout);

	errno = 0;
	if (fclose(stdout) != 0)
		bad = 1;
	if (bad && rc == 0 && errno == EPIPE && cli_stdout_reader_gone())
		return ENT_ERR_OUTPUT;
	if (bad && rc == 0) {
		fprintf(stderr, "entente: standard output: write error: %s\n",
			strerror(errno ? errno : EIO));
		rc = ENT_ERR_OUTPUT;
	}
	return rc;
}

static int dispatch(int argc, char **argv)
{
	const command *cmd;
	const char *arg;

	if (argc < 2) {
		fprintf(stderr, "entente: no command given. See 'entente --help'.\n");
		return ENT_ERR_USAGE;
	}
	arg = argv[1];
	if (!strcmp(arg, "--version")) {
		printf("entente %s\n", ENTENTE_VERSION);
		return 0;
	}
	if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
		print_help();
		return 0;
	}
	if (arg[0] == '-' && arg[1] != '\0')
		return cli_fail(ENT_ERR_USAGE,
				"unknown option '%s'. See 'entente --help'.", arg);
	if (!strcmp(arg, "help"))
		return run_help(argc - 1, argv + 1);
	cmd = find_command(arg);
	if (!cmd)
		return cli_fail(ENT_ERR_USAGE,
				"'%s' is not an entente command. See 'entente --help'.",
				arg);
	return cmd->run(argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	ent_ofile_install_signals();
	return close_stdout(dispatch(argc, argv));
}
