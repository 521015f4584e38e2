#!/bin/sh
# Every spec diffed with itself, and with a reformatted copy (keys in
# another order, other quoting and flow style, comments dropped,
# descriptions reworded) both ways: nothing but "0 breaking, 0 compatible",
# exit 0.
# usage: unchanged.sh SPECC REFORMAT SOURCE_DIR
specc=$1 reformat=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect_none() { # expect_none OLD NEW
    out=$("$specc" diff "$1" "$2" 2>&1)
    status=$?
    if [ "$status" -ne 0 ] || [ "$out" != "0 breaking, 0 compatible" ]; then
        echo "FAIL: specc diff $1 $2: exit $status, want 0 and no changes:"
        echo "$out"
        fail=1
    fi
}
for spec in "$src"/specs/*.yaml "$src/tests/kitchen2/kitchen2.yaml" "$src/tests/kitchen/kitchen.yaml"; do
    copy="$tmp/$(basename "$spec")"
    if ! "$reformat" "$spec" >"$copy"; then
        echo "FAIL: cannot reformat $spec"; fail=1; continue
    fi
    # The copy must really look different.
    if cmp -s "$spec" "$copy"; then
        echo "FAIL: the reformatted $spec is identical"; fail=1
    fi
    expect_none "$spec" "$spec"
    expect_none "$spec" "$copy"
    expect_none "$copy" "$spec"
done
exit $fail
