/*
 * The entity registry: one record per real-world thing across all
 * documents. Gazetteer entities are keyed by their stable key; names found
 * by patterns by their normalized form. Records merge (union-find) when the
 * text shows two names are one thing: an acronym and its expansion, a
 * short form and its long form.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The records' strings and surface lists come from chunks that the
 * working state frees together: a record never gives back one string
 * alone, so a malloc() and free() per string would buy nothing. */
struct ent_reg_chunk {
	ent_reg_chunk *next;
	max_align_t room[]; /* aligned for any object */
};

/* n bytes from the chunks, aligned to `align` (a power of two). Chunks
 * double from 4 KiB to 64 KiB; a larger request gets a chunk its size. */
static void *reg_alloc(ent_ws *ex, size_t n, size_t align)
{
	size_t pad = (size_t)-(uintptr_t)ex->room & (align - 1);
	void *p;

	if (!ex->chunks || pad + n > ex->room_left) {
		size_t size = 4096;
		if (ex->chunks) {
			/* the newest chunk's size, doubled */
			size = 2 * (ex->room_left + (size_t)(ex->room - (char *)ex->chunks->room));
			if (size > 65536)
				size = 65536;
		}
		if (size < n)
			size = n;
		ent_reg_chunk *c = ent_xmalloc(sizeof(*c) + size);
		c->next = ex->chunks;
		ex->chunks = c;
		ex->room = (char *)c->room;
		ex->room_left = size;
		pad = 0;
	}
	p = ex->room + pad;
	ex->room += pad + n;
	ex->room_left -= pad + n;
	return p;
}

/* A copy of s[0, n) in the chunks. */
static const char *reg_strndup(ent_ws *ex, const char *s, size_t n)
{
	char *p = reg_alloc(ex, n + 1, 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t ent_reg_root(ent_ws *ex, size_t r)
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

/* Set the record's type and actor flag from its gazetteer entry or its
 * votes; called whenever the votes change. */
static void reg_retype(ent_ws *ex, ent_rec *rec)
{
	int best = 0;

	if (rec->gaz >= 0) {
		const ent_gaz_entry *e = &ex->gaz->entries[rec->gaz];
		rec->type = e->type;
		rec->actor = e->type == ENT_TYPE_PLACE ? e->region : ent_type_is_actor(e->type);
		return;
	}
	for (int t = 1; t < ENT_TYPE_COUNT; t++)
		if (rec->votes[t] > rec->votes[best])
			best = t;
	rec->type = (ent_type)best;
	rec->actor = rec->type != ENT_TYPE_PLACE && ent_type_is_actor(rec->type);
}

/* A new record of one vote for `type`; key and name are kept as given. */
static size_t reg_new(ent_ws *ex, const char *key, const char *name, long gaz, ent_type type)
{
	ent_rec *r;

	if (ex->n_recs == ex->cap_recs)
		ENT_GROW(ex->recs, ex->cap_recs, ex->n_recs + 1);
	r = &ex->recs[ex->n_recs];
	memset(r, 0, sizeof(*r));
	r->key = key;
	r->name = name;
	r->gaz = gaz;
	r->votes[type] = 1;
	r->parent = ex->n_recs;
	reg_retype(ex, r);
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

/* A filter of the normal forms that name records, one bit per form by
 * its hash: most forms ent_reg_resolve asks about name nothing, and a
 * clear bit says so without probing two maps. A set bit may be another
 * form's. */
static void filter_add(ent_ws *ex, uint64_t h)
{
	unsigned bit = (unsigned)(h >> 32) % 1024;

	ex->norm_filter[bit / 64] |= (uint64_t)1 << (bit % 64);
}

static int filter_has(const ent_ws *ex, uint64_t h)
{
	unsigned bit = (unsigned)(h >> 32) % 1024;

	return (ex->norm_filter[bit / 64] >> (bit % 64)) & 1;
}

/* The record the normal form n[0, len) (hash h) names, or SIZE_MAX.
 * by_norm holds the forms of pattern names and of surfaces. A gazetteer
 * record's own name is not put there when the record is made: the
 * gazetteer indexes its entries by that form at load. Such a name wins
 * over by_norm (it used to be put over whatever was there, and nothing
 * later was put over it), and among entries with the same form the
 * record made last wins (each made one replaced the one before). */
static size_t reg_lookup(const ent_ws *ex, const char *n, size_t len, uint64_t h)
{
	size_t *v, best = 0;

	if (!filter_has(ex, h))
		return SIZE_MAX;
	if (ex->gaz_rec && (v = ent_map_getnh(&ex->gaz->by_norm, n, len, h))) {
		for (size_t e = *v + 1; e; e = ex->gaz->entries[e - 1].same_norm)
			if (ex->gaz_rec[e - 1] > best)
				best = ex->gaz_rec[e - 1];
		if (best)
			return best - 1;
	}
	v = ent_map_getnh(&ex->by_norm, n, len, h);
	return v ? *v : SIZE_MAX;
}

static size_t reg_lookup_str(const ent_ws *ex, const char *n, size_t len)
{
	return reg_lookup(ex, n, len, ent_hash(n, len));
}

/* Index the record by the normal form n[0, len) of one of its surfaces,
 * unless that form already names a record. */
static void norm_index(ent_ws *ex, const char *n, size_t len, size_t r)
{
	uint64_t h = ent_hash(n, len);

	if (len && reg_lookup(ex, n, len, h) == SIZE_MAX) {
		ent_map_putnh(&ex->by_norm, n, len, h, r);
		filter_add(ex, h);
	}
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
 * pattern record, made before or after: those (rare) entries search.
 * The record borrows the entry's key and name. */
size_t ent_reg_gazetteer_first(ent_ws *ex, size_t entry)
{
	const ent_gaz_entry *e = &ex->gaz->entries[entry];
	int shared = e->shared_key;
	size_t r;

	if (!ex->gaz_rec)
		ex->gaz_rec = ent_xcalloc(ex->gaz->n + 1, sizeof(*ex->gaz_rec));
	if (!shared && ex->gaz_rec[entry])
		return ent_reg_find(ex, ex->gaz_rec[entry] - 1);
	if (shared && (r = last_with_key(ex, e->key)) != SIZE_MAX)
		return ent_reg_find(ex, r);
	r = reg_new(ex, e->key, e->name, (long)entry, e->type);
	/* from now on the entry's name names r (see reg_lookup) */
	ex->gaz_rec[entry] = r + 1;
	filter_add(ex, e->norm_hash);
	return r;
}

size_t ent_reg_name(ent_ws *ex, const char *surface, ent_type type)
{
	/* the key is "n:" + the normal form, which is normalized in place */
	size_t len = strlen(surface), nl, r;
	uint64_t h;
	const char *key;

	ENT_GROW(ex->norm, ex->cap_norm, len + 3);
	nl = ent_name_norm_into(surface, ex->norm + 2);
	h = ent_hash(ex->norm + 2, nl);
	r = reg_lookup(ex, ex->norm + 2, nl, h);
	if (r != SIZE_MAX) {
		r = ent_reg_find(ex, r);
		if (ex->recs[r].gaz < 0) {
			ex->recs[r].votes[type]++;
			reg_retype(ex, &ex->recs[r]);
		}
		return r;
	}
	memcpy(ex->norm, "n:", 2);
	key = reg_strndup(ex, ex->norm, nl + 2);
	r = reg_new(ex, key, reg_strndup(ex, surface, len), -1, type);
	ex->recs[r].norm = key + 2;
	ent_map_putnh(&ex->by_norm, key + 2, nl, h, r);
	filter_add(ex, h);
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
 * "campaign"). A form spelled as the name shares the name's string. */
static void add_surface(ent_ws *ex, size_t r, const char *surface, int may_name)
{
	ent_rec *rec;
	const char *copy;
	size_t len;

	r = ent_reg_find(ex, r);
	rec = &ex->recs[r];
	for (size_t i = 0; i < rec->n_surfaces; i++)
		if (!strcmp(rec->surfaces[i], surface))
			return;
	if (rec->n_surfaces == rec->cap_surfaces) {
		size_t cap = rec->cap_surfaces ? rec->cap_surfaces * 2 : 2;
		const char **s = reg_alloc(ex, cap * sizeof(*s), _Alignof(const char *));
		if (rec->n_surfaces)
			memcpy(s, rec->surfaces, rec->n_surfaces * sizeof(*s));
		rec->surfaces = s;
		rec->cap_surfaces = cap;
	}
	/* by_norm has held the normal form of every record's name since the
	 * name was given (and keeps every key), so the name needs no look-up */
	if (!strcmp(surface, rec->name)) {
		rec->surfaces[rec->n_surfaces++] = rec->name;
		return;
	}
	len = strlen(surface);
	copy = reg_strndup(ex, surface, len);
	rec->surfaces[rec->n_surfaces++] = copy;
	size_t nl;
	const char *n = norm_of(ex, copy, &nl);
	norm_index(ex, n, nl, r);
	if (may_name && rec->gaz < 0 && len > strlen(rec->name)) {
		rec->name = copy;
		rec->norm = reg_strndup(ex, n, nl);
	}
}

void ent_reg_vote(ent_ws *ex, size_t r, ent_type type)
{
	r = ent_reg_find(ex, r);
	if (ex->recs[r].gaz < 0) {
		ex->recs[r].votes[type]++;
		reg_retype(ex, &ex->recs[r]);
	}
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
	reg_retype(ex, t);
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
	size_t r = reg_lookup_str(ex, pre, n);
	size_t i = 0, parts = 0;

	if (r != SIZE_MAX && ent_reg_type(ex, ent_reg_find(ex, r)) == ENT_TYPE_ORGANIZATION)
		return 1;
	while (i < n) {
		size_t best = 0;
		for (size_t e = n; e > i; e--) {
			if (e < n && pre[e] != ' ')
				continue;
			r = reg_lookup_str(ex, pre + i, e - i);
			if (r != SIZE_MAX && ent_reg_actor(ex, ent_reg_find(ex, r))) {
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
		const char *nb = ex->recs[b].norm, *end = nb + strlen(nb);
		ent_type tb = ent_reg_type(ex, b);
		const char *last_space = strrchr(nb, ' ');
		/* every word-aligned prefix and suffix of the long name; each is
		 * looked up only where it could be claimed: a prefix before
		 * "of", "for" or "on", a suffix of two words or more (one with a
		 * space in it: the normal form has no space at either end).
		 * memchr finds the spaces; a word is compared only where the
		 * rest of the name is long enough to hold it. */
		if (!*nb)
			continue;
		for (const char *sp = memchr(nb + 1, ' ', (size_t)(end - nb - 1)); sp;
		     sp = memchr(sp + 1, ' ', (size_t)(end - sp - 1))) {
			size_t cut = (size_t)(sp - nb), rest = (size_t)(end - sp);
			const char *pre = nb, *suf = sp + 1;
			int of_follows = (*suf == 'o' || *suf == 'f') &&
					 ((rest >= 4 && !memcmp(sp, " of ", 4)) ||
					  (rest >= 5 && !memcmp(sp, " for ", 5)) ||
					  (rest >= 4 && !memcmp(sp, " on ", 4)));
			size_t cand[2] = { of_follows ? reg_lookup_str(ex, pre, cut) : none, none };
			size_t sa = last_space > sp ? reg_lookup_str(ex, suf, rest - 1) : none;
			if (sa != none && owner_prefix(ex, pre, cut))
				cand[1] = sa;
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
	while (ex->chunks) {
		ent_reg_chunk *next = ex->chunks->next;
		free(ex->chunks);
		ex->chunks = next;
	}
	ex->room = NULL;
	ex->room_left = 0;
	free(ex->recs);
	ex->recs = NULL;
	ex->n_recs = ex->cap_recs = 0;
}
