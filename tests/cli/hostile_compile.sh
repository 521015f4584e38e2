#!/bin/sh
# Generated C compiles cleanly (C99, strict warnings, gcc and clang) for the
# kitchen sinks (v1 and v2) and for a spec full of hostile names and text.
# usage: hostile_compile.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$specc" generate -o "$tmp" "$src/tests/cli/hostile.yaml" "$src/tests/kitchen/kitchen.yaml" \
    "$src/tests/kitchen2/kitchen2.yaml" || exit 1
flags="-std=c99 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wtrigraphs -Wcomment"
for cc in gcc clang; do
    command -v $cc >/dev/null || { echo "FAIL: $cc not installed"; fail=1; continue; }
    for f in "$tmp"/*.c; do
        $cc $flags -D_POSIX_C_SOURCE=200809L -I"$tmp" -c "$f" -o "$tmp/out.o" || { echo "FAIL: $cc $f"; fail=1; }
    done
    # gnu99 predefines unix and linux as macros: the names must survive that too.
    $cc -std=gnu99 -Wall -Wextra -Werror -I"$tmp" -c "$tmp/hostile.c" -o "$tmp/out.o" || { echo "FAIL: $cc -std=gnu99 hostile.c"; fail=1; }
done
# The JSON names survive exactly into the descriptors.
cat >"$tmp/names.c" <<'C'
#include <stdio.h>
#include <string.h>
#include "hostile.h"
int main(void)
{
    size_t i;
    for (i = 0; i < hostile_weird_desc.field_count; i++)
        printf("%s|\n", hostile_weird_desc.fields[i].name);
    printf("%s\n", HOSTILE_BASE_URL);
    printf("%s\n", HOSTILE_GET_IT_PATH);
    return 0;
}
C
gcc -std=c99 -I"$tmp" "$tmp/names.c" "$tmp"/hostile.c "$tmp"/specc_*.c -ljansson -lm -o "$tmp/names" || exit 1
"$tmp/names" >"$tmp/names.out"
for want in 'quote"d|' 'back\slash|' 'tri??=graph|' 'é accent|' '*/|' 'https://example.com/"quote"\back??/slash' '/x/{id}/"q"/??=/\'; do
    grep -qF -- "$want" "$tmp/names.out" || { echo "FAIL: '$want' not reproduced exactly"; fail=1; }
done
grep -c '|$' "$tmp/names.out" | grep -q '^23$' || { echo "FAIL: expected 23 fields"; cat "$tmp/names.out"; fail=1; }
exit $fail
