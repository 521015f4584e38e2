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

/* One discriminated variant: its type, with the key fixed to one of its
 * tags (or, for the default variant, the key absent). */
static json_t *tagged_variant(const union_def *u, size_t i)
{
    const variant *v = &u->variants[i];
    json_t *all = json_array(), *o = json_object(), *cond = json_object(), *props = json_object(),
           *req = json_array(), *values = json_array();
    size_t j;
    json_array_append_new(all, shape_schema(&v->shape));
    for (j = 0; j < v->tag_count; j++) {
        json_t *tag = json_loads(v->tags[j], JSON_DECODE_ANY, NULL);
        json_array_append_new(values, tag && !json_is_object(tag) && !json_is_array(tag)
                                          ? tag
                                          : json_string(v->tags[j]));
        if (tag && (json_is_object(tag) || json_is_array(tag)))
            json_decref(tag);
    }
    if (v->tag_count) {
        json_t *p = json_object();
        set(p, "enum", values);
        set(props, u->discriminator, p);
        set(cond, "properties", props);
        json_array_append_new(req, json_string(u->discriminator));
        set(cond, "required", req);
    } else {
        json_t *not = json_object();
        json_decref(values);
        json_decref(props);
        json_array_append_new(req, json_string(u->discriminator));
        set(not, "required", req);
        set(cond, "not", not);
    }
    json_array_append_new(all, cond);
    set(o, "allOf", all);
    return o;
}

/* A union: oneOf of its variants, each fixed to its discriminator values;
 * without a discriminator anyOf (an integer is also a number), the runtime
 * choosing by JSON kind. An open union accepts anything else too. */
static json_t *union_schema(const type_def *t)
{
    const union_def *u = t->u;
    json_t *o = json_object(), *list = json_array();
    size_t i;
    for (i = 0; i < u->variant_count; i++)
        json_array_append_new(list, u->discriminator ? tagged_variant(u, i)
                                                     : shape_schema(&u->variants[i].shape));
    if (u->open)
        json_array_append_new(list, json_object());
    set(o, u->discriminator && !u->open ? "oneOf" : "anyOf", list);
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
