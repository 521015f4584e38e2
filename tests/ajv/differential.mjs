// differential.mjs — specc against ajv, payload by payload.
//
// usage: node differential.mjs SCHEMA_DIR VERDICTS_BIN SOURCE_DIR [SUITE]
//
//   SCHEMA_DIR    what `specc schema -o SCHEMA_DIR SPEC.yaml...` wrote
//   VERDICTS_BIN  the ajv_verdicts program (tests/ajv/verdicts.c) built
//                 with the suite's bindings
//   SOURCE_DIR    the project root
//   SUITE         specs (the default): the APIs in specs/, with
//                 specs/samples and tests/negative;
//                 kitchen2: tests/kitchen2/kitchen2.yaml, with
//                 tests/kitchen2/payloads and tests/kitchen2/ajv-cases.tsv
//
// Cases: every sample (payload), every negative or hand-written case, and
// mutations of the samples made deterministically (a fixed seed). specc's
// verdict comes from ajv_verdicts (decode, then validate), ajv's from
// Ajv2020 + ajv-formats on JSON.parse of the same bytes against
// {"$ref": "<api>.schema.json#/$defs/<Type>"}. Every disagreement must match
// one row of BY_DESIGN (a difference there by design) or of KNOWN_BUGS (a bug
// in specc, reported, waiting for its fix); every row must be seen at least
// once. Anything else fails the test with both verdicts.
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

if (process.argv.length !== 5 && process.argv.length !== 6)
    die('usage: node differential.mjs SCHEMA_DIR VERDICTS_BIN SOURCE_DIR [specs|kitchen2]');
const [schemaDir, verdictsBin, sourceDir] = process.argv.slice(2);
const SUITES = ['specs', 'kitchen2'];
const suite = process.argv[5] ?? 'specs';
if (!SUITES.includes(suite)) die(`unknown suite ${suite}: specs or kitchen2`);

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
//     specc: {valid, stage, code, path, message},
//     ajv: {valid, detail, keyword, instancePath, params} (its first error),
//     raw(path): the number literal at a specc path, inAny(path),
//     ajvValue(): the value at ajv's error path }
// and says whether this disagreement is that difference. `suites` lists the
// suites whose cases show it: a row must be observed in each of them, and
// explains nothing in the others.
const BY_DESIGN = [
    {
        id: 'duplicate-key',
        suites: ['specs', 'kitchen2'],
        reason: 'JSON.parse keeps the last of repeated keys; specc refuses an object that repeats a key (anywhere, even in `any`).',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'duplicate-key',
    },
    {
        id: 'integer-beyond-int64',
        suites: ['specs', 'kitchen2'],
        reason: 'JSON Schema "integer" has no range; specc integers are exactly int64, so larger magnitudes are a range error.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'range' &&
            beyondInt64(c.raw(c.specc.path)) && !c.inAny(c.specc.path),
    },
    {
        id: 'integer-beyond-int64-in-any',
        suites: ['specs'],
        reason: 'An `any` field is a jansson value, whose integers are int64 too: an integer literal beyond int64 anywhere inside free JSON is a range error, where JSON Schema ({}) accepts everything.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'range' &&
            beyondInt64(c.raw(c.specc.path)) && c.inAny(c.specc.path),
    },
    {
        id: 'number-beyond-double',
        suites: ['specs', 'kitchen2'],
        reason: 'A literal such as 1e400 overflows a double: JSON.parse makes it Infinity, which ajv accepts as a number and as an integer; specc refuses it (range for a number, type for an integer, which needs an integer literal).',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || !['range', 'type'].includes(c.specc.code)) return false;
            const v = valueAt(c.data, c.specc.path);
            return v === Infinity || v === -Infinity;
        },
    },
    {
        id: 'integer-literal',
        suites: ['specs', 'kitchen2'],
        reason: 'JSON Schema "integer" accepts any number with a zero fraction (1.0, 1e3); specc wants an integer literal for an integer field.',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'type') return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'number' && Number.isInteger(v);
        },
    },
    {
        id: 'nul-in-string',
        suites: ['specs', 'kitchen2'],
        reason: 'A string holding U+0000 cannot be a C string; specc refuses it (nul), JSON Schema has nothing against it.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'nul',
    },
    {
        id: 'lone-surrogate',
        suites: ['specs', 'kitchen2'],
        reason: 'JSON.parse accepts a \\uD800 escape with no partner; it names no character and has no UTF-8 form, so specc refuses it.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.stage === 'decode' &&
            someString(c.data, (s) => LONE_SURROGATE.test(s)),
    },
    {
        id: 'invalid-utf8',
        suites: ['specs', 'kitchen2'],
        reason: "Node decodes bytes that are not UTF-8 to U+FFFD before JSON.parse sees them; specc refuses text that is not UTF-8 (RFC 8259 section 8.1).",
        match: (c) => !c.specc.valid && c.ajv.valid && !isUtf8(c.kase.bytes),
    },
    {
        id: 'date-time-offset',
        suites: ['specs', 'kitchen2'],
        reason: 'ajv-formats accepts a date-time offset without its colon or minutes (+0530, +05); RFC 3339 and specc require +HH:MM.',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'format') return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'string' && /[+-]\d\d(\d\d)?$/.test(v);
        },
    },
    {
        id: 'uuid-urn',
        suites: ['specs'],
        reason: 'ajv-formats accepts a uuid with a urn:uuid: prefix; specc wants the bare 8-4-4-4-12 form (RFC 4122 string representation).',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'format') return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'string' && /^urn:uuid:/i.test(v);
        },
    },
    {
        id: 'integer-beyond-double-precision',
        suites: ['kitchen2'],
        reason: 'JSON.parse reads every number as a double: an integer literal beyond 2^53 becomes the nearest double (-9223372036854775807 becomes -2^63, which is even), and ajv checks multipleOf on that; specc reads the int64 exactly.',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid) return false;
            const r = c.raw(c.specc.path);
            return typeof r === 'string' && /^-?[0-9]+$/.test(r) && !beyondInt64(r) &&
                BigInt(r) !== BigInt(Number(r));
        },
    },
    {
        id: 'multiple-of-huge-quotient',
        suites: ['kitchen2'],
        reason: 'ajv tests multipleOf as q !== parseInt(q) with q = value / multipleOf; from 1e21 on q prints as 2e+21, which parseInt reads as 2, so to ajv 1e21 is no multiple of 0.5. specc tests that q is a finite integer.',
        match: (c) => {
            if (!c.specc.valid || c.ajv.valid || c.ajv.keyword !== 'multipleOf') return false;
            const v = c.ajvValue();
            return typeof v === 'number' && Math.abs(v / c.ajv.params.multipleOf) >= 1e21;
        },
    },
    {
        id: 'byte-multiline',
        suites: ['kitchen2'],
        reason: 'ajv-formats tests byte with a multi-line regular expression (flags gm): a string passes when any one of its lines is base64, even an empty one ("!!\\n"); specc wants the whole string to be base64 (RFC 4648).',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'format' ||
                !/^not a valid byte/.test(c.specc.message)) return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'string' && /[\n\r\u2028\u2029]/.test(v);
        },
    },
    {
        id: 'email-single-label-domain',
        suites: ['kitchen2'],
        reason: 'ajv-formats wants a dot in the domain of an email; specc takes one or more DNS labels (RFC 5321 allows a@localhost).',
        match: (c) => {
            if (!c.specc.valid || c.ajv.valid || c.ajv.keyword !== 'format' ||
                c.ajv.params?.format !== 'email') return false;
            const v = c.ajvValue();
            return typeof v === 'string' && !v.slice(v.lastIndexOf('@') + 1).includes('.');
        },
    },
    {
        id: 'email-domain-label-over-63',
        suites: ['kitchen2'],
        reason: 'specc holds the labels of an email domain to 63 characters, as DNS does (RFC 1035); the email pattern of ajv-formats has no such limit.',
        match: (c) => {
            if (c.specc.valid || !c.ajv.valid || c.specc.code !== 'format' ||
                !/^not a valid email/.test(c.specc.message)) return false;
            const v = valueAt(c.data, c.specc.path);
            return typeof v === 'string' &&
                v.slice(v.lastIndexOf('@') + 1).split('.').some((l) => l.length > 63);
        },
    },
    {
        id: 'read-only-in-request',
        suites: ['kitchen2'],
        reason: 'readOnly is an annotation in JSON Schema, which ajv does not enforce; specc_validate_as(SPECC_AS_REQUEST) reports a read-only field present in a request body, as OpenAPI means it.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'read-only',
    },
    {
        id: 'write-only-in-response',
        suites: ['kitchen2'],
        reason: 'writeOnly is an annotation in JSON Schema, which ajv does not enforce; specc_validate_as(SPECC_AS_RESPONSE) reports a write-only field present in a response, as OpenAPI means it.',
        match: (c) => !c.specc.valid && c.ajv.valid && c.specc.code === 'write-only',
    },
];

// ------------------------------------------------------- known bugs
// Disagreements that are bugs in specc, not by design: reported, and listed
// here until generator/ or the runtime is fixed, so that the test keeps
// checking everything else. Each row fails the test once nothing shows it
// (remove the row with the fix). Two kinds:
//  - a bug in the schema export: `patch(doc, api)` corrects the exported
//    document in place and returns how many places it changed (0: the export
//    is right now). specc is compared with ajv on the corrected schemas, so
//    the bug hides nothing; the row counts the cases whose verdict the
//    correction changes.
//  - a bug in the runtime: `match(c)` as in BY_DESIGN.
const KNOWN_BUGS = [
];

// ------------------------------------------------------------- schemas

let schemaFiles;
try {
    schemaFiles = fs.readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
} catch (e) {
    die(`${schemaDir}: ${e.message}`);
}
if (schemaFiles.length === 0) die(`${schemaDir}: no *.schema.json`);
const schemaBase = new Map(); // api → the URI to $ref its document by
const schemaDocs = new Map(); // api → the document, as exported
for (const f of schemaFiles) {
    const api = f.slice(0, -'.schema.json'.length);
    const doc = JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'));
    schemaDocs.set(api, doc);
    schemaBase.set(api, typeof doc.$id === 'string' ? doc.$id : f);
}

// What the schemas use: keywords ("multipleOf") and formats ("format:ipv6");
// mutations aimed at one are made only when some schema uses it.
const used = new Set();
(function collect(v) {
    if (Array.isArray(v)) v.forEach(collect);
    else if (isObject(v)) {
        for (const [k, x] of Object.entries(v)) {
            used.add(k);
            if (k === 'format' && typeof x === 'string') used.add(`format:${x}`);
            collect(x);
        }
    }
})([...schemaDocs.values()]);

// A set of validators over the documents, each changed by `patches` (rows of
// KNOWN_BUGS with a patch); returns verdict(api, typeName, data).
function ajvVerdicts(patches) {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    for (const [api, exported] of schemaDocs) {
        const doc = structuredClone(exported);
        for (const bug of patches) bug.patched += bug.patch(doc, api);
        if (typeof doc.$id === 'string') ajv.addSchema(doc);
        else ajv.addSchema(doc, schemaBase.get(api));
    }
    const validators = new Map();
    return (api, typeName, data) => {
        const key = `${api}#${typeName}`;
        if (!validators.has(key))
            validators.set(key, ajv.compile({ $ref: `${schemaBase.get(api)}#/$defs/${typeName}` }));
        const validate = validators.get(key);
        if (validate(data)) return { valid: true, detail: '-' };
        const e = validate.errors[0];
        return {
            valid: false, keyword: e.keyword, instancePath: e.instancePath, params: e.params,
            detail: `${e.instancePath || '/'} ${e.keyword}: ${e.message} (${e.schemaPath})`,
        };
    };
}
const exportBugs = KNOWN_BUGS.filter((b) => b.patch && b.suites.includes(suite));
for (const bug of exportBugs) bug.patched = 0;
const ajvExported = ajvVerdicts([]);
// ajv on the schemas as they should be: the comparison with specc uses these
const ajvCorrected = exportBugs.length ? ajvVerdicts(exportBugs) : ajvExported;
const ajvEachBug = exportBugs.map((bug) => ajvVerdicts([{ patch: bug.patch, patched: 0 }]));

// --------------------------------------------------------------- cases

const cases = [];
const seenIds = new Set();
function addCase(id, target, bytes, origin, tag) {
    if (seenIds.has(id)) die(`duplicate case id ${id}`);
    if (/[\t\r\n]/.test(id)) die(`bad case id ${JSON.stringify(id)}`);
    seenIds.add(id);
    cases.push({ id, target, bytes, origin, tag });
}

const samples = [];
function addSample(name, target, file) {
    const bytes = oneLine(fs.readFileSync(file), name);
    const id = `sample:${name}`;
    addCase(id, target, bytes, 'sample', 'sample');
    samples.push({ id, name, target, data: JSON.parse(bytes.toString('utf8')) });
}

if (suite === 'specs') {
    // (1) samples: specs/samples/<api>/<endpoint>.<status>[.<variant>].json
    const samplesDir = path.join(sourceDir, 'specs', 'samples');
    for (const api of fs.readdirSync(samplesDir).sort()) {
        const dir = path.join(samplesDir, api);
        if (!fs.statSync(dir).isDirectory()) continue;
        for (const file of fs.readdirSync(dir).sort()) {
            const m = /^([a-z0-9_]+)\.([0-9]{3})(\.[^/]*)?\.json$/.exec(file);
            if (m) addSample(`${api}/${file}`, `${api}.${m[1]}.${m[2]}`, path.join(dir, file));
        }
    }

    // (2) negative payloads: tests/negative/<api>.tsv
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
}

// Hand-written cases, each with specc's expected verdict: valid, or the code
// of the first error (format, multiple-of, ...). Checked as well, so a case
// meant for one side of a boundary cannot drift to the other unnoticed.
const expected = new Map(); // case id → 'valid' or a specc code
if (suite === 'kitchen2') {
    // (1) payloads: tests/kitchen2/payloads/<Type>[.<variant>].json
    const dir = path.join(sourceDir, 'tests', 'kitchen2', 'payloads');
    for (const file of fs.readdirSync(dir).sort()) {
        const m = /^([A-Za-z0-9]+)(\.[^/]*)?\.json$/.exec(file);
        if (m) addSample(`kitchen2/${file}`, `kitchen2.${m[1]}`, path.join(dir, file));
    }

    // (2) hand-written cases: NAME <TAB> TARGET <TAB> EXPECT <TAB> JSON, where
    // TARGET is kitchen2.<Type>[@request|@response] and EXPECT specc's verdict.
    const file = path.join(sourceDir, 'tests', 'kitchen2', 'ajv-cases.tsv');
    const lines = fs.readFileSync(file).toString('latin1').split('\n');
    lines.forEach((line, i) => {
        if (line === '' || line.startsWith('#')) return;
        const f = line.replace(/\r$/, '').split('\t');
        if (f.length !== 4) die(`ajv-cases.tsv:${i + 1}: expected 4 tab-separated fields`);
        const id = `case:${f[0]}`;
        addCase(id, f[1], Buffer.from(f[3], 'latin1'), 'case', 'case');
        expected.set(id, f[2]);
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
    const plain = JSON.stringify(data);
    if (!plain.includes('@@specc-')) return Buffer.from(plain, 'utf8'); // no sentinel
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

// A copy of root with fn applied to the node at steps (fn(node, parent, key);
// parent and key null at the root). Only the containers on the way are
// copied: the rest is shared with root, and nothing writes to it.
const shallow = (v) => (Array.isArray(v) ? [...v] : isObject(v) ? { ...v } : v);
function setAt(root, steps, fn) {
    const copy = shallow(root);
    if (steps.length === 0) {
        fn(copy, null, null);
        return copy;
    }
    let parent = copy;
    for (const s of steps.slice(0, -1)) {
        parent[s] = shallow(parent[s]);
        parent = parent[s];
    }
    const last = steps[steps.length - 1];
    parent[last] = shallow(parent[last]);
    fn(parent[last], parent, last);
    return copy;
}
const replaceAt = (root, steps, value) => steps.length === 0 ? value : setAt(root, steps, (_, parent, key) => {
    parent[key] = value;
});

const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d/;
const DATE = /^\d{4}-\d\d-\d\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i;
const HOSTNAME = /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$/; // padded: "aGk="

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
    if (used.has('format:ipv4') && IPV4.test(s)) {
        out.push(
            ['ipv4-octet-255', '255.255.255.255'],
            ['ipv4-octet-256', '192.0.2.256'],
            ['ipv4-leading-zero', '192.0.02.1'],
            ['ipv4-three-parts', '192.0.2'],
            ['ipv4-five-parts', '192.0.2.1.5'],
            ['ipv4-port', '192.0.2.1:80'],
            ['ipv4-cidr', '192.0.2.0/24'],
            ['ipv4-ipv6', '::1'],
        );
    }
    if (used.has('format:ipv6') && IPV6.test(s)) {
        out.push(
            ['ipv6-loopback', '::1'],
            ['ipv6-unspecified', '::'],
            ['ipv6-full', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
            ['ipv6-upper', '2001:DB8::1'],
            ['ipv6-v4-mapped', '::ffff:192.0.2.1'],
            ['ipv6-v4-mapped-bad', '::ffff:192.0.2.256'],
            ['ipv6-one-group-gap', '1:2:3:4:5:6::8'],
            ['ipv6-nine-groups', '1:2:3:4:5:6:7::8:9'],
            ['ipv6-eight-groups-gap', '1:2:3:4:5:6:7::8'],
            ['ipv6-seven-groups', '1:2:3:4:5:6:7'],
            ['ipv6-two-gaps', '2001::db8::1'],
            ['ipv6-group-5-hex', '2001:db8::12345'],
            ['ipv6-zone', 'fe80::1%eth0'],
            ['ipv6-brackets', '[2001:db8::1]'],
            ['ipv6-triple-colon', '2001:::1'],
            ['ipv6-ipv4', '192.0.2.1'],
        );
    }
    if (used.has('format:hostname') && HOSTNAME.test(s) && !IPV4.test(s) && !EMAIL.test(s) && !DECIMAL.test(s)) {
        out.push(
            ['hostname-single-label', 'localhost'],
            ['hostname-trailing-dot', `${s}.`],
            ['hostname-upper', s.toUpperCase()],
            ['hostname-digits-first', `1${s}`],
            ['hostname-all-digits', '123.456'],
            ['hostname-underscore', `a_b.${s}`],
            ['hostname-leading-hyphen', `-a.${s}`],
            ['hostname-trailing-hyphen', `a-.${s}`],
            ['hostname-empty-label', `a..${s}`],
            ['hostname-leading-dot', `.${s}`],
            ['hostname-label-63', `${'a'.repeat(63)}.${s}`],
            ['hostname-label-64', `${'a'.repeat(64)}.${s}`],
            ['hostname-253', `${'a.'.repeat(125)}abc`],
            ['hostname-254', `${'a.'.repeat(125)}abcd`],
            ['hostname-space', `a b.${s}`],
            ['hostname-unicode', `b\u00fccher.${s}`],
            ['hostname-punycode', `xn--bcher-kva.${s}`],
        );
    }
    if (used.has('format:byte') && BASE64.test(s)) {
        out.push(
            ['byte-longer', 'aGVsbG8gd29ybGQ='],
            ['byte-two-pad', 'aA=='],
            ['byte-no-padding', s.replace(/=+$/, '')],
            ['byte-extra-padding', `${s}=`],
            ['byte-pad-inside', 'a=Gk'],
            ['byte-not-alphabet', 'aG!k'],
            ['byte-urlsafe', 'a-_k'],
            ['byte-whitespace', 'aG k'],
            ['byte-newline', 'aGVs\nbG8='],
            ['byte-length-5', 'aGVsb'],
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
        if (used.has('multipleOf')) out.push(['int-plus-1', v + 1]);
        if (used.has('format:int32')) {
            out.push(
                ['int32-max', 2147483647],
                ['int32-min', -2147483648],
                ['int32-max-plus-1', 2147483648],
                ['int32-min-minus-1', -2147483649],
            );
        }
    } else {
        out.push(['number-exponent', raw('1.5e-3')], ['number-negated', -v], ['number-integer', 3]);
        if (used.has('multipleOf')) out.push(['number-plus-quarter', v + 0.25]);
        if (used.has('exclusiveMinimum') || used.has('exclusiveMaximum'))
            out.push(['number-zero', raw('0.0')], ['number-dot-zero', raw(`${Math.trunc(v)}.0`)]);
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
// keep(tag, steps) says whether a mutation is wanted before it is built
// (cloning and serializing a large sample for each one, only to drop most of
// them as duplicates, would cost seconds).
function mutationsOf(data, keep) {
    const out = [];
    let specialsDone = false;
    const emit = (tag, steps, make) => {
        if (keep(tag, steps)) out.push([tag, steps, serialize(make())]);
    };
    function walk(node, steps) {
        if (isObject(node)) {
            emit('extra-key', steps, () => setAt(data, steps, (o) => {
                o.zz_specc_extra = 'extra';
            }));
            emit('extra-key-object', steps, () => setAt(data, steps, (o) => {
                o.zz_specc_extra = { nested: [1, null] };
            }));
            const keys = Object.keys(node);
            if (keys.length > 0) {
                emit('duplicate-key', steps, () => setAt(data, steps, (o) => {
                    o[DUP] = o[keys[0]];
                    o[DUP + 'key'] = keys[0];
                }));
            }
            for (const k of keys) {
                emit('drop-key', [...steps, k], () => setAt(data, steps, (o) => {
                    delete o[k];
                }));
                value(node[k], [...steps, k]);
                walk(node[k], [...steps, k]);
            }
        } else if (Array.isArray(node)) {
            emit('array-append-null', steps, () => setAt(data, steps, (a) => {
                a.push(null);
            }));
            if (node.length > 0 && used.has('uniqueItems')) {
                emit('array-repeat-item', steps, () => setAt(data, steps, (a) => {
                    a.push(a[0]);
                }));
            }
            node.forEach((item, i) => {
                value(item, [...steps, i]);
                walk(item, [...steps, i]);
            });
        }
    }
    function value(v, steps) {
        const t = jsonType(v);
        if (t !== 'null') emit('set-null', steps, () => replaceAt(data, steps, null));
        for (const [tag, nv, nt] of TYPE_CHANGES)
            if (nt !== t) emit(tag, steps, () => replaceAt(data, steps, nv));
        if (t === 'number')
            for (const [tag, nv] of numberVariants(v)) emit(tag, steps, () => replaceAt(data, steps, nv));
        if (t === 'string') {
            for (const [tag, nv] of stringVariants(v)) emit(tag, steps, () => replaceAt(data, steps, nv));
            if (!specialsDone) {
                specialsDone = true;
                emit('string-nul', steps, () => replaceAt(data, steps, `a\u0000b`));
                emit('string-lone-surrogate', steps, () => replaceAt(data, steps, raw('"a\\ud800b"')));
                emit('string-surrogate-pair', steps, () => replaceAt(data, steps, raw('"a\\ud83d\\ude00b"')));
                emit('string-invalid-utf8', steps,
                     () => replaceAt(data, steps, raw(Buffer.from([0x22, 0x61, 0xff, 0x62, 0x22]))));
            }
        }
    }
    value(data, []);
    walk(data, []);
    return out;
}

// Keep one mutation per (target, tag, path with array indices folded): the
// samples of one target share their shape, so this covers every field of
// every target with each mutation once, without thousands of near-copies.
// Which sample provides it is chosen by the seeded PRNG. The kitchen2
// payloads of one type differ in shape (the variants of a union), and are
// small: there, each payload keeps its own (tag, path) set.
{
    const rand = prng(SEED);
    const order = samples.map((s) => ({ s, r: rand() })).sort((a, b) => a.r - b.r).map((x) => x.s);
    const kept = new Map();
    for (const s of order) {
        const keep = (tag, steps) => {
            const shape = steps.map((x) => (typeof x === 'number' ? '[]' : `.${x}`)).join('');
            const sig = `${suite === 'kitchen2' ? s.id : s.target} ${tag} ${shape}`;
            if (kept.has(sig)) return false;
            kept.set(sig, true);
            return true;
        };
        for (const [tag, steps, bytes] of mutationsOf(s.data, keep)) {
            const where = steps.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('');
            addCase(`mutation:${s.name}:$${where}:${tag}`, s.target,
                    bytes, 'mutation', tag);
        }
    }
}

// ------------------------------------------------------------ specc side

const targets = [...new Set(cases.map((c) => c.target))].sort();
const input = [];
for (const t of targets) input.push(Buffer.from(`?\t${t}\n`, 'utf8'));
for (const c of cases) {
    // (a mutation is one line already: serialize writes no raw tab or break)
    const line = c.origin === 'mutation' ? c.bytes : oneLine(c.bytes, c.id);
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
const rows = BY_DESIGN.filter((r) => r.suites.includes(suite));
const bugRows = KNOWN_BUGS.filter((b) => b.suites.includes(suite));
const counts = Object.fromEntries([...rows, ...bugRows].map((r) => [r.id, 0]));
const byOrigin = {};
const failures = [];
let agreements = 0;
const verdictText = (v) => (v.valid ? 'valid' : 'invalid');
for (const kase of cases) {
    const specc = speccVerdict.get(kase.id);
    if (!specc) {
        failures.push(`${kase.id}: no verdict from ${verdictsBin}`);
        continue;
    }
    if (expected.has(kase.id)) {
        const want = expected.get(kase.id);
        const got = specc.valid ? 'valid' : specc.code;
        if (got !== want)
            failures.push(`WRONG ${kase.id}: specc says ${got}, the case expects ${want}\n` +
                `    specc: ${specc.detail}\n    json:  ${kase.bytes.toString('utf8')}`);
    }
    const api = kase.target.split('.')[0];
    const tname = typeName.get(kase.target);
    if (!tname || !schemaBase.has(api)) {
        failures.push(`${kase.id}: no schema type for target ${kase.target}`);
        continue;
    }
    let data, parsed = true, ajvResult, ajvExport;
    try {
        data = JSON.parse(kase.bytes.toString('utf8'));
    } catch (e) {
        parsed = false;
        ajvResult = ajvExport = { valid: false, detail: `JSON.parse: ${e.message}` };
    }
    if (parsed) {
        // ajv on the schema as exported, and as corrected for the known
        // export bugs; a difference is a case that shows one of them
        ajvExport = ajvExported(api, tname, data);
        ajvResult = ajvCorrected(api, tname, data);
        if (ajvResult.valid !== ajvExport.valid) {
            const which = exportBugs.filter((b, i) => ajvEachBug[i](api, tname, data).valid !== ajvExport.valid);
            if (which.length === 0)
                failures.push(`${kase.id}: only the known export bugs together change ajv's verdict`);
            for (const b of which) counts[b.id]++;
        }
    }
    byOrigin[kase.origin] = (byOrigin[kase.origin] ?? 0) + 1;
    if (verbose)
        console.log(`${kase.id}\tspecc=${verdictText(specc)}\tajv=${verdictText(ajvResult)}` +
            `\t${specc.detail}\t${ajvResult.detail}` +
            (ajvExport.valid !== ajvResult.valid ? `\t(exported schema: ${ajvExport.detail})` : ''));
    if (ajvResult.valid === specc.valid) {
        agreements++;
        continue;
    }
    const c = {
        kase, data, parsed, specc, ajv: ajvResult,
        raw: (p) => rawNumberAt(kase.bytes.toString('utf8'), p),
        inAny: (p) => insideAny(schemaDocs.get(api), tname, p),
        ajvValue: () => (ajvResult.instancePath === undefined ? undefined
            : ajvResult.instancePath.split('/').slice(1)
                .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
                .reduce((v, k) => (v === null || typeof v !== 'object' ? undefined : v[k]), data)),
    };
    const row = rows.find((r) => r.match(c)) ?? bugRows.find((b) => b.match && b.match(c));
    if (row) {
        counts[row.id]++;
        continue;
    }
    const text = kase.bytes.toString('utf8');
    failures.push(
        `UNEXPLAINED ${kase.id} (target ${kase.target}, type ${tname})\n` +
        `    specc: ${verdictText(specc)}: ${specc.detail}\n` +
        `    ajv:   ${verdictText(ajvResult)}: ${ajvResult.detail}\n` +
        `    json:  ${text.length > 400 ? text.slice(0, 400) + '...' : text}`);
}

for (const r of rows.filter((r) => counts[r.id] === 0))
    failures.push(`BY_DESIGN row "${r.id}" was never observed in suite ${suite}: ` +
        'remove the suite from its row (or add the case it is about)');
for (const b of exportBugs.filter((b) => b.patched === 0))
    failures.push(`KNOWN_BUGS row "${b.id}": the exported schema no longer has this bug ` +
        '(its patch changes nothing): remove the row');
for (const b of bugRows.filter((b) => counts[b.id] === 0 && (!b.patch || b.patched > 0)))
    failures.push(`KNOWN_BUGS row "${b.id}" was never observed in suite ${suite}: ` +
        'fixed? remove the row (or add the case it is about)');

const origins = suite === 'specs'
    ? `${byOrigin.sample ?? 0} samples, ${byOrigin.negative ?? 0} negative`
    : `${byOrigin.sample ?? 0} payloads, ${byOrigin.case ?? 0} hand-written`;
console.log(`ajv-differential (${suite}): ${cases.length} cases ` +
    `(${origins}, ${byOrigin.mutation ?? 0} mutations), ${targets.length} targets, seed ${SEED}`);
console.log(`  agreements: ${agreements}`);
console.log('  expected disagreements (by design):');
for (const r of rows) console.log(`    ${String(counts[r.id]).padStart(5)}  ${r.id}: ${r.reason}`);
if (bugRows.length) {
    console.log('  KNOWN BUGS in specc (not by design: remove each row when its bug is fixed):');
    for (const b of bugRows) {
        const how = b.patch ? 'cases whose verdict the corrected schema changes' : 'disagreements';
        console.log(`    ${String(counts[b.id]).padStart(5)}  ${b.id} (${b.kind}; ${how}): ${b.reason}`);
    }
}
if (failures.length) {
    console.log(`\n${failures.length} problem(s):`);
    for (const f of failures) console.log(f);
    process.exit(1);
}
console.log('  every disagreement is explained');
