/*
 * entente — extraction: documents in, entities and relations with evidence
 * out. Each document is read on its own (ent_extract_document), against
 * tables the extractor only reads, so documents can be extracted on any
 * thread or machine; results merge by entity key (ent_entity_set), in any
 * order, to the same corpus. An ent_extractor can also accumulate
 * documents into one ent_corpus for callers that want it whole.
 */
#ifndef ENTENTE_EXTRACT_H
#define ENTENTE_EXTRACT_H

#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a relation was read. Strings are owned by the corpus. */
typedef struct ent_evidence {
	const char *doc;      /* document name as given on the command line */
	long line;            /* 1-based line of the sentence's first character */
	const char *sentence; /* the sentence, whitespace folded */
	const char *rule;     /* name of the rule that produced the relation */
} ent_evidence;

/* An entity. `name` is the canonical (fullest) name; `key` is stable across
 * documents and runs (ISO 3166-1 alpha-3 for countries, "type:normalized
 * name" otherwise) so that graphs built separately merge. */
typedef struct ent_entity {
	ent_type type;
	const char *name;
	const char *key;
	const char *const *aliases; /* other surface forms seen, sorted */
	size_t n_aliases;
	size_t mentions;
} ent_entity;

/* Relation flags. */
#define ENT_RELF_HEDGED 0x1u   /* stated as intention or proposal */
#define ENT_RELF_RESOLVED 0x2u /* an argument came from an implicit subject */

/* A relation between two entities of the corpus (indexes into
 * ent_corpus.entities). For symmetric relations subject < object. */
typedef struct ent_relation {
	size_t subject;
	size_t object;
	ent_rel rel;
	int year; /* 0 when the text gives none */
	unsigned flags;
	ent_evidence ev;
} ent_relation;

/* The result of extraction. Entities are sorted by (type, name); relations
 * by document order. Owned by the extractor. */
typedef struct ent_corpus {
	const ent_entity *entities;
	size_t n_entities;
	const ent_relation *relations;
	size_t n_relations;
	size_t n_documents;
} ent_corpus;

typedef struct ent_extractor ent_extractor;

/* A new extractor with the built-in gazetteers. Free with
 * ent_extractor_free(). Aborts only when out of memory. */
ent_extractor *ent_extractor_new(void);
void ent_extractor_free(ent_extractor *ex);

/* Add entries from a user gazetteer file (TSV, see data/README). */
ent_status ent_extractor_load_gazetteer(ent_extractor *ex, const char *path,
					ent_error *err);

/* What one document may cost. A document over max_bytes is refused
 * (ENT_ERR_LIMIT); a longer sentence, or a longer list of names on one
 * side of a relation, is cut, and the document counts the cuts so that
 * nothing is lost silently (a sentence naming 1,000 countries does not
 * make 500,000 relations). */
typedef struct ent_limits {
	size_t max_bytes;          /* default 256 MiB */
	size_t max_sentence_words; /* tokens read per sentence; default 2,000 */
	size_t max_list;           /* names per side of one relation; default
				    * 32, at most ENT_MAX_LIST */
} ent_limits;
#define ENT_MAX_LIST 256
void ent_limits_default(ent_limits *l);
/* Set the extractor's limits (values of 0 keep the default; max_list is
 * capped at ENT_MAX_LIST). */
void ent_extractor_set_limits(ent_extractor *ex, const ent_limits *l);

/* One document's extraction: the entities it names (sorted by type, name
 * and key) and its relations (in text order, indexing those entities),
 * with counts for progress and statistics. Free with ent_document_free(). */
typedef struct ent_document {
	const char *name;   /* as given; evidence points to it */
	size_t bytes;       /* input bytes */
	size_t sentences;
	size_t words;
	ent_corpus corpus;  /* n_documents is 1 */
	/* what the limits cut, and the line of the first cut (0 if none) */
	size_t cut_sentences;
	long cut_sentence_line;
	size_t cut_lists;
	long cut_list_line;
} ent_document;

/* Extract one document held in memory into *out. Reads `ex` only, so any
 * number of threads may call it at once on one extractor (once its
 * gazetteers are loaded). Errors as for ent_extractor_add_text(). */
ent_status ent_extract_document(const ent_extractor *ex, const char *name,
				const char *data, size_t len, ent_document **out,
				ent_error *err);
/* The same for a file ("-" is standard input, named "(stdin)"). */
ent_status ent_extract_file(const ent_extractor *ex, const char *path,
			    ent_document **out, ent_error *err);
void ent_document_free(ent_document *d);

/* Add an extracted document to the extractor's corpus (which takes it
 * over). */
void ent_extractor_add_document(ent_extractor *ex, ent_document *d);

/* Entities merged across documents by key. Merging is commutative and
 * associative: the type and the name are those with most weight (mentions
 * + 1 per document) across the parts, ties to the lower type and the
 * longer, then smaller, name; aliases are the union of every form seen;
 * mentions add up. */
typedef struct ent_entity_set ent_entity_set;
ent_entity_set *ent_entity_set_new(void);
void ent_entity_set_free(ent_entity_set *s);
/* Merge `e` in; returns its index in the set (stable, in order of first
 * addition). */
size_t ent_entity_set_add(ent_entity_set *s, const ent_entity *e);
size_t ent_entity_set_size(const ent_entity_set *s);
/* Index of `key`, or SIZE_MAX. */
size_t ent_entity_set_find(const ent_entity_set *s, const char *key);
/* The merged entity at index i; valid until the next add or free. */
const ent_entity *ent_entity_set_get(ent_entity_set *s, size_t i);

/* Extract one document held in memory. `doc` names it in evidence. The text
 * is sanitized (BOM, CR, NUL, invalid UTF-8) first; binary data is
 * rejected with ENT_ERR_INPUT. HTML and XML are recognised by content. */
ent_status ent_extractor_add_text(ent_extractor *ex, const char *doc,
				  const char *data, size_t len, ent_error *err);

/* Read and extract one file ("-" is standard input). */
ent_status ent_extractor_add_file(ent_extractor *ex, const char *path,
				  ent_error *err);

/* The corpus so far, with entities resolved and canonical names chosen.
 * Valid until the next add or free. */
const ent_corpus *ent_extractor_corpus(ent_extractor *ex);

/* Expand command-line operands into a sorted list of document paths:
 * files as given, directories recursively (files ending in .txt, .text,
 * .md, .html, .htm, .xhtml, .xml), "-" as is, and "@LIST" as the paths
 * listed in LIST (one per line, relative to its folder, '#' comments). A missing operand or a
 * directory holding no document is an ENT_ERR_INPUT. The list and its
 * strings are freed with ent_paths_free(). */
ent_status ent_paths_expand(const char *const *operands, size_t n,
			    char ***paths, size_t *n_paths, ent_error *err);
void ent_paths_free(char **paths, size_t n);

/* Output formats of `entente extract`. */
typedef enum ent_extract_format {
	ENT_EXTRACT_JSONL,
	ENT_EXTRACT_TSV,
	ENT_EXTRACT_ENTITIES, /* an aligned table of entities only, for a look */
	ENT_EXTRACT_EXPLAIN   /* each relation with the rule that made it */
} ent_extract_format;

/* A writer that streams documents as they are extracted: for each
 * document a "document" record, the entities it names and its relations.
 * Entity ids (e1, e2, ...) are given in order of first appearance and are
 * stable through the stream; an entity is listed again, with that
 * document's name, aliases and mentions, by every document naming it.
 * JSONL, TSV and EXPLAIN; ENTITIES needs the whole corpus. */
typedef struct ent_stream ent_stream;
ent_stream *ent_stream_new(FILE *out, ent_extract_format fmt);
ent_status ent_stream_write(ent_stream *s, const ent_document *d, ent_error *err);
/* The same in two steps, so that the work can be shared out: render a
 * document's records (on any thread; reads only `d`), then write them in
 * stream order, where entity ids are filled in. */
typedef struct ent_rendered ent_rendered;
ent_rendered *ent_stream_render(const ent_document *d, ent_extract_format fmt);
ent_status ent_stream_write_rendered(ent_stream *s, const ent_document *d,
				     const ent_rendered *r, ent_error *err);
void ent_rendered_free(ent_rendered *r);
/* Write what closes the stream (the EXPLAIN total) and flush. */
ent_status ent_stream_finish(ent_stream *s, ent_error *err);
void ent_stream_free(ent_stream *s);

/* Write the corpus: entities first (ids e1..eN in corpus order), then
 * relations. Returns ENT_ERR_OUTPUT on a write error. */
ent_status ent_corpus_write(const ent_corpus *c, ent_extract_format fmt,
			    FILE *out, ent_error *err);

#ifdef __cplusplus
}
#endif
#endif
