/* libFuzzer harness: see ent_fuzz_html() in fuzz.h. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return ent_fuzz_entry("fuzz_html", ent_fuzz_html, data, size);
}
