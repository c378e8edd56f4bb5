/*
 * Tests of views, queries and diff: every view filter, the country
 * projection, focus and top N on small hand-made corpora whose answers
 * can be worked out by hand; hedged counts from corpus to GraphML and
 * back; the query functions of the library; and the command line
 * (`entente query`, `entente diff`, the view options) run as a process,
 * on a hand-made graph and on the white paper.
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

#include "entente/entente.h"
#include "tests.h"
#include "helpers.h"

#define WHITEPAPER ENT_SHARED_DIR "/corpus/whitepaper.txt"

/* ---- hand-made corpora ------------------------------------------------ */

#define MAX_ENTS 32
#define MAX_RELS 64

typedef struct corpus_fx {
	ent_entity ents[MAX_ENTS];
	ent_relation rels[MAX_RELS];
	const char *alias[MAX_ENTS][1];
	ent_corpus c;
} corpus_fx;

static void cx_init(corpus_fx *f)
{
	memset(f, 0, sizeof(*f));
	f->c.entities = f->ents;
	f->c.relations = f->rels;
	f->c.n_documents = 1;
}

static size_t cx_ent(corpus_fx *f, ent_type type, const char *name,
		     const char *key)
{
	size_t i = f->c.n_entities++;

	ck_assert_uint_lt(i, MAX_ENTS);
	f->ents[i].type = type;
	f->ents[i].name = name;
	f->ents[i].key = key ? key : name;
	f->ents[i].mentions = 1;
	return i;
}

static void cx_alias(corpus_fx *f, size_t i, const char *alias)
{
	f->alias[i][0] = alias;
	f->ents[i].aliases = f->alias[i];
	f->ents[i].n_aliases = 1;
}

/* A relation with its year (0: none), hedged flag and sentence. */
static void cx_rel(corpus_fx *f, size_t s, ent_rel rel, size_t o, int year,
		   int hedged, const char *sentence)
{
	size_t i = f->c.n_relations++;

	ck_assert_uint_lt(i, MAX_RELS);
	f->rels[i].subject = s;
	f->rels[i].object = o;
	f->rels[i].rel = rel;
	f->rels[i].year = year;
	f->rels[i].flags = hedged ? ENT_RELF_HEDGED : 0;
	f->rels[i].ev.doc = "mini.txt";
	f->rels[i].ev.line = (long)i + 1;
	f->rels[i].ev.sentence = sentence ? sentence : "A sentence.";
	f->rels[i].ev.rule = "test";
}

static ent_graph *cx_graph(const corpus_fx *f)
{
	ent_error err;
	ent_graph *g;

	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f->c, &err);
	ck_assert_msg(g != NULL, "from_corpus: %s", err.msg);
	return g;
}

static ent_graph *view_of(const ent_graph *g, const ent_view *v)
{
	ent_error err;
	ent_graph *out;

	ent_error_clear(&err);
	out = ent_graph_view(g, v, &err);
	ck_assert_msg(out != NULL, "view: %s", err.msg);
	ck_assert_int_eq(err.code, ENT_OK);
	return out;
}

/* Index of the node named `name` in g, or -1. */
static long node_named(const ent_graph *g, const char *name)
{
	for (size_t i = 0; i < ent_graph_node_count(g); i++)
		if (!strcmp(ent_graph_node(g, i)->name, name))
			return (long)i;
	return -1;
}

/* The edge a -rel-> b (either way for symmetric relations), or NULL. */
static const ent_edge *edge_between(const ent_graph *g, const char *a,
				    ent_rel rel, const char *b)
{
	long x = node_named(g, a), y = node_named(g, b);

	for (size_t e = 0; x >= 0 && y >= 0 && e < ent_graph_edge_count(g); e++) {
		const ent_edge *ed = ent_graph_edge(g, e);
		if (ed->rel != rel)
			continue;
		if ((ed->from == (size_t)x && ed->to == (size_t)y) ||
		    (ent_rel_symmetric(rel) && ed->from == (size_t)y && ed->to == (size_t)x))
			return ed;
	}
	return NULL;
}

/* Node names of g joined by ",", in graph order, into buf. */
static const char *names_of(const ent_graph *g, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ent_graph_node_count(g); i++) {
		int n = snprintf(buf + len, size - len, "%s%s", i ? "," : "",
				 ent_graph_node(g, i)->name);
		ck_assert(n >= 0 && (size_t)n < size - len);
		len += (size_t)n;
	}
	return buf;
}

/*
 * The "mini" corpus, used by the library and the command-line tests:
 *
 *   France -cooperates_with- Germany  2019, twice (one hedged)
 *   France, Germany -signed-> Treaty of Aachen  2019
 *   France, Germany -member_of-> NATO  (no year)
 *   France -hosted-> Paris Summit  2021;  Kenya -participated_in-> it  2021
 *   Kenya -cooperates_with- Lisbon (a place)  2018, hedged
 *   Iceland: no relation
 */
enum { M_FRANCE, M_GERMANY, M_KENYA, M_ICELAND, M_NATO, M_TREATY, M_SUMMIT,
       M_LISBON };

static void mini_corpus(corpus_fx *f)
{
	cx_init(f);
	cx_ent(f, ENT_TYPE_COUNTRY, "France", "FRA");
	cx_alias(f, M_FRANCE, "French Republic");
	cx_ent(f, ENT_TYPE_COUNTRY, "Germany", "DEU");
	cx_ent(f, ENT_TYPE_COUNTRY, "Kenya", "KEN");
	cx_ent(f, ENT_TYPE_COUNTRY, "Iceland", "ISL");
	cx_ent(f, ENT_TYPE_ORGANIZATION, "North Atlantic Treaty Organization",
	       "organization:nato");
	cx_alias(f, M_NATO, "NATO");
	cx_ent(f, ENT_TYPE_AGREEMENT, "Treaty of Aachen", "agreement:aachen");
	cx_ent(f, ENT_TYPE_EVENT, "Paris Summit", "event:paris summit");
	cx_ent(f, ENT_TYPE_PLACE, "Lisbon", "place:lisbon");
	cx_rel(f, M_FRANCE, ENT_REL_COOPERATES_WITH, M_GERMANY, 2019, 0,
	       "France and Germany deepened their cooperation.");
	cx_rel(f, M_GERMANY, ENT_REL_COOPERATES_WITH, M_FRANCE, 2019, 1,
	       "Germany intends to work with France.");
	cx_rel(f, M_FRANCE, ENT_REL_SIGNED, M_TREATY, 2019, 0,
	       "France and Germany signed the Treaty of Aachen in 2019.");
	cx_rel(f, M_GERMANY, ENT_REL_SIGNED, M_TREATY, 2019, 0,
	       "France and Germany signed the Treaty of Aachen in 2019.");
	cx_rel(f, M_FRANCE, ENT_REL_MEMBER_OF, M_NATO, 0, 0, "France is in NATO.");
	cx_rel(f, M_GERMANY, ENT_REL_MEMBER_OF, M_NATO, 0, 0, "Germany is in NATO.");
	cx_rel(f, M_FRANCE, ENT_REL_HOSTED, M_SUMMIT, 2021, 0,
	       "France hosted the Paris Summit in 2021.");
	cx_rel(f, M_KENYA, ENT_REL_PARTICIPATED_IN, M_SUMMIT, 2021, 0,
	       "Kenya took part in the Paris Summit.");
	cx_rel(f, M_KENYA, ENT_REL_COOPERATES_WITH, M_LISBON, 2018, 1,
	       "Kenya may cooperate with Lisbon.");
}

/* ---- ent_view basics -------------------------------------------------- */

START_TEST(test_identity)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char a[512], b[512];

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	ck_assert(ent_view_is_identity(&view));
	view.depth = 3; /* means nothing without a focus */
	ck_assert(ent_view_is_identity(&view));
	v = view_of(g, &view);
	ck_assert_uint_eq(ent_graph_node_count(v), ent_graph_node_count(g));
	ck_assert_uint_eq(ent_graph_edge_count(v), ent_graph_edge_count(g));
	ck_assert_str_eq(names_of(v, a, sizeof(a)), names_of(g, b, sizeof(b)));
	ent_graph_free(v);

	view.top = 1;
	ck_assert(!ent_view_is_identity(&view));
	ent_view_init(&view);
	view.asserted_only = 1;
	ck_assert(!ent_view_is_identity(&view));
	ent_graph_free(g);
}
END_TEST

START_TEST(test_filter_types)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.types = 1u << ENT_TYPE_COUNTRY | 1u << ENT_TYPE_AGREEMENT;
	v = view_of(g, &view);
	/* a node filter only: Iceland, without relations, stays */
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)),
			 "France,Germany,Kenya,Iceland,Treaty of Aachen");
	/* France-Germany cooperation, two signatures */
	ck_assert_uint_eq(ent_graph_edge_count(v), 3);
	ck_assert_ptr_nonnull(edge_between(v, "France", ENT_REL_SIGNED, "Treaty of Aachen"));
	ck_assert_ptr_null(edge_between(v, "France", ENT_REL_MEMBER_OF,
					"North Atlantic Treaty Organization"));
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_filter_relations)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.rels = 1u << ENT_REL_MEMBER_OF;
	v = view_of(g, &view);
	/* an edge filter: nodes left without an edge go */
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)),
			 "France,Germany,North Atlantic Treaty Organization");
	ck_assert_uint_eq(ent_graph_edge_count(v), 2);
	for (size_t e = 0; e < ent_graph_edge_count(v); e++)
		ck_assert_int_eq(ent_graph_edge(v, e)->rel, ENT_REL_MEMBER_OF);
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_filter_years)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.since = 2020;
	v = view_of(g, &view);
	/* only the 2021 summit; NATO memberships have no year */
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "France,Kenya,Paris Summit");
	ck_assert_uint_eq(ent_graph_edge_count(v), 2);
	ent_graph_free(v);

	view.since = 0;
	view.until = 2018;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Kenya,Lisbon");
	ent_graph_free(v);

	view.since = 2019;
	view.until = 2019;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "France,Germany,Treaty of Aachen");
	ck_assert_uint_eq(ent_graph_edge_count(v), 3);
	ent_graph_free(v);

	/* a range with no year in it keeps nothing */
	view.since = 1990;
	view.until = 1999;
	v = view_of(g, &view);
	ck_assert_uint_eq(ent_graph_node_count(v), 0);
	ck_assert_uint_eq(ent_graph_edge_count(v), 0);
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_filter_min_weight)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.min_weight = 2;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "France,Germany");
	ck_assert_uint_eq(ent_graph_edge_count(v), 1);
	ck_assert_int_eq(ent_graph_edge(v, 0)->weight, 2);
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_hedged_counts)
{
	corpus_fx f;
	ent_graph *g;
	const ent_edge *e;

	mini_corpus(&f);
	g = cx_graph(&f);
	e = edge_between(g, "France", ENT_REL_COOPERATES_WITH, "Germany");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->weight, 2);
	ck_assert_int_eq(e->hedged, 1);
	e = edge_between(g, "Kenya", ENT_REL_COOPERATES_WITH, "Lisbon");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->weight, 1);
	ck_assert_int_eq(e->hedged, 1);
	e = edge_between(g, "France", ENT_REL_SIGNED, "Treaty of Aachen");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->hedged, 0);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_asserted_only)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];
	const ent_edge *e;

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.asserted_only = 1;
	v = view_of(g, &view);
	/* Kenya-Lisbon was only ever hedged: gone, and Lisbon with it;
	 * France-Germany has one asserted sentence: kept, counts intact */
	ck_assert_int_lt(node_named(v, "Lisbon"), 0);
	ck_assert_ptr_null(edge_between(v, "Kenya", ENT_REL_COOPERATES_WITH, "Lisbon"));
	e = edge_between(v, "France", ENT_REL_COOPERATES_WITH, "Germany");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->weight, 2);
	ck_assert_int_eq(e->hedged, 1);
	ck_assert_uint_eq(ent_graph_edge_count(v), ent_graph_edge_count(g) - 1);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)),
			 "France,Germany,Kenya,North Atlantic Treaty Organization,"
			 "Treaty of Aachen,Paris Summit");
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

/* ---- projection ------------------------------------------------------- */

/*
 * Countries A, B, C. NATO-like O: all three members; agreement G signed
 * by A and B; event E (2020) attended by A and C; place P and person X
 * linked to A and C (neither counts); A and B cooperate directly twice.
 * Expected: A-B 2 shared + 2 direct = 4; A-C 2 (O, E); B-C 1 (O).
 */
START_TEST(test_project_countries)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	const ent_edge *ab, *ac, *bc;
	char buf[512];

	cx_init(&f);
	size_t a = cx_ent(&f, ENT_TYPE_COUNTRY, "Aland", "AAA");
	size_t b = cx_ent(&f, ENT_TYPE_COUNTRY, "Bland", "BBB");
	size_t c = cx_ent(&f, ENT_TYPE_COUNTRY, "Cland", "CCC");
	size_t o = cx_ent(&f, ENT_TYPE_ORGANIZATION, "Org", NULL);
	size_t gg = cx_ent(&f, ENT_TYPE_AGREEMENT, "Accord", NULL);
	size_t e = cx_ent(&f, ENT_TYPE_EVENT, "Expo", NULL);
	size_t p = cx_ent(&f, ENT_TYPE_PLACE, "Port", NULL);
	size_t x = cx_ent(&f, ENT_TYPE_PERSON, "Xavier", NULL);
	cx_rel(&f, a, ENT_REL_MEMBER_OF, o, 0, 0, NULL);
	cx_rel(&f, b, ENT_REL_MEMBER_OF, o, 0, 0, NULL);
	cx_rel(&f, c, ENT_REL_MEMBER_OF, o, 0, 0, NULL);
	cx_rel(&f, a, ENT_REL_SIGNED, gg, 0, 0, "Aland signed the Accord.");
	cx_rel(&f, b, ENT_REL_SIGNED, gg, 0, 0, NULL);
	cx_rel(&f, a, ENT_REL_PARTICIPATED_IN, e, 2020, 0, NULL);
	cx_rel(&f, c, ENT_REL_PARTICIPATED_IN, e, 2020, 0, NULL);
	cx_rel(&f, a, ENT_REL_HOSTED, p, 0, 0, NULL);
	cx_rel(&f, c, ENT_REL_HOSTED, p, 0, 0, NULL);
	cx_rel(&f, a, ENT_REL_COOPERATES_WITH, x, 0, 0, NULL);
	cx_rel(&f, c, ENT_REL_COOPERATES_WITH, x, 0, 0, NULL);
	cx_rel(&f, a, ENT_REL_COOPERATES_WITH, b, 2015, 0, "Aland works with Bland.");
	cx_rel(&f, b, ENT_REL_COOPERATES_WITH, a, 0, 1, NULL);
	g = cx_graph(&f);

	ent_view_init(&view);
	view.project_countries = 1;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Aland,Bland,Cland");
	ck_assert_uint_eq(ent_graph_edge_count(v), 3);
	ab = edge_between(v, "Aland", ENT_REL_COOPERATES_WITH, "Bland");
	ac = edge_between(v, "Aland", ENT_REL_COOPERATES_WITH, "Cland");
	bc = edge_between(v, "Bland", ENT_REL_COOPERATES_WITH, "Cland");
	ck_assert(ab && ac && bc);
	ck_assert_int_eq(ab->weight, 4);
	ck_assert_int_eq(ab->hedged, 1); /* from the direct evidence */
	ck_assert_str_eq(ab->evidence, "shared: Org, Accord");
	ck_assert_str_eq(ab->years, "2015");
	ck_assert_int_eq(ac->weight, 2);
	ck_assert_str_eq(ac->evidence, "shared: Org, Expo");
	ck_assert_str_eq(ac->years, "2020");
	ck_assert_str_eq(ac->doc, "mini.txt");
	ck_assert_int_eq(ac->line, 1); /* Aland's link to Org, the first shared */
	ck_assert_int_eq(bc->weight, 1);
	ck_assert_str_eq(bc->evidence, "shared: Org");
	ck_assert_str_eq(bc->years, "");
	ent_graph_free(v);

	/* filters first: without organizations O is not shared any more */
	view.types = 1u << ENT_TYPE_COUNTRY | 1u << ENT_TYPE_AGREEMENT |
		     1u << ENT_TYPE_EVENT;
	v = view_of(g, &view);
	ab = edge_between(v, "Aland", ENT_REL_COOPERATES_WITH, "Bland");
	ck_assert_ptr_nonnull(ab);
	ck_assert_int_eq(ab->weight, 3);
	ck_assert_ptr_null(edge_between(v, "Bland", ENT_REL_COOPERATES_WITH, "Cland"));
	ck_assert_uint_eq(ent_graph_node_count(v), 3); /* no edge filter: Cland stays */
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

/* More than five shared entities: five named, then "...". Direct
 * cooperation alone keeps its own evidence. */
START_TEST(test_project_evidence)
{
	static const char *const orgs[] = { "O1", "O2", "O3", "O4", "O5", "O6", "O7" };
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	const ent_edge *e;

	cx_init(&f);
	size_t a = cx_ent(&f, ENT_TYPE_COUNTRY, "Aland", "AAA");
	size_t b = cx_ent(&f, ENT_TYPE_COUNTRY, "Bland", "BBB");
	size_t c = cx_ent(&f, ENT_TYPE_COUNTRY, "Cland", "CCC");
	for (size_t i = 0; i < 7; i++) {
		size_t o = cx_ent(&f, ENT_TYPE_ORGANIZATION, orgs[i], NULL);
		cx_rel(&f, a, ENT_REL_MEMBER_OF, o, 0, 0, NULL);
		cx_rel(&f, b, ENT_REL_MEMBER_OF, o, 0, 0, NULL);
	}
	cx_rel(&f, b, ENT_REL_COOPERATES_WITH, c, 2001, 0, "Bland and Cland agree.");
	g = cx_graph(&f);
	ent_view_init(&view);
	view.project_countries = 1;
	v = view_of(g, &view);
	e = edge_between(v, "Aland", ENT_REL_COOPERATES_WITH, "Bland");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->weight, 7);
	ck_assert_str_eq(e->evidence, "shared: O1, O2, O3, O4, O5, ...");
	e = edge_between(v, "Bland", ENT_REL_COOPERATES_WITH, "Cland");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->weight, 1);
	ck_assert_str_eq(e->evidence, "Bland and Cland agree.");
	ck_assert_str_eq(e->years, "2001");
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

/* ---- focus and top ---------------------------------------------------- */

/* A chain Alpha - Beta - Gamma - Delta - Epsilon of cooperation. */
static ent_graph *chain(corpus_fx *f)
{
	static const char *const names[] = { "Alpha", "Beta", "Gamma", "Delta",
					     "Epsilon" };
	cx_init(f);
	for (size_t i = 0; i < 5; i++)
		cx_ent(f, ENT_TYPE_ORGANIZATION, names[i], NULL);
	for (size_t i = 0; i + 1 < 5; i++)
		cx_rel(f, i, ENT_REL_COOPERATES_WITH, i + 1, 0, 0, NULL);
	return cx_graph(f);
}

START_TEST(test_focus_depth)
{
	corpus_fx f;
	ent_graph *g = chain(&f), *v;
	ent_view view;
	char buf[512];

	ent_view_init(&view);
	view.focus = "gamma"; /* any case */
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Beta,Gamma,Delta");
	ck_assert_uint_eq(ent_graph_edge_count(v), 2);
	ent_graph_free(v);

	view.depth = 2;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Alpha,Beta,Gamma,Delta,Epsilon");
	ent_graph_free(v);

	view.focus = "Alpha";
	view.depth = 1;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Alpha,Beta");
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

/* Direction does not matter to the ego network: signed edges point away
 * from the countries, yet the treaty's ego holds both. */
START_TEST(test_focus_undirected)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.focus = "Treaty of Aachen";
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "France,Germany,Treaty of Aachen");
	/* edges among the alters stay: cooperation, two signatures */
	ck_assert_uint_eq(ent_graph_edge_count(v), 3);
	ent_graph_free(v);

	view.focus = "NATO"; /* an alias */
	view.rels = 1u << ENT_REL_MEMBER_OF;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)),
			 "France,Germany,North Atlantic Treaty Organization");
	ck_assert_uint_eq(ent_graph_edge_count(v), 2);
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_focus_errors)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	ent_error err;

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_view_init(&view);
	view.focus = "Germny";
	ent_error_clear(&err);
	v = ent_graph_view(g, &view, &err);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, ENT_ERR_FAIL);
	ck_assert_msg(!strncmp(err.msg, "no entity named 'Germny'; did you mean: Germany", 47),
		      "message: %s", err.msg);

	/* known to the graph, but filtered out */
	view.focus = "Iceland";
	view.rels = 1u << ENT_REL_SIGNED;
	ent_error_clear(&err);
	v = ent_graph_view(g, &view, &err);
	ck_assert_ptr_null(v);
	ck_assert_int_eq(err.code, ENT_ERR_FAIL);
	ck_assert_msg(strstr(err.msg, "'Iceland' is not in the view") != NULL,
		      "message: %s", err.msg);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_top)
{
	corpus_fx f;
	ent_graph *g, *v;
	ent_view view;
	char buf[512];

	/* a star: Hub cooperating with three leaves */
	cx_init(&f);
	size_t hub = cx_ent(&f, ENT_TYPE_ORGANIZATION, "Hub", NULL);
	cx_ent(&f, ENT_TYPE_COUNTRY, "Leaf C", NULL);
	cx_ent(&f, ENT_TYPE_COUNTRY, "Leaf A", NULL);
	cx_ent(&f, ENT_TYPE_COUNTRY, "Leaf B", NULL);
	for (size_t i = 1; i <= 3; i++)
		cx_rel(&f, hub, ENT_REL_COOPERATES_WITH, i, 0, 0, NULL);
	g = cx_graph(&f);

	ent_view_init(&view);
	view.top = 1;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Hub");
	ck_assert_uint_eq(ent_graph_edge_count(v), 0);
	ent_graph_free(v);

	/* the leaves tie: by name, and the graph keeps its node order */
	view.top = 3;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, buf, sizeof(buf)), "Hub,Leaf A,Leaf B");
	ck_assert_uint_eq(ent_graph_edge_count(v), 2);
	ent_graph_free(v);

	view.top = 10; /* more than there are */
	v = view_of(g, &view);
	ck_assert_uint_eq(ent_graph_node_count(v), 4);
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

/* Focus before top: the ego network of Gamma is Beta-Gamma-Delta, whose
 * most central node is Gamma (on the whole chain it would be Gamma too,
 * but top 2 there would add Beta or Delta by PageRank, here by name). */
START_TEST(test_order_focus_top)
{
	corpus_fx f;
	ent_graph *g = chain(&f), *v, *w;
	ent_view view;
	char a[256], b[256];

	ent_view_init(&view);
	view.focus = "Gamma";
	view.top = 1;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, a, sizeof(a)), "Gamma");
	ent_graph_free(v);

	view.top = 2;
	v = view_of(g, &view);
	ck_assert_str_eq(names_of(v, a, sizeof(a)), "Beta,Gamma");
	/* deterministic */
	w = view_of(g, &view);
	ck_assert_str_eq(names_of(w, b, sizeof(b)), a);
	ent_graph_free(w);
	ent_graph_free(v);
	ent_graph_free(g);
}
END_TEST

/* ---- GraphML ---------------------------------------------------------- */

typedef struct tmp_area {
	char dir[64];
} tmp_area;

static void area_init(tmp_area *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/ent_view_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(t->dir));
}

static char *area_path(const tmp_area *t, const char *name)
{
	char *p = malloc(strlen(t->dir) + strlen(name) + 2);

	ck_assert_ptr_nonnull(p);
	sprintf(p, "%s/%s", t->dir, name);
	return p;
}

/* Remove the directory and the files in it (tests make no subdirectories). */
static void area_done(tmp_area *t)
{
	DIR *d = opendir(t->dir);
	struct dirent *e;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		char *path;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		path = area_path(t, e->d_name);
		ck_assert_msg(unlink(path) == 0, "unlink %s: %s", path, strerror(errno));
		free(path);
	}
	closedir(d);
	ck_assert_int_eq(rmdir(t->dir), 0);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), fp), strlen(text));
	ck_assert_int_eq(fclose(fp), 0);
}

/* Remove every line containing `needle`. */
static void drop_lines(char *text, const char *needle)
{
	char *out = text;

	for (char *p = text; *p;) {
		char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
		char save = p[len];
		p[len] = '\0';
		if (!strstr(p, needle)) {
			memmove(out, p, len);
			out += len;
		}
		p[len] = save;
		p += len;
	}
	*out = '\0';
}

START_TEST(test_graphml_hedged)
{
	corpus_fx f;
	ent_graph *g, *r;
	ent_error err;
	tmp_area t;
	char *path, *old, *text;
	const ent_edge *e;

	mini_corpus(&f);
	g = cx_graph(&f);
	area_init(&t);
	path = area_path(&t, "kg.graphml");
	old = area_path(&t, "old.graphml");
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, path, &err), ENT_OK);
	text = slurp(path);
	ck_assert_ptr_nonnull(strstr(text, "attr.name=\"hedged\""));

	r = ent_graph_read_graphml(path, &err);
	ck_assert_msg(r != NULL, "read: %s", err.msg);
	ck_assert_uint_eq(ent_graph_edge_count(r), ent_graph_edge_count(g));
	for (size_t i = 0; i < ent_graph_edge_count(g); i++)
		ck_assert_int_eq(ent_graph_edge(r, i)->hedged, ent_graph_edge(g, i)->hedged);
	e = edge_between(r, "France", ENT_REL_COOPERATES_WITH, "Germany");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->hedged, 1);
	ent_graph_free(r);

	/* a file from before hedged counts: all asserted */
	drop_lines(text, "hedged");
	ck_assert_ptr_null(strstr(text, "hedged"));
	spit(old, text);
	r = ent_graph_read_graphml(old, &err);
	ck_assert_msg(r != NULL, "read old: %s", err.msg);
	for (size_t i = 0; i < ent_graph_edge_count(r); i++)
		ck_assert_int_eq(ent_graph_edge(r, i)->hedged, 0);
	ent_graph_free(r);

	free(text);
	free(old);
	free(path);
	area_done(&t);
	ent_graph_free(g);
}
END_TEST

/* More hedged sentences than sentences is a broken file. */
START_TEST(test_graphml_bad_hedged)
{
	corpus_fx f;
	ent_graph *g, *r;
	ent_error err;
	tmp_area t;
	char *path, *text, *p;

	cx_init(&f);
	cx_ent(&f, ENT_TYPE_COUNTRY, "France", "FRA");
	cx_ent(&f, ENT_TYPE_COUNTRY, "Germany", "DEU");
	cx_rel(&f, 0, ENT_REL_COOPERATES_WITH, 1, 0, 1, NULL);
	g = cx_graph(&f);
	area_init(&t);
	path = area_path(&t, "kg.graphml");
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, path, &err), ENT_OK);
	text = slurp(path);
	p = strstr(text, "key=\"e_hedged\">1<");
	ck_assert_msg(p != NULL, "no hedged value in:\n%s", text);
	p[strlen("key=\"e_hedged\">")] = '7';
	spit(path, text);
	r = ent_graph_read_graphml(path, &err);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(err.code, ENT_ERR_INPUT);
	ck_assert_msg(strstr(err.msg, "hedged") != NULL, "message: %s", err.msg);
	free(text);
	free(path);
	area_done(&t);
	ent_graph_free(g);
}
END_TEST

/* ---- library queries -------------------------------------------------- */

START_TEST(test_relations_query)
{
	corpus_fx f;
	ent_graph *g;
	ent_error err;
	size_t *edges, n;

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_error_clear(&err);
	/* who signed the treaty: in, signed */
	ck_assert_int_eq(ent_graph_relations(g, M_TREATY, 1u << ENT_REL_SIGNED,
					     ENT_DIR_IN, &edges, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(ent_graph_edge(g, edges[0])->from, M_FRANCE);
	ck_assert_uint_eq(ent_graph_edge(g, edges[1])->from, M_GERMANY);
	free(edges);
	/* nothing goes out of the treaty */
	ck_assert_int_eq(ent_graph_relations(g, M_TREATY, 0, ENT_DIR_OUT, &edges, &n,
					     &err), ENT_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(edges);
	/* France: cooperation (symmetric, both directions) and three out */
	ck_assert_int_eq(ent_graph_relations(g, M_FRANCE, 0, ENT_DIR_OUT, &edges, &n,
					     &err), ENT_OK);
	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(ent_graph_edge(g, edges[0])->rel, ENT_REL_COOPERATES_WITH);
	free(edges);
	ck_assert_int_eq(ent_graph_relations(g, M_FRANCE, 0, ENT_DIR_IN, &edges, &n,
					     &err), ENT_OK);
	ck_assert_uint_eq(n, 1);
	free(edges);
	ck_assert_int_eq(ent_graph_relations(g, 99, 0, ENT_DIR_IN, &edges, &n, &err),
			 ENT_ERR_FAIL);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_paths_query)
{
	corpus_fx f;
	ent_graph *g;
	ent_error err;
	ent_graph_path *p;
	size_t n;

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_error_clear(&err);
	/* NATO to the treaty: via France, then via Germany (by name) */
	ck_assert_int_eq(ent_graph_paths(g, M_NATO, M_TREATY, 3, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(p[0].len, 2);
	ck_assert_uint_eq(p[0].nodes[1], M_FRANCE);
	ck_assert_uint_eq(p[1].nodes[1], M_GERMANY);
	ck_assert_uint_eq(p[1].nodes[2], M_TREATY);
	ck_assert_int_eq(ent_graph_edge(g, p[0].edges[0])->rel, ENT_REL_MEMBER_OF);
	ck_assert_int_eq(ent_graph_edge(g, p[0].edges[1])->rel, ENT_REL_SIGNED);
	ent_graph_paths_release(p, n);

	/* max 1 */
	ck_assert_int_eq(ent_graph_paths(g, M_NATO, M_TREATY, 1, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(p[0].nodes[1], M_FRANCE);
	ent_graph_paths_release(p, n);

	/* Kenya to Germany: summit, France, Germany */
	ck_assert_int_eq(ent_graph_paths(g, M_KENYA, M_GERMANY, 3, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(p[0].len, 3);
	ck_assert_uint_eq(p[0].nodes[1], M_SUMMIT);
	ck_assert_uint_eq(p[0].nodes[2], M_FRANCE);
	ent_graph_paths_release(p, n);

	/* no path is no error */
	ck_assert_int_eq(ent_graph_paths(g, M_ICELAND, M_FRANCE, 3, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 0);
	ent_graph_paths_release(p, n);
	ck_assert_int_eq(ent_graph_paths(g, M_FRANCE, M_FRANCE, 3, &p, &n, &err), ENT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(p[0].len, 0);
	ent_graph_paths_release(p, n);
	ck_assert_int_eq(ent_graph_paths(g, 0, 99, 3, &p, &n, &err), ENT_ERR_FAIL);
	ent_graph_free(g);
}
END_TEST

START_TEST(test_common_query)
{
	corpus_fx f;
	ent_graph *g;
	ent_error err;
	size_t *nodes, n;

	mini_corpus(&f);
	g = cx_graph(&f);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_common(g, M_FRANCE, M_GERMANY, &nodes, &n, &err),
			 ENT_OK);
	/* by type: the organization before the agreement */
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(nodes[0], M_NATO);
	ck_assert_uint_eq(nodes[1], M_TREATY);
	free(nodes);
	ck_assert_int_eq(ent_graph_common(g, M_FRANCE, M_KENYA, &nodes, &n, &err),
			 ENT_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(nodes[0], M_SUMMIT);
	free(nodes);
	ck_assert_int_eq(ent_graph_common(g, M_FRANCE, M_ICELAND, &nodes, &n, &err),
			 ENT_OK);
	ck_assert_uint_eq(n, 0);
	ent_graph_free(g);
}
END_TEST

/* ---- diff ------------------------------------------------------------- */

/* The mini corpus changed: Germany left NATO, Kenya cooperates with
 * France, France and Germany cooperate a third time, Spain appears and
 * Iceland is gone. */
static void changed_corpus(corpus_fx *f)
{
	mini_corpus(f);
	/* Iceland becomes Spain: same slot, another key */
	f->ents[M_ICELAND].name = "Spain";
	f->ents[M_ICELAND].key = "ESP";
	for (size_t i = 0; i < f->c.n_relations; i++)
		if (f->rels[i].subject == M_GERMANY && f->rels[i].rel == ENT_REL_MEMBER_OF)
			f->rels[i].rel = ENT_REL_SIGNED, f->rels[i].object = M_TREATY;
	cx_rel(f, M_KENYA, ENT_REL_COOPERATES_WITH, M_FRANCE, 0, 0, NULL);
	cx_rel(f, M_FRANCE, ENT_REL_COOPERATES_WITH, M_GERMANY, 0, 0, NULL);
	f->ents[M_KENYA].mentions = 4;
}

START_TEST(test_diff)
{
	corpus_fx fa, fb;
	ent_graph *a, *b;
	ent_error err;
	ent_diff d;

	mini_corpus(&fa);
	changed_corpus(&fb);
	a = cx_graph(&fa);
	b = cx_graph(&fb);
	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_diff(a, b, &d, &err), ENT_OK);

	ck_assert_uint_eq(d.n_entities, 3);
	ck_assert_int_eq(d.entities[0].change, ENT_CHANGE_ADDED);
	ck_assert_str_eq(d.entities[0].name, "Spain");
	ck_assert_int_eq(d.entities[1].change, ENT_CHANGE_REMOVED);
	ck_assert_str_eq(d.entities[1].key, "ISL");
	ck_assert_int_eq(d.entities[2].change, ENT_CHANGE_WEIGHT);
	ck_assert_str_eq(d.entities[2].name, "Kenya");
	ck_assert_int_eq(d.entities[2].before, 1);
	ck_assert_int_eq(d.entities[2].after, 4);

	/* added Kenya-France (keys FRA < KEN: France first); removed Germany
	 * member_of NATO; changed Germany-France 2 -> 3, and Germany's
	 * signature now counted twice (1 -> 2) */
	ck_assert_uint_eq(d.n_relations, 4);
	ck_assert_int_eq(d.relations[0].change, ENT_CHANGE_ADDED);
	ck_assert_str_eq(d.relations[0].name, "France");
	ck_assert_int_eq(d.relations[0].rel, ENT_REL_COOPERATES_WITH);
	ck_assert_str_eq(d.relations[0].other_name, "Kenya");
	ck_assert_int_eq(d.relations[0].after, 1);
	ck_assert_int_eq(d.relations[1].change, ENT_CHANGE_REMOVED);
	ck_assert_str_eq(d.relations[1].name, "Germany");
	ck_assert_int_eq(d.relations[1].rel, ENT_REL_MEMBER_OF);
	ck_assert_int_eq(d.relations[1].before, 1);
	ck_assert_int_eq(d.relations[1].after, 0);
	ck_assert_int_eq(d.relations[2].change, ENT_CHANGE_WEIGHT);
	/* symmetric: in key order, DEU before FRA */
	ck_assert_str_eq(d.relations[2].name, "Germany");
	ck_assert_str_eq(d.relations[2].other_name, "France");
	ck_assert_int_eq(d.relations[2].before, 2);
	ck_assert_int_eq(d.relations[2].after, 3);
	ck_assert_int_eq(d.relations[3].change, ENT_CHANGE_WEIGHT);
	ck_assert_str_eq(d.relations[3].name, "Germany");
	ck_assert_int_eq(d.relations[3].rel, ENT_REL_SIGNED);
	ck_assert_int_eq(d.relations[3].after, 2);
	ent_diff_release(&d);

	/* a graph against itself */
	ck_assert_int_eq(ent_graph_diff(a, a, &d, &err), ENT_OK);
	ck_assert_uint_eq(d.n_entities, 0);
	ck_assert_uint_eq(d.n_relations, 0);
	ent_diff_release(&d);
	ent_diff_release(NULL);
	ent_graph_free(a);
	ent_graph_free(b);
}
END_TEST

/* ---- the command line ------------------------------------------------- */

typedef struct proc {
	int status; /* exit code, or 128 + signal */
	char *out;
	char *err;
} proc;

static const char *entente_bin(void)
{
	const char *bin = getenv("ENTENTE_BIN");
	return bin && *bin ? bin : "build/entente";
}

static void proc_free(proc *p)
{
	free(p->out);
	free(p->err);
	memset(p, 0, sizeof(*p));
}

static void append(char **buf, size_t *len, const char *data, size_t n)
{
	*buf = realloc(*buf, *len + n + 1);
	ck_assert_ptr_nonnull(*buf);
	memcpy(*buf + *len, data, n);
	*len += n;
	(*buf)[*len] = '\0';
}

/* Run the binary with args (NULL-terminated), stdin from /dev/null. */
static void run_argv(proc *p, const char *const *args)
{
	const char *argv[48];
	int out[2], err[2], status;
	size_t n = 0, lo = 0, le = 0;
	struct pollfd fds[2];
	pid_t pid;

	memset(p, 0, sizeof(*p));
	append(&p->out, &lo, "", 0);
	append(&p->err, &le, "", 0);
	if (getenv("ENTENTE_VALGRIND") && !strcmp(getenv("ENTENTE_VALGRIND"), "1")) {
		argv[n++] = "valgrind";
		argv[n++] = "-q";
		argv[n++] = "--error-exitcode=99";
		argv[n++] = "--leak-check=full";
		argv[n++] = "--errors-for-leak-kinds=definite";
	}
	argv[n++] = entente_bin();
	for (size_t i = 0; args[i]; i++) {
		ck_assert_uint_lt(n, 46);
		argv[n++] = args[i];
	}
	argv[n] = NULL;
	ck_assert(pipe(out) == 0 && pipe(err) == 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		if (in < 0 || dup2(in, 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0)
			_exit(126);
		close(out[0]);
		close(err[0]);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(out[1]);
	close(err[1]);
	fds[0].fd = out[0];
	fds[1].fd = err[0];
	fds[0].events = fds[1].events = POLLIN;
	while (fds[0].fd >= 0 || fds[1].fd >= 0) {
		char chunk[8192];
		if (poll(fds, 2, -1) < 0) {
			ck_assert_int_eq(errno, EINTR);
			continue;
		}
		for (int k = 0; k < 2; k++) {
			ssize_t r;
			if (fds[k].fd < 0 || !fds[k].revents)
				continue;
			r = read(fds[k].fd, chunk, sizeof(chunk));
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				close(fds[k].fd);
				fds[k].fd = -1;
			} else if (k == 0) {
				append(&p->out, &lo, chunk, (size_t)r);
			} else {
				append(&p->err, &le, chunk, (size_t)r);
			}
		}
	}
	while (waitpid(pid, &status, 0) < 0)
		ck_assert_int_eq(errno, EINTR);
	p->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void run(proc *p, const char *first, ...)
{
	const char *args[40];
	size_t n = 0;
	va_list ap;

	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *)) {
		ck_assert_uint_lt(n, 39);
		args[n++] = a;
	}
	va_end(ap);
	args[n] = NULL;
	run_argv(p, args);
}

#define ck_assert_exit(p, want)                                                \
	ck_assert_msg((p)->status == (want),                                   \
		      "exit %d, expected %d; stderr: %.1500s; stdout: %.1500s", \
		      (p)->status, (want), (p)->err, (p)->out)

#define ck_assert_has(text, needle)                                             \
	ck_assert_msg(strstr((text), (needle)) != NULL, "'%s' not in:\n%.3000s", \
		      (needle), (text))

/* One diagnostic line starting "entente: ". */
static void assert_one_line(const proc *p)
{
	const char *nl = strchr(p->err, '\n');

	ck_assert_msg(!strncmp(p->err, "entente: ", 9) && nl && nl[1] == '\0',
		      "not one 'entente: ' line: %.1500s", p->err);
}

static void assert_json(const char *text, char first)
{
	int ok = text[0] == first && th_json_valid(text, strlen(text));

	ck_assert_msg(ok, "not a JSON %s:\n%.3000s", first == '[' ? "array" : "object",
		      text);
}

/* -- fixtures: the mini graph (and its changed twin) as GraphML, and the
 * white paper built once -- */

static char mini_dir[64];
static char *mini_kg, *mini_kg2, *wp_kg;
static char wp_problem[512];

static void write_graph(const corpus_fx *f, const char *path)
{
	ent_graph *g = cx_graph(f);
	ent_error err;

	ent_error_clear(&err);
	ck_assert_msg(ent_graph_write_graphml(g, path, &err) == ENT_OK, "write: %s",
		      err.msg);
	ent_graph_free(g);
}

static void cli_setup(void)
{
	corpus_fx f;
	tmp_area t;
	proc p;

	area_init(&t);
	memcpy(mini_dir, t.dir, sizeof(mini_dir));
	mini_kg = area_path(&t, "mini.graphml");
	mini_kg2 = area_path(&t, "mini2.graphml");
	wp_kg = area_path(&t, "wp.graphml");
	mini_corpus(&f);
	write_graph(&f, mini_kg);
	changed_corpus(&f);
	write_graph(&f, mini_kg2);

	wp_problem[0] = '\0';
	if (access(WHITEPAPER, R_OK) != 0) {
		snprintf(wp_problem, sizeof(wp_problem),
			 "%s is missing: the white-paper tests need ../shared", WHITEPAPER);
		return;
	}
	run(&p, "build", "-q", WHITEPAPER, "-o", wp_kg, NULL);
	if (p.status != 0)
		snprintf(wp_problem, sizeof(wp_problem), "build exited %d: %.400s",
			 p.status, p.err);
	proc_free(&p);
}

static void cli_teardown(void)
{
	tmp_area t;

	memcpy(t.dir, mini_dir, sizeof(t.dir));
	area_done(&t);
	free(mini_kg);
	free(mini_kg2);
	free(wp_kg);
	mini_kg = mini_kg2 = wp_kg = NULL;
}

#define WP_REQUIRE() ck_assert_msg(wp_problem[0] == '\0', "%s", wp_problem)

/* -- queries on the mini graph -- */

START_TEST(test_cli_relations)
{
	proc p;

	run(&p, "query", mini_kg, "relations", "treaty of aachen", "--relation",
	    "signed", "--direction", "in", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.err, "");
	ck_assert_has(p.out, "Treaty of Aachen: 2 relations");
	ck_assert_has(p.out, "  <- signed           France (country); 1 sentence; year 2019\n"
			     "      mini.txt:3: France and Germany signed the Treaty of Aachen in 2019.\n");
	ck_assert_has(p.out, "<- signed           Germany (country)");
	proc_free(&p);

	run(&p, "query", "--json", mini_kg, "relations", "French Republic", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '[');
	ck_assert_has(p.out, "{\"relation\":\"cooperates_with\",\"direction\":\"both\","
			     "\"other\":{\"name\":\"Germany\",\"type\":\"country\",\"key\":\"DEU\"},"
			     "\"evidence_count\":2,\"hedged\":1,\"years\":[2019]");
	ck_assert_has(p.out, "\"relation\":\"hosted\",\"direction\":\"out\"");
	proc_free(&p);

	/* nothing of that kind: said plainly, exit 0 */
	run(&p, "query", mini_kg, "relations", "Iceland", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "Iceland has no relations in this graph.\n");
	proc_free(&p);
	run(&p, "query", "--json", mini_kg, "relations", "Iceland", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "[]\n");
	proc_free(&p);
}
END_TEST

START_TEST(test_cli_path)
{
	proc p;

	run(&p, "query", mini_kg, "path", "NATO", "Treaty of Aachen", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "Shortest paths from North Atlantic Treaty Organization to "
			     "Treaty of Aachen: 2 hops\n  path 1:\n"
			     "    North Atlantic Treaty Organization <--[member_of]-- France; 1 sentence\n"
			     "        mini.txt:5: France is in NATO.\n"
			     "    France --[signed]--> Treaty of Aachen; 1 sentence; year 2019\n");
	ck_assert_has(p.out, "  path 2:\n    North Atlantic Treaty Organization <--[member_of]-- Germany");
	proc_free(&p);

	run(&p, "query", "--json", mini_kg, "path", "Kenya", "Germany", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '{');
	ck_assert_has(p.out, "\"hops\":3,");
	ck_assert_has(p.out, "\"relation\":\"participated_in\",\"direction\":\"forward\"");
	ck_assert_has(p.out, "\"relation\":\"hosted\",\"direction\":\"backward\"");
	ck_assert_has(p.out, "\"sentence\":\"Kenya took part in the Paris Summit.\"");
	proc_free(&p);

	run(&p, "query", mini_kg, "path", "Iceland", "France", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "No path between Iceland and France in this graph.\n");
	proc_free(&p);
	run(&p, "query", "--json", mini_kg, "path", "Iceland", "France", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '{');
	ck_assert_has(p.out, "\"hops\":null,\"paths\":[]");
	proc_free(&p);
}
END_TEST

START_TEST(test_cli_common)
{
	proc p;

	run(&p, "query", mini_kg, "common", "France", "Germany", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out,
			 "France and Germany are both linked to 2 entities:\n"
			 "  organization (1):\n"
			 "    North Atlantic Treaty Organization: member_of / member_of\n"
			 "  agreement (1):\n"
			 "    Treaty of Aachen: signed / signed\n");
	proc_free(&p);

	run(&p, "query", "--json", mini_kg, "common", "France", "Germany", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '{');
	ck_assert_has(p.out, "{\"type\":\"organization\",\"entities\":[");
	ck_assert_has(p.out, "\"a_relations\":[\"signed\"],\"b_relations\":[\"signed\"]");
	proc_free(&p);

	run(&p, "query", mini_kg, "common", "Iceland", "France", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "Iceland and France are linked to no common entity in this graph.\n");
	proc_free(&p);
}
END_TEST

START_TEST(test_cli_ego)
{
	char *out = malloc(strlen(mini_dir) + 32);
	ent_graph *g;
	ent_error err;
	proc p;

	run(&p, "query", mini_kg, "ego", "Kenya", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out,
			 "Neighbourhood of Kenya within 1 hop: 3 entities, 2 relations\n"
			 "entities:\n  Kenya (country)\n  Paris Summit (event)\n  Lisbon (place)\n"
			 "relations:\n"
			 "  Kenya participated_in Paris Summit; 1 sentence; year 2021\n"
			 "  Kenya cooperates_with Lisbon; 1 sentence (1 hedged); year 2018\n");
	proc_free(&p);

	run(&p, "query", "--json", "--depth", "2", mini_kg, "ego", "Kenya", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '{');
	ck_assert_has(p.out, "\"depth\":2,");
	ck_assert_has(p.out, "{\"name\":\"France\",\"type\":\"country\",\"key\":\"FRA\"}");
	proc_free(&p);

	ck_assert_ptr_nonnull(out);
	sprintf(out, "%s/ego.graphml", mini_dir);
	run(&p, "query", "--depth", "2", "-o", out, mini_kg, "ego", "Kenya", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "");
	proc_free(&p);
	ent_error_clear(&err);
	g = ent_graph_read_graphml(out, &err);
	ck_assert_msg(g != NULL, "ego.graphml: %s", err.msg);
	ck_assert_uint_eq(ent_graph_node_count(g), 4); /* Kenya, summit, Lisbon, France */
	ck_assert_uint_eq(ent_graph_edge_count(g), 3);
	ent_graph_free(g);
	unlink(out);
	free(out);
}
END_TEST

START_TEST(test_cli_partners_and_names)
{
	proc p;

	run(&p, "query", "--json", mini_kg, "partners", "france", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '[');
	ck_assert_has(p.out, "\"name\":\"Germany\"");
	ck_assert_has(p.out, "\"years\":[2019]");
	proc_free(&p);

	run(&p, "query", mini_kg, "partners", "Iceland", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "Iceland has no cooperation partners in this graph.\n");
	proc_free(&p);

	run(&p, "query", mini_kg, "path", "France", "Germny", NULL);
	ck_assert_exit(&p, 1);
	assert_one_line(&p);
	ck_assert_has(p.err, "entente: no entity named 'Germny'; did you mean: Germany");
	ck_assert_str_eq(p.out, "");
	proc_free(&p);

	/* left out by a view option: said so */
	run(&p, "query", "--types", "country", mini_kg, "relations", "NATO", NULL);
	ck_assert_exit(&p, 1);
	assert_one_line(&p);
	ck_assert_has(p.err, "'North Atlantic Treaty Organization' is not in the view");
	proc_free(&p);
}
END_TEST

/* The view options through query. */
START_TEST(test_cli_view_options)
{
	proc p;

	run(&p, "query", "--project", "countries", mini_kg, "relations", "Germany", NULL);
	ck_assert_exit(&p, 0);
	/* France and Germany share NATO and the treaty, plus 2 direct */
	ck_assert_has(p.out, "-- cooperates_with  France (country); 4 sentences (1 hedged)");
	ck_assert_has(p.out, "shared: North Atlantic Treaty Organization, Treaty of Aachen");
	proc_free(&p);

	run(&p, "query", "--asserted-only", mini_kg, "relations", "Kenya", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "Kenya: 1 relation ");
	ck_assert(strstr(p.out, "Lisbon") == NULL);
	proc_free(&p);

	run(&p, "query", "--since", "2020", "--min-weight", "1", mini_kg, "ego", "France", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "within 1 hop: 2 entities, 1 relation\n");
	proc_free(&p);

	run(&p, "query", "--focus", "Kenya", "--top", "1", "--json", mini_kg, "ego", "Kenya", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "\"entities\":[\n  {\"name\":\"Kenya\"");
	ck_assert_has(p.out, "\"relations\":[]");
	proc_free(&p);
}
END_TEST

/* Bad view and query options: exit 2, one line, nothing on stdout. */
static const char *const bad_lines[][10] = {
	{ "query", "--types", "country,planet", "K", "partners", "France", NULL },
	{ "query", "--relations", "likes", "K", "partners", "France", NULL },
	{ "query", "--since", "20x0", "K", "partners", "France", NULL },
	{ "query", "--since", "2020", "--until", "2010", "K", "partners", "France", NULL },
	{ "query", "--min-weight", "0", "K", "partners", "France", NULL },
	{ "query", "--project", "regions", "K", "partners", "France", NULL },
	{ "query", "--depth", "-1", "K", "ego", "France", NULL },
	{ "query", "--top", "many", "K", "ego", "France", NULL },
	{ "query", "--direction", "up", "K", "relations", "France", NULL },
	{ "query", "--relation", "signed", "K", "partners", "France", NULL },
	{ "query", "K", "path", "France", NULL },
	{ "query", "K", "common", "France", "", NULL },
	{ "query", "-o", "/tmp/x.graphml", "K", "partners", "France", NULL },
	{ "diff", "K", NULL },
	{ "diff", "K", "K", "K", NULL },
};

START_TEST(test_cli_bad_usage)
{
	const char *args[12];
	size_t n = 0;
	proc p;

	for (; bad_lines[_i][n]; n++)
		args[n] = !strcmp(bad_lines[_i][n], "K") ? mini_kg : bad_lines[_i][n];
	args[n] = NULL;
	run_argv(&p, args);
	ck_assert_msg(p.status == 2, "line %d: exit %d; stderr: %s", _i, p.status, p.err);
	assert_one_line(&p);
	ck_assert_str_eq(p.out, "");
	if (_i == 0)
		ck_assert_has(p.err, "unknown type 'planet'");
	if (_i == 3)
		ck_assert_has(p.err, "--since 2020 is after --until 2010");
	proc_free(&p);
}
END_TEST

START_TEST(test_cli_diff)
{
	proc p;

	run(&p, "diff", mini_kg, mini_kg2, NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out,
			 "entities: 1 added, 1 removed, 1 changed\n"
			 "  + country       Spain (mentions 1)\n"
			 "  - country       Iceland (mentions 1)\n"
			 "  ~ country       Kenya (mentions 1 -> 4)\n"
			 "relations: 1 added, 1 removed, 2 changed\n"
			 "  + France cooperates_with Kenya (evidence 1)\n"
			 "  - Germany member_of North Atlantic Treaty Organization (evidence 1)\n"
			 "  ~ Germany cooperates_with France (evidence 2 -> 3)\n"
			 "  ~ Germany signed Treaty of Aachen (evidence 1 -> 2)\n");
	proc_free(&p);

	run(&p, "diff", "--json", mini_kg, mini_kg2, NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '{');
	ck_assert_has(p.out, "\"relations\":{\"added\":1,\"removed\":1,\"changed\":2}");
	ck_assert_has(p.out, "{\"change\":\"removed\",\"subject\":{\"name\":\"Germany\"");
	proc_free(&p);

	run(&p, "diff", mini_kg, mini_kg, NULL);
	ck_assert_exit(&p, 0);
	ck_assert_str_eq(p.out, "No differences: both graphs hold the same entities and relations.\n");
	proc_free(&p);

	/* a view applies to both sides */
	run(&p, "diff", "--relations", "member_of", mini_kg, mini_kg2, NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "relations: 0 added, 1 removed, 0 changed\n");
	proc_free(&p);

	run(&p, "diff", mini_kg, "/nonexistent/kg.graphml", NULL);
	ck_assert_exit(&p, 3);
	assert_one_line(&p);
	proc_free(&p);
}
END_TEST

/* -- the white paper -- */

START_TEST(test_wp_who_signed)
{
	proc p;

	WP_REQUIRE();
	run(&p, "query", wp_kg, "relations",
	    "Memorandum of Understanding on Cybersecurity Cooperation", "--relation",
	    "signed", "--direction", "in", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "<- signed           China (country); 1 sentence; year 2022\n");
	ck_assert_has(p.out, "<- signed           Thailand (country); 1 sentence; year 2022\n");
	ck_assert_has(p.out, "In 2022, China and Thailand signed the Memorandum of "
			     "Understanding on Cybersecurity Cooperation.");
	proc_free(&p);

	run(&p, "query", "--json", wp_kg, "relations",
	    "memorandum of understanding on cybersecurity cooperation", "--relation",
	    "signed", "--direction", "in", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '[');
	ck_assert_has(p.out, "\"direction\":\"in\",\"other\":{\"name\":\"China\"");
	ck_assert_has(p.out, "\"direction\":\"in\",\"other\":{\"name\":\"Thailand\"");
	ck_assert_has(p.out, "\"years\":[2022]");
	proc_free(&p);
}
END_TEST

START_TEST(test_wp_partners_asean)
{
	proc p;

	WP_REQUIRE();
	run(&p, "query", wp_kg, "partners", "ASEAN", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "Cooperation partners of Association of Southeast Asian Nations");
	ck_assert_has(p.out, "China (country): cooperates_with;");
	ck_assert_has(p.out, "whitepaper.txt:");
	proc_free(&p);

	run(&p, "query", "--json", wp_kg, "partners", "ASEAN", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '[');
	ck_assert_has(p.out, "\"name\":\"China\"");
	ck_assert_has(p.out, "\"years\":[");
	proc_free(&p);
}
END_TEST

START_TEST(test_wp_path)
{
	proc p;

	WP_REQUIRE();
	run(&p, "query", wp_kg, "path", "Kenya", "Russia", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "Kenya to Russia: 2 hops");
	ck_assert_has(p.out, "    Kenya --[cooperates_with]-- China");
	ck_assert_has(p.out, "    China --[cooperates_with]-- Russia");
	ck_assert_has(p.out, "Symposium on China-Kenya Cooperation");
	proc_free(&p);

	run(&p, "query", "--json", wp_kg, "path", "Kenya", "Russian Federation", NULL);
	ck_assert_exit(&p, 0);
	assert_json(p.out, '{');
	ck_assert_has(p.out, "\"hops\":2,");
	ck_assert_has(p.out, "\"sentence\":");
	proc_free(&p);
}
END_TEST

START_TEST(test_wp_common_ego)
{
	proc p;

	WP_REQUIRE();
	run(&p, "query", wp_kg, "common", "Kenya", "Russia", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "Kenya and Russia are both linked to");
	ck_assert_has(p.out, "    China: cooperates_with / cooperates_with\n");
	proc_free(&p);

	run(&p, "query", "--project", "countries", "--top", "5", wp_kg, "ego", "China", NULL);
	ck_assert_exit(&p, 0);
	ck_assert_has(p.out, "Neighbourhood of China within 1 hop: 5 entities");
	ck_assert_has(p.out, "China cooperates_with Russia;");
	proc_free(&p);
}
END_TEST

Suite *suite_view(void)
{
	Suite *s = suite_create("view");
	TCase *tc;

	tc = tcase_create("filters");
	tcase_add_test(tc, test_identity);
	tcase_add_test(tc, test_filter_types);
	tcase_add_test(tc, test_filter_relations);
	tcase_add_test(tc, test_filter_years);
	tcase_add_test(tc, test_filter_min_weight);
	tcase_add_test(tc, test_hedged_counts);
	tcase_add_test(tc, test_asserted_only);
	tcase_add_test(tc, test_project_countries);
	tcase_add_test(tc, test_project_evidence);
	tcase_add_test(tc, test_focus_depth);
	tcase_add_test(tc, test_focus_undirected);
	tcase_add_test(tc, test_focus_errors);
	tcase_add_test(tc, test_top);
	tcase_add_test(tc, test_order_focus_top);
	suite_add_tcase(s, tc);

	tc = tcase_create("graphml");
	tcase_add_test(tc, test_graphml_hedged);
	tcase_add_test(tc, test_graphml_bad_hedged);
	suite_add_tcase(s, tc);

	tc = tcase_create("queries");
	tcase_add_test(tc, test_relations_query);
	tcase_add_test(tc, test_paths_query);
	tcase_add_test(tc, test_common_query);
	tcase_add_test(tc, test_diff);
	suite_add_tcase(s, tc);

	tc = tcase_create("cli");
	tcase_set_timeout(tc, 120);
	tcase_add_unchecked_fixture(tc, cli_setup, cli_teardown);
	tcase_add_test(tc, test_cli_relations);
	tcase_add_test(tc, test_cli_path);
	tcase_add_test(tc, test_cli_common);
	tcase_add_test(tc, test_cli_ego);
	tcase_add_test(tc, test_cli_partners_and_names);
	tcase_add_test(tc, test_cli_view_options);
	tcase_add_loop_test(tc, test_cli_bad_usage, 0,
			    (int)(sizeof(bad_lines) / sizeof(bad_lines[0])));
	tcase_add_test(tc, test_cli_diff);
	tcase_add_test(tc, test_wp_who_signed);
	tcase_add_test(tc, test_wp_partners_asean);
	tcase_add_test(tc, test_wp_path);
	tcase_add_test(tc, test_wp_common_ego);
	suite_add_tcase(s, tc);
	return s;
}
