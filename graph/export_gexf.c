/*
 * GEXF 1.3, the format Gephi opens, written with libxml2's xmlTextWriter
 * (which does the XML escaping) straight into the export's temporary
 * file. Nodes carry their name as label and type, key, aliases and
 * mentions as attributes; edges their relation as label and kind (GEXF's
 * way of telling parallel edges apart), their evidence count as weight,
 * and hedged, symmetric, years and the first evidence as attributes.
 * Strings are cleaned first: XML 1.0 has no place for control characters
 * or invalid UTF-8, and the writer would pass them on.
 */
#include <string.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

#include "entente/entente.h"
#include "export.h"

#define GEXF_NS "http://gexf.net/1.3"

/* The attributes declared for nodes and edges: id, type. */
static const char *const node_attrs[][2] = {
	{ "type", "string" }, { "key", "string" }, { "aliases", "string" }, { "mentions", "long" },
};
static const char *const edge_attrs[][2] = {
	{ "relation", "string" }, { "hedged", "long" }, { "symmetric", "boolean" },
	{ "years", "string" }, { "evidence", "string" }, { "doc", "string" },
	{ "line", "long" }, { "rule", "string" },
};

typedef struct gexf {
	xmlTextWriterPtr w;
	ent_buf clean;
	int failed;
} gexf;

static void check(gexf *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
}

static void start(gexf *x, const char *name)
{
	check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

static void end(gexf *x)
{
	check(x, xmlTextWriterEndElement(x->w));
}

/* An XML attribute; the value is cleaned. */
static void attr(gexf *x, const char *name, const char *value)
{
	ent_buf_clear(&x->clean);
	ent_export_clean(&x->clean, value, 1);
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name,
					     (const xmlChar *)x->clean.data));
}

static void attr_long(gexf *x, const char *name, long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", v);
	attr(x, name, num);
}

/* <attvalue for="name" value="value"/> */
static void attvalue(gexf *x, const char *name, const char *value)
{
	start(x, "attvalue");
	attr(x, "for", name);
	attr(x, "value", value);
	end(x);
}

static void attvalue_long(gexf *x, const char *name, long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", v);
	attvalue(x, name, num);
}

static void declare(gexf *x, const char *cls, const char *const (*attrs)[2], size_t n)
{
	start(x, "attributes");
	attr(x, "class", cls);
	attr(x, "mode", "static");
	for (size_t i = 0; i < n; i++) {
		start(x, "attribute");
		attr(x, "id", attrs[i][0]);
		attr(x, "title", attrs[i][0]);
		attr(x, "type", attrs[i][1]);
		end(x);
	}
	end(x);
}

static void write_nodes(gexf *x, const ent_graph *g, const ent_export_names *nm)
{
	start(x, "nodes");
	attr_long(x, "count", (long)nm->n_nodes);
	for (size_t i = 0; i < nm->n_nodes && !x->failed; i++) {
		const ent_node *n = ent_graph_node(g, i);
		start(x, "node");
		attr(x, "id", nm->node[i]);
		attr(x, "label", n->name);
		start(x, "attvalues");
		attvalue(x, "type", ent_type_name(n->type));
		attvalue(x, "key", n->key);
		attvalue(x, "aliases", n->aliases);
		attvalue_long(x, "mentions", n->mentions);
		end(x);
		end(x);
	}
	end(x);
}

static void write_edges(gexf *x, const ent_graph *g, const ent_export_names *nm)
{
	char id[32];

	start(x, "edges");
	attr_long(x, "count", (long)nm->n_edges);
	for (size_t i = 0; i < nm->n_edges && !x->failed; i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		snprintf(id, sizeof(id), "e%zu", i);
		start(x, "edge");
		attr(x, "id", id);
		attr(x, "source", nm->node[e->from]);
		attr(x, "target", nm->node[e->to]);
		attr(x, "label", ent_rel_name(e->rel));
		attr(x, "kind", nm->edge[i]);
		attr_long(x, "weight", e->weight);
		start(x, "attvalues");
		attvalue(x, "relation", ent_rel_name(e->rel));
		attvalue_long(x, "hedged", e->hedged);
		attvalue(x, "symmetric", ent_rel_symmetric(e->rel) ? "true" : "false");
		attvalue(x, "years", e->years);
		attvalue(x, "evidence", e->evidence);
		attvalue(x, "doc", e->doc);
		attvalue_long(x, "line", e->line);
		attvalue(x, "rule", e->rule);
		end(x);
		end(x);
	}
	end(x);
}

/* libxml2 reports a failed write on stderr by itself; the library never
 * prints, so its messages are dropped while we write (the failure is
 * still seen in the writer's return codes). */
static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static ent_status write_gexf(const ent_graph *g, const ent_export_names *nm, FILE *fp,
			     ent_error *err);

ent_status ent_export_gexf(const ent_graph *g, const ent_export_names *nm, FILE *fp,
			   ent_error *err)
{
	xmlGenericErrorFunc generic = xmlGenericError;
	void *generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc structured = xmlStructuredError;
	void *structured_ctx = xmlStructuredErrorContext;
	ent_status st;

	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	st = write_gexf(g, nm, fp, err);
	xmlSetGenericErrorFunc(generic_ctx, generic);
	xmlSetStructuredErrorFunc(structured_ctx, structured);
	return st;
}

static ent_status write_gexf(const ent_graph *g, const ent_export_names *nm, FILE *fp,
			     ent_error *err)
{
	xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(fp, NULL);
	gexf x = { NULL, { NULL, 0, 0 }, 0 };

	if (!ob || !(x.w = xmlNewTextWriter(ob))) {
		if (ob)
			xmlOutputBufferClose(ob);
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "cannot start the GEXF writer");
	}
	ent_buf_init(&x.clean);
	check(&x, xmlTextWriterSetIndent(x.w, 1));
	check(&x, xmlTextWriterSetIndentString(x.w, (const xmlChar *)"  "));
	check(&x, xmlTextWriterStartDocument(x.w, NULL, "UTF-8", NULL));
	start(&x, "gexf");
	attr(&x, "xmlns", GEXF_NS);
	attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	attr(&x, "xsi:schemaLocation", GEXF_NS " " GEXF_NS "/gexf.xsd");
	attr(&x, "version", "1.3");
	start(&x, "meta");
	check(&x, xmlTextWriterWriteElement(x.w, (const xmlChar *)"creator",
					    (const xmlChar *)"entente " ENTENTE_VERSION));
	check(&x, xmlTextWriterWriteElement(x.w, (const xmlChar *)"description",
					    (const xmlChar *)"entities and the relations the documents "
							     "state, with their evidence"));
	end(&x);
	start(&x, "graph");
	attr(&x, "defaultedgetype", "directed");
	attr(&x, "mode", "static");
	declare(&x, "node", node_attrs, sizeof(node_attrs) / sizeof(node_attrs[0]));
	declare(&x, "edge", edge_attrs, sizeof(edge_attrs) / sizeof(edge_attrs[0]));
	write_nodes(&x, g, nm);
	write_edges(&x, g, nm);
	check(&x, xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w); /* flushes into fp, which stays open */
	ent_buf_release(&x.clean);
	if (x.failed || ferror(fp))
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0, "write error");
	return ENT_OK;
}
