/*
 * Scratch: what a thread keeps from one document to the next. A corpus is
 * mostly documents of some ten kilobytes, and each one used to allocate
 * its arrays from nothing, grow them by doubling (a copy each time) and
 * free them: a sixth of the work. A scratch keeps the word cache and the
 * room of the working state's and the document's arrays and maps,
 * emptied, so that an ordinary document allocates next to nothing.
 *
 * Nothing of a document's content survives it: counts and lengths begin
 * at zero, the arrays that are read before they are written (the
 * gazetteer's record index, the set of relations, the mention counts, the
 * maps, the table of learned names) are emptied when the document ends,
 * and what the document owns (its registry, its sentences) is freed. An
 * array that grew past SCRATCH_KEEP for one huge document is freed after
 * it.
 * The extractor keeps a pool of scratches, one per thread at work.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"

/* Past this many bytes an array is freed after its document rather than
 * kept: an ordinary document needs tens of kilobytes per array. */
#define SCRATCH_KEEP ((size_t)1 << 20)

/* Free *items (of *cap items of `size` bytes) if it holds more than
 * `keep` bytes. */
static void trim(void **items, size_t *cap, size_t size, size_t keep)
{
	if (*cap * size > keep) {
		free(*items);
		*items = NULL;
		*cap = 0;
	}
}

#define TRIM(arr, cap, keep) trim((void **)&(arr), &(cap), sizeof(*(arr)), (keep))

static void map_trim(ent_map *m, size_t keep)
{
	if (m->cap * sizeof(*m->slots) > keep)
		ent_map_release(m);
}

/* ---- the working state ---- */

/* Begin a document: everything zero but the room kept. */
static void ws_begin(ent_ws *ws, const ent_extractor *ex, ent_words *words)
{
	ent_ws kept = *ws;

	memset(ws, 0, sizeof(*ws));
	ws->vocab = &ex->vocab;
	ws->gaz = &ex->gaz;
	ws->lex = &ex->lex;
	ws->limits = &ex->limits;
	ws->words = words;
	ent_words_begin(words);
	/* the learned names' table, emptied, numbering in the same words */
	ws->learned = kept.learned;
	if (!ws->learned.value)
		ent_phrases_init_shared(&ws->learned, 0, &words->v, ENT_IDS_DOC);
	ws->by_norm = kept.by_norm;
	/* made for this gazetteer: loading another one starts the pool of
	 * scratches over (ent_extractor_load_gazetteer) */
	ws->gaz_rec = kept.gaz_rec;
	ws->n_gaz_rec = kept.n_gaz_rec;
	ws->rels = kept.rels;
	ws->cap_rels = kept.cap_rels;
	ws->rel_seen = kept.rel_seen;
	ws->rel_seen_cap = kept.rel_seen_cap;
	ws->pool = kept.pool;
	ws->sentences = kept.sentences;
	ws->cap_sentences = kept.cap_sentences;
	ws->norm = kept.norm;
	ws->cap_norm = kept.cap_norm;
	ws->vis = kept.vis;
	ws->cap_vis = kept.cap_vis;
	ws->rank = kept.rank;
	ws->cap_rank = kept.cap_rank;
	ws->used = kept.used;
	ws->cap_used = kept.cap_used;
}

/* Free the room of more than `keep` bytes (all of it for 0). */
static void ws_trim(ent_ws *ws, size_t keep)
{
	map_trim(&ws->by_norm, keep);
	if (ws->learned.value && ent_phrases_room(&ws->learned) > keep) {
		ent_phrases_release(&ws->learned);
		memset(&ws->learned, 0, sizeof(ws->learned));
	}
	TRIM(ws->gaz_rec, ws->n_gaz_rec, keep);
	TRIM(ws->rels, ws->cap_rels, keep);
	TRIM(ws->rel_seen, ws->rel_seen_cap, keep);
	if (ws->pool.cap > keep)
		ent_buf_release(&ws->pool);
	TRIM(ws->sentences, ws->cap_sentences, keep);
	TRIM(ws->norm, ws->cap_norm, keep);
	TRIM(ws->vis, ws->cap_vis, keep);
	TRIM(ws->rank, ws->cap_rank, keep);
	TRIM(ws->used, ws->cap_used, keep);
}

/* End a document: free what was its own, zero what the next reads before
 * writing, and keep the room. */
static void ws_end(ent_ws *ws)
{
	if (ws->gaz_rec) {
		/* registry.c made it for this gazetteer and set only the entries
		 * of the records it made from it */
		ws->n_gaz_rec = ws->gaz->n + 1;
		for (size_t r = 0; r < ws->n_recs; r++)
			if (ws->recs[r].gaz >= 0)
				ws->gaz_rec[ws->recs[r].gaz] = 0;
	}
	ent_reg_release(ws);
	ent_phrases_clear(&ws->learned);
	/* a slot whose rel1 is 0 is empty (see struct ent_relkey): clearing
	 * rel1 alone empties the set with an eighth of the stores */
	if (ws->rel_seen_len)
		for (size_t i = 0; i < ws->rel_seen_cap; i++)
			ws->rel_seen[i].rel1 = 0;
	ent_buf_clear(&ws->pool);
	ws_trim(ws, SCRATCH_KEEP);
	ent_map_clear(&ws->by_norm);
}

/* ---- the document ---- */

static void doc_begin(ent_doc *d)
{
	ent_doc kept = *d;

	memset(d, 0, sizeof(*d));
	d->toks = kept.toks;
	d->cap_toks = kept.cap_toks;
	d->sent_tok = kept.sent_tok;
	d->para = kept.para;
	d->sent_ment = kept.sent_ment;
	d->cap_sent_index = kept.cap_sent_index;
	d->ments = kept.ments;
	d->cap_ments = kept.cap_ments;
	d->counts = kept.counts;
	d->n_counts = kept.n_counts;
	d->last_head = kept.last_head;
}

static void doc_trim(ent_doc *d, size_t keep)
{
	TRIM(d->toks, d->cap_toks, keep);
	TRIM(d->ments, d->cap_ments, keep);
	TRIM(d->counts, d->n_counts, keep);
	if (d->cap_sent_index * sizeof(size_t) > keep) {
		free(d->sent_tok);
		free(d->para);
		free(d->sent_ment);
		d->sent_tok = d->para = d->sent_ment = NULL;
		d->cap_sent_index = 0;
	}
	map_trim(&d->last_head, keep);
}

static void doc_end(ent_doc *d)
{
	free(d->sents);
	d->sents = NULL;
	doc_trim(d, SCRATCH_KEEP);
	/* recognize.c counts into entries [0, n_counts) it takes as zero */
	if (d->counts)
		memset(d->counts, 0, d->n_counts * sizeof(*d->counts));
	ent_map_clear(&d->last_head);
}

/* ---- the pool ---- */

struct ent_scratch_pool {
	pthread_mutex_t lock;
	ent_scratch **free;
	size_t n, cap;
};

ent_scratch_pool *ent_scratch_pool_new(void)
{
	ent_scratch_pool *p = ent_xcalloc(1, sizeof(*p));

	pthread_mutex_init(&p->lock, NULL);
	return p;
}

static void scratch_free(ent_scratch *sc)
{
	ws_trim(&sc->ws, 0);
	doc_trim(&sc->doc, 0);
	ent_words_free(sc->words);
	free(sc);
}

void ent_scratch_pool_free(ent_scratch_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		scratch_free(p->free[i]);
	free(p->free);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

ent_scratch *ent_scratch_take(ent_scratch_pool *p, const ent_extractor *ex)
{
	ent_scratch *sc = NULL;

	pthread_mutex_lock(&p->lock);
	if (p->n)
		sc = p->free[--p->n];
	pthread_mutex_unlock(&p->lock);
	if (!sc) {
		/* all zero: empty arrays, maps as ent_map_init() leaves them */
		sc = ent_xcalloc(1, sizeof(*sc));
		sc->words = ent_words_new();
	}
	ws_begin(&sc->ws, ex, sc->words);
	doc_begin(&sc->doc);
	return sc;
}

void ent_scratch_give(ent_scratch_pool *p, ent_scratch *sc)
{
	ws_end(&sc->ws);
	doc_end(&sc->doc);
	pthread_mutex_lock(&p->lock);
	ENT_GROW(p->free, p->cap, p->n + 1);
	p->free[p->n++] = sc;
	pthread_mutex_unlock(&p->lock);
}
