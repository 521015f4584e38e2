#!/bin/sh
# specc doc writes a Markdown reference per API (a row per field, text made
# safe for tables); specc schema writes a JSON Schema per API that says what
# the spec says (checked structurally with node, which the ajv test needs).
# usage: doc_schema.sh SPECC SOURCE_DIR BUILD_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
die() { echo "FAIL: $*"; fail=1; }

"$specc" doc -o "$tmp/doc" "$src/tests/kitchen/kitchen.yaml" "$src/tests/cli/hostile.yaml" || die "doc failed"
md=$tmp/doc/kitchen.md
grep -q "^# Kitchen sink" "$md" || die "no title"
grep -q "^### get_thing: GET /things/{thing\\\\_id}/parts/{part}$" "$md" || die "no endpoint heading: $(grep '^###' "$md" | head -3)"
grep -q "^| page size | query | integer | yes | \`page_size\` |" "$md" || die "no parameter row"
grep -q '^| color | `color` | string | yes | no | one of "red", "green", "dark-blue" |' "$md" || die "no enum row"
grep -q '^| shade | `shade` | string | no | yes | one of "light", "dark" (open: others kept) |' "$md" || die "no open enum row"
grep -q '^| children | `children` | array of \[Thing\](#Thing) |' "$md" || die "no array-of-type row"
grep -q '^| 204 | none |' "$md" || die "no body-less response row"
rows=$(awk '/^### Thing$/ { on = 1; next } /^### / { on = 0 } on && /^\| [^-J]/' "$md" | wc -l)
[ "$rows" -eq 33 ] || die "Thing has 33 fields, the table $rows rows"
# No raw control characters, and every table row has the same number of cells.
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037]')" "$tmp/doc/hostile.md"; then die "control characters in Markdown"; fi
# Field tables have 7 columns: 9 fields when split on '|' (escaped '\|' aside).
awk -F'|' 'FNR == 1 { on = 0 } /^\| JSON name/ { on = 1; next } /^$/ { on = 0 } on && !/^\|---/ {
        line = $0; gsub(/\\\|/, "", line); n = split(line, cells, "|")
        if (n != 9) { print FILENAME ": " $0; bad = 1 } } END { exit bad }' \
    "$tmp/doc/hostile.md" "$md" || die "a field-table row has a stray '|'"

"$specc" schema -o "$tmp/schema" "$src/tests/kitchen/kitchen.yaml" || die "schema failed"
if ! command -v node >/dev/null; then echo "FAIL: node is needed (tools/setup.sh installs it)"; exit 1; fi
node - "$tmp/schema/kitchen.schema.json" <<'JS' || fail=1
const fs = require('fs');
const s = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const d = s.$defs, t = d.Thing.properties;
const checks = [
  [s.$schema === 'https://json-schema.org/draft/2020-12/schema', '$schema'],
  [Object.keys(d).join() === 'Thing,Part,Strict,Scalars,Problem,Empty', '$defs in spec order'],
  [d.Thing.required.join() === 'id,name,tag,color,count,flag,cost,blob,part', 'required'],
  [d.Strict.additionalProperties === false && d.Thing.additionalProperties === true &&
   d.Part.additionalProperties === true, 'additionalProperties from the unknown-field policy'],
  [t.id.type === 'string' && t.id.format === 'uuid', 'format'],
  [t.tag.anyOf[0].type === 'string' && t.tag.anyOf[1].type === 'null', 'nullable as anyOf'],
  [JSON.stringify(t.color.enum) === '["red","green","dark-blue"]', 'closed enum'],
  [t.shade.anyOf[0].type === 'string' && !('enum' in t.shade.anyOf[0]), 'open enum as a plain string'],
  [JSON.stringify(t.level.enum) === '[0,1,2]', 'integer enum'],
  [t.count.minimum === -5 && t.count.maximum === 100 && t.count.type === 'integer', 'integer bounds'],
  [t.name.minLength === 1 && t.name.maxLength === 8 && t.name.pattern === '^[a-z]', 'string constraints'],
  [t.tags.minItems === 1 && t.tags.maxItems === 3 && t.tags.items.type === 'string', 'array'],
  [t.opts.type === 'object' && t.opts.maxProperties === 4 && t.opts.additionalProperties.type === 'boolean', 'map'],
  [t.parent.anyOf[0].$ref === '#/$defs/Thing', 'reference'],
  [t.price.anyOf[0].type === 'number' && t.price.anyOf[0].minimum === 0 && t.price.anyOf[1].type === 'string', 'decimal'],
  [JSON.stringify(t.extra) === JSON.stringify({description: 'Any JSON value at all.'}), 'any'],
  [t.created.type === 'integer' && !('format' in t.created), 'unix-time is an integer'],
  [JSON.stringify(t.cost.examples) === '[0.5]' && JSON.stringify(t.price.examples) === '["0.13"]', 'examples'],
];
let bad = 0;
for (const [ok, what] of checks) if (!ok) { console.log('FAIL: schema: ' + what); bad = 1; }
process.exit(bad);
JS
exit $fail
