# mutate.py SPECC N SEED — N seeded mutations of the import cases (bytes
# cut, tokens of OpenAPI and YAML put in, lines of other cases spliced in):
# `specc import` must answer each with exit 0 or 1 and never an internal
# error (a draft the checker refuses), a crash or a sanitizer report.
import os, random, subprocess, sys, glob, tempfile
specc = sys.argv[1]
n = int(sys.argv[2])
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases')
cases = sorted(glob.glob(here + '/*.yaml')) + sorted(glob.glob(here + '/*.json'))
work = tempfile.mkdtemp()
mut = os.path.join(work, 'mut.yaml')
texts = [open(c, 'rb').read() for c in cases]
tokens = [b'$ref: "#/components/schemas/Base"', b'{$ref: "#/components/schemas/Thing"}', b'oneOf', b'anyOf', b'allOf', b'null', b'[string, "null"]', b'nullable: true', b'discriminator', b'{}', b'[]', b'"#/"', b'~1', b'enum: [a, a-b, a_b]', b'const: x', b'default', b'additionalProperties: false', b'required: [x]', b'type: object', b'type: array', b'items', b'properties', b'&a', b'*a', b'\t', b'\x00', b'\xff', b'{', b'}', b'[', b']', b':', b'-', b'pattern: "(?=x)"']
bad = 0
for i in range(n):
    t = bytearray(random.choice(texts))
    for _ in range(random.randint(1, 4)):
        op = random.random()
        pos = random.randrange(len(t) + 1)
        if op < 0.3 and len(t) > 1:
            del t[pos:pos + random.randint(1, 8)]
        elif op < 0.6:
            t[pos:pos] = random.choice(tokens)
        else:
            # splice a line from another case
            other = random.choice(texts).split(b'\n')
            t[pos:pos] = random.choice(other) + b'\n'
    open(mut, 'wb').write(t)
    args = []
    for name in [b'Thing', b'Holder', b'Odd', b'P', b'Node', b'Full', b'Event']:
        if b'\n    ' + name + b':' in t:
            args += ['--schema', name.decode()]
    r = subprocess.run([specc, 'import'] + args + [mut], capture_output=True, timeout=60)
    if r.returncode not in (0, 1) or b'internal error' in r.stderr or b'ERROR: AddressSanitizer' in r.stderr or b'runtime error' in r.stderr:
        bad += 1
        print('BAD', r.returncode, r.stderr[-600:].decode(errors='replace'), ' '.join(args))
        print('input:', t.decode(errors='replace'))
        if bad > 5:
            break
print('done', n, 'bad', bad)
os.remove(mut) if os.path.exists(mut) else None
os.rmdir(work)
sys.exit(1 if bad else 0)
