/*
 * Recognition: the mentions of one sentence. Three sources compete for each
 * position and the longest wins: the gazetteers (countries, organizations,
 * places, well-known agreements), names learned earlier in the corpus, and
 * patterns — title-case spans with lower-case connectors whose head word
 * decides the type ("... Summit" is an event, "... Law" an agreement).
 * Acronyms defined in parentheses are learned on the way; pair names
 * ("China-ASEAN ...") keep their parties; a name that begins with an
 * organization ("BRICS Summit") or ends with "of" one keeps it as owner.
 */
#include <stdint.h>
#include <string.h>

#include "scan.h"

#define MAX_SPAN 40

/* Is token i an ordinal that may open a name ("11th", "Ninth", "third")? */
static int is_ordinal(const ent_ws *ex, const ent_doc *d, size_t i, size_t end)
{
	size_t v;
	const ent_token *t = tok(d, i);

	if (i + 1 >= end || !is_cap(d, i + 1))
		return 0;
	if ((t->flags & ENT_TK_NUM) && t->len >= 3) {
		const char *s = d->text + t->start + t->len - 2;
		return !memcmp(s, "th", 2) || !memcmp(s, "st", 2) ||
		       !memcmp(s, "nd", 2) || !memcmp(s, "rd", 2);
	}
	return match(&ex->lex->ordinals, d, i, end, &v) == 1;
}

/* Does a known name (gazetteer or learned) cover exactly [a, b)? */
static int known_exactly(const ent_ws *ex, const ent_doc *d, size_t a, size_t b)
{
	size_t v;
	return match(&ex->gaz->names, d, a, b, &v) == b - a ||
	       match(&ex->learned, d, a, b, &v) == b - a;
}

/* "(ACR)" at j: the number of tokens through ")", or 0. */
static size_t paren_acronym(const ent_doc *d, size_t j, size_t end)
{
	size_t c, caps = 0;

	for (c = j + 1; c < end && c - j <= 6 && !tok_eq(d, c, ")"); c++) {
		const ent_token *t = tok(d, c);
		if (c > j + 1 && (t->flags & ENT_TK_SPACE))
			return 0;
		for (uint32_t q = 0; q < t->len; q++)
			caps += d->text[t->start + q] >= 'A' && d->text[t->start + q] <= 'Z';
	}
	return c < end && c > j + 1 && tok_eq(d, c, ")") && caps >= 2 ? c + 1 - j : 0;
}

/* The maximal title-case span starting at i: capitalised words, numbers,
 * glued hyphens and lower-case connectors between capitalised words. */
static size_t scan_span(const ent_ws *ex, const ent_doc *d, size_t i, size_t end)
{
	size_t j = i, last = i, conn = 0, v, k;

	if (is_ordinal(ex, d, i, end))
		j = last = i + 1;
	while (j < end && j - i < MAX_SPAN) {
		const ent_token *t = tok(d, j);
		/* both breaks below are at a word of at most three bytes: the
		 * length rules out most words without reading their text */
		if (j > i && t->len <= 3 &&
		    (tok_eq(d, j, "The") || tok_eq(d, j, "A") || tok_eq(d, j, "An")))
			break; /* a new phrase: "Panel 4 The Belt and Road ..." */
		if (j > i && (t->flags & ENT_TK_NUM) && t->len <= 3 && j + 1 < end &&
		    is_cap(d, j + 1) && (tok(d, j + 1)->flags & ENT_TK_SPACE))
			break; /* a numbered label: "Panel 1 Action Plan ..." */
		if (is_cap(d, j) || ((t->flags & ENT_TK_NUM) && j > i)) {
			last = ++j;
			conn = 0;
		} else if (j > i && glued_dash(d, j, end)) {
			j += 2;
			last = j;
			conn = 0;
		} else if (j > i && t->len == 1 && (tok_eq(d, j, "&") || spaced_plus(d, j, end))) {
			j++;
			conn++;
		} else if (j > i && (t->flags & ENT_TK_POSS)) {
			if (known_exactly(ex, d, i, j))
				break; /* "China's ...": the owner ends here */
			j++;
		} else if (j > i && (t->flags & ENT_TK_QUOTE) && !(t->flags & ENT_TK_SPACE) &&
			   j + 1 < end && is_cap(d, j + 1) && d->text[t->start - 1] == 's') {
			j++; /* "Ministers’ Meeting" */
		} else if (j > i && conn == 0 && t->len == 1 && tok_eq(d, j, "(") &&
			   (k = paren_acronym(d, j, end)) > 0 && j + k < end && is_cap(d, j + k)) {
			j += k; /* "China + Central Asia (C+C5) Foreign Ministers’ Meeting" */
		} else if (j > i && is_lower(d, j) && conn < 2 &&
			   match(&ex->lex->connectors, d, j, end, &v) == 1) {
			j++;
			conn++;
		} else {
			break;
		}
	}
	return last - i;
}

/* The longest head phrase ending exactly at `end` inside [a, end), or -1;
 * sets *at to where it starts. */
static int head_ending(const ent_ws *ex, const ent_doc *d, size_t a,
		       size_t end, size_t *at)
{
	size_t v;

	for (size_t k = a; k < end; k++)
		if (match(&ex->lex->heads, d, k, end, &v) == end - k) {
			*at = k;
			return (int)v;
		}
	return -1;
}

/* End of the first segment of [a, b): the first lower-case connector that
 * opens a complement ("of", "on", "for", "between"...). */
static size_t segment_end(const ent_ws *ex, const ent_doc *d, size_t a, size_t b)
{
	size_t v;

	for (size_t k = a + 1; k < b; k++)
		if ((is_lower(d, k) && match(&ex->lex->segments, d, k, b, &v) == 1) ||
		    tok_eq(d, k, "Between"))
			return k;
	return b;
}

static int is_month(const ent_doc *d, size_t k)
{
	if (!(tok(d, k)->flags & ENT_TK_CAP) || tok(d, k)->len < 3 || tok(d, k)->len > 9)
		return 0; /* no month is named otherwise */
	static const char *const m[] = { "January", "February", "March", "April", "May",
					 "June", "July", "August", "September", "October",
					 "November", "December", "Jan", "Feb", "Mar", "Apr",
					 "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
					 NULL };
	for (int i = 0; m[i]; i++)
		if (tok_eq(d, k, m[i]))
			return 1;
	return 0;
}

/* The type of a known name (gazetteer or learned) starting at k, its
 * length in *len; -1 when none. */
static int known_at(const ent_ws *ex, const ent_doc *d, size_t k, size_t end,
		    size_t *len)
{
	size_t v, r;

	if ((*len = match(&ex->gaz->names, d, k, end, &v)) > 0)
		return (int)ex->gaz->entries[v].type;
	if ((*len = match(&ex->learned, d, k, end, &v)) > 0) {
		r = v;
		while (ex->recs[r].parent != r)
			r = ex->recs[r].parent;
		return (int)ent_reg_type(ex, r);
	}
	return -1;
}

/* Does the span run on, at connector k, into a phrase that is not part of
 * the name: a place, actor, person or date ("the Conference in Wuzhen",
 * "the Code ... to the UN General Assembly", "the Summit on December 3")? */
static int span_type_depth(const ent_ws *ex, const ent_doc *d, size_t a,
			   size_t *b, int depth);

static int tail_breaks(const ent_ws *ex, const ent_doc *d, size_t k, size_t b,
		       int depth)
{
	static const char *const loose[] = { "in", "at", "to", "with", "from", "into",
					     "through", "among", "under", "during", "since",
					     "as", "via", NULL };
	size_t tv;

	/* "Dialogue between the High Representative and ...": people, not a name */
	if (tok_eq(d, k, "between") && k + 2 < b && tok_eq(d, k + 1, "the") &&
	    match(&ex->lex->titles, d, k + 2, b, &tv))
		return 1;
	static const char *const tight[] = { "on", NULL };
	size_t r = k + 1, len, v;
	int t, is_loose = 0, is_tight = 0;

	if (!is_lower(d, k) || tok(d, k)->len > 7)
		return 0; /* every connector below is a short lower-case word */
	for (int i = 0; loose[i] && !is_loose; i++)
		is_loose = tok_eq(d, k, loose[i]);
	for (int i = 0; tight[i] && !is_tight; i++)
		is_tight = tok_eq(d, k, tight[i]);
	if (!is_loose && !is_tight)
		return 0;
	if (r < b && tok_eq(d, r, "the"))
		r++;
	if (r >= b)
		return 0;
	if (is_month(d, r))
		return 1;
	if (is_tight)
		return 0;
	if ((tok(d, r)->flags & ENT_TK_NUM) && tok(d, r)->len == 4)
		return 1;
	if (match(&ex->lex->titles, d, r, b, &v))
		return 1;
	t = known_at(ex, d, r, b, &len);
	if (t < 0 && depth == 0) {
		/* another name follows: "... Task Force to the Digital Economy
		 * Working Group" */
		size_t rb = b;
		t = span_type_depth(ex, d, r, &rb, 1);
	}
	return t >= 0;
}

/* Type given by the head word of span [a, *b): the longest head phrase
 * closing its first segment (before "of", "on", "for"...), else the
 * right-most head followed by a lower-case word. -1 when none. Cuts *b
 * where the span joins two names with "and" or runs on into a phrase. */
static int span_type_depth(const ent_ws *ex, const ent_doc *d, size_t a,
			   size_t *b, int depth)
{
	size_t seg, at, v;
	int type = -1;

	/* "X Forum and the Y Council": two names */
	for (size_t k = a + 1; k + 1 < *b; k++) {
		if (!tok_eq(d, k, "and") && !tok_eq(d, k, "&"))
			continue;
		size_t lseg = segment_end(ex, d, a, k);
		int between = 0;
		for (size_t q = a; q < k; q++)
			between |= tok_eq(d, q, "between") || tok_eq(d, q, "Between");
		size_t r = k + 1 + (tok_eq(d, k + 1, "the") ? 1 : 0), rb = *b;
		int left_whole = lseg == k && head_ending(ex, d, a, k, &at) >= 0;
		int right_named = r > k + 1 && r < *b &&
				  head_ending(ex, d, r, segment_end(ex, d, r, rb), &at) >= 0 &&
				  head_ending(ex, d, a, lseg, &at) >= 0;
		if (match(&ex->gaz->adjectives, d, a, k, &at) == k - a)
			return -1; /* "European and Gulf lenders" */
		size_t pl = match(&ex->gaz->names, d, k + 1, *b, &at);
		if (pl && k + 1 + pl < *b && (tok(d, k + 1 + pl)->flags & ENT_TK_POSS)) {
			*b = k; /* "... Joint Undertaking and Japan's National Institute" */
			break;
		}
		if (left_whole || known_exactly(ex, d, a, k) || (!between && right_named && lseg < k)) {
			*b = k;
			break;
		}
	}
	seg = segment_end(ex, d, a, *b);
	type = head_ending(ex, d, a, seg, &at);
	size_t after = seg;
	if (type < 0)
		for (size_t k = seg; k-- > a;) {
			size_t l = match(&ex->lex->heads, d, k, seg, &v);
			if (l && k + l < seg && !is_cap(d, k + l)) {
				type = (int)v;
				after = k + l;
				break;
			}
		}
	if (type >= 0)
		for (size_t k = after; k < *b; k++)
			if (tail_breaks(ex, d, k, *b, depth) ||
			    (k == after && k + 1 < *b && (tok_eq(d, k, "in") || tok_eq(d, k, "at")) &&
			     is_cap(d, k + 1) && (type == ENT_TYPE_EVENT ||
						  type == ENT_TYPE_ORGANIZATION))) {
				/* "the Ocean Conference in Nice" */
				*b = k;
				break;
			}
	return type;
}

int ent_span_type(const ent_ws *ex, const ent_doc *d, size_t a, size_t *b)
{
	return span_type_depth(ex, d, a, b, 0);
}

typedef struct cand {
	size_t len;     /* tokens consumed */
	size_t na, nb;  /* the name's tokens (without title, quotes) */
	int type;
	size_t rec;
	unsigned source; /* 1 gazetteer, 2 learned, 3 pattern */
	const char *suffix; /* lower-case head appended to an alias */
	size_t suffix_tok;
} cand;

/* Record a name found over tokens [a, b) with its type; returns 1. */
static int name_found(cand *c, size_t a, size_t b, int type)
{
	c->na = a;
	c->nb = b;
	c->type = type;
	return 1;
}


/* A title at k, perhaps after a country's possessive and up to two
 * capitalised modifiers: ", Kenya's Cabinet Secretary", ", Principal
 * Secretary". */
static int title_at(const ent_ws *ex, const ent_doc *d, size_t k, size_t end)
{
	size_t v, l;

	if (k < end && (l = match(&ex->gaz->names, d, k, end, &v)) > 0 && k + l < end &&
	    (tok(d, k + l)->flags & ENT_TK_POSS))
		k += l + 1;
	for (size_t q = k; q < end && q <= k + 2; q++) {
		if (match(&ex->lex->titles, d, q, end, &v))
			return 1;
		if (!is_cap(d, q))
			return 0;
	}
	return 0;
}

/* Two to four capitalised words that only a person's name would be: after
 * "said", before ", <title>", or alone on a line above a title line (a
 * signature block). */
static int person_by_context(const ent_ws *ex, const ent_doc *d, size_t a,
			     size_t b, size_t end, cand *c)
{
	static const char *const verbs[] = { "said", "says", "told", "added", "noted",
					     "by", "Ambassador", NULL };
	size_t v;
	int ok = 0;

	if (b - a < 2 || b - a > 4)
		return 0;
	for (size_t i = a; i < b; i++)
		if (!is_cap(d, i) || (tok(d, i)->flags & ENT_TK_UPPER) ||
		    match(&ex->gaz->names, d, i, b, &v) || match(&ex->lex->heads, d, i, b, &v))
			return 0;
	if (a > 0)
		for (int k = 0; verbs[k]; k++)
			ok |= tok_eq(d, a - 1, verbs[k]);
	if (b + 1 < end && tok_eq(d, b, ",") && title_at(ex, d, b + 1, end))
		ok = 1;
	size_t s = d->cur_sent;
	if (b == end && s + 1 < d->n_sents && a == d->sent_tok[s] &&
	    title_at(ex, d, d->sent_tok[s + 1], d->sent_tok[s + 2]))
		ok = 1;
	if (!ok)
		return 0;
	return name_found(c, a, b, ENT_TYPE_PERSON);
}

/* One or two capitalised words right after "<event> in" or "held in":
 * a place ("the Ocean Conference in Nice"). */
static int place_by_context(const ent_ws *ex, const ent_doc *d, size_t a,
			    size_t b, cand *c)
{
	size_t v;

	if (b - a > 2 || a < 2 || (!tok_eq(d, a - 1, "in") && !tok_eq(d, a - 1, "at")))
		return 0;
	for (size_t i = a; i < b; i++)
		if (!is_cap(d, i) || match(&ex->lex->heads, d, i, b, &v))
			return 0;
	int ok = tok_eq(d, a - 2, "held") || tok_eq(d, a - 2, "place") ||
		 tok_eq(d, a - 2, "convened");
	if (!ok && d->n_ments > 0) {
		const ent_mention *m = &d->ments[d->n_ments - 1];
		ok = m->b == a - 1 && m->kind == ENT_MK_NAME &&
		     m->type == ENT_TYPE_EVENT;
	}
	if (!ok)
		return 0;
	return name_found(c, a, b, ENT_TYPE_PLACE);
}

/* "RuralStar, a solution put forward by ...", "Smart Education of China,
 * an online public service platform": the appositive's head noun types
 * the name before it. */
static int appositive_type(const ent_ws *ex, const ent_doc *d, size_t a, size_t b,
			   size_t end, cand *c)
{
	size_t v;

	if (b + 3 >= end || !tok_eq(d, b, ",") ||
	    (!tok_eq(d, b + 1, "a") && !tok_eq(d, b + 1, "an") && !tok_eq(d, b + 1, "the")))
		return 0;
	if (match(&ex->gaz->names, d, a, b, &v) || b - a > 6)
		return 0;
	if (a > 0 && a != d->sent_tok[d->cur_sent] && is_cap(d, a - 1))
		return 0; /* not where a name starts: "Smart [Education of China]" */
	for (size_t k = b + 2; k < end && k < b + 9; k++) {
		if (tok(d, k)->flags & ENT_TK_PUNCT && !(tok(d, k)->flags & ENT_TK_DASH))
			return 0;
		if (is_lower(d, k) && match(&ex->lex->appos, d, k, end, &v) == 1 &&
		    (k + 1 >= end || !is_lower(d, k + 1) || tok_eq(d, k + 1, "that") ||
		     tok_eq(d, k + 1, "which") || tok_eq(d, k + 1, "put") ||
		     tok_eq(d, k + 1, "set") || tok_eq(d, k + 1, "launched") ||
		     tok_eq(d, k + 1, "for") || tok_eq(d, k + 1, "of") || tok_eq(d, k + 1, "the"))) {
			return name_found(c, a, b, (int)v);
		}
	}
	return 0;
}

/* One CamelCase word no list knows ("RuralStar", "ChinesePlus") names a
 * product or programme; surname prefixes (McCain, DeVos) excluded. */
static int camel_case(const ent_ws *ex, const ent_doc *d, size_t a, size_t b,
		      cand *c)
{
	static const char *const prefixes[] = { "Mc", "Mac", "De", "Di", "La", "Le", "Van",
						"Von", "Du", NULL };
	const ent_token *t = tok(d, a);
	const char *p = d->text + t->start;
	size_t v, humps = 0;

	if (b != a + 1 || t->len < 6 || (t->flags & ENT_TK_UPPER) ||
	    match(&ex->gaz->names, d, a, b, &v))
		return 0;
	for (uint32_t k = 1; k < t->len; k++)
		if (p[k] >= 'A' && p[k] <= 'Z' && p[k - 1] >= 'a' && p[k - 1] <= 'z')
			humps++;
	for (int k = 0; prefixes[k]; k++)
		if (!strncmp(p, prefixes[k], strlen(prefixes[k])) &&
		    p[strlen(prefixes[k])] >= 'A' && p[strlen(prefixes[k])] <= 'Z')
			return 0;
	if (humps != 1)
		return 0;
	return name_found(c, a, b, ENT_TYPE_PROGRAM);
}

/* A person: title words, then up to four capitalised words. */
static int person_span(const ent_ws *ex, const ent_doc *d, size_t a, size_t b,
		       cand *c)
{
	size_t k = a, v, l;

	while ((l = match(&ex->gaz->adjectives, d, k, b, &v)) > 0)
		k += l;
	size_t t0 = k;
	while (k < b && (l = match(&ex->lex->titles, d, k, b, &v)) > 0) {
		k += l;
		if (k < b && tok_eq(d, k, "."))
			k++;
	}
	if (k == t0 || k >= b || b - k > 4)
		return 0;
	for (size_t i = k; i < b; i++)
		if (!is_cap(d, i) || (tok(d, i)->flags & ENT_TK_UPPER))
			return 0;
	if (match(&ex->gaz->names, d, k, b, &v))
		return 0;
	return name_found(c, k, b, ENT_TYPE_PERSON);
}

/* Is tokens [a, b) a generic name once normalized? The span, spelled as
 * ent_doc_span() does (a space where the text had one), and its normal
 * form go into buffers on the stack: this runs for most candidates, and
 * two allocations each cost more than the test. A span too long for them
 * takes the heap. */
static int is_generic(const ent_ws *ex, const ent_doc *d, size_t a, size_t b)
{
	char room[2][256];
	char *span = room[0], *norm = room[1];
	size_t need = 1, n = 0, alnum = 0;
	int g;

	/* The normal form keeps every ASCII letter and digit (lower-cased)
	 * but the three of a leading "the ": a span with more of them than
	 * that and the longest generic phrase is none, and most names are
	 * longer. Counted until the bound is passed. */
	for (size_t i = a; i < b && alnum <= ex->lex->generic_max + 3; i++) {
		const unsigned char *p = (const unsigned char *)d->text + d->toks[i].start;
		for (uint32_t k = 0; k < d->toks[i].len; k++)
			alnum += ((p[k] | 32) >= 'a' && (p[k] | 32) <= 'z') ||
				 (p[k] >= '0' && p[k] <= '9');
	}
	if (alnum > ex->lex->generic_max + 3)
		return 0;
	for (size_t i = a; i < b; i++)
		need += d->toks[i].len + 1;
	if (need > sizeof(room[0])) {
		span = ent_xmalloc(need);
		norm = ent_xmalloc(need);
	}
	for (size_t i = a; i < b; i++) {
		const ent_token *t = &d->toks[i];
		if (i > a && (t->flags & ENT_TK_SPACE))
			span[n++] = ' ';
		memcpy(span + n, d->text + t->start, t->len);
		n += t->len;
	}
	span[n] = '\0';
	n = ent_name_norm_into(span, norm);
	g = ent_map_getn(&ex->lex->generic, norm, n) != NULL;
	if (span != room[0]) {
		free(span);
		free(norm);
	}
	return g;
}

/* A quoted name typed by what follows: the “Clean Cyberspace” campaign,
 * the “Light of Internet” Expo. */
static int quoted_name(const ent_ws *ex, const ent_doc *d, size_t i, size_t end,
		       cand *c)
{
	size_t q, v;

	/* the bound first: callers may ask at the sentence's end */
	if (i + 2 >= end || !(tok(d, i)->flags & ENT_TK_OPEN) ||
	    !(tok(d, i)->flags & ENT_TK_QUOTE) || !(tok(d, i + 1)->flags & ENT_TK_WORD))
		return 0;
	for (q = i + 1; q < end && q - i < 16; q++)
		if ((tok(d, q)->flags & ENT_TK_QUOTE) && !(tok(d, q)->flags & ENT_TK_OPEN) &&
		    !(tok(d, q)->flags & ENT_TK_POSS))
			break;
	if (q >= end || q - i >= 16 || q == i + 1 || q + 1 >= end)
		return 0;
	c->na = i + 1;
	c->nb = q;
	if (!is_cap(d, i + 1)) {
		/* “golden seeding platform”: lower case, typed by its last word */
		if (q - i < 3 || !is_lower(d, q - 1) ||
		    match(&ex->lex->lheads, d, q - 1, q, &v) != 1)
			return 0;
		c->type = (int)v;
		c->len = q + 1 - i;
		return 1;
	}
	if (is_lower(d, q + 1) && match(&ex->lex->lheads, d, q + 1, end, &v) == 1) {
		c->type = (int)v;
		c->len = q + 1 - i;
		c->suffix_tok = q + 1;
		return 1;
	}
	if (is_cap(d, q + 1) && match(&ex->lex->heads, d, q + 1, end, &v) == 1) {
		c->type = (int)v;
		c->len = q + 2 - i;
		c->suffix_tok = q + 1;
		return 1;
	}
	return 0;
}

/* Has the document used this capitalised word in lower case too? Then at
 * the start of a sentence it is an ordinary word ("Launching ..."). */
static int seen_lower(const ent_ws *ex, const ent_doc *d, size_t i)
{
	char buf[64];
	const ent_token *t = tok(d, i);

	if (!(t->flags & ENT_TK_CAP) || t->len >= sizeof(buf))
		return 0;
	memcpy(buf, d->text + t->start, t->len);
	buf[0] = (char)(buf[0] + 32);
	return ent_words_seen_lower(ex->words, buf, t->len);
}

/* Is [a, b) nothing but actors joined by dashes ("China-European
 * Commission")? Then it is a pair, not a name. */
static int only_parties(const ent_ws *ex, const ent_doc *d, size_t a, size_t b)
{
	size_t i = a, v, l, n = 0;

	while (i < b) {
		if (!(l = match(&ex->gaz->names, d, i, b, &v)) &&
		    !(l = match(&ex->learned, d, i, b, &v)) &&
		    !(l = match(&ex->gaz->adjectives, d, i, b, &v)))
			return 0;
		i += l;
		n++;
		if (i < b && glued_dash(d, i, b))
			i++;
		else
			break;
	}
	return i == b && n >= 2;
}

/* May a pattern open at token i? Every one opens with a capital, an
 * opening quote or an ordinal (which a capital follows): most tokens are
 * none of them, and pattern_at() is not asked. */
static inline int may_open_pattern(const ent_doc *d, size_t i, size_t end)
{
	return is_cap(d, i) || (i + 1 < end && is_cap(d, i + 1)) ||
	       (tok(d, i)->flags & (ENT_TK_OPEN | ENT_TK_QUOTE)) == (ENT_TK_OPEN | ENT_TK_QUOTE);
}

/* The pattern candidate at i, or 0; also 0 when it could be no longer
 * than `beat` tokens (a gazetteer or learned name found there), which the
 * caller would keep instead. */
static int pattern_at(const ent_ws *ex, const ent_doc *d, size_t i, size_t first,
		      size_t end, int heading, size_t beat, cand *c)
{
	size_t len, b, v;
	int type;

	memset(c, 0, sizeof(*c));
	c->suffix_tok = SIZE_MAX;
	if (quoted_name(ex, d, i, end, c))
		return 1;
	if (is_cap(d, i) && match(&ex->lex->heads, d, i, end, &v) == 1 &&
	    quoted_name(ex, d, i + 1, end, c) == 0 && i + 3 < end &&
	    (tok(d, i + 1)->flags & ENT_TK_OPEN) && (tok(d, i + 1)->flags & ENT_TK_QUOTE)) {
		size_t q;
		for (q = i + 2; q < end && q - i < 8 && !(tok(d, q)->flags & ENT_TK_QUOTE); q++)
			;
		if (q < end && q - i < 8 && q > i + 2) {
			c->len = q + 1 - i;
			c->na = i;
			c->nb = q + 1;
			c->type = (int)v;
			return 1;
		}
	}
	if (!is_cap(d, i) && !is_ordinal(ex, d, i, end))
		return 0;
	if (i == first && ent_map_getn(&ex->lex->stopinit, d->text + tok(d, i)->start,
				       tok(d, i)->len))
		return 0;
	if (i == first && seen_lower(ex, d, i)) {
		/* an ordinary word opens the sentence, unless an appositive says
		 * the whole run is a name: "Smart Education of China, an online
		 * platform" */
		len = scan_span(ex, d, i, end);
		c->len = len;
		return len > beat && appositive_type(ex, d, i, i + len, end, c);
	}
	if (i == first && i + 1 < end && is_lower(d, i + 1) && tok(d, i)->len > 4 &&
	    !memcmp(d->text + tok(d, i)->start + tok(d, i)->len - 3, "ing", 3))
		return 0; /* "Recalling the Plan ...", "Welcoming the ..." */
	if (heading && i == first && !is_ordinal(ex, d, i, end) && seen_lower(ex, d, i))
		return 0;
	len = scan_span(ex, d, i, end);
	/* What follows only shortens the span (c->len <= len), so a span no
	 * longer than `beat` loses to the known name whatever its type: more
	 * than half the spans, as names recur (a learned name is the very
	 * span again). Typing it would be wasted. */
	if (len <= beat)
		return 0;
	b = i + len;
	type = ent_span_type(ex, d, i, &b);
	c->len = b - i;
	c->na = i;
	c->nb = b;
	if (type < 0) {
		if (person_span(ex, d, i, b, c) || person_by_context(ex, d, i, b, end, c))
			return 1;
		if (place_by_context(ex, d, i, b, c) || appositive_type(ex, d, i, b, end, c) ||
		    camel_case(ex, d, i, b, c))
			return 1;
		/* a capitalised name followed by a lower-case head: "the Arab-China
		 * Digital Library project" */
		int plain = 1; /* no connectors: "the Arab-China Digital Library project" */
		for (size_t k = i; k < b; k++)
			plain &= !is_lower(d, k) || (k > i && glued_dash(d, k - 1, b));
		if (b < end && b - i >= 2 && plain && is_lower(d, b) &&
		    match(&ex->lex->lheads, d, b, end, &v) == 1 && !known_exactly(ex, d, i, b) &&
		    !match(&ex->gaz->names, d, i, b, &v)) {
			c->type = (int)v;
			c->suffix_tok = b;
			return 1;
		}
		return 0;
	}
	if (b - i == 1 && match(&ex->lex->heads, d, i, b, &v) == 1)
		return 0; /* a head word alone: "Summit" */
	if (only_parties(ex, d, i, b))
		return 0;
	if (is_generic(ex, d, i, b))
		return 0;
	c->type = type;
	return 1;
}

/* Is the text of tokens [a, b), as ent_doc_span() spells it (a space
 * where the text had one), already one of record r's surface forms? Then
 * ent_reg_surface() of it would find it in that list and return having
 * done nothing, and the span need not be written out: most mentions
 * repeat a form the document used before. Compared in place, token by
 * token; a form of another length is passed over at once (and one that
 * matches has no NUL inside, so it is also equal as the C string
 * ent_doc_span() would have made). */
static int span_is_surface(ent_ws *ex, const ent_doc *d, size_t r, size_t a, size_t b)
{
	const ent_rec *rec = &ex->recs[ent_reg_find(ex, r)];
	size_t len = 0;

	if (!rec->n_surfaces)
		return 0; /* a record met for the first time */
	for (size_t i = a; i < b; i++)
		len += (i > a && (d->toks[i].flags & ENT_TK_SPACE)) + d->toks[i].len;
	for (size_t k = 0; k < rec->n_surfaces; k++) {
		const char *s = rec->surfaces[k];
		size_t i;
		if (strlen(s) != len)
			continue;
		for (i = a; i < b; i++) {
			const ent_token *t = &d->toks[i];
			if (i > a && (t->flags & ENT_TK_SPACE) && *s++ != ' ')
				break;
			if (memcmp(s, d->text + t->start, t->len))
				break;
			s += t->len;
		}
		if (i == b)
			return 1;
	}
	return 0;
}

/* ent_reg_surface() of the text of tokens [a, b), written into *buf only
 * when it is a form new to the record. */
static void note_surface(ent_ws *ex, const ent_doc *d, size_t r, size_t a, size_t b,
			 ent_buf *buf)
{
	if (span_is_surface(ex, d, r, a, b))
		return;
	ent_buf_clear(buf);
	ent_doc_span(d, a, b, buf);
	ent_reg_surface(ex, r, buf->data);
}

static void count(ent_ws *ex, ent_doc *d, size_t r)
{
	r = ent_reg_find(ex, r);
	ex->recs[r].mentions++;
	if (r >= d->n_counts) {
		size_t n = ex->n_recs + 64;
		d->counts = ent_xrealloc(d->counts, n * sizeof(*d->counts));
		memset(d->counts + d->n_counts, 0, (n - d->n_counts) * sizeof(*d->counts));
		d->n_counts = n;
	}
	d->counts[r]++;
}

/* An actor named at token i: gazetteer, learned name or combining form
 * ("Sino"); its record, length in *len, or SIZE_MAX. */
static size_t actor_at(ent_ws *ex, ent_doc *d, size_t i, size_t end, size_t *len)
{
	size_t v, r = SIZE_MAX;

	if ((*len = match(&ex->gaz->names, d, i, end, &v)) > 0)
		r = ent_reg_gazetteer(ex, v);
	else if ((*len = match(&ex->learned, d, i, end, &v)) > 0)
		r = ent_reg_find(ex, v);
	else if ((*len = match(&ex->gaz->adjectives, d, i, end, &v)) > 0)
		r = ent_reg_gazetteer(ex, v);
	return r != SIZE_MAX && ent_type_is_actor(ent_reg_type(ex, r)) ? r : SIZE_MAX;
}

/* The actors of a pair name inside a mention: names or combining forms
 * joined by glued dashes or " + ", opening the name ("China-ASEAN Cyber
 * Dialogue") or after a connector ("Forum on China-Africa Cooperation").
 * The pair never ends the name: "China-European Commission" is no name. */
static void find_parties(ent_ws *ex, ent_doc *d, ent_mention *m)
{
	size_t found[ENT_MAX_PARTIES];

	for (size_t k = m->a; k < m->b; k++) {
		if (k > m->a && !is_lower(d, k - 1) && !is_ordinal(ex, d, k - 1, m->b))
			continue;
		size_t i = k, l, r;
		unsigned n = 0;
		while (n < ENT_MAX_PARTIES && (r = actor_at(ex, d, i, m->b, &l)) != SIZE_MAX &&
		       i + l < m->b) {
			found[n++] = r;
			i += l;
			if (!glued_dash(d, i, m->b) && !spaced_plus(d, i, m->b))
				break;
			i++;
		}
		if (n >= 2) {
			memcpy(m->parties, found, n * sizeof(found[0]));
			m->n_parties = n;
			return;
		}
	}
}

/* Countries, places and organizations named inside a longer name count as
 * mentioned ("... Center of Benin", "Astana Declaration"). Returns the
 * first city or province named (not a world region), + 1, or 0: an event
 * named after a city was held there ("G20 New Delhi Summit"). */
static size_t count_nested(ent_ws *ex, ent_doc *d, size_t a, size_t b)
{
	size_t v, l, city = 0;

	for (size_t i = a; i < b; i++)
		if ((l = match(&ex->gaz->names, d, i, b, &v)) > 0 && l < b - a) {
			ent_type t = ex->gaz->entries[v].type;
			if (t == ENT_TYPE_COUNTRY || t == ENT_TYPE_PLACE ||
			    t == ENT_TYPE_ORGANIZATION) {
				size_t r = ent_reg_gazetteer(ex, v);
				ent_buf sf;
				ent_buf_init(&sf);
				note_surface(ex, d, r, i, i + l, &sf);
				ent_buf_release(&sf);
				count(ex, d, r);
				if (!city && t == ENT_TYPE_PLACE && !ex->gaz->entries[v].region &&
				    (i == a || !is_lower(d, i - 1)))
					city = r + 1; /* not "Straight to Wuzhen" */
			}
			i += l - 1;
		}
	return city;
}

/* An organization or event named at the start ("BRICS Summit", "WIPO’s
 * Arbitration and Mediation Center") or after a final "of (the)". */
static void find_owner(ent_ws *ex, ent_doc *d, ent_mention *m, size_t first)
{
	size_t v, l, i = m->a, r = SIZE_MAX;

	m->owner = SIZE_MAX;
	if (m->type != ENT_TYPE_ORGANIZATION && m->type != ENT_TYPE_EVENT &&
	    m->type != ENT_TYPE_PROGRAM)
		return;
	if (m->a >= first + 2 && (tok(d, m->a - 1)->flags & ENT_TK_POSS)) {
		size_t e = m->a - 1;
		for (size_t s = e; s-- > first && e - s <= 8;)
			if ((l = match(&ex->gaz->names, d, s, e, &v)) == e - s) {
				r = ent_reg_gazetteer(ex, v);
				break;
			} else if ((l = match(&ex->learned, d, s, e, &v)) == e - s) {
				r = ent_reg_find(ex, v);
				break;
			}
	}
	if (r == SIZE_MAX && m->n_parties == 0) {
		if (is_ordinal(ex, d, i, m->b))
			i++;
		if ((l = match(&ex->gaz->names, d, i, m->b, &v)) > 0 && i + l < m->b)
			r = ent_reg_gazetteer(ex, v);
		else if ((l = match(&ex->learned, d, i, m->b, &v)) > 0 && i + l < m->b)
			r = ent_reg_find(ex, v);
	}
	for (size_t k = m->a + 1; r == SIZE_MAX && k + 1 < m->b; k++) {
		if (!tok_eq(d, k, "of"))
			continue;
		size_t s = k + 1 + (tok_eq(d, k + 1, "the") ? 1 : 0);
		if ((l = match(&ex->gaz->names, d, s, m->b, &v)) == m->b - s && l)
			r = ent_reg_gazetteer(ex, v);
		else if ((l = match(&ex->learned, d, s, m->b, &v)) == m->b - s && l)
			r = ent_reg_find(ex, v);
	}
	if (r != SIZE_MAX) {
		ent_type t = ent_reg_type(ex, r);
		if ((t == ENT_TYPE_ORGANIZATION || t == ENT_TYPE_EVENT) &&
		    ent_reg_find(ex, r) != ent_reg_find(ex, m->ent))
			m->owner = r;
	}
}

/* Plural head ("Roundtables") to the singular the registry keys on. */
static void singular(const ent_ws *ex, ent_buf *name)
{
	size_t n = name->len, v;
	const char *last;

	if (n < 4 || name->data[n - 1] != 's' || name->data[n - 2] == 's')
		return;
	/* only when the plural word is the head, not in the complement:
	 * "Institute of Future Networks" stays */
	for (const char *w = name->data; (w = strchr(w, ' ')) != NULL; w++)
		if (!strncmp(w, " of ", 4) || !strncmp(w, " on ", 4) || !strncmp(w, " for ", 5))
			return;
	last = strrchr(name->data, ' ');
	last = last ? last + 1 : name->data;
	ent_token t = { .len = (uint32_t)(name->data + n - 1 - last), .flags = ENT_TK_WORD };
	if (ent_phrases_match(&ex->lex->heads, last, &t, 0, 1, &v) == 1 ||
	    ent_phrases_match(&ex->lex->lheads, last, &t, 0, 1, &v) == 1)
		name->data[--name->len] = '\0';
}

static void push_mention(ent_doc *d, const ent_mention *m)
{
	ENT_GROW(d->ments, d->cap_ments, d->n_ments + 1);
	d->ments[d->n_ments++] = *m;
}

/* Register a pattern candidate and return its record. */
static size_t register_pattern(ent_ws *ex, ent_doc *d, const cand *c, size_t at)
{
	ent_buf name, alias;
	size_t r;

	ent_buf_init(&name);
	ent_buf_init(&alias);
	ent_doc_span(d, c->na, c->nb, &alias);
	/* the name without an inner "(ACR)": "League of Arab States (LAS)
	 * Secretariat" is the League of Arab States Secretariat */
	for (size_t k = c->na; k < c->nb; k++) {
		if (tok_eq(d, k, "(")) {
			while (k < c->nb && !tok_eq(d, k, ")"))
				k++;
			continue;
		}
		if (name.len && (tok(d, k)->flags & ENT_TK_SPACE))
			ent_buf_addc(&name, ' ');
		ent_buf_add(&name, d->text + tok(d, k)->start, tok(d, k)->len);
	}
	singular(ex, &name);
	r = ent_reg_name(ex, name.data, (ent_type)c->type);
	ent_reg_surface(ex, r, name.data);
	if (!ent_phrases_add_tokens(&ex->learned, d->text, d->toks, c->na, c->nb, r))
		ent_phrases_add(&ex->learned, alias.data, r);
	if (strcmp(alias.data, name.data))
		ent_reg_alias(ex, r, alias.data); /* plural or with "(ACR)" */
	if (c->suffix_tok != SIZE_MAX) {
		ent_buf_addc(&alias, ' ');
		ent_doc_span(d, c->suffix_tok, c->suffix_tok + 1, &alias);
		ent_reg_alias(ex, r, alias.data);
	}
	if (c->na > at && c->type == ENT_TYPE_PERSON) {
		ent_buf_clear(&alias);
		ent_doc_span(d, at, c->nb, &alias);
		ent_reg_alias(ex, r, alias.data);
	}
	ent_buf_release(&name);
	ent_buf_release(&alias);
	return r;
}

/* "Government of the Republic of Indonesia": the country itself. */
static size_t government_of(const ent_ws *ex, const ent_doc *d, size_t i,
			    size_t end, size_t *entry)
{
	size_t k = i + 2, l;

	if (i + 2 >= end || !tok_eq(d, i, "Government") || !tok_eq(d, i + 1, "of"))
		return 0;
	if (tok_eq(d, k, "the"))
		k++;
	l = k < end ? match(&ex->gaz->names, d, k, end, entry) : 0;
	if (!l || ex->gaz->entries[*entry].type != ENT_TYPE_COUNTRY)
		return 0;
	return k + l - i;
}

/* A person named in full is later named by surname: "Wekesa told ...". */
static void learn_surname(ent_ws *ex, ent_doc *d, const ent_mention *m)
{
	const ent_token *t = tok(d, m->b - 1);
	size_t v;
	char w[64];

	if (m->type != ENT_TYPE_PERSON || m->b - m->a < 2 || t->len < 4 || t->len >= sizeof(w))
		return;
	memcpy(w, d->text + t->start, t->len);
	w[t->len] = '\0';
	if (ent_phrases_match(&ex->gaz->names, d->text, d->toks, m->b - 1, m->b, &v))
		return;
	if (!ent_phrases_add_tokens(&ex->learned, d->text, d->toks, m->b - 1, m->b, m->ent))
		ent_phrases_add(&ex->learned, w, m->ent);
}

void ent_recognize(ent_ws *ex, ent_doc *d, size_t s)
{
	size_t a = d->sent_tok[s], end = d->sent_tok[s + 1], first = a, v;
	size_t from = d->n_ments;
	int heading = (d->sents[s].flags & ENT_SENT_HEADING) != 0;
	ent_buf surf;

	d->cur_sent = s;
	ent_buf_init(&surf);
	while (first < end && (tok(d, first)->flags & (ENT_TK_OPEN | ENT_TK_PUNCT)) &&
	       !(tok(d, first)->flags & ENT_TK_WORD))
		first++;
	for (size_t i = a; i < end;) {
		cand best = { 0 }, p;
		size_t l;
		best.suffix_tok = SIZE_MAX;
		if ((l = match(&ex->gaz->names, d, i, end, &v)) > 0) {
			best.len = l, best.na = i, best.nb = i + l, best.source = 1;
			best.rec = ent_reg_gazetteer(ex, v);
			best.type = (int)ent_reg_type(ex, best.rec);
		}
		if ((l = match(&ex->learned, d, i, end, &v)) > best.len) {
			best.len = l, best.na = i, best.nb = i + l, best.source = 2;
			best.rec = ent_reg_find(ex, v);
			best.type = (int)ent_reg_type(ex, best.rec);
		}
		if ((l = government_of(ex, d, i, end, &v)) > best.len) {
			best.len = l, best.na = i, best.nb = i + l, best.source = 1;
			best.rec = ent_reg_gazetteer(ex, v);
			best.type = ENT_TYPE_COUNTRY;
		}
		if (may_open_pattern(d, i, end) && pattern_at(ex, d, i, first, end, heading, best.len, &p) &&
		    p.len > best.len) {
			best = p;
			best.source = 3;
		}
		if (best.len == 0) {
			size_t ref = ent_reference_at(ex, d, i, end);
			if (ref == SIZE_MAX)
				ref = ent_self_reference(ex, d, i, end);
			if (ref == SIZE_MAX && ent_pair_reference(d, i, end)) {
				ent_mention m = { i, i + 1, d->pair[0], ent_reg_type(ex, d->pair[0]),
						  ENT_MK_REF, SIZE_MAX, { d->pair[0], d->pair[1] }, 2, 0 };
				push_mention(d, &m);
				i++;
				continue;
			}
			if (ref != SIZE_MAX) {
				ent_mention m = { i, i + 1, ref, ent_reg_type(ex, ref), ENT_MK_REF,
						  SIZE_MAX, { 0 }, 0, 0 };
				push_mention(d, &m);
				i++;
			} else if ((l = match(&ex->gaz->adjectives, d, i, end, &v)) > 0 && is_cap(d, i)) {
				ent_mention m = { i, i + l, ent_reg_gazetteer(ex, v), 0,
						  ent_acting_noun(d, i + l, end) ? ENT_MK_REF : ENT_MK_ADJ,
						  SIZE_MAX, { 0 }, 0, 0 };
				m.type = ent_reg_type(ex, m.ent);
				push_mention(d, &m);
				i += l;
			} else {
				i++;
			}
			continue;
		}
		if (best.source == 3)
			best.rec = register_pattern(ex, d, &best, i);
		else
			note_surface(ex, d, best.rec, best.na, best.nb, &surf);
		ent_mention m = { best.na, best.nb, ent_reg_find(ex, best.rec),
				  ent_reg_type(ex, ent_reg_find(ex, best.rec)), ENT_MK_NAME,
				  SIZE_MAX, { 0 }, 0, 0 };
		if (best.source == 3) {
			m.type = (ent_type)best.type;
			size_t city = count_nested(ex, d, best.na, best.nb);
			if (m.type == ENT_TYPE_EVENT)
				m.place1 = city;
		}
		count(ex, d, m.ent);
		find_parties(ex, d, &m);
		find_owner(ex, d, &m, first);
		push_mention(d, &m);
		ent_note_head(ex, d, &m);
		learn_surname(ex, d, &m);
		i += best.len;
		if (i == m.b)
			i += ent_learn_acronym(ex, d, &m, end);
	}
	ent_buf_release(&surf);
	ent_note_pair(ex, d, from);
	/* a document whose first line names an agreement is that agreement */
	if (s == 0)
		for (size_t k = from; k < d->n_ments; k++)
			if (d->ments[k].kind == ENT_MK_NAME && d->ments[k].type == ENT_TYPE_AGREEMENT &&
			    d->ments[k].a == a) {
				d->title = d->ments[k].ent;
				break;
			}
}
