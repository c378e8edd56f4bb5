/*
 * The entity registry: one record per real-world thing across all
 * documents. Gazetteer entities are keyed by their stable key; names found
 * by patterns by their normalized form. Records merge (union-find) when the
 * text shows two names are one thing: an acronym and its expansion, a
 * short form and its long form.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

size_t ent_reg_find(ent_ws *ex, size_t r)
{
	size_t root = r;

	while (ex->recs[root].parent != root)
		root = ex->recs[root].parent;
	while (ex->recs[r].parent != root) {
		size_t next = ex->recs[r].parent;
		ex->recs[r].parent = root;
		r = next;
	}
	return root;
}

static size_t reg_new(ent_ws *ex, char *key, const char *name, long gaz)
{
	ent_rec *r;

	ENT_GROW(ex->recs, ex->cap_recs, ex->n_recs + 1);
	r = &ex->recs[ex->n_recs];
	memset(r, 0, sizeof(*r));
	r->key = key;
	r->name = ent_xstrdup(name);
	r->gaz = gaz;
	r->parent = ex->n_recs;
	return ex->n_recs++;
}

/* The normal form of s, in the work state's room for it: valid until the
 * next call. Saves a malloc() and free() per name. */
static const char *norm_of(ent_ws *ex, const char *s, size_t *len)
{
	ENT_GROW(ex->norm, ex->cap_norm, strlen(s) + 1);
	*len = ent_name_norm_into(s, ex->norm);
	return ex->norm;
}

static void norm_index(ent_ws *ex, const char *surface, size_t r)
{
	size_t len;
	const char *n = norm_of(ex, surface, &len);

	if (*n && !ent_map_getn(&ex->by_norm, n, len))
		ent_map_put(&ex->by_norm, n, r);
}

/* The record created last with this key, or SIZE_MAX. */
static size_t last_with_key(const ent_ws *ex, const char *key)
{
	for (size_t r = ex->n_recs; r-- > 0;)
		if (!strcmp(ex->recs[r].key, key))
			return r;
	return SIZE_MAX;
}

/* An entry stands for the record made last with its key. Keys are unique
 * among entries and a pattern record's key starts with "n:", so for any
 * other key that is the one record made for the entry, which gaz_rec
 * keeps. A gazetteer key that starts with "n:" may be shared with a
 * pattern record, made before or after: those (rare) entries search. */
size_t ent_reg_gazetteer(ent_ws *ex, size_t entry)
{
	const ent_gaz_entry *e = &ex->gaz->entries[entry];
	int shared = e->key[0] == 'n' && e->key[1] == ':';
	size_t r;

	if (!ex->gaz_rec)
		ex->gaz_rec = ent_xcalloc(ex->gaz->n + 1, sizeof(*ex->gaz_rec));
	if (!shared && ex->gaz_rec[entry])
		return ent_reg_find(ex, ex->gaz_rec[entry] - 1);
	if (shared && (r = last_with_key(ex, e->key)) != SIZE_MAX)
		return ent_reg_find(ex, r);
	r = reg_new(ex, ent_xstrdup(e->key), e->name, (long)entry);
	ex->gaz_rec[entry] = r + 1;
	ex->recs[r].votes[e->type] = 1;
	/* the gazetteer's own name wins over a pattern record of that name */
	size_t len;
	ent_map_put(&ex->by_norm, norm_of(ex, e->name, &len), r);
	return r;
}

size_t ent_reg_name(ent_ws *ex, const char *surface, ent_type type)
{
	/* the key is "n:" + the normal form, which is normalized in place */
	char *key = ent_xmalloc(strlen(surface) + 3);
	const char *n = key + 2;
	size_t nl = ent_name_norm_into(surface, key + 2);
	size_t *have = ent_map_getn(&ex->by_norm, n, nl), r;

	if (have) {
		free(key);
		r = ent_reg_find(ex, *have);
		if (ex->recs[r].gaz < 0)
			ex->recs[r].votes[type]++;
		return r;
	}
	memcpy(key, "n:", 2);
	r = reg_new(ex, key, surface, -1);
	ex->recs[r].votes[type] = 1;
	ent_map_put(&ex->by_norm, n, r);
	return r;
}

static void add_surface(ent_ws *ex, size_t r, const char *surface, int may_name);

void ent_reg_surface(ent_ws *ex, size_t r, const char *surface)
{
	add_surface(ex, r, surface, 1);
}

void ent_reg_alias(ent_ws *ex, size_t r, const char *surface)
{
	add_surface(ex, r, surface, 0);
}

/* Record a surface form; the longest form becomes the canonical name of a
 * pattern entity unless the form carries extra words (a title, a trailing
 * "campaign"). */
static void add_surface(ent_ws *ex, size_t r, const char *surface, int may_name)
{
	ent_rec *rec;

	r = ent_reg_find(ex, r);
	rec = &ex->recs[r];
	for (size_t i = 0; i < rec->n_surfaces; i++)
		if (!strcmp(rec->surfaces[i], surface))
			return;
	ENT_GROW(rec->surfaces, rec->cap_surfaces, rec->n_surfaces + 1);
	rec->surfaces[rec->n_surfaces++] = ent_xstrdup(surface);
	/* by_norm has held the normal form of every record's name since the
	 * name was given (and keeps every key), so the name needs no look-up */
	if (strcmp(surface, rec->name))
		norm_index(ex, surface, r);
	if (may_name && rec->gaz < 0 && strlen(surface) > strlen(rec->name)) {
		free(rec->name);
		rec->name = ent_xstrdup(surface);
	}
}

void ent_reg_vote(ent_ws *ex, size_t r, ent_type type)
{
	r = ent_reg_find(ex, r);
	if (ex->recs[r].gaz < 0)
		ex->recs[r].votes[type]++;
}

ent_type ent_reg_type(const ent_ws *ex, size_t r)
{
	const ent_rec *rec = &ex->recs[r];
	int best = 0;

	if (rec->gaz >= 0)
		return ex->gaz->entries[rec->gaz].type;
	for (int t = 1; t < ENT_TYPE_COUNT; t++)
		if (rec->votes[t] > rec->votes[best])
			best = t;
	return (ent_type)best;
}

int ent_reg_actor(const ent_ws *ex, size_t r)
{
	const ent_rec *rec = &ex->recs[r];
	ent_type t = ent_reg_type(ex, r);

	if (t == ENT_TYPE_PLACE)
		return rec->gaz >= 0 && ex->gaz->entries[rec->gaz].region;
	return ent_type_is_actor(t);
}

/* Merge record `from` into `into`: surfaces, votes and mentions move; a
 * gazetteer record always stays the root. */
void ent_reg_merge(ent_ws *ex, size_t from, size_t into)
{
	from = ent_reg_find(ex, from);
	into = ent_reg_find(ex, into);
	if (from == into)
		return;
	if (ex->recs[from].gaz >= 0 && ex->recs[into].gaz < 0) {
		size_t t = from;
		from = into;
		into = t;
	}
	ent_rec *f = &ex->recs[from], *t = &ex->recs[into];
	f->parent = into;
	for (int i = 0; i < ENT_TYPE_COUNT; i++)
		t->votes[i] += f->votes[i];
	t->mentions += f->mentions;
	f->mentions = 0;
	/* the merged name may become canonical; its other forms (titled,
	 * plural) stay aliases as they were */
	ent_reg_surface(ex, into, f->name);
	for (size_t i = 0; i < f->n_surfaces; i++)
		ent_reg_alias(ex, into, f->surfaces[i]);
}

/* Is the normalized prefix pre[0, n) an organization's name ("g20 ...")
 * or a run of actors' names ("eu japan ...")? Greedy, longest first. */
static int owner_prefix(ent_ws *ex, const char *pre, size_t n)
{
	size_t *r = ent_map_getn(&ex->by_norm, pre, n);
	size_t i = 0, parts = 0;

	if (r && ent_reg_type(ex, ent_reg_find(ex, *r)) == ENT_TYPE_ORGANIZATION)
		return 1;
	while (i < n) {
		size_t best = 0;
		for (size_t e = n; e > i; e--) {
			if (e < n && pre[e] != ' ')
				continue;
			r = ent_map_getn(&ex->by_norm, pre + i, e - i);
			if (r && ent_reg_actor(ex, ent_reg_find(ex, *r))) {
				best = e;
				break;
			}
		}
		if (!best)
			return 0;
		parts++;
		i = best < n ? best + 1 : n;
	}
	return parts >= 2;
}

/* A person named by one word ("Prime Minister Kishida") is the one person
 * whose full name ends with that word ("Fumio Kishida"), if only one does. */
static void merge_surnames(ent_ws *ex)
{
	for (size_t a = 0; a < ex->n_recs; a++) {
		if (ent_reg_find(ex, a) != a || ex->recs[a].gaz >= 0 ||
		    ent_reg_type(ex, a) != ENT_TYPE_PERSON || strchr(ex->recs[a].name, ' '))
			continue;
		const char *sur = ex->recs[a].name;
		size_t sl = strlen(sur), found = SIZE_MAX, count = 0;
		for (size_t b = 0; b < ex->n_recs; b++) {
			const char *nm = ex->recs[b].name;
			size_t l = strlen(nm);
			if (b == a || ent_reg_find(ex, b) != b || ent_reg_type(ex, b) != ENT_TYPE_PERSON ||
			    l <= sl + 1 || nm[l - sl - 1] != ' ' || strcmp(nm + l - sl, sur))
				continue;
			found = b;
			count++;
		}
		if (count == 1)
			ent_reg_merge(ex, a, found);
	}
}

/* Short forms merge into the one long form that extends them:
 * "Cybersecurity Law" into "Cybersecurity Law of the People's Republic of
 * China", "Digital Economy Task Force" into "G20 Digital Economy Task
 * Force". A short form that several long forms extend stays apart. */
void ent_reg_resolve(ent_ws *ex)
{
	size_t n = ex->n_recs;
	size_t *claim = ent_xmalloc(n * sizeof(*claim));
	const size_t none = SIZE_MAX, many = SIZE_MAX - 1;

	for (size_t i = 0; i < n; i++)
		claim[i] = none;
	for (size_t b = 0; b < n; b++) {
		if (ent_reg_find(ex, b) != b || ex->recs[b].gaz >= 0)
			continue;
		size_t len;
		const char *nb = norm_of(ex, ex->recs[b].name, &len);
		ent_type tb = ent_reg_type(ex, b);
		const char *last_space = strrchr(nb, ' ');
		/* every word-aligned prefix and suffix of the long name; each is
		 * looked up only where it could be claimed: a prefix before
		 * "of", "for" or "on", a suffix of two words or more (one with a
		 * space in it: the normal form has no space at either end) */
		for (size_t cut = 1; cut < len; cut++) {
			if (nb[cut] != ' ')
				continue;
			const char *pre = nb, *suf = nb + cut + 1;
			int of_follows = (*suf == 'o' || *suf == 'f') &&
					 (!strncmp(nb + cut, " of ", 4) ||
					  !strncmp(nb + cut, " for ", 5) ||
					  !strncmp(nb + cut, " on ", 4));
			size_t *pa = of_follows ? ent_map_getn(&ex->by_norm, pre, cut) : NULL;
			size_t cand[2] = { pa ? *pa : none, none };
			size_t *sa = last_space > nb + cut ? ent_map_get(&ex->by_norm, suf) : NULL;
			if (sa && owner_prefix(ex, pre, cut))
				cand[1] = *sa;
			for (int k = 0; k < 2; k++) {
				if (cand[k] == none)
					continue;
				size_t a = ent_reg_find(ex, cand[k]);
				if (a == b || ex->recs[a].gaz >= 0 || ent_reg_type(ex, a) != tb)
					continue;
				claim[a] = claim[a] == none || claim[a] == b ? b : many;
			}
		}
	}
	for (size_t a = 0; a < n; a++)
		if (claim[a] != none && claim[a] != many)
			ent_reg_merge(ex, a, claim[a]);
	free(claim);
	merge_surnames(ex);
}

void ent_reg_release(ent_ws *ex)
{
	for (size_t i = 0; i < ex->n_recs; i++) {
		ent_rec *r = &ex->recs[i];
		free(r->key);
		free(r->name);
		for (size_t j = 0; j < r->n_surfaces; j++)
			free(r->surfaces[j]);
		free(r->surfaces);
	}
	free(ex->recs);
	ex->recs = NULL;
	ex->n_recs = ex->cap_recs = 0;
}
