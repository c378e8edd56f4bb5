/*
 * Shared by the robustness suite's files (test_robust*.c): the runner and
 * helpers of robust_run.c and the inputs of robust_gen.c. Paths returned
 * as char * are malloc'ed; the caller frees them.
 */
#ifndef ENT_TEST_ROBUST_H
#define ENT_TEST_ROBUST_H

#include <check.h>
#include <stddef.h>
#include <stdio.h>

#define RB_MAX_ARGS 32
#define RB_TIMEOUT 30.0 /* seconds; any single run */

/* One run of the binary: set the options, rb_call(), read the results,
 * rb_run_release(). */
typedef struct rb_run {
	const char *stdin_path; /* NULL: /dev/null */
	double timeout;         /* 0: RB_TIMEOUT */
	int head1;              /* close standard output after one byte */
	int sigint_ms;          /* > 0: send SIGINT after this many ms */
	/* results */
	int status;   /* exit code, or 128 + signal */
	int signaled; /* killed by a signal */
	int timed_out;
	double wall, cpu; /* seconds; cpu is user + system of the child */
	long maxrss_kb;
	char *out, *err;
	size_t out_len, err_len;
} rb_run;

/* Sizes shrink under the sanitizers and valgrind (ENTENTE_VALGRIND=1). */
int rb_slow(void);
/* Run the binary with the NULL-terminated `args`; fills the results of *r. */
void rb_exec(rb_run *r, const char *const *args);
/* rb_call(&r, "extract", "x.txt", NULL): options of r set beforehand are
 * kept. */
void rb_call(rb_run *r, const char *first, ...);
/* Frees the outputs and clears *r. */
void rb_run_release(rb_run *r);

/* Neither killed nor out of time: true of every run, passing or failing. */
#define ck_assert_finished(r)                                                  \
	ck_assert_msg(!(r)->timed_out && !(r)->signaled,                       \
		      "%s after %.2f s (status %d); stderr: %.800s",             \
		      (r)->timed_out ? "timed out" : "killed by a signal",       \
		      (r)->wall, (r)->status, (r)->err)

#define ck_assert_status(r, want)                                              \
	do {                                                                   \
		ck_assert_finished(r);                                         \
		ck_assert_msg((r)->status == (want),                           \
			      "exit status %d, expected %d; stderr: %.800s",     \
			      (r)->status, (want), (r)->err);                    \
	} while (0)

/* Standard error is one line "entente: FILE[:LINE]: reason" (file given)
 * or "entente: reason". With `need_line`, the line number is required. */
void rb_assert_diag(const rb_run *r, const char *file, int need_line);

/* The checked fixture of every case: a fresh temporary directory. */
void rb_tmp_setup(void);
void rb_tmp_teardown(void);
/* A path in the test's directory. */
char *rb_path(const char *name);
/* A fresh empty directory for outputs. */
char *rb_out_dir(const char *name);
size_t rb_dir_count(const char *dir);
#define ck_assert_empty_dir(dir)                                               \
	ck_assert_msg(rb_dir_count(dir) == 0, "%zu files left behind in %s",   \
		      rb_dir_count(dir), dir)

/* Write a file in the test's directory; returns its path. */
char *rb_write_file(const char *name, const void *data, size_t len);
char *rb_write_str(const char *name, const char *s);
/* The whole file (free it), its length in *len when len is not NULL; NULL
 * when it cannot be read. */
char *rb_read_all(const char *path, size_t *len);
/* `s` written `times` times. */
void rb_fputn(FILE *fp, const char *s, size_t times);
/* A five-letter name from i: distinct for distinct i < 26^5. */
void rb_name5(char out[6], size_t i);
/* Run a shell command (an independent checker); 0 when it succeeded. */
int rb_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Does the file hold `needle`? */
int rb_contains(const char *path, const char *needle);
/* Every byte of the file is valid UTF-8. */
int rb_utf8_file(const char *path);
/* Extract `path` into a fresh directory; returns the JSONL's path. */
char *rb_extract_ok(const char *path, const char *dir_name);

/* A string literal and its length, NULs included. */
#define BYTES(lit) lit, sizeof(lit) - 1
/* Each generator writes an input of about n bytes. */
typedef void gen_fn(FILE *fp, size_t n);

/* A generated input: the linear-time check runs each at n and 8n. */
struct scale_case {
	const char *name; /* the file's name says its kind */
	gen_fn *gen;
	size_t n;    /* bytes at 1x on the plain build; 8n is the large run */
	int status;  /* expected exit */
	int build;   /* also time `build` */
	const char *reason; /* of a rejection */
};

extern const struct scale_case rb_scale[];
extern const size_t rb_n_scale;
/* Organizations linked by signing and cooperation (a graph of about
 * n / 40 nodes); one large HTML text node. */
gen_fn rb_gen_signed;
gen_fn rb_gen_text_node;
/* c's input of about n bytes, as "TAG-NAME" in the test's directory. */
char *rb_generate(const struct scale_case *c, size_t n, const char *tag);

/* A GraphML file written by `build` from a small document; the caller
 * frees the path and the text. */
char *rb_base_graph(char **text);
/* `text` with the first `from` replaced by `to`. */
char *rb_replace(const char *text, const char *from, const char *to);

/* The "markup" and "output" cases of suite_robust(). */
TCase *rb_tcase_markup(void);
TCase *rb_tcase_output(void);

#endif
