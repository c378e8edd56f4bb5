#!/bin/sh
# Install, on Debian 12, whatever entente needs to build, test and render
# that is not there yet. Quiet when everything is present; uses sudo when
# not run as root.
set -eu
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
command -v cc >/dev/null 2>&1 || need="$need gcc"
have_pc igraph || need="$need libigraph-dev"
have_pc libxml-2.0 || need="$need libxml2-dev"
have_pc libgvc || need="$need libgraphviz-dev"
have_pc check || need="$need check libsubunit-dev"
have_pc jansson || need="$need libjansson-dev"
command -v dot >/dev/null 2>&1 || need="$need graphviz"
command -v xmllint >/dev/null 2>&1 || need="$need libxml2-utils"
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || need="$need iso-codes"
if [ "${ENTENTE_TEST_DEPS:-0}" = 1 ]; then
	command -v python3 >/dev/null 2>&1 || need="$need python3"
	command -v clang >/dev/null 2>&1 || need="$need clang"
	command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.asan-x86_64.a >/dev/null 2>&1 ||
		need="$need libclang-rt-dev"
	# libFuzzer, for make fuzz (the same package on Debian 12)
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
		need="$need libclang-rt-dev"
	/usr/bin/python3 -c 'import networkx' 2>/dev/null || need="$need python3-networkx"
	# networkx's pagerank and eigenvector centrality need these, which
	# apt only recommends
	/usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null || need="$need python3-numpy python3-scipy"
	/usr/bin/python3 -c 'import igraph' 2>/dev/null || need="$need python3-igraph"
	# independent readers of the exports (tests/test_export.c)
	command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
fi
[ -z "$need" ] && exit 0
echo "entente: installing missing packages:$need" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $need >&2
