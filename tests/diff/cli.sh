#!/bin/sh
# specc diff on the command line: exit 0 when nothing breaks, 1 when
# something does, 2 for usage errors and invalid specs; --json; and the
# docs-change scenario: GitHub's Repository.pushed_at made optional.
# usage: cli.sh SPECC SOURCE_DIR
specc=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # expect STATUS PATTERN -- ARGS...: exit STATUS, output has PATTERN
    want=$1 pattern=$2
    shift 3
    out=$("$specc" "$@" 2>&1)
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: specc $*: exit $got, want $want"; echo "$out"; fail=1
    elif ! printf '%s\n' "$out" | grep -q -- "$pattern"; then
        echo "FAIL: specc $*: output lacks '$pattern':"; echo "$out"; fail=1
    fi
}

cat >"$tmp/old.yaml" <<'SPEC'
specc: 2
api: shop
endpoints:
  get_item:
    method: GET
    path: /items/{id}
    params:
      id: {in: path, type: string, required: true}
    responses:
      "200": Item
types:
  Item:
    fields:
      id: {type: string, required: true}
SPEC
sed 's/^      id: {type: string, required: true}$/&\n      name: {type: string}/' "$tmp/old.yaml" >"$tmp/added.yaml"
sed 's/^      id: {type: string, required: true}$/      id: {type: string}/' "$tmp/old.yaml" >"$tmp/optional.yaml"
printf 'specc: 2\napi: shop\ntypes:\n  Item:\n    fields:\n      id: {type: strin}\n' >"$tmp/bad.yaml"

# 0: nothing changes, or nothing breaks.
expect 0 "^0 breaking, 0 compatible$" -- diff "$tmp/old.yaml" "$tmp/old.yaml"
expect 0 "added.yaml:15:7: compatible: Item.name: added, optional" -- diff "$tmp/old.yaml" "$tmp/added.yaml"
expect 0 "^0 breaking, 1 compatible$" -- diff "$tmp/old.yaml" "$tmp/added.yaml"
# 1: something breaks.
expect 1 "added.yaml:15:7: breaking: Item.name: removed" -- diff "$tmp/added.yaml" "$tmp/old.yaml"
expect 1 "^1 breaking, 0 compatible$" -- diff "$tmp/old.yaml" "$tmp/optional.yaml"
# 2: usage errors, unreadable or invalid specs (errors as lint prints them).
expect 2 "diff needs two SPEC files" -- diff
expect 2 "diff needs two SPEC files" -- diff "$tmp/old.yaml"
expect 2 "is a third" -- diff "$tmp/old.yaml" "$tmp/old.yaml" "$tmp/old.yaml"
expect 2 "unknown option '--bogus'" -- diff --bogus "$tmp/old.yaml" "$tmp/old.yaml"
expect 2 "no-such.yaml: error: cannot read" -- diff "$tmp/old.yaml" "$tmp/no-such.yaml"
expect 2 "bad.yaml:6:18: error: unknown type 'strin'" -- diff "$tmp/bad.yaml" "$tmp/old.yaml"
expect 2 "^specc: 1 error$" -- diff "$tmp/old.yaml" "$tmp/bad.yaml"
expect 0 "specc diff \[--json\] OLD NEW" -- --help

# --json: an array of {severity, location, message, old, new}.
"$specc" diff --json "$tmp/added.yaml" "$tmp/old.yaml" >"$tmp/out.json"
status=$?
[ "$status" -eq 1 ] || { echo "FAIL: diff --json: exit $status, want 1"; fail=1; }
"$specc" diff --json "$tmp/old.yaml" "$tmp/optional.yaml" >"$tmp/out2.json" || true
"$specc" diff --json "$tmp/old.yaml" "$tmp/old.yaml" >"$tmp/none.json"
status=$?
[ "$status" -eq 0 ] || { echo "FAIL: diff --json with no changes: exit $status, want 0"; fail=1; }
node -e '
const fs = require("fs");
const check = (file, want) => {
  const list = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(list) || list.length !== want.length)
    throw new Error(file + ": want " + want.length + " changes, got " + JSON.stringify(list));
  list.forEach((c, i) => {
    const keys = Object.keys(c).sort().join(",");
    if (keys !== "location,message,new,old,severity")
      throw new Error(file + ": keys " + keys);
    for (const side of ["old", "new"]) {
      const p = c[side];
      if (p !== null && (typeof p.file !== "string" || !(p.line > 0) || !(p.column > 0)))
        throw new Error(file + ": bad position " + JSON.stringify(p));
    }
    const w = want[i];
    if (c.severity !== w.severity || c.location !== w.location ||
        (c.old === null) !== w.oldNull || (c.new === null) !== w.newNull ||
        !c.message.startsWith(w.message))
      throw new Error(file + ": got " + JSON.stringify(c) + ", want " + JSON.stringify(w));
  });
};
const dir = process.argv[1];
check(dir + "/out.json", [{severity: "breaking", location: "Item.name", oldNull: false,
                           newNull: true, message: "removed"}]);
check(dir + "/out2.json", [{severity: "breaking", location: "Item.id", oldNull: false,
                            newNull: false, message: "was required, now optional"}]);
check(dir + "/none.json", []);
' "$tmp" || fail=1

# The scenario: the docs say Repository.pushed_at may be left out.
sed 's/^\(      pushed_at: {type: string, format: date-time, \)required: true, nullable: true/\1nullable: true/' \
    "$src/specs/github.yaml" >"$tmp/github.yaml"
if cmp -s "$src/specs/github.yaml" "$tmp/github.yaml"; then
    echo "FAIL: the sed changed nothing in specs/github.yaml"; fail=1
fi
expect 1 "^$tmp/github.yaml:[0-9]*:7: breaking: Repository.pushed_at: was required, now optional — silent: code reading pushed_at must check pushed_at_state$" \
    -- diff "$src/specs/github.yaml" "$tmp/github.yaml"
expect 1 "^1 breaking, 0 compatible$" -- diff "$src/specs/github.yaml" "$tmp/github.yaml"
# The README shows this line, run from the source directory.
mkdir -p "$tmp/repo/specs" && cp "$tmp/github.yaml" "$tmp/repo/specs/github.yaml"
line=$(cd "$tmp/repo" && "$specc" diff "$src/specs/github.yaml" specs/github.yaml | head -n 1)
grep -qxF -- "$line" "$src/README.md" || { echo "FAIL: README lacks the line: $line"; fail=1; }
# ... and back: required again.
expect 1 "^$src/specs/github.yaml:[0-9]*:7: breaking: Repository.pushed_at: was optional, now required" \
    -- diff "$tmp/github.yaml" "$src/specs/github.yaml"
exit $fail
