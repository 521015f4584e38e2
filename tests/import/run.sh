#!/bin/sh
# run.sh SPECC NAME — `specc import [ARGS] cases/NAME.yaml` (or NAME.json;
# ARGS from a first line `# args: ...`) must print exactly cases/NAME.golden:
# the draft, then "----- stderr" and the diagnostics, then "----- exit N".
# A draft that is printed must pass `specc lint`. With SPECC_UPDATE_GOLDENS=1
# it rewrites NAME.golden from the current output instead (review the diff).
set -u
specc=$1
name=$2
cd "$(dirname "$0")/cases" || exit 2
input=$name.yaml
[ -f "$input" ] || input=$name.json
args=$(sed -n '1s/^# args: //p' "$input")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
"$specc" import $args "$input" >"$work/out" 2>"$work/err"
status=$?
{ cat "$work/out"; echo "----- stderr"; cat "$work/err"; echo "----- exit $status"; } >"$work/actual"
fail=0
if [ "$status" -eq 0 ]; then
    cp "$work/out" "$work/draft.yaml"
    if ! "$specc" lint "$work/draft.yaml"; then
        echo "the draft does not pass specc lint"
        fail=1
    fi
fi
if [ "${SPECC_UPDATE_GOLDENS:-}" = 1 ]; then
    cp "$work/actual" "$name.golden"
    echo "updated $name.golden"
    exit $fail
fi
if ! diff -u "$name.golden" "$work/actual"; then
    echo "output differs from $name.golden (refresh with SPECC_UPDATE_GOLDENS=1 if intended)"
    fail=1
fi
exit $fail
