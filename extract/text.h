/*
 * Text layer of extraction: sanitizing raw bytes into clean UTF-8, splitting
 * it into sentences that remember their line, and tokens with offsets.
 */
#ifndef ENT_TEXT_H
#define ENT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "entente/common.h"

/* Largest document accepted, in bytes. */
#define ENT_MAX_DOC_BYTES ((size_t)256 << 20)
/* Sentences longer than this are cut; tokens beyond it are not examined. */
#define ENT_MAX_SENTENCE_TOKENS 2000

/* Clean `data` into a new NUL-terminated UTF-8 string (*out, free()):
 * UTF-8 BOM dropped; CRLF and CR to LF; NUL, U+2028 and U+2029 to LF; other
 * control characters to spaces; invalid UTF-8 to U+FFFD; zero-width and
 * bidi controls removed. Line structure is kept, so line numbers hold.
 * Rejects (ENT_ERR_INPUT) binary data, UTF-16 and documents with no text. */
ent_status ent_text_sanitize(const char *doc, const char *data, size_t len,
			     char **out, size_t *out_len, ent_error *err);

enum {
	ENT_SENT_HEADING = 1u << 0, /* a line without sentence punctuation */
	ENT_SENT_PARA = 1u << 1     /* first sentence of a paragraph */
};

typedef struct ent_sentence {
	size_t start, end; /* byte offsets into the text, end exclusive */
	long line;         /* 1-based line of `start` */
	unsigned flags;
} ent_sentence;

/* Split clean text into sentences (malloc'ed array, free()). */
void ent_text_split(const char *text, size_t len, ent_sentence **out,
		    size_t *n);

enum {
	ENT_TK_WORD = 1u << 0,  /* letters or digits */
	ENT_TK_NUM = 1u << 1,   /* starts with a digit */
	ENT_TK_CAP = 1u << 2,   /* starts with an upper-case letter */
	ENT_TK_UPPER = 1u << 3, /* two or more letters, all upper case */
	ENT_TK_LOWER = 1u << 4, /* starts with a lower-case letter */
	ENT_TK_SPACE = 1u << 5, /* white space precedes it */
	ENT_TK_PUNCT = 1u << 6, /* one punctuation character */
	ENT_TK_DASH = 1u << 7,  /* '-', en or em dash, '+', '/' joining words */
	ENT_TK_QUOTE = 1u << 8, /* a quotation mark */
	ENT_TK_OPEN = 1u << 9,  /* opening quote or bracket */
	ENT_TK_NL = 1u << 10,   /* a line break precedes it */
	ENT_TK_POSS = 1u << 11, /* the possessive clitic "'s" */
	ENT_TK_IDS = 1u << 12   /* gid, fid and kid are set (never by the tokenizer) */
};

typedef struct ent_token {
	uint32_t start; /* offset in the text */
	uint32_t len;
	uint32_t flags;
	/* With ENT_TK_IDS, the ids of the token's key (see lexicon.h): in the
	 * extractor's vocabulary, as is (gid) and case-folded (fid), 0 when
	 * no table uses the word; and in the document's own (kid). */
	uint32_t gid, fid, kid;
} ent_token;

/* Tokenize text[start, end) appending to *toks (grown with ENT_GROW).
 * Returns the number of tokens added (at most `max`). */
size_t ent_tokenize(const char *text, size_t start, size_t end,
		    ent_token **toks, size_t *n, size_t *cap, size_t max);

/* Decode one UTF-8 code point at p (valid input); sets *len. */
uint32_t ent_utf8_decode(const char *p, size_t *len);

/* Append the matching form of a token to b: curly quotes and apostrophes
 * straightened, dashes to '-', text otherwise as is. */
struct ent_buf;
void ent_token_key(struct ent_buf *b, const char *text, const ent_token *t);
/* The same into dst[cap] (NUL-terminated); returns the length, or
 * (size_t)-1 when it does not fit. */
size_t ent_token_keyn(char *dst, size_t cap, const char *text,
		      const ent_token *t);

#endif
