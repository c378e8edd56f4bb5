/*
 * entente — the analysis report: six centrality measures of every entity,
 * the graph's summary, its communities, its innermost core and its
 * brokers (articulation points), written as aligned text, CSV, JSON or
 * Markdown. Measures are taken on the undirected view of the graph
 * (directions dropped, the edges between two nodes merged into one link
 * weighted by their summed evidence).
 *
 * Betweenness and closeness follow shortest paths from every node, which
 * costs O(nodes x links): above ENT_PATH_EXACT_MAX nodes they are by
 * default estimated from a fixed sample of ENT_PATH_SOURCES sources.
 */
#ifndef ENTENTE_REPORT_H
#define ENTENTE_REPORT_H

#include <stdio.h>
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ent_measure {
	ENT_MEASURE_DEGREE,      /* distinct neighbours */
	ENT_MEASURE_STRENGTH,    /* weighted degree: summed evidence counts */
	ENT_MEASURE_BETWEENNESS, /* shortest paths through the node (hops) */
	ENT_MEASURE_CLOSENESS,   /* harmonic: mean of 1/distance to the others */
	ENT_MEASURE_PAGERANK,    /* damping 0.85, weighted */
	ENT_MEASURE_EIGENVECTOR, /* weighted, per component, see below */
	ENT_MEASURE_COUNT
} ent_measure;

#define ENT_MEASURES_ALL ((1u << ENT_MEASURE_COUNT) - 1)

/* "degree", "strength", "betweenness", "closeness", "pagerank",
 * "eigenvector"; a static string. */
const char *ent_measure_name(ent_measure m);
/* Parse a measure name, case-insensitively; "weighted_degree" and
 * "harmonic" are accepted too. Return 0 and set *out, or -1. */
int ent_measure_parse(const char *name, ent_measure *out);

/* How betweenness and closeness are computed. */
typedef enum ent_path_mode {
	ENT_PATH_AUTO,    /* exact up to ENT_PATH_EXACT_MAX nodes, else sampled */
	ENT_PATH_EXACT,
	ENT_PATH_SAMPLED, /* from a fixed sample of sources, scaled up */
	ENT_PATH_OFF
} ent_path_mode;

#define ENT_PATH_EXACT_MAX 5000
#define ENT_PATH_SOURCES 256

/* Communities (ent_graph_communities) come from the multilevel method up
 * to this many nodes, and from the Leiden method (modularity objective,
 * fixed seed) above it: igraph 0.10.2's multilevel has no tolerance and
 * can take minutes on large graphs without clear communities. */
#define ENT_COMMUNITY_MULTILEVEL_MAX 20000

/* "auto", "exact", "sampled", "off". Return 0 and set *out, or -1. */
int ent_path_mode_parse(const char *name, ent_path_mode *out);

typedef struct ent_measure_opts {
	unsigned measures;         /* bit (1u << ent_measure) per measure; 0: all */
	ent_path_mode betweenness;
	ent_path_mode closeness;
	size_t sources;            /* sample size K; 0: ENT_PATH_SOURCES */
} ent_measure_opts;

/* Every measure, automatic path modes. */
void ent_measure_opts_init(ent_measure_opts *o);

/* Measures of every node. A sampled measure uses the same K sources
 * (drawn with a fixed seed) for betweenness and closeness, and is scaled
 * so that its expectation is the exact value; when K >= N it is exact.
 * Eigenvector centrality is computed in each connected component alone
 * (scaled to 1 at the component's top) and multiplied by the ratio of
 * the component's leading eigenvalue to the largest one, so the main
 * component's top entity scores 1 and a small component ranks below it;
 * isolated nodes score 0. On a connected graph it is igraph's scaled
 * eigenvector centrality. */
typedef struct ent_measures {
	size_t n;
	double *value[ENT_MEASURE_COUNT]; /* n values each, NULL if not computed */
	size_t sources[ENT_MEASURE_COUNT]; /* K when estimated, 0 when exact */
} ent_measures;

/* Compute the measures `o` asks for (NULL: all, automatic). Release with
 * ent_measures_release(); on failure nothing is left to release. */
ent_status ent_graph_measures(const ent_graph *g, const ent_measure_opts *o,
			      ent_measures *out, ent_error *err);
void ent_measures_release(ent_measures *m);

typedef enum ent_report_format {
	ENT_REPORT_TEXT,     /* aligned tables */
	ENT_REPORT_CSV,      /* RFC 4180: section,group,rank,name,type,value */
	ENT_REPORT_JSON,     /* one object */
	ENT_REPORT_MARKDOWN  /* headings and pipe tables */
} ent_report_format;

/* "text", "csv", "json", "markdown" (or "md"). Return 0 and set *out,
 * or -1. */
int ent_report_format_parse(const char *name, ent_report_format *out);

typedef struct ent_report_opts {
	ent_report_format format;
	size_t top;              /* rows per table, communities listed; 0: all */
	size_t members;          /* members shown per community; 0: all */
	ent_measure_opts measure; /* `measures` picks the tables shown */
} ent_report_opts;

/* Text, top 10, 5 members per community, every measure, automatic. */
void ent_report_opts_init(ent_report_opts *o);

/* Write the report of `g` to `out`: summary (nodes and edges by type and
 * relation, components, density, diameter of the largest component), the
 * top entities by each chosen measure, communities with their leading
 * members by PageRank, the innermost k-core and the articulation points
 * by betweenness. Output depends only on the graph and the options (ties
 * go by name). Betweenness is computed unless its mode is off, since it
 * ranks the brokers. ENT_ERR_OUTPUT when a write fails. */
ent_status ent_graph_report(const ent_graph *g, const ent_report_opts *o,
			    FILE *out, ent_error *err);

#ifdef __cplusplus
}
#endif
#endif
