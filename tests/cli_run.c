/*
 * Running the entente binary from tests (see cli_run.h).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <check.h>

#include "cli_run.h"
#include "util.h"



void result_free(run_result *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

const char *entente_bin(void)
{
	const char *bin = getenv("ENTENTE_BIN");
	return bin && *bin ? bin : "build/entente";
}

int under_valgrind(void)
{
	const char *v = getenv("ENTENTE_VALGRIND");
	return v && !strcmp(v, "1");
}

/* Append what is readable on `fd` to the buffer; 0 at end of file. */
static int drain(int fd, char **buf, size_t *len)
{
	char chunk[8192];
	ssize_t n = read(fd, chunk, sizeof(chunk));

	if (n < 0 && errno == EINTR)
		return 1;
	if (n <= 0)
		return 0;
	*buf = realloc(*buf, *len + (size_t)n + 1);
	ck_assert_ptr_nonnull(*buf);
	memcpy(*buf + *len, chunk, (size_t)n);
	*len += (size_t)n;
	(*buf)[*len] = '\0';
	return 1;
}

/* As `out_file` of run_full(): standard output is a pipe whose reader has
 * already gone, as in `entente ... | head -c0`. */
const char closed_pipe[] = "(closed pipe)";

static void child(const char *const *args, const char *in_data,
		  const char *out_file, int in_fd, int out_fd, int err_fd)
{
	const char *argv[MAX_ARGS + 8];
	size_t n = 0;

	if (in_data == NULL)
		in_fd = open("/dev/null", O_RDONLY);
	if (out_file && out_file != closed_pipe)
		out_fd = open(out_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (in_fd < 0 || out_fd < 0 || dup2(in_fd, 0) < 0 ||
	    dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
		_exit(126);
	if (under_valgrind()) {
		argv[n++] = "valgrind";
		argv[n++] = "-q";
		argv[n++] = "--error-exitcode=99";
		argv[n++] = "--leak-check=full";
		argv[n++] = "--errors-for-leak-kinds=definite";
	}
	argv[n++] = entente_bin();
	for (size_t i = 0; args[i] && i < MAX_ARGS; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], (char *const *)argv);
	_exit(127);
}

/* Run the binary with `args` (NULL-terminated), feeding `in_data` (NULL:
 * /dev/null) on standard input; standard output goes to `out_file` when
 * given (or to `closed_pipe`), else into r->out. */
void run_full(run_result *r, const char *in_data, const char *out_file,
		     const char *const *args)
{
	int in[2], out[2], err[2], status;
	struct pollfd fds[2];
	pid_t pid;

	memset(r, 0, sizeof(*r));
	r->out = calloc(1, 1);
	r->err = calloc(1, 1);
	ck_assert(pipe(in) == 0 && pipe(out) == 0 && pipe(err) == 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(in[1]);
		close(out[0]);
		close(err[0]);
		child(args, in_data, out_file, in[0], out[1], err[1]);
	}
	close(in[0]);
	close(out[1]);
	close(err[1]);
	if (out_file == closed_pipe) {
		close(out[0]);
		out[0] = -1;
	}
	if (in_data) {
		/* small inputs only: they fit in the pipe; the child may exit
		 * without reading them */
		signal(SIGPIPE, SIG_IGN);
		ck_assert(write(in[1], in_data, strlen(in_data)) >= 0 ||
			  errno == EPIPE);
	}
	close(in[1]);
	fds[0].fd = out[0];
	fds[1].fd = err[0];
	fds[0].events = fds[1].events = POLLIN;
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		if (poll(fds, 2, -1) < 0) {
			ck_assert_int_eq(errno, EINTR);
			continue;
		}
		if (fds[0].revents && !drain(out[0], &r->out, &r->out_len))
			fds[0].fd = -1;
		if (fds[1].revents && !drain(err[0], &r->err, &r->err_len))
			fds[1].fd = -1;
	}
	if (out[0] >= 0)
		close(out[0]);
	close(err[0]);
	while (waitpid(pid, &status, 0) < 0)
		ck_assert_int_eq(errno, EINTR);
	r->status = WIFEXITED(status) ? WEXITSTATUS(status)
				      : 128 + WTERMSIG(status);
}

/* run(&r, "extract", "x.txt", NULL) */
void run(run_result *r, const char *first, ...)
{
	const char *args[MAX_ARGS + 1];
	size_t n = 0;
	va_list ap;

	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *)) {
		ck_assert_uint_lt(n, MAX_ARGS);
		args[n++] = a;
	}
	va_end(ap);
	args[n] = NULL;
	run_full(r, NULL, NULL, args);
}

/* One diagnostic line: "entente: ...\n" and nothing else. */
void assert_one_error_line(const run_result *r)
{
	const char *nl = strchr(r->err, '\n');

	ck_assert_msg(!strncmp(r->err, "entente: ", 9),
		      "stderr does not start with 'entente: ': %.1500s", r->err);
	ck_assert_msg(nl && nl[1] == '\0', "stderr is not exactly one line: %.1500s",
		      r->err);
}

/* ------------------------------------------------------------- files */

char *path_join(const char *dir, const char *name)
{
	return ent_xasprintf("%s/%s", dir, name);
}

char *make_tmpdir(void)
{
	char tmpl[] = "/tmp/entente-cli-XXXXXX";
	char *dir = mkdtemp(tmpl);

	ck_assert_msg(dir != NULL, "mkdtemp: %s", strerror(errno));
	return strdup(dir);
}

void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *sub;
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			sub = path_join(path, e->d_name);
			remove_tree(sub);
			free(sub);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

void write_file(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot create %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

/* The whole file, NUL-terminated, or NULL when it cannot be read. */
char *read_all(const char *path, size_t *len)
{
	char *data;
	size_t n;

	if (ent_read_file(path, (size_t)1 << 30, &data, &n, NULL) != ENT_OK)
		return NULL;
	if (len)
		*len = n;
	return data;
}

int exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

/* Entries of `dir` (other than . and ..); any name with ".tmp." counts in
 * *tmp too. */
size_t dir_entries(const char *dir, size_t *tmp)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	*tmp = 0;
	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		n++;
		if (strstr(e->d_name, ".tmp."))
			(*tmp)++;
	}
	closedir(d);
	return n;
}

