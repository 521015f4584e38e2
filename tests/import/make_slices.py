#!/usr/bin/env python3
"""make_slices.py — one small OpenAPI document per operation of a large one.

usage: make_slices.py OPENAPI.yaml OUTDIR [MAX_BYTES]

Each slice, OUTDIR/slice-<operationId>.yaml, holds the description's
`openapi` and `info`, the one operation under its path (with the path's
own parameters) and every component it uses, transitively (a `$ref` to
`#/components/<section>/<name>[/...]` brings the whole component). The
operation's first JSON example response in `x-oaiMeta.examples`, if any,
becomes the `example` of its success response's application/json content,
and `x-oaiMeta` itself is left out. Slices over MAX_BYTES (default 65536,
libFuzzer's -max_len in tests/fuzz/run.sh) are not written. Seeds for the
fuzz_import target (tests/fuzz/run.sh and the regression/fuzz_import ctest).
Needs PyYAML (Debian: python3-yaml).
"""
import json
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.stderr.write('make_slices: PyYAML is missing: install python3-yaml (tools/setup.sh does)\n')
    sys.exit(2)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract_examples import METHODS, to_python  # noqa: E402

DUMPER = getattr(yaml, 'CSafeDumper', yaml.SafeDumper)


def refs(v, out):
    if isinstance(v, dict):
        r = v.get('$ref')
        if isinstance(r, str) and r.startswith('#/components/'):
            parts = [p.replace('~1', '/').replace('~0', '~') for p in r.split('/')[2:4]]
            if len(parts) == 2:
                out.append(tuple(parts))
        for x in v.values():
            refs(x, out)
    elif isinstance(v, list):
        for x in v:
            refs(x, out)


def first_json_example(op):
    ex = (op.get('x-oaiMeta') or {}).get('examples')
    for e in ex if isinstance(ex, list) else [ex] if ex else []:
        r = e.get('response') if isinstance(e, dict) else None
        if isinstance(r, str):
            try:
                return json.loads(r)
            except ValueError:
                continue
    return None


def main():
    if len(sys.argv) not in (3, 4):
        sys.stderr.write('usage: make_slices.py OPENAPI.yaml OUTDIR [MAX_BYTES]\n')
        return 2
    src, outdir = sys.argv[1:3]
    limit = int(sys.argv[3]) if len(sys.argv) == 4 else 65536
    with open(src, 'rb') as f:
        doc = to_python(yaml.compose(f, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader)))
    components = doc.get('components') or {}
    os.makedirs(outdir, exist_ok=True)
    written = too_big = 0
    for path, item in (doc.get('paths') or {}).items():
        for method, op in item.items():
            if method not in METHODS or not isinstance(op, dict):
                continue
            op = {k: v for k, v in op.items() if k != 'x-oaiMeta'}
            example = first_json_example(item[method])
            if example is not None:
                for status, resp in (op.get('responses') or {}).items():
                    if re.match(r'2([0-9][0-9]|XX)$', str(status)):
                        media = ((resp or {}).get('content') or {}).get('application/json')
                        if isinstance(media, dict) and 'schema' in media:
                            media['example'] = example
                        break
            path_item = {method: op}
            if 'parameters' in item:
                path_item['parameters'] = item['parameters']
            used, todo, seen = {}, [], set()
            refs(path_item, todo)
            while todo:
                key = todo.pop()
                if key in seen:
                    continue
                seen.add(key)
                value = (components.get(key[0]) or {}).get(key[1])
                if value is None:
                    continue
                used.setdefault(key[0], {})[key[1]] = value
                refs(value, todo)
            sliced = {'openapi': doc.get('openapi'), 'info': doc.get('info'),
                      'paths': {path: path_item}}
            if used:
                sliced['components'] = {s: dict(sorted(used[s].items())) for s in sorted(used)}
            text = yaml.dump(sliced, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)
            data = text.encode('utf-8')
            if len(data) > limit:
                too_big += 1
                continue
            name = re.sub(r'[^A-Za-z0-9_.-]', '_', str(op.get('operationId') or method + path))
            with open(os.path.join(outdir, 'slice-%s.yaml' % name), 'wb') as f:
                f.write(data)
            written += 1
    print('make_slices: %d slices written, %d over %d bytes left out' % (written, too_big, limit))
    return 0


if __name__ == '__main__':
    sys.exit(main())
