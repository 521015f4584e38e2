#!/bin/sh
# hostile.sh SPECC — descriptions built to hurt: nesting deeper than the
# parser takes, 50 000 properties, a 50 000-value enum, a chain of 3 000
# components, a scalar inlined until the draft would pass its node limit,
# a union of 300 variants, $ref loops, anchors. Each must end in a few
# seconds with exit 0 or 1 (never a crash, never out of memory) and say
# what it says below.
set -u
specc=$1
command -v python3 >/dev/null || { echo "no python3: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
python3 - <<'PY'
import json
def doc(schemas, name):
    json.dump({"openapi": "3.1.0", "info": {"title": "H", "version": "1"}, "paths": {},
               "components": {"schemas": schemas}}, open(name + ".json", "w"))
s = cur = {}
for i in range(400):
    cur["type"] = "array"; cur["items"] = {}; cur = cur["items"]
doc({"Deep": s}, "deep")
props = {"p%d" % i: {"type": "string"} for i in range(50000)}
doc({"Deep": {"type": "object", "required": list(props), "properties": props}}, "wide")
doc({"Deep": {"type": "object", "properties": {"e": {"enum": ["v%d" % i for i in range(50000)]}}}}, "enum")
sc = {"C%d" % i: {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/C%d" % (i + 1)}}}
      for i in range(3000)}
sc["C3000"] = {"type": "object"}
sc["Deep"] = {"$ref": "#/components/schemas/C0"}
doc(sc, "chain")
sc = {"Big": {"type": "string", "enum": ["v%d" % i for i in range(1000)]},
      "Deep": {"type": "object", "properties": {"f%d" % i: {"$ref": "#/components/schemas/Big"}
                                                for i in range(2000)}}}
doc(sc, "blowup")
sc = {"V%d" % i: {"type": "object", "properties": {"type": {"const": "v%d" % i}}} for i in range(300)}
sc["Deep"] = {"oneOf": [{"$ref": "#/components/schemas/V%d" % i} for i in range(300)]}
doc(sc, "union")
doc({"Deep": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/Deep"}}, "loop")
PY
printf 'openapi: 3.0.0\ninfo: {title: a, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    A: &a {type: string}\n    Deep: *a\n' >anchors.yaml
fail=0
expect() { # NAME STATUS TEXT
    input=$1.json
    [ -f "$input" ] || input=$1.yaml
    start=$(date +%s)
    timeout 60 "$specc" import --schema Deep "$input" >"$1.out" 2>"$1.err"
    status=$?
    secs=$(( $(date +%s) - start ))
    if [ "$status" -ne "$2" ] || ! grep -q -- "$3" "$1.err" "$1.out" || [ "$secs" -gt 20 ]; then
        echo "FAIL: $1: exit $status in ${secs}s, wanted $2 and '$3'"
        head -5 "$1.err"
        fail=1
    else
        echo "ok: $1: exit $status in ${secs}s"
    fi
}
expect deep 1 'nesting too deep'
expect wide 0 'p49999: {type: string, required: true}'
expect enum 0 'an enum of more than 1000 values'
expect chain 0 'C2999:'
expect blowup 1 'the draft would have more than 1000000 nodes'
expect union 0 'a union of more than 256 variants'
expect loop 1 '\$ref loop'
expect anchors 1 'anchors and aliases are not supported'
exit $fail
