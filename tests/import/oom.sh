#!/bin/sh
# oom.sh SPECC — `specc import` with every allocation failing from the Nth
# on (an LD_PRELOAD shim built here), for N across a run of several cases:
# each run must end with exit 0, 1 or 3 — never a crash. Skipped (77)
# without a C compiler or in a sanitizer build (which has its own malloc).
set -u
specc=$1
cases=$(dirname "$0")/cases
command -v cc >/dev/null || { echo "no cc: skipped"; exit 77; }
nm "$specc" 2>/dev/null | grep -q __asan_init && { echo "sanitizer build: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/fail.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
static long count, fail_at = -1;
static int armed(void)
{
    if (fail_at < 0) {
        const char *e = getenv("IMPORT_FAIL_AT");
        fail_at = e ? atol(e) : 0;
    }
    return fail_at > 0 && ++count >= fail_at;
}
void *malloc(size_t n)
{
    static void *(*real)(size_t);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "malloc");
    return armed() ? NULL : real(n);
}
void *realloc(void *p, size_t n)
{
    static void *(*real)(void *, size_t);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "realloc");
    return armed() ? NULL : real(p, n);
}
C
cc -shared -fPIC -o "$work/fail.so" "$work/fail.c" -ldl || { echo "cannot build the shim: skipped"; exit 77; }
fail=0
runs=0
for c in unions allof clashes params keywords; do
    input=$cases/$c.yaml
    args=$(sed -n '1s/^# args: //p' "$input")
    n=1
    while [ "$n" -lt 4000 ]; do
        # shellcheck disable=SC2086
        IMPORT_FAIL_AT=$n LD_PRELOAD=$work/fail.so "$specc" import $args "$input" >/dev/null 2>"$work/err"
        status=$?
        runs=$((runs + 1))
        if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] && [ "$status" -ne 3 ]; then
            echo "FAIL: $c with allocation $n failing: exit $status"
            tail -3 "$work/err"
            fail=1
        elif grep -q "internal error" "$work/err"; then
            echo "FAIL: $c with allocation $n failing: an internal error"
            fail=1
        fi
        n=$((n + 23))
    done
done
echo "$runs runs"
exit $fail
