/*
 * Private to render/: running Graphviz work under a time limit. Graphviz
 * cannot be interrupted (a dot layout of a few hundred nodes can take
 * minutes), so the work runs in a forked child that sends its result back
 * through a pipe and is killed when time is up.
 */
#ifndef ENT_RENDER_BOUNDED_H
#define ENT_RENDER_BOUNDED_H

#include "entente/render.h"
#include "util.h"

/* The work: fill `out` (and `info`, which may be NULL) or fail with
 * `err`. In a child it must not touch the parent's files or exit. */
typedef ent_status (*ent_bounded_work)(void *ctx, ent_buf *out,
				       ent_render_info *info, ent_error *err);

/* Run `work` and return what it returned, its bytes appended to `out`.
 * With `seconds` 0 it runs in this process, without a limit. Otherwise it
 * runs in a child process; after `seconds` of wall-clock time the child
 * is killed and the result is ENT_ERR_FAIL ("layout took longer than N
 * s"), about `target`. A child that crashes, or exits with a status
 * other than 0 (valgrind's error exit code), is ENT_ERR_FAIL too. The
 * child's `info` is copied into `info` (may be NULL). */
ent_status ent_bounded_run(unsigned seconds, ent_bounded_work work, void *ctx,
			   ent_buf *out, ent_render_info *info,
			   const char *target, ent_error *err);

#endif
