/*
 * The Graphviz wrapper. Contexts live as long as the process: creating
 * and freeing one per graph made valgrind report invalid reads in the
 * pango plugin (see the sharp-edges notes). There are at most two, for
 * the two ways of measuring text (see gv.h): core + dot_layout +
 * neato_layout for SVG, the same plus pango for PNG and PDF, the second
 * created only when a PNG or PDF is asked for. Both are built from
 * plugins linked into the binary with demand loading off, so no config
 * file or plugin directory is read and the same plugins are found
 * everywhere.
 *
 * Every call into Graphviz runs in a capture scope: cgraph's message hook
 * (agseterrf) collects warnings and errors into a bounded buffer, nothing
 * reaches stderr, and the first error becomes the ent_error text.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "gv.h"
#include "util.h"

extern gvplugin_library_t gvplugin_core_LTX_library;
extern gvplugin_library_t gvplugin_dot_layout_LTX_library;
extern gvplugin_library_t gvplugin_neato_layout_LTX_library;
extern gvplugin_library_t gvplugin_pango_LTX_library;

static const lt_symlist_t builtins_estimated[] = {
	{ "gvplugin_core_LTX_library", &gvplugin_core_LTX_library },
	{ "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
	{ "gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library },
	{ NULL, NULL },
};

static const lt_symlist_t builtins_pango[] = {
	{ "gvplugin_core_LTX_library", &gvplugin_core_LTX_library },
	{ "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
	{ "gvplugin_neato_layout_LTX_library", &gvplugin_neato_layout_LTX_library },
	{ "gvplugin_pango_LTX_library", &gvplugin_pango_LTX_library },
	{ NULL, NULL },
};

static GVC_t *contexts[2];

/* The graph last laid out by a "nop" engine (see release_nop()). */
static Agraph_t *nop_graph;

/* Messages of the current scope, bounded: a layout can warn per node. */
static char msgs[2048];
static size_t msgs_len;

typedef struct scope {
	agusererrf prev_hook;
	agerrlevel_t prev_level;
} scope;

static int capture(char *msg)
{
	size_t n = strlen(msg);

	if (n > sizeof(msgs) - 1 - msgs_len)
		n = sizeof(msgs) - 1 - msgs_len;
	memcpy(msgs + msgs_len, msg, n);
	msgs_len += n;
	msgs[msgs_len] = '\0';
	return 0;
}

static void enter(scope *s)
{
	msgs_len = 0;
	msgs[0] = '\0';
	s->prev_hook = agseterrf(capture);
	s->prev_level = agseterr(AGWARN); /* every message goes to the hook */
	agreseterrors();
}

/* The first warning since ent_gv_take_warning() last ran. */
static char warning[256];

/* Keep the first line of the scope's messages as the warning, unless one
 * is kept already: without "Warning: ", blanks and control characters. */
static void keep_warning(void)
{
	const char *p = msgs;
	size_t n = 0;

	if (warning[0] || !msgs[0])
		return;
	if (!strncmp(p, "Warning: ", 9))
		p += 9;
	while (*p && *p != '\n' && n + 1 < sizeof(warning)) {
		warning[n++] = (unsigned char)*p < 0x20 ? ' ' : *p;
		p++;
	}
	while (n > 0 && warning[n - 1] == ' ')
		n--;
	warning[n] = '\0';
}

/* Non-zero when an error (not a warning) was reported in the scope. */
static int leave(scope *s)
{
	int errors = agreseterrors();

	agseterrf(s->prev_hook);
	agseterr(s->prev_level);
	if (errors < AGERR)
		keep_warning();
	return errors >= AGERR;
}

void ent_gv_take_warning(char *buf, size_t size)
{
	if (size > 0)
		snprintf(buf, size, "%s", warning);
	warning[0] = '\0';
}

/* The first error line of the scope (or its first line), without the
 * "Error: " prefix, trailing blanks and control characters; "" if none. */
static const char *first_error(char *buf, size_t size)
{
	const char *p = strstr(msgs, "Error: ");
	size_t n = 0;

	p = p ? p + 7 : msgs;
	while (*p && *p != '\n' && n + 1 < size) {
		buf[n++] = (unsigned char)*p < 0x20 ? ' ' : *p;
		p++;
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return buf;
}

/* Call inside a scope. */
static GVC_t *context(ent_gv_text text)
{
	GVC_t **c = &contexts[text == ENT_GV_TEXT_PANGO];

	if (!*c) {
		*c = gvContextPlugins(text == ENT_GV_TEXT_PANGO ? builtins_pango
								: builtins_estimated, 0);
		if (!*c) {
			fputs("entente: cannot create the Graphviz context: out of memory\n",
			      stderr);
			abort();
		}
	}
	return *c;
}

Agraph_t *ent_gv_open(void)
{
	scope s;
	Agraph_t *g;

	enter(&s);
	context(ENT_GV_TEXT_ESTIMATED); /* sets cgraph's defaults, such as label=\N */
	g = agopen((char *)"entente", Agdirected, NULL);
	leave(&s);
	if (!g) {
		fputs("entente: cannot create a Graphviz graph: out of memory\n", stderr);
		abort();
	}
	return g;
}

void ent_gv_close(Agraph_t *g)
{
	if (g == nop_graph)
		nop_graph = NULL;
	if (g)
		agclose(g);
}

Agnode_t *ent_gv_node(Agraph_t *g, const char *name)
{
	return agnode(g, (char *)name, 1);
}

Agraph_t *ent_gv_subgraph(Agraph_t *g, const char *name)
{
	return agsubg(g, (char *)name, 1);
}

Agedge_t *ent_gv_edge(Agraph_t *g, Agnode_t *tail, Agnode_t *head)
{
	return agedge(g, tail, head, NULL, 1);
}

void ent_gv_set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

void ent_gv_setf(void *obj, const char *name, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ent_gv_set(obj, name, buf);
}

void ent_gv_default(Agraph_t *g, int kind, const char *name, const char *value)
{
	agattr(g, kind, (char *)name, (char *)value);
}

const char *ent_gv_get(void *obj, const char *name)
{
	const char *v = agget(obj, (char *)name);

	return v ? v : "";
}

const char *ent_gv_name(void *obj)
{
	const char *v = agnameof(obj);

	return v ? v : "";
}

ent_status ent_gv_layout(Agraph_t *g, ent_gv_text text, const char *engine,
			 const char *target, ent_error *err)
{
	char why[256];
	scope s;
	int rc, failed;

	if (!strncmp(engine, "nop", 3))
		nop_graph = g;
	enter(&s);
	rc = gvLayout(context(text), g, engine);
	failed = leave(&s);
	if (rc == 0 && !failed)
		return ENT_OK;
	first_error(why, sizeof(why)); /* before the next scope clears it */
	ent_gv_free_layout(g, text);
	return ent_error_set(err, ENT_ERR_OUTPUT, target, 0,
			     "cannot lay out the graph with %s: %s", engine,
			     *why ? why : "Graphviz failed");
}

static void release_nop(Agraph_t *g);

void ent_gv_keep_positions(Agraph_t *g, ent_gv_text text)
{
	scope s;

	release_nop(g);
	enter(&s);
	attach_attrs(g);
	gvFreeLayout(context(text), g);
	leave(&s);
}

/* Graphviz 2.42/2.43 leaks the node list of a "nop" layout: neato's
 * cleanup frees it only when its global mode flag still says nop, which
 * it no longer does by then (valgrind: scan_graph_mode, 8 bytes per
 * node). Free it here, before the cleanup; the pointer is cleared, so a
 * Graphviz that does free it frees NULL. */
static void release_nop(Agraph_t *g)
{
	if (g != nop_graph)
		return;
	nop_graph = NULL;
	if (aggetrec(g, (char *)"Agraphinfo_t", 0)) {
		free(GD_neato_nlist(g));
		GD_neato_nlist(g) = NULL;
	}
}

void ent_gv_free_layout(Agraph_t *g, ent_gv_text text)
{
	scope s;

	release_nop(g);
	enter(&s);
	gvFreeLayout(context(text), g);
	leave(&s);
}

ent_status ent_gv_render(Agraph_t *g, ent_gv_text text, const char *format,
			 char **data, size_t *len, const char *target, ent_error *err)
{
	char why[256];
	char *result = NULL;
	unsigned int n = 0;
	scope s;
	int rc, failed;

	enter(&s);
	rc = gvRenderData(context(text), g, format, &result, &n);
	failed = leave(&s);
	if (rc == 0 && !failed && result) {
		*data = result;
		*len = n;
		return ENT_OK;
	}
	if (result)
		gvFreeRenderData(result);
	*data = NULL;
	*len = 0;
	first_error(why, sizeof(why));
	return ent_error_set(err, ENT_ERR_OUTPUT, target, 0, "cannot render %s: %s",
			     format, *why ? why : "Graphviz failed");
}

void ent_gv_free_data(char *data)
{
	if (data)
		gvFreeRenderData(data);
}

ent_status ent_gv_write_dot(Agraph_t *g, FILE *fp, const char *target,
			    ent_error *err)
{
	scope s;
	int rc;

	errno = 0;
	enter(&s);
	rc = agwrite(g, fp);
	leave(&s);
	if (rc == EOF || ferror(fp))
		return ent_error_set(err, ENT_ERR_OUTPUT, target, 0, "write error: %s",
				     errno ? strerror(errno) : "agwrite failed");
	return ENT_OK;
}
