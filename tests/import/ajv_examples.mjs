// ajv_examples.mjs — ajv's verdict on each extracted example, against its
// operation's success response schema in the OpenAPI description itself.
//
// usage: node ajv_examples.mjs DOCUMENT.json INDEX.tsv EXAMPLES_DIR
//
//   DOCUMENT.json  the description as JSON (extract_examples.py writes it)
//   INDEX.tsv      operationId<TAB>status<TAB>file<TAB>pointer, the pointer
//                  (#/paths/...) naming the application/json schema
//
// Prints one line per example: operationId<TAB>valid|invalid<TAB>ajv's first
// error ("$.path: message", empty when valid). ajv 8 (Ajv2020: draft
// 2020-12, as OpenAPI 3.1 schemas are; strict: false, so `discriminator`,
// `example` and x- keywords are ignored) with ajv-formats, from tests/ajv.
// The whole description is registered as one schema, so every
// `$ref: '#/components/...'` resolves in it. Before that, OpenAPI 3.0's
// `nullable: true` becomes a union with null (type: [T, 'null'], null added
// to an enum; `anyOf: [..., {type: 'null'}]` where the schema has no type)
// and 3.0's boolean exclusiveMinimum/exclusiveMaximum become 2020-12's.
// Exit 0, or 2 when something cannot be read or compiled.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'ajv', 'package.json'));

function die(msg) {
    process.stderr.write(`ajv_examples: ${msg}\n`);
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
if (process.argv.length !== 5) die('usage: node ajv_examples.mjs DOCUMENT.json INDEX.tsv EXAMPLES_DIR');
const [docPath, indexPath, exDir] = process.argv.slice(2);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// OpenAPI 3.0 schema spellings into JSON Schema 2020-12, everywhere in the
// document (a `nullable` key outside a schema would be a property name in
// `properties`, whose value is an object, never `true`).
function rewrite(v) {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!isObject(v)) return v;
    let out = {};
    for (const [k, x] of Object.entries(v)) out[k] = rewrite(x);
    for (const [bound, limit] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
        if (typeof out[bound] === 'boolean') {
            if (out[bound] && limit in out) {
                out[bound] = out[limit];
                delete out[limit];
            } else {
                delete out[bound];
            }
        }
    }
    if (out.nullable === true) {
        delete out.nullable;
        if ('type' in out) {
            const types = Array.isArray(out.type) ? out.type : [out.type];
            if (!types.includes('null')) out.type = [...types, 'null'];
            if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
        } else {
            out = { anyOf: [out, { type: 'null' }] };
        }
    } else if (out.nullable === false) {
        delete out.nullable;
    }
    return out;
}

// ajv's instancePath (/a/0/b) in specc's notation ($.a[0].b).
function specPath(p) {
    let s = '$';
    for (const raw of p.split('/').slice(1)) {
        const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (/^[0-9]+$/.test(step)) s += `[${step}]`;
        else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(step)) s += `.${step}`;
        else s += `[${JSON.stringify(step)}]`;
    }
    return s;
}

let doc;
try {
    doc = rewrite(JSON.parse(fs.readFileSync(docPath, 'utf8')));
} catch (e) {
    die(`${docPath}: ${e.message}`);
}
const ID = 'https://specc.invalid/openapi.json';
delete doc.$id;
doc.$id = ID;

const ajv = new Ajv2020({ strict: false, allErrors: false, logger: false, validateSchema: false });
addFormats(ajv);
ajv.addSchema(doc);

const lines = fs.readFileSync(indexPath, 'utf8').split('\n').filter((l) => l !== '');
const out = [];
for (const line of lines) {
    const [op, , file, pointer] = line.split('\t');
    let validate;
    try {
        validate = ajv.compile({ $ref: ID + pointer });
    } catch (e) {
        die(`${op}: cannot compile ${pointer}: ${e.message}`);
    }
    let value;
    try {
        value = JSON.parse(fs.readFileSync(path.join(exDir, file), 'utf8'));
    } catch (e) {
        die(`${file}: ${e.message}`);
    }
    if (validate(value)) {
        out.push(`${op}\tvalid\t`);
    } else {
        const e = validate.errors[0];
        let msg = `${specPath(e.instancePath)}: ${e.message}`;
        if (e.params && e.params.additionalProperty !== undefined) msg += ` (${e.params.additionalProperty})`;
        else if (e.params && e.params.allowedValues !== undefined) msg += ` ${JSON.stringify(e.params.allowedValues)}`;
        out.push(`${op}\tinvalid\t${msg.replace(/[\t\n]/g, ' ')}`);
    }
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
