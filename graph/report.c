/*
 * The report: everything `entente report` prints, gathered first into one
 * model (summary figures, count tables, ranked tables of nodes) and then
 * written by one writer per format: aligned text, CSV (RFC 4180, a
 * `section` column telling the tables apart), JSON and Markdown. The
 * analyses run once, on one undirected view, inside one igraph scope.
 *
 * Determinism: values are printed with fixed decimals, and ranks break
 * ties (values equal to 12 significant digits, so that floating-point
 * noise cannot reorder them) by name, then node index. Names come from
 * documents and may hold anything: every writer escapes them for its
 * format, and control characters and invalid UTF-8 never get through.
 *
 * Cost: the analyses (see analysis.c) plus O(N log N) per ranked table.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "ig.h"
#include "model.h"

/* ---- the model -------------------------------------------------------- */

/* A summary figure. `value` is a JSON token (a number, true or false),
 * or a plain word when `word` is set; `label` is how text and Markdown
 * name it (NULL: JSON and CSV only). */
typedef struct figure {
	const char *key;
	const char *label;
	char value[48];
	const char *note;
	int word;
} figure;

/* A ranked table of nodes. */
typedef struct table {
	const char *section; /* CSV section and JSON key */
	char title[192];     /* heading for text and Markdown */
	const char *head;    /* name of the value column */
	int decimals;
	size_t group;        /* community number (from 1), or 0 */
	size_t total;        /* rows before the cut */
	size_t *rows;        /* node indexes, best first */
	size_t n;
	const double *values; /* per node */
	size_t sources;      /* estimated from this many sources; 0: exact */
	int off;             /* asked for but not computed */
} table;

#define MAX_FIGURES 24

typedef struct model {
	const ent_graph *g;
	const ent_report_opts *o;
	ent_measures m;
	ent_communities comm;
	ent_structure s;
	size_t links;
	figure fig[MAX_FIGURES];
	size_t n_fig;
	size_t types[ENT_TYPE_COUNT], rels[ENT_REL_COUNT];
	table measure[ENT_MEASURE_COUNT];
	int shown[ENT_MEASURE_COUNT];
	table *comm_tables;
	size_t n_comm_tables;
	table core, brokers;
} model;

static const struct {
	const char *title, *head;
	int decimals;
} measure_info[ENT_MEASURE_COUNT] = {
	[ENT_MEASURE_DEGREE] = { "degree (distinct neighbours)", "degree", 0 },
	[ENT_MEASURE_STRENGTH] = { "weighted degree (evidence sentences)", "weight", 0 },
	[ENT_MEASURE_BETWEENNESS] = { "betweenness (shortest paths)", "betweenness", 2 },
	[ENT_MEASURE_CLOSENESS] = { "closeness (harmonic, shortest paths)", "closeness", 4 },
	[ENT_MEASURE_PAGERANK] = { "PageRank (damping 0.85, weighted)", "pagerank", 6 },
	[ENT_MEASURE_EIGENVECTOR] = { "eigenvector (weighted, per component)", "eigenvector", 4 },
};

/* A key equal for values equal to 12 significant digits. */
static double tie_key(double v)
{
	double scale;

	if (v == 0 || !isfinite(v))
		return 0;
	scale = pow(10.0, 11 - floor(log10(fabs(v))));
	return nearbyint(v * scale) / scale;
}

typedef struct ranked {
	double key;
	const char *name;
	size_t node;
} ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	int c;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	c = strcmp(a->name, b->name);
	if (c)
		return c;
	return (a->node > b->node) - (a->node < b->node);
}

/* Fill t->rows with the `top` best of nodes[0..n) (all nodes when `nodes`
 * is NULL) by t->values; top 0 keeps every one. */
static void rank(table *t, const ent_graph *g, const size_t *nodes, size_t n,
		 size_t top)
{
	ranked *r = ent_xmalloc(n * sizeof(*r));

	for (size_t i = 0; i < n; i++) {
		size_t v = nodes ? nodes[i] : i;
		r[i].key = tie_key(t->values[v]);
		r[i].name = g->nodes[v].name;
		r[i].node = v;
	}
	qsort(r, n, sizeof(*r), ranked_cmp);
	t->total = n;
	t->n = top == 0 || top > n ? n : top;
	t->rows = ent_xmalloc(t->n * sizeof(size_t));
	for (size_t i = 0; i < t->n; i++)
		t->rows[i] = r[i].node;
	free(r);
}

static void add_figure(model *md, const char *key, const char *label,
		       const char *note, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void add_figure(model *md, const char *key, const char *label,
		       const char *note, const char *fmt, ...)
{
	figure *f = &md->fig[md->n_fig++];
	va_list ap;

	f->key = key;
	f->label = label;
	f->note = note;
	va_start(ap, fmt);
	vsnprintf(f->value, sizeof(f->value), fmt, ap);
	va_end(ap);
}

static void summary(model *md)
{
	const ent_graph *g = md->g;
	double n = (double)g->n_nodes;
	double density = n > 1 ? 2.0 * (double)md->links / (n * (n - 1)) : 0.0;
	const char *method = ent_community_method(g->n_nodes, md->links);

	for (size_t i = 0; i < g->n_nodes; i++)
		md->types[g->nodes[i].type]++;
	for (size_t i = 0; i < g->n_edges; i++)
		md->rels[g->edges[i].rel]++;
	add_figure(md, "nodes", "nodes", NULL, "%zu", g->n_nodes);
	add_figure(md, "edges", "edges", NULL, "%zu", g->n_edges);
	add_figure(md, "linked_pairs", "linked pairs", NULL, "%zu", md->links);
	add_figure(md, "components", "components", NULL, "%zu", md->s.components);
	add_figure(md, "largest_component", "largest component", NULL, "%zu",
		   md->s.largest);
	add_figure(md, "density", "density", NULL, "%.4f", density);
	add_figure(md, "diameter", "diameter",
		   md->s.diameter_exact ? "of the largest component"
					: "of the largest component; at least, from 4 BFS sweeps",
		   "%zu", md->s.diameter);
	add_figure(md, "diameter_exact", NULL, NULL, "%s",
		   md->s.diameter_exact ? "true" : "false");
	add_figure(md, "communities", "communities", method, "%zu", md->comm.count);
	add_figure(md, "community_method", NULL, NULL, "%s", method);
	md->fig[md->n_fig - 1].word = 1;
	add_figure(md, "modularity", "modularity", NULL, "%.4f",
		   md->comm.modularity == 0 ? 0.0 : md->comm.modularity);
	add_figure(md, "core_k", "innermost core", "k of the k-core", "%zu",
		   md->s.core_k);
	add_figure(md, "brokers", "brokers", "articulation points", "%zu",
		   md->s.n_brokers);
	for (int i = ENT_MEASURE_BETWEENNESS; i <= ENT_MEASURE_CLOSENESS; i++)
		if (md->m.sources[i])
			add_figure(md, i == ENT_MEASURE_BETWEENNESS ? "betweenness_sources"
								  : "closeness_sources",
				   NULL, NULL, "%zu", md->m.sources[i]);
}

static void measure_tables(model *md)
{
	const ent_report_opts *o = md->o;

	for (int i = 0; i < ENT_MEASURE_COUNT; i++) {
		table *t = &md->measure[i];
		md->shown[i] = !o->measure.measures ||
			       (o->measure.measures & (1u << i)) != 0;
		t->section = ent_measure_name((ent_measure)i);
		t->head = measure_info[i].head;
		t->decimals = measure_info[i].decimals;
		t->values = md->m.value[i];
		t->sources = md->m.sources[i];
		if (!md->shown[i])
			continue;
		if (t->sources)
			snprintf(t->title, sizeof(t->title),
				 "%.*s, estimated from %zu of %zu sources)",
				 (int)strlen(measure_info[i].title) - 1,
				 measure_info[i].title, t->sources, md->g->n_nodes);
		else
			snprintf(t->title, sizeof(t->title), "%s", measure_info[i].title);
		if (!t->values)
			t->off = 1;
		else
			rank(t, md->g, NULL, md->g->n_nodes, o->top);
	}
}

/* Communities: the first `top` in their order (largest first), each with
 * its `members` best by PageRank. One sort by (community, PageRank). */
static void community_tables(model *md)
{
	const ent_graph *g = md->g;
	size_t count = md->comm.count, shown, *start, *order;

	shown = md->o->top == 0 || md->o->top > count ? count : md->o->top;
	md->comm_tables = ent_xcalloc(shown, sizeof(table));
	md->n_comm_tables = shown;
	start = ent_xcalloc(count + 1, sizeof(size_t));
	order = ent_xmalloc(g->n_nodes * sizeof(size_t));
	for (size_t i = 0; i < g->n_nodes; i++)
		start[md->comm.membership[i] + 1]++;
	for (size_t c = 0; c < count; c++)
		start[c + 1] += start[c];
	for (size_t i = 0, *fill = start; i < g->n_nodes; i++)
		order[fill[md->comm.membership[i]]++] = i;
	/* fill advanced start[c] to the end of c: shift back */
	for (size_t c = count; c > 0; c--)
		start[c] = start[c - 1];
	start[0] = 0;
	for (size_t c = 0; c < shown; c++) {
		table *t = &md->comm_tables[c];
		size_t size = start[c + 1] - start[c];
		t->section = "community";
		t->head = "pagerank";
		t->decimals = measure_info[ENT_MEASURE_PAGERANK].decimals;
		t->group = c + 1;
		t->values = md->m.value[ENT_MEASURE_PAGERANK];
		snprintf(t->title, sizeof(t->title), "community %zu: %zu member%s",
			 c + 1, size, size == 1 ? "" : "s");
		rank(t, g, order + start[c], size, md->o->members);
	}
	free(order);
	free(start);
}

static void core_and_brokers(model *md)
{
	table *t = &md->core;
	int by_b = md->m.value[ENT_MEASURE_BETWEENNESS] != NULL;

	t->section = "core";
	t->head = "pagerank";
	t->decimals = measure_info[ENT_MEASURE_PAGERANK].decimals;
	t->group = md->s.core_k;
	t->values = md->m.value[ENT_MEASURE_PAGERANK];
	snprintf(t->title, sizeof(t->title),
		 "innermost core: the %zu-core, %zu member%s (by PageRank)",
		 md->s.core_k, md->s.n_core, md->s.n_core == 1 ? "" : "s");
	if (md->g->n_nodes)
		rank(t, md->g, md->s.core, md->s.n_core, md->o->top);

	t = &md->brokers;
	t->section = "brokers";
	t->head = by_b ? "betweenness" : "degree";
	t->decimals = by_b ? 2 : 0;
	t->values = md->m.value[by_b ? ENT_MEASURE_BETWEENNESS : ENT_MEASURE_DEGREE];
	t->sources = by_b ? md->m.sources[ENT_MEASURE_BETWEENNESS] : 0;
	snprintf(t->title, sizeof(t->title),
		 "brokers: %zu articulation point%s, whose removal splits the "
		 "network (by %s)", md->s.n_brokers, md->s.n_brokers == 1 ? "" : "s",
		 t->head);
	if (md->g->n_nodes)
		rank(t, md->g, md->s.brokers, md->s.n_brokers, md->o->top);
}

static ent_status analyse(model *md, ent_error *err)
{
	ent_measure_opts mo = md->o->measure;
	ent_ig_scope scope;
	ent_status st;
	ent_uview u;
	int exact_paths = mo.closeness == ENT_PATH_EXACT;

	/* PageRank orders members and degree is the brokers' fallback;
	 * betweenness ranks the brokers unless it is off */
	if (!mo.measures)
		mo.measures = ENT_MEASURES_ALL;
	mo.measures |= 1u << ENT_MEASURE_DEGREE | 1u << ENT_MEASURE_PAGERANK |
		       1u << ENT_MEASURE_BETWEENNESS;
	ent_ig_enter(&scope);
	st = ent_uview_init(&u, md->g, err);
	if (st != ENT_OK) {
		ent_ig_leave(&scope);
		return st;
	}
	md->links = u.n_links;
	st = ent_uview_measures(&u, &mo, &md->m, err);
	if (st == ENT_OK)
		st = ent_uview_communities(&u, md->g, &md->comm, err);
	if (st == ENT_OK)
		st = ent_uview_structure(&u, exact_paths, &md->s, err);
	ent_uview_release(&u);
	ent_ig_leave(&scope);
	return st;
}

static void model_release(model *md)
{
	for (int i = 0; i < ENT_MEASURE_COUNT; i++)
		free(md->measure[i].rows);
	for (size_t c = 0; c < md->n_comm_tables; c++)
		free(md->comm_tables[c].rows);
	free(md->comm_tables);
	free(md->core.rows);
	free(md->brokers.rows);
	ent_measures_release(&md->m);
	ent_communities_release(&md->comm);
	ent_structure_release(&md->s);
}

static ent_status model_init(model *md, const ent_graph *g,
			     const ent_report_opts *o, ent_error *err)
{
	ent_status st;

	memset(md, 0, sizeof(*md));
	md->g = g;
	md->o = o;
	st = analyse(md, err);
	if (st != ENT_OK) {
		model_release(md);
		return st;
	}
	summary(md);
	measure_tables(md);
	community_tables(md);
	core_and_brokers(md);
	return ENT_OK;
}

/* ---- writing ---------------------------------------------------------- */

typedef struct writer {
	FILE *fp;
	ent_buf b; /* scratch */
} writer;

static void put(writer *w, const char *s)
{
	fputs(s, w->fp);
}

static void say(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(writer *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(w->fp, fmt, ap);
	va_end(ap);
}

/* `s` into w->b with control characters (C0, DEL, C1) as '?' and invalid
 * UTF-8 as U+FFFD; with `md`, Markdown's punctuation backslash-escaped. */
static const char *clean(writer *w, const char *s, int md)
{
	const unsigned char *p = (const unsigned char *)s;

	ent_buf_clear(&w->b);
	while (*p) {
		uint32_t cp;
		size_t n = ent_utf8_valid(p, SIZE_MAX, &cp);
		if (n == 0) {
			ent_buf_adds(&w->b, "\xEF\xBF\xBD");
			p++;
		} else if (*p < 0x20 || *p == 0x7F ||
			   (n == 2 && p[0] == 0xC2 && p[1] < 0xA0)) {
			ent_buf_addc(&w->b, '?');
			p += n;
		} else {
			if (md && n == 1 && strchr("\\`*_[]<>|&!#~$", *p))
				ent_buf_addc(&w->b, '\\');
			ent_buf_add(&w->b, (const char *)p, n);
			p += n;
		}
	}
	return w->b.data ? w->b.data : "";
}

static void value(char *buf, size_t size, const table *t, size_t node)
{
	double v = t->values[node];

	snprintf(buf, size, "%.*f", t->decimals, isfinite(v) && v != 0 ? v : 0.0);
}

/* -- text -- */

static void text_table(writer *w, const model *md, const table *t, const char *title)
{
	const ent_graph *g = md->g;
	int vw = (int)strlen(t->head), tw = 4, rw = 4;
	char v[64];

	say(w, "\n%s\n", title);
	if (t->off) {
		put(w, "  (not computed)\n");
		return;
	}
	if (t->n == 0) {
		put(w, g->n_nodes ? "  (none)\n" : "  (no nodes)\n");
		return;
	}
	for (size_t i = 0; i < t->n; i++) {
		int tl = (int)strlen(ent_type_name(g->nodes[t->rows[i]].type));
		value(v, sizeof(v), t, t->rows[i]);
		vw = (int)strlen(v) > vw ? (int)strlen(v) : vw;
		tw = tl > tw ? tl : tw;
	}
	say(w, "  %*s  %*s  %-*s  %s\n", rw, "rank", vw, t->head, tw, "type", "name");
	for (size_t i = 0; i < t->n; i++) {
		const ent_node *nd = &g->nodes[t->rows[i]];
		value(v, sizeof(v), t, t->rows[i]);
		say(w, "  %*zu  %*s  %-*s  ", rw, i + 1, vw, v, tw,
		    ent_type_name(nd->type));
		put(w, clean(w, nd->name, 0));
		put(w, "\n");
	}
}

static void write_text(writer *w, const model *md)
{
	char title[256];

	put(w, "entente graph report\n\n");
	for (size_t i = 0; i < md->n_fig; i++) {
		const figure *f = &md->fig[i];
		if (!f->label)
			continue;
		say(w, "  %-18s %8s%s%s%s\n", f->label, f->value, f->note ? "  (" : "",
		    f->note ? f->note : "", f->note ? ")" : "");
	}
	put(w, "\nnodes by type\n");
	for (int t = 0; t < ENT_TYPE_COUNT; t++)
		if (md->types[t])
			say(w, "  %-18s %8zu\n", ent_type_name((ent_type)t), md->types[t]);
	put(w, "\nedges by relation\n");
	for (int k = 0; k < ENT_REL_COUNT; k++)
		if (md->rels[k])
			say(w, "  %-18s %8zu\n", ent_rel_name((ent_rel)k), md->rels[k]);
	for (int i = 0; i < ENT_MEASURE_COUNT; i++) {
		const table *t = &md->measure[i];
		if (!md->shown[i])
			continue;
		snprintf(title, sizeof(title), "top %zu by %s", t->n, t->title);
		text_table(w, md, t, title);
	}
	say(w, "\ncommunities: %zu, modularity %.4f", md->comm.count,
	    md->comm.modularity == 0 ? 0.0 : md->comm.modularity);
	if (md->n_comm_tables < md->comm.count)
		say(w, " (the %zu largest shown)", md->n_comm_tables);
	put(w, "\n");
	for (size_t c = 0; c < md->n_comm_tables; c++)
		text_table(w, md, &md->comm_tables[c], md->comm_tables[c].title);
	text_table(w, md, &md->core, md->core.title);
	text_table(w, md, &md->brokers, md->brokers.title);
}

/* -- CSV -- */

/* One RFC 4180 field. A text cell starting with = + - @ (or a tab or CR)
 * gets a leading ' so that a spreadsheet does not run it as a formula. */
static void csv_field(writer *w, const char *s, int text)
{
	const char *c = text ? clean(w, s, 0) : s;
	int quote = strpbrk(c, ",\"\r\n") != NULL || (text && c[0] == ' ');

	if (text && c[0] && strchr("=+-@\t\r", c[0]))
		quote = 1;
	if (quote)
		put(w, "\"");
	if (text && c[0] && strchr("=+-@\t\r", c[0]))
		put(w, "'");
	for (; *c; c++) {
		if (*c == '"')
			put(w, "\"");
		fputc(*c, w->fp);
	}
	if (quote)
		put(w, "\"");
}

static void csv_row(writer *w, const char *section, const char *group,
		    const char *rank_s, const char *name, const char *type,
		    const char *val)
{
	csv_field(w, section, 0);
	put(w, ",");
	csv_field(w, group, 1);
	say(w, ",%s,", rank_s);
	csv_field(w, name, 1);
	put(w, ",");
	csv_field(w, type, 0);
	say(w, ",%s\r\n", val);
}

static void csv_table(writer *w, const model *md, const table *t)
{
	char group[32] = "", r[32], v[64];

	if (t->group || t == &md->core)
		snprintf(group, sizeof(group), "%zu", t->group);
	for (size_t i = 0; i < t->n; i++) {
		const ent_node *nd = &md->g->nodes[t->rows[i]];
		snprintf(r, sizeof(r), "%zu", i + 1);
		value(v, sizeof(v), t, t->rows[i]);
		csv_row(w, t->section, group, r, nd->name, ent_type_name(nd->type), v);
	}
}

static void write_csv(writer *w, const model *md)
{
	char v[32];

	put(w, "section,group,rank,name,type,value\r\n");
	for (size_t i = 0; i < md->n_fig; i++)
		csv_row(w, "summary", md->fig[i].key, "", "", "", md->fig[i].value);
	for (int t = 0; t < ENT_TYPE_COUNT; t++)
		if (md->types[t]) {
			snprintf(v, sizeof(v), "%zu", md->types[t]);
			csv_row(w, "nodes_by_type", ent_type_name((ent_type)t), "", "", "", v);
		}
	for (int k = 0; k < ENT_REL_COUNT; k++)
		if (md->rels[k]) {
			snprintf(v, sizeof(v), "%zu", md->rels[k]);
			csv_row(w, "edges_by_relation", ent_rel_name((ent_rel)k), "", "", "", v);
		}
	for (int i = 0; i < ENT_MEASURE_COUNT; i++)
		if (md->shown[i])
			csv_table(w, md, &md->measure[i]);
	for (size_t c = 0; c < md->n_comm_tables; c++) {
		char g[32];
		snprintf(g, sizeof(g), "%zu", c + 1);
		snprintf(v, sizeof(v), "%zu", md->comm_tables[c].total);
		csv_row(w, "community_size", g, "", "", "", v);
		csv_table(w, md, &md->comm_tables[c]);
	}
	csv_table(w, md, &md->core);
	csv_table(w, md, &md->brokers);
}

/* -- JSON -- */

static void json_str(writer *w, const char *s)
{
	ent_buf_clear(&w->b);
	ent_json_string(&w->b, s);
	put(w, w->b.data);
}

static void json_rows(writer *w, const model *md, const table *t)
{
	char v[64];

	put(w, "[");
	for (size_t i = 0; i < t->n; i++) {
		const ent_node *nd = &md->g->nodes[t->rows[i]];
		value(v, sizeof(v), t, t->rows[i]);
		say(w, "%s\n      {\"rank\": %zu, \"name\": ", i ? "," : "", i + 1);
		json_str(w, nd->name);
		say(w, ", \"type\": \"%s\", \"%s\": %s}", ent_type_name(nd->type),
		    t->head, v);
	}
	put(w, t->n ? "\n    ]" : "]");
}

static void json_counts(writer *w, const char *key, const size_t *counts, int n,
			const char *(*name)(int))
{
	int first = 1;

	say(w, "  \"%s\": {", key);
	for (int i = 0; i < n; i++)
		if (counts[i]) {
			say(w, "%s\"%s\": %zu", first ? "" : ", ", name(i), counts[i]);
			first = 0;
		}
	put(w, "},\n");
}

static const char *type_name_i(int i)
{
	return ent_type_name((ent_type)i);
}

static const char *rel_name_i(int i)
{
	return ent_rel_name((ent_rel)i);
}

static void write_json(writer *w, const model *md)
{
	put(w, "{\n  \"summary\": {");
	for (size_t i = 0; i < md->n_fig; i++) {
		say(w, "%s\n    \"%s\": ", i ? "," : "", md->fig[i].key);
		if (md->fig[i].word)
			json_str(w, md->fig[i].value);
		else
			put(w, md->fig[i].value);
	}
	put(w, "\n  },\n");
	json_counts(w, "nodes_by_type", md->types, ENT_TYPE_COUNT, type_name_i);
	json_counts(w, "edges_by_relation", md->rels, ENT_REL_COUNT, rel_name_i);
	put(w, "  \"measures\": {");
	for (int i = 0, first = 1; i < ENT_MEASURE_COUNT; i++) {
		const table *t = &md->measure[i];
		if (!md->shown[i])
			continue;
		say(w, "%s\n    \"%s\": ", first ? "" : ",", t->section);
		first = 0;
		if (t->off) {
			put(w, "null");
			continue;
		}
		put(w, "{\"title\": ");
		json_str(w, t->title);
		if (t->sources)
			say(w, ", \"estimated_from_sources\": %zu", t->sources);
		put(w, ", \"top\": ");
		json_rows(w, md, t);
		put(w, "}");
	}
	put(w, "\n  },\n  \"communities\": [");
	for (size_t c = 0; c < md->n_comm_tables; c++) {
		const table *t = &md->comm_tables[c];
		say(w, "%s\n    {\"community\": %zu, \"size\": %zu, \"members\": ",
		    c ? "," : "", t->group, t->total);
		json_rows(w, md, t);
		put(w, "}");
	}
	say(w, "%s],\n  \"core\": {\"k\": %zu, \"size\": %zu, \"members\": ",
	    md->n_comm_tables ? "\n  " : "", md->s.core_k, md->s.n_core);
	json_rows(w, md, &md->core);
	say(w, "},\n  \"brokers\": {\"count\": %zu, \"ranked_by\": \"%s\", \"top\": ",
	    md->s.n_brokers, md->brokers.head);
	json_rows(w, md, &md->brokers);
	put(w, "}\n}\n");
}

/* -- Markdown -- */

static void md_table(writer *w, const model *md, const table *t,
		     const char *title)
{
	char v[64];

	say(w, "\n### %s\n\n", clean(w, title, 1));
	if (t->off || t->n == 0) {
		put(w, t->off ? "Not computed.\n" : "None.\n");
		return;
	}
	say(w, "| rank | %s | type | name |\n|---:|---:|---|---|\n", t->head);
	for (size_t i = 0; i < t->n; i++) {
		const ent_node *nd = &md->g->nodes[t->rows[i]];
		value(v, sizeof(v), t, t->rows[i]);
		say(w, "| %zu | %s | %s | %s |\n", i + 1, v, ent_type_name(nd->type),
		    clean(w, nd->name, 1));
	}
}

static void write_markdown(writer *w, const model *md)
{
	char title[256];

	put(w, "# entente graph report\n\n## Summary\n\n| figure | value |\n|---|---:|\n");
	for (size_t i = 0; i < md->n_fig; i++) {
		const figure *f = &md->fig[i];
		if (f->label)
			say(w, "| %s%s%s%s | %s |\n", f->label, f->note ? " (" : "",
			    f->note ? f->note : "", f->note ? ")" : "", f->value);
	}
	put(w, "\n## Nodes by type\n\n| type | nodes |\n|---|---:|\n");
	for (int t = 0; t < ENT_TYPE_COUNT; t++)
		if (md->types[t])
			say(w, "| %s | %zu |\n", ent_type_name((ent_type)t), md->types[t]);
	put(w, "\n## Edges by relation\n\n| relation | edges |\n|---|---:|\n");
	for (int k = 0; k < ENT_REL_COUNT; k++)
		if (md->rels[k])
			say(w, "| %s | %zu |\n", ent_rel_name((ent_rel)k), md->rels[k]);
	put(w, "\n## Centrality\n");
	for (int i = 0; i < ENT_MEASURE_COUNT; i++) {
		const table *t = &md->measure[i];
		if (!md->shown[i])
			continue;
		snprintf(title, sizeof(title), "Top %zu by %s", t->n, t->title);
		md_table(w, md, t, title);
	}
	say(w, "\n## Communities\n\n%zu communities, modularity %.4f", md->comm.count,
	    md->comm.modularity == 0 ? 0.0 : md->comm.modularity);
	if (md->n_comm_tables < md->comm.count)
		say(w, " (the %zu largest shown)", md->n_comm_tables);
	put(w, ".\n");
	for (size_t c = 0; c < md->n_comm_tables; c++)
		md_table(w, md, &md->comm_tables[c], md->comm_tables[c].title);
	put(w, "\n## Structure\n");
	md_table(w, md, &md->core, md->core.title);
	md_table(w, md, &md->brokers, md->brokers.title);
}

/* ---- entry points ----------------------------------------------------- */

int ent_report_format_parse(const char *name, ent_report_format *out)
{
	static const struct {
		const char *name;
		ent_report_format f;
	} names[] = { { "text", ENT_REPORT_TEXT }, { "csv", ENT_REPORT_CSV },
		      { "json", ENT_REPORT_JSON }, { "markdown", ENT_REPORT_MARKDOWN },
		      { "md", ENT_REPORT_MARKDOWN } };

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!ent_strcasecmp(name, names[i].name)) {
			*out = names[i].f;
			return 0;
		}
	return -1;
}

void ent_report_opts_init(ent_report_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->format = ENT_REPORT_TEXT;
	o->top = 10;
	o->members = 5;
	ent_measure_opts_init(&o->measure);
}

ent_status ent_graph_report(const ent_graph *g, const ent_report_opts *o,
			    FILE *fp, ent_error *err)
{
	ent_report_opts def;
	model md;
	writer w;
	ent_status st;

	if (!o) {
		ent_report_opts_init(&def);
		o = &def;
	}
	st = model_init(&md, g, o, err);
	if (st != ENT_OK)
		return st;
	w.fp = fp;
	ent_buf_init(&w.b);
	switch (o->format) {
	case ENT_REPORT_CSV: write_csv(&w, &md); break;
	case ENT_REPORT_JSON: write_json(&w, &md); break;
	case ENT_REPORT_MARKDOWN: write_markdown(&w, &md); break;
	default: write_text(&w, &md); break;
	}
	ent_buf_release(&w.b);
	model_release(&md);
	if (fflush(fp) != 0 || ferror(fp))
		return ent_error_set(err, ENT_ERR_OUTPUT, "", 0,
				     "cannot write the report");
	return ENT_OK;
}

ent_status ent_graph_write_report(const ent_graph *g, size_t top, FILE *fp,
				  ent_error *err)
{
	ent_report_opts o;

	ent_report_opts_init(&o);
	o.top = top;
	return ent_graph_report(g, &o, fp, err);
}
