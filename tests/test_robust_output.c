/*
 * Robustness of what entente writes (items 18, 19 of the notes; see
 * test_robust.c): labels full of markup, quotes and script reach every
 * output format escaped, as independent parsers (xmllint, dot, Python's
 * json and csv) confirm; a full disk, an unwritable directory or an
 * output that is also the input fail with one line and leave nothing; an
 * interrupted build leaves no file behind.
 */
#define _POSIX_C_SOURCE 200809L
#define _GNU_SOURCE /* strcasestr */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "robust.h"
#include "util.h"

/* ------------------------------------------ hostile labels: item 18 */

#define VALIDATE "python3 tests/robust/validate.py"
#define HOSTILE "Say \"hi\" <script>alert(1)</script> & 'x' ]]> \\ javascript:alert(1) " \
		"onload=\"x()\" Union"

/* Non-zero when an element or attribute of the SVG could run code: a
 * script element, an on* handler, or a javascript: URL in any attribute.
 * The same words as escaped text are harmless, and are what the label
 * said. */
static int svg_active(xmlNodePtr node, char *why, size_t n)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (!ent_strcasecmp((const char *)node->name, "script")) {
			snprintf(why, n, "a <script> element");
			return 1;
		}
		for (xmlAttrPtr a = node->properties; a; a = a->next) {
			xmlChar *v = xmlNodeListGetString(node->doc, a->children, 1);
			/* a URL-bearing attribute; title= may say anything */
			int url = strstr((const char *)a->name, "href") ||
				  !strcmp((const char *)a->name, "src") ||
				  !strcmp((const char *)a->name, "style") ||
				  !strcmp((const char *)a->name, "action");
			int bad = !strncasecmp((const char *)a->name, "on", 2) ||
				  (url && v && strcasestr((const char *)v, "javascript:"));
			if (bad)
				snprintf(why, n, "attribute %s=\"%.80s\" on <%s>", a->name,
					 v ? (const char *)v : "", node->name);
			xmlFree(v);
			if (bad)
				return 1;
		}
		if (svg_active(node->children, why, n))
			return 1;
	}
	return 0;
}

static void check_svg(const char *path, const char *needle)
{
	xmlDocPtr doc;
	xmlChar *all;
	char why[256];
	size_t len;
	char *raw = rb_read_all(path, &len);

	ck_assert_msg(rb_sh("xmllint --noout '%s'", path) == 0, "%s: xmllint failed", path);
	ck_assert_ptr_nonnull(raw);
	ck_assert_msg(!strcasestr(raw, "<script"), "%s holds '<script'", path);
	free(raw);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ck_assert_ptr_nonnull(doc);
	ck_assert_msg(!svg_active(xmlDocGetRootElement(doc), why, sizeof(why)), "%s: %s",
		      path, why);
	all = xmlNodeGetContent(xmlDocGetRootElement(doc));
	ck_assert_msg(all && strstr((const char *)all, needle), "%s lacks '%s'", path, needle);
	xmlFree(all);
	xmlFreeDoc(doc);
}

/* Every output of every command for `in` (documents or a graph), each
 * re-read by a parser that is not ours; `needle` must reach each. */
static void check_all_outputs(const char *in, const char *gaz, const char *needle)
{
	static const struct {
		const char *cmd, *file, *check;
		const char *opt[3];
	} runs[] = {
		{ "build", "o.graphml", "xml", { NULL } },
		{ "export", "o.gexf", "xml", { NULL } },
		{ "export", "e.graphml", "xml", { NULL } },
		{ "export", "o.json", "json", { NULL } },
		{ "export", "csv", "csvdir", { "-f", "csv", NULL } },
		{ "export", "o.nt", "utf8", { NULL } },
		{ "export", "o.ttl", "utf8", { NULL } },
		{ "render", "o.svg", "svg", { "--top", "20", NULL } },
		{ "render", "o.dot", "dot", { "--top", "20", NULL } },
		{ "report", "r.json", "json", { "--format", "json", NULL } },
		{ "report", "r.csv", "csv", { "--format", "csv", NULL } },
		{ "query", "q.json", "json", { "--json", "relations", "China" } },
		{ "extract", "x.jsonl", "jsonl", { NULL } },
	};
	char *dir = rb_out_dir("hostile");

	for (size_t i = 0; i < sizeof(runs) / sizeof(*runs); i++) {
		const char *args[16];
		size_t n = 0, q = !strcmp(runs[i].cmd, "query");
		char *out = ent_xasprintf("%s/%s", dir, runs[i].file);
		const char *check = runs[i].check;
		rb_run r = { 0 };

		if (!strcmp(runs[i].cmd, "extract") && strstr(in, ".graphml")) {
			free(out);
			continue; /* extract reads documents only */
		}
		args[n++] = runs[i].cmd;
		args[n++] = "-q";
		if (gaz) {
			args[n++] = "--gazetteer";
			args[n++] = gaz;
		}
		for (size_t k = 0; !q && k < 3 && runs[i].opt[k]; k++)
			args[n++] = runs[i].opt[k];
		if (q)
			args[n++] = "--json";
		args[n++] = in;
		for (size_t k = 1; q && k < 3; k++)
			args[n++] = runs[i].opt[k];
		args[n++] = "-o";
		args[n++] = out;
		args[n] = NULL;
		rb_exec(&r, args);
		ck_assert_msg(!r.timed_out && !r.signaled && r.status == 0,
			      "%s -o %s: exit %d: %.800s", runs[i].cmd, runs[i].file, r.status,
			      r.err);
		rb_run_release(&r);
		if (!strcmp(check, "xml")) {
			ck_assert_msg(rb_sh("xmllint --noout '%s'", out) == 0, "%s: xmllint failed", out);
			ck_assert_msg(rb_utf8_file(out), "%s is not UTF-8", out);
		} else if (!strcmp(check, "svg")) {
			check_svg(out, needle);
		} else if (!strcmp(check, "dot")) {
			ck_assert_msg(rb_sh("dot -Tcanon '%s' >/dev/null", out) == 0,
				      "dot cannot re-read %s", out);
			ck_assert_msg(rb_utf8_file(out), "%s is not UTF-8", out);
		} else if (!strcmp(check, "csvdir")) {
			ck_assert(rb_sh(VALIDATE " csv '%s/nodes.csv' '%s'", out, needle) == 0);
			ck_assert(rb_sh(VALIDATE " csv '%s/edges.csv'", out) == 0);
		} else if (!strcmp(check, "utf8")) {
			ck_assert_msg(rb_utf8_file(out), "%s is not UTF-8", out);
		} else {
			ck_assert_msg(rb_sh(VALIDATE " %s '%s' '%s'", check, out,
					    strcmp(runs[i].file, "r.json") && strcmp(runs[i].file, "r.csv")
						    ? needle : "") == 0,
				      "%s: %s check failed", out, check);
		}
		free(out);
	}
	free(dir);
}

/* Names from a gazetteer carry anything; evidence sentences carry control
 * characters and invalid UTF-8 too; one name is 20 KB long. */
START_TEST(test_hostile_documents)
{
	ent_buf gaz, doc;
	char *gp, *dp;

	ent_buf_init(&gaz);
	ent_buf_init(&doc);
	ent_buf_adds(&gaz, "organization\torg:hostile\t" HOSTILE "\t\t\n"
			   "organization\torg:formula\t=cmd|' /C calc'!A0 Union\t\t\n"
			   "organization\torg:big\tBig");
	for (int i = 0; i < 3400; i++)
		ent_buf_adds(&gaz, " Wordy");
	ent_buf_adds(&gaz, " Union\t\t\n");
	ent_buf_adds(&doc, "China and the " HOSTILE " signed the Paris Agreement in 2015.\n\n"
			   "The =cmd|' /C calc'!A0 Union cooperates with India.\n\n"
			   "Kenya \x01\x1b\x7f and Japan \xff\xfe\xc0\x80 signed the Paris "
			   "Agreement.\n\nThe Big");
	for (int i = 0; i < 3400; i++)
		ent_buf_adds(&doc, " Wordy");
	ent_buf_adds(&doc, " Union cooperates with China.\n");
	gp = rb_write_file("hostile.tsv", gaz.data, gaz.len);
	dp = rb_write_file("hostile.txt", doc.data, doc.len);
	check_all_outputs(dp, gp, "<script>alert(1)</script>");
	ent_buf_release(&gaz);
	ent_buf_release(&doc);
	free(gp);
	free(dp);
}
END_TEST

/* A GraphML file may hold what no document yields: bidi overrides, DOT's
 * escapes (\N, \l, a trailing backslash), 20 KB in one name. */
START_TEST(test_hostile_graph)
{
	char *text, *g = rb_base_graph(&text), *a, *b, *in, *big;
	ent_buf w;

	ent_buf_init(&w);
	ent_buf_adds(&w, ">Big");
	for (int i = 0; i < 3400; i++)
		ent_buf_adds(&w, " Wordy");
	ent_buf_adds(&w, " Union<");
	big = ent_buf_detach(&w);
	a = rb_replace(text, ">Alpha Foundation<",
		       ">Say &quot;hi&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
		       "&apos;x&apos; ]]&gt; javascript:alert(1) onload=&quot;x()&quot; "
		       "\xe2\x80\xae" "evil\xe2\x80\xac \\N \\l \\<");
	b = rb_replace(a, ">Beta Commission<", big);
	free(a);
	a = rb_replace(b, ">India<", ">=cmd|' /C calc'!A0<");
	in = rb_write_str("hostile.graphml", a);
	check_all_outputs(in, NULL, "<script>alert(1)</script>");
	/* bidi overrides are stripped from drawn labels */
	{
		char *svg = rb_path("hostile/o.svg"), *dot = rb_path("hostile/o.dot");
		ck_assert_msg(!rb_contains(svg, "\xe2\x80\xae"), "a bidi override reached the SVG");
		ck_assert_msg(!rb_contains(dot, "\xe2\x80\xae"), "a bidi override reached the DOT");
		free(svg);
		free(dot);
	}
	free(text);
	free(g);
	free(a);
	free(b);
	free(big);
	free(in);
}
END_TEST

/* -------------------------------------------- output failures: item 19 */

/* Every command that writes: a full disk is 4 with one line; a place no
 * file can be created in is 4 and leaves nothing. */
static const char *const writers[][6] = {
	{ "extract", "DOC", NULL },
	{ "build", "DOC", NULL },
	{ "render", "GRAPH", "-T", "svg", NULL },
	{ "render", "GRAPH", "-T", "dot", NULL },
	{ "export", "GRAPH", "-f", "json", NULL },
	{ "export", "GRAPH", "-f", "gexf", NULL },
	{ "report", "GRAPH", NULL },
	{ "query", "--json", "DOC", "relations", "China", NULL },
	{ "diff", "GRAPH", "DOC", NULL },
};
#define N_WRITERS (sizeof(writers) / sizeof(*writers))

static void writer_args(const char **args, size_t w, const char *doc, const char *graph,
			const char *out)
{
	size_t n = 0;

	for (size_t k = 0; writers[w][k]; k++)
		args[n++] = !strcmp(writers[w][k], "DOC")     ? doc
			    : !strcmp(writers[w][k], "GRAPH") ? graph
							      : writers[w][k];
	args[n++] = "-q";
	if (out) {
		args[n++] = "-o";
		args[n++] = out;
	}
	args[n] = NULL;
}

START_TEST(test_output_failure)
{
	char *text, *graph = rb_base_graph(&text);
	char *doc = rb_path("base.txt"), *dir = rb_out_dir("ro");
	/* root may write anywhere on disk, but not create files in /proc */
	char *ro = geteuid() == 0 ? ent_xstrdup("/proc/entente-robust.out")
				  : ent_xasprintf("%s/o.out", dir);
	const char *args[16];
	rb_run r = { 0 };

	if (geteuid() != 0)
		ck_assert_int_eq(chmod(dir, 0555), 0);
	writer_args(args, (size_t)_i, doc, graph, "/dev/full");
	rb_exec(&r, args);
	ck_assert_status(&r, 4);
	rb_assert_diag(&r, "/dev/full", 0);
	rb_run_release(&r);

	writer_args(args, (size_t)_i, doc, graph, ro);
	rb_exec(&r, args);
	ck_assert_status(&r, 4);
	rb_assert_diag(&r, ro, 0);
	ck_assert_msg(access(ro, F_OK) != 0, "%s was created", ro);
	rb_run_release(&r);
	chmod(dir, 0755);
	ck_assert_empty_dir(dir);

	/* a reader that goes after one byte: no crash, no message but one line */
	writer_args(args, (size_t)_i, doc, graph, NULL);
	r.head1 = 1;
	rb_exec(&r, args);
	ck_assert_finished(&r);
	ck_assert_msg(r.status == 0 || r.status == 4, "exit %d after the reader left: %s",
		      r.status, r.err);
	ck_assert_msg(r.err_len == 0 || strchr(r.err, '\n') == r.err + r.err_len - 1,
		      "more than one line after the reader left: %.800s", r.err);
	rb_run_release(&r);
	free(text);
	free(graph);
	free(doc);
	free(dir);
	free(ro);
}
END_TEST

/* The output may not overwrite an input, whichever command writes it. */
START_TEST(test_output_is_input)
{
	char *text, *graph = rb_base_graph(&text), *doc = rb_path("base.txt");
	const char *args[16];
	size_t w = (size_t)_i;
	const char *victim = graph;
	for (size_t k = 0; writers[w][k]; k++)
		if (!strcmp(writers[w][k], "DOC"))
			victim = doc;
	char *before = rb_read_all(victim, NULL), *after;
	rb_run r = { 0 };

	writer_args(args, w, doc, graph, victim);
	rb_exec(&r, args);
	ck_assert_status(&r, 2);
	rb_assert_diag(&r, victim, 0);
	rb_run_release(&r);
	after = rb_read_all(victim, NULL);
	ck_assert_msg(after && !strcmp(before, after), "%s was changed", victim);
	free(before);
	free(after);
	free(text);
	free(graph);
	free(doc);
}
END_TEST

/* SIGINT in the middle of a long build leaves no file, partial or temporary. */
START_TEST(test_interrupt)
{
	const struct scale_case c = { "int.txt", rb_gen_signed, 0, 0, 0, NULL };
	char *in = rb_generate(&c, rb_slow() ? 1 << 20 : 4 << 20, "big");
	char *dir = rb_out_dir("out"), *out = ent_xasprintf("%s/o.graphml", dir);
	rb_run r = { .sigint_ms = 150 };

	rb_call(&r, "build", "-q", in, "-o", out, NULL);
	ck_assert_msg(!r.timed_out, "build did not stop after SIGINT");
	ck_assert_msg(r.wall > 0.15, "build ended before the signal (%.2f s): make the input "
				     "larger", r.wall);
	ck_assert_msg(r.status != 0, "an interrupted build exited 0");
	ck_assert_empty_dir(dir);
	rb_run_release(&r);
	remove(in);
	free(in);
	free(out);
	free(dir);
}
END_TEST
/* The "output" case of suite_robust(). */
TCase *rb_tcase_output(void)
{
	TCase *tc = tcase_create("output");

	tcase_add_checked_fixture(tc, rb_tmp_setup, rb_tmp_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_hostile_documents);
	tcase_add_test(tc, test_hostile_graph);
	tcase_add_loop_test(tc, test_output_failure, 0, (int)N_WRITERS);
	tcase_add_loop_test(tc, test_output_is_input, 0, (int)N_WRITERS);
	tcase_add_test(tc, test_interrupt);
	return tc;
}
