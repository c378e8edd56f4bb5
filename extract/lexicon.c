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

void ent_phrases_init(ent_phrases *p, int fold)
{
	ent_map_init(&p->map);
	p->max_tokens = 0;
	p->fold = fold;
	memset(p->first, 0, sizeof(p->first));
}

void ent_phrases_release(ent_phrases *p)
{
	ent_map_release(&p->map);
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

/* The same, and *h continued over what was appended (see ent_hash_more).
 * A token of ASCII only is its own key: copied, folded and hashed in one
 * pass; any other goes through ent_token_keyn(). */
static int key_append(char *key, size_t *len, uint64_t *h, const char *text,
		      const ent_token *t, int space, int fold)
{
	const unsigned char *s = (const unsigned char *)text + t->start;
	size_t at = *len + (space ? 1 : 0), n = t->len, k;
	uint64_t hh = *h;

	if (at + n + 1 <= KEY_MAX) {
		if (space)
			hh = (hh ^ ' ') * 1099511628211ULL;
		if (fold) {
			for (k = 0; k < n && s[k] < 0x80; k++) {
				unsigned char c = s[k];
				if (c >= 'A' && c <= 'Z')
					c = (unsigned char)(c + 32);
				key[at + k] = (char)c;
				hh = (hh ^ c) * 1099511628211ULL;
			}
		} else {
			for (k = 0; k < n && s[k] < 0x80; k++) {
				key[at + k] = (char)s[k];
				hh = (hh ^ s[k]) * 1099511628211ULL;
			}
		}
		if (k == n) {
			if (space)
				key[*len] = ' ';
			key[at + n] = '\0';
			*len = at + n;
			*h = hh;
			return 0;
		}
	}
	size_t had = *len;
	if (key_append_slow(key, len, text, t, space, fold) < 0)
		return -1;
	*h = ent_hash_more(*h, key + had, *len - had);
	return 0;
}

void ent_phrases_add(ent_phrases *p, const char *phrase, size_t value)
{
	/* at most 64 tokens are read, so they fit here and the tokenizer
	 * never grows the array */
	ent_token stack[64], *toks = stack;
	size_t n = 0, cap = 64, len = 0;
	char key[KEY_MAX];
	uint64_t h = ENT_HASH_EMPTY;

	ent_tokenize(phrase, 0, strlen(phrase), &toks, &n, &cap, 64);
	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (key_append(key, &len, &h, phrase, &toks[i],
			       i > 0 && (toks[i].flags & ENT_TK_SPACE), p->fold) < 0)
			break;
		if (i == 0) {
			uint32_t bit = ent_phrases_first_bit((const unsigned char *)key, len);
			p->first[bit / 64] |= (uint64_t)1 << (bit % 64);
		}
		if (i + 1 == n)
			ent_map_putnh(&p->map, key, len, h, value + 1);
		else if (!ent_map_getnh(&p->map, key, len, h))
			ent_map_putnh(&p->map, key, len, h, 0);
	}
	if (n > p->max_tokens)
		p->max_tokens = n;
}

/* The longest-match scan proper, once the filter let token i through; kept
 * apart so that the common early answer needs no key buffer. */
static size_t phrases_scan(const ent_phrases *p, const char *text,
			   const ent_token *toks, size_t i, size_t n, size_t *value)
{
	char key[KEY_MAX];
	size_t len = 0, best = 0;
	uint64_t h = ENT_HASH_EMPTY;

	for (size_t j = i; j < n && j - i < p->max_tokens; j++) {
		/* the key grows by a word: hash only what was added */
		if (key_append(key, &len, &h, text, &toks[j],
			       j > i && (toks[j].flags & ENT_TK_SPACE), p->fold) < 0)
			break;
		size_t *v = ent_map_getnh(&p->map, key, len, h);
		if (!v)
			break;
		if (*v) {
			best = j - i + 1;
			*value = *v - 1;
		}
	}
	return best;
}

size_t ent_phrases_match(const ent_phrases *p, const char *text,
			 const ent_token *toks, size_t i, size_t n,
			 size_t *value)
{
	if (i >= n || !ent_phrases_may_open(p, text, &toks[i]))
		return 0;
	return phrases_scan(p, text, toks, i, n, value);
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

void ent_gazetteer_init(ent_gazetteer *g)
{
	memset(g, 0, sizeof(*g));
	ent_phrases_init(&g->names, 0);
	ent_phrases_init(&g->adjectives, 0);
	ent_map_init(&g->by_key);
}

void ent_gazetteer_release(ent_gazetteer *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->entries[i].key);
		free(g->entries[i].name);
	}
	free(g->entries);
	ent_phrases_release(&g->names);
	ent_phrases_release(&g->adjectives);
	ent_map_release(&g->by_key);
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
		g->entries[idx].key = ent_xstrdup(f[1]);
		g->entries[idx].name = ent_xstrdup(f[2]);
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

void ent_lexicon_init(ent_lexicon *lx)
{
	memset(lx, 0, sizeof(*lx));
	ent_phrases_init(&lx->heads, 0);
	ent_phrases_init(&lx->lheads, 0);
	ent_phrases_init(&lx->appos, 0);
	ent_phrases_init(&lx->connectors, 0);
	ent_phrases_init(&lx->segments, 0);
	ent_phrases_init(&lx->titles, 0);
	ent_phrases_init(&lx->ordinals, 0);
	ent_phrases_init(&lx->triggers, 1);
	ent_phrases_init(&lx->hedges, 1);
	ent_phrases_init(&lx->negations, 1);
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
