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

double ent_style_node_fontsize(double v, double v_max)
{
	double r;

	if (!(v_max > 0) || !(v > 0))
		return ENT_STYLE_FONT_MIN;
	r = v / v_max;
	if (r > 1)
		r = 1;
	r = ENT_STYLE_FONT_MIN + (ENT_STYLE_FONT_MAX - ENT_STYLE_FONT_MIN) * sqrt(r);
	return round(r * 4) / 4;
}

/* ColorBrewer Set3 without its grey: eleven light, distinct hues (black text reads on all
 * of them); the tints are the same hues mixed 60% with white. Unlike the
 * type palette these are not all distinct to colour-blind readers, which
 * is why communities never replace the type shapes. */
static const char *const community_fill[ENT_STYLE_COMMUNITIES] = {
	"#8DD3C7", "#FFFFB3", "#BEBADA", "#FB8072", "#80B1D3", "#FDB462",
	"#B3DE69", "#FCCDE5", "#BC80BD", "#CCEBC5", "#FFED6F",
};

static const char *const community_tint[ENT_STYLE_COMMUNITIES] = {
	"#D1EDE9", "#FFFFE1", "#E5E3F0", "#FDCCC7", "#CCE0ED", "#FEE1C0",
	"#E1F2C3", "#FEEBF5", "#E4CCE5", "#EBF7E8", "#FFF8C5",
};

const char *ent_style_community(size_t k)
{
	return k < ENT_STYLE_COMMUNITIES ? community_fill[k] : "#EEEEEE";
}

const char *ent_style_community_bg(size_t k)
{
	return k < ENT_STYLE_COMMUNITIES ? community_tint[k] : "#F7F7F7";
}

double ent_style_penwidth(long weight)
{
	double w;

	if (weight <= 1)
		return 1.0;
	w = 1.0 + 1.5 * log2((double)weight);
	return w > 6.0 ? 6.0 : w;
}
