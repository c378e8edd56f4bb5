/*
 * The igraph guard. igraph reports an error by calling the installed
 * handler, often several times for one failure (once per unwound frame,
 * the later reasons empty), and expects the handler to release igraph's
 * own temporaries with IGRAPH_FINALLY_FREE() and return. So the handler
 * keeps only the first non-empty reason; the failing call then returns an
 * error code that the caller turns into an ent_error. entente's own
 * objects are never put on the FINALLY stack: callers clean up with goto.
 *
 * Handlers are thread-local in igraph 0.10, and so is the captured text.
 * No algorithm used here draws random numbers (PRPACK PageRank and
 * Brandes betweenness are deterministic), so igraph's RNG is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ig.h"
#include "util.h"

static _Thread_local char ig_reason[512];
static _Thread_local long ig_warnings;

static void on_error(const char *reason, const char *file, int line,
		     igraph_error_t code)
{
	(void)file;
	(void)line;
	if (!ig_reason[0]) {
		if (reason && reason[0])
			snprintf(ig_reason, sizeof(ig_reason), "%s", reason);
		else if (code == IGRAPH_ENOMEM)
			snprintf(ig_reason, sizeof(ig_reason), "out of memory");
	}
	/* `reason` may point into memory this frees: copied above first. */
	IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
	ig_warnings++;
}

void ent_ig_enter(ent_ig_scope *s)
{
	s->prev_error = igraph_set_error_handler(on_error);
	s->prev_warning = igraph_set_warning_handler(on_warning);
	/* Idempotent, and never undone: graphs made under the table must be
	 * destroyed under it, or their attributes leak. */
	igraph_set_attribute_table(&igraph_cattribute_table);
	ig_reason[0] = '\0';
	ig_warnings = 0;
}

void ent_ig_leave(ent_ig_scope *s)
{
	igraph_set_error_handler(s->prev_error);
	igraph_set_warning_handler(s->prev_warning);
}

const char *ent_ig_reason(void)
{
	return ig_reason;
}

long ent_ig_warnings(void)
{
	return ig_warnings;
}

ent_status ent_ig_error(ent_error *err, ent_status code, const char *file,
			const char *what)
{
	const char *r = ig_reason[0] ? ig_reason : "igraph failed";
	long line = 0;

	/* The GraphML reader prefixes libxml2's messages with "Line N: ". */
	if (!strncmp(r, "Line ", 5)) {
		char *end;
		long l = strtol(r + 5, &end, 10);
		if (end != r + 5 && end[0] == ':' && l > 0) {
			line = l;
			r = end + 1 + (end[1] == ' ');
		}
	}
	return ent_error_set(err, code, file, line, "%s: %s", what, r);
}
