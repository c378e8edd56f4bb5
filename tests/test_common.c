/* Unit tests of the common layer: errors, buffers, map, normalisation,
 * JSON strings and atomic output files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "tests.h"
#include "helpers.h"
#include "util.h"

START_TEST(error_keeps_first)
{
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_error_set(&e, ENT_ERR_INPUT, "a.txt", 3, "bad %d", 1), ENT_ERR_INPUT);
	ent_error_set(&e, ENT_ERR_OUTPUT, "b.txt", 0, "later");
	ck_assert_int_eq(e.code, ENT_ERR_INPUT);
	ck_assert_str_eq(e.file, "a.txt");
	ck_assert_int_eq(e.line, 3);
	ck_assert_str_eq(e.msg, "bad 1");
	ck_assert_int_eq(ent_error_set(NULL, ENT_ERR_FAIL, NULL, 0, "x"), ENT_ERR_FAIL);
}
END_TEST

START_TEST(schema_names_round_trip)
{
	for (int t = 0; t < ENT_TYPE_COUNT; t++) {
		ent_type back;
		ck_assert_int_eq(ent_type_parse(ent_type_name((ent_type)t), &back), 0);
		ck_assert_int_eq(back, t);
	}
	for (int r = 0; r < ENT_REL_COUNT; r++) {
		ent_rel back;
		ck_assert_int_eq(ent_rel_parse(ent_rel_name((ent_rel)r), &back), 0);
		ck_assert_int_eq(back, r);
	}
	ent_rel r;
	ck_assert_int_eq(ent_rel_parse("befriends", &r), -1);
	ck_assert(ent_rel_symmetric(ENT_REL_COOPERATES_WITH));
	ck_assert(!ent_rel_symmetric(ENT_REL_SIGNED));
	ck_assert(ent_type_is_actor(ENT_TYPE_COUNTRY));
	ck_assert(!ent_type_is_actor(ENT_TYPE_AGREEMENT));
}
END_TEST

START_TEST(map_grows_and_finds)
{
	ent_map m;
	char key[32];
	ent_map_init(&m);
	for (size_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		ent_map_put(&m, key, i * 3);
	}
	ck_assert_uint_eq(m.len, 5000);
	for (size_t i = 0; i < 5000; i += 97) {
		snprintf(key, sizeof(key), "k%zu", i);
		ck_assert_ptr_nonnull(ent_map_get(&m, key));
		ck_assert_uint_eq(*ent_map_get(&m, key), i * 3);
	}
	ck_assert_ptr_null(ent_map_get(&m, "k5000"));
	ck_assert_ptr_nonnull(ent_map_getn(&m, "k12xyz", 3));
	ent_map_release(&m);
}
END_TEST

START_TEST(name_norm_folds)
{
	char *n = ent_name_norm("The People\xE2\x80\x99s Republic of  China");
	ck_assert_str_eq(n, "people s republic of china");
	free(n);
	n = ent_name_norm("C\xC3\xB4te d'Ivoire");
	ck_assert_str_eq(n, "cote d ivoire");
	free(n);
	n = ent_name_norm("China\xE2\x80\x93" "Africa (FOCAC)");
	ck_assert_str_eq(n, "china africa focac");
	free(n);
	n = ent_name_norm("the");
	ck_assert_str_eq(n, "the");
	free(n);
}
END_TEST

START_TEST(json_string_escapes)
{
	ent_buf b;
	ent_buf_init(&b);
	ent_json_string(&b, "a\"b\\c\nd\x01 \xE2\x80\xA8 \xFF");
	ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\nd\\u0001 \\u2028 \\ufffd\"");
	ent_buf_release(&b);
}
END_TEST

START_TEST(ofile_commit_and_abort)
{
	char dir[] = "/tmp/ent-test-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *path = ent_xasprintf("%s/out.txt", dir);
	ent_ofile of;
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_ofile_open(&of, path, &e), ENT_OK);
	fputs("hello\n", of.fp);
	ck_assert_int_eq(access(path, F_OK), -1); /* not there before commit */
	ck_assert_int_eq(ent_ofile_commit(&of, &e), ENT_OK);
	ck_assert_int_eq(access(path, F_OK), 0);
	/* an aborted rewrite leaves the old file and no temporary */
	ck_assert_int_eq(ent_ofile_open(&of, path, &e), ENT_OK);
	fputs("partial", of.fp);
	ent_ofile_abort(&of);
	FILE *f = fopen(path, "r");
	char line[16] = "";
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	fclose(f);
	ck_assert_str_eq(line, "hello\n");
	char *cmd = ent_xasprintf("test $(ls %s | wc -l) -eq 1", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	/* a directory that does not exist is an output error */
	char *bad = ent_xasprintf("%s/missing/out.txt", dir);
	ck_assert_int_eq(ent_ofile_open(&of, bad, &e), ENT_ERR_OUTPUT);
	ck_assert_str_eq(e.file, bad);
	unlink(path);
	rmdir(dir);
	free(bad);
	free(path);
}
END_TEST

START_TEST(ofile_full_disk)
{
	ent_ofile of;
	ent_error e;
	struct stat before, after;
	ent_error_clear(&e);
	ck_assert_int_eq(stat("/dev/full", &before), 0);
	/* a device is written in place, never renamed over */
	ck_assert_int_eq(ent_ofile_open(&of, "/dev/full", &e), ENT_OK);
	ck_assert_int_eq(of.direct, 1);
	for (int i = 0; i < 1000; i++)
		fputs("0123456789abcdef", of.fp);
	ck_assert_int_eq(ent_ofile_commit(&of, &e), ENT_ERR_OUTPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "No space"));
	ck_assert_int_eq(stat("/dev/full", &after), 0);
	ck_assert(S_ISCHR(after.st_mode));
	ck_assert_int_eq(system("ls /dev/full.tmp.* >/dev/null 2>&1"), 512);
}
END_TEST

START_TEST(read_file_errors)
{
	char *data;
	size_t len;
	ent_error e;
	ent_error_clear(&e);
	ck_assert_int_eq(ent_read_file("/nonexistent/x.txt", 100, &data, &len, &e), ENT_ERR_INPUT);
	ck_assert_ptr_nonnull(strstr(e.msg, "No such file"));
	ent_error_clear(&e);
	ck_assert_int_eq(ent_read_file("/tmp", 100, &data, &len, &e), ENT_ERR_INPUT);
	ck_assert_str_eq(e.msg, "is a directory");
	ent_error_clear(&e);
	ck_assert_int_eq(ent_read_file("Makefile", 10, &data, &len, &e), ENT_ERR_LIMIT);
	ck_assert_int_eq(ent_read_file("Makefile", 1 << 20, &data, &len, NULL), ENT_OK);
	ck_assert_uint_gt(len, 100);
	ck_assert_int_eq(data[len], '\0');
	free(data);
}
END_TEST

/* The tests' own JSON checker must be able to say no. */
START_TEST(json_checker_rejects)
{
	static const char *const good[] = { "{}", "[1, -2.5e3, \"a\\u00e9\", true, null]",
					    " {\"k\": {\"n\": [false]}} ", NULL };
	static const char *const bad[] = { "", "{", "{\"k\" 1}", "[1,]", "\"a\nb\"", "01",
					   "{} {}", "[\"\\x\"]", NULL };
	for (int i = 0; good[i]; i++)
		ck_assert_msg(th_json_valid(good[i], strlen(good[i])), "rejected %s", good[i]);
	for (int i = 0; bad[i]; i++)
		ck_assert_msg(!th_json_valid(bad[i], strlen(bad[i])), "accepted %s", bad[i]);
}
END_TEST

Suite *suite_common(void)
{
	Suite *s = suite_create("common");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, error_keeps_first);
	tcase_add_test(tc, schema_names_round_trip);
	tcase_add_test(tc, map_grows_and_finds);
	tcase_add_test(tc, name_norm_folds);
	tcase_add_test(tc, json_string_escapes);
	tcase_add_test(tc, ofile_commit_and_abort);
	tcase_add_test(tc, ofile_full_disk);
	tcase_add_test(tc, read_file_errors);
	tcase_add_test(tc, json_checker_rejects);
	suite_add_tcase(s, tc);
	return s;
}
