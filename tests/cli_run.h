/*
 * Running the entente binary from tests: fork/exec with the given
 * arguments from the repository root (ENTENTE_BIN, default build/entente;
 * through valgrind when ENTENTE_VALGRIND=1), capturing the exit status,
 * standard output and standard error; and the temporary files and
 * directories end-to-end tests need.
 */
#ifndef ENT_TEST_CLI_RUN_H
#define ENT_TEST_CLI_RUN_H

#include <stddef.h>

#define MAX_ARGS 32

/* What one run of the binary did. `status` is the exit code, or 128 plus
 * the signal that killed it. */
typedef struct run_result {
	int status;
	char *out;
	size_t out_len;
	char *err;
	size_t err_len;
} run_result;

/* The run exited with `want`; the failure message quotes stderr. */
#define ck_assert_status(r, want)                                          \
	ck_assert_msg((r)->status == (want),                               \
		      "exit status %d, expected %d; stderr: %.1500s", (r)->status, \
		      (want), (r)->err)

void result_free(run_result *r);
const char *entente_bin(void);
int under_valgrind(void);
/* Standard output goes to `out_file` when given (or to a closed pipe when
 * it is `closed_pipe`); `in_data` is fed to standard input. */
extern const char closed_pipe[];
void run_full(run_result *r, const char *in_data, const char *out_file,
	      const char *const *args);
/* run(&r, "extract", "x.txt", NULL) */
void run(run_result *r, const char *first, ...);
/* stderr is exactly one line, "entente: ..." */
void assert_one_error_line(const run_result *r);
char *path_join(const char *dir, const char *name);
char *make_tmpdir(void);
void remove_tree(const char *path);
void write_file(const char *path, const void *data, size_t len);
char *read_all(const char *path, size_t *len);
int exists(const char *path);
/* Entries of `dir`; *tmp counts those that look like temporary files. */
size_t dir_entries(const char *dir, size_t *tmp);

#endif
