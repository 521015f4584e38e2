#!/bin/sh
# run.sh SPECC NAME — cases/NAME.yaml holds two versions of a spec: a line
# ending in "#@old" is only in old.yaml, one ending in "#@new" only in
# new.yaml, every other line in both. `specc diff old.yaml new.yaml` and
# `specc diff new.yaml old.yaml` (output and exit status) must print
# exactly cases/NAME.out. With SPECC_UPDATE_GOLDENS=1 it rewrites NAME.out
# from the current output instead (then review the diff).
set -u
specc=$1
name=$2
cases=$(cd "$(dirname "$0")/cases" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '#@new$' "$cases/$name.yaml" >"$tmp/old.yaml"
grep -v '#@old$' "$cases/$name.yaml" >"$tmp/new.yaml"
cd "$tmp" || exit 2
for pair in "old.yaml new.yaml" "new.yaml old.yaml"; do
    echo "\$ specc diff $pair"
    # shellcheck disable=SC2086
    "$specc" diff $pair 2>&1
    echo "exit $?"
done >actual
if [ "${SPECC_UPDATE_GOLDENS:-}" = 1 ]; then
    cp actual "$cases/$name.out"
    echo "updated $name.out"
    exit 0
fi
if ! diff -u "$cases/$name.out" actual; then
    echo "specc diff output differs from $name.out (refresh with SPECC_UPDATE_GOLDENS=1 if intended)"
    exit 1
fi
