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
	ent_gazetteer_init(&ex->gaz);
	ent_lexicon_init(&ex->lex);
	ent_phrases_init(&ex->learned, 0);
	ent_map_init(&ex->by_key);
	ent_map_init(&ex->by_norm);
	ent_map_init(&ex->rel_seen);
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_countries, "countries", &err), "countries");
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_organizations, "organizations", &err),
		  "organizations");
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_places, "places", &err), "places");
	must_load(ent_gazetteer_load(&ex->gaz, ent_data_named, "named", &err), "named");
	must_load(ent_lexicon_load(&ex->lex, ent_data_lexicon, "lexicon", &err), "lexicon");
	ex->dirty = 1;
	return ex;
}

static void corpus_release(ent_extractor *ex)
{
	for (size_t i = 0; i < ex->corpus.n_entities; i++)
		free((void *)ex->ents[i].aliases);
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
	ent_reg_release(ex);
	ent_gazetteer_release(&ex->gaz);
	ent_lexicon_release(&ex->lex);
	ent_phrases_release(&ex->learned);
	ent_map_release(&ex->by_key);
	ent_map_release(&ex->by_norm);
	ent_map_release(&ex->rel_seen);
	free(ex->rels);
	for (size_t i = 0; i < ex->n_docs; i++)
		free(ex->docs[i]);
	free(ex->docs);
	for (size_t i = 0; i < ex->n_sentences; i++)
		free(ex->sentences[i]);
	free(ex->sentences);
	free(ex);
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
		st = ent_gazetteer_load(&ex->gaz, data, path, err);
	free(data);
	ex->dirty = 1;
	return st;
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

/* The sentence's text with white space folded, pooled once per sentence. */
static size_t pool_sentence(ent_extractor *ex, ent_doc *d, size_t s)
{
	const ent_sentence *se = &d->sents[s];
	ent_buf b;
	int space = 0;

	if (d->sentence_id != SIZE_MAX)
		return d->sentence_id;
	ent_buf_init(&b);
	for (size_t i = se->start; i < se->end; i++) {
		char c = d->text[i];
		if (c == ' ' || c == '\n' || c == '\t') {
			space = 1;
			continue;
		}
		if (space && b.len)
			ent_buf_addc(&b, ' ');
		space = 0;
		ent_buf_addc(&b, c);
	}
	ENT_GROW(ex->sentences, ex->cap_sentences, ex->n_sentences + 1);
	ex->sentences[ex->n_sentences] = ent_buf_detach(&b);
	d->sentence_id = ex->n_sentences++;
	return d->sentence_id;
}

void ent_add_relation(ent_extractor *ex, ent_doc *d, size_t s, size_t subj,
		      ent_rel rel, size_t obj, int year, unsigned flags,
		      const char *rule)
{
	char key[96];

	subj = ent_reg_find(ex, subj);
	obj = ent_reg_find(ex, obj);
	if (subj == obj)
		return;
	if (ent_rel_symmetric(rel) && obj < subj) {
		size_t t = subj;
		subj = obj;
		obj = t;
	}
	snprintf(key, sizeof(key), "%zu:%zu:%zu:%d:%zu", d->index, s, subj, (int)rel, obj);
	if (ent_map_get(&ex->rel_seen, key))
		return;
	ent_map_put(&ex->rel_seen, key, 1);
	ENT_GROW(ex->rels, ex->cap_rels, ex->n_rels + 1);
	ent_rawrel *r = &ex->rels[ex->n_rels++];
	r->s = subj;
	r->o = obj;
	r->rel = rel;
	r->year = year;
	r->flags = flags;
	r->doc = d->index;
	r->line = d->sents[s].line;
	r->sentence = pool_sentence(ex, d, s);
	r->rule = rule;
}

/* The document's main actor: the country named most often (at least
 * twice), ties to the one named first. */
static size_t main_actor(ent_extractor *ex, ent_doc *d)
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

static void doc_release(ent_doc *d)
{
	free(d->toks);
	free(d->sents);
	free(d->sent_tok);
	free(d->ments);
	free(d->sent_ment);
	free(d->counts);
	ent_map_release(&d->lower);
	ent_map_release(&d->last_head);
}

ent_status ent_extractor_add_text(ent_extractor *ex, const char *doc,
				  const char *data, size_t len, ent_error *err)
{
	ent_doc d;
	char *text;
	size_t text_len;
	ent_status st;

	if (len > ENT_MAX_DOC_BYTES)
		return ent_error_set(err, ENT_ERR_LIMIT, doc, 0,
				     "document is larger than %zu bytes", ENT_MAX_DOC_BYTES);
	ent_markup kind = ent_markup_sniff(data, len);
	if (kind != ENT_MARKUP_NONE) {
		char *plain;
		size_t plain_len;
		st = ent_markup_text(doc, data, len, kind, &plain, &plain_len, err);
		if (st != ENT_OK)
			return st;
		st = ent_text_sanitize(doc, plain, plain_len, &text, &text_len, err);
		free(plain);
	} else {
		st = ent_text_sanitize(doc, data, len, &text, &text_len, err);
	}
	if (st != ENT_OK)
		return st;
	memset(&d, 0, sizeof(d));
	d.name = doc;
	d.index = ex->n_docs;
	d.text = text;
	d.actor = SIZE_MAX;
	d.title = SIZE_MAX;
	ENT_GROW(ex->docs, ex->cap_docs, ex->n_docs + 1);
	ex->docs[ex->n_docs++] = ent_xstrdup(doc);

	ent_text_split(text, text_len, &d.sents, &d.n_sents);
	d.sent_tok = ent_xmalloc((d.n_sents + 1) * sizeof(*d.sent_tok));
	d.sent_ment = ent_xmalloc((d.n_sents + 1) * sizeof(*d.sent_ment));
	for (size_t s = 0; s < d.n_sents; s++) {
		d.sent_tok[s] = d.n_toks;
		ent_tokenize(text, d.sents[s].start, d.sents[s].end, &d.toks, &d.n_toks,
			     &d.cap_toks, ENT_MAX_SENTENCE_TOKENS);
	}
	d.sent_tok[d.n_sents] = d.n_toks;
	for (size_t i = 0; i < d.n_toks; i++)
		if ((d.toks[i].flags & ENT_TK_LOWER) && d.toks[i].len < 64 &&
		    !ent_map_getn(&d.lower, text + d.toks[i].start, d.toks[i].len)) {
			char w[64];
			memcpy(w, text + d.toks[i].start, d.toks[i].len);
			w[d.toks[i].len] = '\0';
			ent_map_put(&d.lower, w, 1);
		}
	for (size_t s = 0; s < d.n_sents; s++) {
		d.sent_ment[s] = d.n_ments;
		ent_recognize(ex, &d, s);
	}
	d.sent_ment[d.n_sents] = d.n_ments;
	d.actor = main_actor(ex, &d);
	for (size_t s = 0; s < d.n_sents; s++) {
		d.sentence_id = SIZE_MAX;
		ent_relate(ex, &d, s);
	}
	ent_relate_document(ex, &d);
	doc_release(&d);
	free(text);
	ex->dirty = 1;
	return ENT_OK;
}

ent_status ent_extractor_add_file(ent_extractor *ex, const char *path,
				  ent_error *err)
{
	char *data;
	size_t len;
	ent_status st = ent_read_file(path, ENT_MAX_DOC_BYTES, &data, &len, err);

	if (st != ENT_OK)
		return st;
	st = ent_extractor_add_text(ex, strcmp(path, "-") ? path : "(stdin)", data, len, err);
	free(data);
	return st;
}

/* ---- the public corpus ---- */

static ent_extractor *sort_ex; /* qsort has no context argument */

static int cmp_rec(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	ent_type ta = ent_reg_type(sort_ex, a), tb = ent_reg_type(sort_ex, b);
	int c;

	if (ta != tb)
		return ta < tb ? -1 : 1;
	c = strcmp(sort_ex->recs[a].name, sort_ex->recs[b].name);
	if (c)
		return c;
	return strcmp(sort_ex->recs[a].key, sort_ex->recs[b].key);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void build_entity(ent_extractor *ex, size_t r, ent_entity *e)
{
	const ent_rec *rec = &ex->recs[r];
	const char **al = ent_xmalloc((rec->n_surfaces + 1) * sizeof(*al));
	size_t n = 0;

	for (size_t i = 0; i < rec->n_surfaces; i++)
		if (strcmp(rec->surfaces[i], rec->name))
			al[n++] = rec->surfaces[i];
	qsort(al, n, sizeof(*al), cmp_str);
	e->type = ent_reg_type(ex, r);
	e->name = rec->name;
	e->key = rec->key;
	e->aliases = al;
	e->n_aliases = n;
	e->mentions = rec->mentions;
}

const ent_corpus *ent_extractor_corpus(ent_extractor *ex)
{
	size_t *vis, nv = 0, nr = 0;
	char *used;

	if (!ex->dirty)
		return &ex->corpus;
	corpus_release(ex);
	ent_reg_resolve(ex);
	used = ent_xcalloc(ex->n_recs + 1, 1);
	for (size_t i = 0; i < ex->n_rels; i++) {
		used[ent_reg_find(ex, ex->rels[i].s)] = 1;
		used[ent_reg_find(ex, ex->rels[i].o)] = 1;
	}
	vis = ent_xmalloc((ex->n_recs + 1) * sizeof(*vis));
	for (size_t r = 0; r < ex->n_recs; r++)
		if (ent_reg_find(ex, r) == r && (ex->recs[r].mentions > 0 || used[r]))
			vis[nv++] = r;
	sort_ex = ex;
	qsort(vis, nv, sizeof(*vis), cmp_rec);
	ex->rank = ent_xmalloc((ex->n_recs + 1) * sizeof(*ex->rank));
	for (size_t r = 0; r < ex->n_recs; r++)
		ex->rank[r] = SIZE_MAX;
	ex->ents = ent_xcalloc(nv + 1, sizeof(*ex->ents));
	for (size_t i = 0; i < nv; i++) {
		ex->rank[vis[i]] = i;
		build_entity(ex, vis[i], &ex->ents[i]);
	}
	ex->orels = ent_xcalloc(ex->n_rels + 1, sizeof(*ex->orels));
	for (size_t i = 0; i < ex->n_rels; i++) {
		const ent_rawrel *raw = &ex->rels[i];
		size_t s = ex->rank[ent_reg_find(ex, raw->s)], o = ex->rank[ent_reg_find(ex, raw->o)];
		if (s == o || s == SIZE_MAX || o == SIZE_MAX)
			continue;
		if (ent_rel_symmetric(raw->rel) && o < s) {
			size_t t = s;
			s = o;
			o = t;
		}
		ent_relation *out = &ex->orels[nr++];
		out->subject = s;
		out->object = o;
		out->rel = raw->rel;
		out->year = raw->year;
		out->flags = raw->flags;
		out->ev.doc = ex->docs[raw->doc];
		out->ev.line = raw->line;
		out->ev.sentence = ex->sentences[raw->sentence];
		out->ev.rule = raw->rule;
	}
	free(vis);
	free(used);
	ex->corpus.entities = ex->ents;
	ex->corpus.n_entities = nv;
	ex->corpus.relations = ex->orels;
	ex->corpus.n_relations = nr;
	ex->corpus.n_documents = ex->n_docs;
	ex->dirty = 0;
	return &ex->corpus;
}
