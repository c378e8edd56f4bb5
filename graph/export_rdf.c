/*
 * RDF 1.1: N-Triples and Turtle, written by hand. The vocabulary is small
 * and fixed (IRIs we mint, plain strings, integers and years), so the
 * escaping the two grammars need fits in a few functions that follow the
 * specifications' productions: IRIREF for IRIs (every character of a key
 * outside the unreserved set percent-encoded), STRING_LITERAL_QUOTE with
 * ECHAR and UCHAR escapes for text. Invalid UTF-8 becomes U+FFFD.
 *
 * Three namespaces under one base: entities (BASE"entity/" + node id),
 * relations (BASE"relation/" + relation name, one property each; the
 * symmetric one declared an owl:SymmetricProperty) and terms
 * (BASE"vocab/": the entity classes and the properties below). Each edge
 * is one triple, and is reified once as an rdf:Statement carrying its
 * evidence: weight, hedged count, years (xsd:gYear), the first sentence
 * with its document, line and rule.
 */
#include <string.h>

#include "entente/entente.h"
#include "export.h"
#include "model.h"

enum ns { NS_ENTITY, NS_REL, NS_VOCAB, NS_RDF, NS_RDFS, NS_XSD, NS_OWL, NS_COUNT };

static const char *const ns_fixed[NS_COUNT] = {
	[NS_RDF] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	[NS_RDFS] = "http://www.w3.org/2000/01/rdf-schema#",
	[NS_XSD] = "http://www.w3.org/2001/XMLSchema#",
	[NS_OWL] = "http://www.w3.org/2002/07/owl#",
};
static const char *const ns_local[NS_COUNT] = {
	[NS_ENTITY] = "entity/", [NS_REL] = "relation/", [NS_VOCAB] = "vocab/",
};
static const char *const ns_prefix[NS_COUNT] = {
	[NS_ENTITY] = "e", [NS_REL] = "rel", [NS_VOCAB] = "v", [NS_RDF] = "rdf",
	[NS_RDFS] = "rdfs", [NS_XSD] = "xsd", [NS_OWL] = "owl",
};

/* Entity classes, by ent_type. */
static const char *const classes[ENT_TYPE_COUNT] = {
	"Country", "Organization", "Agreement", "Event", "Program", "Place", "Person",
};

typedef struct rdf {
	FILE *fp;
	int turtle;
	const char *base;
	ent_buf line;    /* the statement being written */
	ent_buf subject; /* its subject term */
	ent_buf clean;
	int open;        /* Turtle: a subject's predicate list is open */
} rdf;

/* ---- terms ---- */

/* RFC 3986 unreserved characters, and ':' which keys use ("org:AU"). */
static int iri_plain(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~' || c == ':';
}

/* An IRI in namespace `ns`: <...> in full, or prefix:local in Turtle for
 * our own fixed names (`encode` 0), which are valid local names. */
static void iri(rdf *r, ent_buf *b, enum ns ns, const char *local, int encode)
{
	static const char hex[] = "0123456789ABCDEF";

	if (r->turtle && !encode) {
		ent_buf_printf(b, "%s:%s", ns_prefix[ns], local);
		return;
	}
	ent_buf_addc(b, '<');
	if (ns_fixed[ns])
		ent_buf_adds(b, ns_fixed[ns]);
	else {
		ent_buf_adds(b, r->base);
		ent_buf_adds(b, ns_local[ns]);
	}
	for (const unsigned char *p = (const unsigned char *)local; *p; p++) {
		if (!encode || iri_plain(*p))
			ent_buf_addc(b, (char)*p);
		else {
			ent_buf_addc(b, '%');
			ent_buf_addc(b, hex[*p >> 4]);
			ent_buf_addc(b, hex[*p & 15]);
		}
	}
	ent_buf_addc(b, '>');
}

/* A string literal: STRING_LITERAL_QUOTE, the same in both syntaxes. */
static void literal(rdf *r, ent_buf *b, const char *s)
{
	ent_buf_clear(&r->clean);
	ent_export_clean(&r->clean, s, 0);
	ent_buf_addc(b, '"');
	for (size_t i = 0; i < r->clean.len; i++) {
		unsigned char c = (unsigned char)r->clean.data[i];
		switch (c) {
		case '"': ent_buf_adds(b, "\\\""); break;
		case '\\': ent_buf_adds(b, "\\\\"); break;
		case '\n': ent_buf_adds(b, "\\n"); break;
		case '\r': ent_buf_adds(b, "\\r"); break;
		case '\t': ent_buf_adds(b, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				ent_buf_printf(b, "\\u%04X", c);
			else
				ent_buf_addc(b, (char)c);
		}
	}
	ent_buf_addc(b, '"');
}

static void typed(rdf *r, ent_buf *b, const char *lexical, const char *type)
{
	ent_buf_printf(b, "\"%s\"^^", lexical);
	iri(r, b, NS_XSD, type, 0);
}

static void integer(rdf *r, ent_buf *b, long v)
{
	char num[32];

	snprintf(num, sizeof(num), "%ld", v);
	typed(r, b, num, "integer");
}

/* ---- statements ---- */

static void flush_line(rdf *r)
{
	fwrite(r->line.data, 1, r->line.len, r->fp);
	ent_buf_clear(&r->line);
}

static void end_subject(rdf *r)
{
	if (r->turtle && r->open) {
		ent_buf_adds(&r->line, " .\n");
		flush_line(r);
	}
	r->open = 0;
}

/* Start the statements about a subject: the term is built by the caller
 * in r->subject. */
static void begin_subject(rdf *r)
{
	end_subject(r);
}

/* One (predicate, object) of the current subject; `object` is a term. */
static void say(rdf *r, enum ns pns, const char *pred, const ent_buf *object)
{
	if (r->turtle && r->open) {
		ent_buf_adds(&r->line, " ;\n    ");
	} else {
		ent_buf_add(&r->line, r->subject.data, r->subject.len);
		ent_buf_addc(&r->line, ' ');
	}
	iri(r, &r->line, pns, pred, 0);
	ent_buf_addc(&r->line, ' ');
	ent_buf_add(&r->line, object->data, object->len);
	if (!r->turtle) {
		ent_buf_adds(&r->line, " .\n");
		flush_line(r);
	}
	r->open = 1;
}

/* Shorthands building the object term in `o` first. */
static void say_iri(rdf *r, enum ns pns, const char *pred, enum ns ons, const char *local,
		    int encode, ent_buf *o)
{
	ent_buf_clear(o);
	iri(r, o, ons, local, encode);
	say(r, pns, pred, o);
}

static void say_text(rdf *r, enum ns pns, const char *pred, const char *text, ent_buf *o)
{
	ent_buf_clear(o);
	literal(r, o, text);
	say(r, pns, pred, o);
}

static void say_int(rdf *r, const char *pred, long v, ent_buf *o)
{
	ent_buf_clear(o);
	integer(r, o, v);
	say(r, NS_VOCAB, pred, o);
}

/* ---- the graph ---- */

/* An absolute IRI (scheme ':' ...) of printable ASCII without the
 * characters IRIREF excludes, ending where a name can follow. */
static int base_ok(const char *b)
{
	size_t n = strlen(b), i = 0;

	if (!((b[0] | 32) >= 'a' && (b[0] | 32) <= 'z'))
		return 0;
	while (((b[i] | 32) >= 'a' && (b[i] | 32) <= 'z') || (b[i] >= '0' && b[i] <= '9') ||
	       b[i] == '+' || b[i] == '-' || b[i] == '.')
		i++;
	if (b[i] != ':')
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)b[i] <= 0x20 || (unsigned char)b[i] >= 0x7F ||
		    strchr("<>\"{}|^`\\", b[i]))
			return 0;
	return b[n - 1] == '/' || b[n - 1] == '#' || b[n - 1] == ':';
}

static void prefixes(rdf *r)
{
	for (int ns = 0; ns < NS_COUNT; ns++) {
		ent_buf_printf(&r->line, "@prefix %s: <%s%s> .\n", ns_prefix[ns],
			       ns_fixed[ns] ? ns_fixed[ns] : r->base,
			       ns_fixed[ns] ? "" : ns_local[ns]);
	}
	ent_buf_addc(&r->line, '\n');
	flush_line(r);
}

/* The classes and relation properties the graph uses. */
static void vocabulary(rdf *r, const ent_graph *g, ent_buf *o)
{
	unsigned types = 0, rels = 0;

	for (size_t i = 0; i < ent_graph_node_count(g); i++)
		types |= 1u << ent_graph_node(g, i)->type;
	for (size_t i = 0; i < ent_graph_edge_count(g); i++)
		rels |= 1u << ent_graph_edge(g, i)->rel;
	for (int t = 0; t < ENT_TYPE_COUNT; t++) {
		if (!(types & (1u << t)))
			continue;
		begin_subject(r);
		ent_buf_clear(&r->subject);
		iri(r, &r->subject, NS_VOCAB, classes[t], 0);
		say_iri(r, NS_RDF, "type", NS_RDFS, "Class", 0, o);
		say_text(r, NS_RDFS, "label", ent_type_name((ent_type)t), o);
	}
	for (int k = 0; k < ENT_REL_COUNT; k++) {
		if (!(rels & (1u << k)))
			continue;
		begin_subject(r);
		ent_buf_clear(&r->subject);
		iri(r, &r->subject, NS_REL, ent_rel_name((ent_rel)k), 0);
		say_iri(r, NS_RDF, "type", NS_RDF, "Property", 0, o);
		if (ent_rel_symmetric((ent_rel)k))
			say_iri(r, NS_RDF, "type", NS_OWL, "SymmetricProperty", 0, o);
		say_text(r, NS_RDFS, "label", ent_rel_name((ent_rel)k), o);
	}
}

static void nodes(rdf *r, const ent_graph *g, const ent_export_names *nm, ent_buf *o)
{
	for (size_t i = 0; i < nm->n_nodes; i++) {
		const ent_node *n = ent_graph_node(g, i);
		size_t pos = 0, len;
		const char *s;
		begin_subject(r);
		ent_buf_clear(&r->subject);
		iri(r, &r->subject, NS_ENTITY, nm->node[i], 1);
		say_iri(r, NS_RDF, "type", NS_VOCAB, classes[n->type], 0, o);
		say_text(r, NS_RDFS, "label", n->name, o);
		say_text(r, NS_VOCAB, "key", n->key, o);
		while (ent_alias_next(n->aliases ? n->aliases : "", &pos, &s, &len)) {
			char *one = ent_xstrndup(s, len);
			say_text(r, NS_VOCAB, "alias", one, o);
			free(one);
		}
		say_int(r, "mentions", n->mentions, o);
	}
}

static void edges(rdf *r, const ent_graph *g, const ent_export_names *nm, ent_buf *o)
{
	for (size_t i = 0; i < nm->n_edges; i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		const char *rel = ent_rel_name(e->rel);
		size_t pos = 0;
		long y;
		/* the relation itself */
		begin_subject(r);
		ent_buf_clear(&r->subject);
		iri(r, &r->subject, NS_ENTITY, nm->node[e->from], 1);
		say_iri(r, NS_REL, rel, NS_ENTITY, nm->node[e->to], 1, o);
		/* and its evidence, on the reified statement */
		begin_subject(r);
		ent_buf_clear(&r->subject);
		ent_buf_printf(&r->subject, "_:r%zu", i);
		say_iri(r, NS_RDF, "type", NS_RDF, "Statement", 0, o);
		say_iri(r, NS_RDF, "subject", NS_ENTITY, nm->node[e->from], 1, o);
		say_iri(r, NS_RDF, "predicate", NS_REL, rel, 0, o);
		say_iri(r, NS_RDF, "object", NS_ENTITY, nm->node[e->to], 1, o);
		say_int(r, "weight", e->weight, o);
		say_int(r, "hedged", e->hedged, o);
		while (ent_export_next_year(e->years, &pos, &y)) {
			char lex[32];
			snprintf(lex, sizeof(lex), y < 0 ? "-%04ld" : "%04ld", y < 0 ? -y : y);
			ent_buf_clear(o);
			typed(r, o, lex, "gYear");
			say(r, NS_VOCAB, "year", o);
		}
		say_text(r, NS_VOCAB, "evidence", e->evidence, o);
		say_text(r, NS_VOCAB, "doc", e->doc, o);
		say_int(r, "line", e->line, o);
		say_text(r, NS_VOCAB, "rule", e->rule, o);
	}
	end_subject(r);
}

ent_status ent_export_rdf(const ent_graph *g, const ent_export_names *nm, const char *base,
			  int turtle, FILE *fp, ent_error *err)
{
	rdf r;
	ent_buf o;

	if (!base)
		base = ENT_EXPORT_DEFAULT_BASE;
	if (!base_ok(base))
		return ent_error_set(err, ENT_ERR_USAGE, "", 0,
				     "base IRI '%s' must be absolute (scheme:...), without spaces "
				     "or <>\"{}|^`\\, and end in '/', '#' or ':'",
				     base);
	memset(&r, 0, sizeof(r));
	r.fp = fp;
	r.turtle = turtle;
	r.base = base;
	ent_buf_init(&r.line);
	ent_buf_init(&r.subject);
	ent_buf_init(&r.clean);
	ent_buf_init(&o);
	if (turtle)
		prefixes(&r);
	vocabulary(&r, g, &o);
	nodes(&r, g, nm, &o);
	edges(&r, g, nm, &o);
	end_subject(&r);
	flush_line(&r);
	ent_buf_release(&r.line);
	ent_buf_release(&r.subject);
	ent_buf_release(&r.clean);
	ent_buf_release(&o);
	return ENT_OK;
}
