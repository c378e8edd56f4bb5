/* libFuzzer harness: see ent_fuzz_emit() in fuzz.h. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return ent_fuzz_entry("fuzz_emit", ent_fuzz_emit, data, size);
}
