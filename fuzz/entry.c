/*
 * What every harness does with one input, and the table of harnesses the
 * regression suite walks.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

const ent_fuzz_target ent_fuzz_targets[] = {
	{ "fuzz_text", ent_fuzz_text },
	{ "fuzz_html", ent_fuzz_html },
	{ "fuzz_xml", ent_fuzz_xml },
	{ "fuzz_markdown", ent_fuzz_markdown },
	{ "fuzz_graphml", ent_fuzz_graphml },
	{ "fuzz_emit", ent_fuzz_emit },
	{ "fuzz_shard", ent_fuzz_shard },
	{ NULL, NULL },
};

int ent_fuzz_entry(const char *name, ent_fuzz_body body, const uint8_t *data,
		   size_t len)
{
	ent_fuzz_why why = { "" };

	if (body(data, len, &why) != 0) {
		/* libFuzzer saves the input and reports the abort as a crash */
		fprintf(stderr, "%s: property broken: %s\n", name, why.msg);
		abort();
	}
	return 0;
}
