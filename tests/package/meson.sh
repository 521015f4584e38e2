#!/bin/sh
# examples/meson as a user would build it: specc installed to a prefix whose
# bin/ is on PATH (find_program('specc')), the example copied out of the
# tree and pointed at a spec with -Dspec. Its output on a sample and on a bad
# payload, meson test, and incremental rebuilds: nothing changed, the spec
# touched (regenerated, nothing recompiled), the spec really changed.
# usage: meson.sh SPECC SOURCE_DIR BUILD_DIR
src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
. "$(dirname "$0")/common.sh"
unset SPECC_TEMPLATES
b=$tmp/example/build

install_on_path "$build"
cp -R "$src/examples/meson" "$tmp/example"
meson setup "$b" "$tmp/example" -Dspec="$src/specs/baseten.yaml" >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; echo "FAIL: the example does not configure"; exit 1; }
grep -q "Program specc found: YES ($tmp/prefix/bin/specc)" "$tmp/log" ||
    die "find_program('specc') did not find the installed specc: $(grep 'Program specc' "$tmp/log")"
ninja -C "$b" >"$tmp/log" 2>&1 || { cat "$tmp/log"; echo "FAIL: the example does not build"; exit 1; }

# The program on a sample, and on a payload with a field of the wrong type.
cat >"$tmp/want" <<'OUT'
<string> (<string>), released 2023-12-25
context: 123 tokens
per million tokens: $0.13 in, $0.50 out
rate limits: 1
added to the workspace at 2023-11-07T05:31:56Z
OUT
"$b/show_model" "$src/specs/samples/baseten/get_model.200.json" >"$tmp/out" || die "show_model failed on the sample"
diff -u "$tmp/want" "$tmp/out" || die "show_model's output on the sample differs"
sed 's/"context_length": 123/"context_length": "123"/' "$src/specs/samples/baseten/get_model.200.json" >"$tmp/bad.json"
"$b/show_model" "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || die "show_model did not exit 1 on a bad payload"
[ "$(cat "$tmp/err")" = '$.context_length: expected integer, got string "123"' ] ||
    die "show_model on a bad payload: $(cat "$tmp/err")"
meson test -C "$b" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "meson test (specc test on the spec) fails"; }

# Incremental rebuilds, on a copy of the spec (the test edits it).
uptodate() { ninja -C "$b" -n | grep -q "no work to do" || die "$1: ninja still has work to do"; }
cp "$src/specs/baseten.yaml" "$tmp/baseten.yaml"
meson configure "$b" -Dspec="$tmp/baseten.yaml" >"$tmp/log" 2>&1 || { cat "$tmp/log"; die "meson configure -Dspec failed"; }
rebuild ninja -C "$b"
[ -z "$(objects "$b")" ] || die "the same spec elsewhere recompiled: $(objects "$b")"
uptodate "after a build"
rebuild ninja -C "$b"
[ -z "$(objects "$b")" ] || die "a build with nothing changed recompiled: $(objects "$b")"
touch "$tmp/baseten.yaml"
rebuild ninja -C "$b"
grep -q "Generating baseten-bindings" "$tmp/log" || { cat "$tmp/log"; die "touching the spec did not run specc"; }
[ -z "$(objects "$b")" ] || die "touching the spec (same bytes) recompiled: $(objects "$b")"
uptodate "after touching the spec"
touch "$tmp/prefix/bin/specc"
rebuild ninja -C "$b"
grep -q "Generating baseten-bindings" "$tmp/log" || { cat "$tmp/log"; die "a newer specc did not run"; }
[ -z "$(objects "$b")" ] || die "a newer specc that writes the same bytes recompiled: $(objects "$b")"
sed -i 's/description: Human-readable name of the Model API./description: The name people read./' "$tmp/baseten.yaml"
rebuild ninja -C "$b"
# baseten.c and show_model.c include baseten.h; the runtime does not.
case "$(objects "$b")" in
    "meson-generated_.._baseten.c.o show_model.c.o ") ;;
    *) die "a changed description should recompile baseten.c and show_model.c only, got: $(objects "$b")" ;;
esac
grep -q "The name people read" "$b/baseten.h" || die "baseten.h was not regenerated"
uptodate "after a real change"
exit $fail
