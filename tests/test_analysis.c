/*
 * Tests of the analyses and the report (graph/analysis.c, structure.c,
 * report.c). Centralities are checked against values known in closed form
 * on small graphs (a star, a path, a 4-cycle, a graph of three
 * components) and against NetworkX, an implementation independent of
 * igraph, on Zachary's karate club with evidence weights. NetworkX is
 * required: without it the cross-check fails, it is never skipped
 * (scripts/deps.sh installs python3-networkx for `make check`).
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <igraph/igraph.h>

#include "entente/entente.h"
#include "entente/report.h"
#include "tests.h"

#define PYTHON "/usr/bin/python3"

/* ---- graphs from edge lists ------------------------------------------- */

/* A graph of n nodes named names[i] (type country unless `types`), one
 * cooperates_with relation per edge, repeated w[e] times (1 without w). */
static ent_graph *graph_of(size_t n, const char *const *names,
			   const ent_type *types, size_t m,
			   const size_t (*edges)[2], const long *w)
{
	ent_entity *ents = calloc(n ? n : 1, sizeof(*ents));
	size_t total = 0, k = 0;
	ent_relation *rels;
	ent_corpus c;
	ent_error err;
	ent_graph *g;

	for (size_t e = 0; e < m; e++)
		total += w ? (size_t)w[e] : 1;
	rels = calloc(total ? total : 1, sizeof(*rels));
	for (size_t i = 0; i < n; i++) {
		ents[i].type = types ? types[i] : ENT_TYPE_COUNTRY;
		ents[i].name = names[i];
		ents[i].key = names[i];
		ents[i].mentions = 1;
	}
	for (size_t e = 0; e < m; e++)
		for (long r = 0; r < (w ? w[e] : 1); r++) {
			ent_relation *x = &rels[k++];
			x->subject = edges[e][0] < edges[e][1] ? edges[e][0] : edges[e][1];
			x->object = edges[e][0] < edges[e][1] ? edges[e][1] : edges[e][0];
			x->rel = ENT_REL_COOPERATES_WITH;
			x->ev.doc = "test.txt";
			x->ev.line = (long)e + 1;
			x->ev.sentence = "A sentence.";
			x->ev.rule = "test";
		}
	memset(&c, 0, sizeof(c));
	c.entities = ents;
	c.n_entities = n;
	c.relations = rels;
	c.n_relations = total;
	c.n_documents = 1;
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&c, &err);
	ck_assert_msg(g != NULL, "graph: %s", err.msg);
	free(ents);
	free(rels);
	return g;
}

/* Names "N0".."N(n-1)" in one allocation: free(names[0]) then free(names). */
static const char **numbered(size_t n)
{
	const char **names = malloc((n ? n : 1) * sizeof(*names));
	char *buf = malloc(n * 12 + 1);

	for (size_t i = 0; i < n; i++) {
		names[i] = buf + i * 12;
		snprintf(buf + i * 12, 12, "N%zu", i);
	}
	if (n == 0)
		free(buf);
	return names;
}

static void numbered_free(const char **names, size_t n)
{
	if (n)
		free((void *)names[0]);
	free(names);
}

static void measures_all(const ent_graph *g, ent_measures *m)
{
	ent_error err;

	ent_error_clear(&err);
	ck_assert_msg(ent_graph_measures(g, NULL, m, &err) == ENT_OK, "measures: %s",
		      err.msg);
	for (int i = 0; i < ENT_MEASURE_COUNT; i++) {
		ck_assert_ptr_nonnull(m->value[i]);
		ck_assert_uint_eq(m->sources[i], 0); /* small: exact */
	}
}

#define V(m, k, i) ((m)->value[ENT_MEASURE_##k][i])

/* ---- closed forms ----------------------------------------------------- */

START_TEST(test_star)
{
	static const char *const names[] = { "Hub", "L1", "L2", "L3", "L4" };
	static const size_t e[][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 } };
	ent_graph *g = graph_of(5, names, NULL, 4, e, NULL);
	/* p_hub = (1-d)/n + d * 4 p_leaf, p_leaf = (1-d)/n + d p_hub / 4 */
	double hub = 0.132 / 0.2775, leaf = (1 - hub) / 4;
	ent_measures m;

	measures_all(g, &m);
	ck_assert_double_eq(V(&m, DEGREE, 0), 4);
	ck_assert_double_eq(V(&m, STRENGTH, 0), 4);
	ck_assert_double_eq_tol(V(&m, BETWEENNESS, 0), 6, 1e-12);
	ck_assert_double_eq_tol(V(&m, CLOSENESS, 0), 1, 1e-12);
	ck_assert_double_eq_tol(V(&m, PAGERANK, 0), hub, 1e-9);
	ck_assert_double_eq_tol(V(&m, EIGENVECTOR, 0), 1, 1e-9);
	for (size_t i = 1; i < 5; i++) {
		ck_assert_double_eq(V(&m, DEGREE, i), 1);
		ck_assert_double_eq(V(&m, BETWEENNESS, i), 0);
		ck_assert_double_eq_tol(V(&m, CLOSENESS, i), 0.625, 1e-12);
		ck_assert_double_eq_tol(V(&m, PAGERANK, i), leaf, 1e-9);
		ck_assert_double_eq_tol(V(&m, EIGENVECTOR, i), 0.5, 1e-9);
	}
	ent_measures_release(&m);
	ck_assert_ptr_null(m.value[0]);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_path)
{
	static const char *const names[] = { "P1", "P2", "P3", "P4", "P5" };
	static const size_t e[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 } };
	static const double btw[] = { 0, 3, 4, 3, 0 };
	static const double clo[] = { 25.0 / 48, 17.0 / 24, 0.75, 17.0 / 24, 25.0 / 48 };
	/* the leading eigenvector of P5: sin(k pi / 6), k = 1..5 */
	const double eig[] = { 0.5, sqrt(3) / 2, 1, sqrt(3) / 2, 0.5 };
	ent_graph *g = graph_of(5, names, NULL, 4, e, NULL);
	ent_measures m;

	measures_all(g, &m);
	for (size_t i = 0; i < 5; i++) {
		ck_assert_double_eq(V(&m, DEGREE, i), i == 0 || i == 4 ? 1 : 2);
		ck_assert_double_eq_tol(V(&m, BETWEENNESS, i), btw[i], 1e-12);
		ck_assert_double_eq_tol(V(&m, CLOSENESS, i), clo[i], 1e-12);
		ck_assert_double_eq_tol(V(&m, EIGENVECTOR, i), eig[i], 1e-7);
	}
	ck_assert_double_eq_tol(V(&m, PAGERANK, 0), V(&m, PAGERANK, 4), 1e-12);
	ck_assert_double_eq_tol(V(&m, PAGERANK, 1), V(&m, PAGERANK, 3), 1e-12);
	ck_assert_double_gt(V(&m, PAGERANK, 1), V(&m, PAGERANK, 0));
	ent_measures_release(&m);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_cycle)
{
	static const char *const names[] = { "C1", "C2", "C3", "C4" };
	static const size_t e[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 0 } };
	ent_graph *g = graph_of(4, names, NULL, 4, e, NULL);
	ent_measures m;

	measures_all(g, &m);
	for (size_t i = 0; i < 4; i++) {
		ck_assert_double_eq(V(&m, DEGREE, i), 2);
		ck_assert_double_eq_tol(V(&m, BETWEENNESS, i), 0.5, 1e-12);
		ck_assert_double_eq_tol(V(&m, CLOSENESS, i), 5.0 / 6, 1e-12);
		ck_assert_double_eq_tol(V(&m, PAGERANK, i), 0.25, 1e-12);
		ck_assert_double_eq_tol(V(&m, EIGENVECTOR, i), 1, 1e-9);
	}
	ent_measures_release(&m);
	ent_graph_free(g);
}
END_TEST

/* A triangle, a pair and an isolated node. */
static ent_graph *three_parts(void)
{
	static const char *const names[] = { "A", "B", "C", "D", "E", "F" };
	static const size_t e[][2] = { { 0, 1 }, { 1, 2 }, { 0, 2 }, { 3, 4 } };

	return graph_of(6, names, NULL, 4, e, NULL);
}

START_TEST(test_components)
{
	ent_graph *g = three_parts();
	/* the isolated node spreads its rank over all six, itself included */
	double pf = 0.025 / (1 - 0.85 / 6), pt = (0.025 + 0.85 * pf / 6) / 0.15;
	ent_communities c;
	ent_measures m;
	ent_error err;

	measures_all(g, &m);
	for (size_t i = 0; i < 6; i++) {
		ck_assert_double_eq(V(&m, BETWEENNESS, i), 0);
		ck_assert_double_eq_tol(V(&m, CLOSENESS, i), i < 3 ? 0.4 : i < 5 ? 0.2 : 0,
					1e-12);
		ck_assert_double_eq_tol(V(&m, PAGERANK, i), i < 5 ? pt : pf, 1e-9);
		/* per component, times lambda_c / lambda_max: 2/2, 1/2, 0 */
		ck_assert_double_eq_tol(V(&m, EIGENVECTOR, i), i < 3 ? 1 : i < 5 ? 0.5 : 0,
					1e-9);
	}
	ent_measures_release(&m);

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_communities(g, &c, &err), ENT_OK);
	ck_assert_uint_eq(c.n, 6);
	ck_assert_uint_eq(c.count, 3);
	/* (3/4 - (6/8)^2) + (1/4 - (2/8)^2) */
	ck_assert_double_eq_tol(c.modularity, 0.375, 1e-12);
	for (size_t i = 0; i < 6; i++)
		ck_assert_uint_eq(c.membership[i], i < 3 ? 0 : i < 5 ? 1 : 2);
	ent_communities_release(&c);
	ck_assert_ptr_null(c.membership);
	ent_graph_free(g);
}
END_TEST

/* Two triangles joined by one bridge; the B side comes first in node
 * order, so that community order must come from names, not indexes. */
static ent_graph *barbell(void)
{
	static const char *const names[] = { "B1", "B2", "B3", "A1", "A2", "A3" };
	static const size_t e[][2] = { { 0, 1 }, { 1, 2 }, { 0, 2 }, { 3, 4 },
				       { 4, 5 }, { 3, 5 }, { 0, 3 } };

	return graph_of(6, names, NULL, 7, e, NULL);
}

START_TEST(test_communities)
{
	ent_graph *g = barbell();
	ent_communities c, again;
	ent_error err;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_communities(g, &c, &err), ENT_OK);
	ck_assert_int_eq(ent_graph_communities(g, &again, &err), ENT_OK);
	ck_assert_uint_eq(c.count, 2);
	ck_assert_double_eq_tol(c.modularity, 2 * (3.0 / 7 - 0.25), 1e-12);
	for (size_t i = 0; i < 6; i++) {
		/* equal sizes: the community holding "A1" first */
		ck_assert_uint_eq(c.membership[i], i < 3 ? 1 : 0);
		ck_assert_uint_eq(c.membership[i], again.membership[i]);
	}
	ent_communities_release(&c);
	ent_communities_release(&again);
	ent_graph_free(g);
}
END_TEST

/* Empty, single-node and edge-less graphs: no igraph error, no abort. */
START_TEST(test_degenerate)
{
	static const char *const names[] = { "X", "Y", "Z" };
	ent_communities c;
	ent_measures m;
	ent_error err;

	for (size_t n = 0; n <= 3; n++) {
		ent_graph *g = graph_of(n, names, NULL, 0, NULL, NULL);
		ent_error_clear(&err);
		ck_assert_int_eq(ent_graph_measures(g, NULL, &m, &err), ENT_OK);
		ck_assert_uint_eq(m.n, n);
		for (size_t i = 0; i < n; i++) {
			ck_assert_double_eq(V(&m, DEGREE, i), 0);
			ck_assert_double_eq(V(&m, BETWEENNESS, i), 0);
			ck_assert_double_eq(V(&m, CLOSENESS, i), 0);
			ck_assert_double_eq(V(&m, EIGENVECTOR, i), 0);
			ck_assert_double_eq_tol(V(&m, PAGERANK, i), 1.0 / (double)n, 1e-12);
		}
		ent_measures_release(&m);
		ck_assert_int_eq(ent_graph_communities(g, &c, &err), ENT_OK);
		ck_assert_uint_eq(c.count, n);
		ck_assert_double_eq(c.modularity, 0);
		for (size_t i = 0; i < n; i++) /* by name: X, Y, Z */
			ck_assert_uint_eq(c.membership[i], i);
		ent_communities_release(&c);
		ent_graph_free(g);
	}
}
END_TEST

/* ---- the report ------------------------------------------------------- */

static char *report(const ent_graph *g, const ent_report_opts *o)
{
	FILE *fp = tmpfile();
	ent_error err;
	char *buf;
	long n;

	ck_assert_ptr_nonnull(fp);
	ent_error_clear(&err);
	ck_assert_msg(ent_graph_report(g, o, fp, &err) == ENT_OK, "report: %s", err.msg);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return buf;
}

static char *report_as(const ent_graph *g, ent_report_format f, size_t top)
{
	ent_report_opts o;

	ent_report_opts_init(&o);
	o.format = f;
	o.top = top;
	return report(g, &o);
}

/* Run a Python snippet on `input` (written to a file, argv[1]); returns
 * its exit status, its stdout in *out when asked. */
static int python(const char *code, const char *input, char **out)
{
	char dir[] = "/tmp/ent_analysis_XXXXXX", in[64], py[64], res[64], cmd[256];
	FILE *fp;
	int rc;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(in, sizeof(in), "%s/in", dir);
	snprintf(py, sizeof(py), "%s/t.py", dir);
	snprintf(res, sizeof(res), "%s/out", dir);
	fp = fopen(in, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs(input, fp);
	ck_assert_int_eq(fclose(fp), 0);
	fp = fopen(py, "wb");
	ck_assert_ptr_nonnull(fp);
	fputs(code, fp);
	ck_assert_int_eq(fclose(fp), 0);
	snprintf(cmd, sizeof(cmd), PYTHON " %s %s > %s", py, in, res);
	rc = system(cmd);
	if (out) {
		long n;
		fp = fopen(res, "rb");
		ck_assert_ptr_nonnull(fp);
		fseek(fp, 0, SEEK_END);
		n = ftell(fp);
		rewind(fp);
		*out = calloc(1, (size_t)n + 1);
		ck_assert_uint_eq(fread(*out, 1, (size_t)n, fp), (size_t)n);
		fclose(fp);
	}
	unlink(in);
	unlink(py);
	unlink(res);
	rmdir(dir);
	return rc;
}

static void assert_json(const char *text)
{
	static const char code[] = "import json, sys\njson.load(open(sys.argv[1], encoding='utf-8'))\n";

	ck_assert_msg(python(code, text, NULL) == 0, "not valid JSON:\n%.3000s", text);
}

/* Every record of an RFC 4180 document has `fields` fields; returns the
 * number of records. Quoted fields may hold anything but a lone quote. */
static size_t csv_records(const char *s, size_t fields)
{
	size_t records = 0, f = 1;

	while (*s) {
		if (*s == '"') {
			for (s++; *s && !(s[0] == '"' && s[1] != '"'); s += s[0] == '"' ? 2 : 1)
				;
			ck_assert_int_eq(*s, '"');
			s++;
			ck_assert_msg(*s == ',' || *s == '\r', "text after a closing quote");
			continue;
		}
		if (*s == ',') {
			f++;
		} else if (*s == '\r') {
			ck_assert_int_eq(s[1], '\n');
			ck_assert_uint_eq(f, fields);
			records++;
			f = 1;
			s++;
		} else {
			ck_assert_msg(*s != '\n', "a bare LF ends a record");
		}
		s++;
	}
	ck_assert_uint_eq(f, 1); /* the last record is terminated */
	return records;
}

START_TEST(test_report_text)
{
	ent_graph *g = barbell();
	char *t = report_as(g, ENT_REPORT_TEXT, 10), *again = report_as(g, ENT_REPORT_TEXT, 10);

	ck_assert_str_eq(t, again);
	ck_assert_ptr_nonnull(strstr(t, "  components                1\n"));
	ck_assert_ptr_nonnull(strstr(t, "  diameter                  3  (of the largest component)\n"));
	ck_assert_ptr_nonnull(strstr(t, "  modularity           0.3571\n"));
	ck_assert_ptr_nonnull(strstr(t, "top 6 by closeness (harmonic, shortest paths)\n"));
	ck_assert_ptr_nonnull(strstr(t, "top 6 by eigenvector (weighted, per component)\n"));
	/* the bridge ends tie at 6: by name */
	ck_assert_ptr_nonnull(strstr(t, "brokers: 2 articulation points, whose removal splits "
				       "the network (by betweenness)\n"
				       "  rank  betweenness  type     name\n"
				       "     1         6.00  country  A1\n"
				       "     2         6.00  country  B1\n"));
	ck_assert_ptr_nonnull(strstr(t, "community 1: 3 members\n"));
	ck_assert_ptr_nonnull(strstr(t, "innermost core: the 2-core, 6 members (by PageRank)\n"));
	free(t);
	free(again);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_report_formats)
{
	ent_graph *g = barbell();
	char *csv = report_as(g, ENT_REPORT_CSV, 3);
	char *json = report_as(g, ENT_REPORT_JSON, 3);
	char *md = report_as(g, ENT_REPORT_MARKDOWN, 3);

	ck_assert_ptr_nonnull(strstr(csv, "section,group,rank,name,type,value\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "summary,modularity,,,,0.3571\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "brokers,,1,A1,country,6.00\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "community,1,1,A1,country,"));
	ck_assert_ptr_nonnull(strstr(csv, "core,2,1,"));
	ck_assert_uint_gt(csv_records(csv, 6), 30);
	assert_json(json);
	ck_assert_ptr_nonnull(strstr(json, "\"modularity\": 0.3571"));
	ck_assert_ptr_nonnull(strstr(json, "{\"rank\": 1, \"name\": \"A1\", \"type\": \"country\", "
					   "\"betweenness\": 6.00}"));
	ck_assert_ptr_nonnull(strstr(md, "| rank | betweenness | type | name |\n"
					 "|---:|---:|---|---|\n| 1 | 6.00 | country | A1 |\n"));
	free(csv);
	free(json);
	free(md);
	ent_graph_free(g);
}
END_TEST

/* Names from documents may hold markup, quotes, formula triggers,
 * control characters and invalid UTF-8. */
START_TEST(test_report_hostile_names)
{
	static const char *const names[] = {
		"Say \"hi\" <script>alert(1)</script> & 'x' ]]> \\",
		"=HYPERLINK(\"http://x\")",
		"a|b\nc\td\x01\x7f",
		"bad \xC3\x28 utf8 \xED\xA0\x80",
	};
	static const size_t e[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 } };
	ent_graph *g = graph_of(4, names, NULL, 3, e, NULL);
	char *csv = report_as(g, ENT_REPORT_CSV, 0);
	char *json = report_as(g, ENT_REPORT_JSON, 0);
	char *md = report_as(g, ENT_REPORT_MARKDOWN, 0);
	char *text = report_as(g, ENT_REPORT_TEXT, 0);

	ck_assert_uint_gt(csv_records(csv, 6), 10);
	ck_assert_ptr_nonnull(strstr(csv, ",\"'=HYPERLINK(\"\"http://x\"\")\","));
	ck_assert_ptr_null(strstr(csv, ",=HYPERLINK"));
	assert_json(json);
	ck_assert_ptr_null(strstr(md, "<script>"));
	ck_assert_ptr_nonnull(strstr(md, "\\<script\\>"));
	ck_assert_ptr_nonnull(strstr(md, "a\\|b?c?d??"));
	for (const char *p = text; *p; p++)
		ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\n', "control byte %02x in text",
			      (unsigned char)*p);
	ck_assert_ptr_null(strstr(text, "\xC3\x28"));
	ck_assert_ptr_nonnull(strstr(text, "bad \xEF\xBF\xBD( utf8 "));
	free(csv);
	free(json);
	free(md);
	free(text);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_report_degenerate)
{
	static const char *const names[] = { "Alone", "Also alone" };

	for (size_t n = 0; n <= 2; n++) {
		ent_graph *g = graph_of(n, names, NULL, 0, NULL, NULL);
		for (int f = ENT_REPORT_TEXT; f <= ENT_REPORT_MARKDOWN; f++) {
			char *r = report_as(g, (ent_report_format)f, 10);
			if (f == ENT_REPORT_JSON)
				assert_json(r);
			if (f == ENT_REPORT_CSV)
				csv_records(r, 6);
			if (f == ENT_REPORT_TEXT && n == 0)
				ck_assert_ptr_nonnull(strstr(r, "(no nodes)"));
			if (f == ENT_REPORT_TEXT && n == 2) {
				ck_assert_ptr_nonnull(strstr(r, "  components                2\n"));
				ck_assert_ptr_nonnull(strstr(r, "  modularity           0.0000\n"));
				ck_assert_ptr_nonnull(strstr(r, "the 0-core, 2 members"));
			}
			free(r);
		}
		ent_graph_free(g);
	}
}
END_TEST

START_TEST(test_report_options)
{
	ent_graph *g = barbell();
	ent_report_opts o;
	char *r;
	FILE *full;
	ent_error err;

	ent_report_opts_init(&o);
	o.measure.measures = 1u << ENT_MEASURE_PAGERANK;
	o.measure.betweenness = ENT_PATH_OFF;
	o.top = 1;
	o.members = 1;
	r = report(g, &o);
	ck_assert_ptr_nonnull(strstr(r, "top 1 by PageRank"));
	ck_assert_ptr_null(strstr(r, "by degree (distinct"));
	ck_assert_ptr_null(strstr(r, "betweenness"));
	/* without betweenness the brokers go by degree */
	ck_assert_ptr_nonnull(strstr(r, "(by degree)\n  rank  degree  type     name\n"
					"     1       3  country  A1\n"));
	ck_assert_ptr_nonnull(strstr(r, " (the 1 largest shown)\n"));
	free(r);

	o.measure.measures = 0; /* all */
	o.measure.betweenness = ENT_PATH_AUTO;
	r = report(g, &o);
	ck_assert_ptr_nonnull(strstr(r, "top 1 by closeness"));
	ck_assert_ptr_nonnull(strstr(r, "top 1 by eigenvector"));
	ck_assert_ptr_null(strstr(r, "(not computed)"));
	free(r);

	o.measure.measures = 1u << ENT_MEASURE_BETWEENNESS;
	o.measure.betweenness = ENT_PATH_OFF;
	o.format = ENT_REPORT_JSON;
	r = report(g, &o);
	ck_assert_ptr_nonnull(strstr(r, "\"betweenness\": null"));
	assert_json(r);
	free(r);

	full = fopen("/dev/full", "w");
	if (full) {
		ent_error_clear(&err);
		ck_assert_int_eq(ent_graph_report(g, NULL, full, &err), ENT_ERR_OUTPUT);
		fclose(full);
	}
	ent_graph_free(g);
}
END_TEST

START_TEST(test_parse_names)
{
	ent_measure m;
	ent_path_mode p;
	ent_report_format f;

	for (int i = 0; i < ENT_MEASURE_COUNT; i++) {
		ck_assert_int_eq(ent_measure_parse(ent_measure_name((ent_measure)i), &m), 0);
		ck_assert_int_eq(m, i);
	}
	ck_assert_int_eq(ent_measure_parse("Harmonic", &m), 0);
	ck_assert_int_eq(m, ENT_MEASURE_CLOSENESS);
	ck_assert_int_eq(ent_measure_parse("katz", &m), -1);
	ck_assert_int_eq(ent_path_mode_parse("SAMPLED", &p), 0);
	ck_assert_int_eq(p, ENT_PATH_SAMPLED);
	ck_assert_int_eq(ent_path_mode_parse("fast", &p), -1);
	ck_assert_int_eq(ent_report_format_parse("md", &f), 0);
	ck_assert_int_eq(f, ENT_REPORT_MARKDOWN);
	ck_assert_int_eq(ent_report_format_parse("xml", &f), -1);
}
END_TEST

/* ---- sampling --------------------------------------------------------- */

/* A ring of n nodes with a chord from every 7th node to the node n/3
 * ahead: connected, not symmetric. */
static ent_graph *ring(size_t n, const char ***names)
{
	size_t m = n + n / 7 + 1, k = 0;
	size_t (*e)[2] = malloc(m * sizeof(*e));
	ent_graph *g;

	*names = numbered(n);
	for (size_t i = 0; i < n; i++) {
		e[k][0] = i;
		e[k++][1] = (i + 1) % n;
		if (i % 7 == 0) {
			e[k][0] = i;
			e[k++][1] = (i + n / 3) % n;
		}
	}
	g = graph_of(n, *names, NULL, k, (const size_t(*)[2])e, NULL);
	free(e);
	return g;
}

START_TEST(test_sampled_equals_exact_when_k_is_n)
{
	const char **names;
	ent_graph *g = ring(60, &names);
	ent_measure_opts o;
	ent_measures exact, sampled;
	ent_error err;

	ent_measure_opts_init(&o);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_measures(g, &o, &exact, &err), ENT_OK);
	o.betweenness = o.closeness = ENT_PATH_SAMPLED;
	o.sources = 60; /* every node: exact, and said so */
	ck_assert_int_eq(ent_graph_measures(g, &o, &sampled, &err), ENT_OK);
	ck_assert_uint_eq(sampled.sources[ENT_MEASURE_BETWEENNESS], 0);
	for (size_t i = 0; i < 60; i++) {
		ck_assert_double_eq_tol(V(&sampled, BETWEENNESS, i), V(&exact, BETWEENNESS, i), 1e-9);
		ck_assert_double_eq_tol(V(&sampled, CLOSENESS, i), V(&exact, CLOSENESS, i), 1e-12);
	}
	ent_measures_release(&sampled);
	ent_measures_release(&exact);
	ent_graph_free(g);
	numbered_free(names, 60);
}
END_TEST

/* Sampled estimates are deterministic and near the exact values: the
 * mean over nodes is unbiased, so on a ring-like graph the totals agree
 * within a few per cent. */
START_TEST(test_sampled_estimates)
{
	const char **names;
	ent_graph *g = ring(600, &names);
	ent_measure_opts o;
	ent_measures exact, a, b;
	ent_error err;
	double te = 0, ts = 0, ce = 0, cs = 0;

	ent_measure_opts_init(&o);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_measures(g, &o, &exact, &err), ENT_OK);
	o.betweenness = o.closeness = ENT_PATH_SAMPLED;
	o.sources = 100;
	ck_assert_int_eq(ent_graph_measures(g, &o, &a, &err), ENT_OK);
	ck_assert_int_eq(ent_graph_measures(g, &o, &b, &err), ENT_OK);
	ck_assert_uint_eq(a.sources[ENT_MEASURE_BETWEENNESS], 100);
	ck_assert_uint_eq(a.sources[ENT_MEASURE_CLOSENESS], 100);
	for (size_t i = 0; i < 600; i++) {
		ck_assert_double_eq(V(&a, BETWEENNESS, i), V(&b, BETWEENNESS, i));
		ck_assert_double_eq(V(&a, CLOSENESS, i), V(&b, CLOSENESS, i));
		te += V(&exact, BETWEENNESS, i);
		ts += V(&a, BETWEENNESS, i);
		ce += V(&exact, CLOSENESS, i);
		cs += V(&a, CLOSENESS, i);
	}
	ck_assert_msg(fabs(ts / te - 1) < 0.05, "betweenness total %g vs %g", ts, te);
	ck_assert_msg(fabs(cs / ce - 1) < 0.05, "closeness total %g vs %g", cs, ce);
	ent_measures_release(&a);
	ent_measures_release(&b);
	ent_measures_release(&exact);
	ent_graph_free(g);
	numbered_free(names, 600);
}
END_TEST

/* Above ENT_PATH_EXACT_MAX nodes the automatic mode samples, and says so. */
START_TEST(test_auto_samples_large_graphs)
{
	const size_t n = ENT_PATH_EXACT_MAX + 1000;
	const char **names;
	ent_graph *g = ring(n, &names);
	ent_report_opts o;
	char *r, want[128];

	ent_report_opts_init(&o);
	o.top = 3;
	r = report(g, &o);
	snprintf(want, sizeof(want), "top 3 by betweenness (shortest paths, estimated from %d of %zu sources)\n",
		 ENT_PATH_SOURCES, n);
	ck_assert_msg(strstr(r, want) != NULL, "no '%s' in:\n%.2000s", want, r);
	ck_assert_ptr_nonnull(strstr(r, "closeness (harmonic, shortest paths, estimated from"));
	ck_assert_ptr_nonnull(strstr(r, "; at least, from 4 BFS sweeps)\n"));
	free(r);
	o.format = ENT_REPORT_JSON;
	r = report(g, &o);
	ck_assert_ptr_nonnull(strstr(r, "\"estimated_from_sources\": 256"));
	ck_assert_ptr_nonnull(strstr(r, "\"betweenness_sources\": 256"));
	ck_assert_ptr_nonnull(strstr(r, "\"diameter_exact\": false"));
	ck_assert_ptr_nonnull(strstr(r, "\"community_method\": \"multilevel\""));
	assert_json(r);
	free(r);
	ent_graph_free(g);
	numbered_free(names, n);
}
END_TEST

/* Above ENT_COMMUNITY_MULTILEVEL_MAX nodes communities come from Leiden:
 * still deterministic, still named in the report. */
START_TEST(test_leiden_large_graphs)
{
	const size_t n = ENT_COMMUNITY_MULTILEVEL_MAX + 500;
	const char **names;
	ent_graph *g = ring(n, &names);
	ent_communities a, b;
	ent_report_opts o;
	ent_error err;
	char *r;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_communities(g, &a, &err), ENT_OK);
	ck_assert_int_eq(ent_graph_communities(g, &b, &err), ENT_OK);
	ck_assert_uint_gt(a.count, 10);
	ck_assert_double_gt(a.modularity, 0.5);
	ck_assert_double_eq(a.modularity, b.modularity);
	for (size_t i = 0; i < n; i++)
		ck_assert_uint_eq(a.membership[i], b.membership[i]);
	for (size_t i = 1; i < a.count; i++) {
		/* largest first */
		size_t prev = 0, cur = 0;
		for (size_t v = 0; v < n; v++) {
			prev += a.membership[v] == i - 1;
			cur += a.membership[v] == i;
		}
		ck_assert_uint_ge(prev, cur);
	}
	ent_communities_release(&a);
	ent_communities_release(&b);
	ent_report_opts_init(&o);
	o.format = ENT_REPORT_JSON;
	o.measure.betweenness = ENT_PATH_OFF;
	o.measure.closeness = ENT_PATH_OFF;
	r = report(g, &o);
	ck_assert_ptr_nonnull(strstr(r, "\"community_method\": \"leiden\""));
	free(r);
	ent_graph_free(g);
	numbered_free(names, n);
}
END_TEST

/* ---- Zachary's karate club against NetworkX ---------------------------- */

static const char nx_script[] =
	"import sys\n"
	"try:\n"
	"    import networkx as nx\n"
	"except ImportError as e:\n"
	"    sys.exit('python3-networkx is missing (%s): install it with scripts/deps.sh "
	"or apt-get install python3-networkx' % e)\n"
	"lines = open(sys.argv[1]).read().split('\\n')\n"
	"n = int(lines[0])\n"
	"G = nx.Graph()\n"
	"G.add_nodes_from(range(n))\n"
	"memb = {}\n"
	"for l in lines[1:]:\n"
	"    f = l.split()\n"
	"    if len(f) == 3:\n"
	"        G.add_edge(int(f[0]), int(f[1]), weight=float(f[2]))\n"
	"    elif len(f) == 2:\n"
	"        memb[int(f[0])] = int(f[1])\n"
	"bt = nx.betweenness_centrality(G, normalized=False)\n"
	"hc = nx.harmonic_centrality(G)\n"
	"pr = nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-14, max_iter=100000)\n"
	"ev = nx.eigenvector_centrality_numpy(G, weight='weight')\n"
	"top = max(ev.values())\n"
	"groups = {}\n"
	"for v, c in memb.items(): groups.setdefault(c, set()).add(v)\n"
	"q = nx.community.modularity(G, groups.values(), weight='weight')\n"
	"print('%.12f' % q)\n"
	"for v in range(n):\n"
	"    print('%d %.12f %.12f %.12f %.12f %.12f' % (G.degree(v), "
	"G.degree(v, weight='weight'), bt[v], hc[v] / (n - 1), pr[v], ev[v] / top))\n";

START_TEST(test_karate_against_networkx)
{
	igraph_t zach;
	igraph_integer_t from, to;
	size_t m, (*e)[2];
	long *w;
	const char **names;
	ent_graph *g;
	ent_measures ms;
	ent_communities comm;
	ent_error err;
	char *input, *out, *p;
	size_t len = 0;
	double q;
	int rc;

	ck_assert_msg(system(PYTHON " -c 'import networkx' 2>/dev/null") == 0,
		      "python3-networkx is required for the centrality cross-check "
		      "(" PYTHON " -c 'import networkx' failed): run scripts/deps.sh "
		      "or apt-get install python3-networkx");
	ck_assert_int_eq(igraph_famous(&zach, "Zachary"), IGRAPH_SUCCESS);
	m = (size_t)igraph_ecount(&zach);
	ck_assert_uint_eq(m, 78);
	e = malloc(m * sizeof(*e));
	w = malloc(m * sizeof(*w));
	input = malloc(m * 40 + 34 * 20 + 16);
	len += (size_t)sprintf(input, "34\n");
	for (size_t i = 0; i < m; i++) {
		igraph_edge(&zach, (igraph_integer_t)i, &from, &to);
		e[i][0] = (size_t)from;
		e[i][1] = (size_t)to;
		w[i] = 1 + (long)((i * 7) % 3); /* evidence counts 1..3 */
		len += (size_t)sprintf(input + len, "%zu %zu %ld\n", e[i][0], e[i][1], w[i]);
	}
	igraph_destroy(&zach);
	names = numbered(34);
	g = graph_of(34, names, NULL, m, (const size_t(*)[2])e, w);
	measures_all(g, &ms);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_communities(g, &comm, &err), ENT_OK);
	ck_assert_uint_ge(comm.count, 2);
	for (size_t i = 0; i < 34; i++)
		len += (size_t)sprintf(input + len, "%zu %zu\n", i, comm.membership[i]);

	rc = python(nx_script, input, &out);
	ck_assert_msg(rc == 0, "the NetworkX script failed (exit %d): %s", rc, out);
	q = strtod(out, &p);
	ck_assert_double_eq_tol(comm.modularity, q, 1e-9);
	ck_assert_double_gt(q, 0.3);
	for (size_t i = 0; i < 34; i++) {
		double deg = strtod(p, &p), str = strtod(p, &p), bt = strtod(p, &p);
		double hc = strtod(p, &p), pr = strtod(p, &p), ev = strtod(p, &p);
		ck_assert_double_eq(V(&ms, DEGREE, i), deg);
		ck_assert_double_eq(V(&ms, STRENGTH, i), str);
		ck_assert_double_eq_tol(V(&ms, BETWEENNESS, i), bt, 1e-8);
		ck_assert_double_eq_tol(V(&ms, CLOSENESS, i), hc, 1e-10);
		ck_assert_double_eq_tol(V(&ms, PAGERANK, i), pr, 1e-9);
		ck_assert_double_eq_tol(V(&ms, EIGENVECTOR, i), ev, 1e-6);
	}
	/* the instructor, as published for this edge list */
	ck_assert_double_eq_tol(V(&ms, BETWEENNESS, 0), 231.0714285714, 1e-9);
	free(out);
	free(input);
	free(e);
	free(w);
	ent_communities_release(&comm);
	ent_measures_release(&ms);
	ent_graph_free(g);
	numbered_free(names, 34);
}
END_TEST

/* ---- the command line ------------------------------------------------- */

static const char *bin(void)
{
	const char *b = getenv("ENTENTE_BIN");
	return b && *b ? b : "build/entente";
}

/* Exit status of `entente ARGS`, stdout to `out` ("/dev/null" if NULL). */
static int run_cli(const char *args, const char *out)
{
	char cmd[512];
	int rc;

	snprintf(cmd, sizeof(cmd), "OMP_NUM_THREADS=1 %s %s > %s 2>/dev/null", bin(), args,
		 out ? out : "/dev/null");
	rc = system(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

START_TEST(test_cli_report)
{
	char dir[] = "/tmp/ent_report_XXXXXX", path[64], *json;
	FILE *fp;
	long n;

	ck_assert_int_eq(run_cli("report --format xml samples/", NULL), 2);
	ck_assert_int_eq(run_cli("report --measures degree,katz samples/", NULL), 2);
	ck_assert_int_eq(run_cli("report --betweenness fast samples/", NULL), 2);
	ck_assert_int_eq(run_cli("report --members 0 samples/", NULL), 2);
	ck_assert_int_eq(run_cli("report --no-betweenness --top 2 samples/", NULL), 0);
	ck_assert_int_eq(run_cli("report --format markdown --betweenness sampled samples/", NULL), 0);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/r.json", dir);
	ck_assert_int_eq(run_cli("report --format json --measures pagerank,eigenvector samples/",
				 path), 0);
	fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	json = calloc(1, (size_t)n + 1);
	ck_assert_uint_eq(fread(json, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	assert_json(json);
	ck_assert_ptr_nonnull(strstr(json, "\"eigenvector\": {"));
	ck_assert_ptr_null(strstr(json, "\"degree\": {"));
	free(json);

	/* the view filters choose the node set */
	ck_assert_int_eq(run_cli("report --format json --types country samples/", path), 0);
	fp = fopen(path, "rb");
	ck_assert_ptr_nonnull(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	json = calloc(1, (size_t)n + 1);
	ck_assert_uint_eq(fread(json, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	assert_json(json);
	ck_assert_ptr_nonnull(strstr(json, "\"nodes_by_type\": {\"country\": "));
	ck_assert_ptr_null(strstr(json, "\"type\": \"organization\""));
	free(json);
	ck_assert_int_eq(run_cli("report --focus 'No Such Entity' samples/", NULL), 1);
	ck_assert_int_eq(run_cli("report --types planet samples/", NULL), 2);
	unlink(path);
	rmdir(dir);
}
END_TEST

Suite *suite_analysis(void)
{
	Suite *s = suite_create("analysis");
	TCase *closed = tcase_create("closed_forms");
	TCase *rep = tcase_create("report");
	TCase *samp = tcase_create("sampling");
	TCase *cross = tcase_create("networkx");
	TCase *cli = tcase_create("cli");

	tcase_add_test(closed, test_star);
	tcase_add_test(closed, test_path);
	tcase_add_test(closed, test_cycle);
	tcase_add_test(closed, test_components);
	tcase_add_test(closed, test_communities);
	tcase_add_test(closed, test_degenerate);
	tcase_add_test(rep, test_report_text);
	tcase_add_test(rep, test_report_formats);
	tcase_add_test(rep, test_report_hostile_names);
	tcase_add_test(rep, test_report_degenerate);
	tcase_add_test(rep, test_report_options);
	tcase_add_test(rep, test_parse_names);
	tcase_add_test(samp, test_sampled_equals_exact_when_k_is_n);
	tcase_add_test(samp, test_sampled_estimates);
	tcase_add_test(samp, test_auto_samples_large_graphs);
	tcase_add_test(samp, test_leiden_large_graphs);
	tcase_add_test(cross, test_karate_against_networkx);
	tcase_add_test(cli, test_cli_report);
	suite_add_tcase(s, closed);
	suite_add_tcase(s, rep);
	suite_add_tcase(s, samp);
	suite_add_tcase(s, cross);
	suite_add_tcase(s, cli);
	return s;
}
