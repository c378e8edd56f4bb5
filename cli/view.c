/*
 * The view options every graph command shares (--types, --relations,
 * --since, --until, --min-weight, --asserted-only, --project, --focus,
 * --depth, --top): parsed here once, into an ent_view, with the same
 * usage errors whichever command reads them; applied by the library's
 * ent_graph_view().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "util.h"

#define MIN_YEAR 1
#define MAX_YEAR 9999
#define MAX_DEPTH 100
#define MAX_COUNT 1000000000L

/* A whole decimal number in [min, max], or -1. */
static long parse_number(const char *s, long min, long max)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	return v;
}

/* "countries" -> "country", "organizations" -> "organization". */
static int parse_type_word(const char *w, size_t len, ent_type *t)
{
	char buf[32];

	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, w, len);
	buf[len] = '\0';
	if (ent_type_parse(buf, t) == 0)
		return 0;
	if (len > 3 && !ent_strcasecmp(buf + len - 3, "ies")) {
		strcpy(buf + len - 3, "y");
		return ent_type_parse(buf, t);
	}
	if (len > 1 && (buf[len - 1] == 's' || buf[len - 1] == 'S')) {
		buf[len - 1] = '\0';
		return ent_type_parse(buf, t);
	}
	return -1;
}

static int parse_rel_word(const char *w, size_t len, ent_rel *r)
{
	char buf[32];

	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, w, len);
	buf[len] = '\0';
	/* "cooperates-with" as well as "cooperates_with" */
	for (char *p = buf; *p; p++)
		if (*p == '-')
			*p = '_';
	return ent_rel_parse(buf, r);
}

static void list_names(ent_buf *b, int types)
{
	int n = types ? ENT_TYPE_COUNT : ENT_REL_COUNT;

	for (int i = 0; i < n; i++) {
		ent_buf_adds(b, i == 0 ? "" : i + 1 == n ? " or " : ", ");
		ent_buf_adds(b, types ? ent_type_name((ent_type)i)
				      : ent_rel_name((ent_rel)i));
	}
}

/* A comma-separated list of types (`types`) or relations into a bit set;
 * `opt` names the option in messages. */
static int parse_list(const char *arg, int types, const char *opt,
		      unsigned *bits, const char *cmd)
{
	const char *p = arg;
	unsigned out = 0;

	for (;;) {
		size_t len = strcspn(p, ",");
		ent_type t = ENT_TYPE_COUNTRY;
		ent_rel r = ENT_REL_COOPERATES_WITH;
		int ok;

		while (len && (*p == ' ')) {
			p++;
			len--;
		}
		while (len && p[len - 1] == ' ')
			len--;
		ok = types ? parse_type_word(p, len, &t) : parse_rel_word(p, len, &r);
		if (ok != 0) {
			ent_buf names;
			int rc;
			ent_buf_init(&names);
			list_names(&names, types);
			rc = len ? cli_usage_error(cmd, "%s: unknown %s '%.*s'; use %s", opt,
						   types ? "type" : "relation",
						   (int)(len > 64 ? 64 : len), p, names.data)
				 : cli_usage_error(cmd, "%s needs a list such as '%s'", opt,
						   types ? "country,organization"
							 : "cooperates_with,signed");
			ent_buf_release(&names);
			return rc;
		}
		out |= types ? 1u << t : 1u << r;
		p += strcspn(p, ",");
		if (!*p)
			break;
		p++;
	}
	*bits |= out;
	return CLI_CONTINUE;
}

static int year_option(int c, const char *arg, ent_view *v, const char *cmd)
{
	const char *opt = c == CLI_OPT_VIEW_SINCE ? "--since" : "--until";
	long y = parse_number(arg, MIN_YEAR, MAX_YEAR);

	if (y < 0)
		return cli_usage_error(cmd, "%s needs a year from %d to %d, not '%s'",
				       opt, MIN_YEAR, MAX_YEAR, arg);
	if (c == CLI_OPT_VIEW_SINCE)
		v->since = (int)y;
	else
		v->until = (int)y;
	if (v->since && v->until && v->since > v->until)
		return cli_usage_error(cmd, "--since %d is after --until %d",
				       v->since, v->until);
	return CLI_CONTINUE;
}

int cli_view_option(int c, const char *arg, ent_view *v, const char *cmd)
{
	long n;

	switch (c) {
	case CLI_OPT_VIEW_TYPES:
		return parse_list(arg, 1, "--types", &v->types, cmd);
	case CLI_OPT_VIEW_RELATIONS:
		return parse_list(arg, 0, "--relations", &v->rels, cmd);
	case CLI_OPT_VIEW_SINCE:
	case CLI_OPT_VIEW_UNTIL:
		return year_option(c, arg, v, cmd);
	case CLI_OPT_VIEW_MIN_WEIGHT:
		if ((n = parse_number(arg, 1, MAX_COUNT)) < 0)
			return cli_usage_error(cmd, "--min-weight needs a number from 1 to %ld, not '%s'",
					       MAX_COUNT, arg);
		v->min_weight = n;
		return CLI_CONTINUE;
	case CLI_OPT_VIEW_ASSERTED_ONLY:
		v->asserted_only = 1;
		return CLI_CONTINUE;
	case CLI_OPT_VIEW_PROJECT:
		if (ent_strcasecmp(arg, "countries") && ent_strcasecmp(arg, "country"))
			return cli_usage_error(cmd, "unknown --project '%s'; use countries", arg);
		v->project_countries = 1;
		return CLI_CONTINUE;
	case CLI_OPT_VIEW_FOCUS:
		if (!*arg)
			return cli_usage_error(cmd, "--focus needs an entity name");
		v->focus = arg;
		return CLI_CONTINUE;
	case CLI_OPT_VIEW_DEPTH:
		if ((n = parse_number(arg, 1, MAX_DEPTH)) < 0)
			return cli_usage_error(cmd, "--depth needs a number from 1 to %d, not '%s'",
					       MAX_DEPTH, arg);
		v->depth = (size_t)n;
		return CLI_CONTINUE;
	case CLI_OPT_VIEW_TOP:
		if ((n = parse_number(arg, 1, MAX_COUNT)) < 0)
			return cli_usage_error(cmd, "--top needs a number from 1 to %ld, not '%s'",
					       MAX_COUNT, arg);
		v->top = (size_t)n;
		return CLI_CONTINUE;
	default:
		return cli_usage_error(cmd, "internal: option %d is not a view option", c);
	}
}

int cli_parse_relations(const char *arg, const char *opt, unsigned *bits,
			const char *cmd)
{
	return parse_list(arg, 0, opt, bits, cmd);
}

ent_graph *cli_apply_view(ent_graph *g, const ent_view *v, ent_error *err)
{
	if (ent_view_is_identity(v))
		return g;
	return ent_graph_view(g, v, err);
}
