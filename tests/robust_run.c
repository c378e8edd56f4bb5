/*
 * The robustness suite's way of running the binary (see test_robust.c):
 * each run is a fork/exec of ENTENTE_BIN under a hard timeout, with its
 * standard output and error drained through poll(), an optional SIGINT or
 * early close of standard output, and the child's CPU time and peak
 * memory from wait4(). Also the assertions every failure case makes on a
 * run, the per-test temporary directory and its files, and the
 * independent checkers (a shell command, UTF-8, JSON Lines).
 */
#define _POSIX_C_SOURCE 200809L
#define _GNU_SOURCE /* wait4, memmem */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "robust.h"
#include "util.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if __has_feature(address_sanitizer) || defined(__SANITIZE_ADDRESS__)
#define RB_ASAN 1
#else
#define RB_ASAN 0
#endif

/* Sizes shrink under the sanitizers and valgrind, which are 3-30x slower
 * and whose memory overhead would otherwise dominate. */
int rb_slow(void)
{
	const char *v = getenv("ENTENTE_VALGRIND");
	return RB_ASAN || (v && !strcmp(v, "1"));
}

/* ---------------------------------------------------------------- running */

static const char *entente_bin(void)
{
	const char *bin = getenv("ENTENTE_BIN");
	return bin && *bin ? bin : "build/entente";
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int drain(int fd, char **buf, size_t *len)
{
	char chunk[65536];
	ssize_t n = read(fd, chunk, sizeof(chunk));

	if (n < 0 && errno == EINTR)
		return 1;
	if (n <= 0)
		return 0;
	*buf = ent_xrealloc(*buf, *len + (size_t)n + 1);
	memcpy(*buf + *len, chunk, (size_t)n);
	*len += (size_t)n;
	(*buf)[*len] = '\0';
	return 1;
}

static void rb_child(const char *const *args, const rb_run *r, int out_fd, int err_fd)
{
	const char *argv[RB_MAX_ARGS + 8];
	size_t n = 0;
	int in_fd = open(r->stdin_path ? r->stdin_path : "/dev/null", O_RDONLY);

	if (in_fd < 0 || dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
		_exit(126);
	argv[n++] = entente_bin();
	for (size_t i = 0; args[i] && i < RB_MAX_ARGS; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], (char *const *)argv);
	_exit(127);
}

/* Run the binary with the NULL-terminated `args`; fills the results of *r. */
void rb_exec(rb_run *r, const char *const *args)
{
	double limit = r->timeout > 0 ? r->timeout : RB_TIMEOUT, start;
	int out[2], err[2], status, sent_int = 0;
	struct pollfd fds[2];
	struct rusage ru;
	pid_t pid;

	r->out = ent_xcalloc(1, 1);
	r->err = ent_xcalloc(1, 1);
	r->out_len = r->err_len = 0;
	r->timed_out = 0;
	ck_assert(pipe(out) == 0 && pipe(err) == 0);
	signal(SIGPIPE, SIG_IGN);
	start = now();
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(out[0]);
		close(err[0]);
		rb_child(args, r, out[1], err[1]);
	}
	close(out[1]);
	close(err[1]);
	fds[0].fd = out[0];
	fds[1].fd = err[0];
	fds[0].events = fds[1].events = POLLIN;
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		double t = now() - start;
		int wait_ms = 100;
		if (t > limit) {
			kill(pid, SIGKILL);
			r->timed_out = 1;
			break;
		}
		if (r->sigint_ms > 0 && !sent_int) {
			if (t * 1000 >= r->sigint_ms) {
				kill(pid, SIGINT);
				sent_int = 1;
			} else {
				wait_ms = 5;
			}
		}
		if (poll(fds, 2, wait_ms) < 0) {
			ck_assert_int_eq(errno, EINTR);
			continue;
		}
		if (fds[0].revents && !drain(out[0], &r->out, &r->out_len))
			fds[0].fd = -1;
		if (r->head1 && fds[0].fd >= 0 && r->out_len > 0) {
			close(out[0]);
			out[0] = fds[0].fd = -1;
		}
		if (fds[1].revents && !drain(err[0], &r->err, &r->err_len))
			fds[1].fd = -1;
	}
	if (out[0] >= 0)
		close(out[0]);
	close(err[0]);
	while (wait4(pid, &status, 0, &ru) < 0)
		ck_assert_int_eq(errno, EINTR);
	r->wall = now() - start;
	r->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		 (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	r->maxrss_kb = ru.ru_maxrss;
	r->signaled = WIFSIGNALED(status);
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* rb_call(&r, "extract", "x.txt", NULL): options of r set beforehand are kept. */
void rb_call(rb_run *r, const char *first, ...)
{
	const char *args[RB_MAX_ARGS + 1];
	size_t n = 0;
	va_list ap;

	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *)) {
		ck_assert_uint_lt(n, RB_MAX_ARGS);
		args[n++] = a;
	}
	va_end(ap);
	args[n] = NULL;
	rb_exec(r, args);
}

void rb_run_release(rb_run *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof(*r));
}

/* Standard error is one line "entente: FILE[:LINE]: reason" (file given)
 * or "entente: reason". With `need_line`, the line number is required. */
void rb_assert_diag(const rb_run *r, const char *file, int need_line)
{
	const char *nl = strchr(r->err, '\n'), *p = r->err + 9;

	ck_assert_msg(!strncmp(r->err, "entente: ", 9),
		      "stderr does not start with 'entente: ': %.800s", r->err);
	ck_assert_msg(nl && nl[1] == '\0' && (size_t)(nl - r->err) + 1 == r->err_len,
		      "stderr is not exactly one line: %.800s", r->err);
	ck_assert_msg(nl - p > 2, "no reason given: %.800s", r->err);
	if (!file)
		return;
	ck_assert_msg(!strncmp(p, file, strlen(file)),
		      "stderr does not name %s first: %.800s", file, r->err);
	p += strlen(file);
	if (*p == ':' && p[1] >= '0' && p[1] <= '9') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	} else {
		ck_assert_msg(!need_line, "no line number after %s: %.800s", file, r->err);
	}
	ck_assert_msg(!strncmp(p, ": ", 2) && p[2] != '\n',
		      "not 'FILE[:LINE]: reason': %.800s", r->err);
}

/* ------------------------------------------------------------- files */

static char *tmp_root;

void rb_tmp_setup(void)
{
	char tmpl[] = "/tmp/entente-robust-XXXXXX";

	ck_assert_msg(mkdtemp(tmpl) != NULL, "mkdtemp: %s", strerror(errno));
	tmp_root = ent_xstrdup(tmpl);
}

void rb_tmp_teardown(void)
{
	remove_tree(tmp_root);
	free(tmp_root);
	tmp_root = NULL;
}

/* A path in the test's directory; the caller frees it. */
char *rb_path(const char *name)
{
	return ent_xasprintf("%s/%s", tmp_root, name);
}

/* A fresh empty directory for outputs. */
char *rb_out_dir(const char *name)
{
	char *d = rb_path(name);

	remove_tree(d);
	ck_assert_int_eq(mkdir(d, 0755), 0);
	return d;
}

size_t rb_dir_count(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	ck_assert_msg(d != NULL, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

char *rb_write_file(const char *name, const void *data, size_t len)
{
	char *path = rb_path(name);
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot create %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
	return path;
}

char *rb_write_str(const char *name, const char *s)
{
	return rb_write_file(name, s, strlen(s));
}

char *rb_read_all(const char *path, size_t *len)
{
	char *data = NULL;
	size_t n = 0;

	if (ent_read_file(path, (size_t)1 << 30, &data, &n, NULL) != ENT_OK)
		return NULL;
	if (len)
		*len = n;
	return data;
}

void rb_fputn(FILE *fp, const char *s, size_t times)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < times; i++)
		fwrite(s, 1, n, fp);
}

/* A five-letter name from i: distinct for distinct i < 26^5. */
void rb_name5(char out[6], size_t i)
{
	out[0] = (char)('A' + i % 26);
	for (int k = 1; k < 5; k++) {
		i /= 26;
		out[k] = (char)('a' + i % 26);
	}
	out[5] = '\0';
}

/* Run a shell command (an independent checker); 0 when it succeeded. */
int rb_sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	st = system(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

int rb_contains(const char *path, const char *needle)
{
	size_t len;
	char *data = rb_read_all(path, &len);
	int found;

	ck_assert_msg(data != NULL, "cannot read %s", path);
	found = memmem(data, len, needle, strlen(needle)) != NULL;
	free(data);
	return found;
}

/* Every byte of the file is valid UTF-8. */
int rb_utf8_file(const char *path)
{
	size_t len, n;
	uint32_t cp;
	char *data = rb_read_all(path, &len);
	int ok = 1;

	ck_assert_msg(data != NULL, "cannot read %s", path);
	for (size_t i = 0; i < len && ok; i += n ? n : 1) {
		n = ent_utf8_valid((const unsigned char *)data + i, len - i, &cp);
		ok = n > 0;
	}
	free(data);
	return ok;
}

/* ------------------------------------------------- text: items 1-5, 7 */

/* Extract `path` into a fresh directory; returns the JSONL's path. */
char *rb_extract_ok(const char *path, const char *dir_name)
{
	char *dir = rb_out_dir(dir_name), *out = ent_xasprintf("%s/out.jsonl", dir);
	rb_run r = { 0 };

	rb_call(&r, "extract", "-q", path, "-o", out, NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.err, "");
	rb_run_release(&r);
	ck_assert_msg(rb_utf8_file(out), "%s is not valid UTF-8", out);
	ck_assert_msg(rb_sh("python3 -c 'import json,sys\n"
			    "for l in open(sys.argv[1],encoding=\"utf-8\"): json.loads(l)' %s", out) == 0,
		      "%s is not JSON Lines", out);
	free(dir);
	return out;
}
