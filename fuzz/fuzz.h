/*
 * entente fuzzing: the body of every libFuzzer harness, as plain functions
 * that the harnesses (fuzz_*.c, built by fuzz/fuzz.mk) and the regression
 * suite (tests/test_fuzzregress.c, built by `make check`) both call, so a
 * saved crash is replayed through exactly the code path that found it.
 *
 * A body runs one input through the library and checks what came out
 * (valid UTF-8, JSON, XML, spans in bounds...). It returns 0 when every
 * property held, or -1 with the broken property in `why`. Memory errors,
 * leaks and undefined behaviour are the sanitizers' to report.
 */
#ifndef ENT_FUZZ_H
#define ENT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Inputs larger than this are skipped by fuzz_graphml (a few MB of
 * GraphML is legitimate, but not what the fuzzer should spend time on). */
#define ENT_FUZZ_GRAPHML_MAX ((size_t)256 * 1024)

typedef struct ent_fuzz_why {
	char msg[512];
} ent_fuzz_why;

typedef int (*ent_fuzz_body)(const uint8_t *data, size_t len,
			     ent_fuzz_why *why);

typedef struct ent_fuzz_target {
	const char *name; /* "fuzz_text": harness, log and regress folder */
	ent_fuzz_body run;
} ent_fuzz_target;

/* extract_targets.c */
int ent_fuzz_text(const uint8_t *data, size_t len, ent_fuzz_why *why);
int ent_fuzz_html(const uint8_t *data, size_t len, ent_fuzz_why *why);
int ent_fuzz_xml(const uint8_t *data, size_t len, ent_fuzz_why *why);
int ent_fuzz_markdown(const uint8_t *data, size_t len, ent_fuzz_why *why);

/* The extractor every body shares, made on first use (its tables take
 * tens of milliseconds to load under the sanitizers). */
struct ent_extractor;
const struct ent_extractor *ent_fuzz_extractor(void);

/* graph_targets.c */
int ent_fuzz_graphml(const uint8_t *data, size_t len, ent_fuzz_why *why);
/* Extract, build, write every format and read back; the graph made from
 * the document and the one made from its JSON Lines must be the same. */
int ent_fuzz_emit(const uint8_t *data, size_t len, ent_fuzz_why *why);
/* Any bytes as an extraction shard for `build --merge`. */
int ent_fuzz_shard(const uint8_t *data, size_t len, ent_fuzz_why *why);

/* Every harness, NULL-terminated by a NULL name. */
extern const ent_fuzz_target ent_fuzz_targets[];

/* ---- checks.c: properties of outputs ---- */

/* Record a broken property in `why` (may be NULL); returns -1. */
int ent_fuzz_fail(ent_fuzz_why *why, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Is s[0, len) valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF)? */
int ent_fuzz_utf8(const char *s, size_t len);

/* Is s[0, len) exactly one JSON value (RFC 8259), whitespace around,
 * strings valid UTF-8? */
int ent_fuzz_json(const char *s, size_t len);

/* Is every line of s[0, len) one JSON value? (JSON Lines; the text must
 * end with a newline unless empty.) */
int ent_fuzz_jsonl(const char *s, size_t len);

/* Does libxml2 read s[0, len) as well-formed XML without any error? On
 * failure `why` holds libxml2's message. */
int ent_fuzz_xml_wellformed(const char *s, size_t len, ent_fuzz_why *why);

/* Does Graphviz read s[0, len) back as a DOT graph? */
int ent_fuzz_dot_readable(const char *s, size_t len);

/* ---- harness entry (entry.c) ---- */

/* Run `body` on one input as a harness does: a broken property is
 * printed to stderr and aborts, which libFuzzer reports as a crash. */
int ent_fuzz_entry(const char *name, ent_fuzz_body body, const uint8_t *data,
		   size_t len);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
