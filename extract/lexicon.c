/*
 * Phrase tables, gazetteers and lexicons: parsing the TSV data tables and
 * longest-match lookup over tokens. Lookup allocates nothing: keys are
 * built in a stack buffer and every prefix is in the map, so a scan stops
 * at the first token that no phrase continues with.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

#define KEY_MAX 512

/* The slot of key[0, n), its own or the empty one where it belongs, and
 * its (a, b) (lexicon.h). */
static ent_vocab_slot *vocab_slot(const ent_vocab *v, const char *key, size_t n,
				  uint64_t *a, uint64_t *b)
{
	ent_vocab_slot *sl;
	size_t i;

	if (n <= ENT_VOCAB_SHORT) {
		ent_vocab_key(key, n, a, b);
		i = ent_vocab_home(v, *a, *b, n);
		while ((sl = &v->slots[i])->id && (sl->a != *a || sl->b != *b || sl->len != n))
			i = (i + 1) & (v->cap - 1);
		return sl;
	}
	*a = ent_hash(key, n);
	*b = 0;
	i = ent_vocab_home(v, *a, 0, n);
	while ((sl = &v->slots[i])->id &&
	       (sl->a != *a || sl->len != n || memcmp(v->long_keys + sl->b, key, n) != 0))
		i = (i + 1) & (v->cap - 1);
	return sl;
}

/* Twice the room, every key moved to where it now belongs. */
static void vocab_grow(ent_vocab *v)
{
	ent_vocab_slot *old = v->slots;
	size_t old_cap = v->cap;

	v->cap = old_cap ? old_cap * 2 : 64;
	v->shift = old_cap ? v->shift - 1 : 64 - 6;
	v->slots = ent_xcalloc(v->cap, sizeof(*v->slots));
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].id)
			continue;
		size_t j = ent_vocab_home(v, old[i].a,
					  old[i].len > ENT_VOCAB_SHORT ? 0 : old[i].b, old[i].len);
		while (v->slots[j].id)
			j = (j + 1) & (v->cap - 1);
		v->slots[j] = old[i];
	}
	free(old);
}

void ent_vocab_init(ent_vocab *v)
{
	memset(v, 0, sizeof(*v));
}

void ent_vocab_release(ent_vocab *v)
{
	free(v->slots);
	free(v->long_keys);
	ent_vocab_init(v);
}

uint32_t ent_vocab_intern(ent_vocab *v, const char *key, size_t n)
{
	ent_vocab_slot *sl;
	uint64_t a, b;

	if ((v->n + 1) * 2 >= v->cap)
		vocab_grow(v);
	sl = vocab_slot(v, key, n, &a, &b);
	if (sl->id)
		return sl->id;
	if (n > ENT_VOCAB_SHORT) {
		ENT_GROW(v->long_keys, v->long_cap, v->long_len + n);
		memcpy(v->long_keys + v->long_len, key, n);
		b = v->long_len;
		v->long_len += n;
	}
	sl->a = a;
	sl->b = b;
	sl->len = n;
	sl->id = (uint32_t)++v->n;
	return sl->id;
}

uint32_t ent_vocab_find(const ent_vocab *v, const char *key, size_t n)
{
	uint64_t a, b;

	return v->cap ? vocab_slot(v, key, n, &a, &b)->id : 0;
}

void ent_phrases_init_shared(ent_phrases *p, int fold, ent_vocab *v, unsigned ids)
{
	memset(p, 0, sizeof(*p));
	ent_vocab_init(&p->own);
	p->vocab = v ? v : &p->own;
	p->ids = ids;
	p->id_at = ids == ENT_IDS_EXACT ? offsetof(ent_token, gid)
		   : ids == ENT_IDS_FOLD ? offsetof(ent_token, fid) : offsetof(ent_token, kid);
	p->fold = fold;
	p->value = ent_xcalloc(16, sizeof(*p->value));
	p->slot = ent_xmalloc(16 * sizeof(*p->slot));
	p->cap_nodes = 16;
	p->n_nodes = 1; /* the root */
}

void ent_phrases_init(ent_phrases *p, int fold)
{
	ent_phrases_init_shared(p, fold, NULL, fold ? ENT_IDS_FOLD : ENT_IDS_EXACT);
}

void ent_phrases_release(ent_phrases *p)
{
	ent_vocab_release(&p->own);
	free(p->edge);
	free(p->child);
	free(p->value);
	free(p->slot);
	free(p->opens);
}

void ent_phrases_clear(ent_phrases *p)
{
	/* each node but the root came in by one edge, which it knows: the
	 * edges in use are emptied, not the whole table (a table kept for
	 * the next document is as large as the largest one so far), and so
	 * are the words of `opens` that the root's edges set */
	for (size_t node = 1; node < p->n_nodes; node++) {
		uint64_t k = p->edge[p->slot[node]];
		if (k >> 33 == 0)
			p->opens[(k >> 1 & 0xFFFFFFFFu) / 64] = 0;
		p->edge[p->slot[node]] = 0;
	}
	p->n_edges = 0;
	p->n_nodes = 1;
	p->value[0] = 0;
	p->max_tokens = 0;
	if (p->vocab == &p->own)
		ent_vocab_release(&p->own);
}

size_t ent_phrases_room(const ent_phrases *p)
{
	return p->cap_edges * (sizeof(*p->edge) + sizeof(*p->child)) +
	       p->cap_nodes * (sizeof(*p->value) + sizeof(*p->slot)) +
	       p->n_opens * sizeof(*p->opens);
}

/* Room for one more node. */
static void nodes_grow(ent_phrases *p)
{
	p->cap_nodes *= 2;
	p->value = ent_xrealloc(p->value, p->cap_nodes * sizeof(*p->value));
	p->slot = ent_xrealloc(p->slot, p->cap_nodes * sizeof(*p->slot));
}

static void edges_rehash(ent_phrases *p)
{
	size_t cap = p->cap_edges ? p->cap_edges * 2 : 64, mask = cap - 1;
	uint64_t *edge = ent_xcalloc(cap, sizeof(*edge));
	uint32_t *child = ent_xmalloc(cap * sizeof(*child));

	for (size_t k = 0; k < p->cap_edges; k++) {
		if (!p->edge[k])
			continue;
		size_t i = (size_t)((p->edge[k] * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
		while (edge[i])
			i = (i + 1) & mask;
		edge[i] = p->edge[k];
		child[i] = p->child[k];
		p->slot[child[i]] = (uint32_t)i;
	}
	free(p->edge);
	free(p->child);
	p->edge = edge;
	p->child = child;
	p->cap_edges = cap;
}

/* The child of node along (id, space), created when new. */
static uint32_t phrases_step(ent_phrases *p, uint32_t node, uint32_t id, int space)
{
	uint32_t c = ent_phrases_child(p, node, id, space);

	if (c)
		return c;
	if ((p->n_edges + 1) * 2 > p->cap_edges)
		edges_rehash(p);
	uint64_t k = ent_phrases_edge_key(node, id, space);
	size_t mask = p->cap_edges - 1, i = (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
	while (p->edge[i])
		i = (i + 1) & mask;
	if (p->n_nodes == p->cap_nodes)
		nodes_grow(p);
	p->value[p->n_nodes] = 0;
	p->slot[p->n_nodes] = (uint32_t)i;
	if (node == 0) {
		if (id / 64 >= p->n_opens) {
			size_t n = id / 64 + 1 > p->n_opens * 2 ? id / 64 + 1 : p->n_opens * 2;
			p->opens = ent_xrealloc(p->opens, n * sizeof(*p->opens));
			memset(p->opens + p->n_opens, 0, (n - p->n_opens) * sizeof(*p->opens));
			p->n_opens = n;
		}
		p->opens[id / 64] |= (uint64_t)1 << (id % 64);
	}
	p->edge[i] = k;
	p->child[i] = (uint32_t)p->n_nodes++;
	p->n_edges++;
	return p->child[i];
}

/* Append token t's key to key[*len], folding case if asked; -1 when the
 * key would not fit. */
static int key_append_slow(char *key, size_t *len, const char *text,
			   const ent_token *t, int space, int fold)
{
	size_t n;

	if (space) {
		if (*len + 2 >= KEY_MAX)
			return -1;
		key[(*len)++] = ' ';
	}
	n = ent_token_keyn(key + *len, KEY_MAX - *len, text, t);
	if (n == (size_t)-1)
		return -1;
	if (fold)
		for (size_t i = *len; i < *len + n; i++)
			if (key[i] >= 'A' && key[i] <= 'Z')
				key[i] = (char)(key[i] + 32);
	*len += n;
	return 0;
}

/* The same; a token of ASCII only is its own key, copied (and folded) in
 * one pass. */
static int key_append(char *key, size_t *len, const char *text, const ent_token *t, int space,
		      int fold)
{
	const unsigned char *s = (const unsigned char *)text + t->start;
	size_t at = *len + (space ? 1 : 0), n = t->len, k;

	if (at + n + 1 <= KEY_MAX) {
		for (k = 0; k < n && s[k] < 0x80; k++) {
			unsigned char c = s[k];
			if (fold && c >= 'A' && c <= 'Z')
				c = (unsigned char)(c + 32);
			key[at + k] = (char)c;
		}
		if (k == n) {
			if (space)
				key[*len] = ' ';
			key[at + n] = '\0';
			*len = at + n;
			return 0;
		}
	}
	return key_append_slow(key, len, text, t, space, fold);
}

void ent_phrases_add(ent_phrases *p, const char *phrase, size_t value)
{
	/* at most 64 tokens are read, so they fit here and the tokenizer
	 * never grows the array */
	ent_token stack[64], *toks = stack;
	size_t n = 0, cap = 64, len = 0;
	char key[KEY_MAX];
	uint32_t node = 0;

	ent_tokenize(phrase, 0, strlen(phrase), &toks, &n, &cap, 64);
	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		/* the whole phrase's key must fit, as it always did */
		int space = i > 0 && (toks[i].flags & ENT_TK_SPACE);
		size_t had = len + (space ? 1 : 0);
		if (key_append(key, &len, phrase, &toks[i], space, p->fold) < 0)
			break;
		node = phrases_step(p, node, ent_vocab_intern(p->vocab, key + had, len - had), space);
		if (i + 1 == n)
			p->value[node] = value + 1;
	}
	if (n > p->max_tokens)
		p->max_tokens = n;
}

/* Is t one punctuation mark beyond ASCII other than the apostrophe ’: an
 * en dash ("Thailand–Latvia ..."), a curly double quote? The tokenizer
 * makes any such character a token of its own, whatever is around it, so
 * written out it tokenizes back into itself; its key (a dash or quote
 * folded to ASCII) is what the document numbered it by, in the same
 * vocabulary the text path interns it into. The apostrophe is left out:
 * it may join the letters around it or make a possessive. */
static int wide_mark(const char *text, const ent_token *t)
{
	const unsigned char *s = (const unsigned char *)text + t->start;
	size_t l = s[0] < 0xC0 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	size_t dl;

	if (!(t->flags & ENT_TK_PUNCT) || t->len != l)
		return 0;
	return ent_utf8_decode((const char *)s, &dl) != 0x2019;
}

/* Tokens whose text, written out alone, tokenizes back into themselves:
 * ASCII letters and digits, one ASCII punctuation mark other than the
 * apostrophe (whose meaning depends on what follows), or one wide mark
 * (above). The key of the ASCII ones is their text. */
static int plain_token(const char *text, const ent_token *t)
{
	const unsigned char *s = (const unsigned char *)text + t->start;

	if (!(t->flags & ENT_TK_IDS))
		return 0;
	if (s[0] >= 0x80)
		return wide_mark(text, t);
	for (size_t k = 0; k < t->len; k++)
		if (s[k] >= 0x80 || s[k] == '\'' || (t->len > 1 && !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') &&
								  !(s[k] >= '0' && s[k] <= '9')))
			return 0;
	return 1;
}

int ent_phrases_add_tokens(ent_phrases *p, const char *text, const ent_token *toks, size_t a,
			   size_t b, size_t value)
{
	size_t len = 0;
	uint32_t node = 0;

	if (a >= b || b - a > 64)
		return 0;
	for (size_t k = a; k < b; k++) {
		if (!plain_token(text, &toks[k]))
			return 0;
		len += (k > a && (toks[k].flags & ENT_TK_SPACE)) + toks[k].len;
	}
	if (len + 1 > KEY_MAX)
		return 0;
	for (size_t k = a; k < b; k++)
		node = phrases_step(p, node, ent_phrases_token_id(p, &toks[k]),
				    k > a && (toks[k].flags & ENT_TK_SPACE));
	p->value[node] = value + 1;
	if (b - a > p->max_tokens)
		p->max_tokens = b - a;
	return 1;
}

/* The walk on from token i, which led to `node`, by the ids the document
 * gave its tokens: no key is built. */
static size_t phrases_walk(const ent_phrases *p, const ent_token *toks, size_t i, size_t n,
			   uint32_t node, size_t *value)
{
	size_t best = 0, j = i + 1;

	for (;;) {
		if (p->value[node]) {
			best = j - i;
			*value = p->value[node] - 1;
		}
		if (j >= n || j - i >= p->max_tokens || !(toks[j].flags & ENT_TK_IDS))
			break;
		node = ent_phrases_child(p, node, ent_phrases_token_id(p, &toks[j]),
					 (toks[j].flags & ENT_TK_SPACE) != 0);
		if (!node)
			break;
		j++;
	}
	return best;
}

/* The same for tokens not numbered (a phrase built in memory): each key is
 * looked up in the table's vocabulary. */
static size_t phrases_walk_text(const ent_phrases *p, const char *text,
				const ent_token *toks, size_t i, size_t n, size_t *value)
{
	char key[KEY_MAX];
	size_t len = 0, best = 0;
	uint32_t node = 0;

	for (size_t j = i; j < n && j - i < p->max_tokens; j++) {
		int space = j > i && (toks[j].flags & ENT_TK_SPACE);
		size_t had = len + (space ? 1 : 0);
		if (key_append(key, &len, text, &toks[j], space, p->fold) < 0)
			break;
		node = ent_phrases_child(p, node, ent_vocab_find(p->vocab, key + had, len - had),
					 space);
		if (!node)
			break;
		if (p->value[node]) {
			best = j - i + 1;
			*value = p->value[node] - 1;
		}
	}
	return best;
}

size_t ent_phrases_walk(const ent_phrases *p, const char *text, const ent_token *toks,
			size_t i, size_t n, size_t *value)
{
	uint32_t node;

	if (!(toks[i].flags & ENT_TK_IDS))
		return phrases_walk_text(p, text, toks, i, n, value);
	node = ent_phrases_child(p, 0, ent_phrases_token_id(p, &toks[i]), 0);
	return node ? phrases_walk(p, toks, i, n, node, value) : 0;
}

/* Split `line` at tabs into at most `max` fields (in place). */
static size_t split_fields(char *line, char **f, size_t max)
{
	size_t n = 0;

	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

/* Call fn(ctx, fields, n, lineno) for every non-comment line of src. */
typedef ent_status (*row_fn)(void *ctx, char **f, size_t n, const char *origin,
			     long line, ent_error *err);

static ent_status each_row(const char *src, const char *origin, row_fn fn,
			   void *ctx, ent_error *err)
{
	char *copy = ent_xstrdup(src), *save = copy, *line;
	long lineno = 0;
	ent_status st = ENT_OK;

	while (st == ENT_OK && (line = save) != NULL && *line) {
		char *nl = strchr(line, '\n');
		if (nl) {
			*nl = '\0';
			save = nl + 1;
		} else {
			save = NULL;
		}
		lineno++;
		size_t l = strlen(line);
		if (l && line[l - 1] == '\r')
			line[--l] = '\0';
		if (!l || line[0] == '#')
			continue;
		char *f[8];
		size_t n = split_fields(line, f, 8);
		st = fn(ctx, f, n, origin, lineno, err);
	}
	free(copy);
	return st;
}

void ent_gazetteer_init(ent_gazetteer *g, ent_vocab *v)
{
	memset(g, 0, sizeof(*g));
	ent_phrases_init_shared(&g->names, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&g->adjectives, 0, v, ENT_IDS_EXACT);
	ent_map_init(&g->by_key);
	ent_map_init(&g->by_norm);
}

void ent_gazetteer_release(ent_gazetteer *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->entries[i].key);
		free(g->entries[i].name);
		free(g->entries[i].norm);
	}
	free(g->entries);
	ent_phrases_release(&g->names);
	ent_phrases_release(&g->adjectives);
	ent_map_release(&g->by_key);
	ent_map_release(&g->by_norm);
}

static void add_list(ent_phrases *p, char *list, size_t value)
{
	char *s = list;

	while (s && *s) {
		char *bar = strchr(s, '|');
		if (bar)
			*bar = '\0';
		while (*s == ' ')
			s++;
		if (*s)
			ent_phrases_add(p, s, value);
		s = bar ? bar + 1 : NULL;
	}
}

/* Index entry idx by its name's normal form, computed here once for
 * the registry, which looks names up by it in every document. */
static void gaz_norm(ent_gazetteer *g, size_t idx)
{
	ent_gaz_entry *e = &g->entries[idx];
	size_t *prev;

	e->norm = ent_xmalloc(strlen(e->name) + 1);
	e->norm_len = ent_name_norm_into(e->name, e->norm);
	e->norm_hash = ent_hash(e->norm, e->norm_len);
	prev = ent_map_getnh(&g->by_norm, e->norm, e->norm_len, e->norm_hash);
	e->same_norm = prev ? *prev + 1 : 0;
	ent_map_putnh(&g->by_norm, e->norm, e->norm_len, e->norm_hash, idx);
}

static ent_status gaz_row(void *ctx, char **f, size_t n, const char *origin,
			  long line, ent_error *err)
{
	ent_gazetteer *g = ctx;
	ent_type type;
	size_t idx, *have;

	if (n < 3 || !*f[1] || !*f[2])
		return ent_error_set(err, ENT_ERR_INPUT, origin, line,
				     "expected type, key and name separated by tabs");
	if (ent_type_parse(f[0], &type) != 0)
		return ent_error_set(err, ENT_ERR_INPUT, origin, line,
				     "unknown entity type '%s'", f[0]);
	have = ent_map_get(&g->by_key, f[1]);
	if (have) {
		idx = *have;
	} else {
		ENT_GROW(g->entries, g->cap, g->n + 1);
		idx = g->n++;
		g->entries[idx].type = type;
		g->entries[idx].region = !strncmp(f[1], "region:", 7);
		g->entries[idx].shared_key = !strncmp(f[1], "n:", 2);
		g->entries[idx].key = ent_xstrdup(f[1]);
		g->entries[idx].name = ent_xstrdup(f[2]);
		gaz_norm(g, idx);
		ent_map_put(&g->by_key, f[1], idx);
	}
	ent_phrases_add(&g->names, f[2], idx);
	if (n > 3)
		add_list(&g->names, f[3], idx);
	if (n > 4)
		add_list(&g->adjectives, f[4], idx);
	return ENT_OK;
}

ent_status ent_gazetteer_load(ent_gazetteer *g, const char *src,
			      const char *origin, ent_error *err)
{
	return each_row(src, origin, gaz_row, g, err);
}

void ent_lexicon_init(ent_lexicon *lx, ent_vocab *v)
{
	memset(lx, 0, sizeof(*lx));
	ent_phrases_init_shared(&lx->heads, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->lheads, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->appos, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->connectors, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->segments, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->titles, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->ordinals, 0, v, ENT_IDS_EXACT);
	ent_phrases_init_shared(&lx->triggers, 1, v, ENT_IDS_FOLD);
	ent_phrases_init_shared(&lx->hedges, 1, v, ENT_IDS_FOLD);
	ent_phrases_init_shared(&lx->negations, 1, v, ENT_IDS_FOLD);
	ent_map_init(&lx->generic);
	ent_map_init(&lx->stopinit);
}

void ent_lexicon_release(ent_lexicon *lx)
{
	ent_phrases_release(&lx->heads);
	ent_phrases_release(&lx->lheads);
	ent_phrases_release(&lx->appos);
	ent_phrases_release(&lx->connectors);
	ent_phrases_release(&lx->segments);
	ent_phrases_release(&lx->titles);
	ent_phrases_release(&lx->ordinals);
	ent_phrases_release(&lx->triggers);
	ent_phrases_release(&lx->hedges);
	ent_phrases_release(&lx->negations);
	ent_map_release(&lx->generic);
	ent_map_release(&lx->stopinit);
}

/* Parse a trigger value "relation[,flag...]". */
static int trigger_value(const char *v, size_t *out)
{
	char buf[64];
	ent_rel rel;
	size_t val;
	char *flag;

	snprintf(buf, sizeof(buf), "%s", v);
	flag = strchr(buf, ',');
	if (flag)
		*flag++ = '\0';
	if (ent_rel_parse(buf, &rel) != 0)
		return -1;
	val = (size_t)rel;
	while (flag && *flag) {
		char *next = strchr(flag, ',');
		if (next)
			*next++ = '\0';
		if (!strcmp(flag, "joint"))
			val |= ENT_TRIG_JOINT;
		else if (!strcmp(flag, "with"))
			val |= ENT_TRIG_WITH;
		else if (!strcmp(flag, "between"))
			val |= ENT_TRIG_BETWEEN;
		else if (!strcmp(flag, "aid"))
			val |= ENT_TRIG_AID;
		else if (!strcmp(flag, "noun"))
			val |= ENT_TRIG_NOUN;
		else if (!strcmp(flag, "org"))
			val |= ENT_TRIG_ORG;
		else if (!strcmp(flag, "weak"))
			val |= ENT_TRIG_WEAK;
		else
			return -1;
		flag = next;
	}
	*out = val;
	return 0;
}

static ent_status lex_row(void *ctx, char **f, size_t n, const char *origin,
			  long line, ent_error *err)
{
	ent_lexicon *lx = ctx;
	const char *kind = f[0], *phrase = n > 1 ? f[1] : "", *val = n > 2 ? f[2] : "";
	ent_type type;
	size_t v;

	if (!*phrase)
		return ent_error_set(err, ENT_ERR_INPUT, origin, line, "empty phrase");
	if (!strcmp(kind, "head") || !strcmp(kind, "lhead") || !strcmp(kind, "appos")) {
		if (ent_type_parse(val, &type) != 0)
			return ent_error_set(err, ENT_ERR_INPUT, origin, line,
					     "unknown entity type '%s'", val);
		ent_phrases_add(kind[0] == 'h' ? &lx->heads : kind[0] == 'l' ? &lx->lheads : &lx->appos,
				phrase, (size_t)type);
	} else if (!strcmp(kind, "trigger")) {
		if (trigger_value(val, &v) != 0)
			return ent_error_set(err, ENT_ERR_INPUT, origin, line,
					     "bad trigger value '%s'", val);
		ent_phrases_add(&lx->triggers, phrase, v);
	} else if (!strcmp(kind, "generic") || !strcmp(kind, "stopinit")) {
		ent_map *m = kind[0] == 'g' ? &lx->generic : &lx->stopinit;
		char *norm = kind[0] == 'g' ? ent_name_norm(phrase) : ent_xstrdup(phrase);
		ent_map_put(m, norm, 1);
		if (kind[0] == 'g' && strlen(norm) > lx->generic_max)
			lx->generic_max = strlen(norm);
		free(norm);
	} else {
		static const struct {
			const char *kind;
			size_t off;
		} simple[] = {
			{ "connector", offsetof(ent_lexicon, connectors) },
			{ "segment", offsetof(ent_lexicon, segments) },
			{ "title", offsetof(ent_lexicon, titles) },
			{ "ordinal", offsetof(ent_lexicon, ordinals) },
			{ "hedge", offsetof(ent_lexicon, hedges) },
			{ "negation", offsetof(ent_lexicon, negations) },
		};
		size_t i;
		for (i = 0; i < sizeof(simple) / sizeof(simple[0]); i++)
			if (!strcmp(kind, simple[i].kind))
				break;
		if (i == sizeof(simple) / sizeof(simple[0]))
			return ent_error_set(err, ENT_ERR_INPUT, origin, line,
					     "unknown lexicon kind '%s'", kind);
		ent_phrases_add((ent_phrases *)((char *)lx + simple[i].off), phrase, 0);
	}
	return ENT_OK;
}

ent_status ent_lexicon_load(ent_lexicon *lx, const char *src,
			    const char *origin, ent_error *err)
{
	return each_row(src, origin, lex_row, lx, err);
}
