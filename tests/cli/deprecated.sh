#!/bin/sh
# The old names (TYPE_free, TYPE_decode, ENDPOINT_response_free) are marked
# deprecated: gcc and clang flag every call, with the new name in the message,
# so a -Werror build cannot use them by accident; SPECC_DEPRECATED can be
# predefined by the user (here: to nothing) to silence them. Their behaviour is
# tested by tests/kitchen/test_deprecated.c, which this compiles again without
# its pragma.
# usage: deprecated.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$specc" generate -o "$tmp" "$src/tests/kitchen/kitchen.yaml" || exit 1
test="$src/tests/kitchen/test_deprecated.c"
flags="-std=c99 -Wall -Wextra -Wpedantic -Werror -D_POSIX_C_SOURCE=200809L -I$tmp -I$src/tests/kitchen"
for cc in gcc clang; do
    command -v $cc >/dev/null || { echo "FAIL: $cc not installed"; fail=1; continue; }
    $cc $flags -fsyntax-only "$test" || { echo "FAIL: $cc: test_deprecated.c does not compile"; fail=1; }
    if $cc $flags -DKITCHEN_WARN_DEPRECATED -fsyntax-only "$test" 2>"$tmp/err"; then
        echo "FAIL: $cc: calls to the deprecated aliases compile without a warning"
        fail=1
    fi
    for name in kitchen_thing_free kitchen_thing_decode kitchen_part_free \
                kitchen_get_thing_response_free kitchen_ping_response_free; do
        grep -q "'$name' is deprecated\|$name.* is deprecated" "$tmp/err" ||
            { echo "FAIL: $cc: no deprecation warning for $name"; fail=1; }
    done
    for new in kitchen_thing_clear kitchen_thing_decode_json kitchen_part_clear \
               kitchen_get_thing_response_clear kitchen_ping_response_clear; do
        grep -q "use $new\b" "$tmp/err" ||
            { echo "FAIL: $cc: no warning says 'use $new'"; fail=1; }
    done
    $cc $flags -DKITCHEN_WARN_DEPRECATED '-DSPECC_DEPRECATED(msg)=' -fsyntax-only "$test" ||
        { echo "FAIL: $cc: a predefined SPECC_DEPRECATED is not respected"; fail=1; }
done
[ $fail = 0 ] || cat "$tmp/err"
exit $fail
