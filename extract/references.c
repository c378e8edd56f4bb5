/*
 * References the recognizer resolves within a document: "the summit" (the
 * last entity named with that head word), "this MoU" (the document's own
 * agreement), "the two sides" (the last two actors named together) and
 * "the Chinese side" (a country acting through its adjective).
 */
#include "scan.h"

/* Remember the entity as the last one named with its head word, so that
 * "the summit" can refer back to "the 11th G20 Summit". */
void ent_note_head(ent_ws *ex, ent_doc *d, const ent_mention *m)
{
	size_t v, h = m->b - 1;
	ent_type type = ent_reg_type(ex, m->ent);
	char w[48];

	/* the head closes the first segment: "Strategic Dialogue on ..." */
	for (size_t k = m->a + 1; k < m->b; k++)
		if (is_lower(d, k) && match(&ex->lex->segments, d, k, m->b, &v) == 1) {
			h = k - 1;
			break;
		}
	const ent_token *t = tok(d, h);

	if ((type != ENT_TYPE_EVENT && type != ENT_TYPE_ORGANIZATION) ||
	    !(t->flags & ENT_TK_CAP) || t->len >= sizeof(w))
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

/* "the summit" (a lower-case head word after "the", not followed by a
 * name): the last entity of the document named with that head. */
size_t ent_reference_at(ent_ws *ex, ent_doc *d, size_t i, size_t end)
{
	const ent_token *t;
	size_t *r;

	if (i == 0 || i + 1 > end || (!tok_eq(d, i - 1, "the") && !tok_eq(d, i - 1, "The")) ||
	    !is_lower(d, i))
		return SIZE_MAX;
	t = tok(d, i);
	if (i + 1 < end && (is_cap(d, i + 1) || tok_eq(d, i + 1, "of")))
		return SIZE_MAX;
	r = ent_map_getn(&d->last_head, d->text + t->start, t->len);
	if (!r && t->len > 3 && d->text[t->start + t->len - 1] != 's')
		return SIZE_MAX;
	if (!r)
		r = ent_map_getn(&d->last_head, d->text + t->start, t->len - 1);
	return r ? ent_reg_find(ex, *r) : SIZE_MAX;
}

/* "this MoU", "the present Agreement": the document itself, when its title
 * named an agreement. */
size_t ent_self_reference(ent_ws *ex, ent_doc *d, size_t i, size_t end)
{
	size_t v;

	if (d->title == SIZE_MAX || i == 0 || i >= end ||
	    (!tok_eq(d, i - 1, "this") && !tok_eq(d, i - 1, "This") && !tok_eq(d, i - 1, "present")))
		return SIZE_MAX;
	if (!tok_eq(d, i, "MoU") && !tok_eq(d, i, "MOU") &&
	    !(is_cap(d, i) && match(&ex->lex->heads, d, i, i + 1, &v) == 1 &&
	      v == ENT_TYPE_AGREEMENT))
		return SIZE_MAX;
	return ent_reg_find(ex, d->title);
}

/* "the Parties", "both sides", "the two countries": the last two actors
 * named together. */
int ent_pair_reference(const ent_doc *d, size_t i, size_t end)
{
	static const char *const nouns[] = { "Parties", "parties", "sides", "countries",
					     "governments", "Governments", "nations", NULL };
	int noun = 0;

	if (!d->has_pair || i == 0 || i >= end || d->cur_sent > d->pair_sent + 3)
		return 0; /* only a recent pair: "the two sides" does not reach far */
	if (tok(d, i)->len < 5 || tok(d, i)->len > 11)
		return 0; /* the nouns' lengths: most words end here */
	for (int k = 0; nouns[k] && !noun; k++)
		noun |= tok_eq(d, i, nouns[k]);
	if (!noun || (i + 1 < end && tok_eq(d, i + 1, "of")))
		return 0;
	if (tok_eq(d, i - 1, "the") || tok_eq(d, i - 1, "The") || tok_eq(d, i - 1, "both") ||
	    tok_eq(d, i - 1, "Both"))
		return 1;
	return i >= 2 && tok_eq(d, i - 1, "two") &&
	       (tok_eq(d, i - 2, "the") || tok_eq(d, i - 2, "The"));
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

