/*
 * Unit tests of render/: formats, SVG structure (parsed with libxml2),
 * escaping of hostile names, DOT that Graphviz re-reads, byte-identical
 * reruns, and the error paths (unknown format, unwritable output, no
 * partial file). Graphs are built from small hand-made corpora.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "tests.h"
#include "util.h"
#include "entente/graph.h"
#include "entente/render.h"
#include "../render/gv.h"
#include "../render/text.h"

#define XLINK_NS "http://www.w3.org/1999/xlink"

static char tmpdir[64];

static void setup(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/entente-render-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *de;
	char path[512];

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmpdir, de->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(tmpdir);
}

/* A path in the test's directory; static rotating buffers. */
static const char *tpath(const char *name)
{
	static char bufs[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(bufs[k], sizeof(bufs[k]), "%s/%s", tmpdir, name);
	return bufs[k];
}

static size_t dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL)
		n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
	closedir(d);
	return n;
}

static char *slurp(const char *path, size_t *len)
{
	char *data;
	ent_error err;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_read_file(path, 64u << 20, &data, len, &err), ENT_OK);
	return data;
}

/* --- small corpora ---------------------------------------------------- */

typedef struct fixture {
	ent_entity ents[8];
	ent_relation rels[8];
	ent_corpus corpus;
} fixture;

static const char *const china_aliases[] = { "PRC", "People's Republic of China" };

static void add_entity(fixture *f, ent_type t, const char *name, const char *key,
		       size_t mentions)
{
	ent_entity *e = &f->ents[f->corpus.n_entities++];

	e->type = t;
	e->name = name;
	e->key = key;
	e->mentions = mentions;
}

static void add_relation(fixture *f, size_t s, ent_rel r, size_t o, int year,
			 const char *sentence)
{
	ent_relation *x = &f->rels[f->corpus.n_relations++];

	x->subject = s;
	x->object = o;
	x->rel = r;
	x->year = year;
	x->ev.doc = "paper.txt";
	x->ev.line = (long)f->corpus.n_relations;
	x->ev.sentence = sentence;
	x->ev.rule = "test";
}

static void fixture_init(fixture *f)
{
	memset(f, 0, sizeof(*f));
	f->corpus.entities = f->ents;
	f->corpus.relations = f->rels;
	f->corpus.n_documents = 1;
}

/* Five entities of four types, four relations of four kinds (one of them
 * stated twice). Entities sorted by (type, name), as a corpus is. */
static ent_graph *small_graph(void)
{
	static fixture f;
	ent_error err;
	ent_graph *g;

	fixture_init(&f);
	add_entity(&f, ENT_TYPE_COUNTRY, "China", "CHN", 12);
	f.ents[0].aliases = china_aliases;
	f.ents[0].n_aliases = 2;
	add_entity(&f, ENT_TYPE_COUNTRY, "Russia", "RUS", 5);
	add_entity(&f, ENT_TYPE_ORGANIZATION, "Shanghai Cooperation Organization",
		   "organization:shanghai cooperation organization", 4);
	add_entity(&f, ENT_TYPE_AGREEMENT, "Astana Declaration", "agreement:astana declaration", 2);
	add_entity(&f, ENT_TYPE_EVENT, "World Internet Conference",
		   "event:world internet conference", 3);
	add_relation(&f, 0, ENT_REL_COOPERATES_WITH, 1, 2015, "China and Russia cooperate.");
	add_relation(&f, 0, ENT_REL_COOPERATES_WITH, 1, 2017, "China and Russia cooperate again.");
	add_relation(&f, 0, ENT_REL_MEMBER_OF, 2, 0, "China is an SCO member.");
	add_relation(&f, 2, ENT_REL_ADOPTED, 3, 2017, "The SCO adopted the Astana Declaration.");
	add_relation(&f, 0, ENT_REL_HOSTED, 4, 2014, "China hosted the World Internet Conference.");
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f.corpus, &err);
	ck_assert_msg(g != NULL, "graph: %s", err.msg);
	return g;
}

#define EVIL_NAME "Say \"hi\" <script>alert(1)</script> & 'x' ]]> &#1; &amp; \\N \\"

/* Names built to break every layer: XML, DOT quoting, Graphviz escapes
 * and entities, control characters, invalid UTF-8, bidi overrides. */
static ent_graph *evil_graph(void)
{
	static fixture f;
	static char big[20000];
	ent_error err;
	ent_graph *g;

	memset(big, 'x', sizeof(big) - 1);
	for (size_t i = 0; i + 1 < sizeof(big); i += 7)
		big[i] = (i % 2) ? ' ' : '\\';
	big[sizeof(big) - 1] = '\0';
	fixture_init(&f);
	add_entity(&f, ENT_TYPE_COUNTRY, EVIL_NAME, "X\"><script>", 1);
	add_entity(&f, ENT_TYPE_ORGANIZATION, "Ctl\x01\x1b[31m bad\xC0\x80utf\xED\xA0\x80 \xE2\x80\xAE" "evil",
		   "organization:\xF4\x90\x80\x80", 2);
	add_entity(&f, ENT_TYPE_PERSON, big, "person:big", 3);
	add_relation(&f, 0, ENT_REL_SIGNED, 1, 0, "<script>alert(2)</script> \x01 \\ &#0; \"q\"");
	add_relation(&f, 2, ENT_REL_MEMBER_OF, 1, 2020, big);
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f.corpus, &err);
	ck_assert_msg(g != NULL, "graph: %s", err.msg);
	return g;
}

static ent_render_options options(const char *format, const char *layout)
{
	ent_render_options opt;

	memset(&opt, 0, sizeof(opt));
	opt.format = format;
	opt.layout = layout;
	opt.title = "Test graph";
	return opt;
}

static ent_status render_opt(const ent_graph *g, const ent_render_options *opt,
			     const char *path, ent_error *err)
{
	ent_error_clear(err);
	return ent_render(g, opt, path, err);
}

static ent_status render_to(const ent_graph *g, const char *format,
			    const char *layout, const char *path, ent_error *err)
{
	ent_render_options opt = options(format, layout);

	return render_opt(g, &opt, path, err);
}

/* --- SVG inspection ----------------------------------------------------- */

typedef struct svg_stats {
	size_t entity_nodes, legend_nodes, entity_edges, legend_edges;
	size_t scripts, handlers, javascript;
	size_t with_tooltip, titles;
} svg_stats;

static int has_class(xmlNode *n, const char *first, const char *word)
{
	xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
	int ok = 0;

	if (cls) {
		size_t k = strlen(first);
		ok = !strncmp((const char *)cls, first, k) &&
		     (cls[k] == '\0' || cls[k] == ' ') &&
		     (!word || strstr((const char *)cls, word));
		xmlFree(cls);
	}
	return ok;
}

static void walk(xmlNode *n, svg_stats *s)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlStrcasecmp(n->name, (const xmlChar *)"script"))
			s->scripts++;
		for (xmlAttr *a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNode *)a);
			if (!xmlStrncasecmp(a->name, (const xmlChar *)"on", 2))
				s->handlers++;
			if (v && strstr((const char *)v, "javascript:"))
				s->javascript++;
			if (!xmlStrcmp(a->name, (const xmlChar *)"title") && a->ns &&
			    !xmlStrcmp(a->ns->href, (const xmlChar *)XLINK_NS))
				s->with_tooltip++;
			xmlFree(v);
		}
		if (!xmlStrcmp(n->name, (const xmlChar *)"title"))
			s->titles++;
		if (!xmlStrcmp(n->name, (const xmlChar *)"g")) {
			if (has_class(n, "node", "legend"))
				s->legend_nodes++;
			else if (has_class(n, "node", NULL))
				s->entity_nodes++;
			else if (has_class(n, "edge", "legend"))
				s->legend_edges++;
			else if (has_class(n, "edge", NULL))
				s->entity_edges++;
		}
		walk(n->children, s);
	}
}

static xmlDoc *parse_svg(const char *path)
{
	xmlDoc *doc = xmlReadFile(path, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ck_assert_msg(doc != NULL, "%s is not well-formed XML", path);
	return doc;
}

static svg_stats svg_check(const char *path)
{
	svg_stats s;
	xmlDoc *doc = parse_svg(path);

	memset(&s, 0, sizeof(s));
	walk(xmlDocGetRootElement(doc), &s);
	xmlFreeDoc(doc);
	ck_assert_uint_eq(s.scripts, 0);
	ck_assert_uint_eq(s.handlers, 0);
	ck_assert_uint_eq(s.javascript, 0);
	return s;
}

/* The element with that id, or NULL. */
static xmlNode *by_id(xmlNode *n, const char *id)
{
	for (; n; n = n->next) {
		xmlNode *hit;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
		int eq = v && !strcmp((const char *)v, id);
		xmlFree(v);
		if (eq)
			return n;
		if ((hit = by_id(n->children, id)) != NULL)
			return hit;
	}
	return NULL;
}

/* Append the <text> children of `n`, one line each. */
static void texts_of(xmlNode *n, ent_buf *text)
{
	for (xmlNode *x = n->children; x; x = x->next) {
		if (x->type == XML_ELEMENT_NODE && !xmlStrcmp(x->name, (const xmlChar *)"text")) {
			xmlChar *s = xmlNodeGetContent(x);
			ent_buf_adds(text, (const char *)s);
			ent_buf_addc(text, '\n');
			xmlFree(s);
		}
	}
}

/* All text and the tooltip of the element with that id: its texts are
 * inside <g><a xlink:title> when it has a tooltip, else right under it. */
static void element_text(xmlDoc *doc, const char *id, ent_buf *text, ent_buf *tip)
{
	xmlNode *n = by_id(xmlDocGetRootElement(doc), id);
	xmlNode *a;

	ck_assert_msg(n != NULL, "no element with id '%s'", id);
	texts_of(n, text);
	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || xmlStrcmp(c->name, (const xmlChar *)"g"))
			continue;
		for (a = c->children; a; a = a->next) {
			if (a->type != XML_ELEMENT_NODE || xmlStrcmp(a->name, (const xmlChar *)"a"))
				continue;
			xmlChar *t = xmlGetNsProp(a, (const xmlChar *)"title", (const xmlChar *)XLINK_NS);
			if (t)
				ent_buf_adds(tip, (const char *)t);
			xmlFree(t);
			texts_of(a, text);
		}
	}
	if (!text->data)
		ent_buf_adds(text, "");
}

/* PNG and PDF go through pango and fontconfig, which lose some of their
 * font patterns (valgrind reports them too: tests/valgrind.supp). Under
 * AddressSanitizer LeakSanitizer reports them; this hook (read by LSan at startup, for the whole test binary) ignores
 * leaks allocated inside the font libraries only. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ENT_TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define ENT_TEST_ASAN 1
#endif
#ifdef ENT_TEST_ASAN
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
	return "print_suppressions=0";
}

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:libpango-1.0.so\nleak:libpangoft2-1.0.so\n"
	       "leak:libpangocairo-1.0.so\nleak:libcairo.so\n";
}
#endif

static int have_dot(void)
{
	return system("command -v dot >/dev/null 2>&1") == 0;
}

/* --- larger graphs ------------------------------------------------------ */

/* A graph of `n` organizations made with `link(i, &from, &to, &rel)` for
 * i in [0, m): free the graph with ent_graph_free(), then the arrays with
 * made_free(). */
typedef struct made {
	ent_entity *ents;
	ent_relation *rels;
	char (*names)[32];
	char (*keys)[48];
} made;

typedef int (*link_fn)(size_t i, size_t n, size_t *from, size_t *to, ent_rel *rel);

static ent_graph *make_graph(size_t n, size_t m, link_fn link, made *mk)
{
	ent_corpus c;
	ent_error err;
	ent_graph *g;
	size_t k = 0;

	mk->ents = ent_xcalloc(n, sizeof(*mk->ents));
	mk->rels = ent_xcalloc(m ? m : 1, sizeof(*mk->rels));
	mk->names = ent_xcalloc(n, sizeof(*mk->names));
	mk->keys = ent_xcalloc(n, sizeof(*mk->keys));
	for (size_t i = 0; i < n; i++) {
		snprintf(mk->names[i], sizeof(mk->names[i]), "Org %04zu", i);
		snprintf(mk->keys[i], sizeof(mk->keys[i]), "organization:org %04zu", i);
		mk->ents[i] = (ent_entity){ ENT_TYPE_ORGANIZATION, mk->names[i], mk->keys[i], NULL, 0, 1 };
	}
	for (size_t i = 0; i < m; i++) {
		ent_relation *r = &mk->rels[k];

		if (!link(i, n, &r->subject, &r->object, &r->rel))
			continue;
		r->ev.doc = "d";
		r->ev.line = (long)i + 1;
		r->ev.sentence = "s";
		r->ev.rule = "r";
		k++;
	}
	c = (ent_corpus){ mk->ents, n, mk->rels, k, 1 };
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&c, &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	return g;
}

static void made_free(made *mk)
{
	free(mk->ents);
	free(mk->rels);
	free(mk->names);
	free(mk->keys);
}

/* A binary tree of cooperation (undirected). */
static int tree_link(size_t i, size_t n, size_t *from, size_t *to, ent_rel *rel)
{
	(void)n;
	*from = i / 2;
	*to = i + 1;
	*rel = ENT_REL_COOPERATES_WITH;
	return 1;
}

/* The same tree, of a directed relation. */
static int dtree_link(size_t i, size_t n, size_t *from, size_t *to, ent_rel *rel)
{
	tree_link(i, n, from, to, rel);
	*rel = ENT_REL_MEMBER_OF;
	return 1;
}

/* A star: node 0 cooperates with every other. */
static int star_link(size_t i, size_t n, size_t *from, size_t *to, ent_rel *rel)
{
	(void)n;
	*from = 0;
	*to = i + 1;
	*rel = ENT_REL_COOPERATES_WITH;
	return 1;
}

/* Pseudo-random directed edges (a fixed LCG), which dot lays out slowly. */
static int random_link(size_t i, size_t n, size_t *from, size_t *to, ent_rel *rel)
{
	unsigned long x = (unsigned long)i * 2654435761u + 12345u;

	*from = (size_t)(x % n);
	*to = (size_t)((x / n + i * 7) % n);
	*rel = (i % 3) ? ENT_REL_MEMBER_OF : ENT_REL_SIGNED;
	return *from != *to;
}

/* Graphviz 2.42 leaks inside sfdp and twopi overlap removal, dot's
 * packing of components, and clusters (see render/scene.c and the
 * README). Tests of those lay out in a child process, as the CLI does, so
 * that the leaks die with it (_exit runs no leak check: LeakSanitizer
 * stays quiet; valgrind checks the child, with Graphviz's own leaks
 * suppressed by tests/valgrind.supp). Memory errors and other leaks in
 * the child still fail the test: under ASan it sends no result, under
 * valgrind its exit status fails the layout. */
static unsigned leak_safe_timeout(void)
{
	return 600;
}

static char *dot_of(const ent_graph *g, const ent_render_options *opt)
{
	ent_render_options o = *opt;
	ent_error err;
	size_t len;

	o.format = "dot";
	ck_assert_msg(render_opt(g, &o, tpath("of.dot"), &err) == ENT_OK, "%s", err.msg);
	return slurp(tpath("of.dot"), &len);
}

/* The value of attribute `name` in the DOT statement of node `id`. */
static char *dot_node_attr(const char *dot, const char *id, const char *name)
{
	char key[128], *p, *end, *out;
	size_t n;

	snprintf(key, sizeof(key), "\t\"%s\"\t[", id);
	p = strstr(dot, key);
	if (!p) {
		snprintf(key, sizeof(key), "\t%s\t[", id);
		p = strstr(dot, key);
	}
	ck_assert_msg(p != NULL, "no node %s", id);
	end = strstr(p, "];");
	ck_assert_ptr_nonnull(end);
	snprintf(key, sizeof(key), "%s=", name);
	for (char *q = p; (q = strstr(q, key)) != NULL && q < end; q++) {
		if (q[-1] != '\t' && q[-1] != ' ' && q[-1] != '[')
			continue;
		q += strlen(key);
		n = strcspn(q, ",\n]");
		out = ent_xstrndup(q, n);
		return out;
	}
	return NULL;
}

/* --- tests ---------------------------------------------------------------- */

START_TEST(format_from_extension)
{
	ck_assert_str_eq(ent_render_format_for("kg.svg"), "svg");
	ck_assert_str_eq(ent_render_format_for("out/kg.SVG"), "svg");
	ck_assert_str_eq(ent_render_format_for("kg.dot"), "dot");
	ck_assert_str_eq(ent_render_format_for("kg.gv"), "dot");
	ck_assert_str_eq(ent_render_format_for("kg.png"), "png");
	ck_assert_str_eq(ent_render_format_for("a.b/kg.pdf"), "pdf");
	ck_assert_ptr_null(ent_render_format_for("kg.txt"));
	ck_assert_ptr_null(ent_render_format_for("kg"));
	ck_assert_ptr_null(ent_render_format_for("a.svg/kg"));
	ck_assert_ptr_null(ent_render_format_for("-"));
	ck_assert_ptr_null(ent_render_format_for(NULL));
}
END_TEST

/* Count the <title> children of entity nodes and edges. */
static size_t entity_titles(xmlNode *n)
{
	size_t k = 0;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlStrcmp(n->name, (const xmlChar *)"g") &&
		    (has_class(n, "node", NULL) || has_class(n, "edge", NULL)) &&
		    !has_class(n, "node", "legend") && !has_class(n, "edge", "legend"))
			for (xmlNode *c = n->children; c; c = c->next)
				k += c->type == XML_ELEMENT_NODE &&
				     !xmlStrcmp(c->name, (const xmlChar *)"title");
		k += entity_titles(n->children);
	}
	return k;
}

START_TEST(svg_structure)
{
	static const char *const legend_ids[] = {
		"legend-frame", "legend-title", "legend-type-country",
		"legend-type-organization", "legend-type-agreement", "legend-type-event",
		"legend-rel-cooperates_with", "legend-rel-member_of", "legend-rel-adopted",
		"legend-rel-hosted", "legend-widths", "legend-width-label-1",
		"legend-width-label-2", "legend-sizes", "legend-size-1", "legend-size-2",
	};
	ent_graph *g = small_graph();
	ent_render_options opt = options(NULL, NULL);
	ent_error err;
	ent_buf text, tip;
	svg_stats s;
	xmlDoc *doc;

	opt.caption = "From paper.txt\nSecond line";
	ck_assert_int_eq(render_opt(g, &opt, tpath("kg.svg"), &err), ENT_OK);
	s = svg_check(tpath("kg.svg"));
	ck_assert_uint_eq(s.entity_nodes, ent_graph_node_count(g));
	ck_assert_uint_eq(s.entity_edges, ent_graph_edge_count(g));
	ck_assert_uint_ge(s.legend_nodes, sizeof(legend_ids) / sizeof(legend_ids[0]));
	ck_assert_uint_eq(s.legend_edges, 4 + 2); /* relations, two widths */
	ck_assert_uint_ge(s.with_tooltip, s.entity_nodes + s.entity_edges);

	ent_buf_init(&text);
	ent_buf_init(&tip);
	doc = parse_svg(tpath("kg.svg"));
	ck_assert_uint_eq(entity_titles(xmlDocGetRootElement(doc)),
			  ent_graph_node_count(g) + ent_graph_edge_count(g));
	element_text(doc, "n-CHN", &text, &tip);
	ck_assert_str_eq(text.data, "China\n");
	ck_assert_ptr_nonnull(strstr(tip.data, "China (country)"));
	ck_assert_ptr_nonnull(strstr(tip.data, "PRC, People's Republic of China"));
	ck_assert_ptr_nonnull(strstr(tip.data, "12 mentions"));
	ck_assert_ptr_nonnull(strstr(tip.data, "PageRank 0."));
	ent_buf_clear(&text);
	ent_buf_clear(&tip);
	element_text(doc, "e-CHN-cooperates_with-RUS", &text, &tip);
	ck_assert_ptr_nonnull(strstr(tip.data, "China cooperates_with Russia"));
	ck_assert_ptr_nonnull(strstr(tip.data, "2 sentences; 2015, 2017"));
	ck_assert_ptr_nonnull(strstr(tip.data, "China and Russia cooperate."));
	for (size_t i = 0; i < sizeof(legend_ids) / sizeof(legend_ids[0]); i++)
		ck_assert_msg(by_id(xmlDocGetRootElement(doc), legend_ids[i]) != NULL,
			      "no %s", legend_ids[i]);
	ck_assert_ptr_null(by_id(xmlDocGetRootElement(doc), "legend-type-person"));
	ck_assert_ptr_null(by_id(xmlDocGetRootElement(doc), "unlinked-heading"));
	/* The caption: its lines, then the counts. */
	ent_buf_clear(&text);
	ent_buf_clear(&tip);
	element_text(doc, "caption", &text, &tip);
	ck_assert_str_eq(text.data, "From paper.txt\nSecond line\n5 entities, 4 relations\n");
	ent_buf_clear(&text);
	element_text(doc, "legend-sizes", &text, &tip);
	ck_assert_str_eq(text.data, "label size: PageRank\n");
	ent_buf_clear(&text);
	element_text(doc, "legend-width-label-2", &text, &tip);
	ck_assert_str_eq(text.data, "2 sentences\n");
	xmlFreeDoc(doc);
	ent_buf_release(&text);
	ent_buf_release(&tip);

	/* The title is the graph's label. */
	size_t len;
	char *svg = slurp(tpath("kg.svg"), &len);
	ck_assert_ptr_nonnull(strstr(svg, ">Test graph</text>"));
	ck_assert_ptr_null(strstr(svg, tmpdir)); /* no path in the output */
	free(svg);
	ent_graph_free(g);
}
END_TEST

START_TEST(svg_escapes_hostile_names)
{
	ent_graph *g = evil_graph();
	ent_render_options opt = options("svg", NULL);
	ent_error err;
	ent_buf text, tip;
	xmlDoc *doc;
	svg_stats s;

	opt.caption = "caption " EVIL_NAME "\x01\xE2\x80\xAE";
	opt.title = "title <b>&amp;\"";
	ck_assert_int_eq(render_opt(g, &opt, tpath("evil.svg"), &err), ENT_OK);
	s = svg_check(tpath("evil.svg"));
	ck_assert_uint_eq(s.entity_nodes, 3);
	ck_assert_uint_eq(s.entity_edges, 2);

	ent_buf_init(&text);
	ent_buf_init(&tip);
	doc = parse_svg(tpath("evil.svg"));
	/* The id is sanitized; the label shows the name literally, wrapped. */
	element_text(doc, "n-X-script", &text, &tip);
	for (char *p = text.data; *p; p++)
		if (*p == '\n')
			*p = ' ';
	ck_assert_msg(strstr(text.data, "Say \"hi\" <script>alert(1)</script> & 'x' ]]> &#1; &amp; \\N \\"),
		      "label was '%s'", text.data);
	ck_assert_ptr_nonnull(strstr(tip.data, EVIL_NAME " (country)"));
	ent_buf_clear(&text);
	element_text(doc, "caption", &text, &tip);
	for (char *p = text.data; *p; p++)
		if (*p == '\n')
			*p = ' ';
	ck_assert_msg(strstr(text.data, "caption " EVIL_NAME), "caption was '%s'", text.data);
	xmlFreeDoc(doc);
	ent_buf_release(&text);
	ent_buf_release(&tip);

	/* No control characters, bidi overrides or invalid UTF-8 survive. */
	size_t len;
	char *svg = slurp(tpath("evil.svg"), &len);
	for (size_t i = 0; i < len; i++)
		ck_assert_msg((unsigned char)svg[i] >= 0x20 || svg[i] == '\n' || svg[i] == '\t',
			      "control byte %#x at %zu", (unsigned char)svg[i], i);
	ck_assert_ptr_null(strstr(svg, "\xE2\x80\xAE"));
	ck_assert_ptr_null(strstr(svg, "\xC0\x80"));
	ck_assert_ptr_nonnull(strstr(svg, "Ctl[31m bad\xEF\xBF\xBD\xEF\xBF\xBDutf"));
	ck_assert_ptr_nonnull(strstr(svg, ">title &lt;b&gt;&amp;amp;&quot;</text>"));
	free(svg);

	/* Names also label community boxes (dot) and the colour key (sfdp). */
	opt.cluster = "community";
	opt.timeout = leak_safe_timeout();
	for (int i = 0; i < 2; i++) {
		opt.layout = i ? "sfdp" : "dot";
		ck_assert_msg(render_opt(g, &opt, tpath("evil-c.svg"), &err) == ENT_OK, "%s", err.msg);
		svg_check(tpath("evil-c.svg"));
		doc = parse_svg(tpath("evil-c.svg"));
		ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc),
					    i ? "legend-community-name-1" : "cluster-community-1"));
		xmlFreeDoc(doc);
	}
	ent_graph_free(g);
}
END_TEST

START_TEST(dot_is_reread_by_graphviz)
{
	ent_graph *g = small_graph(), *evil = evil_graph();
	ent_render_options opt = options(NULL, NULL);
	ent_error err;
	char cmd[1200];
	size_t len;
	char *dot;

	opt.caption = "caption \\ \"quoted\" " EVIL_NAME;
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("kg.dot"), &err), ENT_OK);
	ck_assert_int_eq(render_opt(evil, &opt, tpath("evil.gv"), &err), ENT_OK);
	dot = slurp(tpath("kg.dot"), &len);
	ck_assert_ptr_nonnull(strstr(dot, "digraph entente {"));
	ck_assert_ptr_nonnull(strstr(dot, "layout=dot"));
	ck_assert_ptr_nonnull(strstr(dot, "label=\"Test graph\\n5 entities, 4 relations\""));
	ck_assert_ptr_null(strstr(dot, "pos=")); /* not laid out */
	ck_assert_ptr_nonnull(strstr(dot, "\"n-CHN\" -> \"n-RUS\""));
	ck_assert_ptr_nonnull(strstr(dot, "line width: evidence sentences (1 to 2)"));
	ck_assert_ptr_nonnull(strstr(dot, "label size: PageRank ("));
	free(dot);
	dot = slurp(tpath("evil.gv"), &len);
	ck_assert_ptr_null(strstr(dot, "=<")); /* no HTML-like label */
	ck_assert_ptr_nonnull(strstr(dot, "\\\\N \\\\\""));
	free(dot);
	if (!have_dot())
		return;
	snprintf(cmd, sizeof(cmd), "dot -Tsvg '%s' -o '%s' 2>/dev/null", tpath("kg.dot"),
		 tpath("kg-from-dot.svg"));
	ck_assert_int_eq(system(cmd), 0);
	svg_check(tpath("kg-from-dot.svg"));
	snprintf(cmd, sizeof(cmd), "dot -Tsvg '%s' -o '%s' 2>/dev/null", tpath("evil.gv"),
		 tpath("evil-from-dot.svg"));
	ck_assert_int_eq(system(cmd), 0);
	svg_check(tpath("evil-from-dot.svg"));
	ent_graph_free(g);
	ent_graph_free(evil);
}
END_TEST

START_TEST(same_input_same_bytes)
{
	static const char *const names[][2] = {
		{ "a.svg", "b.svg" }, { "a.dot", "b.dot" }, { "a.png", "b.png" }, { "a.pdf", "b.pdf" },
	};
	ent_graph *g = small_graph();
	ent_error err;

	for (size_t i = 0; i < 4u; i++) {
		size_t la, lb;
		char *a, *b;

		ck_assert_int_eq(render_to(g, NULL, NULL, tpath(names[i][0]), &err), ENT_OK);
		if (i >= 2)
			sleep(1); /* a timestamp would show */
		ck_assert_int_eq(render_to(g, NULL, NULL, tpath(names[i][1]), &err), ENT_OK);
		a = slurp(tpath(names[i][0]), &la);
		b = slurp(tpath(names[i][1]), &lb);
		ck_assert_uint_gt(la, 0);
		ck_assert_msg(la == lb && !memcmp(a, b, la), "%s and %s differ", names[i][0],
			      names[i][1]);
		if (i == 2)
			ck_assert(!memcmp(a, "\x89PNG\r\n\x1a\n", 8));
		if (i == 3)
			ck_assert(!memcmp(a, "%PDF", 4));
		free(a);
		free(b);
	}
	/* A PNG or PDF in between (the other Graphviz context), or a layout
	 * in a child process, changes nothing in the SVG. */
	{
		ent_render_options opt = options(NULL, NULL);
		size_t la, lc, ld;
		char *a, *c, *d;

		opt.timeout = 60;
		ck_assert_int_eq(render_to(g, NULL, NULL, tpath("c.svg"), &err), ENT_OK);
		ck_assert_int_eq(render_opt(g, &opt, tpath("d.svg"), &err), ENT_OK);
		a = slurp(tpath("a.svg"), &la);
		c = slurp(tpath("c.svg"), &lc);
		d = slurp(tpath("d.svg"), &ld);
		ck_assert(la == lc && !memcmp(a, c, la));
		ck_assert(la == ld && !memcmp(a, d, la));
		free(a);
		free(c);
		free(d);
	}
	ent_graph_free(g);
}
END_TEST

START_TEST(every_layout_renders)
{
	static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };
	ent_graph *g = small_graph();
	ent_render_info info;
	ent_error err;

	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
		ent_render_options opt = options("svg", layouts[i]);
		svg_stats s;

		opt.info = &info;
		opt.timeout = leak_safe_timeout();
		ck_assert_msg(render_opt(g, &opt, tpath("l.svg"), &err) == ENT_OK,
			      "%s: %s", layouts[i], err.msg);
		ck_assert_str_eq(info.engine, layouts[i]);
		ck_assert_int_eq(info.engine_auto, 0);
		ck_assert_uint_eq(info.n_notes, 0);
		ck_assert_msg(info.graphviz[0] == '\0', "%s: Graphviz said %s", layouts[i],
			      info.graphviz);
		s = svg_check(tpath("l.svg"));
		ck_assert_uint_eq(s.entity_nodes, 5);
	}
	ent_graph_free(g);
}
END_TEST

START_TEST(ids_stay_unique)
{
	fixture f;
	ent_error err;
	ent_graph *g;
	xmlDoc *doc;

	fixture_init(&f);
	add_entity(&f, ENT_TYPE_ORGANIZATION, "A B", "organization:a b", 1);
	add_entity(&f, ENT_TYPE_ORGANIZATION, "A.B", "organization:a.b", 1);
	add_entity(&f, ENT_TYPE_ORGANIZATION, "A-B", "organization:a-b", 1);
	add_entity(&f, ENT_TYPE_PLACE, "\xE4\xB8\xAD\xE5\x9B\xBD", "place:\xE4\xB8\xAD\xE5\x9B\xBD", 1);
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f.corpus, &err);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(render_to(g, "svg", NULL, tpath("ids.svg"), &err), ENT_OK);
	doc = parse_svg(tpath("ids.svg"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "n-organization-a-b"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "n-organization-a-b-2"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "n-organization-a-b-3"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "n-place-_4e2d_56fd"));
	xmlFreeDoc(doc);
	ent_graph_free(g);
}
END_TEST

START_TEST(empty_graph_renders)
{
	fixture f;
	ent_error err;
	ent_graph *g;
	svg_stats s;

	fixture_init(&f);
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f.corpus, &err);
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("empty.svg"), &err), ENT_OK);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("empty.dot"), &err), ENT_OK);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("empty.png"), &err), ENT_OK);
	ck_assert_int_eq(render_to(g, NULL, "sfdp", tpath("empty2.svg"), &err), ENT_OK);
	s = svg_check(tpath("empty.svg"));
	ck_assert_uint_eq(s.entity_nodes + s.entity_edges + s.legend_edges, 0);
	ent_graph_free(g);
}
END_TEST

static xmlNode *first_text(xmlNode *n)
{
	for (; n; n = n->next) {
		xmlNode *t;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlStrcmp(n->name, (const xmlChar *)"text"))
			return n;
		if ((t = first_text(n->children)) != NULL)
			return t;
	}
	return NULL;
}

/* The y of the first text of the element with that id (SVG: downward). */
static double svg_text_y(xmlDoc *doc, const char *id)
{
	xmlNode *n = by_id(xmlDocGetRootElement(doc), id), *t;
	xmlChar *y;
	double v;

	ck_assert_msg(n != NULL, "no element with id '%s'", id);
	t = first_text(n->children);
	ck_assert_msg(t != NULL, "no text in '%s'", id);
	y = xmlGetProp(t, (const xmlChar *)"y");
	v = y ? atof((const char *)y) : 0;
	xmlFree(y);
	return v;
}

/* Entities without any relation are set apart in a grid under the
 * drawing, in graph order; in DOT they stay ordinary nodes. */
START_TEST(unlinked_entities_set_apart)
{
	fixture f;
	ent_render_info info;
	ent_render_options opt = options("svg", NULL);
	ent_error err;
	ent_graph *g;
	ent_buf text, tip;
	xmlDoc *doc;
	char *dot;

	fixture_init(&f);
	add_entity(&f, ENT_TYPE_COUNTRY, "China", "CHN", 3);
	add_entity(&f, ENT_TYPE_COUNTRY, "Chile", "CHL", 1);
	add_entity(&f, ENT_TYPE_COUNTRY, "Russia", "RUS", 3);
	add_entity(&f, ENT_TYPE_ORGANIZATION, "UNESCO", "organization:unesco", 1);
	add_relation(&f, 0, ENT_REL_COOPERATES_WITH, 2, 2015, "China and Russia cooperate.");
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&f.corpus, &err);
	ck_assert_ptr_nonnull(g);
	opt.info = &info;
	ck_assert_int_eq(render_opt(g, &opt, tpath("u.svg"), &err), ENT_OK);
	ck_assert_uint_eq(info.unlinked, 2);
	ck_assert_uint_eq(svg_check(tpath("u.svg")).entity_nodes, 4);
	ent_buf_init(&text);
	ent_buf_init(&tip);
	doc = parse_svg(tpath("u.svg"));
	element_text(doc, "unlinked-heading", &text, &tip);
	ck_assert_str_eq(text.data, "Entities without relations (2)\n");
	/* below the drawing, under their heading; one row per type */
	ck_assert(svg_text_y(doc, "unlinked-heading") > svg_text_y(doc, "n-CHN"));
	ck_assert(svg_text_y(doc, "unlinked-heading") > svg_text_y(doc, "n-RUS"));
	ck_assert(svg_text_y(doc, "n-CHL") > svg_text_y(doc, "unlinked-heading"));
	ck_assert(svg_text_y(doc, "n-organization-unesco") > svg_text_y(doc, "n-CHL"));
	xmlFreeDoc(doc);
	ent_buf_release(&text);
	ent_buf_release(&tip);

	dot = dot_of(g, &opt);
	ck_assert_ptr_nonnull(strstr(dot, "\"n-CHL\""));
	ck_assert_ptr_null(strstr(dot, "unlinked-heading"));
	free(dot);
	ent_graph_free(g);
}
END_TEST

/* The automatic layout: dot for small or hierarchical graphs, neato for
 * the others up to ENT_RENDER_LARGE linked entities, sfdp beyond, with a
 * note; an engine asked for by name on a graph too large for it gets a
 * note too. */
START_TEST(automatic_layout)
{
	static const struct {
		size_t n;
		link_fn link;
		const char *layout;
		const char *engine;
		int notes;
	} cases[] = {
		{ 10, tree_link, NULL, "dot", 0 },   /* small */
		{ 120, dtree_link, NULL, "dot", 0 }, /* hierarchical */
		{ 120, tree_link, NULL, "neato", 0 }, /* undirected */
		{ 41, star_link, NULL, "neato", 0 }, /* a hub */
		{ 400, tree_link, NULL, "sfdp", 1 },
		{ 200, dtree_link, "dot", "dot", 1 }, /* dot on 200 is slow */
		{ 200, dtree_link, "sfdp", "sfdp", 0 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ent_render_options opt = options(NULL, cases[i].layout);
		ent_render_info info;
		ent_error err;
		made mk;
		ent_graph *g = make_graph(cases[i].n, cases[i].n - 1, cases[i].link, &mk);

		ent_error_clear(&err);
		ck_assert_int_eq(ent_render_check(g, &opt, "x.svg", &info, &err), ENT_OK);
		ck_assert_msg(!strcmp(info.engine, cases[i].engine), "case %zu: %s, not %s", i,
			      info.engine, cases[i].engine);
		ck_assert_int_eq(info.engine_auto, cases[i].layout == NULL);
		ck_assert_msg(info.n_notes == (size_t)cases[i].notes, "case %zu: %zu notes (%s)",
			      i, info.n_notes, info.n_notes ? info.notes[0] : "");
		ck_assert_str_eq(info.format, "svg");
		ent_graph_free(g);
		made_free(&mk);
	}
}
END_TEST

/* Above ENT_RENDER_LARGE linked entities the automatic layout is sfdp,
 * with straight lines; DOT records the engine. */
START_TEST(large_graph_uses_sfdp)
{
	made mk;
	ent_graph *g = make_graph(400, 399, tree_link, &mk);
	ent_render_options opt = options(NULL, NULL);
	ent_render_info info;
	ent_error err;
	char *dot;

	opt.info = &info;
	opt.timeout = leak_safe_timeout();
	dot = dot_of(g, &opt);
	ck_assert_ptr_nonnull(strstr(dot, "layout=sfdp"));
	ck_assert_ptr_nonnull(strstr(dot, "overlap=prism"));
	ck_assert_ptr_nonnull(strstr(dot, "splines=line"));
	free(dot);
	ck_assert_str_eq(info.engine, "sfdp");
	ck_assert_uint_eq(info.n_notes, 1);
	ck_assert_ptr_nonnull(strstr(info.notes[0], "400 linked entities: layout sfdp"));
	ck_assert_int_eq(render_opt(g, &opt, tpath("big.svg"), &err), ENT_OK);
	ck_assert_uint_eq(svg_check(tpath("big.svg")).entity_nodes, 400);
	ent_graph_free(g);
	made_free(&mk);
}
END_TEST

/* Label size follows the measure asked for; the legend names it. */
START_TEST(size_by_measure)
{
	made mk;
	ent_graph *g = make_graph(9, 8, star_link, &mk);
	static const char *const measures[] = { "pagerank", "degree", "betweenness" };
	static const char *const titles[] = { "PageRank", "degree", "betweenness" };

	for (size_t i = 0; i < 3; i++) {
		ent_render_options opt = options(NULL, NULL);
		char *dot, *hub, *leaf, want[64];

		opt.size_by = measures[i];
		dot = dot_of(g, &opt);
		hub = dot_node_attr(dot, "n-organization-org-0000", "fontsize");
		leaf = dot_node_attr(dot, "n-organization-org-0003", "fontsize");
		ck_assert_ptr_nonnull(hub);
		ck_assert_ptr_nonnull(leaf);
		ck_assert_msg(atof(hub) == 24.0, "%s: hub %s", measures[i], hub);
		ck_assert_msg(atof(leaf) == 11.0, "%s: leaf %s", measures[i], leaf);
		snprintf(want, sizeof(want), "label size: %s (", titles[i]);
		ck_assert_msg(strstr(dot, want) != NULL, "no '%s'", want);
		free(hub);
		free(leaf);
		free(dot);
	}
	ent_graph_free(g);
	made_free(&mk);
}
END_TEST

/* --cluster type: boxes by type where the engine draws clusters; a note
 * and no change where it does not. */
START_TEST(clusters_by_type)
{
	ent_graph *g = small_graph();
	ent_render_options opt = options(NULL, "dot");
	ent_render_info info;
	ent_error err;
	xmlDoc *doc;
	char *dot;

	opt.cluster = "type";
	opt.info = &info;
	opt.timeout = leak_safe_timeout();
	dot = dot_of(g, &opt);
	ck_assert_ptr_nonnull(strstr(dot, "subgraph cluster_country {"));
	ck_assert_ptr_nonnull(strstr(dot, "id=\"cluster-country\""));
	ck_assert_ptr_nonnull(strstr(dot, "label=countries"));
	ck_assert_int_eq(info.clusters, 1);
	free(dot);
	ck_assert_int_eq(render_opt(g, &opt, tpath("t.svg"), &err), ENT_OK);
	doc = parse_svg(tpath("t.svg"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "cluster-organization"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "legend-clusters"));
	xmlFreeDoc(doc);
	ck_assert_uint_eq(svg_check(tpath("t.svg")).entity_nodes, 5);

	opt.layout = "sfdp";
	dot = dot_of(g, &opt);
	ck_assert_ptr_null(strstr(dot, "subgraph cluster"));
	ck_assert_int_eq(info.clusters, 0);
	ck_assert_uint_eq(info.n_notes, 1);
	ck_assert_ptr_nonnull(strstr(info.notes[0], "sfdp cannot draw clusters"));
	free(dot);
	ent_graph_free(g);
}
END_TEST

/* --cluster community: boxes in dot, colours (with a key) in sfdp. */
START_TEST(clusters_by_community)
{
	made mk;
	ent_graph *g;
	ent_render_options opt = options(NULL, "dot");
	ent_render_info info;
	ent_error err;
	xmlDoc *doc;
	char *dot;

	/* two stars joined by one edge: two communities */
	g = make_graph(12, 11, tree_link, &mk);
	opt.cluster = "community";
	opt.info = &info;
	opt.timeout = leak_safe_timeout();
	dot = dot_of(g, &opt);
	ck_assert_msg(info.communities >= 2, "%zu communities", info.communities);
	ck_assert_ptr_nonnull(strstr(dot, "subgraph \"cluster_community-1\""));
	ck_assert_ptr_nonnull(strstr(dot, "boxes: communities"));
	free(dot);

	opt.layout = "sfdp";
	opt.format = "svg";
	ck_assert_int_eq(render_opt(g, &opt, tpath("c.svg"), &err), ENT_OK);
	ck_assert_int_eq(info.community_colours, 1);
	ck_assert_int_eq(info.clusters, 0);
	ck_assert_uint_eq(info.n_notes, 1);
	ck_assert_ptr_nonnull(strstr(info.notes[0], "coloured by community"));
	doc = parse_svg(tpath("c.svg"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "legend-community-1"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "legend-community-2"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "legend-communities"));
	xmlFreeDoc(doc);
	ent_graph_free(g);
	made_free(&mk);
}
END_TEST

START_TEST(stdout_output)
{
	ent_graph *g = small_graph();
	ent_error err;

	int saved, fd;
	ent_status st;

	/* Swap the descriptor, not the FILE: the runner may not fork. */
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	fd = open(tpath("stdout.svg"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(fd, 0);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	st = render_to(g, "svg", NULL, "-", &err);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	ck_assert_int_eq(st, ENT_OK);
	ck_assert_uint_eq(svg_check(tpath("stdout.svg")).entity_nodes, 5);
	ent_graph_free(g);
}
END_TEST

/* --- golden DOT files ------------------------------------------------------ */

static const char *entente_bin(void)
{
	const char *bin = getenv("ENTENTE_BIN");
	return bin && *bin ? bin : "build/entente";
}

/* Run entente with `args` (NULL-terminated), standard output and error
 * to the files `out` and `errf` (NULL: /dev/null); returns the exit
 * status, or 128 plus the signal that killed it. */
static int run_entente(const char *const *args, const char *out, const char *errf)
{
	const char *argv[32];
	pid_t pid;
	int status = 0;
	size_t n = 0;

	argv[n++] = entente_bin();
	while (*args && n < 31)
		argv[n++] = *args++;
	argv[n] = NULL;
	fflush(NULL);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fo = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int fe = open(errf ? errf : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fo < 0 || fe < 0 || dup2(fo, STDOUT_FILENO) < 0 || dup2(fe, STDERR_FILENO) < 0)
			_exit(126);
		close(fo);
		close(fe);
		setenv("OMP_NUM_THREADS", "1", 1);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* `entente render -q -T dot SAMPLE` to `out`. */
static int render_sample(const char *sample, const char *out)
{
	const char *args[] = { "render", "-q", "-T", "dot", sample, NULL };

	return run_entente(args, out, NULL);
}

/* Compare one sample; on a mismatch append `diff -u` to `report`. */
static int golden_one(const char *name, ent_buf *report)
{
	char sample[512], golden[512], cmd[2048];
	char *want, *got;
	size_t lw, lg;
	ent_error err;
	int same;

	snprintf(sample, sizeof(sample), "samples/%s", name);
	snprintf(golden, sizeof(golden), "tests/golden/%.*s.dot",
		 (int)(strrchr(name, '.') - name), name);
	ck_assert_msg(render_sample(sample, tpath("got.dot")) == 0, "render %s failed", sample);
	if (have_dot()) {
		snprintf(cmd, sizeof(cmd), "dot -Tsvg '%s' -o /dev/null 2>/dev/null", tpath("got.dot"));
		ck_assert_msg(system(cmd) == 0, "Graphviz rejects the DOT of %s", sample);
	}
	ent_error_clear(&err);
	if (ent_read_file(golden, 64u << 20, &want, &lw, &err) != ENT_OK) {
		ent_buf_printf(report, "%s: missing (run scripts/update-golden.sh)\n", golden);
		return 0;
	}
	got = slurp(tpath("got.dot"), &lg);
	same = lw == lg && !memcmp(want, got, lw);
	free(want);
	free(got);
	if (same)
		return 1;
	snprintf(cmd, sizeof(cmd), "diff -u '%s' '%s' | head -60", golden, tpath("got.dot"));
	{
		FILE *p = popen(cmd, "r");
		char line[512];

		ent_buf_printf(report, "%s differs:\n", golden);
		while (p && fgets(line, sizeof(line), p))
			ent_buf_adds(report, line);
		if (p)
			pclose(p);
	}
	return 0;
}

/* The DOT of each sample is byte for byte the checked-in one: sorted
 * nodes and edges, fixed seeds, nothing from the clock or the machine. A
 * deliberate change is reviewed with scripts/update-golden.sh. */
START_TEST(golden_dot_of_samples)
{
	DIR *d = opendir("samples");
	struct dirent *de;
	char *names[64];
	size_t n = 0, passed = 0;
	ent_buf report;

	ck_assert_msg(d != NULL, "run the tests from the repository root");
	while ((de = readdir(d)) != NULL && n < 64) {
		size_t len = strlen(de->d_name);
		if (len > 4 && !strcmp(de->d_name + len - 4, ".txt"))
			names[n++] = ent_xstrdup(de->d_name);
	}
	closedir(d);
	ck_assert_uint_gt(n, 0);
	ent_buf_init(&report);
	for (size_t i = 0; i < n; i++) {
		passed += (size_t)golden_one(names[i], &report);
		free(names[i]);
	}
	fprintf(stderr, "render golden: %zu passed, %zu failed\n", passed, n - passed);
	if (passed != n)
		fprintf(stderr, "%s(if the change is intended: scripts/update-golden.sh, then review "
				"git diff tests/golden)\n", report.data);
	ent_buf_release(&report);
	ck_assert_msg(passed == n, "%zu of %zu golden DOT files differ (diff on stderr)",
		      n - passed, n);
}
END_TEST

/* --- the command line ------------------------------------------------------- */

static char *run_stderr(const char *const *args, int *status)
{
	size_t len;

	*status = run_entente(args, NULL, tpath("stderr.txt"));
	return slurp(tpath("stderr.txt"), &len);
}

/* The render options on the command line: values checked before any
 * work, notes as warnings, the time limit as exit 1 with no file. */
START_TEST(cli_render_options)
{
	made mk;
	ent_graph *g = make_graph(600, 1800, random_link, &mk);
	ent_error err;
	char *e;
	int st;

	ent_error_clear(&err);
	ck_assert_int_eq(ent_graph_write_graphml(g, tpath("slow.graphml"), &err), ENT_OK);
	{
		const char *args[] = { "render", "--size", "closeness", "samples/", "-o",
				       tpath("x.svg"), NULL };
		e = run_stderr(args, &st);
		ck_assert_int_eq(st, 2);
		ck_assert_str_eq(e, "entente: unknown size 'closeness'; use pagerank, degree or "
				    "betweenness (see 'entente render -h')\n");
		free(e);
	}
	{
		const char *args[] = { "render", "--timeout", "soon", "samples/", NULL };
		e = run_stderr(args, &st);
		ck_assert_int_eq(st, 2);
		ck_assert_ptr_nonnull(strstr(e, "--timeout needs a number of seconds"));
		free(e);
	}
	{
		const char *args[] = { "render", "--cluster", "community", "--layout", "sfdp",
				       "samples/", "-o", tpath("c.svg"), NULL };
		e = run_stderr(args, &st);
		ck_assert_int_eq(st, 0);
		ck_assert_str_eq(e, "entente: warning: sfdp cannot draw clusters: nodes are "
				    "coloured by community instead\n");
		free(e);
	}
	{
		const char *args[] = { "render", "--layout", "dot", "--timeout", "1",
				       tpath("slow.graphml"), "-o", tpath("slow.svg"), NULL };
		e = run_stderr(args, &st);
		ck_assert_int_eq(st, ENT_ERR_LIMIT);
		ck_assert_msg(strstr(e, "entente: warning: dot is slow on 600 entities") == e,
			      "stderr: %s", e);
		ck_assert_ptr_nonnull(strstr(e, "\nentente: " ));
		ck_assert_ptr_nonnull(strstr(e, "slow.svg: layout took longer than 1 s; try "
						"--layout sfdp or --top N\n"));
		ck_assert_int_eq(access(tpath("slow.svg"), F_OK), -1);
		free(e);
	}
	{
		const char *args[] = { "render", "--top", "20", "--size", "degree", "--title",
				       "T", tpath("slow.graphml"), "-o", tpath("top.dot"), NULL };
		size_t len;
		char *dot;

		e = run_stderr(args, &st);
		ck_assert_int_eq(st, 0);
		ck_assert_str_eq(e, "");
		free(e);
		dot = slurp(tpath("top.dot"), &len);
		ck_assert_ptr_nonnull(strstr(dot, "label=\"T\\nslow.graphml\\ntop 20 by PageRank "
						  "(of 600 entities, "));
		ck_assert_ptr_nonnull(strstr(dot, "label size: degree"));
		free(dot);
	}
	ent_graph_free(g);
	made_free(&mk);
}
END_TEST

/* --- error paths ------------------------------------------------------------ */

START_TEST(unknown_format_is_usage)
{
	ent_graph *g = small_graph();
	ent_render_options opt = options("svg", NULL);
	ent_error err;

	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("kg.txt"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot tell the output format of"));
	ck_assert_ptr_nonnull(strstr(err.msg, "use -T"));
	ck_assert_int_eq(render_to(g, NULL, NULL, "-", &err), ENT_ERR_USAGE);
	ck_assert_int_eq(render_to(g, "jpeg", NULL, tpath("kg.svg"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown output format 'jpeg'"));
	ck_assert_int_eq(render_to(g, "svg", "spring", tpath("kg.svg"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown layout 'spring'"));
	opt.size_by = "closeness";
	ck_assert_int_eq(render_opt(g, &opt, tpath("kg.svg"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown size 'closeness'"));
	opt.size_by = NULL;
	opt.cluster = "colour";
	ck_assert_int_eq(render_opt(g, &opt, tpath("kg.svg"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown clustering 'colour'"));
	ck_assert_uint_eq(dir_entries(tmpdir), 0);
	ent_graph_free(g);
}
END_TEST

START_TEST(unwritable_output_leaves_nothing)
{
	static const char *const fmts[] = { "svg", "dot", "png", "pdf" };
	ent_graph *g = small_graph();
	ent_error err;
	char path[600];

	for (size_t i = 0; i < 4u; i++) {
		snprintf(path, sizeof(path), "%s/missing/kg.%s", tmpdir, fmts[i]);
		ck_assert_int_eq(render_to(g, NULL, NULL, path, &err), ENT_ERR_OUTPUT);
		ck_assert_str_eq(err.file, path);
		ck_assert_int_eq(access(path, F_OK), -1);
	}
	ck_assert_uint_eq(dir_entries(tmpdir), 0);
	/* A full device: the write or the flush fails. */
	if (access("/dev/full", W_OK) == 0) {
		ck_assert_int_eq(render_to(g, "svg", NULL, "/dev/full", &err), ENT_ERR_OUTPUT);
		ck_assert_int_eq(render_to(g, "dot", NULL, "/dev/full", &err), ENT_ERR_OUTPUT);
	}
	ent_graph_free(g);
}
END_TEST

/* Too large to lay out: a resource limit, but DOT is still written. */
START_TEST(huge_graph_is_a_limit)
{
	enum { N = 20001 };
	ent_entity *ents = ent_xcalloc(N, sizeof(*ents));
	char (*names)[24] = ent_xcalloc(N, sizeof(*names));
	ent_corpus c = { ents, N, NULL, 0, 1 };
	ent_error err;
	ent_graph *g;

	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "P%05zu", i);
		ents[i] = (ent_entity){ ENT_TYPE_PERSON, names[i], names[i], NULL, 0, 1 };
	}
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&c, &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("huge.svg"), &err), ENT_ERR_LIMIT);
	ck_assert_ptr_nonnull(strstr(err.msg, "-T dot"));
	ck_assert_int_eq(access(tpath("huge.svg"), F_OK), -1);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("huge.dot"), &err), ENT_OK);
	ent_graph_free(g);
	free(names);
	free(ents);
}
END_TEST

/* A layout over the time limit is killed: ENT_ERR_FAIL with a hint, no
 * file, and well before dot would have finished. */
START_TEST(slow_layout_times_out)
{
	made mk;
	ent_graph *g = make_graph(600, 1800, random_link, &mk);
	ent_render_options opt = options("svg", "dot");
	struct timespec t0, t1;
	ent_error err;
	double secs;

	opt.timeout = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(render_opt(g, &opt, tpath("slow.svg"), &err), ENT_ERR_LIMIT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_str_eq(err.msg, "layout took longer than 1 s; try --layout sfdp or --top N");
	ck_assert_str_eq(err.file, tpath("slow.svg"));
	ck_assert_msg(secs < 20, "took %.1f s", secs);
	ck_assert_uint_eq(dir_entries(tmpdir), 0);
	ent_graph_free(g);
	made_free(&mk);
}
END_TEST

/* Graphviz's own failures become errors with its message; nothing is
 * printed on stderr. (Unknown engines and formats would do too, but
 * Graphviz leaks the list of alternatives it prints; ent_render() checks
 * both first.) */
START_TEST(graphviz_errors_are_captured)
{
	Agraph_t *ag = ent_gv_open();
	size_t n;
	ent_error err;
	int saved, fd;
	ent_status st;
	char *captured;

	ent_gv_set(ent_gv_node(ag, "a"), "pos", "1,2");
	ent_gv_set(ent_gv_node(ag, "b"), "pos", "not a position");
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	fd = open(tpath("stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	dup2(fd, STDERR_FILENO);
	close(fd);
	ent_error_clear(&err);
	st = ent_gv_layout(ag, ENT_GV_TEXT_ESTIMATED, "nop2", "x.svg", &err);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	ent_gv_close(ag);

	ck_assert_int_eq(st, ENT_ERR_OUTPUT);
	ck_assert_str_eq(err.file, "x.svg");
	ck_assert_msg(strstr(err.msg, "cannot lay out the graph with nop2: ") &&
			      strstr(err.msg, "not a position"),
		      "message: %s", err.msg);
	captured = slurp(tpath("stderr.txt"), &n);
	ck_assert_msg(n == 0, "stderr got: %s", captured);
	free(captured);
}
END_TEST

/* Graphviz warnings are kept for the caller, not printed. */
START_TEST(graphviz_warnings_are_kept)
{
	Agraph_t *ag = ent_gv_open();
	char *data = NULL;
	size_t len = 0;
	char warning[256];
	ent_error err;

	ent_gv_set(ag, "splines", "bogus-value");
	ent_gv_node(ag, "a");
	ent_gv_take_warning(warning, sizeof(warning));
	ent_error_clear(&err);
	ck_assert_int_eq(ent_gv_layout(ag, ENT_GV_TEXT_ESTIMATED, "dot", "x.svg", &err), ENT_OK);
	ck_assert_int_eq(ent_gv_render(ag, ENT_GV_TEXT_ESTIMATED, "svg", &data, &len, "x.svg",
				       &err), ENT_OK);
	ent_gv_free_data(data);
	ent_gv_free_layout(ag, ENT_GV_TEXT_ESTIMATED);
	ent_gv_close(ag);
	ent_gv_take_warning(warning, sizeof(warning));
	ck_assert_msg(strstr(warning, "bogus-value") != NULL, "warning: '%s'", warning);
	ent_gv_take_warning(warning, sizeof(warning));
	ck_assert_str_eq(warning, "");
}
END_TEST

/* --- text.c ------------------------------------------------------------------- */

START_TEST(text_clean_and_cap)
{
	ent_buf b;

	ent_buf_init(&b);
	ent_text_clean(&b, "  a\tb\r\n\x01 c\xE2\x80\xAE d\xEF\xBB\xBF ", 100);
	ck_assert_str_eq(b.data, "a b c d");
	ent_buf_clear(&b);
	ent_text_clean(&b, "\xC0\x80x\xED\xA0\x80y\xF4\x90\x80\x80z\xE2\x82", 100);
	/* C0 can start nothing: two bytes, two replacements. */
	ck_assert_str_eq(b.data, "\xEF\xBF\xBD\xEF\xBF\xBDx\xEF\xBF\xBDy\xEF\xBF\xBDz\xEF\xBF\xBD");
	ent_buf_clear(&b);
	/* Cut on a character boundary, with an ellipsis, within the cap. */
	ent_text_clean(&b, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 8);
	ck_assert_str_eq(b.data, "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
	ent_buf_clear(&b);
	ent_text_clean(&b, "abcdefgh", 8);
	ck_assert_str_eq(b.data, "abcdefgh");
	ent_buf_clear(&b);
	ent_text_clean(&b, NULL, 8);
	ck_assert_str_eq(b.data, "");
	ent_buf_release(&b);
}
END_TEST

START_TEST(text_escape_wrap_id)
{
	ent_buf b;

	ent_buf_init(&b);
	ent_text_gv_escape(&b, "a\\N & b &amp; &#1; &x");
	ck_assert_str_eq(b.data, "a\\\\N & b &amp;amp; &amp;#1; &x");
	ent_buf_clear(&b);
	ent_text_gv_escape_tooltip(&b, "a\\N\\");
	ck_assert_str_eq(b.data, "a\\\\\\\\N\\\\\\\\");
	ent_buf_clear(&b);
	ent_text_gv_wrap(&b, "Shanghai Cooperation Organization", 14);
	ck_assert_str_eq(b.data, "Shanghai\\nCooperation\\nOrganization");
	ent_buf_clear(&b);
	ent_text_gv_wrap(&b, "a\\b c", 20);
	ck_assert_str_eq(b.data, "a\\\\b c");
	ent_buf_clear(&b);
	ent_text_id(&b, "n-", ":x\"><script> y__z:");
	ck_assert_str_eq(b.data, "n-x-script-y__z");
	ent_buf_release(&b);
}
END_TEST

Suite *suite_render(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");
	TCase *tl = tcase_create("layout");
	TCase *tg = tcase_create("golden");
	TCase *te = tcase_create("errors");
	TCase *tt = tcase_create("text");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, format_from_extension);
	tcase_add_test(tc, svg_structure);
	tcase_add_test(tc, svg_escapes_hostile_names);
	tcase_add_test(tc, dot_is_reread_by_graphviz);
	tcase_add_test(tc, same_input_same_bytes);
	tcase_add_test(tc, ids_stay_unique);
	tcase_add_test(tc, empty_graph_renders);
	tcase_add_test(tc, unlinked_entities_set_apart);
	tcase_add_test(tc, size_by_measure);
	tcase_add_test(tc, stdout_output);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(tl, setup, teardown);
	tcase_set_timeout(tl, 300);
	tcase_add_test(tl, every_layout_renders);
	tcase_add_test(tl, automatic_layout);
	tcase_add_test(tl, large_graph_uses_sfdp);
	tcase_add_test(tl, clusters_by_type);
	tcase_add_test(tl, clusters_by_community);
	suite_add_tcase(s, tl);

	tcase_add_checked_fixture(tg, setup, teardown);
	tcase_set_timeout(tg, 300);
	tcase_add_test(tg, golden_dot_of_samples);
	tcase_add_test(tg, cli_render_options);
	suite_add_tcase(s, tg);

	tcase_add_checked_fixture(te, setup, teardown);
	tcase_set_timeout(te, 120);
	tcase_add_test(te, unknown_format_is_usage);
	tcase_add_test(te, unwritable_output_leaves_nothing);
	tcase_add_test(te, huge_graph_is_a_limit);
	tcase_add_test(te, slow_layout_times_out);
	tcase_add_test(te, graphviz_errors_are_captured);
	tcase_add_test(te, graphviz_warnings_are_kept);
	suite_add_tcase(s, te);

	tcase_add_test(tt, text_clean_and_cap);
	tcase_add_test(tt, text_escape_wrap_id);
	suite_add_tcase(s, tt);
	return s;
}
