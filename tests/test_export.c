/*
 * Tests of the exports and of the real-world inputs (HTML, XML, Markdown,
 * list files). Every export is read back by an independent reader run as
 * a subprocess: networkx (GraphML, GEXF, node-link JSON) and Python's csv
 * module under /usr/bin/python3, raptor's rapper (N-Triples, Turtle),
 * xmllint. The reader prints every node and edge as a sorted line of text
 * and the test compares that with the same lines made from entente's own
 * graph, so a count, a name or a weight that changed on the way shows up.
 * HTML tests use pages written for this project in tests/html/, full of
 * the furniture of news and government sites.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "entente/entente.h"
#include "tests.h"
#include "helpers.h"
#include "util.h"
#include "../extract/internal.h"
#include "../graph/export.h"

#define PYTHON "/usr/bin/python3"
#define HTML_DIR "tests/html"

/* ---- processes and files ---------------------------------------------- */

static const char *entente_bin(void)
{
	const char *bin = getenv("ENTENTE_BIN");
	return bin && *bin ? bin : "build/entente";
}

/* Run argv with standard input from `in`, output to `out` and `err`
 * (NULL: /dev/null). Returns the exit status, or 128 + the signal. */
static int spawn(const char *const *argv, const char *in, const char *out, const char *err)
{
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int i = open(in ? in : "/dev/null", O_RDONLY);
		int o = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int e = open(err ? err : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (i < 0 || o < 0 || e < 0 || dup2(i, 0) < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0)
			_exit(126);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		ck_assert_int_eq(errno, EINTR);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* entente with the arguments after `err` (NULL-terminated); under
 * valgrind when ENTENTE_VALGRIND=1, as in the CLI tests. */
static int entente(const char *out, const char *err, ...)
{
	const char *argv[48];
	const char *v = getenv("ENTENTE_VALGRIND");
	size_t n = 0;
	va_list ap;

	if (v && !strcmp(v, "1")) {
		argv[n++] = "valgrind";
		argv[n++] = "-q";
		argv[n++] = "--error-exitcode=99";
		argv[n++] = "--leak-check=full";
		argv[n++] = "--errors-for-leak-kinds=definite";
	}
	argv[n++] = entente_bin();
	va_start(ap, err);
	for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *)) {
		ck_assert_uint_lt(n, 46);
		argv[n++] = a;
	}
	va_end(ap);
	argv[n] = NULL;
	return spawn(argv, NULL, out, err);
}

static char *slurp(const char *path)
{
	char *data;
	size_t len;

	if (ent_read_file(path, (size_t)1 << 30, &data, &len, NULL) != ENT_OK)
		return NULL;
	return data;
}

static void spill(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot create %s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

typedef struct scratch {
	char dir[64];
	char buf[8][320];
	int next;
} scratch;

static void scratch_init(scratch *s)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "/tmp/ent_export_XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(s->dir));
}

/* A path in the scratch folder; valid until eight more were asked for. */
static const char *at(scratch *s, const char *name)
{
	char *p = s->buf[s->next++ % 8], dir[sizeof(s->dir)];

	memcpy(dir, s->dir, sizeof(dir));
	snprintf(p, sizeof(s->buf[0]), "%s/%s", dir, name);
	return p;
}

static void scratch_done(scratch *s)
{
	remove_tree(s->dir);
}

/* Files in `dir` whose name holds ".tmp." (an export left behind). */
static int leftovers(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		n += strstr(e->d_name, ".tmp.") != NULL;
	closedir(d);
	return n;
}

static int have_command(const char *cmd)
{
	char *sh = ent_xasprintf("command -v %s >/dev/null 2>&1", cmd);
	int ok = system(sh) == 0;
	free(sh);
	return ok;
}

/* ---- the independent readers ------------------------------------------ */

/* Prints each node as "N name type mentions" and each edge as "E source
 * relation target weight years", sorted, every field with control
 * characters, '%' and '\' as %XX: the lines lines_of() makes in C. */
static const char reader_py[] =
	"import sys, json, csv\n"
	"import networkx as nx\n"
	"from networkx.readwrite import gexf as gx\n"
	"def esc(v):\n"
	"    return ''.join('%%%02X' % ord(c) if ord(c) < 32 or c in '%\\\\' or ord(c) == 127 else c for c in str(v))\n"
	"def num(v):\n"
	"    return str(int(float(v)))\n"
	"def gexf13():\n"
	"    # networkx before 3.0 knows GEXF 1.1draft and 1.2draft only; 1.3\n"
	"    # differs in its namespace for everything written here\n"
	"    r = gx.GEXFReader\n"
	"    if '1.3' not in r.versions:\n"
	"        d = dict(r.versions['1.2draft'])\n"
	"        d.update(NS_GEXF='http://gexf.net/1.3', NS_VIZ='http://gexf.net/1.3/viz', VERSION='1.3')\n"
	"        r.versions['1.3'] = d\n"
	"kind, path = sys.argv[1], sys.argv[2]\n"
	"nodes, edges = [], []\n"
	"if kind == 'csv':\n"
	"    with open(path + '/nodes.csv', newline='', encoding='utf-8') as f:\n"
	"        rows = list(csv.reader(f, strict=True))\n"
	"    assert rows[0] == ['id', 'name', 'type', 'key', 'aliases', 'mentions'], rows[0]\n"
	"    for r in rows[1:]:\n"
	"        assert len(r) == 6, r\n"
	"        nodes.append((r[0], r[1], r[2], r[5]))\n"
	"    with open(path + '/edges.csv', newline='', encoding='utf-8') as f:\n"
	"        rows = list(csv.reader(f, strict=True))\n"
	"    assert rows[0][:5] == ['source', 'target', 'key', 'relation', 'weight'], rows[0]\n"
	"    for r in rows[1:]:\n"
	"        assert len(r) == len(rows[0]), r\n"
	"        edges.append((r[0], r[3], r[1], r[4], r[7]))\n"
	"    for r in [n[1] for n in nodes]:\n"
	"        assert not r or r[0] not in '=+-@', 'formula cell: ' + r\n"
	"else:\n"
	"    if kind == 'graphml':\n"
	"        G = nx.read_graphml(path)\n"
	"        label = 'name'\n"
	"    elif kind == 'gexf':\n"
	"        gexf13()\n"
	"        G = nx.read_gexf(path)\n"
	"        label = 'label'\n"
	"    else:\n"
	"        data = json.load(open(path, encoding='utf-8'))\n"
	"        try:\n"
	"            G = nx.node_link_graph(data, edges='links')\n"
	"        except TypeError:\n"
	"            G = nx.node_link_graph(data)\n"
	"        assert G.is_directed() and G.is_multigraph()\n"
	"        label = 'name'\n"
	"    for n, d in G.nodes(data=True):\n"
	"        nodes.append((n, d.get(label, ''), d['type'], d['mentions']))\n"
	"    for s, t, d in G.edges(data=True):\n"
	"        y = d.get('years', '')  # igraph leaves empty strings out of GraphML\n"
	"        if isinstance(y, list):\n"
	"            y = ';'.join(str(v) for v in y)\n"
	"        edges.append((s, d['relation'], t, d['weight'], y))\n"
	"names = {n[0]: n[1] for n in nodes}\n"
	"out = ['N\\t%s\\t%s\\t%s' % (esc(n), esc(t), num(m)) for _, n, t, m in nodes]\n"
	"out += ['E\\t%s\\t%s\\t%s\\t%s\\t%s' % (esc(names[s]), esc(r), esc(names[t]), num(w), esc(y))\n"
	"        for s, r, t, w, y in edges]\n"
	"sys.stdout.write(''.join(l + '\\n' for l in sorted(out)))\n";

/* The text a format is meant to carry for `s`. */
static void expect_text(ent_buf *b, ent_export_format f, const char *s)
{
	ent_buf c;

	ent_buf_init(&c);
	/* XML and CSV have no place for control characters; JSON escapes them */
	ent_export_clean(&c, s, f != ENT_EXPORT_JSON);
	if (f == ENT_EXPORT_CSV && c.len && strchr("=+-@", c.data[0]))
		ent_buf_addc(b, '\'');
	for (size_t i = 0; i < c.len; i++) {
		unsigned char ch = (unsigned char)c.data[i];
		if (ch < 0x20 || ch == '%' || ch == '\\' || ch == 0x7F)
			ent_buf_printf(b, "%%%02X", ch);
		else
			ent_buf_addc(b, (char)ch);
	}
	ent_buf_release(&c);
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The reader's lines for graph `g` exported as `f`. */
static char *lines_of(const ent_graph *g, ent_export_format f)
{
	size_t n = ent_graph_node_count(g), m = ent_graph_edge_count(g), k = 0;
	char **lines = ent_xcalloc(n + m + 1, sizeof(*lines));
	ent_buf b, all;

	ent_buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		const ent_node *nd = ent_graph_node(g, i);
		ent_buf_adds(&b, "N\t");
		expect_text(&b, f, nd->name);
		ent_buf_printf(&b, "\t%s\t%ld", ent_type_name(nd->type), nd->mentions);
		lines[k++] = ent_buf_detach(&b);
	}
	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		ent_buf_adds(&b, "E\t");
		expect_text(&b, f, ent_graph_node(g, e->from)->name);
		ent_buf_printf(&b, "\t%s\t", ent_rel_name(e->rel));
		expect_text(&b, f, ent_graph_node(g, e->to)->name);
		ent_buf_printf(&b, "\t%ld\t%s", e->weight, e->years);
		lines[k++] = ent_buf_detach(&b);
	}
	qsort(lines, k, sizeof(*lines), cmp_line);
	ent_buf_init(&all);
	ent_buf_add(&all, "", 0);
	for (size_t i = 0; i < k; i++) {
		ent_buf_adds(&all, lines[i]);
		ent_buf_addc(&all, '\n');
		free(lines[i]);
	}
	free(lines);
	ent_buf_release(&b);
	return ent_buf_detach(&all);
}

static void need_python(void)
{
	ck_assert_msg(system(PYTHON " -c 'import networkx' >/dev/null 2>&1") == 0,
		      "python3-networkx is missing: run 'ENTENTE_TEST_DEPS=1 sh scripts/deps.sh' "
		      "(make check does)");
}

/* Export `g` as `f` into the scratch folder and compare what the reader
 * finds with entente's own graph. */
static void read_back(scratch *s, const ent_graph *g, ent_export_format f)
{
	static const char *const kinds[] = { "graphml", "gexf", "json", "csv" };
	const char *name = f == ENT_EXPORT_CSV ? "csv" : f == ENT_EXPORT_GEXF ? "kg.gexf"
			 : f == ENT_EXPORT_JSON ? "kg.json" : "kg.graphml";
	char *path = ent_xstrdup(at(s, name)), *py = ent_xstrdup(at(s, "reader.py"));
	char *out = ent_xstrdup(at(s, "reader.out")), *err = ent_xstrdup(at(s, "reader.err"));
	ent_export_options opt = { f, NULL };
	ent_error e;

	need_python();
	ent_error_clear(&e);
	ck_assert_msg(ent_graph_export(g, &opt, path, &e) == ENT_OK, "export: %s", e.msg);
	spill(py, reader_py, sizeof(reader_py) - 1);
	const char *argv[] = { PYTHON, py, kinds[f], path, NULL };
	int st = spawn(argv, NULL, out, err);
	char *got = slurp(out), *why = slurp(err), *want = lines_of(g, f);
	ck_assert_msg(st == 0, "%s reader failed (%d): %.2000s", kinds[f], st, why);
	ck_assert_msg(!strcmp(got, want), "%s read back differs:\n--- reader\n%.3000s\n--- entente\n%.3000s",
		      kinds[f], got, want);
	if (f == ENT_EXPORT_GRAPHML || f == ENT_EXPORT_GEXF) {
		char *cmd = ent_xasprintf("xmllint --noout '%s' 2>/dev/null", path);
		ck_assert_msg(system(cmd) == 0, "xmllint rejects %s", path);
		free(cmd);
	}
	free(got);
	free(why);
	free(want);
	free(path);
	free(py);
	free(out);
	free(err);
}

/* rapper on the N-Triples and Turtle exports: both parse, hold the
 * expected number of triples, and the same triples. */
static void rdf_back(scratch *s, const ent_graph *g, size_t expected)
{
	ent_export_options nt = { ENT_EXPORT_NTRIPLES, NULL }, ttl = { ENT_EXPORT_TURTLE, NULL };
	char *a = ent_xstrdup(at(s, "kg.nt")), *b = ent_xstrdup(at(s, "kg.ttl"));
	ent_error e;

	ck_assert_msg(have_command("rapper"),
		      "rapper (raptor2-utils) is missing: run 'ENTENTE_TEST_DEPS=1 sh scripts/deps.sh' "
		      "(make check does)");
	ent_error_clear(&e);
	ck_assert_int_eq(ent_graph_export(g, &nt, a, &e), ENT_OK);
	ck_assert_int_eq(ent_graph_export(g, &ttl, b, &e), ENT_OK);
	/* the same triples, blank nodes aside, in both syntaxes */
	char *cmd = ent_xasprintf(
		"set -e; cd '%s'; "
		"rapper -q -i ntriples -o ntriples kg.nt | sed 's/_:[A-Za-z0-9]*/_:b/g' | LC_ALL=C sort > a.txt; "
		"rapper -q -i turtle -o ntriples kg.ttl | sed 's/_:[A-Za-z0-9]*/_:b/g' | LC_ALL=C sort > b.txt; "
		"cmp -s a.txt b.txt; test $(wc -l < a.txt) -eq %zu",
		s->dir, expected);
	ck_assert_msg(system(cmd) == 0, "rapper: N-Triples and Turtle differ, do not parse, or do "
					"not hold %zu triples (see %s)", expected, s->dir);
	free(cmd);
	free(a);
	free(b);
}

/* Triples the RDF export holds for `g`: 2 per class and relation used
 * (3 for the symmetric one), 4 per node plus its aliases, and per edge
 * the triple, 4 of reification, weight, hedged, evidence, doc, line, rule
 * and one per year. */
static size_t triples_of(const ent_graph *g)
{
	unsigned types = 0, rels = 0;
	size_t n = 0;

	for (size_t i = 0; i < ent_graph_node_count(g); i++) {
		const ent_node *nd = ent_graph_node(g, i);
		types |= 1u << nd->type;
		n += 4;
		for (const char *p = nd->aliases; p && *p;) {
			size_t len = strcspn(p, "|");
			n += len > 0;
			p += len + (p[len] == '|');
		}
	}
	for (size_t i = 0; i < ent_graph_edge_count(g); i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		rels |= 1u << e->rel;
		n += 11;
		for (const char *p = e->years; p && *p;) {
			size_t len = strcspn(p, ";");
			n += len > 0;
			p += len + (p[len] == ';');
		}
	}
	for (int t = 0; t < ENT_TYPE_COUNT; t++)
		n += types & (1u << t) ? 2 : 0;
	for (int r = 0; r < ENT_REL_COUNT; r++)
		n += rels & (1u << r) ? 2 + (size_t)ent_rel_symmetric((ent_rel)r) : 0;
	return n;
}

/* ---- graphs ----------------------------------------------------------- */

/* The samples' graph, built in memory. */
static ent_graph *samples_graph(void)
{
	static const char *const docs[] = {
		"samples/joint-statement-china-asean.txt", "samples/news-brics-summit.txt",
		"samples/policy-brief-digital-silk-road.txt", "samples/press-release-eu-japan.txt",
	};
	ent_extractor *ex = ent_extractor_new();
	ent_error e;
	ent_graph *g;

	ent_error_clear(&e);
	for (size_t i = 0; i < sizeof(docs) / sizeof(docs[0]); i++)
		ck_assert_msg(ent_extractor_add_file(ex, docs[i], &e) == ENT_OK, "%s: %s", docs[i],
			      e.msg);
	g = ent_graph_from_corpus(ent_extractor_corpus(ex), &e);
	ck_assert_msg(g != NULL, "graph: %s", e.msg);
	ent_extractor_free(ex);
	ck_assert_uint_gt(ent_graph_edge_count(g), 20);
	return g;
}

/* Names and text a consumer must survive: markup, quotes, CDATA ends,
 * backslashes, formulas, control characters, invalid UTF-8, a line
 * separator, 20 KB. */
static const char *const hostile[] = {
	"Say \"hi\" <script>alert(1)</script> & 'x' ]]> \\",
	"=HYPERLINK(\"http://evil.example/\",\"click\")",
	"+41 Accord",
	"-2+3 Union",
	"@SUM(A1:A9) Forum",
	"Ctl\x01\x02\x1b[31mred\x7f end",
	"Bad \xff\xfe UTF-8 \xc3 here \xed\xa0\x80 too",
	"Tab\there\nnewline\r\nand a comma, \"quoted\"",
	"Line\xe2\x80\xa8separator % and %41",
	"S\xc3\xa3o Tom\xc3\xa9 \xe2\x80\x94 \xe4\xb8\xad\xe5\x9b\xbd",
};
#define N_HOSTILE (sizeof(hostile) / sizeof(hostile[0]))

static ent_graph *hostile_graph(char **big)
{
	static ent_entity ents[N_HOSTILE + 1];
	static ent_relation rels[N_HOSTILE + 1];
	static const char *const aliases[] = { "<b>alias</b>", "=1+1", "tab\talias" };
	ent_corpus c;
	ent_error e;
	ent_graph *g;
	ent_buf b;

	ent_buf_init(&b);
	for (int i = 0; i < 2000; i++)
		ent_buf_adds(&b, "long \"text\" <&> ");
	*big = ent_buf_detach(&b);
	memset(ents, 0, sizeof(ents));
	memset(rels, 0, sizeof(rels));
	for (size_t i = 0; i <= N_HOSTILE; i++) {
		ents[i].type = (ent_type)(i % ENT_TYPE_COUNT);
		ents[i].name = i < N_HOSTILE ? hostile[i] : *big;
		/* two nodes share a key, one key is hostile itself */
		ents[i].key = i == 1 ? hostile[0] : i == 2 ? "dup" : i == 3 ? "dup" : ents[i].name;
		ents[i].aliases = aliases;
		ents[i].n_aliases = i % 4;
		ents[i].mentions = i + 1;
	}
	for (size_t i = 0; i < N_HOSTILE; i++) {
		rels[i].subject = i;
		rels[i].object = (i + 3) % (N_HOSTILE + 1);
		rels[i].rel = (ent_rel)(i % ENT_REL_COUNT);
		rels[i].year = i % 2 ? 2000 + (int)i : 0;
		rels[i].ev.doc = hostile[(i + 1) % N_HOSTILE];
		rels[i].ev.line = (long)i + 1;
		rels[i].ev.sentence = i == 4 ? *big : hostile[(i + 2) % N_HOSTILE];
		rels[i].ev.rule = hostile[(i + 5) % N_HOSTILE];
	}
	memset(&c, 0, sizeof(c));
	c.entities = ents;
	c.n_entities = N_HOSTILE + 1;
	c.relations = rels;
	c.n_relations = N_HOSTILE;
	c.n_documents = 1;
	ent_error_clear(&e);
	g = ent_graph_from_corpus(&c, &e);
	ck_assert_msg(g != NULL, "graph: %s", e.msg);
	return g;
}

/* ---- exports read back ------------------------------------------------ */

START_TEST(graphml_by_networkx)
{
	scratch s;
	ent_graph *g = samples_graph();

	scratch_init(&s);
	read_back(&s, g, ENT_EXPORT_GRAPHML);
	ent_graph_free(g);
	scratch_done(&s);
}
END_TEST

START_TEST(gexf_by_networkx)
{
	scratch s;
	ent_graph *g = samples_graph();

	scratch_init(&s);
	read_back(&s, g, ENT_EXPORT_GEXF);
	char *x = slurp(at(&s, "kg.gexf"));
	ck_assert_ptr_nonnull(strstr(x, "xmlns=\"http://gexf.net/1.3\""));
	ck_assert_ptr_nonnull(strstr(x, "version=\"1.3\""));
	free(x);
	ent_graph_free(g);
	scratch_done(&s);
}
END_TEST

START_TEST(json_by_networkx)
{
	scratch s;
	ent_graph *g = samples_graph();

	scratch_init(&s);
	read_back(&s, g, ENT_EXPORT_JSON);
	char *x = slurp(at(&s, "kg.json"));
	/* ids are keys, stable across runs; evidence travels with each link */
	ck_assert_ptr_nonnull(strstr(x, "{\"id\": \"CHN\", \"name\": \"China\""));
	ck_assert_ptr_nonnull(strstr(x, "\"evidence\": \""));
	free(x);
	ent_graph_free(g);
	scratch_done(&s);
}
END_TEST

START_TEST(csv_by_python)
{
	scratch s;
	ent_graph *g = samples_graph();

	scratch_init(&s);
	read_back(&s, g, ENT_EXPORT_CSV);
	char *x = slurp(at(&s, "csv/nodes.csv"));
	ck_assert_msg(!strncmp(x, "id,name,type,key,aliases,mentions\r\n", 35), "header: %.80s", x);
	free(x);
	ck_assert_int_eq(leftovers(at(&s, "csv")), 0);
	ent_graph_free(g);
	scratch_done(&s);
}
END_TEST

START_TEST(rdf_by_rapper)
{
	scratch s;
	ent_graph *g = samples_graph();

	scratch_init(&s);
	rdf_back(&s, g, triples_of(g));
	char *x = slurp(at(&s, "kg.nt"));
	ck_assert_ptr_nonnull(strstr(x, "<urn:entente:entity/CHN> <http://www.w3.org/2000/01/"
					"rdf-schema#label> \"China\" .\n"));
	ck_assert_ptr_nonnull(strstr(x, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
					"<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> .\n"));
	free(x);
	ent_graph_free(g);
	scratch_done(&s);
}
END_TEST

START_TEST(hostile_text_survives)
{
	scratch s;
	char *big;
	ent_graph *g = hostile_graph(&big);

	scratch_init(&s);
	for (int f = ENT_EXPORT_GRAPHML; f <= ENT_EXPORT_CSV; f++)
		read_back(&s, g, (ent_export_format)f);
	rdf_back(&s, g, triples_of(g));
	/* nothing unescaped where a browser or spreadsheet would act on it */
	char *x = slurp(at(&s, "kg.gexf"));
	ck_assert_ptr_null(strstr(x, "<script"));
	ck_assert_ptr_null(strstr(x, "]]>"));
	free(x);
	x = slurp(at(&s, "csv/nodes.csv"));
	ck_assert_ptr_nonnull(strstr(x, "'=HYPERLINK"));
	ck_assert_ptr_nonnull(strstr(x, ",'+41 Accord,"));
	ck_assert_ptr_nonnull(strstr(x, ",'-2+3 Union,"));
	ck_assert_ptr_nonnull(strstr(x, ",'@SUM(A1:A9) Forum,"));
	free(x);
	/* a strict JSON parser accepts it */
	char *cmd = ent_xasprintf(PYTHON " -c 'import json,sys; json.load(open(sys.argv[1]))' '%s'",
				  at(&s, "kg.json"));
	ck_assert_msg(system(cmd) == 0, "json.load rejects the JSON export");
	free(cmd);
	ent_graph_free(g);
	free(big);
	scratch_done(&s);
}
END_TEST

START_TEST(names_are_stable_and_unique)
{
	ent_export_names nm;
	char *big;
	ent_graph *g = hostile_graph(&big);
	ent_map seen;

	ent_export_names_init(&nm, g);
	ent_map_init(&seen);
	for (size_t i = 0; i < nm.n_nodes; i++) {
		ck_assert_msg(!ent_map_get(&seen, nm.node[i]), "id '%s' twice", nm.node[i]);
		ent_map_put(&seen, nm.node[i], i);
	}
	ck_assert_ptr_nonnull(ent_map_get(&seen, "dup"));
	ent_map_release(&seen);
	ent_export_names_release(&nm);
	ent_graph_free(g);
	free(big);

	ent_export_format f;
	ck_assert_int_eq(ent_export_format_parse("Turtle", &f), 0);
	ck_assert_int_eq(f, ENT_EXPORT_TURTLE);
	ck_assert_int_eq(ent_export_format_parse("xlsx", &f), -1);
	ck_assert_int_eq(ent_export_format_for("out/kg.GEXF", &f), 0);
	ck_assert_int_eq(f, ENT_EXPORT_GEXF);
	ck_assert_int_eq(ent_export_format_for("kg.csv", &f), -1);
	size_t pos = 0;
	long y;
	ck_assert(ent_export_next_year("2019;x;-44;2021", &pos, &y) && y == 2019);
	ck_assert(ent_export_next_year("2019;x;-44;2021", &pos, &y) && y == -44);
	ck_assert(ent_export_next_year("2019;x;-44;2021", &pos, &y) && y == 2021);
	ck_assert(!ent_export_next_year("2019;x;-44;2021", &pos, &y));
}
END_TEST

START_TEST(export_errors)
{
	scratch s;
	ent_graph *g = samples_graph();
	ent_export_options csv = { ENT_EXPORT_CSV, NULL }, nt = { ENT_EXPORT_NTRIPLES, "no scheme/" };
	ent_error e;

	scratch_init(&s);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_graph_export(g, &csv, "-", &e), ENT_ERR_USAGE);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_graph_export(g, &nt, at(&s, "x.nt"), &e), ENT_ERR_USAGE);
	ck_assert_ptr_nonnull(strstr(e.msg, "base IRI"));
	/* a folder where the file goes, a file where the folder goes */
	ent_export_options js = { ENT_EXPORT_JSON, NULL };
	ent_error_clear(&e);
	ck_assert_int_eq(ent_graph_export(g, &js, s.dir, &e), ENT_ERR_OUTPUT);
	ck_assert_str_eq(e.file, s.dir);
	spill(at(&s, "file"), "x", 1);
	ent_error_clear(&e);
	ck_assert_int_eq(ent_graph_export(g, &csv, at(&s, "file"), &e), ENT_ERR_OUTPUT);
	ck_assert_ptr_nonnull(strstr(e.file, "/file"));
	ent_error_clear(&e);
	ck_assert_int_eq(ent_graph_export(g, &csv, at(&s, "no/such/dir"), &e), ENT_ERR_OUTPUT);
	/* a full disk: an error naming the file, nothing left behind */
	for (int f = ENT_EXPORT_GEXF; f < ENT_EXPORT_COUNT; f++) {
		ent_export_options o = { (ent_export_format)f, NULL };
		if (f == ENT_EXPORT_CSV)
			continue;
		ent_error_clear(&e);
		ck_assert_msg(ent_graph_export(g, &o, "/dev/full", &e) == ENT_ERR_OUTPUT,
			      "%s to /dev/full", ent_export_format_name((ent_export_format)f));
		ck_assert_str_eq(e.file, "/dev/full");
	}
	ck_assert_int_eq(leftovers(s.dir), 0);
	ent_graph_free(g);
	scratch_done(&s);
}
END_TEST

/* ---- the export command ----------------------------------------------- */

START_TEST(cli_export)
{
	scratch s;
	char *x;

	scratch_init(&s);
	ck_assert_int_eq(entente(NULL, NULL, "export", "-q", "samples/", "-o", at(&s, "kg.gexf"),
				 NULL), 0);
	x = slurp(at(&s, "kg.gexf"));
	ck_assert_ptr_nonnull(strstr(x, "<gexf"));
	free(x);
	ck_assert_int_eq(entente(NULL, NULL, "build", "-q", "samples/", "-o", at(&s, "kg.graphml"),
				 NULL), 0);
	/* from the GraphML file, a view, to standard output */
	ck_assert_int_eq(entente(at(&s, "out.json"), at(&s, "err"), "export", at(&s, "kg.graphml"),
				 "--types", "country", "-f", "json", NULL), 0);
	x = slurp(at(&s, "out.json"));
	ck_assert_ptr_nonnull(strstr(x, "\"type\": \"country\""));
	ck_assert_ptr_null(strstr(x, "\"type\": \"organization\""));
	free(x);
	x = slurp(at(&s, "err"));
	ck_assert_msg(!strncmp(x, "entente: ", 9) && strstr(x, "(json)"), "summary: %s", x);
	free(x);
	ck_assert_int_eq(entente(NULL, NULL, "export", "-q", at(&s, "kg.graphml"), "-f", "csv", "-o",
				 at(&s, "neo4j"), NULL), 0);
	x = slurp(at(&s, "neo4j/edges.csv"));
	ck_assert_ptr_nonnull(x);
	free(x);
	ck_assert_int_eq(entente(NULL, NULL, "export", "-q", at(&s, "kg.graphml"), "-o",
				 at(&s, "kg.ttl"), "--base", "https://example.org/kg/", NULL), 0);
	x = slurp(at(&s, "kg.ttl"));
	ck_assert_ptr_nonnull(strstr(x, "@prefix rel: <https://example.org/kg/relation/> ."));
	free(x);
	ck_assert_int_eq(entente(NULL, NULL, "export", "-h", NULL), 0);
	ent_buf cmd;
	ent_buf_init(&cmd);
	ent_buf_printf(&cmd, "'%s' export -q samples/ -f nt -o - | rapper -q -c -i ntriples - x: "
			     ">/dev/null 2>&1", entente_bin());
	ck_assert_msg(system(cmd.data) == 0, "N-Triples on standard output does not parse");
	ent_buf_release(&cmd);
	scratch_done(&s);
}
END_TEST

START_TEST(cli_export_errors)
{
	scratch s;
	char *x;

	scratch_init(&s);
	ck_assert_int_eq(entente(NULL, NULL, "build", "-q", "samples/", "-o", at(&s, "kg.graphml"),
				 NULL), 0);
	/* usage: unknown format, no format, CSV to standard output, no input,
	 * output over the input, a bad base IRI */
	ck_assert_int_eq(entente(NULL, at(&s, "err"), "export", at(&s, "kg.graphml"), "-f", "xlsx",
				 NULL), 2);
	x = slurp(at(&s, "err"));
	ck_assert_str_eq(x, "entente: unknown format 'xlsx'; use graphml, gexf, json, csv, nt or ttl "
			    "(see 'entente export -h')\n");
	free(x);
	ck_assert_int_eq(entente(NULL, NULL, "export", at(&s, "kg.graphml"), "-o", at(&s, "kg.txt"),
				 NULL), 2);
	ck_assert_int_eq(entente(NULL, NULL, "export", at(&s, "kg.graphml"), "-f", "csv", NULL), 2);
	ck_assert_int_eq(entente(NULL, NULL, "export", "-f", "json", NULL), 2);
	ck_assert_int_eq(entente(NULL, NULL, "export", at(&s, "kg.graphml"), "-f", "graphml", "-o",
				 at(&s, "kg.graphml"), NULL), 2);
	ck_assert_int_eq(entente(NULL, NULL, "export", at(&s, "kg.graphml"), "-f", "nt", "--base",
				 "urn:x y:", NULL), 2);
	/* output: a full disk, one error line naming it, nothing left */
	ck_assert_int_eq(entente(NULL, at(&s, "err"), "export", at(&s, "kg.graphml"), "-f", "gexf",
				 "-o", "/dev/full", NULL), 4);
	x = slurp(at(&s, "err"));
	ck_assert_msg(!strncmp(x, "entente: /dev/full: ", 20) && strchr(x, '\n') == x + strlen(x) - 1,
		      "stderr: %s", x);
	free(x);
	/* input: a missing file */
	ck_assert_int_eq(entente(NULL, NULL, "export", at(&s, "missing.graphml"), "-f", "json", NULL),
			 3);
	ck_assert_int_eq(leftovers(s.dir), 0);
	scratch_done(&s);
}
END_TEST

START_TEST(graphml_round_trip_report)
{
	scratch s;

	scratch_init(&s);
	ck_assert_int_eq(entente(at(&s, "direct.txt"), NULL, "report", "samples/", NULL), 0);
	ck_assert_int_eq(entente(NULL, NULL, "build", "-q", "samples/", "-o", at(&s, "kg.graphml"),
				 NULL), 0);
	ck_assert_int_eq(entente(at(&s, "via.txt"), NULL, "report", at(&s, "kg.graphml"), NULL), 0);
	char *a = slurp(at(&s, "direct.txt")), *b = slurp(at(&s, "via.txt"));
	ck_assert_uint_gt(strlen(a), 100);
	ck_assert_msg(!strcmp(a, b), "report differs after a GraphML round trip:\n%s\n---\n%s", a, b);
	free(a);
	free(b);
	scratch_done(&s);
}
END_TEST

/* ---- HTML ------------------------------------------------------------- */

static ent_extractor *extract_file(const char *path)
{
	ent_extractor *ex = ent_extractor_new();
	ent_error e;

	ent_error_clear(&e);
	ck_assert_msg(ent_extractor_add_file(ex, path, &e) == ENT_OK, "%s: %s", path, e.msg);
	return ex;
}

/* The relation's evidence line, or 0 when it was not found. */
static long line_of(const ent_corpus *c, const char *s, ent_rel rel, const char *o)
{
	size_t i = th_relation(c, s, rel, o);
	return i ? c->relations[i - 1].ev.line : 0;
}

START_TEST(html_news_furniture)
{
	static const char *const furniture[] = {
		"Russia", "Norway", "Germany", "Japan", "France", "India", "Chile", "Mexico",
		"Italy", "Brazil", "Spain", "Canada", "Tracking Accord", "Menu Accord",
		"Sidebar Accord", "Footer Forum", "Share Programme",
	};
	ent_extractor *ex = extract_file(HTML_DIR "/news.html");
	const ent_corpus *c = ent_extractor_corpus(ex);

	for (size_t i = 0; i < sizeof(furniture) / sizeof(furniture[0]); i++)
		ck_assert_msg(th_named(c, furniture[i]) < 0, "'%s' came from the page's furniture",
			      furniture[i]);
	/* the article, at the lines of the page where it stands */
	ck_assert_int_eq(line_of(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum"), 31);
	ck_assert_int_eq(line_of(c, "Ethiopia", ENT_REL_SIGNED, "Digital Corridor Agreement"), 33);
	ck_assert_int_eq(line_of(c, "Ghana", ENT_REL_MEMBER_OF, "Smart Africa Alliance"), 34);
	ck_assert_int_eq(line_of(c, "Senegal", ENT_REL_LAUNCHED, "Dakar Fibre Programme"), 34);
	ck_assert_int_eq(line_of(c, "Nigeria", ENT_REL_PARTICIPATED_IN, "Nairobi Data Forum"), 39);
	ck_assert_int_eq(line_of(c, "Uganda", ENT_REL_PARTICIPATED_IN, "Nairobi Data Forum"), 42);
	ck_assert_int_eq(line_of(c, "Tanzania", ENT_REL_PARTICIPATED_IN, "Nairobi Data Forum"), 43);
	/* character references decoded, &nbsp; a plain space */
	size_t k = th_relation(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum");
	ck_assert_ptr_nonnull(strstr(c->relations[k - 1].ev.sentence, "NAIROBI \xe2\x80\x94 Kenya"));
	k = th_relation(c, "Rwanda", ENT_REL_SIGNED, "Digital Corridor Agreement");
	ck_assert_ptr_nonnull(strstr(c->relations[k - 1].ev.sentence, "Agreement on the second day"));
	ent_extractor_free(ex);
}
END_TEST

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entities (type, name, key) and relations (subject key, relation,
 * object key, year) of a corpus, one a line, sorted: what must not
 * depend on the markup a text came in. */
static char *signature(const ent_corpus *c)
{
	size_t n = c->n_entities + c->n_relations, k = 0;
	char **v = ent_xcalloc(n + 1, sizeof(*v));
	ent_buf b;

	for (size_t i = 0; i < c->n_entities; i++)
		v[k++] = ent_xasprintf("entity %s %s %s", ent_type_name(c->entities[i].type),
				       c->entities[i].name, c->entities[i].key);
	for (size_t i = 0; i < c->n_relations; i++) {
		const ent_relation *r = &c->relations[i];
		v[k++] = ent_xasprintf("relation %s %s %s %d", c->entities[r->subject].key,
				       ent_rel_name(r->rel), c->entities[r->object].key, r->year);
	}
	qsort(v, k, sizeof(*v), cmp_str);
	ent_buf_init(&b);
	ent_buf_add(&b, "", 0);
	for (size_t i = 0; i < k; i++) {
		ent_buf_adds(&b, v[i]);
		ent_buf_addc(&b, '\n');
		free(v[i]);
	}
	free(v);
	return ent_buf_detach(&b);
}

START_TEST(html_same_as_text)
{
	static const char *const furniture[] = {
		"Sweden", "Finland", "Austria", "Portugal", "Greece", "Poland", "Ireland",
		"Denmark", "Belgium", "Netherlands",
	};
	ent_extractor *h = extract_file(HTML_DIR "/gov.html"), *t = extract_file(HTML_DIR "/gov.txt");
	const ent_corpus *ch = ent_extractor_corpus(h), *ct = ent_extractor_corpus(t);
	char *sh = signature(ch), *st = signature(ct);

	ck_assert_uint_ge(ct->n_relations, 8);
	ck_assert_msg(!strcmp(sh, st), "HTML and text differ:\n--- gov.html\n%s--- gov.txt\n%s", sh, st);
	for (size_t i = 0; i < sizeof(furniture) / sizeof(furniture[0]); i++)
		ck_assert_msg(th_named(ch, furniture[i]) < 0, "'%s' came from the page's furniture",
			      furniture[i]);
	ck_assert_int_eq(line_of(ch, "Ghana", ENT_REL_HOSTED, "West Africa Trade Summit"), 30);
	ck_assert_int_eq(line_of(ch, "Morocco", ENT_REL_LAUNCHED, "Atlantic Logistics Programme"), 35);
	free(sh);
	free(st);
	ent_extractor_free(h);
	ent_extractor_free(t);
}
END_TEST

/* The corpus of one document given as bytes. */
static ent_extractor *extract_bytes(const char *doc, const char *data, size_t len)
{
	ent_extractor *ex = ent_extractor_new();
	ent_error e;

	ent_error_clear(&e);
	ck_assert_msg(ent_extractor_add_text(ex, doc, data, len, &e) == ENT_OK, "%s: %s", doc, e.msg);
	return ex;
}

static long by_key(const ent_corpus *c, const char *key)
{
	for (size_t i = 0; i < c->n_entities; i++)
		if (!strcmp(c->entities[i].key, key))
			return (long)i;
	return -1;
}

START_TEST(html_encodings)
{
	/* the same page in UTF-8, ISO-8859-1 and Windows-1252, each declared */
	static const char *const pages[] = {
		"<html><head><meta charset=\"utf-8\"></head><body>\n"
		"<p>C\xc3\xb4te d\xe2\x80\x99Ivoire hosted the Abidjan Cocoa Forum in 2021.</p>\n"
		"<p>S\xc3\xa3o Tom\xc3\xa9 and Pr\xc3\xadncipe signed the \xe2\x80\x9cGulf Accord\xe2\x80\x9d "
		"worth \xe2\x82\xac 5 million.</p></body></html>\n",
		"<html><head><meta charset=\"iso-8859-1\"></head><body>\n"
		"<p>C\xf4te d\x92Ivoire hosted the Abidjan Cocoa Forum in 2021.</p>\n"
		"<p>S\xe3o Tom\xe9 and Pr\xedncipe signed the \x93Gulf Accord\x94 worth \x80 5 million.</p>"
		"</body></html>\n",
		"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
		"charset=windows-1252\"></head><body>\n"
		"<p>C\xf4te d\x92Ivoire hosted the Abidjan Cocoa Forum in 2021.</p>\n"
		"<p>S\xe3o Tom\xe9 and Pr\xedncipe signed the \x93Gulf Accord\x94 worth \x80 5 million.</p>"
		"</body></html>\n",
	};
	char *first = NULL;

	for (size_t p = 0; p < 3; p++) {
		ent_extractor *ex = extract_bytes("page.html", pages[p], strlen(pages[p]));
		const ent_corpus *c = ent_extractor_corpus(ex);
		ck_assert_msg(by_key(c, "CIV") >= 0, "page %zu: no C\xc3\xb4te d'Ivoire", p);
		ck_assert_msg(by_key(c, "STP") >= 0, "page %zu: no S\xc3\xa3o Tom\xc3\xa9", p);
		for (size_t i = 0; i < c->n_relations; i++) {
			const char *ev = c->relations[i].ev.sentence;
			ck_assert_msg(!strstr(ev, "\xef\xbf\xbd"), "page %zu: U+FFFD in '%s'", p, ev);
			if (strstr(ev, "Gulf"))
				ck_assert_msg(strstr(ev, "\xe2\x80\x9cGulf Accord\xe2\x80\x9d worth "
							 "\xe2\x82\xac 5"), "page %zu: '%s'", p, ev);
		}
		char *sig = signature(c);
		if (!first)
			first = sig;
		else {
			ck_assert_msg(!strcmp(first, sig), "page %zu differs:\n%s---\n%s", p, sig, first);
			free(sig);
		}
		ent_extractor_free(ex);
	}
	free(first);
}
END_TEST

START_TEST(html_lines_past_65535)
{
	/* libxml2 keeps big line numbers only when asked; evidence must not
	 * stop counting at 65535 */
	ent_buf b;
	ent_buf_init(&b);
	ent_buf_adds(&b, "<html><body>\n<p>Intro.</p>\n");
	for (int i = 0; i < 70000; i++)
		ent_buf_adds(&b, "<p>\n</p>\n");
	ent_buf_adds(&b, "<p>Kenya hosted the Nairobi Data Forum.</p>\n</body></html>\n");
	ent_extractor *ex = extract_bytes("long.html", b.data, b.len);
	const ent_corpus *c = ent_extractor_corpus(ex);
	ck_assert_int_eq(line_of(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum"), 140003);
	ent_extractor_free(ex);
	ent_buf_release(&b);
}
END_TEST

START_TEST(html_layout_is_not_furniture)
{
	/* a layout class on the page's wrapper does not drop the page: not
	 * when the wrapper holds the main content, nor when dropping it would
	 * leave nothing */
	static const char *const pages[] = {
		"<html><body><div class=\"layout with-sidebar\"><article>\n"
		"<p>Kenya hosted the Nairobi Data Forum.</p></article>\n"
		"<div class=\"sidebar\">Japan hosted the Sidebar Forum.</div></div></body></html>\n",
		"<html><body><div class=\"page menu-open\">\n"
		"<p>Kenya hosted the Nairobi Data Forum.</p></div></body></html>\n",
	};
	for (size_t p = 0; p < 2; p++) {
		ent_extractor *ex = extract_bytes("page.html", pages[p], strlen(pages[p]));
		const ent_corpus *c = ent_extractor_corpus(ex);
		ck_assert_int_eq(line_of(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum"), 2);
		ck_assert_int_lt(th_named(c, "Japan"), 0);
		ent_extractor_free(ex);
	}
}
END_TEST

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Markup text of `n` copies of `unit` (between `head` and `tail`). */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
	ent_buf b;
	ent_buf_init(&b);
	ent_buf_adds(&b, head);
	for (size_t i = 0; i < n; i++)
		ent_buf_adds(&b, unit);
	ent_buf_adds(&b, tail);
	*len = b.len;
	return ent_buf_detach(&b);
}

START_TEST(markup_linear_time)
{
	static const struct {
		const char *head, *unit, *tail;
		size_t n;
	} cases[] = {
		/* blocks sharing one source line: each is moved down */
		{ "<html><body>", "<p>Kenya.</p>", "</body></html>", 100000 },
		/* empty blocks after a long run of blank lines */
		{ "<html><body>", "<div></div>\n", "<p>Peru.</p></body></html>", 100000 },
		{ "<?xml version=\"1.0\"?><r>", "<i>Kenya</i>", "</r>", 100000 },
		{ "# Title\n", "[", " x", 1000000 },
		{ "# Title\n", "[a](", " x", 200000 },
		{ "# Title\n", "<a ", " x", 200000 },
		{ "# Title\n", "**_~", " x", 200000 },
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		size_t len;
		char *data = repeat(cases[k].head, cases[k].unit, cases[k].n, cases[k].tail, &len);
		ent_markup kind = ent_markup_sniff(data, len);
		char *text;
		size_t tl;
		ent_error e;
		ent_error_clear(&e);
		double t0 = seconds();
		ent_status st = kind == ENT_MARKUP_NONE ? ENT_ERR_FAIL
			: ent_markup_text("x", data, len, kind, &text, &tl, &e);
		double dt = seconds() - t0;
		/* Free before asserting: without Check's fork a failed
		 * assertion returns no further, and valgrind would report
		 * the buffers besides the failure. */
		if (st == ENT_OK)
			free(text);
		free(data);
		ck_assert_int_ne(kind, ENT_MARKUP_NONE);
		ck_assert_int_eq(st, ENT_OK);
		ck_assert_msg(dt < 3.0 * th_time_scale(), "case %zu took %.2f s", k, dt);
	}
}
END_TEST

/* ---- XML and Markdown ------------------------------------------------- */

START_TEST(xml_title_is_heading)
{
	static const char xml[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<doc xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
		"<meta><dc:title>Memorandum between Kenya and Peru</dc:title></meta>\n"
		"<body><list><item>Kenya hosted the Nairobi Data Forum</item>"
		"<item>Peru signed the Andes Digital Accord</item></list>\n"
		"<para>Chile <emph>launched</emph> the Pacific Cable Programme.</para></body>\n"
		"</doc>\n";
	char *text;
	size_t len, n;
	ent_sentence *s;
	ent_error e;

	ent_error_clear(&e);
	ck_assert_int_eq(ent_markup_sniff(xml, sizeof(xml) - 1), ENT_MARKUP_XML);
	ck_assert_int_eq(ent_markup_text("d.xml", xml, sizeof(xml) - 1, ENT_MARKUP_XML, &text, &len,
					 &e), ENT_OK);
	ent_text_split(text, len, &s, &n);
	ck_assert_uint_ge(n, 1);
	ck_assert_int_eq(s[0].line, 3);
	ck_assert(s[0].flags & ENT_SENT_HEADING);
	ck_assert_int_eq(strncmp(text + s[0].start, "Memorandum between Kenya and Peru",
				 s[0].end - s[0].start), 0);
	free(s);
	free(text);

	/* list items stay apart; inline elements stay in their sentence */
	ent_extractor *ex = extract_bytes("d.xml", xml, sizeof(xml) - 1);
	const ent_corpus *c = ent_extractor_corpus(ex);
	ck_assert(th_relation(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum"));
	ck_assert(th_relation(c, "Peru", ENT_REL_SIGNED, "Andes Digital Accord"));
	ck_assert_int_eq(line_of(c, "Chile", ENT_REL_LAUNCHED, "Pacific Cable Programme"), 6);
	ent_extractor_free(ex);
}
END_TEST

START_TEST(markdown_markup_is_not_words)
{
	static const char md[] =
		"# Kenya and **Peru**: a new partnership #\n"
		"\n"
		"**Kenya** hosted the [Nairobi Data Forum](https://example.org/Japan_(forum)?Brazil=1) in 2023.\n"
		"_Peru_ signed the `Andes Digital Accord` with Chile.\n"
		"![Logo of Mexico](mexico.png) See [the report][rep].\n"
		"\n"
		"> - Ghana joined the *African Union*.\n"
		"\n"
		"| Country | Role |\n"
		"|---------|------|\n"
		"| Togo | participated in the Nairobi Data Forum. |\n"
		"\n"
		"```\n"
		"Russia signed the Code Accord.\n"
		"```\n"
		"[rep]: https://example.org/Norway\n";
	static const char plain[] =
		"Kenya and Peru: a new partnership\n"
		"\n"
		"Kenya hosted the Nairobi Data Forum in 2023.\n"
		"Peru signed the Andes Digital Accord with Chile.\n"
		"See the report.\n"
		"\n"
		"Ghana joined the African Union.\n"
		"\n"
		"Togo participated in the Nairobi Data Forum.\n";
	ck_assert_int_eq(ent_markup_sniff(md, sizeof(md) - 1), ENT_MARKUP_MARKDOWN);
	ck_assert_int_eq(ent_markup_sniff(plain, sizeof(plain) - 1), ENT_MARKUP_NONE);
	ent_extractor *m = extract_bytes("doc.md", md, sizeof(md) - 1);
	const ent_corpus *c = ent_extractor_corpus(m);
	ck_assert(th_relation(c, "Kenya", ENT_REL_HOSTED, "Nairobi Data Forum"));
	ck_assert(th_relation(c, "Peru", ENT_REL_SIGNED, "Andes Digital Accord"));
	ck_assert(th_relation(c, "Ghana", ENT_REL_MEMBER_OF, "African Union"));
	ck_assert_int_eq(line_of(c, "Ghana", ENT_REL_MEMBER_OF, "African Union"), 7);
	ck_assert_int_eq(line_of(c, "Togo", ENT_REL_PARTICIPATED_IN, "Nairobi Data Forum"), 11);
	/* link targets, images and code are not text */
	ck_assert_int_lt(th_named(c, "Japan"), 0);
	ck_assert_int_lt(th_named(c, "Brazil"), 0);
	ck_assert_int_lt(th_named(c, "Mexico"), 0);
	ck_assert_int_lt(th_named(c, "Norway"), 0);
	ck_assert_int_lt(th_named(c, "Russia"), 0);
	for (size_t i = 0; i < c->n_relations; i++) {
		const char *ev = c->relations[i].ev.sentence;
		ck_assert_msg(!strpbrk(ev, "*#`[]|>") && !strstr(ev, "http"), "markup in '%s'", ev);
	}
	ent_extractor *p = extract_bytes("doc.txt", plain, sizeof(plain) - 1);
	const ent_corpus *cp = ent_extractor_corpus(p);
	char *a = signature(c), *b = signature(cp);
	ck_assert_msg(!strcmp(a, b), "Markdown and text differ:\n%s---\n%s", a, b);
	free(a);
	free(b);
	ent_extractor_free(m);
	ent_extractor_free(p);
}
END_TEST

/* ---- inputs: list files and --stats ----------------------------------- */

START_TEST(list_files)
{
	scratch s;
	char *x;

	scratch_init(&s);
	ck_assert_int_eq(mkdir(at(&s, "docs"), 0755), 0);
	ck_assert_int_eq(mkdir(at(&s, "docs/more"), 0755), 0);
	spill(at(&s, "docs/a.txt"), "Kenya hosted the Nairobi Data Forum.\n", 37);
	spill(at(&s, "docs/more/b.md"), "**Peru** signed the Andes Digital Accord.\n", 42);
	spill(at(&s, "docs/more/c.txt"), "Chile launched the Pacific Cable Programme.\n", 44);
	/* relative to the list's folder; comments, blank lines, CRLF, a folder */
	const char list[] = "# the corpus\r\n\r\n  a.txt  \r\nmore\r\n";
	spill(at(&s, "docs/list.txt"), list, sizeof(list) - 1);
	char *arg = ent_xasprintf("@%s", at(&s, "docs/list.txt"));
	ck_assert_int_eq(entente(at(&s, "out"), at(&s, "err"), "extract", "--stats", "--format", "tsv",
				 arg, NULL), 0);
	x = slurp(at(&s, "out"));
	ck_assert_ptr_nonnull(strstr(x, "Nairobi Data Forum"));
	ck_assert_ptr_nonnull(strstr(x, "Andes Digital Accord"));
	ck_assert_ptr_nonnull(strstr(x, "Pacific Cable Programme"));
	free(x);
	/* --stats: one row per document and the totals, on standard error */
	x = slurp(at(&s, "err"));
	ck_assert_msg(!strncmp(x, "document ", 9) && strstr(x, "/docs/a.txt ") &&
			      strstr(x, "/docs/more/b.md ") && strstr(x, "\n3 documents "),
		      "stats: %s", x);
	free(x);
	free(arg);
	/* a missing entry names the list and the line */
	const char bad[] = "a.txt\n# fine\nnope.txt\n";
	spill(at(&s, "docs/bad.txt"), bad, sizeof(bad) - 1);
	arg = ent_xasprintf("@%s", at(&s, "docs/bad.txt"));
	ck_assert_int_eq(entente(NULL, at(&s, "err"), "build", arg, "-o", at(&s, "kg.graphml"), NULL), 3);
	x = slurp(at(&s, "err"));
	char *want = ent_xasprintf("entente: %s/docs/bad.txt:3: '%s/docs/nope.txt': No such file or "
				   "directory\n", s.dir, s.dir);
	ck_assert_str_eq(x, want);
	free(want);
	free(x);
	free(arg);
	ck_assert_int_eq(entente(NULL, NULL, "extract", "@", NULL), 2);
	ck_assert_int_eq(entente(NULL, NULL, "extract", "@/nonexistent/list", NULL), 3);
	scratch_done(&s);
}
END_TEST

Suite *suite_export(void)
{
	Suite *s = suite_create("export");
	TCase *formats = tcase_create("formats");
	TCase *cli = tcase_create("cli");
	TCase *html = tcase_create("html");
	TCase *inputs = tcase_create("inputs");

	tcase_add_test(formats, graphml_by_networkx);
	tcase_add_test(formats, gexf_by_networkx);
	tcase_add_test(formats, json_by_networkx);
	tcase_add_test(formats, csv_by_python);
	tcase_add_test(formats, rdf_by_rapper);
	tcase_add_test(formats, hostile_text_survives);
	tcase_add_test(formats, names_are_stable_and_unique);
	tcase_add_test(formats, export_errors);
	tcase_add_test(cli, cli_export);
	tcase_add_test(cli, cli_export_errors);
	tcase_add_test(cli, graphml_round_trip_report);
	tcase_add_test(html, html_news_furniture);
	tcase_add_test(html, html_same_as_text);
	tcase_add_test(html, html_layout_is_not_furniture);
	tcase_add_test(html, html_encodings);
	tcase_add_test(html, html_lines_past_65535);
	tcase_add_test(html, markup_linear_time);
	tcase_add_test(inputs, xml_title_is_heading);
	tcase_add_test(inputs, markdown_markup_is_not_words);
	tcase_add_test(inputs, list_files);
	suite_add_tcase(s, formats);
	suite_add_tcase(s, cli);
	suite_add_tcase(s, html);
	suite_add_tcase(s, inputs);
	return s;
}
