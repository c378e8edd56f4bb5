/*
 * Relation rules over the mentions of one sentence. Four families:
 *  - pair names: "China-ASEAN", "Sino-Russian", a "China–Africa Forum"
 *    imply cooperation among the parties (and their part in the forum);
 *  - owners: a name that carries an organization ("BRICS Summit") is part
 *    of it;
 *  - triggers from the lexicon: the actors before a verb act on the
 *    compatible mentions after it ("X and Y signed the Z"), passive voice
 *    turns that round ("Z was hosted by X"), "with"/"between" triggers link
 *    actors; a sentence with no actor before its trigger takes the
 *    document's main actor (flagged as resolved);
 *  - joint action: several actors doing one thing cooperate pairwise.
 * Negated triggers make nothing; hedged ones are flagged.
 */
#include <stdint.h>
#include <string.h>

#include "internal.h"

#define MAX_LIST 32
#define SUBJECT_REACH 18 /* tokens between a subject and its verb */
#define OBJECT_REACH 14  /* tokens between a verb and its first object */

typedef struct sent {
	ent_extractor *ex;
	ent_doc *d;
	size_t s, a, end;   /* sentence, token range */
	ent_mention *m;     /* its mentions */
	size_t n;
	int year;
} sent;

static int tok_eq(const ent_doc *d, size_t i, const char *w)
{
	size_t n = strlen(w);
	const ent_token *t = &d->toks[i];
	if (t->len != n)
		return 0;
	for (size_t k = 0; k < n; k++) {
		char c = d->text[t->start + k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[k])
			return 0;
	}
	return 1;
}

static int sentence_year(const sent *st)
{
	const ent_doc *d = st->d;
	size_t k = 0;

	for (size_t i = st->a; i < st->end; i++) {
		while (k < st->n && st->m[k].b <= i)
			k++;
		if (k < st->n && st->m[k].a <= i && st->m[k].kind == ENT_MK_NAME)
			continue;
		const ent_token *t = &d->toks[i];
		if (!(t->flags & ENT_TK_NUM) || t->len != 4)
			continue;
		int y = 0;
		for (int j = 0; j < 4; j++) {
			char c = d->text[t->start + j];
			if (c < '0' || c > '9') {
				y = -1;
				break;
			}
			y = y * 10 + (c - '0');
		}
		if (y >= 1900 && y <= 2099)
			return y;
	}
	return 0;
}

static void rel(sent *st, size_t subj, ent_rel r, size_t obj, unsigned flags,
		const char *rule)
{
	ent_add_relation(st->ex, st->d, st->s, subj, r, obj, st->year, flags, rule);
}

static void pairwise(sent *st, const size_t *v, size_t n, unsigned flags,
		     const char *rule)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			rel(st, v[i], ENT_REL_COOPERATES_WITH, v[j], flags, rule);
}

static int actor(const ent_mention *m)
{
	return ent_type_is_actor(m->type);
}

/* Pair names inside mentions and pairs of adjacent actors. */
static void pair_rules(sent *st)
{
	for (size_t k = 0; k < st->n; k++) {
		const ent_mention *m = &st->m[k];
		if (m->n_parties >= 2) {
			pairwise(st, m->parties, m->n_parties, 0, "pair-name");
			if (m->type == ENT_TYPE_EVENT || m->type == ENT_TYPE_ORGANIZATION ||
			    m->type == ENT_TYPE_PROGRAM)
				for (unsigned p = 0; p < m->n_parties; p++)
					rel(st, m->parties[p], ENT_REL_PARTICIPATED_IN, m->ent, 0,
					    "pair-name-party");
		}
		if (m->owner != SIZE_MAX && m->kind == ENT_MK_NAME)
			rel(st, m->ent, ENT_REL_PART_OF, m->owner, 0, "name-owner");
	}
	/* "Sino-Russian", "China–Africa cooperation": actors glued by dashes */
	for (size_t k = 0; k + 1 < st->n;) {
		size_t v[ENT_MAX_PARTIES], n = 0, j = k;
		while (j < st->n && n < ENT_MAX_PARTIES && actor(&st->m[j])) {
			v[n++] = st->m[j].ent;
			if (j + 1 < st->n && st->m[j + 1].a == st->m[j].b + 1 &&
			    (st->d->toks[st->m[j].b].flags & ENT_TK_DASH) &&
			    !(st->d->toks[st->m[j].b].flags & ENT_TK_SPACE) &&
			    !(st->d->toks[st->m[j + 1].a].flags & ENT_TK_SPACE))
				j++;
			else
				break;
		}
		if (n >= 2)
			pairwise(st, v, n, 0, "pair-adjacent");
		k = j + 1;
	}
}

/* Is token i inside a name mention? Returns the mention or -1. */
static long inside(const sent *st, size_t i)
{
	for (size_t k = 0; k < st->n; k++)
		if (st->m[k].a <= i && i < st->m[k].b)
			return (long)k;
	return -1;
}

/* Only list glue between two mentions: ",", "and", "as well as", "the". */
static int list_glue(const sent *st, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!tok_eq(st->d, i, ",") && !tok_eq(st->d, i, "and") &&
		    !tok_eq(st->d, i, "the") && !tok_eq(st->d, i, "as") &&
		    !tok_eq(st->d, i, "well") && !tok_eq(st->d, i, "&") &&
		    !tok_eq(st->d, i, "its") && !tok_eq(st->d, i, "their"))
			return 0;
	return 1;
}

typedef int (*accept_fn)(ent_type t);

static int acc_actor(ent_type t) { return ent_type_is_actor(t); }
static int acc_agreement(ent_type t) { return t == ENT_TYPE_AGREEMENT; }
static int acc_launchable(ent_type t)
{
	return t == ENT_TYPE_AGREEMENT || t == ENT_TYPE_PROGRAM ||
	       t == ENT_TYPE_EVENT || t == ENT_TYPE_ORGANIZATION;
}
static int acc_event(ent_type t) { return t == ENT_TYPE_EVENT; }
static int acc_body(ent_type t)
{
	return t == ENT_TYPE_EVENT || t == ENT_TYPE_ORGANIZATION || t == ENT_TYPE_PROGRAM;
}
static int acc_org(ent_type t) { return t == ENT_TYPE_ORGANIZATION; }
static int acc_place(ent_type t) { return t == ENT_TYPE_PLACE || t == ENT_TYPE_COUNTRY; }
static int acc_any(ent_type t) { (void)t; return 1; }
static int acc_adopter(ent_type t) { return ent_type_is_actor(t) || t == ENT_TYPE_EVENT; }

/* The coordinated list of accepted mentions ending nearest before token i. */
static size_t list_before(const sent *st, size_t i, accept_fn ok, size_t *out)
{
	size_t n = 0;
	long k = (long)st->n - 1;

	while (k >= 0 && st->m[k].b > i)
		k--;
	while (k >= 0 && (!ok(st->m[k].type) || st->m[k].kind == ENT_MK_ADJ) &&
	       st->m[k].b + SUBJECT_REACH > i)
		k--;
	if (k < 0 || st->m[k].b + SUBJECT_REACH <= i || !ok(st->m[k].type))
		return 0;
	for (size_t j = st->m[k].b; j < i; j++)
		if (tok_eq(st->d, j, ";") || tok_eq(st->d, j, "which") || tok_eq(st->d, j, "that"))
			return 0;
	out[n++] = st->m[k].ent;
	while (k > 0 && n < MAX_LIST && ok(st->m[k - 1].type) &&
	       list_glue(st, st->m[k - 1].b, st->m[k].a) && st->m[k - 1].b < st->m[k].a) {
		k--;
		out[n++] = st->m[k].ent;
	}
	return n;
}

/* The coordinated list of accepted mentions starting nearest after i. */
static size_t list_after(const sent *st, size_t i, accept_fn ok, size_t *out)
{
	size_t n = 0, k = 0;

	while (k < st->n && st->m[k].a < i)
		k++;
	while (k < st->n && !ok(st->m[k].type) && st->m[k].a < i + OBJECT_REACH)
		k++;
	if (k >= st->n || st->m[k].a >= i + OBJECT_REACH || !ok(st->m[k].type))
		return 0;
	for (size_t j = i; j < st->m[k].a; j++)
		if (tok_eq(st->d, j, ";"))
			return 0;
	out[n++] = st->m[k].ent;
	while (k + 1 < st->n && n < MAX_LIST && ok(st->m[k + 1].type) &&
	       list_glue(st, st->m[k].b, st->m[k + 1].a)) {
		k++;
		out[n++] = st->m[k].ent;
	}
	return n;
}

/* A negation or hedge cue among the few tokens before the trigger. */
static int cue_before(const sent *st, const ent_phrases *p, size_t i, size_t reach)
{
	size_t v, from = i > st->a + reach ? i - reach : st->a;
	for (size_t k = from; k < i; k++)
		if (ent_phrases_match(p, st->d->text, st->d->toks, k, i, &v))
			return 1;
	return 0;
}

static int passive_at(const sent *st, size_t i, size_t len)
{
	int be = 0;
	for (size_t k = i > st->a + 2 ? i - 2 : st->a; k < i; k++)
		if (tok_eq(st->d, k, "was") || tok_eq(st->d, k, "were") ||
		    tok_eq(st->d, k, "been") || tok_eq(st->d, k, "be") ||
		    tok_eq(st->d, k, "is") || tok_eq(st->d, k, "are"))
			be = 1;
	size_t by = i + len;
	return (be || (by < st->end && tok_eq(st->d, by, "by"))) &&
	       by < st->end && tok_eq(st->d, by, "by");
}

static accept_fn object_kind(ent_rel r)
{
	switch (r) {
	case ENT_REL_SIGNED: return acc_agreement;
	case ENT_REL_LAUNCHED: return acc_launchable;
	case ENT_REL_ADOPTED: return acc_agreement;
	case ENT_REL_HOSTED: return acc_event;
	case ENT_REL_PARTICIPATED_IN: return acc_body;
	case ENT_REL_MEMBER_OF: return acc_org;
	case ENT_REL_HELD_IN: return acc_place;
	case ENT_REL_PART_OF: return acc_body;
	default: return acc_actor;
	}
}

static accept_fn subject_kind(ent_rel r)
{
	switch (r) {
	case ENT_REL_ADOPTED: return acc_adopter;
	case ENT_REL_HELD_IN: return acc_event;
	case ENT_REL_PART_OF: return acc_any;
	default: return acc_actor;
	}
}

/* Subjects before the trigger, or the document's actor. */
static size_t subjects(sent *st, size_t i, ent_rel r, size_t *out, unsigned *flags)
{
	size_t n = list_before(st, i, subject_kind(r), out);

	if (n == 0 && st->d->actor != SIZE_MAX && r != ENT_REL_HELD_IN &&
	    r != ENT_REL_PART_OF) {
		for (size_t k = 0; k < st->n && st->m[k].a < i; k++)
			if (actor(&st->m[k]))
				return 0; /* an actor is there but not as subject */
		out[n++] = st->d->actor;
		*flags |= ENT_RELF_RESOLVED;
	}
	return n;
}

static void apply_trigger(sent *st, size_t i, size_t len, size_t val)
{
	ent_rel r = ENT_TRIG_REL(val);
	size_t subj[MAX_LIST], obj[MAX_LIST], ns, no;
	unsigned flags = 0;

	if (cue_before(st, &st->ex->lex.negations, i, 4))
		return;
	if (cue_before(st, &st->ex->lex.hedges, i, 4))
		flags |= ENT_RELF_HEDGED;
	if (val & ENT_TRIG_NOUN)
		return;
	if (val & ENT_TRIG_BETWEEN) {
		no = list_after(st, i + len, acc_actor, obj);
		pairwise(st, obj, no, flags, "between");
		return;
	}
	if (r == ENT_REL_COOPERATES_WITH && (val & ENT_TRIG_JOINT) &&
	    !(val & (ENT_TRIG_WITH | ENT_TRIG_AID))) {
		ns = list_before(st, i, acc_actor, subj);
		if (ns >= 2)
			pairwise(st, subj, ns, flags, "jointly");
		return;
	}
	if (passive_at(st, i, len)) {
		ns = list_after(st, i + len + 1, subject_kind(r), subj);
		no = list_before(st, i, object_kind(r), obj);
		for (size_t a = 0; a < ns; a++)
			for (size_t b = 0; b < no; b++)
				rel(st, subj[a], r, obj[b], flags, "passive");
		if (ns >= 2 && r != ENT_REL_HELD_IN && r != ENT_REL_PART_OF)
			pairwise(st, subj, ns, flags, "joint-action");
		return;
	}
	ns = subjects(st, i, r, subj, &flags);
	no = list_after(st, i + len, object_kind(r), obj);
	if (ns == 0 || no == 0)
		return;
	for (size_t a = 0; a < ns; a++)
		for (size_t b = 0; b < no; b++) {
			ent_rel rr = r;
			ent_type ot = ent_reg_type(st->ex, obj[b]);
			if (r == ENT_REL_SIGNED && ot == ENT_TYPE_ORGANIZATION)
				rr = ENT_REL_MEMBER_OF;
			if ((val & ENT_TRIG_ORG) && ot != ENT_TYPE_ORGANIZATION)
				continue;
			rel(st, subj[a], rr, obj[b], flags,
			    r == ENT_REL_COOPERATES_WITH ? "with" : "trigger");
		}
	if (r != ENT_REL_COOPERATES_WITH && r != ENT_REL_HELD_IN && r != ENT_REL_PART_OF &&
	    (ns >= 2 || (val & ENT_TRIG_JOINT)))
		pairwise(st, subj, ns, flags, "joint-action");
}

void ent_relate(ent_extractor *ex, ent_doc *d, size_t s)
{
	sent st = { ex, d, s, d->sent_tok[s], d->sent_tok[s + 1],
		    d->ments + d->sent_ment[s], d->sent_ment[s + 1] - d->sent_ment[s], 0 };
	size_t v, l;

	if (st.n == 0)
		return;
	st.year = sentence_year(&st);
	pair_rules(&st);
	for (size_t i = st.a; i < st.end; i++) {
		if (inside(&st, i) >= 0)
			continue;
		l = ent_phrases_match(&ex->lex.triggers, d->text, d->toks, i, st.end, &v);
		if (!l)
			continue;
		apply_trigger(&st, i, l, v);
		i += l - 1;
	}
}
