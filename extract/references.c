/*
 * References the recognizer resolves within a document: "the summit" (the
 * last entity named with that head word), "this MoU" (the document's own
 * agreement), "the two sides" (the last two actors named together) and
 * "the Chinese side" (a country acting through its adjective).
 */
#include "scan.h"

/* ent_note_head() for an event or organization: find its head word and
 * remember it. Out of line, so that the other names, most of them, cost
 * a call and a test (no frame for w). */
static __attribute__((noinline)) void note_head(ent_ws *ex, ent_doc *d, const ent_mention *m)
{
	size_t v, h = m->b - 1;
	char w[48];

	/* the head closes the first segment: "Strategic Dialogue on ..." */
	for (size_t k = m->a + 1; k < m->b; k++)
		if (is_lower(d, k) && match(&ex->lex->segments, d, k, m->b, &v) == 1) {
			h = k - 1;
			break;
		}
	const ent_token *t = tok(d, h);

	if (!(t->flags & ENT_TK_CAP) || t->len >= sizeof(w))
		return;
	for (uint32_t k = 0; k < t->len; k++) {
		char c = d->text[t->start + k];
		w[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	w[t->len] = '\0';
	if (t->len > 3 && w[t->len - 1] == 's')
		w[t->len - 1] = '\0';
	ent_map_put(&d->last_head, w, m->ent);
}

/* Remember the entity as the last one named with its head word, so that
 * "the summit" can refer back to "the 11th G20 Summit". Only events and
 * organizations are remembered: the type rules out most names before
 * their words are read. */
void ent_note_head(ent_ws *ex, ent_doc *d, const ent_mention *m)
{
	ent_type type = ent_reg_type(ex, m->ent);

	if (type == ENT_TYPE_EVENT || type == ENT_TYPE_ORGANIZATION)
		note_head(ex, d, m);
}

/* Is token i spelled s, of n bytes (n a constant: the compare is a few
 * loads)? The length is compared first, which rules out most tokens. */
static inline int tok_is(const ent_doc *d, size_t i, const char *s, size_t n)
{
	const ent_token *t = tok(d, i);
	return t->len == n && !memcmp(d->text + t->start, s, n);
}

#define TOK_IS(d, i, lit) tok_is(d, i, lit, sizeof(lit) - 1)

/* "the" or "The": tok_eq() of both, by length first. */
static inline int is_the(const ent_doc *d, size_t i)
{
	return TOK_IS(d, i, "the") || TOK_IS(d, i, "The");
}

/* ent_reference_at() past its first test: token i is a lower-case word
 * after "the". Out of line, so that the test every token fails saves no
 * registers. */
static __attribute__((noinline)) size_t reference_after_the(ent_ws *ex, ent_doc *d, size_t i,
							    size_t end)
{
	const ent_token *t = tok(d, i);
	size_t *r;

	if (i + 1 < end && (is_cap(d, i + 1) || tok_eq(d, i + 1, "of")))
		return SIZE_MAX;
	r = ent_map_getn(&d->last_head, d->text + t->start, t->len);
	if (!r && t->len > 3 && d->text[t->start + t->len - 1] != 's')
		return SIZE_MAX;
	if (!r)
		r = ent_map_getn(&d->last_head, d->text + t->start, t->len - 1);
	return r ? ent_reg_find(ex, *r) : SIZE_MAX;
}

/* "the summit" (a lower-case head word after "the", not followed by a
 * name): the last entity of the document named with that head. The
 * token's own flag is tested before its neighbour's bytes: most tokens
 * are not lower-case words after "the". */
size_t ent_reference_at(ent_ws *ex, ent_doc *d, size_t i, size_t end)
{
	if (i == 0 || i >= end || !is_lower(d, i) || !is_the(d, i - 1))
		return SIZE_MAX;
	return reference_after_the(ex, d, i, end);
}

/* ent_self_reference() past its first tests: the document is an
 * agreement and token i follows "this", "This" or "present". */
static __attribute__((noinline)) size_t self_after_this(ent_ws *ex, ent_doc *d, size_t i)
{
	size_t v;

	if (!TOK_IS(d, i, "MoU") && !TOK_IS(d, i, "MOU") &&
	    !(is_cap(d, i) && match(&ex->lex->heads, d, i, i + 1, &v) == 1 &&
	      v == ENT_TYPE_AGREEMENT))
		return SIZE_MAX;
	return ent_reg_find(ex, d->title);
}

/* "this MoU", "the present Agreement": the document itself, when its title
 * named an agreement. */
size_t ent_self_reference(ent_ws *ex, ent_doc *d, size_t i, size_t end)
{
	if (d->title == SIZE_MAX || i == 0 || i >= end ||
	    (!TOK_IS(d, i - 1, "this") && !TOK_IS(d, i - 1, "This") &&
	     !TOK_IS(d, i - 1, "present")))
		return SIZE_MAX;
	return self_after_this(ex, d, i);
}

/* Is token i a noun "the two sides" may end in: "Parties", "parties",
 * "sides", "countries", "governments", "Governments", "nations"? By
 * length first: most words have none of the nouns' lengths. */
static int pair_noun(const ent_doc *d, size_t i)
{
	switch (tok(d, i)->len) {
	case 5:
		return TOK_IS(d, i, "sides");
	case 7:
		return TOK_IS(d, i, "Parties") || TOK_IS(d, i, "parties") ||
		       TOK_IS(d, i, "nations");
	case 9:
		return TOK_IS(d, i, "countries");
	case 11:
		return TOK_IS(d, i, "governments") || TOK_IS(d, i, "Governments");
	default:
		return 0;
	}
}

/* "the Parties", "both sides", "the two countries": the last two actors
 * named together. */
int ent_pair_reference(const ent_doc *d, size_t i, size_t end)
{
	if (!d->has_pair || i == 0 || i >= end || d->cur_sent > d->pair_sent + 3)
		return 0; /* only a recent pair: "the two sides" does not reach far */
	if (!pair_noun(d, i) || (i + 1 < end && tok_eq(d, i + 1, "of")))
		return 0;
	if (is_the(d, i - 1) || TOK_IS(d, i - 1, "both") || TOK_IS(d, i - 1, "Both"))
		return 1;
	return i >= 2 && TOK_IS(d, i - 1, "two") && is_the(d, i - 2);
}

/* Remember the last two actors named together ("Kenya and India", a pair
 * name), for "the two sides" later. */
static void set_pair(ent_doc *d, size_t a, size_t b)
{
	d->pair[0] = a;
	d->pair[1] = b;
	d->has_pair = 1;
	d->pair_sent = d->cur_sent;
}

void ent_note_pair(ent_ws *ex, ent_doc *d, size_t from)
{
	for (size_t k = from; k < d->n_ments; k++) {
		const ent_mention *m = &d->ments[k];
		if (m->n_parties == 2 && m->kind != ENT_MK_REF)
			set_pair(d, m->parties[0], m->parties[1]);
		if (k + 1 >= d->n_ments)
			continue;
		const ent_mention *n = &d->ments[k + 1];
		/* "Sino-Russian", "China–Africa": glued by a dash */
		if (n->a == m->b + 1 && glued_dash(d, m->b, n->b) && m->kind != ENT_MK_REF &&
		    n->kind != ENT_MK_REF && ent_reg_actor(ex, ent_reg_find(ex, m->ent)) &&
		    ent_reg_actor(ex, ent_reg_find(ex, n->ent))) {
			set_pair(d, ent_reg_find(ex, m->ent), ent_reg_find(ex, n->ent));
			continue;
		}
		if (m->kind != ENT_MK_NAME)
			continue;
		if (n->kind != ENT_MK_NAME || !ent_reg_actor(ex, ent_reg_find(ex, m->ent)) ||
		    !ent_reg_actor(ex, ent_reg_find(ex, n->ent)) ||
		    ent_reg_type(ex, ent_reg_find(ex, m->ent)) == ENT_TYPE_PLACE)
			continue;
		size_t j = m->b;
		if (j < n->a && tok_eq(d, j, "and"))
			j++;
		else
			continue;
		if (j < n->a && tok_eq(d, j, "the"))
			j++;
		if (j == n->a)
			set_pair(d, m->ent, n->ent);
	}
}

/* Nouns after a country adjective that make it the country acting: "the
 * Chinese side", "the Russian government". */
int ent_acting_noun(const ent_doc *d, size_t i, size_t end)
{
	static const char *const w[] = { "side", "sides", "government", "delegation",
					 "leader", "leaders", "leadership", "authorities",
					 "president", "premier", "ministry", NULL };
	for (int k = 0; i < end && w[k]; k++)
		if (tok_eq(d, i, w[k]))
			return 1;
	return 0;
}

