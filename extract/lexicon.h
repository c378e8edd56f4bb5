/*
 * Phrase tables and the lexicons built on them: gazetteers of named things
 * (countries, organizations, places, well-known agreements) and the word
 * lists that drive recognition and relation rules. All are data tables
 * (data/ *.tsv, compiled in), never scattered string comparisons.
 */
#ifndef ENT_LEXICON_H
#define ENT_LEXICON_H

#include <stddef.h>
#include <string.h>

#include "entente/common.h"
#include "text.h"
#include "util.h"

/* Words to numbers. Phrase tables never compare strings while a document
 * is read: every word a table uses has an id in the extractor's
 * vocabulary, each token of a document is given the ids of its key
 * (exact and case-folded) once, and a table is a trie over ids. */
/* A vocabulary is its own open-addressing table rather than an ent_map:
 * every token of every document is looked up, and most are short. A key
 * of up to ENT_VOCAB_SHORT bytes is held in its slot as two words (a, b)
 * that, with its length, are its bytes (ent_vocab_key()), so it is
 * compared by two word comparisons and never stored. A longer key is held
 * by its ent_hash() (a) and where its bytes are in long_keys (b), and
 * compared by memcmp() when the hashes match. */
#define ENT_VOCAB_SHORT 16

typedef struct ent_vocab_slot {
	uint64_t a, b; /* the key */
	size_t len;    /* of the key */
	uint32_t id;   /* 0 in an empty slot */
} ent_vocab_slot;

typedef struct ent_vocab {
	ent_vocab_slot *slots; /* open addressing, word key -> id (1..n) */
	size_t cap;            /* power of two, or 0 */
	unsigned shift;        /* 64 - log2(cap): a hash's top bits index */
	size_t n;
	char *long_keys;       /* the bytes of keys longer than 16 */
	size_t long_len, long_cap;
} ent_vocab;

void ent_vocab_init(ent_vocab *v);
void ent_vocab_release(ent_vocab *v);
/* The id of key[0, n), created when new. */
uint32_t ent_vocab_intern(ent_vocab *v, const char *key, size_t n);
/* The id of key[0, n), or 0 when the vocabulary does not have it. */
uint32_t ent_vocab_find(const ent_vocab *v, const char *key, size_t n);

/* The (a, b) of a short key (up to ENT_VOCAB_SHORT bytes): up to 8 bytes
 * are a, as loaded from the key followed by zero bytes, and b = 0; 9 to 16
 * are the first eight (a) and the last eight (b), where the length says
 * which bytes both hold. Nothing outside key[0, n) is read. */
static inline void ent_vocab_key(const char *key, size_t n, uint64_t *a, uint64_t *b)
{
	unsigned char pad[8] = { 0 };

	if (n > 8) {
		memcpy(a, key, 8);
		memcpy(b, key + n - 8, 8);
		return;
	}
	memcpy(pad, key, n);
	memcpy(a, pad, 8);
	*b = 0;
}

/* The same where key[0, 8) may be read even when n < 8 (the key lies
 * inside a longer text): one load, the bytes past the key masked out.
 * Loading the mask from bytes makes it right in either byte order. */
static inline void ent_vocab_key_wide(const char *key, size_t n, uint64_t *a, uint64_t *b)
{
	static const unsigned char ones[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint64_t mask;

	memcpy(a, key, 8);
	if (n > 8) {
		memcpy(b, key + n - 8, 8);
		return;
	}
	memcpy(&mask, ones + 8 - n, 8); /* n bytes 0xff, then zeros */
	*a &= mask;
	*b = 0;
}

/* Where the probe for a key with these (a, b) (a long key: its hash, and
 * b = 0) starts: the top bits of a multiplicative hash, which every bit of
 * the key reaches. */
static inline size_t ent_vocab_home(const ent_vocab *v, uint64_t a, uint64_t b, size_t n)
{
	return (size_t)(((a ^ b ^ n) * 0x9e3779b97f4a7c15ULL) >> v->shift);
}

/* The id of the short key (a, b, n), or 0; the table has room. */
static inline uint32_t ent_vocab_probe(const ent_vocab *v, uint64_t a, uint64_t b, size_t n)
{
	const ent_vocab_slot *sl;
	size_t i = ent_vocab_home(v, a, b, n);

	while ((sl = &v->slots[i])->id) {
		if (sl->a == a && sl->b == b && sl->len == n)
			return sl->id;
		i = (i + 1) & (v->cap - 1);
	}
	return 0;
}

/* ent_vocab_find() for a key of 1 to ENT_VOCAB_SHORT bytes, inline: word
 * numbering asks it for every token. 0 also when the key is longer. */
static inline uint32_t ent_vocab_find_short(const ent_vocab *v, const char *key, size_t n)
{
	uint64_t a, b;

	if (n - 1 >= ENT_VOCAB_SHORT || !v->cap)
		return 0;
	ent_vocab_key(key, n, &a, &b);
	return ent_vocab_probe(v, a, b, n);
}

/* The same where key[0, 8) may be read even when n < 8. */
static inline uint32_t ent_vocab_find_wide(const ent_vocab *v, const char *key, size_t n)
{
	uint64_t a, b;

	if (n - 1 >= ENT_VOCAB_SHORT || !v->cap)
		return 0;
	ent_vocab_key_wide(key, n, &a, &b);
	return ent_vocab_probe(v, a, b, n);
}

/* Which of a token's ids a table reads (see ent_token). */
enum { ENT_IDS_EXACT, ENT_IDS_FOLD, ENT_IDS_DOC };

/* A phrase table maps token sequences to values: a trie whose edges are
 * (node, word id, space before the word) and whose nodes hold a value.
 * A phrase is the sequence of its tokens' keys (ent_token_key(), ASCII
 * lower-cased in a case-folded table), with the spaces the text had
 * between them; a longest-match walk stops at the first token no phrase
 * continues with. */
typedef struct ent_phrases {
	ent_vocab *vocab; /* where the words are numbered */
	ent_vocab own;    /* ... when the table numbers its own */
	unsigned ids;     /* ENT_IDS_*: the token id the table reads */
	size_t id_at;     /* ... its offset in ent_token */
	int fold;
	size_t max_tokens;
	uint64_t *edge;   /* open addressing: edge key, 0 when empty */
	uint32_t *child;  /* the node each edge leads to */
	size_t cap_edges, n_edges; /* cap_edges: a power of two */
	size_t *value;    /* per node: value + 1, or 0 for a prefix only */
	uint32_t *slot;   /* per node but the root: where its edge is in edge[] */
	size_t n_nodes, cap_nodes; /* node 0 is the root */
	/* One bit per word id: does a phrase open with it? Most tokens open
	 * none, and this small array says so without probing the edges. */
	uint64_t *opens;
	size_t n_opens;   /* in 64-bit words */
} ent_phrases;

/* A table with its own vocabulary (case-folded when fold). */
void ent_phrases_init(ent_phrases *p, int fold);
/* A table numbering its words in v, which outlives it; tokens are read by
 * their id kind `ids` (ENT_IDS_DOC: v is the document's). */
void ent_phrases_init_shared(ent_phrases *p, int fold, ent_vocab *v, unsigned ids);
void ent_phrases_release(ent_phrases *p);
/* Empty p, keeping its room for the next use: a table learned anew for
 * every document (the per-thread scratch keeps one) grows to the same
 * size each time. Its own vocabulary, if any, is emptied too. */
void ent_phrases_clear(ent_phrases *p);
/* The bytes of room p holds (what clearing keeps). */
size_t ent_phrases_room(const ent_phrases *p);
/* Add a phrase (given as text). A later value for the same phrase wins. */
void ent_phrases_add(ent_phrases *p, const char *phrase, size_t value);
/* Add tokens [a, b) of a numbered text as a phrase, without writing it out
 * and tokenizing it again: what ent_phrases_add() of their text would do.
 * Returns 0, having added nothing, where that is not certain (a token
 * beyond plain ASCII words and marks, an apostrophe, an over-long phrase):
 * the caller adds the text then. */
int ent_phrases_add_tokens(ent_phrases *p, const char *text, const ent_token *toks, size_t a,
			   size_t b, size_t value);

static inline uint64_t ent_phrases_edge_key(uint32_t node, uint32_t id, int space)
{
	return (uint64_t)node << 33 | (uint64_t)id << 1 | (uint64_t)(space != 0);
}

/* The node the edge (node, id, space) leads to, or 0 when none. */
static inline uint32_t ent_phrases_child(const ent_phrases *p, uint32_t node, uint32_t id,
					 int space)
{
	uint64_t k = ent_phrases_edge_key(node, id, space);
	size_t i, mask = p->cap_edges - 1;

	if (!id || !p->n_edges)
		return 0;
	for (i = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 32) & mask; p->edge[i]; i = (i + 1) & mask)
		if (p->edge[i] == k)
			return p->child[i];
	return 0;
}

/* The id a table reads from a token the document numbered: the field at
 * the table's offset (one load, no branch). */
static inline uint32_t ent_phrases_token_id(const ent_phrases *p, const ent_token *t)
{
	uint32_t id;

	memcpy(&id, (const char *)t + p->id_at, sizeof(id));
	return id;
}

/* May some phrase of p open with token t? 0 means no. Recognition asks it
 * for nearly every token and table: for a numbered token it is one probe. */
static inline int ent_phrases_may_open(const ent_phrases *p, const char *text,
				       const ent_token *t)
{
	(void)text;
	if (!(t->flags & ENT_TK_IDS))
		return 1;
	uint32_t id = ent_phrases_token_id(p, t);
	return id / 64 < p->n_opens && (p->opens[id / 64] >> (id % 64) & 1);
}

/* ent_phrases_match() past its first test. */
size_t ent_phrases_walk(const ent_phrases *p, const char *text, const ent_token *toks,
			size_t i, size_t n, size_t *value);

/* Longest phrase starting at token i of toks[0..n); returns its length in
 * tokens (0 when none) and sets *value. Tokens the document numbered are
 * walked by id; others (a phrase built in memory) are looked up by key.
 * Inline up to the test that nearly every token fails. */
static inline size_t ent_phrases_match(const ent_phrases *p, const char *text,
				       const ent_token *toks, size_t i, size_t n,
				       size_t *value)
{
	if (i >= n || !ent_phrases_may_open(p, text, &toks[i]))
		return 0;
	return ent_phrases_walk(p, text, toks, i, n, value);
}

/* One named thing of a gazetteer. */
typedef struct ent_gaz_entry {
	ent_type type;
	int region; /* a world region (key "region:..."), which may act */
	int shared_key; /* the key starts with "n:", as pattern records' do */
	char *key;
	char *name;
	/* the name's normal form, computed once at load for the registry,
	 * which indexes every entry it meets by it */
	char *norm;
	size_t norm_len;
	uint64_t norm_hash; /* ent_hash(norm, norm_len) */
	size_t same_norm;   /* the entry before with the same normal form, + 1;
			     * 0 if none */
} ent_gaz_entry;

typedef struct ent_gazetteer {
	ent_gaz_entry *entries;
	size_t n, cap;
	ent_phrases names;      /* names and aliases -> entry */
	ent_phrases adjectives; /* "Chinese", "Sino" -> entry */
	ent_map by_key;         /* key -> entry */
	ent_map by_norm;        /* normal form of a name -> the last entry with it */
} ent_gazetteer;

/* Tables numbering their words in v (NULL: their own), which outlives
 * them. */
void ent_gazetteer_init(ent_gazetteer *g, ent_vocab *v);
void ent_gazetteer_release(ent_gazetteer *g);
/* Load TSV rows (type, key, name, aliases, adjectives) from `src`;
 * `origin` names it in errors. Rows with a known key extend that entry. */
ent_status ent_gazetteer_load(ent_gazetteer *g, const char *src,
			      const char *origin, ent_error *err);

/* Trigger flags. */
enum {
	ENT_TRIG_JOINT = 1u << 8,   /* the subjects act together */
	ENT_TRIG_WITH = 1u << 9,    /* objects follow the trigger ("with") */
	ENT_TRIG_BETWEEN = 1u << 10,/* "cooperation between A and B" */
	ENT_TRIG_AID = 1u << 11,    /* one helps the other */
	ENT_TRIG_NOUN = 1u << 12,   /* a bare noun ("cooperation") */
	ENT_TRIG_ORG = 1u << 13,    /* only with an organization as object */
	ENT_TRIG_WEAK = 1u << 14    /* only with a matching object type */
};
#define ENT_TRIG_REL(v) ((ent_rel)((v) & 0xFF))

typedef struct ent_lexicon {
	ent_phrases heads;      /* capitalised head word -> ent_type */
	ent_phrases lheads;     /* lower-case head after a name -> ent_type */
	ent_phrases appos;      /* head noun of an appositive -> ent_type */
	ent_phrases connectors; /* lower-case words inside names */
	ent_phrases segments;   /* connectors that end a name's first segment */
	ent_phrases titles;     /* person titles */
	ent_phrases ordinals;
	ent_phrases triggers;   /* case-folded: rel | flags */
	ent_phrases hedges;     /* case-folded */
	ent_phrases negations;  /* case-folded */
	ent_map generic;        /* normalized phrase -> 1 */
	size_t generic_max;     /* ... the length of the longest */
	ent_map stopinit;       /* sentence-initial words that start no name */
} ent_lexicon;

/* Tables numbering their words in v (NULL: each its own). */
void ent_lexicon_init(ent_lexicon *lx, ent_vocab *v);
void ent_lexicon_release(ent_lexicon *lx);
/* Load "kind <TAB> phrase <TAB> value" rows. */
ent_status ent_lexicon_load(ent_lexicon *lx, const char *src,
			    const char *origin, ent_error *err);

/* The built-in tables, compiled from data/ *.tsv. */
extern const char ent_data_countries[];
extern const char ent_data_organizations[];
extern const char ent_data_places[];
extern const char ent_data_named[];
extern const char ent_data_lexicon[];

#endif
