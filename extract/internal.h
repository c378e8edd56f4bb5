/*
 * Internals of the extractor shared by its parts: the entity registry
 * (registry.c), recognition of mentions (recognize.c), relation rules
 * (relate.c) and the document driver (extractor.c).
 */
#ifndef ENT_EXTRACT_INTERNAL_H
#define ENT_EXTRACT_INTERNAL_H

#include "entente/extract.h"
#include "lexicon.h"
#include "text.h"
#include "util.h"

/* An entity as the registry knows it while documents are added. Its
 * strings and its list of surfaces live in the working state's chunks
 * (a gazetteer record's key and name are the gazetteer's own), valid
 * until ent_reg_release(). */
typedef struct ent_rec {
	const char *key;    /* gazetteer key, or "n:" + normalized name */
	const char *name;   /* canonical name */
	const char *norm;   /* pattern record: the name's normal form */
	long gaz;           /* gazetteer entry, or -1 */
	unsigned votes[ENT_TYPE_COUNT];
	ent_type type;      /* the type the votes (or the gazetteer) give */
	int actor;          /* ent_reg_actor(), kept with the type */
	size_t mentions;    /* mentions by name (not by adjective) */
	const char **surfaces; /* distinct surface forms, in order seen */
	size_t n_surfaces, cap_surfaces;
	size_t parent;      /* union-find: the entity this one merged into */
} ent_rec;

/* registry.c: a chunk of the records' strings and lists. */
typedef struct ent_reg_chunk ent_reg_chunk;

/* Kinds of mention. */
enum {
	ENT_MK_NAME,      /* the entity named */
	ENT_MK_ADJ,       /* an adjective or combining form: "Chinese", "Sino-" */
	ENT_MK_REF        /* a reference: "the summit", "the Chinese side" */
};

#define ENT_MAX_PARTIES 6

typedef struct ent_mention {
	size_t a, b;      /* token range [a, b) */
	size_t ent;       /* registry index */
	ent_type type;
	unsigned kind;
	size_t owner;     /* organization or event named inside, or SIZE_MAX */
	size_t parties[ENT_MAX_PARTIES]; /* actors of a pair name */
	unsigned n_parties;
	size_t place1;    /* a city named inside an event's name, + 1; 0 if none */
} ent_mention;

/* A relation as recorded, before the corpus is finalized. */
typedef struct ent_rawrel {
	size_t s, o;
	ent_rel rel;
	int year;
	unsigned flags;
	long line;
	size_t sentence; /* index into the sentence pool */
	const char *rule;
} ent_rawrel;

/* Numbered words (words.c): the texts of tokens, and their keys where
 * those differ (curly quotes, dashes), with their ids in the extractor's
 * vocabulary. A cache, reused from one document to the next. */
/* What the cache knows of one word, together: numbering a token reads
 * one of these (one cache line) rather than an entry in each of four
 * arrays. */
typedef struct ent_word_ids {
	uint32_t kid;      /* the id of its key (itself when equal); 0 until set */
	uint32_t gid, fid; /* its key's ids in the extractor's vocabulary */
	uint32_t lower;    /* the last document that had it in lower case */
} ent_word_ids;

typedef struct ent_words {
	ent_vocab v;
	ent_word_ids *word; /* by word id; a word's ids are set when kid is */
	size_t cap;
	uint32_t stamp;     /* the current document */
} ent_words;

/* A word cache of its own (free with ent_words_free()); a scratch
 * (scratch.c) keeps one per thread at work. */
ent_words *ent_words_new(void);
void ent_words_free(ent_words *w);
/* A new document: clears what is the document's own (and empties a cache
 * grown too big). The scratch calls it for each document. */
void ent_words_begin(ent_words *w);
/* Set the ids of toks[0, n) (ENT_TK_IDS); `tables` is the extractor's
 * vocabulary. Returns how many of the tokens are words (ENT_TK_WORD). */
size_t ent_words_number(ent_words *w, const ent_vocab *tables, const char *text,
			ent_token *toks, size_t n);
/* The same where text[0, readable) may be read, past the tokens' own
 * bytes (the whole text of a document, numbered a sentence at a time). */
size_t ent_words_number_in(ent_words *w, const ent_vocab *tables, const char *text,
			   size_t readable, ent_token *toks, size_t n);
/* Did the current document write s[0, n) as a lower-case token? */
int ent_words_seen_lower(const ent_words *w, const char *s, size_t n);

/* A relation as the per-document set of recorded relations holds it.
 * rel is stored + 1, so that a slot whose rel1 is 0 (an all-zero one) is
 * empty. */
struct ent_relkey {
	size_t s, subj, obj;
	unsigned rel1;
};

/* extractor.c: a record as the document lists it, for sorting. */
struct ent_visible {
	ent_type type;
	const char *name;
	const char *key;
	size_t rec;
};

/* The working state of one document: its own registry, the names it
 * taught (acronyms), its relations. Each document is read on its own, so
 * that documents can be extracted in any order, on any thread, on any
 * machine, and merge to the same result. The tables are shared and only
 * read. Its arrays live in a scratch (scratch.c) and keep their room,
 * emptied, for the thread's next document. */
typedef struct ent_ws {
	const ent_vocab *vocab; /* the tables' words */
	const ent_gazetteer *gaz;
	const ent_lexicon *lex;
	const ent_limits *limits;
	size_t cut_lists;     /* lists cut to limits->max_list */
	long cut_list_line;   /* where the first was */
	ent_words *words;     /* the word cache the document uses */
	ent_phrases learned;  /* names and acronyms learned from the text (by word) */
	ent_rec *recs;
	size_t n_recs, cap_recs;
	size_t *gaz_rec;      /* gazetteer entry -> its record + 1, 0 if none yet */
	size_t n_gaz_rec;     /* its entries, once a document made it */
	ent_map by_norm;      /* normalized surface -> record */
	ent_rawrel *rels;
	size_t n_rels, cap_rels;
	struct ent_relkey *rel_seen; /* relations recorded, per sentence: a set */
	size_t rel_seen_cap, rel_seen_len;
	ent_buf pool;         /* the sentences relations cite, one after another */
	size_t *sentences;    /* where each begins in the pool */
	size_t n_sentences, cap_sentences;
	char *norm;           /* registry.c: room for a normal form */
	size_t cap_norm;
	uint64_t norm_filter[16]; /* registry.c: bit (hash >> 32) % 1024 of each
				  * normal form that names a record (reg_lookup) */
	ent_reg_chunk *chunks; /* registry.c: the records' strings, freed together */
	char *room;           /* free space in the newest chunk */
	size_t room_left;
	/* extractor.c: per record, while the document's result is made */
	struct ent_visible *vis;
	size_t cap_vis;
	size_t *rank;
	size_t cap_rank;
	unsigned char *used;
	size_t cap_used;
} ent_ws;

/* The extractor: the tables, read by every document, and the corpus that
 * ent_extractor_add_text() accumulates for callers that want it whole. */
struct ent_extractor {
	ent_vocab vocab;        /* every word the tables use */
	struct ent_scratch_pool *scratch; /* one scratch per thread at work */
	ent_gazetteer gaz;
	ent_lexicon lex;
	ent_limits limits;
	ent_entity_set *set;    /* the corpus entities, merged by key */
	ent_document **docs;    /* the documents added, in order */
	size_t **set_index;     /* per document: entity -> index in `set` */
	size_t n_docs, cap_docs, cap_index;
	/* the corpus, rebuilt when dirty */
	int dirty;
	ent_corpus corpus;
	ent_entity *ents;
	ent_relation *orels;
	size_t *rank;           /* set index -> corpus index */
};

/* One document being processed. */
typedef struct ent_doc {
	const char *name;
	const char *text;
	ent_token *toks;
	size_t n_toks, cap_toks;
	ent_sentence *sents;
	size_t n_sents;
	size_t *sent_tok;       /* first token of each sentence; n_sents + 1 */
	size_t *para;           /* first sentence of each sentence's paragraph */
	size_t cap_sent_index;  /* room of sent_tok, para and sent_ment */
	ent_mention *ments;
	size_t n_ments, cap_ments;
	size_t *sent_ment;      /* first mention of each sentence; n_sents + 1 */
	size_t *counts;         /* name mentions per record in this document */
	size_t n_counts;        /* entries of counts, all zero when it begins */
	size_t actor;           /* the document's main actor, or SIZE_MAX */
	ent_map last_head;      /* lower-case head word -> last entity so named */
	size_t sentence_id;     /* pool index of the current sentence, or SIZE_MAX */
	size_t cur_sent;        /* the sentence being recognized */
	size_t title;           /* the agreement the document is, or SIZE_MAX */
	size_t pair[2];         /* the last two actors named together */
	int has_pair;
	size_t pair_sent;       /* the sentence that named them */
} ent_doc;

/* What a thread keeps from one document to the next (scratch.c): the word
 * cache, and the working state and document whose arrays keep their room.
 * A document of ordinary size then allocates next to nothing; an array
 * that grew very large for one document is freed after it. Nothing of a
 * document's content is kept: the next one begins empty. */
typedef struct ent_scratch {
	ent_words *words;
	ent_ws ws;
	ent_doc doc;
} ent_scratch;

typedef struct ent_scratch_pool ent_scratch_pool;
ent_scratch_pool *ent_scratch_pool_new(void);
void ent_scratch_pool_free(ent_scratch_pool *p);
/* A scratch for one document (from the pool, or new), its working state
 * and document begun empty for the extractor's tables; give it back with
 * ent_scratch_give() after the document. */
ent_scratch *ent_scratch_take(ent_scratch_pool *p, const ent_extractor *ex);
/* Ends the document (frees what was its own, empties the rest) and puts
 * the scratch back in the pool. */
void ent_scratch_give(ent_scratch_pool *p, ent_scratch *sc);

/* markup.c: HTML and XML to text; markdown.c: Markdown to plain text. */
typedef enum ent_markup {
	ENT_MARKUP_NONE, ENT_MARKUP_HTML, ENT_MARKUP_XML, ENT_MARKUP_MARKDOWN
} ent_markup;
/* Set libxml2 up for every thread (idempotent); the extractor calls it
 * on the thread that creates it. */
void ent_markup_init(void);
/* What the document is, judged by its first bytes. */
ent_markup ent_markup_sniff(const char *data, size_t len);
/* Its text (malloc'ed), blocks separated by blank lines. Malformed XML is
 * ENT_ERR_INPUT with the line; HTML is recovered. */
ent_status ent_markup_text(const char *doc, const char *data, size_t len, ent_markup kind,
			   char **text, size_t *text_len, ent_error *err);
/* Does the text use Markdown syntax (headings, links, emphasis)? */
int ent_markdown_sniff(const char *data, size_t len);
/* Its text (malloc'ed), markup removed, every line where it was. */
ent_status ent_markdown_text(const char *data, size_t len, char **text, size_t *text_len);

/* registry.c */
/* The record r merged into (r itself when it stands alone). */
size_t ent_reg_root(ent_ws *ex, size_t r);
/* Most records stand alone: their own root, asked inline. */
static inline size_t ent_reg_find(ent_ws *ex, size_t r)
{
	return ex->recs[r].parent == r ? r : ent_reg_root(ex, r);
}
/* The record for a gazetteer entry (created on first use). */
size_t ent_reg_gazetteer_first(ent_ws *ex, size_t entry);
/* Asked ~250k times on c5b, mostly for entries the document met before:
 * that answer is inline (see ent_reg_gazetteer_first for the rest). */
static inline size_t ent_reg_gazetteer(ent_ws *ex, size_t entry)
{
	if (ex->gaz_rec && ex->gaz_rec[entry] && !ex->gaz->entries[entry].shared_key)
		return ent_reg_find(ex, ex->gaz_rec[entry] - 1);
	return ent_reg_gazetteer_first(ex, entry);
}
/* The record for a pattern name of the given type (created on first use,
 * looked up by normalized name). */
size_t ent_reg_name(ent_ws *ex, const char *surface, ent_type type);
void ent_reg_surface(ent_ws *ex, size_t r, const char *surface);
/* The same, but the form never becomes the canonical name. */
void ent_reg_alias(ent_ws *ex, size_t r, const char *surface);
void ent_reg_vote(ent_ws *ex, size_t r, ent_type type);
/* The record's type: its gazetteer entry's, or the one most of its
 * mentions voted for (the first in schema order on a tie). Asked far
 * more often than votes change, so the registry keeps it current. */
static inline ent_type ent_reg_type(const ent_ws *ex, size_t r)
{
	return ex->recs[r].type;
}
/* Can the entity act (sign, host, cooperate)? Countries, organizations,
 * persons and world regions can; cities and provinces cannot. */
static inline int ent_reg_actor(const ent_ws *ex, size_t r)
{
	return ex->recs[r].actor;
}
void ent_reg_merge(ent_ws *ex, size_t from, size_t into);
void ent_reg_resolve(ent_ws *ex);
void ent_reg_release(ent_ws *ex);

/* recognize.c: find the mentions of sentence s of the document. */
void ent_recognize(ent_ws *ex, ent_doc *d, size_t s);
/* recognize.c: the type a head word gives tokens [a, *b) (-1 if none);
 * may shorten *b where the span runs on past the name. */
int ent_span_type(const ent_ws *ex, const ent_doc *d, size_t a, size_t *b);

/* acronym.c: after mention m, "(ACR)" is learned; returns tokens used. */
size_t ent_learn_acronym(ent_ws *ex, ent_doc *d, const ent_mention *m, size_t end);

/* references.c */
void ent_note_head(ent_ws *ex, ent_doc *d, const ent_mention *m);
size_t ent_reference_at(ent_ws *ex, ent_doc *d, size_t i, size_t end);
size_t ent_self_reference(ent_ws *ex, ent_doc *d, size_t i, size_t end);
int ent_pair_reference(const ent_doc *d, size_t i, size_t end);
void ent_note_pair(ent_ws *ex, ent_doc *d, size_t from);
int ent_acting_noun(const ent_doc *d, size_t i, size_t end);

/* relate.c: relations of sentence s from its mentions. */
void ent_relate(ent_ws *ex, ent_doc *d, size_t s);
/* relate.c: relations the document states about itself (signature
 * blocks), after every sentence was related. */
void ent_relate_document(ent_ws *ex, ent_doc *d);

/* extractor.c: a list of names in sentence s was cut to the limit. */
void ent_note_cut_list(ent_ws *ex, const ent_doc *d, size_t s);

/* extractor.c: record a relation found in sentence s. */
void ent_add_relation(ent_ws *ex, ent_doc *d, size_t s, size_t subj,
		      ent_rel rel, size_t obj, int year, unsigned flags,
		      const char *rule);

/* Text of tokens [a, b) of the document, spaces as in the text, into b. */
void ent_doc_span(const ent_doc *d, size_t a, size_t b, ent_buf *out);

#endif
