/*
 * fuzzregress: replays, through the same bodies the libFuzzer harnesses
 * run (fuzz/fuzz.h), every input saved under fuzz/regress/<harness>/ after
 * a crash was fixed, and the seeds each harness starts from, so that a
 * fixed bug stays fixed and the checks themselves are exercised on every
 * `make check` without libFuzzer. A second case makes sure the output
 * checkers reject what they must, so a replay cannot pass vacuously.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fuzz/fuzz.h"
#include "tests.h"
#include "util.h"

/* Seed folders of each harness, besides fuzz/seeds/<h> and
 * fuzz/regress/<h>, and the file ending they keep ("" for all). */
static const struct {
	const char *harness, *dir, *suffix;
} seeds[] = {
	{ "fuzz_text", "samples", ".txt" },      { "fuzz_text", "tests/gold", ".txt" },
	{ "fuzz_emit", "samples", ".txt" },      { "fuzz_emit", "tests/gold", ".txt" },
	{ "fuzz_html", "tests/html", ".html" },  { "fuzz_xml", "tests/html", ".html" },
	{ "fuzz_markdown", "samples", ".txt" },
};

static int has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n >= k && !strcmp(name + n - k, suffix);
}

/* Run `t` on every regular file of `dir` whose name ends in `suffix`
 * (a missing folder holds none); returns how many. */
static size_t replay_dir(const ent_fuzz_target *t, const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d))) {
		char *path, *data;
		size_t len;
		ent_error err;
		ent_fuzz_why why = { "" };

		if (de->d_name[0] == '.' || !has_suffix(de->d_name, suffix))
			continue;
		path = ent_xasprintf("%s/%s", dir, de->d_name);
		ent_error_clear(&err);
		ck_assert_msg(ent_read_file(path, (size_t)64 << 20, &data, &len, &err) == ENT_OK,
			      "%s: %s", path, err.msg);
		ck_assert_msg(t->run((const uint8_t *)data, len, &why) == 0, "%s on %s: %s",
			      t->name, path, why.msg);
		free(data);
		free(path);
		n++;
	}
	closedir(d);
	return n;
}

START_TEST(replay)
{
	const ent_fuzz_target *t = &ent_fuzz_targets[_i];
	char dir[256];
	size_t n = 0;

	for (size_t k = 0; k < sizeof(seeds) / sizeof(seeds[0]); k++)
		if (!strcmp(seeds[k].harness, t->name))
			n += replay_dir(t, seeds[k].dir, seeds[k].suffix);
	snprintf(dir, sizeof(dir), "fuzz/seeds/%s", t->name);
	n += replay_dir(t, dir, "");
	snprintf(dir, sizeof(dir), "fuzz/regress/%s", t->name);
	n += replay_dir(t, dir, "");
	ck_assert_msg(n > 0, "%s: nothing to replay", t->name);
}
END_TEST

/* The checkers tell good output from bad. */
START_TEST(checkers_reject)
{
	ck_assert(ent_fuzz_json("{\"a\":[1,-2.5e3,true,null,\"\\u00e9\"]}", 35));
	ck_assert(!ent_fuzz_json("{\"a\":}", 6));
	ck_assert(!ent_fuzz_json("[1,]", 4));
	ck_assert(!ent_fuzz_json("\"a\xC0\x80\"", 5));   /* overlong */
	ck_assert(!ent_fuzz_json("\"tab\there\"", 10)); /* raw control */
	ck_assert(!ent_fuzz_json("{} {}", 5));
	ck_assert(!ent_fuzz_json("\"abc", 4));
	ck_assert(ent_fuzz_jsonl("{}\n[]\n", 6));
	ck_assert(!ent_fuzz_jsonl("{}\n{\n", 5));
	ck_assert(!ent_fuzz_jsonl("{}", 2));
	ck_assert(ent_fuzz_utf8("\xE2\x82\xAC", 3));
	ck_assert(!ent_fuzz_utf8("\xED\xA0\x80", 3)); /* surrogate */
	ck_assert(!ent_fuzz_utf8("\xF4\x90\x80\x80", 4));
	ck_assert(!ent_fuzz_utf8("\xE2\x82", 2));
	ck_assert(ent_fuzz_xml_wellformed("<a x=\"1\">b</a>", 14, NULL));
	ck_assert(!ent_fuzz_xml_wellformed("<a><b></a>", 10, NULL));
	ck_assert(!ent_fuzz_xml_wellformed("<a>\x01</a>", 8, NULL));
	ck_assert(ent_fuzz_dot_readable("digraph { a -> b }", 18));
	ck_assert(!ent_fuzz_dot_readable("digraph { a -> }", 16));
}
END_TEST

/* A body passes a clean document without leaving a reason behind. */
START_TEST(markdown_lines)
{
	ent_fuzz_why why = { "" };
	const char *md = "# T\n\nKenya *signed* the [Accord](x).\n";

	ck_assert_int_eq(ent_fuzz_markdown((const uint8_t *)md, strlen(md), &why), 0);
	ck_assert_str_eq(why.msg, "");
}
END_TEST

Suite *suite_fuzzregress(void)
{
	Suite *s = suite_create("fuzzregress");
	TCase *tc = tcase_create("replay");
	size_t n = 0;

	while (ent_fuzz_targets[n].name)
		n++;
	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, replay, 0, (int)n);
	tcase_add_test(tc, checkers_reject);
	tcase_add_test(tc, markdown_lines);
	suite_add_tcase(s, tc);
	return s;
}
