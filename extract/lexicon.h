/*
 * Phrase tables and the lexicons built on them: gazetteers of named things
 * (countries, organizations, places, well-known agreements) and the word
 * lists that drive recognition and relation rules. All are data tables
 * (data/ *.tsv, compiled in), never scattered string comparisons.
 */
#ifndef ENT_LEXICON_H
#define ENT_LEXICON_H

#include "entente/common.h"
#include "text.h"
#include "util.h"

/* A phrase table maps token sequences to values. Keys are built from
 * tokens with ent_token_key() and single spaces where the text had space;
 * every proper prefix is stored too, so a longest-match scan stops as soon
 * as no longer phrase can match. Case-folded tables lower-case ASCII. */
#define ENT_PHRASE_FIRST_BITS 8192
typedef struct ent_phrases {
	ent_map map;  /* key -> value + 1, or 0 for a prefix only */
	size_t max_tokens;
	int fold;
	/* A filter on the first word: one bit per (first byte, last byte,
	 * length) of the first words stored, hashed. Most tokens open no
	 * phrase, and this says so without building a key or probing. */
	uint64_t first[ENT_PHRASE_FIRST_BITS / 64];
} ent_phrases;

/* The first-word filter's bit for the key w[0, n) (n > 0): its first two
 * and last two bytes, hashed. */
static inline uint32_t ent_phrases_first_bit(const unsigned char *w, size_t n)
{
	uint32_t x = (uint32_t)w[0] | (uint32_t)w[n > 1] << 8 |
		     (uint32_t)w[n > 1 ? n - 2 : 0] << 16 | (uint32_t)w[n - 1] << 24;

	return (x * 2654435761u) >> (32 - 13);
}

/* May some phrase of p open with token t? 0 means no; 1 means maybe. The
 * key of a token maps ASCII bytes to themselves (folded), so when the
 * four bytes the filter reads are ASCII they are the key's own and the
 * filter answers; otherwise the map decides. Inline: recognition asks it
 * for nearly every token and table. */
static inline int ent_phrases_may_open(const ent_phrases *p, const char *text,
				       const ent_token *t)
{
	const unsigned char *s = (const unsigned char *)text + t->start;
	size_t n = t->len;

	if (n == 0)
		return 1;
	uint32_t x = (uint32_t)s[0] | (uint32_t)s[n > 1] << 8 |
		     (uint32_t)s[n > 1 ? n - 2 : 0] << 16 | (uint32_t)s[n - 1] << 24;
	if (x & 0x80808080u)
		return 1;
	if (p->fold) /* A-Z to a-z in all four bytes at once */
		x |= (((x + 0x3F3F3F3Fu) & ~(x + 0x25252525u)) & 0x80808080u) >> 2;
	uint32_t bit = (x * 2654435761u) >> (32 - 13);
	return (p->first[bit / 64] >> (bit % 64)) & 1;
}

void ent_phrases_init(ent_phrases *p, int fold);
void ent_phrases_release(ent_phrases *p);
/* Add a phrase (given as text). A later value for the same phrase wins. */
void ent_phrases_add(ent_phrases *p, const char *phrase, size_t value);
/* Longest phrase starting at token i of toks[0..n); returns its length in
 * tokens (0 when none) and sets *value. */
size_t ent_phrases_match(const ent_phrases *p, const char *text,
			 const ent_token *toks, size_t i, size_t n,
			 size_t *value);

/* One named thing of a gazetteer. */
typedef struct ent_gaz_entry {
	ent_type type;
	int region; /* a world region (key "region:..."), which may act */
	char *key;
	char *name;
} ent_gaz_entry;

typedef struct ent_gazetteer {
	ent_gaz_entry *entries;
	size_t n, cap;
	ent_phrases names;      /* names and aliases -> entry */
	ent_phrases adjectives; /* "Chinese", "Sino" -> entry */
	ent_map by_key;         /* key -> entry */
} ent_gazetteer;

void ent_gazetteer_init(ent_gazetteer *g);
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
	ent_map stopinit;       /* sentence-initial words that start no name */
} ent_lexicon;

void ent_lexicon_init(ent_lexicon *lx);
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
