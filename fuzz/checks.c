/*
 * Properties of outputs, checked independently of the code that wrote
 * them: UTF-8, a strict JSON grammar with explicit bounds (the input need
 * not be NUL-terminated), XML well-formedness through libxml2 and DOT
 * through Graphviz's own reader.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "fuzz.h"

int ent_fuzz_fail(ent_fuzz_why *why, const char *fmt, ...)
{
	va_list ap;

	if (why) {
		va_start(ap, fmt);
		vsnprintf(why->msg, sizeof(why->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Length of the UTF-8 sequence at s[0, avail), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t avail)
{
	unsigned c = s[0];
	size_t n;
	uint32_t cp, min;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, min = 0x80, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, min = 0x800, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, min = 0x10000, cp = c & 0x07;
	else
		return 0;
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

int ent_fuzz_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}

/* ---- JSON: a recursive-descent recogniser over [p, end) ---- */

typedef struct json_in {
	const unsigned char *p, *end;
} json_in;

#define JSON_MAX_DEPTH 200

static int json_value(json_in *in, int depth);

static void json_space(json_in *in)
{
	while (in->p < in->end &&
	       (*in->p == ' ' || *in->p == '\t' || *in->p == '\n' || *in->p == '\r'))
		in->p++;
}

static int json_peek(const json_in *in)
{
	return in->p < in->end ? *in->p : -1;
}

static int is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int json_escape(json_in *in)
{
	if (in->p >= in->end)
		return 0;
	if (*in->p != 'u') {
		if (!strchr("\"\\/bfnrt", *in->p) || !*in->p)
			return 0;
		in->p++;
		return 1;
	}
	if (in->end - in->p < 5)
		return 0;
	for (int i = 1; i <= 4; i++)
		if (!is_hex(in->p[i]))
			return 0;
	in->p += 5;
	return 1;
}

static int json_string(json_in *in)
{
	if (json_peek(in) != '"')
		return 0;
	in->p++;
	while (in->p < in->end && *in->p != '"') {
		size_t n;
		if (*in->p < 0x20)
			return 0;
		if (*in->p == '\\') {
			in->p++;
			if (!json_escape(in))
				return 0;
			continue;
		}
		n = utf8_seq(in->p, (size_t)(in->end - in->p));
		if (!n)
			return 0;
		in->p += n;
	}
	if (in->p >= in->end)
		return 0;
	in->p++;
	return 1;
}

static int json_digits(json_in *in)
{
	const unsigned char *start = in->p;

	while (in->p < in->end && *in->p >= '0' && *in->p <= '9')
		in->p++;
	return in->p > start;
}

static int json_number(json_in *in)
{
	if (json_peek(in) == '-')
		in->p++;
	if (json_peek(in) == '0')
		in->p++;
	else if (!json_digits(in))
		return 0;
	if (json_peek(in) == '.') {
		in->p++;
		if (!json_digits(in))
			return 0;
	}
	if (json_peek(in) == 'e' || json_peek(in) == 'E') {
		in->p++;
		if (json_peek(in) == '+' || json_peek(in) == '-')
			in->p++;
		if (!json_digits(in))
			return 0;
	}
	return 1;
}

/* Members of an object or elements of an array, after the opening
 * bracket, through `close`. */
static int json_items(json_in *in, int depth, int close)
{
	json_space(in);
	if (json_peek(in) == close) {
		in->p++;
		return 1;
	}
	for (;;) {
		json_space(in);
		if (close == '}') {
			if (!json_string(in))
				return 0;
			json_space(in);
			if (json_peek(in) != ':')
				return 0;
			in->p++;
		}
		if (!json_value(in, depth + 1))
			return 0;
		json_space(in);
		if (json_peek(in) == close) {
			in->p++;
			return 1;
		}
		if (json_peek(in) != ',')
			return 0;
		in->p++;
	}
}

static int json_word(json_in *in, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(in->end - in->p) < n || memcmp(in->p, w, n))
		return 0;
	in->p += n;
	return 1;
}

static int json_value(json_in *in, int depth)
{
	if (depth > JSON_MAX_DEPTH)
		return 0;
	json_space(in);
	switch (json_peek(in)) {
	case '{': in->p++; return json_items(in, depth, '}');
	case '[': in->p++; return json_items(in, depth, ']');
	case '"': return json_string(in);
	case 't': return json_word(in, "true");
	case 'f': return json_word(in, "false");
	case 'n': return json_word(in, "null");
	default: return json_number(in);
	}
}

int ent_fuzz_json(const char *s, size_t len)
{
	json_in in = { (const unsigned char *)s, (const unsigned char *)s + len };

	if (!json_value(&in, 0))
		return 0;
	json_space(&in);
	return in.p == in.end;
}

int ent_fuzz_jsonl(const char *s, size_t len)
{
	size_t i = 0;

	if (len && s[len - 1] != '\n')
		return 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = (size_t)(nl - (s + i));
		if (!ent_fuzz_json(s + i, n))
			return 0;
		i += n + 1;
	}
	return 1;
}

/* ---- XML and DOT: read back by the libraries that consumers use ---- */

static void xml_error(void *ctx, xmlErrorPtr e)
{
	ent_fuzz_why *why = ctx;

	if (e && e->level >= XML_ERR_ERROR && !why->msg[0])
		snprintf(why->msg, sizeof(why->msg), "line %d: %s", e->line,
			 e->message ? e->message : "error");
}

int ent_fuzz_xml_wellformed(const char *s, size_t len, ent_fuzz_why *why)
{
	ent_fuzz_why local = { "" };
	xmlDocPtr d;

	xmlSetStructuredErrorFunc(&local, xml_error);
	d = xmlReadMemory(s, (int)len, NULL, "UTF-8",
			  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (d)
		xmlFreeDoc(d);
	if (d && !local.msg[0])
		return 1;
	return ent_fuzz_fail(why, "%s", local.msg[0] ? local.msg : "not XML"), 0;
}

int ent_fuzz_dot_readable(const char *s, size_t len)
{
	char *copy = malloc(len + 1);
	agerrlevel_t level;
	Agraph_t *g;
	int errors;

	if (!copy)
		return 0;
	memcpy(copy, s, len);
	copy[len] = '\0';
	level = agseterr(AGMAX); /* errors are counted, not printed */
	agreseterrors();
	g = agmemread(copy);
	errors = agreseterrors();
	agseterr(level);
	free(copy);
	if (g)
		agclose(g);
	return g && errors == 0;
}
