/*
 * Word numbering. Before recognition, every token of a document gets the
 * ids its key has in the extractor's vocabulary (as is and case-folded)
 * and in a vocabulary of its own (kid), so that phrase tables walk ids
 * instead of building and hashing strings.
 *
 * Numbering costs one hash probe per token, and the first time a word is
 * seen two more in the extractor's vocabulary. A word cache outlives the
 * document: the extractor keeps a pool of them, one per thread at work, so
 * that a corpus's common words are looked up once per thread, not once per
 * document. Nothing of a document leaks into the next: ids are only names,
 * the learned phrases live in the document's own table, and which words a
 * document used in lower case is stamped with the document.
 */
#include <string.h>

#include "internal.h"

/* Past this many words a cache is emptied between documents, so that a
 * crawl of millions of distinct tokens keeps memory flat (about 100 bytes
 * a word). */
#define WORDS_MAX ((size_t)1 << 17)

static void words_init(ent_words *w)
{
	memset(w, 0, sizeof(*w));
	ent_vocab_init(&w->v);
}

static void words_release(ent_words *w)
{
	ent_vocab_release(&w->v);
	free(w->word);
}

/* Room for word ids up to `id`; new ids are not set (kid 0). */
static void words_grow(ent_words *w, size_t id)
{
	if (id < w->cap)
		return;
	size_t cap = w->cap ? w->cap : 1024;
	while (cap <= id)
		cap *= 2;
	w->word = ent_xrealloc(w->word, cap * sizeof(*w->word));
	memset(w->word + w->cap, 0, (cap - w->cap) * sizeof(*w->word));
	w->cap = cap;
}

/* A word seen for the first time: its key, and the key's ids. A key too
 * long for any phrase table (lexicon.c's KEY_MAX) has none. */
static void word_new(ent_words *w, const ent_vocab *tables, const char *text,
		     const ent_token *t, uint32_t id)
{
	char key[512];
	size_t n = t->len, k;
	uint32_t kid = id;

	for (k = 0; k < n && (unsigned char)text[t->start + k] < 0x80; k++)
		;
	if (k == n) { /* ASCII: the text is its own key */
		if (n < sizeof(key))
			memcpy(key, text + t->start, n);
		else
			n = (size_t)-1;
	} else {
		n = ent_token_keyn(key, sizeof(key), text, t);
		if (n != (size_t)-1 && (n != t->len || memcmp(key, text + t->start, n)))
			kid = ent_vocab_intern(&w->v, key, n);
	}
	words_grow(w, kid > id ? kid : id);
	ent_word_ids *e = &w->word[id];
	e->kid = kid;
	e->gid = e->fid = 0;
	if (n != (size_t)-1) {
		e->gid = ent_vocab_find(tables, key, n);
		for (k = 0; k < n; k++)
			if (key[k] >= 'A' && key[k] <= 'Z')
				key[k] = (char)(key[k] + 32);
		e->fid = ent_vocab_find(tables, key, n);
	}
	if (kid != id) { /* the key, as a word of its own */
		ent_word_ids *ke = &w->word[kid];
		ke->kid = kid;
		ke->gid = e->gid;
		ke->fid = e->fid;
	}
}

void ent_words_begin(ent_words *w)
{
	if (w->v.n > WORDS_MAX) {
		words_release(w);
		words_init(w);
	}
	if (++w->stamp == 0) { /* after 2^32 documents: start the stamps again */
		for (size_t i = 0; i < w->cap; i++)
			w->word[i].lower = 0;
		w->stamp = 1;
	}
}

size_t ent_words_number_in(ent_words *w, const ent_vocab *tables, const char *text,
			   size_t readable, ent_token *toks, size_t n)
{
	ent_word_ids *word;
	uint32_t stamp = w->stamp;
	size_t words = 0;

	/* room for every id the vocabulary has (phrase tables may have
	 * added some), so that an id found needs no bound test */
	words_grow(w, w->v.n);
	/* the cache's array, held here: only words_grow() moves it */
	word = w->word;

	for (size_t i = 0; i < n; i++) {
		ent_token *t = &toks[i];
		/* a short word is loaded as one word of 8 bytes where the
		 * text goes on that far; the bytes past it are masked out */
		uint32_t id = (size_t)t->start + 8 <= readable
				      ? ent_vocab_find_wide(&w->v, text + t->start, t->len)
				      : ent_vocab_find_short(&w->v, text + t->start, t->len);
		if (!id) { /* new, or long */
			id = ent_vocab_intern(&w->v, text + t->start, t->len);
			words_grow(w, id);
			word = w->word;
		}
		/* not set yet: new, or interned by a phrase table numbering
		 * its words here (a document's learned names) */
		if (!word[id].kid) {
			word_new(w, tables, text, t, id);
			word = w->word;
		}
		ent_word_ids *e = &word[id];
		uint32_t f = t->flags;
		t->kid = e->kid;
		t->gid = e->gid;
		t->fid = e->fid;
		t->flags = f | ENT_TK_IDS;
		words += (f & ENT_TK_WORD) != 0;
		if ((f & ENT_TK_LOWER) && t->len < 64)
			e->lower = stamp;
	}
	return words;
}

size_t ent_words_number(ent_words *w, const ent_vocab *tables, const char *text,
			ent_token *toks, size_t n)
{
	/* text[0, readable) is text: the last token ends there */
	size_t readable = n ? (size_t)toks[n - 1].start + toks[n - 1].len : 0;

	return ent_words_number_in(w, tables, text, readable, toks, n);
}

int ent_words_seen_lower(const ent_words *w, const char *s, size_t n)
{
	uint32_t id = ent_vocab_find(&w->v, s, n);

	return id && id < w->cap && w->word[id].lower == w->stamp;
}

/* ---- a cache of its own ---- */

ent_words *ent_words_new(void)
{
	ent_words *w = ent_xmalloc(sizeof(*w));

	words_init(w);
	return w;
}

void ent_words_free(ent_words *w)
{
	if (!w)
		return;
	words_release(w);
	free(w);
}
