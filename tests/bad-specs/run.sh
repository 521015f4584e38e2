#!/bin/sh
# run.sh SPECC NAME — `specc lint NAME.yaml` must exit 1 and print exactly
# NAME.err (diagnostics, in order). With SPECC_UPDATE_GOLDENS=1 it rewrites
# NAME.err from the current output instead (then review the diff).
set -u
specc=$1
name=$2
cd "$(dirname "$0")" || exit 2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$specc" lint "$name.yaml" >"$actual" 2>&1
status=$?
if [ "${SPECC_UPDATE_GOLDENS:-}" = 1 ]; then
    cp "$actual" "$name.err"
    echo "updated $name.err"
    exit 0
fi
if [ "$status" -ne 1 ]; then
    echo "expected exit status 1, got $status; output:"
    cat "$actual"
    exit 1
fi
if ! diff -u "$name.err" "$actual"; then
    echo "diagnostics differ from $name.err (refresh with SPECC_UPDATE_GOLDENS=1 if intended)"
    exit 1
fi
