/*
 * Writing extractions: JSON Lines (the contract ../shared/eval/score reads)
 * and a TSV table for spreadsheets and shell tools, either streamed one
 * document at a time (ent_stream) or for a whole corpus (entities first,
 * ids e1..eN in corpus order, then relations in document order).
 */
#include <errno.h>
#include <string.h>

#include "internal.h"

/* A document's records rendered ahead of the stream, on any thread: the
 * text, and where each stream-wide entity id goes (an entity index of
 * the document). */
typedef struct id_slot {
	size_t off;
	size_t ent;
} id_slot;

struct ent_rendered {
	ent_buf text;
	id_slot *slots;
	size_t n_slots, cap_slots;
	size_t n_relations;
};

/* Where a record's entity ids come from. A whole corpus numbers its
 * entities by their index. A stream gives the document's entities its own
 * ids, and has them written out already: entity i's is text[at[i]..at[i+1])
 * (each is written several times, so it is formatted once). Rendering
 * ahead of the stream, on a worker thread, leaves a slot for each id
 * (`ahead`) that the stream fills in later. */
typedef struct id_map {
	const char *text;
	const size_t *at;
	ent_rendered *ahead;
	ent_stream *stream; /* when given, entity i has stream id sid[i] */
	const size_t *sid;
} id_map;

static const id_map corpus_ids = { NULL, NULL, NULL, NULL, NULL };

static void entity_names(ent_buf *b, const ent_entity *e, size_t id, const id_map *ids);

/* Append a string literal: its length is known at compile time, so the
 * copy inlines and no strlen() runs (records are mostly literals). */
#define ADD_LIT(b, lit) ent_buf_add((b), "" lit, sizeof(lit) - 1)

/* Entity `ent`'s id: "e" and its number from 1, or a slot for it. */
static void put_id(ent_buf *b, size_t ent, const id_map *ids)
{
	ent_rendered *r = ids->ahead;

	if (r) {
		ENT_GROW(r->slots, r->cap_slots, r->n_slots + 1);
		r->slots[r->n_slots].off = b->len;
		r->slots[r->n_slots++].ent = ent;
		return;
	}
	if (ids->text) {
		ent_buf_add(b, ids->text + ids->at[ent], ids->at[ent + 1] - ids->at[ent]);
		return;
	}
	ent_buf_addc(b, 'e');
	ent_buf_add_uint(b, ent + 1);
}

/* JSON strings escaped once and reused while a document is written (its
 * strings do not change meanwhile, so a pointer names one text): the
 * relations share the document's name, those of one sentence its text,
 * and all of them a handful of rule names, of which the first RULE_MEMO
 * are kept, rule[k] escaped in rule_json at rule_at[k]..rule_at[k + 1]. */
#define RULE_MEMO 16

typedef struct json_memo {
	const char *doc, *sentence;
	ent_buf doc_json, sentence_json;
	const char *rule[RULE_MEMO];
	size_t rule_at[RULE_MEMO + 1];
	size_t n_rules;
	ent_buf rule_json;
	const char *spare;      /* a rule name past the first RULE_MEMO */
	ent_buf spare_json;
	const char *type_name[ENT_TYPE_COUNT], *rel_name[ENT_REL_COUNT];
	size_t type_len[ENT_TYPE_COUNT], rel_len[ENT_REL_COUNT];
} json_memo;

static void memo_init(json_memo *m)
{
	memset(m, 0, sizeof(*m));
	ent_buf_init(&m->doc_json);
	ent_buf_init(&m->sentence_json);
	ent_buf_init(&m->rule_json);
	ent_buf_init(&m->spare_json);
	ent_buf_add(&m->rule_json, "", 0);
	for (int t = 0; t < ENT_TYPE_COUNT; t++) {
		m->type_name[t] = ent_type_name((ent_type)t);
		m->type_len[t] = strlen(m->type_name[t]);
	}
	for (int r = 0; r < ENT_REL_COUNT; r++) {
		m->rel_name[r] = ent_rel_name((ent_rel)r);
		m->rel_len[r] = strlen(m->rel_name[r]);
	}
}

static void memo_release(json_memo *m)
{
	ent_buf_release(&m->doc_json);
	ent_buf_release(&m->sentence_json);
	ent_buf_release(&m->rule_json);
	ent_buf_release(&m->spare_json);
}

/* A piece of a record known before the record is written. */
typedef struct piece {
	const char *s;
	size_t n;
} piece;

/* `s` as a JSON string, escaped only when it is not the string of the
 * last call. */
static piece memo_json(const char *s, const char **have, ent_buf *json)
{
	if (*have != s) {
		ent_buf_clear(json);
		ent_buf_add(json, "", 0);
		ent_json_string(json, s);
		*have = s;
	}
	return (piece){ json->data, json->len };
}

static piece memo_rule(const char *rule, json_memo *m)
{
	size_t k = 0;

	while (k < m->n_rules && m->rule[k] != rule)
		k++;
	if (k == RULE_MEMO) /* more rule names than kept: escaped each time */
		return memo_json(rule, &m->spare, &m->spare_json);
	if (k == m->n_rules) {
		ent_json_string(&m->rule_json, rule);
		m->rule[k] = rule;
		m->rule_at[k + 1] = m->rule_json.len;
		m->n_rules++;
	}
	return (piece){ m->rule_json.data + m->rule_at[k], m->rule_at[k + 1] - m->rule_at[k] };
}

/* The names of entity types and relations, looked up and measured once
 * per memo. */
static piece type_name(ent_type t, const json_memo *m)
{
	if ((unsigned)t < ENT_TYPE_COUNT)
		return (piece){ m->type_name[t], m->type_len[t] };
	return (piece){ ent_type_name(t), strlen(ent_type_name(t)) };
}

static piece rel_name(ent_rel r, const json_memo *m)
{
	if ((unsigned)r < ENT_REL_COUNT)
		return (piece){ m->rel_name[r], m->rel_len[r] };
	return (piece){ ent_rel_name(r), strlen(ent_rel_name(r)) };
}

/* The record formats below append their fields directly (literals, then
 * ent_buf_add_uint() and friends for numbers) rather than through
 * ent_buf_printf(): they run for every record of a 30 MB output, and the
 * bytes are those the former format strings gave. */
static void jsonl_entity(ent_buf *b, const ent_entity *e, size_t id, const json_memo *memo,
			 const id_map *ids)
{
	piece type = type_name(e->type, memo);

	ADD_LIT(b, "{\"kind\":\"entity\",\"id\":\"");
	put_id(b, id, ids);
	ADD_LIT(b, "\",\"type\":\"");
	ent_buf_add(b, type.s, type.n);
	ADD_LIT(b, "\",\"name\":");
	entity_names(b, e, id, ids);
	ADD_LIT(b, ",\"aliases\":[");
	for (size_t i = 0; i < e->n_aliases; i++) {
		if (i)
			ent_buf_addc(b, ',');
		ent_json_string(b, e->aliases[i]);
	}
	ADD_LIT(b, "],\"mentions\":");
	ent_buf_add_uint(b, e->mentions);
	ADD_LIT(b, "}\n");
}

/* Relation records are most of the output, and every part of one but its
 * ids and numbers is escaped before it is written (memo), so the record's
 * room is reserved once and the parts are plain copies to w, with no
 * capacity check each. put() and PUT_LIT() return the end of the copy. */
static char *put(char *w, const char *s, size_t n)
{
	memcpy(w, s, n);
	return w + n;
}

#define PUT_LIT(w, lit) put((w), "" lit, sizeof(lit) - 1)

/* Room for the fixed text of a relation record, with two ids and two
 * numbers: about 210 bytes at most. */
#define RELATION_FIXED 256

/* put_id() at w, in room reserved in b. */
static char *put_id_at(ent_buf *b, char *w, size_t ent, const id_map *ids)
{
	if (ids->ahead) {
		b->len = (size_t)(w - b->data);
		put_id(b, ent, ids);
		return w;
	}
	if (ids->text)
		return put(w, ids->text + ids->at[ent], ids->at[ent + 1] - ids->at[ent]);
	*w++ = 'e';
	return ent_put_uint(w, ent + 1);
}

/* v in decimal at w, as %ld writes it. */
static char *put_long(char *w, long v)
{
	if (v >= 0)
		return ent_put_uint(w, (size_t)v);
	*w++ = '-';
	/* the magnitude in unsigned arithmetic, which LONG_MIN also has */
	return ent_put_uint(w, (size_t)0 - (size_t)v);
}

static void jsonl_relation(ent_buf *b, const ent_relation *r, json_memo *memo,
			   const id_map *ids)
{
	piece rel = rel_name(r->rel, memo);
	piece doc = memo_json(r->ev.doc, &memo->doc, &memo->doc_json);
	piece sentence = memo_json(r->ev.sentence, &memo->sentence, &memo->sentence_json);
	piece rule = memo_rule(r->ev.rule, memo);
	size_t room;
	char *w;
	room = RELATION_FIXED + rel.n + doc.n + sentence.n + rule.n;
	if (b->len + room + 1 > b->cap)
		ent_buf_reserve(b, room);
	w = b->data + b->len;
	w = PUT_LIT(w, "{\"kind\":\"relation\",\"subject\":\"");
	w = put_id_at(b, w, r->subject, ids);
	w = PUT_LIT(w, "\",\"relation\":\"");
	w = put(w, rel.s, rel.n);
	w = PUT_LIT(w, "\",\"object\":\"");
	w = put_id_at(b, w, r->object, ids);
	w = PUT_LIT(w, "\",\"year\":");
	w = r->year ? put_long(w, r->year) : PUT_LIT(w, "null");
	w = PUT_LIT(w, ",\"doc\":");
	w = put(w, doc.s, doc.n);
	w = PUT_LIT(w, ",\"line\":");
	w = put_long(w, r->ev.line);
	w = PUT_LIT(w, ",\"evidence\":");
	w = put(w, sentence.s, sentence.n);
	w = PUT_LIT(w, ",\"rule\":");
	w = put(w, rule.s, rule.n);
	w = (r->flags & ENT_RELF_HEDGED) ? PUT_LIT(w, ",\"hedged\":true")
					 : PUT_LIT(w, ",\"hedged\":false");
	w = (r->flags & ENT_RELF_RESOLVED) ? PUT_LIT(w, ",\"resolved\":true}\n")
					   : PUT_LIT(w, ",\"resolved\":false}\n");
	b->len = (size_t)(w - b->data);
	*w = '\0';
}

/* A TSV field: tabs and line breaks become spaces. */
static void tsv_field(ent_buf *b, const char *s)
{
	for (; *s; s++)
		ent_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void tsv_entity(ent_buf *b, const ent_entity *e, size_t id, const id_map *ids)
{
	ent_buf_adds(b, "entity\t");
	put_id(b, id, ids);
	ent_buf_printf(b, "\t%s\t", ent_type_name(e->type));
	tsv_field(b, e->name);
	ent_buf_addc(b, '\t');
	for (size_t i = 0; i < e->n_aliases; i++) {
		if (i)
			ent_buf_addc(b, '|');
		tsv_field(b, e->aliases[i]);
	}
	ent_buf_printf(b, "\t%zu\n", e->mentions);
}

static void tsv_relation(ent_buf *b, const ent_corpus *c, const ent_relation *r)
{
	ent_buf_adds(b, "relation\t");
	tsv_field(b, c->entities[r->subject].name);
	ent_buf_printf(b, "\t%s\t", ent_rel_name(r->rel));
	tsv_field(b, c->entities[r->object].name);
	if (r->year)
		ent_buf_printf(b, "\t%d\t", r->year);
	else
		ent_buf_adds(b, "\t\t");
	tsv_field(b, r->ev.doc);
	ent_buf_printf(b, "\t%ld\t", r->ev.line);
	tsv_field(b, r->ev.sentence);
	ent_buf_addc(b, '\n');
}

static const char tsv_header[] =
	"# kind\tid|subject|doc\ttype|relation|bytes\tname|object|sentences\t"
	"aliases|year|words\tmentions|doc\tline\tevidence\n";

static int flush(ent_buf *b, FILE *out)
{
	int ok = fwrite(b->data, 1, b->len, out) == b->len;
	ent_buf_clear(b);
	return ok;
}

/* The entity table: type, mentions, name and aliases, in corpus order. */
static void table_entities(ent_buf *b, const ent_corpus *c)
{
	size_t counts[ENT_TYPE_COUNT] = { 0 };

	ent_buf_printf(b, "%-13s %8s  %s\n", "type", "mentions", "name (aliases)");
	for (size_t i = 0; i < c->n_entities; i++) {
		const ent_entity *e = &c->entities[i];
		counts[e->type]++;
		ent_buf_printf(b, "%-13s %8zu  ", ent_type_name(e->type), e->mentions);
		tsv_field(b, e->name);
		for (size_t k = 0; k < e->n_aliases; k++) {
			ent_buf_adds(b, k ? " | " : "  (");
			tsv_field(b, e->aliases[k]);
		}
		ent_buf_adds(b, e->n_aliases ? ")\n" : "\n");
	}
	ent_buf_printf(b, "\n%zu entities:", c->n_entities);
	for (int t = 0; t < ENT_TYPE_COUNT; t++)
		if (counts[t])
			ent_buf_printf(b, " %zu %s%s", counts[t], ent_type_name((ent_type)t),
				       t + 1 < ENT_TYPE_COUNT ? "," : "");
	if (b->len && b->data[b->len - 1] == ',')
		b->data[--b->len] = '\0';
	ent_buf_addc(b, '\n');
}

/* Each relation as a reader checks it: the claim, its flags and year, the
 * rule that made it, and where it was read. */
static void explain_relation(ent_buf *b, const ent_corpus *c, const ent_relation *r)
{
	tsv_field(b, c->entities[r->subject].name);
	ent_buf_printf(b, " --%s--> ", ent_rel_name(r->rel));
	tsv_field(b, c->entities[r->object].name);
	if (r->year)
		ent_buf_printf(b, " [%d]", r->year);
	if (r->flags & ENT_RELF_HEDGED)
		ent_buf_adds(b, " (hedged)");
	if (r->flags & ENT_RELF_RESOLVED)
		ent_buf_adds(b, " (subject resolved from context)");
	ent_buf_printf(b, "\n    rule %s, %s:%ld\n    ", r->ev.rule, r->ev.doc, r->ev.line);
	tsv_field(b, r->ev.sentence);
	ent_buf_adds(b, "\n");
}

static void explain_relations(ent_buf *b, const ent_corpus *c)
{
	for (size_t i = 0; i < c->n_relations; i++)
		explain_relation(b, c, &c->relations[i]);
	ent_buf_printf(b, "%zu relations\n", c->n_relations);
}

ent_status ent_corpus_write(const ent_corpus *c, ent_extract_format fmt,
			    FILE *out, ent_error *err)
{
	ent_buf b;
	json_memo memo;
	int ok = 1;

	if (fmt == ENT_EXTRACT_ENTITIES || fmt == ENT_EXTRACT_EXPLAIN) {
		ent_buf_init(&b);
		if (fmt == ENT_EXTRACT_ENTITIES)
			table_entities(&b, c);
		else
			explain_relations(&b, c);
		ok = fwrite(b.data, 1, b.len, out) == b.len && !ferror(out);
		ent_buf_release(&b);
		return ok ? ENT_OK : ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "write error: %s",
						   strerror(errno ? errno : EIO));
	}

	ent_buf_init(&b);
	ent_buf_add(&b, "", 0);
	memo_init(&memo); /* the corpus does not change while it is written */
	if (fmt == ENT_EXTRACT_TSV)
		ent_buf_adds(&b, tsv_header);
	for (size_t i = 0; i < c->n_entities && ok; i++) {
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_entity(&b, &c->entities[i], i, &memo, &corpus_ids);
		else
			tsv_entity(&b, &c->entities[i], i, &corpus_ids);
		if (b.len > 65536)
			ok = flush(&b, out);
	}
	for (size_t i = 0; i < c->n_relations && ok; i++) {
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_relation(&b, &c->relations[i], &memo, &corpus_ids);
		else
			tsv_relation(&b, c, &c->relations[i]);
		if (b.len > 65536)
			ok = flush(&b, out);
	}
	if (ok)
		ok = flush(&b, out);
	ent_buf_release(&b);
	memo_release(&memo);
	if (!ok || ferror(out))
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "write error: %s",
				     strerror(errno ? errno : EIO));
	return ENT_OK;
}

/* ---- streaming, one document at a time ---- */

/* An entity's name and key as a record writes them (NAME,"key":KEY), for
 * the name it had (the key is the stream id's own). */
typedef struct names_json {
	char *name;
	char *json;
	size_t len;
} names_json;

struct ent_stream {
	FILE *out;
	ent_extract_format fmt;
	ent_map ids;       /* entity key -> id */
	size_t n_ids;
	size_t *sid;       /* the current document's entities' ids */
	size_t cap_sid;
	names_json *names; /* by id, filled as records are written */
	size_t cap_names;
	size_t n_relations;
	ent_buf id_text;   /* the current document's entity ids, written out */
	size_t *id_at;     /* where each starts in id_text (see id_map) */
	size_t cap_id_at;
	ent_buf b;
	int started;
};

ent_stream *ent_stream_new(FILE *out, ent_extract_format fmt)
{
	ent_stream *s = ent_xcalloc(1, sizeof(*s));

	s->out = out;
	s->fmt = fmt;
	ent_map_init(&s->ids);
	ent_buf_init(&s->b);
	ent_buf_add(&s->b, "", 0);
	return s;
}

void ent_stream_free(ent_stream *s)
{
	if (!s)
		return;
	ent_map_release(&s->ids);
	ent_buf_release(&s->b);
	ent_buf_release(&s->id_text);
	free(s->id_at);
	free(s->sid);
	for (size_t i = 0; i < s->cap_names; i++) {
		free(s->names[i].name);
		free(s->names[i].json);
	}
	free(s->names);
	free(s);
}

static ent_status stream_flush(ent_stream *s, ent_error *err)
{
	if (!flush(&s->b, s->out) || ferror(s->out))
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "write error: %s",
				     strerror(errno ? errno : EIO));
	return ENT_OK;
}

/* The stream-wide id of each entity of the document, new ones numbered
 * in order of appearance, written out for put_id(). */
static void stream_ids(ent_stream *s, const ent_corpus *c, id_map *ids)
{
	ENT_GROW(s->id_at, s->cap_id_at, c->n_entities + 1);
	ENT_GROW(s->sid, s->cap_sid, c->n_entities + 1);
	ent_buf_clear(&s->id_text);
	ent_buf_add(&s->id_text, "", 0); /* text is never NULL, even when empty */
	for (size_t i = 0; i < c->n_entities; i++) {
		const char *key = c->entities[i].key;
		size_t *have = ent_map_get(&s->ids, key);
		size_t id = have ? *have : s->n_ids;
		if (!have)
			ent_map_put(&s->ids, key, s->n_ids++);
		s->sid[i] = id;
		s->id_at[i] = s->id_text.len;
		ent_buf_addc(&s->id_text, 'e');
		ent_buf_add_uint(&s->id_text, id + 1);
	}
	s->id_at[c->n_entities] = s->id_text.len;
	ids->text = s->id_text.data;
	ids->at = s->id_at;
	ids->ahead = NULL;
	ids->stream = s;
	ids->sid = s->sid;
}

/* An entity record's name and key: NAME,"key":KEY. A stream meets the
 * same entities in document after document, so it keeps this text for
 * each of its ids and copies it while the name is the one it was made
 * for (the key is what the id stands for): one comparison instead of
 * escaping two strings. Elsewhere both are escaped each time. */
static void entity_names(ent_buf *b, const ent_entity *e, size_t id, const id_map *ids)
{
	ent_stream *s = ids->stream;
	names_json *nj;

	if (!s) {
		ent_json_string(b, e->name);
		ADD_LIT(b, ",\"key\":");
		ent_json_string(b, e->key);
		return;
	}
	if (ids->sid[id] >= s->cap_names) {
		size_t old = s->cap_names;
		ENT_GROW(s->names, s->cap_names, ids->sid[id] + 1);
		memset(s->names + old, 0, (s->cap_names - old) * sizeof(*s->names));
	}
	nj = &s->names[ids->sid[id]];
	if (!nj->name || strcmp(nj->name, e->name) != 0) {
		ent_buf t;
		ent_buf_init(&t);
		ent_json_string(&t, e->name);
		ADD_LIT(&t, ",\"key\":");
		ent_json_string(&t, e->key);
		free(nj->name);
		free(nj->json);
		nj->name = ent_xstrdup(e->name);
		nj->len = t.len;
		nj->json = ent_buf_detach(&t);
	}
	ent_buf_add(b, nj->json, nj->len);
}

static void render_document(ent_buf *b, const ent_document *d, ent_extract_format fmt)
{
	const ent_corpus *c = &d->corpus;

	if (fmt == ENT_EXTRACT_JSONL) {
		ADD_LIT(b, "{\"kind\":\"document\",\"doc\":");
		ent_json_string(b, d->name);
		ADD_LIT(b, ",\"bytes\":");
		ent_buf_add_uint(b, d->bytes);
		ADD_LIT(b, ",\"sentences\":");
		ent_buf_add_uint(b, d->sentences);
		ADD_LIT(b, ",\"words\":");
		ent_buf_add_uint(b, d->words);
		ADD_LIT(b, ",\"entities\":");
		ent_buf_add_uint(b, c->n_entities);
		ADD_LIT(b, ",\"relations\":");
		ent_buf_add_uint(b, c->n_relations);
		ADD_LIT(b, "}\n");
	} else if (fmt == ENT_EXTRACT_TSV) {
		ent_buf_adds(b, "document\t");
		tsv_field(b, d->name);
		ent_buf_printf(b, "\t%zu\t%zu\t%zu\n", d->bytes, d->sentences, d->words);
	}
}

/* A document's records into b, with ids from `ids`. When `s` is given,
 * b is its buffer, written out whenever it passes 64 KiB between records
 * (so a large document does not have to fit in memory as text). */
static ent_status render_records(ent_buf *b, const ent_document *d, ent_extract_format fmt,
				 const id_map *ids, ent_stream *s, ent_error *err)
{
	const ent_corpus *c = &d->corpus;
	json_memo memo;
	ent_status st = ENT_OK;

	memo_init(&memo);
	render_document(b, d, fmt);
	for (size_t i = 0; i < c->n_entities && st == ENT_OK; i++) {
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_entity(b, &c->entities[i], i, &memo, ids);
		else if (fmt == ENT_EXTRACT_TSV)
			tsv_entity(b, &c->entities[i], i, ids);
		if (s && b->len > 65536)
			st = stream_flush(s, err);
	}
	for (size_t i = 0; i < c->n_relations && st == ENT_OK; i++) {
		const ent_relation *rel = &c->relations[i];
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_relation(b, rel, &memo, ids);
		else if (fmt == ENT_EXTRACT_TSV)
			tsv_relation(b, c, rel);
		else
			explain_relation(b, c, rel);
		if (s && b->len > 65536)
			st = stream_flush(s, err);
	}
	memo_release(&memo);
	return st;
}

/* About the size of a document's records, a little over rather than
 * under, so that the buffer rendered ahead is not grown and copied a
 * dozen times: each record's fixed text, its strings, its sentence (the
 * relations of one sentence follow each other, so its length is measured
 * once). */
static size_t rendered_size(const ent_document *d)
{
	const ent_corpus *c = &d->corpus;
	const char *last = NULL;
	size_t n = 256 + strlen(d->name), name = strlen(d->name), slen = 0;

	for (size_t i = 0; i < c->n_entities; i++) {
		const ent_entity *e = &c->entities[i];
		n += 128 + 2 * (strlen(e->name) + strlen(e->key));
		for (size_t k = 0; k < e->n_aliases; k++)
			n += 8 + 2 * strlen(e->aliases[k]);
	}
	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *r = &c->relations[i];
		if (r->ev.sentence != last) {
			last = r->ev.sentence;
			slen = strlen(last);
		}
		n += 192 + name + slen + slen / 8;
	}
	return n;
}

ent_rendered *ent_stream_render(const ent_document *d, ent_extract_format fmt)
{
	ent_rendered *r = ent_xcalloc(1, sizeof(*r));
	id_map ids = { NULL, NULL, r, NULL, NULL };

	ent_buf_init(&r->text);
	ent_buf_reserve(&r->text, rendered_size(d));
	ent_buf_add(&r->text, "", 0);
	render_records(&r->text, d, fmt, &ids, NULL, NULL);
	r->n_relations = d->corpus.n_relations;
	return r;
}

void ent_rendered_free(ent_rendered *r)
{
	if (!r)
		return;
	ent_buf_release(&r->text);
	free(r->slots);
	free(r);
}

static void stream_start(ent_stream *s, const ent_document *d, id_map *ids)
{
	if (!s->started && s->fmt == ENT_EXTRACT_TSV)
		ent_buf_adds(&s->b, tsv_header);
	s->started = 1;
	stream_ids(s, &d->corpus, ids);
}

ent_status ent_stream_write_rendered(ent_stream *s, const ent_document *d,
				     const ent_rendered *r, ent_error *err)
{
	size_t at = 0;
	id_map ids;

	stream_start(s, d, &ids);
	for (size_t k = 0; k <= r->n_slots; k++) {
		size_t end = k < r->n_slots ? r->slots[k].off : r->text.len;
		ent_buf_add(&s->b, r->text.data + at, end - at);
		if (k < r->n_slots)
			put_id(&s->b, r->slots[k].ent, &ids);
		at = end;
		if (s->b.len > 65536 && stream_flush(s, err) != ENT_OK)
			return err->code;
	}
	s->n_relations += r->n_relations;
	return ENT_OK;
}

/* The document's ids are known here, so its records go straight into the
 * stream's buffer: the same bytes as rendering ahead and filling in the
 * slots, without the second copy. */
ent_status ent_stream_write(ent_stream *s, const ent_document *d, ent_error *err)
{
	id_map ids;

	stream_start(s, d, &ids);
	if (render_records(&s->b, d, s->fmt, &ids, s, err) != ENT_OK)
		return err->code;
	s->n_relations += d->corpus.n_relations;
	return ENT_OK;
}

ent_status ent_stream_finish(ent_stream *s, ent_error *err)
{
	if (!s->started && s->fmt == ENT_EXTRACT_TSV)
		ent_buf_adds(&s->b, tsv_header);
	s->started = 1;
	if (s->fmt == ENT_EXTRACT_EXPLAIN)
		ent_buf_printf(&s->b, "%zu relations\n", s->n_relations);
	if (stream_flush(s, err) != ENT_OK)
		return err->code;
	if (fflush(s->out) != 0)
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "write error: %s",
				     strerror(errno ? errno : EIO));
	return ENT_OK;
}
