/*
 * Markdown to plain text, so that its markup is never read as words:
 * heading marks, emphasis, code spans, block quotes, list bullets, table
 * pipes and link syntax go; a link keeps its text and drops its target,
 * images and reference definitions are dropped whole. Nothing is
 * rendered: characters are only deleted or blanked, never lines, so every
 * line stays where it was and evidence names the line of the source.
 *
 * Markdown is recognised by content (a document need not be called .md):
 * an ATX heading, an inline link or strong emphasis in the first 64 KiB.
 * Every scan stays on its line and never rescans a failed one, so the
 * cleaner is linear in the input.
 */
#include <string.h>

#include "internal.h"

#define SNIFF_BYTES 65536

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

/* An ATX heading at p: 1 to 6 '#' then a blank or the line's end. Returns
 * the length of the marks and the blanks after them, or 0. */
static size_t atx_heading(const char *p, const char *end)
{
	size_t n = 0;

	while (p + n < end && p[n] == '#' && n < 7)
		n++;
	if (n == 0 || n > 6)
		return 0;
	if (p + n < end && !blank(p[n]) && p[n] != '\n')
		return 0;
	while (p + n < end && blank(p[n]))
		n++;
	return n;
}

/* A line starting at p opens with an ATX heading that has text on it. */
static int heading_line(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && (*q == ' ' || *q == '\t') && q - p < 4)
		q++;
	size_t h = atx_heading(q, end);
	return h && q + h < end && q[h] != '\n' && q[h] != '\r';
}

/* The answer is whether any of three signs occurs anywhere in the window,
 * so each is looked for on its own, with memchr() jumping to the next
 * line start, ']' or '*': plain text has one line start per paragraph and
 * hardly any brackets or asterisks, so it is not walked byte by byte. */
int ent_markdown_sniff(const char *data, size_t len)
{
	const char *end = data + (len < SNIFF_BYTES ? len : SNIFF_BYTES), *p;

	for (p = data; p < end;) {
		if (heading_line(p, end))
			return 1; /* # Heading */
		p = memchr(p, '\n', (size_t)(end - p));
		if (!p)
			break;
		p++;
	}
	for (p = data; (p = memchr(p, ']', (size_t)(end - p))); p++)
		if (p + 1 < end && p[1] == '(')
			return 1; /* [text](url) */
	for (p = data; (p = memchr(p, '*', (size_t)(end - p))); p++)
		if (p + 2 < end && p[1] == '*' && alnum((unsigned char)p[2]))
			return 1; /* **strong */
	return 0;
}

/* ---- line by line ---- */

typedef struct cleaner {
	ent_buf *out;
	const char *data;     /* the whole input: p[-1] is readable when p > data */
	int fence;            /* inside a fenced code block */
	char fence_char;
	int table_row;        /* the line is a table row: pipes separate cells */
	const char *no_close; /* no ')' from here to the line's end */
	const char *no_gt;    /* no '>' from here to the line's end */
} cleaner;

/* Length of a list bullet or ordered-list number with its blank (and a
 * task box "[ ] "), or 0. */
static size_t list_marker(const char *p, const char *end)
{
	size_t n = 0;

	if (p < end && (*p == '-' || *p == '*' || *p == '+') && p + 1 < end && blank(p[1])) {
		n = 1;
	} else {
		while (p + n < end && n < 9 && p[n] >= '0' && p[n] <= '9')
			n++;
		if (n == 0 || p + n + 1 >= end || (p[n] != '.' && p[n] != ')') || !blank(p[n + 1]))
			return 0;
		n++;
	}
	while (p + n < end && blank(p[n]))
		n++;
	if (end - (p + n) >= 4 && p[n] == '[' && (p[n + 1] == ' ' || (p[n + 1] | 32) == 'x') &&
	    p[n + 2] == ']' && blank(p[n + 3]))
		n += 4;
	return n;
}

/* A line of only '=', '-', '*' or '_' (setext underline, thematic break)
 * or a table's delimiter row ("|---|:--:|"). */
static int rule_line(const char *p, const char *end)
{
	int marks = 0;

	for (; p < end; p++) {
		if (*p == '=' || *p == '-' || *p == '*' || *p == '_')
			marks++;
		else if (!blank(*p) && *p != '|' && *p != ':')
			return 0;
	}
	return marks >= 3;
}

/* "[ref]: target" on a line of its own. */
static int reference_definition(const char *p, const char *end)
{
	if (p >= end || *p != '[')
		return 0;
	const char *q = memchr(p, ']', (size_t)(end - p));
	return q && q + 1 < end && q[1] == ':';
}

/* The ')' closing a link target that starts at p, or NULL; parentheses
 * inside the target nest. A failed search is remembered for the line. */
static const char *target_end(cleaner *c, const char *p, const char *end)
{
	int depth = 0;

	if (c->no_close && p >= c->no_close)
		return NULL;
	for (const char *q = p; q < end; q++) {
		if (*q == '\\' && q + 1 < end)
			q++;
		else if (*q == '(')
			depth++;
		else if (*q == ')' && depth-- == 0)
			return q;
	}
	c->no_close = p;
	return NULL;
}

/* The ']' closing bracketed text opened at p, or NULL when another '['
 * or the line's end comes first. */
static const char *text_end(const char *p, const char *end)
{
	for (const char *q = p + 1; q < end; q++) {
		if (*q == '\\' && q + 1 < end)
			q++;
		else if (*q == ']')
			return q;
		else if (*q == '[')
			return NULL;
	}
	return NULL;
}

static void inline_text(cleaner *c, const char *p, const char *end);

/* A link or image at p ('[' or "!["). Returns where the text goes on, or
 * NULL when p starts neither. */
static const char *link(cleaner *c, const char *p, const char *end)
{
	int image = *p == '!';
	const char *open = p + image, *close = text_end(open, end), *stop = NULL;

	if (!close)
		return NULL;
	if (open[1] == '^')
		return close + 1; /* footnote mark [^1] */
	if (close + 1 < end && close[1] == '(')
		stop = target_end(c, close + 2, end);
	else if (close + 1 < end && close[1] == '[')
		stop = text_end(close + 1, end); /* [text][ref] */
	if (!stop)
		return NULL; /* "[text]" alone stays as written */
	if (!image)
		inline_text(c, open + 1, close);
	return stop + 1;
}

/* Emphasis and strike-through: a run of '*', '_' or "~~" touching a word
 * goes; '_' inside a word (snake_case) and a lone '*' between blanks stay. */
static const char *emphasis(cleaner *c, const char *p, const char *end)
{
	char ch = *p;
	const char *q = p;
	int before = p > c->data && !blank(p[-1]) && p[-1] != '\n';

	while (q < end && *q == ch)
		q++;
	int after = q < end && !blank(*q);
	if (ch == '_' && before && after && alnum((unsigned char)p[-1]) && alnum((unsigned char)*q))
		return NULL;
	if (ch == '~' && q - p < 2)
		return NULL;
	return before || after ? q : NULL;
}

/* Inline markup of [p, end): links, images, emphasis, code spans,
 * escapes, autolinks and tags. */
static void inline_text(cleaner *c, const char *p, const char *end)
{
	ent_buf *out = c->out;

	while (p < end) {
		char ch = *p;
		const char *next = NULL;
		if (ch == '\\' && p + 1 < end && p[1] && strchr("\\`*_{}[]()#+-.!<>|~", p[1])) {
			ent_buf_addc(out, p[1]);
			p += 2;
			continue;
		}
		if (ch == '[' || (ch == '!' && p + 1 < end && p[1] == '['))
			next = link(c, p, end);
		else if (ch == '<' && p + 1 < end &&
			 (((p[1] | 32) >= 'a' && (p[1] | 32) <= 'z') || p[1] == '/' || p[1] == '!')) {
			/* an autolink or inline tag, dropped up to its '>' */
			const char *q = c->no_gt && p >= c->no_gt ? NULL
								   : memchr(p, '>', (size_t)(end - p));
			if (!q)
				c->no_gt = p;
			next = q ? q + 1 : NULL;
		} else if (ch == '`') {
			for (next = p; next < end && *next == '`'; next++)
				;
		} else if (ch == '*' || ch == '_' || ch == '~') {
			next = emphasis(c, p, end);
		} else if (ch == '|' && c->table_row) {
			ent_buf_addc(out, ' ');
			next = p + 1;
		}
		if (next) {
			p = next;
		} else {
			ent_buf_addc(out, ch);
			p++;
		}
	}
}

/* A fence line: three or more '`' or '~'. */
static int fence_line(cleaner *c, const char *p, const char *end)
{
	size_t n = 0;

	while (p + n < end && (p[n] == '`' || p[n] == '~') && p[n] == p[0])
		n++;
	if (n < 3)
		return 0;
	if (!c->fence) {
		c->fence = 1;
		c->fence_char = p[0];
	} else if (p[0] == c->fence_char) {
		c->fence = 0;
	} else {
		return 0;
	}
	return 1;
}

/* One line [p, end), without its newline. */
static void clean_line(cleaner *c, const char *p, const char *end)
{
	const char *q = p;
	size_t n;

	while (q < end && blank(*q) && q - p < 4)
		q++;
	if (fence_line(c, q, end) || c->fence)
		return; /* code is not prose: its lines stay, empty */
	if (rule_line(q, end) || reference_definition(q, end))
		return;
	while (q < end && *q == '>') { /* block quote marks */
		q++;
		while (q < end && blank(*q))
			q++;
	}
	if ((n = atx_heading(q, end)) > 0) {
		q += n;
		const char *e = end;
		while (e > q && blank(e[-1]))
			e--;
		while (e > q && e[-1] == '#')
			e--;
		if (e == q || blank(e[-1]))
			end = e; /* a closing "###" */
	} else {
		q += list_marker(q, end);
	}
	c->table_row = q < end && *q == '|';
	c->no_close = c->no_gt = NULL;
	inline_text(c, q, end);
	while (c->out->len && blank(c->out->data[c->out->len - 1]))
		c->out->data[--c->out->len] = '\0';
}

ent_status ent_markdown_text(const char *data, size_t len, char **text, size_t *text_len)
{
	const char *p = data, *end = data + len;
	cleaner c;
	ent_buf out;

	ent_buf_init(&out);
	ent_buf_add(&out, "", 0);
	memset(&c, 0, sizeof(c));
	c.out = &out;
	c.data = data;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		clean_line(&c, p, e);
		if (nl)
			ent_buf_addc(&out, '\n');
		p = nl ? nl + 1 : end;
	}
	*text_len = out.len;
	*text = ent_buf_detach(&out);
	return ENT_OK;
}
