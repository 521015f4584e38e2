#!/bin/sh
# examples/make as a user would build it: specc installed to a prefix whose
# bin/ is on PATH (SPECC=specc), the example copied out of the tree and
# pointed at a spec with SPEC=. Its output on a sample and on a bad payload,
# and incremental rebuilds: nothing changed, the spec touched (regenerated,
# nothing recompiled), the spec really changed; make clean.
# usage: make.sh SPECC SOURCE_DIR BUILD_DIR
src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
. "$(dirname "$0")/common.sh"
unset SPECC_TEMPLATES MAKEFLAGS MFLAGS MAKELEVEL CFLAGS
ex=$tmp/example

install_on_path "$build"
cp -R "$src/examples/make" "$ex"
spec=$src/specs/respan.yaml
mk() { make -C "$ex" SPEC="$spec" "$@"; }
mk -j2 >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "FAIL: the example does not build"; exit 1; }
grep -q "^specc generate -o gen " "$tmp/log" || die "the Makefile did not run specc from PATH"

# The program on a sample, and on a payload with a field of the wrong type.
cat >"$tmp/want" <<'OUT'
My Custom GPT-4o (my-custom-gpt-4o)
context window: 128000 tokens
per million tokens: $2.5 in, $10 out
provider: My vLLM Server
OUT
"$ex/show_model" "$src/specs/samples/respan/get_model.200.json" >"$tmp/out" || die "show_model failed on the sample"
diff -u "$tmp/want" "$tmp/out" || die "show_model's output on the sample differs"
sed 's/"max_context_window": 128000/"max_context_window": "big"/' "$src/specs/samples/respan/get_model.200.json" >"$tmp/bad.json"
"$ex/show_model" "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || die "show_model did not exit 1 on a bad payload"
[ "$(cat "$tmp/err")" = '$.max_context_window: expected integer, got string "big"' ] ||
    die "show_model on a bad payload: $(cat "$tmp/err")"

# Incremental rebuilds, on a copy of the spec (the test edits it).
uptodate() { mk -q >/dev/null 2>&1 || die "$1: make -q says the build is not up to date"; }
uptodate "after a build"
rebuild mk
[ -z "$(objects "$ex")" ] || die "a build with nothing changed recompiled: $(objects "$ex")"
cp "$src/specs/respan.yaml" "$tmp/respan.yaml"
spec=$tmp/respan.yaml
rebuild mk
[ -z "$(objects "$ex")" ] || die "the same spec elsewhere recompiled: $(objects "$ex")"
touch "$spec"
rebuild mk
grep -q "^specc generate" "$tmp/log" || { cat "$tmp/log"; die "touching the spec did not run specc"; }
[ -z "$(objects "$ex")" ] || die "touching the spec (same bytes) recompiled: $(objects "$ex")"
uptodate "after touching the spec"
touch "$tmp/prefix/bin/specc"
rebuild mk
grep -q "^specc generate" "$tmp/log" || { cat "$tmp/log"; die "a newer specc did not run"; }
[ -z "$(objects "$ex")" ] || die "a newer specc that writes the same bytes recompiled: $(objects "$ex")"
sed -i 's/description: Model string ID. Same value as model_name./description: The model string ID./' "$spec"
rebuild mk
# respan.c and show_model.c include respan.h; the runtime does not.
case "$(objects "$ex")" in
    "respan.o show_model.o ") ;;
    *) die "a changed description should recompile respan.o and show_model.o only, got: $(objects "$ex")" ;;
esac
grep -q "The model string ID" "$ex/gen/respan.h" || die "respan.h was not regenerated"
uptodate "after a real change"

mk clean >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "make clean failed"; }
[ ! -e "$ex/gen" ] && [ ! -e "$ex/show_model" ] && [ -z "$(find "$ex" -name '*.o')" ] ||
    die "make clean left files: $(ls "$ex")"
exit $fail
