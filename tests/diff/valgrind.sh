#!/bin/sh
# specc diff under valgrind memcheck: the cases that reach most of the
# comparison (one way in text, the other in JSON), unrelated specs, and an
# invalid one: no memory errors, no leaks.
# usage: valgrind.sh SPECC VALGRIND SOURCE_DIR
specc=$1 valgrind=$2 src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
memcheck() { # memcheck ARGS...: specc under memcheck, any exit but 99
    "$valgrind" -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect,possible \
        --show-leak-kinds=definite,indirect,possible "$specc" "$@" >/dev/null 2>"$tmp/err"
    if [ $? -eq 99 ]; then
        echo "FAIL: specc $*:"; cat "$tmp/err"; fail=1
    fi
}
for name in unions enums presence; do
    case=$src/tests/diff/cases/$name.yaml
    grep -v '#@new$' "$case" >"$tmp/old.yaml"
    grep -v '#@old$' "$case" >"$tmp/new.yaml"
    memcheck diff "$tmp/old.yaml" "$tmp/new.yaml"
    memcheck diff --json "$tmp/new.yaml" "$tmp/old.yaml"
done
memcheck diff "$src/specs/stripe.yaml" "$src/specs/github.yaml"
memcheck diff "$src/tests/kitchen2/kitchen2.yaml" "$src/tests/kitchen/kitchen.yaml"
memcheck diff --json "$src/tests/kitchen/kitchen.yaml" "$src/tests/kitchen2/kitchen2.yaml"
printf 'specc: 2\napi: shop\ntypes: {Item: {fields: {id: {type: strin}}}}\n' >"$tmp/bad.yaml"
memcheck diff "$tmp/bad.yaml" "$src/specs/github.yaml"
exit $fail
