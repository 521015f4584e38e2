#!/usr/bin/env python3
"""specc import against the examples of OpenAI's OpenAPI description.

usage: openai_examples.py extract|strict|fit --specc SPECC --src SOURCE_DIR --work DIR
                          [--node NODE] [--openapi FILE]

The examples are the JSON example responses in `x-oaiMeta.examples`
(extract_examples.py: one per operation, with the operation's first 2xx
status). FILE defaults to tests/import/openai/openai.yaml.

extract the extraction and ajv's side alone (no importer needed): the
        number of examples (for openai.yaml, EXPECTED_EXAMPLES), each example
        in the copy equal to its file, the copy without them equal to FILE,
        and a verdict from ajv on each.
strict  `specc import FILE` drafts a spec; each example goes through
        `specc try DRAFT <endpoint>.<status> EXAMPLE` and, independently,
        through ajv against the operation's success response schema in FILE
        itself (ajv_examples.mjs). They agree when both accept or both
        reject (specc failing to answer — exit 2 — is never agreement).
        Every disagreement is printed; agreement must be at least 97 %.
        WORK/DISAGREEMENTS.md is written in the format of
        tests/import/openai/DISAGREEMENTS.md, with the reasons the committed
        file gives and `?` for new ones; once the committed file lists any
        disagreement, it must list exactly the current ones, each with a
        reason.
fit     `specc import --fit-examples` on a copy of FILE where each example
        is the `example` of its success response's application/json
        content; every example must be accepted and its re-encoded JSON must
        equal it (numbers by exact value, keys in any order, absent is not
        null). Prints the number of `# loosened:` comments in the draft.

Endpoints are found in the draft by method and path (`specc dump-model`);
the name the contract gives them (the operationId in snake_case) is only
checked for a note. Exit 0 pass, 1 fail, 77 (skip; strict and fit) when
`specc --help` does not list `import` (fit: `--fit-examples`), 2 on a usage
error.
"""
import argparse
import concurrent.futures
import decimal
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'lib'))
from json_exact import load_exact, same  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OPENAPI = os.path.join(HERE, 'openai', 'openai.yaml')
EXPECTED_EXAMPLES = 218  # in openai/openai.yaml (tests/import/README.md)
THRESHOLD = decimal.Decimal('97')
SKIP = 77
FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print('FAIL:', msg)


def run(cmd, timeout=None):
    """Exit status, stdout, stderr; a command that outlives the timeout is
    killed and answers -1 (specc's verdict: error)."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return -1, '', 'timed out after %d s\n' % timeout
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def first_difference(a, b, where='$'):
    """Where two JSON values first differ, for the failure message."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                return '%s.%s: absent in the output' % (where, k)
            d = first_difference(a[k], b[k], '%s.%s' % (where, k))
            if d:
                return d
        for k in b:
            if k not in a:
                return '%s.%s: added by the output' % (where, k)
        return None
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, '%s[%d]' % (where, i))
            if d:
                return d
        return None
    if same(a, b):
        return None
    return '%s: %s became %s' % (where, json.dumps(a, default=str)[:80], json.dumps(b, default=str)[:80])


def snake(op_id):
    """The contract's endpoint name for an operationId (retrieveModel → retrieve_model)."""
    s = re.sub(r'[^A-Za-z0-9]+', '_', op_id)
    s = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', s)
    s = re.sub(r'([A-Z])([A-Z][a-z])', r'\1_\2', s)
    return s.strip('_').lower()


def read_index(work):
    rows = []
    with open(os.path.join(work, 'examples', 'index.tsv'), encoding='utf-8') as f:
        for line in f:
            op, status, name, pointer = line.rstrip('\n').split('\t')
            parts = [p.replace('~1', '/').replace('~0', '~') for p in pointer.split('/')]
            # #/paths/<path>/<method>/responses/...
            rows.append({'op': op, 'status': status, 'file': os.path.join(work, 'examples', name),
                         'path': parts[2], 'method': parts[3].upper()})
    return rows


def endpoint_names(args, draft):
    """(METHOD, path) → endpoint name, from the draft's model."""
    code, out, err = run([args.specc, 'dump-model', draft])
    if code != 0:
        fail('specc dump-model %s exited %d:\n%s' % (draft, code, err[-2000:]))
        return None
    names = {}
    for e in json.loads(out).get('endpoints') or []:
        names[(str(e.get('method', '')).upper(), e.get('md_path'))] = e['name']
    return names


def try_all(args, draft, rows, names):
    """specc try on every example: rows gain 'specc' (accept/reject/error),
    'problem' (the first one) and 'output' (stdout)."""
    renamed = 0

    def one(row):
        target = '%s.%s' % (row['endpoint'], row['status'])
        code, out, err = run([args.specc, 'try', draft, target, row['file']], timeout=120)
        problems = [l for l in err.splitlines() if l.strip() and ': note: ' not in l]
        first = problems[0] if problems else ''
        if first.startswith(row['file'] + ':'):
            first = first[len(row['file']) + 1:]
        row['problem'] = first
        row['output'] = out
        row['specc'] = {0: 'accept', 1: 'reject'}.get(code, 'error')
        if row['specc'] == 'error':
            row['problem'] = 'exit %d: %s' % (code, first)

    for row in rows:
        name = names.get((row['method'], row['path'])) if names else None
        row['endpoint'] = name or snake(row['op'])
        if name and name != snake(row['op']):
            renamed += 1
            print('note: %s is endpoint %s in the draft (the operationId in snake_case is %s)'
                  % (row['op'], name, snake(row['op'])))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        list(pool.map(one, rows))
    return renamed


def extract(args, source):
    code, out, err = run([sys.executable, os.path.join(HERE, 'extract_examples.py'), source, args.work])
    sys.stdout.write(out)
    if code != 0:
        fail('extract_examples.py exited %d:\n%s' % (code, err))
        return None
    return read_index(args.work)


# -------------------------------------------------------- DISAGREEMENTS.md
ROW_RE = re.compile(r'^\|\s*`?([^|`]+?)`?\s*\|\s*(specc|ajv|neither)\s*\|(.*)\|\s*$')
HEADER = """# specc import and ajv on openai.yaml's examples

The examples of `openai.yaml` (`x-oaiMeta.examples`) on which `specc try`,
with the spec `specc import openai.yaml` drafts, and ajv, with the
operation's success response schema in `openai.yaml` itself, disagree:
one accepts the example, the other rejects it (`neither`: specc could not
answer). The ctest `import/openai-examples/strict` requires at least 97 %
agreement and, once this file lists any row, that it lists exactly the
current disagreements, each with a one-line reason. It writes the current
list, in this format, to `BUILD/tests/import-openai-strict/DISAGREEMENTS.md`
(`?` where no reason is given yet).

"""
TABLE_HEAD = ('| operation | accepted by | specc | ajv | reason |\n'
              '|---|---|---|---|---|\n')


def cell(s):
    return s.replace('|', '\\|').replace('\n', ' ').strip()


def read_reasons(path):
    reasons = {}
    if not os.path.exists(path):
        return reasons
    with open(path, encoding='utf-8') as f:
        for line in f:
            m = ROW_RE.match(line)
            if not m or m.group(1) == 'operation':
                continue
            cells = re.split(r'(?<!\\)\|', m.group(3))
            reasons[(m.group(1).strip(), m.group(2))] = cells[-1].strip() if cells else ''
    return reasons


def ajv_verdicts(args):
    """operationId → (valid, ajv's first error), from ajv_examples.mjs."""
    code, out, err = run([args.node, os.path.join(HERE, 'ajv_examples.mjs'),
                          os.path.join(args.work, os.path.splitext(os.path.basename(args.openapi))[0] + '.json'),
                          os.path.join(args.work, 'examples', 'index.tsv'),
                          os.path.join(args.work, 'examples')])
    if code != 0:
        fail('ajv_examples.mjs exited %d:\n%s' % (code, err))
        return None
    ajv = {}
    for line in out.splitlines():
        op, verdict, msg = line.split('\t')
        ajv[op] = (verdict == 'valid', msg)
    return ajv


def strict(args):
    rows = extract(args, args.openapi)
    if rows is None:
        return
    draft = os.path.join(args.work, 'draft.yaml')
    code, _, err = run([args.specc, 'import', args.openapi, '-o', draft])
    if code != 0:
        fail('specc import %s exited %d:\n%s' % (args.openapi, code, err[-4000:]))
        return
    names = endpoint_names(args, draft)
    try_all(args, draft, rows, names)

    ajv = ajv_verdicts(args)
    if ajv is None:
        return

    agree, disagreements = 0, []
    for row in rows:
        if row['op'] not in ajv:
            fail('ajv gave no verdict on %s' % row['op'])
            continue
        ajv_ok, ajv_msg = ajv[row['op']]
        specc_ok = row['specc'] == 'accept'
        if row['specc'] != 'error' and specc_ok == ajv_ok:
            agree += 1
            continue
        who = 'neither' if row['specc'] == 'error' and not ajv_ok else \
              'specc' if specc_ok else 'ajv'
        disagreements.append((row, who, ajv_msg))

    total = len(rows)
    pct = (decimal.Decimal(agree) * 100 / total).quantize(decimal.Decimal('0.1')) if total else 0
    counts = {}
    for row in rows:
        counts[row['specc']] = counts.get(row['specc'], 0) + 1
    print('specc try: %s; ajv: %d valid, %d invalid' % (
        ', '.join('%d %s' % (counts[k], k) for k in sorted(counts)),
        sum(1 for v in ajv.values() if v[0]), sum(1 for v in ajv.values() if not v[0])))
    print('agreement: %d of %d examples (%s %%); %d disagreements%s' % (
        agree, total, pct, len(disagreements), ':' if disagreements else ''))
    for row, who, ajv_msg in disagreements:
        print('  %s (%s.%s): accepted by %s\n    specc: %s\n    ajv:   %s' % (
            row['op'], row['endpoint'], row['status'], who, row['problem'] or 'accepted',
            ajv_msg or 'valid'))
    if total == 0:
        fail('no examples extracted')
    elif decimal.Decimal(agree) * 100 < THRESHOLD * total:
        fail('agreement %s %% is below %s %%' % (pct, THRESHOLD))

    committed = os.path.join(args.src, 'tests', 'import', 'openai', 'DISAGREEMENTS.md')
    reasons = read_reasons(committed)
    current = {(row['op'], who) for row, who, _ in disagreements}
    with open(os.path.join(args.work, 'DISAGREEMENTS.md'), 'w', encoding='utf-8') as f:
        f.write(HEADER + TABLE_HEAD)
        for row, who, ajv_msg in sorted(disagreements, key=lambda d: d[0]['op']):
            f.write('| `%s` | %s | %s | %s | %s |\n' % (
                row['op'], who, cell(row['problem'] or 'accepted'), cell(ajv_msg or 'valid'),
                cell(reasons.get((row['op'], who)) or '?')))
    print('the current list: %s' % os.path.join(args.work, 'DISAGREEMENTS.md'))
    if reasons:
        for key in sorted(current - set(reasons)):
            fail('%s (accepted by %s) is not in DISAGREEMENTS.md' % key)
        for key in sorted(set(reasons) - current):
            fail('DISAGREEMENTS.md lists %s (accepted by %s), which no longer happens' % key)
        for key in sorted(current & set(reasons)):
            if reasons[key] in ('', '?'):
                fail('DISAGREEMENTS.md gives no reason for %s (accepted by %s)' % key)
    elif disagreements:
        print('note: DISAGREEMENTS.md lists none yet: copy the current list there and give each a reason')


def check_extract(args):
    """The extraction itself, and ajv's side, with no importer needed."""
    rows = extract(args, args.openapi)
    if rows is None:
        return
    sys.path.insert(0, HERE)
    import yaml
    from extract_examples import to_python
    loader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
    stem = os.path.splitext(os.path.basename(args.openapi))[0]
    with open(args.openapi, 'rb') as f:
        original = to_python(yaml.compose(f, Loader=loader), decimal.Decimal)
    with open(os.path.join(args.work, stem + '.examples.yaml'), 'rb') as f:
        copy = to_python(yaml.compose(f, Loader=loader), decimal.Decimal)
    if not rows:
        fail('no examples extracted')
    if len(rows) != EXPECTED_EXAMPLES and os.path.realpath(args.openapi) == os.path.realpath(DEFAULT_OPENAPI):
        fail('%d examples extracted, not %d (update EXPECTED_EXAMPLES and tests/import/README.md '
             'with openai.yaml)' % (len(rows), EXPECTED_EXAMPLES))
    # Each example is in the copy, equal to its file; without them the copy
    # is the original.
    for row in rows:
        media = copy['paths'][row['path']][row['method'].lower()]['responses'][row['status']]
        media = media['content']['application/json']
        with open(row['file'], encoding='utf-8') as f:
            want = load_exact(f.read())
        if 'example' not in media:
            fail('%s: no example in the copy' % row['op'])
            continue
        if not same(want, media.pop('example')):
            fail('%s: the example in the copy differs from %s' % (row['op'], row['file']))
    if copy != original:
        fail('the copy differs from the description by more than the examples')
    with open(os.path.join(args.work, stem + '.json'), encoding='utf-8') as f:
        as_json = json.load(f, parse_float=decimal.Decimal)
    if not same(as_json, original):
        fail('%s.json differs from the description' % stem)
    ajv = ajv_verdicts(args)
    if ajv is None:
        return
    if sorted(ajv) != sorted(row['op'] for row in rows):
        fail('ajv answered on other operations than those of the examples')
    print('ajv: %d of %d examples valid against their schema in the description' % (
        sum(1 for v in ajv.values() if v[0]), len(ajv)))


def fit(args):
    rows = extract(args, args.openapi)
    if rows is None:
        return
    stem = os.path.splitext(os.path.basename(args.openapi))[0]
    source = os.path.join(args.work, stem + '.examples.yaml')
    draft = os.path.join(args.work, 'draft-fit.yaml')
    code, _, err = run([args.specc, 'import', '--fit-examples', source, '-o', draft])
    if code != 0:
        fail('specc import --fit-examples %s exited %d:\n%s' % (source, code, err[-4000:]))
        return
    with open(draft, encoding='utf-8') as f:
        loosened = f.read().count('# loosened:')
    names = endpoint_names(args, draft)
    try_all(args, draft, rows, names)
    accepted = exact = 0
    for row in rows:
        if row['specc'] != 'accept':
            fail('%s (%s.%s): not accepted by the --fit-examples draft: %s' % (
                row['op'], row['endpoint'], row['status'], row['problem']))
            continue
        accepted += 1
        with open(row['file'], encoding='utf-8') as f:
            want = load_exact(f.read())
        # One file, one JSON text (undeclared values keep their own spacing,
        # newlines included, so it may span lines), then a newline.
        if not row['output'].endswith('\n'):
            fail('%s: specc try\'s output does not end with a newline' % row['op'])
            continue
        got = load_exact(row['output'])
        if not same(want, got):
            fail('%s: re-encoded JSON differs from the example: %s' % (
                row['op'], first_difference(want, got)))
            continue
        exact += 1
    print('fit: %d of %d examples accepted, %d re-encoded exactly; %d "# loosened:" comments in the draft'
          % (accepted, len(rows), exact, loosened))
    if not rows:
        fail('no examples extracted')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('part', choices=['extract', 'strict', 'fit'])
    ap.add_argument('--specc', required=True)
    ap.add_argument('--src', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--node', default=shutil.which('node') or shutil.which('nodejs'))
    ap.add_argument('--openapi')
    args = ap.parse_args()
    args.specc = os.path.abspath(args.specc)
    args.src = os.path.abspath(args.src)
    args.openapi = os.path.abspath(args.openapi or os.path.join(args.src, 'tests', 'import', 'openai', 'openai.yaml'))

    code, out, err = run([args.specc, '--help'])
    if args.part != 'extract' and not re.search(r'^\s*(specc\s+)?import\b', out + err, re.M):
        print('SKIP: `%s --help` does not list `import` (specc import has not landed yet)' % args.specc)
        return SKIP
    if args.part == 'fit' and '--fit-examples' not in out + err:
        print('SKIP: `%s --help` does not list `import --fit-examples` (not there yet)' % args.specc)
        return SKIP
    if args.part != 'fit':
        if not args.node:
            print('FAIL: node not found: install nodejs and npm, then run npm ci --prefix tests/ajv (or tools/setup.sh)')
            return 1
        if not os.path.isdir(os.path.join(args.src, 'tests', 'ajv', 'node_modules', 'ajv')):
            print('FAIL: tests/ajv/node_modules is missing: run npm ci --prefix tests/ajv (or tools/setup.sh)')
            return 1
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    {'extract': check_extract, 'strict': strict, 'fit': fit}[args.part](args)
    if FAILURES:
        print('%d failure(s)' % len(FAILURES))
        return 1
    print('PASS')
    return 0


if __name__ == '__main__':
    sys.exit(main())
