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

/* Entity id `id` ("e" and its number from 1), or, when rendering ahead,
 * a slot for the stream to fill. */
static void put_id(ent_buf *b, size_t id, ent_rendered *r)
{
	if (r) {
		ENT_GROW(r->slots, r->cap_slots, r->n_slots + 1);
		r->slots[r->n_slots].off = b->len;
		r->slots[r->n_slots++].ent = id;
		return;
	}
	ent_buf_addc(b, 'e');
	ent_buf_add_uint(b, id + 1);
}

static void jsonl_entity(ent_buf *b, const ent_entity *e, size_t id, ent_rendered *r)
{
	ent_buf_adds(b, "{\"kind\":\"entity\",\"id\":\"");
	put_id(b, id, r);
	ent_buf_printf(b, "\",\"type\":\"%s\",\"name\":", ent_type_name(e->type));
	ent_json_string(b, e->name);
	ent_buf_adds(b, ",\"key\":");
	ent_json_string(b, e->key);
	ent_buf_adds(b, ",\"aliases\":[");
	for (size_t i = 0; i < e->n_aliases; i++) {
		if (i)
			ent_buf_addc(b, ',');
		ent_json_string(b, e->aliases[i]);
	}
	ent_buf_printf(b, "],\"mentions\":%zu}\n", e->mentions);
}

/* JSON strings escaped once and reused: a document's relations share its
 * name, and the relations of one sentence its text. */
typedef struct json_memo {
	const char *doc, *sentence;
	ent_buf doc_json, sentence_json;
} json_memo;

static void memo_string(ent_buf *b, const char *s, const char **have, ent_buf *json)
{
	if (*have != s) {
		ent_buf_clear(json);
		ent_buf_add(json, "", 0);
		ent_json_string(json, s);
		*have = s;
	}
	ent_buf_add(b, json->data, json->len);
}

static void jsonl_relation(ent_buf *b, const ent_relation *r, json_memo *memo,
			   ent_rendered *slots)
{
	ent_buf_adds(b, "{\"kind\":\"relation\",\"subject\":\"");
	put_id(b, r->subject, slots);
	ent_buf_printf(b, "\",\"relation\":\"%s\",\"object\":\"", ent_rel_name(r->rel));
	put_id(b, r->object, slots);
	ent_buf_adds(b, "\",\"year\":");
	if (r->year)
		ent_buf_printf(b, "%d", r->year);
	else
		ent_buf_adds(b, "null");
	ent_buf_adds(b, ",\"doc\":");
	if (memo)
		memo_string(b, r->ev.doc, &memo->doc, &memo->doc_json);
	else
		ent_json_string(b, r->ev.doc);
	ent_buf_printf(b, ",\"line\":%ld,\"evidence\":", r->ev.line);
	if (memo)
		memo_string(b, r->ev.sentence, &memo->sentence, &memo->sentence_json);
	else
		ent_json_string(b, r->ev.sentence);
	ent_buf_adds(b, ",\"rule\":");
	ent_json_string(b, r->ev.rule);
	ent_buf_adds(b, (r->flags & ENT_RELF_HEDGED) ? ",\"hedged\":true" : ",\"hedged\":false");
	ent_buf_adds(b, (r->flags & ENT_RELF_RESOLVED) ? ",\"resolved\":true}\n"
						       : ",\"resolved\":false}\n");
}

/* A TSV field: tabs and line breaks become spaces. */
static void tsv_field(ent_buf *b, const char *s)
{
	for (; *s; s++)
		ent_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void tsv_entity(ent_buf *b, const ent_entity *e, size_t id, ent_rendered *r)
{
	ent_buf_adds(b, "entity\t");
	put_id(b, id, r);
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
	if (fmt == ENT_EXTRACT_TSV)
		ent_buf_adds(&b, tsv_header);
	for (size_t i = 0; i < c->n_entities && ok; i++) {
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_entity(&b, &c->entities[i], i, NULL);
		else
			tsv_entity(&b, &c->entities[i], i, NULL);
		if (b.len > 65536)
			ok = flush(&b, out);
	}
	for (size_t i = 0; i < c->n_relations && ok; i++) {
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_relation(&b, &c->relations[i], NULL, NULL);
		else
			tsv_relation(&b, c, &c->relations[i]);
		if (b.len > 65536)
			ok = flush(&b, out);
	}
	if (ok)
		ok = flush(&b, out);
	ent_buf_release(&b);
	if (!ok || ferror(out))
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "write error: %s",
				     strerror(errno ? errno : EIO));
	return ENT_OK;
}

/* ---- streaming, one document at a time ---- */

struct ent_stream {
	FILE *out;
	ent_extract_format fmt;
	ent_map ids;       /* entity key -> id */
	size_t n_ids;
	size_t n_relations;
	size_t *local;     /* the current document's entity -> id */
	size_t cap_local;
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
	free(s->local);
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
 * in order of appearance. */
static void stream_ids(ent_stream *s, const ent_corpus *c)
{
	ENT_GROW(s->local, s->cap_local, c->n_entities + 1);
	for (size_t i = 0; i < c->n_entities; i++) {
		const char *key = c->entities[i].key;
		size_t *have = ent_map_get(&s->ids, key);
		if (!have) {
			ent_map_put(&s->ids, key, s->n_ids);
			s->local[i] = s->n_ids++;
		} else {
			s->local[i] = *have;
		}
	}
}

static void render_document(ent_buf *b, const ent_document *d, ent_extract_format fmt)
{
	const ent_corpus *c = &d->corpus;

	if (fmt == ENT_EXTRACT_JSONL) {
		ent_buf_adds(b, "{\"kind\":\"document\",\"doc\":");
		ent_json_string(b, d->name);
		ent_buf_printf(b, ",\"bytes\":%zu,\"sentences\":%zu,\"words\":%zu,"
			       "\"entities\":%zu,\"relations\":%zu}\n", d->bytes, d->sentences,
			       d->words, c->n_entities, c->n_relations);
	} else if (fmt == ENT_EXTRACT_TSV) {
		ent_buf_adds(b, "document\t");
		tsv_field(b, d->name);
		ent_buf_printf(b, "\t%zu\t%zu\t%zu\n", d->bytes, d->sentences, d->words);
	}
}

ent_rendered *ent_stream_render(const ent_document *d, ent_extract_format fmt)
{
	const ent_corpus *c = &d->corpus;
	ent_rendered *r = ent_xcalloc(1, sizeof(*r));
	json_memo memo = { NULL, NULL, { NULL, 0, 0 }, { NULL, 0, 0 } };
	ent_buf *b = &r->text;

	ent_buf_init(b);
	ent_buf_add(b, "", 0);
	render_document(b, d, fmt);
	for (size_t i = 0; i < c->n_entities; i++) {
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_entity(b, &c->entities[i], i, r);
		else if (fmt == ENT_EXTRACT_TSV)
			tsv_entity(b, &c->entities[i], i, r);
	}
	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *rel = &c->relations[i];
		if (fmt == ENT_EXTRACT_JSONL)
			jsonl_relation(b, rel, &memo, r);
		else if (fmt == ENT_EXTRACT_TSV)
			tsv_relation(b, c, rel);
		else
			explain_relation(b, c, rel);
	}
	r->n_relations = c->n_relations;
	ent_buf_release(&memo.doc_json);
	ent_buf_release(&memo.sentence_json);
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

ent_status ent_stream_write_rendered(ent_stream *s, const ent_document *d,
				     const ent_rendered *r, ent_error *err)
{
	size_t at = 0;

	if (!s->started && s->fmt == ENT_EXTRACT_TSV)
		ent_buf_adds(&s->b, tsv_header);
	s->started = 1;
	stream_ids(s, &d->corpus);
	for (size_t k = 0; k <= r->n_slots; k++) {
		size_t end = k < r->n_slots ? r->slots[k].off : r->text.len;
		ent_buf_add(&s->b, r->text.data + at, end - at);
		if (k < r->n_slots)
			put_id(&s->b, s->local[r->slots[k].ent], NULL);
		at = end;
		if (s->b.len > 65536 && stream_flush(s, err) != ENT_OK)
			return err->code;
	}
	s->n_relations += r->n_relations;
	return ENT_OK;
}

ent_status ent_stream_write(ent_stream *s, const ent_document *d, ent_error *err)
{
	ent_rendered *r = ent_stream_render(d, s->fmt);
	ent_status st = ent_stream_write_rendered(s, d, r, err);

	ent_rendered_free(r);
	return st;
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
