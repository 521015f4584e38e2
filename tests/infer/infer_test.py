#!/usr/bin/env python3
"""specc infer: drafts that lint and accept their samples, exactly.

usage: infer_test.py samples API | cases | random | cli | memcheck [--valgrind VALGRIND]
           --specc SPECC --src SOURCE_DIR

Every draft is linted, and every sample is decoded, validated and
re-encoded with it by `specc try DRAFT Root FILE...`, which answers as the
draft's compiled bindings would. The
re-encoded JSON must equal the sample as JSON values read by Python with
exact numbers (Decimal, int), true never equal to 1, absent never equal to
null.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
from json_exact import load_exact, same  # noqa: E402
import tempfile

ARGS = None
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print('FAIL:', msg)


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def accept(work, draft, type_name, files, label):
    """Every file decodes with the draft and comes back as the same JSON."""
    status, out, err = run([ARGS.specc, 'try', draft, type_name] + files)
    out = out if status == 0 else None
    if out is None:
        fail('%s: the draft does not accept its samples: %s' % (label, err.strip()[:2000]))
        return False
    lines = out.split('\n')
    for i, f in enumerate(files):
        with open(f, encoding='utf-8') as fh:
            want = load_exact(fh.read())
        if i >= len(lines) or not same(want, load_exact(lines[i])):
            fail('%s: %s comes back different: %s' % (label, f, lines[i][:300] if i < len(lines) else '(nothing)'))
            return False
    return True


def draft_of(work, files, extra=(), label='', type_name='Root', accepted=None, warning=None):
    """Infer a draft from files (checked: exit 0, lint ok, the first
    `accepted` files accepted, standard error as `warning` or empty);
    returns its text, or None."""
    status, out, err = run([ARGS.specc, 'infer', '--api', 'draft'] + list(extra) + files)
    if status != 0:
        fail('%s: specc infer exit %d: %s' % (label, status, err.strip()))
        return None
    if (warning is None and err.strip()) or (warning and not re.search(warning, err)):
        fail('%s: specc infer said %r' % (label, err.strip()))
    draft = os.path.join(work, 'draft.yaml')
    with open(draft, 'w', encoding='utf-8') as fh:
        fh.write(out)
    status, _, err = run([ARGS.specc, 'lint', draft])
    if status != 0:
        fail('%s: the draft does not lint:\n%s\n%s' % (label, err.strip(), out))
        return None
    if files[:accepted] and not accept(work, draft, type_name, files[:accepted], label):
        print(out)
        return None
    return out


# ------------------------------------------------------------- samples

def samples(api):
    """All the samples of each response (endpoint.status) together, then
    each file alone."""
    files = sorted(glob.glob(os.path.join(ARGS.src, 'specs', 'samples', api, '*.json')))
    if not files:
        fail('no samples for ' + api)
    groups = {}
    for f in files:
        groups.setdefault('.'.join(os.path.basename(f).split('.')[:2]), []).append(f)
    sets = [(k, g) for k, g in sorted(groups.items()) if len(g) > 1] + \
           [(os.path.basename(f), [f]) for f in files]
    for label, group in sets:
        with tempfile.TemporaryDirectory() as work:
            draft_of(work, group, label='%s/%s' % (api, label))
    print('%s: %d drafts' % (api, len(sets)))


# --------------------------------------------------------------- cases

def write_samples(work, texts):
    files = []
    for i, t in enumerate(texts):
        path = os.path.join(work, 'sample%d.json' % i)
        with open(path, 'wb') as fh:
            fh.write(t.encode('utf-8') if isinstance(t, str) else t)
        files.append(path)
    return files


def case(name, texts, lines=(), absent=(), extra=(), type_name='Root', check=None,
         accepted=None, warning=None):
    """Draft from texts; every regex of lines must match a whole line of
    the draft, none of absent may match any line; the first `accepted`
    samples (all by default) must come back exactly; specc infer's standard
    error must match `warning` (and be empty without one)."""
    with tempfile.TemporaryDirectory() as work:
        files = write_samples(work, texts)
        out = draft_of(work, files, extra, name, type_name, accepted, warning)
        if out is None:
            return
        for want in lines:
            if not re.search('^' + want + '$', out, re.M):
                fail('%s: no line matches %r in:\n%s' % (name, want, out))
        for bad in absent:
            if re.search(bad, out, re.M):
                fail('%s: %r should not be in:\n%s' % (name, bad, out))
        if check:
            check(work, out)


def dump_model(work):
    status, out, err = run([ARGS.specc, 'dump-model', os.path.join(work, 'draft.yaml')])
    if status != 0:
        fail('dump-model: ' + err)
        return {}
    return json.loads(out)


def c_literal(text):
    """The bytes a C string literal (with its quotes) spells: the escapes
    the generator writes (naming_c_string) are \\ \" \n \t \r \? and
    three octal digits."""
    out, i = bytearray(), 1
    simple = {'\\': b'\\', '"': b'"', 'n': b'\n', 't': b'\t', 'r': b'\r', '?': b'?'}
    while i < len(text) - 1:
        c = text[i]
        if c != '\\':
            out += c.encode('utf-8')
            i += 1
        elif text[i + 1] in simple:
            out += simple[text[i + 1]]
            i += 2
        else:
            out.append(int(text[i + 1:i + 4], 8))
            i += 4
    return bytes(out)


def field_names(model, type_name):
    """The JSON names of a type's fields, as the generated descriptors
    spell them."""
    for t in model.get('types', []):
        if t.get('name') == type_name:
            return [c_literal(f['json_literal']).decode('utf-8') for f in t.get('fields', [])]
    return None


HOSTILE = ['a:b', '#c', 'x # y', 'q"uote', "s'q", 'back\\slash', 'new\nline', 'cr\rlf', 'tab\there',
           '', ' ', ' lead', 'trail ', '日本', 'é', 'emoji😀', 'no', 'Yes', 'null', 'true', '~', '-',
           '- dash', '? q', '[x]', '{y}', '&anchor', '*alias', '!tag', '%pct', '@at', '`bt', '|pipe',
           '>gt', '---', '...', 'k' * 1500, '\u2028ls', '\u2029ps', '\u0085nel', '\u202eRTL',
           '\ufeffbom', 'ctl\u0001\u001f\u007f', 'types', 'specc', 'fields: {}', '{a: 1}', '"',
           '\\', '\\u0041', 'int', 'errno', '_unknown', 'a\u0000nul']


def hostile_check(work, out):
    names = field_names(dump_model(work), 'Root')
    want = [k for k in HOSTILE if '\u0000' not in k] + ['str']
    if names is None or sorted(names) != sorted(want):
        fail('hostile keys: the draft declares %r, not exactly the keys %r' % (names, want))


def deterministic(work, out):
    files = sorted(glob.glob(os.path.join(work, 'sample*.json')))
    again = run([ARGS.specc, 'infer', '--api', 'draft'] + files)[1]
    if again != out:
        fail('two runs on the same samples differ')


def cases():
    # Absent is not null: a key missing once is optional, null once nullable.
    case('absent-null', ['{"a": 1, "b": 2, "c": null, "d": null}', '{"a": 3, "c": 4}'],
         [r'      a: \{type: integer, required: true, example: 1\}',
          r'      b: \{type: integer, example: 2\}',
          r'      c: \{type: integer, required: true, nullable: true, example: 4\}',
          r'      d: \{type: any\}  # only null was seen here'])
    # Integer literals only → integer; any fraction or exponent → number.
    case('integer-number', ['{"i": 1, "n": 1, "e": 5, "z": -0, "max": 9223372036854775807, '
                            '"min": -9223372036854775808}',
                            '{"i": -7, "n": 2.5, "e": 1e2, "z": 0, "max": 1, "min": 1}'],
         [r'      i: \{type: integer, required: true, example: 1\}',
          r'      "n": \{type: number, required: true, example: 1\}',
          r'      e: \{type: number, required: true, example: 5\}',
          r'      z: \{type: integer, required: true, example: -0\}',
          r'      max: \{type: integer, required: true, example: 9223372036854775807\}',
          r'      min: \{type: integer, required: true, example: -9223372036854775808\}'])
    # Beyond int64, or not kept by a double: decimal, exact.
    case('bignum-decimal', ['{"big": 123456789012345678901234567890, "two63": 9223372036854775808, '
                            '"huge": 1e400, "tiny": 1e-400, "pi": 3.14159265358979323846264338327950288, '
                            '"mix": 9007199254740993, "exact": 10000000000000000000, '
                            '"neg": -99999999999999999999999}',
                            '{"big": 1, "two63": 1, "huge": 1.5, "tiny": 0, "pi": 3, "mix": 0.5, '
                            '"exact": 1e19, "neg": 1}'],
         [r'      big: \{type: decimal, required: true, example: "123456789012345678901234567890"\}',
          r'      two63: \{type: decimal, required: true, example: "9223372036854775808"\}',
          r'      huge: \{type: decimal, required: true, example: "1e400"\}',
          r'      tiny: \{type: decimal, required: true, example: "1e-400"\}',
          r'      pi: \{type: decimal, .*',
          r'      mix: \{type: decimal, .*',
          r'      exact: \{type: number, required: true, example: 10000000000000000000\}',
          r'      neg: \{type: decimal, .*'])
    # Formats by the runtime's checker; one value breaking one drops it.
    case('formats', ['{"d": "2024-02-29", "t": "2024-01-02T03:04:05Z", "u": '
                     '"123e4567-e89b-12d3-a456-426614174000", "i": "https://example.com/a?b#c", '
                     '"m": "a.b@example.com", "bd": "2024-01-01", "bt": "2024-01-02T03:04:05Z", '
                     '"bu": "123e4567-e89b-12d3-a456-426614174000", "bi": "https://x.example", '
                     '"bm": "a@b.example", "n": null}',
                     '{"d": "1999-12-31", "t": "2024-01-02t03:04:05.5+05:30", "u": '
                     '"AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE", "i": "urn:isbn:0451450523", '
                     '"m": "x@y", "bd": "2023-02-29", "bt": "2024-01-02T03:04:05+0530", '
                     '"bu": "urn:uuid:123e4567-e89b-12d3-a456-426614174000", "bi": "no scheme", '
                     '"bm": "a@@b", "n": "2024-01-01"}'],
         [r'      d: \{type: string, format: date, required: true, example: "2024-02-29"\}',
          r'      t: \{type: string, format: date-time, .*',
          r'      u: \{type: string, format: uuid, .*',
          r'      i: \{type: string, format: uri, .*',
          r'      m: \{type: string, format: email, .*',
          r'      bd: \{type: string, required: true, example: "2024-01-01"\}',
          r'      bt: \{type: string, required: true, .*',
          r'      bu: \{type: string, required: true, .*',
          r'      bi: \{type: string, required: true, .*',
          r'      bm: \{type: string, required: true, .*',
          r'      "n": \{type: string, format: date, required: true, nullable: true, example: "2024-01-01"\}'])
    # Maps: data keys; keys that differ from object to object; many keys.
    many = '{' + ', '.join('"k%d": %d' % (i, i) for i in range(40)) + '}'
    case('maps', ['{"byId": {"1": {"n": "a"}, "22": {"n": "b", "x": 1}}, '
                  '"byUuid": {"123e4567-e89b-12d3-a456-426614174000": true}, '
                  '"byDay": {"2024-01-01": 1.5, "2024-01-02": null}, '
                  '"langs": {"en": "Hello"}, "acl": {"read": [1], "write": [2]}, '
                  '"same": {"a": 1, "b": 2}, "many": %s, "mixed": {"x": 1, "y": "s"}}' % many,
                  '{"byId": {}, "byUuid": {}, "byDay": {}, "langs": {"fr": "Bonjour", "de": "Hallo"}, '
                  '"acl": {}, "same": {"a": 3, "b": 4}, "many": {}, "mixed": {"z": true}}'],
         [r'      byId: \{type: map, values: ByIdValue, required: true\}',
          r'      byUuid: \{type: map, values: boolean, required: true\}',
          r'      byDay: \{type: map, values: \{type: number, nullable: true\}, required: true\}',
          r'      langs: \{type: map, values: string, required: true\}',
          r'      acl: \{type: Acl, required: true\}',
          r'      same: \{type: Same, required: true\}',
          r'      many: \{type: map, values: integer, required: true\}',
          r'      mixed: \{type: Mixed, required: true\}',
          r'      x: \{type: integer, example: 1\}'])
    # Mixed kinds: a oneOf told apart by JSON kind.
    case('one-of', ['{"v": "a"}', '{"v": 1}', '{"v": true}', '{"v": {"x": 1}}', '{"v": [1.5]}',
                    '{"v": null}', '{"w": [1, "a", null, {"y": 2}]}'],
         [r'      v: \{type: VOneOf, nullable: true, example: "a"\}',
          r'  VOneOf: \{oneOf: \[string, integer, boolean, V, \{type: array, items: number\}\]\}',
          r'      w: \{type: array, items: \{type: WItemOneOf, nullable: true\}\}',
          r'  WItemOneOf: \{oneOf: \[string, integer, WItem\]\}'])
    # The document as an array, a scalar, a map; items named as singulars.
    case('top-level-array', ['[{"id": 1, "categories": [{"n": 1}], "boxes": [{"n": 2}]}]', '[]'],
         [r'  Products: \{type: array, items: Product\}',
          r'      categories: \{type: array, items: Category, required: true\}',
          r'      boxes: \{type: array, items: Box, required: true\}'],
         extra=['--type', 'Products'], type_name='Products')
    case('top-level-scalar', ['"a"', '"b"'], [r'  Root: \{type: string, format: .*|  Root: \{type: string\}'])
    case('top-level-mixed', ['"a"', '1', '{"x": 1}', '[true]', '{"x": 2, "y": "s"}'],
         [r'  Root: \{oneOf: \[string, integer, RootObject, \{type: array, items: boolean\}\]\}'])
    # A null document: no type takes it (types are never nullable); said so.
    case('top-level-null', ['{"a": 1}', 'null'],
         [r'  # WARNING: a sample was null, which no type accepts .*', r'  Root:',
          r'      a: \{type: integer, required: true, example: 1\}'], accepted=1,
         warning=r'specc: warning: 1 place of the draft cannot keep every sample exactly')
    # C names that would clash get a c_name (derived as specc derives them).
    case('c-names', ['{"+1": 1, "-1": 2, "default": 3, "default_": 4, "x": null, "x_state": 5, '
                     '"---": 6, "": 7, "日本": 8, "fooBar": 9, "foo_bar": 10, "FooBar": 11}'],
         [r'      "\+1": \{type: integer, required: true, example: 1\}',
          r'      "-1": \{type: integer, required: true, example: 2, c_name: _1_2\}',
          r'      default: \{type: integer, required: true, example: 3\}',
          r'      default_: \{type: integer, required: true, example: 4, c_name: default_2\}',
          r'      x: \{type: any, required: true\}  # .*',
          r'      x_state: \{type: integer, required: true, example: 5\}',
          r'      "---": \{type: integer, required: true, example: 6, c_name: field\}',
          r'      "": \{type: integer, required: true, example: 7, c_name: field_2\}',
          r'      "日本": \{type: integer, required: true, example: 8, c_name: field_3\}',
          r'      foo_bar: \{.*c_name: foo_bar_2\}',
          r'      FooBar: \{.*c_name: foo_bar_3\}'])
    case('c-names-state', ['{"y": 1, "y_state": 2}', '{"y_state": 3}'],
         [r'      "y": \{type: integer, example: 1\}',
          r'      y_state: \{type: integer, required: true, example: 2, c_name: y_state_2\}'])
    # Type names: from keys, numbered when taken; derived C names avoided.
    case('type-names', ['{"a": {"owner": {"x": 1}}, "owner": {"y": 1}, "tags": [1, null], '
                        '"root_tags_item": {"z": 1}, "string": {"s": 1}, "v": [1, {"k": 1}], '
                        '"v_item_one_of_kind": {"q": 1}}'],
         [r'      owner: \{type: Owner, required: true\}', r'      owner: \{type: Owner2, required: true\}',
          r'      root_tags_item: \{type: RootTagsItem2, required: true\}',
          r'      string: \{type: String2, required: true\}',
          r'      v: \{type: array, items: VItemOneOf2, required: true\}',
          r'      v_item_one_of_kind: \{type: VItemOneOfKind, required: true\}'],
         check=deterministic)
    # Element structs named after two fields would clash: the later field
    # gets a c_name; a union constant would clash with _NONE: renamed.
    case('c-names-elements', ['{"tags": [[1, null], null], "tags_item": [1, null], "none": "s"}',
                              '{"none": {"a": 1}}'],
         [r'      tags: \{type: array, items: \{type: array, items: \{type: integer, nullable: true\}, '
          r'nullable: true\}\}',
          r'      tags_item: \{type: array, items: \{type: integer, nullable: true\}, c_name: tags_item_2\}',
          r'  NoneOneOf: \{oneOf: \[string, None2\]\}'])
    # Hostile keys: quoted so that nothing breaks the YAML, declared exactly.
    case('hostile-keys', [json.dumps(dict([(k, i) for i, k in enumerate(HOSTILE)] +
                                          [('str', 'ok: "v" # not a comment\n- item\n\u2028 \\ é')]))],
         [r'      "a:b": \{type: integer, .*', r'      "#c": .*', r'      "q\\"uote": .*',
          r'      "new\\nline": .*', r'      "": .*', r'      "no": .*', r'      \? "k{1500}"',
          r'      : \{type: integer, required: true, example: 36\}',
          r'      # "a\\u0000nul": not declared \(its key holds U\+0000.*',
          r'      str: \{type: string, required: true, example: "ok: \\"v\\" # not a comment\\n- item\\n\\u2028 \\\\ é"\}'],
         check=hostile_check)
    # Strings holding U+0000 cannot be C strings: any, kept exactly.
    case('nul-string', ['{"s": "a\\u0000b", "t": ["x\\u0000"]}', '{"s": "plain"}'],
         [r'      s: \{type: any, required: true\}  # a string here holds U\+0000.*',
          r'      t: \{type: array, items: any\}  # a string here holds U\+0000.*'])
    # Empty arrays and only nulls: any, and the comment says why.
    case('empty-arrays', ['{"a": [], "b": [null], "c": [[]], "d": []}', '{"a": [], "d": [1]}'],
         [r'      a: \{type: array, items: any, required: true\}  # no value was seen here \(only empty arrays\)',
          r'      b: \{type: array, items: any\}  # only null was seen here',
          r'      c: \{type: array, items: \{type: array, items: any\}\}  # no value .*',
          r'      d: \{type: array, items: integer, required: true\}'])
    # What no type keeps exactly stays undeclared (an unknown field, kept).
    case('lost', ['{"v": "a", "w": 1, "m": {"1": "a", "2": 1e400}}', '{"v": 1e400, "w": 2}'],
         [r'      # "v": not declared \(strings and numbers .*\), so kept as an unknown field',
          r'      w: \{type: integer, required: true, example: 1\}',
          r'      m: \{type: M\}', r'      "1": \{type: string, required: true, example: "a"\}',
          r'      "2": \{type: decimal, required: true, example: "1e400"\}'])
    # Strings and numbers beyond double in array items: no type keeps both.
    case('lost-item', ['["s", 1e400]'],
         [r'  Root: \{type: array, items: any\}  # WARNING: strings and numbers .*'], accepted=0,
         warning=r'specc: warning: 1 place of the draft cannot keep every sample exactly')
    # Examples: the first value seen.
    case('examples', ['{"a": null, "b": "first", "c": 1.0}', '{"a": "second", "b": "x", "c": 2}'],
         [r'      a: \{type: string, required: true, nullable: true, example: "second"\}',
          r'      b: \{type: string, required: true, example: "first"\}',
          r'      c: \{type: number, required: true, example: 1.0\}'])
    readme()
    # Deep but within the limit (64 levels).
    case('depth-64', ['[' * 64 + ']' * 64, '{"a":' * 63 + '1' + '}' * 63])


def readme_block(text, marker):
    m = re.search(r'^<!-- infer-test: %s -->\n```[a-z]*\n(.*?)^```' % re.escape(marker), text,
                  re.M | re.S)
    if not m:
        fail('README: no block after <!-- infer-test: %s -->' % marker)
        return ''
    return m.group(1)


def readme():
    """The README's example is what specc infer prints, and it holds."""
    with open(os.path.join(ARGS.src, 'README.md'), encoding='utf-8') as fh:
        text = fh.read()
    with tempfile.TemporaryDirectory() as work:
        for name in ('order1.json', 'order2.json'):
            write_file(work, name, readme_block(text, name))
        p = subprocess.run([ARGS.specc, 'infer', '--api', 'shop', '--type', 'Order',
                            'order1.json', 'order2.json'], cwd=work, stdout=subprocess.PIPE)
        out = re.sub(r'\A(#.*\n)*', '', p.stdout.decode('utf-8'))
        if p.returncode != 0 or out != readme_block(text, 'draft'):
            fail('README: specc infer prints, for the example:\n' + out)
        draft_of(work, [os.path.join(work, 'order1.json'), os.path.join(work, 'order2.json')],
                 ['--type', 'Order'], 'readme', 'Order')


# -------------------------------------------------------------- random

RANDOM_KEYS = ['a', 'id', 'items', 'x-y', '+1', '-1', 'default', 'default_', 'kind', 'none',
               'string', 'root', 'root_a_item', 'tags', 'tags_item', '', 'é', '1', '22', 'a b',
               '123e4567-e89b-12d3-a456-426614174000', '2024-01-01', 'values', 'owner', 'A',
               'x', 'x_state', 'a:b', 'new\nline']
RANDOM_SCALARS = ['"s"', '"2024-01-01"', '"2024-01-01T00:00:00Z"', '"a@b.example"',
                  '"https://x.example"', '1', '-5', '2.5', '1e400', '0.1000000000000000000001',
                  '123456789012345678901234567890', '9007199254740993', 'true', 'null',
                  '"a\\u0000b"', '"\\u2028"']


def random_value(rnd, depth):
    c = rnd.randrange(10)
    if depth > 5 or c < 5:
        return rnd.choice(RANDOM_SCALARS)
    if c < 8:
        keys = rnd.sample(RANDOM_KEYS, rnd.randrange(0, 5))
        return '{' + ', '.join(json.dumps(k) + ': ' + random_value(rnd, depth + 1)
                               for k in keys) + '}'
    return '[' + ', '.join(random_value(rnd, depth + 1) for _ in range(rnd.randrange(0, 4))) + ']'


def random_drafts(count=24, seed=20240501):
    """Random documents (keys that clash in C, numbers beyond double,
    strings holding U+0000, mixed kinds): each draft lints, and takes its
    samples back exactly unless it says WARNING."""
    rnd = random.Random(seed)
    warnings = 0
    for i in range(count):
        texts = [random_value(rnd, 0) for _ in range(rnd.randrange(1, 4))]
        with tempfile.TemporaryDirectory() as work:
            files = write_samples(work, texts)
            status, out, err = run([ARGS.specc, 'infer', '--api', 'draft'] + files)
            warned = 'WARNING' in out
            if status != 0 or warned != ('warning' in err):
                fail('random %d: exit %d, %s' % (i, status, err))
                continue
            warnings += warned
            draft_of(work, files, label='random %d' % i, accepted=0 if warned else None,
                     warning='warning' if warned else None)
    print('random: %d drafts, %d with a WARNING (not tried)' % (count, warnings))


# ----------------------------------------------------------------- cli

def cli():
    with tempfile.TemporaryDirectory() as work:
        def expect(status, pattern, args, stdin=None):
            got, out, err = run([ARGS.specc] + args, stdin)
            if got != status or not re.search(pattern, out + err, re.M):
                fail('specc %s: exit %d (want %d), output lacks %r:\n%s%s' %
                     (' '.join(args)[:200], got, status, pattern, out, err))
        f = lambda name, text: write_file(work, name, text)
        bad = f('bad.json', '{"a": 1,\n  "b": tru}')
        dup = f('dup.json', '{"a": 1, "a": 2}')
        good = f('good.json', '{"a": 1}')
        empty = f('empty.json', '')
        deep = f('deep.json', '{"a":' * 64 + '[1]' + '}' * 64)
        expect(1, r'^%s:2:11: error: not JSON: ' % re.escape(bad), ['infer', bad])
        expect(1, r'^%s:1:10: error: not JSON: duplicate key' % re.escape(dup), ['infer', dup])
        expect(1, r'^%s:1:1: error: not JSON: ' % re.escape(empty), ['infer', good, empty])
        expect(1, r'^%s:1:321: error: nested deeper than 64 levels' % re.escape(deep), ['infer', deep])
        expect(1, r'no-such\.json: error: cannot read', ['infer', os.path.join(work, 'no-such.json')])
        expect(1, r'^<stdin>:1:3: error: not JSON: ', ['infer', '-'], b'[1')
        expect(1, r'^<stdin>:1:1: error: not JSON: byte order mark', ['infer', '-'], b'\xef\xbb\xbf{}')
        expect(1, r'^<stdin>:1:3: error: not JSON: invalid UTF-8', ['infer', '-'], b'["\xff"]')
        expect(0, r'^  Root:$', ['infer', good])
        expect(0, r'^api: shop$', ['infer', '--api', 'shop', '-'], b'{"a": 1}')
        expect(0, r'^  Thing:$', ['infer', '--type', 'Thing', '--', good])
        expect(2, r'infer needs at least one FILE', ['infer'])
        expect(2, r"unknown option '--bogus'", ['infer', '--bogus', good])
        expect(2, r'--api wants lower-case', ['infer', '--api', 'Shop', good])
        expect(2, r'--api wants lower-case', ['infer', '--api', 'specc', good])
        expect(2, r'--type wants an upper-case', ['infer', '--type', 'thing', good])
        expect(2, r'--type needs a name', ['infer', '--type'])
        expect(0, r'^\s*specc infer \[--api NAME\] \[--type NAME\] FILE\.\.\.', ['--help'])


def memcheck():
    """No memory error and no leak, on every sample at once and on input
    that fails (exit 99 is valgrind's)."""
    vg = [ARGS.valgrind, '-q', '--error-exitcode=99', '--leak-check=full',
          '--errors-for-leak-kinds=definite,indirect,possible',
          '--show-leak-kinds=definite,indirect,possible', ARGS.specc, 'infer']
    every = sorted(glob.glob(os.path.join(ARGS.src, 'specs', 'samples', '*', '*.json')))
    with tempfile.TemporaryDirectory() as work:
        hostile = write_file(work, 'hostile.json', json.dumps(
            dict((k, i) for i, k in enumerate(HOSTILE)))[:-1] +
            ', "v": ["a", 1e400, {"1": null}, [1, {"x": "a\\u0000"}]], "w": [1e400, "s"]}')
        for args, want in ((every + [hostile], 0),
                           ([hostile, write_file(work, 'bad.json', '[1, tru]')], 1),
                           ([write_file(work, 'deep.json', '[' * 80 + ']' * 80)], 1)):
            status, _, err = run(vg + args)
            if status != want:
                fail('valgrind specc infer (%d files): exit %d, want %d\n%s' %
                     (len(args), status, want, err[-3000:]))


def write_file(work, name, text):
    path = os.path.join(work, name)
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write(text)
    return path


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument('what')
    p.add_argument('api', nargs='?')
    p.add_argument('--specc', required=True)
    p.add_argument('--src', required=True)
    p.add_argument('--valgrind', default='valgrind')
    ARGS = p.parse_args()
    ARGS.specc = os.path.abspath(ARGS.specc)
    {'samples': lambda: samples(ARGS.api), 'cases': cases, 'random': random_drafts,
     'cli': cli, 'memcheck': memcheck}[ARGS.what]()
    if FAILURES:
        print('%d failure(s)' % len(FAILURES))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
