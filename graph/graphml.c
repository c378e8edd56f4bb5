/*
 * GraphML in and out, through igraph's reader and writer and its C
 * attribute table.
 *
 * Writing: the model's strings are copied into attributes of a copy of the
 * igraph graph after sanitising (igraph refuses control characters only
 * after it has written half the file, and passes invalid UTF-8 through,
 * which XML parsers then reject), and written to a temporary file renamed
 * into place.
 *
 * Reading: the file is size-checked and loaded into memory first (igraph's
 * reader is quadratic in the length of a data element before 0.10.12), then
 * parsed, then checked for entente's attributes and values. Every failure
 * is an ENT_ERR_INPUT naming the file; nothing aborts.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entente/entente.h"
#include "ig.h"
#include "model.h"

/* The attributes entente writes, in the order they are written. */
static const char *const node_strs[] = { "name", "key", "type", "aliases" };
static const char *const edge_strs[] = { "relation", "years", "doc",
					 "evidence", "rule", "more_evidence" };
#define N_NODE_STRS (sizeof(node_strs) / sizeof(node_strs[0]))
#define N_EDGE_STRS (sizeof(edge_strs) / sizeof(edge_strs[0]))
#define VERSION_ATTR "entente_version"

static const char *node_str(const ent_node *n, size_t k)
{
	switch (k) {
	case 0: return n->name;
	case 1: return n->key;
	case 2: return ent_type_name(n->type);
	default: return n->aliases;
	}
}

static const char *edge_str(const ent_edge *e, size_t k)
{
	switch (k) {
	case 0: return ent_rel_name(e->rel);
	case 1: return e->years;
	case 2: return e->doc;
	case 3: return e->evidence;
	case 4: return e->rule;
	default: return e->more ? e->more : "";
	}
}

/* ---- writing ----------------------------------------------------------
 *
 * Written as a stream, in the layout igraph's writer uses (the reader is
 * igraph's), so that a graph is not copied into igraph attributes first:
 * a large graph is written in the memory it already takes. */

/* Text for element content or an attribute value that any XML parser
 * accepts: C0 and C1 control characters become spaces (but for tab and
 * newline when `layout` is set: element text keeps them, and they
 * separate the records of more_evidence), invalid UTF-8 and U+FFFE/U+FFFF
 * become U+FFFD, and the five XML specials are escaped. Runs of plain
 * bytes are copied at once. */
static void put_text(ent_buf *b, const char *s, int layout)
{
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *run = p;

	for (;;) {
		unsigned char c = *p;
		if (c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"' &&
		    c != '\'') {
			p++;
			continue;
		}
		ent_buf_add(b, (const char *)run, (size_t)(p - run));
		if (!c)
			return;
		size_t n = 1;
		uint32_t cp = c;
		if (c >= 0x80)
			n = ent_utf8_valid(p, SIZE_MAX, &cp);
		switch (cp) {
		case '&': ent_buf_add(b, "&amp;", 5); break;
		case '<': ent_buf_add(b, "&lt;", 4); break;
		case '>': ent_buf_add(b, "&gt;", 4); break;
		case '"': ent_buf_add(b, "&quot;", 6); break;
		case '\'': ent_buf_add(b, "&apos;", 6); break;
		default:
			if (n == 0) {
				ent_buf_add(b, "\xEF\xBF\xBD", 3);
				n = 1;
			} else if ((cp < 0x20 && !(layout && (cp == '\t' || cp == '\n'))) ||
				   (cp >= 0x7F && cp <= 0x9F)) {
				ent_buf_addc(b, ' ');
			} else if (cp == 0xFFFE || cp == 0xFFFF) {
				ent_buf_add(b, "\xEF\xBF\xBD", 3);
			} else {
				ent_buf_add(b, (const char *)p, n);
			}
		}
		p += n;
		run = p;
	}
}

static void put_key(ent_buf *b, char kind, const char *name, const char *type)
{
	static const char *const fors[] = { "graph", "node", "edge" };
	const char *f = fors[kind == 'g' ? 0 : kind == 'v' ? 1 : 2];

	ent_buf_printf(b, "  <key id=\"%c_%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
		       kind, name, f, name, type);
}

static void put_data(ent_buf *b, char kind, const char *name, const char *value, int layout)
{
	ent_buf_add(b, "      <data key=\"", 17);
	ent_buf_addc(b, kind);
	ent_buf_addc(b, '_');
	ent_buf_adds(b, name);
	ent_buf_add(b, "\">", 2);
	put_text(b, value, layout);
	ent_buf_add(b, "</data>\n", 8);
}

static void put_long(ent_buf *b, long v)
{
	if (v < 0)
		ent_buf_addc(b, '-');
	ent_buf_add_uint(b, v < 0 ? (size_t)0 - (size_t)v : (size_t)v);
}

static void put_number(ent_buf *b, char kind, const char *name, long v)
{
	ent_buf_add(b, "      <data key=\"", 17);
	ent_buf_addc(b, kind);
	ent_buf_addc(b, '_');
	ent_buf_adds(b, name);
	ent_buf_add(b, "\">", 2);
	put_long(b, v);
	ent_buf_add(b, "</data>\n", 8);
}

static void put_header(ent_buf *b)
{
	ent_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			"<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
			"         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
			"         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns\n"
			"         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
			"<!-- Created by igraph -->\n");
	put_key(b, 'g', VERSION_ATTR, "string");
	for (size_t k = 0; k < N_NODE_STRS; k++)
		put_key(b, 'v', node_strs[k], "string");
	put_key(b, 'v', "mentions", "double");
	for (size_t k = 0; k < N_EDGE_STRS; k++) {
		put_key(b, 'e', edge_strs[k], "string");
		/* weight and hedged after relation, line after doc */
		if (k == 0) {
			put_key(b, 'e', "weight", "double");
			put_key(b, 'e', "hedged", "double");
		} else if (k == 2) {
			put_key(b, 'e', "line", "double");
		}
	}
	ent_buf_adds(b, "  <graph id=\"G\" edgedefault=\"directed\">\n"
			"    <data key=\"g_" VERSION_ATTR "\">" ENTENTE_VERSION "</data>\n");
}

static void put_node(ent_buf *b, const ent_node *n, size_t i)
{
	ent_buf_add(b, "    <node id=\"n", 15);
	put_long(b, (long)i);
	ent_buf_add(b, "\">\n", 3);
	for (size_t k = 0; k < N_NODE_STRS; k++)
		put_data(b, 'v', node_strs[k], node_str(n, k), 0);
	put_number(b, 'v', "mentions", n->mentions);
	ent_buf_adds(b, "    </node>\n");
}

static void put_edge(ent_buf *b, const ent_edge *e)
{
	ent_buf_add(b, "    <edge source=\"n", 19);
	put_long(b, (long)e->from);
	ent_buf_add(b, "\" target=\"n", 11);
	put_long(b, (long)e->to);
	ent_buf_add(b, "\">\n", 3);
	for (size_t k = 0; k < N_EDGE_STRS; k++) {
		put_data(b, 'e', edge_strs[k], edge_str(e, k), k == N_EDGE_STRS - 1);
		if (k == 0) {
			put_number(b, 'e', "weight", e->weight);
			put_number(b, 'e', "hedged", e->hedged);
		} else if (k == 2) {
			put_number(b, 'e', "line", e->line);
		}
	}
	ent_buf_adds(b, "    </edge>\n");
}

static int flush_buf(ent_buf *b, FILE *fp)
{
	int ok = fwrite(b->data, 1, b->len, fp) == b->len;

	ent_buf_clear(b);
	return ok;
}

ent_status ent_graph_write_graphml(const ent_graph *g, const char *path,
				   ent_error *err)
{
	ent_ofile of;
	ent_status st = ent_ofile_open(&of, path, err);
	ent_buf b;
	int ok = 1;

	if (st != ENT_OK)
		return st;
	ent_buf_init(&b);
	ent_buf_add(&b, "", 0);
	put_header(&b);
	for (size_t i = 0; i < g->n_nodes && ok; i++) {
		put_node(&b, &g->nodes[i], i);
		if (b.len > 65536)
			ok = flush_buf(&b, of.fp);
	}
	for (size_t i = 0; i < g->n_edges && ok; i++) {
		put_edge(&b, &g->edges[i]);
		if (b.len > 65536)
			ok = flush_buf(&b, of.fp);
	}
	ent_buf_adds(&b, "  </graph>\n</graphml>\n");
	if (ok)
		ok = flush_buf(&b, of.fp);
	ent_buf_release(&b);
	if (!ok) {
		ent_ofile_abort(&of);
		return ent_error_set(err, ENT_ERR_OUTPUT, path, 0, "cannot write GraphML: %s",
				     strerror(errno ? errno : EIO));
	}
	return ent_ofile_commit(&of, err);
}

/* ---- reading ---------------------------------------------------------- */

static const char *display_name(const char *path)
{
	return strcmp(path, "-") ? path : "standard input";
}

/* The whole file in memory, size-checked before it is read. */
static ent_status load(const char *path, char **data, size_t *len,
		       ent_error *err)
{
	ent_error e;
	ent_status st;

	ent_error_clear(&e);
	st = ent_read_file(path, (size_t)ENT_GRAPHML_MAX_BYTES, data, len, &e);
	if (st != ENT_OK)
		return ent_error_set(err, st, e.file, e.line, "%s", e.msg);
	/* igraph's reader is quadratic in the length of one text, not in the
	 * size of the file: refuse long texts, accept large graphs */
	size_t run = 0, line = 1;
	for (size_t i = 0; i < *len; i++) {
		char c = (*data)[i];
		line += c == '\n';
		run = c == '<' || c == '>' ? 0 : run + 1;
		if (run > (size_t)ENT_GRAPHML_MAX_TEXT) {
			free(*data);
			*data = NULL;
			return ent_error_set(err, ENT_ERR_LIMIT, display_name(path), (long)line,
					     "a text longer than the limit of %ld bytes",
					     ENT_GRAPHML_MAX_TEXT);
		}
	}
	if (*len == 0) {
		free(*data);
		*data = NULL;
		return ent_error_set(err, ENT_ERR_INPUT, display_name(path), 0,
				     "empty file, not GraphML");
	}
	return ENT_OK;
}

/* Require attribute `name` of element kind `elem` with type `type`. */
static ent_status need_attr(const igraph_t *r, igraph_attribute_elemtype_t elem,
			    const char *name, igraph_attribute_type_t type,
			    const char *file, ent_error *err)
{
	const char *kind = elem == IGRAPH_ATTRIBUTE_VERTEX ? "node"
			 : elem == IGRAPH_ATTRIBUTE_EDGE ? "edge" : "graph";
	igraph_attribute_type_t t;

	if (!igraph_cattribute_has_attr(r, elem, name))
		return ent_error_set(err, ENT_ERR_INPUT, file, 0,
				     "not an entente graph: missing %s attribute '%s'",
				     kind, name);
	if (igraph_cattribute_table.gettype(r, &t, elem, name) || t != type)
		return ent_error_set(err, ENT_ERR_INPUT, file, 0,
				     "not an entente graph: %s attribute '%s' is not %s",
				     kind, name,
				     type == IGRAPH_ATTRIBUTE_STRING ? "a string" : "numeric");
	return ENT_OK;
}

static ent_status check_schema(const igraph_t *r, const char *file,
			       ent_error *err)
{
	const igraph_attribute_type_t S = IGRAPH_ATTRIBUTE_STRING,
				      N = IGRAPH_ATTRIBUTE_NUMERIC;
	const igraph_attribute_elemtype_t V = IGRAPH_ATTRIBUTE_VERTEX,
					  E = IGRAPH_ATTRIBUTE_EDGE;
	ent_status st = ENT_OK;

	for (size_t k = 0; k < N_NODE_STRS && !st; k++)
		st = need_attr(r, V, node_strs[k], S, file, err);
	if (!st)
		st = need_attr(r, V, "mentions", N, file, err);
	/* all but more_evidence, which older files lack */
	for (size_t k = 0; k + 1 < N_EDGE_STRS && !st; k++)
		st = need_attr(r, E, edge_strs[k], S, file, err);
	if (!st)
		st = need_attr(r, E, "weight", N, file, err);
	if (!st)
		st = need_attr(r, E, "line", N, file, err);
	if (!st)
		st = need_attr(r, IGRAPH_ATTRIBUTE_GRAPH, VERSION_ATTR, S, file, err);
	/* optional: files written before hedged counts read as all asserted */
	if (!st && igraph_cattribute_has_attr(r, E, "hedged"))
		st = need_attr(r, E, "hedged", N, file, err);
	return st;
}

/* A count read back as a double: a missing value (NaN) is `dflt`; else it
 * must be a whole number in [min, 2^53]. Returns -1 when it is not. */
static int to_count(double v, long min, long dflt, long *out)
{
	if (isnan(v)) {
		*out = dflt;
		return dflt >= min ? 0 : -1;
	}
	if (!(v >= (double)min && v <= 9007199254740992.0) || v != floor(v))
		return -1;
	*out = (long)v;
	return 0;
}

/* How a node is named in messages: its GraphML id when igraph kept it. */
static const char *node_label(const igraph_t *r, igraph_integer_t i)
{
	if (igraph_cattribute_has_attr(r, IGRAPH_ATTRIBUTE_VERTEX, "id"))
		return VAS(r, "id", i);
	return "?";
}

static ent_status read_nodes(const igraph_t *r, ent_node *nodes, size_t n,
			     const char *file, ent_error *err)
{
	for (size_t i = 0; i < n; i++) {
		igraph_integer_t v = (igraph_integer_t)i;
		ent_node *nd = &nodes[i];
		const char *type = VAS(r, "type", v);

		nd->name = ent_xstrdup(VAS(r, "name", v));
		nd->key = ent_xstrdup(VAS(r, "key", v));
		nd->aliases = ent_xstrdup(VAS(r, "aliases", v));
		/* igraph invents nodes for edge ends never declared */
		if (!*type)
			return ent_error_set(err, ENT_ERR_INPUT, file, 0,
					     "node '%s' has no type (undeclared or duplicate id?)",
					     node_label(r, v));
		if (ent_type_parse(type, &nd->type) != 0)
			return ent_error_set(err, ENT_ERR_INPUT, file, 0,
					     "node '%s': unknown type '%s'",
					     node_label(r, v), type);
		if (to_count(VAN(r, "mentions", v), 0, 0, &nd->mentions) != 0)
			return ent_error_set(err, ENT_ERR_INPUT, file, 0,
					     "node '%s': bad mentions count",
					     node_label(r, v));
	}
	return ENT_OK;
}

static ent_status read_edges(const igraph_t *r, ent_edge *edges, size_t m,
			     const char *file, ent_error *err)
{
	int has_hedged = igraph_cattribute_has_attr(r, IGRAPH_ATTRIBUTE_EDGE,
						    "hedged");
	int has_more = igraph_cattribute_has_attr(r, IGRAPH_ATTRIBUTE_EDGE,
						  "more_evidence");

	for (size_t i = 0; i < m; i++) {
		igraph_integer_t e = (igraph_integer_t)i, from, to;
		ent_edge *ed = &edges[i];
		const char *rel = EAS(r, "relation", e);

		ed->years = ent_xstrdup(EAS(r, "years", e));
		ed->doc = ent_xstrdup(EAS(r, "doc", e));
		ed->evidence = ent_xstrdup(EAS(r, "evidence", e));
		ed->rule = ent_xstrdup(EAS(r, "rule", e));
		ed->more = ent_xstrdup(has_more ? EAS(r, "more_evidence", e) : "");
		if (igraph_edge(r, e, &from, &to))
			return ent_ig_error(err, ENT_ERR_INPUT, file, "bad edge");
		if (ent_rel_parse(rel, &ed->rel) != 0)
			return ent_error_set(err, ENT_ERR_INPUT, file, 0,
					     "edge %zu: unknown relation '%s'", i, rel);
		if (to_count(EAN(r, "weight", e), 1, 0, &ed->weight) != 0 ||
		    to_count(EAN(r, "line", e), 0, 0, &ed->line) != 0)
			return ent_error_set(err, ENT_ERR_INPUT, file, 0,
					     "edge %zu: bad weight or line", i);
		if (has_hedged &&
		    (to_count(EAN(r, "hedged", e), 0, 0, &ed->hedged) != 0 ||
		     ed->hedged > ed->weight))
			return ent_error_set(err, ENT_ERR_INPUT, file, 0,
					     "edge %zu: bad hedged count", i);
		/* keep the model's invariant for hand-edited files */
		if (ent_rel_symmetric(ed->rel) && from > to) {
			igraph_integer_t t = from;
			from = to;
			to = t;
		}
		ed->from = (size_t)from;
		ed->to = (size_t)to;
	}
	return ENT_OK;
}

/* The model of a parsed GraphML graph, or NULL with `err` filled. */
static ent_graph *from_igraph(const igraph_t *r, const char *file,
			      ent_error *err)
{
	size_t n = (size_t)igraph_vcount(r), m = (size_t)igraph_ecount(r);
	ent_node *nodes;
	ent_edge *edges;

	if (check_schema(r, file, err) != ENT_OK)
		return NULL;
	nodes = ent_xcalloc(n, sizeof(*nodes));
	edges = ent_xcalloc(m, sizeof(*edges));
	if (read_nodes(r, nodes, n, file, err) != ENT_OK ||
	    read_edges(r, edges, m, file, err) != ENT_OK) {
		ent_graph_items_free(nodes, n, edges, m);
		return NULL;
	}
	return ent_graph_assemble(nodes, n, edges, m, file, err);
}

ent_graph *ent_graph_read_graphml(const char *path, ent_error *err)
{
	const char *file = display_name(path);
	ent_ig_scope scope;
	ent_graph *g = NULL;
	igraph_t r;
	char *data;
	size_t len;
	FILE *fp;

	if (load(path, &data, &len, err) != ENT_OK)
		return NULL;
	fp = fmemopen(data, len, "r");
	if (!fp) {
		free(data);
		ent_error_set(err, ENT_ERR_FAIL, file, 0, "cannot read from memory");
		return NULL;
	}
	ent_ig_enter(&scope);
	if (igraph_read_graph_graphml(&r, fp, 0)) {
		/* igraph's wording when the root holds no <graph> */
		if (!strncmp(ent_ig_reason(), "Graph index", 11))
			ent_error_set(err, ENT_ERR_INPUT, file, 0,
				      "malformed GraphML: no <graph> element");
		else
			ent_ig_error(err, ENT_ERR_INPUT, file, "malformed GraphML");
	} else {
		g = from_igraph(&r, file, err);
		igraph_destroy(&r);
	}
	ent_ig_leave(&scope);
	fclose(fp);
	free(data);
	return g;
}
