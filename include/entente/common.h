/*
 * entente — shared vocabulary of the public API: status codes (which are
 * also the CLI's exit codes), the error record every fallible call fills,
 * and the entity and relation types of the gold schema.
 *
 * Public headers expose no igraph, Graphviz or libxml2 types.
 */
#ifndef ENTENTE_COMMON_H
#define ENTENTE_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status of a fallible call. The values double as the CLI's exit codes. */
typedef enum ent_status {
	ENT_OK = 0,
	ENT_ERR_FAIL = 1,   /* the request could not be answered (unknown name, ...) */
	ENT_ERR_USAGE = 2,  /* bad command line or option value */
	ENT_ERR_INPUT = 3,  /* an input was rejected: missing, unreadable, binary, malformed */
	ENT_ERR_OUTPUT = 4, /* an output could not be written */
	ENT_ERR_LIMIT = 5   /* a configured resource limit was reached */
} ent_status;

/* One error, filled by the first failing call. `file` is the input or
 * output the error concerns ("" when none), `line` is 0 when unknown. */
typedef struct ent_error {
	ent_status code;
	long line;
	char file[512];
	char msg[512];
} ent_error;

/* Reset `err` (may be NULL) to ENT_OK. */
void ent_error_clear(ent_error *err);

/* Fill `err` (may be NULL) unless it already holds an error; returns `code`
 * so that callers can write `return ent_error_set(...)`. */
ent_status ent_error_set(ent_error *err, ent_status code, const char *file,
			 long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Entity types, in the order of ../shared/gold/SCHEMA.md. */
typedef enum ent_type {
	ENT_TYPE_COUNTRY,
	ENT_TYPE_ORGANIZATION,
	ENT_TYPE_AGREEMENT,
	ENT_TYPE_EVENT,
	ENT_TYPE_PROGRAM,
	ENT_TYPE_PLACE,
	ENT_TYPE_PERSON,
	ENT_TYPE_COUNT
} ent_type;

/* Relation types, as in the schema. */
typedef enum ent_rel {
	ENT_REL_COOPERATES_WITH,
	ENT_REL_SIGNED,
	ENT_REL_LAUNCHED,
	ENT_REL_ADOPTED,
	ENT_REL_HOSTED,
	ENT_REL_PARTICIPATED_IN,
	ENT_REL_MEMBER_OF,
	ENT_REL_HELD_IN,
	ENT_REL_PART_OF,
	ENT_REL_COUNT
} ent_rel;

/* Schema names ("country", "cooperates_with"); static strings. */
const char *ent_type_name(ent_type type);
const char *ent_rel_name(ent_rel rel);

/* Parse a schema name (case-insensitive). Return 0 and set *out, or -1. */
int ent_type_parse(const char *name, ent_type *out);
int ent_rel_parse(const char *name, ent_rel *out);

/* Non-zero for relations whose direction carries no meaning. */
int ent_rel_symmetric(ent_rel rel);

/* Non-zero when the type can act (sign, cooperate, host): countries,
 * organizations, places standing for their governments, persons. */
int ent_type_is_actor(ent_type type);

#ifdef __cplusplus
}
#endif
#endif
