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

static ent_status render_to(const ent_graph *g, const char *format,
			    const char *layout, const char *path, ent_error *err)
{
	ent_render_options opt = { format, layout, "Test graph" };

	ent_error_clear(err);
	return ent_render(g, &opt, path, err);
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

/* All text and the tooltip of the element with that id. */
static void element_text(xmlDoc *doc, const char *id, ent_buf *text, ent_buf *tip)
{
	xmlNode *n = by_id(xmlDocGetRootElement(doc), id);
	xmlNode *a;

	ck_assert_msg(n != NULL, "no element with id '%s'", id);
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
			for (xmlNode *x = a->children; x; x = x->next) {
				if (x->type == XML_ELEMENT_NODE && !xmlStrcmp(x->name, (const xmlChar *)"text")) {
					xmlChar *s = xmlNodeGetContent(x);
					ent_buf_adds(text, (const char *)s);
					ent_buf_addc(text, '\n');
					xmlFree(s);
				}
			}
		}
	}
}

/* PNG and PDF go through pango and fontconfig, whose caches valgrind
 * reports as lost (inside those libraries); `make valgrind` sets
 * ENTENTE_VALGRIND and those formats are skipped there. */
static int cairo_ok(void)
{
	return getenv("ENTENTE_VALGRIND") == NULL;
}

/* Under AddressSanitizer the same caches are reported by LeakSanitizer;
 * this hook (read by LSan at startup, for the whole test binary) ignores
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

START_TEST(svg_structure)
{
	ent_graph *g = small_graph();
	ent_error err;
	ent_buf text, tip;
	svg_stats s;
	xmlDoc *doc;
	/* frame, title, note; 4 types; 2 per relation kind (mark + label) */
	size_t legend = 3 + 4 + 2 * 4;

	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("kg.svg"), &err), ENT_OK);
	s = svg_check(tpath("kg.svg"));
	ck_assert_uint_eq(s.entity_nodes, ent_graph_node_count(g));
	ck_assert_uint_eq(s.entity_edges, ent_graph_edge_count(g));
	ck_assert_uint_eq(s.legend_nodes, legend);
	ck_assert_uint_eq(s.legend_edges, 4);
	ck_assert_uint_ge(s.with_tooltip, s.entity_nodes + s.entity_edges);

	ent_buf_init(&text);
	ent_buf_init(&tip);
	doc = parse_svg(tpath("kg.svg"));
	element_text(doc, "n-CHN", &text, &tip);
	ck_assert_str_eq(text.data, "China\n");
	ck_assert_ptr_nonnull(strstr(tip.data, "China (country)"));
	ck_assert_ptr_nonnull(strstr(tip.data, "PRC, People's Republic of China"));
	ck_assert_ptr_nonnull(strstr(tip.data, "12 mentions"));
	ent_buf_clear(&text);
	ent_buf_clear(&tip);
	element_text(doc, "e-CHN-cooperates_with-RUS", &text, &tip);
	ck_assert_ptr_nonnull(strstr(tip.data, "China cooperates_with Russia"));
	ck_assert_ptr_nonnull(strstr(tip.data, "2 sentences; 2015, 2017"));
	ck_assert_ptr_nonnull(strstr(tip.data, "China and Russia cooperate."));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "legend-type-event"));
	ck_assert_ptr_nonnull(by_id(xmlDocGetRootElement(doc), "legend-rel-hosted"));
	ck_assert_ptr_null(by_id(xmlDocGetRootElement(doc), "legend-type-person"));
	xmlFreeDoc(doc);
	ent_buf_release(&text);
	ent_buf_release(&tip);

	/* The title carries the counts. */
	size_t len;
	char *svg = slurp(tpath("kg.svg"), &len);
	ck_assert_ptr_nonnull(strstr(svg, ">Test graph</text>"));
	ck_assert_ptr_nonnull(strstr(svg, ">5 entities, 4 relations</text>"));
	ck_assert_ptr_null(strstr(svg, tmpdir)); /* no path in the output */
	free(svg);
	ent_graph_free(g);
}
END_TEST

START_TEST(svg_escapes_hostile_names)
{
	ent_graph *g = evil_graph();
	ent_error err;
	ent_buf text, tip;
	xmlDoc *doc;
	svg_stats s;

	ck_assert_int_eq(render_to(g, "svg", NULL, tpath("evil.svg"), &err), ENT_OK);
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
	free(svg);
	ent_graph_free(g);
}
END_TEST

START_TEST(dot_is_reread_by_graphviz)
{
	ent_graph *g = small_graph(), *evil = evil_graph();
	ent_error err;
	char cmd[1200];
	size_t len;
	char *dot;

	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("kg.dot"), &err), ENT_OK);
	ck_assert_int_eq(render_to(evil, NULL, NULL, tpath("evil.gv"), &err), ENT_OK);
	dot = slurp(tpath("kg.dot"), &len);
	ck_assert_ptr_nonnull(strstr(dot, "digraph entente {"));
	ck_assert_ptr_nonnull(strstr(dot, "layout=dot"));
	ck_assert_ptr_null(strstr(dot, "pos=")); /* not laid out */
	ck_assert_ptr_nonnull(strstr(dot, "\"n-CHN\" -> \"n-RUS\""));
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

	for (size_t i = 0; i < (cairo_ok() ? 4u : 2u); i++) {
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
	/* A PNG or PDF in between (the other Graphviz context) changes
	 * nothing in the SVG. */
	{
		size_t la, lc;
		char *a, *c;

		ck_assert_int_eq(render_to(g, NULL, NULL, tpath("c.svg"), &err), ENT_OK);
		a = slurp(tpath("a.svg"), &la);
		c = slurp(tpath("c.svg"), &lc);
		ck_assert(la == lc && !memcmp(a, c, la));
		free(a);
		free(c);
	}
	ent_graph_free(g);
}
END_TEST

START_TEST(every_layout_renders)
{
	static const char *const layouts[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };
	ent_graph *g = small_graph();
	ent_error err;

	for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
		svg_stats s;
		ck_assert_msg(render_to(g, "svg", layouts[i], tpath("l.svg"), &err) == ENT_OK,
			      "%s: %s", layouts[i], err.msg);
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
	if (cairo_ok())
		ck_assert_int_eq(render_to(g, NULL, NULL, tpath("empty.png"), &err), ENT_OK);
	ck_assert_int_eq(render_to(g, NULL, "sfdp", tpath("empty2.svg"), &err), ENT_OK);
	s = svg_check(tpath("empty.svg"));
	ck_assert_uint_eq(s.entity_nodes + s.legend_nodes + s.entity_edges, 0);
	ent_graph_free(g);
}
END_TEST

/* Above 150 entities the automatic layout is sfdp. */
START_TEST(large_graph_uses_sfdp)
{
	enum { N = 200 };
	static ent_entity ents[N];
	static ent_relation rels[N];
	static char names[N][32], keys[N][40];
	ent_corpus c = { ents, N, rels, N - 1, 1 };
	ent_error err;
	ent_graph *g;
	size_t len;
	char *dot;

	for (size_t i = 0; i < N; i++) {
		snprintf(names[i], sizeof(names[i]), "Org %03zu", i);
		snprintf(keys[i], sizeof(keys[i]), "organization:org %03zu", i);
		ents[i] = (ent_entity){ ENT_TYPE_ORGANIZATION, names[i], keys[i], NULL, 0, 1 };
	}
	for (size_t i = 1; i < N; i++) { /* a binary tree */
		ent_relation *r = &rels[i - 1];
		r->subject = (i - 1) / 2;
		r->object = i;
		r->rel = ENT_REL_COOPERATES_WITH;
		r->ev.doc = "d";
		r->ev.line = (long)i;
		r->ev.sentence = "s";
		r->ev.rule = "r";
	}
	ent_error_clear(&err);
	g = ent_graph_from_corpus(&c, &err);
	ck_assert_msg(g != NULL, "%s", err.msg);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("big.dot"), &err), ENT_OK);
	dot = slurp(tpath("big.dot"), &len);
	ck_assert_ptr_nonnull(strstr(dot, "layout=sfdp"));
	ck_assert_ptr_nonnull(strstr(dot, "overlap=prism"));
	free(dot);
	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("big.svg"), &err), ENT_OK);
	ck_assert_uint_eq(svg_check(tpath("big.svg")).entity_nodes, N);
	ent_graph_free(g);
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

/* --- error paths ------------------------------------------------------------ */

START_TEST(unknown_format_is_usage)
{
	ent_graph *g = small_graph();
	ent_error err;

	ck_assert_int_eq(render_to(g, NULL, NULL, tpath("kg.txt"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot tell the output format of"));
	ck_assert_ptr_nonnull(strstr(err.msg, "use -T"));
	ck_assert_int_eq(render_to(g, NULL, NULL, "-", &err), ENT_ERR_USAGE);
	ck_assert_int_eq(render_to(g, "jpeg", NULL, tpath("kg.svg"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown output format 'jpeg'"));
	ck_assert_int_eq(render_to(g, "svg", "spring", tpath("kg.svg"), &err), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(err.msg, "unknown layout 'spring'"));
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

	for (size_t i = 0; i < (cairo_ok() ? 4u : 2u); i++) {
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
	TCase *te = tcase_create("errors");
	TCase *tt = tcase_create("text");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, format_from_extension);
	tcase_add_test(tc, svg_structure);
	tcase_add_test(tc, svg_escapes_hostile_names);
	tcase_add_test(tc, dot_is_reread_by_graphviz);
	tcase_add_test(tc, same_input_same_bytes);
	tcase_add_test(tc, every_layout_renders);
	tcase_add_test(tc, ids_stay_unique);
	tcase_add_test(tc, empty_graph_renders);
	tcase_add_test(tc, large_graph_uses_sfdp);
	tcase_add_test(tc, stdout_output);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(te, setup, teardown);
	tcase_set_timeout(te, 120);
	tcase_add_test(te, unknown_format_is_usage);
	tcase_add_test(te, unwritable_output_leaves_nothing);
	tcase_add_test(te, huge_graph_is_a_limit);
	tcase_add_test(te, graphviz_errors_are_captured);
	suite_add_tcase(s, te);

	tcase_add_test(tt, text_clean_and_cap);
	tcase_add_test(tt, text_escape_wrap_id);
	suite_add_tcase(s, tt);
	return s;
}
