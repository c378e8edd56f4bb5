/*
 * Relation rules over the mentions of one sentence. Five families:
 *  - pair names: "China-ASEAN", "Sino-Russian", a "China–Africa Forum"
 *    imply cooperation among the parties;
 *  - owners: a name that carries an organization ("BRICS Summit") is part
 *    of it; an event followed by "in <place>" was held there;
 *  - membership: "X member states", "other WTO members, including A, B";
 *  - triggers from the lexicon: the actors before a verb act on the
 *    compatible mentions after it ("X and Y signed the Z"), passive voice
 *    turns that round ("Z was hosted by X"), "with"/"between" triggers link
 *    actors; a sentence with no actor before its trigger takes the
 *    document's main actor (flagged as resolved);
 *  - joint action: actors coordinated with "and" doing one thing cooperate
 *    pairwise.
 * Negated triggers make nothing; hedged ones are flagged.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

#define MAX_LIST ENT_MAX_LIST /* room; the limit in force is sent.cap */
#define SUBJECT_REACH 18 /* tokens between a subject and its verb */
#define OBJECT_REACH 14  /* tokens between a verb and its first object */
#define INCLUDING_REACH 30

typedef struct sent {
	ent_ws *ex;
	ent_doc *d;
	size_t s, a, end;   /* sentence, token range */
	ent_mention *m;     /* its mentions */
	size_t n;
	size_t cap;         /* names kept per list: limits->max_list */
	int *cut;           /* set when a list was longer than cap */
	/* The year relations carry: found when the first relation is made
	 * (most sentences make none), then kept. */
	int year;
	int year_known;
} sent;

typedef int (*accept_fn)(const ent_ws *ex, size_t r);

/* The byte lower-cased as tok_eq() compares it (ASCII letters only). */
static inline char lower_byte(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Does token t, whose first byte matched w[0], spell w (ASCII case
 * ignored)? Compares up to the token's length and then asks w to end
 * there, so w needs no strlen(). */
static int tok_rest(const ent_doc *d, const ent_token *t, const char *w)
{
	const char *p = d->text + t->start;

	for (size_t k = 1; k < t->len; k++) {
		char c = lower_byte(p[k]);
		if (c != w[k] || !c)
			return 0; /* a NUL in the text must not run past w's end */
	}
	return w[t->len] == '\0';
}

/* Is token i the word w (lower case)? Called with a few literal words per
 * token by every rule, so it is inline: the first byte rules out nearly
 * every word before the out-of-line rest is called. */
static inline int tok_eq(const ent_doc *d, size_t i, const char *w)
{
	const ent_token *t = &d->toks[i];

	return lower_byte(d->text[t->start]) == w[0] && t->len && tok_rest(d, t, w);
}

/* A list of lower-case words the rules look for, with a sieve of their
 * first bytes and lengths: one bit per (first byte, length) pair, set
 * once by word_lists_init(). A token whose lower-cased first byte and
 * length have no bit is none of the words, which rules out most tokens
 * (among them "the", "and", ",") without a pass over the list. The pair
 * is folded to 8 bits (sieve_bit()), so some other tokens share a word's
 * bit: those are merely compared. */
typedef struct word_list {
	const char *const *w; /* NULL-terminated */
	uint64_t sieve[4];
} word_list;

/* The sieve bit of a word or token: 5 low bits of its (lower-cased) first
 * byte, which tell letters apart, and 3 of its length. */
static inline unsigned sieve_bit(unsigned char c0, size_t len)
{
	return (unsigned)(c0 & 31) << 3 | (unsigned)(len & 7);
}

#define WORDS(...) { (const char *const[]){ __VA_ARGS__, NULL }, { 0 } }

static word_list glue = WORDS(",", "and", "the", "as", "well", "&", "its", "their", "(", ")");
static word_list pronouns = WORDS("we", "they", "he", "she", "it", "i");
static word_list including = WORDS("including", "include", "includes", "namely", "like");
static word_list members = WORDS("member", "members", "membership");
static word_list relatives = WORDS("which", "that", "who", "whom", "whose");
static word_list prep = WORDS("of", "on", "about", "from", "in", "at", "by", "for", "to",
			      "under");

static word_list *const word_lists[] = { &glue, &pronouns, &including, &members, &relatives,
					 &prep };
static pthread_once_t word_lists_once = PTHREAD_ONCE_INIT;

static void word_lists_init(void)
{
	for (size_t l = 0; l < sizeof(word_lists) / sizeof(word_lists[0]); l++)
		for (const char *const *w = word_lists[l]->w; *w; w++) {
			unsigned b = sieve_bit((unsigned char)(*w)[0], strlen(*w));
			word_lists[l]->sieve[b / 64] |= 1ull << (b % 64);
		}
}

/* tok_in() past its first test: compare the words with the token. Out of
 * line, so that callers, which mostly stop at the test, stay small. */
static __attribute__((noinline)) int tok_in_rest(const ent_doc *d, const ent_token *t, const word_list *l, char c0)
{
	for (const char *const *w = l->w; *w; w++)
		if ((*w)[0] == c0 && tok_rest(d, t, *w))
			return 1;
	return 0;
}

/* Is token i one of the words of l? The token's first byte is lower-cased
 * once for the whole list, and tested with its length against the sieve
 * inline. */
static inline int tok_in(const ent_doc *d, size_t i, const word_list *l)
{
	const ent_token *t = &d->toks[i];
	char c0 = lower_byte(d->text[t->start]);
	unsigned b = sieve_bit((unsigned char)c0, t->len);

	if (!(l->sieve[b / 64] >> (b % 64) & 1) || !t->len)
		return 0;
	return tok_in_rest(d, t, l, c0);
}

static int sentence_year(const sent *st)
{
	const ent_doc *d = st->d;
	size_t k = 0;

	for (size_t i = st->a; i < st->end; i++) {
		const ent_token *t = &d->toks[i];
		if (!(t->flags & ENT_TK_NUM) || t->len != 4)
			continue;
		/* the mention cursor moves only for a candidate: the first
		 * mention ending after i is the same however far back it starts */
		while (k < st->n && st->m[k].b <= i)
			k++;
		if (k < st->n && st->m[k].a <= i && st->m[k].kind == ENT_MK_NAME)
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

static int paragraph_year(ent_ws *ex, ent_doc *d, size_t s);

/* The sentence's year, or its paragraph's (0 when neither gives one).
 * Asked when a relation is made, not for every sentence: both depend only
 * on the tokens and mentions, which the rules do not change. */
static int year_of(sent *st)
{
	if (!st->year_known) {
		st->year = sentence_year(st);
		if (!st->year)
			st->year = paragraph_year(st->ex, st->d, st->s);
		st->year_known = 1;
	}
	return st->year;
}

static void rel(sent *st, size_t subj, ent_rel r, size_t obj, unsigned flags,
		const char *rule)
{
	ent_add_relation(st->ex, st->d, st->s, subj, r, obj, year_of(st), flags, rule);
}

static void pairwise(sent *st, const size_t *v, size_t n, unsigned flags,
		     const char *rule)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			rel(st, v[i], ENT_REL_COOPERATES_WITH, v[j], flags, rule);
}

static ent_type mtype(const sent *st, const ent_mention *m)
{
	return ent_reg_type(st->ex, ent_reg_find(st->ex, m->ent));
}

/* ---- what may fill an argument ---- */

static int acc_actor(const ent_ws *ex, size_t r) { return ent_reg_actor(ex, r); }
static int acc_doer(const ent_ws *ex, size_t r)
{
	return ent_reg_actor(ex, r) && ent_reg_type(ex, r) != ENT_TYPE_PLACE;
}
static int acc_partner(const ent_ws *ex, size_t r)
{
	ent_type t = ent_reg_type(ex, r);
	return t == ENT_TYPE_COUNTRY || (t == ENT_TYPE_PLACE && ent_reg_actor(ex, r));
}
static int acc_agreement(const ent_ws *ex, size_t r)
{
	return ent_reg_type(ex, r) == ENT_TYPE_AGREEMENT;
}
/* Signing or joining: an agreement, or an organization one joins. */
static int acc_joinable(const ent_ws *ex, size_t r)
{
	ent_type t = ent_reg_type(ex, r);
	return t == ENT_TYPE_AGREEMENT || t == ENT_TYPE_ORGANIZATION;
}
static int acc_launchable(const ent_ws *ex, size_t r)
{
	ent_type t = ent_reg_type(ex, r);
	return t == ENT_TYPE_AGREEMENT || t == ENT_TYPE_PROGRAM || t == ENT_TYPE_EVENT ||
	       t == ENT_TYPE_ORGANIZATION;
}
static int acc_event(const ent_ws *ex, size_t r)
{
	return ent_reg_type(ex, r) == ENT_TYPE_EVENT;
}
static int acc_body(const ent_ws *ex, size_t r)
{
	ent_type t = ent_reg_type(ex, r);
	return t == ENT_TYPE_EVENT || t == ENT_TYPE_ORGANIZATION || t == ENT_TYPE_PROGRAM;
}
static int acc_org(const ent_ws *ex, size_t r)
{
	return ent_reg_type(ex, r) == ENT_TYPE_ORGANIZATION;
}
static int acc_place(const ent_ws *ex, size_t r)
{
	ent_type t = ent_reg_type(ex, r);
	return t == ENT_TYPE_PLACE || t == ENT_TYPE_COUNTRY;
}
static int acc_any(const ent_ws *ex, size_t r) { (void)ex; (void)r; return 1; }
static int acc_adopter(const ent_ws *ex, size_t r)
{
	return acc_doer(ex, r) || ent_reg_type(ex, r) == ENT_TYPE_EVENT;
}

/* Can mention k fill an argument accepted by ok? Adjectives cannot, nor
 * possessors: in "work with Kenya's ICT Authority" the partner is the
 * authority. */
static int usable(const sent *st, size_t k, accept_fn ok)
{
	size_t b = st->m[k].b;
	if (st->m[k].kind == ENT_MK_ADJ ||
	    (b < st->end && (st->d->toks[b].flags & ENT_TK_POSS)))
		return 0;
	return ok(st->ex, ent_reg_find(st->ex, st->m[k].ent));
}

/* Add mention k's entity to an argument list, or both parties of a
 * reference to a pair ("the two sides"). Returns the new count. */
/* Keep v in a list of n unless it is full (then say the list was cut). */
static size_t keep(const sent *st, size_t *out, size_t n, size_t v)
{
	if (n < st->cap)
		out[n++] = v;
	else
		*st->cut = 1;
	return n;
}

static size_t push_arg(const sent *st, size_t k, size_t *out, size_t n)
{
	const ent_mention *m = &st->m[k];

	if (m->kind == ENT_MK_REF && m->n_parties >= 2) {
		for (unsigned p = 0; p < m->n_parties; p++)
			n = keep(st, out, n, m->parties[p]);
		return n;
	}
	return keep(st, out, n, m->ent);
}

static int is_relative(const ent_doc *d, size_t i)
{
	return tok_in(d, i, &relatives);
}

/* ---- pair names, owners, places ---- */

static void pair_rules(sent *st)
{
	for (size_t k = 0; k < st->n; k++) {
		const ent_mention *m = &st->m[k];
		if (m->n_parties >= 2)
			pairwise(st, m->parties, m->n_parties, 0, "pair-name");
		if (m->owner != SIZE_MAX && m->kind == ENT_MK_NAME)
			rel(st, m->ent, ENT_REL_PART_OF, m->owner, 0, "name-owner");
		if (m->place1 && m->kind == ENT_MK_NAME)
			rel(st, m->ent, ENT_REL_HELD_IN, m->place1 - 1, 0, "name-place");
	}
	/* "Sino-Russian", "China–Africa cooperation": actors glued by dashes */
	for (size_t k = 0; k + 1 < st->n;) {
		size_t v[ENT_MAX_PARTIES], n = 0, j = k;
		while (j < st->n && n < ENT_MAX_PARTIES &&
		       ent_reg_actor(st->ex, ent_reg_find(st->ex, st->m[j].ent))) {
			v[n++] = st->m[j].ent;
			const ent_token *dash = &st->d->toks[st->m[j].b];
			if (j + 1 < st->n && st->m[j + 1].a == st->m[j].b + 1 &&
			    (dash->flags & ENT_TK_DASH) && !(dash->flags & ENT_TK_SPACE) &&
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

/* Only list glue between two mentions: commas, "and", "as well as",
 * determiners, and a parenthesised acronym. */
static int list_glue(const sent *st, size_t from, size_t to, int *has_and)
{
	int paren = 0;

	for (size_t i = from; i < to; i++) {
		if (tok_eq(st->d, i, "("))
			paren = 1;
		else if (tok_eq(st->d, i, ")"))
			paren = 0;
		else if (!paren && !tok_in(st->d, i, &glue))
			return 0;
		if (tok_eq(st->d, i, "and") || tok_eq(st->d, i, "&") || tok_eq(st->d, i, "well"))
			*has_and = 1;
	}
	return !paren;
}

/* Is mention k a group of members: "WTO members", "SCO member states"? */
static int member_group(const sent *st, size_t k)
{
	size_t b = st->m[k].b;
	return b < st->end && tok_in(st->d, b, &members) &&
	       acc_org(st->ex, ent_reg_find(st->ex, st->m[k].ent));
}

static size_t list_core(const sent *st, size_t i, accept_fn ok, size_t *out, int hop);

/* A list reached through "including": "China joined 75 other WTO members,
 * including A, B and C": the group's own subject joins the list. */
static size_t including_hop(const sent *st, size_t first, accept_fn ok, size_t *out,
			    size_t n)
{
	size_t j = st->m[first].a;

	while (j > st->a && tok_eq(st->d, j - 1, ","))
		j--;
	if (j == st->a || !tok_in(st->d, j - 1, &including))
		return n;
	j--;
	while (j > st->a && tok_eq(st->d, j - 1, ","))
		j--;
	for (size_t g = first; g-- > 0;)
		if (st->m[g].b <= j && st->m[g].b + 2 >= j) {
			size_t group[MAX_LIST];
			/* one hop: the group's subject, not its own list's */
			if (member_group(st, g) && list_core(st, st->m[g].a, ok, group, 0))
				n = keep(st, out, n, group[0]);
			break;
		}
	return n;
}

/* The coordinated list of accepted mentions ending nearest before token i:
 * more than one only when "and" joins the last two. */
static size_t list_before(const sent *st, size_t i, accept_fn ok, size_t *out)
{
	return list_core(st, i, ok, out, 1);
}

static size_t list_core(const sent *st, size_t i, accept_fn ok, size_t *out, int hop)
{
	size_t n = 0, first;
	long k = (long)st->n - 1;
	int has_and = 0;

	while (k >= 0 && st->m[k].b > i)
		k--;
	while (k >= 0 && !usable(st, (size_t)k, ok) && st->m[k].b + SUBJECT_REACH > i)
		k--;
	if (k < 0 || st->m[k].b + SUBJECT_REACH <= i)
		return 0;
	/* "the Summit, which India hosted in 2015, adopted ...": the subject
	 * is the antecedent of the closed relative clause */
	if (st->m[k].a >= st->a + 2 && is_relative(st->d, st->m[k].a - 1)) {
		int closed = 0;
		for (size_t j = st->m[k].b; j < i; j++)
			closed |= tok_eq(st->d, j, ",");
		if (closed) {
			long q = k - 1;
			while (q >= 0 && st->m[q].b > st->m[k].a - 1)
				q--;
			if (q < 0 || !usable(st, (size_t)q, ok) || st->m[q].b + 3 < st->m[k].a)
				return 0;
			k = q;
		}
	}
	for (size_t j = st->m[k].b; j < i; j++) {
		if (tok_eq(st->d, j, ";") || (is_relative(st->d, j) && j + 1 < i &&
					      !tok_eq(st->d, j - 1, ",")))
			return 0;
		/* "... and we also work with X": a pronoun is the subject; "we"
		 * is the document's own actor (a speech, a statement) */
		if (tok_in(st->d, j, &pronouns)) {
			if (!tok_eq(st->d, j, "we") || st->d->actor == SIZE_MAX ||
			    !ok(st->ex, st->d->actor))
				return 0;
			out[0] = st->d->actor;
			return 1;
		}
		/* "the Summit hosted by India, where leaders adopted X": the
		 * antecedent of "where" */
		if (tok_eq(st->d, j, "where") && j > st->a && tok_eq(st->d, j - 1, ",")) {
			for (long q = k; q >= 0; q--)
				if (st->m[q].b <= j - 1 && usable(st, (size_t)q, ok) &&
				    ent_reg_type(st->ex, ent_reg_find(st->ex, st->m[q].ent)) ==
					    ENT_TYPE_EVENT) {
					out[0] = st->m[q].ent;
					return 1;
				}
			return 0;
		}
	}
	n = push_arg(st, (size_t)k, out, n);
	first = (size_t)k;
	while (k > 0 && usable(st, (size_t)k - 1, ok) &&
	       st->m[k - 1].b <= st->m[k].a) {
		int a = 0;
		if (!list_glue(st, st->m[k - 1].b, st->m[k].a, &a))
			break;
		if (n == 1 && !a)
			break; /* "At the suggestion of China, the AALCO ...": no list */
		has_and |= a;
		k--;
		n = push_arg(st, (size_t)k, out, n);
		first = (size_t)k;
	}
	(void)has_and;
	return hop ? including_hop(st, first, ok, out, n) : n;
}

/* Words between a verb and its object that show the object belongs to
 * another phrase: "its position paper on the 75th anniversary of the
 * United Nations". */
static int embedded(const sent *st, size_t from, size_t to, ent_rel r)
{
	for (size_t i = from; i < to; i++)
		if (tok_in(st->d, i, &prep)) {
			if ((r == ENT_REL_PARTICIPATED_IN || r == ENT_REL_HOSTED) &&
			    tok_eq(st->d, i, "of"))
				continue;
			return 1;
		}
	return 0;
}

/* "A, Kenya's Cabinet Secretary for X, and B, India's Minister": the
 * mention after the appositive of person k, or st->n. */
static size_t appositive_end(const sent *st, size_t k)
{
	size_t stop = st->m[k].b + 30 < st->end ? st->m[k].b + 30 : st->end;

	for (size_t j = st->m[k].b + 1; j + 1 < stop; j++) {
		if (!tok_eq(st->d, j, "and") || !tok_eq(st->d, j - 1, ","))
			continue;
		for (size_t q = k + 1; q < st->n; q++)
			if (st->m[q].a == j + 1 && mtype(st, &st->m[q]) == ENT_TYPE_PERSON)
				return q;
		break;
	}
	return st->n;
}

/* The coordinated list of accepted mentions starting nearest after i. */
static size_t list_after(const sent *st, size_t i, accept_fn ok, ent_rel r, size_t *out)
{
	size_t n = 0, k = 0;

	while (k < st->n && st->m[k].a < i)
		k++;
	size_t k0 = k;
	while (k < st->n && !usable(st, k, ok) && st->m[k].a < i + OBJECT_REACH)
		k++;
	if (k >= st->n || st->m[k].a >= i + OBJECT_REACH || !usable(st, k, ok) ||
	    embedded(st, i, st->m[k].a, r)) {
		/* "a number of laws ..., including the X Law, the Y Law" */
		for (size_t j = i; j < st->end && j < i + INCLUDING_REACH; j++) {
			if (tok_eq(st->d, j, ";"))
				break;
			if (tok_in(st->d, j, &including)) {
				for (k = k0; k < st->n && st->m[k].a <= j; k++)
					;
				if (k < st->n && usable(st, k, ok) && st->m[k].a <= j + 3)
					goto found;
				return 0;
			}
		}
		return 0;
	}
	for (size_t j = i; j < st->m[k].a; j++)
		if (tok_eq(st->d, j, ";"))
			return 0;
found:
	n = push_arg(st, k, out, n);
	while (k + 1 < st->n) {
		int a = 0;
		size_t next = k + 1;
		if (mtype(st, &st->m[k]) == ENT_TYPE_PERSON && tok_eq(st->d, st->m[k].b, ","))
			next = appositive_end(st, k);
		if (next >= st->n || !usable(st, next, ok))
			break;
		if (next == k + 1 && !list_glue(st, st->m[k].b, st->m[k + 1].a, &a))
			break;
		k = next;
		n = push_arg(st, k, out, n);
	}
	return n;
}

/* ---- membership and places ---- */

static void member_rules(sent *st)
{
	size_t v[MAX_LIST], n;

	for (size_t k = 0; k < st->n; k++) {
		if (st->m[k].kind == ENT_MK_ADJ || !member_group(st, k))
			continue;
		size_t g = st->m[k].ent, after = st->m[k].b + 1;
		if (after < st->end && tok_eq(st->d, after, "states"))
			after++;
		n = list_after(st, after, acc_doer, ENT_REL_MEMBER_OF, v);
		for (size_t j = 0; j < n; j++)
			rel(st, v[j], ENT_REL_MEMBER_OF, g, 0, "members-including");
		/* "China and other WTO members", "joined 75 other WTO members" */
		int other = 0;
		for (size_t j = st->m[k].a > st->a + 3 ? st->m[k].a - 3 : st->a; j < st->m[k].a; j++)
			other |= tok_eq(st->d, j, "other") || tok_eq(st->d, j, "fellow");
		if (other) {
			n = list_before(st, st->m[k].a, acc_doer, v);
			for (size_t j = 0; j < n; j++)
				rel(st, v[j], ENT_REL_MEMBER_OF, g, 0, "other-members");
		}
	}
}

static void place_rules(sent *st)
{
	size_t v[MAX_LIST], n;

	for (size_t k = 0; k < st->n; k++) {
		size_t b = st->m[k].b;
		if (st->m[k].kind == ENT_MK_ADJ || mtype(st, &st->m[k]) != ENT_TYPE_EVENT ||
		    b + 1 >= st->end || (!tok_eq(st->d, b, "in") && !tok_eq(st->d, b, "at")))
			continue;
		if (k + 1 >= st->n || st->m[k + 1].a > b + 2)
			continue;
		n = list_after(st, b + 1, acc_place, ENT_REL_HELD_IN, v);
		for (size_t j = 0; j < n; j++)
			rel(st, st->m[k].ent, ENT_REL_HELD_IN, v[j], 0, "event-in-place");
	}
}

/* ---- triggers ---- */

/* A negation or hedge cue among the few tokens before the trigger. */
static int cue_before(const sent *st, const ent_phrases *p, size_t i, size_t reach)
{
	size_t v, from = i > st->a + reach ? i - reach : st->a;
	for (size_t k = from; k < i; k++)
		if (ent_phrases_match(p, st->d->text, st->d->toks, k, i, &v))
			return 1;
	return 0;
}

/* Passive voice: "hosted by X", "set up in 2018 by X". Returns the
 * position of "by", or 0. */
static size_t passive_at(const sent *st, size_t i, size_t len)
{
	for (size_t by = i + len; by < st->end && by <= i + len + 5; by++) {
		if (tok_eq(st->d, by, "by"))
			return by;
		if (tok_eq(st->d, by, ",") || tok_eq(st->d, by, ";") || tok_eq(st->d, by, "and"))
			return 0;
		for (size_t k = 0; k < st->n; k++)
			if (st->m[k].a == by) {
				/* "organised in Nairobi by ...": a place may intervene */
				if (!acc_place(st->ex, ent_reg_find(st->ex, st->m[k].ent)) ||
				    !tok_eq(st->d, by - 1, "in"))
					return 0;
				by = st->m[k].b - 1;
				break;
			}
	}
	return 0;
}

/* The end of mention k, past a parenthesised acronym right after it:
 * "the National Payments Corporation of India (NPCI) launched". */
static size_t end_with_acronym(const sent *st, size_t k)
{
	size_t b = st->m[k].b;

	if (b < st->end && tok_eq(st->d, b, "(")) {
		size_t c = b + 1;
		while (c < st->end && c < b + 6 && !tok_eq(st->d, c, ")"))
			c++;
		if (c < st->end && tok_eq(st->d, c, ")"))
			return c + 1;
	}
	return b;
}

/* An object relative clause: "UPI, which NPCI launched", "M-Pesa, the
 * service that Safaricom introduced", "Maisha Namba, the card the
 * government launched". The object is the antecedent before the clause. */
static size_t relative_object(const sent *st, size_t i, accept_fn ok, size_t *subj,
			      size_t ns, size_t *out)
{
	long k = (long)st->n - 1;
	size_t rel_at;

	(void)subj;
	if (ns == 0)
		return 0;
	while (k >= 0 && st->m[k].b > i)
		k--;
	if (k < 0 || end_with_acronym(st, (size_t)k) + 2 < i)
		return 0; /* the subject sits right before the verb */
	rel_at = st->m[k].a;
	while (rel_at > st->a && rel_at + 5 > st->m[k].a && !is_relative(st->d, rel_at - 1))
		rel_at--;
	if (rel_at == st->a || !is_relative(st->d, rel_at - 1))
		return 0;
	for (long q = k - 1; q >= 0 && st->m[q].b + 20 > rel_at; q--)
		if (st->m[q].b < rel_at && usable(st, (size_t)q, ok)) {
			out[0] = st->m[q].ent;
			return 1;
		}
	return 0;
}

static accept_fn object_kind(ent_rel r)
{
	switch (r) {
	case ENT_REL_SIGNED: return acc_joinable;
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
	case ENT_REL_COOPERATES_WITH: return acc_actor;
	default: return acc_doer;
	}
}

/* Subjects before the trigger, or the document's actor when the sentence
 * names none. */
static size_t subjects(sent *st, size_t i, ent_rel r, size_t *out, unsigned *flags)
{
	size_t n = list_before(st, i, subject_kind(r), out);

	if (n == 0 && st->d->actor != SIZE_MAX && r != ENT_REL_HELD_IN &&
	    r != ENT_REL_PART_OF) {
		for (size_t k = 0; k < st->n && st->m[k].a < i; k++)
			if (st->m[k].kind != ENT_MK_ADJ &&
			    ent_reg_actor(st->ex, ent_reg_find(st->ex, st->m[k].ent)))
				return 0; /* an actor is there but not as subject */
		out[n++] = st->d->actor;
		*flags |= ENT_RELF_RESOLVED;
	}
	return n;
}

/* "held (annually) in Wuzhen" after an event: where, not who. */
static int held_in_after(sent *st, size_t i, size_t len, unsigned flags)
{
	size_t ev[MAX_LIST], pl[MAX_LIST], ne, np, j = i + len;

	while (j < st->end && j < i + len + 3 && !tok_eq(st->d, j, "in"))
		j++;
	if (j >= st->end || !tok_eq(st->d, j, "in"))
		return 0;
	ne = list_before(st, i, acc_event, ev);
	np = list_after(st, j + 1, acc_place, ENT_REL_HELD_IN, pl);
	if (!ne || !np)
		return 0;
	for (size_t a = 0; a < ne; a++)
		for (size_t b = 0; b < np; b++)
			rel(st, ev[a], ENT_REL_HELD_IN, pl[b], flags, "held-in");
	return 1;
}

static void emit_pairs(sent *st, const size_t *subj, size_t ns, const size_t *obj,
		       size_t no, ent_rel r, size_t val, unsigned flags, const char *rule)
{
	for (size_t a = 0; a < ns; a++)
		for (size_t b = 0; b < no; b++) {
			ent_rel rr = r;
			ent_type st_ = ent_reg_type(st->ex, ent_reg_find(st->ex, subj[a]));
			ent_type ot = ent_reg_type(st->ex, ent_reg_find(st->ex, obj[b]));
			if (r == ENT_REL_SIGNED && ot == ENT_TYPE_ORGANIZATION)
				rr = ENT_REL_MEMBER_OF;
			if (r == ENT_REL_PART_OF && st_ == ENT_TYPE_COUNTRY)
				rr = ENT_REL_PARTICIPATED_IN;
			if ((val & ENT_TRIG_ORG) && ot != ENT_TYPE_ORGANIZATION)
				continue;
			if ((val & ENT_TRIG_WEAK) && ot != ENT_TYPE_ORGANIZATION && ot != ENT_TYPE_EVENT)
				continue;
			rel(st, subj[a], rr, obj[b], flags, rule);
		}
}

/* "China co-hosted the China-UK Internet Roundtable": the other party of
 * the pair name is the co-host. Adds it to subj; returns the new count. */
static size_t co_actors(const sent *st, size_t object, size_t *subj, size_t ns)
{
	for (size_t k = 0; k < st->n; k++) {
		const ent_mention *m = &st->m[k];
		if (ent_reg_find(st->ex, m->ent) != ent_reg_find(st->ex, object))
			continue;
		for (unsigned p = 0; p < m->n_parties && ns < st->cap; p++) {
			size_t r = ent_reg_find(st->ex, m->parties[p]);
			int have = 0;
			for (size_t q = 0; q < ns; q++)
				have |= ent_reg_find(st->ex, subj[q]) == r;
			if (!have)
				subj[ns++] = r;
		}
		break;
	}
	return ns;
}

static void apply_trigger(sent *st, size_t i, size_t len, size_t val)
{
	ent_rel r = ENT_TRIG_REL(val);
	size_t subj[MAX_LIST], obj[MAX_LIST], ns, no;
	unsigned flags = 0;

	if (cue_before(st, &st->ex->lex->negations, i, 4))
		return;
	if (cue_before(st, &st->ex->lex->hedges, i, 4))
		flags |= ENT_RELF_HEDGED;
	if (val & ENT_TRIG_NOUN)
		return;
	if (val & ENT_TRIG_BETWEEN) {
		no = list_after(st, i + len, acc_actor, r, obj);
		pairwise(st, obj, no, flags, "between");
		return;
	}
	if (val & ENT_TRIG_AID) {
		/* "helped Kenya": a country or region right after the verb */
		if (i + len < st->end && tok_eq(st->d, i + len, "from"))
			return;
		no = list_after(st, i + len, acc_partner, r, obj);
		if (no && st->m[0].a < i + len + 3) {
			ns = subjects(st, i, r, subj, &flags);
			emit_pairs(st, subj, ns, obj, no, r, val, flags, "aid");
		}
		return;
	}
	if (r == ENT_REL_COOPERATES_WITH && (val & ENT_TRIG_JOINT) && !(val & ENT_TRIG_WITH)) {
		ns = list_before(st, i, acc_actor, subj);
		if (ns >= 2)
			pairwise(st, subj, ns, flags, "jointly");
		return;
	}
	size_t by = passive_at(st, i, len);
	if (r == ENT_REL_HOSTED)
		held_in_after(st, i, len, flags); /* and on: who hosted it */
	if (!by && i + len < st->end && tok_eq(st->d, i + len, "between") &&
	    (r == ENT_REL_SIGNED || r == ENT_REL_LAUNCHED || r == ENT_REL_ADOPTED))
		by = i + len; /* "the MoU was concluded between A and B" */
	if (by) {
		ns = list_after(st, by + 1, subject_kind(r), r, subj);
		no = list_before(st, i, object_kind(r), obj);
		emit_pairs(st, subj, ns, obj, no, r, val, flags, "passive");
		if (ns >= 2 && r != ENT_REL_HELD_IN && r != ENT_REL_PART_OF)
			pairwise(st, subj, ns, flags, "joint-action");
		return;
	}
	no = list_after(st, i + len, object_kind(r), r, obj);
	if (no == 0) {
		/* "the Summit, which Brazil hosted in Rio": host and place */
		ns = list_before(st, i, subject_kind(r), subj);
		no = relative_object(st, i, object_kind(r), subj, ns, obj);
		if (no)
			emit_pairs(st, subj, ns, obj, no, r, val, flags, "relative");
		return;
	}
	if ((val & ENT_TRIG_WITH) && i > st->a && tok_eq(st->d, i - 1, ",")) {
		/* "Norway recognised X, together with Ireland": the clause's subject */
		ns = 0;
		for (size_t k = 0; k < st->n && st->m[k].a < i && !ns; k++)
			if (usable(st, k, acc_actor))
				subj[ns++] = st->m[k].ent;
	} else {
		ns = subjects(st, i, r, subj, &flags);
	}
	if ((val & ENT_TRIG_JOINT) && ns == 1 && no == 1)
		ns = co_actors(st, obj[0], subj, ns);
	emit_pairs(st, subj, ns, obj, no, r, val, flags,
		   r == ENT_REL_COOPERATES_WITH ? "with" : "trigger");
	if (r != ENT_REL_COOPERATES_WITH && r != ENT_REL_HELD_IN && r != ENT_REL_PART_OF &&
	    (ns >= 2 || (val & ENT_TRIG_JOINT)))
		pairwise(st, subj, ns, flags, "joint-action");
}

/* Does token i lie inside one of the sentence's mentions? Asked only of
 * the few tokens a trigger may open with, so a pass over the mentions
 * costs less than marking every token of every sentence. */
static int named(const sent *st, size_t i)
{
	for (size_t k = 0; k < st->n; k++)
		if (st->m[k].a <= i && i < st->m[k].b)
			return 1;
	return 0;
}

/* The year a paragraph opens with ("In May 2019, ..."), for the
 * sentences after it that give none. */
static int paragraph_year(ent_ws *ex, ent_doc *d, size_t s)
{
	size_t p = d->para[s];

	if (p == s)
		return 0;
	sent first = { ex, d, p, d->sent_tok[p], d->sent_tok[p + 1],
		       d->ments + d->sent_ment[p], d->sent_ment[p + 1] - d->sent_ment[p], 0, NULL,
		       0, 0 };
	/* only a leading date: the year within the first few tokens */
	if (first.end > first.a + 6)
		first.end = first.a + 6;
	return sentence_year(&first);
}

void ent_relate(ent_ws *ex, ent_doc *d, size_t s)
{
	sent st = { ex, d, s, d->sent_tok[s], d->sent_tok[s + 1],
		    d->ments + d->sent_ment[s], d->sent_ment[s + 1] - d->sent_ment[s], 0, NULL,
		    0, 0 };
	const ent_phrases *trig = &ex->lex->triggers;
	size_t v, l;
	int cut = 0;

	if (st.n == 0)
		return;
	pthread_once(&word_lists_once, word_lists_init);
	st.cap = ex->limits->max_list;
	st.cut = &cut;
	pair_rules(&st);
	member_rules(&st);
	place_rules(&st);
	/* ent_phrases_match() on every token outside a mention; its first
	 * test, which nearly every token fails, comes before the mentions */
	for (size_t i = st.a; i < st.end; i++) {
		if (!ent_phrases_may_open(trig, d->text, &d->toks[i]) || named(&st, i))
			continue;
		l = ent_phrases_walk(trig, d->text, d->toks, i, st.end, &v);
		if (!l)
			continue;
		apply_trigger(&st, i, l, v);
		i += l - 1;
	}
	if (cut)
		ent_note_cut_list(ex, d, s);
}

/* Is sentence s exactly "For the Government of X" (or "For X")? Returns
 * X's record or SIZE_MAX. */
static size_t signatory_line(ent_ws *ex, ent_doc *d, size_t s)
{
	size_t a = d->sent_tok[s], b = d->sent_tok[s + 1], k = d->sent_ment[s];

	if (b - a < 2 || d->sent_ment[s + 1] != k + 1 || !tok_eq(d, a, "for"))
		return SIZE_MAX;
	const ent_mention *m = &d->ments[k];
	size_t start = a + 1 + (tok_eq(d, a + 1, "the") ? 1 : 0);
	if (m->kind != ENT_MK_NAME || m->a != start || m->b != b)
		return SIZE_MAX;
	size_t r = ent_reg_find(ex, m->ent);
	return ent_reg_actor(ex, r) ? r : SIZE_MAX;
}

/* A signature block at the end of an agreement ("For the Government of
 * X" above a signatory's name): X and the signatory signed the document,
 * and the signing parties cooperate. */
void ent_relate_document(ent_ws *ex, ent_doc *d)
{
	size_t signers[MAX_LIST], n = 0;
	int cut = 0;
	sent st;

	if (d->title == SIZE_MAX)
		return;
	for (size_t s = 0; s + 1 < d->n_sents && n + 2 <= MAX_LIST; s++) {
		size_t party = signatory_line(ex, d, s);
		if (party == SIZE_MAX)
			continue;
		memset(&st, 0, sizeof(st));
		st.ex = ex;
		st.d = d;
		st.s = s;
		st.cap = ex->limits->max_list;
		st.cut = &cut;
		st.year_known = 1; /* no year: a signature block gives none */
		d->sentence_id = SIZE_MAX;
		rel(&st, party, ENT_REL_SIGNED, d->title, 0, "signature-block");
		signers[n++] = party;
		size_t k = d->sent_ment[s + 1];
		if (d->sent_ment[s + 2] == k + 1 && d->ments[k].type == ENT_TYPE_PERSON &&
		    d->ments[k].kind == ENT_MK_NAME) {
			st.s = s + 1;
			d->sentence_id = SIZE_MAX;
			rel(&st, d->ments[k].ent, ENT_REL_SIGNED, d->title, 0, "signature-block");
			signers[n++] = d->ments[k].ent;
		}
	}
	if (n >= 2) {
		d->sentence_id = SIZE_MAX;
		pairwise(&st, signers, n, 0, "signature-block");
	}
}
