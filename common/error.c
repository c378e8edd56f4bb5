/*
 * The error record and the schema's names. Errors are values: the first
 * failure is kept, later ones (usually consequences) are dropped.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"

void ent_error_clear(ent_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof(*err));
}

ent_status ent_error_set(ent_error *err, ent_status code, const char *file,
			 long line, const char *fmt, ...)
{
	va_list ap;

	if (!err || err->code != ENT_OK)
		return code;
	err->code = code;
	err->line = line;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return code;
}

static const char *const type_names[ENT_TYPE_COUNT] = {
	"country", "organization", "agreement", "event",
	"program", "place", "person",
};

static const char *const rel_names[ENT_REL_COUNT] = {
	"cooperates_with", "signed", "launched", "adopted", "hosted",
	"participated_in", "member_of", "held_in", "part_of",
};

const char *ent_type_name(ent_type type)
{
	return (unsigned)type < ENT_TYPE_COUNT ? type_names[type] : "?";
}

const char *ent_rel_name(ent_rel rel)
{
	return (unsigned)rel < ENT_REL_COUNT ? rel_names[rel] : "?";
}

int ent_type_parse(const char *name, ent_type *out)
{
	for (int i = 0; i < ENT_TYPE_COUNT; i++)
		if (!ent_strcasecmp(name, type_names[i])) {
			*out = (ent_type)i;
			return 0;
		}
	return -1;
}

int ent_rel_parse(const char *name, ent_rel *out)
{
	for (int i = 0; i < ENT_REL_COUNT; i++)
		if (!ent_strcasecmp(name, rel_names[i])) {
			*out = (ent_rel)i;
			return 0;
		}
	return -1;
}

int ent_rel_symmetric(ent_rel rel)
{
	return rel == ENT_REL_COOPERATES_WITH;
}

int ent_type_is_actor(ent_type type)
{
	return type == ENT_TYPE_COUNTRY || type == ENT_TYPE_ORGANIZATION ||
	       type == ENT_TYPE_PLACE || type == ENT_TYPE_PERSON;
}
