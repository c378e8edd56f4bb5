/*
 * The extractor: loads the built-in tables, runs each document through
 * sanitize → sentences → tokens → recognition (all sentences) → relations
 * (all sentences, now that the document's main actor is known), and turns
 * the registry into the public ent_corpus on demand.
 */
#include <stdint.h>
#include <string.h>

#include "internal.h"

static void must_load(ent_status st, const char *what)
{
	if (st != ENT_OK) {
		fprintf(stderr, "entente: built-in table %s is broken\n", what);
		abort();
	}
}

ent_extractor *ent_extractor_new(void)
{
	ent_extractor *ex = ent_xcalloc(1, sizeof(*ex));
	ent_error err;

	ent_error_clear(&err);
	ent_vocab_init(&ex->vocab);
	ex->scratch = ent_scratch_pool_new();
	ent_gazetteer_init(&ex->gaz, &ex->vocab);
	ent_lexicon_init(&ex->lex, &ex->vocab);
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_countries, "countries", &err), "countries");
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_organizations, "organizations", &err),
		  "organizations");
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_places, "places", &err), "places");
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_named, "named", &err), "named");
	must_load(ent_lexicon_load(&ex->lex, ent_data_lexicon, "lexicon", &err), "lexicon");
	ex->set = ent_entity_set_new();
	ex->dirty = 1;
	ent_limits_default(&ex->limits);
	ent_markup_init();
	return ex;
}

static void corpus_release(ent_extractor *ex)
{
	free(ex->ents);
	free(ex->orels);
	free(ex->rank);
	ex->ents = NULL;
	ex->orels = NULL;
	ex->rank = NULL;
	memset(&ex->corpus, 0, sizeof(ex->corpus));
}

void ent_extractor_free(ent_extractor *ex)
{
	if (!ex)
		return;
	corpus_release(ex);
	for (size_t i = 0; i < ex->n_docs; i++) {
		ent_document_free(ex->docs[i]);
		free(ex->set_index[i]);
	}
	free(ex->docs);
	free(ex->set_index);
	ent_entity_set_free(ex->set);
	ent_gazetteer_release(&ex->gaz);
	ent_lexicon_release(&ex->lex);
	ent_vocab_release(&ex->vocab);
	ent_scratch_pool_free(ex->scratch);
	free(ex);
}

/* Text past which the token array is not reserved at once. */
#define TOKENS_GUESS_MAX ((size_t)4 << 20)

/* Tables are read as UTF-8 by the tokenizer, which trusts it: a
 * malformed sequence is refused with its line. */
static ent_status check_utf8(const char *path, const char *data, size_t len, ent_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	long line = 1;
	uint32_t cp;

	for (size_t i = 0; i < len;) {
		if (p[i] < 0x80) {
			line += p[i++] == '\n';
			continue;
		}
		size_t n = ent_utf8_valid(p + i, len - i, &cp);
		if (!n)
			return ent_error_set(err, ENT_ERR_INPUT, path, line,
					     "invalid UTF-8 in gazetteer");
		i += n;
	}
	return ENT_OK;
}

ent_status ent_extractor_load_gazetteer(ent_extractor *ex, const char *path,
					ent_error *err)
{
	char *data;
	size_t len;
	ent_status st = ent_read_file(path, (size_t)64 << 20, &data, &len, err);

	if (st != ENT_OK)
		return st;
	if (memchr(data, '\0', len))
		st = ent_error_set(err, ENT_ERR_INPUT, path, 0, "binary data in gazetteer");
	else
		st = check_utf8(path, data, len, err);
	if (st == ENT_OK)
		st = ent_gazetteer_load(&ex->gaz, data, path, err);
	free(data);
	if (st == ENT_OK) {
		/* the threads' word caches hold ids from the vocabulary as it
		 * was: new names would never match in a cache that saw their
		 * words before (loading never runs beside extraction) */
		ent_scratch_pool_free(ex->scratch);
		ex->scratch = ent_scratch_pool_new();
	}
	return st;
}

void ent_limits_default(ent_limits *l)
{
	l->max_bytes = ENT_MAX_DOC_BYTES;
	l->max_sentence_words = ENT_MAX_SENTENCE_TOKENS;
	l->max_list = 32;
}

void ent_extractor_set_limits(ent_extractor *ex, const ent_limits *l)
{
	ent_limits d;

	ent_limits_default(&d);
	ex->limits.max_bytes = l->max_bytes ? l->max_bytes : d.max_bytes;
	ex->limits.max_sentence_words = l->max_sentence_words ? l->max_sentence_words
							      : d.max_sentence_words;
	ex->limits.max_list = !l->max_list ? d.max_list
			      : l->max_list > ENT_MAX_LIST ? ENT_MAX_LIST : l->max_list;
}

void ent_note_cut_list(ent_ws *ex, const ent_doc *d, size_t s)
{
	if (!ex->cut_lists++)
		ex->cut_list_line = d->sents[s].line;
}

void ent_doc_span(const ent_doc *d, size_t a, size_t b, ent_buf *out)
{
	for (size_t i = a; i < b; i++) {
		const ent_token *t = &d->toks[i];
		if (i > a && (t->flags & ENT_TK_SPACE))
			ent_buf_addc(out, ' ');
		ent_buf_add(out, d->text + t->start, t->len);
	}
}

/* Is c white space as a pooled sentence folds it? */
static int fold_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Fold p[0..n) into out (room for n bytes): a run of spaces, tabs and
 * newlines becomes one space, none is kept at either end. Returns the
 * folded length (folding only shortens). Most bytes are above ' ', so
 * one comparison copies them. */
static size_t fold_copy(char *out, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n;
	char *o = out;

	while (p < end) {
		if (*p > ' ' || !fold_space(*p)) {
			*o++ = (char)*p++;
			continue;
		}
		while (p < end && fold_space(*p))
			p++;
		if (o > out && p < end)
			*o++ = ' ';
	}
	return (size_t)(o - out);
}

/* The sentence's text with white space folded, pooled once per sentence.
 *
 * Most sentences have nothing to fold: words apart by single spaces, on
 * one line. So the sentence is first copied whole, NUL-terminated, and
 * the copy checked with library scans that take many bytes a step: it
 * is already folded exactly when it neither starts nor ends with white
 * space, has no tab, newline or NUL (strcspn() stops at all three, so
 * it reaching the end also means strstr() sees the whole copy) and no
 * two spaces in a row. Folding would then copy every byte unchanged, so
 * the copy is the result; otherwise it is folded again from the text. */
static size_t pool_sentence(ent_ws *ex, ent_doc *d, size_t s)
{
	const ent_sentence *se = &d->sents[s];
	const unsigned char *p = (const unsigned char *)d->text + se->start;
	size_t n = se->end - se->start, len = n;
	char *out;

	if (d->sentence_id != SIZE_MAX)
		return d->sentence_id;
	ent_buf_reserve(&ex->pool, n + 1);
	out = ex->pool.data + ex->pool.len;
	memcpy(out, p, n);
	out[n] = '\0';
	if (n && (fold_space(p[0]) || fold_space(p[n - 1]) || strcspn(out, "\t\n") != n ||
		  strstr(out, "  ")))
		len = fold_copy(out, p, n);
	out[len] = '\0';
	ENT_GROW(ex->sentences, ex->cap_sentences, ex->n_sentences + 1);
	ex->sentences[ex->n_sentences] = ex->pool.len;
	ex->pool.len += len + 1;
	ex->pool.data[ex->pool.len] = '\0'; /* as an ent_buf always ends */
	d->sentence_id = ex->n_sentences++;
	return d->sentence_id;
}

static size_t relkey_slot(const struct ent_relkey *set, size_t cap, const struct ent_relkey *k)
{
	/* multiply-xor mixing of the four fields; cap is a power of two */
	uint64_t h = (uint64_t)k->s * 0x9E3779B97F4A7C15ULL;
	h = (h ^ k->subj) * 0xC2B2AE3D27D4EB4FULL;
	h = (h ^ k->obj) * 0x165667B19E3779F9ULL;
	h = (h ^ k->rel1) * 0x9E3779B97F4A7C15ULL;
	size_t i = (size_t)(h >> 32) & (cap - 1);

	while (set[i].rel1 && (set[i].s != k->s || set[i].subj != k->subj ||
			       set[i].obj != k->obj || set[i].rel1 != k->rel1))
		i = (i + 1) & (cap - 1);
	return i;
}

/* Add the relation to the set; returns 0 if it was there already. The set
 * stays at most half full. */
static int relkey_add(ent_ws *ex, size_t s, size_t subj, ent_rel rel, size_t obj)
{
	struct ent_relkey k = { s, subj, obj, (unsigned)rel + 1 };

	if (2 * (ex->rel_seen_len + 1) > ex->rel_seen_cap) {
		size_t cap = ex->rel_seen_cap ? 2 * ex->rel_seen_cap : 256;
		struct ent_relkey *set = ent_xcalloc(cap, sizeof(*set));
		for (size_t i = 0; i < ex->rel_seen_cap; i++)
			if (ex->rel_seen[i].rel1)
				set[relkey_slot(set, cap, &ex->rel_seen[i])] = ex->rel_seen[i];
		free(ex->rel_seen);
		ex->rel_seen = set;
		ex->rel_seen_cap = cap;
	}
	size_t i = relkey_slot(ex->rel_seen, ex->rel_seen_cap, &k);
	if (ex->rel_seen[i].rel1)
		return 0;
	ex->rel_seen[i] = k;
	ex->rel_seen_len++;
	return 1;
}

void ent_add_relation(ent_ws *ex, ent_doc *d, size_t s, size_t subj,
		      ent_rel rel, size_t obj, int year, unsigned flags,
		      const char *rule)
{
	subj = ent_reg_find(ex, subj);
	obj = ent_reg_find(ex, obj);
	if (subj == obj)
		return;
	if (ent_rel_symmetric(rel) && obj < subj) {
		size_t t = subj;
		subj = obj;
		obj = t;
	}
	/* one relation per sentence, subject, kind and object */
	if (!relkey_add(ex, s, subj, rel, obj))
		return;
	ENT_GROW(ex->rels, ex->cap_rels, ex->n_rels + 1);
	ent_rawrel *r = &ex->rels[ex->n_rels++];
	r->s = subj;
	r->o = obj;
	r->rel = rel;
	r->year = year;
	r->flags = flags;
	r->line = d->sents[s].line;
	r->sentence = pool_sentence(ex, d, s);
	r->rule = rule;
}

/* The document's main actor: the country named most often (at least
 * twice), ties to the one named first. */
static size_t main_actor(ent_ws *ex, ent_doc *d)
{
	size_t best = SIZE_MAX, most = 1;

	for (size_t k = 0; k < d->n_ments; k++) {
		size_t r = ent_reg_find(ex, d->ments[k].ent);
		if (d->ments[k].kind != ENT_MK_NAME || ent_reg_type(ex, r) != ENT_TYPE_COUNTRY ||
		    r >= d->n_counts)
			continue;
		if (d->counts[r] > most) {
			most = d->counts[r];
			best = r;
		}
	}
	return best;
}

/* ---- one document ---- */

/* The owner of an ent_document's memory. */
/* The owner of an ent_document's memory: a few blocks, so that freeing a
 * document (often on another thread than the one that made it, which
 * costs a lock of that thread's heap per call) is a few calls. */
typedef struct doc_store {
	ent_document pub;
	char *name;
	ent_entity *ents;
	ent_relation *rels;
	char *strings;       /* entity names, keys and other forms */
	const char **forms;  /* every entity's list of other forms */
	char *sentences;     /* the cited sentences */
} doc_store;

void ent_document_free(ent_document *d)
{
	doc_store *ds = (doc_store *)d;

	if (!d)
		return;
	free(ds->ents);
	free(ds->rels);
	free(ds->strings);
	free(ds->forms);
	free(ds->sentences);
	free(ds->name);
	free(ds);
}

/* A record as the document lists it, for sorting without globals. */
typedef struct ent_visible visible;

static int cmp_visible(const void *pa, const void *pb)
{
	const visible *a = pa, *b = pb;
	int c;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->key, b->key);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The record's other forms than its name, at `out` (sorted); how many. */
static size_t other_forms(const ent_rec *rec, const char **out)
{
	size_t n = 0;

	for (size_t i = 0; i < rec->n_surfaces; i++)
		if (strcmp(rec->surfaces[i], rec->name))
			out[n++] = rec->surfaces[i];
	if (n > 1)
		qsort(out, n, sizeof(*out), cmp_str);
	return n;
}

/* Copy s into the block at *at; returns the copy. */
static const char *pack(char **at, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = *at;

	memcpy(p, s, n);
	*at += n;
	return p;
}

/* The visible records as entities, their strings copied into one block
 * and their lists of other forms into one array (the records keep theirs,
 * freed with the working state). An entity with no other form has no
 * list (NULL, n_aliases 0). */
static void take_entities(ent_ws *ws, const visible *vis, size_t nv, doc_store *ds)
{
	size_t bytes = 1, forms = 0, nf = 0;
	char *at;

	for (size_t i = 0; i < nv; i++) {
		const ent_rec *rec = &ws->recs[vis[i].rec];
		bytes += strlen(rec->name) + strlen(rec->key) + 2;
		for (size_t k = 0; k < rec->n_surfaces; k++)
			bytes += strlen(rec->surfaces[k]) + 1;
		forms += rec->n_surfaces;
	}
	ds->strings = at = ent_xmalloc(bytes);
	ds->forms = ent_xmalloc((forms + 1) * sizeof(*ds->forms));
	for (size_t i = 0; i < nv; i++) {
		const ent_rec *rec = &ws->recs[vis[i].rec];
		ent_entity *e = &ds->ents[i];
		const char **al = ds->forms + nf;
		size_t n = other_forms(rec, al);
		for (size_t k = 0; k < n; k++)
			al[k] = pack(&at, al[k]);
		e->type = vis[i].type;
		e->name = pack(&at, rec->name);
		e->key = pack(&at, rec->key);
		e->aliases = n ? al : NULL;
		e->n_aliases = n;
		e->mentions = rec->mentions;
		nf += n;
	}
}

/* The entities the document names or relates, sorted, in ws->vis. */
static size_t visible_records(ent_ws *ws)
{
	unsigned char *used;
	visible *vis;
	size_t nv = 0;

	ENT_GROW(ws->used, ws->cap_used, ws->n_recs + 1);
	ENT_GROW(ws->vis, ws->cap_vis, ws->n_recs + 1);
	used = ws->used;
	vis = ws->vis;
	memset(used, 0, ws->n_recs + 1);

	for (size_t i = 0; i < ws->n_rels; i++) {
		used[ent_reg_find(ws, ws->rels[i].s)] = 1;
		used[ent_reg_find(ws, ws->rels[i].o)] = 1;
	}
	for (size_t r = 0; r < ws->n_recs; r++)
		if (ent_reg_find(ws, r) == r && (ws->recs[r].mentions > 0 || used[r])) {
			vis[nv].type = ent_reg_type(ws, r);
			vis[nv].name = ws->recs[r].name;
			vis[nv].key = ws->recs[r].key;
			vis[nv++].rec = r;
		}
	qsort(vis, nv, sizeof(*vis), cmp_visible);
	return nv;
}

/* Turn the working state into the document's result. */
static void finish_document(ent_ws *ws, doc_store *ds)
{
	visible *vis;
	size_t nv, nr = 0, *rank;

	ent_reg_resolve(ws);
	nv = visible_records(ws);
	vis = ws->vis;
	ENT_GROW(ws->rank, ws->cap_rank, ws->n_recs + 1);
	rank = ws->rank;
	for (size_t r = 0; r < ws->n_recs; r++)
		rank[r] = SIZE_MAX;
	/* not zeroed: take_entities() and the loop below set every field of
	 * the entries they count, and none past those is read */
	ds->ents = ent_xmalloc((nv + 1) * sizeof(*ds->ents));
	for (size_t i = 0; i < nv; i++)
		rank[vis[i].rec] = i;
	take_entities(ws, vis, nv, ds);
	/* a copy, so that the pool keeps its room for the next document */
	ds->sentences = ent_xmalloc(ws->pool.len + 1);
	if (ws->pool.len)
		memcpy(ds->sentences, ws->pool.data, ws->pool.len);
	ds->sentences[ws->pool.len] = '\0';
	ds->rels = ent_xmalloc((ws->n_rels + 1) * sizeof(*ds->rels));
	for (size_t i = 0; i < ws->n_rels; i++) {
		const ent_rawrel *raw = &ws->rels[i];
		size_t s = rank[ent_reg_find(ws, raw->s)], o = rank[ent_reg_find(ws, raw->o)];
		if (s == o || s == SIZE_MAX || o == SIZE_MAX)
			continue;
		if (ent_rel_symmetric(raw->rel) && o < s) {
			size_t t = s;
			s = o;
			o = t;
		}
		ent_relation *out = &ds->rels[nr++];
		out->subject = s;
		out->object = o;
		out->rel = raw->rel;
		out->year = raw->year;
		out->flags = raw->flags;
		out->ev.doc = ds->name;
		out->ev.line = raw->line;
		out->ev.sentence = ds->sentences + ws->sentences[raw->sentence];
		out->ev.rule = raw->rule;
	}
	ds->pub.corpus.entities = ds->ents;
	ds->pub.corpus.n_entities = nv;
	ds->pub.corpus.relations = ds->rels;
	ds->pub.corpus.n_relations = nr;
	ds->pub.corpus.n_documents = 1;
}

/* Room for the per-sentence indexes (n_sents + 1 entries each), kept
 * from the scratch's earlier documents when it is enough. */
static void sentence_index_room(ent_doc *d)
{
	size_t need = d->n_sents + 1, cap = 2 * d->cap_sent_index;

	if (need <= d->cap_sent_index)
		return;
	/* nothing to copy: free and allocate rather than realloc */
	free(d->sent_tok);
	free(d->para);
	free(d->sent_ment);
	if (cap < need)
		cap = need;
	d->sent_tok = ent_xmalloc(cap * sizeof(*d->sent_tok));
	d->para = ent_xmalloc(cap * sizeof(*d->para));
	d->sent_ment = ent_xmalloc(cap * sizeof(*d->sent_ment));
	d->cap_sent_index = cap;
}

/* Sentences, tokens, then recognition of every sentence, then relations
 * (now that the document's main actor is known). */
static void run_document(ent_ws *ws, ent_doc *d, size_t text_len, doc_store *ds)
{
	const char *text = d->text;

	ent_text_split(text, text_len, &d->sents, &d->n_sents);
	/* never NULL, even with no mention: rules offset into it */
	ENT_GROW(d->ments, d->cap_ments, 1);
	sentence_index_room(d);
	/* prose has a token every five or six bytes: room for one every four
	 * at once, rather than growing (and copying) the array a dozen times;
	 * past 4 MB of text the array grows as it goes (a huge document must
	 * not reserve gigabytes it may never touch) */
	size_t guess = text_len < TOKENS_GUESS_MAX ? text_len : TOKENS_GUESS_MAX;
	ENT_GROW(d->toks, d->cap_toks, guess / 4 + 64);
	/* each sentence's tokens are numbered (and its words counted) as
	 * soon as they are made, while they and their bytes are still in
	 * the cache: the same ids as numbering the whole array after */
	for (size_t s = 0; s < d->n_sents; s++) {
		size_t max = ws->limits->max_sentence_words, first = d->n_toks;
		size_t made = ent_tokenize(text, d->sents[s].start, d->sents[s].end, &d->toks,
					   &d->n_toks, &d->cap_toks, max);
		d->sent_tok[s] = first;
		if (made == max &&
		    d->toks[d->n_toks - 1].start + d->toks[d->n_toks - 1].len < d->sents[s].end &&
		    !ds->pub.cut_sentences++)
			ds->pub.cut_sentence_line = d->sents[s].line;
		ds->pub.words += ent_words_number_in(ws->words, ws->vocab, text, text_len,
						     d->toks + first, made);
	}
	d->sent_tok[d->n_sents] = d->n_toks;
	for (size_t s = 0; s < d->n_sents; s++)
		d->para[s] = s == 0 || (d->sents[s].flags & ENT_SENT_PARA) ? s : d->para[s - 1];
	ds->pub.sentences = d->n_sents;
	for (size_t s = 0; s < d->n_sents; s++) {
		d->sent_ment[s] = d->n_ments;
		ent_recognize(ws, d, s);
	}
	d->sent_ment[d->n_sents] = d->n_ments;
	d->actor = main_actor(ws, d);
	for (size_t s = 0; s < d->n_sents; s++) {
		d->sentence_id = SIZE_MAX;
		ent_relate(ws, d, s);
	}
	ent_relate_document(ws, d);
	ds->pub.cut_lists = ws->cut_lists;
	ds->pub.cut_list_line = ws->cut_list_line;
}

/* The document as plain, sanitized text (markup removed). */
static ent_status document_text(const char *name, const char *data, size_t len, size_t max,
				char **text, size_t *text_len, ent_error *err)
{
	ent_markup kind;
	ent_status st;

	if (len > max)
		return ent_error_set(err, ENT_ERR_LIMIT, name, 0,
				     "document is larger than %zu bytes (the limit)", max);
	kind = ent_markup_sniff(data, len);
	if (kind == ENT_MARKUP_NONE)
		return ent_text_sanitize(name, data, len, text, text_len, err);
	char *plain;
	size_t plain_len;
	st = ent_markup_text(name, data, len, kind, &plain, &plain_len, err);
	if (st != ENT_OK)
		return st;
	st = ent_text_sanitize(name, plain, plain_len, text, text_len, err);
	free(plain);
	return st;
}

ent_status ent_extract_document(const ent_extractor *ex, const char *name,
				const char *data, size_t len, ent_document **out,
				ent_error *err)
{
	ent_scratch *sc;
	ent_doc *d;
	doc_store *ds;
	char *text;
	size_t text_len;
	ent_status st;

	*out = NULL;
	st = document_text(name, data, len, ex->limits.max_bytes, &text, &text_len, err);
	if (st != ENT_OK)
		return st;
	ds = ent_xcalloc(1, sizeof(*ds));
	ds->name = ent_xstrdup(name);
	ds->pub.name = ds->name;
	ds->pub.bytes = len;
	sc = ent_scratch_take(ex->scratch, ex);
	d = &sc->doc;
	d->name = ds->name;
	d->text = text;
	d->actor = SIZE_MAX;
	d->title = SIZE_MAX;
	run_document(&sc->ws, d, text_len, ds);
	finish_document(&sc->ws, ds);
	ent_scratch_give(ex->scratch, sc);
	free(text);
	*out = &ds->pub;
	return ENT_OK;
}

ent_status ent_extract_file(const ent_extractor *ex, const char *path,
			    ent_document **out, ent_error *err)
{
	char *data;
	size_t len;
	ent_status st = ent_read_file(path, ex->limits.max_bytes, &data, &len, err);

	*out = NULL;
	if (st != ENT_OK)
		return st;
	st = ent_extract_document(ex, strcmp(path, "-") ? path : "(stdin)", data, len, out, err);
	free(data);
	return st;
}

/* ---- the corpus of an extractor ---- */

void ent_extractor_add_document(ent_extractor *ex, ent_document *d)
{
	size_t *idx = ent_xmalloc((d->corpus.n_entities + 1) * sizeof(*idx));

	for (size_t i = 0; i < d->corpus.n_entities; i++)
		idx[i] = ent_entity_set_add(ex->set, &d->corpus.entities[i]);
	ENT_GROW(ex->docs, ex->cap_docs, ex->n_docs + 1);
	ENT_GROW(ex->set_index, ex->cap_index, ex->n_docs + 1);
	ex->docs[ex->n_docs] = d;
	ex->set_index[ex->n_docs++] = idx;
	ex->dirty = 1;
}

ent_status ent_extractor_add_text(ent_extractor *ex, const char *doc,
				  const char *data, size_t len, ent_error *err)
{
	ent_document *d;
	ent_status st = ent_extract_document(ex, doc, data, len, &d, err);

	if (st == ENT_OK)
		ent_extractor_add_document(ex, d);
	return st;
}

ent_status ent_extractor_add_file(ent_extractor *ex, const char *path,
				  ent_error *err)
{
	ent_document *d;
	ent_status st = ent_extract_file(ex, path, &d, err);

	if (st == ENT_OK)
		ent_extractor_add_document(ex, d);
	return st;
}

static int cmp_entity_ptr(const void *pa, const void *pb)
{
	const ent_entity *a = *(const ent_entity *const *)pa, *b = *(const ent_entity *const *)pb;
	int c;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->key, b->key);
}

const ent_corpus *ent_extractor_corpus(ent_extractor *ex)
{
	size_t ne = ent_entity_set_size(ex->set), nr = 0, total = 0;
	const ent_entity **order;

	if (!ex->dirty)
		return &ex->corpus;
	corpus_release(ex);
	order = ent_xmalloc((ne + 1) * sizeof(*order));
	for (size_t i = 0; i < ne; i++)
		order[i] = ent_entity_set_get(ex->set, i);
	qsort(order, ne, sizeof(*order), cmp_entity_ptr);
	ex->ents = ent_xcalloc(ne + 1, sizeof(*ex->ents));
	ex->rank = ent_xmalloc((ne + 1) * sizeof(*ex->rank));
	for (size_t i = 0; i < ne; i++) {
		ex->ents[i] = *order[i];
		ex->rank[ent_entity_set_find(ex->set, order[i]->key)] = i;
	}
	free(order);
	for (size_t k = 0; k < ex->n_docs; k++)
		total += ex->docs[k]->corpus.n_relations;
	ex->orels = ent_xcalloc(total + 1, sizeof(*ex->orels));
	for (size_t k = 0; k < ex->n_docs; k++) {
		const ent_corpus *c = &ex->docs[k]->corpus;
		for (size_t i = 0; i < c->n_relations; i++) {
			ent_relation *r = &ex->orels[nr];
			*r = c->relations[i];
			r->subject = ex->rank[ex->set_index[k][r->subject]];
			r->object = ex->rank[ex->set_index[k][r->object]];
			if (r->subject == r->object)
				continue;
			if (ent_rel_symmetric(r->rel) && r->object < r->subject) {
				size_t t = r->subject;
				r->subject = r->object;
				r->object = t;
			}
			nr++;
		}
	}
	ex->corpus.entities = ex->ents;
	ex->corpus.n_entities = ne;
	ex->corpus.relations = ex->orels;
	ex->corpus.n_relations = nr;
	ex->corpus.n_documents = ex->n_docs;
	ex->dirty = 0;
	return &ex->corpus;
}
