#!/bin/sh
# The docs-change scenario from start to end: GitHub's docs make
# Repository.pushed_at optional and nullable; the new sample sends null and
# differs in four more places.
#   - specc diff names pushed_at as breaking and exits 1;
#   - specc try with the old spec reports every mismatch in one run;
#   - specc try with the new spec no longer objects to pushed_at.
# usage: docs_change.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
old=$src/specs/github.yaml

# The new docs: pushed_at optional and nullable, in Repository and where
# FullRepository narrows it.
sed -e 's/^      pushed_at: {type: string, format: date-time, required: true, nullable: true,/      pushed_at: {type: string, format: date-time, nullable: true,/' \
    -e 's/^          pushed_at: {type: string, format: date-time, required: true,/          pushed_at: {type: string, format: date-time, nullable: true,/' \
    "$old" >"$tmp/github.yaml"
[ "$(grep -c 'pushed_at: {type: string, format: date-time, nullable: true,' "$tmp/github.yaml")" -ge 2 ] ||
    die "the scenario's edit did not apply"

# 1. diff: breaking, named, exit 1.
"$specc" diff "$old" "$tmp/github.yaml" >"$tmp/diff" 2>"$tmp/err"
[ $? -eq 1 ] || { die "diff of a breaking change: want exit 1"; cat "$tmp/diff" "$tmp/err"; }
grep -q "breaking: Repository\.pushed_at: was required, now optional" "$tmp/diff" ||
    { die "diff does not name Repository.pushed_at as breaking:"; cat "$tmp/diff"; }
grep -q "breaking: FullRepository\.pushed_at: .*nullable\|breaking: FullRepository\.pushed_at: .*null" "$tmp/diff" ||
    { die "diff does not name FullRepository.pushed_at becoming nullable:"; cat "$tmp/diff"; }
tail -n 1 "$tmp/diff" | grep -q "^[1-9][0-9]* breaking, [0-9]* compatible$" || die "no summary line"

# 2. try with the old spec: every mismatch, one run.
# Only the top-level repository's values change (0,/RE/: the first match).
sed -e '0,/"pushed_at": "2011-01-26T19:06:43Z"/s//"pushed_at": null/' \
    -e '0,/"size": 108/s//"size": "108 KB"/' \
    -e '0,/"forks_count": 9/s//"forks_count": 9.5/' \
    -e '0,/"private": false/s//"private": "no"/' \
    -e '0,/"created_at": "2011-01-26T19:01:12Z"/s//"created_at": "yesterday"/' \
    "$src/specs/samples/github/get_repo.200.json" >"$tmp/new.json"
"$specc" try "$old" get_repo.200 "$tmp/new.json" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || die "try with the old spec: want exit 1"
for p in pushed_at size forks_count private created_at; do
    grep -q "^$tmp/new.json:[0-9]*:[0-9]*: \$\.$p: " "$tmp/err" || { die "try does not report \$.$p:"; cat "$tmp/err"; }
done
[ "$(grep -vc ': note: ' "$tmp/err")" -eq 5 ] || { die "want exactly 5 problems:"; cat "$tmp/err"; }

# 3. try with the new spec: pushed_at fits, the four others remain.
"$specc" try "$tmp/github.yaml" get_repo.200 "$tmp/new.json" >/dev/null 2>"$tmp/err"
grep -q '\$\.pushed_at' "$tmp/err" && die "the new spec still objects to pushed_at"
[ "$(grep -vc ': note: ' "$tmp/err")" -eq 4 ] || { die "want 4 problems with the new spec:"; cat "$tmp/err"; }
exit $fail
