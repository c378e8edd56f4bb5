/*
 * Text for Graphviz. Every string the renderer hands to Graphviz goes
 * through here: it is cleaned (valid UTF-8 only, no control, bidi or BOM
 * characters, which would make invalid XML in SVG or spoof the reading
 * order), capped (the DOT scanner rejects quoted strings over 16 KB, and
 * long labels are unreadable anyway), and escaped for Graphviz's own
 * escape language (backslash sequences and HTML entities, both of which
 * Graphviz interprets in labels, tooltips and ids).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

enum char_class { CH_KEEP, CH_DROP, CH_SPACE };

/* Decode one character at `s` (NUL-terminated). Returns the bytes
 * consumed (at least 1); malformed, overlong, surrogate and out-of-range
 * sequences give U+FFFD and consume only their valid prefix, so a NUL is
 * never skipped. */
static size_t utf8_next(const unsigned char *s, uint32_t *cp)
{
	unsigned c = s[0];
	size_t n, i;
	uint32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return i;
		}
		v = (v << 6) | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	*cp = v;
	return n;
}

static void utf8_put(ent_buf *out, uint32_t c)
{
	char b[4];

	if (c < 0x80) {
		ent_buf_addc(out, (char)c);
	} else if (c < 0x800) {
		b[0] = (char)(0xC0 | (c >> 6));
		b[1] = (char)(0x80 | (c & 0x3F));
		ent_buf_add(out, b, 2);
	} else if (c < 0x10000) {
		b[0] = (char)(0xE0 | (c >> 12));
		b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (char)(0x80 | (c & 0x3F));
		ent_buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (c >> 18));
		b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (char)(0x80 | (c & 0x3F));
		ent_buf_add(out, b, 4);
	}
}

static enum char_class classify(uint32_t c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B ||
	    c == 0x0C || c == 0x85 || c == 0xA0 || c == 0x2028 || c == 0x2029)
		return CH_SPACE;
	if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
		return CH_DROP;
	/* Bidi embeddings, overrides, isolates and marks; BOM; the two
	 * noncharacters XML 1.0 forbids. */
	if (c == 0x061C || c == 0x200E || c == 0x200F ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)
		return CH_DROP;
	return CH_KEEP;
}

/* Drop the last character of out (from `start` on), which is UTF-8 we
 * wrote ourselves. */
static void drop_last_char(ent_buf *out, size_t start)
{
	if (out->len <= start)
		return;
	do
		out->len--;
	while (out->len > start && ((unsigned char)out->data[out->len] & 0xC0) == 0x80);
	out->data[out->len] = '\0';
}

void ent_text_clean(ent_buf *out, const char *s, size_t cap)
{
	static const char ellipsis[] = "\xE2\x80\xA6"; /* … */
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t start = out->len;
	int space = 0, cut = 0;
	uint32_t c;

	if (cap < sizeof(ellipsis))
		cap = sizeof(ellipsis);
	while (*p) {
		p += utf8_next(p, &c);
		switch (classify(c)) {
		case CH_DROP:
			continue;
		case CH_SPACE:
			space = out->len > start;
			continue;
		case CH_KEEP:
			break;
		}
		if (space) {
			ent_buf_addc(out, ' ');
			space = 0;
		}
		utf8_put(out, c);
		if (out->len - start > cap) {
			cut = 1;
			break;
		}
	}
	if (!cut)
		return;
	while (out->len - start > cap - (sizeof(ellipsis) - 1))
		drop_last_char(out, start);
	while (out->len > start && out->data[out->len - 1] == ' ')
		drop_last_char(out, start);
	ent_buf_adds(out, ellipsis);
}

/* Graphviz decodes "&name;" and "&#N;" in labels and tooltips (even
 * "&#1;", which is invalid XML). */
static int entity_like(const char *p)
{
	size_t i = 1;

	while (i <= 12 && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
			   (p[i] >= '0' && p[i] <= '9') || p[i] == '#'))
		i++;
	return i > 1 && p[i] == ';';
}

static void gv_escape_n(ent_buf *out, const char *s, size_t n, int tooltip)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		if (s[i] == '\\')
			ent_buf_add(out, "\\\\\\\\", tooltip ? 4 : 2);
		else if (s[i] == '&' && entity_like(s + i))
			ent_buf_adds(out, "&amp;");
		else
			ent_buf_addc(out, s[i]);
	}
}

void ent_text_gv_escape(ent_buf *out, const char *s)
{
	gv_escape_n(out, s, strlen(s), 0);
}

void ent_text_gv_escape_tooltip(ent_buf *out, const char *s)
{
	gv_escape_n(out, s, strlen(s), 1);
}

static size_t chars_n(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

size_t ent_text_chars(const char *s)
{
	return chars_n(s, strlen(s));
}

void ent_text_gv_wrap(ent_buf *out, const char *s, size_t width)
{
	size_t line = 0; /* characters on the current line */
	const char *p = s;

	while (*p) {
		const char *end = strchr(p, ' ');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		size_t k = chars_n(p, n);

		if (line > 0 && line + 1 + k > width) {
			ent_buf_adds(out, "\\n");
			line = 0;
		} else if (line > 0) {
			ent_buf_addc(out, ' ');
			line++;
		}
		gv_escape_n(out, p, n, 0);
		line += k;
		p += n;
		while (*p == ' ')
			p++;
	}
}

void ent_text_id(ent_buf *out, const char *prefix, const char *key)
{
	const unsigned char *p = (const unsigned char *)(key ? key : "");
	size_t start;
	int dash = 1; /* the prefix ends a word: no separator right after it */
	uint32_t c;

	ent_buf_adds(out, prefix);
	start = out->len;
	while (*p && out->len - start < 80) {
		p += utf8_next(p, &c);
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_') {
			ent_buf_addc(out, (char)c);
			dash = 0;
		} else if (c >= 0x80 && c != 0xFFFD && classify(c) == CH_KEEP) {
			ent_buf_printf(out, "_%x", (unsigned)c);
			dash = 0;
		} else if (!dash) {
			ent_buf_addc(out, '-');
			dash = 1;
		}
	}
	while (out->len > start && out->data[out->len - 1] == '-')
		drop_last_char(out, start);
}
