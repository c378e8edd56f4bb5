/*
 * `entente diff A B`: what changed from graph A to graph B — entities
 * (by key) and relations (by subject key, relation and object key) that
 * appear, disappear or change their count — as text or JSON. The
 * comparison itself is the library's ent_graph_diff().
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: entente diff [options] A B\n"
	"\n"
	"Compare two graphs: the entities (matched by key) and relations\n"
	"(matched by subject, relation and object) that appear in B, disappear\n"
	"from A, or change their count (mentions of an entity, evidence\n"
	"sentences of a relation). A and B are each a GraphML file written by\n"
	"'entente build', or a document or directory built in memory. The view\n"
	"options apply to both. Differences are not an error: the exit status\n"
	"is 0.\n"
	"\n"
	"options:\n"
	"  --json              print a JSON object instead of text\n"
	"  -o, --output FILE   write to FILE instead of standard output\n"
	"  --gazetteer FILE    add the names listed in FILE (see data/README.md);\n"
	"                      may be repeated\n"
	CLI_JOBS_HELP
	"  -q, --quiet         show no progress\n"
	"  -h, --help          show this help\n"
	"\n" CLI_VIEW_HELP;

enum { OPT_JSON = CLI_OPT_FIRST_PRIVATE };

typedef struct diff_job {
	const ent_diff *d;
	int json;
} diff_job;

static const char *const change_names[] = { "added", "removed", "changed" };
static const char change_marks[] = { '+', '-', '~' };

static void count_changes(const ent_diff_item *v, size_t n, size_t out[3])
{
	out[0] = out[1] = out[2] = 0;
	for (size_t i = 0; i < n; i++)
		out[v[i].change]++;
}

static void text_counts(FILE *fp, const char *what, const ent_diff_item *v,
			size_t n)
{
	size_t c[3];

	count_changes(v, n, c);
	fprintf(fp, "%s: %zu added, %zu removed, %zu changed\n", what, c[0], c[1],
		c[2]);
}

/* " (mentions 5)" or " (mentions 5 -> 7)" */
static void text_numbers(FILE *fp, const char *unit, const ent_diff_item *d)
{
	if (d->change == ENT_CHANGE_WEIGHT)
		fprintf(fp, " (%s %ld -> %ld)\n", unit, d->before, d->after);
	else
		fprintf(fp, " (%s %ld)\n", unit,
			d->change == ENT_CHANGE_ADDED ? d->after : d->before);
}

static void write_text(FILE *fp, const ent_diff *d)
{
	if (d->n_entities == 0 && d->n_relations == 0) {
		fputs("No differences: both graphs hold the same entities and relations.\n", fp);
		return;
	}
	text_counts(fp, "entities", d->entities, d->n_entities);
	for (size_t i = 0; i < d->n_entities; i++) {
		const ent_diff_item *e = &d->entities[i];
		fprintf(fp, "  %c %-13s ", change_marks[e->change], ent_type_name(e->type));
		cli_put_text(fp, e->name);
		text_numbers(fp, "mentions", e);
	}
	text_counts(fp, "relations", d->relations, d->n_relations);
	for (size_t i = 0; i < d->n_relations; i++) {
		const ent_diff_item *r = &d->relations[i];
		fprintf(fp, "  %c ", change_marks[r->change]);
		cli_put_text(fp, r->name);
		fprintf(fp, " %s ", ent_rel_name(r->rel));
		cli_put_text(fp, r->other_name);
		text_numbers(fp, "evidence", r);
	}
}

static void json_entity(FILE *fp, const char *name, const char *key,
			ent_type type)
{
	fputs("{\"name\":", fp);
	cli_json_string(fp, name);
	fprintf(fp, ",\"type\":\"%s\",\"key\":", ent_type_name(type));
	cli_json_string(fp, key);
	fputc('}', fp);
}

static void json_items(FILE *fp, const ent_diff_item *v, size_t n,
		       int relations)
{
	fputc('[', fp);
	for (size_t i = 0; i < n; i++) {
		const ent_diff_item *d = &v[i];
		fprintf(fp, "%s{\"change\":\"%s\",", i ? ",\n  " : "\n  ",
			change_names[d->change]);
		if (relations) {
			fputs("\"subject\":", fp);
			json_entity(fp, d->name, d->key, d->type);
			fprintf(fp, ",\"relation\":\"%s\",\"object\":", ent_rel_name(d->rel));
			json_entity(fp, d->other_name, d->other_key, d->other_type);
		} else {
			fputs("\"entity\":", fp);
			json_entity(fp, d->name, d->key, d->type);
		}
		fprintf(fp, ",\"before\":%ld,\"after\":%ld}", d->before, d->after);
	}
	fputs(n ? "\n]" : "]", fp);
}

static ent_status write_diff(FILE *fp, const void *ctx, ent_error *err)
{
	const diff_job *job = ctx;
	const ent_diff *d = job->d;
	size_t ce[3], cr[3];

	(void)err;
	if (!job->json) {
		write_text(fp, d);
		return ENT_OK;
	}
	count_changes(d->entities, d->n_entities, ce);
	count_changes(d->relations, d->n_relations, cr);
	fprintf(fp, "{\"summary\":{\"entities\":{\"added\":%zu,\"removed\":%zu,"
		    "\"changed\":%zu},\"relations\":{\"added\":%zu,\"removed\":%zu,"
		    "\"changed\":%zu}},\n\"entities\":",
		ce[0], ce[1], ce[2], cr[0], cr[1], cr[2]);
	json_items(fp, d->entities, d->n_entities, 0);
	fputs(",\n\"relations\":", fp);
	json_items(fp, d->relations, d->n_relations, 1);
	fputs("}\n", fp);
	return ENT_OK;
}

/* Graph `op`, narrowed by the view; *full is what to free besides. */
static ent_status load_one(char *op, const cli_opts *o, const ent_view *v,
			   ent_graph **full, ent_graph **view, ent_error *err)
{
	ent_status st = cli_load_graph(&op, 1, o, full, err);

	*view = NULL;
	if (st != ENT_OK)
		return st;
	*view = cli_apply_view(*full, v, err);
	return *view ? ENT_OK : err->code;
}

static void free_pair(ent_graph *full, ent_graph *view)
{
	if (view != full)
		ent_graph_free(view);
	ent_graph_free(full);
}

static int run(char **operands, size_t n, const cli_opts *o, const ent_view *v,
	       int json)
{
	ent_graph *fa = NULL, *va = NULL, *fb = NULL, *vb = NULL;
	diff_job job = { NULL, json };
	ent_error err;
	ent_diff d;
	int rc = 0;

	if (n < 2)
		return cli_usage_error("diff", "expected two graphs, A and B");
	if (n > 2)
		return cli_usage_error("diff", "expected two graphs, not %zu", n);
	ent_error_clear(&err);
	if (load_one(operands[0], o, v, &fa, &va, &err) != ENT_OK ||
	    load_one(operands[1], o, v, &fb, &vb, &err) != ENT_OK ||
	    ent_graph_diff(va, vb, &d, &err) != ENT_OK) {
		rc = cli_report(&err);
	} else {
		job.d = &d;
		if (cli_write_output(o->output, write_diff, &job, &err) != ENT_OK)
			rc = cli_report(&err);
		ent_diff_release(&d);
	}
	if (fa)
		free_pair(fa, va);
	if (fb)
		free_pair(fb, vb);
	return rc;
}

int cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		CLI_VIEW_LONGOPTS,
		CLI_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	int json = 0;
	ent_view view;
	cli_opts o;
	int c, rc = CLI_CONTINUE;

	ent_view_init(&view);
	cli_opts_init(&o);
	optind = 1;
	opterr = 0;
	while (rc == CLI_CONTINUE &&
	       (c = getopt_long(argc, argv, ":hqo:j:", longopts, NULL)) != -1) {
		if (c == OPT_JSON)
			json = 1;
		else if (CLI_IS_VIEW_OPTION(c))
			rc = cli_view_option(c, optarg, &view, "diff");
		else
			rc = cli_common_option(c, argv, &o, "diff", usage);
	}
	if (rc == CLI_CONTINUE) {
		if (optind >= argc)
			rc = cli_usage_error("diff", "no input given");
		else
			rc = run(argv + optind, (size_t)(argc - optind), &o, &view, json);
	}
	cli_opts_release(&o);
	return rc;
}
