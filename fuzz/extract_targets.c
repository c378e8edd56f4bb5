/*
 * Harness bodies for extraction: arbitrary bytes as plain text, HTML, XML
 * and Markdown. The markup harnesses run the stage they target with the
 * production options (libxml2 walker, Markdown cleaner), check its
 * contract and pass its text through the text layer, as add_text does.
 * They stop there: a new extractor costs tens of milliseconds under the
 * sanitizers (its tables are loaded per instance), which would slow
 * them tenfold, and what follows the text layer is fuzz_text's. That one
 * runs the whole public pipeline and checks every corpus writer's
 * output: JSON Lines must be JSON, everything must be UTF-8, TSV rows
 * must have their columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../extract/internal.h"

/* ---- the text layer: sanitize, sentences, tokens ---- */

static int on_boundary(const char *text, size_t len, size_t off)
{
	return off >= len || ((unsigned char)text[off] & 0xC0) != 0x80;
}

static int check_tokens(const char *text, size_t len, const ent_sentence *s,
			ent_fuzz_why *why)
{
	ent_token *toks = NULL;
	size_t n = 0, cap = 0, added, prev_end = s->start;
	int rc = 0;

	added = ent_tokenize(text, s->start, s->end, &toks, &n, &cap, ENT_MAX_SENTENCE_TOKENS);
	if (added != n || n > ENT_MAX_SENTENCE_TOKENS)
		rc = ent_fuzz_fail(why, "tokenize: %zu added but %zu tokens", added, n);
	for (size_t i = 0; i < n && !rc; i++) {
		size_t a = toks[i].start, b = a + toks[i].len;
		if (toks[i].len == 0 || a < prev_end || b > s->end)
			rc = ent_fuzz_fail(why, "token %zu [%zu, %zu) outside sentence [%zu, %zu) "
				      "or before the previous token", i, a, b, s->start, s->end);
		else if (!on_boundary(text, len, a) || !on_boundary(text, len, b))
			rc = ent_fuzz_fail(why, "token %zu [%zu, %zu) splits a UTF-8 sequence",
				      i, a, b);
		prev_end = b;
	}
	free(toks);
	return rc;
}

/* Sentences are in order, inside the text, on UTF-8 boundaries, and know
 * their line; each one's tokens are checked too. */
static int check_sentences(const char *text, size_t len, ent_fuzz_why *why)
{
	ent_sentence *sents = NULL;
	size_t n = 0, pos = 0, prev_end = 0;
	long line = 1;
	int rc = 0;

	ent_text_split(text, len, &sents, &n);
	for (size_t i = 0; i < n && !rc; i++) {
		const ent_sentence *s = &sents[i];
		if (s->start > s->end || s->end > len || s->start < prev_end)
			rc = ent_fuzz_fail(why, "sentence %zu [%zu, %zu) out of order or bounds "
				      "(text %zu bytes)", i, s->start, s->end, len);
		else if (!on_boundary(text, len, s->start) || !on_boundary(text, len, s->end))
			rc = ent_fuzz_fail(why, "sentence %zu [%zu, %zu) splits a UTF-8 sequence",
				      i, s->start, s->end);
		if (rc)
			break;
		for (; pos < s->start; pos++)
			line += text[pos] == '\n';
		if (s->line != line)
			rc = ent_fuzz_fail(why, "sentence %zu at byte %zu says line %ld, is on %ld",
				      i, s->start, s->line, line);
		else
			rc = check_tokens(text, len, s, why);
		prev_end = s->end;
	}
	free(sents);
	return rc;
}

static int check_sanitized(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	char *text = NULL;
	size_t text_len = 0;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (ent_text_sanitize("fuzz", (const char *)data, len, &text, &text_len, &err) != ENT_OK)
		return err.msg[0] ? 0 : ent_fuzz_fail(why, "sanitize failed without a message");
	if (!text || strlen(text) != text_len)
		rc = ent_fuzz_fail(why, "sanitized text holds a NUL or has the wrong length");
	else if (!ent_fuzz_utf8(text, text_len))
		rc = ent_fuzz_fail(why, "sanitized text is not valid UTF-8");
	else
		rc = check_sentences(text, text_len, why);
	free(text);
	return rc;
}

/* ---- the corpus and its writers ---- */

static int check_strings(const char *what, const char *s, ent_fuzz_why *why)
{
	if (!s)
		return ent_fuzz_fail(why, "%s is NULL", what);
	if (!ent_fuzz_utf8(s, strlen(s)))
		return ent_fuzz_fail(why, "%s is not valid UTF-8", what);
	return 0;
}

static int check_entity(const ent_entity *e, size_t i, ent_fuzz_why *why)
{
	if ((unsigned)e->type >= ENT_TYPE_COUNT)
		return ent_fuzz_fail(why, "entity %zu: type %d", i, (int)e->type);
	if (check_strings("entity name", e->name, why) || check_strings("entity key", e->key, why))
		return -1;
	if (!e->name[0] || !e->key[0])
		return ent_fuzz_fail(why, "entity %zu: empty name or key", i);
	for (size_t k = 0; k < e->n_aliases; k++)
		if (check_strings("alias", e->aliases[k], why))
			return -1;
	return 0;
}

static int check_relation(const ent_corpus *c, const ent_relation *r, size_t i,
			  ent_fuzz_why *why)
{
	if (r->subject >= c->n_entities || r->object >= c->n_entities)
		return ent_fuzz_fail(why, "relation %zu: entity out of range", i);
	if ((unsigned)r->rel >= ENT_REL_COUNT)
		return ent_fuzz_fail(why, "relation %zu: relation %d", i, (int)r->rel);
	if (ent_rel_symmetric(r->rel) && !(r->subject < r->object))
		return ent_fuzz_fail(why, "relation %zu: symmetric %s with subject %zu >= object %zu",
				i, ent_rel_name(r->rel), r->subject, r->object);
	if (r->ev.line < 1)
		return ent_fuzz_fail(why, "relation %zu: line %ld", i, r->ev.line);
	if (check_strings("evidence doc", r->ev.doc, why) ||
	    check_strings("evidence sentence", r->ev.sentence, why) ||
	    check_strings("evidence rule", r->ev.rule, why))
		return -1;
	return 0;
}

static int check_corpus(const ent_corpus *c, ent_fuzz_why *why)
{
	for (size_t i = 0; i < c->n_entities; i++)
		if (check_entity(&c->entities[i], i, why))
			return -1;
	for (size_t i = 0; i < c->n_relations; i++)
		if (check_relation(c, &c->relations[i], i, why))
			return -1;
	return 0;
}

/* The corpus written in `fmt` (malloc'ed, *len bytes), or NULL. */
static char *write_corpus(const ent_corpus *c, ent_extract_format fmt, size_t *len)
{
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);
	ent_error err;

	if (!fp)
		return NULL;
	ent_error_clear(&err);
	if (ent_corpus_write(c, fmt, fp, &err) != ENT_OK) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	return buf;
}

/* Every TSV row has its columns: 6 for an entity, 8 for a relation. */
static int tsv_rows(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : len - i, tabs = 0;
		for (size_t k = 0; k < n; k++)
			tabs += s[i + k] == '\t';
		if (!strncmp(s + i, "entity\t", 7) ? tabs != 5
		    : !strncmp(s + i, "relation\t", 9) ? tabs != 7
		    : s[i] != '#')
			return 0;
		i += n + 1;
	}
	return 1;
}

static int check_writers(const ent_corpus *c, ent_fuzz_why *why)
{
	static const ent_extract_format fmts[] = {
		ENT_EXTRACT_JSONL, ENT_EXTRACT_TSV, ENT_EXTRACT_ENTITIES, ENT_EXTRACT_EXPLAIN,
	};
	static const char *const names[] = { "JSONL", "TSV", "entities", "explain" };
	int rc = 0;

	for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]) && !rc; f++) {
		size_t len = 0;
		char *out = write_corpus(c, fmts[f], &len);
		if (!out)
			rc = ent_fuzz_fail(why, "%s: write to memory failed", names[f]);
		else if (!ent_fuzz_utf8(out, len))
			rc = ent_fuzz_fail(why, "%s output is not valid UTF-8", names[f]);
		else if (fmts[f] == ENT_EXTRACT_JSONL && !ent_fuzz_jsonl(out, len))
			rc = ent_fuzz_fail(why, "JSONL output has a line that is not JSON");
		else if (fmts[f] == ENT_EXTRACT_TSV && !tsv_rows(out, len))
			rc = ent_fuzz_fail(why, "TSV output has a row with the wrong columns");
		free(out);
	}
	return rc;
}

const ent_extractor *ent_fuzz_extractor(void)
{
	static ent_extractor *ex; /* one per process, as the CLI has */

	if (!ex)
		ex = ent_extractor_new();
	return ex;
}

/* The document as the stream writer writes it must be JSON Lines. */
static int check_stream(const ent_document *d, ent_fuzz_why *why)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	ent_stream *st;
	ent_error err;
	int rc = 0;

	if (!fp)
		abort();
	ent_error_clear(&err);
	st = ent_stream_new(fp, ENT_EXTRACT_JSONL);
	if (ent_stream_write(st, d, &err) != ENT_OK || ent_stream_finish(st, &err) != ENT_OK)
		rc = ent_fuzz_fail(why, "stream write failed: %s", err.msg);
	ent_stream_free(st);
	fclose(fp);
	if (!rc && !ent_fuzz_utf8(out, len))
		rc = ent_fuzz_fail(why, "streamed JSONL is not UTF-8");
	else if (!rc && !ent_fuzz_jsonl(out, len))
		rc = ent_fuzz_fail(why, "streamed JSONL has a line that is not JSON");
	free(out);
	return rc;
}

/* The public pipeline on one document, then the corpus and its outputs. */
static int extract_document(const char *doc, const char *data, size_t len,
			    ent_fuzz_why *why)
{
	ent_document *d = NULL;
	ent_error err;
	ent_status st;
	int rc = 0;

	ent_error_clear(&err);
	st = ent_extract_document(ent_fuzz_extractor(), doc, data, len, &d, &err);
	if (st != ENT_OK && (err.code != st || !err.msg[0]))
		rc = ent_fuzz_fail(why, "extraction failed (%d) without its error", (int)st);
	else if (st != ENT_OK && d)
		rc = ent_fuzz_fail(why, "a rejected document gave a result");
	if (!rc && d) {
		rc = check_corpus(&d->corpus, why);
		if (!rc)
			rc = check_writers(&d->corpus, why);
		if (!rc)
			rc = check_stream(d, why);
	}
	ent_document_free(d);
	return rc;
}

/* data with `prefix` in front (malloc'ed). */
static char *prefixed(const char *prefix, const uint8_t *data, size_t len, size_t *out_len)
{
	size_t n = strlen(prefix);
	char *buf = malloc(n + len + 1);

	if (!buf)
		abort();
	memcpy(buf, prefix, n);
	if (len)
		memcpy(buf + n, data, len);
	buf[n + len] = '\0';
	*out_len = n + len;
	return buf;
}

/* ---- the harnesses ---- */

int ent_fuzz_text(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	if (check_sanitized(data, len, why))
		return -1;
	return extract_document("fuzz.txt", (const char *)data, len, why);
}

/* The markup stage alone: text comes out NUL-free, of its stated length,
 * and the sanitizer makes it UTF-8. */
static int check_markup(const uint8_t *data, size_t len, ent_markup kind, ent_fuzz_why *why)
{
	char *text = NULL;
	size_t text_len = 0;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (ent_markup_text("fuzz", (const char *)data, len, kind, &text, &text_len, &err) != ENT_OK)
		rc = err.msg[0] ? 0 : ent_fuzz_fail(why, "markup failed without a message");
	else if (!text || strlen(text) != text_len)
		rc = ent_fuzz_fail(why, "markup text holds a NUL or has the wrong length");
	else
		rc = check_sanitized((const uint8_t *)text, text_len, why);
	free(text);
	return rc;
}

int ent_fuzz_html(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	size_t n;
	char *doc;
	int rc;

	if (check_markup(data, len, ENT_MARKUP_HTML, why))
		return -1;
	/* a doctype makes any input HTML, as it does for a real page */
	doc = prefixed("<!DOCTYPE html>\n", data, len, &n);
	rc = ent_markup_sniff(doc, n) == ENT_MARKUP_HTML ? 0
		: ent_fuzz_fail(why, "a page with a doctype was not sniffed as HTML");
	free(doc);
	return rc;
}

int ent_fuzz_xml(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	return check_markup(data, len, ENT_MARKUP_XML, why);
}

static size_t count_lines(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += s[i] == '\n';
	return n;
}

int ent_fuzz_markdown(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	char *text = NULL, *doc;
	size_t text_len = 0, n;
	int rc = 0;

	ent_markdown_text((const char *)data, len, &text, &text_len);
	/* characters are deleted or blanked, lines never */
	if (!text || text_len > len)
		rc = ent_fuzz_fail(why, "markdown text longer than its source");
	else if (count_lines(text, text_len) != count_lines((const char *)data, len))
		rc = ent_fuzz_fail(why, "markdown text has %zu lines, its source %zu",
			      count_lines(text, text_len), count_lines((const char *)data, len));
	else
		rc = check_sanitized((const uint8_t *)text, text_len, why);
	free(text);
	if (rc)
		return rc;
	/* an ATX heading first makes the document Markdown */
	doc = prefixed("# fuzz\n", data, len, &n);
	if (ent_markup_sniff(doc, n) != ENT_MARKUP_MARKDOWN)
		rc = ent_fuzz_fail(why, "a document opening with a heading was not Markdown");
	free(doc);
	return rc;
}
