#!/bin/sh
# specc try as a user meets it: payloads checked against a spec, no C written.
# usage: try.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2 build=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }
gf=$src/specs/greenflash.yaml
sample=$src/specs/samples/greenflash/get_model.200.json

# 1. Every sample: the same bytes and exit status as the compiled bindings
#    (build/roundtrip), both from a file and from standard input.
for f in "$src"/specs/samples/*/*.json; do
    api=$(basename "$(dirname "$f")")
    target=$(basename "$f" | cut -d. -f1-2)
    "$build/roundtrip" "$api.$target" "$f" >"$tmp/want" 2>/dev/null; want=$?
    "$specc" try "$src/specs/$api.yaml" "$target" "$f" >"$tmp/got" 2>"$tmp/err"; got=$?
    [ "$got" -eq "$want" ] || { die "$f: try exits $got, roundtrip $want"; cat "$tmp/err"; }
    cmp -s "$tmp/got" "$tmp/want" || die "$f: try prints other bytes than roundtrip"
    "$specc" try "$src/specs/$api.yaml" "$target" <"$f" >"$tmp/stdin" 2>/dev/null
    cmp -s "$tmp/stdin" "$tmp/want" || die "$f: standard input differs from the file"
done

# 2. Every problem of a payload in one run, one line each, in text order,
#    FILE:LINE:COL: $.path: message (decoding and validation alike).
sed -e 's/"id": "123e4567[^"]*"/"id": "not-a-uuid"/' \
    -e 's/"displayName": "GPT-4o"/"displayName": null/' \
    -e 's/"contextWindow": 128000/"contextWindow": "128k"/' \
    -e 's/"inputModalities": \[/"inputModalities": [7,/' "$sample" >"$tmp/bad.json"
"$specc" try "$gf" get_model.200 "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || die "a rejected payload must exit 1"
[ -s "$tmp/out" ] && die "a rejected payload must print nothing on standard output"
cat >"$tmp/want" <<EOT
$tmp/bad.json:2:9: \$.id: not a valid uuid: "not-a-uuid"
$tmp/bad.json:4:18: \$.displayName: expected string, got null
$tmp/bad.json:8:20: \$.contextWindow: expected number, got string "128k"
$tmp/bad.json:11:23: \$.inputModalities[0]: expected string, got number 7
EOT
diff "$tmp/want" "$tmp/err" >"$tmp/diff" || { die "every problem, in order:"; cat "$tmp/diff"; }

# 3. What the docs forgot: undeclared keys are notes; the payload passes and
#    keeps them.
sed 's/"canonicalId"/"inference": {"tps": 1e400}, "canonicalId"/' "$sample" >"$tmp/extra.json"
"$specc" try "$gf" Model "$tmp/extra.json" >"$tmp/out" 2>"$tmp/err" || die "undeclared key: want exit 0"
grep -qxF "$tmp/extra.json:3:3: note: \$.inference: not in the spec; kept as an unknown field" "$tmp/err" ||
    { die "no note for the undeclared key:"; cat "$tmp/err"; }
grep -qF '"inference":{"tps": 1e400}' "$tmp/out" || die "the undeclared key is not kept as sent"

# 4. Several files: each judged; exit 1 when any is rejected; --quiet prints
#    nothing on standard output.
"$specc" try "$gf" Model "$sample" "$tmp/bad.json" >"$tmp/out" 2>/dev/null
[ $? -eq 1 ] || die "one bad file among several must exit 1"
[ "$(wc -l <"$tmp/out")" -eq 1 ] || die "the accepted file's JSON must still be printed"
"$specc" try --quiet "$gf" Model "$sample" >"$tmp/out" 2>&1 || die "--quiet: want exit 0"
[ -s "$tmp/out" ] && die "--quiet must print nothing"

# 5. Text that is not JSON: one problem, where the parser stopped.
printf '{"id":\n  tru}' | "$specc" try "$gf" Model - >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || die "not JSON: want exit 1"
grep -qx '<stdin>:2:6: \$\.id: invalid literal, expected true' "$tmp/err" ||
    { die "not JSON: want <stdin>:2:6:"; cat "$tmp/err"; }

# 6. Usage and spec errors exit 2, naming what there is to choose from.
"$specc" try "$gf" Nope "$sample" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] || die "unknown type: want 2"
grep -q "targets:.* Model .*get_model.STATUS" "$tmp/err" || { die "unknown type: no list"; cat "$tmp/err"; }
"$specc" try "$gf" get_model.201 "$sample" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] || die "status: want 2"
grep -q "declares: get_model.200" "$tmp/err" || { die "undeclared status: no list"; cat "$tmp/err"; }
"$specc" try "$gf" Model "$tmp/none.json" >/dev/null 2>&1; [ $? -eq 2 ] || die "missing file: want 2"
"$specc" try "$gf" >/dev/null 2>&1; [ $? -eq 2 ] || die "no target: want 2"
printf 'specc: 2\napi: x\ntypes: {T: {fields: {a: {type: strin}}}}\n' >"$tmp/broken.yaml"
"$specc" try "$tmp/broken.yaml" T "$sample" >/dev/null 2>"$tmp/err"; [ $? -eq 2 ] || die "bad spec: want 2"
grep -q "broken.yaml:3:" "$tmp/err" || die "bad spec: the spec's error is not shown"

# 7. A status resolved as the runtime resolves it: 4XX and default.
"$specc" try "$src/specs/github.yaml" create_repo.418 "$src/specs/samples/github/get_repo.404.json" \
    >/dev/null 2>&1 || die "create_repo.418 must resolve to the 4XX response"
"$specc" try "$src/specs/github.yaml" create_repo.304 "$sample" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "has no body" "$tmp/err" || die "a body-less response: want exit 2, 'has no body'"
exit $fail
