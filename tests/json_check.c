/*
 * A strict JSON validator for the tests (RFC 8259 grammar, nesting
 * capped), so that "parses as JSON" means more than "has braces". Shared
 * by the CLI and view suites.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* A strict little JSON validator (RFC 8259 grammar, nesting capped), so
 * that "parses as JSON" means more than "has braces". */
static int json_value(const char **p, int depth);

static void json_ws(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static int json_string(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;

	if (*s++ != '"')
		return 0;
	while (*s != '"') {
		if (*s < 0x20)
			return 0; /* control characters must be escaped */
		if (*s == '\\') {
			s++;
			if (*s == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", s[i]) || !s[i])
						return 0;
				s += 5;
				continue;
			}
			if (!*s || !strchr("\"\\/bfnrt", *s))
				return 0;
		}
		s++;
	}
	*p = (const char *)s + 1;
	return 1;
}

static int json_number(const char **p)
{
	const char *s = *p;

	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return 0;
	if (*s == '.') {
		if (*++s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	*p = s;
	return 1;
}

/* Members of an object (close '}') or elements of an array (']'). */
static int json_items(const char **p, int depth, char close)
{
	json_ws(p);
	if (**p == close) {
		(*p)++;
		return 1;
	}
	for (;;) {
		if (close == '}') {
			if (!json_string(p))
				return 0;
			json_ws(p);
			if (*(*p)++ != ':')
				return 0;
		}
		if (!json_value(p, depth + 1))
			return 0;
		json_ws(p);
		if (**p == close) {
			(*p)++;
			return 1;
		}
		if (*(*p)++ != ',')
			return 0;
		json_ws(p);
	}
}

static int json_value(const char **p, int depth)
{
	if (depth > 64)
		return 0;
	json_ws(p);
	switch (**p) {
	case '{': (*p)++; return json_items(p, depth, '}');
	case '[': (*p)++; return json_items(p, depth, ']');
	case '"': return json_string(p);
	case 't': return !strncmp(*p, "true", 4) ? (*p += 4, 1) : 0;
	case 'f': return !strncmp(*p, "false", 5) ? (*p += 5, 1) : 0;
	case 'n': return !strncmp(*p, "null", 4) ? (*p += 4, 1) : 0;
	default: return json_number(p);
	}
}

/* Non-zero when [s, s+len) is exactly one JSON value (whitespace around). */
int th_json_valid(const char *s, size_t len)
{
	char *copy = strndup(s, len);
	const char *p = copy;
	int ok;

	ck_assert_ptr_nonnull(copy);
	ok = json_value(&p, 0);
	if (ok) {
		json_ws(&p);
		ok = *p == '\0';
	}
	free(copy);
	return ok;
}

