/*
 * bench/analysis_gen.c — a large synthetic knowledge graph for timing
 * `entente report` (bench/report_large.sh).
 *
 *   analysis_gen [-n NODES] [-m LINKS_PER_NODE] [-s SEED] [-t] -o OUT.graphml
 *
 * The shape is preferential attachment (igraph_barabasi_game, psumtree,
 * no multi-edges, seeded), so a few early nodes become hubs as in real
 * corpora: 100,000 nodes and 5 links per node give 499,985 linked pairs.
 * Nodes are typed (the 200 oldest are countries, the rest spread over the
 * other types by a hash of their index), each link becomes one relation
 * chosen by the types of its ends, and one link in ten carries two to
 * four evidence sentences. Everything is a function of the arguments: the
 * same command writes the same file on every machine.
 *
 * The graph goes through the public API (ent_graph_from_corpus,
 * ent_graph_write_graphml), so the file is what `entente build` writes.
 * With -t the report is also timed in this process, without and with
 * sampled betweenness, to separate the analysis from reading GraphML.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <igraph/igraph.h>

#include "entente/entente.h"
#include "entente/report.h"

static uint64_t mix(uint64_t x)
{
	x += UINT64_C(0x9e3779b97f4a7c15);
	x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
	return x ^ (x >> 31);
}

static ent_type node_type(size_t i)
{
	unsigned r = (unsigned)(mix(i) % 100);

	if (i < 200)
		return ENT_TYPE_COUNTRY;
	if (r < 15)
		return ENT_TYPE_ORGANIZATION;
	if (r < 35)
		return ENT_TYPE_AGREEMENT;
	if (r < 60)
		return ENT_TYPE_EVENT;
	if (r < 70)
		return ENT_TYPE_PROGRAM;
	if (r < 85)
		return ENT_TYPE_PLACE;
	return ENT_TYPE_PERSON;
}

/* The relation a link stands for, from the type of its older end. */
static ent_rel link_rel(ent_type newer, ent_type older)
{
	if (newer == ENT_TYPE_COUNTRY && older == ENT_TYPE_COUNTRY)
		return ENT_REL_COOPERATES_WITH;
	switch (older) {
	case ENT_TYPE_AGREEMENT: return ENT_REL_SIGNED;
	case ENT_TYPE_EVENT: return ENT_REL_PARTICIPATED_IN;
	case ENT_TYPE_PROGRAM: return ENT_REL_LAUNCHED;
	case ENT_TYPE_PLACE: return ENT_REL_HELD_IN;
	case ENT_TYPE_ORGANIZATION: return ENT_REL_MEMBER_OF;
	default: return ENT_REL_COOPERATES_WITH;
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int die(const char *what, const ent_error *err)
{
	fprintf(stderr, "analysis_gen: %s: %s\n", what, err ? err->msg : "failed");
	return 1;
}

/* Time the report of `g` in this process, written to /dev/null. */
static int time_report(const ent_graph *g, ent_path_mode betweenness,
		       const char *label)
{
	ent_report_opts o;
	ent_error err;
	FILE *null = fopen("/dev/null", "w");
	double t0;

	if (!null)
		return die("/dev/null", NULL);
	ent_report_opts_init(&o);
	o.measure.betweenness = betweenness;
	ent_error_clear(&err);
	t0 = now();
	if (ent_graph_report(g, &o, null, &err) != ENT_OK) {
		fclose(null);
		return die("report", &err);
	}
	printf("inprocess.%s seconds=%.3f\n", label, now() - t0);
	fclose(null);
	return 0;
}

int main(int argc, char **argv)
{
	size_t n = 100000, per = 5, n_rel = 0, cap;
	unsigned long seed = 20240601;
	const char *outp = NULL;
	int opt, timing = 0, rc = 0;
	ent_entity *ents;
	ent_relation *rels;
	char *names;
	igraph_t ig;
	ent_corpus c;
	ent_error err;
	ent_graph *g;
	double t0;

	while ((opt = getopt(argc, argv, "n:m:s:o:t")) != -1) {
		switch (opt) {
		case 'n': n = strtoul(optarg, NULL, 10); break;
		case 'm': per = strtoul(optarg, NULL, 10); break;
		case 's': seed = strtoul(optarg, NULL, 10); break;
		case 'o': outp = optarg; break;
		case 't': timing = 1; break;
		default:
			fprintf(stderr, "usage: analysis_gen [-n NODES] [-m LINKS] [-s SEED] [-t] -o OUT.graphml\n");
			return 2;
		}
	}
	if (!outp || n < 2 || per < 1) {
		fprintf(stderr, "usage: analysis_gen [-n NODES] [-m LINKS] [-s SEED] [-t] -o OUT.graphml\n");
		return 2;
	}
	t0 = now();
	igraph_rng_seed(igraph_rng_default(), seed);
	if (igraph_barabasi_game(&ig, (igraph_integer_t)n, 1.0, (igraph_integer_t)per,
				 NULL, 0, 1.0, IGRAPH_UNDIRECTED,
				 IGRAPH_BARABASI_PSUMTREE, NULL) != IGRAPH_SUCCESS)
		return die("barabasi_game", NULL);

	ents = calloc(n, sizeof(*ents));
	names = malloc(n * 96);
	cap = (size_t)igraph_ecount(&ig) * 2;
	rels = calloc(cap, sizeof(*rels));
	if (!ents || !names || !rels)
		return die("out of memory", NULL);
	for (size_t i = 0; i < n; i++) {
		char *name = names + i * 96, *key = name + 48;
		ent_type t = node_type(i);
		snprintf(name, 48, "%c%s %zu", ent_type_name(t)[0] - 32, ent_type_name(t) + 1, i);
		snprintf(key, 48, "bench:%zu", i);
		ents[i].type = t;
		ents[i].name = name;
		ents[i].key = key;
		ents[i].mentions = 1 + (size_t)(mix(i + n) % 20);
	}
	for (igraph_integer_t e = 0; e < igraph_ecount(&ig); e++) {
		igraph_integer_t a = IGRAPH_FROM(&ig, e), b = IGRAPH_TO(&ig, e);
		size_t newer = (size_t)(a > b ? a : b), older = (size_t)(a > b ? b : a);
		uint64_t h = mix((uint64_t)e ^ UINT64_C(0x5eed));
		size_t times = h % 10 == 0 ? 2 + (size_t)(h / 10 % 3) : 1;
		ent_rel rel = link_rel(ents[newer].type, ents[older].type);
		for (size_t k = 0; k < times; k++) {
			ent_relation *r;
			if (n_rel == cap) {
				cap *= 2;
				rels = realloc(rels, cap * sizeof(*rels));
				if (!rels)
					return die("out of memory", NULL);
			}
			r = &rels[n_rel++];
			r->subject = ent_rel_symmetric(rel) ? older : newer;
			r->object = ent_rel_symmetric(rel) ? newer : older;
			r->rel = rel;
			r->year = 2000 + (int)((h >> 8) % 24);
			r->ev.doc = "synthetic.txt";
			r->ev.line = (long)e + 1;
			r->ev.sentence = "A synthetic sentence.";
			r->ev.rule = "bench";
		}
	}
	igraph_destroy(&ig);

	memset(&c, 0, sizeof(c));
	c.entities = ents;
	c.n_entities = n;
	c.relations = rels;
	c.n_relations = n_rel;
	c.n_documents = 1;
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&c, &err);
	if (!g)
		return die("graph", &err);
	printf("generate nodes=%zu edges=%zu relations=%zu seconds=%.3f\n",
	       ent_graph_node_count(g), ent_graph_edge_count(g), n_rel, now() - t0);
	t0 = now();
	if (ent_graph_write_graphml(g, outp, &err) != ENT_OK)
		rc = die("write", &err);
	else
		printf("write seconds=%.3f\n", now() - t0);
	if (rc == 0 && timing)
		rc = time_report(g, ENT_PATH_OFF, "no_betweenness") ||
		     time_report(g, ENT_PATH_SAMPLED, "sampled_betweenness");
	ent_graph_free(g);
	free(rels);
	free(names);
	free(ents);
	return rc;
}
