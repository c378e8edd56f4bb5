/*
 * Tokens with offsets. Words are runs of letters and digits (an apostrophe
 * between letters stays inside: "People’s"); every other non-space
 * character is a one-character punctuation token. Flags record case,
 * spacing and the joiners ('-', '–', '+', '/') that build pair names.
 * No allocation per token: tokens point into the text.
 */
#include <string.h>

#include "text.h"
#include "util.h"

static int is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

/* Letters and digits, including the scripts beyond ASCII; punctuation
 * blocks and symbols are excluded. */
static int is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp == 0xD7 || cp == 0xF7)
		return 0;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return 0;
	if (cp >= 0x3000 && cp <= 0x303F)
		return 0;
	if (cp >= 0xFE30 && cp <= 0xFE4F)
		return 0;
	if (cp >= 0xFF00 && cp <= 0xFF0F)
		return 0;
	if (cp == 0xFFFD)
		return 0;
	return 1;
}

static int is_upper_cp(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) || (cp >= 0x391 && cp <= 0x3A9) ||
	       (cp >= 0x410 && cp <= 0x42F);
}

static int is_lower_cp(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
	       (cp >= 0x100 && cp <= 0x17F && (cp & 1)) || (cp >= 0x3B1 && cp <= 0x3C9) ||
	       (cp >= 0x430 && cp <= 0x44F);
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static uint32_t punct_flags(uint32_t cp)
{
	switch (cp) {
	case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case '+': case '/':
		return ENT_TK_DASH;
	case '"': case 0x201C: case 0x201E: case 0xAB:
		return ENT_TK_QUOTE | ENT_TK_OPEN;
	case 0x201D: case 0xBB:
		return ENT_TK_QUOTE;
	case '\'': case 0x2018: case 0x2019:
		return ENT_TK_QUOTE;
	case '(': case '[': case '{':
		return ENT_TK_OPEN;
	default:
		return 0;
	}
}

/* Token flags by first byte, for ASCII: white space (SPACE, and NL for
 * '\n'), the first character of a word (WORD with NUM, CAP or LOWER) or a
 * punctuation token (PUNCT with its punct_flags()). They are what the
 * code-point functions above say for these bytes (is_space_cp() counts no
 * other ASCII byte as space); 0 for bytes from 0x80, which are decoded. */
#define SP ENT_TK_SPACE
#define NL (ENT_TK_SPACE | ENT_TK_NL)
#define P_ ENT_TK_PUNCT
#define PD (ENT_TK_PUNCT | ENT_TK_DASH)
#define PQ (ENT_TK_PUNCT | ENT_TK_QUOTE)
#define PO (ENT_TK_PUNCT | ENT_TK_OPEN)
#define PQO (ENT_TK_PUNCT | ENT_TK_QUOTE | ENT_TK_OPEN)
#define WN (ENT_TK_WORD | ENT_TK_NUM)
#define WC (ENT_TK_WORD | ENT_TK_CAP)
#define WL (ENT_TK_WORD | ENT_TK_LOWER)
static const uint16_t ascii_flags[256] = {
	P_, P_, P_, P_, P_, P_, P_, P_, P_, SP, NL, P_, P_, P_, P_, P_,   /* 0x00 \t \n */
	P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_, P_,   /* 0x10 */
	SP, P_, PQO, P_, P_, P_, P_, PQ, PO, P_, P_, PD, P_, PD, P_, PD,  /*  !"#$%&'()*+,-./ */
	WN, WN, WN, WN, WN, WN, WN, WN, WN, WN, P_, P_, P_, P_, P_, P_,   /* 0-9 :;<=>? */
	P_, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC,   /* @A-O */
	WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, WC, PO, P_, P_, P_, P_,   /* P-Z[\]^_ */
	P_, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL,   /* `a-o */
	WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, WL, PO, P_, P_, P_, P_,   /* p-z{|}~ DEL */
};
#undef SP
#undef NL
#undef P_
#undef PD
#undef PQ
#undef PO
#undef PQO
#undef WN
#undef WC
#undef WL

/* The flags of a token starting with code point cp (not white space). */
static uint32_t start_flags(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_flags[cp];
	if (!is_word_cp(cp))
		return ENT_TK_PUNCT | punct_flags(cp);
	if (is_upper_cp(cp))
		return ENT_TK_WORD | ENT_TK_CAP;
	if (is_lower_cp(cp))
		return ENT_TK_WORD | ENT_TK_LOWER;
	return ENT_TK_WORD;
}

/* The end of the word token t, whose first character ends at i, before
 * `end`; ENT_TK_UPPER is added to its flags for two or more letters, all
 * upper case. Every letter is upper or lower case, so that is "two
 * capitals and no lower-case letter": capitals are counted until a
 * lower-case letter shows, and after it only the word's end matters. The
 * first character's CAP or LOWER flag counts it. */
__attribute__((noinline)) static size_t word_end(const char *text, size_t i, size_t end,
						  ent_token *t)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t start = t->start, caps = (t->flags & ENT_TK_CAP) != 0;
	int lower = (t->flags & ENT_TK_LOWER) != 0;

	for (;;) {
		/* ASCII letters and digits, the bulk of every word, by table */
		uint32_t f;
		if (!lower) {
			while (i < end && ((f = ascii_flags[s[i]]) & ENT_TK_WORD) &&
			       !(f & ENT_TK_LOWER)) {
				caps += (f & ENT_TK_CAP) != 0;
				i++;
			}
			lower = i < end && (ascii_flags[s[i]] & ENT_TK_LOWER);
		}
		if (lower)
			while (i < end && (ascii_flags[s[i]] & ENT_TK_WORD))
				i++;
		if (i >= end || (s[i] < 0x80 && s[i] != '\''))
			break;
		/* beyond ASCII: decoded */
		size_t l;
		uint32_t cp = ent_utf8_decode(text + i, &l);
		if (is_word_cp(cp)) {
			if (is_upper_cp(cp))
				caps++;
			else if (is_lower_cp(cp))
				lower = 1;
			i += l;
			continue;
		}
		/* apostrophe between letters: "People's", "Côte d’Ivoire" */
		if (is_apostrophe(cp) && i + l < end && i > start) {
			size_t l2;
			uint32_t nx = ent_utf8_decode(text + i + l, &l2);
			size_t l3;
			int clitic = (nx == 's' || nx == 'S') &&
				     (i + l + l2 >= end ||
				      !is_word_cp(ent_utf8_decode(text + i + l + l2, &l3)));
			if (is_word_cp(nx) && !(nx >= '0' && nx <= '9') && !clitic) {
				i += l;
				continue;
			}
		}
		break;
	}
	if (!lower && caps >= 2)
		t->flags |= ENT_TK_UPPER;
	return i;
}

/* Does the ASCII word s[a, b) have two or more capitals and no
 * lower-case letter (ENT_TK_UPPER)? Asked of words that open with a
 * capital or a digit; a lower-case letter ends it, mostly at once. */
static int ascii_upper(const unsigned char *s, size_t a, size_t b)
{
	size_t caps = 0;

	for (; a < b; a++) {
		uint32_t f = ascii_flags[s[a]];
		if (f & ENT_TK_LOWER)
			return 0;
		caps += (f & ENT_TK_CAP) != 0;
	}
	return caps >= 2;
}

/* The token (or white space) at text[i], which opens with a byte from 0x80
 * or an apostrophe: decoded and classified by code point. The token, if
 * any, is tk[*nt] (then *nt grows); tokens of this call start at tk[nt0].
 * Returns where the next one may start. Out of the main loop, so that the
 * loop over ASCII keeps its variables in registers. */
__attribute__((noinline)) static size_t wide_token(const char *text, size_t i, size_t end,
						   ent_token *tk, size_t nt0, size_t *nt,
						   uint32_t *pending)
{
	size_t l = 1;
	uint32_t cp = (unsigned char)text[i], f;
	ent_token *t = &tk[*nt];

	if (cp >= 0x80) {
		cp = ent_utf8_decode(text + i, &l);
		if (is_space_cp(cp)) {
			/* '\n' too when text[i] is not where a character
			 * starts (ent_utf8_decode() assumes it is) */
			*pending |= cp == '\n' ? ENT_TK_SPACE | ENT_TK_NL : ENT_TK_SPACE;
			return i + l;
		}
	}
	f = start_flags(cp);
	t->start = (uint32_t)i;
	t->flags = *pending | f;
	*pending = 0;
	(*nt)++;
	if (f & ENT_TK_WORD) {
		i = word_end(text, i + l, end, t);
		t->len = (uint32_t)(i - t->start);
		return i;
	}
	t->len = (uint32_t)l;
	/* a possessive "'s" after a word of this call */
	if (is_apostrophe(cp) && i + l < end && (text[i + l] == 's' || text[i + l] == 'S') &&
	    *nt - 1 > nt0 && !(t->flags & ENT_TK_SPACE) && (tk[*nt - 2].flags & ENT_TK_WORD)) {
		size_t l3;
		if (i + l + 1 >= end || !is_word_cp(ent_utf8_decode(text + i + l + 1, &l3))) {
			t->len = (uint32_t)(l + 1);
			t->flags = (t->flags & (ENT_TK_SPACE | ENT_TK_NL)) | ENT_TK_POSS;
			return i + l + 1;
		}
	}
	return i + l;
}

size_t ent_tokenize(const char *text, size_t start, size_t end,
		    ent_token **toks, size_t *n, size_t *cap, size_t max)
{
	const unsigned char *s = (const unsigned char *)text;
	ent_token *tk;
	size_t nt0 = *n, nt = *n, last, i = start;
	uint32_t pending = 0;

	/* every token takes a byte at least: room for all of them at once,
	 * not a test per token */
	if (max > (end > start ? end - start : 0))
		max = end > start ? end - start : 0;
	ENT_GROW(*toks, *cap, nt + max);
	tk = *toks;
	last = nt + max;
	while (i < end) {
		/* an ASCII byte is classified by one look-up; bytes from 0x80
		 * (decoded) and the apostrophe (maybe a possessive) are left
		 * to wide_token() */
		unsigned char c0 = s[i];
		uint32_t f = ascii_flags[c0];
		if (f & ENT_TK_SPACE) {
			pending |= f;
			i++;
			continue;
		}
		if (nt == last)
			break;
		if (c0 >= 0x80 || c0 == '\'') {
			i = wide_token(text, i, end, tk, nt0, &nt, &pending);
			continue;
		}
		ent_token *t = &tk[nt++];
		t->start = (uint32_t)i;
		if (!(f & ENT_TK_WORD)) {
			t->flags = pending | f;
			t->len = 1;
			pending = 0;
			i++;
			continue;
		}
		/* the run of ASCII letters and digits, the whole of nearly
		 * every word; where it stops at a byte from 0x80 or an
		 * apostrophe, word_end() takes over from the first character,
		 * as if this run were not there */
		size_t j = i + 1;
		while (j < end && (ascii_flags[s[j]] & ENT_TK_WORD))
			j++;
		t->flags = pending | f;
		pending = 0;
		if (j < end && (s[j] >= 0x80 || s[j] == '\''))
			j = word_end(text, i + 1, end, t);
		else if (!(f & ENT_TK_LOWER) && j - i >= 2 &&
			 !(ascii_flags[s[i + 1]] & ENT_TK_LOWER) && ascii_upper(s, i, j))
			t->flags |= ENT_TK_UPPER; /* ("Kenya" is ruled out at its 'e') */
		t->len = (uint32_t)(j - i);
		i = j;
		/* the one space after most words, without a turn of the loop */
		if (i < end && s[i] == ' ') {
			pending = ENT_TK_SPACE;
			i++;
		}
	}
	*n = nt;
	return nt - nt0;
}

size_t ent_token_keyn(char *dst, size_t cap, const char *text,
		      const ent_token *t)
{
	const char *p = text + t->start, *e = p + t->len;
	size_t n = 0;

	while (p < e) {
		if ((unsigned char)*p < 0x80) { /* ASCII: as is */
			if (n + 2 > cap)
				return (size_t)-1;
			dst[n++] = *p++;
			continue;
		}
		size_t l;
		uint32_t cp = ent_utf8_decode(p, &l);
		const char *src = p;
		size_t sl = l;
		if (cp == 0x2019 || cp == 0x2018)
			src = "'", sl = 1;
		else if (cp == 0x201C || cp == 0x201D)
			src = "\"", sl = 1;
		else if (cp >= 0x2010 && cp <= 0x2014)
			src = "-", sl = 1;
		if (n + sl + 1 > cap)
			return (size_t)-1;
		memcpy(dst + n, src, sl);
		n += sl;
		p += l;
	}
	if (n + 1 > cap)
		return (size_t)-1;
	dst[n] = '\0';
	return n;
}

void ent_token_key(ent_buf *b, const char *text, const ent_token *t)
{
	char tmp[1024];
	size_t n = ent_token_keyn(tmp, sizeof(tmp), text, t);

	if (n != (size_t)-1)
		ent_buf_add(b, tmp, n);
	else
		ent_buf_add(b, text + t->start, t->len);
}
