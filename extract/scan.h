/*
 * Token predicates shared by the recognizer's parts (recognize.c,
 * references.c, acronym.c): small, inline, allocation-free.
 */
#ifndef ENT_SCAN_H
#define ENT_SCAN_H

#include <stdint.h>
#include <string.h>

#include "internal.h"

static inline const ent_token *tok(const ent_doc *d, size_t i)
{
	return &d->toks[i];
}

static inline int tok_eq(const ent_doc *d, size_t i, const char *s)
{
	const ent_token *t = tok(d, i);

	/* the first byte rules out nearly every word before strlen() */
	if (d->text[t->start] != s[0])
		return 0;
	size_t n = strlen(s);
	return t->len == n && !memcmp(d->text + t->start, s, n);
}

static inline int is_cap(const ent_doc *d, size_t i)
{
	uint32_t f = tok(d, i)->flags;
	return (f & ENT_TK_WORD) && (f & (ENT_TK_CAP | ENT_TK_UPPER));
}

static inline int is_lower(const ent_doc *d, size_t i)
{
	return (tok(d, i)->flags & ENT_TK_LOWER) != 0;
}

/* A joiner glued to both neighbours: "China-ASEAN", "Team/Coordination". */
static inline int glued_dash(const ent_doc *d, size_t i, size_t end)
{
	return i + 1 < end && (tok(d, i)->flags & ENT_TK_DASH) &&
	       !(tok(d, i)->flags & ENT_TK_SPACE) &&
	       (tok(d, i + 1)->flags & ENT_TK_WORD) && !(tok(d, i + 1)->flags & ENT_TK_SPACE);
}

/* " + " between two names: "China + Central Asia". */
static inline int spaced_plus(const ent_doc *d, size_t i, size_t end)
{
	return i + 1 < end && tok_eq(d, i, "+") && is_cap(d, i + 1);
}

static inline size_t match(const ent_phrases *p, const ent_doc *d, size_t i, size_t end,
		    size_t *val)
{
	return ent_phrases_match(p, d->text, d->toks, i, end, val);
}


#endif
