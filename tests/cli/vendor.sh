#!/bin/sh
# Vendoring: generated/ copied into another tree builds with nothing but a C
# compiler and jansson, and `specc check` keeps the copy honest.
# usage: vendor.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

mkdir -p "$tmp/third_party/api"
cp "$src"/generated/*.c "$src"/generated/*.h "$tmp/third_party/api/"
cat >"$tmp/main.c" <<'C'
#include <stdio.h>
#include <string.h>
#include "llmstats.h"
int main(void)
{
    static const char body[] = "{\"error\": {\"code\": \"not_found\", \"message\": \"No such model\"}}";
    llmstats_get_model_response_t r;
    specc_error err;
    if (llmstats_get_model_decode_response(404, body, strlen(body), &r, &err) != SPECC_OK)
        return 1;
    printf("%s\n", r.status_404->error->message);
    llmstats_get_model_response_clear(&r);
    return 0;
}
C
# The compile line the README gives.
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$tmp/third_party/api" "$tmp/main.c" \
    "$tmp"/third_party/api/*.c -ljansson -lm -o "$tmp/app" || die "vendored sources do not build alone"
[ "$("$tmp/app")" = "No such model" ] || die "vendored app output: $("$tmp/app")"

"$specc" check -o "$tmp/third_party/api" "$src"/specs/*.yaml >/dev/null || die "fresh copy reported stale"
sed -i 's/No such model/x/; s/"message"/"messagE"/' "$tmp/third_party/api/llmstats.c"
"$specc" check -o "$tmp/third_party/api" "$src"/specs/*.yaml >"$tmp/out" 2>&1 && die "edited copy not reported"
grep -q "llmstats.c: stale" "$tmp/out" || die "check did not name the edited file: $(cat "$tmp/out")"
exit $fail
