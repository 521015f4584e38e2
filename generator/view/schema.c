/*
 * schema.c — export a checked spec as JSON Schema, draft 2020-12.
 *
 *   type Name        → $defs/Name: an object with properties, required and
 *                      additionalProperties (false only for reject: preserve
 *                      and ignore both accept unknown keys)
 *   nullable         → anyOf [the value's schema, {"type": "null"}]
 *   decimal          → anyOf [number, string holding a JSON number]
 *   any              → {} (every value)
 *   map              → object with additionalProperties, min/maxProperties
 *   open enum        → the plain type: unknown values are valid
 *   formats          → "format" (unix-time: none; it is an integer)
 *
 * What JSON Schema cannot say the same way is listed in README ("JSON
 * Schema export"), and the ajv differential test keeps that list honest.
 */
#include "schema.h"

#include <string.h>

/* A JSON number literal as a string: what a decimal string must hold. */
#define DECIMAL_PATTERN "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"

static void set(json_t *o, const char *key, json_t *v)
{
    json_object_set_new(o, key, v);
}

static json_t *bound_json(const shape *sh, const bound *b)
{
    if (sh->kind == SHAPE_INTEGER)
        return json_integer((json_int_t)b->integer);
    return json_real(b->number);
}

/* The JSON Schema "format" of a format, or NULL when it has none there. */
static const char *format_text(format_kind f)
{
    return format_get(f)->in_schema ? format_get(f)->name : NULL;
}

static json_t *enum_json(const shape *sh)
{
    json_t *values = json_array();
    size_t i;
    for (i = 0; i < sh->enum_count; i++)
        json_array_append_new(values, sh->kind == SHAPE_INTEGER
                                          ? json_integer((json_int_t)sh->enums[i].number)
                                          : json_stringn(sh->enums[i].text, sh->enums[i].text_len));
    return values;
}

/* minimum/maximum, their exclusive forms (2020-12: numbers), multipleOf. */
static void bounds_schema(json_t *o, const shape *sh)
{
    if (sh->minimum.set)
        set(o, sh->exclusive_minimum ? "exclusiveMinimum" : "minimum",
            bound_json(sh, &sh->minimum));
    if (sh->maximum.set)
        set(o, sh->exclusive_maximum ? "exclusiveMaximum" : "maximum",
            bound_json(sh, &sh->maximum));
    if (sh->multiple_of.set)
        set(o, "multipleOf", bound_json(sh, &sh->multiple_of));
}

/* const, default, deprecated, readOnly, writeOnly; null for nullable items. */
static json_t *annotate(json_t *o, const shape *sh)
{
    if (sh->const_value)
        set(o, "const", node_json(sh->const_value));
    if (sh->default_value)
        set(o, "default", node_json(sh->default_value));
    if (sh->deprecated)
        set(o, "deprecated", json_true());
    if (sh->read_only)
        set(o, "readOnly", json_true());
    if (sh->write_only)
        set(o, "writeOnly", json_true());
    if (sh->nullable) {
        json_t *any = json_array(), *null = json_object(), *wrap = json_object();
        set(null, "type", json_string("null"));
        json_array_append_new(any, o);
        json_array_append_new(any, null);
        set(wrap, "anyOf", any);
        return wrap;
    }
    return o;
}

static json_t *shape_schema(const shape *sh)
{
    json_t *o = json_object(), *num, *str, *any;
    switch (sh->kind) {
    case SHAPE_STRING:
        set(o, "type", json_string("string"));
        if (format_text(sh->format))
            set(o, "format", json_string(format_text(sh->format)));
        if (sh->enums && !sh->open)
            set(o, "enum", enum_json(sh));
        if (sh->min_length.set)
            set(o, "minLength", json_integer((json_int_t)sh->min_length.value));
        if (sh->max_length.set)
            set(o, "maxLength", json_integer((json_int_t)sh->max_length.value));
        if (sh->pattern)
            set(o, "pattern", json_string(sh->pattern));
        break;
    case SHAPE_INTEGER:
    case SHAPE_NUMBER:
        set(o, "type", json_string(sh->kind == SHAPE_INTEGER ? "integer" : "number"));
        if (sh->enums && !sh->open)
            set(o, "enum", enum_json(sh));
        bounds_schema(o, sh);
        if (sh->kind == SHAPE_INTEGER && sh->format == FORMAT_INT32)
            set(o, "format", json_string("int32"));
        break;
    case SHAPE_BOOLEAN:
        set(o, "type", json_string("boolean"));
        break;
    case SHAPE_DECIMAL:
        num = json_object();
        set(num, "type", json_string("number"));
        bounds_schema(num, sh);
        str = json_object();
        set(str, "type", json_string("string"));
        set(str, "pattern", json_string(DECIMAL_PATTERN));
        any = json_array();
        json_array_append_new(any, num);
        json_array_append_new(any, str);
        set(o, "anyOf", any);
        break;
    case SHAPE_ANY:
        break;
    case SHAPE_ARRAY:
        set(o, "type", json_string("array"));
        set(o, "items", shape_schema(sh->items));
        if (sh->min_items.set)
            set(o, "minItems", json_integer((json_int_t)sh->min_items.value));
        if (sh->max_items.set)
            set(o, "maxItems", json_integer((json_int_t)sh->max_items.value));
        if (sh->unique_items)
            set(o, "uniqueItems", json_true());
        break;
    case SHAPE_MAP:
        set(o, "type", json_string("object"));
        set(o, "additionalProperties", shape_schema(sh->items));
        if (sh->min_items.set)
            set(o, "minProperties", json_integer((json_int_t)sh->min_items.value));
        if (sh->max_items.set)
            set(o, "maxProperties", json_integer((json_int_t)sh->max_items.value));
        break;
    case SHAPE_REF: {
        char ref[300];
        snprintf(ref, sizeof ref, "#/$defs/%s", sh->ref->name);
        set(o, "$ref", json_string(ref));
        break;
    }
    }
    return annotate(o, sh);
}

static json_t *field_schema(const field *f)
{
    json_t *value = shape_schema(&f->shape), *o;
    if (f->nullable && f->shape.kind != SHAPE_ANY) {
        json_t *any = json_array(), *null = json_object();
        set(null, "type", json_string("null"));
        json_array_append_new(any, value);
        json_array_append_new(any, null);
        o = json_object();
        set(o, "anyOf", any);
    } else {
        o = value;
    }
    if (f->description)
        set(o, "description", json_string(f->description));
    if (f->example) {
        json_t *examples = json_array();
        json_array_append_new(examples, node_json(f->example));
        set(o, "examples", examples);
    }
    return o;
}

/* {"properties": {KEY: {"enum": [tags]}}, "required": [KEY]} */
static json_t *key_is_one_of(const char *key, json_t *values)
{
    json_t *cond = json_object(), *props = json_object(), *p = json_object(),
           *req = json_array();
    set(p, "enum", values);
    set(props, key, p);
    set(cond, "properties", props);
    json_array_append_new(req, json_string(key));
    set(cond, "required", req);
    return cond;
}

/* {"not": {"required": [KEY]}} */
static json_t *key_absent(const char *key)
{
    json_t *cond = json_object(), *not = json_object(), *req = json_array();
    json_array_append_new(req, json_string(key));
    set(not, "required", req);
    set(cond, "not", not);
    return cond;
}

/* One discriminated variant: its type, with the key one of its tags; the
 * default variant's branch also takes the key absent. */
static json_t *tagged_variant(const union_def *u, size_t i)
{
    const variant *v = &u->variants[i];
    json_t *all = json_array(), *o = json_object(), *values = json_array(), *cond, *either;
    size_t j;
    json_array_append_new(all, shape_schema(&v->shape));
    for (j = 0; j < v->tag_count; j++)
        json_array_append_new(values, json_loads(v->tags[j], JSON_DECODE_ANY, NULL));
    if (!v->tag_count) {
        json_decref(values);
        cond = key_absent(u->discriminator);
    } else if (u->default_variant == i + 1) {
        cond = json_object();
        either = json_array();
        json_array_append_new(either, key_absent(u->discriminator));
        json_array_append_new(either, key_is_one_of(u->discriminator, values));
        set(cond, "anyOf", either);
    } else {
        cond = key_is_one_of(u->discriminator, values);
    }
    json_array_append_new(all, cond);
    set(o, "allOf", all);
    return o;
}

/* The JSON Schema type a variant's values have. */
static const char *json_type_of(const shape *sh)
{
    if (sh->kind == SHAPE_REF && sh->ref->kind == TYPE_VALUE)
        return json_type_of(&sh->ref->value);
    switch (sh->kind) {
    case SHAPE_STRING: return "string";
    case SHAPE_INTEGER: return "integer";
    case SHAPE_NUMBER: return "number";
    case SHAPE_BOOLEAN: return "boolean";
    case SHAPE_ARRAY: return "array";
    case SHAPE_MAP:
    case SHAPE_REF: return "object";
    case SHAPE_DECIMAL:
    case SHAPE_ANY: break;
    }
    return NULL;
}

/* What an open union keeps as sent: an object whose key is no tag (with a
 * discriminator), or a value of a JSON kind no variant takes. */
static json_t *other_branch(const union_def *u)
{
    json_t *o = json_object(), *types = json_array(), *not = json_object(), *tags = json_array();
    size_t i, j;
    if (u->discriminator) {
        json_t *props = json_object(), *p = json_object(), *req = json_array();
        for (i = 0; i < u->variant_count; i++)
            for (j = 0; j < u->variants[i].tag_count; j++)
                json_array_append_new(tags, json_loads(u->variants[i].tags[j], JSON_DECODE_ANY, NULL));
        set(not, "enum", tags);
        set(p, "not", not);
        set(props, u->discriminator, p);
        set(o, "type", json_string("object"));
        json_array_append_new(req, json_string(u->discriminator));
        set(o, "required", req);
        set(o, "properties", props);
        json_decref(types);
        return o;
    }
    json_decref(tags);
    for (i = 0; i < u->variant_count; i++) {
        const char *t = json_type_of(&u->variants[i].shape);
        if (u->variants[i].shape.kind == SHAPE_DECIMAL) {
            json_array_append_new(types, json_string("string"));
            t = "number";
        }
        if (t)
            json_array_append_new(types, json_string(t));
    }
    json_array_append_new(types, json_string("null"));
    set(not, "type", types);
    set(o, "not", not);
    return o;
}

/* A union: oneOf of its variants, each fixed to its discriminator values;
 * without a discriminator anyOf (an integer is also a number), the runtime
 * choosing by JSON kind. An open union adds what it keeps as sent. */
static json_t *union_schema(const type_def *t)
{
    const union_def *u = t->u;
    json_t *o = json_object(), *list = json_array();
    size_t i;
    for (i = 0; i < u->variant_count; i++) {
        const shape *sh = &u->variants[i].shape;
        bool object = sh->kind == SHAPE_REF && sh->ref->kind == TYPE_OBJECT;
        json_array_append_new(list, u->discriminator && object ? tagged_variant(u, i)
                                                               : shape_schema(sh));
    }
    if (u->open)
        json_array_append_new(list, other_branch(u));
    set(o, u->discriminator ? "oneOf" : "anyOf", list);
    return o;
}

static json_t *type_schema(const type_def *t)
{
    json_t *o, *props, *required;
    size_t i;
    if (t->kind != TYPE_OBJECT) {
        o = t->kind == TYPE_UNION ? union_schema(t) : shape_schema(&t->value);
        if (t->description)
            set(o, "description", json_string(t->description));
        if (t->deprecated)
            set(o, "deprecated", json_true());
        return o;
    }
    o = json_object();
    props = json_object();
    required = json_array();
    set(o, "type", json_string("object"));
    if (t->description)
        set(o, "description", json_string(t->description));
    for (i = 0; i < t->field_count; i++) {
        const field *f = &t->fields[i];
        json_object_setn_new(props, f->json_name, f->json_len, field_schema(f));
        if (f->required)
            json_array_append_new(required, json_stringn(f->json_name, f->json_len));
    }
    set(o, "properties", props);
    if (json_array_size(required))
        set(o, "required", required);
    else
        json_decref(required);
    set(o, "additionalProperties", json_boolean(t->unknown != UNKNOWN_REJECT));
    return o;
}

json_t *schema_build(const spec *s)
{
    json_t *doc = json_object(), *defs = json_object();
    size_t i;
    set(doc, "$schema", json_string("https://json-schema.org/draft/2020-12/schema"));
    set(doc, "title", json_string(s->title ? s->title : s->api));
    if (s->description)
        set(doc, "description", json_string(s->description));
    if (s->docs)
        set(doc, "$comment", json_string(s->docs));
    for (i = 0; i < s->type_count; i++)
        set(defs, s->types[i].name, type_schema(&s->types[i]));
    set(doc, "$defs", defs);
    return doc;
}
