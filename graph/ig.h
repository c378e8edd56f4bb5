/*
 * Private to graph/: the guard every igraph call runs under. igraph's
 * default error handler aborts the process, which a library must never do
 * on input; ent_ig_enter() installs entente's own error and warning
 * handlers (and the C attribute table), ent_ig_leave() restores the
 * caller's handlers, and ent_ig_error() turns a failed call into an
 * ent_error carrying igraph's first message.
 */
#ifndef ENT_GRAPH_IG_H
#define ENT_GRAPH_IG_H

#include <igraph/igraph.h>

#include "entente/common.h"

typedef struct ent_ig_scope {
	igraph_error_handler_t *prev_error;
	igraph_warning_handler_t *prev_warning;
} ent_ig_scope;

/* Install entente's handlers and forget earlier messages. Scopes may
 * nest; each enter is paired with one leave. */
void ent_ig_enter(ent_ig_scope *s);
void ent_ig_leave(ent_ig_scope *s);

/* The first non-empty reason igraph gave since ent_ig_enter(), or "". */
const char *ent_ig_reason(void);

/* Number of warnings igraph issued since ent_ig_enter(). */
long ent_ig_warnings(void);

/* Fill `err` for a failed igraph call: the message is "`what`: reason"
 * (igraph's "Line N: " prefix becomes the error's line). Returns `code`. */
ent_status ent_ig_error(ent_error *err, ent_status code, const char *file,
			const char *what);

#endif
