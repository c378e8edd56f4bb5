/*
 * Reading extraction shards: the JSON Lines that `entente extract` writes
 * (document, entity and relation records) merged into a graph builder.
 * Entities are matched by key, so ids need only be consistent within one
 * file. Lines are parsed with jansson, which rejects what is not JSON
 * (bad escapes, lone surrogates, NUL, trailing garbage) and bounds the
 * nesting depth; every record is then checked field by field.
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* Longest record read, in bytes: a relation carries one sentence. */
#define SHARD_MAX_LINE ((size_t)16 << 20)

typedef struct shard {
	ent_graph_builder *b;
	const char *path;
	long line;
	ent_map ids;       /* entity id -> builder index */
	ent_map id_keys;   /* entity id -> index into keys */
	char **keys;
	size_t n_keys, cap_keys;
	ent_error *err;
} shard;

static ent_status bad(shard *s, const char *what, const char *detail)
{
	return ent_error_set(s->err, ENT_ERR_INPUT, s->path, s->line, "%s%s%s", what,
			     detail ? ": " : "", detail ? detail : "");
}

static const char *str_field(json_t *o, const char *name)
{
	json_t *v = json_object_get(o, name);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A non-negative integer field within [0, max]; -1 when absent or bad. */
static long long count_field(json_t *o, const char *name, long long max)
{
	json_t *v = json_object_get(o, name);
	json_int_t n;

	if (!json_is_integer(v))
		return -1;
	n = json_integer_value(v);
	return n < 0 || n > max ? -1 : (long long)n;
}

static ent_status read_entity(shard *s, json_t *o)
{
	const char *id = str_field(o, "id"), *name = str_field(o, "name");
	const char *key = str_field(o, "key"), *type = str_field(o, "type");
	json_t *al = json_object_get(o, "aliases");
	long long mentions = count_field(o, "mentions", LLONG_MAX);
	ent_entity e;
	size_t *known, idx;

	if (!id || !name || !key || !*key || !type || !json_is_array(al) || mentions < 0)
		return bad(s, "entity record lacks id, name, key, type, aliases or mentions", NULL);
	if (ent_type_parse(type, &e.type) != 0)
		return bad(s, "unknown entity type", type);
	known = ent_map_get(&s->id_keys, id);
	if (known && strcmp(s->keys[*known], key))
		return bad(s, "entity id names two keys", id);
	e.name = name;
	e.key = key;
	e.mentions = (size_t)mentions;
	e.n_aliases = json_array_size(al);
	const char **aliases = ent_xmalloc((e.n_aliases + 1) * sizeof(*aliases));
	for (size_t i = 0; i < e.n_aliases; i++) {
		aliases[i] = json_string_value(json_array_get(al, i));
		if (!aliases[i]) {
			free(aliases);
			return bad(s, "an alias is not a string", id);
		}
	}
	e.aliases = aliases;
	idx = ent_graph_builder_entity(s->b, &e);
	free(aliases);
	if (!known) {
		ENT_GROW(s->keys, s->cap_keys, s->n_keys + 1);
		s->keys[s->n_keys] = ent_xstrdup(key);
		ent_map_put(&s->id_keys, id, s->n_keys++);
		ent_map_put(&s->ids, id, idx);
	}
	return ENT_OK;
}

static ent_status read_relation(shard *s, json_t *o)
{
	const char *subj = str_field(o, "subject"), *obj = str_field(o, "object");
	const char *rel = str_field(o, "relation"), *doc = str_field(o, "doc");
	const char *sentence = str_field(o, "evidence"), *rule = str_field(o, "rule");
	json_t *year = json_object_get(o, "year");
	long long line = count_field(o, "line", LONG_MAX);
	size_t *a, *b;
	ent_relation r;

	if (!subj || !obj || !rel || !doc || !sentence || !rule || line < 0)
		return bad(s, "relation record lacks subject, object, relation, doc, line, "
			      "evidence or rule", NULL);
	memset(&r, 0, sizeof(r));
	if (ent_rel_parse(rel, &r.rel) != 0)
		return bad(s, "unknown relation", rel);
	if (json_is_integer(year) && json_integer_value(year) > 0 &&
	    json_integer_value(year) < 100000)
		r.year = (int)json_integer_value(year);
	else if (!json_is_null(year) && year)
		return bad(s, "year is neither a year nor null", NULL);
	a = ent_map_get(&s->ids, subj);
	b = ent_map_get(&s->ids, obj);
	if (!a || !b)
		return bad(s, "relation names an entity not listed before it", a ? obj : subj);
	if (json_is_true(json_object_get(o, "hedged")))
		r.flags |= ENT_RELF_HEDGED;
	if (json_is_true(json_object_get(o, "resolved")))
		r.flags |= ENT_RELF_RESOLVED;
	r.ev.doc = doc;
	r.ev.line = (long)line;
	r.ev.sentence = sentence;
	r.ev.rule = rule;
	ent_graph_builder_relation(s->b, *a, *b, &r);
	return ENT_OK;
}

static ent_status read_record(shard *s, const char *text, size_t len)
{
	json_error_t jerr;
	json_t *o = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	const char *kind;
	ent_status st = ENT_OK;

	if (!o)
		return bad(s, "not JSON", jerr.text);
	kind = json_is_object(o) ? str_field(o, "kind") : NULL;
	if (!kind)
		st = bad(s, "not an extraction record (no \"kind\")", NULL);
	else if (!strcmp(kind, "entity"))
		st = read_entity(s, o);
	else if (!strcmp(kind, "relation"))
		st = read_relation(s, o);
	else if (!strcmp(kind, "document"))
		ent_graph_builder_count_document(s->b);
	/* other kinds are left for other readers */
	json_decref(o);
	return st;
}

static int blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return 0;
	return 1;
}

static ent_status read_lines(shard *s, FILE *fp)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	ent_status st = ENT_OK;

	errno = 0;
	while (st == ENT_OK && (n = getline(&buf, &cap, fp)) >= 0) {
		s->line++;
		if ((size_t)n > SHARD_MAX_LINE)
			st = ent_error_set(s->err, ENT_ERR_LIMIT, s->path, s->line,
					   "record longer than %zu bytes", SHARD_MAX_LINE);
		else if (memchr(buf, '\0', (size_t)n))
			st = bad(s, "NUL byte in a record", NULL);
		else if (!blank(buf, (size_t)n))
			st = read_record(s, buf, (size_t)n);
	}
	if (st == ENT_OK && ferror(fp))
		st = ent_error_set(s->err, ENT_ERR_INPUT, s->path, 0, "read error: %s",
				   strerror(errno ? errno : EIO));
	free(buf);
	return st;
}

ent_status ent_graph_builder_read_jsonl(ent_graph_builder *b, const char *path,
					ent_error *err)
{
	int std = !strcmp(path, "-");
	FILE *fp = std ? stdin : fopen(path, "rb");
	ent_status st;
	shard s;

	if (!fp)
		return ent_error_set(err, ENT_ERR_INPUT, path, 0, "cannot open: %s",
				     strerror(errno));
	memset(&s, 0, sizeof(s));
	s.b = b;
	s.path = std ? "(stdin)" : path;
	s.err = err;
	ent_map_init(&s.ids);
	ent_map_init(&s.id_keys);
	st = read_lines(&s, fp);
	if (!std)
		fclose(fp);
	for (size_t i = 0; i < s.n_keys; i++)
		free(s.keys[i]);
	free(s.keys);
	ent_map_release(&s.ids);
	ent_map_release(&s.id_keys);
	return st;
}
