#!/bin/sh
# Every v1 spec generates the C it generated before spec language v2 (see
# tests/compat/README.md), apart from the runtime version the header demands.
# usage: v1_compat.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$specc" generate --no-runtime -o "$tmp/new" "$src"/specs/llmstats.yaml "$src"/specs/openwebui.yaml \
    "$src"/specs/greenflash.yaml "$src"/specs/baseten.yaml "$src"/specs/respan.yaml \
    "$src"/tests/kitchen/kitchen.yaml || { echo "FAIL: generate"; exit 1; }
for old in "$src"/tests/compat/v1/*; do
    name=$(basename "$old")
    # The one allowed difference: the runtime version each header demands.
    sed -e 's/SPECC_RUNTIME_VERSION != [0-9]*/SPECC_RUNTIME_VERSION != N/' \
        -e 's/needs specc runtime version [0-9]*/needs specc runtime version N/' "$old" >"$tmp/old"
    sed -e 's/SPECC_RUNTIME_VERSION != [0-9]*/SPECC_RUNTIME_VERSION != N/' \
        -e 's/needs specc runtime version [0-9]*/needs specc runtime version N/' \
        "$tmp/new/$name" >"$tmp/now" 2>/dev/null || { echo "FAIL: $name not generated"; fail=1; continue; }
    if ! cmp -s "$tmp/old" "$tmp/now"; then
        echo "FAIL: $name differs from the v1 C:"
        diff "$tmp/old" "$tmp/now" | head -20
        fail=1
    fi
done
[ "$(ls "$src"/tests/compat/v1 | wc -l)" -eq 12 ] || { echo "FAIL: expected 12 v1 files"; fail=1; }
exit $fail
