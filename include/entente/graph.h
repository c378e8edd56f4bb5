/*
 * entente — the knowledge graph: entities as nodes, relations merged into
 * weighted edges that keep their evidence count, first evidence and the set
 * of years; built from a corpus or read from GraphML; analysed with igraph.
 */
#ifndef ENTENTE_GRAPH_H
#define ENTENTE_GRAPH_H

#include <stdio.h>
#include "common.h"
#include "extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ent_graph ent_graph;

/* A node. Strings are owned by the graph. `aliases` is "|"-joined. */
typedef struct ent_node {
	const char *name;
	const char *key;
	ent_type type;
	const char *aliases;
	long mentions;
} ent_node;

/* An edge: one (subject, relation, object) with all its evidence merged.
 * For symmetric relations from < to. `years` is a sorted ";"-joined list
 * ("" when no sentence gave a year). */
typedef struct ent_edge {
	size_t from;
	size_t to;
	ent_rel rel;
	long weight;      /* number of evidence sentences */
	long hedged;      /* how many of them are hedged (ENT_RELF_HEDGED):
			   * intentions or proposals; 0 <= hedged <= weight */
	const char *years;
	const char *doc;  /* first evidence */
	long line;
	const char *evidence;
	const char *rule;
	const char *more; /* the next evidence records, one per line, each
			   * "doc TAB line TAB rule TAB sentence"; "" or NULL
			   * when there are none */
} ent_edge;

/* Build the graph of a corpus: one node per entity, one edge per distinct
 * (subject, relation, object). Nodes are sorted by (type, name, key),
 * edges by (from, to, relation); each edge keeps the first
 * ENT_EVIDENCE_DEFAULT evidence records. Free with ent_graph_free(). NULL
 * on failure. */
ent_graph *ent_graph_from_corpus(const ent_corpus *c, ent_error *err);

/* A graph built piece by piece from documents or extraction shards, in
 * memory that follows the graph, not the corpus: per edge a count, the
 * hedged count, the set of years and the first `max_evidence` evidence
 * records, "first" meaning smallest by (doc, line, sentence, rule).
 * Entities merge by key (see ent_entity_set). Adding is commutative and
 * associative: any order and any split of the same relations give the
 * same graph, byte for byte. */
#define ENT_EVIDENCE_DEFAULT 1
typedef struct ent_graph_builder ent_graph_builder;
ent_graph_builder *ent_graph_builder_new(size_t max_evidence);
void ent_graph_builder_free(ent_graph_builder *b);
/* Merge a corpus (one document or many). */
void ent_graph_builder_add(ent_graph_builder *b, const ent_corpus *c);
/* Merge one entity; returns its index for ent_graph_builder_relation(). */
size_t ent_graph_builder_entity(ent_graph_builder *b, const ent_entity *e);
/* Merge one relation between entities returned above (r->subject and
 * r->object are ignored). */
void ent_graph_builder_relation(ent_graph_builder *b, size_t subject,
				size_t object, const ent_relation *r);
/* Count documents (for summaries); extraction shards declare theirs. */
void ent_graph_builder_count_document(ent_graph_builder *b);
size_t ent_graph_builder_documents(const ent_graph_builder *b);
size_t ent_graph_builder_relations(const ent_graph_builder *b);
/* Merge an extraction shard: the JSON Lines `entente extract` writes
 * ("-" is standard input). A malformed record is ENT_ERR_INPUT naming the
 * file and line; what was merged before it stays merged. */
ent_status ent_graph_builder_read_jsonl(ent_graph_builder *b, const char *path,
					ent_error *err);
/* The graph so far. The builder stays usable. NULL on failure. */
ent_graph *ent_graph_builder_graph(ent_graph_builder *b, ent_error *err);
/* The same, moving the evidence into the graph: the builder's entities
 * and edges are gone afterwards (its counts stay), which keeps the peak of
 * memory near one copy of the graph. */
ent_graph *ent_graph_builder_take(ent_graph_builder *b, ent_error *err);

/* Read a graph written by ent_graph_write_graphml(). Malformed files and
 * files without entente's attributes are rejected with ENT_ERR_INPUT;
 * files over ENT_GRAPHML_MAX_BYTES, or holding one text longer than
 * ENT_GRAPHML_MAX_TEXT (igraph 0.10.2 reads a long text in quadratic
 * time), with ENT_ERR_LIMIT. */
#define ENT_GRAPHML_MAX_BYTES (1024L * 1024 * 1024)
#define ENT_GRAPHML_MAX_TEXT (256L * 1024)
ent_graph *ent_graph_read_graphml(const char *path, ent_error *err);

/* Write GraphML with every node and edge attribute, atomically ("-" is
 * standard output). */
ent_status ent_graph_write_graphml(const ent_graph *g, const char *path,
				   ent_error *err);

void ent_graph_free(ent_graph *g);

size_t ent_graph_node_count(const ent_graph *g);
size_t ent_graph_edge_count(const ent_graph *g);

/* Borrowed views, valid while the graph lives. i must be in range. */
const ent_node *ent_graph_node(const ent_graph *g, size_t i);
const ent_edge *ent_graph_edge(const ent_graph *g, size_t i);

/* Find a node by name, alias or key, case-insensitively and ignoring
 * punctuation and a leading "the". Returns the index or -1. */
long ent_graph_find(const ent_graph *g, const char *name);

/* Up to `max` node indexes whose names are closest to `name` (edit
 * distance), best first; returns how many were written. */
size_t ent_graph_suggest(const ent_graph *g, const char *name, size_t *out,
			 size_t max);

/* Centrality of every node, computed on the undirected view of the graph.
 * Arrays have ent_graph_node_count() entries. */
typedef struct ent_centrality {
	size_t n;
	double *degree;      /* distinct neighbours */
	double *strength;    /* weighted degree: sum of evidence counts */
	double *pagerank;    /* damping 0.85, weights = evidence counts */
	double *betweenness; /* unweighted shortest paths */
} ent_centrality;

ent_status ent_graph_centrality(const ent_graph *g, ent_centrality *out,
				ent_error *err);
void ent_centrality_release(ent_centrality *c);

/* Write the centrality report: graph summary and the top `top` entities
 * by each measure, as an aligned text table. */
ent_status ent_graph_write_report(const ent_graph *g, size_t top, FILE *out,
				  ent_error *err);

/* A partner of a node: a neighbour linked by at least one actor-to-actor
 * relation (cooperates_with) or a shared joint action. */
typedef struct ent_partner {
	size_t node;
	unsigned rels;     /* bit (1u << ent_rel) for each relation seen */
	long evidence;     /* evidence sentences over all linking edges */
	size_t first_edge; /* edge whose evidence is shown */
} ent_partner;

/* Partners of node `i`, sorted by evidence count then name. The array is
 * malloc'ed and freed by the caller with free(). */
ent_status ent_graph_partners(const ent_graph *g, size_t i,
			      ent_partner **out, size_t *n, ent_error *err);

/* Which ends of an edge a node may be at: as subject (out), as object
 * (in) or either. Symmetric relations match every direction. */
typedef enum ent_direction {
	ENT_DIR_OUT = 1,
	ENT_DIR_IN = 2,
	ENT_DIR_BOTH = 3
} ent_direction;

/* The edges touching node `i` whose relation is in `rels` (bit (1u <<
 * ent_rel) per relation; 0 means all) and whose direction matches `dir`,
 * sorted by relation, direction (out, in, symmetric), the other end's name
 * and edge index. *edges is malloc'ed (free with free()), NULL when *n is
 * 0. O(d log d) for a node of degree d. */
ent_status ent_graph_relations(const ent_graph *g, size_t i, unsigned rels,
			       ent_direction dir, size_t **edges, size_t *n,
			       ent_error *err);

/* A path: `len` hops from nodes[0] to nodes[len]; hop k follows
 * edges[k] (the heaviest edge between the two nodes, lowest index on
 * ties). */
typedef struct ent_graph_path {
	size_t len;
	size_t *nodes; /* len + 1 entries */
	size_t *edges; /* len entries */
} ent_graph_path;

/* Up to `max` shortest paths from `a` to `b` on the undirected,
 * unweighted view, in a fixed order (at each step the next node by name,
 * then index). No path is not an error: *n is 0. *paths is malloc'ed;
 * free with ent_graph_paths_release(). O(N + E) for the search plus
 * O(max * len * degree) for the listing. */
ent_status ent_graph_paths(const ent_graph *g, size_t a, size_t b,
			   size_t max, ent_graph_path **paths, size_t *n,
			   ent_error *err);
void ent_graph_paths_release(ent_graph_path *paths, size_t n);

/* The nodes that both `a` and `b` are linked to by any relation (either
 * direction), `a` and `b` themselves excepted, sorted by type (schema
 * order), name and index. *nodes is malloc'ed (free with free()), NULL
 * when *n is 0. O(da + db + N). */
ent_status ent_graph_common(const ent_graph *g, size_t a, size_t b,
			    size_t **nodes, size_t *n, ent_error *err);

/* ---- diff: what changed between two graphs ---- */

typedef enum ent_change {
	ENT_CHANGE_ADDED,   /* in B only */
	ENT_CHANGE_REMOVED, /* in A only */
	ENT_CHANGE_WEIGHT   /* in both, with another mention or evidence count */
} ent_change;

/* One entity (matched by key) or relation (matched by subject key,
 * relation and object key; symmetric relations in either order) that
 * differs. Strings are borrowed from the graphs (B's when the item is in
 * B) and stay valid while both graphs live. */
typedef struct ent_diff_item {
	ent_change change;
	const char *key, *name; /* the entity, or the relation's subject */
	ent_type type;
	ent_rel rel;            /* relations only */
	const char *other_key, *other_name; /* the object; relations only */
	ent_type other_type;
	long before, after;     /* mentions (entities) or evidence count
				 * (relations) in A and in B; 0 when absent */
} ent_diff_item;

typedef struct ent_diff {
	ent_diff_item *entities; /* by change, type, name, key */
	size_t n_entities;
	ent_diff_item *relations; /* by change, subject, relation, object */
	size_t n_relations;
} ent_diff;

/* Compare graph `a` (before) with `b` (after). Edges of one graph with
 * the same subject key, relation and object key are summed. Release with
 * ent_diff_release(). O((N + E) log(N + E)). */
ent_status ent_graph_diff(const ent_graph *a, const ent_graph *b,
			  ent_diff *out, ent_error *err);
void ent_diff_release(ent_diff *d);

/* ---- views: the filters every graph command accepts ---- */

/* What a view keeps. Zero means "no filter" for every field. */
typedef struct ent_view {
	unsigned types;        /* bit (1u << ent_type) per type kept; 0 keeps all */
	unsigned rels;         /* bit (1u << ent_rel) per relation kept; 0 keeps all */
	int since, until;      /* keep edges with a year in [since, until]; with
				* either set, edges without a year are dropped */
	long min_weight;       /* keep edges with at least this evidence count */
	int asserted_only;     /* drop edges all of whose evidence is hedged */
	int project_countries; /* the country-country network weighted by the
				* agreements, organizations and events they share */
	const char *focus;     /* keep the ego network of this entity (any name) */
	size_t depth;          /* radius of the ego network; 0 means 1 */
	size_t top;            /* keep the N most central nodes (PageRank) */
} ent_view;

/* All filters off. */
void ent_view_init(ent_view *v);
/* Non-zero when the view keeps everything. */
int ent_view_is_identity(const ent_view *v);

/* A new graph holding what `v` keeps of `g`, in the same node order. An
 * unknown focus name is ENT_ERR_FAIL (with suggestions in the message).
 * Free with ent_graph_free(). */
ent_graph *ent_graph_view(const ent_graph *g, const ent_view *v, ent_error *err);

/* ---- communities ---- */

typedef struct ent_communities {
	size_t n;            /* nodes */
	size_t *membership;  /* community of each node, 0..count-1, largest first */
	size_t count;
	double modularity;
} ent_communities;

/* Communities of the undirected, evidence-weighted graph (multilevel
 * modularity up to 20,000 nodes, Leiden above, where igraph 0.10.2's
 * multilevel has no stopping tolerance; fixed seed: the same graph always
 * gives the same answer). */
ent_status ent_graph_communities(const ent_graph *g, ent_communities *out,
				 ent_error *err);
void ent_communities_release(ent_communities *c);

/* ---- exports: the graph in the formats other tools read ---- */

typedef enum ent_export_format {
	ENT_EXPORT_GRAPHML,  /* ent_graph_write_graphml() */
	ENT_EXPORT_GEXF,     /* GEXF 1.3 (Gephi) */
	ENT_EXPORT_JSON,     /* node-link JSON, as networkx's node_link_graph reads */
	ENT_EXPORT_CSV,      /* a folder: nodes.csv and edges.csv (RFC 4180) */
	ENT_EXPORT_NTRIPLES, /* RDF 1.1 N-Triples, evidence reified */
	ENT_EXPORT_TURTLE,   /* RDF 1.1 Turtle, the same triples */
	ENT_EXPORT_COUNT
} ent_export_format;

typedef struct ent_export_options {
	ent_export_format format;
	/* RDF: the IRI every minted name starts with (entities BASE"entity/",
	 * relations BASE"relation/", terms BASE"vocab/"); NULL means
	 * ENT_EXPORT_DEFAULT_BASE. Must end in '/', '#' or ':'. */
	const char *base;
} ent_export_options;

#define ENT_EXPORT_DEFAULT_BASE "urn:entente:"

/* Parse a format name: graphml, gexf, json, csv, nt (ntriples), ttl
 * (turtle), case-insensitively. Return 0 and set *out, or -1. */
int ent_export_format_parse(const char *name, ent_export_format *out);
/* The format's short name ("gexf"); a static string. */
const char *ent_export_format_name(ent_export_format f);
/* The format a file name's suffix implies (".gexf", ".json", ".nt",
 * ".ttl", ".graphml"). Return 0 and set *out, or -1. */
int ent_export_format_for(const char *path, ent_export_format *out);

/* Write `g` to `path` in the chosen format. Every file goes to a temporary
 * file renamed into place; "-" is standard output, except for CSV, whose
 * `path` is a folder (created when missing) that receives nodes.csv and
 * edges.csv. Text that no consumer would accept (control characters in
 * XML and CSV, invalid UTF-8 anywhere) is replaced, never passed on. Errors
 * name the file: ENT_ERR_OUTPUT when it cannot be written, ENT_ERR_USAGE
 * for CSV to standard output or a bad base IRI. */
ent_status ent_graph_export(const ent_graph *g, const ent_export_options *opt,
			    const char *path, ent_error *err);

#ifdef __cplusplus
}
#endif
#endif
