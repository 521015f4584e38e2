#!/bin/sh
# Every v1 spec generates the C it generated before spec language v2 (see
# tests/compat/README.md), apart from the runtime version the header demands
# and the header's "building values" block (runtime version 5: typed
# wrappers of the value-building helpers), which only adds functions.
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
    # Allowed differences: the runtime version each header demands, and the
    # building-values block (from its banner to the next section: endpoints,
    # or the API's tables).
    sed -e 's/SPECC_RUNTIME_VERSION != [0-9]*/SPECC_RUNTIME_VERSION != N/' \
        -e 's/needs specc runtime version [0-9]*/needs specc runtime version N/' "$old" >"$tmp/old"
    [ -f "$tmp/new/$name" ] || { echo "FAIL: $name not generated"; fail=1; continue; }
    awk '/^\/\* -+ building values \*\/$/ { skip = 1; next }
         skip && (/^\/\* -+ endpoints \*\/$/ || /^\/\* Every type and endpoint/) { skip = 0 }
         skip { next }
         /^$/ { blank++; next }
         { while (blank) { print ""; blank-- } print }
         END { while (blank) { print ""; blank-- } }' "$tmp/new/$name" |
        sed -e 's/SPECC_RUNTIME_VERSION != [0-9]*/SPECC_RUNTIME_VERSION != N/' \
            -e 's/needs specc runtime version [0-9]*/needs specc runtime version N/' >"$tmp/now"
    if ! cmp -s "$tmp/old" "$tmp/now"; then
        echo "FAIL: $name differs from the v1 C:"
        diff "$tmp/old" "$tmp/now" | head -20
        fail=1
    fi
done
[ "$(ls "$src"/tests/compat/v1 | wc -l)" -eq 12 ] || { echo "FAIL: expected 12 v1 files"; fail=1; }
exit $fail
