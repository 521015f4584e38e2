#!/bin/sh
# Examples in the spec: the sample payloads a spec lists under `examples:`
# are checked by `specc lint` and `specc test` as the bindings would.
# usage: examples.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

# 1. Every spec in specs/ lists its samples, and every one passes.
listed=$(grep -h '^ *- samples/' "$src"/specs/*.yaml | wc -l)
[ "$listed" -gt 30 ] || die "the specs list only $listed example files"
"$specc" test "$src"/specs/*.yaml >"$tmp/out" 2>"$tmp/err" || { die "specc test specs/*.yaml"; cat "$tmp/err"; }
tail -n 1 "$tmp/out" | grep -qx "$listed passed, 0 failed" ||
    die "want '$listed passed, 0 failed', got '$(tail -n 1 "$tmp/out")'"
[ "$(grep -c '^PASS ' "$tmp/out")" -eq "$listed" ] || die "one PASS line per example"
for f in "$src"/specs/samples/*/*.json; do # every sample is someone's example
    grep -q "$(basename "$f")" "$src"/specs/*.yaml || die "$f is listed by no spec"
done

# 2. A bad example: lint and test report it at the example's line, with
#    the payload's own FILE:LINE:COL and path.
mkdir -p "$tmp/api/samples"
sed 's/"contextWindow": 128000/"contextWindow": "128k"/' \
    "$src/specs/samples/greenflash/get_model.200.json" >"$tmp/api/samples/bad.json"
cat >"$tmp/api/spec.yaml" <<'YAML'
specc: 2
api: ex
types:
  Model:
    fields:
      id: {type: string, required: true}
      contextWindow: {type: integer}
    examples:
      - samples/bad.json
YAML
"$specc" lint "$tmp/api/spec.yaml" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] || die "lint of a spec with a bad example: want exit 1"
grep -qxF "$tmp/api/spec.yaml:9:9: error: example 'samples/bad.json' of Model: samples/bad.json:8:20: \$.contextWindow: expected integer, got string \"128k\"" "$tmp/err" ||
    { die "lint: the problem is not at the example's line:"; cat "$tmp/err"; }
grep -q "note: .*\$.canonicalId: not in the spec" "$tmp/err" || die "lint: undeclared keys are not noted"
"$specc" test "$tmp/api/spec.yaml" >"$tmp/out" 2>/dev/null
[ $? -eq 1 ] || die "test with a failing example: want exit 1"
grep -qx "FAIL Model samples/bad.json" "$tmp/out" || die "test: no FAIL line"
tail -n 1 "$tmp/out" | grep -qx "0 passed, 1 failed" || die "test: want '0 passed, 1 failed'"

# 3. Decoding that changes the JSON value fails: a type that ignores
#    undeclared keys cannot give them back.
printf '{"id": "a", "extra": 1}' >"$tmp/api/samples/extra.json"
cat >"$tmp/api/ignore.yaml" <<'YAML'
specc: 2
api: ex
types:
  Model:
    unknown_fields: ignore
    fields:
      id: {type: string, required: true}
    examples: [samples/extra.json]
YAML
"$specc" lint "$tmp/api/ignore.yaml" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "changes its JSON value" "$tmp/err" ||
    { die "an example that does not round-trip must fail lint"; cat "$tmp/err"; }

# 4. Examples stay beside the spec: absolute paths, '..' and symbolic links
#    that lead outside are refused; a missing file is an error at its line.
ln -s /etc/hostname "$tmp/api/samples/outside.json"
cat >"$tmp/api/escape.yaml" <<'YAML'
specc: 2
api: ex
types:
  Model:
    fields:
      id: {type: string}
    examples: [samples/outside.json, samples/missing.json]
YAML
"$specc" lint "$tmp/api/escape.yaml" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] || die "escaping examples: want exit 1"
grep -q "escape.yaml:7:16: error: .*lies outside the spec's directory" "$tmp/err" ||
    { die "a symbolic link out of the spec's directory is followed"; cat "$tmp/err"; }
grep -q "escape.yaml:7:38: error: .*cannot open" "$tmp/err" || { die "missing file"; cat "$tmp/err"; }
"$specc" test --bogus "$tmp/api/escape.yaml" >/dev/null 2>&1; [ $? -eq 2 ] || die "bad option: want 2"
"$specc" test "$tmp/api/nope.yaml" >/dev/null 2>&1; [ $? -eq 2 ] || die "missing spec: want 2"
exit $fail
