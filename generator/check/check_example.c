/*
 * check_example.c — every `example:` must be a value its own field accepts:
 * JSON type, nullability, format, enum, bounds, lengths, pattern, and for a
 * named type its required keys and fields. Formats are judged by the same
 * code the generated bindings run (the runtime's specc_format.c).
 */
#define _POSIX_C_SOURCE 200809L

#include "check_internal.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "specc_internal.h"

#define EXAMPLE_DEPTH_MAX 64

typedef struct ex_ctx {
    const char *field; /* "field 'id' of type 'Model'" */
    char path[200];    /* inside the example: "part.sku", "tags[2]" */
    bool ok;
} ex_ctx;

static void ex_fail(ex_ctx *cx, const node *n, const char *fmt, const char *a, const char *b)
{
    char msg[300];
    snprintf(msg, sizeof msg, fmt, a, b);
    if (cx->path[0])
        diag_error(n->where, "example of %s, at %s: %s", cx->field, cx->path, msg);
    else
        diag_error(n->where, "example of %s: %s", cx->field, msg);
    cx->ok = false;
}

/* Append ".key" or "[i]" to the path; returns the old length to restore. */
static size_t path_push(ex_ctx *cx, const char *key, size_t index)
{
    size_t len = strlen(cx->path);
    if (key)
        snprintf(cx->path + len, sizeof cx->path - len, "%s%.40s", len ? "." : "", key);
    else
        snprintf(cx->path + len, sizeof cx->path - len, "[%zu]", index);
    return len;
}

#define what(n) ck_what_tmp(n)

static void check_value(ex_ctx *cx, const node *n, const shape *sh, bool nullable, int depth);

static void check_bounds(ex_ctx *cx, const node *n, const shape *sh, double v)
{
    if (sh->minimum.set && (v < sh->minimum.number ||
                            (sh->exclusive_minimum && v == sh->minimum.number)))
        ex_fail(cx, n, "%s is below the minimum %s", n->value, sh->minimum.text);
    if (sh->maximum.set && (v > sh->maximum.number ||
                            (sh->exclusive_maximum && v == sh->maximum.number)))
        ex_fail(cx, n, "%s is above the maximum %s", n->value, sh->maximum.text);
}

/* The runtime's constant for a format, by name (the two enums need not be
 * numbered alike). */
static specc_format runtime_format(format_kind f)
{
    switch (f) {
    case FORMAT_DATE: return SPECC_FORMAT_DATE;
    case FORMAT_DATE_TIME: return SPECC_FORMAT_DATE_TIME;
    case FORMAT_UUID: return SPECC_FORMAT_UUID;
    case FORMAT_URI: return SPECC_FORMAT_URI;
    case FORMAT_EMAIL: return SPECC_FORMAT_EMAIL;
    case FORMAT_HOSTNAME: return SPECC_FORMAT_HOSTNAME;
    case FORMAT_IPV4: return SPECC_FORMAT_IPV4;
    case FORMAT_IPV6: return SPECC_FORMAT_IPV6;
    case FORMAT_BYTE: return SPECC_FORMAT_BYTE;
    case FORMAT_NONE:
    case FORMAT_UNIX_TIME:
    case FORMAT_INT32: break;
    }
    return SPECC_FORMAT_NONE;
}

static void check_string(ex_ctx *cx, const node *n, const shape *sh)
{
    size_t i, len;
    if (n->kind != NODE_SCALAR || !node_is_string(n)) {
        ex_fail(cx, n, "expected a string, got %s%s", what(n),
                n->kind == NODE_SCALAR ? " (quote it to make it a string)" : "");
        return;
    }
    if (sh->format && !specc_format_valid(runtime_format(sh->format), n->value, n->len))
        ex_fail(cx, n, "'%s' is not a valid %s", n->value, format_name(sh->format));
    if (sh->enums && !sh->open) {
        bool found = false;
        for (i = 0; i < sh->enum_count; i++)
            if (sh->enums[i].text_len == n->len && memcmp(sh->enums[i].text, n->value, n->len) == 0)
                found = true;
        if (!found)
            ex_fail(cx, n, "'%s' is not one of the enum values%s", n->value, "");
    }
    len = speccp_utf8_length(n->value, n->len);
    if (sh->min_length.set && len < sh->min_length.value)
        ex_fail(cx, n, "'%s' is shorter than minLength%s", n->value, "");
    if (sh->max_length.set && len > sh->max_length.value)
        ex_fail(cx, n, "'%s' is longer than maxLength%s", n->value, "");
    if (sh->pattern) {
        regex_t re;
        if (regcomp(&re, sh->pattern, REG_EXTENDED | REG_NOSUB) == 0) {
            if (regexec(&re, n->value, 0, NULL, 0) != 0)
                ex_fail(cx, n, "'%s' does not match the pattern '%s'", n->value, sh->pattern);
            regfree(&re);
        }
    }
}

static void check_object(ex_ctx *cx, const node *n, const type_def *t, int depth)
{
    size_t i, j;
    if (n->kind != NODE_MAP) {
        ex_fail(cx, n, "expected a mapping for type %s, got %s", t->name, what(n));
        return;
    }
    for (i = 0; i < t->field_count; i++) {
        const field *f = &t->fields[i];
        const node *v = NULL;
        for (j = 0; j < n->count; j++)
            if (n->keys[j]->len == f->json_len &&
                memcmp(n->keys[j]->value, f->json_name, f->json_len) == 0)
                v = n->items[j];
        if (!v) {
            if (f->required)
                ex_fail(cx, n, "required key '%s' of type %s is missing", f->json_name, t->name);
            continue;
        }
        {
            size_t mark = path_push(cx, f->json_name, 0);
            check_value(cx, v, &f->shape, f->nullable, depth + 1);
            cx->path[mark] = '\0';
        }
    }
    if (t->unknown != UNKNOWN_REJECT)
        return;
    for (j = 0; j < n->count; j++) {
        bool known = false;
        for (i = 0; i < t->field_count; i++)
            if (n->keys[j]->len == t->fields[i].json_len &&
                memcmp(n->keys[j]->value, t->fields[i].json_name, n->keys[j]->len) == 0)
                known = true;
        if (!known)
            ex_fail(cx, n->keys[j], "key '%s' is not a field of type %s (it rejects unknown fields)",
                    n->keys[j]->value, t->name);
    }
}

static void check_integer(ex_ctx *cx, const node *n, const shape *sh)
{
    int64_t v;
    size_t i;
    bool found = false;
    if (n->kind != NODE_SCALAR || n->quoted || !node_as_int(n, &v)) {
        ex_fail(cx, n, "expected an integer (int64), got %s%s", what(n), "");
        return;
    }
    if (sh->enums && !sh->open) {
        for (i = 0; i < sh->enum_count; i++)
            found |= sh->enums[i].number == v;
        if (!found)
            ex_fail(cx, n, "%s is not one of the enum values%s", n->value, "");
    }
    if (sh->minimum.set && (v < sh->minimum.integer ||
                            (sh->exclusive_minimum && v == sh->minimum.integer)))
        ex_fail(cx, n, "%s is below the minimum %s", n->value, sh->minimum.text);
    if (sh->maximum.set && (v > sh->maximum.integer ||
                            (sh->exclusive_maximum && v == sh->maximum.integer)))
        ex_fail(cx, n, "%s is above the maximum %s", n->value, sh->maximum.text);
    if (sh->format == FORMAT_INT32 && (v < INT32_MIN || v > INT32_MAX))
        ex_fail(cx, n, "%s is out of range (int32)%s", n->value, "");
    if (sh->multiple_of.set && sh->multiple_of.integer > 0 && v % sh->multiple_of.integer != 0)
        ex_fail(cx, n, "%s is not a multiple of %s", n->value, sh->multiple_of.text);
}

/* Does the YAML value n equal the tag (JSON text) as JSON values do? */
static bool tag_is(const char *tag, const node *n)
{
    json_t *a = json_loads(tag, JSON_DECODE_ANY, NULL), *b = node_json(n);
    bool same = a && b && json_equal(a, b);
    json_decref(a);
    json_decref(b);
    return same;
}

/* The variant of a union a YAML value is, by its kind or discriminator;
 * NULL after reporting that it is none. */
static const variant *example_variant(ex_ctx *cx, const node *n, const type_def *t)
{
    const union_def *u = t->u;
    const node *d;
    size_t i, j;
    if (u->discriminator && n->kind == NODE_MAP) {
        if (!(d = node_get(n, u->discriminator)))
            return u->default_variant ? &u->variants[u->default_variant - 1] : NULL;
        for (i = 0; i < u->variant_count; i++)
            for (j = 0; j < u->variants[i].tag_count; j++)
                if (tag_is(u->variants[i].tags[j], d))
                    return &u->variants[i];
        if (!u->open)
            ex_fail(cx, d, "'%s' maps to no variant of %s", d->kind == NODE_SCALAR ? d->value : "?",
                    t->name);
        return NULL;
    }
    for (i = 0; i < u->variant_count; i++) {
        const shape *sh = &u->variants[i].shape;
        shape_kind k = sh->kind == SHAPE_REF && sh->ref->kind == TYPE_VALUE ? sh->ref->value.kind
                                                                           : sh->kind;
        bool is_int = n->kind == NODE_SCALAR && !n->quoted && node_as_int(n, &(int64_t){0});
        if ((n->kind == NODE_MAP && (k == SHAPE_REF || k == SHAPE_MAP)) ||
            (n->kind == NODE_SEQ && k == SHAPE_ARRAY) ||
            (n->kind == NODE_SCALAR && node_is_string(n) && (k == SHAPE_STRING || k == SHAPE_DECIMAL)) ||
            (is_int && k == SHAPE_INTEGER))
            return &u->variants[i];
    }
    for (i = 0; i < u->variant_count; i++) {
        shape_kind k = u->variants[i].shape.kind;
        double x;
        bool b;
        if (n->kind == NODE_SCALAR && !n->quoted &&
            ((node_as_number(n, &x) && (k == SHAPE_NUMBER || k == SHAPE_DECIMAL)) ||
             (node_as_bool(n, &b) && k == SHAPE_BOOLEAN)))
            return &u->variants[i];
    }
    if (!u->open)
        ex_fail(cx, n, "%s is none of the variants of %s", what(n), t->name);
    return NULL;
}

static void check_number(ex_ctx *cx, const node *n, const shape *sh)
{
    double d;
    if (n->kind != NODE_SCALAR || n->quoted || !node_as_number(n, &d))
        ex_fail(cx, n, "expected a number, got %s%s", what(n), "");
    else
        check_bounds(cx, n, sh, d);
}

static void check_decimal(ex_ctx *cx, const node *n, const shape *sh)
{
    double d;
    if (n->kind != NODE_SCALAR || !speccp_is_json_number(n->value, n->len))
        ex_fail(cx, n, "expected a decimal (a number or a string like \"0.13\"), got %s%s",
                n->kind == NODE_SCALAR ? n->value : what(n), "");
    else if (node_as_number(n, &d) || sscanf(n->value, "%lf", &d) == 1)
        check_bounds(cx, n, sh, d);
}

/* An array (a sequence) or a map (a mapping): counts, then each element. */
static void check_container(ex_ctx *cx, const node *n, const shape *sh, int depth)
{
    bool is_array = sh->kind == SHAPE_ARRAY;
    size_t i;
    if (n->kind != (is_array ? NODE_SEQ : NODE_MAP)) {
        ex_fail(cx, n, "expected a %s, got %s", is_array ? "sequence (array)" : "mapping (map)",
                what(n));
        return;
    }
    if (sh->min_items.set && n->count < sh->min_items.value)
        ex_fail(cx, n, "fewer %s than minItems%s", is_array ? "items" : "entries", "");
    if (sh->max_items.set && n->count > sh->max_items.value)
        ex_fail(cx, n, "more %s than maxItems%s", is_array ? "items" : "entries", "");
    for (i = 0; i < n->count; i++) {
        size_t mark = path_push(cx, is_array ? NULL : n->keys[i]->value, i);
        check_value(cx, n->items[i], sh->items, false, depth + 1);
        cx->path[mark] = '\0';
    }
}

/* A named type: an object, a value type's value, or a union's variant. */
static void check_ref(ex_ctx *cx, const node *n, const type_def *t, int depth)
{
    const variant *v;
    if (t->kind == TYPE_OBJECT)
        check_object(cx, n, t, depth);
    else if (t->kind == TYPE_VALUE)
        check_value(cx, n, &t->value, false, depth + 1);
    else if (t->u && (v = example_variant(cx, n, t)) != NULL)
        check_value(cx, n, &v->shape, false, depth + 1);
}

static void check_value(ex_ctx *cx, const node *n, const shape *sh, bool nullable, int depth)
{
    bool b;
    if (depth > EXAMPLE_DEPTH_MAX) {
        ex_fail(cx, n, "nested deeper than %s levels%s", "64", "");
        return;
    }
    if (sh->kind == SHAPE_ANY)
        return;
    if (n->kind == NODE_SCALAR && !n->quoted && node_is_null(n)) {
        if (!nullable)
            ex_fail(cx, n, "null, but the value is not nullable%s%s", "", "");
        return;
    }
    switch (sh->kind) {
    case SHAPE_STRING: check_string(cx, n, sh); break;
    case SHAPE_INTEGER: check_integer(cx, n, sh); break;
    case SHAPE_NUMBER: check_number(cx, n, sh); break;
    case SHAPE_BOOLEAN:
        if (n->kind != NODE_SCALAR || n->quoted || !node_as_bool(n, &b))
            ex_fail(cx, n, "expected true or false, got %s%s", what(n), "");
        break;
    case SHAPE_DECIMAL: check_decimal(cx, n, sh); break;
    case SHAPE_ARRAY:
    case SHAPE_MAP: check_container(cx, n, sh, depth); break;
    case SHAPE_REF: check_ref(cx, n, sh->ref, depth); break;
    case SHAPE_ANY: break;
    }
}

void check_examples(checker *ck)
{
    spec *s = ck->s;
    size_t i, j;
    char field_name[200];
    for (i = 0; i < s->type_count; i++) {
        const type_def *t = &s->types[i];
        for (j = 0; j < t->field_count; j++) {
            const field *f = &t->fields[j];
            const node *values[3] = {f->example, f->shape.default_value, f->shape.const_value};
            static const char *const kinds[3] = {"", " (its default)", " (its const)"};
            size_t k;
            for (k = 0; k < 3; k++) {
                ex_ctx cx;
                if (!values[k])
                    continue;
                snprintf(field_name, sizeof field_name, "field '%.60s' of type '%s'%s",
                         f->json_name, t->name, kinds[k]);
                cx.field = field_name;
                cx.path[0] = '\0';
                cx.ok = true;
                check_value(&cx, values[k], &f->shape, f->nullable, 0);
            }
        }
    }
}
