/*
 * Scale without drift: extraction on any number of threads, and in shards
 * merged afterwards, gives the same bytes as one thread; entity and edge
 * merging do not depend on order or grouping; shards that are not
 * extraction output are refused with the file and line.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entente/entente.h"
#include "cli_run.h"
#include "tests.h"
#include "util.h"

/* The documents the determinism tests read: prose, news, a speech, HTML. */
static const char *const docs[] = {
	"samples/joint-statement-china-asean.txt", "samples/news-brics-summit.txt",
	"samples/policy-brief-digital-silk-road.txt", "samples/press-release-eu-japan.txt",
	"tests/gold/bilateral-mou.txt", "tests/gold/news-dateline.txt",
	"tests/gold/speech-transcript.txt", "tests/html/gov.html", "tests/html/news.html",
};
#define N_DOCS (sizeof(docs) / sizeof(docs[0]))

/* Run entente with argv[0..n) followed by every document in `which`
 * (indexes into docs, -1 terminated). */
static void run_docs(run_result *r, const char *const *argv, size_t n, const int *which)
{
	const char *args[MAX_ARGS + 1];
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		args[k++] = argv[i];
	for (size_t i = 0; which[i] >= 0; i++)
		args[k++] = docs[which[i]];
	args[k] = NULL;
	run_full(r, NULL, NULL, args);
}

static char *must_read(const char *path, size_t *len)
{
	char *data = read_all(path, len);

	ck_assert_msg(data != NULL, "cannot read %s", path);
	return data;
}

static void assert_same_file(const char *a, const char *b)
{
	size_t la, lb;
	char *da = must_read(a, &la), *db = must_read(b, &lb);

	ck_assert_msg(la == lb && !memcmp(da, db, la), "%s (%zu bytes) and %s (%zu bytes) differ",
		      a, la, b, lb);
	free(da);
	free(db);
}

START_TEST(test_threads_and_shards_agree)
{
	static const int all[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, -1 };
	/* four shards, not in path order, merged in yet another order */
	static const int shard_docs[4][4] = { { 8, 3, -1 }, { 0, 5, 6, -1 }, { 2, 7, -1 },
					      { 4, 1, -1 } };
	char *dir = make_tmpdir(), *g1 = path_join(dir, "j1.graphml");
	char *g4 = path_join(dir, "j4.graphml"), *gm = path_join(dir, "merged.graphml");
	char *x1 = path_join(dir, "j1.jsonl"), *x4 = path_join(dir, "j4.jsonl");
	char *shard[4];
	run_result r;
	size_t len;

	/* three evidence records per edge: which three must not depend on
	 * threads or shards either */
	const char *b1[] = { "build", "-q", "-j", "1", "--evidence", "3", "-o", g1 };
	run_docs(&r, b1, 8, all);
	ck_assert_status(&r, 0);
	result_free(&r);
	const char *b4[] = { "build", "-q", "-j", "4", "--evidence", "3", "-o", g4 };
	run_docs(&r, b4, 8, all);
	ck_assert_status(&r, 0);
	result_free(&r);
	assert_same_file(g1, g4);

	const char *e1[] = { "extract", "-q", "-j", "1", "-o", x1 };
	run_docs(&r, e1, 6, all);
	ck_assert_status(&r, 0);
	result_free(&r);
	const char *e4[] = { "extract", "-q", "-j", "4", "-o", x4 };
	run_docs(&r, e4, 6, all);
	ck_assert_status(&r, 0);
	result_free(&r);
	assert_same_file(x1, x4);

	for (int s = 0; s < 4; s++) {
		shard[s] = ent_xasprintf("%s/shard%d.jsonl", dir, s);
		const char *ex[] = { "extract", "-q", "-j", "2", "-o", shard[s] };
		run_docs(&r, ex, 6, shard_docs[s]);
		ck_assert_status(&r, 0);
		result_free(&r);
	}
	run(&r, "build", "-q", "--evidence", "3", "--merge", shard[2], shard[0], shard[3], shard[1],
	    "-o", gm, NULL);
	ck_assert_status(&r, 0);
	result_free(&r);
	assert_same_file(g1, gm);

	/* and the graph is not trivially equal: it holds the documents */
	char *xml = must_read(g1, &len);
	size_t edges = 0;
	for (const char *p = xml; (p = strstr(p, "<edge ")) != NULL; p++)
		edges++;
	ck_assert_uint_gt(edges, 100);
	ck_assert_ptr_nonnull(strstr(xml, "tests/html/news.html"));
	ck_assert_ptr_nonnull(strstr(xml, "<data key=\"e_more_evidence\">samples/"));
	free(xml);
	for (int s = 0; s < 4; s++)
		free(shard[s]);
	remove_tree(dir);
	free(g1), free(g4), free(gm), free(x1), free(x4), free(dir);
}
END_TEST

/* A stream names each entity once per document with one id throughout,
 * and a relation only after the entities it links. */
START_TEST(test_stream_ids)
{
	run_result r;
	ent_map ids;
	size_t docs_seen = 0, rels = 0;

	run(&r, "extract", "-q", "samples/", NULL);
	ck_assert_status(&r, 0);
	ent_map_init(&ids);
	for (char *line = r.out; *line;) {
		char *nl = strchr(line, '\n');
		ck_assert_ptr_nonnull(nl);
		*nl = '\0';
		if (!strncmp(line, "{\"kind\":\"document\"", 18)) {
			docs_seen++;
		} else if (!strncmp(line, "{\"kind\":\"entity\",\"id\":\"", 23)) {
			char *id = line + 23, *key = strstr(line, "\"key\":\"");
			ck_assert_ptr_nonnull(key);
			*strchr(id, '"') = '\0';
			key += 7;
			*strchr(key, '"') = '\0';
			size_t *had = ent_map_get(&ids, key);
			long num = strtol(id + 1, NULL, 10);
			if (had)
				ck_assert_msg((long)*had == num, "key %s has ids e%zu and %s", key, *had, id);
			else
				ent_map_put(&ids, key, (size_t)num);
		} else {
			ck_assert_msg(!strncmp(line, "{\"kind\":\"relation\",\"subject\":\"e", 31),
				      "unexpected record: %.200s", line);
			rels++;
		}
		line = nl + 1;
	}
	ck_assert_uint_eq(docs_seen, 4);
	ck_assert_uint_gt(rels, 50);
	ent_map_release(&ids);
	result_free(&r);
}
END_TEST

/* ---- merging without order ---- */

static void entity(ent_entity *e, ent_type t, const char *name, const char *key,
		   const char **aliases, size_t n_aliases, size_t mentions)
{
	e->type = t;
	e->name = name;
	e->key = key;
	e->aliases = aliases;
	e->n_aliases = n_aliases;
	e->mentions = mentions;
}

START_TEST(test_entity_set_commutes)
{
	static const char *al1[] = { "ASEAN" }, *al2[] = { "the Association" };
	ent_entity parts[4];
	ent_entity_set *a = ent_entity_set_new(), *b = ent_entity_set_new();
	static const int order_a[] = { 0, 1, 2, 3 }, order_b[] = { 3, 2, 0, 1 };

	entity(&parts[0], ENT_TYPE_ORGANIZATION, "Association of Southeast Asian Nations", "org:asean",
	       al1, 1, 3);
	entity(&parts[1], ENT_TYPE_ORGANIZATION, "association of southeast asian nations",
	       "org:asean", al2, 1, 1);
	entity(&parts[2], ENT_TYPE_EVENT, "Association of Southeast Asian Nations", "org:asean", NULL,
	       0, 0);
	entity(&parts[3], ENT_TYPE_COUNTRY, "Kenya", "KEN", NULL, 0, 2);
	for (int i = 0; i < 4; i++) {
		ent_entity_set_add(a, &parts[order_a[i]]);
		ent_entity_set_add(b, &parts[order_b[i]]);
	}
	ck_assert_uint_eq(ent_entity_set_size(a), 2);
	ck_assert_uint_eq(ent_entity_set_size(b), 2);
	const ent_entity *ea = ent_entity_set_get(a, ent_entity_set_find(a, "org:asean"));
	const ent_entity *eb = ent_entity_set_get(b, ent_entity_set_find(b, "org:asean"));
	/* weight: 4 + 1 for the organization, 2 for the event */
	ck_assert_int_eq(ea->type, ENT_TYPE_ORGANIZATION);
	ck_assert_int_eq(eb->type, ENT_TYPE_ORGANIZATION);
	ck_assert_str_eq(ea->name, "Association of Southeast Asian Nations");
	ck_assert_str_eq(eb->name, ea->name);
	ck_assert_uint_eq(ea->mentions, 4);
	ck_assert_uint_eq(eb->mentions, 4);
	ck_assert_uint_eq(ea->n_aliases, 3);
	ck_assert_uint_eq(eb->n_aliases, 3);
	for (size_t i = 0; i < ea->n_aliases; i++)
		ck_assert_str_eq(ea->aliases[i], eb->aliases[i]);
	ck_assert_str_eq(ea->aliases[0], "ASEAN");
	ck_assert_uint_eq(ent_entity_set_find(a, "nothing"), SIZE_MAX);
	ent_entity_set_free(a);
	ent_entity_set_free(b);
}
END_TEST

static void relation(ent_relation *r, ent_rel rel, int year, unsigned flags, const char *doc,
		     long line, const char *sentence)
{
	memset(r, 0, sizeof(*r));
	r->rel = rel;
	r->year = year;
	r->flags = flags;
	r->ev.doc = doc;
	r->ev.line = line;
	r->ev.sentence = sentence;
	r->ev.rule = "test";
}

/* Five sentences of one edge, added in two orders to builders keeping two
 * evidence records: the same edge, with the two smallest. */
START_TEST(test_builder_keeps_first_k)
{
	ent_relation rel[5];
	ent_entity e[2];
	static const int orders[2][5] = { { 0, 1, 2, 3, 4 }, { 4, 2, 0, 3, 1 } };
	char *out[2];

	entity(&e[0], ENT_TYPE_COUNTRY, "Chile", "CHL", NULL, 0, 1);
	entity(&e[1], ENT_TYPE_COUNTRY, "Peru", "PER", NULL, 0, 1);
	relation(&rel[0], ENT_REL_COOPERATES_WITH, 2020, 0, "b.txt", 4, "B four.");
	relation(&rel[1], ENT_REL_COOPERATES_WITH, 2019, ENT_RELF_HEDGED, "a.txt", 9, "A nine.");
	relation(&rel[2], ENT_REL_COOPERATES_WITH, 0, 0, "a.txt", 2, "A two.");
	relation(&rel[3], ENT_REL_COOPERATES_WITH, 2020, 0, "c.txt", 1, "C one.");
	relation(&rel[4], ENT_REL_COOPERATES_WITH, 2021, ENT_RELF_HEDGED, "a.txt", 9, "A nine, again.");
	for (int k = 0; k < 2; k++) {
		ent_graph_builder *b = ent_graph_builder_new(2);
		ent_error err;
		size_t chile = ent_graph_builder_entity(b, &e[k]), peru = ent_graph_builder_entity(b, &e[1 - k]);
		if (k)
			chile ^= peru, peru ^= chile, chile ^= peru;
		for (int i = 0; i < 5; i++) /* both directions: the relation is symmetric */
			ent_graph_builder_relation(b, i % 2 ? chile : peru, i % 2 ? peru : chile,
						   &rel[orders[k][i]]);
		ent_error_clear(&err);
		ent_graph *g = ent_graph_builder_graph(b, &err);
		ck_assert_ptr_nonnull(g);
		ck_assert_uint_eq(ent_graph_edge_count(g), 1);
		const ent_edge *ed = ent_graph_edge(g, 0);
		ck_assert_int_eq(ed->weight, 5);
		ck_assert_int_eq(ed->hedged, 2);
		ck_assert_str_eq(ed->years, "2019;2020;2021");
		ck_assert_str_eq(ed->doc, "a.txt");
		ck_assert_int_eq(ed->line, 2);
		ck_assert_str_eq(ed->more, "a.txt\t9\ttest\tA nine, again.");
		ck_assert_str_eq(ent_graph_node(g, ed->from)->name, "Chile");
		out[k] = ent_xasprintf("%zu %zu %s", ed->from, ed->to, ed->more);
		ent_graph_free(g);
		ent_graph_builder_free(b);
	}
	ck_assert_str_eq(out[0], out[1]);
	free(out[0]);
	free(out[1]);
}
END_TEST

/* ---- shards that are not extraction output ---- */

static void assert_bad_shard(const char *content, const char *where, const char *why)
{
	char *dir = make_tmpdir(), *in = path_join(dir, "shard.jsonl");
	char *out = path_join(dir, "g.graphml");
	run_result r;
	size_t tmp;

	write_file(in, content, strlen(content));
	run(&r, "build", "--merge", in, "-o", out, NULL);
	ck_assert_status(&r, ENT_ERR_INPUT);
	assert_one_error_line(&r);
	ck_assert_msg(strstr(r.err, where) && strstr(r.err, why), "unexpected error: %s", r.err);
	ck_assert_uint_eq(dir_entries(dir, &tmp), 1); /* the shard only */
	result_free(&r);
	remove_tree(dir);
	free(in);
	free(out);
	free(dir);
}

START_TEST(test_bad_shards)
{
	static const char ent[] = "{\"kind\":\"entity\",\"id\":\"e1\",\"type\":\"country\","
				  "\"name\":\"Chile\",\"key\":\"CHL\",\"aliases\":[],\"mentions\":1}\n";
	char *s;

	assert_bad_shard("{\"kind\":\"document\",\"doc\":\"x\"}\n\n{\"kind\":\"entity\",\"id\":", "shard.jsonl:3:",
			 "not JSON");
	assert_bad_shard("[1,2]\n", "shard.jsonl:1:", "no \"kind\"");
	assert_bad_shard("{\"kind\":\"relation\",\"subject\":\"e1\",\"relation\":\"signed\","
			 "\"object\":\"e2\",\"year\":null,\"doc\":\"d\",\"line\":1,\"evidence\":\"x\","
			 "\"rule\":\"r\"}\n", "shard.jsonl:1:", "not listed before");
	s = ent_xasprintf("%s{\"kind\":\"entity\",\"id\":\"e1\",\"type\":\"planet\",\"name\":\"X\","
			  "\"key\":\"X\",\"aliases\":[],\"mentions\":1}\n", ent);
	assert_bad_shard(s, "shard.jsonl:2:", "unknown entity type");
	free(s);
	s = ent_xasprintf("%s{\"kind\":\"entity\",\"id\":\"e1\",\"type\":\"country\",\"name\":\"X\","
			  "\"key\":\"XXX\",\"aliases\":[],\"mentions\":1}\n", ent);
	assert_bad_shard(s, "shard.jsonl:2:", "two keys");
	free(s);
	assert_bad_shard("{\"kind\":\"entity\",\"id\":\"e1\",\"id\":\"e2\"}\n", "shard.jsonl:1:",
			 "not JSON");
	assert_bad_shard("{\"kind\":\"entity\",\"name\":\"\\ud800\"}\n", "shard.jsonl:1:", "not JSON");
}
END_TEST

START_TEST(test_scale_options)
{
	run_result r;

	run(&r, "extract", "-j", "0", "samples/", NULL);
	ck_assert_status(&r, ENT_ERR_USAGE);
	assert_one_error_line(&r);
	result_free(&r);
	run(&r, "build", "--evidence", "none", "samples/", NULL);
	ck_assert_status(&r, ENT_ERR_USAGE);
	assert_one_error_line(&r);
	result_free(&r);
	/* one evidence record: no "more" text anywhere */
	run(&r, "build", "-q", "--evidence", "1", "samples/", NULL);
	ck_assert_status(&r, 0);
	ck_assert_ptr_null(strstr(r.out, "\t"));
	result_free(&r);
	run(&r, "build", "-q", "samples/", NULL);
	ck_assert_status(&r, 0);
	ck_assert_ptr_nonnull(strstr(r.out, "attr.name=\"more_evidence\""));
	result_free(&r);
}
END_TEST

/* A sentence listing 41 signers: 32 are related (32 signed, 496 pairs
 * cooperating) and a warning says the list was cut; with --max-list 100
 * all 41 are (41 + 820). */
START_TEST(test_list_limit)
{
	static const char *const names[] = {
		"Chile", "Peru", "Kenya", "Japan", "France", "Brazil", "India", "Egypt", "Ghana",
		"Nepal", "Oman", "Qatar", "Spain", "Italy", "Norway", "Sweden", "Poland", "Mexico",
		"Canada", "Cuba", "Iraq", "Iran", "Fiji", "Laos", "Mali", "Chad", "Niger", "Togo",
		"Benin", "Gabon", "Malta", "Cyprus", "Greece", "Turkey", "Israel", "Jordan", "Yemen",
		"Syria", "Libya", "Sudan",
	};
	char *dir = make_tmpdir(), *in = path_join(dir, "list.txt");
	ent_buf b;
	run_result r;
	size_t rels;

	ent_buf_init(&b);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		ent_buf_printf(&b, "%s, ", names[i]);
	ent_buf_adds(&b, "and Russia signed the Paris Agreement in 2016.\n");
	write_file(in, b.data, b.len);
	run(&r, "extract", "--format", "tsv", in, NULL);
	ck_assert_status(&r, 0);
	rels = 0;
	for (const char *p = r.out; (p = strstr(p, "\nrelation\t")) != NULL; p++)
		rels++;
	ck_assert_uint_eq(rels, 32 + 32 * 31 / 2);
	ck_assert_msg(strstr(r.err, "list.txt:1: warning: 1 list of names related only to name 32 "
				    "(--max-list)\n") != NULL, "stderr: %s", r.err);
	result_free(&r);
	run(&r, "extract", "--format", "tsv", "--max-list", "100", in, NULL);
	ck_assert_status(&r, 0);
	rels = 0;
	for (const char *p = r.out; (p = strstr(p, "\nrelation\t")) != NULL; p++)
		rels++;
	ck_assert_uint_eq(rels, 41 + 41 * 40 / 2);
	ck_assert_str_eq(r.err, "");
	result_free(&r);
	ent_buf_release(&b);
	remove_tree(dir);
	free(in);
	free(dir);
}
END_TEST

/* A graph that keeps three evidence records per edge: query shows the
 * further ones under the first (text) or as "more" (JSON), and only
 * there. */
START_TEST(test_query_more_evidence)
{
	char *dir = make_tmpdir(), *g = path_join(dir, "g.graphml");
	run_result r;

	run(&r, "build", "-q", "--evidence", "3", "samples/", "-o", g, NULL);
	ck_assert_status(&r, 0);
	result_free(&r);
	run(&r, "query", g, "partners", "China", "--evidence", "all", NULL);
	ck_assert_status(&r, 0);
	ck_assert_msg(strstr(r.out, "\n        samples/joint-statement-china-asean.txt:9: Recalling") !=
			      NULL, "no second evidence record: %.2000s", r.out);
	result_free(&r);
	/* and in JSON, as "more" beside the first */
	run(&r, "query", g, "relations", "China", "--json", NULL);
	ck_assert_status(&r, 0);
	ck_assert_msg(strstr(r.out, "\"more\":[{\"doc\":\"samples/joint-statement-china-asean.txt\","
				    "\"line\":9,\"rule\":") != NULL,
		      "no \"more\" evidence in JSON: %.2000s", r.out);
	result_free(&r);
	run(&r, "build", "-q", "samples/", "-o", g, NULL);
	ck_assert_status(&r, 0);
	result_free(&r);
	run(&r, "query", g, "partners", "China", "--evidence", "all", NULL);
	ck_assert_status(&r, 0);
	ck_assert_ptr_null(strstr(r.out, "\n        samples/"));
	result_free(&r);
	run(&r, "query", g, "relations", "China", "--json", NULL);
	ck_assert_status(&r, 0);
	ck_assert_ptr_null(strstr(r.out, "\"more\""));
	result_free(&r);
	remove_tree(dir);
	free(g);
	free(dir);
}
END_TEST

Suite *suite_scale(void)
{
	Suite *s = suite_create("scale");
	TCase *tc = tcase_create("determinism");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_threads_and_shards_agree);
	tcase_add_test(tc, test_stream_ids);
	suite_add_tcase(s, tc);
	tc = tcase_create("merge");
	tcase_add_test(tc, test_entity_set_commutes);
	tcase_add_test(tc, test_builder_keeps_first_k);
	tcase_add_test(tc, test_bad_shards);
	tcase_add_test(tc, test_scale_options);
	tcase_add_test(tc, test_list_limit);
	tcase_add_test(tc, test_query_more_evidence);
	suite_add_tcase(s, tc);
	return s;
}
