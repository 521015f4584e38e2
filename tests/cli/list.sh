#!/bin/sh
# generate --list and runtime --list name exactly the files the command
# writes (what a Meson or Make build needs to know at configure time),
# write nothing, and fail on a bad spec as generate does.
# usage: list.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
case $specc in /*) ;; *) specc=$PWD/$specc ;; esac # --list runs in $tmp
case $src in /*) ;; *) src=$PWD/$src ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

# same NAME ARGS...: `specc ARGS... --list` lists what `specc ARGS... -o DIR` writes.
n=0
same() {
    name=$1
    shift
    n=$((n + 1))
    "$specc" "$@" -o "$tmp/out$n" || { die "$name: specc $* -o DIR failed"; return; }
    (cd "$tmp/out$n" && ls -A | sort) >"$tmp/written"
    (cd "$tmp" && "$specc" "$@" --list) >"$tmp/listed" || { die "$name: --list failed"; return; }
    sort "$tmp/listed" | diff -u "$tmp/written" - >"$tmp/diff" ||
        { die "$name: --list differs from the files written:"; cat "$tmp/diff"; }
    [ "$(ls -A "$tmp" | grep -v -e '^out' -e '^written$' -e '^listed$' -e '^diff$')" = "" ] ||
        die "$name: --list wrote files: $(ls -A "$tmp")"
    # Stable: the same list, in the same order, twice.
    "$specc" "$@" --list | cmp -s - "$tmp/listed" || die "$name: --list is not stable"
}
same "one spec" generate "$src/specs/baseten.yaml"
same "several specs" generate "$src/specs/baseten.yaml" "$src/specs/respan.yaml" "$src/specs/greenflash.yaml"
same "--no-runtime" generate --no-runtime "$src/specs/baseten.yaml" "$src/specs/respan.yaml"
same "runtime" runtime

# -o is accepted with --list, and nothing is written there.
"$specc" generate --list -o "$tmp/none" "$src/specs/baseten.yaml" >/dev/null || die "--list -o DIR failed"
[ ! -e "$tmp/none" ] || die "--list -o DIR created DIR"
# The names: the runtime first, then each spec's header and source.
"$specc" generate --no-runtime --list "$src/specs/respan.yaml" "$src/specs/baseten.yaml" >"$tmp/names"
printf 'respan.h\nrespan.c\nbaseten.h\nbaseten.c\n' | diff -u - "$tmp/names" || die "--no-runtime --list order"
"$specc" runtime --list | grep -qx specc.h || die "runtime --list lacks specc.h"

# A bad spec fails as generate does: same messages, same status, no output.
bad=$src/tests/bad-specs/alias.yaml
"$specc" generate -o "$tmp/bad" "$bad" >/dev/null 2>"$tmp/gen.err"
want=$?
"$specc" generate --list "$bad" >"$tmp/list.out" 2>"$tmp/list.err"
got=$?
[ "$want" -ne 0 ] || die "generate accepted $bad"
[ "$got" -eq "$want" ] || die "bad spec: --list exit $got, generate $want"
diff -u "$tmp/gen.err" "$tmp/list.err" || die "bad spec: --list messages differ from generate's"
grep -q "alias.yaml:[0-9]*:[0-9]*: error: " "$tmp/list.err" || die "bad spec: no FILE:LINE:COL: $(cat "$tmp/list.err")"
[ ! -s "$tmp/list.out" ] || die "bad spec: --list printed names: $(cat "$tmp/list.out")"

# Usage: --list belongs to generate and runtime only; runtime takes no SPEC.
"$specc" check --list "$src/specs/baseten.yaml" >/dev/null 2>&1
[ $? -eq 2 ] || die "check --list is not a usage error"
"$specc" runtime --list "$src/specs/baseten.yaml" >/dev/null 2>&1
[ $? -eq 2 ] || die "runtime --list SPEC is not a usage error"
"$specc" generate --list >/dev/null 2>&1
[ $? -eq 2 ] || die "generate --list without SPEC is not a usage error"
exit $fail
