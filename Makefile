# entente — build, test, demo.
#
#   make            build build/entente
#   make demo       extract, build, render and report samples/ into out/
#   make check      unit and end-to-end tests (Check), closing with a summary
#   make asan       the same suite under AddressSanitizer + UBSan
#   make valgrind   the same suite under valgrind
#   make bench      benchmark figures (never fails on a slow machine)
#   make fuzz       libFuzzer harnesses, FUZZ_SECONDS each (fuzz/fuzz.mk)
#
# Missing Debian packages are installed first (scripts/deps.sh).

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
WERROR  ?= -Werror
OPT     ?= -O2 -g
SAN     ?=

WARN := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wvla -Wformat=2 -Wno-format-nonliteral $(WERROR)

# The configuration is generated (after installing what is missing) and
# included; make restarts once it exists.
NOCONF := clean distclean help
ifeq ($(filter-out $(NOCONF),$(or $(MAKECMDGOALS),all)),)
else
-include $(BUILD)/config.mk
endif

CPPFLAGS += -Iinclude -Icommon -D_POSIX_C_SOURCE=200809L
CFLAGS   += $(WARN) $(OPT) $(SAN) $(PKG_CFLAGS) -pthread
LDLIBS   += $(PKG_LIBS) -lm
LDFLAGS  += $(SAN) -pthread

LIB_SRC := $(sort $(wildcard common/*.c extract/*.c graph/*.c render/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*.c))
DATA    := $(sort $(wildcard data/*.tsv))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/data_tables.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

BIN  := $(BUILD)/entente
LIB  := $(BUILD)/libentente.a
TBIN := $(BUILD)/check_entente

.PHONY: all demo check unit e2e asan valgrind bench install uninstall clean help fuzz test-deps
all: $(BIN)

# fuzz, fuzz-build; also links the harness bodies into the Check binary
include fuzz/fuzz.mk

# What the tests use besides the build (python3 modules, rapper, valgrind,
# clang's sanitizers) is checked on every test run, not only when
# config.mk is made: `make demo` then `make check` must install it too.
# config.mk waits for it, so that two apt-get never run at once.
TEST_GOALS := check unit e2e asan valgrind valgrind-% fuzz-bins
test-deps:
	@ENTENTE_TEST_DEPS=1 sh scripts/deps.sh

$(BUILD)/config.mk: scripts/deps.sh | $(if $(filter $(TEST_GOALS),$(MAKECMDGOALS)),test-deps)
	@mkdir -p $(BUILD)
	@ENTENTE_TEST_DEPS=$(if $(filter $(TEST_GOALS),$(MAKECMDGOALS)),1,0) sh scripts/deps.sh
	@{ echo "PKG_CFLAGS := $$(pkg-config --cflags igraph libxml-2.0 libgvc libcgraph jansson check)"; \
	   echo "PKG_LIBS := $$(pkg-config --libs igraph libxml-2.0 libgvc libcgraph jansson) -L$$(pkg-config --variable=libdir libgvc)/graphviz -Wl,-rpath,$$(pkg-config --variable=libdir libgvc)/graphviz -lgvplugin_core -lgvplugin_dot_layout -lgvplugin_neato_layout -lgvplugin_pango"; \
	   echo "CHECK_LIBS := $$(pkg-config --libs check)"; } > $@.tmp && mv $@.tmp $@

# V=1 shows the full commands.
Q := $(if $(V),,@)

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/gen/data_tables.c: scripts/tsv2c.sh $(DATA)
	@mkdir -p $(dir $@)
	$(Q)sh scripts/tsv2c.sh $@ $(DATA)

$(BUILD)/gen/data_tables.o: $(BUILD)/gen/data_tables.c
	$(Q)$(CC) $(CPPFLAGS) $(OPT) $(SAN) -c $< -o $@

$(LIB): $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(TBIN): $(TEST_OBJ) $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(LIB) $(CHECK_LIBS) $(LDLIBS)

# The main job: everything a new user wants to see, in out/.
demo: $(BIN)
	@mkdir -p out
	$(BIN) build samples/ -o out/kg.graphml
	$(BIN) render out/kg.graphml -o out/kg.svg
	$(BIN) render out/kg.graphml -o out/kg.dot
	$(BIN) report out/kg.graphml > out/report.txt.tmp && mv out/report.txt.tmp out/report.txt
	@cat out/report.txt
	@echo "entente: wrote out/kg.graphml, out/kg.svg, out/kg.dot, out/report.txt"

# Check forks each test; tests read ../shared when it is there.
check: test-deps $(BIN) $(TBIN)
	OMP_NUM_THREADS=1 ENTENTE_BIN=$(BIN) CK_DEFAULT_TIMEOUT=120 $(TBIN)

asan:
	$(MAKE) BUILD=build-asan CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" \
		WERROR= check

# valgrind: one run of the test binary per suite, VG_JOBS at a time (the
# whole suite takes minutes under valgrind), slowest first, each suite's
# output in one piece. With ENTENTE_VALGRIND=1 the end-to-end tests run
# the CLI under valgrind too. VALGRIND_OPTS reaches every valgrind, those
# of the CLI runs and of the forked layout processes (whose exit status
# fails the layout on any error) included: the suppressions (see
# tests/valgrind.supp: Graphviz's and fontconfig's own leaks only), and
# definite leaks only in the report, as they are the only ones that fail.
VG_JOBS   ?= 2
VG_SLOW   := cli view export analysis render
VG_SUITES := $(patsubst X(%),%,$(shell grep -o 'X([a-z_]*)' tests/check_main.c))
VALGRIND  := valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite

valgrind: test-deps $(BIN) $(TBIN)
	@$(MAKE) --no-print-directory -k -O -j$(VG_JOBS) \
		$(addprefix valgrind-,$(VG_SLOW) $(filter-out $(VG_SLOW),$(VG_SUITES)))

valgrind-%: $(BIN) $(TBIN)
	VALGRIND_OPTS="--suppressions=$(CURDIR)/tests/valgrind.supp --show-leak-kinds=definite" \
		OMP_NUM_THREADS=1 CK_FORK=no CK_RUN_SUITE=$* ENTENTE_BIN=$(BIN) \
		ENTENTE_VALGRIND=1 $(VALGRIND) $(TBIN)

bench: $(BIN)
	OMP_NUM_THREADS=1 sh bench/run.sh $(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/entente
	install -m 644 docs/entente.1 $(DESTDIR)$(PREFIX)/share/man/man1/entente.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/entente $(DESTDIR)$(PREFIX)/share/man/man1/entente.1

clean:
	rm -rf build build-asan out

help:
	@sed -n '2,11s/^# \{0,1\}//p' Makefile

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
