/*
 * The options every command shares and the error lines of the house
 * style: one line on stderr, `entente: FILE[:LINE]: reason`, the exit code
 * being the ent_status of the failure.
 */
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

void cli_opts_init(cli_opts *o)
{
	memset(o, 0, sizeof(*o));
}

void cli_opts_release(cli_opts *o)
{
	free(o->gazetteers);
	cli_opts_init(o);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("entente: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'entente %s -h')\n", cmd);
	return ENT_ERR_USAGE;
}

/* The option as the user wrote it, for messages: "-x" or "--long". */
static void option_name(char *buf, size_t size, char *const argv[])
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";

	if (optopt > 0 && optopt < 0x80 && strncmp(arg, "--", 2) != 0) {
		snprintf(buf, size, "-%c", optopt);
		return;
	}
	/* drop "=value" from --name=value */
	snprintf(buf, size, "%.*s", (int)strcspn(arg, "="), arg);
}

int cli_common_option(int c, char *const argv[], cli_opts *o,
		      const char *cmd, const char *usage)
{
	char name[128];

	switch (c) {
	case 'h':
		fputs(usage, stdout);
		return 0;
	case 'q':
		o->quiet = 1;
		return CLI_CONTINUE;
	case 'o':
		if (!*optarg)
			return cli_usage_error(cmd, "option '-o' needs a file name");
		o->output = optarg;
		return CLI_CONTINUE;
	case 'j': {
		char *end;
		long n = strtol(optarg, &end, 10);
		if (end == optarg || *end || n < 1 || n > 256)
			return cli_usage_error(cmd, "option '-j' needs a number of threads "
					       "from 1 to 256, not '%s'", optarg);
		o->jobs = (int)n;
		return CLI_CONTINUE;
	}
	case CLI_OPT_MAX_DOC:
	case CLI_OPT_MAX_SENTENCE:
	case CLI_OPT_MAX_LIST: {
		static const long top[] = { 4096, 1000000, 256 };
		static const char *const opt[] = { "--max-doc-mb", "--max-sentence-words",
						   "--max-list" };
		int k = c - CLI_OPT_MAX_DOC;
		char *end;
		long n = strtol(optarg, &end, 10);
		if (end == optarg || *end || n < 1 || n > top[k])
			return cli_usage_error(cmd, "option '%s' needs a number from 1 to %ld, "
					       "not '%s'", opt[k], top[k], optarg);
		if (k == 0)
			o->limits.max_bytes = (size_t)n << 20;
		else if (k == 1)
			o->limits.max_sentence_words = (size_t)n;
		else
			o->limits.max_list = (size_t)n;
		return CLI_CONTINUE;
	}
	case CLI_OPT_GAZETTEER:
		o->gazetteers = ent_xrealloc(o->gazetteers, (o->n_gazetteers + 1) *
							       sizeof(*o->gazetteers));
		o->gazetteers[o->n_gazetteers++] = optarg;
		return CLI_CONTINUE;
	case ':':
		option_name(name, sizeof(name), argv);
		return cli_usage_error(cmd, "option '%s' needs a value", name);
	default:
		option_name(name, sizeof(name), argv);
		return cli_usage_error(cmd, "unknown option '%s'", name);
	}
}

/* Library messages may quote input or Graphviz's multi-line chatter; an
 * error stays one line and cannot drive the terminal. */
static void put_one_line(const char *s)
{
	size_t n = strlen(s);

	while (n && (unsigned char)s[n - 1] <= ' ')
		n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		fputc(c < 0x20 || c == 0x7f ? ' ' : c, stderr);
	}
}

int cli_stdout_reader_gone(void)
{
	struct pollfd p = { STDOUT_FILENO, POLLOUT, 0 };

	return poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

int cli_report(const ent_error *err)
{
	/* "-" is standard output to writers, standard input to readers */
	int output = err->code == ENT_ERR_OUTPUT;
	int std = !strcmp(err->file, "-") ||
		  (output && !strcmp(err->file, "standard output"));

	if (output && std && cli_stdout_reader_gone())
		return ENT_ERR_OUTPUT;
	fputs("entente: ", stderr);
	if (err->file[0]) {
		put_one_line(!std ? err->file
			     : output ? "standard output" : "standard input");
		if (err->line > 0)
			fprintf(stderr, ":%ld", err->line);
		fputs(": ", stderr);
	}
	put_one_line(err->msg[0] ? err->msg : "failed");
	fputc('\n', stderr);
	return err->code != ENT_OK ? (int)err->code : ENT_ERR_FAIL;
}

int cli_fail(ent_status code, const char *fmt, ...)
{
	va_list ap;

	fputs("entente: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return (int)code;
}
