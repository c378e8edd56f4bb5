/* libFuzzer harness: see ent_fuzz_graphml() in fuzz.h. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return ent_fuzz_entry("fuzz_graphml", ent_fuzz_graphml, data, size);
}
