/*
 * Exports: the knowledge graph in the formats other tools read. This file
 * holds what every format shares (format names, node ids and edge keys,
 * text cleaning), the two small text formats (node-link JSON and the CSV
 * pair that Neo4j's LOAD CSV takes) and the dispatcher, which sends every
 * file through ent_ofile so that a failed export leaves nothing behind.
 * GEXF is in export_gexf.c, N-Triples and Turtle in export_rdf.c, GraphML
 * stays with its reader in graphml.c.
 *
 * Every writer is one pass over nodes and edges: O(N + E) plus the
 * length of the text.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "entente/entente.h"
#include "export.h"
#include "model.h"

/* ---- format names ---- */

static const struct {
	const char *name, *other, *suffix;
} formats[ENT_EXPORT_COUNT] = {
	[ENT_EXPORT_GRAPHML] = { "graphml", "xml", ".graphml" },
	[ENT_EXPORT_GEXF] = { "gexf", NULL, ".gexf" },
	[ENT_EXPORT_JSON] = { "json", "node-link", ".json" },
	[ENT_EXPORT_CSV] = { "csv", "neo4j", NULL },
	[ENT_EXPORT_NTRIPLES] = { "nt", "ntriples", ".nt" },
	[ENT_EXPORT_TURTLE] = { "ttl", "turtle", ".ttl" },
};

int ent_export_format_parse(const char *name, ent_export_format *out)
{
	for (int f = 0; f < ENT_EXPORT_COUNT; f++)
		if (!ent_strcasecmp(name, formats[f].name) ||
		    (formats[f].other && !ent_strcasecmp(name, formats[f].other))) {
			*out = (ent_export_format)f;
			return 0;
		}
	return -1;
}

const char *ent_export_format_name(ent_export_format f)
{
	return f < ENT_EXPORT_COUNT ? formats[f].name : "?";
}

int ent_export_format_for(const char *path, ent_export_format *out)
{
	size_t n = strlen(path);

	for (int f = 0; f < ENT_EXPORT_COUNT; f++) {
		const char *s = formats[f].suffix;
		if (s && n > strlen(s) && !ent_strcasecmp(path + n - strlen(s), s)) {
			*out = (ent_export_format)f;
			return 0;
		}
	}
	return -1;
}

/* ---- what every format shares ---- */

void ent_export_names_init(ent_export_names *nm, const ent_graph *g)
{
	size_t n = ent_graph_node_count(g), m = ent_graph_edge_count(g);
	ent_map used;

	ent_map_init(&used);
	nm->n_nodes = n;
	nm->n_edges = m;
	nm->node = ent_xcalloc(n + 1, sizeof(*nm->node));
	nm->edge = ent_xcalloc(m + 1, sizeof(*nm->edge));
	for (size_t i = 0; i < n; i++) {
		const char *key = ent_graph_node(g, i)->key;
		char *id = NULL;
		if (key && *key && !ent_map_get(&used, key))
			id = ent_xstrdup(key);
		for (size_t k = 0; !id; k++) {
			id = k ? ent_xasprintf("node-%zu-%zu", i, k) : ent_xasprintf("node-%zu", i);
			if (ent_map_get(&used, id)) {
				free(id);
				id = NULL;
			}
		}
		ent_map_put(&used, id, i);
		nm->node[i] = id;
	}
	ent_map_release(&used);
	/* edges are sorted by (from, to, relation): a repeat is adjacent */
	for (size_t i = 0, run = 1; i < m; i++) {
		const ent_edge *e = ent_graph_edge(g, i), *p = i ? ent_graph_edge(g, i - 1) : NULL;
		run = p && p->from == e->from && p->to == e->to && p->rel == e->rel ? run + 1 : 1;
		nm->edge[i] = run == 1 ? ent_xstrdup(ent_rel_name(e->rel))
				       : ent_xasprintf("%s-%zu", ent_rel_name(e->rel), run);
	}
}

void ent_export_names_release(ent_export_names *nm)
{
	for (size_t i = 0; i < nm->n_nodes; i++)
		free(nm->node[i]);
	for (size_t i = 0; i < nm->n_edges; i++)
		free(nm->edge[i]);
	free(nm->node);
	free(nm->edge);
	memset(nm, 0, sizeof(*nm));
}

void ent_export_clean(ent_buf *b, const char *s, int controls)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	ent_buf_add(b, "", 0);
	while (*p) {
		uint32_t cp;
		size_t n = ent_utf8_valid(p, SIZE_MAX, &cp);
		if (n == 0) {
			ent_buf_adds(b, "\xEF\xBF\xBD");
			n = 1;
		} else if (cp == 0xFFFE || cp == 0xFFFF) {
			ent_buf_adds(b, "\xEF\xBF\xBD");
		} else if (controls && (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))) {
			ent_buf_addc(b, ' ');
		} else {
			ent_buf_add(b, (const char *)p, n);
		}
		p += n;
	}
}

int ent_export_next_year(const char *years, size_t *pos, long *year)
{
	const char *s = years ? years : "";
	size_t i = *pos;

	while (s[i]) {
		size_t k = i, digits = 0;
		long y = 0;
		int neg = s[k] == '-';
		for (k += (size_t)neg; s[k] >= '0' && s[k] <= '9' && digits < 9; k++, digits++)
			y = y * 10 + (s[k] - '0');
		int whole = digits > 0 && (s[k] == ';' || s[k] == '\0');
		while (s[k] && s[k] != ';')
			k++;
		i = s[k] == ';' ? k + 1 : k;
		if (whole) {
			*pos = i;
			*year = neg ? -y : y;
			return 1;
		}
	}
	*pos = i;
	return 0;
}

/* ---- node-link JSON ---- */

static void json_aliases(ent_buf *b, const char *aliases)
{
	size_t pos = 0, len;
	const char *s;
	int first = 1;

	ent_buf_addc(b, '[');
	while (ent_alias_next(aliases ? aliases : "", &pos, &s, &len)) {
		char *one = ent_xstrndup(s, len);
		if (!first)
			ent_buf_adds(b, ", ");
		ent_json_string(b, one);
		free(one);
		first = 0;
	}
	ent_buf_addc(b, ']');
}

static void json_years(ent_buf *b, const char *years)
{
	size_t pos = 0;
	long y;
	int first = 1;

	ent_buf_addc(b, '[');
	while (ent_export_next_year(years, &pos, &y)) {
		ent_buf_printf(b, first ? "%ld" : ", %ld", y);
		first = 0;
	}
	ent_buf_addc(b, ']');
}

static void json_field(ent_buf *b, const char *name, const char *value)
{
	ent_buf_printf(b, ", \"%s\": ", name);
	ent_json_string(b, value ? value : "");
}

/* The layout networkx's node_link_graph() reads: "nodes" with "id",
 * "links" with "source", "target" and "key" (a multigraph). */
static ent_status write_json(const ent_graph *g, const ent_export_names *nm, FILE *fp)
{
	ent_buf b;

	ent_buf_init(&b);
	ent_buf_printf(&b, "{\"directed\": true, \"multigraph\": true, \"graph\": "
			   "{\"name\": \"entente\", \"entente_version\": \"%s\"},\n\"nodes\": [",
		       ENTENTE_VERSION);
	for (size_t i = 0; i < nm->n_nodes; i++) {
		const ent_node *n = ent_graph_node(g, i);
		ent_buf_adds(&b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
		ent_json_string(&b, nm->node[i]);
		json_field(&b, "name", n->name);
		json_field(&b, "type", ent_type_name(n->type));
		json_field(&b, "key", n->key);
		ent_buf_adds(&b, ", \"aliases\": ");
		json_aliases(&b, n->aliases);
		ent_buf_printf(&b, ", \"mentions\": %ld}", n->mentions);
		fwrite(b.data, 1, b.len, fp);
		ent_buf_clear(&b);
	}
	ent_buf_adds(&b, "\n],\n\"links\": [");
	for (size_t i = 0; i < nm->n_edges; i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		ent_buf_adds(&b, i ? ",\n  {\"source\": " : "\n  {\"source\": ");
		ent_json_string(&b, nm->node[e->from]);
		ent_buf_adds(&b, ", \"target\": ");
		ent_json_string(&b, nm->node[e->to]);
		json_field(&b, "key", nm->edge[i]);
		json_field(&b, "relation", ent_rel_name(e->rel));
		ent_buf_printf(&b, ", \"weight\": %ld, \"hedged\": %ld, \"symmetric\": %s, \"years\": ",
			       e->weight, e->hedged, ent_rel_symmetric(e->rel) ? "true" : "false");
		json_years(&b, e->years);
		json_field(&b, "evidence", e->evidence);
		json_field(&b, "doc", e->doc);
		ent_buf_printf(&b, ", \"line\": %ld", e->line);
		json_field(&b, "rule", e->rule);
		ent_buf_addc(&b, '}');
		fwrite(b.data, 1, b.len, fp);
		ent_buf_clear(&b);
	}
	ent_buf_adds(&b, "\n]}\n");
	fwrite(b.data, 1, b.len, fp);
	ent_buf_release(&b);
	return ENT_OK;
}

/* ---- CSV ---- */

/* One RFC 4180 field: quoted when it holds a comma or a quote, control
 * characters as spaces, and a leading = + - @ (which a spreadsheet would
 * run as a formula) escaped with a quote mark. */
static void csv_text(ent_buf *b, const char *s)
{
	ent_buf c;
	size_t i;

	ent_buf_init(&c);
	ent_export_clean(&c, s, 1);
	int formula = c.len && strchr("=+-@", c.data[0]);
	int quote = strchr(c.data, ',') || strchr(c.data, '"');
	if (quote)
		ent_buf_addc(b, '"');
	if (formula)
		ent_buf_addc(b, '\'');
	for (i = 0; i < c.len; i++) {
		if (c.data[i] == '"')
			ent_buf_addc(b, '"');
		ent_buf_addc(b, c.data[i]);
	}
	if (quote)
		ent_buf_addc(b, '"');
	ent_buf_release(&c);
}

static void csv_row_end(ent_buf *b, FILE *fp)
{
	ent_buf_adds(b, "\r\n");
	fwrite(b->data, 1, b->len, fp);
	ent_buf_clear(b);
}

static void write_nodes_csv(const ent_graph *g, const ent_export_names *nm, FILE *fp)
{
	ent_buf b;

	ent_buf_init(&b);
	ent_buf_adds(&b, "id,name,type,key,aliases,mentions");
	csv_row_end(&b, fp);
	for (size_t i = 0; i < nm->n_nodes; i++) {
		const ent_node *n = ent_graph_node(g, i);
		csv_text(&b, nm->node[i]);
		ent_buf_addc(&b, ',');
		csv_text(&b, n->name);
		ent_buf_addc(&b, ',');
		csv_text(&b, ent_type_name(n->type));
		ent_buf_addc(&b, ',');
		csv_text(&b, n->key);
		ent_buf_addc(&b, ',');
		csv_text(&b, n->aliases);
		ent_buf_printf(&b, ",%ld", n->mentions);
		csv_row_end(&b, fp);
	}
	ent_buf_release(&b);
}

static void write_edges_csv(const ent_graph *g, const ent_export_names *nm, FILE *fp)
{
	ent_buf b;

	ent_buf_init(&b);
	ent_buf_adds(&b, "source,target,key,relation,weight,hedged,symmetric,years,evidence,doc,"
			 "line,rule");
	csv_row_end(&b, fp);
	for (size_t i = 0; i < nm->n_edges; i++) {
		const ent_edge *e = ent_graph_edge(g, i);
		csv_text(&b, nm->node[e->from]);
		ent_buf_addc(&b, ',');
		csv_text(&b, nm->node[e->to]);
		ent_buf_addc(&b, ',');
		csv_text(&b, nm->edge[i]);
		ent_buf_addc(&b, ',');
		csv_text(&b, ent_rel_name(e->rel));
		ent_buf_printf(&b, ",%ld,%ld,%s,", e->weight, e->hedged,
			       ent_rel_symmetric(e->rel) ? "true" : "false");
		csv_text(&b, e->years);
		ent_buf_addc(&b, ',');
		csv_text(&b, e->evidence);
		ent_buf_addc(&b, ',');
		csv_text(&b, e->doc);
		ent_buf_printf(&b, ",%ld,", e->line);
		csv_text(&b, e->rule);
		csv_row_end(&b, fp);
	}
	ent_buf_release(&b);
}

/* DIR/nodes.csv and DIR/edges.csv, both written before either is renamed
 * into place. */
static ent_status export_csv(const ent_graph *g, const ent_export_names *nm, const char *dir,
			     ent_error *err)
{
	struct stat st;
	ent_ofile nodes, edges;
	char *np, *ep;
	ent_status s;

	if (!strcmp(dir, "-"))
		return ent_error_set(err, ENT_ERR_USAGE, "", 0,
				     "CSV export writes two files: give a folder with -o");
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return ent_error_set(err, ENT_ERR_OUTPUT, dir, 0, "cannot create folder: %s",
				     strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return ent_error_set(err, ENT_ERR_OUTPUT, dir, 0,
				     "not a folder (CSV export writes nodes.csv and edges.csv)");
	np = ent_xasprintf("%s/nodes.csv", dir);
	ep = ent_xasprintf("%s/edges.csv", dir);
	s = ent_ofile_open(&nodes, np, err);
	if (s == ENT_OK) {
		s = ent_ofile_open(&edges, ep, err);
		if (s != ENT_OK)
			ent_ofile_abort(&nodes);
	}
	if (s == ENT_OK) {
		write_nodes_csv(g, nm, nodes.fp);
		write_edges_csv(g, nm, edges.fp);
		s = ent_ofile_commit(&nodes, err);
		if (s == ENT_OK)
			s = ent_ofile_commit(&edges, err);
		else
			ent_ofile_abort(&edges);
	}
	free(np);
	free(ep);
	return s;
}

/* ---- dispatch ---- */

ent_status ent_graph_export(const ent_graph *g, const ent_export_options *opt,
			    const char *path, ent_error *err)
{
	ent_export_names nm;
	ent_ofile of;
	ent_status s;

	if (opt->format == ENT_EXPORT_GRAPHML)
		return ent_graph_write_graphml(g, path, err);
	if (opt->format >= ENT_EXPORT_COUNT)
		return ent_error_set(err, ENT_ERR_USAGE, "", 0, "unknown export format");
	ent_export_names_init(&nm, g);
	if (opt->format == ENT_EXPORT_CSV) {
		s = export_csv(g, &nm, path, err);
		ent_export_names_release(&nm);
		return s;
	}
	s = ent_ofile_open(&of, path, err);
	if (s == ENT_OK) {
		switch (opt->format) {
		case ENT_EXPORT_GEXF:
			s = ent_export_gexf(g, &nm, of.fp, err);
			break;
		case ENT_EXPORT_JSON:
			s = write_json(g, &nm, of.fp);
			break;
		default:
			s = ent_export_rdf(g, &nm, opt->base, opt->format == ENT_EXPORT_TURTLE, of.fp,
					   err);
			break;
		}
		if (s == ENT_OK)
			s = ent_ofile_commit(&of, err);
		else
			ent_ofile_abort(&of);
	}
	if (s == ENT_ERR_OUTPUT && err && !err->file[0])
		snprintf(err->file, sizeof(err->file), "%s", path);
	ent_export_names_release(&nm);
	return s;
}
