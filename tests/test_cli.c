/*
 * End-to-end tests of the command line: the real binary (ENTENTE_BIN,
 * default build/entente) is run with fork/exec from the repository root
 * and its exit status, standard output and standard error are checked
 * exactly where the contract is exact. With ENTENTE_VALGRIND=1 every run
 * goes through valgrind, so a leak on any path fails the test that took it.
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

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "entente/entente.h"
#include "tests.h"
#include "helpers.h"
#include "util.h"

#define WHITEPAPER ENT_SHARED_DIR "/corpus/whitepaper.txt"


#include "cli_run.h"

static size_t count_lines_starting(const char *text, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, prefix, len))
			n++;
	return n;
}

/* ------------------------------------------------------------- JSON */

static int json_valid(const char *s, size_t len)
{
	return th_json_valid(s, len);
}

/* Every line of a JSON Lines text is a JSON object with "kind" first;
 * returns the number of lines, or fails naming the first bad line. */
static size_t check_jsonl(const char *text)
{
	size_t n = 0;

	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		n++;
		ck_assert_msg(!strncmp(p, "{\"kind\":", 8) && len && p[len - 1] == '}',
			      "JSONL line %zu is not an object with kind first: %.*s",
			      n, (int)(len > 200 ? 200 : len), p);
		ck_assert_msg(json_valid(p, len), "JSONL line %zu is not JSON: %.*s",
			      n, (int)(len > 200 ? 200 : len), p);
		p += len + (nl ? 1 : 0);
	}
	return n;
}

/* ------------------------------------------------------------- XML */

static xmlDocPtr xml_read(const char *path)
{
	xmlDocPtr doc = xmlReadFile(path, NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR |
					    XML_PARSE_NOWARNING);
	ck_assert_msg(doc != NULL, "%s does not parse as XML", path);
	return doc;
}

/* Non-zero when the class list `list` holds the class `cls` (CSS
 * semantics: whitespace-separated tokens, so class="node country" is a
 * node). */
static int has_class(const char *list, const char *cls)
{
	size_t n = strlen(cls);

	for (const char *p = list; *p;) {
		size_t len;
		p += strspn(p, " \t\n");
		len = strcspn(p, " \t\n");
		if (len == n && !strncmp(p, cls, n))
			return 1;
		p += len;
	}
	return 0;
}

/* Elements named `name` (and, when `cls` is given, of that class). */
static size_t xml_count(xmlNodePtr node, const char *name, const char *cls)
{
	size_t n = 0;

	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)node->name, name)) {
			if (!cls)
				n++;
			else {
				xmlChar *c = xmlGetProp(node, (const xmlChar *)"class");
				if (c && has_class((const char *)c, cls))
					n++;
				xmlFree(c);
			}
		}
		n += xml_count(node->children, name, cls);
	}
	return n;
}

/* ------------------------------------------------------ the white paper */

/* Built once per process by an unchecked fixture and shared by the
 * white-paper tests; `wp_problem` says why it could not be. */
static char *wp_dir;
static char *wp_graph;
static char *wp_jsonl;
static char wp_problem[1024];

static void wp_setup(void)
{
	run_result r;
	const char *args[8];

	wp_problem[0] = '\0';
	if (access(WHITEPAPER, R_OK) != 0) {
		snprintf(wp_problem, sizeof(wp_problem),
			 "%s is missing (%s): the white-paper tests need ../shared "
			 "beside the repository, as on CI",
			 WHITEPAPER, strerror(errno));
		return;
	}
	wp_dir = make_tmpdir();
	wp_graph = path_join(wp_dir, "wp.graphml");
	wp_jsonl = path_join(wp_dir, "wp.jsonl");

	args[0] = "build";
	args[1] = "-q";
	args[2] = WHITEPAPER;
	args[3] = "-o";
	args[4] = wp_graph;
	args[5] = NULL;
	run_full(&r, NULL, NULL, args);
	if (r.status != 0)
		snprintf(wp_problem, sizeof(wp_problem),
			 "'entente build %s' exited with %d: %s", WHITEPAPER,
			 r.status, r.err);
	result_free(&r);
	if (wp_problem[0])
		return;

	args[0] = "extract";
	args[1] = "--format";
	args[2] = "jsonl";
	args[3] = WHITEPAPER;
	args[4] = NULL;
	run_full(&r, NULL, wp_jsonl, args);
	if (r.status != 0)
		snprintf(wp_problem, sizeof(wp_problem),
			 "'entente extract %s' exited with %d: %s", WHITEPAPER,
			 r.status, r.err);
	result_free(&r);
}

static void wp_teardown(void)
{
	if (wp_dir)
		remove_tree(wp_dir);
	free(wp_dir);
	free(wp_graph);
	free(wp_jsonl);
	wp_dir = wp_graph = wp_jsonl = NULL;
}

#define WP_REQUIRE() ck_assert_msg(wp_problem[0] == '\0', "%s", wp_problem)

/* ------------------------------------------------------------ usage */

START_TEST(test_version)
{
	run_result r;

	run(&r, "--version", NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.out, "entente " ENTENTE_VERSION "\n");
	ck_assert_str_eq(r.err, "");
	result_free(&r);
}
END_TEST

START_TEST(test_help)
{
	static const char *const commands[] = { "extract", "build", "report",
						"query", "render" };
	run_result r;

	run(&r, "--help", NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.err, "");
	ck_assert_ptr_nonnull(strstr(r.out, "usage: entente"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(*commands); i++)
		ck_assert_msg(strstr(r.out, commands[i]) != NULL,
			      "--help does not list '%s'", commands[i]);
	result_free(&r);

	run(&r, "-h", NULL);
	ck_assert_status(&r, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "usage: entente"));
	result_free(&r);
}
END_TEST

/* `entente CMD -h` and `--help`: the command's usage on stdout. */
START_TEST(test_command_help)
{
	static const char *const commands[] = { "extract", "build", "report",
						"query", "render" };
	const char *cmd = commands[_i];
	char want[64];
	run_result r;

	snprintf(want, sizeof(want), "usage: entente %s", cmd);
	run(&r, cmd, "-h", NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.err, "");
	ck_assert_msg(!strncmp(r.out, want, strlen(want)),
		      "'%s -h' printed: %.1500s", cmd, r.out);
	result_free(&r);

	run(&r, cmd, "--help", NULL);
	ck_assert_status(&r, 0);
	ck_assert_msg(!strncmp(r.out, want, strlen(want)), "'%s --help'", cmd);
	result_free(&r);
}
END_TEST

START_TEST(test_unknown_command)
{
	run_result r;

	run(&r, "foo", NULL);
	ck_assert_status(&r, 2);
	ck_assert_str_eq(r.err,
			 "entente: 'foo' is not an entente command. See 'entente --help'.\n");
	ck_assert_str_eq(r.out, "");
	result_free(&r);

	run(&r, NULL);
	ck_assert_status(&r, 2);
	assert_one_error_line(&r);
	result_free(&r);
}
END_TEST

START_TEST(test_no_operands)
{
	static const char *const commands[] = { "extract", "build", "report",
						"query", "render" };
	run_result r;

	run(&r, commands[_i], NULL);
	ck_assert_status(&r, 2);
	assert_one_error_line(&r);
	ck_assert_str_eq(r.out, "");
	result_free(&r);
}
END_TEST

/* Bad command lines: exit 2 and one line, whatever the inputs. */
static const char *const bad_usage[][8] = {
	{ "extract", "--bogus", "samples/", NULL },
	{ "extract", "samples/", "-o", NULL },
	{ "extract", "--format", "xml", "samples/", NULL },
	{ "report", "--top", "0", "samples/", NULL },
	{ "render", "-T", "gif", "samples/", NULL },
	{ "render", "--layout", "spring", "samples/", NULL },
	{ "render", "samples/", "-o", "/tmp/entente-test.unknown", NULL },
	{ "query", "--evidence", "some", "samples/", "partners", "China", NULL },
	{ "query", "samples/", "allies", "China", NULL },
	{ "query", "samples/", "partners", NULL },
};

START_TEST(test_bad_usage)
{
	const char *const *args = bad_usage[_i];
	run_result r;

	run_full(&r, NULL, NULL, args);
	ck_assert_msg(r.status == 2, "'%s %s': exit %d, expected 2; stderr: %.1500s",
		      args[0], args[1], r.status, r.err);
	assert_one_error_line(&r);
	ck_assert_str_eq(r.out, "");
	if (_i == 0)
		ck_assert_ptr_nonnull(strstr(r.err, "'--bogus'"));
	result_free(&r);
}
END_TEST

/* ------------------------------------------------------- rejected input */

/* Each bad input, through each command that writes a file: exit 3, one
 * line naming the input, and nothing left in the output directory. */
enum { BAD_MISSING, BAD_NO_DOCS, BAD_EMPTY, BAD_BINARY, BAD_COUNT };

static char *make_bad_input(const char *dir, int kind)
{
	unsigned char bytes[256];
	char *path;

	switch (kind) {
	case BAD_MISSING:
		return path_join(dir, "missing.txt");
	case BAD_NO_DOCS:
		path = path_join(dir, "pictures");
		ck_assert_int_eq(mkdir(path, 0755), 0);
		{
			char *png = path_join(path, "map.png");
			write_file(png, "\x89PNG\r\n\x1a\n", 8);
			free(png);
		}
		return path;
	case BAD_EMPTY:
		path = path_join(dir, "empty.txt");
		write_file(path, "", 0);
		return path;
	default:
		for (int i = 0; i < 256; i++)
			bytes[i] = (unsigned char)i;
		path = path_join(dir, "binary.txt");
		write_file(path, bytes, sizeof(bytes));
		return path;
	}
}

START_TEST(test_rejected_input)
{
	static const char *const commands[] = { "extract", "build", "render" };
	static const char *const outputs[] = { "out.jsonl", "kg.graphml", "kg.svg" };
	char *dir = make_tmpdir();
	char *in_dir = path_join(dir, "in");
	char *out_dir = path_join(dir, "out");
	char *input, *output;
	size_t n, tmp;

	ck_assert_int_eq(mkdir(in_dir, 0755), 0);
	ck_assert_int_eq(mkdir(out_dir, 0755), 0);
	input = make_bad_input(in_dir, _i);
	for (size_t c = 0; c < sizeof(commands) / sizeof(*commands); c++) {
		run_result r;

		output = path_join(out_dir, outputs[c]);
		run(&r, commands[c], input, "-o", output, NULL);
		ck_assert_msg(r.status == 3, "%s %s: exit %d, expected 3; stderr: %.1500s",
			      commands[c], input, r.status, r.err);
		assert_one_error_line(&r);
		ck_assert_msg(strstr(r.err, input) != NULL,
			      "%s: the message does not name %s: %.1500s", commands[c],
			      input, r.err);
		if (_i == BAD_EMPTY)
			ck_assert_msg(strstr(r.err, "empty") != NULL,
				      "the message does not say 'empty': %.1500s", r.err);
		ck_assert_str_eq(r.out, "");
		ck_assert_msg(!exists(output), "%s left %s behind", commands[c], output);
		n = dir_entries(out_dir, &tmp);
		ck_assert_msg(n == 0, "%s left %zu files (%zu temporary) in %s",
			      commands[c], n, tmp, out_dir);
		dir_entries(in_dir, &tmp);
		ck_assert_uint_eq(tmp, 0);
		free(output);
		result_free(&r);
	}
	free(input);
	free(in_dir);
	free(out_dir);
	remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_output_is_input)
{
	static const char text[] = "China and Russia signed a joint statement in 2021.\n";
	char *dir = make_tmpdir();
	char *doc = path_join(dir, "doc.txt");
	char *graph = path_join(dir, "kg.graphml");
	char *after;
	run_result r;

	write_file(doc, text, strlen(text));
	run(&r, "extract", doc, "-o", doc, NULL);
	ck_assert_status(&r, 2);
	assert_one_error_line(&r);
	result_free(&r);

	run(&r, "build", dir, "-o", doc, NULL);
	ck_assert_status(&r, 2);
	assert_one_error_line(&r);
	result_free(&r);
	after = read_all(doc, NULL);
	ck_assert_ptr_nonnull(after);
	ck_assert_str_eq(after, text);
	free(after);

	/* a GraphML input is an input too; it is refused before it is read */
	write_file(graph, "<graphml/>", 10);
	run(&r, "render", graph, "-o", graph, NULL);
	ck_assert_status(&r, 2);
	assert_one_error_line(&r);
	result_free(&r);

	free(doc);
	free(graph);
	remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_output_failure)
{
	char *dir = make_tmpdir();
	char *nowhere = path_join(dir, "no/such/dir/out.jsonl");
	const char *args[] = { "extract", "samples/", NULL };
	run_result r;

	run(&r, "extract", "samples/", "-o", nowhere, NULL);
	ck_assert_status(&r, 4);
	assert_one_error_line(&r);
	result_free(&r);

	/* a full disk on standard output is noticed (fclose is checked) */
	if (exists("/dev/full")) {
		run_full(&r, NULL, "/dev/full", args);
		ck_assert_status(&r, 4);
		assert_one_error_line(&r);
		result_free(&r);
	}
	/* a reader that has gone: exit 4, no signal, nothing to say */
	run_full(&r, NULL, closed_pipe, args);
	ck_assert_status(&r, 4);
	ck_assert_str_eq(r.err, "");
	result_free(&r);

	free(nowhere);
	remove_tree(dir);
	free(dir);
}
END_TEST

/* ----------------------------------------------------------- samples */

/* The corpus of samples/ built in memory with the library. */
static ent_graph *samples_graph(void)
{
	const char *const ops[] = { "samples/" };
	ent_extractor *ex = ent_extractor_new();
	char **paths;
	size_t n;
	ent_graph *g;
	ent_error err;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_paths_expand(ops, 1, &paths, &n, &err), ENT_OK);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(ent_extractor_add_file(ex, paths[i], &err) == ENT_OK,
			      "%s: %s", err.file, err.msg);
	ent_paths_free(paths, n);
	g = ent_graph_from_corpus(ent_extractor_corpus(ex), &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	ent_extractor_free(ex);
	return g;
}

START_TEST(test_build_samples)
{
	char *dir = make_tmpdir();
	char *path = path_join(dir, "kg.graphml");
	ent_graph *mem, *back;
	ent_error err;
	xmlDocPtr doc;
	xmlNodePtr root;
	run_result r;
	size_t tmp;

	run(&r, "build", "samples/", "-o", path, NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.out, "");
	/* the summary: one line, not quiet */
	ck_assert_msg(!strncmp(r.err, "entente: ", 9) && strstr(r.err, " documents, ") &&
			      strstr(r.err, path) && count_lines_starting(r.err, "") == 1,
		      "unexpected summary: %.1500s", r.err);
	result_free(&r);
	ck_assert_uint_eq(dir_entries(dir, &tmp), 1);

	mem = samples_graph();
	ent_error_clear(&err);
	back = ent_graph_read_graphml(path, &err);
	ck_assert_msg(back != NULL, "reading %s back: %s", path, err.msg);
	ck_assert_uint_gt(ent_graph_node_count(mem), 0);
	ck_assert_uint_eq(ent_graph_node_count(back), ent_graph_node_count(mem));
	ck_assert_uint_eq(ent_graph_edge_count(back), ent_graph_edge_count(mem));

	doc = xml_read(path);
	root = xmlDocGetRootElement(doc);
	ck_assert_str_eq((const char *)root->name, "graphml");
	ck_assert_uint_eq(xml_count(root, "node", NULL), ent_graph_node_count(mem));
	ck_assert_uint_eq(xml_count(root, "edge", NULL), ent_graph_edge_count(mem));
	xmlFreeDoc(doc);

	/* -q: nothing on stderr */
	run(&r, "build", "-q", "samples/", "-o", path, NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.err, "");
	result_free(&r);

	ent_graph_free(back);
	ent_graph_free(mem);
	free(path);
	remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_render_samples)
{
	char *dir = make_tmpdir();
	char *svg = path_join(dir, "kg.svg");
	char *dot = path_join(dir, "kg.dot");
	char *text;
	xmlDocPtr doc;
	size_t nodes;
	run_result r;

	run(&r, "render", "samples/", "-o", svg, NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.out, "");
	result_free(&r);
	doc = xml_read(svg);
	nodes = xml_count(xmlDocGetRootElement(doc), "g", "node");
	ck_assert_msg(nodes >= 10, "%s has %zu <g class=\"node\">, expected >= 10",
		      svg, nodes);
	xmlFreeDoc(doc);

	run(&r, "render", "-q", "--title", "Samples", "samples/", "-o", dot, NULL);
	ck_assert_status(&r, 0);
	result_free(&r);
	text = read_all(dot, NULL);
	ck_assert_ptr_nonnull(text);
	ck_assert_msg(strstr(text, "graph") != NULL, "%s is not DOT", dot);
	free(text);

	free(svg);
	free(dot);
	remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_report_samples)
{
	run_result r;

	run(&r, "report", "--top", "5", "samples/", NULL);
	ck_assert_status(&r, 0);
	ck_assert_uint_gt(r.out_len, 0);
	ck_assert_str_eq(r.err, "");
	result_free(&r);
}
END_TEST

START_TEST(test_extract_deterministic)
{
	run_result a, b;

	run(&a, "extract", "--format", "jsonl", "samples/", NULL);
	run(&b, "extract", "--format", "jsonl", "samples/", NULL);
	ck_assert_status(&a, 0);
	ck_assert_status(&b, 0);
	ck_assert_uint_gt(a.out_len, 0);
	ck_assert_msg(a.out_len == b.out_len && !memcmp(a.out, b.out, a.out_len),
		      "two runs of extract gave different output");
	check_jsonl(a.out);
	result_free(&a);
	result_free(&b);

	run(&a, "extract", "--format", "tsv", "samples/", NULL);
	ck_assert_status(&a, 0);
	ck_assert_uint_gt(a.out_len, 0);
	result_free(&a);
}
END_TEST

START_TEST(test_entities_only)
{
	run_result r;

	run(&r, "extract", "--entities-only", "samples/joint-statement-china-asean.txt", NULL);
	ck_assert_status(&r, 0);
	ck_assert_str_eq(r.err, "");
	ck_assert_ptr_nonnull(strstr(r.out, "type          mentions  name (aliases)\n"));
	ck_assert_ptr_nonnull(strstr(r.out, "country"));
	ck_assert_ptr_nonnull(strstr(r.out, "China  (People"));
	ck_assert_ptr_nonnull(strstr(r.out, " entities: "));
	ck_assert_ptr_null(strstr(r.out, "cooperates_with")); /* no relations */
	result_free(&r);
}
END_TEST

START_TEST(test_extract_stdin)
{
	static const char text[] =
		"China and Russia signed a joint statement in 2021.\n";
	const char *args[] = { "extract", "-", NULL };
	run_result r;

	run_full(&r, text, NULL, args);
	ck_assert_status(&r, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "\"China\""));
	check_jsonl(r.out);
	result_free(&r);

	/* an empty standard input is an empty document */
	run_full(&r, "", NULL, args);
	ck_assert_status(&r, 3);
	assert_one_error_line(&r);
	result_free(&r);
}
END_TEST

/* ------------------------------------------------------ the white paper */

static const char *const wp_partners[] = {
	"Russia", "Indonesia", "Thailand", "League of Arab States",
};

START_TEST(test_wp_partners)
{
	run_result r;

	WP_REQUIRE();
	run(&r, "query", wp_graph, "partners", "China", NULL);
	ck_assert_status(&r, 0);
	for (size_t i = 0; i < sizeof(wp_partners) / sizeof(*wp_partners); i++)
		ck_assert_msg(strstr(r.out, wp_partners[i]) != NULL,
			      "partners of China lack %s:\n%.1500s", wp_partners[i], r.out);
	ck_assert_msg(strstr(r.out, "ASEAN") ||
			      strstr(r.out, "Association of Southeast Asian Nations"),
		      "partners of China lack ASEAN:\n%.1500s", r.out);
	result_free(&r);
}
END_TEST

START_TEST(test_wp_partners_json)
{
	run_result r;

	WP_REQUIRE();
	run(&r, "query", "--json", "--evidence", "all", wp_graph, "partners",
	    "China", NULL);
	ck_assert_status(&r, 0);
	ck_assert_msg(r.out[0] == '[' && json_valid(r.out, r.out_len),
		      "query --json is not a JSON array:\n%.1500s", r.out);
	ck_assert_ptr_nonnull(strstr(r.out, "\"name\":\"Russia\""));
	result_free(&r);
}
END_TEST

/* Documents given directly and the GraphML built from them answer alike. */
START_TEST(test_wp_partners_from_documents)
{
	run_result a, b;

	WP_REQUIRE();
	run(&a, "query", wp_graph, "partners", "China", NULL);
	run(&b, "query", WHITEPAPER, "partners", "China", NULL);
	ck_assert_status(&a, 0);
	ck_assert_status(&b, 0);
	ck_assert_msg(!strcmp(a.out, b.out),
		      "query from GraphML and from the document differ:\n%.1000s\n---\n%.1000s",
		      a.out, b.out);
	result_free(&a);
	result_free(&b);
}
END_TEST

START_TEST(test_wp_unknown_name)
{
	run_result r;

	WP_REQUIRE();
	run(&r, "query", wp_graph, "partners", "Chna", NULL);
	ck_assert_status(&r, 1);
	assert_one_error_line(&r);
	ck_assert_msg(!strncmp(r.err, "entente: no entity named 'Chna'", 31),
		      "unexpected message: %.1500s", r.err);
	ck_assert_msg(strstr(r.err, "did you mean") != NULL,
		      "no suggestion: %.1500s", r.err);
	ck_assert_str_eq(r.out, "");
	result_free(&r);
}
END_TEST

START_TEST(test_wp_jsonl)
{
	char *text;
	size_t entities;

	WP_REQUIRE();
	text = read_all(wp_jsonl, NULL);
	ck_assert_ptr_nonnull(text);
	check_jsonl(text);
	entities = count_lines_starting(text, "{\"kind\":\"entity\"");
	ck_assert_msg(entities >= 100, "only %zu entity lines", entities);
	ck_assert_uint_gt(count_lines_starting(text, "{\"kind\":\"relation\""), 0);
	free(text);
}
END_TEST

START_TEST(test_wp_deterministic)
{
	const char *args[] = { "extract", "--format", "jsonl", WHITEPAPER, NULL };
	run_result r;
	char *first;
	size_t len;

	WP_REQUIRE();
	first = read_all(wp_jsonl, &len);
	ck_assert_ptr_nonnull(first);
	run_full(&r, NULL, NULL, args);
	ck_assert_status(&r, 0);
	ck_assert_msg(r.out_len == len && !memcmp(r.out, first, len),
		      "two runs of extract on the white paper differ");
	free(first);
	result_free(&r);
}
END_TEST

Suite *suite_cli(void)
{
	Suite *s = suite_create("cli");
	TCase *tc;

	tc = tcase_create("usage");
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_help);
	tcase_add_loop_test(tc, test_command_help, 0, 5);
	tcase_add_test(tc, test_unknown_command);
	tcase_add_loop_test(tc, test_no_operands, 0, 5);
	tcase_add_loop_test(tc, test_bad_usage, 0,
			    (int)(sizeof(bad_usage) / sizeof(*bad_usage)));
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_loop_test(tc, test_rejected_input, 0, BAD_COUNT);
	tcase_add_test(tc, test_output_is_input);
	tcase_add_test(tc, test_output_failure);
	suite_add_tcase(s, tc);

	tc = tcase_create("samples");
	tcase_add_test(tc, test_build_samples);
	tcase_add_test(tc, test_render_samples);
	tcase_add_test(tc, test_report_samples);
	tcase_add_test(tc, test_extract_deterministic);
	tcase_add_test(tc, test_extract_stdin);
	tcase_add_test(tc, test_entities_only);
	suite_add_tcase(s, tc);

	tc = tcase_create("whitepaper");
	tcase_add_unchecked_fixture(tc, wp_setup, wp_teardown);
	tcase_add_test(tc, test_wp_partners);
	tcase_add_test(tc, test_wp_partners_json);
	tcase_add_test(tc, test_wp_partners_from_documents);
	tcase_add_test(tc, test_wp_unknown_name);
	tcase_add_test(tc, test_wp_jsonl);
	tcase_add_test(tc, test_wp_deterministic);
	suite_add_tcase(s, tc);
	return s;
}
