// differential.mjs — specc against ajv, payload by payload.
//
// usage: node differential.mjs SCHEMA_DIR VERDICTS_BIN SOURCE_DIR
//
//   SCHEMA_DIR    what `specc schema -o SCHEMA_DIR specs/*.yaml` wrote
//   VERDICTS_BIN  the ajv_verdicts program (tests/ajv/verdicts.c)
//   SOURCE_DIR    the project root (tests/samples, tests/negative)
//
// Cases: every sample, every negative payload, and mutations of the samples
// made deterministically (a fixed seed). specc's verdict comes from
// ajv_verdicts (decode, then validate), ajv's from Ajv2020 + ajv-formats on
// JSON.parse of the same bytes against {"$ref": "<api>.schema.json#/$defs/<Type>"}.
// Every disagreement must match one row of BY_DESIGN (and every row must be
// seen at least once); anything else fails the test with both verdicts.
// Exit status: 0 all explained, 1 otherwise, 2 on a usage or setup error.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function die(msg) {
    process.stderr.write(`differential: ${msg}\n`);
    process.exit(2);
}

let Ajv2020, addFormats;
try {
    Ajv2020 = require('ajv/dist/2020').default;
    const f = require('ajv-formats');
    addFormats = f.default ?? f;
} catch (e) {
    die(`cannot load ajv / ajv-formats (${e.message}): run npm ci --prefix tests/ajv (or tools/setup.sh)`);
}

if (process.argv.length !== 5)
    die('usage: node differential.mjs SCHEMA_DIR VERDICTS_BIN SOURCE_DIR');
const [schemaDir, verdictsBin, sourceDir] = process.argv.slice(2);

// ------------------------------------------------------------ helpers

// mulberry32: a small seeded PRNG, so the mutation set never changes.
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const SEED = 20240611;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const jsonType = (v) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;

// specc's error path ("$.a[1]['odd key']") as a list of steps, or null.
function parsePath(p) {
    if (typeof p !== 'string' || p[0] !== '$') return null;
    const steps = [];
    let i = 1;
    while (i < p.length) {
        if (p[i] === '.') {
            let j = i + 1;
            while (j < p.length && /[A-Za-z0-9_$]/.test(p[j])) j++;
            steps.push(p.slice(i + 1, j));
            i = j;
        } else if (p.startsWith("['", i)) {
            let key = '';
            let j = i + 2;
            for (; j < p.length && p[j] !== "'"; j++) {
                if (p[j] === '\\' && p[j + 1] === 'u') {
                    key += String.fromCharCode(parseInt(p.slice(j + 2, j + 6), 16));
                    j += 5;
                } else if (p[j] === '\\') {
                    key += p[++j];
                } else {
                    key += p[j];
                }
            }
            if (p.slice(j, j + 2) !== "']") return null;
            steps.push(key);
            i = j + 2;
        } else if (p[i] === '[') {
            const m = /^\[(\d+)\]/.exec(p.slice(i));
            if (!m) return null;
            steps.push(Number(m[1]));
            i += m[0].length;
        } else {
            return null;
        }
    }
    return steps;
}

// The value at a specc path in parsed data; undefined when not there.
function valueAt(data, p) {
    const steps = parsePath(p);
    if (!steps) return undefined;
    let v = data;
    for (const s of steps) {
        if (v === null || typeof v !== 'object' || !Object.hasOwn(v, s)) return undefined;
        v = v[s];
    }
    return v;
}

// The number literal at a specc path, as written in the text (JSON.parse
// rounds -9223372036854775809 to -2^63); undefined when not a number there.
// A small recursive-descent reader; of repeated keys the last counts, as in
// JSON.parse. Only called on texts JSON.parse accepted.
function rawNumberAt(text, p) {
    const steps = parsePath(p);
    if (!steps) return undefined;
    let i = 0;
    const ws = () => {
        while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
    };
    const str = () => {
        const start = i++;
        while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
        return JSON.parse(text.slice(start, i));
    };
    // Reads one value; returns its raw literal when depth === steps.length.
    function value(depth) {
        ws();
        const c = text[i];
        let found;
        if (c === '{' || c === '[') {
            i++;
            ws();
            let index = 0;
            while (text[i] !== (c === '{' ? '}' : ']')) {
                let key = index++;
                if (c === '{') {
                    key = str();
                    ws();
                    i++; // ':'
                }
                const sub = value(depth + 1);
                if (depth < steps.length && steps[depth] === key) found = sub;
                ws();
                if (text[i] === ',') {
                    i++;
                    ws();
                }
            }
            i++;
            return found;
        }
        if (c === '"') {
            str();
            return undefined;
        }
        const m = /^-?[0-9.eE+-]+|^(true|false|null)/.exec(text.slice(i, i + 400));
        i += m[0].length;
        return depth === steps.length && /^-?[0-9]/.test(m[0]) ? m[0] : undefined;
    }
    try {
        return value(0);
    } catch {
        return undefined;
    }
}
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const beyondInt64 = (rawText) =>
    typeof rawText === 'string' && /^-?[0-9]+$/.test(rawText) &&
    (BigInt(rawText) < INT64_MIN || BigInt(rawText) > INT64_MAX);

// Is a specc path inside a value of a field declared `any` (a key that the
// exported schema leaves unconstrained: {} )? Decided from the schema.
function insideAny(schemaDoc, typeName, p) {
    const steps = parsePath(p);
    if (!steps) return false;
    let s = schemaDoc.$defs[typeName];
    for (const step of steps) {
        while (s && (s.$ref || s.anyOf)) {
            if (s.$ref) s = schemaDoc.$defs[s.$ref.replace('#/$defs/', '')];
            else s = s.anyOf.find((x) => x.type !== 'null');
        }
        if (!s) return false;
        if (Object.keys(s).filter((k) => k !== 'description' && k !== 'examples').length === 0)
            return true; // {}: any
        if (typeof step === 'number') s = s.items;
        else if (s.properties && Object.hasOwn(s.properties, step)) s = s.properties[step];
        else s = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
    }
    return false;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function someString(v, pred) {
    if (typeof v === 'string') return pred(v);
    if (Array.isArray(v)) return v.some((x) => someString(x, pred));
    if (isObject(v)) return Object.entries(v).some(([k, x]) => pred(k) || someString(x, pred));
    return false;
}

function isUtf8(bytes) {
    try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
    } catch {
        return false;
    }
}

// A JSON text on one line: JSON text's own whitespace (tab, CR, LF) may be a
// space anywhere outside strings, and a valid text has none inside them.
function oneLine(bytes, what) {
    if (!/[\t\r\n]/.test(bytes.toString('latin1'))) return bytes;
    try {
        JSON.parse(bytes.toString('utf8'));
    } catch {
        die(`${what}: not valid JSON, cannot be put on one line`);
    }
    return Buffer.from(bytes.toString('latin1').replace(/[\t\r\n]/g, ' '), 'latin1');
}

// --------------------------------------------- expected disagreements
// One row per difference that is there by design. `match` gets
//   { kase, data (JSON.parse of the text, or undefined), parsed (bool),
//     specc: {valid, stage, code, path, message}, ajv: {valid, detail} }
// and says whether this disagreement is that difference.
const BY_DESIGN = [
    {
        id: 'duplicate-key',
        reason: 'JSON.parse keeps the last of repeated keys; specc refuses an object that repeats a key (anywhere, even in `any`).',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'duplicate-key',
    },
    {
        id: 'integer-beyond-int64',
        reason: 'JSON Schema "integer" has no range; specc integers are exactly int64, so larger magnitudes are a range error.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'range' &&
            beyondInt64(c.raw(c.specc.path)) && !c.inAny(c.specc.path),
    },
    {
        id: 'integer-beyond-int64-in-any',
        reason: 'An `any` field is a jansson value, whose integers are int64 too: an integer literal beyond int64 anywhere inside free JSON is a range error, where JSON Schema ({}) accepts everything.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'range' &&
            beyondInt64(c.raw(c.specc.path)) && c.inAny(c.specc.path),
    },
    {
        id: 'number-beyond-double',
        reason: 'A literal such as 1e400 overflows a double: JSON.parse makes it Infinity, which ajv accepts as a number and as an integer; specc refuses it (range for a number, type for an integer, which needs an integer literal).',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || !['range', 'type'].includes(c.specc.code)) return false;
            const v = valueAt(c.data, c.specc.path);
            return v === Infinity || v === -Infinity;
        },
    },
    {
        id: 'integer-literal',
        reason: 'JSON Schema "integer" accepts any number with a zero fraction (1.0, 1e3); specc wants an integer literal for an integer field.',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'type') return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'number' && Number.isInteger(v);
        },
    },
    {
        id: 'nul-in-string',
        reason: 'A string holding U+0000 cannot be a C string; specc refuses it (nul), JSON Schema has nothing against it.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'nul',
    },
    {
        id: 'lone-surrogate',
        reason: 'JSON.parse accepts a \\uD800 escape with no partner; it names no character and has no UTF-8 form, so specc refuses it.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.stage === 'decode' &&
            someString(c.data, (s) => LONE_SURROGATE.test(s)),
    },
    {
        id: 'invalid-utf8',
        reason: "Node decodes bytes that are not UTF-8 to U+FFFD before JSON.parse sees them; specc refuses text that is not UTF-8 (RFC 8259 section 8.1).",
        match: (c) => !c.specc.valid && c.ajv.valid && !isUtf8(c.kase.bytes),
    },
    {
        id: 'date-time-offset',
        reason: 'ajv-formats accepts a date-time offset without its colon or minutes (+0530, +05); RFC 3339 and specc require +HH:MM.',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'format') return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'string' && /[+-]\d\d(\d\d)?$/.test(v);
        },
    },
    {
        id: 'uuid-urn',
        reason: 'ajv-formats accepts a uuid with a urn:uuid: prefix; specc wants the bare 8-4-4-4-12 form (RFC 4122 string representation).',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'format') return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'string' && /^urn:uuid:/i.test(v);
        },
    },
];

// ------------------------------------------------------------- schemas

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const schemaBase = new Map(); // api → the URI to $ref its document by
const schemaDocs = new Map(); // api → the document
let schemaFiles;
try {
    schemaFiles = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
} catch (e) {
    die(`${schemaDir}: ${e.message}`);
}
if (schemaFiles.length === 0) die(`${schemaDir}: no *.schema.json`);
for (const f of schemaFiles) {
    const api = f.slice(0, -'.schema.json'.length);
    const doc = JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'));
    schemaDocs.set(api, structuredClone(doc));
    if (typeof doc.$id === 'string') {
        ajv.addSchema(doc);
        schemaBase.set(api, doc.$id);
    } else {
        ajv.addSchema(doc, f);
        schemaBase.set(api, f);
    }
}
const validators = new Map();
function validatorFor(api, typeName) {
    const key = `${api}#${typeName}`;
    if (!validators.has(key))
        validators.set(key, ajv.compile({ $ref: `${schemaBase.get(api)}#/$defs/${typeName}` }));
    return validators.get(key);
}

// --------------------------------------------------------------- cases

const cases = [];
const seenIds = new Set();
function addCase(id, target, bytes, origin, tag) {
    if (seenIds.has(id)) die(`duplicate case id ${id}`);
    if (/[\t\r\n]/.test(id)) die(`bad case id ${JSON.stringify(id)}`);
    seenIds.add(id);
    cases.push({ id, target, bytes, origin, tag });
}

// (1) samples
const samplesDir = path.join(sourceDir, 'tests', 'samples');
const samples = [];
for (const api of fs.readdirSync(samplesDir).sort()) {
    const dir = path.join(samplesDir, api);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).sort()) {
        const m = /^([a-z0-9_]+)\.([0-9]{3})(\.[^/]*)?\.json$/.exec(file);
        if (!m) continue;
        const target = `${api}.${m[1]}.${m[2]}`;
        const bytes = oneLine(fs.readFileSync(path.join(dir, file)), `${api}/${file}`);
        const id = `sample:${api}/${file}`;
        addCase(id, target, bytes, 'sample', 'sample');
        samples.push({ id, target, data: JSON.parse(bytes.toString('utf8')) });
    }
}

// (2) negative payloads
const negativeDir = path.join(sourceDir, 'tests', 'negative');
for (const file of fs.readdirSync(negativeDir).filter((f) => f.endsWith('.tsv')).sort()) {
    const lines = fs.readFileSync(path.join(negativeDir, file)).toString('latin1').split('\n');
    lines.forEach((line, i) => {
        if (line === '' || line.startsWith('#')) return;
        const f = line.replace(/\r$/, '').split('\t');
        if (f.length !== 6) die(`${file}:${i + 1}: expected 6 tab-separated fields`);
        addCase(`negative:${file}:${f[0]}`, f[1], Buffer.from(f[5], 'latin1'), 'negative', 'negative');
    });
}

// (3) mutations of the samples
// A raw JSON text stands in for a sentinel string after JSON.stringify, so a
// mutation can write what JSON.parse cannot hold (1.0, 2^63, 1e400, \ud800,
// bytes that are not UTF-8, a repeated key).
const RAW = '@@specc-raw@@';
const DUP = '@@specc-dup@@';
const raw = (text) => ({ [RAW]: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') });

function serialize(data) {
    const raws = [];
    let dupKey = null;
    const text = JSON.stringify(data, function (k, v) {
        if (k === DUP) dupKey = this[DUP + 'key'];
        if (isObject(v) && Object.hasOwn(v, RAW)) {
            raws.push(v[RAW]);
            return RAW;
        }
        return v;
    });
    // Split around the sentinels and splice the raw bytes in.
    const parts = text.split(`"${RAW}"`);
    const out = [Buffer.from(parts[0], 'utf8')];
    for (let i = 1; i < parts.length; i++) out.push(raws[i - 1], Buffer.from(parts[i], 'utf8'));
    let bytes = Buffer.concat(out);
    if (dupKey !== null) {
        let s = bytes.toString('latin1');
        s = s.replace(`,"${DUP}key":${JSON.stringify(dupKey)}`, '');
        s = s.replace(`"${DUP}":`, `${JSON.stringify(dupKey)}:`);
        bytes = Buffer.from(s, 'latin1');
    }
    return bytes;
}

function setAt(root, steps, fn) {
    const copy = structuredClone(root);
    if (steps.length === 0) {
        fn(copy, null, null);
        return copy;
    }
    let parent = copy;
    for (const s of steps.slice(0, -1)) parent = parent[s];
    const last = steps[steps.length - 1];
    fn(parent[last], parent, last);
    return copy;
}
const replaceAt = (root, steps, value) => setAt(root, steps, (_, parent, key) => {
    parent[key] = value;
});

const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;

// Replacement values for a string, by what it looks like.
function stringVariants(s) {
    const out = [
        ['enum-miss', 'NOT_A_LISTED_VALUE'],
        ['string-empty', ''],
        ['string-unicode', 'caf\u00e9 \u{1f600}'],
    ];
    if (DATE_TIME.test(s)) {
        const d = s.slice(0, 10);
        out.push(
            ['date-time-month-13', `${s.slice(0, 5)}13${s.slice(7)}`],
            ['date-time-feb-30', `2025-02-30T00:00:00Z`],
            ['date-time-leap-day', `2024-02-29T12:00:00Z`],
            ['date-time-hour-24', `${d}T24:00:00Z`],
            ['date-time-minute-60', `${d}T10:60:00Z`],
            ['date-time-no-offset', `${d}T10:20:30`],
            ['date-time-date-only', d],
            ['date-time-lowercase', `${d}t10:20:30z`],
            ['date-time-space', `${d} 10:20:30Z`],
            ['date-time-fraction', `${d}T10:20:30.123456Z`],
            ['date-time-empty-fraction', `${d}T10:20:30.Z`],
            ['date-time-offset', `${d}T10:20:30+05:30`],
            ['date-time-offset-no-colon', `${d}T10:20:30+0530`],
            ['date-time-offset-hours', `${d}T10:20:30+05`],
            ['date-time-offset-25', `${d}T10:20:30+25:00`],
            ['date-time-leap-second', '2016-12-31T23:59:60Z'],
            ['date-time-leap-second-offset', '2016-12-31T18:29:60-05:30'],
            ['date-time-leap-second-noon', '2016-12-31T12:59:60Z'],
            ['date-time-short-year', `25-05-01T10:20:30Z`],
        );
    }
    if (DATE.test(s)) {
        out.push(
            ['date-month-13', `${s.slice(0, 5)}13${s.slice(7)}`],
            ['date-feb-29-2025', '2025-02-29'],
            ['date-feb-29-2024', '2024-02-29'],
            ['date-unpadded', '2025-5-1'],
            ['date-with-time', `${s}T00:00:00Z`],
            ['date-slashes', s.replace(/-/g, '/')],
        );
    }
    if (UUID.test(s)) {
        out.push(
            ['uuid-short', s.slice(0, -1)],
            ['uuid-not-hex', `${s.slice(0, -1)}g`],
            ['uuid-upper', s.toUpperCase()],
            ['uuid-no-hyphens', s.replace(/-/g, '')],
            ['uuid-braces', `{${s}}`],
            ['uuid-urn', `urn:uuid:${s}`],
            ['uuid-nil', '00000000-0000-0000-0000-000000000000'],
        );
    }
    if (EMAIL.test(s)) {
        out.push(
            ['email-no-at', s.replace('@', '')],
            ['email-no-domain', `${s.split('@')[0]}@`],
            ['email-no-local', `@${s.split('@')[1]}`],
            ['email-two-at', `a@b@${s.split('@')[1]}`],
        );
    }
    if (URI.test(s) && !UUID.test(s)) {
        out.push(
            ['uri-no-scheme', '//example.com/path'],
            ['uri-space', 'https://exa mple.com/'],
            ['uri-relative', 'relative/path'],
        );
    }
    if (DECIMAL.test(s)) {
        for (const [tag, v] of [
            ['decimal-trailing-dot', '1.'], ['decimal-leading-dot', '.5'], ['decimal-plus', '+1'],
            ['decimal-hex', '0x1A'], ['decimal-space', ' 1'], ['decimal-leading-zero', '01'],
            ['decimal-exponent', '1.5E+2'], ['decimal-nan', 'NaN'], ['decimal-words', 'abc'],
            ['decimal-huge', '1e400'], ['decimal-negative', '-0.25'],
        ])
            out.push([tag, v]);
    }
    return out;
}

// Replacement values for a number (raw texts where JSON.parse would lose them).
function numberVariants(v) {
    const out = [['number-overflow', raw('1e400')], ['number-negative-overflow', raw('-1e400')]];
    if (Number.isInteger(v)) {
        out.push(
            ['int-fraction', v + 0.5],
            ['int-dot-zero', raw(`${v}.0`)],
            ['int-exponent', raw('1e3')],
            ['int-zero', 0],
            ['int-negative', -1],
            ['int-other', v + 2],
            ['int64-max', raw('9223372036854775807')],
            ['int64-min', raw('-9223372036854775808')],
            ['int64-max-plus-1', raw('9223372036854775808')],
            ['int64-min-minus-1', raw('-9223372036854775809')],
            ['int-30-digits', raw('123456789012345678901234567890')],
        );
    } else {
        out.push(['number-exponent', raw('1.5e-3')], ['number-negated', -v], ['number-integer', 3]);
    }
    return out;
}

const TYPE_CHANGES = [
    ['type-string', 'text', 'string'],
    ['type-integer', 7, 'number'],
    ['type-fraction', 7.5, 'number'],
    ['type-boolean', true, 'boolean'],
    ['type-object', {}, 'object'],
    ['type-array', [], 'array'],
];

// Every mutation of one sample: [tag, steps, bytes].
function mutationsOf(data) {
    const out = [];
    let specialsDone = false;
    const emit = (tag, steps, mutated) => out.push([tag, steps, serialize(mutated)]);
    function walk(node, steps) {
        if (isObject(node)) {
            emit('extra-key', steps, setAt(data, steps, (o) => {
                o.zz_specc_extra = 'extra';
            }));
            emit('extra-key-object', steps, setAt(data, steps, (o) => {
                o.zz_specc_extra = { nested: [1, null] };
            }));
            const keys = Object.keys(node);
            if (keys.length > 0) {
                emit('duplicate-key', steps, setAt(data, steps, (o) => {
                    o[DUP] = o[keys[0]];
                    o[DUP + 'key'] = keys[0];
                }));
            }
            for (const k of keys) {
                emit('drop-key', [...steps, k], setAt(data, steps, (o) => {
                    delete o[k];
                }));
                value(node[k], [...steps, k]);
                walk(node[k], [...steps, k]);
            }
        } else if (Array.isArray(node)) {
            emit('array-append-null', steps, setAt(data, steps, (a) => {
                a.push(null);
            }));
            node.forEach((item, i) => {
                value(item, [...steps, i]);
                walk(item, [...steps, i]);
            });
        }
    }
    function value(v, steps) {
        const t = jsonType(v);
        if (t !== 'null') emit('set-null', steps, replaceAt(data, steps, null));
        for (const [tag, nv, nt] of TYPE_CHANGES)
            if (nt !== t) emit(tag, steps, replaceAt(data, steps, nv));
        if (t === 'number')
            for (const [tag, nv] of numberVariants(v)) emit(tag, steps, replaceAt(data, steps, nv));
        if (t === 'string') {
            for (const [tag, nv] of stringVariants(v)) emit(tag, steps, replaceAt(data, steps, nv));
            if (!specialsDone) {
                specialsDone = true;
                emit('string-nul', steps, replaceAt(data, steps, `a\u0000b`));
                emit('string-lone-surrogate', steps, replaceAt(data, steps, raw('"a\\ud800b"')));
                emit('string-surrogate-pair', steps, replaceAt(data, steps, raw('"a\\ud83d\\ude00b"')));
                emit('string-invalid-utf8', steps,
                     replaceAt(data, steps, raw(Buffer.from([0x22, 0x61, 0xff, 0x62, 0x22]))));
            }
        }
    }
    walk(data, []);
    return out;
}

// Keep one mutation per (target, tag, path with array indices and map keys
// folded): the samples of one target share their shape, so this covers every
// field of every target with each mutation once, without thousands of
// near-copies. Which sample provides it is chosen by the seeded PRNG.
{
    const rand = prng(SEED);
    const order = samples.map((s) => ({ s, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.s);
    const kept = new Map();
    for (const s of order) {
        for (const [tag, steps, bytes] of mutationsOf(s.data)) {
            const shape = steps.map((x) => (typeof x === 'number' ? '[]' : `.${x}`)).join('');
            const sig = `${s.target} ${tag} ${shape}`;
            if (kept.has(sig)) continue;
            kept.set(sig, true);
            const where = steps.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('');
            addCase(`mutation:${s.id.slice('sample:'.length)}:$${where}:${tag}`, s.target,
                    bytes, 'mutation', tag);
        }
    }
}

// ------------------------------------------------------------ specc side

const targets = [...new Set(cases.map((c) => c.target))].sort();
const input = [];
for (const t of targets) input.push(Buffer.from(`?\t${t}\n`, 'utf8'));
for (const c of cases) {
    const line = oneLine(c.bytes, c.id);
    input.push(Buffer.from(`${c.id}\t${c.target}\t`, 'utf8'), line, Buffer.from('\n'));
}
// AJV_DIFF_CASES=FILE: also write the case stream there (to run ajv_verdicts,
// or valgrind on it, by hand).
if (process.env.AJV_DIFF_CASES) fs.writeFileSync(process.env.AJV_DIFF_CASES, Buffer.concat(input));
const run = spawnSync(verdictsBin, [], { input: Buffer.concat(input), maxBuffer: 1 << 30 });
if (run.error) die(`${verdictsBin}: ${run.error.message}`);
if (run.status !== 0) {
    process.stderr.write(run.stdout.toString('utf8').split('\n').filter((l) => /\terror\t|^\?\t.*\t$/.test(l)).join('\n'));
    die(`${verdictsBin} exited with ${run.status ?? run.signal}`);
}
const typeName = new Map();
const speccVerdict = new Map();
for (const line of run.stdout.toString('utf8').split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    if (f[0] === '?') {
        typeName.set(f[1], f[2]);
        continue;
    }
    const [id, verdict, detail] = f;
    const m = /^(decode|validate) (\S+) (\S*): ([\s\S]*)$/.exec(detail ?? '');
    speccVerdict.set(id, {
        valid: verdict === 'valid',
        stage: m?.[1], code: m?.[2], path: m?.[3], message: m?.[4],
        detail,
    });
}

// ----------------------------------------------------------- compare

// AJV_DIFF_VERBOSE=1: one line per case with both verdicts (for debugging).
const verbose = Boolean(process.env.AJV_DIFF_VERBOSE);
const counts = Object.fromEntries(BY_DESIGN.map((r) => [r.id, 0]));
const byOrigin = {};
const failures = [];
let agreements = 0;
for (const kase of cases) {
    const specc = speccVerdict.get(kase.id);
    if (!specc) {
        failures.push(`${kase.id}: no verdict from ${verdictsBin}`);
        continue;
    }
    const api = kase.target.split('.')[0];
    const tname = typeName.get(kase.target);
    if (!tname || !schemaBase.has(api)) {
        failures.push(`${kase.id}: no schema type for target ${kase.target}`);
        continue;
    }
    let data, parsed = true, ajvResult;
    try {
        data = JSON.parse(kase.bytes.toString('utf8'));
    } catch (e) {
        parsed = false;
        ajvResult = { valid: false, detail: `JSON.parse: ${e.message}` };
    }
    if (parsed) {
        const validate = validatorFor(api, tname);
        if (validate(data)) {
            ajvResult = { valid: true, detail: '-' };
        } else {
            const e = validate.errors[0];
            ajvResult = { valid: false, detail: `${e.instancePath || '/'} ${e.keyword}: ${e.message} (${e.schemaPath})` };
        }
    }
    byOrigin[kase.origin] = (byOrigin[kase.origin] ?? 0) + 1;
    if (verbose)
        console.log(`${kase.id}\tspecc=${specc.valid ? 'valid' : 'invalid'}\tajv=${ajvResult.valid ? 'valid' : 'invalid'}` +
            `\t${specc.detail}\t${ajvResult.detail}`);
    if (ajvResult.valid === specc.valid) {
        agreements++;
        continue;
    }
    const c = {
        kase, data, parsed, specc, ajv: ajvResult,
        raw: (p) => rawNumberAt(kase.bytes.toString('utf8'), p),
        inAny: (p) => insideAny(schemaDocs.get(api), tname, p),
    };
    const row = BY_DESIGN.find((r) => r.match(c));
    if (row) {
        counts[row.id]++;
        continue;
    }
    const text = kase.bytes.toString('utf8');
    failures.push(
        `UNEXPLAINED ${kase.id} (target ${kase.target}, type ${tname})\n` +
        `    specc: ${specc.valid ? 'valid' : 'invalid'}: ${specc.detail}\n` +
        `    ajv:   ${ajvResult.valid ? 'valid' : 'invalid'}: ${ajvResult.detail}\n` +
        `    json:  ${text.length > 400 ? text.slice(0, 400) + '...' : text}`);
}

const unseen = BY_DESIGN.filter((r) => counts[r.id] === 0);
for (const r of unseen)
    failures.push(`BY_DESIGN row "${r.id}" was never observed: remove it (or add the case it is about)`);

console.log(`ajv-differential: ${cases.length} cases ` +
    `(${byOrigin.sample ?? 0} samples, ${byOrigin.negative ?? 0} negative, ${byOrigin.mutation ?? 0} mutations), ` +
    `${targets.length} targets, seed ${SEED}`);
console.log(`  agreements: ${agreements}`);
console.log('  expected disagreements (by design):');
for (const r of BY_DESIGN) console.log(`    ${String(counts[r.id]).padStart(5)}  ${r.id}: ${r.reason}`);
if (failures.length) {
    console.log(`\n${failures.length} problem(s):`);
    for (const f of failures) console.log(f);
    process.exit(1);
}
console.log('  every disagreement is explained');
