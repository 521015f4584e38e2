#!/usr/bin/env python3
"""extract_examples.py — the example responses of an OpenAPI description.

usage: extract_examples.py OPENAPI.yaml OUTDIR

OpenAI's description keeps an example response for most operations in the
vendor extension `x-oaiMeta.examples`: an object {request, response, title?}
or a list of them (one per title: "Default", "Streaming", ...), `response`
being the text of the example. For each operation whose examples include a
response that is JSON (the first such one), this writes

  OUTDIR/examples/<operationId>.json   the response text, unchanged
  OUTDIR/examples/index.tsv            operationId<TAB>status<TAB>file<TAB>pointer
                                       (status: the first 2xx response the
                                       operation declares; pointer: a JSON
                                       pointer to its application/json schema)
  OUTDIR/<stem>.examples.yaml          the description, unchanged but for one
                                       line per example: the example as the
                                       standard `example` of the success
                                       response's application/json content
  OUTDIR/<stem>.json                   the description as JSON (YAML 1.2 core
                                       schema, as specc reads YAML)
  OUTDIR/summary.txt                   the counts printed below

and prints the counts: operations, operations with examples, with a response
text, with a JSON one, and the skipped ones by reason. A response that is
not JSON (an event stream, SDP, binary, empty) or is JSON-like with
comments, trailing commas, `...` or unquoted keys is skipped and counted,
never repaired; so is an operation whose success response has no
application/json schema, or already has an example there. Needs PyYAML (Debian: python3-yaml).
"""
import json
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.stderr.write('extract_examples: PyYAML is missing: install python3-yaml (tools/setup.sh does)\n')
    sys.exit(2)

METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace')

# ------------------------------------------------------------ YAML → Python
# Plain scalars resolved by the YAML 1.2 core schema, like specc's parser
# (PyYAML's own resolver is YAML 1.1: `on` would be true, dates objects).
INT_RE = re.compile(r'[-+]?[0-9]+$')
OCT_RE = re.compile(r'0o[0-7]+$')
HEX_RE = re.compile(r'0x[0-9a-fA-F]+$')
FLOAT_RE = re.compile(r'[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$')


def scalar(n, number=float):
    v = n.value
    if n.style:  # quoted or block: a string (plain: None, or '' from the C loader)
        return v
    if v in ('', '~', 'null', 'Null', 'NULL'):
        return None
    if v in ('true', 'True', 'TRUE'):
        return True
    if v in ('false', 'False', 'FALSE'):
        return False
    if INT_RE.match(v):
        return int(v)
    if OCT_RE.match(v):
        return int(v[2:], 8)
    if HEX_RE.match(v):
        return int(v[2:], 16)
    if FLOAT_RE.match(v):
        return number(v)
    return v


def to_python(n, number=float):
    """The value of a composed YAML node; `number` reads non-integer
    numbers (decimal.Decimal to keep them exact)."""
    if isinstance(n, yaml.ScalarNode):
        return scalar(n, number)
    if isinstance(n, yaml.SequenceNode):
        return [to_python(x, number) for x in n.value]
    return {k.value: to_python(v, number) for k, v in n.value}


def get(mapping, key):
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for k, v in mapping.value:
        if k.value == key:
            return v
    return None


def pointer_escape(s):
    return s.replace('~', '~0').replace('/', '~1')


# ------------------------------------------------------------- JSON writing
class Raw(str):
    """A number as written in the example (exact, never re-rounded)."""


def load_json(text):
    def no_constant(name):
        raise ValueError('not JSON: ' + name)

    def no_duplicates(pairs):
        d = {}
        for k, v in pairs:
            if k in d:
                raise ValueError('duplicate key ' + k)
            d[k] = v
        return d
    return json.loads(text, parse_float=Raw, parse_int=Raw, parse_constant=no_constant,
                      object_pairs_hook=no_duplicates)


def yaml_printable(c):
    o = ord(c)
    if o in (0x85, 0x2028, 0x2029, 0xfeff):  # line breaks to YAML 1.1, BOM
        return False
    return (o in (0x9, 0xa, 0xd) or 0x20 <= o <= 0x7e or 0xa0 <= o <= 0xd7ff or
            0xe000 <= o <= 0xfffd or o >= 0x10000)


def flow_string(s):
    out = json.dumps(s, ensure_ascii=False)
    return ''.join(c if yaml_printable(c) else '\\u%04x' % ord(c) for c in out)


def flow(v):
    """JSON text on one line that YAML (libyaml) reads as the same value."""
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, str):
        return flow_string(v)
    if v is None:
        return 'null'
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if isinstance(v, list):
        return '[' + ', '.join(flow(x) for x in v) + ']'
    return '{' + ', '.join(flow_string(k) + ': ' + flow(x) for k, x in v.items()) + '}'


# ------------------------------------------------------------ classification
def why_not_json(text):
    """Why a response text that is not JSON is not (for the counts)."""
    t = text.strip()
    if not t:
        return 'empty'
    if re.match(r'(event|data):', t):
        return 'event stream'
    if t[0] not in '{[':
        return 'not JSON (text, binary or another format)'
    if re.search(r'^\s*(//|#)', t, re.M) or '/*' in t:
        return 'JSON-like with comments'
    if re.search(r'\.\.\.|…', t):
        return 'JSON-like with elisions (...)'
    if re.search(r',\s*[}\]]', t):
        return 'JSON-like with trailing commas'
    if re.search(r'[{,]\s*[A-Za-z_][A-Za-z0-9_]*\s*:', t):
        return 'JSON-like with unquoted keys'
    if re.search(r'[}\]]\s*[{\[]', t):
        return 'several JSON values'
    return 'JSON-like with other syntax errors'


def main():
    if len(sys.argv) != 3:
        sys.stderr.write('usage: extract_examples.py OPENAPI.yaml OUTDIR\n')
        return 2
    src, outdir = sys.argv[1:]
    with open(src, 'rb') as f:
        raw = f.read()
    loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
    root = yaml.compose(raw, Loader=loader)
    lines = raw.decode('utf-8').split('\n')
    stem = os.path.splitext(os.path.basename(src))[0]
    exdir = os.path.join(outdir, 'examples')
    os.makedirs(exdir, exist_ok=True)
    for name in os.listdir(exdir):
        os.remove(os.path.join(exdir, name))

    counts = {'operations': 0, 'with x-oaiMeta.examples': 0, 'with a response text': 0,
              'with a JSON response': 0, 'further JSON responses (not used)': 0}
    skipped = {}
    index = []
    inserts = []  # (line index, text)
    seen_ids = set()

    def skip(reason):
        skipped[reason] = skipped.get(reason, 0) + 1

    for pk, item in get(root, 'paths').value:
        for mk, op in item.value:
            if mk.value not in METHODS:
                continue
            counts['operations'] += 1
            meta = get(op, 'x-oaiMeta')
            ex = get(meta, 'examples')
            if ex is None:
                continue
            counts['with x-oaiMeta.examples'] += 1
            exs = ex.value if isinstance(ex, yaml.SequenceNode) else [ex]
            texts = []
            for e in exs:
                r = get(e, 'response')
                if isinstance(r, yaml.ScalarNode) and isinstance(scalar(r), str):
                    texts.append(r.value)
            if not texts:
                continue
            counts['with a response text'] += 1
            value, text, reasons = None, None, []
            for t in texts:
                try:
                    v = load_json(t)
                except ValueError:
                    reasons.append(why_not_json(t))
                    continue
                if text is None:
                    value, text = v, t
                else:
                    counts['further JSON responses (not used)'] += 1
            if text is None:
                skip(reasons[0])
                continue
            counts['with a JSON response'] += 1
            op_id = get(op, 'operationId')
            if op_id is None or op_id.value in seen_ids:
                skip('no operationId, or a repeated one')
                continue
            op_id = op_id.value
            responses = get(op, 'responses')
            status = None
            for ck, _ in (responses.value if responses is not None else []):
                if re.match(r'2([0-9][0-9]|XX)$', ck.value):
                    status = ck.value
                    break
            if status is None:
                skip('no 2xx response declared')
                continue
            resp = get(responses, status)
            media = get(get(resp, 'content'), 'application/json')
            if media is None or get(media, 'schema') is None:
                skip('success response without an application/json schema')
                continue
            if get(media, 'example') is not None or get(media, 'examples') is not None:
                skip('success response with an example of its own already')
                continue
            if media.flow_style:
                skip('success response content in flow style (no line to add the example on)')
                continue
            seen_ids.add(op_id)
            first_key = media.value[0][0].start_mark
            inserts.append((first_key.line, ' ' * first_key.column + 'example: ' + flow(value)))
            pointer = '/'.join(['#', 'paths', pointer_escape(pk.value), mk.value, 'responses',
                                pointer_escape(status), 'content', 'application~1json', 'schema'])
            name = op_id + '.json'
            with open(os.path.join(exdir, name), 'w', encoding='utf-8') as f:
                f.write(text if text.endswith('\n') else text + '\n')
            index.append((op_id, status, name, pointer))

    with open(os.path.join(exdir, 'index.tsv'), 'w', encoding='utf-8') as f:
        for row in index:
            f.write('\t'.join(row) + '\n')
    for line, text in sorted(inserts, reverse=True):
        lines.insert(line, text)
    with open(os.path.join(outdir, stem + '.examples.yaml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    with open(os.path.join(outdir, stem + '.json'), 'w', encoding='utf-8') as f:
        json.dump(to_python(root), f, ensure_ascii=False)

    summary = ['%s: %d' % kv for kv in counts.items()]
    summary.append('skipped: %d' % sum(skipped.values()))
    summary += ['  %s: %d' % (k, skipped[k]) for k in sorted(skipped)]
    summary.append('examples written: %d' % len(index))
    with open(os.path.join(outdir, 'summary.txt'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(summary) + '\n')
    print('\n'.join(summary))
    return 0


if __name__ == '__main__':
    sys.exit(main())
