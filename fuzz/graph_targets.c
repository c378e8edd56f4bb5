/*
 * Harness bodies for the graph: the GraphML reader on arbitrary bytes,
 * and extraction followed by every writer. Both end in the same checks:
 * the graph keeps its invariants, every export is written and read back
 * by an independent reader (libxml2 for GraphML and GEXF, a strict JSON
 * recogniser, an RFC 4180 splitter, Graphviz for DOT), and GraphML
 * survives a round trip through entente's own reader.
 *
 * The library writes to paths, so the bodies use one private temporary
 * folder per process (in /dev/shm when there is one), removed at exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "entente/graph.h"
#include "entente/render.h"
#include "fuzz.h"
#include "util.h"

/* Every file the bodies write, relative to the folder. */
static const char *const tmp_names[] = {
	"in.graphml", "in.jsonl", "a.graphml", "b.graphml", "out.graphml", "out.gexf", "out.json", "out.nt", "out.ttl",
	"out.dot", "csv/nodes.csv", "csv/edges.csv", "csv", NULL,
};

static char tmp_dir[256];

static void tmp_remove(void)
{
	char path[512];

	for (int i = 0; tmp_names[i]; i++) {
		snprintf(path, sizeof(path), "%s/%s", tmp_dir, tmp_names[i]);
		remove(path);
	}
	rmdir(tmp_dir);
}

/* tmp_dir/name into path[cap]; the folder is made on first use. */
static void tmp_path(char *path, size_t cap, const char *name)
{
	if (!tmp_dir[0]) {
		const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(tmp_dir, sizeof(tmp_dir), "%s/entente-fuzz-XXXXXX", base);
		if (!mkdtemp(tmp_dir)) {
			perror("entente-fuzz: mkdtemp");
			abort();
		}
		atexit(tmp_remove);
	}
	snprintf(path, cap, "%s/%s", tmp_dir, name);
}

/* The file's contents (malloc'ed), or NULL with `why` filled. */
static char *slurp(const char *path, size_t *len, ent_fuzz_why *why)
{
	char *data = NULL;
	ent_error err;

	ent_error_clear(&err);
	if (ent_read_file(path, (size_t)1 << 30, &data, len, &err) != ENT_OK) {
		ent_fuzz_fail(why, "cannot read back %s: %s", path, err.msg);
		return NULL;
	}
	return data;
}

/* ---- invariants of a graph ---- */

static int check_graph(const ent_graph *g, ent_fuzz_why *why)
{
	size_t n = ent_graph_node_count(g), m = ent_graph_edge_count(g);

	for (size_t i = 0; i < n; i++) {
		const ent_node *nd = ent_graph_node(g, i);
		if (!nd->name || !nd->key || !nd->aliases || (unsigned)nd->type >= ENT_TYPE_COUNT ||
		    nd->mentions < 0)
			return ent_fuzz_fail(why, "node %zu breaks the model", i);
	}
	for (size_t i = 0; i < m; i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		if (e->from >= n || e->to >= n || (unsigned)e->rel >= ENT_REL_COUNT)
			return ent_fuzz_fail(why, "edge %zu: end or relation out of range", i);
		if (e->weight < 1 || e->hedged < 0 || e->hedged > e->weight)
			return ent_fuzz_fail(why, "edge %zu: weight %ld, hedged %ld", i, e->weight,
					e->hedged);
		if (ent_rel_symmetric(e->rel) && e->from > e->to)
			return ent_fuzz_fail(why, "edge %zu: symmetric with from > to", i);
		if (!e->years || !e->doc || !e->evidence || !e->rule)
			return ent_fuzz_fail(why, "edge %zu: a NULL string", i);
	}
	return 0;
}

/* ---- GraphML round trip ---- */

/* `s` as the GraphML writer stores it: invalid UTF-8 and U+FFFE/U+FFFF
 * to U+FFFD, C0 and C1 controls to spaces (malloc'ed). */
static char *as_written(const char *s)
{
	size_t len = strlen(s);
	char *out = malloc(3 * len + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;

	if (!out)
		abort();
	while (*p) {
		uint32_t cp;
		size_t n = ent_utf8_valid(p, SIZE_MAX, &cp);
		if (n == 0 || cp == 0xFFFE || cp == 0xFFFF) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			p += n ? n : 1;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
			*o++ = ' ';
		else
			memcpy(o, p, n), o += n;
		p += n;
	}
	*o = '\0';
	return out;
}

static int same_graph(const ent_graph *a, const ent_graph *b, ent_fuzz_why *why)
{
	if (ent_graph_node_count(a) != ent_graph_node_count(b) ||
	    ent_graph_edge_count(a) != ent_graph_edge_count(b))
		return ent_fuzz_fail(why, "GraphML round trip: %zu nodes %zu edges became %zu, %zu",
				ent_graph_node_count(a), ent_graph_edge_count(a),
				ent_graph_node_count(b), ent_graph_edge_count(b));
	for (size_t i = 0; i < ent_graph_node_count(a); i++) {
		char *want = as_written(ent_graph_node(a, i)->name);
		int same = !strcmp(want, ent_graph_node(b, i)->name);
		free(want);
		if (!same)
			return ent_fuzz_fail(why, "GraphML round trip: node %zu renamed", i);
	}
	for (size_t i = 0; i < ent_graph_edge_count(a); i++) {
		const ent_edge *x = ent_graph_edge(a, i), *y = ent_graph_edge(b, i);
		if (x->from != y->from || x->to != y->to || x->rel != y->rel ||
		    x->weight != y->weight || x->hedged != y->hedged)
			return ent_fuzz_fail(why, "GraphML round trip: edge %zu changed", i);
	}
	return 0;
}

static int check_graphml_out(const ent_graph *g, ent_fuzz_why *why)
{
	char path[512], *data;
	ent_error err;
	ent_graph *back;
	size_t len;
	int rc;

	tmp_path(path, sizeof(path), "out.graphml");
	ent_error_clear(&err);
	if (ent_graph_write_graphml(g, path, &err) != ENT_OK)
		return ent_fuzz_fail(why, "GraphML: %s", err.msg);
	if (!(data = slurp(path, &len, why)))
		return -1;
	rc = ent_fuzz_xml_wellformed(data, len, why) ? 0 : -1;
	free(data);
	if (rc)
		return rc;
	back = ent_graph_read_graphml(path, &err);
	if (!back)
		return ent_fuzz_fail(why, "GraphML written is not read back: %s", err.msg);
	rc = same_graph(g, back, why);
	ent_graph_free(back);
	return rc;
}

/* ---- the other exports ---- */

/* RFC 4180 records ending in CRLF, each with as many fields as the
 * header. */
static int csv_valid(const char *s, size_t len)
{
	size_t fields = 1, want = 0, i = 0;

	while (i < len) {
		if (s[i] == '"') {
			for (i++; i < len && !(s[i] == '"' && (i + 1 >= len || s[i + 1] != '"')); i++)
				i += s[i] == '"';
			if (i >= len)
				return 0;
			i++;
		}
		while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '"' && s[i] != '\n')
			i++;
		if (i < len && (s[i] == '"' || s[i] == '\n'))
			return 0;
		if (i < len && s[i] == ',') {
			fields++;
			i++;
			continue;
		}
		if (i + 1 >= len || s[i + 1] != '\n')
			return 0;
		if (want && fields != want)
			return 0;
		want = fields;
		fields = 1;
		i += 2;
	}
	return 1;
}

/* Each non-empty N-Triples line is one statement ending in " .". */
static int ntriples_shape(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (s + i)) : len - i;
		if (!nl || (n && (n < 2 || memcmp(s + i + n - 2, " .", 2))))
			return 0;
		i += n + 1;
	}
	return 1;
}

/* Write `file` in `fmt` and check it with what reads that format. */
static int check_export(const ent_graph *g, ent_export_format fmt, const char *file,
			ent_fuzz_why *why)
{
	ent_export_options opt = { fmt, NULL };
	char path[512], *data;
	ent_error err;
	size_t len;
	int rc = 0;

	tmp_path(path, sizeof(path), fmt == ENT_EXPORT_CSV ? "csv" : file);
	ent_error_clear(&err);
	if (ent_graph_export(g, &opt, path, &err) != ENT_OK)
		return ent_fuzz_fail(why, "export %s: %s", file, err.msg);
	tmp_path(path, sizeof(path), file);
	if (!(data = slurp(path, &len, why)))
		return -1;
	if (!ent_fuzz_utf8(data, len))
		rc = ent_fuzz_fail(why, "%s is not valid UTF-8", file);
	else if (fmt == ENT_EXPORT_GEXF && !ent_fuzz_xml_wellformed(data, len, why))
		rc = -1;
	else if (fmt == ENT_EXPORT_JSON && !ent_fuzz_json(data, len))
		rc = ent_fuzz_fail(why, "%s is not JSON", file);
	else if (fmt == ENT_EXPORT_CSV && !csv_valid(data, len))
		rc = ent_fuzz_fail(why, "%s is not RFC 4180 CSV with even rows", file);
	else if (fmt == ENT_EXPORT_NTRIPLES && !ntriples_shape(data, len))
		rc = ent_fuzz_fail(why, "%s has a line that is not a statement", file);
	free(data);
	return rc;
}

static int check_dot(const ent_graph *g, ent_fuzz_why *why)
{
	ent_render_options opt;
	char path[512], *data;
	ent_error err;
	size_t len;
	int rc = 0;

	memset(&opt, 0, sizeof(opt));
	opt.format = "dot";
	tmp_path(path, sizeof(path), "out.dot");
	ent_error_clear(&err);
	if (ent_render(g, &opt, path, &err) != ENT_OK)
		return ent_fuzz_fail(why, "render DOT: %s", err.msg);
	if (!(data = slurp(path, &len, why)))
		return -1;
	if (!ent_fuzz_utf8(data, len) || !ent_fuzz_dot_readable(data, len))
		rc = ent_fuzz_fail(why, "DOT is not UTF-8 or Graphviz cannot read it back");
	free(data);
	return rc;
}

static int check_outputs(const ent_graph *g, ent_fuzz_why *why)
{
	static const struct {
		ent_export_format fmt;
		const char *file;
	} exports[] = {
		{ ENT_EXPORT_GEXF, "out.gexf" },      { ENT_EXPORT_JSON, "out.json" },
		{ ENT_EXPORT_NTRIPLES, "out.nt" },    { ENT_EXPORT_TURTLE, "out.ttl" },
		{ ENT_EXPORT_CSV, "csv/nodes.csv" }, { ENT_EXPORT_CSV, "csv/edges.csv" },
	};

	if (check_graph(g, why) || check_graphml_out(g, why))
		return -1;
	for (size_t i = 0; i < sizeof(exports) / sizeof(exports[0]); i++)
		if (check_export(g, exports[i].fmt, exports[i].file, why))
			return -1;
	return check_dot(g, why);
}

/* ---- the harnesses ---- */

int ent_fuzz_graphml(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	char path[512];
	ent_error err;
	ent_graph *g;
	FILE *fp;
	int rc;

	if (len > ENT_FUZZ_GRAPHML_MAX)
		return 0;
	tmp_path(path, sizeof(path), "in.graphml");
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror("entente-fuzz: in.graphml");
		abort();
	}
	ent_error_clear(&err);
	g = ent_graph_read_graphml(path, &err);
	if (!g)
		return err.code != ENT_OK && err.msg[0] ? 0
			: ent_fuzz_fail(why, "GraphML rejected without an error");
	rc = check_outputs(g, why);
	ent_graph_free(g);
	return rc;
}

/* `data` into tmp_dir/name. */
static void tmp_write(const char *name, const void *data, size_t len, char *path, size_t cap)
{
	FILE *fp;

	tmp_path(path, cap, name);
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror("entente-fuzz: temporary file");
		abort();
	}
}

/* Do two graphs write the same GraphML bytes? */
static int same_graphml(const ent_graph *a, const ent_graph *b, ent_fuzz_why *why)
{
	char pa[512], pb[512], *da, *db;
	size_t la = 0, lb = 0;
	ent_error err;
	int rc = 0;

	tmp_path(pa, sizeof(pa), "a.graphml");
	tmp_path(pb, sizeof(pb), "b.graphml");
	ent_error_clear(&err);
	if (ent_graph_write_graphml(a, pa, &err) != ENT_OK ||
	    ent_graph_write_graphml(b, pb, &err) != ENT_OK)
		return ent_fuzz_fail(why, "cannot write GraphML: %s", err.msg);
	da = slurp(pa, &la, why);
	db = slurp(pb, &lb, why);
	if (!da || !db)
		rc = -1;
	else if (la != lb || memcmp(da, db, la))
		rc = ent_fuzz_fail(why, "the graph from the document and from its JSON Lines differ");
	free(da);
	free(db);
	return rc;
}

/* The document's JSON Lines, read back as a shard, into a graph. */
static ent_graph *via_jsonl(const ent_document *d, ent_fuzz_why *why)
{
	char *out = NULL, path[512];
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	ent_graph_builder *b;
	ent_stream *st;
	ent_graph *g = NULL;
	ent_error err;

	if (!fp)
		abort();
	ent_error_clear(&err);
	st = ent_stream_new(fp, ENT_EXTRACT_JSONL);
	if (ent_stream_write(st, d, &err) != ENT_OK || ent_stream_finish(st, &err) != ENT_OK)
		ent_fuzz_fail(why, "stream write failed: %s", err.msg);
	ent_stream_free(st);
	fclose(fp);
	tmp_write("in.jsonl", out, len, path, sizeof(path));
	free(out);
	b = ent_graph_builder_new(ENT_EVIDENCE_DEFAULT);
	if (ent_graph_builder_read_jsonl(b, path, &err) != ENT_OK)
		ent_fuzz_fail(why, "our own JSON Lines do not merge: %s", err.msg);
	else
		g = ent_graph_builder_graph(b, &err);
	ent_graph_builder_free(b);
	return g;
}

int ent_fuzz_emit(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	ent_document *d = NULL;
	ent_graph *g = NULL, *back = NULL;
	ent_graph_builder *b;
	ent_error err;
	int rc = 0;

	ent_error_clear(&err);
	if (ent_extract_document(ent_fuzz_extractor(), "fuzz.txt", (const char *)data, len, &d,
				 &err) != ENT_OK)
		return 0;
	b = ent_graph_builder_new(ENT_EVIDENCE_DEFAULT);
	ent_graph_builder_add(b, &d->corpus);
	g = ent_graph_builder_graph(b, &err);
	ent_graph_builder_free(b);
	if (!g)
		rc = ent_fuzz_fail(why, "no graph from a document: %s", err.msg);
	if (!rc)
		rc = check_outputs(g, why);
	if (!rc && !(back = via_jsonl(d, why)))
		rc = -1;
	if (!rc)
		rc = same_graphml(g, back, why);
	ent_graph_free(back);
	ent_graph_free(g);
	ent_document_free(d);
	return rc;
}

int ent_fuzz_shard(const uint8_t *data, size_t len, ent_fuzz_why *why)
{
	ent_graph_builder *b = ent_graph_builder_new(2);
	ent_graph *g = NULL;
	char path[512];
	ent_error err;
	int rc = 0;

	if (len > ENT_FUZZ_GRAPHML_MAX) {
		ent_graph_builder_free(b);
		return 0;
	}
	tmp_write("in.jsonl", data, len, path, sizeof(path));
	ent_error_clear(&err);
	if (ent_graph_builder_read_jsonl(b, path, &err) != ENT_OK && (!err.code || !err.msg[0]))
		rc = ent_fuzz_fail(why, "shard rejected without an error");
	/* what merged before a bad record stays: the graph must be sound */
	if (!rc) {
		g = ent_graph_builder_graph(b, &err);
		rc = g ? check_outputs(g, why) : ent_fuzz_fail(why, "no graph: %s", err.msg);
	}
	ent_graph_free(g);
	ent_graph_builder_free(b);
	return rc;
}
