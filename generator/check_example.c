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
    if (sh->minimum.set && v < sh->minimum.number)
        ex_fail(cx, n, "%s is below the minimum %s", n->value, sh->minimum.text);
    if (sh->maximum.set && v > sh->maximum.number)
        ex_fail(cx, n, "%s is above the maximum %s", n->value, sh->maximum.text);
}

static void check_string(ex_ctx *cx, const node *n, const shape *sh)
{
    size_t i, len;
    if (n->kind != NODE_SCALAR || !node_is_string(n)) {
        ex_fail(cx, n, "expected a string, got %s%s", what(n),
                n->kind == NODE_SCALAR ? " (quote it to make it a string)" : "");
        return;
    }
    if (sh->format && !specc_format_valid((specc_format)sh->format, n->value, n->len))
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
    if (sh->minimum.set && v < sh->minimum.integer)
        ex_fail(cx, n, "%s is below the minimum %s", n->value, sh->minimum.text);
    if (sh->maximum.set && v > sh->maximum.integer)
        ex_fail(cx, n, "%s is above the maximum %s", n->value, sh->maximum.text);
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
    case SHAPE_REF: check_object(cx, n, sh->ref, depth); break;
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
            ex_ctx cx;
            if (!f->example)
                continue;
            snprintf(field_name, sizeof field_name, "field '%.60s' of type '%s'", f->json_name,
                     t->name);
            cx.field = field_name;
            cx.path[0] = '\0';
            cx.ok = true;
            check_value(&cx, f->example, &f->shape, f->nullable, 0);
        }
    }
}
