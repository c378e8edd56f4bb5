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

size_t ent_tokenize(const char *text, size_t start, size_t end,
		    ent_token **toks, size_t *n, size_t *cap, size_t max)
{
	size_t i = start, added = 0;
	uint32_t pending = 0;

	while (i < end && added < max) {
		size_t l;
		unsigned char c0 = (unsigned char)text[i];
		if (c0 == ' ' || c0 == '\n' || c0 == '\t') {
			pending |= c0 == '\n' ? ENT_TK_SPACE | ENT_TK_NL : ENT_TK_SPACE;
			i++;
			continue;
		}
		uint32_t cp = ent_utf8_decode(text + i, &l);
		if (is_space_cp(cp)) {
			pending |= ENT_TK_SPACE;
			if (cp == '\n')
				pending |= ENT_TK_NL;
			i += l;
			continue;
		}
		if (*n + 1 > *cap)
			ENT_GROW(*toks, *cap, *n + 1);
		ent_token *t = &(*toks)[(*n)++];
		added++;
		t->start = (uint32_t)i;
		t->flags = pending;
		pending = 0;
		if (is_apostrophe(cp) && i + l < end && (text[i + l] == 's' || text[i + l] == 'S') &&
		    added > 1 && !(t->flags & ENT_TK_SPACE) && ((*toks)[*n - 2].flags & ENT_TK_WORD)) {
			size_t l3;
			if (i + l + 1 >= end ||
			    !is_word_cp(ent_utf8_decode(text + i + l + 1, &l3))) {
				t->len = (uint32_t)(l + 1);
				t->flags |= ENT_TK_POSS;
				i += l + 1;
				continue;
			}
		}
		if (!is_word_cp(cp)) {
			t->len = (uint32_t)l;
			t->flags |= ENT_TK_PUNCT | punct_flags(cp);
			i += l;
			continue;
		}
		int letters = 0, uppers = 0;
		t->flags |= ENT_TK_WORD;
		if (cp >= '0' && cp <= '9')
			t->flags |= ENT_TK_NUM;
		else if (cp >= 'a' && cp <= 'z')
			t->flags |= ENT_TK_LOWER;
		else if (is_upper_cp(cp))
			t->flags |= ENT_TK_CAP;
		else if (is_lower_cp(cp))
			t->flags |= ENT_TK_LOWER;
		while (i < end) {
			/* ASCII letters and digits, the bulk of every word */
			unsigned char c = (unsigned char)text[i];
			if (c < 0x80 && c != '\'') {
				if (c >= 'a' && c <= 'z') {
					letters++;
				} else if (c >= 'A' && c <= 'Z') {
					uppers++, letters++;
				} else if (!(c >= '0' && c <= '9')) {
					break;
				}
				i++;
				continue;
			}
			cp = ent_utf8_decode(text + i, &l);
			if (is_word_cp(cp)) {
				if (is_upper_cp(cp))
					uppers++, letters++;
				else if (is_lower_cp(cp))
					letters++;
				i += l;
				continue;
			}
			/* apostrophe between letters: "People's", "Côte d’Ivoire" */
			if (is_apostrophe(cp) && i + l < end && i > t->start) {
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
		t->len = (uint32_t)(i - t->start);
		if (letters >= 2 && uppers == letters)
			t->flags |= ENT_TK_UPPER;
	}
	return added;
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
