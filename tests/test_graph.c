/*
 * Tests of graph/: merging a hand-made corpus into a graph, centrality on
 * graphs whose answers are known in closed form, GraphML round trips and
 * every kind of broken GraphML, lookups and partners. Corpora are built
 * by hand so that each expectation can be checked against the input.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entente/entente.h"
#include "tests.h"

/* ---- fixtures --------------------------------------------------------- */

#define MAX_ENTS 32
#define MAX_RELS 64

typedef struct fixture {
	ent_entity ents[MAX_ENTS];
	ent_relation rels[MAX_RELS];
	ent_corpus c;
} fixture;

static void fx_init(fixture *f)
{
	memset(f, 0, sizeof(*f));
	f->c.entities = f->ents;
	f->c.relations = f->rels;
	f->c.n_documents = 1;
}

static size_t fx_ent(fixture *f, ent_type type, const char *name)
{
	size_t i = f->c.n_entities++;

	ck_assert_uint_lt(i, MAX_ENTS);
	f->ents[i].type = type;
	f->ents[i].name = name;
	f->ents[i].key = name;
	f->ents[i].mentions = i + 1;
	return i;
}

static void fx_rel_ev(fixture *f, size_t s, ent_rel rel, size_t o, int year,
		      const char *doc, long line, const char *sentence,
		      const char *rule)
{
	size_t i = f->c.n_relations++;

	ck_assert_uint_lt(i, MAX_RELS);
	f->rels[i].subject = s;
	f->rels[i].object = o;
	f->rels[i].rel = rel;
	f->rels[i].year = year;
	f->rels[i].ev.doc = doc;
	f->rels[i].ev.line = line;
	f->rels[i].ev.sentence = sentence;
	f->rels[i].ev.rule = rule;
}

static void fx_rel(fixture *f, size_t s, ent_rel rel, size_t o)
{
	fx_rel_ev(f, s, rel, o, 0, "doc.txt", 1, "A sentence.", "test");
}

static ent_graph *fx_graph(fixture *f)
{
	ent_error err;
	ent_graph *g;

	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f->c, &err);
	ck_assert_msg(g != NULL, "from_corpus: %s", err.msg);
	ck_assert_int_eq(err.code, ENT_OK);
	return g;
}

/* A star: centre 0, leaves 1..leaves, all cooperating with the centre. */
static ent_graph *star(fixture *f, size_t leaves)
{
	static const char *const names[] = { "Hub", "Leaf A", "Leaf B", "Leaf C",
					     "Leaf D", "Leaf E", "Leaf F" };
	fx_init(f);
	fx_ent(f, ENT_TYPE_ORGANIZATION, names[0]);
	for (size_t i = 1; i <= leaves; i++) {
		fx_ent(f, ENT_TYPE_COUNTRY, names[i]);
		fx_rel(f, 0, ENT_REL_COOPERATES_WITH, i);
	}
	return fx_graph(f);
}

/* A scratch directory, removed with everything in it by tmp_done(). */
typedef struct tmpdir {
	char dir[64];
	char path[8][128];
	int n;
} tmpdir;

static void tmp_init(tmpdir *t)
{
	memset(t, 0, sizeof(*t));
	snprintf(t->dir, sizeof(t->dir), "/tmp/ent_graph_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(t->dir));
}

static const char *tmp_file(tmpdir *t, const char *name)
{
	char dir[sizeof(t->dir)];

	ck_assert_int_lt(t->n, 8);
	memcpy(dir, t->dir, sizeof(dir));
	snprintf(t->path[t->n], sizeof(t->path[0]), "%s/%s", dir, name);
	return t->path[t->n++];
}

static void tmp_done(tmpdir *t)
{
	for (int i = 0; i < t->n; i++)
		unlink(t->path[i]);
	ck_assert_int_eq(rmdir(t->dir), 0);
}

static void write_text(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_ptr_nonnull(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* ---- building --------------------------------------------------------- */

START_TEST(test_merge_relations)
{
	fixture f;
	ent_graph *g;
	const ent_edge *e;

	fx_init(&f);
	size_t fr = fx_ent(&f, ENT_TYPE_COUNTRY, "France");
	size_t de = fx_ent(&f, ENT_TYPE_COUNTRY, "Germany");
	size_t nato = fx_ent(&f, ENT_TYPE_ORGANIZATION, "NATO");
	fx_rel_ev(&f, fr, ENT_REL_COOPERATES_WITH, de, 2019, "a.txt", 7,
		  "France and Germany cooperate.", "coop-and");
	fx_rel_ev(&f, de, ENT_REL_COOPERATES_WITH, fr, 2015, "b.txt", 2,
		  "Germany works with France.", "coop-with");
	fx_rel_ev(&f, fr, ENT_REL_COOPERATES_WITH, de, 0, "b.txt", 9, "Again.", "x");
	fx_rel_ev(&f, fr, ENT_REL_COOPERATES_WITH, de, 2019, "c.txt", 1, "Still.", "x");
	fx_rel(&f, de, ENT_REL_MEMBER_OF, nato);
	fx_rel(&f, fr, ENT_REL_MEMBER_OF, nato);
	fx_rel(&f, nato, ENT_REL_COOPERATES_WITH, fr); /* symmetric: stored 0-2 */
	fx_rel(&f, fr, ENT_REL_SIGNED, fr);           /* self-loop: dropped */
	g = fx_graph(&f);

	ck_assert_uint_eq(ent_graph_node_count(g), 3);
	ck_assert_str_eq(ent_graph_node(g, nato)->name, "NATO");
	ck_assert_int_eq(ent_graph_node(g, nato)->mentions, 3);
	ck_assert_uint_eq(ent_graph_edge_count(g), 4);

	/* sorted by (from, to, rel) */
	e = ent_graph_edge(g, 0);
	ck_assert_uint_eq(e->from, fr);
	ck_assert_uint_eq(e->to, de);
	ck_assert_int_eq(e->rel, ENT_REL_COOPERATES_WITH);
	ck_assert_int_eq(e->weight, 4);
	ck_assert_str_eq(e->years, "2015;2019");
	ck_assert_str_eq(e->doc, "a.txt");
	ck_assert_int_eq(e->line, 7);
	ck_assert_str_eq(e->evidence, "France and Germany cooperate.");
	ck_assert_str_eq(e->rule, "coop-and");

	e = ent_graph_edge(g, 1);
	ck_assert_uint_eq(e->from, fr);
	ck_assert_uint_eq(e->to, nato);
	ck_assert_int_eq(e->rel, ENT_REL_COOPERATES_WITH);
	ck_assert_int_eq(e->weight, 1);
	ck_assert_str_eq(e->years, "");

	e = ent_graph_edge(g, 2);
	ck_assert_uint_eq(e->from, fr);
	ck_assert_uint_eq(e->to, nato);
	ck_assert_int_eq(e->rel, ENT_REL_MEMBER_OF);

	e = ent_graph_edge(g, 3);
	ck_assert_uint_eq(e->from, de);
	ck_assert_uint_eq(e->to, nato);
	ck_assert_int_eq(e->rel, ENT_REL_MEMBER_OF);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_aliases_and_bad_corpus)
{
	static const char *const aliases[] = { "EU", "European Communities", "" };
	fixture f;
	ent_graph *g;
	ent_error err;

	fx_init(&f);
	size_t eu = fx_ent(&f, ENT_TYPE_ORGANIZATION, "European Union");
	f.ents[eu].aliases = aliases;
	f.ents[eu].n_aliases = 3;
	f.ents[eu].key = "organization:european union";
	g = fx_graph(&f);
	ck_assert_str_eq(ent_graph_node(g, eu)->aliases, "EU|European Communities");
	ck_assert_uint_eq(ent_graph_edge_count(g), 0);
	ent_graph_free(g);

	fx_rel(&f, eu, ENT_REL_MEMBER_OF, 5); /* no entity 5 */
	ent_error_clear(&err);
	ck_assert_ptr_null(ent_graph_from_corpus(&f.c, &err));
	ck_assert_int_eq(err.code, ENT_ERR_INPUT);
}
END_TEST

/* ---- centrality ------------------------------------------------------- */

START_TEST(test_star_centrality)
{
	fixture f;
	ent_graph *g;
	ent_centrality c;
	ent_error err;
	double sum = 0;

	/* a second relation between hub and leaf A: one neighbour, two weights */
	g = star(&f, 5);
	ent_graph_free(g);
	fx_rel(&f, 1, ENT_REL_MEMBER_OF, 0);
	g = fx_graph(&f);

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_centrality(g, &c, &err), ENT_OK);
	ck_assert_uint_eq(c.n, 6);
	ck_assert_double_eq(c.degree[0], 5);
	ck_assert_double_eq(c.strength[0], 6);
	ck_assert_double_eq(c.betweenness[0], 10); /* C(5, 2) */
	for (size_t i = 1; i <= 5; i++) {
		ck_assert_double_eq(c.degree[i], 1);
		ck_assert_double_eq(c.strength[i], i == 1 ? 2 : 1);
		ck_assert_double_eq(c.betweenness[i], 0);
		ck_assert_double_gt(c.pagerank[0], c.pagerank[i]);
	}
	ck_assert_double_gt(c.pagerank[1], c.pagerank[2]);
	ck_assert_double_eq_tol(c.pagerank[2], c.pagerank[5], 1e-12);
	for (size_t i = 0; i < c.n; i++)
		sum += c.pagerank[i];
	ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	ent_centrality_release(&c);
	ck_assert_ptr_null(c.degree);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_path_betweenness)
{
	static const double expect[] = { 0, 3, 4, 3, 0 };
	static const char *const names[] = { "P1", "P2", "P3", "P4", "P5" };
	fixture f;
	ent_graph *g;
	ent_centrality c;
	ent_error err;

	fx_init(&f);
	for (size_t i = 0; i < 5; i++)
		fx_ent(&f, ENT_TYPE_COUNTRY, names[i]);
	/* directions mixed: the view is undirected */
	fx_rel(&f, 0, ENT_REL_HOSTED, 1);
	fx_rel(&f, 2, ENT_REL_HOSTED, 1);
	fx_rel(&f, 2, ENT_REL_SIGNED, 3);
	fx_rel(&f, 3, ENT_REL_COOPERATES_WITH, 4);
	g = fx_graph(&f);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_centrality(g, &c, &err), ENT_OK);
	for (size_t i = 0; i < 5; i++) {
		ck_assert_double_eq_tol(c.betweenness[i], expect[i], 1e-9);
		ck_assert_double_eq(c.degree[i], i == 0 || i == 4 ? 1 : 2);
	}
	ck_assert_double_eq_tol(c.pagerank[0], c.pagerank[4], 1e-9);
	ent_centrality_release(&c);
	ent_graph_free(g);
}
END_TEST

/* The report as text, written through a temporary file. */
static char *report_text(const ent_graph *g, size_t top)
{
	FILE *fp = tmpfile();
	ent_error err;
	char *buf;
	long n;

	ck_assert_ptr_nonnull(fp);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_report(g, top, fp, &err), ENT_OK);
	n = ftell(fp);
	rewind(fp);
	buf = calloc(1, (size_t)n + 1);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return buf;
}

START_TEST(test_report)
{
	fixture f;
	ent_graph *g = star(&f, 4);
	char *text = report_text(g, 3), *again = report_text(g, 3);
	const char *deg = strstr(text, "top 3 by degree");
	ent_error err;
	FILE *full;

	ck_assert_str_eq(text, again); /* deterministic */
	ck_assert_ptr_nonnull(strstr(text, "  nodes                     5\n"));
	ck_assert_ptr_nonnull(strstr(text, "  edges                     4\n"));
	ck_assert_ptr_nonnull(strstr(text, "  components                1\n"));
	ck_assert_ptr_nonnull(strstr(text, "  density              0.4000\n"));
	ck_assert_ptr_nonnull(strstr(text, "  country                   4\n"));
	ck_assert_ptr_nonnull(strstr(text, "  cooperates_with           4\n"));
	ck_assert_ptr_nonnull(deg);
	/* hub first, then the tied leaves by name, cut at 3 */
	ck_assert_ptr_nonnull(strstr(deg, "  rank  degree  type          name\n"
					  "     1       4  organization  Hub\n"
					  "     2       1  country       Leaf A\n"
					  "     3       1  country       Leaf B\n\n"));
	ck_assert_ptr_nonnull(strstr(text, "  rank  betweenness  type          name\n"
					   "     1         6.00  organization  Hub\n"));
	ck_assert_ptr_nonnull(strstr(text, "pagerank"));
	free(text);
	free(again);

	full = fopen("/dev/full", "w");
	if (full) {
		ent_error_clear(&err);
		ck_assert_int_eq(ent_graph_write_report(g, 10, full, &err),
				 ENT_ERR_OUTPUT);
		fclose(full);
	}
	ent_graph_free(g);
}
END_TEST

START_TEST(test_empty_and_single)
{
	fixture f;
	ent_graph *g;
	ent_centrality c;
	ent_error err;
	ent_partner *p;
	size_t n, sug[4];
	char *text;

	fx_init(&f);
	g = fx_graph(&f);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_centrality(g, &c, &err), ENT_OK);
	ck_assert_uint_eq(c.n, 0);
	ent_centrality_release(&c);
	text = report_text(g, 10);
	ck_assert_ptr_nonnull(strstr(text, "(no nodes)"));
	free(text);
	ck_assert_int_eq(ent_graph_find(g, "France"), -1);
	ck_assert_uint_eq(ent_graph_suggest(g, "France", sug, 4), 0);
	ck_assert_int_eq(ent_graph_partners(g, 0, &p, &n, &err), ENT_ERR_FAIL);
	ent_graph_free(g);

	fx_ent(&f, ENT_TYPE_PERSON, "Alone");
	g = fx_graph(&f);
	ck_assert_int_eq(ent_graph_centrality(g, &c, &err), ENT_OK);
	ck_assert_double_eq_tol(c.pagerank[0], 1.0, 1e-12);
	ck_assert_double_eq(c.degree[0], 0);
	ck_assert_double_eq(c.betweenness[0], 0);
	ent_centrality_release(&c);
	text = report_text(g, 0);
	ck_assert_ptr_nonnull(strstr(text, "     1       0  person  Alone\n"));
	free(text);
	ck_assert_int_eq(ent_graph_partners(g, 0, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 0);
	free(p);
	ent_graph_free(g);

	/* isolated nodes share PageRank evenly */
	fx_ent(&f, ENT_TYPE_PERSON, "Also alone");
	g = fx_graph(&f);
	ck_assert_int_eq(ent_graph_centrality(g, &c, &err), ENT_OK);
	ck_assert_double_eq_tol(c.pagerank[0], 0.5, 1e-12);
	ck_assert_double_eq_tol(c.pagerank[1], 0.5, 1e-12);
	ent_centrality_release(&c);
	ent_graph_free(g);
}
END_TEST

/* ---- GraphML ---------------------------------------------------------- */

static void assert_same_graph(const ent_graph *a, const ent_graph *b)
{
	ck_assert_uint_eq(ent_graph_node_count(a), ent_graph_node_count(b));
	ck_assert_uint_eq(ent_graph_edge_count(a), ent_graph_edge_count(b));
	for (size_t i = 0; i < ent_graph_node_count(a); i++) {
		const ent_node *x = ent_graph_node(a, i), *y = ent_graph_node(b, i);
		ck_assert_str_eq(x->name, y->name);
		ck_assert_str_eq(x->key, y->key);
		ck_assert_int_eq(x->type, y->type);
		ck_assert_str_eq(x->aliases, y->aliases);
		ck_assert_int_eq(x->mentions, y->mentions);
	}
	for (size_t i = 0; i < ent_graph_edge_count(a); i++) {
		const ent_edge *x = ent_graph_edge(a, i), *y = ent_graph_edge(b, i);
		ck_assert_uint_eq(x->from, y->from);
		ck_assert_uint_eq(x->to, y->to);
		ck_assert_int_eq(x->rel, y->rel);
		ck_assert_int_eq(x->weight, y->weight);
		ck_assert_str_eq(x->years, y->years);
		ck_assert_str_eq(x->doc, y->doc);
		ck_assert_int_eq(x->line, y->line);
		ck_assert_str_eq(x->evidence, y->evidence);
		ck_assert_str_eq(x->rule, y->rule);
	}
}

/* A graph whose strings need escaping, sanitising, or neither. */
static ent_graph *tricky_graph(fixture *f)
{
	static const char *const aliases[] = { "S&P", "<b>" };

	fx_init(f);
	size_t a = fx_ent(f, ENT_TYPE_ORGANIZATION, "Say \"hi\" <script>&'x' ]]> \\");
	size_t b = fx_ent(f, ENT_TYPE_COUNTRY, "Côte d’Ivoire");
	size_t c = fx_ent(f, ENT_TYPE_AGREEMENT, "  Paris Agreement ");
	f->ents[a].aliases = aliases;
	f->ents[a].n_aliases = 2;
	f->ents[a].mentions = 123456789;
	fx_rel_ev(f, a, ENT_REL_SIGNED, c, 2016, "dir/a&b.html", 42,
		  "They signed <it> & \"more\".", "signed-obj");
	fx_rel_ev(f, b, ENT_REL_SIGNED, c, 2015, "x.txt", 3, "Bell\x07 and tab\t.",
		  "r");
	fx_rel_ev(f, b, ENT_REL_SIGNED, c, 2016, "x.txt", 4, "Bad \xC0\x80 utf8.", "r");
	fx_rel(f, b, ENT_REL_COOPERATES_WITH, a);
	return fx_graph(f);
}

START_TEST(test_graphml_round_trip)
{
	fixture f;
	tmpdir t;
	ent_graph *g = tricky_graph(&f), *back, *again;
	const char *p1, *p2;
	char cmd[256], *d1, *d2;
	size_t l1, l2;
	ent_error err;

	tmp_init(&t);
	p1 = tmp_file(&t, "kg.graphml");
	p2 = tmp_file(&t, "kg2.graphml");
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, p1, &err), ENT_OK);
	snprintf(cmd, sizeof(cmd), "xmllint --noout '%s' 2>/dev/null", p1);
	ck_assert_int_eq(system(cmd), 0);

	back = ent_graph_read_graphml(p1, &err);
	ck_assert_msg(back != NULL, "read: %s", err.msg);
	/* the troublesome characters survive; control chars became spaces */
	ck_assert_str_eq(ent_graph_node(back, 0)->name,
			 "Say \"hi\" <script>&'x' ]]> \\");
	ck_assert_str_eq(ent_graph_node(back, 0)->aliases, "S&P|<b>");
	ck_assert_str_eq(ent_graph_node(back, 1)->name, "Côte d’Ivoire");
	ck_assert_str_eq(ent_graph_node(back, 2)->name, "  Paris Agreement ");
	ck_assert_int_eq(ent_graph_node(back, 0)->mentions, 123456789);
	/* edges: (0,1) cooperates_with, (0,2) signed, (1,2) signed */
	ck_assert_int_eq(ent_graph_edge(back, 0)->rel, ENT_REL_COOPERATES_WITH);
	ck_assert_uint_eq(ent_graph_edge(back, 0)->to, 1);
	ck_assert_str_eq(ent_graph_edge(back, 1)->evidence,
			 "They signed <it> & \"more\".");
	ck_assert_str_eq(ent_graph_edge(back, 1)->doc, "dir/a&b.html");
	ck_assert_int_eq(ent_graph_edge(back, 1)->line, 42);
	ck_assert_str_eq(ent_graph_edge(back, 1)->years, "2016");
	ck_assert_str_eq(ent_graph_edge(back, 2)->evidence, "Bell  and tab .");
	ck_assert_str_eq(ent_graph_edge(back, 2)->years, "2015;2016");
	ck_assert_int_eq(ent_graph_edge(back, 2)->weight, 2);
	ck_assert_int_eq(ent_graph_edge(back, 2)->line, 3);

	/* reading then writing is lossless, to the byte */
	ck_assert_int_eq(ent_graph_write_graphml(back, p2, &err), ENT_OK);
	again = ent_graph_read_graphml(p2, &err);
	ck_assert_ptr_nonnull(again);
	assert_same_graph(back, again);
	d1 = slurp(p1, &l1);
	d2 = slurp(p2, &l2);
	ck_assert_uint_eq(l1, l2);
	ck_assert_int_eq(memcmp(d1, d2, l1), 0);
	ck_assert_ptr_nonnull(strstr(d1, "entente_version"));
	free(d1);
	free(d2);
	ck_assert_int_eq(ent_graph_find(back, "S&P"), 0);
	ent_graph_free(again);
	ent_graph_free(back);
	ent_graph_free(g);
	tmp_done(&t);
}
END_TEST

START_TEST(test_graphml_empty_graph)
{
	fixture f;
	tmpdir t;
	ent_graph *g, *back;
	const char *p;
	ent_error err;

	fx_init(&f);
	g = fx_graph(&f);
	tmp_init(&t);
	p = tmp_file(&t, "empty.graphml");
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, p, &err), ENT_OK);
	back = ent_graph_read_graphml(p, &err);
	ck_assert_msg(back != NULL, "read: %s", err.msg);
	ck_assert_uint_eq(ent_graph_node_count(back), 0);
	ent_graph_free(back);
	ent_graph_free(g);

	/* nodes but no edges */
	fx_ent(&f, ENT_TYPE_EVENT, "COP21");
	g = fx_graph(&f);
	ck_assert_int_eq(ent_graph_write_graphml(g, p, &err), ENT_OK);
	back = ent_graph_read_graphml(p, &err);
	ck_assert_msg(back != NULL, "read: %s", err.msg);
	assert_same_graph(g, back);
	ent_graph_free(back);
	ent_graph_free(g);
	tmp_done(&t);
}
END_TEST

/* Read `path` and expect ENT_ERR_INPUT with `needle` in the message. */
static void expect_reject(const char *path, const char *needle)
{
	ent_error err;

	ent_error_clear(&err);
	ck_assert_ptr_null(ent_graph_read_graphml(path, &err));
	ck_assert_int_eq(err.code, ENT_ERR_INPUT);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "'%s' lacks '%s'", err.msg,
		      needle);
	ck_assert_str_eq(err.file, path);
}

static void expect_limit(const char *path, const char *needle)
{
	ent_error err;

	ent_error_clear(&err);
	ck_assert_ptr_null(ent_graph_read_graphml(path, &err));
	ck_assert_int_eq(err.code, ENT_ERR_LIMIT);
	ck_assert_msg(strstr(err.msg, needle) != NULL, "'%s' lacks '%s'", err.msg, needle);
}

#define GRAPHML_HEAD                                                   \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                 \
	"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

START_TEST(test_graphml_malformed)
{
	fixture f;
	tmpdir t;
	ent_graph *g = tricky_graph(&f);
	const char *good, *bad;
	char *data, garbage[512];
	size_t len;
	ent_error err;
	int fd;

	tmp_init(&t);
	good = tmp_file(&t, "good.graphml");
	bad = tmp_file(&t, "bad.graphml");
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, good, &err), ENT_OK);
	data = slurp(good, &len);
	write_text(bad, data, len / 2); /* truncated */
	free(data);
	expect_reject(bad, "malformed GraphML");
	ent_error_clear(&err);
	ck_assert_ptr_null(ent_graph_read_graphml(bad, &err));
	ck_assert_int_gt(err.line, 1);

	for (size_t i = 0; i < sizeof(garbage); i++)
		garbage[i] = (char)((i * 7919u + 13u) % 251u);
	write_text(bad, garbage, sizeof(garbage));
	expect_reject(bad, "malformed GraphML");

	write_text(bad, "", 0);
	expect_reject(bad, "empty");

	write_text(bad, GRAPHML_HEAD "</graphml>\n", strlen(GRAPHML_HEAD) + 11);
	expect_reject(bad, "no <graph>");

	/* over the size cap: checked before anything is read */
	fd = open(bad, O_WRONLY | O_TRUNC);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, ENT_GRAPHML_MAX_BYTES + 1), 0);
	close(fd);
	expect_limit(bad, "limit");

	/* one text over the text cap (igraph would take quadratic time) */
	{
		size_t n = (size_t)ENT_GRAPHML_MAX_TEXT + 4096;
		char *big = malloc(n);
		ck_assert_ptr_nonnull(big);
		memset(big, 'x', n);
		memcpy(big, GRAPHML_HEAD "<graph><data>", strlen(GRAPHML_HEAD "<graph><data>"));
		write_text(bad, big, n);
		free(big);
		expect_limit(bad, "text longer");
	}

	unlink(bad);
	expect_reject(bad, "cannot open");
	ent_graph_free(g);
	tmp_done(&t);
}
END_TEST

START_TEST(test_graphml_not_entente)
{
	static const char foreign[] = GRAPHML_HEAD
		"<graph id=\"G\" edgedefault=\"directed\">\n"
		"<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>\n"
		"</graph></graphml>\n";
	static const char key[] = "attr.name=\"mentions\" attr.type=\"";
	fixture f;
	tmpdir t;
	ent_graph *g = tricky_graph(&f);
	const char *good, *bad;
	char *data, *p;
	size_t len;
	ent_error err;

	tmp_init(&t);
	good = tmp_file(&t, "good.graphml");
	bad = tmp_file(&t, "bad.graphml");
	write_text(bad, foreign, strlen(foreign));
	expect_reject(bad, "not an entente graph: missing node attribute 'name'");

	/* an entente file with a wrong value or type */
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, good, &err), ENT_OK);
	data = slurp(good, &len);
	p = strstr(data, ">signed<");
	ck_assert_ptr_nonnull(p);
	memcpy(p, ">SIGNEZ<", 8);
	write_text(bad, data, len);
	expect_reject(bad, "unknown relation 'SIGNEZ'");
	memcpy(p, ">signed<", 8);

	p = strstr(data, "target=\"n2\"");
	ck_assert_ptr_nonnull(p);
	p[8] = 'x'; /* an edge to an undeclared node */
	write_text(bad, data, len);
	expect_reject(bad, "node 'x2' has no type");
	p[8] = 'n';

	p = strstr(data, key);
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(strncmp(p + strlen(key), "double", 6), 0);
	memcpy(p + strlen(key), "string", 6);
	write_text(bad, data, len);
	expect_reject(bad, "node attribute 'mentions' is not numeric");
	free(data);
	ent_graph_free(g);
	tmp_done(&t);
}
END_TEST

START_TEST(test_graphml_write_errors)
{
	fixture f;
	ent_graph *g = star(&f, 2);
	ent_error err;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, "/nonexistent/dir/kg.graphml",
						 &err), ENT_ERR_OUTPUT);
	ck_assert_str_eq(err.file, "/nonexistent/dir/kg.graphml");
	ent_graph_free(g);
}
END_TEST

/* ---- lookup and partners ---------------------------------------------- */

START_TEST(test_find_and_suggest)
{
	static const char *const us_aliases[] = { "U.S.", "USA", "America" };
	fixture f;
	ent_graph *g;
	size_t out[8], n;

	fx_init(&f);
	size_t fr = fx_ent(&f, ENT_TYPE_COUNTRY, "France");
	size_t us = fx_ent(&f, ENT_TYPE_COUNTRY, "United States");
	size_t nl = fx_ent(&f, ENT_TYPE_COUNTRY, "Netherlands");
	size_t fi = fx_ent(&f, ENT_TYPE_COUNTRY, "Finland");
	f.ents[us].aliases = us_aliases;
	f.ents[us].n_aliases = 3;
	f.ents[nl].key = "NLD";
	g = fx_graph(&f);

	ck_assert_int_eq(ent_graph_find(g, "France"), (long)fr);
	ck_assert_int_eq(ent_graph_find(g, "FRANCE"), (long)fr);
	ck_assert_int_eq(ent_graph_find(g, "the  united-states"), (long)us);
	ck_assert_int_eq(ent_graph_find(g, "u.s."), (long)us);
	ck_assert_int_eq(ent_graph_find(g, "america"), (long)us);
	ck_assert_int_eq(ent_graph_find(g, "The Netherlands"), (long)nl);
	ck_assert_int_eq(ent_graph_find(g, "nld"), (long)nl);
	ck_assert_int_eq(ent_graph_find(g, "Germany"), -1);
	ck_assert_int_eq(ent_graph_find(g, ""), -1);

	n = ent_graph_suggest(g, "Frnace", out, 3);
	ck_assert_uint_eq(n, 3);
	ck_assert_uint_eq(out[0], fr);
	n = ent_graph_suggest(g, "Americas", out, 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(out[0], us);
	n = ent_graph_suggest(g, "Finlandia", out, 8);
	ck_assert_uint_eq(n, 4);
	ck_assert_uint_eq(out[0], fi);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_partners)
{
	fixture f;
	ent_graph *g;
	ent_partner *p;
	ent_error err;
	size_t n;

	fx_init(&f);
	size_t a = fx_ent(&f, ENT_TYPE_COUNTRY, "Alpha");
	size_t d = fx_ent(&f, ENT_TYPE_COUNTRY, "Delta");
	size_t c = fx_ent(&f, ENT_TYPE_COUNTRY, "Charlie");
	size_t b = fx_ent(&f, ENT_TYPE_COUNTRY, "Bravo");
	size_t e = fx_ent(&f, ENT_TYPE_AGREEMENT, "Echo Accord");
	for (int i = 0; i < 3; i++) {
		fx_rel(&f, d, ENT_REL_COOPERATES_WITH, a);
		fx_rel(&f, a, ENT_REL_COOPERATES_WITH, b);
	}
	fx_rel(&f, c, ENT_REL_COOPERATES_WITH, a);
	fx_rel(&f, b, ENT_REL_HOSTED, a);
	fx_rel(&f, a, ENT_REL_SIGNED, e); /* not a partner */
	g = fx_graph(&f);

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_partners(g, a, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 3);
	/* 3, 3, 1 evidence; the tie goes by name */
	ck_assert_uint_eq(p[0].node, b);
	ck_assert_int_eq(p[0].evidence, 3);
	ck_assert_uint_eq(p[0].rels, (1u << ENT_REL_COOPERATES_WITH) |
				     (1u << ENT_REL_HOSTED));
	ck_assert_int_eq(ent_graph_edge(g, p[0].first_edge)->rel,
			 ENT_REL_COOPERATES_WITH);
	ck_assert_uint_eq(p[1].node, d);
	ck_assert_int_eq(p[1].evidence, 3);
	ck_assert_uint_eq(p[1].rels, 1u << ENT_REL_COOPERATES_WITH);
	ck_assert_uint_eq(p[2].node, c);
	ck_assert_int_eq(p[2].evidence, 1);
	{
		const ent_edge *fe = ent_graph_edge(g, p[2].first_edge);
		ck_assert_uint_eq(fe->from, a);
		ck_assert_uint_eq(fe->to, c);
	}
	free(p);

	ck_assert_int_eq(ent_graph_partners(g, e, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 0);
	free(p);
	ent_graph_free(g);
}
END_TEST

/* ---- cross-check against python3-igraph --------------------------------- */

/* A fixed pseudo-random multigraph: enough structure that betweenness and
 * PageRank are not trivially symmetric. */
static ent_graph *random_graph(fixture *f)
{
	static const char *const names[] = {
		"N00", "N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08",
		"N09", "N10", "N11", "N12", "N13", "N14", "N15", "N16", "N17" };
	unsigned x = 12345;

	fx_init(f);
	for (size_t i = 0; i < 18; i++)
		fx_ent(f, ENT_TYPE_COUNTRY, names[i]);
	for (size_t i = 0; i < 40; i++) {
		size_t s, o;
		x = x * 1103515245u + 12345u;
		s = (x >> 8) % 16; /* nodes 16 and 17 stay isolated */
		x = x * 1103515245u + 12345u;
		o = (x >> 8) % 16;
		fx_rel(f, s, (ent_rel)((x >> 20) % 3), o);
	}
	return fx_graph(f);
}

START_TEST(test_python_igraph_cross_check)
{
	static const char script[] =
		"import sys, igraph\n"
		"g = igraph.Graph.Read_GraphML(sys.argv[1])\n"
		"g.to_undirected(mode='collapse', combine_edges={'weight': 'sum'})\n"
		"g.simplify(multiple=True, loops=True, combine_edges={'weight': 'sum'})\n"
		"pr = g.pagerank(weights='weight', directed=False, damping=0.85)\n"
		"bt = g.betweenness(directed=False)\n"
		"for p, b in zip(pr, bt): print('%.12f %.12f' % (p, b))\n";
	fixture f;
	tmpdir t;
	ent_graph *g = random_graph(&f);
	ent_centrality c;
	ent_error err;
	char cmd[512];
	FILE *pipe;
	const char *gm, *py;

	if (system("/usr/bin/python3 -c 'import igraph' >/dev/null 2>&1") != 0) {
		fprintf(stderr, "test_graph: python3-igraph missing, cross-check skipped\n");
		ent_graph_free(g);
		return;
	}
	tmp_init(&t);
	gm = tmp_file(&t, "r.graphml");
	py = tmp_file(&t, "check.py");
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, gm, &err), ENT_OK);
	write_text(py, script, strlen(script));
	ck_assert_int_eq(ent_graph_centrality(g, &c, &err), ENT_OK);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 '%s' '%s'", py, gm);
	pipe = popen(cmd, "r");
	ck_assert_ptr_nonnull(pipe);
	for (size_t i = 0; i < c.n; i++) {
		double pr, bt;
		ck_assert_int_eq(fscanf(pipe, "%lf %lf", &pr, &bt), 2);
		ck_assert_double_eq_tol(c.pagerank[i], pr, 1e-9);
		ck_assert_double_eq_tol(c.betweenness[i], bt, 1e-9);
	}
	ck_assert_int_eq(pclose(pipe), 0);
	ck_assert_double_gt(c.betweenness[0] + c.betweenness[1] + c.betweenness[2], 0);
	ent_centrality_release(&c);
	ent_graph_free(g);
	tmp_done(&t);
}
END_TEST

Suite *suite_graph(void)
{
	Suite *s = suite_create("graph");
	TCase *build = tcase_create("build");
	TCase *analysis = tcase_create("analysis");
	TCase *io = tcase_create("graphml");
	TCase *errors = tcase_create("errors");
	TCase *query = tcase_create("query");

	tcase_add_test(build, test_merge_relations);
	tcase_add_test(build, test_aliases_and_bad_corpus);
	tcase_add_test(analysis, test_star_centrality);
	tcase_add_test(analysis, test_path_betweenness);
	tcase_add_test(analysis, test_report);
	tcase_add_test(analysis, test_empty_and_single);
	tcase_add_test(analysis, test_python_igraph_cross_check);
	tcase_add_test(io, test_graphml_round_trip);
	tcase_add_test(io, test_graphml_empty_graph);
	tcase_add_test(errors, test_graphml_malformed);
	tcase_add_test(errors, test_graphml_not_entente);
	tcase_add_test(errors, test_graphml_write_errors);
	tcase_add_test(query, test_find_and_suggest);
	tcase_add_test(query, test_partners);
	suite_add_tcase(s, build);
	suite_add_tcase(s, analysis);
	suite_add_tcase(s, io);
	suite_add_tcase(s, errors);
	suite_add_tcase(s, query);
	return s;
}
