/*
 * The pieces every answer of `entente query` prints the same way: an
 * entity, the years and evidence count of relations, their evidence
 * sentences (the first and those kept beyond it, see build --evidence) as
 * text or JSON, and relation kinds and directions. Keeping them here means
 * partners, relations, path, common and ego read alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "util.h"

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The distinct years of the edges, sorted; malloc'ed. */
static long *edge_years(const ent_graph *g, const size_t *edges, size_t n,
			size_t *n_years)
{
	long *years = NULL;
	size_t cap = 0, len = 0, out = 0;

	for (size_t i = 0; i < n; i++) {
		const char *s = ent_graph_edge(g, edges[i])->years;
		while (s && *s) {
			char *end;
			long y = strtol(s, &end, 10);
			if (end == s) {
				s++; /* skip a separator or stray byte */
				continue;
			}
			ENT_GROW(years, cap, len + 1);
			years[len++] = y;
			s = end;
		}
	}
	if (len)
		qsort(years, len, sizeof(*years), cmp_long);
	for (size_t i = 0; i < len; i++)
		if (out == 0 || years[out - 1] != years[i])
			years[out++] = years[i];
	*n_years = out;
	return years;
}

/* "; year 2020" / "; years 2019, 2020" (text) or "[2019,2020]" (JSON). */
void query_put_years(FILE *fp, const ent_graph *g, const size_t *edges,
		     size_t n, int json)
{
	size_t n_years;
	long *years = edge_years(g, edges, n, &n_years);

	if (json)
		fputc('[', fp);
	for (size_t i = 0; i < n_years; i++) {
		if (json)
			fprintf(fp, "%s%ld", i ? "," : "", years[i]);
		else
			fprintf(fp, "%s%ld", i ? ", " : n_years == 1 ? "; year " : "; years ",
				years[i]);
	}
	if (json)
		fputc(']', fp);
	free(years);
}

void query_json_entity(FILE *fp, const ent_graph *g, size_t i)
{
	const ent_node *n = ent_graph_node(g, i);

	fputs("{\"name\":", fp);
	cli_json_string(fp, n->name);
	fprintf(fp, ",\"type\":\"%s\",\"key\":", ent_type_name(n->type));
	cli_json_string(fp, n->key);
	fputc('}', fp);
}

/* "Name (type)" */
void query_text_entity(FILE *fp, const ent_graph *g, size_t i)
{
	const ent_node *n = ent_graph_node(g, i);

	cli_put_text(fp, n->name);
	fprintf(fp, " (%s)", ent_type_name(n->type));
}

/* The next record kept beyond the first (build --evidence K) at *p, in
 * e->more's "doc TAB line TAB rule TAB sentence" lines: a copy split into
 * f[0..3] (free it), or NULL at the end. A malformed line is skipped. */
static char *more_next(const char **p, char *f[4])
{
	while (*p && **p) {
		const char *nl = strchr(*p, '\n');
		size_t len = nl ? (size_t)(nl - *p) : strlen(*p);
		char *rec = ent_xstrndup(*p, len);
		*p += len + (nl ? 1 : 0);
		f[0] = rec;
		f[1] = f[2] = f[3] = NULL;
		for (int k = 1; k < 4 && f[k - 1]; k++) {
			char *tab = strchr(f[k - 1], '\t');
			if (tab) {
				*tab = '\0';
				f[k] = tab + 1;
			}
		}
		if (f[3])
			return rec;
		free(rec);
	}
	return NULL;
}

/* `,"more":[{"doc":..,"line":..,"rule":..,"sentence":..},...]`: the
 * records the graph kept beyond the first, when it kept any. */
void query_json_more(FILE *fp, const ent_edge *e)
{
	const char *p = e->more;
	char *rec, *f[4];
	int n = 0;

	while ((rec = more_next(&p, f)) != NULL) {
		fputs(n++ ? ",{\"doc\":" : ",\"more\":[{\"doc\":", fp);
		cli_json_string(fp, f[0]);
		fprintf(fp, ",\"line\":%ld,\"rule\":", strtol(f[1], NULL, 10));
		cli_json_string(fp, f[2]);
		fputs(",\"sentence\":", fp);
		cli_json_string(fp, f[3]);
		fputc('}', fp);
		free(rec);
	}
	if (n)
		fputc(']', fp);
}

/* `{"doc":..,"line":..,"sentence":..}`, and "more" (query_json_more). */
void query_json_evidence(FILE *fp, const ent_edge *e)
{
	fputs("{\"doc\":", fp);
	cli_json_string(fp, e->doc);
	fprintf(fp, ",\"line\":%ld,\"sentence\":", e->line);
	cli_json_string(fp, e->evidence);
	query_json_more(fp, e);
	fputc('}', fp);
}

/* "doc:line: sentence\n" after `indent`, for the first evidence and each
 * further one the graph kept (build --evidence K). */
void query_text_evidence(FILE *fp, const char *indent, const ent_edge *e)
{
	const char *p = e->more;
	char *rec, *f[4];

	fputs(indent, fp);
	cli_put_text(fp, e->doc);
	if (e->line > 0)
		fprintf(fp, ":%ld", e->line);
	fputs(": ", fp);
	cli_put_text(fp, e->evidence);
	fputc('\n', fp);
	while ((rec = more_next(&p, f)) != NULL) {
		/* under the first: the caller's indent, or that of the
		 * "    [relation] " line the first one ends */
		fputs(*indent ? indent : "      ", fp);
		fputs("  ", fp);
		cli_put_text(fp, f[0]);
		fprintf(fp, ":%s: ", f[1]);
		cli_put_text(fp, f[3]);
		fputc('\n', fp);
		free(rec);
	}
}

/* "; 3 sentences (1 hedged)" */
void query_text_count(FILE *fp, const ent_edge *e)
{
	fprintf(fp, "; %ld sentence%s", e->weight, e->weight == 1 ? "" : "s");
	if (e->hedged)
		fprintf(fp, " (%ld hedged)", e->hedged);
}

/* The direction of edge e seen from node i. */
const char *query_direction_name(const ent_edge *e, size_t i)
{
	if (ent_rel_symmetric(e->rel))
		return "both";
	return e->from == i ? "out" : "in";
}

const char *query_direction_arrow(const ent_edge *e, size_t i)
{
	if (ent_rel_symmetric(e->rel))
		return "--";
	return e->from == i ? "->" : "<-";
}

void query_rel_names(FILE *fp, unsigned rels, int json)
{
	const char *sep = "";

	for (int r = 0; r < ENT_REL_COUNT; r++) {
		if (!(rels & (1u << r)))
			continue;
		fprintf(fp, json ? "%s\"%s\"" : "%s%s", sep, ent_rel_name((ent_rel)r));
		sep = json ? "," : ", ";
	}
}

int query_is_graphml_name(const char *path)
{
	static const char suffix[] = ".graphml";
	size_t n = path ? strlen(path) : 0, m = sizeof(suffix) - 1;

	return n > m && !ent_strcasecmp(path + n - m, suffix);
}
