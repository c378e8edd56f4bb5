/*
 * Work under a wall-clock limit, in a forked child. The child inherits
 * the scene already built (igraph, which may use OpenMP threads, is never
 * called in the child: libgomp does not survive fork), does the Graphviz
 * work, writes one record and the bytes to a pipe, and leaves with
 * _exit() so that it flushes none of the parent's stdio buffers. The
 * parent reads as the child writes (the bytes may be megabytes, far more
 * than a pipe holds), and kills it with SIGKILL at the deadline.
 *
 * Backstops for a parent that dies first: the child gets the default
 * SIGPIPE (a write to the gone reader kills it), an alarm and a CPU
 * limit a few seconds past the deadline.
 *
 * The child's exit status counts: under valgrind (make valgrind) a leak
 * or memory error in the child changes it, and the work fails.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bounded.h"

#define RECORD_MAGIC 0x656e7472u /* "entr" */

/* What the child sends before the bytes. The child is a fork of this
 * very process, so the structs (and the static strings they point to)
 * mean the same on both sides. */
typedef struct record {
	uint32_t magic;
	ent_status status;
	ent_error err;
	ent_render_info info;
	uint64_t len;
} record;

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void child(int fd, unsigned seconds, ent_bounded_work work, void *ctx)
{
	struct rlimit cpu = { (rlim_t)seconds + 2, (rlim_t)seconds + 4 };
	record r;
	ent_buf out;

	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	setrlimit(RLIMIT_CPU, &cpu);
	alarm(seconds + 5);

	memset(&r, 0, sizeof(r));
	ent_buf_init(&out);
	ent_error_clear(&r.err);
	r.magic = RECORD_MAGIC;
	r.status = work(ctx, &out, &r.info, &r.err);
	r.len = r.status == ENT_OK ? out.len : 0;
	if (write_all(fd, &r, sizeof(r)) != 0 ||
	    (r.len && write_all(fd, out.data, out.len) != 0))
		_exit(3);
	ent_buf_release(&out);
	close(fd);
	_exit(0);
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Read everything the child writes until it closes the pipe; 0 on end of
 * file, 1 when the deadline passed, -1 on a read error. */
static int collect(int fd, unsigned seconds, ent_buf *in)
{
	const long limit = (long)seconds * 1000;
	struct timespec t0;
	char chunk[65536];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		long left = limit - ms_since(&t0);
		struct pollfd p = { fd, POLLIN, 0 };
		int rc;
		ssize_t n;

		if (left <= 0)
			return 1;
		rc = poll(&p, 1, left > 60000 ? 60000 : (int)left);
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc < 0)
			return -1;
		if (rc == 0)
			continue; /* the deadline is checked above */
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		ent_buf_add(in, chunk, (size_t)n);
	}
}

static int reap(pid_t pid)
{
	int status = 0;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

static ent_status timed_out(unsigned seconds, const char *target, ent_error *err)
{
	return ent_error_set(err, ENT_ERR_LIMIT, target, 0,
			     "layout took longer than %u s; try --layout sfdp or --top N",
			     seconds);
}

/* Make sense of what the child sent and how it ended. */
static ent_status unpack(const ent_buf *in, int status, unsigned seconds,
			 ent_buf *out, ent_render_info *info, const char *target,
			 ent_error *err)
{
	record r;

	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);

		if (sig == SIGXCPU || sig == SIGALRM)
			return timed_out(seconds, target, err);
		return ent_error_set(err, ENT_ERR_FAIL, target, 0,
				     "layout failed: Graphviz was killed by signal %d (%s)",
				     sig, strsignal(sig));
	}
	if (in->len < sizeof(r))
		return ent_error_set(err, ENT_ERR_FAIL, target, 0,
				     "layout failed: the layout process ended early (status %d)",
				     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	memcpy(&r, in->data, sizeof(r));
	if (r.magic != RECORD_MAGIC || r.len != in->len - sizeof(r))
		return ent_error_set(err, ENT_ERR_FAIL, target, 0,
				     "layout failed: the layout process sent %zu bytes, not %llu",
				     in->len - sizeof(r), (unsigned long long)r.len);
	/* The child leaves with 0 once it has sent the record; anything else
	 * comes from outside our code, such as valgrind's --error-exitcode
	 * after a memory error or leak in the child, and must not pass. */
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return ent_error_set(err, ENT_ERR_FAIL, target, 0,
				     "layout failed: the layout process exited with status %d",
				     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	if (info)
		*info = r.info;
	if (r.status != ENT_OK) {
		if (err && err->code == ENT_OK)
			*err = r.err;
		return r.status;
	}
	ent_buf_add(out, in->data + sizeof(r), in->len - sizeof(r));
	return ENT_OK;
}

ent_status ent_bounded_run(unsigned seconds, ent_bounded_work work, void *ctx,
			   ent_buf *out, ent_render_info *info,
			   const char *target, ent_error *err)
{
	ent_buf in;
	ent_status st;
	int fds[2], rc, status;
	pid_t pid;

	if (seconds == 0)
		return work(ctx, out, info, err);
	if (pipe(fds) != 0)
		return ent_error_set(err, ENT_ERR_FAIL, target, 0,
				     "cannot start the layout process: %s", strerror(errno));
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		int e = errno;

		close(fds[0]);
		close(fds[1]);
		return ent_error_set(err, ENT_ERR_FAIL, target, 0,
				     "cannot start the layout process: %s", strerror(e));
	}
	if (pid == 0) {
		close(fds[0]);
		child(fds[1], seconds, work, ctx);
	}
	close(fds[1]);
	ent_buf_init(&in);
	rc = collect(fds[0], seconds, &in);
	close(fds[0]);
	if (rc != 0)
		kill(pid, SIGKILL);
	status = reap(pid);
	if (rc == 1)
		st = timed_out(seconds, target, err);
	else if (rc < 0)
		st = ent_error_set(err, ENT_ERR_FAIL, target, 0,
				   "cannot read from the layout process: %s", strerror(errno));
	else
		st = unpack(&in, status, seconds, out, info, target, err);
	ent_buf_release(&in);
	return st;
}
