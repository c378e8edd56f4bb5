/*
 * The style table. Colours are the Okabe–Ito palette, chosen to stay
 * distinct under the common forms of colour blindness; every type also
 * has its own shape and every relation its own line style or arrowhead,
 * so the drawing still reads in grey scale. Font colours were picked by
 * WCAG contrast against each fill (white only on the dark blue).
 */
#include <math.h>

#include "style.h"

static const ent_type_style type_styles[ENT_TYPE_COUNT] = {
	[ENT_TYPE_COUNTRY] = { "ellipse", "filled", "#56B4E9", "#1F5F85", "#000000", "0.06,0.03" },
	[ENT_TYPE_ORGANIZATION] = { "box", "filled,rounded", "#E69F00", "#8A5F00", "#000000", "0.12,0.05" },
	[ENT_TYPE_AGREEMENT] = { "note", "filled", "#F0E442", "#8C8526", "#000000", "0.12,0.05" },
	[ENT_TYPE_EVENT] = { "hexagon", "filled", "#CC79A7", "#7A4864", "#000000", "0.02,0.02" },
	[ENT_TYPE_PROGRAM] = { "component", "filled", "#009E73", "#005E45", "#000000", "0.12,0.05" },
	[ENT_TYPE_PLACE] = { "house", "filled", "#D55E00", "#803800", "#000000", "0.06,0.02" },
	[ENT_TYPE_PERSON] = { "egg", "filled", "#0072B2", "#00446B", "#FFFFFF", "0.04,0.02" },
};

static const ent_type_style unknown_type = { "box", "filled,dashed", "#DDDDDD",
					     "#666666", "#000000", "0.12,0.05" };

/* Actor-to-actor ties are solid and undirected; acts toward a document
 * are dashed; belonging is dotted; places and containment have their own
 * arrowheads. */
static const ent_rel_style rel_styles[ENT_REL_COUNT] = {
	[ENT_REL_COOPERATES_WITH] = { "#0072B2", "solid", "none", 1 },
	[ENT_REL_SIGNED] = { "#D55E00", "dashed", "normal", 0 },
	[ENT_REL_LAUNCHED] = { "#009E73", "dashed", "empty", 0 },
	[ENT_REL_ADOPTED] = { "#CC79A7", "dashed", "vee", 0 },
	[ENT_REL_HOSTED] = { "#E69F00", "solid", "normal", 0 },
	[ENT_REL_PARTICIPATED_IN] = { "#56B4E9", "dotted", "normal", 0 },
	[ENT_REL_MEMBER_OF] = { "#333333", "dotted", "empty", 0 },
	[ENT_REL_HELD_IN] = { "#999999", "solid", "dot", 0 },
	[ENT_REL_PART_OF] = { "#555555", "solid", "odiamond", 0 },
};

static const ent_rel_style unknown_rel = { "#999999", "dashed", "normal", 0 };

const ent_type_style *ent_style_type(ent_type type)
{
	return (unsigned)type < ENT_TYPE_COUNT ? &type_styles[type] : &unknown_type;
}

const ent_rel_style *ent_style_rel(ent_rel rel)
{
	return (unsigned)rel < ENT_REL_COUNT ? &rel_styles[rel] : &unknown_rel;
}

double ent_style_node_fontsize(double pr, double pr_max)
{
	double r;

	if (!(pr_max > 0) || !(pr > 0))
		return 11.0;
	r = pr / pr_max;
	if (r > 1)
		r = 1;
	return 11.0 + 13.0 * sqrt(r);
}

double ent_style_penwidth(long weight)
{
	double w;

	if (weight <= 1)
		return 1.0;
	w = 1.0 + 1.5 * log2((double)weight);
	return w > 6.0 ? 6.0 : w;
}
