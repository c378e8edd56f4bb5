/* libFuzzer harness: see ent_fuzz_text() in fuzz.h. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return ent_fuzz_entry("fuzz_text", ent_fuzz_text, data, size);
}
