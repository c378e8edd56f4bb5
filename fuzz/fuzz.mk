# fuzz/fuzz.mk — libFuzzer harnesses, included from the Makefile.
#
#   make fuzz-build                     build every harness into build-fuzz/fuzz/
#   make fuzz [FUZZ_SECONDS=60]         build, then run each harness N seconds
#        [FUZZ_TARGETS="fuzz_text ..."]  (only these harnesses)
#
# The library is compiled by clang with -fsanitize=fuzzer-no-link plus
# ASan and UBSan (no recovery), the harnesses linked with
# -fsanitize=fuzzer, in a build folder of their own (as `make asan` does).
# Seeds are copied at run time from samples/, tests/html/, tests/gold/,
# fuzz/seeds/ and fuzz/regress/ into build-fuzz/corpus/<harness>/; logs go
# to build-fuzz/logs/<harness>.log and crashing inputs to
# build-fuzz/artifacts/<harness>/. Every sanitizer report halts. The
# harness bodies (fuzz/*_targets.c)
# are also linked into the Check binary, whose fuzzregress suite replays
# fuzz/regress/ and the seeds on every `make check`.

FUZZ_BUILD   := build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_NAMES   := fuzz_text fuzz_html fuzz_xml fuzz_markdown fuzz_graphml fuzz_emit fuzz_shard
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_CORE    := $(addprefix $(BUILD)/fuzz/,checks.o entry.o extract_targets.o graph_targets.o)
FUZZ_BINS    := $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)

TEST_OBJ += $(FUZZ_CORE)

.PHONY: fuzz fuzz-build fuzz-bins fuzz-clean

fuzz-build:
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		WERROR= fuzz-bins

fuzz: fuzz-build
	sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Inside the fuzz build: the harnesses, and the CLI that writes the
# GraphML seeds.
fuzz-bins: $(FUZZ_BINS) $(BIN)

$(FUZZ_BINS): $(BUILD)/fuzz/%: $(BUILD)/fuzz/%.o $(FUZZ_CORE) $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) $(LIB) $(LDLIBS)

clean: fuzz-clean
fuzz-clean:
	rm -rf $(FUZZ_BUILD)

-include $(FUZZ_CORE:.o=.d) $(FUZZ_BINS:=.d)
